// The one parser of filter parameters for the REST API and the CLI (api/filters.h).
#include "api/filters.h"

#include <initializer_list>
#include <utility>

#include "search/search.h"

namespace pactum::api {

namespace {

// Each named parameter into its member of *f.
template <class F>
void take(const FilterParams& p, F* f,
          std::initializer_list<std::pair<const char*, std::optional<std::string> F::*>> fields) {
  for (const auto& [name, member] : fields) f->*member = p.value(name);
}

// "year" as since = until, exclusive with since/until; YYYY only.
Status apply_year(const FilterParams& p, std::optional<std::string>* since, std::optional<std::string>* until) {
  *since = p.value("since");
  *until = p.value("until");
  auto year = p.value("year");
  if (!year) return Status::ok();
  const std::string& x = p.prefix;
  if (*since || *until) return Status::invalid_argument(x + "year excludes " + x + "since and " + x + "until");
  if (year->size() != 4 || year->find_first_not_of("0123456789") != std::string::npos) {
    return Status::invalid_argument(x + "year: expected YYYY, got '" + *year + "'");
  }
  *since = *until = year;
  return Status::ok();
}

Result<std::optional<int>> year_param(const FilterParams& p, const std::string& name) {
  auto v = p.value(name);
  if (!v) return std::optional<int>();
  auto y = analytics::year_of(*v);
  if (!y || v->size() != 4) {
    return Status::invalid_argument(p.prefix + name + ": expected a year YYYY, got '" + *v + "'");
  }
  return std::optional<int>(*y);
}

}  // namespace

std::optional<std::string> FilterParams::value(const std::string& name) const {
  auto v = get ? get(name) : std::nullopt;
  if (!v || v->empty()) return std::nullopt;
  return v;
}

Result<store::EventFilter> event_filter(const FilterParams& p) {
  using F = store::EventFilter;
  F f;
  take(p, &f, {{"party", &F::party}, {"sector", &F::sector}, {"instrument", &F::instrument}, {"stage", &F::stage},
               {"since", &F::since}, {"until", &F::until}, {"language", &F::language}});
  return f;
}

Result<store::AgreementFilter> agreement_filter(const FilterParams& p) {
  using F = store::AgreementFilter;
  F f;
  take(p, &f, {{"party", &F::party}, {"country", &F::country}, {"region", &F::region}, {"sector", &F::sector},
               {"instrument", &F::instrument}, {"stage", &F::stage}, {"language", &F::language}});
  PACTUM_RETURN_IF_ERROR(apply_year(p, &f.since, &f.until));
  return f;
}

Result<store::SearchFilter> search_filter(const FilterParams& p) {
  using F = store::SearchFilter;
  F f;
  take(p, &f, {{"country", &F::country}, {"region", &F::region}, {"sector", &F::sector},
               {"instrument", &F::instrument}, {"stage", &F::stage}, {"language", &F::language}});
  PACTUM_RETURN_IF_ERROR(apply_year(p, &f.since, &f.until));
  PACTUM_RETURN_IF_ERROR(search::check_filter(f));
  return f;
}

Result<analytics::NetworkFilter> network_filter(const FilterParams& p) {
  using F = analytics::NetworkFilter;
  F f;
  take(p, &f, {{"sector", &F::sector}, {"kind", &F::kind}});
  auto since = year_param(p, "since");
  if (!since.is_ok()) return since.status();
  auto until = year_param(p, "until");
  if (!until.is_ok()) return until.status();
  f.since_year = *since;
  f.until_year = *until;
  return f;
}

}  // namespace pactum::api
