// The REST API's route table and handlers (api/routes.h). Each handler
// checks its input, calls one domain method and shapes the JSON.
#include "api/routes.h"

#include <openssl/rand.h>

#include <algorithm>
#include <charconv>
#include <exception>
#include <map>
#include <set>
#include <sstream>

#include "analytics/export.h"
#include "analytics/minerals.h"
#include "analytics/network.h"
#include "analytics/views.h"
#include "api/filters.h"
#include "api/ingest_service.h"
#include "api/views.h"
#include "common/hash.h"
#include "kb/profile.h"
#include "match/matcher.h"
#include "ingest/formats.h"
#include "ingest/reader.h"

namespace pactum::api {

namespace {

using nlohmann::json;
using Params = std::vector<std::string>;

const Params kAgreementQuery = {"party", "country", "region", "sector", "instrument", "stage",
                                "year",  "since",   "until",  "language", "limit"};
const Params kSearchQuery = {"q",     "country", "region", "sector",   "instrument", "stage",
                             "year",  "since",   "until",  "language", "limit"};
const Params kEventQuery = {"party", "sector", "instrument", "stage", "since", "until", "language", "limit"};

std::optional<std::string> opt(const ApiRequest& r, const std::string& name) {
  auto v = r.arg(name);
  if (!v || v->empty()) return std::nullopt;
  return v;
}

Result<std::int64_t> parse_int(const std::string& what, const std::string& s) {
  std::int64_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || v < 0) {
    return Status::invalid_argument(what + ": expected a non-negative integer, got '" + s + "'");
  }
  return v;
}

Result<std::size_t> parse_limit(const ApiRequest& r, std::size_t fallback, const std::string& name = "limit") {
  auto v = opt(r, name);
  if (!v) return fallback;
  auto n = parse_int(name, *v);
  if (!n.is_ok()) return n.status();
  if (*n < 1 || static_cast<std::size_t>(*n) > kMaxListLimit) {
    return Status::invalid_argument(name + ": between 1 and " + std::to_string(kMaxListLimit));
  }
  return static_cast<std::size_t>(*n);
}

Result<std::int64_t> id_param(const ApiRequest& r) { return parse_int("id", r.params.at("id")); }

// The request's query parameters as the shared filter parser reads them.
FilterParams query_params(const ApiRequest& r) {
  return {[&r](const std::string& name) { return r.arg(name); }, ""};
}

// A non-negative integer parameter, `fallback` when absent.
Result<std::int64_t> int_arg(const ApiRequest& r, const std::string& name, std::int64_t fallback) {
  auto v = opt(r, name);
  if (!v) return fallback;
  return parse_int(name, *v);
}

// A list's items as a JSON array, each to_json(item); the list's error as is.
template <class T, class ToJson>
ApiResponse json_array(const Result<std::vector<T>>& list, ToJson to_json) {
  if (!list.is_ok()) return ApiResponse::error(list.status());
  json out = json::array();
  for (const auto& item : *list) out.push_back(to_json(item));
  return ApiResponse::json(out);
}

Result<json> parse_body(const ApiRequest& r) {
  if (r.body.empty()) return Status::invalid_argument("the request body is empty; a JSON object was expected");
  try {
    return json::parse(r.body);
  } catch (const json::exception& e) {
    return Status::invalid_argument(std::string("malformed JSON body: ") + e.what());
  }
}

// A string member of a JSON object; kInvalidArgument when present but not a string.
Result<std::string> member(const json& j, const char* name, bool required) {
  auto it = j.find(name);
  if (it == j.end() || it->is_null()) {
    if (required) return Status::invalid_argument(std::string("'") + name + "' is required");
    return std::string();
  }
  if (!it->is_string()) return Status::invalid_argument(std::string("'") + name + "' must be a string");
  return it->get<std::string>();
}


}  // namespace

// Handlers are members of a friend so that they reach the services.
struct Handlers {
  using Fn = ApiResponse (*)(const Api&, const ApiRequest&);

  static ApiResponse health(const Api&, const ApiRequest&) { return ApiResponse::json({{"status", "ok"}}); }

  static ApiResponse openapi(const Api& api, const ApiRequest&) {
    return ApiResponse::text(api.openapi_, "application/json");
  }

