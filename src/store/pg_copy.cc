// TableCopy on PostgreSQL (table_copy.h), so that `pactum migrate --from
// sqlite:FILE --to postgresql://...` copies a store whole. Cells are typed
// by the column's type (bigint/integer -> int, double -> real, bytea ->
// blob, else text), which is the storage class the SQLite store gives the
// same column, so both engines digest the same rows to the same SHA-256.
// Rows are read in the order of all their columns with text compared
// bytewise (COLLATE "C") and NULLs first, SQLite's order. After loading,
// the identity sequences are moved past the copied ids and the search index
// (derived, not copied) is rebuilt from the documents and events.
#include <algorithm>
#include <optional>

#include "store/pg_store.h"
#include "store/table_copy.h"

namespace pactum::store {

using pg::p;
using pg::Param;
using pg::Transaction;

namespace {

// Rows fetched from a cursor at a time, and at most this many parameters
// in one INSERT (PostgreSQL allows 65535).
constexpr int kFetchRows = 1000;
constexpr std::size_t kMaxParams = 30000;

// Names come from the catalog or the source store's schema; quoted anyway.
std::string quote(const std::string& name) {
  std::string out = "\"";
  for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

enum class Kind { kInt, kReal, kBlob, kText };

Kind kind_of(const std::string& type) {
  if (type == "int8" || type == "int4" || type == "int2" || type == "bool") return Kind::kInt;
  if (type == "float8" || type == "float4" || type == "numeric") return Kind::kReal;
  if (type == "bytea") return Kind::kBlob;
  return Kind::kText;
}

class PgTableCopy final : public TableCopy {
 public:
  PgTableCopy(pg::Db& db, std::mutex& mu, std::function<Status()> reindex)
      : db_(db), lock_(mu), reindex_(std::move(reindex)) {}

  Result<std::vector<TableInfo>> tables() override {
    // Creation order (the migrations create a table after those it refers
    // to); the bookkeeping and the derived search index left out.
    auto r = db_.query(
        "SELECT c.relname::text, a.attname::text FROM pg_class c "
        "JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema() "
        "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped "
        // Generated columns (events.date_lo, date_hi) are derived, as on
        // SQLite, where table_info leaves them out: neither copied nor digested.
        "AND a.attgenerated = '' "
        "WHERE c.relkind = 'r' AND c.relname NOT IN ('schema_migrations', 'search_index') "
        "ORDER BY c.oid, a.attnum");
    if (!r.is_ok()) return r.status();
    std::vector<TableInfo> out;
    for (int i = 0; i < r->size(); ++i) {
      std::string table = r->text(i, 0);
      if (out.empty() || out.back().name != table) out.push_back({table, {}});
      out.back().columns.push_back(r->text(i, 1));
    }
    return out;
  }

  Status scan(const TableInfo& t, const std::function<Status(const Row&)>& sink) override {
    auto kinds = column_kinds(t);
    if (!kinds.is_ok()) return kinds.status();
    std::string cols, order;
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
      const std::string c = quote(t.columns[i]);
      cols += (i ? ", " : "") + c;
      order += (i ? ", " : "") + c + ((*kinds)[i] == Kind::kText ? " COLLATE \"C\"" : "") + " NULLS FIRST";
    }
    // A cursor needs a transaction: the load's, else a read-only one.
    std::optional<Transaction> own;
    if (!tx_) {
      auto tx = Transaction::begin(db_, Transaction::Mode::kRead);
      if (!tx.is_ok()) return tx.status();
      own.emplace(std::move(*tx));
    }
    PACTUM_RETURN_IF_ERROR(db_.exec("DECLARE pactum_copy NO SCROLL CURSOR FOR SELECT " + cols + " FROM " +
                                    quote(t.name) + " ORDER BY " + order));
    Row row(t.columns.size());
    for (;;) {
      auto r = db_.query("FETCH " + std::to_string(kFetchRows) + " FROM pactum_copy");
      if (!r.is_ok()) return r.status();
      for (int k = 0; k < r->size(); ++k) {
        for (std::size_t i = 0; i < t.columns.size(); ++i) {
          const int col = static_cast<int>(i);
          Cell& c = row[i];
          c = Cell{};
          if (r->is_null(k, col)) continue;
          switch ((*kinds)[i]) {
            case Kind::kInt: c.type = Cell::Type::kInt; c.i = r->integer(k, col); break;
            case Kind::kReal: c.type = Cell::Type::kReal; c.r = r->real(k, col); break;
            case Kind::kBlob: c.type = Cell::Type::kBlob; c.s = r->bytes(k, col); break;
            case Kind::kText: c.type = Cell::Type::kText; c.s = r->text(k, col); break;
          }
        }
        PACTUM_RETURN_IF_ERROR(sink(row));
      }
      if (r->size() < kFetchRows) break;
    }
    PACTUM_RETURN_IF_ERROR(db_.exec("CLOSE pactum_copy"));
    return own ? own->commit() : Status::ok();
  }

  Status begin_load() override {
    auto tx = Transaction::begin(db_, Transaction::Mode::kWrite);
    if (!tx.is_ok()) return tx.status();
    tx_.emplace(std::move(*tx));
    auto list = tables();
    if (!list.is_ok()) return list.status();
    return require_empty(db_.display(), *list, [&](const std::string& table) {
      return db_.query_int("SELECT count(*) FROM " + quote(table));
    });
  }

  Status load(const TableInfo& t, const std::vector<Row>& rows) override {
    if (!tx_) return Status::internal("load before begin_load");
    if (t.columns.empty()) return Status::invalid_argument(t.name + ": a table without columns");
    std::string cols;
    for (std::size_t i = 0; i < t.columns.size(); ++i) cols += (i ? ", " : "") + quote(t.columns[i]);
    // Multi-row INSERTs: one round trip per chunk, not per row.
    const std::size_t per_insert = std::max<std::size_t>(1, std::min<std::size_t>(200, kMaxParams / t.columns.size()));
    for (std::size_t start = 0; start < rows.size(); start += per_insert) {
      const std::size_t end = std::min(rows.size(), start + per_insert);
      std::string sql = "INSERT INTO " + quote(t.name) + " (" + cols + ") VALUES ";
      std::vector<Param> params;
      params.reserve((end - start) * t.columns.size());
      for (std::size_t k = start; k < end; ++k) {
        const Row& row = rows[k];
        if (row.size() != t.columns.size()) return Status::invalid_argument(t.name + ": a row of the wrong width");
        sql += k == start ? "(" : ", (";
        for (std::size_t i = 0; i < row.size(); ++i) {
          const Cell& c = row[i];
          switch (c.type) {
            case Cell::Type::kNull: params.push_back(Param()); break;
            case Cell::Type::kInt: params.push_back(p(c.i)); break;
            case Cell::Type::kReal: params.push_back(p(c.r)); break;
            case Cell::Type::kText: params.push_back(p(c.s)); break;
            case Cell::Type::kBlob: params.push_back(pg::p_bytes(c.s)); break;
          }
          sql += (i ? ", $" : "$") + std::to_string(params.size());
        }
        sql += ")";
      }
      Status st = db_.run(sql, params);
      if (!st.is_ok()) return Status(st.code(), t.name + ": " + st.message());
    }
    return Status::ok();
  }

  Status finish_load() override {
    if (!tx_) return Status::internal("finish_load before begin_load");
    // The copied ids were given explicitly: move each identity sequence past
    // them, or the next insert would collide with a copied row.
    auto ids = db_.query(
        "SELECT c.relname::text, a.attname::text FROM pg_attribute a "
        "JOIN pg_class c ON c.oid = a.attrelid "
        "JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema() "
        "WHERE a.attidentity <> '' AND c.relkind = 'r'");
    if (!ids.is_ok()) return ids.status();
    for (int i = 0; i < ids->size(); ++i) {
      const std::string table = quote(ids->text(i, 0)), column = quote(ids->text(i, 1));
      PACTUM_RETURN_IF_ERROR(db_.run("SELECT setval(pg_get_serial_sequence($1, $2), coalesce(max(" + column +
                                         "), 0) + 1, false) FROM " + table,
                                     {p(table), p(ids->text(i, 1))}));
    }
    return reindex_ ? reindex_() : Status::ok();
  }

  Status commit_load() override {
    if (!tx_) return Status::internal("commit_load before begin_load");
    Status st = tx_->commit();
    tx_.reset();
    return st;
  }

 private:
  // Each column's cell kind, from its type in the catalog.
  Result<std::vector<Kind>> column_kinds(const TableInfo& t) {
    auto r = db_.query(
        "SELECT a.attname::text, t.typname::text FROM pg_attribute a "
        "JOIN pg_type t ON t.oid = a.atttypid "
        "WHERE a.attrelid = (quote_ident(current_schema()) || '.' || quote_ident($1))::regclass "
        "AND a.attnum > 0 AND NOT a.attisdropped",
        {p(t.name)});
    if (!r.is_ok()) return r.status();
    std::vector<Kind> out;
    for (const std::string& column : t.columns) {
      std::optional<Kind> kind;
      for (int i = 0; i < r->size() && !kind; ++i) {
        if (r->text(i, 0) == column) kind = kind_of(r->text(i, 1));
      }
      if (!kind) return Status::failed_precondition("table " + t.name + " has no column " + column);
      out.push_back(*kind);
    }
    return out;
  }

  pg::Db& db_;
  std::unique_lock<std::mutex> lock_;
  std::function<Status()> reindex_;
  std::optional<Transaction> tx_;  // declared last: rolled back before the lock is released
};

}  // namespace

Result<std::unique_ptr<TableCopy>> PgStore::table_copy() {
  return std::unique_ptr<TableCopy>(std::make_unique<PgTableCopy>(db_, mu_, [this] { return reindex_locked(); }));
}

}  // namespace pactum::store
