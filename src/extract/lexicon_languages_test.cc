// Table tests of the lexicons for French, Swedish, Danish, Dutch, Spanish,
// Italian, Portuguese and Finnish: a short press text per row, written for these tests, and the first
// event that must (or must not) come out of it; quoted people with their roles;
// and the date formats of each language.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "extract/extract_test_util.h"

namespace pactum::extract {
namespace {

using test_util::first_date;
using test_util::party_keys;
using test_util::run;

struct Row {
  const char* text;
  const char* published;
  std::vector<std::string> parties;  // sorted keys of the first event; empty: no event at all
  const char* instrument;
  const char* stage;
  const char* date;
};

void check_rows(const char* lang, const std::vector<Row>& rows) {
  for (const Row& r : rows) {
    SCOPED_TRACE(std::string(lang) + ": " + r.text);
    Extraction x = run(r.text, r.published);
    EXPECT_EQ(x.language, lang);
    if (r.parties.empty()) {
      EXPECT_TRUE(x.events.empty()) << "first event: " << (x.events.empty() ? "" : x.events[0].evidence);
      continue;
    }
    ASSERT_FALSE(x.events.empty());
    const Event& e = x.events[0];
    EXPECT_EQ(party_keys(e), r.parties);
    EXPECT_EQ(e.instrument, r.instrument);
    EXPECT_EQ(e.stage, r.stage);
    EXPECT_EQ(e.date, r.date);
    EXPECT_NE(std::string(r.text).find(e.evidence), std::string::npos) << "evidence is verbatim: " << e.evidence;
  }
}

// A quote with a speech verb and a role: the person, the role's English
// label, and quoted.
struct PersonRow {
  const char* lang;
  const char* text;
  const char* name;
  const char* role;
};

TEST(LexiconLanguages, QuotedPeopleWithRoles) {
  const PersonRow rows[] = {
      {"fr", "Coopération industrielle\n\n« C'est une étape importante pour notre industrie », a déclaré le ministre de l’Économie Bruno Dufresne.",
       "Bruno Dufresne", "minister of economic affairs"},
      {"fr", "Coopération industrielle\n\nLa présidente de la région Bretagne, Claire Morvan, a souligné l'importance de cette coopération avec le Japon pour les entreprises bretonnes.",
       "Claire Morvan", "president"},
      {"sv", "Samarbete om vätgas\n\n– Det här är en viktig dag för svensk industri, säger näringsminister Ebba Lindqvist.",
       "Ebba Lindqvist", "minister of energy, business and industry"},
      {"da", "Samarbejde om brint\n\n– Det er en vigtig dag for dansk erhvervsliv, siger udenrigsminister Lars Holm Jensen.",
       "Lars Holm Jensen", "minister of foreign affairs"},
      {"nl", "Samenwerking op het gebied van waterstof\n\n“Dit is een belangrijke stap voor onze industrie en voor de energietransitie”, zegt minister Sophie de Wit.",
       "Sophie de Wit", "minister"},
      {"es", "Cooperación en hidrógeno\n\n«Es un día importante para la industria española y para la transición energética», afirmó la ministra Teresa Olmedo.",
       "Teresa Olmedo", "minister"},
      {"it", "Cooperazione sull'idrogeno\n\n«È un passo importante per la nostra industria e per la transizione energetica», ha dichiarato il ministro Adolfo Ricci.",
       "Adolfo Ricci", "minister"},
      {"pt", "Cooperação em hidrogénio\n\n«É um dia importante para a indústria portuguesa e para a transição energética», afirmou a ministra Helena Marques Pinto.",
       "Helena Marques Pinto", "minister"},
      // The ministry's whole name is the role: the name after the comma is the person's.
      {"pt", "Cooperação em hidrogénio\n\n\"Este memorando abre novas oportunidades para as empresas norueguesas\", disse a ministra do Comércio e Indústria, Cecília Moreira.",
       "Cecília Moreira", "minister of trade and industry"},
      {"pl", "Współpraca wodorowa\n\n„To ważny dzień dla polskiego przemysłu i transformacji energetycznej” – powiedziała minister Katarzyna Zielińska.",
       "Katarzyna Zielińska", "minister"},
      // The ministry in the genitive is part of the role; the role comes before the name.
      {"pl", "Współpraca wodorowa\n\n„Memorandum otwiera nowe możliwości dla naszych firm” – podkreślił minister klimatu i środowiska Tomasz Lewandowski.",
       "Tomasz Lewandowski", "minister of climate and environment"},
      {"fi", "Vetyyhteistyö\n\n\"Tämä on tärkeä päivä suomalaiselle teollisuudelle ja vihreälle siirtymälle\", sanoi elinkeinoministeri Sanna Karhunen.",
       "Sanna Karhunen", "minister of economic affairs"},
      // A ministry of two fields is one role word after the hyphen.
      {"fi", "Vetyyhteistyö\n\n\"Yhteistyö nopeuttaa päästöjen vähentämistä molemmissa maissa\", totesi ilmasto- ja ympäristöministeri Leena Aho.",
       "Leena Aho", "minister of climate and environment"},
      // A name in the genitive before "mukaan" (according to) is the nominative's (name_case.tsv).
      {"fi", "Vetyyhteistyö\n\nBusiness Finlandin pääjohtajan Pekka Virtasen mukaan yhteistyö avaa suomalaisyrityksille uusia markkinoita.",
       "Pekka Virtanen", "director general"},
  };
  for (const PersonRow& r : rows) {
    SCOPED_TRACE(std::string(r.lang) + ": " + r.text);
    Extraction x = run(r.text);
    EXPECT_EQ(x.language, r.lang);
    auto it = std::find_if(x.people.begin(), x.people.end(), [&](const Person& p) { return p.name == r.name; });
    ASSERT_NE(it, x.people.end());
    EXPECT_EQ(it->role, r.role);
    EXPECT_TRUE(it->quoted);
  }
}

TEST(LexiconLanguages, French) {
  check_rows("fr", {
      {"La France et le Japon signent un protocole d'accord\n\nLa France et le Japon ont signé le 8 décembre 2023 à Tokyo un protocole d'accord sur l'hydrogène et l'ammoniac. "
       "Les deux pays veulent développer ensemble des chaînes d'approvisionnement pour les carburants bas carbone.",
       "", {"FR", "JP"}, "memorandum_of_understanding", "signed", "2023-12-08"},
      {"Le Québec et la Bavière renouvellent leur accord\n\nLe Québec et la Bavière ont renouvelé aujourd’hui leur accord de coopération dans le domaine des véhicules électriques. "
       "Les entreprises des deux régions pourront ainsi poursuivre leurs projets communs de recherche.",
       "2024-03-12", {"CA-QC", "DE-BY"}, "cooperation_agreement", "renewed", "2024-03-12"},
      // The renewal then who signed it: still a renewal.
      {"Bretagne et Hesse\n\nLa Région Bretagne et le Land de Hesse ont renouvelé le 3 mars 2025 leur accord de coopération sur l'hydrogène. "
       "L'accord a été signé par Claire Morvan, présidente de la région, et par Jan Weber, ministre de l'Économie de Hesse.",
       "", {"DE-HE", "FR-BRE"}, "cooperation_agreement", "renewed", "2025-03-03"},
      {"Matières premières critiques\n\nL’Union européenne et l’Australie ont ouvert des négociations sur les matières premières critiques. "
       "Les discussions porteront notamment sur le lithium, le cobalt et les terres rares.",
       "", {"AU", "EU"}, "negotiations", "negotiating", ""},
      {"Éolien en mer\n\nLa Norvège et l'Allemagne ont signé l'an dernier une déclaration commune sur l'éolien en mer. "
       "Ce texte prévoit des échanges réguliers entre les administrations et les entreprises du secteur.",
       "2024-05-03", {"DE", "NO"}, "joint_declaration", "signed", "2023"},
      {"Hydrogène vert\n\nL'Allemagne et l'Espagne prévoient de signer une lettre d'intention sur l'hydrogène vert au cours de l'été. "
       "Le document doit encadrer le développement des infrastructures de transport entre la péninsule Ibérique et l'Europe centrale.",
       "", {"DE", "ES"}, "letter_of_intent", "planned", ""},
      {"Voitures électriques\n\nLes ventes de voitures électriques ont augmenté de vingt pour cent en France l'an dernier, selon l'agence nationale de la statistique. "
       "Les modèles les plus vendus restent les petites citadines et les véhicules utilitaires légers.",
       "2024-01-15", {}, "", "", ""},
  });
}

TEST(LexiconLanguages, Swedish) {
  check_rows("sv", {
      {"Sverige och Japan i vätgasavtal\n\nSverige och Japan undertecknade den 8 december 2023 ett samförståndsavtal om vätgas och havsbaserad vindkraft. "
       "Avtalet ska göra det lättare för svenska och japanska företag att hitta samarbetspartner.",
       "", {"JP", "SE"}, "memorandum_of_understanding", "signed", "2023-12-08"},
      {"Förnyat samarbete om batterier\n\nSverige och Finland har i dag förnyat sitt samarbetsavtal om batterier och kritiska mineraler. "
       "Länderna vill bygga upp en gemensam värdekedja i norra Europa.",
       "2024-04-02", {"FI", "SE"}, "cooperation_agreement", "renewed", "2024-04-02"},
      {"Förhandlingar inleds\n\nEU och Indonesien har inlett förhandlingar om ett samarbete kring kritiska mineraler. "
       "Förhandlingarna väntas pågå under hela året och omfattar även frågor om miljö och arbetsvillkor.",
       "", {"EU", "ID"}, "negotiations", "negotiating", ""},
      {"Elflyg\n\nNorge och Sverige undertecknade i fjol en avsiktsförklaring om elflyg mellan länderna. "
       "Målet är att de första kommersiella flygningarna ska kunna starta före slutet av decenniet.",
       "2024-05-03", {"NO", "SE"}, "letter_of_intent", "signed", "2023"},
      {"Strategiskt partnerskap\n\nSverige och Tyskland har sedan 2017 ett strategiskt partnerskap för innovation och hållbar utveckling. "
       "Samarbetet omfattar bland annat forskning, elektrifiering och fossilfri industri.",
       "", {"DE", "SE"}, "strategic_partnership", "signed", "2017"},
      {"Fler elbilar\n\nAndelen elbilar bland nya personbilar i Sverige ökade kraftigt förra året, enligt myndigheten Trafikanalys. "
       "Laddhybriderna minskade samtidigt något jämfört med året innan.",
       "2024-01-15", {}, "", "", ""},
  });
}

TEST(LexiconLanguages, Danish) {
  check_rows("da", {
      {"Danmark og Vietnam i havvindsaftale\n\nDanmark og Vietnam underskrev den 8. december 2023 et memorandum of understanding om havvind og grøn energi. "
       "Aftalen skal styrke det danske og vietnamesiske samarbejde om den grønne omstilling.",
       "", {"DK", "VN"}, "memorandum_of_understanding", "signed", "2023-12-08"},
      {"Fornyet brintaftale\n\nDanmark og Tyskland har i dag fornyet deres samarbejdsaftale om brint og grøn omstilling. "
       "Landene vil især samarbejde om en ny rørledning til transport af brint over grænsen.",
       "2024-04-02", {"DE", "DK"}, "cooperation_agreement", "renewed", "2024-04-02"},
      {"Forhandlinger om råstoffer\n\nEU og Chile har indledt forhandlinger om et samarbejde om kritiske råstoffer. "
       "Forhandlingerne skal blandt andet handle om lithium og om miljøkrav til minedriften.",
       "", {"CL", "EU"}, "negotiations", "negotiating", ""},
      {"Grøn skibsfart\n\nDanmark og Indien indgik sidste år en hensigtserklæring om grøn skibsfart og havne. "
       "Erklæringen lægger op til et tættere samarbejde mellem rederier, havne og myndigheder.",
       "2024-05-03", {"DK", "IN"}, "letter_of_intent", "signed", "2023"},
      {"Forlænget partnerskab\n\nDanmark og Kenya har forlænget deres strategiske samarbejde om vedvarende energi med fem år. "
       "Samarbejdet omfatter blandt andet vindenergi, geotermi og energieffektivisering.",
       "", {"DK", "KE"}, "strategic_partnership", "extended", ""},
      {"Rekordmange elbiler\n\nSalget af elbiler i Danmark steg kraftigt sidste år, viser nye tal fra statistikken. "
       "Hver anden nye personbil var en elbil, og andelen ventes at stige yderligere i år.",
       "2024-01-15", {}, "", "", ""},
  });
}

TEST(LexiconLanguages, Dutch) {
  check_rows("nl", {
      {"Nederland en Duitsland tekenen waterstofakkoord\n\nNederland en Duitsland hebben op 8 december 2023 een memorandum van overeenstemming over waterstof ondertekend. "
       "Beide landen willen de aanleg van een gezamenlijk netwerk voor het transport van waterstof versnellen.",
       "", {"DE", "NL"}, "memorandum_of_understanding", "signed", "2023-12-08"},
      {"Samenwerking vernieuwd\n\nVlaanderen en Nederland hebben vandaag hun samenwerkingsovereenkomst over wind op zee vernieuwd. "
       "De overeenkomst regelt onder meer de aansluiting van windparken op het elektriciteitsnet.",
       "2024-04-02", {"BE-VLG", "NL"}, "cooperation_agreement", "renewed", "2024-04-02"},
      {"Onderhandelingen\n\nDe EU en Chili zijn onderhandelingen gestart over een partnerschap voor kritieke grondstoffen. "
       "Het gaat daarbij vooral om de winning en verwerking van lithium en koper.",
       "", {"CL", "EU"}, "negotiations", "negotiating", ""},
      {"CO2-opslag\n\nBelgië en Nederland ondertekenden vorig jaar een intentieverklaring over CO2-opslag onder de Noordzee. "
       "Bedrijven uit beide landen kunnen hun uitstoot zo in lege gasvelden opslaan.",
       "2024-05-03", {"BE", "NL"}, "letter_of_intent", "signed", "2023"},
      {"Verlenging\n\nNederland en Noorwegen hebben hun samenwerkingsovereenkomst over waterstof met vijf jaar verlengd. "
       "De overeenkomst richt zich op de import van waterstof via de havens van Rotterdam en Eemshaven.",
       "", {"NL", "NO"}, "cooperation_agreement", "extended", ""},
      {"Meer elektrische auto's\n\nHet aandeel elektrische auto's in de verkoop van nieuwe personenauto's in Nederland steeg vorig jaar tot ruim dertig procent. "
       "Vooral kleine en middelgrote modellen waren populair bij particuliere kopers.",
       "2024-01-15", {}, "", "", ""},
  });
}

TEST(LexiconLanguages, Spanish) {
  check_rows("es", {
      {"España y Chile firman un memorando\n\nEspaña y Chile firmaron el 8 de diciembre de 2023 un memorando de entendimiento sobre hidrógeno verde. "
       "El texto prevé el intercambio de conocimientos entre empresas y centros de investigación de ambos países.",
       "", {"CL", "ES"}, "memorandum_of_understanding", "signed", "2023-12-08"},
      {"Renovación del acuerdo\n\nEspaña y Portugal renovaron hoy su acuerdo de cooperación en energías renovables e interconexiones eléctricas. "
       "Los dos gobiernos quieren acelerar la conexión de la península ibérica con el resto de Europa.",
       "2024-04-02", {"ES", "PT"}, "cooperation_agreement", "renewed", "2024-04-02"},
      {"Materias primas\n\nLa UE y Australia iniciaron negociaciones sobre materias primas críticas y tierras raras. "
       "Las conversaciones se centrarán en el litio y en la diversificación de las cadenas de suministro.",
       "", {"AU", "EU"}, "negotiations", "negotiating", ""},
      {"Minerales críticos\n\nMéxico y Canadá firmaron el año pasado una declaración conjunta sobre minerales críticos. "
       "Ambos países quieren reforzar las cadenas de suministro de litio y de otros materiales para la transición energética.",
       "2024-05-03", {"CA", "MX"}, "joint_declaration", "signed", "2023"},
      {"Litio e hidrógeno\n\nArgentina y Alemania tienen previsto firmar en marzo de 2025 una carta de intención sobre litio e hidrógeno. "
       "El documento abrirá la puerta a nuevas inversiones de empresas alemanas en el norte del país.",
       "", {"AR", "DE"}, "letter_of_intent", "planned", "2025-03"},
      {"Coches eléctricos\n\nLas ventas de coches eléctricos en España crecieron un veinte por ciento el año pasado, según la asociación de fabricantes. "
       "Los modelos más vendidos fueron los utilitarios y los todoterrenos compactos.",
       "2024-01-15", {}, "", "", ""},
      // Two capitals for their states: plain "Santiago" is Chile's.
      {"Madrid y Santiago firman un memorando sobre hidrógeno\n\nEspaña y Chile firmaron el 18 de febrero de 2025 un memorando de entendimiento sobre hidrógeno verde.",
       "2025-02-20", {"CL", "ES"}, "memorandum_of_understanding", "signed", "2025-02-18"},
  });
}

// "Santiago de Compostela" is the Galician city, not Chile's capital.
TEST(LexiconLanguages, SantiagoDeCompostelaIsSpanish) {
  Extraction x = test_util::run("Acuerdo sobre hidrógeno\n\nSantiago de Compostela y Portugal firmaron el 18 de febrero de 2025 un memorando de entendimiento sobre hidrógeno verde. "
                                "El acuerdo permitirá que las empresas de ambos territorios colaboren en proyectos de investigación y en la producción de energías renovables.",
                                "2025-02-20");
  EXPECT_EQ(x.language, "es");
  ASSERT_FALSE(x.events.empty());
  for (const Party& p : x.events[0].parties) EXPECT_NE(p.country, "CL") << p.name;
  EXPECT_EQ(x.events[0].parties.front().name, "Santiago de Compostela");
}

TEST(LexiconLanguages, Italian) {
  check_rows("it", {
      {"Italia e Germania firmano un memorandum\n\nL'Italia e la Germania hanno firmato l'8 dicembre 2023 un memorandum d'intesa sull'idrogeno. "
       "L'intesa prevede la realizzazione di un corridoio per il trasporto dell'idrogeno dal Nord Africa all'Europa centrale.",
       "", {"DE", "IT"}, "memorandum_of_understanding", "signed", "2023-12-08"},
      {"Rinnovato l'accordo\n\nLa Lombardia e la Baviera hanno rinnovato oggi il loro accordo di cooperazione sull'innovazione. "
       "Le due regioni collaborano soprattutto nei settori delle tecnologie mediche e della mobilità sostenibile.",
       "2024-04-02", {"DE-BY", "IT-25"}, "cooperation_agreement", "renewed", "2024-04-02"},
      {"Negoziati\n\nL’Unione europea e l’India hanno avviato i negoziati sulle materie prime critiche. "
       "I colloqui riguarderanno anche gli investimenti nelle tecnologie pulite e nelle batterie.",
       "", {"EU", "IN"}, "negotiations", "negotiating", ""},
      {"Gas e idrogeno\n\nL'Italia e l'Algeria hanno firmato l'anno scorso una dichiarazione congiunta sul gas e sull'idrogeno. "
       "Il documento punta a rafforzare la sicurezza degli approvvigionamenti energetici del Mediterraneo.",
       "2024-05-03", {"DZ", "IT"}, "joint_declaration", "signed", "2023"},
      {"Partenariato\n\nL'Italia e il Giappone hanno prorogato il loro partenariato strategico nel settore spaziale. "
       "Le agenzie dei due paesi lavoreranno insieme su nuove missioni di osservazione della Terra.",
       "", {"IT", "JP"}, "strategic_partnership", "extended", ""},
      // Strengthened then: an earlier act widened ("rafforzato", nb "forsterket").
      {"Partenariato\n\nL'Italia e il Giappone hanno rafforzato nel 2024 il loro partenariato strategico con un piano d'azione.",
       "2025-05-16", {"IT", "JP"}, "strategic_partnership", "extended", "2024"},
      {"Auto elettriche\n\nLe vendite di auto elettriche in Italia sono cresciute del venti per cento l'anno scorso, secondo l'associazione dei costruttori. "
       "I modelli più venduti restano le utilitarie e i piccoli suv.",
       "2024-01-15", {}, "", "", ""},
  });
}

// European (hidrogénio, amoníaco) and Brazilian (hidrogênio, amônia) spellings alike.
TEST(LexiconLanguages, Portuguese) {
  check_rows("pt", {
      {"Noruega e Japão assinam memorando sobre hidrogénio\n\nOslo, 12 de março de 2025 — O Ministério do Comércio da Noruega e o Ministério da Economia do Japão "
       "assinaram hoje um memorando de entendimento sobre cooperação em hidrogénio e amoníaco. O texto prevê projetos conjuntos entre empresas dos dois países.",
       "2025-03-12", {"JP", "NO"}, "memorandum_of_understanding", "signed", "2025-03-12"},
      {"Brasil e Alemanha\n\nO Brasil e a Alemanha firmaram em 8 de dezembro de 2023 um acordo de cooperação sobre hidrogênio verde e amônia. "
       "O acordo prevê investimentos de empresas alemãs em portos do Nordeste brasileiro.",
       "", {"BR", "DE"}, "cooperation_agreement", "signed", "2023-12-08"},
      {"Parceria renovada\n\nPortugal e Espanha renovaram hoje a sua parceria estratégica em energias renováveis e interligações elétricas. "
       "Os dois governos querem acelerar a ligação da Península Ibérica ao resto da Europa.",
       "2024-04-02", {"ES", "PT"}, "strategic_partnership", "renewed", "2024-04-02"},
      {"Matérias-primas\n\nA União Europeia e a Austrália iniciaram negociações sobre matérias-primas críticas e terras raras. "
       "As conversações vão incidir sobre o lítio e a diversificação das cadeias de abastecimento.",
       "", {"AU", "EU"}, "negotiations", "negotiating", ""},
      {"Minerais críticos\n\nOs Estados Unidos e o Brasil assinaram no ano passado uma declaração conjunta sobre minerais críticos. "
       "Os dois países querem reforçar as cadeias de abastecimento de lítio e de nióbio.",
       "2024-05-03", {"BR", "US"}, "joint_declaration", "signed", "2023"},
      // A subjunctive after an expectation is a plan, not a signing.
      {"Eólica flutuante\n\nEspera-se que Portugal e a Dinamarca assinem no próximo mês uma carta de intenções sobre eólica offshore flutuante. "
       "O documento deverá abrir caminho a projetos-piloto no Atlântico.",
       "", {"DK", "PT"}, "letter_of_intent", "planned", ""},
      {"Carros elétricos\n\nAs vendas de carros elétricos em Portugal cresceram vinte por cento no ano passado, segundo a associação do setor automóvel. "
       "Os modelos mais vendidos foram os utilitários e os SUV compactos.",
       "2024-01-15", {}, "", "", ""},
  });
}

// Finnish writes its cases onto names ("Suomen ja Japanin", "Intian kanssa",
// "EU:n") and its instruments as compounds ("yhteistyöpöytäkirjan").
TEST(LexiconLanguages, Finnish) {
  check_rows("fi", {
      {"Suomi ja Japani allekirjoittivat yhteistyöpöytäkirjan\n\nSuomen ja Japanin hallitukset allekirjoittivat 8. joulukuuta 2023 Tokiossa "
       "yhteistyöpöytäkirjan vedystä ja ammoniakista. Asiakirja kattaa myös tutkimusyhteistyön.",
       "", {"FI", "JP"}, "memorandum_of_understanding", "signed", "2023-12-08"},
      // A region named by its council, the other by its Finnish name.
      {"Sähköautot\n\nVarsinais-Suomen liitto ja Baijeri uudistivat tänään yhteistyösopimuksensa sähköautoista. "
       "Alueiden yritykset jatkavat yhteisiä tutkimushankkeitaan.",
       "2024-05-06", {"DE-BY", "FI-19"}, "cooperation_agreement", "renewed", "2024-05-06"},
      {"Kriittiset mineraalit\n\nEuroopan unioni ja Australia aloittivat neuvottelut kriittisistä mineraaleista. "
       "Neuvotteluissa käsitellään erityisesti litiumia ja kobolttia.",
       "", {"AU", "EU"}, "negotiations", "negotiating", ""},
      {"Merituulivoima\n\nNorja ja Saksa allekirjoittivat viime vuonna yhteisen julistuksen merituulivoimasta. "
       "Julistus edellyttää säännöllisiä tapaamisia viranomaisten välillä.",
       "2024-05-03", {"DE", "NO"}, "joint_declaration", "signed", "2023"},
      {"Vihreä vety\n\nSaksa ja Espanja aikovat allekirjoittaa aiesopimuksen vihreästä vedystä kesän aikana. "
       "Asiakirjan on määrä ohjata vetyputkien rakentamista.",
       "", {"DE", "ES"}, "letter_of_intent", "planned", ""},
      // The partner in the genitive before "kanssa" (with).
      {"Tanska ja Intia\n\nTanska allekirjoitti Intian kanssa 3.5.2024 vihreän strategisen kumppanuuden. "
       "Kumppanuus kattaa tuulivoiman ja vesihuollon.",
       "", {"DK", "IN"}, "strategic_partnership", "signed", "2024-05-03"},
      // "EU:n": an acronym takes its ending after a colon.
      {"Vihreä allianssi\n\nJapani ja EU:n komissio solmivat eilen vihreän allianssin ilmastonmuutoksen torjumiseksi. "
       "Allianssi kattaa myös puhtaan energian investoinnit.",
       "2024-05-06", {"EU", "JP"}, "strategic_partnership", "signed", "2024-05-05"},
      {"Sähköautot\n\nSähköautojen myynti kasvoi Suomessa viime vuonna kaksikymmentä prosenttia, kertoo alan järjestö. "
       "Suosituimpia olivat pienet tila-autot.",
       "2024-01-15", {}, "", "", ""},
  });
}

// A surname in a case ("ministeri Karhusen mukaan") is the person named in
// full before, not another person; a name ending so in another language
// ("Jensen") keeps its ending where nothing says it is a case form.
TEST(LexiconLanguages, FinnishNamesInACaseAreTheirNominative) {
  Extraction x = run("Vetyyhteistyö\n\nSuomi ja Tanska allekirjoittivat tänään yhteisymmärryspöytäkirjan vedystä. "
                     "Pöytäkirjan allekirjoittivat elinkeinoministeri Sanna Karhunen ja suurlähettiläs Lars Jensen.\n\n"
                     "Ministeri Karhusen mukaan yhteistyö avaa uusia markkinoita.");
  std::vector<std::string> names;
  for (const Person& p : x.people) names.push_back(p.name);
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"Lars Jensen", "Sanna Karhunen"}));
}

