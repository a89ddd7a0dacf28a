// Table tests of the extractor: a short press text per row, in each language
// the lexicons cover, and what must (and must not) come out of it.
#include "extract/extractor.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "extract/extract_test_util.h"

namespace pactum::extract {
namespace {

using test_util::extractor;
using test_util::has_party;
using test_util::party_names;
using test_util::party_keys;
using test_util::run;

struct Row {
  const char* lang;
  const char* text;
  const char* published;
  std::vector<std::string> parties;  // sorted keys of the first event; empty: no event at all
  const char* instrument;
  const char* stage;
  const char* date;
};

// Each event's date and stage, in order: what a history sentence yields.
std::vector<std::pair<std::string, std::string>> dates_and_stages(const Extraction& x) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const Event& e : x.events) out.emplace_back(e.date, e.stage);
  return out;
}

TEST(Extractor, FirstEventTable) {
  const Row rows[] = {
      {"en", "Norway and Japan sign hydrogen memorandum\n\nNorway and Japan signed a memorandum of understanding on hydrogen and ammonia in Oslo today.",
       "2024-05-03", {"JP", "NO"}, "memorandum_of_understanding", "signed", "2024-05-03"},
      // A formal instrument launched in a year before the page's was concluded then.
      {"de", "Energiepartnerschaft\n\nDie Energiepartnerschaft wurde 2019 von Deutschland und Japan ins Leben gerufen.",
       "2025-06-12", {"DE", "JP"}, "strategic_partnership", "signed", "2019"},
      // "schlossen" with no "ab": concluded, signed.
      {"de", "Rahmenvereinbarung\n\nAm Montag schlossen Nordrhein-Westfalen und Fukushima eine Rahmenvereinbarung über Wasserstoff.",
       "2025-11-11", {"DE-NW", "JP-07"}, "framework_agreement", "signed", "2025-11-10"},
      {"de", "Absichtserklärung mit Fukushima\n\nDie Präfektur Fukushima und das Land Nordrhein-Westfalen haben 2014 eine Absichtserklärung über gemeinsame Projekte im Bereich erneuerbare Energien unterzeichnet.",
       "", {"DE-NW", "JP-07"}, "letter_of_intent", "signed", "2014"},
      {"nb", "Forhandlinger med USA\n\nUSA og Norge har blitt enige om å innlede forhandlinger om kritiske mineraler.",
       "", {"NO", "US"}, "negotiations", "negotiating", ""},
      {"nn", "Noreg og Japan inngår partnarskap\n\nNoreg og Japan har i dag underteikna ei felles erklæring om eit strategisk partnarskap for det grøne skiftet, og dei vil òg samarbeide om havvind.",
       "2023-12-08", {"JP", "NO"}, "joint_declaration", "signed", "2023-12-08"},
      {"en", "Statistics\n\nElectric cars made up nine in ten new cars sold in Norway last year, the road authority said in its annual report on Monday.",
       "", {}, "", "", ""},
      // A treaty the parties only refer to is no act of theirs ("no_act"
      // rows), and the names inside it are no parties.
      {"en", "Shared goals\n\nNorway and Japan reaffirmed their commitment to the Paris Agreement and to the energy transition.",
       "", {}, "", "", ""},
      {"es", "Objetivos comunes\n\nEspaña y Japón comparten los compromisos del Acuerdo de París y quieren acelerar la transición energética.",
       "", {}, "", "", ""},
      {"it", "Clima\n\nItalia e Giappone hanno ribadito il loro impegno per l'Accordo di Parigi e per la transizione energetica.",
       "", {}, "", "", ""},
      {"fi", "Akkuklusteri\n\nSuomi ja Ruotsi kasvattavat akkuklusteria Pariisin ilmastosopimuksen tavoitteiden saavuttamiseksi.",
       "", {}, "", "", ""},
      {"pl", "Klimat\n\nPolska i Norwegia potwierdziły zobowiązania wynikające z porozumienia paryskiego.",
       "", {}, "", "", ""},
      {"en", "Hydrogen memorandum\n\nNorway and Japan signed a memorandum of understanding on hydrogen in Oslo today to meet the goals of the Paris Agreement.",
       "2024-05-03", {"JP", "NO"}, "memorandum_of_understanding", "signed", "2024-05-03"},
      // A word the language reads as a preposition is no name: Italian "Nel
      // settembre" (in September) opening a sentence is not the company Nel.
      {"it", "Il corridoio\n\nNel settembre 2023 l'Italia e l'India hanno firmato un memorandum d'intesa sul corridoio economico tra l'Europa e l'Asia.",
       "", {"IN", "IT"}, "memorandum_of_understanding", "signed", "2023-09"},
      // Where adjectives follow their noun, the name follows the demonym:
      // the companies are the parties, not their countries.
      {"es", "Amoníaco verde\n\nLa empresa española Grupo Solvento y el grupo japonés Kaiyo Sangyo firmaron ayer en Madrid un memorando de entendimiento sobre amoníaco verde.",
       "2025-06-05", {"Grupo Solvento", "Kaiyo Sangyo"}, "memorandum_of_understanding", "signed", "2025-06-04"},
      {"it", "Ammoniaca\n\nL'azienda italiana Cantieri Adriatici e l'azienda giapponese Kaiyo Sangyo hanno firmato ieri un memorandum d'intesa sull'ammoniaca.",
       "2025-06-05", {"Cantieri Adriatici", "Kaiyo Sangyo"}, "memorandum_of_understanding", "signed", "2025-06-04"},
      // A head word alone is named by what follows its link word ("di"); a
      // city linked to an organization is its seat, not a party.
      // (a university no table knows: one of actors.tsv would have its country as key, as Sendai would)
      {"it", "Accordo quadro\n\nIl Politecnico di Torino e la Tohoku Gakuin University di Sendai hanno rinnovato ieri l'accordo quadro di collaborazione scientifica.",
       "2025-10-02", {"Politecnico di Torino", "Tohoku Gakuin University"}, "framework_agreement", "renewed", "2025-10-01"},
      // A run of capitalised words ending in a head noun is one organization;
      // a place opening it is part of its name, not a party.
      {"en", "Port deal\n\nPilbara Ports and Ulsan Port Authority signed a memorandum of understanding on hydrogen exports today.",
       "2025-06-05", {"Pilbara Ports", "Ulsan Port Authority"}, "memorandum_of_understanding", "signed", "2025-06-05"},
      // Over an inner "and" next to a field; a head, its link and an article.
      {"en", "Fuel cells\n\nThe Scottish Hydrogen and Fuel Cell Association and the University of the North Coast signed a "
             "memorandum of understanding on hydrogen today.",
       "2025-06-05", {"Scottish Hydrogen and Fuel Cell Association", "University of the North Coast"},
       "memorandum_of_understanding", "signed", "2025-06-05"},
      {"en", "Wind research\n\nThe Centre for Offshore Renewables and Kystnett signed a memorandum of understanding on offshore wind today.",
       "2025-06-05", {"Centre for Offshore Renewables", "Kystnett"}, "memorandum_of_understanding", "signed", "2025-06-05"},
      // A run ending in its head goes on over its link to a word no table
      // knows; a place opening it is part of the name.
      {"en", "Research\n\nThe Fukuoka Institute of Technology and the Kansai Chamber of Commerce signed a memorandum of "
             "understanding on hydrogen today.",
       "2025-06-05", {"Fukuoka Institute of Technology", "Kansai Chamber of Commerce"}, "memorandum_of_understanding", "signed",
       "2025-06-05"},
      // A city's name before a head alone names its body.
      {"nb", "Hydrogen\n\nStavanger Havn og Equinor har signert en intensjonsavtale om hydrogen i dag.",
       "2025-06-05", {"NO", "Port of Stavanger"}, "letter_of_intent", "signed", "2025-06-05"},
      // An organization's common noun and an adjective no table knows, then
      // a capitalised run: an organization.
      {"es", "Alianza\n\nLa naviera vizcaína Naviera Cantábrica y el grupo japonés Kaiyo Sangyo firmaron ayer en Bilbao una alianza estratégica de diez años.",
       "2025-06-05", {"Kaiyo Sangyo", "Naviera Cantábrica"}, "strategic_partnership", "signed", "2025-06-04"},
      // A news agency's dateline in capitals names where the news comes from.
      {"it", "Energia\n\n(NI24) - RIO DE JANEIRO, 18 NOV - Italia e India hanno firmato oggi un memorandum d'intesa sulla cooperazione nelle energie rinnovabili.",
       "2024-11-18", {"IN", "IT"}, "memorandum_of_understanding", "signed", "2024-11-18"},
      // Negotiations about an agreement are the act, the agreement its object.
      {"sv", "Förhandlingar om vätgas\n\nSverige och Tyskland inledde i dag förhandlingar om ett långsiktigt avtal om leveranser av grön vätgas.",
       "", {"DE", "SE"}, "negotiations", "negotiating", ""},
      // A negation inside a stage phrase is no hedge: the cooperation ended.
      {"nb", "Equinor og RWE\n\nEquinor går ikke videre med samarbeidet med RWE om blå hydrogen, bekreftet selskapet fredag.",
       "", {"DE", "NO"}, "other", "expired", ""},
      // Plans given up "together with" a partner: a cooperation that ended.
      {"nb", "Equinor og RWE\n\nEquinor går ikke videre med planene om å produsere blå hydrogen sammen med RWE, "
             "bekreftet selskapet fredag.",
       "", {"DE", "NO"}, "other", "expired", ""},
      // An agreement that ran out.
      {"nb", "Norge og Sverige\n\nAvtalen mellom Norge og Sverige om grønn skipsfart utløp i 2023.",
       "", {"NO", "SE"}, "other", "expired", "2023"},
      {"de", "Deutschland und Dänemark\n\nDas Abkommen zwischen Deutschland und Dänemark über Wasserstoff ist 2023 "
             "ausgelaufen.",
       "", {"DE", "DK"}, "cooperation_agreement", "expired", "2023"},
      // A cooperation told in the present with the other side named goes on
      // (split verbs too); with neither side named by name it is background.
      {"nl", "Waterstof\n\nNederland werkt daarnaast samen met Denemarken aan groene scheepvaart.",
       "", {"DK", "NL"}, "other", "ongoing", ""},
      {"de", "Wasserstoff\n\nDeutschland arbeitet zudem mit Dänemark bei der grünen Schifffahrt zusammen.",
       "", {"DE", "DK"}, "other", "ongoing", ""},
      {"sv", "Vätgas\n\nSverige samarbetar också med Japan om vätgas och havsbaserad vindkraft.",
       "", {"JP", "SE"}, "other", "ongoing", ""},
      {"en", "Hydrogen\n\nSweden also cooperates with Japan on hydrogen and offshore wind.",
       "", {"JP", "SE"}, "other", "ongoing", ""},
      {"en", "Hydrogen\n\nNorwegian and Japanese companies cooperate with each other on hydrogen.",
       "", {}, "", "", ""},
      // Capitals for their governments when every place named is one.
      {"de", "Protokoll unterzeichnet\n\nBrüssel und Tokio haben am Mittwoch ein Abkommen über den freien Datenverkehr unterzeichnet.",
       "2024-01-31", {"EU", "JP"}, "cooperation_agreement", "signed", "2024-01-31"},
      // Partners named in a relative clause after the one joining them: one
      // act of them all, not a pair per partner.
      {"es", "Corredor de hidrógeno\n\nAlemania se unirá al corredor de hidrógeno H2Med, que impulsan España, Francia y Portugal, anunció ayer el Gobierno.",
       "", {"DE", "ES", "FR", "PT"}, "platform", "announced", ""},
      // The unveiling ceremony of an MoU signed before is no act of its own.
      {"ja", "福岡県とニューサウスウェールズ州の式典\n\n福岡県とニューサウスウェールズ州は1月12日に覚書のお披露目式を行います。",
       "", {}, "", "", ""},
      // "European cooperation" says where, not with whom; "the alliance"
      // mentioned in passing opens no act of its own.
      {"nn", "Meir europeisk samarbeid for fylket\n\nAlliansen har med seg bedrifter, forskarar og styresmakter frå mange land.",
       "", {}, "", "", ""},
      // A dated agreement of two sides named by their leaders' titles is an
      // act without an instrument word; with no side named it is none.
      {"es", "Corredor de hidrógeno\n\nEl proyecto fue acordado el 20 de octubre de 2022 en Bruselas por el presidente francés y el primer ministro portugués.",
       "", {"FR", "PT"}, "other", "announced", "2022-10-20"},
      // The one side named founds a platform the page's actor joined: the
      // founder, not a side of an act with that actor.
      {"nn", "Møre og Romsdal er med i hydrogenalliansen\n\nEU-kommisjonen oppretta alliansen same året i samband "
             "med hydrogenstrategien til EU.",
       "", {}, "", "", ""},
      // "agreed on Friday": the "on" dates the agreeing; no signature.
      {"en", "Cleaner shipping\n\nNorway and South Korea agreed on Friday to expand their cooperation on green vessels.",
       "2016-04-15", {"KR", "NO"}, "other", "announced", "2016-04-15"},
      // "styrkar samarbeidet" strengthens, it extends no agreement; a joint
      // project ("samarbeidsprosjekt") is no cooperation agreement.
      {"nn", "Vestland styrkar samarbeidet med Bayern\n\nVestland fylkeskommune og Bayern vil starte fleire "
             "samarbeidsprosjekt om hydrogen.",
       "", {"DE-BY", "NO-46"}, "other", "announced", ""},
      // A plural country name in the dative among the parties of one act.
      {"de", "Windparks auf See\n\nDafür haben wir zwischen Deutschland, den Niederlanden und Dänemark eine Vereinbarung getroffen, damit mehr Windparks entstehen.",
       "", {"DE", "DK", "NL"}, "cooperation_agreement", "signed", ""},
      {"es", "Resultados del sector\n\nLos analistas del sector han acordado el 20 de octubre de 2022 una nueva metodología para medir el consumo.",
       "", {}, "", "", ""},
  };
  for (const Row& r : rows) {
    Extraction x = run(r.text, r.published);
    EXPECT_EQ(x.language, r.lang) << r.text;
    if (r.parties.empty()) {
      EXPECT_TRUE(x.events.empty()) << r.text;
      continue;
    }
    ASSERT_FALSE(x.events.empty()) << r.text;
    const Event& e = x.events[0];
    EXPECT_EQ(party_keys(e), r.parties) << r.text;
    EXPECT_EQ(e.instrument, r.instrument) << r.text;
    EXPECT_EQ(e.stage, r.stage) << r.text;
    EXPECT_EQ(e.date, r.date) << r.text;
    EXPECT_NE(std::string(r.text).find(e.evidence), std::string::npos) << "evidence is verbatim: " << e.evidence;
  }
}

// A stage word as near to a later date as to an earlier one states the
// later act: each date takes its own verb.
TEST(Extractor, HistoryStageWordBetweenTwoDatesIsTheLaterOnes) {
  Extraction x = run("L'accordo quadro\n\nL'accordo quadro tra l'Italia e il Giappone era stato firmato per la prima volta nel 2015 e rinnovato nel 2020.");
  EXPECT_EQ(dates_and_stages(x), (std::vector<std::pair<std::string, std::string>>{{"2015", "signed"}, {"2020", "renewed"}}));
}

// Running talks with a plan told after them: the plan's date is when the
// talks should end, no act of its own; the talks are dated by "nå".
// A wire's dateline day dates the report, not the act: the body's "on
// Wednesday" dates the talks agreed, one act with the lead's.
TEST(Extractor, DatelineDayDatesTheReportNotTheAct) {
  Extraction x = run("Japan, Canada to open talks on hydrogen pact\n\n"
                     "TOKYO, May 15 (Reuters) - Japan and Canada will start formal negotiations on a hydrogen supply pact, the two governments said on Thursday.\n\n"
                     "Japan's trade minister and Canada's energy minister agreed to launch the talks at a meeting in Tokyo on Wednesday.",
                     "2025-05-15");
  ASSERT_EQ(x.events.size(), 1u);
  EXPECT_EQ(x.events[0].instrument, "negotiations");
  EXPECT_EQ(x.events[0].date, "2025-05-14");
}

// Talks begun, paused and resumed, with nothing signed, are one act of
// talks going on, dated by their first start.
TEST(Extractor, TalksBegunPausedAndResumedAreOneAct) {
  Extraction x = run("Frihandel\n\nForhandlingene mellom Norge og India startet i 2008, ble lagt på is i noen år og har pågått igjen siden 2016.",
                     "2025-11-06");
  ASSERT_EQ(x.events.size(), 1u);
  EXPECT_EQ(x.events[0].instrument, "negotiations");
  EXPECT_EQ(x.events[0].stage, "negotiating");
  EXPECT_EQ(x.events[0].date, "2008");
}

TEST(Extractor, PlanAfterRunningTalksIsNoActOfItsOwn) {
  Extraction x = run(
      "Havvindsamarbeid\n\nNorge og Nederland forhandler nå om en samarbeidsavtale om havvind, som etter planen "
      "skal være klar til høsten.",
      "2025-05-21");
  ASSERT_EQ(x.events.size(), 1u);
  EXPECT_EQ(x.events[0].instrument, "negotiations");
  EXPECT_EQ(x.events[0].stage, "negotiating");
  EXPECT_EQ(x.events[0].date, "2025-05-21");
}

// Concluded talks ("ihre Verhandlungen über ... abgeschlossen", "concluded
// negotiations on"): their end is announced, nothing is signed.
TEST(Extractor, ConcludedTalksAreAnnouncedNotSigned) {
  struct R { const char* text; const char* date; } rows[] = {
      {"Abkommen\n\nDie EU und Japan hatten im Oktober 2023 ihre Verhandlungen über ein Kooperationsabkommen abgeschlossen.",
       "2023-10"},
      {"Talks\n\nNorway and Canada concluded negotiations on a cooperation agreement in May 2024.", "2024-05"},
  };
  for (const R& r : rows) {
    SCOPED_TRACE(r.text);
    Extraction x = run(r.text, "2025-08-27");
    ASSERT_FALSE(x.events.empty());
    EXPECT_EQ(x.events[0].stage, "announced");
    EXPECT_EQ(x.events[0].date, r.date);
  }
}

// A stage word before a date is its own when another follows it toward a
// later date: "conclu ... en 2017 et renouvelé en janvier 2024".
TEST(Extractor, HistoryStageWordBeforeItsDateIsItsOwn) {
  Extraction x = run(
      "Partenariat\n\nLe partenariat stratégique a été conclu entre la France et la Suède en 2017 et renouvelé en janvier 2024.",
      "2025-03-20");
  EXPECT_EQ(dates_and_stages(x), (std::vector<std::pair<std::string, std::string>>{{"2017", "signed"}, {"2024-01", "renewed"}}));
}

// A history of the act told before that names no instrument ("The
// cooperation ... began in 2013 and was last extended in 2020") is that act's.
TEST(Extractor, HistoryOfTheActBeforeTakesItsInstrument) {
  Extraction x = run(
      "Denmark and Vietnam extend energy cooperation\n\nThe Danish and Vietnamese energy ministries signed a new "
      "cooperation agreement in Hanoi on 23 April 2025.\n\nThe cooperation between the two ministries began in 2013 "
      "and was last extended in 2020.",
      "2025-04-24");
  ASSERT_EQ(x.events.size(), 3u);
  EXPECT_EQ(x.events[1].date, "2013");
  EXPECT_EQ(x.events[1].stage, "signed");
  EXPECT_EQ(x.events[1].instrument, "cooperation_agreement");
  EXPECT_EQ(x.events[2].date, "2020");
  EXPECT_EQ(x.events[2].stage, "extended");
  EXPECT_EQ(x.events[2].instrument, "cooperation_agreement");
}

// Talks for "a similar agreement" are talks: the kind is what they aim at.
TEST(Extractor, TalksForASimilarActStayTalks) {
  Extraction x = run(
      "Eolico in mare\n\nLa Regione Puglia e la Regione Sicilia hanno firmato ieri un accordo di cooperazione "
      "sull'eolico in mare.\n\nCon la Regione Calabria sono in corso colloqui per un accordo analogo.",
      "2025-06-13");
  ASSERT_EQ(x.events.size(), 2u);
  EXPECT_EQ(x.events[1].instrument, "negotiations");
  EXPECT_EQ(x.events[1].stage, "negotiating");
}

// A sentence opening on the kind of an act told before (a quote between)
// states the other instrument it names, made by that act's sides.
TEST(Extractor, OpeningOnAnEarlierActStatesTheOtherInstrument) {
  Extraction x = run(
      "Scotland and Bavaria sign grid memorandum\n\nScotland and Bavaria signed a memorandum of understanding on "
      "electricity grids in Munich on Tuesday.\n\n\"This agreement opens a route for our ports to partners across "
      "the Baltic Sea,\" the minister said.\n\nThe memorandum follows a joint declaration on hydrogen which the two "
      "governments signed in Glasgow in 2022.",
      "2025-09-18");
  ASSERT_EQ(x.events.size(), 2u);
  EXPECT_EQ(x.events[1].instrument, "joint_declaration");
  EXPECT_EQ(x.events[1].date, "2022");
  EXPECT_EQ(party_keys(x.events[1]), party_keys(x.events[0]));
}

// "..., a director said at the signing ceremony": the speech's occasion
// is the page's act, no act of its own.
TEST(Extractor, SigningCeremonyOfASpeechIsNoAct) {
  Extraction x = run(
      "JOGMEC signs lithium deal with Jujuy\n\nTOKYO, May 5 - Japan's resources agency JOGMEC signed a memorandum of "
      "understanding with the government of Argentina's Jujuy province on Monday to work together on lithium.\n\n"
      "The province already hosts two lithium mines.\n\n\"Japan needs steady partners for the metals its carmakers "
      "use,\" a JOGMEC director said at the signing ceremony in San Salvador de Jujuy.",
      "2025-05-05");
  EXPECT_EQ(x.events.size(), 1u);
}

