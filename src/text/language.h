// Language identification (CLD2, full tables), with Norwegian bokmål and
// nynorsk told apart. Looks at a bounded prefix of the text, so the cost per
// document is bounded too.
#pragma once

#include <string>
#include <string_view>

namespace pactum::text {

struct LanguageGuess {
  std::string code;     // ISO 639-1 ("en", "de", "nb", "nn", "ja", ...), "" when unknown
  int percent = 0;      // share of the text in that language
  bool reliable = false;
};

// A text whose letters are in the scripts of one language alone for a fifth
// or more (data/lang/scripts.tsv: kana for Japanese) is that language;
// otherwise CLD2 on the first 8 KB of utf8_text (cut on a character boundary). When
// CLD2 says nb, nn or da, marker words (data/lexicon/{nb,nn,da}/markers.txt)
// vote, and a clear winner (2+ votes, more than each other) overrides CLD2,
// which goes wrong on a sentence or two. "no" is reported as "nb", "zh-Hant"
// as "zh"; languages with no ISO 639-1 code keep CLD2's 3-letter code.
// Thread-safe.
LanguageGuess identify_language(std::string_view utf8_text);

namespace internal {
// The language the scripts of utf8_text's prefix name without CLD2
// (data/lang/scripts.tsv: kana for Japanese), or "" when they name none.
std::string language_by_script(std::string_view utf8_text);
}  // namespace internal

}  // namespace pactum::text
