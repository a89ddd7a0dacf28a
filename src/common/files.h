// Reading files and locating pactum's data directory (lexicons, taxonomies,
// samples). Every module that loads a data file goes through here.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace pactum {

// Reads a whole file. Fails with kResourceExhausted past max_bytes, so that a
// huge input is refused before it is read into memory.
Result<std::string> read_file(const std::filesystem::path& path,
                              std::size_t max_bytes = std::size_t{1} << 30);

// Writes a file atomically (temp file + rename), so readers never see half of it.
Status write_file_atomic(const std::filesystem::path& path, std::string_view contents);

// The data directory: $PACTUM_DATA if set, else the source tree's data/ that
// the binary was built from.
std::filesystem::path data_dir();

// One row of a tab-separated data file, with its line number for messages.
struct TsvRow {
  std::size_t line = 0;
  std::vector<std::string> fields;
  // Field i, or "" when the row is shorter.
  const std::string& at(std::size_t i) const;
};

// Reads a TSV data file: UTF-8, tab-separated, '#' starts a comment line,
// blank lines are skipped, fields are trimmed of surrounding spaces.
Result<std::vector<TsvRow>> read_tsv(const std::filesystem::path& path);

// The items of a list field ("NO,SE,DK"): the pieces between the
// separators, empty ones kept ("a,,b" has three); "" is one empty item.
std::vector<std::string_view> split(std::string_view s, char sep);

}  // namespace pactum