// "Of the kind" after an instrument makes it the kind of the act before;
// "the first of its kind" after a name is the sentence's own act.
TEST(Extractor, FirstOfItsKindKeepsItsOwnInstrument) {
  Extraction x = run(
      "Hidrógeno\n\nAndalucía y Baviera esperan firmar en junio un acuerdo marco sobre hidrógeno verde.\n\n"
      "La iniciativa se enmarca en la Asociación Verde que la Unión Europea y Marruecos firmaron en octubre de 2022, "
      "la primera de este tipo suscrita por la UE con un país socio.",
      "2025-03-13");
  auto it = std::find_if(x.events.begin(), x.events.end(), [](const Event& e) { return e.date == "2022-10"; });
  ASSERT_NE(it, x.events.end());
  EXPECT_EQ(it->instrument, "strategic_partnership");
}

// A place before a company's own name and legal form is its seat ("Bremer
// Nordhafen Bunkering GmbH"); a name joined by "and" to an unknown word is two.
TEST(Extractor, HeadFinalNamesStopAtSeatsAndOtherNames) {
  Extraction x = run("Bunkering\n\nDie Bremer Nordhafen Bunkering GmbH und die Kaiun Green Fuels K.K. haben heute eine "
                     "Absichtserklärung über Ammoniak unterzeichnet.",
                     "2025-06-05");
  EXPECT_TRUE(std::find(x.organizations.begin(), x.organizations.end(), "Nordhafen Bunkering") != x.organizations.end());
  Extraction y = run("Deal\n\nKystnett and Statnett Association signed a memorandum of understanding on hydrogen today.", "2025-06-05");
  EXPECT_TRUE(std::find(y.organizations.begin(), y.organizations.end(), "Kystnett and Statnett Association") == y.organizations.end());
}

// A known organization ending a longer name after a place and a word is not
// itself named: "Australian Renewable Hydrogen Council" is not the Hydrogen Council.
TEST(Extractor, KnownOrganizationEndingALongerNameIsNotNamed) {
  Extraction x = run("Hydrogen\n\nEquinor and the Australian Renewable Hydrogen Council signed a memorandum of understanding "
                     "on hydrogen today.",
                     "2025-06-05");
  ASSERT_FALSE(x.events.empty());
  EXPECT_EQ(party_keys(x.events[0]), (std::vector<std::string>{"Australian Renewable Hydrogen Council", "NO"}));
  EXPECT_TRUE(std::find(x.organizations.begin(), x.organizations.end(), "Hydrogen Council") == x.organizations.end());
}

// A head word named with its link ("Politecnico di Torino") and later with
// an article alone ("Il Politecnico") is the same organization.
TEST(Extractor, HeadWordWithArticleIsTheOrganizationNamedBefore) {
  Extraction x = run(
      "Accordo quadro\n\nIl Politecnico di Torino e la Tohoku University hanno rinnovato ieri l'accordo quadro di collaborazione.\n\n"
      "Il Politecnico ha inoltre avviato negoziati con il Korea Institute of Energy Research per una lettera d'intenti sull'idrogeno.",
      "2025-10-02");
  auto it = std::find_if(x.events.begin(), x.events.end(), [](const Event& e) { return e.instrument == "negotiations"; });
  ASSERT_NE(it, x.events.end());
  const auto keys = party_keys(*it);
  EXPECT_NE(std::find(keys.begin(), keys.end(), "Politecnico di Torino"), keys.end());
}

// A Japanese company release: the issuer named before its legal form and
// its partners (before "社", an acronym before katakana words), in English
// word by word (org_word.tsv, readings: 北陸 Hokuriku); "当社" is the issuer
// in a sentence naming an instrument; the head office (a city written on
// after its prefecture too), a partner's seat before "の" (over "州政府系")
// and a market before "向け" are no parties.
TEST(Extractor, JapaneseCompanyReleaseNamesTheCompanies) {
  Extraction x = run(
      "アンモニア供給に関する覚書を締結\n\n"
      "北陸グリーンエナジー株式会社（本社：富山県富山市、以下「当社」）は、2025年3月3日、インドネシア・東ジャワ州の"
      "Kaltim Ammonia社と、アンモニアの製造および日本向け輸出に関する覚書を締結しました。\n\n"
      "当社は2022年5月、東ジャワ州政府系のJTMエナジーと、水素の輸送に関する基本合意書を締結しています。",
      "2025-03-05");
  for (const char* name : {"Hokuriku Green Energy", "Kaltim Ammonia", "JTM Energy"}) {
    EXPECT_NE(std::find(x.organizations.begin(), x.organizations.end(), name), x.organizations.end()) << name;
  }
  ASSERT_EQ(x.events.size(), 2u);
  EXPECT_EQ(x.events[0].date, "2025-03-03");
  EXPECT_EQ(party_keys(x.events[0]), (std::vector<std::string>{"Hokuriku Green Energy", "Kaltim Ammonia"}));
  EXPECT_EQ(x.events[1].date, "2022-05");
  EXPECT_EQ(party_keys(x.events[1]), (std::vector<std::string>{"Hokuriku Green Energy", "JTM Energy"}));
}

// A Japanese body named by a head word and words all in the tables (places,
// org_word.tsv rows), in English: "アルバータ大学" is University of Alberta,
// and the places inside the names are no parties.
TEST(Extractor, JapaneseBodiesNamedFromTheTables) {
  Extraction x = run("研究協力\n\n北海道立総合研究機構とアルバータ大学は9月3日、水素の共同研究に関する覚書を締結しました。",
                     "2025-10-09");
  ASSERT_FALSE(x.events.empty());
  EXPECT_EQ(party_keys(x.events[0]),
            (std::vector<std::string>{"Hokkaido General Research Organization", "University of Alberta"}));
}

// A title dated by its publication day and the body's "last week" report
// one act, dated by the body.
TEST(Extractor, TitleAndLastWeekAreOneAct) {
  Extraction x = run(
      "Rinnovato l'accordo quadro tra Italia e Giappone sull'idrogeno\n\n"
      "L'Italia e il Giappone hanno rinnovato la settimana scorsa l'accordo quadro sull'idrogeno per altri cinque anni.",
      "2025-10-02");
  ASSERT_EQ(x.events.size(), 1u);
  EXPECT_EQ(x.events[0].date, "2025-09");
  // The same with the title's sectors, which make the title's act the one kept.
  Extraction y = run(
      "Idrogeno e batterie: rinnovato l'accordo quadro tra Italia e Giappone\n\n"
      "L'Italia e il Giappone hanno rinnovato la settimana scorsa l'accordo quadro per altri cinque anni.",
      "2025-10-02");
  ASSERT_EQ(y.events.size(), 1u);
  EXPECT_EQ(y.events[0].date, "2025-09");
}

TEST(Extractor, HistorySentenceGivesOneEventPerDatedAct) {
  Extraction x = run("Fukushima und NRW\n\nSeit 2014 gibt es eine von Nordrhein-Westfalen und der Präfektur Fukushima unterzeichnete Absichtserklärung, die man 2017 verlängert hat und die im Frühjahr 2021 erneuert werden soll.");
  EXPECT_EQ(dates_and_stages(x),
            (std::vector<std::pair<std::string, std::string>>{{"2014", "signed"}, {"2017", "extended"}, {"2021", "planned"}}));
}

// Two formal instruments joined by "and" in one sentence are two acts.
TEST(Extractor, JoinedInstrumentsAreTwoActs) {
  Extraction x = run("EU und Japan\n\nDie Europäische Union und Japan haben im Juli 2018 ein Handelsabkommen unterzeichnet, zusammen mit einem Abkommen über eine strategische Partnerschaft.");
  ASSERT_EQ(x.events.size(), 2u);
  EXPECT_EQ(x.events[0].instrument, "trade_agreement");
  EXPECT_EQ(x.events[1].instrument, "cooperation_agreement");
  for (const Event& e : x.events) {
    EXPECT_EQ(party_keys(e), (std::vector<std::string>{"EU", "JP"}));
    EXPECT_EQ(e.stage, "signed");
    EXPECT_EQ(e.date, "2018-07");
  }
}

// Who acts where the sentence names one side: a place joined to a venue
// ("in Bremerhaven und Yokohama") is a venue too; the other side is the
// lead's actor of another country; negotiating "since" is negotiating.
TEST(Extractor, VenuesAndTheOtherSide) {
  Extraction x = run("Bremer Unternehmen und japanischer Partner\n\nDie Nordhafen Ammonia Bunkering GmbH und die Kaiun Green Fuels K.K. unterzeichneten am Mittwoch eine Absichtserklärung.\n\n"
                     "Über einen Liefervertrag für das Bunkern in Bremerhaven und Yokohama verhandeln die Partner bereits seit Anfang des Jahres.",
                     "2025-06-12");
  ASSERT_EQ(x.events.size(), 2u);
  EXPECT_EQ(x.events[1].instrument, "negotiations");
  EXPECT_EQ(x.events[1].stage, "negotiating");
  for (const Party& p : x.events[1].parties) EXPECT_NE(p.name, "Yokohama");
  Extraction y = run("NRW und Fukushima\n\nDie Präfektur Fukushima und das Land Nordrhein-Westfalen setzen ihre Kooperation fort.\n\n"
                     "Am Vortag hatte Gouverneur Uchibori eine erneuerte Absichtserklärung mit der Freien und Hansestadt Hamburg unterzeichnet.",
                     "2023-04-26");
  auto hamburg = std::find_if(y.events.begin(), y.events.end(), [](const Event& e) {
    return party_keys(e) == std::vector<std::string>{"DE-HH", "JP-07"};
  });
  ASSERT_NE(hamburg, y.events.end());
  EXPECT_EQ(hamburg->stage, "renewed");
}

// A country named before "in" and a city of its own: the city is a venue,
// the country stays a party (not the city's locator, which would leave one
// side and bring in the lead's region of that country).
TEST(Extractor, CountryBeforeAVenueOfItsOwnStaysAParty) {
  Extraction x = run("Bayern und Rogaland vereinbaren engere Zusammenarbeit\n\n"
                     "Bereits im Januar 2023 hatten Deutschland und Norwegen in Bergen eine strategische Partnerschaft vereinbart.",
                     "2025-11-11");
  auto partnership = std::find_if(x.events.begin(), x.events.end(), [](const Event& e) { return e.date == "2023-01"; });
  ASSERT_NE(partnership, x.events.end());
  EXPECT_EQ(party_keys(*partnership), (std::vector<std::string>{"DE", "NO"}));
}

// One instrument signed on one date by a hub with several partners is one
// act of them all; "des" (determiner label "several") before the instrument
// says there are several acts, one with each partner.
TEST(Extractor, OneSigningWithSeveralPartnersIsOneAct) {
  Extraction x = run("Italia e Giappone\n\nNel marzo 2022 l'Italia aveva firmato con Giappone, Canada e Australia un memorandum sull'idrogeno.",
                     "2025-01-10");
  auto dated = std::find_if(x.events.begin(), x.events.end(), [](const Event& e) { return e.date == "2022-03"; });
  ASSERT_NE(dated, x.events.end());
  EXPECT_EQ(party_keys(*dated), (std::vector<std::string>{"AU", "CA", "IT", "JP"}));
  Extraction y = run("L'Union européenne et le Chili\n\nL'Union européenne avait conclu des partenariats avec le Canada et la Namibie en mars 2022.",
                     "2025-01-10");
  int pairs = 0;
  for (const Event& e : y.events) pairs += e.date == "2022-03" && e.parties.size() == 2;
  EXPECT_EQ(pairs, 2);
}

// A country whose own name ends in s ("Sveits") is no genitive: listed
// among several parties it stays one.
TEST(Extractor, NameEndingInSIsNoGenitive) {
  Extraction x = run("Norge og India\n\nNorge, Sveits, Island og Liechtenstein signerte en felles erklæring om hydrogen.", "2025-01-10");
  ASSERT_FALSE(x.events.empty());
  EXPECT_EQ(party_keys(x.events.back()), (std::vector<std::string>{"CH", "IS", "LI", "NO"}));
}

// A name after a lower-case noun for a cluster or a shipyard is the
// organization, sector words in it included ("Maritime"): the parties, not
// the countries of the page's title.
TEST(Extractor, NameAfterAClusterOrShipyardNounIsTheParty) {
  Extraction x = run("Norge og India\n\nPå mandag signerte den maritime klyngen Nordvik Ocean Maritime og verftet Malabar Shipyard "
                     "en intensjonsavtale om hydrogen.", "2025-01-10");
  ASSERT_EQ(x.events.size(), 1u);
  std::vector<std::string> names;
  for (const Party& p : x.events[0].parties) names.push_back(p.name);
  EXPECT_EQ(names, (std::vector<std::string>{"Nordvik Ocean Maritime", "Malabar Shipyard"}));
  Extraction y = run("Sverige och Indien\n\nI går undertecknade klustret Nordvik Battery och varvet Malabar Shipyard en avsiktsförklaring om vätgas.",
                     "2025-01-10");
  ASSERT_EQ(y.events.size(), 1u);
  EXPECT_EQ(y.events[0].parties.size(), 2u);
  for (const Party& p : y.events[0].parties) EXPECT_EQ(p.kind, "organization");
}

// A name in another language's words inside a Swedish text ("Universidad
// de Valparaíso") is read by that language's head and link words and given
// in English; a place in the text's genitive ends it, and a hyphenated
// surname before "och" is no organization of the list.
TEST(Extractor, ForeignLanguageNameIsOneOrganization) {
  Extraction x = run("Chalmers och Chile\n\nChalmers tekniska högskola och Universidad de Valparaíso har tecknat en avsiktsförklaring om "
                     "vätgas.\n\nAvsiktsförklaringen undertecknades av Chalmers rektor Anna Berg-Lundqvist och Universidad de Valparaísos "
                     "rektor Osvaldo Corrales.",
                     "2025-03-05");
  ASSERT_EQ(x.events.size(), 1u);
  const std::vector<std::string> names = party_names(x.events[0]);
  EXPECT_EQ(names, (std::vector<std::string>{"Chalmers University of Technology", "University of Valparaíso"}));
  EXPECT_EQ(x.organizations, (std::vector<std::string>{"Chalmers University of Technology", "University of Valparaíso"}));
}

// A legal form closing a name is no part of it ("Hanbit Anode Co., Ltd.").
TEST(Extractor, LegalFormIsNoPartOfTheName) {
  Extraction x = run("Letter of intent\n\nTidewater Cells Inc. signed a letter of intent with Hanbit Anode Co., Ltd. on battery recycling.",
                     "2025-03-05");
  ASSERT_EQ(x.events.size(), 1u);
  const std::vector<std::string> names = party_names(x.events[0]);
  EXPECT_EQ(names, (std::vector<std::string>{"Hanbit Anode", "Tidewater Cells"}));
}

// "in Truro, Nova Scotia": the province after a comma says where the venue
// is, no party; "a New Delhi, l'Italia aveva firmato" keeps Italy.
TEST(Extractor, RegionAfterAVenueAndACommaIsNoParty) {
  Extraction y = run("Letter of intent\n\nTidewater Cells Inc. today announced that it has signed a letter of intent with Hanbit Anode "
                     "Co., Ltd., a Korean producer, to study a recycling plant in Truro, Nova Scotia.",
                     "2025-03-05");
  ASSERT_EQ(y.events.size(), 1u);
  for (const Party& p : y.events[0].parties) EXPECT_EQ(p.kind, "organization") << p.name;
  Extraction z = run("Italia e India\n\nNel settembre 2023, a New Delhi, l'Italia aveva firmato con India e Francia un memorandum d'intesa "
                     "sul corridoio economico.",
                     "2025-03-05");
  ASSERT_FALSE(z.events.empty());
  EXPECT_EQ(party_keys(z.events[0]), (std::vector<std::string>{"FR", "IN", "IT"}));
}

// A place right before a company the rules found, joined by "の" ("マレーシ
// アのNordvik Ammonia Sdn. Bhd."), says where the company is: no party. (The
// Latin legal form ends no Japanese sentence: ja/abbreviations.txt.)
TEST(Extractor, PlaceBeforeAnUnknownCompanyIsItsSeat) {
  Extraction x = run("覚書\n\n北海道は2025年6月24日、マレーシアのNordvik Ammonia Sdn. Bhd.と覚書を締結しました。", "2025-06-25");
  ASSERT_EQ(x.events.size(), 1u);
  const std::vector<std::string> names = party_names(x.events[0]);
  EXPECT_EQ(names, (std::vector<std::string>{"Hokkaido", "Nordvik Ammonia"}));
}

// A body every city has, before a list of cities that repeats the link word
// ("le autorità portuali di Bari e di Patrasso"), is each city's body; a
// colon opens the clause as a comma does.
TEST(Extractor, PortAuthoritiesOfTwoCitiesAreTwoParties) {
  Extraction x = run("Porti\n\nUn legame antico: le autorità portuali di Bari e di Patrasso avevano firmato nel 2016 un accordo di "
                     "cooperazione sui collegamenti marittimi.",
                     "2025-06-13");
  ASSERT_EQ(x.events.size(), 1u);
  const std::vector<std::string> names = party_names(x.events[0]);
  EXPECT_EQ(names, (std::vector<std::string>{"Port Authority of Bari", "Port Authority of Patras"}));
}

// In German every noun has a capital: a place, lower-case words and two
// capitalised nouns ("Deutschland wird auch in Zukunft Energie") are no
// description of a company; a trade noun makes one ("der Hamburger
// Energieimporteur Nordwind Energie", de/org_head.tsv).
TEST(Extractor, CapitalisedNounsAfterAPlaceAreNoName) {
  Extraction x = run("Wasserstoff\n\nDeutschland und Brasilien unterzeichneten am Dienstag eine Absichtserklärung über Wasserstoff. "
                     "«Deutschland wird auch in Zukunft Energie importieren müssen», sagte die Ministerin.",
                     "2025-08-27");
  EXPECT_TRUE(std::find(x.organizations.begin(), x.organizations.end(), "Zukunft Energie") == x.organizations.end());
}

// A single word listed with an organization keeps no elided article:
// "L'AVERE et la ... Organization" names AVERE.
TEST(Extractor, ListedWordWithoutItsElidedArticle) {
  Extraction x = run("Accord\n\nL'AVERE et la New Energy and Industrial Technology Development Organization (NEDO), agence japonaise, "
                     "ont renouvelé mardi à Tokyo leur accord de coopération pour une durée de quatre ans.",
                     "2025-04-01");
  ASSERT_EQ(x.events.size(), 1u);
  EXPECT_TRUE(has_party(x.events[0], "AVERE"));
}

// A name after an organization noun goes on over a hyphen ("die
// Bergbaugesellschaft Tau-Ken Samruk"), not cut at its first part.
TEST(Extractor, HyphenatedNameAfterANounIsWhole) {
  Extraction x = run("Absichtserklärung\n\nAm Mittwoch unterzeichneten das Leipziger Unternehmen Erzring Metall GmbH und die staatliche "
                     "Bergbaugesellschaft Aral-Ken Samruk eine Absichtserklärung über Wolfram.",
                     "2025-09-25");
  ASSERT_EQ(x.events.size(), 1u);
  EXPECT_TRUE(has_party(x.events[0], "Aral-Ken Samruk"));
}

// An organization introduced by a noun and a demonym ("el grupo japonés Mori
// Kaisen") is what the same description names later with no name after it.
TEST(Extractor, DescriptionNamesTheOrganizationItIntroduced) {
  Extraction x = run("Una naviera y un grupo japonés\n\nLa naviera gallega Transportes Miño y el grupo japonés Mori Kaisen firmaron el martes "
                     "una alianza estratégica.\n\nEl grupo japonés negocia además desde abril con la Xunta de Galicia un memorando sobre hidrógeno.",
                     "2025-06-05");
  ASSERT_EQ(x.events.size(), 2u);
  EXPECT_TRUE(has_party(x.events[1], "Mori Kaisen"));
  EXPECT_EQ(x.events[1].instrument, "negotiations");
}

// A description with no name after it names an organization told before:
// with a demonym, the one the same noun and demonym introduced, else the one
// of that country named before ("l'agence japonaise" after "NEDO, agence
// japonaise ..."); with none, opening its sentence or joined by "and" to a
// named organization, the one its noun introduced ("La naviera ..."), else
// the one named before with that word in its name ("JOGMEC and the agency").
TEST(Extractor, DescriptionNamesTheOrganizationOfItsCountryOrNoun) {
  auto names_dated = [](const Extraction& x, const std::string& date) {
    std::vector<std::string> names;
    for (const Event& e : x.events) {
      if (e.date != date) continue;
      for (const Party& p : e.parties) names.push_back(p.name);
    }
    std::sort(names.begin(), names.end());
    return names;
  };
  const std::string nedo = "New Energy and Industrial Technology Development Organization";
  Extraction en = run("France and Japan agencies renew hydrogen pact\n\nThe French agency ADEME and the Japanese agency NEDO renewed "
                      "their cooperation agreement in Tokyo on Tuesday.\n\nThe Japanese agency also signed a memorandum of "
                      "understanding with Denmark in 2019.",
                      "2025-04-03");
  EXPECT_EQ(names_dated(en, "2019"), (std::vector<std::string>{"Denmark", nedo}));
  Extraction fr = run("L'ADEME et NEDO renouvellent leur coopération\n\nL'ADEME et la New Energy and Industrial Technology Development "
                      "Organization (NEDO), agence japonaise de l'innovation, ont renouvelé mardi à Tokyo leur accord de coopération."
                      "\n\nL'agence japonaise avait signé en 2019 un protocole d'accord avec le Danemark.",
                      "2025-04-03");
  EXPECT_EQ(names_dated(fr, "2019"), (std::vector<std::string>{"Denmark", nedo}));
  Extraction joined = run("Japan and Korea agree on hydrogen\n\nJapan and South Korea agreed on Thursday to open negotiations on a "
                          "hydrogen agreement.\n\nEarlier, JOGMEC signed a memorandum of understanding on joint exploration with the "
                          "Korea Energy Agency.\n\nJOGMEC and the agency had already signed a data-sharing agreement in 2021.",
                          "2025-02-20");
  EXPECT_EQ(names_dated(joined, "2021"),
            (std::vector<std::string>{"Japan Organization for Metals and Energy Security", "Korea Energy Agency"}));
  Extraction es = run("Una naviera gallega y un grupo japonés\n\nLa naviera gallega Transportes Miño y el grupo japonés Mori Kaisen "
                      "firmaron el martes una alianza estratégica.\n\nLa naviera firmó en 2023 un acuerdo de colaboración con "
                      "Dinamarca para el transporte de gas.",
                      "2025-06-05");
  EXPECT_EQ(names_dated(es, "2023"), (std::vector<std::string>{"Denmark", "Transportes Miño"}));
  // The one named with the noun in its name, not the one the gazetteer
  // knows of that country.
  Extraction word = run("Norway and Japan\n\nOcean Hyway Cluster and the Norwegian company Equinor met NEDO in Oslo.\n\n"
                        "The Norwegian cluster signed a memorandum of understanding with Denmark in 2019.",
                        "2025-04-03");
  EXPECT_EQ(names_dated(word, "2019"), (std::vector<std::string>{"Denmark", "Ocean Hyway Cluster"}));
  // "同機構" (the said 機構): the one named before with that head word.
  Extraction ja = run("鉱物協定へ交渉入り\n\n日本とフィリピンの両政府は、重要鉱物に関する協定の交渉入りで一致した。\n\n"
                      "エネルギー・金属鉱物資源機構（JOGMEC）は3月、プルタミナとの間で覚書に署名した。\n\n"
                      "同機構は2019年にもデンマークと覚書を締結している。",
                      "2025-02-20");
  EXPECT_EQ(names_dated(ja, "2019"), (std::vector<std::string>{"Denmark", "Japan Organization for Metals and Energy Security"}));
}

