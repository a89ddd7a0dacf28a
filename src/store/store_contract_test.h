// The store contract tests (store_contract_test.cc) as a fixture any engine
// can instantiate: INSTANTIATE_TEST_SUITE_P(Engine, StoreContractTest, ...)
// with a StoreBackend that opens a fresh, empty store.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "store/store.h"

namespace pactum::store {

struct StoreBackend {
  std::string name;  // test name suffix: letters, digits, '_'
  // Opens a store in `dir`, a directory the test owns and removes; the
  // second open of the same dir must see the first one's data when
  // `persistent` is true, and a fresh empty store otherwise.
  std::function<Result<std::unique_ptr<Store>>(const std::filesystem::path& dir)> open;
  bool persistent = true;
};

// So that CTest lists "GetParam() = SqliteFile", not the struct's bytes.
inline void PrintTo(const StoreBackend& b, std::ostream* os) { *os << b.name; }

// A fresh temporary directory, removed with the object.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

class StoreContractTest : public ::testing::TestWithParam<StoreBackend> {
 protected:
  void SetUp() override;
  // Closes and reopens the store on the same directory.
  void reopen();

  TempDir dir_;
  std::unique_ptr<Store> store_;
};

// The contract tests that read: a store holding three sample documents (en,
// de, nb) with five events between Norway, North Rhine-Westphalia, Bavaria,
// Japan, Equinor and Siemens Energy.
class StoreContractFilled : public StoreContractTest {
 protected:
  void SetUp() override;
  // The events `f` selects, named by the first 12 bytes of their evidence.
  std::vector<std::string> find(const EventFilter& f);
  // The one event `f` selects.
  EventRecord only(const EventFilter& f);
};

// The knowledge-base contract (store_kb_contract_test.cc) and the profile
// contract (store_profiles_contract_test.cc), declared here so that every
// engine's test file can instantiate them.
class StoreKbContractTest : public StoreContractTest {};
class StoreProfilesContractTest : public StoreContractTest {};

// The queue and curation-concurrency contract (store_queue_contract_test.cc).
class StoreQueueContractTest : public StoreContractTest {
 protected:
  // A second store on the same database (another process's view), or null
  // for an engine whose stores are private (in memory).
  std::unique_ptr<Store> second();
};

}  // namespace pactum::store
