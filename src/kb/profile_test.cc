// Profile validation as a table: each bad record names the field at fault.
#include "kb/profile.h"

#include <gtest/gtest.h>

namespace pactum::kb {
namespace {

const char* kGood = R"({"id": "p-1", "organization": {"name": "H2 Cluster", "kind": "cluster", "country": "DE",
  "subdivision": "DE-NW", "city": "Essen", "size": "sme"}, "type": "technology_request",
  "title": "Wasserstoffspeicher gesucht", "summary": "Wir suchen Partner.", "language": "de",
  "sectors": ["hydrogen"], "technologies": ["storage"], "target_countries": ["JP"],
  "target_subdivisions": ["JP-07"], "cooperation": ["research"], "published": "2026-01-20",
  "deadline": "2026-12-31"})";

ProfileCodes test_codes() {
  ProfileCodes c;
  c.is_country = [](std::string_view s) { return s == "DE" || s == "JP" || s == "NO"; };
  c.is_subdivision = [](std::string_view s) { return s == "DE-NW" || s == "JP-07"; };
  return c;
}

TEST(Profile, GoodRecordRoundTrips) {
  auto parsed = parse_profile_line(kGood, test_codes());
  ASSERT_TRUE(parsed.errors.empty()) << parsed.errors[0].field << ": " << parsed.errors[0].message;
  const Profile& p = *parsed.profile;
  EXPECT_EQ(p.organization.subdivision, "DE-NW");
  EXPECT_EQ(p.target_subdivisions, std::vector<std::string>{"JP-07"});
  auto again = parse_profile(to_json(p), test_codes());
  ASSERT_TRUE(again.profile);
  EXPECT_EQ(to_json(*again.profile), to_json(p));
}

TEST(Profile, BadFieldsTable) {
  struct Row {
    const char* path;   // JSON pointer to change
    nlohmann::json value;
    const char* field;  // expected error field
    const char* words;  // expected in the message
  };
  const Row rows[] = {
      {"/sectors/0", "hydrogenium", "sectors[0]", "not a sector id"},
      {"/organization/country", "XX", "organization.country", "ISO 3166-1"},
      {"/organization/country", "de", "organization.country", "ISO 3166-1"},
      {"/organization/subdivision", "JP-07", "organization.subdivision", "not a subdivision of 'DE'"},
      {"/organization/subdivision", "DE-ZZ", "organization.subdivision", "ISO 3166-2"},
      {"/organization/kind", "startup", "organization.kind", "not one of"},
      {"/organization/size", "huge", "organization.size", "not one of"},
      {"/type", "offer", "type", "not one of"},
      {"/title", "", "title", "missing"},
      {"/title", 42, "title", "must be a string"},
      {"/language", "ko", "language", "not a supported language"},
      {"/language", "ko", "language", "es, it, pt, fi, pl)"},  // the list named is the one checked
      {"/deadline", "2026-02-30", "deadline", "not a date"},
      {"/deadline", "2025-01-01", "deadline", "before published"},
      {"/published", "20.01.2026", "published", "not a date"},
      {"/cooperation/0", "friendship", "cooperation[0]", "not one of"},
      {"/target_countries/0", "JPN", "target_countries[0]", "ISO 3166-1"},
      {"/target_subdivisions/0", "JP07", "target_subdivisions[0]", "ISO 3166-2"},
      {"/sectors", "hydrogen", "sectors", "array"},
      {"/deadlline", "2026-01-01", "deadlline", "not a profile field"},
      {"/id", "p 1", "id", "spaces"},
  };
  for (const Row& r : rows) {
    auto j = nlohmann::json::parse(kGood);
    j[nlohmann::json::json_pointer(r.path)] = r.value;
    auto parsed = parse_profile(j, test_codes());
    EXPECT_FALSE(parsed.profile) << r.path;
    bool found = false;
    for (const auto& e : parsed.errors) {
      if (e.field == r.field && e.message.find(r.words) != std::string::npos) found = true;
    }
    EXPECT_TRUE(found) << r.path << " -> " << (parsed.errors.empty() ? "no error" : parsed.errors[0].field + ": " +
                                                                                        parsed.errors[0].message);
  }
}

TEST(Profile, MissingFieldsAllReported) {
  auto parsed = parse_profile_line(R"({"id": "x", "organization": {"name": "A"}})", test_codes());
  std::set<std::string> fields;
  for (const auto& e : parsed.errors) fields.insert(e.field);
  for (const char* f : {"organization.kind", "organization.country", "type", "title", "language"}) {
    EXPECT_TRUE(fields.count(f)) << f;
  }
}

TEST(Profile, NotJson) {
  auto parsed = parse_profile_line("{\"id\": ", test_codes());
  ASSERT_EQ(parsed.errors.size(), 1u);
  EXPECT_NE(parsed.errors[0].message.find("not valid JSON"), std::string::npos);
}

TEST(Profile, CsvRoundTrip) {
  auto p = *parse_profile_line(kGood, test_codes()).profile;
  p.summary = "Speicher, \"grün\"\nund sicher";
  p.technologies = {"PEM electrolysis", "storage"};
  std::string csv = profiles_csv_header() + "\n" + to_csv_row(p) + "\n";
  auto recs = parse_profiles_csv(csv);
  ASSERT_TRUE(recs.is_ok()) << recs.status().to_string();
  ASSERT_EQ(recs->size(), 1u);
  EXPECT_EQ((*recs)[0].line, 2u);
  auto back = parse_profile((*recs)[0].json, test_codes());
  ASSERT_TRUE(back.profile) << back.errors[0].field << back.errors[0].message;
  EXPECT_EQ(to_json(*back.profile), to_json(p));
}

TEST(Profile, CsvErrors) {
  EXPECT_FALSE(parse_profiles_csv("id,colour\nx,red\n").is_ok());
  EXPECT_FALSE(parse_profiles_csv("id,title\n\"x,y\n").is_ok());
  auto recs = parse_profiles_csv("id,title\na,b,c\n");
  ASSERT_TRUE(recs.is_ok());
  ASSERT_EQ(recs->size(), 1u);
  EXPECT_FALSE((*recs)[0].errors.empty());
}

TEST(Profile, Dates) {
  EXPECT_TRUE(is_iso_date("2024-02-29"));
  EXPECT_FALSE(is_iso_date("2023-02-29"));
  EXPECT_FALSE(is_iso_date("2023-13-01"));
  EXPECT_FALSE(is_iso_date("2023-1-01"));
}

TEST(Profile, InterestWorkflow) {
  EXPECT_TRUE(interest_transition_allowed("", "interested"));
  EXPECT_TRUE(interest_transition_allowed("interested", "forwarded"));
  EXPECT_TRUE(interest_transition_allowed("interested", "declined"));
  EXPECT_TRUE(interest_transition_allowed("forwarded", "accepted"));
  EXPECT_FALSE(interest_transition_allowed("interested", "accepted"));
  EXPECT_FALSE(interest_transition_allowed("declined", "forwarded"));
  EXPECT_FALSE(interest_transition_allowed("accepted", "declined"));
}

}  // namespace
}  // namespace pactum::kb
