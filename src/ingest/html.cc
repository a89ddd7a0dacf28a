// HTML sources: decoding (legacy charsets), the guards that refuse cut-off
// or pathologically nested pages, and parsing with gumbo; html_page.cc
// turns the tree into the article.
#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <memory>

#include "ingest/formats.h"
#include "ingest/html_page.h"

namespace pactum::ingest::internal {
namespace {

// gumbo's tree builder is quadratic in nesting depth (4000 nested <div>s take
// seconds, 200000 exhaust memory); real pages nest a few dozen levels.
constexpr int kMaxNesting = 1000;

// The depth a page's elements would nest to, from its tags: elements whose
// end tag is optional or absent (p, li, td, br, img...) are not counted, as
// a parser would close them. Script and style bodies and comments are skipped.
int estimated_nesting(std::string_view html) {
  std::string lower = lower_ascii(html);
  static constexpr std::string_view kUncounted[] = {
      "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot",
      "colgroup", "caption", "rb", "rt", "rtc", "rp", "html", "head", "body", "area", "base",
      "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
      "wbr", "keygen", "image", "frame", "basefont", "isindex"};
  int depth = 0, deepest = 0;
  std::size_t i = 0;
  while ((i = lower.find('<', i)) != std::string::npos) {
    if (lower.compare(i, 4, "<!--") == 0) {
      std::size_t end = lower.find("-->", i + 4);
      if (end == std::string::npos) break;
      i = end + 3;
      continue;
    }
    bool closing = i + 1 < lower.size() && lower[i + 1] == '/';
    std::size_t name_start = i + 1 + (closing ? 1 : 0);
    std::size_t name_end = name_start;
    while (name_end < lower.size() &&
           (std::isalnum(static_cast<unsigned char>(lower[name_end])) || lower[name_end] == '-')) {
      ++name_end;
    }
    if (name_end == name_start || !std::isalpha(static_cast<unsigned char>(lower[name_start]))) {
      ++i;
      continue;
    }
    std::string_view name(lower.data() + name_start, name_end - name_start);
    std::size_t close = lower.find('>', name_end);
    if (close == std::string::npos) break;
    bool self_closing = lower[close - 1] == '/';
    if (!closing && (name == "script" || name == "style" || name == "textarea" ||
                     name == "title" || name == "xmp")) {
      std::size_t end = lower.find("</" + std::string(name), close);
      if (end == std::string::npos) break;
      i = end + 2;
      continue;
    }
    i = close + 1;
    if (self_closing || std::find(std::begin(kUncounted), std::end(kUncounted), name) != std::end(kUncounted)) {
      continue;
    }
    depth = closing ? std::max(0, depth - 1) : depth + 1;
    deepest = std::max(deepest, depth);
  }
  return deepest;
}

struct GumboDeleter {
  void operator()(GumboOutput* out) const { gumbo_destroy_output(&kGumboDefaultOptions, out); }
};
using GumboPtr = std::unique_ptr<GumboOutput, GumboDeleter>;

GumboPtr parse(std::string_view html) {
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // we never read gumbo's parse errors: don't collect them
  return GumboPtr(gumbo_parse_with_options(&options, html.data(), html.size()));
}

// Markup with no tags left to parse: the text between them.
std::string strip_tags(std::string_view html) {
  std::string out;
  bool in_tag = false;
  for (char c : html) {
    if (c == '<') in_tag = true;
    else if (c == '>') in_tag = false;
    else if (!in_tag) out.push_back(c);
  }
  return out;
}

}  // namespace

bool looks_like_html(std::string_view s) {
  static constexpr std::string_view kTags[] = {
      "p", "br", "div", "span", "a", "b", "i", "u", "em", "strong", "ul", "ol", "li", "h1", "h2",
      "h3", "h4", "h5", "h6", "img", "table", "tr", "td", "th", "blockquote", "figure",
      "figcaption", "section", "article", "html", "body", "head", "header", "footer", "pre",
      "code", "hr", "sup", "sub", "small", "iframe", "script", "style", "font", "center", "dl",
      "dt", "dd", "!--", "!doctype"};
  std::size_t i = 0;
  while ((i = s.find('<', i)) != std::string_view::npos) {
    std::size_t start = i + 1;
    if (start < s.size() && s[start] == '/') ++start;
    std::size_t end = start;
    while (end < s.size() && end - start < 12 &&
           (std::isalnum(static_cast<unsigned char>(s[end])) || s[end] == '!' || s[end] == '-')) {
      ++end;
    }
    ++i;
    if (end == start || end >= s.size()) continue;
    char after = s[end];
    std::string name = lower_ascii(s.substr(start, end - start));
    bool known = std::find(std::begin(kTags), std::end(kTags), name) != std::end(kTags);
    if (known && (after == '>' || after == ' ' || after == '/' || after == '\n' || after == '\t' ||
                  name == "!--")) {
      return true;
    }
  }
  return false;
}

std::string html_truncation_reason(std::string_view bytes) {
  std::string lower = lower_ascii(bytes);
  std::size_t html = lower.find("<html");
  if (html == std::string::npos) return "";
  if (html + 5 < lower.size() && std::isalnum(static_cast<unsigned char>(lower[html + 5]))) return "";
  if (lower.find("</html", html) != std::string::npos) return "";
  std::size_t end = lower.find_last_not_of(" \t\r\n\f");
  std::string_view tail(lower.data(), end == std::string::npos ? 0 : end + 1);
  std::size_t last_open = tail.rfind('<');
  std::size_t last_close = tail.rfind('>');
  std::size_t comment = tail.rfind("<!--");
  if (comment != std::string::npos && tail.find("-->", comment) == std::string::npos) {
    return "the file ends inside a comment";
  }
  if (last_open != std::string::npos && (last_close == std::string::npos || last_open > last_close)) {
    std::size_t n = std::min<std::size_t>(40, bytes.size() - last_open);
    while (n > 0 && last_open + n < bytes.size() && (static_cast<unsigned char>(bytes[last_open + n]) & 0xC0) == 0x80) {
      --n;  // keep the quote whole UTF-8
    }
    return "the file ends inside a tag (" + collapse_spaces(bytes.substr(last_open, n)) + ")";
  }
  std::size_t script = tail.rfind("<script");
  if (script != std::string::npos && tail.find("</script", script) == std::string::npos) {
    return "the file ends inside a script";
  }
  if (tail.find("</body") == std::string::npos) return "no </body> or </html> after <html>";
  return "";
}

Result<HtmlPage> extract_html_page(std::string_view utf8) {
  if (int depth = estimated_nesting(utf8); depth > kMaxNesting) {
    return Status::unsupported("HTML nested " + std::to_string(depth) + " elements deep (over " +
                               std::to_string(kMaxNesting) + "): refused, it would take minutes to parse");
  }
  GumboPtr out = parse(utf8);
  if (!out) return Status::internal("gumbo returned no parse tree");
  return article_from_tree(out.get());
}

std::string html_fragment_to_text(std::string_view utf8) {
  if (estimated_nesting(utf8) > kMaxNesting) return strip_tags(utf8);
  GumboPtr out = parse(utf8);
  if (!out) return strip_tags(utf8);
  return text_from_fragment_tree(out.get());
}

Result<Document> read_html(std::string_view bytes, const std::string& source) {
  std::string converted;
  std::string_view utf8 = bytes;
  if (auto offset = invalid_utf8_offset(bytes)) {
    std::string charset = declared_html_charset(bytes);
    // A page that declares UTF-16 in ASCII markup is not UTF-16: browsers
    // read it as UTF-8, and so do we.
    if (charset.empty() || charset == "utf-8" || charset == "utf8" || charset.starts_with("utf-16") ||
        charset.starts_with("utf-32")) {
      return Status::invalid_argument("not valid UTF-8 (byte offset " + std::to_string(*offset) + ")" +
                                      (charset.empty() ? ", and the page declares no other charset" : ""));
    }
    Result<std::string> decoded = convert_to_utf8(bytes, charset);
    if (!decoded.is_ok()) return decoded.status();
    converted = std::move(decoded).value();
    utf8 = converted;
  }
  if (std::string reason = html_truncation_reason(utf8); !reason.empty()) {
    return Status::invalid_argument("truncated HTML: " + reason);
  }
  Result<HtmlPage> page = extract_html_page(utf8);
  if (!page.is_ok()) return page.status();
  Document doc;
  doc.title = std::move(page->title);
  doc.url = std::move(page->url);
  doc.published = std::move(page->published);
  doc.text = std::move(page->text);
  if (Status st = finish_document(doc, Format::kHtml, source); !st.is_ok()) {
    if (doc.text.empty()) return Status::invalid_argument("empty document: no text outside the page chrome");
    return st;
  }
  return doc;
}

}  // namespace pactum::ingest::internal
