// Building a SentenceView; see analysis.h.
#include "extract/analysis.h"

#include "text/language_table.h"
#include "text/normalize.h"
#include "text/reading.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <span>


namespace pactum::extract {

std::vector<const Mention*> SentenceView::of(Category c) const {
  std::vector<const Mention*> out;
  for (const Mention& m : mentions) {
    if (m.entry && m.entry->category == c) out.push_back(&m);
  }
  return out;
}

bool SentenceView::has(Category c) const {
  return std::any_of(mentions.begin(), mentions.end(),
                     [c](const Mention& m) { return m.entry && m.entry->category == c; });
}

bool SentenceView::has_label(Category c, std::string_view label) const {
  return std::any_of(mentions.begin(), mentions.end(),
                     [&](const Mention& m) { return m.entry && m.entry->category == c && m.entry->label == label; });
}

bool SentenceView::one_word_of(Category c, std::uint32_t k) const {
  return std::any_of(mentions.begin(), mentions.end(), [&](const Mention& m) {
    return m.entry && m.entry->category == c && m.first_token == k && m.end_token == k + 1;
  });
}

std::string_view SentenceView::gap_before(std::string_view doc, std::uint32_t k) const {
  return doc.substr(tokens[k - 1].span.end, tokens[k].span.begin - tokens[k - 1].span.end);
}

std::string_view SentenceView::text_of(std::string_view doc, std::uint32_t first, std::uint32_t end) const {
  if (first >= end || end > tokens.size()) return {};
  auto b = tokens[first].span.begin, e = tokens[end - 1].span.end;
  return doc.substr(b, e - b);
}

bool SentenceView::joined_by_and(std::uint32_t left_end, std::uint32_t right_first, bool tight) const {
  return std::any_of(mentions.begin(), mentions.end(), [&](const Mention& c) {
    if (!c.entry || c.entry->category != Category::kConjunction || c.entry->label != "and") return false;
    if (tight) return c.first_token == left_end && c.end_token == right_first;
    if (c.first_token < left_end || c.end_token > right_first) return false;
    for (std::uint32_t t = c.end_token; t < right_first; ++t) {
      bool det = std::any_of(mentions.begin(), mentions.end(), [&](const Mention& d) {
        return d.entry && d.entry->category == Category::kDeterminer && d.first_token <= t && t < d.end_token;
      });
      if (!det) return false;
    }
    return true;
  });
}

namespace {

bool starts_upper(std::string_view w) { return text::starts_upper(w, /*digits_count=*/true); }

// How sure a capitalised word is a name and not a common word with a capital.
enum class NameEvidence { kNone, kWeak, kStrong };

// The word w, folded, in lower case somewhere in doc as a word of its own
// ("der Sommer ... im sommer"): a common word, capitalised by position.
bool lower_case_in(std::string_view doc, std::string_view folded) {
  if (folded.empty()) return false;
  auto letter = [](unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80; };
  for (std::size_t at = doc.find(folded); at != std::string_view::npos; at = doc.find(folded, at + 1)) {
    const std::size_t end = at + folded.size();
    if ((at == 0 || !letter(static_cast<unsigned char>(doc[at - 1]))) &&
        (end == doc.size() || !letter(static_cast<unsigned char>(doc[end])))) {
      return true;
    }
  }
  return false;
}

// Whether word w (folded: its fold) is a name by its spelling: capitals or
// digits after the first letter ("STEG", "TenneT", "H2Korea") are strong
// evidence; a capitalised word never written in lower case in text
// ("det belgiske Elia") is weak evidence, and none in a language that
// capitalises every noun ("die deutsche Seite").
NameEvidence name_evidence(std::string_view w, std::string_view folded, std::string_view doc, bool capital_nouns) {
  if (w.empty() || !text::starts_upper(w, /*digits_count=*/false)) return NameEvidence::kNone;
  // A chemical formula ("polsk CO2", "NH3", "CH4": capitals and digits, a
  // digit last, four characters at most) is a substance, no name.
  if (w.size() <= 4 && w.back() >= '0' && w.back() <= '9' &&
      std::all_of(w.begin(), w.end(), [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); })) {
    return NameEvidence::kNone;
  }
  std::size_t letters = 0;
  bool inner = false;
  for (std::size_t i = 0; i < w.size(); ++i) {
    const char c = w[i];
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) ++letters;
    if (i > 0 && ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) inner = true;
  }
  if (inner && letters >= 2) return NameEvidence::kStrong;
  if (capital_nouns || lower_case_in(doc, folded)) return NameEvidence::kNone;
  return NameEvidence::kWeak;
}

// The katakana letter (U+30A1..U+30FA, and the long-vowel mark U+30FC) whose
// three UTF-8 bytes start at doc[at]; "・" (U+30FB) separates names, so it is none.
bool katakana_letter_at(std::string_view doc, std::size_t at) {
  if (at + 3 > doc.size() || static_cast<unsigned char>(doc[at]) != 0xE3) return false;
  const unsigned b1 = static_cast<unsigned char>(doc[at + 1]), b2 = static_cast<unsigned char>(doc[at + 2]);
  if ((b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) return false;
  const unsigned cp = 0x3000u | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu);
  return (cp >= 0x30A1 && cp <= 0x30FA) || cp == 0x30FC;
}

// A short katakana name (three letters at most: "ボー" is Vaud, "マリー" Mary,
// "エド" Edo) inside a longer run of katakana is a piece of another word that
// MeCab cut up, mostly a foreign person's name ("ボーエン"), not the place.
bool inside_katakana_word(std::string_view doc, text::Span span) {
  const std::size_t n = span.end - span.begin;
  if (n == 0 || n % 3 != 0 || n > 9) return false;
  for (std::size_t at = span.begin; at < span.end; at += 3) {
    if (!katakana_letter_at(doc, at)) return false;
  }
  return (span.begin >= 3 && katakana_letter_at(doc, span.begin - 3)) || katakana_letter_at(doc, span.end);
}

// The script of a word of Japanese text, by its first character: katakana
// (with "ー"), Han (with "々"), Latin letters and digits, or other (kana
// particles, punctuation).
enum class Script { kKatakana, kHan, kLatin, kOther };

Script script_of(std::string_view word) {
  if (word.empty()) return Script::kOther;
  const auto c0 = static_cast<unsigned char>(word[0]);
  if (c0 < 0x80) {
    return ((c0 | 0x20) >= 'a' && (c0 | 0x20) <= 'z') || (c0 >= '0' && c0 <= '9') ? Script::kLatin : Script::kOther;
  }
  if (c0 < 0xE0 || c0 >= 0xF0 || word.size() < 3) return Script::kOther;
  const unsigned cp = ((c0 & 0x0Fu) << 12) | ((static_cast<unsigned char>(word[1]) & 0x3Fu) << 6) |
                      (static_cast<unsigned char>(word[2]) & 0x3Fu);
  if ((cp >= 0x30A1 && cp <= 0x30FA) || cp == 0x30FC) return Script::kKatakana;
  if ((cp >= 0x4E00 && cp <= 0x9FFF) || cp == 0x3005) return Script::kHan;
  return Script::kOther;
}

// Byte ranges of the sentence that are asides: "(...)", " -- ... -- ",
// " – ... – ".
std::vector<text::Span> asides_of(std::string_view doc, text::Span span) {
  std::vector<text::Span> out;
  std::string_view s = span.of(doc);
  for (std::size_t open = s.find('('); open != std::string_view::npos; open = s.find('(', open + 1)) {
    auto close = s.find(')', open);
    out.push_back({span.begin + open, span.begin + (close == std::string_view::npos ? s.size() : close)});
  }
  // s.find(dash, from), but looking for what follows the leading space: a
  // sentence has a space every few bytes and a dash rarely.
  auto find_dash = [&](std::string_view dash, std::size_t from) {
    std::string_view tail = dash.substr(1);
    for (auto q = s.find(tail, from + 1); q != std::string_view::npos; q = s.find(tail, q + 1)) {
      if (s[q - 1] == dash[0]) return q - 1;
    }
    return std::string_view::npos;
  };
  for (std::string_view dash : {" -- ", " – ", " — "}) {
    auto a = find_dash(dash, 0);
    while (a != std::string_view::npos) {
      auto b = find_dash(dash, a + dash.size());
      if (b == std::string_view::npos) break;
      out.push_back({span.begin + a, span.begin + b});
      a = find_dash(dash, b + dash.size());
    }
  }
  return out;
}

// Whether tokens [first, end) are a place written in capitals (at least
// three capital letters, no small one, while its name has small letters)
// with a comma right after it: an agency dateline ("RIO DE JANEIRO, 18 NOV").
bool dateline_place(std::string_view doc, const std::vector<text::Token>& tokens, std::uint32_t first,
                    std::uint32_t end, std::string_view name) {
  auto has_lower = [](std::string_view v) {
    return std::any_of(v.begin(), v.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  };
  if (!has_lower(name)) return false;
  const std::size_t begin = tokens[first].span.begin, stop = tokens[end - 1].span.end;
  std::string_view written = doc.substr(begin, stop - begin);
  if (has_lower(written)) return false;
  if (std::count_if(written.begin(), written.end(), [](char c) { return c >= 'A' && c <= 'Z'; }) < 3) return false;
  return stop < doc.size() && doc[stop] == ',';
}

// A word without the elided article the tokenizer keeps with it
// ("l'Université", "d’Agence"): what names the organization.
std::string_view without_elision(std::string_view w) {
  if (w.size() > 2 && (w[0] == 'l' || w[0] == 'L' || w[0] == 'd' || w[0] == 'D')) {
    if (w[1] == '\'') return w.substr(2);
    if (w.substr(1, 3) == "\u2019") return w.substr(4);
  }
  return w;
}

}  // namespace

// "マレーシア・サラワク州のBorneo Hydrogen": a place written right before an
// organization the rules found, joined by nothing or by "の" (a date marker
// row labelled "link") alone, says where it is, as it does before a known
// one; it describes the organization and is no party.
void mark_places_before_organizations(const Gazetteer& gazetteer, std::string_view doc, SentenceView& s) {
  for (ActorMention& a : s.actors) {
    if (a.form != AliasForm::kName || gazetteer.actors()[a.actor].kind == "organization") continue;
    std::uint32_t k = a.end_token;
    if (k < s.tokens.size() && s.gap_before(doc, k).empty() &&
        std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& m) {
          return m.entry && m.entry->category == Category::kDateMarker && m.entry->label == "link" && m.first_token == k &&
                 m.end_token == k + 1;
        })) {
      ++k;
    }
    if (k >= s.tokens.size() || !s.gap_before(doc, k).empty()) continue;
    if (std::any_of(s.unknown_orgs.begin(), s.unknown_orgs.end(), [&](const UnknownOrg& o) { return o.first_token == k; })) {
      a.attribute = true;
    }
  }
}

namespace {

// Within a category, a phrase inside a longer one is not a reading of its
// own: "erneuert werden soll" is planned, not also renewed. Mentions come
// from Lexicon::find by start, longest first at each start: a mention is
// inside a longer one of its category when one that starts earlier ends at
// or after its end, or one that starts with it ends after it (an earlier
// one at its start). One pass with the furthest end per category, where
// asking every other mention cost a tenth of the sentence's analysis.
void drop_inner_mentions(std::vector<Mention>& mentions) {
  constexpr auto kCategories = static_cast<std::size_t>(Category::kCount);
  std::array<std::uint32_t, kCategories> end_before{}, end_at_start{};  // 0: none (an end is >= 1)
  // The categories of the current start's mentions, to fold into
  // end_before when the start moves on (a start has a few of them).
  std::array<std::uint8_t, kCategories> at_start{};
  std::size_t n_at_start = 0, kept = 0;
  std::uint32_t start = 0;
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    const Mention m = mentions[i];
    if (i == 0 || m.first_token != start) {
      for (std::size_t k = 0; k < n_at_start; ++k) {
        const std::uint8_t c = at_start[k];
        end_before[c] = std::max(end_before[c], end_at_start[c]);
        end_at_start[c] = 0;
      }
      n_at_start = 0;
      start = m.first_token;
    }
    bool inner = false;
    if (m.entry) {
      const auto c = static_cast<std::uint8_t>(m.entry->category);
      inner = end_before[c] >= m.end_token || end_at_start[c] > m.end_token;
      if (end_at_start[c] == 0) at_start[n_at_start++] = c;
      end_at_start[c] = std::max(end_at_start[c], m.end_token);
    }
    if (!inner) mentions[kept++] = m;
  }
  mentions.resize(kept);
}

}  // namespace

