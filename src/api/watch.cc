// Saved-search change feeds: matching documents -> their agreements (watch.h).
#include "api/watch.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "analytics/export.h"

namespace pactum::api {

namespace {

// A name inside a URN: unreserved characters kept, the rest %XX.
std::string urn_part(const std::string& s) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string party_names(const store::AgreementRecord& a) {
  std::string out;
  for (const auto& p : a.parties) out += (out.empty() ? "" : " – ") + p.name;
  return out;
}

}  // namespace

Result<std::vector<WatchChange>> watch_changes(store::Store& store, const search::Searcher& searcher,
                                               const std::string& query, store::SearchFilter filter,
                                               const std::string& since) {
  auto q = searcher.expand(query);
  if (!q.is_ok()) return q.status();
  filter.limit = 0;
  filter.facets = false;
  auto found = store.search(*q, filter);
  if (!found.is_ok()) return found.status();
  std::map<std::int64_t, std::string> ingested;  // document id -> ingested_at
  std::map<std::int64_t, std::string> url_of;
  auto load = [&](std::int64_t doc) -> Status {
    if (ingested.count(doc)) return Status::ok();
    auto d = store.document(doc);
    if (!d.is_ok()) return d.status();
    ingested[doc] = d->ingested_at;
    url_of[doc] = d->url.empty() ? d->source : d->url;
    return Status::ok();
  };
  // Agreement id -> the matching documents ingested after `since`.
  std::map<std::int64_t, std::set<std::int64_t>> touched;
  for (const store::SearchHit& h : found->hits) {
    PACTUM_RETURN_IF_ERROR(load(h.document_id));
    if (!since.empty() && ingested[h.document_id] <= since) continue;
    for (const store::EventRecord& e : h.events) {
      auto agreement = store.agreement_of_event(e.id);
      if (!agreement.is_ok()) {
        if (agreement.status().code() == StatusCode::kNotFound) continue;  // an event in no agreement
        return agreement.status();
      }
      touched[*agreement].insert(h.document_id);
    }
  }
  // Curations after `since` of events in matching documents: agreement id ->
  // the log entries (newest first in the log, so stop at the first older one).
  std::map<std::int64_t, std::vector<std::int64_t>> curated;
  std::map<std::int64_t, std::string> curated_at;
  {
    std::set<std::int64_t> matching;
    for (const store::SearchHit& h : found->hits) matching.insert(h.document_id);
    auto log = store.curation_log(0);
    if (!log.is_ok()) return log.status();
    for (const store::CurationEntry& entry : *log) {
      if (!since.empty() && entry.at <= since) break;
      if (entry.target != "event") continue;
      auto ev = store.event(entry.target_id);
      if (!ev.is_ok()) {
        if (ev.status().code() == StatusCode::kNotFound) continue;  // its document is gone
        return ev.status();
      }
      if (!matching.count(ev->document_id)) continue;
      auto agreement = store.agreement_of_event(entry.target_id);
      if (!agreement.is_ok()) {
        if (agreement.status().code() == StatusCode::kNotFound) continue;  // rejected: in no agreement now
        return agreement.status();
      }
      curated[*agreement].push_back(entry.id);
      std::string& at = curated_at[*agreement];
      at = std::max(at, entry.at);
      touched[*agreement];  // an agreement with no new source is still a change
    }
  }
  std::vector<WatchChange> out;
  for (const auto& [id, docs] : touched) {
    auto a = store.agreement(id);
    if (!a.is_ok()) return a.status();
    WatchChange c;
    if (auto it = curated.find(id); it != curated.end()) {
      c.curations = it->second;
      c.updated = curated_at[id];
    }
    bool all_new = true;
    for (std::int64_t doc : a->sources) {
      PACTUM_RETURN_IF_ERROR(load(doc));
      const std::string& at = ingested[doc];
      c.updated = std::max(c.updated, at);
      all_new = all_new && (since.empty() || at > since);
      c.source_urls.push_back(url_of[doc]);
    }
    c.change = all_new ? "new" : "changed";
    c.new_sources.assign(docs.begin(), docs.end());
    c.agreement = std::move(*a);
    out.push_back(std::move(c));
  }
  std::stable_sort(out.begin(), out.end(), [](const WatchChange& x, const WatchChange& y) {
    return x.updated != y.updated ? x.updated > y.updated : x.agreement.id < y.agreement.id;
  });
  return out;
}

void write_watch_atom(const std::string& watch_name, const std::string& query,
                      const std::vector<WatchChange>& changes, const std::string& updated, std::ostream& out) {
  using analytics::xml_escape;
  out << "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
         "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
      << "  <title>" << xml_escape("pactum: " + watch_name) << "</title>\n"
      << "  <subtitle>" << xml_escape("New and changed agreements matching: " + query) << "</subtitle>\n"
      << "  <id>urn:pactum:watch:" << urn_part(watch_name) << "</id>\n"
      << "  <updated>" << updated << "</updated>\n"
      << "  <author><name>pactum</name></author>\n"
      << "  <generator>pactum</generator>\n";
  for (const WatchChange& c : changes) {
    const auto& a = c.agreement;
    std::string sectors;
    for (const auto& s : a.sectors) sectors += (sectors.empty() ? "" : ", ") + s;
    std::string title = "[" + c.change + "] " + a.instrument + ": " + party_names(a) +
                        (sectors.empty() ? "" : " (" + sectors + ")");
    std::string summary = "Agreement " + std::to_string(a.id) + " (" + c.change + "): " + a.instrument +
                          " between " + party_names(a) + ".";
    for (const auto& act : a.timeline) {
      summary += " " + act.stage + (act.date.empty() ? "" : " " + act.date) + ";";
    }
    summary += " " + std::to_string(a.sources.size()) + " source(s), " + std::to_string(c.new_sources.size()) +
               " new.";
    if (!c.curations.empty()) summary += " " + std::to_string(c.curations.size()) + " curation(s).";
    out << "  <entry>\n"
        << "    <title>" << xml_escape(title) << "</title>\n"
        << "    <id>urn:pactum:agreement:" << a.id << "</id>\n"
        << "    <updated>" << (c.updated.empty() ? updated : c.updated) << "</updated>\n";
    for (const auto& url : c.source_urls) {
      if (url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0) {
        out << "    <link rel=\"related\" href=\"" << xml_escape(url) << "\"/>\n";
      }
    }
    for (const auto& s : a.sectors) out << "    <category term=\"" << xml_escape(s) << "\"/>\n";
    out << "    <summary>" << xml_escape(summary) << "</summary>\n"
        << "  </entry>\n";
  }
  out << "</feed>\n";
}

}  // namespace pactum::api
