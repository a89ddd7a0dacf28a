// pactum_rank(): the search index's ranking function, registered on every
// store connection (an FTS5 auxiliary function, used by SqliteStore::search).
#pragma once

#include <sqlite3.h>

#include <cstdint>

#include "common/status.h"

namespace pactum::store::sqlite {

// A phrase's document frequency is counted up to this many documents.
inline constexpr std::int64_t kRankDfCap = 1000;

// Registers pactum_rank(search_index, weight...) on the connection:
// BM25 (k1 1.2, b 0.75, column weights as FTS5's bm25()), higher is better,
// except that each phrase's document frequency is counted only up to
// kRankDfCap. FTS5's bm25() counts every document of every phrase once per
// query to weigh it, so a query's cost grew with the corpus even when it
// ranked only a few thousand candidates; with the cap, a phrase in more than
// 1,000 documents weighs as one in 1,000 (all frequent phrases alike).
//
// pactum_rank(search_index, groups, weight...): groups, a text of one number
// per phrase ("0 0 0 1 2"), makes the phrases of a group count as one
// phrase: their documents united for its frequency, their hits summed. A
// prefix phrase written as the terms it covers (SqliteStore::search) is
// so ranked exactly as the prefix phrase itself.
//
// pactum_rank(search_index, groups, ranked, weight...): ranked, an integer,
// ranks only the first `ranked` rows the statement passes and gives NULL
// for the rest (without reading their positions, most of the rank's cost).
// With ORDER BY rowid DESC, which FTS5 delivers without sorting, those are
// the newest matches (SqliteStore::search, kRankedCandidates).
//
// pactum_rank(search_index, groups, ranked, dfs, weight...): dfs, a text of
// one number per group ("12 1000 3"), gives each group's document frequency
// (capped at kRankDfCap here), counted by the caller, who can keep them
// between queries (SqliteStore::group_frequencies). Counting them here
// opens a cursor per phrase (xQueryPhrase), which for a query expanded to
// 60 phrases cost 10 of its 14 ms at 1,000,000 documents, whatever the cap.
//
// A column of weight 0 is not text: its tokens count neither in a document's
// length nor in the average (the index's facet tokens, SqliteStore::search),
// so that the ranking is the one of the weighted columns alone.
Status register_rank(sqlite3* db);

}  // namespace pactum::store::sqlite
