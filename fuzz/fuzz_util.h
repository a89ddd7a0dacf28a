// Helpers the fuzz targets share: the data folder they load lexicons from and
// the split of one input into a header line and a body.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>

namespace pactum::fuzz {

// The repository's data/ (compiled in, as the tests do); PACTUM_DATA overrides.
const char* data_dir();

// The input as bytes.
inline std::string_view as_view(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Splits "header\nbody" at the first '\n'; no '\n' gives ("", all).
inline std::pair<std::string_view, std::string_view> split_header(std::string_view in) {
  auto nl = in.find('\n');
  if (nl == std::string_view::npos) return {{}, in};
  return {in.substr(0, nl), in.substr(nl + 1)};
}

}  // namespace pactum::fuzz