// The state of a witness ("in the presence of the ambassador of Germany")
// is no party of the act signed before it.
TEST(Extractor, WitnessesStateIsNoParty) {
  Extraction x = run("Danish and Korean agencies renew ties\n\nThe Danish Energy Agency and the Korea Energy Agency renewed their "
                     "cooperation agreement on Monday.\n\nThe agreement was signed by Lee Min-ho, president of the Korea Energy "
                     "Agency, in the presence of the ambassador of Germany to Korea.",
                     "2025-04-03");
  ASSERT_FALSE(x.events.empty());
  for (const Event& e : x.events) {
    for (const Party& p : e.parties) EXPECT_NE(p.name, "Germany");
  }
}

// "The Japanese side" (group_ref side by a demonym) after an act between
// organizations is the one of them of that country, not the state.
TEST(Extractor, SideOfACountryAfterAnActOfOrganizationsIsItsOrganization) {
  Extraction x = run("Hydrogen pact renewed\n\nADEME and NEDO renewed their cooperation agreement in Tokyo on Tuesday.\n\n"
                     "The Japanese side had already signed a memorandum of understanding with Denmark in 2019.",
                     "2025-04-03");
  auto it = std::find_if(x.events.begin(), x.events.end(), [](const Event& e) { return e.date == "2019"; });
  ASSERT_NE(it, x.events.end());
  std::vector<std::string> names;
  for (const Party& p : it->parties) names.push_back(p.name);
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"Denmark", "New Energy and Industrial Technology Development Organization"}));
}

// The one organization named keeps its place: its own state, filled in from
// the main actors, does not replace it; and an organization described beside
// it that no name resolves ("JOGMEC and the bureau") lets no main actor stand
// in for the other side.
TEST(Extractor, NoStateStandsInForAnOrganization) {
  Extraction x = run("Japan and Peru agree on copper\n\nJapan and Peru agreed on Thursday to open negotiations on a copper "
                     "agreement.\n\nJOGMEC signed a memorandum of understanding on joint exploration in 2023.\n\nJOGMEC and the "
                     "bureau had already signed a data-sharing agreement in 2021.",
                     "2025-02-20");
  auto dated = [&](const std::string& date) {
    return std::find_if(x.events.begin(), x.events.end(), [&](const Event& e) { return e.date == date; });
  };
  ASSERT_NE(dated("2023"), x.events.end());
  std::vector<std::string> names;
  for (const Party& p : dated("2023")->parties) names.push_back(p.name);
  EXPECT_NE(std::find(names.begin(), names.end(), "Japan Organization for Metals and Energy Security"), names.end());
  EXPECT_EQ(dated("2021"), x.events.end());
  Extraction y = run("Japan and Peru agree on copper\n\nJapan and Peru agreed on Thursday to open negotiations on a copper "
                     "agreement.\n\nJOGMEC and the Peruvian bureau had already signed a data-sharing agreement in 2021.",
                     "2025-02-20");
  for (const Event& e : y.events) EXPECT_NE(e.date, "2021");
}

// "the island of Bali": Iceland's Nordic and German name matches only in
// capitals (data/actors/name_rules.tsv).
TEST(Extractor, LowerCaseIslandIsNoIceland) {
  Extraction x = run("EU and Indonesia\n\nThe EU trade commissioner and Indonesia's minister signed a joint statement at a ceremony on the island of Bali.",
                     "2025-09-23");
  ASSERT_EQ(x.events.size(), 1u);
  EXPECT_EQ(party_keys(x.events[0]), (std::vector<std::string>{"EU", "ID"}));
}

// Agencies that sign beside their states are parties of their own
// (data/actors): "der Deutschen Rohstoffagentur (DERA)", not Germany.
TEST(Extractor, AgencyNamedInTheGenitiveIsTheParty) {
  Extraction x = run("Deutschland und Chile\n\nIm Jahr 2019 unterzeichneten die Deutsche Rohstoffagentur (DERA) und das chilenische Bergbauministerium "
                     "eine Absichtserklärung über Lithium.", "2025-09-17");
  ASSERT_FALSE(x.events.empty());
  EXPECT_TRUE(has_party(x.events.back(), "German Mineral Resources Agency"));
}

// A region after an organization, over a genitive article and a demonym
// ("der japanischen Präfektur Toyama"), is where it is, not a party.
TEST(Extractor, RegionInTheGenitiveAfterAnOrganizationIsItsSeat) {
  Extraction x = run("Cluster aus Japan und Frankreich\n\nIm Januar unterzeichneten der Hokuriku Food Cluster der japanischen Präfektur Toyama "
                     "und der Valorial Cluster eine Absichtserklärung.", "2025-02-01");
  ASSERT_EQ(x.events.size(), 1u);
  std::vector<std::string> names;
  for (const Party& p : x.events[0].parties) names.push_back(p.name);
  EXPECT_EQ(names, (std::vector<std::string>{"Hokuriku Food Cluster", "Valorial Cluster"}));
}

// A ministry of another state named by its fields, the state in the
// genitive before it, is an organization in English: its fields are read
// over "og" and commas between org_word rows, not over a place.
TEST(Extractor, ForeignMinistryByItsFieldsIsAnOrganization) {
  Extraction x = run("Ny aftale\n\nEnergistyrelsen og Chiles Ministerium for Energi, Klima og Miljø underskrev tirsdag en aftale om brint.",
                     "2025-02-01");
  ASSERT_EQ(x.events.size(), 1u);
  std::vector<std::string> names;
  for (const Party& p : x.events[0].parties) names.push_back(p.name);
  EXPECT_EQ(names, (std::vector<std::string>{"Danish Energy Agency", "Ministry of Energy, Climate and Environment of Chile"}));
  Extraction y = run("Ny aftale\n\nUniversitetet i Bergen og Aarhus Universitet underskrev tirsdag en aftale om brint.", "2025-02-01");
  ASSERT_EQ(y.events.size(), 1u);
  EXPECT_EQ(y.events[0].parties.size(), 2u);
  // A list of fields cut short by a word no row has is no name; a field
  // word alone after a place is no head ("Nordhafen Energie" stays).
  Extraction z = run("Neue Vereinbarung\n\nDas Niedersächsische Ministerium für Wirtschaft, Verkehr, Bauen und Digitalisierung "
                     "und die Nordhafen Energie GmbH unterzeichneten am Dienstag eine Absichtserklärung über Wasserstoff.", "2025-02-01");
  for (const std::string& o : z.organizations) EXPECT_EQ(o.find("Ministerium"), std::string::npos) << o;
  for (const std::string& o : z.organizations) EXPECT_EQ(o.find("Energy"), std::string::npos) << o;
}

// A ministry named by its fields with its state after them over a link
// word: the state is its seat, part of its name, no party of its own.
TEST(Extractor, ForeignMinistryWithItsSeatAfterItsFields) {
  Extraction x = run("Nuevo acuerdo\n\nEl IDAE y el Ministerio de Industria y Comercio de Vietnam firmaron el martes un acuerdo "
                     "sobre hidrógeno.",
                     "2025-02-01");
  ASSERT_EQ(x.events.size(), 1u);
  std::vector<std::string> names;
  for (const Party& p : x.events[0].parties) names.push_back(p.name);
  EXPECT_EQ(names, (std::vector<std::string>{"Institute for the Diversification and Saving of Energy",
                                             "Ministry of Industry and Trade of Vietnam"}));
  Extraction y = run("Novo acordo\n\nA ADENE e o Ministério da Indústria e Comércio do Vietname assinaram na terça-feira um "
                     "acordo sobre hidrogénio.",
                     "2025-02-01");
  ASSERT_EQ(y.events.size(), 1u);
  ASSERT_EQ(y.events[0].parties.size(), 2u);
  EXPECT_EQ(y.events[0].parties[1].name, "Ministry of Industry and Trade of Vietnam");
}

// Beside states and no organization, a state's ministry named by its
// fields acts for its state; beside an agency it is a side of its own.
TEST(Extractor, ForeignMinistryBesideAStateIsItsState) {
  for (const char* text : {"Ny aftale\n\nDanmark og Vietnams Ministerium for Industri og Handel underskrev tirsdag en aftale om brint.",
                           "Nuevo acuerdo\n\nEspaña y el Ministerio de Industria y Comercio de Vietnam firmaron el martes un "
                           "acuerdo sobre hidrógeno."}) {
    Extraction x = run(text, "2025-02-01");
    ASSERT_EQ(x.events.size(), 1u) << text;
    std::vector<std::string> kinds;
    for (const Party& p : x.events[0].parties) kinds.push_back(p.kind + ":" + p.country);
    EXPECT_EQ(kinds, (std::vector<std::string>{"country:" + x.events[0].parties[0].country, "country:VN"})) << text;
  }
  Extraction y = run("New agreement\n\nThe Danish Energy Agency and Vietnam's Ministry of Industry and Trade signed an agreement on "
                     "hydrogen on Tuesday.",
                     "2025-02-01");
  ASSERT_EQ(y.events.size(), 1u);
  ASSERT_EQ(y.events[0].parties.size(), 2u);
  EXPECT_EQ(y.events[0].parties[1].name, "Ministry of Industry and Trade of Vietnam");
}

// A chemical formula after a demonym ("polsk CO2") is a substance, no
// organization; organizations listed after an owner phrase ("som eies av
// Equinor, Shell og TotalEnergies") own a body and are no sides of its act.
TEST(Extractor, FormulaIsNoNameAndOwnersAreNoSides) {
  Extraction x = run("Norge og Polen skal forhandle om lagring av polsk CO2 på norsk sokkel\n\nNorge og Polen ble i går enige om å "
                     "innlede forhandlinger om en avtale om CO2.",
                     "2025-03-12");
  for (const std::string& o : x.organizations) EXPECT_NE(o, "CO2");
  Extraction y = run("Ny avtale\n\nNorthern Lights, lagringsprosjektet som eies av Equinor, Shell og TotalEnergies, inngikk i fjor "
                     "en intensjonsavtale med det polske sementselskapet Cementownia Wisła om lagring av CO2.",
                     "2025-03-12");
  ASSERT_FALSE(y.events.empty());
  std::vector<std::string> names;
  for (const Party& p : y.events[0].parties) names.push_back(p.name);
  EXPECT_EQ(names, (std::vector<std::string>{"Northern Lights", "Cementownia Wisła"}));
}

// A name before the words and the noun that describe it ("the Propulsion
// Québec electric and smart transportation cluster") is an organization,
// the place in it part of its name; an acronym in brackets after a name
// ("(MPA)") is that organization where the text writes it alone.
TEST(Extractor, NameBeforeItsDescriptionAndAcronymAlone) {
  Extraction x = run("Battery plans\n\nNordvolt Materials is a member of the Propulsion Québec electric and smart transportation "
                     "cluster.",
                     "2025-04-08");
  EXPECT_NE(std::find(x.organizations.begin(), x.organizations.end(), "Propulsion Québec"), x.organizations.end());
  Extraction y = run("Ports agree\n\nThe Maritime and Port Authority of Singapore (MPA) and the Port of Rotterdam signed a "
                     "memorandum of understanding on ammonia bunkering on Tuesday.\n\nMPA signed a letter of intent with the Port "
                     "of Gothenburg in 2022.",
                     "2025-04-08");
  EXPECT_EQ(std::find(y.organizations.begin(), y.organizations.end(), "MPA"), y.organizations.end());
  bool later = false;
  for (const Event& e : y.events) {
    if (e.date != "2022") continue;
    later = true;
    for (const Party& p : e.parties) EXPECT_NE(p.name, "MPA");
  }
  EXPECT_TRUE(later);
}

// A person's name and a head written as one compound is an organization
// ("Jan-Evangelista-Purkyně-Universität"); a head after one hyphen and a
// word before it is no name ("der Deutschen Presse-Agentur").
TEST(Extractor, HyphenatedNameBeforeItsHead) {
  Extraction x = run("Neue Vereinbarung\n\nDie TU Bergakademie Freiberg und die Jan-Evangelista-Purkyně-Universität unterzeichneten am "
                     "Montag einen Rahmenvertrag über Rohstofftechnik, wie ein Sprecher der Deutschen Presse-Agentur sagte.",
                     "2025-06-24");
  EXPECT_NE(std::find(x.organizations.begin(), x.organizations.end(), "Jan-Evangelista-Purkyně-Universität"), x.organizations.end());
  for (const std::string& o : x.organizations) EXPECT_EQ(o.find("Presse"), std::string::npos) << o;
}

// Another state's ministry written in lower case, named by its fields, is
// read with its state before it, as a demonym after its head or after the
// fields; beside an agency a side of its own.
TEST(Extractor, ForeignMinistryInLowerCase) {
  for (const char* text :
       {"Ny avtale\n\nEnova og Vietnams ministerium for industri og handel signerte tirsdag en avtale om hydrogen.",
        "Nytt avtal\n\nEnergimyndigheten och Vietnams ministerium för industri och handel undertecknade på tisdagen ett avtal om "
        "vätgas.",
        "Nouvel accord\n\nEngie et le ministère vietnamien de l’Industrie et du Commerce ont signé mardi un accord sur l’hydrogène.",
        "Nuovo accordo\n\nEni e il ministero dell’Industria e del Commercio del Vietnam hanno firmato martedì un accordo "
        "sull’idrogeno."}) {
    Extraction x = run(text, "2025-02-01");
    ASSERT_EQ(x.events.size(), 1u) << text;
    ASSERT_EQ(x.events[0].parties.size(), 2u) << text;
    EXPECT_EQ(x.events[0].parties[1].name, "Ministry of Industry and Trade of Vietnam") << text;
  }
  // A compound, its fields written onto the head and before it.
  Extraction c = run("Ny avtale\n\nEnova og Vietnams energi-, klima- og miljødepartement signerte tirsdag en avtale om hydrogen.",
                     "2025-02-01");
  ASSERT_EQ(c.events.size(), 1u);
  ASSERT_EQ(c.events[0].parties.size(), 2u);
  EXPECT_EQ(c.events[0].parties[1].name, "Ministry of Energy, Climate and Environment of Vietnam");
  // A ministry a demonym describes is its state's ("dem chilenischen
  // Bergbauministerium": Chile).
  Extraction d = run("Neue Vereinbarung\n\nDie Deutsche Rohstoffagentur (DERA) unterzeichnete am Dienstag eine Absichtserklärung mit dem "
                     "chilenischen Bergbauministerium.",
                     "2025-02-01");
  ASSERT_EQ(d.events.size(), 1u);
  ASSERT_EQ(d.events[0].parties.size(), 2u);
  EXPECT_EQ(d.events[0].parties[1].country, "CL");
  EXPECT_EQ(d.events[0].parties[1].kind, "country");
  // (It is named, all the same.)
  EXPECT_NE(std::find(d.organizations.begin(), d.organizations.end(), "Ministry of Mining of Chile"), d.organizations.end());
  // A compound's part with its linking "s" ("nærings-"); a ministry the
  // gazetteer knows as another state's, in the genitive of this one.
  Extraction n = run("Ny avtale\n\nEnova og Vietnams nærings- og handelsdepartement signerte tirsdag en avtale om hydrogen.",
                     "2025-02-01");
  ASSERT_EQ(n.events.size(), 1u);
  ASSERT_EQ(n.events[0].parties.size(), 2u);
  EXPECT_EQ(n.events[0].parties[1].name, "Ministry of Business and Trade of Vietnam");
  Extraction e = run("New agreement\n\nThe Danish Energy Agency and Chile's Ministry of Energy signed an agreement on hydrogen on "
                     "Tuesday.",
                     "2025-02-01");
  ASSERT_EQ(e.events.size(), 1u);
  ASSERT_EQ(e.events[0].parties.size(), 2u);
  EXPECT_EQ(e.events[0].parties[1].name, "Ministry of Energy of Chile");
  EXPECT_EQ(std::find(e.organizations.begin(), e.organizations.end(), "Ministry of Energy"), e.organizations.end());
  // No state named: no name read.
  Extraction y = run("Ny avtale\n\nEnova og ministeriet for industri signerte tirsdag en avtale om hydrogen.", "2025-02-01");
  for (const std::string& o : y.organizations) EXPECT_EQ(o.find("Ministry"), std::string::npos) << o;
}

// A sentence that names no side, after a title that names two states and
// a lead that names a body of each: the bodies stand in, not the states.
TEST(Extractor, BodiesOfTheTitlesStatesStandIn) {
  Extraction x = run("Danmark og Chile styrker energisamarbejdet\n\nEnergistyrelsen og Chiles Ministerium for Energi har tirsdag "
                     "underskrevet en ny aftale om vedvarende energi.\n\nAftalen blev underskrevet i Santiago og gælder i tre år.",
                     "2025-02-05");
  ASSERT_FALSE(x.events.empty());
  for (const Event& e : x.events) {
    for (const Party& p : e.parties) EXPECT_EQ(p.kind, "organization") << p.name;
  }
}

// An organization noun, lower-case adjectives, a demonym and one name: the
// name is an organization of that country ("la società elettrica tunisina
// Steg"), the sides named before a route ("tra Sicilia e Tunisia").
TEST(Extractor, NounAdjectivesDemonymAndOneName) {
  Extraction x = run("Accordo\n\nTerna e la società elettrica tunisina Steg hanno firmato ieri a Roma un memorandum per preparare "
                     "l’interconnessione sottomarina Elmed tra Sicilia e Tunisia.",
                     "2025-09-11");
  ASSERT_EQ(x.events.size(), 1u);
  std::vector<std::string> names;
  for (const Party& p : x.events[0].parties) names.push_back(p.name);
  EXPECT_EQ(names, (std::vector<std::string>{"Terna", "Steg"}));
}

// In a quotation's sentence the organization a speaker's role is of is
// the speaker's affiliation, no side of the act.
TEST(Extractor, QuotedSpeakersOrganizationIsNoSide) {
  Extraction x = run("Hydrogen pact\n\nWestern Australia and the Korean city of Ulsan signed a memorandum of understanding on hydrogen "
                     "on Tuesday.\n\n\"This memorandum connects two regions with a plan,\" said Dr Jane Ross, chief executive of the "
                     "Coastal Hydrogen Council, who attended the signing.",
                     "2025-09-17");
  for (const Event& e : x.events) {
    for (const Party& p : e.parties) EXPECT_EQ(p.name.find("Council"), std::string::npos) << p.name;
  }
}

// A news agency is among a page's organizations, never a side.
TEST(Extractor, NewsAgencyIsNoSide) {
  Extraction x = run("Neues Abkommen\n\nBerlin (dpa) - Deutschland und Chile haben am Dienstag ein Abkommen über Lithium unterzeichnet.",
                     "2025-02-05");
  ASSERT_EQ(x.events.size(), 1u);
  for (const Party& p : x.events[0].parties) EXPECT_NE(p.name, "dpa");
  EXPECT_NE(std::find(x.organizations.begin(), x.organizations.end(), "dpa"), x.organizations.end());
}

// "Ambas agencias" with no act of two agencies told and no two among the
// main actors are the two organizations the sentence before names.
TEST(Extractor, TwoOfAKindAreThoseTheSentenceBeforeNames) {
  Extraction x = run("España y Países Bajos firman un memorando\n\nMadrid, 20 de mayo de 2025. España y Países Bajos firmaron hoy un "
                     "memorando de entendimiento sobre eólica marina.\n\nEl IDAE y la Agencia Neerlandesa de Empresas (RVO) "
                     "coordinarán las actividades del grupo de trabajo. Ambas agencias mantienen desde hace años un acuerdo de "
                     "cooperación sobre eficiencia energética.",
                     "2025-05-20");
  ASSERT_EQ(x.events.size(), 2u);
  std::vector<std::string> names;
  for (const Party& p : x.events[1].parties) names.push_back(p.name);
  EXPECT_EQ(names, (std::vector<std::string>{"Institute for the Diversification and Saving of Energy", "Netherlands Enterprise Agency"}));
}

