// The profile and interest behaviour every store engine must show: import
// keyed by id (a second import of the same profiles changes nothing), a bad
// profile writes nothing of its batch, deletion, and the helpdesk workflow's
// allowed steps with their time and author.
#include <gtest/gtest.h>

#include "store/store_contract_test.h"

namespace pactum::store {

namespace {

kb::Profile make_profile(const std::string& id, const std::string& title) {
  kb::Profile p;
  p.id = id;
  p.organization = {"H2 Cluster Ruhr", "cluster", "DE", "DE-NW", "Essen", "sme"};
  p.type = "technology_request";
  p.title = title;
  p.summary = "Wir suchen Partner für Wasserstoffspeicher.";
  p.language = "de";
  p.sectors = {"hydrogen", "fuel_cells"};
  p.target_countries = {"JP"};
  p.target_subdivisions = {"JP-07"};
  p.published = "2026-01-20";
  p.deadline = "2026-12-31";
  return p;
}

TEST_P(StoreProfilesContractTest, ImportIsKeyedByIdAndIdempotent) {
  std::vector<kb::Profile> batch = {make_profile("p-2", "B"), make_profile("p-1", "A")};
  auto first = store_->put_profiles(batch);
  ASSERT_TRUE(first.is_ok()) << first.status().to_string();
  EXPECT_EQ(first->inserted, 2u);
  auto again = store_->put_profiles(batch);
  ASSERT_TRUE(again.is_ok());
  EXPECT_EQ(again->inserted, 0u);
  EXPECT_EQ(again->unchanged, 2u);
  batch[0].deadline = "2027-06-30";
  auto changed = store_->put_profiles(batch);
  ASSERT_TRUE(changed.is_ok());
  EXPECT_EQ(changed->updated, 1u);
  EXPECT_EQ(changed->unchanged, 1u);
  if (GetParam().persistent) reopen();
  auto all = store_->profiles();
  ASSERT_TRUE(all.is_ok());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].id, "p-1");
  EXPECT_EQ((*all)[1].deadline, "2027-06-30");
  auto one = store_->profile("p-1");
  ASSERT_TRUE(one.is_ok());
  EXPECT_EQ(kb::to_json(*one), kb::to_json(batch[1]));
  EXPECT_EQ(store_->profile("p-9").status().code(), StatusCode::kNotFound);
}

TEST_P(StoreProfilesContractTest, BadProfileWritesNothingOfItsBatch) {
  auto bad = make_profile("p-3", "");
  auto r = store_->put_profiles({make_profile("p-1", "A"), bad});
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(store_->profiles()->empty());
}

TEST_P(StoreProfilesContractTest, DeleteTakesInterestsAlong) {
  ASSERT_TRUE(store_->put_profiles({make_profile("p-1", "A")}).is_ok());
  ASSERT_TRUE(store_->add_interest("p-1", "Fukushima H2 Co", "", "desk", "").is_ok());
  ASSERT_TRUE(store_->delete_profile("p-1").is_ok());
  EXPECT_EQ(store_->delete_profile("p-1").code(), StatusCode::kNotFound);
  EXPECT_TRUE(store_->interests("")->empty());
}

TEST_P(StoreProfilesContractTest, InterestWorkflow) {
  ASSERT_TRUE(store_->put_profiles({make_profile("p-1", "A")}).is_ok());
  EXPECT_EQ(store_->add_interest("p-9", "X", "", "desk", "").status().code(), StatusCode::kNotFound);
  auto i = store_->add_interest("p-1", "Fukushima H2 Co", "p-7", "alice", "via EEN");
  ASSERT_TRUE(i.is_ok()) << i.status().to_string();
  EXPECT_EQ(i->state, "interested");
  EXPECT_EQ(store_->interest_step(i->id, "accepted", "owner", "").status().code(),
            StatusCode::kFailedPrecondition);
  ASSERT_TRUE(store_->interest_step(i->id, "forwarded", "helpdesk", "").is_ok());
  auto done = store_->interest_step(i->id, "accepted", "owner", "let's talk");
  ASSERT_TRUE(done.is_ok());
  EXPECT_EQ(done->state, "accepted");
  ASSERT_EQ(done->steps.size(), 3u);
  EXPECT_EQ(done->steps[0].author, "alice");
  EXPECT_EQ(done->steps[2].note, "let's talk");
  EXPECT_FALSE(done->steps[2].at.empty());
  EXPECT_EQ(store_->interest_step(i->id, "declined", "owner", "").status().code(),
            StatusCode::kFailedPrecondition);
  auto list = store_->interests("p-1");
  ASSERT_TRUE(list.is_ok());
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].from_profile, "p-7");
}

std::string backend_name(const ::testing::TestParamInfo<StoreBackend>& info) { return info.param.name; }

const StoreBackend kSqliteBackends[] = {
    {"SqliteFile", [](const std::filesystem::path& dir) { return open_sqlite(dir / "pactum.db"); }, true},
    {"SqliteMemory", [](const std::filesystem::path&) { return open_sqlite(":memory:"); }, false},
};


INSTANTIATE_TEST_SUITE_P(Sqlite, StoreProfilesContractTest, ::testing::ValuesIn(kSqliteBackends), backend_name);

}  // namespace
}  // namespace pactum::store
