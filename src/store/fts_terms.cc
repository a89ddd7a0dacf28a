// FTS5's unicode61 tokenizer driven directly (fts_terms.h).
#include "store/fts_terms.h"

#include <cstring>
#include <memory>
#include <optional>
#include <unordered_set>

#include "common/hash.h"
#include "store/sqlite_db.h"

namespace pactum::store::sqlite {

namespace {

fts5_api* fts5_of(sqlite3* db) {
  fts5_api* fts = nullptr;
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &s, nullptr) != SQLITE_OK) return nullptr;
  sqlite3_bind_pointer(s, 1, static_cast<void*>(&fts), "fts5_api_ptr", nullptr);
  sqlite3_step(s);
  sqlite3_finalize(s);
  return fts;
}

}  // namespace

Result<IndexTokenizer> IndexTokenizer::open(sqlite3* db) {
  fts5_api* fts = fts5_of(db);
  if (fts == nullptr) return Status::internal("FTS5 is missing");
  auto* api = new fts5_tokenizer;
  void* user = nullptr;
  if (fts->xFindTokenizer(fts, "unicode61", &user, api) != SQLITE_OK) {
    delete api;
    return Status::internal("FTS5's unicode61 tokenizer is missing");
  }
  // The arguments of the index's tokenize= option (migrations.cc).
  const char* args[] = {"remove_diacritics", "2"};
  Fts5Tokenizer* tok = nullptr;
  if (api->xCreate(user, args, 2, &tok) != SQLITE_OK) {
    delete api;
    return Status::internal("cannot create FTS5's unicode61 tokenizer");
  }
  IndexTokenizer out;
  out.api_ = api;
  out.tok_ = tok;
  return out;
}

IndexTokenizer::IndexTokenizer(IndexTokenizer&& o) noexcept : api_(o.api_), tok_(o.tok_) {
  o.api_ = nullptr;
  o.tok_ = nullptr;
}

IndexTokenizer::~IndexTokenizer() {
  auto* api = static_cast<fts5_tokenizer*>(api_);
  if (api != nullptr && tok_ != nullptr) api->xDelete(static_cast<Fts5Tokenizer*>(tok_));
  delete api;
}

Status IndexTokenizer::tokens(std::string_view text, const std::function<void(std::string_view)>& each) const {
  if (text.empty()) return Status::ok();
  auto* api = static_cast<fts5_tokenizer*>(api_);
  auto cb = [](void* ctx, int, const char* token, int n, int, int) -> int {
    (*static_cast<const std::function<void(std::string_view)>*>(ctx))(
        std::string_view(token, static_cast<std::size_t>(n)));
    return SQLITE_OK;
  };
  int rc = api->xTokenize(static_cast<Fts5Tokenizer*>(tok_), const_cast<std::function<void(std::string_view)>*>(&each),
                          FTS5_TOKENIZE_DOCUMENT, text.data(), static_cast<int>(text.size()), cb);
  if (rc != SQLITE_OK) return Status::internal("FTS5 tokenizer failed");
  return Status::ok();
}

Status IndexTokenizer::cut(std::string_view text, TokenList& out) const {
  out.bytes.clear();
  out.tokens.clear();
  if (text.empty()) return Status::ok();
  auto* api = static_cast<fts5_tokenizer*>(api_);
  auto cb = [](void* ctx, int, const char* token, int n, int start, int end) -> int {
    auto* list = static_cast<TokenList*>(ctx);
    list->bytes.append(token, static_cast<std::size_t>(n));
    list->tokens.push_back({static_cast<std::uint32_t>(n), start, end});
    return SQLITE_OK;
  };
  int rc = api->xTokenize(static_cast<Fts5Tokenizer*>(tok_), &out, FTS5_TOKENIZE_DOCUMENT, text.data(),
                          static_cast<int>(text.size()), cb);
  if (rc != SQLITE_OK) return Status::internal("FTS5 tokenizer failed");
  return Status::ok();
}

std::vector<std::string> IndexTokenizer::tokens(std::string_view text) const {
  std::vector<std::string> out;
  (void)tokens(text, [&](std::string_view t) { out.emplace_back(t); });
  return out;
}

namespace {

// One in-memory connection per thread, for FTS5's tokenizer alone.
const IndexTokenizer* local_tokenizer() {
  struct Local {
    sqlite3* db = nullptr;
    std::optional<IndexTokenizer> tokenizer;
    Local() {
      configure_library();
      if (sqlite3_open(":memory:", &db) != SQLITE_OK) return;
      auto t = IndexTokenizer::open(db);
      if (t.is_ok()) tokenizer.emplace(std::move(*t));
    }
    ~Local() {
      tokenizer.reset();
      sqlite3_close(db);
    }
  };
  thread_local Local local;
  return local.tokenizer ? &*local.tokenizer : nullptr;
}

}  // namespace

