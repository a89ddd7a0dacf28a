// Fuzz target: the extractor as a whole. Input: a first line with the
// publication date as a source states it ("Fri, 03 May 2024", "2024-05-03",
// or nothing), then the document's text; the text is made a Document as the
// reader makes one (normalised, hashed), then extracted and written as JSON.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "extract/extractor.h"
#include "extract/json.h"
#include "fuzz_util.h"
#include "ingest/formats.h"
#include "ingest/reader.h"

namespace {

const pactum::extract::Extractor& extractor() {
  static auto* loaded = [] {
    auto r = pactum::extract::Extractor::create(pactum::fuzz::data_dir());
    if (!r.is_ok()) std::abort();
    return std::move(r).value().release();
  }();
  return *loaded;
}

}  // namespace

// The data loads once, before the first input: under ASan on a loaded
// machine it takes longer than libFuzzer's per-input timeout.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)extractor();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace pactum;
  auto [header, body] = fuzz::split_header(fuzz::as_view(data, size));
  auto docs = ingest::read_bytes(body, "fuzz.txt");
  if (!docs.is_ok()) return 0;
  for (auto& doc : *docs) {
    doc.published = ingest::internal::normalize_date(header);
    auto extraction = extractor().extract(doc);
    if (extraction.is_ok()) (void)extract::to_json(*extraction, true).dump();
  }
  return 0;
}
