// The layout's chrome and dateline tests on long Japanese lines, whose
// opening is parsed on its own only when a chrome, era or month phrase could
// open it (layout.cc, opening_may_matter).
#include "extract/layout.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "extract/extract_test_util.h"
#include "text/segment.h"

namespace pactum::extract {
namespace {

std::vector<std::string> sentences_of(const std::string& text) {
  ingest::Document doc;
  doc.text = text;
  Layout layout = analyze_layout(*test_util::lexicon_fixture().lexicon, "ja", text, doc);
  std::vector<std::string> out;
  for (const LayoutSentence& s : layout.sentences) out.emplace_back(s.span.of(text));
  return out;
}

TEST(Layout, JapaneseOpeningWords) {
  const auto& words = test_util::lexicon_fixture().lexicon->opening_words("ja");
  EXPECT_NE(std::find(words.begin(), words.end(), "写真"), words.end());
  EXPECT_NE(std::find(words.begin(), words.end(), "令和"), words.end());
}

TEST(Layout, LongJapaneseLinesKeepTheirChromeAndDatelines) {
  const std::string kept = "日本とノルウェーは本日、水素とアンモニアに関する協力覚書に署名し、洋上風力の技術開発でも協力することで合意した。";
  const std::string text =
      "日本とノルウェーが水素協力の覚書に署名\n\n"
      "写真提供は経済産業省で、日本とノルウェーの両政府が水素とアンモニアに関する協力覚書に署名した様子を撮影したものである。\n\n"
      "「写真提供は経済産業省で、日本とノルウェーの両政府が水素とアンモニアに関する協力覚書に署名した様子を撮影したもの」\n\n"
      "令和元年 | " + kept + "\n\n" + kept + "\n";
  ASSERT_GT(kept.size(), 96u);
  const std::vector<std::string> s = sentences_of(text);
  // The chrome line goes, bracketed or not; the dateline is cut off; a plain
  // long line stays whole.
  for (const std::string& sentence : s) EXPECT_EQ(sentence.find("写真"), std::string::npos) << sentence;
  EXPECT_EQ(std::count(s.begin(), s.end(), kept), 2);
}

// A news page's header may hold a chrome word ("Suscríbete") above the
// headline: the article ends at such a word only past its first line of
// running text.
TEST(Layout, HeaderChromeWordDoesNotEndTheArticleBeforeItBegins) {
  const std::string lead =
      "La naviera Naviera Cantábrica y el grupo japonés Kaiyo Sangyo firmaron este miércoles en Bilbao una "
      "alianza estratégica de diez años para desarrollar buques propulsados por amoníaco.";
  const std::string text =
      "Europa Noticias\nPortada   Economía   Empresas   Energía\nSuscríbete   Iniciar sesión\n"
      "Economía > Empresas\n\nUna naviera vasca y un grupo japonés pactan una alianza para buques de amoníaco\n"
      "Actualizado 05/06/2025 12:47\n\n" + lead + "\n\nMás noticias\nLos puertos españoles baten su récord de tráfico\n";
  ingest::Document doc;
  doc.text = text;
  Layout layout = analyze_layout(*test_util::lexicon_fixture().lexicon, "es", text, doc);
  std::vector<std::string> s;
  for (const LayoutSentence& x : layout.sentences) s.emplace_back(x.span.of(text));
  EXPECT_NE(std::find(s.begin(), s.end(), lead), s.end());
  EXPECT_EQ(layout.title, "Una naviera vasca y un grupo japonés pactan una alianza para buques de amoníaco");
  for (const std::string& sentence : s) EXPECT_EQ(sentence.find("puertos"), std::string::npos) << sentence;
}

// The dateline is read among the first twelve lines that are not the page's
// chrome: a cookie banner and a menu above the headline do not push it out.
TEST(Layout, DatelineBelowACookieBannerAndAMenu) {
  std::string text = "Skip to main content\nCookies on this site\n";
  text += "We use some essential cookies to make this website work.\nAccept additional cookies  Reject additional cookies\n";
  text += "Menu\nSearch\nHome\nBusiness and industry\nEnergy\nNews story\n";
  text += "Norway and Japan agree on hydrogen shipping talks\n";
  text += "Ministers of both countries agreed to begin talks on shipping hydrogen between their ports this year.\n";
  text += "From: Ministry of Energy\nPublished 20 March 2025\n\n";
  text += "Norway and Japan will start negotiating an arrangement on shipping hydrogen, the ministers said on Tuesday.\n";
  ingest::Document doc;
  doc.text = text;
  Layout layout = analyze_layout(*test_util::lexicon_fixture().lexicon, "en", text, doc);
  EXPECT_EQ(layout.published.to_string(), "2025-03-20");
}

// The line openings are read with Lexicon::find_chrome_and_dates: on every
// line of every sample page (their languages by the file name), in the
// same order, the mentions find() gives of the categories it matches.
TEST(Layout, ChromeAndDateMentionsAreFindsOwn) {
  const Lexicon& lexicon = *test_util::lexicon_fixture().lexicon;
  const std::vector<Category> read = {Category::kChrome,        Category::kMonth,      Category::kWeekday,
                                      Category::kRelativeDate,  Category::kDateQualifier, Category::kDateMarker,
                                      Category::kEra,           Category::kTargetPrep, Category::kSincePrep,
                                      Category::kLocationPrep};
  std::size_t lines = 0, mentions = 0;
  for (const auto& file : std::filesystem::directory_iterator(std::filesystem::path(PACTUM_TEST_DATA_DIR) / "samples" / "docs")) {
    const std::string name = file.path().filename().string();
    if (file.path().extension() != ".txt" || name.size() < 3 || name[2] != '_') continue;
    const std::string lang = name.substr(0, 2);
    std::ifstream in(file.path());
    for (std::string line; std::getline(in, line);) {
      const std::vector<text::Token> tokens = text::tokenize(line, lang);
      std::vector<Mention> want;
      for (const Mention& m : lexicon.find(lang, line, tokens)) {
        if (m.entry && std::find(read.begin(), read.end(), m.entry->category) != read.end()) want.push_back(m);
      }
      const std::vector<Mention> got = lexicon.find_chrome_and_dates(lang, tokens);
      ASSERT_EQ(got.size(), want.size()) << name << ": " << line;
      for (std::size_t k = 0; k < got.size(); ++k) {
        EXPECT_EQ(got[k].first_token, want[k].first_token) << name << ": " << line;
        EXPECT_EQ(got[k].end_token, want[k].end_token) << name << ": " << line;
        EXPECT_EQ(got[k].entry, want[k].entry) << name << ": " << line;
      }
      ++lines;
      mentions += got.size();
    }
  }
  EXPECT_GT(lines, 500u);
  EXPECT_GT(mentions, 300u);  // dates and prepositions were there to find
}

}  // namespace
}  // namespace pactum::extract
