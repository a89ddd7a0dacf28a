// Loading the per-language lexicon files and compiling them, with the
// gazetteer's names, into one phrase matcher per language.
#include "extract/lexicon.h"

#include <algorithm>
#include <array>

#include "common/files.h"
#include "text/normalize.h"
#include "text/segment.h"

namespace pactum::extract {

namespace {

constexpr std::array<std::string_view, static_cast<std::size_t>(Category::kCount)> kCategoryNames = {
    "instrument", "stage", "sector", "role", "speech", "month", "weekday", "relative_date",
    "date_qualifier", "chrome", "location_prep", "target_prep", "since_prep", "group_ref",
    "cooperation", "agree_verb", "person_title", "hedge", "org_head", "self_ref", "conjunction", "government", "determiner",
    "date_marker", "era", "relative", "person_name"};

bool category_from_name(std::string_view name, Category* out) {
  for (std::size_t i = 0; i < kCategoryNames.size(); ++i) {
    if (kCategoryNames[i] == name) {
      *out = static_cast<Category>(i);
      return true;
    }
  }
  return false;
}

// The categories find_chrome_and_dates() matches: chrome_at_start and
// find_dates (layout.cc, dates.cc) read no others.
bool reads_chrome_and_dates(Category c) {
  switch (c) {
    case Category::kChrome:
    case Category::kMonth:
    case Category::kWeekday:
    case Category::kRelativeDate:
    case Category::kDateQualifier:
    case Category::kDateMarker:
    case Category::kEra:
    case Category::kTargetPrep:
    case Category::kSincePrep:
    case Category::kLocationPrep:
      return true;
    default:
      return false;
  }
}

// The phrase's folded words, tokenized as the text will be, with a leading or
// trailing '*' carried over to the first or last word.
std::vector<std::string> phrase_words(std::string_view phrase, std::string_view lang) {
  bool leading = !phrase.empty() && phrase.front() == '*';
  bool trailing = phrase.size() > 1 && phrase.back() == '*';
  if (leading) phrase.remove_prefix(1);
  if (trailing) phrase.remove_suffix(1);
  std::vector<std::string> words;
  // "..." between words is a gap (phrase_matcher.h): the parts around it are
  // tokenized apart.
  for (std::size_t from = 0; from <= phrase.size();) {
    std::size_t gap = phrase.find(kGapWord, from);
    std::string_view part = phrase.substr(from, gap == std::string_view::npos ? std::string_view::npos : gap - from);
    for (const text::Token& t : text::tokenize(part, lang)) words.push_back(t.folded);
    if (gap == std::string_view::npos) break;
    if (words.empty() || words.back() == kGapWord) return {};
    words.emplace_back(kGapWord);
    from = gap + kGapWord.size();
  }
  if (words.empty() || words.back() == kGapWord) return {};
  if (leading) words.front().insert(0, "*");
  if (trailing) words.back().push_back('*');
  return words;
}

}  // namespace

std::string_view category_name(Category c) { return kCategoryNames[static_cast<std::size_t>(c)]; }

Result<std::unique_ptr<Lexicon>> Lexicon::load(const std::filesystem::path& data_dir,
                                               const Gazetteer& gazetteer) {
  auto lex = std::make_unique<Lexicon>();
  lex->gazetteer_ = &gazetteer;
  const auto root = data_dir / "lexicon";
  std::error_code ec;
  if (!std::filesystem::is_directory(root, ec)) {
    return Status::not_found(root.string() + ": lexicon folder missing (set PACTUM_DATA to pactum's data/)");
  }
  // Rows first, per language folder; matchers are compiled once all rows are
  // known so that payload indexes are final.
  std::vector<std::filesystem::path> lang_dirs;
  for (const auto& entry : std::filesystem::directory_iterator(root, ec)) {
    if (entry.is_directory()) lang_dirs.push_back(entry.path());
  }
  std::sort(lang_dirs.begin(), lang_dirs.end());
  struct Row { std::string lang; std::size_t entry; std::string phrase; std::string where; };
  std::vector<Row> rows;
  for (const auto& dir : lang_dirs) {
    std::string lang = dir.filename().string();
    std::vector<std::filesystem::path> files;
    for (const auto& f : std::filesystem::directory_iterator(dir, ec)) {
      if (f.path().extension() == ".tsv") files.push_back(f.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
      if (file.stem() == "name_part") {
        auto tsv = read_tsv(file);
        if (!tsv.is_ok()) return tsv.status();
        for (const TsvRow& r : *tsv) {
          if (r.fields.size() < 2 || r.at(0).empty() || r.at(1).empty()) {
            return Status::invalid_argument(file.string() + ":" + std::to_string(r.line) +
                                            ": expected 'latin<TAB>katakana[<TAB>countries]'");
          }
          NamePart part{r.at(0), {}};
          if (!r.at(2).empty()) {
            for (std::string_view country : split(r.at(2), ',')) part.countries.emplace_back(country);
          }
          lex->name_parts_[lang + "\t" + r.at(1)].push_back(std::move(part));
        }
        continue;
      }
      if (file.stem() == "org_word") {
        auto tsv = read_tsv(file);
        if (!tsv.is_ok()) return tsv.status();
        auto& words = lex->org_words_[lang];
        for (const TsvRow& r : *tsv) {
          if (r.fields.size() != 2 || r.at(0).empty() || r.at(1).empty()) {
            return Status::invalid_argument(file.string() + ":" + std::to_string(r.line) +
                                            ": expected 'english<TAB>phrase'");
          }
          std::string key;
          std::size_t n = 0;
          for (const text::Token& t : text::tokenize(r.at(1), lang)) {
            if (n++ > 0) key.push_back(' ');
            key += t.folded;
          }
          if (n == 0) {
            return Status::invalid_argument(file.string() + ":" + std::to_string(r.line) + ": empty phrase");
          }
          words.longest = std::max(words.longest, n);
          words.english.emplace(std::move(key), r.at(0));
        }
        continue;
      }
      if (file.stem() == "name_case") {
        auto tsv = read_tsv(file);
        if (!tsv.is_ok()) return tsv.status();
        auto& forms = lex->name_cases_[lang];
        for (const TsvRow& r : *tsv) {
          const std::string at = file.string() + ":" + std::to_string(r.line);
          if (r.at(0) == "governs") {
            if (r.fields.size() != 3 || r.at(1).empty() || r.at(2).empty()) {
              return Status::invalid_argument(at + ": expected 'governs<TAB>case<TAB>word'");
            }
            lex->case_governors_[lang].push_back({r.at(1), text::fold(r.at(2))});
            continue;
          }
          // The nominative ending may be empty ("Tuska" is Tusk's).
          if (r.fields.size() < 2 || r.fields.size() > 3 || r.at(0).empty() || r.at(1).empty()) {
            return Status::invalid_argument(at + ": expected 'case<TAB>written ending<TAB>nominative ending'");
          }
          forms.push_back({r.at(0), r.at(1), r.fields.size() > 2 ? r.at(2) : ""});
        }
        // Longest written ending first: the first that fits is the one.
        std::stable_sort(forms.begin(), forms.end(),
                         [](const NameCase& a, const NameCase& b) { return a.written.size() > b.written.size(); });
        continue;
      }
      Category cat = Category::kCount;
      if (!category_from_name(file.stem().string(), &cat)) {
        return Status::invalid_argument(file.string() + ": unknown lexicon category '" +
                                        file.stem().string() + "'");
      }
      auto tsv = read_tsv(file);
      if (!tsv.is_ok()) return tsv.status();
      for (const TsvRow& r : *tsv) {
        if (r.fields.size() < 2 || r.at(0).empty() || r.at(1).empty()) {
          return Status::invalid_argument(file.string() + ":" + std::to_string(r.line) +
                                          ": expected 'label<TAB>phrase'");
        }
        lex->entries_.push_back({cat, r.at(0)});
        lex->phrases_.push_back({cat, r.at(0), lang, r.at(1)});
        if (cat == Category::kPersonName) lex->person_names_.emplace(lang + "\t" + r.at(1), r.at(0));
        rows.push_back({lang, lex->entries_.size() - 1, r.at(1),
                        file.string() + ":" + std::to_string(r.line)});
      }
    }
    if (lang != "xx") lex->languages_[lang];
  }
  lex->languages_["xx"];
  lex->languages_["en"];  // the fallback for languages without rules

  for (auto& [lang, language] : lex->languages_) {
    for (const Row& row : rows) {
      if (row.lang != lang && row.lang != "xx") continue;
      auto words = phrase_words(row.phrase, lang);
      if (!language.matcher.add(words, static_cast<std::uint32_t>(row.entry))) {
        return Status::invalid_argument(row.where + ": phrase '" + row.phrase +
                                        "' is empty or its wildcard stem is too short");
      }
      const Category cat = lex->entries_[row.entry].category;
      if (cat == Category::kChrome || cat == Category::kEra || cat == Category::kMonth) {
        language.openings.push_back(words.front());
      }
      if (reads_chrome_and_dates(cat)) language.chrome_and_dates.add(words, static_cast<std::uint32_t>(row.entry));
      if (cat == Category::kChrome || cat == Category::kMonth || cat == Category::kWeekday ||
          cat == Category::kRelativeDate || cat == Category::kTargetPrep || cat == Category::kSincePrep ||
          cat == Category::kDateQualifier || cat == Category::kDateMarker || cat == Category::kEra) {
        const std::string& first = words.front();
        if (first.size() > 1 && first.back() == '*') {
          language.chrome_date_prefixes.push_back(first.substr(0, first.size() - 1));
        } else if (first.size() > 1 && first.front() == '*') {
          language.chrome_date_suffixes.push_back(first.substr(1));
        } else {
          language.chrome_date_words.push_back(first);
        }
      }
    }
    std::sort(language.chrome_date_words.begin(), language.chrome_date_words.end());
    language.code = lang;
  }
  // Every capitalised word of a text asks foreign_org_head; one hash lookup
  // instead of one ordered-map search per language (it was 8 % of English
  // extraction). Languages in code order, as org_words_ iterates them.
  for (const auto& [lang, words] : lex->org_words_) {
    for (const auto& [folded, label] : words.english) {
      if (label != "of" && !label.starts_with('+')) lex->foreign_heads_[folded].push_back(lang);
    }
  }
  return lex;
}

std::vector<std::string> Lexicon::languages() const {
  std::vector<std::string> out;
  for (const auto& [lang, _] : languages_) {
    if (lang != "xx") out.push_back(lang);
  }
  return out;
}

bool Lexicon::has_language(std::string_view lang) const {
  return lang != "xx" && languages_.find(lang) != languages_.end();
}

const std::string* Lexicon::org_word(std::string_view lang, std::string_view folded_words) const {
  auto it = org_words_.find(lang);
  if (it == org_words_.end()) return nullptr;
  auto w = it->second.english.find(folded_words);
  return w == it->second.english.end() ? nullptr : &w->second;
}

std::string_view Lexicon::foreign_org_head(std::string_view lang, std::string_view folded_words) const {
  auto heads = foreign_heads_.find(folded_words);
  if (heads == foreign_heads_.end() || org_word(lang, folded_words) != nullptr) return {};
  for (const std::string& other : heads->second) {
    if (other != lang) return other;
  }
  return {};
}

std::size_t Lexicon::org_word_longest(std::string_view lang) const {
  auto it = org_words_.find(lang);
  return it == org_words_.end() ? 0 : it->second.longest;
}

const std::string* Lexicon::person_name(std::string_view lang, std::string_view written) const {
  std::string key;
  key.reserve(lang.size() + 1 + written.size());
  key.append(lang).push_back('\t');
  key.append(written);
  auto it = person_names_.find(key);
  return it == person_names_.end() ? nullptr : &it->second;
}

const std::vector<Lexicon::NameCase>& Lexicon::name_cases(std::string_view lang) const {
  static const std::vector<NameCase> kNone;
  auto it = name_cases_.find(lang);
  return it == name_cases_.end() ? kNone : it->second;
}

std::string_view Lexicon::case_governed_by(std::string_view lang, std::string_view folded_word) const {
  auto it = case_governors_.find(lang);
  if (it == case_governors_.end()) return {};
  for (const CaseGovernor& g : it->second) {
    if (g.folded_word == folded_word) return g.grammatical_case;
  }
  return {};
}

const std::string* Lexicon::name_part(std::string_view lang, std::string_view written,
                                      std::string_view country) const {
  std::string key;
  key.reserve(lang.size() + 1 + written.size());
  key.append(lang).push_back('\t');
  key.append(written);
  auto it = name_parts_.find(key);
  if (it == name_parts_.end()) return nullptr;
  const NamePart* anywhere = nullptr;
  for (const NamePart& p : it->second) {
    if (!country.empty() && std::find(p.countries.begin(), p.countries.end(), country) != p.countries.end()) {
      return &p.latin;
    }
    if (p.countries.empty() && !anywhere) anywhere = &p;
  }
  return anywhere ? &anywhere->latin : &it->second.front().latin;
}

std::string Lexicon::nominative(std::string_view lang, std::string_view grammatical_case, std::string_view word) const {
  for (const NameCase& c : name_cases(lang)) {
    if (c.grammatical_case != grammatical_case || !c.fits(word)) continue;
    return c.nominative_of(word);
  }
  return std::string(word);
}

const Lexicon::Language* Lexicon::language(std::string_view lang) const {
  const Language* found = find_language(lang);
  if (found->names_ready.load(std::memory_order_acquire)) return found;
  std::call_once(found->names_once, [&] {
    const auto n_entries = static_cast<std::uint32_t>(entries_.size());
    const auto& aliases = gazetteer_->aliases();
    for (std::size_t i = 0; i < aliases.size(); ++i) {
      const Alias& a = aliases[i];
      if (!a.lang.empty() && a.lang != found->code) continue;
      auto words = phrase_words(a.surface, found->code);
      if (!words.empty()) found->matcher.add(words, n_entries + static_cast<std::uint32_t>(i));
    }
    found->names_ready.store(true, std::memory_order_release);
  });
  return found;
}

bool Lexicon::may_open_chrome_or_date(std::string_view lang, std::string_view word) const {
  const Language* l = find_language(lang);
  if (std::binary_search(l->chrome_date_words.begin(), l->chrome_date_words.end(), word, std::less<>())) return true;
  for (const std::string& stem : l->chrome_date_prefixes) {
    if (word.starts_with(stem)) return true;
  }
  for (const std::string& stem : l->chrome_date_suffixes) {
    if (word.ends_with(stem)) return true;
  }
  return false;
}

const Lexicon::Language* Lexicon::find_language(std::string_view lang) const {
  if (auto it = languages_.find(lang); it != languages_.end()) return &it->second;
  return &languages_.find(std::string_view("en"))->second;
}

std::vector<Mention> Lexicon::find_chrome_and_dates(std::string_view lang,
                                                    const std::vector<text::Token>& tokens) const {
  std::vector<Mention> out;
  const std::vector<PhraseMatch> matches = find_language(lang)->chrome_and_dates.find(tokens);
  out.reserve(matches.size());
  for (const PhraseMatch& m : matches) out.push_back({m.first_token, m.end_token, &entries_[m.payload], nullptr});
  return out;
}

std::vector<Mention> Lexicon::find(std::string_view lang, std::string_view text,
                                   const std::vector<text::Token>& tokens) const {
  std::vector<Mention> out;
  const auto n_entries = entries_.size();
  const std::vector<PhraseMatch> matches = language(lang)->matcher.find(tokens);
  out.reserve(matches.size());
  for (const PhraseMatch& m : matches) {
    Mention mention{m.first_token, m.end_token, nullptr, nullptr};
    if (m.payload < n_entries) {
      mention.entry = &entries_[m.payload];
    } else {
      const Alias& a = gazetteer_->aliases()[m.payload - n_entries];
      if (a.case_sensitive) {
        auto begin = tokens[m.first_token].span.begin, end = tokens[m.end_token - 1].span.end;
        if (text.substr(begin, end - begin) != a.surface) continue;
      }
      mention.alias = &a;
    }
    out.push_back(mention);
  }
  return out;
}

Result<std::unique_ptr<LexiconWithGazetteer>> load_lexicon_with_gazetteer(const std::filesystem::path& data_dir) {
  auto out = std::make_unique<LexiconWithGazetteer>();
  auto gazetteer = Gazetteer::load(data_dir);
  if (!gazetteer.is_ok()) return gazetteer.status();
  out->gazetteer = std::move(*gazetteer);
  auto lexicon = Lexicon::load(data_dir, out->gazetteer);
  if (!lexicon.is_ok()) return lexicon.status();
  out->lexicon = std::move(*lexicon);
  return out;
}

}  // namespace pactum::extract
