// The Store on SQLite: one file (WAL mode), one connection per Store, one
// write transaction per document (put) or per batch of documents
// (put_batch). Schema in migrations.cc.
#include <cmath>
#include <limits>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include <algorithm>
#include <map>
#include <set>

#include "common/utf8.h"
#include "kb/agreements.h"
#include "kb/near_duplicate.h"
#include "kb/taxonomy.h"
#include "store/fts_rank.h"
#include "store/fts_terms.h"
#include "store/keys.h"
#include "store/migrations.h"
#include "store/sqlite_db.h"
#include "store/sqlite_copy.h"
#include "store/sqlite_queue.h"
#include "store/store_rules.h"
#include "store/search_maintenance.h"
#include "store/store.h"
#include "text/segment.h"

namespace pactum::store {

namespace {

using sqlite::Db;
using sqlite::StatementLease;
using sqlite::Transaction;

// How long a writer waits for another process's write lock before giving up.
constexpr int kBusyTimeoutMs = 5000;

std::int64_t to_int64(std::size_t n) {
  return n > static_cast<std::size_t>(std::numeric_limits<std::int64_t>::max())
             ? std::numeric_limits<std::int64_t>::max()
             : static_cast<std::int64_t>(n);
}

// The columns read_event() expects, in order.
constexpr const char* kEventColumns =
    "e.id, e.document_id, d.source, d.language, e.instrument, e.stage, e.date, "
    "e.duration_years, e.confidence, e.evidence, e.evidence_begin, e.evidence_end, e.curation, e.version";

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
  r.curation = s.column_text(12);
  r.version = s.column_int(13);
  return r;
}

// The actors a party filter names, as SQL selecting actor ids: any actor
// with this name, alias, key or code; a country code also finds that
// country's regions, cities and organizations.
constexpr const char* kPartyActors =
    "SELECT a.id FROM actors a WHERE a.name_folded = :party_folded OR a.key = :party "
    "OR a.country = :party OR a.subdivision = :party "
    "UNION SELECT al.actor_id FROM actor_aliases al WHERE al.alias_folded = :party_folded";

// Binds the set members of an EventFilter, AgreementFilter or SearchFilter
// to the parameters of the same names that its SQL names (:party and
// :party_folded, :since and :until widened to whole days). The limit is the
// caller's: not every query binds it.
template <class F>
void bind_filter(sqlite::Statement& s, const F& f) {
  if constexpr (requires { f.party; }) {
    if (f.party) {
      s.bind_text(":party", *f.party);
      s.bind_text(":party_folded", fold_case(*f.party));
    }
  }
  if constexpr (requires { f.country; }) {
    if (f.country) s.bind_text(":country", *f.country);
    if (f.region) s.bind_text(":region", *f.region);
  }
  if (f.sector) s.bind_text(":sector", *f.sector);
  if (f.instrument) s.bind_text(":instrument", *f.instrument);
  if (f.stage) s.bind_text(":stage", *f.stage);
  if (f.since) s.bind_text(":since", widen_date(*f.since, false));
  if (f.until) s.bind_text(":until", widen_date(*f.until, true));
  if (f.language) s.bind_text(":language", *f.language);
}

// The columns read_document() expects, in order (the text is not among them).
constexpr const char* kDocumentColumns =
    "id, source, url, title, published, language, content_hash, format, ingested_at";

StoredDocument read_document(const sqlite::Statement& s) {
  StoredDocument d;
  d.id = s.column_int(0);
  d.source = s.column_text(1);
  d.url = s.column_text(2);
  d.title = s.column_text(3);
  d.published = s.column_text(4);
  d.language = s.column_text(5);
  d.content_hash = s.column_text(6);
  d.format = s.column_text(7);
  d.ingested_at = s.column_text(8);
  return d;
}

class SqliteStore final : public Store {
 public:
  // replay: the connection's TokenReplay (TokenReplay::install), if any.
  SqliteStore(Db db, sqlite::TokenReplay* replay) : db_(std::move(db)), replay_(replay) {}

  Result<PutResult> put(const ingest::Document& doc, const extract::Extraction& x) override;
  Result<std::vector<Result<PutResult>>> put_batch(const std::vector<PutItem>& items) override;
  Result<bool> has_document(const std::string& content_hash) override;
  Result<StoredDocument> document(std::int64_t id) override;
  Result<std::int64_t> document_count() override;
  Result<std::vector<StoredDocument>> documents(std::size_t offset, std::size_t limit) override;
  Result<std::vector<EventRecord>> events(const EventFilter& filter) override;
  Result<EventRecord> event(std::int64_t id) override;
  Result<ActorRecord> actor(const std::string& name_or_code) override;
  Result<std::vector<ActorRecord>> actors() override;
  Result<std::vector<extract::Person>> people(std::int64_t document_id) override;
  Result<int> schema_version() override;

  Result<std::vector<AgreementRecord>> agreements(const AgreementFilter& filter) override;
  Result<AgreementRecord> agreement(std::int64_t id) override;
  Result<std::int64_t> agreement_of_event(std::int64_t event_id) override;
  Result<std::optional<DocumentLink>> original_of(std::int64_t document_id) override;
  Status rebuild_knowledge_base() override;
  Status optimize_search_index();  // store::optimize_search_index (search_maintenance.h)
  Result<std::vector<CurationEntry>> curate_event(std::int64_t event_id,
                                                  const EventCuration& curation) override;
  Result<CurationEntry> merge_actors(const std::string& keep, const std::string& absorb,
                                     const std::string& author, const std::string& note) override;
  Result<std::vector<CurationEntry>> curation_log(std::size_t limit) override;
  Result<SearchResult> search(const TextQuery& query, const SearchFilter& filter) override;
  Result<std::size_t> put_mineral_rows(const std::vector<MineralRow>& rows) override;
  Result<std::vector<MineralRow>> mineral_rows() override;
  Result<std::int64_t> put_api_token(const std::string& name, const std::string& sha256) override;
  Result<std::optional<std::string>> api_token(const std::string& sha256) override;

  // Profiles and interests: implemented in the "cooperation profiles" section below.
  Result<ProfileImport> put_profiles(const std::vector<kb::Profile>& profiles) override;
  Result<kb::Profile> profile(const std::string& id) override;
  Result<std::vector<kb::Profile>> profiles() override;
  Status delete_profile(const std::string& id) override;
  Result<InterestRecord> add_interest(const std::string& profile_id, const std::string& organization,
                                      const std::string& from_profile, const std::string& author,
                                      const std::string& note) override;
  Result<InterestRecord> interest_step(std::int64_t interest_id, const std::string& step,
                                       const std::string& author, const std::string& note) override;
  Result<InterestRecord> interest(std::int64_t interest_id) override;
  Result<std::vector<InterestRecord>> interests(const std::string& profile_id) override;

  Result<FeedRecord> add_feed(const std::string& url, const std::string& name, std::int64_t interval_s) override;
  Result<std::vector<FeedRecord>> feeds() override;
  Status record_feed_poll(const FeedRecord& feed, const std::vector<std::string>& new_item_keys) override;
  Result<std::vector<bool>> feed_items_seen(std::int64_t feed_id, const std::vector<std::string>& keys) override;
  Status remove_feed(const std::string& id_or_url) override;
  Status add_watch(const WatchRecord& watch) override;
  Result<std::vector<WatchRecord>> watches() override;
  Result<WatchRecord> watch(const std::string& name) override;
  Status set_watch_checked(const std::string& name, const std::string& at) override;
  Status remove_watch(const std::string& name) override;
  Result<std::string> now() override;

  // The document queue: SQL in sqlite_queue.cc; completing a claim shares
  // put_batch's transaction.
  Result<std::size_t> enqueue(const std::vector<QueueItem>& items) override {
    std::lock_guard lock(mu_);
    return sqlite::queue_enqueue(db_, items);
  }
  Result<std::vector<QueueClaim>> claim(const std::string& worker, std::size_t limit,
                                        std::int64_t lease_seconds) override {
    std::lock_guard lock(mu_);
    return sqlite::queue_claim(db_, worker, limit, lease_seconds);
  }
  Result<std::vector<Result<PutResult>>> complete_claim(const QueueClaim& claim,
                                                       const std::vector<PutItem>& items) override;
  Status fail_claim(const QueueClaim& claim, const std::string& reason) override {
    std::lock_guard lock(mu_);
    return sqlite::queue_fail(db_, claim, reason);
  }
  Result<QueueCounts> queue_counts() override {
    std::lock_guard lock(mu_);
    return sqlite::queue_counts(db_);
  }
  // sqlite_copy.cc; the loaded store's search index is rebuilt from its rows.
  Result<std::unique_ptr<TableCopy>> table_copy() override {
    return sqlite::make_table_copy(db_, mu_, [this] { return reindex_locked(); });
  }

  // Fills the derived tables of a store migrated from before them.
  Status rebuild_if_needed();

 private:
  Result<InterestRecord> read_interest(std::int64_t interest_id);  // caller holds mu_
  // Write path; each runs inside put()'s transaction. put_locked writes one
  // document (mu_ held, a transaction open) and commits nothing.
  Result<PutResult> put_locked(const ingest::Document& doc, const extract::Extraction& x,
                               const PreparedDocument* prepared);
  // Without savepoints, a document that breaks the schema fails the batch
  // and sets *has_bad_document.
  // before_commit, if set, runs last in the transaction; its error rolls
  // the batch back (complete_claim marks its queue row there).
  Result<std::vector<Result<PutResult>>> put_batch_locked(
      const std::vector<PutItem>& items, bool savepoints, bool* has_bad_document,
      const std::function<Status(const std::vector<Result<PutResult>>&)>& before_commit = {});
  Result<std::optional<std::int64_t>> insert_document(const ingest::Document& doc,
                                                      const extract::Extraction& x);
  Status insert_people(std::int64_t document_id, const ingest::Document& doc,
                       const extract::Extraction& x);
  Status insert_organizations(std::int64_t document_id, const extract::Extraction& x);
  // An event as written: its id, its parties' actor ids, the curation
  // status a curator set for it before (if any), and the instrument, stage
  // and date after the curator's overrides: what place_event() needs, so
  // that the row just written is not read back.
  struct WrittenEvent {
    std::int64_t id = 0;
    std::vector<std::int64_t> actors;
    std::string curation, instrument, stage, date;
    std::vector<std::string> sectors;  // after the curator's overrides too
  };
  Status insert_event(std::int64_t document_id, std::size_t position, const ingest::Document& doc,
                      const extract::Event& e, WrittenEvent* written);
  Result<std::int64_t> upsert_actor(const extract::Party& party, std::string_view mention);
  Status add_name_key(std::int64_t actor_id, std::string_view name);

  // Knowledge base, inside a write transaction.
  Status apply_overrides(const std::string& content_hash, extract::Event& e, std::string* curation);
  // With prepared's signature (and its rows, prepare_near_copy_rows).
  Result<bool> link_near_duplicate(std::int64_t document_id, const PreparedDocument& prepared);
  // A document's facets (document_facets()): its index row's facets column
  // and its search_facets summary.
  struct DocFacets {
    std::string tokens, summary;
    bool operator==(const DocFacets&) const = default;
  };
  // A document's row of the FTS5 index, its columns analysed (index_text).
  struct IndexRow {
    std::int64_t document_id = 0;
    std::string title, body, evidence;
    // The distinct terms of the three (prepare_document), if known.
    std::shared_ptr<const std::vector<std::string>> terms;
    // The facets (document_facets()), if known: the write path knows them
    // from the rows it wrote (written_facets()).
    std::optional<DocFacets> facets;
    // The three text columns cut as the index's tokenizer cuts them
    // (prepare_document), if known: given to FTS5 through replay_.
    std::shared_ptr<const sqlite::IndexColumnTokens> tokens;
  };
  Status write_index_row(const IndexRow& row);
  // The index rows and, first, their new terms in search_terms (migration
  // 8): the one place that writes the index, for the write path and every
  // rebuild alike.
  Status write_index_rows(const std::vector<IndexRow>& rows);
  // A document's facets, from its stored row, events and their parties:
  // `tokens`, the facets column of its index row, a token (facet_token) per
  // value search filters on, rejected events' too (a superset of what the
  // filters' probes accept), and a token (facet_pair_token) per sector and
  // party country or subdivision of one non-rejected event (exact, migration
  // 11); and `summary`, its row of search_facets
  // (migration 10), the values count_facets() counts, exactly: the
  // language, and of the non-rejected events the years (an undated event's
  // or an eventless document's from the publication date), sectors,
  // instruments, stages, countries and subdivisions.
  Result<DocFacets> document_facets(std::int64_t document_id);
  // The same for a document just written, from its language, publication
  // date and events as written, without reading them back; only the
  // parties' actors' places are read (once per transaction with the write
  // cache).
  Result<DocFacets> written_facets(const ingest::Document& doc, const extract::Extraction& x,
                                   const std::vector<WrittenEvent>& events);
  // The text columns of an indexed document's row as a reindex writes them;
  // nothing for a document that is not indexed (a near-copy, or gone).
  Result<std::optional<IndexRow>> stored_index_row(std::int64_t document_id);
  Result<std::vector<std::string>> indexed_evidence(std::int64_t document_id);
  // After a curation: rewrites the index row of each document of `before`
  // (document -> its facets before the change) whose facet tokens changed,
  // and the search_facets row of each whose summary did.
  Status refresh_facets(const std::map<std::int64_t, DocFacets>& before);
  // The facets of the documents `documents_sql` selects (its :id bound to
  // `id`), for refresh_facets() after a change.
  Result<std::map<std::int64_t, DocFacets>> facets_of(const std::string& documents_sql, std::int64_t id);
  // Empties the search index and search_facets, before they are written anew.
  Status clear_search_index();
  // Fills search_facets for every indexed document (migration 10).
  Status fill_search_facets();
  static bool indexed_document(bool is_copy);
  Status record_terms(const std::vector<IndexRow>& rows);
  Result<const sqlite::IndexTokenizer*> index_tokenizer();
  // The FTS5 expression of a query, each prefix phrase written as the
  // terms it covers (search_terms), and pactum_rank's phrase groups.
  struct Expression {
    std::string match;
    std::string groups;  // per FTS5 phrase, the query alternative it stands for
    std::vector<std::string> group_match;  // per group, the FTS5 expression of its phrases
  };
  Result<Expression> expression(const TextQuery& query);
  // pactum_rank's dfs argument for the expression: each group's documents,
  // counted up to kRankDfCap, from group_df_ when the store has not changed.
  Result<std::string> group_frequencies(const Expression& e);
  // SearchResult::facets of the candidates, in one pass.
  Status count_facets(const std::vector<std::int64_t>& candidates,
                      std::map<std::string, std::map<std::string, std::int64_t>>& facets);
  // Guarded by mu_. Document frequencies of query groups (FTS5 expression ->
  // count), valid while stamp_ (PRAGMA data_version, which moves when other
  // connections commit, and this connection's total changes) holds.
  std::unordered_map<std::string, std::int64_t> group_df_;
  std::pair<std::int64_t, std::int64_t> group_df_stamp_{-1, -1};
  // Writes the row, or defers it to the end of put_batch()'s transaction.
  Status index_row(IndexRow row);
  // indexed_body: the text as index_text() analyses it (PreparedDocument).
  Status index_document(std::int64_t document_id, std::string_view title, std::string indexed_body,
                        const std::vector<std::string>& evidence);
  Status place_event(std::int64_t event_id, std::int64_t document_id,
                     const std::vector<std::int64_t>& actor_ids, const std::string& instrument,
                     const std::string& stage, const std::string& date, bool is_copy);
  Status place_stored_event(std::int64_t event_id);
  Status replace_party_set(const std::string& key, std::int64_t also_event);
  Status rebuild_agreements();
  Status rebuild_locked();
  Status reindex_locked();  // the search index alone, from documents and events
  Result<std::int64_t> log_curation(const CurationEntry& e);
  Result<std::vector<CurationEntry>> read_log(const std::string& where, std::int64_t arg, std::size_t limit);
  Result<std::optional<std::int64_t>> find_actor_id(const std::string& name_or_code);
  Result<AgreementRecord> load_agreement(std::int64_t id);
  Result<std::vector<EventRecord>> document_events(std::int64_t document_id);

  // Read path; callers hold a read transaction so that the parts agree.
  Status load_event_details(EventRecord& r);
  Result<ActorRecord> load_actor(std::int64_t id);
  Result<bool> document_exists(std::int64_t id);

  // One connection is not safe for concurrent use; every public method
  // takes mu_ for its whole length.
  std::mutex mu_;
  Db db_;  // guarded by mu_
  // Guarded by mu_. Set during put_batch(): index_document() collects its
  // rows here instead of writing them.
  std::vector<IndexRow>* deferred_index_ = nullptr;
  // Guarded by mu_. Terms known to be in search_terms, so that a write
  // inserts only new ones; cleared when a transaction rolls back (the
  // rollback hook), since its inserts are undone.
  std::unordered_set<std::string, StringViewHash, std::equal_to<>> known_terms_;
  std::optional<sqlite::IndexTokenizer> tokenizer_;
  // Owned by the connection; null if it could not be installed (FTS5 then
  // cuts every text itself).
  sqlite::TokenReplay* replay_ = nullptr;

