// Table tests for tokenize: the tokens' folded forms per language, numbers
// marked with '#' (is_word false), Xapian api_termgen style.
#include "text/segment.h"
#include "text/break_iterator.h"
#include "text/normalize.h"
#include "text/reading.h"

#include <gtest/gtest.h>
#include <unicode/uchar.h>

#include <random>
#include <string>
#include <thread>
#include <vector>

namespace pactum::text {
namespace {

// "folded folded #number ..." and a check that every span points at the
// token's text.
std::string tokens(std::string_view text, std::string_view lang) {
  std::string out;
  for (const Token& t : tokenize(text, lang)) {
    EXPECT_LE(t.span.end, text.size());
    EXPECT_FALSE(t.span.empty());
    if (!out.empty()) out += ' ';
    if (!t.is_word) out += '#';
    out += t.folded;
  }
  return out;
}

struct TokenRow {
  const char* lang;
  const char* text;
  const char* expected;
};

constexpr TokenRow kTokenRows[] = {
    {"en", "", ""},
    {"en", " ... -- !!", ""},
    {"en", "Norway's Equinor signed 2 MoUs in 2023.", "norway's equinor signed #2 mous in #2023"},
    {"en", "The U.S. and E.ON, e.g. on 8 Dec. 2023: 1,500 MW.",
     "the u.s and e.on e.g on #8 dec #2023 #1,500 mw"},
    // Hyphenated compounds come out as their parts: ICU breaks at '-'.
    {"de", "Schleswig-Holstein und Baden-Württemberg: 8. Dezember 2023",
     "schleswig holstein und baden württemberg #8 dezember #2023"},
    {"de", "STRASSE Straße Größe", "strasse strasse grösse"},
    {"nb", "Det norsk-tyske samarbeidet om hydrogen, f.eks. i Møre og Romsdal.",
     "det norsk tyske samarbeidet om hydrogen f.eks i møre og romsdal"},
    {"nn", "– Me skal samarbeide tett, seier fylkesordføraren.",
     "me skal samarbeide tett seier fylkesordføraren"},
    {"fr", "L'accord franco-japonais sur l'hydrogène", "l'accord franco japonais sur l'hydrogène"},
    {"sv", "Vätgasavtalet mellan Sverige och Japan", "vätgasavtalet mellan sverige och japan"},
    {"en", "ＡＢＣ　１２３", "abc #123"},  // full-width letters and digits are folded
    // Japanese via MeCab: 覚書 stays whole, particles split off, katakana
    // compounds split at their dots.
    {"ja", "福島県とノルトライン・ヴェストファーレン州は覚書を締結した。",
     "福島 県 と ノルトライン ヴェストファーレン 州 は 覚書 を 締結 し た"},
    {"ja", "クリーンエネルギー・トランジションに関する", "クリーン エネルギー トランジション に関する"},
    {"ja", "2023年12月8日、東京で調印式が行われた。",
     "#2023 年 #12 月 #8 日 東京 で 調印 式 が 行わ れ た"},
    // Full-width digits and letters read as ASCII ones would, not digit by
    // digit ("２/０/２/３") or glued to a counter ("１２月").
    {"ja", "２０２３年１２月８日", "#2023 年 #12 月 #8 日"},
    {"ja", "ＮＲＷ州と福島県", "nrw 州 と 福島 県"},
};

TEST(Tokenize, Table) {
  for (const auto& row : kTokenRows) {
    EXPECT_EQ(tokens(row.text, row.lang), row.expected) << "[" << row.lang << "] " << row.text;
  }
}

TEST(Tokenize, CleanCutsSplitTheTokens) {
  // Where is_token_cut says so, the two sides tokenized alone give the
  // tokens of the whole (the layout hands a line's tokens to its sentences).
  const std::pair<const char*, std::string> kLines[] = {
      {"ja", "福島県とNRW州は水素で協力する。クリーンエネルギー・トランジションを進める！２０２４年に更新した。"},
      {"en", "Norway's U.S. partner signed 1,500 MoUs. Dr. Støre said: \"ok\" \u00a0 then e\u0301t\u00e9 left."},
      {"de", "Am 8. Dezember 2023 unterzeichneten sie in Nordrhein-Westfalen z. B. eine Absichtserklärung."},
  };
  auto same = [](const std::vector<Token>& a, const std::vector<Token>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (a[i].span.begin != b[i].span.begin || a[i].span.end != b[i].span.end || a[i].folded != b[i].folded ||
          a[i].is_word != b[i].is_word || a[i].proper_name != b[i].proper_name) {
        return false;
      }
    }
    return true;
  };
  for (const auto& [lang, line] : kLines) {
    const std::vector<Token> whole = tokenize(line, lang);
    ASSERT_GT(whole.size(), 5u);
    int cuts = 0;
    for (std::size_t pos = 0; pos <= line.size(); ++pos) {
      if (!is_token_cut(line, pos, lang)) continue;
      ++cuts;
      std::vector<Token> joined = tokenize(std::string_view(line).substr(0, pos), lang);
      for (Token& t : tokenize(std::string_view(line).substr(pos), lang)) {
        t.span.begin += pos;
        t.span.end += pos;
        joined.push_back(std::move(t));
      }
      EXPECT_TRUE(same(whole, joined)) << lang << " cut at " << pos;
    }
    EXPECT_GT(cuts, 3) << lang;
  }
  // Inside a word, or before a combining mark that joins the space: no cut.
  EXPECT_FALSE(is_token_cut("hydrogen deal", 3, "en"));
  EXPECT_TRUE(is_token_cut("hydrogen deal", 8, "en"));
  EXPECT_TRUE(is_token_cut("hydrogen deal", 9, "en"));
  EXPECT_FALSE(is_token_cut("a \u0301b", 2, "en"));
  EXPECT_FALSE(is_token_cut("水素で協力する。次に", 6, "ja"));
  EXPECT_TRUE(is_token_cut("水素で協力する。次に", 24, "ja"));
}

TEST(Tokenize, SpansAreByteOffsets) {
  std::string_view text = "Møre og Romsdal";
  std::vector<Token> t = tokenize(text, "nb");
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0].span, (Span{0, 5}));
  EXPECT_EQ(t[0].span.of(text), "Møre");
  EXPECT_EQ(t[2].span.of(text), "Romsdal");
}

