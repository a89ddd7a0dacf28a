// MinHash signatures and LSH band keys of document texts (see near_duplicate.h).
#include "kb/near_duplicate.h"

#include <limits>
#include <string>
#include <vector>

#include "text/segment.h"

namespace pactum::kb {

namespace {

// SplitMix64's finaliser: stable across runs and machines (stored
// signatures depend on it), and well spread in every bit.
std::uint64_t mix(std::uint64_t h) {
  h += 0x9e3779b97f4a7c15ull;
  h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ull;
  h = (h ^ (h >> 27)) * 0x94d049bb133111ebull;
  return h ^ (h >> 31);
}

// FNV-1a over the bytes, then mixed.
std::uint64_t hash64(std::string_view s) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return mix(h);
}

}  // namespace

std::optional<Signature> signature(std::string_view text, std::string_view lang) {
  std::vector<std::string> words;
  for (const text::Token& t : text::tokenize(text, lang)) {
    if (t.is_word) words.push_back(t.folded);
  }
  if (words.size() < kMinShingles + 2) return std::nullopt;
  Signature sig;
  sig.fill(std::numeric_limits<std::uint32_t>::max());
  std::string shingle;
  for (std::size_t i = 0; i + 2 < words.size(); ++i) {
    shingle = words[i] + ' ' + words[i + 1] + ' ' + words[i + 2];
    std::uint64_t h = hash64(shingle);
    for (int k = 0; k < kMinHashes; ++k) {
      auto v = static_cast<std::uint32_t>(mix(h ^ (0x5851f42d4c957f2dull * static_cast<std::uint64_t>(k + 1))));
      if (v < sig[k]) sig[k] = v;
    }
  }
  return sig;
}

double similarity(const Signature& a, const Signature& b) {
  int same = 0;
  for (int k = 0; k < kMinHashes; ++k) same += a[k] == b[k];
  return static_cast<double>(same) / kMinHashes;
}

std::array<std::int64_t, kBands> band_keys(const Signature& s) {
  constexpr int kRows = kMinHashes / kBands;
  std::array<std::int64_t, kBands> out{};
  for (int b = 0; b < kBands; ++b) {
    std::uint64_t h = static_cast<std::uint64_t>(b);
    for (int r = 0; r < kRows; ++r) h = mix(h ^ s[b * kRows + r]);
    out[b] = static_cast<std::int64_t>(h);
  }
  return out;
}

std::string encode(const Signature& s) {
  std::string out;
  out.reserve(kMinHashes * 4);
  for (std::uint32_t v : s) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
  }
  return out;
}

std::optional<Signature> decode(std::string_view bytes) {
  if (bytes.size() != kMinHashes * 4) return std::nullopt;
  Signature s;
  for (int k = 0; k < kMinHashes; ++k) {
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[k * 4 + i])) << (8 * i);
    s[k] = v;
  }
  return s;
}

}  // namespace pactum::kb
