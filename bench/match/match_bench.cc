// pactum_match_bench: partner-matching quality against plain BM25 on our
// benchmark (bench/match/data), and top-10 latency and memory over a large
// generated set (bench/match/README.md). Exits 1 when a quality target
// fails: NDCG@10 >= 0.8 and >= 1.5x BM25, every cross-lingual pair found.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <random>
#include <set>
#include <cmath>

#include <CLI/CLI.hpp>

#include "match/evaluation.h"

using namespace pactum;

namespace {

double thread_cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double peak_rss_mb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

// A pseudo-word of a synthetic technical vocabulary ("tekbaq"), so that a
// generated set has the long tail of rare terms real profiles have.
std::string vocabulary_word(std::uint32_t k) {
  std::string w = "tek";
  do {
    w += static_cast<char>('a' + k % 26);
    k /= 26;
  } while (k);
  return w;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"pactum_match_bench: matching quality vs BM25, and latency at scale"};
  std::string data = PACTUM_MATCH_BENCH_DIR;
  std::size_t scale = 1000000, queries = 1000;
  unsigned seed = 1;
  app.add_option("--data", data, "Benchmark folder (profiles.jsonl, qrels.tsv, agreements.jsonl)");
  app.add_option("--scale", scale, "Generated profiles for the latency run (0 skips it)");
  app.add_option("--queries", queries, "Queries timed in the latency run");
  app.add_option("--seed", seed, "Seed of the generated set");
  CLI11_PARSE(app, argc, argv);

  auto analyzer = match::Analyzer::create(PACTUM_BENCH_DATA_DIR);
  if (!analyzer.is_ok()) {
    std::cerr << analyzer.status().to_string() << "\n";
    return 2;
  }
  auto bench = match::load_benchmark(data);
  if (!bench.is_ok()) {
    std::cerr << bench.status().to_string() << "\n";
    return 2;
  }
  std::set<std::string> langs;
  for (const auto& p : bench->profiles) langs.insert(p.language);

  // ---- quality ----
  match::MatcherBuilder builder(**analyzer);
  builder.add_agreements(bench->agreements);
  for (const auto& p : bench->profiles) {
    if (auto st = builder.add(p); !st.is_ok()) {
      std::cerr << st.to_string() << "\n";
      return 2;
    }
  }
  auto matcher = std::move(builder).build();
  match::Bm25Baseline bm25(**analyzer, bench->profiles);
  auto ours = match::evaluate(*bench, [&](const std::string& id) {
    match::MatchQuery q;
    q.profile_id = id;
    q.today = "2026-03-01";
    std::vector<std::string> out;
    auto r = matcher->match(q);
    if (r.is_ok()) {
      for (const auto& m : *r) out.push_back(m.profile_id);
    }
    return out;
  });
  auto base = match::evaluate(*bench, [&](const std::string& id) { return bm25.rank(id, 10); });
  std::printf("Partner matching: %zu profiles, %zu languages, %zu queries, %zu agreements\n\n",
              bench->profiles.size(), langs.size(), ours.queries, bench->agreements.size());
  std::printf("%-8s %8s %10s %8s %14s\n", "ranker", "NDCG@10", "Recall@10", "MRR", "cross-lingual");
  for (auto [name, q] : {std::pair{"pactum", ours}, std::pair{"BM25", base}}) {
    std::printf("%-8s %8.3f %10.3f %8.3f %8zu/%zu\n", name, q.ndcg10, q.recall10, q.mrr, q.cross_lingual_found,
                q.cross_lingual_pairs);
  }
  double ratio = base.ndcg10 > 0 ? ours.ndcg10 / base.ndcg10 : 0;
  std::printf("NDCG@10 ratio pactum/BM25: %.1fx\n", ratio);
  bool ok = ours.ndcg10 >= 0.8 && ours.ndcg10 >= 1.5 * base.ndcg10 &&
            ours.cross_lingual_found == ours.cross_lingual_pairs;
  std::printf("targets (NDCG@10 >= 0.8, >= 1.5x BM25, all cross-lingual pairs): %s\n", ok ? "met" : "MISSED");

