// store's contract: where documents and what was extracted from them live.
// One implementation per engine (SQLite now, PostgreSQL later) behind this
// interface; both must pass the same tests (store_contract_test.cc).
//
// Every write of a document and its extraction is one transaction: after a
// crash the store holds the document with all its facts or nothing of it.
// Writing a document whose content hash is already stored changes nothing.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "extract/model.h"
#include "kb/near_duplicate.h"
#include "ingest/document.h"
#include "kb/profile.h"

namespace pactum::store {

class TableCopy;  // table_copy.h

struct StoredDocument {
  std::int64_t id = 0;
  std::string source, url, title, published, language, content_hash, format;
  std::string text;
  std::string ingested_at;                 // UTC, "YYYY-MM-DDTHH:MM:SS.sssZ"
  std::vector<std::string> organizations;  // as extracted, in order
};

struct ActorRecord {
  std::int64_t id = 0;
  std::string name, kind, country, subdivision;
  std::string key;                   // actor_key() (store/keys.h)
  std::vector<std::string> aliases;  // surface forms seen in documents
};

// An event as stored: the extracted Event plus where it came from.
struct EventRecord {
  std::int64_t id = 0;
  std::int64_t document_id = 0;
  std::string document_source;
  std::string language;
  extract::Event event;  // parties carry their actor ids through `party_actor_ids`
  std::vector<std::int64_t> party_actor_ids;
  std::string curation;  // "" (as extracted), "confirmed" or "rejected" (pactum curate)
  // Curations that changed the event so far: what an editor read, handed
  // back as EventCuration::if_version (optimistic concurrency).
  std::int64_t version = 0;
};

// Which events to list; unset members do not filter. Results come ordered by
// date (undated last), then id. A malformed value (an empty party, a since
// that is not YYYY[-MM[-DD]]) is kInvalidArgument.
struct EventFilter {
  // Any party's actor has this name, alias, key or ISO code, in any case. A
  // country code also selects the country's regions, cities and
  // organizations ("DE" finds North Rhine-Westphalia and Siemens Energy).
  std::optional<std::string> party;
  std::optional<std::string> sector;      // taxonomy id
  std::optional<std::string> instrument;
  std::optional<std::string> stage;
  // YYYY[-MM[-DD]]. The event's whole date must lie in [since, until]: a
  // partial date counts from its first day for since and to its last day for
  // until, and so do partial bounds ("2023" is within since=2023-01-01 and
  // until=2023, not within since=2023-06). Undated events never match.
  std::optional<std::string> since;
  std::optional<std::string> until;
  std::optional<std::string> language;    // of the document, ISO 639-1
  std::optional<std::int64_t> document_id;  // events of this document only
  std::optional<double> min_confidence;
  std::size_t limit = 0;                  // 0: no limit
  bool include_rejected = false;          // events a curator rejected are left out unless set
};

// ---- knowledge base ----------------------------------------------------------

// One act of an agreement (signed 2014, extended 2017, ...).
struct AgreementAct {
  std::int64_t id = 0;
  std::string stage, date;                 // date "" when no source dates it
  std::vector<std::int64_t> event_ids;     // every event stating it, copies included
  std::vector<std::int64_t> document_ids;  // its sources: distinct documents, copies left out
};

// Events of several documents merged into one agreement (kb/agreements.h).
struct AgreementRecord {
  std::int64_t id = 0;
  std::string instrument;
  std::vector<ActorRecord> parties;      // by name; aliases not loaded
  std::vector<AgreementAct> timeline;    // by date, undated last
  std::vector<std::string> sectors;      // of its events, most often named first
  std::vector<std::int64_t> sources;     // distinct documents, near-copies left out
  std::vector<std::int64_t> copies;      // near-copies that also report it
  std::vector<std::string> languages;    // of its sources, sorted
  std::string first_date, last_date;     // of its dated acts, "" if none
};

// Which agreements to list; unset members do not filter; values are checked
// as in EventFilter. Results come ordered by their latest act (undated
// last), then id.
struct AgreementFilter {
  std::optional<std::string> party;       // as EventFilter::party
  std::optional<std::string> country;     // a party of this ISO 3166-1 country (or the country itself)
  std::optional<std::string> region;      // a party that is this ISO 3166-2 subdivision
  std::optional<std::string> sector;
  std::optional<std::string> instrument;
  std::optional<std::string> stage;       // an act at this stage
  std::optional<std::string> since;       // an act dated within [since, until], widened as in EventFilter
  std::optional<std::string> until;
  std::optional<std::string> language;    // a source in this language
  std::size_t limit = 0;
};

struct DocumentLink {
  std::int64_t document_id = 0, original_id = 0;
  double similarity = 0;  // estimated Jaccard similarity of their word 3-shingles
};

// What an analyst says about an event. Fields that can be set: instrument,
// stage, date (YYYY[-MM[-DD]] or "null"), sectors (comma-separated ids),
// duration_years (a number or "null").
struct EventCuration {
  std::string author;                                     // required
  std::string note;
  std::optional<std::string> status;                      // "confirmed" | "rejected"
  std::vector<std::pair<std::string, std::string>> set;   // field, value
  // The event's version the editor read (EventRecord::version): when set and
  // another curation changed the event since, nothing is written and the
  // result is kConflict naming who changed it. Unset: the edit applies to
  // the event as it is then; the log records the value it replaced.
  std::optional<std::int64_t> if_version;
};

struct CurationEntry {
  std::int64_t id = 0;
  std::string at, author;
  std::string target;         // event | actor
  std::int64_t target_id = 0;
  std::string action;         // confirm | reject | set | merge
  std::string field, old_value, new_value, note;
};

// ---- search ------------------------------------------------------------------

// A full-text query independent of the engine's syntax: every clause must
// match; a clause matches when one of its alternatives does; an alternative
// is a phrase of folded words, its last word a prefix when `prefix` is set.
struct TextQuery {
  struct Alternative {
    std::vector<std::string> words;
    bool prefix = false;
  };
  std::vector<std::vector<Alternative>> all_of;
};

// Filters over a document's (non-rejected) events; since/until also accept
// a document without dated events by its publication date.
struct SearchFilter {
  std::optional<std::string> country, region, sector, instrument, stage;
  std::optional<std::string> since, until;
  std::optional<std::string> language;  // of the document
  std::size_t limit = 20;               // 0: no limit
  bool facets = false;
};

struct SearchHit {
  std::int64_t document_id = 0;
  std::string source, title, language, published;
  double score = 0;                       // higher is better
  std::vector<EventRecord> events;        // the document's events, rejected ones left out
  std::vector<std::int64_t> copies;       // its near-copies (not hits themselves)
};

// Search is top-k over a bounded candidate set, so that its cost does not
// grow with the number of matches: the candidates are the matching documents
// most recently stored (highest id first), at most kSearchCandidates; hits
// are the best-ranked of the newest kRankedCandidates of them (of all of
// them when the limit is 0 or above that); total and facets count all the
// candidates. Below kRankedCandidates all of this is exact; above
// kSearchCandidates total is kSearchCandidates with total_capped set (shown
// as "1,000+"), and the facets count that sample. Ranking reads the
// positions of every phrase of the row, hence the smaller sample for it.
inline constexpr std::size_t kSearchCandidates = 1000;
inline constexpr std::size_t kRankedCandidates = 200;

struct SearchResult {
  std::vector<SearchHit> hits;  // best first; near-copies fold into their original
  std::size_t total = 0;        // matching documents before the limit, at most kSearchCandidates
  bool total_capped = false;    // more than kSearchCandidates matched: total is a lower bound
  // facet -> value -> matching documents (of the candidates): language,
  // country, region, sector, instrument, stage, year. Filled when
  // SearchFilter::facets.
  std::map<std::string, std::map<std::string, std::int64_t>> facets;
};

// ---- mineral supply --------------------------------------------------------

// One row of an imported production (or refining) table: a country's output
// of a mineral in a year, by one source. Country is ISO 3166-1 alpha-2 or
// "WORLD" (the world total). Tonnes or share (percent of world) may be absent,
// not both.
struct MineralRow {
  std::string mineral;
  int year = 0;
  std::string country;
  std::optional<double> tonnes;
  std::optional<double> share;
  std::string source;
  std::size_t line = 0;  // line in the CSV it came from; 0 when read from a store
  std::string stage = "production";  // production | refining (last: rows are brace-initialised)
};

// ---- feeds and saved searches ------------------------------------------------

// A feed followed by URL (pactum feeds). Times are UTC
// "YYYY-MM-DDTHH:MM:SS.sssZ"; "" when not yet.
struct FeedRecord {
  std::int64_t id = 0;
  std::string url, name;
  std::int64_t interval_s = 900;        // between successful polls
  std::string etag, last_modified;      // validators of the last 200, sent back
  std::string added_at, last_polled_at;
  std::string next_poll_at;             // "" : due now
  int failures = 0;                     // consecutive errors (the backoff doubles with each)
  std::string last_status;              // "200", "304", "500", "error"
  std::string last_error;               // the last error's message, "" after a success
  std::int64_t items = 0;               // items ingested from it so far
};

// A saved search (pactum watch): the query, its filters as the JSON object
// the CLI wrote (the store does not read it), and its last check.
struct WatchRecord {
  std::string name, query, filters = "{}";
  std::string created_at, last_checked_at;  // "" when never checked
};

// ---- preparing a write ---------------------------------------------------

namespace sqlite {
struct IndexColumnTokens;  // store/fts_terms.h
}  // namespace sqlite

// What put() derives from a document alone. put() computes it when not
// given; a multi-threaded ingest calls prepare_document() on its workers so
// that the one writer thread only writes.
struct PreparedDocument {
  std::optional<kb::Signature> signature;  // near-copy MinHash (kb/near_duplicate.h)
  std::string index_body;                  // the text as index_text() analyses it
  // The title (the document's, else the extracted one) and the evidence of
  // all events (index_evidence()) as index_text() analyses them; the store
  // analyses the evidence again only if a curator rejected one of them.
  std::string index_title, index_evidence;
  // The distinct terms of the three as the SQLite index tokenizes them, for
  // its vocabulary (search_terms); null if not computed.
  std::shared_ptr<const std::vector<std::string>> index_terms;
  // The three as the index's tokenizer cuts them (index_terms points into
  // it), so that the store's FTS5 insert is given the tokens
  // (sqlite::TokenReplay); null if not computed.
  std::shared_ptr<const sqlite::IndexColumnTokens> index_tokens;
  // With a signature: its band keys (kb::band_keys) and stored form
  // (kb::encode), the store's band and fingerprint rows, made here so that
  // a multi-threaded ingest's single writer does not.
  std::array<std::int64_t, kb::kBands> band_keys{};
  std::string signature_blob;
};
PreparedDocument prepare_document(const ingest::Document& doc, const extract::Extraction& x);
// Sets the signature's band_keys and signature_blob (prepare_document does).
void prepare_near_copy_rows(PreparedDocument& prepared);

// A document's publication date as both stores keep it: the source's own,
// else the extractor's reading of the text (empty: none, stored as NULL).
inline const std::string& stored_published(const ingest::Document& doc, const extract::Extraction& x) {
  return doc.published.empty() ? x.published : doc.published;
}

// Text as the search index analyses it: FTS5's unicode61 keeps a run of
// kanji or kana as one token, so text with Japanese (or Chinese) characters
// is indexed as MeCab tokens joined by spaces; other text as it is.
std::string index_text(std::string_view text);
// Events' evidence as one index column: joined by newlines, index_text().
std::string index_evidence(const std::vector<std::string_view>& evidence);

// ---- cooperation profiles and the helpdesk's workflow ----------------------

// What put_profiles did with each profile of the batch.
struct ProfileImport {
  std::size_t inserted = 0;   // new ids
  std::size_t updated = 0;    // known ids whose content changed
  std::size_t unchanged = 0;  // known ids stored exactly so already
};

// One step of an expression of interest, with when and by whom.
struct InterestStep {
  std::string step;  // interested | forwarded | declined | accepted
  std::string at;    // UTC, "YYYY-MM-DDTHH:MM:SS.sssZ"
  std::string author, note;
};

// An organization's interest in a profile, as the helpdesk follows it.
struct InterestRecord {
  std::int64_t id = 0;
  std::string profile_id;
  std::string organization;   // who is interested
  std::string from_profile;   // their own profile, if they have one ("" otherwise)
  std::string state;          // the last step
  std::vector<InterestStep> steps;  // oldest first
};

enum class PutResult { kStored, kDuplicate };

// ---- the document queue: many ingest workers on one store ----------------

// A raw source waiting to be read, extracted and stored by a worker.
struct QueueItem {
  std::string source;    // a path or name, as ingest::read_bytes takes it
  std::string body;      // the source's bytes
  std::string format;    // a hint ("" : sniffed from the bytes and the source's name)
  std::string language;  // a hint ("" : identified); kept, the extractor identifies it anyway
};

// A queue row a worker holds until lease_until (the store's clock). attempt
// is the claim's fencing token: each claim of the row increments it, so a
// worker whose lease expired and was taken over can no longer complete it.
struct QueueClaim {
  std::int64_t id = 0;
  std::int64_t attempt = 0;
  std::string worker, lease_until;
  QueueItem item;
};

struct QueueCounts {
  std::int64_t queued = 0, claimed = 0, done = 0, failed = 0;
  std::int64_t stored = 0;  // documents stored by the completed rows, together
};

// A queue row claimed this often without being completed or failed is
// given up (state failed): some input kills every worker that reads it.
inline constexpr std::int64_t kMaxQueueAttempts = 5;

// Every method may be called from any thread; an engine may serialise them.
class Store {
 public:
  virtual ~Store() = default;

