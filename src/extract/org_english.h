// The English name of an organization the rules found by its words
// (analysis.cc's UnknownOrg: a name after an organization noun, an acronym,
// a name with a legal form), which otherwise keeps the words of the text.
// SCHEMA.md asks for canonical English names; the gazetteer's organizations
// have theirs, these get one from lexicon/<lang>/org_word.tsv (extract-internal).
#pragma once

#include <string>
#include <string_view>

#include "extract/lexicon.h"

namespace pactum::extract {

// name in English when lang's org_word table names every word of it but
// one place: "Universitetet i Bergen" -> "University of Bergen", "Hafen
// Stavanger" -> "Port of Stavanger", "Stavanger havn" -> "Port of
// Stavanger", "Universidade Técnica da Dinamarca" -> "Technical University
// of Denmark" (a place the gazetteer knows by its English name). The place
// keeps its written form otherwise; it follows a link word ("i", "de"), or,
// right after a head ("Hafen"), must be a place the gazetteer knows. name
// itself when the table leaves any other word out, or has no head word in
// it ("Politecnico di Torino" with no row for "politecnico").
std::string english_org_name(const Lexicon& lexicon, std::string_view lang, std::string_view name);

}  // namespace pactum::extract
