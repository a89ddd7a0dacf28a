// Page chrome and boilerplate: the word lists and rules that tell furniture
// from the article. Names come from the markup sites actually use (WordPress,
// Drupal, Sitecore, news-wire templates) in English, Nordic languages,
// German and Japanese, the languages of pactum's sources.
#include "ingest/html_chrome.h"

#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <vector>

#include "ingest/formats.h"

namespace pactum::ingest::internal {
namespace {

std::string_view attr(const GumboNode* n, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a ? std::string_view(a->value) : std::string_view();
}

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& words, std::string_view w) {
  return std::find(words.begin(), words.end(), w) != words.end();
}

// Words of an id, class or aria-label: split on punctuation and camelCase
// ("mainNav", "share-buttons", "cookie_banner"), lower-cased. Class names
// that state a page's condition ("has-sidebar", "is-menu-open", "no-js") say
// nothing about the element itself and are skipped.
void split_words(std::string_view value, bool is_class, std::vector<std::string>& words) {
  std::size_t i = 0;
  while (i < value.size()) {
    while (i < value.size() && std::isspace(static_cast<unsigned char>(value[i]))) ++i;
    std::size_t end = i;
    while (end < value.size() && !std::isspace(static_cast<unsigned char>(value[end]))) ++end;
    std::string_view name = value.substr(i, end - i);
    i = end;
    if (name.empty()) continue;
    if (is_class) {
      std::string lower = lower_ascii(name.substr(0, 8));
      if (lower.starts_with("has-") || lower.starts_with("is-") || lower.starts_with("no-") ||
          lower.starts_with("with-") || lower.starts_with("without")) {
        continue;
      }
    }
    std::string word;
    for (std::size_t k = 0; k < name.size(); ++k) {
      auto c = static_cast<unsigned char>(name[k]);
      bool part = std::isalnum(c) || c >= 0x80;
      bool camel_break = std::isupper(c) && k > 0 && std::islower(static_cast<unsigned char>(name[k - 1]));
      if (!part || camel_break) {
        if (!word.empty()) words.push_back(lower_ascii(word));
        word.clear();
      }
      if (part) word.push_back(static_cast<char>(c));
    }
    if (!word.empty()) words.push_back(lower_ascii(word));
  }
}

// A word among an element's id/class/aria-label words that marks it as chrome.
constexpr std::array<std::string_view, 81> kChromeWords = {
    "nav", "navi", "navbar", "navigation", "navlist", "menu", "menus", "submenu", "megamenu",
    "menubar", "breadcrumb", "breadcrumbs", "crumbs", "crumb", "cookie", "cookies", "cookiebanner",
    "consent", "gdpr", "cmp", "share", "shares", "sharing", "sharebar", "social", "socials",
    "addthis", "sharethis", "related", "latest", "recommended", "newsletter", "subscribe",
    "subscription", "signup", "sidebar", "skip", "skiplink", "skiplinks", "footer", "masthead",
    "ad", "ads", "advert", "adverts", "advertisement", "sponsor", "sponsored", "promo", "popup",
    "modal", "pagination", "pager", "comments", "comment", "disqus", "toolbar", "widget",
    "widgets", "login", "search", "searchbar", "searchform", "tags", "tagcloud", "contact",
    "contacts", "print", "follow", "outbrain", "taboola", "topbar", "sr", "offscreen",
    // Category labels above a headline ("kicker") repeat the page's section.
    "kicker", "eyebrow", "overline",
    // Nordic and German labels seen in aria-label and class names.
    "meny", "hovedmeny", "brødsmulesti", "relatert"};

// Chrome only outside the article: a page's header and banner are the site's,
// an article's hold its headline.
constexpr std::array<std::string_view, 4> kPageHeaderWords = {"header", "banner", "hero", "topnav"};

// "more news", "other releases", "recent posts", "similar articles".
constexpr std::array<std::string_view, 5> kListQualifiers = {"more", "other", "recent", "similar",
                                                             "further"};
constexpr std::array<std::string_view, 9> kListNouns = {
    "news", "releases", "release", "articles", "article", "stories", "posts", "pressreleases", "items"};

// Words that never name content, however much text the element holds (a
// consent banner's legalese can outweigh a short article).
constexpr std::array<std::string_view, 16> kNeverContentWords = {
    "cookie", "cookies", "cookiebanner", "consent", "gdpr", "cmp", "breadcrumb", "breadcrumbs",
    "skip", "skiplink", "skiplinks", "addthis", "sharethis", "outbrain", "taboola", "disqus"};

Chrome chrome_by_words(const GumboNode* el, bool inside_article) {
  std::vector<std::string> words;
  split_words(attr(el, "id"), false, words);
  split_words(attr(el, "class"), true, words);
  split_words(attr(el, "aria-label"), false, words);
  bool qualifier = false, noun = false;
  for (const std::string& w : words) {
    if (contains(kNeverContentWords, w)) return Chrome::kHard;
    for (std::string_view stem : {"cookie", "consent", "breadcrumb"}) {
      if (w.find(stem) != std::string::npos) return Chrome::kHard;  // "cookiebar", "cookie-consent"
    }
    if (contains(kChromeWords, w)) return Chrome::kSoft;
    if (!inside_article && contains(kPageHeaderWords, w)) return Chrome::kSoft;
    qualifier = qualifier || contains(kListQualifiers, w);
    noun = noun || contains(kListNouns, w);
    // Glued forms: "leftnav", "topmenu", "cookiebar", "socialshare",
    // "relatedposts", "mainnavigation".
    if ((w.size() > 3 && (w.ends_with("nav") || w.ends_with("menu") || w.ends_with("navi"))) ||
        (w.size() > 4 && w.starts_with("nav") && !w.starts_with("navy"))) {
      return Chrome::kSoft;
    }
    for (std::string_view stem : {"newsletter", "navigation", "sharing", "socialshare", "related", "sidebar"}) {
      if (w.size() > stem.size() && w.find(stem) != std::string::npos) return Chrome::kSoft;
    }
  }
  return qualifier && noun ? Chrome::kSoft : Chrome::kNone;
}

Chrome chrome_by_role(std::string_view role, bool inside_article) {
  static constexpr std::array<std::string_view, 13> kRoles = {
      "navigation", "contentinfo", "complementary", "search", "menu", "menubar", "menuitem",
      "toolbar", "dialog", "alertdialog", "tablist", "button", "alert"};
  std::string r = lower_ascii(role);
  if (contains(kRoles, r)) return Chrome::kSoft;
  if (r == "banner" && !inside_article) return Chrome::kSoft;
  return Chrome::kNone;
}

bool hidden_by_style(std::string_view style) {
  std::string s;
  for (char c : style) {
    if (!std::isspace(static_cast<unsigned char>(c))) s.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return s.find("display:none") != std::string::npos || s.find("visibility:hidden") != std::string::npos;
}

// Lower-cased (ICU, so "Ähnliche" matches "ähnliche"), whitespace collapsed,
// punctuation and arrows trimmed from both ends: "» Read more…" -> "read more".
std::string fold(std::string_view text) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  u.toLower();
  std::string lower;
  u.toUTF8String(lower);
  std::string out;
  bool space = false;
  for (char c : lower) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  static constexpr std::array<std::string_view, 14> kTrim = {
      "…", "»", "«", "›", "‹", "•", "·", "–", "—", "→", "←", "↑", "×", "✕"};
  bool changed = true;
  while (changed && !out.empty()) {
    changed = false;
    auto c0 = static_cast<unsigned char>(out.front());
    auto c1 = static_cast<unsigned char>(out.back());
    if (std::ispunct(c0) || c0 == ' ') {
      out.erase(0, 1);
      changed = true;
      continue;
    }
    if (std::ispunct(c1) || c1 == ' ') {
      out.pop_back();
      changed = true;
      continue;
    }
    for (std::string_view t : kTrim) {
      if (out.starts_with(t)) {
        out.erase(0, t.size());
        changed = true;
      } else if (out.ends_with(t)) {
        out.erase(out.size() - t.size());
        changed = true;
      }
    }
  }
  return out;
}

}  // namespace

