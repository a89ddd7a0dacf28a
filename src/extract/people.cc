// Finding people, their roles and quotes; see people.h. Japanese names come
// from MeCab's name tokens and are written in Latin letters (text/reading.h).
#include "extract/people.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <set>

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "text/normalize.h"
#include "text/reading.h"

namespace pactum::extract {

namespace {

using text::starts_upper;

// Lower-case words that may stand inside a name: "Ursula von der Leyen".
bool is_particle(std::string_view w) {
  static constexpr std::string_view kParticles[] = {"von", "der", "van", "de", "den", "da", "di", "le", "la", "af", "zu"};
  return std::find(std::begin(kParticles), std::end(kParticles), w) != std::end(kParticles);
}

// Particles that may open a surname written without its given name ("von
// der Leyen", "van der Hoeven"); "von", "van" or "de" alone open a place
// or portfolio ("Präsident von Kaiun", "minister van Klimaat"), not a name.
bool opens_surname(std::string_view w, std::string_view next) {
  return (w == "von" || w == "van") && (next == "der" || next == "den");
}

struct NameRun {
  std::uint32_t first = 0, end = 0;
};

// The capitalised run starting at token i that is not an actor or lexicon
// word; particles allowed inside, not at the ends.
NameRun name_at(std::string_view text, const SentenceView& s, std::uint32_t i,
                const std::vector<bool>& blocked) {
  NameRun run{i, i};
  std::uint32_t k = i;
  bool opened = false;  // a leading particle: "von der Leyen"
  auto gap_after = [&](std::uint32_t t) { return s.gap_before(text, t + 1); };
  while (k < s.tokens.size() && k - i < 5) {
    std::string_view w = s.tokens[k].span.of(text);
    if (blocked[k]) {
      // A place name inside a name, between two of its words: "Peggy
      // Hessen Følsvik" (Hessen is a German state).
      bool inside = run.end == k && k + 1 < s.tokens.size() && !blocked[k + 1] && s.tokens[k + 1].is_word &&
                    starts_upper(s.tokens[k + 1].span.of(text)) && gap_after(k) == " " &&
                    starts_upper(w) && !starts_upper(w.substr(1));
      // ... or ending it, where the name ends the clause: "o ministro de
      // Minas e Energia, Carlos Andrade Lima." (Lima, Peru's capital).
      const bool last = run.end == k && run.end - run.first >= 2 && gap_after(k - 1) == " " &&
                        s.tokens[k].is_word && starts_upper(w) && !starts_upper(w.substr(1)) &&
                        (k + 1 == s.tokens.size() || !blocked[k + 1]) &&
                        (k + 1 == s.tokens.size() || gap_after(k).find_first_of(".,;:)") == 0);
      if (last) {
        run.end = k + 1;
        break;
      }
      if (!inside) break;
    }
    if (starts_upper(w) && s.tokens[k].is_word) {
      run.end = k + 1;
      // A hyphenated part belongs to the name whatever its case:
      // "Park Geun-hye", "Marc-André".
      while (run.end < s.tokens.size() && gap_after(run.end - 1) == "-" && s.tokens[run.end].is_word &&
             !blocked[run.end]) {
        ++run.end;
      }
      k = run.end - 1;
    } else if (k == i && k + 1 < s.tokens.size() && opens_surname(w, s.tokens[k + 1].span.of(text))) {
      opened = true;
    } else if (!(is_particle(w) && (run.end > run.first || opened))) {
      break;
    }
    // Words are separated by single spaces inside a name; a middle
    // initial by its full stop: "Múte B. Egede", "Jens O. Hansen".
    if (k + 1 < s.tokens.size()) {
      const bool initial = run.end == k + 1 && k > run.first && w.size() == 1 && gap_after(k) == ". " &&
                           s.tokens[k + 1].is_word && !blocked[k + 1] && starts_upper(s.tokens[k + 1].span.of(text));
      if (gap_after(k) != " " && !initial) { ++k; break; }
    }
    ++k;
  }
  return run;
}

// Latin letters in s (the contract writes names in Latin script).
bool has_latin(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); });
}

// True when word stands in text as a word of its own (not inside another).
bool has_word(std::string_view text, std::string_view word) {
  auto letter = [](unsigned char c) { return std::isalnum(c) != 0 || c >= 0x80; };
  for (auto pos = text.find(word); pos != std::string_view::npos; pos = text.find(word, pos + 1)) {
    bool left = pos == 0 || !letter(static_cast<unsigned char>(text[pos - 1]));
    bool right = pos + word.size() == text.size() || !letter(static_cast<unsigned char>(text[pos + word.size()]));
    if (left && right) return true;
  }
  return false;
}

// Whether two names are one written twice with a slip of one letter in
// the surname ("Henrik Schiellerup", "Henrik Sciellerup"): the same words
// before it, surnames of five letters or more one insertion, deletion or
// substitution apart.
bool one_slip_apart(const std::string& a, const std::string& b) {
  const auto sa = a.rfind(' '), sb = b.rfind(' ');
  if (sa == std::string::npos || sb == std::string::npos || a.compare(0, sa, b, 0, sb) != 0 || sa != sb) return false;
  const std::string_view x = std::string_view(a).substr(sa + 1), y = std::string_view(b).substr(sb + 1);
  if (x == y || x.size() < 5 || y.size() < 5 || (x.size() > y.size() ? x.size() - y.size() : y.size() - x.size()) > 1) {
    return false;
  }
  std::size_t i = 0;
  while (i < x.size() && i < y.size() && x[i] == y[i]) ++i;
  std::size_t j = 0;
  while (j < x.size() - i && j < y.size() - i && x[x.size() - 1 - j] == y[y.size() - 1 - j]) ++j;
  // What differs between the common prefix and suffix: at most one byte each
  // (one ASCII letter; a non-ASCII letter differs in more bytes and is left).
  return x.size() - i - j <= 1 && y.size() - i - j <= 1;
}

std::string last_word(const std::string& name) {
  auto sp = name.find_last_of(' ');
  return sp == std::string::npos ? name : name.substr(sp + 1);
}

// Scripts tell Japanese name parts apart: a name MeCab does not know comes
// out as single Han characters ("世" "耕"); a foreign one is katakana
// ("ノイバウアー"); a title's words are Han or katakana, its particles kana.
UScriptCode script_of(UChar32 c) {
  // Most characters of a Japanese text, without ICU: ranges assigned since
  // Unicode 1.1 to one script (People.ScriptRangesAsIcu).
  if (c >= 0x4E00 && c <= 0x9FA5) return USCRIPT_HAN;
  if (c >= 0x3041 && c <= 0x3094) return USCRIPT_HIRAGANA;
  if (c >= 0x30A1 && c <= 0x30FA) return USCRIPT_KATAKANA;
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(c, &status);
}

bool is_single_han(std::string_view w) {
  // One code point is at most four bytes (a Japanese word is mostly more).
  if (w.size() > 4) return false;
  const auto* bytes = reinterpret_cast<const uint8_t*>(w.data());
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(bytes, i, static_cast<int32_t>(w.size()), c);
  return c >= 0 && i == static_cast<int32_t>(w.size()) && script_of(c) == USCRIPT_HAN;
}

bool is_han(std::string_view w) {
  if (w.empty()) return false;
  const auto* bytes = reinterpret_cast<const uint8_t*>(w.data());
  for (int32_t i = 0; i < static_cast<int32_t>(w.size());) {
    UChar32 c;
    U8_NEXT(bytes, i, static_cast<int32_t>(w.size()), c);
    if (c < 0 || script_of(c) != USCRIPT_HAN) return false;
  }
  return true;
}

bool is_katakana(std::string_view w) {
  if (w.empty()) return false;
  const auto* bytes = reinterpret_cast<const uint8_t*>(w.data());
  const auto size = static_cast<int32_t>(w.size());
  for (int32_t i = 0; i < size;) {
    // By bytes, what most words are: U+30A1..U+30FC (katakana, "・", "ー")
    // are E3 82 A1..E3 83 BC; ASCII, hiragana (E3 81 ..) and Han
    // (U+4000..U+9FFF, E4..E9) are none of these.
    const uint8_t b = bytes[i];
    if (b < 0x80 || (b >= 0xE4 && b <= 0xE9)) return false;
    if (b == 0xE3 && size - i >= 3) {
      const uint8_t b1 = bytes[i + 1], b2 = bytes[i + 2];
      if (b1 == 0x81) return false;
      if ((b1 == 0x82 && b2 >= 0xA1 && b2 <= 0xBF) || (b1 == 0x83 && b2 >= 0x80 && b2 <= 0xBC)) {
        i += 3;
        continue;
      }
    }
    UChar32 c;
    U8_NEXT(bytes, i, static_cast<int32_t>(w.size()), c);
    // ー and ・ are "common" script but belong to katakana words.
    if (c < 0 || !(script_of(c) == USCRIPT_KATAKANA || c == 0x30FC || c == 0x30FB)) return false;
  }
  return true;
}

