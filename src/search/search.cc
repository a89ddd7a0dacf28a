// Query parsing, cross-lingual expansion through the lexicon and gazetteer,
// and evidence for hits (see search.h).
#include "search/search.h"

#include <algorithm>
#include <set>

#include "common/utf8.h"
#include "kb/taxonomy.h"
#include "text/normalize.h"
#include "text/segment.h"

namespace pactum::search {

struct Searcher::Owned {
  std::unique_ptr<extract::LexiconWithGazetteer> loaded;
};

namespace {

using Alternative = store::TextQuery::Alternative;
using Clause = std::vector<Alternative>;

bool has_cjk(std::string_view s) {
  for (std::size_t i = 0; i + 2 < s.size(); ++i) {
    auto b0 = static_cast<unsigned char>(s[i]), b1 = static_cast<unsigned char>(s[i + 1]);
    if ((b0 == 0xE3 && b1 >= 0x81) || (b0 >= 0xE4 && b0 <= 0xE9)) return true;
  }
  return false;
}

// Japanese goes through MeCab, as the index does (store/sqlite_store.cc).
std::string_view tokenizer_lang(std::string_view text, std::string_view lang) {
  if (has_cjk(text)) return "ja";
  return lang == "xx" || lang.empty() ? "en" : lang;
}

std::vector<std::string> words_of(std::string_view text, std::string_view lang) {
  std::vector<std::string> out;
  for (const text::Token& t : text::tokenize(text, tokenizer_lang(text, lang))) out.push_back(t.folded);
  return out;
}

// A lexicon phrase ('*' wildcards) as an alternative; FTS5 has prefixes but
// no suffixes, so a leading '*' is dropped ("*partnerschaft" matches the
// word "partnerschaft" itself).
Alternative phrase_alternative(std::string_view phrase, std::string_view lang) {
  bool prefix = phrase.size() > 1 && phrase.back() == '*';
  if (prefix) phrase.remove_suffix(1);
  if (!phrase.empty() && phrase.front() == '*') phrase.remove_prefix(1);
  return {words_of(phrase, lang), prefix};
}

void add_unique(Clause& clause, Alternative alt) {
  if (alt.words.empty()) return;
  for (const auto& a : clause) {
    if (a.words == alt.words && a.prefix == alt.prefix) return;
  }
  clause.push_back(std::move(alt));
}

// The lexicon categories a query term expands through; "other",
// "no_sector" ("nuclear accident") and "no_act" ("Paris Agreement") name no
// concept of their own and expand nothing.
std::string concept_key(const extract::LexiconEntry& e) {
  if (e.label == "other" || e.label == extract::kNoSectorLabel || e.label == extract::kNoActLabel) return {};
  if (e.category == extract::Category::kSector) return "sector:" + e.label;
  if (e.category == extract::Category::kInstrument) return "instrument:" + e.label;
  return {};
}

std::size_t letters(std::string_view word) {
  std::size_t n = 0;
  for (unsigned char c : word) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

bool matches(const std::vector<std::string>& words, const Alternative& alt) {
  if (alt.words.empty() || words.size() < alt.words.size()) return false;
  for (std::size_t i = 0; i + alt.words.size() <= words.size(); ++i) {
    bool ok = true;
    for (std::size_t j = 0; ok && j < alt.words.size(); ++j) {
      const std::string& w = words[i + j];
      const std::string& q = alt.words[j];
      bool last = j + 1 == alt.words.size();
      ok = (last && alt.prefix) ? w.compare(0, q.size(), q) == 0 : w == q;
    }
    if (ok) return true;
  }
  return false;
}

Result<std::unique_ptr<Searcher>> Searcher::create(const std::filesystem::path& data_dir) {
  auto owned = std::make_unique<Owned>();
  auto loaded = extract::load_lexicon_with_gazetteer(data_dir);
  if (!loaded.is_ok()) return loaded.status();
  owned->loaded = std::move(*loaded);
  auto searcher = std::make_unique<Searcher>(*owned->loaded->lexicon);
  searcher->owned_ = std::move(owned);
  return searcher;
}

Searcher::Searcher(const extract::Lexicon& lexicon) : lexicon_(&lexicon) {
  const auto& gaz = lexicon.gazetteer();
  actor_aliases_.resize(gaz.actors().size());
  const auto& aliases = gaz.aliases();
  for (std::size_t i = 0; i < aliases.size(); ++i) {
    const extract::Alias& a = aliases[i];
    // Acronyms that must match in capitals ("US") would match every "us"
    // in a case-blind index: they expand nothing.
    if (a.form != extract::AliasForm::kName || a.case_sensitive) continue;
    if (a.actor < actor_aliases_.size()) actor_aliases_[a.actor].push_back(static_cast<std::uint32_t>(i));
  }
  for (const extract::LexiconPhrase& p : lexicon.phrases()) {
    std::string key = concept_key({p.category, p.label});
    if (!key.empty()) add_unique(concept_terms_[key], phrase_alternative(p.phrase, p.lang));
  }
}

Searcher::~Searcher() = default;

Result<store::TextQuery> Searcher::expand(std::string_view query) const {
  if (query.size() > kMaxQueryBytes) {
    return Status::invalid_argument("query too long (" + std::to_string(query.size()) + " bytes; at most " +
                                    std::to_string(kMaxQueryBytes) + ")");
  }
  if (!is_valid_utf8(query)) return Status::invalid_argument("query is not valid UTF-8");
  if (std::count(query.begin(), query.end(), '"') % 2 != 0) {
    return Status::invalid_argument("unbalanced quotes in query: " + std::string(query));
  }
  // Quoted phrases match as written; the rest is free text.
  std::vector<std::string> phrases;
  std::string free;
  bool quoted = false;
  std::string current;
  for (char c : query) {
    if (c == '"') {
      if (quoted && !current.empty()) phrases.push_back(current);
      if (!quoted) free += ' ';
      current.clear();
      quoted = !quoted;
    } else if (quoted) {
      current += c;
    } else {
      free += c;
    }
  }
  store::TextQuery out;
  for (const auto& p : phrases) {
    auto w = words_of(p, "en");
    if (!w.empty()) out.all_of.push_back({{w, false}});
  }
  const auto tokens = text::tokenize(free, tokenizer_lang(free, "en"));
  // Sectors and actors named in the free text, in any language's lexicon;
  // the longest reading of each stretch of tokens wins.
  struct Found {
    std::uint32_t first, end;
    const extract::LexiconEntry* entry;
    const extract::Alias* alias;
  };
  std::vector<Found> found;
  std::vector<std::string> langs = lexicon_->languages();
  langs.push_back("xx");
  for (const auto& lang : langs) {
    for (const extract::Mention& m : lexicon_->find(lang, free, tokens)) {
      bool known = m.entry && !concept_key(*m.entry).empty();
      bool actor = m.alias && m.alias->form == extract::AliasForm::kName;
      if (known || actor) found.push_back({m.first_token, m.end_token, m.entry, m.alias});
    }
  }
  std::stable_sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
    return a.end - a.first != b.end - b.first ? a.end - a.first > b.end - b.first : a.first < b.first;
  });
  std::vector<int> owner(tokens.size(), -1);
  std::vector<Found> chosen;
  for (const Found& f : found) {
    bool free_span = true;
    for (auto i = f.first; i < f.end; ++i) free_span = free_span && owner[i] < 0;
    bool same = false;  // another language's reading of the same stretch and concept
    for (const Found& c : chosen) {
      same = same || (c.first == f.first && c.end == f.end &&
                      ((c.entry && f.entry && concept_key(*c.entry) == concept_key(*f.entry)) ||
                       (c.alias && f.alias && c.alias->actor == f.alias->actor)));
    }
    if (same || !free_span) continue;
    for (auto i = f.first; i < f.end; ++i) owner[i] = static_cast<int>(chosen.size());
    chosen.push_back(f);
  }
  std::size_t terms = phrases.size();
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (owner[i] >= 0 && (i == 0 || owner[i - 1] != owner[i])) ++terms;
    if (owner[i] < 0) ++terms;
  }
  if (terms > kMaxTerms) {
    return Status::invalid_argument("too many terms in query (" + std::to_string(terms) + "; at most " +
                                    std::to_string(kMaxTerms) + ")");
  }
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (owner[i] >= 0) {
      if (i > 0 && owner[i - 1] == owner[i]) continue;
      const Found& f = chosen[static_cast<std::size_t>(owner[i])];
      Clause clause;
      std::vector<std::string> typed;
      for (auto t = f.first; t < f.end; ++t) typed.push_back(tokens[t].folded);
      add_unique(clause, {typed, false});
      if (f.entry) {
        if (auto it = concept_terms_.find(concept_key(*f.entry)); it != concept_terms_.end()) {
          for (const Alternative& alt : it->second) add_unique(clause, alt);
        }
      } else {
        for (std::uint32_t a : actor_aliases_[f.alias->actor]) {
          const extract::Alias& alias = lexicon_->gazetteer().aliases()[a];
          add_unique(clause, {words_of(alias.surface, alias.lang), false});
        }
        const extract::Actor& actor = lexicon_->gazetteer().actors()[f.alias->actor];
        add_unique(clause, {words_of(actor.name, "en"), false});
      }
      out.all_of.push_back(std::move(clause));
      continue;
    }
    if (!tokens[i].is_word && tokens[i].folded.empty()) continue;
    const std::string& w = tokens[i].folded;
    out.all_of.push_back({{{w}, tokens[i].is_word && letters(w) >= 4 && !has_cjk(w)}});
  }
  if (out.all_of.empty()) return Status::invalid_argument("the query has no words to search for");
  return out;
}

