// Plain-text sources, and the text helpers every reader finishes its
// documents with (UTF-8 checks, tidying, hashing).
#include <cstdint>
#include <cstdio>

#include "common/hash.h"
#include "common/utf8.h"
#include "ingest/formats.h"

namespace pactum::ingest::internal {

std::optional<std::size_t> invalid_utf8_offset(std::string_view s) {
  // Same rules as pactum::is_valid_utf8, which only answers yes or no; the
  // offset lets a user find the bad byte.
  const auto* begin = reinterpret_cast<const unsigned char*>(s.data());
  const auto* p = begin;
  const auto* end = begin + s.size();
  while (p < end) {
    unsigned char c = *p;
    if (c < 0x80) {
      ++p;
      continue;
    }
    int n;
    std::uint32_t cp;
    if ((c & 0xE0) == 0xC0) {
      n = 1;
      cp = c & 0x1Fu;
    } else if ((c & 0xF0) == 0xE0) {
      n = 2;
      cp = c & 0x0Fu;
    } else if ((c & 0xF8) == 0xF0) {
      n = 3;
      cp = c & 0x07u;
    } else {
      return static_cast<std::size_t>(p - begin);
    }
    if (end - p <= n) return static_cast<std::size_t>(p - begin);
    for (int i = 1; i <= n; ++i) {
      if ((p[i] & 0xC0) != 0x80) return static_cast<std::size_t>(p - begin);
      cp = (cp << 6) | (p[i] & 0x3Fu);
    }
    if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
        (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
      return static_cast<std::size_t>(p - begin);
    }
    p += n + 1;
  }
  return std::nullopt;
}

Status check_utf8(std::string_view s) {
  if (auto offset = invalid_utf8_offset(s)) {
    return Status::invalid_argument("not valid UTF-8 (byte offset " + std::to_string(*offset) + ")");
  }
  return Status::ok();
}

std::string tidy_text(std::string_view s) {
  std::string normal = normalize_document(s);
  std::string out;
  out.reserve(normal.size());
  std::size_t newlines = 0;  // pending line breaks, emitted before the next text
  for (char c : normal) {
    if (c == '\n') {
      ++newlines;
      continue;
    }
    if (newlines > 0 && !out.empty()) out.append(newlines >= 2 ? 2 : 1, '\n');
    newlines = 0;
    out.push_back(c);
  }
  // A text that starts with blank-looking lines of tabs or spaces keeps them
  // until here; trim whitespace at both ends of the whole text.
  std::size_t b = out.find_first_not_of(" \t\n");
  if (b == std::string::npos) return "";
  std::size_t e = out.find_last_not_of(" \t\n");
  return out.substr(b, e - b + 1);
}

std::string collapse_spaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool ws = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    if (!ws && static_cast<unsigned char>(c) == 0xC2 && i + 1 < s.size() &&
        static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      ws = true;  // NBSP
      ++i;
    }
    if (ws) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

Status finish_document(Document& doc, Format format, std::string source) {
  if (!is_valid_utf8(doc.text) || !is_valid_utf8(doc.title)) {
    return Status::internal("a reader produced text that is not UTF-8");
  }
  doc.text = tidy_text(doc.text);
  if (doc.text.empty()) return Status::invalid_argument("empty document");
  doc.title = collapse_spaces(normalize_document(doc.title));
  doc.content_hash = sha256_hex(doc.text);
  doc.format = format;
  doc.source = std::move(source);
  return Status::ok();
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string human_size(std::size_t bytes) {
  char buf[32];
  if (bytes >= (std::size_t{1} << 20)) {
    std::snprintf(buf, sizeof buf, "%.1f MiB", static_cast<double>(bytes) / (1 << 20));
  } else if (bytes >= 1024) {
    std::snprintf(buf, sizeof buf, "%.1f KiB", static_cast<double>(bytes) / 1024);
  } else {
    std::snprintf(buf, sizeof buf, "%zu bytes", bytes);
  }
  return buf;
}

namespace {

// Binary data read as text would store garbage: a NUL never occurs in text,
// and more than a few percent of other control bytes means it is not prose.
bool looks_binary(std::string_view bytes) {
  constexpr std::size_t kWindow = 64 * 1024;
  std::string_view head = bytes.substr(0, kWindow);
  if (bytes.find('\0') != std::string_view::npos) return true;
  std::size_t controls = 0;
  for (char ch : head) {
    auto c = static_cast<unsigned char>(ch);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') || c == 0x7F) {
      ++controls;
    }
  }
  return controls * 20 > head.size();  // over 5%
}

}  // namespace

Result<Document> read_text(std::string_view bytes, const std::string& source) {
  if (looks_binary(bytes)) {
    return Status::unsupported("binary content: not text, HTML, PDF, a feed or JSONL");
  }
  PACTUM_RETURN_IF_ERROR(check_utf8(bytes));
  Document doc;
  doc.text = std::string(bytes);  // the title is left to the extractor's headline finder
  PACTUM_RETURN_IF_ERROR(finish_document(doc, Format::kText, source));
  return doc;
}

}  // namespace pactum::ingest::internal
