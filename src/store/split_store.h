// A Store over two connections: reads from a replica, writes (and the
// reads that must see them at once) to the primary. `pactum serve --db
// PRIMARY --read-db REPLICA` serves the API from it, so M API servers spread
// their reads over streaming replicas while every write lands on the one
// primary. A replica lags by its replay delay: a search may miss a document
// stored a moment ago; curation (with its version check), tokens, the queue
// and everything inside a write go to the primary, where they are exact.
#pragma once

#include <memory>

#include "store/store.h"

namespace pactum::store {

std::unique_ptr<Store> split_store(std::unique_ptr<Store> primary, std::unique_ptr<Store> replica);

}  // namespace pactum::store
