// Fuzz target: RSS 1.0/2.0 and Atom feeds (libxml2), through the reader and
// the feed reader itself.
#include <cstddef>
#include <cstdint>

#include "fuzz_util.h"
#include "ingest/formats.h"
#include "ingest/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace pactum::ingest;
  std::string_view in = pactum::fuzz::as_view(data, size);
  (void)read_bytes(in, "fuzz.rss");
  (void)internal::read_feed(in, "fuzz.xml");
  return 0;
}
