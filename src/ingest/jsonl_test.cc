// JSON lines: one article per line; a bad line fails the file, naming it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

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

}  // namespace
}  // namespace pactum::ingest
