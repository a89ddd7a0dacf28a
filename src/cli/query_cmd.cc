// pactum events | show | export: reading the store.
#include <fstream>
#include <iomanip>
#include <iostream>

#include "api/views.h"
#include "cli/cli.h"
#include "common/csv.h"

namespace pactum::cli {

namespace {

std::string join_parties(const extract::Event& e) {
  std::string out;
  for (const auto& p : e.parties) out += (out.empty() ? "" : "; ") + p.name;
  return out;
}

std::string join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

// The API's event JSON (api/views.h) without its curation fields, which
// the CLI's events and export never carried (show adds the version).
nlohmann::json event_json(const store::EventRecord& r) {
  nlohmann::json j = api::event_json(r);
  j.erase("curation");
  j.erase("version");
  return j;
}

void print_table(const std::vector<store::EventRecord>& events) {
  std::cout << std::left << std::setw(6) << "id" << std::setw(12) << "date" << std::setw(28) << "instrument"
            << std::setw(12) << "stage" << "parties\n";
  for (const auto& r : events) {
    std::cout << std::left << std::setw(6) << r.id << std::setw(12) << (r.event.date.empty() ? "-" : r.event.date)
              << std::setw(28) << r.event.instrument << std::setw(12) << r.event.stage << join_parties(r.event)
              << "\n";
  }
  std::cout << events.size() << " event(s)\n";
}

}  // namespace

void add_events(CLI::App& app, Runner* run) {
  struct Args {
    std::string db;
    FilterFlags filters;
    double min_confidence = -1;
    std::size_t limit = 0;
    bool json = false;
  };
  auto a = std::make_shared<Args>();
  CLI::App* verb = app.add_subcommand("events", "List stored events, filtered");
  add_db_option(verb, &a->db);
  add_filter_flags(verb, &a->filters,
                   {{"party", "A party's name, alias or ISO code (Norway, Norge, NO, DE-NW)"},
                    {"sector", "Sector id (hydrogen, batteries, ...)"},
                    {"instrument", "Instrument id (memorandum_of_understanding, ...)"},
                    {"stage", "Stage (signed, renewed, negotiating, ...)"},
                    {"since", "Events dated on or after YYYY[-MM[-DD]]"},
                    {"until", "Events dated on or before YYYY[-MM[-DD]]"},
                    {"language", "Language of the source document (ISO 639-1)"}});
  verb->add_option("--min-confidence", a->min_confidence, "Only events at or above this confidence");
  verb->add_option("--limit", a->limit, "At most this many events");
  verb->add_flag("--json", a->json, "A JSON array instead of a table");
  verb->callback([run, a] {
    *run = [a]() -> int {
      auto store = open_store(a->db);
      if (!store.is_ok()) return report(store.status());
      auto f = api::event_filter(a->filters.params());
      if (!f.is_ok()) return report(f.status());
      if (a->min_confidence >= 0) f->min_confidence = a->min_confidence;
      f->limit = a->limit;
      auto events = (*store)->events(*f);
      if (!events.is_ok()) return report(events.status());
      if (a->json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& r : *events) out.push_back(event_json(r));
        std::cout << out.dump(1) << "\n";
      } else {
        print_table(*events);
      }
      return kExitOk;
    };
  });
}

