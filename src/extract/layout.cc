// Title, dateline and chrome detection; see layout.h.
#include "extract/layout.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <iterator>
#include <functional>
#include <string>

#include "text/normalize.h"
#include "text/segment.h"

namespace pactum::extract {

namespace {

struct Line {
  text::Span span;
  int paragraph = 0;
};

std::vector<Line> lines_of(std::string_view text) {
  std::vector<Line> out;
  int paragraph = 0;
  bool blank_run = false;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    auto nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::size_t b = pos, e = nl;
    while (b < e && (text[b] == ' ' || text[b] == '\t')) ++b;
    while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\t')) --e;
    if (b == e) {
      if (!out.empty() && !blank_run) ++paragraph;
      blank_run = true;
    } else {
      blank_run = false;
      out.push_back({{b, e}, paragraph});
    }
    if (nl == text.size()) break;
    pos = nl + 1;
  }
  return out;
}

bool ends_sentence(std::string_view s) {
  if (s.empty()) return false;
  static constexpr std::string_view kEnds[] = {".", "!", "?", ":", "。", "！", "？", "\"", "”", "“", "»", "」"};
  for (auto e : kEnds) {
    if (s.size() >= e.size() && s.substr(s.size() - e.size()) == e) return true;
  }
  return false;
}

// The first `bytes` bytes of s, extended to a whole UTF-8 character.
std::string_view utf8_prefix(std::string_view s, std::size_t bytes) {
  std::size_t n = std::min(s.size(), bytes);
  while (n < s.size() && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) ++n;
  return s.substr(0, n);
}

// Longer than any chrome phrase or dateline ("Torsdag 12. september 2024 kl. 10.00 |").
constexpr std::size_t kLineStartBytes = 96;

// A line tokenized once, and its opening as tokenized alone: both the chrome
// test and the dateline test read only the opening, as it runs on every line
// of every document. The line's tokens then go to the sentences cut from it
// (for Japanese each tokenization is a MeCab parse).
struct LineStart {
  std::string_view prefix;
  bool cut = false;  // the line goes on past the prefix
  // The line's tokens (spans in the line) up to line_tokens_end bytes, a
  // clean cut (text::is_token_cut); the rest is tokenized only for a line
  // the article keeps.
  // Until the sentences take them, a cut line's tokens are followed by the
  // tokens of the rest of its prefix: together tokenize(prefix).
  std::vector<text::Token> tokens;
  std::size_t line_tokens = 0;      // tokens[0, line_tokens) are the line's
  std::size_t line_tokens_end = 0;  // bytes of the line they cover
  std::vector<Mention> mentions;    // of tokens: Lexicon::find_chrome_and_dates
};

// Whether the first token of tokenize(prefix, lang) may open a chrome,
// era or month phrase (Lexicon::opening_words): the only dates other than
// relative ones that do not open with a number. False only when sure it
// cannot, which is the case when prefix opens with kana, Han and CJK
// brackets (text::fold_invariant_opening) up to its first letter and on: the
// first token holds that letter with no letter before it, so it folds to a
// word that opens with a letter only if it starts at the letter, and it then
// folds to a text that opens with the opening's letters up to the last one
// (a mark after that one could compose with it). A number token cannot start
// at a kana or Han letter.
bool opening_may_matter(const Lexicon& lexicon, std::string_view lang, std::string_view prefix) {
  const text::FoldInvariantOpening opening = text::fold_invariant_opening(prefix);
  if (opening.first_letter == prefix.size()) return false;  // no letter, no token
  if (opening.first_letter == opening.end) return true;     // the first letter is past the opening: unsure
  std::string_view known = prefix.substr(opening.first_letter, opening.end - opening.first_letter);
  if (opening.end < prefix.size()) {
    // Up to the opening's last character.
    std::size_t last = known.size() - 1;
    while (last > 0 && (static_cast<unsigned char>(known[last]) & 0xC0) == 0x80) --last;
    known = known.substr(0, last);
  }
  for (std::string_view word : lexicon.opening_words(lang)) {
    if (word.starts_with('*')) return true;  // a suffix: not worth the trouble
    if (word.ends_with('*')) word.remove_suffix(1);
    if (known.starts_with(word) || word.starts_with(known)) return true;
    // A word opening with a bracket might start before the letter. The
    // opening's only characters that are not letters are in U+3000..U+303F
    // (normalize_test), E3 80 xx in UTF-8.
    if (word.size() >= 2 && word[0] == '\xE3' && word[1] == '\x80') return true;
  }
  return false;
}

// The same for an opening that starts with an ASCII digit ("2014年2月に、"),
// which opening_may_matter cannot read: its first token is a number (MeCab
// starts a word at the digit, and a word with a digit is a token), so it
// opens a chrome phrase only when a chrome, era or month phrase opens with
// a digit or a suffix, and a date at its start is a dateline only when a
// separator follows it (dateline_prefix), inside the opening (a date that
// runs to the cut is none). False when neither can be.
bool digit_opening_may_matter(const Lexicon& lexicon, std::string_view lang, std::string_view prefix) {
  if (prefix.empty() || prefix[0] < '0' || prefix[0] > '9') return true;
  // dateline_prefix's separators: | - : / and the dashes (E2 80 93, E2 80 94).
  if (prefix.find_first_of("|-:/\xE2") != std::string_view::npos) return true;
  for (std::string_view word : lexicon.opening_words(lang)) {
    if (word.empty() || word.starts_with('*') || (word[0] >= '0' && word[0] <= '9')) return true;
  }
  return false;
}

LineStart scan_line_start(const Lexicon& lexicon, std::string_view lang, std::string_view line) {
  LineStart start;
  start.prefix = utf8_prefix(line, kLineStartBytes);
  start.cut = start.prefix.size() < line.size();
  // The opening's mentions serve only chrome_at_start and dateline_prefix,
  // which read a chrome phrase or a date at its first token: a date opens
  // with a number or a date phrase. When the first token (of the line's,
  // which is the opening's) can start neither, the opening is neither
  // tokenized past the line's tokens nor matched.
  auto opening_matters = [&] {
    const std::string& first = start.tokens.front().folded;
    return first.empty() || (first[0] >= '0' && first[0] <= '9') || lexicon.may_open_chrome_or_date(lang, first);
  };
  if (!start.cut) {
    start.tokens = text::tokenize(line, lang);
    start.line_tokens = start.tokens.size();
    start.line_tokens_end = line.size();
    if (!start.tokens.empty() && !opening_matters()) return start;
  } else {
    // Up to the prefix's last clean cut the prefix's tokens are the line's;
    // what follows (a word cut short, for Japanese the chunk cut short) is
    // tokenized for the prefix alone.
    std::size_t clean = start.prefix.size();
    auto boundary = [&line](std::size_t pos) { return (static_cast<unsigned char>(line[pos]) & 0xC0) != 0x80; };
    while (clean > 0 && !(boundary(clean) && text::is_token_cut(line, clean, lang) &&
                          text::is_token_cut(start.prefix, clean, lang))) {
      --clean;
    }
    start.tokens = text::tokenize(line.substr(0, clean), lang);
    start.line_tokens = start.tokens.size();
    start.line_tokens_end = clean;
    if (!start.tokens.empty() && !opening_matters()) return start;
    // The opening's tokens and mentions serve only chrome_at_start and
    // dateline_prefix, both of which read a phrase or date at its first
    // token. For Japanese, where the rest is one more MeCab parse (most
    // Japanese sentences run past the 96 bytes, so the whole opening),
    // it is skipped when no such phrase or date can stand there.
    if (lang == "ja" && (!opening_may_matter(lexicon, lang, start.prefix) ||
                         !digit_opening_may_matter(lexicon, lang, start.prefix))) {
      return start;
    }
    for (text::Token& t : text::tokenize(start.prefix.substr(clean), lang)) {
      t.span.begin += clean;
      t.span.end += clean;
      start.tokens.push_back(std::move(t));
    }
  }
  start.mentions = lexicon.find_chrome_and_dates(lang, start.tokens);
  return start;
}

// Chrome phrases that open a line ("Siste pressemeldinger", "Foto:"): one
// bit per label.
enum ChromeBits : unsigned { kChromeEnd = 1, kChromeLine = 2 };

unsigned chrome_at_start(const LineStart& start) {
  unsigned bits = 0;
  for (const Mention& m : start.mentions) {
    if (!m.entry || m.entry->category != Category::kChrome || m.first_token != 0) continue;
    // A phrase that runs to the cut may be longer in the full line: only
    // count it when it ends before the cut.
    if (start.cut && m.end_token == start.tokens.size()) continue;
    if (m.entry->label == "end") bits |= kChromeEnd;
    if (m.entry->label == "line") bits |= kChromeLine;
  }
  return bits;
}

// Words of a line; Japanese and Chinese write no spaces, so there every three
// characters of kana or Han count as a word (a 60-character Japanese
// headline is as long as a 20-word English one).
std::size_t count_words(std::string_view s) {
  std::size_t n = 0, cjk = 0;
  bool in = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    // U+3040..U+30FF (kana) and U+3400..U+9FFF (Han) lead with E3..E9.
    if (c >= 0xE3 && c <= 0xE9 && i + 2 < s.size() && !(c == 0xE3 && static_cast<unsigned char>(s[i + 1]) < 0x81)) {
      ++cjk;
      in = false;
      i += 2;
      continue;
    }
    bool space = c == ' ' || c == '\t';
    if (!space && !in) ++n;
    in = !space;
  }
  return n + cjk / 3;
}

