// Sentences and tokens. Sentence boundaries come from ICU's sentence
// iterator, plus the boundaries that press pages have and ICU does not see:
// a line break after a headline or a list item, a blank line between
// paragraphs. Known abbreviations ("Dr.", "bzw.", "f.eks.") do not end a
// sentence. Tokens come from ICU's word iterator, or MeCab for Japanese.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "text/span.h"

namespace pactum::text {

// Byte spans of the sentences of text, trimmed of surrounding whitespace, in
// order. lang is an ISO 639-1 code or "".
std::vector<Span> split_sentences(std::string_view text, std::string_view lang);

struct Token {
  Span span;          // in the text passed to tokenize
  std::string folded; // fold() of the token's text
  bool is_word = true; // false for numbers and punctuation
};

// Words and numbers of text (punctuation and spaces dropped).
std::vector<Token> tokenize(std::string_view text, std::string_view lang);

}  // namespace pactum::text
