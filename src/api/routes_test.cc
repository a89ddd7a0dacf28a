// The route table against the OpenAPI document, the API's error mapping and
// auth, and the evidence segments, without a socket.
#include "api/routes.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "api/views.h"
#include "common/files.h"
#include "common/hash.h"
#include "kb/profile.h"

namespace pactum::api {
namespace {

struct Fixture {
  std::unique_ptr<store::Store> store;
  std::unique_ptr<extract::Extractor> extractor;
  std::unique_ptr<search::Searcher> searcher;
  std::unique_ptr<match::Analyzer> analyzer;
  std::unique_ptr<Api> api;
};

Fixture& fixture() {
  static Fixture* f = [] {
    auto* x = new Fixture;
    x->store = std::move(store::open_sqlite(":memory:")).value();
    x->extractor = std::move(extract::Extractor::create(PACTUM_TEST_DATA_DIR)).value();
    x->searcher = std::move(search::Searcher::create(PACTUM_TEST_DATA_DIR)).value();
    x->analyzer = std::move(match::Analyzer::create(PACTUM_TEST_DATA_DIR)).value();
    x->api = std::make_unique<Api>(*x->store, *x->searcher, *x->extractor, *x->analyzer, kb::ProfileCodes{}, "{}");
    return x;
  }();
  return *f;
}

ApiRequest request(std::string method, std::string path) {
  ApiRequest r;
  r.method = std::move(method);
  r.path = std::move(path);
  return r;
}

nlohmann::json body(const ApiResponse& r) { return nlohmann::json::parse(r.body); }

TEST(Routes, MatchTheOpenApiDocument) {
  auto text = read_file(std::string(PACTUM_TEST_DATA_DIR) + "/api/openapi.json");
  ASSERT_TRUE(text.is_ok());
  auto doc = nlohmann::json::parse(*text);
  std::set<std::pair<std::string, std::string>> documented, routed;
  for (const auto& [path, item] : doc["paths"].items()) {
    for (const auto& [method, op] : item.items()) {
      std::string m = method;
      for (char& c : m) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      documented.insert({m, path});
      // Writes are documented as needing the token, and answer 401 without it.
      bool secured = op.contains("security");
      bool write = false;
      for (const auto& r : Api::routes()) {
        if (r.method == m && r.path == path) write = r.write;
      }
      EXPECT_EQ(secured, write) << m << " " << path;
      // Every documented query parameter is accepted by the route.
      for (const auto& p : op.value("parameters", nlohmann::json::array())) {
        if (p["in"] != "query") continue;
        bool accepted = false;
        for (const auto& r : Api::routes()) {
          if (r.method == m && r.path == path) {
            accepted = std::find(r.query.begin(), r.query.end(), p["name"].get<std::string>()) != r.query.end();
          }
        }
        EXPECT_TRUE(accepted) << m << " " << path << " ?" << p["name"];
      }
    }
  }
  for (const auto& r : Api::routes()) routed.insert({r.method, r.path});
  EXPECT_EQ(documented, routed);
}

// The match form's choices come from the server: the profile languages of
// data/lang/languages.tsv and the profile types, each one that POST
// /api/match accepts.
TEST(Routes, MatchOptionsListWhatAMatchAccepts) {
  auto r = fixture().api->handle(request("GET", "/api/match/options"));
  ASSERT_EQ(r.status, 200) << r.body;
  auto options = body(r);
  std::vector<std::string> languages = options["languages"];
  EXPECT_NE(std::find(languages.begin(), languages.end(), "nb"), languages.end());
  EXPECT_NE(std::find(languages.begin(), languages.end(), "pt"), languages.end());
  EXPECT_EQ(std::find(languages.begin(), languages.end(), "no"), languages.end());
  EXPECT_EQ(options["types"].size(), kb::profile_types().size());
  for (const std::string& lang : languages) {
    auto req = request("POST", "/api/match");
    req.body = nlohmann::json{{"text", "hydrogen"}, {"language", lang}}.dump();
    EXPECT_EQ(fixture().api->handle(req).status, 200) << lang;
  }
}

TEST(Routes, UnknownPathIs404AndWrongMethod405) {
  auto r = fixture().api->handle(request("GET", "/api/nothing-here"));
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(body(r)["error"]["code"], "not_found");
  EXPECT_EQ(fixture().api->handle(request("POST", "/api/agreements")).status, 405);
}

TEST(Routes, WritesNeedAKnownToken) {
  auto req = request("POST", "/api/curation/actors/merge");
  req.body = R"({"keep": "a", "absorb": "b", "author": "x"})";
  auto r = fixture().api->handle(req);
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(body(r)["error"]["code"], "unauthenticated");
  req.bearer = "wrong";
  EXPECT_EQ(fixture().api->handle(req).status, 401);
  auto token = create_token(*fixture().store, "test");
  ASSERT_TRUE(token.is_ok());
  EXPECT_EQ(token->size(), 64u);
  // Only the hash is stored.
  EXPECT_TRUE(fixture().store->api_token(sha256_hex(*token))->has_value());
  EXPECT_FALSE(fixture().store->api_token(*token)->has_value());
  req.bearer = *token;
  auto merged = fixture().api->handle(req);
  EXPECT_EQ(merged.status, 404) << merged.body;  // authorised; the actors do not exist
}

TEST(Routes, MalformedJsonIs400WithAMessage) {
  auto token = create_token(*fixture().store, "json");
  ASSERT_TRUE(token.is_ok());
  auto req = request("POST", "/api/curation/events/1");
  req.bearer = *token;
  req.body = "{\"author\": ";
  auto r = fixture().api->handle(req);
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(body(r)["error"]["message"].get<std::string>().find("malformed JSON"), std::string::npos);
}

TEST(Routes, BadParametersAre400) {
  auto req = request("GET", "/api/agreements");
  req.query.insert({"limit", "many"});
  EXPECT_EQ(fixture().api->handle(req).status, 400);
  auto unknown = request("GET", "/api/agreements");
  unknown.query.insert({"colour", "green"});
  auto r = fixture().api->handle(unknown);
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("colour"), std::string::npos);
  auto year = request("GET", "/api/search");
  year.query.insert({"q", "hydrogen"});
  year.query.insert({"year", "20x4"});
  EXPECT_EQ(fixture().api->handle(year).status, 400);
  EXPECT_EQ(fixture().api->handle(request("GET", "/api/agreements/abc")).status, 400);
  EXPECT_EQ(fixture().api->handle(request("GET", "/api/agreements/12345")).status, 404);
}

TEST(Http, StatusCodesMapToHttp) {
  EXPECT_EQ(http_status(StatusCode::kInvalidArgument), 400);
  EXPECT_EQ(http_status(StatusCode::kNotFound), 404);
  EXPECT_EQ(http_status(StatusCode::kAlreadyExists), 409);
  EXPECT_EQ(http_status(StatusCode::kResourceExhausted), 413);
  EXPECT_EQ(http_status(StatusCode::kIoError), 500);
  auto r = ApiResponse::error(Status::not_found("actor 'X'"));
  EXPECT_EQ(body(r), nlohmann::json::parse(R"({"error": {"code": "not_found", "message": "actor 'X'"}})"));
}

TEST(Segments, MarkEvidenceInPlace) {
  std::string text = "Intro. Norway and Japan signed. End.";
  auto s = segments_json(text, {{7, 31, 5}});
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0]["text"], "Intro. ");
  EXPECT_TRUE(s[0]["event"].is_null());
  EXPECT_EQ(s[1]["text"], "Norway and Japan signed.");
  EXPECT_EQ(s[1]["event"], 5);
  EXPECT_EQ(s[2]["text"], " End.");
  std::string joined;
  for (const auto& x : s) joined += x["text"].get<std::string>();
  EXPECT_EQ(joined, text);
}

