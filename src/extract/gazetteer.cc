// Builds the gazetteer from iso-codes, ICU and data/actors/*.tsv (see
// data/actors/README.md for the tables and the order in which they apply).
#include "extract/gazetteer.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include "common/files.h"
#include "extract/mo_file.h"
#include "text/language_table.h"
#include "text/normalize.h"

namespace pactum::extract {
namespace {

constexpr std::string_view kIsoJsonDir = "/usr/share/iso-codes/json";
constexpr std::string_view kLocaleDir = "/usr/share/locale";

// Countries whose actors' names of every language take a genitive -s on
// their last word (add_genitives: "Innovasjon Norges").
constexpr std::array<std::string_view, 3> kNordicCountries = {"NO", "DK", "SE"};

// Kinds in the order a reader prefers them when one surface names several
// actors ("Oslo" the city before Oslo the county; "Georgia" the country
// before the US state). Consumers that keep the first reading of a span rely
// on the aliases being sorted so.
constexpr std::array<std::string_view, 5> kKindsByPreference = {"country", "supranational", "city",
                                                                "region", "organization"};

// Top-level ISO 3166-2 types that are local rather than regional: parishes,
// municipalities, wards. Their names are mostly towns or saints and would
// match as regions of small countries. Municipalities stay where they are
// province-level (China's Beijing, Shanghai; Vietnam's Hanoi).
constexpr std::array<std::string_view, 18> kLocalSubdivisionTypes = {
    "Municipality", "Parish", "Local council", "Quarter", "Commune", "District municipality",
    "City municipality", "Town", "Ward", "Town council", "Urban community", "Autonomous municipality",
    "Administrative atoll", "Island council", "Popularate", "Rayon", "Rural municipality",
    "Urban municipality"};
constexpr std::array<std::string_view, 2> kProvinceLevelMunicipalities = {"CN", "VN"};

template <typename List>
bool contains(const List& list, std::string_view s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

int kind_rank(std::string_view kind) {
  auto it = std::find(kKindsByPreference.begin(), kKindsByPreference.end(), kind);
  return static_cast<int>(it - kKindsByPreference.begin());
}

std::string collapse_spaces(std::string_view s) {
  std::string out;
  for (char c : s) {
    bool space = c == ' ' || c == '\t' || c == '\n';
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool is_code_token(std::string_view w) {  // "GB-CYM", "SE-01"
  if (w.size() < 4 || w[2] != '-') return false;
  for (std::size_t i = 0; i < w.size(); ++i) {
    char c = w[i];
    if (i == 2) continue;
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

std::size_t word_count(std::string_view s) {
  std::size_t n = 0;
  bool in_word = false;
  for (char c : s) {
    bool space = c == ' ';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

// One name as iso-codes writes it, made plain: "Wales [Cymru GB-CYM]" gives
// "Wales" and "Cymru"; "Svalbard (Arctic Region)" gives "Svalbard";
// "Madrid, Comunidad de" gives "Comunidad de Madrid" when reverse_comma
// (regions), nothing otherwise ("Korea, Republic of": the plain name comes
// from common_name). Several names in one entry are split at ';'.
std::vector<std::string> plain_names(std::string_view raw, bool reverse_comma) {
  std::vector<std::string> out;
  auto finish = [&](std::string_view part) {
    std::string s = collapse_spaces(part);
    while (!s.empty() && (s.back() == '*' || s.back() == ' ')) s.pop_back();
    while (!s.empty() && s.front() == ' ') s.erase(0, 1);
    if (s.empty()) return;
    if (auto comma = s.find(", "); comma != std::string::npos) {
      if (!reverse_comma) return;
      std::string head = s.substr(0, comma), tail = s.substr(comma + 2);
      // "Southern Nations, Nationalities and Peoples" is a list, not an
      // inverted title.
      static constexpr std::string_view kConjunctions[] = {" and ", " y ", " et ", " und ", " og ", " och ", " e ", " en "};
      bool list = tail.find(", ") != std::string::npos || word_count(tail) > 3;
      for (auto c : kConjunctions) list = list || tail.find(c) != std::string::npos;
      if (list) return;
      s = tail + " " + head;
    }
    if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
  };
  for (std::string_view entry : split(raw, ';')) {
    std::string main;
    std::vector<std::string> alternatives;
    int depth_round = 0;
    std::string bracket;
    bool in_bracket = false;
    for (char c : entry) {
      if (c == '(') { ++depth_round; continue; }
      if (c == ')') { if (depth_round > 0) --depth_round; continue; }
      if (depth_round > 0) continue;
      if (c == '[') { in_bracket = true; bracket.clear(); continue; }
      if (c == ']') {
        in_bracket = false;
        std::string alt;
        for (std::string_view w : split(bracket, ' ')) {
          if (w.empty() || is_code_token(w)) continue;
          if (!alt.empty()) alt += ' ';
          alt += w;
        }
        alternatives.push_back(alt);
        continue;
      }
      (in_bracket ? bracket : main) += c;
    }
    finish(main);
    for (const auto& alt : alternatives) finish(alt);
  }
  return out;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// True when the last character is a Latin letter that takes a genitive -s:
// ASCII or Latin-1 letters (ø, ä, é), not s, x or z.
bool takes_genitive_s(std::string_view s) {
  if (s.size() < 2) return false;
  unsigned char last = static_cast<unsigned char>(s.back());
  if (last < 0x80) {
    char c = static_cast<char>(last | 0x20);
    return c >= 'a' && c <= 'z' && c != 's' && c != 'x' && c != 'z';
  }
  // A two-byte sequence lead by 0xC3 is a Latin-1 letter.
  return static_cast<unsigned char>(s[s.size() - 2]) == 0xC3 && !ends_with(s, "ß");
}

bool is_acronym(std::string_view s) {
  if (s.size() < 2 || s.size() > 6) return false;
  bool letter = false;
  for (char c : s) {
    if (c >= 'A' && c <= 'Z') {
      letter = true;
    } else if (!(c >= '0' && c <= '9')) {
      return false;
    }
  }
  return letter;
}

enum class CaseRule { kAuto, kYes, kNo };

struct NameRule {
  bool drop = false;        // never take this surface from iso-codes or ICU
  bool case_sensitive = false;
  std::string key;          // only for this actor; "" for all
};

std::string where(const std::filesystem::path& file, const TsvRow& row) {
  return file.string() + ":" + std::to_string(row.line);
}

// Splits "nb,nn" into languages; "" is one empty language (any).
// Only languages with rows in data/lang/languages.tsv: a closed list, so that
// "no" (which is neither bokmål nor nynorsk) or a typo fails at load time.
Result<std::vector<std::string>> parse_langs(const std::string& field, const std::string& at,
                                             const text::LanguageTable& languages) {
  std::vector<std::string> langs;
  if (field.empty()) return std::vector<std::string>{""};
  for (std::string_view l : split(field, ',')) {
    std::string lang = collapse_spaces(l);
    if (!languages.has(lang, text::LanguageUse::kRows)) {
      return Status::invalid_argument(at + ": unknown language '" + lang + "' (use ISO 639-1: nb/nn for Norwegian)");
    }
    langs.push_back(std::move(lang));
  }
  return langs;
}

Result<AliasForm> parse_form(const std::string& field, const std::string& at) {
  if (field == "name" || field.empty()) return AliasForm::kName;
  if (field == "demonym") return AliasForm::kDemonym;
  if (field == "capital") return AliasForm::kCapital;
  return Status::invalid_argument(at + ": bad form '" + field + "' (name, demonym or capital)");
}

Result<CaseRule> parse_case(const std::string& field, const std::string& at) {
  if (field.empty()) return CaseRule::kAuto;
  if (field == "yes") return CaseRule::kYes;
  if (field == "no") return CaseRule::kNo;
  return Status::invalid_argument(at + ": bad case_sensitive '" + field + "' (yes, no or empty)");
}

// A row with more fields than its table has is a misplaced tab, which would
// otherwise shift a value into a column nobody reads.
Status check_columns(const TsvRow& row, std::size_t columns, const std::string& at) {
  if (row.fields.size() > columns) {
    return Status::invalid_argument(at + ": " + std::to_string(row.fields.size()) + " columns, at most " +
                                    std::to_string(columns) + " expected (a stray tab?)");
  }
  return Status::ok();
}

Status check_surface(const std::string& surface, const std::string& at) {
  if (surface.empty()) return Status::invalid_argument(at + ": empty surface");
  // '*' is the phrase matcher's wildcard; a name never contains one.
  if (surface.find('*') != std::string::npos) {
    return Status::invalid_argument(at + ": surface '" + surface + "' contains '*'");
  }
  return Status::ok();
}

class Builder {
 public:
  explicit Builder(std::filesystem::path data_dir) : dir_(std::move(data_dir)) {
    // Sized for iso-codes 4.15 and our tables (about 3,500 actors, 18,000
    // aliases), so that loading does not rehash.
    actors_.reserve(4096);
    index_.reserve(4096);
    aliases_.reserve(32768);
    alias_index_.reserve(32768);
  }

  Status build();
  std::vector<Actor> take_actors() { return std::move(actors_); }
  std::vector<Alias> take_aliases() { return std::move(aliases_); }

 private:
  std::filesystem::path table(std::string_view name) const { return dir_ / "actors" / name; }

  Status load_name_rules();
  Status load_countries();
  Status load_subdivisions();
  Status load_subdivisions_extra();
  Status load_subdivision_forms();
  Status load_names();
  Status load_actors();
  Status load_aliases();
  Status load_demonyms();
  Status load_case_forms();
  void add_case_forms();
  void add_genitives();
  void add_english_possessives();
  Status add_case_endings();
  void finish();

  Status add_actor(Actor actor, const std::string& at);
  std::int64_t find(const std::string& key) const {
    auto it = index_.find(key);
    return it == index_.end() ? -1 : static_cast<std::int64_t>(it->second);
  }
  // An alias from our own tables: always kept.
  void add_alias(std::string surface, const std::string& lang, std::uint32_t actor, AliasForm form,
                 CaseRule case_rule);
  // An alias computed from iso-codes or ICU: name_rules.tsv may drop it.
  void add_generated(const std::string& surface, const std::string& lang, std::uint32_t actor);

  std::filesystem::path dir_;
  // Which languages rows may name, whose catalogue and ICU names to take,
  // which write a genitive -s onto names (data/lang/languages.tsv).
  text::LanguageTable languages_;
  std::vector<Actor> actors_;
  std::vector<Alias> aliases_;
  std::unordered_map<std::string, std::uint32_t> index_;        // key -> actor
  std::unordered_map<std::string, std::uint32_t> alias_index_;  // surface, actor, form -> alias
  std::unordered_map<std::string, std::vector<NameRule>> name_rules_;
  // Alias index -> the languages that gave a form now of every language.
  std::unordered_map<std::uint32_t, std::vector<std::string>> merged_langs_;
  // The plain ISO name of each subdivision, which subdivision_forms.tsv
  // builds on ("Fukushima" for "{name} Prefecture").
  std::unordered_map<std::uint32_t, std::string> iso_name_;
  std::unordered_map<std::uint32_t, std::string> iso_type_;
  std::unordered_set<std::uint32_t> renamed_;  // by names.tsv, which patterns do not override
  // case_forms.tsv: per language, a name's ending and the endings of its
  // other cases ("ia" -> "ii ię ią": Norwegia, Norwegii, Norwegię, Norwegią).
  struct CaseForm {
    std::string lang, ending;
    std::vector<std::string> forms;
  };
  std::vector<CaseForm> case_forms_;
  // Subdivision translations by language, for "{ja}州" patterns.
  std::unordered_map<std::string, std::unordered_map<std::uint32_t, std::string>> translated_;
};

Status Builder::add_actor(Actor actor, const std::string& at) {
  if (actor.key.empty()) return Status::invalid_argument(at + ": empty actor key");
  if (index_.count(actor.key)) return Status::invalid_argument(at + ": duplicate actor key '" + actor.key + "'");
  auto i = static_cast<std::uint32_t>(actors_.size());
  index_.emplace(actor.key, i);
  actors_.push_back(std::move(actor));
  return Status::ok();
}

void Builder::add_alias(std::string surface, const std::string& lang, std::uint32_t actor, AliasForm form,
                        CaseRule case_rule) {
  surface = collapse_spaces(surface);
  if (surface.empty()) return;
  bool case_sensitive = case_rule == CaseRule::kYes || (case_rule == CaseRule::kAuto && is_acronym(surface));
  std::string key = surface;
  key += '\x1f';
  key += std::to_string(actor);
  key += '\x1f';
  key += static_cast<char>('0' + static_cast<int>(form));
  auto [it, inserted] = alias_index_.emplace(std::move(key), static_cast<std::uint32_t>(aliases_.size()));
  if (!inserted) {
    Alias& a = aliases_[it->second];
    // The same form in several languages is a form of every language.
    // Which languages gave it is kept for add_case_endings ("Australia" is
    // also Finnish, and takes Finnish endings).
    if (a.lang != lang) {
      auto& langs = merged_langs_[it->second];
      if (!a.lang.empty()) langs.push_back(a.lang);
      langs.push_back(lang);
      a.lang.clear();
    }
    // A table row saying "no" beats the acronym default of another source.
    if (case_rule == CaseRule::kNo) a.case_sensitive = false;
    if (case_rule == CaseRule::kYes) a.case_sensitive = true;
    return;
  }
  Alias a;
  a.surface = std::move(surface);
  a.lang = lang;
  a.actor = actor;
  a.form = form;
  a.case_sensitive = case_sensitive;
  aliases_.push_back(std::move(a));
}

void Builder::add_generated(const std::string& surface, const std::string& lang, std::uint32_t actor) {
  if (auto it = name_rules_.find(surface); it != name_rules_.end()) {
    for (const NameRule& r : it->second) {
      if (r.drop && (r.key.empty() || r.key == actors_[actor].key)) return;
    }
  }
  add_alias(surface, lang, actor, AliasForm::kName, CaseRule::kAuto);
}

Status Builder::load_name_rules() {
  auto path = table("name_rules.tsv");
  auto rows = read_tsv(path);
  if (!rows.is_ok()) return rows.status();
  for (const TsvRow& row : *rows) {
    PACTUM_RETURN_IF_ERROR(check_columns(row, 3, where(path, row)));
    NameRule rule;
    const std::string& action = row.at(1);
    if (action == "drop") {
      rule.drop = true;
    } else if (action == "case") {
      rule.case_sensitive = true;
    } else {
      return Status::invalid_argument(where(path, row) + ": bad rule '" + action + "' (drop or case)");
    }
    PACTUM_RETURN_IF_ERROR(check_surface(row.at(0), where(path, row)));
    rule.key = row.at(2);
    name_rules_[row.at(0)].push_back(std::move(rule));
  }
  return Status::ok();
}

// One entry of an iso-codes JSON file: a flat object of string fields.
using IsoEntry = std::vector<std::pair<std::string, std::string>>;

const std::string& field(const IsoEntry& entry, std::string_view name) {
  static const std::string kEmpty;
  for (const auto& [k, v] : entry) {
    if (k == name) return v;
  }
  return kEmpty;
}

// Collects the entries of {"3166-2": [{...}, ...]} with nlohmann's SAX
// interface: building the DOM of the 500 KB subdivision file took longer
// than everything else the gazetteer does.
class IsoSax : public nlohmann::json_sax<nlohmann::json> {
 public:
  std::vector<IsoEntry> entries;
  bool layout_ok = true;

  bool null() override { return value(""); }
  bool boolean(bool) override { return value(""); }
  bool number_integer(number_integer_t) override { return value(""); }
  bool number_unsigned(number_unsigned_t) override { return value(""); }
  bool number_float(number_float_t, const string_t&) override { return value(""); }
  bool string(string_t& s) override { return value(s); }
  bool binary(binary_t&) override { return value(""); }
  bool start_object(std::size_t) override {
    if (++depth_ == 2) entries.emplace_back();
    return true;
  }
  bool key(string_t& k) override {
    key_ = k;
    return true;
  }
  bool end_object() override {
    --depth_;
    return true;
  }
  bool start_array(std::size_t) override {
    if (depth_ != 1) layout_ok = false;  // only the top-level list is an array
    return true;
  }
  bool end_array() override { return true; }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

 private:
  bool value(const std::string& v) {
    if (depth_ == 2) entries.back().emplace_back(key_, v);
    return true;
  }
  int depth_ = 0;
  std::string key_;
};

Result<std::vector<IsoEntry>> read_iso_json(const std::string& standard) {
  auto path = std::filesystem::path(kIsoJsonDir) / ("iso_" + standard + ".json");
  auto data = read_file(path);
  if (!data.is_ok()) {
    return Status::failed_precondition(data.status().message() + " (install the iso-codes package)");
  }
  IsoSax sax;
  bool ok = nlohmann::json::sax_parse(*data, &sax, nlohmann::json::input_format_t::json, /*strict=*/true,
                                      /*ignore_comments=*/false);
  if (!ok || !sax.layout_ok || sax.entries.empty()) {
    return Status::corruption(path.string() + ": not the iso-codes JSON layout");
  }
  return std::move(sax.entries);
}

// The iso-codes catalogue for one language, or an empty one when that
// language has no translation of this standard (nb and nn lack 3166-2).
Result<MoFile> read_catalogue(std::string_view lang, const std::string& standard) {
  auto path = std::filesystem::path(kLocaleDir) / lang / "LC_MESSAGES" / ("iso_" + standard + ".mo");
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return MoFile();
  return MoFile::open(path);
}


Status Builder::load_countries() {
  auto entries = read_iso_json("3166-1");
  if (!entries.is_ok()) return entries.status();
  std::vector<std::pair<std::uint32_t, std::vector<std::string>>> msgids;  // actor, ISO names
  for (const auto& e : *entries) {
    const std::string &code = field(e, "alpha_2"), &name = field(e, "name");
    const std::string &common = field(e, "common_name"), &official = field(e, "official_name");
    if (code.empty() || name.empty()) return Status::corruption("iso_3166-1.json: entry without alpha_2 or name");
    Actor a;
    a.key = code;
    auto plain = plain_names(common.empty() ? name : common, false);
    a.name = plain.empty() ? name : plain.front();  // names.tsv fixes the comma-inverted ones
    a.kind = "country";
    a.country = code;
    PACTUM_RETURN_IF_ERROR(add_actor(std::move(a), "iso_3166-1.json"));
    auto i = static_cast<std::uint32_t>(actors_.size() - 1);
    std::vector<std::string> ids;
    for (const std::string* n : {&common, &name, &official}) {
      if (n->empty()) continue;
      ids.push_back(*n);
      for (auto& s : plain_names(*n, false)) add_generated(s, "en", i);
    }
    msgids.emplace_back(i, std::move(ids));
  }

  for (std::string_view lang : languages_.with(text::LanguageUse::kCatalogueNames)) {
    auto mo = read_catalogue(lang, "3166-1");
    if (!mo.is_ok()) return mo.status();
    for (const auto& [actor, ids] : msgids) {
      for (const auto& id : ids) {
        std::string_view t = mo->find(id);
        if (t.empty()) continue;
        for (auto& s : plain_names(t, false)) add_generated(s, std::string(lang), actor);
      }
    }
  }

  // ICU's display names are the names people write (Sør-Korea, Tsjekkia),
  // where iso-codes' translations are often the formal ones.
  std::string utf8;
  for (std::string_view lang : languages_.with(text::LanguageUse::kIcuNames)) {
    icu::Locale display(std::string(lang).c_str());
    for (const auto& [actor, ids] : msgids) {
      const std::string& code = actors_[actor].key;
      icu::UnicodeString u;
      icu::Locale("", code.c_str()).getDisplayCountry(display, u);
      utf8.clear();
      u.toUTF8String(utf8);
      if (utf8.empty() || utf8 == code) continue;  // ICU has no name for it
      for (auto& s : plain_names(utf8, false)) add_generated(s, std::string(lang), actor);
    }
  }
  return Status::ok();
}

Status Builder::load_subdivisions() {
  auto entries = read_iso_json("3166-2");
  if (!entries.is_ok()) return entries.status();
  std::vector<std::pair<std::uint32_t, std::string>> msgids;
  for (const auto& e : *entries) {
    const std::string &code = field(e, "code"), &name = field(e, "name"), &type = field(e, "type");
    if (code.size() < 4 || name.empty()) return Status::corruption("iso_3166-2.json: entry without code or name");
    // Second-level units (French departments, Spanish and Italian
    // provinces, English districts) have a parent; regions are top-level.
    if (!field(e, "parent").empty()) continue;
    std::string country = code.substr(0, 2);
    if (contains(kLocalSubdivisionTypes, type) &&
        !(type == "Municipality" && contains(kProvinceLevelMunicipalities, country))) {
      continue;
    }
    std::int64_t parent = find(country);
    if (parent < 0) continue;  // a code of a former country
    auto plain = plain_names(name, true);
    if (plain.empty()) continue;
    Actor a;
    a.key = code;
    a.name = plain.front();
    a.kind = "region";
    a.country = country;
    a.subdivision = code;
    a.parent = country;
    PACTUM_RETURN_IF_ERROR(add_actor(std::move(a), "iso_3166-2.json"));
    auto i = static_cast<std::uint32_t>(actors_.size() - 1);
    iso_name_[i] = plain.front();
    iso_type_[i] = type;
    // Regions keep their own names in every language ("Nordrhein-Westfalen",
    // "Møre og Romsdal").
    for (auto& s : plain) add_generated(s, "", i);
    msgids.emplace_back(i, name);
  }

  for (std::string_view lang : languages_.with(text::LanguageUse::kCatalogueNames)) {
    auto mo = read_catalogue(lang, "3166-2");
    if (!mo.is_ok()) return mo.status();
    auto& translated = translated_[std::string(lang)];
    for (const auto& [actor, id] : msgids) {
      std::string_view t = mo->find(id);
      if (t.empty()) continue;
      auto plain = plain_names(t, true);
      if (plain.empty()) continue;
      for (auto& s : plain) {
        add_generated(s, std::string(lang), actor);
        // Japanese texts write the dot where iso-codes has '='
        // (ノルトライン・ヴェストファーレン); patterns build on the dotted form.
        if (lang == "ja" && s.find('=') != std::string::npos) {
          std::size_t at;
          while ((at = s.find('=')) != std::string::npos) s.replace(at, 1, "・");
          add_generated(s, "ja", actor);
        }
      }
      translated[actor] = plain.front();
    }
  }
  return Status::ok();
}

Status Builder::load_subdivisions_extra() {
  auto path = table("subdivisions_extra.tsv");
  auto rows = read_tsv(path);
  if (!rows.is_ok()) return rows.status();
  for (const TsvRow& row : *rows) {
    const std::string at = where(path, row);
    PACTUM_RETURN_IF_ERROR(check_columns(row, 3, at));
    const std::string& code = row.at(0);
    if (code.size() < 4 || code[2] != '-') return Status::invalid_argument(at + ": bad ISO 3166-2 code '" + code + "'");
    if (row.at(1).empty()) return Status::invalid_argument(at + ": empty name");
    std::string country = code.substr(0, 2);
    std::int64_t parent = find(country);
    if (parent < 0) return Status::invalid_argument(at + ": unknown country '" + country + "'");
    if (find(code) >= 0) {
      return Status::invalid_argument(at + ": '" + code + "' is already in iso-codes (rename it in names.tsv)");
    }
    Actor a;
    a.key = code;
    a.name = row.at(1);
    a.kind = "region";
    a.country = country;
    a.subdivision = code;
    a.parent = country;
    PACTUM_RETURN_IF_ERROR(add_actor(std::move(a), at));
    auto i = static_cast<std::uint32_t>(actors_.size() - 1);
    iso_name_[i] = row.at(1);
    iso_type_[i] = row.at(2);
    add_alias(row.at(1), "", i, AliasForm::kName, CaseRule::kAuto);
  }
  return Status::ok();
}

// Patterns such as "{name} Prefecture" or "Präfektur {name}" applied to the
// regions of one country (and type); "{ja}" stands for the region's name in
// that language's catalogue.
Status Builder::load_subdivision_forms() {
  auto path = table("subdivision_forms.tsv");
  auto rows = read_tsv(path);
  if (!rows.is_ok()) return rows.status();
  // Actors per country, in order, so that a pattern visits only its regions.
  std::unordered_map<std::string, std::vector<std::uint32_t>> by_country;
  for (const auto& [actor, name] : iso_name_) by_country[actors_[actor].country].push_back(actor);
  for (auto& [_, list] : by_country) std::sort(list.begin(), list.end());

  for (const TsvRow& row : *rows) {
    const std::string at = where(path, row);
    PACTUM_RETURN_IF_ERROR(check_columns(row, 6, at));
    const std::string& country = row.at(0);
    const std::string& type = row.at(1);
    auto langs = parse_langs(row.at(2), at, languages_);
    if (!langs.is_ok()) return langs.status();
    const std::string& pattern = row.at(3);
    const std::string& flag = row.at(4);
    std::vector<std::string_view> except;
    if (!row.at(5).empty()) except = split(row.at(5), ',');
    for (std::string_view code : except) {
      if (find(std::string(code)) < 0) return Status::invalid_argument(at + ": unknown code '" + std::string(code) + "' in except");
    }
    if (find(country) < 0) return Status::invalid_argument(at + ": unknown country '" + country + "'");
    auto open = pattern.find('{'), close = pattern.find('}');
    if (open == std::string::npos || close == std::string::npos || close < open) {
      return Status::invalid_argument(at + ": pattern '" + pattern + "' has no {name} or {lang} slot");
    }
    std::string slot = pattern.substr(open + 1, close - open - 1);
    if (slot != "name" && !languages_.has(slot, text::LanguageUse::kCatalogueNames)) {
      return Status::invalid_argument(at + ": unknown slot '{" + slot + "}'");
    }
    if (!flag.empty() && flag != "canonical") {
      return Status::invalid_argument(at + ": bad flag '" + flag + "' (canonical or empty)");
    }
    for (std::uint32_t actor : by_country[country]) {
      if (!type.empty() && iso_type_[actor] != type) continue;
      if (contains(except, actors_[actor].key)) continue;
      const std::string* fill = &iso_name_[actor];
      if (slot != "name") {
        auto it = translated_[slot].find(actor);
        if (it == translated_[slot].end()) continue;
        fill = &it->second;
      }
      std::string surface = pattern.substr(0, open) + *fill + pattern.substr(close + 1);
      for (const auto& lang : *langs) add_alias(surface, lang, actor, AliasForm::kName, CaseRule::kAuto);
      if (flag == "canonical" && !renamed_.count(actor)) actors_[actor].name = surface;
    }
  }
  return Status::ok();
}

Status Builder::load_names() {
  auto path = table("names.tsv");
  auto rows = read_tsv(path);
  if (!rows.is_ok()) return rows.status();
  for (const TsvRow& row : *rows) {
    const std::string at = where(path, row);
    PACTUM_RETURN_IF_ERROR(check_columns(row, 3, at));
    std::int64_t i = find(row.at(0));
    if (i < 0) return Status::invalid_argument(at + ": unknown actor key '" + row.at(0) + "'");
    if (row.at(1).empty()) return Status::invalid_argument(at + ": empty name");
    auto actor = static_cast<std::uint32_t>(i);
    actors_[actor].name = row.at(1);
    renamed_.insert(actor);
    add_alias(row.at(1), "en", actor, AliasForm::kName, CaseRule::kAuto);
    if (const std::string& local = row.at(2); !local.empty()) {
      if (actors_[actor].kind != "region") {
        return Status::invalid_argument(at + ": a local name is for regions only");
      }
      iso_name_[actor] = local;
      add_alias(local, "", actor, AliasForm::kName, CaseRule::kAuto);
    }
  }
  return Status::ok();
}

Status Builder::load_actors() {
  auto path = table("actors.tsv");
  auto rows = read_tsv(path);
  if (!rows.is_ok()) return rows.status();
  std::size_t first = actors_.size();
  std::vector<std::string> at_of;
  for (const TsvRow& row : *rows) {
    const std::string at = where(path, row);
    PACTUM_RETURN_IF_ERROR(check_columns(row, 7, at));
    Actor a;
    a.key = row.at(0);
    a.name = row.at(1);
    a.kind = row.at(2);
    a.country = row.at(3);
    a.subdivision = row.at(4);
    a.parent = row.at(5);
    a.function = row.at(6);
    if (!a.function.empty() && (a.kind != "organization" || a.country.empty())) {
      return Status::invalid_argument(at + ": a function belongs to an organization of a country");
    }
    if (a.name.empty()) return Status::invalid_argument(at + ": empty name");
    if (!contains(kKindsByPreference, a.kind)) {
      return Status::invalid_argument(at + ": bad kind '" + a.kind +
                                      "' (country, region, supranational, city or organization)");
    }
    // Countries and regions come from iso-codes and subdivisions_extra.tsv;
    // a region here is a region's government (Norway's county
    // municipalities) and names the region it governs.
    if (a.kind == "country") {
      return Status::invalid_argument(at + ": countries come from iso-codes, not actors.tsv");
    }
    if (a.kind == "region" && a.subdivision.empty()) {
      return Status::invalid_argument(at + ": a region needs its subdivision (regions come from iso-codes or subdivisions_extra.tsv)");
    }
    if (!a.country.empty() && a.country != "EU") {
      std::int64_t c = find(a.country);
      if (c < 0 || actors_[c].kind != "country") {
        return Status::invalid_argument(at + ": unknown country '" + a.country + "'");
      }
    }
    if (!a.subdivision.empty()) {
      std::int64_t s = find(a.subdivision);
      if (s < 0 || actors_[s].kind != "region") {
        return Status::invalid_argument(at + ": unknown subdivision '" + a.subdivision + "'");
      }
    }
    PACTUM_RETURN_IF_ERROR(add_actor(std::move(a), at));
    at_of.push_back(at);
  }
  // Parents may be defined further down (an agency above its ministry).
  for (std::size_t i = first; i < actors_.size(); ++i) {
    const Actor& a = actors_[i];
    if (!a.parent.empty() && find(a.parent) < 0) {
      return Status::invalid_argument(at_of[i - first] + ": unknown parent key '" + a.parent + "'");
    }
    // Names of organizations and cities are used as they are in every
    // language ("Hydrogen Europe" and "Oslo" in a German text); the other
    // canonical names are English phrases ("European Union").
    bool any_language = a.kind == "organization" || a.kind == "city";
    add_alias(a.name, any_language ? "" : "en", static_cast<std::uint32_t>(i), AliasForm::kName, CaseRule::kAuto);
  }
  return Status::ok();
}

Status Builder::load_aliases() {
  auto path = table("aliases.tsv");
  auto rows = read_tsv(path);
  if (!rows.is_ok()) return rows.status();
  for (const TsvRow& row : *rows) {
    const std::string at = where(path, row);
    PACTUM_RETURN_IF_ERROR(check_columns(row, 5, at));
    std::int64_t i = find(row.at(0));
    if (i < 0) return Status::invalid_argument(at + ": unknown actor key '" + row.at(0) + "'");
    auto langs = parse_langs(row.at(1), at, languages_);
    if (!langs.is_ok()) return langs.status();
    auto form = parse_form(row.at(2), at);
    if (!form.is_ok()) return form.status();
    PACTUM_RETURN_IF_ERROR(check_surface(row.at(3), at));
    auto case_rule = parse_case(row.at(4), at);
    if (!case_rule.is_ok()) return case_rule.status();
    for (const auto& lang : *langs) {
      add_alias(row.at(3), lang, static_cast<std::uint32_t>(i), *form, *case_rule);
    }
  }
  return Status::ok();
}

Status Builder::load_demonyms() {
  auto path = table("demonyms.tsv");
  auto rows = read_tsv(path);
  if (!rows.is_ok()) return rows.status();
  for (const TsvRow& row : *rows) {
    const std::string at = where(path, row);
    PACTUM_RETURN_IF_ERROR(check_columns(row, 3, at));
    std::int64_t i = find(row.at(0));
    if (i < 0) return Status::invalid_argument(at + ": unknown actor key '" + row.at(0) + "'");
    auto langs = parse_langs(row.at(1), at, languages_);
    if (!langs.is_ok()) return langs.status();
    bool any = false;
    for (std::string_view w : split(row.at(2), ' ')) {
      if (w.empty()) continue;
      std::string word(w);
      PACTUM_RETURN_IF_ERROR(check_surface(word, at));
      for (const auto& lang : *langs) {
        add_alias(word, lang, static_cast<std::uint32_t>(i), AliasForm::kDemonym, CaseRule::kNo);
      }
      any = true;
    }
    if (!any) return Status::invalid_argument(at + ": no forms");
  }
  return Status::ok();
}

Status Builder::load_case_forms() {
  auto path = table("case_forms.tsv");
  auto rows = read_tsv(path);
  if (!rows.is_ok()) return rows.status();
  for (const TsvRow& row : *rows) {
    const std::string at = where(path, row);
    PACTUM_RETURN_IF_ERROR(check_columns(row, 3, at));
    if (row.at(0).empty() || row.at(1).empty()) return Status::invalid_argument(at + ": expected 'lang<TAB>ending<TAB>forms'");
    auto langs = parse_langs(row.at(0), at, languages_);
    if (!langs.is_ok()) return langs.status();
    for (const std::string& lang : *langs) {
      CaseForm e{lang, row.at(1), {}};
      for (std::string_view f : split(row.at(2), ' ')) {
        if (!f.empty()) e.forms.emplace_back(f);
      }
      if (e.forms.empty()) return Status::invalid_argument(at + ": no forms");
      case_forms_.push_back(std::move(e));
    }
  }
  return Status::ok();
}

// Languages that inflect names by case write "Norwegii", "z Norwegią": each
// one-word name of the language (and each country's name shared by every
// language: "Australia") gets the forms its longest listed ending gives,
// as a form of that language only. A stem keeps at least three bytes.
void Builder::add_case_forms() {
  std::size_t n = aliases_.size();
  for (std::size_t i = 0; i < n; ++i) {
    const Alias a = aliases_[i];  // a copy: add_alias may reallocate
    if (a.form == AliasForm::kDemonym || a.case_sensitive || a.surface.find(' ') != std::string::npos) continue;
    const CaseForm* best = nullptr;
    for (const CaseForm& e : case_forms_) {
      if (a.lang != e.lang && !(a.lang.empty() && actors_[a.actor].kind == "country")) continue;
      if (!ends_with(a.surface, e.ending) || a.surface.size() < e.ending.size() + 3) continue;
      if (!best || e.ending.size() > best->ending.size()) best = &e;
    }
    if (!best) continue;
    const std::string stem = a.surface.substr(0, a.surface.size() - best->ending.size());
    for (const std::string& f : best->forms) add_alias(stem + f, best->lang, a.actor, a.form, CaseRule::kNo);
  }
}

void Builder::add_genitives() {
  std::size_t n = aliases_.size();
  for (std::size_t i = 0; i < n; ++i) {
    const Alias a = aliases_[i];  // a copy: add_alias may reallocate
    if (a.form != AliasForm::kName || !takes_genitive_s(a.surface)) continue;
    if (!a.lang.empty() && !languages_.has(a.lang, text::LanguageUse::kGenitiveS)) continue;
    // German puts no -s on names with an article ("der Vereinigten
    // Staaten"); the Nordic languages put it on the last word of any name
    // ("Møre og Romsdals"), languages.tsv's genitive-s-phrase. A name of
    // every language takes it when it names an actor of a country that
    // speaks one ("Innovasjon Norges").
    if (a.surface.find(' ') != std::string::npos) {
      bool on_phrase = a.lang.empty() ? contains(kNordicCountries, actors_[a.actor].country)
                                      : languages_.has(a.lang, text::LanguageUse::kGenitiveSPhrase);
      if (!on_phrase) continue;
    }
    const std::size_t before = aliases_.size();
    add_alias(a.surface + "s", a.lang, a.actor, AliasForm::kName, a.case_sensitive ? CaseRule::kYes : CaseRule::kNo);
    if (aliases_.size() > before) aliases_.back().genitive = true;
  }
}

// English writes its possessive onto a place's name, which the tokenizer
// keeps whole ("Japan's", "Canada’s"): "Japan's industry ministry" names
// Japan. Places only (countries, regions, cities, the EU): an organization's
// possessive ("Equinor's chief executive") says whose someone is. Names
// ending in s take a bare apostrophe, which the tokenizer drops anyway.
void Builder::add_english_possessives() {
  std::size_t n = aliases_.size();
  for (std::size_t i = 0; i < n; ++i) {
    const Alias a = aliases_[i];  // a copy: add_alias may reallocate
    if (a.form != AliasForm::kName || (!a.lang.empty() && a.lang != "en")) continue;
    if (actors_[a.actor].kind == "organization" || a.surface.size() < 2) continue;
    const char last = static_cast<char>(a.surface.back() | 0x20);
    if (static_cast<unsigned char>(a.surface.back()) >= 0x80 || last < 'a' || last > 'z' || last == 's') continue;
    const CaseRule rule = a.case_sensitive ? CaseRule::kYes : CaseRule::kNo;
    add_alias(a.surface + "'s", "en", a.actor, AliasForm::kName, rule);
    add_alias(a.surface + "\u2019s", "en", a.actor, AliasForm::kName, rule);
  }
}

// case_endings.tsv: languages that write their cases onto names ("Norjan",
// "Japaniin", "EU:n"). Each row gives, for names of one language ending in a
// vowel, in a consonant, or written in capitals (acronyms of any language,
// which take ':' before the ending), the endings the phrase matcher must see.
// A '+' stands for the name's last letter again (the illative "Norjaan").
// Only the last word takes the ending; irregular stems ("Suomen",
// "Yhdysvaltojen") are rows of aliases.tsv.
// name with ending e written on; a '+' in e is the name's last letter again.
std::string inflect(std::string_view name, std::string_view e) {
  std::string form(name);
  for (char c : e) {
    if (c == '+') {
      // The last character, whole (ä is two bytes).
      std::size_t i = name.size();
      while (i > 0 && (static_cast<unsigned char>(name[i - 1]) & 0xC0) == 0x80) --i;
      form += name.substr(i > 0 ? i - 1 : 0);
    } else {
      form += c;
    }
  }
  return form;
}

Status Builder::add_case_endings() {
  auto path = table("case_endings.tsv");
  auto rows = read_tsv(path);
  if (!rows.is_ok()) return rows.status();
  struct Rule {
    std::string lang, after;
    std::vector<std::string> endings;
    std::string at;  // file:line, for the checks after all rows are read
  };
  std::vector<Rule> rules;
  // Per language: the letters that make a name end in a vowel, and the
  // back vowels that choose the first of "sta|stä" (rows "vowels", "back").
  struct Letters {
    std::vector<std::string> vowels, back;
  };
  std::unordered_map<std::string, Letters> letters;
  for (const TsvRow& row : *rows) {
    const std::string at = where(path, row);
    PACTUM_RETURN_IF_ERROR(check_columns(row, 3, at));
    if (!languages_.has(row.at(0), text::LanguageUse::kRows)) return Status::invalid_argument(at + ": unknown language '" + row.at(0) + "'");
    const std::string& after = row.at(1);
    std::vector<std::string> words;
    for (std::string_view w : split(row.at(2), ' ')) {
      if (!w.empty()) words.emplace_back(w);
    }
    if (words.empty()) return Status::invalid_argument(at + ": no endings");
    if (after == "vowels" || after == "back") {
      (after == "vowels" ? letters[row.at(0)].vowels : letters[row.at(0)].back) = std::move(words);
      continue;
    }
    if (after != "vowel" && after != "consonant" && after != "acronym") {
      return Status::invalid_argument(at + ": 'after' must be vowel, consonant or acronym (or vowels, back: letters), not '" + after + "'");
    }
    rules.push_back({row.at(0), after, std::move(words), at});
  }
  for (const Rule& r : rules) {
    if (r.after == "acronym") continue;
    const Letters& l = letters[r.lang];
    if (l.vowels.empty()) return Status::invalid_argument(r.at + ": " + r.lang + " has '" + r.after + "' rows but no 'vowels' row");
    bool harmony = std::any_of(r.endings.begin(), r.endings.end(), [](const std::string& e) { return e.find('|') != std::string::npos; });
    if (harmony && l.back.empty()) return Status::invalid_argument(r.at + ": " + r.lang + " has 'a|b' endings but no 'back' row");
  }
  auto ends_with_any = [](std::string_view s, const std::vector<std::string>& set) {
    return std::any_of(set.begin(), set.end(), [&](const std::string& v) { return ends_with(s, v); });
  };
  auto has_any = [](std::string_view s, const std::vector<std::string>& set) {
    return std::any_of(set.begin(), set.end(), [&](const std::string& v) { return s.find(v) != std::string_view::npos; });
  };
  std::size_t n = aliases_.size();
  for (std::size_t i = 0; i < n; ++i) {
    const Alias a = aliases_[i];  // a copy: add_alias may reallocate
    if (a.form != AliasForm::kName) continue;
    bool acronym = a.case_sensitive && is_acronym(a.surface);
    if (!acronym && a.surface.size() < 3) continue;
    auto merged = merged_langs_.find(static_cast<std::uint32_t>(i));
    // The name's last word: its last letter and its vowels decide.
    std::string_view last_word = a.surface;
    if (auto cut = last_word.find_last_of(" -"); cut != std::string_view::npos) last_word.remove_prefix(cut + 1);
    for (const Rule& r : rules) {
      bool of_lang = a.lang == r.lang || (merged != merged_langs_.end() && contains(merged->second, r.lang));
      if (acronym ? r.after != "acronym" : (!of_lang || r.after == "acronym")) continue;
      if (acronym && !a.lang.empty() && a.lang != r.lang) continue;
      const Letters& l = letters[r.lang];
      if (!acronym && (r.after == "vowel") != ends_with_any(a.surface, l.vowels)) continue;
      // Vowel harmony: "sta|stä" is -sta after a last word with a back
      // vowel (Norjasta, Koreasta), else -stä (Chilestä); an acronym's
      // harmony is its spoken letters', so it takes both.
      bool back = has_any(last_word, l.back);
      for (const std::string& ending : r.endings) {
        auto options = split(ending, '|');  // back | front
        for (std::size_t k = 0; k < options.size(); ++k) {
          if (!acronym && options.size() == 2 && (k == 0) != back) continue;
          add_alias(inflect(a.surface, options[k]), r.lang, a.actor, AliasForm::kName,
                    acronym ? CaseRule::kYes : CaseRule::kNo);
        }
      }
    }
  }
  return Status::ok();
}

void Builder::finish() {
  for (Alias& a : aliases_) {
    auto it = name_rules_.find(a.surface);
    if (it == name_rules_.end()) continue;
    for (const NameRule& r : it->second) {
      if (r.case_sensitive && (r.key.empty() || r.key == actors_[a.actor].key)) a.case_sensitive = true;
    }
  }
  // A stable sort by kind rank, as one pass per rank: there are five ranks
  // and some 50,000 aliases, so a comparison sort (which looked the rank up
  // by string at every comparison) was a fifth of the whole load.
  std::vector<std::uint8_t> rank(actors_.size());
  for (std::size_t i = 0; i < actors_.size(); ++i) rank[i] = static_cast<std::uint8_t>(kind_rank(actors_[i].kind));
  std::vector<Alias> sorted;
  sorted.reserve(aliases_.size());
  for (std::size_t r = 0; r <= kKindsByPreference.size(); ++r) {  // "<=": an unknown kind last
    for (Alias& a : aliases_) {
      if (rank[a.actor] == r) sorted.push_back(std::move(a));
    }
  }
  aliases_ = std::move(sorted);
}

Status Builder::build() {
  auto languages = text::LanguageTable::load(dir_ / "lang" / "languages.tsv");
  if (!languages.is_ok()) return languages.status();
  languages_ = std::move(*languages);
  PACTUM_RETURN_IF_ERROR(load_name_rules());
  PACTUM_RETURN_IF_ERROR(load_countries());
  PACTUM_RETURN_IF_ERROR(load_subdivisions());
  PACTUM_RETURN_IF_ERROR(load_subdivisions_extra());
  PACTUM_RETURN_IF_ERROR(load_names());
  PACTUM_RETURN_IF_ERROR(load_subdivision_forms());
  PACTUM_RETURN_IF_ERROR(load_actors());
  PACTUM_RETURN_IF_ERROR(load_aliases());
  PACTUM_RETURN_IF_ERROR(load_demonyms());
  PACTUM_RETURN_IF_ERROR(load_case_forms());
  add_case_forms();
  add_genitives();
  add_english_possessives();
  PACTUM_RETURN_IF_ERROR(add_case_endings());
  finish();
  return Status::ok();
}

}  // namespace

Result<Gazetteer> Gazetteer::load(const std::filesystem::path& data_dir) {
  Builder builder(data_dir);
  PACTUM_RETURN_IF_ERROR(builder.build());
  Gazetteer g;
  g.actors_ = builder.take_actors();
  g.aliases_ = builder.take_aliases();
  g.key_index_.reserve(g.actors_.size());
  for (std::size_t i = 0; i < g.actors_.size(); ++i) {
    g.key_index_.emplace_back(g.actors_[i].key, static_cast<std::uint32_t>(i));
  }
  std::sort(g.key_index_.begin(), g.key_index_.end());
  g.surface_index_.resize(g.aliases_.size());
  for (std::size_t i = 0; i < g.aliases_.size(); ++i) g.surface_index_[i] = static_cast<std::uint32_t>(i);
  std::stable_sort(g.surface_index_.begin(), g.surface_index_.end(),
                   [&](std::uint32_t x, std::uint32_t y) { return g.aliases_[x].surface < g.aliases_[y].surface; });
  // The capitalised words after the first of every name of several words.
  for (const Alias& a : g.aliases_) {
    if (a.form != AliasForm::kName) continue;
    const std::string_view s = a.surface;
    bool first = true;
    for (std::size_t at = 0; at < s.size();) {
      std::size_t end = at;
      while (end < s.size() && s[end] != ' ' && s[end] != '-' && s[end] != '/' && s[end] != '(' && s[end] != ')') ++end;
      if (end > at) {
        const std::string_view w = s.substr(at, end - at);
        if (!first && text::starts_upper(w)) {
          const bool ascii = std::all_of(w.begin(), w.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
          std::string f = ascii ? std::string(w) : text::fold(w);
          if (ascii) std::transform(f.begin(), f.end(), f.begin(), [](char c) { return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c; });
          g.inner_words_.push_back(std::move(f));
        }
        first = false;
      }
      at = end + 1;
    }
  }
  std::sort(g.inner_words_.begin(), g.inner_words_.end());
  g.inner_words_.erase(std::unique(g.inner_words_.begin(), g.inner_words_.end()), g.inner_words_.end());
  return g;
}

std::int64_t Gazetteer::find(const std::string& key) const {
  auto it = std::lower_bound(key_index_.begin(), key_index_.end(), key,
                             [](const auto& entry, const std::string& k) { return entry.first < k; });
  if (it == key_index_.end() || it->first != key) return -1;
  return it->second;
}

std::vector<const Alias*> Gazetteer::aliases_written(std::string_view surface) const {
  auto it = std::lower_bound(surface_index_.begin(), surface_index_.end(), surface,
                             [this](std::uint32_t i, std::string_view s) { return aliases_[i].surface < s; });
  std::vector<const Alias*> out;
  for (; it != surface_index_.end() && aliases_[*it].surface == surface; ++it) out.push_back(&aliases_[*it]);
  return out;
}

std::int64_t Gazetteer::government_of(std::int64_t actor) const {
  if (actor < 0) return -1;
  const Actor& act = actors_[static_cast<std::size_t>(actor)];
  std::int64_t up = act.kind == "organization" && !act.parent.empty() ? find(act.parent) : -1;
  return up >= 0 && actors_[static_cast<std::size_t>(up)].kind != "organization" ? up : -1;
}

std::int64_t Gazetteer::find_function(const std::string& country, const std::string& function) const {
  if (function.empty()) return -1;
  for (std::size_t i = 0; i < actors_.size(); ++i) {
    if (actors_[i].function == function && actors_[i].country == country) return static_cast<std::int64_t>(i);
  }
  return -1;
}

}  // namespace pactum::extract
