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
// order; empty sentences are dropped. lang is an ISO 639-1 code or "" (then
// no abbreviation list applies). Every '\n' ends a sentence. No boundary after
// an abbreviation of data/lexicon/<lang>/abbreviations.txt, an initial
// ("Jonas G. Støre"), a list number opening a line ("1. Innledning"), or a
// day or ordinal before a month or number ("8. Dezember", "08. des. 2023";
// in German also "im 4. Quartal"). Japanese: no boundary inside a matched
// 「…」/『…』 on one line, nor between 」 and a following と.
// Thread-safe; each thread keeps its own ICU iterators.
std::vector<Span> split_sentences(std::string_view text, std::string_view lang);

// Whether text ends a sentence: its last character, past closing quotes
// and brackets (Unicode Sentence_Break Close), is a terminal (STerm or
// ATerm: ". ! ? 。 ！ ？ …"), as the sentence splitter reads them. A line that
// does not is a heading or a list item ("Neue Partner für Wasserstoff in
// Bremen").
bool ends_with_terminal(std::string_view text);

struct Token {
  Span span;          // in the text passed to tokenize
  std::string folded; // fold() of the token's text
  bool is_word = true; // false for numbers ("2023", "1,500", "２０２３")
  bool proper_name = false;  // Japanese: MeCab reads it as a person's surname or given name
};

// Words and numbers of text, in order (punctuation and spaces dropped).
// ICU's word rules: "Norway's", "f.eks", "U.S" and "1,500" stay whole, but
// hyphenated compounds come out as their parts ("norsk-britiske" -> "norsk",
// "britiske"; "Nordrhein-Westfalen" -> "Nordrhein", "Westfalen"), so
// phrase matchers must tokenize their patterns the same way. Japanese ("ja")
// goes through MeCab with IPADIC ("福島県" -> "福島", "県"; "ノルトライン・
// ヴェストファーレン" stays whole), fed a sentence at a time; if the dictionary
// is missing, ICU's segmentation is used instead. Thread-safe; each thread
// keeps its own ICU iterator and MeCab tagger.
std::vector<Token> tokenize(std::string_view text, std::string_view lang);

// Whether tokenize(text, lang) cuts cleanly at pos: the tokens of
// text.substr(0, pos) and of text.substr(pos), each tokenized alone, are the
// tokens of text (spans shifted), so one tokenization of a line serves its
// sentences and its opening. True at 0 and text.size(); elsewhere, Japanese:
// where one of the chunks MeCab is fed ends (see tokenize.cc); other
// languages: next to a space or tab, unless a combining mark or format
// character (which would join the space) opens text.substr(pos). False when
// unsure.
bool is_token_cut(std::string_view text, std::size_t pos, std::string_view lang);

}  // namespace pactum::text
