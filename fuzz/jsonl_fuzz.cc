// Fuzz target: JSONL ingest, the whole file through the reader and each line
// through the line reader the streaming path uses.
#include <cstddef>
#include <cstdint>

#include "fuzz_util.h"
#include "ingest/formats.h"
#include "ingest/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace pactum::ingest;
  std::string_view in = pactum::fuzz::as_view(data, size);
  (void)read_bytes(in, "fuzz.jsonl");
  std::size_t line = 0, item = 0, start = 0;
  while (start <= in.size()) {
    auto nl = in.find('\n', start);
    std::string_view l = in.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    ++line;
    if (!internal::is_blank_line(l)) (void)internal::read_jsonl_line(l, line, "fuzz.jsonl", ++item);
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return 0;
}
