// pactum minerals import | concentration | exposure: critical-mineral supply
// tables (analytics/minerals.h), from the store or else the shipped table.
#include <cctype>
#include <cmath>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "analytics/minerals.h"
#include "api/views.h"
#include "cli/cli.h"
#include "common/csv.h"
#include "common/files.h"

namespace pactum::cli {

namespace {

std::string num(double v) {
  std::ostringstream o;
  o << std::fixed << std::setprecision(2) << v;
  return o.str();
}

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : " ") + s;
  return out;
}

}  // namespace

void add_minerals(CLI::App& app, Runner* run) {
  CLI::App* verb = app.add_subcommand("minerals", "Critical-mineral supply: import tables, concentration, exposure");
  verb->require_subcommand(1);

  struct ImportArgs {
    std::string db, file;
  };
  auto ia = std::make_shared<ImportArgs>();
  CLI::App* imp = verb->add_subcommand(
      "import", "Load a production or refining table (CSV: mineral,year,country,tonnes,share,source[,stage]); "
                "replaces the stored rows of each (mineral, stage, year, source) it holds");
  add_db_option(imp, &ia->db);
  imp->add_option("FILE", ia->file, "CSV file")->required();
  imp->callback([run, ia] {
    *run = [ia]() -> int {
      auto text = read_file(ia->file);
      if (!text.is_ok()) return report(text.status());
      auto rows = analytics::parse_mineral_csv(*text);
      if (!rows.is_ok()) {
        // A malformed data file is a data error (exit 4), whatever its code.
        std::cerr << "pactum: " << ia->file << ": " << rows.status().message() << "\n";
        return kExitStoreError;
      }
      // Derivable shares are part of a valid table: check before storing.
      if (auto tables = analytics::supply_tables(*rows); !tables.is_ok()) {
        std::cerr << "pactum: " << ia->file << ": " << tables.status().message() << "\n";
        return kExitStoreError;
      }
      auto store = open_store(ia->db);
      if (!store.is_ok()) return report(store.status());
      auto n = (*store)->put_mineral_rows(*rows);
      if (!n.is_ok()) return report(n.status());
      std::cout << "imported " << *n << " row(s) from " << ia->file << "\n";
      return kExitOk;
    };
  });

  struct ConcArgs {
    std::string db, mineral, stage;
    int year = 0;
    bool json = false, csv = false;
  };
  auto ca = std::make_shared<ConcArgs>();
  CLI::App* conc = verb->add_subcommand(
      "concentration", "Herfindahl-Hirschman index and top-1/top-3 shares per mineral, year and source");
  add_db_option(conc, &ca->db);
  conc->add_option("--mineral", ca->mineral, "Only this mineral (lithium, cobalt, rare_earths, ...)");
  conc->add_option("--year", ca->year, "Only this year");
  conc->add_option("--stage", ca->stage, "Only production or refining tables")
      ->check(CLI::IsMember({"production", "refining"}));
  auto* cj = conc->add_flag("--json", ca->json, "A JSON array");
  conc->add_flag("--csv", ca->csv, "CSV with a header row")->excludes(cj);
  conc->callback([run, ca] {
    *run = [ca]() -> int {
      auto store = open_store(ca->db);
      if (!store.is_ok()) return report(store.status());
      auto rows = api::mineral_rows_or_shipped(**store);
      if (!rows.is_ok()) return report(rows.status());
      auto list = analytics::concentration(*rows);
      if (!list.is_ok()) return report(list.status());
      std::vector<analytics::Concentration> shown;
      for (const auto& c : *list) {
        if ((ca->mineral.empty() || c.mineral == ca->mineral) && (ca->year == 0 || c.year == ca->year) &&
            (ca->stage.empty() || c.stage == ca->stage)) {
          shown.push_back(c);
        }
      }
      if (ca->json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& c : shown) {
          out.push_back(api::concentration_json(c));
        }
        std::cout << out.dump(1) << "\n";
      } else if (ca->csv) {
        std::cout << "mineral,year,source,hhi,top1_country,top1_share,top3,top3_share,countries,unattributed_share,"
                     "stage\n";
        for (const auto& c : shown) {
          std::cout << csv_field(c.mineral) << ',' << c.year << ',' << csv_field(c.source) << ',' << num(c.hhi)
                    << ',' << c.top1_country << ',' << num(c.top1_share) << ',' << join(c.top3) << ','
                    << num(c.top3_share) << ',' << c.countries << ',' << num(c.unattributed_share) << ',' << c.stage
                    << "\n";
        }
      } else {
        std::cout << std::left << std::setw(14) << "mineral" << std::setw(6) << "year" << std::setw(10) << "HHI"
                  << std::setw(12) << "top1" << std::setw(20) << "top3" << "source\n";
        for (const auto& c : shown) {
          std::cout << std::left << std::setw(14) << (c.stage == "production" ? c.mineral : c.mineral + "*")
                    << std::setw(6) << c.year << std::setw(10)
                    << num(c.hhi) << std::setw(12) << (c.top1_country + " " + num(c.top1_share)) << std::setw(20)
                    << (join(c.top3) + " " + num(c.top3_share)) << c.source << "\n";
        }
      }
      return kExitOk;
    };
  });

  struct ExpArgs {
    std::string db, country;
    bool json = false, csv = false;
  };
  auto ea = std::make_shared<ExpArgs>();
  CLI::App* exp = verb->add_subcommand(
      "exposure", "Share of each mineral's world supply in countries COUNTRY has critical-minerals agreements with, "
                  "and how each agreement changed it");
  add_db_option(exp, &ea->db);
  exp->add_option("COUNTRY", ea->country, "ISO 3166-1 alpha-2 code (US, NO, JP)")->required();
  auto* ej = exp->add_flag("--json", ea->json, "A JSON array");
  exp->add_flag("--csv", ea->csv, "CSV with a header row, one row per agreement and mineral")->excludes(ej);
  exp->callback([run, ea] {
    *run = [ea]() -> int {
      std::string country = ea->country;
      for (char& c : country) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      if (!analytics::is_country_code(country)) {
        return report(Status::invalid_argument("unknown country code '" + ea->country + "' (ISO 3166-1 alpha-2)"));
      }
      auto store = open_store(ea->db);
      if (!store.is_ok()) return report(store.status());
      auto rows = api::mineral_rows_or_shipped(**store);
      if (!rows.is_ok()) return report(rows.status());
      auto agreements = analytics::mineral_agreements(**store, country);
      if (!agreements.is_ok()) return report(agreements.status());
      auto list = analytics::exposure(country, *rows, *agreements);
      if (!list.is_ok()) return report(list.status());
      if (ea->json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& e : *list) {
          out.push_back(api::exposure_json(country, e));
        }
        std::cout << out.dump(1) << "\n";
      } else if (ea->csv) {
        std::cout << "country,mineral,year,source,domestic_share,agreement_date,partner,added_share,"
                     "cumulative_share,stage,year_then,added_share_then,cumulative_share_then\n";
        for (const auto& e : *list) {
          std::string head = country + ',' + csv_field(e.mineral) + ',' + std::to_string(e.year) + ',' +
                             csv_field(e.source) + ',' + num(e.domestic_share) + ',';
          // A mineral no agreement reaches still gets its row, at 0 %.
          if (e.steps.empty()) std::cout << head << ",,0.00,0.00," << e.stage << ",,0.00,0.00\n";
          for (const auto& s : e.steps) {
            std::cout << head << s.date << ',' << s.partner << ',' << num(s.added_share) << ','
                      << num(s.cumulative) << ',' << e.stage << ',' << s.year_then << ',' << num(s.added_share_then) << ','
                      << num(s.cumulative_then) << "\n";
          }
        }
      } else {
        std::cout << country << ": " << agreements->size() << " critical-minerals partner(s) in agreements\n";
        for (const auto& e : *list) {
          std::cout << std::left << std::setw(14) << (e.stage == "production" ? e.mineral : e.mineral + " (refining)")
                    << e.year << "  partners " << num(e.partner_share)
                    << " %  domestic " << num(e.domestic_share) << " %  (" << e.source << ")\n";
          for (const auto& s : e.steps) {
            std::cout << "    " << std::setw(12) << (s.date.empty() ? "(undated)" : s.date) << std::setw(4)
                      << s.partner << " +" << num(s.added_share) << " % -> " << num(s.cumulative) << " %";
            if (s.year_then != 0 && s.year_then != e.year) {
              std::cout << "   (on " << s.year_then << " figures: +" << num(s.added_share_then) << " % -> "
                        << num(s.cumulative_then) << " %)";
            }
            std::cout << "\n";
          }
        }
      }
      return kExitOk;
    };
  });
}

}  // namespace pactum::cli
