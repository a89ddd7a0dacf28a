// The matching benchmark's files, the BM25 baseline and the metrics (evaluation.h).
#include "match/evaluation.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <unordered_map>

#include "common/files.h"

namespace pactum::match {

Result<Benchmark> load_benchmark(const std::filesystem::path& dir) {
  Benchmark b;
  auto profiles = read_file(dir / "profiles.jsonl");
  if (!profiles.is_ok()) return profiles.status();
  std::istringstream in(*profiles);
  std::string line;
  std::size_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty()) continue;
    auto parsed = kb::parse_profile_line(line, kb::ProfileCodes{});
    if (!parsed.profile) {
      return Status::corruption("profiles.jsonl:" + std::to_string(n) + ": " + parsed.errors[0].field + ": " +
                                parsed.errors[0].message);
    }
    b.profiles.push_back(std::move(*parsed.profile));
  }
  auto qrels = read_file(dir / "qrels.tsv");
  if (!qrels.is_ok()) return qrels.status();
  std::istringstream qin(*qrels);
  while (std::getline(qin, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream f(line);
    std::string q, p;
    int grade = 0;
    if (!(f >> q >> p >> grade)) return Status::corruption("qrels.tsv: bad line '" + line + "'");
    b.judgments[q][p] = grade;
  }
  auto agreements = read_file(dir / "agreements.jsonl");
  if (agreements.is_ok()) {
    std::istringstream ain(*agreements);
    std::int64_t id = 0;
    while (std::getline(ain, line)) {
      if (line.empty()) continue;
      try {
        auto j = nlohmann::json::parse(line);
        store::AgreementRecord a;
        a.id = ++id;
        for (const auto& code : j.at("parties")) {
          store::ActorRecord r;
          r.name = r.subdivision = r.key = code.get<std::string>();
          r.country = r.subdivision.substr(0, 2);
          r.kind = "region";
          a.parties.push_back(r);
        }
        a.sectors = j.at("sectors").get<std::vector<std::string>>();
        a.first_date = a.last_date = j.value("date", "");
        b.agreements.push_back(std::move(a));
      } catch (const std::exception& e) {
        return Status::corruption(std::string("agreements.jsonl: ") + e.what());
      }
    }
  }
  return b;
}

struct Bm25Baseline::Impl {
  std::vector<std::string> ids;
  std::unordered_map<std::string, std::uint32_t> doc_of;
  std::vector<std::unordered_map<std::uint32_t, int>> doc_tf;
  std::vector<double> doc_len;
  std::unordered_map<std::string, std::uint32_t> term_ids;
  std::vector<std::vector<std::pair<std::uint32_t, int>>> postings;
  double avg_len = 1;
};

Bm25Baseline::Bm25Baseline(const Analyzer& analyzer, const std::vector<kb::Profile>& profiles)
    : impl_(std::make_unique<Impl>()) {
  auto& im = *impl_;
  double total = 0;
  for (const auto& p : profiles) {
    auto doc = static_cast<std::uint32_t>(im.ids.size());
    im.ids.push_back(p.id);
    im.doc_of[p.id] = doc;
    std::string text = p.title + "\n" + p.summary;
    for (const auto& t : p.technologies) text += "\n" + t;
    auto terms = analyzer.terms(text, p.language, false);
    std::unordered_map<std::uint32_t, int> tf;
    for (const auto& t : terms) {
      auto [it, fresh] = im.term_ids.emplace(t, static_cast<std::uint32_t>(im.postings.size()));
      if (fresh) im.postings.emplace_back();
      ++tf[it->second];
    }
    for (auto [t, n] : tf) im.postings[t].push_back({doc, n});
    im.doc_tf.push_back(std::move(tf));
    im.doc_len.push_back(static_cast<double>(terms.size()));
    total += static_cast<double>(terms.size());
  }
  if (!profiles.empty()) im.avg_len = std::max(1.0, total / static_cast<double>(profiles.size()));
}

Bm25Baseline::~Bm25Baseline() = default;

