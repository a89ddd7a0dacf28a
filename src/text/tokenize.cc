// Tokenizing: ICU's word iterator, or MeCab (IPADIC) for Japanese, whose
// katakana loanwords ICU's dictionary splits badly; and Latin readings of
// Japanese words from MeCab's pronunciations (text/reading.h).
#include <mecab.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <string>
#include <unordered_map>

#include "text/break_iterator.h"
#include "text/normalize.h"
#include "text/reading.h"
#include "text/segment.h"

namespace pactum::text {
namespace {

using internal::BreakKind;

// The dictionary is named explicitly: installing another one (unidic-mecab)
// silently changes MeCab's default.
constexpr const char* kMecabArgs = "-d /var/lib/mecab/dic/ipadic-utf8";

// MeCab is far faster on many short inputs than on one long one, so Japanese
// text is fed in chunks that end at a sentence mark or a line, and at most
// this long. (MeCab's node lengths are 16-bit, another reason to bound it.)
constexpr std::size_t kMaxMecabChunk = 4096;

// What a token's code points say about it.
struct TokenClass {
  bool has_alnum = false;  // a letter or digit: a word or a number
  bool has_letter = false;
};

TokenClass classify(std::string_view s) {
  TokenClass out;
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  const auto length = static_cast<int32_t>(s.size());
  // Most Japanese words open with kana or Han (internal::is_cjk_oletter),
  // all letters to ICU (Tokenize.CjkOLettersAreAlpha): no ICU call for them.
  if (length >= 3 && bytes[0] >= 0xE3 && bytes[0] <= 0xE9 && (bytes[1] & 0xC0) == 0x80 && (bytes[2] & 0xC0) == 0x80) {
    const auto c = static_cast<UChar32>(((bytes[0] & 0x0Fu) << 12) | ((bytes[1] & 0x3Fu) << 6) | (bytes[2] & 0x3Fu));
    if (internal::is_cjk_oletter(c)) {
      out.has_letter = true;
      out.has_alnum = true;
      return out;
    }
  }
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) continue;
    if (u_isalpha(c)) {
      out.has_letter = true;
      out.has_alnum = true;
      return out;
    }
    if (u_isdigit(c)) out.has_alnum = true;
  }
  return out;
}

// The MeCab model, loaded once and shared by all threads (MeCab documents
// Model as thread-safe). Deliberately never freed: threads may still hold
// taggers made from it while the process exits. Null if the dictionary is
// missing.
const MeCab::Model* mecab_model() {
  static const MeCab::Model* const model = MeCab::createModel(kMecabArgs);
  return model;
}

// MeCab's words of one chunk: their spans in the chunk as given (before
// narrowing) and their IPADIC features. A feature points into the
// dictionary, which the model maps for the life of the process (MeCab sets
// it from the dictionary entry), so it outlives the parse.
struct ChunkWord {
  std::uint32_t begin, end;
  const char* feature;
};

struct ParsedChunk {
  std::size_t hash = 0;
  std::string text;
  std::vector<ChunkWord> words;
};

// How many of the last chunks tokenize() parsed are kept for latin_words():
// a press release's, so that the readings of a sentence the layout has
// parsed need no second parse (MeCab is deterministic: the same chunk gives
// the same words).
constexpr std::size_t kRecentChunks = 512;

// One tagger and lattice per thread: they hold parse state.
struct MecabThread {
  std::unique_ptr<MeCab::Tagger> tagger;
  std::unique_ptr<MeCab::Lattice> lattice;
  std::string sentence;  // the chunk being parsed, NUL-terminated (mecab_words)
  std::vector<ParsedChunk> recent;  // a ring of kRecentChunks, filled by tokenize()
  std::size_t recent_next = 0;
};

MecabThread* mecab_thread() {
  thread_local MecabThread state = [] {
    MecabThread s;
    if (const MeCab::Model* model = mecab_model()) {
      s.tagger.reset(model->createTagger());
      s.lattice.reset(model->createLattice());
    }
    return s;
  }();
  return state.tagger && state.lattice ? &state : nullptr;
}

