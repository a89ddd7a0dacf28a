// Content hashes: a document's identity (same text, same document) and
// hashed API tokens. SHA-256 from OpenSSL, as lowercase hex. And the hashes
// that let an unordered container of std::string be searched with a
// std::string_view, without building a string per lookup.
#pragma once

#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>

namespace pactum {

std::string sha256_hex(std::string_view data);

// For std::unordered_map/set<std::string, StringViewHash, std::equal_to<>>.
struct StringViewHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// A fast hash of a short key (a word, a phrase's first word), 8 bytes and a
// multiply at a time, for in-memory indexes that look up every word of a
// text (the phrase matcher, the marker vote). Never stored: it may change.
inline std::uint64_t short_key_hash(std::string_view s) {
  constexpr std::uint64_t kMul = 0x9e3779b97f4a7c15ull;
  std::uint64_t h = s.size() * kMul;
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t v;
    std::memcpy(&v, s.data() + i, 8);
    h = (h ^ v) * kMul;
    h ^= h >> 32;
  }
  if (i < s.size()) {
    std::uint64_t v = 0;
    std::memcpy(&v, s.data() + i, s.size() - i);
    h = (h ^ v) * kMul;
  }
  h ^= h >> 29;
  h *= 0xbf58476d1ce4e5b9ull;
  return h ^ (h >> 32);
}

// short_key_hash for std::unordered_map/set<std::string, ShortKeyHash,
// std::equal_to<>> of words.
struct ShortKeyHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return static_cast<std::size_t>(short_key_hash(s)); }
};

}  // namespace pactum
