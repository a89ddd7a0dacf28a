// Profile text to matching terms: stems and cross-language concepts (analyzer.h).
#include "match/analyzer.h"

#include <algorithm>
#include <map>

#include "common/files.h"
#include "text/normalize.h"
#include "text/segment.h"
#include "text/stem.h"

namespace pactum::match {

struct Analyzer::Owned {
  std::unique_ptr<extract::LexiconWithGazetteer> loaded;
};

Result<std::unique_ptr<Analyzer>> Analyzer::create(const std::filesystem::path& data_dir) {
  auto owned = std::make_unique<Owned>();
  auto loaded = extract::load_lexicon_with_gazetteer(data_dir);
  if (!loaded.is_ok()) return loaded.status();
  owned->loaded = std::move(*loaded);
  auto analyzer = std::make_unique<Analyzer>(*owned->loaded->lexicon);
  analyzer->owned_ = std::move(owned);
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(data_dir / "match" / "stopwords", ec)) {
    if (entry.path().extension() != ".txt") continue;
    auto text = read_file(entry.path());
    if (!text.is_ok()) return text.status();
    auto& words = analyzer->stopwords_[entry.path().stem().string()];
    std::size_t start = 0;
    while (start < text->size()) {
      auto end = text->find('\n', start);
      if (end == std::string::npos) end = text->size();
      std::string line = text->substr(start, end - start);
      start = end + 1;
      if (line.empty() || line[0] == '#') continue;
      words.insert(text::fold(line));
    }
  }
  return analyzer;
}

Analyzer::Analyzer(const extract::Lexicon& lexicon) : lexicon_(&lexicon) {}
Analyzer::~Analyzer() = default;

namespace {

// Stemmers are not thread-safe: one per language per thread.
text::Stemmer& stemmer_for(std::string_view lang) {
  thread_local std::map<std::string, std::unique_ptr<text::Stemmer>, std::less<>> stemmers;
  auto it = stemmers.find(lang);
  if (it == stemmers.end()) {
    it = stemmers.emplace(std::string(lang), std::make_unique<text::Stemmer>(lang)).first;
  }
  return *it->second;
}

// A word too short to mean anything on its own in a Latin script ("a",
// "de"); Japanese words of one character ("県" aside) do carry meaning.
bool too_short(const std::string& folded) {
  if (folded.size() >= 3) return false;
  return std::all_of(folded.begin(), folded.end(), [](unsigned char c) { return c < 0x80; });
}

}  // namespace

std::vector<std::string> Analyzer::terms(std::string_view text, std::string_view lang, bool concepts) const {
  std::vector<std::string> out;
  auto tokens = text::tokenize(text, lang);
  text::Stemmer& stemmer = stemmer_for(lang);
  auto stop = stopwords_.find(std::string(lang));
  for (const auto& t : tokens) {
    if (!t.is_word || too_short(t.folded)) continue;
    if (stop != stopwords_.end() && stop->second.count(t.folded)) continue;
    out.push_back("w:" + stemmer.stem(t.folded));
  }
  if (!concepts) return out;
  const auto& actors = lexicon_->gazetteer().actors();
  for (const auto& m : lexicon_->find(lang, text, tokens)) {
    if (m.entry && m.entry->category == extract::Category::kSector) {
      if (m.entry->label == extract::kNoSectorLabel) continue;  // names no sector
      out.push_back("s:" + m.entry->label);
    } else if (m.alias && m.alias->form != extract::AliasForm::kCapital) {
      out.push_back("a:" + actors[m.alias->actor].key);
    }
  }
  return out;
}

}  // namespace pactum::match
