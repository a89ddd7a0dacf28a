// kb's actor identity: when two parties named in documents are one actor.
// Shared by every store engine and by the eval scorer (through store/keys.h),
// so that "the same actor" means one thing everywhere.
#pragma once

#include <string>
#include <string_view>

#include "extract/model.h"

namespace pactum::kb {

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

// The form under which an organization's names are compared when no code
// identifies it: folded, diacritics dropped, punctuation as spaces, and a
// trailing legal form removed ("Equinor ASA", "EQUINOR" -> "equinor";
// "Siemens Energy AG" -> "siemens energy"; "Møre og Romsdal fylkeskommune"
// stays itself). Two names with the same non-empty org_name_key are taken to
// be one organization; "" for a name that is only a legal form.
std::string org_name_key(std::string_view name);

}  // namespace pactum::kb