// Length of the next chunk of text[begin..] to give MeCab: up to and including
// a line break or a sentence mark, never more than kMaxMecabChunk bytes and
// never cutting a UTF-8 sequence.
std::size_t mecab_chunk_end(std::string_view text, std::size_t begin) {
  std::size_t limit = std::min(text.size(), begin + kMaxMecabChunk);
  const auto* b = reinterpret_cast<const unsigned char*>(text.data());
  for (std::size_t i = begin; i < limit;) {
    const unsigned char c = b[i];
    if (c < 0x80) {
      if (c == '\n' || c == '!' || c == '?') return i + 1;
      ++i;
      continue;
    }
    if (c >= 0xE0 && i + 3 <= text.size()) {
      const unsigned char c1 = b[i + 1], c2 = b[i + 2];
      // 。 (E3 80 82), ！ (EF BC 81), ？ (EF BC 9F)
      if (c == 0xE3 && c1 == 0x80 && c2 == 0x82) return i + 3;
      if (c == 0xEF && c1 == 0xBC && (c2 == 0x81 || c2 == 0x9F)) return i + 3;
      // Two continuation bytes are neither a mark nor a line end: a
      // character at a time (bad UTF-8 is read byte by byte).
      if ((c1 & 0xC0) == 0x80 && (c2 & 0xC0) == 0x80) {
        i += 3;
        continue;
      }
    }
    ++i;
  }
  std::size_t end = limit;
  while (end > begin && end < text.size() &&
         (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
    --end;
  }
  return end > begin ? end : limit;
}

Token& add_token(std::string_view text, std::size_t begin, std::size_t end, bool is_word,
                 std::vector<Token>* out) {
  Token& t = out->emplace_back();
  t.span = {begin, end};
  const std::string_view word = text.substr(begin, end - begin);
  // ASCII folds to lower case (as fold() does it), written in place.
  const auto non_ascii = std::find_if(word.begin(), word.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
  const bool ascii = non_ascii == word.end();
  // So do U+00C0..U+00FF (C3 80..C3 BF: the accented letters of es, de, fr,
  // it, nb, da, sv...) as NFKC_Casefold maps them: U+00C0..U+00DE but
  // U+00D7 to U+00E0..U+00FE, U+00DF to "ss", the rest to themselves (none
  // has a compatibility mapping, and a word of only these and ASCII holds
  // no combining mark to compose with). Tokenize.LatinOneFoldsAsIcu.
  auto latin1 = [&word, non_ascii] {
    // From the first non-ASCII byte: a Japanese token fails at once.
    for (auto i = static_cast<std::size_t>(non_ascii - word.begin()); i < word.size(); ++i) {
      const auto c = static_cast<unsigned char>(word[i]);
      if (c < 0x80) continue;
      if (c != 0xC3 || i + 1 == word.size() || (static_cast<unsigned char>(word[i + 1]) & 0xC0) != 0x80) return false;
      ++i;
    }
    return true;
  };
  if (!ascii && latin1()) {
    t.folded.reserve(word.size() + 1);
    for (std::size_t i = 0; i < word.size(); ++i) {
      const char c = word[i];
      if (static_cast<unsigned char>(c) < 0x80) {
        t.folded.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c);
        continue;
      }
      const auto low = static_cast<unsigned char>(word[++i]);
      if (low == 0x9F) {
        t.folded += "ss";
      } else {
        t.folded.push_back(c);
        t.folded.push_back(static_cast<char>(low <= 0x9E && low != 0x97 ? low + 0x20 : low));
      }
    }
  } else if (!ascii) {
    t.folded = fold(word);
  } else {
    t.folded.resize(word.size());
    for (std::size_t i = 0; i < word.size(); ++i) {
      const char c = word[i];
      t.folded[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c;
    }
  }
  t.is_word = is_word;
  return t;
}

// A chunk as MeCab reads it: full-width digits and Latin letters narrowed to
// ASCII, which MeCab otherwise splits digit by digit ("２０２３年" would be
// ２/０/２/３/年) or glues to a counter ("１２月"). offsets[k] is the byte
// offset in the original chunk of byte k of text (one past the end included),
// so token spans still point into the caller's text.
struct NarrowChunk {
  std::string text;
  std::vector<std::size_t> offsets;
};

bool has_full_width_alnum(std::string_view s) {
  // U+FF10..U+FF5A are EF BC 90..EF BD 9A in UTF-8.
  for (std::size_t i = 0; i + 2 < s.size(); ++i) {
    if (static_cast<unsigned char>(s[i]) == 0xEF &&
        (static_cast<unsigned char>(s[i + 1]) == 0xBC || static_cast<unsigned char>(s[i + 1]) == 0xBD)) {
      return true;
    }
  }
  return false;
}

NarrowChunk narrow(std::string_view chunk) {
  NarrowChunk out;
  out.text.reserve(chunk.size());
  out.offsets.reserve(chunk.size() + 1);
  const auto* bytes = reinterpret_cast<const uint8_t*>(chunk.data());
  const auto length = static_cast<int32_t>(chunk.size());
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    const bool digit = c >= 0xFF10 && c <= 0xFF19;
    const bool letter = (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A);
    if (digit || letter) {
      out.text.push_back(static_cast<char>(c - 0xFEE0));
      out.offsets.push_back(static_cast<std::size_t>(start));
    } else {
      for (int32_t k = start; k < i; ++k) {
        out.text.push_back(chunk[static_cast<std::size_t>(k)]);
        out.offsets.push_back(static_cast<std::size_t>(k));
      }
    }
  }
  out.offsets.push_back(chunk.size());
  return out;
}

// IPADIC's feature string starts "名詞,固有名詞,人名" for a person's surname or
// given name.
bool is_person_name(const char* feature) {
  static constexpr std::string_view kPersonName = "名詞,固有名詞,人名";
  // strncmp stops at the feature's end: no strlen of the whole feature. Most
  // features differ in their first bytes (助詞, 動詞, ...): no call for them.
  return feature != nullptr && feature[0] == kPersonName[0] && feature[1] == kPersonName[1] &&
         feature[2] == kPersonName[2] && feature[3] == kPersonName[3] &&
         std::strncmp(feature, kPersonName.data(), kPersonName.size()) == 0;
}

std::vector<Token> tokenize_icu(std::string_view text, std::string_view lang) {
  std::vector<Token> out;
  icu::BreakIterator* it = internal::thread_break_iterator(BreakKind::kWord, lang);
  internal::Utf8Text utext(text);
  if (!utext.attach(it)) return out;
  out.reserve(text.size() / 6);
  int32_t begin = it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; begin = end, end = it->next()) {
    int32_t status = it->getRuleStatus();
    if (status < UBRK_WORD_NONE_LIMIT) continue;  // spaces, punctuation
    bool is_number = status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT;
    add_token(text, static_cast<std::size_t>(begin), static_cast<std::size_t>(end), !is_number,
              &out);
  }
  return out;
}

