// SQLite plumbing for the SQLite store: owners of a connection, a prepared
// statement and a transaction, and the mapping of SQLite result codes to a
// Status. Internal to src/store; the rest of pactum sees store.h and keys.h.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <vector>

#include "common/hash.h"
#include "common/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace pactum::store::sqlite {

// The Status for SQLite result code `rc` (primary or extended): constraint
// violations are the caller's bad input (kInvalidArgument), "not a database"
// is kFailedPrecondition, a damaged file kCorruption, disk and lock trouble
// kIoError, anything else (SQL errors, misuse) our bug, kInternal.
// The message is "CONTEXT: DETAIL".
Status status_from_code(int rc, std::string_view context, std::string_view detail);

// Process-wide SQLite settings, applied once before the first connection
// (sqlite3_config works only then; later calls are no-ops): allocation
// statistics off. Every connection opens through here (Db::open, the
// tokenizer's in-memory connection in fts_terms.cc).
void configure_library();

// A prepared statement. Parameters are bound by name (":name" as written in
// the SQL). A failed bind is remembered and reported by the next step() or
// run(), so that callers bind a row of values and check once.
class Statement {
 public:
  Statement(sqlite3_stmt* stmt, sqlite3* db);
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  void bind_int(const char* name, std::int64_t value);
  void bind_double(const char* name, double value);
  void bind_text(const char* name, std::string_view value);
  // "" binds NULL: the store keeps absent strings as NULL.
  void bind_text_or_null(const char* name, std::string_view value);
  void bind_null(const char* name);
  void bind_blob(const char* name, std::string_view bytes);

  // Advances: true when a row is ready, false when the statement is done.
  Result<bool> step();
  // Steps to the end, for statements whose rows (if any) are not wanted.
  Status run();

  std::int64_t column_int(int column) const;
  double column_double(int column) const;
  // NULL reads as "".
  std::string column_text(int column) const;
  bool column_is_null(int column) const;
  // The bytes of a BLOB column ("" for NULL).
  std::string column_blob(int column) const;

  // Rewinds and clears bindings and any remembered bind error.
  void reset();

  std::string_view sql() const;

 private:
  friend class Db;
  friend class StatementLease;
  int index_of(const char* name);
  void note_bind(int rc, const char* name);

  sqlite3_stmt* stmt_ = nullptr;
  sqlite3* db_ = nullptr;
  Status bind_error_;
  bool leased_ = false;  // lent out by Db::statement()
  // The parameters' names by index - 1 (read once): callers bind in the
  // order of the SQL, so the name after the last one bound is tried first,
  // instead of SQLite's search of every name (a measurable part of a write).
  std::vector<std::string> parameter_names_;
  std::size_t next_parameter_ = 0;
  bool rewound_ = true;  // reset (or new) and neither bound nor stepped since
};

// A cached statement lent to one caller. It is reset when the lease ends, so
// that no open read cursor (which would pin a WAL snapshot and hold a read
// transaction) outlives its use.
class StatementLease {
 public:
  explicit StatementLease(Statement* stmt) : stmt_(stmt) {}
  StatementLease(StatementLease&& other) noexcept : stmt_(other.stmt_) { other.stmt_ = nullptr; }
  StatementLease& operator=(StatementLease&&) = delete;
  StatementLease(const StatementLease&) = delete;
  StatementLease& operator=(const StatementLease&) = delete;
  ~StatementLease();

  Statement* operator->() { return stmt_; }
  Statement& operator*() { return *stmt_; }

 private:
  Statement* stmt_;
};

// One connection. Not thread-safe: the owner serialises calls.
class Db {
 public:
  // Opens (creating if needed) the database at `path`; ":memory:" is a
  // private in-memory database. Nothing is read from the file yet: a file
  // that is not a database shows up on the first statement.
  static Result<Db> open(const std::string& path);

  Db(Db&&) noexcept = default;
  Db& operator=(Db&&) noexcept = default;
  ~Db();

  // Runs SQL text that may hold several statements and returns no rows.
  Status exec(const std::string& sql);

  // The statement for `sql`, prepared on first use and kept for the life of
  // the connection. Fails with kInternal if it is already lent out. Looked
  // up without copying `sql`: the write path asks for a dozen statements per
  // document.
  Result<StatementLease> statement(std::string_view sql);

  // Runs a statement returning one integer (a PRAGMA, a count).
  Result<std::int64_t> query_int(std::string_view sql);
  // Runs a statement returning one text value.
  Result<std::string> query_text(std::string_view sql);

  // Starts the kernel writing the WAL's dirty pages to disk and returns at
  // once (Linux; elsewhere nothing). A checkpoint begins by syncing the WAL:
  // called after each large commit, that sync finds the pages written
  // already instead of blocking the writer for the whole WAL (~0.1 s per
  // 64 MB here).
  void start_wal_writeback() const;

  // True when no transaction is open.
  bool autocommit() const;

  // The Status for a failed call on this connection, with sqlite3_errmsg.
  Status error(int rc, std::string_view context) const;

  const std::string& path() const { return path_; }
  // The connection, to register functions on (fts_rank.h).
  sqlite3* handle() const { return db_.get(); }

 private:
  struct Closer {
    void operator()(sqlite3* db) const;
  };
  Db(sqlite3* db, std::string path);

  std::string path_;
  std::unique_ptr<sqlite3, Closer> db_;
  // Declared after db_, so destroyed (finalized) before the connection closes.
  std::unordered_map<std::string, std::unique_ptr<Statement>, StringViewHash, std::equal_to<>> cache_;
};

// Calls on_row(s) for every remaining row of `s`: the loop over step()
// that each multi-row read would otherwise write out.
template <class OnRow>
Status each_row(Statement& s, OnRow on_row) {
  for (;;) {
    auto row = s.step();
    if (!row.is_ok()) return row.status();
    if (!*row) return Status::ok();
    on_row(s);
  }
}

// Every remaining row of `s`, each turned into a value by read(s).
template <class Read>
auto read_rows(Statement& s, Read read) -> Result<std::vector<std::decay_t<std::invoke_result_t<Read&, Statement&>>>> {
  std::vector<std::decay_t<std::invoke_result_t<Read&, Statement&>>> out;
  PACTUM_RETURN_IF_ERROR(each_row(s, [&](Statement& row) { out.push_back(read(row)); }));
  return out;
}

// A transaction that rolls back unless committed. Write transactions start
// with BEGIN IMMEDIATE: they take the write lock up front (waiting up to the
// busy timeout) instead of failing with SQLITE_BUSY half-way through.
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

}  // namespace pactum::store::sqlite
