// How the store tells actors apart and compares names. Shared by every store
// engine and by the eval scorer, so that "the same actor" means one thing.
#pragma once

#include <string>
#include <string_view>

#include "extract/model.h"

namespace pactum::store {

// An actor's identity across documents: its ISO 3166-2 code when it has one
// ("DE-NW"); else, for a country or supranational body with a code, that code
// ("NO", "EU"); else "name:" followed by its lowercased name ("name:equinor").
// Stored keys depend on this rule: changing it splits actors already stored.
std::string actor_key(const extract::Party& party);

// Unicode lowercase (root locale), as used in "name:" keys.
std::string lowercase(std::string_view utf8);

// Full Unicode case folding, for comparing names regardless of case
// ("STRASSE" and "Straße" fold alike). Invalid UTF-8 becomes U+FFFD.
std::string fold_case(std::string_view utf8);

}  // namespace pactum::store
