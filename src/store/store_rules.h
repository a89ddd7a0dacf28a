// Checks and conversions every store engine applies the same way (the SQLite
// and PostgreSQL stores share them): spans inside the text, date forms and
// their widening for range filters, stored format names, curated fields.
// Internal to src/store.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"
#include "extract/model.h"
#include "ingest/document.h"

namespace pactum::store {

// "CONTEXT: message", same code.
Status with_context(const Status& st, std::string_view context);

// kInvalidArgument unless span lies inside a text of text_size bytes.
Status check_span(const text::Span& span, std::size_t text_size, std::string_view what);

// The names formats are stored under; pinned here rather than taken from
// ingest::format_name() because stored values must not change with labels.
const char* stored_format_name(ingest::Format f);

// YYYY, YYYY-MM or YYYY-MM-DD.
bool is_date_form(std::string_view s);
// A filter bound widened like a stored date's date_lo / date_hi ("2023" is
// 2023-01-01 as a lower bound, 2023-12-31 as an upper one; a month ends on
// "-31", which sorts right).
std::string widen_date(const std::string& date, bool upper);
// kInvalidArgument naming the bound that is not a date form.
Status check_dates(const std::optional<std::string>& since, const std::optional<std::string>& until);

// A decimal id; nullopt when `s` is not one.
std::optional<std::int64_t> parse_id(const std::string& s);

// A curated value in its stored form ("null" -> ""), or kInvalidArgument
// saying what is wrong. Fields: instrument, stage, date, sectors, duration_years.
Result<std::string> check_curated_field(const std::string& field, const std::string& value);
// Applies one stored override (field, value) to an extracted event; "status"
// goes to *curation.
void apply_override(const std::string& field, const std::string& value, extract::Event& e, std::string* curation);

// kConflict for an edit made on a stale version of event `event_id` (the
// editor read version `read`, the store holds `now`); `last_change` says who
// changed it last and how ("" when unknown), so the editor knows what to re-read.
Status stale_event_version(std::int64_t event_id, std::int64_t read, std::int64_t now, const std::string& last_change);

}  // namespace pactum::store
