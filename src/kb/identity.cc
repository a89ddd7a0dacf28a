// Actor keys, case folding (ICU) and organization name keys: the identity
// rules of the knowledge base, shared by the store engines.
#include "kb/identity.h"

#include <array>
#include <vector>

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include "text/normalize.h"

namespace pactum::kb {

namespace {

icu::UnicodeString from_utf8(std::string_view s) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

std::string to_utf8(const icu::UnicodeString& u) {
  std::string out;
  u.toUTF8String(out);
  return out;
}

}  // namespace

std::string actor_key(const extract::Party& party) {
  if (!party.subdivision.empty()) return party.subdivision;
  if ((party.kind == "country" || party.kind == "supranational") && !party.country.empty()) {
    return party.country;
  }
  return "name:" + lowercase(party.name);
}

std::string lowercase(std::string_view utf8) {
  icu::UnicodeString u = from_utf8(utf8);
  u.toLower(icu::Locale::getRoot());
  return to_utf8(u);
}

std::string fold_case(std::string_view utf8) {
  icu::UnicodeString u = from_utf8(utf8);
  u.foldCase();
  return to_utf8(u);
}

// Legal forms that end company names in our languages; a name differing only
// by one of them names the same organization.
constexpr std::array<std::string_view, 26> kLegalForms = {
    "asa", "as", "ab", "a/s", "aps", "oy", "oyj", "gmbh", "ag", "se", "kg", "ltd", "limited",
    "inc", "plc", "llc", "corp", "corporation", "co", "sa", "sas", "spa", "bv", "nv", "k.k", "kk"};

std::string org_name_key(std::string_view name) {
  std::string folded = text::fold_ascii(name);
  // Words: runs of anything but ASCII space and punctuation (other scripts
  // are kept whole); '/' and '.' inside a word survive for "a/s" and "k.k".
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    while (!word.empty() && (word.back() == '.' || word.back() == '/')) word.pop_back();
    if (!word.empty()) words.push_back(word);
    word.clear();
  };
  for (char c : folded) {
    bool ascii_punct = static_cast<unsigned char>(c) < 0x80 && !(c >= 'a' && c <= 'z') &&
                       !(c >= '0' && c <= '9') && c != '/' && c != '.' && c != '&';
    if (ascii_punct) {
      flush();
    } else {
      word += c;
    }
  }
  flush();
  while (words.size() > 1) {
    bool legal = false;
    for (std::string_view f : kLegalForms) legal = legal || words.back() == f;
    if (!legal) break;
    words.pop_back();
  }
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

}  // namespace pactum::kb
