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
  std::string change;   // "new": every source came after `since`; "changed": some did, or it was curated
  std::string updated;  // when its latest source was ingested or its latest curation made
  std::vector<std::int64_t> new_sources;  // its sources ingested after `since`, matching the search
  std::vector<std::int64_t> curations;    // curation log entries after `since` on its matching events
  std::vector<std::string> source_urls;   // of every source: URL, else the path it was read from
};

// The agreements behind the documents that match (query, filter) and were
// ingested after `since` ("" : ever), or whose events in matching documents
// an analyst curated after `since` (confirmed, rejected, corrected: a
// "changed" agreement, with the log entries in `curations`), newest change
// first. A bad query is kInvalidArgument, as for search. The matching
// documents are the search's candidates (store.h, kSearchCandidates: the
// newest 1,000 matches), which are the ones a change feed asks about.
Result<std::vector<WatchChange>> watch_changes(store::Store& store, const search::Searcher& searcher,
                                               const std::string& query, store::SearchFilter filter,
                                               const std::string& since);

// The changes as an Atom 1.0 feed (RFC 4287): one entry per agreement, id
// urn:pactum:agreement:<id>, updated when its latest source came in; links
// to its sources' URLs. `updated` is the feed's own time.
void write_watch_atom(const std::string& watch_name, const std::string& query,
                      const std::vector<WatchChange>& changes, const std::string& updated, std::ostream& out);

}  // namespace pactum::api