  // What one write transaction of put()/put_batch() learnt, so that its
  // documents do not ask the store again: facts that only curation changes
  // (curation never runs inside the transaction, and the write lock keeps
  // other connections out), actors by key, and the alias and name-key
  // writes already made (each an idempotent insert). Valid for one
  // transaction; a savepoint rolled back clears the actors and writes.
  struct WriteCache {
    bool has_overrides = true;   // event_overrides has rows
    bool has_redirects = true;   // actor_redirects has rows
    struct Actor {
      std::int64_t id = 0;
      std::string name_folded;
      bool joins = false;  // upsert_actor's "known" branch: the mention joins an existing actor
    };
    std::unordered_map<std::string, Actor> actors;  // by actor_key, resolved by key or redirect
    std::unordered_set<std::string> done;           // "<actor id><kind><text>" of writes made
    // A party set's agreements and acts as stored in this transaction, by
    // party key: place_event() reads a set once per transaction, then keeps
    // it up to date itself (it is the only writer of agreements here).
    std::unordered_map<std::string, std::vector<kb::AgreementState>> agreements;
    // Actors' country and subdivision as stored, by actor id (the facets of
    // documents written); nothing in the transaction changes them.
    std::unordered_map<std::int64_t, std::pair<std::optional<std::string>, std::optional<std::string>>> places;
    // True the first time (actor, kind, text) is seen in this transaction.
    bool first(std::int64_t actor, char kind, std::string_view text) {
      std::string k = std::to_string(actor);
      k += kind;
      k += text;
      return done.insert(std::move(k)).second;
    }
    void forget_writes() {
      actors.clear();
      done.clear();
      agreements.clear();
      places.clear();  // a rolled-back actor's id may come back as another actor's
    }
  };
  Status begin_write_cache(WriteCache& cache);
  WriteCache* write_cache_ = nullptr;  // guarded by mu_; set for a put()/put_batch() transaction
};

// ---- writes ----------------------------------------------------------------

Result<PutResult> SqliteStore::put(const ingest::Document& doc, const extract::Extraction& x) {
  std::lock_guard lock(mu_);
  auto tx = Transaction::begin(db_, Transaction::Mode::kWrite);
  if (!tx.is_ok()) return with_context(tx.status(), doc.source);
  WriteCache cache;
  if (Status st = begin_write_cache(cache); !st.is_ok()) return with_context(st, doc.source);
  struct Reset {
    WriteCache** slot;
    ~Reset() { *slot = nullptr; }
  } reset{&write_cache_};
  // Any early return rolls the whole document back (~Transaction).
  auto put = put_locked(doc, x, nullptr);
  if (!put.is_ok() || *put == PutResult::kDuplicate) return put;
  if (Status st = tx->commit(); !st.is_ok()) return with_context(st, doc.source);
  return PutResult::kStored;
}

Result<std::vector<Result<PutResult>>> SqliteStore::put_batch(const std::vector<PutItem>& items) {
  std::lock_guard lock(mu_);
  // First without savepoints: FTS5 flushes its pending terms into a new
  // segment at every savepoint, which would undo most of what batching
  // saves. Only a batch with a document that breaks the schema (rare) is
  // written again, each document in its own savepoint.
  bool has_bad_document = false;
  auto fast = put_batch_locked(items, /*savepoints=*/false, &has_bad_document);
  if (!has_bad_document) return fast;
  return put_batch_locked(items, /*savepoints=*/true, &has_bad_document);
}

Result<std::vector<Result<PutResult>>> SqliteStore::complete_claim(const QueueClaim& claim,
                                                                   const std::vector<PutItem>& items) {
  std::lock_guard lock(mu_);
  auto mark_done = [&](const std::vector<Result<PutResult>>& results) {
    std::size_t stored = 0;
    for (const auto& r : results) stored += r.is_ok() && *r == PutResult::kStored ? 1 : 0;
    return sqlite::queue_mark_done(db_, claim, stored);
  };
  bool has_bad_document = false;
  auto fast = put_batch_locked(items, /*savepoints=*/false, &has_bad_document, mark_done);
  if (!has_bad_document) return fast;
  return put_batch_locked(items, /*savepoints=*/true, &has_bad_document, mark_done);
}

Result<std::vector<Result<PutResult>>> SqliteStore::put_batch_locked(
    const std::vector<PutItem>& items, bool savepoints, bool* has_bad_document,
    const std::function<Status(const std::vector<Result<PutResult>>&)>& before_commit) {
  auto tx = Transaction::begin(db_, Transaction::Mode::kWrite);
  if (!tx.is_ok()) return tx.status();
  // The search index rows go in last, all together: SQLite opens a
  // statement savepoint for most writes, and FTS5 (3.40) flushes its pending
  // terms into a new segment at each one, so rows indexed between the other
  // writes would cost a segment each.
  std::vector<IndexRow> index_rows;
  deferred_index_ = &index_rows;
  struct Reset {
    std::vector<IndexRow>** slot;
    WriteCache** cache;
    ~Reset() {
      *slot = nullptr;
      *cache = nullptr;
    }
  } reset{&deferred_index_, &write_cache_};
  WriteCache cache;
  PACTUM_RETURN_IF_ERROR(begin_write_cache(cache));
  std::vector<Result<PutResult>> out;
  out.reserve(items.size());
  for (const PutItem& item : items) {
    if (savepoints) PACTUM_RETURN_IF_ERROR(db_.exec("SAVEPOINT put_document"));
    const std::size_t rows_before = index_rows.size();
    auto put = put_locked(*item.doc, *item.extraction, item.prepared);
    const bool bad_document = !put.is_ok() && put.status().code() == StatusCode::kInvalidArgument;
    // An I/O or full-disk error is the store's, not the document's.
    if (!put.is_ok() && !bad_document) return put.status();
    if (bad_document && !savepoints) {
      *has_bad_document = true;
      return put.status();  // rolled back whole (~Transaction)
    }
    if (savepoints) {
      if (bad_document) {
        PACTUM_RETURN_IF_ERROR(db_.exec("ROLLBACK TO put_document"));
        index_rows.resize(rows_before);
        cache.forget_writes();
      }
      PACTUM_RETURN_IF_ERROR(db_.exec("RELEASE put_document"));
    }
    out.push_back(std::move(put));
  }
  deferred_index_ = nullptr;
  PACTUM_RETURN_IF_ERROR(write_index_rows(index_rows));
  if (before_commit) PACTUM_RETURN_IF_ERROR(before_commit(out));
  PACTUM_RETURN_IF_ERROR(tx->commit());
  db_.start_wal_writeback();
  return out;
}

Status SqliteStore::begin_write_cache(WriteCache& cache) {
  auto overrides = db_.query_int("SELECT EXISTS (SELECT 1 FROM event_overrides)");
  if (!overrides.is_ok()) return overrides.status();
  auto redirects = db_.query_int("SELECT EXISTS (SELECT 1 FROM actor_redirects)");
  if (!redirects.is_ok()) return redirects.status();
  cache.has_overrides = *overrides != 0;
  cache.has_redirects = *redirects != 0;
  write_cache_ = &cache;
  return Status::ok();
}

Result<PutResult> SqliteStore::put_locked(const ingest::Document& doc, const extract::Extraction& x,
                                          const PreparedDocument* prepared) {
  auto id = insert_document(doc, x);
  if (!id.is_ok()) return with_context(id.status(), doc.source);
  if (!id->has_value()) return PutResult::kDuplicate;
  // Work that depends on the document alone, if the caller did not do it
  // ahead on another thread (and only for a document that is new).
  PreparedDocument own;
  if (prepared == nullptr) {
    own = prepare_document(doc, x);
    prepared = &own;
  }
  std::int64_t document_id = **id;
  Status st = insert_organizations(document_id, x);
  if (st.is_ok()) st = insert_people(document_id, doc, x);
  std::vector<WrittenEvent> placed;
  placed.reserve(x.events.size());
  for (std::size_t i = 0; st.is_ok() && i < x.events.size(); ++i) {
    WrittenEvent p;
    Status event = insert_event(document_id, i, doc, x.events[i], &p);
    if (!event.is_ok()) {
      st = with_context(event, "event " + std::to_string(i + 1));
    } else {
      placed.push_back(std::move(p));
    }
  }
  // The knowledge base follows in the same transaction: a near-copy link,
  // the search index, and each event's place among the agreements.
  bool is_copy = false;
  if (st.is_ok()) {
    auto copy = link_near_duplicate(document_id, *prepared);
    if (!copy.is_ok()) {
      st = copy.status();
    } else {
      is_copy = *copy;
    }
  }
  // A near-copy is never a hit (it folds into its original), so it is not
  // indexed (indexed_document below).
  if (st.is_ok() && indexed_document(is_copy)) {
    // The worker analysed the title and all events' evidence (prepare_document);
    // evidence is analysed again here only without a rejected event's.
    std::vector<std::string_view> evidence;
    for (std::size_t i = 0; i < placed.size(); ++i) {
      if (placed[i].curation != "rejected") evidence.push_back(x.events[i].evidence);
    }
    const bool all_evidence = evidence.size() == x.events.size();
    std::string indexed_evidence = all_evidence ? prepared->index_evidence : index_evidence(evidence);
    IndexRow row{document_id, prepared->index_title, prepared->index_body, std::move(indexed_evidence),
                 all_evidence ? prepared->index_terms : nullptr, std::nullopt,
                 all_evidence ? prepared->index_tokens : nullptr};
    auto facets = written_facets(doc, x, placed);
    if (!facets.is_ok()) {
      st = facets.status();
    } else {
      row.facets = std::move(*facets);
      st = index_row(std::move(row));
    }
  }
  for (std::size_t i = 0; st.is_ok() && i < placed.size(); ++i) {
    const WrittenEvent& p = placed[i];
    if (p.curation == "rejected") continue;
    // As stored: curated overrides (if any) applied, and a copy's events
    // marked by the near-copy link just written.
    st = place_event(p.id, document_id, p.actors, p.instrument, p.stage, p.date, is_copy);
  }
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
      "ON CONFLICT(content_hash) DO NOTHING");
  if (!s.is_ok()) return s.status();
  (*s)->bind_text(":source", doc.source);
  (*s)->bind_text_or_null(":url", doc.url);
  // The source's own metadata first; the extractor's reading of the text
  // fills what the source did not state.
  (*s)->bind_text_or_null(":title", doc.title.empty() ? x.title : doc.title);
  (*s)->bind_text_or_null(":published", stored_published(doc, x));
  (*s)->bind_text_or_null(":language", x.language);
  (*s)->bind_text(":format", stored_format_name(doc.format));
  (*s)->bind_text(":hash", doc.content_hash);
  (*s)->bind_text(":text", doc.text);
  // No RETURNING (it buffers the row in an ephemeral table): no change is
  // the conflict, else the new rowid.
  PACTUM_RETURN_IF_ERROR((*s)->run());
  if (sqlite3_changes64(db_.handle()) == 0) return std::optional<std::int64_t>();
  return std::optional<std::int64_t>(sqlite3_last_insert_rowid(db_.handle()));
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

Status SqliteStore::insert_event(std::int64_t document_id, std::size_t position, const ingest::Document& doc,
                                 const extract::Event& extracted, WrittenEvent* written) {
  PACTUM_RETURN_IF_ERROR(check_span(extracted.evidence_span, doc.text.size(), "evidence"));
  // What a curator said about this event wins over what was extracted; a
  // store without overrides (the write cache knows) keeps the extracted one.
  std::string* curation = &written->curation;
  std::optional<extract::Event> curated;
  if (write_cache_ == nullptr || write_cache_->has_overrides) {
    curated = extracted;
    PACTUM_RETURN_IF_ERROR(apply_overrides(doc.content_hash, *curated, curation));
  }
  const extract::Event& e = curated ? *curated : extracted;
  written->instrument = e.instrument;
  written->stage = e.stage;
  written->date = e.date;
  written->sectors = e.sectors;
  std::vector<std::int64_t>* actor_ids = &written->actors;
  std::int64_t event_id = 0;
  {
    auto s = db_.statement(
        "INSERT INTO events(document_id, position, instrument, stage, date, duration_years, "
        "confidence, evidence, evidence_begin, evidence_end, curation) "
        "VALUES (:doc, :pos, :instrument, :stage, :date, :duration, :confidence, :evidence, "
        ":begin, :end, :curation)");
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
    (*s)->bind_text_or_null(":curation", *curation);
    // The rowid of the insert just made: RETURNING would buffer its row in
    // an ephemeral table, a measurable part of a write.
    PACTUM_RETURN_IF_ERROR((*s)->run());
    event_id = sqlite3_last_insert_rowid(db_.handle());
  }

  if (!e.parties.empty()) {
    // Leased once for the event's parties (upsert_actor uses other statements).
    auto s = db_.statement(
        "INSERT INTO event_parties(event_id, position, actor_id, mention_begin, mention_end) "
        "VALUES (:event, :pos, :actor, :begin, :end)");
    if (!s.is_ok()) return s.status();
    for (std::size_t i = 0; i < e.parties.size(); ++i) {
      const extract::Party& party = e.parties[i];
      std::string what = "party '" + party.name + "'";
      PACTUM_RETURN_IF_ERROR(check_span(party.span, doc.text.size(), what));
      auto actor_id = upsert_actor(party, party.span.of(doc.text));
      if (!actor_id.is_ok()) return with_context(actor_id.status(), what);
      actor_ids->push_back(*actor_id);
      (*s)->reset();
      (*s)->bind_int(":event", event_id);
      (*s)->bind_int(":pos", to_int64(i));
      (*s)->bind_int(":actor", *actor_id);
      (*s)->bind_int(":begin", to_int64(party.span.begin));
      (*s)->bind_int(":end", to_int64(party.span.end));
      PACTUM_RETURN_IF_ERROR((*s)->run());
    }
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
  written->id = event_id;
  return Status::ok();
}

Result<std::int64_t> SqliteStore::upsert_actor(const extract::Party& party, std::string_view mention) {
  std::string key = actor_key(party);
  WriteCache* cache = write_cache_;
  // Whether (actor, kind, text)'s write is still to be made in this
  // transaction; every such write is an idempotent insert.
  auto first = [&](std::int64_t actor, char kind, std::string_view text) {
    return cache == nullptr || cache->first(actor, kind, text);
  };
  auto name_key_once = [&](std::int64_t actor, std::string_view name) -> Status {
    if (!first(actor, 'k', name)) return Status::ok();
    return add_name_key(actor, name);
  };
  // An actor a curator merged away, or an organization without a code whose
  // name (less its legal form) is already an actor's name or alias: the
  // mention joins that actor instead of starting a new one.
  std::optional<std::int64_t> known;
  const WriteCache::Actor* cached = nullptr;
  if (cache != nullptr) {
    if (auto it = cache->actors.find(key); it != cache->actors.end()) {
      cached = &it->second;
      if (cached->joins) {
        known = cached->id;
      } else if (party.name.empty()) {
        cached = nullptr;  // the actor's INSERT rejects it (CHECK name <> ''), as before the cache
      }
    }
  }
  if (cached == nullptr && (cache == nullptr || cache->has_redirects)) {
    auto s = db_.statement("SELECT actor_id FROM actor_redirects WHERE key = :key");
    if (!s.is_ok()) return s.status();
    (*s)->bind_text(":key", key);
    auto row = (*s)->step();
    if (!row.is_ok()) return row.status();
    if (*row) {
      known = (*s)->column_int(0);
      if (cache != nullptr) cache->actors[key] = {*known, "", true};
    }
  }
  if (cached == nullptr && !known && key.rfind("name:", 0) == 0) {
    // The second column tells an actor of this key (stable for the
    // transaction: cached) from one found by its name key (not cached: a
    // later alias may add a smaller actor id to the name key).
    auto s = db_.statement(
        "SELECT id, 1 FROM actors WHERE key = :key UNION ALL "
        "SELECT min(actor_id), 0 FROM actor_name_keys WHERE name_key = :name_key "
        "AND NOT EXISTS (SELECT 1 FROM actors WHERE key = :key) LIMIT 1");
    if (!s.is_ok()) return s.status();
    (*s)->bind_text(":key", key);
    (*s)->bind_text(":name_key", kb::org_name_key(party.name));
    auto row = (*s)->step();
    if (!row.is_ok()) return row.status();
    if (*row && !(*s)->column_is_null(0)) {
      known = (*s)->column_int(0);
      if (cache != nullptr && (*s)->column_int(1) == 1) cache->actors[key] = {*known, "", true};
    }
  }
  if (known) {
    // The mention and, if it differs from the actor's, the party's own name
    // become aliases ("Equinor ASA" of Equinor).
    for (std::string_view alias : {mention, std::string_view(party.name)}) {
      if (!alias.empty() && is_valid_utf8(alias) && first(*known, 'a', alias)) {
        auto s = db_.statement(
            "INSERT INTO actor_aliases(actor_id, alias, alias_folded) SELECT :actor, :alias, :folded "
            "WHERE NOT EXISTS (SELECT 1 FROM actors WHERE id = :actor AND name_folded = :folded) "
            "ON CONFLICT(actor_id, alias) DO NOTHING");
        if (!s.is_ok()) return s.status();
        (*s)->bind_int(":actor", *known);
        (*s)->bind_text(":alias", alias);
        (*s)->bind_text(":folded", fold_case(alias));
        PACTUM_RETURN_IF_ERROR((*s)->run());
        PACTUM_RETURN_IF_ERROR(name_key_once(*known, alias));
      }
    }
    return *known;
  }
  std::int64_t actor_id = 0;
  std::string name_folded;
  if (cached != nullptr) {
    actor_id = cached->id;
    name_folded = cached->name_folded;
  } else {
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
    auto s = db_.statement("SELECT id, name_folded FROM actors WHERE key = :key");
    if (!s.is_ok()) return s.status();
    (*s)->bind_text(":key", key);
    auto row = (*s)->step();
    if (!row.is_ok()) return row.status();
    if (!*row) return Status::internal("actor " + key + " vanished after its upsert");
    actor_id = (*s)->column_int(0);
    name_folded = (*s)->column_text(1);
    // A "name:" key is found by the lookup above from now on (the mention
    // joins the actor); other keys come back here.
    if (cache != nullptr) cache->actors[key] = {actor_id, name_folded, key.rfind("name:", 0) == 0};
  }
  PACTUM_RETURN_IF_ERROR(name_key_once(actor_id, party.name));
  // The mention as written becomes an alias, unless it is the name itself
  // (in any case: matching ignores case) or not text at all (a span cutting
  // a character in two, a bug upstream that should not cost the document).
  if (!mention.empty() && is_valid_utf8(mention) && first(actor_id, 'm', mention)) {
    std::string mention_folded = fold_case(mention);
    if (mention_folded != name_folded) {
      auto s = db_.statement(
          "INSERT INTO actor_aliases(actor_id, alias, alias_folded) VALUES (:actor, :alias, :folded) "
          "ON CONFLICT(actor_id, alias) DO NOTHING");
      if (!s.is_ok()) return s.status();
      (*s)->bind_int(":actor", actor_id);
      (*s)->bind_text(":alias", mention);
      (*s)->bind_text(":folded", mention_folded);
      PACTUM_RETURN_IF_ERROR((*s)->run());
      PACTUM_RETURN_IF_ERROR(name_key_once(actor_id, mention));
    }
  }
  return actor_id;
}

Status SqliteStore::add_name_key(std::int64_t actor_id, std::string_view name) {
  std::string key = kb::org_name_key(name);
  if (key.empty()) return Status::ok();
  auto s = db_.statement(
      "INSERT INTO actor_name_keys(name_key, actor_id) VALUES (:key, :actor) "
      "ON CONFLICT(name_key, actor_id) DO NOTHING");
  if (!s.is_ok()) return s.status();
  (*s)->bind_text(":key", key);
  (*s)->bind_int(":actor", actor_id);
  return (*s)->run();
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
        std::string("SELECT ") + kDocumentColumns + ", text FROM documents WHERE id = :id");
    if (!s.is_ok()) return s.status();
    (*s)->bind_int(":id", id);
    auto row = (*s)->step();
    if (!row.is_ok()) return row.status();
    if (!*row) return Status::not_found("document " + std::to_string(id));
    d = read_document(**s);
    d.text = (*s)->column_text(9);
  }
  auto s = db_.statement(
      "SELECT name FROM document_organizations WHERE document_id = :id ORDER BY position");
  if (!s.is_ok()) return s.status();
  (*s)->bind_int(":id", id);
  PACTUM_RETURN_IF_ERROR(sqlite::each_row(**s, [&](const sqlite::Statement& row) {
    d.organizations.push_back(row.column_text(0));
  }));
  PACTUM_RETURN_IF_ERROR(tx->commit());
  return d;
}

Result<std::vector<StoredDocument>> SqliteStore::documents(std::size_t offset, std::size_t limit) {
  std::lock_guard lock(mu_);
  auto s = db_.statement(
      std::string("SELECT ") + kDocumentColumns + " FROM documents ORDER BY id LIMIT :limit OFFSET :offset");
  if (!s.is_ok()) return s.status();
  (*s)->bind_int(":limit", limit == 0 ? -1 : static_cast<std::int64_t>(limit));
  (*s)->bind_int(":offset", static_cast<std::int64_t>(offset));
  return sqlite::read_rows(**s, read_document);
}