  static ApiResponse documents(const Api& api, const ApiRequest& r) {
    auto limit = parse_limit(r, 100);
    if (!limit.is_ok()) return ApiResponse::error(limit.status());
    auto offset = int_arg(r, "offset", 0);
    if (!offset.is_ok()) return ApiResponse::error(offset.status());
    auto total = api.store_.document_count();
    if (!total.is_ok()) return ApiResponse::error(total.status());
    auto docs = api.store_.documents(static_cast<std::size_t>(*offset), *limit);
    if (!docs.is_ok()) return ApiResponse::error(docs.status());
    json items = json::array();
    for (const auto& d : *docs) items.push_back(document_summary_json(d));
    return ApiResponse::json({{"total", *total}, {"offset", *offset}, {"documents", items}});
  }

  static ApiResponse document(const Api& api, const ApiRequest& r) {
    auto id = id_param(r);
    if (!id.is_ok()) return ApiResponse::error(id.status());
    auto doc = api.store_.document(*id);
    if (!doc.is_ok()) return ApiResponse::error(doc.status());
    store::EventFilter f;
    f.document_id = *id;
    f.include_rejected = true;
    auto events = api.store_.events(f);
    if (!events.is_ok()) return ApiResponse::error(events.status());
    json ev = json::array();
    std::vector<Mark> marks;
    for (const auto& e : *events) {
      ev.push_back(event_json(e));
      marks.push_back({e.event.evidence_span.begin, e.event.evidence_span.end, e.id});
    }
    auto original = api.store_.original_of(*id);
    if (!original.is_ok()) return ApiResponse::error(original.status());
    json j = document_summary_json(*doc);
    j["text"] = doc->text;
    j["organizations"] = doc->organizations;
    j["events"] = ev;
    j["segments"] = segments_json(doc->text, marks);
    j["original"] = *original ? json((*original)->original_id) : json();
    return ApiResponse::json(j);
  }

  static ApiResponse events(const Api& api, const ApiRequest& r) {
    auto f = event_filter(query_params(r));
    if (!f.is_ok()) return ApiResponse::error(f.status());
    auto limit = parse_limit(r, 100);
    if (!limit.is_ok()) return ApiResponse::error(limit.status());
    f->limit = *limit;
    return json_array(api.store_.events(*f), event_json);
  }

  static ApiResponse event(const Api& api, const ApiRequest& r) {
    auto id = id_param(r);
    if (!id.is_ok()) return ApiResponse::error(id.status());
    auto e = api.store_.event(*id);
    if (!e.is_ok()) return ApiResponse::error(e.status());
    json j = event_json(*e);
    auto agreement = api.store_.agreement_of_event(*id);
    j["agreement"] = agreement.is_ok() ? json(*agreement) : json();
    return ApiResponse::json(j);
  }

  static ApiResponse agreements(const Api& api, const ApiRequest& r) {
    auto f = agreement_filter(query_params(r));
    if (!f.is_ok()) return ApiResponse::error(f.status());
    auto limit = parse_limit(r, 100);
    if (!limit.is_ok()) return ApiResponse::error(limit.status());
    f->limit = *limit;
    return json_array(api.store_.agreements(*f), agreement_json);
  }

  // The agreement with every source document: its text cut into segments
  // that mark the evidence of the agreement's events.
  static ApiResponse agreement(const Api& api, const ApiRequest& r) {
    auto id = id_param(r);
    if (!id.is_ok()) return ApiResponse::error(id.status());
    auto a = api.store_.agreement(*id);
    if (!a.is_ok()) return ApiResponse::error(a.status());
    std::map<std::int64_t, std::vector<store::EventRecord>> by_document;
    for (const auto& act : a->timeline) {
      for (auto event_id : act.event_ids) {
        auto e = api.store_.event(event_id);
        if (!e.is_ok()) return ApiResponse::error(e.status());
        by_document[e->document_id].push_back(std::move(*e));
      }
    }
    std::set<std::int64_t> copies(a->copies.begin(), a->copies.end());
    json sources = json::array();
    for (const auto& [doc_id, events] : by_document) {
      auto doc = api.store_.document(doc_id);
      if (!doc.is_ok()) return ApiResponse::error(doc.status());
      json ev = json::array();
      std::vector<Mark> marks;
      for (const auto& e : events) {
        ev.push_back({{"id", e.id},
                      {"stage", e.event.stage},
                      {"date", date_or_null(e.event.date)},
                      {"evidence", e.event.evidence},
                      {"curation", e.curation}});
        marks.push_back({e.event.evidence_span.begin, e.event.evidence_span.end, e.id});
      }
      json s = document_summary_json(*doc);
      s["copy"] = copies.count(doc_id) > 0;
      s["events"] = ev;
      s["segments"] = segments_json(doc->text, marks);
      sources.push_back(s);
    }
    json j = agreement_json(*a);
    j["documents"] = sources;
    return ApiResponse::json(j);
  }