// A fast path for the common case, exact where it applies: text made only
// of characters whose UAX #29 word-break class is known here (ASCII letters,
// digits, spaces and punctuation, the Latin letters U+00C0..U+017F, curly
// quotes and dashes) is cut by the rules ICU applies to those classes, without
// ICU (whose word iterator over UTF-8 costs ~90 instructions a byte).
// Anything else (':', '_', NBSP, combining marks, other scripts...) sends the
// whole text to ICU. tokenize_test compares both on random strings.
enum class WordClass : std::uint8_t { kOther, kLetter, kNumeric, kMidNumLet, kMidNum, kUnknown };

constexpr WordClass ascii_word_class(unsigned char b) {
  if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')) return WordClass::kLetter;
  if (b >= '0' && b <= '9') return WordClass::kNumeric;
  if (b == '.' || b == '\'') return WordClass::kMidNumLet;  // MidNumLet, Single_Quote
  if (b == ',' || b == ';') return WordClass::kMidNum;
  // MidLetter, ExtendNumLet, line ends; '@', which ICU counts as a letter
  // so that e-mail addresses stay whole.
  if (b == ':' || b == '_' || b == '@' || (b < 0x20 && b != '\t') || b == 0x7F) return WordClass::kUnknown;
  return WordClass::kOther;  // space (a run of them is no token), other punctuation
}

constexpr auto kAsciiWordClass = [] {
  std::array<WordClass, 128> table{};
  for (unsigned b = 0; b < 128; ++b) table[b] = ascii_word_class(static_cast<unsigned char>(b));
  return table;
}();

// The class of the character at text[*i], advancing *i past it.
// Inlined: called once per character of every Latin text.
[[gnu::always_inline]] inline WordClass word_class(std::string_view text, std::size_t* i) {
  const auto b = static_cast<unsigned char>(text[*i]);
  if (b < 0x80) {
    ++*i;
    return kAsciiWordClass[b];
  }
  if (b >= 0xC3 && b <= 0xC5 && *i + 1 < text.size()) {  // U+00C0..U+017F
    const auto c = static_cast<unsigned char>(text[*i + 1]);
    if ((c & 0xC0) != 0x80) return WordClass::kUnknown;
    const unsigned cp = ((b & 0x1Fu) << 6) | (c & 0x3Fu);
    *i += 2;
    if (cp == 0xD7 || cp == 0xF7) return WordClass::kOther;  // × ÷
    return WordClass::kLetter;
  }
  if (b == 0xE2 && *i + 2 < text.size() && static_cast<unsigned char>(text[*i + 1]) == 0x80) {
    const auto c = static_cast<unsigned char>(text[*i + 2]);
    *i += 3;
    if (c == 0x98 || c == 0x99) return WordClass::kMidNumLet;  // ‘ ’
    if (c == 0x93 || c == 0x94 || c == 0x9C || c == 0x9D || c == 0x9E || c == 0xA6) return WordClass::kOther;  // – — “ ” „ …
    return WordClass::kUnknown;
  }
  if (b == 0xC2 && *i + 1 < text.size()) {
    const auto c = static_cast<unsigned char>(text[*i + 1]);
    *i += 2;
    if (c == 0xAB || c == 0xBB) return WordClass::kOther;  // « »
    return WordClass::kUnknown;
  }
  return WordClass::kUnknown;
}

