// Feeds: RSS 2.0, RSS 1.0 and Atom items to Documents, and broken feeds.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ingest/reader.h"

namespace pactum::ingest {
namespace {

using ::testing::HasSubstr;

const std::string kRss2 = R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Newsroom</title><link>https://example.com</link>
<item><title>Equinor and JERA sign MoU</title><link>https://example.com/1</link>
  <pubDate>Fri, 03 May 2024 08:00:00 GMT</pubDate>
  <description>&lt;p&gt;Short summary.&lt;/p&gt;</description>
  <content:encoded><![CDATA[<p>Equinor and JERA signed an agreement.</p><p>Second paragraph.</p>
  <script>track()</script>]]></content:encoded></item>
<item><title>Link only</title><link>https://example.com/2</link></item>
<item><title>Hydrogen &amp; ammonia</title><guid>https://example.com/3</guid>
  <dc:date>2024-04-30T12:00:00Z</dc:date><description>Plain text description.</description></item>
</channel></rss>
)";

TEST(Feed, Rss2ItemsBecomeDocuments) {
  Result<std::vector<Document>> docs = read_bytes(kRss2, "news.xml");
  ASSERT_TRUE(docs.is_ok()) << docs.status().to_string();
  ASSERT_EQ(docs->size(), 2u);  // the item without text is skipped
  const Document& a = (*docs)[0];
  EXPECT_EQ(a.source, "news.xml#1");
  EXPECT_EQ(a.title, "Equinor and JERA sign MoU");
  EXPECT_EQ(a.url, "https://example.com/1");
  EXPECT_EQ(a.published, "2024-05-03");
  EXPECT_EQ(a.text, "Equinor and JERA signed an agreement.\n\nSecond paragraph.");  // content:encoded wins
  EXPECT_EQ(a.format, Format::kFeed);
  const Document& b = (*docs)[1];
  EXPECT_EQ(b.source, "news.xml#3");  // numbering counts the skipped item
  EXPECT_EQ(b.title, "Hydrogen & ammonia");
  EXPECT_EQ(b.url, "https://example.com/3");  // from the permalink guid
  EXPECT_EQ(b.published, "2024-04-30");
  EXPECT_EQ(b.text, "Plain text description.");
  EXPECT_NE(a.content_hash, b.content_hash);
}

TEST(Feed, Rss1RdfItems) {
  std::string rdf = R"(<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://example.no/"><title>Nyheter</title>
  <items><rdf:Seq><rdf:li rdf:resource="https://example.no/a"/></rdf:Seq></items></channel>
<item rdf:about="https://example.no/a"><title>Avtale signert</title><link>https://example.no/a</link>
  <dc:date>2024-03-01</dc:date><description>Statkraft og &#216;rsted har signert en avtale.</description></item>
</rdf:RDF>)";
  Result<std::vector<Document>> docs = read_bytes(rdf, "-");
  ASSERT_TRUE(docs.is_ok()) << docs.status().to_string();
  ASSERT_EQ(docs->size(), 1u);
  EXPECT_EQ((*docs)[0].source, "-#1");
  EXPECT_EQ((*docs)[0].title, "Avtale signert");
  EXPECT_EQ((*docs)[0].url, "https://example.no/a");
  EXPECT_EQ((*docs)[0].published, "2024-03-01");
  EXPECT_EQ((*docs)[0].text, "Statkraft og \xC3\x98rsted har signert en avtale.");
}

TEST(Feed, AtomEntries) {
  std::string atom = R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>News</title>
<entry><title type="html">Wind &amp;amp; solar</title>
  <link rel="enclosure" href="https://example.org/x.mp3"/><link rel="alternate" href="https://example.org/e1"/>
  <id>urn:1</id><updated>2024-02-02T00:00:00Z</updated><published>2024-02-01T09:00:00+09:00</published>
  <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>First.</p><p>Second.</p></div></content></entry>
<entry><title>Summary only</title><link href="https://example.org/e2"/><updated>2024-01-15T00:00:00Z</updated>
  <summary>Just a summary.</summary></entry>
</feed>)";
  Result<std::vector<Document>> docs = read_bytes(atom, "feed.atom");
  ASSERT_TRUE(docs.is_ok()) << docs.status().to_string();
  ASSERT_EQ(docs->size(), 2u);
  EXPECT_EQ((*docs)[0].title, "Wind & solar");
  EXPECT_EQ((*docs)[0].url, "https://example.org/e1");
  EXPECT_EQ((*docs)[0].published, "2024-02-01");  // published before updated
  EXPECT_EQ((*docs)[0].text, "First.\n\nSecond.");
  EXPECT_EQ((*docs)[1].url, "https://example.org/e2");
  EXPECT_EQ((*docs)[1].published, "2024-01-15");
  EXPECT_EQ((*docs)[1].text, "Just a summary.");
}

TEST(Feed, RefusesBrokenFeeds) {
  struct Row { std::string xml; StatusCode code; const char* message; } rows[] = {
      {kRss2.substr(0, kRss2.size() / 2), StatusCode::kInvalidArgument, "malformed XML feed: line "},
      {"<?xml version=\"1.0\"?>\n<rss><channel><item><title>a</title></itemm></channel></rss>",
       StatusCode::kInvalidArgument, "line 2:"},
      {"<rss><channel><title>No items</title></channel></rss>", StatusCode::kInvalidArgument, "no items"},
      {"<rss><channel><item><title>t</title><link>l</link></item></channel></rss>",
       StatusCode::kInvalidArgument, "empty document"},
      {"<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
       "<rss><channel><item><description>&b;</description></item></channel></rss>",
       StatusCode::kUnsupported, "entities"},
      {"<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
       "<rss><channel><item><description>&x;</description></item></channel></rss>",
       StatusCode::kUnsupported, "entities"},
  };
  for (const Row& r : rows) {
    Result<std::vector<Document>> docs = read_bytes(r.xml, "feed.xml");
    ASSERT_FALSE(docs.is_ok()) << r.xml;
    EXPECT_EQ(docs.status().code(), r.code) << docs.status().to_string();
    EXPECT_THAT(docs.status().message(), HasSubstr(r.message));
  }
}

TEST(Feed, OverTenThousandItemsIsRefusedWhole) {
  auto feed = [](int n) {
    std::string s = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>";
    for (int i = 0; i < n; ++i) s += "<item><title>x</title><description>Item " + std::to_string(i) + "</description></item>";
    return s + "</channel></rss>";
  };
  EXPECT_TRUE(read_bytes(feed(10000), "many.rss").is_ok());
  Result<std::vector<Document>> docs = read_bytes(feed(10001), "many.rss");
  ASSERT_FALSE(docs.is_ok());
  EXPECT_EQ(docs.status().code(), StatusCode::kResourceExhausted);
  EXPECT_THAT(docs.status().message(), HasSubstr("10001 items"));
}

}  // namespace
}  // namespace pactum::ingest