// A facet value outside its vocabulary would silently match nothing; it is
// a usage error instead, naming the filter and the value (the CLI's flag and
// the API's parameter have the same name).
Status check_filter(const store::SearchFilter& f) {
  auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
  if (const auto& country = f.country; country && (country->size() != 2 || !upper((*country)[0]) || !upper((*country)[1]))) {
    return Status::invalid_argument("country: expected an ISO 3166-1 code (JP, NO, DE), got '" + *country + "'");
  }
  if (const auto& region = f.region) {
    bool ok = region->size() >= 4 && region->size() <= 6 && upper((*region)[0]) && upper((*region)[1]) &&
              (*region)[2] == '-';
    for (std::size_t i = 3; ok && i < region->size(); ++i) ok = upper((*region)[i]) || ((*region)[i] >= '0' && (*region)[i] <= '9');
    if (!ok) return Status::invalid_argument("region: expected an ISO 3166-2 code (DE-NW, JP-07), got '" + *region + "'");
  }
  if (f.sector && !kb::is_sector(*f.sector)) {
    return Status::invalid_argument("sector: unknown sector '" + *f.sector + "' (ids: hydrogen, offshore_wind, batteries, ...)");
  }
  if (f.instrument && !kb::is_instrument(*f.instrument)) {
    return Status::invalid_argument("instrument: unknown instrument '" + *f.instrument +
                                    "' (ids: memorandum_of_understanding, joint_declaration, letter_of_intent, ...)");
  }
  if (f.stage && !kb::is_stage(*f.stage)) {
    return Status::invalid_argument("stage: unknown stage '" + *f.stage + "' (ids: announced, signed, renewed, ...)");
  }
  if (const auto& lang = f.language; lang && (lang->size() != 2 || !lower((*lang)[0]) || !lower((*lang)[1]))) {
    return Status::invalid_argument("language: expected an ISO 639-1 code (en, de, ja), got '" + *lang + "'");
  }
  return Status::ok();
}

