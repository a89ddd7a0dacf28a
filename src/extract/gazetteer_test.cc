// Table tests for the gazetteer (surface forms per language -> actor) and
// for the .mo reader it takes iso-codes' translations from.
#include "extract/gazetteer.h"

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>

#include "extract/mo_file.h"

namespace pactum::extract {
namespace {

const std::filesystem::path kDataDir = PACTUM_TEST_DATA_DIR;

class GazetteerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto start = std::chrono::steady_clock::now();
    auto g = Gazetteer::load(kDataDir);
    load_ms_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    ASSERT_TRUE(g.is_ok()) << g.status().to_string();
    gazetteer_ = new Gazetteer(std::move(g).value());
    std::printf("gazetteer: %zu actors, %zu aliases, loaded in %.1f ms\n", gazetteer_->actors().size(),
                gazetteer_->aliases().size(), load_ms_);
  }
  static void TearDownTestSuite() {
    delete gazetteer_;
    gazetteer_ = nullptr;
  }

  static const Gazetteer& g() { return *gazetteer_; }

  static const Actor* actor(const std::string& key) {
    std::int64_t i = g().find(key);
    return i < 0 ? nullptr : &g().actors()[static_cast<std::size_t>(i)];
  }

  // The aliases a document in `lang` sees for exactly this surface.
  static std::vector<const Alias*> lookup(const std::string& surface, const std::string& lang) {
    std::vector<const Alias*> out;
    for (const Alias& a : g().aliases()) {
      if (a.surface == surface && (a.lang.empty() || a.lang == lang)) out.push_back(&a);
    }
    return out;
  }

  static std::string keys_of(const std::vector<const Alias*>& aliases) {
    std::string s;
    for (const Alias* a : aliases) s += g().actors()[a->actor].key + " ";
    return s;
  }

  static inline Gazetteer* gazetteer_ = nullptr;
  static inline double load_ms_ = 0;
};

struct SurfaceCase {
  const char* surface;
  const char* lang;
  const char* key;
  AliasForm form;
};

