// Fuzz target: the REST API's request bodies and parameters, through the
// route table (api/routes.h) without a socket. Input: a first line
// "METHOD /api/path?query" (the path decoded, the query "k=v&k=v"), then the
// body. Writes carry a valid token, so their handlers run. The store is in
// memory and lives for the whole run, as a server's would.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "api/routes.h"
#include "fuzz_util.h"

namespace {

struct Services {
  std::unique_ptr<pactum::store::Store> store;
  std::unique_ptr<pactum::extract::Extractor> extractor;
  std::unique_ptr<pactum::search::Searcher> searcher;
  std::unique_ptr<pactum::match::Analyzer> analyzer;
  std::unique_ptr<pactum::api::Api> api;
  std::string token;
};

template <typename T>
T must(pactum::Result<T> r) {
  if (!r.is_ok()) std::abort();
  return std::move(r).value();
}

Services& services() {
  static Services* s = [] {
    using namespace pactum;
    auto* x = new Services;
    x->store = must(store::open_sqlite(":memory:"));
    x->extractor = must(extract::Extractor::create(fuzz::data_dir()));
    x->searcher = must(search::Searcher::create(fuzz::data_dir()));
    x->analyzer = must(match::Analyzer::create(fuzz::data_dir()));
    x->api = std::make_unique<api::Api>(*x->store, *x->searcher, *x->extractor, *x->analyzer,
                                        kb::ProfileCodes{}, "{}");
    x->token = must(api::create_token(*x->store, "fuzz"));
    return x;
  }();
  return *s;
}

}  // namespace

// The data loads once, before the first input: under ASan on a loaded
// machine it takes longer than libFuzzer's per-input timeout.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)services();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace pactum;
  auto [header, body] = fuzz::split_header(fuzz::as_view(data, size));
  api::ApiRequest r;
  auto sp = header.find(' ');
  if (sp == std::string_view::npos) return 0;
  r.method = std::string(header.substr(0, sp));
  std::string_view target = header.substr(sp + 1);
  auto q = target.find('?');
  r.path = std::string(target.substr(0, q));
  if (q != std::string_view::npos) {
    std::string_view query = target.substr(q + 1);
    while (!query.empty()) {
      auto amp = query.find('&');
      std::string_view kv = query.substr(0, amp);
      auto eq = kv.find('=');
      r.query.emplace(std::string(kv.substr(0, eq)),
                      eq == std::string_view::npos ? std::string() : std::string(kv.substr(eq + 1)));
      if (amp == std::string_view::npos) break;
      query.remove_prefix(amp + 1);
    }
  }
  r.body = std::string(body);
  r.content_type = "application/json";
  r.bearer = services().token;
  api::ApiResponse response = services().api->handle(std::move(r));
  // A bug in a handler shows as a 500 (handle() catches it): that is a
  // finding too, as an input must never break the server.
  if (response.status >= 500) std::abort();
  return 0;
}
