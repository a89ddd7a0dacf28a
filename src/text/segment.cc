// Sentence splitting: UAX #29 (ICU's sentence iterator, or its rules applied
// here to the common characters), then vetoes for the boundaries UAX #29
// gets wrong in press text (abbreviations, initials, dotted dates and
// ordinals, Japanese 「quotes」). Tokenizing lives in tokenize.cc.
#include "text/segment.h"

#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "common/files.h"
#include "common/utf8.h"
#include "text/break_iterator.h"
#include "text/language_table.h"
#include "text/normalize.h"

namespace pactum::text {
namespace {

using internal::BreakKind;

// An abbreviation spans at most this many space-separated pieces ("i. d. R.").
constexpr std::size_t kMaxAbbreviationPieces = 3;

// German writes ordinals as "8." and capitalises nouns, so "im 4. Quartal"
// looks like a sentence end to ICU. A number is taken as an ordinal there
// unless one of these words, which typically open a sentence, follows it
// ("Es waren 15. Das ist viel."). Folded.
constexpr std::string_view kGermanSentenceStarters[] = {
    "der", "die", "das", "dem", "den", "des", "ein", "eine", "einer", "eines", "einem", "einen",
    "er", "sie", "es", "wir", "ich", "ihr", "man", "dies", "diese", "dieser", "dieses",
    "damit", "dabei", "danach", "dazu", "deshalb", "daher", "darüber", "dort", "hier", "heute",
    "auch", "aber", "und", "so", "im", "am", "zum", "zur", "in", "an", "auf", "mit", "nach",
    "bei", "von", "vor", "für", "seit", "zudem", "außerdem", "insgesamt", "jetzt", "nun",
    "weitere", "weiterhin"};

struct Abbreviations {
  // Entries with their spaces removed ("z. B." -> "z.B."), as written and
  // with a capital first letter (sentence-initial "Bl.a.").
  std::unordered_set<std::string> compact;
  std::size_t max_pieces = 1;
};

bool is_lang_code(std::string_view lang) {
  if (lang.empty() || lang.size() > 3) return false;
  for (char c : lang) {
    if (c < 'a' || c > 'z') return false;
  }
  return true;
}

std::unique_ptr<const Abbreviations> load_abbreviations(std::string_view lang) {
  auto result = std::make_unique<Abbreviations>();
  // lang becomes a path component: only plain codes, never "../x".
  if (!is_lang_code(lang)) return result;
  std::string dir = lang == "no" ? std::string("nb") : std::string(lang);
  auto rows = read_tsv(data_dir() / "lexicon" / dir / "abbreviations.txt");
  if (!rows.is_ok()) return result;  // no list: ICU's rules alone
  for (const auto& row : *rows) {
    const std::string& entry = row.at(0);
    if (entry.empty()) continue;
    std::string compact;
    std::size_t pieces = 1;
    for (std::size_t i = 0; i < entry.size(); ++i) {
      if (entry[i] == ' ') {
        if (i > 0 && entry[i - 1] != ' ') ++pieces;
      } else {
        compact.push_back(entry[i]);
      }
    }
    if (compact.empty()) continue;
    result->max_pieces = std::max(result->max_pieces, std::min(pieces, kMaxAbbreviationPieces));
    if (compact[0] >= 'a' && compact[0] <= 'z') {
      std::string capital = compact;
      capital[0] = static_cast<char>(capital[0] - 'a' + 'A');
      result->compact.insert(std::move(capital));
    }
    result->compact.insert(std::move(compact));
  }
  return result;
}

// The abbreviation list of lang, loaded on first use and kept for the life of
// the process.
const Abbreviations& abbreviations(std::string_view lang) {
  // Each thread remembers the list it used last, so the lock below is taken
  // once per thread and language, not once per call.
  thread_local std::string last_lang;
  thread_local const Abbreviations* last = nullptr;
  if (last != nullptr && last_lang == lang) return *last;

  static std::mutex mutex;
  static std::unordered_map<std::string, std::unique_ptr<const Abbreviations>> loaded
      /* GUARDED_BY(mutex) */;
  std::lock_guard<std::mutex> lock(mutex);
  auto& slot = loaded[std::string(lang)];
  if (!slot) slot = load_abbreviations(lang);
  last_lang = std::string(lang);
  last = slot.get();
  return *last;
}

// Folded month names (wide and abbreviated, without a final '.') of the
// languages with months in data/lang/languages.tsv, whatever the document's
// language, from ICU's locale data. Built once; constant afterwards.
const std::unordered_set<std::string>& month_names() {
  static const std::unordered_set<std::string> names = [] {
    std::unordered_set<std::string> out;
    for (const std::string& locale : language_table().with(LanguageUse::kMonths)) {
      UErrorCode status = U_ZERO_ERROR;
      icu::DateFormatSymbols symbols(icu::Locale(locale.c_str()), status);
      if (U_FAILURE(status)) continue;
      for (auto context : {icu::DateFormatSymbols::FORMAT, icu::DateFormatSymbols::STANDALONE}) {
        for (auto width : {icu::DateFormatSymbols::WIDE, icu::DateFormatSymbols::ABBREVIATED}) {
          int32_t count = 0;
          const icu::UnicodeString* months = symbols.getMonths(count, context, width);
          for (int32_t i = 0; i < count; ++i) {
            std::string name;
            months[i].toUTF8String(name);
            name = fold(name);
            while (!name.empty() && name.back() == '.') name.pop_back();
            if (!name.empty()) out.insert(std::move(name));
          }
        }
      }
    }
    return out;
  }();
  return names;
}

bool is_german_sentence_starter(std::string_view folded_word) {
  for (std::string_view w : kGermanSentenceStarters) {
    if (w == folded_word) return true;
  }
  return false;
}

bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Length of the whitespace sequence starting at text[i] (ASCII space, NBSP,
// ideographic space), 0 if none.
std::size_t space_at(std::string_view text, std::size_t i) {
  if (is_ascii_space(text[i])) return 1;
  if (text.compare(i, 2, "\xC2\xA0") == 0) return 2;      // U+00A0
  if (text.compare(i, 3, "\xE3\x80\x80") == 0) return 3;  // U+3000
  return 0;
}

// Length of the whitespace sequence ending just before text[i], 0 if none.
std::size_t space_before(std::string_view text, std::size_t i) {
  if (i >= 1 && is_ascii_space(text[i - 1])) return 1;
  if (i >= 2 && text.compare(i - 2, 2, "\xC2\xA0") == 0) return 2;
  if (i >= 3 && text.compare(i - 3, 3, "\xE3\x80\x80") == 0) return 3;
  return 0;
}

Span trim(std::string_view text, Span s) {
  while (s.begin < s.end) {
    std::size_t n = space_at(text, s.begin);
    if (n == 0) break;
    s.begin += n;
  }
  while (s.end > s.begin) {
    std::size_t n = space_before(text, s.end);
    if (n == 0) break;
    s.end -= n;
  }
  return s;
}

// A piece is a run of non-space bytes on one line: "z.", "B.", "(Dr.".
bool is_piece_space(char c) { return c == ' ' || c == '\t'; }

// Strips opening punctuation ("(", "«", "„", quotes) from the front of a
// piece, so that "(Dr." is looked up as "Dr.".
std::string_view strip_leading_punct(std::string_view piece) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(piece.data());
  const auto length = static_cast<int32_t>(piece.size());
  int32_t i = 0;
  while (i < length) {
    int32_t next = i;
    UChar32 c;
    U8_NEXT(bytes, next, length, c);
    if (c < 0 || u_isalnum(c)) break;
    i = next;
  }
  return piece.substr(static_cast<std::size_t>(i));
}

// Strips closing punctuation other than '.' (",", ")", "»") from a piece's end.
std::string_view strip_trailing_punct(std::string_view piece) {
  while (!piece.empty()) {
    char c = piece.back();
    if (c == ',' || c == ';' || c == ':' || c == ')' || c == '"' || c == '\'') {
      piece.remove_suffix(1);
    } else {
      break;
    }
  }
  return piece;
}

bool is_one_or_two_digits_and_dot(std::string_view piece) {
  if (piece.size() < 2 || piece.size() > 3 || piece.back() != '.') return false;
  for (std::size_t i = 0; i + 1 < piece.size(); ++i) {
    if (piece[i] < '0' || piece[i] > '9') return false;
  }
  return true;
}

// "J." in "Jonas G. Støre": one upper-case letter and a dot.
bool is_initial(std::string_view piece) {
  if (piece.size() < 2 || piece.back() != '.') return false;
  const auto* bytes = reinterpret_cast<const uint8_t*>(piece.data());
  const auto length = static_cast<int32_t>(piece.size() - 1);
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(bytes, i, length, c);
  return i == length && c >= 0 && u_isupper(c);
}

// Matched 「…」 and 『…』 ranges of a Japanese text, outermost only, each on
// one line. An unmatched bracket is ignored, so that a stray 「 cannot swallow
// the rest of a paragraph.
std::vector<Span> japanese_quotes(std::string_view text) {
  static constexpr std::string_view kOpen[] = {"\xE3\x80\x8C", "\xE3\x80\x8E"};   // 「 『
  static constexpr std::string_view kClose[] = {"\xE3\x80\x8D", "\xE3\x80\x8F"};  // 」 』
  std::vector<Span> out;
  struct Open {
    std::size_t pos;
    int kind;
  };
  std::vector<Open> stack;
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '\n') {
      stack.clear();
      ++i;
      continue;
    }
    if (static_cast<unsigned char>(text[i]) != 0xE3) {
      ++i;
      continue;
    }
    // The brackets are E3 80 8C..8F: most E3 characters (kana) are not.
    if (i + 2 >= text.size() || text[i + 1] != '\x80' || (static_cast<unsigned char>(text[i + 2]) & 0xFC) != 0x8C) {
      ++i;
      continue;
    }
    bool matched = false;
    for (int k = 0; k < 2 && !matched; ++k) {
      if (text.compare(i, 3, kOpen[k]) == 0) {
        stack.push_back({i, k});
        matched = true;
      } else if (text.compare(i, 3, kClose[k]) == 0) {
        matched = true;
        // Pop to the nearest opener of the same kind; openers above it were
        // never closed and are dropped.
        for (std::size_t j = stack.size(); j-- > 0;) {
          if (stack[j].kind != k) continue;
          std::size_t open = stack[j].pos;
          stack.resize(j);
          if (stack.empty()) out.push_back({open, i + 3});
          break;
        }
      }
    }
    i += matched ? 3 : 1;
  }
  return out;
}

