// The reader's front door: plain text, the inputs every format must refuse,
// size limits, stdin, and expanding folders into sources.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sstream>

#include "common/hash.h"
#include "ingest/reader.h"

namespace pactum::ingest {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
namespace fs = std::filesystem;

class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = fs::temp_directory_path() / ("pactum_ingest_test_" + std::to_string(rd()));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }
  std::string write(const std::string& relative, const std::string& contents) const {
    fs::path p = path_ / relative;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << contents;
    return p.string();
  }

 private:
  fs::path path_;
};

TEST(Reader, FormatNames) {
  EXPECT_STREQ(format_name(Format::kText), "text");
  EXPECT_STREQ(format_name(Format::kHtml), "html");
  EXPECT_STREQ(format_name(Format::kPdf), "pdf");
  EXPECT_STREQ(format_name(Format::kFeed), "feed");
  EXPECT_STREQ(format_name(Format::kJsonl), "jsonl");
}

TEST(Reader, PlainText) {
  Result<std::vector<Document>> docs =
      read_bytes("\xEF\xBB\xBFHeadline\r\n\r\n\r\n\r\nBody  line\none\xC2\xA0two\n\n", "a.txt");
  ASSERT_TRUE(docs.is_ok()) << docs.status().to_string();
  ASSERT_EQ(docs->size(), 1u);
  const Document& doc = docs->front();
  EXPECT_EQ(doc.text, "Headline\n\nBody  line\none two");
  EXPECT_EQ(doc.title, "");  // the extractor finds the headline
  EXPECT_EQ(doc.format, Format::kText);
  EXPECT_EQ(doc.source, "a.txt");
  EXPECT_EQ(doc.content_hash, sha256_hex(doc.text));
}

TEST(Reader, Utf16WithByteOrderMarkIsDecoded) {
  std::string utf16le("\xFF\xFE", 2);
  for (char c : std::string("Avtale")) utf16le += std::string{c, '\0'};
  Result<std::vector<Document>> docs = read_bytes(utf16le, "a.txt");
  ASSERT_TRUE(docs.is_ok()) << docs.status().to_string();
  EXPECT_EQ(docs->front().text, "Avtale");
}

TEST(Reader, RefusesBadInput) {
  struct Row { std::string bytes; const char* source; StatusCode code; const char* message; } rows[] = {
      {"", "a.txt", StatusCode::kInvalidArgument, "empty document"},
      {" \n\t\r\n ", "a.txt", StatusCode::kInvalidArgument, "empty document"},
      {"<html><body>  </body></html>", "a.html", StatusCode::kInvalidArgument, "empty document"},
      {"abc\xFF" "def", "a.txt", StatusCode::kInvalidArgument, "not valid UTF-8 (byte offset 3)"},
      {"ok \xC3\xA6 then \xC3(", "a.txt", StatusCode::kInvalidArgument, "not valid UTF-8 (byte offset 11)"},
      {std::string("bin\0ary", 7), "a.bin", StatusCode::kUnsupported, "binary content"},
      {"\x01\x02\x03\x04\x05\x06 mostly controls \x07\x08\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17",
       "a", StatusCode::kUnsupported, "binary content"},
      {"PK\x03\x04\x14\x00\x06\x00", "report.docx", StatusCode::kUnsupported, "ZIP"},
      {"%PDF-1.4\n1 0 obj", "a.pdf", StatusCode::kInvalidArgument, "truncated PDF"},
      {"<?xml version=\"1.0\"?>\n<rss><channel><item><title>cut", "a.xml", StatusCode::kInvalidArgument,
       "malformed XML feed"},
      {"<!DOCTYPE html><html><body><p>cut", "a.html", StatusCode::kInvalidArgument, "truncated HTML"},
  };
  for (const Row& r : rows) {
    Result<std::vector<Document>> docs = read_bytes(r.bytes, r.source);
    ASSERT_FALSE(docs.is_ok()) << r.bytes;
    EXPECT_EQ(docs.status().code(), r.code) << docs.status().to_string();
    EXPECT_THAT(docs.status().message(), HasSubstr(r.message)) << r.bytes;
  }
}

