// JSON lines: one article per line; a bad line fails the file, naming it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "ingest/reader.h"

namespace pactum::ingest {
namespace {

using ::testing::HasSubstr;

TEST(Jsonl, EachLineIsADocument) {
  std::string jsonl =
      "{\"url\": \"https://e.x/1\", \"title\": \"MoU signed\", \"published\": \"2024-05-03T10:00:00Z\","
      " \"text\": \"Equinor and JERA signed.\\nSecond line.\"}\n"
      "\n"
      "{\"title\": \"<b>HTML</b> title\", \"published\": \"May 2024\", \"text\": \"<p>First.</p><p>Second.</p>\"}\n"
      "{\"text\": \"Undated\", \"published\": \"sometime\", \"url\": null}\n";
  Result<std::vector<Document>> docs = read_bytes(jsonl, "export.jsonl");
  ASSERT_TRUE(docs.is_ok()) << docs.status().to_string();
  ASSERT_EQ(docs->size(), 3u);
  EXPECT_EQ((*docs)[0].source, "export.jsonl#1");
  EXPECT_EQ((*docs)[0].url, "https://e.x/1");
  EXPECT_EQ((*docs)[0].title, "MoU signed");
  EXPECT_EQ((*docs)[0].published, "2024-05-03");
  EXPECT_EQ((*docs)[0].text, "Equinor and JERA signed.\nSecond line.");
  EXPECT_EQ((*docs)[0].format, Format::kJsonl);
  EXPECT_EQ((*docs)[1].source, "export.jsonl#2");  // the N-th item, blank lines not counted
  EXPECT_EQ((*docs)[1].title, "HTML title");
  EXPECT_EQ((*docs)[1].published, "2024-05");
  EXPECT_EQ((*docs)[1].text, "First.\n\nSecond.");
  EXPECT_EQ((*docs)[2].published, "");  // unparseable: dropped, the article kept
  EXPECT_EQ((*docs)[2].url, "");
}

TEST(Jsonl, BadLineFailsTheFileNamingTheLine) {
  struct Row { std::string jsonl; const char* message; } rows[] = {
      {"{\"text\": \"ok\"}\n{\"text\": \"unterminated}\n", "line 2: parse error"},
      {"{\"title\": \"no text\"}\n", "line 1: missing \"text\""},
      {"{\"text\": 42}\n", "line 1: \"text\" is not a string"},
      {"{\"text\": \"ok\", \"title\": [1]}\n", "line 1: \"title\" is not a string"},
      {"{\"text\": \"ok\"}\n[1, 2]\n", "line 2: not a JSON object"},
      {"{\"text\": \"  \"}\n", "line 1: empty document"},
      {"{\"text\": \"caf\xE9\"}\n", "line 1: not valid UTF-8 (byte offset 13)"},
  };
  for (const Row& r : rows) {
    Result<std::vector<Document>> docs = read_bytes(r.jsonl, "export.jsonl");
    ASSERT_FALSE(docs.is_ok()) << r.jsonl;
    EXPECT_EQ(docs.status().code(), StatusCode::kInvalidArgument);
    EXPECT_THAT(docs.status().message(), HasSubstr(r.message));
  }
}

// A parallel_for that runs the tasks on threads, last first: what is read,
// and which error, must not depend on the order tasks run in.
void reversed_on_threads(std::size_t n, const std::function<void(std::size_t)>& task) {
  std::vector<std::thread> threads;
  for (std::size_t i = n; i-- > 0;) threads.emplace_back([&task, i] { task(i); });
  for (std::thread& t : threads) t.join();
}

std::string numbered_lines(std::size_t n, std::size_t bad_line = 0) {
  std::string jsonl;
  for (std::size_t i = 1; i <= n; ++i) {
    if (i == bad_line) {
      jsonl += "{\"text\": \"unterminated}\n";
    } else {
      jsonl += "{\"title\": \"T" + std::to_string(i) + "\", \"text\": \"Line " + std::to_string(i) + ".\"}\n";
    }
    if (i % 7 == 0) jsonl += "\n";  // blank lines are no item
  }
  return jsonl;
}

TEST(Jsonl, ParallelParseReadsWhatTheSerialReadReads) {
  ReadOptions parallel;
  parallel.parallel_for = reversed_on_threads;
  const std::string jsonl = numbered_lines(100);
  Result<std::vector<Document>> serial = read_bytes(jsonl, "export.jsonl");
  Result<std::vector<Document>> docs = read_bytes(jsonl, "export.jsonl", parallel);
  ASSERT_TRUE(serial.is_ok() && docs.is_ok());
  ASSERT_EQ(docs->size(), 100u);
  for (std::size_t i = 0; i < docs->size(); ++i) {
    EXPECT_EQ((*docs)[i].source, "export.jsonl#" + std::to_string(i + 1));
    EXPECT_EQ((*docs)[i].text, (*serial)[i].text);
    EXPECT_EQ((*docs)[i].content_hash, (*serial)[i].content_hash);
  }
  // Two bad lines: the first in file order is the one named.
  std::string two_bad = numbered_lines(100, 30) + "[1]\n";
  Result<std::vector<Document>> bad = read_bytes(two_bad, "export.jsonl", parallel);
  ASSERT_FALSE(bad.is_ok());
  EXPECT_THAT(bad.status().message(), HasSubstr("line 34: parse error"));  // 30 lines + 4 blank ones before it
}

TEST(Jsonl, StreamedInChunksPassesOnTheLinesBeforeABadOne) {
  // Over max_file_bytes: streamed, in chunks of lines parsed in parallel;
  // a bad line ends the file after every line before it was passed on.
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() / ("pactum_jsonl_stream_" + std::to_string(::getpid()) + ".jsonl");
  {
    std::ofstream out(path, std::ios::binary);
    out << numbered_lines(600, 530);
  }
  ReadOptions options;
  options.max_file_bytes = 1024;
  options.parallel_for = reversed_on_threads;
  std::vector<std::string> sources;
  Status st = read_path_each(path, options, [&](Document&& doc) {
    sources.push_back(doc.source);
    return true;
  });
  std::filesystem::remove(path);
  ASSERT_FALSE(st.is_ok());
  EXPECT_THAT(st.message(), HasSubstr("line 605: parse error"));  // 530 lines + 75 blank ones
  ASSERT_EQ(sources.size(), 529u);
  EXPECT_EQ(sources.front(), path.string() + "#1");
  EXPECT_EQ(sources.back(), path.string() + "#529");
}

}  // namespace
}  // namespace pactum::ingest
