// ingest's internals: the reader behind each format and the helpers they
// share. Private to src/ingest (the module's contract is reader.h).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "ingest/document.h"
#include "ingest/reader.h"

namespace pactum::ingest::internal {

// --- Sniffing (sniff.cc) ---------------------------------------------------

// The format of bytes, from their content first and the lower-case file
// extension ("html", "pdf", "" when none) as a hint for ambiguous content.
// Fails for content no reader takes (an XML root that is no feed, a ZIP or an
// image), saying what it looks like.
Result<Format> sniff_format(std::string_view bytes, std::string_view extension);

// --- Readers, one per format ---------------------------------------------
// Each returns finished Documents (text normalised, hash set, source and
// format filled in). Messages do not repeat the source: callers print it.

// text.cc
Result<Document> read_text(std::string_view bytes, const std::string& source);
// html.cc
Result<Document> read_html(std::string_view bytes, const std::string& source);
// feed.cc: one Document per item with text, sources "source#N". A feed of
// over 10,000 items is refused (kResourceExhausted).
Result<std::vector<Document>> read_feed(std::string_view bytes, const std::string& source);
// pdf.cc: max_text_bytes bounds the extracted text (the file's own size is
// dominated by fonts and images, so it is bounded by max_file_bytes only).
Result<Document> read_pdf(std::string_view bytes, const std::string& source,
                          std::size_t max_text_bytes);
// jsonl.cc: one Document per non-blank line, sources "source#N".
Result<std::vector<Document>> read_jsonl(std::string_view bytes, const std::string& source,
                                         const ParallelFor& parallel_for = {});
// One line of a JSONL file (without its '\n'; a UTF-8 BOM is dropped from
// line 1) as a finished Document with source "source#item"; errors say
// "line N: reason". Blank lines (is_blank_line) are no item: skip them.
Result<Document> read_jsonl_line(std::string_view line, std::size_t line_number, const std::string& source,
                                 std::size_t item);
bool is_blank_line(std::string_view line);
// Lines of a JSONL file to parse (read_jsonl_line's arguments), parsed
// through parallel_for (serially when unset) in chunks; one result per
// line, in order.
struct JsonlLine {
  std::string_view text;
  std::size_t number = 0, item = 0;
};
std::vector<Result<Document>> read_jsonl_lines(const std::vector<JsonlLine>& lines, const std::string& source,
                                               const ParallelFor& parallel_for);

// --- HTML to text (html.cc) ----------------------------------------------

struct HtmlPage {
  std::string title;
  std::string url;
  std::string published;  // normalised as Document::published
  std::string text;       // not yet through normalize_document
};

// A whole web page: the article without the page chrome, and its metadata.
// bytes must be valid UTF-8. Fails when the markup is nested too deeply to
// parse in reasonable time.
Result<HtmlPage> extract_html_page(std::string_view utf8);

// A fragment (a feed item's description, a JSONL text): its text with block
// structure kept, scripts and styles dropped, no chrome detection.
std::string html_fragment_to_text(std::string_view utf8);

// True when s contains HTML tags (not merely a '<'), so that feed and JSONL
// text is converted only when it is markup.
bool looks_like_html(std::string_view s);

// Non-empty when bytes open an HTML page that was clearly cut off: it has
// <html but neither </html> nor </body>, or it ends inside a tag or comment.
// The reason is for the error message.
std::string html_truncation_reason(std::string_view bytes);

// --- Character sets (charset.cc) -----------------------------------------

// The charset a page declares in its first bytes (<meta charset>, the
// http-equiv Content-Type, or an XML declaration), lower-cased; "" if none.
std::string declared_html_charset(std::string_view bytes);

// Converts bytes in charset (an ICU converter name or alias) to UTF-8.
Result<std::string> convert_to_utf8(std::string_view bytes, const std::string& charset);

// --- Dates (date.cc) -------------------------------------------------------

// "YYYY-MM-DD", "YYYY-MM" or "YYYY" from the common ways sources state a date:
// ISO 8601 ("2024-05-03T10:00:00+02:00"), RFC 822 ("Fri, 03 May 2024 08:00:00
// GMT"), "May 3, 2024", "3. mai 2024", "03.05.2024", "2024年5月3日". The date is
// taken as written, without time-zone shifts. "" when nothing parses.
std::string normalize_date(std::string_view s);

// --- Text helpers (text.cc) ----------------------------------------------

// Byte offset of the first malformed UTF-8 sequence, or nullopt if s is valid.
std::optional<std::size_t> invalid_utf8_offset(std::string_view s);

// OK, or invalid_argument "not valid UTF-8 (byte offset N)".
Status check_utf8(std::string_view s);

// The text as stored: normalize_document, then leading and trailing blank
// lines removed and runs of blank lines collapsed to one. Input valid UTF-8.
std::string tidy_text(std::string_view s);

// One line: whitespace runs (line breaks included) become one space, trimmed.
std::string collapse_spaces(std::string_view s);

// Fills content_hash, format and source, and tidies text and title. Fails
// with "empty document" when no text remains.
Status finish_document(Document& doc, Format format, std::string source);

// ASCII letters lower-cased, other bytes kept: for tag, attribute and
// keyword matching, where only ASCII matters.
std::string lower_ascii(std::string_view s);

// "1.5 MiB" style sizes for messages.
std::string human_size(std::size_t bytes);

}  // namespace pactum::ingest::internal
