// pactum curate: an analyst confirms, rejects or corrects an event, or
// merges two actors; curated facts win over extraction and every change is
// logged with its time and author.
#include <iostream>
#include <optional>

#include "api/views.h"
#include "cli/cli.h"

namespace pactum::cli {

namespace {

void print_entries(const std::vector<store::CurationEntry>& list) {
  for (const auto& e : list) {
    std::cout << e.at << "  " << e.author << "  " << e.action << " " << e.target << " " << e.target_id;
    if (!e.field.empty()) std::cout << "  " << e.field << ": '" << e.old_value << "' -> '" << e.new_value << "'";
    if (!e.note.empty()) std::cout << "  (" << e.note << ")";
    std::cout << "\n";
  }
}

}  // namespace

void add_curate(CLI::App& app, Runner* run) {
  CLI::App* verb = app.add_subcommand("curate", "Confirm, reject or correct events; merge actors; see the log");
  verb->require_subcommand(1);

  struct EventArgs {
    std::string db, author, note;
    std::int64_t id = 0;
    bool confirm = false, reject = false, json = false;
    std::vector<std::string> set;
    std::optional<std::int64_t> if_version;
  };
  auto e = std::make_shared<EventArgs>();
  CLI::App* ev = verb->add_subcommand("event", "Confirm, reject or correct one event");
  ev->add_option("id", e->id, "Event id (pactum events)")->required();
  add_db_option(ev, &e->db);
  auto* confirm = ev->add_flag("--confirm", e->confirm, "The event is right");
  auto* reject = ev->add_flag("--reject", e->reject, "The event is wrong: drop it from agreements and search");
  confirm->excludes(reject);
  ev->add_option("--set", e->set, "field=value (instrument, stage, date, sectors, duration_years); repeatable");
  ev->add_option("--author", e->author, "Who curates (recorded in the log)")->required();
  ev->add_option("--note", e->note, "Why");
  ev->add_flag("--json", e->json, "The log entries written, as JSON");
  ev->add_option("--if-version", e->if_version,
                 "Apply only if the event is still at this version (`pactum show ID --json`: version); "
                 "else exit 6 (conflict) and write nothing");
  ev->callback([run, e] {
    *run = [e]() -> int {
      store::EventCuration c;
      c.author = e->author;
      c.note = e->note;
      c.if_version = e->if_version;
      if (e->confirm) c.status = "confirmed";
      if (e->reject) c.status = "rejected";
      for (const auto& kv : e->set) {
        auto eq = kv.find('=');
        if (eq == std::string::npos || eq == 0) {
          return report(Status::invalid_argument("--set expects field=value, got '" + kv + "'"));
        }
        c.set.emplace_back(kv.substr(0, eq), kv.substr(eq + 1));
      }
      if (!c.status && c.set.empty()) {
        return report(Status::invalid_argument("say what to do: --confirm, --reject or --set field=value"));
      }
      auto store = open_store(e->db);
      if (!store.is_ok()) return report(store.status());
      auto entries = (*store)->curate_event(e->id, c);
      if (!entries.is_ok()) return report(entries.status());
      if (e->json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& x : *entries) out.push_back(api::curation_entry_json(x));
        std::cout << out.dump(1) << "\n";
      } else {
        print_entries(*entries);
        if (entries->empty()) std::cout << "nothing changed\n";
      }
      return kExitOk;
    };
  });

  struct ActorArgs {
    std::string db, author, note;
    std::vector<std::string> merge;
    bool json = false;
  };
  auto a = std::make_shared<ActorArgs>();
  CLI::App* ac = verb->add_subcommand("actor", "Merge two actors that are one");
  ac->add_option("--merge", a->merge, "KEEP ABSORB: ABSORB's events, aliases and agreements move to KEEP")
      ->expected(2)
      ->required();
  add_db_option(ac, &a->db);
  ac->add_option("--author", a->author, "Who curates (recorded in the log)")->required();
  ac->add_option("--note", a->note, "Why");
  ac->add_flag("--json", a->json, "The log entry, as JSON");
  ac->callback([run, a] {
    *run = [a]() -> int {
      auto store = open_store(a->db);
      if (!store.is_ok()) return report(store.status());
      auto entry = (*store)->merge_actors(a->merge[0], a->merge[1], a->author, a->note);
      if (!entry.is_ok()) return report(entry.status());
      if (a->json) {
        std::cout << api::curation_entry_json(*entry).dump(1) << "\n";
      } else {
        print_entries({*entry});
      }
      return kExitOk;
    };
  });

  struct LogArgs {
    std::string db;
    std::size_t limit = 0;
    bool json = false;
  };
  auto l = std::make_shared<LogArgs>();
  CLI::App* lg = verb->add_subcommand("log", "Every curation, newest first, with time and author");
  add_db_option(lg, &l->db);
  lg->add_option("--limit", l->limit, "At most this many entries");
  lg->add_flag("--json", l->json, "A JSON array instead of text");
  lg->callback([run, l] {
    *run = [l]() -> int {
      auto store = open_store(l->db);
      if (!store.is_ok()) return report(store.status());
      auto log = (*store)->curation_log(l->limit);
      if (!log.is_ok()) return report(log.status());
      if (l->json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& x : *log) out.push_back(api::curation_entry_json(x));
        std::cout << out.dump(1) << "\n";
      } else {
        print_entries(*log);
      }
      return kExitOk;
    };
  });
}

}  // namespace pactum::cli