  static ApiResponse actors(const Api& api, const ApiRequest&) {
    return json_array(api.store_.actors(), [](const store::ActorRecord& a) -> json {
      return {{"id", a.id},          {"name", a.name},       {"kind", a.kind},
              {"country", a.country}, {"subdivision", a.subdivision}, {"aliases", a.aliases}};
    });
  }

  static ApiResponse actor(const Api& api, const ApiRequest& r) {
    auto j = actor_json(api.store_, r.params.at("name"));
    if (!j.is_ok()) return ApiResponse::error(j.status());
    return ApiResponse::json(*j);
  }

  static ApiResponse search(const Api& api, const ApiRequest& r) {
    auto q = opt(r, "q");
    if (!q) return ApiResponse::error(Status::invalid_argument("q: a query is required"));
    auto f = search_filter(query_params(r));
    if (!f.is_ok()) return ApiResponse::error(f.status());
    auto limit = parse_limit(r, 20);
    if (!limit.is_ok()) return ApiResponse::error(limit.status());
    f->limit = *limit;
    f->facets = true;
    auto results = api.searcher_.run(api.store_, *q, *f);
    if (!results.is_ok()) return ApiResponse::error(results.status());
    json hits = json::array();
    for (const auto& h : results->hits) hits.push_back(hit_json(h));
    return ApiResponse::json({{"hits", hits},
                              {"total", results->total},
                              {"total_capped", results->total_capped},
                              {"facets", results->facets}});
  }

  static ApiResponse network(const Api& api, const ApiRequest& r) {
    auto f = network_filter(query_params(r));
    if (!f.is_ok()) return ApiResponse::error(f.status());
    std::string format = opt(r, "format").value_or("json"), table = opt(r, "table").value_or("edges");
    if (format != "json" && format != "graphml" && format != "csv") {
      return ApiResponse::error(Status::invalid_argument("format: json, graphml or csv, not '" + format + "'"));
    }
    if (table != "edges" && table != "nodes") {
      return ApiResponse::error(Status::invalid_argument("table: edges or nodes, not '" + table + "'"));
    }
    auto agreements = analytics::load_agreements(api.store_);
    if (!agreements.is_ok()) return ApiResponse::error(agreements.status());
    auto net = analytics::build_network(*agreements, *f);
    std::ostringstream out;
    if (format == "graphml") {
      analytics::write_network_graphml(net, out);
      return ApiResponse::text(out.str(), "application/graphml+xml");
    }
    if (format == "csv") {
      if (table == "nodes") {
        analytics::write_nodes_csv(net, out);
      } else {
        analytics::write_edges_csv(net, out);
      }
      return ApiResponse::text(out.str(), "text/csv; charset=utf-8");
    }
    analytics::write_network_json(net, out);
    return ApiResponse::text(out.str(), "application/json");
  }

  static ApiResponse timeline(const Api& api, const ApiRequest& r) {
    auto actor = api.store_.actor(r.params.at("actor"));
    if (!actor.is_ok()) return ApiResponse::error(actor.status());
    std::optional<std::int64_t> partner;
    if (auto with = opt(r, "with")) {
      auto other = api.store_.actor(*with);
      if (!other.is_ok()) return ApiResponse::error(other.status());
      partner = other->id;
    }
    auto agreements = analytics::load_agreements(api.store_);
    if (!agreements.is_ok()) return ApiResponse::error(agreements.status());
    json out = json::array();
    for (const auto& e : analytics::timeline(*agreements, actor->id, partner)) {
      json sources = json::array();
      for (auto id : e.document_ids) {
        auto doc = api.store_.document(id);
        std::string name = doc.is_ok() ? (doc->url.empty() ? doc->source : doc->url) : std::to_string(id);
        sources.push_back({{"document", id}, {"source", name}});
      }
      out.push_back({{"date", date_or_null(e.date)},
                     {"stage", e.stage},
                     {"instrument", e.instrument},
                     {"agreement", e.agreement_id},
                     {"partners", e.partners},
                     {"sectors", e.sectors},
                     {"sources", sources}});
    }
    return ApiResponse::json(out);
  }

