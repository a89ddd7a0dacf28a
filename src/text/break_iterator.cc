// Per-thread ICU break iterators (see break_iterator.h).
#include "text/break_iterator.h"

#include <unicode/locid.h>

#include <limits>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace pactum::text::internal {

icu::BreakIterator* thread_break_iterator(BreakKind kind, std::string_view lang) {
  struct Entry {
    BreakKind kind;
    std::string lang;
    std::unique_ptr<icu::BreakIterator> iterator;  // null when ICU failed
  };
  // A handful of languages per thread: a linear scan beats hashing here.
  thread_local std::vector<Entry> cache;
  for (const Entry& e : cache) {
    if (e.kind == kind && e.lang == lang) return e.iterator.get();
  }
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale(std::string(lang).c_str());
  std::unique_ptr<icu::BreakIterator> it(
      kind == BreakKind::kSentence ? icu::BreakIterator::createSentenceInstance(locale, status)
                                   : icu::BreakIterator::createWordInstance(locale, status));
  if (U_FAILURE(status)) it.reset();
  cache.push_back({kind, std::string(lang), std::move(it)});
  return cache.back().iterator.get();
}

Utf8Text::Utf8Text(std::string_view text) {
  if (text.size() > static_cast<std::size_t>(std::numeric_limits<int32_t>::max())) return;
  UErrorCode status = U_ZERO_ERROR;
  utext_openUTF8(&ut_, text.data(), static_cast<int64_t>(text.size()), &status);
  ok_ = U_SUCCESS(status);
}

bool Utf8Text::attach(icu::BreakIterator* it) {
  if (!ok_ || it == nullptr) return false;
  UErrorCode status = U_ZERO_ERROR;
  it->setText(&ut_, status);  // ICU keeps a shallow clone: text must stay alive
  return U_SUCCESS(status);
}

}  // namespace pactum::text::internal
