// Saved searches (pactum watch): which agreements that match a search are
// new or changed since a time, as the change feed of `pactum watch changes`
// (JSON, or Atom that any feed reader follows).
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "common/status.h"
#include "search/search.h"
#include "store/store.h"

namespace pactum::api {

struct WatchChange {
  store::AgreementRecord agreement;
  std::string change;   // "new": every source came after `since`; "changed": some did
  std::string updated;  // when its latest source was ingested
  std::vector<std::int64_t> new_sources;  // its sources ingested after `since`, matching the search
  std::vector<std::string> source_urls;   // of every source: URL, else the path it was read from
};

// The agreements behind the documents that match (query, filter) and were
// ingested after `since` ("" : ever), newest change first. A bad query is
// kInvalidArgument, as for search.
Result<std::vector<WatchChange>> watch_changes(store::Store& store, const search::Searcher& searcher,
                                               const std::string& query, store::SearchFilter filter,
                                               const std::string& since);

// The changes as an Atom 1.0 feed (RFC 4287): one entry per agreement, id
// urn:pactum:agreement:<id>, updated when its latest source came in; links
// to its sources' URLs. `updated` is the feed's own time.
void write_watch_atom(const std::string& watch_name, const std::string& query,
                      const std::vector<WatchChange>& changes, const std::string& updated, std::ostream& out);

}  // namespace pactum::api