void add_show(CLI::App& app, Runner* run) {
  struct Args {
    std::string db, what;
    bool json = false;
  };
  auto a = std::make_shared<Args>();
  CLI::App* verb = app.add_subcommand("show", "Show one event (by id) or one actor (by name, alias or code)");
  verb->add_option("what", a->what, "An event id (42) or an actor (Norway, NRW, JP-07, actor:7)")->required();
  add_db_option(verb, &a->db);
  verb->add_flag("--json", a->json, "JSON instead of text");
  verb->callback([run, a] {
    *run = [a]() -> int {
      auto store = open_store(a->db);
      if (!store.is_ok()) return report(store.status());
      bool numeric = !a->what.empty() && a->what.find_first_not_of("0123456789") == std::string::npos;
      if (numeric) {
        auto r = (*store)->event(std::stoll(a->what));
        if (!r.is_ok()) return report(r.status());
        auto doc = (*store)->document(r->document_id);
        nlohmann::json j = event_json(*r);
        if (doc.is_ok()) j["document_title"] = doc->title;
        j["version"] = r->version;  // for curate --if-version
        if (a->json) {
          std::cout << j.dump(1) << "\n";
        } else {
          std::cout << "event " << r->id << ": " << r->event.instrument << ", " << r->event.stage << ", "
                    << (r->event.date.empty() ? "undated" : r->event.date) << "\n"
                    << "parties:    " << join_parties(r->event) << "\n"
                    << "sectors:    " << join(r->event.sectors, ", ") << "\n"
                    << "confidence: " << r->event.confidence << "\n"
                    << "source:     " << r->document_source << "\n"
                    << "evidence:   " << r->event.evidence << "\n";
          for (const auto& s : r->event.signatories) {
            std::cout << "signatory:  " << s.name << (s.role.empty() ? "" : ", " + s.role)
                      << (s.affiliation.empty() ? "" : " (" + s.affiliation + ")") << "\n";
          }
        }
        return kExitOk;
      }
      std::string name = a->what.rfind("actor:", 0) == 0 ? a->what.substr(6) : a->what;
      auto actor = (*store)->actor(name);
      if (!actor.is_ok()) return report(actor.status());
      store::EventFilter f;
      f.party = actor->name;
      auto events = (*store)->events(f);
      if (!events.is_ok()) return report(events.status());
      if (a->json) {
        nlohmann::json ev = nlohmann::json::array();
        for (const auto& r : *events) ev.push_back(event_json(r));
        std::cout << nlohmann::json({{"id", actor->id}, {"name", actor->name}, {"kind", actor->kind},
                                     {"country", actor->country}, {"subdivision", actor->subdivision},
                                     {"aliases", actor->aliases}, {"events", ev}})
                         .dump(1)
                  << "\n";
      } else {
        std::cout << actor->name << " (" << actor->kind << (actor->country.empty() ? "" : ", " + actor->country)
                  << (actor->subdivision.empty() ? "" : ", " + actor->subdivision) << ")\n";
        if (!actor->aliases.empty()) std::cout << "aliases: " << join(actor->aliases, ", ") << "\n";
        print_table(*events);
      }
      return kExitOk;
    };
  });
}

void add_export(CLI::App& app, Runner* run) {
  struct Args {
    std::string db, format = "json", output;
  };
  auto a = std::make_shared<Args>();
  CLI::App* verb = app.add_subcommand("export", "Export all events with their sources as JSON or CSV");
  add_db_option(verb, &a->db);
  verb->add_option("--format", a->format, "json or csv")->check(CLI::IsMember({"json", "csv"}));
  verb->add_option("--output,-o", a->output, "Write to this file instead of stdout");
  verb->callback([run, a] {
    *run = [a]() -> int {
      auto store = open_store(a->db);
      if (!store.is_ok()) return report(store.status());
      auto events = (*store)->events({});
      if (!events.is_ok()) return report(events.status());
      std::ofstream file;
      if (!a->output.empty()) {
        file.open(a->output, std::ios::binary | std::ios::trunc);
        if (!file) return report(Status::io_error(a->output + ": cannot open for writing"));
      }
      std::ostream& out = a->output.empty() ? std::cout : file;
      if (a->format == "json") {
        out << "[";
        bool first = true;
        for (const auto& r : *events) {
          out << (first ? "\n" : ",\n") << event_json(r).dump();
          first = false;
        }
        out << "\n]\n";
      } else {
        out << "id,date,instrument,stage,parties,sectors,confidence,document,language,evidence\n";
        for (const auto& r : *events) {
          out << r.id << "," << r.event.date << "," << r.event.instrument << "," << r.event.stage << ","
              << csv_field(join_parties(r.event)) << "," << csv_field(join(r.event.sectors, ";")) << ","
              << r.event.confidence << "," << csv_field(r.document_source) << "," << r.language << ","
              << csv_field(r.event.evidence) << "\n";
        }
      }
      out.flush();
      if (!out) return report(Status::io_error("export: write failed"));
      return kExitOk;
    };
  });
}

}  // namespace pactum::cli
