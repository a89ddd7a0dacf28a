// Folded forms for matching (ICU): names and words are compared after NFKC
// and case folding. Documents themselves are stored in NFC (common/utf8.h).
#pragma once

#include <string>
#include <string_view>

namespace pactum::text {

// NFKC case fold, for comparing names and words ("NORGE" == "norge",
// "ﬁ" == "fi", full-width letters to ASCII).
std::string fold(std::string_view s);

// Folds and drops diacritics ("Møre" -> "more", "Québec" -> "quebec"), for
// keys that should survive spelling variants. ø/æ/ß are transliterated.
std::string fold_ascii(std::string_view s);

}  // namespace pactum::text