bool has_cjk(std::string_view s) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  for (int32_t i = 0; i < static_cast<int32_t>(s.size());) {
    // Eight bytes none of which is 0xE0 or higher are skipped at once (a
    // byte is >= 0xE0 when its top three bits are all set).
    if (i + 8 <= static_cast<int32_t>(s.size())) {
      std::uint64_t w;
      std::memcpy(&w, bytes + i, 8);
      if ((w & (w << 1) & (w << 2) & 0x8080808080808080ull) == 0) {
        i += 8;
        continue;
      }
    }
    // Han, hiragana and katakana lie above U+2E80: three or more bytes in
    // UTF-8, led by 0xE0 or higher. Other bytes are skipped undecoded.
    if (bytes[i] < 0xE0) {
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(bytes, i, static_cast<int32_t>(s.size()), c);
    if (c < 0) continue;
    UScriptCode sc = script_of(c);
    if (sc == USCRIPT_HAN || sc == USCRIPT_HIRAGANA || sc == USCRIPT_KATAKANA) return true;
  }
  return false;
}

std::string capitalised(std::string latin) {
  if (!latin.empty() && latin[0] >= 'a' && latin[0] <= 'z') latin[0] = static_cast<char>(latin[0] - 'a' + 'A');
  return latin;
}

// The reading written in parentheses right after a name's kanji, as
// official pages give it ("服部(はっとり)"): the Latin reading of the kana
// and where the parentheses end; "" if text at pos is no such reading.
std::string furigana_at(std::string_view text, std::size_t pos, std::size_t* end) {
  for (std::string_view open : {std::string_view("("), std::string_view("\uFF08")}) {
    if (text.substr(pos, open.size()) != open) continue;
    const std::size_t from = pos + open.size();
    std::size_t close = std::string_view::npos, close_size = 0;
    for (std::string_view c : {std::string_view(")"), std::string_view("\uFF09")}) {
      std::size_t at = text.find(c, from);
      if (at != std::string_view::npos && at < close) { close = at; close_size = c.size(); }
    }
    if (close == std::string_view::npos || close == from || close - from > 30) return "";
    std::string_view kana = text.substr(from, close - from);
    const auto* bytes = reinterpret_cast<const uint8_t*>(kana.data());
    for (int32_t i = 0; i < static_cast<int32_t>(kana.size());) {
      UChar32 c;
      U8_NEXT(bytes, i, static_cast<int32_t>(kana.size()), c);
      if (c < 0 || script_of(c) != USCRIPT_HIRAGANA) return "";
    }
    *end = close + close_size;
    // Long vowels are written short in names, as text::hepburn writes
    // MeCab's "ー": "たろう" is "taro", "おおの" "ono".
    std::string latin = text::hepburn(kana), out;
    for (char ch : latin) {
      const bool long_vowel = !out.empty() && ((ch == 'u' && (out.back() == 'o' || out.back() == 'u')) ||
                                               (ch == 'o' && out.back() == 'o'));
      if (!long_vowel) out += ch;
    }
    return out;
  }
  return "";
}

// A Latin name in parentheses at pos ("（Johan Berg）"): two to four
// capitalised words, no CJK; "" if there is none.
std::string parenthesised_latin(std::string_view text, std::size_t pos) {
  for (std::string_view open : {std::string_view("("), std::string_view("\uFF08")}) {
    if (text.substr(pos, open.size()) != open) continue;
    const std::size_t from = pos + open.size();
    std::size_t close = text.find_first_of(")\n", from);
    const std::size_t wide = text.find("\uFF09", from);
    if (wide != std::string_view::npos && (close == std::string_view::npos || wide < close)) close = wide;
    if (close == std::string_view::npos || close - from > 60 || text[close] == '\n') return "";
    std::string_view inner = text.substr(from, close - from);
    if (has_cjk(inner)) return "";
    int words = 0;
    for (std::size_t at = 0; at <= inner.size();) {
      std::size_t sp = inner.find(' ', at);
      std::string_view w = inner.substr(at, sp == std::string_view::npos ? std::string_view::npos : sp - at);
      if (w.empty() || !starts_upper(w)) return "";
      ++words;
      if (sp == std::string_view::npos) break;
      at = sp + 1;
    }
    return words >= 2 && words <= 4 ? std::string(inner) : "";
  }
  return "";
}

// A person named in Japanese: MeCab's surname and given-name tokens
// ("内堀" "雅雄"), or words it does not know right before a role or an
// honorific ("世耕大臣", "ノイバウアー氏").
struct JapaneseName {
  NameRun run;
  std::string latin;  // the name read from its furigana, when it has them
  std::string role;
  std::string affiliation;
  bool quoted = false;
  // The kanji without furigana or spaces ("服部誠太郎"), for the
  // person_name table; set when a given name's furigana are cut off, and
  // the name is then kept only if the table has it.
  std::string written;
};

// The name as English texts write it: "Masao Uchibori" from 内堀雅雄, given
// name first; the surname alone for 内堀. Names MeCab has no reading for
// keep their written form.
std::string english_name(std::string_view text, const SentenceView& s, NameRun run) {
  // Readings in the context of the whole sentence, as the tokens were read.
  const std::vector<text::LatinWord> words = text::latin_words(s.span.of(text));
  auto reading = [&](std::uint32_t k) -> std::string {
    const text::Span at{s.tokens[k].span.begin - s.span.begin, s.tokens[k].span.end - s.span.begin};
    for (const text::LatinWord& w : words) {
      if (w.span == at) return w.latin;
    }
    return "";
  };
  // Foreign names in katakana keep their written form: their Latin
  // spelling is not their reading ("ノイバウアー" is Neubaur).
  if (is_katakana(s.tokens[run.first].span.of(text))) return std::string(s.text_of(text, run.first, run.end));
  std::string surname, given;
  for (std::uint32_t k = run.first; k < run.end; ++k) {
    // A given name MeCab does not know as one has no reliable reading: the
    // surname stands alone, as later mentions ("西村大臣") write it.
    if (!s.tokens[k].proper_name) {
      if (k == run.first) return std::string(s.text_of(text, run.first, run.end));
      given.clear();
      break;
    }
    std::string latin = reading(k);
    if (latin.empty()) return std::string(s.text_of(text, run.first, run.end));
    (k == run.first ? surname : given) += latin;
  }
  return given.empty() ? capitalised(surname) : capitalised(given) + " " + capitalised(surname);
}

// Whether tokens k and k+1 are one katakana name: both katakana, with
// nothing or "・" between them ("ミーガン・ウッズ").
bool katakana_joined(std::string_view text, const SentenceView& s, std::uint32_t k) {
  std::string_view g = text.substr(s.tokens[k].span.end, s.tokens[k + 1].span.begin - s.tokens[k].span.end);
  return (g.empty() || g == "・") && is_katakana(s.tokens[k].span.of(text)) &&
         is_katakana(s.tokens[k + 1].span.of(text));
}

// The person_name row a name is written as. Katakana: the run widened over
// the katakana words written with it (MeCab cuts "ミーガン・ウッズ" in
// running text as ミー|ガン|ウッズ, so only the row ウッズ matched), the
// longest written form that is a row; nullptr if none is. A full name is
// taken only when the table has it (*longer: the row is the end of a longer
// name, which is then left out).
const std::string* written_name(const Lexicon& lexicon, std::string_view text, const SentenceView& s, NameRun run,
                                bool* longer) {
  *longer = false;
  const auto n = static_cast<std::uint32_t>(s.tokens.size());
  if (run.end <= run.first) return nullptr;
  // Kanji are looked up without the space between surname and given name
  // ("服部 誠太郎").
  if (is_han(s.tokens[run.first].span.of(text))) {
    std::string kanji;
    for (std::uint32_t k = run.first; k < run.end; ++k) kanji.append(s.tokens[k].span.of(text));
    return lexicon.person_name("ja", kanji);
  }
  if (!is_katakana(s.tokens[run.first].span.of(text))) return nullptr;
  auto joined = [&](std::uint32_t k) { return katakana_joined(text, s, k); };
  std::uint32_t lo = run.first, hi = run.end;
  while (lo > 0 && run.first - lo < 4 && joined(lo - 1)) --lo;
  while (hi < n && hi - run.end < 4 && joined(hi - 1)) ++hi;
  for (std::uint32_t width = hi - lo; width >= run.end - run.first && width > 0; --width) {
    for (std::uint32_t f = lo; f + width <= hi; ++f) {
      if (f > run.first || f + width < run.end) continue;
      const std::string* label = lexicon.person_name("ja", s.text_of(text, f, f + width));
      if (!label) continue;
      // A given name before the row with "・" ("ハンス・ノイバウアー"): a
      // longer name the table lacks, someone else.
      if (f > lo && text.substr(s.tokens[f - 1].span.end, s.tokens[f].span.begin - s.tokens[f - 1].span.end) == "・") {
        *longer = true;
        return nullptr;
      }
      return label;
    }
  }
  return nullptr;
}

