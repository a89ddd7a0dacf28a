// Table tests of people: how names are introduced by roles, in apposition,
// as surnames alone, and what is not part of a name.
#include "extract/people.h"

#include <gtest/gtest.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <tuple>

#include "extract/extract_test_util.h"

namespace pactum::extract {
namespace {

using test_util::run;

struct PeopleRow {
  const char* text;
  std::vector<std::string> present;  // names that must come out
  std::vector<std::string> absent;   // names that must not
};

// people.cc's script_of() answers these ranges without ICU.
TEST(People, ScriptRangesAsIcu) {
  const std::tuple<UChar32, UChar32, UScriptCode> ranges[] = {
      {0x4E00, 0x9FA5, USCRIPT_HAN}, {0x3041, 0x3094, USCRIPT_HIRAGANA}, {0x30A1, 0x30FA, USCRIPT_KATAKANA}};
  for (const auto& [first, last, script] : ranges) {
    for (UChar32 c = first; c <= last; ++c) {
      UErrorCode status = U_ZERO_ERROR;
      ASSERT_EQ(uscript_getScript(c, &status), script) << std::hex << c;
    }
  }
}

// people.cc's is_katakana() rejects by its lead bytes what holds no
// katakana: U+3040..U+307F (E3 81 ..) and U+4000..U+9FFF (E4..E9 ..).
TEST(People, NoKatakanaWhereIsKatakanaRejectsByBytes) {
  for (UChar32 c = 0x3040; c <= 0x9FFF; c = c == 0x307F ? 0x4000 : c + 1) {
    UErrorCode status = U_ZERO_ERROR;
    ASSERT_NE(uscript_getScript(c, &status), USCRIPT_KATAKANA) << std::hex << c;
    ASSERT_TRUE(c != 0x30FB && c != 0x30FC);
  }
}

TEST(People, NamesTable) {
  const PeopleRow rows[] = {
      // A Japanese name with its reading after each part (furigana in
      // parentheses), long vowels written short.
      {"水素の覚書\n\n福岡県知事 服部(はっとり) 誠太郎(せいたろう)は覚書に署名しました。",
       {"Seitaro Hattori"}, {"Taro", "Hattori"}},
      // A surname alone right after a role.
      {"Waterstof\n\nMinister Hermans heeft op dinsdag samen met minister Lars "
       "Aagaard in Kopenhagen een intentieverklaring ondertekend.",
       {"Hermans", "Lars Aagaard"}, {}},
      // A surname opened by particles after a role, and a compound role.
      {"Gäste in Brüssel\n\nVertreter der Industrie kamen ebenso wie die EU-Energiekommissarin Simson und "
       "Kommissionspräsidentin von der Leyen.",
       {"von der Leyen", "Simson"}, {}},
      // "von" alone is a preposition, not a particle of a name.
      {"Partnerschaft für Ammoniak\n\nDer Präsident von Kaiun Green Fuels unterzeichnete die Vereinbarung mit der "
       "Hamburger Reederei.",
       {}, {"von Kaiun Green Fuels", "Kaiun Green Fuels"}},
      // The name in apposition after the role's place.
      {"Besuch in Düsseldorf\n\nAm Montag unterschrieb der Gouverneur von Fukushima, Masao Uchibori, in "
       "Düsseldorf die neue Erklärung.",
       {"Masao Uchibori"}, {}},
      {"Hydrogen in the region\n\nIt will open new markets for our companies, says head of department at the "
       "county of Vestland, Hilde Aspås.",
       {"Hilde Aspås"}, {}},
      // A hyphenated given name is whole; a place name inside a name too.
      {"Shipbuilding\n\nShipyards were the topic when Prime Minister Erna Solberg of Norway and President "
       "Park Geun-hye sat down in Seoul.",
       {"Park Geun-hye", "Erna Solberg"}, {"Park Geun"}},
      {"Mineralsamarbeid med USA\n\nDet er veldig positivt, sier LO-leder Peggy Hessen Følsvik etter møtet i "
       "Washington.",
       {"Peggy Hessen Følsvik"}, {"Peggy"}},
      // A genitive is not part of the name when the name stands alone too.
      {"Mineraler\n\nAvtalen var ferdig forhandlet da næringsminister Jan Christian Vestres tur til USA var over. "
       "Vestre snakket med flere rådgivere.",
       {"Jan Christian Vestre"}, {"Jan Christian Vestres"}},
      // A Korean given name never ends in "s": the genitive's, though the
      // name stands nowhere else; a capitalised hyphenated part keeps it.
      {"Norge og Sør-Korea\n\nUnder president Moon Jae-ins besøk i Oslo ble det signert et memorandum om hydrogen.",
       {"Moon Jae-in"}, {"Moon Jae-ins"}},
      {"Zusammenarbeit mit Frankreich\n\nDer Minister traf den Abgeordneten Jean-Louis Dupont-Aignans gestern in Paris.",
       {}, {"Jean-Louis Dupont-Aignan"}},
      // A role in the dative before its name in apposition.
      {"Wasserstoff an der Grenze\n\nUnterzeichnet wurde die Erklärung von der Vorsitzenden des Regionsrats, Mette "
       "Skovgaard.",
       {"Mette Skovgaard"}, {}},
      // English titles in another language's text.
      {"Mineraler\n\nOm forsyningskjeder snakket næringsministeren også med Deputy National Security Advisor "
       "Daleep Singh.",
       {"Daleep Singh"}, {}},
      // A forum named after a role's place is not a person.
      {"Wasserstoff\n\nDer japanische Wirtschaftsminister sprach beim EU-Japan Hydrogen Business Forum; am Rande "
       "setzten Firmen ihre Namen unter drei Vereinbarungen.",
       {}, {"Hydrogen Business Forum"}},
      // The surname after the full name is the same person.
      {"Green Alliance\n\nThe alliance was signed by President Ursula von der Leyen in Brussels. \"This is a "
       "milestone,\" said von der Leyen.",
       {"Ursula von der Leyen"}, {"von der Leyen"}},
      // A compound role, and a title of address between role and name.
      {"Ammoniak\n\nNeben Gesprächen mit Industrieminister Jan Christian Vestre sprach Geschäftsführerin Dr. "
       "Katrin Mehlhorn in Tokio.",
       {"Jan Christian Vestre", "Katrin Mehlhorn"}, {"Dr"}},
      // The name before its role in apposition; a surname of two words and
      // a genitive of a known name are the person named in full.
      {"Hydrogène\n\nL'accord a été signé par Marc-André Gagnon, président de la grappe québécoise.",
       {"Marc-André Gagnon"}, {"André Gagnon"}},
      {"Sør-Korea\n\nMandag hadde fiskeri- og havminister Marianne Sivertsen Næss et møte med handelsministeren. "
       "Det var et godt møte, sier Sivertsen Næss.",
       {"Marianne Sivertsen Næss"}, {"Sivertsen Næss"}},
      // A name before a speech verb is one run of words: not the noun before
      // the apposition's comma; and a capitalised word after "…, sier" is
      // the speaker, not the place that ends the quotation.
      {"Ammoniak aus Namibia\n\nDer Wasserstoffbeauftragte der namibischen Regierung, James Mnyupe, erklärte in "
       "Windhuk, das Land wolle eine eigene Industrie aufbauen.",
       {"James Mnyupe"}, {"Regierung, James Mnyupe", "Regierung"}},
      {"Hydrogen\n\n– Hydrogenet kan finne veien til kundene i Nord-Europa, sier Thomassen til NTB.",
       {}, {"Nord-Europa"}},
      // An adjective of a country before capitalised nouns names no person.
      {"Messe\n\nBeim Rundgang ließ sich der Minister von kanadischen Start-ups Verfahren zur Gewinnung von "
       "Lithium zeigen.",
       {}, {"Start-ups Verfahren"}},
      {"Indien\n\nBakom initiativet står premiärminister Narendra Modi. Avtalet kom till vid premiärminister "
       "Modis besök i Stockholm.",
       {"Narendra Modi"}, {"Modis"}},
      // A middle initial with its full stop belongs to the name.
      {"Råstoffer\n\nAftalen blev underskrevet i Bruxelles af formand for Naalakkersuisut Múte B. Egede og "
       "næstformand Maroš Šefčovič.",
       {"Múte B. Egede", "Maroš Šefčovič"}, {"Múte B"}},
      // A party's letters in parentheses before the verb are no part of the name.
      {"Koldioxid\n\nEnergi- och näringsminister Ebba Busch (KD) säger till TT att avtalet är viktigt.",
       {"Ebba Busch"}, {"Ebba Busch (KD", "Busch (KD"}},
      // A role closing on a preposition opens a capitalised portfolio: its
      // first word before a comma or "en" is no surname.
      {"Waterstof\n\nHij sprak met Mona Neubaur, minister van Economie, Industrie, Klimaatbescherming en Energie "
       "van Noordrijn-Westfalen.",
       {"Mona Neubaur"}, {"Economie"}},
      // Menu items apart by several spaces are no title and name.
      {"Osaka\n\nNyheder   Ministeren   Ansvarsområder   Publikationer\n\nErhvervsminister Morten Bødskov "
       "besøgte i sidste uge verdensudstillingen i Osaka.",
       {"Morten Bødskov"}, {"Ansvarsområder"}},
      // A name that ends a quotation is inside it, not its speaker.
      {"Energia\n\nIl ministro dell'Ambiente e della Sicurezza energetica, Gilberto Pichetto Fratin, è intervenuto a Napoli. "
       "«Serve una cooperazione più stretta con l'Africa, nello spirito del Piano Mattei», ha dichiarato il ministro.",
       {"Gilberto Pichetto Fratin"}, {"Piano Mattei"}},
      // An organization no table knows between role and name is no name.
      {"Amoníaco\n\nLa naviera vizcaína Naviera Cantábrica y el grupo japonés Kaiyo Sangyo firmaron ayer una alianza. "
       "«El amoníaco es la opción más realista», señaló el presidente de Kaiyo Sangyo, Hiroshi Tanabe.",
       {"Hiroshi Tanabe"}, {"Kaiyo Sangyo"}},
  };
  for (const PeopleRow& r : rows) {
    SCOPED_TRACE(r.text);
    Extraction x = run(r.text);
    auto has = [&](const std::string& name) {
      return std::any_of(x.people.begin(), x.people.end(), [&](const Person& p) { return p.name == name; });
    };
    std::string all;
    for (const Person& p : x.people) all += "[" + p.name + "] ";
    for (const std::string& n : r.present) EXPECT_TRUE(has(n)) << n << " not in " << all;
    for (const std::string& n : r.absent) EXPECT_FALSE(has(n)) << n << " in " << all;
  }
}


// name_case.tsv, one format for every language that writes names in cases:
// Finnish genitives found by the word after the name, Polish ones by the
// role before it, each undone by the longest ending of that case.
TEST(People, NameCasesOfEachLanguage) {
  const Lexicon& lex = *test_util::lexicon_fixture().lexicon;
  EXPECT_EQ(lex.case_governed_by("fi", "mukaan"), "gen");
  EXPECT_EQ(lex.case_governed_by("fi", "sanoi"), "");
  EXPECT_EQ(lex.case_governed_by("en", "mukaan"), "");
  EXPECT_EQ(lex.nominative("fi", "gen", "Virtasen"), "Virtanen");
  EXPECT_EQ(lex.nominative("fi", "gen", "Ahon"), "Aho");  // a stem of two letters
  EXPECT_EQ(lex.nominative("pl", "gen", "Donalda"), "Donald");
  EXPECT_EQ(lex.nominative("pl", "gen", "Kosiniaka"), "Kosiniak");
  EXPECT_EQ(lex.nominative("pl", "inst", "Larsem"), "Lars");
  EXPECT_EQ(lex.nominative("pl", "gen", "Tusk"), "Tusk");      // no genitive ending: as written
  EXPECT_EQ(lex.nominative("pl", "dat", "Donalda"), "Donalda");  // a case without rows
  EXPECT_EQ(lex.nominative("en", "gen", "Smiths"), "Smiths");
  // Longest written ending first.
  const auto& fi = lex.name_cases("fi");
  ASSERT_FALSE(fi.empty());
  for (std::size_t i = 1; i < fi.size(); ++i) EXPECT_GE(fi[i - 1].written.size(), fi[i].written.size());
  EXPECT_TRUE(lex.name_cases("en").empty());
}

// A statement "according to" a person whose role stands after their
// country's genitive and a portfolio of several parts is theirs.
TEST(People, AccordingToARoleWithItsCountryAndPortfolio) {
  Extraction x = run(
      "Sverige och Danmark är överens om lagring av koldioxid\n\nRegeringen välkomnar att förhandlingarna nu "
      "är avslutade. Enligt Danmarks klimat- och energiminister Lars Aagaard kan danska lagringsplatser ta emot "
      "flera miljoner ton koldioxid varje år från svenska anläggningar.");
  auto it = std::find_if(x.people.begin(), x.people.end(), [](const Person& p) { return p.name == "Lars Aagaard"; });
  ASSERT_NE(it, x.people.end());
  EXPECT_TRUE(it->quoted);
}

// A speech verb before a role alone ("ha dichiarato il ministro") quotes
// the person named with that role before.
TEST(People, RoleAloneAfterSpeechVerbQuotesThePersonNamedWithIt) {
  Extraction x = run(
      "Energia\n\nIl ministro dell'Ambiente e della Sicurezza energetica, Gilberto Pichetto Fratin, è intervenuto martedì a Napoli. "
      "«Dobbiamo diventare l'hub energetico del Mediterraneo», ha dichiarato il ministro.");
  auto it = std::find_if(x.people.begin(), x.people.end(), [](const Person& p) { return p.name == "Gilberto Pichetto Fratin"; });
  ASSERT_NE(it, x.people.end());
  EXPECT_TRUE(it->quoted);
}

// A quotation closed by its verb alone is the last named person's.
TEST(People, QuotationClosedByItsVerbAloneIsTheLastNamedPersons) {
  Extraction x = run(
      "Foro\n\nEl secretario de Estado de Energía, Joan Groizard, abrió el foro en Madrid el miércoles. "
      "«Hay mucho espacio para trabajar juntos», afirmó.");
  auto it = std::find_if(x.people.begin(), x.people.end(), [](const Person& p) { return p.name == "Joan Groizard"; });
  ASSERT_NE(it, x.people.end());
  EXPECT_TRUE(it->quoted);
}

// A name in apposition before a role that its country's genitive opens
// ("Chris Bowen, Australia's Minister for ..."); and a speech verb after the
// apposition's closing comma makes the statement that person's.
TEST(People, AppositionAfterACountrysGenitiveAndSpeechAfterIt) {
  Extraction x = run(
      "EU and Australia sign a statement\n\nThe statement was signed by Chris Bowen, Australia's Minister for "
      "Climate Change and Energy. \"We are ready,\" Anna Lindgren, president of the council, said in a statement.");
  auto bowen = std::find_if(x.people.begin(), x.people.end(), [](const Person& p) { return p.name == "Chris Bowen"; });
  ASSERT_NE(bowen, x.people.end());
  EXPECT_FALSE(bowen->quoted);
  auto lindgren = std::find_if(x.people.begin(), x.people.end(), [](const Person& p) { return p.name == "Anna Lindgren"; });
  ASSERT_NE(lindgren, x.people.end());
  EXPECT_TRUE(lindgren->quoted);
}

const Person* person_named(const Extraction& x, const std::string& name) {
  auto it = std::find_if(x.people.begin(), x.people.end(), [&](const Person& p) { return p.name == name; });
  return it == x.people.end() ? nullptr : &*it;
}

// Titles and surnames the role table gives in several languages: a
// portfolio before the name, a cluster's head, a Norwegian county mayor
// written as such in a German text, a surname that is also a place.
TEST(People, RoleWordsAndNamesOfEachLanguage) {
  const PeopleRow rows[] = {
      {"Trade deal\n\nThe bloc's trade chief Lena Marsh and Chile's Coordinating Minister for Economic Affairs "
       "Rafael Soto put their names to the statement.",
       {"Lena Marsh", "Rafael Soto"}, {"Economic Affairs Rafael Soto"}},
      {"Avtale om skip\n\nAvtalen ble signert av klyngeleder Kari Nordli og verftets direktør Ravi Menon.",
       {"Kari Nordli", "Ravi Menon"}, {}},
      {"CO2 über die Nordsee\n\nDer Fylkesordfører von Rogaland, Per Haugland, unterzeichnete am Montag eine "
       "Absichtserklärung.",
       {"Per Haugland"}, {}},
      // A surname that is a place, ending the name and its clause.
      {"Brasil e Noruega assinam memorando sobre eólica no mar\n\n\"O Brasil tem um dos maiores potenciais do mundo\", afirmou o ministro de Minas e Energia, João Prado Lima.",
       {"João Prado Lima"}, {"João Prado"}},
      // A capitalised word opening the sentence is not the name's.
      {"Éolien en mer\n\nPour Marie Dupont, directrice de la société, le rapprochement doit profiter aux PME.",
       {"Marie Dupont"}, {"Pour Marie Dupont"}},
  };
  for (const PeopleRow& r : rows) {
    SCOPED_TRACE(r.text);
    Extraction x = run(r.text);
    std::string all;
    for (const Person& p : x.people) all += "[" + p.name + "] ";
    for (const std::string& n : r.present) EXPECT_NE(person_named(x, n), nullptr) << n << " not in " << all;
    for (const std::string& n : r.absent) EXPECT_EQ(person_named(x, n), nullptr) << n << " in " << all;
  }
}

// A name first written in the genitive ("Vestres besøk") and then quoted
// is one person, and quoted.
TEST(People, GenitiveThenQuotedIsOneQuotedPerson) {
  Extraction x = run(
      "Mineraler\n\nEnigheten kom etter næringsminister Ola Kvernes besøk i Washington onsdag.\n\n"
      "- Vi er glade for avtalen, sier næringsminister Ola Kverne.");
  const Person* p = person_named(x, "Ola Kverne");
  ASSERT_NE(p, nullptr);
  EXPECT_TRUE(p->quoted);
  EXPECT_EQ(std::count_if(x.people.begin(), x.people.end(), [](const Person& q) { return q.name == "Ola Kverne"; }), 1);
}

// A capitalised portfolio of several parts between an office and the
// name, no comma before the name; a company after a president's title
// makes no person.
TEST(People, NameAfterACapitalisedPortfolio) {
  const PeopleRow rows[] = {
      {"Hydrogen\n\nAustralia and the EU signed a statement. Minister for Climate Change and Energy Rob Hallam "
       "signed it in Brussels on Monday.",
       {"Rob Hallam"}, {"Energy Rob Hallam"}},
      {"Hydrogen\n\nCanada and Germany signed a declaration. Minister of Energy and Natural Resources Paul Leduc "
       "and German Vice-Chancellor Anna Vogt signed the declaration.",
       {"Paul Leduc", "Anna Vogt"}, {"Resources Paul Leduc"}},
      {"Hydrogen\n\nKorea and Norway signed a memorandum. Minister of Trade, Industry and Energy Kim Tae-ho signed "
       "it with Norway.",
       {"Kim Tae-ho"}, {}},
      {"Hydrogen\n\nAustralia and Japan signed a deal. Australia's Minister for Trade and Tourism Don Harlow said "
       "the deal was important.",
       {"Don Harlow"}, {"Tourism Don Harlow"}},
      {"Ammoniak\n\nBeide Unternehmen unterzeichneten in Tokio eine Absichtserklärung. Das bestätigte der "
       "Präsident von Kaiun Green Fuels am Mittwoch.",
       {}, {"Green Fuels"}},
  };
  for (const PeopleRow& r : rows) {
    SCOPED_TRACE(r.text);
    Extraction x = run(r.text);
    std::string all;
    for (const Person& p : x.people) all += "[" + p.name + "] ";
    for (const std::string& n : r.present) EXPECT_NE(person_named(x, n), nullptr) << n << " not in " << all;
    for (const std::string& n : r.absent) EXPECT_EQ(person_named(x, n), nullptr) << n << " in " << all;
  }
}

// A name written a second time with a slip of one letter in its surname
// is the same person; short surnames a letter apart stay two people.
TEST(People, ASurnameWithASlipOfOneLetterIsTheSamePerson) {
  Extraction x = run(
      "Mineral partnership\n\nNorway and the EU signed a partnership on raw materials, said Minister Tor Hallingstad. "
      "\"This is a great step for both,\" says Head of Department at the survey, Tor Halingstad.");
  const Person* p = person_named(x, "Tor Hallingstad");
  ASSERT_NE(p, nullptr);
  EXPECT_TRUE(p->quoted);
  EXPECT_EQ(person_named(x, "Tor Halingstad"), nullptr);
  Extraction y = run(
      "Hydrogen\n\nNorway and Japan signed a memorandum on hydrogen, said Minister Anna Berg. Minister Anna Borg "
      "welcomed it, she said.");
  EXPECT_NE(person_named(y, "Anna Berg"), nullptr);
  EXPECT_NE(person_named(y, "Anna Borg"), nullptr);
}

// A view opening the sentence ("Pour X, ...") is the view of X, named
// before; an organization there makes no person.
TEST(People, AViewOpeningTheSentenceIsTheNamedPersons) {
  Extraction y = run(
      "Éolien en mer\n\nLa Normandie et le Québec ont signé jeudi une lettre d'intention avec le ministre délégué "
      "Paul Tremblay. Pour Paul Tremblay, cette lettre « ouvre la porte à des partenariats concrets ». Pour Air "
      "Liquide, l'accord est important.");
  const Person* q = person_named(y, "Paul Tremblay");
  ASSERT_NE(q, nullptr);
  EXPECT_TRUE(q->quoted);
  EXPECT_EQ(person_named(y, "Air Liquide"), nullptr);
}

// A role alone after the speech verb quotes the person whose role holds
// it as a word ("die Ministerin": the federal minister named before).
TEST(People, RoleAloneQuotesThePersonWhoseRoleHoldsIt) {
  Extraction x = run(
      "Rohstoffe\n\nBundeswirtschaftsministerin Karla Brenner besuchte am Dienstag Santiago. Die Lieferketten "
      "müssten breiter werden, sagte die Ministerin in Berlin.");
  const Person* p = person_named(x, "Karla Brenner");
  ASSERT_NE(p, nullptr);
  EXPECT_TRUE(p->quoted);
}

// A quotation of several sentences closed by its verb alone is the last
// named person's.
TEST(People, QuotationOfSeveralSentencesClosedByItsVerb) {
  Extraction x = run(
      "Foro\n\nLa secretaria de Estado de Energía, Lucía Ferrer, abrió el foro en Madrid. «Japón tiene "
      "tecnología. Hay mucho espacio para trabajar juntos», afirmó.");
  const Person* p = person_named(x, "Lucía Ferrer");
  ASSERT_NE(p, nullptr);
  EXPECT_TRUE(p->quoted);
}

}  // namespace
}  // namespace pactum::extract
