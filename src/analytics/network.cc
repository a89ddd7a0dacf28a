// analytics/network: builds the actor graph from agreements and computes its
// centralities and communities (network.h).
#include "analytics/network.h"

#include <algorithm>
#include <deque>
#include <map>
#include <set>

namespace pactum::analytics {

Result<std::vector<store::AgreementRecord>> load_agreements(store::Store& store) {
  return store.agreements(store::AgreementFilter{});
}

std::optional<int> year_of(const std::string& date) {
  if (date.size() < 4) return std::nullopt;
  int year = 0;
  for (int i = 0; i < 4; ++i) {
    if (date[i] < '0' || date[i] > '9') return std::nullopt;
    year = year * 10 + (date[i] - '0');
  }
  return year;
}

namespace {

bool passes(const store::AgreementRecord& r, const NetworkFilter& f) {
  if (f.sector && std::find(r.sectors.begin(), r.sectors.end(), *f.sector) == r.sectors.end()) return false;
  if (!f.since_year && !f.until_year) return true;
  // Undated agreements cannot be placed in a year range, so a range drops them.
  for (const auto& act : r.timeline) {
    auto y = year_of(act.date);
    if (!y) continue;
    if (f.since_year && *y < *f.since_year) continue;
    if (f.until_year && *y > *f.until_year) continue;
    return true;
  }
  return false;
}

template <typename T>
void sorted_unique(std::vector<T>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

}  // namespace

std::vector<double> betweenness_centrality(const std::vector<std::vector<std::size_t>>& adjacency) {
  const std::size_t n = adjacency.size();
  std::vector<double> centrality(n, 0.0);
  std::vector<std::size_t> order;
  std::vector<std::vector<std::size_t>> predecessors(n);
  std::vector<double> paths(n), dependency(n);
  std::vector<long> distance(n);
  for (std::size_t s = 0; s < n; ++s) {
    order.clear();
    for (std::size_t v = 0; v < n; ++v) predecessors[v].clear();
    std::fill(paths.begin(), paths.end(), 0.0);
    std::fill(dependency.begin(), dependency.end(), 0.0);
    std::fill(distance.begin(), distance.end(), -1);
    paths[s] = 1;
    distance[s] = 0;
    std::deque<std::size_t> queue{s};
    while (!queue.empty()) {
      auto v = queue.front();
      queue.pop_front();
      order.push_back(v);
      for (auto w : adjacency[v]) {
        if (distance[w] < 0) {
          distance[w] = distance[v] + 1;
          queue.push_back(w);
        }
        if (distance[w] == distance[v] + 1) {
          paths[w] += paths[v];
          predecessors[w].push_back(v);
        }
      }
    }
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
      auto w = *it;
      for (auto v : predecessors[w]) dependency[v] += paths[v] / paths[w] * (1 + dependency[w]);
      if (w != s) centrality[w] += dependency[w];
    }
  }
  // Every unordered pair was counted from both of its ends.
  for (auto& c : centrality) c /= 2;
  return centrality;
}

std::vector<int> label_propagation(const std::vector<std::vector<std::pair<std::size_t, double>>>& adjacency) {
  const std::size_t n = adjacency.size();
  std::vector<std::size_t> label(n);
  for (std::size_t v = 0; v < n; ++v) label[v] = v;
  // A neighbour's vote counts its edge weight times one plus their common
  // neighbours: an edge inside a dense group outvotes a lone bridge, so the
  // first node visited in a group does not follow a label from across it.
  std::vector<std::set<std::size_t>> neighbours(n);
  for (std::size_t v = 0; v < n; ++v) {
    for (const auto& [w, x] : adjacency[v]) neighbours[v].insert(w);
  }
  std::vector<std::vector<std::pair<std::size_t, double>>> votes(n);
  for (std::size_t v = 0; v < n; ++v) {
    for (const auto& [w, x] : adjacency[v]) {
      std::size_t common = 0;
      for (auto u : neighbours[v]) common += neighbours[w].count(u);
      votes[v].emplace_back(w, x * (1.0 + static_cast<double>(common)));
    }
  }
  // Asynchronous updates converge on almost every graph; the cap guards the
  // rare oscillation so the result stays deterministic either way.
  for (int round = 0; round < 100; ++round) {
    bool changed = false;
    for (std::size_t v = 0; v < n; ++v) {
      if (votes[v].empty()) continue;
      std::map<std::size_t, double> weight;
      for (const auto& [w, x] : votes[v]) weight[label[w]] += x;
      double best = 0;
      for (const auto& [l, x] : weight) best = std::max(best, x);
      std::size_t chosen = label[v];
      auto own = weight.find(label[v]);
      if (own == weight.end() || own->second < best) {
        for (const auto& [l, x] : weight) {
          if (x == best) chosen = l;  // the map is ordered: the last tie is the largest label
        }
      }
      if (chosen != label[v]) {
        label[v] = chosen;
        changed = true;
      }
    }
    if (!changed) break;
  }
  std::map<std::size_t, int> number;
  std::vector<int> community(n);
  for (std::size_t v = 0; v < n; ++v) {
    auto [it, fresh] = number.emplace(label[v], static_cast<int>(number.size()));
    community[v] = it->second;
  }
  return community;
}

Network build_network(const std::vector<store::AgreementRecord>& agreements, const NetworkFilter& filter) {
  Network net;
  std::map<std::int64_t, store::ActorRecord> actors;
  struct Pending {
    Edge edge;
    std::set<std::int64_t> documents;
  };
  std::map<std::pair<std::int64_t, std::int64_t>, Pending> pairs;  // by actor ids
  for (const auto& r : agreements) {
    if (!passes(r, filter)) continue;
    std::vector<const store::ActorRecord*> parties;
    for (const auto& p : r.parties) {
      if (filter.kind && p.kind != *filter.kind) continue;
      if (std::none_of(parties.begin(), parties.end(), [&](auto* q) { return q->id == p.id; })) {
        parties.push_back(&p);
      }
    }
    for (std::size_t i = 0; i < parties.size(); ++i) {
      for (std::size_t j = i + 1; j < parties.size(); ++j) {
        auto a = parties[i], b = parties[j];
        if (a->id > b->id) std::swap(a, b);
        actors.emplace(a->id, *a);
        actors.emplace(b->id, *b);
        auto& pending = pairs[{a->id, b->id}];
        auto& e = pending.edge;
        e.agreement_ids.push_back(r.id);
        pending.documents.insert(r.sources.begin(), r.sources.end());
        e.sectors.insert(e.sectors.end(), r.sectors.begin(), r.sectors.end());
        e.instruments.push_back(r.instrument);
        for (const auto& act : r.timeline) {
          e.stages.push_back(act.stage);
          if (auto y = year_of(act.date)) e.years.push_back(*y);
        }
      }
    }
  }
  std::map<std::int64_t, std::size_t> index;
  for (const auto& [id, a] : actors) {
    index[id] = net.nodes.size();
    net.nodes.push_back(Node{a.id, a.name, a.kind, a.country, a.subdivision});
  }
  std::vector<std::vector<std::size_t>> adjacency(net.nodes.size());
  std::vector<std::vector<std::pair<std::size_t, double>>> weighted(net.nodes.size());
  for (auto& [ids, pending] : pairs) {
    Edge e = std::move(pending.edge);
    e.source = index[ids.first];
    e.target = index[ids.second];
    e.sources = static_cast<int>(pending.documents.size());
    sorted_unique(e.agreement_ids);
    sorted_unique(e.sectors);
    sorted_unique(e.instruments);
    sorted_unique(e.stages);
    sorted_unique(e.years);
    adjacency[e.source].push_back(e.target);
    adjacency[e.target].push_back(e.source);
    weighted[e.source].emplace_back(e.target, e.weight());
    weighted[e.target].emplace_back(e.source, e.weight());
    for (auto v : {e.source, e.target}) {
      net.nodes[v].degree += 1;
      net.nodes[v].weighted_degree += e.weight();
    }
    net.edges.push_back(std::move(e));
  }
  auto between = betweenness_centrality(adjacency);
  auto community = label_propagation(weighted);
  for (std::size_t v = 0; v < net.nodes.size(); ++v) {
    net.nodes[v].betweenness = between[v];
    net.nodes[v].community = community[v];
  }
  return net;
}

}  // namespace pactum::analytics