// A foreign name in katakana, its parts joined by "・" ("ヨハン・ベルグ"), in
// Latin letters from the name_part table ("Johan Berg"), with the spelling
// of the person's country where spellings differ; "" when a part has no
// row. Such a name is then left out, not transliterated: a reading
// ("Yohan Berugu") is never the person's own spelling, and a wrong name
// costs more than a missing one.
// A double given name joins its halves with "＝" ("ジャン＝ピエール"):
// a row of its own, else its halves' rows joined with "-".
std::string latin_from_parts(const Lexicon& lexicon, std::string_view written, std::string_view country) {
  // The pieces of s between separators sep, each spelled, joined by glue.
  auto spelled = [&](std::string_view s, std::string_view sep, char glue, auto&& spell) -> std::string {
    std::string out;
    for (std::size_t at = 0;;) {
      const std::size_t end = s.find(sep, at);
      const std::string latin = spell(s.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at));
      if (latin.empty()) return "";
      if (!out.empty()) out += glue;
      out += latin;
      if (end == std::string_view::npos) return out;
      at = end + sep.size();
    }
  };
  auto row = [&](std::string_view part) -> std::string {
    const std::string* latin = part.empty() ? nullptr : lexicon.name_part("ja", part, country);
    return latin ? *latin : std::string();
  };
  return spelled(written, "・", ' ', [&](std::string_view part) {
    std::string latin = row(part);
    return latin.empty() && part.find("＝") != std::string_view::npos ? spelled(part, "＝", '-', row) : latin;
  });
}

// Where a katakana name that starts at begin really starts: over the first
// half of a double given name the word run stops at ("ジャン＝|ピエール").
std::size_t double_name_begin(std::string_view text, std::size_t begin) {
  constexpr std::string_view kJoin = "＝";
  if (begin < kJoin.size() || text.substr(begin - kJoin.size(), kJoin.size()) != kJoin) return begin;
  std::size_t from = begin - kJoin.size();
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  while (from > 0) {
    // Back to the lead byte of the character before from, then read it
    // forward (ICU's U8_PREV casts in the old style, which -Wold-style-cast flags).
    std::size_t start = from - 1;
    while (start > 0 && (bytes[start] & 0xC0) == 0x80) --start;
    auto i = static_cast<int32_t>(start);
    UChar32 c;
    U8_NEXT(bytes, i, static_cast<int32_t>(from), c);
    if (c < 0 || static_cast<std::size_t>(i) != from || !(script_of(c) == USCRIPT_KATAKANA || c == 0x30FC)) break;
    from = start;
  }
  return from + kJoin.size() < begin ? from : begin;
}

// The country of the actor named nearest before a name in its sentence
// ("ノルウェー側からヨハン・ベルグ副大臣"), else the first one after; "".
std::string_view country_near(const SentenceView& s, const std::vector<Actor>& actors, NameRun run) {
  const ActorMention* before = nullptr;
  const ActorMention* after = nullptr;
  for (const ActorMention& a : s.actors) {
    if (a.end_token <= run.first && (!before || a.end_token > before->end_token)) before = &a;
    if (a.first_token >= run.end && (!after || a.first_token < after->first_token)) after = &a;
  }
  const ActorMention* a = before ? before : after;
  return a ? std::string_view(actors[a->actor].country) : std::string_view();
}

