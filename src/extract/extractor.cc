// The rule-based extractor: layout (title, dateline, chrome), then events per
// sentence, then merging of the events that state the same act, then people.
// Every rule reads the lexicon; no rule names a word of any language.
#include "extract/extractor.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <map>
#include <optional>
#include <set>

#include "common/utf8.h"
#include "extract/analysis.h"
#include "extract/dates.h"
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
  if (s == "memorandum_of_understanding") return 5;  // "Absichtserklärung (sogenanntes MoU)"
  return 4;
}

struct Candidate {
  Event event;
  std::vector<std::string> party_keys;  // sorted actor keys: what "same parties" means
  std::string unresolved_date;          // relative date that could not be resolved
  std::size_t sentence = 0;
  bool in_lead = false;                 // title or first paragraph
  bool dated_in_text = false;
  bool dated_by_publication = false;    // undated lead act given the publication day
};

std::string party_key(const Party& p) {
  if (!p.subdivision.empty()) return p.subdivision;
  if ((p.kind == "country" || p.kind == "supranational") && !p.country.empty()) return p.country;
  return "name:" + p.name;
}

// True when word occurs in name delimited by non-letters ("EU" in
// "EU-Japan Centre", not in "EUROPA").
bool contains_word(const std::string& name, const std::string& word) {
  if (word.empty()) return false;
  for (auto pos = name.find(word); pos != std::string::npos; pos = name.find(word, pos + 1)) {
    auto letter = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; };
    bool left = pos == 0 || !letter(name[pos - 1]);
    bool right = pos + word.size() == name.size() || !letter(name[pos + word.size()]);
    if (left && right) return true;
  }
  return false;
}

// The parties of one event, each once, with the gazetteer actor behind each
// (-1 for an organization the gazetteer does not know).
class PartySet {
 public:
  explicit PartySet(const Gazetteer& g) : gazetteer_(&g) {}
  void add(std::int64_t actor, Party p) {
    // A ministry acts for its government: "経済産業省は…署名した" is
    // Japan's act. (Agencies, whose parent is a ministry, stay themselves.)
    if (actor >= 0) {
      const Actor& act = gazetteer_->actors()[static_cast<std::size_t>(actor)];
      std::int64_t up = act.kind == "organization" && !act.parent.empty() ? gazetteer_->find(act.parent) : -1;
      if (up >= 0 && gazetteer_->actors()[static_cast<std::size_t>(up)].kind != "organization") {
        const Actor& gov = gazetteer_->actors()[static_cast<std::size_t>(up)];
        actor = up;
        p = Party{gov.name, gov.kind, gov.country, gov.subdivision, p.span};
      }
    }
    std::string key = party_key(p);
    for (const auto& [a, q] : items_) {
      if (party_key(q) == key) return;
    }
    items_.emplace_back(actor, p);
  }
  // A party carried over from another event: its actor is found by key.
  void add_party(const Party& p) {
    std::string key = party_key(p);
    add(key.rfind("name:", 0) == 0 ? -1 : gazetteer_->find(key), p);
  }
  // A ministry and its government are one party: the government. An actor
  // whose ancestor is also a party is dropped.
  void prune_parts() {
    std::vector<std::pair<std::int64_t, Party>> kept;
    for (const auto& item : items_) {
      bool part = false;
      for (std::int64_t up = parent(item.first), hops = 0; up >= 0 && hops < 6; up = parent(up), ++hops) {
        for (const auto& other : items_) {
          if (other.first == up) part = true;
        }
      }
      if (!part) kept.push_back(item);
    }
    items_ = std::move(kept);
  }
  // A joint body of two parties ("EU-Japan Centre for Industrial
  // Cooperation" beside the EU and Japan) is not a third party.
  void prune_joint_bodies() {
    std::vector<std::pair<std::int64_t, Party>> kept;
    for (const auto& item : items_) {
      int named = 0;
      if (item.second.kind == "organization") {
        for (const auto& other : items_) {
          if (&other == &item || (other.second.kind != "country" && other.second.kind != "supranational")) continue;
          if (contains_word(item.second.name, other.second.name) || contains_word(item.second.name, other.second.country)) ++named;
        }
      }
      if (named < 2) kept.push_back(item);
    }
    items_ = std::move(kept);
  }
  std::size_t size() const { return items_.size(); }
  std::vector<Party> parties() const {
    std::vector<Party> out;
    for (const auto& [a, p] : items_) out.push_back(p);
    return out;
  }

