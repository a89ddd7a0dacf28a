// Tests of the timeline (acts in date order, filtered to a pair) and the
// sector by country matrix (counts and the agreements behind each cell).
#include "analytics/views.h"

#include <gtest/gtest.h>

namespace pactum::analytics {
namespace {

store::ActorRecord actor(std::int64_t id, const std::string& name, const std::string& country) {
  store::ActorRecord a;
  a.id = id;
  a.name = name;
  a.country = country;
  return a;
}

struct ActSpec {
  std::string stage, date;
  std::vector<std::int64_t> documents;
};

store::AgreementRecord agreement(std::int64_t id, std::vector<store::ActorRecord> parties,
                                 std::vector<std::string> sectors, std::vector<ActSpec> acts) {
  store::AgreementRecord r;
  r.id = id;
  r.instrument = "memorandum_of_understanding";
  r.parties = std::move(parties);
  r.sectors = std::move(sectors);
  for (auto& a : acts) r.timeline.push_back({0, a.stage, a.date, {}, a.documents});
  return r;
}

const auto kNrw = actor(1, "North Rhine-Westphalia", "DE");
const auto kFukushima = actor(2, "Fukushima", "JP");
const auto kNorway = actor(3, "Norway", "NO");
const auto kEu = actor(4, "European Union", "");

std::vector<store::AgreementRecord> samples() {
  return {
      agreement(20, {kNrw, kNorway}, {"hydrogen"}, {{"signed", "2022-05", {7}}}),
      agreement(21, {kNrw, kFukushima}, {"hydrogen", "ammonia"},
                {{"signed", "2014", {1}}, {"extended", "2017", {2}}, {"renewed", "2026-02-10", {3, 4}}}),
      agreement(22, {kNrw, kFukushima}, {"hydrogen"}, {{"amended", "2023", {5}}, {"signed", "", {6}}}),
      agreement(23, {kNorway, kEu}, {"critical_minerals"}, {{"signed", "2024", {8}}}),
  };
}

TEST(TimelineTest, PairActsInDateOrderUndatedLast) {
  auto got = timeline(samples(), kNrw.id, kFukushima.id);
  std::vector<std::string> dates, stages;
  for (const auto& e : got) {
    dates.push_back(e.date);
    stages.push_back(e.stage);
  }
  EXPECT_EQ(dates, (std::vector<std::string>{"2014", "2017", "2023", "2026-02-10", ""}));
  EXPECT_EQ(stages, (std::vector<std::string>{"signed", "extended", "amended", "renewed", "signed"}));
  EXPECT_EQ(got[3].document_ids, (std::vector<std::int64_t>{3, 4}));
  EXPECT_EQ(got[0].partners, (std::vector<std::string>{"Fukushima"}));
}

TEST(TimelineTest, ActorAloneAndUnknownPartner) {
  struct Case {
    const char* name;
    std::int64_t actor;
    std::optional<std::int64_t> partner;
    std::size_t acts;
  };
  const Case cases[] = {
      {"NRW with everyone", kNrw.id, std::nullopt, 6},
      {"Norway with everyone", kNorway.id, std::nullopt, 2},
      {"Norway and the EU", kNorway.id, kEu.id, 1},
      {"Fukushima and Norway never signed", kFukushima.id, kNorway.id, 0},
      {"unknown actor", 99, std::nullopt, 0},
  };
  for (const auto& c : cases) EXPECT_EQ(timeline(samples(), c.actor, c.partner).size(), c.acts) << c.name;
}

TEST(MatrixTest, CountsAndAgreementsPerCell) {
  auto m = sector_country_matrix(samples());
  EXPECT_EQ(m.sectors, (std::vector<std::string>{"ammonia", "critical_minerals", "hydrogen"}));
  // A party without a country code adds no column.
  EXPECT_EQ(m.countries, (std::vector<std::string>{"DE", "JP", "NO"}));
  struct Case {
    const char* sector;
    const char* country;
    std::vector<std::int64_t> agreements;
  };
  const Case cases[] = {
      {"hydrogen", "DE", {20, 21, 22}},
      {"hydrogen", "JP", {21, 22}},
      {"hydrogen", "NO", {20}},
      {"ammonia", "JP", {21}},
      {"critical_minerals", "NO", {23}},
      {"critical_minerals", "DE", {}},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(m.count(c.sector, c.country), c.agreements.size()) << c.sector << " " << c.country;
    auto it = m.cells.find({c.sector, c.country});
    auto got = it == m.cells.end() ? std::vector<std::int64_t>{} : it->second;
    EXPECT_EQ(got, c.agreements) << c.sector << " " << c.country;
  }
}

}  // namespace
}  // namespace pactum::analytics
