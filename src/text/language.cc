// Language identification: CLD2 (full tables) on a bounded prefix, with a
// marker-word vote among bokmål, nynorsk and Danish when CLD2 says one of them.
#include "text/language.h"

// CLD2's headers use size_t and friends without including <cstdio>.
#include <cstdio>

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>
#include <unordered_set>

#include "common/files.h"

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

std::unordered_set<std::string> load_markers(std::string_view lang) {
  std::unordered_set<std::string> words;
  auto rows = read_tsv(data_dir() / "lexicon" / std::string(lang) / "markers.txt");
  if (!rows.is_ok()) return words;  // no list: that variant gets no votes
  for (const auto& row : *rows) {
    if (!row.at(0).empty()) words.insert(row.at(0));
  }
  return words;
}

// The languages CLD2 confuses on short texts, with their marker words.
// (Swedish is spelled differently enough to be left to CLD2.)
struct MarkerVote {
  static constexpr std::size_t kCount = 3;
  static constexpr std::array<std::string_view, kCount> kCodes{"nb", "nn", "da"};
  std::array<std::unordered_set<std::string>, kCount> words;
};

// Loaded once; constant afterwards, so concurrent readers need no lock.
const MarkerVote& marker_vote() {
  static const MarkerVote vote{{load_markers("nb"), load_markers("nn"), load_markers("da")}};
  return vote;
}

// The index in MarkerVote::kCodes of code, or kCount.
std::size_t vote_index(std::string_view code) {
  for (std::size_t i = 0; i < MarkerVote::kCount; ++i) {
    if (MarkerVote::kCodes[i] == code) return i;
  }
  return MarkerVote::kCount;
}

// Counts, per language, the words of text found in its marker list. Words are
// lower-cased code point by code point, which is all the marker lists need.
std::array<int, MarkerVote::kCount> count_markers(std::string_view text, const MarkerVote& vote) {
  std::array<int, MarkerVote::kCount> counts{};
  std::string word;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  auto flush = [&] {
    if (word.empty()) return;
    for (std::size_t i = 0; i < MarkerVote::kCount; ++i) {
      if (vote.words[i].count(word) != 0) ++counts[i];
    }
    word.clear();
  };
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c >= 0 && u_isalpha(c)) {
      char buffer[U8_MAX_LENGTH];
      int32_t n = 0;
      U8_APPEND_UNSAFE(buffer, n, u_tolower(c));  // buffer fits any code point
      word.append(buffer, static_cast<std::size_t>(n));
    } else {
      flush();
    }
  }
  flush();
  return counts;
}

// The language the marker words clearly point to, or "" when they do not:
// the winner needs kMinMarkerVotes and strictly more votes than every other.
std::string_view marker_winner(const std::array<int, MarkerVote::kCount>& counts) {
  std::size_t best = 0;
  for (std::size_t i = 1; i < MarkerVote::kCount; ++i) {
    if (counts[i] > counts[best]) best = i;
  }
  if (counts[best] < kMinMarkerVotes) return "";
  for (std::size_t i = 0; i < MarkerVote::kCount; ++i) {
    if (i != best && counts[i] >= counts[best]) return "";
  }
  return MarkerVote::kCodes[best];
}

}  // namespace

LanguageGuess identify_language(std::string_view utf8_text) {
  LanguageGuess guess;
  std::string_view text = utf8_prefix(utf8_text, kMaxPrefixBytes);
  if (text.empty()) return guess;

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

  guess.code = iso_code(lang);
  guess.reliable = reliable && !guess.code.empty();
  for (int i = 0; i < 3; ++i) {
    if (language3[i] == lang) {
      guess.percent = percent3[i];
      break;
    }
  }

  // CLD2 tells bokmål, nynorsk and Danish apart on a paragraph, but a
  // sentence or two with few distinctive words can go any way; the marker
  // words decide whenever they clearly point one way.
  if (vote_index(guess.code) < MarkerVote::kCount) {
    std::string_view winner = marker_winner(count_markers(text, marker_vote()));
    if (!winner.empty()) guess.code = std::string(winner);
  }
  return guess;
}

}  // namespace pactum::text
