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
#include "extract/naming.h"
#include "extract/org_english.h"
#include "extract/people.h"
#include "text/language.h"
#include "text/normalize.h"
#include "text/segment.h"

namespace pactum::extract {

namespace {

// How strong each stage reading is when two mentions of one act disagree:
// a signature outranks an announcement of it.
// (Both read labels as string_views: each event merge asks several times,
// and std::string's == against a literal measures the literal first.)
int stage_rank(std::string_view s) {
  using namespace std::string_view_literals;
  if (s == "signed"sv) return 6;
  if (s == "renewed"sv || s == "extended"sv) return 5;
  if (s == "negotiating"sv) return 4;
  if (s == "planned"sv) return 3;
  if (s == "ongoing"sv) return 2;
  if (s == "announced"sv || s == "expired"sv) return 1;
  return 0;
}

// Formal instruments outrank the generic ones when mentions of an act merge.
int instrument_rank(std::string_view s) {
  using namespace std::string_view_literals;
  if (s.empty()) return 0;
  if (s == "other"sv) return 1;
  if (s == "platform"sv || s == "negotiations"sv) return 2;
  if (s == "cooperation_agreement"sv || s == "strategic_partnership"sv) return 3;
  if (s == "memorandum_of_understanding"sv) return 5;  // a letter of intent that the page calls an MoU
  return 4;
}

// Rank 3 is a cooperation agreement or a strategic partnership: the line
// between instruments that name an act of their own (that or more formal:
// an MoU, a declaration) and words that may only refer to one (that or
// vaguer: "the platform", "the talks").
constexpr int kAgreementRank = 3;
bool at_least_an_agreement(std::string_view s) { return instrument_rank(s) >= kAgreementRank; }
bool at_most_an_agreement(std::string_view s) { return instrument_rank(s) <= kAgreementRank; }

struct Candidate {
  Event event;
  std::vector<std::string> party_keys;  // sorted actor keys: what "same parties" means
  std::string unresolved_date;          // relative date that could not be resolved
  std::string same_date;                // "the same day": same_day, same_month, same_year of the act before
  std::size_t sentence = 0;
  bool in_lead = false;                 // title or first paragraph
  bool dated_in_text = false;
  bool future = false;                  // dated after the page's day
  bool dated_by_publication = false;    // undated lead act given the publication day
  // Which of its sentence's sector words are this act's, when the sentence
  // states several acts: in a history, those nearest to the act's anchor
  // (the instrument word its date goes with, else its date; token positions
  // doubled), and an act nearest to none has those of the act before it (a
  // renewal is about what was signed); for a
  // hub's partner, those from the partner's name up to the next partner's
  // (and all before the first partner).
  // Stated in passing: no party named (the lead's stand in), no stage, no
  // agreeing, no date ("The alliance gathers actors from ..."). It adds to
  // an act stated elsewhere but opens none.
  bool in_passing = false;
  bool framed = false;  // its sentence frames it ("det grønne skiftet"): climate_environment if no sector else
  bool background = false;  // its sentence tells its background ("after the nuclear accident"): no sector, none borrowed
  // No stage, no agreeing and no date: nothing happens in the sentence.
  bool no_act_words = false;
  bool parties_named = false;  // else the lead's actors stand in
  bool second_act = false;     // the second of two instruments joined in one sentence: an act of its own
  bool names_both = false;     // two parties named by name in the sentence itself
  std::string goal;  // what a negotiation aims at, from a plan merged into it ("the agreement to be signed")
  int anchor = -1;
  int date_at = -1;  // in a history: where its date is (twice the centre token), for words near it
  int stage_at = -1;  // in a history: where its stage word begins (twice its first token)
  std::uint32_t sectors_from = 0, sectors_to = UINT32_MAX, shared_before = 0;
};

std::string party_key(const Party& p) {
  if (!p.subdivision.empty()) return p.subdivision;
  if ((p.kind == "country" || p.kind == "supranational") && !p.country.empty()) return p.country;
  return "name:" + p.name;
}

// Whether two acts have the same sides: the same party keys, in any order.
bool same_sides(const std::vector<Party>& a, const std::vector<Party>& b) {
  if (a.size() != b.size()) return false;
  std::vector<std::string> ka, kb;
  for (const Party& p : a) ka.push_back(party_key(p));
  for (const Party& p : b) kb.push_back(party_key(p));
  std::sort(ka.begin(), ka.end());
  std::sort(kb.begin(), kb.end());
  return ka == kb;
}

// Whether the ministries a sentence names by their fields (UnknownOrg::seat)
// act for their states: beside states or each other, no organization.
bool ministries_act_for_states(const Gazetteer& g, const SentenceView& s) {
  return std::none_of(s.actors.begin(), s.actors.end(),
                      [&](const ActorMention& a) { return a.is_party() && g.actors()[a.actor].kind == "organization"; }) &&
         std::all_of(s.unknown_orgs.begin(), s.unknown_orgs.end(), [](const UnknownOrg& o) { return o.seat >= 0; });
}

// The region a city is when it is a region of its own (Berlin, Oslo, Ulsan:
// a city row of actors.tsv with a subdivision); -1 otherwise. As a party it
// is that region, as the annotations name Tokyo and Hamburg.
std::int64_t region_of_city_state(const Gazetteer& g, std::int64_t actor) {
  if (actor < 0) return -1;
  const Actor& city = g.actors()[static_cast<std::size_t>(actor)];
  return city.kind == "city" && !city.subdivision.empty() ? g.find(city.subdivision) : -1;
}

// The parties of one event, each once, with the gazetteer actor behind each
// (-1 for an organization the gazetteer does not know).
class PartySet {
 public:
  explicit PartySet(const Gazetteer& g) : gazetteer_(&g) {}
  void add(std::int64_t actor, Party p) {
    // A ministry acts for its government: "経済産業省は…署名した" is
    // Japan's act.
    if (std::int64_t up = gazetteer_->government_of(actor); up >= 0) {
      const Actor& gov = gazetteer_->actors()[static_cast<std::size_t>(up)];
      actor = up;
      p = Party{gov.name, gov.kind, gov.country, gov.subdivision, p.span};
    }
    if (std::int64_t region = region_of_city_state(*gazetteer_, actor); region >= 0) {
      const Actor& r = gazetteer_->actors()[static_cast<std::size_t>(region)];
      actor = region;
      p = Party{r.name, r.kind, r.country, r.subdivision, p.span};
    }
    std::string key = party_key(p);
    for (const Party& q : parties_) {
      if (party_key(q) == key) return;
    }
    actors_.push_back(actor);
    parties_.push_back(std::move(p));
  }
  // A party carried over from another event: its actor is found by key.
  void add_party(const Party& p) {
    std::string key = party_key(p);
    add(key.rfind("name:", 0) == 0 ? -1 : gazetteer_->find(key), p);
  }
  // A ministry and its government are one party: the government. An actor
  // whose ancestor is also a party is dropped.
  void prune_parts() {
    keep_if([&](std::size_t i) {
      for (std::int64_t up = parent(actors_[i]), hops = 0; up >= 0 && hops < 6; up = parent(up), ++hops) {
        if (std::find(actors_.begin(), actors_.end(), up) != actors_.end()) return false;
      }
      return true;
    });
  }
  // A joint body of two parties (a "Nordic-Japanese Centre" beside Japan
  // and the Nordic states) is not a third party.
  void prune_joint_bodies() {
    keep_if([&](std::size_t i) {
      const Party& p = parties_[i];
      if (p.kind != "organization") return true;
      int named = 0;
      for (std::size_t j = 0; j < parties_.size(); ++j) {
        const Party& other = parties_[j];
        if (j == i || (other.kind != "country" && other.kind != "supranational")) continue;
        if (contains_word(p.name, other.name) || contains_word(p.name, other.country)) ++named;
      }
      return named < 2;
    });
  }
  std::size_t size() const { return parties_.size(); }
  // Whether actor is an ancestor of an organization among the parties
  // (Japan of JOGMEC, through its ministry): adding it would prune that
  // organization. (A city is pruned for its state, as it stands for it.)
  bool holds_organization_of(std::int64_t actor) const {
    if (actor < 0) return false;
    for (std::size_t i = 0; i < parties_.size(); ++i) {
      if (parties_[i].kind != "organization") continue;
      for (std::int64_t up = parent(actors_[i]), hops = 0; up >= 0 && hops < 6; up = parent(up), ++hops) {
        if (up == actor) return true;
      }
    }
    return false;
  }
  void remove(const std::string& key) {
    keep_if([&](std::size_t i) { return party_key(parties_[i]) != key; });
  }
  // The parties in the order added. A reference: a rule that changes the
  // set while it reads them takes a copy.
  const std::vector<Party>& parties() const { return parties_; }

 private:
  std::int64_t parent(std::int64_t actor) const {
    if (actor < 0) return -1;
    const std::string& key = gazetteer_->actors()[static_cast<std::size_t>(actor)].parent;
    return key.empty() ? -1 : gazetteer_->find(key);
  }
  // Keeps the parties keep(i) holds for, in order; keep reads the set as it
  // was before.
  template <typename Keep>
  void keep_if(Keep keep) {
    std::vector<std::uint8_t> kept(parties_.size());
    for (std::size_t i = 0; i < parties_.size(); ++i) kept[i] = keep(i);
    std::size_t n = 0;
    for (std::size_t i = 0; i < parties_.size(); ++i) {
      if (!kept[i]) continue;
      if (n != i) {
        actors_[n] = actors_[i];
        parties_[n] = std::move(parties_[i]);
      }
      ++n;
    }
    actors_.resize(n);
    parties_.resize(n);
  }
  const Gazetteer* gazetteer_;  // not owned
  // The parties and their gazetteer actors (-1: an organization it lacks),
  // side by side.
  std::vector<std::int64_t> actors_;
  std::vector<Party> parties_;
};

// An actor the title and lead name: it stands in for parties a sentence
// leaves implicit. actor is -1 for an organization the gazetteer lacks.
// "pair" ("the two sides"), or "pair:KIND" ("beide regio's": two parties of
// that kind, "pair:region").
// Signatories less the people the sentence names as present at the act:
// after "en présence de", "in the presence of" (location_prep label
// presence) up to the next comma; in the clause before "til stede"
// (presence_post); the one person named first after a visit ("bei einem
// Besuch von Bundeskanzler X", "la visite en France du Premier ministre X":
// visit, within a few words and no comma) or in the genitive right before
// it ("under president Moon Jae-ins besøk", "Modi's visit": visit_post), who
// is the guest, not a signer; the source a statement is told after
// ("segundo X", "said X": speech label after), named first after it. A
// name the sentence writes in another script (Japanese) is found where the
// person's first mention stands, if that is in the sentence.
std::vector<Signatory> without_witnesses(std::vector<Signatory> signatories, std::string_view text,
                                         const SentenceView& v, const std::vector<Person>& people) {
  const std::string_view sentence = v.span.of(text);
  std::vector<std::pair<std::size_t, std::size_t>> present;  // byte offsets in the sentence
  for (const Mention& m : v.mentions) {
    // The source a statement is told after ("Segundo a secretária de Estado
    // X, o memorando ...", "..., said X"): the first person named after the
    // phrase, as after a visit.
    const bool source = m.entry && m.entry->category == Category::kSpeech && m.entry->label == "after";
    if (!m.entry || (m.entry->category != Category::kLocationPrep && !source)) continue;
    if (m.entry->label == "presence") {
      const std::size_t from = v.tokens[m.end_token - 1].span.end - v.span.begin;
      const std::size_t comma = sentence.find(',', from);
      present.push_back({from, comma == std::string_view::npos ? sentence.size() : comma});
    } else if (m.entry->label == "presence_post") {
      const std::size_t to = v.tokens[m.first_token].span.begin - v.span.begin;
      const std::size_t comma = sentence.substr(0, to).rfind(',');
      present.push_back({comma == std::string_view::npos ? 0 : comma, to});
    } else if (m.entry->label == "visit_post") {
      // The signatory named last within a few words before the phrase.
      const std::size_t to = v.tokens[m.first_token].span.begin - v.span.begin;
      std::size_t last = std::string_view::npos, end = 0;
      for (const Signatory& g : signatories) {
        const std::size_t at = sentence.substr(0, to).rfind(g.name);
        if (at != std::string_view::npos && (last == std::string_view::npos || at > last)) {
          last = at;
          end = at + g.name.size();
        }
      }
      // Only the name's genitive ending between: "Moon Jae-ins besøk",
      // "Modi's visit", not "X signed it on a visit".
      if (last != std::string_view::npos) {
        std::string_view ending = sentence.substr(end, to - end);
        while (!ending.empty() && ending.back() == ' ') ending.remove_suffix(1);
        if (ending.size() <= 4 && ending.find(' ') == std::string_view::npos) present.push_back({last, end});
      }
    } else if (m.entry->label == "visit" || source) {
      // The first signatory named within a few words after the phrase.
      const std::size_t from = v.tokens[m.end_token - 1].span.end - v.span.begin;
      std::size_t first = std::string_view::npos, end = 0;
      for (const Signatory& g : signatories) {
        const std::size_t at = sentence.find(g.name, from);
        if (at != std::string_view::npos && at < first) {
          first = at;
          end = at + g.name.size();
        }
      }
      if (first != std::string_view::npos && first - from <= 80 &&
          sentence.substr(from, first - from).find(',') == std::string_view::npos) {
        present.push_back({first, end});
      }
    }
  }
  if (present.empty()) return signatories;
  std::erase_if(signatories, [&](const Signatory& g) {
    std::size_t at = sentence.find(g.name);
    if (at == std::string_view::npos) {
      const std::size_t space = g.name.rfind(' ');
      at = sentence.find(space == std::string::npos ? g.name : g.name.substr(space + 1));
    }
    if (at == std::string_view::npos) {
      for (const Person& p : people) {
        if (p.name == g.name && !p.span.empty() && v.span.begin <= p.span.begin && p.span.begin < v.span.end) {
          at = p.span.begin - v.span.begin;
        }
      }
    }
    if (at == std::string_view::npos) return false;
    return std::any_of(present.begin(), present.end(), [&](const auto& r) { return r.first <= at && at < r.second; });
  });
  return signatories;
}

// Whether date a lies after b where both tell it (2026 after 2025-10-14;
// 2025-10 not after 2025-10-14).
bool later_than(const PartialDate& a, const PartialDate& b) {
  if (a.empty() || b.empty()) return false;
  if (a.year != b.year) return a.year > b.year;
  if (!a.month || !b.month || a.month != b.month) return a.month && b.month && a.month > b.month;
  return a.day && b.day && a.day > b.day;
}

bool is_pair_label(std::string_view label) { return label == "pair" || label.starts_with("pair:"); }

struct MainActor {
  std::int64_t actor = -1;
  Party party;
  std::int64_t seat = -1;  // the state an organization the rules found by its fields is seated in
};

// The parties of acts told before a sentence: of the last act of each
// instrument, and of every act in the order told ("the two agencies" are
// those of the last act between organizations, though a later one joined
// states).
struct EarlierSides {
  std::map<std::string, std::vector<Party>> by_instrument;
  std::vector<std::vector<Party>> in_order;
  void add(const Event& e) {
    if (e.parties.size() < 2) return;
    by_instrument[e.instrument] = e.parties;
    in_order.push_back(e.parties);
  }
};

// The kinds a pair label names: "pair:organization+city" ("両港", two ports:
// port authorities, or the cities that run them) names both; "pair" none.
bool pair_of_kind(std::string_view label, const Party& p) {
  if (!label.starts_with("pair:")) return true;
  for (std::string_view kinds = label.substr(5); !kinds.empty();) {
    const std::size_t plus = kinds.find('+');
    if (kinds.substr(0, plus) == p.kind) return true;
    kinds = plus == std::string_view::npos ? std::string_view() : kinds.substr(plus + 1);
  }
  return false;
}

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
                                         const Event& previous, const EarlierSides& earlier,
                                         const PartialDate& published) const;
  Party party_of(std::uint32_t actor, const SentenceView& s, const ActorMention& m) const;
  std::vector<std::pair<const ActorMention*, std::uint32_t>> seats_named(const SentenceView& s) const;

  Gazetteer gazetteer_;
  std::unique_ptr<Lexicon> lexicon_;  // points into gazetteer_: constant after init
  bool debug_ = std::getenv("PACTUM_DEBUG_EXTRACT") != nullptr;  // candidates to stderr
};

Party RuleExtractor::party_of(std::uint32_t actor, const SentenceView& s, const ActorMention& m) const {
  const std::int64_t region = region_of_city_state(gazetteer_, actor);
  const Actor& a = gazetteer_.actors()[region >= 0 ? static_cast<std::size_t>(region) : actor];
  Party p{a.name, a.kind, a.country, a.subdivision, {}};
  if (m.end_token > m.first_token && m.end_token <= s.tokens.size()) {
    p.span = {s.tokens[m.first_token].span.begin, s.tokens[m.end_token - 1].span.end};
  }
  return p;
}

