#include "common/utf8.h"

#include <gtest/gtest.h>
#include <unicode/utf8.h>

namespace pactum {

TEST(Utf8, ValidatesTable) {
  struct Row { std::string in; bool valid; } rows[] = {
      {"", true}, {"Norge og Japan", true}, {"福島県", true}, {"Møre og Romsdal", true},
      {"\xC3", false},                 // truncated two-byte sequence
      {"\xC0\xAF", false},             // overlong '/'
      {"\xED\xA0\x80", false},         // surrogate
      {"\xF4\x90\x80\x80", false},     // past U+10FFFF
      {"abc\xFF", false},
      // Past the eight-bytes-at-a-time ASCII skip: a bad byte at each offset
      // of the second word, and a sequence cut at the end.
      {"Norway and Japan sign\xFF", false}, {"Norway a\x80nd Japan", false},
      {"Norway and\xC3", false}, {"Norway and Japan: Møre og Romsdal", true},
  };
  for (const auto& r : rows) EXPECT_EQ(is_valid_utf8(r.in), r.valid) << r.in;
}

// Every three-byte sequence with an E0..EF lead (the fast path), alone and
// after ASCII, judged as ICU's decoder judges it.
TEST(Utf8, ThreeByteSequencesAsIcu) {
  for (unsigned c0 = 0xE0; c0 <= 0xEF; ++c0) {
    for (unsigned c1 = 0; c1 < 256; ++c1) {
      for (unsigned c2 = 0; c2 < 256; ++c2) {
        const char bytes[3] = {static_cast<char>(c0), static_cast<char>(c1), static_cast<char>(c2)};
        const std::string s(bytes, 3);
        int32_t i = 0;
        UChar32 c = 0;
        U8_NEXT(reinterpret_cast<const uint8_t*>(bytes), i, 3, c);
        const bool valid = c >= 0 && i == 3;
        ASSERT_EQ(is_valid_utf8(s), valid) << std::hex << c0 << " " << c1 << " " << c2;
        ASSERT_EQ(is_valid_utf8("ab" + s), valid);
      }
    }
  }
  EXPECT_FALSE(is_valid_utf8("\xE3\x81"));  // cut short
}

TEST(Utf8, NormalizesDocumentText) {
  EXPECT_EQ(normalize_document("a\r\nb\rc"), "a\nb\nc");
  EXPECT_EQ(normalize_document("line  \nnext"), "line\nnext");
  EXPECT_EQ(normalize_document("08\xC2\xA0" "des."), "08 des.");  // NBSP
  EXPECT_EQ(normalize_document("Mo\xCC\x88re"), "M\xC3\xB6re");  // combining diaeresis -> NFC
  EXPECT_EQ(normalize_document("\xEF\xBB\xBFtext"), "text");    // BOM dropped
}

// The cleaning works on the UTF-8 bytes; each mapping must still see whole
// code points, whatever their length, and NFC must follow it.
TEST(Utf8, NormalizesEveryCodePointLength) {
  EXPECT_EQ(normalize_document("a\xE2\x80\xA8" "b\xC2\x85" "c"), "a\nb\nc");  // LS, NEL
  EXPECT_EQ(normalize_document("a\xE2\x80\xAF\xE1\x9A\x80" "b"), "a  b");       // NNBSP, Ogham space
  EXPECT_EQ(normalize_document("a\xE2\x80\x8B" "b\x01\x7F" "c"), "abc");         // ZWSP, controls
  EXPECT_EQ(normalize_document("x \xC2\xA0\t\r\ny"), "x\ny");                      // spaces mapped, then trimmed
  EXPECT_EQ(normalize_document("\xE3\x81\x8B\xE3\x82\x99"), "\xE3\x81\x8C");    // ka + dakuten -> ga
  EXPECT_EQ(normalize_document("\xF0\x9F\x98\x80\xE3\x80\x80"), "\xF0\x9F\x98\x80\xE3\x80\x80");  // emoji, ideographic space kept
  // Not UTF-8 (callers validate first): substituted as ICU's conversion would.
  EXPECT_EQ(normalize_document("a\xFF" "b"), "a\xEF\xBF\xBD" "b");
}

}  // namespace pactum