  static ApiResponse matrix(const Api& api, const ApiRequest& r) {
    std::string format = opt(r, "format").value_or("json");
    if (format != "json" && format != "csv") {
      return ApiResponse::error(Status::invalid_argument("format: json or csv, not '" + format + "'"));
    }
    auto agreements = analytics::load_agreements(api.store_);
    if (!agreements.is_ok()) return ApiResponse::error(agreements.status());
    auto m = analytics::sector_country_matrix(*agreements);
    std::ostringstream out;
    if (format == "csv") {
      analytics::write_matrix_csv(m, out);
      return ApiResponse::text(out.str(), "text/csv; charset=utf-8");
    }
    analytics::write_matrix_json(m, out);
    return ApiResponse::text(out.str(), "application/json");
  }

  static ApiResponse concentration(const Api& api, const ApiRequest& r) {
    auto mineral = opt(r, "mineral");
    auto year = int_arg(r, "year", 0);
    if (!year.is_ok()) return ApiResponse::error(year.status());
    auto rows = mineral_rows_or_shipped(api.store_);
    if (!rows.is_ok()) return ApiResponse::error(rows.status());
    auto list = analytics::concentration(*rows);
    if (!list.is_ok()) return ApiResponse::error(list.status());
    json out = json::array();
    for (const auto& c : *list) {
      if ((!mineral || c.mineral == *mineral) && (*year == 0 || c.year == *year)) out.push_back(concentration_json(c));
    }
    return ApiResponse::json(out);
  }

  static ApiResponse exposure(const Api& api, const ApiRequest& r) {
    std::string country = r.params.at("country");
    for (char& c : country) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (!analytics::is_country_code(country)) {
      return ApiResponse::error(Status::invalid_argument("country: an ISO 3166-1 alpha-2 code, not '" + country + "'"));
    }
    auto rows = mineral_rows_or_shipped(api.store_);
    if (!rows.is_ok()) return ApiResponse::error(rows.status());
    auto agreements = analytics::mineral_agreements(api.store_, country);
    if (!agreements.is_ok()) return ApiResponse::error(agreements.status());
    return json_array(analytics::exposure(country, *rows, *agreements),
                      [&country](const auto& e) { return exposure_json(country, e); });
  }

  static ApiResponse curation_log(const Api& api, const ApiRequest& r) {
    auto limit = parse_limit(r, 100);
    if (!limit.is_ok()) return ApiResponse::error(limit.status());
    return json_array(api.store_.curation_log(*limit), curation_entry_json);
  }

  // Body {"status": "confirmed"|"rejected"?, "set": {field: value}?, "author", "note"?, "if_version"?};
  // a stale if_version is 409 (kConflict).
  static ApiResponse curate_event(const Api& api, const ApiRequest& r) {
    auto id = id_param(r);
    if (!id.is_ok()) return ApiResponse::error(id.status());
    auto body = parse_body(r);
    if (!body.is_ok()) return ApiResponse::error(body.status());
    if (!body->is_object()) return ApiResponse::error(Status::invalid_argument("the body must be a JSON object"));
    store::EventCuration c;
    auto author = member(*body, "author", true);
    if (!author.is_ok()) return ApiResponse::error(author.status());
    auto note = member(*body, "note", false);
    if (!note.is_ok()) return ApiResponse::error(note.status());
    auto status = member(*body, "status", false);
    if (!status.is_ok()) return ApiResponse::error(status.status());
    c.author = *author;
    c.note = *note;
    if (!status->empty()) {
      if (*status != "confirmed" && *status != "rejected") {
        return ApiResponse::error(Status::invalid_argument("status: confirmed or rejected, not '" + *status + "'"));
      }
      c.status = *status;
    }
    if (auto set = body->find("set"); set != body->end() && !set->is_null()) {
      if (!set->is_object()) return ApiResponse::error(Status::invalid_argument("'set' must be an object"));
      for (const auto& [field, value] : set->items()) {
        if (value.is_string()) {
          c.set.emplace_back(field, value.get<std::string>());
        } else if (value.is_null()) {
          c.set.emplace_back(field, "null");
        } else if (value.is_number_integer()) {
          c.set.emplace_back(field, std::to_string(value.get<std::int64_t>()));
        } else {
          return ApiResponse::error(Status::invalid_argument("set." + field + ": a string, integer or null"));
        }
      }
    }
    if (auto v = body->find("if_version"); v != body->end() && !v->is_null()) {
      if (!v->is_number_integer()) return ApiResponse::error(Status::invalid_argument("if_version: an integer"));
      c.if_version = v->get<std::int64_t>();
    }
    if (!c.status && c.set.empty()) {
      return ApiResponse::error(Status::invalid_argument("say what to do: 'status' or 'set'"));
    }
    return json_array(api.store_.curate_event(*id, c), curation_entry_json);
  }

