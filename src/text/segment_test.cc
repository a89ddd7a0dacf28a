// Table tests for split_sentences: rows per language, expected sentences
// joined by " | " (Xapian api_termgen style).
#include "text/segment.h"
#include "text/break_iterator.h"

#include <gtest/gtest.h>
#include <unicode/uchar.h>

#include <random>

#include <string>
#include <thread>
#include <vector>

namespace pactum::text {
namespace {

std::string sentences(std::string_view text, std::string_view lang) {
  std::string out;
  for (const Span& s : split_sentences(text, lang)) {
    if (!out.empty()) out += " | ";
    out += s.of(text);
  }
  return out;
}

struct SentenceRow {
  const char* lang;
  const char* text;
  const char* expected;
};

constexpr SentenceRow kSentenceRows[] = {
    // Basics: whitespace trimmed, empty input and blank lines give nothing.
    {"en", "", ""},
    {"en", "  \n\n \t ", ""},
    {"en", "  One sentence.  Two sentences!  Three?  ", "One sentence. | Two sentences! | Three?"},

    // English: titles, initials, U.S., e.g., No., Inc., dates.
    {"en", "Dr. Jane Smith and Prof. Ola Nordmann signed the MoU. It runs to 2030.",
     "Dr. Jane Smith and Prof. Ola Nordmann signed the MoU. | It runs to 2030."},
    {"en", "The U.S. Department of Energy joined. Japan did too.",
     "The U.S. Department of Energy joined. | Japan did too."},
    {"en", "Partners, e.g. Equinor and Mitsubishi, will invest. Work starts soon.",
     "Partners, e.g. Equinor and Mitsubishi, will invest. | Work starts soon."},
    {"en", "Toshiba Inc. President Taro Yamada attended. He spoke briefly.",
     "Toshiba Inc. President Taro Yamada attended. | He spoke briefly."},
    {"en", "The agreement was signed on Sept. 8 in Oslo. Jonas G. Støre was there.",
     "The agreement was signed on Sept. 8 in Oslo. | Jonas G. Støre was there."},
    {"en", "Sales reached 2023. The rest is history.", "Sales reached 2023. | The rest is history."},

    // Headlines, datelines and captions sit on their own lines, without a period.
    {"en",
     "Norway and Japan sign hydrogen deal\nOslo, 8 December 2023\nThe two countries signed a "
     "memorandum today.",
     "Norway and Japan sign hydrogen deal | Oslo, 8 December 2023 | The two countries signed a "
     "memorandum today."},

    // German: z. B., bzw., u. a., Dr., Nr., dotted dates and ordinals.
    {"de", "Am 8. Dezember 2023 unterzeichneten beide Länder die Erklärung. Sie gilt ab sofort.",
     "Am 8. Dezember 2023 unterzeichneten beide Länder die Erklärung. | Sie gilt ab sofort."},
    {"de", "Partner sind z. B. Siemens Energy und RWE. Weitere folgen.",
     "Partner sind z. B. Siemens Energy und RWE. | Weitere folgen."},
    {"de", "Partner sind z.B. Siemens Energy bzw. Uniper. Weitere folgen.",
     "Partner sind z.B. Siemens Energy bzw. Uniper. | Weitere folgen."},
    {"de", "Beteiligt sind u. a. Dr. Müller und Prof. Schmidt. Das Treffen war in Düsseldorf.",
     "Beteiligt sind u. a. Dr. Müller und Prof. Schmidt. | Das Treffen war in Düsseldorf."},
    {"de", "Es ist das 3. Abkommen dieser Art. Es gilt gemäß Nr. 4 Abs. 2 Satz 1 des Vertrags.",
     "Es ist das 3. Abkommen dieser Art. | Es gilt gemäß Nr. 4 Abs. 2 Satz 1 des Vertrags."},
    {"de", "Im 4. Quartal waren es 15. Das ist viel.", "Im 4. Quartal waren es 15. | Das ist viel."},
    {"de", "Die Müller GmbH & Co. KG hat unterschrieben. Mehr folgt.",
     "Die Müller GmbH & Co. KG hat unterschrieben. | Mehr folgt."},
    {"de", "Düsseldorf, 08.12.2023\nNRW und Fukushima vereinbaren Zusammenarbeit",
     "Düsseldorf, 08.12.2023 | NRW und Fukushima vereinbaren Zusammenarbeit"},

    // Bokmål: f.eks., bl.a., dates "08. des. 2023", dash quotes.
    {"nb", "Avtalen ble signert 08. des. 2023 i Tokyo. Den gjelder i fem år.",
     "Avtalen ble signert 08. des. 2023 i Tokyo. | Den gjelder i fem år."},
    {"nb", "Avtalen ble signert 8. desember 2023. Neste møte er i Bergen.",
     "Avtalen ble signert 8. desember 2023. | Neste møte er i Bergen."},
    {"nb", "Flere selskaper, bl.a. Equinor og Statkraft, deltar. Det gjelder f.eks. Hydro også.",
     "Flere selskaper, bl.a. Equinor og Statkraft, deltar. | Det gjelder f.eks. Hydro også."},
    {"nb", "Bl.a. Equinor deltar. Budsjettet er ca. 40 mill. NOK i år.",
     "Bl.a. Equinor deltar. | Budsjettet er ca. 40 mill. NOK i år."},
    {"nb",
     "– Batterisamarbeidet med Korea starter til våren, sier statsråden. Avtalen gjelder "
     "fra nyttår.",
     "– Batterisamarbeidet med Korea starter til våren, sier statsråden. | Avtalen gjelder "
     "fra nyttår."},
    {"nb", "Innhold\n1. Innledning\n2. Avtalen. Den gjelder fra 2024.\n3. Veien videre",
     "Innhold | 1. Innledning | 2. Avtalen. | Den gjelder fra 2024. | 3. Veien videre"},
    {"nb", "Antallet partnere økte til 12. Neste år kommer flere.",
     "Antallet partnere økte til 12. | Neste år kommer flere."},
    {"nb", "Norge og Japan inngår hydrogenavtale\nPublisert 08. des. 2023\nAvtalen ble signert i dag.",
     "Norge og Japan inngår hydrogenavtale | Publisert 08. des. 2023 | Avtalen ble signert i dag."},

    // Nynorsk.
    {"nn", "Avtalen vart signert 8. desember 2023. Ho gjeld m.a. forsking og t.d. shipping.",
     "Avtalen vart signert 8. desember 2023. | Ho gjeld m.a. forsking og t.d. shipping."},
    {"nn", "– Me skal samarbeide tett med Japan, seier fylkesordføraren. Dei møtest i mars.",
     "– Me skal samarbeide tett med Japan, seier fylkesordføraren. | Dei møtest i mars."},

    // Danish, Swedish.
    {"da", "Aftalen blev underskrevet den 8. december 2023. Den omfatter bl.a. brint.",
     "Aftalen blev underskrevet den 8. december 2023. | Den omfatter bl.a. brint."},
    {"sv", "Avtalet omfattar t.ex. vätgas och havsbaserad vind. Det gäller bl.a. Vattenfall.",
     "Avtalet omfattar t.ex. vätgas och havsbaserad vind. | Det gäller bl.a. Vattenfall."},

    // French, Dutch, Spanish, Italian.
    {"fr", "M. Dupont et Mme. Martin ont signé l'accord. Il entre en vigueur le 1er janvier.",
     "M. Dupont et Mme. Martin ont signé l'accord. | Il entre en vigueur le 1er janvier."},
    {"nl", "Partners zijn o.a. Shell en Gasunie. Dhr. Jansen tekende namens de provincie.",
     "Partners zijn o.a. Shell en Gasunie. | Dhr. Jansen tekende namens de provincie."},
    {"es", "El Sr. García y la Dra. López firmaron el acuerdo. Entra en vigor en enero.",
     "El Sr. García y la Dra. López firmaron el acuerdo. | Entra en vigor en enero."},
    {"it", "Il Dott. Rossi e la Sig.ra Bianchi hanno firmato. L'accordo vale tre anni.",
     "Il Dott. Rossi e la Sig.ra Bianchi hanno firmato. | L'accordo vale tre anni."},

    // Japanese: 。 ends a sentence, not inside 「」; 。」と continues the sentence.
    {"ja", "福島県とノルトライン・ヴェストファーレン州は覚書を締結した。両地域は協力を進める。",
     "福島県とノルトライン・ヴェストファーレン州は覚書を締結した。 | 両地域は協力を進める。"},
    {"ja", "本当ですか？はい！覚書を締結しました。", "本当ですか？ | はい！ | 覚書を締結しました。"},
    {"ja", "知事は「協力を深めたい。水素は重要だ。」と述べた。式典は東京で行われた。",
     "知事は「協力を深めたい。水素は重要だ。」と述べた。 | 式典は東京で行われた。"},
    {"ja", "「水素社会の実現へ。」\n県は発表した。",
     "「水素社会の実現へ。」 | 県は発表した。"},
    {"ja", "知事は「協力を深めたい。と述べた。式典は東京で行われた。",  // unmatched 「
     "知事は「協力を深めたい。 | と述べた。 | 式典は東京で行われた。"},
    {"ja", "福島県　水素協定を締結\n2023年12月8日", "福島県　水素協定を締結 | 2023年12月8日"},

    // No terminal before the closing run: ICU is not asked (same answer).
    {"en", "  Norway and Japan sign hydrogen MoU  ", "Norway and Japan sign hydrogen MoU"},
    {"en", "They signed it?!\u201D", "They signed it?!\u201D"},
    {"de", "Sie unterzeichneten «die Absichtserklärung.»", "Sie unterzeichneten «die Absichtserklärung.»"},
    {"ja", "両地域は協力を進める。」", "両地域は協力を進める。」"},
    // A foreign company's Latin legal form (ja/abbreviations.txt) ends no sentence.
    {"ja", "北海道は、Nordvik Ammonia Ltd.と覚書を締結した。両者は協力を進める。",
     "北海道は、Nordvik Ammonia Ltd.と覚書を締結した。 | 両者は協力を進める。"},
    // A terminal, a space, then a closing mark: a boundary (UAX #29 SB11).
    {"en", "They signed. ) Then left", "They signed. | ) Then left"},
    {"en", "Signed\u2049 Then left", "Signed\u2049 | Then left"},
};

TEST(SplitSentences, Table) {
  for (const auto& row : kSentenceRows) {
    EXPECT_EQ(sentences(row.text, row.lang), row.expected) << "[" << row.lang << "] " << row.text;
  }
}

TEST(SplitSentences, SpansAreTrimmedByteOffsets) {
  std::string_view text = "  Første setning.\n\n  Andre setning.  ";
  std::vector<Span> spans = split_sentences(text, "nb");
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0], (Span{2, 18}));
  EXPECT_EQ(spans[0].of(text), "Første setning.");
  EXPECT_EQ(spans[1].of(text), "Andre setning.");
}

