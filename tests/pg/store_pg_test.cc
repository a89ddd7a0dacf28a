// The store contract suites (store_contract_test.h) on PostgreSQL: every
// test gets a fresh schema in the throwaway server that tests/pg/cluster.sh
// starts (a CTest fixture); reopening the same test directory reopens the
// same schema. Without a server the tests fail, never skip: CI installs
// PostgreSQL (scripts/install-deps.sh), so a missing server is a fault.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

#include "api/migrate.h"
#include "common/hash.h"
#include "store/pg_db.h"
#include "store/pg_migrations.h"
#include "store/pg_store.h"
#include "store/store_contract_test.h"
#include "store/table_copy.h"

namespace pactum::store {
namespace {

// The server's URL: $PACTUM_TEST_PG_URL, else the file named by
// $PACTUM_TEST_PG_URL_FILE (written by cluster.sh start).
std::string server_url() {
  if (const char* url = std::getenv("PACTUM_TEST_PG_URL"); url && *url) return url;
  if (const char* file = std::getenv("PACTUM_TEST_PG_URL_FILE"); file && *file) {
    std::ifstream in(file);
    std::string url;
    std::getline(in, url);
    return url;
  }
  return "";
}

std::string with_schema(const std::string& url, const std::string& schema) {
  return url + (url.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + schema;
}

Result<std::unique_ptr<Store>> open_pg(const std::filesystem::path& dir) {
  std::string url = server_url();
  if (url.empty()) {
    return Status::failed_precondition(
        "no PostgreSQL server for the tests: set PACTUM_TEST_PG_URL, or run through ctest (tests/pg/cluster.sh)");
  }
  std::filesystem::path marker = dir / "pg_schema";
  std::string schema;
  if (std::ifstream in(marker); in) std::getline(in, schema);
  if (schema.empty()) {
    std::random_device rd;
    std::ostringstream name;
    name << "t_" << std::hex << rd() << rd();
    schema = name.str();
    auto admin = pg::Db::open(url);
    if (!admin.is_ok()) return admin.status();
    PACTUM_RETURN_IF_ERROR(admin->exec("CREATE SCHEMA " + schema));
    std::ofstream(marker) << schema << "\n";
  }
  return open_postgres(with_schema(url, schema));
}

std::string backend_name(const ::testing::TestParamInfo<StoreBackend>& info) { return info.param.name; }

const StoreBackend kPgBackends[] = {
    {"Postgres", open_pg, true},
};

INSTANTIATE_TEST_SUITE_P(Pg, StoreContractTest, ::testing::ValuesIn(kPgBackends), backend_name);
INSTANTIATE_TEST_SUITE_P(Pg, StoreContractFilled, ::testing::ValuesIn(kPgBackends), backend_name);
INSTANTIATE_TEST_SUITE_P(Pg, StoreKbContractTest, ::testing::ValuesIn(kPgBackends), backend_name);
INSTANTIATE_TEST_SUITE_P(Pg, StoreProfilesContractTest, ::testing::ValuesIn(kPgBackends), backend_name);
INSTANTIATE_TEST_SUITE_P(Pg, StoreQueueContractTest, ::testing::ValuesIn(kPgBackends), backend_name);

// ---- PostgreSQL only -----------------------------------------------------------

class PgStoreTest : public ::testing::Test {
 protected:
  TempDir dir_;
};

TEST_F(PgStoreTest, UnreachableServerIsAnIoErrorWithoutThePassword) {
  auto s = open_postgres("postgresql://app:secret@127.0.0.1:1/nowhere?connect_timeout=2");
  ASSERT_FALSE(s.is_ok());
  EXPECT_EQ(s.status().code(), StatusCode::kIoError);
  EXPECT_EQ(s.status().message().find("secret"), std::string::npos) << s.status().message();
}

TEST_F(PgStoreTest, OpenStorePicksTheEngineByTheSpec) {
  EXPECT_TRUE(is_postgres_url("postgresql://h/db"));
  EXPECT_TRUE(is_postgres_url("postgres://h/db"));
  EXPECT_FALSE(is_postgres_url("pactum.db"));
  EXPECT_FALSE(is_postgres_url("./postgresql:/x"));
  auto sqlite = open_store((dir_.path() / "x.db").string());
  ASSERT_TRUE(sqlite.is_ok()) << sqlite.status().to_string();
  EXPECT_TRUE(std::filesystem::exists(dir_.path() / "x.db"));
}

TEST_F(PgStoreTest, TwoOpensMigrateOnceAndSeeEachOthersWrites) {
  auto a = open_pg(dir_.path());
  ASSERT_TRUE(a.is_ok()) << a.status().to_string();
  auto b = open_pg(dir_.path());
  ASSERT_TRUE(b.is_ok()) << b.status().to_string();
  EXPECT_EQ(*(*a)->schema_version(), *(*b)->schema_version());
  ASSERT_TRUE((*a)->put_api_token("ci", std::string(64, 'a')).is_ok());
  auto seen = (*b)->api_token(std::string(64, 'a'));
  ASSERT_TRUE(seen.is_ok());
  EXPECT_TRUE(seen->has_value());
}

TEST_F(PgStoreTest, SchemaOfAnotherApplicationIsRefused) {
  std::string url = server_url();
  ASSERT_FALSE(url.empty()) << "no PostgreSQL server for the tests";
  auto admin = pg::Db::open(url);
  ASSERT_TRUE(admin.is_ok()) << admin.status().to_string();
  std::random_device rd;
  std::string schema = "other_" + std::to_string(rd());
  ASSERT_TRUE(admin->exec("CREATE SCHEMA " + schema + "; CREATE TABLE " + schema + ".stuff(x int)").is_ok());
  auto s = open_postgres(with_schema(url, schema));
  ASSERT_FALSE(s.is_ok());
  EXPECT_EQ(s.status().code(), StatusCode::kFailedPrecondition) << s.status().to_string();
}

TEST_F(PgStoreTest, StoreOfANewerPactumIsRefused) {
  auto s = open_pg(dir_.path());
  ASSERT_TRUE(s.is_ok()) << s.status().to_string();
  s->reset();
  std::string schema;
  std::ifstream(dir_.path() / "pg_schema") >> schema;
  auto admin = pg::Db::open(server_url());
  ASSERT_TRUE(admin.is_ok());
  ASSERT_TRUE(admin->exec("INSERT INTO " + schema + ".schema_migrations(version, description) VALUES (999, 'future')")
                  .is_ok());
  auto again = open_pg(dir_.path());
  ASSERT_FALSE(again.is_ok());
  EXPECT_EQ(again.status().code(), StatusCode::kFailedPrecondition) << again.status().to_string();
}

// ---- pactum migrate into PostgreSQL: nothing committed on a mismatch -------

// A TableCopy that changes one text cell of the documents it loads, so that
// the target's digest cannot equal the source's.
class CorruptingCopy : public TableCopy {
 public:
  explicit CorruptingCopy(std::unique_ptr<TableCopy> inner) : inner_(std::move(inner)) {}
  Result<std::vector<TableInfo>> tables() override { return inner_->tables(); }
  Status scan(const TableInfo& t, const std::function<Status(const Row&)>& row) override {
    return inner_->scan(t, row);
  }
  Status begin_load() override { return inner_->begin_load(); }
  Status load(const TableInfo& t, const std::vector<Row>& rows) override {
    if (t.name != "documents") return inner_->load(t, rows);
    std::vector<Row> changed = rows;
    for (Cell& c : changed[0]) {
      if (c.type == Cell::Type::kText && !c.s.empty()) {
        c.s += " (changed in transit)";
        break;
      }
    }
    return inner_->load(t, changed);
  }
  Status finish_load() override { return inner_->finish_load(); }
  Status commit_load() override { return inner_->commit_load(); }

 private:
  std::unique_ptr<TableCopy> inner_;
};

class CorruptingPgStore : public PgStore {
 public:
  using PgStore::PgStore;
  Result<std::unique_ptr<TableCopy>> table_copy() override {
    auto inner = PgStore::table_copy();
    if (!inner.is_ok()) return inner.status();
    return std::unique_ptr<TableCopy>(std::make_unique<CorruptingCopy>(std::move(*inner)));
  }
};

TEST_F(PgStoreTest, MigrateVerifiesTheCopyAndCommitsNothingOnAMismatch) {
  auto source = open_sqlite(dir_.path() / "source.db");
  ASSERT_TRUE(source.is_ok()) << source.status().to_string();
  for (int n = 1; n <= 3; ++n) {
    ingest::Document doc;
    doc.text = "Norway and Japan signed a memorandum on hydrogen, number " + std::to_string(n) + ".";
    doc.source = "m" + std::to_string(n) + ".txt";
    doc.content_hash = sha256_hex(doc.text);
    extract::Extraction x;
    x.language = "en";
    ASSERT_TRUE((*source)->put(doc, x).is_ok());
  }
  // A fresh schema (open_pg makes and migrates it), then the same schema
  // through the corrupting store.
  auto target = open_pg(dir_.path());
  ASSERT_TRUE(target.is_ok()) << target.status().to_string();
  std::string schema;
  std::ifstream(dir_.path() / "pg_schema") >> schema;
  auto db = pg::Db::open(with_schema(server_url(), schema));
  ASSERT_TRUE(db.is_ok()) << db.status().to_string();
  CorruptingPgStore corrupting(std::move(*db));
  auto copied = api::migrate_store(**source, corrupting);
  ASSERT_FALSE(copied.is_ok());
  EXPECT_EQ(copied.status().code(), StatusCode::kCorruption) << copied.status().to_string();
  EXPECT_NE(copied.status().message().find("documents"), std::string::npos) << copied.status().message();
  EXPECT_EQ(*(*target)->document_count(), 0);  // rolled back whole
  // The honest copy then goes through, into the same (still empty) schema.
  auto ok = api::migrate_store(**source, **target);
  ASSERT_TRUE(ok.is_ok()) << ok.status().to_string();
  EXPECT_EQ(*(*target)->document_count(), 3);
}

}  // namespace
}  // namespace pactum::store
