// The per-sentence view the extraction rules work on: a sentence's tokens,
// its lexicon and actor mentions, and its dates. Built once per sentence and
// shared by the event, people and layout rules (extract-internal).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/dates.h"
#include "extract/lexicon.h"
#include "text/segment.h"
#include "text/span.h"

namespace pactum::extract {

// An actor named in a sentence.
struct ActorMention {
  std::uint32_t first_token = 0, end_token = 0;
  std::uint32_t actor = 0;  // index into Gazetteer::actors()
  AliasForm form = AliasForm::kName;
  bool venue = false;       // after a location preposition ("in Brussels")
  bool aside = false;       // in a parenthesis or between dashes: an apposition, not a party
  bool source = false;      // the source of the news ("according to the ministry", "X said")
  bool attribute = false;   // describes an organization named next ("the Bergen cable maker X")
  bool name_end = false;    // a known organization ending a longer unknown name ("Australian Renewable Hydrogen Council")
  bool is_party() const { return !venue && !aside && !source && !attribute; }
};

// An organization the gazetteer does not know: a capitalised name with an
// organization head word ("Kyushu Bio Cluster", "S3 Hydrogen Valleys") or a
// legal form, a name after a demonym ("det belgiske Valoria") or listed with
// an organization, a city's port ("havnene i Hirtshals": "Port of Hirtshals",
// name is then that English name).
struct UnknownOrg {
  UnknownOrg() = default;
  UnknownOrg(std::uint32_t first, std::uint32_t end, std::string written, std::string words_lang = {})
      : first_token(first), end_token(end), name(std::move(written)), lang(std::move(words_lang)) {}
  std::uint32_t first_token = 0, end_token = 0;
  std::string name;
  std::string lang;  // the language its words are from, where not the text's ("Universidad de Antofagasta": es)
  // The state a body named by its fields stands in ("Vietnams Ministerium
  // for Industri og Handel": Vietnam), a gazetteer actor; -1 for others.
  std::int64_t seat = -1;
  bool state_acts = false;  // a ministry a demonym describes: named, its seat is the side
  // A quoted speaker's affiliation ("chief executive of the ... Council"):
  // named, no side of an act.
  bool affiliation = false;
};

struct SentenceView {
  text::Span span;                  // in the document text
  std::vector<text::Token> tokens;  // spans in the document text
  std::vector<Mention> mentions;    // lexicon and actor matches, longest first per start
  std::vector<ActorMention> actors; // one reading per span, in order
  std::vector<UnknownOrg> unknown_orgs;
  std::vector<DateMention> dates;
  int paragraph = 0;                // index of the paragraph (blank-line separated)
  bool own_line = false;            // the sentence is a whole line (headline, caption, list item)
  bool quote = false;               // inside a quotation: "– ...", "„...“", "«...»"

  // Lexicon mentions of one category, in token order.
  std::vector<const Mention*> of(Category c) const;
  bool has(Category c) const;
  bool has_label(Category c, std::string_view label) const;
  // A lexicon mention of category c that is token k alone ("the", "la").
  bool one_word_of(Category c, std::uint32_t k) const;
  // The text between tokens k - 1 and k of doc (k >= 1): ", ", " ", "-".
  std::string_view gap_before(std::string_view doc, std::uint32_t k) const;
  std::string_view text_of(std::string_view doc, std::uint32_t first, std::uint32_t end) const;
  // Whether an "and" joins what ends at token left_end to what begins at
  // right_first. tight: the "and" stands right between them ("Trøndelag og
  // Jämtland"); else it may follow more words of the left one, and only
  // determiners stand after it ("an MoU on hydrogen and a joint declaration").
  bool joined_by_and(std::uint32_t left_end, std::uint32_t right_first, bool tight) const;
};

// A place written right before an organization the rules found, with
// nothing or "の" between ("サラワク州のBorneo Hydrogen"), describes it: no party.
void mark_places_before_organizations(const Gazetteer& gazetteer, std::string_view doc, SentenceView& s);

// tokens, when given, is text::tokenize() of the sentence already made
// (spans in doc, e.g. from its line's tokens); it is taken.
SentenceView analyze_sentence(const Lexicon& lexicon, std::string_view lang, std::string_view doc,
                              text::Span span, const PartialDate& published,
                              std::vector<text::Token>* tokens = nullptr);

}  // namespace pactum::extract
