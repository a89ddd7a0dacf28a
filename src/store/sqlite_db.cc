// SQLite connection, statement and transaction owners; every sqlite3 return
// code is checked here and turned into a Status.
#include "store/sqlite_db.h"

#include <sqlite3.h>

#if defined(__linux__)
#include <fcntl.h>
#include <unistd.h>
#endif

#include <cstring>
#include <limits>
#include <mutex>
#include <utility>

namespace pactum::store::sqlite {

Status status_from_code(int rc, std::string_view context, std::string_view detail) {
  std::string message(context);
  if (!detail.empty()) {
    if (!message.empty()) message += ": ";
    message += detail;
  }
  switch (rc & 0xff) {
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
      return Status::invalid_argument(std::move(message));
    case SQLITE_NOTADB:
      return Status::failed_precondition(std::move(message));
    case SQLITE_CORRUPT:
      return Status::corruption(std::move(message));
    case SQLITE_NOMEM:
    case SQLITE_TOOBIG:
    case SQLITE_FULL:
      return Status::resource_exhausted(std::move(message));
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_PROTOCOL:
    case SQLITE_NOLFS:
    case SQLITE_AUTH:
      return Status::io_error(std::move(message));
    default:
      return Status::internal(std::move(message));
  }
}

void configure_library() {
  static std::once_flag once;
  std::call_once(once, [] {
    // With statistics on, every allocation SQLite makes takes a global mutex
    // and updates counters: ~9 % of the instructions of a batch write
    // (callgrind). pactum reads none of them (sqlite3_memory_used, the soft
    // heap limit). SQLITE_MISUSE if the library was already initialized
    // (another part of the process opened a connection first): then
    // nothing changes.
    (void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  });
}

// ---- Statement -------------------------------------------------------------

Statement::Statement(sqlite3_stmt* stmt, sqlite3* db) : stmt_(stmt), db_(db) {
  const int count = sqlite3_bind_parameter_count(stmt_);
  parameter_names_.reserve(static_cast<std::size_t>(count));
  for (int i = 1; i <= count; ++i) {
    const char* name = sqlite3_bind_parameter_name(stmt_, i);  // null for "?"
    parameter_names_.emplace_back(name ? name : "");
  }
}

Statement::Statement(Statement&& other) noexcept
    : stmt_(std::exchange(other.stmt_, nullptr)),
      db_(other.db_),
      bind_error_(std::move(other.bind_error_)),
      leased_(other.leased_),
      parameter_names_(std::move(other.parameter_names_)),
      next_parameter_(other.next_parameter_),
      rewound_(other.rewound_) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    stmt_ = std::exchange(other.stmt_, nullptr);
    db_ = other.db_;
    bind_error_ = std::move(other.bind_error_);
    leased_ = other.leased_;
    parameter_names_ = std::move(other.parameter_names_);
    next_parameter_ = other.next_parameter_;
    rewound_ = other.rewound_;
  }
  return *this;
}

Statement::~Statement() {
  // sqlite3_finalize only repeats the last step's error, already reported.
  sqlite3_finalize(stmt_);
}

int Statement::index_of(const char* name) {
  rewound_ = false;
  // A name used twice in the SQL is one parameter (one index).
  const std::size_t n = parameter_names_.size();
  for (std::size_t tried = 0, i = next_parameter_; tried < n; ++tried, i = i + 1 == n ? 0 : i + 1) {
    if (std::strcmp(parameter_names_[i].c_str(), name) == 0) {
      next_parameter_ = i + 1 == n ? 0 : i + 1;
      return static_cast<int>(i) + 1;
    }
  }
  if (bind_error_.is_ok()) {
    bind_error_ = Status::internal(std::string("no parameter ") + name + " in: " + std::string(sql()));
  }
  return 0;
}

void Statement::note_bind(int rc, const char* name) {
  if (rc != SQLITE_OK && bind_error_.is_ok()) {
    bind_error_ = status_from_code(rc, std::string("binding ") + name, sqlite3_errmsg(db_));
  }
}

