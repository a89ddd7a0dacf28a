// pactum profiles import|export|list|show|renew|delete: cooperation profiles
// (kb/profile.h) in and out of the store, and pactum interest: the
// helpdesk's workflow on an expression of interest.
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>

#include "cli/cli.h"
#include "common/files.h"
#include "extract/gazetteer.h"
#include "kb/profile.h"
#include "match/matcher.h"

namespace pactum::cli {

namespace {

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

nlohmann::json interest_json(const store::InterestRecord& r) {
  nlohmann::json steps = nlohmann::json::array();
  for (const auto& s : r.steps) {
    steps.push_back({{"step", s.step}, {"at", s.at}, {"author", s.author}, {"note", s.note}});
  }
  return {{"id", r.id},       {"profile", r.profile_id}, {"organization", r.organization},
          {"from_profile", r.from_profile}, {"state", r.state}, {"steps", steps}};
}

struct BadLine {
  std::size_t line;
  std::string field, message;
};

}  // namespace

void add_profiles(CLI::App& app, Runner* run) {
  CLI::App* verb = app.add_subcommand("profiles", "Cooperation profiles: import, export, list, show, renew, delete");
  verb->require_subcommand(1);

  // ---- import ----
  struct ImportArgs {
    std::string db, file, format;
    bool json = false;
  };
  auto ia = std::make_shared<ImportArgs>();
  CLI::App* imp = verb->add_subcommand(
      "import", "Validate and store profiles (JSONL, one a line, or CSV with a header row). Good lines are "
                "stored, each bad one is reported with its line and field, and the exit code is then 1. "
                "Importing the same file twice changes nothing.");
  add_db_option(imp, &ia->db);
  imp->add_option("FILE", ia->file, "A .jsonl or .csv file")->required();
  imp->add_option("--format", ia->format, "jsonl or csv (default: from the file's extension)")
      ->check(CLI::IsMember({"jsonl", "csv"}));
  imp->add_flag("--json", ia->json, "A JSON summary");
  imp->callback([run, ia] {
    *run = [ia]() -> int {
      auto text = read_file(ia->file);
      if (!text.is_ok()) return report(text.status());
      auto gazetteer = extract::Gazetteer::load(data_dir());
      if (!gazetteer.is_ok()) return report(gazetteer.status());
      auto codes = kb::ProfileCodes::from_gazetteer(*gazetteer);
      std::string format = ia->format.empty() ? (ends_with(ia->file, ".csv") ? "csv" : "jsonl") : ia->format;

      std::vector<BadLine> bad;
      std::vector<kb::Profile> good;
      std::map<std::string, std::size_t> seen;  // id -> line
      auto take = [&](std::size_t line, kb::ParsedProfile parsed) {
        for (const auto& e : parsed.errors) bad.push_back({line, e.field, e.message});
        if (!parsed.profile) return;
        auto [it, fresh] = seen.emplace(parsed.profile->id, line);
        if (!fresh) {
          bad.push_back({line, "id", "'" + parsed.profile->id + "' is already on line " + std::to_string(it->second)});
          return;
        }
        good.push_back(std::move(*parsed.profile));
      };
      if (format == "csv") {
        auto records = kb::parse_profiles_csv(*text);
        if (!records.is_ok()) {
          std::cerr << "pactum: " << ia->file << ": " << records.status().message() << "\n";
          return kExitUsage;
        }
        for (auto& r : *records) {
          if (!r.errors.empty()) {
            kb::ParsedProfile p;
            p.errors = r.errors;
            take(r.line, std::move(p));
          } else {
            take(r.line, kb::parse_profile(r.json, codes));
          }
        }
      } else {
        std::size_t line = 0, start = 0;
        std::string_view all = *text;
        while (start < all.size()) {
          auto end = all.find('\n', start);
          if (end == std::string_view::npos) end = all.size();
          std::string_view l = all.substr(start, end - start);
          ++line;
          start = end + 1;
          if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
          if (l.find_first_not_of(" \t") == std::string_view::npos) continue;
          take(line, kb::parse_profile_line(l, codes));
        }
      }
      for (const auto& b : bad) {
        std::cerr << ia->file << ":" << b.line << ": " << (b.field.empty() ? "" : b.field + ": ") << b.message << "\n";
      }
      auto store = open_store(ia->db);
      if (!store.is_ok()) return report(store.status());
      store::ProfileImport counts;
      if (!good.empty()) {
        auto put = (*store)->put_profiles(good);
        if (!put.is_ok()) return report(put.status());
        counts = *put;
      }
      std::set<std::size_t> bad_lines;
      for (const auto& b : bad) bad_lines.insert(b.line);
      if (ia->json) {
        nlohmann::json errors = nlohmann::json::array();
        for (const auto& b : bad) errors.push_back({{"line", b.line}, {"field", b.field}, {"message", b.message}});
        std::cout << nlohmann::json{{"file", ia->file},          {"inserted", counts.inserted},
                                    {"updated", counts.updated},   {"unchanged", counts.unchanged},
                                    {"bad_lines", bad_lines.size()}, {"errors", errors}}
                         .dump(1)
                  << "\n";
      } else {
        std::cout << ia->file << ": " << counts.inserted << " new, " << counts.updated << " updated, "
                  << counts.unchanged << " unchanged, " << bad_lines.size() << " bad line(s)\n";
      }
      return bad.empty() ? kExitOk : kExitSomeInputsFailed;
    };
  });

  // ---- export ----
  struct ExportArgs {
    std::string db, format = "jsonl", out;
  };
  auto ea = std::make_shared<ExportArgs>();
  CLI::App* exp = verb->add_subcommand("export", "Write every profile as JSONL (default) or CSV");
  add_db_option(exp, &ea->db);
  exp->add_option("--format", ea->format, "jsonl or csv")->check(CLI::IsMember({"jsonl", "csv"}));
  exp->add_option("-o,--output", ea->out, "File to write (default: standard output)");
  exp->callback([run, ea] {
    *run = [ea]() -> int {
      auto store = open_store(ea->db);
      if (!store.is_ok()) return report(store.status());
      auto all = (*store)->profiles();
      if (!all.is_ok()) return report(all.status());
      std::string out;
      if (ea->format == "csv") out = kb::profiles_csv_header() + "\n";
      for (const auto& p : *all) out += (ea->format == "csv" ? kb::to_csv_row(p) : kb::to_json(p).dump()) + "\n";
      if (ea->out.empty()) {
        std::cout << out;
      } else if (Status st = write_file_atomic(ea->out, out); !st.is_ok()) {
        return report(st);
      }
      return kExitOk;
    };
  });

  // ---- list ----
  struct ListArgs {
    std::string db, today;
    bool json = false;
  };
  auto la = std::make_shared<ListArgs>();
  CLI::App* lst = verb->add_subcommand("list", "The stored profiles, by id; expired ones marked");
  add_db_option(lst, &la->db);
  lst->add_option("--today", la->today, "Date that decides what has expired (default: today, UTC)");
  lst->add_flag("--json", la->json, "A JSON array");
  lst->callback([run, la] {
    *run = [la]() -> int {
      auto store = open_store(la->db);
      if (!store.is_ok()) return report(store.status());
      auto all = (*store)->profiles();
      if (!all.is_ok()) return report(all.status());
      std::string today = la->today.empty() ? match::today_utc() : la->today;
      if (la->json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& p : *all) {
          out.push_back({{"id", p.id},
                         {"organization", p.organization.name},
                         {"country", p.organization.country},
                         {"type", p.type},
                         {"title", p.title},
                         {"language", p.language},
                         {"deadline", p.deadline.empty() ? nlohmann::json() : nlohmann::json(p.deadline)},
                         {"expired", !p.deadline.empty() && p.deadline < today}});
        }
        std::cout << out.dump(1) << "\n";
      } else {
        for (const auto& p : *all) {
          std::cout << std::left << std::setw(14) << p.id << std::setw(26) << p.type << std::setw(4)
                    << p.organization.country << std::setw(4) << p.language
                    << (!p.deadline.empty() && p.deadline < today ? "[expired] " : "") << p.title << "\n";
        }
      }
      return kExitOk;
    };
  });

