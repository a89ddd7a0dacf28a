// search's contract: a query as an analyst types it, expanded across
// languages through the knowledge base, run against a store, each hit with
// the sentences that make it one.
//
// A query is words and "quoted phrases", all of which must match. A word or
// phrase that names a sector or an instrument in any language's lexicon
// (data/lexicon/<lang>/sector.tsv, instrument.tsv) matches that sector's or
// instrument's terms in every language ("hydrogen" finds Wasserstoff,
// hydrogène, 水素; "MoU" finds 協力覚書, "letter of intent" finds
// Absichtserklärung, intensjonsavtale); one that names an actor matches its
// names in every language ("Norway" finds Norge, Norwegen). Other words of 4
// letters or more match as prefixes, for compounds and inflection
// ("partner" finds Partnerschaft, partnarskap).
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "extract/gazetteer.h"
#include "extract/lexicon.h"
#include "store/store.h"

namespace pactum::search {

// Limits that turn abuse into a clear error rather than a slow query.
constexpr std::size_t kMaxQueryBytes = 4096;
constexpr std::size_t kMaxTerms = 32;

struct Hit {
  store::SearchHit hit;
  // Why it matched: evidence of the document's events that contain a query
  // term, else the first sentence of the text that does, else its title.
  std::vector<std::string> evidence;
  std::vector<std::int64_t> evidence_events;  // the events of `evidence`, if any
};

struct Results {
  std::vector<Hit> hits;
  std::size_t total = 0;
  bool total_capped = false;  // more than total matched (store.h, kSearchCandidates): say "1,000+"
  std::map<std::string, std::map<std::string, std::int64_t>> facets;
};

class Searcher {
 public:
  // Loads the gazetteer and lexicon from data_dir (as the extractor does),
  // once: a Searcher is meant to be kept and asked many queries.
  static Result<std::unique_ptr<Searcher>> create(const std::filesystem::path& data_dir);
  // Uses a lexicon someone else owns; it must outlive the Searcher.
  explicit Searcher(const extract::Lexicon& lexicon);
  ~Searcher();
  Searcher(const Searcher&) = delete;
  Searcher& operator=(const Searcher&) = delete;

  // The query as the store runs it. kInvalidArgument for an empty query,
  // unbalanced quotes, invalid UTF-8, more than kMaxTerms terms or
  // kMaxQueryBytes bytes.
  Result<store::TextQuery> expand(std::string_view query) const;

  // Runs the expanded query with the filters; hits come with evidence. A
  // filter value outside its vocabulary is kInvalidArgument (check_filter).
  Result<Results> run(store::Store& store, std::string_view query, const store::SearchFilter& filter) const;

 private:
  struct Owned;
  std::unique_ptr<Owned> owned_;  // set by create()
  const extract::Lexicon* lexicon_ = nullptr;
  std::vector<std::vector<std::uint32_t>> actor_aliases_;  // per gazetteer actor: name aliases
  // "sector:hydrogen", "instrument:letter_of_intent" -> the label's phrases
  // in every language, built once from the lexicon.
  std::map<std::string, std::vector<store::TextQuery::Alternative>, std::less<>> concept_terms_;
};

// kInvalidArgument naming the filter when a value is outside its vocabulary:
// a sector, instrument or stage id the taxonomy lacks, a country, region or
// language that is not an ISO code.
Status check_filter(const store::SearchFilter& filter);

// True when `words` (folded tokens) contain one of the clause alternatives.
bool matches(const std::vector<std::string>& words, const store::TextQuery::Alternative& alt);

}  // namespace pactum::search
