// Copying a whole store into an empty one, of the same engine or another
// (pactum migrate --from sqlite:FILE --to postgresql://...): every table
// row for row with its ids (store/table_copy.h says why tables and not the
// Store interface), in one transaction on the target, verified before it
// commits: per table the row count and a SHA-256 over the canonical rows
// must equal the source's. Derived full-text indexes are rebuilt by the
// target from the copied documents and events.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "common/status.h"
#include "store/store.h"
#include "store/table_copy.h"

namespace pactum::api {

struct TableReport {
  std::string table;
  std::int64_t rows = 0;
  std::string sha256;  // over the rows in the order of all their columns, canonically encoded
};

// Called after each table: (table, rows copied).
using MigrateProgress = std::function<void(const std::string&, std::int64_t)>;

// A target that holds any row is refused (kFailedPrecondition); a table the
// target lacks or with other columns is kFailedPrecondition; a count or
// checksum that differs after loading is kCorruption, and the target is
// left as it was (empty).
Result<std::vector<TableReport>> migrate_store(store::Store& from, store::Store& to,
                                               const MigrateProgress& progress = {});

}  // namespace pactum::api
