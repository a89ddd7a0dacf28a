// Fuzz target: dates in text (extract/dates.h). Input: a first line
// "LANG PUBLISHED" (e.g. "de 2026-03-01"), then the sentence. The sentence is
// tokenized and matched against the lexicon as the extractor does, then
// find_dates resolves its dates against the publication date.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "extract/dates.h"
#include "extract/lexicon.h"
#include "fuzz_util.h"
#include "ingest/formats.h"
#include "text/segment.h"

namespace {

const pactum::extract::LexiconWithGazetteer& lexicon() {
  static auto* loaded = [] {
    auto r = pactum::extract::load_lexicon_with_gazetteer(pactum::fuzz::data_dir());
    if (!r.is_ok()) std::abort();
    return std::move(r).value().release();
  }();
  return *loaded;
}

}  // namespace

// The data loads once, before the first input: under ASan on a loaded
// machine it takes longer than libFuzzer's per-input timeout.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)lexicon();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace pactum;
  auto [header, text] = fuzz::split_header(fuzz::as_view(data, size));
  if (ingest::internal::invalid_utf8_offset(text)) return 0;  // the extractor gets UTF-8 only
  std::string_view lang = header.substr(0, header.find(' '));
  if (lang.size() != 2) lang = "en";
  extract::PartialDate published;
  if (auto sp = header.find(' '); sp != std::string_view::npos) {
    if (auto p = extract::PartialDate::parse(header.substr(sp + 1))) published = *p;
  }
  auto tokens = text::tokenize(text, lang);
  auto mentions = lexicon().lexicon->find(lang, text, tokens);
  for (const auto& d : extract::find_dates(text, tokens, mentions, published)) {
    if (d.end_token > tokens.size() || d.first_token > d.end_token) std::abort();
    if (!d.date.empty()) (void)d.date.to_string();
  }
  return 0;
}
