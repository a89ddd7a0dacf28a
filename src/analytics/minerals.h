// Critical-mineral supply concentration: reads production (or refining)
// tables, computes HHI and top shares, and a country's exposure through its agreements.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "store/store.h"

namespace pactum::analytics {

using store::MineralRow;

// The minerals a table may name (lower case, rare_earths with an underscore);
// anything else is a typo we would rather reject than count apart.
const std::vector<std::string>& known_minerals();

// True for an assigned ISO 3166-1 alpha-2 code (upper case).
bool is_country_code(std::string_view code);

// The stages a table may describe: mining output, or refining output.
bool is_mineral_stage(std::string_view stage);  // production | refining

// Parses a CSV with header `mineral,year,country,tonnes,share,source`, or
// the same with a seventh column `stage` (production | refining; empty is
// production), so that refining tables load beside production ones.
// Country is ISO 3166-1 alpha-2 or WORLD (the world total, which shares are
// derived against). Every bad field is reported, one "line N: FIELD: why"
// per line of the message, and then no row is returned: nothing half-loaded.
// Shares of one (mineral, year, source) may not add up to over 100 %.
Result<std::vector<MineralRow>> parse_mineral_csv(std::string_view csv);

// Supply concentration of one mineral at one stage in one year by one source.
struct Concentration {
  std::string mineral;
  std::string stage = "production";
  int year = 0;
  std::string source;
  double hhi = 0;                 // sum of squared % shares, 0..10000
  double top1_share = 0;          // %
  std::string top1_country;       // ties: the first in code order
  double top3_share = 0;          // %
  std::vector<std::string> top3;  // countries, largest first
  std::size_t countries = 0;      // countries with a share
  // % of world supply not attributed to a listed country (a WORLD total above
  // the listed tonnes); it is left out of the HHI, which is then a lower bound.
  double unattributed_share = 0;
};

// Each country's % share of world supply in one (mineral, year, source):
// the stated share, else tonnes over the WORLD row's tonnes, else over the
// sum of the listed tonnes (when every row has tonnes). kInvalidArgument
// naming the group when a share cannot be derived.
struct CountryShare {
  std::string country;
  double share = 0;
};
struct SupplyTable {
  std::string mineral;
  std::string stage = "production";
  int year = 0;
  std::string source;
  std::vector<CountryShare> shares;  // largest first, ties by code
  double world_tonnes = 0;           // 0 when unknown
};
Result<std::vector<SupplyTable>> supply_tables(const std::vector<MineralRow>& rows);

// Ordered by mineral, stage, year, source.
Result<std::vector<Concentration>> concentration(const std::vector<MineralRow>& rows);
Concentration concentration_of(const SupplyTable& t);

// A critical-minerals agreement of the country asked about, as exposure sees it.
struct MineralAgreement {
  std::string partner;               // ISO 3166-1 alpha-2, or EU (its member states)
  std::string date;                  // YYYY[-MM[-DD]], "" when undated (sorted last)
  std::vector<std::string> sectors;  // taxonomy ids; exposure counts only critical_minerals
};

// One agreement's effect on the share of a mineral's supply lying in partner countries.
struct ExposureStep {
  std::string date, partner;
  double added_share = 0;   // % of world supply its partner(s) bring that earlier ones did not
  double cumulative = 0;    // % after it
  // The same against the table of the agreement's own year (the latest year
  // at or before it, else the earliest): the share as it stood when signed.
  int year_then = 0;             // the table year used; 0 when none
  double added_share_then = 0;
  double cumulative_then = 0;
};

struct Exposure {
  std::string mineral;
  std::string stage = "production";
  int year = 0;  // the latest year of the table used
  std::string source;
  double domestic_share = 0;  // % produced by the country itself
  double partner_share = 0;   // % produced in countries it has an agreement with
  std::vector<CountryShare> partners;  // those countries' shares, largest first
  std::vector<ExposureStep> steps;     // one per agreement, in date order
};

// For each mineral, stage (and source), on its latest year: how much of
// world supply lies in countries `country` has a critical-minerals
// agreement with, and how each agreement, in date order, changed that
// share, both on the latest year and on the agreement's own year.
Result<std::vector<Exposure>> exposure(const std::string& country, const std::vector<MineralRow>& rows,
                                       const std::vector<MineralAgreement>& agreements);

// The country's critical-minerals agreements in the store: each agreement
// with sector critical_minerals and the country as a party gives one entry
// per partner country (its first dated act as the date).
Result<std::vector<MineralAgreement>> mineral_agreements(store::Store& store, const std::string& country);

}  // namespace pactum::analytics
