// Dates in text: absolute ("8. Dezember 2023", "08 des. 2023", "March 21,
// 2023", "2023-12-08", "15.5.2025"), partial ("Dezember 2022", "2014"), and
// relative ones resolved against the publication date ("i dag", "last year",
// "onsdag", "tidligere i år"). Month names, weekdays and relative phrases come
// from the lexicon, so a language adds rows, not code.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/lexicon.h"
#include "text/segment.h"

namespace pactum::extract {

// A calendar date with optional month and day: "2023", "2023-12", "2023-12-08".
struct PartialDate {
  int year = 0, month = 0, day = 0;
  bool empty() const { return year == 0; }
  std::string to_string() const;
  static std::optional<PartialDate> parse(std::string_view iso);  // YYYY[-MM[-DD]]
  friend bool operator==(const PartialDate&, const PartialDate&) = default;
};

struct DateMention {
  std::uint32_t first_token = 0, end_token = 0;
  PartialDate date;           // empty when it could not be resolved
  // For a relative date that could not be resolved (no publication date):
  // its kind ("last_year"), so that two mentions of the same unresolved day
  // can still be told from a different one.
  std::string unresolved;
  bool relative = false;      // resolved from the publication date
  bool target = false;        // a goal year ("by 2030", "innen 2050"), not an act
  bool since = false;         // "since 2018", "seit Mai 2021"
  bool origin = false;        // "the agreement of 2019", "uit 2019": the year a thing is from
  bool dateline = false;      // "SEOUL, Sept 11 (Reuters) -": the day the news was written
};

// Finds the dates among tokens, given the lexicon mentions of the same tokens
// (months, weekdays, relative phrases, target and since prepositions).
// published may be empty.
std::vector<DateMention> find_dates(std::string_view text, const std::vector<text::Token>& tokens,
                                    const std::vector<Mention>& mentions,
                                    const PartialDate& published);

// The most recent given weekday (1 = Monday) on or before date, which must
// have a day.
PartialDate last_weekday_on_or_before(const PartialDate& date, int weekday);

}  // namespace pactum::extract
