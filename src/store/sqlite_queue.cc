// The document queue on SQLite: see sqlite_queue.h and store.h.
#include "store/sqlite_queue.h"

#include <algorithm>

#include "common/hash.h"

namespace pactum::store::sqlite {

namespace {

constexpr const char* kNow = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

// Why a claim cannot be completed any more, read after the guarded UPDATE
// changed nothing.
Status lost_claim(Db& db, const QueueClaim& c) {
  auto s = db.statement("SELECT state, claimed_by, attempts FROM document_queue WHERE id = :id");
  if (!s.is_ok()) return s.status();
  (*s)->bind_int(":id", c.id);
  auto row = (*s)->step();
  if (!row.is_ok()) return row.status();
  std::string what = "queue row " + std::to_string(c.id) + " (" + c.item.source + ")";
  if (!*row) return Status::not_found(what);
  std::string state = (*s)->column_text(0), by = (*s)->column_text(1);
  std::int64_t attempts = (*s)->column_int(2);
  if (attempts != c.attempt) {
    return Status::conflict(what + ": the lease of claim " + std::to_string(c.attempt) +
                            " expired and worker '" + by + "' claimed it again (claim " +
                            std::to_string(attempts) + ", " + state + ")");
  }
  return Status::conflict(what + " is " + state + " already");
}

// The UPDATE that ends a claim, guarded by the fencing token.
Status end_claim(Db& db, const QueueClaim& c, const char* state, std::int64_t stored, const std::string& error) {
  auto s = db.statement(std::string("UPDATE document_queue SET state = :state, done_at = ") + kNow +
                        ", stored = :stored, error = :error, lease_until = NULL "
                        "WHERE id = :id AND attempts = :attempt AND state = 'claimed'");
  if (!s.is_ok()) return s.status();
  (*s)->bind_text(":state", state);
  if (stored >= 0) {
    (*s)->bind_int(":stored", stored);
  } else {
    (*s)->bind_null(":stored");
  }
  (*s)->bind_text_or_null(":error", error);
  (*s)->bind_int(":id", c.id);
  (*s)->bind_int(":attempt", c.attempt);
  PACTUM_RETURN_IF_ERROR((*s)->run());
  auto changed = db.query_int("SELECT changes()");
  if (!changed.is_ok()) return changed.status();
  if (*changed == 0) return lost_claim(db, c);
  return Status::ok();
}

}  // namespace

Result<std::size_t> queue_enqueue(Db& db, const std::vector<QueueItem>& items) {
  auto tx = Transaction::begin(db, Transaction::Mode::kWrite);
  if (!tx.is_ok()) return tx.status();
  std::size_t queued = 0;
  for (const QueueItem& item : items) {
    if (item.source.empty()) return Status::invalid_argument("a queued source needs a name");
    auto s = db.statement(
        "INSERT INTO document_queue(source, body, body_hash, format, language) "
        "VALUES (:source, :body, :hash, :format, :language) ON CONFLICT(body_hash) DO NOTHING");
    if (!s.is_ok()) return s.status();
    (*s)->bind_text(":source", item.source);
    (*s)->bind_blob(":body", item.body);
    (*s)->bind_text(":hash", sha256_hex(item.body));
    (*s)->bind_text_or_null(":format", item.format);
    (*s)->bind_text_or_null(":language", item.language);
    PACTUM_RETURN_IF_ERROR((*s)->run());
    auto changed = db.query_int("SELECT changes()");
    if (!changed.is_ok()) return changed.status();
    queued += static_cast<std::size_t>(*changed);
  }
  PACTUM_RETURN_IF_ERROR(tx->commit());
  return queued;
}

Result<std::vector<QueueClaim>> queue_claim(Db& db, const std::string& worker, std::size_t limit,
                                            std::int64_t lease_seconds) {
  if (worker.empty()) return Status::invalid_argument("a claim needs a worker id");
  if (lease_seconds <= 0) return Status::invalid_argument("a lease must last at least a second");
  auto tx = Transaction::begin(db, Transaction::Mode::kWrite);
  if (!tx.is_ok()) return tx.status();
  // A row whose workers all died on it is given up instead of killing more.
  {
    auto s = db.statement(std::string("UPDATE document_queue SET state = 'failed', error = 'claimed ") +
                          std::to_string(kMaxQueueAttempts) +
                          " times without being completed (does it crash the worker?)', done_at = " + kNow +
                          " WHERE state = 'claimed' AND lease_until < " + kNow + " AND attempts >= :max");
    if (!s.is_ok()) return s.status();
    (*s)->bind_int(":max", kMaxQueueAttempts);
    PACTUM_RETURN_IF_ERROR((*s)->run());
  }
  std::vector<QueueClaim> out;
  {
    auto s = db.statement(
        std::string("UPDATE document_queue SET state = 'claimed', claimed_by = :worker, attempts = attempts + 1, "
                    "lease_until = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', :lease) WHERE id IN ("
                    "SELECT id FROM document_queue WHERE state = 'queued' OR (state = 'claimed' AND lease_until < ") +
        kNow + ") ORDER BY id LIMIT :limit) RETURNING id, attempts, lease_until, source, body, format, language");
    if (!s.is_ok()) return s.status();
    (*s)->bind_text(":worker", worker);
    (*s)->bind_text(":lease", "+" + std::to_string(lease_seconds) + " seconds");
    (*s)->bind_int(":limit", static_cast<std::int64_t>(limit));
    for (;;) {
      auto row = (*s)->step();
      if (!row.is_ok()) return row.status();
      if (!*row) break;
      QueueClaim c;
      c.id = (*s)->column_int(0);
      c.attempt = (*s)->column_int(1);
      c.lease_until = (*s)->column_text(2);
      c.worker = worker;
      c.item.source = (*s)->column_text(3);
      c.item.body = (*s)->column_blob(4);
      c.item.format = (*s)->column_text(5);
      c.item.language = (*s)->column_text(6);
      out.push_back(std::move(c));
    }
  }
  PACTUM_RETURN_IF_ERROR(tx->commit());
  // RETURNING gives rows in no promised order.
  std::sort(out.begin(), out.end(), [](const QueueClaim& a, const QueueClaim& b) { return a.id < b.id; });
  return out;
}

Status queue_mark_done(Db& db, const QueueClaim& claim, std::size_t stored) {
  return end_claim(db, claim, "done", static_cast<std::int64_t>(stored), "");
}

Status queue_fail(Db& db, const QueueClaim& claim, const std::string& reason) {
  auto tx = Transaction::begin(db, Transaction::Mode::kWrite);
  if (!tx.is_ok()) return tx.status();
  PACTUM_RETURN_IF_ERROR(end_claim(db, claim, "failed", -1, reason.empty() ? "failed" : reason));
  return tx->commit();
}

Result<QueueCounts> queue_counts(Db& db) {
  auto s = db.statement("SELECT state, count(*), coalesce(sum(stored), 0) FROM document_queue GROUP BY state");
  if (!s.is_ok()) return s.status();
  QueueCounts c;
  for (;;) {
    auto row = (*s)->step();
    if (!row.is_ok()) return row.status();
    if (!*row) break;
    std::string state = (*s)->column_text(0);
    std::int64_t n = (*s)->column_int(1);
    if (state == "queued") c.queued = n;
    if (state == "claimed") c.claimed = n;
    if (state == "done") c.done = n;
    c.stored += (*s)->column_int(2);
    if (state == "failed") c.failed = n;
  }
  return c;
}

}  // namespace pactum::store::sqlite
