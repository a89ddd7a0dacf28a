// The article of a parsed web page (gumbo tree): the <article> or <main>
// when the markup names it, else the block with the most paragraph text and
// few links (as Readability does), with the chrome inside it dropped; and
// its title, canonical URL and publication date from the page's metadata.
#include "ingest/html_page.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "ingest/formats.h"
#include "ingest/html_chrome.h"

namespace pactum::ingest::internal {
namespace {

// Our recursion stops here; html.cc's nesting guard keeps real input far
// below it.
constexpr int kMaxWalkDepth = 1500;

bool is_element(const GumboNode* n) {
  return n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE;
}

GumboTag tag_of(const GumboNode* n) { return is_element(n) ? n->v.element.tag : GUMBO_TAG_UNKNOWN; }

std::string_view attr(const GumboNode* n, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a ? std::string_view(a->value) : std::string_view();
}

const GumboVector& children_of(const GumboNode* n) {
  return n->type == GUMBO_NODE_DOCUMENT ? n->v.document.children : n->v.element.children;
}

template <typename F>
void for_each_child(const GumboNode* n, F&& f) {
  const GumboVector& kids = children_of(n);
  for (unsigned int i = 0; i < kids.length; ++i) f(static_cast<const GumboNode*>(kids.data[i]));
}

int heading_level(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_H1: return 1;
    case GUMBO_TAG_H2: return 2;
    case GUMBO_TAG_H3: return 3;
    case GUMBO_TAG_H4: return 4;
    case GUMBO_TAG_H5: return 5;
    case GUMBO_TAG_H6: return 6;
    default: return 0;
  }
}

// 2: a paragraph of its own (blank lines around), 1: its own line, 0: inline.
int block_level(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_UL:
    case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_TABLE: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_DIV: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_FORM:
    case GUMBO_TAG_FIELDSET: case GUMBO_TAG_DETAILS: case GUMBO_TAG_CENTER: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_NAV: case GUMBO_TAG_HGROUP: case GUMBO_TAG_BODY:
      return 2;
    case GUMBO_TAG_LI: case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_TR:
    case GUMBO_TAG_CAPTION: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_LEGEND:
      return 1;
    default:
      return 0;
  }
}

bool is_space_byte(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Accumulates text with HTML's whitespace rules: runs of spaces collapse,
// blocks start new lines, paragraphs are separated by one blank line.
class TextBuilder {
 public:
  void text(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
      char c = s[i];
      if (is_space_byte(c)) {
        space_ = true;
        continue;
      }
      if (static_cast<unsigned char>(c) == 0xC2 && i + 1 < s.size() &&
          static_cast<unsigned char>(s[i + 1]) == 0xA0) {  // &nbsp;
        space_ = true;
        ++i;
        continue;
      }
      open_line();
      if (space_ && line_open_) out_.push_back(' ');
      space_ = false;
      line_open_ = true;
      out_.push_back(c);
    }
  }

  // <pre>: line breaks are kept, spaces too.
  void preformatted(std::string_view s) {
    for (char c : s) {
      if (c == '\n') {
        line_break(1);
        continue;
      }
      open_line();
      line_open_ = true;
      out_.push_back(c);
    }
  }

  void line_break(int level) {
    if (level > pending_) pending_ = level;
    space_ = false;
  }

  // <br>: a second one in a row (<br><br>) separates paragraphs.
  void br() { line_break(pending_ >= 1 ? 2 : 1); }

  // A table cell after the first in its row: a tab, so columns stay apart.
  void cell() {
    if (line_open_ && pending_ == 0) cell_ = true;
  }

  std::string take() { return std::move(out_); }

 private:
  void open_line() {
    if (pending_ > 0) {
      if (!out_.empty()) out_.append(pending_ >= 2 ? "\n\n" : "\n");
      pending_ = 0;
      line_open_ = false;
      space_ = false;
      cell_ = false;
    }
    if (cell_) {
      out_.push_back('\t');
      cell_ = false;
      space_ = false;
    }
  }

  std::string out_;
  int pending_ = 0;  // the strongest break asked for since the last text
  bool space_ = false;
  bool line_open_ = false;
  bool cell_ = false;
};

