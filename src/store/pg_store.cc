// The Store on PostgreSQL (pg_store.h): the SQLite store's behaviour
// (sqlite_store.cc) in PostgreSQL's SQL. Full-text search uses a tsvector
// per document built with its language's text search configuration.
#include "store/pg_store.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "common/utf8.h"
#include "kb/agreements.h"
#include "kb/near_duplicate.h"
#include "kb/taxonomy.h"
#include "store/keys.h"
#include "store/pg_migrations.h"
#include "store/store_rules.h"
#include "text/segment.h"

namespace pactum::store {

using pg::p;
using pg::p_or_null;
using pg::Param;
using pg::Rows;
using pg::Transaction;

namespace {

// The columns read_event() expects, in order.
constexpr const char* kEventColumns =
    "e.id, e.document_id, d.source, d.language, e.instrument, e.stage, e.date, "
    "e.duration_years, e.confidence, e.evidence, e.evidence_begin, e.evidence_end, e.curation, e.version";

EventRecord read_event(const Rows& r, int i) {
  EventRecord e;
  e.id = r.integer(i, 0);
  e.document_id = r.integer(i, 1);
  e.document_source = r.text(i, 2);
  e.language = r.text(i, 3);
  e.event.instrument = r.text(i, 4);
  e.event.stage = r.text(i, 5);
  e.event.date = r.text(i, 6);
  if (!r.is_null(i, 7)) e.event.duration_years = static_cast<int>(r.integer(i, 7));
  e.event.confidence = r.real(i, 8);
  e.event.evidence = r.text(i, 9);
  e.event.evidence_span = {static_cast<std::size_t>(r.integer(i, 10)), static_cast<std::size_t>(r.integer(i, 11))};
  e.curation = r.text(i, 12);
  e.version = r.integer(i, 13);
  return e;
}

ActorRecord read_actor(const Rows& r, int i) {
  ActorRecord a;
  a.id = r.integer(i, 0);
  a.key = r.text(i, 1);
  a.name = r.text(i, 2);
  a.kind = r.text(i, 3);
  a.country = r.text(i, 4);
  a.subdivision = r.text(i, 5);
  return a;
}

// A text[] literal for unnest($n::text[]): each element quoted, nullopt NULL.
// With it, the rows of a document's people, organizations, sectors and
// parties go to the server in one statement each, not one per row.
Param p_text_array(const std::vector<Param>& values) {
  std::string out = "{";
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i) out += ',';
    if (!values[i]) {
      out += "NULL";
      continue;
    }
    out += '"';
    for (char c : *values[i]) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  return out + "}";
}

// An actor's new aliases (add_alias: not its own name, in any case) and the
// name keys of `key_names` (add_name_key), in one statement.
Status add_names(pg::Db& db, std::int64_t actor_id, const std::vector<std::string_view>& aliases,
                 const std::vector<std::string_view>& key_names) {
  std::vector<Param> alias_list, folded, keys;
  for (std::string_view a : aliases) {
    alias_list.push_back(p(a));
    folded.push_back(p(fold_case(a)));
  }
  for (std::string_view name : key_names) {
    std::string key = kb::org_name_key(name);
    if (!key.empty()) keys.push_back(p(key));
  }
  if (alias_list.empty() && keys.empty()) return Status::ok();
  return db.run(
      "WITH aliases AS (INSERT INTO actor_aliases(actor_id, alias, alias_folded) "
      "SELECT $1::bigint, x.alias, x.folded FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS x(alias, folded, n) "
      "WHERE NOT EXISTS (SELECT 1 FROM actors WHERE id = $1 AND name_folded = x.folded) ORDER BY x.n "
      "ON CONFLICT (actor_id, alias) DO NOTHING) "
      "INSERT INTO actor_name_keys(name_key, actor_id) SELECT k, $1::bigint FROM unnest($4::text[]) AS k "
      "ON CONFLICT (name_key, actor_id) DO NOTHING",
      {p(actor_id), p_text_array(alias_list), p_text_array(folded), p_text_array(keys)});
}

// Parameters numbered as they are added, for SQL built from optional filters.
struct Params {
  std::vector<Param> values;
  std::string add(Param v) {
    values.push_back(std::move(v));
    return "$" + std::to_string(values.size());
  }
};

// The text search configuration a document's language is indexed with:
// PostgreSQL's Snowball configurations where one exists, 'simple' (folded
// words, no stemming) otherwise; Japanese text is MeCab tokens already
// (index_text), which 'simple' keeps as they are.
const char* ts_config(const std::string& language) {
  static const std::map<std::string, const char*> kConfigs = {
      {"en", "english"}, {"de", "german"},  {"nb", "norwegian"}, {"nn", "norwegian"}, {"no", "norwegian"},
      {"fr", "french"},  {"sv", "swedish"}, {"da", "danish"},    {"nl", "dutch"},     {"es", "spanish"},
      {"it", "italian"}, {"pt", "portuguese"}, {"fi", "finnish"},
  };
  auto it = kConfigs.find(language);
  return it == kConfigs.end() ? "simple" : it->second;
}

// Every configuration ts_config() may give.
constexpr const char* kAllConfigs[] = {"english", "german",  "norwegian", "french", "swedish",
                                       "danish",  "dutch",   "spanish",   "italian", "portuguese", "finnish", "simple"};

// A TextQuery as to_tsquery() text: each word a quoted lexeme (so nothing
// in it is tsquery syntax), the words of a phrase joined by <->, ':*' on the
// last word of a prefix phrase, '|' within a clause, '&' between clauses.
std::string tsquery_text(const TextQuery& q) {
  std::string out;
  for (const auto& clause : q.all_of) {
    std::string alts;
    for (const auto& alt : clause) {
      std::string phrase;
      for (const auto& w : alt.words) {
        if (w.empty()) continue;
        std::string quoted = "'";
        for (char c : w) {
          if (c == '\'' || c == '\\') quoted += c;
          quoted += c;
        }
        quoted += "'";
        phrase += (phrase.empty() ? "" : " <-> ") + quoted;
      }
      if (phrase.empty()) continue;
      if (alt.prefix) phrase += ":*";
      alts += (alts.empty() ? "" : " | ") + ("(" + phrase + ")");
    }
    if (alts.empty()) continue;
    out += (out.empty() ? "" : " & ") + ("(" + alts + ")");
  }
  return out;
}

Result<kb::Profile> profile_from_json(const std::string& id, const std::string& json) {
  auto parsed = kb::parse_profile_line(json, kb::ProfileCodes{});
  if (!parsed.profile) {
    return Status::corruption("stored profile " + id + ": " + parsed.errors[0].field + ": " +
                              parsed.errors[0].message);
  }
  return std::move(*parsed.profile);
}

constexpr const char* kFeedColumns =
    "f.id, f.url, f.name, f.interval_s, f.etag, f.last_modified, f.added_at, f.last_polled_at, f.next_poll_at, "
    "f.failures, f.last_status, f.last_error, (SELECT count(*) FROM feed_items i WHERE i.feed_id = f.id)";

FeedRecord read_feed(const Rows& r, int i) {
  FeedRecord f;
  f.id = r.integer(i, 0);
  f.url = r.text(i, 1);
  f.name = r.text(i, 2);
  f.interval_s = r.integer(i, 3);
  f.etag = r.text(i, 4);
  f.last_modified = r.text(i, 5);
  f.added_at = r.text(i, 6);
  f.last_polled_at = r.text(i, 7);
  f.next_poll_at = r.text(i, 8);
  f.failures = static_cast<int>(r.integer(i, 9));
  f.last_status = r.text(i, 10);
  f.last_error = r.text(i, 11);
  f.items = r.integer(i, 12);
  return f;
}

constexpr const char* kWatchColumns = "name, query, filters, created_at, last_checked_at";

WatchRecord read_watch(const Rows& r, int i) {
  return {r.text(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3), r.text(i, 4)};
}

// The actors a party filter names, as SQL selecting actor ids; $P is the
// party as given, $F folded.
std::string party_actors(const std::string& raw, const std::string& folded) {
  return "SELECT a.id FROM actors a WHERE a.name_folded = " + folded + " OR lower(a.key) = lower(" + raw +
         ") OR lower(a.country) = lower(" + raw + ") OR lower(a.subdivision) = lower(" + raw +
         ") UNION SELECT al.actor_id FROM actor_aliases al WHERE al.alias_folded = " + folded;
}

}  // namespace

// ---- writes ----------------------------------------------------------------

Result<PutResult> PgStore::put(const ingest::Document& doc, const extract::Extraction& x) {
  std::lock_guard lock(mu_);
  auto tx = Transaction::begin(db_, Transaction::Mode::kWrite);
  if (!tx.is_ok()) return with_context(tx.status(), doc.source);
  auto put = put_locked(doc, x, nullptr);
  if (!put.is_ok() || *put == PutResult::kDuplicate) return put;
  if (Status st = tx->commit(); !st.is_ok()) return with_context(st, doc.source);
  return PutResult::kStored;
}

Result<std::vector<Result<PutResult>>> PgStore::put_batch(const std::vector<PutItem>& items) {
  std::lock_guard lock(mu_);
  // Without savepoints first: a batch of 64 subtransactions would overflow
  // each backend's subtransaction cache. Only a batch with a document that
  // breaks the schema (rare) is written again, each document in its own
  // savepoint.
  // A deadlock with another writer (two processes upserting the same
  // actors in another order) is retried a few times (pg_queue.cc).
  for (int attempt = 1;; ++attempt) {
    bool has_bad_document = false;
    auto done = put_batch_locked(items, /*savepoints=*/false, &has_bad_document);
    if (has_bad_document) done = put_batch_locked(items, /*savepoints=*/true, &has_bad_document);
    if (done.is_ok() || attempt == 5 || done.status().code() != StatusCode::kIoError ||
        db_.last_sqlstate().rfind("40", 0) != 0) {
      return done;
    }
  }
}

Result<std::vector<Result<PutResult>>> PgStore::put_batch_locked(
    const std::vector<PutItem>& items, bool savepoints, bool* has_bad_document,
    const std::function<Status(const std::vector<Result<PutResult>>&)>& before_commit) {
  auto tx = Transaction::begin(db_, Transaction::Mode::kWrite);
  if (!tx.is_ok()) return tx.status();
  std::vector<Result<PutResult>> out;
  out.reserve(items.size());
  for (const PutItem& item : items) {
    if (savepoints) PACTUM_RETURN_IF_ERROR(db_.exec("SAVEPOINT put_document"));
    auto put = put_locked(*item.doc, *item.extraction, item.prepared);
    const bool bad_document = !put.is_ok() && put.status().code() == StatusCode::kInvalidArgument;
    if (!put.is_ok() && !bad_document) return put.status();
    if (bad_document && !savepoints) {
      *has_bad_document = true;
      return put.status();  // rolled back whole (~Transaction)
    }
    if (savepoints) {
      if (bad_document) PACTUM_RETURN_IF_ERROR(db_.exec("ROLLBACK TO SAVEPOINT put_document"));
      PACTUM_RETURN_IF_ERROR(db_.exec("RELEASE SAVEPOINT put_document"));
    }
    out.push_back(std::move(put));
  }
  if (before_commit) PACTUM_RETURN_IF_ERROR(before_commit(out));
  PACTUM_RETURN_IF_ERROR(tx->commit());
  return out;
}

