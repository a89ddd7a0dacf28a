// Tokenizing: ICU's word iterator, or MeCab (IPADIC) for Japanese, whose
// katakana loanwords ICU's dictionary splits badly.
#include <mecab.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <memory>

#include "text/break_iterator.h"
#include "text/normalize.h"
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

// One tagger and lattice per thread: they hold parse state.
struct MecabThread {
  std::unique_ptr<MeCab::Tagger> tagger;
  std::unique_ptr<MeCab::Lattice> lattice;
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
  for (std::size_t i = begin; i < limit; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n' || c == '!' || c == '?') return i + 1;
    if ((c == 0xE3 || c == 0xEF) && i + 3 <= text.size()) {
      std::string_view ch = text.substr(i, 3);
      // 。 ！ ？
      if (ch == "\xE3\x80\x82" || ch == "\xEF\xBC\x81" || ch == "\xEF\xBC\x9F") return i + 3;
    }
  }
  std::size_t end = limit;
  while (end > begin && end < text.size() &&
         (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
    --end;
  }
  return end > begin ? end : limit;
}

void add_token(std::string_view text, std::size_t begin, std::size_t end, bool is_word,
               std::vector<Token>* out) {
  Token& t = out->emplace_back();
  t.span = {begin, end};
  t.folded = fold(text.substr(begin, end - begin));
  t.is_word = is_word;
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

std::vector<Token> tokenize_mecab(std::string_view text, MecabThread* mecab) {
  std::vector<Token> out;
  out.reserve(text.size() / 4);
  for (std::size_t chunk = 0; chunk < text.size();) {
    std::size_t chunk_end = mecab_chunk_end(text, chunk);
    const char* base = text.data() + chunk;
    const std::size_t length = chunk_end - chunk;
    mecab->lattice->set_sentence(base, length);
    if (mecab->tagger->parse(mecab->lattice.get())) {
      for (const MeCab::Node* node = mecab->lattice->bos_node(); node != nullptr;
           node = node->next) {
        if (node->stat == MECAB_BOS_NODE || node->stat == MECAB_EOS_NODE) continue;
        // Surfaces point into the buffer given to set_sentence, after any
        // whitespace MeCab skipped; the offset is their distance from it.
        if (node->surface < base || node->surface + node->length > base + length) continue;
        std::size_t begin = chunk + static_cast<std::size_t>(node->surface - base);
        std::size_t end = begin + node->length;
        TokenClass cls = classify(text.substr(begin, end - begin));
        if (!cls.has_alnum) continue;  // 、。「」・ and other symbols
        add_token(text, begin, end, cls.has_letter, &out);
      }
    }
    chunk = chunk_end;
  }
  return out;
}

}  // namespace

std::vector<Token> tokenize(std::string_view text, std::string_view lang) {
  if (text.empty()) return {};
  if (lang == "ja") {
    // Without the dictionary Japanese still gets ICU's (weaker) segmentation.
    if (MecabThread* mecab = mecab_thread()) return tokenize_mecab(text, mecab);
  }
  return tokenize_icu(text, lang);
}

}  // namespace pactum::text