// After an organization's noun and lower-case words, a name of capitals
// closed by a place is one name ("l'agence de développement AD
// Normandie"); "l'université de Caen" is the University of Caen.
TEST(Extractor, AcronymAndPlaceAfterANounIsOneName) {
  Extraction x = run("Accord\n\nL'agence de développement AD Normandie et l'université de Caen participeront au programme.",
                     "2025-02-01");
  EXPECT_NE(std::find(x.organizations.begin(), x.organizations.end(), "AD Normandie"), x.organizations.end());
  EXPECT_NE(std::find(x.organizations.begin(), x.organizations.end(), "University of Caen"), x.organizations.end());
}

// A port noun followed by a comma names no port: "aus Unternehmen, Häfen,
// Hochschulen und Verwaltung".
TEST(Extractor, PortNounBeforeACommaNamesNoPort) {
  Extraction x = run("Konferenz\n\nRund 250 Teilnehmende aus Unternehmen, Häfen, Hochschulen und Verwaltung haben am Dienstag in Emden "
                     "über Wasserstoff diskutiert.",
                     "2025-02-01");
  for (const std::string& o : x.organizations) EXPECT_EQ(o.find("Port of"), std::string::npos) << o;
  // An organization noun, an article and a capitalised place names none.
  Extraction y = run("Grid pact\n\nThis agreement gives our companies a direct route to partners across the North Sea, Ms Berg said.",
                     "2025-02-01");
  for (const std::string& o : y.organizations) EXPECT_EQ(o.find("North Sea"), std::string::npos) << o;
}

// An organization in apposition to the description of a place's body is
// that body, the side: "the business development agency of
// Schleswig-Holstein, WTSH,".
TEST(Extractor, OrganizationInAppositionToABodysDescription) {
  Extraction x = run("Grid pact\n\nScottish Development International and the business development agency of Schleswig-Holstein, "
                     "WTSH, intend to sign a separate agreement on joint trade missions early next year.",
                     "2025-09-18");
  ASSERT_EQ(x.events.size(), 1u);
  std::vector<std::string> names;
  for (const Party& p : x.events[0].parties) names.push_back(p.name);
  EXPECT_EQ(names, (std::vector<std::string>{"Scottish Development International", "WTSH"}));
}

// An article and an organization's head alone ("El Ministerio trabajará
// ...") name a body told before, not one of that name.
TEST(Extractor, ArticleAndHeadAloneIsNoName) {
  Extraction x = run("Nuevo acuerdo\n\nMadrid y Oslo firmaron el lunes un memorando sobre eólica marina. El Ministerio trabajará "
                     "con las empresas en los proyectos.",
                     "2025-02-01");
  for (const std::string& o : x.organizations) EXPECT_EQ(o.find("Ministerio"), std::string::npos) << o;
}

// "the two sides" in a sentence that names the kind of an earlier act, not
// the last one's, are that act's sides.
TEST(Extractor, BothSidesOfTheActOfTheKindNamed) {
  Extraction x = run("Sweden and Chile open talks on lithium\n\nSweden and Chile opened negotiations on a lithium agreement on Monday.\n\n"
                     "Separately, LKAB and the Chilean Codelco exchanged letters of intent on sharing data.\n\n"
                     "The negotiations should end in the spring, both sides said.",
                     "2025-03-18");
  for (const Event& e : x.events) {
    if (e.instrument != "negotiations") continue;
    EXPECT_EQ(party_keys(e), (std::vector<std::string>{"CL", "SE"}));
  }
}

// "The two agencies" (group_ref pair:organization) are the sides of the
// last act between organizations, though a later act joined states; with
// no such act no state stands in for them.
TEST(Extractor, TwoAgenciesAreTheLastActBetweenOrganizations) {
  Extraction x = run("Denmark and Germany deepen energy ties\n\nDenmark and Germany signed a joint declaration on offshore wind "
                     "in Berlin on Tuesday.\n\nThe Danish Energy Agency and the German Energy Agency also renewed their cooperation "
                     "agreement on hydrogen.\n\nDenmark and Germany further agreed to open negotiations on a hydrogen pipeline.\n\n"
                     "The two agencies had signed a first memorandum of understanding in 2014.",
                     "2025-04-03");
  auto first = std::find_if(x.events.begin(), x.events.end(), [](const Event& e) { return e.date == "2014"; });
  ASSERT_NE(first, x.events.end());
  std::vector<std::string> names;
  for (const Party& p : first->parties) names.push_back(p.name);
  EXPECT_EQ(names, (std::vector<std::string>{"Danish Energy Agency", "German Energy Agency"}));
  Extraction z = run("Le Danemark et l'Allemagne renforcent leurs liens\n\nLe Danemark et l'Allemagne ont signé mardi à Berlin une "
                     "déclaration commune sur l'éolien en mer.\n\nLes deux agences avaient signé un premier protocole d'accord en 2014.",
                     "2025-04-03");
  for (const Event& e : z.events) EXPECT_NE(e.date, "2014") << e.parties.front().name;
}

// A history with one stage word: each date with a formal instrument of its
// own in its clause is an act; an instrument opening the sentence that is
// the kind of the act told before refers back to it and states none.
TEST(Extractor, HistoryOfInstrumentsWithOneStageWord) {
  Extraction x = run("Danmark og Tyskland\n\nDanmark og Tyskland har tirsdag underskrevet en fælles erklæring om brint.\n\n"
                     "Erklæringen bygger videre på et tæt samarbejde om havvind: Landene underskrev i august 2022 en hensigtserklæring om en energiø, "
                     "og i juni 2023 fulgte en aftale om fordelingen af omkostningerne.",
                     "2024-02-15");
  ASSERT_EQ(x.events.size(), 3u);
  EXPECT_EQ(x.events[0].instrument, "joint_declaration");
  EXPECT_EQ(x.events[1].instrument, "letter_of_intent");
  EXPECT_EQ(x.events[1].date, "2022-08");
  EXPECT_EQ(x.events[1].stage, "signed");
  EXPECT_EQ(x.events[2].instrument, "cooperation_agreement");
  EXPECT_EQ(x.events[2].date, "2023-06");
  EXPECT_EQ(x.events[2].stage, "signed");
  for (const Event& e : x.events) EXPECT_EQ(party_keys(e), (std::vector<std::string>{"DE", "DK"}));
}

// One side's acts with two partners, each in a dated clause of its own, are
// two bilateral acts, not one of all three.
TEST(Extractor, HistoryClausesWithTheirOwnPartners) {
  Extraction x = run("Havenbedrijf Rotterdam\n\nHet Havenbedrijf Rotterdam werkt al langer aan groene corridors: in augustus 2022 tekende het met de havenautoriteit van Singapore "
                     "een intentieverklaring, en in mei 2024 sloot het een samenwerkingsovereenkomst met de haven van Göteborg.",
                     "2025-04-10");
  ASSERT_EQ(x.events.size(), 2u);
  EXPECT_EQ(party_keys(x.events[0]), (std::vector<std::string>{"NL", "SG"}));
  EXPECT_EQ(x.events[0].date, "2022-08");
  EXPECT_EQ(x.events[0].instrument, "letter_of_intent");
  EXPECT_EQ(party_keys(x.events[1]), (std::vector<std::string>{"NL", "SE"}));
  EXPECT_EQ(x.events[1].date, "2024-05");
  EXPECT_EQ(x.events[1].instrument, "cooperation_agreement");
  for (const Event& e : x.events) EXPECT_EQ(e.parties.front().name, "Port of Rotterdam");
}

// Seats named beside a body of one of their states stand for the states:
// "Brussel en Den Haag" with the Commission named are the EU and the
// Netherlands, not two cities.
TEST(Extractor, SeatsBesideTheirOwnState) {
  Extraction x = run("Walstroom\n\nOok de Europese Commissie steunt de corridors: Brussel en Den Haag onderhandelen over een gezamenlijk programma voor walstroom in de zeehavens.",
                     "2025-04-10");
  ASSERT_EQ(x.events.size(), 1u);
  EXPECT_EQ(party_keys(x.events[0]), (std::vector<std::string>{"EU", "NL"}));
  EXPECT_EQ(x.events[0].stage, "negotiating");
  EXPECT_EQ(x.events[0].sectors, std::vector<std::string>{"maritime"});
}

// A presidency of a group is a country's term: the group is no party.
TEST(Extractor, GroupOfAPresidencyIsNoParty) {
  const char* rows[] = {
      "Italia e Giappone\n\nItalia e Giappone hanno firmato un memorandum sull'idrogeno.\n\n"
      "I due Paesi hanno avviato un partenariato strategico nel 2023, rafforzato nel 2024 con un piano d'azione durante la presidenza italiana del G7.",
      "Italy and Japan\n\nItaly and Japan signed a memorandum on hydrogen.\n\n"
      "The two countries launched a strategic partnership in 2023, strengthened in 2024 with an action plan during the Italian presidency of the G7.",
  };
  for (const char* text : rows) {
    SCOPED_TRACE(text);
    Extraction x = run(text, "2025-05-16");
    ASSERT_GE(x.events.size(), 2u);
    for (const Event& e : x.events) {
      EXPECT_EQ(party_keys(e), (std::vector<std::string>{"IT", "JP"}));
    }
  }
}

// A cooperation of two named sides going on for years is an act of its own
// beside the one signed now; with the sides named only by demonyms it is
// background.
TEST(Extractor, StandingCooperationBesideTheNewAct) {
  Extraction x = run("Trøndelag og Jämtland skal samarbeide\n\nTrøndelag fylkeskommune og Region Jämtland Härjedalen har skrive under ein intensjonsavtale om batteri.\n\n"
                     "Langt samarbeid over grensa\n\nTrøndelag og Jämtland Härjedalen har samarbeidd i grenseregionale Interreg-program i mange år.",
                     "2025-09-18");
  ASSERT_EQ(x.events.size(), 2u);
  EXPECT_EQ(x.events[0].stage, "signed");
  EXPECT_EQ(x.events[1].stage, "ongoing");
  EXPECT_EQ(x.events[1].instrument, "other");
  EXPECT_EQ(x.events[1].date, "");
  Extraction y = run("Noreg og Japan inngår partnarskap\n\nNoreg og Japan har i dag underteikna ei felles fråsegn om det grøne skiftet.\n\n"
                     "Norske og japanske aktørar har samarbeidd om hydrogen i fleire år.",
                     "2023-12-08");
  ASSERT_EQ(y.events.size(), 1u);
  EXPECT_TRUE(std::find(y.events[0].sectors.begin(), y.events[0].sectors.end(), "hydrogen") == y.events[0].sectors.end());
}

// Members named before a verb of membership and the body after it are all
// parties: the place before the body is a subject, not its description.
TEST(Extractor, MembersBeforeTheVerbAndTheBodyAfterIt) {
  const std::pair<const char*, std::vector<std::string>> rows[] = {
      {"Vety\n\nLappi ja Troms ovat jäseniä Barentsin alueneuvostossa.", {"Barents Regional Council", "FI-10", "NO-55"}},
      {"Wasserstoff\n\nNiedersachsen und Bremen gehören der Ems Dollart Region an.", {"DE-HB", "DE-NI", "Ems Dollart Region"}},
  };
  for (const auto& [text, keys] : rows) {
    SCOPED_TRACE(text);
    Extraction x = run(text, "2025-04-24");
    ASSERT_EQ(x.events.size(), 1u);
    EXPECT_EQ(x.events[0].instrument, "platform");
    EXPECT_EQ(x.events[0].stage, "ongoing");
    EXPECT_EQ(party_keys(x.events[0]), keys);
  }
}

// A pair reference before a membership names its members; places named
// after the body are its other members, no parties.
TEST(Extractor, PairBeforeAMembershipAreItsMembers) {
  Extraction x = run("Oberösterreich und Südböhmen\n\nOberösterreich und Südböhmen haben am Dienstag einen Kooperationsvertrag unterschrieben.\n\n"
                     "Beide Länder sind zudem Teil der Europaregion Donau-Moldau, in der sie gemeinsam mit Niederbayern und Pilsen Projekte abstimmen.",
                     "2025-10-22");
  ASSERT_EQ(x.events.size(), 2u);
  EXPECT_EQ(x.events[1].instrument, "platform");
  EXPECT_EQ(party_keys(x.events[1]), (std::vector<std::string>{"AT-4", "CZ-31", "European Region Danube-Vltava"}));
}

// A capital city joined by "and" to another capital that stands for its
// state stands for its own state: "Paris et Hanoï" are France and Vietnam.
TEST(Extractor, CapitalJoinedToACapitalIsItsState) {
  Extraction x = run("Nucléaire\n\nLa France et le Vietnam ont signé lundi une lettre d'intention sur l'énergie nucléaire civile.\n\n"
                     "Paris et Hanoï sont liés par un partenariat stratégique depuis 2013.",
                     "2025-05-27");
  ASSERT_EQ(x.events.size(), 2u);
  for (const Event& e : x.events) EXPECT_EQ(party_keys(e), (std::vector<std::string>{"FR", "VN"}));
}

// A surname that is also a country's name ("Kuba", Cuba) after a given name
// is the person's, and that person wherever the page writes it alone: no party.
TEST(Extractor, SurnameThatNamesACountryIsThePerson) {
  Extraction x = run("Vertrag mit Hejtman Kuba\n\nOberösterreich und Südböhmen haben am Dienstag einen Kooperationsvertrag unterschrieben. "
                     "Für Südböhmen unterschrieb Hejtman Martin Kuba.",
                     "2025-10-22");
  ASSERT_FALSE(x.events.empty());
  for (const Event& e : x.events) EXPECT_EQ(party_keys(e), (std::vector<std::string>{"AT-4", "CZ-31"}));
  EXPECT_TRUE(std::any_of(x.people.begin(), x.people.end(), [](const Person& p) { return p.name == "Martin Kuba"; }));
}

// Both sides' membership of a body they work in is a platform going on, an
// act of its own beside the one signed now, with the body a party.
TEST(Extractor, MembershipOfBothBesideTheNewAct) {
  Extraction x = run("Niedersachsen und Groningen unterzeichnen Erklärung\n\nNiedersachsen und Groningen haben am Mittwoch eine gemeinsame Erklärung über Wasserstoff unterzeichnet.\n\n"
                     "Niedersachsen und Groningen gehören seit langem der Ems Dollart Region an.",
                     "2025-05-15");
  ASSERT_EQ(x.events.size(), 2u);
  EXPECT_EQ(x.events[0].instrument, "joint_declaration");
  EXPECT_EQ(x.events[0].stage, "signed");
  EXPECT_EQ(x.events[1].instrument, "platform");
  EXPECT_EQ(x.events[1].stage, "ongoing");
  EXPECT_EQ(party_keys(x.events[1]), (std::vector<std::string>{"DE-NI", "Ems Dollart Region", "NL-GR"}));
}

// Two kinds of instrument in two clauses, each with its stage, the sides
// named only in the later one: the earlier is the act of "the companies".
TEST(Extractor, ClausesOfTwoActsWithTheirOwnSides) {
  Extraction x = run("Equinor og RWE\n21.09.2024\n\nProsjektet var en sentral del av samarbeidet mellom Equinor og RWE.\n\n"
                     "Selskapene la fram sitt strategiske partnerskap i januar 2023, samme uke som Norge og Tyskland undertegnet en felles erklæring om hydrogen.");
  EXPECT_EQ(x.language, "nb");
  auto find = [&](const std::string& instrument) {
    return std::find_if(x.events.begin(), x.events.end(), [&](const Event& e) { return e.instrument == instrument; });
  };
  auto declaration = find("joint_declaration"), partnership = find("strategic_partnership");
  ASSERT_NE(declaration, x.events.end());
  ASSERT_NE(partnership, x.events.end());
  EXPECT_EQ(party_keys(*declaration), (std::vector<std::string>{"DE", "NO"}));
  EXPECT_EQ(declaration->stage, "signed");
  EXPECT_EQ(partnership->stage, "announced");
  EXPECT_EQ(partnership->date, "2023-01");
  for (const Party& p : partnership->parties) EXPECT_EQ(p.kind, "organization");
}

TEST(Extractor, RelativeDatesResolveAgainstPublication) {
  Extraction x = run("Avtale signert\n\nStatsministeren sa at Norge og Storbritannia undertegnet en felles erklæring i fjor.", "2023-04-20");
  ASSERT_FALSE(x.events.empty());
  EXPECT_EQ(x.events[0].date, "2022");
}

// The headline's act, dated by the publication day for want of a date, is
// the body's act "förra veckan": the date the text gives stays.
TEST(Extractor, TextDateIsNotRefinedByThePublicationDay) {
  Extraction x = run("Chalmers och KAIST fördjupar samarbetet om batterier\n\nChalmers tekniska högskola och det "
                     "sydkoreanska universitetet KAIST undertecknade förra veckan en avsiktsförklaring om "
                     "forskning kring batterier. Avsiktsförklaringen undertecknades i Daejeon av rektorerna.",
                     "2025-10-15");
  ASSERT_EQ(x.events.size(), 1u);
  EXPECT_EQ(x.events[0].date, "2025-10");
}

// A name spelled out before its acronym is one organization, the region in
// its name no party of its own; a name the acronym does not abbreviate is
// read as before.
TEST(Extractor, NameBeforeItsAcronymIsAnOrganization) {
  Extraction x = run("Klynger indgår hensigtserklæring om brint\n\nI september indgik Energy Cluster Denmark og det "
                     "slesvig-holstenske netværk Erneuerbare Energien Schleswig-Holstein (EE.SH) en "
                     "hensigtserklæring om brint på begge sider af grænsen.",
                     "2025-10-07");
  ASSERT_EQ(x.events.size(), 1u);
  std::vector<std::string> names;
  for (const Party& p : x.events[0].parties) names.push_back(p.name);
  EXPECT_NE(std::find(names.begin(), names.end(), "Erneuerbare Energien Schleswig-Holstein"), names.end());
  EXPECT_EQ(std::find(names.begin(), names.end(), "Schleswig-Holstein"), names.end());
  x = run("Danmark og delstaten indgår hensigtserklæring om brint\n\nI september underskrev Danmark og "
          "Schleswig-Holstein (SH) en hensigtserklæring om at koble virksomheder inden for brint på begge sider af "
          "grænsen.",
          "2025-10-07");
  ASSERT_EQ(x.events.size(), 1u);
  EXPECT_EQ(test_util::party_keys(x.events[0]), (std::vector<std::string>{"DE-SH", "DK"}));
}

// An instrument of the kind told before that opens a sentence refers back
// to that act, unless its own clause dates it: then it is another act of
// that kind (the negotiations' start), beside the instrument named later.
TEST(Extractor, OpeningInstrumentWithItsOwnDateIsAnAct) {
  Extraction x = run("Sverige och Danmark eniga om att lagra koldioxid\n\nSverige och Danmark har slutfört "
                     "förhandlingarna om ett avtal om lagring av koldioxid under Nordsjön. Förhandlingarna avslutades "
                     "i fredags i Köpenhamn.\n\nFörhandlingarna inleddes i januari, sedan länderna i juni i fjol "
                     "kommit överens om en gemensam förklaring om samarbete kring koldioxidinfångning.",
                     "2025-05-26");
  auto it = std::find_if(x.events.begin(), x.events.end(), [](const Event& e) { return e.date == "2025-01"; });
  ASSERT_NE(it, x.events.end());
  EXPECT_EQ(it->instrument, "negotiations");
  it = std::find_if(x.events.begin(), x.events.end(), [](const Event& e) { return e.date == "2024-06"; });
  ASSERT_NE(it, x.events.end());
  EXPECT_EQ(it->instrument, "joint_declaration");
}

TEST(Extractor, ChromeAfterTheArticleMakesNoEvent) {
  Extraction x = run(
      "Norway and Japan sign memorandum\n\nNorway and Japan signed a memorandum of understanding on offshore wind.\n\n"
      "Latest news\nGermany and France sign agreement on batteries\nSweden and Finland sign hydrogen pact\n");
  ASSERT_EQ(x.events.size(), 1u);
  EXPECT_EQ(party_keys(x.events[0]), (std::vector<std::string>{"JP", "NO"}));
}

// A whole page: the site's name, a menu and a cookie banner come before the
// headline, which names the sides by their capitals; the sentence after the
// lead says who signed the act it told.
TEST(Extractor, PageChromeBeforeACapitalsHeadline) {
  Extraction x = run(
      "Aller au contenu principal\nMinistère de l'Économie, des Finances et de la Souveraineté industrielle\nMenu\n"
      "Ce site utilise des cookies pour mesurer son audience et améliorer votre navigation sur le site.\n\n"
      "Paris et Tokyo signent une lettre d'intention sur l'hydrogène\nPublié le 14 mars 2025\n\n"
      "Paris et Tokyo ont signé aujourd'hui une lettre d'intention sur l'hydrogène bas carbone et le recyclage des batteries. "
      "Le texte a été signé par le ministre de l'Industrie, Marc Ferracci, et par le ministre japonais de l'Économie, Yoji Muto.\n");
  EXPECT_EQ(x.title, "Paris et Tokyo signent une lettre d'intention sur l'hydrogène");
  ASSERT_EQ(x.events.size(), 1u);
  EXPECT_EQ(party_keys(x.events[0]), (std::vector<std::string>{"FR", "JP"}));
  EXPECT_EQ(x.events[0].date, "2025-03-14");
  std::vector<std::string> signed_by;
  for (const Signatory& s : x.events[0].signatories) signed_by.push_back(s.name);
  EXPECT_EQ(signed_by, (std::vector<std::string>{"Marc Ferracci", "Yoji Muto"}));
}

// In a history, a date "since" is when the act began, though the renewal's
// stage word stands nearer to it.
TEST(Extractor, SinceDateInAHistoryIsTheStart) {
  Extraction x = run(
      "Sverige och Kanada fördjupar samarbetet\n\n"
      "Sverige och Kanada har ett strategiskt innovationspartnerskap sedan 2016, som förnyades 2021 och då utvidgades till ren teknik.",
      "2025-06-12");
  EXPECT_EQ(dates_and_stages(x), (std::vector<std::pair<std::string, std::string>>{{"2016", "signed"}, {"2021", "renewed"}}));
}

