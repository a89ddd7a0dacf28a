// FTS5's unicode61 tokenizer driven directly (fts_terms.h).
#include "store/fts_terms.h"

#include <cstring>
#include <optional>
#include <unordered_set>

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

std::vector<std::string> IndexTokenizer::tokens(std::string_view text) const {
  std::vector<std::string> out;
  (void)tokens(text, [&](std::string_view t) { out.emplace_back(t); });
  return out;
}

std::shared_ptr<const std::vector<std::string>> distinct_terms(std::initializer_list<std::string_view> texts) {
  // One in-memory connection per thread, for FTS5's tokenizer alone.
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
  if (!local.tokenizer) return nullptr;
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view v) const { return std::hash<std::string_view>{}(v); }
  };
  std::unordered_set<std::string, Hash, std::equal_to<>> seen;
  auto note = [&](std::string_view t) {
    if (seen.find(t) == seen.end()) seen.emplace(t);  // no string built for a repeat
  };
  for (std::string_view text : texts) {
    if (!local.tokenizer->tokens(text, note).is_ok()) return nullptr;
  }
  auto out = std::make_shared<std::vector<std::string>>();
  out->reserve(seen.size());
  for (auto it = seen.begin(); it != seen.end();) out->push_back(std::move(seen.extract(it++).value()));
  return out;
}

}  // namespace pactum::store::sqlite
