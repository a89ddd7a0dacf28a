// ingest's front door: sources (files, folders, stdin) to bytes, bytes to
// the reader of their sniffed format. Every exception stops here.
#include "ingest/reader.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <fstream>
#include <iostream>
#include <system_error>

#include "common/files.h"
#include "ingest/formats.h"

namespace pactum::ingest {

const char* format_name(Format f) {
  switch (f) {
    case Format::kText: return "text";
    case Format::kHtml: return "html";
    case Format::kPdf: return "pdf";
    case Format::kFeed: return "feed";
    case Format::kJsonl: return "jsonl";
  }
  return "unknown";
}

namespace {

// "Report.HTML" -> "html"; "" for stdin and names without one.
std::string extension_of(const std::string& source) {
  if (source == "-") return "";
  std::string ext = std::filesystem::path(source).extension().string();
  if (!ext.empty()) ext.erase(0, 1);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

bool is_blank(std::string_view bytes) {
  return std::all_of(bytes.begin(), bytes.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  });
}

Result<std::vector<Document>> one(Result<Document> doc) {
  if (!doc.is_ok()) return doc.status();
  std::vector<Document> docs;
  docs.push_back(std::move(doc).value());
  return docs;
}

// A feed's or a JSONL file's item is one document too: one whose text is
// over max_document_bytes (a 50 MB JSONL line) would be extracted for
// minutes and gigabytes, so it is refused as a text file of that size is;
// `where` names it ("item 3", "line 7").
Status check_item_size(const Document& doc, const ReadOptions& options, const std::string& where) {
  if (doc.text.size() <= options.max_document_bytes) return Status::ok();
  return Status::resource_exhausted(where + ": text of " + internal::human_size(doc.text.size()) + " is over the " +
                                    internal::human_size(options.max_document_bytes) +
                                    " limit for one document (max_document_bytes): not a press release");
}

Result<std::vector<Document>> items_within_bounds(Result<std::vector<Document>> docs, const ReadOptions& options) {
  if (!docs.is_ok()) return docs;
  for (std::size_t i = 0; i < docs->size(); ++i) {
    if (Status st = check_item_size((*docs)[i], options, "item " + std::to_string(i + 1)); !st.is_ok()) return st;
  }
  return docs;
}

Result<std::vector<Document>> dispatch(std::string_view bytes, const std::string& source,
                                       const ReadOptions& options) {
  if (is_blank(bytes)) return Status::invalid_argument("empty document");
  // Notepad's "Unicode" is UTF-16 with a byte-order mark: decode it rather
  // than call it binary for its NUL bytes.
  std::string decoded;
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    Result<std::string> utf8 = internal::convert_to_utf8(bytes, "UTF-16");
    if (!utf8.is_ok()) return utf8.status();
    decoded = std::move(utf8).value();
    bytes = decoded;
  }
  Result<Format> format = internal::sniff_format(bytes, extension_of(source));
  if (!format.is_ok()) return format.status();
  if ((*format == Format::kText || *format == Format::kHtml) && bytes.size() > options.max_document_bytes) {
    return Status::resource_exhausted(
        std::string(format_name(*format)) + " document of " + internal::human_size(bytes.size()) + " (" +
        std::to_string(bytes.size()) + " bytes) is over the " + internal::human_size(options.max_document_bytes) +
        " limit for one document (max_document_bytes): not a press release");
  }
  switch (*format) {
    case Format::kText: return one(internal::read_text(bytes, source));
    case Format::kHtml: return one(internal::read_html(bytes, source));
    case Format::kPdf: return one(internal::read_pdf(bytes, source, options.max_document_bytes));
    case Format::kFeed: return items_within_bounds(internal::read_feed(bytes, source), options);
    case Format::kJsonl: return items_within_bounds(internal::read_jsonl(bytes, source, options.parallel_for), options);
  }
  return Status::internal("unknown format");
}

}  // namespace

Result<std::vector<Document>> read_bytes(std::string_view bytes, const std::string& source,
                                         const ReadOptions& options) {
  // gumbo and libxml2 are C; poppler, nlohmann and ICU's C++ API throw, and
  // so can any allocation on hostile input. Readers catch what they expect;
  // this is the module boundary's net for the rest.
  try {
    return dispatch(bytes, source, options);
  } catch (const std::bad_alloc&) {
    return Status::resource_exhausted("out of memory while reading");
  } catch (const std::exception& e) {
    return Status::internal(std::string("unexpected error while reading: ") + e.what());
  } catch (...) {
    return Status::internal("unexpected error while reading");
  }
}

