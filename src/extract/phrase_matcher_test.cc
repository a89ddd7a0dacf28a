#include "extract/phrase_matcher.h"

#include <gtest/gtest.h>

#include "text/segment.h"

namespace pactum::extract {
namespace {

std::vector<std::string> words(std::initializer_list<const char*> w) { return {w.begin(), w.end()}; }

TEST(PhraseMatcher, FindsExactPrefixAndSuffixPhrases) {
  PhraseMatcher m;
  ASSERT_TRUE(m.add(words({"memorandum", "of", "understanding"}), 1));
  ASSERT_TRUE(m.add(words({"hydrogen*"}), 2));
  ASSERT_TRUE(m.add(words({"*partnerschaft"}), 3));
  ASSERT_TRUE(m.add(words({"memorandum"}), 4));
  struct Row { const char* text; std::vector<std::uint32_t> payloads; } rows[] = {
      {"They signed a Memorandum of Understanding today", {1, 4}},
      {"hydrogensatsingen er viktig", {2}},
      {"eine neue Energiepartnerschaft", {3}},
      {"Partnerschaft", {3}},  // '*' may stand for nothing
      {"nothing here", {}},
  };
  for (const auto& r : rows) {
    auto tokens = text::tokenize(r.text, "en");
    std::vector<std::uint32_t> got;
    for (const auto& match : m.find(tokens)) got.push_back(match.payload);
    std::sort(got.begin(), got.end());
    EXPECT_EQ(got, r.payloads) << r.text;
  }
}

TEST(PhraseMatcher, GapLetsSplitVerbsMatchAroundTheirObjects) {
  PhraseMatcher m;
  ASSERT_TRUE(m.add(words({"skreiv", "...", "under"}), 1));
  struct Row { const char* text; bool found; std::uint32_t first, end; } rows[] = {
      {"dei skreiv under ei fråsegn", true, 1, 2},
      {"skreiv Japan Hydrogen Association og Norsk Hydrogenforum under ein avtale", true, 0, 1},
      // Two signatories with their titles: fourteen words between.
      {"skreiv næringsminister Jan Christian Vestre og den japanske økonomi-, handels- og industriministeren "
       "Yasutoshi Nishimura under ei fråsegn", true, 0, 1},
      {"ho skreiv ein lang artikkel om hydrogen og ammoniakk i fjor og i år og i tida framover under tittelen", false, 0, 0},
      {"ho skreiv ein artikkel", false, 0, 0},
  };
  for (const auto& r : rows) {
    auto found = m.find(text::tokenize(r.text, "nn"));
    ASSERT_EQ(!found.empty(), r.found) << r.text;
    if (!r.found) continue;
    // The match covers the verb only: the words in the gap stay free.
    EXPECT_EQ(found[0].first_token, r.first) << r.text;
    EXPECT_EQ(found[0].end_token, r.end) << r.text;
  }
}

TEST(PhraseMatcher, LongestOnlyDropsCoveredMatches) {
  PhraseMatcher m;
  ASSERT_TRUE(m.add(words({"memorandum", "of", "understanding"}), 1));
  ASSERT_TRUE(m.add(words({"memorandum"}), 2));
  auto tokens = text::tokenize("a memorandum of understanding", "en");
  auto kept = PhraseMatcher::longest_only(m.find(tokens));
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_EQ(kept[0].payload, 1u);
}

// Phrases on one span come out in the order they were added (the
// gazetteer adds a surface's actors in its order of preference), however
// many other matches the text holds: "Bari" stays the city.
TEST(PhraseMatcher, PhrasesOnOneSpanKeepTheirOrder) {
  PhraseMatcher m;
  for (std::uint32_t i = 0; i < 40; ++i) ASSERT_TRUE(m.add(words({"bari"}), i));
  ASSERT_TRUE(m.add(words({"porto"}), 100));
  std::string text;
  for (int i = 0; i < 30; ++i) text += "porto ";
  text += "bari porto bari";
  auto tokens = text::tokenize(text, "it");
  auto check = [](const std::vector<PhraseMatch>& found) {
    std::vector<std::uint32_t> at_bari;
    for (const PhraseMatch& pm : found) {
      if (pm.first_token == 30) at_bari.push_back(pm.payload);
    }
    ASSERT_FALSE(at_bari.empty());
    EXPECT_TRUE(std::is_sorted(at_bari.begin(), at_bari.end()));
    EXPECT_EQ(at_bari.front(), 0u);
  };
  check(m.find(tokens));
  check(PhraseMatcher::longest_only(m.find(tokens)));
}

TEST(PhraseMatcher, RefusesTooShortWildcards) {
  PhraseMatcher m;
  EXPECT_FALSE(m.add(words({"h2*"}), 1));
  EXPECT_FALSE(m.add(words({"*er"}), 1));
  EXPECT_FALSE(m.add({}, 1));
}

}  // namespace
// The matcher against a brute-force reading of the '*' rules, on random
// phrases and tokens over a small alphabet (so that prefixes, suffixes and
// multi-word phrases overlap often), UTF-8 letters included.
TEST(PhraseMatcher, AgreesWithBruteForceOnRandomPhrases) {
  const std::vector<std::string> letters = {"a", "b", "c", "\xC3\xB8" /* ø */};
  std::uint64_t state = 42;
  auto next = [&](std::size_t n) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<std::size_t>((state >> 33) % n);
  };
  auto word = [&](std::size_t min_letters) {
    std::string w;
    for (std::size_t i = 0, n = min_letters + next(4); i < n; ++i) w += letters[next(letters.size())];
    return w;
  };
  struct Pattern { std::vector<std::string> words; std::uint32_t payload; };
  PhraseMatcher m;
  std::vector<Pattern> added;
  for (std::uint32_t id = 0; id < 300; ++id) {
    Pattern p{{}, id};
    for (std::size_t i = 0, n = 1 + next(3); i < n; ++i) p.words.push_back(word(1));
    if (next(4) == 0) p.words.front().insert(0, "*");
    if (next(4) == 0) p.words.back().push_back('*');
    if (m.add(p.words, id)) added.push_back(p);
  }
  auto word_matches = [](const std::string& pattern, const std::string& w, bool first, bool last) {
    std::string core = pattern;
    bool suffix = first && core.size() > 1 && core.front() == '*';
    bool prefix = last && core.size() > 1 && core.back() == '*';
    if (suffix) core.erase(0, 1);
    if (prefix) core.pop_back();
    if (suffix) return w.size() >= core.size() && w.compare(w.size() - core.size(), core.size(), core) == 0;
    if (prefix) return w.compare(0, core.size(), core) == 0;
    return w == core;
  };
  for (int round = 0; round < 200; ++round) {
    std::vector<text::Token> tokens(1 + next(12));
    for (auto& t : tokens) t.folded = word(1);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> want, got;  // (start, payload)
    for (std::uint32_t start = 0; start < tokens.size(); ++start) {
      for (const Pattern& p : added) {
        bool ok = start + p.words.size() <= tokens.size();
        for (std::size_t i = 0; ok && i < p.words.size(); ++i) {
          ok = word_matches(p.words[i], tokens[start + i].folded, i == 0, i + 1 == p.words.size());
        }
        if (ok) want.emplace_back(start, p.payload);
      }
    }
    for (const PhraseMatch& pm : m.find(tokens)) got.emplace_back(pm.first_token, pm.payload);
    std::sort(want.begin(), want.end());
    std::sort(got.begin(), got.end());
    EXPECT_EQ(got, want) << "round " << round;
  }
}

}  // namespace pactum::extract

namespace pactum::extract {
namespace {

// Thousands of first words (the lexicon's size): every one is still found
// after the index has grown many times, and a word not added is not.
TEST(PhraseMatcher, FindsEveryOneOfManyWords) {
  PhraseMatcher m;
  for (std::uint32_t i = 0; i < 5000; ++i) ASSERT_TRUE(m.add({"w" + std::to_string(i)}, i));
  for (std::uint32_t i = 0; i < 5000; i += 7) {
    auto found = m.find(text::tokenize("w" + std::to_string(i) + " x", "en"));
    ASSERT_EQ(found.size(), 1u) << i;
    EXPECT_EQ(found[0].payload, i);
  }
  EXPECT_TRUE(m.find(text::tokenize("w5000 w", "en")).empty());
}

}  // namespace
}  // namespace pactum::extract
