// pactum ingest --queue / --worker / --queue-status: the document queue's
// verbs (api/queue_worker.h), registered on `pactum ingest` by add_ingest.
#include <atomic>
#include <csignal>
#include <iostream>
#include <unistd.h>

#include "api/queue_worker.h"
#include "cli/cli.h"
#include "cli/ingest_queue.h"

namespace pactum::cli {

namespace {

std::atomic<bool> g_stop{false};
extern "C" void on_stop_signal(int) { g_stop = true; }

nlohmann::json failures_json(const std::vector<api::IngestFailure>& failed) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& f : failed) {
    out.push_back({{"source", f.source}, {"code", std::string(status_code_name(f.status.code()))},
                   {"reason", f.status.message()}});
  }
  return out;
}

nlohmann::json counts_json(const store::QueueCounts& c) {
  return {{"queued", c.queued}, {"claimed", c.claimed}, {"done", c.done}, {"failed", c.failed},
          {"stored", c.stored}};
}

}  // namespace

void add_ingest_queue_options(CLI::App* verb, IngestQueueArgs* a) {
  auto* queue = verb->add_flag("--queue", a->queue, "Put the sources in the store's document queue; workers ingest them");
  auto* worker = verb->add_flag("--worker", a->worker,
                                "Work off the document queue: claim, extract, store (stops on SIGINT/SIGTERM)");
  auto* status = verb->add_flag("--queue-status", a->status, "Print the queue's counts (queued, claimed, done, failed)");
  queue->excludes(worker)->excludes(status);
  worker->excludes(status);
  verb->add_option("--lease-seconds", a->lease_seconds,
                   "--worker: a claim not completed within this many seconds may be taken by another worker")
      ->check(CLI::Range(1, 86400));
  verb->add_option("--batch", a->batch, "--worker: queue rows claimed at a time")->check(CLI::Range(1, 1000));
  verb->add_flag("--until-empty", a->until_empty, "--worker: exit once nothing is queued or claimed");
  verb->add_option("--worker-id", a->worker_id, "--worker: the name its claims carry (default HOST:PID)");
}

int run_ingest_queue(const IngestQueueArgs& a, const std::vector<std::string>& paths, const std::string& db,
                     bool json, double min_confidence) {
  auto store = open_store(db);
  if (!store.is_ok()) return report(store.status());
  if (a.status) {
    if (!paths.empty()) return report(Status::invalid_argument("--queue-status takes no paths"));
    auto c = (*store)->queue_counts();
    if (!c.is_ok()) return report(c.status());
    if (json) {
      std::cout << counts_json(*c).dump(1) << "\n";
    } else {
      std::cout << "queued " << c->queued << ", claimed " << c->claimed << ", done " << c->done << ", failed "
                << c->failed << ", documents stored " << c->stored << "\n";
    }
    return kExitOk;
  }
  if (a.queue) {
    if (paths.empty()) return report(Status::invalid_argument("--queue needs files or folders to queue"));
    auto s = api::enqueue_paths(paths, **store);
    if (!s.is_ok()) return report(s.status());
    if (json) {
      std::cout << nlohmann::json{{"sources", s->sources}, {"queued", s->queued}, {"already_queued", s->already},
                                  {"bytes", s->bytes}, {"failed", failures_json(s->failed)}}
                       .dump(1)
                << "\n";
    } else {
      std::cout << "queued " << s->queued << " of " << s->sources << " sources (" << s->already
                << " queued before), failed " << s->failed.size() << "\n";
      for (const auto& f : s->failed) std::cout << "  failed: " << f.source << ": " << f.status.to_string() << "\n";
    }
    return s->failed.empty() ? kExitOk : kExitSomeInputsFailed;
  }
  // --worker
  if (!paths.empty()) return report(Status::invalid_argument("--worker takes no paths: it reads the queue"));
  auto extractor = load_extractor();
  if (!extractor.is_ok()) return report(extractor.status());
  api::WorkerOptions options;
  options.worker_id = a.worker_id;
  if (options.worker_id.empty()) {
    char host[256] = {};
    gethostname(host, sizeof host - 1);
    options.worker_id = std::string(host) + ":" + std::to_string(getpid());
  }
  options.batch = a.batch;
  options.lease_seconds = a.lease_seconds;
  options.until_empty = a.until_empty;
  options.ingest.extract.min_confidence = min_confidence;
  std::signal(SIGINT, on_stop_signal);
  std::signal(SIGTERM, on_stop_signal);
  options.stop = [] { return g_stop.load(); };
  auto s = api::run_worker(**extractor, **store, options);
  if (!s.is_ok()) return report(s.status());
  if (json) {
    std::cout << nlohmann::json{{"worker", options.worker_id}, {"claimed", s->claimed}, {"completed", s->completed},
                                {"lost", s->lost},         {"read", s->read},       {"stored", s->stored},
                                {"duplicates", s->duplicates}, {"events", s->events},
                                {"failed", failures_json(s->failed)}}
                     .dump(1)
              << "\n";
  } else {
    std::cout << "worker " << options.worker_id << ": claimed " << s->claimed << ", completed " << s->completed
              << ", lost " << s->lost << ", read " << s->read << ", stored " << s->stored << ", duplicates "
              << s->duplicates << ", events " << s->events << ", failed " << s->failed.size() << "\n";
    for (const auto& f : s->failed) std::cout << "  failed: " << f.source << ": " << f.status.to_string() << "\n";
  }
  return s->failed.empty() ? kExitOk : kExitSomeInputsFailed;
}

}  // namespace pactum::cli
