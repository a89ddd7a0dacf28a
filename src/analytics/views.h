// analytics/views: the chain of acts for an actor or a pair, and the sector by
// country matrix. Plain structs in, plain structs out; the CLI and API format them.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "store/store.h"

namespace pactum::analytics {

// One act of one agreement, seen from an actor.
struct TimelineEntry {
  std::string date;  // "" when undated
  std::string stage, instrument;
  std::int64_t agreement_id = 0;
  std::vector<std::string> partners;       // the other parties, by name
  std::vector<std::string> sectors;        // of the agreement
  std::vector<std::int64_t> document_ids;  // the act's sources
};

// Every act of the agreements `actor` is party to (and `partner` too, when
// given), by date (undated last), then agreement and place in its timeline.
std::vector<TimelineEntry> timeline(const std::vector<store::AgreementRecord>& agreements, std::int64_t actor,
                                    std::optional<std::int64_t> partner = std::nullopt);

// Agreements by sector (rows) and the countries of their parties (columns).
// A party without a country code (a multinational) adds no column.
struct Matrix {
  std::vector<std::string> sectors, countries;  // sorted
  // (sector, country) -> agreement ids, sorted; absent cells are empty.
  std::map<std::pair<std::string, std::string>, std::vector<std::int64_t>> cells;
  std::size_t count(const std::string& sector, const std::string& country) const;
};

Matrix sector_country_matrix(const std::vector<store::AgreementRecord>& agreements);

}  // namespace pactum::analytics
