// Loading data/lang/languages.tsv (see language_table.h).
#include "text/language_table.h"

#include <algorithm>
#include <utility>

#include "common/files.h"

namespace pactum::text {
namespace {

constexpr std::array<std::string_view, kLanguageUseCount> kUseNames = {
    "rows", "catalogue", "icu", "months", "genitive-s", "genitive-s-phrase", "profiles", "root-sentences", "window-id", "marker-vote",
    "capital-nouns"};

// ISO 639-1: two lower-case letters (the code also names a lexicon folder).
bool is_iso_639_1(std::string_view code) {
  return code.size() == 2 && std::all_of(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

bool is_snowball_name(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

struct Loaded {
  LanguageTable table;
  Status status;
};

const Loaded& loaded() {
  static const Loaded kLoaded = [] {
    Loaded out;
    auto table = LanguageTable::load(data_dir() / "lang" / "languages.tsv");
    if (table.is_ok()) {
      out.table = std::move(*table);
    } else {
      out.status = table.status();
    }
    return out;
  }();
  return kLoaded;
}

}  // namespace

Result<LanguageTable> LanguageTable::load(const std::filesystem::path& file) {
  auto rows = read_tsv(file);
  if (!rows.is_ok()) return rows.status();
  LanguageTable table;
  for (const TsvRow& row : *rows) {
    const std::string at = file.string() + ":" + std::to_string(row.line);
    const std::string& code = row.at(0);
    if (!is_iso_639_1(code)) return Status::invalid_argument(at + ": '" + code + "' is not an ISO 639-1 code");
    if (std::any_of(table.rows_.begin(), table.rows_.end(), [&](const Row& r) { return r.code == code; })) {
      return Status::invalid_argument(at + ": '" + code + "' has a row already");
    }
    for (std::string_view use : row.at(1) == "-" ? std::vector<std::string_view>{} : split(row.at(1), ',')) {
      auto it = std::find(kUseNames.begin(), kUseNames.end(), use);
      if (it == kUseNames.end()) {
        // The data may be newer than the binary (a use added since it was
        // built): say which uses this build knows.
        std::string known;
        for (std::string_view name : kUseNames) known += (known.empty() ? "" : ", ") + std::string(name);
        return Status::invalid_argument(at + ": unknown use '" + std::string(use) + "' (this build knows: " + known +
                                        "; if the data is newer than pactum, rebuild it)");
      }
      table.with_[static_cast<std::size_t>(it - kUseNames.begin())].push_back(code);
    }
    std::string snowball = row.at(2) == "-" ? std::string() : row.at(2);
    if (!snowball.empty() && !is_snowball_name(snowball)) {
      return Status::invalid_argument(at + ": '" + snowball + "' is not a Snowball algorithm name (or -)");
    }
    if (!snowball.empty() &&
        std::find(table.algorithms_.begin(), table.algorithms_.end(), snowball) == table.algorithms_.end()) {
      table.algorithms_.push_back(snowball);
    }
    table.rows_.push_back({code, std::move(snowball)});
  }
  return table;
}

bool LanguageTable::has(std::string_view code, LanguageUse use) const {
  const auto& codes = with(use);
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

std::string_view LanguageTable::snowball(std::string_view code) const {
  for (const Row& r : rows_) {
    if (r.code == code) return r.snowball;
  }
  return {};
}

const LanguageTable& language_table() { return loaded().table; }

Status language_table_status() { return loaded().status; }

}  // namespace pactum::text