// Lines read for a title: a page's chrome (skip links, site name, menu,
// cookie banner, breadcrumb) may come before it.
constexpr std::size_t kTitleWindow = 24;

// The words of a line that say what it is about, folded: those longer than
// three bytes (not articles and prepositions). As sorted distinct hashes:
// only their overlap is asked, and a set of strings per headline-like line
// cost a node allocation per word.
// Of tokens, those in [begin, end) bytes (tokenize() of that stretch when
// both ends are clean cuts).
std::vector<std::size_t> content_words(const std::vector<text::Token>& tokens, std::size_t begin = 0,
                                       std::size_t end = SIZE_MAX) {
  std::vector<std::size_t> out;
  for (const text::Token& t : tokens) {
    if (t.span.begin < begin || t.span.end > end) continue;
    if (t.is_word && t.folded.size() > 3) out.push_back(std::hash<std::string_view>{}(t.folded));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// How many words two lines' content_words share.
std::size_t shared_words(const std::vector<std::size_t>& a, const std::vector<std::size_t>& b) {
  std::size_t n = 0;
  for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end();) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      ++n;
      ++i;
      ++j;
    }
  }
  return n;
}

// Bytes of a leading "date 2022-06" label or "6. Juni 2024 |" dateline.
std::size_t dateline_prefix(const LineStart& start, std::string_view l) {
  std::size_t k = 0;
  if (l.substr(0, 5) == "date ") {
    k = 5;
    while (k < l.size() && l[k] == ' ') ++k;
    while (k < l.size() && l[k] != ' ') ++k;
    while (k < l.size() && l[k] == ' ') ++k;
    return k;
  }
  // Only the line's start is read: a dateline is short.
  const auto& tokens = start.tokens;
  auto dates = find_dates(start.prefix, tokens, start.mentions, PartialDate{});
  if (dates.empty() || dates[0].first_token != 0 || dates[0].relative) return 0;
  // A date running to the cut may go on past it: no dateline then.
  if (start.cut && dates[0].end_token == tokens.size()) return 0;
  std::size_t end = tokens[dates[0].end_token - 1].span.end;
  std::size_t j = end;
  while (j < l.size() && l[j] == ' ') ++j;
  for (std::string_view sep : {"|", "–", "—", "-", ":", "/"}) {
    if (l.substr(j, sep.size()) == sep) {
      j += sep.size();
      while (j < l.size() && l[j] == ' ') ++j;
      return j;
    }
  }
  return 0;
}

}  // namespace

