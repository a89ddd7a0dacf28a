// The closed vocabularies of ../shared/eval/SCHEMA.md (instruments, stages,
// sector ids), for checking what a curator types before it is stored.
#pragma once

#include <string_view>

namespace pactum::kb {

bool is_instrument(std::string_view id);
bool is_stage(std::string_view id);
bool is_sector(std::string_view id);

}  // namespace pactum::kb
