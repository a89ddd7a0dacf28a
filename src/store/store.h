// store's contract: where documents and what was extracted from them live.
// One implementation per engine (SQLite now, PostgreSQL later) behind this
// interface; both must pass the same tests (store_contract_test.cc).
//
// Every write of a document and its extraction is one transaction: after a
// crash the store holds the document with all its facts or nothing of it.
// Writing a document whose content hash is already stored changes nothing.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "extract/model.h"
#include "ingest/document.h"

namespace pactum::store {

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
  std::optional<double> min_confidence;
  std::size_t limit = 0;                  // 0: no limit
};

enum class PutResult { kStored, kDuplicate };

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

  virtual Result<bool> has_document(const std::string& content_hash) = 0;
  virtual Result<StoredDocument> document(std::int64_t id) = 0;
  virtual Result<std::int64_t> document_count() = 0;

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
};

// Opens (creating and migrating if needed) an SQLite store in WAL mode;
// ":memory:" is a private store that lives as long as the object. A file
// that is not a pactum store, or one written by a newer pactum, is
// kFailedPrecondition; a path that cannot be opened, kIoError. Several
// processes may open the same file; writers wait up to 5 s for each other.
Result<std::unique_ptr<Store>> open_sqlite(const std::filesystem::path& path);

}  // namespace pactum::store
