// HTML: the article kept and the chrome dropped, metadata, charsets, and
// the pages that must be refused (cut off, not UTF-8, absurdly nested).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "common/hash.h"
#include "ingest/formats.h"
#include "ingest/reader.h"

namespace pactum::ingest {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// Chrome around the article, shared by the two page layouts below.
const std::string kChromeTop = R"(
<a class="skip-link" href="#main">Skip to main content</a>
<div id="cookie-banner" class="cookie-consent">We use cookies to improve your experience.
  <button>Accept all cookies</button> <a href="/cookies">Cookie settings</a></div>
<header class="site-header"><a href="/">Example Energy</a>
  <nav class="main-menu"><ul><li><a href="/about">About us</a></li><li><a href="/news">Newsroom</a></li>
  <li><a href="/careers">Careers</a></li></ul></nav></header>
<div aria-label="Breadcrumb"><a href="/">Home</a> &gt; <a href="/news">News</a></div>
)";
const std::string kChromeBottom = R"(
<footer><p>&copy; 2024 Example Energy. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
<script>var tracking = "tracking code";</script>
)";
const std::string kParagraphs = R"(
<p>Equinor and JERA have signed a memorandum of understanding to cooperate on floating
   offshore wind in Japan and Norway, the companies said on Friday.</p>
<p>The companies will study joint projects, share technology and develop supply chains,
   according to the agreement.</p>
<p>&ldquo;This partnership combines our strengths,&rdquo; said the chief executive of JERA.</p>
)";
const std::string kExpectedText =
    "Equinor and JERA have signed a memorandum of understanding to cooperate on floating offshore "
    "wind in Japan and Norway, the companies said on Friday.\n\n"
    "The companies will study joint projects, share technology and develop supply chains, "
    "according to the agreement.\n\n"
    "\xE2\x80\x9CThis partnership combines our strengths,\xE2\x80\x9D said the chief executive of JERA.";

const char* const kChromeStrings[] = {
    "Skip to main content", "cookies", "Accept all", "Cookie settings", "About us", "Careers",
    "Newsroom", "Home", "Share", "Print", "Media contact", "Jane Doe", "Latest press releases",
    "Bergen", "Quarterly", "All rights reserved", "Privacy", "tracking", "color:", "Related",
    "Example Energy"};

Document read_one(const std::string& html, const std::string& source = "page.html") {
  Result<std::vector<Document>> docs = read_bytes(html, source);
  EXPECT_TRUE(docs.is_ok()) << docs.status().to_string();
  if (!docs.is_ok() || docs->size() != 1) return {};
  return docs->front();
}

TEST(Html, KeepsTheArticleAndDropsChromeAroundIt) {
  std::string page = R"(<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Equinor and JERA sign offshore wind agreement | Example Energy</title>
<meta property="og:site_name" content="Example Energy">
<meta property="article:published_time" content="2024-05-03T08:00:00+02:00">
<link rel="canonical" href="https://example.com/news/equinor-jera">
<style>.x { color: red }</style></head><body>)" +
                     kChromeTop + R"(<main><article>
<h1>Equinor and JERA sign offshore wind agreement</h1>
<div class="share-buttons"><a href="#">Share</a> <a href="#">Print</a></div>)" +
                     kParagraphs + R"(
<div class="press-contact"><h3>Media contact</h3><p>Jane Doe, +47 555 00 000, jane.doe@example.com</p></div>
</article>
<section class="latest-news"><h2>Latest press releases</h2><ul>
<li><a href="/n/1">Example Energy opens new office in Bergen</a></li>
<li><a href="/n/2">Quarterly results published</a></li></ul></section>
</main>)" + kChromeBottom + "</body></html>";

  Document doc = read_one(page);
  EXPECT_EQ(doc.text, "Equinor and JERA sign offshore wind agreement\n\n" + kExpectedText);
  for (const char* chrome : kChromeStrings) EXPECT_THAT(doc.text, Not(HasSubstr(chrome))) << chrome;
  EXPECT_EQ(doc.title, "Equinor and JERA sign offshore wind agreement");
  EXPECT_EQ(doc.published, "2024-05-03");
  EXPECT_EQ(doc.url, "https://example.com/news/equinor-jera");
  EXPECT_EQ(doc.format, Format::kHtml);
  EXPECT_EQ(doc.source, "page.html");
  EXPECT_EQ(doc.content_hash, sha256_hex(doc.text));
}

