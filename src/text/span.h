// A half-open range of byte offsets into a document's text. Every fact pactum
// extracts points back to the text through one of these.
#pragma once

#include <cstddef>
#include <string_view>

namespace pactum::text {

struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  std::string_view of(std::string_view text) const { return text.substr(begin, end - begin); }
  bool contains(const Span& o) const { return begin <= o.begin && o.end <= end; }
  bool overlaps(const Span& o) const { return begin < o.end && o.begin < end; }
  friend bool operator==(const Span&, const Span&) = default;
};

}  // namespace pactum::text
