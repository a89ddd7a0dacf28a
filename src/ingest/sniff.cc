// Format sniffing: which reader a source's bytes go to. Content decides when
// it is clear (magic numbers, the XML root, HTML markup); the extension only
// breaks ties, since saved web pages and feeds are often misnamed.
#include <algorithm>
#include <array>
#include <cctype>

#include <nlohmann/json.hpp>

#include "ingest/formats.h"

namespace pactum::ingest::internal {
namespace {

constexpr std::size_t kHeadBytes = 64 * 1024;  // enough for any prolog and <head>

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string_view skip_spaces(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && is_space(s[i])) ++i;
  return s.substr(i);
}

bool starts_with_icase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  }
  return true;
}

// The first markup of a document after its prolog: an XML declaration,
// comments and a DOCTYPE (whose internal subset may hold '>' in brackets).
struct Prolog {
  bool xml_declaration = false;
  bool html_doctype = false;
  std::string root;  // the first element's name as written ("rss", "rdf:RDF"), or ""
};

Prolog read_prolog(std::string_view s) {
  Prolog p;
  while (true) {
    s = skip_spaces(s);
    if (s.starts_with("<?")) {
      p.xml_declaration = p.xml_declaration || s.starts_with("<?xml");
      std::size_t end = s.find("?>");
      if (end == std::string_view::npos) return p;
      s.remove_prefix(end + 2);
    } else if (s.starts_with("<!--")) {
      std::size_t end = s.find("-->");
      if (end == std::string_view::npos) return p;
      s.remove_prefix(end + 3);
    } else if (starts_with_icase(s, "<!doctype")) {
      if (starts_with_icase(skip_spaces(s.substr(9)), "html")) p.html_doctype = true;
      std::size_t i = 9;
      int brackets = 0;
      while (i < s.size() && (s[i] != '>' || brackets > 0)) {
        if (s[i] == '[') ++brackets;
        if (s[i] == ']') --brackets;
        ++i;
      }
      if (i >= s.size()) return p;
      s.remove_prefix(i + 1);
    } else {
      break;
    }
  }
  if (s.size() < 2 || s[0] != '<') return p;
  std::size_t i = 1;
  while (i < s.size() && !is_space(s[i]) && s[i] != '>' && s[i] != '/') ++i;
  p.root = std::string(s.substr(1, i - 1));
  return p;
}

bool is_feed_root(std::string_view root) {
  return root == "rss" || root == "feed" || root == "RDF" || root.ends_with(":RDF") ||
         root.ends_with(":feed");
}

// Tags that open an HTML document or fragment when they come first.
bool is_html_tag(std::string_view lower_name) {
  static constexpr std::array<std::string_view, 36> kTags = {
      "html", "head", "body", "meta", "title", "link", "style", "script", "div", "p",
      "span", "a", "article", "section", "main", "header", "nav", "h1", "h2", "h3",
      "h4", "h5", "h6", "table", "ul", "ol", "br", "b", "i", "em", "strong", "img",
      "blockquote", "figure", "base", "noscript"};
  return std::find(kTags.begin(), kTags.end(), lower_name) != kTags.end();
}

bool has_html_markers(std::string_view head) {
  std::string lower = lower_ascii(head);
  return lower.find("<!doctype html") != std::string::npos ||
         lower.find("<html") != std::string::npos || lower.find("<body") != std::string::npos;
}

// The first non-blank line parses as a JSON object.
bool first_line_is_json_object(std::string_view s) {
  std::string_view rest = skip_spaces(s);
  if (rest.empty() || rest[0] != '{') return false;
  std::size_t eol = rest.find('\n');
  std::string_view line = rest.substr(0, eol);
  auto parsed = nlohmann::json::parse(line.begin(), line.end(), nullptr, /*allow_exceptions=*/false);
  return parsed.is_object();
}

// Containers and images people drop into an input folder by mistake: named,
// so the error says what the file is rather than just "binary".
const char* known_binary_kind(std::string_view s) {
  if (s.starts_with("PK\x03\x04")) return "a ZIP container (DOCX, ODT, XLSX?)";
  if (s.starts_with(std::string_view("\xD0\xCF\x11\xE0", 4))) return "an old MS Office file (DOC, XLS?)";
  if (s.starts_with("\x89PNG")) return "a PNG image";
  if (s.starts_with("\xFF\xD8\xFF")) return "a JPEG image";
  if (s.starts_with("GIF8")) return "a GIF image";
  if (s.starts_with(std::string_view("\x1F\x8B", 2))) return "gzip-compressed data";
  if (s.starts_with("{\\rtf")) return "an RTF document";
  return nullptr;
}

}  // namespace

Result<Format> sniff_format(std::string_view bytes, std::string_view extension) {
  std::string_view head = bytes.substr(0, kHeadBytes);
  if (head.substr(0, 1024).find("%PDF-") != std::string_view::npos) return Format::kPdf;
  if (const char* kind = known_binary_kind(head)) {
    return Status::unsupported(std::string("binary content: ") + kind + " is not a supported format");
  }
  if (extension == "pdf") {
    return Status::invalid_argument("not a PDF: no %PDF- header at the start");
  }
  if (extension == "jsonl" || extension == "ndjson") return Format::kJsonl;

  std::string_view body = head;
  if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3);  // UTF-8 BOM
  Prolog prolog = read_prolog(body);
  std::string root_lower = lower_ascii(prolog.root);
  if (is_feed_root(prolog.root)) return Format::kFeed;
  if (prolog.html_doctype || is_html_tag(root_lower)) return Format::kHtml;
  if (prolog.xml_declaration) {
    if (extension == "html" || extension == "htm" || extension == "xhtml") return Format::kHtml;
    // Cut off before its root: the feed reader reports libxml2's error.
    if (prolog.root.empty()) return Format::kFeed;
    return Status::unsupported("XML with root <" + prolog.root +
                               "> is not a feed (rss, feed, rdf:RDF)");
  }
  if (has_html_markers(head)) return Format::kHtml;
  if (first_line_is_json_object(body)) return Format::kJsonl;
  if (extension == "json" && skip_spaces(body).starts_with("{")) return Format::kJsonl;
  if ((extension == "html" || extension == "htm" || extension == "xhtml") && looks_like_html(head)) {
    return Format::kHtml;
  }
  if ((extension == "rss" || extension == "atom") && skip_spaces(body).starts_with("<")) {
    return Format::kFeed;
  }
  return Format::kText;
}

}  // namespace pactum::ingest::internal
