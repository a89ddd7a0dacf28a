// Following press offices' RSS/Atom feeds: the use case behind `pactum feeds
// poll`. Each due feed is fetched with a conditional GET (If-None-Match /
// If-Modified-Since from its last 200); a 304 ingests nothing; a 200's items
// that the feed has not given before go through ingest_documents(), each
// once; an error (network, HTTP >= 400, a body that is no feed) backs the
// feed off exponentially. All state lives in the store.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "api/ingest_service.h"
#include "common/status.h"
#include "extract/extractor.h"
#include "ingest/http.h"
#include "store/store.h"

namespace pactum::api {

using Fetch = std::function<Result<ingest::HttpResponse>(const ingest::HttpRequest&)>;

struct PollOptions {
  bool force = false;  // poll every feed, due or not (backoff included)
  // Backoff after the n-th consecutive error: base * 2^(n-1), at most max.
  std::chrono::seconds backoff_base{60};
  std::chrono::seconds backoff_max{std::chrono::hours(24)};
  std::chrono::system_clock::time_point now = std::chrono::system_clock::now();
  Fetch fetch = ingest::http_get;  // tests pass their own
  IngestOptions ingest;
};

struct FeedPoll {
  store::FeedRecord feed;  // as recorded after the poll
  bool polled = false;     // false: not due (feed.next_poll_at is in the future)
  int http_status = 0;     // 0 when the request failed before a response
  std::size_t items = 0;   // items in the feed (200 only)
  std::size_t new_items = 0;   // not given by this feed before
  std::size_t stored = 0;      // of those, newly stored documents (others: copies of stored ones)
  std::size_t failed = 0;      // items that could not be extracted or stored (retried next poll)
  std::string error;           // "" unless the poll failed
};

// Polls every feed of the store (or only the due ones) in id order. A feed's
// failure is recorded in it and reported in its FeedPoll; only a failing
// store fails the call.
Result<std::vector<FeedPoll>> poll_feeds(store::Store& store, const extract::Extractor& extractor,
                                         const PollOptions& options = {});

// UTC "YYYY-MM-DDTHH:MM:SS.sssZ" (the store's time format).
std::string format_time(std::chrono::system_clock::time_point t);

// The delay before retrying after `failures` consecutive errors.
std::chrono::seconds backoff_delay(int failures, std::chrono::seconds base, std::chrono::seconds max);

}  // namespace pactum::api