TEST(SplitSentences, UnknownOrOddLanguageStillSplits) {
  EXPECT_EQ(sentences("One. Two.", ""), "One. | Two.");
  EXPECT_EQ(sentences("One. Two.", "../../etc"), "One. | Two.");
  EXPECT_EQ(sentences("One. Two.", "pt"), "One. | Two.");
}

TEST(SplitSentences, ManyThreads) {
  // Each thread splits in four languages (abbreviation lists loading on
  // first use) and must get what one thread gets.
  constexpr std::string_view kText = "Partner sind z. B. RWE. Weitere folgen.";
  const char* langs[] = {"de", "nb", "en", "ja"};
  std::vector<std::vector<Span>> expected;
  for (const char* lang : langs) expected.push_back(split_sentences(kText, lang));
  EXPECT_EQ(expected[0].size(), 2u);
  std::vector<std::thread> threads;
  std::vector<int> failures(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        int l = (t + i) % 4;
        if (split_sentences(kText, langs[l]) != expected[l]) ++failures[t];
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int f : failures) EXPECT_EQ(f, 0);
}


// The rule-exact boundaries of segment.cc against ICU's sentence iterator:
// tricky strings, then random ones built from the pieces of press text.
TEST(Sentence, FastBoundariesEqualIcu) {
  const std::vector<std::string> kTricky = {
      "Dr. Smith met Mr. Jones. They agreed.", "The U.S. and Japan signed. Then U.S. officials left.",
      "Growth was 2.5 percent. Next year 3.1.", "Jonas G. Støre and J. R. R. Tolkien. Both.",
      "Wait... what? Yes... He left.", "He said \"Go.\" Then he went.", "(It ended.) A new one began.",
      "«Ja.» Sa han. «Nei!» «Kanskje?»", "It ended. and then it went on.", "Really?! Yes!! No?!",
      "End.\u00A0Next sentence.", "Ende. 2014 wurde es gegründet. 5 Jahre.", "etc. (see 4) a note. Fine.",
      "Mr. Smith.\nNew line. Another.", "A. B. C.", "x.Y z.y 3.Z a.b.c. D", "Tokyo, 8. Dezember 2023. Ok.",
      "«Det er bra.» — Ja. Nei.", "It costs $5. That's cheap.", "One.  Two.\tThree.", "Hei. ÆØÅ. æøå.",
      "Hva? «Nei.» ‘Ok.’ “Fine.” Done.", "It is. ,and so. ;well. :yes.", "He (Dr.) came. She went.",
      "Start.\n\nAfter blank. Done.", "1. Innledning. 2. Mål.", "Jan. 5 and Feb. 6. Then.", "A.\n", ".",
      "?", "a.", "Ok.)", "Ok. )", "Ok. )a", "Ok. 5) Foo", "Ok. ‐ a", "É. é. ß. İ.", "ab. 1. Ab"};
  for (const std::string& text : kTricky) {
    for (const char* lang : {"en", "de", "nb", "fr"}) {
      std::vector<std::size_t> got;
      ASSERT_TRUE(internal::rule_sentence_boundaries(text, lang, &got)) << text;
      EXPECT_EQ(got, internal::icu_sentence_boundaries(text, lang)) << lang << " [" << text << "]";
    }
  }
  // Characters the rules leave to ICU: a combining mark, a soft hyphen, CR.
  std::vector<std::size_t> got;
  EXPECT_FALSE(internal::rule_sentence_boundaries("Cafe\u0301. Ok.", "en", &got));
  EXPECT_FALSE(internal::rule_sentence_boundaries("Ok.\r\nNext.", "en", &got));
  EXPECT_FALSE(internal::rule_sentence_boundaries("Ok. Ne\u00ADxt.", "en", &got));
  EXPECT_FALSE(internal::rule_sentence_boundaries("Ok. Next.", "el", &got));  // ';' ends a Greek question

  // Japanese: terminals, brackets, the ideographic comma (SContinue), kana,
  // Han and full-width forms, in tricky and in random order.
  const std::vector<std::string> kJapanese = {
      "両国は覚書を締結した。今後も協力する。", "「協力を深める」と述べた。次に進む。", "本当？はい！そうです。",
      "２０２３年４月２７日。覚書（ＭＯＵ）を締結。", "「よし。」と言った。", "Ａ．Ｂ社は、合意した。以上", "経済産業省は、\n発表した。",
      "2014年2月に。NRW州と。", "クリーン・エネルギー。水素", "。。。", "「」。」、", "ok. 日本。Ok."};
  for (const std::string& text : kJapanese) {
    ASSERT_TRUE(internal::rule_sentence_boundaries(text, "ja", &got)) << text;
    EXPECT_EQ(got, internal::icu_sentence_boundaries(text, "ja")) << "[" << text << "]";
  }
  static const std::vector<std::string> kJaPieces = {
      "\u3002", "\u3002", "\uFF01", "\uFF1F", "\u3001", "\u300C", "\u300D", "\u300E", "\u300F", "\uFF08", "\uFF09",
      "\u30FB", "\u30FC", "\uFF0E", "\uFF0C", "\uFF11", "\uFF21", "\uFF41", "\u3000", "\u65E5", "\u672C", "\u3042",
      "\u30A2", "\u30C3", ".", "?", "!", " ", "\n", "1", "a", "A", ",", "\"", ")", "\u2026"};
  std::mt19937 ja_rng(7);
  std::uniform_int_distribution<std::size_t> pick_ja(0, kJaPieces.size() - 1), ja_length(0, 16);
  for (int n = 0; n < 30000; ++n) {
    std::string text;
    for (std::size_t k = ja_length(ja_rng); k > 0; --k) text += kJaPieces[pick_ja(ja_rng)];
    ASSERT_TRUE(internal::rule_sentence_boundaries(text, "ja", &got)) << "[" << text << "]";
    ASSERT_EQ(got, internal::icu_sentence_boundaries(text, "ja")) << "[" << text << "]";
  }

  static const std::vector<std::string> kPieces = {
      "a", "b", "Z", "Dr", "U", "S", "1", "2", ".", ".", ".", "?", "!", "...", " ", " ", " ", "\t", "\n", ",",
      ";", ":", "-", "(", ")", "[", "]", "\"", "'", "«", "»", "\u201C", "\u201D", "\u2019", "\u2018", "\u00A0",
      "\u2026", "\u2013", "\u2014", "é", "Ø", "å", "ß", "$", "%", "/", "&", "*", "#", "\u3002", "\u00BF", "\u00A1"};
  std::mt19937 rng(11);
  std::uniform_int_distribution<std::size_t> pick(0, kPieces.size() - 1), length(0, 16);
  std::uniform_int_distribution<int> coin(0, 9);
  for (int n = 0; n < 30000; ++n) {
    std::string text;
    for (std::size_t k = length(rng); k > 0; --k) {
      if (coin(rng) < 4) text += coin(rng) < 5 ? "ab" : (coin(rng) < 5 ? "Cd" : "12");
      text += kPieces[pick(rng)];
    }
    ASSERT_TRUE(internal::rule_sentence_boundaries(text, "en", &got)) << "[" << text << "]";
    ASSERT_EQ(got, internal::icu_sentence_boundaries(text, "en")) << "[" << text << "]";
  }
}

