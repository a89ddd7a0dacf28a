// analytics/export: JSON, CSV and GraphML writers for the analytics views (export.h).
#include "analytics/export.h"

#include <cctype>
#include <set>
#include <sstream>
#include <type_traits>

#include <nlohmann/json.hpp>

#include "common/csv.h"

namespace pactum::analytics {

namespace {

template <typename T>
std::string joined(const std::vector<T>& items, const char* separator) {
  std::string out;
  for (const auto& x : items) {
    if (!out.empty()) out += separator;
    if constexpr (std::is_same_v<T, std::string>) {
      out += x;
    } else {
      out += std::to_string(x);
    }
  }
  return out;
}

nlohmann::json node_json(const Node& n) {
  return {{"id", n.id},         {"name", n.name},
          {"kind", n.kind},     {"country", n.country},
          {"subdivision", n.subdivision}, {"degree", n.degree},
          {"weighted_degree", n.weighted_degree}, {"betweenness", n.betweenness},
          {"community", n.community}};
}

nlohmann::json edge_json(const Network& net, const Edge& e) {
  return {{"source", net.nodes[e.source].id}, {"target", net.nodes[e.target].id},
          {"weight", e.weight()},             {"sources", e.sources},
          {"agreements", e.agreement_ids},    {"sectors", e.sectors},
          {"instruments", e.instruments},     {"stages", e.stages},
          {"years", e.years}};
}

std::string number(double x) {
  std::ostringstream s;
  s << x;
  return s.str();
}

}  // namespace

std::string xml_escape(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += c;
    }
  }
  return out;
}

void write_network_json(const Network& net, std::ostream& out) {
  out << "{\"nodes\": [";
  for (std::size_t i = 0; i < net.nodes.size(); ++i) out << (i ? ",\n " : "\n ") << node_json(net.nodes[i]).dump();
  out << "\n],\n\"edges\": [";
  for (std::size_t i = 0; i < net.edges.size(); ++i) {
    out << (i ? ",\n " : "\n ") << edge_json(net, net.edges[i]).dump();
  }
  out << "\n]}\n";
}

void write_network_graphml(const Network& net, std::ostream& out) {
  struct Key { const char* id; const char* for_; const char* type; };
  static const Key kKeys[] = {
      {"name", "node", "string"},        {"kind", "node", "string"},
      {"country", "node", "string"},     {"subdivision", "node", "string"},
      {"degree", "node", "int"},         {"weighted_degree", "node", "int"},
      {"betweenness", "node", "double"}, {"community", "node", "int"},
      {"weight", "edge", "double"},      {"sources", "edge", "int"},
      {"agreements", "edge", "string"},  {"sectors", "edge", "string"},
      {"instruments", "edge", "string"}, {"stages", "edge", "string"},
      {"years", "edge", "string"},
  };
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
         "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
         "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (const auto& k : kKeys) {
    out << "  <key id=\"" << k.id << "\" for=\"" << k.for_ << "\" attr.name=\"" << k.id << "\" attr.type=\""
        << k.type << "\"/>\n";
  }
  out << "  <graph id=\"pactum\" edgedefault=\"undirected\">\n";
  auto data = [&out](const char* key, const std::string& value) {
    out << "      <data key=\"" << key << "\">" << xml_escape(value) << "</data>\n";
  };
  for (const auto& n : net.nodes) {
    out << "    <node id=\"n" << n.id << "\">\n";
    data("name", n.name);
    data("kind", n.kind);
    data("country", n.country);
    data("subdivision", n.subdivision);
    data("degree", std::to_string(n.degree));
    data("weighted_degree", std::to_string(n.weighted_degree));
    data("betweenness", number(n.betweenness));
    data("community", std::to_string(n.community));
    out << "    </node>\n";
  }
  for (std::size_t i = 0; i < net.edges.size(); ++i) {
    const auto& e = net.edges[i];
    out << "    <edge id=\"e" << i << "\" source=\"n" << net.nodes[e.source].id << "\" target=\"n"
        << net.nodes[e.target].id << "\">\n";
    data("weight", std::to_string(e.weight()));
    data("sources", std::to_string(e.sources));
    data("agreements", joined(e.agreement_ids, " "));
    data("sectors", joined(e.sectors, " "));
    data("instruments", joined(e.instruments, " "));
    data("stages", joined(e.stages, " "));
    data("years", joined(e.years, " "));
    out << "    </edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
}

std::string ftm_schema(const std::string& kind) {
  if (kind == "country" || kind == "region" || kind == "city" || kind == "supranational" ||
      kind == "government" || kind == "ministry" || kind == "agency") {
    return "PublicBody";
  }
  if (kind == "company") return "Company";
  return "Organization";
}