Result<std::vector<Document>> read_stream(std::istream& in, const ReadOptions& options) {
  try {
    std::string bytes;
    char buffer[64 * 1024];
    while (in) {
      in.read(buffer, sizeof buffer);
      bytes.append(buffer, static_cast<std::size_t>(in.gcount()));
      if (bytes.size() > options.max_file_bytes) {
        return Status::resource_exhausted("input is over the " + internal::human_size(options.max_file_bytes) +
                                          " limit (max_file_bytes)");
      }
    }
    if (in.bad()) return Status::io_error("read error on input");
    return read_bytes(bytes, "-", options);
  } catch (const std::bad_alloc&) {
    return Status::resource_exhausted("out of memory while reading input");
  } catch (...) {
    return Status::io_error("read error on input");
  }
}

Result<std::vector<Document>> read_stdin(const ReadOptions& options) { return read_stream(std::cin, options); }

namespace {

Result<std::vector<Document>> read_file_at(const std::filesystem::path& path, const ReadOptions& options) {
  if (path == "-") return read_stdin(options);
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (!std::filesystem::exists(status)) return Status::not_found("no such file or directory");
  if (std::filesystem::is_directory(status)) return Status::invalid_argument("is a directory");
  auto size = std::filesystem::file_size(path, ec);
  if (ec) return Status::io_error(ec.message());
  if (size > options.max_file_bytes) {
    return Status::resource_exhausted(internal::human_size(size) + " (" + std::to_string(size) +
                                      " bytes) is over the " + internal::human_size(options.max_file_bytes) +
                                      " limit for one file (max_file_bytes)");
  }
  Result<std::string> bytes = read_file(path, options.max_file_bytes);
  if (!bytes.is_ok()) return bytes.status();
  return read_bytes(*bytes, path.string(), options);
}

}  // namespace

Result<std::vector<Document>> read_path(const std::filesystem::path& path, const ReadOptions& options) {
  try {
    return read_file_at(path, options);
  } catch (const std::bad_alloc&) {
    return Status::resource_exhausted("out of memory while reading");
  } catch (const std::exception& e) {
    return Status::io_error(e.what());
  }
}

namespace {

// A file too big to read whole that still can be read: JSON lines, by name
// or by its first byte.
bool streamable_jsonl(const std::filesystem::path& path) {
  std::string ext = extension_of(path.string());
  if (ext == "jsonl" || ext == "ndjson") return true;
  if (!ext.empty() && ext != "json" && ext != "txt") return false;
  std::ifstream in(path, std::ios::binary);
  char c = 0;
  while (in.get(c)) {
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t') break;
  }
  return in && c == '{';
}

// Streams a JSONL file a line at a time (see read_path_each): lines are
// gathered into chunks (kStreamLines lines or kStreamBytes, whichever comes
// first), each parsed through options.parallel_for and passed on in order,
// so memory is bounded by a chunk plus the longest line, and what is passed
// on before an error is what a line-by-line read passes on.
Status stream_jsonl(const std::filesystem::path& path, const ReadOptions& options,
                    const std::function<bool(Document&&)>& sink) {
  constexpr std::size_t kStreamLines = 256;
  constexpr std::size_t kStreamBytes = std::size_t{8} << 20;
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::io_error("cannot open");
  const std::string source = path.string();
  std::string line;
  std::vector<char> buffer(std::size_t{1} << 20);
  std::size_t line_number = 0, items = 0;
  std::vector<std::string> chunk;         // non-blank lines not yet parsed
  std::vector<std::size_t> chunk_lines;   // their line numbers
  std::size_t chunk_bytes = 0;
  // Parses the chunk and passes its documents on. False when the read ends
  // there: `ended` is OK when the sink wants no more, else the bad line's error.
  Status ended = Status::ok();
  auto flush = [&]() {
    std::vector<internal::JsonlLine> lines;
    lines.reserve(chunk.size());
    for (std::size_t i = 0; i < chunk.size(); ++i) lines.push_back({chunk[i], chunk_lines[i], items + 1 + i});
    std::vector<Result<Document>> docs = internal::read_jsonl_lines(lines, source, options.parallel_for);
    for (std::size_t i = 0; i < docs.size(); ++i) {
      if (!docs[i].is_ok()) {
        ended = docs[i].status();
        return false;
      }
      if (Status st = check_item_size(*docs[i], options, "line " + std::to_string(lines[i].number)); !st.is_ok()) {
        ended = st;
        return false;
      }
      ++items;
      if (!sink(std::move(docs[i]).value())) return false;
    }
    chunk.clear();
    chunk_lines.clear();
    chunk_bytes = 0;
    return true;
  };
  bool eof = false;
  while (!eof) {
    // One line into `line`, however many reads it takes.
    line.clear();
    for (;;) {
      int c = in.peek();
      if (c == std::char_traits<char>::eof()) {
        eof = true;
        break;
      }
      in.getline(buffer.data(), static_cast<std::streamsize>(buffer.size()));
      const auto got = static_cast<std::size_t>(in.gcount());
      const bool delimited = !in.fail() && !in.eof();  // the '\n' was read (and counted)
      line.append(buffer.data(), delimited ? got - 1 : got);
      if (line.size() > options.max_file_bytes) {
        if (!flush()) return ended;  // the lines before it first, as read one by one
        return Status::resource_exhausted("line " + std::to_string(line_number + 1) + ": over the " +
                                          internal::human_size(options.max_file_bytes) + " limit (max_file_bytes)");
      }
      if (delimited) break;
      if (in.eof()) {
        eof = true;
        break;
      }
      if (in.bad()) break;
      in.clear();  // the buffer filled before the line ended: read on
    }
    if (in.bad()) {
      if (!flush()) return ended;
      return Status::io_error("read error");
    }
    if (eof && line.empty()) break;
    ++line_number;
    std::string_view content = line;
    if (line_number == 1 && content.starts_with("\xEF\xBB\xBF")) content.remove_prefix(3);
    if (internal::is_blank_line(content)) continue;
    chunk_bytes += line.size();
    chunk.push_back(std::move(line));
    chunk_lines.push_back(line_number);
    if ((chunk.size() >= kStreamLines || chunk_bytes >= kStreamBytes) && !flush()) return ended;
  }
  if (!chunk.empty() && !flush()) return ended;
  if (items == 0) return Status::invalid_argument("empty document");
  return Status::ok();
}

}  // namespace