TEST(Sentence, BadThreeByteSequencesAreLeftToIcu) {
  // Overlong, surrogate, cut short, a bad second byte: not UTF-8, so the
  // rules (which decode three-byte characters by hand) give the text up.
  std::vector<std::size_t> got;
  for (const char* bad : {"\xE0\x80\x80", "\xED\xA0\x80", "\xE3\x81", "\xE3\x41\x81"}) {
    EXPECT_FALSE(internal::rule_sentence_boundaries(std::string("日本。") + bad + "協力。", "ja", &got)) << bad;
  }
  ASSERT_TRUE(internal::rule_sentence_boundaries("日本。協力。", "ja", &got));
  EXPECT_EQ(got, (std::vector<std::size_t>{9, 18}));
}

TEST(Sentence, CjkLettersAreOLetter) {
  int n = 0;
  for (UChar32 c = 0x3000; c <= 0x9FFF; ++c) {
    if (!internal::is_cjk_oletter(c)) continue;
    ++n;
    ASSERT_EQ(u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK), U_SB_OLETTER) << std::hex << c;
  }
  EXPECT_GT(n, 20000);
}

// A sentence ends on a terminal, past closing quotes and brackets; a heading
// or list item does not.
TEST(EndsWithTerminal, Table) {
  const std::pair<const char*, bool> rows[] = {
      {"Norway and Japan signed a memorandum.", true},
      {"Why hydrogen?", true},
      {"Wir unterzeichnen!", true},
      {"覚書を締結した。", true},
      {"「協力を深める」と述べた。」", true},
      {"He said: \"We signed.\"", true},
      {"(Signed in 2014.)", true},
      {"Partnerschaft von NRW und Fukushima ausgebaut", false},
      {"日独水素協力", false},
      {"Published 16 January 2026", false},
      {"", false},
  };
  for (const auto& [text, terminal] : rows) EXPECT_EQ(ends_with_terminal(text), terminal) << text;
}

}  // namespace
}  // namespace pactum::text