// "Tokyo and Berlin", "zwischen Brüssel und Tokio", "København og Berlin":
// where every place named as a party is also a capital or seat, they stand
// for their governments (Tokyo with Osaka is a prefecture). Each such
// mention with the state it seats; none where the rule does not hold.
std::vector<std::pair<const ActorMention*, std::uint32_t>> RuleExtractor::seats_named(const SentenceView& s) const {
  std::vector<std::pair<const ActorMention*, std::uint32_t>> seats;
  std::vector<std::uint32_t> others;  // parties named that seat nothing
  for (const ActorMention& a : s.actors) {
    if (!a.is_party() || a.form != AliasForm::kName) continue;
    const Label& kind = gazetteer_.actors()[a.actor].kind;
    const Mention* capital = nullptr;
    for (const Mention& m : s.mentions) {
      if (m.alias && m.alias->form == AliasForm::kCapital && m.first_token == a.first_token && m.end_token == a.end_token) {
        capital = &m;
      }
    }
    if (!capital || (kind != "city" && kind != "region")) {
      others.push_back(a.actor);
      continue;
    }
    seats.push_back({&a, capital->alias->actor});
  }
  // "Ook de Europese Commissie steunt de corridors: Brussel en Den Haag
  // onderhandelen ...": a party named beside the seats that is one of the
  // states they stand for does not break the rule.
  for (std::uint32_t o : others) {
    const std::int64_t gov = gazetteer_.government_of(o);
    if (std::none_of(seats.begin(), seats.end(), [&](const auto& seat) { return seat.second == o || seat.second == gov; })) {
      return {};
    }
  }
  if (seats.size() < 2 || !s.unknown_orgs.empty()) return {};
  return seats;
}

// A company a sentence describes without naming it: an indefinite article
// (determiner label "indef") right before demonym a, an organization noun
// (org_head "noun") within three words after it, and no name right after
// the noun ("a South Korean battery materials company"). The party is the
// description as written, an organization of the demonym's country; empty
// if the sentence has none such.
Party described_organization(std::string_view text, const SentenceView& s, const ActorMention& a,
                             const std::vector<std::uint32_t>& org_starts, const Gazetteer& g) {
  if (a.first_token == 0) return {};
  const bool indefinite = std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& m) {
    return m.entry && m.entry->category == Category::kDeterminer && m.entry->label == "indef" &&
           m.end_token == a.first_token;
  });
  if (!indefinite) return {};
  const Actor& state = g.actors()[a.actor];
  if (state.kind != "country") return {};
  for (const Mention& m : s.mentions) {
    if (!m.entry || m.entry->category != Category::kOrgHead || m.entry->label != "noun") continue;
    if (m.first_token < a.end_token || m.first_token > a.end_token + 3) continue;
    // Words between the demonym and the noun: no name among them or right after.
    const bool named = std::any_of(org_starts.begin(), org_starts.end(), [&](std::uint32_t o) {
      return o >= a.end_token && o <= m.end_token + 1;
    }) || std::any_of(s.actors.begin(), s.actors.end(), [&](const ActorMention& b) {
      return &b != &a && b.first_token >= a.end_token && b.first_token <= m.end_token;
    });
    if (named) return {};
    const text::Span span{s.tokens[a.first_token].span.begin, s.tokens[m.end_token - 1].span.end};
    return Party{std::string(span.of(text)), "organization", state.country, "", span};
  }
  return {};
}

// The subject of a restrictive relative clause about something other than
// the act ("under en næringslivsuke som Innovasjon Norge arrangerer", "a
// seminar that Innovation Norway hosted"): an organizer, not a party. After
// an instrument or a cooperation word ("ei erklæring som Noreg og Japan
// signerte") it is one; a relative word that is also an article ("die",
// "der") or follows a comma is read elsewhere.
bool organizer_in_relative_clause(std::string_view text, const SentenceView& s, std::uint32_t first_token) {
  for (const Mention& m : s.mentions) {
    if (!m.entry || m.entry->category != Category::kRelative || m.end_token != first_token || m.first_token == 0) {
      continue;
    }
    const std::uint32_t r = m.first_token;
    const std::size_t prev_end = s.tokens[r - 1].span.end;
    if (text.substr(prev_end, s.tokens[r].span.begin - prev_end).find_first_of(",;:()") != std::string_view::npos) {
      continue;
    }
    const bool about_act = std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& o) {
      if (!o.entry) return o.first_token < r && r - 1 < o.end_token;  // an actor right before
      const Category c = o.entry->category;
      if (c == Category::kDeterminer) return o.first_token <= r && r < o.end_token;
      return o.first_token <= r - 1 && r - 1 < o.end_token &&
             (c == Category::kInstrument || c == Category::kCooperation || c == Category::kStage ||
              c == Category::kAgreeVerb || c == Category::kGroupRef);
    });
    if (!about_act) return true;
  }
  return false;
}

// The tokens of the people a sentence names as present at the act, not
// signing it (location_prep presence: after "en présence de" to the next
// comma; presence_post: in the clause before "til stede"): the state or
// body they speak for is a witness, no party ("en présence de
// l'ambassadeur de France au Japon").
std::vector<std::pair<std::uint32_t, std::uint32_t>> witness_spans(std::string_view text, const SentenceView& s) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> spans;
  auto comma_before = [&](std::uint32_t k) {  // a comma between tokens k-1 and k
    if (k == 0 || k >= s.tokens.size()) return false;
    const std::size_t from = s.tokens[k - 1].span.end;
    return text.substr(from, s.tokens[k].span.begin - from).find_first_of(",;") != std::string_view::npos ||
           s.tokens[k].span.of(text) == "," || s.tokens[k].span.of(text) == ";";
  };
  for (const Mention& m : s.mentions) {
    if (!m.entry || m.entry->category != Category::kLocationPrep) continue;
    if (m.entry->label == "presence") {
      std::uint32_t end = m.end_token;
      while (end < s.tokens.size() && !comma_before(end)) ++end;
      spans.push_back({m.end_token, end});
    } else if (m.entry->label == "presence_post") {
      std::uint32_t first = m.first_token;
      while (first > 0 && !comma_before(first)) --first;
      spans.push_back({first, m.first_token});
    }
  }
  return spans;
}

// Places "between" which something runs, named after two organizations
// that act, are its route, not more parties ("Grupo Solvento y Pampa
// Verde firmaron un memorando para desarrollar una cadena de suministro
// entre Chile y España"). Where such a "between" ends, else UINT32_MAX:
// a place named from there on is no party.
std::uint32_t route_start(const SentenceView& s, const Gazetteer& g) {
  for (const Mention& b : s.mentions) {
    if (!b.entry || b.entry->category != Category::kConjunction || b.entry->label != "between") continue;
    int orgs = 0;
    for (const ActorMention& a : s.actors) {
      if (a.is_party() && a.form == AliasForm::kName && a.first_token < b.first_token &&
          g.actors()[a.actor].kind == "organization") {
        ++orgs;
      }
    }
    for (const UnknownOrg& o : s.unknown_orgs) orgs += o.first_token < b.first_token;
    if (orgs >= 2) return b.end_token;
  }
  return UINT32_MAX;
}