  // Stores the document and its extraction in one transaction. Parties
  // become actors by actor_key() (store/keys.h): the first document to name
  // an actor sets its name and kind, later mentions add aliases. Facts that
  // break the schema (a span outside the text, a date not YYYY[-MM[-DD]], a
  // confidence outside 0..1, a party without a name, no content hash) fail
  // with kInvalidArgument and store nothing of the document.
  virtual Result<PutResult> put(const ingest::Document& doc, const extract::Extraction& x) = 0;

  // Stores several documents in one transaction, each as put() would and
  // whole or not at all: a document that breaks the schema is left out
  // alone, its error in its slot of the result. Committing once per batch
  // instead of once per document is what makes a bulk ingest cheap (the
  // WAL frames and the FTS segment are written once). A crash loses the
  // uncommitted batch entirely, which a re-run stores. Fails as a whole only
  // when the store itself fails. The default writes one document at a time.
  struct PutItem {
    const ingest::Document* doc = nullptr;
    const extract::Extraction* extraction = nullptr;
    const PreparedDocument* prepared = nullptr;  // null: put computes it
  };
  virtual Result<std::vector<Result<PutResult>>> put_batch(const std::vector<PutItem>& items);

  virtual Result<bool> has_document(const std::string& content_hash) = 0;
  virtual Result<StoredDocument> document(std::int64_t id) = 0;
  virtual Result<std::int64_t> document_count() = 0;
  // Documents by id without their text (text and organizations empty):
  // skipping `offset`, at most `limit` (0: all).
  virtual Result<std::vector<StoredDocument>> documents(std::size_t offset, std::size_t limit) = 0;

