// Building a SentenceView; see analysis.h.
#include "extract/analysis.h"

#include <algorithm>

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

std::string_view SentenceView::text_of(std::string_view doc, std::uint32_t first, std::uint32_t end) const {
  if (first >= end || end > tokens.size()) return {};
  auto b = tokens[first].span.begin, e = tokens[end - 1].span.end;
  return doc.substr(b, e - b);
}

SentenceView analyze_sentence(const Lexicon& lexicon, std::string_view lang, std::string_view doc,
                              text::Span span, const PartialDate& published) {
  SentenceView s;
  s.span = span;
  std::string_view sentence = span.of(doc);
  s.tokens = text::tokenize(sentence, lang);
  for (text::Token& t : s.tokens) {
    t.span.begin += span.begin;
    t.span.end += span.begin;
  }
  s.mentions = lexicon.find(lang, doc, s.tokens);
  // Within a category, a phrase inside a longer one is not a reading of its
  // own: "erneuert werden soll" is planned, not also renewed.
  std::vector<Mention> outer;
  for (const Mention& m : s.mentions) {
    bool inner = m.entry && std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& o) {
      return o.entry && o.entry->category == m.entry->category && o.first_token <= m.first_token &&
             m.end_token <= o.end_token && (o.end_token - o.first_token) > (m.end_token - m.first_token);
    });
    if (!inner) outer.push_back(m);
  }
  s.mentions = std::move(outer);
  s.dates = find_dates(doc, s.tokens, s.mentions, published);

  // Actors: one reading per span, the longest ("Norsk Hydrogenforum" over
  // "Norsk"); a name beats a demonym or capital on the same span.
  std::vector<PhraseMatch> actor_matches;
  std::vector<const Mention*> by_index;
  for (const Mention& m : s.mentions) {
    if (!m.alias) continue;
    actor_matches.push_back({m.first_token, m.end_token, static_cast<std::uint32_t>(by_index.size())});
    by_index.push_back(&m);
  }
  auto kept = PhraseMatcher::longest_only(actor_matches);
  std::vector<bool> location_prep_end(s.tokens.size() + 1, false);
  for (const Mention& m : s.mentions) {
    if (m.entry && m.entry->category == Category::kLocationPrep) location_prep_end[m.end_token] = true;
  }
  std::uint32_t last_first = UINT32_MAX, last_end = 0;
  for (const PhraseMatch& pm : kept) {
    const Mention* m = by_index[pm.payload];
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
    // "in Brussels", "im französischen Dijon": a venue. Look back over one
    // demonym ("im belgischen Ostende").
    if (location_prep_end[a.first_token]) a.venue = true;
    if (!s.actors.empty() && s.actors.back().end_token == a.first_token &&
        s.actors.back().form == AliasForm::kDemonym && s.actors.back().venue) {
      a.venue = true;
    }
    s.actors.push_back(a);
    last_first = m->first_token;
    last_end = m->end_token;
  }
  // Quotation: the sentence opens with a dash or a quotation mark.
  std::string_view t = sentence;
  static constexpr std::string_view kOpeners[] = {"–", "—", "-", "„", "“", "\"", "«", "»", "「", "”"};
  for (auto o : kOpeners) {
    if (t.substr(0, o.size()) == o) s.quote = true;
  }
  return s;
}

}  // namespace pactum::extract