// Japanese names in one sentence, with the role written before or after
// them and whether a statement is theirs. blocked marks actors, roles and
// speech phrases.
std::vector<JapaneseName> japanese_names(std::string_view text, const SentenceView& s,
                                         const std::vector<bool>& blocked, const std::vector<Actor>& actors) {
  const auto n = static_cast<std::uint32_t>(s.tokens.size());
  std::vector<const Mention*> role_from(n + 1, nullptr), role_to(n + 1, nullptr);
  std::vector<bool> title_at(n + 1, false), lexical(n, false);
  for (const Mention& m : s.mentions) {
    if (!m.entry) continue;
    for (auto k = m.first_token; k < m.end_token && k < n; ++k) lexical[k] = true;
    if (m.entry->category == Category::kRole) {
      if (!role_from[m.first_token] || m.end_token > role_from[m.first_token]->end_token) role_from[m.first_token] = &m;
      if (!role_to[m.end_token] || m.first_token < role_to[m.end_token]->first_token) role_to[m.end_token] = &m;
    }
    if (m.entry->category == Category::kPersonTitle) title_at[m.first_token] = true;
  }
  // Text between tokens k and k+1: names are written together, or with a
  // space ("福岡県知事 服部誠太郎"), or a katakana name with "・".
  auto gap = [&](std::uint32_t k) {
    return text.substr(s.tokens[k].span.end, s.tokens[k + 1].span.begin - s.tokens[k].span.end);
  };
  auto joined = [&](std::uint32_t k, bool dot_ok) {
    std::string_view g = gap(k);
    return g.empty() || g == " " || g == "\u3000" || (dot_ok && g == "・");
  };
  auto actor_at = [&](std::uint32_t k) -> const ActorMention* {
    for (const ActorMention& a : s.actors) {
      if (a.first_token == k) return &a;
    }
    return nullptr;
  };

  // The role closing a title written from token k on: its portfolio words
  // together or with "・", no kana particle between ("経済・産業・気候保護・
  // エネルギー大臣"), at most six words.
  auto title_role = [&](std::uint32_t k) -> const Mention* {
    for (std::uint32_t j = k; j < n && j < k + 6; ++j) {
      if (role_from[j]) return role_from[j];
      if (!is_title_word(s.tokens[j].span.of(text)) || j + 1 >= n || !joined(j, true)) return nullptr;
    }
    return nullptr;
  };

  std::vector<JapaneseName> out;
  // A role, then the name with its reading after each part: "福岡県知事
  // 服部(はっとり) 誠太郎(せいたろう)" is Seitaro Hattori. Its tokens are
  // taken; a part whose reading is cut off leaves the surname alone, which
  // is kept only with its given name.
  std::vector<bool> taken(n, false);
  for (std::uint32_t r = 1; r <= n; ++r) {
    if (!role_to[r] || r >= n || !joined(r - 1, false) || !is_han(s.tokens[r].span.of(text))) continue;
    std::vector<std::string> parts;
    std::string written;
    std::uint32_t k = r, end_token = r, written_end = r;
    while (k < n && parts.size() < 2) {
      std::uint32_t j = k;
      while (j < n && is_han(s.tokens[j].span.of(text)) && j - k < 4 &&
             (j == k || s.tokens[j].span.begin == s.tokens[j - 1].span.end)) {
        ++j;
      }
      if (j == k) break;
      written.append(text.substr(s.tokens[k].span.begin, s.tokens[j - 1].span.end - s.tokens[k].span.begin));
      written_end = j;
      std::size_t close = 0;
      std::string latin = furigana_at(text, s.tokens[j - 1].span.end, &close);
      if (latin.empty()) break;
      parts.push_back(std::move(latin));
      while (j < n && s.tokens[j].span.begin < close) ++j;
      end_token = j;
      k = j;
    }
    JapaneseName name;
    if (parts.size() == 1 && written_end > end_token) {
      // The given name's furigana cut off ("誠太郎(せい"): no reading to
      // trust, but the table may name the person by the kanji.
      name.run = {r, written_end};
      name.written = std::move(written);
    } else if (parts.size() < 2) {
      continue;
    } else {
      name.run = {r, end_token};
      name.latin = capitalised(parts[1]) + " " + capitalised(parts[0]);
    }
    name.role = role_to[r]->entry->label;
    for (const ActorMention& a : s.actors) {
      if (a.end_token == role_to[r]->first_token) name.affiliation = actors[a.actor].name;
    }
    for (std::uint32_t t = r; t < name.run.end; ++t) taken[t] = true;
    out.push_back(std::move(name));
  }
  for (std::uint32_t k = 0; k < n;) {
    if (blocked[k] || taken[k]) { ++k; continue; }
    NameRun run{k, k};
    // Katakana names (foreign ones) are read as katakana runs below, even
    // where MeCab knows a part ("ヨハン").
    bool known = s.tokens[k].proper_name && !is_katakana(s.tokens[k].span.of(text));
    if (known) {
      run.end = k + 1;
      while (run.end < n && run.end - run.first < 3 && s.tokens[run.end].proper_name && !blocked[run.end] &&
             !is_katakana(s.tokens[run.end].span.of(text)) && joined(run.end - 1, false)) {
        ++run.end;
      }
      // A given name MeCab splits into characters it does not know as names
      // ("西村" "康" "稔"): single Han characters up to a role or honorific.
      std::uint32_t rest = run.end;
      while (rest < n && rest - run.end < 2 && !blocked[rest] && !lexical[rest] && joined(rest - 1, false) &&
             is_single_han(s.tokens[rest].span.of(text))) {
        ++rest;
      }
      if (rest > run.end && rest < n && joined(rest - 1, false) && (role_from[rest] || title_at[rest])) run.end = rest;
    } else {
      // Words MeCab does not know: single Han characters, or katakana.
      std::string_view w = s.tokens[k].span.of(text);
      const bool han = is_single_han(w) && !lexical[k];
      const bool kana = is_katakana(w) && !lexical[k] && !(k > 0 && is_katakana(s.tokens[k - 1].span.of(text)) &&
                                                            joined(k - 1, true) && !blocked[k - 1]);
      if (!han && !kana) { ++k; continue; }
      run.end = k + 1;
      // A foreign name is also joined to its title by "・" ("アラン・
      // マクドナルド・エネルギー担当大臣"): the name ends where a title begins.
      auto title_after_dot = [&](std::uint32_t at) { return kana && gap(at - 1) == "・" && title_role(at); };
      while (run.end < n && run.end - run.first < 4 && !blocked[run.end] && !lexical[run.end] &&
             joined(run.end - 1, kana) && !(run.end - run.first >= 2 && title_after_dot(run.end)) &&
             (han ? is_single_han(s.tokens[run.end].span.of(text)) : is_katakana(s.tokens[run.end].span.of(text)))) {
        ++run.end;
      }
      // Han characters before a role or honorific; katakana before an
      // honorific, or a foreign full name ("モナ・ノイバウアー") before a title.
      bool dotted = false;
      // (Some pages write a space for the "・": "ヨハン ベルグ".)
      for (std::uint32_t j = run.first; j < run.end; ++j) {
        dotted = dotted || s.tokens[j].span.of(text).find("・") != std::string_view::npos ||
                 (j + 1 < run.end && (gap(j) == "・" || (kana && (gap(j) == " " || gap(j) == "\u3000"))));
      }
      const bool marked = run.end < n && ((joined(run.end - 1, false) &&
                           (title_at[run.end] || (han && role_from[run.end]) || (kana && dotted && title_role(run.end)))) ||
                          (dotted && title_after_dot(run.end)));
      if (!marked || (han && run.end - run.first < 2)) { k = run.end; continue; }
    }
    JapaneseName name;
    name.run = run;
    // The role after the name, over a place ("内堀雅雄福島県知事"); or before
    // it, over one linking word ("経済産業大臣の西村康稔氏").
    std::uint32_t after = run.end;
    std::string place;
    const Mention* role = nullptr;
    if (after < n && role_from[after] && joined(after - 1, false)) {
      role = role_from[after];
    } else if (const ActorMention* a = after < n ? actor_at(after) : nullptr; a && joined(after - 1, false)) {
      place = actors[a->actor].name;
      after = a->end_token;
      if (after < n && role_from[after] && joined(after - 1, false)) role = role_from[after];
    }
    if (!role && after < n && joined(after - 1, false)) role = title_role(after);
    if (!role && after == run.end && after < n && gap(after - 1) == "・" && is_katakana(s.tokens[run.first].span.of(text))) {
      role = title_role(after);
    }
    if (!role && role_to[run.first]) role = role_to[run.first];
    if (!role && run.first >= 1 && role_to[run.first - 1] && !blocked[run.first - 1]) role = role_to[run.first - 1];
    if (role) {
      name.role = role->entry->label;
      if (place.empty() && role->end_token <= run.first) {
        // A place just before the role: "福岡県知事の服部誠太郎氏".
        for (const ActorMention& a : s.actors) {
          if (a.end_token == role->first_token) place = actors[a.actor].name;
        }
      }
    }
    name.affiliation = place;
    // A full name (surname and given name) stands by itself; a single word
    // needs a role or an honorific.
    const bool titled = title_at[run.end] || (after < n && title_at[after]);
    if (!role && !titled && !(known && run.end - run.first >= 2)) { k = run.end; continue; }
    out.push_back(name);
    k = run.end;
  }

  // Names the person_name table gives ("ボーエン氏", "クリス・ボーエン"), which
  // no reading above finds, may be speakers too.
  for (const Mention& m : s.mentions) {
    if (!m.entry || m.entry->category != Category::kPersonName) continue;
    const NameRun run{m.first_token, m.end_token};
    if (std::none_of(out.begin(), out.end(), [&](const JapaneseName& jn) {
          return jn.run.first < run.end && run.first < jn.run.end;
        })) {
      out.push_back({run, "", "", "", false, ""});
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const JapaneseName& a, const JapaneseName& b) { return a.run.first < b.run.first; });

  // Statements: 「…」と述べた / …と語った, or a name opening a quotation
  // ("西村大臣は「…」"). The speaker is the last name before the quotation,
  // or before the speech phrase if there is none.
  auto quote_open_before = [&](std::size_t pos) -> std::size_t {
    std::string_view sv = text.substr(s.span.begin, pos - s.span.begin);
    auto close = sv.rfind("」");
    if (close == std::string_view::npos) return std::string_view::npos;
    // Only a quotation that ends just before the speech phrase.
    std::string_view tail = sv.substr(close + std::string_view("」").size());
    if (tail.size() > 3) return std::string_view::npos;
    auto open = sv.rfind("「", close);
    return open == std::string_view::npos ? std::string_view::npos : s.span.begin + open;
  };
  for (const Mention& m : s.mentions) {
    if (!m.entry || m.entry->category != Category::kSpeech) continue;
    std::size_t limit = s.tokens[m.first_token].span.begin;
    if (std::size_t open = quote_open_before(limit); open != std::string_view::npos) limit = open;
    JapaneseName* speaker = nullptr;
    for (JapaneseName& name : out) {
      if (s.tokens[name.run.end - 1].span.end <= limit) speaker = &name;
    }
    if (speaker) speaker->quoted = true;
  }
  for (JapaneseName& name : out) {
    // Name, then only its role, place, honorific and one particle, then an
    // opening quotation mark.
    std::size_t pos = s.tokens[name.run.end - 1].span.end;
    std::size_t open = text.substr(pos, s.span.end - pos).find("「");
    if (open == std::string_view::npos) continue;
    open += pos;
    std::uint32_t k = name.run.end;
    bool particle = false;
    while (k < n && s.tokens[k].span.begin < open) {
      if (blocked[k] || title_at[k]) { ++k; continue; }
      if (particle || s.tokens[k].span.size() > 3) break;
      particle = true;
      ++k;
    }
    if (k >= n || s.tokens[k].span.begin >= open) name.quoted = true;
  }
  return out;
}

// A role row's label: the English role, then '@' and the case a name after
// it is written in ("prime minister@gen"), if not the nominative.
std::string_view role_of(const Mention* r) {
  std::string_view label = r->entry->label;
  return label.substr(0, label.find('@'));
}
std::string_view case_of(const Mention* r) {
  std::string_view label = r->entry->label;
  auto at = label.find('@');
  return at == std::string_view::npos ? std::string_view() : label.substr(at + 1);
}