  virtual Result<std::vector<EventRecord>> events(const EventFilter& filter) = 0;
  virtual Result<EventRecord> event(std::int64_t id) = 0;

  // An actor by id, key or ISO code, canonical name, or alias (any case), in
  // that order of preference; kNotFound naming the query otherwise.
  virtual Result<ActorRecord> actor(const std::string& name_or_code) = 0;
  virtual Result<std::vector<ActorRecord>> actors() = 0;

  // People of a document, as extracted; kNotFound if there is no such document.
  virtual Result<std::vector<extract::Person>> people(std::int64_t document_id) = 0;

  // Schema version of the open store (the number of the last migration applied).
  virtual Result<int> schema_version() = 0;

  // ---- knowledge base: kept up to date by put(), in its transaction ----

  virtual Result<std::vector<AgreementRecord>> agreements(const AgreementFilter& filter) = 0;
  virtual Result<AgreementRecord> agreement(std::int64_t id) = 0;
  // The agreement an event belongs to; kNotFound for an event in none (a
  // rejected one, or one without parties).
  virtual Result<std::int64_t> agreement_of_event(std::int64_t event_id) = 0;
  // The original a document is a near-copy of, or nullopt.
  virtual Result<std::optional<DocumentLink>> original_of(std::int64_t document_id) = 0;

