// The document-queue modes of `pactum ingest` (ingest_queue_cmd.cc).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace pactum::cli {

struct IngestQueueArgs {
  bool queue = false, worker = false, status = false, until_empty = false;
  std::int64_t lease_seconds = 60;
  std::size_t batch = 4;
  std::string worker_id;
  bool any() const { return queue || worker || status; }
};

void add_ingest_queue_options(CLI::App* verb, IngestQueueArgs* args);
int run_ingest_queue(const IngestQueueArgs& args, const std::vector<std::string>& paths, const std::string& db,
                     bool json, double min_confidence);

}  // namespace pactum::cli