// False (out untouched) when text holds a character word_class does not know;
// *unknown is then the byte offset of the first such character. One pass:
// each character is classed once, in order (a token's lookahead past a
// MidNum/MidNumLet is classed once more when the token ends there), so the
// first unknown character met is the first in the text; the tokens made
// before it are dropped.
bool tokenize_simple(std::string_view text, std::vector<Token>* out, std::size_t* unknown) {
  *unknown = 0;
  if (text.size() > UINT32_MAX) return false;
  const std::size_t first = out->size();
  const std::size_t n = text.size();
  auto fail = [&](std::size_t at) {
    out->resize(first);
    *unknown = at;
    return false;
  };
  auto alnum = [](WordClass c) { return c == WordClass::kLetter || c == WordClass::kNumeric; };
  out->reserve(first + n / 6);
  for (std::size_t i = 0; i < n;) {
    const std::size_t begin = i;
    const WordClass c = word_class(text, &i);
    if (c == WordClass::kUnknown) return fail(begin);
    if (!alnum(c)) continue;
    std::size_t end = i;
    WordClass last = c;  // the class of the token's last character
    while (end < n) {
      std::size_t after = end;
      const WordClass d = word_class(text, &after);
      if (d == WordClass::kUnknown) return fail(end);
      if (alnum(d)) {  // WB5, WB8, WB9, WB10
        end = after;
        last = d;
        continue;
      }
      // WB6/7: letter (MidNumLet | Single_Quote) letter; WB11/12: digit
      // (MidNum | MidNumLet | Single_Quote) digit.
      if ((d == WordClass::kMidNumLet || d == WordClass::kMidNum) && after < n) {
        std::size_t next = after;
        const WordClass e = word_class(text, &next);
        if (e == WordClass::kUnknown) return fail(after);
        const bool letters = last == WordClass::kLetter && e == WordClass::kLetter && d == WordClass::kMidNumLet;
        const bool digits = last == WordClass::kNumeric && e == WordClass::kNumeric;
        if (letters || digits) {
          end = next;
          last = e;
          continue;
        }
      }
      break;  // the character at end is classed again by the outer loop
    }
    // ICU's status is that of the last rule applied: a token ending in a
    // letter is a word ("2a", "abc"), one ending in a digit a number ("1,5",
    // also "ab2").
    add_token(text, begin, end, last == WordClass::kLetter, out);
    i = end;
  }
  return true;
}

// Calls visit(feature, begin, end) for each MeCab word of one chunk (see
// mecab_chunk_end), in order, with its IPADIC feature and its byte span in
// the chunk plus shift; narrowed where it holds full-width letters or digits.
// With record, the words are also kept in mecab->recent.
template <typename Visit>
void mecab_chunk_words(std::string_view original, std::size_t shift, MecabThread* mecab, bool record, Visit visit) {
  NarrowChunk narrowed;
  const bool narrowing = has_full_width_alnum(original);
  if (narrowing) narrowed = narrow(original);
  // MeCab's dictionary lookup reads the sentence with strlen() in places,
  // although it is given its length: a view that is not NUL-terminated
  // was read past its end (found by fuzz/dates_fuzz.cc: a heap overflow
  // when the text ends the buffer; in a document, the lookup ran on into
  // the next chunk). So MeCab always gets a NUL-terminated copy.
  if (!narrowing) mecab->sentence.assign(original);
  const char* base = narrowing ? narrowed.text.c_str() : mecab->sentence.c_str();
  const std::size_t length = narrowing ? narrowed.text.size() : original.size();
  // Byte k of what MeCab read, as an offset in the chunk.
  auto offset = [&](std::size_t k) { return narrowing ? narrowed.offsets[k] : k; };
  ParsedChunk* kept = nullptr;
  if (record) {
    if (mecab->recent.size() < kRecentChunks) mecab->recent.resize(kRecentChunks);
    kept = &mecab->recent[mecab->recent_next];
    mecab->recent_next = (mecab->recent_next + 1) % kRecentChunks;
    kept->hash = std::hash<std::string_view>{}(original);
    kept->text.assign(original);
    kept->words.clear();
  }
  mecab->lattice->set_sentence(base, length);
  if (mecab->tagger->parse(mecab->lattice.get())) {
    for (const MeCab::Node* node = mecab->lattice->bos_node(); node != nullptr; node = node->next) {
      if (node->stat == MECAB_BOS_NODE || node->stat == MECAB_EOS_NODE) continue;
      // Surfaces point into the buffer given to set_sentence, after any
      // whitespace MeCab skipped; the offset is their distance from it.
      if (node->surface < base || node->surface + node->length > base + length) continue;
      const auto at = static_cast<std::size_t>(node->surface - base);
      const std::size_t begin = offset(at), end = offset(at + node->length);
      if (kept != nullptr) {
        kept->words.push_back({static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end), node->feature});
      }
      visit(node->feature, shift + begin, shift + end);
    }
  } else if (kept != nullptr) {
    kept->hash = 0;  // no parse: nothing to reuse
    kept->text.clear();
  }
}

