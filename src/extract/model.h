// extract's contract: the facts read out of one document, in exactly the shape
// of ../shared/eval/SCHEMA.md. Strings hold canonical ids (instrument, stage,
// sector ids) or English canonical names; every fact keeps the span of text it
// came from, in the document's text.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "text/span.h"

namespace pactum::extract {

// An actor as named in an event: a country, region, supranational body,
// city or organization.
struct Party {
  std::string name;         // canonical English name ("Norway", "North Rhine-Westphalia")
  std::string kind;         // country | region | supranational | city | organization
  std::string country;      // ISO 3166-1 alpha-2, "EU" for the EU itself, "" if unknown
  std::string subdivision;  // ISO 3166-2 for regions ("DE-NW"), else ""
  text::Span span;          // the mention that named it
  friend bool operator==(const Party& a, const Party& b) {
    return a.name == b.name && a.kind == b.kind && a.country == b.country &&
           a.subdivision == b.subdivision;
  }
};

struct Signatory {
  std::string name;
  std::string role;         // English ("minister of trade and industry"), "" if not stated
  std::string affiliation;  // canonical English party name, "" if not known
};

struct Event {
  std::vector<Party> parties;
  std::string instrument;   // memorandum_of_understanding | joint_declaration | ...
  std::string stage;        // announced | negotiating | signed | renewed | ...
  std::string date;         // YYYY-MM-DD | YYYY-MM | YYYY | "" (null)
  std::vector<std::string> sectors;  // taxonomy ids
  std::vector<Signatory> signatories;
  std::optional<int> duration_years;
  std::string evidence;     // the sentence, verbatim
  text::Span evidence_span;
  double confidence = 0.0;  // 0..1: how sure the extractor is this is a real act
};

struct Person {
  std::string name;
  std::string role;         // English, "" if not stated
  std::string affiliation;  // English, "" if not known
  bool quoted = false;
  text::Span span;          // first mention
};

struct Extraction {
  std::string doc;          // the document's file name (or source)
  std::string source;       // URL or path
  std::string language;     // ISO 639-1, nb/nn split
  std::string published;    // YYYY-MM-DD | YYYY-MM | YYYY | ""
  std::string title;
  std::vector<Event> events;
  std::vector<Person> people;
  std::vector<std::string> organizations;  // canonical English names
};

}  // namespace pactum::extract
