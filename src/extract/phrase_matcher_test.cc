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

TEST(PhraseMatcher, LongestOnlyDropsCoveredMatches) {
  PhraseMatcher m;
  ASSERT_TRUE(m.add(words({"memorandum", "of", "understanding"}), 1));
  ASSERT_TRUE(m.add(words({"memorandum"}), 2));
  auto tokens = text::tokenize("a memorandum of understanding", "en");
  auto kept = PhraseMatcher::longest_only(m.find(tokens));
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_EQ(kept[0].payload, 1u);
}

TEST(PhraseMatcher, RefusesTooShortWildcards) {
  PhraseMatcher m;
  EXPECT_FALSE(m.add(words({"h2*"}), 1));
  EXPECT_FALSE(m.add(words({"*er"}), 1));
  EXPECT_FALSE(m.add({}, 1));
}

}  // namespace
}  // namespace pactum::extract