Chrome element_chrome(const GumboNode* el, bool inside_article) {
  switch (el->v.element.tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_INPUT: case GUMBO_TAG_OPTION:
    case GUMBO_TAG_DATALIST: case GUMBO_TAG_CANVAS: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED:
    case GUMBO_TAG_APPLET: case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO: case GUMBO_TAG_MAP:
    case GUMBO_TAG_HEAD: case GUMBO_TAG_TITLE: case GUMBO_TAG_META: case GUMBO_TAG_LINK:
    case GUMBO_TAG_BASE: case GUMBO_TAG_FRAMESET: case GUMBO_TAG_NOFRAMES:
    // Captions are photo credits or restate the article beside its picture.
    case GUMBO_TAG_FIGCAPTION:
      return Chrome::kHard;
    case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM:
    case GUMBO_TAG_MENU: case GUMBO_TAG_ADDRESS:
      return Chrome::kSoft;
    case GUMBO_TAG_HEADER:
      if (!inside_article) return Chrome::kSoft;
      break;
    case GUMBO_TAG_HTML: case GUMBO_TAG_BODY: case GUMBO_TAG_MAIN: case GUMBO_TAG_ARTICLE:
      return Chrome::kNone;  // containers of everything: their class names say little
    default:
      break;
  }
  if (el->type == GUMBO_NODE_TEMPLATE) return Chrome::kHard;
  if (el->v.element.tag == GUMBO_TAG_UNKNOWN) {
    // Custom elements of consent managers and share widgets.
    std::string_view name(el->v.element.original_tag.data, el->v.element.original_tag.length);
    std::string lower = lower_ascii(name);
    if (lower.find("cookie") != std::string::npos || lower.find("consent") != std::string::npos) {
      return Chrome::kSoft;
    }
  }
  if (gumbo_get_attribute(&el->v.element.attributes, "hidden") != nullptr ||
      lower_ascii(attr(el, "aria-hidden")) == "true" || hidden_by_style(attr(el, "style"))) {
    return Chrome::kSoft;
  }
  if (Chrome c = chrome_by_role(attr(el, "role"), inside_article); c != Chrome::kNone) return c;
  return chrome_by_words(el, inside_article);
}