// The name in the nominative, word by word and each part of a hyphenated
// word ("Pauliny Hennig-Kloski": Paulina Hennig-Kloska).
std::string nominative_name(const Lexicon& lexicon, std::string_view lang, std::string_view grammatical_case,
                            std::string_view name) {
  std::string out;
  std::size_t from = 0;
  while (from <= name.size()) {
    std::size_t to = name.find_first_of(" -", from);
    if (to == std::string_view::npos) to = name.size();
    out += lexicon.nominative(lang, grammatical_case, name.substr(from, to - from));
    if (to < name.size()) out += name[to];
    from = to + 1;
  }
  return out;
}

}  // namespace

std::vector<Person> find_people(const Lexicon& lexicon, std::string_view text,
                                const std::vector<SentenceView>& views, const Layout& layout,
                                std::string_view lang) {
  (void)layout;
  std::vector<Person> people;
  auto find_person = [&](const std::string& name) -> Person* {
    for (Person& p : people) {
      if (p.name == name) return &p;
    }
    // A surname alone ("Støre", "von der Leyen") refers to the person
    // already named in full.
    for (Person& p : people) {
      if (p.name.size() > name.size() + 1 && p.name.compare(p.name.size() - name.size(), name.size(), name) == 0 &&
          p.name[p.name.size() - name.size() - 1] == ' ') {
        return &p;
      }
    }
    // A genitive of a name already known: "premiärminister Modis besök".
    if (name.size() > 4 && name.back() == 's' && name.find(' ') == std::string::npos) {
      const std::string bare = name.substr(0, name.size() - 1);
      for (Person& p : people) {
        if (p.name == bare || last_word(p.name) == bare) return &p;
      }
    }
    return nullptr;
  };
  const auto& actors = lexicon.gazetteer().actors();
  // Organizations the gazetteer does not know, as the sentences name them.
  std::set<std::string> org_names;
  for (const SentenceView& v : views) {
    for (const UnknownOrg& o : v.unknown_orgs) org_names.insert(o.name);
  }

  for (const SentenceView& s : views) {
    const auto n = static_cast<std::uint32_t>(s.tokens.size());
    // Tokens that cannot be part of a name: actors and lexicon words other
    // than titles of address.
    std::vector<bool> blocked(n, false);
    for (const Mention& m : s.mentions) {
      // Only actors, roles and speech verbs end a name: "Jan" is a month
      // abbreviation and a first name.
      bool stops = m.alias || (m.entry && (m.entry->category == Category::kRole ||
                                           m.entry->category == Category::kSpeech));
      // A view's opening word ("Pour", "For") only where it opens the sentence.
      if (m.entry && m.entry->category == Category::kSpeech && m.entry->label == "lead" && m.first_token != 0) stops = false;
      if (!stops) continue;
      for (std::uint32_t k = m.first_token; k < m.end_token && k < n; ++k) blocked[k] = true;
    }
    auto affiliation_near = [&](std::uint32_t from, std::uint32_t to) -> std::string {
      for (const ActorMention& a : s.actors) {
        if (a.first_token + 3 >= from && a.first_token < to && !a.venue) return actors[a.actor].name;
      }
      return "";
    };
    // titled: a role stands right before the name, so a surname alone
    // ("Minister Hermans", "EU-Energiekommissarin Simson") is a person.
    auto note = [&](NameRun run, std::string_view role_view, const std::string& affiliation, bool quoted,
                    bool titled = false, std::string_view grammatical_case = {}) {
      if (run.end <= run.first) return;
      const std::string role(role_view);
      std::string name(s.text_of(text, run.first, run.end));
      if (!grammatical_case.empty()) name = nominative_name(lexicon, lang, grammatical_case, name);
      bool single = run.end - run.first == 1;
      Person* p = find_person(name);
      // The full name after the surname alone: the same person.
      if (!p && !single) {
        for (Person& q : people) {
          if (q.name == last_word(name)) { q.name = name; p = &q; }
        }
      }
      if (!p) {
        // A lone capitalised word is too weak to be a person, unless a role
        // introduces it and no lexicon entry reads it otherwise.
        if (single && !titled) return;
        if (single && std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& m) {
              return m.first_token <= run.first && run.first < m.end_token;
            })) {
          return;
        }
        people.push_back({name, role, affiliation, quoted, {s.tokens[run.first].span.begin, s.tokens[run.end - 1].span.end}});
        return;
      }
      if (p->role.empty()) p->role = role;
      if (p->affiliation.empty()) p->affiliation = affiliation;
      p->quoted = p->quoted || quoted;
    };

    // Japanese names have no capitals: MeCab's name tokens, or words before
    // a role or honorific.
    if (has_cjk(s.span.of(text))) {
      // Office holders whose Latin spelling no reading gives ("ノイバウアー"
      // is Neubaur): the person_name table names them, found or not by
      // the rules below.
      auto spelled = [&](NameRun run) -> const Mention* {
        for (const Mention& m : s.mentions) {
          if (m.entry && m.entry->category == Category::kPersonName && m.first_token < run.end &&
              run.first < m.end_token) {
            return &m;
          }
        }
        return nullptr;
      };
      std::vector<JapaneseName> names = japanese_names(text, s, blocked, actors);
      // A katakana full name with its Latin form in parentheses right after
      // it ("ヨハン・ベルグ（Johan Berg）"): the page spells it for us.
      const std::string_view sentence = s.span.of(text);
      const bool parenthesised = sentence.find('(') != std::string_view::npos ||
                                 sentence.find("\uFF08") != std::string_view::npos;
      for (std::uint32_t k = 0; parenthesised && k < n;) {
        if (!is_katakana(s.tokens[k].span.of(text))) { ++k; continue; }
        std::uint32_t end = k + 1;
        while (end < n && katakana_joined(text, s, end - 1)) ++end;
        const NameRun run{k, end};
        k = end;
        if (s.text_of(text, run.first, run.end).find("・") == std::string_view::npos) continue;
        std::string latin = parenthesised_latin(text, s.tokens[run.end - 1].span.end);
        if (latin.empty()) continue;
        auto it = std::find_if(names.begin(), names.end(), [&](const JapaneseName& jn) {
          return jn.run.first < run.end && run.first < jn.run.end;
        });
        if (it == names.end()) {
          names.push_back({run, latin, "", "", false, ""});
        } else if (it->latin.empty()) {
          it->latin = latin;
        }
      }
      // (Names of the person_name table that no reading finds are already
      // among them: japanese_names adds them, as speakers.)
      for (const JapaneseName& jn : names) {
        std::string name = jn.latin.empty() ? english_name(text, s, jn.run) : jn.latin;
        // The table's spelling wins over a reading where it names the
        // whole name as written.
        bool longer = false;
        const std::string* row = jn.written.empty() ? written_name(lexicon, text, s, jn.run, &longer)
                                                    : lexicon.person_name("ja", jn.written);
        if (longer && jn.latin.empty()) continue;
        if (row && jn.latin.empty()) {
          name = *row;
        } else if (!jn.written.empty()) {
          continue;
        } else if (const Mention* m = spelled(jn.run);
                   m && ((m->first_token <= jn.run.first && jn.run.end <= m->end_token) ||
                         // A katakana full name whose surname alone is a row
                         // ("ハンス・ノイバウアー") is someone else: left out.
                         (!has_latin(name) && !is_katakana(s.tokens[jn.run.first].span.of(text))))) {
          name = m->entry->label;
        }
        // A foreign name neither table lists whole: spelled from its parts.
        // A part alone ("ベルグ氏") is a surname, taken only for someone
        // already named in full.
        if (!row && jn.latin.empty() && !has_latin(name) && is_katakana(s.tokens[jn.run.first].span.of(text))) {
          const std::size_t begin = double_name_begin(text, s.tokens[jn.run.first].span.begin);
          // A space between the parts stands for "・" ("ヨハン ベルグ").
          std::string written(text.substr(begin, s.tokens[jn.run.end - 1].span.end - begin));
          for (std::string_view space : {" ", "\u3000"}) {
            for (std::size_t at; (at = written.find(space)) != std::string::npos;) written.replace(at, space.size(), "・");
          }
          std::string parts = latin_from_parts(lexicon, written, country_near(s, actors, jn.run));
          if (parts.find(' ') != std::string::npos ||
              (!parts.empty() && std::any_of(people.begin(), people.end(),
                                             [&](const Person& q) { return last_word(q.name) == parts; }))) {
            name = std::move(parts);
          }
        }
        Person* p = find_person(name);
        // The full name after the surname alone: the same person.
        if (!p && name.find(' ') != std::string::npos) {
          for (Person& q : people) {
            if (q.name == last_word(name)) { q.name = name; p = &q; }
          }
        }
        // The surname alone after the full name ("モナ・ノイバウアー ...
        // ノイバウアー氏"): the same person.
        if (!p && name.find(' ') == std::string::npos && has_latin(name)) {
          for (Person& q : people) {
            if (last_word(q.name) == name) p = &q;
          }
        }
        if (!p) {
          people.push_back({name, jn.role, jn.affiliation, jn.quoted,
                            {s.tokens[jn.run.first].span.begin, s.tokens[jn.run.end - 1].span.end}});
          continue;
        }
        if (p->role.empty()) p->role = jn.role;
        if (p->affiliation.empty()) p->affiliation = jn.affiliation;
        p->quoted = p->quoted || jn.quoted;
      }
    }

    auto roles = s.of(Category::kRole);
    auto speech = s.of(Category::kSpeech);
    // Role, then name: "energiminister Kari Nordmann".
    for (const Mention* r : roles) {
      std::uint32_t i = r->end_token;
      // Skip an actor between role and name: "President of Chile Ana Pérez".
      for (const ActorMention& a : s.actors) {
        if (a.first_token == i || (a.first_token == i + 1 && blocked[i])) i = a.end_token;
      }
      // ... or an organization no table knows, named as one somewhere in the
      // text, over one lower-case word: "el presidente de Kaiyo Sangyo,
      // Hiroshi Tanabe".
      for (std::uint32_t at : {i, i + 1}) {
        if (at >= n || (at == i + 1 && starts_upper(s.tokens[i].span.of(text)))) continue;
        NameRun org = name_at(text, s, at, blocked);
        if (org.end > org.first &&
            org_names.count(std::string(text.substr(s.tokens[org.first].span.begin,
                                                    s.tokens[org.end - 1].span.end - s.tokens[org.first].span.begin)))) {
          i = org.end;
          break;
        }
      }
      // A title of address between role and name: "Geschäftsführerin Dr.
      // Katrin Mehlhorn".
      bool addressed = false;
      for (const Mention* t : s.of(Category::kPersonTitle)) {
        if (t->first_token == i && t->end_token > i) { i = t->end_token; addressed = true; }
      }
      if (i >= n) continue;
      // Menu items stand apart by several spaces ("Ministeren   Ansvarsområder"):
      // no title and its name.
      if (i == r->end_token &&
          text.substr(s.tokens[i - 1].span.end, s.tokens[i].span.begin - s.tokens[i - 1].span.end).find("  ") !=
              std::string_view::npos) {
        continue;
      }
      NameRun run = name_at(text, s, i, blocked);
      // A role closing on a preposition opens its portfolio, capitalised in
      // Dutch and French ("minister van Economie, Industrie en Energie"): one
      // word there before a comma or a conjunction is the portfolio's first
      // word, not a surname.
      if (run.end == run.first + 1 && i == r->end_token && run.end < n &&
          is_particle(s.tokens[r->end_token - 1].span.of(text))) {
        const auto after = text.substr(s.tokens[run.end - 1].span.end, s.tokens[run.end].span.begin - s.tokens[run.end - 1].span.end);
        const bool listed = after.starts_with(",") || std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& m) {
          return m.entry && m.entry->category == Category::kConjunction && m.first_token == run.end;
        });
        if (listed) run.end = run.first;
      }
      const bool titled = i == r->end_token || addressed;
      // The name in apposition after the role's place or portfolio:
      // "Gouverneur der Präfektur, Taro Yamada", "ambassadør til Danmark,
      // Jane Smith", "næringssjef i Vestland fylkeskommune Ola Hansen",
      // "ministre ... de l'Énergie, Marie Dupont". A full name
      // after a comma or an actor, within a few words, before another role or
      // a speech verb.
      if (run.end <= run.first) {
        for (std::uint32_t j = i; j < n && j < r->end_token + 16; ++j) {
          bool stop = std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& m) {
            return m.first_token == j && m.entry &&
                   (m.entry->category == Category::kRole ||
                    (m.entry->category == Category::kSpeech && m.entry->label != "lead"));
          });
          if (stop) break;
          std::string_view before = text.substr(s.tokens[j - 1].span.end, s.tokens[j].span.begin - s.tokens[j - 1].span.end);
          // An actor's name, not its adjective: "von kanadischen Start-ups
          // Verfahren" names no person.
          bool after_actor = std::any_of(s.actors.begin(), s.actors.end(), [&](const ActorMention& a) {
            return a.end_token == j && a.form != AliasForm::kDemonym;
          });
          if (before.find_first_of(".;:!?()") != std::string_view::npos) break;
          if (before.find(',') == std::string_view::npos && !after_actor) continue;
          NameRun apposed = name_at(text, s, j, blocked);
          // Not a forum or a programme: no lexicon word inside.
          bool lexical = std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& m) {
            return m.first_token < apposed.end && apposed.first < m.end_token;
          });
          if (apposed.end - apposed.first >= 2 && !lexical) {
            run = apposed;
            break;
          }
        }
      }
      // A capitalised portfolio between the role's preposition and the name,
      // no comma before the name: "Minister for Climate Change and Energy
      // Chris Bowen", "Minister of Trade, Industry and Energy Ahn
      // Duk-geun". The portfolio's words and the name run together: the
      // name is the last two words after the portfolio's last conjunction,
      // comma or article, or the whole run after an actor ("President of
      // the European Commission Ursula von der Leyen"); no lexicon word in it.
      if (run.end <= run.first && i == r->end_token && i + 1 < n && s.tokens[i].is_word &&
          !starts_upper(s.tokens[i].span.of(text)) && s.tokens[i].span.size() <= 4 && !blocked[i]) {
        auto gap_after = [&](std::uint32_t t) { return s.gap_before(text, t + 1); };
        std::vector<std::uint32_t> words;  // each word's first token (a hyphenated word is one)
        bool after_actor = false;
        std::uint32_t end = 0;
        // A segment long enough to end in a name, closed by a conjunction:
        // "... Natural Resources Jonathan Wilkinson and German ...".
        NameRun closed{0, 0};
        auto close = [&] {
          if (words.size() >= 3 && !after_actor) closed = {words[words.size() - 2], end};
          words.clear();
          after_actor = false;
        };
        for (std::uint32_t k = i + 1; k < n && k < i + 20; ++k) {
          const std::string_view w = s.tokens[k].span.of(text);
          const ActorMention* actor = nullptr;
          for (const ActorMention& a : s.actors) {
            if (a.first_token == k && a.form != AliasForm::kDemonym) actor = &a;
          }
          const bool conj = std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& m) {
            return m.entry && m.entry->category == Category::kConjunction && m.first_token == k;
          });
          if (actor) {
            k = actor->end_token - 1;
            words.clear();
            after_actor = true;
          } else if (conj) {
            close();
          } else if (s.tokens[k].is_word && starts_upper(w) && !blocked[k]) {
            words.push_back(k);
            while (k + 1 < n && gap_after(k) == "-" && s.tokens[k + 1].is_word) ++k;
            end = k + 1;
          } else if (s.tokens[k].is_word && is_particle(w) && !words.empty()) {
            // inside a name: "Ursula von der Leyen"
          } else if (s.tokens[k].is_word && !starts_upper(w) && w.size() <= 4 && !blocked[k] && k + 1 < n &&
                     starts_upper(s.tokens[k + 1].span.of(text))) {
            close();  // "of", "the" before a capital: the portfolio goes on
          } else {
            break;
          }
          if (k + 1 >= n) break;
          const std::string_view gap = gap_after(k);
          if (gap == " ") continue;
          if (gap.starts_with(",") && gap.find_first_not_of(", ") == std::string_view::npos && !words.empty() &&
              starts_upper(s.tokens[k + 1].span.of(text)) && !after_actor) {
            words.clear();  // a comma inside the portfolio: "Trade, Industry and Energy"
            continue;
          }
          break;
        }
        // Only an office holds a portfolio ("Präsident von Kaiun Green Fuels"
        // names a company): the role a minister's, secretary's or
        // commissioner's, unless an actor stands before the name.
        const std::string_view office = role_of(r);
        const bool portfolio_office = office.find("minister") != std::string_view::npos ||
                                      office.find("secretary") != std::string_view::npos ||
                                      office.find("commissioner") != std::string_view::npos;
        const std::size_t take = after_actor ? std::min<std::size_t>(words.size(), 4) : 2;
        NameRun named = portfolio_office ? closed : NameRun{0, 0};
        if (take >= 2 && words.size() >= take && (after_actor || (words.size() >= 3 && portfolio_office))) {
          named = {words[words.size() - take], end};
        }
        if (named.end > named.first) {
          const bool lexical = std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& m) {
            return m.first_token < named.end && named.first < m.end_token;
          });
          if (!lexical) run = named;
        }
      }
      if (run.end <= run.first) continue;
      bool quoted = false;
      // "enligt Danmarks klimat- och energiminister X": between the phrase
      // and the role only a country's genitive and the portfolio's parts.
      auto portfolio = [&](std::uint32_t k) {
        if (std::any_of(s.actors.begin(), s.actors.end(),
                        [&](const ActorMention& a) { return a.first_token <= k && k < a.end_token; })) {
          return true;
        }
        if (std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& m) {
              return m.entry && m.entry->category == Category::kConjunction && m.first_token == k &&
                     m.end_token == k + 1;
            })) {
          return true;
        }
        const auto gap = text.substr(s.tokens[k].span.end, s.tokens[k + 1].span.begin - s.tokens[k].span.end);
        return gap == "- " || gap == "-, ";
      };
      for (const Mention* sp : speech) {
        if (sp->entry->label != "after" || sp->end_token > r->first_token || r->first_token - sp->end_token > 5) {
          continue;
        }
        const bool adjacent = r->first_token - sp->end_token <= 1;
        bool between = true;
        for (std::uint32_t k = sp->end_token; k < r->first_token && between && !adjacent; ++k) between = portfolio(k);
        if (between) quoted = true;
      }
      // "Role Name: „...“": a statement line.
      if (run.end < n) {
        auto rest = text.substr(s.tokens[run.end - 1].span.end, 3);
        if (!rest.empty() && rest[0] == ':') quoted = true;
      }
      note(run, role_of(r), affiliation_near(r->first_token, run.first), quoted, titled, case_of(r));
    }
    // Name, then role in apposition: "signé par Marc-André Gagnon,
    // président de la grappe", "Hilde Aspås, næringssjef i ...". A full
    // name (two words or more, no lexicon word inside) right before the
    // comma.
    // A country's genitive may come between the comma and the role ("Chris
    // Bowen, Australia's Minister for Climate Change and Energy").
    for (const Mention* r : roles) {
      std::uint32_t j = r->first_token;
      if (j < 2) continue;
      auto gap_before = [&](std::uint32_t k) { return s.gap_before(text, k); };
      if (gap_before(j) != ", ") {
        // One capitalised word in the genitive: "Australia's", "Japan's".
        const std::string_view owner = s.tokens[j - 1].span.of(text);
        if (j < 3 || gap_before(j) != " " || gap_before(j - 1) != ", " || !starts_upper(owner) ||
            !(owner.ends_with("'s") || owner.ends_with("\u2019s"))) {
          continue;
        }
        --j;
      }
      std::uint32_t start = j - 1;
      while (start > 0 && j - start < 5 && !blocked[start - 1] && s.tokens[start - 1].is_word &&
             starts_upper(s.tokens[start - 1].span.of(text)) &&
             (text.substr(s.tokens[start - 1].span.end, s.tokens[start].span.begin - s.tokens[start - 1].span.end) == " " ||
              text.substr(s.tokens[start - 1].span.end, s.tokens[start].span.begin - s.tokens[start - 1].span.end) == "-")) {
        --start;
      }
      NameRun run = name_at(text, s, start, blocked);
      // A capitalised lexicon word that opens the sentence is no part of
      // the name after it: "Pour Ingrid Solheim, directrice de ...".
      for (const Mention& m : s.mentions) {
        if (m.first_token == run.first && run.first == 0 && m.end_token + 2 <= run.end) run.first = m.end_token;
      }
      if (run.end != j || run.end - run.first < 2) continue;
      bool lexical = std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& m) {
        return m.first_token < run.end && run.first < m.end_token;
      }) || std::any_of(s.unknown_orgs.begin(), s.unknown_orgs.end(), [&](const UnknownOrg& o) {
        return o.first_token < run.end && run.first < o.end_token;
      });
      if (lexical) continue;
      // "Mike Crabtree, president of the council, said ...": the apposition
      // closed by a comma, then a speech verb.
      bool quoted = false;
      for (std::uint32_t k = r->end_token; k < n && k <= r->end_token + 8; ++k) {
        if (gap_before(k) != ", ") continue;
        quoted = std::any_of(speech.begin(), speech.end(), [&](const Mention* sp) {
          return sp->entry->label == "before" && sp->first_token == k;
        });
        break;
      }
      note(run, role_of(r), affiliation_near(r->end_token, r->end_token + 6), quoted, false, case_of(r));
    }
    // A view opening the sentence ("Pour Christopher Skeete, cette lettre
    // « ... »", "For Kari Nordmann, the deal ..."; speech label lead): the
    // person named before, or with a role in this sentence, states it.
    for (const Mention* sp : speech) {
      if (sp->entry->label != "lead" || sp->first_token != 0 || sp->end_token >= n) continue;
      const NameRun run = name_at(text, s, sp->end_token, blocked);
      if (run.end <= run.first || run.end >= n) continue;
      const auto after = text.substr(s.tokens[run.end - 1].span.end, s.tokens[run.end].span.begin - s.tokens[run.end - 1].span.end);
      if (!after.starts_with(",")) continue;
      if (Person* p = find_person(std::string(s.text_of(text, run.first, run.end)))) p->quoted = true;
    }
    // Speech verb, then name: "..., sier Vestre", "so X".
    for (const Mention* sp : speech) {
      if (sp->entry->label != "after") continue;
      std::uint32_t i = sp->end_token;
      const Mention* role = nullptr;
      // Over one article: "ha dichiarato il ministro", "afirmó el consejero".
      for (std::uint32_t at : {i, i + 1}) {
        for (const Mention* r : roles) {
          if (!role && r->first_token == at) role = r;
        }
      }
      if (role) i = role->end_token;
      const bool has_role = role != nullptr;
      NameRun run = i < n ? name_at(text, s, i, blocked) : NameRun{i, i};
      // The role alone refers to the person named with it before: the
      // last one whose role starts with it ("il ministro" is "minister of
      // the environment ..." Pichetto Fratin).
      if (has_role && run.end <= run.first) {
        // Else the last one whose role holds it as a word ("sagte die
        // Ministerin": the federal minister named before).
        const std::string_view said = role_of(role);
        auto holds = [&](const std::string& held, bool prefix) {
          if (said.empty() || held.size() < said.size()) return false;
          if (prefix) return held.compare(0, said.size(), said) == 0;
          for (auto at = held.find(said); at != std::string::npos; at = held.find(said, at + 1)) {
            const bool left = at == 0 || held[at - 1] == ' ';
            const bool right = at + said.size() == held.size() || held[at + said.size()] == ' ';
            if (left && right) return true;
          }
          return false;
        };
        for (bool prefix : {true, false}) {
          auto p = std::find_if(people.rbegin(), people.rend(), [&](const Person& q) { return holds(q.role, prefix); });
          if (p != people.rend()) {
            p->quoted = true;
            break;
          }
        }
        continue;
      }
      // A quotation closed by its verb alone ("«...», afirmó."): the speaker
      // is the person named last before it.
      // A quotation that opened in a sentence before closes right before
      // the verb: "... proyectos. Hay mucho espacio», afirmó.".
      bool closes = false;
      if (sp->first_token > 0) {
        const auto gap = text.substr(s.tokens[sp->first_token - 1].span.end,
                                     s.tokens[sp->first_token].span.begin - s.tokens[sp->first_token - 1].span.end);
        for (std::string_view q : {"»", "\"", "”", "“", "«"}) closes = closes || gap.find(q) != std::string_view::npos;
      }
      if (!has_role && i >= n && (s.quote || closes)) {
        Person* last = nullptr;
        for (Person& p : people) {
          if (p.span.begin < s.span.begin && (!last || p.span.begin > last->span.begin)) last = &p;
        }
        if (last) last->quoted = true;
        continue;
      }
      if (i >= n) continue;
      if (has_role) continue;  // handled with the role above
      note(run, "", "", true);
    }
    // Name, then speech verb: "Vestre sagte", "Solberg said". A name is
    // one run of words joined by spaces or hyphens: "der Regierung, James
    // Mnyupe, erklärte" is James Mnyupe. After a comma, a speech verb that
    // a capitalised word follows introduces that name ("... i Nord-Europa,
    // sier Thomassen"): the words before the comma end the quotation.
    auto gap_at = [&](std::uint32_t k) { return s.gap_before(text, k); };
    for (const Mention* sp : speech) {
      if (sp->entry->label != "before" || sp->first_token == 0) continue;
      std::uint32_t j = sp->first_token;
      // A name that ends a quotation ("... del Piano Mattei», ha
      // dichiarato") is inside it, not its speaker.
      bool closes_quote = false;
      for (std::string_view q : {"»", "\"", "”", "“", "«"}) closes_quote = closes_quote || gap_at(j).find(q) != std::string_view::npos;
      if (closes_quote) continue;
      if (gap_at(j).find(',') != std::string_view::npos && sp->end_token < n &&
          starts_upper(s.tokens[sp->end_token].span.of(text))) {
        continue;
      }
      // A party's letters in parentheses between name and verb: "Ebba
      // Busch (KD) säger", "Nina Berglund (S) menar".
      if (j >= 2 && gap_at(j).starts_with(")") && gap_at(j - 1).ends_with("(") && !blocked[j - 1]) --j;
      std::uint32_t start = j;
      while (start > 0 && j - start < 4 && !blocked[start - 1] &&
             starts_upper(s.tokens[start - 1].span.of(text)) &&
             (start == j || gap_at(start) == " " || gap_at(start) == "-")) {
        --start;
      }
      // The end of the run that names someone already known ("... and
      // Tourism Don Farrell said": Don Farrell, named with his role).
      for (std::uint32_t k = start + 1; k + 1 < j; ++k) {
        const std::string tail(s.text_of(text, k, j));
        if (std::any_of(people.begin(), people.end(), [&](const Person& p) { return p.name == tail; })) {
          start = k;
          break;
        }
      }
      if (start < j) note({start, j}, "", "", true);
    }
  }
  // A genitive is not part of the name: "Per Olav Lunds besøk" is
  // Lund's visit when "Lund" stands alone elsewhere in the text.
  for (Person& p : people) {
    const std::string last = last_word(p.name);
    if (p.name.find(' ') == std::string::npos || last.size() < 4 || last.back() != 's') continue;
    if (has_word(text, std::string_view(last).substr(0, last.size() - 1))) {
      p.name.pop_back();
      continue;
    }
    // A hyphenated given name whose part after the hyphen is lower case
    // ("Jae-in", "Geun-hye": Korean and Chinese romanisations) never ends
    // in "s": "president Moon Jae-ins besøk" is Moon Jae-in's visit.
    const auto hyphen = last.rfind('-');
    if (hyphen != std::string::npos && hyphen + 3 < last.size() &&
        std::islower(static_cast<unsigned char>(last[hyphen + 1])) != 0) {
      p.name.pop_back();
    }
  }
  // A name in a case of the document's language ("Pekka Virtasen mukaan",
  // "ministeri Karhusen mukaan"): the nominative, where the text also
  // writes it or the name stands before a word that governs the case; a
  // surname alone then joins the person named in full.
  if (const auto& cases = lexicon.name_cases(lang); !cases.empty()) {
    for (Person& p : people) {
      const std::string last = last_word(p.name);
      std::string written;
      for (const auto& c : cases) {  // longest written ending first
        if (!c.fits(last)) continue;
        if (std::string nominative = c.nominative_of(last); has_word(text, nominative)) {
          written = std::move(nominative);
          break;
        }
      }
      if (written.empty()) {
        // The word after the name's first mention.
        std::size_t at = p.span.end;
        while (at < text.size() && (text[at] == ' ' || text[at] == ',')) ++at;
        std::size_t end = at;
        while (end < text.size() && text[end] != ' ' && text[end] != ',' && text[end] != '.' && text[end] != '\n') ++end;
        if (auto governed = lexicon.case_governed_by(lang, text::fold(text.substr(at, end - at))); !governed.empty()) {
          std::string nominative = lexicon.nominative(lang, governed, last);
          if (nominative != last) written = std::move(nominative);
        }
      }
      if (!written.empty()) p.name = p.name.substr(0, p.name.size() - last.size()) + written;
    }
    for (Person& p : people) {
      if (p.name.find(' ') != std::string::npos) continue;
      for (Person& q : people) {
        if (&q == &p || q.name.find(' ') == std::string::npos || last_word(q.name) != p.name) continue;
        q.quoted = q.quoted || p.quoted;
        if (q.role.empty()) q.role = p.role;
        p.name.clear();  // dropped below (no Latin letters)
        break;
      }
    }
  }
  // The contract writes names in Latin letters; a Japanese name MeCab has
  // no reading for (a katakana foreign name, unknown kanji) is left out
  // rather than guessed.
  // Two mentions that became one name (a genitive undone: "Jan Christian
  // Vestres besøk", then "sier Jan Christian Vestre"), or one name with a
  // slip of a letter, are one person: the first keeps what the other adds
  // (its quote, role, affiliation).
  std::vector<Person> kept;
  for (Person& p : people) {
    if (!has_latin(p.name)) continue;
    auto dup = std::find_if(kept.begin(), kept.end(), [&](const Person& q) { return q.name == p.name; });
    if (dup == kept.end()) {
      dup = std::find_if(kept.begin(), kept.end(), [&](const Person& q) { return one_slip_apart(q.name, p.name); });
    }
    if (dup == kept.end()) {
      kept.push_back(std::move(p));
      continue;
    }
    dup->quoted = dup->quoted || p.quoted;
    if (dup->role.empty()) dup->role = p.role;
    if (dup->affiliation.empty()) dup->affiliation = p.affiliation;
  }
  return kept;
}

