// read -> extract -> store; see ingest_service.h.
#include "api/ingest_service.h"

#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

namespace pactum::api {

namespace {

// Transactions' worth of documents the pipeline reads ahead (Pipeline).
constexpr std::size_t kBatchesInFlight = 16;

// Extraction, never throwing: a library exception becomes the document's
// failure.
Result<extract::Extraction> extract_safely(const ingest::Document& doc, const extract::Extractor& extractor,
                                           const extract::ExtractOptions& options) {
  try {
    return extractor.extract(doc, options);
  } catch (const std::bad_alloc&) {
    return Status::resource_exhausted("out of memory while extracting");
  } catch (const std::exception& e) {
    return Status::internal(std::string("unexpected error while extracting: ") + e.what());
  } catch (...) {
    return Status::internal("unexpected error while extracting");
  }
}

// The ingest of a stream of documents: add() them in order, then finish().
// The calling thread reads, checks for duplicates and writes the store; with
// N > 1 threads, N - 1 workers and the calling thread extract. Results are written in the order
// the documents were added, whatever order the workers finish in.
class Pipeline {
 public:
  Pipeline(const extract::Extractor& extractor, store::Store& store, const IngestOptions& options,
           IngestSummary& summary)
      : extractor_(extractor), store_(store), options_(options), summary_(summary) {
    // The calling thread is one of them: it extracts too while it waits for
    // the document it is to write next, so N threads keep N cores busy.
    std::size_t threads = options.threads == 0 ? std::thread::hardware_concurrency() : options.threads;
    if (threads > 1) {
      // Room for many transactions' worth beyond what the threads hold:
      // while the calling thread writes a batch, the workers extract ahead.
      // With only 4 per thread they ran dry within a few documents of a
      // flush and the ingest was mostly serial (1.2-1.4x on 2 threads); with
      // one batch (72 on 2 threads, ~20 ms of extraction) they still ran dry
      // in every WAL checkpoint, which the commit that crosses 16,384 frames
      // runs on this thread (syncs and page copies, 0.1-0.8 s): the worker
      // idled 4.1-5.0 s of an 18 MB `pactum ingest --threads 2`, 2.4-3.7 s
      // with 16 batches. Bytes bound it too (push()); +8 MB peak RSS there.
      max_in_flight_ = kBatchesInFlight * kDocumentsPerTransaction + 4 * threads;
      min_in_flight_ = 4 * threads;
      for (std::size_t i = 1; i < threads; ++i) workers_.emplace_back([this] { work(); });
    }
  }
  ~Pipeline() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
      queue_.clear();  // after a store failure: nobody will write these
    }
    work_ready_.notify_all();
    for (std::thread& t : workers_) t.join();
  }
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;

  // Queues one document; a store failure (of this or an earlier document)
  // is returned and ends the ingest.
  Status add(ingest::Document&& doc) {
    ++summary_.read;
    auto known = store_.has_document(doc.content_hash);
    if (!known.is_ok()) return known.status();
    auto item = std::make_unique<Item>();
    if (*known) {  // skip extraction work for what is stored already
      item->known = true;
      item->done = true;
    } else {
      item->doc = std::move(doc);
    }
    return push(std::move(item));
  }

  // Runs `then` once every document added before it has been written: the
  // progress bar and per-source failures keep the input order.
  Status add_marker(std::function<void()> then) {
    auto item = std::make_unique<Item>();
    item->marker = std::move(then);
    item->done = true;
    return push(std::move(item));
  }

  // Runs task(0..n-1) on the workers and the calling thread, returning when
  // all have run (ingest::ReadOptions::parallel_for: the reading of JSON
  // lines). The workers take these before queued documents: the calling
  // thread, which queues documents and writes them, waits for them.
  void parallel_for(std::size_t n, const std::function<void(std::size_t)>& task) {
    if (workers_.empty() || n < 2) {
      for (std::size_t i = 0; i < n; ++i) task(i);
      return;
    }
    Job job{n, &task};
    std::unique_lock<std::mutex> lock(mutex_);
    job_ = &job;
    work_ready_.notify_all();
    while (job.next < n) {
      const std::size_t i = job.next++;
      lock.unlock();
      task(i);
      lock.lock();
      ++job.done;
    }
    work_done_.wait(lock, [&] { return job.done == n; });
    job_ = nullptr;
  }

