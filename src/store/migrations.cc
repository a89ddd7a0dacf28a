// The SQLite store's migrations, oldest first, and the code that applies them.
//
// A released migration may never change: not its number, not its SQL. Stores
// in the field have applied it and record only its number (user_version), so
// an edited migration would leave old and new stores with different schemas
// under the same version. Change the schema by appending a migration.
#include "store/migrations.h"

#include <string>

namespace pactum::store::sqlite {

namespace {

// YYYY, YYYY-MM or YYYY-MM-DD: the only date forms of the extraction schema.
// Range filters depend on it (see the date_lo/date_hi columns of events).
#define PACTUM_DATE_FORM(col)                                                         \
  "(" col " IS NULL OR " col " GLOB '[0-9][0-9][0-9][0-9]' OR " col                   \
  " GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]' OR " col                                    \
  " GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')"

// Absent strings are NULL, never ''. Spans are byte offsets into
// documents.text, half-open. `position` columns keep the extraction's order.
constexpr const char* kMigration1 = R"sql(
CREATE TABLE schema_migrations (
  version     INTEGER PRIMARY KEY,
  description TEXT NOT NULL,
  applied_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

CREATE TABLE documents (
  id           INTEGER PRIMARY KEY,
  source       TEXT NOT NULL,
  url          TEXT,
  title        TEXT,
  published    TEXT CHECK )sql" PACTUM_DATE_FORM("published") R"sql(,
  language     TEXT,
  format       TEXT NOT NULL,
  content_hash TEXT NOT NULL UNIQUE CHECK (content_hash <> ''),
  text         TEXT NOT NULL,
  ingested_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX documents_language ON documents(language);

-- One row per actor across all documents; `key` is store::actor_key().
-- Codes compare without case; names through name_folded (store::fold_case).
CREATE TABLE actors (
  id          INTEGER PRIMARY KEY,
  key         TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name        TEXT NOT NULL CHECK (name <> ''),
  name_folded TEXT NOT NULL,
  kind        TEXT,
  country     TEXT COLLATE NOCASE,
  subdivision TEXT COLLATE NOCASE
) STRICT;
CREATE INDEX actors_name_folded ON actors(name_folded);
CREATE INDEX actors_country ON actors(country);
CREATE INDEX actors_subdivision ON actors(subdivision);

-- Surface forms an actor was named by in documents ("Norwegen", "NRW").
CREATE TABLE actor_aliases (
  actor_id     INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
  alias        TEXT NOT NULL,
  alias_folded TEXT NOT NULL,
  PRIMARY KEY (actor_id, alias)
) WITHOUT ROWID, STRICT;
CREATE INDEX actor_aliases_folded ON actor_aliases(alias_folded, actor_id);

-- date_lo/date_hi widen a partial date to the days it may mean ("2023" is
-- 2023-01-01 .. 2023-12-31; a month ends on "-31", which sorts right), so
-- that since/until are plain string comparisons.
CREATE TABLE events (
  id             INTEGER PRIMARY KEY,
  document_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  position       INTEGER NOT NULL,
  instrument     TEXT NOT NULL,
  stage          TEXT NOT NULL,
  date           TEXT CHECK )sql" PACTUM_DATE_FORM("date") R"sql(,
  date_lo        TEXT GENERATED ALWAYS AS (CASE length(date)
                   WHEN 4 THEN date || '-01-01' WHEN 7 THEN date || '-01' ELSE date END) VIRTUAL,
  date_hi        TEXT GENERATED ALWAYS AS (CASE length(date)
                   WHEN 4 THEN date || '-12-31' WHEN 7 THEN date || '-31' ELSE date END) VIRTUAL,
  duration_years INTEGER CHECK (duration_years IS NULL OR duration_years >= 0),
  confidence     REAL NOT NULL CHECK (confidence >= 0.0 AND confidence <= 1.0),
  evidence       TEXT NOT NULL,
  evidence_begin INTEGER NOT NULL,
  evidence_end   INTEGER NOT NULL,
  CHECK (0 <= evidence_begin AND evidence_begin <= evidence_end),
  UNIQUE (document_id, position)
) STRICT;
CREATE INDEX events_date ON events(date_lo);
CREATE INDEX events_date_hi ON events(date_hi);
CREATE INDEX events_instrument ON events(instrument);
CREATE INDEX events_stage ON events(stage);

CREATE TABLE event_parties (
  event_id      INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  actor_id      INTEGER NOT NULL REFERENCES actors(id),
  mention_begin INTEGER NOT NULL,
  mention_end   INTEGER NOT NULL,
  CHECK (0 <= mention_begin AND mention_begin <= mention_end),
  PRIMARY KEY (event_id, position)
) WITHOUT ROWID, STRICT;
CREATE INDEX event_parties_actor ON event_parties(actor_id, event_id);

CREATE TABLE event_sectors (
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  sector   TEXT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (event_id, sector)
) WITHOUT ROWID, STRICT;
CREATE INDEX event_sectors_sector ON event_sectors(sector, event_id);

CREATE TABLE event_signatories (
  event_id    INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  name        TEXT NOT NULL,
  role        TEXT,
  affiliation TEXT,
  PRIMARY KEY (event_id, position)
) WITHOUT ROWID, STRICT;

CREATE TABLE people (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  name        TEXT NOT NULL,
  role        TEXT,
  affiliation TEXT,
  quoted      INTEGER NOT NULL CHECK (quoted IN (0, 1)),
  span_begin  INTEGER NOT NULL,
  span_end    INTEGER NOT NULL,
  CHECK (0 <= span_begin AND span_begin <= span_end),
  UNIQUE (document_id, position)
) STRICT;

CREATE TABLE document_organizations (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  name        TEXT NOT NULL,
  position    INTEGER NOT NULL,
  PRIMARY KEY (document_id, name)
) WITHOUT ROWID, STRICT;

PRAGMA application_id = 1346454356;
)sql";

#undef PACTUM_DATE_FORM

// Append only; see the top of this file.
constexpr Migration kMigrations[] = {
    {1, "documents, actors, events and people", kMigration1},
};

}  // namespace

std::span<const Migration> migrations() { return kMigrations; }

int latest_schema_version() { return kMigrations[std::size(kMigrations) - 1].version; }

namespace {

Status apply(Db& db, const Migration& m) {
  auto tx = Transaction::begin(db, Transaction::Mode::kWrite);
  if (!tx.is_ok()) return tx.status();
  // Another process may have migrated between our check and our lock.
  auto current = db.query_int("PRAGMA user_version");
  if (!current.is_ok()) return current.status();
  if (*current >= m.version) return Status::ok();
  if (*current != m.version - 1) {
    return Status::corruption("schema version " + std::to_string(*current) +
                              " cannot be migrated to " + std::to_string(m.version));
  }
  std::string context = "migration " + std::to_string(m.version) + " (" + m.description + ")";
  Status st = db.exec(m.sql);
  if (!st.is_ok()) return Status(st.code(), context + ": " + st.message());
  auto log = db.statement("INSERT INTO schema_migrations(version, description) VALUES (:v, :d)");
  if (!log.is_ok()) return log.status();
  (*log)->bind_int(":v", m.version);
  (*log)->bind_text(":d", m.description);
  PACTUM_RETURN_IF_ERROR((*log)->run());
  // PRAGMA takes no parameters; the number is ours, not user input.
  PACTUM_RETURN_IF_ERROR(db.exec("PRAGMA user_version = " + std::to_string(m.version)));
  return tx->commit();
}

}  // namespace

Status migrate(Db& db, std::span<const Migration> list) {
  auto current = db.query_int("PRAGMA user_version");
  if (!current.is_ok()) return current.status();
  int known = list.empty() ? 0 : list.back().version;
  if (*current > known) {
    return Status::failed_precondition(
        db.path() + " was written by a newer pactum (schema version " + std::to_string(*current) +
        "; this build knows up to " + std::to_string(known) + ")");
  }
  for (const Migration& m : list) {
    if (m.version <= *current) continue;
    PACTUM_RETURN_IF_ERROR(apply(db, m));
  }
  return Status::ok();
}

}  // namespace pactum::store::sqlite
