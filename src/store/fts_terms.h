// The search index's vocabulary: the terms FTS5 holds, kept in the table
// search_terms (migration 8) so that a prefix query can be written as the
// terms it covers. Used by SqliteStore's write path and search.
#pragma once

#include <sqlite3.h>

#include <array>
#include <cstdint>
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

  // A text's tokens with their byte offsets, as FTS5 is given them.
  struct Token {
    std::uint32_t size;  // of its bytes in TokenList::bytes, after the previous token's
    std::int32_t start, end;
  };
  struct TokenList {
    std::string bytes;
    std::vector<Token> tokens;
  };
  Status cut(std::string_view text, TokenList& out) const;

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

// The search index's three text columns (title, body, evidence) as its
// tokenizer cuts them, and their distinct terms: what an ingest worker
// works out so that the writer neither looks for the terms (record_terms)
// nor has FTS5 cut the texts again (TokenReplay). Null if the tokenizer
// cannot be had.
struct IndexColumnTokens {
  std::vector<std::string> terms;  // distinct, in no particular order
  std::array<IndexTokenizer::TokenList, 3> columns;
};
std::shared_ptr<const IndexColumnTokens> index_column_tokens(std::string_view title, std::string_view body,
                                                             std::string_view evidence);

// A tokenizer registered on a connection as "unicode61", ahead of FTS5's
// own, so that the search index (tokenize='unicode61 remove_diacritics 2')
// is created with it: it cuts every text with FTS5's unicode61, except a
// text that was armed with its tokens, cut before by the same tokenizer
// with the same arguments (IndexTokenizer::cut): those tokens are handed to
// FTS5 as they are. The index gets exactly the tokens it would have got;
// the write path is spared cutting the texts a worker already cut.
// Replays only while armed, only for document text (not queries), only a
// text byte-for-byte equal to the armed one, and only in a tokenizer made
// with the index's arguments. Other connections (the sqlite3 shell) use
// FTS5's unicode61 on the same files.
class TokenReplay {
 public:
  // Registers the tokenizer on db; the connection owns it (freed when it
  // closes). Must run before the search index is first used on db.
  static Result<TokenReplay*> install(sqlite3* db);

  struct Column {
    std::string_view text;
    const IndexTokenizer::TokenList* tokens;
  };
  // Until disarm(): texts equal to one of these columns' are replayed.
  void arm(const std::array<Column, 3>& columns) {
    columns_ = columns;
    armed_ = true;
  }
  void disarm() { armed_ = false; }
  // Texts replayed so far (for tests).
  std::size_t replayed() const { return replayed_; }

 private:
  struct Instance;
  static int create(void* self, const char** args, int n, Fts5Tokenizer** out);
  static void remove(Fts5Tokenizer* tok);
  static int tokenize(Fts5Tokenizer* tok, void* ctx, int flags, const char* text, int n,
                      int (*each)(void*, int, const char*, int, int, int));
  fts5_tokenizer real_{};
  void* real_user_ = nullptr;
  std::array<Column, 3> columns_{};
  bool armed_ = false;
  std::size_t replayed_ = 0;
};

}  // namespace pactum::store::sqlite
