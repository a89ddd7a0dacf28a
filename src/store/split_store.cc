// Reads to the replica, writes to the primary; see split_store.h.
#include "store/split_store.h"

#include "store/table_copy.h"

namespace pactum::store {

namespace {

class SplitStore final : public Store {
 public:
  SplitStore(std::unique_ptr<Store> w, std::unique_ptr<Store> r) : w_(std::move(w)), r_(std::move(r)) {}

  // ---- writes, and reads that must see the latest write: the primary ----
  Result<PutResult> put(const ingest::Document& doc, const extract::Extraction& x) override { return w_->put(doc, x); }
  Result<std::vector<Result<PutResult>>> put_batch(const std::vector<PutItem>& items) override {
    return w_->put_batch(items);
  }
  // The ingest checks this before extracting: on the primary, so a document
  // stored a moment ago is not extracted again.
  Result<bool> has_document(const std::string& h) override { return w_->has_document(h); }
  Result<int> schema_version() override { return w_->schema_version(); }
  Status rebuild_knowledge_base() override { return w_->rebuild_knowledge_base(); }
  Result<std::vector<CurationEntry>> curate_event(std::int64_t id, const EventCuration& c) override {
    return w_->curate_event(id, c);
  }
  Result<CurationEntry> merge_actors(const std::string& k, const std::string& a, const std::string& author,
                                     const std::string& note) override {
    return w_->merge_actors(k, a, author, note);
  }
  Result<std::size_t> put_mineral_rows(const std::vector<MineralRow>& rows) override {
    return w_->put_mineral_rows(rows);
  }
  Result<std::int64_t> put_api_token(const std::string& n, const std::string& h) override {
    return w_->put_api_token(n, h);
  }
  // A token made a moment ago must work at once.
  Result<std::optional<std::string>> api_token(const std::string& h) override { return w_->api_token(h); }
  Result<ProfileImport> put_profiles(const std::vector<kb::Profile>& p) override { return w_->put_profiles(p); }
  Status delete_profile(const std::string& id) override { return w_->delete_profile(id); }
  Result<InterestRecord> add_interest(const std::string& p, const std::string& o, const std::string& f,
                                      const std::string& a, const std::string& n) override {
    return w_->add_interest(p, o, f, a, n);
  }
  Result<InterestRecord> interest_step(std::int64_t id, const std::string& s, const std::string& a,
                                       const std::string& n) override {
    return w_->interest_step(id, s, a, n);
  }
  Result<FeedRecord> add_feed(const std::string& u, const std::string& n, std::int64_t i) override {
    return w_->add_feed(u, n, i);
  }
  Result<std::vector<FeedRecord>> feeds() override { return w_->feeds(); }
  Status record_feed_poll(const FeedRecord& f, const std::vector<std::string>& k) override {
    return w_->record_feed_poll(f, k);
  }
  Result<std::vector<bool>> feed_items_seen(std::int64_t id, const std::vector<std::string>& k) override {
    return w_->feed_items_seen(id, k);
  }
  Status remove_feed(const std::string& id) override { return w_->remove_feed(id); }
  Status add_watch(const WatchRecord& w) override { return w_->add_watch(w); }
  Result<std::vector<WatchRecord>> watches() override { return w_->watches(); }
  Result<WatchRecord> watch(const std::string& n) override { return w_->watch(n); }
  Status set_watch_checked(const std::string& n, const std::string& at) override {
    return w_->set_watch_checked(n, at);
  }
  Status remove_watch(const std::string& n) override { return w_->remove_watch(n); }
  Result<std::string> now() override { return w_->now(); }
  Result<std::size_t> enqueue(const std::vector<QueueItem>& items) override { return w_->enqueue(items); }
  Result<std::vector<QueueClaim>> claim(const std::string& w, std::size_t n, std::int64_t s) override {
    return w_->claim(w, n, s);
  }
  Result<std::vector<Result<PutResult>>> complete_claim(const QueueClaim& c, const std::vector<PutItem>& i) override {
    return w_->complete_claim(c, i);
  }
  Status fail_claim(const QueueClaim& c, const std::string& r) override { return w_->fail_claim(c, r); }
  Result<QueueCounts> queue_counts() override { return w_->queue_counts(); }
  Result<std::unique_ptr<TableCopy>> table_copy() override { return w_->table_copy(); }

  // ---- reads: the replica ----
  Result<StoredDocument> document(std::int64_t id) override { return r_->document(id); }
  Result<std::int64_t> document_count() override { return r_->document_count(); }
  Result<std::vector<StoredDocument>> documents(std::size_t o, std::size_t l) override { return r_->documents(o, l); }
  Result<std::vector<EventRecord>> events(const EventFilter& f) override { return r_->events(f); }
  Result<EventRecord> event(std::int64_t id) override { return r_->event(id); }
  Result<ActorRecord> actor(const std::string& n) override { return r_->actor(n); }
  Result<std::vector<ActorRecord>> actors() override { return r_->actors(); }
  Result<std::vector<extract::Person>> people(std::int64_t id) override { return r_->people(id); }
  Result<std::vector<AgreementRecord>> agreements(const AgreementFilter& f) override { return r_->agreements(f); }
  Result<AgreementRecord> agreement(std::int64_t id) override { return r_->agreement(id); }
  Result<std::int64_t> agreement_of_event(std::int64_t id) override { return r_->agreement_of_event(id); }
  Result<std::optional<DocumentLink>> original_of(std::int64_t id) override { return r_->original_of(id); }
  Result<std::vector<CurationEntry>> curation_log(std::size_t l) override { return r_->curation_log(l); }
  Result<SearchResult> search(const TextQuery& q, const SearchFilter& f) override { return r_->search(q, f); }
  Result<std::vector<MineralRow>> mineral_rows() override { return r_->mineral_rows(); }
  Result<kb::Profile> profile(const std::string& id) override { return r_->profile(id); }
  Result<std::vector<kb::Profile>> profiles() override { return r_->profiles(); }
  Result<InterestRecord> interest(std::int64_t id) override { return r_->interest(id); }
  Result<std::vector<InterestRecord>> interests(const std::string& p) override { return r_->interests(p); }

 private:
  std::unique_ptr<Store> w_, r_;
};

}  // namespace

std::unique_ptr<Store> split_store(std::unique_ptr<Store> primary, std::unique_ptr<Store> replica) {
  return std::make_unique<SplitStore>(std::move(primary), std::move(replica));
}

}  // namespace pactum::store