// "Oslo 6.5.2024": a dateline with no comma or dash names where the news was
// written, not a party, also when the act's sentence names only one party
// the gazetteer knows.
TEST(LexiconLanguages, DatelineWithoutSeparatorIsNoParty) {
  Extraction x = run("Sähköautot\nOslo 6.5.2024\n\nVarsinais-Suomen liitto ja Ylä-Itävalta uudistivat tänään "
                     "yhteistyösopimuksensa sähköautoista. Alueiden yritykset jatkavat yhteisiä tutkimushankkeitaan.");
  EXPECT_EQ(x.published, "2024-05-06");
  for (const Event& e : x.events) {
    for (const std::string& key : party_keys(e)) EXPECT_NE(key, "city:oslo") << e.evidence;
  }
}

// "KRISTIANSAND (NTB):": a news agency's dateline, the place before its
// name in parentheses, is where the news was written, not a party.
TEST(LexiconLanguages, AgencyDatelineIsNoParty) {
  Extraction x = run("Hydrogenavtale\nPublisert 21. mai 2025\n\nKRISTIANSAND (NTB): Agder fylkeskommune og den "
                     "nederlandske provinsen Groningen signerte i dag en intensjonsavtale om grønt hydrogen.");
  ASSERT_FALSE(x.events.empty());
  for (const Event& e : x.events) {
    EXPECT_EQ(party_keys(e), (std::vector<std::string>{"NL-GR", "NO-42"})) << e.evidence;
  }
}

