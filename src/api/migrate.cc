// A whole store copied and verified, table by table; see migrate.h.
#include "api/migrate.h"

#include <map>

namespace pactum::api {

namespace {

constexpr std::size_t kRowsPerLoad = 1000;

}  // namespace

Result<std::vector<TableReport>> migrate_store(store::Store& from, store::Store& to,
                                               const MigrateProgress& progress) {
  auto source = from.table_copy();
  if (!source.is_ok()) return source.status();
  auto target = to.table_copy();
  if (!target.is_ok()) return target.status();
  auto tables = (*source)->tables();
  if (!tables.is_ok()) return tables.status();
  auto target_tables = (*target)->tables();
  if (!target_tables.is_ok()) return target_tables.status();
  std::map<std::string, std::vector<std::string>> columns;
  for (const auto& t : *target_tables) columns[t.name] = t.columns;
  // The target's schema must hold every column of every source table: both
  // stores at the same schema version.
  for (const auto& t : *tables) {
    auto it = columns.find(t.name);
    if (it == columns.end()) {
      return Status::failed_precondition("the target has no table " + t.name + " (is it the same schema version?)");
    }
    for (const auto& c : t.columns) {
      bool found = false;
      for (const auto& tc : it->second) found = found || tc == c;
      if (!found) return Status::failed_precondition("the target's table " + t.name + " has no column " + c);
    }
  }
  PACTUM_RETURN_IF_ERROR((*target)->begin_load());
  std::vector<TableReport> report;
  for (const auto& t : *tables) {
    std::vector<store::Row> rows;
    store::RowDigest digest;
    Status st = (*source)->scan(t, [&](const store::Row& row) -> Status {
      digest.add(row);
      rows.push_back(row);
      if (rows.size() < kRowsPerLoad) return Status::ok();
      Status loaded = (*target)->load(t, rows);
      rows.clear();
      return loaded;
    });
    if (st.is_ok() && !rows.empty()) st = (*target)->load(t, rows);
    if (!st.is_ok()) return Status(st.code(), "copying " + t.name + ": " + st.message());
    store::TableDigest d = digest.finish();
    report.push_back({t.name, d.rows, d.sha256});
    if (progress) progress(t.name, d.rows);
  }
  PACTUM_RETURN_IF_ERROR((*target)->finish_load());
  // Read back from the target, inside its transaction: what commits is
  // what was read.
  for (std::size_t i = 0; i < tables->size(); ++i) {
    auto d = (*target)->digest((*tables)[i]);
    if (!d.is_ok()) return d.status();
    if (d->rows != report[i].rows || d->sha256 != report[i].sha256) {
      return Status::corruption("table " + report[i].table + " differs after the copy: " +
                                std::to_string(report[i].rows) + " rows " + report[i].sha256.substr(0, 12) +
                                " in the source, " + std::to_string(d->rows) + " rows " + d->sha256.substr(0, 12) +
                                " in the target; nothing was committed");
    }
  }
  PACTUM_RETURN_IF_ERROR((*target)->commit_load());
  return report;
}

}  // namespace pactum::api