// No <article> or <main>: the block with the most paragraph text wins, and
// chrome is recognised by headings as well as by class names.
TEST(Html, FindsTheArticleByParagraphTextWithoutSemanticMarkup) {
  std::string page = R"(<html><head><title>Equinor and JERA sign offshore wind agreement - Example Energy</title>
</head><body>)" + kChromeTop + R"(<div id="wrapper" class="has-sidebar">
<div class="col-8"><div class="text">)" + kParagraphs + R"(
<h3>Contact</h3><p>Jane Doe, +47 555 00 000</p><p>jane.doe@example.com</p></div></div>
<div class="col-4">
  <div class="box"><h2>Latest press releases</h2><ul>
    <li><a href="/n/1">Example Energy opens new office in Bergen</a></li>
    <li><a href="/n/2">Quarterly results published</a></li></ul></div>
  <div class="box"><h4>Related news</h4><p>Statoil and Example Energy cooperate on carbon capture.
    Read the story <a href="/n/3">here</a>.</p></div>
</div></div>)" + kChromeBottom + "</body></html>";

  Document doc = read_one(page);
  EXPECT_EQ(doc.text, kExpectedText);
  for (const char* chrome : kChromeStrings) EXPECT_THAT(doc.text, Not(HasSubstr(chrome))) << chrome;
  EXPECT_EQ(doc.title, "Equinor and JERA sign offshore wind agreement");  // site suffix stripped
  EXPECT_EQ(doc.published, "");
}

// A form wrapping the whole page (ASP.NET) or a class naming a sidebar on
// the content column must not lose the article.
TEST(Html, ChromeLookingContainerOfTheWholeArticleIsKept) {
  std::string page = "<html><body><form id=\"aspnetForm\"><div id=\"content\" class=\"content-with-sidebar\">" +
                     kParagraphs + "</div><nav><a href=\"/\">Home</a></nav></form></body></html>";
  Document doc = read_one(page);
  EXPECT_EQ(doc.text, kExpectedText);
}

TEST(Html, MetadataTable) {
  struct Row { std::string head; std::string body; const char* title; const char* published; const char* url; } rows[] = {
      {"<meta name=\"DC.date\" content=\"2024-05-03\">", "<p>Text</p>", "", "2024-05-03", ""},
      {"<meta name=\"pubdate\" content=\"20240503\">", "<p>Text</p>", "", "2024-05-03", ""},
      {"", "<article><h1>Headline</h1><time datetime=\"2024-05-03T10:00\">3 May</time><p>Text</p></article>",
       "Headline", "2024-05-03", ""},
      {"", "<article><p>Published <time>May 3, 2024</time></p></article>", "", "2024-05-03", ""},
      {"<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":"
       "\"WebPage\"},{\"@type\":\"NewsArticle\",\"datePublished\":\"2024-05-03T08:00:00Z\"}]}</script>",
       "<p>Text</p>", "", "2024-05-03", ""},
      {"<script type=\"application/ld+json\">{ broken json</script>", "<p>Text</p>", "", "", ""},
      {"<meta property=\"og:title\" content=\"From og:title\"><meta property=\"og:url\" content=\"https://e.x/a\">"
       "<title>From title | Site</title>",
       "<p>Text</p>", "From og:title", "", "https://e.x/a"},
      {"<title>Ministry signs agreement with Japan - Regjeringen.no</title>", "<p>Text</p>",
       "Ministry signs agreement with Japan", "", ""},
      {"<meta property=\"og:title\" content=\"From og:title\">", "<article><h1>Share</h1><p>Text</p></article>",
       "From og:title", "", ""},  // a boilerplate headline is no title
      {"<meta name=\"date\" content=\"not a date\">", "<p>Text</p>", "", "", ""},
  };
  for (const Row& r : rows) {
    Document doc = read_one("<html><head>" + r.head + "</head><body>" + r.body + "</body></html>");
    EXPECT_EQ(doc.title, r.title) << r.head << r.body;
    EXPECT_EQ(doc.published, r.published) << r.head << r.body;
    EXPECT_EQ(doc.url, r.url) << r.head << r.body;
  }
}