 private:
  std::int64_t parent(std::int64_t actor) const {
    if (actor < 0) return -1;
    const std::string& key = gazetteer_->actors()[static_cast<std::size_t>(actor)].parent;
    return key.empty() ? -1 : gazetteer_->find(key);
  }
  const Gazetteer* gazetteer_;  // not owned
  std::vector<std::pair<std::int64_t, Party>> items_;
};

// An actor the title and lead name: it stands in for parties a sentence
// leaves implicit. actor is -1 for an organization the gazetteer lacks.
struct MainActor {
  std::int64_t actor = -1;
  Party party;
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
                                         std::size_t index, const std::vector<MainActor>& main_actors,
                                         const std::vector<Party>& previous_parties,
                                         const PartialDate& published) const;
  Party party_of(std::uint32_t actor, const SentenceView& s, const ActorMention& m) const;

  Gazetteer gazetteer_;
  std::unique_ptr<Lexicon> lexicon_;  // points into gazetteer_: constant after init
  bool debug_ = std::getenv("PACTUM_DEBUG_EXTRACT") != nullptr;  // candidates to stderr
};

Party RuleExtractor::party_of(std::uint32_t actor, const SentenceView& s, const ActorMention& m) const {
  const Actor& a = gazetteer_.actors()[actor];
  Party p{a.name, a.kind, a.country, a.subdivision, {}};
  if (m.end_token > m.first_token && m.end_token <= s.tokens.size()) {
    p.span = {s.tokens[m.first_token].span.begin, s.tokens[m.end_token - 1].span.end};
  }
  return p;
}

