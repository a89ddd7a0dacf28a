// The SQLite store's migrations, oldest first, and the code that applies them.
//
// A released migration may never change: not its number, not its SQL. Stores
// in the field have applied it and record only its number (user_version), so
// an edited migration would leave old and new stores with different schemas
// under the same version. Change the schema by appending a migration.
#include "store/migrations.h"

#include <algorithm>
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

// The knowledge base and search. Everything here is derived from documents
// and events (and so rebuilt by SqliteStore::rebuild_knowledge_base()),
// except the curation tables, which hold what analysts said and are never
// recomputed. kb_state.rebuild_needed asks the store to fill the derived
// tables for documents stored before this migration: SQL cannot tokenize or
// fingerprint text, so the store does it in C++ on open.
constexpr const char* kMigration2 = R"sql(
-- An analyst's verdict on an event: NULL (as extracted), confirmed, rejected.
ALTER TABLE events ADD COLUMN curation TEXT CHECK (curation IS NULL OR curation IN ('confirmed', 'rejected'));

-- MinHash signature of the document's word 3-shingles (kb/near_duplicate.h),
-- and its LSH band keys, so that near-copies are found by index lookups.
CREATE TABLE document_fingerprints (
  document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  signature   BLOB NOT NULL
) STRICT;
CREATE TABLE document_bands (
  band_key    INTEGER NOT NULL,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  PRIMARY KEY (band_key, document_id)
) WITHOUT ROWID, STRICT;

-- A near-copy (a syndicated press release) and the first stored document it
-- copies; a copy's events add no source to an agreement.
CREATE TABLE document_links (
  document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  original_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  similarity  REAL NOT NULL CHECK (similarity >= 0.0 AND similarity <= 1.0),
  CHECK (document_id <> original_id)
) STRICT;
CREATE INDEX document_links_original ON document_links(original_id);

-- Agreements merged across documents (kb/agreements.h). party_key is
-- kb::party_key() of the parties' actor ids.
CREATE TABLE agreements (
  id         INTEGER PRIMARY KEY,
  party_key  TEXT NOT NULL,
  instrument TEXT NOT NULL
) STRICT;
CREATE INDEX agreements_party_key ON agreements(party_key);

CREATE TABLE agreement_parties (
  agreement_id INTEGER NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
  actor_id     INTEGER NOT NULL REFERENCES actors(id),
  PRIMARY KEY (agreement_id, actor_id)
) WITHOUT ROWID, STRICT;
CREATE INDEX agreement_parties_actor ON agreement_parties(actor_id, agreement_id);

-- The acts of an agreement's timeline; date widened like events.date.
CREATE TABLE agreement_acts (
  id           INTEGER PRIMARY KEY,
  agreement_id INTEGER NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
  stage        TEXT NOT NULL,
  date         TEXT CHECK )sql" PACTUM_DATE_FORM("date") R"sql(,
  date_lo      TEXT GENERATED ALWAYS AS (CASE length(date)
                 WHEN 4 THEN date || '-01-01' WHEN 7 THEN date || '-01' ELSE date END) VIRTUAL,
  date_hi      TEXT GENERATED ALWAYS AS (CASE length(date)
                 WHEN 4 THEN date || '-12-31' WHEN 7 THEN date || '-31' ELSE date END) VIRTUAL
) STRICT;
CREATE INDEX agreement_acts_agreement ON agreement_acts(agreement_id);

-- Which event states which act; is_copy marks events of near-copies.
CREATE TABLE agreement_events (
  event_id     INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
  agreement_id INTEGER NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
  act_id       INTEGER NOT NULL REFERENCES agreement_acts(id) ON DELETE CASCADE,
  document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  is_copy      INTEGER NOT NULL CHECK (is_copy IN (0, 1))
) STRICT;
CREATE INDEX agreement_events_agreement ON agreement_events(agreement_id, act_id);
CREATE INDEX agreement_events_document ON agreement_events(document_id);

