// Table tests of the date finder: rows per language, with and without a
// publication date to resolve relative dates against.
#include "extract/dates.h"

#include <gtest/gtest.h>

#include "extract/extractor.h"
#include "extract/gazetteer.h"
#include "extract/lexicon.h"

namespace pactum::extract {
namespace {

struct Fixture {
  Gazetteer gazetteer;
  std::unique_ptr<Lexicon> lexicon;
};

const Fixture& fixture() {
  static Fixture f = [] {
    Fixture out;
    auto g = Gazetteer::load(PACTUM_TEST_DATA_DIR);
    EXPECT_TRUE(g.is_ok()) << g.status().to_string();
    out.gazetteer = std::move(g).value();
    auto l = Lexicon::load(PACTUM_TEST_DATA_DIR, out.gazetteer);
    EXPECT_TRUE(l.is_ok()) << l.status().to_string();
    out.lexicon = std::move(l).value();
    return out;
  }();
  return f;
}

std::string first_date(const std::string& lang, const std::string& text, const std::string& published) {
  auto tokens = text::tokenize(text, lang);
  auto mentions = fixture().lexicon->find(lang, text, tokens);
  PartialDate pub = PartialDate::parse(published).value_or(PartialDate{});
  auto dates = find_dates(text, tokens, mentions, pub);
  for (const auto& d : dates) {
    if (!d.target) return d.date.empty() ? "?" + d.unresolved : d.date.to_string();
  }
  return "";
}

TEST(Dates, Table) {
  struct Row { const char* lang; const char* text; const char* published; const char* want; } rows[] = {
      {"de", "Am 8. Dezember 2023 unterzeichnet", "", "2023-12-08"},
      {"de", "im Dezember 2022 unterzeichneten", "", "2022-12"},
      {"de", "Anfang 2021 erneuert", "", "2021"},
      {"de", "heute unterzeichnet", "2026-01-15", "2026-01-15"},
      {"de", "im vergangenen Jahr", "2026-01-15", "2025"},
      {"de", "bis 2040 klimaneutral", "", ""},  // a goal, not an act
      {"nb", "08 des. 2023", "", "2023-12-08"},
      {"nb", "signerte i fjor", "2023-04-20", "2022"},
      {"nb", "signerte i fjor", "", "?last_year"},
      {"nb", "tidligere i år", "2023-12-08", "2023"},
      {"nb", "møttes onsdag", "2025-05-16", "2025-05-14"},  // the Wednesday before a Friday
      {"nn", "underteikna 13. juni", "2022-06", "2022-06-13"},
      {"en", "signed on 8 November 2022", "", "2022-11-08"},
      {"en", "signed March 21, 2023", "", "2023-03-21"},
      {"en", "signed March 21", "", "?month:3"},
      {"en", "published 2023-12-08", "", "2023-12-08"},
      {"en", "on 15.5.2025", "", "2025-05-15"},
      {"en", "Jan Christian Vestre said", "2023-01-05", ""},  // a name, not January
      {"en", "last year", "2016-04-15", "2015"},
  };
  for (const auto& r : rows) EXPECT_EQ(first_date(r.lang, r.text, r.published), r.want) << r.lang << ": " << r.text;
}

TEST(Dates, SinceIsMarked) {
  auto tokens = text::tokenize("siden 2018", "nb");
  auto mentions = fixture().lexicon->find("nb", "siden 2018", tokens);
  auto dates = find_dates("siden 2018", tokens, mentions, {});
  ASSERT_EQ(dates.size(), 1u);
  EXPECT_TRUE(dates[0].since);
}

TEST(PartialDate, ParsesAndPrints) {
  EXPECT_EQ(PartialDate::parse("2023-12-08")->to_string(), "2023-12-08");
  EXPECT_EQ(PartialDate::parse("2023-12")->to_string(), "2023-12");
  EXPECT_EQ(PartialDate::parse("2023")->to_string(), "2023");
  EXPECT_FALSE(PartialDate::parse("2023-13-01").has_value());
  EXPECT_FALSE(PartialDate::parse("2023-02-30").has_value());
  EXPECT_FALSE(PartialDate::parse("").has_value());
}

}  // namespace
}  // namespace pactum::extract