// Rows per language, as a document in that language would name the actor.
const SurfaceCase kSurfaces[] = {
    // Countries: iso-codes, its catalogues, ICU.
    {"Norway", "en", "NO", AliasForm::kName},
    {"Norwegen", "de", "NO", AliasForm::kName},
    {"Norge", "nb", "NO", AliasForm::kName},
    {"Noreg", "nn", "NO", AliasForm::kName},
    {"ノルウェー", "ja", "NO", AliasForm::kName},
    {"Norvège", "fr", "NO", AliasForm::kName},
    {"Noorwegen", "nl", "NO", AliasForm::kName},
    {"Norges", "nb", "NO", AliasForm::kName},  // genitive, added by the loader
    {"Norwegens", "de", "NO", AliasForm::kName},
    {"Südkorea", "de", "KR", AliasForm::kName},
    {"Sør-Korea", "nb", "KR", AliasForm::kName},
    {"韓国", "ja", "KR", AliasForm::kName},
    {"Storbritannia", "nn", "GB", AliasForm::kName},
    {"Großbritannien", "de", "GB", AliasForm::kName},
    {"USA", "nb", "US", AliasForm::kName},
    {"US", "en", "US", AliasForm::kName},
    {"Vereinigten Staaten", "de", "US", AliasForm::kName},
    {"Niederlanden", "de", "NL", AliasForm::kName},  // dative plural ("zwischen ... den Niederlanden")
    {"Philippinen", "de", "PH", AliasForm::kName},
    // Polish case forms: from case_forms.tsv (one-word names), or listed.
    {"Norwegii", "pl", "NO", AliasForm::kName},
    {"Norwegią", "pl", "NO", AliasForm::kName},
    {"Kanadzie", "pl", "CA", AliasForm::kName},
    {"Polsce", "pl", "PL", AliasForm::kName},
    {"Wietnamie", "pl", "VN", AliasForm::kName},
    {"Australii", "pl", "AU", AliasForm::kName},  // a name shared by every language
    {"Bawarii", "pl", "DE-BY", AliasForm::kName},
    {"Stanów Zjednoczonych", "pl", "US", AliasForm::kName},
    {"Niemczech", "pl", "DE", AliasForm::kName},
    {"米国", "ja", "US", AliasForm::kName},
    {"日本", "ja", "JP", AliasForm::kName},
    // The EU and the Commission that acts for it.
    {"EU", "nb", "EU", AliasForm::kName},
    {"EUs", "nb", "EU", AliasForm::kName},
    {"Den europeiske union", "nb", "EU", AliasForm::kName},
    {"the Commission", "en", "org:eu-commission", AliasForm::kName},
    {"EU-kommisjonen", "nn", "org:eu-commission", AliasForm::kName},
    {"Europäische Kommission", "de", "org:eu-commission", AliasForm::kName},
    {"欧州連合", "ja", "EU", AliasForm::kName},
    {"Brussels", "en", "EU", AliasForm::kCapital},
    // Regions.
    {"Nordrhein-Westfalen", "de", "DE-NW", AliasForm::kName},
    {"North Rhine-Westphalia", "en", "DE-NW", AliasForm::kName},
    {"NRW", "de", "DE-NW", AliasForm::kName},
    {"Nordrhein-Westfalens", "de", "DE-NW", AliasForm::kName},
    {"ノルトライン・ヴェストファーレン州", "ja", "DE-NW", AliasForm::kName},
    {"Bayern", "de", "DE-BY", AliasForm::kName},
    {"福島県", "ja", "JP-07", AliasForm::kName},
    {"Fukushima", "en", "JP-07", AliasForm::kName},
    {"Fukushima Prefecture", "en", "JP-07", AliasForm::kName},
    {"Präfektur Fukushima", "de", "JP-07", AliasForm::kName},
    {"Fukushima-prefekturen", "nb", "JP-07", AliasForm::kName},
    {"大阪府", "ja", "JP-27", AliasForm::kName},
    {"Tokyo", "en", "JP-13", AliasForm::kName},
    {"東京都", "ja", "JP-13", AliasForm::kName},
    {"New South Wales", "en", "AU-NSW", AliasForm::kName},
    {"Akershus", "nb", "NO-32", AliasForm::kName},
    {"Vestland", "nn", "NO-46", AliasForm::kName},
    {"Møre og Romsdal", "nn", "NO-15", AliasForm::kName},
    {"Trøndelag", "nb", "NO-50", AliasForm::kName},
    {"Møre og Romsdal fylkeskommune", "nn", "NO-15:fk", AliasForm::kName},
    {"Vestland fylkeskommune", "nb", "NO-46:fk", AliasForm::kName},
    // Demonyms, inflected.
    {"japanske", "nb", "JP", AliasForm::kDemonym},
    {"norske", "nn", "NO", AliasForm::kDemonym},
    {"norwegischen", "de", "NO", AliasForm::kDemonym},
    {"deutsch", "de", "DE", AliasForm::kDemonym},
    {"Norwegian", "en", "NO", AliasForm::kDemonym},
    {"europeiske", "nb", "EU", AliasForm::kDemonym},
    {"britiske", "nb", "GB", AliasForm::kDemonym},
    {"norvégienne", "fr", "NO", AliasForm::kDemonym},
    {"japanska", "sv", "JP", AliasForm::kDemonym},
    // Organizations.
    {"Innovation Norway", "en", "org:innovation-norway", AliasForm::kName},
    {"Innovasjon Norge", "nb", "org:innovation-norway", AliasForm::kName},
    {"Innovation Norge", "de", "org:innovation-norway", AliasForm::kName},
    {"JH2A", "en", "org:jh2a", AliasForm::kName},
    {"Japan Hydrogen Association", "en", "org:jh2a", AliasForm::kName},
    {"水素バリューチェーン推進協議会", "ja", "org:jh2a", AliasForm::kName},
    {"Nærings- og fiskeridepartementet", "nb", "org:no-nfd", AliasForm::kName},
    {"Olje- og energidepartementet", "nb", "org:no-ed", AliasForm::kName},
    {"Norsk Hydrogenforum", "nb", "org:no-hydrogen-forum", AliasForm::kName},
    {"METI", "en", "org:jp-meti", AliasForm::kName},
    {"経済産業省", "ja", "org:jp-meti", AliasForm::kName},
    {"BMWK", "de", "org:de-bmwk", AliasForm::kName},
    {"NRW.Energy4Climate", "de", "org:nrw-energy4climate", AliasForm::kName},
    // Transmission operators, companies and agencies that releases name.
    {"Energinet", "da", "org:dk-energinet", AliasForm::kName},
    {"Svenska kraftnät", "sv", "org:se-svk", AliasForm::kName},
    {"電力広域的運営推進機関", "ja", "org:jp-occto", AliasForm::kName},
    {"Bundesnetzagentur", "de", "org:de-bnetza", AliasForm::kName},
    {"Neste", "fi", "org:fi-neste", AliasForm::kName},
    // An organization's own name is read in every language.
    {"Vätgas Sverige", "nb", "org:hydrogen-sweden", AliasForm::kName},
    {"Universitetet i Bergen", "da", "org:uib", AliasForm::kName},
    {"dell'ENEA", "it", "org:it-enea", AliasForm::kName},
    {"ロッテルダム港", "ja", "org:port-of-rotterdam", AliasForm::kName},
    {"Oslo", "nb", "city:oslo", AliasForm::kName},
    {"Oslo", "nb", "NO", AliasForm::kCapital},
    // Finnish: the fi catalogue, and case_endings.tsv's endings on its names
    // (also on names Finnish shares with other languages: "Australian").
    {"Norja", "fi", "NO", AliasForm::kName},
    {"Norjan", "fi", "NO", AliasForm::kName},
    {"Norjaan", "fi", "NO", AliasForm::kName},
    {"Norjasta", "fi", "NO", AliasForm::kName},
    {"Japaniin", "fi", "JP", AliasForm::kName},
    {"Australian", "fi", "AU", AliasForm::kName},
    {"Vietnamin", "fi", "VN", AliasForm::kName},
    {"Chilestä", "fi", "CL", AliasForm::kName},  // front vowels take -stä
    {"EU:sta", "fi", "EU", AliasForm::kName},    // an acronym takes both harmonies
    {"EU:stä", "fi", "EU", AliasForm::kName},
    {"Euroopan unionin", "fi", "EU", AliasForm::kName},
    {"EU:n", "fi", "EU", AliasForm::kName},
    {"EU:hun", "fi", "EU", AliasForm::kName},
    {"Oslon", "fi", "city:oslo", AliasForm::kName},
    // Stems the endings cannot build are alias rows.
    {"Suomen", "fi", "FI", AliasForm::kName},
    {"Yhdysvaltojen", "fi", "US", AliasForm::kName},
    {"Kreikan", "fi", "GR", AliasForm::kName},
    {"työ- ja elinkeinoministeriön", "fi", "org:fi-tem", AliasForm::kName},
    {"norjalaisen", "fi", "NO", AliasForm::kDemonym},
    // subdivision_forms.tsv's Finnish patterns, inflected in turn.
    {"Fukushiman prefektuurin", "fi", "JP-07", AliasForm::kName},
    {"Nordrhein-Westfalenin", "fi", "DE-NW", AliasForm::kName},
    {"Vestlandin", "fi", "NO-46", AliasForm::kName},
};