  // Body {"keep", "absorb", "author", "note"?}.
  static ApiResponse merge_actors(const Api& api, const ApiRequest& r) {
    auto body = parse_body(r);
    if (!body.is_ok()) return ApiResponse::error(body.status());
    if (!body->is_object()) return ApiResponse::error(Status::invalid_argument("the body must be a JSON object"));
    auto keep = member(*body, "keep", true);
    auto absorb = member(*body, "absorb", true);
    auto author = member(*body, "author", true);
    auto note = member(*body, "note", false);
    for (const auto* m : {&keep, &absorb, &author, &note}) {
      if (!m->is_ok()) return ApiResponse::error(m->status());
    }
    auto entry = api.store_.merge_actors(*keep, *absorb, *author, *note);
    if (!entry.is_ok()) return ApiResponse::error(entry.status());
    return ApiResponse::json(curation_entry_json(*entry));
  }

  // ---- profiles and partner matching (match/matcher.h) ----

  // match::to_json's results, each with the profile it names (for showing).
  static json results_json(const Api& api, const std::vector<match::MatchResult>& results) {
    json out = match::to_json(results);
    for (auto& item : out) {
      auto p = api.store_.profile(item["profile"].get<std::string>());
      item["summary"] = p.is_ok() ? kb::to_json(*p) : json();
    }
    return out;
  }

  static ApiResponse profiles(const Api& api, const ApiRequest&) {
    return json_array(api.store_.profiles(), [](const kb::Profile& p) { return kb::to_json(p); });
  }

  static ApiResponse profile(const Api& api, const ApiRequest& r) {
    auto p = api.store_.profile(r.params.at("id"));
    if (!p.is_ok()) return ApiResponse::error(p.status());
    json j = kb::to_json(*p);
    auto interests = api.store_.interests(p->id);
    if (!interests.is_ok()) return ApiResponse::error(interests.status());
    j["interests"] = static_cast<std::int64_t>(interests->size());
    return ApiResponse::json(j);
  }

  // Parses one profile or an array of them; every bad field is reported.
  static Result<std::vector<kb::Profile>> parse_profiles(const Api& api, const json& body) {
    json items = body.is_array() ? body : json::array({body});
    if (items.empty()) return Status::invalid_argument("an empty array holds no profile");
    std::vector<kb::Profile> out;
    std::string errors;
    for (std::size_t i = 0; i < items.size(); ++i) {
      auto parsed = kb::parse_profile(items[i], api.codes_);
      for (const auto& e : parsed.errors) {
        errors += (errors.empty() ? "" : "; ") + (items.size() > 1 ? "item " + std::to_string(i + 1) + ": " : std::string()) +
                  (e.field.empty() ? "" : e.field + ": ") + e.message;
      }
      if (parsed.profile) out.push_back(std::move(*parsed.profile));
    }
    if (!errors.empty()) return Status::invalid_argument(errors);
    return out;
  }

  static ApiResponse create_profiles(const Api& api, const ApiRequest& r) {
    auto body = parse_body(r);
    if (!body.is_ok()) return ApiResponse::error(body.status());
    auto list = parse_profiles(api, *body);
    if (!list.is_ok()) return ApiResponse::error(list.status());
    auto result = api.store_.put_profiles(*list);
    if (!result.is_ok()) return ApiResponse::error(result.status());
    return ApiResponse::json({{"inserted", result->inserted}, {"updated", result->updated}, {"unchanged", result->unchanged}});
  }

  static ApiResponse update_profile(const Api& api, const ApiRequest& r) {
    const std::string& id = r.params.at("id");
    auto existing = api.store_.profile(id);
    if (!existing.is_ok()) return ApiResponse::error(existing.status());
    auto body = parse_body(r);
    if (!body.is_ok()) return ApiResponse::error(body.status());
    if (!body->is_object()) return ApiResponse::error(Status::invalid_argument("the body must be one profile object"));
    if (!body->contains("id")) (*body)["id"] = id;
    if ((*body)["id"] != id) return ApiResponse::error(Status::invalid_argument("id: the body's id differs from the path's"));
    auto list = parse_profiles(api, *body);
    if (!list.is_ok()) return ApiResponse::error(list.status());
    auto result = api.store_.put_profiles(*list);
    if (!result.is_ok()) return ApiResponse::error(result.status());
    return ApiResponse::json(kb::to_json(list->front()));
  }

  static ApiResponse delete_profile(const Api& api, const ApiRequest& r) {
    Status st = api.store_.delete_profile(r.params.at("id"));
    if (!st.is_ok()) return ApiResponse::error(st);
    return ApiResponse::json({{"deleted", r.params.at("id")}});
  }