std::shared_ptr<const std::vector<std::string>> distinct_terms(std::initializer_list<std::string_view> texts) {
  const IndexTokenizer* tokenizer = local_tokenizer();
  if (tokenizer == nullptr) return nullptr;
  std::unordered_set<std::string, StringViewHash, std::equal_to<>> seen;
  auto note = [&](std::string_view t) {
    if (seen.find(t) == seen.end()) seen.emplace(t);  // no string built for a repeat
  };
  for (std::string_view text : texts) {
    if (!tokenizer->tokens(text, note).is_ok()) return nullptr;
  }
  auto out = std::make_shared<std::vector<std::string>>();
  out->reserve(seen.size());
  for (auto it = seen.begin(); it != seen.end();) out->push_back(std::move(seen.extract(it++).value()));
  return out;
}

std::shared_ptr<const IndexColumnTokens> index_column_tokens(std::string_view title, std::string_view body,
                                                             std::string_view evidence) {
  const IndexTokenizer* tokenizer = local_tokenizer();
  if (tokenizer == nullptr) return nullptr;
  auto out = std::make_shared<IndexColumnTokens>();
  std::unordered_set<std::string_view, StringViewHash> seen;  // views into the columns' bytes
  const std::string_view texts[] = {title, body, evidence};
  for (std::size_t c = 0; c < 3; ++c) {
    if (!tokenizer->cut(texts[c], out->columns[c]).is_ok()) return nullptr;
  }
  for (const IndexTokenizer::TokenList& column : out->columns) {
    std::size_t at = 0;
    for (const IndexTokenizer::Token& t : column.tokens) {
      seen.insert(std::string_view(column.bytes).substr(at, t.size));
      at += t.size;
    }
  }
  out->terms.reserve(seen.size());
  for (std::string_view t : seen) out->terms.emplace_back(t);
  return out;
}

// ---- TokenReplay -----------------------------------------------------------

struct TokenReplay::Instance {
  TokenReplay* owner;
  Fts5Tokenizer* real;
  bool replayable;  // made with the arguments IndexTokenizer uses
};

Result<TokenReplay*> TokenReplay::install(sqlite3* db) {
  fts5_api* fts = fts5_of(db);
  if (fts == nullptr) return Status::internal("FTS5 is missing");
  auto replay = std::make_unique<TokenReplay>();
  if (fts->xFindTokenizer(fts, "unicode61", &replay->real_user_, &replay->real_) != SQLITE_OK) {
    return Status::internal("FTS5's unicode61 tokenizer is missing");
  }
  fts5_tokenizer ours{&TokenReplay::create, &TokenReplay::remove, &TokenReplay::tokenize};
  TokenReplay* raw = replay.get();
  // FTS5 finds the tokenizer registered last under a name; the connection
  // frees ours when it closes.
  int rc = fts->xCreateTokenizer(fts, "unicode61", raw, &ours,
                                 [](void* p) { delete static_cast<TokenReplay*>(p); });
  replay.release();
  if (rc != SQLITE_OK) return Status::internal("cannot register the index tokenizer");
  return raw;
}

int TokenReplay::create(void* self, const char** args, int n, Fts5Tokenizer** out) {
  auto* owner = static_cast<TokenReplay*>(self);
  Fts5Tokenizer* real = nullptr;
  int rc = owner->real_.xCreate(owner->real_user_, args, n, &real);
  if (rc != SQLITE_OK) return rc;
  // IndexTokenizer::open's arguments, those of the index's tokenize= option.
  const bool replayable = n == 2 && std::strcmp(args[0], "remove_diacritics") == 0 && std::strcmp(args[1], "2") == 0;
  *out = reinterpret_cast<Fts5Tokenizer*>(new Instance{owner, real, replayable});
  return SQLITE_OK;
}

void TokenReplay::remove(Fts5Tokenizer* tok) {
  auto* self = reinterpret_cast<Instance*>(tok);
  self->owner->real_.xDelete(self->real);
  delete self;
}

int TokenReplay::tokenize(Fts5Tokenizer* tok, void* ctx, int flags, const char* text, int n,
                          int (*each)(void*, int, const char*, int, int, int)) {
  auto* self = reinterpret_cast<Instance*>(tok);
  TokenReplay* owner = self->owner;
  if (self->replayable && owner->armed_ && flags == FTS5_TOKENIZE_DOCUMENT && n > 0) {
    const std::string_view given(text, static_cast<std::size_t>(n));
    for (const Column& column : owner->columns_) {
      if (column.tokens == nullptr || column.text != given) continue;
      ++owner->replayed_;
      // As unicode61 ends: a callback's error stops it, SQLITE_DONE is no error.
      const char* bytes = column.tokens->bytes.data();
      int rc = SQLITE_OK;
      for (const IndexTokenizer::Token& t : column.tokens->tokens) {
        rc = each(ctx, 0, bytes, static_cast<int>(t.size), t.start, t.end);
        if (rc != SQLITE_OK) break;
        bytes += t.size;
      }
      return rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
  }
  return owner->real_.xTokenize(self->real, ctx, flags, text, n, each);
}

}  // namespace pactum::store::sqlite
