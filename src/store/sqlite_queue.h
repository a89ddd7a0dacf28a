// The document queue on SQLite (store.h, "the document queue"): the SQL of
// enqueue, claim, complete and fail on one connection, called by
// SqliteStore with its lock held. SQLite has one writer at a time, so a
// claim (BEGIN IMMEDIATE, pick, update) is atomic across processes without
// row locks; PostgreSQL's version uses FOR UPDATE SKIP LOCKED instead.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/status.h"
#include "store/sqlite_db.h"
#include "store/store.h"

namespace pactum::store::sqlite {

// Each opens and commits its own write transaction.
Result<std::size_t> queue_enqueue(Db& db, const std::vector<QueueItem>& items);
Result<std::vector<QueueClaim>> queue_claim(Db& db, const std::string& worker, std::size_t limit,
                                            std::int64_t lease_seconds);
Status queue_fail(Db& db, const QueueClaim& claim, const std::string& reason);
Result<QueueCounts> queue_counts(Db& db);

// Inside the caller's write transaction: marks the claimed row done with the
// number of documents stored; kConflict (and nothing changed) when the row
// is no longer held by this claim.
Status queue_mark_done(Db& db, const QueueClaim& claim, std::size_t stored);

}  // namespace pactum::store::sqlite
