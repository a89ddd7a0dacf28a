// Language identification: CLD2 (full tables) on a bounded prefix, with a
// marker-word vote among bokmål, nynorsk and Danish when CLD2 says one of them.
#include "text/language.h"

// CLD2's headers use size_t and friends without including <cstdio>.
#include <cstdio>

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>
#include <unicode/uchar.h>
#include <unicode/uniset.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <array>
#include <bit>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "common/files.h"
#include "common/hash.h"
#include "common/utf8.h"
#include "text/language_table.h"

namespace pactum::text {
namespace {

// CLD2 needs a few hundred bytes to be sure; 8 KB is plenty and bounds the
// cost for long documents.
constexpr std::size_t kMaxPrefixBytes = 8 * 1024;

// A marker vote overrides CLD2 only with at least this many marker words.
constexpr int kMinMarkerVotes = 2;

// The longest prefix of s no longer than max_bytes that does not cut a UTF-8
// sequence.
std::string_view utf8_prefix(std::string_view s, std::size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  std::size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end);
}

// CLD2's code -> ISO 639-1 (or 639-2 where there is no 639-1 code); "" when
// unknown.
std::string iso_code(CLD2::Language lang) {
  if (lang == CLD2::UNKNOWN_LANGUAGE || lang == CLD2::TG_UNKNOWN_LANGUAGE) return "";
  std::string_view code = CLD2::LanguageCode(lang);
  if (code == "no") return "nb";  // CLD2's "Norwegian" is trained on bokmål
  if (code == "iw") return "he";
  if (code == "jw") return "jv";
  if (auto dash = code.find('-'); dash != std::string_view::npos) code = code.substr(0, dash);
  if (code.size() < 2 || code.size() > 3) return "";
  for (char c : code) {
    if (c < 'a' || c > 'z') return "";  // CLD2's pseudo-languages (X_..., "xxx")
  }
  return std::string(code);
}

std::unordered_set<std::string> load_markers(std::string_view lang, const char* file = "markers.txt") {
  std::unordered_set<std::string> words;
  auto rows = read_tsv(data_dir() / "lexicon" / std::string(lang) / file);
  if (!rows.is_ok()) return words;  // no list: that variant gets no votes
  for (const auto& row : *rows) {
    if (!row.at(0).empty()) words.insert(row.at(0));
  }
  return words;
}

// The languages CLD2 confuses on short texts (languages.tsv's marker-vote:
// nb, nn, da; Swedish is spelled differently enough to be left to CLD2),
// with their marker words.
struct MarkerVote {
  // Votes are bits of an unsigned and counts a fixed array: at most kMax
  // languages (LanguageTable::load does not know this limit; the vote
  // takes the first kMax and ignores the rest).
  static constexpr std::size_t kMax = 8;
  std::vector<std::string> codes;  // at most kMax
  // Each marker word with one bit per language whose list has it: one
  // lookup per word of the text instead of one per list.
  std::unordered_map<std::string, unsigned, ShortKeyHash, std::equal_to<>> words;
  // The longest marker (bytes), and per first byte a bit per marker length
  // below 64 (bit 0: some marker is 64 bytes or longer), so that most words
  // of a text are ruled out without hashing them.
  std::size_t max_bytes = 0;
  std::array<std::uint64_t, 256> lengths_by_first{};

