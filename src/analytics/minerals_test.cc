// Tests of analytics/minerals.h: CSV validation, HHI and top shares against
// hand-worked figures, exposure through a hand-made agreement list.
#include "analytics/minerals.h"

#include <gtest/gtest.h>

namespace pactum::analytics {
namespace {

constexpr const char* kHeader = "mineral,year,country,tonnes,share,source\n";

std::vector<MineralRow> rows_of(const std::string& body) {
  auto r = parse_mineral_csv(std::string(kHeader) + body);
  EXPECT_TRUE(r.is_ok()) << r.status().to_string();
  return r.is_ok() ? *r : std::vector<MineralRow>{};
}

TEST(Minerals, ConcentrationTable) {
  struct Case {
    const char* name;
    std::string body;
    double hhi, top1, top3;
    std::string top1_country;
  };
  const Case cases[] = {
      {"shares 50/30/20", "lithium,2023,AU,,50,t\nlithium,2023,CL,,30,t\nlithium,2023,CN,,20,t\n", 3800, 50, 100, "AU"},
      {"single producer", "cobalt,2023,CD,100,,t\n", 10000, 100, 100, "CD"},
      {"tonnes only, no world row: shares of the sum", "nickel,2023,ID,60,,t\nnickel,2023,PH,40,,t\n", 5200, 60, 100,
       "ID"},
      {"tonnes against a WORLD total", "graphite,2023,CN,80,,t\ngraphite,2023,MZ,10,,t\ngraphite,2023,WORLD,100,,t\n",
       6500, 80, 90, "CN"},
      {"ties: top1 by code", "cobalt,2022,RU,,25,t\ncobalt,2022,AU,,25,t\ncobalt,2022,CU,,25,t\ncobalt,2022,PH,,25,t\n",
       2500, 25, 75, "AU"},
  };
  for (const auto& c : cases) {
    auto list = concentration(rows_of(c.body));
    ASSERT_TRUE(list.is_ok()) << c.name;
    ASSERT_EQ(list->size(), 1u) << c.name;
    const auto& x = (*list)[0];
    EXPECT_NEAR(x.hhi, c.hhi, 1e-6) << c.name;
    EXPECT_NEAR(x.top1_share, c.top1, 1e-9) << c.name;
    EXPECT_NEAR(x.top3_share, c.top3, 1e-9) << c.name;
    EXPECT_EQ(x.top1_country, c.top1_country) << c.name;
  }
}

TEST(Minerals, MissingYearsAreSeparateTables) {
  auto list = concentration(rows_of("lithium,2022,AU,,100,t\nlithium,2024,AU,,50,t\nlithium,2024,CL,,50,t\n"));
  ASSERT_TRUE(list.is_ok());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].year, 2022);
  EXPECT_EQ((*list)[1].year, 2024);
  EXPECT_NEAR((*list)[1].hhi, 5000, 1e-9);
}

TEST(Minerals, CsvValidationNamesLineAndField) {
  struct Case {
    const char* name;
    std::string body;
    std::string want;  // a fragment of the message
  };
  const Case cases[] = {
      {"unknown mineral", "unobtainium,2023,AU,1,,t\n", "line 2: mineral: unknown mineral"},
      {"unknown country", "lithium,2023,XQ,1,,t\n", "line 2: country: unknown country code 'XQ'"},
      {"lower-case country", "lithium,2023,au,1,,t\n", "line 2: country"},
      {"bad year", "lithium,20x3,AU,1,,t\n", "line 2: year"},
      {"negative tonnes", "lithium,2023,AU,1,,t\nlithium,2023,CL,-5,,t\n", "line 3: tonnes: negative tonnes"},
      {"share over 100", "lithium,2023,AU,,120,t\n", "line 2: share: share 120 is outside 0..100"},
      {"shares add up over 100", "lithium,2023,AU,,60,t\nlithium,2023,CL,,50,t\n", "line 3: share: shares of lithium 2023"},
      {"neither tonnes nor share", "lithium,2023,AU,,,t\n", "line 2: tonnes: neither"},
      {"missing source", "lithium,2023,AU,1,,\n", "line 2: source"},
      {"wrong field count", "lithium,2023,AU,1\n", "line 2: row: expected 6 fields"},
      {"duplicate country", "lithium,2023,AU,1,,t\nlithium,2023,AU,2,,t\n", "line 3: country: AU already given"},
  };
  for (const auto& c : cases) {
    auto r = parse_mineral_csv(std::string(kHeader) + c.body);
    ASSERT_FALSE(r.is_ok()) << c.name;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << c.name;
    EXPECT_NE(r.status().message().find(c.want), std::string::npos) << c.name << ": " << r.status().message();
  }
  auto bad_header = parse_mineral_csv("mineral,year,country\n");
  ASSERT_FALSE(bad_header.is_ok());
  EXPECT_NE(bad_header.status().message().find("line 1: header"), std::string::npos);
}

