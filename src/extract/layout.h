// The layout of a press page read as text: its title, its dateline (the
// publication date), where the article ends and the chrome begins ("latest
// press releases", contact blocks, lists of other headlines), and which
// sentences form the lead. Extract-internal.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extract/dates.h"
#include "extract/lexicon.h"
#include "ingest/document.h"
#include "text/segment.h"
#include "text/span.h"

namespace pactum::extract {

struct LayoutSentence {
  text::Span span;
  int paragraph = 0;
  bool own_line = false;  // the sentence is its whole line
  // text::tokenize() of the sentence (spans in the document), taken from its
  // line's tokens when has_tokens (the line cuts cleanly at its ends).
  std::vector<text::Token> tokens;
  bool has_tokens = false;
};

struct Layout {
  std::string title;
  PartialDate published;
  std::vector<LayoutSentence> sentences;  // of the article only, chrome removed
  std::size_t lead_sentences = 0;         // sentences[0, lead_sentences) are title and lead
};

Layout analyze_layout(const Lexicon& lexicon, std::string_view lang, std::string_view text,
                      const ingest::Document& doc);

}  // namespace pactum::extract