bool is_chrome_heading(std::string_view text) {
  if (text.size() > 120) return false;
  // One ASCII word must be the whole heading ("Share", not "Share capital
  // increase"); longer phrases and CJK may start it ("More from Equinor").
  static constexpr std::array<std::string_view, 67> kPhrases = {
      "related", "related news", "related articles", "related content", "related stories",
      "related press releases", "latest news", "latest press releases", "latest releases",
      "latest articles", "latest stories", "more news", "more press releases", "more releases",
      "more articles", "more stories", "more from", "other news", "other press releases",
      "recent news", "recent posts", "recent press releases", "read more", "read also",
      "see also", "you may also like", "you might also like", "recommended", "contact",
      "contact us", "contact information", "media contact", "press contact", "media enquiries",
      "media inquiries", "press enquiries", "press inquiries", "for more information",
      "for further information", "further information", "share", "share this", "follow us",
      "newsletter", "subscribe", "sign up", "tags", "categories", "cookies", "we use cookies",
      "relatert", "relaterte saker", "relaterte artikler", "siste nytt", "siste nyheter",
      "flere nyheter", "les også", "kontakt", "kontaktpersoner", "pressekontakt",
      "for mer informasjon", "ähnliche artikel", "weitere pressemitteilungen", "teilen",
      "関連記事", "お問い合わせ", "最新ニュース"};
  std::string f = fold(text);
  if (f.empty()) return false;
  for (std::string_view p : kPhrases) {
    bool one_word = p.find(' ') == std::string_view::npos &&
                    static_cast<unsigned char>(p.front()) < 0x80;
    std::string_view rest;
    if (f.starts_with(p)) {
      rest = std::string_view(f).substr(p.size());
    } else {
      continue;
    }
    if (!rest.empty() && rest.front() == 's' && p.back() != 's') rest.remove_prefix(1);  // plurals
    if (rest.empty()) return true;
    if (one_word) continue;
    auto next = static_cast<unsigned char>(rest.front());
    if (next >= 0x80 || !std::isalnum(next)) return true;  // a word boundary, or CJK
  }
  return false;
}

bool is_contact_intro(std::string_view paragraph) {
  std::string_view first_line = paragraph.substr(0, std::min(paragraph.find('\n'), std::size_t{120}));
  static constexpr std::array<std::string_view, 24> kIntros = {
      "for more information", "for further information", "further information", "more information",
      "media contact", "press contact", "media enquiries", "media inquiries", "press enquiries",
      "press inquiries", "contact", "contacts", "kontakt", "kontaktpersoner", "pressekontakt",
      "for mer informasjon", "for ytterligere informasjon", "mer informasjon", "weitere informationen",
      "ansprechpartner", "ansprechpartnerin", "お問い合わせ", "問い合わせ先", "本件に関するお問い合わせ"};
  std::string f = fold(first_line);
  for (std::string_view intro : kIntros) {
    if (!f.starts_with(intro)) continue;
    if (f.size() == intro.size()) return true;
    auto next = static_cast<unsigned char>(f[intro.size()]);
    // "Contact: Jane Doe", "For more information, contact", not "Contacts
    // between the ministries grew".
    if (next == ':' || next == ',' || next >= 0x80 || (next == ' ' && intro.find(' ') != std::string_view::npos)) {
      return true;
    }
  }
  return false;
}

