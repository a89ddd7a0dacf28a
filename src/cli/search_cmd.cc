// pactum search: full text over documents and evidence, in every language
// and across them (search/search.h).
#include <iomanip>
#include <iostream>

#include "api/views.h"
#include "cli/cli.h"
#include "common/files.h"
#include "kb/taxonomy.h"
#include "search/search.h"

namespace pactum::cli {

// Turns the shared filter flags into a store filter; a bad year or an
// unknown facet value is a usage error.
Status search_filter_from(const std::string& country, const std::string& region, const std::string& sector,
                          const std::string& instrument, const std::string& stage, const std::string& year,
                          const std::string& since, const std::string& until, const std::string& language,
                          store::SearchFilter* f) {
  auto opt = [](const std::string& s) { return s.empty() ? std::nullopt : std::optional<std::string>(s); };
  f->country = opt(country);
  f->region = opt(region);
  f->sector = opt(sector);
  f->instrument = opt(instrument);
  f->stage = opt(stage);
  f->language = opt(language);
  f->since = opt(since);
  f->until = opt(until);
  if (!year.empty()) {
    if (!since.empty() || !until.empty()) return Status::invalid_argument("--year excludes --since and --until");
    if (year.size() != 4 || year.find_first_not_of("0123456789") != std::string::npos) {
      return Status::invalid_argument("--year: expected YYYY, got '" + year + "'");
    }
    f->since = f->until = year;
  }
  // A bad facet value is a usage error here too (watch add checks its filters).
  PACTUM_RETURN_IF_ERROR(search::check_filter(*f));
  return Status::ok();
}

void add_search(CLI::App& app, Runner* run) {
  struct Args {
    std::string db, query, country, region, sector, instrument, stage, year, since, until, language;
    std::size_t limit = 20;
    bool json = false, facets = false;
  };
  auto a = std::make_shared<Args>();
  CLI::App* verb = app.add_subcommand(
      "search", "Full-text search over documents and evidence, in any language and across them");
  verb->add_option("query", a->query, "Words and \"quoted phrases\", all required; sectors and actors "
                                      "expand to their names in every language")->required();
  add_db_option(verb, &a->db);
  verb->add_option("--country", a->country, "A party belongs to this country (ISO 3166-1: JP, NO, DE)");
  verb->add_option("--region", a->region, "A party is this region (ISO 3166-2: DE-NW, JP-07)");
  verb->add_option("--sector", a->sector, "An event on this sector id (hydrogen, batteries, ...)");
  verb->add_option("--instrument", a->instrument, "An event with this instrument id");
  verb->add_option("--stage", a->stage, "An event at this stage");
  verb->add_option("--year", a->year, "An event (or, without dated events, the document) in this year");
  verb->add_option("--since", a->since, "... on or after YYYY[-MM[-DD]]");
  verb->add_option("--until", a->until, "... on or before YYYY[-MM[-DD]]");
  verb->add_option("--language", a->language, "Documents in this language (ISO 639-1)");
  verb->add_option("--limit", a->limit, "At most this many hits (default 20; 0: all, up to the newest 1,000 matches)");
  verb->add_flag("--json", a->json, "A JSON array of hits {document, score, evidence, ...}");
  verb->add_flag("--facets", a->facets,
                 "With --json: an object {hits, total, total_capped, facets} instead of the array; "
                 "total counts up to 1,000 (then total_capped is true and facets count the newest 1,000)");
  verb->callback([run, a] {
    *run = [a]() -> int {
      store::SearchFilter f;
      Status st = search_filter_from(a->country, a->region, a->sector, a->instrument, a->stage, a->year,
                                     a->since, a->until, a->language, &f);
      if (!st.is_ok()) return report(st);
      f.limit = a->limit;
      f.facets = a->facets || !a->json;
      auto searcher = search::Searcher::create(data_dir());
      if (!searcher.is_ok()) return report(searcher.status());
      // Check the query before touching the store: a bad query is a usage error.
      if (auto q = (*searcher)->expand(a->query); !q.is_ok()) return report(q.status());
      auto store = open_store(a->db);
      if (!store.is_ok()) return report(store.status());
      auto results = (*searcher)->run(**store, a->query, f);
      if (!results.is_ok()) return report(results.status());
      if (a->json) {
        nlohmann::json hits = nlohmann::json::array();
        for (const auto& h : results->hits) hits.push_back(api::hit_json(h));
        if (a->facets) {
          std::cout << nlohmann::json({{"hits", hits},
                                       {"total", results->total},
                                       {"total_capped", results->total_capped},
                                       {"facets", results->facets}})
                           .dump(1)
                    << "\n";
        } else {
          std::cout << hits.dump(1) << "\n";
        }
        return kExitOk;
      }
      for (const auto& h : results->hits) {
        std::cout << std::fixed << std::setprecision(2) << h.hit.score << "  " << h.hit.source << "  ["
                  << h.hit.language << (h.hit.published.empty() ? "" : ", " + h.hit.published) << "]"
                  << (h.hit.copies.empty() ? "" : "  (+" + std::to_string(h.hit.copies.size()) + " copies)")
                  << "\n";
        if (!h.hit.title.empty()) std::cout << "      " << h.hit.title << "\n";
        for (const auto& e : h.evidence) std::cout << "      > " << e << "\n";
      }
      std::cout << results->hits.size() << " of " << results->total << (results->total_capped ? "+" : "")
                << " document(s)" << (results->total_capped ? " (the newest " + std::to_string(results->total) +
                                                                  " ranked; facets count them)" : "")
                << "\n";
      for (const auto& [facet, counts] : results->facets) {
        if (counts.empty()) continue;
        std::cout << facet << ":";
        for (const auto& [value, n] : counts) std::cout << " " << value << "(" << n << ")";
        std::cout << "\n";
      }
      return kExitOk;
    };
  });
}

}  // namespace pactum::cli
