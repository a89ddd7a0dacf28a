// The naming passes over a whole text; see naming.h.
#include "extract/naming.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "extract/lexicon.h"
#include "text/normalize.h"

namespace pactum::extract {

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

// An organization named once with its legal form ("Nordkyst Kabel AS",
// "Nordhafen Ammonia Bunkering GmbH") is named without it later in the text
// ("Nordkyst Kabel has also started negotiations"): those later mentions
// become the same unknown organization. One pass over the tokens, the short
// names looked up by their first word. So too a head word named with its
// link ("Politecnico di Torino") and later with an article alone ("Il
// Politecnico ha inoltre avviato negoziati"), when one organization of the
// text has that head.
void name_short_forms(std::vector<SentenceView>& views, std::string_view text, const Gazetteer& g) {
  struct Short {
    std::vector<std::string> words;  // folded
    std::string name;                // the full name, as first written
  };
  std::map<std::string, std::vector<std::string>> by_head;  // folded head word: full names
  for (const SentenceView& v : views) {
    for (const UnknownOrg& o : v.unknown_orgs) {
      if (o.end_token - o.first_token < 3) continue;
      const bool linked = std::any_of(v.mentions.begin(), v.mentions.end(), [&](const Mention& m) {
        return m.entry && m.entry->category == Category::kOrgHead && m.entry->label == "link" &&
               m.first_token == o.first_token + 1;
      });
      if (!linked) continue;
      auto& names = by_head[v.tokens[o.first_token].folded];
      if (std::find(names.begin(), names.end(), o.name) == names.end()) names.push_back(o.name);
    }
  }
  // (With no such one, the article and head, "El Ministerio trabajará
  // ...", name a body told before some other way, none of that name.)
  for (SentenceView& v : views) {
    std::erase_if(v.unknown_orgs, [&](UnknownOrg& o) {
      if (o.end_token - o.first_token != 2 || !v.one_word_of(Category::kDeterminer, o.first_token)) return false;
      const bool head = std::any_of(v.mentions.begin(), v.mentions.end(), [&](const Mention& m) {
        return m.entry && m.entry->category == Category::kOrgHead && m.entry->label == "org" &&
               m.first_token == o.first_token + 1 && m.end_token == o.end_token;
      });
      if (!head) return false;
      auto it = by_head.find(v.tokens[o.first_token + 1].folded);
      if (it == by_head.end() || it->second.size() != 1) return true;
      o.name = it->second.front();
      return false;
    });
  }
  std::map<std::string, std::vector<Short>> by_first;
  for (const SentenceView& v : views) {
    for (const UnknownOrg& o : v.unknown_orgs) {
      if (o.end_token - o.first_token < 2) continue;
      const bool legal = std::any_of(v.mentions.begin(), v.mentions.end(), [&](const Mention& m) {
        return m.entry && m.entry->category == Category::kOrgHead && m.entry->label == "legal" &&
               m.end_token == o.end_token && m.first_token > o.first_token;
      });
      if (!legal) continue;
      std::uint32_t legal_first = o.end_token - 1;
      for (const Mention& m : v.mentions) {
        if (m.entry && m.entry->label == "legal" && m.end_token == o.end_token) legal_first = std::min(legal_first, m.first_token);
      }
      Short sh;
      for (std::uint32_t k = o.first_token; k < legal_first; ++k) sh.words.push_back(v.tokens[k].folded);
      sh.name = o.name;
      auto& list = by_first[sh.words.front()];
      bool seen = std::any_of(list.begin(), list.end(), [&](const Short& x) { return x.words == sh.words; });
      if (!seen) list.push_back(std::move(sh));
    }
  }
  if (by_first.empty()) return;
  for (SentenceView& v : views) {
    std::vector<bool> taken(v.tokens.size(), false);
    for (const ActorMention& a : v.actors) {
      for (auto k = a.first_token; k < a.end_token; ++k) taken[k] = true;
    }
    for (const UnknownOrg& o : v.unknown_orgs) {
      for (auto k = o.first_token; k < o.end_token; ++k) taken[k] = true;
    }
    bool added = false;
    for (std::uint32_t k = 0; k < v.tokens.size(); ++k) {
      auto it = by_first.find(v.tokens[k].folded);
      if (it == by_first.end() || taken[k] || !text::starts_upper(v.tokens[k].span.of(text))) continue;
      for (const Short& sh : it->second) {
        const auto end = k + static_cast<std::uint32_t>(sh.words.size());
        if (end > v.tokens.size()) continue;
        bool match = true;
        for (std::uint32_t j = k; j < end && match; ++j) match = !taken[j] && v.tokens[j].folded == sh.words[j - k];
        if (!match) continue;
        v.unknown_orgs.push_back({k, end, sh.name});
        for (std::uint32_t j = k; j < end; ++j) taken[j] = true;
        added = true;
        break;
      }
    }
    if (added) {
      std::sort(v.unknown_orgs.begin(), v.unknown_orgs.end(),
                [](const UnknownOrg& x, const UnknownOrg& y) { return x.first_token < y.first_token; });
      mark_places_before_organizations(g, text, v);
    }
  }
}

// An organization named with its acronym in brackets ("the Korea National
// Oil Corporation (KNOC)", "Bergen Offshore Wind Cluster (BOWC)") is what
// that acronym names anywhere in the text, headline included: the bracketed
// acronym is no second party, and "KNOC will ..." later is the same
// organization, even where the acronym is no initialism of the name
// ("Maritime and Port Authority of Singapore (MPA)") or the gazetteer reads
// it as another actor. Press releases define their acronyms this way in
// every language, so the rule reads the brackets, not words.
void name_acronyms(std::vector<SentenceView>& views, std::string_view text, const Gazetteer& g) {
  struct Named {
    bool known = false;
    std::uint32_t actor = 0;  // known: index into Gazetteer::actors()
    std::string name, lang;   // otherwise: the unknown organization
  };
  auto is_acronym = [](std::string_view w) {
    if (w.size() < 2 || w.size() > 10) return false;
    std::size_t upper = 0;
    for (char c : w) {
      if (c >= 'A' && c <= 'Z') ++upper;
      else if (!(c >= '0' && c <= '9') && c != '&' && c != '-') return false;
    }
    return upper >= 2;
  };
  // The acronym token right after [first, end), in brackets, if any.
  auto bracketed_after = [&](const SentenceView& v, std::uint32_t end) -> std::string_view {
    if (end >= v.tokens.size() || end == 0) return {};
    const std::size_t gap_from = v.tokens[end - 1].span.end, at = v.tokens[end].span.begin, to = v.tokens[end].span.end;
    if (text.substr(gap_from, at - gap_from) != " (" || to >= text.size() || text[to] != ')') return {};
    const std::string_view w = v.tokens[end].span.of(text);
    return is_acronym(w) ? w : std::string_view{};
  };
  std::map<std::string, Named, std::less<>> named;
  std::set<std::string, std::less<>> ambiguous;
  auto define = [&](std::string_view acr, Named n) {
    auto [it, fresh] = named.try_emplace(std::string(acr), n);
    if (fresh) return;
    const bool same = it->second.known == n.known && (n.known ? it->second.actor == n.actor : it->second.name == n.name);
    if (!same) ambiguous.insert(std::string(acr));
  };
  for (const SentenceView& v : views) {
    for (const ActorMention& a : v.actors) {
      if (g.actors()[a.actor].kind != "organization") continue;
      if (const auto acr = bracketed_after(v, a.end_token); !acr.empty()) define(acr, {true, a.actor, {}, {}});
    }
    for (const UnknownOrg& o : v.unknown_orgs) {
      if (o.end_token - o.first_token < 2) continue;
      if (const auto acr = bracketed_after(v, o.end_token); !acr.empty()) define(acr, {false, 0, o.name, o.lang});
    }
  }
  for (const auto& a : ambiguous) named.erase(a);
  if (named.empty()) return;
  for (SentenceView& v : views) {
    bool changed = false;
    for (std::uint32_t k = 0; k < v.tokens.size(); ++k) {
      const auto it = named.find(v.tokens[k].span.of(text));
      if (it == named.end()) continue;
      // Only the acronym standing alone: inside a longer name ("KNOC
      // Trading") it is part of that name.
      const bool inside_longer =
          std::any_of(v.actors.begin(), v.actors.end(), [&](const ActorMention& a) {
            return a.first_token <= k && k < a.end_token && a.end_token - a.first_token > 1;
          }) ||
          std::any_of(v.unknown_orgs.begin(), v.unknown_orgs.end(), [&](const UnknownOrg& o) {
            return o.first_token <= k && k < o.end_token && o.end_token - o.first_token > 1;
          });
      if (inside_longer) continue;
      const Named& n = it->second;
      // In the brackets right after the organization it names: no party of its own.
      const bool definition =
          k > 0 && text.substr(v.tokens[k - 1].span.end, v.tokens[k].span.begin - v.tokens[k - 1].span.end) == " (" &&
          (std::any_of(v.actors.begin(), v.actors.end(),
                       [&](const ActorMention& a) { return a.end_token == k && n.known && a.actor == n.actor; }) ||
           std::any_of(v.unknown_orgs.begin(), v.unknown_orgs.end(),
                       [&](const UnknownOrg& o) { return o.end_token == k && !n.known && o.name == n.name; }));
      ActorMention flags;
      bool had_actor = false;
      for (auto a = v.actors.begin(); a != v.actors.end();) {
        if (a->first_token == k && a->end_token == k + 1) {
          flags = *a;
          had_actor = true;
          a = v.actors.erase(a);
        } else {
          ++a;
        }
      }
      std::erase_if(v.unknown_orgs, [&](const UnknownOrg& o) { return o.first_token == k && o.end_token == k + 1; });
      changed = true;
      if (definition) continue;
      if (n.known) {
        ActorMention a = had_actor ? flags : ActorMention{};
        a.first_token = k;
        a.end_token = k + 1;
        a.actor = n.actor;
        a.form = AliasForm::kName;
        v.actors.push_back(a);
      } else {
        v.unknown_orgs.push_back({k, k + 1, n.name, n.lang});
      }
    }
    if (changed) {
      std::sort(v.actors.begin(), v.actors.end(),
                [](const ActorMention& x, const ActorMention& y) { return x.first_token < y.first_token; });
      std::sort(v.unknown_orgs.begin(), v.unknown_orgs.end(),
                [](const UnknownOrg& x, const UnknownOrg& y) { return x.first_token < y.first_token; });
    }
  }
}

// An organization introduced by a noun and a demonym ("el grupo japonés
// Kaiyo Sangyo", "det japanske selskapet Kaiun") is what the same
// description names later in the text when no name follows it ("El grupo
// japonés negocia ..."): those later mentions become that organization.
// Only descriptions that introduced one organization. A description with a
// demonym that introduced none ("l'agence japonaise", "the Japanese
// agency") names the one organization of that country the text named
// before (the gazetteer's, not a ministry, which acts for its state); one
// with no demonym ("La naviera tuvo ...", "JOGMEC and the bureau"), opening
// its sentence or joined by "and" to a named organization, the one
// organization its noun introduced, whatever the demonym (not a plural
// that is a group reference, "die Unternehmen": both, or others). The
// demonym of a description so read is its attribute, no party.
void name_described_references(std::vector<SentenceView>& views, std::string_view text, const Gazetteer& g) {
  struct Introduced {
    std::size_t sentence = 0;
    std::vector<std::string> names;
    std::int64_t actor = -1;  // the gazetteer's organization, else -1
  };
  // The demonym right before or right after noun m ("det japanske
  // selskapet", "el grupo japonés"), else nullptr.
  auto demonym_at = [](SentenceView& v, const Mention& m) -> ActorMention* {
    for (ActorMention& a : v.actors) {
      if (a.form == AliasForm::kDemonym && (a.first_token == m.end_token || a.end_token == m.first_token)) return &a;
    }
    return nullptr;
  };
  auto demonym_of = [](const SentenceView& v, const Mention& m) -> std::int64_t {
    for (const ActorMention& a : v.actors) {
      if (a.form == AliasForm::kDemonym && (a.first_token == m.end_token || a.end_token == m.first_token)) return a.actor;
    }
    return -1;
  };
  // Introductions by the noun's folded words and the demonym, and by the
  // noun alone (whatever the demonym).
  std::map<std::string, Introduced> by_noun, by_bare_noun;
  auto noun_key = [](const SentenceView& v, const Mention& m) {
    std::string key;
    for (std::uint32_t k = m.first_token; k < m.end_token; ++k) key += v.tokens[k].folded + " ";
    return key;
  };
  auto described_key = [&](const SentenceView& v, const Mention& m) {
    return noun_key(v, m) + "|" + std::to_string(demonym_of(v, m));
  };
  // Where the name after noun m would begin: right after it, or after a
  // demonym that follows it ("el grupo japonés Kaiyo Sangyo").
  auto after_noun = [&](const SentenceView& v, const Mention& m) {
    for (const ActorMention& a : v.actors) {
      if (a.form == AliasForm::kDemonym && a.first_token == m.end_token) return a.end_token;
    }
    return m.end_token;
  };
  // A noun inside a name ("Naviera" of "Naviera Cantábrica") introduces nothing.
  auto in_name = [&](const SentenceView& v, const Mention& m) {
    return std::any_of(v.unknown_orgs.begin(), v.unknown_orgs.end(), [&](const UnknownOrg& o) {
             return o.first_token < m.end_token && m.first_token < o.end_token;
           }) || std::any_of(v.actors.begin(), v.actors.end(), [&](const ActorMention& a) {
             return a.form == AliasForm::kName && a.first_token < m.end_token && m.first_token < a.end_token;
           });
  };
  // The gazetteer's organizations named, with the sentence each is first
  // named in (not ministries: they act for their states).
  std::vector<std::pair<std::size_t, std::uint32_t>> named_orgs;
  auto introduce = [](Introduced& in, std::size_t i, const std::string& name, std::int64_t actor) {
    if (in.names.empty()) {
      in.sentence = i;
      in.actor = actor;
    }
    // "Naviera Cantábrica" read later as the noun and "Cantábrica": one name.
    if (std::none_of(in.names.begin(), in.names.end(), [&](const std::string& n) {
          return n == name || contains_word(n, name) || contains_word(name, n);
        })) {
      in.names.push_back(name);
    }
  };
  // Every organization named, by a word of its name as written ("the
  // Philippine Mines and Geosciences Bureau": "bureau"), with the sentence
  // it is first named in: "the bureau" names the one organization the noun
  // introduced, else the one named before with that word in its name.
  std::map<std::string, Introduced> by_name_word;
  std::map<std::string, std::size_t> unknown_words;  // a word of an unknown organization's name: where first named
  for (std::size_t i = 0; i < views.size(); ++i) {
    const SentenceView& v = views[i];
    auto words_of = [&](std::uint32_t first, std::uint32_t end, const std::string& name, std::int64_t actor) {
      for (std::uint32_t k = first; k < end; ++k) introduce(by_name_word[v.tokens[k].folded + " "], i, name, actor);
    };
    for (const UnknownOrg& o : v.unknown_orgs) {
      words_of(o.first_token, o.end_token, o.name, -1);
      for (std::uint32_t k = o.first_token; k < o.end_token; ++k) unknown_words.emplace(v.tokens[k].folded + " ", i);
    }
    for (const ActorMention& a : v.actors) {
      if (a.form == AliasForm::kName && g.actors()[a.actor].kind == "organization" && g.government_of(a.actor) < 0) {
        words_of(a.first_token, a.end_token, g.actors()[a.actor].name, a.actor);
      }
    }
  }
  for (std::size_t i = 0; i < views.size(); ++i) {
    const SentenceView& v = views[i];
    for (const ActorMention& a : v.actors) {
      if (a.form != AliasForm::kName || g.actors()[a.actor].kind != "organization" || g.government_of(a.actor) >= 0) continue;
      if (std::none_of(named_orgs.begin(), named_orgs.end(), [&](const auto& n) { return n.second == a.actor; })) {
        named_orgs.push_back({i, a.actor});
      }
    }
    for (const Mention& m : v.mentions) {
      if (!m.entry || m.entry->category != Category::kOrgHead || m.entry->label != "noun" || in_name(v, m)) continue;
      // Up to two lower-case words between ("la naviera vizcaína Naviera Cantábrica").
      std::uint32_t at = after_noun(v, m);
      for (int skip = 0; skip < 2 && at < v.tokens.size() && v.tokens[at].is_word &&
                         !text::starts_upper(v.tokens[at].span.of(text));
           ++skip) {
        ++at;
      }
      std::string name;
      std::int64_t actor = -1;
      for (const UnknownOrg& o : v.unknown_orgs) {
        if (o.first_token == at) name = o.name;
      }
      for (const ActorMention& a : v.actors) {
        if (a.first_token == at && a.form == AliasForm::kName && g.actors()[a.actor].kind == "organization") {
          name = g.actors()[a.actor].name;
          actor = a.actor;
        }
      }
      if (name.empty()) continue;
      introduce(by_noun[described_key(v, m)], i, name, actor);
      introduce(by_bare_noun[noun_key(v, m)], i, name, actor);
    }
  }
  if (by_noun.empty() && by_name_word.empty()) return;
  for (std::size_t i = 0; i < views.size(); ++i) {
    SentenceView& v = views[i];
    bool added = false;
    std::vector<ActorMention> found;
    std::vector<UnknownOrg> found_unknown;
    for (const Mention& m : v.mentions) {
      if (!m.entry || m.entry->category != Category::kOrgHead || m.entry->label != "noun" || in_name(v, m)) continue;
      const std::uint32_t at = after_noun(v, m);
      // A name follows (a capitalised word, known or not): the noun
      // introduces that one.
      if (at < v.tokens.size() && v.tokens[at].is_word && text::starts_upper(v.tokens[at].span.of(text))) continue;
      const bool named_after = std::any_of(v.unknown_orgs.begin(), v.unknown_orgs.end(), [&](const UnknownOrg& o) {
        return o.first_token == at || (o.first_token < m.end_token && m.first_token < o.end_token);
      }) || std::any_of(v.actors.begin(), v.actors.end(), [&](const ActorMention& a) {
        return a.form == AliasForm::kName && (a.first_token == at || (a.first_token < m.end_token && m.first_token < a.end_token));
      });
      if (named_after) continue;
      ActorMention* demonym = demonym_at(v, m);
      std::int64_t actor = -1;
      std::string name;
      auto take = [&](const Introduced& in) {
        if (in.names.size() != 1 || in.sentence >= i) return false;
        actor = in.actor;
        name = in.names.front();
        return true;
      };
      if (demonym) {
        // The same description: noun and demonym ("El grupo japonés negocia").
        auto it = by_noun.find(described_key(v, m));
        if (it == by_noun.end() || !take(it->second)) {
          // "The Norwegian cluster" after "Ocean Hyway Cluster": the one
          // organization named before with the noun in its name, of that
          // country or of none known. Else "l'agence japonaise": the one
          // organization of that country named before, unless one the
          // gazetteer lacks (its country unknown) has the noun in its name.
          const Actor& state = g.actors()[demonym->actor];
          const auto word = by_name_word.find(noun_key(v, m));
          const bool by_word = word != by_name_word.end() && word->second.names.size() == 1 &&
                               (word->second.actor < 0 || g.actors()[word->second.actor].country == state.country) &&
                               take(word->second);
          const auto unknown = unknown_words.find(noun_key(v, m));
          if (!by_word && (unknown == unknown_words.end() || unknown->second >= i)) {
            std::vector<std::uint32_t> of_state;
            for (const auto& [sentence, org] : named_orgs) {
              if (sentence < i && state.kind == "country" && g.actors()[org].country == state.country) of_state.push_back(org);
            }
            if (of_state.size() == 1) {
              actor = of_state.front();
              name = g.actors()[actor].name;
            }
          }
        }
      } else {
        // "La naviera tuvo ...", "JOGMEC and the bureau": opening the
        // sentence (after one article at most), or joined by "and" to an
        // organization named.
        const bool opening = m.first_token == 0 ||
                             (m.first_token == 1 && std::any_of(v.mentions.begin(), v.mentions.end(), [&](const Mention& d) {
                                return d.entry && d.entry->category == Category::kDeterminer && d.first_token == 0 &&
                                       d.end_token == 1;
                              }));
        const bool joined = std::any_of(v.unknown_orgs.begin(), v.unknown_orgs.end(), [&](const UnknownOrg& o) {
          return o.end_token <= m.first_token && o.end_token + 3 >= m.first_token && v.joined_by_and(o.end_token, m.first_token, false);
        }) || std::any_of(v.actors.begin(), v.actors.end(), [&](const ActorMention& a) {
          return a.form == AliasForm::kName && g.actors()[a.actor].kind == "organization" && a.end_token <= m.first_token &&
                 a.end_token + 3 >= m.first_token && v.joined_by_and(a.end_token, m.first_token, false);
        });
        const bool group = std::any_of(v.mentions.begin(), v.mentions.end(), [&](const Mention& r) {
          return r.entry && r.entry->category == Category::kGroupRef && r.first_token < m.end_token && m.first_token < r.end_token;
        });
        if ((opening || joined) && !group) {
          auto it = by_bare_noun.find(noun_key(v, m));
          if (it == by_bare_noun.end() || !take(it->second)) {
            // By the noun's last word: "同機構" (the said 機構) is the one
            // named before with "機構" in its name.
            auto w = by_name_word.find(v.tokens[m.end_token - 1].folded + " ");
            if (w != by_name_word.end()) take(w->second);
          }
        }
      }
      if (name.empty()) continue;
      if (demonym) demonym->attribute = true;
      if (actor >= 0) {
        ActorMention a;
        a.first_token = m.first_token;
        a.end_token = m.end_token;
        a.actor = static_cast<std::uint32_t>(actor);
        found.push_back(a);
      } else {
        found_unknown.push_back({m.first_token, m.end_token, name});
      }
      added = true;
    }
    if (added) {
      v.actors.insert(v.actors.end(), found.begin(), found.end());
      v.unknown_orgs.insert(v.unknown_orgs.end(), found_unknown.begin(), found_unknown.end());
      std::sort(v.unknown_orgs.begin(), v.unknown_orgs.end(),
                [](const UnknownOrg& x, const UnknownOrg& y) { return x.first_token < y.first_token; });
      std::stable_sort(v.actors.begin(), v.actors.end(),
                       [](const ActorMention& x, const ActorMention& y) { return x.first_token < y.first_token; });
    }
  }
}

}  // namespace pactum::extract