// Drops boilerplate lines ("Share", "Back to top") and contact blocks: a
// paragraph opening with "Media contact:" and the short paragraphs of names,
// phone numbers and addresses after it.
std::string drop_boilerplate(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  bool in_contact_block = false;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find("\n\n", start);
    if (end == std::string::npos) end = text.size();
    std::string_view paragraph(text.data() + start, end - start);
    start = end + 2;
    if (paragraph.size() <= 400 && is_contact_intro(paragraph)) {
      in_contact_block = true;
      continue;
    }
    if (in_contact_block && paragraph.size() <= 200 && looks_like_contact_details(paragraph)) continue;
    in_contact_block = false;
    std::size_t line_start = 0;
    while (line_start <= paragraph.size()) {
      std::size_t line_end = paragraph.find('\n', line_start);
      if (line_end == std::string_view::npos) line_end = paragraph.size();
      std::string_view line = paragraph.substr(line_start, line_end - line_start);
      line_start = line_end + 1;
      if (is_boilerplate_line(line)) continue;
      out.append(line);
      out.push_back('\n');
    }
    out.push_back('\n');
  }
  return out;
}

// Counts non-space bytes: the measure of "how much text" used for scoring.
std::size_t text_weight(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += is_space_byte(c) ? 0 : 1;
  return n;
}

const GumboNode* find_body(const GumboOutput* out) {
  const GumboNode* body = nullptr;
  for_each_child(out->root, [&](const GumboNode* c) {
    if (!body && tag_of(c) == GUMBO_TAG_BODY) body = c;
  });
  return body ? body : out->root;
}

// The first "datePublished" in a JSON-LD block (which may nest it in @graph).
std::string json_ld_date(const nlohmann::json& j, int depth) {
  if (depth > 16) return "";
  if (j.is_object()) {
    auto it = j.find("datePublished");
    if (it != j.end() && it->is_string()) return it->get<std::string>();
    for (const auto& [key, value] : j.items()) {
      if (std::string d = json_ld_date(value, depth + 1); !d.empty()) return d;
    }
  } else if (j.is_array()) {
    for (const auto& value : j) {
      if (std::string d = json_ld_date(value, depth + 1); !d.empty()) return d;
    }
  }
  return "";
}

// "Equinor and JERA sign MoU | Equinor" -> "Equinor and JERA sign MoU": the
// site's name is dropped when the page says it (og:site_name), or when the
// last part after a separator is short.
std::string strip_site_name(const std::string& title, const std::string& site_name) {
  static constexpr std::string_view kSeparators[] = {" | ", " - ", " – ", " — ", " :: ", " · ", " » "};
  std::string site = lower_ascii(site_name);
  std::size_t best = std::string::npos, best_len = 0;
  for (std::string_view sep : kSeparators) {
    std::size_t pos = title.rfind(sep);
    if (pos != std::string::npos && (best == std::string::npos || pos > best)) {
      best = pos;
      best_len = sep.size();
    }
  }
  if (best == std::string::npos) return title;
  std::string head = title.substr(0, best);
  std::string tail = title.substr(best + best_len);
  if (!site.empty() && lower_ascii(tail) == site) return head;
  if (!site.empty() && lower_ascii(head) == site) return tail;
  std::size_t tail_words = static_cast<std::size_t>(std::count(tail.begin(), tail.end(), ' ')) + 1;
  if (tail_words <= 4 && tail.size() < head.size()) return head;
  return title;
}

class PageExtractor {
 public:
  explicit PageExtractor(const GumboOutput* out) : out_(out), body_(find_body(out)) {}