Status read_path_each(const std::filesystem::path& path, const ReadOptions& options,
                      const std::function<bool(Document&&)>& sink) {
  try {
    if (path != "-") {
      std::error_code ec;
      auto status = std::filesystem::status(path, ec);
      if (std::filesystem::is_regular_file(status)) {
        auto size = std::filesystem::file_size(path, ec);
        if (!ec && size > options.max_file_bytes && streamable_jsonl(path)) {
          return stream_jsonl(path, options, sink);
        }
      }
    }
    Result<std::vector<Document>> docs = read_path(path, options);
    if (!docs.is_ok()) return docs.status();
    for (Document& doc : *docs) {
      if (!sink(std::move(doc))) break;
    }
    return Status::ok();
  } catch (const std::bad_alloc&) {
    return Status::resource_exhausted("out of memory while reading");
  } catch (const std::exception& e) {
    return Status::io_error(e.what());
  }
}

namespace {

// One command-line argument into list: itself, a folder's files, or a failure.
void expand_one(const std::string& arg, SourceList& list) {
  namespace fs = std::filesystem;
  if (arg == "-") {
    list.files.push_back(arg);
    return;
  }
  std::error_code ec;
  fs::file_status status = fs::status(arg, ec);
  if (!fs::exists(status)) {
    list.missing.emplace_back(arg, Status::not_found("no such file or directory"));
    return;
  }
  if (fs::is_regular_file(status)) {
    list.files.push_back(arg);  // named explicitly: read even if hidden
    return;
  }
  if (!fs::is_directory(status)) {
    list.missing.emplace_back(arg, Status::invalid_argument("not a regular file or a folder"));
    return;
  }
  std::vector<std::string> found;
  fs::recursive_directory_iterator it(arg, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const fs::directory_entry& entry = *it;
    std::error_code entry_ec;  // a broken symlink is skipped, not fatal
    std::string name = entry.path().filename().string();
    if (name.starts_with(".")) {  // .git, .DS_Store, editor swap files
      if (entry.is_directory(entry_ec)) it.disable_recursion_pending();
      continue;
    }
    if (entry.is_regular_file(entry_ec)) found.push_back(entry.path().string());
  }
  // A folder that fails half-way still contributes what was listed.
  if (ec) list.missing.emplace_back(arg, Status::io_error("cannot list folder: " + ec.message()));
  std::sort(found.begin(), found.end());
  list.files.insert(list.files.end(), found.begin(), found.end());
}

}  // namespace

SourceList expand_sources(const std::vector<std::string>& args) {
  SourceList list;
  for (const std::string& arg : args) {
    try {
      expand_one(arg, list);
    } catch (const std::exception& e) {  // allocation failures: report, go on
      list.missing.emplace_back(arg, Status::internal(std::string("cannot expand: ") + e.what()));
    }
  }
  return list;
}

}  // namespace pactum::ingest