  // Fills max_bytes and lengths_by_first from words.
  void index() {
    for (const auto& [w, bits] : words) {
      max_bytes = std::max(max_bytes, w.size());
      lengths_by_first[static_cast<unsigned char>(w[0])] |= w.size() < 64 ? std::uint64_t{1} << w.size() : 1u;
    }
  }
  // Whether a word of n bytes starting with first may be a marker.
  bool may_hold(unsigned char first, std::size_t n) const {
    const std::uint64_t lengths = lengths_by_first[first];
    return n <= max_bytes && ((lengths & 1u) != 0 || (n < 64 && ((lengths >> n) & 1u) != 0));
  }
  bool may_hold(std::string_view word) const { return may_hold(static_cast<unsigned char>(word[0]), word.size()); }
};

// Loaded once; constant afterwards, so concurrent readers need no lock.
const MarkerVote& marker_vote() {
  static const MarkerVote vote = [] {
    MarkerVote v;
    for (const std::string& code : language_table().with(LanguageUse::kMarkerVote)) {
      if (v.codes.size() == MarkerVote::kMax) break;
      v.codes.push_back(code);
    }
    for (std::size_t i = 0; i < v.codes.size(); ++i) {
      for (const std::string& w : load_markers(v.codes[i])) v.words[w] |= 1u << i;
    }
    v.index();
    return v;
  }();
  return vote;
}

// Whether code is one of the languages the marker words decide between.
bool in_marker_vote(std::string_view code) {
  const auto& codes = marker_vote().codes;
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

// Counts, per language, the words of text found in its marker list. Words are
// lower-cased code point by code point, which is all the marker lists need.
using MarkerCounts = std::array<int, MarkerVote::kMax>;
MarkerCounts count_markers(std::string_view text, const MarkerVote& vote) {
  MarkerCounts counts{};
  // The current word, lower-cased, in a buffer that holds the longest marker
  // and one more character; a longer word cannot be a marker and is only
  // skipped to its end.
  std::string word(vote.max_bytes + U8_MAX_LENGTH, '\0');
  std::size_t size = 0;
  bool too_long = false;
  auto append = [&](const char* p, std::size_t n) {
    if (too_long) return;
    if (size + n > vote.max_bytes) {
      too_long = true;
      return;
    }
    std::memcpy(word.data() + size, p, n);
    size += n;
  };
  auto count = [&](std::string_view w) {
    if (auto it = vote.words.find(w); it != vote.words.end()) {
      for (std::size_t i = 0; i < vote.codes.size(); ++i) counts[i] += (it->second >> i) & 1u;
    }
  };
  auto flush = [&] {
    if (size != 0 && !too_long && vote.may_hold(std::string_view(word.data(), size))) {
      count(std::string_view(word.data(), size));
    }
    size = 0;
    too_long = false;
  };
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  // (b | 0x20) is the lower case of an ASCII letter, and above 'z' for
  // every byte from 0x80.
  auto ascii_letter = [](uint8_t b) { return static_cast<uint8_t>((b | 0x20) - 'a') < 26; };
  for (int32_t i = 0; i < length;) {
    // A word of ASCII letters ending in ASCII (or the text's end), read at
    // once: ruled out by its length and first letter before it is copied
    // (lower-cased, into word: it is empty here, and holds max_bytes).
    // Words with other letters take the general path below from their start.
    if (size == 0 && ascii_letter(bytes[i])) {
      int32_t end = i + 1;
      while (end < length && ascii_letter(bytes[end])) ++end;
      if (end == length || bytes[end] < 0x80) {
        const auto n = static_cast<std::size_t>(end - i);
        if (vote.may_hold(bytes[i] | 0x20, n)) {  // by the lower case of an ASCII letter
          for (std::size_t k = 0; k < n; ++k) word[k] = static_cast<char>(bytes[i + static_cast<int32_t>(k)] | 0x20);
          count(std::string_view(word.data(), n));
        }
        i = end;
        continue;
      }
    }
    // ASCII without ICU: u_isalpha and u_tolower agree with these there.
    if (const uint8_t b = bytes[i]; b < 0x80) {
      ++i;
      if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')) {
        if (size < vote.max_bytes) {
          word[size++] = static_cast<char>(b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b);
        } else {
          too_long = true;
        }
      } else {
        flush();
      }
      continue;
    }
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c >= 0 && u_isalpha(c)) {
      char buffer[U8_MAX_LENGTH];
      int32_t n = 0;
      U8_APPEND_UNSAFE(buffer, n, u_tolower(c));  // buffer fits any code point
      append(buffer, static_cast<std::size_t>(n));
    } else {
      flush();
    }
  }
  flush();
  return counts;
}

// The language the marker words clearly point to, or "" when they do not:
// the winner needs kMinMarkerVotes and strictly more votes than every other.
std::string_view marker_winner(const MarkerCounts& counts) {
  const auto& codes = marker_vote().codes;
  if (codes.empty()) return "";
  std::size_t best = 0;
  for (std::size_t i = 1; i < codes.size(); ++i) {
    if (counts[i] > counts[best]) best = i;
  }
  if (counts[best] < kMinMarkerVotes) return "";
  for (std::size_t i = 0; i < codes.size(); ++i) {
    if (i != best && counts[i] >= counts[best]) return "";
  }
  return codes[best];
}


