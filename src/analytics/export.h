// analytics/export: the network and the matrix as JSON, CSV and GraphML,
// written row by row to a stream (no row cap, nothing held twice).
#pragma once

#include <ostream>

#include "analytics/network.h"
#include "analytics/views.h"

namespace pactum::analytics {

// {"nodes": [...], "edges": [...]}; edges name their ends by actor id.
void write_network_json(const Network& net, std::ostream& out);
// GraphML (http://graphml.graphdrawing.org/xmlns) with a <key> per attribute,
// so Gephi and yEd show names, kinds, weights and centralities.
void write_network_graphml(const Network& net, std::ostream& out);
// One row per edge (Gephi's edge table: Source, Target, Weight, ...).
void write_edges_csv(const Network& net, std::ostream& out);
// One row per node with its centralities and community.
void write_nodes_csv(const Network& net, std::ostream& out);

// {"sectors", "countries", "cells": [{sector, country, count, agreements}]}.
void write_matrix_json(const Matrix& m, std::ostream& out);
// One row per non-empty cell: sector,country,count,agreements (ids joined by ' ').
void write_matrix_csv(const Matrix& m, std::ostream& out);

// A CSV field, quoted when it holds a comma, quote or line break (RFC 4180).
std::string csv_field(const std::string& s);
// Text escaped for XML character data and attribute values.
std::string xml_escape(const std::string& s);

}  // namespace pactum::analytics
