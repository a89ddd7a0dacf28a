// Fuzz target: HTML to text. Whole pages through the reader (sniffing,
// charset declaration and conversion, gumbo, chrome removal) and the HTML
// helpers that feed and JSONL text goes through.
#include <cstddef>
#include <cstdint>

#include "fuzz_util.h"
#include "ingest/formats.h"
#include "ingest/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace pactum::ingest;
  std::string_view in = pactum::fuzz::as_view(data, size);
  (void)read_bytes(in, "fuzz.html");
  (void)internal::html_truncation_reason(in);
  (void)internal::declared_html_charset(in);
  if (!internal::invalid_utf8_offset(in)) {
    (void)internal::extract_html_page(in);
    (void)internal::html_fragment_to_text(in);
    (void)internal::looks_like_html(in);
  }
  return 0;
}
