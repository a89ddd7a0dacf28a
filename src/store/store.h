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
};

struct ActorRecord {
  std::int64_t id = 0;
  std::string name, kind, country, subdivision;
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

struct EventFilter {
  std::optional<std::string> party;       // actor name, alias or code (any party)
  std::optional<std::string> sector;      // taxonomy id
  std::optional<std::string> instrument;
  std::optional<std::string> stage;
  std::optional<std::string> since;       // YYYY[-MM[-DD]], compared on the event date
  std::optional<std::string> until;
  std::optional<std::string> language;
  std::optional<double> min_confidence;
  std::size_t limit = 0;                  // 0: no limit
};

enum class PutResult { kStored, kDuplicate };

class Store {
 public:
  virtual ~Store() = default;

  // Stores the document and its extraction in one transaction.
  virtual Result<PutResult> put(const ingest::Document& doc, const extract::Extraction& x) = 0;

  virtual Result<bool> has_document(const std::string& content_hash) = 0;
  virtual Result<StoredDocument> document(std::int64_t id) = 0;
  virtual Result<std::int64_t> document_count() = 0;

  virtual Result<std::vector<EventRecord>> events(const EventFilter& filter) = 0;
  virtual Result<EventRecord> event(std::int64_t id) = 0;

  // An actor by id, canonical name, alias (any case) or ISO code.
  virtual Result<ActorRecord> actor(const std::string& name_or_code) = 0;
  virtual Result<std::vector<ActorRecord>> actors() = 0;

  // People of a document, as extracted.
  virtual Result<std::vector<extract::Person>> people(std::int64_t document_id) = 0;

  // Schema version of the open store (the number of the last migration applied).
  virtual Result<int> schema_version() = 0;
};

// Opens (creating and migrating if needed) an SQLite store in WAL mode.
Result<std::unique_ptr<Store>> open_sqlite(const std::filesystem::path& path);

}  // namespace pactum::store
