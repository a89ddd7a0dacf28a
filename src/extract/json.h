// Extraction <-> JSON in the shape of ../shared/eval/SCHEMA.md (nulls for
// empty strings, spans only when asked for).
#pragma once

#include <nlohmann/json.hpp>

#include "common/status.h"
#include "extract/model.h"

namespace pactum::extract {

nlohmann::json to_json(const Extraction& x, bool with_spans = false);
nlohmann::json to_json(const Event& e, bool with_spans = false);
Result<Extraction> extraction_from_json(const nlohmann::json& j);

}  // namespace pactum::extract