// The same for each chunk of text, in order (spans in text).
template <typename Visit>
void mecab_words(std::string_view text, MecabThread* mecab, bool record, Visit visit) {
  for (std::size_t chunk = 0; chunk < text.size();) {
    const std::size_t chunk_end = mecab_chunk_end(text, chunk);
    mecab_chunk_words(text.substr(chunk, chunk_end - chunk), chunk, mecab, record, visit);
    chunk = chunk_end;
  }
}

// The words tokenize() kept for a chunk equal to this one, or nullptr.
const ParsedChunk* recent_parse(const MecabThread* mecab, std::string_view chunk) {
  if (chunk.empty()) return nullptr;
  const std::size_t hash = std::hash<std::string_view>{}(chunk);
  for (const ParsedChunk& p : mecab->recent) {
    if (p.hash == hash && p.text == chunk) return &p;
  }
  return nullptr;
}

// A word of a MeCab parse: its span (in the chunk or text parsed), whether
// MeCab read it as a person's name, whether it is a part of a dotted
// compound (read again on its own).
struct Piece {
  std::size_t begin, end;
  bool proper_name;
  bool reread;
};

// MeCab reads an unknown katakana compound with its dots as one word
// ("クリーンエネルギー・トランジション"). Its parts are read again on their
// own, as the lexicon's phrases are ("クリーン" "エネルギー" "トランジション");
// not while the lattice is being walked, so pieces are collected first.
void mecab_pieces(std::string_view text, MecabThread* mecab, std::size_t shift, std::vector<Piece>* pieces) {
  static constexpr std::string_view kDot = "・";
  // Whether word holds a "・" (E3 83 BB), by bytes: a library search for
  // it stops at nearly every kana and Han character (E3 leads most).
  auto has_dot = [](std::string_view word) {
    const auto* b = reinterpret_cast<const unsigned char*>(word.data());
    for (std::size_t i = 0; i + 3 <= word.size(); ++i) {
      if (b[i] == 0xE3 && b[i + 1] == 0x83 && b[i + 2] == 0xBB) return true;
    }
    return false;
  };
  mecab_words(text, mecab, /*record=*/true, [&](const char* feature, std::size_t begin, std::size_t end) {
    std::string_view word = text.substr(begin, end - begin);
    const bool dotted = has_dot(word);
    if (!dotted) {
      if (!word.empty()) pieces->push_back({shift + begin, shift + end, is_person_name(feature), false});
      return;
    }
    for (std::size_t from = 0;;) {
      std::size_t dot = word.find(kDot, from);
      std::size_t part_end = dot == std::string_view::npos ? word.size() : dot;
      if (part_end > from) {
        pieces->push_back({shift + begin + from, shift + begin + part_end, is_person_name(feature), dotted});
      }
      if (dot == std::string_view::npos) break;
      from = dot + kDot.size();
    }
  });
}

std::vector<Token> tokenize_mecab(std::string_view text, MecabThread* mecab) {
  std::vector<Token> out;
  out.reserve(text.size() / 4);
  std::vector<Piece> pieces;
  mecab_pieces(text, mecab, 0, &pieces);
  for (const Piece& p : pieces) {
    if (p.reread) {
      for (Token& t : tokenize_mecab(text.substr(p.begin, p.end - p.begin), mecab)) {
        t.span.begin += p.begin;
        t.span.end += p.begin;
        out.push_back(std::move(t));
      }
      continue;
    }
    TokenClass cls = classify(text.substr(p.begin, p.end - p.begin));
    if (!cls.has_alnum) continue;  // 、。「」・ and other symbols
    add_token(text, p.begin, p.end, cls.has_letter, &out).proper_name = p.proper_name;
  }
  return out;
}

