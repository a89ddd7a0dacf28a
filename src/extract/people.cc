// Finding people, their roles and quotes; see people.h.
#include "extract/people.h"

#include <algorithm>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace pactum::extract {

namespace {

bool starts_upper(std::string_view s) {
  if (s.empty()) return false;
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
  return c >= 0 && u_isupper(c);
}

// Lower-case words that may stand inside a name: "Ursula von der Leyen".
bool is_particle(std::string_view w) {
  static constexpr std::string_view kParticles[] = {"von", "der", "van", "de", "den", "da", "di", "le", "la", "af", "zu"};
  return std::find(std::begin(kParticles), std::end(kParticles), w) != std::end(kParticles);
}

struct NameRun {
  std::uint32_t first = 0, end = 0;
};

// The capitalised run starting at token i that is not an actor or lexicon
// word; particles allowed inside, not at the ends.
NameRun name_at(std::string_view text, const SentenceView& s, std::uint32_t i,
                const std::vector<bool>& blocked) {
  NameRun run{i, i};
  std::uint32_t k = i;
  while (k < s.tokens.size() && k - i < 5) {
    std::string_view w = s.tokens[k].span.of(text);
    if (blocked[k]) break;
    if (starts_upper(w) && s.tokens[k].is_word) {
      run.end = k + 1;
    } else if (!(is_particle(w) && run.end > run.first)) {
      break;
    }
    // Words are separated by single spaces inside a name.
    if (k + 1 < s.tokens.size()) {
      auto gap = text.substr(s.tokens[k].span.end, s.tokens[k + 1].span.begin - s.tokens[k].span.end);
      if (gap != " ") { ++k; break; }
    }
    ++k;
  }
  return run;
}

std::string last_word(const std::string& name) {
  auto sp = name.find_last_of(' ');
  return sp == std::string::npos ? name : name.substr(sp + 1);
}

}  // namespace

std::vector<Person> find_people(const Lexicon& lexicon, std::string_view text,
                                const std::vector<SentenceView>& views, const Layout& layout) {
  (void)layout;
  std::vector<Person> people;
  auto find_person = [&](const std::string& name) -> Person* {
    for (Person& p : people) {
      if (p.name == name) return &p;
    }
    // A surname alone refers to the person already named in full.
    if (name.find(' ') == std::string::npos) {
      for (Person& p : people) {
        if (last_word(p.name) == name) return &p;
      }
    }
    return nullptr;
  };
  const auto& actors = lexicon.gazetteer().actors();

  for (const SentenceView& s : views) {
    const auto n = static_cast<std::uint32_t>(s.tokens.size());
    // Tokens that cannot be part of a name: actors and lexicon words other
    // than titles of address.
    std::vector<bool> blocked(n, false);
    for (const Mention& m : s.mentions) {
      // Only actors, roles and speech verbs end a name: "Jan" is a month
      // abbreviation and a first name.
      bool stops = m.alias || (m.entry && (m.entry->category == Category::kRole ||
                                           m.entry->category == Category::kSpeech));
      if (!stops) continue;
      for (std::uint32_t k = m.first_token; k < m.end_token && k < n; ++k) blocked[k] = true;
    }
    auto affiliation_near = [&](std::uint32_t from, std::uint32_t to) -> std::string {
      for (const ActorMention& a : s.actors) {
        if (a.first_token + 3 >= from && a.first_token < to && !a.venue) return actors[a.actor].name;
      }
      return "";
    };
    auto note = [&](NameRun run, const std::string& role, const std::string& affiliation, bool quoted) {
      if (run.end <= run.first) return;
      std::string name(s.text_of(text, run.first, run.end));
      bool single = run.end - run.first == 1;
      Person* p = find_person(name);
      if (!p) {
        if (single) return;  // a lone capitalised word is too weak to be a person
        people.push_back({name, role, affiliation, quoted, {s.tokens[run.first].span.begin, s.tokens[run.end - 1].span.end}});
        return;
      }
      if (p->role.empty()) p->role = role;
      if (p->affiliation.empty()) p->affiliation = affiliation;
      p->quoted = p->quoted || quoted;
    };

    auto roles = s.of(Category::kRole);
    auto speech = s.of(Category::kSpeech);
    // Role, then name: "næringsminister Jan Christian Vestre".
    for (const Mention* r : roles) {
      std::uint32_t i = r->end_token;
      // Skip an actor between role and name: "President of Namibia Hage Geingob".
      for (const ActorMention& a : s.actors) {
        if (a.first_token == i || (a.first_token == i + 1 && blocked[i])) i = a.end_token;
      }
      if (i >= n) continue;
      NameRun run = name_at(text, s, i, blocked);
      if (run.end <= run.first) continue;
      bool quoted = false;
      for (const Mention* sp : speech) {
        if (sp->entry->label == "after" && sp->end_token <= r->first_token && r->first_token - sp->end_token <= 1) quoted = true;
      }
      // "Role Name: „...“": a statement line.
      if (run.end < n) {
        auto rest = text.substr(s.tokens[run.end - 1].span.end, 3);
        if (!rest.empty() && rest[0] == ':') quoted = true;
      }
      note(run, r->entry->label, affiliation_near(r->first_token, run.first), quoted);
    }
    // Speech verb, then name: "..., sier Vestre", "so X".
    for (const Mention* sp : speech) {
      if (sp->entry->label != "after") continue;
      std::uint32_t i = sp->end_token;
      bool has_role = false;
      for (const Mention* r : roles) {
        if (r->first_token == i) { i = r->end_token; has_role = true; }
      }
      if (i >= n) continue;
      NameRun run = name_at(text, s, i, blocked);
      if (has_role) continue;  // handled with the role above
      note(run, "", "", true);
    }
    // Name, then speech verb: "Vestre sagte", "Solberg said".
    for (const Mention* sp : speech) {
      if (sp->entry->label != "before" || sp->first_token == 0) continue;
      std::uint32_t j = sp->first_token;
      std::uint32_t start = j;
      while (start > 0 && j - start < 4 && !blocked[start - 1] &&
             starts_upper(s.tokens[start - 1].span.of(text))) {
        --start;
      }
      if (start < j) note({start, j}, "", "", true);
    }
  }
  return people;
}

std::vector<Signatory> signatories_in(const std::vector<Person>& people, std::string_view sentence,
                                      const std::string& stage) {
  std::vector<Signatory> out;
  if (stage != "signed" && stage != "renewed" && stage != "extended") return out;
  for (const Person& p : people) {
    if (sentence.find(p.name) != std::string_view::npos) out.push_back({p.name, p.role, p.affiliation});
  }
  return out;
}

}  // namespace pactum::extract
