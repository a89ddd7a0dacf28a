// The sample sources in data/samples/formats (see its README) read end to
// end from disk: what the demo ingests must come out clean.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ingest/reader.h"

namespace pactum::ingest {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

std::vector<Document> read_sample(const std::string& name) {
  Result<std::vector<Document>> docs = read_path(std::string(PACTUM_TEST_DATA_DIR) + "/samples/formats/" + name);
  EXPECT_TRUE(docs.is_ok()) << name << ": " << docs.status().to_string();
  return docs.is_ok() ? *docs : std::vector<Document>{};
}

TEST(Samples, GermanPressPage) {
  std::vector<Document> docs = read_sample("de_press_page.html");
  ASSERT_EQ(docs.size(), 1u);
  const Document& doc = docs[0];
  EXPECT_EQ(doc.title, "Drei weitere Jahre: NRW und Fukushima erneuern ihre Energiepartnerschaft");
  EXPECT_EQ(doc.published, "2026-01-15");
  EXPECT_EQ(doc.url, "https://presse.example.org/pressemitteilungen/nrw-fukushima-partnerschaft-2026");
  EXPECT_THAT(doc.text, StartsWith("Drei weitere Jahre: NRW und Fukushima erneuern ihre Energiepartnerschaft\n\n"));
  EXPECT_THAT(doc.text, HasSubstr("haben heute eine neue Absichtserklärung unterzeichnet"));
  EXPECT_THAT(doc.text, HasSubstr("zur Internationalisierung kleiner und mittlerer Unternehmen."));
  for (const char* chrome : {"Zum Inhalt", "Cookies", "akzeptieren", "Landesregierung", "Suchbegriff", "Suchen",
                             "Startseite", "Foto:", "Weitere Pressemitteilungen", "Batterieforschung",
                             "Pressestelle", "presse@example.org", "Teilen", "LinkedIn", "Impressum",
                             "Rechte vorbehalten", "dataLayer", "font-family", "Energie und Internationales"}) {
    EXPECT_THAT(doc.text, Not(HasSubstr(chrome))) << chrome;
  }
}

TEST(Samples, RssFeed) {
  std::vector<Document> docs = read_sample("news_feed.rss");
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[1].title, "Norge og Japan inngår strategisk partnerskap");
  EXPECT_EQ(docs[1].published, "2023-12-08");
  EXPECT_EQ(docs[1].url, "https://news.example.org/2023/12/08/norge-japan-partnerskap");
  EXPECT_THAT(docs[1].source, HasSubstr("news_feed.rss#2"));
  // Entity-escaped HTML with a double-escaped &amp;ndash;, and a "read more" link.
  EXPECT_THAT(docs[1].text, HasSubstr("\n\n\xE2\x80\x93 Norge skal være en foretrukket partner"));
  EXPECT_THAT(docs[1].text, Not(HasSubstr("Les mer")));
  EXPECT_THAT(docs[1].text, Not(HasSubstr("<p>")));
  EXPECT_THAT(docs[0].text, StartsWith("WASHINGTON \xE2\x80\x93 Norway and the United States"));
  EXPECT_THAT(docs[2].text, HasSubstr("value chain.\n\nScope: land-based minerals"));
}

TEST(Samples, AtomFeed) {
  std::vector<Document> docs = read_sample("updates.atom");
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].published, "2024-09-21");
  EXPECT_EQ(docs[0].url, "https://updates.example.org/2024/09/equinor-rwe-hydrogen");
  EXPECT_THAT(docs[0].text, Not(HasSubstr("Photo:")));
  EXPECT_THAT(docs[0].text, HasSubstr("January 2023.\n\nEquinor and RWE"));  // content, not summary
  EXPECT_EQ(docs[1].published, "2023-04-25");
  EXPECT_THAT(docs[1].text, StartsWith("Governor Masao Uchibori"));
}

TEST(Samples, Jsonl) {
  std::vector<Document> docs = read_sample("releases.jsonl");
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].published, "2023-03-28");
  EXPECT_EQ(docs[1].title, "Norwegen und die EU schließen Grüne Allianz");
  EXPECT_EQ(docs[2].published, "");  // "published": null
  for (const Document& doc : docs) EXPECT_EQ(doc.format, Format::kJsonl);
}

}  // namespace
}  // namespace pactum::ingest
