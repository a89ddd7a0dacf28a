// Supply concentration and agreement exposure for critical minerals: CSV
// validation, shares, HHI, and the walk through a country's agreements.
#include "analytics/minerals.h"

#include <unicode/uloc.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <map>
#include <set>
#include <tuple>

namespace pactum::analytics {

namespace {

// Rounded published shares of one table may add up to a little over 100.
constexpr double kShareSlack = 0.5;

// The EU's member states: an agreement with the EU reaches their mines.
const std::set<std::string>& eu_members() {
  static const std::set<std::string> k = {"AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI",
                                          "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
                                          "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"};
  return k;
}

std::string trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
  return std::string(s.substr(b, e - b));
}

// Splits one CSV record (RFC 4180 quoting, no newlines inside quotes: a
// table row is one line, so that errors can name it). nullopt on an
// unterminated quote.
std::optional<std::vector<std::string>> split_csv(std::string_view line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        out.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        out.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      out.emplace_back();
    } else {
      out.back() += c;
    }
  }
  if (quoted) return std::nullopt;
  for (auto& f : out) f = trim(f);
  return out;
}

std::optional<double> parse_number(const std::string& s) {
  double v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::string fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

std::string group_name(const std::string& mineral, int year, const std::string& source) {
  return mineral + " " + std::to_string(year) + " (" + source + ")";
}

// Groups are keyed by mineral and stage together; production keeps the
// plain mineral name in messages.
std::string mineral_stage(const std::string& mineral, const std::string& stage) {
  return stage == "production" ? mineral : mineral + " " + stage;
}

bool by_share_then_code(const CountryShare& a, const CountryShare& b) {
  if (a.share != b.share) return a.share > b.share;
  return a.country < b.country;
}

}  // namespace

const std::vector<std::string>& known_minerals() {
  static const std::vector<std::string> k = {
      "aluminium", "antimony",  "bauxite",  "chromium", "cobalt",      "copper",   "gallium",
      "germanium", "graphite",  "lithium",  "magnesium", "manganese",  "molybdenum", "nickel",
      "niobium",   "palladium", "platinum", "rare_earths", "silicon",  "tantalum", "tin",
      "titanium",  "tungsten",  "uranium",  "vanadium", "zinc"};
  return k;
}

bool is_mineral_stage(std::string_view stage) { return stage == "production" || stage == "refining"; }

bool is_country_code(std::string_view code) {
  static const std::set<std::string, std::less<>> codes = [] {
    std::set<std::string, std::less<>> s;
    for (const char* const* c = uloc_getISOCountries(); *c; ++c) s.insert(*c);
    return s;
  }();
  return code.size() == 2 && codes.count(code) > 0;
}