void Statement::bind_int(const char* name, std::int64_t value) {
  if (int i = index_of(name)) note_bind(sqlite3_bind_int64(stmt_, i, value), name);
}

void Statement::bind_double(const char* name, double value) {
  if (int i = index_of(name)) note_bind(sqlite3_bind_double(stmt_, i, value), name);
}

void Statement::bind_text(const char* name, std::string_view value) {
  // SQLITE_TRANSIENT: SQLite copies, so the caller's string may go away
  // before the statement runs.
  if (int i = index_of(name)) {
    note_bind(sqlite3_bind_text64(stmt_, i, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8),
              name);
  }
}

void Statement::bind_text_or_null(const char* name, std::string_view value) {
  if (value.empty()) {
    bind_null(name);
  } else {
    bind_text(name, value);
  }
}

void Statement::bind_blob(const char* name, std::string_view bytes) {
  if (int i = index_of(name)) {
    note_bind(sqlite3_bind_blob64(stmt_, i, bytes.data(), bytes.size(), SQLITE_TRANSIENT), name);
  }
}

std::string Statement::column_blob(int column) const {
  const void* data = sqlite3_column_blob(stmt_, column);
  if (data == nullptr) return {};
  auto size = static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column));
  return std::string(static_cast<const char*>(data), size);
}

void Statement::bind_null(const char* name) {
  if (int i = index_of(name)) note_bind(sqlite3_bind_null(stmt_, i), name);
}

Result<bool> Statement::step() {
  rewound_ = false;
  if (!bind_error_.is_ok()) return bind_error_;
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return status_from_code(rc, "", sqlite3_errmsg(db_));
}

Status Statement::run() {
  for (;;) {
    auto row = step();
    if (!row.is_ok()) return row.status();
    if (!*row) return Status::ok();
  }
}

std::int64_t Statement::column_int(int column) const { return sqlite3_column_int64(stmt_, column); }

double Statement::column_double(int column) const { return sqlite3_column_double(stmt_, column); }

std::string Statement::column_text(int column) const {
  const unsigned char* text = sqlite3_column_text(stmt_, column);
  if (text == nullptr) return {};
  auto size = static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column));
  return std::string(reinterpret_cast<const char*>(text), size);
}

