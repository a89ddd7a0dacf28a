// Fuzz target: profile import from CSV (kb/profile.h): the records of
// parse_profiles_csv, each validated as `pactum profiles import` does.
#include <cstddef>
#include <cstdint>

#include "fuzz_util.h"
#include "kb/profile.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace pactum;
  static const kb::ProfileCodes codes;
  auto records = kb::parse_profiles_csv(fuzz::as_view(data, size));
  if (!records.is_ok()) return 0;
  for (const auto& r : *records) {
    auto parsed = kb::parse_profile(r.json, codes);
    if (parsed.profile) (void)kb::to_csv_row(*parsed.profile);
  }
  return 0;
}