TEST(Minerals, EveryBadLineIsReportedAndNothingLoaded) {
  auto r = parse_mineral_csv(std::string(kHeader) + "lithium,2023,AU,1,,t\nlithium,2023,ZZ,1,,t\ncobalt,2023,CD,-1,,t\n");
  ASSERT_FALSE(r.is_ok());
  EXPECT_NE(r.status().message().find("line 3: country"), std::string::npos);
  EXPECT_NE(r.status().message().find("line 4: tonnes"), std::string::npos);
}

TEST(Minerals, QuotedFieldsAndComments) {
  // "86,000" is not a number: thousands separators are refused, not guessed.
  auto sep = parse_mineral_csv(std::string(kHeader) + "lithium,2023,AU,\"86,000\",,t\n");
  EXPECT_FALSE(sep.is_ok());
  auto ok = parse_mineral_csv(std::string("# a comment\n") + kHeader + "lithium,2023,AU,86000,,\"USGS, MCS 2024\"\n");
  ASSERT_TRUE(ok.is_ok()) << ok.status().to_string();
  EXPECT_EQ((*ok)[0].source, "USGS, MCS 2024");
  EXPECT_EQ((*ok)[0].line, 3u);
}

TEST(Minerals, ExposureWalksAgreementsInDateOrder) {
  auto rows = rows_of(
      "lithium,2022,AU,,90,t\n"
      "lithium,2023,AU,,50,t\nlithium,2023,CL,,30,t\nlithium,2023,DE,,5,t\nlithium,2023,US,,15,t\n");
  std::vector<MineralAgreement> agreements = {
      {"CL", "2021-05", {"critical_minerals"}},
      {"AU", "2019", {"critical_minerals", "hydrogen"}},
      {"JP", "2018", {"hydrogen"}},               // not a minerals agreement
      {"EU", "", {"critical_minerals"}},          // undated: last; reaches DE
      {"AU", "2024", {"critical_minerals"}},      // a renewal adds nothing
  };
  auto e = exposure("US", rows, agreements);
  ASSERT_TRUE(e.is_ok()) << e.status().to_string();
  ASSERT_EQ(e->size(), 1u);
  const auto& x = (*e)[0];
  EXPECT_EQ(x.year, 2023);
  EXPECT_NEAR(x.domestic_share, 15, 1e-9);
  EXPECT_NEAR(x.partner_share, 85, 1e-9);
  ASSERT_EQ(x.steps.size(), 4u);
  EXPECT_EQ(x.steps[0].partner, "AU");
  EXPECT_NEAR(x.steps[0].cumulative, 50, 1e-9);
  EXPECT_EQ(x.steps[1].partner, "CL");
  EXPECT_NEAR(x.steps[1].cumulative, 80, 1e-9);
  EXPECT_EQ(x.steps[2].partner, "AU");
  EXPECT_NEAR(x.steps[2].added_share, 0, 1e-9);
  EXPECT_EQ(x.steps[3].partner, "EU");
  EXPECT_NEAR(x.steps[3].added_share, 5, 1e-9);
  EXPECT_FALSE(exposure("XQ", rows, agreements).is_ok());
}

TEST(Minerals, StoreRoundTripReplacesATable) {
  auto store = store::open_sqlite(":memory:");
  ASSERT_TRUE(store.is_ok());
  auto first = rows_of("lithium,2023,AU,,60,t\nlithium,2023,CL,,40,t\ncobalt,2023,CD,,70,t\n");
  ASSERT_TRUE((*store)->put_mineral_rows(first).is_ok());
  auto again = rows_of("lithium,2023,AU,,55,t\n");
  ASSERT_TRUE((*store)->put_mineral_rows(again).is_ok());
  auto all = (*store)->mineral_rows();
  ASSERT_TRUE(all.is_ok());
  ASSERT_EQ(all->size(), 2u);  // cobalt kept, lithium 2023 replaced by its one row
  EXPECT_EQ((*all)[0].mineral, "cobalt");
  EXPECT_EQ((*all)[1].country, "AU");
  EXPECT_NEAR(*(*all)[1].share, 55, 1e-9);
  MineralRow bad{"lithium", 2023, "CL", -1.0, std::nullopt, "t", 0};
  EXPECT_FALSE((*store)->put_mineral_rows({again[0], bad}).is_ok());
  auto after = (*store)->mineral_rows();
  ASSERT_TRUE(after.is_ok());
  EXPECT_EQ(after->size(), 2u);  // the failed import wrote nothing
  auto agreements = mineral_agreements(**store, "NO");
  ASSERT_TRUE(agreements.is_ok()) << agreements.status().to_string();
  EXPECT_TRUE(agreements->empty());
}

}  // namespace
}  // namespace pactum::analytics

