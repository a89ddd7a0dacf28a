// Polling feeds: conditional GET, new items ingested once, backoff (feeds.h).
#include "api/feeds.h"

#include <ctime>

#include "ingest/reader.h"

namespace pactum::api {

std::string format_time(std::chrono::system_clock::time_point t) {
  using namespace std::chrono;
  auto ms = duration_cast<milliseconds>(t.time_since_epoch()).count();
  std::time_t secs = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms % 1000));
  return buf;
}

std::chrono::seconds backoff_delay(int failures, std::chrono::seconds base, std::chrono::seconds max) {
  if (failures <= 0) return std::chrono::seconds(0);
  auto delay = base;
  for (int i = 1; i < failures && delay < max; ++i) delay *= 2;
  return std::min(delay, max);
}

namespace {

// An item's identity within its feed: its link, else its text's hash.
std::string item_key(const ingest::Document& d) { return d.url.empty() ? "sha256:" + d.content_hash : d.url; }

// Records an error: the backoff doubles with each consecutive one.
void fail(FeedPoll& p, const PollOptions& o, std::string message) {
  p.error = std::move(message);
  p.feed.failures += 1;
  p.feed.last_error = p.error;
  p.feed.next_poll_at =
      format_time(o.now + backoff_delay(p.feed.failures, o.backoff_base, o.backoff_max));
}

}  // namespace

Result<std::vector<FeedPoll>> poll_feeds(store::Store& store, const extract::Extractor& extractor,
                                         const PollOptions& options) {
  auto feeds = store.feeds();
  if (!feeds.is_ok()) return feeds.status();
  const std::string now = format_time(options.now);
  std::vector<FeedPoll> out;
  for (store::FeedRecord& feed : *feeds) {
    FeedPoll p;
    p.feed = feed;
    if (!options.force && !feed.next_poll_at.empty() && feed.next_poll_at > now) {
      out.push_back(std::move(p));
      continue;
    }
    p.polled = true;
    p.feed.last_polled_at = now;
    std::vector<std::string> ingested_keys;
    ingest::HttpRequest request;
    request.url = feed.url;
    request.etag = feed.etag;
    request.last_modified = feed.last_modified;
    auto response = options.fetch(request);
    if (!response.is_ok()) {
      p.feed.last_status = "error";
      fail(p, options, response.status().message());
    } else {
      p.http_status = response->status;
      p.feed.last_status = std::to_string(response->status);
      if (response->status == 304) {
        p.feed.failures = 0;
        p.feed.last_error.clear();
        p.feed.next_poll_at = format_time(options.now + std::chrono::seconds(feed.interval_s));
      } else if (response->status < 200 || response->status >= 300) {
        fail(p, options, "HTTP " + std::to_string(response->status));
      } else {
        auto docs = ingest::read_bytes(response->body, feed.url);
        if (docs.is_ok() && !docs->empty() && (*docs)[0].format != ingest::Format::kFeed) {
          docs = Status::invalid_argument(std::string("the URL serves ") + ingest::format_name((*docs)[0].format) +
                                          ", not RSS or Atom");
        }
        if (!docs.is_ok()) {
          fail(p, options, "not a readable feed: " + docs.status().message());
        } else {
          p.items = docs->size();
          std::vector<std::string> keys;
          for (ingest::Document& d : *docs) {
            keys.push_back(item_key(d));
            if (!d.url.empty()) d.source = d.url;  // stable when items shift position
          }
          auto seen = store.feed_items_seen(feed.id, keys);
          if (!seen.is_ok()) return seen.status();
          std::vector<ingest::Document> fresh;
          std::vector<std::string> fresh_keys;
          for (std::size_t i = 0; i < docs->size(); ++i) {
            if ((*seen)[i]) continue;
            fresh.push_back(std::move((*docs)[i]));
            fresh_keys.push_back(keys[i]);
          }
          p.new_items = fresh.size();
          auto summary = ingest_documents(fresh, extractor, store, options.ingest);
          if (!summary.is_ok()) return summary.status();
          p.stored = summary->stored;
          p.failed = summary->failed.size();
          for (std::size_t i = 0; i < fresh.size(); ++i) {
            bool failed = false;
            for (const auto& f : summary->failed) failed = failed || f.source == fresh[i].source;
            if (!failed) ingested_keys.push_back(fresh_keys[i]);
          }
          // Validators only from a 200 whose items are all in: a failed item
          // is fetched again next time rather than hidden behind a 304.
          if (p.failed == 0) {
            p.feed.etag = response->etag;
            p.feed.last_modified = response->last_modified;
          } else {
            p.feed.etag.clear();
            p.feed.last_modified.clear();
          }
          p.feed.failures = 0;
          p.feed.last_error.clear();
          p.feed.next_poll_at = format_time(options.now + std::chrono::seconds(feed.interval_s));
        }
      }
    }
    PACTUM_RETURN_IF_ERROR(store.record_feed_poll(p.feed, ingested_keys));
    p.feed.items += static_cast<std::int64_t>(ingested_keys.size());
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace pactum::api