TEST(Tokenize, JapaneseSpansSkipWhitespaceAndLines) {
  std::string_view text = "福島県と  ドイツ\n覚書を 締結。";
  std::string joined;
  for (const Token& t : tokenize(text, "ja")) {
    EXPECT_EQ(t.span.of(text), t.folded);  // nothing to fold in this text
    joined += std::string(t.span.of(text)) + "/";
  }
  EXPECT_EQ(joined, "福島/県/と/ドイツ/覚書/を/締結/");
}

TEST(Tokenize, JapaneseFullWidthSpansPointIntoTheText) {
  std::string_view text = "令和５年ＮＲＷ州";
  std::vector<Token> t = tokenize(text, "ja");
  ASSERT_EQ(t.size(), 5u);
  EXPECT_EQ(t[1].span.of(text), "５");
  EXPECT_EQ(t[1].folded, "5");
  EXPECT_FALSE(t[1].is_word);
  EXPECT_EQ(t[3].span.of(text), "ＮＲＷ");
}

TEST(Tokenize, JapanesePersonNamesAreMarked) {
  std::string_view text = "内堀雅雄知事と福島県";
  std::string marked;
  for (const Token& t : tokenize(text, "ja")) marked += std::string(t.span.of(text)) + (t.proper_name ? "*" : "") + " ";
  EXPECT_EQ(marked, "内堀* 雅雄* 知事 と 福島 県 ");
  for (const Token& t : tokenize("Masao Uchibori", "en")) EXPECT_FALSE(t.proper_name);
}

