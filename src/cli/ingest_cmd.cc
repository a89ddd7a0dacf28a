// pactum ingest PATH...: read, extract and store documents.
#include <chrono>
#include <iostream>
#include <thread>

#include "api/ingest_service.h"
#include "cli/cli.h"
#include "cli/ingest_queue.h"
#include "cli/progress.h"

namespace pactum::cli {

void add_ingest(CLI::App& app, Runner* run) {
  struct Args {
    std::vector<std::string> paths;
    std::string db;
    bool json = false;
    double min_confidence = 0.0;
    std::size_t threads = 0;
    IngestQueueArgs queue;
  };
  auto args = std::make_shared<Args>();
  CLI::App* verb = app.add_subcommand("ingest", "Read files, folders or stdin ('-'), extract events, store them");
  verb->add_option("paths", args->paths, "Files (text, HTML, PDF, RSS/Atom, JSONL), folders, or - for stdin");
  add_db_option(verb, &args->db);
  verb->add_flag("--json", args->json, "Print a JSON summary (read, stored, duplicates, failed with reasons)");
  verb->add_option("--min-confidence", args->min_confidence, "Drop events below this confidence (0..1)")
      ->check(CLI::Range(0.0, 1.0));
  verb->add_option("--threads", args->threads,
                   "Extraction threads (default: one per hardware thread); one thread writes the store")
      ->check(CLI::Range(std::size_t{1}, std::size_t{256}));
  add_ingest_queue_options(verb, &args->queue);
  verb->callback([run, args] {
    *run = [args]() -> int {
      if (args->queue.any()) {
        return run_ingest_queue(args->queue, args->paths, args->db, args->json, args->min_confidence);
      }
      if (args->paths.empty()) return report(Status::invalid_argument("ingest needs files, folders or -"));
      auto extractor = load_extractor();
      if (!extractor.is_ok()) return report(extractor.status());
      auto store = open_store(args->db);
      if (!store.is_ok()) return report(store.status());
      ProgressBar bar;
      api::IngestOptions options;
      options.extract.min_confidence = args->min_confidence;
      options.threads = args->threads;  // 0: hardware concurrency
      auto start = std::chrono::steady_clock::now();
      auto summary = api::ingest_paths(args->paths, **extractor, **store, options,
                                       [&bar](std::size_t done, std::size_t total, const std::string& src) {
                                         bar.update(done, total, src);
                                       });
      if (!summary.is_ok()) return report(summary.status());
      double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      const api::IngestSummary& s = *summary;
      if (args->json) {
        nlohmann::json failed = nlohmann::json::array();
        for (const auto& f : s.failed) {
          failed.push_back({{"source", f.source}, {"code", std::string(status_code_name(f.status.code()))},
                            {"reason", f.status.message()}});
        }
        nlohmann::json out = {{"read", s.read},       {"stored", s.stored},   {"duplicates", s.duplicates},
                              {"events", s.events},   {"bytes", s.bytes},     {"seconds", seconds},
                              {"failed", failed},     {"db", resolve_db_path(args->db)}};
        std::cout << out.dump(1) << "\n";
      } else {
        std::cout << "read " << s.read << ", stored " << s.stored << ", duplicates " << s.duplicates
                  << ", events " << s.events << ", failed " << s.failed.size() << " ("
                  << resolve_db_path(args->db) << ")\n";
        for (const auto& f : s.failed) std::cout << "  failed: " << f.source << ": " << f.status.to_string() << "\n";
      }
      return s.failed.empty() ? kExitOk : kExitSomeInputsFailed;
    };
  });
}

}  // namespace pactum::cli