TEST(HtmlFragment, BlockStructureTable) {
  struct Row { const char* html; const char* text; } rows[] = {
      {"<p>One</p><p>Two</p>", "One\n\nTwo"},
      {"<p>a  b\n   c</p>", "a b c"},
      {"Line<br>break", "Line\nbreak"},
      {"<ul><li>x</li><li>y</li></ul>after", "x\ny\n\nafter"},
      {"<h2>Head</h2>text", "Head\n\ntext"},
      {"<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>", "a\tb\nc\td"},
      {"<blockquote>q</blockquote>after", "q\n\nafter"},
      {"<p>x<script>bad()</script><style>p{}</style>y</p>", "xy"},
      {"<div>one</div><div><div>two</div></div>", "one\n\ntwo"},
      {"<p>Hello <b>bold</b> <i>world</i></p>", "Hello bold world"},
      {"&amp; &lt;tag&gt; &nbsp;x", "& <tag> x"},
      {"<pre>a\n  b</pre>", "a\n  b"},
      {"<p>Share</p><p>Real text</p><p>Print</p>", "Real text"},
      {"<p>Share on Facebook | LinkedIn</p><p>Sharing economy grows</p>", "Sharing economy grows"},
      {"<p>\xE6\x97\xA5\xE6\x9C\xAC\xE3\x81\xA8</p><p>\xE3\x83\x8E\xE3\x83\xAB\xE3\x82\xA6\xE3\x82\xA7\xE3\x83\xBC</p>",
       "\xE6\x97\xA5\xE6\x9C\xAC\xE3\x81\xA8\n\n\xE3\x83\x8E\xE3\x83\xAB\xE3\x82\xA6\xE3\x82\xA7\xE3\x83\xBC"},
  };
  for (const Row& r : rows) {
    EXPECT_EQ(internal::tidy_text(internal::html_fragment_to_text(r.html)), r.text) << r.html;
  }
}

TEST(Html, ConvertsDeclaredLegacyCharsets) {
  struct Row { std::string page; const char* text; } rows[] = {
      {"<html><head><meta charset=\"windows-1252\"></head><body><p>Caf\xE9 \x93quoted\x94 in Troms\xF8</p>"
       "</body></html>",
       "Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D in Troms\xC3\xB8"},
      {"<html><head><meta charset=\"iso-8859-1\"></head><body><p>\xC6\xD8\xC5 \x96 ok</p></body></html>",
       "\xC3\x86\xC3\x98\xC3\x85 \xE2\x80\x93 ok"},  // read as windows-1252, as browsers do
      {"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\"></head>"
       "<body><p>\x93\xFA\x96\x7B</p></body></html>",
       "\xE6\x97\xA5\xE6\x9C\xAC"},
  };
  for (const Row& r : rows) EXPECT_EQ(read_one(r.page).text, r.text) << r.page;
}

TEST(Html, RefusesBadPages) {
  struct Row { std::string page; StatusCode code; const char* message; } rows[] = {
      {"<html><body><p>Caf\xE9</p></body></html>", StatusCode::kInvalidArgument,
       "not valid UTF-8 (byte offset 18)"},
      {"<html><head><meta charset=\"utf-8\"></head><body>\xFF</body></html>", StatusCode::kInvalidArgument,
       "not valid UTF-8"},
      {"<html><head><meta charset=\"x-no-such-charset\"></head><body>\xFF</body></html>",
       StatusCode::kUnsupported, "x-no-such-charset"},
      {"<!DOCTYPE html><html><head><title>x</title></head><body><p>Some text that is cut",
       StatusCode::kInvalidArgument, "truncated HTML: no </body>"},
      {"<!DOCTYPE html><html><head><title>x</title></head><body><p>Text</p><p class=\"le",
       StatusCode::kInvalidArgument, "truncated HTML: the file ends inside a tag"},
      {"<!DOCTYPE html><html><body><p>Text</p><!-- a comment that never ends",
       StatusCode::kInvalidArgument, "truncated HTML: the file ends inside a comment"},
      {"<html><body><nav><a href=\"/\">Home</a></nav><script>x()</script></body></html>",
       StatusCode::kInvalidArgument, "empty document"},
      {"<html><body>" + [] { std::string s; for (int i = 0; i < 1500; ++i) s += "<div>"; return s; }() +
           "deep</body></html>",
       StatusCode::kUnsupported, "nested"},
  };
  for (const Row& r : rows) {
    Result<std::vector<Document>> docs = read_bytes(r.page, "page.html");
    ASSERT_FALSE(docs.is_ok()) << r.page;
    EXPECT_EQ(docs.status().code(), r.code) << docs.status().to_string();
    EXPECT_THAT(docs.status().message(), HasSubstr(r.message));
  }
}

TEST(Html, OptionalEndTagsAreNotTruncation) {
  EXPECT_EQ(read_one("<html><body><p>Complete page</p></body>").text, "Complete page");
  EXPECT_EQ(read_one("<p>A fragment without html or body tags").text, "A fragment without html or body tags");
}

TEST(Html, LooksLikeHtml) {
  EXPECT_TRUE(internal::looks_like_html("<p>x</p>"));
  EXPECT_TRUE(internal::looks_like_html("text<br/>more"));
  EXPECT_TRUE(internal::looks_like_html("a <a href=\"x\">link</a>"));
  EXPECT_FALSE(internal::looks_like_html("if a < b and b > c"));
  EXPECT_FALSE(internal::looks_like_html("<Company> announced"));
  EXPECT_FALSE(internal::looks_like_html("R&D costs"));
}

}  // namespace
}  // namespace pactum::ingest