Result<std::vector<MineralRow>> parse_mineral_csv(std::string_view csv) {
  std::vector<std::string> errors;
  std::vector<MineralRow> rows;
  auto error = [&](std::size_t line, const std::string& field, const std::string& why) {
    errors.push_back("line " + std::to_string(line) + ": " + field + ": " + why);
  };
  const auto& minerals = known_minerals();
  std::size_t line_no = 0, pos = 0;
  bool header_seen = false;
  std::size_t columns = 6;
  while (pos <= csv.size()) {
    std::size_t nl = csv.find('\n', pos);
    if (nl == std::string_view::npos) nl = csv.size();
    std::string_view raw = csv.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    std::string line = trim(raw);
    if (line.empty() || line[0] == '#') continue;  // blank lines and comments
    auto fields = split_csv(line);
    if (!fields) {
      error(line_no, "row", "unterminated quote");
      continue;
    }
    if (!header_seen) {
      header_seen = true;
      std::string h;
      for (const auto& f : *fields) h += (h.empty() ? "" : ",") + f;
      if (h == "mineral,year,country,tonnes,share,source,stage") {
        columns = 7;
      } else if (h != "mineral,year,country,tonnes,share,source") {
        return Status::invalid_argument("line " + std::to_string(line_no) +
                                        ": header: expected mineral,year,country,tonnes,share,source[,stage], got " + h);
      }
      continue;
    }
    if (fields->size() != columns) {
      error(line_no, "row", "expected " + std::to_string(columns) + " fields, got " + std::to_string(fields->size()));
      continue;
    }
    const auto& f = *fields;
    MineralRow r;
    r.line = line_no;
    std::size_t before = errors.size();
    r.mineral = f[0];
    if (std::find(minerals.begin(), minerals.end(), r.mineral) == minerals.end()) {
      error(line_no, "mineral", "unknown mineral '" + f[0] + "'");
    }
    auto year = parse_number(f[1]);
    if (f[1].size() != 4 || !year || *year < 1900 || *year > 2100 || *year != std::floor(*year)) {
      error(line_no, "year", "'" + f[1] + "' is not a year (YYYY, 1900..2100)");
    } else {
      r.year = static_cast<int>(*year);
    }
    r.country = f[2];
    if (r.country != "WORLD" && !is_country_code(r.country)) {
      error(line_no, "country", "unknown country code '" + f[2] + "' (ISO 3166-1 alpha-2, upper case, or WORLD)");
    }
    if (!f[3].empty()) {
      auto t = parse_number(f[3]);
      if (!t) error(line_no, "tonnes", "'" + f[3] + "' is not a number");
      else if (*t < 0) error(line_no, "tonnes", "negative tonnes " + f[3]);
      else r.tonnes = *t;
    }
    if (!f[4].empty()) {
      std::string s = f[4];
      if (!s.empty() && s.back() == '%') s = trim(s.substr(0, s.size() - 1));
      auto v = parse_number(s);
      if (!v) error(line_no, "share", "'" + f[4] + "' is not a number");
      else if (*v < 0 || *v > 100) error(line_no, "share", "share " + f[4] + " is outside 0..100 %");
      else r.share = *v;
    }
    if (f[3].empty() && f[4].empty()) error(line_no, "tonnes", "neither tonnes nor share given");
    r.source = f[5];
    if (r.source.empty()) error(line_no, "source", "missing source");
    if (columns == 7 && !f[6].empty()) {
      r.stage = f[6];
      if (!is_mineral_stage(r.stage)) error(line_no, "stage", "unknown stage '" + f[6] + "' (production or refining)");
    }
    if (errors.size() == before) rows.push_back(std::move(r));
  }
  if (!header_seen) return Status::invalid_argument("line 1: header: empty table");

  // Checks across rows: one row per country and table, shares within 100 %.
  std::map<std::tuple<std::string, int, std::string, std::string>, std::size_t> seen;
  std::map<std::tuple<std::string, int, std::string>, double> share_sum;
  for (const auto& r : rows) {
    const std::string ms = mineral_stage(r.mineral, r.stage);
    auto [it, fresh] = seen.emplace(std::make_tuple(ms, r.year, r.source, r.country), r.line);
    if (!fresh) {
      error(r.line, "country", r.country + " already given for " + group_name(ms, r.year, r.source) +
                                   " on line " + std::to_string(it->second));
    }
    if (r.share && r.country != "WORLD") {
      double& sum = share_sum[{ms, r.year, r.source}];
      double was = sum;
      sum += *r.share;
      if (was <= 100 + kShareSlack && sum > 100 + kShareSlack) {
        error(r.line, "share", "shares of " + group_name(ms, r.year, r.source) + " add up to over 100 % (" +
                                   fmt(sum) + " %)");
      }
    }
  }
  if (!errors.empty()) {
    std::sort(errors.begin(), errors.end(), [](const std::string& a, const std::string& b) {
      auto num = [](const std::string& e) { return std::stoul(e.substr(5)); };
      return num(a) < num(b);
    });
    std::string msg = std::to_string(errors.size()) + " error(s) in the table, nothing loaded:";
    for (const auto& e : errors) msg += "\n  " + e;
    return Status::invalid_argument(msg);
  }
  if (rows.empty()) return Status::invalid_argument("the table has no rows");
  return rows;
}