TEST(Segments, DropOverlapsOutOfRangeAndSplitCharacters) {
  std::string text = "水素の覚書。End";  // 3-byte characters
  // overlapping, out of range, and one cutting a character in half
  auto s = segments_json(text, {{0, 6, 1}, {3, 9, 2}, {0, 100, 3}, {1, 6, 4}});
  std::string joined;
  int marked = 0;
  for (const auto& x : s) {
    joined += x["text"].get<std::string>();
    marked += !x["event"].is_null();
  }
  EXPECT_EQ(joined, text);
  EXPECT_EQ(marked, 1);
  EXPECT_EQ(s[0]["text"], "水素");
}

}  // namespace
}  // namespace pactum::api

namespace pactum::api {
namespace {

TEST(Routes, WrongTokensFromOneAddressAre429ThenEvenTheRightOne) {
  auto token = create_token(*fixture().store, "limit");
  ASSERT_TRUE(token.is_ok());
  auto req = request("POST", "/api/curation/actors/merge");
  req.body = R"({"keep": "a", "absorb": "b", "author": "x"})";
  req.remote = "192.0.2.7";
  req.bearer = "guess";
  for (int i = 0; i < 10; ++i) EXPECT_EQ(fixture().api->handle(req).status, 401) << i;
  auto blocked = fixture().api->handle(req);
  EXPECT_EQ(blocked.status, 429);
  EXPECT_EQ(body(blocked)["error"]["code"], "too_many_requests");
  EXPECT_EQ(blocked.headers["Retry-After"], "60");
  req.bearer = *token;
  EXPECT_EQ(fixture().api->handle(req).status, 429) << "a right guess after the limit is not let through";
  req.remote = "192.0.2.8";
  EXPECT_EQ(fixture().api->handle(req).status, 404) << "another address is served";
  // Reads are open and never limited.
  auto read = request("GET", "/api/health");
  read.remote = "192.0.2.7";
  EXPECT_EQ(fixture().api->handle(read).status, 200);
}

}  // namespace
}  // namespace pactum::api