Result<PutResult> PgStore::put_locked(const ingest::Document& doc, const extract::Extraction& x,
                                      const PreparedDocument* prepared) {
  auto id = insert_document(doc, x);
  if (!id.is_ok()) return with_context(id.status(), doc.source);
  if (!id->has_value()) return PutResult::kDuplicate;
  PreparedDocument own;
  if (prepared == nullptr) {
    own = prepare_document(doc, x);
    prepared = &own;
  }
  std::int64_t document_id = **id;
  Status st = insert_organizations(document_id, x);
  if (st.is_ok()) st = insert_people(document_id, doc, x);
  struct Placed {
    std::int64_t id;
    std::vector<std::int64_t> actors;
    std::string curation;
  };
  std::vector<Placed> placed;
  for (std::size_t i = 0; st.is_ok() && i < x.events.size(); ++i) {
    Placed pl;
    auto event_id = insert_event(document_id, i, doc, x.events[i], &pl.actors, &pl.curation);
    if (!event_id.is_ok()) {
      st = with_context(event_id.status(), "event " + std::to_string(i + 1));
    } else {
      pl.id = *event_id;
      placed.push_back(std::move(pl));
    }
  }
  if (st.is_ok()) {
    auto copy = link_near_duplicate(document_id, prepared->signature);
    if (!copy.is_ok()) st = copy.status();
  }
  if (st.is_ok()) {
    std::vector<std::string> evidence;
    for (std::size_t i = 0; i < placed.size(); ++i) {
      if (placed[i].curation != "rejected") evidence.push_back(x.events[i].evidence);
    }
    st = index_document(document_id, x.language, doc.title.empty() ? x.title : doc.title, prepared->index_body,
                        evidence);
  }
  for (std::size_t i = 0; st.is_ok() && i < placed.size(); ++i) {
    if (placed[i].curation == "rejected") continue;
    st = place_stored_event(placed[i].id);
  }
  if (!st.is_ok()) return with_context(st, doc.source);
  return PutResult::kStored;
}

Result<std::optional<std::int64_t>> PgStore::insert_document(const ingest::Document& doc,
                                                             const extract::Extraction& x) {
  auto r = db_.query(
      "INSERT INTO documents(source, url, title, published, language, format, content_hash, text) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (content_hash) DO NOTHING RETURNING id",
      {p(doc.source), p_or_null(doc.url), p_or_null(doc.title.empty() ? x.title : doc.title),
       p_or_null(stored_published(doc, x)), p_or_null(x.language),
       p(stored_format_name(doc.format)), p(doc.content_hash), p(doc.text)});
  if (!r.is_ok()) return r.status();
  if (r->empty()) return std::optional<std::int64_t>();
  return std::optional<std::int64_t>(r->integer(0, 0));
}

Status PgStore::insert_organizations(std::int64_t document_id, const extract::Extraction& x) {
  if (x.organizations.empty()) return Status::ok();
  std::vector<Param> names;
  for (const auto& name : x.organizations) names.push_back(p(name));
  // In order, so that a name given twice keeps its first position.
  return db_.run(
      "INSERT INTO document_organizations(document_id, name, position) "
      "SELECT $1::bigint, x.name, x.n - 1 FROM unnest($2::text[]) WITH ORDINALITY AS x(name, n) ORDER BY x.n "
      "ON CONFLICT (document_id, name) DO NOTHING",
      {p(document_id), p_text_array(names)});
}

Status PgStore::insert_people(std::int64_t document_id, const ingest::Document& doc, const extract::Extraction& x) {
  if (x.people.empty()) return Status::ok();
  std::vector<Param> names, roles, affiliations;
  std::vector<std::int64_t> quoted, begins, ends;
  for (const extract::Person& person : x.people) {
    PACTUM_RETURN_IF_ERROR(check_span(person.span, doc.text.size(), "person '" + person.name + "'"));
    names.push_back(p(person.name));
    roles.push_back(p_or_null(person.role));
    affiliations.push_back(p_or_null(person.affiliation));
    quoted.push_back(person.quoted ? 1 : 0);
    begins.push_back(static_cast<std::int64_t>(person.span.begin));
    ends.push_back(static_cast<std::int64_t>(person.span.end));
  }
  return db_.run(
      "INSERT INTO people(document_id, position, name, role, affiliation, quoted, span_begin, span_end) "
      "SELECT $1::bigint, x.n - 1, x.name, x.role, x.affiliation, x.quoted, x.b, x.e "
      "FROM unnest($2::text[], $3::text[], $4::text[], $5::bigint[], $6::bigint[], $7::bigint[]) "
      "WITH ORDINALITY AS x(name, role, affiliation, quoted, b, e, n) ORDER BY x.n",
      {p(document_id), p_text_array(names), p_text_array(roles), p_text_array(affiliations), pg::p_array(quoted),
       pg::p_array(begins), pg::p_array(ends)});
}

Result<std::int64_t> PgStore::insert_event(std::int64_t document_id, std::size_t position,
                                           const ingest::Document& doc, const extract::Event& extracted,
                                           std::vector<std::int64_t>* actor_ids, std::string* curation) {
  PACTUM_RETURN_IF_ERROR(check_span(extracted.evidence_span, doc.text.size(), "evidence"));
  extract::Event e = extracted;
  PACTUM_RETURN_IF_ERROR(apply_overrides(doc.content_hash, e, curation));
  if (std::isnan(e.confidence)) return Status::invalid_argument("confidence is NaN");
  auto id = db_.query_int(
      "INSERT INTO events(document_id, position, instrument, stage, date, duration_years, confidence, evidence, "
      "evidence_begin, evidence_end, curation) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
      {p(document_id), p(position), p(e.instrument), p(e.stage), p_or_null(e.date),
       e.duration_years ? p(*e.duration_years) : Param(), p(e.confidence), p(e.evidence),
       p(e.evidence_span.begin), p(e.evidence_span.end), p_or_null(*curation)});
  if (!id.is_ok()) return id.status();
  std::int64_t event_id = *id;

  std::vector<std::int64_t> begins, ends;
  for (std::size_t i = 0; i < e.parties.size(); ++i) {
    const extract::Party& party = e.parties[i];
    std::string what = "party '" + party.name + "'";
    PACTUM_RETURN_IF_ERROR(check_span(party.span, doc.text.size(), what));
    auto actor_id = upsert_actor(party, party.span.of(doc.text));
    if (!actor_id.is_ok()) return with_context(actor_id.status(), what);
    actor_ids->push_back(*actor_id);
    begins.push_back(static_cast<std::int64_t>(party.span.begin));
    ends.push_back(static_cast<std::int64_t>(party.span.end));
  }
  // Each kind of row in one statement, in order (positions from ORDINALITY).
  if (!e.parties.empty()) {
    PACTUM_RETURN_IF_ERROR(db_.run(
        "INSERT INTO event_parties(event_id, position, actor_id, mention_begin, mention_end) "
        "SELECT $1::bigint, x.n - 1, x.actor, x.b, x.e FROM unnest($2::bigint[], $3::bigint[], $4::bigint[]) "
        "WITH ORDINALITY AS x(actor, b, e, n) ORDER BY x.n",
        {p(event_id), pg::p_array(*actor_ids), pg::p_array(begins), pg::p_array(ends)}));
  }
  if (!e.sectors.empty()) {
    std::vector<Param> sectors;
    for (const auto& sector : e.sectors) sectors.push_back(p(sector));
    PACTUM_RETURN_IF_ERROR(db_.run(
        "INSERT INTO event_sectors(event_id, sector, position) "
        "SELECT $1::bigint, x.sector, x.n - 1 FROM unnest($2::text[]) WITH ORDINALITY AS x(sector, n) ORDER BY x.n "
        "ON CONFLICT (event_id, sector) DO NOTHING",
        {p(event_id), p_text_array(sectors)}));
  }
  if (!e.signatories.empty()) {
    std::vector<Param> names, roles, affiliations;
    for (const extract::Signatory& sig : e.signatories) {
      names.push_back(p(sig.name));
      roles.push_back(p_or_null(sig.role));
      affiliations.push_back(p_or_null(sig.affiliation));
    }
    PACTUM_RETURN_IF_ERROR(db_.run(
        "INSERT INTO event_signatories(event_id, position, name, role, affiliation) "
        "SELECT $1::bigint, x.n - 1, x.name, x.role, x.affiliation FROM unnest($2::text[], $3::text[], $4::text[]) "
        "WITH ORDINALITY AS x(name, role, affiliation, n) ORDER BY x.n",
        {p(event_id), p_text_array(names), p_text_array(roles), p_text_array(affiliations)}));
  }
  return event_id;
}

Status PgStore::add_alias(std::int64_t actor_id, std::string_view alias) {
  // Not the actor's own name (in any case: matching ignores case).
  return db_.run(
      "INSERT INTO actor_aliases(actor_id, alias, alias_folded) SELECT $1::bigint, $2, $3 "
      "WHERE NOT EXISTS (SELECT 1 FROM actors WHERE id = $1 AND name_folded = $3) "
      "ON CONFLICT (actor_id, alias) DO NOTHING",
      {p(actor_id), p(alias), p(fold_case(alias))});
}

Result<std::int64_t> PgStore::upsert_actor(const extract::Party& party, std::string_view mention) {
  std::string key = actor_key(party);
  std::optional<std::int64_t> known;
  {
    auto r = db_.query("SELECT actor_id FROM actor_redirects WHERE lower(key) = lower($1)", {p(key)});
    if (!r.is_ok()) return r.status();
    if (!r->empty()) known = r->integer(0, 0);
  }
  if (!known && key.rfind("name:", 0) == 0) {
    auto r = db_.query(
        "SELECT id FROM actors WHERE lower(key) = lower($1) UNION ALL "
        "SELECT min(actor_id) FROM actor_name_keys WHERE name_key = $2 "
        "AND NOT EXISTS (SELECT 1 FROM actors WHERE lower(key) = lower($1)) LIMIT 1",
        {p(key), p(kb::org_name_key(party.name))});
    if (!r.is_ok()) return r.status();
    if (!r->empty() && !r->is_null(0, 0)) known = r->integer(0, 0);
  }
  if (known) {
    std::vector<std::string_view> aliases;
    for (std::string_view alias : {mention, std::string_view(party.name)}) {
      if (!alias.empty() && is_valid_utf8(alias)) aliases.push_back(alias);
    }
    PACTUM_RETURN_IF_ERROR(add_names(db_, *known, aliases, aliases));
    return *known;
  }
  PACTUM_RETURN_IF_ERROR(db_.run(
      "INSERT INTO actors(key, name, name_folded, kind, country, subdivision) VALUES ($1, $2, $3, $4, $5, $6) "
      "ON CONFLICT ((lower(key))) DO NOTHING",
      {p(key), p(party.name), p(fold_case(party.name)), p_or_null(party.kind), p_or_null(party.country),
       p_or_null(party.subdivision)}));
  auto r = db_.query("SELECT id FROM actors WHERE lower(key) = lower($1)", {p(key)});
  if (!r.is_ok()) return r.status();
  if (r->empty()) return Status::internal("actor " + key + " vanished after its upsert");
  std::int64_t actor_id = r->integer(0, 0);
  std::vector<std::string_view> aliases, keys{party.name};
  if (!mention.empty() && is_valid_utf8(mention)) {
    aliases.push_back(mention);
    keys.push_back(mention);
  }
  PACTUM_RETURN_IF_ERROR(add_names(db_, actor_id, aliases, keys));
  return actor_id;
}

Status PgStore::add_name_key(std::int64_t actor_id, std::string_view name) {
  std::string key = kb::org_name_key(name);
  if (key.empty()) return Status::ok();
  return db_.run(
      "INSERT INTO actor_name_keys(name_key, actor_id) VALUES ($1, $2) ON CONFLICT (name_key, actor_id) DO NOTHING",
      {p(key), p(actor_id)});
}

// ---- reads -----------------------------------------------------------------

Result<bool> PgStore::has_document(const std::string& content_hash) {
  std::lock_guard lock(mu_);
  auto r = db_.query("SELECT 1 FROM documents WHERE content_hash = $1", {p(content_hash)});
  if (!r.is_ok()) return r.status();
  return !r->empty();
}

Result<std::int64_t> PgStore::document_count() {
  std::lock_guard lock(mu_);
  return db_.query_int("SELECT count(*) FROM documents");
}