  static std::vector<std::string> list_arg(const ApiRequest& r, const std::string& name) {
    std::vector<std::string> out;
    auto [lo, hi] = r.query.equal_range(name);
    for (auto it = lo; it != hi; ++it) {
      std::size_t at = 0;
      while (at <= it->second.size()) {
        std::size_t comma = it->second.find(',', at);
        if (comma == std::string::npos) comma = it->second.size();
        if (comma > at) out.push_back(it->second.substr(at, comma - at));
        at = comma + 1;
      }
    }
    return out;
  }

  static ApiResponse run_match(const Api& api, match::MatchQuery q) {
    auto matcher = api.matcher();
    if (!matcher.is_ok()) return ApiResponse::error(matcher.status());
    auto results = (*matcher)->match(q);
    if (!results.is_ok()) return ApiResponse::error(results.status());
    return ApiResponse::json(results_json(api, *results));
  }

  static ApiResponse profile_matches(const Api& api, const ApiRequest& r) {
    match::MatchQuery q;
    q.profile_id = r.params.at("id");
    auto top = parse_limit(r, 10, "top");
    if (!top.is_ok()) return ApiResponse::error(top.status());
    q.top = *top;
    q.countries = list_arg(r, "country");
    q.kinds = list_arg(r, "kind");
    return run_match(api, q);
  }

  // What a match request may say: its languages (data/lang/languages.tsv)
  // and profile types, so that a client (the UI's match form) lists what
  // the server accepts instead of a copy of it.
  static ApiResponse match_options(const Api&, const ApiRequest&) {
    nlohmann::json languages = nlohmann::json::array(), types = nlohmann::json::array();
    for (std::string_view l : kb::profile_languages()) languages.push_back(l);
    for (std::string_view t : kb::profile_types()) types.push_back(t);
    return ApiResponse::json({{"languages", languages}, {"types", types}});
  }

  // Body {"text", "language", "type"?, "top"?, "countries"?, "kinds"?}: a
  // request in words, matched without being stored.
  static ApiResponse match_text(const Api& api, const ApiRequest& r) {
    auto body = parse_body(r);
    if (!body.is_ok()) return ApiResponse::error(body.status());
    if (!body->is_object()) return ApiResponse::error(Status::invalid_argument("the body must be a JSON object"));
    auto text = member(*body, "text", true);
    auto language = member(*body, "language", false);
    auto type = member(*body, "type", false);
    for (const auto* m : {&text, &language, &type}) {
      if (!m->is_ok()) return ApiResponse::error(m->status());
    }
    kb::Profile p;
    p.title = *text;
    p.language = language->empty() ? "en" : *language;
    const auto& langs = kb::profile_languages();
    if (std::find(langs.begin(), langs.end(), p.language) == langs.end()) {
      return ApiResponse::error(Status::invalid_argument("language: '" + p.language + "' is not a profile language"));
    }
    if (!type->empty() && !kb::is_profile_type(*type)) {
      return ApiResponse::error(Status::invalid_argument("type: '" + *type + "' is not a profile type"));
    }
    p.type = *type;
    match::MatchQuery q;
    q.profile = p;
    q.top = 10;
    if (auto top = body->find("top"); top != body->end()) {
      if (!top->is_number_integer() || *top < 1 || *top > 1000) {
        return ApiResponse::error(Status::invalid_argument("top: an integer 1..1000"));
      }
      q.top = top->get<std::size_t>();
    }
    for (const auto& [field, target] : {std::pair{"countries", &q.countries}, std::pair{"kinds", &q.kinds}}) {
      auto it = body->find(field);
      if (it == body->end() || it->is_null()) continue;
      if (!it->is_array()) return ApiResponse::error(Status::invalid_argument(std::string(field) + ": an array of strings"));
      for (const auto& v : *it) {
        if (!v.is_string()) return ApiResponse::error(Status::invalid_argument(std::string(field) + ": an array of strings"));
        target->push_back(v.get<std::string>());
      }
    }
    return run_match(api, q);
  }