  // Recomputes everything derived from documents and events (agreements,
  // near-copy links, search index, name keys) from scratch, keeping
  // curation. Idempotent.
  virtual Status rebuild_knowledge_base() = 0;

  // ---- curation: what analysts say wins over extraction, and is logged ----

  // Confirms, rejects or corrects an event; returns the log entries written
  // (one per change; nothing changed, nothing logged). A curated field is
  // reapplied whenever the document's events are stored again. kNotFound
  // for a missing event, kInvalidArgument for an unknown field or bad value.
  virtual Result<std::vector<CurationEntry>> curate_event(std::int64_t event_id,
                                                          const EventCuration& curation) = 0;
  // Merges actor `absorb` into `keep` (each by id, key, name or alias): its
  // events, aliases and agreements move, and later documents naming it land
  // on `keep`.
  virtual Result<CurationEntry> merge_actors(const std::string& keep, const std::string& absorb,
                                             const std::string& author, const std::string& note) = 0;
  // Newest first; limit 0 is all.
  virtual Result<std::vector<CurationEntry>> curation_log(std::size_t limit) = 0;

  // ---- search ----

  // Documents matching the query and filters, ranked (BM25 over title, text
  // and evidence, boosted for documents that state events), top-k over at
  // most kSearchCandidates of them (see SearchResult). An empty query is
  // kInvalidArgument.
  virtual Result<SearchResult> search(const TextQuery& query, const SearchFilter& filter) = 0;

