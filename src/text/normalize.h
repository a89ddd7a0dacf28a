// Folded forms for matching (ICU): names and words are compared after NFKC
// and case folding. Documents themselves are stored in NFC (common/utf8.h).
#pragma once

#include <string>
#include <string_view>

namespace pactum::text {

// NFKC case fold, for comparing names and words ("NORGE" == "norge",
// "ﬁ" == "fi", "Straße" == "strasse", full-width letters to ASCII, half-width
// katakana to full-width). Both functions are thread-safe.
std::string fold(std::string_view s);

// Folds and drops diacritics ("Møre" -> "more", "Québec" -> "quebec"), for
// keys that should survive spelling variants. ø/æ/ß/œ/đ/ł/þ are
// transliterated. Only Latin, Greek and Cyrillic letters lose their marks:
// Japanese is left alone ("ヴ" does not become "ウ"), so the result is ASCII
// only for Latin input.
std::string fold_ascii(std::string_view s);

// False only when no character of s folds to a text holding an ASCII digit
// (fold() makes one of '0'..'9', full-width digits, super- and subscripts,
// circled numbers, "㏠"); so a reader of folded numbers can skip such a text
// without folding it. Conservative: all of U+2040..U+24FF, U+3200..U+33FF
// and everything past U+FFFF count as digits.
bool may_fold_to_digit(std::string_view s);

// The longest opening of s whose characters each fold to themselves whatever
// stands around them (the kana and Han fold() passes through, and the CJK
// brackets and marks 、。〈〉《》「」『』【】〔〕〖〗〘〙〚〛): its end, and the
// byte offset of its first letter or digit (u_isalpha, u_isdigit; end if it
// has none; its characters that are not letters are all in U+3000..U+303F).
// fold(x) == x for every substring x of it; and since each of its
// characters is a starter that composes with nothing, fold(x + y) == x +
// fold(y) for x ending before its last character.
struct FoldInvariantOpening {
  std::size_t end = 0;
  std::size_t first_letter = 0;
};
FoldInvariantOpening fold_invariant_opening(std::string_view s);

}  // namespace pactum::text

namespace pactum::text {

// True when the word's first character is an upper-case letter ("Norge",
// "Øst") or, with digits_count, a digit ("S3 Hydrogen Valleys").
bool starts_upper(std::string_view word, bool digits_count = false);

}  // namespace pactum::text