std::vector<Candidate> RuleExtractor::sentence_events(
    const std::string& text, const std::vector<SentenceView>& views, std::size_t index,
    const std::vector<MainActor>& main_actors, const std::vector<Party>& previous_parties,
    const PartialDate& published) const {
  (void)published;
  const SentenceView& s = views[index];
  std::vector<Candidate> out;
  auto instruments = s.of(Category::kInstrument);
  auto stages = s.of(Category::kStage);
  bool agree = s.has(Category::kAgreeVerb);
  bool cooperation = s.has(Category::kCooperation);
  if (instruments.empty() && !(cooperation && (agree || !stages.empty()))) return out;
  if (s.has(Category::kHedge)) return out;

  // Parties: names first; demonyms only when fewer than two names stand in
  // the sentence ("norske og amerikanske myndigheter" are the countries, but
  // in "den japanske bransjeorganisasjonen ..., JH2A" the org is the party).
  PartySet parties(gazetteer_);
  int names = 0;
  std::vector<std::uint32_t> org_starts;  // where named organizations begin
  for (const ActorMention& a : s.actors) {
    if (!a.is_party() || a.form != AliasForm::kName) continue;
    ++names;
    parties.add(a.actor, party_of(a.actor, s, a));
    if (gazetteer_.actors()[a.actor].kind == "organization") org_starts.push_back(a.first_token);
  }
  for (const UnknownOrg& o : s.unknown_orgs) {
    ++names;
    parties.add(-1, Party{o.name, "organization", "", "",
                          {s.tokens[o.first_token].span.begin, s.tokens[o.end_token - 1].span.end}});
    org_starts.push_back(o.first_token);
  }
  // "the document's own government" ("die Landesregierung", "regjeringen")
  // is the first main actor.
  std::int64_t self = -1;
  if (s.has(Category::kSelfRef)) {
    for (const MainActor& m : main_actors) {
      if (m.actor < 0 || m.party.kind == "organization") continue;
      self = m.actor;
      parties.add(m.actor, m.party);
      ++names;
      break;
    }
  }
  if (names < 2) {
    for (const ActorMention& a : s.actors) {
      if (!a.is_party() || a.form != AliasForm::kDemonym) continue;
      // "the Japanese steel maker Kitaura ...": an attribute of the
      // organization it introduces, not a party.
      bool attribute = std::any_of(org_starts.begin(), org_starts.end(), [&](std::uint32_t o) {
        return o > a.first_token && o - a.end_token <= 3;
      });
      if (!attribute) parties.add(a.actor, party_of(a.actor, s, a));
    }
  }
  parties.prune_parts();
  parties.prune_joint_bodies();
  // Parties left implicit: "the two sides" are the last event's; otherwise
  // the document's main actors (its title and lead) stand in.
  double confidence = instruments.empty() ? 0.45 : 0.6;
  if (parties.size() < 2 && s.has(Category::kGroupRef) && previous_parties.size() >= 2) {
    for (const Party& p : previous_parties) parties.add_party(p);
    confidence -= 0.05;
  }
  // With no party named, all the main actors stand in (a multilateral
  // summit's page names its members up front); with one named, the first
  // main actor that is not it is the other side.
  const bool named_here = parties.size() >= 2;  // not filled in from the lead
  if (parties.size() < 2) {
    const bool all = parties.size() == 0;
    for (const MainActor& m : main_actors) {
      if (!all && parties.size() >= 2) break;
      parties.add(m.actor, m.party);
      parties.prune_parts();
    }
    confidence -= 0.15;
  }
  if (parties.size() < 2) return out;
  if (s.quote) confidence -= 0.1;

  // The instrument: the most specific one named.
  std::string instrument = "other";
  const Mention* instrument_mention = nullptr;
  for (const Mention* m : instruments) {
    if (instrument_rank(m->entry->label) > instrument_rank(instrument)) {
      instrument = m->entry->label;
      instrument_mention = m;
    }
  }
  if (!instruments.empty()) confidence += 0.1;

  // Dates that can date an act (not goals).
  std::vector<const DateMention*> dates;
  for (const DateMention& d : s.dates) {
    if (!d.target) dates.push_back(&d);
  }

  auto make = [&](const std::string& stage, const DateMention* d, const std::string& act_instrument) {
    Candidate c;
    c.event.parties = parties.parties();
    c.event.instrument = act_instrument;
    c.event.stage = stage;
    if (d) {
      c.event.date = d->date.to_string();
      // An unresolved day only tells acts apart when it dates an act (not
      // a webinar "am 26. Januar" in a sentence that mentions a partnership).
      if (stage_rank(stage) >= stage_rank("planned")) c.unresolved_date = d->unresolved;
      c.dated_in_text = !d->date.empty();
    }
    c.event.evidence = std::string(s.span.of(text));
    c.event.evidence_span = s.span;
    c.event.confidence = std::clamp(confidence + (stage == "signed" ? 0.1 : 0.0), 0.05, 0.99);
    c.sentence = index;
    for (const Party& p : c.event.parties) c.party_keys.push_back(party_key(p));
    std::sort(c.party_keys.begin(), c.party_keys.end());
    return c;
  };
  // A date "since" an act of a formal instrument dates its signature ("has
  // had an MoU since 2018"); of a looser cooperation, its start.
  auto since_stage = [&]() { return instrument_rank(instrument) >= 3 ? "signed" : "ongoing"; };
  auto default_stage = [&](const DateMention* d) -> std::string {
    if (instrument == "negotiations") return "negotiating";
    if (d && d->since) return since_stage();
    return "announced";
  };
  auto centre = [](std::uint32_t a, std::uint32_t b) { return static_cast<int>(a + b); };

  // A history: several dated acts in one sentence ("signed in 2014, extended
  // in 2017, to be renewed in 2021"). Each date takes the nearest stage
  // mention and makes one event.
  if (dates.size() >= 2 && stages.size() >= 2) {
    // A stage across a comma or parenthesis from the date states another
    // act: "(2014年2月締結、2017年1月更新)", "signed in 2014, extended in 2017".
    auto across_clause = [&](const DateMention* d, const Mention* m) {
      std::uint32_t left_end = std::min(d->end_token, m->end_token), right = std::max(d->first_token, m->first_token);
      if (left_end == 0 || left_end > right || right >= s.tokens.size()) return false;
      std::size_t from = s.tokens[left_end - 1].span.end, to = s.tokens[right].span.begin;
      std::string_view between = std::string_view(text).substr(from, to > from ? to - from : 0);
      for (std::string_view p : {",", ";", "(", ")", "、", "，", "（", "）"}) {
        if (between.find(p) != std::string_view::npos) return true;
      }
      return false;
    };
    // Each act also takes the instrument named nearest to its date ("a
    // trade agreement in December, a strategic partnership on 18 July").
    auto nearest = [&](const DateMention* d, const std::vector<const Mention*>& of) -> const Mention* {
      const Mention* best = nullptr;
      int best_dist = 1 << 30;
      for (const Mention* m : of) {
        int dist = std::abs(centre(m->first_token, m->end_token) - centre(d->first_token, d->end_token));
        if (across_clause(d, m)) dist += 1000;
        if (dist < best_dist) { best_dist = dist; best = m; }
      }
      return best;
    };
    for (const DateMention* d : dates) {
      const Mention* stage_mention = nearest(d, stages);
      const Mention* instrument_near = nearest(d, instruments);
      std::string act_instrument = instrument;
      if (instrument_near && instrument_rank(instrument_near->entry->label) >= 3) act_instrument = instrument_near->entry->label;
      out.push_back(make(stage_mention ? stage_mention->entry->label : default_stage(d), d, act_instrument));
    }
    return out;
  }

  // One act: its stage is the strongest stage named; its date the one
  // nearest to the words that state the act.
  std::string stage;
  for (const Mention* m : stages) {
    if (stage_rank(m->entry->label) > stage_rank(stage)) stage = m->entry->label;
  }
  // The date nearest to the instrument named ("built on the U.S.-Japan
  // Trade Agreement of 2019"), else to a stage word.
  const DateMention* date = nullptr;
  int best_dist = 1 << 30;
  std::vector<const Mention*> anchors;
  if (instrument_mention) anchors.push_back(instrument_mention);
  else anchors = stages;
  for (const DateMention* d : dates) {
    for (const Mention* m : anchors) {
      int dist = std::abs(centre(m->first_token, m->end_token) - centre(d->first_token, d->end_token));
      if (dist < best_dist) { best_dist = dist; date = d; }
    }
  }
  if (!date && !dates.empty()) date = dates.front();
  if (stage.empty()) stage = default_stage(date);
  if (instrument == "negotiations" && stage_rank(stage) < stage_rank("negotiating")) stage = "negotiating";
  if (date && date->since) stage = since_stage();
  // A hub and its partners: "the state government cooperates with Tokyo
  // ... and Osaka", "the EU's sixth partnership, after Canada and Ukraine
  // in 2021, Kazakhstan and Namibia in 2022". One bilateral act per partner,
  // dated by the date that follows it. Not for acts of all the listed
  // parties together: a joint declaration, a platform, "between A, B and C".
  const std::vector<Party> all = parties.parties();
  std::optional<Party> hub;
  if (self >= 0) {
    const Actor& self_actor = gazetteer_.actors()[static_cast<std::size_t>(self)];
    hub = Party{self_actor.name, self_actor.kind, self_actor.country, self_actor.subdivision, {}};
  } else if (named_here && all.size() >= 3 && instrument != "joint_declaration" && instrument != "platform" &&
             !s.has_label(Category::kConjunction, "between") && !main_actors.empty()) {
    bool places = std::all_of(all.begin(), all.end(), [](const Party& p) { return p.kind != "organization"; });
    const Party& first = main_actors.front().party;
    bool present = std::any_of(all.begin(), all.end(), [&](const Party& p) { return party_key(p) == party_key(first); });
    if (places && present) hub = first;
  }
  // "Italia, Germania e Austria firmano ...": a hub listed with the others
  // acts together with them.
  if (hub && self < 0) {
    auto token_at = [&](std::size_t offset) -> std::int64_t {
      for (std::size_t t = 0; t < s.tokens.size(); ++t) {
        if (s.tokens[t].span.begin == offset) return static_cast<std::int64_t>(t);
      }
      return -1;
    };
    auto only_glue = [&](std::int64_t from, std::int64_t to) {  // tokens [from, to) are "and", "the", ...
      for (std::int64_t t = from; t < to; ++t) {
        bool glue = std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& m) {
          return m.entry && (m.entry->category == Category::kConjunction || m.entry->category == Category::kDeterminer) &&
                 static_cast<std::int64_t>(m.first_token) <= t && t < static_cast<std::int64_t>(m.end_token);
        });
        if (!glue) return false;
      }
      return true;
    };
    const Party* hub_party = nullptr;
    for (const Party& p : all) {
      if (party_key(p) == party_key(*hub)) hub_party = &p;
    }
    if (hub_party && !hub_party->span.empty()) {
      std::int64_t hub_first = token_at(hub_party->span.begin);
      for (const Party& p : all) {
        if (&p == hub_party || p.span.empty() || hub_first < 0) continue;
        std::int64_t first = token_at(p.span.begin);
        if (first < 0) continue;
        // The token after each mention's end: spans end on a token end.
        std::int64_t hub_end = hub_first, p_end = first;
        while (hub_end < static_cast<std::int64_t>(s.tokens.size()) && s.tokens[static_cast<std::size_t>(hub_end)].span.end <= hub_party->span.end) ++hub_end;
        while (p_end < static_cast<std::int64_t>(s.tokens.size()) && s.tokens[static_cast<std::size_t>(p_end)].span.end <= p.span.end) ++p_end;
        if ((p_end <= hub_first && only_glue(p_end, hub_first)) || (hub_end <= first && only_glue(hub_end, first))) {
          hub.reset();
          break;
        }
      }
    }
  }
  if (hub && all.size() >= 3) {
    for (const Party& p : all) {
      if (party_key(p) == party_key(*hub)) continue;
      const DateMention* partner_date = date;
      if (dates.size() >= 2 && !p.span.empty()) {
        for (const DateMention* d : dates) {
          if (s.tokens[d->first_token].span.begin >= p.span.end) { partner_date = d; break; }
        }
      }
      PartySet pair(gazetteer_);
      pair.add_party(*hub);
      pair.add_party(p);
      parties = pair;
      out.push_back(make(stage, partner_date, instrument));
    }
    return out;
  }
  out.push_back(make(stage, date, instrument));
  return out;
}

