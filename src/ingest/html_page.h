// Walking a parsed page (gumbo's tree) into an article's text and metadata.
// Private to ingest: html.cc parses and guards, html_page.cc walks.
#pragma once

#include <gumbo.h>

#include <string>

#include "ingest/formats.h"

namespace pactum::ingest::internal {

// The article of a whole page, without its chrome (html_chrome.h).
HtmlPage article_from_tree(const GumboOutput* tree);

// All text of a fragment with its block structure; only script, style and
// the like are dropped.
std::string text_from_fragment_tree(const GumboOutput* tree);

}  // namespace pactum::ingest::internal
