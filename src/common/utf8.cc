// UTF-8 validation (by hand: it is the hot path of every ingest and ICU's
// converters would copy) and NFC normalisation (ICU).
#include "common/utf8.h"

#include <cstdint>
#include <cstring>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

namespace pactum {

bool is_valid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  while (p < end) {
    unsigned char c = *p;
    if (c < 0x80) {
      // Eight ASCII bytes at once (most of a Latin-script text); tried only
      // at an ASCII byte, so Japanese text does not pay for it.
      if (end - p >= 8 && ascii_run_of_8(p) == 8) {
        p += 8;
        continue;
      }
      ++p;
      continue;
    }
    // Three bytes (kana, Han, CJK marks: most of a Japanese text), checked
    // without the general loop.
    if (c >= 0xE0 && c <= 0xEF && end - p > 2) {
      if (three_byte_code_point(p, static_cast<std::size_t>(end - p)) < 0) return false;
      p += 3;
      continue;
    }
    int n;
    std::uint32_t cp;
    if ((c & 0xE0) == 0xC0) { n = 1; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { n = 2; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { n = 3; cp = c & 0x07; }
    else return false;
    if (end - p <= n) return false;
    for (int i = 1; i <= n; ++i) {
      if ((p[i] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (p[i] & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
    if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000)) return false;
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return false;
    p += n + 1;
  }
  return true;
}

namespace {

bool is_odd_space(UChar32 c) {
  return c == 0x00A0 || c == 0x2007 || c == 0x202F || (c >= 0x2000 && c <= 0x200A) ||
         c == 0x205F || c == 0x1680;
}

}  // namespace

std::string normalize_document(std::string_view s) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  icu::UnicodeString cleaned;
  cleaned.getBuffer(in.length());
  cleaned.releaseBuffer(0);
  for (int32_t i = 0; i < in.length();) {
    UChar32 c = in.char32At(i);
    i += U16_LENGTH(c);
    if (c == '\r') {
      if (i < in.length() && in.charAt(i) == '\n') continue;  // CRLF -> LF
      c = '\n';
    } else if (c == 0x2028 || c == 0x2029 || c == 0x85) {
      c = '\n';
    } else if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F || c == 0xFEFF || c == 0x200B) {
      continue;  // controls, BOM and zero-width space carry no text
    } else if (is_odd_space(c)) {
      c = ' ';
    }
    if (c == '\n') {  // drop trailing spaces of the line
      while (cleaned.length() > 0 && (cleaned.charAt(cleaned.length() - 1) == ' ' ||
                                      cleaned.charAt(cleaned.length() - 1) == '\t')) {
        cleaned.truncate(cleaned.length() - 1);
      }
    }
    cleaned.append(c);
  }
  icu::UnicodeString out = U_SUCCESS(err) ? nfc->normalize(cleaned, err) : cleaned;
  if (U_FAILURE(err)) out = cleaned;
  std::string result;
  out.toUTF8String(result);
  return result;
}

}  // namespace pactum