  // A JSON body is one record {url, title, published, text} or an array of
  // them (as a line of JSONL); any other body is a file in a format pactum
  // reads (HTML, text, feed, PDF), named by ?source=.
  static ApiResponse ingest(const Api& api, const ApiRequest& r) {
    if (r.body.empty()) return ApiResponse::error(Status::invalid_argument("the request body is empty"));
    std::string source = opt(r, "source").value_or("api");
    std::vector<ingest::Document> docs;
    if (r.content_type.rfind("application/json", 0) == 0) {
      auto body = parse_body(r);
      if (!body.is_ok()) return ApiResponse::error(body.status());
      json items = body->is_array() ? *body : json::array({*body});
      if (items.empty()) return ApiResponse::error(Status::invalid_argument("an empty array holds no document"));
      for (std::size_t i = 0; i < items.size(); ++i) {
        if (!items[i].is_object()) {
          return ApiResponse::error(Status::invalid_argument("item " + std::to_string(i + 1) + ": not an object"));
        }
        auto doc = ingest::internal::read_jsonl_line(items[i].dump(), i + 1, source, i + 1);
        if (!doc.is_ok()) return ApiResponse::error(doc.status());
        docs.push_back(std::move(*doc));
      }
    } else {
      auto read = ingest::read_bytes(r.body, source);
      if (!read.is_ok()) return ApiResponse::error(read.status());
      docs = std::move(*read);
    }
    auto summary = ingest_documents(docs, api.extractor_, api.store_);
    if (!summary.is_ok()) return ApiResponse::error(summary.status());
    json failed = json::array();
    for (const auto& f : summary->failed) {
      failed.push_back({{"source", f.source}, {"code", error_code(f.status.code())}, {"reason", f.status.message()}});
    }
    int http = summary->failed.size() == docs.size() && !docs.empty() ? 400 : 200;
    return ApiResponse::json({{"read", summary->read},
                              {"stored", summary->stored},
                              {"duplicates", summary->duplicates},
                              {"events", summary->events},
                              {"failed", failed}},
                             http);
  }
};

namespace {

struct Route {
  RouteInfo info;
  Handlers::Fn fn;
};

const std::vector<Route>& table() {
  // The one place that says which URL does what; keep data/api/openapi.json in step.
  static const std::vector<Route> routes = {
      {{"GET", "/api/health", false, {}}, Handlers::health},
      {{"GET", "/api/openapi.json", false, {}}, Handlers::openapi},
      {{"GET", "/api/documents", false, {"offset", "limit"}}, Handlers::documents},
      {{"GET", "/api/documents/{id}", false, {}}, Handlers::document},
      {{"GET", "/api/events", false, kEventQuery}, Handlers::events},
      {{"GET", "/api/events/{id}", false, {}}, Handlers::event},
      {{"GET", "/api/agreements", false, kAgreementQuery}, Handlers::agreements},
      {{"GET", "/api/agreements/{id}", false, {}}, Handlers::agreement},
      {{"GET", "/api/actors", false, {}}, Handlers::actors},
      {{"GET", "/api/actors/{name}", false, {}}, Handlers::actor},
      {{"GET", "/api/search", false, kSearchQuery}, Handlers::search},
      {{"GET", "/api/network", false, {"sector", "since", "until", "kind", "format", "table"}}, Handlers::network},
      {{"GET", "/api/timeline/{actor}", false, {"with"}}, Handlers::timeline},
      {{"GET", "/api/matrix", false, {"format"}}, Handlers::matrix},
      {{"GET", "/api/minerals/concentration", false, {"mineral", "year"}}, Handlers::concentration},
      {{"GET", "/api/minerals/exposure/{country}", false, {}}, Handlers::exposure},
      {{"GET", "/api/curation", false, {"limit"}}, Handlers::curation_log},
      {{"POST", "/api/curation/events/{id}", true, {}}, Handlers::curate_event},
      {{"POST", "/api/curation/actors/merge", true, {}}, Handlers::merge_actors},
      {{"POST", "/api/ingest", true, {"source"}}, Handlers::ingest},
      {{"GET", "/api/profiles", false, {}}, Handlers::profiles},
      {{"POST", "/api/profiles", true, {}}, Handlers::create_profiles},
      {{"GET", "/api/profiles/{id}", false, {}}, Handlers::profile},
      {{"PUT", "/api/profiles/{id}", true, {}}, Handlers::update_profile},
      {{"DELETE", "/api/profiles/{id}", true, {}}, Handlers::delete_profile},
      {{"GET", "/api/profiles/{id}/matches", false, {"top", "country", "kind"}}, Handlers::profile_matches},
      {{"POST", "/api/match", false, {}}, Handlers::match_text},
      {{"GET", "/api/match/options", false, {}}, Handlers::match_options},
  };
  return routes;
}

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at <= path.size()) {
    std::size_t slash = path.find('/', at);
    if (slash == std::string::npos) slash = path.size();
    out.push_back(path.substr(at, slash - at));
    at = slash + 1;
  }
  return out;
}

