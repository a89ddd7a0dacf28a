// The REST API: one route table (routes.cc) mapping METHOD /path/{param} to a
// thin handler that validates its input, calls one domain method (store,
// search, analytics, ingest service) and shapes the response. The table's
// paths are those of the OpenAPI document (data/api/openapi.json); a test
// keeps the two in step.
//
// Reads are open; a write route needs "Authorization: Bearer TOKEN" with a
// token made by `pactum token create` (only its SHA-256 is stored).
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "api/auth_limiter.h"
#include "api/http.h"
#include "extract/extractor.h"
#include "kb/profile.h"
#include "match/analyzer.h"
#include "match/matcher.h"
#include "search/search.h"
#include "store/store.h"

namespace pactum::api {

// What a route is, for the server, the tests and the OpenAPI check.
struct RouteInfo {
  std::string method;  // GET | POST
  std::string path;    // "/api/agreements/{id}"
  bool write = false;  // needs a token
  std::vector<std::string> query;  // accepted query parameters; any other is a 400
};

// Limits of the API, beside the server's body limit.
constexpr std::size_t kMaxListLimit = 1000;

class Api {
 public:
  // The services must outlive the Api; each is used from many threads.
  // `codes` check the countries and regions of profiles written through
  // the API; `openapi` is the document served at /api/openapi.json.
  Api(store::Store& store, const search::Searcher& searcher, const extract::Extractor& extractor,
      const match::Analyzer& analyzer, kb::ProfileCodes codes, std::string openapi);

  // Routes, authenticates and runs a request. Never throws: a bug becomes a
  // 500 with a JSON error. Unknown paths are 404, a known path with another
  // method 405. A client address with too many wrong tokens gets 429 on
  // writes for a while (AuthLimiter), whatever token it sends.
  ApiResponse handle(ApiRequest request) const;

  static const std::vector<RouteInfo>& routes();

 private:
  store::Store& store_;
  const search::Searcher& searcher_;
  const extract::Extractor& extractor_;
  const match::Analyzer& analyzer_;
  kb::ProfileCodes codes_;
  std::string openapi_;

  // The partner index, built from the store on first use and again after
  // a write through the API (profiles, ingest and curation change what it
  // holds). Writes made by another process show after the next API write.
  // A write only bumps the generation, never waits for a build; a match
  // gets an index built after every write that finished before it asked,
  // and one build runs at a time (under load, writes had queued behind
  // rebuilds and every match had rebuilt the index).
  Result<std::shared_ptr<const match::Matcher>> matcher() const;
  void matcher_changed() const;
  mutable std::mutex matcher_mu_;   // guards matcher_, matcher_generation_
  mutable std::mutex matcher_build_mu_;
  mutable std::shared_ptr<const match::Matcher> matcher_;
  mutable std::uint64_t matcher_generation_ = 0;  // generation_ when matcher_'s build began
  mutable std::atomic<std::uint64_t> generation_{1};
  mutable AuthLimiter auth_limiter_{AuthLimiter::Options{}};

  friend struct Handlers;
};

// Makes a new API token: 32 random bytes as 64 hex digits (the caller shows
// it once); stores its SHA-256 under `name`.
Result<std::string> create_token(store::Store& store, const std::string& name);

}  // namespace pactum::api