bool is_title_word(std::string_view word) { return is_han(word) || is_katakana(word); }

std::vector<Signatory> signatories_in(const std::vector<Person>& people, std::string_view text, text::Span span,
                                      const std::string& stage) {
  const std::string_view sentence = span.of(text);
  std::vector<Signatory> out;
  if (stage != "signed" && stage != "renewed" && stage != "extended") return out;
  // Japanese names are kept in Latin letters: find them by the readings of
  // the sentence's name tokens ("内堀" reads "uchibori").
  std::vector<std::string> readings;
  if (has_cjk(sentence) && std::any_of(people.begin(), people.end(), [&](const Person& p) {
        return sentence.find(p.name) == std::string_view::npos;
      })) {
    for (const text::LatinWord& w : text::latin_words(sentence)) {
      if (w.proper_name) readings.push_back(capitalised(w.latin));
    }
  }
  // A sentence that holds a quotation ("... verlängern ...“, sagte Wüst.")
  // or opens with a dash names its speaker, not a signer: there the surname
  // alone does not count.
  bool quotation = sentence.starts_with("-") || sentence.starts_with("–") || sentence.starts_with("—");
  for (std::string_view q : {"„", "“", "”", "\"", "«", "»"}) quotation = quotation || sentence.find(q) != std::string_view::npos;
  for (const Person& p : people) {
    // ... or by the name as the text writes it ("アラン・マクドナルド" for
    // Alan MacDonald, whose reading is no Latin spelling).
    const std::string_view surface = p.span.empty() ? std::string_view() : p.span.of(text);
    // ... or by the surname alone ("Minister Habeck habe ... unterzeichnet"),
    // a word of its own in the sentence.
    const std::string surname = last_word(p.name);
    bool named = sentence.find(p.name) != std::string_view::npos ||
                 std::find(readings.begin(), readings.end(), surname) != readings.end() ||
                 (!surface.empty() && sentence.find(surface) != std::string_view::npos) ||
                 (!quotation && surname.size() > 3 && surname.size() < p.name.size() && has_latin(surname) &&
                  has_word(sentence, surname));
    // A company's header in parentheses that define its short name
    // ("日本郵船株式会社（本社：…、代表取締役社長：曽我貴也、以下「当社」）")
    // says who heads it, not who signed.
    if (named && !surface.empty()) {
      const std::size_t at = sentence.find(surface);
      if (at != std::string_view::npos) {
        const std::size_t open = sentence.rfind("\uFF08", at);
        const std::size_t shut_before = sentence.rfind("\uFF09", at);
        const std::size_t shut = sentence.find("\uFF09", at);
        if (open != std::string_view::npos && shut != std::string_view::npos &&
            (shut_before == std::string_view::npos || shut_before < open) &&
            sentence.substr(open, shut - open).find("以下") != std::string_view::npos) {
          named = false;
        }
      }
    }
    if (named) out.push_back({p.name, p.role, p.affiliation});
  }
  return out;
}

}  // namespace pactum::extract
