// pactum_rank(): BM25 with capped document frequencies (fts_rank.h). The
// formula is FTS5's own bm25() (ext/fts5/fts5_aux.c), so that ranks below
// the cap are the ones bm25() gives.
#include "store/fts_rank.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_set>
#include <vector>

namespace pactum::store::sqlite {

namespace {

constexpr double kK1 = 1.2;
constexpr double kB = 0.75;

// Per query (kept with xSetAuxdata): each group's IDF, each phrase's group
// and the average document length in tokens.
struct RankData {
  std::vector<double> idf;   // per group
  std::vector<int> group;    // per phrase
  double avgdl = 0;
  std::vector<double> freq;  // scratch, per row, per group
  std::int64_t ranked = 0;   // rows ranked so far by this statement
  std::vector<int> length_columns;  // the columns a length counts; empty: all
};

// The columns of non-zero weight, or none when that is every column (a
// length is then FTS5's own total, one call).
std::vector<int> weighted_columns(const Fts5ExtensionApi* api, Fts5Context* ctx, int nargs, sqlite3_value** weights) {
  std::vector<int> out;
  const int columns = api->xColumnCount(ctx);
  for (int c = 0; c < columns; ++c) {
    if (c >= nargs || sqlite3_value_double(weights[c]) != 0.0) out.push_back(c);
  }
  if (static_cast<int>(out.size()) == columns) out.clear();
  return out;
}

int count_rows(const Fts5ExtensionApi*, Fts5Context*, void* user) {
  auto* n = static_cast<std::int64_t*>(user);
  return ++*n >= kRankDfCap ? SQLITE_DONE : SQLITE_OK;
}

// The documents of a group's phrases, united, up to the cap.
int collect_rows(const Fts5ExtensionApi* api, Fts5Context* ctx, void* user) {
  auto* seen = static_cast<std::unordered_set<sqlite3_int64>*>(user);
  seen->insert(api->xRowid(ctx));
  return static_cast<std::int64_t>(seen->size()) >= kRankDfCap ? SQLITE_DONE : SQLITE_OK;
}

// "0 0 1 2 2": the group of each phrase; one group per phrase when absent
// or not one number per phrase.
std::vector<int> parse_groups(sqlite3_value* v, int phrases) {
  std::vector<int> out;
  if (v != nullptr && sqlite3_value_type(v) == SQLITE_TEXT) {
    const char* p = reinterpret_cast<const char*>(sqlite3_value_text(v));
    int current = -1, last = -1;
    bool ok = true;
    for (; p != nullptr && *p != '\0'; ++p) {
      if (*p >= '0' && *p <= '9') {
        current = (current < 0 ? 0 : current * 10) + (*p - '0');
      } else if (*p == ' ' && current >= 0) {
        ok = ok && (current == last || current == last + 1);  // groups are runs, numbered in order
        out.push_back(last = current);
        current = -1;
      } else if (*p != ' ') {
        ok = false;
      }
    }
    if (current >= 0) {
      ok = ok && (current == last || current == last + 1);
      out.push_back(current);
    }
    if (!ok || out.size() != static_cast<std::size_t>(phrases) || (!out.empty() && out[0] != 0)) out.clear();
  }
  if (out.empty()) {
    for (int i = 0; i < phrases; ++i) out.push_back(i);
  }
  return out;
}

// "12 1000 3": each group's document frequency, counted by the caller;
// empty unless one number per group.
std::vector<std::int64_t> parse_dfs(sqlite3_value* v, std::size_t groups) {
  std::vector<std::int64_t> out;
  if (v == nullptr || sqlite3_value_type(v) != SQLITE_TEXT) return out;
  const char* p = reinterpret_cast<const char*>(sqlite3_value_text(v));
  std::int64_t current = -1;
  for (; p != nullptr && *p != '\0'; ++p) {
    if (*p >= '0' && *p <= '9') {
      current = (current < 0 ? 0 : current * 10) + (*p - '0');
    } else if (*p == ' ') {
      if (current >= 0) out.push_back(current);
      current = -1;
    } else {
      return {};
    }
  }
  if (current >= 0) out.push_back(current);
  if (out.size() != groups) out.clear();
  return out;
}

int rank_data(const Fts5ExtensionApi* api, Fts5Context* ctx, sqlite3_value* groups, sqlite3_value* dfs,
              int nargs, sqlite3_value** weights, RankData** out) {
  auto* data = static_cast<RankData*>(api->xGetAuxdata(ctx, 0));
  if (data != nullptr) {
    *out = data;
    return SQLITE_OK;
  }
  sqlite3_int64 rows = 0, tokens = 0;
  std::vector<int> length_columns = weighted_columns(api, ctx, nargs, weights);
  int rc = api->xRowCount(ctx, &rows);
  if (length_columns.empty()) {
    if (rc == SQLITE_OK) rc = api->xColumnTotalSize(ctx, -1, &tokens);
  } else {
    for (int c : length_columns) {
      sqlite3_int64 n = 0;
      if (rc == SQLITE_OK) rc = api->xColumnTotalSize(ctx, c, &n);
      tokens += n;
    }
  }
  if (rc != SQLITE_OK) return rc;
  auto* d = new RankData;
  d->length_columns = std::move(length_columns);
  d->avgdl = rows > 0 ? static_cast<double>(tokens) / static_cast<double>(rows) : 1;
  const int phrases = api->xPhraseCount(ctx);
  d->group = parse_groups(groups, phrases);
  const std::vector<std::int64_t> given = parse_dfs(dfs, d->group.empty() ? 0 : static_cast<std::size_t>(d->group.back()) + 1);
  for (int i = 0; i < phrases && rc == SQLITE_OK;) {
    int end = i + 1;
    while (end < phrases && d->group[end] == d->group[i]) ++end;
    std::int64_t hits = 0;
    if (!given.empty()) {
      hits = std::min(given[d->group[i]], kRankDfCap);
    } else if (end == i + 1) {
      rc = api->xQueryPhrase(ctx, i, &hits, count_rows);
    } else {
      std::unordered_set<sqlite3_int64> seen;
      for (int p = i; p < end && rc == SQLITE_OK && static_cast<std::int64_t>(seen.size()) < kRankDfCap; ++p) {
        rc = api->xQueryPhrase(ctx, p, &seen, collect_rows);
      }
      hits = static_cast<std::int64_t>(seen.size());
    }
    double idf = std::log((static_cast<double>(rows - hits) + 0.5) / (static_cast<double>(hits) + 0.5));
    d->idf.push_back(idf <= 0.0 ? 1e-6 : idf);
    i = end;
  }
  d->freq.assign(d->idf.size(), 0.0);
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
  // An optional first argument names each phrase's group (text), then an
  // optional integer caps the rows ranked, then optional document
  // frequencies (text, one per group); the column weights follow.
  sqlite3_value* groups = nargs > 0 && sqlite3_value_type(args[0]) == SQLITE_TEXT ? args[0] : nullptr;
  if (groups != nullptr) {
    ++args;
    --nargs;
  }
  std::int64_t budget = -1;
  if (groups != nullptr && nargs > 0 && sqlite3_value_type(args[0]) == SQLITE_INTEGER) {
    budget = sqlite3_value_int64(args[0]);
    ++args;
    --nargs;
  }
  sqlite3_value* dfs = nullptr;
  if (groups != nullptr && nargs > 0 && sqlite3_value_type(args[0]) == SQLITE_TEXT) {
    dfs = args[0];
    ++args;
    --nargs;
  }
  RankData* d = nullptr;
  int rc = rank_data(api, ctx, groups, dfs, nargs, args, &d);
  if (rc == SQLITE_OK && budget >= 0 && d->ranked >= budget) {
    // Past the budget: no score, and none of the cost of one (below, the
    // positions of every phrase of the row).
    sqlite3_result_null(result);
    return;
  }
  int insts = 0;
  if (rc == SQLITE_OK) {
    ++d->ranked;
    rc = api->xInstCount(ctx, &insts);
  }
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
    if (phrase >= 0 && static_cast<std::size_t>(phrase) < d->group.size()) d->freq[d->group[phrase]] += w;
  }
  int length = 0;
  if (d->length_columns.empty()) {
    rc = api->xColumnSize(ctx, -1, &length);
  } else {
    for (int c : d->length_columns) {
      int n = 0;
      if (rc == SQLITE_OK) rc = api->xColumnSize(ctx, c, &n);
      length += n;
    }
  }
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
