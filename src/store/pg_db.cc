// libpq plumbing for the PostgreSQL store (pg_db.h).
#include "store/pg_db.h"

#include <libpq-fe.h>

#include <charconv>
#include <cstdio>
#include <cstdlib>

namespace pactum::store::pg {

namespace {

// The URL without its password: postgresql://user:secret@host -> user:***@host.
std::string mask_password(const std::string& url) {
  auto scheme = url.find("://");
  if (scheme == std::string::npos) return url;
  auto at = url.find('@', scheme + 3);
  if (at == std::string::npos) return url;
  auto colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon + 1) + "***" + url.substr(at);
}

// libpq prints server notices (a stop word dropped from a text query, an
// IF NOT EXISTS that found the object) to stderr; the store says what matters
// in its Status instead.
void ignore_notice(void*, const char*) {}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

Status status_from_sqlstate(std::string_view sqlstate, std::string_view context, std::string_view detail) {
  std::string message = std::string(context) + ": " + std::string(detail);
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  std::string_view cls = sqlstate.substr(0, std::min<std::size_t>(2, sqlstate.size()));
  if (cls == "23" || cls == "22") return Status::invalid_argument(message);
  if (cls == "08" || cls == "53" || cls == "57" || cls == "58" || cls == "40" || cls == "55") {
    return Status::io_error(message);
  }
  if (cls == "3D" || cls == "28") return Status::io_error(message);
  return Status::internal(message);
}

Param p(std::int64_t v) { return std::to_string(v); }
Param p(int v) { return std::to_string(v); }
Param p(std::size_t v) { return std::to_string(v); }
Param p(double v) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  if (ec != std::errc()) return std::string("NaN");
  return std::string(buf, end);
}
Param p(std::string_view v) { return std::string(v); }
Param p(const std::string& v) { return v; }
Param p(const char* v) { return std::string(v); }
Param p_or_null(std::string_view v) {
  if (v.empty()) return std::nullopt;
  return std::string(v);
}
Param p_array(const std::vector<std::int64_t>& v) {
  std::string out = "{";
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i) out += ',';
    out += std::to_string(v[i]);
  }
  return out + "}";
}
Param p_bytes(std::string_view bytes) {
  static const char* kHex = "0123456789abcdef";
  std::string out = "\\x";
  out.reserve(2 + 2 * bytes.size());
  for (unsigned char c : bytes) {
    out += kHex[c >> 4];
    out += kHex[c & 15];
  }
  return out;
}

// ---- Rows --------------------------------------------------------------------

Rows::Rows(pg_result* r) : r_(r) {}

void Rows::Clear::operator()(pg_result* r) const { PQclear(r); }

int Rows::size() const { return r_ ? PQntuples(r_.get()) : 0; }

std::string Rows::text(int row, int col) const {
  if (!r_ || PQgetisnull(r_.get(), row, col)) return {};
  return std::string(PQgetvalue(r_.get(), row, col), static_cast<std::size_t>(PQgetlength(r_.get(), row, col)));
}

bool Rows::is_null(int row, int col) const { return !r_ || PQgetisnull(r_.get(), row, col); }

std::int64_t Rows::integer(int row, int col) const {
  if (is_null(row, col)) return 0;
  const char* v = PQgetvalue(r_.get(), row, col);
  if (v[0] == 't') return 1;  // a boolean
  if (v[0] == 'f') return 0;
  return std::strtoll(v, nullptr, 10);
}

double Rows::real(int row, int col) const {
  if (is_null(row, col)) return 0;
  return std::strtod(PQgetvalue(r_.get(), row, col), nullptr);
}

std::string Rows::bytes(int row, int col) const {
  std::string hex = text(row, col);
  if (hex.size() < 2 || hex[0] != '\\' || hex[1] != 'x') return {};
  std::string out;
  out.reserve((hex.size() - 2) / 2);
  for (std::size_t i = 2; i + 1 < hex.size(); i += 2) {
    int hi = hex_value(hex[i]), lo = hex_value(hex[i + 1]);
    if (hi < 0 || lo < 0) return {};
    out += static_cast<char>(hi * 16 + lo);
  }
  return out;
}

std::string Rows::command() const { return r_ ? PQcmdStatus(r_.get()) : ""; }

std::int64_t Rows::affected() const {
  if (!r_) return 0;
  const char* n = PQcmdTuples(r_.get());
  return n && *n ? std::strtoll(n, nullptr, 10) : 0;
}

// ---- Db ----------------------------------------------------------------------

void Db::Closer::operator()(pg_conn* c) const { PQfinish(c); }

Db::Db(pg_conn* c, std::string display) : conn_(c), display_(std::move(display)) {}

