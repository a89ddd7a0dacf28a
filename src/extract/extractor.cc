// The rule-based extractor: layout (title, dateline, chrome), then events per
// sentence, then merging of the events that state the same act, then people.
// Every rule reads the lexicon; no rule names a word of any language.
#include "extract/extractor.h"

#include <algorithm>
#include <map>
#include <set>

#include "common/utf8.h"
#include "extract/analysis.h"
#include "extract/gazetteer.h"
#include "extract/layout.h"
#include "extract/lexicon.h"
#include "extract/people.h"
#include "text/language.h"
#include "text/segment.h"

namespace pactum::extract {

namespace {

// How strong each stage reading is when two mentions of one act disagree:
// a signature outranks an announcement of it.
int stage_rank(const std::string& s) {
  static const std::map<std::string, int> kRank = {
      {"signed", 6}, {"renewed", 5}, {"extended", 5}, {"negotiating", 4}, {"planned", 3},
      {"ongoing", 2}, {"announced", 1}, {"expired", 1}};
  auto it = kRank.find(s);
  return it == kRank.end() ? 0 : it->second;
}

// Formal instruments outrank the generic ones when mentions of an act merge.
int instrument_rank(const std::string& s) {
  if (s.empty()) return 0;
  if (s == "other") return 1;
  if (s == "platform" || s == "negotiations") return 2;
  if (s == "cooperation_agreement" || s == "strategic_partnership") return 3;
  return 4;
}

struct Candidate {
  Event event;
  std::vector<std::string> party_keys;  // sorted actor keys: what "same parties" means
  std::string unresolved_date;          // relative date that could not be resolved
  std::size_t sentence = 0;
  bool in_lead = false;                 // title or first paragraph
  bool dated_in_text = false;
};

class RuleExtractor final : public Extractor {
 public:
  RuleExtractor(Gazetteer gazetteer) : gazetteer_(std::move(gazetteer)) {}
  Status init(const std::filesystem::path& data_dir) {
    auto lex = Lexicon::load(data_dir, gazetteer_);
    if (!lex.is_ok()) return lex.status();
    lexicon_ = std::move(lex).value();
    return Status::ok();
  }

  Result<Extraction> extract(const ingest::Document& doc, const ExtractOptions& options) const override;

 private:
  std::vector<Candidate> sentence_events(const std::string& text, const std::vector<SentenceView>& views,
                                         std::size_t index, const std::vector<std::uint32_t>& main_actors,
                                         const std::vector<Party>& previous_parties,
                                         const PartialDate& published) const;
  Party party_of(std::uint32_t actor, const SentenceView& s, const ActorMention& m) const;