  // ---- show ----
  struct ShowArgs {
    std::string db, id;
    bool json = false;
  };
  auto sa = std::make_shared<ShowArgs>();
  CLI::App* show = verb->add_subcommand("show", "One profile as JSON, with the interests in it");
  add_db_option(show, &sa->db);
  show->add_option("ID", sa->id, "Profile id")->required();
  show->add_flag("--json", sa->json, "JSON (always)");
  show->callback([run, sa] {
    *run = [sa]() -> int {
      auto store = open_store(sa->db);
      if (!store.is_ok()) return report(store.status());
      auto p = (*store)->profile(sa->id);
      if (!p.is_ok()) return report(p.status());
      auto interests = (*store)->interests(sa->id);
      if (!interests.is_ok()) return report(interests.status());
      nlohmann::json j = kb::to_json(*p);
      j["interests"] = nlohmann::json::array();
      for (const auto& r : *interests) j["interests"].push_back(interest_json(r));
      std::cout << j.dump(1) << "\n";
      return kExitOk;
    };
  });

  // ---- renew ----
  struct RenewArgs {
    std::string db, id, deadline;
  };
  auto ra = std::make_shared<RenewArgs>();
  CLI::App* renew = verb->add_subcommand("renew", "Move a profile's deadline later; an expired profile matches again");
  add_db_option(renew, &ra->db);
  renew->add_option("ID", ra->id, "Profile id")->required();
  renew->add_option("--deadline", ra->deadline, "The new deadline, YYYY-MM-DD, later than the current one")
      ->required();
  renew->callback([run, ra] {
    *run = [ra]() -> int {
      if (!kb::is_iso_date(ra->deadline)) {
        return report(Status::invalid_argument("--deadline: '" + ra->deadline + "' is not a date YYYY-MM-DD"));
      }
      auto store = open_store(ra->db);
      if (!store.is_ok()) return report(store.status());
      auto p = (*store)->profile(ra->id);
      if (!p.is_ok()) return report(p.status());
      if (!p->deadline.empty() && ra->deadline <= p->deadline) {
        return report(Status::invalid_argument("renewal must move the deadline later than " + p->deadline));
      }
      p->deadline = ra->deadline;
      auto put = (*store)->put_profiles({*p});
      if (!put.is_ok()) return report(put.status());
      std::cout << ra->id << ": open until " << ra->deadline << "\n";
      return kExitOk;
    };
  });

