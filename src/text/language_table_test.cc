// LanguageTable: the shipped table says what each module used to list in
// code, a bad row fails naming its line, and every language with a lexicon
// folder has a row.
#include "text/language_table.h"

#include <gtest/gtest.h>
#include <libstemmer.h>

#include <filesystem>
#include <fstream>

#include "common/files.h"

namespace pactum::text {
namespace {

std::filesystem::path write_table(const std::string& name, const std::string& rows) {
  auto path = std::filesystem::path(testing::TempDir()) / name;
  std::ofstream(path) << "# a test table\n# code\tuses\tsnowball\n" << rows;
  return path;
}

TEST(LanguageTable, ShippedTableLoads) {
  ASSERT_TRUE(language_table_status().is_ok()) << language_table_status().message();
  const LanguageTable& t = language_table();
  EXPECT_TRUE(t.has("nb", LanguageUse::kProfiles));
  EXPECT_TRUE(t.has("pt", LanguageUse::kProfiles));
  EXPECT_TRUE(t.has("de", LanguageUse::kGenitiveS));
  EXPECT_FALSE(t.has("fr", LanguageUse::kGenitiveS));
  EXPECT_TRUE(t.has("nn", LanguageUse::kGenitiveSPhrase));
  EXPECT_FALSE(t.has("de", LanguageUse::kGenitiveSPhrase));
  EXPECT_TRUE(t.has("de", LanguageUse::kCapitalNouns));
  EXPECT_FALSE(t.has("da", LanguageUse::kCapitalNouns));
  EXPECT_EQ(t.with(LanguageUse::kMarkerVote), (std::vector<std::string>{"nb", "nn", "da"}));
  EXPECT_TRUE(t.has("ja", LanguageUse::kCatalogueNames));
  EXPECT_FALSE(t.has("en", LanguageUse::kCatalogueNames));  // the catalogue's own names
  // "no" is neither bokmål nor nynorsk: a stemmer, never a row's language.
  EXPECT_FALSE(t.has("no", LanguageUse::kRows));
  EXPECT_EQ(t.snowball("no"), "norwegian");
  EXPECT_EQ(t.snowball("nn"), "norwegian");
  EXPECT_EQ(t.snowball("ja"), "");
  EXPECT_EQ(t.snowball("xx"), "");
}

// A Snowball name libstemmer does not know would leave the language
// unstemmed without a word; PostgreSQL's configurations bear the same names.
TEST(LanguageTable, EverySnowballNameIsAStemmer) {
  for (const std::string& name : language_table().snowball_algorithms()) {
    sb_stemmer* s = sb_stemmer_new(name.c_str(), "UTF_8");
    EXPECT_NE(s, nullptr) << name;
    if (s) sb_stemmer_delete(s);
  }
}

TEST(LanguageTable, EveryLexiconFolderHasARow) {
  for (const auto& entry : std::filesystem::directory_iterator(data_dir() / "lexicon")) {
    if (!entry.is_directory()) continue;
    const std::string lang = entry.path().filename().string();
    if (lang == "xx") continue;  // phrases of every language
    EXPECT_TRUE(language_table().has(lang, LanguageUse::kRows)) << lang;
    EXPECT_TRUE(language_table().has(lang, LanguageUse::kProfiles)) << lang;
  }
}

TEST(LanguageTable, ReadsUsesInFileOrder) {
  auto t = LanguageTable::load(write_table("langs_ok.tsv", "sv\trows,months\tswedish\nfi\tmonths\t-\nis\t-\t-\n"));
  ASSERT_TRUE(t.is_ok()) << t.status().message();
  EXPECT_EQ(t->with(LanguageUse::kMonths), (std::vector<std::string>{"sv", "fi"}));
  EXPECT_EQ(t->with(LanguageUse::kRows), (std::vector<std::string>{"sv"}));
  EXPECT_TRUE(t->with(LanguageUse::kProfiles).empty());
  EXPECT_EQ(t->snowball_algorithms(), (std::vector<std::string>{"swedish"}));
  EXPECT_EQ(t->snowball("fi"), "");
}

TEST(LanguageTable, BadRowsFailNamingTheLine) {
  struct Case {
    const char* rows;
    const char* message;
  } cases[] = {
      {"sv\trows,plural\tswedish\n", ":3: unknown use 'plural'"},
      {"sv\trows\tswedish\nsv\tmonths\tswedish\n", ":4: 'sv' has a row already"},
      {"NOR\trows\t-\n", ":3: 'NOR' is not an ISO 639-1 code"},
      {"sv\trows\tSwedish!\n", ":3: 'Swedish!' is not a Snowball algorithm name"},
      {"sv\t\tswedish\n", ":3: unknown use ''"},
  };
  int n = 0;
  for (const Case& c : cases) {
    auto t = LanguageTable::load(write_table("langs_bad" + std::to_string(n++) + ".tsv", c.rows));
    ASSERT_FALSE(t.is_ok()) << c.rows;
    EXPECT_NE(t.status().message().find(c.message), std::string::npos) << t.status().message();
  }
  EXPECT_FALSE(LanguageTable::load(std::filesystem::path(testing::TempDir()) / "no_such_table.tsv").is_ok());
}

}  // namespace
}  // namespace pactum::text