-- Organization names under kb::org_name_key(), so that "Equinor ASA" found
-- in a new document joins the actor "Equinor".
CREATE TABLE actor_name_keys (
  name_key TEXT NOT NULL,
  actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
  PRIMARY KEY (name_key, actor_id)
) WITHOUT ROWID, STRICT;

-- Keys of actors merged into another (curation): a later document naming
-- the old key lands on the actor it was merged into.
CREATE TABLE actor_redirects (
  key      TEXT PRIMARY KEY COLLATE NOCASE,
  actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE
) WITHOUT ROWID, STRICT;

-- Curated event facts, keyed by what survives re-extraction (the document's
-- content hash and the evidence span), applied over whatever is extracted.
-- field: status | instrument | stage | date | sectors | duration_years.
CREATE TABLE event_overrides (
  content_hash   TEXT NOT NULL,
  evidence_begin INTEGER NOT NULL,
  evidence_end   INTEGER NOT NULL,
  field          TEXT NOT NULL,
  value          TEXT,
  PRIMARY KEY (content_hash, evidence_begin, evidence_end, field)
) WITHOUT ROWID, STRICT;

-- Every curation, append-only.
CREATE TABLE curation_log (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  author    TEXT NOT NULL CHECK (author <> ''),
  target    TEXT NOT NULL CHECK (target IN ('event', 'actor')),
  target_id INTEGER NOT NULL,
  action    TEXT NOT NULL,
  field     TEXT,
  old_value TEXT,
  new_value TEXT,
  note      TEXT
) STRICT;

-- Full text of documents (title, text) and of their events' evidence.
-- Contentless: the text lives in documents, the index holds only terms.
-- unicode61 without diacritics, so "Møre" finds "More"; text with Japanese
-- is indexed as MeCab tokens separated by spaces (unicode61 alone keeps a run
-- of kanji as one token). rowid = documents.id.
CREATE VIRTUAL TABLE search_index USING fts5(
  title, body, evidence, content='', tokenize='unicode61 remove_diacritics 2');

CREATE TABLE kb_state (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID, STRICT;
INSERT INTO kb_state(key, value) SELECT 'rebuild_needed', '1' WHERE EXISTS (SELECT 1 FROM documents);
)sql";

// Mineral production (or refining) tables imported by `pactum minerals
// import`; analytics/minerals.h validates rows before they get here, the
// checks below only keep a store from holding what it would compute nonsense
// from. A re-import of a (mineral, year, source) replaces its rows.
constexpr const char* kMigration3 = R"sql(
CREATE TABLE mineral_production (
  mineral TEXT NOT NULL CHECK (mineral <> ''),
  year    INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2100),
  country TEXT NOT NULL CHECK (country = 'WORLD' OR (length(country) = 2 AND country GLOB '[A-Z][A-Z]')),
  tonnes  REAL CHECK (tonnes IS NULL OR tonnes >= 0),
  share   REAL CHECK (share IS NULL OR (share >= 0 AND share <= 100)),
  source  TEXT NOT NULL CHECK (source <> ''),
  CHECK (tonnes IS NOT NULL OR share IS NOT NULL),
  PRIMARY KEY (mineral, year, source, country)
) WITHOUT ROWID, STRICT;
)sql";

// API tokens of `pactum serve`: only the SHA-256 of a token is kept, so a
// copy of the store does not leak write access.
constexpr const char* kMigrationApiTokens = R"sql(
CREATE TABLE api_tokens (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL CHECK (name <> ''),
  sha256     TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
)sql";