  HtmlPage run() {
    measure(out_->root, false, 0);
    page_text_ = nonlink(body_);
    collect_metadata(out_->root, 0);
    collect_candidates(body_, 0);
    bool inside_article = true;
    std::vector<const GumboNode*> roots = choose_roots(inside_article);
    HtmlPage page;
    page.text = emit_roots(roots, inside_article);
    if (text_weight(page.text) == 0 && !(roots.size() == 1 && roots[0] == body_)) {
      roots = {body_};
      inside_article = false;
      page.text = emit_roots(roots, inside_article);
    }
    page.title = choose_title(roots);
    page.published = choose_date(roots);
    page.url = !canonical_.empty() ? canonical_ : meta("og:url");
    return page;
  }

  // Text of a fragment: only script, style and the like are dropped.
  static std::string fragment_text(const GumboOutput* out) {
    PageExtractor x(out);
    x.page_mode_ = false;
    return x.emit_roots({x.body_}, true);
  }

 private:
  struct Stats {
    std::size_t text = 0;   // text weight, hard chrome excluded
    std::size_t link = 0;   // of which inside <a>
    std::size_t links = 0;  // number of <a> elements
  };

  std::size_t nonlink(const GumboNode* n) const {
    auto it = stats_.find(n);
    return it == stats_.end() ? 0 : it->second.text - it->second.link;
  }
  const Stats& stats(const GumboNode* n) const {
    static const Stats kNone;
    auto it = stats_.find(n);
    return it == stats_.end() ? kNone : it->second;
  }

