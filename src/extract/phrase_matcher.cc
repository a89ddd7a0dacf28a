// Phrase matching over folded tokens; see phrase_matcher.h.
#include "extract/phrase_matcher.h"

#include <algorithm>

namespace pactum::extract {

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Wildcards must leave at least this many bytes, or "*er" would match half
// of every German sentence.
constexpr std::size_t kMinWildcardStem = 3;

}  // namespace

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

  if (first_is_suffix) {
    min_suffix_ = std::min(min_suffix_, first.size());
    suffix_[first].push_back(std::move(p));
  } else if (p.rest.empty() && p.last_is_prefix) {
    min_prefix_ = std::min(min_prefix_, first.size());
    prefix_[first].push_back(std::move(p));
  } else {
    exact_[first].push_back(std::move(p));
  }
  ++size_;
  return true;
}

bool PhraseMatcher::match_rest(const Phrase& p, const std::vector<text::Token>& tokens,
                               std::size_t start, std::size_t* end) const {
  std::size_t i = start + 1;
  for (std::size_t w = 0; w < p.rest.size(); ++w, ++i) {
    if (i >= tokens.size()) return false;
    const std::string& word = tokens[i].folded;
    bool last = w + 1 == p.rest.size();
    if (last && p.last_is_prefix) {
      if (word.compare(0, p.rest[w].size(), p.rest[w]) != 0) return false;
    } else if (word != p.rest[w]) {
      return false;
    }
  }
  *end = i;
  return true;
}

std::vector<PhraseMatch> PhraseMatcher::find(const std::vector<text::Token>& tokens) const {
  std::vector<PhraseMatch> out;
  auto emit = [&](const std::vector<Phrase>& phrases, std::size_t start) {
    for (const Phrase& p : phrases) {
      std::size_t end = 0;
      if (match_rest(p, tokens, start, &end)) {
        out.push_back({static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end), p.payload});
      }
    }
  };
  std::string key;
  for (std::size_t t = 0; t < tokens.size(); ++t) {
    const std::string& word = tokens[t].folded;
    if (auto it = exact_.find(word); it != exact_.end()) emit(it->second, t);
    if (!prefix_.empty()) {
      for (std::size_t n = min_prefix_; n <= word.size(); ++n) {
        key.assign(word, 0, n);
        if (auto it = prefix_.find(key); it != prefix_.end()) emit(it->second, t);
      }
    }
    if (!suffix_.empty()) {
      for (std::size_t n = min_suffix_; n <= word.size(); ++n) {
        key.assign(word, word.size() - n, n);
        if (auto it = suffix_.find(key); it != suffix_.end()) emit(it->second, t);
      }
    }
  }
  std::sort(out.begin(), out.end(), [](const PhraseMatch& a, const PhraseMatch& b) {
    if (a.first_token != b.first_token) return a.first_token < b.first_token;
    return a.end_token > b.end_token;
  });
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
  std::sort(kept.begin(), kept.end(), [](const PhraseMatch& a, const PhraseMatch& b) {
    return a.first_token < b.first_token;
  });
  return kept;
}

}  // namespace pactum::extract