bool same_act_parties(const Candidate& a, const Candidate& b) {
  if (a.party_keys == b.party_keys) return true;
  const auto& small = a.party_keys.size() < b.party_keys.size() ? a.party_keys : b.party_keys;
  const auto& large = a.party_keys.size() < b.party_keys.size() ? b.party_keys : a.party_keys;
  if (small.size() < 2 || large.size() < 3) return false;
  bool subset = std::includes(large.begin(), large.end(), small.begin(), small.end());
  bool loose = a.event.instrument == b.event.instrument || instrument_rank(a.event.instrument) <= 2 ||
               instrument_rank(b.event.instrument) <= 2;
  return subset && loose;
}

// Starting negotiations is another act than signing what they lead to, and
// a plan another act than one done.
bool instruments_compatible(const Candidate& a, const Candidate& b) {
  auto done = [](const std::string& stage) { return stage == "signed" || stage == "renewed" || stage == "extended"; };
  if ((a.event.stage == "planned" && done(b.event.stage)) || (b.event.stage == "planned" && done(a.event.stage))) {
    return false;
  }
  bool na = a.event.instrument == "negotiations", nb = b.event.instrument == "negotiations";
  if (na == nb) return true;
  return instrument_rank((na ? b : a).event.instrument) < 3;
}