class BoundaryFilter {
 public:
  BoundaryFilter(std::string_view text, std::string_view lang)
      : text_(text),
        lang_(lang),
        abbreviations_(abbreviations(lang)),
        german_(lang == "de") {
    if (lang == "ja") quotes_ = japanese_quotes(text);
  }

  // True when ICU's boundary at pos (the current sentence began at start)
  // should be dropped.
  bool veto(std::size_t start, std::size_t pos) {
    if (pos == 0 || text_[pos - 1] == '\n') return false;  // line ends are hard boundaries
    if (!quotes_.empty() && inside_quote(pos)) return true;
    std::size_t end = pos;  // end of the sentence's text, spaces dropped
    while (end > start && is_piece_space(text_[end - 1])) --end;
    if (end == start) return false;
    if (lang_ == "ja" && japanese_quote_continues(end, pos)) return true;
    // (In Japanese only a Latin abbreviation goes on below: "Borneo
    // Hydrogen Sdn. Bhd.と覚書を締結".)
    if (text_[end - 1] != '.') return false;

    // The pieces before the boundary, last first, and after it.
    std::array<std::string_view, kMaxAbbreviationPieces> before;
    std::size_t n_before = 0;
    std::size_t last_begin = end;  // where before[0] starts
    for (std::size_t e = end; n_before < kMaxAbbreviationPieces && e > start;) {
      std::size_t b = e;
      while (b > start && !is_ascii_space(text_[b - 1])) --b;
      if (n_before == 0) last_begin = b;
      before[n_before++] = text_.substr(b, e - b);
      // An earlier piece belongs to the same abbreviation only if it ends with
      // '.' and only spaces (no line break) separate the two.
      std::size_t prev = b;
      while (prev > start && is_piece_space(text_[prev - 1])) --prev;
      if (prev == b || prev == start || text_[prev - 1] != '.') break;
      e = prev;
    }
    std::array<std::string_view, kMaxAbbreviationPieces> after;
    std::size_t n_after = 0;
    for (std::size_t b = pos; n_after < kMaxAbbreviationPieces;) {
      while (b < text_.size() && is_piece_space(text_[b])) ++b;
      std::size_t e = b;
      while (e < text_.size() && !is_ascii_space(text_[e])) ++e;
      if (e == b) break;
      after[n_after++] = text_.substr(b, e - b);
      b = e;
    }

    std::string_view last = strip_leading_punct(before[0]);
    if (is_initial(last)) return true;
    if (is_one_or_two_digits_and_dot(last)) {
      // "1. Innledning": a numbered item opens its line or sentence.
      if (trim(text_, {start, last_begin}).empty()) return true;
      if (ordinal_or_date(n_after > 0 ? after[0] : "")) return true;
    }
    return is_abbreviation(before, n_before, after, n_after);
  }