  // ---- mineral supply tables (analytics/minerals.h checks them first) ----

  // In one transaction: for every (mineral, year, source) among `rows`, the
  // stored rows of it are replaced by these. A row breaking the table's
  // checks (negative tonnes, share outside 0..100, a duplicate country) is
  // kInvalidArgument and nothing is written. Returns the rows written.
  virtual Result<std::size_t> put_mineral_rows(const std::vector<MineralRow>& rows) = 0;
  // Every stored row, ordered by mineral, stage, year, source, country.
  virtual Result<std::vector<MineralRow>> mineral_rows() = 0;

  // ---- API tokens (pactum serve): only their SHA-256 is stored ----

  // Records a token by its SHA-256 (lowercase hex) under a name; returns its
  // id. kInvalidArgument for an empty name or a hash that is not 64 hex
  // digits, kAlreadyExists for a hash already stored.
  virtual Result<std::int64_t> put_api_token(const std::string& name, const std::string& sha256) = 0;
  // The name of the token with this SHA-256, or nullopt.
  virtual Result<std::optional<std::string>> api_token(const std::string& sha256) = 0;
  // ---- cooperation profiles (kb/profile.h; validated before they get here) ----

  // Stores the profiles in one transaction, keyed by id: a new id is
  // inserted, a known one replaced when its content differs, so importing
  // the same file twice changes nothing. A profile that fails
  // kb::validate_profile (well-formedness only) is kInvalidArgument and
  // nothing of the batch is written.
  virtual Result<ProfileImport> put_profiles(const std::vector<kb::Profile>& profiles) = 0;
  // kNotFound naming the id when there is none.
  virtual Result<kb::Profile> profile(const std::string& id) = 0;
  // Every profile, ordered by id.
  virtual Result<std::vector<kb::Profile>> profiles() = 0;
  // Deletes the profile and the interests in it; kNotFound when there is none.
  virtual Status delete_profile(const std::string& id) = 0;

  // Records an organization's interest in a profile (step "interested").
  // kNotFound for an unknown profile, kInvalidArgument for an empty
  // organization or author.
  virtual Result<InterestRecord> add_interest(const std::string& profile_id, const std::string& organization,
                                              const std::string& from_profile, const std::string& author,
                                              const std::string& note) = 0;
  // Moves an interest on (kb::interest_transition_allowed); a step the
  // workflow does not allow from its state is kFailedPrecondition.
  virtual Result<InterestRecord> interest_step(std::int64_t interest_id, const std::string& step,
                                               const std::string& author, const std::string& note) = 0;
  virtual Result<InterestRecord> interest(std::int64_t interest_id) = 0;
  // Interests in a profile ("" for all), oldest first.
  virtual Result<std::vector<InterestRecord>> interests(const std::string& profile_id) = 0;
  // ---- feeds: what to poll and the state of each (api/feeds.h polls) ----

