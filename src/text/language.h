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

LanguageGuess identify_language(std::string_view utf8_text);

}  // namespace pactum::text
