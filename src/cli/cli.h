// Shared plumbing of the pactum verbs: exit codes, the store path, errors.
// Each verb lives in cli/<verb>_cmd.cc and registers itself with add_*().
#pragma once

#include <initializer_list>
#include <map>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "api/filters.h"
#include "common/status.h"
#include "extract/extractor.h"
#include "store/store.h"

namespace pactum::cli {

// Exit codes, documented in README.md ("Exit codes").
enum ExitCode : int {
  kExitOk = 0,
  kExitSomeInputsFailed = 1,  // ingest/extract: at least one input could not be read
  kExitUsage = 2,             // bad flags or arguments
  kExitNotFound = 3,          // the event, actor or file asked for does not exist
  kExitStoreError = 4,        // the store or data files could not be opened or written
  kExitInternal = 5,          // a bug in pactum
  kExitConflict = 6,          // curate --if-version: the event changed since that version
};

// The store path: --db, else $PACTUM_DB, else pactum.db in the current folder.
std::string resolve_db_path(const std::string& flag);

// Prints "pactum: <message>" to stderr and returns the exit code for status.
int report(const Status& status);

Result<std::unique_ptr<store::Store>> open_store(const std::string& db_flag);
Result<std::unique_ptr<extract::Extractor>> load_extractor();

// A --db option on a verb.
void add_db_option(CLI::App* verb, std::string* db);

// Each verb adds its subcommand and sets *run to its body.
using Runner = std::function<int()>;
void add_ingest(CLI::App& app, Runner* run);
void add_extract(CLI::App& app, Runner* run);
void add_events(CLI::App& app, Runner* run);
void add_show(CLI::App& app, Runner* run);
void add_export(CLI::App& app, Runner* run);
void add_search(CLI::App& app, Runner* run);      // search_cmd.cc
void add_agreements(CLI::App& app, Runner* run);  // agreements_cmd.cc
void add_actor(CLI::App& app, Runner* run);       // agreements_cmd.cc
void add_curate(CLI::App& app, Runner* run);      // curate_cmd.cc
void add_minerals(CLI::App& app, Runner* run);    // minerals_cmd.cc
void add_network(CLI::App& app, Runner* run);     // analytics_cmd.cc
void add_timeline(CLI::App& app, Runner* run);    // analytics_cmd.cc
void add_matrix(CLI::App& app, Runner* run);      // analytics_cmd.cc
void add_serve(CLI::App& app, Runner* run);       // serve_cmd.cc
void add_token(CLI::App& app, Runner* run);       // serve_cmd.cc
void add_profiles(CLI::App& app, Runner* run);    // profiles_cmd.cc
void add_interest(CLI::App& app, Runner* run);    // profiles_cmd.cc
void add_match(CLI::App& app, Runner* run);       // match_cmd.cc
void add_feeds(CLI::App& app, Runner* run);       // feeds_cmd.cc
void add_watch(CLI::App& app, Runner* run);       // watch_cmd.cc
void add_migrate(CLI::App& app, Runner* run);     // migrate_cmd.cc
void add_optimize(CLI::App& app, Runner* run);    // optimize_cmd.cc

// A verb's filter flags (--country, --year, ...), each by its name without
// "--". api/filters.h turns them into a store filter with the checks and
// messages of the REST API's parameters of the same names.
struct FilterFlags {
  std::map<std::string, std::string> values;  // name -> value, "" when not given
  api::FilterParams params() const;
};
struct FlagHelp {
  const char* name;  // "country" declares --country
  const char* help;
};
// Declares --NAME for each entry, in this order, bound to flags->values[NAME].
void add_filter_flags(CLI::App* verb, FilterFlags* flags, std::initializer_list<FlagHelp> which);

}  // namespace pactum::cli
