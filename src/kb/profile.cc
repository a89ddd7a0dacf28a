// Cooperation profiles: reading, checking and writing them (see profile.h).
#include "kb/profile.h"

#include <algorithm>
#include <fstream>
#include <memory>
#include <set>

#include "common/csv.h"
#include "kb/taxonomy.h"

namespace pactum::kb {

namespace {

constexpr const char* kIsoCodesDir = "/usr/share/iso-codes/json";
constexpr std::string_view kTypes[] = {"business_offer", "business_request", "technology_offer",
                                       "technology_request", "research_partner_search"};
constexpr std::string_view kKinds[] = {"company", "cluster",     "research",  "agency",
                                       "region",  "association", "university"};
constexpr std::string_view kSizes[] = {"sme", "large", "public"};
constexpr std::string_view kCooperation[] = {"research",  "licensing",  "joint_venture",       "supplier",
                                             "distribution", "investment", "commercial_agreement"};
constexpr std::string_view kSteps[] = {"interested", "forwarded", "declined", "accepted"};

template <typename List>
bool in(const List& list, std::string_view v) {
  return std::find(std::begin(list), std::end(list), v) != std::end(list);
}

bool upper_letters(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool well_formed_country(std::string_view c) { return c.size() == 2 && upper_letters(c); }

bool well_formed_subdivision(std::string_view c) {
  if (c.size() < 4 || c.size() > 6 || c[2] != '-' || !well_formed_country(c.substr(0, 2))) return false;
  return std::all_of(c.begin() + 3, c.end(), [](char ch) {
    return (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
  });
}

std::string squote(std::string_view s) { return "'" + std::string(s) + "'"; }

// Reads the fields of the JSON form, collecting type errors; values are
// checked afterwards by validate_profile.
class Reader {
 public:
  explicit Reader(std::vector<FieldError>* errors) : errors_(errors) {}

  void string(const nlohmann::json& obj, const char* key, const std::string& path, std::string* out,
              bool nullable = false) {
    auto it = obj.find(key);
    if (it == obj.end()) return;
    if (it->is_null() && nullable) return;
    if (!it->is_string()) {
      errors_->push_back({path, "must be a string"});
      return;
    }
    *out = it->get<std::string>();
  }

  void list(const nlohmann::json& obj, const char* key, std::vector<std::string>* out) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return;
    if (!it->is_array()) {
      errors_->push_back({key, "must be an array of strings"});
      return;
    }
    for (std::size_t i = 0; i < it->size(); ++i) {
      const auto& v = (*it)[i];
      if (!v.is_string()) {
        errors_->push_back({std::string(key) + "[" + std::to_string(i) + "]", "must be a string"});
        continue;
      }
      out->push_back(v.get<std::string>());
    }
  }

 private:
  std::vector<FieldError>* errors_;
};

const std::set<std::string>& top_keys() {
  static const std::set<std::string> k = {"id",       "organization", "type",         "title",
                                          "summary",  "language",     "sectors",      "technologies",
                                          "target_countries", "target_subdivisions", "cooperation",
                                          "published", "deadline"};
  return k;
}
const std::set<std::string>& org_keys() {
  static const std::set<std::string> k = {"name", "kind", "country", "subdivision", "city", "size"};
  return k;
}

void check_list(const std::vector<std::string>& values, const std::string& field,
                const std::function<std::optional<std::string>(const std::string&)>& check,
                std::vector<FieldError>* errors) {
  std::set<std::string> seen;
  for (std::size_t i = 0; i < values.size(); ++i) {
    std::string path = field + "[" + std::to_string(i) + "]";
    if (!seen.insert(values[i]).second) {
      errors->push_back({path, squote(values[i]) + " is listed twice"});
      continue;
    }
    if (auto msg = check(values[i])) errors->push_back({path, *msg});
  }
}

}  // namespace

ProfileCodes ProfileCodes::from_gazetteer(const extract::Gazetteer& gazetteer) {
  auto countries = std::make_shared<std::set<std::string, std::less<>>>();
  auto subdivisions = std::make_shared<std::set<std::string, std::less<>>>();
  for (const auto& a : gazetteer.actors()) {
    if (a.kind == "country") countries->insert(a.key);
    if (!a.subdivision.empty()) subdivisions->insert(a.subdivision);
  }
  // The gazetteer keeps the subdivisions a press release names; a profile
  // may be anywhere iso-codes knows (every level: "GB-ABE", Aberdeen City).
  try {
    std::ifstream in(std::string(kIsoCodesDir) + "/iso_3166-2.json");
    if (in) {
      auto j = nlohmann::json::parse(in);
      for (const auto& e : j.at("3166-2")) subdivisions->insert(e.at("code").get<std::string>());
    }
  } catch (const std::exception&) {
    // A missing or unreadable file leaves the gazetteer's subdivisions.
  }
  ProfileCodes codes;
  codes.is_country = [countries](std::string_view c) { return countries->count(c) > 0; };
  codes.is_subdivision = [subdivisions](std::string_view c) { return subdivisions->count(c) > 0; };
  return codes;
}

const std::vector<std::string_view>& profile_languages() {
  static const std::vector<std::string_view> langs = {"en", "de", "nb", "nn", "da", "sv",
                                                      "fr", "ja", "nl", "es", "it", "pt", "pl"};
  return langs;
}

bool is_profile_type(std::string_view type) { return in(kTypes, type); }
bool is_org_kind(std::string_view kind) { return in(kKinds, kind); }
bool is_cooperation(std::string_view value) { return in(kCooperation, value); }

bool is_iso_date(std::string_view d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (d[i] < '0' || d[i] > '9') return false;
  }
  int y = std::stoi(std::string(d.substr(0, 4))), m = std::stoi(std::string(d.substr(5, 2))),
      day = std::stoi(std::string(d.substr(8, 2)));
  if (m < 1 || m > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  int max = kDays[m - 1] + (m == 2 && leap ? 1 : 0);
  return day <= max;
}

std::vector<FieldError> validate_profile(const Profile& p, const ProfileCodes& codes) {
  std::vector<FieldError> errors;
  auto country_ok = [&](std::string_view c) {
    return well_formed_country(c) && (!codes.is_country || codes.is_country(c));
  };
  auto subdivision_ok = [&](std::string_view c) {
    return well_formed_subdivision(c) && (!codes.is_subdivision || codes.is_subdivision(c));
  };

  if (p.id.empty()) errors.push_back({"id", "is missing"});
  else if (p.id.size() > 128) errors.push_back({"id", "is longer than 128 bytes"});
  else if (std::any_of(p.id.begin(), p.id.end(), [](unsigned char c) { return c < 0x21 || c == 0x7f; }))
    errors.push_back({"id", "must not contain spaces or control characters"});

  const auto& o = p.organization;
  if (o.name.empty()) errors.push_back({"organization.name", "is missing"});
  if (o.kind.empty()) errors.push_back({"organization.kind", "is missing"});
  else if (!is_org_kind(o.kind))
    errors.push_back({"organization.kind", squote(o.kind) +
                                               " is not one of company, cluster, research, agency, region, "
                                               "association, university"});
  if (o.country.empty()) errors.push_back({"organization.country", "is missing"});
  else if (!country_ok(o.country))
    errors.push_back({"organization.country", squote(o.country) + " is not an ISO 3166-1 alpha-2 code"});
  if (!o.subdivision.empty()) {
    if (!subdivision_ok(o.subdivision))
      errors.push_back({"organization.subdivision", squote(o.subdivision) + " is not an ISO 3166-2 code"});
    else if (o.subdivision.substr(0, 2) != o.country)
      errors.push_back({"organization.subdivision",
                        squote(o.subdivision) + " is not a subdivision of " + squote(o.country)});
  }
  if (!o.size.empty() && !in(kSizes, o.size))
    errors.push_back({"organization.size", squote(o.size) + " is not one of sme, large, public (or null)"});

  if (p.type.empty()) errors.push_back({"type", "is missing"});
  else if (!is_profile_type(p.type))
    errors.push_back({"type", squote(p.type) +
                                  " is not one of business_offer, business_request, technology_offer, "
                                  "technology_request, research_partner_search"});
  if (p.title.empty()) errors.push_back({"title", "is missing"});
  if (p.language.empty()) errors.push_back({"language", "is missing"});
  else if (!in(profile_languages(), p.language)) {
    // From the list itself, so that a language added there is named here.
    std::string known;
    for (std::string_view l : profile_languages()) known += (known.empty() ? "" : ", ") + std::string(l);
    errors.push_back({"language", squote(p.language) + " is not a supported language (" + known + ")"});
  }
  check_list(p.sectors, "sectors", [](const std::string& s) -> std::optional<std::string> {
    if (!is_sector(s)) return squote(s) + " is not a sector id of the taxonomy";
    return std::nullopt;
  }, &errors);
  check_list(p.technologies, "technologies", [](const std::string& s) -> std::optional<std::string> {
    if (s.empty()) return "is empty";
    return std::nullopt;
  }, &errors);
  check_list(p.target_countries, "target_countries", [&](const std::string& s) -> std::optional<std::string> {
    if (!country_ok(s)) return squote(s) + " is not an ISO 3166-1 alpha-2 code";
    return std::nullopt;
  }, &errors);
  check_list(p.target_subdivisions, "target_subdivisions",
             [&](const std::string& s) -> std::optional<std::string> {
               if (!subdivision_ok(s)) return squote(s) + " is not an ISO 3166-2 code";
               return std::nullopt;
             }, &errors);
  check_list(p.cooperation, "cooperation", [](const std::string& s) -> std::optional<std::string> {
    if (!is_cooperation(s))
      return squote(s) + " is not one of research, licensing, joint_venture, supplier, distribution, "
                         "investment, commercial_agreement";
    return std::nullopt;
  }, &errors);
  if (!p.published.empty() && !is_iso_date(p.published))
    errors.push_back({"published", squote(p.published) + " is not a date YYYY-MM-DD"});
  if (!p.deadline.empty() && !is_iso_date(p.deadline))
    errors.push_back({"deadline", squote(p.deadline) + " is not a date YYYY-MM-DD"});
  if (is_iso_date(p.published) && is_iso_date(p.deadline) && p.deadline < p.published)
    errors.push_back({"deadline", squote(p.deadline) + " is before published " + squote(p.published)});
  return errors;
}

ParsedProfile parse_profile(const nlohmann::json& j, const ProfileCodes& codes) {
  ParsedProfile out;
  if (!j.is_object()) {
    out.errors.push_back({"", "a profile must be a JSON object"});
    return out;
  }
  Profile p;
  Reader r(&out.errors);
  for (const auto& [key, value] : j.items()) {
    if (!top_keys().count(key)) out.errors.push_back({key, "is not a profile field"});
  }
  r.string(j, "id", "id", &p.id);
  if (auto it = j.find("organization"); it == j.end() || it->is_null()) {
    out.errors.push_back({"organization", "is missing"});
  } else if (!it->is_object()) {
    out.errors.push_back({"organization", "must be an object"});
  } else {
    for (const auto& [key, value] : it->items()) {
      if (!org_keys().count(key)) out.errors.push_back({"organization." + key, "is not an organization field"});
    }
    auto& o = p.organization;
    r.string(*it, "name", "organization.name", &o.name);
    r.string(*it, "kind", "organization.kind", &o.kind);
    r.string(*it, "country", "organization.country", &o.country);
    r.string(*it, "subdivision", "organization.subdivision", &o.subdivision, true);
    r.string(*it, "city", "organization.city", &o.city, true);
    r.string(*it, "size", "organization.size", &o.size, true);
  }
  r.string(j, "type", "type", &p.type);
  r.string(j, "title", "title", &p.title);
  r.string(j, "summary", "summary", &p.summary, true);
  r.string(j, "language", "language", &p.language);
  r.list(j, "sectors", &p.sectors);
  r.list(j, "technologies", &p.technologies);
  r.list(j, "target_countries", &p.target_countries);
  r.list(j, "target_subdivisions", &p.target_subdivisions);
  r.list(j, "cooperation", &p.cooperation);
  r.string(j, "published", "published", &p.published, true);
  r.string(j, "deadline", "deadline", &p.deadline, true);

  // A field with a type error is already reported; do not report it again as missing.
  std::set<std::string> reported;
  for (const auto& e : out.errors) reported.insert(e.field);
  for (auto& e : validate_profile(p, codes)) {
    if (!reported.count(e.field)) out.errors.push_back(std::move(e));
  }
  if (out.errors.empty()) out.profile = std::move(p);
  return out;
}

ParsedProfile parse_profile_line(std::string_view line, const ProfileCodes& codes) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(line);
  } catch (const nlohmann::json::exception& e) {
    ParsedProfile out;
    std::string what = e.what();
    if (auto pos = what.find("] "); pos != std::string::npos) what = what.substr(pos + 2);
    out.errors.push_back({"", "not valid JSON: " + what});
    return out;
  }
  return parse_profile(j, codes);
}

