// JSON of records for the API and the CLI (api/views.h).
#include "api/views.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "analytics/network.h"
#include "analytics/views.h"
#include "common/files.h"
#include "extract/json.h"

namespace pactum::api {

namespace {

double round2(double v) { return std::round(v * 100) / 100; }

// True at the first byte of a UTF-8 sequence (or at the end).
bool at_boundary(std::string_view s, std::size_t i) {
  return i >= s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
}

}  // namespace

nlohmann::json date_or_null(const std::string& date) {
  return date.empty() ? nlohmann::json() : nlohmann::json(date);
}

nlohmann::json agreement_json(const store::AgreementRecord& r) {
  nlohmann::json parties = nlohmann::json::array();
  for (const auto& p : r.parties) {
    parties.push_back({{"id", p.id}, {"name", p.name}, {"kind", p.kind}, {"country", p.country},
                       {"subdivision", p.subdivision}});
  }
  nlohmann::json timeline = nlohmann::json::array();
  for (const auto& act : r.timeline) {
    timeline.push_back({{"stage", act.stage},
                        {"date", date_or_null(act.date)},
                        {"events", act.event_ids},
                        {"sources", act.document_ids}});
  }
  return {{"id", r.id},           {"instrument", r.instrument}, {"parties", parties},
          {"sectors", r.sectors}, {"timeline", timeline},       {"sources", r.sources},
          {"copies", r.copies},   {"languages", r.languages},
          {"first_date", date_or_null(r.first_date)},
          {"last_date", date_or_null(r.last_date)}};
}

nlohmann::json event_json(const store::EventRecord& r) {
  nlohmann::json j = extract::to_json(r.event, true);
  j["id"] = r.id;
  j["document_id"] = r.document_id;
  j["document"] = r.document_source;
  j["language"] = r.language;
  j["curation"] = r.curation;
  j["version"] = r.version;
  return j;
}

nlohmann::json hit_json(const search::Hit& h) {
  nlohmann::json events = nlohmann::json::array();
  for (const auto& e : h.hit.events) events.push_back(e.id);
  return {{"document", h.hit.source},       {"document_id", h.hit.document_id},
          {"title", h.hit.title},           {"language", h.hit.language},
          {"published", h.hit.published},   {"score", h.hit.score},
          {"evidence", h.evidence},         {"evidence_events", h.evidence_events},
          {"events", events},               {"copies", h.hit.copies}};
}

nlohmann::json curation_entry_json(const store::CurationEntry& e) {
  return {{"id", e.id},         {"at", e.at},         {"author", e.author}, {"target", e.target},
          {"target_id", e.target_id}, {"action", e.action}, {"field", e.field},
          {"old", e.old_value}, {"new", e.new_value}, {"note", e.note}};
}

nlohmann::json document_summary_json(const store::StoredDocument& d) {
  return {{"id", d.id},
          {"source", d.source},
          {"url", d.url},
          {"title", d.title},
          {"published", date_or_null(d.published)},
          {"language", d.language},
          {"format", d.format},
          {"ingested_at", d.ingested_at}};
}

nlohmann::json concentration_json(const analytics::Concentration& c) {
  return {{"mineral", c.mineral},           {"stage", c.stage},
          {"year", c.year},
          {"source", c.source},             {"hhi", round2(c.hhi)},
          {"top1_share", round2(c.top1_share)}, {"top1_country", c.top1_country},
          {"top3_share", round2(c.top3_share)}, {"top3", c.top3},
          {"countries", c.countries},       {"unattributed_share", round2(c.unattributed_share)}};
}

nlohmann::json exposure_json(const std::string& country, const analytics::Exposure& e) {
  nlohmann::json partners = nlohmann::json::array(), steps = nlohmann::json::array();
  for (const auto& p : e.partners) partners.push_back({{"country", p.country}, {"share", round2(p.share)}});
  for (const auto& s : e.steps) {
    steps.push_back({{"date", date_or_null(s.date)},
                     {"partner", s.partner},
                     {"added_share", round2(s.added_share)},
                     {"cumulative_share", round2(s.cumulative)},
                     {"year_then", s.year_then},
                     {"added_share_then", round2(s.added_share_then)},
                     {"cumulative_share_then", round2(s.cumulative_then)}});
  }
  return {{"country", country},
          {"mineral", e.mineral},
          {"stage", e.stage},
          {"year", e.year},
          {"source", e.source},
          {"domestic_share", round2(e.domestic_share)},
          {"partner_share", round2(e.partner_share)},
          {"partners", partners},
          {"steps", steps}};
}

nlohmann::json segments_json(std::string_view text, std::vector<Mark> marks) {
  std::sort(marks.begin(), marks.end(), [](const Mark& a, const Mark& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  nlohmann::json out = nlohmann::json::array();
  std::size_t at = 0;
  auto plain = [&](std::size_t end) {
    if (end > at) out.push_back({{"text", std::string(text.substr(at, end - at))}, {"event", nullptr}});
  };
  for (const Mark& m : marks) {
    if (m.begin < at || m.end <= m.begin || m.end > text.size()) continue;
    if (!at_boundary(text, m.begin) || !at_boundary(text, m.end)) continue;
    plain(m.begin);
    out.push_back({{"text", std::string(text.substr(m.begin, m.end - m.begin))}, {"event", m.event_id}});
    at = m.end;
  }
  plain(text.size());
  return out;
}

Result<std::vector<store::MineralRow>> mineral_rows_or_shipped(store::Store& store) {
  auto stored = store.mineral_rows();
  if (!stored.is_ok()) return stored.status();
  if (!stored->empty()) return stored;
  auto path = data_dir() / "minerals" / "production.csv";
  auto text = read_file(path);
  if (!text.is_ok()) return text.status();
  auto rows = analytics::parse_mineral_csv(*text);
  if (!rows.is_ok()) return Status::corruption(path.string() + ": " + rows.status().message());
  return rows;
}

Result<nlohmann::json> actor_json(store::Store& store, const std::string& name) {
  auto actor = store.actor(name);
  if (!actor.is_ok()) return actor.status();
  store::AgreementFilter f;
  f.party = actor->key;
  auto list = store.agreements(f);
  if (!list.is_ok()) return list.status();
  // Only agreements the actor itself is party to (a country's key also
  // selects its regions' agreements through the party filter).
  std::vector<store::AgreementRecord> own;
  for (auto& r : *list) {
    bool party = std::any_of(r.parties.begin(), r.parties.end(),
                             [&](const store::ActorRecord& p) { return p.id == actor->id; });
    if (party) own.push_back(std::move(r));
  }
  std::map<std::string, int> partners, sectors;
  nlohmann::json agreements = nlohmann::json::array();
  for (const auto& r : own) {
    for (const auto& p : r.parties) {
      if (p.id != actor->id) ++partners[p.name];
    }
    for (const auto& s : r.sectors) ++sectors[s];
    agreements.push_back(agreement_json(r));
  }
  nlohmann::json timeline = nlohmann::json::array();
  for (const auto& t : analytics::timeline(own, actor->id)) {
    timeline.push_back({{"date", date_or_null(t.date)},
                        {"stage", t.stage},
                        {"instrument", t.instrument},
                        {"agreement", t.agreement_id},
                        {"partners", t.partners},
                        {"sectors", t.sectors},
                        {"sources", t.document_ids}});
  }
  return nlohmann::json{{"id", actor->id},           {"name", actor->name},
                        {"kind", actor->kind},       {"country", actor->country},
                        {"subdivision", actor->subdivision}, {"aliases", actor->aliases},
                        {"agreements", agreements},  {"partners", partners},
                        {"sectors", sectors},        {"timeline", timeline}};
}

}  // namespace pactum::api
