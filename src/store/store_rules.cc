// Checks and conversions shared by the store engines (store_rules.h).
#include "store/store_rules.h"

#include "kb/taxonomy.h"

namespace pactum::store {

Status with_context(const Status& st, std::string_view context) {
  return Status(st.code(), std::string(context) + ": " + st.message());
}

Status check_span(const text::Span& span, std::size_t text_size, std::string_view what) {
  if (span.begin > span.end || span.end > text_size) {
    return Status::invalid_argument(std::string(what) + " span [" + std::to_string(span.begin) + ", " +
                                    std::to_string(span.end) + ") lies outside the text (" +
                                    std::to_string(text_size) + " bytes)");
  }
  return Status::ok();
}

const char* stored_format_name(ingest::Format f) {
  switch (f) {
    case ingest::Format::kText: return "text";
    case ingest::Format::kHtml: return "html";
    case ingest::Format::kPdf: return "pdf";
    case ingest::Format::kFeed: return "feed";
    case ingest::Format::kJsonl: return "jsonl";
  }
  return "text";
}

bool is_date_form(std::string_view s) {
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    bool dash = i == 4 || i == 7;
    if (dash ? s[i] != '-' : (s[i] < '0' || s[i] > '9')) return false;
  }
  return true;
}

std::string widen_date(const std::string& date, bool upper) {
  if (date.size() == 4) return date + (upper ? "-12-31" : "-01-01");
  if (date.size() == 7) return date + (upper ? "-31" : "-01");
  return date;
}

Status check_dates(const std::optional<std::string>& since, const std::optional<std::string>& until) {
  for (const auto* bound : {&since, &until}) {
    if (*bound && !is_date_form(**bound)) {
      return Status::invalid_argument(std::string(bound == &since ? "since" : "until") +
                                      ": expected YYYY, YYYY-MM or YYYY-MM-DD, got '" + **bound + "'");
    }
  }
  return Status::ok();
}

std::optional<std::int64_t> parse_id(const std::string& s) {
  if (s.empty() || s.size() > 18) return std::nullopt;
  std::int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

Result<std::string> check_curated_field(const std::string& field, const std::string& value) {
  if (field == "instrument") {
    if (!kb::is_instrument(value)) return Status::invalid_argument("unknown instrument '" + value + "'");
  } else if (field == "stage") {
    if (!kb::is_stage(value)) return Status::invalid_argument("unknown stage '" + value + "'");
  } else if (field == "date") {
    if (value == "null" || value.empty()) return std::string();
    if (!is_date_form(value)) return Status::invalid_argument("date: expected YYYY[-MM[-DD]] or null, got '" + value + "'");
  } else if (field == "duration_years") {
    if (value == "null" || value.empty()) return std::string();
    if (value.size() > 3 || value.find_first_not_of("0123456789") != std::string::npos) {
      return Status::invalid_argument("duration_years: expected a number of years or null, got '" + value + "'");
    }
  } else if (field == "sectors") {
    std::string out;
    std::size_t at = 0;
    while (at <= value.size()) {
      std::size_t comma = value.find(',', at);
      if (comma == std::string::npos) comma = value.size();
      std::string id = value.substr(at, comma - at);
      if (!id.empty()) {
        if (!kb::is_sector(id)) return Status::invalid_argument("unknown sector '" + id + "'");
        out += (out.empty() ? "" : ",") + id;
      }
      at = comma + 1;
    }
    return out;
  } else {
    return Status::invalid_argument("cannot set '" + field +
                                    "' (fields: instrument, stage, date, sectors, duration_years)");
  }
  return value;
}

void apply_override(const std::string& field, const std::string& value, extract::Event& e, std::string* curation) {
  if (field == "status") *curation = value;
  if (field == "instrument") e.instrument = value;
  if (field == "stage") e.stage = value;
  if (field == "date") e.date = value;
  if (field == "duration_years") {
    e.duration_years = value.empty() ? std::nullopt : std::optional<int>(std::stoi(value));
  }
  if (field == "sectors") {
    e.sectors.clear();
    std::size_t at = 0;
    while (at <= value.size() && !value.empty()) {
      std::size_t comma = value.find(',', at);
      if (comma == std::string::npos) comma = value.size();
      if (comma > at) e.sectors.push_back(value.substr(at, comma - at));
      at = comma + 1;
    }
  }
}

Status stale_event_version(std::int64_t event_id, std::int64_t read, std::int64_t now, const std::string& last_change) {
  std::string msg = "event " + std::to_string(event_id) + " changed since version " + std::to_string(read) +
                    " (it is at version " + std::to_string(now) + ")";
  if (!last_change.empty()) msg += ": last by " + last_change;
  return Status::conflict(msg + "; nothing was written: re-read the event and apply the edit again");
}

}  // namespace pactum::store
