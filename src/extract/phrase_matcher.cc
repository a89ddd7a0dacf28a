// Phrase matching over folded tokens; see phrase_matcher.h.
#include "extract/phrase_matcher.h"

#include <algorithm>

#include "common/hash.h"

namespace pactum::extract {

namespace {

// Wildcards must leave at least this many bytes, or "*er" would match half
// of every German sentence.
constexpr std::size_t kMinWildcardStem = 3;

}  // namespace

void PhraseMatcher::Bucket::index(std::uint32_t i) {
  const Phrase& p = phrases[i];
  if (p.plain_next) {
    by_next[p.rest[0]].push_back(i);
  } else {
    always.push_back(i);
  }
}

void PhraseMatcher::index_exact(const std::pair<const std::string, Bucket>* entry) {
  if (2 * (exact_index_used_ + 1) > exact_index_.size()) {
    std::vector<Slot> old = std::move(exact_index_);
    exact_index_.assign(std::max<std::size_t>(64, old.size() * 2), Slot{});
    exact_index_used_ = 0;
    for (const Slot& s : old) {
      if (s.entry != nullptr) index_exact(s.entry);
    }
  }
  const std::uint64_t h = short_key_hash(entry->first);
  const std::size_t mask = exact_index_.size() - 1;
  std::size_t i = h & mask;
  while (exact_index_[i].entry != nullptr) i = (i + 1) & mask;
  exact_index_[i] = {h, entry};
  ++exact_index_used_;
}

const PhraseMatcher::Bucket* PhraseMatcher::find_exact(std::string_view word, std::uint64_t h) const {
  if (exact_index_.empty()) return nullptr;
  const std::size_t mask = exact_index_.size() - 1;
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    const Slot& s = exact_index_[i];
    if (s.entry == nullptr) return nullptr;
    if (s.hash == h && s.entry->first == word) return &s.entry->second;
  }
}

bool PhraseMatcher::add(const std::vector<std::string>& words, std::uint32_t payload) {
  if (words.empty()) return false;
  Phrase p;
  p.payload = payload;
  std::string first = words[0];
  for (std::size_t i = 1; i < words.size(); ++i) p.rest.push_back(words[i]);
  std::string& last = p.rest.empty() ? first : p.rest.back();
  bool first_is_suffix = first.size() > 1 && first.front() == '*';
  if (last.size() > 1 && last.back() == '*') {
    p.last_is_prefix = true;
    last.pop_back();
    if (last.size() < kMinWildcardStem) return false;
  }
  if (first_is_suffix) {
    first.erase(0, 1);
    if (first.size() < kMinWildcardStem) return false;
  }
  // A single word with a '*' on both ends ("*wasserstoff*") is not supported:
  // it would need substring search; list the compounds instead.
  if (first_is_suffix && p.rest.empty() && p.last_is_prefix) return false;
  p.plain_next = !p.rest.empty() && p.rest[0] != kGapWord && !(p.rest.size() == 1 && p.last_is_prefix);
  if (p.plain_next) p.next_hash = short_key_hash(p.rest[0]);

  if (first_is_suffix) {
    trie_insert(suffix_, suffix_root_, first, /*reversed=*/true).push_back(std::move(p));
  } else if (p.rest.empty() && p.last_is_prefix) {
    trie_insert(prefix_, prefix_root_, first, /*reversed=*/false).push_back(std::move(p));
  } else {
    auto [entry, inserted] = exact_.try_emplace(first);
    Bucket& bucket = entry->second;
    bucket.phrases.push_back(std::move(p));
    const auto n = static_cast<std::uint32_t>(bucket.phrases.size());
    if (n == kIndexFrom) {
      for (std::uint32_t i = 0; i < n; ++i) bucket.index(i);
    } else if (n > kIndexFrom) {
      bucket.index(n - 1);
    }
    if (inserted) index_exact(&*entry);
  }
  ++size_;
  return true;
}

