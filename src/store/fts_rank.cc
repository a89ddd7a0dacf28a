// pactum_rank(): BM25 with capped document frequencies (fts_rank.h). The
// formula is FTS5's own bm25() (ext/fts5/fts5_aux.c), so that ranks below
// the cap are the ones bm25() gives.
#include "store/fts_rank.h"

#include <cmath>
#include <string>
#include <vector>

namespace pactum::store::sqlite {

namespace {

constexpr double kK1 = 1.2;
constexpr double kB = 0.75;

// Per query (kept with xSetAuxdata): each phrase's IDF and the average
// document length in tokens.
struct RankData {
  std::vector<double> idf;
  double avgdl = 0;
  std::vector<double> freq;  // scratch, per row
};

int count_rows(const Fts5ExtensionApi*, Fts5Context*, void* user) {
  auto* n = static_cast<std::int64_t*>(user);
  return ++*n >= kRankDfCap ? SQLITE_DONE : SQLITE_OK;
}

int rank_data(const Fts5ExtensionApi* api, Fts5Context* ctx, RankData** out) {
  auto* data = static_cast<RankData*>(api->xGetAuxdata(ctx, 0));
  if (data != nullptr) {
    *out = data;
    return SQLITE_OK;
  }
  sqlite3_int64 rows = 0, tokens = 0;
  int rc = api->xRowCount(ctx, &rows);
  if (rc == SQLITE_OK) rc = api->xColumnTotalSize(ctx, -1, &tokens);
  if (rc != SQLITE_OK) return rc;
  auto* d = new RankData;
  d->avgdl = rows > 0 ? static_cast<double>(tokens) / static_cast<double>(rows) : 1;
  const int phrases = api->xPhraseCount(ctx);
  for (int i = 0; i < phrases && rc == SQLITE_OK; ++i) {
    std::int64_t hits = 0;
    rc = api->xQueryPhrase(ctx, i, &hits, count_rows);
    double idf = std::log((static_cast<double>(rows - hits) + 0.5) / (static_cast<double>(hits) + 0.5));
    d->idf.push_back(idf <= 0.0 ? 1e-6 : idf);
  }
  d->freq.assign(static_cast<std::size_t>(phrases), 0.0);
  if (rc != SQLITE_OK) {
    delete d;
    return rc;
  }
  rc = api->xSetAuxdata(ctx, d, [](void* p) { delete static_cast<RankData*>(p); });
  if (rc != SQLITE_OK) return rc;  // xSetAuxdata frees d on failure
  *out = d;
  return SQLITE_OK;
}

void rank(const Fts5ExtensionApi* api, Fts5Context* ctx, sqlite3_context* result, int nargs,
          sqlite3_value** args) {
  RankData* d = nullptr;
  int rc = rank_data(api, ctx, &d);
  int insts = 0;
  if (rc == SQLITE_OK) rc = api->xInstCount(ctx, &insts);
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(result, rc);
    return;
  }
  std::fill(d->freq.begin(), d->freq.end(), 0.0);
  for (int i = 0; i < insts; ++i) {
    int phrase = 0, column = 0, offset = 0;
    rc = api->xInst(ctx, i, &phrase, &column, &offset);
    if (rc != SQLITE_OK) {
      sqlite3_result_error_code(result, rc);
      return;
    }
    double w = column < nargs ? sqlite3_value_double(args[column]) : 1.0;
    if (phrase >= 0 && static_cast<std::size_t>(phrase) < d->freq.size()) d->freq[phrase] += w;
  }
  int length = 0;
  rc = api->xColumnSize(ctx, -1, &length);
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(result, rc);
    return;
  }
  const double norm = kK1 * (1 - kB + kB * static_cast<double>(length) / d->avgdl);
  double score = 0;
  for (std::size_t i = 0; i < d->freq.size(); ++i) {
    const double f = d->freq[i];
    score += d->idf[i] * (f * (kK1 + 1)) / (f + norm);
  }
  sqlite3_result_double(result, score);
}

}  // namespace

Status register_rank(sqlite3* db) {
  fts5_api* fts = nullptr;
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &s, nullptr) != SQLITE_OK) {
    return Status::internal(std::string("FTS5 is missing: ") + sqlite3_errmsg(db));
  }
  sqlite3_bind_pointer(s, 1, static_cast<void*>(&fts), "fts5_api_ptr", nullptr);
  sqlite3_step(s);
  sqlite3_finalize(s);
  if (fts == nullptr || fts->iVersion < 2) return Status::internal("FTS5 is missing or too old");
  if (fts->xCreateFunction(fts, "pactum_rank", nullptr, rank, nullptr) != SQLITE_OK) {
    return Status::internal("cannot register pactum_rank");
  }
  return Status::ok();
}

}  // namespace pactum::store::sqlite
