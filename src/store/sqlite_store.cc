// The Store on SQLite: one file (WAL mode), one connection per Store, one
// write transaction per document. Schema in migrations.cc.
#include <cmath>
#include <limits>
#include <mutex>
#include <string>
#include <utility>

#include "common/utf8.h"
#include "store/keys.h"
#include "store/migrations.h"
#include "store/sqlite_db.h"
#include "store/store.h"

namespace pactum::store {

namespace {

using sqlite::Db;
using sqlite::StatementLease;
using sqlite::Transaction;

// How long a writer waits for another process's write lock before giving up.
constexpr int kBusyTimeoutMs = 5000;

// The names formats are stored under. Pinned here rather than taken from
// ingest::format_name() because stored values must not change with labels.
const char* stored_format_name(ingest::Format f) {
  switch (f) {
    case ingest::Format::kText: return "text";
    case ingest::Format::kHtml: return "html";
    case ingest::Format::kPdf: return "pdf";
    case ingest::Format::kFeed: return "feed";
    case ingest::Format::kJsonl: return "jsonl";
  }
  return "text";
}

Status with_context(const Status& st, std::string_view context) {
  return Status(st.code(), std::string(context) + ": " + st.message());
}

// A span must lie inside the text it points into.
Status check_span(const text::Span& span, std::size_t text_size, std::string_view what) {
  if (span.begin > span.end || span.end > text_size) {
    return Status::invalid_argument(std::string(what) + " span [" + std::to_string(span.begin) + ", " +
                                    std::to_string(span.end) + ") lies outside the text (" +
                                    std::to_string(text_size) + " bytes)");
  }
  return Status::ok();
}

std::int64_t to_int64(std::size_t n) {
  return n > static_cast<std::size_t>(std::numeric_limits<std::int64_t>::max())
             ? std::numeric_limits<std::int64_t>::max()
             : static_cast<std::int64_t>(n);
}

// YYYY, YYYY-MM or YYYY-MM-DD.
bool is_date_form(std::string_view s) {
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    bool dash = i == 4 || i == 7;
    if (dash ? s[i] != '-' : (s[i] < '0' || s[i] > '9')) return false;
  }
  return true;
}

// A filter bound widened like events.date_lo / date_hi (see migrations.cc).
std::string widen_date(const std::string& date, bool upper) {
  if (date.size() == 4) return date + (upper ? "-12-31" : "-01-01");
  if (date.size() == 7) return date + (upper ? "-31" : "-01");
  return date;
}

// The columns read_event() expects, in order.
constexpr const char* kEventColumns =
    "e.id, e.document_id, d.source, d.language, e.instrument, e.stage, e.date, "
    "e.duration_years, e.confidence, e.evidence, e.evidence_begin, e.evidence_end";

EventRecord read_event(sqlite::Statement& s) {
  EventRecord r;
  r.id = s.column_int(0);
  r.document_id = s.column_int(1);
  r.document_source = s.column_text(2);
  r.language = s.column_text(3);
  r.event.instrument = s.column_text(4);
  r.event.stage = s.column_text(5);
  r.event.date = s.column_text(6);
  if (!s.column_is_null(7)) r.event.duration_years = static_cast<int>(s.column_int(7));
  r.event.confidence = s.column_double(8);
  r.event.evidence = s.column_text(9);
  r.event.evidence_span = {static_cast<std::size_t>(s.column_int(10)),
                           static_cast<std::size_t>(s.column_int(11))};
  return r;
}

// Parses a decimal id; nullopt when `s` is not one.
std::optional<std::int64_t> parse_id(const std::string& s) {
  if (s.empty() || s.size() > 18) return std::nullopt;
  std::int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(Db db) : db_(std::move(db)) {}

  Result<PutResult> put(const ingest::Document& doc, const extract::Extraction& x) override;
  Result<bool> has_document(const std::string& content_hash) override;
  Result<StoredDocument> document(std::int64_t id) override;
  Result<std::int64_t> document_count() override;
  Result<std::vector<EventRecord>> events(const EventFilter& filter) override;
  Result<EventRecord> event(std::int64_t id) override;
  Result<ActorRecord> actor(const std::string& name_or_code) override;
  Result<std::vector<ActorRecord>> actors() override;
  Result<std::vector<extract::Person>> people(std::int64_t document_id) override;
  Result<int> schema_version() override;

 private:
  // Write path; each runs inside put()'s transaction.
  Result<std::optional<std::int64_t>> insert_document(const ingest::Document& doc,
                                                      const extract::Extraction& x);
  Status insert_people(std::int64_t document_id, const ingest::Document& doc,
                       const extract::Extraction& x);
  Status insert_organizations(std::int64_t document_id, const extract::Extraction& x);
  Status insert_event(std::int64_t document_id, std::size_t position, const ingest::Document& doc,
                      const extract::Event& e);
  Result<std::int64_t> upsert_actor(const extract::Party& party, std::string_view mention);

  // Read path; callers hold a read transaction so that the parts agree.
  Status load_event_details(EventRecord& r);
  Result<ActorRecord> load_actor(std::int64_t id);
  Result<bool> document_exists(std::int64_t id);

  // One connection is not safe for concurrent use; every public method
  // takes mu_ for its whole length.
  std::mutex mu_;
  Db db_;  // guarded by mu_
};

// ---- writes ----------------------------------------------------------------

Result<PutResult> SqliteStore::put(const ingest::Document& doc, const extract::Extraction& x) {
  std::lock_guard lock(mu_);
  auto tx = Transaction::begin(db_, Transaction::Mode::kWrite);
  if (!tx.is_ok()) return with_context(tx.status(), doc.source);
  // Any early return below rolls the whole document back (~Transaction).
  auto id = insert_document(doc, x);
  if (!id.is_ok()) return with_context(id.status(), doc.source);
  if (!id->has_value()) return PutResult::kDuplicate;
  std::int64_t document_id = **id;
  Status st = insert_organizations(document_id, x);
  if (st.is_ok()) st = insert_people(document_id, doc, x);
  for (std::size_t i = 0; st.is_ok() && i < x.events.size(); ++i) {
    st = insert_event(document_id, i, doc, x.events[i]);
    if (!st.is_ok()) st = with_context(st, "event " + std::to_string(i + 1));
  }
  if (st.is_ok()) st = tx->commit();
  if (!st.is_ok()) return with_context(st, doc.source);
  return PutResult::kStored;
}

Result<std::optional<std::int64_t>> SqliteStore::insert_document(const ingest::Document& doc,
                                                                 const extract::Extraction& x) {
  // The content hash decides identity: on conflict nothing is written and no
  // row comes back.
  auto s = db_.statement(
      "INSERT INTO documents(source, url, title, published, language, format, content_hash, text) "
      "VALUES (:source, :url, :title, :published, :language, :format, :hash, :text) "
      "ON CONFLICT(content_hash) DO NOTHING RETURNING id");
  if (!s.is_ok()) return s.status();
  (*s)->bind_text(":source", doc.source);
  (*s)->bind_text_or_null(":url", doc.url);
  // The source's own metadata first; the extractor's reading of the text
  // fills what the source did not state.
  (*s)->bind_text_or_null(":title", doc.title.empty() ? x.title : doc.title);
  (*s)->bind_text_or_null(":published", doc.published.empty() ? x.published : doc.published);
  (*s)->bind_text_or_null(":language", x.language);
  (*s)->bind_text(":format", stored_format_name(doc.format));
  (*s)->bind_text(":hash", doc.content_hash);
  (*s)->bind_text(":text", doc.text);
  auto row = (*s)->step();
  if (!row.is_ok()) return row.status();
  if (!*row) return std::optional<std::int64_t>();
  return std::optional<std::int64_t>((*s)->column_int(0));
}

Status SqliteStore::insert_organizations(std::int64_t document_id, const extract::Extraction& x) {
  auto s = db_.statement(
      "INSERT INTO document_organizations(document_id, name, position) VALUES (:doc, :name, :pos) "
      "ON CONFLICT(document_id, name) DO NOTHING");
  if (!s.is_ok()) return s.status();
  for (std::size_t i = 0; i < x.organizations.size(); ++i) {
    (*s)->reset();
    (*s)->bind_int(":doc", document_id);
    (*s)->bind_text(":name", x.organizations[i]);
    (*s)->bind_int(":pos", to_int64(i));
    PACTUM_RETURN_IF_ERROR((*s)->run());
  }
  return Status::ok();
}

Status SqliteStore::insert_people(std::int64_t document_id, const ingest::Document& doc,
                                  const extract::Extraction& x) {
  auto s = db_.statement(
      "INSERT INTO people(document_id, position, name, role, affiliation, quoted, span_begin, span_end) "
      "VALUES (:doc, :pos, :name, :role, :affiliation, :quoted, :begin, :end)");
  if (!s.is_ok()) return s.status();
  for (std::size_t i = 0; i < x.people.size(); ++i) {
    const extract::Person& p = x.people[i];
    PACTUM_RETURN_IF_ERROR(check_span(p.span, doc.text.size(), "person '" + p.name + "'"));
    (*s)->reset();
    (*s)->bind_int(":doc", document_id);
    (*s)->bind_int(":pos", to_int64(i));
    (*s)->bind_text(":name", p.name);
    (*s)->bind_text_or_null(":role", p.role);
    (*s)->bind_text_or_null(":affiliation", p.affiliation);
    (*s)->bind_int(":quoted", p.quoted ? 1 : 0);
    (*s)->bind_int(":begin", to_int64(p.span.begin));
    (*s)->bind_int(":end", to_int64(p.span.end));
    PACTUM_RETURN_IF_ERROR((*s)->run());
  }
  return Status::ok();
}

Status SqliteStore::insert_event(std::int64_t document_id, std::size_t position,
                                 const ingest::Document& doc, const extract::Event& e) {
  PACTUM_RETURN_IF_ERROR(check_span(e.evidence_span, doc.text.size(), "evidence"));
  std::int64_t event_id = 0;
  {
    auto s = db_.statement(
        "INSERT INTO events(document_id, position, instrument, stage, date, duration_years, "
        "confidence, evidence, evidence_begin, evidence_end) "
        "VALUES (:doc, :pos, :instrument, :stage, :date, :duration, :confidence, :evidence, "
        ":begin, :end) RETURNING id");
    if (!s.is_ok()) return s.status();
    (*s)->bind_int(":doc", document_id);
    (*s)->bind_int(":pos", to_int64(position));
    (*s)->bind_text(":instrument", e.instrument);
    (*s)->bind_text(":stage", e.stage);
    (*s)->bind_text_or_null(":date", e.date);
    if (e.duration_years) {
      (*s)->bind_int(":duration", *e.duration_years);
    } else {
      (*s)->bind_null(":duration");
    }
    // NaN would bind as NULL and fail NOT NULL; say what is wrong instead.
    if (std::isnan(e.confidence)) return Status::invalid_argument("confidence is NaN");
    (*s)->bind_double(":confidence", e.confidence);
    (*s)->bind_text(":evidence", e.evidence);
    (*s)->bind_int(":begin", to_int64(e.evidence_span.begin));
    (*s)->bind_int(":end", to_int64(e.evidence_span.end));
    auto row = (*s)->step();
    if (!row.is_ok()) return row.status();
    if (!*row) return Status::internal("INSERT ... RETURNING gave no row");
    event_id = (*s)->column_int(0);
  }

  for (std::size_t i = 0; i < e.parties.size(); ++i) {
    const extract::Party& party = e.parties[i];
    std::string what = "party '" + party.name + "'";
    PACTUM_RETURN_IF_ERROR(check_span(party.span, doc.text.size(), what));
    auto actor_id = upsert_actor(party, party.span.of(doc.text));
    if (!actor_id.is_ok()) return with_context(actor_id.status(), what);
    auto s = db_.statement(
        "INSERT INTO event_parties(event_id, position, actor_id, mention_begin, mention_end) "
        "VALUES (:event, :pos, :actor, :begin, :end)");
    if (!s.is_ok()) return s.status();
    (*s)->bind_int(":event", event_id);
    (*s)->bind_int(":pos", to_int64(i));
    (*s)->bind_int(":actor", *actor_id);
    (*s)->bind_int(":begin", to_int64(party.span.begin));
    (*s)->bind_int(":end", to_int64(party.span.end));
    PACTUM_RETURN_IF_ERROR((*s)->run());
  }

  {
    auto s = db_.statement(
        "INSERT INTO event_sectors(event_id, sector, position) VALUES (:event, :sector, :pos) "
        "ON CONFLICT(event_id, sector) DO NOTHING");
    if (!s.is_ok()) return s.status();
    for (std::size_t i = 0; i < e.sectors.size(); ++i) {
      (*s)->reset();
      (*s)->bind_int(":event", event_id);
      (*s)->bind_text(":sector", e.sectors[i]);
      (*s)->bind_int(":pos", to_int64(i));
      PACTUM_RETURN_IF_ERROR((*s)->run());
    }
  }

  auto s = db_.statement(
      "INSERT INTO event_signatories(event_id, position, name, role, affiliation) "
      "VALUES (:event, :pos, :name, :role, :affiliation)");
  if (!s.is_ok()) return s.status();
  for (std::size_t i = 0; i < e.signatories.size(); ++i) {
    const extract::Signatory& sig = e.signatories[i];
    (*s)->reset();
    (*s)->bind_int(":event", event_id);
    (*s)->bind_int(":pos", to_int64(i));
    (*s)->bind_text(":name", sig.name);
    (*s)->bind_text_or_null(":role", sig.role);
    (*s)->bind_text_or_null(":affiliation", sig.affiliation);
    PACTUM_RETURN_IF_ERROR((*s)->run());
  }
  return Status::ok();
}

Result<std::int64_t> SqliteStore::upsert_actor(const extract::Party& party, std::string_view mention) {
  std::string key = actor_key(party);
  {
    // The first document to name an actor sets its name and kind; later ones
    // only add aliases.
    auto s = db_.statement(
        "INSERT INTO actors(key, name, name_folded, kind, country, subdivision) "
        "VALUES (:key, :name, :folded, :kind, :country, :subdivision) "
        "ON CONFLICT(key) DO NOTHING");
    if (!s.is_ok()) return s.status();
    (*s)->bind_text(":key", key);
    (*s)->bind_text(":name", party.name);
    (*s)->bind_text(":folded", fold_case(party.name));
    (*s)->bind_text_or_null(":kind", party.kind);
    (*s)->bind_text_or_null(":country", party.country);
    (*s)->bind_text_or_null(":subdivision", party.subdivision);
    PACTUM_RETURN_IF_ERROR((*s)->run());
  }
  std::int64_t actor_id = 0;
  std::string name_folded;
  {
    auto s = db_.statement("SELECT id, name_folded FROM actors WHERE key = :key");
    if (!s.is_ok()) return s.status();
    (*s)->bind_text(":key", key);
    auto row = (*s)->step();
    if (!row.is_ok()) return row.status();
    if (!*row) return Status::internal("actor " + key + " vanished after its upsert");
    actor_id = (*s)->column_int(0);
    name_folded = (*s)->column_text(1);
  }
  // The mention as written becomes an alias, unless it is the name itself
  // (in any case: matching ignores case) or not text at all (a span cutting
  // a character in two, a bug upstream that should not cost the document).
  std::string mention_folded = fold_case(mention);
  if (!mention.empty() && mention_folded != name_folded && is_valid_utf8(mention)) {
    auto s = db_.statement(
        "INSERT INTO actor_aliases(actor_id, alias, alias_folded) VALUES (:actor, :alias, :folded) "
        "ON CONFLICT(actor_id, alias) DO NOTHING");
    if (!s.is_ok()) return s.status();
    (*s)->bind_int(":actor", actor_id);
    (*s)->bind_text(":alias", mention);
    (*s)->bind_text(":folded", mention_folded);
    PACTUM_RETURN_IF_ERROR((*s)->run());
  }
  return actor_id;
}

// ---- reads -----------------------------------------------------------------

Result<bool> SqliteStore::has_document(const std::string& content_hash) {
  std::lock_guard lock(mu_);
  auto s = db_.statement("SELECT 1 FROM documents WHERE content_hash = :hash");
  if (!s.is_ok()) return s.status();
  (*s)->bind_text(":hash", content_hash);
  return (*s)->step();
}

Result<std::int64_t> SqliteStore::document_count() {
  std::lock_guard lock(mu_);
  return db_.query_int("SELECT count(*) FROM documents");
}

Result<StoredDocument> SqliteStore::document(std::int64_t id) {
  std::lock_guard lock(mu_);
  auto tx = Transaction::begin(db_, Transaction::Mode::kRead);
  if (!tx.is_ok()) return tx.status();
  StoredDocument d;
  {
    auto s = db_.statement(
        "SELECT id, source, url, title, published, language, content_hash, format, text, "
        "ingested_at FROM documents WHERE id = :id");
    if (!s.is_ok()) return s.status();
    (*s)->bind_int(":id", id);
    auto row = (*s)->step();
    if (!row.is_ok()) return row.status();
    if (!*row) return Status::not_found("document " + std::to_string(id));
    d.id = (*s)->column_int(0);
    d.source = (*s)->column_text(1);
    d.url = (*s)->column_text(2);
    d.title = (*s)->column_text(3);
    d.published = (*s)->column_text(4);
    d.language = (*s)->column_text(5);
    d.content_hash = (*s)->column_text(6);
    d.format = (*s)->column_text(7);
    d.text = (*s)->column_text(8);
    d.ingested_at = (*s)->column_text(9);
  }
  auto s = db_.statement(
      "SELECT name FROM document_organizations WHERE document_id = :id ORDER BY position");
  if (!s.is_ok()) return s.status();
  (*s)->bind_int(":id", id);
  for (;;) {
    auto row = (*s)->step();
    if (!row.is_ok()) return row.status();
    if (!*row) break;
    d.organizations.push_back((*s)->column_text(0));
  }
  PACTUM_RETURN_IF_ERROR(tx->commit());
  return d;
}

Status SqliteStore::load_event_details(EventRecord& r) {
  {
    auto s = db_.statement(
        "SELECT a.id, a.name, a.kind, a.country, a.subdivision, p.mention_begin, p.mention_end "
        "FROM event_parties p JOIN actors a ON a.id = p.actor_id "
        "WHERE p.event_id = :event ORDER BY p.position");
    if (!s.is_ok()) return s.status();
    (*s)->bind_int(":event", r.id);
    for (;;) {
      auto row = (*s)->step();
      if (!row.is_ok()) return row.status();
      if (!*row) break;
      r.party_actor_ids.push_back((*s)->column_int(0));
      extract::Party p;
      p.name = (*s)->column_text(1);
      p.kind = (*s)->column_text(2);
      p.country = (*s)->column_text(3);
      p.subdivision = (*s)->column_text(4);
      p.span = {static_cast<std::size_t>((*s)->column_int(5)),
                static_cast<std::size_t>((*s)->column_int(6))};
      r.event.parties.push_back(std::move(p));
    }
  }
  {
    auto s = db_.statement("SELECT sector FROM event_sectors WHERE event_id = :event ORDER BY position");
    if (!s.is_ok()) return s.status();
    (*s)->bind_int(":event", r.id);
    for (;;) {
      auto row = (*s)->step();
      if (!row.is_ok()) return row.status();
      if (!*row) break;
      r.event.sectors.push_back((*s)->column_text(0));
    }
  }
  auto s = db_.statement(
      "SELECT name, role, affiliation FROM event_signatories WHERE event_id = :event "
      "ORDER BY position");
  if (!s.is_ok()) return s.status();
  (*s)->bind_int(":event", r.id);
  for (;;) {
    auto row = (*s)->step();
    if (!row.is_ok()) return row.status();
    if (!*row) break;
    r.event.signatories.push_back({(*s)->column_text(0), (*s)->column_text(1), (*s)->column_text(2)});
  }
  return Status::ok();
}

Result<EventRecord> SqliteStore::event(std::int64_t id) {
  std::lock_guard lock(mu_);
  auto tx = Transaction::begin(db_, Transaction::Mode::kRead);
  if (!tx.is_ok()) return tx.status();
  EventRecord r;
  {
    auto s = db_.statement(std::string("SELECT ") + kEventColumns +
                           " FROM events e JOIN documents d ON d.id = e.document_id WHERE e.id = :id");
    if (!s.is_ok()) return s.status();
    (*s)->bind_int(":id", id);
    auto row = (*s)->step();
    if (!row.is_ok()) return row.status();
    if (!*row) return Status::not_found("event " + std::to_string(id));
    r = read_event(**s);
  }
  PACTUM_RETURN_IF_ERROR(load_event_details(r));
  PACTUM_RETURN_IF_ERROR(tx->commit());
  return r;
}

Result<std::vector<EventRecord>> SqliteStore::events(const EventFilter& f) {
  // Validate before touching the database.
  if (f.party && f.party->empty()) return Status::invalid_argument("party filter is empty");
  for (const auto* bound : {&f.since, &f.until}) {
    if (*bound && !is_date_form(**bound)) {
      return Status::invalid_argument(std::string(bound == &f.since ? "since" : "until") +
                                      ": expected YYYY, YYYY-MM or YYYY-MM-DD, got '" + **bound + "'");
    }
  }
  if (f.min_confidence && std::isnan(*f.min_confidence)) {
    return Status::invalid_argument("min_confidence is NaN");
  }

  // The SQL depends only on which filters are set, so there are at most 2^8
  // variants, each prepared once and cached.
  std::string sql = std::string("SELECT ") + kEventColumns +
                    " FROM events e JOIN documents d ON d.id = e.document_id WHERE 1";
  if (f.party) {
    // Any party whose actor has this name, alias, key or code; a country code
    // also finds that country's regions, cities and organizations.
    sql +=
        " AND e.id IN (SELECT p.event_id FROM event_parties p WHERE p.actor_id IN ("
        "SELECT a.id FROM actors a WHERE a.name_folded = :party_folded OR a.key = :party "
        "OR a.country = :party OR a.subdivision = :party "
        "UNION SELECT al.actor_id FROM actor_aliases al WHERE al.alias_folded = :party_folded))";
  }
  if (f.sector) {
    sql += " AND EXISTS (SELECT 1 FROM event_sectors s WHERE s.event_id = e.id AND s.sector = :sector)";
  }
  if (f.instrument) sql += " AND e.instrument = :instrument";
  if (f.stage) sql += " AND e.stage = :stage";
  // An undated event has NULL bounds and so drops out here.
  if (f.since) sql += " AND e.date_lo >= :since";
  if (f.until) sql += " AND e.date_hi <= :until";
  if (f.language) sql += " AND d.language = :language";
  if (f.min_confidence) sql += " AND e.confidence >= :min_confidence";
  sql += " ORDER BY e.date_lo IS NULL, e.date_lo, e.id";
  if (f.limit > 0) sql += " LIMIT :limit";

  std::lock_guard lock(mu_);
  auto tx = Transaction::begin(db_, Transaction::Mode::kRead);
  if (!tx.is_ok()) return tx.status();
  std::vector<EventRecord> out;
  {
    auto s = db_.statement(sql);
    if (!s.is_ok()) return s.status();
    if (f.party) {
      (*s)->bind_text(":party", *f.party);
      (*s)->bind_text(":party_folded", fold_case(*f.party));
    }
    if (f.sector) (*s)->bind_text(":sector", *f.sector);
    if (f.instrument) (*s)->bind_text(":instrument", *f.instrument);
    if (f.stage) (*s)->bind_text(":stage", *f.stage);
    if (f.since) (*s)->bind_text(":since", widen_date(*f.since, false));
    if (f.until) (*s)->bind_text(":until", widen_date(*f.until, true));
    if (f.language) (*s)->bind_text(":language", *f.language);
    if (f.min_confidence) (*s)->bind_double(":min_confidence", *f.min_confidence);
    if (f.limit > 0) (*s)->bind_int(":limit", to_int64(f.limit));
    for (;;) {
      auto row = (*s)->step();
      if (!row.is_ok()) return row.status();
      if (!*row) break;
      out.push_back(read_event(**s));
    }
  }
  for (EventRecord& r : out) PACTUM_RETURN_IF_ERROR(load_event_details(r));
  PACTUM_RETURN_IF_ERROR(tx->commit());
  return out;
}

Result<ActorRecord> SqliteStore::load_actor(std::int64_t id) {
  ActorRecord a;
  {
    auto s = db_.statement("SELECT id, key, name, kind, country, subdivision FROM actors WHERE id = :id");
    if (!s.is_ok()) return s.status();
    (*s)->bind_int(":id", id);
    auto row = (*s)->step();
    if (!row.is_ok()) return row.status();
    if (!*row) return Status::not_found("actor " + std::to_string(id));
    a.id = (*s)->column_int(0);
    a.key = (*s)->column_text(1);
    a.name = (*s)->column_text(2);
    a.kind = (*s)->column_text(3);
    a.country = (*s)->column_text(4);
    a.subdivision = (*s)->column_text(5);
  }
  auto s = db_.statement("SELECT alias FROM actor_aliases WHERE actor_id = :id ORDER BY alias");
  if (!s.is_ok()) return s.status();
  (*s)->bind_int(":id", id);
  for (;;) {
    auto row = (*s)->step();
    if (!row.is_ok()) return row.status();
    if (!*row) break;
    a.aliases.push_back((*s)->column_text(0));
  }
  return a;
}

Result<ActorRecord> SqliteStore::actor(const std::string& name_or_code) {
  std::lock_guard lock(mu_);
  auto tx = Transaction::begin(db_, Transaction::Mode::kRead);
  if (!tx.is_ok()) return tx.status();
  std::optional<std::int64_t> found;
  if (auto id = parse_id(name_or_code)) {
    auto s = db_.statement("SELECT id FROM actors WHERE id = :id");
    if (!s.is_ok()) return s.status();
    (*s)->bind_int(":id", *id);
    auto row = (*s)->step();
    if (!row.is_ok()) return row.status();
    if (*row) found = *id;
  }
  if (!found && !name_or_code.empty()) {
    // Key (codes) before name before alias; an alias two actors share
    // ("Georgia") goes to the older actor.
    auto s = db_.statement(
        "SELECT id, 0 AS rank FROM actors WHERE key = :raw "
        "UNION ALL SELECT id, 1 FROM actors WHERE name_folded = :folded "
        "UNION ALL SELECT actor_id, 2 FROM actor_aliases WHERE alias_folded = :folded "
        "ORDER BY rank, id LIMIT 1");
    if (!s.is_ok()) return s.status();
    (*s)->bind_text(":raw", name_or_code);
    (*s)->bind_text(":folded", fold_case(name_or_code));
    auto row = (*s)->step();
    if (!row.is_ok()) return row.status();
    if (*row) found = (*s)->column_int(0);
  }
  if (!found) return Status::not_found("no actor named '" + name_or_code + "'");
  auto a = load_actor(*found);
  if (!a.is_ok()) return a.status();
  PACTUM_RETURN_IF_ERROR(tx->commit());
  return a;
}

Result<std::vector<ActorRecord>> SqliteStore::actors() {
  std::lock_guard lock(mu_);
  auto tx = Transaction::begin(db_, Transaction::Mode::kRead);
  if (!tx.is_ok()) return tx.status();
  std::vector<ActorRecord> out;
  {
    auto s = db_.statement(
        "SELECT id, key, name, kind, country, subdivision FROM actors ORDER BY id");
    if (!s.is_ok()) return s.status();
    for (;;) {
      auto row = (*s)->step();
      if (!row.is_ok()) return row.status();
      if (!*row) break;
      ActorRecord a;
      a.id = (*s)->column_int(0);
      a.key = (*s)->column_text(1);
      a.name = (*s)->column_text(2);
      a.kind = (*s)->column_text(3);
      a.country = (*s)->column_text(4);
      a.subdivision = (*s)->column_text(5);
      out.push_back(std::move(a));
    }
  }
  {
    // All aliases in one pass, in actor order, merged into the list above.
    auto s = db_.statement("SELECT actor_id, alias FROM actor_aliases ORDER BY actor_id, alias");
    if (!s.is_ok()) return s.status();
    std::size_t i = 0;
    for (;;) {
      auto row = (*s)->step();
      if (!row.is_ok()) return row.status();
      if (!*row) break;
      std::int64_t actor_id = (*s)->column_int(0);
      while (i < out.size() && out[i].id < actor_id) ++i;
      if (i < out.size() && out[i].id == actor_id) out[i].aliases.push_back((*s)->column_text(1));
    }
  }
  PACTUM_RETURN_IF_ERROR(tx->commit());
  return out;
}

Result<bool> SqliteStore::document_exists(std::int64_t id) {
  auto s = db_.statement("SELECT 1 FROM documents WHERE id = :id");
  if (!s.is_ok()) return s.status();
  (*s)->bind_int(":id", id);
  return (*s)->step();
}

Result<std::vector<extract::Person>> SqliteStore::people(std::int64_t document_id) {
  std::lock_guard lock(mu_);
  auto tx = Transaction::begin(db_, Transaction::Mode::kRead);
  if (!tx.is_ok()) return tx.status();
  auto exists = document_exists(document_id);
  if (!exists.is_ok()) return exists.status();
  if (!*exists) return Status::not_found("document " + std::to_string(document_id));
  std::vector<extract::Person> out;
  {
    auto s = db_.statement(
        "SELECT name, role, affiliation, quoted, span_begin, span_end FROM people "
        "WHERE document_id = :doc ORDER BY position");
    if (!s.is_ok()) return s.status();
    (*s)->bind_int(":doc", document_id);
    for (;;) {
      auto row = (*s)->step();
      if (!row.is_ok()) return row.status();
      if (!*row) break;
      extract::Person p;
      p.name = (*s)->column_text(0);
      p.role = (*s)->column_text(1);
      p.affiliation = (*s)->column_text(2);
      p.quoted = (*s)->column_int(3) != 0;
      p.span = {static_cast<std::size_t>((*s)->column_int(4)),
                static_cast<std::size_t>((*s)->column_int(5))};
      out.push_back(std::move(p));
    }
  }
  PACTUM_RETURN_IF_ERROR(tx->commit());
  return out;
}

Result<int> SqliteStore::schema_version() {
  std::lock_guard lock(mu_);
  auto v = db_.query_int("PRAGMA user_version");
  if (!v.is_ok()) return v.status();
  return static_cast<int>(*v);
}

// ---- opening ---------------------------------------------------------------

// An SQLite error met while opening `path`, said in terms of the store.
// SQLite reports a file that is not a database (SQLITE_NOTADB) on the first
// statement that reads it; that is the only kFailedPrecondition it gives.
Status opening_error(const Status& st, const std::string& path) {
  if (st.code() == StatusCode::kFailedPrecondition) {
    return Status::failed_precondition(path + " is not a pactum store: file is not a database");
  }
  return Status(st.code(), path + ": " + st.message());
}

Status configure(Db& db) {
  const std::string& path = db.path();
  // The first read of the file: a file that is not a database fails here,
  // before anything is written to it.
  auto app_id = db.query_int("PRAGMA application_id");
  if (!app_id.is_ok()) return opening_error(app_id.status(), path);
  if (*app_id != 0 && *app_id != sqlite::kApplicationId) {
    return Status::failed_precondition(path + " is not a pactum store: it belongs to another "
                                       "application (application_id " + std::to_string(*app_id) + ")");
  }
  auto version = db.query_int("PRAGMA user_version");
  if (!version.is_ok()) return opening_error(version.status(), path);
  if (*version == 0) {
    // A database of someone else's: refuse rather than add our tables to it.
    auto tables = db.query_int("SELECT count(*) FROM sqlite_schema");
    if (!tables.is_ok()) return opening_error(tables.status(), path);
    if (*tables > 0) {
      return Status::failed_precondition(path + " is not a pactum store: it holds tables of "
                                         "another application");
    }
  }
  // Refuse a newer store before switching journal modes on it.
  if (*version > sqlite::latest_schema_version()) {
    return sqlite::migrate(db, sqlite::migrations());
  }

  auto mode = db.query_text("PRAGMA journal_mode = WAL");
  if (!mode.is_ok()) return opening_error(mode.status(), path);
  if (*mode != "wal" && *mode != "memory") {
    return Status::failed_precondition("cannot put " + path + " in WAL mode (journal mode is " + *mode + ")");
  }
  // In WAL mode NORMAL loses no committed transaction to a process crash,
  // only possibly the last ones to a power cut; it never corrupts.
  PACTUM_RETURN_IF_ERROR(db.exec("PRAGMA synchronous = NORMAL"));
  PACTUM_RETURN_IF_ERROR(db.exec("PRAGMA foreign_keys = ON"));
  // foreign_keys is silently a no-op in a build without them; we rely on
  // them for ON DELETE CASCADE, so check.
  auto fk = db.query_int("PRAGMA foreign_keys");
  if (!fk.is_ok()) return fk.status();
  if (*fk != 1) return Status::failed_precondition("this SQLite does not enforce foreign keys");
  Status st = sqlite::migrate(db, sqlite::migrations());
  if (!st.is_ok() && st.code() != StatusCode::kFailedPrecondition) {
    return Status(st.code(), path + ": " + st.message());
  }
  return st;
}

}  // namespace

Result<std::unique_ptr<Store>> open_sqlite(const std::filesystem::path& path) {
  auto db = Db::open(path.string());
  if (!db.is_ok()) return db.status();
  // Set before the first read: opening a store another process is writing
  // (or migrating) then waits instead of failing with "database is locked".
  PACTUM_RETURN_IF_ERROR(db->exec("PRAGMA busy_timeout = " + std::to_string(kBusyTimeoutMs)));
  PACTUM_RETURN_IF_ERROR(configure(*db));
  return std::unique_ptr<Store>(std::make_unique<SqliteStore>(std::move(*db)));
}

}  // namespace pactum::store