  Gazetteer gazetteer_;
  std::unique_ptr<Lexicon> lexicon_;  // points into gazetteer_: constant after init
};

Party RuleExtractor::party_of(std::uint32_t actor, const SentenceView& s, const ActorMention& m) const {
  const Actor& a = gazetteer_.actors()[actor];
  Party p{a.name, a.kind, a.country, a.subdivision, {}};
  if (m.end_token > m.first_token && m.end_token <= s.tokens.size()) {
    p.span = {s.tokens[m.first_token].span.begin, s.tokens[m.end_token - 1].span.end};
  }
  return p;
}

std::string party_key(const Party& p) {
  if (!p.subdivision.empty()) return p.subdivision;
  if ((p.kind == "country" || p.kind == "supranational") && !p.country.empty()) return p.country;
  return "name:" + p.name;
}

std::vector<Candidate> RuleExtractor::sentence_events(
    const std::string& text, const std::vector<SentenceView>& views, std::size_t index,
    const std::vector<std::uint32_t>& main_actors, const std::vector<Party>& previous_parties,
    const PartialDate& published) const {
  const SentenceView& s = views[index];
  std::vector<Candidate> out;
  auto instruments = s.of(Category::kInstrument);
  auto stages = s.of(Category::kStage);
  bool agree = s.has(Category::kAgreeVerb);
  bool cooperation = s.has(Category::kCooperation);
  bool hedge = s.has(Category::kHedge);
  if (instruments.empty() && !(cooperation && (agree || !stages.empty()))) return out;
  if (hedge) return out;

  // Parties: names first; demonyms only when no name stands right after them
  // (in "den japanske bransjeorganisasjonen for hydrogen, JH2A" the org is
  // the party, in "norske og amerikanske myndigheter" the countries are).
  std::vector<Party> parties;
  std::set<std::string> seen;
  auto add = [&](const Party& p) {
    if (seen.insert(party_key(p)).second) parties.push_back(p);
  };
  int names = 0;
  for (const ActorMention& a : s.actors) {
    if (a.venue || a.form != AliasForm::kName) continue;
    ++names;
    add(party_of(a.actor, s, a));
  }
  if (names < 2) {
    for (const ActorMention& a : s.actors) {
      if (a.venue || a.form != AliasForm::kDemonym) continue;
      add(party_of(a.actor, s, a));
    }
  }
  bool group_ref = s.has(Category::kGroupRef);
  double confidence = instruments.empty() ? 0.45 : 0.6;
  if (parties.size() < 2 && (group_ref || parties.empty()) && previous_parties.size() >= 2) {
    for (const Party& p : previous_parties) add(p);
    confidence -= 0.1;
  }
  if (parties.size() < 2 && !main_actors.empty()) {
    for (std::uint32_t a : main_actors) {
      if (parties.size() >= 2) break;
      const Actor& act = gazetteer_.actors()[a];
      add(Party{act.name, act.kind, act.country, act.subdivision, {}});
    }
    confidence -= 0.15;
  }
  if (parties.size() < 2) return out;
  if (s.quote) confidence -= 0.1;

  // The instrument: the most specific one named.
  std::string instrument = "other";
  for (const Mention* m : instruments) {
    if (instrument_rank(m->entry->label) > instrument_rank(instrument)) instrument = m->entry->label;
  }
  if (!instruments.empty()) confidence += 0.1;

  // Dates that can date an act (not goals).
  std::vector<const DateMention*> dates;
  for (const DateMention& d : s.dates) {
    if (!d.target) dates.push_back(&d);
  }

  auto make = [&](const std::string& stage, const DateMention* d) {
    Candidate c;
    c.event.parties = parties;
    c.event.instrument = instrument;
    c.event.stage = stage;
    if (d) {
      c.event.date = d->date.to_string();
      c.unresolved_date = d->unresolved;
      c.dated_in_text = !d->date.empty();
    }
    c.event.evidence = std::string(s.span.of(text));
    c.event.evidence_span = s.span;
    c.event.confidence = std::clamp(confidence + (stage == "signed" ? 0.1 : 0.0), 0.05, 0.99);
    c.sentence = index;
    for (const Party& p : parties) c.party_keys.push_back(party_key(p));
    std::sort(c.party_keys.begin(), c.party_keys.end());
    return c;
  };
  auto default_stage = [&](const DateMention* d) -> std::string {
    if (instrument == "negotiations") return "negotiating";
    if (d && d->since) return instrument_rank(instrument) >= 3 ? "signed" : "ongoing";
    return agree ? "announced" : "announced";
  };

  // A history: several dated acts in one sentence ("signed in 2014, extended
  // in 2017, to be renewed in 2021"). Each stage mention takes the nearest
  // date; each date makes one event.
  if (dates.size() >= 2 && stages.size() >= 2) {
    auto centre = [](std::uint32_t a, std::uint32_t b) { return static_cast<int>(a + b); };
    for (const DateMention* d : dates) {
      const Mention* best = nullptr;
      int best_dist = 1 << 30;
      for (const Mention* m : stages) {
        int dist = std::abs(centre(m->first_token, m->end_token) - centre(d->first_token, d->end_token));
        if (dist < best_dist) { best_dist = dist; best = m; }
      }
      out.push_back(make(best ? best->entry->label : default_stage(d), d));
    }
    return out;
  }

  // One act: its stage is the strongest stage named; its date the first
  // date that is not a goal.
  std::string stage;
  for (const Mention* m : stages) {
    if (stage_rank(m->entry->label) > stage_rank(stage)) stage = m->entry->label;
  }
  const DateMention* date = dates.empty() ? nullptr : dates.front();
  if (stage.empty()) stage = default_stage(date);
  if (instrument == "negotiations" && stage_rank(stage) < stage_rank("negotiating")) stage = "negotiating";
  if (date && date->since && stage == "announced") stage = "ongoing";
  out.push_back(make(stage, date));
  (void)published;
  return out;
}

bool dates_compatible(const Candidate& a, const Candidate& b) {
  if (!a.event.date.empty() && !b.event.date.empty()) {
    // "2023" and "2023-12-08" can be the same act, "2014" and "2017" not.
    const auto& x = a.event.date.size() < b.event.date.size() ? a.event.date : b.event.date;
    const auto& y = a.event.date.size() < b.event.date.size() ? b.event.date : a.event.date;
    return y.compare(0, x.size(), x) == 0;
  }
  if (!a.unresolved_date.empty() && !b.unresolved_date.empty()) return a.unresolved_date == b.unresolved_date;
  // A dated mention and an undated one: the same act unless the undated one
  // carries a relative date of its own.
  if (!a.event.date.empty() && !b.unresolved_date.empty()) return false;
  if (!b.event.date.empty() && !a.unresolved_date.empty()) return false;
  return true;
}

void merge_into(Candidate& a, const Candidate& b) {
  if (instrument_rank(b.event.instrument) > instrument_rank(a.event.instrument)) a.event.instrument = b.event.instrument;
  if (stage_rank(b.event.stage) > stage_rank(a.event.stage)) a.event.stage = b.event.stage;
  if (b.event.date.size() > a.event.date.size()) a.event.date = b.event.date;
  if (a.unresolved_date.empty()) a.unresolved_date = b.unresolved_date;
  a.dated_in_text = a.dated_in_text || b.dated_in_text;
  a.in_lead = a.in_lead || b.in_lead;
  for (const auto& sct : b.event.sectors) {
    if (std::find(a.event.sectors.begin(), a.event.sectors.end(), sct) == a.event.sectors.end()) {
      a.event.sectors.push_back(sct);
    }
  }
  for (const auto& sg : b.event.signatories) {
    bool dup = std::any_of(a.event.signatories.begin(), a.event.signatories.end(),
                           [&](const Signatory& x) { return x.name == sg.name; });
    if (!dup) a.event.signatories.push_back(sg);
  }
  // The shortest sentence that states the act is the best evidence.
  if (b.event.evidence.size() < a.event.evidence.size() && b.event.evidence.size() > 40) {
    a.event.evidence = b.event.evidence;
    a.event.evidence_span = b.event.evidence_span;
  }
  a.event.confidence = std::min(0.99, std::max(a.event.confidence, b.event.confidence) + 0.05);
}

Result<Extraction> RuleExtractor::extract(const ingest::Document& doc, const ExtractOptions& options) const {
  Extraction x;
  const std::string& text = doc.text;
  x.source = doc.url.empty() ? doc.source : doc.url;
  auto slash = doc.source.find_last_of('/');
  x.doc = slash == std::string::npos ? doc.source : doc.source.substr(slash + 1);
  if (!is_valid_utf8(text)) return Status::invalid_argument(doc.source + ": text is not valid UTF-8");

  x.language = text::identify_language(text).code;
  const std::string lang = x.language.empty() ? "en" : x.language;

  Layout layout = analyze_layout(*lexicon_, lang, text, doc);
  x.title = layout.title;
  x.published = layout.published.to_string();

  std::vector<SentenceView> views;
  views.reserve(layout.sentences.size());
  for (const LayoutSentence& ls : layout.sentences) {
    SentenceView v = analyze_sentence(*lexicon_, lang, text, ls.span, layout.published);
    v.paragraph = ls.paragraph;
    v.own_line = ls.own_line;
    views.push_back(std::move(v));
  }

  // The document's main actors: named in the title and lead, in order of
  // appearance. They stand in for the parties a sentence leaves implicit.
  std::vector<std::uint32_t> main_actors;
  for (std::size_t i = 0; i < views.size() && i < layout.lead_sentences; ++i) {
    for (const ActorMention& a : views[i].actors) {
      if (a.venue || a.form != AliasForm::kName) continue;
      if (std::find(main_actors.begin(), main_actors.end(), a.actor) == main_actors.end()) {
        main_actors.push_back(a.actor);
      }
    }
  }

  std::vector<Person> people = find_people(*lexicon_, text, views, layout);

  std::vector<Candidate> candidates;
  std::vector<Party> previous;
  for (std::size_t i = 0; i < views.size(); ++i) {
    for (Candidate& c : sentence_events(text, views, i, main_actors, previous, layout.published)) {
      c.in_lead = i < layout.lead_sentences;
      // Sectors: those named in the evidence sentence.
      for (const Mention* m : views[i].of(Category::kSector)) {
        if (std::find(c.event.sectors.begin(), c.event.sectors.end(), m->entry->label) == c.event.sectors.end()) {
          c.event.sectors.push_back(m->entry->label);
        }
      }
      c.event.signatories = signatories_in(people, views[i].span.of(text), c.event.stage);
      previous = c.event.parties;
      candidates.push_back(std::move(c));
    }
  }

  // Merge the mentions of one act: same parties, compatible dates.
  std::vector<Candidate> merged;
  for (Candidate& c : candidates) {
    auto it = std::find_if(merged.begin(), merged.end(), [&](const Candidate& m) {
      return m.party_keys == c.party_keys && dates_compatible(m, c);
    });
    if (it == merged.end()) merged.push_back(std::move(c));
    else merge_into(*it, c);
  }

  for (Candidate& c : merged) {
    // An undated act reported in the lead happened on the day of publication.
    if (c.event.date.empty() && c.unresolved_date.empty() && c.in_lead && layout.published.day &&
        (c.event.stage == "signed" || c.event.stage == "renewed" || c.event.stage == "extended")) {
      c.event.date = layout.published.to_string();
    }
    if (c.event.confidence < options.min_confidence) continue;
    x.events.push_back(std::move(c.event));
  }

  x.people = std::move(people);
  std::set<std::string> orgs;
  for (const SentenceView& v : views) {
    for (const ActorMention& a : v.actors) {
      const Actor& act = gazetteer_.actors()[a.actor];
      if (a.form == AliasForm::kName && act.kind == "organization" && orgs.insert(act.name).second) {
        x.organizations.push_back(act.name);
      }
    }
  }
  return x;
}

}  // namespace

Result<std::unique_ptr<Extractor>> Extractor::create(const std::filesystem::path& data_dir) {
  auto gaz = Gazetteer::load(data_dir);
  if (!gaz.is_ok()) return gaz.status();
  auto ex = std::make_unique<RuleExtractor>(std::move(gaz).value());
  PACTUM_RETURN_IF_ERROR(ex->init(data_dir));
  return std::unique_ptr<Extractor>(std::move(ex));
}

}  // namespace pactum::extract
