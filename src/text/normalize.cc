// Folding for matching: NFKC_Casefold (fold) and the diacritic-free key
// (fold_ascii). Both are pure functions, safe to call from any thread.
#include "text/normalize.h"

#include <algorithm>
#include <cstdint>

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

namespace pactum::text {
namespace {

bool is_ascii(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

// ICU's normalizer singletons are immutable after creation and documented as
// thread-safe, so no per-thread copies are needed (unlike Transliterator).
const icu::Normalizer2* nfkc_casefold() {
  static const icu::Normalizer2* const instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  return instance;
}

const icu::Normalizer2* nfd() {
  static const icu::Normalizer2* const instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  return instance;
}

const icu::Normalizer2* nfc() {
  static const icu::Normalizer2* const instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  return instance;
}

// Marks are dropped only from letters of these scripts. Elsewhere a mark is
// part of the letter: the kana voicing mark (ガ = カ + U+3099), Indic vowel
// signs.
bool strips_marks(UScriptCode script) {
  return script == USCRIPT_LATIN || script == USCRIPT_GREEK || script == USCRIPT_CYRILLIC ||
         script == USCRIPT_COMMON;
}

// Letters that NFD does not decompose but that readers treat as a base letter
// plus a mark (Nordic, German, Polish, Croatian...). Input is already case
// folded, so only lower case appears here.
const char16_t* ascii_replacement(UChar32 c) {
  switch (c) {
    case 0x00F8: return u"o";   // ø
    case 0x00E6: return u"ae";  // æ
    case 0x00DF: return u"ss";  // ß (fold already maps it; kept for clarity)
    case 0x0153: return u"oe";  // œ
    case 0x0111: return u"d";   // đ
    case 0x0142: return u"l";   // ł
    case 0x00F0: return u"d";   // ð
    case 0x00FE: return u"th";  // þ
    case 0x0127: return u"h";   // ħ
    case 0x0131: return u"i";   // dotless ı
    default: return nullptr;
  }
}

// Kana and Han that NFKC_Casefold maps to themselves: starters with no
// decomposition and no case, none of which composes with another of them
// (kana compose only with the voicing marks U+3099/U+309A, left out here, as
// are ゛゜ゟ・ヿ, which NFKC changes). normalize_test checks every one of
// them, and strings of them, against ICU.
inline bool fold_invariant_cjk(UChar32 c) {
  return (c >= 0x3041 && c <= 0x3096) || (c >= 0x30A1 && c <= 0x30FA) || (c >= 0x30FC && c <= 0x30FE) ||
         (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || c == 0x3005;
}

bool all_fold_invariant_cjk(std::string_view s) {
  // Every such character is three bytes, E3..E9 and two continuation bytes
  // (U+3005..U+9FFF: no overlong form, no surrogate), so they are decoded
  // here by hand; anything else (a shorter or longer sequence, another
  // lead byte, bad UTF-8) is no such character.
  const auto* b = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  for (; i + 3 <= n; i += 3) {
    const unsigned c0 = b[i], c1 = b[i + 1], c2 = b[i + 2];
    if (c0 < 0xE3 || c0 > 0xE9 || (c1 & 0xC0u) != 0x80 || (c2 & 0xC0u) != 0x80) return false;
    if (c0 >= 0xE5) continue;  // U+5000..U+9FFF: Han, all of it
    const auto c = static_cast<UChar32>(((c0 & 0x0Fu) << 12) | ((c1 & 0x3Fu) << 6) | (c2 & 0x3Fu));
    if (!fold_invariant_cjk(c)) return false;
  }
  return i == n;
}

// CJK brackets and marks with no decomposition and no case, starters that
// compose with nothing: 、。 U+3001..U+3002, 〈〉《》「」『』【】 U+3008..U+3011,
// 〔〕〖〗〘〙〚〛 U+3014..U+301B (normalize_test checks them against ICU).
bool fold_invariant_cjk_mark(UChar32 c) {
  return (c >= 0x3001 && c <= 0x3002) || (c >= 0x3008 && c <= 0x3011) || (c >= 0x3014 && c <= 0x301B);
}

}  // namespace

FoldInvariantOpening fold_invariant_opening(std::string_view s) {
  FoldInvariantOpening out;
  out.first_letter = SIZE_MAX;
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  const auto length = static_cast<int32_t>(std::min<std::size_t>(s.size(), INT32_MAX));
  for (int32_t i = 0; i < length;) {
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0 || (!fold_invariant_cjk(c) && !fold_invariant_cjk_mark(c))) break;
    if (out.first_letter == SIZE_MAX && (u_isalpha(c) || u_isdigit(c))) out.first_letter = static_cast<std::size_t>(at);
    out.end = static_cast<std::size_t>(i);
  }
  if (out.first_letter == SIZE_MAX) out.first_letter = out.end;
  return out;
}

std::string fold(std::string_view s) {
  std::string out;
  if (is_ascii(s)) {
    // NFKC_Casefold maps ASCII to lower-case ASCII and nothing else: skip ICU.
    out.resize(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
      char c = s[i];
      out[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c;
    }
    return out;
  }
  // Japanese words are mostly such kana and Han: no ICU call for them.
  if (all_fold_invariant_cjk(s)) return std::string(s);
  const icu::Normalizer2* norm = nfkc_casefold();
  if (norm == nullptr) return std::string(s);
  out.reserve(s.size());
  icu::StringByteSink<std::string> sink(&out);
  UErrorCode status = U_ZERO_ERROR;
  norm->normalizeUTF8(0, icu::StringPiece(s.data(), static_cast<int32_t>(s.size())), sink,
                      nullptr, status);
  if (U_FAILURE(status)) return std::string(s);
  return out;
}

std::string fold_ascii(std::string_view s) {
  std::string folded = fold(s);
  if (is_ascii(folded)) return folded;
  const icu::Normalizer2* decompose = nfd();
  const icu::Normalizer2* compose = nfc();
  if (decompose == nullptr || compose == nullptr) return folded;

  // NFD, drop nonspacing marks, map the letters NFD keeps whole, NFC: like the
  // Transliterator "NFD; [:Nonspacing Mark:] Remove; NFC", but built from
  // thread-safe normalizer singletons (no per-thread clone needed), and
  // keeping marks on non-Latin/Greek/Cyrillic letters (see strips_marks).
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString decomposed =
      decompose->normalize(icu::UnicodeString::fromUTF8(folded), status);
  if (U_FAILURE(status)) return folded;
  icu::UnicodeString stripped;
  bool strip = false;  // whether marks on the current base letter are dropped
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) {
      if (strip) continue;
    } else {
      UErrorCode script_status = U_ZERO_ERROR;
      strip = strips_marks(uscript_getScript(c, &script_status));
    }
    if (const char16_t* r = ascii_replacement(c)) {
      stripped.append(r);
    } else {
      stripped.append(c);
    }
  }
  icu::UnicodeString composed = compose->normalize(stripped, status);
  if (U_FAILURE(status)) return folded;
  std::string out;
  composed.toUTF8String(out);
  return out;
}

}  // namespace pactum::text

