// Named filter parameters (the REST API's query parameters, the CLI verbs'
// flags) turned into the store's and the analytics' filters: one parser, so
// that both surfaces take the same names and reject the same values with the
// same messages.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "analytics/network.h"
#include "common/status.h"
#include "store/store.h"

namespace pactum::api {

// Where the values come from, and how messages name a parameter.
struct FilterParams {
  // The value of the parameter `name`; nullopt when absent. An empty value
  // filters nothing, as if absent.
  std::function<std::optional<std::string>(const std::string& name)> get;
  // Put before a name in messages: "" for the API (year), "--" for the CLI (--year).
  std::string prefix;

  // get(name), with "" as nullopt.
  std::optional<std::string> value(const std::string& name) const;
};

// party, sector, instrument, stage, since, until, language. The store checks
// the values (store.h: EventFilter). limit stays 0: each surface has its own.
Result<store::EventFilter> event_filter(const FilterParams& p);

// party, country, region, sector, instrument, stage, year, since, until,
// language. "year" is since = until, YYYY only, and excludes since and until.
Result<store::AgreementFilter> agreement_filter(const FilterParams& p);

// country, region, sector, instrument, stage, year, since, until, language,
// year as for agreements; a facet value outside its vocabulary is
// kInvalidArgument (search::check_filter). limit and facets stay as default.
Result<store::SearchFilter> search_filter(const FilterParams& p);

// sector, kind, and since and until as years YYYY.
Result<analytics::NetworkFilter> network_filter(const FilterParams& p);

}  // namespace pactum::api