TEST_F(GazetteerTest, SurfacesNameTheirActors) {
  for (const SurfaceCase& c : kSurfaces) {
    SCOPED_TRACE(std::string(c.surface) + " [" + c.lang + "]");
    auto found = lookup(c.surface, c.lang);
    bool hit = false;
    for (const Alias* a : found) {
      if (g().actors()[a->actor].key == c.key && a->form == c.form) hit = true;
    }
    EXPECT_TRUE(hit) << "expected " << c.key << ", found: " << keys_of(found);
  }
}

struct ActorCase {
  const char* key;
  const char* name;
  const char* kind;
  const char* country;
  const char* subdivision;
  const char* parent;
};

const ActorCase kActors[] = {
    {"NO", "Norway", "country", "NO", "", ""},
    {"KR", "South Korea", "country", "KR", "", ""},
    {"GB", "United Kingdom", "country", "GB", "", ""},
    {"CD", "Democratic Republic of the Congo", "country", "CD", "", ""},
    {"EU", "European Union", "supranational", "EU", "", ""},
    {"JP-07", "Fukushima Prefecture", "region", "JP", "JP-07", "JP"},
    {"JP-27", "Osaka Prefecture", "region", "JP", "JP-27", "JP"},
    {"JP-40", "Fukuoka Prefecture", "region", "JP", "JP-40", "JP"},
    {"JP-13", "Tokyo", "region", "JP", "JP-13", "JP"},
    {"DE-NW", "North Rhine-Westphalia", "region", "DE", "DE-NW", "DE"},
    {"DE-BY", "Bavaria", "region", "DE", "DE-BY", "DE"},
    {"AU-NSW", "New South Wales", "region", "AU", "AU-NSW", "AU"},
    {"CA-QC", "Quebec", "region", "CA", "CA-QC", "CA"},
    {"NO-32", "Akershus", "region", "NO", "NO-32", "NO"},
    {"NO-56", "Finnmark", "region", "NO", "NO-56", "NO"},
    {"NO-50", "Trøndelag", "region", "NO", "NO-50", "NO"},
    {"NO-15:fk", "Møre og Romsdal County Municipality", "region", "NO", "NO-15", "NO-15"},
    {"org:innovation-norway", "Innovation Norway", "organization", "NO", "", "org:no-nfd"},
    {"org:jh2a", "Japan Hydrogen Association", "organization", "JP", "", ""},
    {"org:no-nfd", "Ministry of Trade, Industry and Fisheries", "organization", "NO", "", "NO"},
    {"org:nrw-energy4climate", "NRW.Energy4Climate", "organization", "DE", "DE-NW", "org:de-nw-mwike"},
    {"org:energy-agency-fukushima", "Energy Agency Fukushima", "organization", "JP", "JP-07", ""},
    {"org:efta", "European Free Trade Association", "organization", "", "", ""},
    {"org:se-svk", "Svenska kraftnät", "organization", "SE", "", "org:se-kn"},
    {"org:imo", "International Maritime Organization", "organization", "", "", ""},
    {"org:ca-nrcan", "Natural Resources Canada", "organization", "CA", "", "CA"},
    {"org:nl-tennet", "TenneT", "organization", "NL", "", ""},
    {"city:oslo", "Oslo", "city", "NO", "NO-03", "NO-03"},  // a city-state: its own region
};

