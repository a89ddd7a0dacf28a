// Publication dates as sources state them (ISO 8601 in HTML metadata, RFC 822
// in RSS, free forms in JSONL) reduced to "YYYY-MM-DD" / "YYYY-MM" / "YYYY".
#include <array>
#include <cctype>
#include <cstdio>

#include "ingest/formats.h"

namespace pactum::ingest::internal {
namespace {

constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2199;

struct Ymd {
  int year = 0;
  int month = 0;  // 0: not stated
  int day = 0;    // 0: not stated
};

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[static_cast<std::size_t>(m - 1)];
}

std::string format(const Ymd& d) {
  if (d.year < kMinYear || d.year > kMaxYear) return "";
  char buf[48];
  if (d.month == 0) {
    std::snprintf(buf, sizeof buf, "%04d", d.year);
  } else if (d.month < 1 || d.month > 12) {
    return "";
  } else if (d.day == 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
  } else if (d.day < 1 || d.day > days_in_month(d.year, d.month)) {
    return "";
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  }
  return buf;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads up to max_len digits at s[i]; returns the count read.
std::size_t read_number(std::string_view s, std::size_t i, std::size_t max_len, int& value) {
  std::size_t n = 0;
  value = 0;
  while (i + n < s.size() && n < max_len && is_digit(s[i + n])) {
    value = value * 10 + (s[i + n] - '0');
    ++n;
  }
  return n;
}

// "2024", "2024-05", "2024-05-03", "2024/05/03", "2024.05.03", "20240503",
// optionally followed by a time ("T10:00", " 10:00"). The whole of s must be
// the date (plus time), so "2024 results" is not a year.
std::string parse_iso(std::string_view s) {
  Ymd d;
  std::size_t i = read_number(s, 0, 4, d.year);
  if (i != 4) return "";
  if (i == s.size()) return format(d);
  if (s.size() >= 8 && is_digit(s[4])) {  // basic format: 20240503
    if (read_number(s, 4, 2, d.month) != 2 || read_number(s, 6, 2, d.day) != 2) return "";
    if (s.size() > 8 && is_digit(s[8])) return "";
    if (s.size() > 8 && s[8] != 'T' && s[8] != ' ') return "";
    return format(d);
  }
  char sep = s[i];
  if (sep != '-' && sep != '/' && sep != '.') return "";
  std::size_t n = read_number(s, i + 1, 2, d.month);
  if (n == 0) return "";
  i += 1 + n;
  if (i == s.size()) return format(d);
  if (s[i] == sep) {
    n = read_number(s, i + 1, 2, d.day);
    if (n == 0) return "";
    i += 1 + n;
    if (i == s.size() || s[i] == 'T' || s[i] == 't' || s[i] == ' ') return format(d);
  }
  return "";
}

// "2024年5月3日", "2024年5月".
std::string parse_japanese(std::string_view s) {
  constexpr std::string_view kYear = "年", kMonth = "月", kDay = "日";
  Ymd d;
  std::size_t i = read_number(s, 0, 4, d.year);
  if (i != 4 || s.substr(i, kYear.size()) != kYear) return "";
  i += kYear.size();
  while (i < s.size() && s[i] == ' ') ++i;
  std::size_t n = read_number(s, i, 2, d.month);
  if (n == 0 || s.substr(i + n, kMonth.size()) != kMonth) return format({d.year, 0, 0});
  i += n + kMonth.size();
  while (i < s.size() && s[i] == ' ') ++i;
  n = read_number(s, i, 2, d.day);
  if (n == 0 || s.substr(i + n, kDay.size()) != kDay) d.day = 0;
  return format(d);
}

// Month names and abbreviations: English, and the Nordic and German forms
// press releases in those languages use ("3. mai 2024", "3. März 2024").
int month_number(std::string_view word) {
  struct Name { std::string_view name; int month; };
  static constexpr Name kNames[] = {
      {"january", 1}, {"jan", 1}, {"januar", 1}, {"januari", 1},
      {"february", 2}, {"feb", 2}, {"februar", 2}, {"februari", 2},
      {"march", 3}, {"mar", 3}, {"mars", 3}, {"märz", 3}, {"mär", 3}, {"mrz", 3},
      {"april", 4}, {"apr", 4},
      {"may", 5}, {"mai", 5}, {"maj", 5},
      {"june", 6}, {"jun", 6}, {"juni", 6},
      {"july", 7}, {"jul", 7}, {"juli", 7},
      {"august", 8}, {"aug", 8}, {"augusti", 8},
      {"september", 9}, {"sep", 9}, {"sept", 9},
      {"october", 10}, {"oct", 10}, {"oktober", 10}, {"okt", 10},
      {"november", 11}, {"nov", 11},
      {"december", 12}, {"dec", 12}, {"desember", 12}, {"des", 12}, {"dezember", 12}, {"dez", 12},
  };
  for (const Name& n : kNames) {
    if (n.name == word) return n.month;
  }
  return 0;
}

struct Token {
  std::string text;  // lower-case ASCII letters (bytes >= 0x80 kept) or digits
  bool number = false;
};

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    if (is_digit(static_cast<char>(c))) {
      Token t{"", true};
      while (i < s.size() && is_digit(s[i])) t.text.push_back(s[i++]);
      tokens.push_back(std::move(t));
    } else if (std::isalpha(c) || c >= 0x80) {
      Token t;
      while (i < s.size() && (std::isalpha(static_cast<unsigned char>(s[i])) ||
                              static_cast<unsigned char>(s[i]) >= 0x80)) {
        t.text.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(s[i++]))));
      }
      tokens.push_back(std::move(t));
    } else {
      ++i;
    }
  }
  return tokens;
}