void write_network_ftm(const Network& net, const std::vector<store::AgreementRecord>& agreements,
                       const FtmContext& context, std::ostream& out) {
  auto lower = [](std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  std::map<std::int64_t, std::size_t> in_network;  // actor id -> node index
  for (std::size_t i = 0; i < net.nodes.size(); ++i) in_network[net.nodes[i].id] = i;
  for (const Node& n : net.nodes) {
    nlohmann::json props = {{"name", {n.name}}};
    // FtM's country type is lower-case ISO 3166-1 ("eu" is one of its codes).
    if (!n.country.empty()) props["country"] = {lower(n.country)};
    if (!n.subdivision.empty()) props["jurisdiction"] = {lower(n.country)};
    if (!n.kind.empty()) props["classification"] = {n.kind};
    if (context.actors) {
      if (auto it = context.actors->find(n.id); it != context.actors->end()) {
        nlohmann::json aliases = nlohmann::json::array();
        for (const auto& a : it->second.aliases) {
          if (a != n.name) aliases.push_back(a);
        }
        if (!aliases.empty()) props["alias"] = aliases;
      }
    }
    out << nlohmann::json({{"id", "pactum-actor-" + std::to_string(n.id)},
                           {"schema", ftm_schema(n.kind)},
                           {"properties", props}})
               .dump()
        << "\n";
  }
  std::set<std::int64_t> on_edges;
  for (const Edge& e : net.edges) on_edges.insert(e.agreement_ids.begin(), e.agreement_ids.end());
  for (const store::AgreementRecord& a : agreements) {
    if (!on_edges.count(a.id)) continue;
    nlohmann::json dates = nlohmann::json::array(), stages = nlohmann::json::array();
    for (const auto& act : a.timeline) {
      if (!act.date.empty()) dates.push_back(act.date);
      stages.push_back(act.stage + (act.date.empty() ? "" : " " + act.date));
    }
    nlohmann::json urls = nlohmann::json::array();
    for (std::int64_t doc : a.sources) {
      if (context.document_urls) {
        if (auto it = context.document_urls->find(doc); it != context.document_urls->end()) {
          urls.push_back(it->second);
          continue;
        }
      }
      urls.push_back("pactum:document/" + std::to_string(doc));
    }
    std::string summary = (a.sectors.empty() ? "" : "sectors: " + joined(a.sectors, ", ") + "; ") + "acts: ";
    for (std::size_t i = 0; i < stages.size(); ++i) summary += (i ? ", " : "") + stages[i].get<std::string>();
    std::vector<std::int64_t> parties;
    for (const auto& p : a.parties) {
      if (in_network.count(p.id)) parties.push_back(p.id);
    }
    for (std::size_t i = 0; i < parties.size(); ++i) {
      for (std::size_t j = i + 1; j < parties.size(); ++j) {
        nlohmann::json props = {{"subject", {"pactum-actor-" + std::to_string(parties[i])}},
                                {"object", {"pactum-actor-" + std::to_string(parties[j])}},
                                {"role", {a.instrument}},
                                {"summary", {summary}},
                                {"recordId", {std::to_string(a.id)}}};
        if (!a.first_date.empty()) props["startDate"] = {a.first_date};
        if (!dates.empty()) props["date"] = dates;
        if (!urls.empty()) props["sourceUrl"] = urls;
        out << nlohmann::json({{"id", "pactum-agreement-" + std::to_string(a.id) + "-" + std::to_string(parties[i]) +
                                          "-" + std::to_string(parties[j])},
                               {"schema", "UnknownLink"},
                               {"properties", props}})
                   .dump()
            << "\n";
      }
    }
  }
}

void write_edges_csv(const Network& net, std::ostream& out) {
  out << "Source,Target,source_name,target_name,Weight,sources,agreements,sectors,instruments,stages,years\n";
  for (const auto& e : net.edges) {
    const auto& a = net.nodes[e.source];
    const auto& b = net.nodes[e.target];
    out << a.id << ',' << b.id << ',' << csv_field(a.name) << ',' << csv_field(b.name) << ',' << e.weight() << ','
        << e.sources << ',' << joined(e.agreement_ids, " ") << ',' << csv_field(joined(e.sectors, " ")) << ','
        << csv_field(joined(e.instruments, " ")) << ',' << csv_field(joined(e.stages, " ")) << ','
        << joined(e.years, " ") << '\n';
  }
}

void write_nodes_csv(const Network& net, std::ostream& out) {
  out << "Id,Label,kind,country,subdivision,degree,weighted_degree,betweenness,community\n";
  for (const auto& n : net.nodes) {
    out << n.id << ',' << csv_field(n.name) << ',' << csv_field(n.kind) << ',' << csv_field(n.country) << ','
        << csv_field(n.subdivision) << ',' << n.degree << ',' << n.weighted_degree << ',' << number(n.betweenness)
        << ',' << n.community << '\n';
  }
}

void write_matrix_json(const Matrix& m, std::ostream& out) {
  out << "{\"sectors\": " << nlohmann::json(m.sectors).dump() << ",\n\"countries\": "
      << nlohmann::json(m.countries).dump() << ",\n\"cells\": [";
  bool first = true;
  for (const auto& [key, ids] : m.cells) {
    nlohmann::json cell = {{"sector", key.first}, {"country", key.second}, {"count", ids.size()},
                           {"agreements", ids}};
    out << (first ? "\n " : ",\n ") << cell.dump();
    first = false;
  }
  out << "\n]}\n";
}

void write_matrix_csv(const Matrix& m, std::ostream& out) {
  out << "sector,country,count,agreements\n";
  for (const auto& [key, ids] : m.cells) {
    out << csv_field(key.first) << ',' << csv_field(key.second) << ',' << ids.size() << ',' << joined(ids, " ")
        << '\n';
  }
}

}  // namespace pactum::analytics
