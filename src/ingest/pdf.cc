// PDF press releases (poppler-cpp): the text of each page, its layout lines
// joined back into paragraphs and hyphenated words rejoined.
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <climits>
#include <memory>
#include <mutex>

#include "ingest/formats.h"

namespace pactum::ingest::internal {
namespace {

// poppler reports damaged files on stderr; we report them as Status instead.
void silence_poppler(const std::string&, void*) {}

std::string ustring_to_utf8(const poppler::ustring& s) {
  poppler::byte_array bytes = s.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

// Code point ending at s's last byte, or 0.
char32_t last_code_point(std::string_view s) {
  if (s.empty()) return 0;
  std::size_t i = s.size() - 1;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  auto c = static_cast<unsigned char>(s[i]);
  char32_t cp = c < 0x80 ? c : (c & 0xE0) == 0xC0 ? c & 0x1Fu : (c & 0xF0) == 0xE0 ? c & 0x0Fu : c & 0x07u;
  for (std::size_t k = i + 1; k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[k]) & 0x3Fu);
  return cp;
}

// Scripts written without spaces between words: lines join without one.
bool is_cjk(char32_t cp) {
  return (cp >= 0x3000 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0x20000 && cp <= 0x2FFFF);
}

bool is_lower_start(std::string_view s) {
  if (s.empty()) return false;
  auto c = static_cast<unsigned char>(s[0]);
  if (c < 0x80) return c >= 'a' && c <= 'z';
  // Latin letters with diacritics (U+00DF-U+00FF, most of U+0100-U+017F):
  // treat as lower case so "Zusammen-\narbeit" and "samar-\nbeid" rejoin.
  return c == 0xC3 || c == 0xC4 || c == 0xC5;
}

bool is_bullet(std::string_view line) {
  for (std::string_view b : {"•", "·", "▪", "◦", "– ", "- ", "* ", "o "}) {
    if (line.starts_with(b)) return true;
  }
  std::size_t digits = 0;
  while (digits < line.size() && digits < 3 && line[digits] >= '0' && line[digits] <= '9') ++digits;
  return digits > 0 && digits + 1 < line.size() && (line[digits] == '.' || line[digits] == ')') &&
         line[digits + 1] == ' ';
}

bool ends_sentence(std::string_view line) {
  for (std::string_view end : {".", "!", "?", ":", "\"", "”", "»", "。", "！", "？", "」"}) {
    if (line.ends_with(end)) return true;
  }
  return false;
}

// A page number alone on the first or last line ("3", "Page 3 of 5", "- 3 -").
bool is_page_number(std::string_view line) {
  std::string folded;
  for (char c : line) {
    if (c != ' ' && c != '-' && c != '/') folded.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  for (std::string_view prefix : {"page", "side", "seite"}) {
    if (folded.starts_with(prefix)) folded.erase(0, prefix.size());
  }
  for (std::string_view of : {"of", "av", "von"}) {
    std::size_t pos = folded.find(of);
    if (pos != std::string::npos) folded.erase(pos, of.size());
  }
  return !folded.empty() && folded.size() <= 6 &&
         std::all_of(folded.begin(), folded.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string_view trim(std::string_view s) {
  std::size_t b = s.find_first_not_of(" \t\r\f");
  if (b == std::string_view::npos) return {};
  std::size_t e = s.find_last_not_of(" \t\r\f");
  return s.substr(b, e - b + 1);
}

using Lines = std::vector<std::string_view>;

// A page's trimmed lines without the blank ones at either end or a page
// number on the first or last line. The views point into page_text.
Lines page_lines(const std::string& page_text) {
  Lines lines;
  std::size_t start = 0;
  while (start <= page_text.size()) {
    std::size_t end = page_text.find('\n', start);
    if (end == std::string::npos) end = page_text.size();
    lines.push_back(trim(std::string_view(page_text).substr(start, end - start)));
    start = end + 1;
  }
  auto strip_edges = [&] {
    while (!lines.empty() && lines.back().empty()) lines.pop_back();
    while (!lines.empty() && lines.front().empty()) lines.erase(lines.begin());
  };
  strip_edges();
  if (!lines.empty() && is_page_number(lines.back())) lines.pop_back();
  if (!lines.empty() && is_page_number(lines.front())) lines.erase(lines.begin());
  strip_edges();
  return lines;
}

// Running headers and footers: a first or last line that recurs on other
// pages ("Press release", the company's address) is letterhead, not text.
void drop_running_lines(std::vector<Lines>& pages) {
  if (pages.size() < 2) return;
  for (bool first : {true, false}) {
    std::vector<std::string_view> edges;
    for (const Lines& page : pages) {
      if (!page.empty()) edges.push_back(first ? page.front() : page.back());
    }
    for (Lines& page : pages) {
      if (page.empty()) continue;
      std::string_view edge = first ? page.front() : page.back();
      if (std::count(edges.begin(), edges.end(), edge) < 2) continue;
      if (first) {
        page.erase(page.begin());
      } else {
        page.pop_back();
      }
      while (!page.empty() && (first ? page.front() : page.back()).empty()) {
        if (first) page.erase(page.begin()); else page.pop_back();
      }
    }
  }
}

// Layout lines as paragraphs. A line much shorter than the page's usual
// line ends its paragraph (a heading, or the last line of one); a bullet
// starts a new line; other lines continue the paragraph.
std::string page_paragraphs(const Lines& lines) {
  std::vector<std::size_t> lengths;
  for (std::string_view l : lines) {
    if (!l.empty()) lengths.push_back(l.size());
  }
  if (lengths.empty()) return "";
  std::sort(lengths.begin(), lengths.end());
  // The usual full line: the 80th percentile, so headings and last lines of
  // paragraphs do not pull it down and a single long line does not lift it.
  std::size_t full_line = lengths[lengths.size() * 4 / 5];

  std::string out;
  std::string_view previous;
  for (std::string_view line : lines) {
    if (line.empty()) {
      if (!out.empty() && !out.ends_with("\n\n")) out.append(out.ends_with("\n") ? "\n" : "\n\n");
      previous = {};
      continue;
    }
    if (previous.empty() || out.ends_with("\n")) {
      out.append(line);
    } else if (previous.size() >= 2 && previous.back() == '-' &&
               std::isalpha(static_cast<unsigned char>(previous[previous.size() - 2]))) {
      // "Koopera-" + "tion": a word broken at the margin. Before a capital
      // ("Norway-" + "Japan") the hyphen is part of the word.
      if (is_lower_start(line)) out.pop_back();
      out.append(line);
    } else if (is_bullet(line)) {
      out.append("\n").append(line);
    } else if (previous.size() * 4 < full_line * 3 && (ends_sentence(previous) || previous.size() * 2 < full_line)) {
      out.append("\n\n").append(line);  // a short line closed the paragraph
    } else if (is_cjk(last_code_point(previous))) {
      out.append(line);
    } else {
      out.append(" ").append(line);
    }
    previous = line;
  }
  return out;
}

// Titles that are file names or tool defaults say nothing.
std::string usable_pdf_title(std::string title) {
  title = collapse_spaces(title);
  for (std::string_view prefix : {"Microsoft Word - ", "Microsoft PowerPoint - "}) {
    if (title.starts_with(prefix)) title.erase(0, prefix.size());
  }
  std::string lower = lower_ascii(title);
  for (std::string_view junk : {".doc", ".docx", ".pdf", ".indd", ".odt", ".rtf"}) {
    if (lower.ends_with(junk)) return "";
  }
  if (lower == "untitled" || lower == "untitled document" || lower == "title" || lower == "pdf") return "";
  return title;
}

}  // namespace

Result<Document> read_pdf(std::string_view bytes, const std::string& source, std::size_t max_text_bytes) {
  // Writers put %%EOF last (with a line break or a few bytes after it); a file
  // without one was cut off in transfer. poppler would rebuild what it can,
  // silently losing the missing pages.
  std::string_view tail = bytes.substr(bytes.size() > 1024 ? bytes.size() - 1024 : 0);
  if (tail.find("%%EOF") == std::string_view::npos) {
    return Status::invalid_argument("truncated PDF: no %%EOF marker at the end");
  }
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
    return Status::resource_exhausted("PDF too large for poppler");
  }
  static std::once_flag quiet;
  std::call_once(quiet, [] { poppler::set_debug_error_function(silence_poppler, nullptr); });
  try {
    std::unique_ptr<poppler::document> pdf(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!pdf) return Status::invalid_argument("damaged PDF: poppler cannot read it");
    if (pdf->is_locked()) return Status::unsupported("encrypted PDF: it needs a password");
    Document doc;
    doc.title = usable_pdf_title(ustring_to_utf8(pdf->info_key("Title")));
    std::vector<std::string> page_texts;
    std::size_t text_bytes = 0;
    for (int i = 0; i < pdf->pages(); ++i) {
      std::unique_ptr<poppler::page> page(pdf->create_page(i));
      page_texts.push_back(page ? ustring_to_utf8(page->text()) : std::string());
      text_bytes += page_texts.back().size();
      if (text_bytes > max_text_bytes) {
        return Status::resource_exhausted("PDF text is over the " + human_size(max_text_bytes) +
                                          " limit for one document (max_document_bytes) by page " +
                                          std::to_string(i + 1) + ": not a press release");
      }
    }
    std::vector<Lines> pages;
    for (const std::string& text : page_texts) pages.push_back(page_lines(text));
    drop_running_lines(pages);
    for (const Lines& lines : pages) {
      std::string text = page_paragraphs(lines);
      if (text.empty()) continue;
      // A sentence running on from the previous page continues its paragraph.
      bool continues = !doc.text.empty() && !ends_sentence(doc.text) && is_lower_start(text);
      if (!doc.text.empty()) doc.text.append(continues ? " " : "\n\n");
      doc.text.append(text);
    }
    if (trim(doc.text).empty()) {
      return Status::invalid_argument("empty document: the PDF has no text layer (scanned pages?)");
    }
    PACTUM_RETURN_IF_ERROR(finish_document(doc, Format::kPdf, source));
    return doc;
  } catch (const std::exception& e) {
    return Status::invalid_argument(std::string("damaged PDF: ") + e.what());
  } catch (...) {
    return Status::invalid_argument("damaged PDF");
  }
}

}  // namespace pactum::ingest::internal