bool looks_like_contact_details(std::string_view paragraph) {
  if (paragraph.find('@') != std::string_view::npos) return true;
  std::size_t digits = 0;
  for (char c : paragraph) {
    if (c >= '0' && c <= '9') {
      if (++digits >= 6) return true;  // a phone number: "+47 22 00 00 00"
    } else if (c != ' ' && c != '+' && c != '-' && c != '(' && c != ')' && c != '/' && c != '.') {
      digits = 0;
    }
  }
  std::string f = fold(paragraph.substr(0, 20));
  for (std::string_view label : {"tel", "phone", "mobil", "e-mail", "email", "fax"}) {
    if (f.starts_with(label)) return true;
  }
  return false;
}

bool is_read_more_link(std::string_view text) {
  if (text.size() > 80) return false;
  static constexpr std::array<std::string_view, 12> kStarts = {
      "read more", "read the full", "continue reading", "more about", "les mer", "les hele",
      "mehr erfahren", "mehr zum thema", "weiterlesen", "lire la suite", "続きを読む", "詳しくはこちら"};
  std::string f = fold(text);
  for (std::string_view start : kStarts) {
    if (f.starts_with(start)) return true;
  }
  return false;
}

bool is_boilerplate_line(std::string_view line) {
  if (line.size() > 80) return false;
  static constexpr std::array<std::string_view, 68> kLines = {
      "share", "print", "email", "e-mail", "tweet", "cookie settings", "cookies settings",
      "manage cookies", "cookie preferences", "accept", "accept all", "accept cookies",
      "accept all cookies", "reject all", "decline", "ok", "close", "menu", "search",
      "skip to content", "skip to main content", "skip to navigation", "back", "back to top",
      "to top", "top", "back to news", "back to overview", "back to press releases",
      "read more", "more", "show more", "load more", "next", "previous", "prev", "home",
      "subscribe", "follow us", "toggle navigation", "open menu", "close menu", "advertisement",
      "related", "tags", "listen", "listen to this article", "print this page",
      "share this page", "share this article", "share this", "email this page", "copy link",
      "link copied", "del", "skriv ut", "del artikkel", "tilbake", "les mer", "teilen",
      "drucken", "zurück", "weiterlesen", "imprimer", "partager", "印刷", "シェア", "ページの先頭へ"};
  std::string f = fold(line);
  if (f.empty()) return !line.empty();  // nothing but punctuation and arrows
  if (contains(kLines, f)) return true;
  // Photo credits: "Photo: NTB", "Foto: Pressestelle".
  for (std::string_view credit : {"photo:", "photo credit", "foto:", "bilde:", "bild:", "image:",
                                  "illustration:", "写真：", "写真:"}) {
    if (f.starts_with(credit)) return true;
  }
  // A share bar flattened into one line: "Share on Facebook Twitter LinkedIn".
  static constexpr std::array<std::string_view, 25> kShareWords = {
      "share", "print", "email", "e-mail", "mail", "tweet", "twitter", "facebook", "linkedin",
      "whatsapp", "x", "xing", "pinterest", "reddit", "copy", "link", "on", "via", "this",
      "page", "article", "pdf", "del", "på", "teilen"};
  static constexpr std::array<std::string_view, 9> kShareAnchors = {
      "share", "tweet", "facebook", "linkedin", "twitter", "whatsapp", "xing", "pinterest", "teilen"};
  bool anchor = false;
  std::size_t i = 0;
  while (i < f.size()) {
    std::size_t end = f.find_first_of(" |/,", i);
    if (end == std::string::npos) end = f.size();
    std::string_view w = std::string_view(f).substr(i, end - i);
    i = end + 1;
    if (w.empty()) continue;
    if (!contains(kShareWords, w)) return false;
    anchor = anchor || contains(kShareAnchors, w);
  }
  return anchor;
}

}  // namespace pactum::ingest::internal
