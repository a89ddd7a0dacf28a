// TableCopy on SQLite: tables from sqlite_master in creation order (so a
// table comes after those it refers to), rows read with typeof() so each
// cell keeps its storage class. kb_state is bookkeeping (a rebuild the
// store runs on open), like schema_migrations, and is not copied; nor are
// search_terms, the search index's vocabulary, and search_facets, its
// documents' facet values, which the reindex after a load writes again
// (sqlite_store.cc, write_index_rows).
#include "store/sqlite_copy.h"

#include <optional>

namespace pactum::store {

namespace sqlite {

namespace {

// Names come from sqlite_master, not from input; quoted all the same.
std::string quote(const std::string& name) {
  std::string out = "\"";
  for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

class SqliteTableCopy final : public TableCopy {
 public:
  SqliteTableCopy(Db& db, std::mutex& mu, std::function<Status()> reindex)
      : db_(db), lock_(mu), reindex_(std::move(reindex)) {}

  Result<std::vector<TableInfo>> tables() override {
    std::vector<TableInfo> out;
    {
      auto s = db_.statement(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
          "AND name NOT IN ('schema_migrations', 'kb_state', 'search_terms', 'search_facets') AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' AND name NOT IN "
          "(SELECT m.name FROM sqlite_master m, sqlite_master v WHERE v.sql LIKE 'CREATE VIRTUAL TABLE%' "
          "AND m.name LIKE v.name || '\\_%' ESCAPE '\\') ORDER BY rowid");
      if (!s.is_ok()) return s.status();
      for (;;) {
        auto row = (*s)->step();
        if (!row.is_ok()) return row.status();
        if (!*row) break;
        out.push_back({(*s)->column_text(0), {}});
      }
    }
    for (TableInfo& t : out) {
      auto s = db_.statement("SELECT name FROM pragma_table_info(:t) ORDER BY cid");
      if (!s.is_ok()) return s.status();
      (*s)->bind_text(":t", t.name);
      for (;;) {
        auto row = (*s)->step();
        if (!row.is_ok()) return row.status();
        if (!*row) break;
        t.columns.push_back((*s)->column_text(0));
      }
    }
    return out;
  }

  Status scan(const TableInfo& t, const std::function<Status(const Row&)>& sink) override {
    std::string cols, order;
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
      cols += (i ? ", " : "") + std::string("typeof(") + quote(t.columns[i]) + "), " + quote(t.columns[i]);
      // Bytewise, whatever the column's collation (NOCASE on actor keys), so
      // that PostgreSQL's scan (pg_copy.cc) gives the rows in the same order.
      order += (i ? ", " : "") + std::to_string(2 * i + 2) + " COLLATE BINARY";
    }
    auto s = db_.statement("SELECT " + cols + " FROM " + quote(t.name) + " ORDER BY " + order);
    if (!s.is_ok()) return s.status();
    Row row(t.columns.size());
    for (;;) {
      auto more = (*s)->step();
      if (!more.is_ok()) return more.status();
      if (!*more) break;
      for (std::size_t i = 0; i < t.columns.size(); ++i) {
        int at = static_cast<int>(2 * i);
        std::string type = (*s)->column_text(at);
        Cell& c = row[i];
        c = Cell{};
        if (type == "integer") {
          c.type = Cell::Type::kInt;
          c.i = (*s)->column_int(at + 1);
        } else if (type == "real") {
          c.type = Cell::Type::kReal;
          c.r = (*s)->column_double(at + 1);
        } else if (type == "text") {
          c.type = Cell::Type::kText;
          c.s = (*s)->column_text(at + 1);
        } else if (type == "blob") {
          c.type = Cell::Type::kBlob;
          c.s = (*s)->column_blob(at + 1);
        }
      }
      PACTUM_RETURN_IF_ERROR(sink(row));
    }
    return Status::ok();
  }

  Status begin_load() override {
    auto tx = Transaction::begin(db_, Transaction::Mode::kWrite);
    if (!tx.is_ok()) return tx.status();
    tx_.emplace(std::move(*tx));
    // Rows arrive table by table; references are checked at commit.
    PACTUM_RETURN_IF_ERROR(db_.exec("PRAGMA defer_foreign_keys = ON"));
    auto list = tables();
    if (!list.is_ok()) return list.status();
    return require_empty(db_.path(), *list, [&](const std::string& table) {
      return db_.query_int("SELECT count(*) FROM " + quote(table));
    });
  }

  Status load(const TableInfo& t, const std::vector<Row>& rows) override {
    if (!tx_) return Status::internal("load before begin_load");
    std::string cols, params;
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
      cols += (i ? ", " : "") + quote(t.columns[i]);
      params += (i ? ", :p" : ":p") + std::to_string(i);
    }
    auto s = db_.statement("INSERT INTO " + quote(t.name) + " (" + cols + ") VALUES (" + params + ")");
    if (!s.is_ok()) return s.status();
    std::vector<std::string> names;
    for (std::size_t i = 0; i < t.columns.size(); ++i) names.push_back(":p" + std::to_string(i));
    for (const Row& row : rows) {
      if (row.size() != t.columns.size()) return Status::invalid_argument(t.name + ": a row of the wrong width");
      (*s)->reset();
      for (std::size_t i = 0; i < row.size(); ++i) {
        const Cell& c = row[i];
        const char* n = names[i].c_str();
        switch (c.type) {
          case Cell::Type::kNull: (*s)->bind_null(n); break;
          case Cell::Type::kInt: (*s)->bind_int(n, c.i); break;
          case Cell::Type::kReal: (*s)->bind_double(n, c.r); break;
          case Cell::Type::kText: (*s)->bind_text(n, c.s); break;
          case Cell::Type::kBlob: (*s)->bind_blob(n, c.s); break;
        }
      }
      Status st = (*s)->run();
      if (!st.is_ok()) return Status(st.code(), t.name + ": " + st.message());
    }
    return Status::ok();
  }

  Status finish_load() override {
    if (!tx_) return Status::internal("finish_load before begin_load");
    return reindex_ ? reindex_() : Status::ok();
  }

  Status commit_load() override {
    if (!tx_) return Status::internal("commit_load before begin_load");
    Status st = tx_->commit();
    tx_.reset();
    return st;
  }

 private:
  Db& db_;
  std::unique_lock<std::mutex> lock_;
  std::function<Status()> reindex_;
  std::optional<Transaction> tx_;  // declared last: rolled back before the lock is released
};

}  // namespace

std::unique_ptr<TableCopy> make_table_copy(Db& db, std::mutex& mu, std::function<Status()> reindex) {
  return std::make_unique<SqliteTableCopy>(db, mu, std::move(reindex));
}

}  // namespace sqlite
}  // namespace pactum::store
