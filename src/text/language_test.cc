// Table tests for identify_language: short press-release-like texts (two or
// three sentences, written for these tests) in each target language.
#include "text/language.h"

#include <gtest/gtest.h>

#include <string>

namespace pactum::text {
namespace {

struct LanguageRow {
  const char* expected;
  const char* text;
};

constexpr LanguageRow kLanguageRows[] = {
    {"en",
     "Norway and Japan have signed a memorandum of understanding on hydrogen. The agreement "
     "covers research, shipping and the supply of clean ammonia. Both governments will meet "
     "again in the spring."},
    {"de",
     "Bayern und die japanische Präfektur Aichi haben eine Absichtserklärung über die "
     "Zusammenarbeit bei Wasserstoff unterzeichnet. Die Vereinbarung sieht einen regelmäßigen "
     "Austausch zwischen Hochschulen und Unternehmen vor."},
    {"nb",
     "Norge og Japan har inngått en avtale om samarbeid. Fylkeskommunen vil være med i et nytt "
     "nettverk for hydrogen."},
    {"nn",
     "Noreg og Japan har inngått ein avtale om samarbeid. Fylkeskommunen vil vere med i eit nytt "
     "nettverk for hydrogen."},
    {"nb",
     "Vestland fylkeskommune og Baden-Württemberg signerte en intensjonsavtale om grønt "
     "hydrogen. Avtalen skal styrke samarbeidet mellom næringslivet og universitetene i de to "
     "regionene."},
    {"nn",
     "Vestland fylkeskommune og Baden-Württemberg skreiv under ein intensjonsavtale om grønt "
     "hydrogen. Avtalen skal styrkje samarbeidet mellom næringslivet og universiteta i dei to "
     "regionane."},
    {"nb",
     "– Dette er en viktig dag for hele regionen, sier fylkesordføreren. Hun mener avtalen vil "
     "gi flere arbeidsplasser."},
    {"nn",
     "– Dette er ein viktig dag for heile regionen, seier fylkesordføraren. Ho meiner avtalen "
     "vil gje fleire arbeidsplassar."},
    // CLD2 alone says "da" for all three; the marker words decide.
    {"nb", "Equinor og JERA signerte en avtale om ammoniakk og CCS i Tokyo."},
    {"nn", "Equinor og JERA signerte ein avtale om ammoniakk og CCS i Tokyo."},
    {"da", "Equinor og JERA underskrev en aftale om ammoniak og CCS i Tokyo."},
    {"da",
     "Danmark og Japan har indgået en aftale om samarbejde om grøn brint. Regionen vil være med i "
     "et nyt netværk, som skal styrke forskningen og erhvervslivet."},
    {"sv",
     "Sverige och Japan har ingått ett avtal om samarbete kring vätgas. Regionen vill vara med i "
     "ett nytt nätverk som ska stärka forskningen och näringslivet."},
    {"fr",
     "La Norvège et le Japon ont signé un protocole d'accord sur l'hydrogène. L'accord prévoit "
     "des échanges entre les universités et les entreprises des deux pays."},
    {"ja",
     "福島県とノルトライン・ヴェストファーレン州は水素分野での協力に関する覚書を締結しました。"
     "両地域は大学と企業の交流を進めます。"},
    {"nl",
     "Nederland en Japan hebben een intentieverklaring over waterstof ondertekend. De "
     "overeenkomst voorziet in uitwisseling tussen universiteiten en bedrijven in beide landen."},
    {"es",
     "España y Japón han firmado un memorando de entendimiento sobre hidrógeno verde. El acuerdo "
     "prevé intercambios entre universidades y empresas de ambos países."},
    {"it",
     "L'Italia e il Giappone hanno firmato un memorandum d'intesa sull'idrogeno verde. L'accordo "
     "prevede scambi tra università e imprese dei due paesi."},
};

TEST(IdentifyLanguage, Table) {
  for (const auto& row : kLanguageRows) {
    LanguageGuess g = identify_language(row.text);
    EXPECT_EQ(g.code, row.expected) << row.text;
    EXPECT_GT(g.percent, 50) << row.text;
  }
}

TEST(IdentifyLanguage, LongerTextsAsTheirSentences) {
  // 700 bytes and more are read by two windows (start and end); bokmål,
  // nynorsk and Danish there by the marker words of the whole text. A row
  // repeated must read as the row.
  for (const auto& row : kLanguageRows) {
    for (std::size_t size : {700u, 1500u, 4000u}) {
      std::string text;
      while (text.size() < size) text += std::string(row.text) + "\n\n";
      EXPECT_EQ(identify_language(text).code, row.expected) << size << ": " << row.text;
    }
  }
}

TEST(IdentifyLanguage, EmptyAndNoiseAreUnknown) {
  EXPECT_EQ(identify_language("").code, "");
  EXPECT_FALSE(identify_language("").reliable);
  EXPECT_EQ(identify_language("12345 67 89 ---").code, "");
}

TEST(IdentifyLanguage, LooksOnlyAtAPrefix) {
  // 8 KB of bokmål, then a long nynorsk tail that must not be read.
  std::string text;
  while (text.size() < 9000) {
    text += "Norge og Japan har inngått en avtale om samarbeid om hydrogen og havvind. ";
  }
  std::string tail;
  while (tail.size() < 50000) {
    tail += "Noreg og Japan har inngått ein avtale om samarbeid. Dei vil vere med i eit nettverk. ";
  }
  EXPECT_EQ(identify_language(text + tail).code, "nb");
}

TEST(IdentifyLanguage, CutsThePrefixOnACharacterBoundary) {
  // Three-byte characters straddle the 8 KB mark; the cut must not break one.
  std::string text;
  while (text.size() < 10000) text += "福島県は水素の覚書を締結した。";
  LanguageGuess g = identify_language(text);
  EXPECT_EQ(g.code, "ja");
  EXPECT_TRUE(g.reliable);
}

TEST(IdentifyLanguage, GalicianBetweenSpanishMenusStaysGalician) {
  // Both 128-byte windows read as Spanish, the whole text as Galician: the
  // Galician words (es/relatives.txt) send it to the whole reading.
  const std::string es =
      "España y Japón han firmado un memorando de entendimiento sobre hidrógeno verde. El "
      "acuerdo prevé intercambios entre universidades y empresas de ambos países.";
  const std::string gl =
      "A Xunta e o Goberno de Portugal asinaron onte un memorando para impulsar o hidróxeno "
      "verde. O acordo prevé a creación dun grupo de traballo conxunto que se reunirá cada tres "
      "meses. A conselleira explicou que a cooperación permitirá compartir infraestruturas e "
      "coñecemento técnico entre as dúas beiras do Miño, e as partes comprométense a "
      "identificar proxectos de interese común antes de que remate o ano.";
  EXPECT_EQ(identify_language(es + "\n\n" + gl + "\n\n" + gl + "\n\n" + es).code, "gl");
  std::string spanish;
  while (spanish.size() < 1500) spanish += es + "\n\n";
  EXPECT_EQ(identify_language(spanish).code, "es");
}

TEST(LanguageByScript, KanaNameJapaneseWithoutCld2) {
  // Kana are Japanese's alone; CLD2 agrees wherever the script rule answers.
  const std::string japanese = kLanguageRows[14].text;
  EXPECT_EQ(internal::language_by_script(japanese), "ja");
  LanguageGuess g = identify_language(japanese);
  EXPECT_EQ(g.code, "ja");
  EXPECT_TRUE(g.reliable);
  EXPECT_EQ(g.percent, 100);  // kana and Han, no other letters
  // Latin names in a Japanese text lower the share, not below a fifth.
  const std::string with_names = "ヴェストラン県とバーデン＝ヴュルテンベルク州はEquinor、JERA、Siemens Energyと水素の覚書に署名した。";
  EXPECT_EQ(internal::language_by_script(with_names), "ja");
  EXPECT_EQ(identify_language(with_names).code, "ja");
}

TEST(LanguageByScript, ChineseWithAKatakanaNameIsLeftToCld2) {
  // Our own Chinese sentences naming a Japanese company in katakana: its
  // kana are far below a fifth of the letters, so CLD2 reads the text.
  const std::string chinese =
      "挪威与日本签署了关于氢能和海上风电合作的谅解备忘录，双方将在研究、航运和清洁氨供应方面加强交流。"
      "日本企业トヨタ表示愿意参与该项目，两国政府计划明年春季再次会晤，讨论具体的实施步骤。";
  EXPECT_EQ(internal::language_by_script(chinese), "");
  EXPECT_EQ(identify_language(chinese).code, "zh");
}

TEST(LanguageByScript, OtherScriptsAndMixedTextsAreLeftToCld2) {
  const std::string japanese = kLanguageRows[14].text;
  for (const auto& row : kLanguageRows) {
    if (std::string_view(row.expected) != "ja") {
      EXPECT_EQ(internal::language_by_script(row.text), "") << row.text;
    }
  }
  // An English text quoting a Japanese phrase: kana below a fifth.
  const std::string quoting =
      std::string(kLanguageRows[0].text) + " The Japanese side called it 水素の協力 in its statement.";
  EXPECT_EQ(internal::language_by_script(quoting), "");
  EXPECT_EQ(identify_language(quoting).code, "en");
  // Not UTF-8: no answer by script (CLD2 judges the valid part).
  EXPECT_EQ(internal::language_by_script(std::string("水素の\xE3\x81協力です") + "\xFF"), "");
  EXPECT_EQ(internal::language_by_script(""), "");
  // Kana only past the opening's 512 bytes: not looked for, CLD2 decides.
  EXPECT_EQ(internal::language_by_script(std::string(600, ' ') + japanese), "");
  EXPECT_EQ(identify_language(std::string(600, ' ') + japanese).code, "ja");
  EXPECT_EQ(internal::language_by_script("ー々"), "");  // Common-script letters count for none
}

}  // namespace
}  // namespace pactum::text