  // kAlreadyExists when the URL is followed already.
  virtual Result<FeedRecord> add_feed(const std::string& url, const std::string& name,
                                      std::int64_t interval_s) = 0;
  // By id; `items` filled.
  virtual Result<std::vector<FeedRecord>> feeds() = 0;
  // Writes a poll's outcome (validators, times, failures, status) and the
  // keys of the items it ingested, in one transaction.
  virtual Status record_feed_poll(const FeedRecord& feed, const std::vector<std::string>& new_item_keys) = 0;
  // Which of `keys` the feed has ingested already.
  virtual Result<std::vector<bool>> feed_items_seen(std::int64_t feed_id, const std::vector<std::string>& keys) = 0;
  // kNotFound when no feed has this id or URL.
  virtual Status remove_feed(const std::string& id_or_url) = 0;

  // ---- saved searches ----

  // kAlreadyExists for a name in use.
  virtual Status add_watch(const WatchRecord& watch) = 0;
  virtual Result<std::vector<WatchRecord>> watches() = 0;
  virtual Result<WatchRecord> watch(const std::string& name) = 0;  // kNotFound
  virtual Status set_watch_checked(const std::string& name, const std::string& at) = 0;
  virtual Status remove_watch(const std::string& name) = 0;  // kNotFound
  // The store's clock, in the times' format ("now" as SQLite sees it).
  virtual Result<std::string> now() = 0;

  // ---- the document queue (pactum ingest --queue / --worker) ----
  // An engine without one answers kUnsupported (the defaults).

  // Queues the items; an item whose bytes are queued already (any state) is
  // skipped. Returns how many were queued.
  virtual Result<std::size_t> enqueue(const std::vector<QueueItem>& items);
  // Claims up to `limit` rows, oldest first: queued ones and claimed ones
  // whose lease has expired (their worker died or stalled), for
  // lease_seconds from now. Concurrent claims never return the same row
  // while its lease runs. Rows claimed kMaxQueueAttempts times are failed.
  virtual Result<std::vector<QueueClaim>> claim(const std::string& worker, std::size_t limit,
                                                std::int64_t lease_seconds);
  // Stores the claim's documents (as put_batch: each whole, a bad one left
  // out with its error in its slot) and marks the row done, all in ONE
  // transaction. When the claim is no longer this worker's (its lease
  // expired and another worker claimed the row, or it is done already),
  // nothing is written: kConflict.
  virtual Result<std::vector<Result<PutResult>>> complete_claim(const QueueClaim& claim,
                                                               const std::vector<PutItem>& items);
  // Marks the claimed row failed with the reason (the source cannot be read
  // or extracted); kConflict as complete_claim.
  virtual Status fail_claim(const QueueClaim& claim, const std::string& reason);
  virtual Result<QueueCounts> queue_counts();

  // ---- whole-store copy (pactum migrate; table_copy.h) ----
  // The store's tables for copying out or loading into; the copy holds the
  // store for its life. kUnsupported where the engine has none.
  virtual Result<std::unique_ptr<TableCopy>> table_copy();
};

// Opens (creating and migrating if needed) an SQLite store in WAL mode;
// ":memory:" is a private store that lives as long as the object. A file
// that is not a pactum store, or one written by a newer pactum, is
// kFailedPrecondition; a path that cannot be opened, kIoError. Several
// processes may open the same file; writers wait up to 5 s for each other.
Result<std::unique_ptr<Store>> open_sqlite(const std::filesystem::path& path);

// Opens a PostgreSQL store (store/pg_store.h) for a postgresql:// or
// postgres:// URL, else an SQLite store at the path `spec`.
Result<std::unique_ptr<Store>> open_store(const std::string& spec);
// True when `spec` names a PostgreSQL server rather than an SQLite file.
bool is_postgres_url(std::string_view spec);

}  // namespace pactum::store