// Cooperation profiles (kb/profile.h) and the helpdesk's workflow on them.
// A profile is kept whole as JSON (its schema's shape) with the columns that
// filters need beside it; kb/profile.h validates before anything gets here.
// An expression of interest moves interested -> forwarded|declined ->
// accepted|declined; every step is a row with its time and author.
constexpr const char* kMigration4 = R"sql(
CREATE TABLE profiles (
  id          TEXT PRIMARY KEY CHECK (id <> ''),
  json        TEXT NOT NULL CHECK (json_valid(json)),
  type        TEXT NOT NULL,
  country     TEXT NOT NULL,
  subdivision TEXT,
  language    TEXT NOT NULL,
  published   TEXT,
  deadline    TEXT,
  imported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX profiles_country ON profiles(country);
CREATE INDEX profiles_deadline ON profiles(deadline);

CREATE TABLE profile_sectors (
  profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
  sector     TEXT NOT NULL,
  PRIMARY KEY (profile_id, sector)
) WITHOUT ROWID, STRICT;
CREATE INDEX profile_sectors_sector ON profile_sectors(sector);

CREATE TABLE profile_interests (
  id           INTEGER PRIMARY KEY,
  profile_id   TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
  organization TEXT NOT NULL CHECK (organization <> ''),
  from_profile TEXT,
  state        TEXT NOT NULL CHECK (state IN ('interested', 'forwarded', 'declined', 'accepted')),
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX profile_interests_profile ON profile_interests(profile_id);

CREATE TABLE profile_interest_steps (
  id          INTEGER PRIMARY KEY,
  interest_id INTEGER NOT NULL REFERENCES profile_interests(id) ON DELETE CASCADE,
  step        TEXT NOT NULL CHECK (step IN ('interested', 'forwarded', 'declined', 'accepted')),
  at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  author      TEXT NOT NULL CHECK (author <> ''),
  note        TEXT
) STRICT;
CREATE INDEX profile_interest_steps_interest ON profile_interest_steps(interest_id);
)sql";

// Feeds followed by URL and saved searches (pactum feeds, pactum watch), and
// the stage of a mineral table (production or refining). Times are UTC
// "YYYY-MM-DDTHH:MM:SS.sssZ", as documents.ingested_at, so they compare as text.
constexpr const char* kMigration6 = R"sql(
-- A feed's conditional-request validators (from its last 200) and its poll
-- state: next_poll_at NULL is due now; failures counts consecutive errors
-- (the backoff doubles with each).
CREATE TABLE feeds (
  id             INTEGER PRIMARY KEY,
  url            TEXT NOT NULL UNIQUE CHECK (url <> ''),
  name           TEXT NOT NULL CHECK (name <> ''),
  interval_s     INTEGER NOT NULL CHECK (interval_s >= 0),
  etag           TEXT,
  last_modified  TEXT,
  added_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  last_polled_at TEXT,
  next_poll_at   TEXT,
  failures       INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
  last_status    TEXT,
  last_error     TEXT
) STRICT;

-- Items of a feed already ingested (by link, else content hash): each once.
CREATE TABLE feed_items (
  feed_id      INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
  item_key     TEXT NOT NULL CHECK (item_key <> ''),
  content_hash TEXT,
  seen_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (feed_id, item_key)
) WITHOUT ROWID, STRICT;

-- Saved searches: the query and its filters (a JSON object of the search
-- flags), and when its changes were last read.
CREATE TABLE watches (
  name            TEXT PRIMARY KEY CHECK (name <> ''),
  query           TEXT NOT NULL CHECK (query <> ''),
  filters         TEXT NOT NULL DEFAULT '{}',
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  last_checked_at TEXT
) WITHOUT ROWID, STRICT;

-- Mineral tables gain their stage: production (mining) or refining. The
-- stage joins the key, so one source may give both for a year.
CREATE TABLE mineral_production_v6 (
  mineral TEXT NOT NULL CHECK (mineral <> ''),
  stage   TEXT NOT NULL DEFAULT 'production' CHECK (stage IN ('production', 'refining')),
  year    INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2100),
  country TEXT NOT NULL CHECK (country = 'WORLD' OR (length(country) = 2 AND country GLOB '[A-Z][A-Z]')),
  tonnes  REAL CHECK (tonnes IS NULL OR tonnes >= 0),
  share   REAL CHECK (share IS NULL OR (share >= 0 AND share <= 100)),
  source  TEXT NOT NULL CHECK (source <> ''),
  CHECK (tonnes IS NOT NULL OR share IS NOT NULL),
  PRIMARY KEY (mineral, stage, year, source, country)
) WITHOUT ROWID, STRICT;
INSERT INTO mineral_production_v6(mineral, stage, year, country, tonnes, share, source)
  SELECT mineral, 'production', year, country, tonnes, share, source FROM mineral_production;