// A name after a noun for an organization is that organization, though a
// place is part of it ("die Innovationsagentur Bayern Innovativ"); a place
// alone after such a noun stays the place.
TEST(LexiconLanguages, NameAfterOrganizationNounIsTheOrganization) {
  Extraction x = run("Batterien\nPressemitteilung vom 9. Oktober 2024\n\nAm Dienstag unterzeichneten die "
                     "Innovationsagentur Bayern Innovativ und das Elektromobilitätscluster Propulsion Québec eine "
                     "Kooperationsvereinbarung über Batteriezellen.");
  ASSERT_EQ(x.events.size(), 1u);
  EXPECT_EQ(party_keys(x.events[0]), (std::vector<std::string>{"Bayern Innovativ", "Propulsion Québec"}));
  x = run("Batterien\nPressemitteilung vom 9. Oktober 2024\n\nAm Dienstag unterzeichnete Bayern mit dem Partner "
          "Québec eine Kooperationsvereinbarung über Batteriezellen.");
  ASSERT_EQ(x.events.size(), 1u);
  EXPECT_EQ(party_keys(x.events[0]), (std::vector<std::string>{"CA-QC", "DE-BY"}));
}

// Polish inflects names and nouns: "z Norwegią", "Unii Europejskiej", "list intencyjny".
TEST(LexiconLanguages, Polish) {
  check_rows("pl", {
      {"Polska i Norwegia podpisały memorandum\n\nWarszawa, 12 marca 2025 r. — Polska podpisała dziś z Norwegią memorandum o porozumieniu "
       "w sprawie współpracy w dziedzinie morskiej energetyki wiatrowej i wodoru. Dokument przewiduje wspólne projekty firm z obu krajów.",
       "2025-03-12", {"NO", "PL"}, "memorandum_of_understanding", "signed", "2025-03-12"},
      {"Wodór\n\nNiemcy i Japonia zawarły 8 grudnia 2023 r. umowę o współpracy w zakresie zielonego wodoru i amoniaku. "
       "Umowa przewiduje inwestycje w portach obu państw.",
       "", {"DE", "JP"}, "cooperation_agreement", "signed", "2023-12-08"},
      {"Surowce krytyczne\n\nUnia Europejska i Australia rozpoczęły negocjacje w sprawie surowców krytycznych i metali ziem rzadkich. "
       "Rozmowy obejmą również łańcuchy dostaw litu.",
       "", {"AU", "EU"}, "negotiations", "negotiating", ""},
      {"Partnerstwo\n\nPolska i Stany Zjednoczone odnowiły w ubiegłym roku partnerstwo strategiczne w dziedzinie energetyki jądrowej. "
       "Oba kraje chcą przyspieszyć budowę pierwszej elektrowni.",
       "2024-05-03", {"PL", "US"}, "strategic_partnership", "renewed", "2023"},
      // The perfective future is a plan, not a signing.
      {"Morska energetyka wiatrowa\n\nPolska i Dania podpiszą w przyszłym miesiącu list intencyjny w sprawie morskiej energetyki wiatrowej na Bałtyku. "
       "Dokument ma otworzyć drogę do wspólnych projektów pilotażowych.",
       "", {"DK", "PL"}, "letter_of_intent", "planned", ""},
      // The signing as a noun ('podpisanie') is a plan where one stands before it.
      {"Umowa handlowa\n\nNa czerwiec zaplanowano podpisanie umowy o wolnym handlu między Unią Europejską a Chile. "
       "Umowa ma znieść cła na większość towarów.",
       "", {"CL", "EU"}, "trade_agreement", "planned", ""},
      {"Wspólna deklaracja\n\nPrzedstawiciele Litwy, Łotwy i Estonii przyjęli we wtorek wspólną deklarację o bezpieczeństwie energetycznym regionu.",
       "2024-05-03", {"EE", "LT", "LV"}, "joint_declaration", "signed", "2024-04-30"},
      {"Samochody elektryczne\n\nSprzedaż samochodów elektrycznych w Polsce wzrosła w ubiegłym roku o dwadzieścia procent, podało stowarzyszenie branżowe. "
       "Najchętniej kupowano małe auta miejskie.",
       "2024-01-15", {}, "", "", ""},
  });
}

