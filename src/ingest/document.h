// ingest's contract: what a source becomes before any language processing.
// A Document is one article: its text with the page chrome removed, and
// whatever metadata the source format carried (title, URL, publication date).
#pragma once

#include <string>

namespace pactum::ingest {

enum class Format { kText, kHtml, kPdf, kFeed, kJsonl };

// "text", "html", "pdf", "feed", "jsonl"
const char* format_name(Format f);

struct Document {
  // Where it came from: a file path, "path#N" for the N-th item of a feed or
  // JSONL file, or "-" / "-#N" for stdin. Stable across re-runs.
  std::string source;
  std::string url;        // as given by the source, else ""
  std::string title;      // headline, else ""
  std::string published;  // "YYYY-MM-DD", "YYYY-MM" or "YYYY" when the source states it, else ""
  std::string text;       // the article as UTF-8 (NFC), paragraphs separated by blank lines
  Format format = Format::kText;
  // SHA-256 of text: the document's identity. Set by the reader.
  std::string content_hash;
};

}  // namespace pactum::ingest
