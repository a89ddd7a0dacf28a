// The document queue and curation concurrency every store engine must show:
// claims with a lease that no two workers hold at once, a claim completed
// in the transaction that stores its documents and only by its holder, an
// expired lease taken over (the late holder then writes nothing), and
// optimistic concurrency between two curators (curate --if-version).
#include <gtest/gtest.h>

#include <chrono>
#include <set>
#include <stdexcept>
#include <thread>

#include "common/hash.h"
#include "store/store_contract_test.h"

namespace pactum::store {

std::unique_ptr<Store> StoreQueueContractTest::second() {
  if (!GetParam().persistent) return nullptr;
  auto s = GetParam().open(dir_.path());
  if (!s.is_ok()) throw std::runtime_error(s.status().to_string());
  return std::move(*s);
}

namespace {

struct Doc {
  ingest::Document doc;
  extract::Extraction x;
};

// A document with one event between Norway and Japan, its text unique to n.
Doc make(int n) {
  Doc d;
  std::string t = "Norway and Japan signed a memorandum of understanding on hydrogen, number " +
                  std::to_string(n) + ".";
  d.doc.source = "queue/" + std::to_string(n) + ".txt";
  d.doc.content_hash = sha256_hex(t);
  d.doc.text = t;
  d.x.language = "en";
  extract::Event e;
  e.parties = {{"Norway", "country", "NO", "", {0, 6}}, {"Japan", "country", "JP", "", {11, 16}}};
  e.instrument = "memorandum_of_understanding";
  e.stage = "signed";
  e.sectors = {"hydrogen"};
  e.evidence_span = {0, t.size()};
  e.evidence = t;
  e.confidence = 0.9;
  d.x.events = {e};
  return d;
}

std::vector<Store::PutItem> items_of(const Doc& d) { return {{&d.doc, &d.x, nullptr}}; }

std::vector<QueueItem> three_sources() {
  return {{"a.txt", "first source", "", ""}, {"b.txt", "second source", "", "en"}, {"c.txt", "third source", "", ""}};
}

TEST_P(StoreQueueContractTest, SourcesAreQueuedOnceAndClaimedByOneWorker) {
  auto queued = store_->enqueue(three_sources());
  ASSERT_TRUE(queued.is_ok()) << queued.status().to_string();
  EXPECT_EQ(*queued, 3u);
  EXPECT_EQ(*store_->enqueue({{"again.txt", "second source", "", ""}}), 0u);  // same bytes

  auto a = store_->claim("worker-a", 2, 60);
  ASSERT_TRUE(a.is_ok()) << a.status().to_string();
  ASSERT_EQ(a->size(), 2u);
  EXPECT_EQ((*a)[0].item.source, "a.txt");
  EXPECT_EQ((*a)[0].item.body, "first source");
  EXPECT_EQ((*a)[1].item.language, "en");
  EXPECT_EQ((*a)[0].attempt, 1);
  EXPECT_EQ((*a)[0].worker, "worker-a");
  auto b = store_->claim("worker-b", 5, 60);
  ASSERT_TRUE(b.is_ok());
  ASSERT_EQ(b->size(), 1u);
  EXPECT_EQ((*b)[0].item.source, "c.txt");
  EXPECT_TRUE(store_->claim("worker-c", 5, 60)->empty());  // all leased
  auto counts = store_->queue_counts();
  ASSERT_TRUE(counts.is_ok());
  EXPECT_EQ(counts->claimed, 3);
  EXPECT_EQ(counts->queued, 0);
  EXPECT_EQ(store_->claim("", 1, 60).status().code(), StatusCode::kInvalidArgument);
}

TEST_P(StoreQueueContractTest, CompletingStoresTheDocumentsAndTheRowOnce) {
  ASSERT_TRUE(store_->enqueue(three_sources()).is_ok());
  auto a = store_->claim("worker-a", 1, 60);
  ASSERT_EQ(a->size(), 1u);
  Doc d = make(1);
  auto done = store_->complete_claim((*a)[0], items_of(d));
  ASSERT_TRUE(done.is_ok()) << done.status().to_string();
  ASSERT_EQ(done->size(), 1u);
  EXPECT_EQ(*(*done)[0], PutResult::kStored);
  EXPECT_EQ(*store_->document_count(), 1);
  EXPECT_EQ(store_->events({})->size(), 1u);
  // Completing the same claim again writes nothing.
  Doc other = make(2);
  auto twice = store_->complete_claim((*a)[0], items_of(other));
  EXPECT_EQ(twice.status().code(), StatusCode::kConflict) << twice.status().to_string();
  EXPECT_EQ(*store_->document_count(), 1);
  // A failed source is done with, with its reason.
  auto b = store_->claim("worker-a", 1, 60);
  ASSERT_EQ(b->size(), 1u);
  ASSERT_TRUE(store_->fail_claim((*b)[0], "not UTF-8").is_ok());
  EXPECT_EQ(store_->fail_claim((*b)[0], "again").code(), StatusCode::kConflict);
  auto counts = store_->queue_counts();
  EXPECT_EQ(counts->done, 1);
  EXPECT_EQ(counts->failed, 1);
  EXPECT_EQ(counts->queued, 1);
  EXPECT_EQ(counts->stored, 1);
}

TEST_P(StoreQueueContractTest, ABadDocumentIsLeftOutAndTheRowStillCompletes) {
  ASSERT_TRUE(store_->enqueue(three_sources()).is_ok());
  auto a = store_->claim("worker-a", 1, 60);
  Doc good = make(1), bad = make(2);
  bad.x.events[0].evidence_span = {0, 10000};  // outside the text
  auto done = store_->complete_claim((*a)[0], {{&good.doc, &good.x, nullptr}, {&bad.doc, &bad.x, nullptr}});
  ASSERT_TRUE(done.is_ok()) << done.status().to_string();
  EXPECT_TRUE((*done)[0].is_ok());
  EXPECT_EQ((*done)[1].status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(*store_->document_count(), 1);
  EXPECT_EQ(store_->queue_counts()->done, 1);
}

TEST_P(StoreQueueContractTest, AnExpiredLeaseIsTakenOverAndTheLateWorkerWritesNothing) {
  ASSERT_TRUE(store_->enqueue({{"a.txt", "only source", "", ""}}).is_ok());
  auto a = store_->claim("worker-a", 1, 1);  // one second
  ASSERT_EQ(a->size(), 1u);
  EXPECT_TRUE(store_->claim("worker-b", 1, 60)->empty());
  // Not a timing assertion: once the lease has run out, the row is free.
  std::this_thread::sleep_for(std::chrono::milliseconds(1600));
  auto b = store_->claim("worker-b", 1, 60);
  ASSERT_TRUE(b.is_ok());
  ASSERT_EQ(b->size(), 1u);
  EXPECT_EQ((*b)[0].id, (*a)[0].id);
  EXPECT_EQ((*b)[0].attempt, 2);
  Doc d = make(1);
  auto late = store_->complete_claim((*a)[0], items_of(d));
  ASSERT_EQ(late.status().code(), StatusCode::kConflict);
  EXPECT_NE(late.status().message().find("worker-b"), std::string::npos) << late.status().message();
  EXPECT_EQ(*store_->document_count(), 0);  // rolled back with the refusal
  auto done = store_->complete_claim((*b)[0], items_of(d));
  ASSERT_TRUE(done.is_ok()) << done.status().to_string();
  EXPECT_EQ(*store_->document_count(), 1);
  EXPECT_EQ(store_->queue_counts()->stored, 1);
}

TEST_P(StoreQueueContractTest, TwoConnectionsRacingNeverClaimTheSameRow) {
  auto other = second();
  if (!other) GTEST_SKIP() << "private store";
  std::vector<QueueItem> items;
  for (int i = 0; i < 60; ++i) items.push_back({"s" + std::to_string(i), "body " + std::to_string(i), "", ""});
  ASSERT_TRUE(store_->enqueue(items).is_ok());
  auto drain = [](Store* s, const std::string& worker, std::vector<std::int64_t>* got) {
    for (;;) {
      auto c = s->claim(worker, 2, 60);
      if (!c.is_ok() || c->empty()) return;
      for (const auto& q : *c) {
        got->push_back(q.id);
        if (!s->complete_claim(q, {}).is_ok()) got->push_back(-1);
      }
    }
  };
  std::vector<std::int64_t> got_a, got_b;
  std::thread ta(drain, store_.get(), "worker-a", &got_a);
  std::thread tb(drain, other.get(), "worker-b", &got_b);
  ta.join();
  tb.join();
  std::set<std::int64_t> all(got_a.begin(), got_a.end());
  all.insert(got_b.begin(), got_b.end());
  EXPECT_EQ(got_a.size() + got_b.size(), 60u);
  EXPECT_EQ(all.size(), 60u);
  EXPECT_EQ(all.count(-1), 0u);
  EXPECT_EQ(store_->queue_counts()->done, 60);
}

TEST_P(StoreQueueContractTest, ACurationOnAStaleVersionIsRefusedAndWritesNothing) {
  Doc d = make(1);
  ASSERT_TRUE(store_->put(d.doc, d.x).is_ok());
  auto ev = store_->events({});
  ASSERT_EQ(ev->size(), 1u);
  const std::int64_t id = (*ev)[0].id;
  EXPECT_EQ((*ev)[0].version, 0);
  // Two editors read version 0; the first to write wins.
  EventCuration first, second_edit;
  first.author = "ana";
  first.set = {{"stage", "negotiating"}};
  first.if_version = 0;
  second_edit.author = "ben";
  second_edit.set = {{"stage", "planned"}};
  second_edit.if_version = 0;
  ASSERT_TRUE(store_->curate_event(id, first).is_ok());
  EXPECT_EQ(store_->event(id)->version, 1);
  auto refused = store_->curate_event(id, second_edit);
  ASSERT_EQ(refused.status().code(), StatusCode::kConflict);
  EXPECT_NE(refused.status().message().find("ana"), std::string::npos) << refused.status().message();
  EXPECT_EQ(store_->event(id)->event.stage, "negotiating");
  EXPECT_EQ(store_->curation_log(0)->size(), 1u);
  // Re-read, retry: applied, and the log holds both.
  second_edit.if_version = 1;
  ASSERT_TRUE(store_->curate_event(id, second_edit).is_ok());
  EXPECT_EQ(store_->event(id)->event.stage, "planned");
  EXPECT_EQ(store_->event(id)->version, 2);
  auto log = store_->curation_log(0);
  ASSERT_EQ(log->size(), 2u);
  EXPECT_EQ((*log)[0].old_value, "negotiating");  // the overwritten value is on record
  // An edit that changes nothing does not move the version.
  second_edit.if_version = 2;
  ASSERT_TRUE(store_->curate_event(id, second_edit).is_ok());
  EXPECT_EQ(store_->event(id)->version, 2);
}

TEST_P(StoreQueueContractTest, ConcurrentCuratorsOnOneVersionExactlyOneWins) {
  auto other = second();
  if (!other) GTEST_SKIP() << "private store";
  Doc d = make(1);
  ASSERT_TRUE(store_->put(d.doc, d.x).is_ok());
  const std::int64_t id = (*store_->events({}))[0].id;
  std::vector<StatusCode> codes(2);
  auto edit = [&](Store* s, int i, const std::string& stage) {
    EventCuration c;
    c.author = "editor" + std::to_string(i);
    c.set = {{"stage", stage}};
    c.if_version = 0;
    codes[i] = s->curate_event(id, c).status().code();
  };
  std::thread t0(edit, store_.get(), 0, "negotiating");
  std::thread t1(edit, other.get(), 1, "planned");
  t0.join();
  t1.join();
  int ok = (codes[0] == StatusCode::kOk) + (codes[1] == StatusCode::kOk);
  int conflicts = (codes[0] == StatusCode::kConflict) + (codes[1] == StatusCode::kConflict);
  EXPECT_EQ(ok, 1);
  EXPECT_EQ(conflicts, 1);
  EXPECT_EQ(store_->event(id)->version, 1);
  EXPECT_EQ(store_->curation_log(0)->size(), 1u);
}

std::string backend_name(const ::testing::TestParamInfo<StoreBackend>& info) { return info.param.name; }

const StoreBackend kSqliteBackends[] = {
    {"SqliteFile", [](const std::filesystem::path& dir) { return open_sqlite(dir / "pactum.db"); }, true},
    {"SqliteMemory", [](const std::filesystem::path&) { return open_sqlite(":memory:"); }, false},
};

INSTANTIATE_TEST_SUITE_P(Sqlite, StoreQueueContractTest, ::testing::ValuesIn(kSqliteBackends), backend_name);

}  // namespace
}  // namespace pactum::store
