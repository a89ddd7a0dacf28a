// FollowTheMoney export: actors become PublicBody / Organization entities,
// each agreement one UnknownLink per pair of parties, one JSON object a line.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>

#include "analytics/export.h"
#include "analytics/network.h"

namespace pactum::analytics {
namespace {

store::ActorRecord actor(std::int64_t id, const std::string& name, const std::string& kind,
                         const std::string& country) {
  store::ActorRecord a;
  a.id = id;
  a.name = name;
  a.kind = kind;
  a.country = country;
  return a;
}

TEST(FtmExportTest, ActorsAndAgreementsAsEntities) {
  store::AgreementRecord agreement;
  agreement.id = 7;
  agreement.instrument = "memorandum_of_understanding";
  agreement.parties = {actor(1, "Norway", "country", "NO"), actor(2, "Japan", "country", "JP"),
                       actor(3, "Equinor", "company", "NO")};
  agreement.sectors = {"hydrogen"};
  store::AgreementAct signed_act;
  signed_act.stage = "signed";
  signed_act.date = "2021-05-03";
  store::AgreementAct renewed;
  renewed.stage = "renewed";
  renewed.date = "2024";
  agreement.timeline = {signed_act, renewed};
  agreement.sources = {11, 12};
  agreement.first_date = "2021-05-03";
  std::vector<store::AgreementRecord> agreements = {agreement};
  Network net = build_network(agreements, NetworkFilter{});

  std::map<std::int64_t, store::ActorRecord> actors;
  actors[1] = actor(1, "Norway", "country", "NO");
  actors[1].aliases = {"Norge", "Norway", "ノルウェー"};
  std::map<std::int64_t, std::string> urls = {{11, "https://example.org/a"}};
  std::ostringstream out;
  write_network_ftm(net, agreements, {&actors, &urls}, out);

  std::vector<nlohmann::json> lines;
  std::istringstream in(out.str());
  for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(lines.size(), 3u + 3u);  // three actors, three pairs of one agreement
  std::map<std::string, nlohmann::json> by_id;
  for (const auto& e : lines) by_id[e["id"].get<std::string>()] = e;
  EXPECT_EQ(by_id["pactum-actor-1"]["schema"], "PublicBody");
  EXPECT_EQ(by_id["pactum-actor-1"]["properties"]["country"][0], "no");
  EXPECT_EQ(by_id["pactum-actor-1"]["properties"]["alias"], (nlohmann::json{"Norge", "ノルウェー"}));
  EXPECT_EQ(by_id["pactum-actor-3"]["schema"], "Company");
  const auto& link = by_id["pactum-agreement-7-1-2"];
  EXPECT_EQ(link["schema"], "UnknownLink");
  EXPECT_EQ(link["properties"]["subject"][0], "pactum-actor-1");
  EXPECT_EQ(link["properties"]["object"][0], "pactum-actor-2");
  EXPECT_EQ(link["properties"]["startDate"][0], "2021-05-03");
  EXPECT_EQ(link["properties"]["date"], (nlohmann::json{"2021-05-03", "2024"}));
  EXPECT_EQ(link["properties"]["role"][0], "memorandum_of_understanding");
  EXPECT_EQ(link["properties"]["sourceUrl"], (nlohmann::json{"https://example.org/a", "pactum:document/12"}));
  // Every property value is a list of strings, as FtM entities have them.
  for (const auto& e : lines) {
    for (const auto& [name, values] : e["properties"].items()) {
      ASSERT_TRUE(values.is_array()) << name;
      for (const auto& v : values) EXPECT_TRUE(v.is_string()) << name;
    }
  }
}

TEST(FtmExportTest, KindFilterDropsLinksToActorsOutsideTheNetwork) {
  store::AgreementRecord agreement;
  agreement.id = 1;
  agreement.instrument = "joint_declaration";
  agreement.parties = {actor(1, "Norway", "country", "NO"), actor(2, "Japan", "country", "JP"),
                       actor(3, "Equinor", "company", "NO")};
  std::vector<store::AgreementRecord> agreements = {agreement};
  NetworkFilter f;
  f.kind = "country";
  std::ostringstream out;
  write_network_ftm(build_network(agreements, f), agreements, {}, out);
  std::string text = out.str();
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 3);  // two countries, one link
  EXPECT_EQ(text.find("pactum-actor-3"), std::string::npos);
}

}  // namespace
}  // namespace pactum::analytics
