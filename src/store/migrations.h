// The SQLite store's schema and its history: an ordered list of migrations,
// each applied once, in its own transaction, recorded in PRAGMA user_version.
#pragma once

#include <cstdint>
#include <span>

#include "common/status.h"
#include "store/sqlite_db.h"

namespace pactum::store::sqlite {

struct Migration {
  int version;              // 1, 2, 3, ... in order; becomes user_version
  const char* description;  // recorded in schema_migrations
  const char* sql;          // one or more statements
};

// Written to the file header (PRAGMA application_id) by the first migration
// so that pactum recognises its own stores. May never change.
inline constexpr std::int32_t kApplicationId = 0x50414354;  // "PACT"

// Every migration this build knows, oldest first.
std::span<const Migration> migrations();

// The schema version this build writes: the last migration's number.
int latest_schema_version();

// Applies, in order, every migration above the database's user_version, each
// in its own write transaction (so a failure leaves the store at the previous
// version, whole). Fails with kFailedPrecondition when the database is at a
// version above the last of `list` (written by a newer pactum).
Status migrate(Db& db, std::span<const Migration> list);

}  // namespace pactum::store::sqlite