 private:
  bool inside_quote(std::size_t pos) {
    // Boundaries arrive in increasing order, so the cursor only moves forward.
    while (quote_cursor_ < quotes_.size() && quotes_[quote_cursor_].end <= pos) ++quote_cursor_;
    return quote_cursor_ < quotes_.size() && quotes_[quote_cursor_].begin < pos;
  }

  // "「…。」と述べた。": a quotation followed by the quotative particle と is
  // part of the sentence that reports it.
  bool japanese_quote_continues(std::size_t end, std::size_t pos) const {
    std::string_view tail = text_.substr(0, end);
    bool after_close = tail.ends_with("\xE3\x80\x8D") || tail.ends_with("\xE3\x80\x8F");
    return after_close && text_.substr(pos).starts_with("\xE3\x81\xA8");  // と
  }

  // "8." is a day of month or an ordinal when a month name or a number
  // follows ("8. Dezember", "08. des. 2023", "8. 12. 2023"), or, in German,
  // any word that does not usually open a sentence ("im 4. Quartal"). (A
  // lower-case word after it never makes ICU break in the first place.)
  bool ordinal_or_date(std::string_view next) const {
    next = strip_trailing_punct(strip_leading_punct(next));
    if (next.empty()) return false;
    if (next[0] >= '0' && next[0] <= '9') return true;
    while (!next.empty() && next.back() == '.') next.remove_suffix(1);
    std::string folded = fold(next);
    if (month_names().count(folded) != 0) return true;
    return german_ && !is_german_sentence_starter(folded);
  }

