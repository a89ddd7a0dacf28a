// The PostgreSQL store's schema and its history: numbered migrations of its
// own (not SQLite's numbers), each applied once in a transaction that holds
// an advisory lock, so that two processes opening a fresh database at once
// do not both create it.
#pragma once

#include <span>

#include "common/status.h"
#include "store/pg_db.h"

namespace pactum::store::pg {

struct Migration {
  int version;              // 1, 2, 3, ... in order; recorded in schema_migrations
  const char* description;
  const char* sql;          // one or more statements
};

// Every migration this build knows, oldest first.
std::span<const Migration> migrations();

// The schema version this build writes.
int latest_schema_version();

// The version of the schema in the connection's current schema (search_path);
// 0 for a database without pactum's tables.
Result<int> current_version(Db& db);

// Applies every migration above the current version, each in its own
// transaction under an advisory lock on the schema. kFailedPrecondition for
// a schema written by a newer pactum, or a database holding tables of
// another application.
Status migrate(Db& db);

}  // namespace pactum::store::pg