// A name after a role in the genitive or the instrumental is that case too:
// the person is named in the nominative (name_case.tsv).
TEST(LexiconLanguages, PolishNamesAfterObliqueRolesAreNominative) {
  const std::pair<const char*, std::vector<std::string>> rows[] = {
      {"Polska i Francja\n\nW obecności premiera Donalda Tuska i prezydenta Emmanuela Macrona ministrowie podpisali traktat o współpracy.",
       {"Donald Tusk", "Emmanuel Macron"}},
      {"Spotkanie\n\nMinister spotkał się z premierem Japonii Fumio Kishidą oraz z komisarz Kadri Simson.", {"Fumio Kishida", "Kadri Simson"}},
      {"Wizyta\n\nTo była wizyta przewodniczącej Komisji Europejskiej Ursuli von der Leyen i prezesa zarządu Jana Kowalskiego.",
       {"Ursula von der Leyen", "Jan Kowalski"}},
      // 'ministra' is also a woman minister in the nominative: left as written.
      {"Wodór\n\n„To dobry dzień dla polskiej gospodarki” – powiedziała ministra Katarzyna Pełczyńska-Nałęcz.", {"Katarzyna Pełczyńska-Nałęcz"}},
  };
  for (const auto& [text, names] : rows) {
    SCOPED_TRACE(text);
    Extraction x = run(text);
    EXPECT_EQ(x.language, "pl");
    for (const std::string& name : names) {
      EXPECT_TRUE(std::any_of(x.people.begin(), x.people.end(), [&](const Person& p) { return p.name == name; })) << name;
    }
  }
}

