// Shared helpers of the extractor's table tests: one extractor and one
// lexicon for the whole test binary, a document run through the extractor,
// the first date of a phrase, and an event's party keys.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "common/hash.h"
#include "common/utf8.h"
#include "extract/dates.h"
#include "extract/extractor.h"
#include "extract/gazetteer.h"
#include "extract/lexicon.h"
#include "text/segment.h"

namespace pactum::extract::test_util {

// The extractor over the source tree's data/, loaded once.
inline const Extractor& extractor() {
  static std::unique_ptr<Extractor> ex = [] {
    auto r = Extractor::create(PACTUM_TEST_DATA_DIR);
    EXPECT_TRUE(r.is_ok()) << r.status().to_string();
    return r.is_ok() ? std::move(r).value() : nullptr;
  }();
  return *ex;
}

// Extracts text as a document published on published ("" for none).
inline Extraction run(const std::string& text, const std::string& published = "") {
  ingest::Document d;
  d.source = "test.txt";
  d.text = normalize_document(text);
  d.published = published;
  d.content_hash = sha256_hex(d.text);
  auto x = extractor().extract(d);
  EXPECT_TRUE(x.is_ok()) << x.status().to_string();
  return x.is_ok() ? *x : Extraction{};
}

// Sorted keys of an event's parties: subdivision, else country, else name.
inline std::vector<std::string> party_keys(const Event& e) {
  std::vector<std::string> keys;
  for (const auto& p : e.parties) {
    keys.push_back(p.subdivision.empty() ? (p.country.empty() ? p.name : p.country) : p.subdivision);
  }
  std::sort(keys.begin(), keys.end());
  return keys;
}

// Sorted names of an event's parties.
inline std::vector<std::string> party_names(const Event& e) {
  std::vector<std::string> names;
  for (const auto& p : e.parties) names.push_back(p.name);
  std::sort(names.begin(), names.end());
  return names;
}

// Whether one of an event's parties is named name.
inline bool has_party(const Event& e, std::string_view name) {
  return std::any_of(e.parties.begin(), e.parties.end(), [&](const Party& p) { return p.name == name; });
}

// The gazetteer and lexicon on their own, for tests of the date finder.
struct LexiconFixture {
  Gazetteer gazetteer;
  std::unique_ptr<Lexicon> lexicon;
};

inline const LexiconFixture& lexicon_fixture() {
  static LexiconFixture f = [] {
    LexiconFixture out;
    auto g = Gazetteer::load(PACTUM_TEST_DATA_DIR);
    EXPECT_TRUE(g.is_ok()) << g.status().to_string();
    if (g.is_ok()) out.gazetteer = std::move(g).value();
    auto l = Lexicon::load(PACTUM_TEST_DATA_DIR, out.gazetteer);
    EXPECT_TRUE(l.is_ok()) << l.status().to_string();
    if (l.is_ok()) out.lexicon = std::move(l).value();
    return out;
  }();
  return f;
}

// The first date of text that is not a goal: "YYYY[-MM[-DD]]", "?<what>" for
// one that needs a publication date, "" for none.
inline std::string first_date(const std::string& lang, const std::string& text, const std::string& published) {
  const auto& f = lexicon_fixture();
  if (!f.lexicon) return "<no lexicon>";
  auto tokens = text::tokenize(text, lang);
  auto mentions = f.lexicon->find(lang, text, tokens);
  PartialDate pub = PartialDate::parse(published).value_or(PartialDate{});
  for (const auto& d : find_dates(text, tokens, mentions, pub)) {
    if (!d.target) return d.date.empty() ? "?" + d.unresolved : d.date.to_string();
  }
  return "";
}

}  // namespace pactum::extract::test_util
