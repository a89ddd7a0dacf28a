// The shared filter parser: names, the year rules and their messages, as the
// API (no prefix) and the CLI (--) see them.
#include "api/filters.h"

#include <gtest/gtest.h>

#include <map>

namespace pactum::api {
namespace {

// Parameters from a map, named in messages with `prefix`.
FilterParams params(const std::map<std::string, std::string>& values, std::string prefix = "") {
  return {[values](const std::string& name) -> std::optional<std::string> {
            auto it = values.find(name);
            if (it == values.end()) return std::nullopt;
            return it->second;
          },
          std::move(prefix)};
}

TEST(Filters, EventFilterTakesItsNamesAndTreatsEmptyAsAbsent) {
  auto f = event_filter(params({{"party", "Norway"}, {"sector", "hydrogen"}, {"since", "2020"}, {"language", ""},
                                {"country", "JP"}}));
  ASSERT_TRUE(f.is_ok());
  EXPECT_EQ(f->party, "Norway");
  EXPECT_EQ(f->sector, "hydrogen");
  EXPECT_EQ(f->since, "2020");
  EXPECT_FALSE(f->until);
  EXPECT_FALSE(f->language) << "an empty value filters nothing";
  EXPECT_EQ(f->limit, 0u);
}

TEST(Filters, YearIsSinceAndUntil) {
  auto f = agreement_filter(params({{"year", "2023"}, {"country", "NO"}, {"region", "DE-NW"}}));
  ASSERT_TRUE(f.is_ok());
  EXPECT_EQ(f->since, "2023");
  EXPECT_EQ(f->until, "2023");
  EXPECT_EQ(f->country, "NO");
  EXPECT_EQ(f->region, "DE-NW");
}

TEST(Filters, YearMessagesNameTheParameterAsTheSurfaceDoes) {
  auto api = search_filter(params({{"year", "2023"}, {"since", "2020"}}));
  ASSERT_FALSE(api.is_ok());
  EXPECT_EQ(api.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(api.status().message(), "year excludes since and until");
  auto cli = agreement_filter(params({{"year", "2023"}, {"until", "2024"}}, "--"));
  ASSERT_FALSE(cli.is_ok());
  EXPECT_EQ(cli.status().message(), "--year excludes --since and --until");
  auto bad = agreement_filter(params({{"year", "20x3"}}, "--"));
  ASSERT_FALSE(bad.is_ok());
  EXPECT_EQ(bad.status().message(), "--year: expected YYYY, got '20x3'");
}

TEST(Filters, SearchFilterRejectsUnknownFacetValues) {
  auto f = search_filter(params({{"sector", "colour"}}));
  ASSERT_FALSE(f.is_ok());
  EXPECT_NE(f.status().message().find("unknown sector 'colour'"), std::string::npos);
  EXPECT_FALSE(search_filter(params({{"country", "Norway"}})).is_ok());
  auto good = search_filter(params({{"sector", "hydrogen"}, {"country", "JP"}, {"language", "ja"}}));
  ASSERT_TRUE(good.is_ok());
  EXPECT_EQ(good->sector, "hydrogen");
  EXPECT_EQ(good->limit, store::SearchFilter{}.limit);
}

TEST(Filters, NetworkYearsAreWholeYears) {
  auto f = network_filter(params({{"since", "2019"}, {"until", "2024"}, {"kind", "country"}}));
  ASSERT_TRUE(f.is_ok());
  EXPECT_EQ(f->since_year, 2019);
  EXPECT_EQ(f->until_year, 2024);
  EXPECT_EQ(f->kind, "country");
  EXPECT_FALSE(f->sector);
  auto bad = network_filter(params({{"until", "twenty"}}, "--"));
  ASSERT_FALSE(bad.is_ok());
  EXPECT_EQ(bad.status().message(), "--until: expected a year YYYY, got 'twenty'");
  EXPECT_FALSE(network_filter(params({{"since", "2019-05"}})).is_ok());
}

TEST(Filters, NoSourceIsNoFilter) {
  auto f = agreement_filter(FilterParams{});
  ASSERT_TRUE(f.is_ok());
  EXPECT_FALSE(f->party || f->since || f->until);
}

}  // namespace
}  // namespace pactum::api