DROP TABLE mineral_production;
ALTER TABLE mineral_production_v6 RENAME TO mineral_production;
)sql";

#undef PACTUM_DATE_FORM

// Append only; see the top of this file.
// The document queue of `pactum ingest --queue / --worker`: raw sources
// that workers claim with a lease (claimed_by, lease_until) and complete in
// the transaction that stores their documents. attempts is the claim's
// fencing token: a worker completes only the claim it holds. body_hash
// keeps a source queued twice from being read twice. And each event's
// version, bumped by every curation that changes it, for `curate
// --if-version` (optimistic concurrency between editors).
constexpr const char* kMigration7 = R"sql(
CREATE TABLE document_queue (
  id          INTEGER PRIMARY KEY,
  source      TEXT NOT NULL,
  body        BLOB NOT NULL,
  body_hash   TEXT NOT NULL UNIQUE,
  format      TEXT,
  language    TEXT,
  state       TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'claimed', 'done', 'failed')),
  attempts    INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  claimed_by  TEXT,
  lease_until TEXT,
  enqueued_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  done_at     TEXT,
  stored      INTEGER,
  error       TEXT
) STRICT;
CREATE INDEX document_queue_state ON document_queue(state, id);

ALTER TABLE events ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
)sql";

// The search index's vocabulary (store/fts_terms.h): every term FTS5 holds,
// so that a prefix query ("wasserstoff" *) can be run as the few terms it
// covers. FTS5 answers a prefix by merging the whole doclist of every term
// under it before the first row; exact terms are read lazily, newest first,
// and stop at the candidate cap (SqliteStore::search). Filled here from the
// index itself; the write path adds each new term with its index row. And
// the index no longer holds near-copies (see below).
constexpr const char* kMigration8 = R"sql(
CREATE TABLE search_terms (
  term TEXT PRIMARY KEY
) WITHOUT ROWID, STRICT;
CREATE VIRTUAL TABLE temp.search_index_vocabulary USING fts5vocab(main, search_index, 'row');
INSERT INTO search_terms(term) SELECT term FROM temp.search_index_vocabulary;
DROP TABLE temp.search_index_vocabulary;
-- Near-copies leave the index (SqliteStore::indexed_document): the store
-- rebuilds the search index alone when it opens (rebuild_if_needed).
INSERT OR REPLACE INTO kb_state(key, value) SELECT 'reindex_needed', '1' WHERE EXISTS (SELECT 1 FROM document_links);
)sql";

// Facet tokens in the search index (SqliteStore::document_facets): a
// fourth column, `facets`, holds one token per sector, party country and
// subdivision, instrument and stage of the document's events and its
// language, so that a filtered search is one FTS5 AND over doclists instead
// of a probe of the event rows per text match. FTS5 cannot add a column:
// the index is made anew and the store fills it when it opens
// (rebuild_if_needed, reindex_needed).
constexpr const char* kMigration9 = R"sql(
DROP TABLE search_index;
CREATE VIRTUAL TABLE search_index USING fts5(
  title, body, evidence, facets, content='', tokenize='unicode61 remove_diacritics 2');
INSERT OR REPLACE INTO kb_state(key, value) SELECT 'reindex_needed', '1' WHERE EXISTS (SELECT 1 FROM documents);
)sql";