Result<std::vector<SupplyTable>> supply_tables(const std::vector<MineralRow>& rows) {
  std::map<std::tuple<std::string, std::string, int, std::string>, std::vector<const MineralRow*>> groups;
  for (const auto& r : rows) groups[{r.mineral, r.stage, r.year, r.source}].push_back(&r);
  std::vector<SupplyTable> out;
  for (const auto& [key, list] : groups) {
    SupplyTable t;
    std::tie(t.mineral, t.stage, t.year, t.source) = key;
    double listed_tonnes = 0;
    bool all_tonnes = true;
    for (const MineralRow* r : list) {
      if (r->country == "WORLD") {
        t.world_tonnes = r->tonnes.value_or(0);
        continue;
      }
      if (r->tonnes) listed_tonnes += *r->tonnes;
      else all_tonnes = false;
    }
    if (t.world_tonnes == 0 && all_tonnes) t.world_tonnes = listed_tonnes;
    for (const MineralRow* r : list) {
      if (r->country == "WORLD") continue;
      CountryShare s{r->country, 0};
      if (r->share) {
        s.share = *r->share;
      } else if (t.world_tonnes > 0) {
        s.share = 100.0 * r->tonnes.value_or(0) / t.world_tonnes;
      } else if (all_tonnes) {
        s.share = 0;  // every listed tonnage is zero: nobody produced it
      } else {
        return Status::invalid_argument("share of " + r->country + " in " +
                                        group_name(mineral_stage(t.mineral, t.stage), t.year, t.source) +
                                        " cannot be derived: no WORLD tonnes and not every country has tonnes");
      }
      t.shares.push_back(s);
    }
    double sum = 0;
    for (const auto& s : t.shares) sum += s.share;
    if (sum > 100 + kShareSlack) {
      return Status::invalid_argument("shares of " + group_name(mineral_stage(t.mineral, t.stage), t.year, t.source) +
                                      " add up to over 100 % (" + fmt(sum) + " %): listed tonnes exceed WORLD");
    }
    std::sort(t.shares.begin(), t.shares.end(), by_share_then_code);
    out.push_back(std::move(t));
  }
  return out;
}

Concentration concentration_of(const SupplyTable& t) {
  Concentration c;
  c.mineral = t.mineral;
  c.stage = t.stage;
  c.year = t.year;
  c.source = t.source;
  double sum = 0;
  for (std::size_t i = 0; i < t.shares.size(); ++i) {
    const auto& s = t.shares[i];
    c.hhi += s.share * s.share;
    sum += s.share;
    if (i < 3) {
      c.top3_share += s.share;
      c.top3.push_back(s.country);
    }
    if (s.share > 0) ++c.countries;
  }
  if (!t.shares.empty()) {
    c.top1_share = t.shares[0].share;
    c.top1_country = t.shares[0].country;
  }
  c.hhi = std::min(c.hhi, 10000.0);
  c.unattributed_share = std::max(0.0, 100.0 - sum);
  return c;
}

Result<std::vector<Concentration>> concentration(const std::vector<MineralRow>& rows) {
  auto tables = supply_tables(rows);
  if (!tables.is_ok()) return tables.status();
  std::vector<Concentration> out;
  for (const auto& t : *tables) out.push_back(concentration_of(t));
  return out;
}

