// Fuzz target: the date parser of source metadata (feeds' pubDate, HTML
// meta tags, JSONL "published"): ingest/date.cc's normalize_date. What it
// returns must be empty or a valid YYYY[-MM[-DD]].
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "extract/dates.h"
#include "fuzz_util.h"
#include "ingest/formats.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view in = pactum::fuzz::as_view(data, size);
  std::string date = pactum::ingest::internal::normalize_date(in);
  // The contract: "" or a date as PartialDate reads it back.
  if (!date.empty() && !pactum::extract::PartialDate::parse(date)) std::abort();
  return 0;
}