SentenceView analyze_sentence(const Lexicon& lexicon, std::string_view lang, std::string_view doc,
                              text::Span span, const PartialDate& published,
                              std::vector<text::Token>* tokens) {
  SentenceView s;
  s.span = span;
  if (tokens != nullptr) {
    s.tokens = std::move(*tokens);
  } else {
    s.tokens = text::tokenize(span.of(doc), lang);
    for (text::Token& t : s.tokens) {
      t.span.begin += span.begin;
      t.span.end += span.begin;
    }
  }
  s.mentions = lexicon.find(lang, doc, s.tokens);
  // The rules' per-token flags (bytes, not std::vector<bool>: a byte is
  // read with one load, a bit through a proxy), seven arrays of one zeroed
  // buffer: seven vectors were seven allocations per sentence.
  constexpr std::size_t kTokenFlagArrays = 7;
  const std::size_t flags_size = s.tokens.size() + 1;
  std::vector<std::uint8_t> flag_bytes(kTokenFlagArrays * flags_size, 0);
  std::size_t flags_taken = 0;
  auto token_flags = [&] {
    assert(flags_taken < kTokenFlagArrays);
    const std::span<std::uint8_t> flags(flag_bytes.data() + flags_taken * flags_size, flags_size);
    ++flags_taken;
    return flags;
  };
  drop_inner_mentions(s.mentions);
  // A treaty the parties only refer to ("the Paris Agreement") has hidden
  // the instrument word inside it; it is no instrument itself, and the
  // names inside it are no parties.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> no_act_spans;
  std::erase_if(s.mentions, [&](const Mention& m) {
    bool no_act = m.entry && m.entry->category == Category::kInstrument && m.entry->label == kNoActLabel;
    if (no_act) no_act_spans.emplace_back(m.first_token, m.end_token);
    return no_act;
  });
  s.dates = find_dates(doc, s.tokens, s.mentions, published);

  // Actors: one reading per span, the longest ("Norsk Hydrogenforum" over
  // "Norsk"); a name beats a demonym or capital on the same span.
  std::vector<PhraseMatch> actor_matches;
  std::vector<const Mention*> by_index;
  // A word the language's lexicon reads as a preposition, article or
  // conjunction on exactly the same span is that word, not a name: Italian
  // "Nel settembre 2023" is "in September", not the company Nel.
  auto function_word = [&](const Mention& a) {
    return std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& o) {
      return o.entry && o.first_token == a.first_token && o.end_token == a.end_token &&
             (o.entry->category == Category::kLocationPrep || o.entry->category == Category::kDeterminer ||
              o.entry->category == Category::kConjunction);
    });
  };
  for (const Mention& m : s.mentions) {
    if (!m.alias || function_word(m)) continue;
    actor_matches.push_back({m.first_token, m.end_token, static_cast<std::uint32_t>(by_index.size())});
    by_index.push_back(&m);
  }
  auto kept = PhraseMatcher::longest_only(actor_matches);
  // Where a location preposition ends: 1 for "in" (a place after it is a
  // venue), 2 for "at" (anything after it is: "auf dem ... Forum"). A
  // postposition ("in_post", "at_post": "ブリュッセルにおいて") is marked where
  // it starts, for the place just before it.
  std::vector<int> location_prep_end(s.tokens.size() + 1, 0), location_post_start(s.tokens.size() + 1, 0);
  for (const Mention& m : s.mentions) {
    if (!m.entry || m.entry->category != Category::kLocationPrep) continue;
    const Label& label = m.entry->label;
    if (label == "in_post" || label == "at_post") {
      location_post_start[m.first_token] = std::max(location_post_start[m.first_token], label == "at_post" ? 2 : 1);
    } else if (label == "example") {
      // "such as", "blandt andet": places named as examples ("dependence on
      // countries such as China", "EFTA-landene, deriblant Norge") are no
      // parties, unless a cooperation word before names them as partners
      // ("samarbejder ... med en lang række lande, blandt andet Indonesien og Mexico").
      const bool partners = std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& c) {
        return c.entry && c.entry->category == Category::kCooperation && c.end_token <= m.first_token;
      });
      if (!partners) location_prep_end[m.end_token] = std::max(location_prep_end[m.end_token], 1);
    } else if (label != "presence" && label != "presence_post" && label != "visit" && label != "visit_post" && label != "owner") {
      location_prep_end[m.end_token] = std::max(location_prep_end[m.end_token], label == "at" ? 2 : 1);
    }
  }
  // "カナダ・エドモントンにおいて": a place joined by the middle dot to the
  // words before the postposition is part of the venue (country, then city).
  for (std::uint32_t k = static_cast<std::uint32_t>(s.tokens.size()); k > 0; --k) {
    const int post = location_post_start[k];
    if (post == 0) continue;
    std::uint32_t j = k;
    bool dot = true;
    while (dot) {
      // Back over the words of one name written together (MeCab may cut it):
      // up to four tokens, to the first gap, which must be the dot.
      dot = false;
      for (std::uint32_t start = j; start > 0 && j - start < 4; --start) {
        if (start == j) continue;
        const std::string_view gap = s.gap_before(doc, start);
        if (gap.empty()) continue;
        if (gap == "・") {
          location_post_start[start] = std::max(location_post_start[start], post);
          j = start;
          dot = true;
        }
        break;
      }
    }
  }
  // "en marge de la Conférence des Nations unies", "at the Summit of the
  // G20": after "at", a capitalised name joined to an actor by "de"/"of"
  // names the venue; the actor in it is no party.
  const std::span<std::uint8_t> venue_name_at = token_flags();
  {
    const std::span<std::uint8_t> actor_start = token_flags();
    for (const PhraseMatch& pm : kept) actor_start[pm.first_token] = true;
    auto determiner_at = [&](std::uint32_t k) { return s.one_word_of(Category::kDeterminer, k); };
    auto connector_at = [&](std::uint32_t k) {
      static constexpr std::string_view kConnectors[] = {"de", "des", "du", "of", "van", "der", "di", "del", "dei", "af"};
      return std::find(std::begin(kConnectors), std::end(kConnectors), s.tokens[k].folded) != std::end(kConnectors);
    };
    const auto n = static_cast<std::uint32_t>(s.tokens.size());
    for (std::uint32_t k = 0; k < n; ++k) {
      if (location_prep_end[k] != 2) continue;
      std::uint32_t j = k;
      if (determiner_at(j)) ++j;
      const std::uint32_t caps = j;
      while (j < n && s.tokens[j].is_word && starts_upper(s.tokens[j].span.of(doc)) && !actor_start[j]) ++j;
      if (j == caps || j >= n || !connector_at(j)) continue;
      ++j;
      if (j < n && determiner_at(j)) ++j;
      venue_name_at[j] = true;
    }
  }
  std::uint32_t last_first = UINT32_MAX, last_end = 0;
  for (const PhraseMatch& pm : kept) {
    const Mention* m = by_index[pm.payload];
    if (inside_katakana_word(doc, {s.tokens[m->first_token].span.begin, s.tokens[m->end_token - 1].span.end})) continue;
    // Several aliases on the same span: keep the first name form only.
    if (m->first_token == last_first && m->end_token == last_end) {
      ActorMention& prev = s.actors.back();
      if (prev.form != AliasForm::kName && m->alias->form == AliasForm::kName) {
        prev.actor = m->alias->actor;
        prev.form = AliasForm::kName;
      }
      continue;
    }
    ActorMention a{m->first_token, m->end_token, m->alias->actor, m->alias->form, false};
    // A news agency ("(dpa)", "NTB") is the page's source, never a side.
    if (lexicon.gazetteer().actors()[m->alias->actor].function == "news_agency") a.source = true;
    // "in Brussels", "im französischen Dijon": a venue. Look back over one
    // demonym ("im belgischen Ostende"). Only places are venues: "medlem i
    // S3 Hydrogen Valleys" is membership.
    const Label& kind = lexicon.gazetteer().actors()[m->alias->actor].kind;
    bool place = kind != "organization";
    if ((location_prep_end[a.first_token] == 1 && place) || location_prep_end[a.first_token] == 2) a.venue = true;
    // A news agency's dateline, "(ANSA) - ROMA, 18 NOV -", "BRUSSELS, 5 June": a
    // place in capitals (its name is not an acronym) before a comma is where
    // the news comes from.
    if (place && dateline_place(doc, s.tokens, a.first_token, a.end_token, m->alias->surface)) a.venue = true;
    if (venue_name_at[a.first_token]) a.venue = true;
    // A place written on right after a venue is in it ("本社：富山県富山市").
    if (place && !s.actors.empty() && s.actors.back().venue && s.actors.back().end_token == a.first_token &&
        s.gap_before(doc, a.first_token).empty() && lexicon.gazetteer().actors()[s.actors.back().actor].kind != "organization") {
      a.venue = true;
    }
    if ((location_post_start[a.end_token] == 1 && place) || location_post_start[a.end_token] == 2) a.venue = true;
    if (!s.actors.empty() && s.actors.back().end_token == a.first_token &&
        s.actors.back().form == AliasForm::kDemonym && s.actors.back().venue && place) {
      a.venue = true;
    }
    s.actors.push_back(a);
    last_first = m->first_token;
    last_end = m->end_token;
  }
  // "the Japanese government", "norske myndigheter": the demonym names the
  // state as surely as its name does.
  for (ActorMention& a : s.actors) {
    if (a.form != AliasForm::kDemonym) continue;
    for (const Mention& m : s.mentions) {
      // Label "gov": the demonym comes first; "gov_noun_first": the noun
      // does ("le gouvernement japonais", "el gobierno japonés").
      if (!m.entry || m.entry->category != Category::kGovernment) continue;
      if ((m.entry->label == "gov" && m.first_token == a.end_token) ||
          (m.entry->label == "gov_noun_first" && m.end_token == a.first_token)) {
        a.form = AliasForm::kName;
      }
    }
  }
  // "det koreanske energiagentur", "die koreanische Energieagentur",
  // "Koreas energimyndighet": a demonym or a country's (genitive) name and a
  // function noun (org_head label "function:F") name that country's
  // organization with function F, when the gazetteer knows it. The noun may
  // itself be a name of another country's one ("energimyndigheten" is also
  // Sweden's): the country word decides.
  {
    std::vector<std::uint8_t> drop(s.actors.size(), false);
    for (std::size_t i = 0; i < s.actors.size(); ++i) {
      ActorMention& a = s.actors[i];
      const Actor& of = lexicon.gazetteer().actors()[a.actor];
      if (of.kind != "country" || a.form == AliasForm::kCapital || drop[i]) continue;
      for (const Mention& m : s.mentions) {
        if (!m.entry || m.entry->category != Category::kOrgHead || m.first_token != a.end_token ||
            !m.entry->label.starts_with("function:")) {
          continue;
        }
        std::int64_t org = lexicon.gazetteer().find_function(of.key, m.entry->label.substr(9));
        if (org < 0) continue;
        // Actors inside the noun: only an organization on exactly its span.
        bool blocked = false;
        for (std::size_t j = i + 1; j < s.actors.size() && s.actors[j].first_token < m.end_token; ++j) {
          const ActorMention& o = s.actors[j];
          bool same_span = o.first_token == m.first_token && o.end_token == m.end_token &&
                           lexicon.gazetteer().actors()[o.actor].kind == "organization";
          if (same_span) drop[j] = true;
          else blocked = true;
        }
        if (blocked) {
          std::fill(drop.begin() + static_cast<std::ptrdiff_t>(i) + 1, drop.end(), false);
          continue;
        }
        a.actor = static_cast<std::uint32_t>(org);
        a.end_token = m.end_token;
        a.form = AliasForm::kName;
        break;
      }
    }
    std::size_t k = 0;
    for (std::size_t i = 0; i < s.actors.size(); ++i) {
      if (!drop[i]) s.actors[k++] = s.actors[i];
    }
    s.actors.resize(k);
  }

  // A dateline's places ("TOKYO –", "Brüssel/Tokio.") say where the news was
  // written, not who cooperates.
  {
    std::size_t k = 0;
    std::uint32_t next_token = 0;
    while (k < s.actors.size() && s.actors[k].first_token == next_token &&
           lexicon.gazetteer().actors()[s.actors[k].actor].kind != "organization") {
      next_token = s.actors[k].end_token;
      ++k;
    }
    if (k > 0) {
      std::size_t after = s.tokens[next_token - 1].span.end;
      std::string_view rest = doc.substr(after, std::min<std::size_t>(4, span.end - after));
      bool dateline = next_token == s.tokens.size() || rest.starts_with(" –") || rest.starts_with(" —") ||
                      rest.starts_with(" -") || rest.starts_with(":") || rest.starts_with(",") ||
                      (rest.starts_with("/") && next_token + 2 >= s.tokens.size());
      // "Brüssel/Tokio." alone, or "TOKYO – ..."; "Norway, Japan and ..." is
      // no dateline: a comma needs capitals ("OSLO, 3 May").
      if (rest.starts_with(",")) {
        // "OSLO, ..." in capitals, or "Bruxelles, le 19 février 2024": a
        // place, a comma and a date.
        std::string_view first = s.tokens[0].span.of(doc);
        dateline = first.size() > 2 && std::all_of(first.begin(), first.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
        for (const DateMention& d : s.dates) {
          if (d.first_token >= next_token && d.first_token <= next_token + 2 && !d.relative) dateline = true;
        }
      }
      // "Helsinki 14.3.2025", "Tallinna 2.10.2024": a place and a date with
      // no separator between them.
      if (!dateline && rest.starts_with(" ")) {
        for (const DateMention& d : s.dates) {
          if (d.first_token == next_token && !d.relative) dateline = true;
        }
      }
      // "KRISTIANSAND (NTB):", "Windhuk/Berlin (dpa) -": a news agency's
      // short name in parentheses between the places and the separator.
      if (!dateline && rest.starts_with(" (")) {
        std::string_view tail = doc.substr(after, std::min<std::size_t>(32, span.end - after));
        if (std::size_t close = tail.find(')'); close != std::string_view::npos && close > 2 &&
                                                tail.substr(2, close - 2).find_first_of("(.,;") == std::string_view::npos) {
          std::string_view sep = tail.substr(close + 1);
          dateline = sep.starts_with(":") || sep.starts_with(" –") || sep.starts_with(" —") || sep.starts_with(" -");
        }
      }
      if (dateline) {
        for (std::size_t i = 0; i < k; ++i) s.actors[i].venue = true;
        // Its date is the day the news was written, as a publication day is.
        for (DateMention& d : s.dates) {
          if (d.first_token >= next_token && d.first_token <= next_token + 2 && !d.relative) d.dateline = true;
        }
      }
    }
  }

  // "in Bremerhaven und Yokohama": a place joined to a venue is a venue too,
  // also when the gazetteer does not know the venue (one word right after
  // "in").
  for (std::size_t i = 0; i < s.actors.size(); ++i) {
    ActorMention& a = s.actors[i];
    if (a.venue || lexicon.gazetteer().actors()[a.actor].kind == "organization") continue;
    const ActorMention* prev = i > 0 ? &s.actors[i - 1] : nullptr;
    bool joined = std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& m) {
      if (!m.entry || m.entry->category != Category::kConjunction || m.end_token != a.first_token) return false;
      if (prev && prev->venue && m.first_token == prev->end_token) return true;
      return m.entry->label == "and" && m.first_token >= 1 && location_prep_end[m.first_token - 1] == 1 &&
             (!prev || prev->end_token < m.first_token) &&
             text::starts_upper(s.tokens[m.first_token - 1].span.of(doc));
    });
    // "in Bécancour, Québec", "in Kiel, Schleswig-Holstein": a region or
    // country after a comma right after a venue (or one word right after
    // "in" that the gazetteer does not know) says where the venue is.
    const Label& kind = lexicon.gazetteer().actors()[a.actor].kind;
    if (!joined && a.first_token >= 2 && (kind == "region" || kind == "country") && s.gap_before(doc, a.first_token) == ", ") {
      const std::uint32_t w = a.first_token - 1;
      const bool after_venue = prev != nullptr && prev->venue && prev->end_token == a.first_token;
      const bool after_word = (prev == nullptr || prev->end_token <= w) && location_prep_end[w] == 1 && s.tokens[w].is_word &&
                              text::starts_upper(s.tokens[w].span.of(doc));
      // (Closing the clause, "in Bécancour, Québec." or "..., Québec, on
      // Monday": "a New Delhi, l'Italia aveva firmato" is the subject.)
      const bool closes = a.end_token == s.tokens.size() || s.gap_before(doc, a.end_token).find_first_of(",.;)") != std::string_view::npos;
      const bool same_country = !after_venue || lexicon.gazetteer().actors()[prev->actor].country == lexicon.gazetteer().actors()[a.actor].country;
      joined = (after_venue || after_word) && closes && same_country;
    }
    if (joined) a.venue = true;
  }

  // "durante la presidenza italiana del G7", "the Danish EU presidency": a
  // presidency of a group is held by a country; the group named just after
  // it (over a demonym and an article) or just before it is the forum of
  // that term, not a party.
  for (const Mention& m : s.mentions) {
    if (!m.entry || m.entry->category != Category::kLocationPrep || m.entry->label != "term") continue;
    for (ActorMention& a : s.actors) {
      if (lexicon.gazetteer().actors()[a.actor].kind != "supranational") continue;
      if ((a.first_token >= m.end_token && a.first_token <= m.end_token + 3) || a.end_token == m.first_token) a.venue = true;
    }
  }

  // A country written just before one of its own regions, cities or
  // organizations names where that one is ("豪州ニューサウスウェールズ州",
  // "ドイツのバイエルン州", "オランダのロッテルダム港湾公社", "Germany's
  // Bavaria"): the place or organization is the party. Not across a
  // conjunction or a comma ("日本と福島県", "Norway, Vestland").
  {
    const auto& acts = lexicon.gazetteer().actors();
    auto inside = [&](std::uint32_t place, std::uint32_t country) {
      std::int64_t up = acts[place].parent.empty() ? -1 : lexicon.gazetteer().find(acts[place].parent);
      for (int hops = 0; up >= 0 && hops < 4; ++hops) {
        if (static_cast<std::uint32_t>(up) == country) return true;
        const std::string& next = acts[static_cast<std::size_t>(up)].parent;
        up = next.empty() ? -1 : lexicon.gazetteer().find(next);
      }
      return false;
    };
    for (std::size_t i = 0; i + 1 < s.actors.size(); ++i) {
      ActorMention& country = s.actors[i];
      const ActorMention& place = s.actors[i + 1];
      if (acts[country.actor].kind != "country") continue;
      const Label& kind = acts[place.actor].kind;
      // An organization may have a description between ("ノルウェーのエネルギー
      // 大手Equinor", "the Norwegian energy company Equinor"): up to four words
      // that the lexicon reads as no more than articles, sectors or
      // organization nouns.
      const std::uint32_t reach = kind == "organization" ? 4 : 1;
      if (place.first_token > country.end_token + reach) continue;
      // (A word between that the lexicon reads as more, a preposition
      // ("Deutschland und Norwegen in Bergen": a venue), parts them.)
      if (place.first_token > country.end_token &&
          std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& m) {
            return m.first_token < place.first_token && m.end_token > country.end_token &&
                   (m.alias || (m.entry && m.entry->category != Category::kSector &&
                                m.entry->category != Category::kOrgHead &&
                                m.entry->category != Category::kDeterminer &&
                                m.entry->category != Category::kDateMarker));  // "の" links
          })) {
        continue;
      }
      if (kind == "organization" ? acts[place.actor].country != acts[country.actor].country
                                 : (kind != "region" && kind != "city") || !inside(place.actor, country.actor)) {
        continue;
      }
      std::string_view between = doc.substr(s.tokens[country.end_token - 1].span.end,
                                            s.tokens[place.first_token].span.begin - s.tokens[country.end_token - 1].span.end);
      bool separated = between.find(',') != std::string_view::npos || between.find("、") != std::string_view::npos;
      for (const Mention& m : s.mentions) {
        if (m.entry && m.entry->category == Category::kConjunction && m.first_token >= country.end_token &&
            m.end_token <= place.first_token) {
          separated = true;
        }
      }
      if (!separated) country.attribute = true;
    }
  }

  // An actor joined by a hyphen to a lower-case word that is no actor
  // ("EU-medel", "EU-midler": EU funds) qualifies that word: no party.
  // ("EU-Japan", "nordisk-indiska" join actors; capitals are left alone.)
  for (ActorMention& a : s.actors) {
    const std::uint32_t k = a.end_token;
    if (k >= s.tokens.size() || a.end_token == 0) continue;
    std::string_view between =
        doc.substr(s.tokens[k - 1].span.end, s.tokens[k].span.begin - s.tokens[k - 1].span.end);
    if (between != "-") continue;
    const bool next_actor = std::any_of(s.actors.begin(), s.actors.end(), [&](const ActorMention& o) {
      return o.first_token == k;
    });
    if (!next_actor && !text::starts_upper(s.tokens[k].span.of(doc))) a.attribute = true;
  }

  // Asides and news sources are not parties.
  auto asides = asides_of(doc, span);
  for (ActorMention& a : s.actors) {
    text::Span at{s.tokens[a.first_token].span.begin, s.tokens[a.end_token - 1].span.end};
    for (const text::Span& aside : asides) {
      if (aside.contains(at)) a.aside = true;
    }
    for (const auto& [first, end] : no_act_spans) {
      if (first <= a.first_token && a.end_token <= end) a.aside = true;
    }
  }
  // An apposition after an organization, opened by an article and a common
  // noun and closed by a comma ("duisport, de haven van Duisburg, ...",
  // "Namport, the port authority of Namibia, ..."): the places in it
  // describe the organization and are no parties.
  {
    const auto n = static_cast<std::uint32_t>(s.tokens.size());
    std::vector<std::pair<std::uint32_t, std::uint32_t>> appositions;
    for (const ActorMention& o : s.actors) {
      const std::uint32_t k = o.end_token;
      if (lexicon.gazetteer().actors()[o.actor].kind != "organization" || k + 1 >= n) continue;
      if (s.gap_before(doc, k) != ", ") continue;
      const bool article = s.one_word_of(Category::kDeterminer, k);
      if (!article || !s.tokens[k + 1].is_word || starts_upper(s.tokens[k + 1].span.of(doc))) continue;
      for (std::uint32_t e = k + 2; e < n && e < k + 9; ++e) {
        const std::string_view g = s.gap_before(doc, e);
        if (g.find_first_of(".;:!?()") != std::string_view::npos) break;
        if (g.find(',') != std::string_view::npos) {
          appositions.push_back({k, e});
          break;
        }
      }
    }
    for (ActorMention& a : s.actors) {
      for (const auto& [from, to] : appositions) {
        if (a.first_token > from && a.end_token <= to) a.aside = true;
      }
    }
  }
  for (const Mention& m : s.mentions) {
    if (!m.entry || m.entry->category != Category::kSpeech) continue;
    for (ActorMention& a : s.actors) {
      const auto& act = lexicon.gazetteer().actors()[a.actor];
      if (act.kind != "organization" && act.kind != "city") continue;
      // A body of a union of states speaks for it ("selon la Commission,
      // des négociations sont en cours": the EU's negotiations), as the
      // union itself would.
      if (std::int64_t up = act.parent.empty() ? -1 : lexicon.gazetteer().find(act.parent);
          up >= 0 && lexicon.gazetteer().actors()[static_cast<std::size_t>(up)].kind == "supranational") {
        continue;
      }
      // "according to the (Norwegian) Ministry ...": after the phrase, over one demonym.
      if (m.entry->label == "after" && (a.first_token == m.end_token || a.first_token == m.end_token + 1)) a.source = true;
      // "Cheong Wa Dae said", "wie das Ministerium (BMWK) mitteilt".
      if (m.entry->label == "before" && m.first_token >= a.end_token && m.first_token <= a.end_token + 2) a.source = true;
    }
  }

  // Organizations the gazetteer does not know: a run of capitalised words
  // around a head word ("Vitagora Cluster", "S3 Hydrogen Valleys").
  const std::span<std::uint8_t> is_actor = token_flags();
  for (const ActorMention& a : s.actors) {
    for (auto k = a.first_token; k < a.end_token; ++k) is_actor[k] = true;
  }
  // A word that links an organization's head to the rest of its name
  // ("di" in "Politecnico di Torino"): org_head label "link".
  auto link_at = [&](std::uint32_t t) {
    return std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& o) {
      return o.entry && o.entry->category == Category::kOrgHead && o.entry->label == "link" && o.first_token == t &&
             o.end_token == t + 1;
    });
  };
  auto city_at = [&](std::uint32_t t) {
    return std::any_of(s.actors.begin(), s.actors.end(), [&](const ActorMention& a) {
      return a.first_token <= t && t < a.end_token && lexicon.gazetteer().actors()[a.actor].kind == "city";
    });
  };
  for (const Mention& m : s.mentions) {
    if (!m.entry || m.entry->category != Category::kOrgHead || (m.entry->label != "org" && m.entry->label != "legal")) {
      continue;
    }
    if (!starts_upper(without_elision(s.tokens[m.first_token].span.of(doc)))) continue;
    auto joined = [&](std::uint32_t a) {  // tokens a and a+1 separated by one space
      return doc.substr(s.tokens[a].span.end, s.tokens[a + 1].span.begin - s.tokens[a].span.end) == " ";
    };
    // A word the lexicon reads as a sector ("Hydrogen", "Fuel Cell"): the
    // field of a body, not a name of its own.
    auto field_word = [&](std::uint32_t t) {
      return std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& o) {
        return o.entry && o.entry->category == Category::kSector && o.first_token <= t && t < o.end_token;
      });
    };
    // A known organization ending in the head, after a field word (or a
    // place and a word), is the end of a longer name ("Australian Renewable Hydrogen Council" is not
    // the Hydrogen Council).
    auto place_ends = [&](std::uint32_t t) {  // a place or demonym, not an organization, ends before token t
      return std::any_of(s.actors.begin(), s.actors.end(), [&](const ActorMention& a) {
        return a.end_token == t && lexicon.gazetteer().actors()[a.actor].kind != "organization";
      });
    };
    std::size_t inner = s.actors.size();
    if (is_actor[m.first_token]) {
      for (std::size_t i = 0; i < s.actors.size(); ++i) {
        const ActorMention& a = s.actors[i];
        if (a.first_token <= m.first_token && a.end_token == m.end_token && a.first_token > 0 &&
            lexicon.gazetteer().actors()[a.actor].kind == "organization" && joined(a.first_token - 1) &&
            !is_actor[a.first_token - 1] && starts_upper(s.tokens[a.first_token - 1].span.of(doc)) &&
            (field_word(a.first_token - 1) || (a.first_token >= 2 && joined(a.first_token - 2) && place_ends(a.first_token - 1)))) {
          inner = i;
        }
      }
      if (inner == s.actors.size()) continue;
    }
    std::uint32_t first = inner < s.actors.size() ? s.actors[inner].first_token : m.first_token, end = m.end_token;
    // A describing noun ("das japanische Unternehmen Kaiun ... K.K.": German
    // capitalises nouns) is not part of the name.
    auto describing_noun = [&](std::uint32_t t) {
      return std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& o) {
        return o.entry && o.entry->category == Category::kOrgHead && o.entry->label == "noun" && o.first_token <= t &&
               t < o.end_token;
      });
    };
    // (A noun that runs into the head is part of it: "Port Authority".)
    auto capital_word = [&](std::uint32_t t) {
      const bool in_head = std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& o) {
        return o.entry && o.entry->category == Category::kOrgHead && o.first_token <= t && m.first_token < o.end_token &&
               o.end_token <= m.end_token;
      });
      return s.tokens[t].is_word && starts_upper(s.tokens[t].span.of(doc)) && (in_head || !describing_noun(t));
    };
    // Back from the head over capitalised words, at most six in all; inside
    // the name over "and" / "&" next to a field ("Scottish Hydrogen and
    // Fuel Cell Association": not "Kystnett and Statnett Association"), and
    // over a place or demonym that opens it ("Ulsan Port Authority",
    // "Scottish ..."): that place is part of the name, not a party.
    static constexpr std::size_t kMaxNameWords = 6;
    std::uint32_t place_first = 0, place_end = 0;  // a place inside the name
    // A person's name and the head written as one compound, over two
    // hyphens or more and nothing else ("Jan-Evangelista-Purkyně-
    // Universität"; not "Deutschen Presse-Agentur").
    auto hyphened = [&](std::uint32_t a) { return s.gap_before(doc, a + 1) == "-"; };
    if (first == m.first_token && first > 0 && hyphened(first - 1)) {
      std::uint32_t w = first;
      while (w > 0 && hyphened(w - 1) && !is_actor[w - 1] && s.tokens[w - 1].is_word && starts_upper(s.tokens[w - 1].span.of(doc))) --w;
      if (first - w >= 2 && (w == 0 || !hyphened(w - 1)) && (w == 0 || !joined(w - 1) || !capital_word(w - 1))) first = w;
    }
    while (first > 0 && m.end_token - first < kMaxNameWords && joined(first - 1)) {
      const std::uint32_t w = first - 1;
      if (!is_actor[w] && capital_word(w)) {
        first = w;
        continue;
      }
      const std::string_view word = s.tokens[w].span.of(doc);
      if (!is_actor[w] && (word == "and" || word == "&") && w > 0 && joined(w - 1) && !is_actor[w - 1] &&
          capital_word(w - 1) && (field_word(w - 1) || field_word(first))) {
        first = w - 1;
        continue;
      }
      // A place opening the name: a city, region or demonym, whole, not an organization.
      const ActorMention* place = nullptr;
      for (const ActorMention& a : s.actors) {
        if (a.end_token == first && a.first_token < first && lexicon.gazetteer().actors()[a.actor].kind != "organization" &&
            starts_upper(s.tokens[a.first_token].span.of(doc))) {
          place = &a;
        }
      }
      // (A company's legal form only after a field or the head: "Bremer
      // Nordhafen ... GmbH" is a company of Bremen named "Nordhafen ...".)
      const bool field_next =
          m.entry->label == "org" || first == m.first_token || (field_word(first) && !is_actor[first]);
      const bool linked_after = m.end_token + 1 < s.tokens.size() && link_at(m.end_token) && joined(m.end_token - 1) &&
                                joined(m.end_token) && starts_upper(s.tokens[m.end_token + 1].span.of(doc));
      // (A city's name before a head alone names its body: "Stavanger Havn";
      // a demonym does not: "the Norwegian Association".)
      const bool city_body = place != nullptr && place->form == AliasForm::kName &&
                             lexicon.gazetteer().actors()[place->actor].kind == "city";
      if (place != nullptr && field_next && (m.end_token - first >= 2 || linked_after || city_body) &&
          m.end_token - place->first_token <= kMaxNameWords) {
        place_first = place->first_token;
        place_end = first;
        first = place_first;
      }
      break;
    }
    while (end < s.tokens.size() && !is_actor[end] && joined(end - 1) &&
           starts_upper(s.tokens[end].span.of(doc))) {
      ++end;
    }
    // A name that opens with its head ("Université de Bretagne Occidentale",
    // "Universiteit van Amsterdam", "Pôle Mer Bretagne Atlantique") goes on
    // over a connecting "de"/"van" and over the places in it: they belong
    // to the name and are not parties themselves.
    const std::uint32_t grown_from = end;
    bool by_fields = false;  // named by a ministry's fields (org_word "+" rows)
    // (An article opening the sentence is capitalised too: "La Chambre de ...".)
    const bool opens_with_head =
        first == m.first_token ||
        (first + 1 == m.first_token && s.one_word_of(Category::kDeterminer, first));
    if (opens_with_head) {
      // The language's link words ("de", "van", "i": org_word.tsv rows "of").
      auto connector = [&](std::uint32_t k) {
        const std::string_view w = s.tokens[k].span.of(doc);
        const std::string* english = w == s.tokens[k].folded ? lexicon.org_word(lang, w) : nullptr;
        return english != nullptr && *english == "of";
      };
      std::uint32_t k = end;
      while (k < s.tokens.size() && joined(k - 1)) {
        std::uint32_t next = k;
        if (connector(k) && k + 1 < s.tokens.size() && joined(k)) next = k + 1;  // "de Bergen"
        if (!s.tokens[next].is_word || !starts_upper(s.tokens[next].span.of(doc))) break;
        k = next + 1;
        end = k;
      }
      // Not into the middle of a place: "... de Noordrijn-Westfalen" ends before it.
      for (const ActorMention& a : s.actors) {
        if (a.first_token < end && end < a.end_token) end = std::max(grown_from, a.first_token);
      }
      const bool placed = std::any_of(s.actors.begin(), s.actors.end(), [&](const ActorMention& a) {
        return a.first_token >= grown_from && a.end_token <= end;
      });
      if (!placed) end = grown_from;  // a plain run of capitals was read above already
    }
    // The sentence's first word is capitalised anyway: an article there
    // ("Die", "The") is not part of the name.
    bool article = std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& o) {
      return o.entry && o.entry->category == Category::kDeterminer && o.first_token == first && o.end_token == first + 1;
    });
    // "Politecnico di Torino", "Universidad de Sevilla": a head word alone
    // is named by the capitalised words after a link word (org_head label
    // "link"); a city among them is part of the name, not a party.
    // A run ending in its head goes on the same way when a word no table
    // knows follows the link ("Fukuoka Institute of Technology", "Kansai
    // Chamber of Commerce"), not over a city alone ("... University di
    // Sendai" is its seat).
    const std::uint32_t own_first = place_end > 0 ? place_end : first;
    const bool alone = end - own_first - (article && place_end == 0 ? 1 : 0) == 1;
    const bool head_final = end == m.end_token && end - first >= 2;
    if ((alone || head_final) && end + 1 < s.tokens.size() && link_at(end) && joined(end - 1) && joined(end)) {
      // (over an article: "University of the North Coast")
      std::uint32_t from = end + 1;
      if (from + 1 < s.tokens.size() && joined(from) && !starts_upper(s.tokens[from].span.of(doc)) &&
          s.one_word_of(Category::kDeterminer, from)) {
        ++from;
      }
      // Between two words of the language's org_word table (a ministry's
      // fields: "Ministerium for Industri og Handel", "Ministerio de
      // Industria, Comercio y Turismo") over a comma or a lower-case "and";
      // "Universitetet i Bergen og Oslo" stops at "og", places being no rows.
      auto field_row = [&](std::uint32_t t) {  // org_word rows "+English": a field, and "+and"
        const std::string* english = lexicon.org_word(lang, s.tokens[t].folded);
        return english != nullptr && english->starts_with('+');
      };
      auto field_join = [&](std::uint32_t t) {  // tokens t+1.. go on the name after token t; returns the next word or 0
        if (t + 1 >= s.tokens.size() || !field_row(t)) return std::uint32_t{0};
        std::uint32_t next = t + 1;
        const std::string_view g = s.gap_before(doc, next);
        if (g == ", ") return field_row(next) && starts_upper(s.tokens[next].span.of(doc)) ? next : 0;
        if (g != " " || starts_upper(s.tokens[next].span.of(doc)) || !s.one_word_of(Category::kConjunction, next) ||
            next + 1 >= s.tokens.size() || !joined(next) || !field_row(next + 1) ||
            !starts_upper(s.tokens[next + 1].span.of(doc))) {
          return std::uint32_t{0};
        }
        return next + 1;
      };
      std::uint32_t k = from, words = 0;
      while (k < s.tokens.size() && words < 6 && (words < 4 || field_row(k)) && starts_upper(s.tokens[k].span.of(doc)) &&
             (!is_actor[k] || city_at(k))) {
        ++words;
        const std::uint32_t t = k++;
        if (const std::uint32_t next = field_join(t); next != 0) {
          k = next;
        } else if (k >= s.tokens.size() || !joined(t)) {
          break;
        }
      }
      // A list of fields cut short by a word no row has ("Ministerium für
      // Wirtschaft, Verkehr, Bauen ...") names no body the rules can render:
      // not read at all.
      if (k > from && k < s.tokens.size() && field_row(k - 1)) {
        const std::string_view g = s.gap_before(doc, k);
        const bool more = (g == ", " && starts_upper(s.tokens[k].span.of(doc))) ||
                          (g == " " && s.one_word_of(Category::kConjunction, k) && k + 1 < s.tokens.size() && joined(k) &&
                           starts_upper(s.tokens[k + 1].span.of(doc)));
        if (more) continue;
      }
      // A state or region after the fields over a link word is the body's
      // seat, part of its name ("Ministerio de Industria y Comercio de
      // Vietnam": "Ministry of Industry and Trade of Vietnam").
      if (k > from && field_row(k - 1) && k + 1 < s.tokens.size() && joined(k - 1) && joined(k) && link_at(k)) {
        for (const ActorMention& a : s.actors) {
          const Label& kind = lexicon.gazetteer().actors()[a.actor].kind;
          if (a.first_token == k + 1 && a.form == AliasForm::kName && (kind == "country" || kind == "region")) k = a.end_token;
        }
      }
      // A name that goes on over another link ("Consejo de la Región de
      // ...") is not delimited here: over an article, not read at all.
      const bool goes_on = from > end + 1 && k + 1 < s.tokens.size() && joined(k - 1) && link_at(k);
      bool unknown_word = false;
      for (std::uint32_t t = from; t < k; ++t) unknown_word = unknown_word || !is_actor[t];
      if (k > from && !goes_on && (alone || unknown_word)) {
        for (ActorMention& a : s.actors) {
          if (a.first_token > end && a.end_token <= k) a.aside = true;
        }
        end = k;
        for (std::uint32_t t = from; t < k; ++t) by_fields = by_fields || field_row(t);
      }
    }
    if (article && end - first > 2) ++first;
    if (end - first < 2) continue;
    // A name that is an instrument ("Green Alliance") is not an organization.
    bool instrument = std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& o) {
      return o.entry && o.entry->category == Category::kInstrument && o.first_token < end && first < o.end_token;
    });
    if (instrument) continue;
    // "EU-Japan Hydrogen Business Forum": actors joined to the name by a
    // hyphen chain belong to it and are not parties themselves.
    auto gap = [&](std::uint32_t k) {  // text between tokens k and k+1
      return doc.substr(s.tokens[k].span.end, s.tokens[k + 1].span.begin - s.tokens[k].span.end);
    };
    std::uint32_t chain = first;
    bool hyphen = false;
    while (chain > 0 && is_actor[chain - 1] && (gap(chain - 1) == "-" || (chain == first && gap(chain - 1) == " "))) {
      hyphen = hyphen || gap(chain - 1) == "-";
      --chain;
    }
    if (hyphen) {
      for (ActorMention& a : s.actors) {
        if (a.first_token >= chain && a.end_token <= first) a.aside = true;
      }
      first = chain;
    }
    if (!s.unknown_orgs.empty() && s.unknown_orgs.back().end_token > first) continue;
    if (location_prep_end[first] == 2) continue;  // a venue: "at the ... Forum"
    for (ActorMention& a : s.actors) {
      if ((a.first_token >= grown_from && a.end_token <= end) || (a.first_token >= place_first && a.end_token <= place_end)) {
        a.aside = true;
      }
    }
    if (inner < s.actors.size()) s.actors[inner].aside = s.actors[inner].name_end = true;
    // A legal form closing the name is no part of it ("Daejin Precursor Co.,
    // Ltd." is Daejin Precursor), where two words or more stay.
    const std::uint32_t name_end = m.entry->label == "legal" && m.end_token == end && m.first_token >= first + 2 &&
                                           !(article && m.first_token == first + 2)
                                       ? m.first_token
                                       : end;
    s.unknown_orgs.push_back({first, end, std::string(without_elision(s.text_of(doc, first, name_end)))});
    for (std::uint32_t t = m.end_token; t < end; ++t) {  // (also a name grown over its links: "Ministério do Comércio da Noruega")
      const std::string* english = lexicon.org_word(lang, s.tokens[t].folded);
      by_fields = by_fields || (english != nullptr && english->starts_with('+') && *english != "+and" && *english != "+of");
    }
    for (const ActorMention& a : s.actors) {
      if (by_fields && a.aside && a.first_token >= first && a.end_token <= end &&
          lexicon.gazetteer().actors()[a.actor].kind == "country") {
        s.unknown_orgs.back().seat = a.actor;
      }
    }
  }

  // A name in another language's words ("Luleå tekniska universitet och
  // Universidad de Antofagasta"): a capitalised head of that language's
  // org_word.tsv, its link word, then capitalised words (places among them
  // belong to the name). Its English comes from that language's table.
  for (std::uint32_t t = 0; t + 2 < s.tokens.size(); ++t) {
    if (is_actor[t] || !s.tokens[t].is_word || !starts_upper(s.tokens[t].span.of(doc))) continue;
    const bool taken = std::any_of(s.unknown_orgs.begin(), s.unknown_orgs.end(),
                                   [&](const UnknownOrg& o) { return o.first_token <= t && t < o.end_token; });
    if (taken) continue;
    const std::string_view foreign = lexicon.foreign_org_head(lang, s.tokens[t].folded);
    if (foreign.empty()) continue;
    // The link word, written in lower case: "de", "di", "van".
    const std::uint32_t link = t + 1;
    const std::string* of = lexicon.org_word(foreign, s.tokens[link].folded);
    if (of == nullptr || *of != "of" || s.tokens[link].span.of(doc) != s.tokens[link].folded || s.gap_before(doc, link) != " " ||
        s.gap_before(doc, link + 1) != " ") {
      continue;
    }
    std::uint32_t end = link + 1;
    while (end < s.tokens.size() && end - link <= 3 && s.tokens[end].is_word && starts_upper(s.tokens[end].span.of(doc)) &&
           (end == link + 1 || s.gap_before(doc, end) == " ")) {
      ++end;
    }
    if (end == link + 1) continue;
    // Not into the middle of a place.
    for (const ActorMention& a : s.actors) {
      if (a.first_token < end && end < a.end_token) end = a.first_token;
    }
    if (end <= link + 1) continue;
    // A place in the text's genitive ends it ("Universidad de Antofagastas
    // rektor"): the name is the place's own form.
    const bool genitive = std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& o) {
      return o.alias != nullptr && o.alias->genitive && o.end_token == end && o.first_token > link;
    });
    const std::size_t name_to = s.tokens[end - 1].span.end - (genitive ? 1 : 0);
    for (ActorMention& a : s.actors) {
      if (a.first_token > link && a.end_token <= end) a.aside = true;
    }
    for (std::uint32_t k = t; k < end; ++k) is_actor[k] = true;
    const std::size_t from = s.tokens[t].span.begin;
    s.unknown_orgs.push_back({t, end, std::string(doc.substr(from, name_to - from)), std::string(foreign)});
  }

  // A company named in Japanese script before its legal form
  // ("瀬戸内グリーンケミカル株式会社", "ボルネオ・ハイドロジェン社"; org_head
  // label "legal"), or after it ("株式会社…"): its words, katakana, Han or
  // Latin, run together or joined by "・". Its English name is built word by
  // word: a place by the gazetteer's English name, a word by
  // lexicon/ja/org_word.tsv ("グリーン": Green), Latin as written, any
  // other word by its reading ("瀬戸内": Setouchi). A one-character form
  // ("社") follows only a katakana or Latin name ("同社", "本社" are none).
  // An acronym before katakana words the table knows names one too
  // ("SEDCエナジー": SEDC Energy).
  if (lexicon.org_word_longest(lang) > 0) {
    std::vector<text::LatinWord> readings;
    bool read = false;
    auto reading_of = [&](std::uint32_t t) -> std::string {
      if (!read) {
        readings = text::latin_words(s.span.of(doc));
        read = true;
      }
      const text::Span at = s.tokens[t].span;
      for (const text::LatinWord& w : readings) {
        if (w.span.begin + s.span.begin == at.begin && w.span.end + s.span.begin == at.end) return w.latin;
      }
      return script_of(at.of(doc)) == Script::kKatakana ? text::hepburn(at.of(doc)) : std::string();
    };
    auto name_word = [&](std::uint32_t t) {
      const Script sc = script_of(s.tokens[t].span.of(doc));
      if (sc == Script::kOther || !s.tokens[t].is_word) return false;
      // A word the lexicon reads otherwise (a self reference, a group, a
      // sector, a stage) is not part of a name; an org_head word is.
      return std::none_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& o) {
        return o.entry && o.first_token <= t && t < o.end_token && o.entry->category != Category::kOrgHead &&
               o.entry->category != Category::kSector;
      });
    };
    auto linked = [&](std::uint32_t k) {  // tokens k and k+1 belong to one name
      const std::string_view g = s.gap_before(doc, k + 1);
      if (g.empty() || g == "・") return true;
      return g == " " && script_of(s.tokens[k].span.of(doc)) == Script::kLatin &&
             script_of(s.tokens[k + 1].span.of(doc)) == Script::kLatin;
    };
    auto known_org = [&](std::uint32_t first, std::uint32_t end) {
      return std::any_of(s.actors.begin(), s.actors.end(), [&](const ActorMention& a) {
               return a.first_token < end && first < a.end_token &&
                      lexicon.gazetteer().actors()[a.actor].kind == "organization";
             }) ||
             std::any_of(s.unknown_orgs.begin(), s.unknown_orgs.end(),
                         [&](const UnknownOrg& o) { return o.first_token < end && first < o.end_token; });
    };
    // The English words of tokens [first, end), "" where one has none (or,
    // when from_tables, where one is no place or row: no reading).
    auto english = [&](std::uint32_t first, std::uint32_t end, bool from_tables = false) {
      std::string out;
      const std::size_t longest = lexicon.org_word_longest(lang);
      for (std::uint32_t t = first; t < end;) {
        std::string word;
        std::uint32_t next = t + 1;
        for (const Mention& m : s.mentions) {
          if (m.alias == nullptr || m.first_token != t || m.end_token > end || m.alias->form != AliasForm::kName) continue;
          const Actor& a = lexicon.gazetteer().actors()[m.alias->actor];
          if (a.kind == "country" || a.kind == "region" || a.kind == "city") {
            word = a.name;
            next = m.end_token;
          }
        }
        if (word.empty()) {
          std::string key;
          for (std::uint32_t k = t; k < end && k - t < longest; ++k) {
            if (k > t) key.push_back(' ');
            key += s.tokens[k].folded;
            if (const std::string* e = lexicon.org_word(lang, key)) {
              word = *e;
              next = k + 1;
            }
          }
        }
        if (word.empty() && script_of(s.tokens[t].span.of(doc)) == Script::kLatin) {
          word = s.tokens[t].span.of(doc);
          if (!out.empty() && s.gap_before(doc, t).empty()) {
            out += word;
            t = next;
            continue;
          }
        }
        if (word.empty() && from_tables) return std::string();
        if (word.empty()) {
          word = reading_of(t);
          if (word.empty()) return std::string();
          word[0] = static_cast<char>(word[0] - 'a' + 'A');
        }
        if (word == "-") {  // a word with no English of its own ("立": founded by)
          t = next;
          continue;
        }
        // A head ending in "of" goes before the rest ("アルバータ大学":
        // University of Alberta).
        if (word.ends_with(" of") && next == end && !out.empty()) {
          out = word + " " + out;
        } else {
          if (!out.empty()) out.push_back(' ');
          out += word;
        }
        t = next;
      }
      return out;
    };
    auto add = [&](std::uint32_t first, std::uint32_t end, std::uint32_t name_first, std::uint32_t name_end,
                   bool from_tables = false) {
      // (A body before a venue's postposition is where the act happens:
      // "神戸港では": at the port of Kobe.)
      if (location_post_start[end] != 0) return;
      const std::string name = english(name_first, name_end, from_tables);
      if (name.empty()) return;
      for (ActorMention& a : s.actors) {
        if (a.first_token >= first && a.end_token <= end) a.aside = true;
      }
      for (std::uint32_t k = first; k < end; ++k) is_actor[k] = true;
      s.unknown_orgs.push_back({first, end, name});
      // Its seat before it, linked by "の" (date_marker label "link") over
      // up to three describing words ("マレーシア・サラワク州の", "サラワク州
      // 政府系の"), with the places written before that one: no parties.
      if (first < 2 || !s.one_word_of(Category::kDateMarker, first - 1)) return;
      const bool link = std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& o) {
        return o.entry && o.entry->category == Category::kDateMarker && o.entry->label == "link" &&
               o.first_token == first - 1 && o.end_token == first;
      });
      if (!link) return;
      std::uint32_t seat_end = first - 1;
      auto place_ending = [&](std::uint32_t at) -> ActorMention* {
        for (ActorMention& a : s.actors) {
          if (a.end_token == at && lexicon.gazetteer().actors()[a.actor].kind != "organization") return &a;
        }
        return nullptr;
      };
      for (int words = 0; words < 3 && seat_end > 0 && !place_ending(seat_end) && !is_actor[seat_end - 1] &&
                          script_of(s.tokens[seat_end - 1].span.of(doc)) == Script::kHan && s.gap_before(doc, seat_end).empty();
           ++words) {
        --seat_end;
      }
      for (ActorMention* a = place_ending(seat_end); a != nullptr;) {
        a->attribute = true;
        const std::string_view g = a->first_token > 0 ? s.gap_before(doc, a->first_token) : std::string_view("|");
        a = g.empty() || g == "・" ? place_ending(a->first_token) : nullptr;
      }
    };
    for (const Mention& m : s.mentions) {
      if (!m.entry || m.entry->category != Category::kOrgHead || script_of(s.tokens[m.first_token].span.of(doc)) == Script::kLatin) {
        continue;
      }
      // Another head ("大学", "研究機構") names a body by words that are all
      // places or rows of the table, the head too ("アルバータ大学": University
      // of Alberta; "北海道立総合研究機構"); a reading is no English for it.
      if (m.entry->label == "org") {
        std::uint32_t first = m.first_token;
        while (first > 0 && m.first_token - first < 6 && name_word(first - 1) && linked(first - 1)) --first;
        if (first < m.first_token && !known_org(first, m.end_token)) add(first, m.end_token, first, m.end_token, true);
        continue;
      }
      if (m.entry->label != "legal") continue;
      std::uint32_t first = m.first_token;
      while (first > 0 && m.end_token - first < 7 && name_word(first - 1) && linked(first - 1)) --first;
      const bool one_char = m.end_token == m.first_token + 1 && s.tokens[m.first_token].span.of(doc).size() <= 3;
      if (first < m.first_token) {
        const Script last = script_of(s.tokens[m.first_token - 1].span.of(doc));
        if (one_char && last != Script::kKatakana && last != Script::kLatin) continue;
        if (!known_org(first, m.end_token)) add(first, m.end_token, first, m.first_token);
        continue;
      }
      if (one_char) continue;
      std::uint32_t end = m.end_token;
      while (end < s.tokens.size() && end - m.first_token < 7 && name_word(end) && linked(end - 1)) ++end;
      if (end > m.end_token && !known_org(m.first_token, end)) add(m.first_token, end, m.end_token, end);
    }
    for (std::uint32_t t = 0; t + 1 < s.tokens.size(); ++t) {
      const std::string_view w = s.tokens[t].span.of(doc);
      if (w.size() < 2 || !std::all_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) continue;
      if (!s.gap_before(doc, t + 1).empty()) continue;
      std::uint32_t end = t + 1;
      while (end < s.tokens.size() && script_of(s.tokens[end].span.of(doc)) == Script::kKatakana &&
             (end == t + 1 || linked(end - 1)) && lexicon.org_word(lang, s.tokens[end].folded) != nullptr) {
        ++end;
      }
      if (end > t + 1 && !known_org(t, end) && !is_actor[t]) add(t, end, t, end);
    }
  }

  // A name spelled out before its acronym is an organization, places in it
  // included: "Erneuerbare Energien Schleswig-Holstein (EE.SH)", "Business
  // Region Esbjerg (BRE)". The acronym's letters are the initials of the
  // capitalised words before it (hyphenated parts count as words).
  for (std::uint32_t e = 1; e < s.tokens.size(); ++e) {
    const std::size_t after = s.tokens[e - 1].span.end;
    // " (" read from doc's bytes: this runs for every token.
    if (after + 2 > doc.size() || doc[after] != ' ' || doc[after + 1] != '(') continue;
    const std::string_view rest = doc.substr(after, std::min<std::size_t>(16, doc.size() - after));
    const std::size_t close = rest.find(')');
    if (close == std::string_view::npos) continue;
    std::string letters;
    bool acronym = true;
    for (char c : rest.substr(2, close - 2)) {
      if (c >= 'A' && c <= 'Z') letters += c;
      else if (c != '.' && c != '-' && c != '&' && !(c >= '0' && c <= '9')) acronym = false;
    }
    if (!acronym || letters.size() < 2) continue;
    // Back from the acronym over capitalised words joined by a space or a
    // hyphen, as many initials as the acronym has letters. Short lower-case
    // words between them are the name's links and give no letter ("Korea
    // Institute of Energy Research (KIER)", "Centro de Energias Renováveis e
    // Manutenção Industrial (CERMI)"), in any language: the initials must
    // still spell the acronym, and the name must open with a capital.
    std::uint32_t first = e;
    std::string initials;
    auto is_link = [&](std::string_view w) {
      return w.size() <= 4 && std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    };
    while (first > 0 && initials.size() < letters.size()) {
      const std::string_view w = s.tokens[first - 1].span.of(doc);
      if (first < e) {
        const auto gap = doc.substr(s.tokens[first - 1].span.end, s.tokens[first].span.begin - s.tokens[first - 1].span.end);
        if (gap != " " && gap != "-") break;
      }
      if (first < e && s.tokens[first - 1].is_word && is_link(w) && first >= 2) {
        --first;
        continue;
      }
      if (!s.tokens[first - 1].is_word || !starts_upper(w) || !(w[0] >= 'A' && w[0] <= 'Z')) break;
      initials.insert(initials.begin(), w[0]);
      --first;
    }
    if (first < e && is_link(s.tokens[first].span.of(doc))) continue;
    if (initials != letters || e - first < 2) continue;
    const bool known = std::any_of(s.actors.begin(), s.actors.end(), [&](const ActorMention& a) {
      return a.first_token < e && first < a.end_token &&
             (lexicon.gazetteer().actors()[a.actor].kind == "organization" || a.first_token < first || a.end_token > e);
    });
    // A shorter name found inside it (cut at a link word of another
    // language: "Centro de Energias Renováveis") gives way to the whole.
    const bool overlaps = std::any_of(s.unknown_orgs.begin(), s.unknown_orgs.end(), [&](const UnknownOrg& o) {
      return o.first_token < e && first < o.end_token && (o.first_token < first || o.end_token > e);
    });
    // A place with its code ("Schleswig-Holstein (SH)") is the place.
    std::uint32_t placed = 0;
    for (std::uint32_t k = first; k < e; ++k) placed += is_actor[k] ? 1 : 0;
    if (known || overlaps || placed == e - first) continue;
    for (ActorMention& a : s.actors) {
      if (a.first_token >= first && a.end_token <= e) a.aside = true;
    }
    for (std::uint32_t k = first; k < e; ++k) is_actor[k] = true;
    std::erase_if(s.unknown_orgs, [&](const UnknownOrg& o) { return o.first_token >= first && o.end_token <= e; });
    s.unknown_orgs.push_back({first, e, std::string(s.text_of(doc, first, e))});
  }

  // Names introduced by a description: "the Japanese steel fabricator
  // Kitaura Marine Works", "den koreanske hydrogenalliansen H2Korea". After a
  // demonym or place, up to three lower-case words (not a role: "the
  // Norwegian prime minister Erna Solberg" is a person), then a capitalised
  // run of two or more words, or one word with a capital or digit inside.
  const std::span<std::uint8_t> lexical = token_flags(), conj_or_role = token_flags();
  // Words the lexicon reads only as sector words ("Maritime", "Hydrogen"):
  // inside a capitalised run they are part of a name ("GCE Blue Maritime").
  const std::span<std::uint8_t> other_than_sector = token_flags(), act_word = token_flags();
  for (const Mention& m : s.mentions) {
    if (!m.entry) continue;
    bool stop = m.entry->category == Category::kRole || m.entry->category == Category::kConjunction ||
                m.entry->category == Category::kSpeech || m.entry->category == Category::kPersonTitle;
    // A verb of the act ("gehören ... an", "ovat jäseniä") between a place
    // and an organization makes them subject and object, not attribute and
    // the thing it describes.
    const bool act_verb = m.entry->category == Category::kStage || m.entry->category == Category::kAgreeVerb;
    for (auto k = m.first_token; k < m.end_token && k < s.tokens.size(); ++k) {
      lexical[k] = true;
      if (stop) conj_or_role[k] = true;
      if (act_verb) act_word[k] = true;
      if (m.entry->category != Category::kSector) other_than_sector[k] = true;
    }
  }
  const bool capital_nouns = text::language_table().has(lang, text::LanguageUse::kCapitalNouns);
  // The text around the sentence that name_evidence reads (a press release
  // whole; bounded, so that a long document is not read once per name).
  const std::size_t near_from = span.begin > 30000 ? span.begin - 30000 : 0;
  const std::string_view near = doc.substr(near_from, std::min<std::size_t>(doc.size() - near_from, span.end - near_from + 30000));
  auto gap_is_space = [&](std::uint32_t k) { return s.gap_before(doc, k + 1) == " "; };  // between tokens k and k+1
  auto org_named_at = [&](std::uint32_t k) {
    for (const ActorMention& o : s.actors) {
      if (o.first_token == k && lexicon.gazetteer().actors()[o.actor].kind == "organization") return true;
    }
    for (const UnknownOrg& o : s.unknown_orgs) {
      if (o.first_token == k) return true;
    }
    return false;
  };
  for (ActorMention& a : s.actors) {
    if (lexicon.gazetteer().actors()[a.actor].kind == "organization") continue;
    // "Bremer Unternehmen", "det japanske handelshuset": a demonym
    // describing an (unnamed) organization is not a state party.
    // Where adjectives follow their noun, the noun stands before it: "la
    // grappe québécoise", "la empresa chilena". (A legal form is no noun:
    // "el gobierno noruego se comprometió", "SE" being one.)
    // (A ministry described so is its state's: "dem chilenischen
    // Bergbauministerium" is Chile.)
    bool org_noun = std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& m) {
      return m.entry && m.entry->category == Category::kOrgHead && m.entry->label != "link" && m.entry->label != "legal" &&
             !m.entry->label.starts_with("ministry") &&
             ((m.first_token >= a.end_token && m.first_token <= a.end_token + 1) ||
              (m.end_token <= a.first_token && m.end_token + 1 >= a.first_token));
    });
    if (a.form == AliasForm::kDemonym && org_noun) a.attribute = true;
    std::uint32_t k = a.end_token, skipped = 0;
    bool blocked = false;
    // Descriptive words are lower case, or an organization noun ("das
    // japanische Unternehmen Kaiun ...": German capitalises nouns).
    auto descriptive = [&](std::uint32_t t) {
      if (!starts_upper(s.tokens[t].span.of(doc))) return true;
      return std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& m) {
        return m.entry && m.entry->category == Category::kOrgHead && m.entry->label == "noun" &&
               m.first_token <= t && t < m.end_token;
      });
    };
    bool noun_skipped = false;  // an organization noun among the words skipped
    while (k < s.tokens.size() && skipped < 3 && descriptive(k)) {
      if (conj_or_role[k] || act_word[k] || !gap_is_space(k - 1)) { blocked = true; break; }
      noun_skipped = noun_skipped || starts_upper(s.tokens[k].span.of(doc));
      ++k;
      ++skipped;
    }
    if (blocked || k >= s.tokens.size() || !gap_is_space(k - 1) || conj_or_role[k]) continue;
    if (org_named_at(k)) {
      a.attribute = true;
      continue;
    }
    // Where adjectives follow their noun, the name follows the demonym
    // directly: "el grupo japonés Kaiyo Sangyo", "l'azienda giapponese ...".
    // (Over up to two lower-case adjectives between: "la società elettrica
    // tunisina Steg".)
    bool noun_before = a.form == AliasForm::kDemonym && std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& m) {
      if (!m.entry || m.entry->category != Category::kOrgHead || m.entry->label == "link" || m.entry->label == "legal" ||
          m.end_token > a.first_token || m.end_token + 2 < a.first_token) {
        return false;
      }
      for (std::uint32_t t = m.end_token; t < a.first_token; ++t) {
        if (starts_upper(s.tokens[t].span.of(doc)) || is_actor[t] || lexical[t] || !gap_is_space(t - 1)) return false;
      }
      return true;
    });
    // Names start with a capital letter and hold no lexicon word ("die
    // Landesregierung Kooperationen" is German capitalisation, not a name).
    auto name_word = [&](std::uint32_t t) {
      std::string_view w = s.tokens[t].span.of(doc);
      return !is_actor[t] && !lexical[t] && starts_upper(w) && !(w[0] >= '0' && w[0] <= '9');
    };
    // A demonym right before a name ("det belgiske Elia", "la tunisina
    // STEG", "the Chilean Codelco") names an organization of that country
    // when the name's first word is one by its spelling (name_evidence).
    // (Not after a title: "il primo ministro indiano Narendra Modi" is a person.)
    const bool after_role = std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& m) {
      return m.entry && (m.entry->category == Category::kRole || m.entry->category == Category::kPersonTitle) &&
             m.end_token <= a.first_token && m.end_token + 1 >= a.first_token;
    });
    // (A country's name in lower case is its adjective: "la noruega Fjordgass".)
    const bool adjective = a.form == AliasForm::kDemonym ||
                           (a.end_token == a.first_token + 1 && !starts_upper(s.tokens[a.first_token].span.of(doc)));
    const bool demonym_names = skipped == 0 && !noun_before && !after_role && adjective && a.is_party() &&
                               k < s.tokens.size() && name_word(k) && [&] {
                                 const NameEvidence e = name_evidence(s.tokens[k].span.of(doc), s.tokens[k].folded, near, capital_nouns);
                                 // A word inside known names ("Embassy") is a common word, unless its spelling says name ("MINERA").
                                 return e == NameEvidence::kStrong ||
                                        (e == NameEvidence::kWeak && !lexicon.gazetteer().inner_name_word(s.tokens[k].folded));
                               }();
    if ((skipped == 0 && !noun_before && !demonym_names) || is_actor[k]) continue;
    std::uint32_t end = k;
    while (end < s.tokens.size() && end - k < 4 && name_word(end) && (end == k || gap_is_space(end - 1))) ++end;
    if (end == k) continue;
    std::string_view first = s.tokens[k].span.of(doc);
    bool marked = std::any_of(first.begin() + 1, first.end(), [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); });
    // A run of plain capitalised words right after the demonym is as likely
    // a person ("le Norvégien Jonas Berg"): one word, or capitals inside.
    const bool direct = skipped == 0 && !noun_before;
    if (direct && !marked &&
        (end - k >= 2 || (end < s.tokens.size() && gap_is_space(end - 1) && starts_upper(s.tokens[end].span.of(doc))))) {
      continue;
    }
    // Where every noun has a capital, lower-case words alone describe
    // nothing: "Deutschland wird auch in Zukunft Energie importieren" has no
    // name after "in"; "der Hamburger Energieimporteur Nordhafen Energie" has
    // its noun.
    if (capital_nouns && skipped > 0 && !noun_skipped && !noun_before && !marked) continue;
    if (end - k >= 2 || (end - k == 1 && (marked || demonym_names || (noun_before && skipped == 0)))) {
      s.unknown_orgs.push_back({k, end, std::string(s.text_of(doc, k, end))});
      a.attribute = true;
    }
  }
  // "la naviera vizcaína Naviera Cantábrica": an organization's common noun,
  // up to two lower-case words (an adjective no table knows), then a run of
  // two or more capitalised words names an organization. (Before the rule
  // below, which would read the capitalised noun "Naviera" as the head of
  // "Cantábrica".)
  for (const Mention& m : s.mentions) {
    if (!m.entry || m.entry->category != Category::kOrgHead || m.entry->label != "noun") continue;
    std::uint32_t k = m.end_token, skipped = 0;
    // (Adjectives, not an article or a preposition: "partners across the
    // North Sea" names no partner.)
    while (k < s.tokens.size() && skipped < 2 && !starts_upper(s.tokens[k].span.of(doc)) && !is_actor[k] &&
           !conj_or_role[k] && !s.one_word_of(Category::kDeterminer, k) && gap_is_space(k - 1)) {
      ++k;
      ++skipped;
    }
    if (skipped == 0 || k >= s.tokens.size() || !gap_is_space(k - 1) || is_actor[k] || org_named_at(k)) continue;
    std::uint32_t end = k;
    while (end < s.tokens.size() && end - k < 4 && !is_actor[end] && !conj_or_role[end] &&
           starts_upper(s.tokens[end].span.of(doc)) && (end == k || gap_is_space(end - 1))) {
      ++end;
    }
    // A place closing the name is part of it: "l'agence de développement
    // AD Normandie" (a name of capitals before it).
    ActorMention* closing = nullptr;
    if (end > k && end < s.tokens.size() && gap_is_space(end - 1) && is_actor[end]) {
      const std::string_view w = s.tokens[k].span.of(doc);
      const bool capitals = w.size() >= 2 && std::all_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
      for (ActorMention& a : s.actors) {
        if (capitals && a.first_token == end && a.form == AliasForm::kName && lexicon.gazetteer().actors()[a.actor].kind != "organization") {
          closing = &a;
        }
      }
      if (closing != nullptr) end = closing->end_token;
    }
    const bool inside_known = std::any_of(s.unknown_orgs.begin(), s.unknown_orgs.end(), [&](const UnknownOrg& o) {
      return o.first_token < end && k < o.end_token;
    });
    if (end - k >= 2 && !inside_known) {
      if (closing != nullptr) closing->aside = true;
      s.unknown_orgs.push_back({k, end, std::string(s.text_of(doc, k, end))});
    }
  }
  // A name right after a noun for an organization ("die Innovationsagentur
  // Bayern Innovativ", "das Elektromobilitätscluster Propulsion Québec",
  // "die Hafengesellschaft Namport"): the organization, though a place is
  // part of its name. A run of actors alone ("dem Partner Norwegen") stays
  // those actors.
  for (const Mention& m : s.mentions) {
    if (!m.entry || m.entry->category != Category::kOrgHead || m.entry->label != "noun") continue;
    const std::uint32_t k = m.end_token;
    if (k >= s.tokens.size() || k == 0 || !gap_is_space(k - 1)) continue;
    std::uint32_t end = k;
    bool plain = false;
    // (Parts joined by a hyphen are one name: "die Bergbaugesellschaft Tau-Ken Samruk".)
    while (end < s.tokens.size() && end - k < 4 && starts_upper(s.tokens[end].span.of(doc)) && !conj_or_role[end] &&
           (!lexical[end] || is_actor[end] || (end > k && !other_than_sector[end])) &&
           (end == k || gap_is_space(end - 1) || s.gap_before(doc, end) == "-")) {
      plain = plain || !is_actor[end];
      ++end;
    }
    if (!plain) continue;
    // Organizations the gazetteer or the rules above already name.
    bool taken = std::any_of(s.unknown_orgs.begin(), s.unknown_orgs.end(), [&](const UnknownOrg& o) {
      return o.first_token < end && k < o.end_token;
    }) || std::any_of(s.actors.begin(), s.actors.end(), [&](const ActorMention& a) {
      return a.first_token < end && k < a.end_token && lexicon.gazetteer().actors()[a.actor].kind == "organization";
    });
    if (taken) continue;
    s.unknown_orgs.push_back({k, end, std::string(s.text_of(doc, k, end))});
    for (ActorMention& a : s.actors) {
      if (a.first_token >= k && a.end_token <= end) a.attribute = true;
    }
  }
  // A list of parties: "Terna e la tunisina STEG", "Energinet har sammen
  // med det belgiske Elia", "Statnett, Fingrid og Energinet" (or the act's
  // subject, its partner after "with"). A single
  // capitalised word no table knows, a name by its spelling (name_evidence),
  // joined to an organization by "and" (or by a comma of the list, not at
  // the sentence's start: "However, Equinor"), over articles and demonyms,
  // is an organization too. One word alone: "Lars Aagaard og Equinor" is a
  // person. Before the conjunction one word may stand ("X har sammen med Y").
  {
    auto in_org = [&](std::uint32_t t) {
      return std::any_of(s.unknown_orgs.begin(), s.unknown_orgs.end(),
                         [&](const UnknownOrg& o) { return o.first_token <= t && t < o.end_token; });
    };
    auto org_span_at = [&](std::uint32_t t, bool starts) {  // an organization beginning (or ending) at t
      for (const UnknownOrg& o : s.unknown_orgs) {
        if (starts ? o.first_token == t : o.end_token == t) return true;
      }
      return std::any_of(s.actors.begin(), s.actors.end(), [&](const ActorMention& a) {
        return a.form == AliasForm::kName && (starts ? a.first_token == t : a.end_token == t) &&
               lexicon.gazetteer().actors()[a.actor].kind == "organization";
      });
    };
    auto category_at = [&](std::uint32_t t, Category c, std::string_view label) -> const Mention* {
      for (const Mention& m : s.mentions) {
        if (m.entry && m.entry->category == c && m.first_token == t && (label.empty() || m.entry->label == label)) return &m;
      }
      return nullptr;
    };
    auto demonym_at = [&](std::uint32_t t) -> std::uint32_t {  // end of a demonym starting at t, or 0
      for (const ActorMention& a : s.actors) {
        // (A country's name in lower case is its adjective: "la noruega".)
        if (a.first_token == t && (a.form == AliasForm::kDemonym || !starts_upper(s.tokens[t].span.of(doc)))) return a.end_token;
      }
      return 0;
    };
    // From token t over articles and demonyms: where the next name begins.
    auto skip_describers = [&](std::uint32_t t) {
      for (bool moved = true; moved && t < s.tokens.size();) {
        moved = false;
        if (const Mention* d = category_at(t, Category::kDeterminer, ""); d != nullptr) {
          t = d->end_token;
          moved = true;
        } else if (std::uint32_t e = demonym_at(t); e > t) {
          t = e;
          moved = true;
        }
      }
      return t;
    };
    auto comma_after = [&](std::uint32_t k) {  // between tokens k and k+1
      const auto g = doc.substr(s.tokens[k].span.end, s.tokens[k + 1].span.begin - s.tokens[k].span.end);
      return g == ", ";
    };
    // The name after the list word that follows token end-1 begins at the
    // returned token, or 0 when none does.
    auto next_member = [&](std::uint32_t end, bool allow_word_before) -> std::uint32_t {
      if (end >= s.tokens.size() || end == 0) return 0;
      if (comma_after(end - 1)) return skip_describers(end);
      std::uint32_t t = end;
      if (allow_word_before && !category_at(t, Category::kConjunction, "and") && t + 1 < s.tokens.size() &&
          s.tokens[t].is_word && !starts_upper(s.tokens[t].span.of(doc)) && !lexical[t]) {
        ++t;
      }
      const Mention* c = category_at(t, Category::kConjunction, "and");
      if (c == nullptr) return 0;
      return skip_describers(c->end_token);
    };
    // The word's shape (cheap); its evidence, which reads the whole text, last.
    auto candidate = [&](std::uint32_t t) {
      if (t >= s.tokens.size() || !s.tokens[t].is_word || is_actor[t] || lexical[t] || in_org(t)) return false;
      const std::string_view w = s.tokens[t].span.of(doc);
      if (!starts_upper(w) || (w[0] >= '0' && w[0] <= '9')) return false;
      // One word: not with capitalised neighbours ("Lars Aagaard", "Múte B.
      // Egede", "the Royal Norwegian Embassy", "Birgitta Bergvall-Kåreborn").
      if (t > 0 && s.tokens[t - 1].is_word && starts_upper(s.tokens[t - 1].span.of(doc)) && !lexical[t - 1] &&
          doc.substr(s.tokens[t - 1].span.end, s.tokens[t].span.begin - s.tokens[t - 1].span.end)
                  .find_first_not_of(". -") == std::string_view::npos) {
        return false;
      }
      if (t + 1 < s.tokens.size() && gap_is_space(t) && starts_upper(s.tokens[t + 1].span.of(doc))) return false;
      return !lexicon.gazetteer().inner_name_word(s.tokens[t].folded) ||
             name_evidence(w, s.tokens[t].folded, near, capital_nouns) == NameEvidence::kStrong;
    };
    auto evidence = [&](std::uint32_t t) {
      return name_evidence(s.tokens[t].span.of(doc), s.tokens[t].folded, near, capital_nouns) != NameEvidence::kNone;
    };
    for (bool grew = true; grew;) {
      grew = false;
      std::vector<std::uint32_t> org_ends;
      for (const UnknownOrg& o : s.unknown_orgs) org_ends.push_back(o.end_token);
      for (const ActorMention& a : s.actors) {
        if (a.form == AliasForm::kName && lexicon.gazetteer().actors()[a.actor].kind == "organization") org_ends.push_back(a.end_token);
      }
      if (org_ends.empty()) break;
      for (std::uint32_t t = 0; t < s.tokens.size(); ++t) {
        if (!candidate(t)) continue;
        // Before an organization: "Terna e la tunisina STEG".
        std::uint32_t next = next_member(t + 1, true);
        bool joined = next > t && org_span_at(next, true) && (t > 0 || !comma_after(t));
        // After one: "Statnett og Fingrid".
        for (std::uint32_t e : org_ends) {
          if (joined) break;
          if (e <= t && next_member(e, false) == t) joined = true;
        }
        // The subject of the act's verb, its partner named after "with": "Kystnett
        // signed a memorandum with the Belgian Valoria", "Kystnett har indgået en
        // aftale med ...".
        if (!joined) {
          std::uint32_t v = t + 1;
          if (v + 1 < s.tokens.size() && s.tokens[v].is_word && !starts_upper(s.tokens[v].span.of(doc)) && !lexical[v]) ++v;
          const bool verb = v < s.tokens.size() && (category_at(v, Category::kStage, "") != nullptr ||
                                                    category_at(v, Category::kAgreeVerb, "") != nullptr);
          for (const Mention& c : s.mentions) {
            if (!verb || joined) break;
            if (c.entry && c.entry->category == Category::kConjunction && c.entry->label == "and" && c.first_token > v &&
                org_span_at(skip_describers(c.end_token), true)) {
              joined = true;
            }
          }
        }
        if (!joined || !evidence(t)) continue;
        s.unknown_orgs.push_back({t, t + 1, std::string(without_elision(s.tokens[t].span.of(doc)))});
        is_actor[t] = true;
        grew = true;
      }
    }
  }
  // "a member of the Propulsion Québec electric and smart transportation
  // cluster": a capitalised name of two words or more after an article,
  // then up to four lower-case words and an organization noun (org_head
  // noun) that describe it, is an organization; a place in it is part of
  // its name.
  for (const Mention& m : s.mentions) {
    if (!m.entry || m.entry->category != Category::kOrgHead || m.entry->label != "noun" ||
        starts_upper(s.tokens[m.first_token].span.of(doc))) {
      continue;
    }
    std::uint32_t k = m.first_token, described = 0;
    while (k > 0 && described < 4 && gap_is_space(k - 1) && s.tokens[k - 1].is_word &&
           !starts_upper(s.tokens[k - 1].span.of(doc)) && !is_actor[k - 1] &&
           !(conj_or_role[k - 1] && !s.one_word_of(Category::kConjunction, k - 1))) {
      --k;
      ++described;
    }
    const std::uint32_t name_end = k;
    while (k > 0 && gap_is_space(k - 1) && s.tokens[k - 1].is_word && starts_upper(s.tokens[k - 1].span.of(doc))) --k;
    if (k < name_end && s.one_word_of(Category::kDeterminer, k)) ++k;  // "The" opening the sentence
    const bool article = k > 0 && k < name_end && gap_is_space(k - 1) && s.one_word_of(Category::kDeterminer, k - 1);
    if (!article || name_end - k < 2 || is_actor[k] || lexical[k]) continue;
    const bool taken = std::any_of(s.unknown_orgs.begin(), s.unknown_orgs.end(), [&](const UnknownOrg& o) {
      return o.first_token < name_end && k < o.end_token;
    }) || std::any_of(s.actors.begin(), s.actors.end(), [&](const ActorMention& a) {
      return a.first_token < name_end && k < a.end_token &&
             (lexicon.gazetteer().actors()[a.actor].kind == "organization" || a.first_token < k || a.end_token > name_end);
    });
    if (taken) continue;
    for (ActorMention& a : s.actors) {
      if (a.first_token >= k && a.end_token <= name_end) a.aside = true;
    }
    for (std::uint32_t t = k; t < name_end; ++t) is_actor[t] = true;
    s.unknown_orgs.push_back({k, name_end, std::string(s.text_of(doc, k, name_end))});
  }
  // Another state's ministry written in lower case, named by its fields
  // (org_word "+" rows) after its head (org_head label ministry) and a link
  // word, the state in the genitive before it, a demonym after the head or
  // a link and the state after the fields: "Vietnams ministerium for
  // industri og handel", "le ministère vietnamien de l'Industrie et du
  // Commerce", "il ministero dell'Industria e del Commercio del Vietnam".
  // It is "Ministry of Industry and Trade of Vietnam"; with no state named,
  // no name is read (a state's own ministries are gazetteer rows).
  {
    auto bare = [&](std::uint32_t t) {  // the folded word without an elided article ("dell'industria": industria)
      std::string_view w = s.tokens[t].folded;
      for (std::string_view apostrophe : {std::string_view("'"), std::string_view("\u2019")}) {
        const std::size_t at = w.find(apostrophe);
        if (at != std::string_view::npos && at + apostrophe.size() < w.size()) return w.substr(at + apostrophe.size());
      }
      return w;
    };
    auto elided = [&](std::uint32_t t) { return bare(t).size() != s.tokens[t].folded.size(); };
    auto field = [&](std::uint32_t t) -> const std::string* {
      const std::string_view w = bare(t);
      const std::string* e = lexicon.org_word(lang, w);
      // (A compound's part with its linking "s": "nærings- og ...".)
      if (e == nullptr && w.size() > 3 && w.back() == 's' && t + 1 < s.tokens.size() && s.gap_before(doc, t + 1).starts_with("-")) {
        e = lexicon.org_word(lang, w.substr(0, w.size() - 1));
      }
      return e != nullptr && e->starts_with('+') && *e != "+and" && *e != "+of" ? e : nullptr;
    };
    auto word_is = [&](std::uint32_t t, std::string_view english) {  // "of": a link word of org_word or org_head
      const std::string* e = lexicon.org_word(lang, s.tokens[t].folded);
      if (e != nullptr && (*e == english || (english == "of" && *e == "+of"))) return true;
      return english == "of" && link_at(t);
    };
    auto country_at = [&](std::uint32_t t, AliasForm form) -> const ActorMention* {
      for (const ActorMention& a : s.actors) {
        if (a.first_token == t && a.form == form && lexicon.gazetteer().actors()[a.actor].kind == "country") return &a;
      }
      return nullptr;
    };
    for (const Mention& m : s.mentions) {
      if (!m.entry || m.entry->category != Category::kOrgHead || !m.entry->label.starts_with("ministry")) continue;
      const bool taken = std::any_of(s.unknown_orgs.begin(), s.unknown_orgs.end(), [&](const UnknownOrg& o) {
        return o.first_token < m.end_token && m.first_token < o.end_token;
      });
      if (taken) continue;
      std::vector<const std::string*> fields;
      std::uint32_t name_first = m.first_token;
      // A compound, its head a label "ministry:HEAD" ("industri- og
      // handelsdepartement"): the field written onto the head (with a
      // linking "s"), those before it over "- og" and "-, ".
      if (const std::size_t colon = m.entry->label.find(':'); colon != std::string::npos) {
        const std::string_view head = std::string_view(m.entry->label).substr(colon + 1);
        const std::string_view w = s.tokens[m.first_token].folded;
        if (m.end_token != m.first_token + 1 || w.size() <= head.size() || !w.ends_with(head)) continue;
        std::string_view onto = w.substr(0, w.size() - head.size());
        const std::string* last = nullptr;
        if (const std::string* e = lexicon.org_word(lang, onto); e != nullptr && e->starts_with('+')) last = e;
        if (last == nullptr && onto.ends_with('s')) {
          if (const std::string* e = lexicon.org_word(lang, onto.substr(0, onto.size() - 1)); e != nullptr && e->starts_with('+')) last = e;
        }
        if (last == nullptr || *last == "+and" || *last == "+of") continue;
        std::uint32_t t = m.first_token;
        if (t >= 2 && word_is(t - 1, "+and") && s.gap_before(doc, t - 1) == "- " && field(t - 2) != nullptr) {
          t -= 2;
          while (t >= 1 && s.gap_before(doc, t) == "-, " && field(t - 1) != nullptr) --t;
          for (std::uint32_t f = t; f + 1 < m.first_token; ++f) {
            if (field(f) != nullptr) fields.push_back(field(f));
          }
        }
        fields.push_back(last);
        name_first = t;
      }
      std::int64_t state = -1;
      std::uint32_t k = m.end_token;
      for (const Mention& g : s.mentions) {
        if (g.alias && g.alias->genitive && g.end_token == name_first && gap_is_space(g.end_token - 1) &&
            lexicon.gazetteer().actors()[g.alias->actor].kind == "country") {
          state = g.alias->actor;
          name_first = g.first_token;
        }
      }
      // A demonym before it where adjectives stand before their noun ("dem
      // chilenischen Bergbauministerium", "het Chileense ministerie van
      // Energie"): the ministry is named, but it is its state that acts.
      bool described = false;
      for (const ActorMention& d : s.actors) {
        if (state < 0 && d.end_token == name_first && d.form == AliasForm::kDemonym && gap_is_space(d.end_token - 1) &&
            lexicon.gazetteer().actors()[d.actor].kind == "country") {
          state = d.actor;
          name_first = d.first_token;
          described = true;
        }
      }
      if (const ActorMention* d = country_at(k, AliasForm::kDemonym); state < 0 && d != nullptr) {
        state = d->actor;
        k = d->end_token;
      }
      // The fields: a link word and a field, then more after a comma or
      // "and" (a link word again allowed: "et du Commerce"); an elided
      // link is written onto its field ("dell'Industria").
      const bool compound = !fields.empty();
      auto one_field = [&](std::uint32_t& at) {
        if (at < s.tokens.size() && field(at) != nullptr && (elided(at) || !fields.empty())) {
          fields.push_back(field(at));
          ++at;
          return true;
        }
        if (at + 1 < s.tokens.size() && word_is(at, "of") && gap_is_space(at) && field(at + 1) != nullptr) {
          fields.push_back(field(at + 1));
          at += 2;
          return true;
        }
        return false;
      };
      if (!compound && !one_field(k)) continue;
      while (!compound && k < s.tokens.size()) {
        std::uint32_t at = k;
        const std::string_view gap = s.gap_before(doc, at);
        if (gap == ", ") {
          if (!one_field(at)) break;
        } else if (gap == " " && word_is(at, "+and") && at + 1 < s.tokens.size()) {
          ++at;
          if (!one_field(at)) break;
        } else {
          break;
        }
        k = at;
      }
      std::uint32_t end = k;
      if (state < 0 && k + 1 < s.tokens.size() && gap_is_space(k - 1) && word_is(k, "of") && gap_is_space(k)) {
        if (const ActorMention* c = country_at(k + 1, AliasForm::kName); c != nullptr) {
          state = c->actor;
          end = c->end_token;
        }
      }
      if (state < 0) continue;
      std::string english = "Ministry of ";
      for (std::size_t f = 0; f < fields.size(); ++f) {
        if (f > 0) english += f + 1 == fields.size() ? " and " : ", ";
        english += std::string_view(*fields[f]).substr(1);
      }
      english += " of " + lexicon.gazetteer().actors()[static_cast<std::size_t>(state)].name;
      for (ActorMention& a : s.actors) {
        if (a.first_token >= name_first && a.end_token <= end) a.aside = true;
      }
      for (std::uint32_t t = name_first; t < end; ++t) is_actor[t] = true;
      s.unknown_orgs.push_back({name_first, end, english, "en"});
      s.unknown_orgs.back().seat = state;
      s.unknown_orgs.back().state_acts = described;
    }
  }
  // "the ports of Antwerp and Gothenburg", "havnene i Frederikshavn og
  // Göteborg", "dem Hafen Stavanger": a noun for a body every city may have
  // (org_head label "place:NAME", NAME its English head: "place:Port of")
  // before cities, one or a list of them, names each city's body ("Port of
  // Gothenburg"), not the city. After a location preposition ("i havnen i
  // Esbjerg", "in the port of Antwerp") it says where.
  for (const Mention& m : s.mentions) {
    if (!m.entry || m.entry->category != Category::kOrgHead || !m.entry->label.starts_with("place:")) continue;
    std::uint32_t before = m.first_token;
    for (const Mention& d : s.mentions) {
      if (d.entry && d.entry->category == Category::kDeterminer && d.end_token == m.first_token) before = d.first_token;
    }
    if (location_prep_end[before] != 0 || location_prep_end[m.first_token] != 0) continue;
    // Named as a party: first in the sentence, after "and", "with" or
    // "between", or after a comma that does not follow an organization
    // ("duisport, de haven van Duisburg" is the same body again; "en
    // samarbeidsavtale for havnene i ..." is about the ports).
    if (before > 0) {
      const bool conj = std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& c) {
        return c.entry && c.entry->category == Category::kConjunction && c.end_token == before;
      });
      const std::string_view gap = doc.substr(s.tokens[before - 1].span.end, s.tokens[before].span.begin - s.tokens[before - 1].span.end);
      // (A colon opens a clause as a comma does: "tra i due territori: le autorità portuali di ...".)
      const bool comma = gap == ", " || gap == ": ";
      const bool after_org = std::any_of(s.unknown_orgs.begin(), s.unknown_orgs.end(), [&](const UnknownOrg& o) {
        return o.end_token == before;
      }) || std::any_of(s.actors.begin(), s.actors.end(), [&](const ActorMention& o) {
        return o.end_token == before && lexicon.gazetteer().actors()[o.actor].kind == "organization";
      });
      if (!conj && !(comma && !after_org)) continue;
    }
    const std::string head = m.entry->label.substr(6);
    // (The first place right after the noun: "Häfen, Hochschulen und
    // Verwaltung" names no port.)
    if (m.end_token >= s.tokens.size() || s.gap_before(doc, m.end_token) != " ") continue;
    for (std::uint32_t k = m.end_token; k < s.tokens.size();) {
      ActorMention* city = nullptr;
      for (ActorMention& a : s.actors) {
        if (a.first_token == k && a.form == AliasForm::kName && lexicon.gazetteer().actors()[a.actor].kind == "city") city = &a;
      }
      // The body itself, by a name of its own the gazetteer knows ("the
      // ports of Antwerp-Bruges and Gothenburg": Port of Antwerp-Bruges).
      const ActorMention* body = nullptr;
      for (const ActorMention& a : s.actors) {
        if (a.first_token == k && a.form == AliasForm::kName && lexicon.gazetteer().actors()[a.actor].name.starts_with(head + " ")) {
          body = &a;
        }
      }
      // A place no table knows: one capitalised word ("havnene i Frederikshavn").
      const bool unknown_place = city == nullptr && body == nullptr && s.tokens[k].is_word && !is_actor[k] && !lexical[k] &&
                                 starts_upper(s.tokens[k].span.of(doc));
      if (city == nullptr && body == nullptr && !unknown_place) break;
      const std::uint32_t first = k;
      std::string name = head + " ";
      if (body != nullptr) {
        k = body->end_token;
      } else if (city != nullptr) {
        city->aside = true;
        name += lexicon.gazetteer().actors()[city->actor].name;
        k = city->end_token;
      } else {
        name += s.tokens[k].span.of(doc);
        k = k + 1;
      }
      // One body of places joined by a hyphen: "Antwerp-Bruges".
      while (k < s.tokens.size() && doc.substr(s.tokens[k - 1].span.end, 1) == "-" &&
             s.tokens[k].span.begin == s.tokens[k - 1].span.end + 1 && starts_upper(s.tokens[k].span.of(doc))) {
        std::uint32_t next = k + 1;
        std::string part(s.tokens[k].span.of(doc));
        for (ActorMention& a : s.actors) {
          if (a.first_token == k && a.form == AliasForm::kName) {
            a.aside = true;
            part = lexicon.gazetteer().actors()[a.actor].name;
            next = a.end_token;
          }
        }
        name += "-" + part;
        k = next;
      }
      if (body == nullptr) s.unknown_orgs.push_back({first, k, name});
      if (k >= s.tokens.size()) break;
      if (doc.substr(s.tokens[k - 1].span.end, s.tokens[k].span.begin - s.tokens[k - 1].span.end) == ", ") continue;
      const auto conj = std::find_if(s.mentions.begin(), s.mentions.end(), [&](const Mention& c) {
        return c.entry && c.entry->category == Category::kConjunction && c.entry->label == "and" && c.first_token == k;
      });
      if (conj == s.mentions.end()) break;
      k = conj->end_token;
      // The link word again after "and": "di Bari e di Patrasso".
      if (k + 1 < s.tokens.size() && m.end_token - m.first_token >= 2 && s.tokens[k].folded == s.tokens[m.end_token - 1].folded) ++k;
    }
  }
  // A city's body named by a head and the city (tokens [first, end)): an
  // organization the gazetteer knows by that English name is that actor
  // ("Port of Koper": Luka Koper), else an organization of that name.
  auto city_body = [&](std::uint32_t first, std::uint32_t end, const std::string& name) {
    for (std::uint32_t k = first; k < end; ++k) is_actor[k] = true;
    const auto written = lexicon.gazetteer().aliases_written(name);
    const auto known = std::find_if(written.begin(), written.end(), [&](const Alias* al) {
      return al->form == AliasForm::kName && lexicon.gazetteer().actors()[al->actor].kind == "organization";
    });
    if (known != written.end()) {
      ActorMention body;
      body.first_token = first;
      body.end_token = end;
      body.actor = (*known)->actor;
      s.actors.push_back(body);
    } else {
      s.unknown_orgs.push_back({first, end, name});
    }
  };
  // "il porto croato di Fiume", "el puerto chileno de Antofagasta": a
  // demonym between the words of a head its place follows (org_word.tsv
  // "Port of": "porto di") names the body of the city after them ("Port of
  // Rijeka"), not the city; after a location preposition it says where.
  // ("Luka Koper, la società che gestisce il porto sloveno di Capodistria":
  // the gazetteer knows "Port of Koper" as Luka Koper, one party.)
  for (std::size_t d = 0; d < s.actors.size(); ++d) {
    const ActorMention demonym = s.actors[d];
    if (demonym.form != AliasForm::kDemonym || demonym.first_token == 0 || demonym.end_token + 1 >= s.tokens.size()) continue;
    const std::uint32_t noun = demonym.first_token - 1;
    const std::string* head = lexicon.org_word(lang, s.tokens[noun].folded + " " + s.tokens[demonym.end_token].folded);
    if (head == nullptr || !head->ends_with(" of") || location_prep_end[noun] != 0) continue;
    if (noun > 0 && location_prep_end[noun - 1] != 0 && s.one_word_of(Category::kDeterminer, noun - 1)) continue;
    for (std::size_t c = 0; c < s.actors.size(); ++c) {
      ActorMention& city = s.actors[c];
      if (city.first_token != demonym.end_token + 1 || city.form != AliasForm::kName ||
          lexicon.gazetteer().actors()[city.actor].kind != "city") {
        continue;
      }
      city.aside = true;
      s.actors[d].aside = true;
      city_body(noun, city.end_token, *head + " " + lexicon.gazetteer().actors()[city.actor].name);
      break;
    }
  }
  // "the Brest harbour authority": a noun for a body every city may have
  // after a city (org_head label "after:NAME", NAME its English head) names
  // that city's body ("Port of Brest"), not the city; after a location
  // preposition ("at the Brest port authority") it says where.
  for (const Mention& m : s.mentions) {
    if (!m.entry || m.entry->category != Category::kOrgHead || !m.entry->label.starts_with("after:")) continue;
    // (Not the end of a name: "Ulsan Port Authority".)
    if (std::any_of(s.unknown_orgs.begin(), s.unknown_orgs.end(),
                    [&](const UnknownOrg& o) { return o.first_token < m.end_token && m.first_token < o.end_token; })) {
      continue;
    }
    for (std::size_t c = 0; c < s.actors.size(); ++c) {
      ActorMention& city = s.actors[c];
      if (city.end_token != m.first_token || city.form != AliasForm::kName ||
          lexicon.gazetteer().actors()[city.actor].kind != "city") {
        continue;
      }
      std::uint32_t before = city.first_token;
      if (before > 0 && s.one_word_of(Category::kDeterminer, before - 1)) --before;
      if (location_prep_end[before] != 0 || location_prep_end[city.first_token] != 0) break;
      city.aside = true;
      city_body(city.first_token, m.end_token, m.entry->label.substr(6) + " " + lexicon.gazetteer().actors()[city.actor].name);
      break;
    }
  }
  // "Urząd Marszałkowski" (the marshal's office) is the page's own region
  // speaking of itself (self_ref), no organization of its own.
  std::erase_if(s.unknown_orgs, [&](const UnknownOrg& o) {
    return std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& m) {
      return m.entry && m.entry->category == Category::kSelfRef && m.entry->label == "self" && m.first_token == o.first_token &&
             m.end_token == o.end_token;
    });
  });
  // "Universidade Técnica Bergakademie Freiberg": a known organization's
  // name after its head in the text's words (org_word.tsv "universidade
  // técnica": Technical University of) is that organization, not a longer
  // unknown one.
  std::erase_if(s.unknown_orgs, [&](const UnknownOrg& o) {
    for (ActorMention& a : s.actors) {
      if (a.form != AliasForm::kName || a.first_token <= o.first_token || a.end_token != o.end_token ||
          lexicon.gazetteer().actors()[a.actor].kind != "organization") {
        continue;
      }
      std::string head;
      for (std::uint32_t k = o.first_token; k < a.first_token; ++k) head += (k > o.first_token ? " " : "") + s.tokens[k].folded;
      const std::string* english = lexicon.org_word(lang, head);
      if (english == nullptr || *english == "of" || english->starts_with('+')) continue;
      a.first_token = o.first_token;
      a.aside = a.name_end = false;
      return true;
    }
    return false;
  });
  std::sort(s.unknown_orgs.begin(), s.unknown_orgs.end(),
            [](const UnknownOrg& x, const UnknownOrg& y) { return x.first_token < y.first_token; });
  mark_places_before_organizations(lexicon.gazetteer(), doc, s);
  // "la Tohoku University di Sendai": a city linked to an organization
  // named just before it is its seat, not a party; so is a place after one
  // over a location preposition ("Hochschule Bremerhaven i Nord-Tyskland").
  for (ActorMention& a : s.actors) {
    if (a.first_token < 2) continue;
    const Label& kind = lexicon.gazetteer().actors()[a.actor].kind;
    const bool linked = link_at(a.first_token - 1) && kind == "city";
    // (Over a part written before the name with a hyphen: "Nord-Tyskland".)
    const std::uint32_t place = a.first_token >= 3 && s.gap_before(doc, a.first_token) == "-" ? a.first_token - 1 : a.first_token;
    const bool located = location_prep_end[place] == 1 && a.form == AliasForm::kName &&
                         (kind == "city" || kind == "region" || kind == "country") &&
                         std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& p) {
                           return p.entry && p.entry->category == Category::kLocationPrep && p.first_token + 1 == place &&
                                  p.end_token == place;
                         });
    if (!linked && !located) continue;
    const std::uint32_t org_end = linked ? a.first_token - 1 : place - 1;
    bool org = std::any_of(s.unknown_orgs.begin(), s.unknown_orgs.end(), [&](const UnknownOrg& o) { return o.end_token == org_end; }) ||
               std::any_of(s.actors.begin(), s.actors.end(), [&](const ActorMention& o) {
                 return o.end_token == org_end && lexicon.gazetteer().actors()[o.actor].kind == "organization";
               });
    if (org) a.aside = true;
  }
  // "der Hokuriku Food Cluster der japanischen Präfektur Toyama", "the
  // cluster of the Norwegian county Vestland": a city or region after an
  // organization, over a genitive article and a demonym (no conjunction, no
  // comma), is where it is, not a party.
  for (ActorMention& a : s.actors) {
    const Label& kind = lexicon.gazetteer().actors()[a.actor].kind;
    if (a.form != AliasForm::kName || (kind != "city" && kind != "region") || a.first_token < 2) continue;
    std::uint32_t k = a.first_token;
    bool article = false;
    for (;;) {
      const std::uint32_t before = k;
      for (const ActorMention& d : s.actors) {
        if (d.form == AliasForm::kDemonym && d.end_token == k && d.first_token < k) k = d.first_token;
      }
      for (const Mention& m : s.mentions) {
        if (m.entry && m.end_token == k && m.first_token < k &&
            (m.entry->category == Category::kDeterminer || (m.entry->category == Category::kOrgHead && m.entry->label == "link"))) {
          k = m.first_token;
          article = true;
        }
      }
      if (k == before || k == 0) break;
    }
    if (!article || k == a.first_token) continue;
    const bool org = std::any_of(s.unknown_orgs.begin(), s.unknown_orgs.end(), [&](const UnknownOrg& o) { return o.end_token == k; }) ||
                     std::any_of(s.actors.begin(), s.actors.end(), [&](const ActorMention& o) {
                       return o.end_token == k && o.form == AliasForm::kName &&
                              lexicon.gazetteer().actors()[o.actor].kind == "organization";
                     });
    if (org) a.aside = true;
  }

  // "Northern Lights, lagringsprosjektet som eies av Equinor, Shell og
  // TotalEnergies, inngikk ...": the organizations listed after an owner
  // phrase (location_prep label owner: "eies av", "owned by") own a body,
  // they are no sides of its act.
  for (const Mention& m : s.mentions) {
    if (!m.entry || m.entry->category != Category::kLocationPrep || m.entry->label != "owner") continue;
    std::uint32_t k = m.end_token;
    while (k < s.tokens.size()) {
      ActorMention* owner = nullptr;
      for (ActorMention& a : s.actors) {
        if (a.first_token == k && lexicon.gazetteer().actors()[a.actor].kind == "organization") owner = &a;
      }
      if (owner == nullptr) break;
      owner->attribute = true;
      k = owner->end_token;
      if (k >= s.tokens.size()) break;
      if (s.gap_before(doc, k) == ", ") continue;
      if (s.gap_before(doc, k) == " " && s.one_word_of(Category::kConjunction, k) && k + 1 < s.tokens.size()) {
        ++k;
        continue;
      }
      break;
    }
  }

  // "the business development agency of Schleswig-Holstein, WTSH,": an
  // organization in apposition to a description of a body of a place is
  // that body, the side; the place says where it is.
  for (ActorMention& o : s.actors) {
    if (o.form != AliasForm::kName || lexicon.gazetteer().actors()[o.actor].kind != "organization" || o.first_token < 3 ||
        s.gap_before(doc, o.first_token) != ", " || o.end_token >= s.tokens.size() || s.gap_before(doc, o.end_token) != ", ") {
      continue;
    }
    for (ActorMention& p : s.actors) {
      if (p.end_token != o.first_token || !p.is_party() || lexicon.gazetteer().actors()[p.actor].kind == "organization" ||
          p.first_token < 2 || !link_at(p.first_token - 1)) {
        continue;
      }
      const bool described = std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& m) {
        return m.entry && m.entry->category == Category::kOrgHead && m.entry->label != "link" && m.entry->label != "legal" &&
               m.end_token == p.first_token - 1;
      });
      if (!described) continue;
      o.aside = false;
      p.attribute = true;
    }
  }
  // "Chile's Ministry of Energy", "Chiles Energiministerium": a state's
  // ministry the gazetteer knows by a name another state's ministry has
  // too, in the genitive of a state it does not belong to, is that state's
  // (the gazetteer's "Ministry of Energy" is Norway's): a ministry seated
  // there, named in English with it.
  for (ActorMention& a : s.actors) {
    const auto& actors = lexicon.gazetteer().actors();
    const Actor& body = actors[a.actor];
    if (a.form != AliasForm::kName || body.kind != "organization" || body.parent.empty() || a.first_token == 0) continue;
    if (lexicon.gazetteer().government_of(a.actor) < 0) continue;  // a ministry
    for (ActorMention& c : s.actors) {
      if (c.end_token != a.first_token || c.form != AliasForm::kName || actors[c.actor].kind != "country" ||
          actors[c.actor].country == body.country || !gap_is_space(c.end_token - 1)) {
        continue;
      }
      const std::string_view written = s.text_of(doc, c.first_token, c.end_token);
      const bool genitive = written.ends_with("'s") || written.ends_with("\u2019s") ||
                            std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& g) {
                              return g.alias && g.alias->genitive && g.first_token == c.first_token && g.end_token == c.end_token;
                            });
      if (!genitive) continue;
      a.aside = a.name_end = true;
      c.aside = true;
      s.unknown_orgs.push_back({c.first_token, a.end_token, body.name + " of " + actors[c.actor].name, "en"});
      s.unknown_orgs.back().seat = c.actor;
      break;
    }
  }
  std::sort(s.unknown_orgs.begin(), s.unknown_orgs.end(),
            [](const UnknownOrg& x, const UnknownOrg& y) { return x.first_token < y.first_token; });

  // Quotation: the sentence opens with a dash or a quotation mark.
  std::string_view t = span.of(doc);
  static constexpr std::string_view kOpeners[] = {"–", "—", "-", "„", "“", "\"", "«", "»", "「", "”"};
  for (auto o : kOpeners) {
    if (t.substr(0, o.size()) == o) s.quote = true;
  }
  // '"...," said Dr X, chief executive of the Y Council': in a quotation's
  // sentence, the organization a speaker's role is of is the speaker's
  // affiliation, no side.
  if (s.quote && s.has(Category::kSpeech)) {
    for (const Mention& r : s.mentions) {
      if (!r.entry || r.entry->category != Category::kRole) continue;
      std::uint32_t k = r.end_token;
      if (k + 1 >= s.tokens.size() || !link_at(k) || !gap_is_space(k - 1) || !gap_is_space(k)) continue;
      ++k;
      if (k + 1 < s.tokens.size() && s.one_word_of(Category::kDeterminer, k) && gap_is_space(k)) ++k;
      // (Its name may open with words the rules left out: "the Coastal
      // Hydrogen Council".)
      std::uint32_t to = k;
      while (to < s.tokens.size() && to < k + 3 && gap_is_space(to - 1) && starts_upper(s.tokens[to].span.of(doc))) ++to;
      for (ActorMention& a : s.actors) {
        if (a.first_token >= k && a.first_token <= to && lexicon.gazetteer().actors()[a.actor].kind == "organization") a.attribute = true;
      }
      for (UnknownOrg& o : s.unknown_orgs) {
        if (o.first_token >= k && o.first_token <= to) o.affiliation = true;
      }
    }
  }
  // "Paris et Hanoï, liés par un partenariat": a city that is also a
  // capital, joined by "and" to another capital standing for its state,
  // stands for its own state as well.
  for (ActorMention& a : s.actors) {
    if (a.form != AliasForm::kName || a.venue || lexicon.gazetteer().actors()[a.actor].kind != "city") continue;
    // (The matcher keeps one reading of a surface: the state is found by
    // the city's country, whose capital the city's name is.)
    const Actor& city = lexicon.gazetteer().actors()[a.actor];
    const std::int64_t state = city.country.empty() ? -1 : lexicon.gazetteer().find(city.country);
    if (state < 0) continue;
    auto only_and = [&](std::uint32_t from, std::uint32_t to) {
      if (from >= to) return false;
      for (std::uint32_t k = from; k < to; ++k) {
        if (!s.one_word_of(Category::kConjunction, k)) return false;
      }
      return true;
    };
    const bool joined = std::any_of(s.actors.begin(), s.actors.end(), [&](const ActorMention& b) {
      return &b != &a && b.form == AliasForm::kCapital && !b.venue && b.actor != static_cast<std::uint32_t>(state) &&
             (only_and(a.end_token, b.first_token) || only_and(b.end_token, a.first_token));
    });
    if (!joined) continue;
    const auto written = lexicon.gazetteer().aliases_written(city.name);
    const bool is_capital = std::any_of(written.begin(), written.end(), [&](const Alias* al) {
      return al->form == AliasForm::kCapital && al->actor == static_cast<std::uint32_t>(state);
    });
    if (!is_capital) continue;
    a.actor = static_cast<std::uint32_t>(state);
    a.form = AliasForm::kCapital;
  }
  return s;
}

}  // namespace pactum::extract