  // Does an abbreviation end at the boundary, or span it ("z. | B.")?
  bool is_abbreviation(const std::array<std::string_view, kMaxAbbreviationPieces>& before,
                       std::size_t n_before,
                       const std::array<std::string_view, kMaxAbbreviationPieces>& after,
                       std::size_t n_after) {
    const std::size_t max_pieces = abbreviations_.max_pieces;
    for (std::size_t k = 1; k <= n_before && k <= max_pieces; ++k) {
      key_.clear();
      for (std::size_t i = k; i-- > 0;) key_.append(before[i]);
      key_.erase(0, key_.size() - strip_leading_punct(key_).size());
      if (abbreviations_.compact.count(key_) != 0) return true;
      // The abbreviation may continue after the boundary: "z." + "B." = "z.B.".
      const std::size_t key_size = key_.size();
      for (std::size_t m = 1; m <= n_after && k + m <= max_pieces; ++m) {
        key_.resize(key_size);
        for (std::size_t i = 0; i + 1 < m; ++i) key_.append(after[i]);
        key_.append(strip_trailing_punct(after[m - 1]));
        if (abbreviations_.compact.count(key_) != 0) return true;
      }
    }
    return false;
  }

  std::string_view text_;
  std::string_view lang_;
  const Abbreviations& abbreviations_;
  const bool german_;
  std::vector<Span> quotes_;
  std::size_t quote_cursor_ = 0;
  std::string key_;  // scratch, reused between boundaries
};

void add_trimmed(std::string_view text, Span s, std::vector<Span>* out) {
  s = trim(text, s);
  if (!s.empty()) out->push_back(s);
}

// Without ICU, lines are still sentences.
std::vector<Span> split_lines(std::string_view text) {
  std::vector<Span> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n') {
      add_trimmed(text, {start, i}, &out);
      start = i + 1;
    }
  }
  return out;
}

// The code point that ends bytes[0, end) (end > 0), with *start set to where
// it begins; negative where those bytes are not one well-formed code point.
// The backward walk shared by the tests on how a text ends.
UChar32 last_code_point(const uint8_t* bytes, int32_t end, int32_t* start) {
  int32_t prev = end - 1;
  while (prev > 0 && (bytes[prev] & 0xC0) == 0x80) --prev;
  int32_t next = prev;
  UChar32 c;
  U8_NEXT(bytes, next, end, c);
  *start = prev;
  return next == end ? c : -1;
}

