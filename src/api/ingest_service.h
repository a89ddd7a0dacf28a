// Ingesting sources into a store: read -> extract -> store, up to 256
// documents (or 8 MB) per transaction, each document whole or absent (a
// crash loses the last uncommitted batch, which a re-run stores). The use case behind `pactum ingest` and POST /api/ingest, so
// both behave the same. A failing source is reported and skipped; it never
// stops the others.
//
// With several threads, documents are extracted in parallel by a pool of
// workers while the calling thread reads the sources and is the only writer
// to the store, in input order (the lines of a JSONL file are parsed,
// normalized and hashed on the workers too: ingest::ReadOptions::parallel_for): the summary, the failures' order and what
// the store holds are the same for any number of threads. At most 16
// transactions' worth of documents (and 8 MB of text) are in flight, and a JSONL file too big to read whole
// is streamed a line at a time, so memory stays bounded whatever the input.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "common/status.h"
#include "extract/extractor.h"
#include "ingest/reader.h"
#include "store/store.h"

namespace pactum::api {

// Documents (and bytes) written per store transaction, at most. Each
// transaction rewrites the index pages its rows land on (the bands, the
// event indexes, the FTS segment): 256 documents write half the WAL frames
// of 64 for the same input, and `pactum ingest` of 18 MB took 7.6 s instead
// of 9.3 on one thread, 4.4 instead of 6.2 on two (bench/README, write
// path pass 11). More (512, 1,024) gained a few per cent for a larger loss
// on a crash and a longer write lock.
inline constexpr std::size_t kDocumentsPerTransaction = 256;
inline constexpr std::size_t kBytesPerTransaction = 8u << 20;

struct IngestFailure {
  std::string source;
  Status status;
};

struct IngestSummary {
  std::size_t read = 0;        // documents read from the sources
  std::size_t stored = 0;      // newly stored
  std::size_t duplicates = 0;  // already in the store (same content hash)
  std::size_t events = 0;      // events stored with the new documents
  std::size_t bytes = 0;       // bytes of the source files read
  std::vector<IngestFailure> failed;
};

// Called after each source file: (files done, files total, current source).
using IngestProgress = std::function<void(std::size_t, std::size_t, const std::string&)>;

struct IngestOptions {
  ingest::ReadOptions read;
  extract::ExtractOptions extract;
  // Extraction threads; 0 means one per hardware thread. With 1 everything
  // runs on the calling thread.
  std::size_t threads = 1;
};

// Ingests the given paths ("-" is stdin; folders are walked). Fails only when
// the store itself fails; per-source problems are in the summary.
Result<IngestSummary> ingest_paths(const std::vector<std::string>& paths,
                                   const extract::Extractor& extractor, store::Store& store,
                                   const IngestOptions& options = {},
                                   const IngestProgress& progress = {});

// Ingests already read documents (the REST API's request body).
Result<IngestSummary> ingest_documents(const std::vector<ingest::Document>& docs,
                                       const extract::Extractor& extractor, store::Store& store,
                                       const IngestOptions& options = {});

}  // namespace pactum::api
