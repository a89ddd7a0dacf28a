// Upkeep of a store's search index after bulk writes (`pactum optimize`).
#pragma once

#include "common/status.h"
#include "store/store.h"

namespace pactum::store {

// Compacts the search index for reading after a bulk ingest: an SQLite
// store merges its FTS5 index into one segment ('optimize'), so that each
// query term is looked up once instead of once per segment. Same answers
// before and after; it holds the write lock while it runs, and is quick on
// an index already compacted. Any other store (PostgreSQL, whose GIN index
// needs nothing of the kind, or a primary/replica pair) is left as it is.
Status optimize_search_index(Store& store);

}  // namespace pactum::store