// Hepburn for one katakana syllable (with a following small ャュョァィゥェォ
// when there is one), as IPADIC's pronunciation field writes it.
struct Kana {
  std::u32string_view kana;
  std::string_view latin;
};

constexpr Kana kKana[] = {
    {U"キャ", "kya"}, {U"キュ", "kyu"}, {U"キョ", "kyo"}, {U"シャ", "sha"}, {U"シュ", "shu"}, {U"ショ", "sho"},
    {U"シェ", "she"}, {U"チャ", "cha"}, {U"チュ", "chu"}, {U"チョ", "cho"}, {U"チェ", "che"}, {U"ニャ", "nya"},
    {U"ニュ", "nyu"}, {U"ニョ", "nyo"}, {U"ヒャ", "hya"}, {U"ヒュ", "hyu"}, {U"ヒョ", "hyo"}, {U"ミャ", "mya"},
    {U"ミュ", "myu"}, {U"ミョ", "myo"}, {U"リャ", "rya"}, {U"リュ", "ryu"}, {U"リョ", "ryo"}, {U"ギャ", "gya"},
    {U"ギュ", "gyu"}, {U"ギョ", "gyo"}, {U"ジャ", "ja"},  {U"ジュ", "ju"},  {U"ジョ", "jo"},  {U"ジェ", "je"},
    {U"ビャ", "bya"}, {U"ビュ", "byu"}, {U"ビョ", "byo"}, {U"ピャ", "pya"}, {U"ピュ", "pyu"}, {U"ピョ", "pyo"},
    {U"ファ", "fa"},  {U"フィ", "fi"},  {U"フェ", "fe"},  {U"フォ", "fo"},  {U"ティ", "ti"},  {U"ディ", "di"},
    {U"ウィ", "wi"},  {U"ウェ", "we"},  {U"ウォ", "wo"},  {U"ヴァ", "va"},  {U"ヴィ", "vi"},  {U"ヴェ", "ve"},
    {U"ヴォ", "vo"},
    {U"ア", "a"},   {U"イ", "i"},   {U"ウ", "u"},   {U"エ", "e"},   {U"オ", "o"},   {U"カ", "ka"},  {U"キ", "ki"},
    {U"ク", "ku"},  {U"ケ", "ke"},  {U"コ", "ko"},  {U"サ", "sa"},  {U"シ", "shi"}, {U"ス", "su"},  {U"セ", "se"},
    {U"ソ", "so"},  {U"タ", "ta"},  {U"チ", "chi"}, {U"ツ", "tsu"}, {U"テ", "te"},  {U"ト", "to"},  {U"ナ", "na"},
    {U"ニ", "ni"},  {U"ヌ", "nu"},  {U"ネ", "ne"},  {U"ノ", "no"},  {U"ハ", "ha"},  {U"ヒ", "hi"},  {U"フ", "fu"},
    {U"ヘ", "he"},  {U"ホ", "ho"},  {U"マ", "ma"},  {U"ミ", "mi"},  {U"ム", "mu"},  {U"メ", "me"},  {U"モ", "mo"},
    {U"ヤ", "ya"},  {U"ユ", "yu"},  {U"ヨ", "yo"},  {U"ラ", "ra"},  {U"リ", "ri"},  {U"ル", "ru"},  {U"レ", "re"},
    {U"ロ", "ro"},  {U"ワ", "wa"},  {U"ヰ", "i"},   {U"ヱ", "e"},   {U"ヲ", "o"},   {U"ン", "n"},   {U"ガ", "ga"},
    {U"ギ", "gi"},  {U"グ", "gu"},  {U"ゲ", "ge"},  {U"ゴ", "go"},  {U"ザ", "za"},  {U"ジ", "ji"},  {U"ズ", "zu"},
    {U"ゼ", "ze"},  {U"ゾ", "zo"},  {U"ダ", "da"},  {U"ヂ", "ji"},  {U"ヅ", "zu"},  {U"デ", "de"},  {U"ド", "do"},
    {U"バ", "ba"},  {U"ビ", "bi"},  {U"ブ", "bu"},  {U"ベ", "be"},  {U"ボ", "bo"},  {U"パ", "pa"},  {U"ピ", "pi"},
    {U"プ", "pu"},  {U"ペ", "pe"},  {U"ポ", "po"},  {U"ヴ", "vu"},  {U"ァ", "a"},   {U"ィ", "i"},   {U"ゥ", "u"},
    {U"ェ", "e"},   {U"ォ", "o"},   {U"ャ", "ya"},  {U"ュ", "yu"},  {U"ョ", "yo"},
};