Result<StoredDocument> PgStore::document(std::int64_t id) {
  std::lock_guard lock(mu_);
  auto tx = Transaction::begin(db_, Transaction::Mode::kRead);
  if (!tx.is_ok()) return tx.status();
  auto r = db_.query(
      "SELECT id, source, url, title, published, language, content_hash, format, text, ingested_at "
      "FROM documents WHERE id = $1",
      {p(id)});
  if (!r.is_ok()) return r.status();
  if (r->empty()) return Status::not_found("document " + std::to_string(id));
  StoredDocument d;
  d.id = r->integer(0, 0);
  d.source = r->text(0, 1);
  d.url = r->text(0, 2);
  d.title = r->text(0, 3);
  d.published = r->text(0, 4);
  d.language = r->text(0, 5);
  d.content_hash = r->text(0, 6);
  d.format = r->text(0, 7);
  d.text = r->text(0, 8);
  d.ingested_at = r->text(0, 9);
  auto orgs = db_.query("SELECT name FROM document_organizations WHERE document_id = $1 ORDER BY position", {p(id)});
  if (!orgs.is_ok()) return orgs.status();
  for (int i = 0; i < orgs->size(); ++i) d.organizations.push_back(orgs->text(i, 0));
  PACTUM_RETURN_IF_ERROR(tx->commit());
  return d;
}

Result<std::vector<StoredDocument>> PgStore::documents(std::size_t offset, std::size_t limit) {
  std::lock_guard lock(mu_);
  std::string sql =
      "SELECT id, source, url, title, published, language, content_hash, format, ingested_at "
      "FROM documents ORDER BY id OFFSET $1";
  std::vector<Param> params{p(offset)};
  if (limit > 0) {
    sql += " LIMIT $2";
    params.push_back(p(limit));
  }
  auto r = db_.query(sql, params);
  if (!r.is_ok()) return r.status();
  std::vector<StoredDocument> out;
  for (int i = 0; i < r->size(); ++i) {
    StoredDocument d;
    d.id = r->integer(i, 0);
    d.source = r->text(i, 1);
    d.url = r->text(i, 2);
    d.title = r->text(i, 3);
    d.published = r->text(i, 4);
    d.language = r->text(i, 5);
    d.content_hash = r->text(i, 6);
    d.format = r->text(i, 7);
    d.ingested_at = r->text(i, 8);
    out.push_back(std::move(d));
  }
  return out;
}

// Parties, sectors and signatories of the events, three queries for all.
Status PgStore::load_event_details(std::vector<EventRecord>& events) {
  if (events.empty()) return Status::ok();
  std::vector<std::int64_t> ids;
  std::map<std::int64_t, std::vector<std::size_t>> at;
  for (std::size_t i = 0; i < events.size(); ++i) {
    ids.push_back(events[i].id);
    at[events[i].id].push_back(i);
  }
  Param array = pg::p_array(ids);
  {
    auto r = db_.query(
        "SELECT p.event_id, a.id, a.name, a.kind, a.country, a.subdivision, p.mention_begin, p.mention_end "
        "FROM event_parties p JOIN actors a ON a.id = p.actor_id WHERE p.event_id = ANY($1::bigint[]) "
        "ORDER BY p.event_id, p.position",
        {array});
    if (!r.is_ok()) return r.status();
    for (int i = 0; i < r->size(); ++i) {
      extract::Party party;
      party.name = r->text(i, 2);
      party.kind = r->text(i, 3);
      party.country = r->text(i, 4);
      party.subdivision = r->text(i, 5);
      party.span = {static_cast<std::size_t>(r->integer(i, 6)), static_cast<std::size_t>(r->integer(i, 7))};
      for (std::size_t k : at[r->integer(i, 0)]) {
        events[k].party_actor_ids.push_back(r->integer(i, 1));
        events[k].event.parties.push_back(party);
      }
    }
  }
  {
    auto r = db_.query(
        "SELECT event_id, sector FROM event_sectors WHERE event_id = ANY($1::bigint[]) ORDER BY event_id, position",
        {array});
    if (!r.is_ok()) return r.status();
    for (int i = 0; i < r->size(); ++i) {
      for (std::size_t k : at[r->integer(i, 0)]) events[k].event.sectors.push_back(r->text(i, 1));
    }
  }
  auto r = db_.query(
      "SELECT event_id, name, role, affiliation FROM event_signatories WHERE event_id = ANY($1::bigint[]) "
      "ORDER BY event_id, position",
      {array});
  if (!r.is_ok()) return r.status();
  for (int i = 0; i < r->size(); ++i) {
    for (std::size_t k : at[r->integer(i, 0)]) {
      events[k].event.signatories.push_back({r->text(i, 1), r->text(i, 2), r->text(i, 3)});
    }
  }
  return Status::ok();
}

Result<EventRecord> PgStore::event(std::int64_t id) {
  std::lock_guard lock(mu_);
  auto tx = Transaction::begin(db_, Transaction::Mode::kRead);
  if (!tx.is_ok()) return tx.status();
  auto r = db_.query(std::string("SELECT ") + kEventColumns +
                         " FROM events e JOIN documents d ON d.id = e.document_id WHERE e.id = $1",
                     {p(id)});
  if (!r.is_ok()) return r.status();
  if (r->empty()) return Status::not_found("event " + std::to_string(id));
  std::vector<EventRecord> one{read_event(*r, 0)};
  PACTUM_RETURN_IF_ERROR(load_event_details(one));
  PACTUM_RETURN_IF_ERROR(tx->commit());
  return std::move(one[0]);
}

Result<std::vector<EventRecord>> PgStore::events(const EventFilter& f) {
  if (f.party && f.party->empty()) return Status::invalid_argument("party filter is empty");
  PACTUM_RETURN_IF_ERROR(check_dates(f.since, f.until));
  if (f.min_confidence && std::isnan(*f.min_confidence)) return Status::invalid_argument("min_confidence is NaN");
  Params ps;
  std::string sql = std::string("SELECT ") + kEventColumns +
                    " FROM events e JOIN documents d ON d.id = e.document_id WHERE true";
  if (f.party) {
    std::string raw = ps.add(p(*f.party)), folded = ps.add(p(fold_case(*f.party)));
    sql += " AND e.id IN (SELECT p.event_id FROM event_parties p WHERE p.actor_id IN (" +
           party_actors(raw, folded) + "))";
  }
  if (f.sector) {
    sql += " AND EXISTS (SELECT 1 FROM event_sectors s WHERE s.event_id = e.id AND s.sector = " +
           ps.add(p(*f.sector)) + ")";
  }
  if (f.instrument) sql += " AND e.instrument = " + ps.add(p(*f.instrument));
  if (f.stage) sql += " AND e.stage = " + ps.add(p(*f.stage));
  if (f.since) sql += " AND e.date_lo >= " + ps.add(p(widen_date(*f.since, false)));
  if (f.until) sql += " AND e.date_hi <= " + ps.add(p(widen_date(*f.until, true)));
  if (f.language) sql += " AND d.language = " + ps.add(p(*f.language));
  if (f.document_id) sql += " AND e.document_id = " + ps.add(p(*f.document_id));
  if (f.min_confidence) sql += " AND e.confidence >= " + ps.add(p(*f.min_confidence));
  if (!f.include_rejected) sql += " AND e.curation IS DISTINCT FROM 'rejected'";
  sql += " ORDER BY e.date_lo IS NULL, e.date_lo, e.id";
  if (f.limit > 0) sql += " LIMIT " + ps.add(p(f.limit));

  std::lock_guard lock(mu_);
  auto tx = Transaction::begin(db_, Transaction::Mode::kRead);
  if (!tx.is_ok()) return tx.status();
  auto r = db_.query(sql, ps.values);
  if (!r.is_ok()) return r.status();
  std::vector<EventRecord> out;
  for (int i = 0; i < r->size(); ++i) out.push_back(read_event(*r, i));
  PACTUM_RETURN_IF_ERROR(load_event_details(out));
  PACTUM_RETURN_IF_ERROR(tx->commit());
  return out;
}

Result<ActorRecord> PgStore::load_actor(std::int64_t id) {
  auto r = db_.query("SELECT id, key, name, kind, country, subdivision FROM actors WHERE id = $1", {p(id)});
  if (!r.is_ok()) return r.status();
  if (r->empty()) return Status::not_found("actor " + std::to_string(id));
  ActorRecord a = read_actor(*r, 0);
  auto al = db_.query("SELECT alias FROM actor_aliases WHERE actor_id = $1 ORDER BY alias", {p(id)});
  if (!al.is_ok()) return al.status();
  for (int i = 0; i < al->size(); ++i) a.aliases.push_back(al->text(i, 0));
  return a;
}

Result<ActorRecord> PgStore::actor(const std::string& name_or_code) {
  std::lock_guard lock(mu_);
  auto tx = Transaction::begin(db_, Transaction::Mode::kRead);
  if (!tx.is_ok()) return tx.status();
  auto found = find_actor_id(name_or_code);
  if (!found.is_ok()) return found.status();
  if (!*found) return Status::not_found("no actor named '" + name_or_code + "'");
  auto a = load_actor(**found);
  if (!a.is_ok()) return a.status();
  PACTUM_RETURN_IF_ERROR(tx->commit());
  return a;
}

Result<std::optional<std::int64_t>> PgStore::find_actor_id(const std::string& name_or_code) {
  std::optional<std::int64_t> found;
  if (auto id = parse_id(name_or_code)) {
    auto r = db_.query("SELECT id FROM actors WHERE id = $1", {p(*id)});
    if (!r.is_ok()) return r.status();
    if (!r->empty()) found = *id;
  }
  if (!found && !name_or_code.empty()) {
    // Key (codes) before name before alias; an alias two actors share goes
    // to the older actor.
    auto r = db_.query(
        "SELECT id, 0 AS rank FROM actors WHERE lower(key) = lower($1) "
        "UNION ALL SELECT id, 1 FROM actors WHERE name_folded = $2 "
        "UNION ALL SELECT actor_id, 2 FROM actor_aliases WHERE alias_folded = $2 "
        "ORDER BY rank, id LIMIT 1",
        {p(name_or_code), p(fold_case(name_or_code))});
    if (!r.is_ok()) return r.status();
    if (!r->empty()) found = r->integer(0, 0);
  }
  return found;
}

Result<std::vector<ActorRecord>> PgStore::actors() {
  std::lock_guard lock(mu_);
  auto tx = Transaction::begin(db_, Transaction::Mode::kRead);
  if (!tx.is_ok()) return tx.status();
  auto r = db_.query("SELECT id, key, name, kind, country, subdivision FROM actors ORDER BY id");
  if (!r.is_ok()) return r.status();
  std::vector<ActorRecord> out;
  std::map<std::int64_t, std::size_t> at;
  for (int i = 0; i < r->size(); ++i) {
    at[r->integer(i, 0)] = out.size();
    out.push_back(read_actor(*r, i));
  }
  auto al = db_.query("SELECT actor_id, alias FROM actor_aliases ORDER BY actor_id, alias");
  if (!al.is_ok()) return al.status();
  for (int i = 0; i < al->size(); ++i) {
    auto it = at.find(al->integer(i, 0));
    if (it != at.end()) out[it->second].aliases.push_back(al->text(i, 1));
  }
  PACTUM_RETURN_IF_ERROR(tx->commit());
  return out;
}

Result<std::vector<extract::Person>> PgStore::people(std::int64_t document_id) {
  std::lock_guard lock(mu_);
  auto tx = Transaction::begin(db_, Transaction::Mode::kRead);
  if (!tx.is_ok()) return tx.status();
  auto exists = db_.query("SELECT 1 FROM documents WHERE id = $1", {p(document_id)});
  if (!exists.is_ok()) return exists.status();
  if (exists->empty()) return Status::not_found("document " + std::to_string(document_id));
  auto r = db_.query(
      "SELECT name, role, affiliation, quoted, span_begin, span_end FROM people WHERE document_id = $1 "
      "ORDER BY position",
      {p(document_id)});
  if (!r.is_ok()) return r.status();
  std::vector<extract::Person> out;
  for (int i = 0; i < r->size(); ++i) {
    extract::Person person;
    person.name = r->text(i, 0);
    person.role = r->text(i, 1);
    person.affiliation = r->text(i, 2);
    person.quoted = r->integer(i, 3) != 0;
    person.span = {static_cast<std::size_t>(r->integer(i, 4)), static_cast<std::size_t>(r->integer(i, 5))};
    out.push_back(std::move(person));
  }
  PACTUM_RETURN_IF_ERROR(tx->commit());
  return out;
}