  // ---- delete ----
  struct DeleteArgs {
    std::string db, id;
  };
  auto da = std::make_shared<DeleteArgs>();
  CLI::App* del = verb->add_subcommand("delete", "Delete a profile and the interests in it");
  add_db_option(del, &da->db);
  del->add_option("ID", da->id, "Profile id")->required();
  del->callback([run, da] {
    *run = [da]() -> int {
      auto store = open_store(da->db);
      if (!store.is_ok()) return report(store.status());
      if (Status st = (*store)->delete_profile(da->id); !st.is_ok()) return report(st);
      std::cout << "deleted " << da->id << "\n";
      return kExitOk;
    };
  });
}

void add_interest(CLI::App& app, Runner* run) {
  CLI::App* verb = app.add_subcommand(
      "interest", "The helpdesk's workflow: an organization's interest in a profile, forwarded or declined by "
                  "the helpdesk, accepted or declined by the profile's owner; every step logged");
  verb->require_subcommand(1);

  struct AddArgs {
    std::string db, profile, org, from, author, note;
    bool json = false;
  };
  auto aa = std::make_shared<AddArgs>();
  CLI::App* add = verb->add_subcommand("add", "Record an organization's interest in a profile");
  add_db_option(add, &aa->db);
  add->add_option("PROFILE", aa->profile, "The profile they are interested in")->required();
  add->add_option("--org", aa->org, "The interested organization")->required();
  add->add_option("--from-profile", aa->from, "Their own profile, if any");
  add->add_option("--author", aa->author, "Who records it")->required();
  add->add_option("--note", aa->note, "A note");
  add->add_flag("--json", aa->json, "JSON output");
  add->callback([run, aa] {
    *run = [aa]() -> int {
      auto store = open_store(aa->db);
      if (!store.is_ok()) return report(store.status());
      auto r = (*store)->add_interest(aa->profile, aa->org, aa->from, aa->author, aa->note);
      if (!r.is_ok()) return report(r.status());
      if (aa->json) std::cout << interest_json(*r).dump(1) << "\n";
      else std::cout << "interest " << r->id << ": " << r->organization << " in " << r->profile_id << " (interested)\n";
      return kExitOk;
    };
  });

  struct StepArgs {
    std::string db, author, note;
    std::int64_t id = 0;
    bool json = false;
  };
  for (const char* step : {"forward", "decline", "accept"}) {
    auto st = std::make_shared<StepArgs>();
    std::string name = step;
    std::string help = name == "forward" ? "The helpdesk forwards the interest to the profile's owner"
                       : name == "decline" ? "The helpdesk (or, once forwarded, the owner) declines it"
                                           : "The profile's owner accepts a forwarded interest";
    CLI::App* sub = verb->add_subcommand(name, help);
    add_db_option(sub, &st->db);
    sub->add_option("ID", st->id, "Interest id")->required();
    sub->add_option("--author", st->author, "Who takes this step")->required();
    sub->add_option("--note", st->note, "A note");
    sub->add_flag("--json", st->json, "JSON output");
    std::string target = name == "forward" ? "forwarded" : name == "decline" ? "declined" : "accepted";
    sub->callback([run, st, target] {
      *run = [st, target]() -> int {
        auto store = open_store(st->db);
        if (!store.is_ok()) return report(store.status());
        auto r = (*store)->interest_step(st->id, target, st->author, st->note);
        if (!r.is_ok()) {
          // A step the workflow does not allow is the user's mistake.
          if (r.status().code() == StatusCode::kFailedPrecondition) {
            std::cerr << "pactum: " << r.status().message() << "\n";
            return kExitUsage;
          }
          return report(r.status());
        }
        if (st->json) std::cout << interest_json(*r).dump(1) << "\n";
        else std::cout << "interest " << r->id << ": " << r->state << "\n";
        return kExitOk;
      };
    });
  }

  struct ListArgs {
    std::string db, profile;
    bool json = false;
  };
  auto la = std::make_shared<ListArgs>();
  CLI::App* lst = verb->add_subcommand("list", "Interests with their steps, oldest first");
  add_db_option(lst, &la->db);
  lst->add_option("--profile", la->profile, "Only interests in this profile");
  lst->add_flag("--json", la->json, "A JSON array");
  lst->callback([run, la] {
    *run = [la]() -> int {
      auto store = open_store(la->db);
      if (!store.is_ok()) return report(store.status());
      auto all = (*store)->interests(la->profile);
      if (!all.is_ok()) return report(all.status());
      if (la->json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& r : *all) out.push_back(interest_json(r));
        std::cout << out.dump(1) << "\n";
      } else {
        for (const auto& r : *all) {
          std::cout << std::left << std::setw(6) << r.id << std::setw(12) << r.state << std::setw(14) << r.profile_id
                    << r.organization << " (" << (r.steps.empty() ? "" : r.steps.back().at) << ")\n";
        }
      }
      return kExitOk;
    };
  });
}

}  // namespace pactum::cli
