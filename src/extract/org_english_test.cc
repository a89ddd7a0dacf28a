// The English names of organizations the rules find (org_english.h,
// lexicon/<lang>/org_word.tsv): table tests of the rendering, and the
// extractor giving the English name wherever the organization is output.
#include "extract/org_english.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "extract/extract_test_util.h"

namespace pactum::extract {
namespace {

using test_util::lexicon_fixture;
using test_util::run;

struct Row {
  const char* lang;
  const char* written;
  const char* english;
};

TEST(OrgEnglish, NamesTheTableCoversAreEnglish) {
  const auto& f = lexicon_fixture();
  ASSERT_TRUE(f.lexicon);
  const Row rows[] = {
      // Head, link, place.
      {"nb", "Universitetet i Bergen", "University of Bergen"},
      {"sv", "Universitetet i Bergen", "University of Bergen"},
      {"es", "Universidad de Oviedo", "University of Oviedo"},
      // A head with the link in its row ("puerto de").
      {"es", "Puerto de Vigo", "Port of Vigo"},
      // A head right before a place the gazetteer knows.
      {"de", "Hafen Stavanger", "Port of Stavanger"},
      // A place before a head that takes "of" in English.
      {"nb", "Stavanger havn", "Port of Stavanger"},
      // A head after its place stays there.
      {"nb", "Tromsø kommune", "Tromsø Municipality"},
      {"sv", "Chalmers tekniska högskola", "Chalmers University of Technology"},
      {"nb", "Eyde-klyngen", "Eyde Cluster"},
      // Adjective rows, and the English name of a known place.
      {"pt", "Universidade Técnica da Dinamarca", "Technical University of Denmark"},
      {"de", "Technische Universität Dänemark", "Technical University of Denmark"},
      {"es", "Instituto Tecnológico de Noruega", "Institute of Technology of Norway"},
      {"it", "Consiglio regionale della Lombardia", "Regional Council of Lombardy"},
      {"de", "Hochschule Bremen", "University of Applied Sciences of Bremen"},
      // A place in a case or the genitive is the gazetteer's place.
      {"fi", "Helsingin yliopisto", "University of Helsinki"},
      {"sv", "Göteborgs hamn", "Port of Gothenburg"},
      {"nl", "Provincie Groningen", "Province of Groningen"},
      // A ministry's field word opening the place's name is the place's ("Minas": "+Mines").
      {"pt", "Universidade Federal de Minas Gerais", "Federal University of Minas Gerais"},
  };
  for (const Row& r : rows) {
    EXPECT_EQ(english_org_name(*f.lexicon, r.lang, r.written), r.english) << r.lang << ": " << r.written;
  }
}

TEST(OrgEnglish, NamesTheTableDoesNotCoverKeepTheirWords) {
  const auto& f = lexicon_fixture();
  ASSERT_TRUE(f.lexicon);
  const Row rows[] = {
      // No row for the head: a name that stays Italian in English too.
      {"it", "Politecnico di Bari", "Politecnico di Bari"},
      {"sv", "Region Halland", "Region Halland"},
      // Words of the name besides its head and one place.
      {"es", "Agencia Vasca de Empresas", "Agencia Vasca de Empresas"},
      {"es", "Instituto Superior Agrario", "Instituto Superior Agrario"},
      // An article is no place; a field is no place.
      {"de", "Die Agentur", "Die Agentur"},
      {"es", "Centro de Energías Limpias", "Centro de Energías Limpias"},
      // A place of two words no table knows; an adjective of a place.
      {"nl", "Gemeente Den Helder", "Gemeente Den Helder"},
      {"pl", "Uniwersytet Gdański", "Uniwersytet Gdański"},
      // A word before a head that takes "of" must be a known place.
      {"de", "Hamburger Hafen", "Hamburger Hafen"},
      // No table for the language.
      {"en", "Universitetet i Bergen", "Universitetet i Bergen"},
  };
  for (const Row& r : rows) {
    EXPECT_EQ(english_org_name(*f.lexicon, r.lang, r.written), r.english) << r.lang << ": " << r.written;
  }
}

// The extractor names a rule-found organization in English as a party and in
// the organizations list.
TEST(OrgEnglish, ExtractorGivesTheEnglishName) {
  Extraction x = run(
      "Hidrógeno\n\nLa Universidad de Oviedo y el Kyushu Bio Cluster firmaron ayer un memorando de "
      "entendimiento sobre hidrógeno.",
      "2025-03-04");
  ASSERT_FALSE(x.events.empty());
  const auto& parties = x.events.front().parties;
  EXPECT_TRUE(std::any_of(parties.begin(), parties.end(), [](const Party& p) { return p.name == "University of Oviedo"; }));
  EXPECT_TRUE(std::none_of(parties.begin(), parties.end(), [](const Party& p) { return p.name == "Universidad de Oviedo"; }));
  EXPECT_NE(std::find(x.organizations.begin(), x.organizations.end(), "University of Oviedo"), x.organizations.end());
  EXPECT_NE(std::find(x.organizations.begin(), x.organizations.end(), "Kyushu Bio Cluster"), x.organizations.end());
}

}  // namespace
}  // namespace pactum::extract
