// Table tests for fold() and fold_ascii(), one row per script or quirk.
#include "text/normalize.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace pactum::text
