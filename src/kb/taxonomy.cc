// The schema's vocabularies (see taxonomy.h); they change with SCHEMA.md only.
#include "kb/taxonomy.h"

#include <algorithm>
#include <array>

namespace pactum::kb {

namespace {

constexpr std::array<std::string_view, 11> kInstruments = {
    "memorandum_of_understanding", "joint_declaration", "strategic_partnership", "industrial_partnership",
    "cooperation_agreement", "letter_of_intent", "framework_agreement", "negotiations", "trade_agreement",
    "platform", "other"};
constexpr std::array<std::string_view, 8> kStages = {"announced", "negotiating", "signed", "renewed",
                                                     "extended", "planned", "ongoing", "expired"};
constexpr std::array<std::string_view, 30> kSectors = {
    "hydrogen", "ammonia", "offshore_wind", "renewable_energy", "batteries", "critical_minerals", "ccus",
    "green_transport", "energy_efficiency", "medical_technology", "biotechnology", "digital",
    "semiconductors", "space", "maritime", "seafood", "tourism", "mobility_of_people", "trade", "investment",
    "innovation_research", "sme_internationalisation", "fuel_cells", "nuclear", "mining", "labour_rights",
    "climate_environment", "defence", "agriculture_food", "other"};

template <std::size_t N>
bool in(const std::array<std::string_view, N>& list, std::string_view id) {
  return std::find(list.begin(), list.end(), id) != list.end();
}

}  // namespace

bool is_instrument(std::string_view id) { return in(kInstruments, id); }
bool is_stage(std::string_view id) { return in(kStages, id); }
bool is_sector(std::string_view id) { return in(kSectors, id); }
std::span<const std::string_view> sector_ids() { return kSectors; }

}  // namespace pactum::kb
