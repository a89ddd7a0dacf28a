// pactum agreements | actor: the knowledge base's view, one row per
// agreement (not per press release), and one actor with its partners.
#include <iomanip>
#include <iostream>
#include <map>

#include "api/views.h"
#include "cli/cli.h"

namespace pactum::cli {

namespace {

std::string parties_of(const store::AgreementRecord& r) {
  std::string out;
  for (const auto& p : r.parties) out += (out.empty() ? "" : "; ") + p.name;
  return out;
}

std::string timeline_text(const store::AgreementRecord& r) {
  std::string out;
  for (const auto& act : r.timeline) {
    out += (out.empty() ? "" : ", ") + act.stage + " " + (act.date.empty() ? "(undated)" : act.date);
  }
  return out;
}

void print_agreements(const std::vector<store::AgreementRecord>& list) {
  std::cout << std::left << std::setw(6) << "id" << std::setw(28) << "instrument" << std::setw(8) << "sources"
            << std::setw(44) << "parties" << "timeline\n";
  for (const auto& r : list) {
    std::cout << std::left << std::setw(6) << r.id << std::setw(28) << r.instrument << std::setw(8)
              << r.sources.size() << std::setw(44) << parties_of(r) << timeline_text(r) << "\n";
  }
  std::cout << list.size() << " agreement(s)\n";
}

}  // namespace

void add_agreements(CLI::App& app, Runner* run) {
  struct Args {
    std::string db;
    FilterFlags filters;
    std::size_t limit = 0;
    bool json = false;
  };
  auto a = std::make_shared<Args>();
  CLI::App* verb = app.add_subcommand(
      "agreements", "List agreements merged across sources and languages, each with its timeline");
  add_db_option(verb, &a->db);
  add_filter_flags(verb, &a->filters,
                   {{"party", "A party's name, alias or code (Norway, Norge, NO, DE-NW)"},
                    {"country", "A party belongs to this country (ISO 3166-1)"},
                    {"region", "A party is this region (ISO 3166-2)"},
                    {"sector", "Sector id"},
                    {"instrument", "Instrument id"},
                    {"stage", "An act at this stage"},
                    {"year", "An act in this year"},
                    {"since", "An act on or after YYYY[-MM[-DD]]"},
                    {"until", "An act on or before YYYY[-MM[-DD]]"},
                    {"language", "A source in this language"}});
  verb->add_option("--limit", a->limit, "At most this many agreements");
  verb->add_flag("--json", a->json, "A JSON array instead of a table");
  verb->callback([run, a] {
    *run = [a]() -> int {
      auto f = api::agreement_filter(a->filters.params());
      if (!f.is_ok()) return report(f.status());
      f->limit = a->limit;
      auto store = open_store(a->db);
      if (!store.is_ok()) return report(store.status());
      auto list = (*store)->agreements(*f);
      if (!list.is_ok()) return report(list.status());
      if (a->json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& r : *list) out.push_back(api::agreement_json(r));
        std::cout << out.dump(1) << "\n";
      } else {
        print_agreements(*list);
      }
      return kExitOk;
    };
  });
}

void add_actor(CLI::App& app, Runner* run) {
  struct Args {
    std::string db, name;
    bool json = false;
  };
  auto a = std::make_shared<Args>();
  CLI::App* verb = app.add_subcommand("actor", "One actor: its agreements, partners, sectors and timeline");
  verb->add_option("name", a->name, "Name, alias, key or code (Norway, Norge, NO, DE-NW)")->required();
  add_db_option(verb, &a->db);
  verb->add_flag("--json", a->json, "JSON instead of text");
  verb->callback([run, a] {
    *run = [a]() -> int {
      auto store = open_store(a->db);
      if (!store.is_ok()) return report(store.status());
      auto actor = (*store)->actor(a->name);
      if (!actor.is_ok()) return report(actor.status());
      store::AgreementFilter f;
      f.party = actor->key;
      auto list = (*store)->agreements(f);
      if (!list.is_ok()) return report(list.status());
      // Only agreements the actor itself is party to (a country's key also
      // selects its regions' agreements through the party filter).
      std::vector<store::AgreementRecord> own;
      for (auto& r : *list) {
        for (const auto& p : r.parties) {
          if (p.id == actor->id) {
            own.push_back(std::move(r));
            break;
          }
        }
      }
      std::map<std::string, int> partners, sectors;
      struct Act { std::string date, stage, instrument, partners; std::int64_t agreement; };
      std::vector<Act> timeline;
      for (const auto& r : own) {
        std::string others;
        for (const auto& p : r.parties) {
          if (p.id == actor->id) continue;
          ++partners[p.name];
          others += (others.empty() ? "" : "; ") + p.name;
        }
        for (const auto& s : r.sectors) ++sectors[s];
        for (const auto& act : r.timeline) timeline.push_back({act.date, act.stage, r.instrument, others, r.id});
      }
      std::stable_sort(timeline.begin(), timeline.end(), [](const Act& x, const Act& y) {
        if (x.date.empty() != y.date.empty()) return y.date.empty();
        return x.date < y.date;
      });
      if (a->json) {
        nlohmann::json agreements = nlohmann::json::array(), tl = nlohmann::json::array();
        for (const auto& r : own) agreements.push_back(api::agreement_json(r));
        for (const auto& t : timeline) {
          tl.push_back({{"date", t.date.empty() ? nlohmann::json() : nlohmann::json(t.date)},
                        {"stage", t.stage}, {"instrument", t.instrument}, {"partners", t.partners},
                        {"agreement", t.agreement}});
        }
        std::cout << nlohmann::json({{"id", actor->id}, {"name", actor->name}, {"kind", actor->kind},
                                     {"country", actor->country}, {"subdivision", actor->subdivision},
                                     {"aliases", actor->aliases}, {"agreements", agreements},
                                     {"partners", partners}, {"sectors", sectors}, {"timeline", tl}})
                         .dump(1)
                  << "\n";
        return kExitOk;
      }
      std::cout << actor->name << " (" << actor->kind << (actor->country.empty() ? "" : ", " + actor->country)
                << (actor->subdivision.empty() ? "" : ", " + actor->subdivision) << ")\n";
      std::cout << "partners:";
      for (const auto& [name, n] : partners) std::cout << " " << name << " (" << n << ")";
      std::cout << "\nsectors: ";
      for (const auto& [name, n] : sectors) std::cout << " " << name << " (" << n << ")";
      std::cout << "\ntimeline:\n";
      for (const auto& t : timeline) {
        std::cout << "  " << std::left << std::setw(12) << (t.date.empty() ? "undated" : t.date) << std::setw(10)
                  << t.stage << std::setw(28) << t.instrument << t.partners << "  [agreement " << t.agreement
                  << "]\n";
      }
      print_agreements(own);
      return kExitOk;
    };
  });
}

}  // namespace pactum::cli
