// Agreement merging as tables: a party set's events in order, and the
// agreements and acts they become.
#include "kb/agreements.h"

#include <gtest/gtest.h>

namespace pactum::kb {
namespace {

TEST(PartyKey, SortedDistinctIds) {
  EXPECT_EQ(party_key({17, 3, 17}), "3,17");
  EXPECT_EQ(party_key({}), "");
}

TEST(Compatibility, Table) {
  struct Row { const char* a; const char* b; bool dates; };
  for (const Row& r : {Row{"2023", "2023-05-05", true}, Row{"2023-05", "2023-05-05", true},
                       Row{"2023-05-05", "2023-05-06", false}, Row{"", "2014", true},
                       Row{"2014", "2017", false}}) {
    EXPECT_EQ(dates_compatible(r.a, r.b), r.dates) << r.a << " ~ " << r.b;
  }
  EXPECT_EQ(more_precise_date("2023", "2023-05-05"), "2023-05-05");
  EXPECT_TRUE(instruments_compatible("memorandum_of_understanding", "other"));
  EXPECT_TRUE(instruments_compatible("negotiations", "trade_agreement"));
  EXPECT_TRUE(instruments_compatible("memorandum_of_understanding", "joint_declaration"));
  EXPECT_FALSE(instruments_compatible("memorandum_of_understanding", "strategic_partnership"));
  EXPECT_TRUE(stages_compatible("announced", "signed"));
  EXPECT_FALSE(stages_compatible("signed", "renewed"));
}

struct Case {
  const char* name;
  std::vector<EventFact> events;
  // Per event: "agreement.act", 0-based.
  std::vector<std::string> expected;
  std::size_t agreements;
};

TEST(Merge, Table) {
  const std::string mou = "memorandum_of_understanding";
  const std::vector<Case> cases = {
      {"one act, three sources in two languages",
       {{1, mou, "signed", "2023-05-05"}, {2, mou, "signed", "2023"}, {3, mou, "signed", ""}},
       {"0.0", "0.0", "0.0"}, 1},
      {"a history is one agreement's timeline",
       {{1, mou, "signed", "2014"}, {2, mou, "extended", "2017"}, {3, mou, "renewed", "2026-01"}},
       {"0.0", "0.1", "0.2"}, 1},
      {"a second signing at another date is another agreement",
       {{1, mou, "signed", "2019-03"}, {2, mou, "signed", "2023-06"}, {3, mou, "signed", "2023"}},
       {"0.0", "1.0", "1.0"}, 2},
      {"another instrument is another agreement; a generic one joins the latest",
       {{1, mou, "signed", "2020"}, {2, "strategic_partnership", "signed", "2020"}, {3, "other", "signed", "2020"}},
       {"0.0", "1.0", "1.0"}, 2},
      {"negotiations then the signed agreement",
       {{1, "negotiations", "negotiating", "2022"}, {2, "trade_agreement", "signed", "2024-02-01"}},
       {"0.0", "0.1"}, 1},
      {"announced then signed is one act",
       {{1, mou, "announced", "2025-10"}, {2, mou, "signed", "2025-10-08"}}, {"0.0", "0.0"}, 1},
  };
  for (const Case& c : cases) {
    std::vector<AgreementState> out;
    auto where = merge(c.events, out);
    ASSERT_EQ(where.size(), c.expected.size()) << c.name;
    for (std::size_t i = 0; i < where.size(); ++i) {
      EXPECT_EQ(std::to_string(where[i].first) + "." + std::to_string(where[i].second), c.expected[i])
          << c.name << ", event " << i;
    }
    EXPECT_EQ(out.size(), c.agreements) << c.name;
  }
}

TEST(Merge, GenericInstrumentGivesWayAndDatesRefine) {
  std::vector<AgreementState> out;
  merge({{1, "other", "announced", "2025"}, {2, "memorandum_of_understanding", "signed", "2025-10-08"}}, out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].instrument, "memorandum_of_understanding");
  ASSERT_EQ(out[0].acts.size(), 1u);
  EXPECT_EQ(out[0].acts[0].stage, "signed");
  EXPECT_EQ(out[0].acts[0].date, "2025-10-08");
}

}  // namespace
}  // namespace pactum::kb
