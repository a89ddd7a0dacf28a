// Measuring matching quality: the benchmark's files (bench/match/data),
// a plain BM25 ranker over the same text as the baseline, and the ranking
// metrics (NDCG@k, Recall@k, MRR). Used by the benchmark and by the test
// that holds the quality floor; not by the product.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "common/status.h"
#include "kb/profile.h"
#include "match/analyzer.h"
#include "match/matcher.h"
#include "store/store.h"

namespace pactum::match {

// query id -> profile id -> grade (1 good, 2 the designed partner).
using Judgments = std::map<std::string, std::map<std::string, int>>;

struct Benchmark {
  std::vector<kb::Profile> profiles;
  std::vector<store::AgreementRecord> agreements;
  Judgments judgments;
};

// Reads profiles.jsonl, qrels.tsv and agreements.jsonl from dir.
Result<Benchmark> load_benchmark(const std::filesystem::path& dir);

// Okapi BM25 (k1 1.2, b 0.75) over the analysed words of title, summary and
// technologies: no concepts, no structure, no dates. The baseline.
class Bm25Baseline {
 public:
  Bm25Baseline(const Analyzer& analyzer, const std::vector<kb::Profile>& profiles);
  ~Bm25Baseline();
  // The top ids for a profile of the set (itself left out).
  std::vector<std::string> rank(const std::string& profile_id, std::size_t top) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Metrics of one ranking against a query's judgments.
double ndcg_at(const std::vector<std::string>& ranked, const std::map<std::string, int>& grades, std::size_t k);
double recall_at(const std::vector<std::string>& ranked, const std::map<std::string, int>& grades, std::size_t k);
double reciprocal_rank(const std::vector<std::string>& ranked, const std::map<std::string, int>& grades);

struct Quality {
  double ndcg10 = 0, recall10 = 0, mrr = 0;
  std::size_t queries = 0;
  std::size_t cross_lingual_pairs = 0;  // designed pairs (grade 2) in two languages
  std::size_t cross_lingual_found = 0;  // ... of them in the top 10
};

// Runs every judged query through `rank` and averages the metrics.
Quality evaluate(const Benchmark& b,
                 const std::function<std::vector<std::string>(const std::string& query_id)>& rank);

}  // namespace pactum::match
