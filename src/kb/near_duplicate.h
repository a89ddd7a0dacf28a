// kb's near-duplicate detection: syndicated copies of one press release (the
// same text with another headline, a dateline, a footer) are linked to the
// original and their events are not counted twice. MinHash over word
// 3-shingles estimates the Jaccard similarity of two texts; LSH bands of the
// signature let a store find candidates by index lookups instead of a scan.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/segment.h"

namespace pactum::kb {

constexpr int kMinHashes = 64;
constexpr int kBands = 16;  // of kMinHashes / kBands = 4 rows each
using Signature = std::array<std::uint32_t, kMinHashes>;

// Texts at or above this estimated shingle similarity are near-duplicates.
// Measured on our 20 samples (near_duplicate_test.cc): a copy with a new
// headline, dateline and footer and a word changed scores 0.875 or more;
// two different releases, even on one subject, at most 0.02. With 16 bands
// of 4 rows a pair at 0.6 shares a band with probability
// 1 - (1 - 0.6^4)^16 = 0.89, at 0.8 with 0.9996.
constexpr double kNearDuplicateSimilarity = 0.6;

// Near-copy lookup in a store, bounded so that a write costs the same in a
// store of a million documents as in an empty one. A band of boilerplate
// common to a whole press office can hold thousands of documents, and
// reading every one made each write slower as the store grew. So a store
// asks only the newest kBandCandidates documents of each band (syndicated
// copies follow their original within days, and copies link to the root
// original, so one recent member of a family finds it), and compares the
// signatures of only the kSignatureChecks of them that share the most bands
// with the new text (a pair at the threshold shares 16 * 0.6^4 = 2 bands on
// average, at 0.8 6.6; an unrelated pair rarely more than one).
constexpr int kBandCandidates = 16;
constexpr std::size_t kSignatureChecks = 24;

// The documents to compare: `band_members` holds a document once per band
// it shares with the new text; returns at most kSignatureChecks distinct
// ids, most shared bands first, then newest (highest id) first.
std::vector<std::int64_t> most_shared_bands(std::vector<std::int64_t> band_members);

// Texts with fewer shingles than this get no signature: a few words say too
// little (and exact copies are caught by the content hash anyway).
constexpr std::size_t kMinShingles = 12;

// The MinHash signature of the text's folded word 3-shingles; nullopt for a
// text too short to judge. lang picks the tokenizer (MeCab for "ja").
std::optional<Signature> signature(std::string_view text, std::string_view lang);
// The same from the text's tokens (text::tokenize(text, lang)), for a caller
// that already has them.
std::optional<Signature> signature_of_tokens(const std::vector<text::Token>& tokens);

// Estimated Jaccard similarity: the share of equal minimums.
double similarity(const Signature& a, const Signature& b);

// One key per band (the band's number mixed in, so equal rows in different
// bands do not collide). Stable across builds: stores keep them.
std::array<std::int64_t, kBands> band_keys(const Signature& s);

// Signatures as stored: 4 bytes per minimum, little-endian.
std::string encode(const Signature& s);
std::optional<Signature> decode(std::string_view bytes);

}  // namespace pactum::kb