Db::~Db() = default;

Result<Db> Db::open(const std::string& conninfo) {
  std::string display = mask_password(conninfo);
  pg_conn* c = PQconnectdb(conninfo.c_str());
  if (c == nullptr) return Status::io_error(display + ": out of memory connecting");
  if (PQstatus(c) != CONNECTION_OK) {
    std::string detail = PQerrorMessage(c);
    PQfinish(c);
    while (!detail.empty() && detail.back() == '\n') detail.pop_back();
    return Status::io_error("cannot connect to " + display + ": " + detail);
  }
  PQsetNoticeProcessor(c, ignore_notice, nullptr);
  Db db(c, std::move(display));
  // Times and text as the SQLite store gives them: UTC, UTF-8.
  PACTUM_RETURN_IF_ERROR(db.exec("SET client_encoding = 'UTF8'; SET TIME ZONE 'UTC'"));
  return db;
}

Status Db::error(pg_result* r, std::string_view sql) const {
  const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
  last_sqlstate_ = state ? state : "";
  std::string detail = r ? PQresultErrorMessage(r) : PQerrorMessage(conn_.get());
  if (detail.empty()) detail = PQerrorMessage(conn_.get());
  if (state == nullptr && PQstatus(conn_.get()) != CONNECTION_OK) {
    return Status::io_error(display_ + ": connection lost: " + detail);
  }
  std::string context(sql.substr(0, 60));
  if (sql.size() > 60) context += "...";
  return status_from_sqlstate(state ? state : "", context, detail);
}

namespace {

bool result_ok(pg_result* r) {
  if (r == nullptr) return false;
  auto st = PQresultStatus(r);
  return st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK || st == PGRES_EMPTY_QUERY;
}

}  // namespace

Status Db::exec(const std::string& sql) {
  // PQexec runs every statement of the text; an error stops at it.
  pg_result* r = PQexec(conn_.get(), sql.c_str());
  Rows owner(r);
  if (!result_ok(r)) return error(r, sql);
  return Status::ok();
}

Result<Rows> Db::query(const std::string& sql, const std::vector<Param>& params) {
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const Param& v : params) values.push_back(v ? v->c_str() : nullptr);
  // Prepared once per connection and SQL text: the server then skips
  // parsing and planning, which is most of a short statement's cost (an
  // ingest runs dozens per document). Past kMaxPrepared texts (SQL built
  // from many filter combinations), statements run unprepared.
  pg_result* r = nullptr;
  auto it = prepared_.find(sql);
  if (it == prepared_.end() && prepared_.size() < kMaxPrepared) {
    std::string name = "pactum_" + std::to_string(prepared_.size() + 1);
    Rows prep(PQprepare(conn_.get(), name.c_str(), sql.c_str(), static_cast<int>(params.size()), nullptr));
    if (!result_ok(prep.raw())) return error(prep.raw(), sql);
    it = prepared_.emplace(sql, std::move(name)).first;
  }
  if (it != prepared_.end()) {
    r = PQexecPrepared(conn_.get(), it->second.c_str(), static_cast<int>(params.size()), values.data(), nullptr,
                       nullptr, 0);
  } else {
    r = PQexecParams(conn_.get(), sql.c_str(), static_cast<int>(params.size()), nullptr, values.data(), nullptr,
                     nullptr, 0);
  }
  Rows rows(r);
  if (!result_ok(r)) return error(r, sql);
  return rows;
}

Status Db::run(const std::string& sql, const std::vector<Param>& params) {
  auto r = query(sql, params);
  return r.is_ok() ? Status::ok() : r.status();
}

Result<std::int64_t> Db::query_int(const std::string& sql, const std::vector<Param>& params) {
  auto r = query(sql, params);
  if (!r.is_ok()) return r.status();
  if (r->empty()) return Status::not_found("no row: " + sql.substr(0, 60));
  return r->integer(0, 0);
}

// ---- Transaction -------------------------------------------------------------

Result<Transaction> Transaction::begin(Db& db, Mode mode) {
  PACTUM_RETURN_IF_ERROR(db.exec(mode == Mode::kWrite ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"));
  return Transaction(&db);
}

Transaction::~Transaction() {
  if (db_ != nullptr) (void)db_->exec("ROLLBACK");
}

Status Transaction::commit() {
  Db* db = db_;
  db_ = nullptr;
  // COMMIT of a transaction an error aborted succeeds as a ROLLBACK.
  auto r = db->query("COMMIT");
  if (!r.is_ok()) return r.status();
  if (r->command() != "COMMIT") return Status::internal("transaction was rolled back, not committed");
  return Status::ok();
}

}  // namespace pactum::store::pg