TEST(Extractor, QuotedPeopleWithRoles) {
  Extraction x = run("Hydrogensamarbeid\n\n– Avtalen gir norske bedrifter nye muligheter, sa næringsminister Jan Christian Vestre.");
  auto it = std::find_if(x.people.begin(), x.people.end(), [](const Person& p) { return p.name == "Jan Christian Vestre"; });
  ASSERT_NE(it, x.people.end());
  EXPECT_TRUE(it->quoted);
  EXPECT_EQ(it->role, "minister of trade and industry");
}

// Sectors belong to the act they are named with: in a history, the act
// whose instrument word is nearest; for a hub's partners, the words after
// each partner; an act named without any takes those of the sentence before.
TEST(Extractor, SectorsOfTheirOwnAct) {
  auto sectors_by_partner = [](const Extraction& x) {
    std::map<std::string, std::vector<std::string>> out;
    for (const Event& e : x.events) {
      std::string key;
      for (const std::string& k : party_keys(e)) key += k + " ";
      std::vector<std::string> s = e.sectors;
      std::sort(s.begin(), s.end());
      out[key + e.date] = s;
    }
    return out;
  };
  {
    Extraction x = run("Nordrhein-Westfalen hat mehrere Partner in Japan\n\nAußer mit Fukushima unterhält die "
                       "Landesregierung auch Kooperationen mit der Präfektur Tokyo bei der Internationalisierung von "
                       "KMU und mit der Präfektur Osaka bei Batterien und Wasserstoff.");
    auto s = sectors_by_partner(x);
    EXPECT_EQ(s["DE-NW JP-13 "], (std::vector<std::string>{"sme_internationalisation"}));
    EXPECT_EQ(s["DE-NW JP-27 "], (std::vector<std::string>{"batteries", "hydrogen"}));
  }
  {
    Extraction x = run("Partnerschaft mit Fukushima\n\nFukushima will um 2040 seinen gesamten Strom aus "
                       "erneuerbaren Energien gewinnen. Nordrhein-Westfalen und Fukushima haben darum 2014 eine "
                       "Absichtserklärung unterzeichnet und sie 2017 verlängert.");
    ASSERT_GE(x.events.size(), 2u);
    for (const Event& e : x.events) EXPECT_EQ(e.sectors, (std::vector<std::string>{"renewable_energy"})) << e.date;
  }
  {
    // An act told under a heading borrows no sectors from the act before
    // the heading (another pair's, another topic).
    Extraction x = run("Webinarreihe gestartet\n\nDer Helpdesk lädt zu neuen Webinaren ein. Zum Auftakt ging es um "
                       "die Partnerschaft zwischen dem Kyushu Bio Cluster und dem Vitagora Cluster in der "
                       "Biotechnologie.\n\nKooperation von NRW und Fukushima\nIm Februar folgt die Partnerschaft "
                       "zwischen Nordrhein-Westfalen und der Präfektur Fukushima.");
    auto s = sectors_by_partner(x);
    ASSERT_TRUE(s.count("DE-NW JP-07 ")) << x.events.size();
    EXPECT_EQ(s["DE-NW JP-07 "], (std::vector<std::string>{}));
  }
  {
    // An act told again ("the new letter of intent") after another pair's
    // act is the act told first: it borrows nothing from the other pair's.
    Extraction x = run("Hessen und Kyoto arbeiten bei Wasserstoff zusammen\n\nHessen und die Präfektur Kyoto haben am "
                       "Dienstag eine Absichtserklärung über Wasserstoff unterzeichnet.\n\nBereits 2021 hatten "
                       "Deutschland und Japan eine Partnerschaft zu Batterien und Halbleitern vereinbart. Die neue "
                       "Absichtserklärung soll diesen Rahmen auf regionaler Ebene ausfüllen.");
    auto s = sectors_by_partner(x);
    ASSERT_TRUE(s.count("DE-HE JP-26 ")) << x.events.size();
    EXPECT_EQ(s["DE-HE JP-26 "], (std::vector<std::string>{"hydrogen"}));
    EXPECT_EQ(s["DE JP 2021"], (std::vector<std::string>{"batteries", "semiconductors"}));
  }
  {
    // A banner above the headline (a department's name) gives no sectors.
    Extraction x = run("Skip to main content\nEnterprise, Industry and Small Businesses\n"
                       "Press release14 March 2023Department for Industry and Small Businesses\n\n"
                       "Hydrogen partnership between Norway and Japan\n\n"
                       "Japan and Norway signed a memorandum of understanding today at a ceremony in Oslo.");
    ASSERT_FALSE(x.events.empty());
    EXPECT_EQ(x.events[0].sectors, (std::vector<std::string>{"hydrogen"}));
  }
}

// A heading after the lead that names the act's scope ("four pillars of
// the agreement") lists what the act covers: the sectors of the lines under
// it, up to the next heading, are the act's; not so under another heading.
TEST(Extractor, ScopeHeadingListsTheActsSectors) {
  auto sorted_sectors = [](const Extraction& x) {
    std::vector<std::string> s = x.events.empty() ? std::vector<std::string>{} : x.events[0].sectors;
    std::sort(s.begin(), s.end());
    return s;
  };
  const std::string lead = "EU and Namibia team up on raw materials\n\n"
                           "The EU and Namibia signed a memorandum of understanding on raw materials today.\n\n"
                           "Both sides say they share the same interests.\n\n";
  const std::string list = "More trade between the two, more investment and a better investment climate.\n\n"
                           "Joint work in research and innovation\n\n"
                           "Other news\n\n"
                           "The port of Walvis Bay handles ships of every size.";
  Extraction with = run(lead + "Four pillars of the new partnership\n\n" + list, "2022-11-08");
  EXPECT_EQ(sorted_sectors(with),
            (std::vector<std::string>{"critical_minerals", "innovation_research", "investment", "trade"}));
  Extraction without = run(lead + "Reactions\n\n" + list, "2022-11-08");
  EXPECT_EQ(sorted_sectors(without), (std::vector<std::string>{"critical_minerals"}));
}

// A renewal covers what it renews: the sectors of the act of the same
// parties and instrument told last before it with an earlier date, or of
// all of them when it renews "the two memoranda".
// A relative clause after the instrument signed says what the signature
// does: "unterzeichnet, mit der die Partnerschaft ... verlängert wird" is a
// renewal, told as a signature.
TEST(Extractor, SignatureThatExtendsInARelativeClauseIsTheExtension) {
  Extraction x = run("Bayern und Québec\nPressemitteilung vom 9. Oktober 2024\n\nBayern und Québec haben am Dienstag "
                     "in München eine gemeinsame Erklärung unterzeichnet, mit der die Partnerschaft um drei Jahre "
                     "verlängert wird.");
  ASSERT_EQ(x.events.size(), 1u);
  EXPECT_EQ(x.events[0].stage, "extended");
  EXPECT_EQ(x.events[0].date, "2024-10-08");
  x = run("Norway and Japan\n\nOslo, 3 May 2024\n\nNorway and Japan signed a joint declaration on Tuesday, which "
          "marks an extension of their partnership on hydrogen.");
  ASSERT_EQ(x.events.size(), 1u);
  EXPECT_EQ(x.events[0].stage, "extended");
}

// An agency report dates its lead act in the sentence after it: "Das
// teilte das Ministerium am Donnerstag mit."
TEST(Extractor, LeadActTakesTheWeekdayOfTheSentenceAfterIt) {
  Extraction x = run("Deutschland und Namibia\nStand: 14.11.2025, 15:20 Uhr\n\nWindhuk/Berlin (dpa) - Deutschland und "
                     "Namibia haben Verhandlungen über ein Rahmenabkommen zur Lieferung von grünem Ammoniak "
                     "aufgenommen. Das teilte das Bundesministerium nach einem ersten Gesprächstermin am Donnerstag "
                     "in Windhuk mit.");
  ASSERT_EQ(x.events.size(), 1u);
  EXPECT_EQ(x.events[0].stage, "negotiating");
  EXPECT_EQ(x.events[0].date, "2025-11-13");
}

TEST(Extractor, RenewalCoversWhatItRenews) {
  Extraction x = run("Norway and Japan\n\nOslo, 3 May 2024\n\nNorway and Japan signed a memorandum of understanding on "
                     "hydrogen in March 2014. In September 2014 the two countries signed a memorandum of understanding "
                     "on batteries. The two memoranda were renewed in January 2017 to include offshore wind. Last week "
                     "Norway and Japan renewed the memorandum again in Tokyo.");
  std::map<std::string, std::vector<std::string>> by_date;
  for (const Event& e : x.events) {
    std::vector<std::string> s = e.sectors;
    std::sort(s.begin(), s.end());
    by_date[e.date] = s;
  }
  const std::vector<std::string> all = {"batteries", "hydrogen", "offshore_wind"};
  EXPECT_EQ(by_date["2014-03"], (std::vector<std::string>{"hydrogen"}));
  EXPECT_EQ(by_date["2014-09"], (std::vector<std::string>{"batteries"}));
  EXPECT_EQ(by_date["2017-01"], all);
  EXPECT_EQ(by_date["2024-04"], all);  // last week: 22-28 April
  // In a history of several acts, "the two memoranda" are those of the act
  // dated nearest to the words, not of every renewal in the sentence.
  x = run("Norway and Japan\n\nOslo, 3 May 2024\n\nThe partnership began with a memorandum of understanding on "
          "hydrogen (signed in March 2014, renewed in January 2017) and one on batteries (signed in September 2014, "
          "renewed in August 2017), and in October 2019 the two memoranda were merged and renewed.");
  by_date.clear();
  for (const Event& e : x.events) {
    std::vector<std::string> s = e.sectors;
    std::sort(s.begin(), s.end());
    by_date[e.date] = s;
  }
  EXPECT_EQ(by_date["2017-08"], (std::vector<std::string>{"batteries"}));
  EXPECT_EQ(by_date["2019-10"], (std::vector<std::string>{"batteries", "hydrogen"}));
}

// A minister's portfolio ("minister <naam> voor Klimaat en Energie",
// "Minister for Trade and Industry") is no sector of the
// act; a title-case headline keeps its sector words.
TEST(Extractor, PortfolioAfterARoleIsNoSector) {
  auto sectors = [](const Extraction& x) {
    std::vector<std::string> s = x.events.empty() ? std::vector<std::string>{} : x.events[0].sectors;
    std::sort(s.begin(), s.end());
    return s;
  };
  EXPECT_EQ(sectors(run("Denemarken en Nederland werken samen aan waterstof\n\nDenemarken en Nederland willen samen "
                        "meer doen met waterstof. De Deense minister Lars Aagaard voor Klimaat, Energie en "
                        "Voorzieningen en zijn Nederlandse collega ondertekenden dinsdag in Kopenhagen een "
                        "Memorandum of Understanding over het vervoer van waterstof.")),
            (std::vector<std::string>{"hydrogen"}));
  EXPECT_EQ(sectors(run("Norway and Japan\n\nMinister for Trade and Industry Jan Christian Vestre and his Japanese "
                        "colleague signed a memorandum of understanding on hydrogen in Tokyo today.",
                        "2024-05-03")),
            (std::vector<std::string>{"hydrogen"}));
  EXPECT_EQ(sectors(run("Minister for Trade Signs Hydrogen Deal with Japan\n\nNorway and Japan signed a memorandum of "
                        "understanding in Tokyo today, the ministry said on Friday.",
                        "2024-05-03")),
            (std::vector<std::string>{"hydrogen", "trade"}));
}

// An instrument said to be another one ("ei eiga fråsegn", "a second joint
// declaration") is another act, though its parties are the same.
TEST(Extractor, AnotherInstrumentIsAnotherAct) {
  Extraction x = run("Tyskland og Noreg\n\nTyskland og Noreg underteikna i dag ei felles fråsegn om eit strategisk "
                     "partnarskap. I ei eiga fråsegn om hydrogen stadfestar begge regjeringane målet om ein rørleidning.");
  EXPECT_EQ(x.events.size(), 2u);
  Extraction one = run("Tyskland og Noreg\n\nTyskland og Noreg underteikna i dag ei felles fråsegn om eit strategisk "
                       "partnarskap. I fråsegna stadfestar begge regjeringane målet om ein rørleidning.");
  EXPECT_EQ(one.events.size(), 1u);
}

// An undated mention after the lead refers back to the latest act of its
// instrument ("That agreement covers trade"), not to the first one.
TEST(Extractor, UndatedMentionJoinsTheLatestAct) {
  Extraction x = run("United States and Japan sign minerals framework\n\nThe United States and Japan signed a "
                     "framework agreement on critical minerals on 28 October 2025.\n\nThe United States and Japan "
                     "signed a cooperation agreement on 28 March 2023. That agreement covers trade in the minerals "
                     "used in batteries.");
  auto it = std::find_if(x.events.begin(), x.events.end(), [](const Event& e) { return e.date == "2023-03-28"; });
  ASSERT_NE(it, x.events.end());
  EXPECT_NE(std::find(it->sectors.begin(), it->sectors.end(), "batteries"), it->sectors.end());
}

// "Same dag", "le même jour": the date of the act told before, not the
// publication day.
TEST(Extractor, SameDayIsTheDateOfTheActBefore) {
  Extraction x = run("Noreg og Japan\n08.12.2023\n\nNoreg og Japan vart torsdag samde om eit strategisk partnarskap.\n\n"
                     "Same dag underteikna Noreg og Japan ei eiga fråsegn om hydrogen.");
  auto it = std::find_if(x.events.begin(), x.events.end(), [](const Event& e) { return e.instrument == "joint_declaration"; });
  ASSERT_NE(it, x.events.end());
  EXPECT_EQ(it->date, "2023-12-07");
}

// A demonym after the organization noun it describes ("la grappe
// québécoise") is no party of its own.
TEST(Extractor, DemonymAfterOrganizationNounIsNoParty) {
  Extraction x = run("Hydrogène\n\nLe Pôle Hydrogène Atlantique et la Grappe Hydrogène Laurentides ont signé un accord "
                     "de coopération. L'accord a été signé par Marc-André Gagnon, président de la grappe québécoise.");
  for (const Event& e : x.events) {
    for (const Party& p : e.parties) EXPECT_NE(p.subdivision, "CA-QC") << e.evidence;
  }
}

// A demonym and a function noun name that country's organization when the
// gazetteer knows one with that function (actors.tsv): not the state. A
// past season resolves against publication ("i efteråret" in March 2025:
// autumn 2024; "i höstas" in November: this year's).
TEST(Extractor, DemonymAndFunctionNounNameTheAgency) {
  struct Case { const char* text; const char* published; const char* date; };
  const Case cases[] = {
      {"Samarbejde\n\nEnergistyrelsen indgik et myndighedssamarbejde med det koreanske energiagentur, som blev aftalt i efteråret.",
       "2025-03-13", "2024"},
      {"Samarbete\n\nEnergimyndigheten och den koreanska energimyndigheten undertecknade ett samarbetsavtal i höstas.",
       "2025-11-20", "2025"},
      {"Zusammenarbeit\n\nDie Deutsche Energie-Agentur und die koreanische Energieagentur haben eine Absichtserklärung unterzeichnet.",
       "", ""},
      {"Cooperation\n\nThe Danish Energy Agency signed a cooperation agreement with the Korean energy agency last autumn.",
       "2025-03-13", "2024"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    Extraction x = run(c.text, c.published);
    ASSERT_FALSE(x.events.empty());
    std::vector<std::string> names;
    for (const Party& p : x.events[0].parties) names.push_back(p.name + "/" + p.kind);
    EXPECT_NE(std::find(names.begin(), names.end(), "Korea Energy Agency/organization"), names.end());
    EXPECT_EQ(std::find(names.begin(), names.end(), "South Korea/country"), names.end());
    EXPECT_EQ(x.events[0].date, c.date);
  }
  // Without a known agency of that country the demonym stays a description
  // of an unnamed organization: neither the state nor an agency is a party.
  Extraction x = run("Samarbeid\n\nNorge og det indiske energibyrået signerte en intensjonsavtale om hydrogen.");
  for (const Event& e : x.events) {
    for (const Party& p : e.parties) EXPECT_NE(p.country, "IN") << p.name;
  }
}

// A next sentence opening on the instrument's definite form ("Förklaringen
// undertecknades av ...") names who signed the act told before it.
TEST(Extractor, DefiniteInstrumentOpensTheSignersSentence) {
  const char* texts[] = {
      "Vätgas\n\nSverige och Danmark skrev i dag under en avsiktsförklaring om vätgas. Förklaringen undertecknades "
      "i Malmö av energiminister Ebba Busch och klimaminister Lars Aagaard.",
      "Brint\n\nDanmark og Sverige underskrev i dag en hensigtserklæring om brint. Erklæringen blev underskrevet "
      "i Malmö af energiminister Ebba Busch og klimaminister Lars Aagaard.",
  };
  for (const char* text : texts) {
    SCOPED_TRACE(text);
    Extraction x = run(text, "2025-09-16");
    ASSERT_FALSE(x.events.empty());
    std::vector<std::string> signed_by;
    for (const Signatory& sg : x.events[0].signatories) signed_by.push_back(sg.name);
    std::sort(signed_by.begin(), signed_by.end());
    EXPECT_EQ(signed_by, (std::vector<std::string>{"Ebba Busch", "Lars Aagaard"}));
  }
}

// A capital in French, Spanish or Italian spelling names its state where
// every place named as a party is a capital ("Paris et Séoul", "Madrid y
// Varsovia"); "La lettre a été signée par ..." names the signatories of the
// act told last; a nationality between a role and its portfolio keeps the
// portfolio from being a sector ("ministre coréen du Commerce").
TEST(Extractor, CapitalsSignersAndPortfoliosInRomanceLanguages) {
  struct Case {
    const char* text;
    std::vector<std::string> parties;
  };
  const Case cases[] = {
      {"Batteries\n\nParis et Séoul ont signé jeudi une lettre d'intention sur les batteries.", {"FR", "KR"}},
      {"Baterías\n\nMadrid y Seúl firmaron el jueves un memorando de entendimiento sobre baterías.", {"ES", "KR"}},
      {"Hidrógeno\n\nMadrid y Varsovia firmaron el jueves un memorando de entendimiento sobre hidrógeno.", {"ES", "PL"}},
      {"Idrogeno\n\nRoma e Berlino hanno firmato giovedì un memorandum d'intesa sull'idrogeno.", {"DE", "IT"}},
      // A ministry signing makes its state the party.
      {"Eólica\n\nEl Ministerio para la Transición Ecológica y el Reto Demográfico y Noruega firmaron el jueves "
       "un memorando de entendimiento sobre eólica marina.",
       {"ES", "NO"}},
      {"Idrogeno\n\nIl Ministero delle Imprese e del Made in Italy e il Giappone hanno firmato giovedì un "
       "memorandum d'intesa sull'idrogeno.",
       {"IT", "JP"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    Extraction x = run(c.text, "2025-03-14");
    ASSERT_FALSE(x.events.empty());
    EXPECT_EQ(party_keys(x.events[0]), c.parties);
  }
  Extraction x = run("Batteries\n\nParis et Séoul ont signé jeudi une lettre d'intention sur les batteries. La lettre a été "
                     "signée par Marc Ferracci, ministre chargé de l'Industrie et de l'Énergie, et par Ahn Duk-geun, "
                     "ministre coréen du Commerce, de l'Industrie et de l'Énergie.",
                     "2025-03-14");
  ASSERT_FALSE(x.events.empty());
  std::vector<std::string> names;
  for (const Signatory& s : x.events[0].signatories) names.push_back(s.name);
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"Ahn Duk-geun", "Marc Ferracci"}));
  EXPECT_EQ(x.events[0].sectors, (std::vector<std::string>{"batteries"}));
}

// "sin emisiones", "zéro émission" say why, not what: the sector is the
// shipping it qualifies. A mention in passing that joins an act
// ("..., en partenariat avec ...") is not its evidence.
TEST(Extractor, ZeroEmissionFramesAndPassingMentionsStateNoAct) {
  Extraction x = run("Transporte\n\nEspaña firmó en 2023 una declaración conjunta con los países nórdicos sobre "
                     "transporte marítimo sin emisiones.",
                     "2025-11-18");
  ASSERT_FALSE(x.events.empty());
  // Zero-emission shipping is green transport at sea; the frame adds no climate.
  EXPECT_EQ(x.events[0].sectors, (std::vector<std::string>{"green_transport", "maritime"}));
  const std::string stated = "Ce rapprochement s'appuie aussi sur le partenariat vert conclu en 2023 entre la "
                             "Commission européenne et la Corée du Sud.";
  Extraction y = run("Batteries\n\n" + stated + "\n\nUn premier comité de pilotage se réunira à Paris avant l'été, en partenariat avec "
                     "l'association France Industrie.",
                     "2025-03-14");
  ASSERT_FALSE(y.events.empty());
  EXPECT_EQ(party_keys(y.events[0]), (std::vector<std::string>{"EU", "KR"}));
  EXPECT_EQ(y.events[0].evidence, stated);
}

// A history whose renewal adds a sector ("som förnyades 2023 och då
// utvidgades till att omfatta batterier"): the word after the renewal's
// verb is what the renewal covers, not the act entered into before it; and
// "inledde ett partnerskap" enters into the act.
TEST(Extractor, SectorAddedByARenewalIsNotTheEarlierActs) {
  Extraction x = run("Partnerskap\n\nSverige och Sydkorea undertecknade i går ett samförståndsavtal om vätgas. "
                     "Länderna inledde ett innovationspartnerskap 2019, som förnyades 2023 och då utvidgades till att "
                     "omfatta batterier.", "2025-11-14");
  std::map<std::string, std::pair<std::string, std::vector<std::string>>> by_date;
  for (const Event& e : x.events) {
    std::vector<std::string> s = e.sectors;
    std::sort(s.begin(), s.end());
    by_date[e.date] = {e.stage, s};
  }
  ASSERT_TRUE(by_date.count("2019"));
  ASSERT_TRUE(by_date.count("2023"));
  EXPECT_EQ(by_date["2019"].first, "signed");
  EXPECT_EQ(by_date["2019"].second, (std::vector<std::string>{"innovation_research"}));
  EXPECT_EQ(by_date["2023"].second, (std::vector<std::string>{"batteries", "innovation_research"}));
}