// The three-byte sequence at bytes[i] as U8_NEXT reads it, or -1
// (common/utf8.h): most characters of a Japanese text.
UChar32 three_byte_code_point(const uint8_t* bytes, int32_t i, int32_t length) {
  return i < length ? pactum::three_byte_code_point(bytes + i, static_cast<std::size_t>(length - i)) : -1;
}

// Whether ICU's sentence iterator could break text anywhere but at its end.
// UAX #29 breaks only after a terminal (STerm, ATerm: SB11) or a separator
// (Sep, CR, LF: SB4); and where text ends in a run of terminals and closing
// punctuation ("." "?!" ".»" "。」"), no break falls inside that run (SB8a,
// SB9) nor before it (it would need a terminal earlier). A text with no such
// character before that run is one sentence: ICU is not asked (a line of a
// single sentence is the common case).
bool may_break_inside(std::string_view text) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  auto end = static_cast<int32_t>(text.size());
  auto sentence_break = [](UChar32 c) {
    return internal::is_cjk_oletter(c) ? static_cast<int32_t>(U_SB_OLETTER) : u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK);
  };
  while (end > 0) {
    int32_t prev = 0;
    const UChar32 c = last_code_point(bytes, end, &prev);
    if (c < 0) return true;
    const auto sb = sentence_break(c);
    if (sb != U_SB_ATERM && sb != U_SB_STERM && sb != U_SB_CLOSE) break;
    end = prev;
  }
  for (int32_t i = 0; i < end;) {
    const uint8_t b = bytes[i];
    if (b < 0x80) {
      if (b == '.' || b == '!' || b == '?' || b == '\n' || b == '\r') return true;
      ++i;
      continue;
    }
    UChar32 c = three_byte_code_point(bytes, i, end);
    if (c >= 0) {
      i += 3;
    } else {
      U8_NEXT(bytes, i, end, c);
    }
    if (c < 0) return true;
    const auto sb = sentence_break(c);
    if (sb == U_SB_ATERM || sb == U_SB_STERM || sb == U_SB_SEP || sb == U_SB_CR || sb == U_SB_LF) return true;
  }
  return false;
}

// The rule-exact sentence boundaries (UAX #29, as ICU's sentence iterator
// applies them) of a text made only of characters of the Sentence_Break
// classes below: lines of two or more sentences are common in press text,
// and ICU's iterator over UTF-8 cost 9 % of an English extraction. Extend, Format, Sep and CR (combining marks, soft hyphens,
// U+2028, "\r") are left to ICU, as is any language whose ICU sentence rules
// are tailored; Sentence.FastBoundariesEqualIcu checks the two agree.
enum class Sb : uint8_t { kOther, kSp, kLower, kUpper, kOLetter, kNumeric, kATerm, kSTerm, kClose, kSContinue, kLF, kUnknown };

Sb sentence_class(UChar32 c) {
  if (internal::is_cjk_oletter(c)) return Sb::kOLetter;
  switch (u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK)) {
    case U_SB_OTHER: return Sb::kOther;
    case U_SB_SP: return Sb::kSp;
    case U_SB_LOWER: return Sb::kLower;
    case U_SB_UPPER: return Sb::kUpper;
    case U_SB_OLETTER: return Sb::kOLetter;
    case U_SB_NUMERIC: return Sb::kNumeric;
    case U_SB_ATERM: return Sb::kATerm;
    case U_SB_STERM: return Sb::kSTerm;
    case U_SB_CLOSE: return Sb::kClose;
    case U_SB_SCONTINUE: return Sb::kSContinue;
    case U_SB_LF: return Sb::kLF;
    default: return Sb::kUnknown;  // Extend, Format, Sep, CR
  }
}

// sentence_class of the character at bytes[i] (not ASCII); *next is where
// the one after begins. Apart from the scan, so that the scan's ASCII path
// stays inline.
Sb non_ascii_class(const uint8_t* bytes, int32_t i, int32_t length, int32_t* next) {
  if (UChar32 c = three_byte_code_point(bytes, i, length); c >= 0) {  // kana, Han, CJK marks
    *next = i + 3;
    return sentence_class(c);
  }
  UChar32 c;
  U8_NEXT(bytes, i, length, c);
  *next = i;
  return c < 0 ? Sb::kUnknown : sentence_class(c);
}