Result<Results> Searcher::run(store::Store& store, std::string_view query,
                              const store::SearchFilter& filter) const {
  auto q = expand(query);
  if (!q.is_ok()) return q.status();
  PACTUM_RETURN_IF_ERROR(check_filter(filter));
  auto found = store.search(*q, filter);
  if (!found.is_ok()) return found.status();
  Results out;
  out.total = found->total;
  out.total_capped = found->total_capped;
  out.facets = std::move(found->facets);
  auto any_clause = [&](const std::vector<std::string>& words) {
    for (const auto& clause : q->all_of) {
      for (const auto& alt : clause) {
        if (matches(words, alt)) return true;
      }
    }
    return false;
  };
  for (store::SearchHit& h : found->hits) {
    Hit hit;
    for (const store::EventRecord& e : h.events) {
      if (any_clause(words_of(e.event.evidence, h.language))) {
        hit.evidence.push_back(e.event.evidence);
        hit.evidence_events.push_back(e.id);
      }
    }
    if (hit.evidence.empty()) {
      auto doc = store.document(h.document_id);
      if (!doc.is_ok()) return doc.status();
      for (const text::Span& s : text::split_sentences(doc->text, doc->language)) {
        std::string_view sentence = s.of(doc->text);
        if (any_clause(words_of(sentence, doc->language))) {
          hit.evidence.emplace_back(sentence);
          break;
        }
      }
    }
    if (hit.evidence.empty() && !h.title.empty()) hit.evidence.push_back(h.title);
    hit.hit = std::move(h);
    out.hits.push_back(std::move(hit));
  }
  return out;
}

}  // namespace pactum::search
