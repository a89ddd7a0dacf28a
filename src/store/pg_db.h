// libpq plumbing for the PostgreSQL store: a connection, statements with
// text parameters ($1, $2, ...), typed access to result rows, transactions,
// and the mapping of SQLSTATEs to a Status. Internal to src/store; the rest
// of pactum sees store.h. Mirrors sqlite_db.h; no exceptions.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/status.h"

struct pg_conn;
struct pg_result;

namespace pactum::store::pg {

// The Status for a failed statement with SQLSTATE `sqlstate`: integrity and
// data errors (class 23, 22) are the caller's bad input (kInvalidArgument),
// connection and resource trouble (08, 53, 57, 58) kIoError, serialization
// failures and deadlocks (40) kIoError, anything else (syntax, undefined
// objects) our bug, kInternal. The message is "CONTEXT: DETAIL".
Status status_from_sqlstate(std::string_view sqlstate, std::string_view context, std::string_view detail);

// A parameter in text form; nullopt is NULL.
using Param = std::optional<std::string>;
Param p(std::int64_t v);
Param p(int v);
Param p(std::size_t v);
Param p(double v);
Param p(std::string_view v);
Param p(const std::string& v);
Param p(const char* v);
// "" is NULL: the store keeps absent strings as NULL.
Param p_or_null(std::string_view v);
// A bigint[] literal for `= ANY($n::bigint[])`.
Param p_array(const std::vector<std::int64_t>& v);
// A bytea in hex form ("\x0a1b...").
Param p_bytes(std::string_view bytes);

// The rows of a statement's result.
class Rows {
 public:
  Rows() = default;
  explicit Rows(pg_result* r);
  Rows(Rows&&) noexcept = default;
  Rows& operator=(Rows&&) noexcept = default;

  int size() const;
  bool empty() const { return size() == 0; }
  // NULL reads as "" (text), 0 (numbers).
  std::string text(int row, int col) const;
  bool is_null(int row, int col) const;
  std::int64_t integer(int row, int col) const;
  double real(int row, int col) const;
  // A bytea column's bytes (hex output decoded).
  std::string bytes(int row, int col) const;
  // Rows changed by an INSERT/UPDATE/DELETE.
  std::int64_t affected() const;
  // The command tag ("INSERT 0 1", "COMMIT", "ROLLBACK").
  std::string command() const;
  pg_result* raw() const { return r_.get(); }

 private:
  struct Clear {
    void operator()(pg_result* r) const;
  };
  std::unique_ptr<pg_result, Clear> r_;
};

// One connection. Not thread-safe: the owner serialises calls.
class Db {
 public:
  // Connects to `conninfo` (a postgresql:// URL or key=value string); a
  // server that cannot be reached is kIoError naming the URL without its
  // password.
  static Result<Db> open(const std::string& conninfo);

  Db(Db&&) noexcept = default;
  Db& operator=(Db&&) noexcept = default;
  ~Db();

  // Runs SQL text that may hold several statements; no parameters, no rows.
  Status exec(const std::string& sql);
  // One statement with parameters; its rows (none for a write).
  Result<Rows> query(const std::string& sql, const std::vector<Param>& params = {});
  // One statement whose rows, if any, are not wanted.
  Status run(const std::string& sql, const std::vector<Param>& params = {});
  // A statement returning one integer (a count, a RETURNING id); kNotFound
  // without a row.
  Result<std::int64_t> query_int(const std::string& sql, const std::vector<Param>& params = {});

  // The URL with any password masked, for messages.
  const std::string& display() const { return display_; }
  // The SQLSTATE of the last statement that failed ("" when none had one):
  // callers that retry a deadlock or serialization failure ("40...") look
  // here, since Status folds those into kIoError.
  const std::string& last_sqlstate() const { return last_sqlstate_; }

 private:
  struct Closer {
    void operator()(pg_conn* c) const;
  };
  Db(pg_conn* c, std::string display);
  Status error(pg_result* r, std::string_view sql) const;

  static constexpr std::size_t kMaxPrepared = 512;

  std::unique_ptr<pg_conn, Closer> conn_;
  std::string display_;
  mutable std::string last_sqlstate_;
  std::unordered_map<std::string, std::string> prepared_;  // SQL -> statement name
};

// A transaction that rolls back unless committed. kWrite starts a
// read-write transaction; kRead a read-only one (REPEATABLE READ, so that
// the parts of one answer agree, as SQLite's read transaction does).
class Transaction {
 public:
  enum class Mode { kRead, kWrite };

  static Result<Transaction> begin(Db& db, Mode mode);

  Transaction(Transaction&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }
  Transaction& operator=(Transaction&&) = delete;
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();

  Status commit();

 private:
  explicit Transaction(Db* db) : db_(db) {}
  Db* db_;  // null once committed or rolled back
};

}  // namespace pactum::store::pg
