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
// The calling thread reads and checks for duplicates. With 1 thread it also
// extracts and writes, one document after the other. With N > 1, N threads
// extract (N - 1 workers, and the calling thread whenever the read-ahead is
// full) and one more thread, the writer, owns the store's writes: it takes
// the documents in the order they were added, whatever order the
// extractors finish in, and writes them in batches. A batch's commit may
// run a WAL checkpoint (syncs and page copies, 0.1-0.8 s); on the writer
// thread it no longer stops the calling thread's core extracting.
class Pipeline {
 public:
  Pipeline(const extract::Extractor& extractor, store::Store& store, const IngestOptions& options,
           IngestSummary& summary)
      : extractor_(extractor), store_(store), options_(options), summary_(summary) {
    std::size_t threads = options.threads == 0 ? std::thread::hardware_concurrency() : options.threads;
    if (threads > 1) {
      // Room for many transactions' worth beyond what the threads hold:
      // while the writer writes a batch (and its checkpoint), the extractors
      // keep going. With only 4 per thread they ran dry within a few
      // documents of a flush; with one batch (72 on 2 threads, ~20 ms of
      // extraction) in every WAL checkpoint when the calling thread wrote.
      // Bytes bound it too (push()).
      max_in_flight_ = kBatchesInFlight * kDocumentsPerTransaction + 4 * threads;
      min_in_flight_ = 4 * threads;
      for (std::size_t i = 1; i < threads; ++i) workers_.emplace_back([this] { work(); });
      writer_ = std::thread([this] { write_all(); });
    }
  }
  ~Pipeline() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;  // an early return: the writer stops after its batch, no later one
      queue_.clear();    // nobody will write these
    }
    work_ready_.notify_all();
    progress_.notify_all();
    for (std::thread& t : workers_) t.join();
    if (writer_.joinable()) writer_.join();
  }
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;

  // Queues one document; a store failure (of this or an earlier document)
  // is returned and ends the ingest.
  Status add(ingest::Document&& doc) {
    ++summary_.read;
    // Only committed documents count (a copy still in flight is found by
    // put_batch, as kDuplicate): so the answer does not depend on how far
    // the writer has got, nor the summary either.
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
  // progress bar and per-source failures keep the input order. With N > 1
  // threads it runs on the writer thread.
  Status add_marker(std::function<void()> then) {
    auto item = std::make_unique<Item>();
    item->marker = std::move(then);
    item->done = true;
    return push(std::move(item));
  }

  // Runs task(0..n-1) on the workers and the calling thread, returning when
  // all have run (ingest::ReadOptions::parallel_for: the reading of JSON
  // lines). The workers take these before queued documents: the calling
  // thread, which queues documents, waits for them.
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
    progress_.wait(lock, [&] { return job.done == n; });
    job_ = nullptr;
  }

  // Writes everything still in flight.
  Status finish() {
    if (!writer_.joinable()) {
      while (!window_.empty()) PACTUM_RETURN_IF_ERROR(write_front());
      return flush();
    }
    std::unique_lock<std::mutex> lock(mutex_);
    input_done_ = true;
    progress_.notify_all();
    // Extract here too until the writer has written the last batch.
    while (!writer_finished_) {
      if (!help(lock)) progress_.wait(lock);
    }
    lock.unlock();
    writer_.join();
    return writer_status_;
  }

 private:
  struct Item {
    ingest::Document doc;
    std::optional<Result<extract::Extraction>> result;
    store::PreparedDocument prepared;  // with a result: what the store derives from it
    std::function<void()> marker;
    std::size_t bytes = 0;  // the text's size when queued
    bool known = false;  // stored already: nothing to extract or write
    bool done = false;   // guarded by mutex_ while other threads may see the item
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
    if (!writer_.joinable()) {  // one thread: extract, then write when the window is full
      window_bytes_ += raw->bytes;
      window_.push_back(std::move(item));
      if (needs_work) {
        process(*raw);
        raw->done = true;
      }
      while (window_.size() > max_in_flight_) PACTUM_RETURN_IF_ERROR(write_front());
      return Status::ok();
    }
    std::unique_lock<std::mutex> lock(mutex_);
    if (!writer_status_.is_ok()) return writer_status_;
    window_bytes_ += raw->bytes;
    window_.push_back(std::move(item));
    if (needs_work) {
      queue_.push_back(raw);
      work_ready_.notify_one();
    } else {
      progress_.notify_all();  // the writer may be waiting for this marker or duplicate
    }
    // Bounded memory: never more than max_in_flight_ documents, nor (beyond
    // min_in_flight_ of them) kBytesPerTransaction of text, read ahead of
    // the writer. Meanwhile extract, rather than wait.
    while (writer_status_.is_ok() &&
           (window_.size() > max_in_flight_ ||
            (window_bytes_ > kBytesPerTransaction && window_.size() > min_in_flight_))) {
      if (!help(lock)) progress_.wait(lock);
    }
    return writer_status_;
  }

  // Extracts the oldest queued document on this thread (lock held on entry
  // and return); false when none is queued.
  bool help(std::unique_lock<std::mutex>& lock) {
    if (queue_.empty()) return false;
    Item* item = queue_.front();
    queue_.pop_front();
    lock.unlock();
    process(*item);
    lock.lock();
    item->done = true;
    progress_.notify_all();
    return true;
  }

  // One thread: the oldest document in the window into the batch.
  Status write_front() {
    std::unique_ptr<Item> item = std::move(window_.front());
    window_.pop_front();
    window_bytes_ -= item->bytes;
    return to_batch(std::move(item));
  }

  // The writer thread: documents into batches, in input order, until the
  // input ends (the last batch written), the store fails, or the ingest
  // stops early (no more batches: what was committed stays whole).
  void write_all() {
    Status status = Status::ok();
    for (;;) {
      std::unique_ptr<Item> item;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        progress_.wait(lock, [&] {
          return stopping_ || (!window_.empty() && window_.front()->done) || (input_done_ && window_.empty());
        });
        if (stopping_) break;
        if (window_.empty()) {  // the input has ended
          lock.unlock();
          status = flush();
          break;
        }
        item = std::move(window_.front());
        window_.pop_front();
        window_bytes_ -= item->bytes;
      }
      progress_.notify_all();  // room in the window
      status = to_batch(std::move(item));
      if (!status.is_ok()) break;
    }
    {
      std::lock_guard<std::mutex> lock(mutex_);
      writer_status_ = status;
      writer_finished_ = true;
    }
    progress_.notify_all();
  }

  // Into the batch, in input order; markers and failures wait there too,
  // so that they are reported after the documents before them are stored.
  // Run by the one thread that writes.
  Status to_batch(std::unique_ptr<Item> item) {
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
          if (++job->done == job->n) progress_.notify_all();
          continue;
        }
        if (queue_.empty()) return;  // stopping, and nothing left
        item = queue_.front();
        queue_.pop_front();
      }
      // The item is this thread's until done is set; nobody else touches
      // its document meanwhile.
      process(*item);
      {
        std::lock_guard<std::mutex> lock(mutex_);
        item->done = true;
      }
      progress_.notify_all();
    }
  }

  const extract::Extractor& extractor_;
  store::Store& store_;
  const IngestOptions& options_;
  // Written by the thread that writes (flush()), and by the calling thread
  // only in fields flush() does not touch (read, bytes); read by the caller
  // after finish() or the destructor has joined the writer.
  IngestSummary& summary_;
  std::size_t max_in_flight_ = 0;  // constant after construction; 0 writes each document at once
  std::size_t min_in_flight_ = 0;  // constant after construction

  // Documents in input order, being extracted or done and waiting to be
  // written. With one thread owned by it; with a writer guarded by mutex_
  // (the calling thread appends, the writer takes from the front).
  std::deque<std::unique_ptr<Item>> window_;
  std::size_t window_bytes_ = 0;  // of the documents' texts in window_; as window_

  // Owned by the thread that writes: extracted, in input order, waiting for
  // one transaction. Bounded in documents and bytes, so memory stays
  // bounded and a crash loses little work.
  std::vector<std::unique_ptr<Item>> batch_;
  std::size_t batch_documents_ = 0, batch_bytes_ = 0;

  std::mutex mutex_;
  // work_ready_: for the workers (a document queued, a parallel_for, stop);
  // progress_: for the calling thread and the writer (a document extracted,
  // room in the window, a parallel_for done, the writer finished).
  std::condition_variable work_ready_, progress_;
  std::deque<Item*> queue_;                   // guarded by mutex_: waiting for an extractor
  Job* job_ = nullptr;                        // guarded by mutex_: a parallel_for running
  bool stopping_ = false;                     // guarded by mutex_
  bool input_done_ = false;                   // guarded by mutex_: finish() called
  bool writer_finished_ = false;              // guarded by mutex_
  Status writer_status_ = Status::ok();       // guarded by mutex_: the store's failure, if any
  std::vector<std::thread> workers_;          // constant after construction
  std::thread writer_;                        // started in the constructor, joined by finish() or the destructor
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