// Days between two full dates, or -1.
int days_apart(const std::string& x, const std::string& y) {
  auto a = PartialDate::parse(x), b = PartialDate::parse(y);
  if (!a || !b || !a->day || !b->day) return -1;
  namespace c = std::chrono;
  auto days = [](const PartialDate& d) {
    return c::sys_days{c::year{d.year} / c::month{static_cast<unsigned>(d.month)} / c::day{static_cast<unsigned>(d.day)}};
  };
  return static_cast<int>(std::abs((days(*a) - days(*b)).count()));
}

bool dates_compatible(const Candidate& a, const Candidate& b) {
  // A title dated by its publication day and the body's "yesterday" or
  // "on Wednesday" report one act.
  if ((a.dated_by_publication || b.dated_by_publication) && days_apart(a.event.date, b.event.date) >= 0 &&
      days_apart(a.event.date, b.event.date) <= 7) {
    return true;
  }
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
  // The mention with more parties names the act more fully.
  if (b.party_keys.size() > a.party_keys.size()) {
    a.event.parties = b.event.parties;
    a.party_keys = b.party_keys;
  }
  if (instrument_rank(b.event.instrument) > instrument_rank(a.event.instrument)) a.event.instrument = b.event.instrument;
  if (stage_rank(b.event.stage) > stage_rank(a.event.stage)) a.event.stage = b.event.stage;
  if (b.event.date.size() > a.event.date.size() || (a.dated_by_publication && b.dated_in_text && !b.event.date.empty())) {
    a.event.date = b.event.date;
    a.dated_by_publication = b.dated_by_publication;
  }
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
  std::vector<MainActor> main_actors;
  for (std::size_t i = 0; i < views.size() && i < layout.lead_sentences; ++i) {
    std::vector<std::pair<std::uint32_t, MainActor>> found;  // by token position
    for (const ActorMention& a : views[i].actors) {
      if (!a.is_party() || a.form != AliasForm::kName) continue;
      found.push_back({a.first_token, {a.actor, party_of(a.actor, views[i], a)}});
    }
    for (const UnknownOrg& o : views[i].unknown_orgs) {
      found.push_back({o.first_token, {-1, Party{o.name, "organization", "", "", {}}}});
    }
    std::stable_sort(found.begin(), found.end(), [](const auto& l, const auto& r) { return l.first < r.first; });
    for (auto& [pos, m] : found) {
      bool seen = std::any_of(main_actors.begin(), main_actors.end(),
                              [&](const MainActor& o) { return party_key(o.party) == party_key(m.party); });
      if (!seen) main_actors.push_back(std::move(m));
    }
  }

  std::vector<Person> people = find_people(*lexicon_, text, views, layout);

  // An act's sectors: those named in a sentence, but not inside a
  // ministry's name or a title ("貿易産業水産省", "産業・貿易大臣": a
  // portfolio, not the act's sector; "Hydrogen Valleys" is one).
  auto ministry = [&](const Alias* a) {
    const Actor& act = gazetteer_.actors()[a->actor];
    if (act.kind != "organization" || act.parent.empty()) return false;
    std::int64_t up = gazetteer_.find(act.parent);
    return up >= 0 && gazetteer_.actors()[static_cast<std::size_t>(up)].kind != "organization";
  };
  // A Japanese title lists its portfolio before the role, written
  // together or with "・" and no kana particle between
  // ("経済・産業・気候保護・エネルギー大臣").
  auto in_title = [&](const SentenceView& v, const Mention* m) {
    for (std::uint32_t k = m->end_token; k < v.tokens.size() && k < m->end_token + 6; ++k) {
      std::string_view gap = std::string_view(text).substr(
          v.tokens[k - 1].span.end, v.tokens[k].span.begin - v.tokens[k - 1].span.end);
      if (!gap.empty() && gap != "・") return false;
      for (const Mention& o : v.mentions) {
        if (o.entry && o.entry->category == Category::kRole && o.first_token == k) return true;
      }
      std::string_view word = v.tokens[k].span.of(text);
      // Hiragana (U+3041..U+309F: E3 81 81..E3 82 9F) is a particle or verb.
      for (std::size_t b = 0; b + 1 < word.size(); ++b) {
        auto c0 = static_cast<unsigned char>(word[b]), c1 = static_cast<unsigned char>(word[b + 1]);
        if (c0 == 0xE3 && (c1 == 0x81 || (c1 == 0x82 && b + 2 < word.size() &&
                                          static_cast<unsigned char>(word[b + 2]) <= 0x9F))) {
          return false;
        }
      }
      if (static_cast<unsigned char>(word.front()) < 0x80) return false;  // Latin letters or digits
    }
    return false;
  };
  auto sectors_of = [&](std::size_t i) {
    const SentenceView& v = views[i];
    std::vector<std::string> out;
    for (const Mention* m : v.of(Category::kSector)) {
      bool in_name = std::any_of(v.mentions.begin(), v.mentions.end(), [&](const Mention& o) {
        bool name = (o.alias && ministry(o.alias)) || (o.entry && o.entry->category == Category::kRole);
        return name && o.first_token <= m->first_token && m->end_token <= o.end_token &&
               o.end_token - o.first_token > m->end_token - m->first_token;
      });
      if (in_name || in_title(v, m)) continue;
      if (std::find(out.begin(), out.end(), m->entry->label) == out.end()) out.push_back(m->entry->label);
    }
    return out;
  };

  std::vector<Candidate> candidates;
  std::vector<Party> previous;
  for (std::size_t i = 0; i < views.size(); ++i) {
    // The sentence's signatories, found once: for Japanese that reads the
    // sentence with MeCab again.
    std::optional<std::vector<Signatory>> signed_by;
    for (Candidate& c : sentence_events(text, views, i, main_actors, previous, layout.published)) {
      c.in_lead = i < layout.lead_sentences;
      // An undated act reported in the lead happened on the day of
      // publication; dating it before merging keeps older acts of the same
      // parties ("2014 wurde ein MoU vereinbart") apart from it.
      if (c.event.date.empty() && c.unresolved_date.empty() && c.in_lead && layout.published.day &&
          (c.event.stage == "signed" || c.event.stage == "renewed" || c.event.stage == "extended")) {
        c.event.date = layout.published.to_string();
        c.dated_by_publication = true;
      }
      for (const std::string& sct : sectors_of(i)) {
        if (std::find(c.event.sectors.begin(), c.event.sectors.end(), sct) == c.event.sectors.end()) {
          c.event.sectors.push_back(sct);
        }
      }
      if (c.event.stage == "signed" || c.event.stage == "renewed" || c.event.stage == "extended") {
        if (!signed_by) signed_by = signatories_in(people, views[i].span.of(text), c.event.stage);
        c.event.signatories = *signed_by;
      }
      previous = c.event.parties;
      candidates.push_back(std::move(c));
    }
  }

  // Merge the mentions of one act: same parties (or one side's parties
  // all among the other's, for a looser mention of a multilateral act) and
  // compatible dates.
  std::vector<Candidate> merged;
  for (Candidate& c : candidates) {
    auto it = std::find_if(merged.begin(), merged.end(), [&](const Candidate& m) {
      return same_act_parties(m, c) && dates_compatible(m, c) && instruments_compatible(m, c);
    });
    if (debug_) std::cerr << "[extract] sentence " << c.sentence << " " << c.event.instrument << "/" << c.event.stage
                          << "/" << c.event.date << " parties " << c.party_keys.size()
                          << (it == merged.end() ? " new" : " merged") << ": " << c.event.evidence.substr(0, 80) << "\n";
    if (it == merged.end()) merged.push_back(std::move(c));
    else merge_into(*it, c);
  }

  // The act the page is about (reported in its lead) is also about the
  // sectors its title and lead name.
  std::vector<std::string> lead_sectors;
  for (std::size_t i = 0; i < views.size() && i < layout.lead_sentences; ++i) {
    for (const std::string& sct : sectors_of(i)) {
      if (std::find(lead_sectors.begin(), lead_sectors.end(), sct) == lead_sectors.end()) lead_sectors.push_back(sct);
    }
  }
  for (Candidate& c : merged) {
    if (c.in_lead) {
      for (const std::string& sct : lead_sectors) {
        if (std::find(c.event.sectors.begin(), c.event.sectors.end(), sct) == c.event.sectors.end()) c.event.sectors.push_back(sct);
      }
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
    for (const UnknownOrg& o : v.unknown_orgs) {
      if (orgs.insert(o.name).second) x.organizations.push_back(o.name);
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
