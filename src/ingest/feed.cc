// News feeds (libxml2): RSS 2.0, RSS 1.0 (RDF) and Atom. Each item or entry
// is one Document; its HTML content goes through the HTML-to-text code.
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <cstdint>
#include <cstring>
#include <memory>
#include <mutex>

#include "ingest/formats.h"

namespace pactum::ingest::internal {
namespace {

constexpr const char* kContentNs = "http://purl.org/rss/1.0/modules/content/";
constexpr const char* kDcNs = "http://purl.org/dc/elements/1.1/";

struct DocDeleter {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
struct CtxtDeleter {
  void operator()(xmlParserCtxt* c) const { xmlFreeParserCtxt(c); }
};

// libxml2's first error (the later ones follow from it), captured instead of
// printed to stderr.
struct ErrorCapture {
  std::string message;
  int line = 0;
};

void capture_error(void* user, xmlErrorPtr error) {
  auto* capture = static_cast<ErrorCapture*>(user);
  if (!capture->message.empty() || error == nullptr || error->level < XML_ERR_ERROR) return;
  capture->message = error->message ? error->message : "unknown error";
  while (!capture->message.empty() && (capture->message.back() == '\n' || capture->message.back() == ' ')) {
    capture->message.pop_back();
  }
  capture->line = error->line;
}

bool is_named(const xmlNode* n, const char* local_name, const char* ns = nullptr) {
  if (n->type != XML_ELEMENT_NODE) return false;
  if (std::strcmp(reinterpret_cast<const char*>(n->name), local_name) != 0) return false;
  if (ns == nullptr) return true;
  return n->ns != nullptr && n->ns->href != nullptr &&
         std::strcmp(reinterpret_cast<const char*>(n->ns->href), ns) == 0;
}

const xmlNode* child(const xmlNode* n, const char* local_name, const char* ns = nullptr) {
  for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
    if (is_named(c, local_name, ns)) return c;
  }
  return nullptr;
}

std::string attribute(const xmlNode* n, const char* name) {
  xmlChar* value = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (value == nullptr) return "";
  std::string s(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return s;
}

// All text inside an element (CDATA included, markup of mixed content dropped).
std::string content_of(const xmlNode* n) {
  if (n == nullptr) return "";
  xmlChar* value = xmlNodeGetContent(n);
  if (value == nullptr) return "";
  std::string s(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return s;
}

// Atom's type="xhtml" content is markup inside the feed: serialise it back.
std::string inner_markup(const xmlNode* n) {
  std::string out;
  std::unique_ptr<xmlBuffer, void (*)(xmlBuffer*)> buffer(xmlBufferCreate(), xmlBufferFree);
  if (!buffer) return content_of(n);
  for (xmlNode* c = n->children; c != nullptr; c = c->next) {
    xmlBufferEmpty(buffer.get());
    if (xmlNodeDump(buffer.get(), n->doc, c, 0, 0) < 0) continue;
    out.append(reinterpret_cast<const char*>(xmlBufferContent(buffer.get())),
               static_cast<std::size_t>(xmlBufferLength(buffer.get())));
  }
  return out;
}

// An element's text, converted when it is HTML (escaped or in CDATA, as in
// RSS descriptions, or Atom's type="html").
std::string text_of(const xmlNode* n) {
  if (n == nullptr) return "";
  std::string type = attribute(n, "type");
  std::string raw = type == "xhtml" ? inner_markup(n) : content_of(n);
  if (type == "xhtml" || type == "html" || type == "text/html" || looks_like_html(raw)) {
    return html_fragment_to_text(raw);
  }
  return raw;
}

std::string_view trim(std::string_view s) {
  std::size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  std::size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

Document rss_item(const xmlNode* item) {
  Document doc;
  doc.title = text_of(child(item, "title"));
  doc.url = std::string(trim(content_of(child(item, "link"))));
  if (doc.url.empty()) {
    // A guid is the item's permalink unless it says otherwise.
    if (const xmlNode* guid = child(item, "guid"); guid && attribute(guid, "isPermaLink") != "false") {
      std::string id(trim(content_of(guid)));
      if (id.starts_with("http://") || id.starts_with("https://")) doc.url = id;
    }
  }
  for (const xmlNode* date : {child(item, "pubDate"), child(item, "date", kDcNs)}) {
    if (date && doc.published.empty()) doc.published = normalize_date(content_of(date));
  }
  doc.text = text_of(child(item, "encoded", kContentNs));
  if (trim(doc.text).empty()) doc.text = text_of(child(item, "description"));
  return doc;
}

Document atom_entry(const xmlNode* entry) {
  Document doc;
  doc.title = text_of(child(entry, "title"));
  for (const xmlNode* c = entry->children; c != nullptr; c = c->next) {
    if (!is_named(c, "link")) continue;
    std::string rel = attribute(c, "rel");
    if (rel.empty() || rel == "alternate") {
      doc.url = std::string(trim(attribute(c, "href")));
      break;
    }
  }
  for (const char* name : {"published", "updated", "date"}) {
    if (const xmlNode* date = child(entry, name); date && doc.published.empty()) {
      doc.published = normalize_date(content_of(date));
    }
  }
  doc.text = text_of(child(entry, "content"));
  if (trim(doc.text).empty()) doc.text = text_of(child(entry, "summary"));
  return doc;
}

}  // namespace

// The most items a feed may hold (see read_feed).
constexpr std::size_t kMaxFeedItems = 10000;

Result<std::vector<Document>> read_feed(std::string_view bytes, const std::string& source) {
  static std::once_flag init;
  std::call_once(init, [] { xmlInitParser(); });
  if (bytes.size() > static_cast<std::size_t>(INT32_MAX)) {
    return Status::resource_exhausted("feed too large for libxml2");
  }
  std::unique_ptr<xmlParserCtxt, CtxtDeleter> ctxt(xmlNewParserCtxt());
  if (!ctxt) return Status::internal("libxml2 could not allocate a parser");
  ErrorCapture errors;
  // The structured handler is per thread in libxml2: set it for this parse
  // only and restore whatever was there.
  xmlStructuredErrorFunc previous_handler = xmlStructuredError;
  void* previous_context = xmlStructuredErrorContext;
  xmlSetStructuredErrorFunc(&errors, capture_error);
  // No network, no DTD loading, no entity substitution: a feed cannot make us
  // fetch URLs or read local files (XXE). NOCDATA merges CDATA into text.
  std::unique_ptr<xmlDoc, DocDeleter> doc(xmlCtxtReadMemory(
      ctxt.get(), bytes.data(), static_cast<int>(bytes.size()), "feed.xml", nullptr,
      XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  xmlSetStructuredErrorFunc(previous_context, previous_handler);
  if (!doc || !ctxt->wellFormed) {
    if (errors.message.empty()) return Status::invalid_argument("malformed XML feed");
    return Status::invalid_argument("malformed XML feed: line " + std::to_string(errors.line) + ": " +
                                    errors.message);
  }
  // Internal entity declarations are how "billion laughs" documents expand
  // when their text is read; no real feed declares any.
  if (doc->intSubset != nullptr && doc->intSubset->entities != nullptr) {
    return Status::unsupported("XML feed declares its own entities: refused");
  }
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  if (root == nullptr) return Status::invalid_argument("malformed XML feed: no root element");

  std::vector<const xmlNode*> items;
  bool atom = false;
  if (is_named(root, "rss")) {
    if (const xmlNode* channel = child(root, "channel")) {
      for (const xmlNode* c = channel->children; c != nullptr; c = c->next) {
        if (is_named(c, "item")) items.push_back(c);
      }
    }
  } else if (is_named(root, "RDF")) {
    // RSS 1.0 puts items beside the channel, not in it.
    for (const xmlNode* c = root->children; c != nullptr; c = c->next) {
      if (is_named(c, "item")) items.push_back(c);
    }
  } else if (is_named(root, "feed")) {
    atom = true;
    for (const xmlNode* c = root->children; c != nullptr; c = c->next) {
      if (is_named(c, "entry")) items.push_back(c);
    }
  } else {
    return Status::unsupported(std::string("XML with root <") + reinterpret_cast<const char*>(root->name) +
                               "> is not a feed (rss, feed, rdf:RDF)");
  }
  if (items.empty()) return Status::invalid_argument("feed has no items");
  // A feed is a channel's latest items (tens, an archive a few thousand);
  // 100,000 items is a dump, whose extraction would run for many minutes
  // under one source's name (tests/hostile). Refused whole, saying so.
  if (items.size() > kMaxFeedItems) {
    return Status::resource_exhausted("feed has " + std::to_string(items.size()) + " items (over " +
                                      std::to_string(kMaxFeedItems) + "): refused; split it");
  }

  std::vector<Document> docs;
  for (std::size_t i = 0; i < items.size(); ++i) {
    Document d = atom ? atom_entry(items[i]) : rss_item(items[i]);
    // An item with no text (a bare link) has nothing to extract from: skip it,
    // keeping the numbering of the others stable.
    if (!finish_document(d, Format::kFeed, source + "#" + std::to_string(i + 1)).is_ok()) continue;
    docs.push_back(std::move(d));
  }
  if (docs.empty()) {
    return Status::invalid_argument("empty document: none of the feed's " + std::to_string(items.size()) +
                                    " items has any text");
  }
  return docs;
}

}  // namespace pactum::ingest::internal
