// Page chrome: what on a web page is navigation, banners, share bars, "latest
// news" lists and contact boxes rather than the article. Private to ingest.
#pragma once

#include <gumbo.h>

#include <string_view>

namespace pactum::ingest::internal {

enum class Chrome {
  kNone,
  kHard,  // never text (script, style, form controls, cookie banners,
          // breadcrumbs): always dropped
  kSoft,  // usually furniture (nav, footer, class="share-buttons"); dropped
          // unless it holds most of the page's text, as a <form> wrapping the
          // whole page in ASP.NET sites does
};

// What an element is, from its tag, role, id, class and aria-label.
// inside_article: an <article>, <main> or the chosen content root is an
// ancestor, where <header> and role=banner hold the headline, not the site's.
Chrome element_chrome(const GumboNode* element, bool inside_article);

// A heading that introduces chrome: "Related news", "Latest press releases",
// "Media contact", "Share this article", "Follow us" (and Nordic, German,
// Japanese forms). Matches when the heading starts with such a phrase.
bool is_chrome_heading(std::string_view text);

// The start of a press release's contact block: "Media contact:", "For more
// information, contact", "Kontakt:", "お問い合わせ".
bool is_contact_intro(std::string_view paragraph);

// A short paragraph of a contact block: an e-mail address, a phone number.
bool looks_like_contact_details(std::string_view paragraph);

// A link that only points elsewhere ("Read more about Japan", "Les mer",
// "Weiterlesen"): dropped even inside a paragraph.
bool is_read_more_link(std::string_view text);

// A short line that is bare boilerplate ("Share", "Print", "Cookie settings",
// "Back to top", "Share on Facebook LinkedIn", "Photo: NTB"): dropped from
// text and never a title.
bool is_boilerplate_line(std::string_view line);

}  // namespace pactum::ingest::internal