TEST_F(GazetteerTest, ActorsHaveCanonicalFields) {
  for (const ActorCase& c : kActors) {
    SCOPED_TRACE(c.key);
    const Actor* a = actor(c.key);
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(a->key, c.key);
    EXPECT_EQ(a->name, c.name);
    EXPECT_EQ(a->kind, c.kind);
    EXPECT_EQ(a->country, c.country);
    EXPECT_EQ(a->subdivision, c.subdivision);
    EXPECT_EQ(a->parent, c.parent);
  }
  EXPECT_EQ(g().find("XX-NOPE"), -1);
}

// actors.tsv's function column: a country's organization by what it is.
TEST_F(GazetteerTest, FunctionNamesACountrysOrganization) {
  EXPECT_EQ(g().find_function("KR", "energy_agency"), g().find("org:kr-kea"));
  EXPECT_EQ(g().find_function("DK", "energy_agency"), g().find("org:dk-dea"));
  EXPECT_EQ(g().find_function("NO", "energy_agency"), -1);  // none known
  EXPECT_EQ(g().find_function("KR", "no_such_function"), -1);
  EXPECT_EQ(g().find_function("KR", ""), -1);
}

// The capitalised words after the first of known names are words names are
// made of ("the British Embassy"), not names by themselves.
TEST_F(GazetteerTest, InnerNameWordsAreCommonWords) {
  EXPECT_TRUE(g().inner_name_word("embassy"));
  EXPECT_TRUE(g().inner_name_word("ocean"));
  EXPECT_TRUE(g().inner_name_word("agency"));
  EXPECT_FALSE(g().inner_name_word("valoria"));
  EXPECT_FALSE(g().inner_name_word("of"));  // lower case in names
}

// aliases_written gives exactly the aliases of that surface, in aliases()
// order, as a scan of every alias does.
TEST_F(GazetteerTest, AliasesWrittenEqualAScan) {
  for (const std::string surface : {"Oslo", "Tokyo", "Norway", "Georgia", "Port of Koper", "no such name"}) {
    std::vector<const Alias*> scanned;
    for (const Alias& a : g().aliases()) {
      if (a.surface == surface) scanned.push_back(&a);
    }
    EXPECT_EQ(g().aliases_written(surface), scanned) << surface;
  }
  EXPECT_FALSE(g().aliases_written("Oslo").empty());
  EXPECT_TRUE(g().aliases_written("no such name").empty());
}

