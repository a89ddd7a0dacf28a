// Date recognition over tokens; see dates.h. Dates written with markers
// ("2023年12月8日", "令和5年") are read through the date_marker and era
// lexicon categories, so Chinese or Korean would add rows, not code.
#include "extract/dates.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>

namespace pactum::extract {

namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int to_int(std::string_view s) {
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

bool is_year(std::string_view s) {
  if (s.size() != 4 || !all_digits(s)) return false;
  int y = to_int(s);
  return y >= 1945 && y <= 2100;
}

bool is_day(std::string_view s) {
  if (s.empty() || s.size() > 2 || !all_digits(s)) return false;
  int d = to_int(s);
  return d >= 1 && d <= 31;
}

bool valid_ymd(int y, int m, int d) {
  namespace c = std::chrono;
  return c::year_month_day{c::year{y}, c::month{static_cast<unsigned>(m)}, c::day{static_cast<unsigned>(d)}}.ok();
}

// Day, month, year as numbers: day first, as Europe writes them, unless
// only the other order is a date ("12/25/2024", a US page; only with
// slashes: nobody writes month first with dots). An ambiguous "05/03/2024"
// stays 5 March.
std::optional<PartialDate> day_month_year(int d, int m, int y, char sep) {
  if (m <= 12 && valid_ymd(y, m, d)) return PartialDate{y, m, d};
  if (sep == '/' && d <= 12 && valid_ymd(y, d, m)) return PartialDate{y, d, m};
  return std::nullopt;
}

// "15.5.2025", "08.12.2023", "8/12/2023" as one token.
std::optional<PartialDate> numeric_date(std::string_view s) {
  char sep = 0;
  for (char c : s) {
    if (c == '.' || c == '/') { sep = c; break; }
  }
  if (!sep) return std::nullopt;
  auto a = s.find(sep), b = s.find(sep, a + 1);
  if (b == std::string_view::npos) return std::nullopt;
  auto d = s.substr(0, a), m = s.substr(a + 1, b - a - 1), y = s.substr(b + 1);
  if (!is_day(d) || !is_day(m) || !is_year(y)) return std::nullopt;
  return day_month_year(to_int(d), to_int(m), to_int(y), sep);
}

const LexiconEntry* entry_at(const std::vector<const Mention*>& by_start, std::uint32_t token,
                             Category cat, std::uint32_t* end) {
  if (token >= by_start.size()) return nullptr;
  const Mention* m = by_start[token];
  if (!m || !m->entry || m->entry->category != cat) return nullptr;
  *end = m->end_token;
  return m->entry;
}

}  // namespace

std::string PartialDate::to_string() const {
  if (year == 0) return "";
  char buf[16];
  if (month == 0) std::snprintf(buf, sizeof buf, "%04d", year);
  else if (day == 0) std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  else std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

std::optional<PartialDate> PartialDate::parse(std::string_view s) {
  PartialDate d;
  if (s.size() < 4 || !all_digits(s.substr(0, 4))) return std::nullopt;
  d.year = to_int(s.substr(0, 4));
  if (s.size() >= 7 && s[4] == '-' && all_digits(s.substr(5, 2))) d.month = to_int(s.substr(5, 2));
  if (s.size() >= 10 && s[7] == '-' && all_digits(s.substr(8, 2))) d.day = to_int(s.substr(8, 2));
  if (d.month > 12 || (d.day && !valid_ymd(d.year, d.month, d.day))) return std::nullopt;
  return d;
}

PartialDate last_weekday_on_or_before(const PartialDate& date, int iso_weekday) {
  namespace c = std::chrono;
  c::sys_days days{c::year{date.year} / c::month{static_cast<unsigned>(date.month)} /
                   c::day{static_cast<unsigned>(date.day)}};
  unsigned have = c::weekday{days}.iso_encoding();
  int back = (static_cast<int>(have) - iso_weekday + 7) % 7;
  c::year_month_day ymd{days - c::days{back}};
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

std::vector<DateMention> find_dates(std::string_view text, const std::vector<text::Token>& tokens,
                                    const std::vector<Mention>& mentions,
                                    const PartialDate& published) {
  // The longest lexicon mention starting at each token (mentions come longest first).
  std::vector<const Mention*> by_start(tokens.size(), nullptr);
  for (const Mention& m : mentions) {
    if (!m.entry || m.first_token >= tokens.size()) continue;
    auto c = m.entry->category;
    if (c != Category::kMonth && c != Category::kWeekday && c != Category::kRelativeDate &&
        c != Category::kTargetPrep && c != Category::kSincePrep && c != Category::kDateQualifier &&
        c != Category::kDateMarker && c != Category::kEra) {
      continue;
    }
    const Mention*& slot = by_start[m.first_token];
    if (!slot || m.end_token - m.first_token > slot->end_token - slot->first_token) slot = &m;
  }
  auto token_text = [&](std::uint32_t i) -> std::string_view { return tokens[i].folded; };
  // The text between token i and the next, to see "2023-12-08" and "8." shapes.
  auto gap_after = [&](std::uint32_t i) -> std::string_view {
    if (i + 1 >= tokens.size()) return text.substr(tokens[i].span.end);
    return text.substr(tokens[i].span.end, tokens[i + 1].span.begin - tokens[i].span.end);
  };

  const auto n = static_cast<std::uint32_t>(tokens.size());
  // The date marker at token k ("年", "月", "日" after a number), its end in *end.
  auto marker_at = [&](std::uint32_t k, std::uint32_t* end) -> std::string_view {
    const LexiconEntry* e = entry_at(by_start, k, Category::kDateMarker, end);
    return e ? std::string_view(e->label) : std::string_view();
  };
  // "12月8日" from token k on: a month and maybe its day, each a number and
  // its marker. Returns the end of what was read (k if nothing).
  auto read_month_day = [&](std::uint32_t k, PartialDate* d) -> std::uint32_t {
    std::uint32_t end = 0;
    if (k + 1 >= n || !is_day(token_text(k)) || to_int(token_text(k)) > 12 || marker_at(k + 1, &end) != "month") {
      return k;
    }
    d->month = to_int(token_text(k));
    k = end;
    if (k + 1 < n && is_day(token_text(k)) && marker_at(k + 1, &end) == "day") {
      d->day = to_int(token_text(k));
      k = end;
    }
    return k;
  };

  std::vector<DateMention> out;
  std::vector<std::uint8_t> used(tokens.size(), false);
  for (std::uint32_t i = 0; i < n; ++i) {
    if (used[i]) continue;
    // Every reading below opens with a number or a date mention: most tokens
    // (plain words) are neither, and skip the chain of tests.
    if (by_start[i] == nullptr && (tokens[i].folded.empty() || tokens[i].folded[0] < '0' || tokens[i].folded[0] > '9')) {
      continue;
    }
    DateMention dm;
    dm.first_token = i;
    std::uint32_t end = 0;
    std::string_view t = token_text(i);
    if (auto nd = numeric_date(t)) {
      dm.date = *nd;
      dm.end_token = i + 1;
    } else if (i + 2 < n && gap_after(i) == "-" && gap_after(i + 1) == "-" && is_day(t) && t.size() == 2 &&
               token_text(i + 1).size() == 2 && is_day(token_text(i + 1)) && is_year(token_text(i + 2)) &&
               valid_ymd(to_int(token_text(i + 2)), to_int(token_text(i + 1)), to_int(t))) {
      // "10-04-2025" (Dutch and Danish pages): day, month, year joined by
      // '-', each of two digits but the year.
      dm.date = PartialDate{to_int(token_text(i + 2)), to_int(token_text(i + 1)), to_int(t)};
      dm.end_token = i + 3;
    } else if (auto split = i + 2 < n && gap_after(i) == "/" && gap_after(i + 1) == "/" && is_day(t) &&
                                    is_day(token_text(i + 1)) && is_year(token_text(i + 2))
                                ? day_month_year(to_int(t), to_int(token_text(i + 1)), to_int(token_text(i + 2)), '/')
                                : std::nullopt) {
      // "04/11/2025" (French, Spanish and Italian pages): the tokenizer
      // splits at '/'.
      dm.date = *split;
      dm.end_token = i + 3;
    } else if (const LexiconEntry* era = entry_at(by_start, i, Category::kEra, &end)) {
      // "令和5年12月8日", "平成26年", "令和元年": the era's year 0 plus the year.
      std::uint32_t after = 0;
      int year_in_era = 0;
      if (end + 1 < n && all_digits(token_text(end)) && token_text(end).size() <= 2 &&
          marker_at(end + 1, &after) == "year") {
        year_in_era = to_int(token_text(end));
      } else if (marker_at(end, &after) == "year_one") {
        year_in_era = 1;
      }
      if (year_in_era == 0) continue;
      dm.date.year = to_int(era->label) + year_in_era;
      dm.end_token = read_month_day(after, &dm.date);
    } else if (is_year(t) && !gap_after(i).starts_with("+")) {
      // (A year with "+" written on is a name: "Battery 2030+", no date.)
      dm.date.year = to_int(t);
      dm.end_token = i + 1;
      std::uint32_t after = 0;
      if (marker_at(i + 1, &after) == "year") {
        // "2023年12月8日"
        dm.end_token = read_month_day(after, &dm.date);
      } else if (i + 1 < n && (gap_after(i) == "-" || gap_after(i) == "\u2013") && is_year(token_text(i + 1)) &&
                 to_int(token_text(i + 1)) > to_int(t)) {
        // A period of years ("il periodo 2025-2029", "the 2025–2029 plan"):
        // it dates no act, as a goal year does not.
        dm.end_token = i + 2;
        dm.target = true;
      } else if (i + 1 < n && (gap_after(i) == "-" || gap_after(i) == "/") && is_day(token_text(i + 1)) &&
                 to_int(token_text(i + 1)) <= 12 && (gap_after(i) == "/" || token_text(i + 1).size() == 2)) {
        // ISO "2023-12-08" or "2023-12" (tokens joined by '-'); year first
        // with slashes, "2018/10/25", "2024/1/10".
        const std::string_view sep = gap_after(i);
        dm.date.month = to_int(token_text(i + 1));
        dm.end_token = i + 2;
        if (i + 2 < n && gap_after(i + 1) == sep && (sep == "/" || token_text(i + 2).size() == 2) &&
            is_day(token_text(i + 2)) && valid_ymd(dm.date.year, dm.date.month, to_int(token_text(i + 2)))) {
          dm.date.day = to_int(token_text(i + 2));
          dm.end_token = i + 3;
        }
      }
    } else if (std::uint32_t md_end = read_month_day(i, &dm.date); md_end > i) {
      // "12月8日" without a year: the publication's, below.
      dm.end_token = md_end;
    } else if (is_day(t) && marker_at(i + 1, &end) == "day") {
      // "8日" alone: that day of the publication's month (Japanese news:
      // "経済産業省は8日、..."), the month before if the day is still to come.
      dm.relative = true;
      dm.end_token = end;
      const int day = to_int(t);
      if (published.month) {
        dm.date = {published.year, published.month, day};
        if (published.day && day > published.day) {
          dm.date.month = published.month == 1 ? 12 : published.month - 1;
          if (published.month == 1) --dm.date.year;
        }
      } else {
        dm.unresolved = "day:" + std::to_string(day);
      }
    } else if (is_day(t) && entry_at(by_start, i + 1, Category::kMonth, &end)) {
      // "8. Dezember 2023", "08 des. 2023", "8 November"
      const LexiconEntry* month_entry = entry_at(by_start, i + 1, Category::kMonth, &end);
      dm.date.month = to_int(month_entry->label);
      dm.date.day = to_int(t);
      dm.end_token = end;
      if (end < n && is_year(token_text(end))) {
        dm.date.year = to_int(token_text(end));
        dm.end_token = end + 1;
      }
    } else if (const LexiconEntry* month_entry = entry_at(by_start, i, Category::kMonth, &end)) {
      // "Dezember 2022", "March 21, 2023", "March 21", "im Januar"
      dm.date.month = to_int(month_entry->label);
      dm.end_token = end;
      bool dated = (end < n && (is_year(token_text(end)) || is_day(token_text(end))));
      // A month name alone must be a full word: "Jan", "May", "Mar" are also
      // names and verbs ("Jan Christian Vestre", "may"), unless "in" stands
      // before it ("im Mai", "in May", "i mai"; looked for only here, rare).
      if (!dated && tokens[i].span.size() < 4 &&
          std::none_of(mentions.begin(), mentions.end(), [&](const Mention& m) {
            return m.entry && m.entry->category == Category::kLocationPrep && m.entry->label == "in" &&
                   m.end_token == i;
          })) {
        continue;
      }
      std::uint32_t rel_end = 0;
      const LexiconEntry* rel_year = end < n ? entry_at(by_start, end, Category::kRelativeDate, &rel_end) : nullptr;
      if (end < n && is_year(token_text(end))) {
        dm.date.year = to_int(token_text(end));
        dm.end_token = end + 1;
      } else if (end < n && is_day(token_text(end))) {
        dm.date.day = to_int(token_text(end));
        dm.end_token = end + 1;
        if (end + 1 < n && is_year(token_text(end + 1))) {
          dm.date.year = to_int(token_text(end + 1));
          dm.end_token = end + 2;
        }
      } else if (rel_year && published.year) {
        // "im März vergangenen Jahres", "décembre dernier" (the last
        // December before publication), "in December last year".
        const Label& k = rel_year->label;
        int year = 0;
        if (k == "last_year") year = published.year - 1;
        else if (k == "this_year") year = published.year;
        else if (k == "next_year") year = published.year + 1;
        else if (k == "previous") year = dm.date.month < published.month || !published.month ? published.year : published.year - 1;
        if (year) {
          dm.date.year = year;
          dm.end_token = rel_end;
        }
      }
    } else if (const LexiconEntry* rel = entry_at(by_start, i, Category::kRelativeDate, &end)) {
      if (rel->label == "previous") continue;  // only dates a month named before it
      // "im Herbst 2023", "en otoño de 2023", "in autumn 2021": the season of
      // that year, which the year names on its own.
      if (rel->label.starts_with("season:") &&
          ((end < n && is_year(token_text(end))) || (end + 1 < n && is_year(token_text(end + 1))))) {
        continue;
      }
      dm.relative = true;
      dm.end_token = end;
      const Label& kind = rel->label;
      dm.unresolved = kind;
      // "同年9月", "the same day": the date named last in the sentence.
      const bool same = kind == "same_year" || kind == "same_month" || kind == "same_day";
      // "Under besøket", "im Rahmen des Besuchs": the day of the page's own
      // act, which the extractor knows (left unresolved here).
      const bool occasion = kind == "occasion";
      const DateMention* last = nullptr;
      for (const DateMention& d : out) {
        if (!d.date.empty()) last = &d;
      }
      if (same && last) {
        dm.unresolved.clear();
        dm.date = {last->date.year, kind == "same_year" ? 0 : last->date.month, kind == "same_day" ? last->date.day : 0};
        if ((kind == "same_month" && !dm.date.month) || (kind == "same_day" && !dm.date.day)) {
          dm.date = {};
          dm.unresolved = kind;
        }
        std::uint32_t day_end = 0;
        if (kind == "same_month" && dm.date.month && end + 1 < n && is_day(token_text(end)) &&
            marker_at(end + 1, &day_end) == "day") {
          dm.date.day = to_int(token_text(end));  // "同月8日"
          dm.end_token = day_end;
        }
      } else if (!same && !occasion && !published.empty()) {
        dm.unresolved.clear();
        // With a publication month but no day, "today" is still that month.
        if (kind == "today") dm.date = published;
        else if (kind == "this_year") dm.date = {published.year, 0, 0};
        else if (kind == "last_year") dm.date = {published.year - 1, 0, 0};
        else if (kind == "next_year") dm.date = {published.year + 1, 0, 0};
        else if (kind == "this_month" && published.month) dm.date = {published.year, published.month, 0};
        else if (kind.starts_with("last_season:") && published.month) {
          // "el pasado verano", "last summer": the year of the last such
          // season before publication (its middle month after the label).
          const int middle = std::atoi(kind.c_str() + 12);
          dm.date = {published.month > middle ? published.year : published.year - 1, 0, 0};
        }
        else if (kind.starts_with("season:") && published.month) {
          // "à l'automne", "en otoño", "i løpet av høsten": the season to
          // come or under way (its middle month after the label), in the
          // publication year unless it is over by then.
          const int middle = std::atoi(kind.c_str() + 7);
          dm.date = {published.month <= middle + 1 ? published.year : published.year + 1, 0, 0};
        }
        else if (kind == "last_week" && published.day) {
          // "förra veckan", "last week": the month its Monday to Sunday lie
          // in, or the year when the week crosses into another month.
          namespace c = std::chrono;
          c::sys_days pub{c::year{published.year} / c::month{static_cast<unsigned>(published.month)} /
                          c::day{static_cast<unsigned>(published.day)}};
          const c::sys_days monday = pub - c::days{c::weekday{pub}.iso_encoding() - 1} - c::days{7};
          const c::year_month_day week_start{monday}, week_end{monday + c::days{6}};
          if (week_start.year() != week_end.year()) dm.unresolved = kind;
          else if (week_start.month() != week_end.month()) dm.date = {static_cast<int>(week_start.year()), 0, 0};
          else dm.date = {static_cast<int>(week_start.year()), static_cast<int>(static_cast<unsigned>(week_start.month())), 0};
        }
        else if (kind == "last_month" && published.month) {
          dm.date = published.month == 1 ? PartialDate{published.year - 1, 12, 0}
                                         : PartialDate{published.year, published.month - 1, 0};
        } else if (kind == "yesterday" && published.day) {
          namespace c = std::chrono;
          c::year_month_day ymd{c::sys_days{c::year{published.year} / c::month{static_cast<unsigned>(published.month)} /
                                            c::day{static_cast<unsigned>(published.day)}} - c::days{1}};
          dm.date = {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
                     static_cast<int>(static_cast<unsigned>(ymd.day()))};
        } else dm.unresolved = kind;
      }
      // A relative year and its month: "昨年8月", "今年の10月".
      if (kind == "this_year" || kind == "last_year" || kind == "next_year" || kind == "same_year") {
        std::uint32_t k = end, link_end = 0;
        if (marker_at(k, &link_end) == "link") k = link_end;
        PartialDate md;
        if (std::uint32_t month_end = read_month_day(k, &md); month_end > k) {
          dm.end_token = month_end;
          if (!dm.date.empty()) {
            dm.date.month = md.month;
            dm.date.day = md.day;
          }
        }
      }
    } else if (const LexiconEntry* wd = entry_at(by_start, i, Category::kWeekday, &end)) {
      // "mandag 13. juni", "onsdag den 12. marts", "Monday, 13 June": the
      // weekday introduces the date after it, which is read on its own.
      std::uint32_t k = end, month_end = 0;
      if (k < n && (token_text(k) == "den" || token_text(k) == "the")) ++k;
      if (k + 1 < n && is_day(token_text(k)) && entry_at(by_start, k + 1, Category::kMonth, &month_end)) continue;
      dm.relative = true;
      dm.end_token = end;
      if (published.day) dm.date = last_weekday_on_or_before(published, to_int(wd->label));
      else if (published.month) dm.date = {published.year, published.month, 0};
      else dm.unresolved = "weekday:" + wd->label;
    } else {
      continue;
    }
    // A month or day without a year takes the publication year; the year
    // before when that would put it more than half a year after publication
    // (a release of 10 January reports a signing "11月27日" of last year).
    if (dm.date.year == 0 && dm.date.month != 0) {
      if (published.year) {
        dm.date.year = published.year;
        if (published.month && dm.date.month - published.month > 6) --dm.date.year;
      } else {
        dm.unresolved = "month:" + std::to_string(dm.date.month);
        dm.date = {};
      }
    }
    if (dm.date.day && !valid_ymd(dm.date.year, dm.date.month, dm.date.day)) dm.date.day = 0;
    // What stands just before says what kind of date it is; in languages
    // with postpositions, what stands just after ("2030年までに", "2014年以来").
    for (std::uint32_t back = 1; back <= 2 && back <= i; ++back) {
      std::uint32_t e = 0;
      const std::uint32_t j = i - back;
      if (const LexiconEntry* p = entry_at(by_start, j, Category::kTargetPrep, &e); p && e == i && p->label == "by") {
        dm.target = true;
      }
      if (const LexiconEntry* p = entry_at(by_start, j, Category::kSincePrep, &e); p && e == i && p->label == "since") {
        dm.since = true;
      }
    }
    for (std::uint32_t back = 1; back <= 3 && back <= i; ++back) {
      std::uint32_t e = 0;
      if (const LexiconEntry* p = entry_at(by_start, i - back, Category::kSincePrep, &e); p && e == i && p->label == "origin") {
        dm.origin = true;
      }
    }
    {
      std::uint32_t e = 0;
      if (const LexiconEntry* p = entry_at(by_start, dm.end_token, Category::kTargetPrep, &e); p && p->label == "by_post") {
        dm.target = true;
      }
      if (const LexiconEntry* p = entry_at(by_start, dm.end_token, Category::kSincePrep, &e); p && p->label == "since_post") {
        dm.since = true;
      }
    }
    for (std::uint32_t k = dm.first_token; k < dm.end_token; ++k) used[k] = true;
    out.push_back(dm);
  }
  return out;
}

}  // namespace pactum::extract