Result<int> PgStore::schema_version() {
  std::lock_guard lock(mu_);
  return pg::current_version(db_);
}

// ---- mineral supply tables -------------------------------------------------

Result<std::size_t> PgStore::put_mineral_rows(const std::vector<MineralRow>& rows) {
  std::lock_guard lock(mu_);
  auto tx = Transaction::begin(db_, Transaction::Mode::kWrite);
  if (!tx.is_ok()) return tx.status();
  std::set<std::tuple<std::string, std::string, int, std::string>> cleared;
  for (const MineralRow& r : rows) {
    if (!cleared.insert({r.mineral, r.stage, r.year, r.source}).second) continue;
    PACTUM_RETURN_IF_ERROR(db_.run(
        "DELETE FROM mineral_production WHERE mineral = $1 AND stage = $2 AND year = $3 AND source = $4",
        {p(r.mineral), p(r.stage), p(r.year), p(r.source)}));
  }
  for (const MineralRow& r : rows) {
    Status st = db_.run(
        "INSERT INTO mineral_production(mineral, stage, year, country, tonnes, share, source) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7)",
        {p(r.mineral), p(r.stage), p(r.year), p(r.country), r.tonnes ? p(*r.tonnes) : Param(),
         r.share ? p(*r.share) : Param(), p(r.source)});
    if (!st.is_ok()) {
      return Status(st.code(), r.mineral + " " + r.stage + " " + std::to_string(r.year) + " " + r.country + " (" +
                                   r.source + "): " + st.message());
    }
  }
  PACTUM_RETURN_IF_ERROR(tx->commit());
  return rows.size();
}

Result<std::vector<MineralRow>> PgStore::mineral_rows() {
  std::lock_guard lock(mu_);
  auto r = db_.query(
      "SELECT mineral, year, country, tonnes, share, source, stage FROM mineral_production "
      "ORDER BY mineral, stage, year, source, country");
  if (!r.is_ok()) return r.status();
  std::vector<MineralRow> out;
  for (int i = 0; i < r->size(); ++i) {
    MineralRow m;
    m.mineral = r->text(i, 0);
    m.year = static_cast<int>(r->integer(i, 1));
    m.country = r->text(i, 2);
    if (!r->is_null(i, 3)) m.tonnes = r->real(i, 3);
    if (!r->is_null(i, 4)) m.share = r->real(i, 4);
    m.source = r->text(i, 5);
    m.stage = r->text(i, 6);
    out.push_back(std::move(m));
  }
  return out;
}

// ---- feeds and saved searches -----------------------------------------------

Result<FeedRecord> PgStore::add_feed(const std::string& url, const std::string& name, std::int64_t interval_s) {
  std::lock_guard lock(mu_);
  auto tx = Transaction::begin(db_, Transaction::Mode::kWrite);
  if (!tx.is_ok()) return tx.status();
  auto exists = db_.query("SELECT id FROM feeds WHERE url = $1", {p(url)});
  if (!exists.is_ok()) return exists.status();
  if (!exists->empty()) {
    return Status::already_exists("feed " + url + " is followed already (id " + exists->text(0, 0) + ")");
  }
  auto id = db_.query_int("INSERT INTO feeds(url, name, interval_s) VALUES ($1, $2, $3) RETURNING id",
                          {p(url), p(name), p(interval_s)});
  if (!id.is_ok()) return id.status();
  auto r = db_.query(std::string("SELECT ") + kFeedColumns + " FROM feeds f WHERE f.id = $1", {p(*id)});
  if (!r.is_ok()) return r.status();
  FeedRecord out = read_feed(*r, 0);
  PACTUM_RETURN_IF_ERROR(tx->commit());
  return out;
}

Result<std::vector<FeedRecord>> PgStore::feeds() {
  std::lock_guard lock(mu_);
  auto r = db_.query(std::string("SELECT ") + kFeedColumns + " FROM feeds f ORDER BY f.id");
  if (!r.is_ok()) return r.status();
  std::vector<FeedRecord> out;
  for (int i = 0; i < r->size(); ++i) out.push_back(read_feed(*r, i));
  return out;
}

