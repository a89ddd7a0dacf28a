// Latin readings of Japanese words, from MeCab's IPADIC pronunciations in
// Hepburn romanization: how English texts write Japanese names ("内堀" ->
// "uchibori", "佐藤" -> "sato"). Long vowels are written short, as in names.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "text/span.h"

namespace pactum::text {

// The Hepburn reading of katakana (or hiragana) text, lower case; "" if a
// character is neither ("ウチボリ" -> "uchibori", "サトー" -> "sato").
std::string hepburn(std::string_view kana);

// A word of Japanese text as tokenize(text, "ja") splits it, and its reading
// ("" for a word without a pronunciation: unknown words, symbols, Latin).
struct LatinWord {
  Span span;  // in the text given
  std::string latin;
  bool proper_name = false;  // a surname or given name (Token::proper_name)
};

// The words of Japanese text with their readings, in order. A word's reading
// depends on its neighbours (陽子 alone is read ヨウシ, in 上川陽子 ヨウコ), so
// give the whole sentence and pick words by span. Empty if the dictionary is
// missing. Thread-safe.
std::vector<LatinWord> latin_words(std::string_view japanese);

// The reading of Japanese text as MeCab pronounces it, lower case, the words
// run together; "" if the dictionary is missing or a word has no
// pronunciation (an unknown word, a symbol, Latin letters). Thread-safe.
std::string latin_reading(std::string_view japanese);

}  // namespace pactum::text
