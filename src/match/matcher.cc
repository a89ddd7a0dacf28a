// The in-memory matching index and its scoring (see matcher.h).
#include "match/matcher.h"

#include <algorithm>
#include <chrono>
#include <climits>
#include <cmath>
#include <iomanip>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "kb/identity.h"
#include "kb/taxonomy.h"

namespace pactum::match {

namespace {

constexpr std::string_view kTypes[] = {"business_offer", "business_request", "technology_offer",
                                       "technology_request", "research_partner_search"};
constexpr std::string_view kKinds[] = {"company", "cluster", "research", "agency",
                                       "region",  "association", "university"};
constexpr std::uint8_t kNone = 255;
constexpr std::int32_t kNoDeadline = INT32_MAX;
constexpr double kK1 = 1.2, kB = 0.75;
constexpr std::size_t kMaxQueryTerms = 32;
constexpr double kOutsideTargets = 0.5, kOutsideTheirTargets = 0.7;

template <typename List>
std::uint8_t index_in(const List& list, std::string_view v) {
  for (std::size_t i = 0; i < std::size(list); ++i) {
    if (list[i] == v) return static_cast<std::uint8_t>(i);
  }
  return kNone;
}

// Days since 1970-01-01 of a valid YYYY-MM-DD (H. Hinnant's days_from_civil).
std::int32_t days_of(std::string_view d) {
  int y = std::stoi(std::string(d.substr(0, 4)));
  unsigned m = static_cast<unsigned>(std::stoi(std::string(d.substr(5, 2))));
  unsigned day = static_cast<unsigned>(std::stoi(std::string(d.substr(8, 2))));
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int32_t>(doe) - 719468;
}

std::uint32_t sector_mask(const std::vector<std::string>& sectors) {
  std::uint32_t mask = 0;
  auto ids = kb::sector_ids();
  for (const auto& s : sectors) {
    for (std::size_t i = 0; i < ids.size() && i < 32; ++i) {
      if (ids[i] == s) mask |= 1u << i;
    }
  }
  return mask;
}

std::string sector_names(std::uint32_t mask) {
  std::string out;
  auto ids = kb::sector_ids();
  for (std::size_t i = 0; i < ids.size() && i < 32; ++i) {
    if (mask & (1u << i)) out += (out.empty() ? "" : ", ") + std::string(ids[i]);
  }
  return out;
}

std::string fmt(double v) {
  std::ostringstream o;
  o << std::fixed << std::setprecision(2) << v;
  return o.str();
}

struct Posting {
  std::uint32_t doc;
  float weight;  // BM25's term-frequency part, length-normalised
};

struct Doc {
  std::string id;
  std::uint8_t type = kNone, kind = kNone;
  std::uint32_t country = 0, subdivision = 0;  // location ids, 0 none
  std::uint32_t sectors = 0;
  std::int32_t deadline = kNoDeadline;
  std::uint32_t targets_begin = 0;
  std::uint16_t target_countries = 0, target_subdivisions = 0;
  std::uint32_t terms_begin = 0, terms_count = 0;  // unique term ids in Index::doc_terms
  std::uint32_t org_key = 0;
  std::uint16_t agreements_named = 0;  // agreements the organization is a party to
};

// Agreements between two locations (countries or regions).
struct PairInfo {
  std::uint32_t sectors = 0;
  std::uint32_t count = 0;
  std::string label;  // "North Rhine-Westphalia and Fukushima" + first agreement's date
};

}  // namespace

struct Matcher::Index {
  Weights weights;
  std::vector<Doc> docs;
  std::unordered_map<std::string, std::uint32_t> doc_by_id;
  std::vector<std::uint32_t> targets;  // per doc: target countries then target subdivisions (location ids)
  std::vector<std::uint32_t> doc_terms;
  // Terms.
  std::unordered_map<std::string, std::uint32_t> term_ids;
  std::vector<std::string> term_names;
  std::vector<std::vector<Posting>> postings;
  std::vector<float> idf;
  std::array<std::vector<std::uint32_t>, 32> sector_postings;
  // (sector << 32 | country location) -> documents of that sector in that country.
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> sector_country_postings;
  // Locations: id 0 is "none".
  std::unordered_map<std::string, std::uint32_t> loc_ids{{"", 0}};
  std::vector<std::string> loc_codes{""};
  std::vector<std::uint32_t> loc_country{0};  // a subdivision's country; a country itself
  std::vector<std::string> loc_names{""};
  // Agreement network: per location, the locations it has agreements with.
  std::vector<PairInfo> pairs;
  std::unordered_map<std::uint64_t, std::uint32_t> pair_index;
  std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> loc_pairs;  // other location, pair
  std::unordered_map<std::string, std::uint16_t> org_agreements;  // org_name_key -> agreements
  std::unordered_map<std::string, std::uint32_t> org_ids;
  const Analyzer* analyzer = nullptr;

