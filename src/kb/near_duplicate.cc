// MinHash signatures and LSH band keys of document texts (see near_duplicate.h).
#include "kb/near_duplicate.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "text/segment.h"

namespace pactum::kb {

namespace {

// SplitMix64's finaliser: stable across runs and machines (stored
// signatures depend on it), and well spread in every bit.
inline std::uint64_t mix(std::uint64_t h) {
  h += 0x9e3779b97f4a7c15ull;
  h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ull;
  h = (h ^ (h >> 27)) * 0x94d049bb133111ebull;
  return h ^ (h >> 31);
}

// Folds one shingle's hash h into the kMinHashes minima: sig[k] = min(sig[k],
// mix(h ^ seeds[k])). It is most of the signature's cost (64 SplitMix
// finalisers per word), so the loop is kept branch-free for the vectoriser
// and built again for x86-64-v4 (AVX-512 multiplies 64-bit lanes: 5x on a
// 42,000-word text) and x86-64-v3 (AVX2: 1.7x); the loader picks the clone
// the CPU runs. All give the same values.
// (Not under the sanitizers: the clones' ifunc resolver runs while the
// program is relocated, before ThreadSanitizer's runtime is up, and crashed
// every TSan binary that links kb at start.)
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && defined(__OPTIMIZE__) && \
    !defined(__SANITIZE_THREAD__) && !defined(__SANITIZE_ADDRESS__)
__attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#endif
void fold_shingle(std::uint64_t h, const std::uint64_t* seeds, std::uint32_t* sig) {
  for (int k = 0; k < kMinHashes; ++k) {
    const auto v = static_cast<std::uint32_t>(mix(h ^ seeds[k]));
    sig[k] = v < sig[k] ? v : sig[k];
  }
}

}  // namespace

std::optional<Signature> signature(std::string_view text, std::string_view lang) {
  return signature_of_tokens(text::tokenize(text, lang));
}

std::optional<Signature> signature_of_tokens(const std::vector<text::Token>& tokens) {
  // The words are the tokens' own folded strings (no copies), and each
  // shingle "w1 w2 w3" is hashed in place: the same FNV-1a bytes as hashing
  // the joined string, without building it.
  std::vector<const std::string*> words;
  words.reserve(tokens.size());
  for (const text::Token& t : tokens) {
    if (t.is_word) words.push_back(&t.folded);
  }
  if (words.size() < kMinShingles + 2) return std::nullopt;
  // The per-permutation seeds, computed once.
  static const std::array<std::uint64_t, kMinHashes> kSeeds = [] {
    std::array<std::uint64_t, kMinHashes> seeds{};
    for (int k = 0; k < kMinHashes; ++k) seeds[k] = 0x5851f42d4c957f2dull * static_cast<std::uint64_t>(k + 1);
    return seeds;
  }();
  auto fnv = [](std::uint64_t h, std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 1099511628211ull;
    }
    return h;
  };
  Signature sig;
  sig.fill(std::numeric_limits<std::uint32_t>::max());
  for (std::size_t i = 0; i + 2 < words.size(); ++i) {
    std::uint64_t f = fnv(14695981039346656037ull, *words[i]);
    f = fnv(f, " ");
    f = fnv(f, *words[i + 1]);
    f = fnv(f, " ");
    f = fnv(f, *words[i + 2]);
    fold_shingle(mix(f), kSeeds.data(), sig.data());
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
  if constexpr (std::endian::native == std::endian::little) {
    // The stored form is the values' little-endian bytes: one copy. The
    // byte loop below cost ~2,300 instructions per signature, and the write
    // path decodes up to kSignatureChecks of them per document.
    static_assert(sizeof(Signature) == kMinHashes * 4);
    std::memcpy(s.data(), bytes.data(), bytes.size());
    return s;
  }
  for (int k = 0; k < kMinHashes; ++k) {
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[k * 4 + i])) << (8 * i);
    s[k] = v;
  }
  return s;
}

std::vector<std::int64_t> most_shared_bands(std::vector<std::int64_t> band_members) {
  std::sort(band_members.begin(), band_members.end());
  std::vector<std::pair<std::size_t, std::int64_t>> counted;  // (shared bands, id)
  for (std::size_t i = 0; i < band_members.size();) {
    std::size_t j = i;
    while (j < band_members.size() && band_members[j] == band_members[i]) ++j;
    counted.emplace_back(j - i, band_members[i]);
    i = j;
  }
  const std::size_t keep = std::min(counted.size(), kSignatureChecks);
  std::partial_sort(counted.begin(), counted.begin() + static_cast<std::ptrdiff_t>(keep), counted.end(),
                    [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second > b.second; });
  std::vector<std::int64_t> out;
  out.reserve(keep);
  for (std::size_t i = 0; i < keep; ++i) out.push_back(counted[i].second);
  return out;
}

}  // namespace pactum::kb
