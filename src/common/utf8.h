// UTF-8 validation and the document normal form. In common (not text) because
// ingest, the first stage, already needs them to store a document's text.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace pactum {

// How many of the eight bytes at p are ASCII before the first that is not
// (8: all of them). Eight bytes from p must be readable. The word-at-a-time
// skip of the hot scans (validation, language id): most of a Latin-script
// text is ASCII.
inline int ascii_run_of_8(const unsigned char* p) {
  std::uint64_t word;
  std::memcpy(&word, p, 8);
  const std::uint64_t high = word & 0x8080808080808080ull;
  if (high == 0) return 8;
  if constexpr (std::endian::native == std::endian::little) return std::countr_zero(high) / 8;
  return std::countl_zero(high) / 8;
}

// The code point of the three-byte sequence at p (avail bytes readable), or
// -1 when p does not start a well-formed one: E0 takes A0..BF then a
// continuation byte (no overlong form), ED 80..9F then one (no surrogate),
// E1..EC and EE..EF two. Kana, Han and CJK marks, most of a Japanese text,
// are three bytes: decoded here without the general loop.
inline std::int32_t three_byte_code_point(const unsigned char* p, std::size_t avail) {
  const unsigned char b = p[0];
  if ((b & 0xF0) != 0xE0 || avail < 3) return -1;
  const unsigned char b1 = p[1], b2 = p[2];
  const bool ok = (b2 & 0xC0) == 0x80 &&
                  (b == 0xE0 ? (b1 >= 0xA0 && b1 <= 0xBF) : b == 0xED ? (b1 >= 0x80 && b1 <= 0x9F) : (b1 & 0xC0) == 0x80);
  return ok ? ((b & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F) : -1;
}

// True when s is well-formed UTF-8 (no overlongs, no surrogates).
bool is_valid_utf8(std::string_view s);

// The form in which document text is stored (offsets point into it): NFC,
// CR/CRLF unified to LF, C0 controls other than tab and LF removed, odd
// spaces (NBSP, thin spaces, ideographic space stays) mapped to ' ', trailing
// spaces of each line removed. Input must be valid UTF-8.
std::string normalize_document(std::string_view s);

}  // namespace pactum
