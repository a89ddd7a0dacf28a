// read -> extract -> store; see ingest_service.h.
#include "api/ingest_service.h"


namespace pactum::api {

namespace {

// Extracts and stores one document; a store failure is returned, an
// extraction failure is recorded against the document.
Status ingest_one(const ingest::Document& doc, const extract::Extractor& extractor, store::Store& store,
                  const IngestOptions& options, IngestSummary& summary) {
  ++summary.read;
  auto known = store.has_document(doc.content_hash);
  if (!known.is_ok()) return known.status();
  if (*known) {  // skip extraction work for what is stored already
    ++summary.duplicates;
    return Status::ok();
  }
  auto x = extractor.extract(doc, options.extract);
  if (!x.is_ok()) {
    summary.failed.push_back({doc.source, x.status()});
    return Status::ok();
  }
  auto put = store.put(doc, *x);
  if (!put.is_ok()) return put.status();
  if (*put == store::PutResult::kDuplicate) {
    ++summary.duplicates;
  } else {
    ++summary.stored;
    summary.events += x->events.size();
  }
  return Status::ok();
}

}  // namespace

Result<IngestSummary> ingest_paths(const std::vector<std::string>& paths,
                                   const extract::Extractor& extractor, store::Store& store,
                                   const IngestOptions& options, const IngestProgress& progress) {
  IngestSummary summary;
  ingest::SourceList sources = ingest::expand_sources(paths);
  for (auto& [path, status] : sources.missing) summary.failed.push_back({path, status});
  std::size_t done = 0;
  for (const std::string& file : sources.files) {
    // read_path reads "-" from stdin, with the same size limits as files.
    std::error_code ec;
    auto size = file == "-" ? 0 : std::filesystem::file_size(file, ec);
    if (!ec) summary.bytes += size;
    Result<std::vector<ingest::Document>> docs = ingest::read_path(file, options.read);
    if (!docs.is_ok()) {
      summary.failed.push_back({file, docs.status()});
    } else {
      for (const ingest::Document& doc : *docs) {
        PACTUM_RETURN_IF_ERROR(ingest_one(doc, extractor, store, options, summary));
      }
    }
    ++done;
    if (progress) progress(done, sources.files.size(), file);
  }
  return summary;
}

Result<IngestSummary> ingest_documents(const std::vector<ingest::Document>& docs,
                                       const extract::Extractor& extractor, store::Store& store,
                                       const IngestOptions& options) {
  IngestSummary summary;
  for (const ingest::Document& doc : docs) {
    summary.bytes += doc.text.size();
    PACTUM_RETURN_IF_ERROR(ingest_one(doc, extractor, store, options, summary));
  }
  return summary;
}

}  // namespace pactum::api
