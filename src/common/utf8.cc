// UTF-8 validation (by hand: it is the hot path of every ingest and ICU's
// converters would copy) and NFC normalisation (ICU).
#include "common/utf8.h"

#include <cstdint>
#include <cstring>

#include <unicode/normalizer2.h>
#include <unicode/bytestream.h>
#include <unicode/utf8.h>

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
  // Cleaned byte by byte on the UTF-8 itself: converting to UTF-16 and
  // appending one code point at a time cost more than all of extraction's
  // tokenizing (callgrind, session 17), and most text is ASCII.
  std::string cleaned;
  cleaned.reserve(s.size());
  const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
  const auto n = static_cast<std::int32_t>(s.size());
  for (std::int32_t i = 0; i < n;) {
    const std::uint8_t b = p[i];
    if (b >= 0x20 && b < 0x7F) {  // printable ASCII stays as it is
      cleaned.push_back(static_cast<char>(b));
      ++i;
      continue;
    }
    const std::int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    const bool valid = c >= 0;
    if (!valid) c = 0xFFFD;  // as ICU's UTF-8 conversion substitutes
    if (c == '\r') {
      if (i < n && p[i] == '\n') continue;  // CRLF -> LF
      c = '\n';
    } else if (c == 0x2028 || c == 0x2029 || c == 0x85) {
      c = '\n';
    } else if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F || c == 0xFEFF || c == 0x200B) {
      continue;  // controls, BOM and zero-width space carry no text
    } else if (is_odd_space(c)) {
      c = ' ';
    }
    if (c == '\n') {  // drop trailing spaces of the line
      while (!cleaned.empty() && (cleaned.back() == ' ' || cleaned.back() == '\t')) cleaned.pop_back();
    }
    if (c < 0x80) {
      cleaned.push_back(static_cast<char>(c));
    } else if (valid) {
      cleaned.append(s.data() + start, static_cast<std::size_t>(i - start));
    } else {
      char buf[U8_MAX_LENGTH];
      std::int32_t len = 0;
      U8_APPEND_UNSAFE(buf, len, c);
      cleaned.append(buf, static_cast<std::size_t>(len));
    }
  }
  // Most text is already NFC: the quick check spares the copy.
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err)) return cleaned;
  const icu::StringPiece piece(cleaned.data(), static_cast<std::int32_t>(cleaned.size()));
  if (nfc->isNormalizedUTF8(piece, err) && U_SUCCESS(err)) return cleaned;
  err = U_ZERO_ERROR;
  std::string result;
  result.reserve(cleaned.size());
  icu::StringByteSink<std::string> sink(&result);
  nfc->normalizeUTF8(0, piece, sink, nullptr, err);
  return U_SUCCESS(err) ? result : cleaned;
}

}  // namespace pactum
