// The languages pactum knows and what it does with each, from
// data/lang/languages.tsv: adding a language is a row there, not a branch in
// each module that lists languages (the gazetteer's name sources, the date
// rule's months, segmentation, stemming, profiles, PostgreSQL's indexing).
#pragma once

#include <array>
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace pactum::text {

// What pactum does with a language: the `uses` column of the table (its
// header comment says what each means).
enum class LanguageUse : std::size_t {
  kRows,            // "rows"
  kCatalogueNames,  // "catalogue"
  kIcuNames,        // "icu"
  kMonths,          // "months"
  kGenitiveS,       // "genitive-s"
  kGenitiveSPhrase, // "genitive-s-phrase"
  kProfiles,        // "profiles"
  kRootSentences,   // "root-sentences"
  kWindowId,        // "window-id"
  kMarkerVote,      // "marker-vote"
  kCapitalNouns,    // "capital-nouns"
};
inline constexpr std::size_t kLanguageUseCount = 11;

class LanguageTable {
 public:
  // Reads a table file. A missing file, an unknown use or a bad code fails,
  // naming the file and line.
  static Result<LanguageTable> load(const std::filesystem::path& file);

  // The codes with a use, in the file's order.
  const std::vector<std::string>& with(LanguageUse use) const { return with_[static_cast<std::size_t>(use)]; }
  bool has(std::string_view code, LanguageUse use) const;
  // The Snowball algorithm for a code, "" when it has none or is not a row.
  std::string_view snowball(std::string_view code) const;
  // Every distinct Snowball algorithm of the table, in the file's order.
  const std::vector<std::string>& snowball_algorithms() const { return algorithms_; }

 private:
  struct Row {
    std::string code;
    std::string snowball;
  };
  std::vector<Row> rows_;
  std::array<std::vector<std::string>, kLanguageUseCount> with_;
  std::vector<std::string> algorithms_;
};

// The table of data_dir()/lang/languages.tsv, read on first use and kept for
// the life of the process. When it cannot be read the table is empty (no
// language has any use) and language_table_status() says why. A broken
// install is still reported, not read as "no languages": Gazetteer::load
// reads the same file from its own data dir with LanguageTable::load and
// fails with the file and line.
const LanguageTable& language_table();
Status language_table_status();

}  // namespace pactum::text
