#include "api/ingest_service.h"

#include <gtest/gtest.h>

#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <fstream>

#include "ingest/reader.h"

namespace pactum::api {
namespace {

const extract::Extractor& extractor() {
  static const auto* const x = [] {
    auto r = extract::Extractor::create(PACTUM_TEST_DATA_DIR);
    EXPECT_TRUE(r.is_ok()) << r.status().to_string();
    return r.is_ok() ? std::move(r).value().release() : nullptr;
  }();
  return *x;
}

// Parallel extraction changes nothing a caller can see: the summary, the
// order of failures and what the store holds are those of one thread.
TEST(IngestService, ThreadsChangeNothingButSpeed) {
  const std::vector<std::string> paths = {std::string(PACTUM_TEST_DATA_DIR) + "/samples/docs",
                                          std::string(PACTUM_TEST_DATA_DIR) + "/samples/formats",
                                          "no-such-file.txt", std::string(PACTUM_TEST_DATA_DIR) + "/samples/docs"};
  struct Run { IngestSummary summary; std::vector<std::string> progress; std::size_t stored_events = 0; };
  auto run = [&](std::size_t threads) {
    Run r;
    auto store = store::open_sqlite(":memory:");
    EXPECT_TRUE(store.is_ok());
    IngestOptions options;
    options.threads = threads;
    auto summary = ingest_paths(paths, extractor(), **store, options,
                                [&](std::size_t done, std::size_t total, const std::string& src) {
                                  r.progress.push_back(std::to_string(done) + "/" + std::to_string(total) + " " + src);
                                });
    EXPECT_TRUE(summary.is_ok());
    r.summary = *summary;
    r.stored_events = (*store)->events({}).value().size();
    return r;
  };
  Run one = run(1);
  EXPECT_GT(one.summary.stored, 20u);
  EXPECT_GE(one.summary.duplicates, 20u);  // docs/ twice
  EXPECT_EQ(one.summary.failed.size(), 1u);  // the missing file
  for (std::size_t threads : {2, 4}) {
    Run many = run(threads);
    EXPECT_EQ(many.summary.read, one.summary.read);
    EXPECT_EQ(many.summary.stored, one.summary.stored);
    EXPECT_EQ(many.summary.duplicates, one.summary.duplicates);
    EXPECT_EQ(many.summary.events, one.summary.events);
    EXPECT_EQ(many.summary.bytes, one.summary.bytes);
    EXPECT_EQ(many.stored_events, one.stored_events);
    EXPECT_EQ(many.progress, one.progress);
    ASSERT_EQ(many.summary.failed.size(), one.summary.failed.size());
    for (std::size_t i = 0; i < one.summary.failed.size(); ++i) {
      EXPECT_EQ(many.summary.failed[i].source, one.summary.failed[i].source);
    }
  }
}

// A JSONL file over max_file_bytes is streamed a line at a time instead of
// being refused; a bad line ends it after the lines before it were stored.
TEST(IngestService, StreamsJsonlLargerThanTheFileLimit) {
  const std::string path = testing::TempDir() + "/pactum_stream_test.jsonl";
  {
    std::ofstream out(path);
    for (int i = 0; i < 50; ++i) {
      out << "{\"title\": \"Release " << i << "\", \"text\": \"Norway and Japan signed memorandum number " << i
          << " on hydrogen in Tokyo on 8 December 2023.\"}\n";
      if (i == 10) out << "\n";  // blank lines are no item
    }
    out << "{not json\n";
    out << "{\"text\": \"never read\"}\n";
  }
  for (std::size_t threads : {1, 2}) {
    auto store = store::open_sqlite(":memory:");
    ASSERT_TRUE(store.is_ok());
    IngestOptions options;
    options.threads = threads;
    options.read.max_file_bytes = 1000;  // the file is some 5 KB
    auto summary = ingest_paths({path}, extractor(), **store, options);
    ASSERT_TRUE(summary.is_ok());
    EXPECT_EQ(summary->stored, 50u);
    ASSERT_EQ(summary->failed.size(), 1u);
    EXPECT_NE(summary->failed[0].status.message().find("line 52"), std::string::npos)
        << summary->failed[0].status.message();
    auto doc = (*store)->document(1);
    ASSERT_TRUE(doc.is_ok());
    EXPECT_EQ(doc->source, path + "#1");
  }
  // Within the limit the file is read whole, as before: all or nothing.
  auto whole = ingest::read_path(path);
  EXPECT_FALSE(whole.is_ok());
}

// A JSONL file within the limit is parsed on the workers too
// (ReadOptions::parallel_for): the same documents in the same order, and
// still all or nothing.
TEST(IngestService, JsonlLinesParsedOnTheWorkersKeepOrderAndAllOrNothing) {
  const std::string good = testing::TempDir() + "/pactum_parallel_good.jsonl";
  const std::string bad = testing::TempDir() + "/pactum_parallel_bad.jsonl";
  {
    std::ofstream g(good), b(bad);
    for (int i = 0; i < 40; ++i) {
      std::string line = "{\"title\": \"Release " + std::to_string(i) +
                         "\", \"text\": \"Germany and Japan signed memorandum number " + std::to_string(i) +
                         " on hydrogen in Berlin on 3 March 2024.\"}\n";
      g << line;
      b << (i == 33 ? std::string("{\"text\": 7}\n") : line);
    }
  }
  std::vector<std::string> sources[2];
  for (std::size_t threads : {1, 2}) {
    auto store = store::open_sqlite(":memory:");
    ASSERT_TRUE(store.is_ok());
    IngestOptions options;
    options.threads = threads;
    auto summary = ingest_paths({good, bad}, extractor(), **store, options);
    ASSERT_TRUE(summary.is_ok());
    EXPECT_EQ(summary->stored, 40u);  // the bad file's good lines are duplicates anyway: none read
    EXPECT_EQ(summary->read, 40u);
    ASSERT_EQ(summary->failed.size(), 1u);
    EXPECT_EQ(summary->failed[0].source, bad);
    EXPECT_NE(summary->failed[0].status.message().find("line 34"), std::string::npos)
        << summary->failed[0].status.message();
    auto docs = (*store)->documents(0, 100);
    ASSERT_TRUE(docs.is_ok());
    for (const auto& d : *docs) sources[threads - 1].push_back(d.source);
  }
  ASSERT_EQ(sources[0].size(), 40u);
  EXPECT_EQ(sources[1], sources[0]);
  EXPECT_EQ(sources[0].front(), good + "#1");
}

// A JSONL file of n releases, each written in our own words; line i
// repeats line i - 1 when i % 7 == 3 (two copies in flight at once) and
// line i - 150 when i >= fresh (the first copy long committed, or in
// flight: it depends on how far the writing has got).
std::string write_releases(const std::string& name, int n, int fresh = 250) {
  const std::string path = testing::TempDir() + "/" + name;
  std::ofstream out(path);
  auto text = [](int i) {
    return "{\"title\": \"Release " + std::to_string(i) + "\", \"text\": \"Canada and Korea signed agreement number " +
           std::to_string(i) + " on offshore wind in Ottawa on 4 May 2024.\"}\n";
  };
  std::vector<int> same(n);  // the release line i carries
  for (int i = 0; i < n; ++i) {
    same[i] = i >= fresh ? same[i - 150] : i % 7 == 3 ? i - 1 : i;
    out << text(same[i]);
  }
  return path;
}

// A new SQLite store in a file (WAL mode, as `pactum ingest` uses).
std::string fresh_store_path(const std::string& name) {
  const std::string path = testing::TempDir() + "/" + name;
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  return path;
}

struct StoreContents {
  std::vector<std::string> documents;  // id, source, hash in id order
  std::vector<std::string> events;     // id, document, type, instrument, parties in id order
};

StoreContents contents_of(store::Store& store) {
  StoreContents c;
  auto docs = store.documents(0, 100000);
  EXPECT_TRUE(docs.is_ok());
  if (docs.is_ok()) {
    for (const auto& d : *docs) c.documents.push_back(std::to_string(d.id) + " " + d.source + " " + d.content_hash);
  }
  auto events = store.events({});
  EXPECT_TRUE(events.is_ok());
  if (events.is_ok()) {
    for (const auto& e : *events) {
      std::string row = std::to_string(e.id) + " " + std::to_string(e.document_id) + " " + e.event.instrument;
      for (std::int64_t a : e.party_actor_ids) row += " " + std::to_string(a);
      c.events.push_back(row);
    }
    std::sort(c.events.begin(), c.events.end());
  }
  return c;
}

// Documents are written in input order whatever thread extracted them, and
// a copy of a document in flight (not yet committed when it is read) counts
// as a duplicate as a copy already stored does: summary and store are those
// of one thread, and a second run finds every document stored.
TEST(IngestService, ThreadsKeepOrderAndDuplicatesInFlight) {
  const std::string input = write_releases("pactum_writer_order.jsonl", 400);
  std::optional<StoreContents> first;
  std::optional<IngestSummary> first_summary;
  for (std::size_t threads : {1, 2, 4}) {
    const std::string db = fresh_store_path("pactum_writer_order_" + std::to_string(threads) + ".db");
    auto store = store::open_sqlite(db);
    ASSERT_TRUE(store.is_ok()) << store.status().to_string();
    IngestOptions options;
    options.threads = threads;
    options.read.max_file_bytes = 2000;  // streamed: lines read one at a time
    auto summary = ingest_paths({input}, extractor(), **store, options);
    ASSERT_TRUE(summary.is_ok()) << summary.status().to_string();
    EXPECT_EQ(summary->read, 400u);
    EXPECT_EQ(summary->stored, 250u - 250u / 7 - (250u % 7 > 3 ? 1u : 0u));
    EXPECT_EQ(summary->stored + summary->duplicates, 400u);
    EXPECT_TRUE(summary->failed.empty());
    StoreContents c = contents_of(**store);
    ASSERT_EQ(c.documents.size(), summary->stored);
    // Input order: the first copies, by line.
    std::size_t line = 0;
    for (const std::string& d : c.documents) {
      ++line;
      while ((line - 1) % 7 == 3) ++line;
      EXPECT_NE(d.find(input + "#" + std::to_string(line) + " "), std::string::npos) << d;
    }
    if (!first) {
      first = c;
      first_summary = *summary;
    } else {
      EXPECT_EQ(c.documents, first->documents) << threads << " threads";
      EXPECT_EQ(c.events, first->events) << threads << " threads";
      EXPECT_EQ(summary->events, first_summary->events);
      EXPECT_EQ(summary->duplicates, first_summary->duplicates);
    }
    auto again = ingest_paths({input}, extractor(), **store, options);
    ASSERT_TRUE(again.is_ok());
    EXPECT_EQ(again->stored, 0u);
    EXPECT_EQ(again->duplicates, 400u);
    EXPECT_EQ(contents_of(**store).documents, c.documents);
  }
}

// A store that fails in the middle of the ingest (its third transaction
// hits an error that is not the document's fault) ends the ingest with
// that error, at any thread count, without hanging; the transactions
// before it stay whole and nothing after it is written.
TEST(IngestService, StoreFailureMidRunEndsTheIngestCleanly) {
  // Three transactions' worth of lines, all new but for every seventh (a
  // copy of the line before it).
  const int k = static_cast<int>(kDocumentsPerTransaction);
  const std::string input = write_releases("pactum_writer_fail.jsonl", 3 * k, 3 * k);
  int first_batch = 0;  // distinct documents in the first transaction's lines
  for (int i = 0; i < k; ++i) first_batch += i % 7 == 3 ? 0 : 1;
  for (std::size_t threads : {1, 2, 4}) {
    const std::string db = fresh_store_path("pactum_writer_fail_" + std::to_string(threads) + ".db");
    {
      auto created = store::open_sqlite(db);
      ASSERT_TRUE(created.is_ok());
    }
    {
      // In the second transaction every insert runs json() on bad JSON: an
      // SQL error (kInternal), which fails the whole batch.
      sqlite3* raw = nullptr;
      ASSERT_EQ(sqlite3_open(db.c_str(), &raw), SQLITE_OK);
      char* err = nullptr;
      const std::string trigger = "CREATE TRIGGER fail_later AFTER INSERT ON documents WHEN (SELECT count(*) FROM "
                                  "documents) > " + std::to_string(first_batch + k / 4) +
                                  " BEGIN SELECT json('{not json'); END;";
      int rc = sqlite3_exec(raw, trigger.c_str(), nullptr, nullptr, &err);
      EXPECT_EQ(rc, SQLITE_OK) << (err ? err : "");
      sqlite3_free(err);
      sqlite3_close(raw);
    }
    auto store = store::open_sqlite(db);
    ASSERT_TRUE(store.is_ok());
    IngestOptions options;
    options.threads = threads;
    options.read.max_file_bytes = 2000;
    auto summary = ingest_paths({input}, extractor(), **store, options);
    ASSERT_FALSE(summary.is_ok()) << threads << " threads";
    EXPECT_EQ(summary.status().code(), StatusCode::kInternal) << summary.status().to_string();
    // The first transaction committed (its copies found as duplicates in
    // it), the second rolled back whole, the third never begun.
    EXPECT_EQ((*store)->document_count().value(), first_batch) << threads << " threads";
  }
}

}  // namespace
}  // namespace pactum::api