// An instrument right after a framework phrase ("as part of", "som en del
// av", "im Rahmen") is the standing act the new one belongs to: a second
// act, ongoing and undated; the new act keeps its own instrument.
TEST(Extractor, FrameworkOfTheNewActIsAnActOfItsOwn) {
  const char* texts[] = {
      "Partnership\n\nAs part of the Green Alliance, Norway and the EU signed an industrial partnership on batteries on 21 March 2024.",
      "Partnerskap\n\nSom en del av den grønne alliansen signerte Norge og EU et industrielt partnerskap om batterier 21. mars 2024. "
      "Partnerskapet skal styrke verdikjedene for batterier og gi bedriftene bedre tilgang til råvarer.",
  };
  for (const char* text : texts) {
    SCOPED_TRACE(text);
    Extraction x = run(text);
    ASSERT_EQ(x.events.size(), 2u);
    EXPECT_EQ(x.events[0].instrument, "industrial_partnership");
    EXPECT_EQ(x.events[0].date, "2024-03-21");
    EXPECT_EQ(x.events[1].instrument, "strategic_partnership");
    EXPECT_EQ(x.events[1].stage, "ongoing");
    EXPECT_EQ(x.events[1].date, "");
    EXPECT_EQ(party_keys(x.events[1]), (std::vector<std::string>{"EU", "NO"}));
  }
  // Without the phrase, one act.
  Extraction x = run("Partnership\n\nNorway and the EU signed an industrial partnership on batteries on 21 March 2024.");
  EXPECT_EQ(x.events.size(), 1u);
}

// "Målet er meir forsking på ...": the goal told right after
// an act is that act's, and so are its sectors.
TEST(Extractor, GoalSentenceGivesTheActItsSectors) {
  Extraction x = run("Hydrogen\n\nMøre og Romsdal fylkeskommune er no blitt medlem av S3 Hydrogen Valleys saman med "
                     "regionar frå heile Europa. Målet er meir innovasjon og forsking innan hydrogen.");
  ASSERT_FALSE(x.events.empty());
  const auto& s = x.events[0].sectors;
  EXPECT_NE(std::find(s.begin(), s.end(), "innovation_research"), s.end());
  EXPECT_NE(std::find(s.begin(), s.end(), "hydrogen"), s.end());
}

// A renewal in a history is about what was signed: it has its sectors.
TEST(Extractor, RenewalInHistoryKeepsTheSectorsOfTheSigned) {
  Extraction x = run("NRW und Fukushima\n\nDie erste Absichtserklärung zu Erneuerbaren Energien wurde im Februar 2014 "
                     "unterzeichnet, im Januar 2017 verlängert und im Oktober 2019 mit der Vereinbarung zur Medizintechnik "
                     "zusammengeführt. Nordrhein-Westfalen und Fukushima arbeiten zusammen.");
  auto it = std::find_if(x.events.begin(), x.events.end(), [](const Event& e) { return e.date == "2017-01"; });
  ASSERT_NE(it, x.events.end());
  EXPECT_NE(std::find(it->sectors.begin(), it->sectors.end(), "renewable_energy"), it->sectors.end());
}

// A formal instrument of a year before the page's was concluded then; a
// renewal signed is a renewal, of the instrument the same parties signed.
TEST(Extractor, PastInstrumentsAndSignedRenewals) {
  Extraction x = run("US and Japan\nPublished 29 October 2025\n\nThe United States and Japan signed a framework "
                     "agreement on critical minerals on Tuesday. It built on the U.S.-Japan Trade Agreement of 2019.");
  auto it = std::find_if(x.events.begin(), x.events.end(), [](const Event& e) { return e.date == "2019"; });
  ASSERT_NE(it, x.events.end());
  EXPECT_EQ(it->stage, "signed");
  Extraction r = run("NRW and Fukushima\nPublished 16 January 2026\n\nThe two regions renewed their partnership today.\n\nIn 2014 North Rhine-Westphalia "
                     "and Fukushima signed their first memorandum of understanding. The previous renewal was signed in "
                     "Düsseldorf on 26 April 2023; hydrogen was added to the fields of cooperation.");
  auto renewal = std::find_if(r.events.begin(), r.events.end(), [](const Event& e) { return e.date == "2023-04-26"; });
  ASSERT_NE(renewal, r.events.end());
  EXPECT_EQ(renewal->stage, "renewed");
  EXPECT_EQ(renewal->instrument, "memorandum_of_understanding");
}

// The organizer named in a relative clause ("en næringslivsuke som
// Innovasjon Norge arrangerer") beside two named parties is none of the act.
TEST(Extractor, OrganizerInRelativeClauseIsNoParty) {
  Extraction x = run("Samarbeid om skip\n\nRederiet Vestvind Shipping AS og det japanske handelshuset Minato Trading "
                     "Corporation har i dag signert en samarbeidsavtale om skip under en næringslivsuke som Innovasjon "
                     "Norge arrangerer i Tokyo.");
  ASSERT_FALSE(x.events.empty());
  for (const Event& e : x.events) {
    for (const Party& p : e.parties) EXPECT_NE(p.name, "Innovation Norway") << e.evidence;
  }
}

// A company named with its legal form is the same company named without it
// later ("Nordkyst Kabel AS" ... "Nordkyst Kabel has also started ..."); its
// name is given without the form.
TEST(Extractor, OrganizationsByTheirShortName) {
  Extraction x = run("Cable maker signs in Tokyo\n\nThe Norwegian cable maker Nordkyst Kabel AS opened an office in Tokyo "
                     "on Monday. Nordkyst Kabel has also started negotiations with the Japanese utility Sanriku Energy "
                     "on a framework agreement.");
  auto it = std::find_if(x.events.begin(), x.events.end(), [](const Event& e) {
    return std::any_of(e.parties.begin(), e.parties.end(), [](const Party& p) { return p.name == "Nordkyst Kabel"; });
  });
  ASSERT_NE(it, x.events.end());
  EXPECT_EQ(it->parties.size(), 2u);
}

// People named as present at the signing witness it; they do not sign.
TEST(Extractor, WitnessesAreNoSignatories) {
  Extraction x = run("Mineraler\n\nNorge og USA har i dag inngått en avtale om kritiske mineraler. Avtalen ble "
                     "undertegnet i Washington, med utenriksminister Espen Barth Eide og USAs utenriksminister Antony "
                     "Blinken til stede.",
                     "2024-09-30");
  ASSERT_FALSE(x.events.empty());
  for (const Event& e : x.events) EXPECT_TRUE(e.signatories.empty()) << e.evidence;
}

// A visit's guest, named first after the visit or in the genitive right
// before it, is no signatory; one who signs on a visit of their own is.
TEST(Extractor, GuestsOfAVisitAreNoSignatories) {
  const char* texts[] = {
      "Havvind\n\nNorge og Sør-Korea samarbeider om havvind. Under president Park Min-jus besøk i Oslo i juni "
      "2019 ble det signert et memorandum om samarbeid om havvind.",
      "Rohstoffe\n\nDeutschland und Chile arbeiten bei Lithium zusammen. Bei einem Besuch von Bundeskanzler Jonas "
      "Weber im Januar 2023 unterzeichneten beide Länder eine Absichtserklärung.",
      "Réacteurs\n\nLa France et l'Inde ont signé mercredi une déclaration d'intention sur les petits réacteurs, "
      "au dernier jour de la visite en France du Premier ministre indien Arjun Mehta.",
  };
  for (const char* text : texts) {
    SCOPED_TRACE(text);
    Extraction x = run(text, "2025-02-12");
    ASSERT_FALSE(x.events.empty());
    for (const Event& e : x.events) EXPECT_TRUE(e.signatories.empty()) << e.evidence << ": " << e.signatories[0].name;
  }
  Extraction x = run("Hydrogen\n\nNorway and Japan agree on hydrogen. Minister Kari Hansen signed the memorandum on "
                     "a visit to Tokyo on Monday.",
                     "2025-02-12");
  bool signed_by = false;
  for (const Event& e : x.events) {
    for (const Signatory& g : e.signatories) signed_by = signed_by || g.name == "Kari Hansen";
  }
  EXPECT_TRUE(signed_by);
}

// A signer named by the surname alone in the sentence of the act signs it
// ("Gouverneur Uchibori ... unterzeichnet"); a speaker of a quotation named
// so in a sentence that tells the act does not.
TEST(Extractor, SurnameAloneNamesASigner) {
  Extraction x = run("Windenergie\n\nGouverneur Kenta Morishima besuchte am Montag Düsseldorf. Am Dienstag hat "
                     "Gouverneur Morishima eine Absichtserklärung zwischen der Präfektur Fukushima und "
                     "Nordrhein-Westfalen über Wasserstoff unterzeichnet.",
                     "2025-02-12");
  bool signed_by = false;
  for (const Event& e : x.events) {
    for (const Signatory& g : e.signatories) signed_by = signed_by || g.name == "Kenta Morishima";
  }
  EXPECT_TRUE(signed_by);
  Extraction y = run("Kooperation\n\nNordrhein-Westfalen und Fukushima unterzeichneten heute eine Absichtserklärung. "
                     "Ministerpräsident Lars Wendeborn empfing den Gouverneur. „Dass wir die Kooperation verlängern, "
                     "zeigt, wie verlässlich diese Freundschaft ist“, sagte Wendeborn.",
                     "2025-02-12");
  for (const Event& e : y.events) {
    for (const Signatory& g : e.signatories) EXPECT_NE(g.name, "Lars Wendeborn") << e.evidence;
  }
}

// People who attended the signing (a Japanese clause before "が出席しました")
// and the source a statement is told after ("Segundo ... X, o memorando")
// are no signatories.
TEST(Extractor, AttendantsAndSourcesAreNoSignatories) {
  const char* texts[] = {
      "日本とノルウェー、水素で協力覚書に署名\n\n経済産業省は本日、ノルウェー王国貿易産業水産省との間で、水素分野における"
      "協力覚書に署名しました。署名式は東京都内で行われ、日本側から中村健一経済産業審議官が、ノルウェー側からヨハン・ベルグ"
      "貿易産業水産副大臣が出席しました。",
      "Portugal e Noruega\n\nPortugal e Noruega assinaram em 2018 um memorando sobre energia. Segundo a secretária de "
      "Estado norueguesa Kari Nordvik Berg, o memorando assinado em 2018 abriu caminho à parceria.",
  };
  for (const char* text : texts) {
    SCOPED_TRACE(text);
    Extraction x = run(text, "2025-02-12");
    ASSERT_FALSE(x.events.empty());
    ASSERT_FALSE(x.people.empty());
    for (const Event& e : x.events) EXPECT_TRUE(e.signatories.empty()) << e.evidence << ": " << e.signatories[0].name;
  }
}

// An act dated after publication has not happened yet: it is planned.
TEST(Extractor, ActDatedAfterPublicationIsPlanned) {
  Extraction x = run("Vlaanderen en Noordrijn-Westfalen\n\nDe Vlaamse Regering en de regering van Noordrijn-Westfalen "
                     "hebben gisteren een strategisch partnerschap afgesloten. Begin volgend jaar starten beide regio's "
                     "onderhandelingen over een administratieve overeenkomst.",
                     "2025-10-14");
  auto it = std::find_if(x.events.begin(), x.events.end(), [](const Event& e) { return e.instrument == "negotiations"; });
  ASSERT_NE(it, x.events.end());
  EXPECT_EQ(it->stage, "planned");
  EXPECT_EQ(it->date, "2026");
}

// The tokenizer keeps an elided article with its noun: "l'Institut de
// Bavière" is an organization named without the article, Bavaria no party
// (named in English by fr/org_word.tsv).
TEST(Extractor, ElidedHeadOpensAnOrganization) {
  Extraction x = run("Hydrogène\n\nL'Agence de Normandie et l'Institut de Bavière ont signé mardi un accord de "
                     "coopération sur l'hydrogène.",
                     "2025-06-12");
  ASSERT_EQ(x.events.size(), 1u);
  std::vector<std::string> names;
  for (const Party& p : x.events[0].parties) names.push_back(p.name);
  EXPECT_EQ(names, (std::vector<std::string>{"Agency of Normandy", "Institute of Bavaria"}));
}

// An apposition after an organization, opened by an article and a common
// noun: the place in it describes the organization.
TEST(Extractor, PlaceInAnOrganizationsAppositionIsNoParty) {
  Extraction x = run("Havens\n\nGisteren hebben Port of Antwerp-Bruges en duisport, de haven van Duisburg, hun "
                     "samenwerkingsovereenkomst met vijf jaar verlengd.",
                     "2025-10-14");
  ASSERT_EQ(x.events.size(), 1u);
  const std::vector<std::string> names = party_names(x.events[0]);
  EXPECT_EQ(names, (std::vector<std::string>{"Port of Antwerp-Bruges", "duisport"}));
}

// "en marge de la Conférence des Nations unies": the actor in the venue's
// name is no party.
TEST(Extractor, ActorInAVenuesNameIsNoParty) {
  Extraction x = run("Hydrogène\n\nLa France et le Japon ont signé mardi une lettre d'intention sur l'hydrogène, en "
                     "marge de la Conférence des Nations unies sur l'océan à Nice.",
                     "2025-06-12");
  ASSERT_EQ(x.events.size(), 1u);
  EXPECT_EQ(test_util::party_keys(x.events[0]), (std::vector<std::string>{"FR", "JP"}));
}

// A relative clause after the act's stage with no stage of its own tells of
// something else: its days do not date the act.
TEST(Extractor, DatesOfARelativeClauseAreNotTheActs) {
  Extraction x = run("Nucléaire\n\nLa France et l'Inde ont signé mercredi une déclaration d'intention sur les petits "
                     "réacteurs modulaires. La déclaration a été signée à Marseille en présence des deux dirigeants, "
                     "qui avaient coprésidé lundi et mardi un sommet à Paris.",
                     "2025-02-12");
  ASSERT_FALSE(x.events.empty());
  for (const Event& e : x.events) EXPECT_EQ(e.date, "2025-02-12") << e.evidence;
}

// "beide regio's" after an act of two ports: the page's two regions, not the ports.
TEST(Extractor, PairOfRegionsIsTheMainRegions) {
  Extraction x = run("Vlaanderen en Noordrijn-Westfalen smeden strategisch partnerschap\n\nDe Vlaamse Regering en de "
                     "regering van Noordrijn-Westfalen hebben gisteren in Düsseldorf een strategisch partnerschap "
                     "afgesloten.\n\nDe havens van Antwerpen en Duisburg hebben hun samenwerkingsovereenkomst "
                     "verlengd.\n\nBegin volgend jaar starten de administraties van beide regio's onderhandelingen "
                     "over een administratieve overeenkomst.",
                     "2025-10-14");
  auto it = std::find_if(x.events.begin(), x.events.end(), [](const Event& e) { return e.instrument == "negotiations"; });
  ASSERT_NE(it, x.events.end());
  EXPECT_EQ(test_util::party_keys(*it), (std::vector<std::string>{"BE-VLG", "DE-NW"}));
}

// The schema's cooperation crosses a border or joins regions: two companies
// of one country state a domestic act; two regions of one country do not.
TEST(Extractor, SidesOfOneCountryAreNoCooperationUnlessRegions) {
  Extraction x = run("Nucléaire\n\nEDF et le CEA ont signé lundi un accord de coopération sur les petits réacteurs.",
                     "2025-06-05");
  EXPECT_TRUE(x.events.empty());
  x = run("Éolien\n\nLa Normandie et la Bretagne ont signé lundi un accord de coopération sur l'éolien en mer.",
          "2025-06-05");
  ASSERT_EQ(x.events.size(), 1u);
  EXPECT_EQ(test_util::party_keys(x.events[0]), (std::vector<std::string>{"FR-BRE", "FR-NOR"}));
}

// A name that opens with its head goes on over "van"/"de" and the places in
// it: "Universiteit van Amsterdam" is one party, Amsterdam none (named in
// English by nl/org_word.tsv).
TEST(Extractor, HeadFirstNameHoldsItsPlace) {
  Extraction x = run("Universiteiten\n\nDe Universiteit van Amsterdam en de Universiteit van Bergen hebben dinsdag een "
                     "samenwerkingsovereenkomst ondertekend.",
                     "2025-06-12");
  ASSERT_EQ(x.events.size(), 1u);
  std::vector<std::string> names;
  for (const Party& p : x.events[0].parties) names.push_back(p.name);
  EXPECT_EQ(names, (std::vector<std::string>{"University of Amsterdam", "University of Bergen"}));
}

// "the sixth partnership of the kind, after Canada ...": the acts listed are
// of the kind of the act stated before, and done as it was.
TEST(Extractor, ActsOfTheSameKind) {
  Extraction x = run("EU and Chile sign raw materials partnership\n\nThe European Union signed a strategic partnership "
                     "on critical raw materials with Chile on 18 July 2023.\n\nIt is, for the European Union, the sixth "
                     "partnership of the kind, after Canada and Ukraine in 2021 and Namibia in November 2022.");
  auto it = std::find_if(x.events.begin(), x.events.end(), [](const Event& e) {
    return party_keys(e) == std::vector<std::string>{"CA", "EU"};
  });
  ASSERT_NE(it, x.events.end());
  EXPECT_EQ(it->instrument, "strategic_partnership");
  EXPECT_EQ(it->stage, "signed");
  EXPECT_EQ(it->date, "2021");
}

// Page metadata run together ("News article14 March 2023Directorate-
// General") still gives the publication date that "On 14 March" needs.
TEST(Extractor, PublicationDateInTextRunTogether) {
  Extraction x = run("Skip to main content\nNews article14 March 2023Directorate-General for Trade\n\n"
                     "EU and Namibia partnership\n\nOn 14 March, the EU and Namibia signed a memorandum of "
                     "understanding on raw materials.");
  EXPECT_EQ(x.published, "2023-03-14");
  ASSERT_FALSE(x.events.empty());
  EXPECT_EQ(x.events[0].date, "2023-03-14");
}

TEST(Extractor, MinConfidenceFilters) {
  ingest::Document d;
  d.source = "t.txt";
  d.text = "Norway and Japan signed a memorandum of understanding on hydrogen.";
  ExtractOptions strict;
  strict.min_confidence = 0.999;
  auto x = extractor().extract(d, strict);
  ASSERT_TRUE(x.is_ok());
  EXPECT_TRUE(x->events.empty());
}

// A sentence counting instruments, with no stage of its own, sums up the
// acts told after it: no act of the page's main actors, and its date dates
// the counted acts; one stating a stage ("mehrere ... unterzeichnet") is an act.
TEST(Extractor, CountingSentenceSumsUpTheActsAfterIt) {
  Extraction x = run("Norwegian and Japanese firms team up on floating wind\nPublished 14 March 2025\n\n"
                     "Two letters of intent came out of the Norway–Japan wind seminar that the embassy hosted in "
                     "Tokyo on Wednesday.\n\nThe Norwegian designer Havlys Floating AS and the Japanese fabricator "
                     "Kitaura Marine Works signed a letter of intent on floating wind foundations.\n\n"
                     "In a second letter of intent, Nordkyst Kabel AS and the Japanese shipowner Seto Blue Line "
                     "agreed to study a cable-laying vessel.",
                     "2025-03-14");
  ASSERT_EQ(x.events.size(), 2u);
  for (const Event& e : x.events) {
    EXPECT_EQ(e.instrument, "letter_of_intent") << e.evidence;
    EXPECT_EQ(e.date, "2025-03-12") << e.evidence;
    for (const Party& p : e.parties) EXPECT_EQ(p.kind, "organization") << e.evidence;
  }
  Extraction signed_ = run("Japan und die EU\n6. Juni 2024\n\nJapan und die Europäische Union haben am 3. Juni "
                           "zwei Absichtserklärungen zu Wasserstoff unterzeichnet.\n\nDie Absichtserklärung zu "
                           "Standards gilt fünf Jahre.",
                           "2024-06-06");
  ASSERT_FALSE(signed_.events.empty());
  EXPECT_EQ(party_keys(signed_.events[0]), (std::vector<std::string>{"EU", "JP"}));
}

// What ended and what goes on between the same sides are two acts.
TEST(Extractor, EndedAndContinuingCooperationAreTwoActs) {
  Extraction x = run("Equinor og RWE\n\nEquinor går ikke videre med planene om å produsere blå hydrogen sammen med "
                     "RWE, bekreftet selskapet fredag.\n\nEquinor og RWE fortsetter samarbeidet om gasskraftverk i "
                     "Tyskland.",
                     "");
  std::vector<std::string> stages;
  for (const Event& e : x.events) stages.push_back(e.stage);
  std::sort(stages.begin(), stages.end());
  EXPECT_EQ(stages, (std::vector<std::string>{"expired", "ongoing"}));
}

// More dates than stage words: a stage word states the act of the date
// nearest to it only ("2011 erneuert und 2019 ... erweitert" is not a renewal
// in 2019), and a date with no verb of its own is the act that was concluded.
TEST(Extractor, StageWordsGoToTheirNearestDateOnly) {
  Extraction x = run("Schleswig-Holstein und Süddänemark\nKiel, 18. März 2025\n\nDie Partnerschaft von "
                     "Schleswig-Holstein und der Region Syddanmark geht auf eine Kooperationsvereinbarung von 2001 "
                     "zurück, die 2011 erneuert und 2019 um die Zusammenarbeit bei erneuerbaren Energien erweitert wurde.",
                     "2025-03-18");
  auto got = dates_and_stages(x);
  std::sort(got.begin(), got.end());
  EXPECT_EQ(got, (std::vector<std::pair<std::string, std::string>>{
                     {"2001", "signed"}, {"2011", "renewed"}, {"2019", "extended"}}));
}

