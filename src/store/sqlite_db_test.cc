// SQLite plumbing (sqlite_db.h): each_row and read_rows, the loop over a
// statement's rows; binding by name in any order; a statement lent again.
#include "store/sqlite_db.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <string>

namespace pactum::store::sqlite {
namespace {

TEST(SqliteDb, ReadRowsReturnsEveryRowInOrder) {
  auto db = Db::open(":memory:");
  ASSERT_TRUE(db.is_ok());
  ASSERT_TRUE(db->exec("CREATE TABLE t(n INTEGER, s TEXT); INSERT INTO t VALUES (1, 'a'), (2, NULL), (3, 'c')").is_ok());
  auto s = db->statement("SELECT n, s FROM t WHERE n >= :min ORDER BY n");
  ASSERT_TRUE(s.is_ok());
  (*s)->bind_int(":min", 2);
  auto rows = read_rows(**s, [](const Statement& row) { return std::to_string(row.column_int(0)) + row.column_text(1); });
  ASSERT_TRUE(rows.is_ok());
  EXPECT_EQ(*rows, (std::vector<std::string>{"2", "3c"}));
}

TEST(SqliteDb, ReadRowsOfNoRowsIsEmptyAndAStepErrorIsReturned) {
  auto db = Db::open(":memory:");
  ASSERT_TRUE(db.is_ok());
  ASSERT_TRUE(db->exec("CREATE TABLE t(n INTEGER)").is_ok());
  auto empty = db->statement("SELECT n FROM t");
  ASSERT_TRUE(empty.is_ok());
  auto none = read_rows(**empty, [](const Statement& row) { return row.column_int(0); });
  ASSERT_TRUE(none.is_ok());
  EXPECT_TRUE(none->empty());
  auto bad = db->statement("SELECT n FROM t WHERE n = :missing");
  ASSERT_TRUE(bad.is_ok());
  (*bad)->bind_int(":nope", 1);  // a bind error shows at the first step
  auto failed = read_rows(**bad, [](const Statement& row) { return row.column_int(0); });
  EXPECT_FALSE(failed.is_ok());
}

TEST(SqliteDb, EachRowSeesEveryRowOnce) {
  auto db = Db::open(":memory:");
  ASSERT_TRUE(db.is_ok());
  ASSERT_TRUE(db->exec("CREATE TABLE t(n INTEGER); INSERT INTO t VALUES (1), (2), (3)").is_ok());
  auto s = db->statement("SELECT n FROM t ORDER BY n DESC");
  ASSERT_TRUE(s.is_ok());
  std::vector<std::int64_t> seen;
  std::int64_t sum = 0;
  ASSERT_TRUE(each_row(**s, [&](const Statement& row) {
                seen.push_back(row.column_int(0));
                sum += row.column_int(0);
              }).is_ok());
  EXPECT_EQ(seen, (std::vector<std::int64_t>{3, 2, 1}));
  EXPECT_EQ(sum, 6);
}

TEST(SqliteDb, ParametersBindByNameInAnyOrderAndARepeatedNameOnce) {
  auto db = Db::open(":memory:");
  ASSERT_TRUE(db.is_ok());
  auto s = db->statement("SELECT :a || '-' || :b || '-' || :c || '-' || :a");
  ASSERT_TRUE(s.is_ok());
  auto text = [&]() -> std::string {
    auto row = (*s)->step();
    EXPECT_TRUE(row.is_ok() && *row);
    std::string out = (*s)->column_text(0);
    (*s)->reset();
    return out;
  };
  (*s)->bind_text(":a", "1");
  (*s)->bind_text(":b", "2");
  (*s)->bind_text(":c", "3");
  EXPECT_EQ(text(), "1-2-3-1");
  (*s)->bind_text(":c", "z");
  (*s)->bind_text(":a", "x");
  (*s)->bind_text(":b", "y");
  EXPECT_EQ(text(), "x-y-z-x");
  // Bound twice: the last value counts.
  (*s)->bind_text(":b", "p");
  (*s)->bind_text(":a", "q");
  (*s)->bind_text(":b", "r");
  (*s)->bind_text(":c", "s");
  EXPECT_EQ(text(), "q-r-s-q");
}

TEST(SqliteDb, ALentStatementComesBackRewoundWithoutBindings) {
  auto db = Db::open(":memory:");
  ASSERT_TRUE(db.is_ok());
  ASSERT_TRUE(db->exec("CREATE TABLE t(n INTEGER); INSERT INTO t VALUES (1), (2)").is_ok());
  const char* sql = "SELECT count(*), :tag FROM t WHERE n >= :min";
  {
    auto s = db->statement(sql);
    ASSERT_TRUE(s.is_ok());
    (*s)->bind_int(":min", 2);
    (*s)->bind_text(":tag", "x");
    auto row = (*s)->step();
    ASSERT_TRUE(row.is_ok() && *row);
    EXPECT_EQ((*s)->column_int(0), 1);
  }
  auto again = db->statement(std::string(sql));  // the same cached statement, looked up by text
  ASSERT_TRUE(again.is_ok());
  (*again)->reset();  // a reset of a rewound statement changes nothing
  auto row = (*again)->step();
  ASSERT_TRUE(row.is_ok() && *row);
  EXPECT_EQ((*again)->column_int(0), 0);  // :min unbound is NULL: no row compares
  EXPECT_TRUE((*again)->column_is_null(1));
}

TEST(SqliteDb, OpeningAConnectionTurnsMemoryStatisticsOff) {
  // Each test runs in its own process: this Db::open is the first use of
  // SQLite, so configure_library() runs before the library initializes.
  auto db = Db::open(":memory:");
  ASSERT_TRUE(db.is_ok());
  ASSERT_TRUE(db->exec("CREATE TABLE t(s TEXT); INSERT INTO t VALUES (hex(randomblob(4096)))").is_ok());
  EXPECT_EQ(sqlite3_memory_used(), 0);  // counted only with statistics on
}

// Starting the WAL's write-out is a hint to the kernel: in memory, in
// rollback mode (no WAL file) and in WAL mode between and after commits it
// changes nothing a reader sees, and a checkpoint after it still works.
TEST(SqliteDb, StartingWalWriteOutChangesNothingVisible) {
  auto memory = Db::open(":memory:");
  ASSERT_TRUE(memory.is_ok());
  memory->start_wal_writeback();
  EXPECT_TRUE(memory->exec("CREATE TABLE t(n INTEGER)").is_ok());

  const std::string path = testing::TempDir() + "/pactum_wal_writeback.db";
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  {
    auto db = Db::open(path);
    ASSERT_TRUE(db.is_ok());
    db->start_wal_writeback();  // rollback mode: no WAL file yet
    ASSERT_EQ(*db->query_text("PRAGMA journal_mode = WAL"), "wal");
    ASSERT_TRUE(db->exec("CREATE TABLE t(n INTEGER)").is_ok());
    for (int i = 0; i < 3; ++i) {
      ASSERT_TRUE(db->exec("INSERT INTO t VALUES (" + std::to_string(i) + ")").is_ok());
      db->start_wal_writeback();
    }
    EXPECT_TRUE(std::filesystem::exists(path + "-wal"));
    EXPECT_TRUE(db->exec("PRAGMA wal_checkpoint(TRUNCATE)").is_ok());
    db->start_wal_writeback();
  }
  auto reopened = Db::open(path);
  ASSERT_TRUE(reopened.is_ok());
  EXPECT_EQ(*reopened->query_int("SELECT sum(n) FROM t"), 3);
  EXPECT_EQ(*reopened->query_text("PRAGMA integrity_check"), "ok");
}

}  // namespace
}  // namespace pactum::store::sqlite
