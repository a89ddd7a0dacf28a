// File helpers shared by all stages.
#include "common/files.h"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <system_error>
#include <unistd.h>

namespace pactum {

Result<std::string> read_file(const std::filesystem::path& path, std::size_t max_bytes) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return Status::invalid_argument(path.string() + ": is a directory");
  }
  auto size = std::filesystem::file_size(path, ec);
  if (ec) return Status::io_error(path.string() + ": " + ec.message());
  if (size > max_bytes) {
    return Status::resource_exhausted(path.string() + ": " + std::to_string(size) +
                                      " bytes, over the limit of " + std::to_string(max_bytes));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::io_error(path.string() + ": cannot open for reading");
  std::string data(size, '\0');
  in.read(data.data(), static_cast<std::streamsize>(size));
  if (static_cast<std::size_t>(in.gcount()) != size) {
    return Status::io_error(path.string() + ": short read");
  }
  return data;
}

Status write_file_atomic(const std::filesystem::path& path, std::string_view contents) {
  auto tmp = path;
  tmp += ".tmp" + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Status::io_error(tmp.string() + ": cannot open for writing");
    out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
    if (!out) return Status::io_error(tmp.string() + ": write failed");
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) return Status::io_error(path.string() + ": " + ec.message());
  return Status::ok();
}

std::filesystem::path data_dir() {
  if (const char* env = std::getenv("PACTUM_DATA"); env && *env) return env;
  return PACTUM_SOURCE_DATA_DIR;
}

const std::string& TsvRow::at(std::size_t i) const {
  static const std::string kEmpty;
  return i < fields.size() ? fields[i] : kEmpty;
}

static std::string trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\r')) --e;
  return std::string(s.substr(b, e - b));
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (;;) {
    auto at = s.find(sep, start);
    parts.push_back(s.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
    if (at == std::string_view::npos) break;
    start = at + 1;
  }
  return parts;
}

Result<std::vector<TsvRow>> read_tsv(const std::filesystem::path& path) {
  auto data = read_file(path);
  if (!data.is_ok()) return data.status();
  std::vector<TsvRow> rows;
  std::istringstream in(*data);
  std::string line;
  std::size_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    std::string t = trim(line);
    if (t.empty() || t[0] == '#') continue;
    TsvRow row;
    row.line = n;
    std::size_t start = 0;
    for (;;) {
      auto tab = line.find('\t', start);
      row.fields.push_back(trim(std::string_view(line).substr(start, tab == std::string::npos ? std::string::npos : tab - start)));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace pactum