// Dates joined by "and" share their one stage word ("renewed in 2018 and
// 2022", "2012 und 2022 erneuert"): one act each; a date before them with
// no verb of its own is the act concluded then.
TEST(Extractor, DatesJoinedByAndShareTheirStage) {
  struct R { const char* text; std::vector<std::pair<std::string, std::string>> want; } rows[] = {
      {"Norway and Japan\nPublished 3 April 2025\n\nThe hydrogen memorandum of Norway and Japan of 2014 was "
       "renewed in 2018 and 2022.",
       {{"2014", "signed"}, {"2018", "renewed"}, {"2022", "renewed"}}},
      {"Bayern und Québec\nMünchen, 3. April 2025\n\nDie 1989 begründete Partnerschaft von Bayern und Québec "
       "wurde 2012 und 2022 erneuert.",
       {{"1989", "announced"}, {"2012", "renewed"}, {"2022", "renewed"}}},
  };
  for (const R& r : rows) {
    SCOPED_TRACE(r.text);
    auto got = dates_and_stages(run(r.text, "2025-04-03"));
    std::sort(got.begin(), got.end());
    EXPECT_EQ(got, r.want);
  }
}


// The Commission is an organization of the EU: its act is the EU's, and it
// is named among the organizations; "according to the Commission" does not
// make the EU's negotiations someone else's.
TEST(Extractor, TheCommissionActsForTheEuAndIsAnOrganization) {
  Extraction x = run("Green Alliance\n\nThe European Commission and Norway signed a green alliance in Brussels on Monday.",
                     "2023-04-25");
  ASSERT_EQ(x.events.size(), 1u);
  EXPECT_EQ(party_keys(x.events[0]), (std::vector<std::string>{"EU", "NO"}));
  EXPECT_NE(std::find(x.organizations.begin(), x.organizations.end(), "European Commission"), x.organizations.end());
  x = run("Matières premières\n\nDes négociations sont en cours avec le Maroc, selon la Commission.", "2024-03-01");
  ASSERT_EQ(x.events.size(), 1u);
  EXPECT_EQ(party_keys(x.events[0]), (std::vector<std::string>{"EU", "MA"}));
}


// A plan to sign what is being negotiated is the negotiation's goal: one
// act, negotiating, not dated by the goal's "next year".
TEST(Extractor, TheGoalOfNegotiationsDoesNotDateThem) {
  Extraction x = run(
      "Finland and Estonia start negotiations on a joint offshore wind farm\n\nHelsinki, 2 October 2024\n\n"
      "Finland and Estonia have started negotiations on a joint offshore wind farm in the Gulf of Finland. The "
      "talks are held in Tallinn, and the governments aim for the agreement to be signed next year.",
      "2024-10-02");
  ASSERT_EQ(x.events.size(), 1u);
  EXPECT_EQ(x.events[0].stage, "negotiating");
  EXPECT_NE(x.events[0].date, "2025");
}

}  // namespace
}  // namespace pactum::extract

namespace pactum::extract {
namespace {

// A country written before its own organization with a short description
// between ("the Norwegian energy company Equinor", "ノルウェーのエネルギー大手
// エクイノール") says where the organization is from: the organization is
// the party, the country is not.
TEST(Extractor, CountryBeforeItsOwnDescribedOrganizationIsNoParty) {
  auto names = [](const Event& e) {
    std::vector<std::string> out;
    for (const auto& p : e.parties) out.push_back(p.name);
    std::sort(out.begin(), out.end());
    return out;
  };
  Extraction en = test_util::run(
      "Headline\n\nPublished 3 September 2025\n\nJapan signed a memorandum with the Norwegian energy company "
      "Equinor on Tuesday.");
  ASSERT_FALSE(en.events.empty());
  EXPECT_EQ(names(en.events[0]), (std::vector<std::string>{"Equinor", "Japan"}));
  Extraction ja = test_util::run(
      "見出し\n\n2025年9月3日\n\n日本郵船は、9月2日、ノルウェーのエネルギー大手エクイノールと、アンモニア燃料船に関する"
      "基本合意書を締結しました。", "2025-09-03");
  ASSERT_FALSE(ja.events.empty());
  EXPECT_EQ(names(ja.events[0]), (std::vector<std::string>{"Equinor", "NYK Line"}));
}

}  // namespace
}  // namespace pactum::extract

namespace pactum::extract {
namespace {

// English writes its possessive onto a place's name: "Japan's industry
// ministry" and "Canada’s innovation ministry" name the two countries; a
// country's possessive before its own organization ("Australia's Lynas")
// still leaves the organization the party.
TEST(Extractor, EnglishPossessivesNamePlaces) {
  Extraction x = test_util::run(
      "Headline\n\nPublished 3 September 2025\n\nJapan's industry ministry and Canada\u2019s innovation ministry "
      "signed a memorandum on battery supply chains on Tuesday.");
  ASSERT_FALSE(x.events.empty());
  EXPECT_EQ(test_util::party_keys(x.events[0]), (std::vector<std::string>{"CA", "JP"}));
  Extraction y = test_util::run(
      "Headline\n\nPublished 3 September 2025\n\nJapan signed a memorandum with Norway's Equinor on Tuesday.");
  ASSERT_FALSE(y.events.empty());
  ASSERT_EQ(y.events[0].parties.size(), 2u);
  EXPECT_TRUE(std::any_of(y.events[0].parties.begin(), y.events[0].parties.end(),
                          [](const auto& p) { return p.name == "Equinor"; }));
}

}  // namespace
}  // namespace pactum::extract

namespace pactum::extract {
namespace {

// "..., according to a joint statement": where a report has a statement
// from, not a joint declaration of its own.
TEST(Extractor, AStatementsSourceIsNoAct) {
  Extraction x = test_util::run(
      "Headline\n\nPublished 19 February 2025\n\nJOGMEC signed a letter of intent with the Saskatchewan Research "
      "Council on Tuesday. Under the letter, JOGMEC and the Canadian provincial Crown corporation will study shipping "
      "rare earth carbonate to Japanese magnet makers, according to a joint statement.");
  ASSERT_EQ(x.events.size(), 1u);
  EXPECT_EQ(x.events[0].instrument, "letter_of_intent");
  // (Without the speech phrase, "as set out in a joint statement", it is read as an act of its own.)
}

// A signature planned for a later year, of what two sides began to
// negotiate, is the negotiation's goal: one act, the negotiation, dated when
// the talks began. An act the same sides signed on a date of their own long
// before stays apart.
TEST(Extractor, PlannedSigningIsTheGoalOfTheNegotiation) {
  Extraction x = run("Finland and Estonia open talks\n\nFinland and Estonia began negotiations today on an agreement "
                     "on offshore wind.\n\nThe governments plan to sign the agreement next year. The minister said that "
                     "the agreement would also cover hydrogen.",
                     "2024-10-02");
  ASSERT_EQ(x.events.size(), 1u);
  // (The agreement named after the plan is the one negotiated.)
  EXPECT_NE(std::find(x.events[0].sectors.begin(), x.events[0].sectors.end(), "hydrogen"), x.events[0].sectors.end());
  EXPECT_EQ(x.events[0].instrument, "negotiations");
  EXPECT_EQ(x.events[0].stage, "negotiating");
  EXPECT_EQ(x.events[0].date, "2024-10-02");
  Extraction y = run("北海道とアルバータ州による協力に向けた協議の開始について\n\n"
                     "北海道は、カナダ・アルバータ州と、水素分野における協力覚書の締結に向けた協議を開始しました。\n\n"
                     "北海道とアルバータ州は、1980年に姉妹提携を結んで以来、交流を続けてきました。\n\n"
                     "協力覚書は、来年2月に署名される予定です。",
                     "2025-11-14");
  ASSERT_EQ(y.events.size(), 2u) << (y.events.empty() ? "" : y.events[0].evidence);
  EXPECT_EQ(y.events[0].instrument, "negotiations");
  EXPECT_EQ(y.events[0].stage, "negotiating");
  EXPECT_EQ(y.events[1].date, "1980");
}

// A year that qualifies the renewed instrument ("hun samenwerkingsovereenkomst
// uit 2019 ... verlengd") dates its first signature, an act of its own; the
// renewal takes the sentence's other date ("In de marge van het bezoek": the
// day of the act told before). A year of the renewal itself stays its date.
TEST(Extractor, YearOfTheRenewedInstrumentIsItsSignature) {
  Extraction x = run("Vlaanderen en Noordrijn-Westfalen\n\nVlaanderen en Noordrijn-Westfalen hebben op 13 oktober 2025 "
                     "een strategisch partnerschap ondertekend.\n\nIn de marge van het bezoek hebben Port of "
                     "Antwerp-Bruges en duisport hun samenwerkingsovereenkomst uit 2019 met vijf jaar verlengd.",
                     "2025-10-14");
  auto ports = [](const Event& e) { return !e.parties.empty() && e.parties[0].kind == "organization"; };
  std::vector<std::pair<std::string, std::string>> acts;
  for (const Event& e : x.events) {
    if (ports(e)) acts.emplace_back(e.date, e.stage);
  }
  EXPECT_EQ(acts, (std::vector<std::pair<std::string, std::string>>{{"2025-10-13", "extended"}, {"2019", "signed"}}));
  Extraction y = run("NRW und Fukushima\n\nDie Absichtserklärung zwischen Nordrhein-Westfalen und Fukushima wurde "
                     "2017 verlängert.",
                     "2025-10-14");
  EXPECT_EQ(dates_and_stages(y), (std::vector<std::pair<std::string, std::string>>{{"2017", "extended"}}));
  // After the instrument the renewal word precedes, a year "of" it is its origin; one "in" it, the renewal's.
  Extraction o = run("Norway and Japan\n\nNorway and Japan renewed their cooperation agreement of 2019 on Monday.",
                     "2025-10-14");
  EXPECT_EQ(dates_and_stages(o), (std::vector<std::pair<std::string, std::string>>{{"2025-10-13", "renewed"},
                                                                                    {"2019", "signed"}}));
  Extraction i = run("Norway and Japan\n\nNorway and Japan renewed the cooperation agreement in 2017.", "2025-10-14");
  EXPECT_EQ(dates_and_stages(i), (std::vector<std::pair<std::string, std::string>>{{"2017", "renewed"}}));
  // (Whichever date stands nearer the instrument: "renovaram hoje o acordo ... de 2019".)
  Extraction h = run("Portugal e Espanha\n\nPortugal e Espanha renovaram hoje o acordo de cooperação de 2019 sobre "
                     "hidrogénio e energia eólica marítima por mais cinco anos.",
                     "2025-10-14");
  EXPECT_EQ(dates_and_stages(h), (std::vector<std::pair<std::string, std::string>>{{"2025-10-14", "renewed"},
                                                                                    {"2019", "signed"}}));
  // "À cette occasion" is the day of the act told before.
  Extraction z = run("Normandie et Québec\n\nLa Normandie et le Québec ont signé jeudi une lettre d'intention sur "
                     "l'éolien en mer.\n\nÀ cette occasion, les deux gouvernements ont également renouvelé l'entente "
                     "de coopération qu'ils avaient conclue en 2015.",
                     "2025-06-13");
  EXPECT_EQ(dates_and_stages(z), (std::vector<std::pair<std::string, std::string>>{
                                     {"2025-06-12", "signed"}, {"2025-06-12", "renewed"}, {"2015", "signed"}}));
}

// What was "not renewed" ran out, dated by its end, not by its signature;
// and an agreement that ran out is another act than the one that replaces it.
TEST(Extractor, ExpiredActIsDatedByItsEndAndStandsApart) {
  Extraction x = run("Rohstoffe\n\nNicht verlängert wurde dagegen eine Absichtserklärung zwischen Deutschland und "
                     "Chile aus dem Jahr 2019; sie lief Ende 2024 aus.",
                     "2025-09-18");
  EXPECT_EQ(dates_and_stages(x), (std::vector<std::pair<std::string, std::string>>{{"2024", "expired"}}));
  Extraction y = run("Grønne brændstoffer\n\nRegion Nordjylland og den svenske region Västra Götaland underskrev i går "
                     "en strategisk partnerskabsaftale om brint til færger.\n\nPartnerskabet erstatter en "
                     "samarbejdsaftale mellem de to regioner, som er udløbet.",
                     "2025-05-14");
  ASSERT_EQ(y.events.size(), 2u);
  EXPECT_EQ(y.events[0].instrument, "strategic_partnership");
  EXPECT_EQ(y.events[0].stage, "signed");
  EXPECT_EQ(y.events[1].instrument, "cooperation_agreement");
  EXPECT_EQ(y.events[1].stage, "expired");
}

// "A formal signing ... is planned": the signature word is what is planned;
// the plan is the goal of the negotiation told before, not a signature.
TEST(Extractor, PlannedSigningWordIsNoSignature) {
  Extraction x = run("Talks on shipping carbon\n\nThe United Kingdom and the Netherlands will start negotiating an "
                     "arrangement on shipping captured carbon, ministers said on Tuesday.\n\nA formal signing of the "
                     "arrangement between the United Kingdom and the Netherlands is planned once the negotiations are "
                     "complete.",
                     "2025-03-20");
  ASSERT_EQ(x.events.size(), 1u);
  EXPECT_EQ(x.events[0].instrument, "negotiations");
  EXPECT_EQ(x.events[0].stage, "negotiating");
  EXPECT_EQ(x.events[0].date, "2025-03-18");
}

// A formal instrument renewed "during the visit" of a declaration signed is
// another act, of that day; "the agreement" first concluded in an earlier
// year, told right after, is the renewed instrument's first signature.
TEST(Extractor, RenewalBesideAnotherInstrumentAndItsFirstSignature) {
  Extraction x = run("Norge og Nederland\n\nNorge og Nederland undertegnet i dag en felles erklæring om havvind i Oslo."
                     "\n\nUnder besøket ble også samarbeidsavtalen om CO2-lagring mellom Norge og Nederland fornyet for "
                     "fem år. Avtalen ble første gang inngått i 2021.",
                     "2025-04-08");
  std::vector<std::tuple<std::string, std::string, std::string>> acts;
  for (const Event& e : x.events) acts.emplace_back(e.instrument, e.stage, e.date);
  EXPECT_EQ(acts, (std::vector<std::tuple<std::string, std::string, std::string>>{
                      {"joint_declaration", "signed", "2025-04-08"},
                      {"cooperation_agreement", "renewed", "2025-04-08"},
                      {"cooperation_agreement", "signed", "2021"}}));
}

// "Under besøket", "会談に合わせ": on the occasion of the visit the page
// reports, the day of its own act, not that of an older act told since.
TEST(Extractor, OccasionOfTheVisitIsTheDayOfThePagesAct) {
  Extraction x = run("Norge og India\n\nNorge og India undertegnet i dag en felles erklæring om skipsfart i Oslo.\n\n"
                     "Landene undertegnet i mars 2023 et memorandum om havvind.\n\nUnder besøket undertegnet Vestland "
                     "og Kerala en intensjonsavtale om nullutslippsfartøy.",
                     "2025-11-20");
  auto it = std::find_if(x.events.begin(), x.events.end(), [](const Event& e) { return e.instrument == "letter_of_intent"; });
  ASSERT_NE(it, x.events.end());
  EXPECT_EQ(it->date, "2025-11-20");
}

// A verb that negotiates a document ("forhandler nå om en samarbeidsavtale")
// states negotiations, another act than the letter signed, dated "nå" by the
// page's day; a partnership being worked on stays the partnership.
TEST(Extractor, NegotiatingVerbOnADocumentIsNegotiations) {
  Extraction x = run("Agder og Groningen\n\nAgder og Groningen undertegnet i går en intensjonsavtale om hydrogen.\n\n"
                     "Agder og Groningen forhandler nå også om en samarbeidsavtale for havnene.",
                     "2025-05-21");
  std::vector<std::tuple<std::string, std::string, std::string>> acts;
  for (const Event& e : x.events) acts.emplace_back(e.instrument, e.stage, e.date);
  EXPECT_EQ(acts, (std::vector<std::tuple<std::string, std::string, std::string>>{
                      {"letter_of_intent", "signed", "2025-05-20"}, {"negotiations", "negotiating", "2025-05-21"}}));
}

// The page's first act, undated, told right after a sentence that names the
// day of the meeting and states no act, was done that day.
TEST(Extractor, FirstActTakesTheDayOfTheMeetingBeforeIt) {
  Extraction x = run("Szczyt bałtycki\n\nPremier wziął we wtorek udział w szczycie w Kopenhadze.\n\nPrzywódcy Danii, "
                     "Polski i Szwecji podpisali wspólną deklarację o morskiej energetyce wiatrowej.",
                     "2022-08-31");
  ASSERT_FALSE(x.events.empty());
  EXPECT_EQ(x.events[0].date, "2022-08-30");
}

// An undated renewal told after the lead was made on the occasion the page
// reports: the day of its first dated act.
TEST(Extractor, UndatedRenewalAfterTheLeadIsOfThePagesDay) {
  Extraction x = run("France et Inde\n\nLa France et l'Inde ont signé mercredi une déclaration d'intention sur les "
                     "petits réacteurs.\n\nLa Normandie et le Québec ont par ailleurs renouvelé leur accord de "
                     "coopération sur la formation.",
                     "2025-02-13");
  auto it = std::find_if(x.events.begin(), x.events.end(), [](const Event& e) { return e.stage == "renewed"; });
  ASSERT_NE(it, x.events.end());
  EXPECT_EQ(it->date, "2025-02-12");
  // So too negotiations they also agreed to start.
  Extraction y = run("Noreg og Japan\n\nNoreg og Japan underteikna torsdag ei felles erklæring om hydrogen i Tokyo, der "
                     "statsministrane møttest for første gong.\n\n"
                     "Statsministrane vart òg samde om å starte forhandlingar om ein trygdeavtale mellom Noreg og Japan.",
                     "2023-12-08");
  auto talks = std::find_if(y.events.begin(), y.events.end(), [](const Event& e) { return e.instrument == "negotiations"; });
  ASSERT_NE(talks, y.events.end());
  EXPECT_EQ(talks->date, "2023-12-07");
}

// A plan's "by" date is when it falls due: its date (a goal years ahead is
// none); a German genitive names the instrument ("des Kooperationsabkommens").
TEST(Extractor, PlanIsDatedByWhenItFallsDue) {
  Extraction x = run("Accordo\n\nItalia e Giappone hanno firmato oggi un memorandum d'intesa. La firma di un accordo "
                     "quadro tra Italia e Giappone è prevista per il 2026.",
                     "2025-10-14");
  auto it = std::find_if(x.events.begin(), x.events.end(), [](const Event& e) { return e.stage == "planned"; });
  ASSERT_NE(it, x.events.end());
  EXPECT_EQ(it->date, "2026");
  Extraction y = run("Abkommen\n\nDie Unterzeichnung des Kooperationsabkommens zwischen Deutschland und Kanada ist "
                     "geplant.",
                     "2025-10-14");
  ASSERT_EQ(y.events.size(), 1u);
  EXPECT_EQ(y.events[0].instrument, "cooperation_agreement");
  EXPECT_EQ(y.events[0].stage, "planned");
}

// A loose word for a cooperation with nothing happening, after the lead
// ("die Partnerschaft mit einer norwegischen Energieregion sei ein
// Standortvorteil"), refers to an act: it opens none.
TEST(Extractor, LooseCooperationWordWithNothingHappeningOpensNoAct) {
  Extraction x = run("Niedersachsen und Rogaland\n\nNiedersachsen und die norwegische Region Rogaland haben am Montag in "
                     "Stavanger eine Absichtserklärung zur Zusammenarbeit bei der CO2-Speicherung unterzeichnet.\n\n"
                     "Für Niedersachsen sei die Partnerschaft mit einer norwegischen Energieregion ein Standortvorteil, "
                     "sagte der Minister.",
                     "2025-11-11");
  ASSERT_EQ(x.events.size(), 1u) << x.events.back().evidence;
  EXPECT_EQ(x.events[0].instrument, "letter_of_intent");
}

// A plan dated on or before the page's day names no date falling due: it
// tells when the sides agreed to it and dates undated talks; the signing
// planned for later stays their goal.
TEST(Extractor, PastPlanDatesUndatedTalks) {
  Extraction x = run("Hokkaido and Alberta\n\nHokkaido and Alberta have begun talks toward a memorandum of understanding "
                     "on hydrogen and carbon capture, the prefecture announced.\n\nOn Wednesday, the governor and the "
                     "premier of Alberta agreed in an online meeting that Hokkaido and Alberta plan to examine concrete "
                     "projects.\n\nThe memorandum is to be signed in February next year.",
                     "2025-11-14");
  ASSERT_EQ(x.events.size(), 1u);
  EXPECT_EQ(x.events[0].instrument, "negotiations");
  EXPECT_EQ(x.events[0].stage, "negotiating");
  EXPECT_EQ(x.events[0].date, "2025-11-12");
}

// A cooperation that goes on "today" has no date: the page's day is none of
// its acts.
TEST(Extractor, OngoingCooperationTodayIsUndated) {
  Extraction x = run("Wind\n\nToday Norway and Japan have a long-standing cooperation on floating offshore wind, the "
                     "ministry said.",
                     "2025-10-14");
  ASSERT_EQ(x.events.size(), 1u);
  EXPECT_EQ(x.events[0].stage, "ongoing");
  EXPECT_EQ(x.events[0].date, "");
}

// The act told last, opening a sentence ("Avtalet kompletterar ..."), is its
// subject: the sentence's act is the cooperation named after it with a stage
// of its own.
TEST(Extractor, OpeningReferenceIsTheSubjectNotTheAct) {
  Extraction x = run("Sverige och Kanada\n\nSverige och Kanada undertecknade i går ett samförståndsavtal om "
                     "kritiska mineraler i Ottawa.\n\nAvtalet kompletterar det samarbete om råvaror som Sverige "
                     "inledde med Kanada i fjol.",
                     "2025-06-12");
  auto it = std::find_if(x.events.begin(), x.events.end(), [](const Event& e) { return e.date == "2024"; });
  ASSERT_NE(it, x.events.end());
  EXPECT_EQ(it->instrument, "other");
}

}  // namespace
// A city that is a region of its own signs as that region (the annotations
// name Tokyo and Hamburg so); another city stays a city, and a city-state
// that is only the venue is no party.
TEST(Extractor, CityStateSignsAsItsRegion) {
  Extraction x = run("Hydrogen\n\nWestern Australia and Ulsan signed a memorandum of understanding on hydrogen on Monday.",
                     "2025-09-17");
  ASSERT_EQ(x.events.size(), 1u);
  ASSERT_EQ(x.events[0].parties.size(), 2u);
  const Party& ulsan = x.events[0].parties[1].name == "Ulsan" ? x.events[0].parties[1] : x.events[0].parties[0];
  EXPECT_EQ(ulsan.kind, "region");
  EXPECT_EQ(ulsan.subdivision, "KR-31");
  x = run("Hydrogen\n\nNorway and Japan signed a memorandum of understanding on hydrogen in Berlin on Monday.",
          "2025-09-17");
  ASSERT_EQ(x.events.size(), 1u);
  EXPECT_EQ(party_keys(x.events[0]), (std::vector<std::string>{"JP", "NO"}));
}

}  // namespace pactum::extract

