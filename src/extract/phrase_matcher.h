// Finds lexicon phrases in a token sequence, in one pass over the tokens.
// Phrases are sequences of folded words; the first word may start with '*'
// (it then matches any word ending so: "*partnerschaft" finds
// "Energiepartnerschaft" and "Partnerschaft") and the last may end with '*'
// (a prefix: "hydrogen*" finds "hydrogen" and "hydrogensatsingen"). German and Scandinavian compounds
// are why: their heads and modifiers are written as one word.
// A word "..." is a gap of up to kMaxGap words, for verbs split around their
// objects ("skreiv ... under", "schlossen ... ab"; fourteen words hold two
// signatories with their titles); such a match covers only
// the words before the gap, so the words inside stay free for other readings
// (the parties), and a gap never starts a phrase.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/segment.h"

namespace pactum::extract {

struct PhraseMatch {
  std::uint32_t first_token = 0;  // index into the token vector
  std::uint32_t end_token = 0;    // one past the last token
  std::uint32_t payload = 0;      // what the caller attached to the phrase
};

inline constexpr std::string_view kGapWord = "...";
inline constexpr std::size_t kMaxGap = 14;

class PhraseMatcher {
 public:
  PhraseMatcher() = default;
  // Not copyable: the index points into exact_'s nodes (a move keeps them).
  PhraseMatcher(const PhraseMatcher&) = delete;
  PhraseMatcher& operator=(const PhraseMatcher&) = delete;
  PhraseMatcher(PhraseMatcher&&) = default;
  PhraseMatcher& operator=(PhraseMatcher&&) = default;

  // Adds a phrase given as folded words (see the header comment for '*').
  // Returns false for an empty phrase or a wildcard shorter than 3 letters.
  bool add(const std::vector<std::string>& folded_words, std::uint32_t payload);

  // All matches, longest first at each start token, then by start. Matches
  // may overlap; callers that want one reading per span use longest_only().
  std::vector<PhraseMatch> find(const std::vector<text::Token>& tokens) const;

  // Keeps, from matches sorted as find() returns them, those not covered by
  // an earlier, longer match.
  static std::vector<PhraseMatch> longest_only(std::vector<PhraseMatch> matches);

  std::size_t size() const { return size_; }

  // Every phrase as one string, its words joined by separator and its
  // wildcards dropped (for baselines that scan text for the same literals).
  std::vector<std::string> phrases(std::string_view separator) const;

 private:
  struct Phrase {
    std::vector<std::string> rest;  // words after the first
    bool last_is_prefix = false;    // last word ends with '*'
    // rest[0] is a word the next token must equal (no gap, no prefix):
    // find() then compares its hash with the next token's before the words.
    bool plain_next = false;
    std::uint64_t next_hash = 0;  // short_key_hash(rest[0]) when plain_next
    std::uint32_t payload = 0;
  };
  // A byte trie of first words: one walk along a token finds every phrase
  // keyed by one of its prefixes (or, in the reversed trie, suffixes), with
  // no hashing and no key strings built per token.
  struct TrieNode {
    std::vector<std::pair<unsigned char, std::uint32_t>> next;  // sorted by byte
    std::vector<Phrase> phrases;                                 // keyed by the path to here
  };
  using Trie = std::vector<TrieNode>;  // [0] is the root
  // The root's children by byte (0: none), kept by trie_insert: every token
  // starts a walk at the root.
  using RootTable = std::array<std::uint32_t, 256>;
  static std::vector<Phrase>& trie_insert(Trie& trie, RootTable& root, std::string_view key, bool reversed);

  bool match_rest(const Phrase& p, const std::vector<text::Token>& tokens, std::size_t start,
                  std::size_t* end) const;

  // The phrases of one exact first word. A frequent first word keys many
  // phrases ("the" keys "the netherlands", "the hague", ...): once a bucket
  // has kIndexFrom phrases, find() tries only those whose second word is the
  // next token's (by_next) and those it cannot tell so (always: a gap, a
  // prefix wildcard, no second word), merged in index order, so matches come
  // out in the order of trying them all.
  static constexpr std::size_t kIndexFrom = 8;
  struct Bucket {
    std::vector<Phrase> phrases;
    std::unordered_map<std::string, std::vector<std::uint32_t>> by_next;  // empty below kIndexFrom
    std::vector<std::uint32_t> always;
    void index(std::uint32_t i);
  };
  // Keyed by the first word: exactly, as a prefix ("hydrogen*"), or as a
  // suffix ("*abkommen", stored reversed).
  std::unordered_map<std::string, Bucket> exact_;
  // exact_'s entries again, in an open-addressed table probed once per
  // token (power-of-two size, at most half full, the key's hash kept):
  // find() looks every token up, and std::unordered_map's chained buckets
  // cost a division and a pointer chase each. The entries are exact_'s
  // nodes, which stay put as it grows.
  struct Slot {
    std::uint64_t hash = 0;
    const std::pair<const std::string, Bucket>* entry = nullptr;
  };
  std::vector<Slot> exact_index_;
  std::size_t exact_index_used_ = 0;
  void index_exact(const std::pair<const std::string, Bucket>* entry);
  const Bucket* find_exact(std::string_view word, std::uint64_t hash) const;
  Trie prefix_{1}, suffix_{1};
  RootTable prefix_root_{}, suffix_root_{};
  std::size_t size_ = 0;
};

}  // namespace pactum::extract
