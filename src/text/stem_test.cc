// Table tests for Stemmer: Snowball's actual output per language (asserted as
// observed, so a libstemmer upgrade that changes a stem shows up here).
#include "text/stem.h"

#include <gtest/gtest.h>

namespace pactum::text {
namespace {

struct StemRow {
  const char* lang;
  const char* word;
  const char* stem;
};

constexpr StemRow kStemRows[] = {
    {"en", "agreements", "agreement"},
    {"en", "cooperation", "cooper"},
    {"en", "signed", "sign"},
    {"de", "vereinbarungen", "vereinbar"},
    {"de", "zusammenarbeit", "zusammenarbeit"},
    {"nb", "hydrogenet", "hydrogen"},
    {"nb", "avtalene", "avtal"},
    {"nn", "avtalane", "avtal"},
    {"nn", "samarbeidet", "samarbeid"},
    {"no", "samarbeidsavtalen", "samarbeidsavtal"},
    {"da", "aftalerne", "aftal"},
    {"sv", "avtalen", "avtal"},
    {"fr", "coopération", "cooper"},
    {"nl", "overeenkomsten", "overeenkomst"},
    {"es", "acuerdos", "acuerd"},
    {"it", "accordi", "accord"},
    {"fi", "sopimukset", "sopimuks"},
    {"pt", "acordos", "acord"},
    {"ja", "覚書", "覚書"},        // no Snowball algorithm: unchanged
    {"xx", "agreements", "agreements"},
};

TEST(Stemmer, Table) {
  for (const auto& row : kStemRows) {
    Stemmer stemmer(row.lang);
    EXPECT_EQ(stemmer.stem(row.word), row.stem) << row.lang << " " << row.word;
  }
}

TEST(Stemmer, HasAlgorithm) {
  EXPECT_TRUE(Stemmer("nb").has_algorithm());
  EXPECT_TRUE(Stemmer("nn").has_algorithm());
  EXPECT_TRUE(Stemmer("de").has_algorithm());
  EXPECT_FALSE(Stemmer("ja").has_algorithm());
  EXPECT_FALSE(Stemmer("").has_algorithm());
  EXPECT_EQ(Stemmer("en").stem(""), "");
}

}  // namespace
}  // namespace pactum::text
