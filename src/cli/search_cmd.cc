// pactum search: full text over documents and evidence, in every language
// and across them (search/search.h).
#include <iomanip>
#include <iostream>

#include "api/views.h"
#include "cli/cli.h"
#include "common/files.h"
#include "search/search.h"

namespace pactum::cli {

void add_search(CLI::App& app, Runner* run) {
  struct Args {
    std::string db, query;
    FilterFlags filters;
    std::size_t limit = 20;
    bool json = false, facets = false;
  };
  auto a = std::make_shared<Args>();
  CLI::App* verb = app.add_subcommand(
      "search", "Full-text search over documents and evidence, in any language and across them");
  verb->add_option("query", a->query, "Words and \"quoted phrases\", all required; sectors and actors "
                                      "expand to their names in every language")->required();
  add_db_option(verb, &a->db);
  add_filter_flags(verb, &a->filters,
                   {{"country", "A party belongs to this country (ISO 3166-1: JP, NO, DE)"},
                    {"region", "A party is this region (ISO 3166-2: DE-NW, JP-07)"},
                    {"sector", "An event on this sector id (hydrogen, batteries, ...)"},
                    {"instrument", "An event with this instrument id"},
                    {"stage", "An event at this stage"},
                    {"year", "An event (or, without dated events, the document) in this year"},
                    {"since", "... on or after YYYY[-MM[-DD]]"},
                    {"until", "... on or before YYYY[-MM[-DD]]"},
                    {"language", "Documents in this language (ISO 639-1)"}});
  verb->add_option("--limit", a->limit, "At most this many hits (default 20; 0: all, up to the newest 1,000 matches)");
  verb->add_flag("--json", a->json, "A JSON array of hits {document, score, evidence, ...}");
  verb->add_flag("--facets", a->facets,
                 "With --json: an object {hits, total, total_capped, facets} instead of the array; "
                 "total counts up to 1,000 (then total_capped is true and facets count the newest 1,000)");
  verb->callback([run, a] {
    *run = [a]() -> int {
      // A bad year or facet value is a usage error before the store is opened.
      auto f = api::search_filter(a->filters.params());
      if (!f.is_ok()) return report(f.status());
      f->limit = a->limit;
      f->facets = a->facets || !a->json;
      auto searcher = search::Searcher::create(data_dir());
      if (!searcher.is_ok()) return report(searcher.status());
      // Check the query before touching the store: a bad query is a usage error.
      if (auto q = (*searcher)->expand(a->query); !q.is_ok()) return report(q.status());
      auto store = open_store(a->db);
      if (!store.is_ok()) return report(store.status());
      auto results = (*searcher)->run(**store, a->query, *f);
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