// True when `path` fits `pattern`; {name} segments go to *params.
bool match(const std::string& pattern, const std::string& path, std::map<std::string, std::string>* params) {
  auto p = split_path(pattern), s = split_path(path);
  if (p.size() != s.size()) return false;
  std::map<std::string, std::string> found;
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (p[i].size() > 2 && p[i].front() == '{' && p[i].back() == '}') {
      if (s[i].empty()) return false;
      found[p[i].substr(1, p[i].size() - 2)] = s[i];
    } else if (p[i] != s[i]) {
      return false;
    }
  }
  *params = std::move(found);
  return true;
}

}  // namespace

Api::Api(store::Store& store, const search::Searcher& searcher, const extract::Extractor& extractor,
         const match::Analyzer& analyzer, kb::ProfileCodes codes, std::string openapi)
    : store_(store),
      searcher_(searcher),
      extractor_(extractor),
      analyzer_(analyzer),
      codes_(std::move(codes)),
      openapi_(std::move(openapi)) {}

Result<std::shared_ptr<const match::Matcher>> Api::matcher() const {
  const std::uint64_t wanted = generation_.load();
  auto current = [&]() -> std::shared_ptr<const match::Matcher> {
    std::lock_guard lock(matcher_mu_);
    return matcher_ && matcher_generation_ >= wanted ? matcher_ : nullptr;
  };
  if (auto m = current()) return m;
  std::lock_guard build(matcher_build_mu_);
  if (auto m = current()) return m;  // built while this one waited
  // Read before building: a write that ends during the build bumps it again.
  const std::uint64_t generation = generation_.load();
  auto built = match::Matcher::build_from_store(store_, analyzer_);
  if (!built.is_ok()) return built.status();
  std::shared_ptr<const match::Matcher> m(std::move(*built));
  std::lock_guard lock(matcher_mu_);
  matcher_ = m;
  matcher_generation_ = generation;
  return m;
}

void Api::matcher_changed() const { ++generation_; }

const std::vector<RouteInfo>& Api::routes() {
  static const std::vector<RouteInfo> infos = [] {
    std::vector<RouteInfo> out;
    for (const auto& r : table()) out.push_back(r.info);
    return out;
  }();
  return infos;
}

ApiResponse Api::handle(ApiRequest request) const {
  try {
    bool path_known = false;
    for (const auto& route : table()) {
      std::map<std::string, std::string> params;
      if (!match(route.info.path, request.path, &params)) continue;
      path_known = true;
      if (route.info.method != request.method) continue;
      for (const auto& [name, value] : request.query) {
        if (std::find(route.info.query.begin(), route.info.query.end(), name) == route.info.query.end()) {
          return ApiResponse::error(400, "invalid_argument", "unknown query parameter '" + name + "'");
        }
      }
      if (route.info.write) {
        if (request.bearer.empty()) {
          return ApiResponse::error(401, "unauthenticated",
                                    "this write needs 'Authorization: Bearer TOKEN' (pactum token create)");
        }
        if (long wait = auth_limiter_.retry_after(request.remote); wait > 0) return too_many_failures(wait);
        auto known = store_.api_token(sha256_hex(request.bearer));
        if (!known.is_ok()) return ApiResponse::error(known.status());
        if (!known->has_value()) {
          auth_limiter_.failed(request.remote);
          return ApiResponse::error(401, "unauthenticated", "unknown token");
        }
        auth_limiter_.succeeded(request.remote);
      }
      request.params = std::move(params);
      ApiResponse out = route.fn(*this, request);
      if (route.info.write && out.status < 400) matcher_changed();
      return out;
    }
    if (path_known) return ApiResponse::error(405, "method_not_allowed", request.method + " is not allowed here");
    return ApiResponse::error(404, "not_found", "no such endpoint: " + request.path);
  } catch (const std::exception& e) {
    return ApiResponse::error(500, "internal", std::string("internal error: ") + e.what());
  }
}

Result<std::string> create_token(store::Store& store, const std::string& name) {
  unsigned char bytes[32];
  if (RAND_bytes(bytes, sizeof bytes) != 1) return Status::internal("no random bytes for a token");
  static const char* kHex = "0123456789abcdef";
  std::string token;
  for (unsigned char b : bytes) {
    token += kHex[b >> 4];
    token += kHex[b & 15];
  }
  auto id = store.put_api_token(name, sha256_hex(token));
  if (!id.is_ok()) return id.status();
  return token;
}

}  // namespace pactum::api
