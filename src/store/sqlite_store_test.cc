// Tests of the SQLite engine beyond the shared contract: opening foreign or
// newer files, migrations, WAL, and a writer killed in mid-document.
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <cstdio>
#include <map>
#include <set>
#include <thread>

#include "common/files.h"
#include "common/hash.h"
#include "store/fts_rank.h"
#include "store/fts_terms.h"
#include "store/migrations.h"
#include "store/sqlite_db.h"
#include "store/store.h"
#include "store/store_contract_test.h"

namespace pactum::store {
namespace {

using sqlite::Db;

TEST(SqliteStore, TextFileIsNotAStore) {
  TempDir dir;
  auto path = dir.path() / "notes.txt";
  std::string text;
  for (int i = 0; i < 100; ++i) text += "This is a plain text file, not a database.\n";
  std::ofstream(path) << text;
  auto s = open_sqlite(path);
  ASSERT_FALSE(s.is_ok());
  EXPECT_EQ(s.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(s.status().message(), path.string() + " is not a pactum store: file is not a database");
  EXPECT_EQ(*read_file(path), text);  // untouched
  EXPECT_FALSE(std::filesystem::exists(path.string() + "-wal"));
}

TEST(SqliteStore, ShortBinaryFileIsNotAStore) {
  TempDir dir;
  auto path = dir.path() / "junk.db";
  std::ofstream(path, std::ios::binary) << std::string("\x01\x02\x03\x00garbage", 11);
  auto s = open_sqlite(path);
  ASSERT_FALSE(s.is_ok());
  EXPECT_TRUE(s.status().code() == StatusCode::kFailedPrecondition ||
              s.status().code() == StatusCode::kCorruption)
      << s.status().to_string();
}

TEST(SqliteStore, OtherApplicationsDatabaseIsNotAStore) {
  TempDir dir;
  auto tables = dir.path() / "other.db";
  auto app_id = dir.path() / "app.db";
  {
    auto db = Db::open(tables.string());
    ASSERT_TRUE(db.is_ok());
    ASSERT_TRUE(db->exec("CREATE TABLE notes(body TEXT)").is_ok());
    auto db2 = Db::open(app_id.string());
    ASSERT_TRUE(db2.is_ok());
    ASSERT_TRUE(db2->exec("PRAGMA application_id = 42").is_ok());
  }
  for (const auto& path : {tables, app_id}) {
    auto s = open_sqlite(path);
    ASSERT_FALSE(s.is_ok()) << path;
    EXPECT_EQ(s.status().code(), StatusCode::kFailedPrecondition);
    EXPECT_NE(s.status().message().find("is not a pactum store"), std::string::npos)
        << s.status().message();
  }
  // Their tables are left as they were.
  auto db = Db::open(tables.string());
  ASSERT_TRUE(db.is_ok());
  EXPECT_EQ(*db->query_int("SELECT count(*) FROM sqlite_schema"), 1);
  EXPECT_EQ(*db->query_text("PRAGMA journal_mode"), "delete");
}

TEST(SqliteStore, StoreOfANewerPactumIsRefused) {
  TempDir dir;
  auto path = dir.path() / "pactum.db";
  ASSERT_TRUE(open_sqlite(path).is_ok());
  {
    auto db = Db::open(path.string());
    ASSERT_TRUE(db.is_ok());
    ASSERT_TRUE(db->exec("PRAGMA user_version = 999").is_ok());
  }
  auto s = open_sqlite(path);
  ASSERT_FALSE(s.is_ok());
  EXPECT_EQ(s.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(s.status().message().find("newer pactum"), std::string::npos) << s.status().message();
  EXPECT_NE(s.status().message().find("999"), std::string::npos) << s.status().message();
}

TEST(SqliteStore, UnopenablePathIsAnIoError) {
  TempDir dir;
  auto s = open_sqlite(dir.path() / "no" / "such" / "dir" / "pactum.db");
  ASSERT_FALSE(s.is_ok());
  EXPECT_EQ(s.status().code(), StatusCode::kIoError);
  EXPECT_NE(s.status().message().find("no/such/dir"), std::string::npos) << s.status().message();
  auto d = open_sqlite(dir.path());  // a directory
  ASSERT_FALSE(d.is_ok());
  EXPECT_EQ(d.status().code(), StatusCode::kIoError) << d.status().to_string();
}

TEST(SqliteStore, FileIsInWalModeAndMigratedOnce) {
  TempDir dir;
  auto path = dir.path() / "pactum.db";
  for (int i = 0; i < 2; ++i) {
    auto s = open_sqlite(path);
    ASSERT_TRUE(s.is_ok()) << s.status().to_string();
    EXPECT_EQ(*(*s)->schema_version(), sqlite::latest_schema_version());
  }
  auto db = Db::open(path.string());
  ASSERT_TRUE(db.is_ok());
  EXPECT_EQ(*db->query_text("PRAGMA journal_mode"), "wal");
  EXPECT_EQ(*db->query_int("PRAGMA application_id"), sqlite::kApplicationId);
  EXPECT_EQ(*db->query_int("SELECT count(*) FROM schema_migrations"),
            static_cast<std::int64_t>(sqlite::migrations().size()));
}

TEST(SqliteStore, MigrationsAreNumberedFromOneWithoutGaps) {
  int expected = 1;
  for (const auto& m : sqlite::migrations()) {
    EXPECT_EQ(m.version, expected++) << m.description;
    EXPECT_NE(std::string(m.sql).find_first_not_of(" \n"), std::string::npos);
  }
  EXPECT_EQ(sqlite::latest_schema_version(), expected - 1);
}

TEST(SqliteStore, FailedMigrationKeepsThePreviousVersionWhole) {
  auto db = Db::open(":memory:");
  ASSERT_TRUE(db.is_ok());
  const sqlite::Migration first = sqlite::migrations()[0];
  const sqlite::Migration broken[] = {
      first, {2, "half", "CREATE TABLE extra(x INTEGER); SELECT * FROM no_such_table;"}};
  Status st = sqlite::migrate(*db, broken);
  ASSERT_FALSE(st.is_ok());
  EXPECT_NE(st.message().find("migration 2 (half)"), std::string::npos) << st.message();
  EXPECT_EQ(*db->query_int("PRAGMA user_version"), 1);
  EXPECT_EQ(*db->query_int("SELECT count(*) FROM sqlite_schema WHERE name = 'extra'"), 0);
  EXPECT_TRUE(db->autocommit());

  const sqlite::Migration fixed[] = {first, {2, "whole", "CREATE TABLE extra(x INTEGER);"}};
  ASSERT_TRUE(sqlite::migrate(*db, fixed).is_ok());
  EXPECT_EQ(*db->query_int("PRAGMA user_version"), 2);
  EXPECT_EQ(*db->query_int("SELECT count(*) FROM schema_migrations"), 2);
  // Knowing fewer migrations than the database has applied is a newer store.
  EXPECT_EQ(sqlite::migrate(*db, std::span<const sqlite::Migration>(&first, 1)).code(),
            StatusCode::kFailedPrecondition);
}

// A new store's schema is one commit (creating a store at the start of
// every ingest paid one per migration); an upgrade is still one commit per
// migration, so that a failing one keeps those before it.
TEST(SqliteStore, NewStoreIsCreatedInOneCommitAnUpgradeInOnePerMigration) {
  auto db = Db::open(":memory:");
  ASSERT_TRUE(db.is_ok());
  int commits = 0;
  sqlite3_commit_hook(
      db->handle(), [](void* n) { return ++*static_cast<int*>(n), 0; }, &commits);
  ASSERT_TRUE(sqlite::migrate(*db, sqlite::migrations().first(7)).is_ok());
  EXPECT_EQ(commits, 1);
  EXPECT_EQ(*db->query_int("PRAGMA user_version"), 7);
  EXPECT_EQ(*db->query_int("SELECT count(*) FROM schema_migrations"), 7);
  commits = 0;
  ASSERT_TRUE(sqlite::migrate(*db, sqlite::migrations()).is_ok());
  EXPECT_EQ(commits, static_cast<int>(sqlite::migrations().size()) - 7);
  EXPECT_EQ(*db->query_int("PRAGMA user_version"), sqlite::latest_schema_version());
  commits = 0;
  ASSERT_TRUE(sqlite::migrate(*db, sqlite::migrations()).is_ok());  // up to date: no write
  EXPECT_EQ(commits, 0);
  sqlite3_commit_hook(db->handle(), nullptr, nullptr);
}

TEST(SqliteStore, TwoStoresOnOneFileSeeEachOthersWrites) {
  TempDir dir;
  auto path = dir.path() / "shared.db";
  auto a = open_sqlite(path);
  auto b = open_sqlite(path);
  ASSERT_TRUE(a.is_ok() && b.is_ok());
  ingest::Document doc;
  doc.source = "a.txt";
  doc.text = "Norway and Japan.";
  doc.content_hash = sha256_hex(doc.text);
  extract::Extraction x;
  ASSERT_EQ(*(*a)->put(doc, x), PutResult::kStored);
  EXPECT_TRUE(*(*b)->has_document(doc.content_hash));
  EXPECT_EQ(*(*b)->put(doc, x), PutResult::kDuplicate);
  EXPECT_EQ(*(*a)->document_count(), 1);
}

TEST(SqliteDb, ResultCodesMapToStatusCodes) {
  struct Row {
    int rc;
    StatusCode code;
  };
  const Row rows[] = {
      {SQLITE_CONSTRAINT_CHECK, StatusCode::kInvalidArgument},
      {SQLITE_CONSTRAINT_UNIQUE, StatusCode::kInvalidArgument},
      {SQLITE_NOTADB, StatusCode::kFailedPrecondition},
      {SQLITE_CORRUPT, StatusCode::kCorruption},
      {SQLITE_FULL, StatusCode::kResourceExhausted},
      {SQLITE_IOERR_WRITE, StatusCode::kIoError},
      {SQLITE_BUSY, StatusCode::kIoError},
      {SQLITE_CANTOPEN, StatusCode::kIoError},
      {SQLITE_ERROR, StatusCode::kInternal},
      {SQLITE_MISUSE, StatusCode::kInternal},
  };
  for (const Row& row : rows) {
    Status st = sqlite::status_from_code(row.rc, "ctx", "detail");
    EXPECT_EQ(st.code(), row.code) << row.rc;
    EXPECT_EQ(st.message(), "ctx: detail");
  }
}

TEST(SqliteDb, BadSqlAndBadBindsAreErrorsNotCrashes) {
  auto db = Db::open(":memory:");
  ASSERT_TRUE(db.is_ok());
  auto bad = db->statement("SELEC 1");
  ASSERT_FALSE(bad.is_ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInternal);
  EXPECT_NE(bad.status().message().find("syntax error"), std::string::npos) << bad.status().message();

  auto s = db->statement("SELECT :a");
  ASSERT_TRUE(s.is_ok());
  (*s)->bind_int(":b", 1);  // no such parameter: reported by step()
  auto row = (*s)->step();
  ASSERT_FALSE(row.is_ok());
  EXPECT_EQ(row.status().code(), StatusCode::kInternal);

  // A statement is lent to one user at a time.
  auto again = db->statement("SELECT :a");
  EXPECT_FALSE(again.is_ok());
}

TEST(SqliteDb, LeaseResetsTheStatement) {
  auto db = Db::open(":memory:");
  ASSERT_TRUE(db.is_ok());
  ASSERT_TRUE(db->exec("CREATE TABLE t(x INTEGER); INSERT INTO t VALUES (1), (2);").is_ok());
  {
    auto s = db->statement("SELECT x FROM t ORDER BY x");
    ASSERT_TRUE(s.is_ok());
    ASSERT_TRUE(*(*s)->step());  // left open after one row
  }
  // Had the cursor stayed open, this connection would still be in a read
  // transaction.
  EXPECT_TRUE(db->autocommit());
  auto s = db->statement("SELECT x FROM t ORDER BY x");
  ASSERT_TRUE(s.is_ok());
  ASSERT_TRUE(*(*s)->step());
  EXPECT_EQ((*s)->column_int(0), 1);
}

// ---- search is top-k over the newest candidates ---------------------------------

// A deliberate contract (store.h, kSearchCandidates): past the cap, total
// stops at the cap with total_capped set, and hits come from the newest
// matches only; below it everything is exact.
TEST(SqliteStore, SearchPastTheCapRanksTheNewestCandidates) {
  TempDir dir;
  auto store = open_sqlite(dir.path() / "cap.db");
  ASSERT_TRUE(store.is_ok()) << store.status().to_string();
  const int n = static_cast<int>(kSearchCandidates) + 5;
  std::vector<ingest::Document> docs(n);
  extract::Extraction x;
  x.language = "en";
  for (int i = 0; i < n; ++i) {
    // Words of its own in every document, so that none is a near-copy.
    std::string text = i == 0 ? "hydrogen hydrogen hydrogen oldest" : "hydrogen";
    for (int w = 0; w < 30; ++w) text += " w" + std::to_string(i) + "x" + std::to_string(w);
    docs[i].source = "cap/" + std::to_string(i) + ".txt";
    docs[i].title = i == 0 ? "Hydrogen hydrogen" : "doc";
    docs[i].text = text;
    docs[i].content_hash = sha256_hex(text);
  }
  std::vector<Store::PutItem> items;
  for (const auto& d : docs) items.push_back({&d, &x, nullptr});
  auto put = (*store)->put_batch(items);
  ASSERT_TRUE(put.is_ok()) << put.status().to_string();
  for (const auto& r : *put) ASSERT_TRUE(r.is_ok()) << r.status().to_string();

  TextQuery q;
  q.all_of = {{{{"hydrogen"}, false}}};
  SearchFilter f;
  f.limit = 5;
  f.facets = true;
  auto found = (*store)->search(q, f);
  ASSERT_TRUE(found.is_ok()) << found.status().to_string();
  EXPECT_EQ(found->total, kSearchCandidates);
  EXPECT_TRUE(found->total_capped);
  EXPECT_EQ(found->facets["language"]["en"], static_cast<std::int64_t>(kSearchCandidates));
  ASSERT_EQ(found->hits.size(), 5u);
  // The oldest documents (ids 1..5) are past the cap: the best-scoring
  // document of all (id 1) is not among the hits.
  for (const auto& h : found->hits) EXPECT_GT(h.document_id, 5) << h.source;

  // Below the cap: exact, and the same document is found and ranked first.
  q.all_of = {{{{"hydrogen"}, false}}, {{{"oldest"}, false}}};
  found = (*store)->search(q, f);
  ASSERT_TRUE(found.is_ok()) << found.status().to_string();
  EXPECT_EQ(found->total, 1u);
  EXPECT_FALSE(found->total_capped);
  ASSERT_EQ(found->hits.size(), 1u);
  EXPECT_EQ(found->hits[0].source, "cap/0.txt");
}

// Ranking is over the newest kRankedCandidates of the candidates; total and
// facets still count them all.
TEST(SqliteStore, SearchRanksTheNewestRankedCandidatesAndCountsAll) {
  TempDir dir;
  auto store = open_sqlite(dir.path() / "ranked.db");
  ASSERT_TRUE(store.is_ok()) << store.status().to_string();
  const int n = static_cast<int>(kRankedCandidates) + 5;
  std::vector<ingest::Document> docs(n);
  extract::Extraction x;
  x.language = "en";
  for (int i = 0; i < n; ++i) {
    std::string text = i == 0 ? "hydrogen hydrogen hydrogen oldest" : "hydrogen";
    for (int w = 0; w < 30; ++w) text += " w" + std::to_string(i) + "x" + std::to_string(w);
    docs[i].source = "ranked/" + std::to_string(i) + ".txt";
    docs[i].title = i == 0 ? "Hydrogen hydrogen" : "doc";
    docs[i].text = text;
    docs[i].content_hash = sha256_hex(text);
  }
  std::vector<Store::PutItem> items;
  for (const auto& d : docs) items.push_back({&d, &x, nullptr});
  auto put = (*store)->put_batch(items);
  ASSERT_TRUE(put.is_ok()) << put.status().to_string();
  for (const auto& r : *put) ASSERT_TRUE(r.is_ok()) << r.status().to_string();
  TextQuery q;
  q.all_of = {{{{"hydrogen"}, false}}};
  SearchFilter f;
  f.limit = 5;
  f.facets = true;
  auto found = (*store)->search(q, f);
  ASSERT_TRUE(found.is_ok()) << found.status().to_string();
  EXPECT_EQ(found->total, static_cast<std::size_t>(n));
  EXPECT_FALSE(found->total_capped);
  EXPECT_EQ(found->facets["language"]["en"], n);
  ASSERT_EQ(found->hits.size(), 5u);
  // The oldest documents are not ranked: the best of all (id 1) is no hit.
  for (const auto& h : found->hits) EXPECT_GT(h.document_id, 5) << h.source;
  // Every hit asked for (limit 0, as watch_changes does): all are ranked.
  f.limit = 0;
  found = (*store)->search(q, f);
  ASSERT_TRUE(found.is_ok()) << found.status().to_string();
  ASSERT_EQ(found->hits.size(), static_cast<std::size_t>(n));
  EXPECT_EQ(found->hits[0].source, "ranked/0.txt");
}

// ---- prefix queries through the vocabulary (search_terms, migration 8) --------

namespace {

// Documents without events (no event boost), put in one batch.
void put_texts(Store& store, const std::vector<std::string>& texts, const std::string& tag = "prefix") {
  std::vector<ingest::Document> docs(texts.size());
  extract::Extraction x;
  x.language = "de";
  std::vector<Store::PutItem> items;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    docs[i].source = tag + "/" + std::to_string(i) + ".txt";
    docs[i].title = "doc";
    docs[i].text = texts[i];
    docs[i].content_hash = sha256_hex(texts[i]);
  }
  for (const auto& d : docs) items.push_back({&d, &x, nullptr});
  auto put = store.put_batch(items);
  ASSERT_TRUE(put.is_ok()) << put.status().to_string();
  for (const auto& r : *put) ASSERT_TRUE(r.is_ok()) << r.status().to_string();
}

// pactum_rank of FTS5's own prefix query, on a connection of our own: the
// score the store gave before it wrote prefixes as terms (the facets column
// weighs 0 there, as in SqliteStore::search).
std::map<std::string, double> prefix_scores(const std::filesystem::path& path, const std::string& match) {
  std::map<std::string, double> out;
  auto db = Db::open(path.string());
  EXPECT_TRUE(db.is_ok());
  EXPECT_TRUE(sqlite::register_rank(db->handle()).is_ok());
  auto s = db->statement("SELECT d.source, pactum_rank(search_index, 3.0, 1.0, 2.0, 0.0) FROM search_index "
                         "JOIN documents d ON d.id = search_index.rowid WHERE search_index MATCH :m");
  EXPECT_TRUE(s.is_ok());
  (*s)->bind_text(":m", match);
  while (*(*s)->step()) out[(*s)->column_text(0)] = (*s)->column_double(1);
  return out;
}

}  // namespace

// The store keeps the groups' document frequencies between queries
// (group_frequencies); a write, through this connection or another, must
// not leave a stale one: the ranks stay pactum_rank's own count.
TEST(SqliteStore, SearchRanksWithFreshFrequenciesAfterWrites) {
  TempDir dir;
  auto path = dir.path() / "df.db";
  auto store = open_sqlite(path);
  ASSERT_TRUE(store.is_ok()) << store.status().to_string();
  put_texts(**store, {"Wasserstoff aus Norwegen", "nur Wasser hier", "Strom und Netze", "Wind auf See"});
  TextQuery q;
  q.all_of = {{{{"wasserstoff"}, true}}};
  SearchFilter f;
  auto check = [&](std::size_t total) {
    const auto want = prefix_scores(path, "\"wasserstoff\" *");
    auto found = (*store)->search(q, f);
    ASSERT_TRUE(found.is_ok()) << found.status().to_string();
    ASSERT_EQ(found->total, total);
    ASSERT_EQ(found->hits.size(), total);
    for (const auto& h : found->hits) {
      ASSERT_TRUE(want.count(h.source)) << h.source;
      EXPECT_DOUBLE_EQ(h.score, want.at(h.source)) << h.source << " of " << total;
    }
  };
  check(1);
  check(1);  // from the kept frequencies
  put_texts(**store, {"Wasserstoffe und Wasserstoff", "Wasserstoff Strategie des Landes"}, "own");
  check(3);
  {
    auto other = open_sqlite(path);
    ASSERT_TRUE(other.is_ok()) << other.status().to_string();
    put_texts(**other, {"Wasserstoffs Netz im Norden", "Wasserstoff Tankstellen gebaut", "Noch mehr Wasserstoff"},
              "other");
  }
  check(6);
}

TEST(SqliteStore, PrefixQueriesFindAndRankAsFts5PrefixesDo) {
  TempDir dir;
  auto path = dir.path() / "prefix.db";
  auto store = open_sqlite(path);
  ASSERT_TRUE(store.is_ok()) << store.status().to_string();
  put_texts(**store, {"Wasserstoff und Wasserstoffs Strategie, Wasserstoffstrategie", "nur Wasser hier",
                      "Grüner Wasserstoff aus Norwegen", "Wasserstoffe wasserstoffe Wasserstoff"});
  {
    auto db = Db::open(path.string());
    ASSERT_TRUE(db.is_ok());
    EXPECT_EQ(*db->query_int("SELECT count(*) FROM search_terms WHERE term GLOB 'wasserstoff*'"), 4);
    EXPECT_EQ(*db->query_int("SELECT count(*) FROM search_terms WHERE term = 'gruner'"), 1);  // as FTS5 folds it
  }
  const auto want = prefix_scores(path, "\"wasserstoff\" *");
  ASSERT_EQ(want.size(), 3u);
  TextQuery q;
  q.all_of = {{{{"wasserstoff"}, true}}};
  SearchFilter f;
  auto found = (*store)->search(q, f);
  ASSERT_TRUE(found.is_ok()) << found.status().to_string();
  EXPECT_EQ(found->total, 3u);
  ASSERT_EQ(found->hits.size(), 3u);
  for (const auto& h : found->hits) {
    ASSERT_TRUE(want.count(h.source)) << h.source;
    EXPECT_DOUBLE_EQ(h.score, want.at(h.source)) << h.source;
  }
  // A phrase whose last word is a prefix, and a diacritic folded as the index folds it.
  q.all_of = {{{{"grüner", "wasserst"}, true}}};
  found = (*store)->search(q, f);
  ASSERT_TRUE(found.is_ok()) << found.status().to_string();
  ASSERT_EQ(found->hits.size(), 1u);
  EXPECT_EQ(found->hits[0].source, "prefix/2.txt");
  EXPECT_DOUBLE_EQ(found->hits[0].score, prefix_scores(path, "\"grüner wasserst\" *").at("prefix/2.txt"));
  // A prefix of no term matches nothing.
  q.all_of = {{{{"wasserstoffz"}, true}}};
  found = (*store)->search(q, f);
  ASSERT_TRUE(found.is_ok()) << found.status().to_string();
  EXPECT_EQ(found->total, 0u);
}

TEST(SqliteStore, PrefixOfManyTermsIsLeftToFts5) {
  TempDir dir;
  auto store = open_sqlite(dir.path() / "many.db");
  ASSERT_TRUE(store.is_ok()) << store.status().to_string();
  std::string many;
  for (std::size_t i = 0; i < sqlite::kMaxPrefixTerms + 10; ++i) many += " zettel" + std::to_string(i);
  put_texts(**store, {many, "ein zettel", "kein Treffer"});
  TextQuery q;
  q.all_of = {{{{"zettel"}, true}}};
  auto found = (*store)->search(q, SearchFilter{});
  ASSERT_TRUE(found.is_ok()) << found.status().to_string();
  EXPECT_EQ(found->total, 2u);
}

TEST(SqliteStore, MigrationEightTakesTheVocabularyFromTheIndex) {
  TempDir dir;
  auto path = dir.path() / "v7.db";
  {
    auto db = Db::open(path.string());
    ASSERT_TRUE(db.is_ok());
    ASSERT_TRUE(sqlite::migrate(*db, sqlite::migrations().first(7)).is_ok());
    ASSERT_TRUE(db->exec("INSERT INTO search_index(rowid, title, body, evidence) "
                         "VALUES (1, 'Énergie', 'Wasserstoffstrategie und mehr', '')").is_ok());
    ASSERT_TRUE(sqlite::migrate(*db, sqlite::migrations()).is_ok());
    EXPECT_EQ(*db->query_int("SELECT count(*) FROM search_terms"), 4);
    EXPECT_EQ(*db->query_int("SELECT count(*) FROM search_terms WHERE term IN "
                             "('energie', 'wasserstoffstrategie', 'und', 'mehr')"), 4);
  }
}

TEST(SqliteStore, NearCopiesAreFoundThroughTheirOriginalNotIndexed) {
  TempDir dir;
  auto path = dir.path() / "copies.db";
  const std::string text =
      "Norway and Japan signed a memorandum of understanding on hydrogen cooperation in Oslo on Friday. "
      "The agreement covers research on electrolysers, shipping of ammonia and joint pilot projects in "
      "both countries. Ministers from both governments met with companies and universities to discuss "
      "the next steps, including a working group that will report within one year on standards, safety "
      "rules and the financing of large projects along the coast.";
  {
    auto store = open_sqlite(path);
    ASSERT_TRUE(store.is_ok()) << store.status().to_string();
    put_texts(**store, {text});
    put_texts(**store, {"Newswire: " + text + "\n\nDistributed by Newswire."});
    TextQuery q;
    q.all_of = {{{{"hydrogen"}, false}}};
    auto found = (*store)->search(q, SearchFilter{});
    ASSERT_TRUE(found.is_ok()) << found.status().to_string();
    ASSERT_EQ(found->hits.size(), 1u);
    EXPECT_EQ(found->hits[0].document_id, 1);
    EXPECT_EQ(found->hits[0].copies, std::vector<std::int64_t>{2});
  }
  auto count = [&] {
    auto db = Db::open(path.string());
    EXPECT_TRUE(db.is_ok());
    return *db->query_int("SELECT count(*) FROM search_index WHERE search_index MATCH 'hydrogen'");
  };
  EXPECT_EQ(count(), 1);
  {
    // A store of before migration 8 indexed its copies; opening it rebuilds the index without them.
    auto db = Db::open(path.string());
    ASSERT_TRUE(db.is_ok());
    ASSERT_TRUE(db->exec("INSERT INTO search_index(rowid, title, body, evidence) "
                         "SELECT document_id, 'doc', 'hydrogen', '' FROM document_links").is_ok());
    ASSERT_TRUE(db->exec("INSERT INTO kb_state(key, value) VALUES ('reindex_needed', '1')").is_ok());
  }
  EXPECT_EQ(count(), 2);
  ASSERT_TRUE(open_sqlite(path).is_ok());
  EXPECT_EQ(count(), 1);
}

// ---- a writer killed in mid-ingest --------------------------------------------

// Document i has 1 + i % 4 events of three parties each.
int events_of(int i) { return 1 + i % 4; }

ingest::Document kill_doc(int i) {
  ingest::Document d;
  d.source = "kill/" + std::to_string(i) + ".txt";
  d.title = "doc " + std::to_string(i);
  d.text = "Document " + std::to_string(i) + ": Norway, Japan and Equinor " + std::to_string(i % 7) +
           " agree to cooperate on hydrogen. " + std::string(2000, 'x');
  d.content_hash = sha256_hex(d.text);
  return d;
}

extract::Extraction kill_extraction(const ingest::Document& d, int i) {
  extract::Extraction x;
  x.language = "en";
  for (int k = 0; k < events_of(i); ++k) {
    extract::Event e;
    std::size_t at = d.text.find("Norway");
    e.parties = {{"Norway", "country", "NO", "", {at, at + 6}},
                 {"Japan", "country", "JP", "", {at + 8, at + 13}},
                 {"Equinor " + std::to_string(i % 7), "organization", "NO", "", {at + 18, at + 27}}};
    e.instrument = "memorandum_of_understanding";
    e.stage = "signed";
    e.date = std::to_string(2000 + k);
    e.sectors = {"hydrogen", "offshore_wind"};
    e.signatories = {{"A. Person", "minister", "Norway"}};
    e.evidence = "agree to cooperate on hydrogen.";
    e.confidence = 0.5;
    x.events.push_back(e);
  }
  x.people = {{"A. Person", "minister", "Norway", true, {0, 8}}};
  return x;
}

TEST(SqliteStore, WriterKilledMidIngestLeavesOnlyWholeDocuments) {
  TempDir dir;
  auto path = dir.path() / "kill.db";
  ASSERT_TRUE(open_sqlite(path).is_ok());  // schema in place before the race

  constexpr int kDocs = 1000000;  // more than the child can write before it dies
  int ready[2];
  ASSERT_EQ(pipe(ready), 0);
  pid_t pid = fork();
  ASSERT_NE(pid, -1);
  if (pid == 0) {
    // The child: no gtest here, only an exit code if something fails.
    close(ready[0]);
    auto store = open_sqlite(path);
    if (!store.is_ok()) _exit(2);
    for (int i = 0; i < kDocs; ++i) {
      ingest::Document d = kill_doc(i);
      if (!(*store)->put(d, kill_extraction(d, i)).is_ok()) _exit(3);
      if (i == 20 && write(ready[1], "r", 1) != 1) _exit(4);
    }
    _exit(0);
  }
  close(ready[1]);
  char c = 0;
  ASSERT_EQ(read(ready[0], &c, 1), 1) << "child failed before its 20th document";
  close(ready[0]);
  std::this_thread::sleep_for(std::chrono::milliseconds(150));
  ASSERT_EQ(kill(pid, SIGKILL), 0);
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFSIGNALED(status)) << "child exited with " << WEXITSTATUS(status);

  {
    auto db = Db::open(path.string());
    ASSERT_TRUE(db.is_ok());
    EXPECT_EQ(*db->query_text("PRAGMA integrity_check"), "ok");
    EXPECT_EQ(*db->query_int("SELECT count(*) FROM pragma_foreign_key_check"), 0);
  }

  auto store = open_sqlite(path);
  ASSERT_TRUE(store.is_ok()) << store.status().to_string();
  auto count = (*store)->document_count();
  ASSERT_TRUE(count.is_ok());
  ASSERT_GT(*count, 20);
  int stored = static_cast<int>(*count);

  // Every stored document has all its events, each with all its parts.
  std::map<std::int64_t, int> events_per_doc;
  auto events = (*store)->events({});
  ASSERT_TRUE(events.is_ok()) << events.status().to_string();
  for (const auto& r : *events) {
    ++events_per_doc[r.document_id];
    EXPECT_EQ(r.event.parties.size(), 3u);
    EXPECT_EQ(r.event.sectors.size(), 2u);
    EXPECT_EQ(r.event.signatories.size(), 1u);
  }
  ASSERT_EQ(events_per_doc.size(), static_cast<std::size_t>(stored));
  for (const auto& [doc_id, n] : events_per_doc) {
    auto d = (*store)->document(doc_id);
    ASSERT_TRUE(d.is_ok());
    int i = std::stoi(d->title.substr(4));
    EXPECT_EQ(n, events_of(i)) << d->title;
    EXPECT_EQ((*store)->people(doc_id)->size(), 1u);
  }

  // Writes go in order, so documents 0..stored-1 are in; putting everything
  // again adds only the rest.
  for (int i = 0; i < stored + 5; ++i) {
    ingest::Document d = kill_doc(i);
    auto r = (*store)->put(d, kill_extraction(d, i));
    ASSERT_TRUE(r.is_ok()) << r.status().to_string();
    EXPECT_EQ(*r, i < stored ? PutResult::kDuplicate : PutResult::kStored) << i;
  }
  EXPECT_EQ(*(*store)->document_count(), stored + 5);
}


// A store written by an older pactum (schema v1, v2) opens under this build:
// it is migrated to the latest version, keeps its documents, events, actors
// and curation, and gets the derived tables (agreements, search index) built.
namespace {

// The first `n` migrations: the schema an older pactum wrote.
std::span<const sqlite::Migration> first_migrations(std::size_t n) { return sqlite::migrations().first(n); }

// One document, two actors and an event between them, as a v1 store held them.
void write_v1_data(Db& db) {
  ASSERT_TRUE(db.exec(R"sql(
    INSERT INTO documents(id, source, title, published, language, format, content_hash, text)
      VALUES (1, 'old.txt', 'Norway and Japan sign hydrogen memorandum', '2021-05-03', 'en', 'text', 'h-old',
              'Norway and Japan signed a memorandum of understanding on hydrogen on 3 May 2021.');
    INSERT INTO actors(id, key, name, name_folded, kind, country) VALUES
      (1, 'country:NO', 'Norway', 'norway', 'country', 'NO'),
      (2, 'country:JP', 'Japan', 'japan', 'country', 'JP');
    INSERT INTO actor_aliases(actor_id, alias, alias_folded) VALUES (1, 'Norge', 'norge');
    INSERT INTO events(id, document_id, position, instrument, stage, date, confidence, evidence,
                       evidence_begin, evidence_end)
      VALUES (1, 1, 0, 'memorandum_of_understanding', 'signed', '2021-05-03', 0.9,
              'Norway and Japan signed a memorandum of understanding on hydrogen on 3 May 2021.', 0, 79);
    INSERT INTO event_parties(event_id, position, actor_id, mention_begin, mention_end) VALUES
      (1, 0, 1, 0, 6), (1, 1, 2, 11, 16);
    INSERT INTO event_sectors(event_id, sector, position) VALUES (1, 'hydrogen', 0);
  )sql").is_ok());
}

void expect_data_kept_and_derived(const std::filesystem::path& path) {
  auto store = open_sqlite(path);
  ASSERT_TRUE(store.is_ok()) << store.status().to_string();
  EXPECT_EQ(*(*store)->schema_version(), sqlite::latest_schema_version());
  EXPECT_EQ(*(*store)->document_count(), 1);
  auto doc = (*store)->document(1);
  ASSERT_TRUE(doc.is_ok()) << doc.status().to_string();
  EXPECT_EQ(doc->source, "old.txt");
  auto events = (*store)->events(EventFilter{});
  ASSERT_TRUE(events.is_ok()) << events.status().to_string();
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ((*events)[0].event.instrument, "memorandum_of_understanding");
  EXPECT_EQ((*events)[0].event.date, "2021-05-03");
  EXPECT_EQ((*events)[0].party_actor_ids.size(), 2u);
  auto norway = (*store)->actor("Norge");
  ASSERT_TRUE(norway.is_ok()) << norway.status().to_string();
  EXPECT_EQ(norway->country, "NO");
  // Derived on open: the agreement and the search index.
  auto agreements = (*store)->agreements(AgreementFilter{});
  ASSERT_TRUE(agreements.is_ok()) << agreements.status().to_string();
  ASSERT_EQ(agreements->size(), 1u);
  EXPECT_EQ((*agreements)[0].parties.size(), 2u);
  TextQuery q;
  q.all_of = {{{{"hydrogen"}, false}}};
  auto hits = (*store)->search(q, SearchFilter{});
  ASSERT_TRUE(hits.is_ok()) << hits.status().to_string();
  EXPECT_EQ(hits->total, 1u);
}

}  // namespace

TEST(SqliteStore, StoreAtSchemaV1IsMigratedAndKeepsItsData) {
  TempDir dir;
  auto path = dir.path() / "v1.db";
  {
    auto db = Db::open(path.string());
    ASSERT_TRUE(db.is_ok());
    ASSERT_TRUE(sqlite::migrate(*db, first_migrations(1)).is_ok());
    ASSERT_EQ(*db->query_int("PRAGMA user_version"), 1);
    write_v1_data(*db);
  }
  expect_data_kept_and_derived(path);
  auto db = Db::open(path.string());
  ASSERT_TRUE(db.is_ok());
  EXPECT_EQ(*db->query_int("SELECT count(*) FROM schema_migrations"),
            static_cast<std::int64_t>(sqlite::migrations().size()));
}

TEST(SqliteStore, StoreAtSchemaV2IsMigratedAndKeepsItsCuration) {
  TempDir dir;
  auto path = dir.path() / "v2.db";
  {
    auto db = Db::open(path.string());
    ASSERT_TRUE(db.is_ok());
    ASSERT_TRUE(sqlite::migrate(*db, first_migrations(1)).is_ok());
    write_v1_data(*db);
    ASSERT_TRUE(sqlite::migrate(*db, first_migrations(2)).is_ok());
    ASSERT_EQ(*db->query_int("PRAGMA user_version"), 2);
    ASSERT_TRUE(db->exec("INSERT INTO curation_log(author, target, target_id, action, note) "
                         "VALUES ('ana', 'event', 1, 'confirm', 'checked in v2')")
                    .is_ok());
  }
  expect_data_kept_and_derived(path);
  auto store = open_sqlite(path);
  ASSERT_TRUE(store.is_ok());
  auto log = (*store)->curation_log(0);
  ASSERT_TRUE(log.is_ok()) << log.status().to_string();
  ASSERT_EQ(log->size(), 1u);
  EXPECT_EQ((*log)[0].author, "ana");
  EXPECT_EQ((*log)[0].note, "checked in v2");
}

// ---- facet tokens in the search index (migration 9) ----------------------------

// An event of `sectors` between the parties, named by name and country code
// (and subdivision after a '/': "Oslo:NO/NO-03").
extract::Event facet_event(const std::string& text, const std::vector<std::string>& sectors,
                           const std::vector<std::string>& parties) {
  extract::Event e;
  for (const std::string& p : parties) {
    const std::size_t colon = p.find(':'), slash = p.find('/');
    const std::string name = p.substr(0, colon);
    const std::string country = p.substr(colon + 1, slash == std::string::npos ? std::string::npos : slash - colon - 1);
    const std::string subdivision = slash == std::string::npos ? "" : p.substr(slash + 1);
    e.parties.push_back({name, subdivision.empty() ? "country" : "region", country, subdivision, {0, 5}});
  }
  e.instrument = "memorandum_of_understanding";
  e.stage = "signed";
  e.sectors = sectors;
  e.evidence = text.substr(0, 20);
  e.evidence_span = {0, 20};
  e.confidence = 0.9;
  return e;
}

struct FacetDoc {
  std::string text, language;
  std::vector<extract::Event> events;
};

void put_facet_docs(Store& store, const std::vector<FacetDoc>& docs) {
  for (std::size_t i = 0; i < docs.size(); ++i) {
    ingest::Document d;
    d.source = "facets/" + std::to_string(i) + ".txt";
    d.title = "doc " + std::to_string(i);
    d.text = docs[i].text;
    d.content_hash = sha256_hex(d.text);
    extract::Extraction x;
    x.language = docs[i].language;
    x.events = docs[i].events;
    auto put = store.put(d, x);
    ASSERT_TRUE(put.is_ok()) << put.status().to_string();
  }
}

std::vector<std::string> found_sources(Store& store, const SearchFilter& f, const std::string& word = "cooperation") {
  TextQuery q;
  q.all_of = {{{{word}, false}}};
  auto found = store.search(q, f);
  EXPECT_TRUE(found.is_ok()) << found.status().to_string();
  std::vector<std::string> out;
  if (!found.is_ok()) return out;
  for (const SearchHit& h : found->hits) out.push_back(h.source);
  std::sort(out.begin(), out.end());
  return out;
}

// Document ids whose index row holds the facet token, straight from FTS5.
std::vector<std::int64_t> indexed_with(const std::filesystem::path& path, const std::string& token) {
  auto db = Db::open(path.string());
  EXPECT_TRUE(db.is_ok());
  auto s = db->statement("SELECT rowid FROM search_index WHERE search_index MATCH :m ORDER BY rowid");
  EXPECT_TRUE(s.is_ok());
  (*s)->bind_text(":m", "{facets} : \"" + token + "\"");
  std::vector<std::int64_t> out;
  while (*(*s)->step()) out.push_back((*s)->column_int(0));
  return out;
}

// ---- sector pairs (migration 11) -----------------------------------------------

// The pair token of a sector and a place as the store writes it, spelled
// here independently: bytes outside [0-9a-w] as "x" and two hex digits,
// case kept, "y" between the two.
std::string pair_token(char kind, const std::string& sector, const std::string& place) {
  std::string out{'0', kind};
  auto append = [&](const std::string& v) {
    for (const char ch : v) {
      const auto c = static_cast<unsigned char>(ch);
      if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'w')) {
        out += ch;
      } else {
        char hex[4];
        std::snprintf(hex, sizeof hex, "x%02x", c);
        out += hex;
      }
    }
  };
  append(sector);
  out += 'y';
  append(place);
  return out;
}

using PairDocs = std::map<std::string, std::vector<std::int64_t>>;

// Each pair token -> the indexed documents that should hold it: a
// non-rejected event with the sector and a party with the country ('p') or
// subdivision ('q'), by joins of the stored rows.
PairDocs pairs_by_joins(const std::filesystem::path& path) {
  auto db = Db::open(path.string());
  EXPECT_TRUE(db.is_ok());
  auto s = db->statement(
      "SELECT DISTINCT e.document_id, x.sector, coalesce(a.country, ''), coalesce(a.subdivision, '') "
      "FROM events e JOIN event_sectors x ON x.event_id = e.id JOIN event_parties p ON p.event_id = e.id "
      "JOIN actors a ON a.id = p.actor_id WHERE e.curation IS NOT 'rejected' "
      "AND e.document_id NOT IN (SELECT document_id FROM document_links) ORDER BY e.document_id");
  EXPECT_TRUE(s.is_ok()) << s.status().to_string();
  std::map<std::string, std::set<std::int64_t>> sets;
  while (s.is_ok() && *(*s)->step()) {
    const std::string sector = (*s)->column_text(1), country = (*s)->column_text(2), region = (*s)->column_text(3);
    if (sector.empty()) continue;
    if (!country.empty()) sets[pair_token('p', sector, country)].insert((*s)->column_int(0));
    if (!region.empty()) sets[pair_token('q', sector, region)].insert((*s)->column_int(0));
  }
  PairDocs out;
  for (const auto& [t, ids] : sets) out[t] = {ids.begin(), ids.end()};
  return out;
}

// Each pair token the index holds -> its documents (of those still stored),
// straight from FTS5's vocabulary.
PairDocs pairs_in_index(const std::filesystem::path& path) {
  auto db = Db::open(path.string());
  EXPECT_TRUE(db.is_ok());
  EXPECT_TRUE(db->exec("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, search_index, 'instance')").is_ok());
  auto s = db->statement(
      "SELECT DISTINCT term, doc FROM temp.v WHERE term >= '0p' AND term < '0r' "
      "AND doc IN (SELECT id FROM documents) ORDER BY term, doc");
  EXPECT_TRUE(s.is_ok()) << s.status().to_string();
  PairDocs out;
  while (s.is_ok() && *(*s)->step()) out[(*s)->column_text(0)].push_back((*s)->column_int(1));
  return out;
}

// Search with a sector and a country (or subdivision) against the joins:
// the documents found with `word` are those with the pair on one event.
void expect_pair_search_exact(const std::filesystem::path& path, Store& store, const std::string& word,
                              const std::string& step) {
  const PairDocs want = pairs_by_joins(path);
  EXPECT_EQ(pairs_in_index(path), want) << step;
  TextQuery q;
  q.all_of = {{{{word}, false}}};
  SearchFilter all;
  all.limit = 0;
  auto found = store.search(q, all);
  ASSERT_TRUE(found.is_ok()) << found.status().to_string();
  std::set<std::int64_t> with_word;
  for (const SearchHit& h : found->hits) with_word.insert(h.document_id);
  auto db = Db::open(path.string());
  ASSERT_TRUE(db.is_ok());
  auto s = db->statement(
      "SELECT DISTINCT x.sector, a.country, a.subdivision FROM event_sectors x JOIN event_parties p "
      "ON p.event_id = x.event_id JOIN actors a ON a.id = p.actor_id");
  ASSERT_TRUE(s.is_ok());
  while (*(*s)->step()) {
    for (const int kind : {'p', 'q'}) {
      const int column = kind == 'p' ? 1 : 2;
      if ((*s)->column_is_null(column) || (*s)->column_text(0).empty() || (*s)->column_text(column).empty()) continue;
      SearchFilter f;
      f.limit = 0;
      f.sector = (*s)->column_text(0);
      (kind == 'p' ? f.country : f.region) = (*s)->column_text(column);
      auto hits = store.search(q, f);
      ASSERT_TRUE(hits.is_ok()) << hits.status().to_string();
      std::vector<std::int64_t> got, expected;
      for (const SearchHit& h : hits->hits) got.push_back(h.document_id);
      std::sort(got.begin(), got.end());
      auto it = want.find(pair_token(static_cast<char>(kind), *f.sector, (*s)->column_text(column)));
      if (it != want.end()) {
        for (std::int64_t id : it->second) {
          if (with_word.count(id)) expected.push_back(id);
        }
      }
      EXPECT_EQ(got, expected) << step << ": " << *f.sector << " + " << (*s)->column_text(column);
      EXPECT_EQ(hits->total, expected.size()) << step;
    }
  }
}

const std::vector<FacetDoc>& facet_docs() {
  static const std::vector<FacetDoc> docs = {
      // 0: hydrogen with Norway (Oslo) on one event.
      {"Norway and Japan start cooperation on hydrogen shipping and port terminals.", "en",
       {facet_event("Norway and Japan start cooperation on hydrogen shipping.", {"hydrogen"},
                    {"Oslo:NO/NO-03", "Japan:JP"})}},
      // 1: hydrogen and Norway, but on different events: the tokens hold
      // both, the probes must still leave it out of hydrogen + NO.
      {"Germany and Japan widen cooperation on electrolysers while Norway and Denmark plan cables.", "en",
       {facet_event("Germany and Japan widen cooperation on electrolysers.", {"hydrogen"}, {"Germany:DE", "Japan:JP"}),
        facet_event("Norway and Denmark plan cables for wind farms.", {"offshore_wind"}, {"Norway:NO", "Denmark:DK"})}},
      // 2: offshore wind with Norway.
      {"Norway and the United Kingdom agree on cooperation for floating wind parks.", "en",
       {facet_event("Norway and the United Kingdom agree on floating wind.", {"offshore_wind"},
                    {"Norway:NO", "United Kingdom:GB"})}},
      // 3: no event, in German.
      {"Eine cooperation ohne Abkommen: Forschung und Lehre an Hochschulen im Austausch.", "de", {}},
      // 4: hydrogen with Denmark only.
      {"Denmark and Japan sign cooperation on green ammonia bunkering in harbours.", "en",
       {facet_event("Denmark and Japan sign cooperation on green ammonia.", {"hydrogen"}, {"Denmark:DK", "Japan:JP"})}},
  };
  return docs;
}

using Sources = std::vector<std::string>;

TEST(SqliteStore, FacetFilteredSearchEqualsTheProbes) {
  TempDir dir;
  auto path = dir.path() / "facets.db";
  auto store = open_sqlite(path);
  ASSERT_TRUE(store.is_ok()) << store.status().to_string();
  put_facet_docs(**store, facet_docs());
  SearchFilter f;
  f.sector = "hydrogen";
  EXPECT_EQ(found_sources(**store, f), (Sources{"facets/0.txt", "facets/1.txt", "facets/4.txt"}));
  f.country = "NO";
  EXPECT_EQ(found_sources(**store, f), (Sources{"facets/0.txt"}));  // not 1: sector and country on two events
  f = {};
  f.country = "NO";
  EXPECT_EQ(found_sources(**store, f), (Sources{"facets/0.txt", "facets/1.txt", "facets/2.txt"}));
  f.region = "NO-03";
  EXPECT_EQ(found_sources(**store, f), (Sources{"facets/0.txt"}));
  f = {};
  f.language = "de";
  EXPECT_EQ(found_sources(**store, f), (Sources{"facets/3.txt"}));
  f = {};
  f.instrument = "memorandum_of_understanding";
  f.stage = "signed";
  f.sector = "offshore_wind";
  EXPECT_EQ(found_sources(**store, f), (Sources{"facets/1.txt", "facets/2.txt"}));
  f.stage = "announced";
  EXPECT_TRUE(found_sources(**store, f).empty());
  // A value with characters outside a token, and one no document has.
  f = {};
  f.region = "NO-\"03";
  EXPECT_TRUE(found_sources(**store, f).empty());
  // The index holds what the filters need (the superset)...
  EXPECT_EQ(indexed_with(path, "0shydrogen"), (std::vector<std::int64_t>{1, 2, 5}));
  EXPECT_EQ(indexed_with(path, "0rNOx2d03"), (std::vector<std::int64_t>{1}));
  // ...and a typed token is a word of the text columns only.
  EXPECT_TRUE(found_sources(**store, {}, "0shydrogen").empty());
  // So is a prefix of one, and a phrase or a second word beside it (only
  // such phrases carry the column filter).
  EXPECT_TRUE(found_sources(**store, {}, "0s").empty());
  EXPECT_TRUE(found_sources(**store, {}, "\"0shydrogen 0cno\"").empty());
  EXPECT_TRUE(found_sources(**store, {}, "0cno 0shydrogen").empty());
  EXPECT_EQ(found_sources(**store, {}).size(), 5u);
}

// The write path makes a document's facet tokens from the rows it wrote
// (not read back): they must be what a reindex reads from the store, also
// where the store keeps a fact other than the document's (an actor named
// before with another country: the stored one counts).
TEST(SqliteStore, WrittenFacetTokensEqualTheReindexedOnes) {
  TempDir dir;
  auto path = dir.path() / "written.db";
  const std::vector<std::string> tokens = {"0cno", "0cse", "0cjp", "0rNOx2d03", "0shydrogen", "0soffshorex5fwind",
                                           "0len", "0lde", "0tsigned", "0imemorandumx5fofx5funderstanding"};
  auto indexed = [&] {
    std::map<std::string, std::vector<std::int64_t>> out;
    for (const std::string& t : tokens) out[t] = indexed_with(path, t);
    return out;
  };
  {
    auto store = open_sqlite(path);
    ASSERT_TRUE(store.is_ok()) << store.status().to_string();
    std::vector<FacetDoc> docs = facet_docs();
    // Oslo again (actor key NO-03), its country given wrongly as SE.
    docs.push_back({"Oslo and Japan extend cooperation on hydrogen ferries.", "en",
                    {facet_event("Oslo and Japan extend cooperation.", {"hydrogen"}, {"Oslo:SE/NO-03", "Japan:JP"})}});
    std::vector<ingest::Document> ds(docs.size());
    std::vector<extract::Extraction> xs(docs.size());
    std::vector<Store::PutItem> items;
    for (std::size_t i = 0; i < docs.size(); ++i) {
      ds[i].source = "written/" + std::to_string(i) + ".txt";
      ds[i].title = "doc " + std::to_string(i);
      ds[i].text = docs[i].text;
      ds[i].content_hash = sha256_hex(ds[i].text);
      // Undated events take the publication date's year in the summary:
      // from the source on some, from the extractor on others, none on the rest.
      if (i % 3 == 1) ds[i].published = "2024-05-0" + std::to_string(i % 9 + 1);
      if (i % 3 == 2) xs[i].published = "2022";
      xs[i].language = docs[i].language;
      xs[i].events = docs[i].events;
      if (i == 0 && !xs[i].events.empty()) xs[i].events[0].date = "2019-03-04";  // a dated event: its own year
    }
    for (std::size_t i = 0; i < docs.size(); ++i) items.push_back({&ds[i], &xs[i], nullptr});
    auto put = (*store)->put_batch(items);  // one transaction: the actors' places come from its cache
    ASSERT_TRUE(put.is_ok()) << put.status().to_string();
  }
  // The search_facets summaries (migration 10) as written, then as rebuilt.
  auto summaries = [&] {
    std::vector<std::pair<std::int64_t, std::string>> out;
    auto db = Db::open(path.string());
    EXPECT_TRUE(db.is_ok());
    auto s = db->statement("SELECT document_id, hex(summary) FROM search_facets ORDER BY document_id");
    EXPECT_TRUE(s.is_ok());
    while (s.is_ok()) {
      auto row = (*s)->step();
      if (!row.is_ok() || !*row) break;
      out.emplace_back((*s)->column_int(0), (*s)->column_text(1));
    }
    return out;
  };
  const auto written_summaries = summaries();
  EXPECT_EQ(written_summaries.size(), 6u);
  const auto written = indexed();
  EXPECT_EQ(written.at("0cno"), (std::vector<std::int64_t>{1, 2, 3, 6}));
  EXPECT_TRUE(written.at("0cse").empty());
  EXPECT_EQ(written.at("0rNOx2d03"), (std::vector<std::int64_t>{1, 6}));
  {
    auto db = Db::open(path.string());
    ASSERT_TRUE(db.is_ok());
    ASSERT_TRUE(db->exec("INSERT INTO kb_state(key, value) VALUES ('reindex_needed', '1')").is_ok());
  }
  ASSERT_TRUE(open_sqlite(path).is_ok());  // rebuilds the index from the stored rows
  EXPECT_EQ(indexed(), written);
  EXPECT_EQ(summaries(), written_summaries);
}

// The writer drops repeated facet values (the same sector, instrument or
// country on several events) before making tokens; the summary must hold
// each counted value once, in byte order, and no empty sector.
TEST(SqliteStore, WrittenFacetSummaryHoldsEachValueOnceInOrder) {
  TempDir dir;
  auto path = dir.path() / "repeats.db";
  {
    auto store = open_sqlite(path);
    ASSERT_TRUE(store.is_ok()) << store.status().to_string();
    put_facet_docs(**store, {{"Norway, Japan, Oslo and Denmark widen cooperation on hydrogen and wind.", "en",
                              {facet_event("Norway and Japan widen cooperation.", {"hydrogen"}, {"Norway:NO", "Japan:JP"}),
                               facet_event("Japan and Norway add wind.", {"offshore_wind", "hydrogen"},
                                           {"Japan:JP", "Norway:NO"}),
                               facet_event("Oslo and Denmark join.", {""}, {"Oslo:NO/NO-03", "Denmark:DK"})}}});
  }
  std::string expected;
  for (const std::string entry : {"cDK", "cJP", "cNO", "imemorandum_of_understanding", "len", "rNO-03",
                                  "shydrogen", "soffshore_wind", "tsigned"}) {
    expected += static_cast<char>(entry.size());
    expected += entry;
  }
  auto db = Db::open(path.string());
  ASSERT_TRUE(db.is_ok());
  auto summary = db->query_text("SELECT summary FROM search_facets");
  ASSERT_TRUE(summary.is_ok()) << summary.status().to_string();
  EXPECT_EQ(*summary, expected);
  EXPECT_EQ(indexed_with(path, "0shydrogen"), (std::vector<std::int64_t>{1}));
  EXPECT_EQ(indexed_with(path, "0cjp"), (std::vector<std::int64_t>{1}));
}

TEST(SqliteStore, CurationRewritesTheFacetTokens) {
  TempDir dir;
  auto path = dir.path() / "curated.db";
  auto store = open_sqlite(path);
  ASSERT_TRUE(store.is_ok()) << store.status().to_string();
  put_facet_docs(**store, facet_docs());
  SearchFilter wind;
  wind.sector = "offshore_wind";
  auto hits = (*store)->search(TextQuery{{{{{"floating"}, false}}}}, wind);
  ASSERT_TRUE(hits.is_ok()) << hits.status().to_string();
  ASSERT_EQ(hits->hits.size(), 1u);
  ASSERT_EQ(hits->hits[0].events.size(), 1u);
  const std::int64_t event = hits->hits[0].events[0].id;
  // Document 2's event becomes hydrogen: the sector filter follows.
  EventCuration c;
  c.author = "ana";
  c.set = {{"sectors", "hydrogen"}};
  ASSERT_TRUE((*store)->curate_event(event, c).is_ok());
  SearchFilter h;
  h.sector = "hydrogen";
  h.country = "NO";
  EXPECT_EQ(found_sources(**store, h), (Sources{"facets/0.txt", "facets/2.txt"}));
  EXPECT_EQ(found_sources(**store, wind), (Sources{"facets/1.txt"}));
  EXPECT_EQ(indexed_with(path, "0soffshorex5fwind"), (std::vector<std::int64_t>{2}));
  // Denmark merged into Norway: document 4 (Denmark and Japan) is Norwegian now.
  ASSERT_TRUE((*store)->merge_actors("Norway", "Denmark", "ana", "").is_ok());
  EXPECT_EQ(found_sources(**store, h), (Sources{"facets/0.txt", "facets/2.txt", "facets/4.txt"}));
  EXPECT_TRUE(indexed_with(path, "0cDK").empty());
  // The text columns were written back as they were: every word still finds its documents.
  EXPECT_EQ(found_sources(**store, {}, "floating"), (Sources{"facets/2.txt"}));
  EXPECT_EQ(found_sources(**store, {}).size(), 5u);
  auto db = Db::open(path.string());
  ASSERT_TRUE(db.is_ok());
  EXPECT_TRUE(db->exec("INSERT INTO search_index(search_index) VALUES ('integrity-check')").is_ok());
}

TEST(SqliteStore, StoreBeforeFacetTokensIsReindexedOnOpen) {
  TempDir dir;
  auto path = dir.path() / "v8.db";
  {
    auto store = open_sqlite(path);
    ASSERT_TRUE(store.is_ok()) << store.status().to_string();
    put_facet_docs(**store, facet_docs());
  }
  {
    // The index as migration 8 left it: three columns, no facets.
    auto db = Db::open(path.string());
    ASSERT_TRUE(db.is_ok());
    ASSERT_TRUE(db->exec("DROP TABLE search_index; "
                         "CREATE VIRTUAL TABLE search_index USING fts5(title, body, evidence, content='', "
                         "tokenize='unicode61 remove_diacritics 2'); "
                         "INSERT INTO search_index(rowid, title, body, evidence) SELECT id, title, text, '' FROM documents; "
                         "DROP TABLE search_facets; "
                         "DELETE FROM schema_migrations WHERE version >= 9; PRAGMA user_version = 8;")
                    .is_ok());
  }
  auto store = open_sqlite(path);
  ASSERT_TRUE(store.is_ok()) << store.status().to_string();
  EXPECT_EQ(*(*store)->schema_version(), sqlite::latest_schema_version());
  SearchFilter f;
  f.sector = "hydrogen";
  f.country = "NO";
  EXPECT_EQ(found_sources(**store, f), (Sources{"facets/0.txt"}));
  EXPECT_EQ(indexed_with(path, "0shydrogen"), (std::vector<std::int64_t>{1, 2, 5}));
  auto db = Db::open(path.string());
  ASSERT_TRUE(db.is_ok());
  EXPECT_EQ(*db->query_int("SELECT count(*) FROM kb_state WHERE key = 'reindex_needed'"), 0);
  EXPECT_EQ(*db->query_int("SELECT count(*) FROM search_facets"), 5);
}

// ---- each indexed document's facet values (search_facets, migration 10) -------

using FacetCounts = std::map<std::string, std::map<std::string, std::int64_t>>;

// The facets of every document `word` finds, counted by joins of the
// events, sectors and parties, as search counted them before search_facets.
FacetCounts facets_by_joins(const std::filesystem::path& path, Store& store, const std::string& word) {
  TextQuery q;
  q.all_of = {{{{word}, false}}};
  SearchFilter all;
  all.limit = 0;
  auto found = store.search(q, all);
  EXPECT_TRUE(found.is_ok()) << found.status().to_string();
  std::string ids = "-1";
  for (const SearchHit& h : found->hits) ids += "," + std::to_string(h.document_id);
  const std::string in = " IN (" + ids + ")";
  const std::string live = " AND e.curation IS NOT 'rejected'";
  const std::pair<const char*, std::string> facets[] = {
      {"language", "SELECT d.language, count(*) FROM documents d WHERE d.id" + in + " AND d.language IS NOT NULL GROUP BY 1"},
      {"country", "SELECT a.country, count(DISTINCT e.document_id) FROM events e JOIN event_parties p ON p.event_id = e.id "
                  "JOIN actors a ON a.id = p.actor_id WHERE e.document_id" + in + live + " AND a.country <> '' GROUP BY 1"},
      {"region", "SELECT a.subdivision, count(DISTINCT e.document_id) FROM events e JOIN event_parties p ON p.event_id = e.id "
                 "JOIN actors a ON a.id = p.actor_id WHERE e.document_id" + in + live + " AND a.subdivision <> '' GROUP BY 1"},
      {"sector", "SELECT s.sector, count(DISTINCT e.document_id) FROM events e JOIN event_sectors s ON s.event_id = e.id "
                 "WHERE e.document_id" + in + live + " GROUP BY 1"},
      {"instrument", "SELECT e.instrument, count(DISTINCT e.document_id) FROM events e WHERE e.document_id" + in + live + " GROUP BY 1"},
      {"stage", "SELECT e.stage, count(DISTINCT e.document_id) FROM events e WHERE e.document_id" + in + live + " GROUP BY 1"},
      {"year", "SELECT substr(coalesce(e.date, d.published), 1, 4), count(DISTINCT d.id) FROM documents d "
               "LEFT JOIN events e ON e.document_id = d.id" + live + " WHERE d.id" + in +
               " AND coalesce(e.date, d.published) <> '' GROUP BY 1"},
  };
  auto db = Db::open(path.string());
  EXPECT_TRUE(db.is_ok());
  FacetCounts out;
  for (const auto& [name, sql] : facets) {
    auto& counts = out[name];
    auto s = db->statement(sql);
    EXPECT_TRUE(s.is_ok()) << s.status().to_string();
    if (!s.is_ok()) continue;
    while (*(*s)->step()) counts[(*s)->column_text(0)] = (*s)->column_int(1);
  }
  return out;
}

FacetCounts search_facets_of(Store& store, const std::string& word) {
  TextQuery q;
  q.all_of = {{{{word}, false}}};
  SearchFilter f;
  f.facets = true;
  auto found = store.search(q, f);
  EXPECT_TRUE(found.is_ok()) << found.status().to_string();
  return found.is_ok() ? found->facets : FacetCounts{};
}

std::int64_t event_of(Store& store, const std::string& word) {
  TextQuery q;
  q.all_of = {{{{word}, false}}};
  auto found = store.search(q, {});
  EXPECT_TRUE(found.is_ok() && found->hits.size() == 1 && !found->hits[0].events.empty());
  return found.is_ok() && found->hits.size() == 1 && !found->hits[0].events.empty() ? found->hits[0].events[0].id : 0;
}

// Every change to what a document's facets are made of is followed by its
// search_facets row: each step below fails if the row went stale (the
// counts of search against the joins over the same documents).
TEST(SqliteStore, FacetCountsStayExactThroughCurationMergeAndReingest) {
  TempDir dir;
  auto path = dir.path() / "counts.db";
  auto store = open_sqlite(path);
  ASSERT_TRUE(store.is_ok()) << store.status().to_string();
  put_facet_docs(**store, facet_docs());
  auto same = [&](const char* step) {
    const FacetCounts want = facets_by_joins(path, **store, "cooperation");
    EXPECT_EQ(search_facets_of(**store, "cooperation"), want) << step;
    expect_pair_search_exact(path, **store, "cooperation", step);  // and the pair tokens (migration 11)
    return want;
  };
  FacetCounts c = same("ingest");
  EXPECT_EQ(c["country"]["NO"], 3);
  EXPECT_EQ(c["region"]["NO-03"], 1);
  EXPECT_EQ(c["language"]["de"], 1);

  const std::int64_t floating = event_of(**store, "floating");
  const std::int64_t ammonia = event_of(**store, "ammonia");
  ASSERT_GT(floating, 0);
  ASSERT_GT(ammonia, 0);
  EventCuration e;
  e.author = "ana";
  e.set = {{"date", "2021-05-04"}};  // a year: no facet token changes
  ASSERT_TRUE((*store)->curate_event(floating, e).is_ok());
  c = same("a date set");
  EXPECT_EQ(c["year"]["2021"], 1);
  e.set = {{"sectors", "hydrogen,batteries"}, {"stage", "announced"}, {"instrument", "joint_declaration"}};
  ASSERT_TRUE((*store)->curate_event(floating, e).is_ok());
  c = same("sectors, stage and instrument set");
  EXPECT_EQ(c["sector"]["batteries"], 1);
  EXPECT_EQ(c["stage"]["announced"], 1);
  // Rejected: its single tokens stay (a superset), its pair tokens and counts go.
  e.set = {};
  e.status = "rejected";
  ASSERT_TRUE((*store)->curate_event(ammonia, e).is_ok());
  c = same("an event rejected");
  EXPECT_EQ(c["country"]["DK"], 1);  // document 1's Denmark only
  e.status = "confirmed";
  ASSERT_TRUE((*store)->curate_event(ammonia, e).is_ok());
  c = same("confirmed again");
  EXPECT_EQ(c["country"]["DK"], 2);

  ASSERT_TRUE((*store)->merge_actors("Norway", "Denmark", "ana", "").is_ok());
  c = same("Denmark merged into Norway");
  EXPECT_EQ(c["country"].count("DK"), 0u);
  EXPECT_EQ(c["country"]["NO"], 4);

  // Re-ingest: the same text is a duplicate; a new version is a document of its own.
  put_facet_docs(**store, facet_docs());
  same("the same documents again");
  {
    ingest::Document d;
    d.source = "facets/2.txt";
    d.title = "doc 2, revised";
    d.text = "Austria and Chile open a cooperation on green steel research between their universities.";
    d.published = "2019-02-01";
    d.content_hash = sha256_hex(d.text);
    extract::Extraction x;
    x.language = "en";
    ASSERT_TRUE((*store)->put(d, x).is_ok());
  }
  c = same("a new version without events, published");
  EXPECT_EQ(c["year"]["2019"], 1);

  ASSERT_TRUE((*store)->rebuild_knowledge_base().is_ok());
  same("the knowledge base rebuilt");

  // A document's row goes with it.
  store->reset();
  {
    auto db = Db::open(path.string());
    ASSERT_TRUE(db.is_ok());
    ASSERT_TRUE(db->exec("PRAGMA foreign_keys = ON; DELETE FROM documents WHERE id = 6").is_ok());
    EXPECT_EQ(*db->query_int("SELECT count(*) FROM search_facets WHERE document_id = 6"), 0);
    EXPECT_EQ(*db->query_int("SELECT count(*) FROM search_facets"), 5);
  }
}

// Migration 10 fills search_facets from the stored rows when the store
// opens; a missing row is counted from the events meanwhile.
TEST(SqliteStore, StoreBeforeSearchFacetsIsFilledOnOpen) {
  TempDir dir;
  auto path = dir.path() / "v9.db";
  FacetCounts want;
  {
    auto store = open_sqlite(path);
    ASSERT_TRUE(store.is_ok()) << store.status().to_string();
    put_facet_docs(**store, facet_docs());
    want = facets_by_joins(path, **store, "cooperation");
  }
  {
    auto db = Db::open(path.string());
    ASSERT_TRUE(db.is_ok());
    ASSERT_TRUE(db->exec("DROP TABLE search_facets; DELETE FROM schema_migrations WHERE version >= 10; "
                         "PRAGMA user_version = 9;")
                    .is_ok());
  }
  {
    auto store = open_sqlite(path);
    ASSERT_TRUE(store.is_ok()) << store.status().to_string();
    EXPECT_EQ(*(*store)->schema_version(), sqlite::latest_schema_version());
    EXPECT_EQ(search_facets_of(**store, "cooperation"), want);
  }
  auto db = Db::open(path.string());
  ASSERT_TRUE(db.is_ok());
  EXPECT_EQ(*db->query_int("SELECT count(*) FROM search_facets"), 5);
  EXPECT_EQ(*db->query_int("SELECT count(*) FROM kb_state WHERE key = 'search_facets_needed'"), 0);
  ASSERT_TRUE(db->exec("DELETE FROM search_facets WHERE document_id IN (1, 4)").is_ok());
  auto store = open_sqlite(path);
  ASSERT_TRUE(store.is_ok()) << store.status().to_string();
  EXPECT_EQ(search_facets_of(**store, "cooperation"), want);
}

// A sector with a country (or subdivision) is searched by the pair's token
// alone, without the probes of the events: the token must be the pair on
// one non-rejected event, exactly (not on two events, not a rejected one,
// not an empty sector).
TEST(SqliteStore, SectorPairTokensAreExactAndSearchTrustsThem) {
  TempDir dir;
  auto path = dir.path() / "pairs.db";
  auto store = open_sqlite(path);
  ASSERT_TRUE(store.is_ok()) << store.status().to_string();
  std::vector<FacetDoc> docs = facet_docs();
  // 5: Norway with an empty sector and with batteries, on one event.
  docs.push_back({"Norway and Chile begin cooperation on batteries and lithium.", "en",
                  {facet_event("Norway and Chile begin cooperation.", {"", "batteries"}, {"Norway:NO", "Chile:CL"})}});
  put_facet_docs(**store, docs);
  SearchFilter f;
  f.sector = "hydrogen";
  f.country = "NO";
  EXPECT_EQ(found_sources(**store, f), (Sources{"facets/0.txt"}));
  f.country = "JP";
  EXPECT_EQ(found_sources(**store, f), (Sources{"facets/0.txt", "facets/1.txt", "facets/4.txt"}));
  f = {};
  f.sector = "hydrogen";
  f.region = "NO-03";
  EXPECT_EQ(found_sources(**store, f), (Sources{"facets/0.txt"}));
  f.country = "JP";  // both pairs: the probes decide (another party of the event)
  EXPECT_EQ(found_sources(**store, f), (Sources{"facets/0.txt"}));
  f.country = "DK";
  EXPECT_TRUE(found_sources(**store, f).empty());
  f = {};
  f.sector = "";
  f.country = "NO";
  EXPECT_EQ(found_sources(**store, f), (Sources{"facets/5.txt"}));  // the probes: an empty sector is stored
  f.sector = "batteries";
  EXPECT_EQ(found_sources(**store, f), (Sources{"facets/5.txt"}));
  f.instrument = "memorandum_of_understanding";
  EXPECT_EQ(found_sources(**store, f), (Sources{"facets/5.txt"}));
  f.instrument = "joint_declaration";  // with another filter of the event, the probes still apply
  EXPECT_TRUE(found_sources(**store, f).empty());
  // Case kept, and 'y' (between the two) escaped in a value: "hx79drogen".
  EXPECT_EQ(indexed_with(path, "0phx79drogenyx4ex4f"), (std::vector<std::int64_t>{1}));
  EXPECT_EQ(indexed_with(path, "0qhx79drogenyx4ex4fx2d03"), (std::vector<std::int64_t>{1}));
  EXPECT_EQ(indexed_with(path, "0pbatteriesyx4ex4f"), (std::vector<std::int64_t>{6}));
  expect_pair_search_exact(path, **store, "cooperation", "ingest");
  // Document 0's event rejected: its pairs go (they stand without a probe).
  const std::int64_t shipping = event_of(**store, "shipping");
  ASSERT_GT(shipping, 0);
  EventCuration c;
  c.author = "ana";
  c.status = "rejected";
  ASSERT_TRUE((*store)->curate_event(shipping, c).is_ok());
  f = {};
  f.sector = "hydrogen";
  f.country = "NO";
  EXPECT_TRUE(found_sources(**store, f).empty());
  expect_pair_search_exact(path, **store, "cooperation", "rejected");
  c.status = "confirmed";
  ASSERT_TRUE((*store)->curate_event(shipping, c).is_ok());
  EXPECT_EQ(found_sources(**store, f), (Sources{"facets/0.txt"}));
  expect_pair_search_exact(path, **store, "cooperation", "confirmed again");
}

// Migration 11: a store whose index holds no pair tokens is reindexed when
// it opens, and a sector + country search finds what the probes found.
TEST(SqliteStore, StoreBeforePairTokensIsReindexedOnOpen) {
  TempDir dir;
  auto path = dir.path() / "v10.db";
  SearchFilter f;
  f.sector = "hydrogen";
  f.country = "NO";
  {
    auto store = open_sqlite(path);
    ASSERT_TRUE(store.is_ok()) << store.status().to_string();
    put_facet_docs(**store, facet_docs());
    ASSERT_EQ(found_sources(**store, f), (Sources{"facets/0.txt"}));
  }
  {
    // The index as migration 10 left it: the facets column without pairs.
    auto db = Db::open(path.string());
    ASSERT_TRUE(db.is_ok());
    ASSERT_TRUE(db->exec("INSERT INTO search_index(search_index) VALUES ('delete-all'); "
                         "INSERT INTO search_index(rowid, title, body, evidence, facets) "
                         "SELECT id, title, text, '', '0shydrogen 0cno' FROM documents; "
                         "DELETE FROM schema_migrations WHERE version >= 11; PRAGMA user_version = 10;")
                    .is_ok());
  }
  EXPECT_TRUE(pairs_in_index(path).empty());
  auto store = open_sqlite(path);
  ASSERT_TRUE(store.is_ok()) << store.status().to_string();
  EXPECT_EQ(*(*store)->schema_version(), sqlite::latest_schema_version());
  EXPECT_EQ(found_sources(**store, f), (Sources{"facets/0.txt"}));
  expect_pair_search_exact(path, **store, "cooperation", "migrated");
  auto db = Db::open(path.string());
  ASSERT_TRUE(db.is_ok());
  EXPECT_EQ(*db->query_int("SELECT count(*) FROM kb_state WHERE key = 'reindex_needed'"), 0);
}

// The rows of the index's instance vocabulary: term, row, column, offset.
std::vector<std::string> index_instances(Db& db) {
  std::vector<std::string> out;
  EXPECT_TRUE(db.exec("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, t, 'instance')").is_ok());
  auto s = db.statement("SELECT term, doc, col, offset FROM temp.v ORDER BY term, doc, col, offset");
  EXPECT_TRUE(s.is_ok());
  for (;;) {
    auto row = (*s)->step();
    if (!row.is_ok() || !*row) break;
    out.push_back((*s)->column_text(0) + "|" + std::to_string((*s)->column_int(1)) + "|" + (*s)->column_text(2) +
                  "|" + std::to_string((*s)->column_int(3)));
  }
  return out;
}

constexpr const char* kReplayTable =
    "CREATE VIRTUAL TABLE t USING fts5(title, body, evidence, facets, content='', "
    "tokenize='unicode61 remove_diacritics 2')";

// The writer hands FTS5 the tokens a worker cut: the index is the one
// FTS5's own unicode61 makes of the same texts, position for position.
TEST(TokenReplay, IndexEqualsTheOneFts5CutsItself) {
  const std::vector<std::array<std::string, 3>> rows = {
      {"Équinor & Ørsted: «Havvind»", "Norway's Equinor signed an MoU (2023-05-05) with Ørsted; naïve café.\nZweite Zeile",
       "Equinor signed\nØrsted agreed"},
      {"", "   ", "x"},
      {"水素 協力", "Hydrogen-Partnerschaft: Nordrhein-Westfalen und Norwegen", ""}};
  auto replayed = Db::open(":memory:");
  auto plain = Db::open(":memory:");
  ASSERT_TRUE(replayed.is_ok() && plain.is_ok());
  auto replay = sqlite::TokenReplay::install(replayed->handle());
  ASSERT_TRUE(replay.is_ok()) << replay.status().to_string();
  for (Db* db : {&*replayed, &*plain}) ASSERT_TRUE(db->exec(kReplayTable).is_ok());
  std::size_t nonempty = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& [title, body, evidence] = rows[i];
    auto cut = sqlite::index_column_tokens(title, body, evidence);
    ASSERT_NE(cut, nullptr);
    for (const std::string& text : rows[i]) nonempty += text.empty() ? 0 : 1;
    for (Db* db : {&*replayed, &*plain}) {
      auto s = db->statement("INSERT INTO t(rowid, title, body, evidence, facets) VALUES (:id, :t, :b, :e, :f)");
      ASSERT_TRUE(s.is_ok());
      (*s)->bind_int(":id", static_cast<std::int64_t>(i + 1));
      (*s)->bind_text(":t", title);
      (*s)->bind_text(":b", body);
      (*s)->bind_text(":e", evidence);
      (*s)->bind_text(":f", "0len 0sx68ydrogen");
      if (db == &*replayed) {
        (*replay)->arm({sqlite::TokenReplay::Column{title, &cut->columns[0]},
                        sqlite::TokenReplay::Column{body, &cut->columns[1]},
                        sqlite::TokenReplay::Column{evidence, &cut->columns[2]}});
      }
      ASSERT_TRUE((*s)->run().is_ok());
      (*replay)->disarm();
    }
  }
  EXPECT_EQ((*replay)->replayed(), nonempty);  // every text column given, the facets cut by FTS5
  const auto expected = index_instances(*plain);
  EXPECT_GT(expected.size(), 20u);
  EXPECT_EQ(index_instances(*replayed), expected);
}