Status SqliteStore::load_event_details(EventRecord& r) {
  {
    auto s = db_.statement(
        "SELECT a.id, a.name, a.kind, a.country, a.subdivision, p.mention_begin, p.mention_end "
        "FROM event_parties p JOIN actors a ON a.id = p.actor_id "
        "WHERE p.event_id = :event ORDER BY p.position");
    if (!s.is_ok()) return s.status();
    (*s)->bind_int(":event", r.id);
    PACTUM_RETURN_IF_ERROR(sqlite::each_row(**s, [&](const sqlite::Statement& row) {
      r.party_actor_ids.push_back(row.column_int(0));
      extract::Party p;
      p.name = row.column_text(1);
      p.kind = row.column_text(2);
      p.country = row.column_text(3);
      p.subdivision = row.column_text(4);
      p.span = {static_cast<std::size_t>(row.column_int(5)),
                static_cast<std::size_t>(row.column_int(6))};
      r.event.parties.push_back(std::move(p));
    }));
  }
  {
    auto s = db_.statement("SELECT sector FROM event_sectors WHERE event_id = :event ORDER BY position");
    if (!s.is_ok()) return s.status();
    (*s)->bind_int(":event", r.id);
    PACTUM_RETURN_IF_ERROR(sqlite::each_row(**s, [&](const sqlite::Statement& row) {
      r.event.sectors.push_back(row.column_text(0));
    }));
  }
  auto s = db_.statement(
      "SELECT name, role, affiliation FROM event_signatories WHERE event_id = :event "
      "ORDER BY position");
  if (!s.is_ok()) return s.status();
  (*s)->bind_int(":event", r.id);
  PACTUM_RETURN_IF_ERROR(sqlite::each_row(**s, [&](const sqlite::Statement& row) {
    r.event.signatories.push_back({row.column_text(0), row.column_text(1), row.column_text(2)});
  }));
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
  PACTUM_RETURN_IF_ERROR(check_dates(f.since, f.until));
  if (f.min_confidence && std::isnan(*f.min_confidence)) {
    return Status::invalid_argument("min_confidence is NaN");
  }

  // The SQL depends only on which filters are set, so there are at most 2^8
  // variants, each prepared once and cached.
  std::string sql = std::string("SELECT ") + kEventColumns +
                    " FROM events e JOIN documents d ON d.id = e.document_id WHERE 1";
  if (f.party) {
    sql += std::string(" AND e.id IN (SELECT p.event_id FROM event_parties p WHERE p.actor_id IN (") +
           kPartyActors + "))";
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
  if (f.document_id) sql += " AND e.document_id = :document_id";
  if (f.min_confidence) sql += " AND e.confidence >= :min_confidence";
  if (!f.include_rejected) sql += " AND e.curation IS NOT 'rejected'";
  sql += " ORDER BY e.date_lo IS NULL, e.date_lo, e.id";
  if (f.limit > 0) sql += " LIMIT :limit";

  std::lock_guard lock(mu_);
  auto tx = Transaction::begin(db_, Transaction::Mode::kRead);
  if (!tx.is_ok()) return tx.status();
  std::vector<EventRecord> out;
  {
    auto s = db_.statement(sql);
    if (!s.is_ok()) return s.status();
    bind_filter(**s, f);
    if (f.document_id) (*s)->bind_int(":document_id", *f.document_id);
    if (f.min_confidence) (*s)->bind_double(":min_confidence", *f.min_confidence);
    if (f.limit > 0) (*s)->bind_int(":limit", to_int64(f.limit));
    auto rows = sqlite::read_rows(**s, read_event);
    if (!rows.is_ok()) return rows.status();
    out = std::move(*rows);
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
  PACTUM_RETURN_IF_ERROR(sqlite::each_row(**s, [&](const sqlite::Statement& row) {
    a.aliases.push_back(row.column_text(0));
  }));
  return a;
}

Result<ActorRecord> SqliteStore::actor(const std::string& name_or_code) {
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

Result<std::optional<std::int64_t>> SqliteStore::find_actor_id(const std::string& name_or_code) {
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
  return found;
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

// ---- mineral supply tables -------------------------------------------------

Result<std::size_t> SqliteStore::put_mineral_rows(const std::vector<MineralRow>& rows) {
  std::lock_guard lock(mu_);
  auto tx = Transaction::begin(db_, Transaction::Mode::kWrite);
  if (!tx.is_ok()) return tx.status();
  // Clear each (mineral, year, source) once, before any of its new rows.
  std::set<std::tuple<std::string, int, std::string>> cleared;
  for (const MineralRow& r : rows) {
    if (!cleared.insert({r.mineral + "\t" + r.stage, r.year, r.source}).second) continue;
    auto del = db_.statement(
        "DELETE FROM mineral_production WHERE mineral = :mineral AND stage = :stage AND year = :year "
        "AND source = :source");
    if (!del.is_ok()) return del.status();
    (*del)->bind_text(":mineral", r.mineral);
    (*del)->bind_text(":stage", r.stage);
    (*del)->bind_int(":year", r.year);
    (*del)->bind_text(":source", r.source);
    PACTUM_RETURN_IF_ERROR((*del)->run());
  }
  for (const MineralRow& r : rows) {
    auto ins = db_.statement(
        "INSERT INTO mineral_production(mineral, stage, year, country, tonnes, share, source) "
        "VALUES (:mineral, :stage, :year, :country, :tonnes, :share, :source)");
    if (!ins.is_ok()) return ins.status();
    (*ins)->bind_text(":mineral", r.mineral);
    (*ins)->bind_text(":stage", r.stage);
    (*ins)->bind_int(":year", r.year);
    (*ins)->bind_text(":country", r.country);
    if (r.tonnes) (*ins)->bind_double(":tonnes", *r.tonnes); else (*ins)->bind_null(":tonnes");
    if (r.share) (*ins)->bind_double(":share", *r.share); else (*ins)->bind_null(":share");
    (*ins)->bind_text(":source", r.source);
    Status st = (*ins)->run();
    if (!st.is_ok()) {
      return Status(st.code(), r.mineral + " " + r.stage + " " + std::to_string(r.year) + " " + r.country + " (" + r.source +
                                   "): " + st.message());
    }
  }
  PACTUM_RETURN_IF_ERROR(tx->commit());
  return rows.size();
}

Result<std::vector<MineralRow>> SqliteStore::mineral_rows() {
  std::lock_guard lock(mu_);
  auto s = db_.statement(
      "SELECT mineral, year, country, tonnes, share, source, stage FROM mineral_production "
      "ORDER BY mineral, stage, year, source, country");
  if (!s.is_ok()) return s.status();
  std::vector<MineralRow> out;
  for (;;) {
    auto more = (*s)->step();
    if (!more.is_ok()) return more.status();
    if (!*more) break;
    MineralRow r;
    r.mineral = (*s)->column_text(0);
    r.year = static_cast<int>((*s)->column_int(1));
    r.country = (*s)->column_text(2);
    if (!(*s)->column_is_null(3)) r.tonnes = (*s)->column_double(3);
    if (!(*s)->column_is_null(4)) r.share = (*s)->column_double(4);
    r.source = (*s)->column_text(5);
    r.stage = (*s)->column_text(6);
    out.push_back(std::move(r));
  }
  return out;
}

// ---- feeds and saved searches -----------------------------------------------

namespace {

constexpr const char* kFeedColumns =
    "f.id, f.url, f.name, f.interval_s, f.etag, f.last_modified, f.added_at, f.last_polled_at, f.next_poll_at, "
    "f.failures, f.last_status, f.last_error, (SELECT count(*) FROM feed_items i WHERE i.feed_id = f.id)";

FeedRecord read_feed(const sqlite::Statement& s) {
  FeedRecord f;
  f.id = s.column_int(0);
  f.url = s.column_text(1);
  f.name = s.column_text(2);
  f.interval_s = s.column_int(3);
  f.etag = s.column_text(4);
  f.last_modified = s.column_text(5);
  f.added_at = s.column_text(6);
  f.last_polled_at = s.column_text(7);
  f.next_poll_at = s.column_text(8);
  f.failures = static_cast<int>(s.column_int(9));
  f.last_status = s.column_text(10);
  f.last_error = s.column_text(11);
  f.items = s.column_int(12);
  return f;
}

// Rows the last statement changed, 0 on error (then the caller's not-found
// message is the safe answer).
std::int64_t changes(sqlite::Db& db) {
  auto n = db.query_int("SELECT changes()");
  return n.is_ok() ? *n : 0;
}

constexpr const char* kWatchColumns = "name, query, filters, created_at, last_checked_at";

WatchRecord read_watch(const sqlite::Statement& s) {
  return {s.column_text(0), s.column_text(1), s.column_text(2), s.column_text(3), s.column_text(4)};
}

}  // namespace

Result<FeedRecord> SqliteStore::add_feed(const std::string& url, const std::string& name, std::int64_t interval_s) {
  std::lock_guard lock(mu_);
  auto tx = Transaction::begin(db_, Transaction::Mode::kWrite);
  if (!tx.is_ok()) return tx.status();
  {
    auto exists = db_.statement("SELECT id FROM feeds WHERE url = :url");
    if (!exists.is_ok()) return exists.status();
    (*exists)->bind_text(":url", url);
    auto row = (*exists)->step();
    if (!row.is_ok()) return row.status();
    if (*row) return Status::already_exists("feed " + url + " is followed already (id " +
                                            std::to_string((*exists)->column_int(0)) + ")");
  }
  auto ins = db_.statement("INSERT INTO feeds(url, name, interval_s) VALUES (:url, :name, :interval)");
  if (!ins.is_ok()) return ins.status();
  (*ins)->bind_text(":url", url);
  (*ins)->bind_text(":name", name);
  (*ins)->bind_int(":interval", interval_s);
  PACTUM_RETURN_IF_ERROR((*ins)->run());
  auto id = db_.query_int("SELECT last_insert_rowid()");
  if (!id.is_ok()) return id.status();
  auto s = db_.statement(std::string("SELECT ") + kFeedColumns + " FROM feeds f WHERE f.id = :id");
  if (!s.is_ok()) return s.status();
  (*s)->bind_int(":id", *id);
  auto row = (*s)->step();
  if (!row.is_ok()) return row.status();
  FeedRecord out = read_feed(**s);
  PACTUM_RETURN_IF_ERROR(tx->commit());
  return out;
}

Result<std::vector<FeedRecord>> SqliteStore::feeds() {
  std::lock_guard lock(mu_);
  auto s = db_.statement(std::string("SELECT ") + kFeedColumns + " FROM feeds f ORDER BY f.id");
  if (!s.is_ok()) return s.status();
  return sqlite::read_rows(**s, read_feed);
}

Status SqliteStore::record_feed_poll(const FeedRecord& f, const std::vector<std::string>& new_item_keys) {
  std::lock_guard lock(mu_);
  auto tx = Transaction::begin(db_, Transaction::Mode::kWrite);
  if (!tx.is_ok()) return tx.status();
  auto up = db_.statement(
      "UPDATE feeds SET etag = :etag, last_modified = :lm, last_polled_at = :polled, next_poll_at = :next, "
      "failures = :failures, last_status = :status, last_error = :error WHERE id = :id");
  if (!up.is_ok()) return up.status();
  (*up)->bind_text_or_null(":etag", f.etag);
  (*up)->bind_text_or_null(":lm", f.last_modified);
  (*up)->bind_text_or_null(":polled", f.last_polled_at);
  (*up)->bind_text_or_null(":next", f.next_poll_at);
  (*up)->bind_int(":failures", f.failures);
  (*up)->bind_text_or_null(":status", f.last_status);
  (*up)->bind_text_or_null(":error", f.last_error);
  (*up)->bind_int(":id", f.id);
  PACTUM_RETURN_IF_ERROR((*up)->run());
  if (changes(db_) == 0) return Status::not_found("no feed with id " + std::to_string(f.id));
  for (const std::string& key : new_item_keys) {
    auto ins = db_.statement("INSERT OR IGNORE INTO feed_items(feed_id, item_key) VALUES (:feed, :key)");
    if (!ins.is_ok()) return ins.status();
    (*ins)->bind_int(":feed", f.id);
    (*ins)->bind_text(":key", key);
    PACTUM_RETURN_IF_ERROR((*ins)->run());
  }
  return tx->commit();
}

Result<std::vector<bool>> SqliteStore::feed_items_seen(std::int64_t feed_id, const std::vector<std::string>& keys) {
  std::lock_guard lock(mu_);
  std::vector<bool> out;
  for (const std::string& key : keys) {
    auto s = db_.statement("SELECT 1 FROM feed_items WHERE feed_id = :feed AND item_key = :key");
    if (!s.is_ok()) return s.status();
    (*s)->bind_int(":feed", feed_id);
    (*s)->bind_text(":key", key);
    auto row = (*s)->step();
    if (!row.is_ok()) return row.status();
    out.push_back(*row);
  }
  return out;
}

Status SqliteStore::remove_feed(const std::string& id_or_url) {
  std::lock_guard lock(mu_);
  auto s = db_.statement("DELETE FROM feeds WHERE url = :v OR CAST(id AS TEXT) = :v");
  if (!s.is_ok()) return s.status();
  (*s)->bind_text(":v", id_or_url);
  PACTUM_RETURN_IF_ERROR((*s)->run());
  if (changes(db_) == 0) return Status::not_found("no feed '" + id_or_url + "'");
  return Status::ok();
}

Status SqliteStore::add_watch(const WatchRecord& w) {
  std::lock_guard lock(mu_);
  auto tx = Transaction::begin(db_, Transaction::Mode::kWrite);
  if (!tx.is_ok()) return tx.status();
  {
    auto exists = db_.statement("SELECT 1 FROM watches WHERE name = :name");
    if (!exists.is_ok()) return exists.status();
    (*exists)->bind_text(":name", w.name);
    auto row = (*exists)->step();
    if (!row.is_ok()) return row.status();
    if (*row) return Status::already_exists("a saved search named '" + w.name + "' exists already");
  }
  auto ins = db_.statement("INSERT INTO watches(name, query, filters) VALUES (:name, :query, :filters)");
  if (!ins.is_ok()) return ins.status();
  (*ins)->bind_text(":name", w.name);
  (*ins)->bind_text(":query", w.query);
  (*ins)->bind_text(":filters", w.filters.empty() ? "{}" : w.filters);
  PACTUM_RETURN_IF_ERROR((*ins)->run());
  return tx->commit();
}

Result<std::vector<WatchRecord>> SqliteStore::watches() {
  std::lock_guard lock(mu_);
  auto s = db_.statement(std::string("SELECT ") + kWatchColumns + " FROM watches ORDER BY name");
  if (!s.is_ok()) return s.status();
  return sqlite::read_rows(**s, read_watch);
}

Result<WatchRecord> SqliteStore::watch(const std::string& name) {
  std::lock_guard lock(mu_);
  auto s = db_.statement(std::string("SELECT ") + kWatchColumns + " FROM watches WHERE name = :name");
  if (!s.is_ok()) return s.status();
  (*s)->bind_text(":name", name);
  auto row = (*s)->step();
  if (!row.is_ok()) return row.status();
  if (!*row) return Status::not_found("no saved search named '" + name + "'");
  return read_watch(**s);
}

Status SqliteStore::set_watch_checked(const std::string& name, const std::string& at) {
  std::lock_guard lock(mu_);
  auto s = db_.statement("UPDATE watches SET last_checked_at = :at WHERE name = :name");
  if (!s.is_ok()) return s.status();
  (*s)->bind_text(":at", at);
  (*s)->bind_text(":name", name);
  PACTUM_RETURN_IF_ERROR((*s)->run());
  if (changes(db_) == 0) return Status::not_found("no saved search named '" + name + "'");
  return Status::ok();
}

Status SqliteStore::remove_watch(const std::string& name) {
  std::lock_guard lock(mu_);
  auto s = db_.statement("DELETE FROM watches WHERE name = :name");
  if (!s.is_ok()) return s.status();
  (*s)->bind_text(":name", name);
  PACTUM_RETURN_IF_ERROR((*s)->run());
  if (changes(db_) == 0) return Status::not_found("no saved search named '" + name + "'");
  return Status::ok();
}

Result<std::string> SqliteStore::now() {
  std::lock_guard lock(mu_);
  return db_.query_text("SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now')");
}

// ---- API tokens ------------------------------------------------------------

Result<std::int64_t> SqliteStore::put_api_token(const std::string& name, const std::string& sha256) {
  if (name.empty()) return Status::invalid_argument("a token needs a name");
  if (sha256.size() != 64 || sha256.find_first_not_of("0123456789abcdef") != std::string::npos) {
    return Status::invalid_argument("a token hash is 64 lowercase hex digits");
  }
  std::lock_guard lock(mu_);
  auto tx = Transaction::begin(db_, Transaction::Mode::kWrite);
  if (!tx.is_ok()) return tx.status();
  auto dup = db_.statement("SELECT count(*) FROM api_tokens WHERE sha256 = :h");
  if (!dup.is_ok()) return dup.status();
  (*dup)->bind_text(":h", sha256);
  auto row = (*dup)->step();
  if (!row.is_ok()) return row.status();
  if ((*dup)->column_int(0) > 0) return Status::already_exists("this token is already stored");
  auto ins = db_.statement("INSERT INTO api_tokens(name, sha256) VALUES (:n, :h) RETURNING id");
  if (!ins.is_ok()) return ins.status();
  (*ins)->bind_text(":n", name);
  (*ins)->bind_text(":h", sha256);
  auto more = (*ins)->step();
  if (!more.is_ok()) return more.status();
  std::int64_t id = (*ins)->column_int(0);
  PACTUM_RETURN_IF_ERROR((*ins)->run());
  PACTUM_RETURN_IF_ERROR(tx->commit());
  return id;
}

Result<std::optional<std::string>> SqliteStore::api_token(const std::string& sha256) {
  std::lock_guard lock(mu_);
  auto s = db_.statement("SELECT name FROM api_tokens WHERE sha256 = :h");
  if (!s.is_ok()) return s.status();
  (*s)->bind_text(":h", sha256);
  auto more = (*s)->step();
  if (!more.is_ok()) return more.status();
  if (!*more) return std::optional<std::string>();
  return std::optional<std::string>((*s)->column_text(0));
}

// ---- cooperation profiles and expressions of interest (migration 4) --------

namespace {

Result<kb::Profile> profile_from_json(const std::string& id, const std::string& json) {
  auto parsed = kb::parse_profile_line(json, kb::ProfileCodes{});
  if (!parsed.profile) {
    return Status::corruption("stored profile " + id + ": " + parsed.errors[0].field + ": " +
                              parsed.errors[0].message);
  }
  return std::move(*parsed.profile);
}

}  // namespace

Result<ProfileImport> SqliteStore::put_profiles(const std::vector<kb::Profile>& profiles) {
  for (const auto& p : profiles) {
    auto errors = kb::validate_profile(p, kb::ProfileCodes{});
    if (!errors.empty()) {
      return Status::invalid_argument("profile " + (p.id.empty() ? std::string("(no id)") : p.id) + ": " +
                                      errors[0].field + ": " + errors[0].message);
    }
  }
  std::lock_guard lock(mu_);
  auto tx = Transaction::begin(db_, Transaction::Mode::kWrite);
  if (!tx.is_ok()) return tx.status();
  ProfileImport out;
  for (const auto& p : profiles) {
    std::string json = kb::to_json(p).dump();
    auto get = db_.statement("SELECT json FROM profiles WHERE id = :id");
    if (!get.is_ok()) return get.status();
    (*get)->bind_text(":id", p.id);
    auto found = (*get)->step();
    if (!found.is_ok()) return found.status();
    std::optional<std::string> old;
    if (*found) old = (*get)->column_text(0);
    (*get)->reset();
    if (old && *old == json) {
      ++out.unchanged;
      continue;
    }
    auto put = db_.statement(
        old ? "UPDATE profiles SET json = :json, type = :type, country = :country, subdivision = :sub, "
              "language = :lang, published = :pub, deadline = :deadline, "
              "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = :id"
            : "INSERT INTO profiles(id, json, type, country, subdivision, language, published, deadline) "
              "VALUES (:id, :json, :type, :country, :sub, :lang, :pub, :deadline)");
    if (!put.is_ok()) return put.status();
    (*put)->bind_text(":id", p.id);
    (*put)->bind_text(":json", json);
    (*put)->bind_text(":type", p.type);
    (*put)->bind_text(":country", p.organization.country);
    (*put)->bind_text_or_null(":sub", p.organization.subdivision);
    (*put)->bind_text(":lang", p.language);
    (*put)->bind_text_or_null(":pub", p.published);
    (*put)->bind_text_or_null(":deadline", p.deadline);
    PACTUM_RETURN_IF_ERROR((*put)->run());
    auto del = db_.statement("DELETE FROM profile_sectors WHERE profile_id = :id");
    if (!del.is_ok()) return del.status();
    (*del)->bind_text(":id", p.id);
    PACTUM_RETURN_IF_ERROR((*del)->run());
    for (const auto& sector : p.sectors) {
      auto ins = db_.statement("INSERT INTO profile_sectors(profile_id, sector) VALUES (:id, :sector)");
      if (!ins.is_ok()) return ins.status();
      (*ins)->bind_text(":id", p.id);
      (*ins)->bind_text(":sector", sector);
      PACTUM_RETURN_IF_ERROR((*ins)->run());
    }
    ++(old ? out.updated : out.inserted);
  }
  PACTUM_RETURN_IF_ERROR(tx->commit());
  return out;
}

Result<kb::Profile> SqliteStore::profile(const std::string& id) {
  std::lock_guard lock(mu_);
  auto s = db_.statement("SELECT json FROM profiles WHERE id = :id");
  if (!s.is_ok()) return s.status();
  (*s)->bind_text(":id", id);
  auto found = (*s)->step();
  if (!found.is_ok()) return found.status();
  if (!*found) return Status::not_found("no profile " + id);
  std::string json = (*s)->column_text(0);
  (*s)->reset();
  return profile_from_json(id, json);
}

Result<std::vector<kb::Profile>> SqliteStore::profiles() {
  std::lock_guard lock(mu_);
  auto s = db_.statement("SELECT id, json FROM profiles ORDER BY id");
  if (!s.is_ok()) return s.status();
  std::vector<kb::Profile> out;
  for (;;) {
    auto more = (*s)->step();
    if (!more.is_ok()) return more.status();
    if (!*more) break;
    auto p = profile_from_json((*s)->column_text(0), (*s)->column_text(1));
    if (!p.is_ok()) return p.status();
    out.push_back(std::move(*p));
  }
  return out;
}

Status SqliteStore::delete_profile(const std::string& id) {
  std::lock_guard lock(mu_);
  auto tx = Transaction::begin(db_, Transaction::Mode::kWrite);
  if (!tx.is_ok()) return tx.status();
  auto s = db_.statement("DELETE FROM profiles WHERE id = :id");
  if (!s.is_ok()) return s.status();
  (*s)->bind_text(":id", id);
  PACTUM_RETURN_IF_ERROR((*s)->run());
  auto n = db_.query_int("SELECT changes()");
  if (!n.is_ok()) return n.status();
  if (*n == 0) return Status::not_found("no profile " + id);
  return tx->commit();
}

Result<InterestRecord> SqliteStore::read_interest(std::int64_t interest_id) {
  auto s = db_.statement(
      "SELECT profile_id, organization, from_profile, state FROM profile_interests WHERE id = :id");
  if (!s.is_ok()) return s.status();
  (*s)->bind_int(":id", interest_id);
  auto found = (*s)->step();
  if (!found.is_ok()) return found.status();
  if (!*found) return Status::not_found("no interest " + std::to_string(interest_id));
  InterestRecord r;
  r.id = interest_id;
  r.profile_id = (*s)->column_text(0);
  r.organization = (*s)->column_text(1);
  r.from_profile = (*s)->column_text(2);
  r.state = (*s)->column_text(3);
  (*s)->reset();
  auto steps = db_.statement(
      "SELECT step, at, author, note FROM profile_interest_steps WHERE interest_id = :id ORDER BY id");
  if (!steps.is_ok()) return steps.status();
  (*steps)->bind_int(":id", interest_id);
  for (;;) {
    auto more = (*steps)->step();
    if (!more.is_ok()) return more.status();
    if (!*more) break;
    r.steps.push_back({(*steps)->column_text(0), (*steps)->column_text(1), (*steps)->column_text(2),
                       (*steps)->column_text(3)});
  }
  return r;
}

Result<InterestRecord> SqliteStore::add_interest(const std::string& profile_id, const std::string& organization,
                                                 const std::string& from_profile, const std::string& author,
                                                 const std::string& note) {
  if (organization.empty()) return Status::invalid_argument("an interest needs the organization's name");
  if (author.empty()) return Status::invalid_argument("an interest step needs an author");
  std::lock_guard lock(mu_);
  auto tx = Transaction::begin(db_, Transaction::Mode::kWrite);
  if (!tx.is_ok()) return tx.status();
  auto exists = db_.statement("SELECT 1 FROM profiles WHERE id = :id");
  if (!exists.is_ok()) return exists.status();
  (*exists)->bind_text(":id", profile_id);
  auto found = (*exists)->step();
  if (!found.is_ok()) return found.status();
  (*exists)->reset();
  if (!*found) return Status::not_found("no profile " + profile_id);
  auto ins = db_.statement(
      "INSERT INTO profile_interests(profile_id, organization, from_profile, state) "
      "VALUES (:p, :org, :from, 'interested')");
  if (!ins.is_ok()) return ins.status();
  (*ins)->bind_text(":p", profile_id);
  (*ins)->bind_text(":org", organization);
  (*ins)->bind_text_or_null(":from", from_profile);
  PACTUM_RETURN_IF_ERROR((*ins)->run());
  auto id = db_.query_int("SELECT last_insert_rowid()");
  if (!id.is_ok()) return id.status();
  auto step = db_.statement(
      "INSERT INTO profile_interest_steps(interest_id, step, author, note) VALUES (:id, 'interested', :a, :n)");
  if (!step.is_ok()) return step.status();
  (*step)->bind_int(":id", *id);
  (*step)->bind_text(":a", author);
  (*step)->bind_text_or_null(":n", note);
  PACTUM_RETURN_IF_ERROR((*step)->run());
  auto r = read_interest(*id);
  if (!r.is_ok()) return r.status();
  PACTUM_RETURN_IF_ERROR(tx->commit());
  return r;
}

Result<InterestRecord> SqliteStore::interest_step(std::int64_t interest_id, const std::string& step,
                                                  const std::string& author, const std::string& note) {
  if (!kb::is_interest_step(step)) return Status::invalid_argument("'" + step + "' is not a workflow step");
  if (author.empty()) return Status::invalid_argument("an interest step needs an author");
  std::lock_guard lock(mu_);
  auto tx = Transaction::begin(db_, Transaction::Mode::kWrite);
  if (!tx.is_ok()) return tx.status();
  auto cur = read_interest(interest_id);
  if (!cur.is_ok()) return cur.status();
  if (!kb::interest_transition_allowed(cur->state, step)) {
    return Status::failed_precondition("interest " + std::to_string(interest_id) + " is " + cur->state +
                                       "; it cannot become " + step);
  }
  auto upd = db_.statement("UPDATE profile_interests SET state = :s WHERE id = :id");
  if (!upd.is_ok()) return upd.status();
  (*upd)->bind_text(":s", step);
  (*upd)->bind_int(":id", interest_id);
  PACTUM_RETURN_IF_ERROR((*upd)->run());
  auto ins = db_.statement(
      "INSERT INTO profile_interest_steps(interest_id, step, author, note) VALUES (:id, :s, :a, :n)");
  if (!ins.is_ok()) return ins.status();
  (*ins)->bind_int(":id", interest_id);
  (*ins)->bind_text(":s", step);
  (*ins)->bind_text(":a", author);
  (*ins)->bind_text_or_null(":n", note);
  PACTUM_RETURN_IF_ERROR((*ins)->run());
  auto r = read_interest(interest_id);
  if (!r.is_ok()) return r.status();
  PACTUM_RETURN_IF_ERROR(tx->commit());
  return r;
}

Result<InterestRecord> SqliteStore::interest(std::int64_t interest_id) {
  std::lock_guard lock(mu_);
  return read_interest(interest_id);
}

Result<std::vector<InterestRecord>> SqliteStore::interests(const std::string& profile_id) {
  std::lock_guard lock(mu_);
  auto s = db_.statement(
      "SELECT id FROM profile_interests WHERE (:p = '' OR profile_id = :p) ORDER BY id");
  if (!s.is_ok()) return s.status();
  (*s)->bind_text(":p", profile_id);
  std::vector<std::int64_t> ids;
  for (;;) {
    auto more = (*s)->step();
    if (!more.is_ok()) return more.status();
    if (!*more) break;
    ids.push_back((*s)->column_int(0));
  }
  (*s)->reset();
  std::vector<InterestRecord> out;
  for (auto id : ids) {
    auto r = read_interest(id);
    if (!r.is_ok()) return r.status();
    out.push_back(std::move(*r));
  }
  return out;
}

// ---- knowledge base: writes ------------------------------------------------

Status SqliteStore::apply_overrides(const std::string& content_hash, extract::Event& e,
                                    std::string* curation) {
  auto s = db_.statement(
      "SELECT field, value FROM event_overrides WHERE content_hash = :hash AND evidence_begin = :begin "
      "AND evidence_end = :end");
  if (!s.is_ok()) return s.status();
  (*s)->bind_text(":hash", content_hash);
  (*s)->bind_int(":begin", to_int64(e.evidence_span.begin));
  (*s)->bind_int(":end", to_int64(e.evidence_span.end));
  for (;;) {
    auto row = (*s)->step();
    if (!row.is_ok()) return row.status();
    if (!*row) break;
    apply_override((*s)->column_text(0), (*s)->column_text(1), e, curation);
  }
  return Status::ok();
}

Result<bool> SqliteStore::link_near_duplicate(std::int64_t document_id, const PreparedDocument& prepared) {
  const std::optional<kb::Signature>& sig = prepared.signature;
  if (!sig) return false;
  const auto& keys = prepared.band_keys;
  std::optional<DocumentLink> best;
  // Candidates share a band; the signature decides. Both are bounded
  // (kb/near_duplicate.h: kBandCandidates, kSignatureChecks) so that a write
  // costs the same in a store of a million documents as in an empty one.
  std::vector<std::int64_t> band_members;  // one entry per shared band
  {
    auto s = db_.statement(
        "SELECT document_id FROM document_bands WHERE band_key = :key AND document_id <> :doc "
        "ORDER BY document_id DESC LIMIT :limit");
    if (!s.is_ok()) return s.status();
    for (std::int64_t key : keys) {
      (*s)->reset();
      (*s)->bind_int(":key", key);
      (*s)->bind_int(":doc", document_id);
      (*s)->bind_int(":limit", kb::kBandCandidates);
      for (;;) {
        auto row = (*s)->step();
        if (!row.is_ok()) return row.status();
        if (!*row) break;
        band_members.push_back((*s)->column_int(0));
      }
    }
  }
  const std::vector<std::int64_t> candidates = kb::most_shared_bands(std::move(band_members));
  if (!candidates.empty()) {
    auto s = db_.statement(
        "SELECT f.signature, coalesce(l.original_id, f.document_id) "
        "FROM document_fingerprints f LEFT JOIN document_links l ON l.document_id = f.document_id "
        "WHERE f.document_id = :id");
    if (!s.is_ok()) return s.status();
    for (std::int64_t candidate : candidates) {
      (*s)->reset();
      (*s)->bind_int(":id", candidate);
      auto row = (*s)->step();
      if (!row.is_ok()) return row.status();
      if (!*row) continue;
      auto other = kb::decode((*s)->column_blob(0));
      if (!other) continue;
      double sim = kb::similarity(*sig, *other);
      if (sim < kb::kNearDuplicateSimilarity) continue;
      // Link to the root original, so that copies of copies count once.
      DocumentLink link{document_id, (*s)->column_int(1), sim};
      if (!best || sim > best->similarity || (sim == best->similarity && link.original_id < best->original_id)) {
        best = link;
      }
    }
  }
  {
    auto s = db_.statement(
        "INSERT OR REPLACE INTO document_fingerprints(document_id, signature) VALUES (:doc, :sig)");
    if (!s.is_ok()) return s.status();
    (*s)->bind_int(":doc", document_id);
    (*s)->bind_blob(":sig", prepared.signature_blob);
    PACTUM_RETURN_IF_ERROR((*s)->run());
  }
  {
    // One row per statement run. A multi-row INSERT ... SELECT FROM
    // json_each was tried: fewer instructions (callgrind), but the writer's
    // thread CPU time rose ~30 % (bench, idle, A/B); a multi-row statement
    // needs a statement journal, which callgrind's user-space count misses.
    // (A plain INSERT of the distinct keys in key order was measured: no
    // fewer instructions than OR IGNORE.)
    auto s = db_.statement("INSERT OR IGNORE INTO document_bands(band_key, document_id) VALUES (:key, :doc)");
    if (!s.is_ok()) return s.status();
    for (std::int64_t key : keys) {
      (*s)->reset();
      (*s)->bind_int(":key", key);
      (*s)->bind_int(":doc", document_id);
      PACTUM_RETURN_IF_ERROR((*s)->run());
    }
  }
  if (!best || best->original_id == document_id) return false;
  auto s = db_.statement(
      "INSERT OR REPLACE INTO document_links(document_id, original_id, similarity) VALUES (:doc, :orig, :sim)");
  if (!s.is_ok()) return s.status();
  (*s)->bind_int(":doc", document_id);
  (*s)->bind_int(":orig", best->original_id);
  (*s)->bind_double(":sim", best->similarity);
  PACTUM_RETURN_IF_ERROR((*s)->run());
  return true;
}

// Whether a document gets a row in the search index: not a near-copy, which
// search leaves out anyway (its original is the hit, with the copy listed).
// Indexing it only made FTS5 walk past it: in a generated store of
// 1,000,000 documents 98 % of the newest matches of a frequent term were
// near-copies, so filling 1,000 candidates read some 50,000 matches.
// Links are made when a document is written (before its index row) and
// by a rebuild, which rewrites the index too.
bool SqliteStore::indexed_document(bool is_copy) { return !is_copy; }

Status SqliteStore::index_document(std::int64_t document_id, std::string_view title, std::string indexed_body,
                                   const std::vector<std::string>& evidence) {
  std::vector<std::string_view> views(evidence.begin(), evidence.end());
  return index_row(IndexRow{document_id, index_text(title), std::move(indexed_body), index_evidence(views),
                            nullptr, std::nullopt, nullptr});
}

Status SqliteStore::index_row(IndexRow row) {
  if (deferred_index_ != nullptr) {
    deferred_index_->push_back(std::move(row));
    return Status::ok();
  }
  return write_index_row(row);
}

Status SqliteStore::write_index_row(const IndexRow& row) { return write_index_rows({row}); }

Result<const sqlite::IndexTokenizer*> SqliteStore::index_tokenizer() {
  if (!tokenizer_) {
    auto t = sqlite::IndexTokenizer::open(db_.handle());
    if (!t.is_ok()) return t.status();
    tokenizer_.emplace(std::move(*t));
    sqlite3_rollback_hook(
        db_.handle(), [](void* self) { static_cast<SqliteStore*>(self)->known_terms_.clear(); }, this);
  }
  return &*tokenizer_;
}

Status SqliteStore::record_terms(const std::vector<IndexRow>& rows) {
  auto tok = index_tokenizer();
  if (!tok.is_ok()) return tok.status();
  // Bounded: a vocabulary grows without end (names, numbers); the frequent
  // terms come back into the cache within a batch or two.
  constexpr std::size_t kMaxKnownTerms = 1 << 18;
  if (known_terms_.size() > kMaxKnownTerms) known_terms_.clear();
  std::vector<std::string> fresh;
  auto note = [&](std::string_view t) {
    if (known_terms_.find(t) == known_terms_.end()) fresh.push_back(*known_terms_.emplace(t).first);
  };
  for (const IndexRow& row : rows) {
    if (row.terms) {  // tokenized on an ingest worker
      for (const std::string& t : *row.terms) note(t);
      continue;
    }
    for (const std::string* column : {&row.title, &row.body, &row.evidence}) {
      PACTUM_RETURN_IF_ERROR((*tok)->tokens(*column, note));
    }
  }
  if (fresh.empty()) return Status::ok();
  auto s = db_.statement("INSERT OR IGNORE INTO search_terms(term) VALUES (:term)");
  if (!s.is_ok()) return s.status();
  for (const std::string& t : fresh) {
    (*s)->reset();
    (*s)->bind_text(":term", t);
    PACTUM_RETURN_IF_ERROR((*s)->run());
  }
  return Status::ok();
}

Status SqliteStore::write_index_rows(const std::vector<IndexRow>& rows) {
  // The terms first: a write between FTS5 rows may open a statement
  // savepoint, at which FTS5 flushes its pending terms into a segment.
  // The facets too, read and their search_facets rows written before the
  // first index row for the same reason.
  PACTUM_RETURN_IF_ERROR(record_terms(rows));
  std::vector<DocFacets> facets;
  facets.reserve(rows.size());
  for (const IndexRow& row : rows) {
    if (row.facets) {
      facets.push_back(*row.facets);
      continue;
    }
    auto f = document_facets(row.document_id);
    if (!f.is_ok()) return f.status();
    facets.push_back(std::move(*f));
  }
  if (!rows.empty()) {
    auto s = db_.statement("INSERT OR REPLACE INTO search_facets(document_id, summary) VALUES (:doc, :summary)");
    if (!s.is_ok()) return s.status();
    for (std::size_t i = 0; i < rows.size(); ++i) {
      (*s)->reset();
      (*s)->bind_int(":doc", rows[i].document_id);
      (*s)->bind_blob(":summary", facets[i].summary);
      PACTUM_RETURN_IF_ERROR((*s)->run());
    }
  }
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const IndexRow& row = rows[i];
    auto s = db_.statement(
        "INSERT INTO search_index(rowid, title, body, evidence, facets) "
        "VALUES (:doc, :title, :body, :evidence, :facets)");
    if (!s.is_ok()) return s.status();
    (*s)->bind_int(":doc", row.document_id);
    (*s)->bind_text(":title", row.title);
    (*s)->bind_text(":body", row.body);
    (*s)->bind_text(":evidence", row.evidence);
    (*s)->bind_text(":facets", facets[i].tokens);
    // The worker's tokens of the text columns, if it cut them, instead of
    // FTS5 cutting them again here (the facets column is cut as before).
    const bool replay = replay_ != nullptr && row.tokens != nullptr;
    if (replay) {
      replay_->arm({sqlite::TokenReplay::Column{row.title, &row.tokens->columns[0]},
                    sqlite::TokenReplay::Column{row.body, &row.tokens->columns[1]},
                    sqlite::TokenReplay::Column{row.evidence, &row.tokens->columns[2]}});
    }
    Status st = (*s)->run();
    if (replay) replay_->disarm();
    PACTUM_RETURN_IF_ERROR(st);
  }
  return Status::ok();
}

// Kind letters of facet_token(), one per filter of SearchFilter that the
// index answers (dates are ranges, left to the probes).
constexpr char kFacetLanguage = 'l', kFacetSector = 's', kFacetInstrument = 'i', kFacetStage = 't',
               kFacetCountry = 'c', kFacetRegion = 'r';

// Appends `value` to `out`, each byte for which keep() is false written as
// "x" and two hex digits: the one escape of facet_token() and
// facet_pair_token(), which differ only in which bytes they keep.
template <class Keep>
void append_escaped(std::string& out, std::string_view value, Keep keep) {
  static constexpr char kHex[] = "0123456789abcdef";
  for (const char ch : value) {
    const auto c = static_cast<unsigned char>(ch);
    if (keep(c)) {
      out += ch;
    } else {
      out += 'x';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
}

// "0" + kind + the value, its bytes outside [0-9a-wyzA-WYZ] written as "x"
// and two hex digits ("NO-03" -> "0rNOx2d03"): one token for unicode61,
// which folds the case (a superset still: the probes compare exactly), and
// two values of a kind never share one. User queries search the text
// columns only (search()), so no typed word reaches these tokens.
std::string facet_token(char kind, std::string_view value) {
  std::string out{'0', kind};
  append_escaped(out, value, [](unsigned char c) {
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z' && (c | 0x20) != 'x');
  });
  return out;
}

// Kind letters of facet_pair_token(): a sector and a country, or a sector
// and a subdivision, of one non-rejected event.
constexpr char kPairSectorCountry = 'p', kPairSectorRegion = 'q';

// "0" + kind + the sector + "y" + the place, each byte outside [0-9a-w]
// written as "x" and two hex digits ("hydrogen", "NO" ->
// "0phydrogenyx4ex4f"): unlike facet_token(), case is kept (an upper-case
// letter is escaped), so that a token is the pair exactly and search may
// trust it without the probes of the events (search()).
std::string facet_pair_token(char kind, std::string_view sector, std::string_view place) {
  const auto keep = [](unsigned char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'w'); };
  std::string out{'0', kind};
  append_escaped(out, sector, keep);
  out += 'y';
  append_escaped(out, place, keep);
  return out;
}

// Kind letter of a summary entry (DocFacets::summary) that no filter has.
constexpr char kFacetYear = 'y';

// A summary is its distinct entries (kind letter + value) in order, each
// after its length as a LEB128 varint: a value may hold any byte.
void append_summary_entry(std::string& out, std::string_view entry) {
  for (std::size_t n = entry.size();; n >>= 7) {
    out += static_cast<char>((n & 0x7F) | (n > 0x7F ? 0x80 : 0));
    if (n <= 0x7F) break;
  }
  out += entry;
}

// Calls each(entry) for the entries of a summary; false if it is malformed.
template <class F>
bool for_each_summary_entry(std::string_view summary, F&& each) {
  while (!summary.empty()) {
    std::size_t n = 0;
    int shift = 0;
    for (;;) {
      if (summary.empty() || shift > 28) return false;
      const auto b = static_cast<unsigned char>(summary.front());
      summary.remove_prefix(1);
      n |= static_cast<std::size_t>(b & 0x7F) << shift;
      shift += 7;
      if ((b & 0x80) == 0) break;
    }
    if (n == 0 || n > summary.size()) return false;
    each(summary.substr(0, n));
    summary.remove_prefix(n);
  }
  return true;
}

// A document's facets as document_facets() reads them back and
// written_facets() knows them, so that the two cannot disagree: every
// value's token, and the summary entries of the counted ones (the
// document's and its non-rejected events').
class FacetCollector {
 public:
  // As search has always counted them: a language, instrument or stage
  // whenever not NULL; a sector, country or subdivision only when not empty.
  // Returns the value's index, for add_pair().
  std::size_t add(char kind, const std::string& value, bool counted) {
    const bool any_value = kind == kFacetLanguage || kind == kFacetInstrument || kind == kFacetStage;
    counted = counted && (any_value || !value.empty());
    // A document has a few distinct values, most of them added again per
    // event and party: a linear look-up drops the repeats before any token
    // is made (a std::set per column cost an allocation per value).
    for (std::size_t i = 0; i < values_.size(); ++i) {
      Value& v = values_[i];
      if (v.kind == kind && v.value == value) {
        v.counted = v.counted || counted;
        return i;
      }
    }
    values_.push_back({kind, value, counted});
    return values_.size() - 1;
  }
  // A counted event's date; NULL for an undated one (the publication date's year).
  void add_event_date(std::optional<std::string> date) { event_dates_.push_back(std::move(date)); }
  // A counted event's sector beside one of its parties' countries or
  // subdivisions (facet_pair_token); empty values make no pair, as they
  // are not counted either.
  // By the indexes add() returned; a pair repeats per event and party, so
  // the repeats are dropped before any token is made (as in add()).
  void add_pair(char kind, std::size_t sector, std::size_t place) {
    if (values_[sector].value.empty() || values_[place].value.empty()) return;
    const Pair p{kind, sector, place};
    if (std::find(pairs_.begin(), pairs_.end(), p) == pairs_.end()) pairs_.push_back(p);
  }
  // The facets column and the search_facets summary: each its distinct
  // strings in std::string order (a document's facets are one string,
  // compared on curation).
  void finish(const std::optional<std::string>& published, std::string* tokens, std::string* summary) {
    std::vector<std::string> token_list, entries;
    token_list.reserve(values_.size() + pairs_.size());
    entries.reserve(values_.size() + event_dates_.size() + 1);
    for (const Value& v : values_) {
      token_list.push_back(facet_token(v.kind, v.value));
      if (v.counted) entries.push_back(v.kind + v.value);
    }
    if (event_dates_.empty()) event_dates_.emplace_back();  // an eventless document: its publication date
    for (const auto& date : event_dates_) {
      const std::string& d = date ? *date : published.value_or("");
      if (!d.empty()) entries.push_back(kFacetYear + d.substr(0, 4));
    }
    for (const Pair& p : pairs_) {
      token_list.push_back(facet_pair_token(p.kind, values_[p.sector].value, values_[p.place].value));
    }
    // Two values never share a token (facet_token, facet_pair_token), so
    // only the years repeat.
    std::sort(token_list.begin(), token_list.end());
    std::sort(entries.begin(), entries.end());
    entries.erase(std::unique(entries.begin(), entries.end()), entries.end());
    for (const std::string& t : token_list) {
      if (!tokens->empty()) *tokens += ' ';
      *tokens += t;
    }
    for (const std::string& e : entries) append_summary_entry(*summary, e);
  }

 private:
  struct Value {
    char kind;
    std::string value;
    bool counted;  // in the summary: of a counted row at least once
  };
  std::vector<Value> values_;  // distinct (kind, value), in the order first added
  std::vector<std::optional<std::string>> event_dates_;
  struct Pair {
    char kind;
    std::size_t sector, place;  // in values_
    bool operator==(const Pair&) const = default;
  };
  std::vector<Pair> pairs_;  // distinct
};

// Each row two facet values at most (instrument and stage, country and
// subdivision), each table read once, duplicates dropped here: the UNION
// of one value per part cost the writer twice the instructions (a temp
// B-tree and the events read four times). The tokens take every row, the
// summary the rows of non-rejected events (column 4) and the years: an
// event's date (column 3), else the document's publication date (column 3
// of part 0); the pairs the sectors and places of non-rejected events, by
// event (column 5).
Result<SqliteStore::DocFacets> SqliteStore::document_facets(std::int64_t document_id) {
  auto s = db_.statement(
      "SELECT 0, language, NULL, published, 0, 0 FROM documents WHERE id = :doc "
      "UNION ALL SELECT 1, instrument, stage, date, curation IS 'rejected', id FROM events WHERE document_id = :doc "
      "UNION ALL SELECT 2, x.sector, NULL, NULL, e.curation IS 'rejected', e.id "
      "FROM events e JOIN event_sectors x ON x.event_id = e.id WHERE e.document_id = :doc "
      "UNION ALL SELECT 3, a.country, a.subdivision, NULL, e.curation IS 'rejected', e.id "
      "FROM events e JOIN event_parties p ON p.event_id = e.id "
      "JOIN actors a ON a.id = p.actor_id WHERE e.document_id = :doc");
  if (!s.is_ok()) return s.status();
  (*s)->bind_int(":doc", document_id);
  static constexpr char kKinds[4][2] = {{kFacetLanguage, 0},
                                        {kFacetInstrument, kFacetStage},
                                        {kFacetSector, 0},
                                        {kFacetCountry, kFacetRegion}};
  FacetCollector collect;
  std::optional<std::string> published;
  // The counted events' sectors and parties' places (add()'s indexes), by
  // event, for the pairs.
  std::vector<std::pair<std::int64_t, std::size_t>> sectors;
  std::vector<std::pair<std::int64_t, std::pair<char, std::size_t>>> places;
  for (;;) {
    auto row = (*s)->step();
    if (!row.is_ok()) return row.status();
    if (!*row) break;
    const int part = static_cast<int>((*s)->column_int(0) & 3);
    const auto& kinds = kKinds[part];
    const bool counted = (*s)->column_int(4) == 0;
    for (int column = 1; column <= 2; ++column) {
      if (kinds[column - 1] == 0 || (*s)->column_is_null(column)) continue;
      const std::size_t value = collect.add(kinds[column - 1], (*s)->column_text(column), counted);
      if (!counted) continue;
      if (part == 2) sectors.emplace_back((*s)->column_int(5), value);
      if (part == 3) places.push_back({(*s)->column_int(5), {kinds[column - 1], value}});
    }
    if (part == 0 && !(*s)->column_is_null(3)) published = (*s)->column_text(3);
    if (part == 1 && counted) {
      collect.add_event_date((*s)->column_is_null(3) ? std::nullopt : std::optional((*s)->column_text(3)));
    }
  }
  // A document has a few events, each a few sectors and parties.
  for (const auto& [event, sector] : sectors) {
    for (const auto& [place_event, place] : places) {
      if (place_event != event) continue;
      collect.add_pair(place.first == kFacetCountry ? kPairSectorCountry : kPairSectorRegion, sector, place.second);
    }
  }
  DocFacets out;
  collect.finish(published, &out.tokens, &out.summary);
  return out;
}

Result<SqliteStore::DocFacets> SqliteStore::written_facets(const ingest::Document& doc, const extract::Extraction& x,
                                                           const std::vector<WrittenEvent>& events) {
  // As document_facets() reads them back: NULL columns give no value (the
  // language, the publication date, an event's date and an actor's places
  // are bound as NULL when empty; insert_document(), insert_event()).
  FacetCollector collect;
  std::vector<std::size_t> sector_values;  // an event's, add()'s indexes
  if (!x.language.empty()) collect.add(kFacetLanguage, x.language, true);
  for (const WrittenEvent& e : events) {
    const bool counted = e.curation != "rejected";
    collect.add(kFacetInstrument, e.instrument, counted);
    collect.add(kFacetStage, e.stage, counted);
    if (counted) collect.add_event_date(e.date.empty() ? std::nullopt : std::optional(e.date));
    sector_values.clear();
    for (const std::string& sector : e.sectors) sector_values.push_back(collect.add(kFacetSector, sector, counted));
    for (std::int64_t actor : e.actors) {
      using Places = std::pair<std::optional<std::string>, std::optional<std::string>>;
      Places read;
      const Places* places = nullptr;
      if (write_cache_ != nullptr) {
        if (auto it = write_cache_->places.find(actor); it != write_cache_->places.end()) places = &it->second;
      }
      if (places == nullptr) {
        auto s = db_.statement("SELECT country, subdivision FROM actors WHERE id = :id");
        if (!s.is_ok()) return s.status();
        (*s)->bind_int(":id", actor);
        auto row = (*s)->step();
        if (!row.is_ok()) return row.status();
        if (*row) {
          if (!(*s)->column_is_null(0)) read.first = (*s)->column_text(0);
          if (!(*s)->column_is_null(1)) read.second = (*s)->column_text(1);
        }
        places = write_cache_ != nullptr ? &write_cache_->places.emplace(actor, std::move(read)).first->second : &read;
      }
      for (const auto& [kind, place] : {std::pair(kFacetCountry, &places->first), std::pair(kFacetRegion, &places->second)}) {
        if (!*place) continue;
        const std::size_t value = collect.add(kind, **place, counted);
        if (!counted) continue;
        for (std::size_t sector : sector_values) {
          collect.add_pair(kind == kFacetCountry ? kPairSectorCountry : kPairSectorRegion, sector, value);
        }
      }
    }
  }
  const std::string& published = stored_published(doc, x);
  DocFacets out;
  collect.finish(published.empty() ? std::nullopt : std::optional(published), &out.tokens, &out.summary);
  return out;
}

Result<std::optional<SqliteStore::IndexRow>> SqliteStore::stored_index_row(std::int64_t document_id) {
  IndexRow out;
  out.document_id = document_id;
  {
    // Near-copies are not indexed (indexed_document).
    auto s = db_.statement(
        "SELECT title, text FROM documents WHERE id = :id "
        "AND NOT EXISTS (SELECT 1 FROM document_links l WHERE l.document_id = :id)");
    if (!s.is_ok()) return s.status();
    (*s)->bind_int(":id", document_id);
    auto row = (*s)->step();
    if (!row.is_ok()) return row.status();
    if (!*row) return std::optional<IndexRow>{};
    out.title = index_text((*s)->column_text(0));
    out.body = index_text((*s)->column_text(1));
  }
  auto evidence = indexed_evidence(document_id);
  if (!evidence.is_ok()) return evidence.status();
  std::vector<std::string_view> views(evidence->begin(), evidence->end());
  out.evidence = index_evidence(views);
  return std::optional<IndexRow>(std::move(out));
}

// The evidence the index holds for a document: its events' sentences, in
// order, a rejected event's left out.
Result<std::vector<std::string>> SqliteStore::indexed_evidence(std::int64_t document_id) {
  auto s = db_.statement(
      "SELECT evidence FROM events WHERE document_id = :id AND curation IS NOT 'rejected' ORDER BY position");
  if (!s.is_ok()) return s.status();
  (*s)->bind_int(":id", document_id);
  std::vector<std::string> evidence;
  for (;;) {
    auto row = (*s)->step();
    if (!row.is_ok()) return row.status();
    if (!*row) break;
    evidence.push_back((*s)->column_text(0));
  }
  return evidence;
}

Result<std::map<std::int64_t, SqliteStore::DocFacets>> SqliteStore::facets_of(const std::string& documents_sql,
                                                                              std::int64_t id) {
  std::vector<std::int64_t> documents;
  {
    auto s = db_.statement(documents_sql);
    if (!s.is_ok()) return s.status();
    (*s)->bind_int(":id", id);
    for (;;) {
      auto row = (*s)->step();
      if (!row.is_ok()) return row.status();
      if (!*row) break;
      documents.push_back((*s)->column_int(0));
    }
  }
  std::map<std::int64_t, DocFacets> out;
  for (std::int64_t document_id : documents) {
    auto f = document_facets(document_id);
    if (!f.is_ok()) return f.status();
    out.emplace(document_id, std::move(*f));
  }
  return out;
}

// The index is contentless: FTS5 removes a row only when given the values
// it was indexed with ('delete'), so the old row is written out again from
// the stored document with the facets it had. The text is the reindex's
// (stored_index_row); a status curated after indexing may leave an event's
// evidence words behind in the index, as before this rewrite, which only
// widens what a word finds. A changed summary alone (a rejected event, a
// new date) is an update of search_facets, which holds only indexed
// documents.
Status SqliteStore::refresh_facets(const std::map<std::int64_t, DocFacets>& before) {
  std::vector<IndexRow> rows;
  for (const auto& [document_id, old_facets] : before) {
    auto now = document_facets(document_id);
    if (!now.is_ok()) return now.status();
    if (*now == old_facets) continue;
    if (now->tokens == old_facets.tokens) {
      auto s = db_.statement("UPDATE search_facets SET summary = :summary WHERE document_id = :doc");
      if (!s.is_ok()) return s.status();
      (*s)->bind_blob(":summary", now->summary);
      (*s)->bind_int(":doc", document_id);
      PACTUM_RETURN_IF_ERROR((*s)->run());
      continue;
    }
    auto row = stored_index_row(document_id);
    if (!row.is_ok()) return row.status();
    if (!*row) continue;
    auto s = db_.statement(
        "INSERT INTO search_index(search_index, rowid, title, body, evidence, facets) "
        "VALUES ('delete', :doc, :title, :body, :evidence, :facets)");
    if (!s.is_ok()) return s.status();
    (*s)->bind_int(":doc", document_id);
    (*s)->bind_text(":title", (*row)->title);
    (*s)->bind_text(":body", (*row)->body);
    (*s)->bind_text(":evidence", (*row)->evidence);
    (*s)->bind_text(":facets", old_facets.tokens);
    PACTUM_RETURN_IF_ERROR((*s)->run());
    rows.push_back(std::move(**row));
  }
  return write_index_rows(rows);
}

Status SqliteStore::place_stored_event(std::int64_t event_id) {
  std::int64_t document_id = 0;
  std::string instrument, stage, date, curation;
  bool is_copy = false;
  {
    auto s = db_.statement(
        "SELECT e.document_id, e.instrument, e.stage, e.date, e.curation, "
        "EXISTS (SELECT 1 FROM document_links l WHERE l.document_id = e.document_id) "
        "FROM events e WHERE e.id = :id");
    if (!s.is_ok()) return s.status();
    (*s)->bind_int(":id", event_id);
    auto row = (*s)->step();
    if (!row.is_ok()) return row.status();
    if (!*row) return Status::not_found("event " + std::to_string(event_id));
    document_id = (*s)->column_int(0);
    instrument = (*s)->column_text(1);
    stage = (*s)->column_text(2);
    date = (*s)->column_text(3);
    curation = (*s)->column_text(4);
    is_copy = (*s)->column_int(5) != 0;
  }
  if (curation == "rejected") return Status::ok();
  std::vector<std::int64_t> actors;
  {
    auto s = db_.statement("SELECT actor_id FROM event_parties WHERE event_id = :id");
    if (!s.is_ok()) return s.status();
    (*s)->bind_int(":id", event_id);
    for (;;) {
      auto row = (*s)->step();
      if (!row.is_ok()) return row.status();
      if (!*row) break;
      actors.push_back((*s)->column_int(0));
    }
  }
  return place_event(event_id, document_id, actors, instrument, stage, date, is_copy);
}

Status SqliteStore::place_event(std::int64_t event_id, std::int64_t document_id,
                                const std::vector<std::int64_t>& actor_ids, const std::string& instrument,
                                const std::string& stage, const std::string& date, bool is_copy) {
  std::string key = kb::party_key(actor_ids);
  if (key.empty()) return Status::ok();
  // The party set's agreements as known so far, oldest first: from this
  // transaction's cache, else from the store.
  std::vector<kb::AgreementState> read;
  std::vector<kb::AgreementState>* cached = nullptr;
  if (write_cache_ != nullptr) {
    if (auto it = write_cache_->agreements.find(key); it != write_cache_->agreements.end()) cached = &it->second;
  }
  // Updated in place below: a failed write rolls the transaction (or the
  // document's savepoint, which clears the cache) back.
  std::vector<kb::AgreementState>& known = cached != nullptr ? *cached : read;
  if (cached == nullptr) {
    auto s = db_.statement("SELECT id, instrument FROM agreements WHERE party_key = :key ORDER BY id");
    if (!s.is_ok()) return s.status();
    (*s)->bind_text(":key", key);
    for (;;) {
      auto row = (*s)->step();
      if (!row.is_ok()) return row.status();
      if (!*row) break;
      known.push_back({(*s)->column_int(0), (*s)->column_text(1), {}});
    }
  }
  if (cached == nullptr && !known.empty()) {
    auto s = db_.statement(
        "SELECT c.id, c.agreement_id, c.stage, c.date FROM agreement_acts c "
        "JOIN agreements a ON a.id = c.agreement_id WHERE a.party_key = :key ORDER BY c.id");
    if (!s.is_ok()) return s.status();
    (*s)->bind_text(":key", key);
    for (;;) {
      auto row = (*s)->step();
      if (!row.is_ok()) return row.status();
      if (!*row) break;
      std::int64_t agreement_id = (*s)->column_int(1);
      for (auto& a : known) {
        if (a.id == agreement_id) a.acts.push_back({(*s)->column_int(0), (*s)->column_text(2), (*s)->column_text(3)});
      }
    }
  }
  kb::EventFact fact{event_id, instrument, stage, date};
  kb::Placement where = kb::place(fact, known);
  // What apply() may change of an agreement and act it reuses.
  std::string old_instrument, old_stage, old_date;
  if (where.agreement) {
    old_instrument = known[*where.agreement].instrument;
    if (where.act) {
      old_stage = known[*where.agreement].acts[*where.act].stage;
      old_date = known[*where.agreement].acts[*where.act].date;
    }
  }
  auto [ai, ci] = kb::apply(fact, where, known);
  kb::AgreementState& a = known[ai];
  if (!where.agreement) {
    // The new rowid without RETURNING (which buffers the row in an
    // ephemeral table), as for events.
    auto s = db_.statement("INSERT INTO agreements(party_key, instrument) VALUES (:key, :instrument)");
    if (!s.is_ok()) return s.status();
    (*s)->bind_text(":key", key);
    (*s)->bind_text(":instrument", a.instrument);
    PACTUM_RETURN_IF_ERROR((*s)->run());
    a.id = sqlite3_last_insert_rowid(db_.handle());
    std::set<std::int64_t> distinct(actor_ids.begin(), actor_ids.end());
    auto p = db_.statement("INSERT INTO agreement_parties(agreement_id, actor_id) VALUES (:a, :actor)");
    if (!p.is_ok()) return p.status();
    for (std::int64_t actor : distinct) {
      (*p)->reset();
      (*p)->bind_int(":a", a.id);
      (*p)->bind_int(":actor", actor);
      PACTUM_RETURN_IF_ERROR((*p)->run());
    }
  } else if (old_instrument != a.instrument) {
    auto s = db_.statement("UPDATE agreements SET instrument = :instrument WHERE id = :id");
    if (!s.is_ok()) return s.status();
    (*s)->bind_text(":instrument", a.instrument);
    (*s)->bind_int(":id", a.id);
    PACTUM_RETURN_IF_ERROR((*s)->run());
  }
  kb::ActState& act = a.acts[ci];
  if (!where.act) {
    auto s = db_.statement("INSERT INTO agreement_acts(agreement_id, stage, date) VALUES (:a, :stage, :date)");
    if (!s.is_ok()) return s.status();
    (*s)->bind_int(":a", a.id);
    (*s)->bind_text(":stage", act.stage);
    (*s)->bind_text_or_null(":date", act.date);
    PACTUM_RETURN_IF_ERROR((*s)->run());
    act.id = sqlite3_last_insert_rowid(db_.handle());
  } else {
    if (old_stage != act.stage || old_date != act.date) {
      auto s = db_.statement("UPDATE agreement_acts SET stage = :stage, date = :date WHERE id = :id");
      if (!s.is_ok()) return s.status();
      (*s)->bind_text(":stage", act.stage);
      (*s)->bind_text_or_null(":date", act.date);
      (*s)->bind_int(":id", act.id);
      PACTUM_RETURN_IF_ERROR((*s)->run());
    }
  }
  auto s = db_.statement(
      "INSERT OR REPLACE INTO agreement_events(event_id, agreement_id, act_id, document_id, is_copy) "
      "VALUES (:event, :a, :act, :doc, :copy)");
  if (!s.is_ok()) return s.status();
  (*s)->bind_int(":event", event_id);
  (*s)->bind_int(":a", a.id);
  (*s)->bind_int(":act", act.id);
  (*s)->bind_int(":doc", document_id);
  (*s)->bind_int(":copy", is_copy ? 1 : 0);
  PACTUM_RETURN_IF_ERROR((*s)->run());
  // New rows get ids above every stored one, so appended agreements and
  // acts keep the id order the queries above return.
  if (write_cache_ != nullptr && cached == nullptr) write_cache_->agreements.emplace(std::move(key), std::move(read));
  return Status::ok();
}

// Recomputes one party set's agreements from its events in id order (after
// a curation changed one of them); `also_event` joins the set if it left it.
Status SqliteStore::replace_party_set(const std::string& key, std::int64_t also_event) {
  std::set<std::int64_t> events{also_event};
  {
    auto s = db_.statement(
        "SELECT ae.event_id FROM agreement_events ae JOIN agreements a ON a.id = ae.agreement_id "
        "WHERE a.party_key = :key");
    if (!s.is_ok()) return s.status();
    (*s)->bind_text(":key", key);
    for (;;) {
      auto row = (*s)->step();
      if (!row.is_ok()) return row.status();
      if (!*row) break;
      events.insert((*s)->column_int(0));
    }
  }
  {
    auto s = db_.statement("DELETE FROM agreements WHERE party_key = :key");
    if (!s.is_ok()) return s.status();
    (*s)->bind_text(":key", key);
    PACTUM_RETURN_IF_ERROR((*s)->run());
  }
  {
    auto s = db_.statement("DELETE FROM agreement_events WHERE event_id = :id");
    if (!s.is_ok()) return s.status();
    (*s)->bind_int(":id", also_event);
    PACTUM_RETURN_IF_ERROR((*s)->run());
  }
  for (std::int64_t id : events) PACTUM_RETURN_IF_ERROR(place_stored_event(id));
  return Status::ok();
}

Status SqliteStore::rebuild_agreements() {
  PACTUM_RETURN_IF_ERROR(db_.exec("DELETE FROM agreement_events; DELETE FROM agreements;"));
  std::vector<std::int64_t> ids;
  {
    auto s = db_.statement("SELECT id FROM events WHERE curation IS NOT 'rejected' ORDER BY id");
    if (!s.is_ok()) return s.status();
    for (;;) {
      auto row = (*s)->step();
      if (!row.is_ok()) return row.status();
      if (!*row) break;
      ids.push_back((*s)->column_int(0));
    }
  }
  for (std::int64_t id : ids) PACTUM_RETURN_IF_ERROR(place_stored_event(id));
  return Status::ok();
}

Status SqliteStore::rebuild_locked() {
  PACTUM_RETURN_IF_ERROR(
      db_.exec("DELETE FROM document_links; DELETE FROM document_fingerprints; DELETE FROM document_bands;"));
  PACTUM_RETURN_IF_ERROR(clear_search_index());
  // Name keys of every actor's name and aliases (kept: curated merges).
  PACTUM_RETURN_IF_ERROR(db_.exec("DELETE FROM actor_name_keys"));
  {
    std::vector<std::pair<std::int64_t, std::string>> names;
    {
      auto s = db_.statement("SELECT id, name FROM actors UNION ALL SELECT actor_id, alias FROM actor_aliases");
      if (!s.is_ok()) return s.status();
      for (;;) {
        auto row = (*s)->step();
        if (!row.is_ok()) return row.status();
        if (!*row) break;
        names.emplace_back((*s)->column_int(0), (*s)->column_text(1));
      }
    }
    for (const auto& [id, name] : names) PACTUM_RETURN_IF_ERROR(add_name_key(id, name));
  }
  struct Doc {
    std::int64_t id;
    std::string title, text, language;
  };
  std::vector<std::int64_t> doc_ids;
  {
    auto s = db_.statement("SELECT id FROM documents ORDER BY id");
    if (!s.is_ok()) return s.status();
    for (;;) {
      auto row = (*s)->step();
      if (!row.is_ok()) return row.status();
      if (!*row) break;
      doc_ids.push_back((*s)->column_int(0));
    }
  }
  for (std::int64_t id : doc_ids) {
    Doc d{id, "", "", ""};
    {
      auto s = db_.statement("SELECT title, text, language FROM documents WHERE id = :id");
      if (!s.is_ok()) return s.status();
      (*s)->bind_int(":id", id);
      auto row = (*s)->step();
      if (!row.is_ok()) return row.status();
      if (!*row) continue;
      d.title = (*s)->column_text(0);
      d.text = (*s)->column_text(1);
      d.language = (*s)->column_text(2);
    }
    PreparedDocument near;
    near.signature = kb::signature(d.text, d.language);
    prepare_near_copy_rows(near);
    auto copy = link_near_duplicate(id, near);
    if (!copy.is_ok()) return copy.status();
    if (!indexed_document(*copy)) continue;
    auto evidence = indexed_evidence(id);
    if (!evidence.is_ok()) return evidence.status();
    PACTUM_RETURN_IF_ERROR(index_document(id, d.title, index_text(d.text), *evidence));
  }
  PACTUM_RETURN_IF_ERROR(rebuild_agreements());
  return db_.exec("DELETE FROM kb_state WHERE key = 'rebuild_needed'");
}

Status SqliteStore::clear_search_index() {
  return db_.exec("INSERT INTO search_index(search_index) VALUES ('delete-all'); DELETE FROM search_facets;");
}

// The documents the index holds: near-copies are not indexed (indexed_document).
Result<std::vector<std::int64_t>> indexed_document_ids(Db& db) {
  auto s = db.statement("SELECT id FROM documents WHERE id NOT IN (SELECT document_id FROM document_links) ORDER BY id");
  if (!s.is_ok()) return s.status();
  std::vector<std::int64_t> out;
  for (;;) {
    auto row = (*s)->step();
    if (!row.is_ok()) return row.status();
    if (!*row) break;
    out.push_back((*s)->column_int(0));
  }
  return out;
}

Status SqliteStore::reindex_locked() {
  PACTUM_RETURN_IF_ERROR(clear_search_index());
  auto doc_ids = indexed_document_ids(db_);
  if (!doc_ids.is_ok()) return doc_ids.status();
  for (std::int64_t id : *doc_ids) {
    auto row = stored_index_row(id);
    if (!row.is_ok()) return row.status();
    if (*row) PACTUM_RETURN_IF_ERROR(index_row(std::move(**row)));
  }
  return Status::ok();
}

Status SqliteStore::fill_search_facets() {
  PACTUM_RETURN_IF_ERROR(db_.exec("DELETE FROM search_facets"));
  auto doc_ids = indexed_document_ids(db_);
  if (!doc_ids.is_ok()) return doc_ids.status();
  auto s = db_.statement("INSERT INTO search_facets(document_id, summary) VALUES (:doc, :summary)");
  if (!s.is_ok()) return s.status();
  for (std::int64_t id : *doc_ids) {
    auto f = document_facets(id);
    if (!f.is_ok()) return f.status();
    (*s)->reset();
    (*s)->bind_int(":doc", id);
    (*s)->bind_blob(":summary", f->summary);
    PACTUM_RETURN_IF_ERROR((*s)->run());
  }
  return Status::ok();
}

Status SqliteStore::rebuild_knowledge_base() {
  std::lock_guard lock(mu_);
  auto tx = Transaction::begin(db_, Transaction::Mode::kWrite);
  if (!tx.is_ok()) return tx.status();
  PACTUM_RETURN_IF_ERROR(rebuild_locked());
  return tx->commit();
}

Status SqliteStore::rebuild_if_needed() {
  std::lock_guard lock(mu_);
  // Each a superset of the next: a KB rebuild reindexes, a reindex writes
  // search_facets.
  constexpr const char* kDone =
      "DELETE FROM kb_state WHERE key IN ('rebuild_needed', 'reindex_needed', 'search_facets_needed')";
  auto needed = db_.query_int("SELECT count(*) FROM kb_state WHERE key = 'rebuild_needed'");
  if (!needed.is_ok()) return needed.status();
  if (*needed == 0) {
    // Migration 8: the index of a store written before it holds its
    // near-copies; the search index alone is rebuilt without them.
    auto reindex = db_.query_int("SELECT count(*) FROM kb_state WHERE key = 'reindex_needed'");
    if (!reindex.is_ok()) return reindex.status();
    // Migration 10: search_facets alone.
    auto facets = db_.query_int("SELECT count(*) FROM kb_state WHERE key = 'search_facets_needed'");
    if (!facets.is_ok()) return facets.status();
    if (*reindex == 0 && *facets == 0) return Status::ok();
    auto tx = Transaction::begin(db_, Transaction::Mode::kWrite);
    if (!tx.is_ok()) return tx.status();
    PACTUM_RETURN_IF_ERROR(*reindex != 0 ? reindex_locked() : fill_search_facets());
    PACTUM_RETURN_IF_ERROR(db_.exec(kDone));
    return tx->commit();
  }
  auto tx = Transaction::begin(db_, Transaction::Mode::kWrite);
  if (!tx.is_ok()) return tx.status();
  PACTUM_RETURN_IF_ERROR(rebuild_locked());
  PACTUM_RETURN_IF_ERROR(db_.exec(kDone));
  return tx->commit();
}

// ---- knowledge base: reads -------------------------------------------------

Result<AgreementRecord> SqliteStore::load_agreement(std::int64_t id) {
  AgreementRecord r;
  {
    auto s = db_.statement("SELECT id, instrument FROM agreements WHERE id = :id");
    if (!s.is_ok()) return s.status();
    (*s)->bind_int(":id", id);
    auto row = (*s)->step();
    if (!row.is_ok()) return row.status();
    if (!*row) return Status::not_found("agreement " + std::to_string(id));
    r.id = (*s)->column_int(0);
    r.instrument = (*s)->column_text(1);
  }
  {
    auto s = db_.statement(
        "SELECT a.id, a.key, a.name, a.kind, a.country, a.subdivision FROM agreement_parties p "
        "JOIN actors a ON a.id = p.actor_id WHERE p.agreement_id = :id ORDER BY a.name, a.id");
    if (!s.is_ok()) return s.status();
    (*s)->bind_int(":id", id);
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
      r.parties.push_back(std::move(a));
    }
  }
  {
    auto s = db_.statement(
        "SELECT id, stage, date FROM agreement_acts WHERE agreement_id = :id "
        "ORDER BY date_lo IS NULL, date_lo, id");
    if (!s.is_ok()) return s.status();
    (*s)->bind_int(":id", id);
    for (;;) {
      auto row = (*s)->step();
      if (!row.is_ok()) return row.status();
      if (!*row) break;
      r.timeline.push_back({(*s)->column_int(0), (*s)->column_text(1), (*s)->column_text(2), {}, {}});
      const std::string& date = r.timeline.back().date;
      if (!date.empty()) {
        if (r.first_date.empty()) r.first_date = date;
        r.last_date = date;
      }
    }
  }
  std::set<std::int64_t> sources, copies;
  {
    auto s = db_.statement(
        "SELECT event_id, act_id, document_id, is_copy FROM agreement_events WHERE agreement_id = :id "
        "ORDER BY event_id");
    if (!s.is_ok()) return s.status();
    (*s)->bind_int(":id", id);
    for (;;) {
      auto row = (*s)->step();
      if (!row.is_ok()) return row.status();
      if (!*row) break;
      std::int64_t event = (*s)->column_int(0), act = (*s)->column_int(1), doc = (*s)->column_int(2);
      bool copy = (*s)->column_int(3) != 0;
      (copy ? copies : sources).insert(doc);
      for (auto& a : r.timeline) {
        if (a.id != act) continue;
        a.event_ids.push_back(event);
        if (!copy && std::find(a.document_ids.begin(), a.document_ids.end(), doc) == a.document_ids.end()) {
          a.document_ids.push_back(doc);
        }
      }
    }
  }
  for (std::int64_t d : sources) copies.erase(d);
  r.sources.assign(sources.begin(), sources.end());
  r.copies.assign(copies.begin(), copies.end());
  {
    auto s = db_.statement(
        "SELECT s.sector, count(*) FROM agreement_events ae JOIN event_sectors s ON s.event_id = ae.event_id "
        "WHERE ae.agreement_id = :id GROUP BY s.sector ORDER BY 2 DESC, 1");
    if (!s.is_ok()) return s.status();
    (*s)->bind_int(":id", id);
    for (;;) {
      auto row = (*s)->step();
      if (!row.is_ok()) return row.status();
      if (!*row) break;
      r.sectors.push_back((*s)->column_text(0));
    }
  }
  {
    auto s = db_.statement(
        "SELECT DISTINCT d.language FROM agreement_events ae JOIN documents d ON d.id = ae.document_id "
        "WHERE ae.agreement_id = :id AND ae.is_copy = 0 AND d.language IS NOT NULL ORDER BY 1");
    if (!s.is_ok()) return s.status();
    (*s)->bind_int(":id", id);
    for (;;) {
      auto row = (*s)->step();
      if (!row.is_ok()) return row.status();
      if (!*row) break;
      r.languages.push_back((*s)->column_text(0));
    }
  }
  return r;
}

Result<AgreementRecord> SqliteStore::agreement(std::int64_t id) {
  std::lock_guard lock(mu_);
  auto tx = Transaction::begin(db_, Transaction::Mode::kRead);
  if (!tx.is_ok()) return tx.status();
  auto r = load_agreement(id);
  if (!r.is_ok()) return r.status();
  PACTUM_RETURN_IF_ERROR(tx->commit());
  return r;
}

Result<std::int64_t> SqliteStore::agreement_of_event(std::int64_t event_id) {
  std::lock_guard lock(mu_);
  auto s = db_.statement("SELECT agreement_id FROM agreement_events WHERE event_id = :id");
  if (!s.is_ok()) return s.status();
  (*s)->bind_int(":id", event_id);
  auto row = (*s)->step();
  if (!row.is_ok()) return row.status();
  if (!*row) return Status::not_found("event " + std::to_string(event_id) + " belongs to no agreement");
  return (*s)->column_int(0);
}

Result<std::optional<DocumentLink>> SqliteStore::original_of(std::int64_t document_id) {
  std::lock_guard lock(mu_);
  auto s = db_.statement("SELECT original_id, similarity FROM document_links WHERE document_id = :id");
  if (!s.is_ok()) return s.status();
  (*s)->bind_int(":id", document_id);
  auto row = (*s)->step();
  if (!row.is_ok()) return row.status();
  if (!*row) return std::optional<DocumentLink>();
  return std::optional<DocumentLink>(
      DocumentLink{document_id, (*s)->column_int(0), (*s)->column_double(1)});
}

Result<std::vector<AgreementRecord>> SqliteStore::agreements(const AgreementFilter& f) {
  if (f.party && f.party->empty()) return Status::invalid_argument("party filter is empty");
  PACTUM_RETURN_IF_ERROR(check_dates(f.since, f.until));
  std::string sql =
      "SELECT g.id, (SELECT max(c.date_lo) FROM agreement_acts c WHERE c.agreement_id = g.id) AS last "
      "FROM agreements g WHERE 1";
  if (f.party) {
    sql += std::string(" AND g.id IN (SELECT p.agreement_id FROM agreement_parties p WHERE p.actor_id IN (") +
           kPartyActors + "))";
  }
  if (f.country) {
    sql += " AND g.id IN (SELECT p.agreement_id FROM agreement_parties p JOIN actors a ON a.id = p.actor_id "
           "WHERE a.country = :country)";
  }
  if (f.region) {
    sql += " AND g.id IN (SELECT p.agreement_id FROM agreement_parties p JOIN actors a ON a.id = p.actor_id "
           "WHERE a.subdivision = :region)";
  }
  if (f.sector) {
    sql += " AND g.id IN (SELECT ae.agreement_id FROM agreement_events ae JOIN event_sectors s "
           "ON s.event_id = ae.event_id WHERE s.sector = :sector)";
  }
  if (f.instrument) sql += " AND g.instrument = :instrument";
  if (f.stage || f.since || f.until) {
    sql += " AND EXISTS (SELECT 1 FROM agreement_acts c WHERE c.agreement_id = g.id";
    if (f.stage) sql += " AND c.stage = :stage";
    if (f.since) sql += " AND c.date_lo >= :since";
    if (f.until) sql += " AND c.date_hi <= :until";
    sql += ")";
  }
  if (f.language) {
    sql += " AND g.id IN (SELECT ae.agreement_id FROM agreement_events ae JOIN documents d "
           "ON d.id = ae.document_id WHERE ae.is_copy = 0 AND d.language = :language)";
  }
  sql += " ORDER BY last IS NULL, last, g.id";
  if (f.limit > 0) sql += " LIMIT :limit";

  std::lock_guard lock(mu_);
  auto tx = Transaction::begin(db_, Transaction::Mode::kRead);
  if (!tx.is_ok()) return tx.status();
  std::vector<std::int64_t> ids;
  {
    auto s = db_.statement(sql);
    if (!s.is_ok()) return s.status();
    bind_filter(**s, f);
    if (f.limit > 0) (*s)->bind_int(":limit", to_int64(f.limit));
    PACTUM_RETURN_IF_ERROR(sqlite::each_row(**s, [&](const sqlite::Statement& row) {
      ids.push_back(row.column_int(0));
    }));
  }
  std::vector<AgreementRecord> out;
  for (std::int64_t id : ids) {
    auto r = load_agreement(id);
    if (!r.is_ok()) return r.status();
    out.push_back(std::move(*r));
  }
  PACTUM_RETURN_IF_ERROR(tx->commit());
  return out;
}

// ---- curation ----------------------------------------------------------------

Result<std::int64_t> SqliteStore::log_curation(const CurationEntry& e) {
  auto s = db_.statement(
      "INSERT INTO curation_log(author, target, target_id, action, field, old_value, new_value, note) "
      "VALUES (:author, :target, :id, :action, :field, :old, :new, :note) RETURNING id");
  if (!s.is_ok()) return s.status();
  (*s)->bind_text(":author", e.author);
  (*s)->bind_text(":target", e.target);
  (*s)->bind_int(":id", e.target_id);
  (*s)->bind_text(":action", e.action);
  (*s)->bind_text_or_null(":field", e.field);
  (*s)->bind_text_or_null(":old", e.old_value);
  (*s)->bind_text_or_null(":new", e.new_value);
  (*s)->bind_text_or_null(":note", e.note);
  auto row = (*s)->step();
  if (!row.is_ok()) return row.status();
  if (!*row) return Status::internal("INSERT ... RETURNING gave no row");
  return (*s)->column_int(0);
}

Result<std::vector<CurationEntry>> SqliteStore::read_log(const std::string& where, std::int64_t arg,
                                                         std::size_t limit) {
  std::string sql =
      "SELECT id, at, author, target, target_id, action, field, old_value, new_value, note FROM curation_log " +
      where + " ORDER BY id DESC";
  if (limit > 0) sql += " LIMIT " + std::to_string(limit);
  auto s = db_.statement(sql);
  if (!s.is_ok()) return s.status();
  if (!where.empty()) (*s)->bind_int(":arg", arg);
  return sqlite::read_rows(**s, [](const sqlite::Statement& row) {
    CurationEntry e;
    e.id = row.column_int(0);
    e.at = row.column_text(1);
    e.author = row.column_text(2);
    e.target = row.column_text(3);
    e.target_id = row.column_int(4);
    e.action = row.column_text(5);
    e.field = row.column_text(6);
    e.old_value = row.column_text(7);
    e.new_value = row.column_text(8);
    e.note = row.column_text(9);
    return e;
  });
}

Result<std::vector<CurationEntry>> SqliteStore::curation_log(std::size_t limit) {
  std::lock_guard lock(mu_);
  auto tx = Transaction::begin(db_, Transaction::Mode::kRead);
  if (!tx.is_ok()) return tx.status();
  auto out = read_log("", 0, limit);
  if (!out.is_ok()) return out.status();
  PACTUM_RETURN_IF_ERROR(tx->commit());
  return out;
}

// The refusal of an edit made on a stale version of an event, naming the
// latest change (from the curation log) so the editor knows what to re-read.
Status version_conflict(Db& db, std::int64_t event_id, std::int64_t read, std::int64_t now) {
  std::string last;
  auto s = db.statement(
      "SELECT author, at, field, new_value FROM curation_log WHERE target = 'event' AND target_id = :id "
      "ORDER BY id DESC LIMIT 1");
  if (s.is_ok()) {
    (*s)->bind_int(":id", event_id);
    auto row = (*s)->step();
    if (row.is_ok() && *row) {
      last = (*s)->column_text(0) + " at " + (*s)->column_text(1) + " (" + (*s)->column_text(2) + " = '" +
             (*s)->column_text(3) + "')";
    }
  }
  return stale_event_version(event_id, read, now, last);
}

Result<std::vector<CurationEntry>> SqliteStore::curate_event(std::int64_t event_id, const EventCuration& c) {
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
  std::int64_t begin = 0, end = 0;
  std::map<std::string, std::string> current;
  std::int64_t version = 0;
  {
    auto s = db_.statement(
        "SELECT d.content_hash, e.evidence_begin, e.evidence_end, e.instrument, e.stage, e.date, "
        "e.duration_years, e.curation, (SELECT group_concat(sector, ',') FROM "
        "(SELECT sector FROM event_sectors WHERE event_id = e.id ORDER BY position)), e.version "
        "FROM events e JOIN documents d ON d.id = e.document_id WHERE e.id = :id");
    if (!s.is_ok()) return s.status();
    (*s)->bind_int(":id", event_id);
    auto row = (*s)->step();
    if (!row.is_ok()) return row.status();
    if (!*row) return Status::not_found("event " + std::to_string(event_id));
    hash = (*s)->column_text(0);
    begin = (*s)->column_int(1);
    end = (*s)->column_int(2);
    current = {{"instrument", (*s)->column_text(3)}, {"stage", (*s)->column_text(4)},
               {"date", (*s)->column_text(5)},       {"duration_years", (*s)->column_text(6)},
               {"status", (*s)->column_text(7)},     {"sectors", (*s)->column_text(8)}};
    version = (*s)->column_int(9);
  }
  // Read inside the write transaction, so no other edit can slip in between.
  if (c.if_version && *c.if_version != version) return version_conflict(db_, event_id, *c.if_version, version);
  if (c.status) set.emplace_back("status", *c.status);
  // A changed sector, instrument or stage changes the document's facet tokens.
  auto facets_before = facets_of("SELECT document_id FROM events WHERE id = :id", event_id);
  if (!facets_before.is_ok()) return facets_before.status();
  std::vector<std::int64_t> logged;
  for (const auto& [field, value] : set) {
    // Recorded even when unchanged: the curator's word now outranks a later
    // extraction of this event.
    {
      auto s = db_.statement(
          "INSERT INTO event_overrides(content_hash, evidence_begin, evidence_end, field, value) "
          "VALUES (:hash, :begin, :end, :field, :value) "
          "ON CONFLICT(content_hash, evidence_begin, evidence_end, field) DO UPDATE SET value = excluded.value");
      if (!s.is_ok()) return s.status();
      (*s)->bind_text(":hash", hash);
      (*s)->bind_int(":begin", begin);
      (*s)->bind_int(":end", end);
      (*s)->bind_text(":field", field);
      (*s)->bind_text(":value", value);
      PACTUM_RETURN_IF_ERROR((*s)->run());
    }
    if (current[field] == value) continue;
    if (field == "sectors") {
      {
        auto s = db_.statement("DELETE FROM event_sectors WHERE event_id = :id");
        if (!s.is_ok()) return s.status();
        (*s)->bind_int(":id", event_id);
        PACTUM_RETURN_IF_ERROR((*s)->run());
      }
      auto s = db_.statement("INSERT OR IGNORE INTO event_sectors(event_id, sector, position) VALUES (:id, :sector, :pos)");
      if (!s.is_ok()) return s.status();
      std::size_t at = 0, pos = 0;
      while (at < value.size()) {
        std::size_t comma = value.find(',', at);
        if (comma == std::string::npos) comma = value.size();
        (*s)->reset();
        (*s)->bind_int(":id", event_id);
        (*s)->bind_text(":sector", value.substr(at, comma - at));
        (*s)->bind_int(":pos", to_int64(pos++));
        PACTUM_RETURN_IF_ERROR((*s)->run());
        at = comma + 1;
      }
    } else {
      // The column name comes from check_curated_field()'s closed list, not from input.
      std::string column = field == "status" ? "curation" : field;
      auto s = db_.statement("UPDATE events SET " + column + " = :value WHERE id = :id");
      if (!s.is_ok()) return s.status();
      if (value.empty()) {
        (*s)->bind_null(":value");
      } else if (field == "duration_years") {
        (*s)->bind_int(":value", std::stoll(value));
      } else {
        (*s)->bind_text(":value", value);
      }
      (*s)->bind_int(":id", event_id);
      PACTUM_RETURN_IF_ERROR((*s)->run());
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
    {
      auto s = db_.statement("UPDATE events SET version = version + 1 WHERE id = :id");
      if (!s.is_ok()) return s.status();
      (*s)->bind_int(":id", event_id);
      PACTUM_RETURN_IF_ERROR((*s)->run());
    }
    std::vector<std::int64_t> actors;
    {
      auto s = db_.statement("SELECT actor_id FROM event_parties WHERE event_id = :id");
      if (!s.is_ok()) return s.status();
      (*s)->bind_int(":id", event_id);
      for (;;) {
        auto row = (*s)->step();
        if (!row.is_ok()) return row.status();
        if (!*row) break;
        actors.push_back((*s)->column_int(0));
      }
    }
    std::string key = kb::party_key(actors);
    if (!key.empty()) PACTUM_RETURN_IF_ERROR(replace_party_set(key, event_id));
    PACTUM_RETURN_IF_ERROR(refresh_facets(*facets_before));
  }
  std::vector<CurationEntry> out;
  for (std::int64_t id : logged) {
    auto e = read_log("WHERE id = :arg", id, 1);
    if (!e.is_ok()) return e.status();
    out.insert(out.end(), e->begin(), e->end());
  }
  PACTUM_RETURN_IF_ERROR(tx->commit());
  return out;
}

Result<CurationEntry> SqliteStore::merge_actors(const std::string& keep, const std::string& absorb,
                                                const std::string& author, const std::string& note) {
  if (author.empty()) return Status::invalid_argument("a curation needs an author");
  std::lock_guard lock(mu_);
  auto tx = Transaction::begin(db_, Transaction::Mode::kWrite);
  if (!tx.is_ok()) return tx.status();
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
  std::int64_t k = **keep_id, a = **absorb_id;
  auto run = [&](const std::string& sql) -> Status {
    auto s = db_.statement(sql);
    if (!s.is_ok()) return s.status();
    if (sql.find(":keep") != std::string::npos) (*s)->bind_int(":keep", k);
    (*s)->bind_int(":absorb", a);
    return (*s)->run();
  };
  // The absorbed actor's documents take the kept one's country and subdivision.
  auto facets_before = facets_of(
      "SELECT DISTINCT e.document_id FROM event_parties p JOIN events e ON e.id = p.event_id WHERE p.actor_id = :id", a);
  if (!facets_before.is_ok()) return facets_before.status();
  PACTUM_RETURN_IF_ERROR(run("UPDATE event_parties SET actor_id = :keep WHERE actor_id = :absorb"));
  PACTUM_RETURN_IF_ERROR(run(
      "INSERT OR IGNORE INTO actor_aliases(actor_id, alias, alias_folded) "
      "SELECT :keep, alias, alias_folded FROM actor_aliases WHERE actor_id = :absorb "
      "UNION ALL SELECT :keep, name, name_folded FROM actors WHERE id = :absorb"));
  PACTUM_RETURN_IF_ERROR(run(
      "INSERT OR IGNORE INTO actor_name_keys(name_key, actor_id) "
      "SELECT name_key, :keep FROM actor_name_keys WHERE actor_id = :absorb"));
  PACTUM_RETURN_IF_ERROR(run("UPDATE actor_redirects SET actor_id = :keep WHERE actor_id = :absorb"));
  PACTUM_RETURN_IF_ERROR(run(
      "INSERT OR REPLACE INTO actor_redirects(key, actor_id) SELECT key, :keep FROM actors WHERE id = :absorb"));
  PACTUM_RETURN_IF_ERROR(run("DELETE FROM agreement_parties WHERE actor_id = :absorb"));
  PACTUM_RETURN_IF_ERROR(run("DELETE FROM actors WHERE id = :absorb"));
  // Party sets changed: recompute every agreement (curation is rare; a
  // targeted recomputation would touch only the absorbed actor's sets).
  PACTUM_RETURN_IF_ERROR(rebuild_agreements());
  PACTUM_RETURN_IF_ERROR(refresh_facets(*facets_before));
  CurationEntry e;
  e.author = author;
  e.target = "actor";
  e.target_id = k;
  e.action = "merge";
  e.field = "actor";
  e.old_value = gone->name + " (" + gone->key + ")";
  e.new_value = kept->name + " (" + kept->key + ")";
  e.note = note;
  auto id = log_curation(e);
  if (!id.is_ok()) return id.status();
  auto back = read_log("WHERE id = :arg", *id, 1);
  if (!back.is_ok()) return back.status();
  PACTUM_RETURN_IF_ERROR(tx->commit());
  return back->front();
}

// ---- search ------------------------------------------------------------------

// An FTS5 expression restricted to the text columns, so that no typed word
// matches a facet token (facet_token). Only a phrase with a word that starts
// as a facet token does ('0') needs it (facet_guard): a column filter makes
// FTS5 copy and filter the position list of every match, which cost a
// cross-lingual query of many phrases ~15 % more instructions and up to
// twice the time at 1,000,000 documents when it wrapped the whole query.
std::string text_columns(const std::string& match) { return "{title body evidence} : (" + match + ")"; }
std::string facet_guard(const std::vector<std::string>& tokens) {
  for (const std::string& t : tokens) {
    if (!t.empty() && t.front() == '0') return "{title body evidence} : ";
  }
  return "";
}

// FTS5 syntax for a TextQuery: phrases in double quotes (quotes doubled
// inside), '*' after a prefix phrase, OR within a clause, AND between.
std::string fts_expression(const TextQuery& q) {
  std::string out;
  for (const auto& clause : q.all_of) {
    std::string alts;
    for (const auto& alt : clause) {
      std::string phrase;
      for (const auto& w : alt.words) {
        if (w.empty()) continue;
        phrase += phrase.empty() ? "" : " ";
        for (char c : w) {
          if (c == '"') phrase += '"';
          phrase += c;
        }
      }
      if (phrase.empty()) continue;
      alts += (alts.empty() ? "" : " OR ") + ("\"" + phrase + "\"") + (alt.prefix ? " *" : "");
    }
    if (alts.empty()) continue;
    out += (out.empty() ? "" : " AND ") + ("(" + alts + ")");
  }
  return out;
}

// fts_expression(), except that a prefix phrase whose prefix covers at most
// kMaxPrefixTerms terms of the vocabulary is written as those terms, one
// phrase each ("wasserstoff" * -> "wasserstoff" OR "wasserstoffs" OR ...).
// The same documents match, but FTS5 reads exact terms lazily, newest first,
// where a prefix makes it merge the whole doclist of every term under it
// before the first row (at 1,000,000 documents, 100 ms CPU for "hydrogen"
// in 11 languages against under 1 ms). `groups` tells pactum_rank which
// phrases stand for one alternative, so the ranking is the prefix's own
// (fts_rank.h). An alternative the tokenizer makes nothing of (punctuation
// alone) leaves the whole query to fts_expression(), as before.
Result<SqliteStore::Expression> SqliteStore::expression(const TextQuery& q) {
  auto tok = index_tokenizer();
  if (!tok.is_ok()) return tok.status();
  auto terms = db_.statement("SELECT term FROM search_terms WHERE term >= :lo AND term < :hi ORDER BY term LIMIT " +
                             std::to_string(sqlite::kMaxPrefixTerms + 1));
  if (!terms.is_ok()) return terms.status();
  Expression out;
  int group = 0;
  auto quoted = [](const std::vector<std::string>& words, std::string_view last) {
    std::vector<std::string> all(words.begin(), words.end() - (words.empty() ? 0 : 1));
    all.emplace_back(last);
    std::string phrase = facet_guard(all) + "\"";
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (i > 0) phrase += ' ';
      for (char c : i + 1 == words.size() ? std::string(last) : words[i]) phrase += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    return phrase + "\"";
  };
  for (const auto& clause : q.all_of) {
    std::string alts;
    for (const auto& alt : clause) {
      std::string text;
      for (const auto& w : alt.words) text += (text.empty() ? "" : " ") + w;
      if (text.empty()) continue;
      const std::vector<std::string> tokens = (*tok)->tokens(text);
      if (tokens.empty()) return Expression{text_columns(fts_expression(q)), "", {}};
      std::vector<std::string> covered;
      if (alt.prefix) {
        (*terms)->reset();
        (*terms)->bind_text(":lo", tokens.back());
        (*terms)->bind_text(":hi", tokens.back() + "\xff");  // no UTF-8 byte is 0xFF
        for (;;) {
          auto row = (*terms)->step();
          if (!row.is_ok()) return row.status();
          if (!*row) break;
          covered.push_back((*terms)->column_text(0));
        }
      }
      const std::string g = std::to_string(group++) + " ";
      std::string own;
      if (covered.empty() || covered.size() > sqlite::kMaxPrefixTerms) {
        own = quoted(tokens, tokens.back()) + (alt.prefix ? " *" : "");
        out.groups += g;
      } else {
        for (const std::string& term : covered) {
          own += (own.empty() ? "" : " OR ") + quoted(tokens, term);
          out.groups += g;
        }
      }
      alts += (alts.empty() ? "" : " OR ") + own;
      out.group_match.push_back(std::move(own));
    }
    if (alts.empty()) continue;
    out.match += (out.match.empty() ? "" : " AND ") + ("(" + alts + ")");
  }
  return out;
}

// FTS5's own xQueryPhrase, which pactum_rank would otherwise count them
// with, opens a cursor per phrase; a count here is one query per group,
// and a frequent query's groups are counted once until the store changes.
// The caller holds mu_ and a read transaction.
Result<std::string> SqliteStore::group_frequencies(const Expression& e) {
  auto version = db_.statement("PRAGMA data_version");
  if (!version.is_ok()) return version.status();
  auto row = (*version)->step();
  if (!row.is_ok()) return row.status();
  const std::pair<std::int64_t, std::int64_t> stamp{*row ? (*version)->column_int(0) : -1,
                                                    sqlite3_total_changes64(db_.handle())};
  if (stamp != group_df_stamp_ || group_df_.size() > 4096) {
    group_df_.clear();
    group_df_stamp_ = stamp;
  }
  auto count = db_.statement("SELECT count(*) FROM (SELECT 1 FROM search_index WHERE search_index MATCH :match LIMIT " +
                             std::to_string(sqlite::kRankDfCap) + ")");
  if (!count.is_ok()) return count.status();
  std::string out;
  for (const std::string& m : e.group_match) {
    auto at = group_df_.find(m);
    if (at == group_df_.end()) {
      (*count)->reset();
      (*count)->bind_text(":match", m);
      auto r = (*count)->step();
      if (!r.is_ok()) {
        // FTS5 rejects some expressions (a lone stop character); say it is the query.
        if (r.status().code() == StatusCode::kInternal) return Status::invalid_argument("bad query: " + r.status().message());
        return r.status();
      }
      at = group_df_.emplace(m, *r ? (*count)->column_int(0) : 0).first;
    }
    out += (out.empty() ? "" : " ") + std::to_string(at->second);
  }
  return out;
}

Result<std::vector<EventRecord>> SqliteStore::document_events(std::int64_t document_id) {
  std::vector<EventRecord> out;
  {
    auto s = db_.statement(std::string("SELECT ") + kEventColumns +
                           " FROM events e JOIN documents d ON d.id = e.document_id "
                           "WHERE e.document_id = :doc AND e.curation IS NOT 'rejected' ORDER BY e.position");
    if (!s.is_ok()) return s.status();
    (*s)->bind_int(":doc", document_id);
    auto rows = sqlite::read_rows(**s, read_event);
    if (!rows.is_ok()) return rows.status();
    out = std::move(*rows);
  }
  for (EventRecord& r : out) PACTUM_RETURN_IF_ERROR(load_event_details(r));
  return out;
}

// The facets of the candidates: one search_facets row each (migration 10),
// its entries counted here. It was a row per candidate and event with the
// event's sectors and parties folded in, about 7 us per candidate at
// 1,000,000 documents (the document, event, sector, party and actor rows
// of each), half of a faceted search. A candidate without a row (none is
// expected: the row is written with the index row) is summarized from its
// events. The caller holds mu_ and a read transaction.
Status SqliteStore::count_facets(const std::vector<std::int64_t>& candidates,
                                 std::map<std::string, std::map<std::string, std::int64_t>>& facets) {
  std::string ids = "[";
  for (std::int64_t id : candidates) ids += (ids.size() > 1 ? "," : "") + std::to_string(id);
  ids += "]";
  // A LEFT JOIN keeps the candidates the outer loop.
  auto s = db_.statement(
      "SELECT h.value, f.summary FROM json_each(:ids) h "
      "LEFT JOIN search_facets f ON f.document_id = h.value");
  if (!s.is_ok()) return s.status();
  (*s)->bind_text(":ids", ids);
  // By entry (kind letter + value) first: one hash lookup per entry.
  std::unordered_map<std::string, std::int64_t, StringViewHash, std::equal_to<>> counts;
  auto count = [&](std::string_view summary) {
    bool ok = for_each_summary_entry(summary, [&](std::string_view entry) {
      auto at = counts.find(entry);
      if (at == counts.end()) at = counts.emplace(std::string(entry), 0).first;
      ++at->second;
    });
    return ok ? Status::ok() : Status::corruption("search_facets: a malformed summary");
  };
  for (;;) {
    auto row = (*s)->step();
    if (!row.is_ok()) return row.status();
    if (!*row) break;
    if (!(*s)->column_is_null(1)) {
      PACTUM_RETURN_IF_ERROR(count((*s)->column_blob(1)));
      continue;
    }
    auto f = document_facets((*s)->column_int(0));
    if (!f.is_ok()) return f.status();
    PACTUM_RETURN_IF_ERROR(count(f->summary));
  }
  static constexpr std::pair<char, const char*> kNames[] = {
      {kFacetLanguage, "language"}, {kFacetCountry, "country"},       {kFacetRegion, "region"},
      {kFacetSector, "sector"},     {kFacetInstrument, "instrument"}, {kFacetStage, "stage"},
      {kFacetYear, "year"}};
  std::map<std::string, std::int64_t>* by_kind[256] = {};
  for (const auto& [kind, name] : kNames) by_kind[static_cast<unsigned char>(kind)] = &facets[name];
  for (const auto& [entry, n] : counts) {
    if (auto* of_kind = by_kind[static_cast<unsigned char>(entry[0])]) (*of_kind)[entry.substr(1)] += n;
  }
  return Status::ok();
}

// FTS5 keeps its index as segments, merged in the background as they pile
// up (automerge); a large ingest leaves several (13 after 1,000,000
// documents), and every term of a query is looked up in each of them: a
// query expanded to 90 phrases in 11 languages ("MoU") paid 170 term seeks
// per segment before its first row. 'optimize' merges them into one: at
// 1,000,000 documents (a 350 MB index) 4.2 s CPU, 19 s wall at load 10,
// after which the expanded queries took a quarter to a half of their CPU
// (MoU 10.8 -> 2.8 ms, "research" 8.0 -> 2.1 ms, bench/README.md). Later
// writes add small segments again, merged as before.
Status SqliteStore::optimize_search_index() {
  std::lock_guard lock(mu_);
  auto tx = Transaction::begin(db_, Transaction::Mode::kWrite);
  if (!tx.is_ok()) return tx.status();
  PACTUM_RETURN_IF_ERROR(db_.exec("INSERT INTO search_index(search_index) VALUES ('optimize')"));
  return tx->commit();
}

Result<SearchResult> SqliteStore::search(const TextQuery& query, const SearchFilter& f) {
  std::string match = fts_expression(query);
  if (match.empty()) return Status::invalid_argument("the query has no words to search for");
  PACTUM_RETURN_IF_ERROR(check_dates(f.since, f.until));

  // Top-k over a bounded candidate set (store.h, kSearchCandidates): FTS5
  // walks the matches newest first (rowid DESC, which it does without
  // sorting) and stops at the cap; every filter is a correlated EXISTS on
  // the row at hand (an index probe), so nothing is materialized and the
  // cost follows the candidates, not the matches. bm25 is computed for the
  // newest kRankedCandidates only (pactum_rank's row budget: NULL after;
  // all of them when every hit is asked for, as watch_changes does), with
  // the groups' document frequencies from group_frequencies().
  // Near-copies need no probe: they are never in the index
  // (indexed_document(), for the write path and both rebuilds; migration 8
  // took them out), and a document is linked as a copy only when it is
  // stored or rebuilt, never after it was indexed. The probe of
  // document_links per match cost 10-15 % of a filtered query, which reads
  // tens of thousands of matches at 1,000,000 documents.
  // The cheapest probe first: a sector is one primary-key lookup of the
  // event, and a sector filter rejects most text matches; a country or
  // region joins the parties and their actors.
  // A sector with a country or a subdivision has a token of its own
  // (facet_pair_token, migration 11): the pair on one non-rejected event,
  // exactly, so that when it is all the event filters ask the probe of the
  // events is left out (the common two-filter search: the probes read the
  // events, sectors and parties of every candidate, and rejected those
  // whose sector and country were on different events).
  const auto given = [](const std::optional<std::string>& v) { return v && !v->empty(); };
  const bool pair_country = given(f.sector) && given(f.country);
  const bool pair_region = given(f.sector) && given(f.region);
  const bool pairs_exact = (pair_country != pair_region) && !f.instrument && !f.stage && !f.since && !f.until;
  std::string events_where;
  if (f.sector) events_where += " AND EXISTS (SELECT 1 FROM event_sectors s WHERE s.event_id = e.id AND s.sector = :sector)";
  if (f.instrument) events_where += " AND e.instrument = :instrument";
  if (f.stage) events_where += " AND e.stage = :stage";
  if (f.country) {
    events_where += " AND EXISTS (SELECT 1 FROM event_parties p JOIN actors a ON a.id = p.actor_id "
                    "WHERE p.event_id = e.id AND a.country = :country)";
  }
  if (f.region) {
    events_where += " AND EXISTS (SELECT 1 FROM event_parties p JOIN actors a ON a.id = p.actor_id "
                    "WHERE p.event_id = e.id AND a.subdivision = :region)";
  }
  std::string dates;
  if (f.since) dates += " AND e.date_lo >= :since";
  if (f.until) dates += " AND e.date_hi <= :until";

  // The filters as facet tokens (document_facets), ANDed to the text in the
  // MATCH: FTS5 intersects the doclists, skipping ahead in each, where the
  // probes alone read every text match until enough passed ("energy" +
  // sector hydrogen + country NO: ~84,000 matches for 1,000 candidates at
  // 1,000,000 documents). The single tokens are a superset (a document's
  // sector and country may be on different events, a rejected event's
  // count); the probes keep it exact, except where a pair's token is exact
  // (pairs_exact above).
  std::vector<std::string> facet_tokens;
  auto add_facet = [&](char kind, const std::optional<std::string>& value) {
    if (value) facet_tokens.push_back("\"" + facet_token(kind, *value) + "\"");
  };
  // A pair's token stands for its two (fewer doclists for FTS5 to AND).
  add_facet(kFacetLanguage, f.language);
  if (!pair_country && !pair_region) add_facet(kFacetSector, f.sector);
  add_facet(kFacetInstrument, f.instrument);
  add_facet(kFacetStage, f.stage);
  if (!pair_country) add_facet(kFacetCountry, f.country);
  if (!pair_region) add_facet(kFacetRegion, f.region);
  if (pair_country) facet_tokens.push_back("\"" + facet_pair_token(kPairSectorCountry, *f.sector, *f.country) + "\"");
  if (pair_region) facet_tokens.push_back("\"" + facet_pair_token(kPairSectorRegion, *f.sector, *f.region) + "\"");
  if (pairs_exact) events_where.clear();

  const std::size_t ranked_rows =
      f.limit == 0 ? kSearchCandidates + 1 : std::max(kRankedCandidates, f.limit);
  // Weight 0: the facet tokens neither score nor count in a length (fts_rank.h).
  std::string sql =
      "SELECT search_index.rowid, pactum_rank(search_index, :groups, " + std::to_string(ranked_rows) +
      ", :dfs, 3.0, 1.0, 2.0, 0.0) FROM search_index "
      "WHERE search_index MATCH :match";
  if (f.language) {
    sql += " AND EXISTS (SELECT 1 FROM documents d WHERE d.id = search_index.rowid AND d.language = :language)";
  }
  if (!events_where.empty() || !dates.empty()) {
    std::string ev = "EXISTS (SELECT 1 FROM events e WHERE e.document_id = search_index.rowid "
                     "AND e.curation IS NOT 'rejected'" + events_where + dates + ")";
    if (events_where.empty()) {
      // Dates alone: a document without dated events counts by its publication date.
      std::string pub = "EXISTS (SELECT 1 FROM documents d WHERE d.id = search_index.rowid AND d.published IS NOT NULL";
      if (f.since) pub += " AND (CASE length(d.published) WHEN 4 THEN d.published || '-01-01' WHEN 7 THEN d.published || '-01' ELSE d.published END) >= :since";
      if (f.until) pub += " AND (CASE length(d.published) WHEN 4 THEN d.published || '-12-31' WHEN 7 THEN d.published || '-31' ELSE d.published END) <= :until";
      pub += ")";
      sql += " AND (" + ev + " OR (NOT EXISTS (SELECT 1 FROM events e WHERE e.document_id = search_index.rowid "
             "AND e.date IS NOT NULL) AND " + pub + "))";
    } else {
      sql += " AND " + ev;
    }
  }
  sql += " ORDER BY search_index.rowid DESC LIMIT " + std::to_string(kSearchCandidates + 1);

  std::lock_guard lock(mu_);
  auto tx = Transaction::begin(db_, Transaction::Mode::kRead);
  if (!tx.is_ok()) return tx.status();
  auto expr = expression(query);
  if (!expr.is_ok()) return expr.status();
  auto dfs = group_frequencies(*expr);
  if (!dfs.is_ok()) return dfs.status();
  std::string filtered_match = expr->match;
  std::string groups = expr->groups;
  if (!facet_tokens.empty()) {
    std::string all;
    for (std::size_t i = 0; i < facet_tokens.size(); ++i) {
      all += (all.empty() ? "" : " AND ") + facet_tokens[i];
      // A group of its own each, after the text's; weight 0, so any frequency.
      if (!groups.empty()) {
        groups += std::to_string(expr->group_match.size() + i) + " ";
        *dfs += " 0";
      }
    }
    filtered_match += " AND {facets} : (" + all + ")";
  }
  SearchResult result;
  std::vector<std::int64_t> candidates;                      // newest first
  std::vector<std::pair<std::int64_t, double>> ranked;       // (document, score), the newest kRankedCandidates
  {
    auto s = db_.statement(sql);
    if (!s.is_ok()) return s.status();
    (*s)->bind_text(":match", filtered_match);
    (*s)->bind_text(":groups", groups);
    (*s)->bind_text(":dfs", *dfs);
    // The pair's values are in its token, not in the SQL (pairs_exact).
    SearchFilter bound = f;
    if (pairs_exact) bound.sector = bound.country = bound.region = std::nullopt;
    bind_filter(**s, bound);
    for (;;) {
      auto row = (*s)->step();
      if (!row.is_ok()) {
        // FTS5 rejects some expressions (a lone stop character); say it is the query.
        if (row.status().code() == StatusCode::kInternal) {
          return Status::invalid_argument("bad query: " + row.status().message());
        }
        return row.status();
      }
      if (!*row) break;
      candidates.push_back((*s)->column_int(0));
      if (!(*s)->column_is_null(1)) ranked.emplace_back(candidates.back(), (*s)->column_double(1));
    }
  }
  if (candidates.size() > kSearchCandidates) {
    candidates.resize(kSearchCandidates);
    result.total_capped = true;
  }
  result.total = candidates.size();
  {
    // Best first, ties by document id. A document that states a (non-rejected)
    // event scores 1.25 times its BM25; that takes an index probe, so it is
    // done best raw score first, and stops once even the boost could not lift
    // the next candidate into the top `limit`.
    auto better = [](const auto& x, const auto& y) { return x.second != y.second ? x.second > y.second : x.first < y.first; };
    std::vector<std::pair<std::int64_t, double>> by_raw = std::move(ranked);
    std::sort(by_raw.begin(), by_raw.end(), better);
    const std::size_t k = f.limit > 0 ? std::min(f.limit, by_raw.size()) : by_raw.size();
    std::vector<std::pair<std::int64_t, double>> top;
    auto has_event = db_.statement(
        "SELECT EXISTS (SELECT 1 FROM events e WHERE e.document_id = :id AND e.curation IS NOT 'rejected')");
    if (!has_event.is_ok()) return has_event.status();
    for (const auto& [id, raw] : by_raw) {
      if (top.size() >= k && raw * 1.25 < top.back().second) break;
      (*has_event)->reset();
      (*has_event)->bind_int(":id", id);
      auto row = (*has_event)->step();
      if (!row.is_ok()) return row.status();
      const double score = raw * ((*row && (*has_event)->column_int(0) != 0) ? 1.25 : 1.0);
      std::pair<std::int64_t, double> c{id, score};
      auto at = std::upper_bound(top.begin(), top.end(), c, better);
      top.insert(at, c);
      if (top.size() > k) top.pop_back();
    }
    auto s = db_.statement("SELECT source, title, language, published FROM documents WHERE id = :id");
    if (!s.is_ok()) return s.status();
    for (const auto& [id, score] : top) {
      (*s)->reset();
      (*s)->bind_int(":id", id);
      auto row = (*s)->step();
      if (!row.is_ok()) return row.status();
      if (!*row) continue;
      SearchHit h;
      h.document_id = id;
      h.score = score;
      h.source = (*s)->column_text(0);
      h.title = (*s)->column_text(1);
      h.language = (*s)->column_text(2);
      h.published = (*s)->column_text(3);
      result.hits.push_back(std::move(h));
    }
  }
  for (SearchHit& h : result.hits) {
    auto ev = document_events(h.document_id);
    if (!ev.is_ok()) return ev.status();
    h.events = std::move(*ev);
    auto s = db_.statement("SELECT document_id FROM document_links WHERE original_id = :id ORDER BY document_id");
    if (!s.is_ok()) return s.status();
    (*s)->bind_int(":id", h.document_id);
    for (;;) {
      auto row = (*s)->step();
      if (!row.is_ok()) return row.status();
      if (!*row) break;
      h.copies.push_back((*s)->column_int(0));
    }
  }
  if (f.facets) PACTUM_RETURN_IF_ERROR(count_facets(candidates, result.facets));
  PACTUM_RETURN_IF_ERROR(tx->commit());
  return result;
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
  // SQLite's default page cache is 2 MB; a store of a million documents is
  // gigabytes, and every write probes the FTS index, the bands and the
  // agreements: with the default, most probes became a pread() (half the
  // CPU of a large ingest). 64 MB per connection keeps the hot pages.
  PACTUM_RETURN_IF_ERROR(db.exec("PRAGMA cache_size = -65536"));
  // A checkpoint copies every page the WAL holds into the database; the
  // hot pages of an ingest (the FTS segments being merged, the ends of the
  // indexes) are rewritten by every transaction, so checkpointing every
  // 16,384 pages (64 MB of WAL) instead of SQLite's 1,000 copies each of
  // them once where it copied it 16 times.
  PACTUM_RETURN_IF_ERROR(db.exec("PRAGMA wal_autocheckpoint = 16384"));
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

Status optimize_search_index(Store& store) {
  auto* sqlite = dynamic_cast<SqliteStore*>(&store);
  return sqlite != nullptr ? sqlite->optimize_search_index() : Status::ok();
}

Result<std::unique_ptr<Store>> open_sqlite(const std::filesystem::path& path) {
  auto db = Db::open(path.string());
  if (!db.is_ok()) return db.status();
  // Before anything opens the search index on this connection. Without it
  // (never expected) FTS5 cuts every text itself: the same index, slower.
  auto replay = sqlite::TokenReplay::install(db->handle());
  // Set before the first read: opening a store another process is writing
  // (or migrating) then waits instead of failing with "database is locked".
  PACTUM_RETURN_IF_ERROR(db->exec("PRAGMA busy_timeout = " + std::to_string(kBusyTimeoutMs)));
  PACTUM_RETURN_IF_ERROR(configure(*db));
  PACTUM_RETURN_IF_ERROR(sqlite::register_rank(db->handle()));
  auto store = std::make_unique<SqliteStore>(std::move(*db), replay.is_ok() ? *replay : nullptr);
  PACTUM_RETURN_IF_ERROR(store->rebuild_if_needed());
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace pactum::store