TEST(Reader, HugeTextFileIsRefusedWithItsSize) {
  TempDir dir;
  std::string path = (dir.path() / "dump.txt").string();
  {
    std::ofstream out(path, std::ios::binary);
    std::string line(1023, 'x');
    line += '\n';
    for (int i = 0; i < 50 * 1024; ++i) out << line;  // 50 MiB
  }
  Result<std::vector<Document>> docs = read_path(path);
  ASSERT_FALSE(docs.is_ok());
  EXPECT_EQ(docs.status().code(), StatusCode::kResourceExhausted);
  EXPECT_THAT(docs.status().message(), HasSubstr("50.0 MiB"));
  EXPECT_THAT(docs.status().message(), HasSubstr("max_document_bytes"));

  ReadOptions small;
  small.max_file_bytes = 1 << 20;  // refused before reading
  docs = read_path(path, small);
  ASSERT_FALSE(docs.is_ok());
  EXPECT_EQ(docs.status().code(), StatusCode::kResourceExhausted);
  EXPECT_THAT(docs.status().message(), HasSubstr("max_file_bytes"));
}

// A feed or JSONL file holds many documents: the file is not bounded by
// max_document_bytes, each of its items is (a 50 MB JSONL line is refused
// as a 50 MB text file is: tests/hostile).
TEST(Reader, FeedsAndJsonlAreBoundedPerItem) {
  ReadOptions options;
  options.max_document_bytes = 10;
  Result<std::vector<Document>> docs =
      read_bytes("{\"text\": \"ten bytes.\"}\n{\"text\": \"ten again\"}\n", "a.jsonl", options);
  EXPECT_TRUE(docs.is_ok()) << docs.status().to_string();
  docs = read_bytes("{\"text\": \"short\"}\n{\"text\": \"longer than ten bytes\"}\n", "a.jsonl", options);
  EXPECT_EQ(docs.status().code(), StatusCode::kResourceExhausted);
  EXPECT_THAT(docs.status().message(), HasSubstr("item 2"));
  docs = read_bytes("<rss><channel><item><description>longer than ten bytes</description></item></channel></rss>",
                    "a.rss", options);
  EXPECT_EQ(docs.status().code(), StatusCode::kResourceExhausted);
  docs = read_bytes("longer than ten bytes", "a.txt", options);
  EXPECT_EQ(docs.status().code(), StatusCode::kResourceExhausted);
}

TEST(Reader, ReadPath) {
  TempDir dir;
  std::string file = dir.write("news/release.html", "<html><body><p>Signed.</p></body></html>");
  Result<std::vector<Document>> docs = read_path(file);
  ASSERT_TRUE(docs.is_ok()) << docs.status().to_string();
  EXPECT_EQ(docs->front().source, file);
  EXPECT_EQ(docs->front().format, Format::kHtml);
  EXPECT_EQ(read_path(dir.write("empty.txt", "")).status().message(), "empty document");
  EXPECT_EQ(read_path(dir.path() / "missing.txt").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(read_path(dir.path()).status().code(), StatusCode::kInvalidArgument);
}

TEST(Reader, ReadStream) {
  std::istringstream in("{\"text\": \"one\"}\n{\"text\": \"two\"}\n");
  Result<std::vector<Document>> docs = read_stream(in);
  ASSERT_TRUE(docs.is_ok()) << docs.status().to_string();
  ASSERT_EQ(docs->size(), 2u);
  EXPECT_EQ((*docs)[1].source, "-#2");

  std::istringstream big(std::string(200 * 1024, 'a'));
  ReadOptions options;
  options.max_file_bytes = 100 * 1024;
  EXPECT_EQ(read_stream(big, options).status().code(), StatusCode::kResourceExhausted);
}

TEST(Reader, ExpandSources) {
  TempDir dir;
  dir.write("b.txt", "b");
  dir.write("a.html", "<p>a</p>");
  dir.write("sub/c.txt", "c");
  dir.write("sub/deeper/e.txt", "e");
  dir.write(".hidden.txt", "hidden");
  dir.write(".git/config", "hidden folder");
  dir.write("sub/.swp", "hidden");
  std::string root = dir.path().string();
  std::string explicit_hidden = (dir.path() / ".hidden.txt").string();
  std::string missing = (dir.path() / "nope.txt").string();

  SourceList list = expand_sources({root, "-", missing, explicit_hidden});
  EXPECT_THAT(list.files, ElementsAre(root + "/a.html", root + "/b.txt", root + "/sub/c.txt",
                                      root + "/sub/deeper/e.txt", "-", explicit_hidden));
  ASSERT_EQ(list.missing.size(), 1u);
  EXPECT_EQ(list.missing[0].first, missing);
  EXPECT_EQ(list.missing[0].second.code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace pactum::ingest
