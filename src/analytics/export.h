// analytics/export: the network and the matrix as JSON, CSV and GraphML,
// written row by row to a stream (no row cap, nothing held twice).
#pragma once

#include <map>
#include <ostream>

#include "analytics/network.h"
#include "analytics/views.h"

namespace pactum::analytics {

// {"nodes": [...], "edges": [...]}; edges name their ends by actor id.
void write_network_json(const Network& net, std::ostream& out);
// GraphML (http://graphml.graphdrawing.org/xmlns) with a <key> per attribute,
// so Gephi and yEd show names, kinds, weights and centralities.
void write_network_graphml(const Network& net, std::ostream& out);
// FollowTheMoney-style entities, one JSON object per line (the entity
// stream that FtM tools read): each node as a PublicBody (country, region,
// city, supranational) or Organization/Company, with name, aliases and
// country; each agreement behind an edge as an UnknownLink per pair of its
// parties in the network (role: instrument; startDate: its first dated act;
// date: every act's date; sourceUrl: its sources). Ids are stable
// ("pactum-actor-<id>", "pactum-agreement-<id>-<a>-<b>"). Written as it goes.
struct FtmContext {
  const std::map<std::int64_t, store::ActorRecord>* actors = nullptr;      // for aliases; may be null
  const std::map<std::int64_t, std::string>* document_urls = nullptr;      // source id -> URL or path
};
void write_network_ftm(const Network& net, const std::vector<store::AgreementRecord>& agreements,
                       const FtmContext& context, std::ostream& out);
// The FtM schema of an actor kind.
std::string ftm_schema(const std::string& kind);

// One row per edge (Gephi's edge table: Source, Target, Weight, ...).
void write_edges_csv(const Network& net, std::ostream& out);
// One row per node with its centralities and community.
void write_nodes_csv(const Network& net, std::ostream& out);

// {"sectors", "countries", "cells": [{sector, country, count, agreements}]}.
void write_matrix_json(const Matrix& m, std::ostream& out);
// One row per non-empty cell: sector,country,count,agreements (ids joined by ' ').
void write_matrix_csv(const Matrix& m, std::ostream& out);

// Text escaped for XML character data and attribute values.
std::string xml_escape(const std::string& s);

}  // namespace pactum::analytics
