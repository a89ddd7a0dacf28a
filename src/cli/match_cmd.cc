// pactum match: ranked partners for a stored profile or a free-text request,
// each with its reasons and their weights (match/matcher.h).
#include <iomanip>
#include <iostream>

#include "cli/cli.h"
#include "common/files.h"
#include "kb/profile.h"
#include "match/matcher.h"

namespace pactum::cli {

void add_match(CLI::App& app, Runner* run) {
  struct Args {
    std::string db, profile, text, lang = "en", type, today;
    std::vector<std::string> countries, kinds;
    std::size_t top = 10;
    bool json = false;
  };
  auto a = std::make_shared<Args>();
  CLI::App* verb = app.add_subcommand(
      "match", "Ranked partners for a profile (--profile ID) or a request in words (--text ... --lang xx), with "
               "the reasons: complementary offer and request, shared sectors, similar text in any language, "
               "target geography, agreements between their regions or countries");
  add_db_option(verb, &a->db);
  auto* by_id = verb->add_option("--profile", a->profile, "A stored profile's id");
  auto* by_text = verb->add_option("--text", a->text, "What is sought, in words")->excludes(by_id);
  verb->add_option("--lang", a->lang, "Language of --text (ISO 639-1; default en)")->needs(by_text);
  verb->add_option("--type", a->type, "With --text: the request's profile type (technology_request, ...)")
      ->needs(by_text)
      ->check([](const std::string& t) { return kb::is_profile_type(t) ? "" : "not a profile type"; });
  verb->add_option("--top", a->top, "How many partners (default 10)")->check(CLI::Range(1, 1000));
  verb->add_option("--target-country", a->countries, "Only partners in these countries or regions (ISO 3166)")
      ->delimiter(',');
  verb->add_option("--kind", a->kinds, "Only partners of these organization kinds or profile types")
      ->delimiter(',');
  verb->add_option("--today", a->today, "Date that decides what has expired (default: today, UTC)");
  verb->add_flag("--json", a->json, "A JSON array of {profile, score, reasons}");
  verb->callback([run, a, verb] {
    *run = [a, verb]() -> int {
      if (a->profile.empty() && a->text.empty()) {
        std::cerr << "pactum: match needs --profile ID or --text \"...\"\n" << verb->help();
        return kExitUsage;
      }
      if (!a->text.empty()) {
        const auto& langs = kb::profile_languages();
        if (std::find(langs.begin(), langs.end(), a->lang) == langs.end()) {
          return report(Status::invalid_argument("--lang: '" + a->lang + "' is not a supported language"));
        }
      }
      auto store = open_store(a->db);
      if (!store.is_ok()) return report(store.status());
      auto analyzer = match::Analyzer::create(data_dir());
      if (!analyzer.is_ok()) return report(analyzer.status());
      auto matcher = match::Matcher::build_from_store(**store, **analyzer);
      if (!matcher.is_ok()) return report(matcher.status());
      match::MatchQuery q;
      q.top = a->top;
      q.countries = a->countries;
      q.kinds = a->kinds;
      q.today = a->today;
      if (!a->profile.empty()) {
        q.profile_id = a->profile;
      } else {
        kb::Profile p;
        p.title = a->text;
        p.language = a->lang;
        p.type = a->type;
        q.profile = p;
      }
      auto results = (*matcher)->match(q);
      if (!results.is_ok()) return report(results.status());
      if (a->json) {
        std::cout << match::to_json(*results).dump(1) << "\n";
        return kExitOk;
      }
      if (results->empty()) std::cout << "no partners found\n";
      for (const auto& r : *results) {
        auto p = (*store)->profile(r.profile_id);
        std::cout << std::fixed << std::setprecision(3) << r.score << "  " << r.profile_id;
        if (p.is_ok()) std::cout << "  " << p->organization.name << " (" << p->organization.country << "): " << p->title;
        std::cout << "\n";
        for (const auto& why : r.reasons) {
          std::cout << "        " << std::setprecision(3) << why.weight << "  " << why.text << "\n";
        }
      }
      return kExitOk;
    };
  });
}

}  // namespace pactum::cli