// The tenth IPADIC feature, the pronunciation ("サトー" for 佐藤), or "" when
// the word has none (unknown words, symbols).
std::string_view pronunciation(const char* feature) {
  if (feature == nullptr) return {};
  // One pass over the NUL-terminated feature: past eight commas, up to the
  // next comma or the end.
  const char* p = feature;
  for (int field = 0; field < 8; ++field) {
    while (*p != ',' && *p != '\0') ++p;
    if (*p == '\0') return {};
    ++p;
  }
  const char* end = p;
  while (*end != ',' && *end != '\0') ++end;
  return {p, static_cast<std::size_t>(end - p)};
}

}  // namespace

namespace {

// kKana by code point, for hepburn(): a syllable's reading, and the pairs
// (a syllable and the small kana after it) as a short list, looked up only
// when a small kana follows. Built once from kKana, so the table above stays
// the one place that spells the readings.
struct KanaIndex {
  static constexpr char32_t kFirst = U'ァ';  // U+30A1
  static constexpr char32_t kLast = U'ヺ';   // U+30FA
  std::array<std::string_view, kLast - kFirst + 1> single{};
  std::array<bool, kLast - kFirst + 1> second{};  // ends a pair
  std::vector<const Kana*> pairs;
};

const KanaIndex& kana_index() {
  static const KanaIndex index = [] {
    KanaIndex k;
    for (const Kana& kana : kKana) {
      if (kana.kana.size() == 1) {
        k.single[kana.kana[0] - KanaIndex::kFirst] = kana.latin;
      } else {
        k.pairs.push_back(&kana);
        k.second[kana.kana[1] - KanaIndex::kFirst] = true;
      }
    }
    return k;
  }();
  return index;
}

}  // namespace

std::string hepburn(std::string_view katakana) {
  // Decoded straight from UTF-8 (a malformed sequence is no kana: ""), each
  // syllable looked up by code point; the longest reading wins, a pair over
  // its first kana, as kKana's order-free longest match did.
  // The code points in a buffer each thread reuses: every word of a
  // name's sentence is read, and a string per word cost an allocation.
  thread_local std::u32string s;
  s.clear();
  const auto* bytes = reinterpret_cast<const uint8_t*>(katakana.data());
  const auto length = static_cast<int32_t>(std::min<std::size_t>(katakana.size(), INT32_MAX));
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) return "";
    if (c >= 0x3041 && c <= 0x3096) c += 0x60;  // hiragana to katakana
    s.push_back(static_cast<char32_t>(c));
  }
  const KanaIndex& index = kana_index();
  auto in_table = [](char32_t c) { return c >= KanaIndex::kFirst && c <= KanaIndex::kLast; };
  std::string out;
  out.reserve(s.size() * 2);
  bool geminate = false;  // after ッ: double the next consonant
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] == U'ー') { ++i; continue; }  // long vowels are written short, as names are in English
    if (s[i] == U'ッ') { geminate = true; ++i; continue; }
    std::string_view latin;
    std::size_t used = 1;
    if (i + 1 < s.size() && in_table(s[i + 1]) && index.second[s[i + 1] - KanaIndex::kFirst]) {
      for (const Kana* k : index.pairs) {
        if (k->kana[0] == s[i] && k->kana[1] == s[i + 1]) {
          latin = k->latin;
          used = 2;
          break;
        }
      }
    }
    if (latin.empty() && in_table(s[i])) latin = index.single[s[i] - KanaIndex::kFirst];
    if (latin.empty()) return "";  // not katakana: no reading
    if (geminate) {
      out.push_back(latin.starts_with("ch") ? 't' : latin.front());
      geminate = false;
    }
    out += latin;
    i += used;
  }
  return out;
}

std::vector<LatinWord> latin_words(std::string_view japanese) {
  std::vector<LatinWord> out;
  MecabThread* mecab = mecab_thread();
  if (mecab == nullptr) return out;
  // The extractor asks for the same sentence's readings once per name and
  // again for its signatories: the last few answers are kept per thread
  // (MeCab is deterministic, so a repeated question gets the same answer;
  // 32 sentences cover a press release from its people to its signatories).
  struct Memo {
    std::string text;
    std::vector<LatinWord> words;
  };
  constexpr std::size_t kMemoSlots = 32;
  thread_local std::array<Memo, kMemoSlots> memo;
  thread_local std::size_t memo_next = 0;
  for (const Memo& m : memo) {
    if (!m.text.empty() && m.text == japanese) return m.words;
  }
  auto add = [&](const char* feature, std::size_t begin, std::size_t end) {
    out.push_back({{begin, end}, hepburn(pronunciation(feature)), is_person_name(feature)});
  };
  // A chunk the layout's tokenize() parsed is read from its words, not
  // parsed again.
  for (std::size_t chunk = 0; chunk < japanese.size();) {
    const std::size_t chunk_end = mecab_chunk_end(japanese, chunk);
    const std::string_view original = japanese.substr(chunk, chunk_end - chunk);
    if (const ParsedChunk* p = recent_parse(mecab, original)) {
      out.reserve(out.size() + p->words.size());
      for (const ChunkWord& w : p->words) add(w.feature, chunk + w.begin, chunk + w.end);
    } else {
      mecab_chunk_words(original, chunk, mecab, /*record=*/false, add);
    }
    chunk = chunk_end;
  }
  Memo& slot = memo[memo_next];
  memo_next = (memo_next + 1) % kMemoSlots;
  slot.text.assign(japanese);
  slot.words = out;
  return out;
}

