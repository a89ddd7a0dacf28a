// The JSON shapes of pactum's records, shared by the REST API and the CLI's
// --json output, so that both speak the same language. Absent dates are null.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "analytics/minerals.h"
#include "common/status.h"
#include "search/search.h"
#include "store/store.h"

namespace pactum::api {

// "" -> null, else the string.
nlohmann::json date_or_null(const std::string& date);

nlohmann::json agreement_json(const store::AgreementRecord& r);
nlohmann::json event_json(const store::EventRecord& r);
nlohmann::json hit_json(const search::Hit& h);
nlohmann::json curation_entry_json(const store::CurationEntry& e);
// A document's metadata, without its text.
nlohmann::json document_summary_json(const store::StoredDocument& d);
nlohmann::json concentration_json(const analytics::Concentration& c);
nlohmann::json exposure_json(const std::string& country, const analytics::Exposure& e);

// A span of a text to mark, and the event whose evidence it is.
struct Mark {
  std::size_t begin = 0, end = 0;  // byte offsets, half-open
  std::int64_t event_id = 0;
};
// The text cut into consecutive pieces [{"text": ..., "event": id|null}],
// marked pieces carrying their event, so that a client shows evidence in
// place without handling byte offsets. Overlapping or out-of-range marks are
// dropped; cuts never split a UTF-8 sequence.
nlohmann::json segments_json(std::string_view text, std::vector<Mark> marks);

// Rows imported into the store, else the table shipped in data/minerals/.
Result<std::vector<store::MineralRow>> mineral_rows_or_shipped(store::Store& store);

// One actor (by name, alias or code) with the agreements it is party to,
// its partners and sectors (name -> agreements) and its timeline.
Result<nlohmann::json> actor_json(store::Store& store, const std::string& name);

}  // namespace pactum::api