TEST_F(GazetteerTest, NoiseIsLeftOut) {
  // Generic region names of many countries, and forms that do not exist.
  const std::tuple<const char*, const char*, const char*> kAbsent[] = {
      {"Central", "en", ""},
      {"Western", "en", ""},
      {"Meridionale", "it", ""},
      {"Washington", "en", "US-WA"},  // the capital, not the state
      {"Tokyo Prefecture", "en", "JP-13"},
      {"Vereinigte Staatens", "de", "US"},  // no German genitive on names with an article
      {"Korea, Republic of", "en", "KR"},
      {"Man", "en", "IM"},
      // The Finnish inessive names a venue, not a party: no such form.
      {"Norjassa", "fi", "NO"},
      {"Oslossa", "fi", "city:oslo"},
      // Finnish endings only on names Finnish writes so.
      {"Norwayn", "fi", "NO"},
      {"Norjastä", "fi", "NO"},  // vowel harmony: a back vowel takes -sta
      {"Norgen", "nb", "NO"},
      {"Neste", "nb", "org:fi-neste"},  // "neste" (next) begins Norwegian sentences
      {"Hamburger Hafen", "de", "org:hpa"},  // a place as often as the authority
      {"Norwegii", "de", "NO"},  // a Polish case form is Polish only
  };
  for (const auto& [surface, lang, key] : kAbsent) {
    SCOPED_TRACE(surface);
    for (const Alias* a : lookup(surface, lang)) {
      const Actor& actor = g().actors()[a->actor];
      if (*key) {
        EXPECT_FALSE(actor.key == key && a->form == AliasForm::kName);
      } else {
        EXPECT_NE(actor.kind, "region") << actor.key;
      }
    }
  }
}

TEST_F(GazetteerTest, AcronymsAreCaseSensitive) {
  const std::tuple<const char*, const char*, bool> kCases[] = {
      {"US", "en", true}, {"EU", "nb", true}, {"NRW", "de", true}, {"JH2A", "en", true},
      {"UN", "fr", true}, {"Norge", "nb", false}, {"norske", "nb", false}, {"Innlandet", "nb", true},
      {"EU:n", "fi", true},     {"Norjan", "fi", false},
      {"VERBUND", "de", true},  {"Terna", "it", true},    {"Elia", "fr", true},
      {"Dansk Industri", "da", true}, {"Porto de Sines", "pt", true}, {"l'ITER", "it", true},
      {"Statnett", "nb", false},
  };
  for (const auto& [surface, lang, sensitive] : kCases) {
    SCOPED_TRACE(surface);
    auto found = lookup(surface, lang);
    ASSERT_FALSE(found.empty());
    for (const Alias* a : found) EXPECT_EQ(a->case_sensitive, sensitive);
  }
}

TEST_F(GazetteerTest, PreferredReadingComesFirst) {
  // One surface, several actors: the first name alias is the preferred one.
  const std::pair<const char*, const char*> kFirst[] = {
      {"Oslo", "city:oslo"}, {"Georgia", "GE"}, {"Luxembourg", "LU"}, {"Berlin", "city:berlin"}};
  for (const auto& [surface, key] : kFirst) {
    SCOPED_TRACE(surface);
    const Alias* first = nullptr;
    for (const Alias& a : g().aliases()) {
      if (a.surface == surface && a.form == AliasForm::kName) {
        first = &a;
        break;
      }
    }
    ASSERT_NE(first, nullptr);
    EXPECT_EQ(g().actors()[first->actor].key, key);
  }
}

TEST_F(GazetteerTest, Invariants) {
  const auto& actors = g().actors();
  std::set<std::string> keys;
  for (std::size_t i = 0; i < actors.size(); ++i) {
    const Actor& a = actors[i];
    SCOPED_TRACE(a.key);
    EXPECT_TRUE(keys.insert(a.key).second) << "duplicate key";
    EXPECT_EQ(g().find(a.key), static_cast<std::int64_t>(i));
    EXPECT_FALSE(a.name.empty());
    if (!a.parent.empty()) {
      EXPECT_GE(g().find(a.parent), 0);
    }
    if (!a.country.empty() && a.country != "EU") {
      const Actor* c = actor(a.country);
      ASSERT_NE(c, nullptr);
      EXPECT_EQ(c->kind, "country");
    }
    if (a.kind == "region") {
      EXPECT_FALSE(a.subdivision.empty());
      EXPECT_EQ(a.subdivision.substr(0, 2), a.country);
    }
  }
  std::set<std::tuple<std::string, std::uint32_t, int>> seen;
  for (const Alias& a : g().aliases()) {
    ASSERT_LT(a.actor, actors.size());
    EXPECT_FALSE(a.surface.empty());
    EXPECT_EQ(a.surface.find('*'), std::string::npos) << a.surface;
    EXPECT_TRUE(seen.emplace(a.surface, a.actor, static_cast<int>(a.form)).second)
        << "duplicate alias " << a.surface << " -> " << actors[a.actor].key;
  }
}