std::vector<std::string> Bm25Baseline::rank(const std::string& profile_id, std::size_t top) const {
  const auto& im = *impl_;
  auto it = im.doc_of.find(profile_id);
  if (it == im.doc_of.end()) return {};
  const double n = static_cast<double>(im.ids.size()), k1 = 1.2, b = 0.75;
  std::unordered_map<std::uint32_t, double> score;
  for (auto [term, qtf] : im.doc_tf[it->second]) {
    const auto& plist = im.postings[term];
    double df = static_cast<double>(plist.size());
    double idf = std::log(1 + (n - df + 0.5) / (df + 0.5));
    for (auto [doc, tf] : plist) {
      if (doc == it->second) continue;
      score[doc] += idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * im.doc_len[doc] / im.avg_len));
    }
  }
  std::vector<std::pair<double, std::uint32_t>> ranked;
  for (auto [doc, s] : score) ranked.push_back({s, doc});
  std::sort(ranked.begin(), ranked.end(), [&](auto& x, auto& y) {
    return x.first != y.first ? x.first > y.first : im.ids[x.second] < im.ids[y.second];
  });
  std::vector<std::string> out;
  for (std::size_t i = 0; i < ranked.size() && i < top; ++i) out.push_back(im.ids[ranked[i].second]);
  return out;
}

double ndcg_at(const std::vector<std::string>& ranked, const std::map<std::string, int>& grades, std::size_t k) {
  auto gain = [](int g) { return std::pow(2.0, g) - 1; };
  double dcg = 0;
  for (std::size_t i = 0; i < ranked.size() && i < k; ++i) {
    auto it = grades.find(ranked[i]);
    if (it != grades.end()) dcg += gain(it->second) / std::log2(static_cast<double>(i) + 2);
  }
  std::vector<int> ideal;
  for (const auto& [id, g] : grades) ideal.push_back(g);
  std::sort(ideal.rbegin(), ideal.rend());
  double idcg = 0;
  for (std::size_t i = 0; i < ideal.size() && i < k; ++i) idcg += gain(ideal[i]) / std::log2(static_cast<double>(i) + 2);
  return idcg > 0 ? dcg / idcg : 0;
}

double recall_at(const std::vector<std::string>& ranked, const std::map<std::string, int>& grades, std::size_t k) {
  if (grades.empty()) return 0;
  std::size_t found = 0;
  for (std::size_t i = 0; i < ranked.size() && i < k; ++i) found += grades.count(ranked[i]);
  return static_cast<double>(found) / static_cast<double>(grades.size());
}

double reciprocal_rank(const std::vector<std::string>& ranked, const std::map<std::string, int>& grades) {
  for (std::size_t i = 0; i < ranked.size(); ++i) {
    if (grades.count(ranked[i])) return 1.0 / static_cast<double>(i + 1);
  }
  return 0;
}

Quality evaluate(const Benchmark& b,
                 const std::function<std::vector<std::string>(const std::string& query_id)>& rank) {
  std::unordered_map<std::string, const kb::Profile*> by_id;
  for (const auto& p : b.profiles) by_id[p.id] = &p;
  Quality q;
  for (const auto& [query, grades] : b.judgments) {
    auto ranked = rank(query);
    q.ndcg10 += ndcg_at(ranked, grades, 10);
    q.recall10 += recall_at(ranked, grades, 10);
    q.mrr += reciprocal_rank(ranked, grades);
    ++q.queries;
    for (const auto& [id, g] : grades) {
      if (g < 2 || !by_id.count(id) || !by_id.count(query)) continue;
      if (by_id[id]->language == by_id[query]->language) continue;
      ++q.cross_lingual_pairs;
      for (std::size_t i = 0; i < ranked.size() && i < 10; ++i) {
        if (ranked[i] == id) ++q.cross_lingual_found;
      }
    }
  }
  if (q.queries) {
    q.ndcg10 /= static_cast<double>(q.queries);
    q.recall10 /= static_cast<double>(q.queries);
    q.mrr /= static_cast<double>(q.queries);
  }
  return q;
}

}  // namespace pactum::match