Status PgStore::record_feed_poll(const FeedRecord& f, const std::vector<std::string>& new_item_keys) {
  std::lock_guard lock(mu_);
  auto tx = Transaction::begin(db_, Transaction::Mode::kWrite);
  if (!tx.is_ok()) return tx.status();
  auto up = db_.query(
      "UPDATE feeds SET etag = $1, last_modified = $2, last_polled_at = $3, next_poll_at = $4, failures = $5, "
      "last_status = $6, last_error = $7 WHERE id = $8",
      {p_or_null(f.etag), p_or_null(f.last_modified), p_or_null(f.last_polled_at), p_or_null(f.next_poll_at),
       p(f.failures), p_or_null(f.last_status), p_or_null(f.last_error), p(f.id)});
  if (!up.is_ok()) return up.status();
  if (up->affected() == 0) return Status::not_found("no feed with id " + std::to_string(f.id));
  for (const std::string& key : new_item_keys) {
    PACTUM_RETURN_IF_ERROR(db_.run("INSERT INTO feed_items(feed_id, item_key) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                                   {p(f.id), p(key)}));
  }
  return tx->commit();
}

Result<std::vector<bool>> PgStore::feed_items_seen(std::int64_t feed_id, const std::vector<std::string>& keys) {
  std::lock_guard lock(mu_);
  std::vector<bool> out;
  for (const std::string& key : keys) {
    auto r = db_.query("SELECT 1 FROM feed_items WHERE feed_id = $1 AND item_key = $2", {p(feed_id), p(key)});
    if (!r.is_ok()) return r.status();
    out.push_back(!r->empty());
  }
  return out;
}

Status PgStore::remove_feed(const std::string& id_or_url) {
  std::lock_guard lock(mu_);
  auto r = db_.query("DELETE FROM feeds WHERE url = $1 OR id::text = $1", {p(id_or_url)});
  if (!r.is_ok()) return r.status();
  if (r->affected() == 0) return Status::not_found("no feed '" + id_or_url + "'");
  return Status::ok();
}

Status PgStore::add_watch(const WatchRecord& w) {
  std::lock_guard lock(mu_);
  auto tx = Transaction::begin(db_, Transaction::Mode::kWrite);
  if (!tx.is_ok()) return tx.status();
  auto exists = db_.query("SELECT 1 FROM watches WHERE name = $1", {p(w.name)});
  if (!exists.is_ok()) return exists.status();
  if (!exists->empty()) return Status::already_exists("a saved search named '" + w.name + "' exists already");
  PACTUM_RETURN_IF_ERROR(db_.run("INSERT INTO watches(name, query, filters) VALUES ($1, $2, $3)",
                                 {p(w.name), p(w.query), p(w.filters.empty() ? "{}" : w.filters)}));
  return tx->commit();
}

Result<std::vector<WatchRecord>> PgStore::watches() {
  std::lock_guard lock(mu_);
  auto r = db_.query(std::string("SELECT ") + kWatchColumns + " FROM watches ORDER BY name");
  if (!r.is_ok()) return r.status();
  std::vector<WatchRecord> out;
  for (int i = 0; i < r->size(); ++i) out.push_back(read_watch(*r, i));
  return out;
}

Result<WatchRecord> PgStore::watch(const std::string& name) {
  std::lock_guard lock(mu_);
  auto r = db_.query(std::string("SELECT ") + kWatchColumns + " FROM watches WHERE name = $1", {p(name)});
  if (!r.is_ok()) return r.status();
  if (r->empty()) return Status::not_found("no saved search named '" + name + "'");
  return read_watch(*r, 0);
}

Status PgStore::set_watch_checked(const std::string& name, const std::string& at) {
  std::lock_guard lock(mu_);
  auto r = db_.query("UPDATE watches SET last_checked_at = $1 WHERE name = $2", {p(at), p(name)});
  if (!r.is_ok()) return r.status();
  if (r->affected() == 0) return Status::not_found("no saved search named '" + name + "'");
  return Status::ok();
}

Status PgStore::remove_watch(const std::string& name) {
  std::lock_guard lock(mu_);
  auto r = db_.query("DELETE FROM watches WHERE name = $1", {p(name)});
  if (!r.is_ok()) return r.status();
  if (r->affected() == 0) return Status::not_found("no saved search named '" + name + "'");
  return Status::ok();
}

Result<std::string> PgStore::now() {
  std::lock_guard lock(mu_);
  auto r = db_.query("SELECT pactum_now()");
  if (!r.is_ok()) return r.status();
  return r->text(0, 0);
}

// ---- API tokens ------------------------------------------------------------

Result<std::int64_t> PgStore::put_api_token(const std::string& name, const std::string& sha256) {
  if (name.empty()) return Status::invalid_argument("a token needs a name");
  if (sha256.size() != 64 || sha256.find_first_not_of("0123456789abcdef") != std::string::npos) {
    return Status::invalid_argument("a token hash is 64 lowercase hex digits");
  }
  std::lock_guard lock(mu_);
  auto r = db_.query("INSERT INTO api_tokens(name, sha256) VALUES ($1, $2) ON CONFLICT (sha256) DO NOTHING RETURNING id",
                     {p(name), p(sha256)});
  if (!r.is_ok()) return r.status();
  if (r->empty()) return Status::already_exists("this token is already stored");
  return r->integer(0, 0);
}

Result<std::optional<std::string>> PgStore::api_token(const std::string& sha256) {
  std::lock_guard lock(mu_);
  auto r = db_.query("SELECT name FROM api_tokens WHERE sha256 = $1", {p(sha256)});
  if (!r.is_ok()) return r.status();
  if (r->empty()) return std::optional<std::string>();
  return std::optional<std::string>(r->text(0, 0));
}

// ---- cooperation profiles and expressions of interest ------------------------

Result<ProfileImport> PgStore::put_profiles(const std::vector<kb::Profile>& profiles) {
  for (const auto& pr : profiles) {
    auto errors = kb::validate_profile(pr, kb::ProfileCodes{});
    if (!errors.empty()) {
      return Status::invalid_argument("profile " + (pr.id.empty() ? std::string("(no id)") : pr.id) + ": " +
                                      errors[0].field + ": " + errors[0].message);
    }
  }
  std::lock_guard lock(mu_);
  auto tx = Transaction::begin(db_, Transaction::Mode::kWrite);
  if (!tx.is_ok()) return tx.status();
  ProfileImport out;
  for (const auto& pr : profiles) {
    std::string json = kb::to_json(pr).dump();
    auto get = db_.query("SELECT json FROM profiles WHERE id = $1", {p(pr.id)});
    if (!get.is_ok()) return get.status();
    std::optional<std::string> old;
    if (!get->empty()) old = get->text(0, 0);
    if (old && *old == json) {
      ++out.unchanged;
      continue;
    }
    std::vector<Param> params{p(pr.id), p(json), p(pr.type), p(pr.organization.country),
                              p_or_null(pr.organization.subdivision), p(pr.language), p_or_null(pr.published),
                              p_or_null(pr.deadline)};
    PACTUM_RETURN_IF_ERROR(db_.run(
        old ? "UPDATE profiles SET json = $2, type = $3, country = $4, subdivision = $5, language = $6, "
              "published = $7, deadline = $8, updated_at = pactum_now() WHERE id = $1"
            : "INSERT INTO profiles(id, json, type, country, subdivision, language, published, deadline) "
              "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        params));
    PACTUM_RETURN_IF_ERROR(db_.run("DELETE FROM profile_sectors WHERE profile_id = $1", {p(pr.id)}));
    for (const auto& sector : pr.sectors) {
      PACTUM_RETURN_IF_ERROR(db_.run(
          "INSERT INTO profile_sectors(profile_id, sector) VALUES ($1, $2) ON CONFLICT DO NOTHING",
          {p(pr.id), p(sector)}));
    }
    ++(old ? out.updated : out.inserted);
  }
  PACTUM_RETURN_IF_ERROR(tx->commit());
  return out;
}

Result<kb::Profile> PgStore::profile(const std::string& id) {
  std::lock_guard lock(mu_);
  auto r = db_.query("SELECT json FROM profiles WHERE id = $1", {p(id)});
  if (!r.is_ok()) return r.status();
  if (r->empty()) return Status::not_found("no profile " + id);
  return profile_from_json(id, r->text(0, 0));
}

Result<std::vector<kb::Profile>> PgStore::profiles() {
  std::lock_guard lock(mu_);
  auto r = db_.query("SELECT id, json FROM profiles ORDER BY id");
  if (!r.is_ok()) return r.status();
  std::vector<kb::Profile> out;
  for (int i = 0; i < r->size(); ++i) {
    auto pr = profile_from_json(r->text(i, 0), r->text(i, 1));
    if (!pr.is_ok()) return pr.status();
    out.push_back(std::move(*pr));
  }
  return out;
}

Status PgStore::delete_profile(const std::string& id) {
  std::lock_guard lock(mu_);
  auto r = db_.query("DELETE FROM profiles WHERE id = $1", {p(id)});
  if (!r.is_ok()) return r.status();
  if (r->affected() == 0) return Status::not_found("no profile " + id);
  return Status::ok();
}

Result<InterestRecord> PgStore::read_interest(std::int64_t interest_id) {
  auto r = db_.query("SELECT profile_id, organization, from_profile, state FROM profile_interests WHERE id = $1",
                     {p(interest_id)});
  if (!r.is_ok()) return r.status();
  if (r->empty()) return Status::not_found("no interest " + std::to_string(interest_id));
  InterestRecord out;
  out.id = interest_id;
  out.profile_id = r->text(0, 0);
  out.organization = r->text(0, 1);
  out.from_profile = r->text(0, 2);
  out.state = r->text(0, 3);
  auto steps = db_.query(
      "SELECT step, at, author, note FROM profile_interest_steps WHERE interest_id = $1 ORDER BY id",
      {p(interest_id)});
  if (!steps.is_ok()) return steps.status();
  for (int i = 0; i < steps->size(); ++i) {
    out.steps.push_back({steps->text(i, 0), steps->text(i, 1), steps->text(i, 2), steps->text(i, 3)});
  }
  return out;
}

Result<InterestRecord> PgStore::add_interest(const std::string& profile_id, const std::string& organization,
                                             const std::string& from_profile, const std::string& author,
                                             const std::string& note) {
  if (organization.empty()) return Status::invalid_argument("an interest needs the organization's name");
  if (author.empty()) return Status::invalid_argument("an interest step needs an author");
  std::lock_guard lock(mu_);
  auto tx = Transaction::begin(db_, Transaction::Mode::kWrite);
  if (!tx.is_ok()) return tx.status();
  auto exists = db_.query("SELECT 1 FROM profiles WHERE id = $1", {p(profile_id)});
  if (!exists.is_ok()) return exists.status();
  if (exists->empty()) return Status::not_found("no profile " + profile_id);
  auto id = db_.query_int(
      "INSERT INTO profile_interests(profile_id, organization, from_profile, state) "
      "VALUES ($1, $2, $3, 'interested') RETURNING id",
      {p(profile_id), p(organization), p_or_null(from_profile)});
  if (!id.is_ok()) return id.status();
  PACTUM_RETURN_IF_ERROR(db_.run(
      "INSERT INTO profile_interest_steps(interest_id, step, author, note) VALUES ($1, 'interested', $2, $3)",
      {p(*id), p(author), p_or_null(note)}));
  auto out = read_interest(*id);
  if (!out.is_ok()) return out.status();
  PACTUM_RETURN_IF_ERROR(tx->commit());
  return out;
}

Result<InterestRecord> PgStore::interest_step(std::int64_t interest_id, const std::string& step,
                                              const std::string& author, const std::string& note) {
  if (!kb::is_interest_step(step)) return Status::invalid_argument("'" + step + "' is not a workflow step");
  if (author.empty()) return Status::invalid_argument("an interest step needs an author");
  std::lock_guard lock(mu_);
  auto tx = Transaction::begin(db_, Transaction::Mode::kWrite);
  if (!tx.is_ok()) return tx.status();
  // Row lock: two helpdesk sessions moving one interest take turns.
  PACTUM_RETURN_IF_ERROR(db_.run("SELECT 1 FROM profile_interests WHERE id = $1 FOR UPDATE", {p(interest_id)}));
  auto cur = read_interest(interest_id);
  if (!cur.is_ok()) return cur.status();
  if (!kb::interest_transition_allowed(cur->state, step)) {
    return Status::failed_precondition("interest " + std::to_string(interest_id) + " is " + cur->state +
                                       "; it cannot become " + step);
  }
  PACTUM_RETURN_IF_ERROR(db_.run("UPDATE profile_interests SET state = $1 WHERE id = $2", {p(step), p(interest_id)}));
  PACTUM_RETURN_IF_ERROR(db_.run(
      "INSERT INTO profile_interest_steps(interest_id, step, author, note) VALUES ($1, $2, $3, $4)",
      {p(interest_id), p(step), p(author), p_or_null(note)}));
  auto out = read_interest(interest_id);
  if (!out.is_ok()) return out.status();
  PACTUM_RETURN_IF_ERROR(tx->commit());
  return out;
}

Result<InterestRecord> PgStore::interest(std::int64_t interest_id) {
  std::lock_guard lock(mu_);
  return read_interest(interest_id);
}

Result<std::vector<InterestRecord>> PgStore::interests(const std::string& profile_id) {
  std::lock_guard lock(mu_);
  auto r = db_.query("SELECT id FROM profile_interests WHERE ($1 = '' OR profile_id = $1) ORDER BY id",
                     {p(profile_id)});
  if (!r.is_ok()) return r.status();
  std::vector<InterestRecord> out;
  for (int i = 0; i < r->size(); ++i) {
    auto one = read_interest(r->integer(i, 0));
    if (!one.is_ok()) return one.status();
    out.push_back(std::move(*one));
  }
  return out;
}

// ---- knowledge base: writes ------------------------------------------------

Status PgStore::apply_overrides(const std::string& content_hash, extract::Event& e, std::string* curation) {
  auto r = db_.query(
      "SELECT field, value FROM event_overrides WHERE content_hash = $1 AND evidence_begin = $2 AND evidence_end = $3",
      {p(content_hash), p(e.evidence_span.begin), p(e.evidence_span.end)});
  if (!r.is_ok()) return r.status();
  for (int i = 0; i < r->size(); ++i) apply_override(r->text(i, 0), r->text(i, 1), e, curation);
  return Status::ok();
}

Result<bool> PgStore::link_near_duplicate(std::int64_t document_id, const std::optional<kb::Signature>& sig) {
  if (!sig) return false;
  auto keys = kb::band_keys(*sig);
  std::vector<std::int64_t> key_list(keys.begin(), keys.end());
  std::optional<DocumentLink> best;
  {
    // Bounded as in SqliteStore (kb/near_duplicate.h): the newest
    // kBandCandidates of each band, then the kSignatureChecks of them that
    // share the most bands.
    auto members = db_.query(
        "SELECT b.document_id FROM unnest($1::bigint[]) AS k CROSS JOIN LATERAL "
        "(SELECT document_id FROM document_bands WHERE band_key = k AND document_id <> $2 "
        "ORDER BY document_id DESC LIMIT $3) AS b",
        {pg::p_array(key_list), p(document_id), p(std::int64_t{kb::kBandCandidates})});
    if (!members.is_ok()) return members.status();
    std::vector<std::int64_t> band_members;
    for (int i = 0; i < members->size(); ++i) band_members.push_back(members->integer(i, 0));
    const std::vector<std::int64_t> candidates = kb::most_shared_bands(std::move(band_members));
    auto r = db_.query(
        "SELECT f.document_id, f.signature, coalesce(l.original_id, f.document_id) "
        "FROM document_fingerprints f LEFT JOIN document_links l ON l.document_id = f.document_id "
        "WHERE f.document_id = ANY($1::bigint[])",
        {pg::p_array(candidates)});
    if (!r.is_ok()) return r.status();
    for (int i = 0; i < r->size(); ++i) {
      auto other = kb::decode(r->bytes(i, 1));
      if (!other) continue;
      double sim = kb::similarity(*sig, *other);
      if (sim < kb::kNearDuplicateSimilarity) continue;
      DocumentLink link{document_id, r->integer(i, 2), sim};
      if (!best || sim > best->similarity || (sim == best->similarity && link.original_id < best->original_id)) {
        best = link;
      }
    }
  }
  PACTUM_RETURN_IF_ERROR(db_.run(
      "INSERT INTO document_fingerprints(document_id, signature) VALUES ($1, $2) "
      "ON CONFLICT (document_id) DO UPDATE SET signature = excluded.signature",
      {p(document_id), pg::p_bytes(kb::encode(*sig))}));
  PACTUM_RETURN_IF_ERROR(db_.run(
      "INSERT INTO document_bands(band_key, document_id) SELECT k, $2::bigint FROM unnest($1::bigint[]) AS k "
      "ON CONFLICT DO NOTHING",
      {pg::p_array(key_list), p(document_id)}));
  if (!best || best->original_id == document_id) return false;
  PACTUM_RETURN_IF_ERROR(db_.run(
      "INSERT INTO document_links(document_id, original_id, similarity) VALUES ($1, $2, $3) "
      "ON CONFLICT (document_id) DO UPDATE SET original_id = excluded.original_id, similarity = excluded.similarity",
      {p(document_id), p(best->original_id), p(best->similarity)}));
  return true;
}

Status PgStore::index_document(std::int64_t document_id, const std::string& language, std::string_view title,
                               std::string indexed_body, const std::vector<std::string>& evidence) {
  std::string joined;
  for (const auto& e : evidence) joined += (joined.empty() ? "" : "\n") + e;
  const char* config = ts_config(language);
  return db_.run(
      "INSERT INTO search_index(document_id, config, tsv) VALUES ($1, $2, "
      "setweight(to_tsvector($3::regconfig, $4), 'A') || setweight(to_tsvector($3::regconfig, $5), 'B') || "
      "setweight(to_tsvector($3::regconfig, $6), 'C')) "
      "ON CONFLICT (document_id) DO UPDATE SET config = excluded.config, tsv = excluded.tsv",
      {p(document_id), p(config), p(config), p(index_text(title)), p(index_text(joined)), p(indexed_body)});
}

Status PgStore::place_stored_event(std::int64_t event_id) {
  auto r = db_.query(
      "SELECT e.document_id, e.instrument, e.stage, e.date, e.curation, "
      "EXISTS (SELECT 1 FROM document_links l WHERE l.document_id = e.document_id), "
      "(SELECT array_to_string(array_agg(actor_id), ',') FROM event_parties WHERE event_id = e.id) "
      "FROM events e WHERE e.id = $1",
      {p(event_id)});
  if (!r.is_ok()) return r.status();
  if (r->empty()) return Status::not_found("event " + std::to_string(event_id));
  if (r->text(0, 4) == "rejected") return Status::ok();
  std::vector<std::int64_t> actors;
  std::string list = r->text(0, 6);
  for (std::size_t at = 0; at < list.size();) {
    std::size_t comma = list.find(',', at);
    if (comma == std::string::npos) comma = list.size();
    actors.push_back(std::stoll(list.substr(at, comma - at)));
    at = comma + 1;
  }
  return place_event(event_id, r->integer(0, 0), actors, r->text(0, 1), r->text(0, 2), r->text(0, 3),
                     r->integer(0, 5) != 0);
}

Status PgStore::place_event(std::int64_t event_id, std::int64_t document_id,
                            const std::vector<std::int64_t>& actor_ids, const std::string& instrument,
                            const std::string& stage, const std::string& date, bool is_copy) {
  std::string key = kb::party_key(actor_ids);
  if (key.empty()) return Status::ok();
  // Two writers placing events of one party set take turns.
  PACTUM_RETURN_IF_ERROR(db_.run("SELECT pg_advisory_xact_lock(1346454357, hashtext($1))", {p(key)}));
  std::vector<kb::AgreementState> known;
  {
    auto r = db_.query("SELECT id, instrument FROM agreements WHERE party_key = $1 ORDER BY id", {p(key)});
    if (!r.is_ok()) return r.status();
    for (int i = 0; i < r->size(); ++i) known.push_back({r->integer(i, 0), r->text(i, 1), {}});
  }
  if (!known.empty()) {
    auto r = db_.query(
        "SELECT c.id, c.agreement_id, c.stage, c.date FROM agreement_acts c "
        "JOIN agreements a ON a.id = c.agreement_id WHERE a.party_key = $1 ORDER BY c.id",
        {p(key)});
    if (!r.is_ok()) return r.status();
    for (int i = 0; i < r->size(); ++i) {
      std::int64_t agreement_id = r->integer(i, 1);
      for (auto& a : known) {
        if (a.id == agreement_id) a.acts.push_back({r->integer(i, 0), r->text(i, 2), r->text(i, 3)});
      }
    }
  }
  kb::EventFact fact{event_id, instrument, stage, date};
  kb::Placement where = kb::place(fact, known);
  auto before = known;
  auto [ai, ci] = kb::apply(fact, where, known);
  kb::AgreementState& a = known[ai];
  if (!where.agreement) {
    auto id = db_.query_int("INSERT INTO agreements(party_key, instrument) VALUES ($1, $2) RETURNING id",
                            {p(key), p(a.instrument)});
    if (!id.is_ok()) return id.status();
    a.id = *id;
    std::set<std::int64_t> distinct(actor_ids.begin(), actor_ids.end());
    for (std::int64_t actor : distinct) {
      PACTUM_RETURN_IF_ERROR(
          db_.run("INSERT INTO agreement_parties(agreement_id, actor_id) VALUES ($1, $2)", {p(a.id), p(actor)}));
    }
  } else if (before[ai].instrument != a.instrument) {
    PACTUM_RETURN_IF_ERROR(
        db_.run("UPDATE agreements SET instrument = $1 WHERE id = $2", {p(a.instrument), p(a.id)}));
  }
  kb::ActState& act = a.acts[ci];
  if (!where.act) {
    auto id = db_.query_int("INSERT INTO agreement_acts(agreement_id, stage, date) VALUES ($1, $2, $3) RETURNING id",
                            {p(a.id), p(act.stage), p_or_null(act.date)});
    if (!id.is_ok()) return id.status();
    act.id = *id;
  } else {
    const kb::ActState& old = before[ai].acts[ci];
    if (old.stage != act.stage || old.date != act.date) {
      PACTUM_RETURN_IF_ERROR(db_.run("UPDATE agreement_acts SET stage = $1, date = $2 WHERE id = $3",
                                     {p(act.stage), p_or_null(act.date), p(act.id)}));
    }
  }
  return db_.run(
      "INSERT INTO agreement_events(event_id, agreement_id, act_id, document_id, is_copy) VALUES ($1, $2, $3, $4, $5) "
      "ON CONFLICT (event_id) DO UPDATE SET agreement_id = excluded.agreement_id, act_id = excluded.act_id, "
      "document_id = excluded.document_id, is_copy = excluded.is_copy",
      {p(event_id), p(a.id), p(act.id), p(document_id), p(is_copy ? 1 : 0)});
}

Status PgStore::replace_party_set(const std::string& key, std::int64_t also_event) {
  std::set<std::int64_t> events{also_event};
  {
    auto r = db_.query(
        "SELECT ae.event_id FROM agreement_events ae JOIN agreements a ON a.id = ae.agreement_id "
        "WHERE a.party_key = $1",
        {p(key)});
    if (!r.is_ok()) return r.status();
    for (int i = 0; i < r->size(); ++i) events.insert(r->integer(i, 0));
  }
  PACTUM_RETURN_IF_ERROR(db_.run("DELETE FROM agreements WHERE party_key = $1", {p(key)}));
  PACTUM_RETURN_IF_ERROR(db_.run("DELETE FROM agreement_events WHERE event_id = $1", {p(also_event)}));
  for (std::int64_t id : events) PACTUM_RETURN_IF_ERROR(place_stored_event(id));
  return Status::ok();
}

Status PgStore::rebuild_agreements() {
  PACTUM_RETURN_IF_ERROR(db_.exec("DELETE FROM agreement_events; DELETE FROM agreements;"));
  auto r = db_.query("SELECT id FROM events WHERE curation IS DISTINCT FROM 'rejected' ORDER BY id");
  if (!r.is_ok()) return r.status();
  for (int i = 0; i < r->size(); ++i) PACTUM_RETURN_IF_ERROR(place_stored_event(r->integer(i, 0)));
  return Status::ok();
}

Status PgStore::rebuild_locked() {
  PACTUM_RETURN_IF_ERROR(db_.exec(
      "DELETE FROM document_links; DELETE FROM document_fingerprints; DELETE FROM document_bands; "
      "DELETE FROM search_index; DELETE FROM actor_name_keys;"));
  {
    auto r = db_.query("SELECT id, name FROM actors UNION ALL SELECT actor_id, alias FROM actor_aliases");
    if (!r.is_ok()) return r.status();
    for (int i = 0; i < r->size(); ++i) PACTUM_RETURN_IF_ERROR(add_name_key(r->integer(i, 0), r->text(i, 1)));
  }
  auto ids = db_.query("SELECT id FROM documents ORDER BY id");
  if (!ids.is_ok()) return ids.status();
  for (int k = 0; k < ids->size(); ++k) {
    std::int64_t id = ids->integer(k, 0);
    auto d = db_.query("SELECT title, text, language FROM documents WHERE id = $1", {p(id)});
    if (!d.is_ok()) return d.status();
    if (d->empty()) continue;
    auto ev = db_.query(
        "SELECT evidence FROM events WHERE document_id = $1 AND curation IS DISTINCT FROM 'rejected' "
        "ORDER BY position",
        {p(id)});
    if (!ev.is_ok()) return ev.status();
    std::vector<std::string> evidence;
    for (int i = 0; i < ev->size(); ++i) evidence.push_back(ev->text(i, 0));
    std::string text = d->text(0, 1), language = d->text(0, 2);
    auto copy = link_near_duplicate(id, kb::signature(text, language));
    if (!copy.is_ok()) return copy.status();
    PACTUM_RETURN_IF_ERROR(index_document(id, language, d->text(0, 0), index_text(text), evidence));
  }
  return rebuild_agreements();
}

Status PgStore::reindex_locked() {
  PACTUM_RETURN_IF_ERROR(db_.exec("DELETE FROM search_index"));
  auto ids = db_.query("SELECT id FROM documents ORDER BY id");
  if (!ids.is_ok()) return ids.status();
  for (int k = 0; k < ids->size(); ++k) {
    std::int64_t id = ids->integer(k, 0);
    auto d = db_.query("SELECT title, text, language FROM documents WHERE id = $1", {p(id)});
    if (!d.is_ok()) return d.status();
    if (d->empty()) continue;
    auto ev = db_.query(
        "SELECT evidence FROM events WHERE document_id = $1 AND curation IS DISTINCT FROM 'rejected' "
        "ORDER BY position",
        {p(id)});
    if (!ev.is_ok()) return ev.status();
    std::vector<std::string> evidence;
    for (int i = 0; i < ev->size(); ++i) evidence.push_back(ev->text(i, 0));
    PACTUM_RETURN_IF_ERROR(index_document(id, d->text(0, 2), d->text(0, 0), index_text(d->text(0, 1)), evidence));
  }
  return Status::ok();
}

Status PgStore::rebuild_knowledge_base() {
  std::lock_guard lock(mu_);
  auto tx = Transaction::begin(db_, Transaction::Mode::kWrite);
  if (!tx.is_ok()) return tx.status();
  // One rebuild at a time, and no ingest placing events meanwhile.
  PACTUM_RETURN_IF_ERROR(db_.exec("LOCK TABLE agreements, agreement_events IN EXCLUSIVE MODE"));
  PACTUM_RETURN_IF_ERROR(rebuild_locked());
  return tx->commit();
}

// ---- knowledge base: reads -------------------------------------------------

Result<AgreementRecord> PgStore::load_agreement(std::int64_t id) {
  AgreementRecord out;
  {
    auto r = db_.query("SELECT id, instrument FROM agreements WHERE id = $1", {p(id)});
    if (!r.is_ok()) return r.status();
    if (r->empty()) return Status::not_found("agreement " + std::to_string(id));
    out.id = r->integer(0, 0);
    out.instrument = r->text(0, 1);
  }
  {
    auto r = db_.query(
        "SELECT a.id, a.key, a.name, a.kind, a.country, a.subdivision FROM agreement_parties p "
        "JOIN actors a ON a.id = p.actor_id WHERE p.agreement_id = $1 ORDER BY a.name, a.id",
        {p(id)});
    if (!r.is_ok()) return r.status();
    for (int i = 0; i < r->size(); ++i) out.parties.push_back(read_actor(*r, i));
  }
  {
    auto r = db_.query(
        "SELECT id, stage, date FROM agreement_acts WHERE agreement_id = $1 ORDER BY date_lo IS NULL, date_lo, id",
        {p(id)});
    if (!r.is_ok()) return r.status();
    for (int i = 0; i < r->size(); ++i) {
      out.timeline.push_back({r->integer(i, 0), r->text(i, 1), r->text(i, 2), {}, {}});
      const std::string& date = out.timeline.back().date;
      if (!date.empty()) {
        if (out.first_date.empty()) out.first_date = date;
        out.last_date = date;
      }
    }
  }
  std::set<std::int64_t> sources, copies;
  {
    auto r = db_.query(
        "SELECT event_id, act_id, document_id, is_copy FROM agreement_events WHERE agreement_id = $1 ORDER BY event_id",
        {p(id)});
    if (!r.is_ok()) return r.status();
    for (int i = 0; i < r->size(); ++i) {
      std::int64_t event = r->integer(i, 0), act = r->integer(i, 1), doc = r->integer(i, 2);
      bool copy = r->integer(i, 3) != 0;
      (copy ? copies : sources).insert(doc);
      for (auto& a : out.timeline) {
        if (a.id != act) continue;
        a.event_ids.push_back(event);
        if (!copy && std::find(a.document_ids.begin(), a.document_ids.end(), doc) == a.document_ids.end()) {
          a.document_ids.push_back(doc);
        }
      }
    }
  }
  for (std::int64_t d : sources) copies.erase(d);
  out.sources.assign(sources.begin(), sources.end());
  out.copies.assign(copies.begin(), copies.end());
  {
    auto r = db_.query(
        "SELECT s.sector, count(*) FROM agreement_events ae JOIN event_sectors s ON s.event_id = ae.event_id "
        "WHERE ae.agreement_id = $1 GROUP BY s.sector ORDER BY 2 DESC, 1",
        {p(id)});
    if (!r.is_ok()) return r.status();
    for (int i = 0; i < r->size(); ++i) out.sectors.push_back(r->text(i, 0));
  }
  {
    auto r = db_.query(
        "SELECT DISTINCT d.language FROM agreement_events ae JOIN documents d ON d.id = ae.document_id "
        "WHERE ae.agreement_id = $1 AND ae.is_copy = 0 AND d.language IS NOT NULL ORDER BY 1",
        {p(id)});
    if (!r.is_ok()) return r.status();
    for (int i = 0; i < r->size(); ++i) out.languages.push_back(r->text(i, 0));
  }
  return out;
}

Result<AgreementRecord> PgStore::agreement(std::int64_t id) {
  std::lock_guard lock(mu_);
  auto tx = Transaction::begin(db_, Transaction::Mode::kRead);
  if (!tx.is_ok()) return tx.status();
  auto r = load_agreement(id);
  if (!r.is_ok()) return r.status();
  PACTUM_RETURN_IF_ERROR(tx->commit());
  return r;
}

Result<std::int64_t> PgStore::agreement_of_event(std::int64_t event_id) {
  std::lock_guard lock(mu_);
  auto r = db_.query("SELECT agreement_id FROM agreement_events WHERE event_id = $1", {p(event_id)});
  if (!r.is_ok()) return r.status();
  if (r->empty()) return Status::not_found("event " + std::to_string(event_id) + " belongs to no agreement");
  return r->integer(0, 0);
}

Result<std::optional<DocumentLink>> PgStore::original_of(std::int64_t document_id) {
  std::lock_guard lock(mu_);
  auto r = db_.query("SELECT original_id, similarity FROM document_links WHERE document_id = $1", {p(document_id)});
  if (!r.is_ok()) return r.status();
  if (r->empty()) return std::optional<DocumentLink>();
  return std::optional<DocumentLink>(DocumentLink{document_id, r->integer(0, 0), r->real(0, 1)});
}

Result<std::vector<AgreementRecord>> PgStore::agreements(const AgreementFilter& f) {
  if (f.party && f.party->empty()) return Status::invalid_argument("party filter is empty");
  PACTUM_RETURN_IF_ERROR(check_dates(f.since, f.until));
  Params ps;
  std::string sql =
      "SELECT g.id, (SELECT max(c.date_lo) FROM agreement_acts c WHERE c.agreement_id = g.id) AS last "
      "FROM agreements g WHERE true";
  if (f.party) {
    std::string raw = ps.add(p(*f.party)), folded = ps.add(p(fold_case(*f.party)));
    sql += " AND g.id IN (SELECT p.agreement_id FROM agreement_parties p WHERE p.actor_id IN (" +
           party_actors(raw, folded) + "))";
  }
  if (f.country) {
    sql += " AND g.id IN (SELECT p.agreement_id FROM agreement_parties p JOIN actors a ON a.id = p.actor_id "
           "WHERE lower(a.country) = lower(" + ps.add(p(*f.country)) + "))";
  }
  if (f.region) {
    sql += " AND g.id IN (SELECT p.agreement_id FROM agreement_parties p JOIN actors a ON a.id = p.actor_id "
           "WHERE lower(a.subdivision) = lower(" + ps.add(p(*f.region)) + "))";
  }
  if (f.sector) {
    sql += " AND g.id IN (SELECT ae.agreement_id FROM agreement_events ae JOIN event_sectors s "
           "ON s.event_id = ae.event_id WHERE s.sector = " + ps.add(p(*f.sector)) + ")";
  }
  if (f.instrument) sql += " AND g.instrument = " + ps.add(p(*f.instrument));
  if (f.stage || f.since || f.until) {
    sql += " AND EXISTS (SELECT 1 FROM agreement_acts c WHERE c.agreement_id = g.id";
    if (f.stage) sql += " AND c.stage = " + ps.add(p(*f.stage));
    if (f.since) sql += " AND c.date_lo >= " + ps.add(p(widen_date(*f.since, false)));
    if (f.until) sql += " AND c.date_hi <= " + ps.add(p(widen_date(*f.until, true)));
    sql += ")";
  }
  if (f.language) {
    sql += " AND g.id IN (SELECT ae.agreement_id FROM agreement_events ae JOIN documents d "
           "ON d.id = ae.document_id WHERE ae.is_copy = 0 AND d.language = " + ps.add(p(*f.language)) + ")";
  }
  sql += " ORDER BY last ASC NULLS LAST, g.id";
  if (f.limit > 0) sql += " LIMIT " + ps.add(p(f.limit));

  std::lock_guard lock(mu_);
  auto tx = Transaction::begin(db_, Transaction::Mode::kRead);
  if (!tx.is_ok()) return tx.status();
  auto r = db_.query(sql, ps.values);
  if (!r.is_ok()) return r.status();
  std::vector<AgreementRecord> out;
  for (int i = 0; i < r->size(); ++i) {
    auto one = load_agreement(r->integer(i, 0));
    if (!one.is_ok()) return one.status();
    out.push_back(std::move(*one));
  }
  PACTUM_RETURN_IF_ERROR(tx->commit());
  return out;
}

// ---- curation ----------------------------------------------------------------

Result<std::int64_t> PgStore::log_curation(const CurationEntry& e) {
  return db_.query_int(
      "INSERT INTO curation_log(author, target, target_id, action, field, old_value, new_value, note) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
      {p(e.author), p(e.target), p(e.target_id), p(e.action), p_or_null(e.field), p_or_null(e.old_value),
       p_or_null(e.new_value), p_or_null(e.note)});
}

Result<std::vector<CurationEntry>> PgStore::read_log(std::optional<std::int64_t> id, std::size_t limit) {
  Params ps;
  std::string sql = "SELECT id, at, author, target, target_id, action, field, old_value, new_value, note FROM curation_log";
  if (id) sql += " WHERE id = " + ps.add(p(*id));
  sql += " ORDER BY id DESC";
  if (limit > 0) sql += " LIMIT " + ps.add(p(limit));
  auto r = db_.query(sql, ps.values);
  if (!r.is_ok()) return r.status();
  std::vector<CurationEntry> out;
  for (int i = 0; i < r->size(); ++i) {
    CurationEntry e;
    e.id = r->integer(i, 0);
    e.at = r->text(i, 1);
    e.author = r->text(i, 2);
    e.target = r->text(i, 3);
    e.target_id = r->integer(i, 4);
    e.action = r->text(i, 5);
    e.field = r->text(i, 6);
    e.old_value = r->text(i, 7);
    e.new_value = r->text(i, 8);
    e.note = r->text(i, 9);
    out.push_back(std::move(e));
  }
  return out;
}

Result<std::vector<CurationEntry>> PgStore::curation_log(std::size_t limit) {
  std::lock_guard lock(mu_);
  return read_log(std::nullopt, limit);
}

Result<std::vector<CurationEntry>> PgStore::curate_event(std::int64_t event_id, const EventCuration& c) {
  if (c.author.empty()) return Status::invalid_argument("a curation needs an author");
  if (c.status && *c.status != "confirmed" && *c.status != "rejected") {
    return Status::invalid_argument("status must be confirmed or rejected, got '" + *c.status + "'");
  }
  std::vector<std::pair<std::string, std::string>> set;
  for (const auto& [field, value] : c.set) {
    auto v = check_curated_field(field, value);
    if (!v.is_ok()) return v.status();
    set.emplace_back(field, *v);
  }
  std::lock_guard lock(mu_);
  auto tx = Transaction::begin(db_, Transaction::Mode::kWrite);
  if (!tx.is_ok()) return tx.status();
  std::string hash;
  std::int64_t begin = 0, end = 0, version = 0;
  std::map<std::string, std::string> current;
  {
    // FOR UPDATE: two curators of one event take turns, each seeing the
    // other's change as the old value.
    auto r = db_.query(
        "SELECT d.content_hash, e.evidence_begin, e.evidence_end, e.instrument, e.stage, e.date, "
        "e.duration_years, e.curation, (SELECT string_agg(sector, ',' ORDER BY position) FROM event_sectors "
        "WHERE event_id = e.id), e.version FROM events e JOIN documents d ON d.id = e.document_id WHERE e.id = $1 "
        "FOR UPDATE OF e",
        {p(event_id)});
    if (!r.is_ok()) return r.status();
    if (r->empty()) return Status::not_found("event " + std::to_string(event_id));
    hash = r->text(0, 0);
    begin = r->integer(0, 1);
    end = r->integer(0, 2);
    current = {{"instrument", r->text(0, 3)}, {"stage", r->text(0, 4)},  {"date", r->text(0, 5)},
               {"duration_years", r->text(0, 6)}, {"status", r->text(0, 7)}, {"sectors", r->text(0, 8)}};
    version = r->integer(0, 9);
  }
  // Read under the row lock, so no other edit can slip in between.
  if (c.if_version && *c.if_version != version) {
    std::string last;
    auto l = db_.query(
        "SELECT author, at, field, new_value FROM curation_log WHERE target = 'event' AND target_id = $1 "
        "ORDER BY id DESC LIMIT 1",
        {p(event_id)});
    if (l.is_ok() && l->size() > 0) {
      last = l->text(0, 0) + " at " + l->text(0, 1) + " (" + l->text(0, 2) + " = '" + l->text(0, 3) + "')";
    }
    return stale_event_version(event_id, *c.if_version, version, last);
  }
  if (c.status) set.emplace_back("status", *c.status);
  std::vector<std::int64_t> logged;
  for (const auto& [field, value] : set) {
    PACTUM_RETURN_IF_ERROR(db_.run(
        "INSERT INTO event_overrides(content_hash, evidence_begin, evidence_end, field, value) "
        "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (content_hash, evidence_begin, evidence_end, field) "
        "DO UPDATE SET value = excluded.value",
        {p(hash), p(begin), p(end), p(field), p(value)}));
    if (current[field] == value) continue;
    if (field == "sectors") {
      PACTUM_RETURN_IF_ERROR(db_.run("DELETE FROM event_sectors WHERE event_id = $1", {p(event_id)}));
      std::size_t at = 0, pos = 0;
      while (at < value.size()) {
        std::size_t comma = value.find(',', at);
        if (comma == std::string::npos) comma = value.size();
        PACTUM_RETURN_IF_ERROR(db_.run(
            "INSERT INTO event_sectors(event_id, sector, position) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
            {p(event_id), p(value.substr(at, comma - at)), p(pos++)}));
        at = comma + 1;
      }
    } else {
      // The column name comes from check_curated_field()'s closed list.
      std::string column = field == "status" ? "curation" : field;
      PACTUM_RETURN_IF_ERROR(db_.run("UPDATE events SET " + column + " = $1 WHERE id = $2",
                                     {p_or_null(value), p(event_id)}));
    }
    CurationEntry e;
    e.author = c.author;
    e.target = "event";
    e.target_id = event_id;
    e.action = field == "status" ? (value == "rejected" ? "reject" : "confirm") : "set";
    e.field = field;
    e.old_value = current[field];
    e.new_value = value;
    e.note = c.note;
    auto id = log_curation(e);
    if (!id.is_ok()) return id.status();
    logged.push_back(*id);
  }
  if (!logged.empty()) {
    PACTUM_RETURN_IF_ERROR(db_.run("UPDATE events SET version = version + 1 WHERE id = $1", {p(event_id)}));
    auto r = db_.query("SELECT actor_id FROM event_parties WHERE event_id = $1", {p(event_id)});
    if (!r.is_ok()) return r.status();
    std::vector<std::int64_t> actors;
    for (int i = 0; i < r->size(); ++i) actors.push_back(r->integer(i, 0));
    std::string key = kb::party_key(actors);
    if (!key.empty()) {
      PACTUM_RETURN_IF_ERROR(db_.run("SELECT pg_advisory_xact_lock(1346454357, hashtext($1))", {p(key)}));
      PACTUM_RETURN_IF_ERROR(replace_party_set(key, event_id));
    }
  }
  std::vector<CurationEntry> out;
  for (std::int64_t id : logged) {
    auto e = read_log(id, 1);
    if (!e.is_ok()) return e.status();
    out.insert(out.end(), e->begin(), e->end());
  }
  PACTUM_RETURN_IF_ERROR(tx->commit());
  return out;
}

Result<CurationEntry> PgStore::merge_actors(const std::string& keep, const std::string& absorb,
                                            const std::string& author, const std::string& note) {
  if (author.empty()) return Status::invalid_argument("a curation needs an author");
  std::lock_guard lock(mu_);
  auto tx = Transaction::begin(db_, Transaction::Mode::kWrite);
  if (!tx.is_ok()) return tx.status();
  // A merge recomputes every agreement: no other writer meanwhile.
  PACTUM_RETURN_IF_ERROR(db_.exec("LOCK TABLE agreements, agreement_events IN EXCLUSIVE MODE"));
  auto keep_id = find_actor_id(keep);
  if (!keep_id.is_ok()) return keep_id.status();
  if (!*keep_id) return Status::not_found("no actor named '" + keep + "'");
  auto absorb_id = find_actor_id(absorb);
  if (!absorb_id.is_ok()) return absorb_id.status();
  if (!*absorb_id) return Status::not_found("no actor named '" + absorb + "'");
  if (**keep_id == **absorb_id) {
    return Status::invalid_argument("'" + keep + "' and '" + absorb + "' are already one actor");
  }
  auto kept = load_actor(**keep_id);
  if (!kept.is_ok()) return kept.status();
  auto gone = load_actor(**absorb_id);
  if (!gone.is_ok()) return gone.status();
  std::vector<Param> ka{p(**keep_id), p(**absorb_id)};
  std::vector<Param> a{p(**absorb_id)};
  PACTUM_RETURN_IF_ERROR(db_.run("UPDATE event_parties SET actor_id = $1 WHERE actor_id = $2", ka));
  PACTUM_RETURN_IF_ERROR(db_.run(
      "INSERT INTO actor_aliases(actor_id, alias, alias_folded) "
      "SELECT $1::bigint, alias, alias_folded FROM actor_aliases WHERE actor_id = $2 "
      "UNION ALL SELECT $1::bigint, name, name_folded FROM actors WHERE id = $2 ON CONFLICT DO NOTHING",
      ka));
  PACTUM_RETURN_IF_ERROR(db_.run(
      "INSERT INTO actor_name_keys(name_key, actor_id) SELECT name_key, $1::bigint FROM actor_name_keys WHERE actor_id = $2 "
      "ON CONFLICT DO NOTHING",
      ka));
  PACTUM_RETURN_IF_ERROR(db_.run("UPDATE actor_redirects SET actor_id = $1 WHERE actor_id = $2", ka));
  PACTUM_RETURN_IF_ERROR(db_.run(
      "INSERT INTO actor_redirects(key, actor_id) SELECT key, $1::bigint FROM actors WHERE id = $2 "
      "ON CONFLICT ((lower(key))) DO UPDATE SET actor_id = excluded.actor_id",
      ka));
  PACTUM_RETURN_IF_ERROR(db_.run("DELETE FROM agreement_parties WHERE actor_id = $1", a));
  PACTUM_RETURN_IF_ERROR(db_.run("DELETE FROM actors WHERE id = $1", a));
  PACTUM_RETURN_IF_ERROR(rebuild_agreements());
  CurationEntry e;
  e.author = author;
  e.target = "actor";
  e.target_id = **keep_id;
  e.action = "merge";
  e.field = "actor";
  e.old_value = gone->name + " (" + gone->key + ")";
  e.new_value = kept->name + " (" + kept->key + ")";
  e.note = note;
  auto id = log_curation(e);
  if (!id.is_ok()) return id.status();
  auto back = read_log(*id, 1);
  if (!back.is_ok()) return back.status();
  PACTUM_RETURN_IF_ERROR(tx->commit());
  return back->front();
}

// ---- search ------------------------------------------------------------------

Result<std::vector<EventRecord>> PgStore::document_events(std::int64_t document_id) {
  auto r = db_.query(std::string("SELECT ") + kEventColumns +
                         " FROM events e JOIN documents d ON d.id = e.document_id "
                         "WHERE e.document_id = $1 AND e.curation IS DISTINCT FROM 'rejected' ORDER BY e.position",
                     {p(document_id)});
  if (!r.is_ok()) return r.status();
  std::vector<EventRecord> out;
  for (int i = 0; i < r->size(); ++i) out.push_back(read_event(*r, i));
  PACTUM_RETURN_IF_ERROR(load_event_details(out));
  return out;
}

Result<SearchResult> PgStore::search(const TextQuery& query, const SearchFilter& f) {
  std::string text = tsquery_text(query);
  if (text.empty()) return Status::invalid_argument("the query has no words to search for");
  PACTUM_RETURN_IF_ERROR(check_dates(f.since, f.until));

  Params ps;
  std::string q = ps.add(p(text));
  // The query parsed with each configuration; a document is matched (and
  // ranked) by the one its text was indexed with. Title weighs 1.0,
  // evidence 0.67, text 0.33; rank normalised by document length (1).
  std::string configs;
  for (const char* c : kAllConfigs) {
    configs += std::string(configs.empty() ? "" : ", ") + "('" + c + "', to_tsquery('" + c + "', " + q + "))";
  }
  std::string sql =
      "SELECT s.document_id, ts_rank('{0.1, 0.33, 0.67, 1.0}', s.tsv, c.q, 1) * "
      "(CASE WHEN EXISTS (SELECT 1 FROM events e WHERE e.document_id = s.document_id "
      "AND e.curation IS DISTINCT FROM 'rejected') THEN 1.25 ELSE 1.0 END) "
      "FROM (VALUES " + configs + ") AS c(config, q) JOIN search_index s ON s.config = c.config AND s.tsv @@ c.q "
      "WHERE s.document_id NOT IN (SELECT document_id FROM document_links)";
  if (f.language) {
    sql += " AND s.document_id IN (SELECT id FROM documents WHERE language = " + ps.add(p(*f.language)) + ")";
  }
  std::string events_where;
  if (f.country) {
    events_where += " AND e.id IN (SELECT p.event_id FROM event_parties p JOIN actors a ON a.id = p.actor_id "
                    "WHERE lower(a.country) = lower(" + ps.add(p(*f.country)) + "))";
  }
  if (f.region) {
    events_where += " AND e.id IN (SELECT p.event_id FROM event_parties p JOIN actors a ON a.id = p.actor_id "
                    "WHERE lower(a.subdivision) = lower(" + ps.add(p(*f.region)) + "))";
  }
  if (f.sector) {
    events_where += " AND e.id IN (SELECT event_id FROM event_sectors WHERE sector = " + ps.add(p(*f.sector)) + ")";
  }
  if (f.instrument) events_where += " AND e.instrument = " + ps.add(p(*f.instrument));
  if (f.stage) events_where += " AND e.stage = " + ps.add(p(*f.stage));
  std::string since = f.since ? ps.add(p(widen_date(*f.since, false))) : "";
  std::string until = f.until ? ps.add(p(widen_date(*f.until, true))) : "";
  std::string dates;
  if (f.since) dates += " AND e.date_lo >= " + since;
  if (f.until) dates += " AND e.date_hi <= " + until;
  if (!events_where.empty() || !dates.empty()) {
    std::string ev = "SELECT e.document_id FROM events e WHERE e.curation IS DISTINCT FROM 'rejected'" +
                     events_where + dates;
    if (events_where.empty()) {
      // Dates alone: a document without dated events counts by its publication date.
      std::string pub = "SELECT id FROM documents WHERE published IS NOT NULL";
      if (f.since) pub += " AND pactum_date_lo(published) >= " + since;
      if (f.until) pub += " AND pactum_date_hi(published) <= " + until;
      sql += " AND (s.document_id IN (" + ev + ") OR (s.document_id NOT IN (SELECT document_id FROM events "
             "WHERE date IS NOT NULL) AND s.document_id IN (" + pub + ")))";
    } else {
      sql += " AND s.document_id IN (" + ev + ")";
    }
  }

  std::lock_guard lock(mu_);
  auto tx = Transaction::begin(db_, Transaction::Mode::kRead);
  if (!tx.is_ok()) return tx.status();
  auto r = db_.query(sql, ps.values);
  if (!r.is_ok()) {
    // to_tsquery rejects some input; say it is the query.
    if (r.status().code() == StatusCode::kInternal) return Status::invalid_argument("bad query: " + r.status().message());
    return r.status();
  }
  std::vector<std::pair<double, std::int64_t>> hits;
  std::vector<std::int64_t> ids;
  for (int i = 0; i < r->size(); ++i) {
    hits.emplace_back(r->real(i, 1), r->integer(i, 0));
    ids.push_back(r->integer(i, 0));
  }
  std::sort(hits.begin(), hits.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  SearchResult result;
  result.total = hits.size();
  if (f.limit > 0 && hits.size() > f.limit) hits.resize(f.limit);
  if (!hits.empty()) {
    std::vector<std::int64_t> top;
    for (const auto& h : hits) top.push_back(h.second);
    auto d = db_.query("SELECT id, source, title, language, published FROM documents WHERE id = ANY($1::bigint[])",
                       {pg::p_array(top)});
    if (!d.is_ok()) return d.status();
    std::map<std::int64_t, int> row;
    for (int i = 0; i < d->size(); ++i) row[d->integer(i, 0)] = i;
    for (const auto& [score, id] : hits) {
      auto it = row.find(id);
      if (it == row.end()) continue;
      SearchHit h;
      h.document_id = id;
      h.score = score;
      h.source = d->text(it->second, 1);
      h.title = d->text(it->second, 2);
      h.language = d->text(it->second, 3);
      h.published = d->text(it->second, 4);
      auto ev = document_events(id);
      if (!ev.is_ok()) return ev.status();
      h.events = std::move(*ev);
      auto copies = db_.query("SELECT document_id FROM document_links WHERE original_id = $1 ORDER BY document_id",
                              {p(id)});
      if (!copies.is_ok()) return copies.status();
      for (int i = 0; i < copies->size(); ++i) h.copies.push_back(copies->integer(i, 0));
      result.hits.push_back(std::move(h));
    }
  }
  if (f.facets) {
    const std::pair<const char*, const char*> facets[] = {
        {"language", "SELECT d.language, count(*) FROM documents d WHERE d.id = ANY($1::bigint[]) "
                     "AND d.language IS NOT NULL GROUP BY 1"},
        {"country", "SELECT a.country, count(DISTINCT e.document_id) FROM events e JOIN event_parties p "
                    "ON p.event_id = e.id JOIN actors a ON a.id = p.actor_id WHERE e.document_id = ANY($1::bigint[]) "
                    "AND a.country IS NOT NULL AND e.curation IS DISTINCT FROM 'rejected' GROUP BY 1"},
        {"region", "SELECT a.subdivision, count(DISTINCT e.document_id) FROM events e JOIN event_parties p "
                   "ON p.event_id = e.id JOIN actors a ON a.id = p.actor_id WHERE e.document_id = ANY($1::bigint[]) "
                   "AND a.subdivision IS NOT NULL AND e.curation IS DISTINCT FROM 'rejected' GROUP BY 1"},
        {"sector", "SELECT s.sector, count(DISTINCT e.document_id) FROM events e JOIN event_sectors s "
                   "ON s.event_id = e.id WHERE e.document_id = ANY($1::bigint[]) "
                   "AND e.curation IS DISTINCT FROM 'rejected' GROUP BY 1"},
        {"instrument", "SELECT e.instrument, count(DISTINCT e.document_id) FROM events e "
                       "WHERE e.document_id = ANY($1::bigint[]) AND e.curation IS DISTINCT FROM 'rejected' GROUP BY 1"},
        {"stage", "SELECT e.stage, count(DISTINCT e.document_id) FROM events e "
                  "WHERE e.document_id = ANY($1::bigint[]) AND e.curation IS DISTINCT FROM 'rejected' GROUP BY 1"},
        {"year", "SELECT substr(coalesce(e.date, d.published), 1, 4), count(DISTINCT d.id) FROM documents d "
                 "LEFT JOIN events e ON e.document_id = d.id AND e.curation IS DISTINCT FROM 'rejected' "
                 "WHERE d.id = ANY($1::bigint[]) AND coalesce(e.date, d.published) IS NOT NULL GROUP BY 1"},
    };
    Param all = pg::p_array(ids);
    for (const auto& [name, facet_sql] : facets) {
      auto fr = db_.query(facet_sql, {all});
      if (!fr.is_ok()) return fr.status();
      auto& counts = result.facets[name];
      for (int i = 0; i < fr->size(); ++i) counts[fr->text(i, 0)] = fr->integer(i, 1);
    }
  }
  PACTUM_RETURN_IF_ERROR(tx->commit());
  return result;
}

// ---- opening ---------------------------------------------------------------

Result<std::unique_ptr<Store>> open_postgres(const std::string& url) {
  auto db = pg::Db::open(url);
  if (!db.is_ok()) return db.status();
  PACTUM_RETURN_IF_ERROR(pg::migrate(*db));
  return std::unique_ptr<Store>(std::make_unique<PgStore>(std::move(*db)));
}

}  // namespace pactum::store
