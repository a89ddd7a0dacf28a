// Content hashes: a document's identity (same text, same document) and
// hashed API tokens. SHA-256 from OpenSSL, as lowercase hex. And the hash
// that lets an unordered container of std::string be searched with a
// std::string_view, without building a string per lookup.
#pragma once

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

}  // namespace pactum
