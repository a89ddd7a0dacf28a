// Format sniffing: content first, the extension only for ambiguous bytes.
#include <gtest/gtest.h>

#include "ingest/formats.h"

namespace pactum::ingest::internal {
namespace {

TEST(SniffFormat, Table) {
  struct Row { std::string bytes; const char* ext; Format want; } rows[] = {
      {"%PDF-1.7\n...", "", Format::kPdf},
      {"%PDF-1.4\n...", "txt", Format::kPdf},  // content beats a wrong name
      {"<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel/></rss>", "", Format::kFeed},
      {"<?xml version=\"1.0\"?>\n<!-- c --><feed xmlns=\"http://www.w3.org/2005/Atom\">", "", Format::kFeed},
      {"<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"x\">", "", Format::kFeed},
      {"<rss version=\"2.0\">", "html", Format::kFeed},
      {"<?xml version=\"1.0\"?>\n", "rss", Format::kFeed},  // cut before the root: libxml2 says why
      {"<!DOCTYPE html><html><body>x</body></html>", "", Format::kHtml},
      {"\xEF\xBB\xBF<!doctype HTML>\n<html>", "txt", Format::kHtml},
      {"<html lang=\"no\">", "", Format::kHtml},
      {"<p>A fragment</p>", "", Format::kHtml},
      {"  \n<div class=\"x\">y</div>", "", Format::kHtml},
      {"<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0//EN\" \"x\">\n<html>", "", Format::kHtml},
      {"Saved page\n<html><body>x</body></html>", "", Format::kHtml},
      {"Text that mentions <b>bold</b> once", "html", Format::kHtml},
      {"{\"text\": \"a\"}\n{\"text\": \"b\"}\n", "", Format::kJsonl},
      {"{\"text\": \"a\"}", "txt", Format::kJsonl},
      {"{not json", "jsonl", Format::kJsonl},  // named so: the JSONL reader names the line
      {"{not json", "", Format::kText},
      {"Oslo, 3 May 2024 - Equinor and JERA signed...", "", Format::kText},
      {"Text that mentions <b>bold</b> once", "txt", Format::kText},
      {"a < b and c > d", "", Format::kText},
  };
  for (const Row& r : rows) {
    Result<Format> got = sniff_format(r.bytes, r.ext);
    ASSERT_TRUE(got.is_ok()) << r.bytes << ": " << got.status().to_string();
    EXPECT_EQ(*got, r.want) << r.bytes << " (." << r.ext << ")";
  }
}

TEST(SniffFormat, RefusesWhatNoReaderTakes) {
  struct Row { std::string bytes; const char* ext; const char* message; } rows[] = {
      {"<?xml version=\"1.0\"?><urlset><url/></urlset>", "xml", "<urlset> is not a feed"},
      {"PK\x03\x04 rest of a docx", "docx", "ZIP"},
      {"\x89PNG\r\n\x1a\n", "", "PNG"},
      {"hello", "pdf", "not a PDF"},
  };
  for (const Row& r : rows) {
    Result<Format> got = sniff_format(r.bytes, r.ext);
    ASSERT_FALSE(got.is_ok()) << r.bytes;
    EXPECT_NE(got.status().message().find(r.message), std::string::npos) << got.status().message();
  }
}

}  // namespace
}  // namespace pactum::ingest::internal