namespace pactum::analytics {
namespace {

std::vector<MineralRow> staged_rows(const std::string& body) {
  auto r = parse_mineral_csv("mineral,year,country,tonnes,share,source,stage\n" + body);
  EXPECT_TRUE(r.is_ok()) << r.status().to_string();
  return r.is_ok() ? *r : std::vector<MineralRow>{};
}

TEST(Minerals, RefiningTablesAreTheirOwnGroups) {
  // The same source, year and country at two stages: no duplicate, two tables.
  auto rows = staged_rows(
      "cobalt,2023,CD,,70,IEA,production\ncobalt,2023,CN,,2,IEA,\n"
      "cobalt,2023,CN,,75,IEA,refining\ncobalt,2023,FI,,10,IEA,refining\n");
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1].stage, "production");  // empty is production
  auto c = concentration(rows);
  ASSERT_TRUE(c.is_ok()) << c.status().to_string();
  ASSERT_EQ(c->size(), 2u);
  EXPECT_EQ((*c)[0].stage, "production");
  EXPECT_EQ((*c)[0].top1_country, "CD");
  EXPECT_EQ((*c)[1].stage, "refining");
  EXPECT_EQ((*c)[1].top1_country, "CN");
  EXPECT_NEAR((*c)[1].hhi, 75 * 75 + 10 * 10, 1e-9);
  auto bad = parse_mineral_csv("mineral,year,country,tonnes,share,source,stage\ncobalt,2023,CN,,75,IEA,smelting\n");
  ASSERT_FALSE(bad.is_ok());
  EXPECT_NE(bad.status().message().find("line 2: stage: unknown stage 'smelting'"), std::string::npos)
      << bad.status().message();
  auto wrong_width = parse_mineral_csv("mineral,year,country,tonnes,share,source,stage\ncobalt,2023,CN,,75,IEA\n");
  ASSERT_FALSE(wrong_width.is_ok());
  EXPECT_NE(wrong_width.status().message().find("expected 7 fields"), std::string::npos);
}

TEST(Minerals, ExposureStepsOnTheAgreementsOwnYear) {
  // AU's share falls from 90 % (2019) to 50 % (2023); CL's rises.
  auto rows = staged_rows(
      "lithium,2019,AU,,90,t,\nlithium,2019,CL,,10,t,\n"
      "lithium,2023,AU,,50,t,\nlithium,2023,CL,,30,t,\nlithium,2023,US,,20,t,\n"
      "lithium,2023,CN,,60,t,refining\nlithium,2023,CL,,30,t,refining\n");
  std::vector<MineralAgreement> agreements = {
      {"AU", "2020-03", {"critical_minerals"}},  // on 2019 figures: the latest at or before 2020
      {"CL", "2024", {"critical_minerals"}},     // on 2023 figures
      {"AU", "2018", {"critical_minerals"}},     // before every table: the earliest (2019)
  };
  auto e = exposure("US", rows, agreements);
  ASSERT_TRUE(e.is_ok()) << e.status().to_string();
  ASSERT_EQ(e->size(), 2u);  // production and refining
  const auto& prod = (*e)[0];
  EXPECT_EQ(prod.stage, "production");
  ASSERT_EQ(prod.steps.size(), 3u);
  EXPECT_EQ(prod.steps[0].date, "2018");
  EXPECT_EQ(prod.steps[0].year_then, 2019);
  EXPECT_NEAR(prod.steps[0].cumulative_then, 90, 1e-9);
  EXPECT_NEAR(prod.steps[0].cumulative, 50, 1e-9);  // on the latest figures
  EXPECT_EQ(prod.steps[1].year_then, 2019);
  EXPECT_NEAR(prod.steps[1].added_share_then, 0, 1e-9);  // AU again
  EXPECT_EQ(prod.steps[2].year_then, 2023);
  EXPECT_NEAR(prod.steps[2].added_share_then, 30, 1e-9);
  EXPECT_NEAR(prod.steps[2].cumulative_then, 80, 1e-9);
  const auto& ref = (*e)[1];
  EXPECT_EQ(ref.stage, "refining");
  EXPECT_NEAR(ref.partner_share, 30, 1e-9);  // CL refines 30 %; AU refines nothing listed
}

}  // namespace
}  // namespace pactum::analytics
