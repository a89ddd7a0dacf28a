// Matching on small hand-made sets: complementarity before words, expired
// profiles out, partners found across languages, the agreement network as a
// reason, filters, and reasons that add up to the score.
#include "match/matcher.h"

#include <gtest/gtest.h>

#include <numeric>

namespace pactum::match {
namespace {

const Analyzer& analyzer() {
  static auto a = Analyzer::create(PACTUM_TEST_DATA_DIR);
  EXPECT_TRUE(a.is_ok()) << a.status().to_string();
  return **a;
}

kb::Profile profile(std::string id, std::string type, std::string country, std::string sub, std::string lang,
                    std::string title, std::vector<std::string> sectors, std::vector<std::string> targets,
                    std::string deadline = "2026-12-31") {
  kb::Profile p;
  p.id = std::move(id);
  p.type = std::move(type);
  p.organization = {"Org " + p.id, "company", std::move(country), std::move(sub), "", ""};
  p.language = std::move(lang);
  p.title = std::move(title);
  p.sectors = std::move(sectors);
  p.target_countries = std::move(targets);
  p.deadline = std::move(deadline);
  return p;
}

std::vector<std::string> ids(const std::vector<MatchResult>& r) {
  std::vector<std::string> out;
  for (const auto& m : r) out.push_back(m.profile_id);
  return out;
}

std::unique_ptr<Matcher> build(const std::vector<kb::Profile>& ps,
                               const std::vector<store::AgreementRecord>& agreements = {}) {
  MatcherBuilder b(analyzer());
  b.add_agreements(agreements);
  for (const auto& p : ps) EXPECT_TRUE(b.add(p).is_ok());
  return std::move(b).build();
}

const std::vector<kb::Profile>& hydrogen_set() {
  static const std::vector<kb::Profile> set = {
      profile("req", "technology_request", "DE", "DE-NW", "de", "Wir suchen Wasserstoffspeicher aus Japan",
              {"hydrogen"}, {"JP"}),
      profile("ja-offer", "technology_offer", "JP", "JP-07", "ja", "福島県の水素貯蔵技術を提供します", {"hydrogen"},
              {"DE"}),
      // Same words, same direction: a competitor, not a partner.
      profile("de-request-2", "technology_request", "DE", "DE-BY", "de", "Wir suchen Wasserstoffspeicher aus Japan",
              {"hydrogen"}, {"JP"}),
      // Same words, the right direction, but expired.
      profile("de-expired", "technology_offer", "JP", "JP-13", "de", "Wasserstoffspeicher aus Japan", {"hydrogen"},
              {"DE"}, "2025-01-31"),
      // The right direction and sector, wrong geography both ways.
      profile("br-offer", "technology_offer", "BR", "", "en", "Hydrogen storage tanks", {"hydrogen"}, {"AR"}),
      profile("wind", "technology_offer", "JP", "", "ja", "洋上風力の技術", {"offshore_wind"}, {"DE"}),
  };
  return set;
}

TEST(Matcher, ComplementaryPartnerAcrossLanguagesFirst) {
  auto m = build(hydrogen_set());
  MatchQuery q;
  q.profile_id = "req";
  q.today = "2026-03-01";
  auto r = m->match(q);
  ASSERT_TRUE(r.is_ok()) << r.status().to_string();
  auto got = ids(*r);
  ASSERT_FALSE(got.empty());
  EXPECT_EQ(got[0], "ja-offer");
  EXPECT_EQ(std::find(got.begin(), got.end(), "de-expired"), got.end());
  EXPECT_EQ(std::find(got.begin(), got.end(), "req"), got.end());
  auto pos = [&](const std::string& id) { return std::find(got.begin(), got.end(), id) - got.begin(); };
  EXPECT_LT(pos("ja-offer"), pos("de-request-2"));
  EXPECT_LT(pos("ja-offer"), pos("br-offer"));
  for (const auto& res : *r) {
    double sum = 0;
    for (const auto& why : res.reasons) sum += why.weight;
    EXPECT_NEAR(sum, res.score, 0.001) << res.profile_id;
  }
}

TEST(Matcher, ExpiredMatchesBeforeItsDeadline) {
  auto m = build(hydrogen_set());
  MatchQuery q;
  q.profile_id = "req";
  q.today = "2024-12-01";
  auto got = ids(*m->match(q));
  EXPECT_NE(std::find(got.begin(), got.end(), "de-expired"), got.end());
}

TEST(Matcher, AgreementBetweenRegionsIsAReason) {
  store::AgreementRecord a;
  a.id = 1;
  a.sectors = {"hydrogen"};
  a.first_date = "2014-02";
  store::ActorRecord nrw, fks;
  nrw.name = "North Rhine-Westphalia";
  nrw.kind = "region";
  nrw.country = "DE";
  nrw.subdivision = "DE-NW";
  fks.name = "Fukushima";
  fks.kind = "region";
  fks.country = "JP";
  fks.subdivision = "JP-07";
  a.parties = {nrw, fks};
  auto m = build(hydrogen_set(), {a});
  MatchQuery q;
  q.profile_id = "req";
  q.today = "2026-03-01";
  auto r = m->match(q);
  ASSERT_TRUE(r.is_ok());
  bool found = false;
  for (const auto& why : (*r)[0].reasons) {
    if (why.code == "agreements") {
      found = true;
      EXPECT_NE(why.text.find("North Rhine-Westphalia and Fukushima"), std::string::npos) << why.text;
      EXPECT_NE(why.text.find("hydrogen"), std::string::npos) << why.text;
    }
  }
  EXPECT_TRUE(found);
}

TEST(Matcher, FiltersAndFreeText) {
  auto m = build(hydrogen_set());
  MatchQuery q;
  q.profile_id = "req";
  q.today = "2026-03-01";
  q.countries = {"BR"};
  EXPECT_EQ(ids(*m->match(q)), std::vector<std::string>{"br-offer"});
  MatchQuery t;
  kb::Profile p;
  p.title = "We are looking for hydrogen storage partners in Japan";
  p.language = "en";
  p.type = "technology_request";
  t.profile = p;
  t.today = "2026-03-01";
  auto r = m->match(t);
  ASSERT_TRUE(r.is_ok());
  ASSERT_FALSE(r->empty());
  EXPECT_EQ((*r)[0].profile_id, "ja-offer");
}

TEST(Matcher, BadQueries) {
  auto m = build(hydrogen_set());
  MatchQuery q;
  q.profile_id = "nope";
  EXPECT_EQ(m->match(q).status().code(), StatusCode::kNotFound);
  q.profile_id = "req";
  q.top = 0;
  EXPECT_EQ(m->match(q).status().code(), StatusCode::kInvalidArgument);
  q.top = 10;
  q.today = "2026-02-30";
  EXPECT_EQ(m->match(q).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(m->match(MatchQuery{}).status().code(), StatusCode::kInvalidArgument);
}

TEST(Analyzer, ConceptsAcrossLanguages) {
  auto has = [](const std::vector<std::string>& v, const std::string& t) {
    return std::find(v.begin(), v.end(), t) != v.end();
  };
  auto de = analyzer().terms("Grüner Wasserstoff für Nordrhein-Westfalen und Japan", "de");
  auto ja = analyzer().terms("福島県と日本の水素", "ja");
  EXPECT_TRUE(has(de, "s:hydrogen"));
  EXPECT_TRUE(has(ja, "s:hydrogen"));
  EXPECT_TRUE(has(de, "a:DE-NW"));
  EXPECT_TRUE(has(de, "a:JP"));
  EXPECT_TRUE(has(ja, "a:JP-07"));
  EXPECT_FALSE(has(de, "w:und"));  // a stop word
  EXPECT_FALSE(has(analyzer().terms("Grüner Wasserstoff", "de", false), "s:hydrogen"));
}

}  // namespace
}  // namespace pactum::match
