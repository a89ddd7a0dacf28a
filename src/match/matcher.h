// match's contract: ranked partners for a cooperation profile, each with the
// reasons that make it one and their weights. The CLI (`pactum match`) and
// the REST API call Matcher::match; neither needs to know how it scores.
//
// The index lives in memory, built once from the store's profiles and
// agreements (build_from_store) or from profiles added one by one
// (MatcherBuilder, for generated sets). Candidates come from inverted lists
// (sectors, terms); each is scored as a weighted sum of components in 0..1:
//   complementarity  an offer meets a request of the same kind; a research
//                    partner search meets research bodies, universities and
//                    other searches; two offers (or two requests) do not;
//   sectors          shared sector ids and technology words;
//   text             BM25 over analysed title, summary and technologies
//                    (stems plus cross-language concepts, analyzer.h),
//                    relative to the best candidate's;
//   geography        each side's target countries/regions hold the other;
//   agreements       an agreement between their regions (or countries) on
//                    the profile's sectors ("NRW and Fukushima on hydrogen");
//   proven partner   the candidate organization is a party to agreements.
// A candidate outside the profile's target countries (or the profile
// outside the candidate's) has its sum scaled down, a reason with a negative
// weight saying so; the reasons' weights always add up to the score.
// A profile whose deadline has passed never matches (renewing it moves the
// deadline and it matches again).
//
// Thread-safety: a built Matcher is immutable; match() may be called from
// many threads at once.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "kb/profile.h"
#include "match/analyzer.h"
#include "store/store.h"

namespace pactum::match {

struct Weights {
  double complementarity = 0.30;
  double sectors = 0.20;
  double text = 0.20;
  double geography = 0.15;
  double agreements = 0.10;
  double proven_partner = 0.05;
};

struct MatchQuery {
  // Either a stored profile's id ...
  std::string profile_id;
  // ... or a profile given whole (a free-text request: title and language
  // set, the rest may be empty; sectors and target countries named in the
  // text are then taken from it).
  std::optional<kb::Profile> profile;
  std::size_t top = 10;
  // Filters on the candidates; empty does not filter.
  std::vector<std::string> countries;  // the candidate organization's country (ISO 3166-1) or region (3166-2)
  std::vector<std::string> kinds;      // organization kind (company, research, ...) or profile type
  // "YYYY-MM-DD": profiles whose deadline is before it are expired. "" is today (UTC).
  std::string today;
};

struct Reason {
  std::string code;    // complementarity | sectors | text | geography | agreements | proven_partner | open
  std::string text;    // in words, for people
  double weight = 0;   // what it added to the score
};

struct MatchResult {
  std::string profile_id;
  double score = 0;  // 0..1, the sum of the reasons' weights
  std::vector<Reason> reasons;
};

class Matcher;

// Builds a Matcher from profiles added one at a time, so that a very large
// generated set never needs to be held whole.
class MatcherBuilder {
 public:
  MatcherBuilder(const Analyzer& analyzer, Weights weights = {});
  ~MatcherBuilder();
  MatcherBuilder(MatcherBuilder&&) noexcept;
  // The agreement network (store::Store::agreements), before or after profiles.
  void add_agreements(const std::vector<store::AgreementRecord>& agreements);
  // A profile already validated (kb::validate_profile). A repeated id is kAlreadyExists.
  Status add(const kb::Profile& profile);
  std::unique_ptr<Matcher> build() &&;

 private:
  friend class Matcher;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

class Matcher {
 public:
  ~Matcher();

  // Reads every profile and agreement of the store.
  static Result<std::unique_ptr<Matcher>> build_from_store(store::Store& store, const Analyzer& analyzer,
                                                           Weights weights = {});

  // The best `top` partners, best first (ties by id). kNotFound for an
  // unknown profile_id, kInvalidArgument for a query with neither a profile
  // id nor a profile, a top of 0 or above 1000, or a bad today.
  Result<std::vector<MatchResult>> match(const MatchQuery& query) const;

  std::size_t size() const;

  struct Index;  // opaque: matcher.cc

 private:
  friend class MatcherBuilder;
  explicit Matcher(std::unique_ptr<Index> index);
  std::unique_ptr<Index> index_;
};

// Today's date in UTC, "YYYY-MM-DD".
std::string today_utc();

// The contract's JSON (PRODUCT.md): an array of {"profile", "score",
// "reasons": [{"code", "text", "weight"}]}, for the CLI and the REST API alike.
nlohmann::json to_json(const std::vector<MatchResult>& results);

}  // namespace pactum::match
