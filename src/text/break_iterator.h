// Internal to text/: per-thread ICU break iterators over UTF-8 text. Not part
// of the module's contract; segment.cc and tokenize.cc share it.
#pragma once

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <string_view>
#include <vector>

#include "text/segment.h"

namespace pactum::text::internal {

enum class BreakKind { kSentence, kWord };

// An ICU iterator of the given kind for lang, created once per thread and
// language (creating one costs far more than iterating a sentence). Null if
// ICU cannot build it. Valid until the calling thread ends; never share it.
icu::BreakIterator* thread_break_iterator(BreakKind kind, std::string_view lang);

// Points an iterator at UTF-8 text without converting it to UTF-16: the
// iterator's offsets are then byte offsets into text. The UText must outlive
// the iteration; close it with utext_close.
class Utf8Text {
 public:
  explicit Utf8Text(std::string_view text);
  ~Utf8Text() {
    if (ok_) utext_close(&ut_);
  }
  Utf8Text(const Utf8Text&) = delete;
  Utf8Text& operator=(const Utf8Text&) = delete;

  // False when ICU refused the text (over 2 GB).
  bool ok() const { return ok_; }
  // Sets it as the iterator's text; false on an ICU error.
  bool attach(icu::BreakIterator* it);

 private:
  UText ut_ = UTEXT_INITIALIZER;
  bool ok_ = false;
};

// tokenize() without its fast path: ICU's word iterator alone (for the test
// that checks the fast path against it).
std::vector<Token> tokenize_with_icu(std::string_view text, std::string_view lang);

// The sentence boundaries of UAX #29 in text (byte offsets after 0, the last
// text.size()), computed by its rules without ICU; false (and *out empty)
// when text has a character the rules here do not cover (Extend, Format,
// Sep, CR, bad UTF-8) or lang's ICU rules are tailored. Then, and only then,
// icu_sentence_boundaries() must be asked; where both answer, they agree.
bool rule_sentence_boundaries(std::string_view text, std::string_view lang, std::vector<std::size_t>* out);

// Kana and Han (U+3041..U+3096, U+30A1..U+30FA, U+30FC..U+30FE, U+3005,
// U+3400..U+4DBF, U+4E00..U+9FFF): Sentence_Break OLetter, known without
// asking ICU (Sentence.CjkLettersAreOLetter checks each against ICU).
constexpr bool is_cjk_oletter(UChar32 c) {
  return (c >= 0x3041 && c <= 0x3096) || (c >= 0x30A1 && c <= 0x30FA) || (c >= 0x30FC && c <= 0x30FE) ||
         (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || c == 0x3005;
}

// ICU's sentence iterator alone over text (empty if ICU fails).
std::vector<std::size_t> icu_sentence_boundaries(std::string_view text, std::string_view lang);

}  // namespace pactum::text::internal