bool Statement::column_is_null(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

void Statement::reset() {
  // A lease ends with a reset and loops start with one: the second is free.
  if (rewound_) return;
  rewound_ = true;
  // sqlite3_reset repeats the error of the last step, which step() already
  // reported; here we only want the statement rewound.
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  bind_error_ = Status::ok();
  next_parameter_ = 0;
}

std::string_view Statement::sql() const {
  const char* s = sqlite3_sql(stmt_);
  return s ? std::string_view(s) : std::string_view();
}

StatementLease::~StatementLease() {
  if (stmt_ != nullptr) {
    stmt_->reset();
    stmt_->leased_ = false;
  }
}

// ---- Db --------------------------------------------------------------------

void Db::Closer::operator()(sqlite3* db) const {
  // close_v2 never fails for a valid handle; it defers the close until any
  // statement still alive is finalized.
  sqlite3_close_v2(db);
}

Db::Db(sqlite3* db, std::string path) : path_(std::move(path)), db_(db) {}

Db::~Db() = default;

Result<Db> Db::open(const std::string& path) {
  configure_library();
  sqlite3* handle = nullptr;
  // NOMUTEX: the store serialises access itself, one connection per Store.
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(path.c_str(), &handle, flags, nullptr);
  Db db(handle, path);  // owns the handle even when the open failed
  if (rc != SQLITE_OK) {
    std::string detail = handle ? sqlite3_errmsg(handle) : sqlite3_errstr(rc);
    return status_from_code(rc, "cannot open " + path, detail);
  }
  sqlite3_extended_result_codes(handle, 1);
  return db;
}

void Db::start_wal_writeback() const {
#if defined(__linux__)
  const char* db_file = sqlite3_db_filename(db_.get(), "main");
  if (db_file == nullptr || *db_file == '\0') return;  // in memory or temporary
  const char* wal = sqlite3_filename_wal(db_file);
  if (wal == nullptr || *wal == '\0') return;
  const int fd = ::open(wal, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return;  // no WAL (another journal mode): nothing to start
  // Only starts the write-out of pages not already under it; does not wait
  // for them. Errors are ignored: the checkpoint's own sync still runs.
  (void)::sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE);
  ::close(fd);
#endif
}

Status Db::error(int rc, std::string_view context) const {
  return status_from_code(rc, context, sqlite3_errmsg(db_.get()));
}

Status Db::exec(const std::string& sql) {
  char* message = nullptr;
  int rc = sqlite3_exec(db_.get(), sql.c_str(), nullptr, nullptr, &message);
  if (rc == SQLITE_OK) return Status::ok();
  std::string detail = message ? message : sqlite3_errstr(rc);
  sqlite3_free(message);
  return status_from_code(rc, "", detail);
}

Result<StatementLease> Db::statement(std::string_view sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    sqlite3_stmt* stmt = nullptr;
    if (sql.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
      return Status::internal("SQL text too long");
    }
    // PREPARE_PERSISTENT: a hint that the statement lives long and is reused.
    int rc = sqlite3_prepare_v3(db_.get(), sql.data(), static_cast<int>(sql.size()),
                                SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) {
      Status st = error(rc, "preparing " + std::string(sql));
      sqlite3_finalize(stmt);
      return st;
    }
    if (stmt == nullptr) return Status::internal("no statement in: " + std::string(sql));
    it = cache_.emplace(std::string(sql), std::make_unique<Statement>(stmt, db_.get())).first;
  }
  Statement* stmt = it->second.get();
  if (stmt->leased_) return Status::internal("statement already in use: " + std::string(sql));
  stmt->leased_ = true;
  return StatementLease(stmt);
}

Result<std::int64_t> Db::query_int(std::string_view sql) {
  auto stmt = statement(sql);
  if (!stmt.is_ok()) return stmt.status();
  auto row = (*stmt)->step();
  if (!row.is_ok()) return row.status();
  if (!*row) return Status::internal("no row from: " + std::string(sql));
  return (*stmt)->column_int(0);
}

Result<std::string> Db::query_text(std::string_view sql) {
  auto stmt = statement(sql);
  if (!stmt.is_ok()) return stmt.status();
  auto row = (*stmt)->step();
  if (!row.is_ok()) return row.status();
  if (!*row) return Status::internal("no row from: " + std::string(sql));
  return (*stmt)->column_text(0);
}

bool Db::autocommit() const { return sqlite3_get_autocommit(db_.get()) != 0; }

// ---- Transaction -----------------------------------------------------------

Result<Transaction> Transaction::begin(Db& db, Mode mode) {
  auto stmt = db.statement(mode == Mode::kWrite ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
  if (!stmt.is_ok()) return stmt.status();
  Status st = (*stmt)->run();
  if (!st.is_ok()) return Status(st.code(), "begin transaction: " + st.message());
  return Transaction(&db);
}

Transaction::~Transaction() {
  // Some errors (SQLITE_FULL, SQLITE_IOERR, ...) end the transaction on their
  // own; ROLLBACK then would only fail with "no transaction is active".
  if (db_ != nullptr && !db_->autocommit()) {
    if (auto stmt = db_->statement("ROLLBACK"); stmt.is_ok()) {
      // Nothing to report to: a failed ROLLBACK leaves the transaction for
      // SQLite to roll back when the connection closes or the next BEGIN fails.
      (void)(*stmt)->run();
    }
  }
}

Status Transaction::commit() {
  if (db_ == nullptr) return Status::internal("commit of a finished transaction");
  auto stmt = db_->statement("COMMIT");
  if (!stmt.is_ok()) return stmt.status();
  Status st = (*stmt)->run();
  if (!st.is_ok()) return Status(st.code(), "commit: " + st.message());
  db_ = nullptr;
  return Status::ok();
}

}  // namespace pactum::store::sqlite
