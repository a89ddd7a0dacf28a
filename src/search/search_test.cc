// Query expansion as tables: a term naming a sector or an actor in one
// language expands to its names in the others; bad queries are errors.
#include <functional>
#include "search/search.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace pactum::search {
namespace {

class SearchTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto s = Searcher::create(PACTUM_TEST_DATA_DIR);
    ASSERT_TRUE(s.is_ok()) << s.status().to_string();
    searcher_ = std::move(*s).release();
  }
  static void TearDownTestSuite() {
    delete searcher_;
    searcher_ = nullptr;
  }
  // The alternatives of the query's only clause, as "word word" or "word*".
  static std::vector<std::string> alternatives(const std::string& query) {
    auto q = searcher_->expand(query);
    EXPECT_TRUE(q.is_ok()) << q.status().to_string();
    std::vector<std::string> out;
    if (!q.is_ok() || q->all_of.size() != 1) return {"<" + std::to_string(q.is_ok() ? q->all_of.size() : 0) + " clauses>"};
    for (const auto& alt : q->all_of[0]) {
      std::string s;
      for (const auto& w : alt.words) s += (s.empty() ? "" : " ") + w;
      out.push_back(s + (alt.prefix ? "*" : ""));
    }
    return out;
  }
  static bool has(const std::vector<std::string>& v, const std::string& x) {
    return std::find(v.begin(), v.end(), x) != v.end();
  }
  static Searcher* searcher_;
};

Searcher* SearchTest::searcher_ = nullptr;

TEST_F(SearchTest, SectorTermsExpandToEveryLanguage) {
  struct Row { const char* query; std::vector<const char*> expected; };
  const std::vector<Row> rows = {
      {"hydrogen", {"hydrogen", "wasserstoff*", "hydrogen*"}},
      {"Wasserstoff", {"wasserstoff", "hydrogen", "wasserstoff*"}},
      {"hydrogène", {"hydrogène", "hydrogen", "wasserstoff*"}},
      {"offshore wind", {"offshore wind", "havvind*"}},
  };
  for (const Row& r : rows) {
    auto alts = alternatives(r.query);
    for (const char* want : r.expected) EXPECT_TRUE(has(alts, want)) << r.query << " lacks " << want;
  }
}

TEST_F(SearchTest, InstrumentTermsExpandToEveryLanguage) {
  struct Row { const char* query; std::vector<const char*> expected; };
  const std::vector<Row> rows = {
      {"memorandum of understanding", {"mou", "協力 覚書"}},
      {"MoU", {"memorandum of understanding", "協力 覚書"}},
      {"letter of intent", {"absichtserklärung*", "intensjonsavtale*"}},
      {"Absichtserklärung", {"letter of intent", "intensjonsavtale*"}},
  };
  for (const Row& r : rows) {
    auto alts = alternatives(r.query);
    for (const char* want : r.expected) EXPECT_TRUE(has(alts, want)) << r.query << " lacks " << want;
  }
}

TEST_F(SearchTest, TheLexiconIsReadOncePerSearcher) {
  // Expanding many queries reuses what create() loaded: the same query
  // expands the same way every time, and quickly enough to loop over.
  auto first = alternatives("hydrogen");
  for (int i = 0; i < 200; ++i) ASSERT_EQ(alternatives("hydrogen"), first);
}

TEST_F(SearchTest, ActorNamesExpandToTheirAliases) {
  struct Row { const char* query; std::vector<const char*> expected; };
  const std::vector<Row> rows = {
      {"Norway", {"norway", "norge", "norwegen", "noreg"}},
      {"Norge", {"norge", "norway", "norwegen"}},
      {"Japan", {"japan", "japon"}},
  };
  for (const Row& r : rows) {
    auto alts = alternatives(r.query);
    for (const char* want : r.expected) EXPECT_TRUE(has(alts, want)) << r.query << " lacks " << want;
  }
}

