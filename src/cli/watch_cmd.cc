// pactum watch add | list | changes | remove: saved searches and their change
// feeds, as JSON or Atom (api/watch.h).
#include <iomanip>
#include <iostream>

#include "api/watch.h"
#include "cli/cli.h"
#include "common/files.h"

namespace pactum::cli {

namespace {

// The search flags a saved search keeps, by name: a JSON object of the
// flags given.
const char* const kSavedFlags[] = {"country", "region", "sector", "instrument", "stage",
                                   "year",    "since",  "until",  "language"};

nlohmann::json saved_json(const FilterFlags& flags) {
  nlohmann::json j = nlohmann::json::object();
  for (const char* k : kSavedFlags) {
    if (auto it = flags.values.find(k); it != flags.values.end() && !it->second.empty()) j[k] = it->second;
  }
  return j;
}

FilterFlags saved_flags(const std::string& text) {
  FilterFlags f;
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object()) return f;
  for (const char* k : kSavedFlags) {
    if (j.contains(k) && j[k].is_string()) f.values[k] = j[k].get<std::string>();
  }
  return f;
}

// --since: a date or a time of the store's format, compared as text.
bool is_time(const std::string& s) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return s.size() == 10 || s[10] == 'T';
}

nlohmann::json watch_json(const store::WatchRecord& w) {
  return {{"name", w.name},
          {"query", w.query},
          {"filters", nlohmann::json::parse(w.filters, nullptr, false)},
          {"created_at", w.created_at},
          {"last_checked_at", w.last_checked_at}};
}

}  // namespace

