// People: names with their roles, affiliations, and whether they are quoted.
// A name is a run of capitalised words introduced by a role ("næringsminister
// Jan Christian Vestre", "President Ursula von der Leyen") or attached to a
// speech verb ("..., sier Vestre", "so Neubaur"). Extract-internal.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extract/analysis.h"
#include "extract/layout.h"
#include "extract/model.h"

namespace pactum::extract {

// lang: the document's language, for the case forms of names it writes:
// name_case.tsv ("Virtasen mukaan" is Virtanen; a name
// after a role in another case, "premiera Donalda Tuska", is Donald Tusk).
std::vector<Person> find_people(const Lexicon& lexicon, std::string_view text,
                                const std::vector<SentenceView>& views, const Layout& layout,
                                std::string_view lang = "");

// True for a word that can stand in a Japanese title ("経済", "エネルギー"):
// Han or katakana only (by Unicode script), not kana particles or Latin.
bool is_title_word(std::string_view word);

// The people named in a sentence who signed what it reports (for stages
// where someone signs). The sentence is `span` of `text`, where the
// people's spans point.
std::vector<Signatory> signatories_in(const std::vector<Person>& people, std::string_view text, text::Span span,
                                      const std::string& stage);

}  // namespace pactum::extract