nlohmann::json to_json(const Profile& p) {
  auto opt = [](const std::string& s) { return s.empty() ? nlohmann::json() : nlohmann::json(s); };
  nlohmann::json org = {{"name", p.organization.name}, {"kind", p.organization.kind},
                        {"country", p.organization.country}};
  if (!p.organization.subdivision.empty()) org["subdivision"] = p.organization.subdivision;
  if (!p.organization.city.empty()) org["city"] = p.organization.city;
  org["size"] = opt(p.organization.size);
  nlohmann::json j = {{"id", p.id}, {"organization", org}, {"type", p.type}, {"title", p.title}};
  if (!p.summary.empty()) j["summary"] = p.summary;
  j["language"] = p.language;
  j["sectors"] = p.sectors;
  j["technologies"] = p.technologies;
  j["target_countries"] = p.target_countries;
  j["target_subdivisions"] = p.target_subdivisions;
  j["cooperation"] = p.cooperation;
  if (!p.published.empty()) j["published"] = p.published;
  j["deadline"] = opt(p.deadline);
  return j;
}

// ---- CSV ----------------------------------------------------------------------

const std::vector<std::string>& profile_csv_columns() {
  static const std::vector<std::string> cols = {
      "id",       "organization.name", "organization.kind", "organization.country", "organization.subdivision",
      "organization.city", "organization.size", "type", "title", "summary", "language", "sectors",
      "technologies", "target_countries", "target_subdivisions", "cooperation", "published", "deadline"};
  return cols;
}

