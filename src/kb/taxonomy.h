// The closed vocabularies of ../shared/eval/SCHEMA.md (instruments, stages,
// sector ids), for checking what a curator types before it is stored.
#pragma once

#include <span>
#include <string_view>

namespace pactum::kb {

bool is_instrument(std::string_view id);
bool is_stage(std::string_view id);
bool is_sector(std::string_view id);
// Every sector id, in the order of SCHEMA.md (at most 32: matchers keep them as bits).
std::span<const std::string_view> sector_ids();

}  // namespace pactum::kb
