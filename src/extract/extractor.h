// The extractor: document text in, events, people and organizations out.
// Rules and gazetteers, all language knowledge in data files under data/
// (see data/README.md); adding a language is adding rows.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "common/status.h"
#include "extract/model.h"
#include "ingest/document.h"

namespace pactum::extract {

struct ExtractOptions {
  double min_confidence = 0.0;  // events below are dropped
};

class Extractor {
 public:
  // Loads lexicons, gazetteers and the sector taxonomy from data_dir. Fails
  // with a message naming the file and line of a bad row.
  static Result<std::unique_ptr<Extractor>> create(const std::filesystem::path& data_dir);
  virtual ~Extractor() = default;

  // Thread-safe: one Extractor serves many threads.
  virtual Result<Extraction> extract(const ingest::Document& doc,
                                     const ExtractOptions& options = {}) const = 0;
};

}  // namespace pactum::extract