TEST(LexiconLanguages, Dates) {
  struct DateRow { const char* lang; const char* text; const char* published; const char* want; } rows[] = {
      {"fr", "signé le 8 décembre 2023", "", "2023-12-08"},
      {"fr", "signé le 3 juin", "2024-01-10", "2024-06-03"},
      {"fr", "signé le 3 juin", "", "?month:6"},
      {"fr", "en mars 2022", "", "2022-03"},
      {"fr", "signé l’an dernier", "2024-05-03", "2023"},
      {"fr", "signé aujourd'hui", "2024-05-03", "2024-05-03"},
      {"fr", "signé hier", "2024-05-03", "2024-05-02"},
      {"fr", "signé mardi", "2024-05-03", "2024-04-30"},
      {"fr", "neutre d'ici 2030", "", ""},
      {"sv", "undertecknat den 8 december 2023", "", "2023-12-08"},
      {"es", "firmado el 04/11/2025", "", "2025-11-04"},
      {"fr", "signé le 8/10/2025", "", "2025-10-08"},
      {"sv", "undertecknat i fjol", "2024-05-03", "2023"},
      {"sv", "undertecknat i går", "2024-05-03", "2024-05-02"},
      {"sv", "undertecknat i tisdags", "2024-05-03", "2024-04-30"},
      {"sv", "klimatneutralt senast 2045", "", ""},
      {"da", "underskrevet den 8. december 2023", "", "2023-12-08"},
      {"da", "underskrevet 8 dec. 2023", "", "2023-12-08"},
      {"da", "underskrevet sidste år", "2024-05-03", "2023"},
      {"da", "underskrevet i dag", "2024-05-03", "2024-05-03"},
      {"da", "klimaneutral inden 2045", "", ""},
      {"nl", "ondertekend op 8 december 2023", "", "2023-12-08"},
      {"nl", "ondertekend op 8 dec. 2023", "", "2023-12-08"},
      {"nl", "vorig jaar ondertekend", "2024-05-03", "2023"},
      {"nl", "gisteren ondertekend", "2024-05-03", "2024-05-02"},
      {"nl", "klimaatneutraal tegen 2050", "", ""},
      {"es", "firmado el 8 de diciembre de 2023", "", "2023-12-08"},
      {"es", "firmado el 8 de diciembre", "2024-01-10", "2023-12-08"},  // the December before
      {"es", "firmado en diciembre de 2023", "", "2023-12"},
      {"es", "firmado el año pasado", "2024-05-03", "2023"},
      {"es", "firmado hoy", "2024-05-03", "2024-05-03"},
      {"es", "neutralidad climática para 2050", "", ""},
      {"it", "firmato l'8 dicembre 2023", "", "2023-12-08"},
      {"it", "firmato il 3 giugno", "2024-01-10", "2024-06-03"},
      {"it", "firmato l’anno scorso", "2024-05-03", "2023"},
      {"it", "firmato ieri", "2024-05-03", "2024-05-02"},
      {"it", "neutralità climatica entro il 2050", "", ""},
      {"pt", "assinado em 12 de março de 2025", "", "2025-03-12"},
      {"pt", "assinado a 12 de Março de 2025", "", "2025-03-12"},
      {"pt", "assinado em dezembro de 2023", "", "2023-12"},
      {"pt", "assinado no ano passado", "2024-05-03", "2023"},
      {"pt", "assinado ontem", "2024-05-03", "2024-05-02"},
      {"pt", "neutralidade climática até 2050", "", ""},
      {"pl", "podpisane 12 marca 2025 r.", "", "2025-03-12"},
      {"pl", "podpisane w grudniu 2023 roku", "", "2023-12"},
      {"pl", "podpisane w listopadzie", "2024-12-10", "2024-11"},
      {"pl", "podpisane w ubiegłym roku", "2024-05-03", "2023"},
      {"pl", "podpisane wczoraj", "2024-05-03", "2024-05-02"},
      {"pl", "neutralność klimatyczna do 2050 roku", "", ""},
      {"fi", "allekirjoitettu 8. joulukuuta 2023", "", "2023-12-08"},
      {"fi", "allekirjoitettu 8.12.2023", "", "2023-12-08"},
      {"fi", "allekirjoitettu joulukuussa 2023", "", "2023-12"},
      {"fi", "allekirjoitettu viime vuonna", "2024-05-03", "2023"},
      {"fi", "allekirjoitettu eilen", "2024-05-03", "2024-05-02"},
      {"fi", "allekirjoitettu tänään", "2024-05-03", "2024-05-03"},
      {"fi", "hiilineutraali vuoteen 2035 mennessä", "", ""},
  };
  for (const auto& r : rows) EXPECT_EQ(first_date(r.lang, r.text, r.published), r.want) << r.lang << ": " << r.text;
}

TEST(LexiconLanguages, SinceIsMarked) {
  const auto& f = test_util::lexicon_fixture();
  ASSERT_TRUE(f.lexicon);
  struct SinceRow { const char* lang; const char* text; } rows[] = {
      {"fr", "depuis 2018"}, {"sv", "sedan 2018"}, {"da", "siden 2018"},
      {"nl", "sinds 2018"},  {"es", "desde 2018"}, {"it", "dal 2018"},
      {"pt", "desde 2018"}, {"fi", "vuodesta 2018"}, {"pl", "od 2018 roku"},
  };
  for (const auto& r : rows) {
    auto tokens = text::tokenize(r.text, r.lang);
    auto mentions = f.lexicon->find(r.lang, r.text, tokens);
    auto dates = find_dates(r.text, tokens, mentions, {});
    ASSERT_EQ(dates.size(), 1u) << r.lang << ": " << r.text;
    EXPECT_TRUE(dates[0].since) << r.lang << ": " << r.text;
  }
}

// Elided articles stay on their word ("l'Allemagne", "dell'Italia"): the
// gazetteer lists the elided forms, with both apostrophes.
TEST(LexiconLanguages, ElidedNamesAreActors) {
  struct ElisionRow { const char* text; std::vector<std::string> parties; } rows[] = {
      {"Accord\n\nL’Allemagne et l'Inde ont signé un accord de coopération sur l’hydrogène.", {"DE", "IN"}},
      {"Accordo\n\nIl governo dell'Italia e quello dell’Austria hanno firmato un accordo di cooperazione sull'idrogeno.", {"AT", "IT"}},
  };
  for (const auto& r : rows) {
    Extraction x = run(r.text);
    ASSERT_FALSE(x.events.empty()) << r.text;
    EXPECT_EQ(party_keys(x.events[0]), r.parties) << r.text;
  }
}

// Sector words inside compounds and their data words: "Digitalpartnerschaft",
// "Datenflüsse" are digital; "Energiewende" is renewable energy.
TEST(LexiconLanguages, GermanSectorCompounds) {
  Extraction x = run("Digitale Zusammenarbeit\n\nIm Mai 2022 vereinbarten die Europäische Union und Japan eine "
                     "Digitalpartnerschaft, die sichere Datenflüsse und die Energiewende abdeckt.",
                     "2023-01-10");
  ASSERT_FALSE(x.events.empty());
  const auto& s = x.events[0].sectors;
  EXPECT_NE(std::find(s.begin(), s.end(), "digital"), s.end());
  EXPECT_NE(std::find(s.begin(), s.end(), "renewable_energy"), s.end());
  EXPECT_EQ(std::find(s.begin(), s.end(), "climate_environment"), s.end());
}

