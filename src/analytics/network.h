// analytics/network: the partnership network (actors as nodes, agreements as
// edges), its centrality and communities. The algorithms take plain structs;
// load_agreements() is the one place that reads them from a Store.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "store/store.h"

namespace pactum::analytics {

// Every agreement of the store (undated, uncurated and all), in the store's order.
Result<std::vector<store::AgreementRecord>> load_agreements(store::Store& store);

// Which agreements and actors make the network; unset members do not filter.
struct NetworkFilter {
  std::optional<std::string> sector;  // the agreement names this sector id
  std::optional<int> since_year;      // an act dated in [since_year, until_year]
  std::optional<int> until_year;
  std::optional<std::string> kind;    // only actors of this kind (country, region, company, ...)
};

struct Node {
  std::int64_t id = 0;  // actor id
  std::string name, kind, country, subdivision;
  int degree = 0;              // distinct partners
  int weighted_degree = 0;     // agreements with any partner, counted per partner
  double betweenness = 0;      // Brandes, undirected, unnormalised
  int community = 0;           // 0.. in order of the community's first node
};

// All agreements between two actors, merged into one undirected edge.
struct Edge {
  std::size_t source = 0, target = 0;       // indexes into Network::nodes, source < target
  std::vector<std::int64_t> agreement_ids;  // its weight is their number
  int sources = 0;                          // distinct documents behind them
  std::vector<std::string> sectors, instruments, stages;  // sorted, distinct
  std::vector<int> years;                                 // of dated acts, sorted, distinct
  int weight() const { return static_cast<int>(agreement_ids.size()); }
};

struct Network {
  std::vector<Node> nodes;  // by actor id
  std::vector<Edge> edges;  // by (source, target)
};

// Builds the graph: an agreement of n parties adds an edge between each pair
// of them that passes the kind filter. Fills degrees, betweenness and communities.
Network build_network(const std::vector<store::AgreementRecord>& agreements, const NetworkFilter& filter);

// Betweenness of every node of an undirected, unweighted graph given as
// adjacency lists (Brandes 2001); each unordered pair counted once.
std::vector<double> betweenness_centrality(const std::vector<std::vector<std::size_t>>& adjacency);

// Label propagation (Raghavan et al. 2007) made deterministic: nodes are
// visited in index order, a node takes the label of greatest summed vote
// among its neighbours (edge weight times one plus their common neighbours),
// keeping its own on a tie and else taking the largest tied label. Returns
// community numbers 0.. in order of first node.
std::vector<int> label_propagation(const std::vector<std::vector<std::pair<std::size_t, double>>>& adjacency);

// The year of a "YYYY[-MM[-DD]]" date, or nullopt.
std::optional<int> year_of(const std::string& date);

}  // namespace pactum::analytics
