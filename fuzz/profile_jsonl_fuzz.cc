// Fuzz target: profile import from JSONL (kb/profile.h), a profile per line
// as `pactum profiles import` reads them. A profile that validates must
// survive its JSON and CSV forms: parse_profile(to_json(p)) == p.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "fuzz_util.h"
#include "kb/profile.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace pactum;
  static const kb::ProfileCodes codes;
  std::string_view in = fuzz::as_view(data, size);
  std::size_t start = 0;
  while (start <= in.size()) {
    auto nl = in.find('\n', start);
    std::string_view line = in.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    auto parsed = kb::parse_profile_line(line, codes);
    if (parsed.profile) {
      nlohmann::json j = kb::to_json(*parsed.profile);
      (void)j.dump();
      (void)kb::to_csv_row(*parsed.profile);
      auto again = kb::parse_profile(j, codes);
      if (!again.profile) std::abort();  // what was valid stays valid
    }
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return 0;
}