// Only an armed text, byte for byte, is replayed; queries are cut by FTS5.
TEST(TokenReplay, ReplaysOnlyTheArmedText) {
  auto db = Db::open(":memory:");
  ASSERT_TRUE(db.is_ok());
  auto replay = sqlite::TokenReplay::install(db->handle());
  ASSERT_TRUE(replay.is_ok());
  ASSERT_TRUE(db->exec(kReplayTable).is_ok());
  // Tokens that are not what unicode61 makes of the text: seen in the index,
  // they prove the replay ran.
  auto other = sqlite::index_column_tokens("zulu", "yankee", "");
  ASSERT_NE(other, nullptr);
  (*replay)->arm({sqlite::TokenReplay::Column{"alpha", &other->columns[0]},
                  sqlite::TokenReplay::Column{"bravo", &other->columns[1]},
                  sqlite::TokenReplay::Column{"", nullptr}});
  ASSERT_TRUE(db->exec("INSERT INTO t(rowid, title, body, evidence, facets) "
                       "VALUES (1, 'alpha', 'bravo charlie', 'bravo', '')").is_ok());
  (*replay)->disarm();
  ASSERT_TRUE(db->exec("INSERT INTO t(rowid, title, body, evidence, facets) "
                       "VALUES (2, 'alpha', 'bravo', '', '')").is_ok());
  auto hits = [&](const std::string& match) {
    auto n = db->query_int("SELECT count(*) FROM t WHERE t MATCH '" + match + "'");
    return n.is_ok() ? *n : -1;
  };
  EXPECT_EQ(hits("title:zulu"), 1);          // row 1's title, replayed
  EXPECT_EQ(hits("evidence:yankee"), 1);     // row 1's evidence equals the armed body
  EXPECT_EQ(hits("body:charlie"), 1);        // not an armed text: cut by FTS5
  EXPECT_EQ(hits("title:alpha"), 1);         // row 2, written disarmed
  EXPECT_EQ(hits("body:bravo"), 2);
  EXPECT_EQ((*replay)->replayed(), 2u);
}

}  // namespace
}  // namespace pactum::store
