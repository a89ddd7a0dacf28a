// The naming passes' word test; the passes themselves are read through
// whole texts in extractor_test.cc (short forms, acronyms, descriptions).
#include "extract/naming.h"

#include <gtest/gtest.h>

namespace pactum::extract {
namespace {

TEST(Naming, ContainsWordNeedsNonLettersAround) {
  EXPECT_TRUE(contains_word("EU-Japan Centre", "EU"));
  EXPECT_TRUE(contains_word("Nordic-Japanese Centre", "Japanese"));
  EXPECT_TRUE(contains_word("Japan", "Japan"));
  EXPECT_FALSE(contains_word("EUROPA", "EU"));
  EXPECT_FALSE(contains_word("Norwegian Centre", "Norway"));
  EXPECT_FALSE(contains_word("Japan", ""));
  EXPECT_TRUE(contains_word("EUROPA and EU", "EU"));  // a later match counts
}

}  // namespace
}  // namespace pactum::extract