std::vector<PhraseMatcher::Phrase>& PhraseMatcher::trie_insert(Trie& trie, RootTable& root, std::string_view key,
                                                               bool reversed) {
  std::uint32_t node = 0;
  for (std::size_t i = 0; i < key.size(); ++i) {
    const auto byte = static_cast<unsigned char>(key[reversed ? key.size() - 1 - i : i]);
    auto& next = trie[node].next;
    auto it = std::lower_bound(next.begin(), next.end(), byte,
                               [](const std::pair<unsigned char, std::uint32_t>& e, unsigned char b) { return e.first < b; });
    if (it != next.end() && it->first == byte) {
      node = it->second;
    } else {
      const auto child = static_cast<std::uint32_t>(trie.size());
      next.insert(it, {byte, child});
      trie.emplace_back();  // invalidates `next`: not used after this
      if (node == 0) root[byte] = child;
      node = child;
    }
  }
  return trie[node].phrases;
}

bool PhraseMatcher::match_rest(const Phrase& p, const std::vector<text::Token>& tokens,
                               std::size_t start, std::size_t* end) const {
  // Words from p.rest[w] on, from token i on; a gap lets up to kMaxGap
  // tokens stand before the next word. *end is where the words before the
  // first gap end (the whole phrase when there is none).
  auto rest_from = [&](auto& self, std::size_t w, std::size_t i, bool gapped) -> bool {
    if (w == p.rest.size()) {
      if (!gapped) *end = i;
      return true;
    }
    if (p.rest[w] == kGapWord) {
      if (!gapped) *end = i;
      for (std::size_t skip = 0; skip <= kMaxGap && i + skip < tokens.size(); ++skip) {
        if (self(self, w + 1, i + skip, true)) return true;
      }
      return false;
    }
    if (i >= tokens.size()) return false;
    const std::string& word = tokens[i].folded;
    bool last = w + 1 == p.rest.size();
    if (last && p.last_is_prefix) {
      if (word.compare(0, p.rest[w].size(), p.rest[w]) != 0) return false;
    } else if (word != p.rest[w]) {
      return false;
    }
    return self(self, w + 1, i + 1, gapped);
  };
  return rest_from(rest_from, 0, start + 1, false);
}

