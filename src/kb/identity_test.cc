// Organization name keys as a table: names that are one organization share a key.
#include "kb/identity.h"

#include <gtest/gtest.h>

namespace pactum::kb {
namespace {

TEST(OrgNameKey, Table) {
  struct Row { const char* name; const char* key; };
  for (const Row& r : {Row{"Equinor ASA", "equinor"}, Row{"EQUINOR", "equinor"},
                       Row{"Siemens Energy AG", "siemens energy"}, Row{"Ørsted A/S", "orsted"},
                       Row{"Mitsubishi Heavy Industries, Ltd.", "mitsubishi heavy industries"},
                       Row{"Møre og Romsdal fylkeskommune", "more og romsdal fylkeskommune"},
                       Row{"AS", "as"}, Row{"三菱重工業株式会社", "三菱重工業株式会社"},
                       Row{"Invest in Bavaria", "invest in bavaria"}}) {
    EXPECT_EQ(org_name_key(r.name), r.key) << r.name;
  }
}

TEST(ActorKey, CodesBeforeNames) {
  extract::Party region{"North Rhine-Westphalia", "region", "DE", "DE-NW", {}};
  extract::Party country{"Norway", "country", "NO", "", {}};
  extract::Party org{"Equinor", "organization", "NO", "", {}};
  EXPECT_EQ(actor_key(region), "DE-NW");
  EXPECT_EQ(actor_key(country), "NO");
  EXPECT_EQ(actor_key(org), "name:equinor");
}

}  // namespace
}  // namespace pactum::kb