// CLD2 on text: its summary language, with whether it is reliable and its
// share of the text (percent). *judged is the text CLD2 read: all of it, or
// its valid prefix when it holds bad UTF-8.
struct Cld2Answer {
  CLD2::Language language = CLD2::UNKNOWN_LANGUAGE;
  bool reliable = false;
  int percent = 0;
  // CLD2's top three languages and their shares.
  std::array<CLD2::Language, 3> languages{CLD2::UNKNOWN_LANGUAGE, CLD2::UNKNOWN_LANGUAGE, CLD2::UNKNOWN_LANGUAGE};
  std::array<int, 3> percents{};
};

Cld2Answer cld2_detect(std::string_view text, std::string_view* judged) {
  CLD2::CLDHints hints{nullptr, nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
  CLD2::Language language3[3] = {CLD2::UNKNOWN_LANGUAGE, CLD2::UNKNOWN_LANGUAGE,
                                 CLD2::UNKNOWN_LANGUAGE};
  int percent3[3] = {0, 0, 0};
  double scores3[3];
  int text_bytes = 0;
  bool reliable = false;
  int valid_prefix = 0;
  CLD2::Language lang = CLD2::ExtDetectLanguageSummaryCheckUTF8(
      text.data(), static_cast<int>(text.size()), /*is_plain_text=*/true, &hints, 0, language3,
      percent3, scores3, nullptr, &text_bytes, &reliable, &valid_prefix);
  if (valid_prefix < static_cast<int>(text.size()) && valid_prefix > 0) {
    // Bad UTF-8 makes CLD2 give up: judge the valid part instead.
    text = text.substr(0, static_cast<std::size_t>(valid_prefix));
    lang = CLD2::ExtDetectLanguageSummaryCheckUTF8(
        text.data(), static_cast<int>(text.size()), true, &hints, 0, language3, percent3,
        scores3, nullptr, &text_bytes, &reliable, &valid_prefix);
  }
  if (judged != nullptr) *judged = text;
  Cld2Answer out{lang, reliable, 0, {language3[0], language3[1], language3[2]}, {percent3[0], percent3[1], percent3[2]}};
  for (int i = 0; i < 3; ++i) {
    if (language3[i] == lang) {
      out.percent = percent3[i];
      break;
    }
  }
  return out;
}

// The quick reading of a longer text: CLD2 on a window at its start and one
// at its end (a page may open with a headline in another language, or end
// with a translation). Both must agree, reliably, at kQuickMinPercent or
// more, on a language with window-id in data/lang/languages.tsv; nullopt otherwise, and the whole
// (bounded) prefix is read as before. A window is a fraction of the text, so
// this costs a fraction of reading all of it. Only languages with no close
// relative CLD2 settles on the whole text: on a window, Spanish can read as
// Galician, bokmål as Danish or Swedish.
//
// Bokmål, nynorsk and Danish are the exception that proves it: the whole
// text's CLD2 answer among them is overridden by the marker vote whenever
// that has a clear winner, so when both windows read reliably as one of the
// three (together kQuickMinPercent or more of each window) and the marker
// words of the whole prefix clearly point one way, that is the answer
// reading all of it would give; without a clear winner the whole prefix is
// read as before.
// Windows of 128 bytes (320 until speed pass 5; texts from 256 bytes, was
// 640): CLD2 costs ~300 instructions a byte, and a window that reads unsure
// or below kQuickMinPercent sends the text to the whole-prefix reading. On
// dev, samples and 12,700 generated documents of 11 languages every answer
// is the same as with 320-byte windows; en -10 %, de -9 %, nb -8 %
// instructions per document.
constexpr std::size_t kQuickWindowBytes = 128;
constexpr std::size_t kQuickMinTextBytes = 2 * kQuickWindowBytes;
constexpr int kQuickMinPercent = 90;
// Swedish joined in speed pass 5: the whole-prefix reading cost a Swedish
// text a third of its extraction, and on dev, samples and 26,600 generated
// documents of 11 languages no answer changed (no bokmål, nynorsk or Danish
// text has both windows read reliably as Swedish at 90 %).
// Spanish joined in speed pass 8 (the whole-prefix reading was 40 % of a
// Spanish text's extraction), with two guards, now rows of
// data/lang/relatives.tsv: a window that gives any share
// to Galician, Portuguese or Catalan (CLD2 reads a Galician window as Spanish
// and the other way round), or a word of theirs anywhere in the text
// (es/relatives.txt: a Galician page between Spanish menus reads as Spanish
// on both windows), sends the text to the whole-prefix reading. On
// dev, samples and 5,400 generated documents of 11 languages no answer
// changed (926 of 1,215 Spanish texts read by the windows).

// data/lang/relatives.tsv: a window-id language's close relatives (ISO
// codes) that CLD2 confuses it with on a window, and the words of theirs
// in its lexicon's relatives.txt (bit 0 of MarkerVote::words), counted
// like the marker words.
struct Relatives {
  std::vector<std::string> codes;
  MarkerVote words;
};

const std::unordered_map<std::string, Relatives>& window_relatives() {
  static const std::unordered_map<std::string, Relatives> all = [] {
    std::unordered_map<std::string, Relatives> out;
    auto rows = read_tsv(data_dir() / "lang" / "relatives.tsv");
    if (!rows.is_ok()) return out;  // no table: no guard (tests load the shipped one)
    for (const auto& row : *rows) {
      if (row.fields.size() < 2 || row.at(0).empty()) continue;
      Relatives& r = out[row.at(0)];
      for (std::string_view c : split(row.at(1), ' ')) {
        if (!c.empty()) r.codes.emplace_back(c);
      }
      r.words.codes = {row.at(0)};
      for (const std::string& w : load_markers(row.at(0), "relatives.txt")) r.words.words[w] |= 1u;
      r.words.index();
    }
    return out;
  }();
  return all;
}

// Whether CLD2's top three languages of a window include one of codes.
bool names_relative(const Cld2Answer& a, const std::vector<std::string>& codes) {
  for (CLD2::Language l : a.languages) {
    if (std::find(codes.begin(), codes.end(), iso_code(l)) != codes.end()) return true;
  }
  return false;
}

// The share (percent) of bokmål, nynorsk and Danish in a CLD2 reading.
int nordic_percent(const Cld2Answer& a) {
  int sum = 0;
  for (int i = 0; i < 3; ++i) {
    if (in_marker_vote(iso_code(a.languages[i]))) sum += a.percents[i];
  }
  return sum;
}

std::optional<LanguageGuess> quick_guess(std::string_view text) {
  if (text.size() < kQuickMinTextBytes) return std::nullopt;
  std::string_view head = utf8_prefix(text, kQuickWindowBytes);
  std::size_t tail_begin = text.size() - kQuickWindowBytes;
  while (tail_begin < text.size() && (static_cast<unsigned char>(text[tail_begin]) & 0xC0) == 0x80) ++tail_begin;
  std::string_view tail = text.substr(tail_begin);
  std::string_view judged;
  const Cld2Answer a = cld2_detect(head, &judged);
  if (judged.size() != head.size() || !a.reliable) return std::nullopt;
  LanguageGuess guess;
  guess.code = iso_code(a.language);
  if (in_marker_vote(guess.code)) {
    const int pa = nordic_percent(a);
    if (pa < kQuickMinPercent) return std::nullopt;
    const Cld2Answer b = cld2_detect(tail, &judged);
    if (judged.size() != tail.size() || !b.reliable || !in_marker_vote(iso_code(b.language))) {
      return std::nullopt;
    }
    const int pb = nordic_percent(b);
    if (pb < kQuickMinPercent) return std::nullopt;
    std::string_view winner = marker_winner(count_markers(text, marker_vote()));
    if (winner.empty()) return std::nullopt;
    guess.code = std::string(winner);
    guess.reliable = true;
    guess.percent = std::min(pa, pb);
    return guess;
  }
  if (a.percent < kQuickMinPercent) return std::nullopt;
  if (!language_table().has(guess.code, LanguageUse::kWindowId)) return std::nullopt;
  const Cld2Answer b = cld2_detect(tail, &judged);
  if (judged.size() != tail.size() || !b.reliable || b.percent < kQuickMinPercent || b.language != a.language) {
    return std::nullopt;
  }
  if (auto r = window_relatives().find(guess.code); r != window_relatives().end()) {
    const Relatives& rel = r->second;
    if (names_relative(a, rel.codes) || names_relative(b, rel.codes) || count_markers(text, rel.words)[0] > 0) {
      return std::nullopt;
    }
  }
  guess.reliable = true;
  guess.percent = std::min(a.percent, b.percent);
  return guess;
}

// Scripts that name a language (data/lang/scripts.tsv): a text whose
// letters are for kScriptMinPercent or more in the scripts of one language
// alone (kana: Japanese) is that language, and CLD2 (~300 instructions a
// byte on a window, and the whole prefix when the windows disagree) is not
// asked. A Chinese text with a katakana name stays far below a fifth; on
// dev, samples and the generated corpus every Japanese text is at 24 % or
// more, and each answer equals CLD2's. Below it, with two languages above
// it, or with no own letter in the text's first kScriptProbeBytes, CLD2
// reads the text as before.
constexpr int kScriptMinPercent = 20;
constexpr std::size_t kScriptProbeBytes = 512;

// The rows of data/lang/scripts.tsv: every text looks for a first letter of
// an own script with these alone (no ICU set: its first build costs 3 M
// instructions).
struct ScriptRows {
  struct Row {
    UScriptCode script;
    std::size_t language;  // index in languages
    bool own;
  };
  std::vector<std::string> languages;
  std::vector<Row> rows;

  // Whether c is of an own script (its symbols too, "㋐": the search for a
  // first own letter only spares the count to texts with none).
  bool own_script(UChar32 c) const {
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(c, &status);
    for (const Row& row : rows) {
      if (row.own && row.script == script) return true;
    }
    return false;
  }
};

const ScriptRows& script_rows() {
  static const ScriptRows rows = [] {
    ScriptRows out;
    auto tsv = read_tsv(data_dir() / "lang" / "scripts.tsv");
    if (!tsv.is_ok()) return out;  // no rows: CLD2 reads every text
    for (const TsvRow& row : *tsv) {
      const int code = u_getPropertyValueEnum(UCHAR_SCRIPT, row.at(0).c_str());
      const bool own = row.at(2) == "own";
      if (code == UCHAR_INVALID_CODE || row.at(1).empty() || (!own && row.at(2) != "shared")) continue;
      std::size_t lang = std::find(out.languages.begin(), out.languages.end(), row.at(1)) - out.languages.begin();
      if (lang == out.languages.size()) {
        if (lang >= 126) continue;  // a letter class is one byte
        out.languages.push_back(row.at(1));
      }
      out.rows.push_back({static_cast<UScriptCode>(code), lang, own});
    }
    return out;
  }();
  return rows;
}

// Each code point's letter class, for the texts that hold an own letter
// (built on the first: ~5 M instructions, which a process that reads no
// such text never pays). Class 0: none counted (not a letter, or a letter
// of the Common or Inherited script: "ー", "々" serve several); 1: a letter
// of a script no row names; 2 + 2i: of language i's own script; 3 + 2i: of
// a script language i shares.
struct ScriptTable {
  std::vector<std::uint8_t> bmp;  // class per code point below U+10000

  std::uint8_t class_of(UChar32 c, const ScriptRows& rows) const {
    if (c < 0x10000) return bmp[static_cast<std::size_t>(c)];
    if (!u_isalpha(c)) return 0;
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(c, &status);
    if (script == USCRIPT_COMMON || script == USCRIPT_INHERITED) return 0;
    for (const auto& row : rows.rows) {
      if (row.script == script) return static_cast<std::uint8_t>(2 + 2 * row.language + (row.own ? 0 : 1));
    }
    return 1;
  }
};

const ScriptTable& script_table(const ScriptRows& rows) {
  static const ScriptTable table = [&rows] {
    ScriptTable t;
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeSet letters;
    letters.applyIntPropertyValue(UCHAR_GENERAL_CATEGORY_MASK, U_GC_L_MASK, status);
    for (UScriptCode common : {USCRIPT_COMMON, USCRIPT_INHERITED}) {
      icu::UnicodeSet s;
      s.applyIntPropertyValue(UCHAR_SCRIPT, common, status);
      letters.removeAll(s);
    }
    t.bmp.assign(0x10000, 0);
    auto fill = [&](const icu::UnicodeSet& set, std::uint8_t cls) {
      for (int32_t r = 0; r < set.getRangeCount(); ++r) {
        const UChar32 lo = set.getRangeStart(r);
        const UChar32 hi = std::min<UChar32>(set.getRangeEnd(r), 0xFFFF);
        for (UChar32 c = lo; c <= hi; ++c) t.bmp[static_cast<std::size_t>(c)] = cls;
      }
    };
    fill(letters, 1);
    for (const auto& row : rows.rows) {
      icu::UnicodeSet set;
      set.applyIntPropertyValue(UCHAR_SCRIPT, row.script, status);
      set.retainAll(letters);
      fill(set, static_cast<std::uint8_t>(2 + 2 * row.language + (row.own ? 0 : 1)));
    }
    if (U_FAILURE(status)) t.bmp.assign(0x10000, 0);  // no letters: no answer by script
    return t;
  }();
  return table;
}

// The language the scripts of text name (see kScriptMinPercent), or nullopt.
std::optional<LanguageGuess> script_guess(std::string_view text, const ScriptRows& rows) {
  if (rows.languages.empty()) return std::nullopt;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  // Most texts hold no own letter at all: a look at the non-ASCII
  // characters of their opening (kScriptProbeBytes; ASCII skipped eight
  // bytes at a time, a letter asked about once in a row: "ø" of "før")
  // settles those. A text of an own script names it there (a Japanese
  // title, or a menu, holds kana); one that does not is left to CLD2.
  bool any_own = false;
  UChar32 last = -1;
  const auto probe = static_cast<int32_t>(std::min(text.size(), kScriptProbeBytes));
  for (int32_t i = 0; i < probe && !any_own;) {
    if (probe - i >= 8) {
      const int ascii = ascii_run_of_8(bytes + i);
      i += ascii;  // to the first byte with its high bit set
      if (ascii == 8) continue;
    }
    if (bytes[i] < 0xC0) {  // ASCII, or a continuation byte
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(bytes, i, probe, c);
    if (c == last) continue;
    last = c;
    any_own = c >= 0 && rows.own_script(c);
  }
  if (!any_own) return std::nullopt;
  const ScriptTable& table = script_table(rows);
  std::array<int, 256> counts{};  // by letter class
  const std::uint8_t* classes = table.bmp.data();
  for (int32_t i = 0; i < length;) {
    const uint8_t b = bytes[i];
    if (b < 0x80) {
      ++i;
      counts[1] += static_cast<uint8_t>((b | 0x20) - 'a') < 26 ? 1 : 0;
      continue;
    }
    // Three bytes (kana, Han: most of a Japanese text) without the general
    // decoder.
    if ((b & 0xF0) == 0xE0 && length - i > 2) {
      const std::int32_t c = three_byte_code_point(bytes + i, static_cast<std::size_t>(length - i));
      if (c < 0) return std::nullopt;  // not UTF-8: CLD2 judges its valid part
      ++counts[classes[c]];
      i += 3;
      continue;
    }
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) return std::nullopt;
    ++counts[table.class_of(c, rows)];
  }
  int letters = 0;
  for (std::size_t k = 1; k < 2 + 2 * rows.languages.size(); ++k) letters += counts[k];
  std::optional<std::size_t> found;
  for (std::size_t lang = 0; lang < rows.languages.size(); ++lang) {
    if (100 * counts[2 + 2 * lang] < kScriptMinPercent * letters) continue;
    if (found) return std::nullopt;  // two languages: CLD2 decides
    found = lang;
  }
  if (!found) return std::nullopt;
  LanguageGuess guess;
  guess.code = rows.languages[*found];
  guess.reliable = true;
  guess.percent = 100 * (counts[2 + 2 * *found] + counts[3 + 2 * *found]) / letters;
  return guess;
}

}  // namespace