void add_watch(CLI::App& app, Runner* run) {
  CLI::App* verb = app.add_subcommand("watch", "Saved searches and their change feeds: add, list, changes, remove");
  verb->require_subcommand(1);

  struct AddArgs {
    std::string db, name, query;
    FilterFlags flags;
  };
  auto aa = std::make_shared<AddArgs>();
  CLI::App* add = verb->add_subcommand("add", "Save a search under a name");
  add->add_option("name", aa->name, "The saved search's name")->required();
  add->add_option("query", aa->query, "The query, as for pactum search")->required();
  add_filter_flags(add, &aa->flags,
                   {{"country", "A party belongs to this country (ISO 3166-1)"},
                    {"region", "A party is this region (ISO 3166-2)"},
                    {"sector", "An event on this sector id"},
                    {"instrument", "An event with this instrument id"},
                    {"stage", "An event at this stage"},
                    {"year", "An event in this year"},
                    {"since", "An event on or after YYYY[-MM[-DD]]"},
                    {"until", "An event on or before YYYY[-MM[-DD]]"},
                    {"language", "Documents in this language"}});
  add_db_option(add, &aa->db);
  add->callback([run, aa] {
    *run = [aa]() -> int {
      if (auto f = api::search_filter(aa->flags.params()); !f.is_ok()) return report(f.status());
      auto searcher = search::Searcher::create(data_dir());
      if (!searcher.is_ok()) return report(searcher.status());
      if (auto q = (*searcher)->expand(aa->query); !q.is_ok()) return report(q.status());
      auto store = open_store(aa->db);
      if (!store.is_ok()) return report(store.status());
      Status st = (*store)->add_watch({aa->name, aa->query, saved_json(aa->flags).dump(), "", ""});
      if (st.code() == StatusCode::kAlreadyExists) {
        std::cerr << "pactum: " << st.message() << "\n";
        return kExitUsage;
      }
      if (!st.is_ok()) return report(st);
      std::cout << "saved search '" << aa->name << "'\n";
      return kExitOk;
    };
  });

  struct ListArgs {
    std::string db;
    bool json = false;
  };
  auto la = std::make_shared<ListArgs>();
  CLI::App* list = verb->add_subcommand("list", "The saved searches");
  list->add_flag("--json", la->json, "A JSON array");
  add_db_option(list, &la->db);
  list->callback([run, la] {
    *run = [la]() -> int {
      auto store = open_store(la->db);
      if (!store.is_ok()) return report(store.status());
      auto watches = (*store)->watches();
      if (!watches.is_ok()) return report(watches.status());
      if (la->json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& w : *watches) out.push_back(watch_json(w));
        std::cout << out.dump(1) << "\n";
        return kExitOk;
      }
      for (const auto& w : *watches) {
        std::cout << w.name << "  \"" << w.query << "\"" << (w.filters == "{}" ? "" : "  " + w.filters)
                  << "  (last checked " << (w.last_checked_at.empty() ? "never" : w.last_checked_at) << ")\n";
      }
      std::cout << watches->size() << " saved search(es)\n";
      return kExitOk;
    };
  });

  struct ChangesArgs {
    std::string db, name, since, format = "json";
    bool keep = false;
  };
  auto ca = std::make_shared<ChangesArgs>();
  CLI::App* changes = verb->add_subcommand(
      "changes", "New and changed agreements matching a saved search since its last check");
  changes->add_option("name", ca->name, "The saved search")->required();
  changes->add_option("--since", ca->since,
                      "Since this time (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ) instead of the last check; "
                      "does not move the last check");
  changes->add_option("--format", ca->format, "json (default) or atom")->check(CLI::IsMember({"json", "atom"}));
  changes->add_flag("--keep", ca->keep, "Do not record this as the last check");
  add_db_option(changes, &ca->db);
  changes->callback([run, ca] {
    *run = [ca]() -> int {
      if (!ca->since.empty() && !is_time(ca->since)) {
        return report(Status::invalid_argument("--since: expected YYYY-MM-DD[THH:MM:SS[.sss]Z], got '" + ca->since + "'"));
      }
      auto store = open_store(ca->db);
      if (!store.is_ok()) return report(store.status());
      auto w = (*store)->watch(ca->name);
      if (!w.is_ok()) return report(w.status());
      FilterFlags saved = saved_flags(w->filters);
      auto f = api::search_filter(saved.params());
      if (!f.is_ok()) return report(f.status());
      auto searcher = search::Searcher::create(data_dir());
      if (!searcher.is_ok()) return report(searcher.status());
      auto now = (*store)->now();  // before the search: nothing ingested meanwhile is missed next time
      if (!now.is_ok()) return report(now.status());
      std::string since = ca->since.empty() ? w->last_checked_at : ca->since;
      auto found = api::watch_changes(**store, **searcher, w->query, *f, since);
      if (!found.is_ok()) return report(found.status());
      if (ca->format == "atom") {
        api::write_watch_atom(w->name, w->query, *found, *now, std::cout);
      } else {
        nlohmann::json items = nlohmann::json::array();
        for (const auto& c : *found) {
          const auto& a = c.agreement;
          nlohmann::json parties = nlohmann::json::array(), timeline = nlohmann::json::array();
          for (const auto& p : a.parties) parties.push_back({{"id", p.id}, {"name", p.name}, {"country", p.country}});
          for (const auto& act : a.timeline) timeline.push_back({{"stage", act.stage}, {"date", act.date}});
          items.push_back({{"agreement", a.id},      {"change", c.change},      {"updated", c.updated},
                           {"instrument", a.instrument}, {"parties", parties}, {"sectors", a.sectors},
                           {"timeline", timeline},     {"sources", a.sources},   {"new_sources", c.new_sources},
                           {"source_urls", c.source_urls}, {"curations", c.curations}});
        }
        std::cout << nlohmann::json({{"watch", w->name}, {"query", w->query}, {"since", since},
                                     {"checked_at", *now}, {"changes", items}})
                         .dump(1)
                  << "\n";
      }
      if (ca->since.empty() && !ca->keep) {
        if (Status st = (*store)->set_watch_checked(w->name, *now); !st.is_ok()) return report(st);
      }
      return kExitOk;
    };
  });

  struct RemoveArgs {
    std::string db, name;
  };
  auto ra = std::make_shared<RemoveArgs>();
  CLI::App* remove = verb->add_subcommand("remove", "Delete a saved search");
  remove->add_option("name", ra->name, "The saved search")->required();
  add_db_option(remove, &ra->db);
  remove->callback([run, ra] {
    *run = [ra]() -> int {
      auto store = open_store(ra->db);
      if (!store.is_ok()) return report(store.status());
      if (Status st = (*store)->remove_watch(ra->name); !st.is_ok()) return report(st);
      std::cout << "removed saved search '" << ra->name << "'\n";
      return kExitOk;
    };
  });
}

}  // namespace pactum::cli