Layout analyze_layout(const Lexicon& lexicon, std::string_view lang, std::string_view text,
                      const ingest::Document& doc) {
  Layout layout;
  std::vector<Line> lines = lines_of(text);
  std::vector<LineStart> starts;
  std::vector<unsigned> chrome;
  starts.reserve(lines.size());
  chrome.reserve(lines.size());
  for (const Line& line : lines) {
    starts.push_back(scan_line_start(lexicon, lang, line.span.of(text)));
    chrome.push_back(chrome_at_start(starts.back()));
  }

  // Whole lines' tokens, made once where a test below reads a whole line
  // (the dateline search, the title's shared words): the sentences then take
  // them instead of tokenizing the line's rest again (for Japanese each is a
  // MeCab parse). Equal to tokenize(line): the line's tokens up to a clean
  // cut (text::is_token_cut) and the rest's.
  std::vector<std::vector<text::Token>> whole_tokens(lines.size());
  std::vector<bool> has_whole_tokens(lines.size(), false);
  auto tokens_of = [&](std::size_t i) -> const std::vector<text::Token>& {
    if (!has_whole_tokens[i]) {
      const std::string_view whole = lines[i].span.of(text);
      std::vector<text::Token>& out = whole_tokens[i];
      out.assign(starts[i].tokens.begin(), starts[i].tokens.begin() + static_cast<std::ptrdiff_t>(starts[i].line_tokens));
      if (const std::size_t done = starts[i].line_tokens_end; done < whole.size()) {
        for (text::Token& t : text::tokenize(whole.substr(done), lang)) {
          t.span.begin += done;
          t.span.end += done;
          out.push_back(std::move(t));
        }
      }
      has_whole_tokens[i] = true;
    }
    return whole_tokens[i];
  };

  // Word counts, each made once (the tests below ask again).
  std::vector<std::size_t> words(lines.size(), SIZE_MAX);
  auto words_of = [&](std::size_t i) {
    if (words[i] == SIZE_MAX) words[i] = count_words(lines[i].span.of(text));
    return words[i];
  };

  // The article ends at the first chrome heading ("Siste pressemeldinger",
  // "Kontakt", "Latest news") past its opening lines and past its first
  // line of running text (long, ending a sentence): a news page's header may
  // hold such a word ("Suscríbete", "Newsletter") above the headline.
  std::size_t end_from = 2;
  for (std::size_t i = 0; i < lines.size() && i < kTitleWindow; ++i) {
    if (!(chrome[i] & kChromeLine) && ends_sentence(lines[i].span.of(text)) && words_of(i) > 12) {
      end_from = std::max<std::size_t>(end_from, i + 1);
      break;
    }
  }
  std::size_t end_line = lines.size();
  for (std::size_t i = end_from; i < lines.size(); ++i) {
    // The chrome bit first: counting words reads the whole line.
    if ((chrome[i] & kChromeEnd) && words_of(i) <= 8) {
      end_line = i;
      break;
    }
  }
  // A run of headline-like lines (short, no final punctuation) closing the
  // page is a list of other news.
  std::size_t run = 0;
  for (std::size_t i = end_line; i-- > 0;) {
    std::string_view l = lines[i].span.of(text);
    if (!ends_sentence(l) && words_of(i) >= 3 && words_of(i) <= 16) ++run;
    else break;
  }
  if (run >= 4) end_line -= run;

  // Dateline: the publication date, from the source's metadata, else the
  // first full date among the opening lines (twelve, not counting the
  // page's chrome: a cookie banner and a menu may stand before it).
  if (auto p = PartialDate::parse(doc.published)) layout.published = *p;
  for (std::size_t i = 0, read = 0; i < end_line && read < 12 && layout.published.empty(); ++i) {
    if (!(chrome[i] & kChromeLine)) ++read;
    std::string_view l = lines[i].span.of(text);
    // A "date 2022-06" metadata line.
    if (l.substr(0, 5) == "date " ) {
      std::size_t k = 5;
      while (k < l.size() && l[k] == ' ') ++k;
      if (auto p = PartialDate::parse(l.substr(k, 10))) { layout.published = *p; break; }
    }
    // A date with a day has a number: a line without a digit (folded) is
    // not read, which spares tokenizing the opening lines of a page that
    // gives no date (for Japanese, a MeCab call per line).
    if (!text::may_fold_to_digit(l)) {
      if (lines[i].span.end > 1200) break;
      continue;
    }
    // A page's text may run its metadata together ("Press release3 March
    // 2024Ministry of Energy"): a second reading with a space between
    // letters and digits.
    std::string spaced;
    for (std::size_t k = 0; k < l.size(); ++k) {
      auto c = static_cast<unsigned char>(l[k]);
      if (k > 0) {
        auto p = static_cast<unsigned char>(l[k - 1]);
        bool pd = std::isdigit(p) != 0, cd = std::isdigit(c) != 0;
        if ((pd && std::isalpha(c)) || (cd && std::isalpha(p))) spaced.push_back(' ');
      }
      spaced.push_back(static_cast<char>(c));
    }
    for (std::string_view reading : {l, std::string_view(spaced)}) {
      const bool line_itself = reading.data() == l.data();
      std::vector<text::Token> spaced_tokens;
      if (!line_itself) spaced_tokens = text::tokenize(reading, lang);
      const std::vector<text::Token>& tokens = line_itself ? tokens_of(i) : spaced_tokens;
      auto mentions = lexicon.find_chrome_and_dates(lang, tokens);
      for (const DateMention& d : find_dates(reading, tokens, mentions, PartialDate{})) {
        if (!d.relative && d.date.day && !d.target && !d.since) {
          layout.published = d.date;
          break;
        }
      }
      if (!layout.published.empty() || spaced.size() == l.size()) break;
    }
    if (text.size() > 0 && lines[i].span.end > 1200) break;
  }

  // Title: the source's, else a line that reads as a headline (short, no
  // final punctuation) before the lead. A page may open with its site's
  // name, a menu or a cookie banner ("Gouvernement du Québec", "The Korea
  // Herald", "Ministère de l'Économie, des Finances ..."), which read as
  // headlines too: of several, the headline is the one sharing most words
  // with the lead (the first line of running text, >12 words); on a tie,
  // the first.
  layout.title = doc.title;
  std::size_t title_line = lines.size();
  auto headline_like = [&](std::size_t i) {
    std::size_t w = words_of(i);
    return !(chrome[i] & kChromeLine) && w >= 3 && w <= 20 && !ends_sentence(lines[i].span.of(text));
  };
  std::vector<std::size_t> headlines;
  std::size_t lead_line = lines.size();
  for (std::size_t i = 0; i < end_line && i < kTitleWindow; ++i) {
    if (chrome[i] & kChromeLine) continue;
    if (headline_like(i)) {
      headlines.push_back(i);
      continue;
    }
    if (words_of(i) > 12) {
      lead_line = i;
      break;
    }
  }
  // Without a lead in the window, only the opening lines are read, as
  // before a page's chrome was known to run long.
  if (lead_line == lines.size()) {
    while (!headlines.empty() && headlines.back() >= 6) headlines.pop_back();
  }
  if (!headlines.empty()) {
    title_line = headlines.front();
    if (headlines.size() > 1 && lead_line < lines.size()) {
      // The lead's first sentence: the headline retells it (a lead
      // paragraph's later sentences name ministries and ministers too).
      const std::string_view lead = lines[lead_line].span.of(text);
      const auto lead_spans = text::split_sentences(lead, lang);
      std::vector<std::size_t> lead_words;
      if (lead_spans.empty()) {
        lead_words = content_words(tokens_of(lead_line));
      } else {
        const std::size_t b = lead_spans[0].begin, e = lead_spans[0].end;
        if (text::is_token_cut(lead, b, lang) && text::is_token_cut(lead.substr(b), e - b, lang)) {
          lead_words = content_words(tokens_of(lead_line), b, e);
        } else {
          lead_words = content_words(text::tokenize(lead.substr(b, e - b), lang));
        }
      }
      std::size_t best = 0;
      for (std::size_t i : headlines) {
        const std::size_t shared = shared_words(content_words(tokens_of(i)), lead_words);
        if (shared > best) {
          best = shared;
          title_line = i;
        }
      }
    }
    if (layout.title.empty()) layout.title = std::string(lines[title_line].span.of(text));
  }

  // Sentences of the article lines; chrome lines ("Foto: ...", a long "Les
  // mer om ..." link) are dropped, and a dateline ahead of the text
  // ("6. Juni 2024 | Japan und ...", "date 2022-06 Mandag ...") is cut off so
  // that the publication date is not read as the date of an act.
  bool lead_done = false;
  for (std::size_t i = 0; i < end_line; ++i) {
    Line line = lines[i];
    if (chrome[i] & (kChromeLine | kChromeEnd)) continue;
    line.span.begin += dateline_prefix(starts[i], line.span.of(text));
    std::string_view l = line.span.of(text);
    auto spans = text::split_sentences(l, lang);
    // A sentence takes its tokens from the line's where the line cuts
    // cleanly at both its ends (spans moved from the line to the document).
    const std::string_view whole = lines[i].span.of(text);
    std::vector<text::Token>& line_tokens = starts[i].tokens;
    line_tokens.resize(starts[i].line_tokens);
    if (has_whole_tokens[i]) {
      line_tokens = std::move(whole_tokens[i]);
    } else if (const std::size_t done = starts[i].line_tokens_end; done < whole.size()) {
      for (text::Token& t : text::tokenize(whole.substr(done), lang)) {
        t.span.begin += done;
        t.span.end += done;
        line_tokens.push_back(std::move(t));
      }
    }
    const std::size_t skipped = line.span.begin - lines[i].span.begin;  // the dateline
    std::size_t next_token = 0;
    for (const text::Span& sp : spans) {
      LayoutSentence s;
      s.span = {line.span.begin + sp.begin, line.span.begin + sp.end};
      s.paragraph = line.paragraph;
      s.own_line = spans.size() == 1;
      const std::size_t b = skipped + sp.begin, e = skipped + sp.end;
      if (text::is_token_cut(whole, b, lang) && text::is_token_cut(whole.substr(b), e - b, lang)) {
        while (next_token < line_tokens.size() && line_tokens[next_token].span.begin < b) ++next_token;
        std::size_t end_token = next_token;
        while (end_token < line_tokens.size() && line_tokens[end_token].span.end <= e) ++end_token;
        if (next_token == 0 && end_token == line_tokens.size()) {
          s.tokens = std::move(line_tokens);  // the whole line's
          line_tokens.clear();
        } else {
          s.tokens.assign(std::make_move_iterator(line_tokens.begin() + static_cast<std::ptrdiff_t>(next_token)),
                          std::make_move_iterator(line_tokens.begin() + static_cast<std::ptrdiff_t>(end_token)));
        }
        next_token = end_token;
        for (text::Token& t : s.tokens) {
          t.span.begin += lines[i].span.begin;
          t.span.end += lines[i].span.begin;
        }
        s.has_tokens = true;
      }
      layout.sentences.push_back(std::move(s));
    }
    // The lead: the title and the first line of running text after it
    // (press pages put the lead paragraph on one line).
    if (i == title_line) layout.lead_sentences = layout.sentences.size();
    if (!lead_done && i != title_line && (skipped == 0 ? words_of(i) : count_words(l)) > 12) {
      layout.lead_sentences = layout.sentences.size();
      lead_done = true;
    }
  }
  return layout;
}

}  // namespace pactum::extract