// Each indexed document's facet values as search counts them
// (SqliteStore::document_facets): the language, and of its non-rejected
// events the years, sectors, instruments, stages, party countries and
// subdivisions, one row per document, so that counting the facets of a
// search's candidates is one lookup each instead of the joins of its
// events, sectors and parties (about half of a faceted search at 1,000,000
// documents). Written with the index row, in the same transaction; the
// store fills it when it opens (rebuild_if_needed, search_facets_needed).
constexpr const char* kMigration10 = R"sql(
CREATE TABLE search_facets (
  document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  summary     BLOB NOT NULL
) STRICT;
INSERT OR REPLACE INTO kb_state(key, value) SELECT 'search_facets_needed', '1' WHERE EXISTS (SELECT 1 FROM documents);
)sql";

// Pair tokens in the search index's facets column (SqliteStore::
// document_facets, facet_pair_token): a sector beside a party's country or
// subdivision on one non-rejected event, so that a search by sector and
// country is one FTS5 AND that is exact, without a probe of the events per
// candidate. FTS5 cannot rewrite a column of a contentless row in place:
// the store reindexes when it opens (rebuild_if_needed, reindex_needed).
constexpr const char* kMigration11 = R"sql(
INSERT OR REPLACE INTO kb_state(key, value) SELECT 'reindex_needed', '1' WHERE EXISTS (SELECT 1 FROM documents);
)sql";

constexpr Migration kMigrations[] = {
    {1, "documents, actors, events and people", kMigration1},
    {2, "agreements, near-duplicates, curation and the search index", kMigration2},
    {3, "mineral production tables", kMigration3},
    {4, "cooperation profiles and expressions of interest", kMigration4},
    {5, "API tokens, hashed", kMigrationApiTokens},
    {6, "feeds, saved searches, mineral table stages", kMigration6},
    {7, "document queue, event versions", kMigration7},
    {8, "the search index's vocabulary", kMigration8},
    {9, "facet tokens in the search index", kMigration9},
    {10, "each indexed document's facet values", kMigration10},
    {11, "sector pairs in the search index's facets", kMigration11},
};

}  // namespace

std::span<const Migration> migrations() { return kMigrations; }

int latest_schema_version() { return kMigrations[std::size(kMigrations) - 1].version; }

namespace {

// Applies `m` inside the caller's write transaction; `current` is the
// schema version read inside it.
Status apply_locked(Db& db, const Migration& m, std::int64_t current) {
  if (current >= m.version) return Status::ok();
  if (current != m.version - 1) {
    return Status::corruption("schema version " + std::to_string(current) +
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
  return db.exec("PRAGMA user_version = " + std::to_string(m.version));
}

// Applies the migrations of `list` after `from` in one write transaction:
// one migration each for a store being upgraded (a failing migration keeps
// the ones before it), all of them at once for a new store, whose creation
// is then one commit, not one per migration.
Status apply(Db& db, std::span<const Migration> list, std::int64_t from, bool together) {
  std::size_t i = 0;
  while (i < list.size() && list[i].version <= from) ++i;  // applied: no transaction
  while (i < list.size()) {
    auto tx = Transaction::begin(db, Transaction::Mode::kWrite);
    if (!tx.is_ok()) return tx.status();
    // Another process may have migrated between our check and our lock.
    auto current = db.query_int("PRAGMA user_version");
    if (!current.is_ok()) return current.status();
    do {
      const Migration& m = list[i++];
      PACTUM_RETURN_IF_ERROR(apply_locked(db, m, *current));
      *current = std::max<std::int64_t>(*current, m.version);
    } while (together && i < list.size());
    PACTUM_RETURN_IF_ERROR(tx->commit());
  }
  return Status::ok();
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
  if (*current == 0) {
    // A new store: every migration in one transaction. Should one fail, that
    // transaction is rolled back and they are applied one at a time, so the
    // failure leaves what it leaves when upgrading (the ones before it whole).
    if (apply(db, list, 0, /*together=*/true).is_ok()) return Status::ok();
  }
  return apply(db, list, *current, /*together=*/false);
}

}  // namespace pactum::store::sqlite
