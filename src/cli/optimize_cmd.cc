// pactum optimize: compacts the store's search index after a bulk ingest
// (store::optimize_search_index), so that searches seek each term once.
#include <chrono>
#include <iostream>

#include "cli/cli.h"
#include "store/search_maintenance.h"

namespace pactum::cli {

void add_optimize(CLI::App& app, Runner* run) {
  struct Args {
    std::string db;
    bool json = false;
  };
  auto a = std::make_shared<Args>();
  CLI::App* verb = app.add_subcommand(
      "optimize", "Compact the search index after a bulk ingest (faster searches; same answers)");
  add_db_option(verb, &a->db);
  verb->add_flag("--json", a->json, "Print the result as JSON");
  verb->callback([run, a] {
    *run = [a]() -> int {
      auto store = open_store(a->db);
      if (!store.is_ok()) return report(store.status());
      const auto start = std::chrono::steady_clock::now();
      Status st = store::optimize_search_index(**store);
      if (!st.is_ok()) return report(st);
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      if (a->json) {
        std::cout << nlohmann::json{{"optimized", true}, {"seconds", seconds}}.dump(1) << "\n";
      } else {
        std::cout << "search index optimized in " << seconds << " s\n";
      }
      return kExitOk;
    };
  });
}

}  // namespace pactum::cli