Result<std::vector<Exposure>> exposure(const std::string& country, const std::vector<MineralRow>& rows,
                                       const std::vector<MineralAgreement>& agreements) {
  if (!is_country_code(country)) {
    return Status::invalid_argument("unknown country code '" + country + "' (ISO 3166-1 alpha-2)");
  }
  std::vector<MineralAgreement> list;
  for (const auto& a : agreements) {
    if (std::find(a.sectors.begin(), a.sectors.end(), "critical_minerals") != a.sectors.end()) list.push_back(a);
  }
  // Dated first, by date; undated last.
  std::stable_sort(list.begin(), list.end(), [](const MineralAgreement& a, const MineralAgreement& b) {
    if (a.date.empty() != b.date.empty()) return b.date.empty();
    return a.date < b.date;
  });
  auto tables = supply_tables(rows);
  if (!tables.is_ok()) return tables.status();
  // Every year's table of each (mineral, stage, source), by year.
  std::map<std::tuple<std::string, std::string, std::string>, std::map<int, const SupplyTable*>> by_year;
  for (const auto& t : *tables) by_year[{t.mineral, t.stage, t.source}][t.year] = &t;
  auto shares_of = [](const SupplyTable& t) {
    std::map<std::string, double> m;
    for (const auto& s : t.shares) m[s.country] = s.share;
    return m;
  };
  // What one agreement adds: its partner(s)' shares not reached before.
  auto members_of = [](const MineralAgreement& a) {
    return a.partner == "EU" ? eu_members() : std::set<std::string>{a.partner};
  };
  std::vector<Exposure> out;
  for (const auto& [key, years] : by_year) {
    const SupplyTable* t = years.rbegin()->second;  // the latest year
    Exposure e;
    e.mineral = t->mineral;
    e.stage = t->stage;
    e.year = t->year;
    e.source = t->source;
    const auto share_of = shares_of(*t);
    if (auto it = share_of.find(country); it != share_of.end()) e.domestic_share = it->second;
    std::set<std::string> reached;
    for (std::size_t i = 0; i < list.size(); ++i) {
      const auto& a = list[i];
      ExposureStep step;
      step.date = a.date;
      step.partner = a.partner;
      for (const auto& m : members_of(a)) {
        if (m == country || !reached.insert(m).second) continue;
        if (auto it = share_of.find(m); it != share_of.end()) step.added_share += it->second;
      }
      e.partner_share += step.added_share;
      step.cumulative = e.partner_share;
      // As it stood then: the table of the agreement's year (the latest at or
      // before it, else the earliest; the latest for an undated one), over
      // the partners of this and every earlier agreement.
      const SupplyTable* then = t;
      if (a.date.size() >= 4) {
        int year = std::atoi(a.date.substr(0, 4).c_str());
        auto it = years.upper_bound(year);
        then = it == years.begin() ? it->second : std::prev(it)->second;
      }
      step.year_then = then->year;
      const auto share_then = shares_of(*then);
      std::set<std::string> before, upto;
      for (std::size_t j = 0; j <= i; ++j) {
        for (const auto& m : members_of(list[j])) {
          if (m == country) continue;
          upto.insert(m);
          if (j < i) before.insert(m);
        }
      }
      for (const auto& m : upto) {
        auto it = share_then.find(m);
        if (it == share_then.end()) continue;
        step.cumulative_then += it->second;
        if (!before.count(m)) step.added_share_then += it->second;
      }
      e.steps.push_back(step);
    }
    for (const auto& s : t->shares) {
      if (reached.count(s.country)) e.partners.push_back(s);
    }
    out.push_back(std::move(e));
  }
  return out;
}

Result<std::vector<MineralAgreement>> mineral_agreements(store::Store& store, const std::string& country) {
  store::AgreementFilter f;
  f.country = country;
  f.sector = "critical_minerals";
  auto list = store.agreements(f);
  if (!list.is_ok()) return list.status();
  std::vector<MineralAgreement> out;
  for (const auto& a : *list) {
    std::set<std::string> partners;
    for (const auto& p : a.parties) {
      // A party of another country (its government, a region, a company)
      // makes that country a partner; the EU stands for its member states.
      if (!p.country.empty() && p.country != country) partners.insert(p.country);
    }
    for (const auto& p : partners) out.push_back({p, a.first_date, a.sectors});
  }
  return out;
}

}  // namespace pactum::analytics