// A framing phrase ("det grønne skiftet", "the green transition") says why,
// not what: an act framed so is about climate only when nothing more specific
// is named; where specific sectors are, they are all.
TEST(LexiconLanguages, FramingGivesClimateOnlyAlone) {
  Extraction framed = run("Norge og Japan\n08.12.2023\n\nNorge og Japan har i dag undertegnet en felles erklæring "
                          "om samarbeid om det grønne skiftet.",
                          "2023-12-08");
  ASSERT_FALSE(framed.events.empty());
  EXPECT_EQ(framed.events[0].sectors, std::vector<std::string>{"climate_environment"});
  Extraction specific = run("Norge og Japan\n08.12.2023\n\nNorge og Japan har i dag undertegnet en felles erklæring "
                            "om samarbeid om det grønne skiftet, særlig på havvind og hydrogen.",
                            "2023-12-08");
  ASSERT_FALSE(specific.events.empty());
  const auto& s = specific.events[0].sectors;
  EXPECT_EQ(std::find(s.begin(), s.end(), "climate_environment"), s.end());
  EXPECT_NE(std::find(s.begin(), s.end(), "offshore_wind"), s.end());
  EXPECT_NE(std::find(s.begin(), s.end(), "hydrogen"), s.end());
}

// Places "between" which what two organizations agreed runs are its route,
// not parties: not in the sentence, nor as main actors standing in for a
// later sentence's implicit parties.
TEST(LexiconLanguages, RouteBetweenPlacesIsNoParty) {
  Extraction x = run("Grupo Solvento y Corporación Pampa Verde firman un memorando\nMadrid, 11 de diciembre de 2023\n\n"
                     "La empresa española Grupo Solvento y la chilena Corporación Pampa Verde firmaron el 8 de "
                     "diciembre de 2023 en Madrid un memorando de entendimiento para desarrollar una cadena de "
                     "suministro de amoníaco verde entre Chile y España. El acuerdo tendrá una duración de cinco años.",
                     "2023-12-11");
  ASSERT_FALSE(x.events.empty());
  for (const Event& e : x.events) {
    for (const Party& p : e.parties) EXPECT_EQ(p.kind, "organization") << p.name;
  }
}

// Acts "of the same kind" as the page's, without a sector word of their own,
// have the sectors its headline names.
TEST(LexiconLanguages, SameKindActsShareTheHeadlinesSectors) {
  Extraction x = run("L'Union européenne et le Rwanda signent un partenariat sur les matières premières critiques\n"
                     "Bruxelles, le 19 février 2024\n\n"
                     "L'Union européenne et le Rwanda ont signé aujourd'hui un protocole d'accord.\n\n"
                     "Le Rwanda produit du tantale et de l'étain.\n\n"
                     "L'Union européenne avait déjà conclu des partenariats du même type avec la Zambie en octobre 2023.",
                     "2024-02-19");
  const Event* zambia = nullptr;
  for (const Event& e : x.events) {
    for (const Party& p : e.parties) {
      if (p.country == "ZM") zambia = &e;
    }
  }
  ASSERT_NE(zambia, nullptr);
  EXPECT_EQ(zambia->sectors, std::vector<std::string>{"critical_minerals"});
}

// An organization named in a relative clause hosts or organizes; it is no
// party, even where the sentence names no other ("Avtalen ble signert under
// en næringslivsuke som Innovasjon Norge arrangerer").
TEST(LexiconLanguages, OrganizerInRelativeClauseIsNoParty) {
  Extraction x = run("Norsk rederi og japansk handelshus samarbeider\n12.11.2024\n\n"
                     "Rederiet Vestvind Shipping AS og det japanske handelshuset Minato Trading Corporation har i dag "
                     "signert en samarbeidsavtale om ammoniakkdrevne skip. Avtalen ble signert under en maritim "
                     "næringslivsuke som Innovasjon Norge arrangerer i Tokyo.",
                     "2024-11-12");
  ASSERT_FALSE(x.events.empty());
  for (const Event& e : x.events) {
    for (const Party& p : e.parties) EXPECT_NE(p.name, "Innovation Norway") << e.evidence;
  }
}

// A sentence that opens on the act told last and states none ("The
// framework covers ...") names that act's sectors; "le nouvel accord" is the
// page's own act, not the older one told since.
TEST(LexiconLanguages, FollowingSentencesGiveSectorsToTheActTheyReferTo) {
  Extraction x = run("United States and Japan sign framework on critical minerals\nPublished 29 October 2025\n\n"
                     "President Donald Trump and Prime Minister Sanae Takaichi signed a framework agreement on "
                     "critical minerals on Tuesday.\n\nThe framework covers mining and investment.",
                     "2025-10-29");
  ASSERT_FALSE(x.events.empty());
  const std::vector<std::string>& s = x.events[0].sectors;
  EXPECT_NE(std::find(s.begin(), s.end(), "mining"), s.end());
  EXPECT_NE(std::find(s.begin(), s.end(), "investment"), s.end());

  Extraction y = run("Le Pôle Hydrogène Atlantique et la Grappe Hydrogène Laurentides renouvellent leur accord\n"
                     "Nantes, le 10 avril 2025\n\n"
                     "Le Pôle Hydrogène Atlantique et la Grappe Hydrogène Laurentides ont renouvelé hier à Nantes "
                     "leur accord de coopération.\n\n"
                     "Les deux réseaux d'entreprises avaient signé un premier accord de coopération en 2021.\n\n"
                     "Le nouvel accord élargit la coopération à la recherche appliquée.",
                     "2025-04-10");
  ASSERT_EQ(y.events.size(), 2u);
  for (const Event& e : y.events) {
    const bool research = std::find(e.sectors.begin(), e.sectors.end(), "innovation_research") != e.sectors.end();
    EXPECT_EQ(research, e.date != "2021") << e.date;
  }

  // "Il protocollo prevede ...": the act told last; refuelling stations are
  // green transport, universities research. (Carinzia, Friuli Venezia
  // Giulia without its hyphen: Italian names of the regions.)
  Extraction z = run("Il Friuli Venezia Giulia e la Carinzia firmano un protocollo d'intesa\nTrieste, 14 novembre 2025\n\n"
                     "Il Friuli Venezia Giulia e il Land Carinzia hanno firmato oggi a Villaco un protocollo d'intesa "
                     "sull'idrogeno verde.\n\n"
                     "Il protocollo prevede una rete di stazioni di rifornimento e progetti con le università dei due territori.",
                     "2025-11-14");
  ASSERT_FALSE(z.events.empty());
  EXPECT_EQ(party_keys(z.events[0]), (std::vector<std::string>{"AT-2", "IT-36"}));
  const std::vector<std::string>& zs = z.events[0].sectors;
  EXPECT_NE(std::find(zs.begin(), zs.end(), "green_transport"), zs.end());
  EXPECT_NE(std::find(zs.begin(), zs.end(), "innovation_research"), zs.end());
}

// A bare adjective qualifies what it stands beside ("origen renovable del
// hidrógeno"): no renewable_energy of its own.
TEST(LexiconLanguages, BareRenewableAdjectiveIsNoSector) {
  Extraction x = run("Acuerdo sobre hidrógeno\nMadrid, 11 de diciembre de 2023\n\n"
                     "Grupo Solvento y Corporación Pampa Verde firmaron hoy un memorando de entendimiento sobre la "
                     "certificación del origen renovable del hidrógeno.",
                     "2023-12-11");
  ASSERT_FALSE(x.events.empty());
  EXPECT_EQ(x.events[0].sectors, std::vector<std::string>{"hydrogen"});
}

// The sectors of the first event of text, published 2025-03-14, which must
// be read as lang (none when no event comes out).
std::vector<std::string> first_event_sectors(const char* lang, const char* text) {
  Extraction x = run(text, "2025-03-14");
  EXPECT_EQ(x.language, lang);
  return x.events.empty() ? std::vector<std::string>{} : x.events[0].sectors;
}

// An export cable brings an offshore wind farm's power ashore: offshore wind,
// not trade ("export" alone is trade), in every language.
TEST(LexiconLanguages, ExportCablesAreOffshoreWind) {
  const std::pair<const char*, const char*> rows[] = {
      {"en", "Cable deal\nPublished 14 March 2025\n\nNorway and Japan signed a letter of intent on the maintenance of "
             "export cables."},
      {"de", "Kabelvertrag\n14.03.2025\n\nNorwegen und Japan unterzeichneten eine Absichtserklärung über die "
             "Wartung von Exportkabeln."},
      {"nb", "Kabelavtale\n14.03.2025\n\nNorge og Japan har signert en intensjonsavtale om vedlikehold av "
             "eksportkabler."},
  };
  for (const auto& [lang, text] : rows) {
    SCOPED_TRACE(text);
    EXPECT_EQ(first_event_sectors(lang, text), std::vector<std::string>{"offshore_wind"});
  }
}