  Stats measure(const GumboNode* n, bool in_link, int depth) {
    Stats s;
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA) {
      s.text = text_weight(n->v.text.text);
      if (in_link) s.link = s.text;
      return s;
    }
    if (!is_element(n) || depth > kMaxWalkDepth) return s;
    if (element_chrome(n, true) == Chrome::kHard) return s;
    bool link = tag_of(n) == GUMBO_TAG_A;
    for_each_child(n, [&](const GumboNode* c) {
      Stats cs = measure(c, in_link || link, depth + 1);
      s.text += cs.text;
      s.link += cs.link;
      s.links += cs.links;
    });
    if (link) ++s.links;
    stats_[n] = s;
    return s;
  }

  // Title, meta tags, canonical link and JSON-LD, wherever they are.
  void collect_metadata(const GumboNode* n, int depth) {
    if (!is_element(n) || depth > kMaxWalkDepth) return;
    switch (tag_of(n)) {
      case GUMBO_TAG_TITLE:
        if (title_tag_.empty()) title_tag_ = plain_text(n);
        return;
      case GUMBO_TAG_SVG: case GUMBO_TAG_MATH:
        return;  // their <title> is an image caption
      case GUMBO_TAG_META: {
        std::string_view key = attr(n, "property");
        if (key.empty()) key = attr(n, "name");
        if (key.empty()) key = attr(n, "itemprop");
        std::string_view content = attr(n, "content");
        if (!key.empty() && !content.empty()) meta_.emplace(lower_ascii(key), collapse_spaces(content));
        return;
      }
      case GUMBO_TAG_LINK: {
        std::string rel = " " + lower_ascii(attr(n, "rel")) + " ";
        if (canonical_.empty() && rel.find(" canonical ") != std::string::npos) {
          canonical_ = collapse_spaces(attr(n, "href"));
        }
        return;
      }
      case GUMBO_TAG_SCRIPT:
        if (lower_ascii(collapse_spaces(attr(n, "type"))) == "application/ld+json") {
          json_ld_.push_back(raw_text(n));
        }
        return;
      default:
        break;
    }
    if (lower_ascii(attr(n, "itemprop")) == "datepublished") {
      std::string_view value = attr(n, "datetime");
      if (value.empty()) value = attr(n, "content");
      if (!value.empty()) meta_.emplace("itemprop:datepublished", std::string(value));
    }
    for_each_child(n, [&](const GumboNode* c) { collect_metadata(c, depth + 1); });
  }

  // <article>, <main> and headlines outside the chrome.
  void collect_candidates(const GumboNode* n, int depth) {
    if (!is_element(n) || depth > kMaxWalkDepth) return;
    if (n != body_ && is_chrome(n, false)) return;
    GumboTag t = tag_of(n);
    if (t == GUMBO_TAG_ARTICLE) articles_.push_back(n);
    if (t == GUMBO_TAG_MAIN || lower_ascii(attr(n, "role")) == "main") mains_.push_back(n);
    if (t == GUMBO_TAG_H1) h1s_.push_back(n);
    for_each_child(n, [&](const GumboNode* c) { collect_candidates(c, depth + 1); });
  }

  // by_markup_only: judge by tag, role and names, not by content (link
  // density, headings), as when looking for the article's <time> or <h1>,
  // which sit in link-dense bylines or linked headline boxes.
  bool is_chrome(const GumboNode* n, bool inside_article, bool by_markup_only = false) const {
    Chrome c = element_chrome(n, inside_article);
    if (!page_mode_) return c == Chrome::kHard;
    if (c == Chrome::kHard) return true;
    if (c == Chrome::kNone && !by_markup_only && (opens_with_chrome_heading(n) || link_dense(n))) {
      c = Chrome::kSoft;
    }
    if (c == Chrome::kNone) return false;
    // Furniture is small: an element holding most of the page's text is the
    // content, whatever its class says ("content-with-sidebar").
    return !(page_text_ >= 200 && nonlink(n) * 10 >= page_text_ * 6);
  }

  // Lists, tables and boxes of links: menus, "latest news", tag clouds. A
  // box needs three links, so a byline with a date link and an author link,
  // or a linked headline, is not a menu.
  bool link_dense(const GumboNode* n) const {
    std::size_t min_links = 0;
    switch (tag_of(n)) {
      case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_TABLE:
        min_links = 2;
        break;
      case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_TD: case GUMBO_TAG_TH:
        min_links = 3;
        break;
      default:
        return false;
    }
    const Stats& s = stats(n);
    return s.links >= min_links && s.link * 2 > s.text;
  }

  // A box whose first text is a heading like "Related news" or "Contact".
  bool opens_with_chrome_heading(const GumboNode* n) const {
    GumboTag t = tag_of(n);
    if (t != GUMBO_TAG_DIV && t != GUMBO_TAG_SECTION) return false;
    const GumboNode* first = nullptr;
    bool text_first = false;
    for_each_child(n, [&](const GumboNode* c) {
      if (first || text_first) return;
      if (c->type == GUMBO_NODE_TEXT) text_first = true;
      if (is_element(c) && stats(c).text > 0) first = c;
    });
    if (!first || stats(first).text > 80) return false;
    GumboTag ft = tag_of(first);
    bool heading_like = heading_level(ft) > 0 || ft == GUMBO_TAG_DIV || ft == GUMBO_TAG_P ||
                        ft == GUMBO_TAG_SPAN || ft == GUMBO_TAG_STRONG || ft == GUMBO_TAG_B ||
                        ft == GUMBO_TAG_HEADER;
    return heading_like && is_chrome_heading(plain_text(first));
  }

  std::vector<const GumboNode*> choose_roots(bool& inside_article) {
    inside_article = true;
    const GumboNode* article = nullptr;
    for (const GumboNode* a : articles_) {
      if (!article || nonlink(a) > nonlink(article)) article = a;
    }
    const GumboNode* main = mains_.empty() ? nullptr : mains_.front();
    std::size_t reference = main ? nonlink(main) : page_text_;
    // A page may hold teaser <article>s beside the real one: the chosen one
    // must carry at least half of the text around it.
    if (article && nonlink(article) > 0 && nonlink(article) * 2 >= reference) return {article};
    if (main && nonlink(main) > 0) return {main};
    std::vector<const GumboNode*> roots = readability_roots();
    if (roots.empty() || (roots.size() == 1 && roots[0] == body_)) {
      inside_article = false;
      return {body_};
    }
    return roots;
  }

  // Readability's scoring: each paragraph credits its parent in full and its
  // grandparent by half; the best container, discounted by its link density,
  // is the article, joined by siblings that score close to it.
  std::vector<const GumboNode*> readability_roots() {
    scores_.clear();
    score_paragraphs(body_, 0);
    const GumboNode* best = nullptr;
    double best_score = 0;
    for (auto& [node, score] : scores_) {
      score *= 1.0 - link_density(node);
      // Ties go to the earlier element, so the choice does not depend on
      // the hash map's order.
      bool earlier = best && node->v.element.start_pos.offset < best->v.element.start_pos.offset;
      if (score > best_score || (score == best_score && earlier)) {
        best = node;
        best_score = score;
      }
    }
    if (!best) return {};
    if (best == body_ || best->parent == nullptr || !is_element(best->parent)) return {best};
    std::vector<const GumboNode*> roots;
    for_each_child(best->parent, [&](const GumboNode* sibling) {
      if (sibling == best) {
        roots.push_back(sibling);
        return;
      }
      if (!is_element(sibling) || is_chrome(sibling, false)) return;
      auto it = scores_.find(sibling);
      bool scores_close = it != scores_.end() && it->second >= best_score * 0.2;
      bool good_paragraph = tag_of(sibling) == GUMBO_TAG_P && nonlink(sibling) >= 80 &&
                            link_density(sibling) < 0.25;
      if (scores_close || good_paragraph) roots.push_back(sibling);
    });
    return roots;
  }

  double link_density(const GumboNode* n) const {
    const Stats& s = stats(n);
    return s.text == 0 ? 0.0 : static_cast<double>(s.link) / static_cast<double>(s.text);
  }

  bool has_block_child(const GumboNode* n) const {
    bool block = false;
    for_each_child(n, [&](const GumboNode* c) { block = block || block_level(tag_of(c)) > 0; });
    return block;
  }

  void score_paragraphs(const GumboNode* n, int depth) {
    if (!is_element(n) || depth > kMaxWalkDepth) return;
    if (n != body_ && is_chrome(n, false)) return;
    GumboTag t = tag_of(n);
    // Containers count as paragraphs only when they hold text directly, so
    // that a table cell of <p>s does not score both itself and its parent.
    bool paragraph = t == GUMBO_TAG_P || t == GUMBO_TAG_PRE ||
                     ((t == GUMBO_TAG_DIV || t == GUMBO_TAG_SECTION || t == GUMBO_TAG_TD ||
                       t == GUMBO_TAG_BLOCKQUOTE) && !has_block_child(n));
    if (paragraph && nonlink(n) >= 25) {
      std::string text = plain_text(n);
      std::size_t commas = static_cast<std::size_t>(std::count(text.begin(), text.end(), ','));
      for (std::string_view cjk_comma : {"、", "，"}) {
        for (std::size_t p = text.find(cjk_comma); p != std::string::npos; p = text.find(cjk_comma, p + 1)) {
          ++commas;
        }
      }
      double score = 1.0 + static_cast<double>(commas) +
                     std::min(static_cast<double>(nonlink(n)) / 100.0, 3.0);
      const GumboNode* parent = n->parent;
      if (parent && is_element(parent) && tag_of(parent) != GUMBO_TAG_HTML) {
        scores_[parent] += score;
        const GumboNode* grand = parent->parent;
        if (grand && is_element(grand) && tag_of(grand) != GUMBO_TAG_HTML) scores_[grand] += score / 2;
      }
    }
    for_each_child(n, [&](const GumboNode* c) { score_paragraphs(c, depth + 1); });
  }

  std::string emit_roots(const std::vector<const GumboNode*>& roots, bool inside_article) {
    TextBuilder out;
    for (const GumboNode* root : roots) {
      out.line_break(2);
      emit_children(root, out, inside_article, 0);
    }
    return drop_boilerplate(out.take());
  }

  void emit_children(const GumboNode* n, TextBuilder& out, bool inside_article, int depth) {
    // After a heading like "Media contact", its section (the siblings up to
    // the next heading as high) is chrome too, unless a real paragraph shows
    // the article goes on.
    int skipping_below = 0;
    for_each_child(n, [&](const GumboNode* c) {
      int level = heading_level(tag_of(c));
      if (level > 0 && skipping_below > 0 && level <= skipping_below) skipping_below = 0;
      if (skipping_below > 0 && tag_of(c) == GUMBO_TAG_P && nonlink(c) >= 200 && link_density(c) < 0.3) {
        skipping_below = 0;
      }
      if (page_mode_ && level >= 2 && skipping_below == 0 && is_chrome_heading(plain_text(c))) {
        skipping_below = level;
        return;
      }
      if (skipping_below > 0) return;
      emit(c, out, inside_article, depth + 1);
    });
  }

  void emit(const GumboNode* n, TextBuilder& out, bool inside_article, int depth) {
    switch (n->type) {
      case GUMBO_NODE_TEXT: case GUMBO_NODE_CDATA:
        out.text(n->v.text.text);
        return;
      case GUMBO_NODE_WHITESPACE:
        out.text(" ");
        return;
      case GUMBO_NODE_ELEMENT: case GUMBO_NODE_TEMPLATE:
        break;
      default:
        return;  // comments, the document node
    }
    if (depth > kMaxWalkDepth || is_chrome(n, inside_article)) return;
    GumboTag t = tag_of(n);
    bool inside = inside_article || t == GUMBO_TAG_ARTICLE || t == GUMBO_TAG_MAIN ||
                  lower_ascii(attr(n, "role")) == "main";
    switch (t) {
      case GUMBO_TAG_BR:
        out.br();
        return;
      case GUMBO_TAG_HR:
        out.line_break(2);
        return;
      case GUMBO_TAG_IMG:
        return;
      case GUMBO_TAG_A:
        if (is_read_more_link(plain_text(n))) return;
        break;
      case GUMBO_TAG_PRE:
        out.line_break(2);
        emit_preformatted(n, out, depth + 1);
        out.line_break(2);
        return;
      case GUMBO_TAG_TD: case GUMBO_TAG_TH:
        out.cell();
        break;
      default:
        break;
    }
    int level = block_level(t);
    if (level > 0) out.line_break(level);
    emit_children(n, out, inside, depth);
    if (level > 0) out.line_break(level);
  }

  void emit_preformatted(const GumboNode* n, TextBuilder& out, int depth) {
    if (depth > kMaxWalkDepth) return;
    for_each_child(n, [&](const GumboNode* c) {
      if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_WHITESPACE || c->type == GUMBO_NODE_CDATA) {
        out.preformatted(c->v.text.text);
      } else if (is_element(c) && element_chrome(c, true) != Chrome::kHard) {
        if (tag_of(c) == GUMBO_TAG_BR) out.line_break(1);
        emit_preformatted(c, out, depth + 1);
      }
    });
  }

  // The text of an element on one line (hard chrome skipped).
  std::string plain_text(const GumboNode* n) const {
    std::string s;
    append_text(n, s, 0);
    return collapse_spaces(s);
  }

  void append_text(const GumboNode* n, std::string& s, int depth) const {
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA || n->type == GUMBO_NODE_WHITESPACE) {
      s += n->v.text.text;
      return;
    }
    if (!is_element(n) || depth > kMaxWalkDepth) return;
    if (tag_of(n) != GUMBO_TAG_TITLE && element_chrome(n, true) == Chrome::kHard) return;
    bool block = block_level(tag_of(n)) > 0 || tag_of(n) == GUMBO_TAG_BR;
    if (block) s += ' ';
    for_each_child(n, [&](const GumboNode* c) { append_text(c, s, depth + 1); });
    if (block) s += ' ';
  }

  // Script bodies as written (JSON-LD).
  static std::string raw_text(const GumboNode* n) {
    std::string s;
    for_each_child(n, [&](const GumboNode* c) {
      if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_WHITESPACE || c->type == GUMBO_NODE_CDATA) {
        s += c->v.text.text;
      }
    });
    return s;
  }

  std::string meta(const std::string& key) const {
    auto it = meta_.find(key);
    return it == meta_.end() ? "" : it->second;
  }

  const GumboNode* find_first(const GumboNode* n, GumboTag t, bool inside_article, int depth) const {
    if (!is_element(n) || depth > kMaxWalkDepth) return nullptr;
    if (depth > 0 && is_chrome(n, inside_article, /*by_markup_only=*/true)) return nullptr;
    if (tag_of(n) == t) return n;
    const GumboNode* found = nullptr;
    for_each_child(n, [&](const GumboNode* c) {
      if (!found) found = find_first(c, t, inside_article, depth + 1);
    });
    return found;
  }

  static bool usable_title(const std::string& t) { return !t.empty() && !is_boilerplate_line(t); }

  std::string choose_title(const std::vector<const GumboNode*>& roots) const {
    for (const GumboNode* root : roots) {
      if (const GumboNode* h1 = find_first(root, GUMBO_TAG_H1, true, 0)) {
        if (std::string t = plain_text(h1); usable_title(t)) return t;
      }
    }
    std::string site = meta("og:site_name");
    if (std::string t = strip_site_name(meta("og:title"), site); usable_title(t)) return t;
    for (const GumboNode* h1 : h1s_) {
      if (std::string t = plain_text(h1); usable_title(t)) return t;
    }
    if (std::string t = strip_site_name(collapse_spaces(title_tag_), site); usable_title(t)) return t;
    return "";
  }

  std::string choose_date(const std::vector<const GumboNode*>& roots) const {
    static constexpr const char* kKeys[] = {
        "article:published_time", "og:published_time", "datepublished", "itemprop:datepublished",
        "date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued", "dcterms.created",
        "pubdate", "publishdate", "publish_date", "publish-date", "publication_date",
        "article.published", "parsely-pub-date", "sailthru.date", "citation_publication_date"};
    for (const char* key : kKeys) {
      if (std::string d = normalize_date(meta(key)); !d.empty()) return d;
    }
    for (const GumboNode* root : roots) {
      if (const GumboNode* time = find_first(root, GUMBO_TAG_TIME, true, 0)) {
        std::string_view value = attr(time, "datetime");
        std::string d = normalize_date(value.empty() ? plain_text(time) : std::string(value));
        if (!d.empty()) return d;
      }
    }
    for (const std::string& block : json_ld_) {
      auto j = nlohmann::json::parse(block, nullptr, /*allow_exceptions=*/false);
      if (j.is_discarded()) continue;
      if (std::string d = normalize_date(json_ld_date(j, 0)); !d.empty()) return d;
    }
    return "";
  }

  const GumboOutput* out_;
  const GumboNode* body_;
  bool page_mode_ = true;
  std::unordered_map<const GumboNode*, Stats> stats_;
  std::size_t page_text_ = 0;  // non-link text weight of <body>
  std::unordered_map<const GumboNode*, double> scores_;
  std::string title_tag_;
  std::string canonical_;
  std::unordered_map<std::string, std::string> meta_;  // first value of each name/property
  std::vector<std::string> json_ld_;
  std::vector<const GumboNode*> articles_;
  std::vector<const GumboNode*> mains_;
  std::vector<const GumboNode*> h1s_;
};

}  // namespace

HtmlPage article_from_tree(const GumboOutput* tree) {
  PageExtractor extractor(tree);
  return extractor.run();
}

std::string text_from_fragment_tree(const GumboOutput* tree) { return PageExtractor::fragment_text(tree); }

}  // namespace pactum::ingest::internal