  // Writes everything still in flight.
  Status finish() {
    while (!window_.empty()) PACTUM_RETURN_IF_ERROR(write_front());
    return flush();
  }

 private:
  struct Item {
    ingest::Document doc;
    std::optional<Result<extract::Extraction>> result;
    store::PreparedDocument prepared;  // with a result: what the store derives from it
    std::function<void()> marker;
    std::size_t bytes = 0;  // the text's size when queued
    bool known = false;  // stored already: nothing to extract or write
    bool done = false;   // guarded by mutex_ while workers may see the item
  };

  // A parallel_for's tasks: the next to hand out and how many have run.
  struct Job {
    std::size_t n;
    const std::function<void(std::size_t)>* task;
    std::size_t next = 0, done = 0;  // guarded by mutex_
  };

  Status push(std::unique_ptr<Item> item) {
    Item* raw = item.get();
    const bool needs_work = !raw->done;
    raw->bytes = raw->doc.text.size();
    window_bytes_ += raw->bytes;
    window_.push_back(std::move(item));
    if (needs_work) {
      if (workers_.empty()) {
        process(*raw);
        raw->done = true;
      } else {
        {
          std::lock_guard<std::mutex> lock(mutex_);
          queue_.push_back(raw);
        }
        work_ready_.notify_one();
      }
    }
    // Bounded memory: never more than max_in_flight_ documents, nor (beyond
    // min_in_flight_ of them) kBytesPerTransaction of text, read ahead.
    while (window_.size() > max_in_flight_ ||
           (window_bytes_ > kBytesPerTransaction && window_.size() > min_in_flight_)) {
      PACTUM_RETURN_IF_ERROR(write_front());
    }
    return Status::ok();
  }

  Status write_front() {
    std::unique_ptr<Item> item = std::move(window_.front());
    window_.pop_front();
    window_bytes_ -= item->bytes;  // not the text: a worker may hold the item
    if (!workers_.empty()) {
      std::unique_lock<std::mutex> lock(mutex_);
      while (!item->done) {
        if (queue_.empty()) {
          work_done_.wait(lock, [&] { return item->done; });
          break;
        }
        // Help rather than wait: extract the oldest queued document here.
        Item* other = queue_.front();
        queue_.pop_front();
        lock.unlock();
        process(*other);
        lock.lock();
        other->done = true;
      }
    }
    // Into the batch, in input order; markers and failures wait there too,
    // so that they are reported after the documents before them are stored.
    if (wants_put(*item)) {
      ++batch_documents_;
      batch_bytes_ += item->doc.text.size();
    }
    batch_.push_back(std::move(item));
    if (batch_documents_ >= kDocumentsPerTransaction || batch_bytes_ >= kBytesPerTransaction) return flush();
    return Status::ok();
  }

  // Extraction and the store's preparation of the write: everything that
  // needs no store, done by whichever thread picked the item up.
  void process(Item& item) const {
    item.result = extract_safely(item.doc, extractor_, options_.extract);
    if (item.result->is_ok()) item.prepared = store::prepare_document(item.doc, **item.result);
  }

  static bool wants_put(const Item& item) {
    return !item.marker && !item.known && item.result && item.result->is_ok();
  }

  // Stores the batch in one transaction, then accounts for its items in order.
  Status flush() {
    std::vector<store::Store::PutItem> puts;
    for (const auto& item : batch_) {
      if (wants_put(*item)) puts.push_back({&item->doc, &**item->result, &item->prepared});
    }
    std::vector<Result<store::PutResult>> stored;
    if (!puts.empty()) {
      auto written = store_.put_batch(puts);
      if (!written.is_ok()) return written.status();
      stored = std::move(*written);
    }
    std::size_t next = 0;
    for (auto& item : batch_) {
      if (item->marker) {
        item->marker();
      } else if (item->known) {
        ++summary_.duplicates;
      } else if (!item->result->is_ok()) {
        summary_.failed.push_back({item->doc.source, item->result->status()});
      } else if (const Result<store::PutResult>& put = stored[next++]; !put.is_ok()) {
        // Facts that break the schema: this document's failure, not the ingest's.
        summary_.failed.push_back({item->doc.source, put.status()});
      } else if (*put == store::PutResult::kDuplicate) {
        ++summary_.duplicates;
      } else {
        ++summary_.stored;
        summary_.events += (*item->result)->events.size();
      }
    }
    batch_.clear();
    batch_documents_ = batch_bytes_ = 0;
    return Status::ok();
  }