std::vector<Candidate> RuleExtractor::sentence_events(
    const std::string& text, const std::vector<SentenceView>& views, std::size_t index,
    const std::vector<MainActor>& main_actors, const Event& previous, const EarlierSides& earlier,
    const PartialDate& published) const {
  const SentenceView& s = views[index];
  std::vector<Candidate> out;
  // Most sentences state no act: with no instrument, cooperation or
  // agreement word they return below, after rules that only drop
  // instruments and stages. Asked first, once.
  if (!s.has(Category::kInstrument) && !s.has(Category::kCooperation) && !s.has(Category::kAgreeVerb)) return out;
  auto instruments = s.of(Category::kInstrument);
  // A statement's source is no act: "..., according to a joint statement",
  // "..., they said in a joint statement" (a speech phrase, then at most an
  // article and a preposition before the instrument).
  std::erase_if(instruments, [&](const Mention* m) {
    return std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& sp) {
      if (!sp.entry || sp.entry->category != Category::kSpeech || sp.entry->label != "after" ||
          sp.end_token > m->first_token || m->first_token - sp.end_token > 2) {
        return false;
      }
      for (std::uint32_t k = sp.end_token; k < m->first_token; ++k) {
        const bool small = std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& d) {
          return d.entry && d.first_token <= k && k < d.end_token &&
                 (d.entry->category == Category::kDeterminer || d.entry->category == Category::kLocationPrep);
        });
        if (!small) return false;
      }
      return true;
    });
  });
  auto stages = s.of(Category::kStage);
  // The occasion of a speech is the act the page tells, no act of its own:
  // "..., Kenji Arimura ... said at the signing ceremony in Jujuy", "sagte
  // er bei der Unterzeichnung" (a stage word at most three words after a
  // verb of saying, an occasion's preposition between, "at", "bei der",
  // and no instrument: "said it signed a memorandum" states the act).
  std::erase_if(stages, [&](const Mention* m) {
    return std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& sp) {
      if (!sp.entry || sp.entry->category != Category::kSpeech || sp.end_token > m->first_token ||
          m->first_token - sp.end_token > 3) {
        return false;
      }
      const bool occasion = std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& p) {
        return p.entry && p.entry->category == Category::kLocationPrep && p.entry->label == "at" &&
               p.first_token >= sp.end_token && p.end_token <= m->first_token;
      });
      return occasion && std::none_of(instruments.begin(), instruments.end(), [&](const Mention* i) {
               return i->first_token >= sp.end_token && i->first_token < m->first_token;
             });
    });
  });
  // "hatten ... ihre Verhandlungen über ein Freihandelsabkommen
  // abgeschlossen", "concluded negotiations on a trade agreement": a word of
  // completion in the clause of the talks, with no side named between them,
  // ends the talks; their end is announced, nothing is signed.
  bool talks_concluded = false;
  for (const Mention* n : s.of(Category::kInstrument)) {
    if (n->entry->label != "negotiations") continue;
    std::erase_if(stages, [&](const Mention* m) {
      if (m->entry->label != "signed") return false;
      const bool after = m->first_token >= n->end_token && m->first_token - n->end_token <= 8;
      const bool before = m->end_token <= n->first_token && n->first_token - m->end_token <= 2;
      if (!after && !before) return false;
      const std::uint32_t from = after ? n->end_token : m->end_token, to = after ? m->first_token : n->first_token;
      const std::string_view between =
          std::string_view(text).substr(s.tokens[from - 1].span.end, s.tokens[to].span.begin - s.tokens[from - 1].span.end);
      if (between.find_first_of(",;:") != std::string_view::npos) return false;
      const bool side_between = std::any_of(s.actors.begin(), s.actors.end(), [&](const ActorMention& a) {
        return a.first_token >= from && a.first_token < to;
      });
      if (side_between) return false;
      talks_concluded = true;
      return true;
    });
  }
  // "Erklæringen bygger videre på et tæt samarbejde: Landene underskrev i
  // august 2022 en hensigtserklæring ...": an instrument opening the
  // sentence (over articles) that is the kind of the act told just before
  // refers back to that act; the acts the sentence states are the other
  // formal instruments it names.
  // (Or a bare "agreement": "L'intesa si inserisce nel partenariato
  // strategico ... avviato nel 2021" after a history of memoranda is the
  // page's act; a specific one, "Das Wirtschaftspartnerschaftsabkommen
  // wurde ... unterzeichnet", is an act of its own.)
  // (Or the kind of an act told before that, a quote between them: "The
  // memorandum builds on a joint statement ... which the two governments
  // signed in Edinburgh in 2021".)
  std::string referred_back;  // the kind of the act the sentence opens on, when it states another
  if (instruments.size() >= 2 && !previous.instrument.empty() &&
      (instruments.front()->entry->label == previous.instrument ||
       earlier.by_instrument.contains(instruments.front()->entry->label) ||
       at_most_an_agreement(instruments.front()->entry->label))) {
    const Mention* opening = instruments.front();
    bool at_start = true;
    for (std::uint32_t t = 0; t < opening->first_token && at_start; ++t) {
      at_start = std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& d) {
        return d.entry && d.entry->category == Category::kDeterminer && d.first_token <= t && t < d.end_token;
      });
    }
    const bool others = std::any_of(instruments.begin() + 1, instruments.end(), [&](const Mention* m) {
      return at_least_an_agreement(m->entry->label) && m->entry->label != opening->entry->label;
    });
    // (Unless its own clause dates it before the other instrument is named:
    // "Förhandlingarna inleddes i januari, sedan länderna ... kommit överens
    // om en gemensam förklaring" tells when the negotiations began, an act
    // of its own.)
    const std::size_t from = s.tokens[opening->end_token - 1].span.end;
    std::size_t clause_end = s.span.end;
    for (std::size_t k = from; k + 1 < s.span.end; ++k) {
      if ((text[k] == ',' || text[k] == ';' || text[k] == ':') && text[k + 1] == ' ') { clause_end = k; break; }
    }
    std::uint32_t next_act = static_cast<std::uint32_t>(s.tokens.size());
    for (auto m = instruments.begin() + 1; m != instruments.end(); ++m) {
      if (at_least_an_agreement((*m)->entry->label) && (*m)->entry->label != opening->entry->label) {
        next_act = std::min(next_act, (*m)->first_token);
      }
    }
    const bool dated_here = std::any_of(s.dates.begin(), s.dates.end(), [&](const DateMention& d) {
      return !d.target && d.first_token >= opening->end_token && d.end_token <= next_act &&
             s.tokens[d.first_token].span.begin < clause_end;
    });
    if (at_start && others && !dated_here) {
      referred_back = opening->entry->label;
      instruments.erase(instruments.begin());
    }
  }
  // "…戦略的パートナーシップを立ち上げており、今回の覚書はその具体化の一つです",
  // "... launched a partnership in 2021, of which the new agreement is a
  // part": the page's own act named after another instrument only points
  // back at it; the sentence's act is the other one.
  if (instruments.size() >= 2) {
    for (const Mention* g : s.of(Category::kGroupRef)) {
      if (g->entry->label != "new") continue;
      auto it = std::find_if(instruments.begin(), instruments.end(),
                             [&](const Mention* m) { return m->first_token == g->end_token; });
      if (it != instruments.end() && it != instruments.begin() && at_least_an_agreement((*instruments.begin())->entry->label)) {
        instruments.erase(it);
        break;
      }
      // ... or before it ("また、今回の覚書は、…グリーン・アライアンスの下での
      // 協力を後押しする", "the new agreement supports the partnership ...").
      if (it == instruments.begin() && std::any_of(it + 1, instruments.end(), [&](const Mention* m) {
            return at_least_an_agreement(m->entry->label) && m->entry->label != (*it)->entry->label;
          })) {
        instruments.erase(it);
        break;
      }
    }
  }
  // "Avtalet kompletterar det samarbete om råvaror som de nordiska länderna
  // inledde med Kanada i fjol": the act told last, opening the sentence
  // (group_ref this_act), is its subject, not its act; the act is the
  // cooperation named after it with a stage of its own.
  if (instruments.size() == 1 && instruments.front()->first_token <= 1) {
    const Mention* opening = instruments.front();
    const bool refers_back = std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& g) {
      return g.entry && g.entry->category == Category::kGroupRef && g.entry->label == "this_act" &&
             g.first_token == opening->first_token;
    });
    const Mention* later = nullptr;
    for (const Mention* c : s.of(Category::kCooperation)) {
      if (c->first_token >= opening->end_token) { later = c; break; }
    }
    const bool own_act = later && std::any_of(stages.begin(), stages.end(), [&](const Mention* m) {
                           return m->first_token > later->first_token;
                         });
    if (refers_back && own_act) instruments.clear();
  }
  bool agree = s.has(Category::kAgreeVerb);
  bool cooperation = s.has(Category::kCooperation);
  // "El proyecto H2Med fue acordado el 20 de octubre de 2022 ... por el
  // presidente francés y el primer ministro portugués": a dated agreement
  // of two sides the sentence names is an act, with no instrument word.
  const bool dated_agreement = instruments.empty() && !cooperation && agree &&
                               std::any_of(s.dates.begin(), s.dates.end(), [](const DateMention& d) { return !d.target; });
  if (instruments.empty() && !(cooperation && (agree || !stages.empty())) && !dated_agreement) return out;
  // A negation is a hedge unless it belongs to a stage ("går ikke videre
  // med": the cooperation ended, an act of its own).
  for (const Mention* h : s.of(Category::kHedge)) {
    bool in_stage = std::any_of(stages.begin(), stages.end(), [&](const Mention* m) {
      return m->first_token <= h->first_token && h->end_token <= m->end_token;
    });
    if (!in_stage) return out;
  }

  // Parties: names first; demonyms only when fewer than two names stand in
  // the sentence ("danske og koreanske myndigheder" are the countries, but
  // in "the Korean industry body ..., KHA" the org is the party).
  PartySet parties(gazetteer_);
  int names = 0;
  std::vector<std::uint32_t> org_starts;  // where named organizations begin
  // An organizer is left out where two other parties are named: a clause
  // like "the wind power that Sweden produces" may name the only partner.
  int named = static_cast<int>(s.unknown_orgs.size()), organizers = 0;
  for (const ActorMention& a : s.actors) {
    if (!a.is_party() || a.form != AliasForm::kName) continue;
    ++named;
    organizers += organizer_in_relative_clause(text, s, a.first_token);
  }
  for (const UnknownOrg& o : s.unknown_orgs) organizers += organizer_in_relative_clause(text, s, o.first_token);
  const bool drop_organizers = organizers > 0 && named - organizers >= 2;
  const std::uint32_t route = route_start(s, gazetteer_);
  const auto witnesses = witness_spans(text, s);
  auto witness = [&](std::uint32_t token) {
    return std::any_of(witnesses.begin(), witnesses.end(), [&](const auto& w) { return w.first <= token && token < w.second; });
  };
  for (const ActorMention& a : s.actors) {
    if (!a.is_party() || a.form != AliasForm::kName) continue;
    if (a.first_token >= route && gazetteer_.actors()[a.actor].kind != "organization") continue;
    if (witness(a.first_token)) continue;
    // An organization in a relative clause organizes or hosts ("en
    // næringslivsuke som Innovasjon Norge arrangerer"): never a party.
    if ((drop_organizers || gazetteer_.actors()[a.actor].kind == "organization") &&
        organizer_in_relative_clause(text, s, a.first_token)) {
      continue;
    }
    ++names;
    parties.add(a.actor, party_of(a.actor, s, a));
    if (gazetteer_.actors()[a.actor].kind == "organization") org_starts.push_back(a.first_token);
  }
  // A state's ministry named by its fields beside states, or other
  // states' ministries, and no organization acts for its state ("Norge og
  // Vietnams ministerium for ..."); beside an agency it is a side of its own.
  const bool among_states = ministries_act_for_states(gazetteer_, s);
  for (const UnknownOrg& o : s.unknown_orgs) {
    if (drop_organizers && organizer_in_relative_clause(text, s, o.first_token)) continue;
    if (witness(o.first_token) || o.affiliation) continue;
    ++names;
    if (o.seat >= 0 && (among_states || o.state_acts)) {
      const Actor& state = gazetteer_.actors()[static_cast<std::size_t>(o.seat)];
      parties.add(o.seat, Party{state.name, state.kind, state.country, state.subdivision,
                                {s.tokens[o.first_token].span.begin, s.tokens[o.end_token - 1].span.end}});
      continue;
    }
    parties.add(-1, Party{o.name, "organization", "", "",
                          {s.tokens[o.first_token].span.begin, s.tokens[o.end_token - 1].span.end}});
    org_starts.push_back(o.first_token);
  }
  if (const auto seats = seats_named(s); !seats.empty()) {
    PartySet states(gazetteer_);
    for (const auto& [a, state] : seats) states.add(state, party_of(state, s, *a));
    if (states.size() >= 2) {
      parties = states;
      names = static_cast<int>(states.size());
    }
  }
  // "the document's own government" ("die Landesregierung", "regjeringen")
  // is the first main actor.
  const int names_by_name = names;
  // "Norske og japanske aktørar har samarbeidd om hydrogen i fleire år": a
  // cooperation word that only says it goes on, with neither side named by
  // name, is background, no act (as "Trøndelag og Jämtland har samarbeidd"
  // is one).
  if (instruments.empty() && !agree && names_by_name < 2 && !s.has(Category::kSelfRef) && !stages.empty() &&
      std::all_of(stages.begin(), stages.end(), [](const Mention* m) { return m->entry->label == "ongoing"; })) {
    return out;
  }
  // "Trøndelag og Jämtland Härjedalen har samarbeidd ...": two names joined
  // by "and", the sentence's two sides.
  bool both_joined = false;
  for (const ActorMention& a : s.actors) {
    if (both_joined || !a.is_party() || a.form != AliasForm::kName) continue;
    for (const ActorMention& b : s.actors) {
      if (b.is_party() && b.form == AliasForm::kName && s.joined_by_and(a.end_token, b.first_token, true)) {
        both_joined = true;
      }
    }
  }
  std::int64_t self = -1;
  if (s.has(Category::kSelfRef)) {
    // A company's own word ("当社", self_ref label "organization") in a
    // sentence naming an instrument is the first organization among the
    // main actors, the release's issuer (its plans for a contract are
    // business, no act); the others ("本県") the first government.
    const bool own_org = s.has_label(Category::kSelfRef, "organization") && s.has(Category::kInstrument) &&
                         std::any_of(main_actors.begin(), main_actors.end(),
                                     [](const MainActor& m) { return m.party.kind == "organization"; });
    for (const MainActor& m : main_actors) {
      if ((m.party.kind == "organization") != own_org || (m.actor < 0 && !own_org)) continue;
      self = m.actor;
      parties.add(m.actor, m.party);
      ++names;
      break;
    }
  }
  // An actor in the genitive before words that are not about cooperation
  // owns something ("etter EUs nye batteristrategi", "Norway's
  // exports"): no party, when two others are named ("Norges samarbeid med
  // Japan", "the EU's sixth partnership" and "Norges statsminister" stay).
  {
    std::vector<std::string> possessors;
    for (const ActorMention& a : s.actors) {
      if (!a.is_party() || a.form != AliasForm::kName || a.end_token >= s.tokens.size()) continue;
      std::string_view last = s.tokens[a.end_token - 1].span.of(text);
      const Actor& act = gazetteer_.actors()[a.actor];
      // (A name that ends in s itself, "Sveits", "Paris", owns nothing:
      // only the loader's genitive forms, "Norges", do.)
      const bool genitive_form = std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& m) {
        return m.alias && m.alias->genitive && m.alias->actor == a.actor && m.first_token == a.first_token &&
               m.end_token == a.end_token;
      });
      bool genitive = last.ends_with("'s") || last.ends_with("’s") ||
                      (last.ends_with("s") && genitive_form && !act.name.ends_with("s") && !act.name.ends_with("S") &&
                       std::string_view(act.name).find(last) == std::string_view::npos);
      if (!genitive) continue;
      // The owned thing within three words ("the EU's sixth partnership").
      bool about_cooperation = std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& m) {
        if (!m.entry || m.first_token < a.end_token || m.first_token > a.end_token + 2) return false;
        Category c = m.entry->category;
        return c == Category::kCooperation || c == Category::kInstrument || c == Category::kRole ||
               c == Category::kGovernment || c == Category::kAgreeVerb || c == Category::kStage ||
               c == Category::kSelfRef || c == Category::kGroupRef;
      });
      if (!about_cooperation) possessors.push_back(party_key(party_of(a.actor, s, a)));
    }
    if (!possessors.empty() && parties.size() >= possessors.size() + 2) {
      for (const std::string& k : possessors) parties.remove(k);
    }
  }
  // "Le due regioni si impegnano a presentare progetti sui programmi europei":
  // where "the two sides" stand for the last act's two sides, a demonym
  // says whose programmes, not with whom.
  const bool pair_of_last = previous.parties.size() >= 2 && std::any_of(s.mentions.begin(), s.mentions.end(), [](const Mention& m) {
    return m.entry && m.entry->category == Category::kGroupRef && is_pair_label(m.entry->label);
  });
  if (names < 2 && !(pair_of_last && names == 0)) {
    for (const ActorMention& a : s.actors) {
      if (!a.is_party() || a.form != AliasForm::kDemonym || witness(a.first_token)) continue;
      // "the Japanese steel maker Kitaura ...": an attribute of the
      // organization it introduces, not a party.
      bool attribute = std::any_of(org_starts.begin(), org_starts.end(), [&](std::uint32_t o) {
        return o > a.first_token && o - a.end_token <= 3;
      });
      // "europeisk samarbeid", "European cooperation": a union's adjective
      // before the cooperation word says where, not with whom.
      if (gazetteer_.actors()[a.actor].kind == "supranational") {
        attribute = attribute || std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& m) {
          return m.entry && m.first_token == a.end_token &&
                 (m.entry->category == Category::kCooperation || m.entry->category == Category::kInstrument);
        });
      }
      if (attribute) continue;
      // "in talks with a South Korean battery materials company": a company
      // described, not named (an indefinite article, determiner label
      // "indef", before the demonym, an organization noun within three words
      // after it, no name after the noun) is the side, under its
      // description, not its state.
      if (const Party described = described_organization(text, s, a, org_starts, gazetteer_); !described.name.empty()) {
        parties.add(-1, described);
        continue;
      }
      // "the Japanese side", "la partie japonaise" (group_ref side next to
      // the demonym) after an act between organizations: the one of them of
      // that country, not the state.
      const bool side = std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& m) {
        return m.entry && m.entry->category == Category::kGroupRef && m.entry->label == "side" &&
               (m.first_token == a.end_token || m.end_token == a.first_token);
      });
      const Actor& state = gazetteer_.actors()[a.actor];
      std::vector<const Party*> of_state;
      const bool between_orgs =
          !previous.parties.empty() &&
          std::all_of(previous.parties.begin(), previous.parties.end(), [](const Party& p) { return p.kind == "organization"; });
      for (const Party& p : previous.parties) {
        if (side && between_orgs && state.kind == "country" && p.country == state.country) of_state.push_back(&p);
      }
      if (of_state.size() == 1) {
        parties.add_party(*of_state.front());
      } else {
        parties.add(a.actor, party_of(a.actor, s, a));
      }
    }
  }
  parties.prune_parts();
  parties.prune_joint_bodies();
  // Parties left implicit: "the two sides" are the last event's; otherwise
  // the document's main actors (its title and lead) stand in.
  double confidence = instruments.empty() ? 0.45 : 0.6;
  // A pair of a kind ("beide regio's", label "pair:region") is the last
  // event's sides only if they are of that kind, else the main actors of it.
  const Mention* pair_ref = nullptr;
  for (const Mention& m : s.mentions) {
    if (m.entry && m.entry->category == Category::kGroupRef && is_pair_label(m.entry->label)) {
      pair_ref = &m;
      break;
    }
  }
  // "Beide Länder sind zudem Teil der Europaregion Donau-Moldau, in der sie
  // gemeinsam mit Niederbayern ... Projekte abstimmen": the pair before a
  // membership are its members; places named after the body are other
  // members of it, no parties.
  if (pair_ref) {
    const Mention* membership = nullptr;
    for (const Mention* m : instruments) {
      if (m->entry->label == "platform" && m->first_token >= pair_ref->end_token) { membership = m; break; }
    }
    if (membership != nullptr) {
      const std::size_t after = s.tokens[membership->end_token - 1].span.end;
      std::vector<std::string> later;
      bool body = false;
      for (const Party& p : parties.parties()) {
        if (p.kind == "organization") body = true;
        else if (!p.span.empty() && p.span.begin >= after) later.push_back(party_key(p));
      }
      if (body) {
        for (const std::string& k : later) parties.remove(k);
      }
    }
  }
  if (parties.size() < 2 && pair_ref) {
    const std::string_view kind = std::string_view(pair_ref->entry->label).substr(std::string_view("pair").size());
    auto of_kind = [&](const Party& p) { return pair_of_kind(pair_ref->entry->label, p); };
    // "once the negotiations are complete, which both sides hope ...": a
    // sentence that names the kind of an earlier act, not that of the last
    // one, means the sides of the last act of that kind.
    const std::vector<Party>* sides_of = &previous.parties;
    const bool names_last_kind = std::any_of(instruments.begin(), instruments.end(), [&](const Mention* m) {
      return m->entry->label == previous.instrument;
    });
    if (!names_last_kind) {
      for (const Mention* m : instruments) {
        auto it = earlier.by_instrument.find(m->entry->label);
        if (it != earlier.by_instrument.end() && it->second.size() >= 2) { sides_of = &it->second; break; }
      }
      // ... or of the act it opens on ("The memorandum builds on a joint
      // statement ... which the two governments signed"): the sides of that.
      auto it = earlier.by_instrument.find(referred_back);
      if (sides_of == &previous.parties && it != earlier.by_instrument.end() && it->second.size() >= 2) {
        sides_of = &it->second;
      }
    }
    // "Les deux agences avaient conclu un premier protocole en 2014" after
    // an act that joined an agency and a state: the last act whose sides
    // are all of the kind, before the main actors of it.
    const std::vector<Party>* last_of_kind = nullptr;
    for (auto it = earlier.in_order.rbegin(); !kind.empty() && it != earlier.in_order.rend() && !last_of_kind; ++it) {
      if (std::all_of(it->begin(), it->end(), of_kind)) last_of_kind = &*it;
    }
    const std::vector<Party> named_so_far = parties.parties();
    const bool named_kind = std::all_of(named_so_far.begin(), named_so_far.end(), of_kind);
    if (sides_of->size() >= 2 && std::all_of(sides_of->begin(), sides_of->end(), of_kind)) {
      for (const Party& p : *sides_of) parties.add_party(p);
      confidence -= 0.05;
    } else if (last_of_kind && named_kind) {
      for (const Party& p : *last_of_kind) parties.add_party(p);
      confidence -= 0.05;
    } else if (!kind.empty()) {
      std::vector<const MainActor*> sides;
      for (const MainActor& m : main_actors) {
        if (of_kind(m.party)) sides.push_back(&m);
      }
      if (sides.size() >= 2) {
        for (const MainActor* m : sides) parties.add(m->actor, m->party);
        confidence -= 0.05;
      } else if (index > 0 && views[index - 1].paragraph == s.paragraph) {
        // "El IDAE y la Agencia Neerlandesa de Empresas coordinarán ...
        // Ambas agencias mantienen ...": the two of the kind the sentence
        // before names, where no act or main actor has them.
        const SentenceView& before = views[index - 1];
        PartySet told(gazetteer_);
        for (const ActorMention& a : before.actors) {
          if (a.is_party() && a.form == AliasForm::kName) told.add(a.actor, party_of(a.actor, before, a));
        }
        for (const UnknownOrg& o : before.unknown_orgs) {
          if (!o.affiliation) told.add(-1, Party{o.name, "organization", "", "", {}});
        }
        const std::vector<Party> two = told.parties();
        if (two.size() == 2 && std::all_of(two.begin(), two.end(), of_kind)) {
          for (const Party& p : two) parties.add_party(p);
          confidence -= 0.05;
        }
      }
    }
  }
  // With no party named, all the main actors stand in (a multilateral
  // summit's page names its members up front); with one named, the first
  // main actor that is not it is the other side.
  const bool named_here = parties.size() >= 2;  // not filled in from the lead
  // "EU-kommisjonen oppretta alliansen same året": the one side named, not
  // one of the page's own actors, founds or launches a platform with no
  // cooperation word: the founder, not a side of an act with the page's
  // actor (who joins the platform elsewhere).
  if (parties.size() == 1 && !cooperation && !instruments.empty() && !stages.empty() &&
      std::all_of(instruments.begin(), instruments.end(), [](const Mention* m) { return m->entry->label == "platform"; }) &&
      std::all_of(stages.begin(), stages.end(), [](const Mention* m) { return m->entry->label == "announced"; })) {
    const std::string key = party_key(parties.parties().front());
    if (std::none_of(main_actors.begin(), main_actors.end(), [&](const MainActor& m) { return party_key(m.party) == key; })) {
      return out;
    }
  }
  if (dated_agreement && !named_here) return out;
  // "JOGMEC and the bureau signed ...": an organization described, joined
  // by "and" to one named, that no name resolves is the other side; no main
  // actor stands in for it (a state least of all).
  if (parties.size() == 1 && parties.parties().front().kind == "organization") {
    const Party one = parties.parties().front();  // a copy: the set changes below
    const bool described_side = std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& m) {
      if (!m.entry || m.entry->category != Category::kOrgHead || m.entry->label != "noun") return false;
      const bool named_by_it = std::any_of(s.actors.begin(), s.actors.end(), [&](const ActorMention& a) {
        return a.form == AliasForm::kName && a.first_token < m.end_token + 1 && m.first_token < a.end_token + 1;
      }) || std::any_of(s.unknown_orgs.begin(), s.unknown_orgs.end(), [&](const UnknownOrg& o) {
        return o.first_token < m.end_token + 1 && m.first_token < o.end_token + 1;
      });
      if (named_by_it) return false;
      return !one.span.empty() && std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& c) {
               return c.entry && c.entry->category == Category::kConjunction && c.entry->label == "and" &&
                      s.tokens[c.first_token].span.begin >= one.span.end && c.end_token <= m.first_token &&
                      c.end_token + 2 >= m.first_token && s.tokens[c.first_token].span.begin - one.span.end <= 1;
             });
    });
    if (described_side) return out;
  }
  if (parties.size() < 2) {
    const bool all = parties.size() == 0;
    // "the two agencies" (a pair of a kind) are never filled in with a
    // main actor of another kind: no state stands in for an agency.
    const bool pair_kind = pair_ref && is_pair_label(pair_ref->entry->label) && pair_ref->entry->label != "pair";
    // The other side of one named place is, where the lead names one, a
    // main actor of another country: the cooperation is across a border
    // ("Gouverneur Uchibori ... mit der Freien und Hansestadt Hamburg" in a
    // page about NRW and Fukushima is Fukushima's act).
    if (!all && !pair_kind) {
      const std::vector<Party> one = parties.parties();
      const std::string& country = one.front().country;
      if (one.front().kind != "organization" && !country.empty()) {
        for (const MainActor& m : main_actors) {
          if (m.party.kind != "organization" && !m.party.country.empty() && m.party.country != country) {
            parties.add(m.actor, m.party);
            parties.prune_parts();
            break;
          }
        }
      }
    }
    // With none named, where every state among the main actors has one of
    // its bodies among them too (its agency, a ministry seated in it:
    // "Danmark og Vietnam" in the title, "Energistyrelsen og Vietnams
    // Ministerium for ..." in the lead), the bodies stand in, not the states.
    auto body_of = [&](const MainActor& body, std::int64_t state) {
      if (body.party.kind != "organization") return false;
      if (body.seat >= 0) return body.seat == state;
      std::int64_t up = body.actor;
      for (int hops = 0; up >= 0 && hops < 6; ++hops) {
        const std::string& key = gazetteer_.actors()[static_cast<std::size_t>(up)].parent;
        up = key.empty() ? -1 : gazetteer_.find(key);
        if (up == state) return true;
      }
      return false;
    };
    auto has_body = [&](const MainActor& st) {
      return st.actor >= 0 && st.party.kind != "organization" &&
             std::any_of(main_actors.begin(), main_actors.end(), [&](const MainActor& b) { return body_of(b, st.actor); });
    };
    const bool bodies_stand_in =
        all && !pair_ref && std::any_of(main_actors.begin(), main_actors.end(), [](const MainActor& m) { return m.party.kind != "organization"; }) &&
        std::all_of(main_actors.begin(), main_actors.end(), [&](const MainActor& m) { return m.party.kind == "organization" || has_body(m); });
    for (const MainActor& m : main_actors) {
      if (!all && parties.size() >= 2) break;
      if (bodies_stand_in && m.party.kind != "organization") continue;
      if (pair_ref && !pair_of_kind(pair_ref->entry->label, m.party)) continue;
      if (parties.holds_organization_of(m.actor)) continue;
      parties.add(m.actor, m.party);
      parties.prune_parts();
    }
    confidence -= 0.15;
  }
  if (parties.size() < 2) return out;
  // The cooperation the schema records crosses a border or joins regions:
  // sides all of one country, no two of them regions of their own ("des
  // entreprises françaises ... en partenariat avec Business France"), state
  // a domestic act, not one of these.
  {
    const std::vector<Party> sides = parties.parties();
    const std::string& country = sides.front().country;
    std::set<std::string> regions;
    bool one_country = !country.empty();
    for (const Party& p : sides) {
      one_country = one_country && p.country == country;
      if (!p.subdivision.empty()) regions.insert(p.subdivision);
    }
    if (one_country && regions.size() <= 1) return out;
  }
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
  // "inledde förhandlingar om ett avtal", "started negotiations on a
  // framework agreement": the act is the negotiation, the agreement its
  // object, unless the sentence also reports it done. (A trade agreement's
  // negotiations are named as the agreement: "EPA交渉", "FTA talks".)
  // (So too a verb that negotiates a document: "forhandler nå om en
  // samarbeidsavtale", "negocia un memorando"; a partnership being worked
  // out, "arbeider med et industrielt partnerskap", is being built.)
  const bool document = instrument != "strategic_partnership" && instrument != "industrial_partnership" &&
                        at_least_an_agreement(instrument);
  const bool negotiating_verb = document && std::any_of(stages.begin(), stages.end(), [](const Mention* m) {
    return m->entry->label == "negotiating";
  });
  const bool negotiating = negotiating_verb || std::any_of(instruments.begin(), instruments.end(), [](const Mention* m) {
    return m->entry->label == "negotiations";
  });
  const bool done = std::any_of(stages.begin(), stages.end(), [](const Mention* m) {
    return stage_rank(m->entry->label) >= stage_rank("renewed");
  });
  if (negotiating && !done && instrument != "negotiations" && instrument != "trade_agreement") {
    instrument = "negotiations";
    auto talks = std::find_if(instruments.begin(), instruments.end(), [](const Mention* m) {
      return m->entry->label == "negotiations";
    });
    if (talks != instruments.end()) instrument_mention = *talks;
  }
  if (!instruments.empty()) confidence += 0.1;

  // Dates that can date an act (not goals); not those of a relative clause
  // after the act's stage that tells no stage, agreement or instrument of
  // its own ("signée ... en présence de M. Modi, qui avaient coprésidé lundi
  // et mardi le sommet": the summit's days).
  std::uint32_t clause = static_cast<std::uint32_t>(s.tokens.size());
  for (const Mention& r : s.mentions) {
    if (!r.entry || r.entry->category != Category::kRelative || r.first_token == 0) continue;
    const std::size_t at = s.tokens[r.first_token].span.begin, prev_end = s.tokens[r.first_token - 1].span.end;
    if (std::string_view(text).substr(prev_end, at - prev_end).find(',') == std::string_view::npos) continue;
    const bool stage_before = std::any_of(stages.begin(), stages.end(), [&](const Mention* m) {
      return m->end_token <= r.first_token;
    });
    const bool stage_in = std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& m) {
      return m.entry && m.first_token >= r.end_token &&
             (m.entry->category == Category::kStage || m.entry->category == Category::kAgreeVerb ||
              m.entry->category == Category::kInstrument);
    });
    if (stage_before && !stage_in) {
      clause = r.first_token;
      break;
    }
  }
  std::vector<const DateMention*> dates;
  for (const DateMention& d : s.dates) {
    if (!d.target && d.first_token < clause) dates.push_back(&d);
  }
  // Running talks with a plan told after them ("forhandler nå om en avtale,
  // som etter planen skal være klar til høsten"): the plan's date is when
  // the talks should end, not an act of its own.
  if (negotiating && !done) {
    std::erase_if(dates, [&](const DateMention* d) {
      return std::any_of(stages.begin(), stages.end(), [&](const Mention* m) {
        return m->entry->label == "planned" && m->end_token <= d->first_token &&
               std::any_of(stages.begin(), stages.end(), [&](const Mention* n) {
                 return n->entry->label == "negotiating" && n->end_token <= m->first_token;
               });
      });
    });
  }

  auto make = [&](const std::string& stage, const DateMention* d, const std::string& act_instrument) {
    Candidate c;
    c.event.parties = parties.parties();
    c.event.instrument = act_instrument;
    c.event.stage = stage;
    // A cooperation that goes on "now" ("samarbeider nå med", "arbeiten
    // heute eng zusammen") has no date: the page's day is none of its acts.
    if (d && stage == "ongoing" && d->relative && !published.empty() && d->date == published) d = nullptr;
    if (d) {
      c.event.date = d->date.to_string();
      // An unresolved day only tells acts apart when it dates an act (not
      // a webinar "am 26. Januar" in a sentence that mentions a partnership).
      if (stage_rank(stage) >= stage_rank("planned")) c.unresolved_date = d->unresolved;
      c.dated_in_text = !d->date.empty();
      c.future = later_than(d->date, published);
      // A dateline's day ("SEOUL, Sept 11 (Reuters) -") dates the report,
      // as the page's day does: the body's "on Wednesday" dates the act.
      if (d->dateline) c.dated_by_publication = true;
      if (d->date.empty() && (d->unresolved.starts_with("same_") || d->unresolved == "occasion")) c.same_date = d->unresolved;
      // An act dated after the page was published has not happened yet:
      // "Begin volgend jaar starten ... onderhandelingen" is planned.
      if (later_than(d->date, published) && stage != "planned" && stage != "ongoing" && stage != "expired") {
        c.event.stage = "planned";
      }
    }
    c.event.evidence = std::string(s.span.of(text));
    c.event.evidence_span = s.span;
    c.event.confidence = std::clamp(confidence + (stage == "signed" ? 0.1 : 0.0), 0.05, 0.99);
    c.no_act_words = stages.empty() && !agree && dates.empty();
    c.in_passing = !named_here && c.no_act_words;
    c.parties_named = named_here;
    // (A heading, "Partnerschaft zwischen Bayern und Aichi", states none.)
    const bool heading = s.own_line && !text::ends_with_terminal(s.span.of(text));
    c.names_both = names_by_name >= 2 && both_joined && !heading;
    c.sentence = index;
    for (const Party& p : c.event.parties) c.party_keys.push_back(party_key(p));
    std::sort(c.party_keys.begin(), c.party_keys.end());
    return c;
  };
  // A date "since" an act of a formal instrument dates its signature ("has
  // had an MoU since 2018"); of a looser cooperation, its start.
  // (Negotiating "seit Anfang des Jahres" is still negotiating.)
  auto since_stage = [&]() {
    if (instrument == "negotiations") return "negotiating";
    return at_least_an_agreement(instrument) ? "signed" : "ongoing";
  };
  auto default_stage = [&](const DateMention* d) -> std::string {
    if (instrument == "negotiations") return "negotiating";
    if (d && d->since) return since_stage();
    // A formal instrument of a year before the page's ("built on the Trade
    // Agreement of 2019", "die 2019 ... Energiepartnerschaft") was concluded
    // then: no stage word needed.
    if (d && d->date.year && published.year && d->date.year < published.year && at_least_an_agreement(instrument) &&
        !agree) {
      return "signed";
    }
    return "announced";
  };
  auto centre = [](std::uint32_t a, std::uint32_t b) { return static_cast<int>(a + b); };

  // A history: several dated acts in one sentence ("signed in 2014, extended
  // in 2017, to be renewed in 2021"). Each date takes the nearest stage
  // mention and makes one event.
  {
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
    // "underskrev i august 2022 en hensigtserklæring ..., og i juni 2023
    // fulgte en aftale": a history with one stage word, where each date has
    // a formal instrument of its own in its clause.
    std::vector<const Mention*> formal;
    for (const Mention* m : instruments) {
      if (at_least_an_agreement(m->entry->label)) formal.push_back(m);
    }
    // "Forhandlingene startet i 2008, ble lagt på is ... og har pågått igjen
    // siden 2017": talks begun, paused and resumed, with nothing signed or
    // renewed, are one act of talks going on, dated by their first start.
    if (instrument == "negotiations" && formal.empty() && dates.size() >= 2 &&
        std::none_of(stages.begin(), stages.end(), [](const Mention* m) {
          return m->entry->label == "signed" || m->entry->label == "renewed" || m->entry->label == "extended" ||
                 m->entry->label == "planned";
        })) {
      const DateMention* first = dates.front();
      for (const DateMention* d : dates) {
        if (later_than(first->date, d->date)) first = d;
      }
      dates = {first};
      std::erase_if(stages, [](const Mention* m) { return m->entry->label == "expired"; });
    }
    bool by_instrument = dates.size() >= 2 && stages.size() < 2 && formal.size() >= dates.size();
    // "wurde 2012 und 2022 erneuert", "renewed in 2012 and 2022": dates
    // joined by "and" share the one stage word: one act each.
    auto dates_joined = [&](const DateMention* x, const DateMention* y) {
      return s.joined_by_and(x->end_token, y->first_token, true) || s.joined_by_and(y->end_token, x->first_token, true);
    };
    bool joined_dates = false;
    for (std::size_t k = 1; !by_instrument && stages.size() == 1 && k < dates.size(); ++k) {
      joined_dates = joined_dates || dates_joined(dates[k - 1], dates[k]);
    }
    std::vector<const Mention*> own;
    for (const DateMention* d : dates) {
      if (!by_instrument) break;
      const Mention* m = nearest(d, formal);
      by_instrument = m && !across_clause(d, m) && std::find(own.begin(), own.end(), m) == own.end();
      own.push_back(m);
    }
    // The clause (between commas, semicolons and colons) a byte of the
    // sentence stands in: "Het Havenbedrijf Rotterdam werkt al langer aan
    // zulke corridors: in augustus 2022 tekende het met ... Singapore ...,
    // en in mei 2024 sloot het ... met de haven van Göteborg".
    auto clause_of = [&](std::size_t at) {
      int n = 0;
      for (std::size_t k = s.span.begin; k + 1 < at && k + 1 < s.span.end; ++k) {
        n += (text[k] == ',' || text[k] == ';' || text[k] == ':') && text[k + 1] == ' ';
      }
      return n;
    };
    // Each dated act in a clause of its own that names a partner of its
    // own is that partner's act with the sides named outside every dated
    // clause (who made them all), not one act of them all.
    std::vector<std::vector<Party>> act_parties;
    if ((by_instrument || (dates.size() >= 2 && stages.size() >= 2)) && parties.size() >= 3) {
      const std::vector<Party> all = parties.parties();
      std::vector<int> date_clause;
      for (const DateMention* d : dates) date_clause.push_back(clause_of(s.tokens[d->first_token].span.begin));
      std::vector<Party> shared;
      std::vector<std::vector<Party>> theirs(dates.size());
      for (const Party& p : all) {
        const int c = p.span.empty() ? -1 : clause_of(p.span.begin);
        bool placed = false;
        for (std::size_t k = 0; k < dates.size(); ++k) {
          if (date_clause[k] == c) { theirs[k].push_back(p); placed = true; }
        }
        if (!placed) shared.push_back(p);
      }
      std::set<int> distinct(date_clause.begin(), date_clause.end());
      const bool split = !shared.empty() && distinct.size() == dates.size() &&
                         std::all_of(theirs.begin(), theirs.end(), [](const auto& t) { return !t.empty(); });
      if (split) {
        for (auto& t : theirs) {
          t.insert(t.begin(), shared.begin(), shared.end());
          act_parties.push_back(t);
        }
      }
    }
    if (by_instrument || joined_dates || (dates.size() >= 2 && stages.size() >= 2)) {
      const PartySet whole = parties;
      std::vector<const Mention*> used;  // the instrument each act before took
      for (std::size_t k = 0; k < dates.size(); ++k) {
        const DateMention* d = dates[k];
        if (!act_parties.empty()) {
          PartySet mine(gazetteer_);
          for (const Party& p : act_parties[k]) mine.add_party(p);
          parties = mine;
        }
        const Mention* stage_mention = nearest(d, stages);
        // A stage word as near to a later date as to this one states the
        // later act ("firmato per la prima volta nel 2015 e rinnovato nel
        // 2020"): each date takes the nearest word that is its own.
        if (stage_mention && !by_instrument && dates.size() >= 2 && stages.size() >= 2 && !d->since) {
          auto dist = [&](const DateMention* x, const Mention* m) {
            return std::abs(centre(m->first_token, m->end_token) - centre(x->first_token, x->end_token)) +
                   (across_clause(x, m) ? 1000 : 0);
          };
          // Whether m stands between x and a later date as near to m as x.
          auto later_ones = [&](const DateMention* x, const Mention* m) {
            return x->end_token <= m->first_token && std::any_of(dates.begin(), dates.end(), [&](const DateMention* o) {
                     return o != x && o->first_token >= m->end_token && dist(o, m) == dist(x, m);
                   });
          };
          // ... or stands between it and a later date, when a stage word
          // before it, with no date between, is its own ("conclu entre les
          // deux pays en 2017 et renouvelé en janvier 2024").
          auto own_before = [&](const DateMention* x, const Mention* m) {
            if (x->end_token > m->first_token) return false;
            const bool later = std::any_of(dates.begin(), dates.end(), [&](const DateMention* o) {
              return o != x && o->first_token >= m->end_token;
            });
            return later && std::any_of(stages.begin(), stages.end(), [&](const Mention* b) {
                     return b != m && b->end_token <= x->first_token && !across_clause(x, b) &&
                            std::none_of(dates.begin(), dates.end(), [&](const DateMention* o) {
                              return o != x && o->first_token >= b->end_token && o->end_token <= x->first_token;
                            });
                   });
          };
          if (later_ones(d, stage_mention) || own_before(d, stage_mention)) {
            const Mention* own_stage = nullptr;
            int own_best = 1 << 30;
            for (const Mention* m : stages) {
              if (m == stage_mention || later_ones(d, m)) continue;
              if (dist(d, m) < own_best) { own_best = dist(d, m); own_stage = m; }
            }
            if (own_stage) stage_mention = own_stage;
          }
        }
        // More dates than stage words ("geht auf eine Vereinbarung von 2001
        // zurück, die 2011 erneuert und 2019 ... erweitert wurde"): a stage
        // word states the act of the date nearest to it only; a date nearer
        // to none has no verb of its own.
        if (!by_instrument && dates.size() > stages.size()) {
          auto dist = [&](const DateMention* x, const Mention* m) {
            return std::abs(centre(m->first_token, m->end_token) - centre(x->first_token, x->end_token)) +
                   (across_clause(x, m) ? 1000 : 0);
          };
          // (At equal distance, a date in a list joined by "and" is the
          // one the verb governs: "of 2014 was renewed in 2018 and 2022".)
          auto listed = [&](const DateMention* x) {
            return std::any_of(dates.begin(), dates.end(), [&](const DateMention* y) { return y != x && dates_joined(x, y); });
          };
          stage_mention = nullptr;
          int best = 1 << 30;
          for (const Mention* m : stages) {
            const bool mine = std::none_of(dates.begin(), dates.end(), [&](const DateMention* o) {
              return o != d && (dist(o, m) < dist(d, m) || (dist(o, m) == dist(d, m) && listed(o) && !listed(d)));
            });
            if (mine && dist(d, m) < best) { best = dist(d, m); stage_mention = m; }
          }
          // ... but a date joined by "and" to one that has a stage word
          // shares it ("1989 begründet, 2012 und 2022 erneuert").
          for (const DateMention* o : dates) {
            if (stage_mention || o == d || !dates_joined(d, o)) continue;
            for (const Mention* m : stages) {
              const bool theirs = std::none_of(dates.begin(), dates.end(), [&](const DateMention* x) {
                return x != o && (dist(x, m) < dist(o, m) || (dist(x, m) == dist(o, m) && listed(x) && !listed(o)));
              });
              if (theirs) stage_mention = m;
            }
          }
        }
        // With one stage word, a date across a clause from it has its own
        // act, done as a formal instrument of an earlier year is: concluded.
        if (by_instrument && stage_mention && across_clause(d, stage_mention)) stage_mention = nullptr;
        const Mention* instrument_near = nearest(d, instruments);
        std::string act_instrument = instrument;
        if (instrument_near && at_least_an_agreement(instrument_near->entry->label)) act_instrument = instrument_near->entry->label;
        // A date "since" states when the act began, whatever stage is named
        // nearest ("ett partnerskap sedan 2016, som förnyades 2021").
        std::string act_stage = stage_mention && !d->since ? static_cast<const std::string&>(stage_mention->entry->label) : default_stage(d);
        if (by_instrument && !stage_mention && !d->since) {
          act_stage = d->date.year && published.year && d->date.year < published.year ? "signed" : "announced";
        }
        // What is renewed or extended is what was signed before it: "eine
        // Absichtserklärung wurde 2014 unterzeichnet, 2017 verlängert und 2019
        // mit der Vereinbarung ... zusammengeführt".
        const bool again = !out.empty() && (act_stage == "renewed" || act_stage == "extended");
        if (again) act_instrument = out.back().event.instrument;
        // A history of the act told before, which names no instrument of
        // its own ("Samarbejdet ... begyndte i 2013 og blev senest forlænget
        // i 2020", after the new agreement of the same sides): its first act
        // is of that instrument, as a lone renewal's is (below).
        if (out.empty() && act_instrument == "other" && at_least_an_agreement(previous.instrument) &&
            std::any_of(stages.begin(), stages.end(), [](const Mention* m) {
              return m->entry->label == "renewed" || m->entry->label == "extended";
            })) {
          if (same_sides(parties.parties(), previous.parties)) act_instrument = previous.instrument;
        }
        // A later act in its own clause takes the instrument named there,
        // however loose ("2022年3月に覚書を交わし、…、2025年4月には共同研究を
        // 進めることで合意"): the formal one named for an earlier act is not
        // its own.
        const bool own_clause = instrument_near && !out.empty() && !across_clause(d, instrument_near) &&
                                std::find(used.begin(), used.end(), instrument_near) == used.end();
        if (!again && own_clause) act_instrument = instrument_near->entry->label;
        used.push_back(instrument_near);
        const int before_anchor = again ? out.back().anchor : -1;
        out.push_back(make(act_stage, d, act_instrument));
        out.back().date_at = centre(d->first_token, d->end_token);
        out.back().stage_at = stage_mention ? 2 * static_cast<int>(stage_mention->first_token) : -1;
        out.back().anchor = instrument_near ? centre(instrument_near->first_token, instrument_near->end_token)
                                            : centre(d->first_token, d->end_token);
        // ... and is about what was signed: its sector words too.
        if (again) out.back().anchor = before_anchor;
      }
      parties = whole;
      return out;
    }
  }

  // One act: its stage is the strongest stage named; its date the one
  // nearest to the words that state the act.
  std::string stage;
  for (const Mention* m : stages) {
    if (stage_rank(m->entry->label) > stage_rank(stage)) stage = m->entry->label;
  }
  // A renewal signed ("the previous renewal was signed", "eine erneuerte
  // Absichtserklärung unterzeichnet") is the renewal: that is the act. (A
  // signature then an extension, "vereinbart und ... erweitert", states
  // the signature.)
  if (stage == "signed") {
    std::uint32_t first_signed = UINT32_MAX;
    for (const Mention* m : stages) {
      if (m->entry->label == "signed") first_signed = std::min(first_signed, m->first_token);
    }
    for (const Mention* m : stages) {
      if ((m->entry->label == "renewed" || m->entry->label == "extended") && m->end_token <= first_signed) {
        stage = m->entry->label;
        break;
      }
    }
    // What the instrument signed does, told in a relative clause after it:
    // "eine gemeinsame Erklärung unterzeichnet, mit der die Partnerschaft um
    // drei Jahre verlängert wird", "signed a declaration, which extends the
    // partnership": the signature is the renewal.
    if (stage == "signed" && instrument_mention) {
      for (const Mention& r : s.mentions) {
        if (!r.entry || r.entry->category != Category::kRelative || r.first_token < instrument_mention->end_token) continue;
        // The comma right before the pronoun, or before one preposition ahead of it.
        bool comma = false;
        for (std::uint32_t k = r.first_token; k >= 1 && k + 2 > r.first_token; --k) {
          const std::size_t at = s.tokens[k].span.begin, prev_end = s.tokens[k - 1].span.end;
          if (std::string_view(text).substr(prev_end, at - prev_end).find(',') != std::string_view::npos) comma = true;
        }
        if (!comma) continue;
        for (const Mention* m : stages) {
          if ((m->entry->label == "renewed" || m->entry->label == "extended") && m->first_token >= r.end_token) {
            stage = m->entry->label;
            break;
          }
        }
        break;
      }
    }
  }
  // "A formal signing of the arrangement is planned", "Die Unterzeichnung
  // ist für den Herbst geplant": a plan told after the signature word in its
  // clause plans that signature; nothing is signed yet.
  if (stage == "signed") {
    for (const Mention* p : stages) {
      if (p->entry->label != "planned") continue;
      for (const Mention* g : stages) {
        if (g->entry->label != "signed" || g->end_token > p->first_token) continue;
        const std::size_t from = s.tokens[g->end_token - 1].span.end, to = s.tokens[p->first_token].span.begin;
        const std::string_view between = std::string_view(text).substr(from, to - from);
        if (between.find_first_of(",;:") == std::string_view::npos) stage = "planned";
      }
    }
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
  // "La firma ... è prevista per il 2026", "to be signed by 2026": the
  // "by" date of a plan is when it falls due, its date (a goal years
  // ahead, "by 2030", is none).
  if (!date && stage == "planned" && published.year) {
    for (const DateMention& d : s.dates) {
      if (d.target && !d.date.empty() && d.first_token < clause && d.date.year <= published.year + 2) {
        date = &d;
        break;
      }
    }
  }
  // What ran out is dated by its end, the latest date its sentence gives up
  // to the page's ("eine Absichtserklärung ... aus dem Jahr 2019; sie lief
  // Ende 2024 aus"), an "until" too ("tuvo hasta 2023 un acuerdo ... que
  // expiró"): not the year it was signed.
  if (stage == "expired") {
    for (const DateMention& d : s.dates) {
      if (d.date.empty() || d.since || d.first_token >= clause || later_than(d.date, published)) continue;
      if (!date || date->date.empty() || later_than(d.date, date->date)) date = &d;
    }
  }
  if (stage.empty()) stage = default_stage(date);
  // "die Energiepartnerschaft, die 2019 ... ins Leben gerufen wurde": a
  // formal instrument launched in a year before the page's was concluded
  // then, as one with no stage word is (default_stage).
  if (stage == "announced" && date && !date->since && date->date.year && published.year &&
      date->date.year < published.year && at_least_an_agreement(instrument)) {
    stage = "signed";
  }
  if (instrument == "negotiations" && stage_rank(stage) < stage_rank("negotiating")) stage = "negotiating";
  // Concluded talks (above): their end is announced, unless a signature
  // is told beside it.
  if (talks_concluded && (stage == "negotiating" || stage == "signed") &&
      std::none_of(stages.begin(), stages.end(), [](const Mention* m) { return m->entry->label == "signed"; })) {
    stage = "announced";
  }
  if (date && date->since) stage = since_stage();
  // "The previous renewal was signed ...": a renewal that names no
  // instrument renews the one the same parties signed, stated before.
  // So too its first signature, told right after the renewal in a year
  // before the page's ("Avtalen ble første gang inngått i 2022").
  const bool first_signature = stage == "signed" && (previous.stage == "renewed" || previous.stage == "extended") &&
                               date && date->date.year && published.year && date->date.year < published.year;
  if ((stage == "renewed" || stage == "extended" || first_signature) && instrument == "other" &&
      at_least_an_agreement(previous.instrument)) {
    if (same_sides(parties.parties(), previous.parties)) instrument = previous.instrument;
  }
  // "the sixth partnership of the kind, after Canada and Ukraine in 2021":
  // acts of the same kind as the one stated before, done as it was.
  // (The phrase follows the instrument it qualifies: "la primera de este
  // tipo suscrita por la UE" is the sentence's own act, first of its kind.)
  const bool kind_of_instrument = std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& k) {
    return k.entry && k.entry->category == Category::kGroupRef && k.entry->label == "kind" &&
           std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& m) {
             return m.entry && m.entry->category == Category::kInstrument && m.end_token == k.first_token;
           });
  });
  // (Talks "for a similar agreement", "colloqui per un accordo analogo",
  // stay talks: the kind is what they aim at.)
  if (kind_of_instrument && !previous.instrument.empty() && instrument != "negotiations" &&
      instrument_rank(previous.instrument) > instrument_rank(instrument)) {
    instrument = previous.instrument;
    if (stages.empty() && !(date && date->since)) stage = previous.stage;
  }
  // A hub and its partners: "the state government cooperates with Tokyo
  // ... and Osaka", "the EU's sixth partnership, after Canada and Ukraine
  // in 2021, Kazakhstan and Namibia in 2022". One bilateral act per partner,
  // dated by the date that follows it. Not for acts of all the listed
  // parties together: a joint declaration, a platform, "between A, B and C".
  // "l'Italia aveva firmato con India, Stati Uniti, ... un memorandum",
  // "Norge og de andre EFTA-landene ... signerte en ... avtale med India":
  // one instrument signed on one date with several partners is one act of
  // them all, unless the words before the instrument say there are several
  // ("des partenariats", determiner label "several").
  const bool several_acts = std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& m) {
    return m.entry && m.entry->category == Category::kDeterminer && m.entry->label == "several" &&
           std::any_of(instruments.begin(), instruments.end(), [&](const Mention* i) { return i->first_token == m.end_token; });
  });
  const bool one_signing = stage == "signed" && dates.size() <= 1 && !several_acts;
  const std::vector<Party> all = parties.parties();
  std::optional<Party> hub;
  if (self >= 0) {
    const Actor& self_actor = gazetteer_.actors()[static_cast<std::size_t>(self)];
    hub = Party{self_actor.name, self_actor.kind, self_actor.country, self_actor.subdivision, {}};
  } else if (named_here && all.size() >= 3 && instrument != "joint_declaration" && instrument != "platform" &&
             !s.has_label(Category::kConjunction, "between") && !main_actors.empty() && !one_signing) {
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
  // "Alemania se unirá al corredor H2Med, que impulsan España, Francia y
  // Portugal": partners named in a relative clause after the hub are those
  // it joins, not its partners one by one; one act of them all. Not when
  // the clause is about the hub itself ("la Commission, qui a déjà des
  // accords avec le Chili, le Canada ...": its partners).
  if (hub && self < 0 && all.size() >= 3) {
    for (const Mention& m : s.mentions) {
      if (!m.entry || m.entry->category != Category::kRelative || m.first_token == 0) continue;
      const std::size_t at = s.tokens[m.first_token].span.begin;
      const std::size_t prev_end = s.tokens[m.first_token - 1].span.end;
      if (std::string_view(text).substr(prev_end, at - prev_end).find(',') == std::string_view::npos) continue;
      bool hub_before = false, partners_after = true;
      for (const Party& p : all) {
        if (p.span.empty()) { partners_after = false; break; }
        if (party_key(p) == party_key(*hub)) {
          hub_before = p.span.end < prev_end;
        } else if (p.span.begin < at) {
          partners_after = false;
        }
      }
      if (hub_before && partners_after) { hub.reset(); break; }
    }
  }
  if (hub && all.size() >= 3) {
    // Where each partner's name begins, to give it the sector words that
    // follow it ("Tokyo ... SMEs and Osaka ... hydrogen").
    auto first_token_of = [&](const Party& p) -> std::uint32_t {
      for (std::uint32_t t = 0; t < s.tokens.size(); ++t) {
        if (!p.span.empty() && s.tokens[t].span.begin >= p.span.begin) return t;
      }
      return UINT32_MAX;
    };
    std::vector<std::uint32_t> starts;
    for (const Party& p : all) {
      if (party_key(p) != party_key(*hub)) starts.push_back(first_token_of(p));
    }
    const std::uint32_t first_partner = starts.empty() ? 0 : *std::min_element(starts.begin(), starts.end());
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
      const std::uint32_t from = first_token_of(p);
      std::uint32_t to = UINT32_MAX;
      for (std::uint32_t st : starts) {
        if (st > from) to = std::min(to, st);
      }
      if (from != UINT32_MAX) {
        out.back().sectors_from = from;
        out.back().sectors_to = to;
        out.back().shared_before = first_partner;
      }
    }
    return out;
  }
  // "hun samenwerkingsovereenkomst uit 2019 met vijf jaar verlengd", "renewed
  // their 2015 agreement": a year before the page's that qualifies the
  // instrument dates what is renewed, not the renewal: two acts, the
  // signature of that year and the renewal (dated by the sentence's other
  // date, if it has one). The year qualifies the instrument where it stands
  // between the instrument and the renewal word that follows, nearer the
  // instrument ("uit 2019 ... verlengd"; not "wurde 2017 verlängert"), or
  // right after the instrument the renewal word precedes, after a word that
  // says where a thing is from ("renewed their agreement of 2019", "ha
  // rinnovato l'accordo del 2018"; since_prep label origin; not "renewed the
  // declaration ... in November 2024"); not before the instrument
  // ("odnowiły w ubiegłym roku partnerstwo", "2024年11月に…共同声明を更新"),
  // nor a relative one.
  if ((stage == "renewed" || stage == "extended") && instrument_mention && at_least_an_agreement(instrument)) {
    auto qualifies = [&](const DateMention* d) {
      if (d->since || d->relative || !d->date.year || (published.year && d->date.year >= published.year)) return false;
      const int at = centre(d->first_token, d->end_token);
      const int to_instrument = std::abs(centre(instrument_mention->first_token, instrument_mention->end_token) - at);
      for (const Mention* m : stages) {
        if (m->entry->label != stage) continue;
        const int to_renewal = std::abs(centre(m->first_token, m->end_token) - at);
        if (instrument_mention->end_token <= d->first_token && d->end_token <= m->first_token && to_instrument < to_renewal) {
          return true;
        }
        if (d->origin && m->end_token <= instrument_mention->first_token && instrument_mention->end_token <= d->first_token &&
            d->first_token <= instrument_mention->end_token + 3) {
          return true;
        }
      }
      return false;
    };
    const DateMention* origin = nullptr;
    for (const DateMention* d : dates) {
      if (qualifies(d)) { origin = d; break; }
    }
    if (origin) {
      const DateMention* own = nullptr;
      for (const DateMention* d : dates) {
        if (d != origin) { own = d; break; }
      }
      out.push_back(make(stage, own, instrument));
      out.push_back(make("signed", origin, instrument));
      out.back().second_act = true;
      return out;
    }
  }
  out.push_back(make(stage, date, instrument));
  // "Das Abkommen wurde im Juli 2018 unterzeichnet, zusammen mit einem
  // Abkommen über eine strategische Partnerschaft", "signed an MoU and a
  // joint declaration": a second formal instrument joined to the first by
  // "and" is a second act, done as the first was.
  const Mention* second = nullptr;
  for (const Mention* m : instruments) {
    if (!at_least_an_agreement(m->entry->label) || m->entry->label == instrument || !instrument_mention ||
        m->first_token <= instrument_mention->end_token) {
      continue;
    }
    if (s.joined_by_and(instrument_mention->end_token, m->first_token, false)) { second = m; break; }
  }
  if (second) {
    out.push_back(make(stage, date, second->entry->label));
    out.back().second_act = true;
    return out;
  }
  // "Under the existing Climate Pact, Denmark and Japan signed an energy
  // partnership": an instrument of another kind right
  // after a framework phrase (group_ref label "framework") is the standing
  // act the new one belongs to: an act of its own, ongoing, undated.
  for (const Mention* g : s.of(Category::kGroupRef)) {
    if (g->entry->label != "framework" || !instrument_mention) continue;
    for (const Mention* m : instruments) {
      if (m == instrument_mention || m->entry->label == instrument || m->first_token < g->end_token ||
          m->first_token > g->end_token + 4) {
        continue;
      }
      out.push_back(make("ongoing", nullptr, m->entry->label));
      out.back().second_act = true;
      return out;
    }
  }
  // "Firmaene kunngjorde partnerskapet sitt i mars, to dager etter at
  // Sverige og Japan signerte en felles erklæring": formal
  // instruments of two kinds in two clauses, each with its stage word, and
  // the sides named only in the later clause: the earlier clause's act is
  // that of "the two companies" (the act told before), the later one's of
  // the sides it names.
  if (named_here && previous.parties.size() >= 2) {
    auto comma_between = [&](std::uint32_t from_token, std::uint32_t to_token) -> std::size_t {
      const std::size_t from = s.tokens[from_token].span.begin, to = s.tokens[to_token].span.begin;
      const std::size_t at = std::string_view(text).substr(from, to - from).find(',');
      return at == std::string_view::npos ? std::string_view::npos : from + at;
    };
    for (const Mention* a : instruments) {
      if (!at_least_an_agreement(a->entry->label)) continue;
      for (const Mention* b : instruments) {
        if (b->first_token <= a->end_token || !at_least_an_agreement(b->entry->label) || b->entry->label == a->entry->label) {
          continue;
        }
        const std::size_t comma = comma_between(a->end_token - 1, b->first_token);
        if (comma == std::string_view::npos) continue;
        std::string stage_a, stage_b;
        for (const Mention* m : stages) {
          std::string& st = s.tokens[m->first_token].span.begin < comma ? stage_a : stage_b;
          if (stage_rank(m->entry->label) > stage_rank(st)) st = m->entry->label;
        }
        const bool pair_before = std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& g) {
          return g.entry && g.entry->category == Category::kGroupRef && is_pair_label(g.entry->label) &&
                 s.tokens[g.first_token].span.begin < comma;
        });
        const std::vector<Party> sides = parties.parties();
        const bool named_after = std::all_of(sides.begin(), sides.end(), [&](const Party& p) {
          return !p.span.empty() && p.span.begin > comma;
        });
        if (stage_a.empty() || stage_b.empty() || !pair_before || !named_after) continue;
        out.back().event.instrument = b->entry->label;
        out.back().event.stage = stage_b;
        PartySet theirs(gazetteer_);
        for (const Party& p : previous.parties) theirs.add_party(p);
        parties = theirs;
        out.push_back(make(stage_a, date, a->entry->label));
        out.back().second_act = true;
        return out;
      }
    }
  }
  return out;
}

