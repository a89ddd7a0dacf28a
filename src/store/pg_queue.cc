// The document queue on PostgreSQL (store.h, "the document queue"; the
// table is pg_migrations.cc's migration 3). Many worker processes claim at
// once, so a claim takes its rows FOR UPDATE SKIP LOCKED: two claims never
// wait for each other nor take the same row, and a row whose lease ran out
// is claimed again (attempts + 1, the fencing token). Completing a claim
// writes the documents and marks the row done in one transaction; the guard
// on (attempts, state) makes a worker whose lease was taken over write
// nothing (kConflict). The SQLite twin is sqlite_queue.cc.
#include <algorithm>
#include <chrono>
#include <random>
#include <thread>

#include "common/hash.h"
#include "store/pg_store.h"

namespace pactum::store {

using pg::p;
using pg::p_or_null;
using pg::Param;
using pg::Transaction;

namespace {

// A deadlock or serialization failure between concurrent writers (two
// workers upserting the same actors in another order) is retried this often
// before it is reported.
constexpr int kWriteAttempts = 5;

bool is_transient(const Status& st, const pg::Db& db) {
  return st.code() == StatusCode::kIoError && db.last_sqlstate().rfind("40", 0) == 0;
}

// A short random pause, so that the two sides of a deadlock do not meet again.
void back_off(int attempt) {
  thread_local std::minstd_rand rng{std::random_device{}()};
  std::uniform_int_distribution<int> ms(5, 20 * attempt);
  std::this_thread::sleep_for(std::chrono::milliseconds(ms(rng)));
}

// Why a claim cannot be completed any more, read after the guarded UPDATE
// changed nothing.
Status lost_claim(pg::Db& db, const QueueClaim& c) {
  auto r = db.query("SELECT state, claimed_by, attempts FROM document_queue WHERE id = $1", {p(c.id)});
  if (!r.is_ok()) return r.status();
  std::string what = "queue row " + std::to_string(c.id) + " (" + c.item.source + ")";
  if (r->empty()) return Status::not_found(what);
  std::string state = r->text(0, 0), by = r->text(0, 1);
  std::int64_t attempts = r->integer(0, 2);
  if (attempts != c.attempt) {
    return Status::conflict(what + ": the lease of claim " + std::to_string(c.attempt) + " expired and worker '" +
                            by + "' claimed it again (claim " + std::to_string(attempts) + ", " + state + ")");
  }
  return Status::conflict(what + " is " + state + " already");
}

// The UPDATE that ends a claim, guarded by the fencing token; inside the
// caller's transaction. A concurrent claim of the same row holds its lock
// until it commits; the guard is then checked against the new attempts.
Status end_claim(pg::Db& db, const QueueClaim& c, const char* state, std::int64_t stored, const std::string& error) {
  auto r = db.query(
      "UPDATE document_queue SET state = $1, done_at = pactum_now(), stored = $2, error = $3, lease_until = NULL "
      "WHERE id = $4 AND attempts = $5 AND state = 'claimed'",
      {p(state), stored >= 0 ? p(stored) : Param(), p_or_null(error), p(c.id), p(c.attempt)});
  if (!r.is_ok()) return r.status();
  if (r->affected() == 0) return lost_claim(db, c);
  return Status::ok();
}

}  // namespace

Result<std::size_t> PgStore::enqueue(const std::vector<QueueItem>& items) {
  std::lock_guard lock(mu_);
  auto tx = Transaction::begin(db_, Transaction::Mode::kWrite);
  if (!tx.is_ok()) return tx.status();
  std::size_t queued = 0;
  for (const QueueItem& item : items) {
    if (item.source.empty()) return Status::invalid_argument("a queued source needs a name");
    auto r = db_.query(
        "INSERT INTO document_queue(source, body, body_hash, format, language) VALUES ($1, $2, $3, $4, $5) "
        "ON CONFLICT (body_hash) DO NOTHING",
        {p(item.source), pg::p_bytes(item.body), p(sha256_hex(item.body)), p_or_null(item.format),
         p_or_null(item.language)});
    if (!r.is_ok()) return r.status();
    queued += static_cast<std::size_t>(r->affected());
  }
  PACTUM_RETURN_IF_ERROR(tx->commit());
  return queued;
}

Result<std::vector<QueueClaim>> PgStore::claim(const std::string& worker, std::size_t limit,
                                               std::int64_t lease_seconds) {
  if (worker.empty()) return Status::invalid_argument("a claim needs a worker id");
  if (lease_seconds <= 0) return Status::invalid_argument("a lease must last at least a second");
  std::lock_guard lock(mu_);
  auto tx = Transaction::begin(db_, Transaction::Mode::kWrite);
  if (!tx.is_ok()) return tx.status();
  // A row whose workers all died on it is given up instead of killing more.
  PACTUM_RETURN_IF_ERROR(db_.run(
      "UPDATE document_queue SET state = 'failed', error = 'claimed " + std::to_string(kMaxQueueAttempts) +
          " times without being completed (does it crash the worker?)', done_at = pactum_now() "
          "WHERE id IN (SELECT id FROM document_queue WHERE state = 'claimed' AND lease_until < pactum_now() "
          "AND attempts >= $1 FOR UPDATE SKIP LOCKED)",
      {p(kMaxQueueAttempts)}));
  // Rows another claim holds locked right now are skipped, not waited for;
  // a row locked and then claimed by another transaction is re-checked
  // against the WHERE (its lease is fresh) and left out.
  auto r = db_.query(
      "UPDATE document_queue q SET state = 'claimed', claimed_by = $1, attempts = q.attempts + 1, "
      "lease_until = pactum_now_plus($2) FROM ("
      "SELECT id FROM document_queue WHERE state = 'queued' OR (state = 'claimed' AND lease_until < pactum_now()) "
      "ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED) c "
      "WHERE q.id = c.id RETURNING q.id, q.attempts, q.lease_until, q.source, q.body, q.format, q.language",
      {p(worker), p(static_cast<double>(lease_seconds)), p(limit)});
  if (!r.is_ok()) return r.status();
  std::vector<QueueClaim> out;
  out.reserve(static_cast<std::size_t>(r->size()));
  for (int i = 0; i < r->size(); ++i) {
    QueueClaim c;
    c.id = r->integer(i, 0);
    c.attempt = r->integer(i, 1);
    c.lease_until = r->text(i, 2);
    c.worker = worker;
    c.item.source = r->text(i, 3);
    c.item.body = r->bytes(i, 4);
    c.item.format = r->text(i, 5);
    c.item.language = r->text(i, 6);
    out.push_back(std::move(c));
  }
  PACTUM_RETURN_IF_ERROR(tx->commit());
  // RETURNING gives rows in no promised order.
  std::sort(out.begin(), out.end(), [](const QueueClaim& a, const QueueClaim& b) { return a.id < b.id; });
  return out;
}

Result<std::vector<Result<PutResult>>> PgStore::complete_claim(const QueueClaim& claim,
                                                              const std::vector<PutItem>& items) {
  std::lock_guard lock(mu_);
  auto mark_done = [&](const std::vector<Result<PutResult>>& results) {
    std::int64_t stored = 0;
    for (const auto& r : results) stored += r.is_ok() && *r == PutResult::kStored ? 1 : 0;
    return end_claim(db_, claim, "done", stored, "");
  };
  for (int attempt = 1;; ++attempt) {
    bool has_bad_document = false;
    auto done = put_batch_locked(items, /*savepoints=*/false, &has_bad_document, mark_done);
    if (has_bad_document) done = put_batch_locked(items, /*savepoints=*/true, &has_bad_document, mark_done);
    if (done.is_ok() || attempt == kWriteAttempts || !is_transient(done.status(), db_)) return done;
    back_off(attempt);
  }
}

Status PgStore::fail_claim(const QueueClaim& claim, const std::string& reason) {
  std::lock_guard lock(mu_);
  auto tx = Transaction::begin(db_, Transaction::Mode::kWrite);
  if (!tx.is_ok()) return tx.status();
  PACTUM_RETURN_IF_ERROR(end_claim(db_, claim, "failed", -1, reason.empty() ? "failed" : reason));
  return tx->commit();
}

Result<QueueCounts> PgStore::queue_counts() {
  std::lock_guard lock(mu_);
  auto r = db_.query("SELECT state, count(*), coalesce(sum(stored), 0) FROM document_queue GROUP BY state");
  if (!r.is_ok()) return r.status();
  QueueCounts c;
  for (int i = 0; i < r->size(); ++i) {
    std::string state = r->text(i, 0);
    std::int64_t n = r->integer(i, 1);
    if (state == "queued") c.queued = n;
    if (state == "claimed") c.claimed = n;
    if (state == "done") c.done = n;
    if (state == "failed") c.failed = n;
    c.stored += r->integer(i, 2);
  }
  return c;
}

}  // namespace pactum::store