std::string latin_reading(std::string_view japanese) {
  std::string out;
  for (const LatinWord& w : latin_words(japanese)) {
    if (w.latin.empty()) return "";
    out += w.latin;
  }
  return out;
}

std::vector<Token> tokenize(std::string_view text, std::string_view lang) {
  if (text.empty()) return {};
  if (lang == "ja") {
    // Without the dictionary Japanese still gets ICU's (weaker) segmentation.
    if (MecabThread* mecab = mecab_thread()) return tokenize_mecab(text, mecab);
  } else {
    // The fast path where it knows the characters; ICU for the stretch
    // between the clean cuts (is_token_cut) around each one it does not.
    std::vector<Token> out;
    auto append = [&out](std::vector<Token> tokens, std::size_t shift) {
      for (Token& t : tokens) {
        t.span.begin += shift;
        t.span.end += shift;
        out.push_back(std::move(t));
      }
    };
    for (std::size_t from = 0; from < text.size();) {
      const std::string_view rest = text.substr(from);
      std::size_t unknown = 0;
      std::vector<Token> known;
      if (tokenize_simple(rest, from == 0 ? &out : &known, &unknown)) {
        if (from > 0) append(std::move(known), from);
        break;
      }
      std::size_t lo = unknown, hi = unknown + 1;
      while (lo > 0 && !is_token_cut(rest, lo, lang)) --lo;
      while (hi < rest.size() && !is_token_cut(rest, hi, lang)) ++hi;
      if (lo > 0) {
        std::vector<Token> head;
        std::size_t none = 0;
        tokenize_simple(rest.substr(0, lo), &head, &none);  // known characters only
        append(std::move(head), from);
      }
      append(tokenize_icu(rest.substr(lo, hi - lo), lang), from + lo);
      from += hi;
    }
    return out;
  }
  return tokenize_icu(text, lang);
}

bool is_token_cut(std::string_view text, std::size_t pos, std::string_view lang) {
  if (pos == 0 || pos >= text.size()) return pos == 0 || pos == text.size();
  if (lang == "ja") {
    // Chunks are parsed alone: a cut where one ends changes nothing. Without
    // the dictionary ICU's dictionary segmentation reads across: unsure.
    if (mecab_thread() == nullptr) return false;
    if (text.size() <= kMaxMecabChunk) {
      // No chunk is cut for length: chunks end right after each mark.
      const auto c = static_cast<unsigned char>(text[pos - 1]);
      if (c == '\n' || c == '!' || c == '?') return true;
      if (pos < 3) return false;
      const std::string_view ch = text.substr(pos - 3, 3);
      return ch == "\xE3\x80\x82" || ch == "\xEF\xBC\x81" || ch == "\xEF\xBC\x9F";  // 。 ！ ？
    }
    std::size_t chunk = 0;
    while (chunk < pos) chunk = mecab_chunk_end(text, chunk);
    return chunk == pos;
  }
  // UAX #29 keeps no word across a space except by WB4 (a space absorbs the
  // Extend, Format and ZWJ characters after it); no rule looks past one.
  auto space = [](char c) { return c == ' ' || c == '\t'; };
  if (space(text[pos])) return true;
  if (!space(text[pos - 1])) return false;
  const auto b = static_cast<unsigned char>(text[pos]);
  if (b < 0x80) return true;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  auto i = static_cast<int32_t>(pos);
  UChar32 c;
  U8_NEXT(bytes, i, static_cast<int32_t>(text.size()), c);
  if (c < 0) return false;
  const auto wb = u_getIntPropertyValue(c, UCHAR_WORD_BREAK);
  return wb != U_WB_EXTEND && wb != U_WB_FORMAT && wb != U_WB_ZWJ;
}

namespace internal {
std::vector<Token> tokenize_with_icu(std::string_view text, std::string_view lang) {
  return tokenize_icu(text, lang);
}
}  // namespace internal

}  // namespace pactum::text
