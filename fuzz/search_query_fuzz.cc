// Fuzz target: search query parsing (search/search.h): a query as an
// analyst types it, expanded across languages into the store's TextQuery
// and run on an empty store (the SQL and FTS5 query it becomes).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>

#include "fuzz_util.h"
#include "search/search.h"
#include "store/store.h"

namespace {

// An empty store in memory: the expanded query still goes through the
// store's query building and SQLite's FTS5 MATCH parser.
pactum::store::Store& store() {
  static auto* opened = [] {
    auto r = pactum::store::open_sqlite(":memory:");
    if (!r.is_ok()) std::abort();
    return std::move(r).value().release();
  }();
  return *opened;
}

const pactum::search::Searcher& searcher() {
  static auto* loaded = [] {
    auto r = pactum::search::Searcher::create(pactum::fuzz::data_dir());
    if (!r.is_ok()) std::abort();
    return std::move(r).value().release();
  }();
  return *loaded;
}

}  // namespace

// The data loads once, before the first input: under ASan on a loaded
// machine it takes longer than libFuzzer's per-input timeout.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)searcher();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view query = pactum::fuzz::as_view(data, size);
  auto q = searcher().expand(query);
  if (!q.is_ok()) return 0;
  if (q->all_of.size() > pactum::search::kMaxTerms) std::abort();  // the documented bound
  pactum::store::SearchFilter filter;
  filter.facets = true;
  (void)searcher().run(store(), query, filter);
  return 0;
}