bool same_act_parties(const Candidate& a, const Candidate& b) {
  if (a.party_keys == b.party_keys) return true;
  const auto& small = a.party_keys.size() < b.party_keys.size() ? a.party_keys : b.party_keys;
  const auto& large = a.party_keys.size() < b.party_keys.size() ? b.party_keys : a.party_keys;
  if (small.size() < 2 || large.size() < 3) return false;
  bool subset = std::includes(large.begin(), large.end(), small.begin(), small.end());
  bool loose = a.event.instrument == b.event.instrument || !at_least_an_agreement(a.event.instrument) ||
               !at_least_an_agreement(b.event.instrument);
  return subset && loose;
}

// Starting negotiations is another act than signing what they lead to, and
// a plan another act than one done.
bool instruments_compatible(const Candidate& a, const Candidate& b) {
  auto done = [](const std::string& stage) { return stage == "signed" || stage == "renewed" || stage == "extended"; };
  if ((a.event.stage == "planned" && done(b.event.stage)) || (b.event.stage == "planned" && done(a.event.stage))) {
    return false;
  }
  // A cooperation going on for years with no instrument named ("har
  // samarbeidd i Interreg-program i mange år") is not the act signed now.
  // (Both sides named by name and joined, after the lead: not "danske og
  // japanske firmaer samarbejder allerede", not "beide Regionen", not
  // "Partenaire historique de l'Ontario, la Saxe".)
  // So is membership of both in a body they work together in ("gehören
  // seit Jahrzehnten der Ems Dollart Region an", "Beide Länder sind zudem
  // Teil der Europaregion"): a platform going on, however its members are named.
  auto standing = [](const Candidate& c) {
    return c.event.stage == "ongoing" &&
           ((c.event.instrument == "other" && c.names_both && !c.in_lead) || c.event.instrument == "platform");
  };
  auto dated_act = [&](const Candidate& c) { return done(c.event.stage) || !c.event.date.empty(); };
  // A history's later act ("... signed in 2017, extended in 2025") renews
  // the instrument of that history, not another one signed the same year
  // ("a joint declaration signed yesterday"): not one act.
  auto history_again = [](const Candidate& c) {
    return c.anchor >= 0 && (c.event.stage == "renewed" || c.event.stage == "extended");
  };
  if ((history_again(a) && b.event.stage == "signed") || (history_again(b) && a.event.stage == "signed")) {
    const std::string& x = a.event.instrument;
    const std::string& y = b.event.instrument;
    if (x != y && x != "other" && y != "other") return false;
  }
  if ((standing(a) && dated_act(b)) || (standing(b) && dated_act(a))) return false;
  // "Under besøket ble også samarbeidsavtalen ... fornyet" after a joint
  // declaration signed: a formal instrument renewed, told after another
  // formal instrument signed, is another act. (A looser word renewed, a
  // "Partnerschaft erneuert" by the declaration signed, may be its act:
  // merge_into.)
  auto renewal = [](const Candidate& c) { return c.event.stage == "renewed" || c.event.stage == "extended"; };
  auto renews_another = [&](const Candidate& r, const Candidate& g) {
    return renewal(r) && g.event.stage == "signed" && r.event.instrument != g.event.instrument &&
           at_least_an_agreement(r.event.instrument) && at_least_an_agreement(g.event.instrument) && r.sentence > g.sentence;
  };
  if (renews_another(a, b) || renews_another(b, a)) return false;
  // "Equinor går ikke videre med planene ... Equinor og RWE fortsetter
  // samarbeidet om gasskraftverk": what ended and what goes on are two acts.
  if ((a.event.stage == "expired" && b.event.stage == "ongoing") || (a.event.stage == "ongoing" && b.event.stage == "expired")) {
    return false;
  }
  // "Partnerskabet afløser en ældre samarbejdsaftale ..., som er udløbet":
  // what ran out is not what was signed, renewed, planned or negotiated
  // beside it.
  auto active = [&](const std::string& stage) { return done(stage) || stage == "planned" || stage == "negotiating"; };
  if ((a.event.stage == "expired" && active(b.event.stage)) || (b.event.stage == "expired" && active(a.event.stage))) {
    return false;
  }
  // Talks going on and an act done on a date of its own ("姉妹提携を結んで
  // 以来", "the MoU they signed in 2019") are two acts, not the talks'
  // outcome.
  auto talks = [](const Candidate& c) { return c.event.instrument == "negotiations" && c.event.stage == "negotiating"; };
  auto done_on_a_date = [&](const Candidate& c) { return done(c.event.stage) && c.dated_in_text; };
  if ((talks(a) && done_on_a_date(b)) || (talks(b) && done_on_a_date(a))) return false;
  bool na = a.event.instrument == "negotiations", nb = b.event.instrument == "negotiations";
  if (na == nb) return true;
  // A plan to sign what is being negotiated is the negotiation's goal.
  if ((na && b.event.stage == "planned") || (nb && a.event.stage == "planned")) return true;
  // ... and "the agreement" named after it, with no stage of its own, is the one negotiated.
  auto of_goal = [&](const Candidate& n, const Candidate& o) {
    return !n.goal.empty() && n.goal == o.event.instrument && !done(o.event.stage) && o.event.stage != "expired";
  };
  if ((na && of_goal(a, b)) || (nb && of_goal(b, a))) return true;
  return !at_least_an_agreement((na ? b : a).event.instrument);
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

// A plan to sign what is being negotiated ("the governments aim to sign the
// agreement next year", "as conversações devem terminar em 2025") is the
// negotiation's goal: its later date tells when the goal falls due, not
// another act (merge_into keeps the negotiation's date).
bool goal_of_negotiation(const Candidate& n, const Candidate& p) {
  if (n.event.instrument != "negotiations" || n.event.stage == "planned" || p.event.stage != "planned") return false;
  auto nd = PartialDate::parse(n.event.date), pd = PartialDate::parse(p.event.date);
  return !nd || !pd || !later_than(*nd, *pd);
}

bool dates_compatible(const Candidate& a, const Candidate& b) {
  if (goal_of_negotiation(a, b) || goal_of_negotiation(b, a)) return true;
  // A title dated by its publication day and the body's "yesterday" or
  // "on Wednesday" report one act.
  if ((a.dated_by_publication || b.dated_by_publication) && days_apart(a.event.date, b.event.date) >= 0 &&
      days_apart(a.event.date, b.event.date) <= 7) {
    return true;
  }
  // ... and the body's "la settimana scorsa" (the month of the week before).
  for (const auto& [by_publication, other] : {std::pair{&a, &b}, std::pair{&b, &a}}) {
    if (!by_publication->dated_by_publication) continue;
    auto p = PartialDate::parse(by_publication->event.date), o = PartialDate::parse(other->event.date);
    if (!p || !o || !p->month || !o->month || o->day) continue;
    const int months = (p->year * 12 + p->month) - (o->year * 12 + o->month);
    if (months == 0 || months == 1) return true;
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
  // A plan to sign what is being negotiated is the negotiation's goal
  // (instruments_compatible): "the governments aim for the agreement to be
  // signed next year" does not date the negotiation. (It may name what is
  // negotiated: the act stays the negotiation, below.) A plan dated on or
  // before the page's day names no date falling due: it tells when the
  // sides agreed on it ("今週水曜日 ... 検討を進めることで一致"), and dates
  // undated talks.
  const bool b_is_goal = a.event.instrument == "negotiations" && b.event.stage == "planned";
  const bool a_is_goal = b.event.instrument == "negotiations" && a.event.stage == "planned";
  if (a_is_goal && !(b.event.date.empty() && !a.event.date.empty() && a.dated_in_text && !a.future)) {
    a.event.date = b.event.date;
    a.dated_by_publication = b.dated_by_publication;
    a.dated_in_text = b.dated_in_text;
    a.unresolved_date = b.unresolved_date;
  }
  if (b_is_goal && a.event.date.empty() && !b.event.date.empty() && b.dated_in_text && !b.future) {
    a.event.date = b.event.date;
    a.dated_in_text = true;
  }
  // A renewal is signed too: an act told as renewed, then said to have been
  // signed ("ont renouvelé ... leur accord. L'accord a été signé par ..."),
  // stays a renewal. (Not the other way round: a signature told first, a
  // later word of renewal or extension is often about something else; nor
  // where the signature names a more formal instrument than the renewal's,
  // a partnership "erneuert", then "eine gemeinsame Erklärung" signed.)
  const bool signing_of_renewal = (a.event.stage == "renewed" || a.event.stage == "extended") &&
                                  b.event.stage == "signed" && b.sentence > a.sentence &&
                                  instrument_rank(b.event.instrument) <= instrument_rank(a.event.instrument);
  // (The goal names what is negotiated; the act stays the negotiation, and
  // a later "the agreement" is about it.)
  if (b_is_goal && b.event.instrument != "negotiations") a.goal = b.event.instrument;
  if (a_is_goal) {
    if (a.event.instrument != "negotiations") a.goal = a.event.instrument;
    a.event.instrument = "negotiations";
  }
  const bool names_the_goal = a.event.instrument == "negotiations" && !a.goal.empty() && b.event.instrument == a.goal;
  if (instrument_rank(b.event.instrument) > instrument_rank(a.event.instrument) && !b_is_goal && !a_is_goal &&
      !names_the_goal) {
    a.event.instrument = b.event.instrument;
  }
  if (!signing_of_renewal && stage_rank(b.event.stage) > stage_rank(a.event.stage)) a.event.stage = b.event.stage;
  // (A date the text gives beats the publication day a heading's act was
  // given for want of one, though less precise: the title's day and the
  // body's "förra veckan", "la settimana scorsa".)
  const bool b_by_publication_only = b.dated_by_publication && a.dated_in_text && !a.dated_by_publication && !a.event.date.empty();
  if (!b_is_goal && !a_is_goal &&
      ((b.event.date.size() > a.event.date.size() && !b_by_publication_only) ||
       (a.dated_by_publication && b.dated_in_text && !b.event.date.empty()))) {
    a.event.date = b.event.date;
    a.dated_by_publication = b.dated_by_publication;
  }
  if (a.unresolved_date.empty() && !b_is_goal) a.unresolved_date = b.unresolved_date;
  if (!b_is_goal) a.dated_in_text = a.dated_in_text || b.dated_in_text;
  a.in_lead = a.in_lead || b.in_lead;
  a.framed = a.framed || b.framed;
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
  // The shortest sentence that states the act is the best evidence (a
  // mention in passing, "en partenariat avec ...", states none).
  if (!b.in_passing && b.event.evidence.size() < a.event.evidence.size() && b.event.evidence.size() > 40) {
    a.event.evidence = b.event.evidence;
    a.event.evidence_span = b.event.evidence_span;
  }
  a.event.confidence = std::min(0.99, std::max(a.event.confidence, b.event.confidence) + 0.05);
}

// Organizations the rules found keep the words of the text; where lang's
// org_word table has them, they take their English name (org_english.h)
// wherever the name is output: parties, signatories' and people's
// affiliations, the organizations list. Everything read before used the
// written name.
void name_rule_orgs_in_english(const Lexicon& lexicon, const std::vector<SentenceView>& views, std::string_view lang,
                               Extraction& x) {
  std::map<std::string, std::string, std::less<>> english;
  for (const SentenceView& v : views) {
    for (const UnknownOrg& o : v.unknown_orgs) {
      if (english.count(o.name) > 0) continue;
      english.emplace(o.name, english_org_name(lexicon, o.lang.empty() ? lang : std::string_view(o.lang), o.name));
    }
  }
  auto rename = [&](std::string& name) {
    auto it = english.find(name);
    if (it != english.end()) name = it->second;
  };
  for (Event& e : x.events) {
    for (Party& p : e.parties) {
      if (p.kind == "organization") rename(p.name);
    }
    for (Signatory& sg : e.signatories) rename(sg.affiliation);
  }
  for (Person& p : x.people) rename(p.affiliation);
  // One organization once: "University of Technology of Chalmers" is the
  // gazetteer's "Chalmers University of Technology" (the same words).
  std::set<std::set<std::string>> seen;
  std::vector<std::string> organizations;
  for (std::string& o : x.organizations) {
    rename(o);
    std::set<std::string> words;
    for (const text::Token& t : text::tokenize(o, lang)) words.insert(t.folded);
    if (seen.insert(std::move(words)).second) organizations.push_back(std::move(o));
  }
  x.organizations = std::move(organizations);
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
  for (LayoutSentence& ls : layout.sentences) {
    SentenceView v = analyze_sentence(*lexicon_, lang, text, ls.span, layout.published,
                                      ls.has_tokens ? &ls.tokens : nullptr);
    v.paragraph = ls.paragraph;
    v.own_line = ls.own_line;
    views.push_back(std::move(v));
  }

  name_short_forms(views, text, gazetteer_);
  name_acronyms(views, text, gazetteer_);
  name_described_references(views, text, gazetteer_);
  std::vector<Person> people = find_people(*lexicon_, text, views, layout, lang);
  // A single word read as an organization no table knows ("Aagaard og
  // Equinor underskrev ...": listed with one) that is a word after the first
  // of a person's name the text gives ("Lars Aagaard") is that person.
  {
    std::set<std::string, std::less<>> surnames;
    // A person found by a given name alone ("Hejtman Martin Kuba": "Martin")
    // whose surname is read as a place ("Kuba", Cuba; "Jordan") has that
    // word, written right after the name, as surname; the word is that
    // person wherever the page writes it alone ("Hejtman Kuba", "Kuba ergänzte").
    for (Person& p : people) {
      if (p.name.find(' ') != std::string::npos || p.span.end <= p.span.begin) continue;
      for (const SentenceView& v : views) {
        if (p.span.begin < v.span.begin || p.span.end > v.span.end) continue;
        for (const ActorMention& a : v.actors) {
          if (a.end_token != a.first_token + 1 || a.form != AliasForm::kName || a.first_token == 0) continue;
          const text::Token& before = v.tokens[a.first_token - 1];
          if (before.span.end != p.span.end || v.gap_before(text, a.first_token) != " ") continue;
          const std::string_view surname = v.tokens[a.first_token].span.of(text);
          // Only a country's name: a region's ("przewodnicząca Regionu
          // Blekinge", the chair of Region Blekinge) after a word read as a
          // given name is that region's body, no surname.
          if (gazetteer_.actors()[a.actor].kind != "country") continue;
          p.name += " ";
          p.name += surname;
          surnames.emplace(surname);
          break;
        }
      }
    }
    if (!surnames.empty()) {
      for (SentenceView& v : views) {
        std::erase_if(v.actors, [&](const ActorMention& a) {
          return a.end_token == a.first_token + 1 && a.form == AliasForm::kName &&
                 surnames.contains(v.tokens[a.first_token].span.of(text));
        });
      }
      // The names read again with the word free, and the given name joined
      // to its surname again.
      people = find_people(*lexicon_, text, views, layout, lang);
      for (Person& p : people) {
        if (p.name.find(' ') != std::string::npos || p.span.end >= text.size() || text[p.span.end] != ' ') continue;
        const std::string_view rest = std::string_view(text).substr(p.span.end + 1);
        for (const std::string& surname : surnames) {
          if (rest.starts_with(surname) && (rest.size() == surname.size() || !std::isalpha(static_cast<unsigned char>(rest[surname.size()])))) {
            p.name += " " + surname;
            break;
          }
        }
      }
    }
    for (const Person& p : people) {
      const auto space = p.name.find(' ');
      for (std::size_t at = space; at != std::string::npos && at + 1 < p.name.size();) {
        const auto next = p.name.find(' ', at + 1);
        surnames.insert(p.name.substr(at + 1, next == std::string::npos ? std::string::npos : next - at - 1));
        at = next;
      }
    }
    for (SentenceView& v : views) {
      std::erase_if(v.unknown_orgs, [&](const UnknownOrg& o) {
        return o.end_token == o.first_token + 1 && surnames.contains(v.tokens[o.first_token].span.of(text));
      });
    }
  }

  // The document's main actors: named in the title and lead, in order of
  // appearance. They stand in for the parties a sentence leaves implicit.
  std::vector<MainActor> main_actors;
  for (std::size_t i = 0; i < views.size() && i < layout.lead_sentences; ++i) {
    std::vector<std::pair<std::uint32_t, MainActor>> found;  // by token position
    const std::uint32_t route = route_start(views[i], gazetteer_);
    // A headline of capitals ("Paris et Tokyo renforcent ...") names states.
    const auto seats = seats_named(views[i]);
    for (const ActorMention& a : views[i].actors) {
      if (!a.is_party() || a.form != AliasForm::kName || organizer_in_relative_clause(text, views[i], a.first_token)) {
        continue;
      }
      if (a.first_token >= route && gazetteer_.actors()[a.actor].kind != "organization") continue;
      std::uint32_t actor = a.actor;
      for (const auto& seat : seats) {
        if (seat.first == &a) actor = seat.second;
      }
      found.push_back({a.first_token, {actor, party_of(actor, views[i], a)}});
    }
    const bool for_states = ministries_act_for_states(gazetteer_, views[i]);
    for (const UnknownOrg& o : views[i].unknown_orgs) {
      if (organizer_in_relative_clause(text, views[i], o.first_token)) continue;
      if (o.seat >= 0 && (for_states || o.state_acts)) {
        const Actor& state = gazetteer_.actors()[static_cast<std::size_t>(o.seat)];
        found.push_back({o.first_token, {o.seat, Party{state.name, state.kind, state.country, state.subdivision, {}}}});
        continue;
      }
      found.push_back({o.first_token, {-1, Party{o.name, "organization", "", "", {}}, o.seat}});
    }
    std::stable_sort(found.begin(), found.end(), [](const auto& l, const auto& r) { return l.first < r.first; });
    // Not a structured binding: clang before 16 cannot capture one in a
    // lambda, and the fuzz build (scripts/fuzz.sh) uses clang 14.
    for (auto& entry : found) {
      MainActor& m = entry.second;
      bool seen = std::any_of(main_actors.begin(), main_actors.end(),
                              [&](const MainActor& o) { return party_key(o.party) == party_key(m.party); });
      if (!seen) main_actors.push_back(std::move(m));
    }
  }


  // An act's sectors: those named in a sentence, but not inside a
  // ministry's name or a title ("貿易産業水産省", "産業・貿易大臣": a
  // portfolio, not the act's sector; "Hydrogen Valleys" is one).
  auto ministry = [&](const Alias* a) { return gazetteer_.government_of(a->actor) >= 0; };
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
      // A title's words are Han or katakana; kana particles, verbs, Latin
      // letters and digits end it (Unicode scripts, as people.cc reads titles).
      if (!is_title_word(v.tokens[k].span.of(text))) return false;
    }
    return false;
  };
  // A heading: a line of its own with no full stop.
  auto is_heading = [&](std::size_t i) {
    if (!views[i].own_line) return false;
    std::string_view line = views[i].span.of(text);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\n')) line.remove_suffix(1);
    return !line.empty() && !line.ends_with('.') && !line.ends_with('!') && !line.ends_with('?') &&
           !line.ends_with("。") && !line.ends_with('"') && !line.ends_with("”");
  };  // A Latin title states its portfolio after the role, its holder's name
  // and a preposition, in capitals ("minister Jansen voor Economische
  // Zaken en Klimaat", "Minister for Trade and Industry"): read
  // backwards from the sector word over capitalised words, commas and
  // "and" to one short lower-case word, then names, to the role.
  // (Not in a heading in title case, "Minister for Trade Signs Hydrogen
  // Deal": two in three of its longer words in capitals.)
  auto in_portfolio = [&](std::size_t i, const Mention* m) {
    const SentenceView& v = views[i];
    if (!v.has(Category::kRole)) return false;
    auto word = [&](std::uint32_t k) { return v.tokens[k].span.of(text); };
    if (is_heading(i)) {
      std::size_t longer = 0, upper = 0;
      for (std::uint32_t k = 0; k < v.tokens.size(); ++k) {
        if (word(k).size() <= 3) continue;
        ++longer;
        upper += text::starts_upper(word(k)) ? 1 : 0;
      }
      if (3 * upper >= 2 * longer) return false;
    }
    auto conjunction_at = [&](std::uint32_t k) {
      return std::any_of(v.mentions.begin(), v.mentions.end(), [&](const Mention& o) {
        return o.entry && o.entry->category == Category::kConjunction && o.entry->label == "and" &&
               o.first_token == k && o.end_token == k + 1;
      });
    };
    auto role_ends_at = [&](std::uint32_t k) {
      return std::any_of(v.mentions.begin(), v.mentions.end(), [&](const Mention& o) {
        return o.entry && o.entry->category == Category::kRole && o.end_token == k;
      });
    };
    // A portfolio in lower case ("Sydkoreas minister for handel, industri og
    // energi, Ahn Duk-geun"): a role, a short preposition, lower-case words
    // up to the sector word and on to a comma before a capitalised name.
    if (!text::starts_upper(word(m->first_token))) {
      std::uint32_t r = m->first_token;
      const std::uint32_t low = r > 8 ? r - 8 : 0;
      while (r > low && !text::starts_upper(word(r - 1)) && !role_ends_at(r)) --r;
      if (!role_ends_at(r) || r >= m->first_token || word(r).size() > 4) return false;
      for (std::uint32_t j = m->end_token; j < v.tokens.size() && j < m->end_token + 8; ++j) {
        std::string_view gap = std::string_view(text).substr(
            v.tokens[j - 1].span.end, v.tokens[j].span.begin - v.tokens[j - 1].span.end);
        if (text::starts_upper(word(j))) return gap.find(',') != std::string_view::npos;
        if (gap.find_first_of(".;:") != std::string_view::npos) return false;
      }
      return false;
    }
    std::uint32_t k = m->first_token;
    const std::uint32_t floor = m->first_token > 16 ? m->first_token - 16 : 0;
    while (k > floor && (text::starts_upper(word(k - 1)) || conjunction_at(k - 1))) --k;
    // word(k - 1) is the preposition: short, lower case.
    if (k == 0 || k <= floor || word(k - 1).size() > 4 || text::starts_upper(word(k - 1)) || conjunction_at(k - 1)) {
      return false;
    }
    std::uint32_t r = k - 1;
    // A nationality between role and preposition: "ministre coréen du
    // Commerce", "ministro giapponese dell'Economia".
    auto demonym_ends_at = [&](std::uint32_t e) {
      return std::any_of(v.actors.begin(), v.actors.end(), [&](const ActorMention& a) {
        return a.form == AliasForm::kDemonym && a.end_token == e && a.first_token < e;
      });
    };
    while (r > 0 && demonym_ends_at(r)) {
      for (const ActorMention& a : v.actors) {
        if (a.form == AliasForm::kDemonym && a.end_token == r && a.first_token < r) { r = a.first_token; break; }
      }
    }
    if (role_ends_at(r)) return true;
    for (std::uint32_t n = 0; n < 3 && r > 0 && text::starts_upper(word(r - 1)); ++n) {
      --r;
      if (role_ends_at(r)) return true;
    }
    return false;
  };
  // The date of the sentence before i that sentence i takes up: "昨年8月、
  // ...訪問団を派遣しました。訪問団は、...合意しました。", "Last August a
  // delegation went to Sydney. The delegation agreed ...": i opens on a
  // plain word (no actor, no lexicon word) the sentence before names, which
  // states no act and has one date. Empty if not.
  auto taken_up_date = [&](std::size_t i) -> std::string {
    if (i == 0) return "";
    const SentenceView& v = views[i];
    const SentenceView& before = views[i - 1];
    if (before.dates.size() != 1 || before.dates[0].date.empty() || before.dates[0].target || before.dates[0].since) {
      return "";
    }
    auto plain = [](const SentenceView& w, std::uint32_t k) {
      return std::none_of(w.mentions.begin(), w.mentions.end(),
                          [&](const Mention& m) { return m.first_token <= k && k < m.end_token; }) &&
             std::none_of(w.actors.begin(), w.actors.end(),
                          [&](const ActorMention& a) { return a.first_token <= k && k < a.end_token; });
    };
    // The first word of two or more letters (not a bullet "〇", an article).
    for (std::uint32_t k = 0; k < v.tokens.size() && k < 2; ++k) {
      const text::Token& t = v.tokens[k];
      if (!t.is_word || t.span.end - t.span.begin < 4) continue;
      if (!plain(v, k)) return "";
      for (std::uint32_t j = 0; j < before.tokens.size(); ++j) {
        if (before.tokens[j].folded == t.folded && plain(before, j)) return before.dates[0].date.to_string();
      }
      return "";
    }
    return "";
  };
  auto sector_mentions = [&](std::size_t i) {
    const SentenceView& v = views[i];
    std::vector<const Mention*> out;
    for (const Mention* m : v.of(Category::kSector)) {
      bool in_name = std::any_of(v.mentions.begin(), v.mentions.end(), [&](const Mention& o) {
        bool name = (o.alias && ministry(o.alias)) || (o.entry && o.entry->category == Category::kRole);
        return name && o.first_token <= m->first_token && m->end_token <= o.end_token &&
               o.end_token - o.first_token > m->end_token - m->first_token;
      });
      if (!in_name && !in_title(v, m) && !in_portfolio(i, m)) out.push_back(m);
    }
    return out;
  };
  auto add_sector = [](std::vector<std::string>& to, const std::string& sct) {
    if (std::find(to.begin(), to.end(), sct) == to.end()) to.push_back(sct);
  };
  auto sectors_of = [&](std::size_t i) {
    std::vector<std::string> out;
    for (const Mention* m : sector_mentions(i)) {
      if (m->entry->label != kFramingLabel && m->entry->label != kNoSectorLabel) add_sector(out, m->entry->label);
    }
    return out;
  };

  // "a second joint declaration", "ei eiga fråsegn", "eine weitere
  // Absichtserklärung": an instrument said to be another one is another act,
  // even on the same day between the same parties.
  auto another_act = [&](const Candidate& c) {
    const SentenceView& v = views[c.sentence];
    for (const Mention* g : v.of(Category::kGroupRef)) {
      // "another_post": the word follows the instrument ("共同声明も発表した":
      // a joint statement too).
      const bool post = g->entry->label == "another_post";
      if (g->entry->label != "another" && !post) continue;
      for (const Mention* ins : v.of(Category::kInstrument)) {
        if (ins->entry->label != c.event.instrument) continue;
        if (post ? ins->end_token == g->first_token
                 : ins->first_token >= g->end_token && ins->first_token <= g->end_token + 1) {
          return true;
        }
      }
    }
    return false;
  };
  std::vector<Candidate> candidates;
  Event previous;  // the last act stated: "the two sides" are its parties
  EarlierSides earlier;  // the parties of the last act of each instrument and of each kind
  std::string last_text_date;  // the date of the last act dated in the text
  // The date of the first act dated in the text, else of the first act
  // dated (by the page's day): the page's own act, its visit's.
  std::string first_text_date, first_act_date;
  std::vector<std::size_t> acts_in(views.size(), 0);  // events each sentence states
  // A heading after the lead that names the act's scope ("Four pillars of
  // the agreement", "Schwerpunkte der Zusammenarbeit") opens a list of
  // what the act told last covers: the sectors of the sentences under it,
  // up to the next heading or the next act, are that act's.
  bool scope_open = false;
  // "Two letters of intent and one set of negotiations came out of the
  // seminar on Wednesday": a sentence that counts instruments (group_ref
  // "count" right before the first one), with no stage or agreeing of its
  // own, sums up acts told one by one after it; it opens none, and its one
  // date dates the later undated acts of the kind it counts.
  std::string summary_instrument, summary_date;
  auto summary = [&](std::size_t i) {
    const SentenceView& v = views[i];
    if (!v.has_label(Category::kGroupRef, "count") || v.has(Category::kStage) || v.has(Category::kAgreeVerb)) return false;
    auto instruments = v.of(Category::kInstrument);
    if (instruments.empty()) return false;
    const Mention* first = instruments.front();
    const bool counted = std::any_of(v.mentions.begin(), v.mentions.end(), [&](const Mention& m) {
      return m.entry && m.entry->category == Category::kGroupRef && m.entry->label == "count" && m.end_token == first->first_token;
    });
    if (!counted) return false;
    for (std::size_t j = i + 1; j < views.size(); ++j) {
      for (const Mention* m : views[j].of(Category::kInstrument)) {
        if (m->entry->label == first->entry->label) {
          summary_instrument = first->entry->label;
          summary_date.clear();
          if (v.dates.size() == 1 && !v.dates[0].date.empty() && !v.dates[0].target && !v.dates[0].since) {
            summary_date = v.dates[0].date.to_string();
          }
          return true;
        }
      }
    }
    return false;
  };
  for (std::size_t i = 0; i < views.size(); ++i) {
    std::vector<Candidate> here = sentence_events(text, views, i, main_actors, previous, earlier, layout.published);
    if (!here.empty() && summary(i)) here.clear();
    acts_in[i] = here.size();
    const std::vector<const Mention*> sector_words = sector_mentions(i);
    // The sentence's signatories, found once: for Japanese that reads the
    // sentence with MeCab again.
    std::optional<std::vector<Signatory>> signed_by;
    for (Candidate& c : here) {
      c.in_lead = i < layout.lead_sentences;
      // Membership told after the lead with nothing happening ("Vestland
      // and Nordland are in the partnership already") lists members of a
      // platform, not partners of each other: it opens no act.
      if (!c.in_lead && c.no_act_words && c.event.instrument == "platform") c.in_passing = true;
      // So too a loose word for a cooperation ("die Partnerschaft mit einer
      // norwegischen Energieregion sei ein Standortvorteil") with nothing
      // happening: it refers to an act, it states none. (A heading,
      // "Enge Partnerschaft zwischen NRW und Fukushima", opens what follows.)
      if (!c.in_lead && c.no_act_words && c.event.instrument == "other" && !is_heading(i)) c.in_passing = true;
      // A heading after the lead that names no party ("Bygger på
      // partnerskapet fra i fjor") with no instrument introduces what
      // follows: it opens no act.
      if (!c.in_lead && views[i].own_line && !c.parties_named && c.event.instrument == "other") c.in_passing = true;
      // "Same dag skreiv ...", "le même jour": the date of the act told
      // before, to the day, month or year the phrase names.
      // (Dated in the text: a lead act given the publication day is not.)
      if (!c.same_date.empty() && !last_text_date.empty() && c.same_date != "occasion") {
        const std::size_t keep = c.same_date == "same_year" ? 4 : c.same_date == "same_month" ? 7 : 10;
        c.event.date = last_text_date.substr(0, std::min(keep, last_text_date.size()));
        c.unresolved_date.clear();
        c.dated_in_text = true;
      }
      // "Under besøket", "会談に合わせ": on the occasion of the visit or
      // meeting the page reports, the day of its first dated act.
      if (c.same_date == "occasion" && (!first_text_date.empty() || !first_act_date.empty())) {
        c.event.date = first_text_date.empty() ? first_act_date : first_text_date;
        c.unresolved_date.clear();
        c.dated_in_text = true;
      }
      // An undated act (signed, renewed or announced) reported in the lead
      // happened when the page was published (its day, or its month where
      // only that is given); dating it before merging keeps older acts of
      // the same parties ("2014 wurde ein MoU vereinbart") apart from it.
      // "In einer zweiten gemeinsamen Erklärung ...": another act, undated,
      // was made with the act told just before it: on its day and, when
      // its own sentence names no stage, at its stage.
      if (c.event.date.empty() && c.unresolved_date.empty() && !previous.date.empty() && another_act(c)) {
        c.event.date = previous.date;
        if (!views[i].has(Category::kStage)) c.event.stage = previous.stage;
      }
      if (c.event.date.empty() && c.unresolved_date.empty() && !summary_date.empty() &&
          c.event.instrument == summary_instrument) {
        c.event.date = summary_date;
        c.dated_in_text = true;
      }
      if (c.event.date.empty() && c.unresolved_date.empty() && i > 0 && acts_in[i - 1] == 0) {
        if (std::string d = taken_up_date(i); !d.empty()) {
          c.event.date = d;
          c.dated_in_text = true;
        }
      }
      // "Deutschland und Namibia haben Verhandlungen ... aufgenommen. Das
      // teilte das Ministerium nach einem Gesprächstermin am Donnerstag
      // mit.": an undated act of the lead takes the weekday (or "gestern")
      // of the sentence after it, when that sentence states no act itself.
      if (c.event.date.empty() && c.unresolved_date.empty() && c.in_lead && i + 1 < views.size() &&
          views[i + 1].paragraph == views[i].paragraph && !views[i + 1].has(Category::kInstrument) &&
          !views[i + 1].has(Category::kStage) && views[i + 1].dates.size() == 1) {
        const DateMention& d = views[i + 1].dates[0];
        if (d.relative && !d.date.empty() && !d.target && !d.since) {
          c.event.date = d.date.to_string();
          c.dated_in_text = true;
        }
      }
      // "Premier ... wziął we wtorek udział w szczycie ... Przywódcy ...
      // podpisali wspólną deklarację": the page's first act, undated, told
      // right after a sentence that names the meeting's day (a weekday,
      // "yesterday"; not a month, "昨年8月") and states no act, was done
      // that day.
      if (c.event.date.empty() && c.unresolved_date.empty() && candidates.empty() && i > 0 && acts_in[i - 1] == 0 &&
          views[i - 1].dates.size() == 1) {
        const DateMention& d = views[i - 1].dates[0];
        const bool done = c.event.stage == "signed" || c.event.stage == "renewed" || c.event.stage == "extended";
        if (done && d.relative && d.date.day && !d.target && !d.since) {
          c.event.date = d.date.to_string();
          c.dated_in_text = true;
        }
      }
      if (c.event.date.empty() && c.unresolved_date.empty() && c.in_lead && !layout.published.empty() &&
          (c.event.stage == "signed" || c.event.stage == "renewed" || c.event.stage == "extended" ||
           c.event.stage == "announced")) {
        c.event.date = layout.published.to_string();
        c.dated_by_publication = true;
      }
      // "Le CEA et le DAE ont par ailleurs renouvelé leur accord": an
      // undated renewal told after the lead was made on the occasion the
      // page reports, the day of its first dated act.
      // So too negotiations they agreed to start ("Statsministrane vart òg
      // samde om å starte forhandlingar").
      const bool agreed_talks = c.event.instrument == "negotiations" && views[i].has(Category::kAgreeVerb);
      if (c.event.date.empty() && c.unresolved_date.empty() && !c.in_lead && !c.in_passing &&
          (c.event.stage == "renewed" || c.event.stage == "extended" || agreed_talks) && !first_act_date.empty()) {
        c.event.date = first_text_date.empty() ? first_act_date : first_text_date;
      }
      // A framing phrase ("the green transition", "det grønne skiftet",
      // "climate goals") says why the act is made: the act is about climate
      // only when nothing more specific is said of it (SCHEMA.md: the most
      // specific ids; see the end). Being the longer phrase, it hides the
      // sector word inside it.
      for (const Mention* m : sector_words) {
        if (c.anchor >= 0) {
          // A history: the word belongs to the acts whose anchor is nearest.
          const int at = static_cast<int>(m->first_token + m->end_token);
          int best = 1 << 30;
          for (const Candidate& o : here) {
            if (o.anchor >= 0) best = std::min(best, std::abs(o.anchor - at));
          }
          if (std::abs(c.anchor - at) > best) continue;
          // ... but a word after an extension's verb is what the extension
          // added ("signed in 2017, renewed in 2022 and extended in 2025 to
          // small modular reactors", "signée en 2018, puis étendue à
          // l'hydrogène en 2024"): not the scope of
          // the acts dated before that verb.
          const bool added_later = std::any_of(here.begin(), here.end(), [&](const Candidate& o) {
            return o.anchor >= 0 && (o.event.stage == "extended" || o.event.stage == "renewed") && o.date_at > c.date_at && o.stage_at > c.date_at &&
                   2 * static_cast<int>(m->first_token) > o.stage_at;
          });
          if (added_later) continue;
          // ... nor a word between a later renewal's date and its verb, as
          // Japanese writes what a renewal adds ("2024年6月には対象に水素を
          // 加える形で覚書を更新").
          const bool added_by_renewal = std::any_of(here.begin(), here.end(), [&](const Candidate& o) {
            return o.anchor >= 0 && (o.event.stage == "renewed" || o.event.stage == "extended") &&
                   o.date_at > c.date_at && 2 * static_cast<int>(m->first_token) > o.date_at &&
                   o.stage_at > 2 * static_cast<int>(m->first_token);
          });
          if (added_by_renewal) continue;
        }
        const bool shared = m->first_token < c.shared_before;
        if (!shared && (m->first_token < c.sectors_from || m->first_token >= c.sectors_to)) continue;
        if (m->entry->label == kFramingLabel) {
          c.framed = true;
        } else if (m->entry->label == kNoSectorLabel) {
          c.background = true;
        } else {
          add_sector(c.event.sectors, m->entry->label);
        }
      }
      if (c.anchor >= 0 && c.event.sectors.empty() && !candidates.empty() && candidates.back().sentence == i) {
        c.event.sectors = candidates.back().event.sectors;
      }
      if (c.event.stage == "signed" || c.event.stage == "renewed" || c.event.stage == "extended") {
        if (!signed_by) signed_by = without_witnesses(signatories_in(people, text, views[i].span, c.event.stage), text, views[i], people);
        c.event.signatories = *signed_by;
      }
      previous = c.event;
      earlier.add(c.event);
      if (c.dated_in_text && !c.event.date.empty()) last_text_date = c.event.date;
      if (first_act_date.empty() && !c.event.date.empty()) first_act_date = c.event.date;
      if (first_text_date.empty() && c.dated_in_text && !c.event.date.empty()) first_text_date = c.event.date;
      candidates.push_back(std::move(c));
    }
    // (After the loop above: it settles which of this sentence's mentions
    // are in passing.)
    {
      const auto first_here = candidates.end() - static_cast<std::ptrdiff_t>(acts_in[i]);
      const bool no_act = std::all_of(first_here, candidates.end(), [](const Candidate& c) {
        return c.in_passing && !c.parties_named;
      });
      std::vector<std::string> covered;
      if (no_act && (scope_open || is_heading(i))) covered = sectors_of(i);
      if (!no_act) {
        scope_open = false;
      } else if (is_heading(i) && !(scope_open && !covered.empty())) {
        // (A line with no full stop that names sectors, "Hydrogen
        // technologies", is an item of the list, not the next heading.)
        scope_open = i >= layout.lead_sentences && views[i].has_label(Category::kGroupRef, "scope");
      } else if (scope_open) {
        for (auto c = std::make_reverse_iterator(first_here); c != candidates.rend(); ++c) {
          if (c->in_passing) continue;
          for (const std::string& sct : covered) add_sector(c->event.sectors, sct);
          break;
        }
      }
    }
    // A sentence that opens on the act told last and states none ("The
    // framework covers mining ...", "The text lists ..."): what it covers
    // are that act's sectors too, whatever it had already; and who it says
    // signed ("Le texte a été signé par ...", "Avtalet undertecknades av
    // ...") are that act's signatories.
    if (here.empty() && !candidates.empty()) {
      bool opened = false;
      for (const Mention* g : views[i].of(Category::kGroupRef)) {
        if (g->entry->label != "this_act" || g->first_token > 1) continue;
        opened = true;
        Event& last = candidates.back().event;
        for (const std::string& sct : sectors_of(i)) add_sector(last.sectors, sct);
        if (last.signatories.empty() && views[i].has(Category::kStage) &&
            (last.stage == "signed" || last.stage == "renewed" || last.stage == "extended")) {
          last.signatories = without_witnesses(signatories_in(people, text, views[i].span, last.stage), text, views[i], people);
        }
        break;
      }
      // The sentence right after a signed act that names no act but says who
      // signed ("武藤経産相と…エネルギー相が東京都内で署名した"): that act's
      // signatories.
      Event& last = candidates.back().event;
      if (!opened && candidates.back().sentence + 1 == i && last.signatories.empty() && last.stage == "signed" &&
          views[i].has_label(Category::kStage, "signed") && !views[i].has(Category::kInstrument)) {
        last.signatories = without_witnesses(signatories_in(people, text, views[i].span, last.stage), text, views[i], people);
      }
    }
  }
  // An act stated without a sector word is about what its paragraph is
  // about: the sectors of the sentences around it that state no act
  // themselves ("Fukushima will cover its energy from renewables ...
  // Therefore an MoU was signed in 2014"), else those of the act before it
  // in this paragraph or the one before ("the sixth partnership of the
  // kind, after Canada").
  // (One pass: the last act with sectors from an earlier sentence is kept,
  // not searched for, so that a long document stays linear.)
  std::vector<std::uint32_t> section(views.size(), 0);  // headings before each sentence
  for (std::size_t i = 1; i < views.size(); ++i) section[i] = section[i - 1] + (is_heading(i) ? 1 : 0);
  std::optional<std::size_t> with_sectors, pending;  // in an earlier sentence; in this one
  // The last act told with sectors of each set of parties: an act of the
  // same parties told again ("Die neue Absichtserklärung soll diesen Rahmen
  // ... füllen" after another pair's partnership) is about what their act
  // covers, not what the other pair's act before it does.
  std::map<std::vector<std::string>, std::size_t> told_with_sectors;
  for (std::size_t k = 0; k < candidates.size(); ++k) {
    Candidate& c = candidates[k];
    const std::size_t i = c.sentence;
    if (pending && candidates[*pending].sentence != i) {
      with_sectors = pending;
      pending.reset();
    }
    // A framed act says what it is about: climate, if nothing else (below);
    // one told with its background says it too.
    if (c.event.sectors.empty() && !c.framed && !c.background) {
      for (std::size_t j : {i - 1, i + 1}) {
        if (j >= views.size() || acts_in[j] > 0 || views[j].paragraph != views[i].paragraph) continue;
        for (const std::string& sct : sectors_of(j)) add_sector(c.event.sectors, sct);
      }
    }
    // (Not across a heading: it opens a new topic, a heading on a regional
    // partnership after a paragraph about two clusters' webinar.)
    std::optional<std::size_t> before = with_sectors;
    if (auto t = told_with_sectors.find(c.party_keys);
        !c.party_keys.empty() && t != told_with_sectors.end() && before && candidates[*before].party_keys != c.party_keys) {
      before = t->second;
    }
    if (c.event.sectors.empty() && !c.framed && !c.background && before &&
        section[candidates[*before].sentence] == section[i] &&
        (before != with_sectors || views[candidates[*before].sentence].paragraph + 1 >= views[i].paragraph)) {
      c.event.sectors = candidates[*before].event.sectors;
    }
    // (A quotation's sector words, or a speaker's sentence's, are what the
    // speaker stresses, "Korea bygger havvind i stor skala. Det er et
    // partnerskab ...", siger ...": they tell no later act's sectors.)
    const bool closes_quote = (views[i].has_label(Category::kSpeech, "after") || views[i].has_label(Category::kSpeech, "before")) &&
                              i > 0 && views[i - 1].quote &&
                              views[i - 1].paragraph == views[i].paragraph;
    if (!c.event.sectors.empty() && !views[i].quote && !closes_quote) pending = k;
    if (!c.event.sectors.empty() && !c.party_keys.empty() && !views[i].quote && !closes_quote) {
      told_with_sectors[c.party_keys] = k;
    }
  }

  // Merge the mentions of one act: same parties (or one side's parties
  // all among the other's, for a looser mention of a multilateral act) and
  // compatible dates.
  // The first merged act that c joins. Only acts with the same parties, or
  // with three or more (a multilateral act c's parties may be part of), can
  // join: they are looked up by party keys, so that merging stays linear in
  // a long document of many acts.
  std::vector<Candidate> merged;
  std::map<std::vector<std::string>, std::vector<std::size_t>> merged_by_parties;
  std::vector<std::size_t> merged_multilateral;  // three or more parties
  std::size_t last_told = SIZE_MAX, last_sentence = SIZE_MAX;  // the merged act the last mention went to; its sentence
  for (Candidate& c : candidates) {
    auto joins = [&](std::size_t m) {
      return same_act_parties(merged[m], c) && dates_compatible(merged[m], c) && instruments_compatible(merged[m], c);
    };
    std::size_t first = merged.size();
    if (another_act(c) || c.second_act) {
      c.in_passing = false;  // opens an act of its own
    } else if (c.party_keys.size() >= 3) {
      for (std::size_t m = 0; m < merged.size() && m < first; ++m) {
        if (joins(m)) first = m;
      }
    } else {
      if (auto b = merged_by_parties.find(c.party_keys); b != merged_by_parties.end()) {
        for (std::size_t m : b->second) {
          if (m < first && joins(m)) { first = m; break; }
        }
      }
      for (std::size_t m : merged_multilateral) {
        if (m < first && joins(m)) { first = m; break; }
      }
    }
    // An undated mention after the lead ("That agreement covers trade in
    // ...") refers back to the latest act of its instrument (and stage, if
    // it names one: "Il rinnovo estende ...") it can join, the one just
    // told, not the first. Looked up in the same buckets.
    // "The new agreement", "le nouvel accord" is the page's own act, the
    // first told, not an older one told since.
    const bool the_new = views[c.sentence].has_label(Category::kGroupRef, "new");
    if (c.event.date.empty() && !c.in_lead && first < merged.size() && !the_new) {
      auto latest = [&](const std::vector<std::size_t>& bucket) {
        for (auto m = bucket.rbegin(); m != bucket.rend() && *m > first; ++m) {
          if ((merged[*m].event.instrument == c.event.instrument || merged[*m].goal == c.event.instrument) &&
              (c.event.stage == "announced" || merged[*m].event.stage == c.event.stage) && joins(*m)) {
            return *m;
          }
        }
        return first;
      };
      std::size_t last = first;
      if (auto b = merged_by_parties.find(c.party_keys); b != merged_by_parties.end()) last = latest(b->second);
      last = std::max(last, latest(merged_multilateral));
      first = last;
    }
    // A bare mention after the lead with no party named and no instrument
    // of another kind, right after an act ("Sverige och Indien undertecknade
    // ... ett innovationspartnerskap. Partnerskapet omfattar ... forskning"),
    // is about that act, whose parties it keeps (the lead's actors only
    // stood in).
    if (c.in_passing && !c.parties_named && !c.in_lead && c.event.date.empty() && last_told < merged.size() &&
        last_sentence + 1 == c.sentence && !(the_new && first < merged.size()) &&
        (c.event.instrument == "other" || c.event.instrument == merged[last_told].event.instrument ||
         c.event.instrument == merged[last_told].goal)) {
      first = last_told;
      c.event.parties = merged[first].event.parties;
      c.party_keys = merged[first].party_keys;
    }
    if (first < merged.size() || !c.in_passing) {
      last_told = first;
      last_sentence = c.sentence;
    }
    auto it = merged.begin() + static_cast<std::ptrdiff_t>(first);
    if (debug_) std::cerr << "[extract] sentence " << c.sentence << " " << c.event.instrument << "/" << c.event.stage
                          << "/" << c.event.date << " parties " << c.party_keys.size()
                          << (it == merged.end() ? " new" : " merged") << (c.in_passing ? " in-passing" : "") << ": " << c.event.evidence.substr(0, 80) << "\n";
    if (it != merged.end()) {
      const std::vector<std::string> keys_before = it->party_keys;
      merge_into(*it, c);
      if (it->party_keys != keys_before) {  // it took the other mention's fuller party set
        auto& old_bucket = merged_by_parties[keys_before];
        old_bucket.erase(std::remove(old_bucket.begin(), old_bucket.end(), first), old_bucket.end());
        auto& bucket = merged_by_parties[it->party_keys];
        bucket.insert(std::upper_bound(bucket.begin(), bucket.end(), first), first);
        if (it->party_keys.size() >= 3 && keys_before.size() < 3) {
          merged_multilateral.insert(std::upper_bound(merged_multilateral.begin(), merged_multilateral.end(), first), first);
        }
      }
      continue;
    }
    if (c.in_passing) continue;
    const std::size_t index = merged.size();
    merged_by_parties[c.party_keys].push_back(index);
    if (c.party_keys.size() >= 3) merged_multilateral.push_back(index);
    merged.push_back(std::move(c));
  }

  // A renewal or extension renews what the same parties signed before it
  // ("2014 signed on energy ... renewed in 2017", "2023 renewed this MoU
  // again, adding hydrogen"): it covers that act's sectors, beside any it
  // names. The act renewed is the one of the same instrument and an earlier
  // date told last before it, which has inherited in turn. (Looked up in
  // the party buckets, which are in text order.)
  for (std::size_t k = 0; k < merged.size(); ++k) {
    Event& e = merged[k].event;
    if ((e.stage != "renewed" && e.stage != "extended") || e.date.empty()) continue;
    auto b = merged_by_parties.find(merged[k].party_keys);
    if (b == merged_by_parties.end()) continue;
    // "The two memoranda were renewed in 2017": all of them. In a history
    // of several acts, the act whose date is nearest the words.
    bool all = false;
    for (const Mention* g : views[merged[k].sentence].of(Category::kGroupRef)) {
      if (g->entry->label != "both_acts") continue;
      all = true;
      if (merged[k].date_at < 0) break;
      const int at = static_cast<int>(g->first_token + g->end_token);
      for (const Candidate& o : merged) {
        if (o.sentence == merged[k].sentence && o.date_at >= 0 &&
            std::abs(o.date_at - at) < std::abs(merged[k].date_at - at)) {
          all = false;
        }
      }
      break;
    }
    const Event* renewed = nullptr;
    for (std::size_t j : b->second) {
      const Event& o = merged[j].event;
      if (j >= k) break;
      if (o.date.empty() || !(o.date < e.date) || e.date.starts_with(o.date)) continue;
      if (o.instrument != e.instrument && o.instrument != "other" && e.instrument != "other") continue;
      renewed = &o;
      if (all) {
        for (const std::string& sct : o.sectors) add_sector(e.sectors, sct);
      }
    }
    if (!renewed || all) continue;
    for (const std::string& sct : renewed->sectors) add_sector(e.sectors, sct);
  }
  // The act the page is about (reported in its lead) is also about the
  // sectors its headline (its first sentence) names; the rest of the lead
  // names the sectors of its own acts.
  // Lines before the first that states an act or names a party are the
  // page's banner (a department's name: "Energy, Climate and
  // Environment"), not its headline.
  std::size_t headline = 0;
  for (std::size_t i = 0; i < views.size() && i < layout.lead_sentences; ++i) {
    if (acts_in[i] > 0 || !views[i].actors.empty()) { headline = i; break; }
  }
  std::vector<std::string> lead_sectors;
  for (std::size_t i = headline; i < views.size() && i < std::min<std::size_t>(layout.lead_sentences, headline + 1); ++i) {
    if (acts_in[i] >= 2) continue;  // its sectors were given to its several acts
    for (const std::string& sct : sectors_of(i)) {
      if (std::find(lead_sectors.begin(), lead_sectors.end(), sct) == lead_sectors.end()) lead_sectors.push_back(sct);
    }
  }
  // Acts "of the same kind" as the page's, with no sector word of their
  // own, are about what its headline names ("deux accords de ce type"
  // after one on battery materials).
  for (Candidate& c : merged) {
    if (!c.in_lead && c.event.sectors.empty() && views[c.sentence].has_label(Category::kGroupRef, "kind")) {
      c.event.sectors = lead_sectors;
    }
  }
  for (Candidate& c : merged) {
    if (c.in_lead) {
      for (const std::string& sct : lead_sectors) {
        if (std::find(c.event.sectors.begin(), c.event.sectors.end(), sct) == c.event.sectors.end()) c.event.sectors.push_back(sct);
      }
    }
    if (c.framed && c.event.sectors.empty()) c.event.sectors.push_back("climate_environment");
    if (c.event.confidence < options.min_confidence) continue;
    // A city beside a body named after it ("Esbjerg og Cuxhaven går sammen"
    // in the headline, "Port Esbjerg" in the body: Port of Esbjerg) is that
    // body told by its city, one side.
    std::erase_if(c.event.parties, [&](const Party& city) {
      return city.kind == "city" && c.event.parties.size() > 2 &&
             std::any_of(c.event.parties.begin(), c.event.parties.end(), [&](const Party& body) {
               return body.kind == "organization" && body.name.size() > city.name.size() + 1 &&
                      body.name.ends_with(" " + city.name);
             });
    });
    x.events.push_back(std::move(c.event));
  }

  x.people = std::move(people);
  std::set<std::string> orgs;
  for (const SentenceView& v : views) {
    for (const ActorMention& a : v.actors) {
      const Actor& act = gazetteer_.actors()[a.actor];
      // A region's government named as such ("Møre og Romsdal
      // fylkeskommune": actors.tsv's regions, keyed apart from the ISO
      // region they govern) is an organization too.
      const bool government = act.kind == "region" && act.key != act.subdivision;
      // (Not the end of a longer name: "Australian Renewable Hydrogen Council".)
      if (a.form == AliasForm::kName && (act.kind == "organization" || government) && !a.name_end && orgs.insert(act.name).second) {
        x.organizations.push_back(act.name);
      }
    }
    for (const UnknownOrg& o : v.unknown_orgs) {
      if (orgs.insert(o.name).second) x.organizations.push_back(o.name);
    }
  }
  name_rule_orgs_in_english(*lexicon_, views, lang, x);
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