std::vector<PhraseMatch> PhraseMatcher::find(const std::vector<text::Token>& tokens) const {
  std::vector<PhraseMatch> out;
  out.reserve(tokens.size());  // about one match a token (lexicon words and names)
  // Each token's short_key_hash, made once: the exact index looks it up, and a
  // phrase's second word is compared by it first (most tried phrases fail
  // there). In a buffer of the thread's, as find() runs for every sentence.
  thread_local std::vector<std::uint64_t> hashes;
  hashes.resize(tokens.size());
  for (std::size_t t = 0; t < tokens.size(); ++t) hashes[t] = short_key_hash(tokens[t].folded);
  auto try_phrase = [&](const Phrase& p, std::size_t start) {
    if (p.plain_next && (start + 1 >= tokens.size() || hashes[start + 1] != p.next_hash)) return;
    std::size_t end = 0;
    if (match_rest(p, tokens, start, &end)) {
      out.push_back({static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end), p.payload});
    }
  };
  auto emit = [&](const std::vector<Phrase>& phrases, std::size_t start) {
    for (const Phrase& p : phrases) try_phrase(p, start);
  };
  // A bucket's phrases in index order, skipping those whose second word is
  // not the next token (they cannot match).
  auto emit_bucket = [&](const Bucket& b, std::size_t start) {
    if (b.phrases.size() < kIndexFrom) return emit(b.phrases, start);
    const std::vector<std::uint32_t>* next = nullptr;
    if (start + 1 < tokens.size()) {
      if (auto it = b.by_next.find(tokens[start + 1].folded); it != b.by_next.end()) next = &it->second;
    }
    std::size_t i = 0, j = 0;
    const std::size_t n_next = next ? next->size() : 0, n_always = b.always.size();
    while (i < n_next || j < n_always) {
      if (j == n_always || (i < n_next && (*next)[i] < b.always[j])) {
        try_phrase(b.phrases[(*next)[i++]], start);
      } else {
        try_phrase(b.phrases[b.always[j++]], start);
      }
    }
  };
  // Every phrase keyed by a prefix (or suffix) of word, shortest key first.
  auto walk = [&](const Trie& trie, const RootTable& root, const std::string& word, bool reversed, std::size_t start) {
    const std::size_t n = word.size();
    if (n == 0) return;
    std::uint32_t node = root[static_cast<unsigned char>(word[reversed ? n - 1 : 0])];
    if (node == 0) return;
    if (!trie[node].phrases.empty()) emit(trie[node].phrases, start);
    for (std::size_t i = 1; i < n; ++i) {
      const auto byte = static_cast<unsigned char>(word[reversed ? n - 1 - i : i]);
      const auto& next = trie[node].next;
      auto it = std::lower_bound(next.begin(), next.end(), byte,
                                 [](const std::pair<unsigned char, std::uint32_t>& e, unsigned char b) { return e.first < b; });
      if (it == next.end() || it->first != byte) return;
      node = it->second;
      if (!trie[node].phrases.empty()) emit(trie[node].phrases, start);
    }
  };
  const bool any_prefix = !prefix_[0].next.empty(), any_suffix = !suffix_[0].next.empty();
  for (std::size_t t = 0; t < tokens.size(); ++t) {
    const std::size_t from = out.size();
    const std::string& word = tokens[t].folded;
    if (const Bucket* bucket = find_exact(word, hashes[t])) emit_bucket(*bucket, t);
    if (any_prefix) walk(prefix_, prefix_root_, word, false, t);
    if (any_suffix) walk(suffix_, suffix_root_, word, true, t);
    // Longest first among the matches at t (all start there, and starts
    // come in order), stably: phrases on one span keep the order they were
    // added in, which for the gazetteer's aliases is the order of
    // preference, "Bari" the city before the Somali region, whatever else
    // the sentence holds. An insertion sort: a token starts few matches.
    for (std::size_t i = from + 1; i < out.size(); ++i) {
      const PhraseMatch m = out[i];
      std::size_t j = i;
      for (; j > from && out[j - 1].end_token < m.end_token; --j) out[j] = out[j - 1];
      out[j] = m;
    }
  }
  return out;
}

std::vector<std::string> PhraseMatcher::phrases(std::string_view separator) const {
  std::vector<std::string> out;
  auto add_all = [&](const std::string& first, const std::vector<Phrase>& list) {
    for (const Phrase& p : list) {
      std::string s = first;
      for (const std::string& w : p.rest) {
        s += separator;
        s += w;
      }
      out.push_back(std::move(s));
    }
  };
  for (const auto& [first, bucket] : exact_) add_all(first, bucket.phrases);
  for (const Trie* trie : {&prefix_, &suffix_}) {
    // Depth first, the path so far in key (reversed for the suffix trie).
    std::vector<std::pair<std::uint32_t, std::string>> stack = {{0, ""}};
    while (!stack.empty()) {
      auto [node, key] = std::move(stack.back());
      stack.pop_back();
      std::string first = trie == &suffix_ ? std::string(key.rbegin(), key.rend()) : key;
      add_all(first, (*trie)[node].phrases);
      for (const auto& [byte, child] : (*trie)[node].next) stack.emplace_back(child, key + static_cast<char>(byte));
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<PhraseMatch> PhraseMatcher::longest_only(std::vector<PhraseMatch> matches) {
  std::stable_sort(matches.begin(), matches.end(), [](const PhraseMatch& a, const PhraseMatch& b) {
    return (a.end_token - a.first_token) > (b.end_token - b.first_token);
  });
  std::vector<PhraseMatch> kept;
  for (const PhraseMatch& m : matches) {
    bool covered = std::any_of(kept.begin(), kept.end(), [&](const PhraseMatch& k) {
      return m.first_token < k.end_token && k.first_token < m.end_token &&
             !(m.first_token == k.first_token && m.end_token == k.end_token);
    });
    if (!covered) kept.push_back(m);
  }
  std::stable_sort(kept.begin(), kept.end(), [](const PhraseMatch& a, const PhraseMatch& b) {
    return a.first_token < b.first_token;
  });
  return kept;
}

}  // namespace pactum::extract