namespace {

bool is_list_column(std::string_view c) {
  return c == "sectors" || c == "technologies" || c == "target_countries" || c == "target_subdivisions" ||
         c == "cooperation";
}

std::string join_list(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ";") + s;
  return out;
}

std::vector<std::string> split_list(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    auto end = s.find(';', start);
    if (end == std::string::npos) end = s.size();
    std::string item = s.substr(start, end - start);
    auto b = item.find_first_not_of(' '), e = item.find_last_not_of(' ');
    if (b != std::string::npos) out.push_back(item.substr(b, e - b + 1));
    start = end + 1;
  }
  return out;
}

struct CsvRow {
  std::size_t line = 0;
  std::vector<std::string> fields;
};

Result<std::vector<CsvRow>> split_csv(std::string_view csv) {
  std::vector<CsvRow> rows;
  CsvRow row;
  std::string field;
  bool quoted_field = false, in_quotes = false, row_started = false;
  std::size_t line = 1;
  row.line = 1;
  auto end_field = [&] {
    row.fields.push_back(field);
    field.clear();
    quoted_field = false;
  };
  for (std::size_t i = 0; i < csv.size(); ++i) {
    char c = csv[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < csv.size() && csv[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          in_quotes = false;
        }
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    if (c == '"' && field.empty() && !quoted_field) {
      in_quotes = quoted_field = row_started = true;
    } else if (c == ',') {
      end_field();
      row_started = true;
    } else if (c == '\r') {
      continue;
    } else if (c == '\n') {
      if (row_started || !field.empty()) {
        end_field();
        rows.push_back(std::move(row));
      }
      row = CsvRow{};
      row_started = false;
      row.line = ++line;
    } else {
      field += c;
      row_started = true;
    }
  }
  if (in_quotes) return Status::invalid_argument("line " + std::to_string(row.line) + ": unbalanced quotes");
  if (row_started || !field.empty()) {
    end_field();
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace

Result<std::vector<CsvRecord>> parse_profiles_csv(std::string_view csv) {
  if (csv.substr(0, 3) == "\xEF\xBB\xBF") csv.remove_prefix(3);
  auto rows = split_csv(csv);
  if (!rows.is_ok()) return rows.status();
  if (rows->empty()) return Status::invalid_argument("no header row");
  const auto& header = rows->front().fields;
  const auto& known = profile_csv_columns();
  for (const auto& h : header) {
    if (std::find(known.begin(), known.end(), h) == known.end())
      return Status::invalid_argument("line 1: unknown column " + squote(h));
  }
  std::vector<CsvRecord> out;
  for (std::size_t r = 1; r < rows->size(); ++r) {
    const auto& row = (*rows)[r];
    CsvRecord rec;
    rec.line = row.line;
    if (row.fields.size() != header.size()) {
      rec.errors.push_back({"", "has " + std::to_string(row.fields.size()) + " fields, the header " +
                                    std::to_string(header.size())});
      out.push_back(std::move(rec));
      continue;
    }
    nlohmann::json j = nlohmann::json::object();
    for (std::size_t c = 0; c < header.size(); ++c) {
      const std::string& col = header[c];
      const std::string& v = row.fields[c];
      if (col.rfind("organization.", 0) == 0) {
        if (!j.contains("organization")) j["organization"] = nlohmann::json::object();
        if (!v.empty()) j["organization"][col.substr(13)] = v;
      } else if (is_list_column(col)) {
        j[col] = split_list(v);
      } else if (!v.empty()) {
        j[col] = v;
      }
    }
    rec.json = std::move(j);
    out.push_back(std::move(rec));
  }
  return out;
}

std::string profiles_csv_header() {
  std::string out;
  for (const auto& c : profile_csv_columns()) out += (out.empty() ? "" : ",") + c;
  return out;
}

std::string to_csv_row(const Profile& p) {
  const auto& o = p.organization;
  std::vector<std::string> f = {p.id,      o.name,  o.kind,    o.country,     o.subdivision,
                                o.city,    o.size,  p.type,    p.title,       p.summary,
                                p.language, join_list(p.sectors), join_list(p.technologies),
                                join_list(p.target_countries), join_list(p.target_subdivisions),
                                join_list(p.cooperation), p.published, p.deadline};
  std::string out;
  for (std::size_t i = 0; i < f.size(); ++i) out += (i ? "," : "") + csv_field(f[i]);
  return out;
}

// ---- workflow -------------------------------------------------------------------

bool is_interest_step(std::string_view step) { return in(kSteps, step); }

bool interest_transition_allowed(std::string_view from, std::string_view to) {
  if (from.empty()) return to == "interested";
  if (from == "interested") return to == "forwarded" || to == "declined";
  if (from == "forwarded") return to == "accepted" || to == "declined";
  return false;
}

}  // namespace pactum::kb
