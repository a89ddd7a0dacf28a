// pactum migrate --from sqlite:FILE --to SPEC: a whole store copied into an
// empty one and verified (api/migrate.h).
#include <filesystem>
#include <iostream>

#include "api/migrate.h"
#include "cli/cli.h"

namespace pactum::cli {

namespace {

// "sqlite:FILE" or a plain path is an SQLite file; anything else goes to
// open_store (postgresql://... where the build has PostgreSQL).
Result<std::unique_ptr<store::Store>> open_spec(const std::string& spec, bool must_exist) {
  std::string path = spec.rfind("sqlite:", 0) == 0 ? spec.substr(7) : spec;
  if (path.empty()) return Status::invalid_argument("an empty store name");
  bool is_url = path.find("://") != std::string::npos;
  if (!is_url && must_exist && !std::filesystem::exists(path)) return Status::not_found(path);
  if (is_url && spec.rfind("sqlite:", 0) == 0) return Status::invalid_argument("sqlite: takes a file, not " + path);
  return open_store(path);
}

}  // namespace

void add_migrate(CLI::App& app, Runner* run) {
  struct Args {
    std::string from, to;
    bool json = false;
  };
  auto a = std::make_shared<Args>();
  CLI::App* verb = app.add_subcommand(
      "migrate", "Copy a whole store into an empty one (same or other engine) and verify counts and checksums");
  verb->add_option("--from", a->from, "The store to copy: sqlite:FILE (or a path)")->required();
  verb->add_option("--to", a->to, "The empty store to fill: sqlite:FILE, a path, or postgresql://...")->required();
  verb->add_flag("--json", a->json, "Per table: rows and SHA-256, as JSON");
  verb->callback([run, a] {
    *run = [a]() -> int {
      auto from = open_spec(a->from, /*must_exist=*/true);
      if (!from.is_ok()) return report(from.status());
      std::error_code ec;
      std::string f = a->from.rfind("sqlite:", 0) == 0 ? a->from.substr(7) : a->from;
      std::string t = a->to.rfind("sqlite:", 0) == 0 ? a->to.substr(7) : a->to;
      if (std::filesystem::exists(t) && std::filesystem::equivalent(f, t, ec)) {
        return report(Status::invalid_argument("--from and --to are the same store"));
      }
      auto to = open_spec(a->to, /*must_exist=*/false);
      if (!to.is_ok()) return report(to.status());
      auto tables = api::migrate_store(**from, **to, [&](const std::string& table, std::int64_t rows) {
        if (!a->json) std::cerr << "  " << table << ": " << rows << " rows\n";
      });
      if (!tables.is_ok()) return report(tables.status());
      std::int64_t rows = 0;
      nlohmann::json out = nlohmann::json::array();
      for (const auto& r : *tables) {
        rows += r.rows;
        out.push_back({{"table", r.table}, {"rows", r.rows}, {"sha256", r.sha256}});
      }
      if (a->json) {
        std::cout << nlohmann::json{{"from", a->from}, {"to", a->to}, {"tables", out}, {"rows", rows}}.dump(1)
                  << "\n";
      } else {
        std::cout << "copied " << tables->size() << " tables, " << rows << " rows, from " << a->from << " to "
                  << a->to << "; every table's count and SHA-256 verified\n";
      }
      return kExitOk;
    };
  });
}

}  // namespace pactum::cli
