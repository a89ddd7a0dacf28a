#include "common/utf8.h"

#include <gtest/gtest.h>

namespace pactum {

TEST(Utf8, ValidatesTable) {
  struct Row { std::string in; bool valid; } rows[] = {
      {"", true}, {"Norge og Japan", true}, {"福島県", true}, {"Møre og Romsdal", true},
      {"\xC3", false},                 // truncated two-byte sequence
      {"\xC0\xAF", false},             // overlong '/'
      {"\xED\xA0\x80", false},         // surrogate
      {"\xF4\x90\x80\x80", false},     // past U+10FFFF
      {"abc\xFF", false},
  };
  for (const auto& r : rows) EXPECT_EQ(is_valid_utf8(r.in), r.valid) << r.in;
}

TEST(Utf8, NormalizesDocumentText) {
  EXPECT_EQ(normalize_document("a\r\nb\rc"), "a\nb\nc");
  EXPECT_EQ(normalize_document("line  \nnext"), "line\nnext");
  EXPECT_EQ(normalize_document("08\xC2\xA0" "des."), "08 des.");  // NBSP
  EXPECT_EQ(normalize_document("Mo\xCC\x88re"), "M\xC3\xB6re");  // combining diaeresis -> NFC
  EXPECT_EQ(normalize_document("\xEF\xBB\xBFtext"), "text");    // BOM dropped
}

}  // namespace pactum
