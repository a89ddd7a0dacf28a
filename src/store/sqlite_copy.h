// TableCopy on SQLite (table_copy.h), over the store's connection.
#pragma once

#include <functional>
#include <memory>
#include <mutex>

#include "store/sqlite_db.h"
#include "store/table_copy.h"

namespace pactum::store::sqlite {

// Holds `mu` for its life; reindex runs inside the load transaction (the
// store fills its full-text index from the loaded documents and events).
std::unique_ptr<TableCopy> make_table_copy(Db& db, std::mutex& mu, std::function<Status()> reindex);

}  // namespace pactum::store::sqlite