TEST_F(SearchTest, PlainWordsArePrefixesAndPhrasesExact) {
  auto q = searcher_->expand("partner \"floating wind\" EU");
  ASSERT_TRUE(q.is_ok());
  ASSERT_EQ(q->all_of.size(), 3u);
  EXPECT_EQ(q->all_of[0][0].words, (std::vector<std::string>{"floating", "wind"}));
  EXPECT_FALSE(q->all_of[0][0].prefix);
  EXPECT_TRUE(q->all_of[1][0].prefix);  // partner*
}

TEST_F(SearchTest, BadQueriesAreInvalidArguments) {
  std::string many;
  for (int i = 0; i < 10000; ++i) many += "w" + std::to_string(i) + " ";
  std::string terms;
  for (int i = 0; i < 40; ++i) terms += "w" + std::to_string(i) + " ";
  std::string short_many;  // under the byte limit, over the term limit
  for (int i = 0; i < 2000; ++i) short_many += "a ";
  std::string sectors;  // every term a concept that expands in eleven languages
  for (int i = 0; i < 40; ++i) sectors += "hydrogen MoU Norway ";
  for (const std::string& bad : {std::string("\"hydrogen"), std::string("\"a\" \"b"), std::string(""),
                                 std::string("  ,. "), std::string("\"\""), std::string("***"), many, terms,
                                 short_many, sectors, std::string("\xff\xfe"), std::string("a\xc3")}) {
    auto q = searcher_->expand(bad);
    EXPECT_FALSE(q.is_ok()) << bad.substr(0, 40);
    if (!q.is_ok()) {
      EXPECT_EQ(q.status().code(), StatusCode::kInvalidArgument);
    }
  }
}

TEST(Matches, PhrasesAndPrefixes) {
  std::vector<std::string> words = {"norge", "og", "japan", "signerte", "hydrogenavtale"};
  EXPECT_TRUE(matches(words, {{"og", "japan"}, false}));
  EXPECT_FALSE(matches(words, {{"japan", "og"}, false}));
  EXPECT_TRUE(matches(words, {{"hydrogen"}, true}));
  EXPECT_FALSE(matches(words, {{"hydrogen"}, false}));
}

}  // namespace
// Unknown facet values are usage errors wherever the filter comes from (the
// CLI's flags, the API's parameters), naming the filter.
TEST(SearchFilterTest, ValuesOutsideTheirVocabularyAreInvalid) {
  struct Case {
    const char* what;
    std::function<void(pactum::store::SearchFilter&)> set;
    const char* message;
  };
  const Case bad[] = {
      {"sector", [](pactum::store::SearchFilter& f) { f.sector = "colour"; }, "sector: unknown sector 'colour'"},
      {"instrument", [](pactum::store::SearchFilter& f) { f.instrument = "treaty"; }, "instrument: unknown instrument"},
      {"stage", [](pactum::store::SearchFilter& f) { f.stage = "maybe"; }, "stage: unknown stage"},
      {"country", [](pactum::store::SearchFilter& f) { f.country = "Norway"; }, "ISO 3166-1"},
      {"region", [](pactum::store::SearchFilter& f) { f.region = "Bavaria"; }, "ISO 3166-2"},
      {"language", [](pactum::store::SearchFilter& f) { f.language = "German"; }, "ISO 639-1"},
  };
  for (const Case& c : bad) {
    pactum::store::SearchFilter f;
    c.set(f);
    Status st = check_filter(f);
    EXPECT_EQ(st.code(), StatusCode::kInvalidArgument) << c.what;
    EXPECT_NE(st.message().find(c.message), std::string::npos) << st.message();
  }
  pactum::store::SearchFilter good;
  good.sector = "hydrogen";
  good.instrument = "memorandum_of_understanding";
  good.stage = "signed";
  good.country = "JP";
  good.region = "DE-NW";
  good.language = "ja";
  EXPECT_TRUE(check_filter(good).is_ok());
}

}  // namespace pactum::search
