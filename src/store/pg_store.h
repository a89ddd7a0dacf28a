// The Store on PostgreSQL (libpq): one connection per Store, one transaction
// per document (put) or per batch (put_batch), the schema in
// pg_migrations.cc. Declared here, not hidden in pg_store.cc, so that other
// files of src/store can add members (the worker queue, pg_queue.cc).
// Behaves as the SQLite store does: the same contract tests run on both.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "store/pg_db.h"
#include "store/store.h"

namespace pactum::store {

class PgStore : public Store {
 public:
  explicit PgStore(pg::Db db) : db_(std::move(db)) {}

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
  Result<std::vector<CurationEntry>> curate_event(std::int64_t event_id, const EventCuration& curation) override;
  Result<CurationEntry> merge_actors(const std::string& keep, const std::string& absorb, const std::string& author,
                                     const std::string& note) override;
  Result<std::vector<CurationEntry>> curation_log(std::size_t limit) override;
  Result<SearchResult> search(const TextQuery& query, const SearchFilter& filter) override;
  Result<std::size_t> put_mineral_rows(const std::vector<MineralRow>& rows) override;
  Result<std::vector<MineralRow>> mineral_rows() override;
  Result<std::int64_t> put_api_token(const std::string& name, const std::string& sha256) override;
  Result<std::optional<std::string>> api_token(const std::string& sha256) override;

  Result<ProfileImport> put_profiles(const std::vector<kb::Profile>& profiles) override;
  Result<kb::Profile> profile(const std::string& id) override;
  Result<std::vector<kb::Profile>> profiles() override;
  Status delete_profile(const std::string& id) override;
  Result<InterestRecord> add_interest(const std::string& profile_id, const std::string& organization,
                                      const std::string& from_profile, const std::string& author,
                                      const std::string& note) override;
  Result<InterestRecord> interest_step(std::int64_t interest_id, const std::string& step, const std::string& author,
                                       const std::string& note) override;
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

  // The document queue (pg_queue.cc): claims with FOR UPDATE SKIP LOCKED;
  // completing a claim shares put_batch's transaction.
  Result<std::size_t> enqueue(const std::vector<QueueItem>& items) override;
  Result<std::vector<QueueClaim>> claim(const std::string& worker, std::size_t limit,
                                        std::int64_t lease_seconds) override;
  Result<std::vector<Result<PutResult>>> complete_claim(const QueueClaim& claim,
                                                       const std::vector<PutItem>& items) override;
  Status fail_claim(const QueueClaim& claim, const std::string& reason) override;
  Result<QueueCounts> queue_counts() override;
  // pg_copy.cc; the loaded store's search index is rebuilt from its rows.
  Result<std::unique_ptr<TableCopy>> table_copy() override;

 protected:
  // Write path; each runs inside a transaction the caller opened, with mu_
  // held. put_locked writes one document and commits nothing.
  Result<PutResult> put_locked(const ingest::Document& doc, const extract::Extraction& x,
                               const PreparedDocument* prepared);
  // before_commit, if set, runs last in the transaction; its error rolls
  // the batch back (complete_claim marks its queue row there).
  Result<std::vector<Result<PutResult>>> put_batch_locked(
      const std::vector<PutItem>& items, bool savepoints, bool* has_bad_document,
      const std::function<Status(const std::vector<Result<PutResult>>&)>& before_commit = {});
  Result<std::optional<std::int64_t>> insert_document(const ingest::Document& doc, const extract::Extraction& x);
  Status insert_people(std::int64_t document_id, const ingest::Document& doc, const extract::Extraction& x);
  Status insert_organizations(std::int64_t document_id, const extract::Extraction& x);
  Result<std::int64_t> insert_event(std::int64_t document_id, std::size_t position, const ingest::Document& doc,
                                    const extract::Event& e, std::vector<std::int64_t>* actor_ids,
                                    std::string* curation);
  Result<std::int64_t> upsert_actor(const extract::Party& party, std::string_view mention);
  Status add_alias(std::int64_t actor_id, std::string_view alias);
  Status add_name_key(std::int64_t actor_id, std::string_view name);

  // Knowledge base, inside a write transaction.
  Status apply_overrides(const std::string& content_hash, extract::Event& e, std::string* curation);
  Result<bool> link_near_duplicate(std::int64_t document_id, const std::optional<kb::Signature>& sig);
  Status index_document(std::int64_t document_id, const std::string& language, std::string_view title,
                        std::string indexed_body, const std::vector<std::string>& evidence);
  Status place_event(std::int64_t event_id, std::int64_t document_id, const std::vector<std::int64_t>& actor_ids,
                     const std::string& instrument, const std::string& stage, const std::string& date, bool is_copy);
  Status place_stored_event(std::int64_t event_id);
  Status replace_party_set(const std::string& key, std::int64_t also_event);
  Status rebuild_agreements();
  Status rebuild_locked();
  Status reindex_locked();  // the search index alone, from documents and events
  Result<std::int64_t> log_curation(const CurationEntry& e);
  Result<std::vector<CurationEntry>> read_log(std::optional<std::int64_t> id, std::size_t limit);
  Result<std::optional<std::int64_t>> find_actor_id(const std::string& name_or_code);
  Result<AgreementRecord> load_agreement(std::int64_t id);
  Result<std::vector<EventRecord>> document_events(std::int64_t document_id);
  Status load_event_details(std::vector<EventRecord>& events);
  Result<ActorRecord> load_actor(std::int64_t id);
  Result<InterestRecord> read_interest(std::int64_t interest_id);

  // One connection is not safe for concurrent use; every public method
  // takes mu_ for its whole length.
  std::mutex mu_;
  pg::Db db_;  // guarded by mu_
};

// Opens (creating the schema and migrating if needed) a store in the
// database `url` names (postgresql://USER[:PASSWORD]@HOST[:PORT]/DB[?...]),
// in the schema its search_path selects (default public). A server that
// cannot be reached is kIoError; a schema holding another application's
// tables, or written by a newer pactum, kFailedPrecondition.
Result<std::unique_ptr<Store>> open_postgres(const std::string& url);

}  // namespace pactum::store
