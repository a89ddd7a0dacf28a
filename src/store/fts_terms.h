// The search index's vocabulary: the terms FTS5 holds, kept in the table
// search_terms (migration 8) so that a prefix query can be written as the
// terms it covers. Used by SqliteStore's write path and search.
#pragma once

#include <sqlite3.h>

#include <functional>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace pactum::store::sqlite {

// A prefix that covers more terms than this is left to FTS5's own prefix
// query (slow for a short prefix at scale, but exact and rare).
inline constexpr std::size_t kMaxPrefixTerms = 64;

// Cuts text into terms exactly as the search index's tokenizer does
// (unicode61 remove_diacritics 2, migrations.cc): FTS5's own tokenizer,
// looked up on the connection, so the vocabulary and the index never
// disagree on a term.
class IndexTokenizer {
 public:
  static Result<IndexTokenizer> open(sqlite3* db);
  IndexTokenizer(IndexTokenizer&& o) noexcept;
  IndexTokenizer& operator=(IndexTokenizer&&) = delete;
  ~IndexTokenizer();

  // Calls each(term) for every token of text, in order.
  Status tokens(std::string_view text, const std::function<void(std::string_view)>& each) const;
  std::vector<std::string> tokens(std::string_view text) const;

 private:
  IndexTokenizer() = default;
  void* api_ = nullptr;  // fts5_tokenizer*, owned by the connection
  void* tok_ = nullptr;  // Fts5Tokenizer*, ours
};

// The distinct terms of texts as IndexTokenizer cuts them, in no particular
// order; for any thread (each has its own tokenizer on an in-memory
// connection), so that ingest workers do this and the one writer only looks
// the terms up (SqliteStore::record_terms). Null if the tokenizer cannot be
// had: the writer then tokenizes itself.
std::shared_ptr<const std::vector<std::string>> distinct_terms(std::initializer_list<std::string_view> texts);

}  // namespace pactum::store::sqlite
