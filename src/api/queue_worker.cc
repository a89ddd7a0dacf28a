// The document queue's two ends: enqueue_paths and run_worker (queue_worker.h).
#include "api/queue_worker.h"

#include <chrono>
#include <exception>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <thread>

namespace pactum::api {

namespace {

// Rows per enqueue transaction, and bytes.
constexpr std::size_t kEnqueueRows = 256;
constexpr std::size_t kEnqueueBytes = 32u << 20;

Result<std::string> read_file_bytes(const std::string& path, std::size_t max_bytes) {
  std::string bytes;
  if (path == "-") {
    bytes.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::ifstream f(path, std::ios::binary);
    if (!f) return Status::io_error("cannot open " + path);
    f.seekg(0, std::ios::end);
    auto size = f.tellg();
    if (size < 0) return Status::io_error("cannot read " + path);
    if (static_cast<std::size_t>(size) > max_bytes) {
      return Status::resource_exhausted(path + " is over " + std::to_string(max_bytes >> 20) + " MB");
    }
    f.seekg(0);
    bytes.resize(static_cast<std::size_t>(size));
    f.read(bytes.data(), size);
    if (!f) return Status::io_error("cannot read " + path);
  }
  if (bytes.size() > max_bytes) return Status::resource_exhausted("stdin is over the size limit");
  if (bytes.empty()) return Status::invalid_argument("empty source");
  return bytes;
}

Result<extract::Extraction> extract_safely(const ingest::Document& doc, const extract::Extractor& extractor,
                                           const extract::ExtractOptions& options) {
  try {
    return extractor.extract(doc, options);
  } catch (const std::exception& e) {
    return Status::internal(std::string("unexpected error while extracting: ") + e.what());
  } catch (...) {
    return Status::internal("unexpected error while extracting");
  }
}

// One claim: read, extract, then store and complete in one transaction.
Status work_on(const store::QueueClaim& claim, const extract::Extractor& extractor, store::Store& store,
               const WorkerOptions& options, WorkerSummary& summary) {
  const std::string& source = claim.item.source;
  auto docs = ingest::read_bytes(claim.item.body, source, options.ingest.read);
  if (!docs.is_ok()) {
    summary.failed.push_back({source, docs.status()});
    Status st = store.fail_claim(claim, docs.status().to_string());
    if (st.code() == StatusCode::kConflict) {
      ++summary.lost;
      return Status::ok();
    }
    return st;
  }
  summary.read += docs->size();
  std::vector<extract::Extraction> extractions(docs->size());
  std::vector<store::PreparedDocument> prepared(docs->size());
  std::vector<store::Store::PutItem> items;
  std::vector<std::size_t> which;  // the document of each item
  for (std::size_t i = 0; i < docs->size(); ++i) {
    const ingest::Document& doc = (*docs)[i];
    auto known = store.has_document(doc.content_hash);
    if (!known.is_ok()) return known.status();
    if (*known) {  // stored before (by anyone): no extraction needed
      ++summary.duplicates;
      continue;
    }
    auto x = extract_safely(doc, extractor, options.ingest.extract);
    if (!x.is_ok()) {
      summary.failed.push_back({doc.source, x.status()});
      continue;
    }
    extractions[i] = std::move(*x);
    prepared[i] = store::prepare_document(doc, extractions[i]);
    items.push_back({&doc, &extractions[i], &prepared[i]});
    which.push_back(i);
  }
  auto results = store.complete_claim(claim, items);
  if (!results.is_ok()) {
    if (results.status().code() == StatusCode::kConflict) {
      ++summary.lost;  // another worker has it now; it stores these documents
      return Status::ok();
    }
    return results.status();
  }
  ++summary.completed;
  for (std::size_t k = 0; k < results->size(); ++k) {
    const auto& r = (*results)[k];
    if (!r.is_ok()) {
      summary.failed.push_back({(*docs)[which[k]].source, r.status()});
    } else if (*r == store::PutResult::kStored) {
      ++summary.stored;
      summary.events += extractions[which[k]].events.size();
    } else {
      ++summary.duplicates;
    }
  }
  return Status::ok();
}

}  // namespace

Result<EnqueueSummary> enqueue_paths(const std::vector<std::string>& paths, store::Store& store,
                                     const ingest::ReadOptions& read) {
  EnqueueSummary summary;
  ingest::SourceList sources = ingest::expand_sources(paths);
  for (auto& [path, status] : sources.missing) summary.failed.push_back({path, status});
  std::vector<store::QueueItem> batch;
  std::size_t batch_bytes = 0;
  auto flush = [&]() -> Status {
    if (batch.empty()) return Status::ok();
    auto n = store.enqueue(batch);
    if (!n.is_ok()) return n.status();
    summary.queued += *n;
    summary.already += batch.size() - *n;
    batch.clear();
    batch_bytes = 0;
    return Status::ok();
  };
  for (const std::string& path : sources.files) {
    auto bytes = read_file_bytes(path, read.max_file_bytes);
    if (!bytes.is_ok()) {
      summary.failed.push_back({path, bytes.status()});
      continue;
    }
    ++summary.sources;
    summary.bytes += bytes->size();
    batch_bytes += bytes->size();
    batch.push_back({path, std::move(*bytes), "", ""});
    if (batch.size() >= kEnqueueRows || batch_bytes >= kEnqueueBytes) PACTUM_RETURN_IF_ERROR(flush());
  }
  PACTUM_RETURN_IF_ERROR(flush());
  return summary;
}

Result<WorkerSummary> run_worker(const extract::Extractor& extractor, store::Store& store,
                                 const WorkerOptions& options) {
  if (options.worker_id.empty()) return Status::invalid_argument("a worker needs an id");
  WorkerSummary summary;
  const auto pause = std::chrono::duration<double>(options.poll_seconds);
  for (;;) {
    if (options.stop && options.stop()) break;
    auto claims = store.claim(options.worker_id, options.batch == 0 ? 1 : options.batch, options.lease_seconds);
    if (!claims.is_ok()) return claims.status();
    if (claims->empty()) {
      if (options.until_empty) {
        // Done only when nothing is claimed either: a dead worker's claims
        // come back when their lease runs out, and we take them then.
        auto counts = store.queue_counts();
        if (!counts.is_ok()) return counts.status();
        if (counts->queued == 0 && counts->claimed == 0) break;
      }
      std::this_thread::sleep_for(pause);
      continue;
    }
    summary.claimed += claims->size();
    for (const store::QueueClaim& claim : *claims) {
      PACTUM_RETURN_IF_ERROR(work_on(claim, extractor, store, options, summary));
    }
  }
  return summary;
}

}  // namespace pactum::api