  std::uint32_t loc(const std::string& code, const std::string& name = "") {
    if (code.empty()) return 0;
    auto [it, inserted] = loc_ids.emplace(code, static_cast<std::uint32_t>(loc_codes.size()));
    if (inserted) {
      loc_codes.push_back(code);
      loc_names.push_back(name.empty() ? code : name);
      loc_pairs.emplace_back();
      std::uint32_t country = it->second;
      if (code.size() > 2 && code[2] == '-') country = loc(code.substr(0, 2));
      loc_country.push_back(country);
    } else if (!name.empty() && loc_names[it->second] == code) {
      loc_names[it->second] = name;
    }
    return it->second;
  }
  std::uint32_t find_loc(const std::string& code) const {
    auto it = loc_ids.find(code);
    return it == loc_ids.end() ? 0 : it->second;
  }
  bool is_region(std::uint32_t l) const { return l != 0 && loc_country[l] != l; }
};

struct MatcherBuilder::Impl {
  std::unique_ptr<Matcher::Index> index = std::make_unique<Matcher::Index>();
  std::vector<std::vector<std::pair<std::uint32_t, std::uint16_t>>> raw_postings;  // doc, tf
  std::vector<std::uint32_t> doc_length;
};

MatcherBuilder::MatcherBuilder(const Analyzer& analyzer, Weights weights) : impl_(std::make_unique<Impl>()) {
  impl_->index->weights = weights;
  impl_->index->analyzer = &analyzer;
  impl_->index->loc_pairs.emplace_back();
}
MatcherBuilder::~MatcherBuilder() = default;
MatcherBuilder::MatcherBuilder(MatcherBuilder&&) noexcept = default;

void MatcherBuilder::add_agreements(const std::vector<store::AgreementRecord>& agreements) {
  auto& ix = *impl_->index;
  for (const auto& a : agreements) {
    std::uint32_t mask = sector_mask(a.sectors);
    std::vector<std::vector<std::uint32_t>> party_locs;
    std::unordered_set<std::string> orgs;
    for (const auto& p : a.parties) {
      std::vector<std::uint32_t> locs;
      if (!p.subdivision.empty()) locs.push_back(ix.loc(p.subdivision, p.kind == "region" ? p.name : ""));
      if (!p.country.empty() && p.country != "EU") {
        locs.push_back(ix.loc(p.country, p.kind == "country" ? p.name : ""));
      }
      if (p.kind == "organization") orgs.insert(kb::org_name_key(p.name));
      party_locs.push_back(std::move(locs));
    }
    for (const auto& key : orgs) {
      if (!key.empty()) ++ix.org_agreements[key];
    }
    std::string date = a.first_date.empty() ? "" : " (" + a.first_date + ")";
    for (std::size_t i = 0; i < party_locs.size(); ++i) {
      for (std::size_t j = i + 1; j < party_locs.size(); ++j) {
        for (auto li : party_locs[i]) {
          for (auto lj : party_locs[j]) {
            if (li == lj || ix.loc_country[li] == ix.loc_country[lj]) continue;
            std::uint64_t key = (std::uint64_t{std::min(li, lj)} << 32) | std::max(li, lj);
            auto [it, inserted] = ix.pair_index.emplace(key, static_cast<std::uint32_t>(ix.pairs.size()));
            if (inserted) {
              PairInfo info;
              info.label = ix.loc_names[li] + " and " + ix.loc_names[lj] + date;
              ix.pairs.push_back(info);
              ix.loc_pairs[li].push_back({lj, it->second});
              ix.loc_pairs[lj].push_back({li, it->second});
            }
            PairInfo& info = ix.pairs[it->second];
            info.sectors |= mask;
            ++info.count;
          }
        }
      }
    }
  }
}

Status MatcherBuilder::add(const kb::Profile& p) {
  auto& ix = *impl_->index;
  auto doc_id = static_cast<std::uint32_t>(ix.docs.size());
  if (!ix.doc_by_id.emplace(p.id, doc_id).second) return Status::already_exists("profile " + p.id + " twice");
  Doc d;
  d.id = p.id;
  d.type = index_in(kTypes, p.type);
  d.kind = index_in(kKinds, p.organization.kind);
  d.country = ix.loc(p.organization.country);
  d.subdivision = ix.loc(p.organization.subdivision);
  d.sectors = sector_mask(p.sectors);
  if (kb::is_iso_date(p.deadline)) d.deadline = days_of(p.deadline);
  d.targets_begin = static_cast<std::uint32_t>(ix.targets.size());
  for (const auto& c : p.target_countries) ix.targets.push_back(ix.loc(c));
  for (const auto& s : p.target_subdivisions) ix.targets.push_back(ix.loc(s));
  d.target_countries = static_cast<std::uint16_t>(p.target_countries.size());
  d.target_subdivisions = static_cast<std::uint16_t>(p.target_subdivisions.size());
  std::string org_key = kb::org_name_key(p.organization.name) + "|" + p.organization.country;
  d.org_key = ix.org_ids.emplace(org_key, static_cast<std::uint32_t>(ix.org_ids.size())).first->second;
  if (auto it = ix.org_agreements.find(kb::org_name_key(p.organization.name)); it != ix.org_agreements.end()) {
    d.agreements_named = it->second;
  }
  for (std::size_t s = 0; s < 32; ++s) {
    if (!(d.sectors & (1u << s))) continue;
    ix.sector_postings[s].push_back(doc_id);
    ix.sector_country_postings[(std::uint64_t{s} << 32) | d.country].push_back(doc_id);
  }

  std::string text = p.title + "\n" + p.summary;
  for (const auto& t : p.technologies) text += "\n" + t;
  auto terms = ix.analyzer->terms(text, p.language);
  std::unordered_map<std::uint32_t, std::uint16_t> tf;
  for (const auto& t : terms) {
    auto [it, inserted] = ix.term_ids.emplace(t, static_cast<std::uint32_t>(ix.term_names.size()));
    if (inserted) {
      ix.term_names.push_back(t);
      impl_->raw_postings.emplace_back();
    }
    auto& n = tf[it->second];
    if (n < UINT16_MAX) ++n;
  }
  d.terms_begin = static_cast<std::uint32_t>(ix.doc_terms.size());
  d.terms_count = static_cast<std::uint32_t>(tf.size());
  for (auto [term, n] : tf) {
    ix.doc_terms.push_back(term);
    impl_->raw_postings[term].push_back({doc_id, n});
  }
  impl_->doc_length.push_back(static_cast<std::uint32_t>(terms.size()));
  ix.docs.push_back(std::move(d));
  return Status::ok();
}

std::unique_ptr<Matcher> MatcherBuilder::build() && {
  auto& ix = *impl_->index;
  double total = 0;
  for (auto n : impl_->doc_length) total += n;
  double avg = ix.docs.empty() ? 1 : std::max(1.0, total / static_cast<double>(ix.docs.size()));
  double n_docs = static_cast<double>(ix.docs.size());
  ix.postings.resize(impl_->raw_postings.size());
  ix.idf.resize(impl_->raw_postings.size());
  for (std::size_t t = 0; t < impl_->raw_postings.size(); ++t) {
    auto& raw = impl_->raw_postings[t];
    double df = static_cast<double>(raw.size());
    ix.idf[t] = static_cast<float>(std::log(1 + (n_docs - df + 0.5) / (df + 0.5)));
    auto& out = ix.postings[t];
    out.reserve(raw.size());
    for (auto [doc, tf] : raw) {
      double len = impl_->doc_length[doc];
      double w = tf * (kK1 + 1) / (tf + kK1 * (1 - kB + kB * len / avg));
      out.push_back({doc, static_cast<float>(w)});
    }
    std::vector<std::pair<std::uint32_t, std::uint16_t>>().swap(raw);
  }
  return std::unique_ptr<Matcher>(new Matcher(std::move(impl_->index)));
}

Matcher::Matcher(std::unique_ptr<Index> index) : index_(std::move(index)) {}
Matcher::~Matcher() = default;
std::size_t Matcher::size() const { return index_->docs.size(); }

Result<std::unique_ptr<Matcher>> Matcher::build_from_store(store::Store& store, const Analyzer& analyzer,
                                                           Weights weights) {
  MatcherBuilder builder(analyzer, weights);
  auto agreements = store.agreements({});
  if (!agreements.is_ok()) return agreements.status();
  builder.add_agreements(*agreements);
  auto profiles = store.profiles();
  if (!profiles.is_ok()) return profiles.status();
  for (const auto& p : *profiles) PACTUM_RETURN_IF_ERROR(builder.add(p));
  return std::move(builder).build();
}

std::string today_utc() {
  auto now = std::chrono::system_clock::now();
  auto days = std::chrono::floor<std::chrono::days>(now);
  std::chrono::year_month_day ymd{days};
  std::ostringstream o;
  o << static_cast<int>(ymd.year()) << '-' << std::setw(2) << std::setfill('0')
    << static_cast<unsigned>(ymd.month()) << '-' << std::setw(2) << std::setfill('0')
    << static_cast<unsigned>(ymd.day());
  return o.str();
}

nlohmann::json to_json(const std::vector<MatchResult>& results) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& r : results) {
    nlohmann::json reasons = nlohmann::json::array();
    for (const auto& why : r.reasons) {
      reasons.push_back({{"code", why.code}, {"text", why.text}, {"weight", why.weight}});
    }
    out.push_back({{"profile", r.profile_id}, {"score", r.score}, {"reasons", reasons}});
  }
  return out;
}

