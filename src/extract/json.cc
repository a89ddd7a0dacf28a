// Extraction <-> JSON in the schema of ../shared/eval/SCHEMA.md.
#include "extract/json.h"

namespace pactum::extract {

namespace {

nlohmann::json str_or_null(const std::string& s) { return s.empty() ? nlohmann::json() : nlohmann::json(s); }

std::string get_str(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return "";
  return it->get<std::string>();
}

// Gold files may give a list of acceptable values; a prediction takes the first.
std::string first_of(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end()) return "";
  if (it->is_array()) return it->empty() || !(*it)[0].is_string() ? "" : (*it)[0].get<std::string>();
  return it->is_string() ? it->get<std::string>() : "";
}

nlohmann::json span_json(const text::Span& s) { return {s.begin, s.end}; }

}  // namespace

nlohmann::json to_json(const Event& e, bool with_spans) {
  nlohmann::json parties = nlohmann::json::array();
  for (const Party& p : e.parties) {
    nlohmann::json pj = {{"name", p.name}, {"kind", p.kind}, {"country", str_or_null(p.country)},
                         {"subdivision", str_or_null(p.subdivision)}};
    if (with_spans) pj["span"] = span_json(p.span);
    parties.push_back(std::move(pj));
  }
  nlohmann::json sigs = nlohmann::json::array();
  for (const Signatory& s : e.signatories) {
    sigs.push_back({{"name", s.name}, {"role", str_or_null(s.role)}, {"affiliation", str_or_null(s.affiliation)}});
  }
  nlohmann::json j = {{"parties", parties},
                      {"instrument", e.instrument},
                      {"stage", e.stage},
                      {"date", str_or_null(e.date)},
                      {"sectors", e.sectors},
                      {"signatories", sigs},
                      {"duration_years", e.duration_years ? nlohmann::json(*e.duration_years) : nlohmann::json()},
                      {"evidence", e.evidence},
                      {"confidence", std::round(e.confidence * 100) / 100}};
  if (with_spans) j["evidence_span"] = span_json(e.evidence_span);
  return j;
}

nlohmann::json to_json(const Extraction& x, bool with_spans) {
  nlohmann::json events = nlohmann::json::array();
  for (const Event& e : x.events) events.push_back(to_json(e, with_spans));
  nlohmann::json people = nlohmann::json::array();
  for (const Person& p : x.people) {
    nlohmann::json pj = {{"name", p.name}, {"role", str_or_null(p.role)},
                         {"affiliation", str_or_null(p.affiliation)}, {"quoted", p.quoted}};
    if (with_spans) pj["span"] = span_json(p.span);
    people.push_back(std::move(pj));
  }
  return {{"doc", x.doc},
          {"source", x.source},
          {"language", str_or_null(x.language)},
          {"published", str_or_null(x.published)},
          {"title", str_or_null(x.title)},
          {"events", events},
          {"people", people},
          {"organizations", x.organizations}};
}

Result<Extraction> extraction_from_json(const nlohmann::json& j) {
  if (!j.is_object()) return Status::invalid_argument("extraction must be a JSON object");
  Extraction x;
  x.doc = get_str(j, "doc");
  x.source = get_str(j, "source");
  x.language = get_str(j, "language");
  x.published = get_str(j, "published");
  x.title = get_str(j, "title");
  if (auto it = j.find("events"); it != j.end() && it->is_array()) {
    for (const auto& ej : *it) {
      Event e;
      for (const auto& pj : ej.value("parties", nlohmann::json::array())) {
        e.parties.push_back({get_str(pj, "name"), get_str(pj, "kind"), get_str(pj, "country"),
                             get_str(pj, "subdivision"), {}});
      }
      e.instrument = first_of(ej, "instrument");
      e.stage = first_of(ej, "stage");
      e.date = get_str(ej, "date");
      for (const auto& s : ej.value("sectors", nlohmann::json::array())) {
        if (s.is_string()) e.sectors.push_back(s.get<std::string>());
      }
      for (const auto& sj : ej.value("signatories", nlohmann::json::array())) {
        e.signatories.push_back({get_str(sj, "name"), get_str(sj, "role"), get_str(sj, "affiliation")});
      }
      if (auto d = ej.find("duration_years"); d != ej.end() && d->is_number_integer()) e.duration_years = d->get<int>();
      e.evidence = get_str(ej, "evidence");
      if (auto c = ej.find("confidence"); c != ej.end() && c->is_number()) e.confidence = c->get<double>();
      x.events.push_back(std::move(e));
    }
  }
  for (const auto& pj : j.value("people", nlohmann::json::array())) {
    x.people.push_back({get_str(pj, "name"), get_str(pj, "role"), get_str(pj, "affiliation"),
                        pj.value("quoted", false), {}});
  }
  for (const auto& o : j.value("organizations", nlohmann::json::array())) {
    if (o.is_string()) x.organizations.push_back(o.get<std::string>());
  }
  return x;
}

}  // namespace pactum::extract