// classify() takes a token opening with these as a word without asking ICU.
TEST(Tokenize, CjkOLettersAreAlpha) {
  for (UChar32 c = 0; c <= 0xFFFF; ++c) {
    if (internal::is_cjk_oletter(c)) {
      EXPECT_TRUE(u_isalpha(c)) << std::hex << c;
    }
  }
}

TEST(Reading, HepburnOfKatakana) {
  const std::pair<const char*, const char*> rows[] = {
      {"ウチボリ", "uchibori"}, {"サトー", "sato"},     {"ハットリ", "hattori"}, {"マッチャ", "matcha"},
      {"キョート", "kyoto"},    {"シンジ", "shinji"},   {"ふくしま", "fukushima"}, {"Abc", ""},
      // Pairs before their first kana, a small kana alone, hiragana pairs,
      // ヴ, what is no kana (・ ヵ, a malformed byte), ッ at the end.
      {"ジェトロ", "jetoro"},   {"ァイ", "ai"},         {"きょうと", "kyouto"},   {"ヴォルフ", "vorufu"},
      {"ノイ・バウアー", ""},   {"ヵ", ""},             {"サ\xFF", ""},           {"カッ", "ka"},
      {"ウィッチャ", "witcha"}, {"", ""},
  };
  for (const auto& [kana, latin] : rows) EXPECT_EQ(hepburn(kana), latin) << kana;
}

TEST(Reading, LatinReadingOfNames) {
  EXPECT_EQ(latin_reading("内堀"), "uchibori");
  EXPECT_EQ(latin_reading("佐藤"), "sato");    // サトー: long vowels written short
  EXPECT_EQ(latin_reading("井上"), "inoue");   // イノウエ: not a long vowel
  EXPECT_EQ(latin_reading("岸田"), "kishida");
  EXPECT_EQ(latin_reading(""), "");
}

// latin_words reads a chunk tokenize() has parsed from the words kept then:
// the same words, spans and readings as a parse of its own.
TEST(Reading, WordsOfTokenizedChunksEqualAParse) {
  const std::string head = "前文です。", body = "内堀雅雄知事と佐藤氏が覚書に署名した。";
  const std::vector<LatinWord> fresh = latin_words(head + body);  // parsed here
  tokenize(body + head, "ja");                                    // keeps both chunks
  const std::vector<LatinWord> reused = latin_words(body + head);
  std::vector<LatinWord> expected;
  for (const LatinWord& w : fresh) {
    if (w.span.begin >= head.size()) expected.push_back({{w.span.begin - head.size(), w.span.end - head.size()}, w.latin, w.proper_name});
  }
  for (const LatinWord& w : fresh) {
    if (w.span.begin < head.size()) expected.push_back({{w.span.begin + body.size(), w.span.end + body.size()}, w.latin, w.proper_name});
  }
  ASSERT_EQ(reused.size(), expected.size());
  for (std::size_t i = 0; i < reused.size(); ++i) {
    EXPECT_EQ(reused[i].span, expected[i].span) << i;
    EXPECT_EQ(reused[i].latin, expected[i].latin) << i;
    EXPECT_EQ(reused[i].proper_name, expected[i].proper_name) << i;
  }
  std::string names;
  for (const LatinWord& w : reused) {
    if (w.proper_name) names += w.latin + " ";
  }
  EXPECT_EQ(names, "uchibori masao sato ");
}

TEST(Tokenize, JapaneseLongTextIsChunked) {
  // No sentence mark at all: chunks are cut by length, on character bounds.
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "福島県";
  std::vector<Token> t = tokenize(text, "ja");
  ASSERT_FALSE(t.empty());
  for (const Token& tok : t) EXPECT_EQ(tok.span.of(text), tok.folded);
  EXPECT_EQ(t.back().span.end, text.size());
}