namespace internal {

std::string language_by_script(std::string_view utf8_text) {
  auto guess = script_guess(utf8_prefix(utf8_text, kMaxPrefixBytes), script_rows());
  return guess ? guess->code : "";
}

}  // namespace internal

LanguageGuess identify_language(std::string_view utf8_text) {
  LanguageGuess guess;
  std::string_view text = utf8_prefix(utf8_text, kMaxPrefixBytes);
  if (text.empty()) return guess;
  if (auto by_script = script_guess(text, script_rows())) return *by_script;
  if (auto quick = quick_guess(text)) return *quick;

  const Cld2Answer answer = cld2_detect(text, &text);
  const CLD2::Language lang = answer.language;
  const bool reliable = answer.reliable;
  guess.code = iso_code(lang);
  guess.reliable = reliable && !guess.code.empty();
  guess.percent = answer.percent;

  // CLD2 tells bokmål, nynorsk and Danish apart on a paragraph, but a
  // sentence or two with few distinctive words can go any way; the marker
  // words decide whenever they clearly point one way.
  if (in_marker_vote(guess.code)) {
    std::string_view winner = marker_winner(count_markers(text, marker_vote()));
    if (!winner.empty()) guess.code = std::string(winner);
  }
  return guess;
}

}  // namespace pactum::text