// --- Bad tables fail with file:line ------------------------------------------

class GazetteerErrorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("pactum_gazetteer_test_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    std::filesystem::copy(kDataDir / "actors", dir_ / "actors", std::filesystem::copy_options::recursive);
    std::filesystem::copy(kDataDir / "lang", dir_ / "lang", std::filesystem::copy_options::recursive);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // Appends a row; returns its line number.
  std::size_t append(const std::string& table, const std::string& row) {
    auto path = dir_ / "actors" / table;
    std::size_t lines = 0;
    {
      std::ifstream in(path);
      std::string line;
      while (std::getline(in, line)) ++lines;
    }
    std::ofstream out(path, std::ios::app);
    out << row << "\n";
    return lines + 1;
  }

  std::filesystem::path dir_;
};

TEST_F(GazetteerErrorTest, BadRowsNameFileAndLine) {
  struct BadRow {
    const char* table;
    const char* row;
    const char* message;
  };
  const BadRow kRows[] = {
      {"aliases.tsv", "XX\t\tname\tSomewhere", "unknown actor key 'XX'"},
      {"aliases.tsv", "NO\tno\tname\tNorge", "unknown language 'no'"},
      {"aliases.tsv", "NO\tnb\tnickname\tNorge", "bad form 'nickname'"},
      {"aliases.tsv", "NO\tnb\tname\tNor*", "contains '*'"},
      {"actors.tsv", "org:x\tX\tcompany\tNO", "bad kind 'company'"},
      {"actors.tsv", "org:x\tX\torganization\tZZ", "unknown country 'ZZ'"},
      {"actors.tsv", "org:x\tX\torganization\tNO\t\torg:nowhere", "unknown parent key 'org:nowhere'"},
      {"actors.tsv", "NO\tNorway\torganization", "duplicate actor key 'NO'"},
      {"demonyms.tsv", "XX\tde\tfoo", "unknown actor key 'XX'"},
      {"names.tsv", "XX-99\tNowhere", "unknown actor key 'XX-99'"},
      {"subdivisions_extra.tsv", "NO-46\tVestland\tCounty", "already in iso-codes"},
      {"actors.tsv", "org:x\tX\torganization\tNO\t\t\tenergy_agency\tNO", "8 columns, at most 7"},
      {"actors.tsv", "city:x\tX\tcity\tNO\t\t\tenergy_agency", "a function belongs to an organization of a country"},
      {"actors.tsv", "org:x\tX\torganization\t\t\t\tenergy_agency", "a function belongs to an organization of a country"},
      {"name_rules.tsv", "Foo\tignore", "bad rule 'ignore'"},
      {"subdivision_forms.tsv", "JP\tPrefecture\ten\tPrefecture", "no {name} or {lang} slot"},
      {"case_endings.tsv", "fi\tafter_vowel\tn", "must be vowel, consonant or acronym"},
      {"case_endings.tsv", "xx\tvowel\tn", "unknown language 'xx'"},
      {"case_endings.tsv", "fi\tvowel", "no endings"},
      {"case_endings.tsv", "sv\tvowel\tn", "sv has 'vowel' rows but no 'vowels' row"},
      {"case_endings.tsv", "sv\tvowel\tn a|ä\nsv\tvowels\ta e", "sv has 'a|b' endings but no 'back' row"},
      {"case_forms.tsv", "xx\tia\tii", "unknown language 'xx'"},
      {"case_forms.tsv", "pl\tia\t", "no forms"},
  };
  for (const BadRow& bad : kRows) {
    SCOPED_TRACE(bad.row);
    TearDown();
    SetUp();
    std::size_t line = append(bad.table, bad.row);
    auto g = Gazetteer::load(dir_);
    ASSERT_FALSE(g.is_ok());
    const std::string& msg = g.status().message();
    EXPECT_NE(msg.find(std::string(bad.table) + ":" + std::to_string(line) + ": "), std::string::npos) << msg;
    EXPECT_NE(msg.find(bad.message), std::string::npos) << msg;
  }
}

