// pactum network | timeline | matrix: the analytics views (src/analytics/)
// over the store's agreements, streamed to stdout or a file.
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>

#include "analytics/export.h"
#include "analytics/network.h"
#include "analytics/views.h"
#include "cli/cli.h"

namespace pactum::cli {

void add_network(CLI::App& app, Runner* run) {
  struct Args {
    std::string db, format = "json", output, table = "edges";
    FilterFlags filters;
  };
  auto a = std::make_shared<Args>();
  CLI::App* verb = app.add_subcommand(
      "network", "The partnership network: actors, agreements between them, centrality and communities");
  add_db_option(verb, &a->db);
  add_filter_flags(verb, &a->filters,
                   {{"sector", "Only agreements on this sector id"},
                    {"since", "Only agreements with an act in or after this year"},
                    {"until", "Only agreements with an act in or before this year"},
                    {"kind", "Only actors of this kind (country, region, company, ...)"}});
  verb->add_option("--format", a->format,
                   "json, graphml, csv, or ftm (FollowTheMoney entities, one JSON object per line)")
      ->check(CLI::IsMember({"json", "graphml", "csv", "ftm"}));
  verb->add_option("--table", a->table, "With --format csv: edges or nodes")->check(CLI::IsMember({"edges", "nodes"}));
  verb->add_option("-o,--output", a->output, "Write to this file instead of stdout");
  verb->callback([run, a] {
    *run = [a]() -> int {
      auto f = api::network_filter(a->filters.params());
      if (!f.is_ok()) return report(f.status());
      auto store = open_store(a->db);
      if (!store.is_ok()) return report(store.status());
      auto agreements = analytics::load_agreements(**store);
      if (!agreements.is_ok()) return report(agreements.status());
      auto net = analytics::build_network(*agreements, *f);
      std::ofstream file;
      if (!a->output.empty()) {
        file.open(a->output, std::ios::binary);
        if (!file) return report(Status::io_error("cannot write " + a->output));
      }
      std::ostream& out = a->output.empty() ? std::cout : file;
      if (a->format == "ftm") {
        auto actors = (*store)->actors();
        if (!actors.is_ok()) return report(actors.status());
        std::map<std::int64_t, store::ActorRecord> by_id;
        for (auto& r : *actors) by_id[r.id] = std::move(r);
        std::map<std::int64_t, std::string> urls;  // of the agreements' sources
        for (const auto& agreement : *agreements) {
          for (std::int64_t doc : agreement.sources) {
            if (urls.count(doc)) continue;
            auto d = (*store)->document(doc);
            if (!d.is_ok()) return report(d.status());
            urls[doc] = d->url.empty() ? d->source : d->url;
          }
        }
        analytics::write_network_ftm(net, *agreements, {&by_id, &urls}, out);
      } else if (a->format == "graphml") {
        analytics::write_network_graphml(net, out);
      } else if (a->format == "csv") {
        if (a->table == "nodes") {
          analytics::write_nodes_csv(net, out);
        } else {
          analytics::write_edges_csv(net, out);
        }
      } else {
        analytics::write_network_json(net, out);
      }
      out.flush();
      if (!out) return report(Status::io_error("cannot write " + (a->output.empty() ? "stdout" : a->output)));
      return kExitOk;
    };
  });
}

void add_timeline(CLI::App& app, Runner* run) {
  struct Args {
    std::string db, actor, with;
    bool json = false;
  };
  auto a = std::make_shared<Args>();
  CLI::App* verb = app.add_subcommand("timeline", "The chain of acts of an actor's agreements (or a pair's), in date order");
  verb->add_option("actor", a->actor, "Name, alias, key or code (North Rhine-Westphalia, DE-NW)")->required();
  verb->add_option("--with", a->with, "Only agreements this actor is also party to");
  add_db_option(verb, &a->db);
  verb->add_flag("--json", a->json, "A JSON array instead of text");
  verb->callback([run, a] {
    *run = [a]() -> int {
      auto store = open_store(a->db);
      if (!store.is_ok()) return report(store.status());
      auto actor = (*store)->actor(a->actor);
      if (!actor.is_ok()) return report(actor.status());
      std::optional<std::int64_t> partner;
      if (!a->with.empty()) {
        auto other = (*store)->actor(a->with);
        if (!other.is_ok()) return report(other.status());
        partner = other->id;
      }
      auto agreements = analytics::load_agreements(**store);
      if (!agreements.is_ok()) return report(agreements.status());
      auto entries = analytics::timeline(*agreements, actor->id, partner);
      // Sources by their file or URL, each document read once.
      std::map<std::int64_t, std::string> source_names;
      auto source_of = [&](std::int64_t id) -> std::string {
        auto it = source_names.find(id);
        if (it != source_names.end()) return it->second;
        auto doc = (*store)->document(id);
        std::string name = doc.is_ok() ? (doc->url.empty() ? doc->source : doc->url) : std::to_string(id);
        return source_names[id] = name;
      };
      if (a->json) std::cout << "[";
      bool first = true;
      for (const auto& e : entries) {
        nlohmann::json sources = nlohmann::json::array();
        for (auto id : e.document_ids) sources.push_back({{"document", id}, {"source", source_of(id)}});
        if (a->json) {
          nlohmann::json row = {{"date", e.date.empty() ? nlohmann::json() : nlohmann::json(e.date)},
                                {"stage", e.stage},
                                {"instrument", e.instrument},
                                {"agreement", e.agreement_id},
                                {"partners", e.partners},
                                {"sectors", e.sectors},
                                {"sources", sources}};
          std::cout << (first ? "\n " : ",\n ") << row.dump();
        } else {
          std::string partners, names;
          for (const auto& p : e.partners) partners += (partners.empty() ? "" : "; ") + p;
          for (auto id : e.document_ids) names += (names.empty() ? "" : ", ") + source_of(id);
          std::cout << std::left << std::setw(12) << (e.date.empty() ? "undated" : e.date) << std::setw(10)
                    << e.stage << std::setw(28) << e.instrument << partners << "  [agreement " << e.agreement_id
                    << "]  " << names << "\n";
        }
        first = false;
      }
      if (a->json) {
        std::cout << (first ? "]\n" : "\n]\n");
      } else {
        std::cout << entries.size() << " act(s)\n";
      }
      return kExitOk;
    };
  });
}

void add_matrix(CLI::App& app, Runner* run) {
  struct Args {
    std::string db;
    bool json = false, csv = false;
  };
  auto a = std::make_shared<Args>();
  CLI::App* verb = app.add_subcommand("matrix", "Agreements by sector and country, with the agreements behind each cell");
  add_db_option(verb, &a->db);
  auto* json = verb->add_flag("--json", a->json, "JSON: sectors, countries and cells");
  verb->add_flag("--csv", a->csv, "CSV: one row per non-empty cell")->excludes(json);
  verb->callback([run, a] {
    *run = [a]() -> int {
      auto store = open_store(a->db);
      if (!store.is_ok()) return report(store.status());
      auto agreements = analytics::load_agreements(**store);
      if (!agreements.is_ok()) return report(agreements.status());
      auto m = analytics::sector_country_matrix(*agreements);
      if (a->json) {
        analytics::write_matrix_json(m, std::cout);
      } else if (a->csv) {
        analytics::write_matrix_csv(m, std::cout);
      } else {
        std::cout << std::left << std::setw(24) << "sector";
        for (const auto& c : m.countries) std::cout << std::right << std::setw(4) << c;
        std::cout << "\n";
        for (const auto& s : m.sectors) {
          std::cout << std::left << std::setw(24) << s;
          for (const auto& c : m.countries) {
            auto n = m.count(s, c);
            std::cout << std::right << std::setw(4) << (n ? std::to_string(n) : ".");
          }
          std::cout << "\n";
        }
      }
      return kExitOk;
    };
  });
}

}  // namespace pactum::cli