namespace pactum::text {

bool may_fold_to_digit(std::string_view s) {
  const auto* b = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  for (std::size_t i = 0; i < n; ++i) {
    const unsigned char c = b[i];
    if (c < 0x80) {
      if (c >= '0' && c <= '9') return true;
      continue;
    }
    const unsigned char next = i + 1 < n ? b[i + 1] : 0;
    // U+00B2 U+00B3 U+00B9 (superscripts), U+00BC..U+00BE (fractions).
    if (c == 0xC2 && (next == 0xB2 || next == 0xB3 || next == 0xB9 || (next >= 0xBC && next <= 0xBE))) return true;
    if (c == 0xE2 && next >= 0x81 && next <= 0x93) return true;  // U+2040..U+24FF
    if (c == 0xE3 && next >= 0x88 && next <= 0x8F) return true;  // U+3200..U+33FF
    // U+FF10..U+FF19, full-width digits.
    if (c == 0xEF && next == 0xBC && i + 2 < n && b[i + 2] >= 0x90 && b[i + 2] <= 0x99) return true;
    if (c >= 0xF0) return true;  // past U+FFFF
  }
  return false;
}

bool starts_upper(std::string_view word, bool digits_count) {
  if (word.empty()) return false;
  // ASCII without ICU (asked for most tokens of a Latin text): there
  // u_isupper is A-Z and u_isdigit 0-9.
  if (const auto b = static_cast<unsigned char>(word[0]); b < 0x80) {
    return (b >= 'A' && b <= 'Z') || (digits_count && b >= '0' && b <= '9');
  }
  int32_t i = 0;
  UChar32 c = 0;
  // ICU's U8_NEXT converts between int widths inside the macro.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"
  U8_NEXT(word.data(), i, static_cast<int32_t>(word.size()), c);
#pragma GCC diagnostic pop
  return c >= 0 && (u_isupper(c) || (digits_count && u_isdigit(c)));
}

}  // namespace pactum::text
