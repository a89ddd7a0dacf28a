// pactum extract FILE...: extraction without a store, one JSON object per
// document (the contract of ../shared/eval/SCHEMA.md).
#include <iostream>

#include "cli/cli.h"
#include "extract/json.h"
#include "ingest/reader.h"

namespace pactum::cli {

void add_extract(CLI::App& app, Runner* run) {
  struct Args {
    std::vector<std::string> paths;
    bool json = false;
    bool spans = false;
    double min_confidence = 0.0;
  };
  auto args = std::make_shared<Args>();
  CLI::App* verb = app.add_subcommand("extract", "Print the events, people and organizations of documents (no store)");
  verb->add_option("paths", args->paths, "Files, folders, or - for stdin")->required();
  verb->add_flag("--json", args->json, "One JSON object per document, one per line");
  verb->add_flag("--spans", args->spans, "Include character offsets of evidence and mentions (with --json)");
  verb->add_option("--min-confidence", args->min_confidence, "Drop events below this confidence (0..1)")
      ->check(CLI::Range(0.0, 1.0));
  verb->callback([run, args] {
    *run = [args]() -> int {
      auto extractor = load_extractor();
      if (!extractor.is_ok()) return report(extractor.status());
      extract::ExtractOptions options;
      options.min_confidence = args->min_confidence;
      ingest::SourceList sources = ingest::expand_sources(args->paths);
      int exit_code = kExitOk;
      for (const auto& [path, status] : sources.missing) {
        std::cerr << "pactum: " << path << ": " << status.to_string() << "\n";
        exit_code = kExitSomeInputsFailed;
      }
      for (const std::string& file : sources.files) {
        Result<std::vector<ingest::Document>> docs = ingest::read_path(file);  // "-" is stdin
        if (!docs.is_ok()) {
          std::cerr << "pactum: " << file << ": " << docs.status().to_string() << "\n";
          exit_code = kExitSomeInputsFailed;
          continue;
        }
        for (const ingest::Document& doc : *docs) {
          auto x = (*extractor)->extract(doc, options);
          if (!x.is_ok()) {
            std::cerr << "pactum: " << doc.source << ": " << x.status().to_string() << "\n";
            exit_code = kExitSomeInputsFailed;
            continue;
          }
          if (args->json) {
            std::cout << extract::to_json(*x, args->spans).dump() << "\n";
            continue;
          }
          std::cout << x->doc << " [" << x->language << "] " << x->title << "\n";
          for (const auto& e : x->events) {
            std::cout << "  " << e.instrument << " / " << e.stage << " / " << (e.date.empty() ? "-" : e.date) << ":";
            for (const auto& p : e.parties) std::cout << " " << p.name << ";";
            std::cout << "\n    " << e.evidence << "\n";
          }
        }
      }
      return exit_code;
    };
  });
}

}  // namespace pactum::cli
