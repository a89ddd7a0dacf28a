// Actor keys and case folding (ICU), shared by the store engines.
#include "store/keys.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>

namespace pactum::store {

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

}  // namespace pactum::store