// The languages whose ICU sentence rules are the root ones (Greek, for one,
// reads ';' as a question mark): root-sentences in data/lang/languages.tsv.
// Japanese too (ICU tailors its line and word breaks, not its sentences):
// its lines of two or more sentences went to ICU's iterator, 7 % of a
// Japanese extraction; Sentence.FastBoundariesEqualIcu checks it.
bool root_sentence_rules(std::string_view lang) {
  return lang.empty() || language_table().has(lang, LanguageUse::kRootSentences);
}

}  // namespace

namespace internal {

bool rule_sentence_boundaries(std::string_view text, std::string_view lang, std::vector<std::size_t>* out) {
  out->clear();
  if (!root_sentence_rules(lang) || text.size() > INT32_MAX) return false;
  static const std::array<Sb, 128> kAscii = [] {
    std::array<Sb, 128> t{};
    for (UChar32 c = 0; c < 128; ++c) t[static_cast<std::size_t>(c)] = sentence_class(c);
    return t;
  }();
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  // The class of the character at i; *next is where the one after begins.
  auto class_at = [&](int32_t i, int32_t* next) {
    if (bytes[i] < 0x80) {
      *next = i + 1;
      return kAscii[bytes[i]];
    }
    return non_ascii_class(bytes, i, length, next);
  };
  // The class of the character that ends just before i (i > 0; the text up
  // to i was read as valid UTF-8).
  auto class_before = [&](int32_t i) {
    int32_t start = i - 1;
    while (start > 0 && (bytes[start] & 0xC0) == 0x80) --start;
    int32_t next = 0;
    return class_at(start, &next);
  };
  auto is_sa_term = [](Sb sb) { return sb == Sb::kATerm || sb == Sb::kSTerm; };
  auto fail = [&] {
    out->clear();
    return false;
  };
  // Every character is classed once by the scan below (or by the terminal
  // handling, which resumes the scan after what it read), so any character
  // the rules do not cover sends the whole text to ICU.
  // ASCII that neither ends a sentence nor fails the scan (letters,
  // digits, spaces, most punctuation: nearly all of a Latin text) only
  // moves the scan on: such runs are skipped in a tight loop.
  static const std::array<bool, 128> kPassed = [] {
    std::array<bool, 128> t{};
    for (std::size_t c = 0; c < 128; ++c) {
      const Sb sb = kAscii[c];
      t[c] = sb != Sb::kUnknown && sb != Sb::kLF && sb != Sb::kATerm && sb != Sb::kSTerm;
    }
    return t;
  }();
  for (int32_t i = 0; i < length;) {
    while (i < length && bytes[i] < 0x80 && kPassed[bytes[i]]) ++i;
    if (i == length) break;
    int32_t next = 0;
    const Sb sb = class_at(i, &next);
    if (sb == Sb::kUnknown) return fail();
    if (sb == Sb::kLF) {  // SB4: ParaSep ÷
      if (next < length) out->push_back(static_cast<std::size_t>(next));
      i = next;
      continue;
    }
    if (!is_sa_term(sb)) {
      i = next;
      continue;
    }
    const int32_t t = i;  // a terminal; what follows it decides
    const int32_t j = next;
    if (j == length) break;
    int32_t after = 0;
    Sb at = class_at(j, &after);
    if (at == Sb::kUnknown) return fail();
    if (sb == Sb::kATerm) {
      if (at == Sb::kNumeric) {  // SB6: ATerm × Numeric
        i = j;
        continue;
      }
      if (at == Sb::kUpper && t > 0) {  // SB7: (Upper | Lower) ATerm × Upper
        const Sb before = class_before(t);
        if (before == Sb::kUpper || before == Sb::kLower) {
          i = j;
          continue;
        }
      }
    }
    // SB9, SB10: no break before Close* Sp* (nor before a ParaSep after them).
    int32_t m = j;
    for (const Sb run : {Sb::kClose, Sb::kSp}) {
      while (m < length && at == run) {
        m = after;
        if (m == length) break;
        at = class_at(m, &after);
        if (at == Sb::kUnknown) return fail();
      }
    }
    if (m == length) break;
    // SB10 then SB11 (ParaSep ÷, handled as such above); SB8a: SATerm Close*
    // Sp* × (SContinue | SATerm), the latter a terminal of its own.
    if (at == Sb::kLF || at == Sb::kSContinue || is_sa_term(at)) {
      i = m;
      continue;
    }
    if (sb == Sb::kATerm) {
      // SB8: ATerm Close* Sp* × (¬(OLetter | Upper | Lower | ParaSep | SATerm))* Lower
      int32_t q = m;
      Sb at_q = at;
      int32_t after_q = after;
      while (at_q != Sb::kOLetter && at_q != Sb::kUpper && at_q != Sb::kLower && at_q != Sb::kLF && !is_sa_term(at_q)) {
        if (at_q == Sb::kUnknown) return fail();
        q = after_q;
        if (q == length) break;
        at_q = class_at(q, &after_q);
      }
      if (q < length && at_q == Sb::kLower) {
        i = m;
        continue;
      }
    }
    out->push_back(static_cast<std::size_t>(m));  // SB11
    i = m;
  }
  if (length > 0) out->push_back(text.size());  // ICU's last boundary
  return true;
}

std::vector<std::size_t> icu_sentence_boundaries(std::string_view text, std::string_view lang) {
  std::vector<std::size_t> out;
  icu::BreakIterator* it = thread_break_iterator(BreakKind::kSentence, lang);
  Utf8Text utext(text);
  if (!utext.attach(it)) return out;
  for (int32_t b = it->next(); b != icu::BreakIterator::DONE; b = it->next()) out.push_back(static_cast<std::size_t>(b));
  return out;
}

}  // namespace internal