namespace pactum::extract {
namespace {

// Organizations no table knows, named as parties: a demonym right before a
// name (its spelling makes it one: never written in lower case in the text,
// or capitals inside), a single name listed with an organization, and a
// city's port. Not a common noun of a language that capitalises nouns, a
// person after a title, a word of a known name ("the British Embassy").
TEST(Extractor, UnknownOrganizationsNamedAsParties) {
  struct Case {
    const char* lang;
    const char* text;
    std::vector<std::string> parties;  // sorted keys of the first event
  };
  const Case cases[] = {
      {"da", "Havvind\n\nKystnett har sammen med det belgiske Valoria og hollandsk-tyske NordGriD indgået en samarbejdsaftale om havvind.",
       {"Kystnett", "NordGriD", "Valoria"}},
      {"it", "Rame\n\nElettrona e la cilena MINERA hanno firmato un memorandum d'intesa sul rame.", {"Elettrona", "MINERA"}},
      {"it", "Rete\n\nElettrona e la tunisina RETEL hanno firmato un memorandum d'intesa sulla rete.", {"Elettrona", "RETEL"}},
      {"en", "Copper\n\nThe Chilean Andesco and the Japanese Kurotani signed a memorandum of understanding on copper.",
       {"Andesco", "Kurotani"}},
      {"es", "Gas\n\nEl grupo japonés Kaiyo Sangyo y la noruega Fjellgass firmaron ayer un memorando de entendimiento.",
       {"Fjellgass", "Kaiyo Sangyo"}},
      {"sv", "Vätgas\n\nI dag undertecknade Vätgruppen, Nordkraft och den danska Havstrøm en avsiktsförklaring om vätgas.",
       {"Havstrøm", "Nordkraft", "Vätgruppen"}},
      // A legal form ("SE"); a legal form that is a word ("se") is no noun
      // a demonym describes.
      {"es", "Acuerdo de hidrógeno\n\nNordwerk SE y Vindkraft AS firmaron ayer en Madrid un memorando de entendimiento para la producción de hidrógeno verde en España.", {"Nordwerk SE", "Vindkraft AS"}},
      {"es", "Acuerdo\n\nLas partes noruega y japonesa se reunieron y firmaron un memorando de entendimiento.", {"JP", "NO"}},
      // The act's subject, its partner after "with".
      {"en", "Grids\n\nKystnett signed a memorandum of understanding with the Belgian Valoria on offshore grids.",
       {"Kystnett", "Valoria"}},
      {"es", "Hidrógeno\n\nGasvik firmó un acuerdo de colaboración con la noruega Fjellgass para el transporte de hidrógeno.",
       {"Fjellgass", "Gasvik"}},
      // German capitalises every noun: "Seite" is no name.
      {"de", "Wasserstoff\n\nDie deutsche Seite und die norwegische Regierung unterzeichneten eine Absichtserklärung über Wasserstoff.",
       {"DE", "NO"}},
      // ... but capitals inside a word are a name's.
      {"de", "Wasserstoff\n\nDie deutsche NORDWERK und die dänische VindKraft unterzeichneten eine Absichtserklärung über Wasserstoff.",
       {"NORDWERK", "VindKraft"}},
      // A person after a demonym written as a noun, a person after a title.
      {"fr", "Hydrogène\n\nLe Norvégien Jonas Berg et le Japonais Kenji Sato ont signé hier à Paris un protocole d'accord sur l'hydrogène.",
       {"JP", "NO"}},
      // A person after a title, a person's name with an initial.
      {"it", "Accordo\n\nIl presidente cileno Gabriel Rocas e il primo ministro indiano Aran Mehta hanno firmato un memorandum d'intesa.",
       {"CL", "IN"}},
      // A word of a known name ("Royal Norwegian Embassy") is a common word.
      {"en", "Wind\n\nTOKYO, March 3, 2025 – Innovation Norway and the British Embassy signed a memorandum of understanding on offshore wind.",
       {"GB", "NO"}},
      // A word at the sentence's start before a comma is no list's member.
      {"en", "Hydrogen\n\nMeanwhile, Equinor and the Japanese Kurotani signed a memorandum of understanding on hydrogen.",
       {"Kurotani", "NO"}},
      // The ports of cities (and of a place no table knows).
      {"en", "Corridors\n\nEquinor signed a memorandum of understanding with the ports of Antwerp-Bruges and Gothenburg on green shipping corridors.",
       {"BE", "NO", "Port of Gothenburg"}},  // "Antwerp-Bruges" names the port of the table: keyed by its country
      {"da", "Landstrøm\n\nI efteråret indgås en samarbejdsaftale mellem havnene i Hirtshals og Göteborg om landstrøm.",
       {"Port of Gothenburg", "Port of Hirtshals"}},
      // "Port" before a city names its port in any language (xx/org_head.tsv); "港" after one in Japanese.
      {"da", "Havne\n\nPort Oostende og Port Aalborg underskrev i går en samarbejdsaftale om havvind.",
       {"Port of Aalborg", "Port of Ostend"}},
      {"ja", "港湾協力\n\n北九州港とハイフォン港は２月３日、覚書を締結しました。", {"Port of Hải Phòng", "Port of Kitakyushu"}},
      {"de", "Kooperation\n\nDie Hafengesellschaft Niedersachsen Ports unterzeichnete eine Kooperationsvereinbarung mit dem Hafen Stavanger.",
       {"DE", "Port of Stavanger"}},  // a table organization: keyed by its country
      // Where, or what about, not who: no port.
      {"da", "Landstrøm\n\nDanmark og Sverige indgik i havnen i Esbjerg en samarbejdsaftale om landstrøm.", {"DK", "SE"}},
  };
  for (const Case& c : cases) {
    const Extraction x = run(c.text, "2025-03-03");
    ASSERT_FALSE(x.events.empty()) << c.text;
    EXPECT_EQ(party_keys(x.events.front()), c.parties) << c.text;
  }
}

}  // namespace
}  // namespace pactum::extract

namespace pactum::extract {
namespace {

// A surname listed with an organization is the person the text named
// before, not an organization no table knows.
TEST(Extractor, ASurnameListedWithAnOrganizationIsNoOrganization) {
  const Extraction x = run(
      "Aftale om havvind\n\nKøbenhavn, 3. marts 2025 – Klimaminister Lars Strandvik besøgte i går havnen.\n\n"
      "Strandvik og det belgiske Valoria underskrev en samarbejdsaftale om havvind.",
      "2025-03-03");
  for (const Event& e : x.events) {
    for (const auto& p : e.parties) EXPECT_NE(p.name, "Strandvik");
  }
  EXPECT_TRUE(std::find(x.organizations.begin(), x.organizations.end(), "Strandvik") == x.organizations.end());
}

}  // namespace
}  // namespace pactum::extract

namespace pactum::extract {
namespace {

// A Japanese venue written country first, "カナダ・エドモントンにおいて": the
// country joined by the middle dot to the place before the postposition is
// part of the venue, no party beside the region that signs.
TEST(Extractor, JapaneseVenueAfterMiddleDotIsNoParty) {
  Extraction x = run("北海道の報道発表\n\n10月7日（火曜日）、カナダ・エドモントンにおいて、鈴木直道知事とアルバータ州の"
                     "ダニエル・スミス首相が、水素に関する覚書に署名しました。",
                     "2025-10-09");
  ASSERT_EQ(x.events.size(), 1u);
  EXPECT_EQ(party_keys(x.events[0]), (std::vector<std::string>{"CA-AB", "JP-01"}));
}

}  // namespace
}  // namespace pactum::extract

namespace pactum::extract {
namespace {

// A company described, not named, after an indefinite article: the side is
// the description, an organization of the demonym's country, not the state.
TEST(Extractor, UnnamedCompanyIsItsDescriptionNotItsState) {
  Extraction x = run("Lithium\n\nA provincial official said Jujuy was also in talks with a South Korean battery materials "
                     "company about a separate supply agreement.",
                     "2025-07-10");
  ASSERT_EQ(x.events.size(), 1u);
  std::vector<std::string> names;
  for (const Party& p : x.events[0].parties) names.push_back(p.name + "|" + p.kind + "|" + p.country);
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"Jujuy|region|AR", "South Korean battery materials company|organization|KR"}));
}

}  // namespace
}  // namespace pactum::extract

namespace pactum::extract {
namespace {

// Places named as examples (location_prep label "example"): partners after a
// cooperation word, one act with each; elsewhere no parties, as a group's
// member named as an example beside the group that acts.
TEST(Extractor, ExamplesArePartnersOnlyAfterACooperationWord) {
  Extraction x = run("Danmark og Vietnam\n\nDanmark har i mange år samarbejdet om energi med en lang række lande, "
                     "blandt andet Indonesien og Mexico.",
                     "2025-04-24");
  std::vector<std::vector<std::string>> pairs;
  for (const Event& e : x.events) pairs.push_back(party_keys(e));
  std::sort(pairs.begin(), pairs.end());
  EXPECT_EQ(pairs, (std::vector<std::vector<std::string>>{{"DK", "ID"}, {"DK", "MX"}}));
  x = run("Handel\n\nEFTA-landene, deriblant Norge, undertegnet i mars 2024 en handels- og investeringsavtale med India.",
          "2025-11-14");
  ASSERT_EQ(x.events.size(), 1u);
  const std::vector<std::string> names = party_names(x.events[0]);
  EXPECT_EQ(names, (std::vector<std::string>{"European Free Trade Association", "India"}));
}

}  // namespace
}  // namespace pactum::extract

namespace pactum::extract {
namespace {

// "Les deux régions ... aux programmes européens": the pair stands for the
// last act's sides; the demonym says whose programmes, no party.
TEST(Extractor, PairOfTheLastActLeavesDemonymsOut) {
  Extraction x = run("Les Pouilles et la Grèce occidentale signent un protocole\n\nLe président des Pouilles et le "
                     "gouverneur de la Grèce occidentale ont signé hier à Patras un protocole d'accord sur l'éolien en mer.\n\n"
                     "Les deux régions s'engagent aussi à présenter des projets communs aux programmes européens.",
                     "2025-06-13");
  ASSERT_EQ(x.events.size(), 1u);
  EXPECT_EQ(party_keys(x.events[0]), (std::vector<std::string>{"GR-G", "IT-75"}));
}

// An acronym in brackets after an organization names it: no second party
// there, and the same organization where the acronym stands alone later,
// whether or not it is the name's initials or the gazetteer knows the name.
TEST(Extractor, AcronymInBracketsNamesTheOrganizationBeforeIt) {
  Extraction x = run("Clusters sign memorandum\n\nThe Bergen Offshore Wind Cluster (BOWC) and the Korea Floating Wind "
                     "Association (KFWA) signed a memorandum of understanding on floating offshore wind in Oslo on "
                     "Monday.",
                     "2025-03-03");
  ASSERT_EQ(x.events.size(), 1u);
  std::vector<std::string> names;
  for (const Party& p : x.events[0].parties) names.push_back(p.name);
  EXPECT_EQ(names.size(), 2u);
  EXPECT_EQ(std::find(names.begin(), names.end(), "BOWC"), names.end());
  x = run("Ports sign letter\n\nThe Port of Rotterdam and the Maritime and Port Authority of Singapore (MPA) signed a "
          "letter of intent on green shipping in 2022. Last year, MPA signed an agreement with the Port of "
          "Antwerp-Bruges.",
          "2025-03-03");
  ASSERT_EQ(x.events.size(), 2u);
  for (const Event& e : x.events) {
    std::vector<std::string> sides;
    for (const Party& p : e.parties) sides.push_back(p.name);
    EXPECT_NE(std::find(sides.begin(), sides.end(), "Maritime and Port Authority of Singapore"), sides.end());
    EXPECT_EQ(std::find(sides.begin(), sides.end(), "MPA"), sides.end());
  }
}

// The initials of a name before its bracketed acronym skip its short
// lower-case links, in any language, and the whole name wins over a part
// of it cut at a link of another language; "both governments" are the sides
// of the last act between governments, not of the organizations told since.
TEST(Extractor, AcronymSkipsLinksAndBothGovernmentsAreTheGovernments) {
  Extraction x = run("Canarias y Cabo Verde firman un memorando\n\nEl Gobierno de Canarias y el Gobierno de Cabo Verde "
                     "firmaron el pasado jueves en Praia un memorando de entendimiento para cooperar en el hidrógeno "
                     "verde.\n\nUn acuerdo anterior entre el Instituto Tecnológico de Canarias (ITC) y el Centro de "
                     "Energias Renováveis e Manutenção Industrial (CERMI) de Praia, firmado en 2019 para la formación "
                     "de instaladores solares, expiró en 2023.\n\nAmbos gobiernos prevén firmar en otoño un convenio "
                     "específico sobre hidrógeno verde.",
                     "2025-01-22");
  auto signed_2019 = std::find_if(x.events.begin(), x.events.end(), [](const Event& e) { return e.date == "2019"; });
  ASSERT_NE(signed_2019, x.events.end());
  std::vector<std::string> names;
  for (const Party& p : signed_2019->parties) names.push_back(p.name);
  EXPECT_NE(std::find(names.begin(), names.end(), "Centro de Energias Renováveis e Manutenção Industrial"), names.end());
  auto planned = std::find_if(x.events.begin(), x.events.end(), [](const Event& e) { return e.stage == "planned"; });
  ASSERT_NE(planned, x.events.end());
  EXPECT_EQ(party_keys(*planned), (std::vector<std::string>{"CV", "ES-CN"}));
}

}  // namespace
namespace {

// A demonym between a port's noun and its link word ("il porto croato di
// Fiume", "el puerto esloveno de Koper") names the city's port body, not
// the city; a body the gazetteer knows by that English name is that actor.
TEST(Extractor, PortWithADemonymBeforeItsCityIsThePortBody) {
  Extraction x = run("Accordo tra porti\n\nLa Corfo e il porto croato di Fiume hanno firmato lunedì un memorandum "
                     "d'intesa sull'idrogeno verde.",
                     "2025-03-05");
  ASSERT_EQ(x.events.size(), 1u);
  std::vector<std::string> names;
  for (const Party& p : x.events[0].parties) names.push_back(p.name);
  EXPECT_NE(std::find(names.begin(), names.end(), "Port of Rijeka"), names.end());
  EXPECT_EQ(std::find(names.begin(), names.end(), "Rijeka"), names.end());
  x = run("Acuerdo portuario\n\nCorfo y Luka Koper, la empresa que gestiona el puerto esloveno de Koper, firmaron "
          "ayer un memorando de entendimiento para el hidrógeno.",
          "2025-03-05");
  ASSERT_EQ(x.events.size(), 1u);
  names.clear();
  for (const Party& p : x.events[0].parties) names.push_back(p.name);
  EXPECT_EQ(names.size(), 2u);
  EXPECT_NE(std::find(names.begin(), names.end(), "Luka Koper"), names.end());
  EXPECT_EQ(std::find(names.begin(), names.end(), "Koper"), names.end());
}

// A body before a venue's postposition ("神戸港では") is where something
// happens, no organization named; "港" after a city names its port elsewhere.
TEST(Extractor, JapaneseBodyBeforeAVenuePostpositionIsAPlace) {
  Extraction x = run("水素\n\n市の担当者によると、神戸港では液化水素の受入れ実証が進んでいます。", "2025-03-05");
  EXPECT_EQ(std::find(x.organizations.begin(), x.organizations.end(), "Port of Kobe"), x.organizations.end());
  x = run("港湾協力\n\n神戸港と北九州港は２月３日、覚書を締結しました。", "2025-03-05");
  EXPECT_NE(std::find(x.organizations.begin(), x.organizations.end(), "Port of Kobe"), x.organizations.end());
}

// A port's noun that is one of a list ("aus Unternehmen, Häfen, Hochschulen
// und Verwaltung") names no port of the nouns after it.
TEST(Extractor, PortNounInAListNamesNoPort) {
  const Extraction x = run("Konferenz\n\nRund 100 Gäste aus Firmen, Häfen, Hochschulen und Behörden sprachen am Montag "
                           "in Kiel über grünen Wasserstoff.",
                           "2025-03-05");
  for (const std::string& o : x.organizations) EXPECT_FALSE(o.starts_with("Port of")) << o;
}

// "Urząd Marszałkowski", the marshal's office, is the page's region
// speaking of itself (self_ref), no organization or party of its own.
TEST(Extractor, RegionsOwnOfficeIsNoOrganizationOfItsOwn) {
  const Extraction x = run("Województwo Pomorskie\nUrząd Marszałkowski | Samorząd | Aktualności\n\nPomorskie i Blekinge "
                           "podpisały porozumienie\n\nW poniedziałek marszałek województwa i przewodnicząca Regionu Blekinge "
                           "podpisali porozumienie o współpracy w dziedzinie energetyki wiatrowej.",
                           "2025-03-05");
  ASSERT_FALSE(x.events.empty());
  EXPECT_EQ(party_keys(x.events[0]), (std::vector<std::string>{"PL-22", "SE-K"}));
  EXPECT_EQ(std::find(x.organizations.begin(), x.organizations.end(), "Urząd Marszałkowski"), x.organizations.end());
}

// A headline's city beside the body named after it in the text ("Esbjerg"
// and "Port Esbjerg") is one side, the body.
TEST(Extractor, CityBesideItsOwnBodyIsThatBody) {
  const Extraction x = run("Esbjerg og Cuxhaven går sammen om havvind\n\nI dag har Port Esbjerg sammen med det tyske "
                           "selskab Niedersachsen Ports underskrevet en samarbejdsaftale om kajer. Aftalen gælder i fem år.",
                           "2025-03-05");
  ASSERT_EQ(x.events.size(), 1u);
  const std::vector<std::string> names = party_names(x.events[0]);
  EXPECT_EQ(names, (std::vector<std::string>{"Niedersachsen Ports", "Port of Esbjerg"}));
}

// A noun for a city's body after the city ("the Brest harbour authority")
// names the body, not the city; a capitalised name ending so ("Ulsan Port
// Authority") stays the name it is.
TEST(Extractor, CityBeforeABodysNounIsThatBody) {
  Extraction x = run("Ports\n\nOn Monday the Brest harbour authority and Associated British Ports signed a memorandum "
                     "of understanding on tidal energy.",
                     "2025-03-05");
  ASSERT_EQ(x.events.size(), 1u);
  std::vector<std::string> names;
  for (const Party& p : x.events[0].parties) names.push_back(p.name);
  EXPECT_NE(std::find(names.begin(), names.end(), "Port of Brest"), names.end());
  EXPECT_EQ(std::find(names.begin(), names.end(), "Brest"), names.end());
  x = run("Ports\n\nOn Monday the Ulsan Port Authority and Pilbara Ports signed a memorandum of understanding on hydrogen.",
          "2025-03-05");
  ASSERT_EQ(x.events.size(), 1u);
  names.clear();
  for (const Party& p : x.events[0].parties) names.push_back(p.name);
  EXPECT_EQ(names.size(), 2u);
  EXPECT_EQ(std::find(names.begin(), names.end(), "Port of Ulsan"), names.end());
}

// A place after an organization over a location preposition, also with a
// part before it written with a hyphen ("i Nord-Tyskland"), is its seat.
TEST(Extractor, PlaceAfterAnOrganizationOverALocationPrepositionIsItsSeat) {
  const Extraction x = run("Avtale\n\nHøgskulen på Vestlandet inngjekk i går ein avtale om samarbeid med Hochschule "
                           "Bremerhaven i Nord-Tyskland om havteknologi.",
                           "2025-03-05");
  ASSERT_EQ(x.events.size(), 1u);
  std::vector<std::string> names;
  for (const Party& p : x.events[0].parties) names.push_back(p.name);
  EXPECT_EQ(names.size(), 2u);
  EXPECT_EQ(std::find(names.begin(), names.end(), "Germany"), names.end());
}

// A known organization's name after its head in the text's own words
// ("Universidade Técnica" before "Bergakademie Freiberg") is that
// organization, not a longer one of its own.
TEST(Extractor, KnownOrganizationAfterATranslatedHeadIsTheKnownOne) {
  const Extraction x = run("Universidades\n\nA Universidade de Lisboa e a Universidade Técnica Bergakademie Freiberg "
                           "assinaram ontem um acordo de cooperação sobre lítio.",
                           "2025-03-05");
  ASSERT_EQ(x.events.size(), 1u);
  std::vector<std::string> names;
  for (const Party& p : x.events[0].parties) names.push_back(p.name);
  EXPECT_NE(std::find(names.begin(), names.end(), "TU Bergakademie Freiberg"), names.end());
  EXPECT_EQ(std::find(names.begin(), names.end(), "Universidade Técnica Bergakademie Freiberg"), names.end());
  EXPECT_EQ(std::find(x.organizations.begin(), x.organizations.end(), "Universidade Técnica Bergakademie Freiberg"),
            x.organizations.end());
}

}  // namespace

}  // namespace pactum::extract
