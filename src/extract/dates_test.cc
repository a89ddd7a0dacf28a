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
      {"es", "negocian desde el pasado verano", "2023-12-11", "2023"},  // the last summer before publication
      {"en", "talks began last summer", "2024-03-01", "2023"},
      {"de", "bis 2040 klimaneutral", "", ""},  // a goal, not an act
      {"sv", "deltar i initiativet Battery 2030+ sedan tidigare", "", ""},  // a name, not a date
      {"nb", "08 des. 2023", "", "2023-12-08"},
      {"nb", "signerte i fjor", "2023-04-20", "2022"},
      {"nb", "signerte i fjor", "", "?last_year"},
      {"nb", "tidligere i år", "2023-12-08", "2023"},
      {"nb", "møttes onsdag", "2025-05-16", "2025-05-14"},  // the Wednesday before a Friday
      // Last week: its month, or its year when it crosses a month's end.
      {"sv", "undertecknade förra veckan", "2025-10-15", "2025-10"},
      {"da", "besøgte i sidste uge", "2025-04-22", "2025-04"},
      {"en", "signed last week", "2025-10-02", "2025-09"},  // 22-28 September
      {"en", "signed last week", "2025-10-09", "2025"},  // 29 September - 5 October
      {"en", "signed last week", "2026-01-06", "?last_week"},  // 29 Dec - 4 Jan
      {"en", "signed last week", "", "?last_week"},
      {"nn", "underteikna 13. juni", "2022-06", "2022-06-13"},
      // A weekday before a date introduces it: the date, not the weekday.
      {"nb", "ble signert i Kiel mandag 13. juni", "2022-06", "2022-06-13"},
      {"da", "underskrev onsdag den 12. marts", "2025-03-13", "2025-03-12"},
      {"nb", "ble signert mandag", "2022-06", "2022-06"},
      // A past season: the last one before publication.
      {"da", "som blev aftalt i efteråret", "2025-03-13", "2024"},
      {"sv", "som undertecknades i höstas", "2025-11-20", "2025"},
      {"nl", "afgelopen najaar getekend", "2025-03-13", "2024"},
      // A season to come or under way: its year, the next once it is over;
      // "this autumn" is the publication's year; a season with a year is that year.
      {"fr", "signeront à l'automne une convention", "2025-03-20", "2025"},
      {"es", "prevén firmar en otoño un convenio", "2025-05-26", "2025"},
      {"nb", "tar sikte på å undertegne i løpet av høsten", "2025-04-09", "2025"},
      {"de", "wollen im Frühjahr unterzeichnen", "2025-10-30", "2026"},
      {"en", "to sign in the autumn", "", "?season:10"},
      {"de", "wurde im Herbst 2023 unterzeichnet", "2025-10-30", "2023"},
      {"es", "firmado en otoño de 2022", "2025-05-26", "2022"},
      {"de", "bis Ende des Jahres unterzeichnen", "2025-06-12", "2025"},
      {"ja", "今秋に締結する予定", "2025-12-01", "2025"},
      {"en", "signed on 8 November 2022", "", "2022-11-08"},
      {"en", "signed March 21, 2023", "", "2023-03-21"},
      {"en", "signed March 21", "", "?month:3"},
      // A short month name alone only after "in": "im Mai", "i mai", but not "may" or "Jan".
      {"de", "Im Mai trat das Unternehmen der Allianz bei", "2025-06-12", "2025-05"},
      {"nn", "vart samde i mai", "2025-06-12", "2025-05"},
      {"en", "the partners may sign", "2025-06-12", ""},
      {"en", "the partnership that Norway and the EU signed last month", "2023-04-24", "2023-03"},
      {"de", "im vergangenen Monat unterzeichnet", "2023-01-05", "2022-12"},
      {"nn", "underteikna førre månad", "2023-04-24", "2023-03"},
      // Last week: the month its Monday to Sunday lie in (12-18 May), or
      // only the year when it spans two (24 February - 2 March).
      {"nb", "signerte forrige uke", "2025-05-21", "2025-05"},
      {"de", "unterzeichneten in der vergangenen Woche", "2025-03-04", "2025"},
      {"nb", "signerte forrige uke", "", "?last_week"},
      {"en", "published 2023-12-08", "", "2023-12-08"},
      {"en", "on 15.5.2025", "", "2025-05-15"},
      // Day first unless only month first is a date (a US page).
      {"en", "WASHINGTON, 12/25/2024", "", "2024-12-25"},
      {"en", "signed on 5/13/2025", "", "2025-05-13"},
      {"en", "signed on 13/5/2025", "", "2025-05-13"},
      {"en", "signed on 05/03/2025", "", "2025-03-05"},
      {"fr", "signé le 04/11/2025", "", "2025-11-04"},
      {"es", "firmado el 11/24/2025", "", "2025-11-24"},
      {"de", "am 12.25.2025", "", ""},  // dots: never month first, so no date
      {"nl", "Nieuwsbericht | 10-04-2025 | 14:30", "", "2025-04-10"},
      {"nl", "ondertekend op 10-12-2025", "", "2025-12-10"},
      {"nl", "artikel 31-02-2025", "", "2025"},  // no 31 February: the year alone
      {"en", "Jan Christian Vestre said", "2023-01-05", ""},  // a name, not January
      {"en", "last year", "2016-04-15", "2015"},
      {"de", "im März vergangenen Jahres vereinbart", "2023-01-05", "2022-03"},
      {"fr", "en décembre dernier", "2023-07-20", "2022-12"},
      {"fr", "en juin dernier", "2023-07-20", "2023-06"},
      {"en", "in December last year", "2024-02-01", "2023-12"},
      {"en", "signed in December", "2023-04-20", "2022-12"},  // a month far ahead of publication is last year's
      // Japanese: numbers with the date markers 年 月 日, era years, relative days.
      {"ja", "2023年12月8日に署名した", "", "2023-12-08"},
      {"ja", "２０２３年１２月８日に署名した", "", "2023-12-08"},  // full-width digits
      {"ja", "2023年12月に締結", "", "2023-12"},
      {"ja", "2014年の覚書", "", "2014"},
      {"ja", "2030年度までに", "", ""},  // a goal, not an act
      // Last week: the month of the week before publication.
      {"it", "rinnovato la settimana scorsa", "2025-10-02", "2025-09"},
      {"es", "firmado la semana pasada", "2025-06-20", "2025-06"},
      // A period of years ("per il periodo 2025-2029") dates no act.
      {"it", "un piano d'azione per il periodo 2025-2029", "", ""},
      {"en", "the 2025–2029 action plan", "", ""},
      {"ja", "令和5年12月8日", "", "2023-12-08"},
      {"ja", "平成26年9月に締結", "", "2014-09"},
      {"ja", "令和元年", "", "2019"},
      {"ja", "12月8日に署名", "", "?month:12"},
      {"ja", "1月12日に開催します", "2024-01-10", "2024-01-12"},
      {"ja", "11月27日に締結しました", "2024-01-10", "2023-11-27"},  // ten months ahead: last year
      {"ja", "経済産業省は8日、発表した", "2023-12-11", "2023-12-08"},
      {"ja", "本日締結した", "2023-12-08", "2023-12-08"},
      {"ja", "昨年8月、訪問団を派遣", "2024-01-10", "2023-08"},
      {"ja", "今年の10月に来日", "2025-03-01", "2025-10"},
      {"ja", "昨年締結", "", "?last_year"},
      {"ja", "2018/10/25 ニュース", "", "2018-10-25"},
      {"ja", "同年9月に締結", "2024-01-10", "?same_year"},  // no year named before it
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

