// Feed polling with a fake fetch: conditional requests carry the validators,
// a 304 ingests nothing, new items go in once, errors back off and double.
#include "api/feeds.h"

#include <gtest/gtest.h>

#include "common/files.h"

namespace pactum::api {
namespace {

const extract::Extractor& feed_extractor() {
  static const auto* e = [] {
    auto r = extract::Extractor::create(PACTUM_TEST_DATA_DIR);
    EXPECT_TRUE(r.is_ok()) << r.status().to_string();
    return r->release();
  }();
  return *e;
}

std::string rss(const std::vector<std::pair<std::string, std::string>>& items) {
  std::string out = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>";
  for (const auto& [link, text] : items) {
    out += "<item><title>" + text.substr(0, 40) + "</title><link>" + link + "</link><description>" + text +
           "</description></item>";
  }
  return out + "</channel></rss>";
}

TEST(Backoff, DoublesUpToTheCap) {
  using std::chrono::seconds;
  EXPECT_EQ(backoff_delay(0, seconds(60), seconds(3600)), seconds(0));
  EXPECT_EQ(backoff_delay(1, seconds(60), seconds(3600)), seconds(60));
  EXPECT_EQ(backoff_delay(2, seconds(60), seconds(3600)), seconds(120));
  EXPECT_EQ(backoff_delay(4, seconds(60), seconds(3600)), seconds(480));
  EXPECT_EQ(backoff_delay(40, seconds(60), seconds(3600)), seconds(3600));
}

TEST(FormatTime, IsTheStoresFormat) {
  std::chrono::system_clock::time_point t{std::chrono::milliseconds(1700000000123)};
  EXPECT_EQ(format_time(t), "2023-11-14T22:13:20.123Z");
}

TEST(PollFeeds, ConditionalRequestsNewItemsOnceAndBackoff) {
  auto store = store::open_sqlite(":memory:");
  ASSERT_TRUE(store.is_ok());
  ASSERT_TRUE((*store)->add_feed("http://127.0.0.1:1/feed", "f", 0).is_ok());
  const std::string a = "Norway and Japan signed a memorandum of understanding on hydrogen in Oslo on 3 May 2021.";
  const std::string b = "Germany and Denmark signed a joint declaration on offshore wind in Berlin on 4 June 2022.";
  std::string body = rss({{"https://x.example/a", a}});
  std::vector<ingest::HttpRequest> seen;
  int status = 200;
  PollOptions o;
  o.now = std::chrono::system_clock::time_point{std::chrono::hours(24 * 365 * 55)};
  o.fetch = [&](const ingest::HttpRequest& r) -> Result<ingest::HttpResponse> {
    seen.push_back(r);
    if (status < 0) return Status::io_error("connection refused");
    ingest::HttpResponse resp;
    resp.etag = "\"" + std::to_string(body.size()) + "\"";
    resp.last_modified = "Mon, 01 Jan 2024 00:00:00 GMT";
    resp.status = status == 200 && r.etag == resp.etag ? 304 : status;
    if (resp.status == 200) resp.body = body;
    return resp;
  };
  auto p1 = poll_feeds(**store, feed_extractor(), o);
  ASSERT_TRUE(p1.is_ok()) << p1.status().to_string();
  EXPECT_EQ((*p1)[0].new_items, 1u);
  EXPECT_EQ((*p1)[0].stored, 1u);
  EXPECT_TRUE(seen[0].etag.empty());

  auto p2 = poll_feeds(**store, feed_extractor(), o);
  ASSERT_TRUE(p2.is_ok());
  EXPECT_EQ(seen[1].etag, "\"" + std::to_string(body.size()) + "\"");  // If-None-Match sent back
  EXPECT_EQ(seen[1].last_modified, "Mon, 01 Jan 2024 00:00:00 GMT");
  EXPECT_EQ((*p2)[0].http_status, 304);
  EXPECT_EQ((*p2)[0].new_items, 0u);

  body = rss({{"https://x.example/b", b}, {"https://x.example/a", a}});
  auto p3 = poll_feeds(**store, feed_extractor(), o);
  ASSERT_TRUE(p3.is_ok());
  EXPECT_EQ((*p3)[0].items, 2u);
  EXPECT_EQ((*p3)[0].new_items, 1u);
  EXPECT_EQ(*(*store)->document_count(), 2);

  status = 500;
  auto p4 = poll_feeds(**store, feed_extractor(), o);
  ASSERT_TRUE(p4.is_ok());
  EXPECT_EQ((*p4)[0].feed.failures, 1);
  EXPECT_EQ((*p4)[0].feed.next_poll_at, format_time(o.now + std::chrono::seconds(60)));
  auto p5 = poll_feeds(**store, feed_extractor(), o);  // backing off: not fetched
  ASSERT_TRUE(p5.is_ok());
  EXPECT_FALSE((*p5)[0].polled);
  EXPECT_EQ(seen.size(), 4u);
  status = -1;
  o.now += std::chrono::seconds(61);
  auto p6 = poll_feeds(**store, feed_extractor(), o);
  ASSERT_TRUE(p6.is_ok());
  EXPECT_EQ((*p6)[0].feed.failures, 2);
  EXPECT_EQ((*p6)[0].feed.next_poll_at, format_time(o.now + std::chrono::seconds(120)));
  EXPECT_EQ((*p6)[0].error, "connection refused");
  auto feeds = (*store)->feeds();
  ASSERT_TRUE(feeds.is_ok());
  EXPECT_EQ((*feeds)[0].items, 2);
  EXPECT_EQ((*feeds)[0].failures, 2);
}

TEST(PollFeeds, APageThatIsNoFeedIsAnError) {
  auto store = store::open_sqlite(":memory:");
  ASSERT_TRUE(store.is_ok());
  ASSERT_TRUE((*store)->add_feed("http://127.0.0.1:1/news", "f", 0).is_ok());
  PollOptions o;
  o.fetch = [](const ingest::HttpRequest&) -> Result<ingest::HttpResponse> {
    ingest::HttpResponse r;
    r.status = 200;
    r.body = "<html><body><article><h1>News</h1><p>Norway and Japan signed a memorandum.</p></article></body></html>";
    return r;
  };
  auto p = poll_feeds(**store, feed_extractor(), o);
  ASSERT_TRUE(p.is_ok()) << p.status().to_string();
  EXPECT_NE((*p)[0].error.find("not RSS or Atom"), std::string::npos) << (*p)[0].error;
  EXPECT_EQ((*p)[0].feed.failures, 1);
  EXPECT_EQ(*(*store)->document_count(), 0);
}

TEST(HttpGet, RefusesWhatIsNotHttp) {
  ingest::HttpRequest request;
  request.url = "file:///etc/passwd";
  auto r = ingest::http_get(request);
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace pactum::api