// An accident told as background ("after the nuclear accident of 2011") names
// no sector of the act, though it holds a sector word: in every language.
TEST(LexiconLanguages, NuclearAccidentIsNoSector) {
  const std::pair<const char*, const char*> rows[] = {
      {"en", "Hydrogen pact\nPublished 14 March 2025\n\nNorway and Japan signed a memorandum of understanding on "
             "hydrogen, ten years after the nuclear accident in Fukushima."},
      {"fr", "Pacte sur l'hydrogène\n14 mars 2025\n\nLa Norvège et le Japon ont signé un protocole d'accord sur "
             "l'hydrogène, dix ans après l'accident nucléaire de Fukushima."},
      {"it", "Patto sull'idrogeno\n14 marzo 2025\n\nLa Norvegia e il Giappone hanno firmato un memorandum d'intesa "
             "sull'idrogeno, dieci anni dopo l'incidente nucleare di Fukushima."},
      {"ja", "水素に関する覚書\n\n福島の原発事故から十年となる2025年3月14日、ノルウェーと日本は水素に関する覚書を締結しました。"},
  };
  for (const auto& [lang, text] : rows) {
    SCOPED_TRACE(text);
    EXPECT_EQ(first_event_sectors(lang, text), std::vector<std::string>{"hydrogen"});
  }
}

// A sea route is shipping by another name: maritime, in every language.
TEST(LexiconLanguages, SeaRoutesAreMaritime) {
  const std::pair<const char*, const char*> rows[] = {
      {"en", "Arctic research\nPublished 14 March 2025\n\nNorway and Japan signed a memorandum of understanding on "
             "research into Arctic sea routes."},
      {"de", "Arktisforschung\n14.03.2025\n\nNorwegen und Japan unterzeichneten eine Absichtserklärung über die "
             "Erforschung neuer Seerouten in der Arktis."},
      {"fr", "Recherche arctique\n14 mars 2025\n\nLa Norvège et le Japon ont signé un protocole d'accord sur la "
             "recherche sur les routes maritimes de l'Arctique."},
  };
  for (const auto& [lang, text] : rows) {
    SCOPED_TRACE(text);
    const std::vector<std::string> s = first_event_sectors(lang, text);
    EXPECT_NE(std::find(s.begin(), s.end(), "maritime"), s.end());
  }
}


namespace {
bool has_sector(const Event& e, const char* s) {
  return std::find(e.sectors.begin(), e.sectors.end(), s) != e.sectors.end();
}
const Event* event_of(const Extraction& x, const std::string& date) {
  for (const Event& e : x.events) {
    if (e.date == date) return &e;
  }
  return nullptr;
}
}  // namespace

// A portfolio in lower case after a role ("minister for handel, industri og
// energi, Ahn Duk-geun") names the minister's office, not the act's sector;
// a sector word in the act's own words still counts.
TEST(LexiconLanguages, LowerCasePortfolioIsNoSector) {
  Extraction x = run("Danmark og Sydkorea\n13. marts 2025\n\nDanmark og Sydkorea underskrev onsdag en hensigtserklæring "
                     "om havvind. Erklæringen blev underskrevet af Sydkoreas minister for handel, industri og energi, "
                     "Ahn Duk-geun.",
                     "2025-03-13");
  ASSERT_FALSE(x.events.empty());
  EXPECT_TRUE(has_sector(x.events[0], "offshore_wind"));
  EXPECT_FALSE(has_sector(x.events[0], "trade"));
  Extraction t = run("Danmark og Sydkorea\n13. marts 2025\n\nDanmark og Sydkorea underskrev onsdag en hensigtserklæring "
                     "om havvind og handel.",
                     "2025-03-13");
  ASSERT_FALSE(t.events.empty());
  EXPECT_TRUE(has_sector(t.events[0], "trade"));
}

// A chamber of commerce is an organization, not the act's trade.
TEST(LexiconLanguages, ChamberOfCommerceIsNoTrade) {
  struct R { const char* text; const char* published; } rows[] = {
      {"Normandie\nCaen, le 8 octobre 2025\n\nLa Région Normandie et le Land de Basse-Saxe ont signé mardi une "
       "déclaration commune sur l'éolien en mer, en partenariat avec la chambre de commerce et d'industrie.",
       "2025-10-08"},
      {"Italia e Canada\nRoma, 9 ottobre 2025\n\nItalia e Canada hanno firmato ieri un memorandum d'intesa sull'eolico "
       "offshore, insieme alla camera di commercio italiana.",
       "2025-10-09"},
  };
  for (const R& r : rows) {
    SCOPED_TRACE(r.text);
    Extraction x = run(r.text, r.published);
    ASSERT_FALSE(x.events.empty());
    EXPECT_TRUE(has_sector(x.events[0], "offshore_wind"));
    EXPECT_FALSE(has_sector(x.events[0], "trade"));
  }
}

// In a history, what an extension added ("esteso nel 2025 ai piccoli
// reattori modulari") is the extension's scope, not the earlier acts'; and
// the extension of that history's memorandum is not the joint declaration
// signed the same year.
TEST(LexiconLanguages, ExtensionAddsItsOwnScope) {
  Extraction x = run("Italia e Canada\nRoma, 9 ottobre 2025\n\nItalia e Canada hanno sottoscritto ieri una dichiarazione "
                     "congiunta sui minerali critici.\n\nI due Paesi hanno firmato un memorandum sulla cooperazione nelle "
                     "energie rinnovabili nel 2017, lo hanno rinnovato nel 2022 e lo hanno esteso nel 2025 ai piccoli "
                     "reattori modulari.",
                     "2025-10-09");
  const Event* signed_2017 = event_of(x, "2017");
  const Event* renewed = event_of(x, "2022");
  const Event* extended = event_of(x, "2025");
  const Event* declaration = event_of(x, "2025-10-08");
  ASSERT_TRUE(signed_2017 && renewed && extended && declaration);
  EXPECT_TRUE(has_sector(*signed_2017, "renewable_energy"));
  EXPECT_FALSE(has_sector(*signed_2017, "nuclear"));
  EXPECT_FALSE(has_sector(*renewed, "nuclear"));
  EXPECT_TRUE(has_sector(*extended, "nuclear"));
  EXPECT_EQ(extended->stage, "extended");
  EXPECT_EQ(extended->instrument, "memorandum_of_understanding");
  EXPECT_EQ(declaration->instrument, "joint_declaration");
  // The word before the extension's date, after its verb, is its scope too.
  Extraction f = run("Paris et Tokyo\nParis, le 14 mars 2025\n\nLes deux pays ont adopté une feuille de route de "
                     "coopération industrielle en 2019, puis l'ont élargie aux matières premières critiques en juin 2023.",
                     "2025-03-14");
  const Event* adopted = event_of(f, "2019");
  const Event* widened = event_of(f, "2023-06");
  ASSERT_TRUE(adopted && widened);
  EXPECT_FALSE(has_sector(*adopted, "critical_minerals"));
  EXPECT_TRUE(has_sector(*widened, "critical_minerals"));
}

// Public transport and charging networks are green transport (sv rows).
TEST(LexiconLanguages, SwedishTransportRows) {
  Extraction x = run("Skåne och Själland\n\nRegion Skåne och Region Själland undertecknade 2014 ett samarbetsavtal om "
                     "kollektivtrafik och laddinfrastruktur.");
  ASSERT_FALSE(x.events.empty());
  EXPECT_EQ(x.events[0].sectors, std::vector<std::string>{"green_transport"});
}

}  // namespace
}  // namespace pactum::extract