// tokenize() cuts Latin text without ICU (a fast path): it must give exactly
// ICU's tokens, spans and number flags. Random strings over the characters
// the fast path knows, plus some it does not (then ICU is used anyway).
TEST(Tokenize, FastPathEqualsIcu) {
  static const std::vector<std::string> kPieces = {
      "a", "b", "Z", "e", "x", "1", "2", "0", "9", ".", ".", "'", ",", ";", " ", " ", " ", "-", "/",
      "(", ")", "\"", "!", "?", "%", "&", "+", "\t", "é", "Ø", "å", "ß", "ü", "Ł", "ſ", "×", "÷",
      "#", "$", "*", "<", "=", ">", "@", "[", "\\", "]", "^", "`", "{", "|", "}", "~", "\x7F", "\n",
      "a@b.c", "x@y", "www.example.org", "http://a.b/c",
      "\u2019", "\u2018", "\u2013", "\u2014", "\u201C", "\u201D", "\u201E", "\u2026", "«", "»",
      ":", "_", "\u00A0", "\u00B7", "\u00AD", "\u0301", "\u20AC", "\u2011", "\u00BA", "\u0180"};
  std::mt19937 rng(7);
  std::uniform_int_distribution<std::size_t> pick(0, kPieces.size() - 1), length(0, 14);
  std::uniform_int_distribution<int> coin(0, 9);
  int fast = 0;
  for (int n = 0; n < 30000; ++n) {
    std::string text;
    for (std::size_t k = length(rng); k > 0; --k) {
      // Mostly letters and digits, so that the join rules get exercised.
      if (coin(rng) < 5) text += coin(rng) < 7 ? "ab" : "12";
      text += kPieces[pick(rng)];
    }
    for (const char* lang : {"en", "de", "nb", "nn", "fi", "sv", "fr", "da"}) {
      const std::vector<Token> got = tokenize(text, lang);
      const std::vector<Token> want = internal::tokenize_with_icu(text, lang);
      ASSERT_EQ(got.size(), want.size()) << lang << " [" << text << "]";
      for (std::size_t i = 0; i < got.size(); ++i) {
        ASSERT_EQ(got[i].span.begin, want[i].span.begin) << lang << " [" << text << "]";
        ASSERT_EQ(got[i].span.end, want[i].span.end) << lang << " [" << text << "]";
        ASSERT_EQ(got[i].is_word, want[i].is_word) << lang << " [" << text << "] token " << i;
        ASSERT_EQ(got[i].folded, want[i].folded);
      }
    }
    fast += text.find_first_of(":_") == std::string::npos;
  }
  EXPECT_GT(fast, 1000);  // the fast path was exercised, not only ICU
}

TEST(Tokenize, LatinOneFoldsAsIcu) {
  // Words of ASCII and U+00C0..U+00FF are folded without ICU: every such
  // code point, alone, between letters and twice, folds as fold() does.
  for (UChar32 c = 0xC0; c <= 0xFF; ++c) {
    char buffer[U8_MAX_LENGTH];
    int32_t n = 0;
    U8_APPEND_UNSAFE(buffer, n, c);
    const std::string ch(buffer, static_cast<std::size_t>(n));
    for (const std::string& text : {ch, "Ab" + ch + "cD", ch + ch + "X", "Energi" + ch}) {
      for (const std::string lang : {"de", "es", "nb"}) {
        for (const Token& t : tokenize(text, lang)) {
          EXPECT_EQ(t.folded, fold(t.span.of(text))) << std::hex << c << " in " << text;
        }
      }
    }
  }
}

TEST(Tokenize, ManyThreads) {
  std::vector<std::thread> threads;
  std::vector<int> failures(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([t, &failures] {
      for (int i = 0; i < 200; ++i) {
        if (tokenize("福島県と覚書を締結した。", "ja").size() != 8) ++failures[t];
        if (tokenize("Norge og Japan", "nb").size() != 3) ++failures[t];
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int f : failures) EXPECT_EQ(f, 0);
}

}  // namespace
}  // namespace pactum::text