  // ---- scale ----
  if (scale > 0) {
    std::mt19937 rng(seed);
    const std::vector<std::string> countries = {"DE", "JP", "NO", "FR", "NL", "ES", "GB", "SE", "DK", "IT",
                                                "FI", "PL", "BE", "AT", "KR", "US", "CA", "AU", "IN", "BR"};
    const std::vector<std::string> subdivisions = {"DE-NW", "DE-BY", "JP-07", "JP-13", "NO-46", "FR-HDF",
                                                   "NL-ZH", "ES-GA", "GB-ABE", "SE-AC"};
    // Zipf-like vocabulary draw: k = floor(V^u) for u uniform.
    std::uniform_real_distribution<double> unit(0, 1);
    auto draw_word = [&] { return vocabulary_word(static_cast<std::uint32_t>(std::pow(20000.0, unit(rng)))); };
    std::printf("\nScale: generating and indexing %zu profiles ...\n", scale);
    std::fflush(stdout);
    double rss_before = peak_rss_mb();
    auto t0 = std::chrono::steady_clock::now();
    match::MatcherBuilder big(**analyzer);
    big.add_agreements(bench->agreements);
    for (std::size_t i = 0; i < scale; ++i) {
      kb::Profile p = bench->profiles[rng() % bench->profiles.size()];
      p.id = "g" + std::to_string(i);
      p.organization.name = "Org " + std::to_string(rng() % (scale / 3 + 1));
      const auto& sub = subdivisions[rng() % subdivisions.size()];
      if (rng() % 3 == 0) {
        p.organization.country = sub.substr(0, 2);
        p.organization.subdivision = sub;
      } else {
        p.organization.country = countries[rng() % countries.size()];
        p.organization.subdivision.clear();
      }
      p.target_countries = {countries[rng() % countries.size()], countries[rng() % countries.size()]};
      if (p.target_countries[0] == p.target_countries[1]) p.target_countries.pop_back();
      p.target_subdivisions.clear();
      p.summary += " " + draw_word() + " " + draw_word() + " " + draw_word();
      p.deadline = rng() % 10 == 0 ? "2025-12-31" : "2026-12-31";
      if (auto st = big.add(p); !st.is_ok()) {
        std::cerr << st.to_string() << "\n";
        return 2;
      }
    }
    auto index = std::move(big).build();
    double build_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    double rss_index = peak_rss_mb();
    std::vector<double> cpu, wall;
    std::size_t results = 0;
    for (std::size_t i = 0; i < queries; ++i) {
      match::MatchQuery q;
      q.profile_id = "g" + std::to_string(rng() % scale);
      q.today = "2026-03-01";
      auto w0 = std::chrono::steady_clock::now();
      double c0 = thread_cpu_ms();
      auto r = index->match(q);
      cpu.push_back(thread_cpu_ms() - c0);
      wall.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - w0).count());
      if (r.is_ok()) results += r->size();
    }
    double p99 = percentile(cpu, 0.99);
    std::printf("built in %.1f s; %zu queries, %.1f results each\n", build_s, queries,
                static_cast<double>(results) / static_cast<double>(queries));
    std::printf("%-22s %10s %10s %10s\n", "top-10 latency (ms)", "p50", "p99", "max");
    std::printf("%-22s %10.2f %10.2f %10.2f\n", "thread CPU", percentile(cpu, 0.5), p99, percentile(cpu, 1.0));
    std::printf("%-22s %10.2f %10.2f %10.2f\n", "wall", percentile(wall, 0.5), percentile(wall, 0.99),
                percentile(wall, 1.0));
    std::printf("peak RSS: %.0f MB (%.0f MB before the generated set)\n", rss_index, rss_before);
    std::printf("target (p99 < 50 ms on one core, thread CPU): %s\n", p99 < 50 ? "met" : "MISSED");
    if (p99 >= 50) ok = false;
  }
  return ok ? 0 : 1;
}
