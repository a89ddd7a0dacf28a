// Table tests for actor keys and case folding.
#include "store/keys.h"

#include <gtest/gtest.h>

namespace pactum::store {
namespace {

TEST(ActorKey, SubdivisionThenCountryCodeThenName) {
  struct Row {
    extract::Party party;
    const char* key;
  };
  const Row rows[] = {
      {{"North Rhine-Westphalia", "region", "DE", "DE-NW", {}}, "DE-NW"},
      {{"Hokkaido", "region", "JP", "JP-01", {}}, "JP-01"},
      {{"Norway", "country", "NO", "", {}}, "NO"},
      {{"European Union", "supranational", "EU", "", {}}, "EU"},
      {{"Nordic Council", "supranational", "", "", {}}, "name:nordic council"},
      {{"Equinor", "organization", "NO", "", {}}, "name:equinor"},
      {{"Bergen", "city", "NO", "", {}}, "name:bergen"},
      {{"Atlantis", "country", "", "", {}}, "name:atlantis"},
      {{"Île-de-France", "region", "FR", "", {}}, "name:île-de-france"},
      {{"ÅLESUND", "city", "NO", "", {}}, "name:ålesund"},
  };
  for (const Row& row : rows) EXPECT_EQ(actor_key(row.party), row.key) << row.party.name;
}

TEST(FoldCase, IgnoresCaseAcrossScripts) {
  struct Row {
    const char* a;
    const char* b;
  };
  const Row same[] = {
      {"Norway", "NORWAY"}, {"Straße", "STRASSE"}, {"Ålesund", "åLESUND"},
      {"Ελλάδα", "ΕΛΛΆΔΑ"}, {"ノルウェー", "ノルウェー"}, {"", ""},
  };
  for (const Row& row : same) EXPECT_EQ(fold_case(row.a), fold_case(row.b)) << row.a;
  EXPECT_NE(fold_case("Norge"), fold_case("Norway"));
  EXPECT_EQ(fold_case("NRW"), "nrw");
  EXPECT_EQ(lowercase("Straße"), "straße");  // keys lowercase; they do not fold
}

}  // namespace
}  // namespace pactum::store
