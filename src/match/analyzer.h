// Language-aware analysis of profile text for matching: the words of a
// title and summary as stems, plus concepts that hold across languages, so
// that "Wasserstoffspeicher" and "水素貯蔵" meet on "hydrogen".
//
// Terms are strings with a prefix saying what they are:
//   "w:<stem>"  a word, folded and stemmed in the text's language (MeCab
//               tokens for Japanese);
//   "s:<id>"    a sector of the taxonomy named in any language's lexicon
//               (data/lexicon/<lang>/sector.tsv);
//   "a:<key>"   an actor of the gazetteer named by any of its aliases
//               ("Norge", "Norwegen", "ノルウェー" are all "a:NO").
// Words of data/match/stopwords/<lang>.txt ("und", "søker", "の") and
// Latin-script words under three letters give no "w:" term.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "common/status.h"
#include "extract/gazetteer.h"
#include "extract/lexicon.h"

namespace pactum::match {

class Analyzer {
 public:
  // Loads the gazetteer, every language's lexicon and the stop words from data_dir.
  static Result<std::unique_ptr<Analyzer>> create(const std::filesystem::path& data_dir);
  // Uses a lexicon someone else owns; it must outlive the Analyzer.
  explicit Analyzer(const extract::Lexicon& lexicon);
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  // The terms of text in lang, in order, repeated as often as they occur.
  // With concepts false only the "w:" words come out (the BM25 baseline).
  // Thread-safe (each thread keeps its own stemmers).
  std::vector<std::string> terms(std::string_view text, std::string_view lang, bool concepts = true) const;

  const extract::Lexicon& lexicon() const { return *lexicon_; }
  const extract::Gazetteer& gazetteer() const { return lexicon_->gazetteer(); }

 private:
  struct Owned;
  std::unique_ptr<Owned> owned_;  // set by create()
  const extract::Lexicon* lexicon_ = nullptr;
  std::unordered_map<std::string, std::unordered_set<std::string>> stopwords_;  // lang -> folded words
};

}  // namespace pactum::match
