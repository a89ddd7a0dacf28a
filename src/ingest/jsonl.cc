// JSON lines: one article per line, {"url", "title", "published", "text"},
// as crawlers and earlier pactum exports write them.
//
// A bad line fails the whole file ("line N: reason"). Such files are machine
// written, so one bad line means a broken export; skipping it silently would
// lose an article nobody notices is missing, while the error is fixed once.
#include <algorithm>
#include <exception>
#include <new>
#include <optional>

#include <nlohmann/json.hpp>

#include "ingest/formats.h"

namespace pactum::ingest::internal {
namespace {

// "[json.exception.parse_error.101] parse error at line 1, column 9: ..." ->
// "parse error at column 9: ...": the line is ours to name.
std::string json_error(const nlohmann::json::exception& e) {
  std::string what = e.what();
  if (std::size_t p = what.find("] "); p != std::string::npos) what.erase(0, p + 2);
  if (std::size_t p = what.find("at line 1, "); p != std::string::npos) what.erase(p + 3, 8);
  return what;
}

Result<std::string> optional_string(const nlohmann::json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return std::string();
  if (!it->is_string()) return Status::invalid_argument(std::string("\"") + key + "\" is not a string");
  return it->get<std::string>();
}

Result<Document> parse_line(std::string_view line) {
  PACTUM_RETURN_IF_ERROR(check_utf8(line));
  nlohmann::json object;
  try {
    object = nlohmann::json::parse(line.begin(), line.end());
  } catch (const nlohmann::json::exception& e) {
    return Status::invalid_argument(json_error(e));
  }
  if (!object.is_object()) return Status::invalid_argument("not a JSON object");
  auto text = object.find("text");
  if (text == object.end() || text->is_null()) return Status::invalid_argument("missing \"text\"");
  if (!text->is_string()) return Status::invalid_argument("\"text\" is not a string");
  Document doc;
  doc.text = text->get<std::string>();
  if (looks_like_html(doc.text)) doc.text = html_fragment_to_text(doc.text);
  for (auto [key, field] : {std::pair{"url", &doc.url}, std::pair{"title", &doc.title},
                            std::pair{"published", &doc.published}}) {
    Result<std::string> value = optional_string(object, key);
    if (!value.is_ok()) return value.status();
    *field = std::move(value).value();
  }
  if (looks_like_html(doc.title)) doc.title = html_fragment_to_text(doc.title);
  // An unparseable date is dropped rather than failing the line: the
  // article is still worth reading.
  doc.published = normalize_date(doc.published);
  return doc;
}

}  // namespace

bool is_blank_line(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

Result<Document> read_jsonl_line(std::string_view line, std::size_t line_number, const std::string& source,
                                 std::size_t item) {
  if (line_number == 1 && line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
  auto fail = [&](const Status& st) {
    return Status(st.code(), "line " + std::to_string(line_number) + ": " + st.message());
  };
  Result<Document> doc = parse_line(line);
  if (!doc.is_ok()) return fail(doc.status());
  // Items are numbered as the contract says, skipping blank lines; errors
  // name the line, which is what an editor shows.
  Status st = finish_document(*doc, Format::kJsonl, source + "#" + std::to_string(item));
  if (!st.is_ok()) return fail(st);
  return doc;
}

std::vector<Result<Document>> read_jsonl_lines(const std::vector<JsonlLine>& lines, const std::string& source,
                                               const ParallelFor& parallel_for) {
  // Chunks of lines, so that handing a task to a thread costs little beside
  // parsing (~0.7M instructions a line).
  constexpr std::size_t kLinesPerTask = 8;
  std::vector<std::optional<Result<Document>>> parsed(lines.size());
  auto parse = [&](std::size_t task) {
    const std::size_t end = std::min(lines.size(), (task + 1) * kLinesPerTask);
    for (std::size_t i = task * kLinesPerTask; i < end; ++i) {
      const JsonlLine& line = lines[i];
      // A task must not throw (it may run on another thread): read_bytes'
      // net, for this line.
      try {
        parsed[i].emplace(read_jsonl_line(line.text, line.number, source, line.item));
      } catch (const std::bad_alloc&) {
        parsed[i].emplace(Status::resource_exhausted("out of memory while reading"));
      } catch (const std::exception& e) {
        parsed[i].emplace(Status::internal(std::string("unexpected error while reading: ") + e.what()));
      }
    }
  };
  const std::size_t tasks = (lines.size() + kLinesPerTask - 1) / kLinesPerTask;
  if (parallel_for && tasks > 1) {
    parallel_for(tasks, parse);
  } else {
    for (std::size_t t = 0; t < tasks; ++t) parse(t);
  }
  std::vector<Result<Document>> out;
  out.reserve(lines.size());
  for (auto& p : parsed) out.push_back(std::move(*p));
  return out;
}

Result<std::vector<Document>> read_jsonl(std::string_view bytes, const std::string& source,
                                         const ParallelFor& parallel_for) {
  // The lines first (cheap), numbered as the serial read numbers them, then
  // parsed, possibly in parallel; the first bad line in file order fails the
  // file, as when read one after another.
  std::vector<JsonlLine> lines;
  std::size_t line_number = 0;
  std::size_t start = 0;
  while (start < bytes.size()) {
    std::size_t end = bytes.find('\n', start);
    if (end == std::string_view::npos) end = bytes.size();
    std::string_view line = bytes.substr(start, end - start);
    start = end + 1;
    ++line_number;
    std::string_view content = line_number == 1 && line.starts_with("\xEF\xBB\xBF") ? line.substr(3) : line;
    if (is_blank_line(content)) continue;
    lines.push_back({line, line_number, lines.size() + 1});
  }
  if (lines.empty()) return Status::invalid_argument("empty document");
  std::vector<Document> docs;
  docs.reserve(lines.size());
  for (Result<Document>& doc : read_jsonl_lines(lines, source, parallel_for)) {
    if (!doc.is_ok()) return doc.status();
    docs.push_back(std::move(doc).value());
  }
  return docs;
}

}  // namespace pactum::ingest::internal