std::vector<Span> split_sentences(std::string_view text, std::string_view lang) {
  std::vector<Span> out;
  if (text.empty()) return out;
  if (!may_break_inside(text)) {
    add_trimmed(text, {0, text.size()}, &out);
    return out;
  }
  // The boundaries of UAX #29: by the rules above when the text's characters
  // allow, else from ICU's iterator.
  thread_local std::vector<std::size_t> boundaries;
  if (!internal::rule_sentence_boundaries(text, lang, &boundaries)) {
    icu::BreakIterator* it = internal::thread_break_iterator(BreakKind::kSentence, lang);
    internal::Utf8Text utext(text);
    if (!utext.attach(it)) return split_lines(text);
    boundaries.clear();
    for (int32_t b = it->next(); b != icu::BreakIterator::DONE; b = it->next()) {
      boundaries.push_back(static_cast<std::size_t>(b));
    }
  }

  // ICU already ends a sentence after every '\n' (UAX #29 rule SB4), which
  // gives headlines, datelines and captions their own sentences; the filter
  // only removes boundaries.
  BoundaryFilter filter(text, lang);
  std::size_t start = 0;
  for (const std::size_t pos : boundaries) {
    if (pos < text.size() && filter.veto(start, pos)) continue;
    // ICU does not end a sentence before a number that a lower-case word
    // follows (UAX #29 SB8: "... zu verlängern. 2019 kam ..."); a word of
    // letters, a period and a number do end one, unless the word is an
    // abbreviation.
    for (std::size_t k = start; k + 2 < pos; ++k) {
      // To the next '.' (none in most Japanese sentences) without a look at each byte.
      const void* dot = std::memchr(text.data() + k, '.', pos - 2 - k);
      if (dot == nullptr) break;
      k = static_cast<std::size_t>(static_cast<const char*>(dot) - text.data());
      if (text[k] != '.' || text[k + 1] != ' ' || k < start + 3) continue;
      std::size_t digit = k + 1;
      while (digit < pos && text[digit] == ' ') ++digit;
      if (digit >= pos || text[digit] < '0' || text[digit] > '9') continue;
      auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (static_cast<unsigned char>(c) >= 0x80); };
      if (!letter(text[k - 1]) || !letter(text[k - 2]) || !letter(text[k - 3])) continue;
      if (filter.veto(start, digit)) continue;
      add_trimmed(text, {start, digit}, &out);
      start = digit;
    }
    add_trimmed(text, {start, pos}, &out);
    start = pos;
  }
  if (start < text.size()) add_trimmed(text, {start, text.size()}, &out);
  return out;
}

bool ends_with_terminal(std::string_view text) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  auto end = static_cast<int32_t>(text.size());
  while (end > 0) {
    int32_t prev = 0;
    const UChar32 c = last_code_point(bytes, end, &prev);
    if (c < 0) return false;
    const auto sb = u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK);
    if (sb == U_SB_ATERM || sb == U_SB_STERM) return true;
    if (sb != U_SB_CLOSE) return false;
    end = prev;
  }
  return false;
}

}  // namespace pactum::text
