// The gazetteer: every actor pactum can recognise by name, with the surface
// forms it goes by in each language. Built at start-up from
//   - Debian's iso-codes (ISO 3166-1 countries, ISO 3166-2 subdivisions, and
//     their translations in /usr/share/locale/*/LC_MESSAGES/iso_3166-*.mo),
//   - ICU's localised country names (Norwegen, Noreg, ノルウェー, Norvège),
//   - our own tables under data/actors/ (supranational bodies, cities,
//     organizations, aliases such as EU/USA/NRW, demonyms such as norsk/
//     japanisch, and the 2024 Norwegian counties iso-codes lacks).
#pragma once

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "extract/label.h"

namespace pactum::extract {

struct Actor {
  std::string key;          // stable id: ISO code ("NO", "DE-NW") or our own key ("org:jh2a")
  std::string name;         // canonical English name
  Label kind;               // country | region | supranational | city | organization
  std::string country;      // ISO 3166-1 alpha-2 it belongs to ("EU" for the EU)
  std::string subdivision;  // ISO 3166-2 for regions, else ""
  std::string parent;       // key of the parent actor (a region's country, a ministry's government), or ""
  // What the organization is to its country ("energy_agency"), or "": names
  // it from a demonym and a function noun ("det koreanske energiagentur").
  std::string function;
};

enum class AliasForm {
  kName,     // names the actor itself: "Norge", "NRW", "METI"
  kDemonym,  // an adjective of the actor: "norsk", "japanske", "German", "norsk-britiske" parts
  kCapital,  // names it by its capital or seat: "Tokyo" for Japan's government, "Brussels"
};

struct Alias {
  std::string surface;      // as written in the source table (not folded)
  std::string lang;         // ISO 639-1, "" when the form is used in any language
  std::uint32_t actor = 0;  // index into Gazetteer::actors()
  AliasForm form = AliasForm::kName;
  // Acronyms like "US" or "EU" must match in capitals only; "us" is a word.
  bool case_sensitive = false;
  // Made by the loader from a name by adding the genitive -s ("Norges"), not
  // a name of its own that ends in s ("Sveits", "Paris").
  bool genitive = false;
};

class Gazetteer {
 public:
  // Loads all sources. A bad row in our tables fails with file:line.
  static Result<Gazetteer> load(const std::filesystem::path& data_dir);

  const std::vector<Actor>& actors() const { return actors_; }
  // Sorted so that, where one surface names several actors, the preferred
  // reading comes first: country, supranational, city, region, organization
  // ("Oslo" the city before the county, "Georgia" the country first).
  const std::vector<Alias>& aliases() const { return aliases_; }
  // The aliases written exactly surface (unfolded, as in the tables), in
  // aliases() order: rules that know a name ("Port of Koper", a capital's
  // name) look it up here instead of scanning every alias.
  std::vector<const Alias*> aliases_written(std::string_view surface) const;
  // Index of the actor with this key, or -1.
  std::int64_t find(const std::string& key) const;
  // The government an organization (an actor index) acts for: its parent
  // when that is no organization (a ministry's state, the Commission's
  // EU); -1 otherwise. (Agencies, whose parent is a ministry, act for
  // themselves.)
  std::int64_t government_of(std::int64_t actor) const;
  // Index of the organization of this country (ISO 3166-1) with this
  // function ("energy_agency"), or -1.
  std::int64_t find_function(const std::string& country, const std::string& function) const;
  // Whether a folded word is a capitalised word of some name after its first
  // ("ocean" of "Indian Ocean", "embassy", "federation", "agency"): a common
  // word that names are made of, not a name by itself.
  bool inner_name_word(std::string_view folded) const {
    return std::binary_search(inner_words_.begin(), inner_words_.end(), folded);
  }

 private:
  std::vector<Actor> actors_;
  std::vector<Alias> aliases_;
  std::vector<std::pair<std::string, std::uint32_t>> key_index_;  // sorted by key
  std::vector<std::uint32_t> surface_index_;  // into aliases_, by surface, then index
  std::vector<std::string> inner_words_;                          // sorted, folded
};

}  // namespace pactum::extract