TEST(Dates, JapaneseSinceAndTargetFollowTheDate) {
  const std::string text = "2014年以来協力し、2040年までに達成する";
  auto tokens = text::tokenize(text, "ja");
  auto mentions = fixture().lexicon->find("ja", text, tokens);
  auto dates = find_dates(text, tokens, mentions, {});
  ASSERT_EQ(dates.size(), 2u);
  EXPECT_EQ(dates[0].date.to_string(), "2014");
  EXPECT_TRUE(dates[0].since);
  EXPECT_FALSE(dates[0].target);
  EXPECT_EQ(dates[1].date.to_string(), "2040");
  EXPECT_TRUE(dates[1].target);
}

TEST(Dates, SameYearTakesTheLastDateNamed) {
  const std::string text = "2014年2月に締結し、同年9月にも締結した。10月23日、同日に署名";
  auto tokens = text::tokenize(text, "ja");
  auto mentions = fixture().lexicon->find("ja", text, tokens);
  auto dates = find_dates(text, tokens, mentions, *PartialDate::parse("2018-10-25"));
  ASSERT_EQ(dates.size(), 4u);
  EXPECT_EQ(dates[1].date.to_string(), "2014-09");
  EXPECT_EQ(dates[3].date.to_string(), "2018-10-23");
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
