// A whole store copied table by table (pactum migrate), ids and all, and
// checked row for row. Why tables and not the Store interface: a copy
// through put() would re-extract nothing but still re-derive ids, so the
// curation log, event overrides, agreements and API references would point
// at other rows, and half the state (tokens' hashes, feed items seen, watch
// checks, interest steps) has no read-back method at all. Each engine lists
// its tables in the shared schema's names; derived data only the engine can
// compute (its full-text index) is left out and rebuilt by finish_load().
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "common/status.h"

namespace pactum::store {

// One value of a row, typed as the engine stores it.
struct Cell {
  enum class Type { kNull, kInt, kReal, kText, kBlob };
  Type type = Type::kNull;
  std::int64_t i = 0;
  double r = 0;
  std::string s;  // text or blob bytes
};
using Row = std::vector<Cell>;

struct TableInfo {
  std::string name;
  std::vector<std::string> columns;  // in schema order
};

// A table's row count and the SHA-256 over its rows in the order of all
// their columns (row_digest_update), so two engines holding the same rows
// agree whatever their physical order.
struct TableDigest {
  std::int64_t rows = 0;
  std::string sha256;
};

class TableCopy {
 public:
  virtual ~TableCopy() = default;

  // The tables that hold the store's state, each after those it refers to;
  // the schema's bookkeeping and derived full-text indexes left out.
  virtual Result<std::vector<TableInfo>> tables() = 0;
  // Every row of the table, ordered by all its columns.
  virtual Status scan(const TableInfo& table, const std::function<Status(const Row&)>& row) = 0;
  // The table's TableDigest, over scan()'s rows: engines differ only in how
  // they read rows, so the digest is computed once, here.
  Result<TableDigest> digest(const TableInfo& table);

  // Loading, all in one write transaction: begin_load refuses a store that
  // holds any row (kFailedPrecondition naming the table), finish_load
  // rebuilds the derived data, commit_load commits. Destroying the copy
  // before commit_load rolls everything back.
  virtual Status begin_load() = 0;
  virtual Status load(const TableInfo& table, const std::vector<Row>& rows) = 0;
  virtual Status finish_load() = 0;
  virtual Status commit_load() = 0;
};

// For begin_load: kFailedPrecondition naming the first of `tables` that
// holds a row (`count` gives a table's rows), so that migrate never mixes
// a copy into a store that has data of its own.
Status require_empty(const std::string& store, const std::vector<TableInfo>& tables,
                     const std::function<Result<std::int64_t>(const std::string& table)>& count);

// The canonical encoding digests hash: per cell a type letter, the length
// and the value (integers in decimal, reals as %.17g), so "1" and 1 differ.
std::string canonical_row(const Row& row);

// A TableDigest built row by row (SHA-256 over the canonical rows).
class RowDigest {
 public:
  RowDigest();
  ~RowDigest();
  RowDigest(const RowDigest&) = delete;
  RowDigest& operator=(const RowDigest&) = delete;
  void add(const Row& row);
  TableDigest finish();

 private:
  void* ctx_;  // EVP_MD_CTX
  std::int64_t rows_ = 0;
};

}  // namespace pactum::store