namespace {

// The query side, resolved against the index once per match().
struct Probe {
  std::uint8_t type = kNone, kind = kNone;
  std::uint32_t country = 0, subdivision = 0;
  std::uint32_t sectors = 0;
  std::vector<std::uint32_t> target_countries, target_subdivisions;
  std::vector<std::pair<std::uint32_t, float>> terms;  // term id, idf
  std::int64_t self = -1;
  std::int64_t org = -1;
  std::int32_t today = 0;
  std::vector<float> agreement_score;       // per location
  std::vector<std::uint32_t> agreement_pair;  // per location: the pair behind the score
  std::unordered_set<std::uint32_t> filter_locs;
  std::vector<std::string> filter_kinds;
};

double complementarity(std::uint8_t q, std::uint8_t q_kind, std::uint8_t c, std::uint8_t c_kind,
                       std::string* why) {
  auto research = [](std::uint8_t kind) { return kind == 2 || kind == 6; };  // research, university
  if (q == kNone || c == kNone) {
    *why = "either side's direction is open";
    return 0.5;
  }
  const std::string qs(kTypes[q]), cs(kTypes[c]);
  if ((q == 0 && c == 1) || (q == 1 && c == 0) || (q == 2 && c == 3) || (q == 3 && c == 2)) {
    *why = qs + " meets " + cs;
    return 1.0;
  }
  if (q == 4 && c == 4) {
    *why = "two research partner searches";
    return 1.0;
  }
  if (q == 4 && research(c_kind)) {
    *why = "a research partner search meets a " + std::string(kKinds[c_kind]);
    return 0.8;
  }
  if (c == 4 && research(q_kind)) {
    *why = "a " + std::string(kKinds[q_kind]) + " meets a research partner search";
    return 0.8;
  }
  if ((q == 0 && c == 3) || (q == 3 && c == 0) || (q == 2 && c == 1) || (q == 1 && c == 2)) {
    *why = qs + " partly meets " + cs;
    return 0.4;
  }
  *why = qs + " and " + cs + " want the same thing";
  return 0;
}

// How well a location fits a list of targets: 1 named, 0.7 a region of a
// named country or a country of a named region, 0.5 no targets, else 0.
double fit(const Matcher::Index& ix, const std::uint32_t* countries, std::size_t n_countries,
           const std::uint32_t* subdivisions, std::size_t n_subdivisions, std::uint32_t country,
           std::uint32_t subdivision) {
  if (n_countries == 0 && n_subdivisions == 0) return 0.5;
  bool region_in_country = false;
  for (std::size_t i = 0; i < n_subdivisions; ++i) {
    if (subdivisions[i] == subdivision && subdivision != 0) return 1.0;
    if (ix.loc_country[subdivisions[i]] == country) region_in_country = true;
  }
  for (std::size_t i = 0; i < n_countries; ++i) {
    if (countries[i] == country && country != 0) return region_in_country ? 0.7 : 1.0;
  }
  return region_in_country ? 0.7 : 0;
}

struct Components {
  double complementarity = 0, sectors = 0, text = 0, geography = 0, agreements = 0, proven = 0;
  double geo_forward = 0, geo_back = 0;
  std::uint32_t shared_sectors = 0;
  std::uint32_t agreement_pair = UINT32_MAX;
  std::string comp_why;
};

}  // namespace

