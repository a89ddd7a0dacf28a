// Ingest through the store's document queue, so that many processes (on
// many machines, against one PostgreSQL) share an ingest: `pactum ingest
// --queue` puts raw sources in the queue, each `pactum ingest --worker`
// claims a few with a lease, reads, extracts and stores them, and marks
// each queue row done in the transaction that stores its documents. A
// worker that dies holds its claims until the lease runs out; then another
// worker takes them. A stored document is never stored twice: the row is
// completed by one claim only (store.h, complete_claim), and documents are
// keyed by content hash anyway.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "api/ingest_service.h"

namespace pactum::api {

struct EnqueueSummary {
  std::size_t sources = 0;  // files read
  std::size_t queued = 0;   // new in the queue
  std::size_t already = 0;  // the same bytes were queued before
  std::size_t bytes = 0;
  std::vector<IngestFailure> failed;  // missing or unreadable files
};

// Reads the files (folders walked, "-" is stdin) and queues their bytes,
// unparsed: the workers read them. A feed or JSONL file is one queue row,
// stored by one worker in one transaction. Fails only when the store does.
Result<EnqueueSummary> enqueue_paths(const std::vector<std::string>& paths, store::Store& store,
                                     const ingest::ReadOptions& read = {});

struct WorkerOptions {
  std::string worker_id;            // required: names the claims (host:pid by default in the CLI)
  std::size_t batch = 4;            // queue rows claimed at once
  std::int64_t lease_seconds = 60;  // a claim not completed by then may be taken by another worker
  bool until_empty = false;         // return once nothing is queued or claimed; else run until stop()
  double poll_seconds = 0.5;        // the wait when there is nothing to claim
  IngestOptions ingest;             // read and extract options (threads unused)
  std::function<bool()> stop;       // polled between claims; true ends the worker
};

struct WorkerSummary {
  std::size_t claimed = 0;     // queue rows claimed
  std::size_t completed = 0;   // rows this worker marked done
  std::size_t lost = 0;        // claims another worker took over after our lease ran out
  std::size_t read = 0, stored = 0, duplicates = 0, events = 0;
  std::vector<IngestFailure> failed;  // sources or documents that could not be read, extracted or stored
};

// Claims, reads, extracts and stores until stopped (or the queue is empty).
// Fails only when the store does.
Result<WorkerSummary> run_worker(const extract::Extractor& extractor, store::Store& store,
                                 const WorkerOptions& options);

}  // namespace pactum::api