namespace pactum::extract {
namespace {

using test_util::party_keys;
using test_util::run;

// "EU-medel" (EU funds) qualifies the funds: the EU is no party of the
// regions' act; "EU-Japan" still joins two actors.
TEST(LexiconLanguages, ActorHyphenatedToALowerCaseWordIsNoParty) {
  Extraction x = run("Skåne och Själland\nPublicerad: 2025-09-16\n\nRegion Skåne och Region Själland skrev i måndags under "
                     "en avsiktsförklaring om vätgas.\n\nAvsiktsförklaringen ska leda till en gemensam ansökan om EU-medel "
                     "för tankstationer i Region Själland.",
                     "2025-09-16");
  ASSERT_FALSE(x.events.empty());
  for (const Event& e : x.events) {
    const auto keys = party_keys(e);
    EXPECT_EQ(std::find(keys.begin(), keys.end(), "EU"), keys.end()) << e.evidence;
  }
  Extraction j = run("Data flows\n\nThe EU-Japan agreement on data flows was signed in Tokyo on 31 January 2024.");
  ASSERT_FALSE(j.events.empty());
  EXPECT_EQ(party_keys(j.events[0]), (std::vector<std::string>{"EU", "JP"}));
}

// A bare "the agreement" opening a sentence that names a formal instrument
// of two other sides is the page's act: the act stated is the other one.
TEST(LexiconLanguages, OpeningBareAgreementRefersBack) {
  Extraction x = run("Italia e Canada\nRoma, 9 ottobre 2025\n\nItalia e Canada hanno sottoscritto ieri una dichiarazione "
                     "congiunta sui minerali critici.\n\nI due Paesi hanno firmato un memorandum sulle energie rinnovabili "
                     "nel 2017.\n\nL'intesa si inserisce nel partenariato strategico sulle materie prime che l'Unione "
                     "europea e il Canada hanno avviato nel giugno 2021.",
                     "2025-10-09");
  auto it = std::find_if(x.events.begin(), x.events.end(), [](const Event& e) {
    return party_keys(e) == std::vector<std::string>{"CA", "EU"};
  });
  ASSERT_NE(it, x.events.end());
  EXPECT_EQ(it->instrument, "strategic_partnership");
  EXPECT_EQ(it->date, "2021-06");
}

// A speaker's words ("Korea bygger havvind ...", siger ...) lend no sector
// to the history told in the next paragraph.
// Who signed the act told last, with the act as a clitic pronoun ("A
// firmarla sono stati ...", "Lo suscribieron ..."): its signatories.
TEST(LexiconLanguages, SignedByWithTheActAsAPronoun) {
  const std::pair<const char*, const char*> rows[] = {
      {"Italia e Canada firmano una dichiarazione\n\nItalia e Canada hanno sottoscritto ieri a Roma una dichiarazione congiunta "
       "sui minerali critici. A firmarla sono stati il ministro dell'Ambiente, Adolfo Ricci, e il ministro canadese dell'Energia, Tom Baker.",
       "Adolfo Ricci"},
      {"España y Chile firman un memorando\n\nEspaña y Chile firmaron este martes en Madrid un memorando de entendimiento sobre "
       "hidrógeno verde. Lo suscribieron la ministra de Energía, Teresa Olmedo, y el ministro de Energía de Chile, Diego Rojas.",
       "Teresa Olmedo"},
  };
  for (const auto& [text, name] : rows) {
    SCOPED_TRACE(text);
    Extraction x = run(text, "2025-10-09");
    ASSERT_FALSE(x.events.empty());
    std::vector<std::string> names;
    for (const Signatory& s : x.events[0].signatories) names.push_back(s.name);
    EXPECT_NE(std::find(names.begin(), names.end(), name), names.end());
  }
}

TEST(LexiconLanguages, QuotationLendsNoSectorToTheNextAct) {
  Extraction x = run("Danmark og Sydkorea\n13. marts 2025\n\nDanmark og Sydkorea underskrev onsdag i Seoul en "
                     "hensigtserklæring om brint.\n\n\"Korea bygger havvind i stor skala. Det er et partnerskab, hvor "
                     "begge lande vinder,\" siger klima-, energi- og forsyningsminister Lars Aagaard.\n\nLandene indgik "
                     "en grøn vækstalliance i 2011, der blev opgraderet til et grønt strategisk partnerskab i 2020.",
                     "2025-03-13");
  bool seen = false;
  for (const Event& e : x.events) {
    if (e.date != "2011" && e.date != "2020") continue;
    seen = true;
    EXPECT_EQ(std::find(e.sectors.begin(), e.sectors.end(), "offshore_wind"), e.sectors.end()) << e.date;
  }
  EXPECT_TRUE(seen);
}

// layout.cc matches a line's opening only when its first token may start a
// chrome or date phrase: every such phrase, written out, must start with a
// token that says so (wildcards by a word they cover), and plain words not.
TEST(LexiconLanguages, ChromeAndDatePhrasesOpenLines) {
  const auto& f = test_util::lexicon_fixture();
  ASSERT_TRUE(f.lexicon);
  const Category kOpening[] = {Category::kChrome,     Category::kMonth,      Category::kWeekday,
                               Category::kRelativeDate, Category::kTargetPrep, Category::kSincePrep,
                               Category::kDateQualifier, Category::kDateMarker, Category::kEra};
  int checked = 0;
  for (const LexiconPhrase& p : f.lexicon->phrases()) {
    if (p.lang == "xx" || std::find(std::begin(kOpening), std::end(kOpening), p.category) == std::end(kOpening)) continue;
    std::string written = p.phrase;
    if (written.starts_with('*')) written = "x" + written.substr(1);  // a word the suffix covers
    if (written.ends_with('*')) written = written.substr(0, written.size() - 1) + "x";
    const auto tokens = text::tokenize(written, p.lang);
    for (const Mention& m : f.lexicon->find(p.lang, written, tokens)) {
      if (m.first_token != 0 || !m.entry || m.entry->category != p.category) continue;
      EXPECT_TRUE(f.lexicon->may_open_chrome_or_date(p.lang, tokens[0].folded)) << p.lang << ": " << p.phrase;
      ++checked;
    }
  }
  EXPECT_GT(checked, 500);
  EXPECT_TRUE(f.lexicon->may_open_chrome_or_date("nb", "siste"));
  EXPECT_TRUE(f.lexicon->may_open_chrome_or_date("nb", "mandag"));
  EXPECT_FALSE(f.lexicon->may_open_chrome_or_date("nb", "hydrogen"));
  EXPECT_FALSE(f.lexicon->may_open_chrome_or_date("en", "norway"));
}

}  // namespace
// Words that describe who takes part ("forskningsmiljøer", research
// communities) or how agencies work together ("dela data") name no sector of
// the act; nor does a tax credit for electric cars told as background.
TEST(LexiconLanguages, MembersAndDataSharingAreNoSector) {
  struct R { const char* text; const char* published; const char* want; const char* not_want; } rows[] = {
      {"Sverige och Kanada\nStockholm den 12 juni 2025\n\nSverige och Kanada undertecknade i går ett samförståndsavtal om "
       "kritiska mineraler. Enligt avtalet ska ländernas geologiska myndigheter dela data.",
       "2025-06-12", "critical_minerals", "digital"},
      {"Norge og Tyskland\n14.06.2022\n\nNorge og Tyskland undertegnet mandag en samarbeidsavtale om hydrogen der også "
       "klynger og forskningsmiljøer i begge land er med.",
       "2022-06-14", "hydrogen", "innovation_research"},
      {"Deutschland und Norwegen\n14.06.2022\n\nDeutschland und Norwegen unterzeichneten am Montag eine "
       "Absichtserklärung zu Wasserstoff mit Unternehmen und Forschungseinrichtungen.",
       "2022-06-14", "hydrogen", "innovation_research"},
      {"US and Japan sign minerals deal\nMarch 28, 2023\n\nThe United States and Japan signed an agreement on critical "
       "minerals today; carmakers that source minerals in Japan can now claim the US tax credit for EVs.",
       "2023-03-28", "critical_minerals", "green_transport"},
      // A ministry's name is no sector of the act its ministry signs.
      {"Noruega e Japão\nOslo, 12 de março de 2025\n\nO Ministério do Comércio da Noruega e o Ministério da Economia do Japão "
       "assinaram hoje um memorando de entendimento sobre cooperação em hidrogénio e amoníaco.",
       "2025-03-12", "ammonia", "trade"},
  };
  for (const R& r : rows) {
    SCOPED_TRACE(r.text);
    Extraction x = run(r.text, r.published);
    ASSERT_FALSE(x.events.empty());
    EXPECT_TRUE(has_sector(x.events[0], r.want));
    EXPECT_FALSE(has_sector(x.events[0], r.not_want));
  }
}

// A label equals a literal of the same bytes only: the length check that
// makes the rules' comparisons cheap must not let a prefix or an extension
// through.
TEST(Label, EqualsALiteralOfTheSameBytesOnly) {
  const Label link(std::string("link"));
  EXPECT_TRUE(link == "link");
  EXPECT_FALSE(link == "lin");
  EXPECT_FALSE(link == "links");
  EXPECT_FALSE(link == "lamp");
  EXPECT_TRUE(link != "pair");
  const Label pair(std::string("pair:organization"));
  EXPECT_TRUE(pair == "pair:organization");
  EXPECT_FALSE(pair == "pair:organizatiom");
  EXPECT_TRUE(pair.starts_with("pair:"));  // still a std::string
  EXPECT_TRUE(Label() == "");
}

}  // namespace pactum::extract
