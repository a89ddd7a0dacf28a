// analytics/views: timelines and the sector by country matrix (views.h).
#include "analytics/views.h"

#include <algorithm>
#include <set>

namespace pactum::analytics {

namespace {

bool has_party(const store::AgreementRecord& r, std::int64_t id) {
  return std::any_of(r.parties.begin(), r.parties.end(), [&](const auto& p) { return p.id == id; });
}

}  // namespace

std::vector<TimelineEntry> timeline(const std::vector<store::AgreementRecord>& agreements, std::int64_t actor,
                                    std::optional<std::int64_t> partner) {
  std::vector<TimelineEntry> out;
  for (const auto& r : agreements) {
    if (!has_party(r, actor) || (partner && !has_party(r, *partner))) continue;
    std::vector<std::string> partners;
    for (const auto& p : r.parties) {
      if (p.id != actor) partners.push_back(p.name);
    }
    for (const auto& act : r.timeline) {
      out.push_back({act.date, act.stage, r.instrument, r.id, partners, r.sectors, act.document_ids});
    }
  }
  // Stable: acts of one agreement on the same date keep the store's order.
  std::stable_sort(out.begin(), out.end(), [](const TimelineEntry& a, const TimelineEntry& b) {
    if (a.date.empty() != b.date.empty()) return b.date.empty();
    if (a.date != b.date) return a.date < b.date;
    return a.agreement_id < b.agreement_id;
  });
  return out;
}

std::size_t Matrix::count(const std::string& sector, const std::string& country) const {
  auto it = cells.find({sector, country});
  return it == cells.end() ? 0 : it->second.size();
}

Matrix sector_country_matrix(const std::vector<store::AgreementRecord>& agreements) {
  Matrix m;
  std::set<std::string> sectors, countries;
  for (const auto& r : agreements) {
    std::set<std::string> own_countries;
    for (const auto& p : r.parties) {
      if (!p.country.empty()) own_countries.insert(p.country);
    }
    for (const auto& s : std::set<std::string>(r.sectors.begin(), r.sectors.end())) {
      sectors.insert(s);
      for (const auto& c : own_countries) {
        countries.insert(c);
        m.cells[{s, c}].push_back(r.id);
      }
    }
  }
  m.sectors.assign(sectors.begin(), sectors.end());
  m.countries.assign(countries.begin(), countries.end());
  for (auto& [key, ids] : m.cells) std::sort(ids.begin(), ids.end());
  return m;
}

}  // namespace pactum::analytics