  void work() {
    for (;;) {
      Item* item = nullptr;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        work_ready_.wait(lock, [&] { return stopping_ || !queue_.empty() || (job_ && job_->next < job_->n); });
        if (job_ != nullptr && job_->next < job_->n) {
          Job* job = job_;  // lives until its last task is done (parallel_for)
          const std::size_t i = job->next++;
          lock.unlock();
          (*job->task)(i);
          lock.lock();
          if (++job->done == job->n) work_done_.notify_all();
          continue;
        }
        if (queue_.empty()) return;  // stopping, and nothing left
        item = queue_.front();
        queue_.pop_front();
      }
      // The item is the writer's until done is set; its document is not
      // touched by the writer meanwhile.
      process(*item);
      {
        std::lock_guard<std::mutex> lock(mutex_);
        item->done = true;
      }
      work_done_.notify_all();
    }
  }

  const extract::Extractor& extractor_;
  store::Store& store_;
  const IngestOptions& options_;
  IngestSummary& summary_;
  std::size_t max_in_flight_ = 0;  // constant after construction; 0 writes each document at once
  std::size_t min_in_flight_ = 0;  // constant after construction

  // Owned by the calling thread: documents in input order, being extracted
  // or done and waiting to be written.
  std::deque<std::unique_ptr<Item>> window_;
  std::size_t window_bytes_ = 0;  // of the documents' texts in window_

  // Owned by the calling thread: extracted, in input order, waiting for one
  // transaction. Bounded in documents and bytes, so memory stays bounded and
  // a crash loses little work.
  std::vector<std::unique_ptr<Item>> batch_;
  std::size_t batch_documents_ = 0, batch_bytes_ = 0;

  std::mutex mutex_;
  std::condition_variable work_ready_, work_done_;
  std::deque<Item*> queue_;                   // guarded by mutex_: waiting for a worker
  Job* job_ = nullptr;                        // guarded by mutex_: a parallel_for running
  bool stopping_ = false;                     // guarded by mutex_
  std::vector<std::thread> workers_;          // constant after construction
};

}  // namespace

Result<IngestSummary> ingest_paths(const std::vector<std::string>& paths,
                                   const extract::Extractor& extractor, store::Store& store,
                                   const IngestOptions& options, const IngestProgress& progress) {
  IngestSummary summary;
  ingest::SourceList sources = ingest::expand_sources(paths);
  for (auto& [path, status] : sources.missing) summary.failed.push_back({path, status});
  Pipeline pipeline(extractor, store, options, summary);
  // JSON lines are parsed on the workers too (ingest::ReadOptions).
  ingest::ReadOptions read_options = options.read;
  read_options.parallel_for = [&pipeline](std::size_t n, const std::function<void(std::size_t)>& task) {
    pipeline.parallel_for(n, task);
  };
  std::size_t done = 0;
  const std::size_t total = sources.files.size();
  for (const std::string& file : sources.files) {
    // read_path reads "-" from stdin, with the same size limits as files.
    std::error_code ec;
    auto size = file == "-" ? 0 : std::filesystem::file_size(file, ec);
    if (!ec) summary.bytes += size;
    Status store_status = Status::ok();
    Status read = ingest::read_path_each(file, read_options, [&](ingest::Document&& doc) {
      store_status = pipeline.add(std::move(doc));
      return store_status.is_ok();
    });
    PACTUM_RETURN_IF_ERROR(store_status);
    PACTUM_RETURN_IF_ERROR(pipeline.add_marker([&summary, &progress, &done, total, file, read] {
      if (!read.is_ok()) summary.failed.push_back({file, read});
      ++done;
      if (progress) progress(done, total, file);
    }));
  }
  PACTUM_RETURN_IF_ERROR(pipeline.finish());
  return summary;
}

Result<IngestSummary> ingest_documents(const std::vector<ingest::Document>& docs,
                                       const extract::Extractor& extractor, store::Store& store,
                                       const IngestOptions& options) {
  IngestSummary summary;
  Pipeline pipeline(extractor, store, options, summary);
  for (const ingest::Document& doc : docs) {
    summary.bytes += doc.text.size();
    ingest::Document copy = doc;
    PACTUM_RETURN_IF_ERROR(pipeline.add(std::move(copy)));
  }
  PACTUM_RETURN_IF_ERROR(pipeline.finish());
  return summary;
}

}  // namespace pactum::api
