// Tests of the partnership network: Brandes betweenness against hand-worked
// values, label propagation on two cliques, and the graph built from agreements.
#include "analytics/network.h"

#include <gtest/gtest.h>

#include "analytics/export.h"

namespace pactum::analytics {
namespace {

using Adjacency = std::vector<std::vector<std::size_t>>;

Adjacency undirected(std::size_t n, const std::vector<std::pair<std::size_t, std::size_t>>& edges) {
  Adjacency adj(n);
  for (auto [a, b] : edges) {
    adj[a].push_back(b);
    adj[b].push_back(a);
  }
  return adj;
}

TEST(BetweennessTest, HandWorkedGraphs) {
  struct Case {
    const char* name;
    std::size_t n;
    std::vector<std::pair<std::size_t, std::size_t>> edges;
    std::vector<double> want;
  };
  const Case cases[] = {
      // a-b-c-d: b lies on a-c and a-d, c on a-d and b-d.
      {"path of four", 4, {{0, 1}, {1, 2}, {2, 3}}, {0, 2, 2, 0}},
      // Every pair of the four leaves passes the centre: C(4,2) = 6.
      {"star", 5, {{0, 1}, {0, 2}, {0, 3}, {0, 4}}, {6, 0, 0, 0, 0}},
      // Opposite corners have two shortest paths, each node carries half of one.
      {"square", 4, {{0, 1}, {1, 2}, {2, 3}, {3, 0}}, {0.5, 0.5, 0.5, 0.5}},
      {"triangle", 3, {{0, 1}, {1, 2}, {2, 0}}, {0, 0, 0}},
      // Two components: no path crosses between them.
      {"two pairs and a path", 5, {{0, 1}, {2, 3}, {3, 4}}, {0, 0, 0, 1, 0}},
      {"empty", 0, {}, {}},
  };
  for (const auto& c : cases) {
    auto got = betweenness_centrality(undirected(c.n, c.edges));
    ASSERT_EQ(got.size(), c.want.size()) << c.name;
    for (std::size_t i = 0; i < got.size(); ++i) EXPECT_DOUBLE_EQ(got[i], c.want[i]) << c.name << " node " << i;
  }
}

std::vector<std::vector<std::pair<std::size_t, double>>> weighted(
    std::size_t n, const std::vector<std::pair<std::size_t, std::size_t>>& edges) {
  std::vector<std::vector<std::pair<std::size_t, double>>> adj(n);
  for (auto [a, b] : edges) {
    adj[a].emplace_back(b, 1.0);
    adj[b].emplace_back(a, 1.0);
  }
  return adj;
}

std::vector<std::pair<std::size_t, std::size_t>> two_cliques(std::size_t bridge_a, std::size_t bridge_b) {
  std::vector<std::pair<std::size_t, std::size_t>> edges;
  for (std::size_t base : {0u, 4u}) {
    for (std::size_t i = 0; i < 4; ++i) {
      for (std::size_t j = i + 1; j < 4; ++j) edges.emplace_back(base + i, base + j);
    }
  }
  edges.emplace_back(bridge_a, bridge_b);
  return edges;
}

TEST(LabelPropagationTest, TwoCliquesJoinedByOneEdge) {
  // Wherever the bridge sits, the two cliques come out as two communities.
  const std::pair<std::size_t, std::size_t> bridges[] = {{3, 4}, {0, 4}, {0, 7}, {2, 5}};
  for (auto [a, b] : bridges) {
    auto community = label_propagation(weighted(8, two_cliques(a, b)));
    std::vector<int> want = {0, 0, 0, 0, 1, 1, 1, 1};
    EXPECT_EQ(community, want) << "bridge " << a << "-" << b;
  }
}

TEST(LabelPropagationTest, IsolatedNodesAreTheirOwnCommunity) {
  auto community = label_propagation(weighted(3, {{0, 1}}));
  EXPECT_EQ(community[0], community[1]);
  EXPECT_NE(community[2], community[0]);
}

store::ActorRecord actor(std::int64_t id, const std::string& name, const std::string& kind = "country") {
  store::ActorRecord a;
  a.id = id;
  a.name = name;
  a.kind = kind;
  return a;
}

store::AgreementRecord agreement(std::int64_t id, std::vector<store::ActorRecord> parties,
                                 std::vector<std::string> sectors, std::vector<std::string> dates,
                                 std::vector<std::int64_t> sources) {
  store::AgreementRecord r;
  r.id = id;
  r.instrument = "memorandum_of_understanding";
  r.parties = std::move(parties);
  r.sectors = std::move(sectors);
  for (const auto& d : dates) r.timeline.push_back({0, "signed", d, {}, sources});
  r.sources = std::move(sources);
  return r;
}

TEST(BuildNetworkTest, EdgesCountAgreementsAndSources) {
  auto no = actor(1, "Norway"), jp = actor(2, "Japan"), nrw = actor(3, "North Rhine-Westphalia", "region");
  std::vector<store::AgreementRecord> list = {
      agreement(10, {no, jp}, {"hydrogen"}, {"2023-12-08"}, {100, 101}),
      agreement(11, {jp, no}, {"offshore_wind"}, {"2019"}, {101, 102}),
      agreement(12, {nrw, jp}, {"hydrogen"}, {"2014", "2026"}, {103}),
  };
  auto net = build_network(list, {});
  ASSERT_EQ(net.nodes.size(), 3u);
  ASSERT_EQ(net.edges.size(), 2u);
  const auto& no_jp = net.edges[0];
  EXPECT_EQ(net.nodes[no_jp.source].name, "Norway");
  EXPECT_EQ(net.nodes[no_jp.target].name, "Japan");
  EXPECT_EQ(no_jp.weight(), 2);
  EXPECT_EQ(no_jp.sources, 3);
  EXPECT_EQ(no_jp.sectors, (std::vector<std::string>{"hydrogen", "offshore_wind"}));
  EXPECT_EQ(no_jp.years, (std::vector<int>{2019, 2023}));
  EXPECT_DOUBLE_EQ(net.nodes[1].betweenness, 1.0);  // Japan joins Norway and NRW
  EXPECT_EQ(net.nodes[1].degree, 2);
  EXPECT_EQ(net.nodes[1].weighted_degree, 3);

  struct Case {
    const char* name;
    NetworkFilter filter;
    std::size_t nodes, edges;
  };
  auto filter = [](std::optional<std::string> sector, std::optional<int> since, std::optional<int> until,
                   std::optional<std::string> kind) { return NetworkFilter{sector, since, until, kind}; };
  const Case cases[] = {
      {"sector", filter("hydrogen", {}, {}, {}), 3, 2},
      {"sector nobody names", filter("geothermal", {}, {}, {}), 0, 0},
      {"since", filter({}, 2020, {}, {}), 3, 2},
      {"until", filter({}, {}, 2015, {}), 2, 1},
      {"range without acts", filter({}, 2015, 2018, {}), 0, 0},
      {"kind", filter({}, {}, {}, "country"), 2, 1},
  };
  for (const auto& c : cases) {
    auto got = build_network(list, c.filter);
    EXPECT_EQ(got.nodes.size(), c.nodes) << c.name;
    EXPECT_EQ(got.edges.size(), c.edges) << c.name;
  }
}

TEST(ExportTest, GraphmlDeclaresKeysAndEscapes) {
  auto net = build_network({agreement(1, {actor(1, "A & B"), actor(2, "<C>")}, {}, {}, {})}, {});
  std::ostringstream out;
  write_network_graphml(net, out);
  auto xml = out.str();
  EXPECT_NE(xml.find("<key id=\"betweenness\" for=\"node\""), std::string::npos);
  EXPECT_NE(xml.find("A &amp; B"), std::string::npos);
  EXPECT_NE(xml.find("&lt;C&gt;"), std::string::npos);
  EXPECT_NE(xml.find("<edge id=\"e0\" source=\"n1\" target=\"n2\">"), std::string::npos);
}

}  // namespace
}  // namespace pactum::analytics
