// Naming passes over a whole text, after each sentence's analysis and
// before its events are read: an organization named once in full is what
// the text's shorter mentions of it name (its name without the legal form,
// its acronym, a description, "the agency"). They add actors and unknown
// organizations to the sentence views. Extract-internal.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extract/analysis.h"
#include "extract/gazetteer.h"

namespace pactum::extract {

// True when word occurs in name delimited by non-letters ("EU" in
// "EU-Japan Centre", not in "EUROPA").
bool contains_word(const std::string& name, const std::string& word);

// A name written with its legal form ("Nordkyst Kabel AS") and later
// without it; a head with its link ("Politecnico di Torino") and later
// with an article alone.
void name_short_forms(std::vector<SentenceView>& views, std::string_view text, const Gazetteer& g);

// An acronym in brackets after a name ("... Corporation (KNOC)") names
// that organization anywhere in the text.
void name_acronyms(std::vector<SentenceView>& views, std::string_view text, const Gazetteer& g);

// A description that introduced an organization ("el grupo japonés Kaiyo
// Sangyo") names it again when no name follows it.
void name_described_references(std::vector<SentenceView>& views, std::string_view text, const Gazetteer& g);

}  // namespace pactum::extract