Result<std::vector<MatchResult>> Matcher::match(const MatchQuery& query) const {
  const Index& ix = *index_;
  if (query.top == 0 || query.top > 1000) return Status::invalid_argument("top must be within 1..1000");
  std::string today = query.today.empty() ? today_utc() : query.today;
  if (!kb::is_iso_date(today)) return Status::invalid_argument("'" + today + "' is not a date YYYY-MM-DD");

  Probe q;
  q.today = days_of(today);
  auto find_loc = [&](const std::string& code) { return ix.find_loc(code); };
  if (!query.profile_id.empty()) {
    auto it = ix.doc_by_id.find(query.profile_id);
    if (it == ix.doc_by_id.end()) return Status::not_found("no profile " + query.profile_id);
    const Doc& d = ix.docs[it->second];
    q.self = it->second;
    q.org = d.org_key;
    q.type = d.type;
    q.kind = d.kind;
    q.country = d.country;
    q.subdivision = d.subdivision;
    q.sectors = d.sectors;
    for (std::size_t i = 0; i < d.target_countries; ++i) q.target_countries.push_back(ix.targets[d.targets_begin + i]);
    for (std::size_t i = 0; i < d.target_subdivisions; ++i)
      q.target_subdivisions.push_back(ix.targets[d.targets_begin + d.target_countries + i]);
    for (std::size_t i = 0; i < d.terms_count; ++i) {
      auto t = ix.doc_terms[d.terms_begin + i];
      q.terms.push_back({t, ix.idf[t]});
    }
  } else if (query.profile) {
    const kb::Profile& p = *query.profile;
    if (p.title.empty() && p.summary.empty()) return Status::invalid_argument("the query has no text");
    q.type = index_in(kTypes, p.type);
    q.kind = index_in(kKinds, p.organization.kind);
    q.country = find_loc(p.organization.country);
    q.subdivision = find_loc(p.organization.subdivision);
    q.sectors = sector_mask(p.sectors);
    for (const auto& c : p.target_countries) q.target_countries.push_back(find_loc(c));
    for (const auto& s : p.target_subdivisions) q.target_subdivisions.push_back(find_loc(s));
    std::string text = p.title + "\n" + p.summary;
    for (const auto& t : p.technologies) text += "\n" + t;
    std::unordered_set<std::uint32_t> seen;
    bool infer = p.sectors.empty(), infer_targets = p.target_countries.empty() && p.target_subdivisions.empty();
    for (const auto& t : ix.analyzer->terms(text, p.language.empty() ? "en" : p.language)) {
      if (infer && t.rfind("s:", 0) == 0) q.sectors |= sector_mask({t.substr(2)});
      if (infer_targets && t.rfind("a:", 0) == 0) {
        std::string code = t.substr(2);
        if (auto l = find_loc(code); l != 0 && code != p.organization.country) {
          (ix.is_region(l) ? q.target_subdivisions : q.target_countries).push_back(l);
        }
      }
      auto it = ix.term_ids.find(t);
      if (it != ix.term_ids.end() && seen.insert(it->second).second) q.terms.push_back({it->second, ix.idf[it->second]});
    }
  } else {
    return Status::invalid_argument("a match needs a profile id or a text");
  }
  // The rarest terms carry the text score; common ones (in more than 1 % of
  // a large index) cost time and tell little.
  std::sort(q.terms.begin(), q.terms.end(), [](auto& a, auto& b) { return a.second > b.second; });
  if (q.terms.size() > kMaxQueryTerms) q.terms.resize(kMaxQueryTerms);
  const std::size_t n = ix.docs.size();
  if (n > 10000) {
    std::erase_if(q.terms, [&](auto& t) { return ix.postings[t.first].size() * 100 > n; });
  }

  // The agreement network around the query's locations.
  q.agreement_score.assign(ix.loc_codes.size(), 0.f);
  q.agreement_pair.assign(ix.loc_codes.size(), UINT32_MAX);
  for (std::uint32_t ql : {q.subdivision, q.country}) {
    if (ql == 0 || ql >= ix.loc_pairs.size()) continue;
    for (auto [other, pair_id] : ix.loc_pairs[ql]) {
      const PairInfo& info = ix.pairs[pair_id];
      bool regional = ix.is_region(ql) && ix.is_region(other);
      bool sector = (info.sectors & q.sectors) != 0;
      float s = regional ? (sector ? 1.0f : 0.5f) : (sector ? 0.6f : 0.3f);
      if (s > q.agreement_score[other]) {
        q.agreement_score[other] = s;
        q.agreement_pair[other] = pair_id;
      }
    }
  }
  for (const auto& c : query.countries) {
    if (auto l = find_loc(c)) q.filter_locs.insert(l);
    else q.filter_locs.insert(UINT32_MAX);  // a country no profile is in: nothing matches
  }
  q.filter_kinds = query.kinds;

  // Candidates: the query's sectors and terms.
  thread_local std::vector<float> acc;
  thread_local std::vector<std::uint32_t> mark;
  thread_local std::uint32_t epoch = 0;
  if (acc.size() < n) {
    acc.assign(n, 0.f);
    mark.assign(n, 0);
    epoch = 0;
  }
  if (++epoch == 0) {
    std::fill(mark.begin(), mark.end(), 0);
    epoch = 1;
  }
  std::vector<std::uint32_t> candidates;
  auto touch = [&](std::uint32_t doc) {
    if (mark[doc] != epoch) {
      mark[doc] = epoch;
      acc[doc] = 0;
      candidates.push_back(doc);
    }
  };
  // Phase 1: the terms' documents, and the documents of the query's sectors
  // in the countries it targets (all of them when it targets none).
  float max_text = 0;
  for (auto [term, idf] : q.terms) {
    for (const Posting& p : ix.postings[term]) {
      touch(p.doc);
      acc[p.doc] += idf * p.weight;
    }
  }
  std::vector<std::uint32_t> target_countries;
  for (auto c : q.target_countries) target_countries.push_back(c);
  for (auto sub : q.target_subdivisions) target_countries.push_back(ix.loc_country[sub]);
  std::sort(target_countries.begin(), target_countries.end());
  target_countries.erase(std::unique(target_countries.begin(), target_countries.end()), target_countries.end());
  std::erase(target_countries, 0u);
  bool all_sectors_touched = target_countries.empty();
  for (std::uint32_t s = 0; s < 32; ++s) {
    if (!(q.sectors & (1u << s))) continue;
    if (all_sectors_touched) {
      for (auto doc : ix.sector_postings[s]) touch(doc);
      continue;
    }
    for (auto c : target_countries) {
      auto it = ix.sector_country_postings.find((std::uint64_t{s} << 32) | c);
      if (it == ix.sector_country_postings.end()) continue;
      for (auto doc : it->second) touch(doc);
    }
  }

  const Weights& w = ix.weights;
  auto eligible = [&](std::uint32_t doc) {
    const Doc& d = ix.docs[doc];
    if (static_cast<std::int64_t>(doc) == q.self || static_cast<std::int64_t>(d.org_key) == q.org) return false;
    if (d.deadline != kNoDeadline && d.deadline < q.today) return false;
    if (!q.filter_locs.empty() && !q.filter_locs.count(d.country) && !q.filter_locs.count(d.subdivision))
      return false;
    if (!q.filter_kinds.empty()) {
      bool ok = false;
      for (const auto& k : q.filter_kinds) {
        if ((d.kind != kNone && kKinds[d.kind] == k) || (d.type != kNone && kTypes[d.type] == k)) ok = true;
      }
      if (!ok) return false;
    }
    return true;
  };
  // Every document with text has been touched: the best text score is known
  // before any scoring (phase 2 adds documents with none).
  for (auto doc : candidates) {
    if (acc[doc] > max_text && eligible(doc)) max_text = acc[doc];
  }
  auto components = [&](std::uint32_t doc, bool explain) {
    const Doc& d = ix.docs[doc];
    Components c;
    std::string why;
    c.complementarity = complementarity(q.type, q.kind, d.type, d.kind, &why);
    if (explain) c.comp_why = why;
    c.shared_sectors = q.sectors & d.sectors;
    if (q.sectors) {
      c.sectors = static_cast<double>(std::popcount(c.shared_sectors)) / std::popcount(q.sectors);
    }
    c.text = max_text > 0 ? acc[doc] / max_text : 0;
    const std::uint32_t* t = ix.targets.data() + d.targets_begin;
    c.geo_forward = fit(ix, q.target_countries.data(), q.target_countries.size(), q.target_subdivisions.data(),
                        q.target_subdivisions.size(), d.country, d.subdivision);
    c.geo_back = q.country == 0 && q.subdivision == 0
                     ? 0.5
                     : fit(ix, t, d.target_countries, t + d.target_countries, d.target_subdivisions, q.country,
                           q.subdivision);
    c.geography = (c.geo_forward + c.geo_back) / 2;
    for (std::uint32_t l : {d.subdivision, d.country}) {
      if (l != 0 && l < q.agreement_score.size() && q.agreement_score[l] > c.agreements) {
        c.agreements = q.agreement_score[l];
        c.agreement_pair = q.agreement_pair[l];
      }
    }
    c.proven = d.agreements_named > 0 ? std::min(1.0, 0.5 + 0.25 * d.agreements_named) : 0;
    return c;
  };
  // A partner outside what a side targets is a poor one whatever else fits:
  // the sum is scaled down (kOutsideTargets when outside the profile's
  // targets, kOutsideTheirTargets when the profile is outside theirs).
  auto penalty = [](const Components& c) {
    return (c.geo_forward == 0 ? kOutsideTargets : 1.0) * (c.geo_back == 0 ? kOutsideTheirTargets : 1.0);
  };
  auto base = [&](const Components& c) {
    return w.complementarity * c.complementarity + w.sectors * c.sectors + w.text * c.text +
           w.geography * c.geography + w.agreements * c.agreements + w.proven_partner * c.proven;
  };
  auto total = [&](const Components& c) { return base(c) * penalty(c); };
  std::vector<std::pair<double, std::uint32_t>> scored;
  scored.reserve(candidates.size());
  for (auto doc : candidates) {
    if (eligible(doc)) scored.push_back({total(components(doc, false)), doc});
  }
  auto better = [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first > b.first;
    return ix.docs[a.second].id < ix.docs[b.second].id;
  };
  std::size_t k = std::min(query.top, scored.size());
  std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(k), scored.end(), better);
  // Phase 2: a document of the query's sectors outside its target countries
  // has no text score and is scaled by kOutsideTargets, so it scores at most
  // kOutsideTargets * (every weight but text's). Only when the k-th score
  // is below that can one enter the top k: then they are all scored.
  double outside_bound = kOutsideTargets * (w.complementarity + w.sectors + w.geography + w.agreements +
                                            w.proven_partner);
  if (!all_sectors_touched && (k < query.top || scored[k - 1].first < outside_bound)) {
    std::size_t before = candidates.size();
    for (std::uint32_t s = 0; s < 32; ++s) {
      if (q.sectors & (1u << s)) {
        for (auto doc : ix.sector_postings[s]) touch(doc);
      }
    }
    for (std::size_t i = before; i < candidates.size(); ++i) {
      auto doc = candidates[i];
      if (eligible(doc)) scored.push_back({total(components(doc, false)), doc});
    }
    k = std::min(query.top, scored.size());
    std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(k), scored.end(), better);
  }

  std::vector<MatchResult> out;
  for (std::size_t i = 0; i < k; ++i) {
    std::uint32_t doc = scored[i].second;
    const Doc& d = ix.docs[doc];
    Components c = components(doc, true);
    MatchResult r;
    r.profile_id = d.id;
    r.score = std::round(scored[i].first * 10000) / 10000;
    auto add = [&](const char* code, std::string text, double weight) {
      if (weight > 0) r.reasons.push_back({code, std::move(text), std::round(weight * 10000) / 10000});
    };
    add("complementarity", c.comp_why, w.complementarity * c.complementarity);
    if (c.shared_sectors) add("sectors", "shared sectors: " + sector_names(c.shared_sectors), w.sectors * c.sectors);
    if (c.text > 0) {
      // The terms that carried the text score, strongest first.
      std::vector<std::pair<float, std::string>> shared;
      for (auto [term, idf] : q.terms) {
        for (std::size_t j = 0; j < d.terms_count; ++j) {
          if (ix.doc_terms[d.terms_begin + j] == term) {
            const std::string& name = ix.term_names[term];
            std::string shown = name.substr(2);
            if (name[0] == 's') shown += " (sector, any language)";
            if (name[0] == 'a') {
              auto actor = ix.analyzer->gazetteer().find(shown);
              if (actor >= 0) shown = ix.analyzer->gazetteer().actors()[static_cast<std::size_t>(actor)].name;
              shown += " (named in any language)";
            }
            shared.push_back({idf, shown});
          }
        }
      }
      std::sort(shared.begin(), shared.end(), [](auto& a, auto& b) { return a.first > b.first; });
      std::string words;
      for (std::size_t j = 0; j < shared.size() && j < 5; ++j) words += (j ? ", " : "") + shared[j].second;
      add("text", "similar title and summary (" + fmt(c.text) + "): " + words, w.text * c.text);
    }
    if (c.geography > 0) {
      std::string where = ix.loc_codes[d.subdivision ? d.subdivision : d.country];
      std::string text;
      text += c.geo_forward >= 1 ? where + " is among the profile's targets"
              : c.geo_forward >= 0.7 ? where + " is near the profile's targets"
              : c.geo_forward >= 0.5 ? "the profile targets any country"
                                     : where + " is not among the profile's targets";
      text += c.geo_back >= 1 ? "; they target the profile's region or country"
              : c.geo_back >= 0.7 ? "; they target the profile's country"
              : c.geo_back >= 0.5 ? "; they target any country"
                                  : "; they target elsewhere";
      add("geography", text, w.geography * c.geography);
    }
    if (c.agreement_pair != UINT32_MAX) {
      const PairInfo& info = ix.pairs[c.agreement_pair];
      std::uint32_t on = info.sectors & q.sectors;
      std::string text = std::to_string(info.count) + " agreement(s) between " + info.label;
      if (on) text += " on " + sector_names(on);
      add("agreements", text, w.agreements * c.agreements);
    }
    if (c.proven > 0) {
      add("proven_partner", "the organization is a party to " + std::to_string(d.agreements_named) +
                                " agreement(s) (proven partner)", w.proven_partner * c.proven);
    }
    if (double f = penalty(c); f < 1) {
      double before = 0;
      for (const auto& why : r.reasons) before += why.weight;
      r.reasons.push_back({"outside_targets",
                           std::string(c.geo_forward == 0 ? "outside the profile's target countries" : "") +
                               (c.geo_forward == 0 && c.geo_back == 0 ? "; " : "") +
                               (c.geo_back == 0 ? "the profile is outside their target countries" : "") +
                               ": score x" + fmt(f),
                           std::round((r.score - before) * 10000) / 10000});
    }
    if (d.deadline != kNoDeadline) r.reasons.push_back({"open", "open for " + std::to_string(d.deadline - q.today) + " more day(s)", 0});
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace pactum::match
