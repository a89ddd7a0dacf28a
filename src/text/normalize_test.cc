// Table tests for fold() and fold_ascii(), one row per script or quirk.
#include "text/normalize.h"

#include <gtest/gtest.h>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <random>
#include <thread>
#include <vector>

namespace pactum::text {
namespace {

struct FoldRow {
  const char* in;
  const char* fold;
  const char* fold_ascii;
};

constexpr FoldRow kFoldRows[] = {
    {"", "", ""},
    {"NORGE", "norge", "norge"},
    {"Norway's Hydrogen", "norway's hydrogen", "norway's hydrogen"},
    {"Møre og Romsdal", "møre og romsdal", "more og romsdal"},
    {"Québec", "québec", "quebec"},
    {"Straße", "strasse", "strasse"},
    {"STRASSE", "strasse", "strasse"},
    {"Ærø", "ærø", "aero"},
    {"Ålesund", "ålesund", "alesund"},
    {"Tromsø", "tromsø", "tromso"},
    {"Nordrhein-Westfalen", "nordrhein-westfalen", "nordrhein-westfalen"},
    {"Baden-Württemberg", "baden-württemberg", "baden-wurttemberg"},
    {"Œuvre", "œuvre", "oeuvre"},
    {"Łódź", "łódź", "lodz"},
    {"Đakovo", "đakovo", "dakovo"},
    {"Reykjavík Þór", "reykjavík þór", "reykjavik thor"},
    {"Île-de-France", "île-de-france", "ile-de-france"},
    {"Ａ Ｂ Ｃ", "a b c", "a b c"},          // full-width Latin
    {"ＡＢＣ１２３", "abc123", "abc123"},
    {"ﬁnance", "finance", "finance"},        // ligature
    {"MO\xCC\x88RE", "möre", "more"},      // decomposed ö is composed
    {"福島県", "福島県", "福島県"},
    {"ノルトライン・ヴェストファーレン州", "ノルトライン・ヴェストファーレン州",
     "ノルトライン・ヴェストファーレン州"},
    {"ｶﾀｶﾅ", "カタカナ", "カタカナ"},        // half-width katakana to full-width
};

TEST(Fold, Table) {
  for (const auto& row : kFoldRows) {
    EXPECT_EQ(fold(row.in), row.fold) << row.in;
    EXPECT_EQ(fold_ascii(row.in), row.fold_ascii) << row.in;
  }
}

TEST(Fold, ManyThreads) {
  std::vector<std::thread> threads;
  std::vector<int> failures(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([t, &failures] {
      for (int i = 0; i < 500; ++i) {
        if (fold_ascii("Møre og Romsdal") != "more og romsdal") ++failures[t];
        if (fold("ＡＢＣ") != "abc") ++failures[t];
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int f : failures) EXPECT_EQ(f, 0);
}

// ICU's NFKC_Casefold, which fold() skips for kana and Han it knows to be
// unchanged: every kana and Han code point, alone and in random strings, folds
// as ICU folds it.
std::string icu_fold(const std::string& s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* norm = icu::Normalizer2::getNFKCCasefoldInstance(status);
  std::string out;
  icu::StringByteSink<std::string> sink(&out);
  norm->normalizeUTF8(0, icu::StringPiece(s.data(), static_cast<int32_t>(s.size())), sink, nullptr, status);
  EXPECT_TRUE(U_SUCCESS(status));
  return out;
}

std::string utf8_of(UChar32 c) {
  char buffer[U8_MAX_LENGTH];
  int32_t n = 0;
  U8_APPEND_UNSAFE(buffer, n, c);
  return std::string(buffer, static_cast<std::size_t>(n));
}

TEST(Fold, KanaAndHanAsIcuFoldsThem) {
  std::vector<std::string> chars;
  for (UChar32 c = 0x3000; c <= 0x9FFF; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    std::string s = utf8_of(c);
    ASSERT_EQ(fold(s), icu_fold(s)) << "U+" << std::hex << c;
    chars.push_back(std::move(s));
  }
  for (UChar32 c : {0x3099, 0x309A, 0xFF76, 0xFF9E, 0x41, 0x304B}) chars.push_back(utf8_of(c));
  std::mt19937 rng(3);
  std::uniform_int_distribution<std::size_t> pick(0, chars.size() - 1), length(1, 6);
  for (int n = 0; n < 20000; ++n) {
    std::string s;
    for (std::size_t k = length(rng); k > 0; --k) {
      // Often the same block (kana next to kana), sometimes a voicing mark.
      s += chars[n % 7 == 0 ? chars.size() - 1 - (pick(rng) % 6) : pick(rng)];
    }
    ASSERT_EQ(fold(s), icu_fold(s)) << s;
  }
}

TEST(Fold, MayFoldToDigitMissesNoDigit) {
  for (UChar32 c = 0; c <= 0xFFFF; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    const std::string s = utf8_of(c);
    const std::string f = fold(s);
    const bool digit = std::any_of(f.begin(), f.end(), [](char d) { return d >= '0' && d <= '9'; });
    if (digit) {
      ASSERT_TRUE(may_fold_to_digit(s)) << "U+" << std::hex << c;
      ASSERT_TRUE(may_fold_to_digit("ab " + s + " cd")) << "U+" << std::hex << c;
    }
  }
  for (UChar32 c : {0x1D7CE, 0x1F101, 0x1FBF0}) EXPECT_TRUE(may_fold_to_digit(utf8_of(c)));
  EXPECT_FALSE(may_fold_to_digit("Norge og Japan signerte avtalen i dag"));
  EXPECT_FALSE(may_fold_to_digit("福島県とNRW州、経済交流の覚書を更新　水素とアンモニアを協力分野に追加"));
  EXPECT_TRUE(may_fold_to_digit("令和5年4月27日"));
  EXPECT_TRUE(may_fold_to_digit("２０２４年"));
}

// fold_invariant_opening: every opening it accepts folds to itself (ICU,
// strings of the accepted characters in random order, alone and followed by
// any other character), and its first letter is the first letter or digit.
TEST(Fold, FoldInvariantOpening) {
  std::vector<std::string> accepted, others;
  for (UChar32 c = 0; c <= 0xFFFF; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    const std::string s = utf8_of(c);
    const FoldInvariantOpening o = fold_invariant_opening(s);
    if (o.end == 0) {
      if (c >= 0x3000 && c <= 0x30FF) others.push_back(s);
      continue;
    }
    ASSERT_EQ(o.end, s.size()) << "U+" << std::hex << c;
    ASSERT_EQ(icu_fold(s), s) << "U+" << std::hex << c;
    ASSERT_EQ(o.first_letter, (u_isalpha(c) || u_isdigit(c)) ? 0u : s.size()) << "U+" << std::hex << c;
    if (o.first_letter != 0) {
      ASSERT_TRUE(c >= 0x3000 && c <= 0x303F) << "U+" << std::hex << c;
    }
    accepted.push_back(s);
  }
  ASSERT_GT(accepted.size(), 20000u);
  for (UChar32 c : {0x41, 0x31, 0xFF76, 0xFF10, 0x2F00, 0x337B, 0x3000}) others.push_back(utf8_of(c));
  std::mt19937 rng(5);
  std::uniform_int_distribution<std::size_t> pick(0, accepted.size() - 1), other(0, others.size() - 1),
      length(1, 8);
  for (int n = 0; n < 20000; ++n) {
    std::string s;
    for (std::size_t k = length(rng); k > 0; --k) s += accepted[pick(rng)];
    ASSERT_EQ(fold_invariant_opening(s).end, s.size()) << s;
    ASSERT_EQ(icu_fold(s), s) << s;
    // Followed by anything: the opening up to its last character is kept.
    const std::string last = accepted[pick(rng)];
    const std::string y = last + others[other(rng)];
    ASSERT_EQ(fold_invariant_opening(s + y).end, s.size() + last.size()) << s << y;
    ASSERT_EQ(icu_fold(s + y), s + icu_fold(y)) << s << y;
  }
  EXPECT_EQ(fold_invariant_opening("「関連記事」").first_letter, 3u);
  EXPECT_EQ(fold_invariant_opening("、。").first_letter, 6u);
  EXPECT_EQ(fold_invariant_opening("関連記事 Foto").end, 12u);
  EXPECT_EQ(fold_invariant_opening("２０２４年").end, 0u);
  EXPECT_EQ(fold_invariant_opening("水素・アンモニア").end, 6u);
}

// starts_upper reads ASCII without ICU: the same answers as u_isupper and
// u_isdigit, for every ASCII character alone and opening a word.
TEST(StartsUpper, AsciiAsIcu) {
  for (int c = 1; c < 0x80; ++c) {
    const std::string one(1, static_cast<char>(c));
    for (bool digits : {false, true}) {
      const bool icu = u_isupper(c) || (digits && u_isdigit(c));
      ASSERT_EQ(starts_upper(one, digits), icu) << c;
      ASSERT_EQ(starts_upper(one + "ørn", digits), icu) << c;
    }
  }
  EXPECT_TRUE(starts_upper("Ørsted", false));
  EXPECT_FALSE(starts_upper("ørsted", false));
  EXPECT_FALSE(starts_upper("", true));
}

}  // namespace
}  // namespace pactum::text
