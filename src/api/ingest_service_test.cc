#include "api/ingest_service.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace pactum::api
