// Fuzz target: PDF text (poppler) through the PDF reader, with the text
// bound the reader uses by default.
#include <cstddef>
#include <cstdint>

#include "fuzz_util.h"
#include "ingest/formats.h"
#include "ingest/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace pactum::ingest;
  std::string_view in = pactum::fuzz::as_view(data, size);
  (void)internal::read_pdf(in, "fuzz.pdf", ReadOptions{}.max_document_bytes);
  return 0;
}
