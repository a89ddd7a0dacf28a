// Cooperation profiles (../shared/PRODUCT.md, "Cooperation profile"): the
// model, its JSON and CSV forms, and field-by-field validation. A profile is
// an organization's offer or request; match/ ranks partners for it.
//
// Validation reports every bad field of a record at once, each with the
// field's path ("organization.country") and a message, so an import can say
// "line 7: organization.country: 'XX' is not an ISO 3166-1 code".
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/status.h"
#include "extract/gazetteer.h"

namespace pactum::kb {

struct ProfileOrganization {
  std::string name;
  std::string kind;         // company|cluster|research|agency|region|association|university
  std::string country;      // ISO 3166-1 alpha-2
  std::string subdivision;  // ISO 3166-2 of `country`, or ""
  std::string city;
  std::string size;         // sme|large|public, or "" (null)
};

struct Profile {
  std::string id;
  ProfileOrganization organization;
  std::string type;  // business_offer|business_request|technology_offer|technology_request|research_partner_search
  std::string title, summary;
  std::string language;  // ISO 639-1, one of profile_languages()
  std::vector<std::string> sectors;  // ids of eval/SCHEMA.md
  std::vector<std::string> technologies;
  std::vector<std::string> target_countries;     // ISO 3166-1 alpha-2
  std::vector<std::string> target_subdivisions;  // ISO 3166-2
  std::vector<std::string> cooperation;          // research|licensing|joint_venture|supplier|...
  std::string published;                         // YYYY-MM-DD, or ""
  std::string deadline;                          // YYYY-MM-DD, or "" (open-ended)
};

struct FieldError {
  std::string field;    // "organization.country", "sectors[1]", "" for the record itself
  std::string message;
};

// Which codes exist. The default-constructed one accepts any well-formed
// code (two capitals; CC-XXX); from_gazetteer() checks them against the
// gazetteer (iso-codes and our own tables, the 2024 Norwegian counties
// included) and every subdivision of iso-codes' ISO 3166-2 list.
struct ProfileCodes {
  std::function<bool(std::string_view)> is_country;      // "DE"
  std::function<bool(std::string_view)> is_subdivision;  // "DE-NW"
  static ProfileCodes from_gazetteer(const extract::Gazetteer& gazetteer);
};

// The languages with profiles in data/lang/languages.tsv.
const std::vector<std::string_view>& profile_languages();
// business_offer, business_request, technology_offer, ... (the helpdesk's types).
const std::vector<std::string_view>& profile_types();
bool is_profile_type(std::string_view type);
bool is_org_kind(std::string_view kind);
bool is_cooperation(std::string_view value);
// A real calendar date written YYYY-MM-DD.
bool is_iso_date(std::string_view date);

struct ParsedProfile {
  std::optional<Profile> profile;  // set when errors is empty
  std::vector<FieldError> errors;
};

// Reads and validates one profile from its JSON form. Unknown fields are
// errors too (a misspelt "deadlline" must not silently drop the deadline).
ParsedProfile parse_profile(const nlohmann::json& j, const ProfileCodes& codes);
// As above from one JSONL line; malformed JSON is one error with field "".
ParsedProfile parse_profile_line(std::string_view line, const ProfileCodes& codes);
// Checks a profile built in code (as parse_profile does after reading).
std::vector<FieldError> validate_profile(const Profile& p, const ProfileCodes& codes);

// The JSON form of PRODUCT.md; absent strings are omitted, size and
// deadline null when empty. parse_profile(to_json(p)) == p.
nlohmann::json to_json(const Profile& p);

// CSV: a header row naming the columns below (any order, organization
// fields as "organization.kind"), list fields separated by ';'.
const std::vector<std::string>& profile_csv_columns();
// One record per data row, as JSON ready for parse_profile, with its line
// number (of the row's first line). A malformed CSV (unbalanced quotes, an
// unknown column, no header) is kInvalidArgument.
struct CsvRecord {
  std::size_t line = 0;
  nlohmann::json json;
  std::vector<FieldError> errors;  // a row with the wrong number of fields
};
Result<std::vector<CsvRecord>> parse_profiles_csv(std::string_view csv);
std::string profiles_csv_header();
std::string to_csv_row(const Profile& p);

// ---- the helpdesk's workflow on an expression of interest ----
// interested -> forwarded | declined (by the helpdesk)
// forwarded  -> accepted | declined (by the profile's owner)
// accepted and declined are final.
bool is_interest_step(std::string_view step);
bool interest_transition_allowed(std::string_view from, std::string_view to);

}  // namespace pactum::kb
