// pactum's command line: parses the verb and runs it. No exception leaves
// main: library errors become a message and an exit code.
#include <cstdlib>
#include <exception>
#include <iostream>
#include <string>

#ifdef PACTUM_WITH_MIMALLOC
#include <mimalloc.h>
#endif

#include "cli/cli.h"
#include "common/files.h"

namespace pactum::cli {

std::string resolve_db_path(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("PACTUM_DB"); env && *env) return env;
  return "pactum.db";
}

int report(const Status& status) {
  std::cerr << "pactum: " << status.to_string() << "\n";
  switch (status.code()) {
    case StatusCode::kOk: return kExitOk;
    case StatusCode::kNotFound: return kExitNotFound;
    case StatusCode::kInvalidArgument:
    case StatusCode::kUnsupported: return kExitUsage;
    case StatusCode::kInternal: return kExitInternal;
    case StatusCode::kConflict: return kExitConflict;
    default: return kExitStoreError;
  }
}

Result<std::unique_ptr<store::Store>> open_store(const std::string& db_flag) {
  return store::open_store(resolve_db_path(db_flag));
}

Result<std::unique_ptr<extract::Extractor>> load_extractor() {
  return extract::Extractor::create(data_dir());
}

void add_db_option(CLI::App* verb, std::string* db) {
  verb->add_option("--db", *db, "Store: an SQLite file or a postgresql:// URL (default: $PACTUM_DB, else ./pactum.db)");
}

api::FilterParams FilterFlags::params() const {
  return {[this](const std::string& name) -> std::optional<std::string> {
            auto it = values.find(name);
            if (it == values.end()) return std::nullopt;
            return it->second;
          },
          "--"};
}

void add_filter_flags(CLI::App* verb, FilterFlags* flags, std::initializer_list<FlagHelp> which) {
  for (const auto& f : which) verb->add_option(std::string("--") + f.name, flags->values[f.name], f.help);
}

// The allocator is named in --version because it changes speed and memory,
// and because a build without it (sanitizers, or PACTUM_MIMALLOC=OFF) should
// be told apart when figures are compared.
std::string version_text() {
  std::string text = "pactum 0.1.0";
#ifdef PACTUM_WITH_MIMALLOC
  const int v = mi_version();  // e.g. 209 for 2.0.9
  text += " (allocator: mimalloc " + std::to_string(v / 100) + "." + std::to_string(v / 10 % 10) + "." +
          std::to_string(v % 10) + ")";
#else
  text += " (allocator: glibc malloc)";
#endif
  return text;
}

}  // namespace pactum::cli

int main(int argc, char** argv) {
  using namespace pactum::cli;
  CLI::App app{"pactum: cooperation agreements of the green transition, read from press releases"};
  app.require_subcommand(1);
  app.set_version_flag("--version", version_text());
  app.footer("Exit codes: 0 ok, 1 some inputs failed, 2 usage, 3 not found, 4 store/data error, 5 internal, 6 conflict (a concurrent edit won).\n"
             "Data files: $PACTUM_DATA (default: the source tree's data/).");
  Runner run;
  add_ingest(app, &run);
  add_extract(app, &run);
  add_events(app, &run);
  add_show(app, &run);
  add_export(app, &run);
  add_search(app, &run);
  add_agreements(app, &run);
  add_actor(app, &run);
  add_curate(app, &run);
  add_minerals(app, &run);
  add_network(app, &run);
  add_timeline(app, &run);
  add_matrix(app, &run);
  add_serve(app, &run);
  add_token(app, &run);
  add_profiles(app, &run);
  add_interest(app, &run);
  add_match(app, &run);
  add_feeds(app, &run);
  add_watch(app, &run);
  add_migrate(app, &run);
  add_optimize(app, &run);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }
  try {
    return run ? run() : kExitUsage;
  } catch (const std::exception& e) {
    std::cerr << "pactum: internal error: " << e.what() << "\n";
    return kExitInternal;
  } catch (...) {
    std::cerr << "pactum: internal error\n";
    return kExitInternal;
  }
}
