// Rendering an organization's name the rules found in English, word by word
// from lexicon/<lang>/org_word.tsv, its place by the gazetteer.
#include "extract/org_english.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <vector>

#include "extract/gazetteer.h"
#include "text/segment.h"

namespace pactum::extract {

namespace {

constexpr std::string_view kLink = "of";
constexpr std::string_view kOfSuffix = " of";

bool takes_of(std::string_view english) { return english.ends_with(kOfSuffix); }

// A place's English name when tokens [first, end) are exactly one name of a
// country, region or city the gazetteer knows ("Dinamarca": "Denmark";
// "Göteborgs": "Gothenburg").
std::optional<std::string> known_place(const Lexicon& lexicon, const std::vector<Mention>& mentions,
                                       std::size_t first, std::size_t end) {
  for (const Mention& m : mentions) {
    if (m.alias == nullptr || m.first_token != first || m.end_token != end) continue;
    if (m.alias->form != AliasForm::kName) continue;
    const Actor& a = lexicon.gazetteer().actors()[m.alias->actor];
    if (a.kind == "country" || a.kind == "region" || a.kind == "city") return a.name;
  }
  return std::nullopt;
}

// The word opens with a capital: its first character differs from the
// folded form's ("Ø" and "ø"; "2" and "の" never do).
bool capitalised(const text::Token& t, std::string_view name) {
  std::string_view written = t.span.of(name);
  if (written.empty() || t.folded.empty()) return false;
  const auto lead = static_cast<unsigned char>(written.front());
  const std::size_t n = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  return written.substr(0, n) != std::string_view(t.folded).substr(0, n);
}

}  // namespace

std::string english_org_name(const Lexicon& lexicon, std::string_view lang, std::string_view name) {
  const std::size_t longest = lexicon.org_word_longest(lang);
  if (longest == 0) return std::string(name);
  const std::vector<text::Token> tokens = text::tokenize(name, lang);
  if (tokens.empty()) return std::string(name);
  // Nothing but spaces between the words (no parenthesis, comma, slash) except
  // inside the place ("Antwerp-Bruges"), checked below.
  struct Piece {
    std::size_t first, end;
    const std::string* english;  // nullptr: a word the table does not have
    bool ends_in_link = false;   // a row of words whose last is a link word ("porto de")
    bool comma_before = false;   // written after a comma, in a list of fields
  };
  std::vector<Piece> pieces;
  for (std::size_t i = 0; i < tokens.size();) {
    const std::string* english = nullptr;
    std::size_t n = std::min(longest, tokens.size() - i);
    for (; n > 0; --n) {
      std::string key;
      for (std::size_t k = i; k < i + n; ++k) {
        if (k > i) key.push_back(' ');
        key += tokens[k].folded;
      }
      if ((english = lexicon.org_word(lang, key)) != nullptr) break;
    }
    if (english != nullptr) {
      const std::string* last = n > 1 ? lexicon.org_word(lang, tokens[i + n - 1].folded) : nullptr;
      pieces.push_back({i, i + n, english, last != nullptr && *last == kLink});
      i += n;
    } else if (!pieces.empty() && pieces.back().english == nullptr) {
      pieces.back().end = ++i;  // the place goes on
    } else {
      pieces.push_back({i, ++i, nullptr});
    }
  }
  // A field's word that opens a place's name ("Minas Gerais" after
  // "Universidade Federal de", "+Mines" being a ministry's field) is the
  // place's: no word of the table follows it.
  for (std::size_t p = 0; p + 1 < pieces.size(); ++p) {
    if (pieces[p].english == nullptr || !pieces[p].english->starts_with('+') || pieces[p + 1].english != nullptr) continue;
    pieces[p].english = nullptr;
    pieces[p].end = pieces[p + 1].end;
    pieces.erase(pieces.begin() + static_cast<std::ptrdiff_t>(p) + 1);
  }
  // One place at most, at either end.
  std::size_t places = 0, heads = 0;
  for (std::size_t p = 0; p < pieces.size(); ++p) {
    if (pieces[p].english == nullptr) {
      ++places;
      if (p != 0 && p + 1 != pieces.size()) return std::string(name);
    } else if (*pieces[p].english != kLink && !pieces[p].english->starts_with('+')) {
      ++heads;  // (a field, "+Energy", is no head: "Nordhafen Energie" stays)
    }
  }
  if (heads == 0 || places > 1 || (places == 1 && pieces.size() == 1)) return std::string(name);
  const bool place_first = places == 1 && pieces.front().english == nullptr;
  const bool place_last = places == 1 && pieces.back().english == nullptr;
  std::size_t pf = 0, pe = 0;  // the place's tokens
  if (places == 1) {
    const Piece& pl = place_first ? pieces.front() : pieces.back();
    pf = pl.first;
    pe = pl.end;
    for (std::size_t k = pf; k < pe; ++k) {
      if (!tokens[k].is_word || !capitalised(tokens[k], name)) {
        return std::string(name);
      }
    }
  }
  // Between words outside the place, spaces only (a hyphen may join a
  // place to the head after it: "Eyde-klyngen").
  for (std::size_t k = 1; k < tokens.size(); ++k) {
    if (places == 1 && k > pf && k < pe) continue;
    if (place_first && k == pe && tokens[k].span.begin == tokens[k - 1].span.end + 1 &&
        name[tokens[k - 1].span.end] == '-') {
      continue;
    }
    // (A comma between two of the table's words lists a ministry's fields:
    // "Ministerio de Energía, Minería y ...".)
    const std::string_view gap = name.substr(tokens[k - 1].span.end, tokens[k].span.begin - tokens[k - 1].span.end);
    if (gap == ", ") {
      auto piece = std::find_if(pieces.begin(), pieces.end(), [&](const Piece& p) { return p.first == k; });
      if (piece != pieces.end() && piece != pieces.begin() && piece->english != nullptr && *piece->english != kLink &&
          (piece - 1)->english != nullptr && *(piece - 1)->english != kLink) {
        piece->comma_before = true;
        continue;
      }
    }
    for (char c : gap) {
      if (c != ' ') return std::string(name);
    }
  }
  std::string place;
  if (places == 1) {
    const std::vector<Mention> mentions = lexicon.find(lang, name, tokens);
    auto known = known_place(lexicon, mentions, pf, pe);
    // A place the gazetteer does not know is one word that is no word of
    // the lexicon: "Die Agentur" has no place, "Centro de Energias
    // Renováveis" names a field.
    if (!known) {
      if (pe - pf > 1) return std::string(name);
      for (const Mention& m : mentions) {
        if (m.entry != nullptr && m.first_token < pe && m.end_token > pf) return std::string(name);
      }
    }
    if (place_last) {
      const Piece& before = pieces[pieces.size() - 2];
      // After a link word any place; right after a head ("Hafen
      // Stavanger") only one the gazetteer knows, and a head that takes
      // one ("Port of"): "Instituto Superior Técnico" is a name, no place.
      const bool linked = *before.english == kLink || before.ends_in_link;
      if (!linked && (!known || !takes_of(*before.english))) return std::string(name);
    } else if (place_first) {
      // "Stavanger havn", "Bergen kommune": heads and no link after it; a
      // place before a head that puts it after "of" is one the gazetteer
      // knows ("Hamburger Hafen" is no "Port of Hamburger").
      for (std::size_t p = 1; p < pieces.size(); ++p) {
        if (*pieces[p].english == kLink) return std::string(name);
      }
      if (!known && takes_of(*pieces[1].english)) return std::string(name);
    }
    place = known ? *known : std::string(name.substr(tokens[pf].span.begin, tokens[pe - 1].span.end - tokens[pf].span.begin));
  }
  // The table's words in order, "of" said once, the place where English puts it.
  std::vector<std::string_view> words;
  std::vector<bool> comma;  // a comma after words[i]
  auto add = [&](std::string_view english, bool comma_before) {
    // "University of" + "of": the link is the head's own.
    if (english == kLink && !words.empty() && (words.back() == kLink || takes_of(words.back()))) return;
    if (comma_before && !comma.empty()) comma.back() = true;
    if (english.starts_with('+')) english.remove_prefix(1);  // a field
    words.push_back(english);
    comma.push_back(false);
  };
  for (const Piece& p : pieces) {
    if (p.english != nullptr) add(*p.english, p.comma_before);
  }
  std::string out;
  const bool head_first = !place_first || takes_of(words.front());
  if (!head_first) out = place;
  for (std::size_t w = 0; w < words.size(); ++w) {
    if (!out.empty()) out.push_back(' ');
    out += words[w];
    if (comma[w]) out.push_back(',');
  }
  if (places == 1 && head_first) {
    if (!takes_of(out) && !out.ends_with(" of") && out != kLink) out += " of";
    out += " " + place;
  } else if (out.ends_with(kOfSuffix)) {
    out.resize(out.size() - kOfSuffix.size());  // "University of" and no place
  }
  return out;
}

}  // namespace pactum::extract
