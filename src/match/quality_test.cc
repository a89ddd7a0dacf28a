// The quality floor of partner matching on our benchmark (bench/match/data,
// 340 profiles in 7 languages): NDCG@10 at least 0.8 and at least 1.5 times
// plain BM25's over the same text, and every cross-lingual designed pair in
// the top 10. Quality only; speed is measured by bench/match.
#include <gtest/gtest.h>

#include "match/evaluation.h"

namespace pactum::match {
namespace {

TEST(MatchQuality, BeatsBm25OnTheBenchmark) {
  auto analyzer = Analyzer::create(PACTUM_TEST_DATA_DIR);
  ASSERT_TRUE(analyzer.is_ok()) << analyzer.status().to_string();
  auto bench = load_benchmark(std::filesystem::path(PACTUM_TEST_DIR) / ".." / "bench" / "match" / "data");
  ASSERT_TRUE(bench.is_ok()) << bench.status().to_string();
  ASSERT_GE(bench->profiles.size(), 300u);
  MatcherBuilder builder(**analyzer);
  builder.add_agreements(bench->agreements);
  for (const auto& p : bench->profiles) ASSERT_TRUE(builder.add(p).is_ok());
  auto matcher = std::move(builder).build();
  Bm25Baseline bm25(**analyzer, bench->profiles);
  auto ours = evaluate(*bench, [&](const std::string& id) {
    MatchQuery q;
    q.profile_id = id;
    q.today = "2026-03-01";
    std::vector<std::string> out;
    auto results = matcher->match(q);
    EXPECT_TRUE(results.is_ok()) << id << ": " << results.status().to_string();
    if (results.is_ok()) {
      for (const auto& r : *results) out.push_back(r.profile_id);
    }
    return out;
  });
  auto base = evaluate(*bench, [&](const std::string& id) { return bm25.rank(id, 10); });
  std::cout << "pactum NDCG@10 " << ours.ndcg10 << " R@10 " << ours.recall10 << " MRR " << ours.mrr
            << " cross-lingual " << ours.cross_lingual_found << "/" << ours.cross_lingual_pairs << "\n"
            << "BM25   NDCG@10 " << base.ndcg10 << " R@10 " << base.recall10 << " MRR " << base.mrr
            << " cross-lingual " << base.cross_lingual_found << "/" << base.cross_lingual_pairs << "\n";
  EXPECT_GE(ours.ndcg10, 0.8);
  EXPECT_GE(ours.ndcg10, 1.5 * base.ndcg10);
  EXPECT_EQ(ours.cross_lingual_found, ours.cross_lingual_pairs);
}

}  // namespace
}  // namespace pactum::match