// Dates with a month name: "Fri, 03 May 2024 08:00:00 GMT" (RFC 822, also
// with a two-digit year), "May 3, 2024", "3 May 2024", "3. mai 2024",
// "May 2024".
std::string parse_with_month_name(std::string_view s) {
  std::vector<Token> tokens = tokenize(s);
  for (std::size_t m = 0; m < tokens.size(); ++m) {
    if (tokens[m].number) continue;
    int month = month_number(tokens[m].text);
    if (month == 0) continue;
    auto small_number = [&](std::size_t k) {
      return k < tokens.size() && tokens[k].number && tokens[k].text.size() <= 2;
    };
    auto year_at = [&](std::size_t k) {
      return k < tokens.size() && tokens[k].number && tokens[k].text.size() == 4;
    };
    Ymd d{0, month, 0};
    std::size_t after = m + 1;
    if (m > 0 && small_number(m - 1)) {
      d.day = std::stoi(tokens[m - 1].text);  // "3 May 2024"
    } else if (small_number(m + 1) && !year_at(m + 1)) {
      d.day = std::stoi(tokens[m + 1].text);  // "May 3, 2024"
      after = m + 2;
    }
    if (year_at(after)) {
      d.year = std::stoi(tokens[after].text);
    } else if (d.day != 0 && m > 0 && small_number(m - 1) && small_number(after)) {
      int yy = std::stoi(tokens[after].text);  // RFC 822's "03 May 24"
      d.year = yy < 70 ? 2000 + yy : 1900 + yy;
    } else {
      return "";
    }
    return format(d);
  }
  return "";
}

// "03.05.2024" (day first, as written across Europe). Slashed dates are
// taken only when unambiguous ("25/12/2024", "12/25/2024").
std::string parse_numeric_day_first(std::string_view s) {
  int a = 0, b = 0, y = 0;
  std::size_t i = read_number(s, 0, 2, a);
  if (i == 0 || i >= s.size()) return "";
  char sep = s[i];
  if (sep != '.' && sep != '/' && sep != '-') return "";
  std::size_t n = read_number(s, i + 1, 2, b);
  if (n == 0) return "";
  i += 1 + n;
  if (i >= s.size() || s[i] != sep) return "";
  if (read_number(s, i + 1, 4, y) != 4) return "";
  if (i + 5 < s.size() && is_digit(s[i + 5])) return "";
  if (sep == '/' && a <= 12 && b <= 12 && a != b) return "";  // 03/05/2024: which?
  if (sep == '/' && a <= 12 && b > 12) return format({y, a, b});
  return format({y, b, a});
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

}  // namespace

std::string normalize_date(std::string_view s) {
  s = trim(s);
  if (s.empty() || s.size() > 100) return "";
  if (std::string d = parse_iso(s); !d.empty()) return d;
  if (std::string d = parse_japanese(s); !d.empty()) return d;
  if (std::string d = parse_numeric_day_first(s); !d.empty()) return d;
  return parse_with_month_name(s);
}

}  // namespace pactum::ingest::internal