TEST_F(GazetteerErrorTest, MissingTableIsAnError) {
  std::filesystem::remove(dir_ / "actors" / "aliases.tsv");
  auto g = Gazetteer::load(dir_);
  ASSERT_FALSE(g.is_ok());
  EXPECT_NE(g.status().message().find("aliases.tsv"), std::string::npos);
}

// --- The .mo reader -------------------------------------------------------------

// Builds a .mo file: header, originals table, translations table, strings.
std::string make_mo(const std::vector<std::pair<std::string, std::string>>& entries, bool big_endian) {
  std::string out;
  auto u32 = [&](std::uint32_t v) {
    for (int i = 0; i < 4; ++i) {
      int shift = big_endian ? 24 - 8 * i : 8 * i;
      out += static_cast<char>((v >> shift) & 0xff);
    }
  };
  auto n = static_cast<std::uint32_t>(entries.size());
  std::uint32_t originals = 28, translations = originals + 8 * n, strings = translations + 8 * n;
  u32(0x950412de);
  u32(0);
  u32(n);
  u32(originals);
  u32(translations);
  u32(0);
  u32(0);
  std::string blob;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> orig_at, trans_at;
  for (const auto& [o, t] : entries) {
    orig_at.emplace_back(static_cast<std::uint32_t>(o.size()), strings + static_cast<std::uint32_t>(blob.size()));
    blob += o + '\0';
  }
  for (const auto& [o, t] : entries) {
    trans_at.emplace_back(static_cast<std::uint32_t>(t.size()), strings + static_cast<std::uint32_t>(blob.size()));
    blob += t + '\0';
  }
  for (auto [len, off] : orig_at) {
    u32(len);
    u32(off);
  }
  for (auto [len, off] : trans_at) {
    u32(len);
    u32(off);
  }
  return out + blob;
}

TEST(MoFileTest, ReadsBothByteOrders) {
  const std::vector<std::pair<std::string, std::string>> kEntries = {
      {"", "Content-Type: text/plain; charset=UTF-8\n"},
      {"Germany", "Deutschland"},
      {"Norway", "Norwegen"},
      {std::string("file\0files", 10), std::string("Datei\0Dateien", 13)},
  };
  for (bool big_endian : {false, true}) {
    SCOPED_TRACE(big_endian ? "big endian" : "little endian");
    auto mo = MoFile::parse(make_mo(kEntries, big_endian), "test.mo");
    ASSERT_TRUE(mo.is_ok()) << mo.status().to_string();
    EXPECT_EQ(mo->size(), 3u);  // the header entry is not a translation
    EXPECT_EQ(mo->find("Norway"), "Norwegen");
    EXPECT_EQ(mo->find("Germany"), "Deutschland");
    EXPECT_EQ(mo->find("file"), "Datei");  // plural: singular -> first form
    EXPECT_EQ(mo->find("Japan"), "");
  }
}

TEST(MoFileTest, RejectsCorruptFiles) {
  auto good = make_mo({{"Norway", "Norwegen"}}, false);
  std::string bad_magic = good;
  bad_magic[0] = 'x';
  std::string truncated = good.substr(0, good.size() - 12);
  std::string short_header = good.substr(0, 20);
  for (const std::string& data : {bad_magic, truncated, short_header}) {
    auto mo = MoFile::parse(data, "bad.mo");
    ASSERT_FALSE(mo.is_ok());
    EXPECT_EQ(mo.status().code(), StatusCode::kCorruption);
    EXPECT_NE(mo.status().message().find("bad.mo"), std::string::npos);
  }
}

TEST(MoFileTest, ReadsIsoCodesCatalogue) {
  auto mo = MoFile::open("/usr/share/locale/de/LC_MESSAGES/iso_3166-1.mo");
  ASSERT_TRUE(mo.is_ok()) << mo.status().to_string();
  EXPECT_EQ(mo->find("Norway"), "Norwegen");
  EXPECT_EQ(mo->find("Japan"), "Japan");
}

}  // namespace
}  // namespace pactum::extract
