// The lexicon: every word and phrase the extractor reacts to, per language,
// loaded from data/lexicon/<lang>/<category>.tsv (rows "label<TAB>phrase";
// the folder "xx" holds phrases used in every language). Actor names from the
// gazetteer are compiled into the same per-language matcher, so one pass over
// a sentence's tokens finds triggers, sectors, dates words and actors alike.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/hash.h"
#include "common/status.h"
#include "extract/gazetteer.h"
#include "extract/phrase_matcher.h"

namespace pactum::extract {

// What a lexicon row means; one data file per category.
enum class Category : std::uint8_t {
  kInstrument,     // label: instrument id ("memorandum_of_understanding"), or "no_act" (kNoActLabel: a named
                   // treaty the parties only refer to, "the Paris Agreement": hides the instrument word inside it)
  kStage,          // label: stage id ("signed", "renewed", ...)
  kSector,         // label: sector id, or "framing" (kFramingLabel: climate_environment only where no other sector is named),
                   // or "no_sector" (kNoSectorLabel: hides the sector word inside it)
  kRole,           // label: English role ("minister of trade and industry")
  kSpeech,         // label: "after" (", says X") or "before" ("X says:"), or "lead" (opening the sentence
                   // before a name and a comma: "Pour X, ..." is X's view)
  kMonth,          // label: 1..12
  kWeekday,        // label: 1..7 (Monday = 1)
  kRelativeDate,   // label: today | yesterday | this_year | last_year | next_year | this_month | last_month,
                   // same_year | same_month | same_day (the date named last in the sentence: "同年9月"),
                   // last_season:M (the year of the last season around month M before publication: "last summer" 7)
                   // season:M (the year of the season around month M to come or under way: "à l'automne" 10)
                   // last_week (the month of the week before publication's, its year if it spans two months)
  kDateQualifier,  // label: early | mid | late (for "Anfang 2021", "late 2023")
  kChrome,         // label: end (the article ends here) | line (drop this line)
  kLocationPrep,   // label: in (a place named after it is a venue, not a party); at (anything after it is);
                   // in_post, at_post (postpositions: the place before it, "ブリュッセルにおいて")
                   // term ("presidency": a group named next to it is the forum of a country's term, no party)
                   // presence ("en présence de": people named after it, to the next comma, witness the act and
                   // do not sign it); presence_post ("til stede": those in the clause before it);
                   // visit ("bei einem Besuch von": the one person named first after it, the guest);
                   // visit_post ("Moon Jae-ins besøk": the one named last before it)
  kTargetPrep,     // label: by (a year after it is a goal, not an event date); by_post (one before it: "2030年までに")
  kSincePrep,      // label: since (the cooperation is ongoing since then); since_post (after the date: "2014年以来")
  kGroupRef,       // label: pair ("the two sides", "beide Seiten", "begge land"); pair:KIND (two parties of that
                   // kind: "beide regio's" pair:region, the last act all of whose sides are of it, else the main actors of
                   // it; never a main actor of another kind; KIND+KIND: either, "両港" pair:organization+city);
                   // another (before an instrument: "a second"), another_post (after it: "共同声明も")
  kCooperation,    // label: cooperation (generic cooperation words)
  kAgreeVerb,      // label: agree ("agreed", "enige", "vereinbart")
  kPersonTitle,    // label: honorific that precedes a name ("Mr", "Dr", "H.K.H.")
  kHedge,          // label: the act did not happen ("not", "ikke", "kein")
  kOrgHead,        // label: org (a word that makes a capitalised name an organization: "Cluster", "Alliance");
                   // legal (a legal form: "AS", "GmbH"; the name without it names the same organization);
                   // link (joins a head word to the rest of its name: "di" in "Politecnico di Torino");
                   // place:NAME (a body every city may have, before cities: "the ports of Antwerp and
                   // Gothenburg" are "Port of Antwerp", "Port of Gothenburg"; NAME is its English head)
  kSelfRef,        // label: self (the document's own government: "die Landesregierung", "regjeringen", "fylkeskommunen"); organization (a company's own: "当社")
  kConjunction,    // label: and ("and", "og", "und", "sowie": joins parties; an attribute never stands across one)
  kGovernment,     // label: gov (after a demonym names the state itself: "the Japanese government", "norske myndigheter")
  kDeterminer,     // label: det (an article: "the", "die", "le"; not the first word of a name);
                   // several (a word for more than one before an instrument, "des", "several": acts, one
                   // with each partner, not one act of them all)
  kDateMarker,     // label: year | month | day (a number before it is that field: "2023年12月8日"),
                   // year_one (an era's first year: "元年"), link (joins a relative year to a month: "今年の10月")
  kEra,            // label: the Gregorian year of the era's year 0 ("令和" 2018: 令和5年 = 2023)
  kRelative,       // label: rel (a relative pronoun after a comma opens a clause about what was named before it:
                   // "H2Med, que impulsan España, Francia y Portugal")
  kPersonName,     // label: a person's name as the contract writes it, in Latin letters, for a form written in
                   // another script ("ノイバウアー" Neubaur): public office holders whose spelling no reading gives
  kCount
};

std::string_view category_name(Category c);

// The sector label of a framing phrase ("the green transition", "det grønne
// skiftet"): why an act is made, not what it is about. Analysts keep the
// specific sectors (SCHEMA.md): it makes an act climate_environment only
// when its sentence names no other sector.
inline constexpr std::string_view kFramingLabel = "framing";

// The sector label of a phrase that holds a sector word but names no sector
// of an act ("the nuclear accident of 2011", "原発事故": an event told as
// background): being the longer phrase, it hides the word inside it.
inline constexpr std::string_view kNoSectorLabel = "no_sector";

// The instrument label of a phrase that holds an instrument word but names
// no act of the parties ("the Paris Agreement", "el Acuerdo de París": a
// treaty of many states the text refers to): being the longer phrase, it
// hides the word inside it, and names in it ("Paris") are no parties.
inline constexpr std::string_view kNoActLabel = "no_act";

struct LexiconEntry {
  Category category;
  Label label;
};

// A match resolved against the lexicon or the gazetteer.
struct Mention {
  std::uint32_t first_token = 0, end_token = 0;
  const LexiconEntry* entry = nullptr;  // set for lexicon matches
  const Alias* alias = nullptr;         // set for actor matches
};

// A lexicon row as written in its data file (phrase unfolded, '*' kept), for
// those who need the words themselves: search expands a sector named in a
// query into the sector's phrases in every language.
struct LexiconPhrase {
  Category category;
  std::string label;
  std::string lang;    // the folder: ISO 639-1, or "xx"
  std::string phrase;
};

class Lexicon {
 public:
  // Loads every language folder under data_dir/lexicon and compiles the
  // gazetteer's aliases into each language's matcher.
  static Result<std::unique_ptr<Lexicon>> load(const std::filesystem::path& data_dir,
                                               const Gazetteer& gazetteer);

  // Languages with a folder of their own (not "xx").
  std::vector<std::string> languages() const;
  bool has_language(std::string_view lang) const;

  // All mentions in tokens for lang (falls back to "en" rules for a language
  // without a folder, plus "xx"). Actor mentions that need capitals ("US")
  // are checked against text, the string the tokens' spans point into.
  std::vector<Mention> find(std::string_view lang, std::string_view text,
                            const std::vector<text::Token>& tokens) const;

  // What find() gives of the chrome rows and of the rows dates are read
  // with (month, weekday, relative date, date qualifier and marker, era,
  // target, since and location prepositions), in the same order, from a
  // matcher of those rows alone: the opening of every line of every
  // document is read for a chrome phrase or a dateline (layout.cc), and
  // needs neither the other rows nor the gazetteer's names.
  std::vector<Mention> find_chrome_and_dates(std::string_view lang, const std::vector<text::Token>& tokens) const;

  const Gazetteer& gazetteer() const { return *gazetteer_; }
  // The compiled matcher find() uses for lang (for benchmarks and tests).
  const PhraseMatcher& matcher(std::string_view lang) const { return language(lang)->matcher; }

  // Every row of every language folder, in load order.
  const std::vector<LexiconPhrase>& phrases() const { return phrases_; }

  // The folded first words ('*' kept) of lang's chrome, era and month
  // phrases (with "xx"): a line whose first token is none of them opens with
  // no chrome and with no date that is not a number (layout.cc).
  const std::vector<std::string>& opening_words(std::string_view lang) const {
    return find_language(lang)->openings;
  }

  // Whether a chrome or date phrase of lang (chrome, month, weekday,
  // relative date, target or since preposition, date qualifier or marker,
  // era; with "xx") could start at a token folded to word: its first word
  // is word, or a wildcard stem word starts or ends with. A line whose first
  // token is none of them, and no number, opens with no chrome and no date
  // (layout.cc skips matching its opening).
  bool may_open_chrome_or_date(std::string_view lang, std::string_view word) const;

  // The label of lang's person_name row whose phrase is exactly written
  // ("ミーガン・ウッズ": "Megan Woods"), or nullptr. MeCab cuts a foreign
  // name in running text otherwise than alone (ミー|ガン), so the phrase
  // matcher can miss a row the text spells out.
  const std::string* person_name(std::string_view lang, std::string_view written) const;

  // The Latin form of one part of a foreign name as lang writes it
  // (name_part.tsv: "ヨハン"), for a person of country (ISO 3166-1, "" if
  // unknown): the row listing country, else the row listing none, else the
  // first; nullptr if no row has the part. Not matched in text (a part is
  // no lexicon word: it must not block the name it stands in).
  const std::string* name_part(std::string_view lang, std::string_view written, std::string_view country) const;

  // org_word.tsv: the English of the words an organization's name is built
  // from ("universitetet": "University of"; "i": "of"; "tekniska högskola":
  // "University of Technology"), rows "english<TAB>phrase". A label ending
  // in " of" is a head the place it belongs to follows in English ("Port
  // of" Stavanger); "of" alone is a link word. folded_words: the phrase's
  // tokens folded, joined by one space; nullptr if no row has it. Not
  // matched in text: org_english.h renders a name the rules found.
  const std::string* org_word(std::string_view lang, std::string_view folded_words) const;
  // The most tokens a row of lang's org_word.tsv has (0: no table).
  std::size_t org_word_longest(std::string_view lang) const;
  // The language, other than lang, whose org_word.tsv has folded_words as a
  // head (a row that is not a link word): "universidad" in a Swedish text
  // is Spanish. Empty when lang's own table has it, or no table does.
  std::string_view foreign_org_head(std::string_view lang, std::string_view folded_words) const;

  // name_case.tsv: how lang writes a person's name in a grammatical case.
  // A row "case<TAB>written<TAB>nominative" gives the ending a word of a
  // name has in that case and the one it has in the nominative ("gen sen
  // nen": Virtasen is Virtanen's; "gen a" with none: Tuska is Tusk's);
  // name_cases() lists them longest written ending first. A row
  // "governs<TAB>case<TAB>word" names a word a name in that case stands
  // before ("mukaan", according to, after a genitive). A role row's label
  // names the case a name after it is written in ("prime minister@gen").
  // Not matched in text. Empty for a language without the file.
  struct NameCase {
    std::string grammatical_case, written, nominative;
    // The word ends so, with a stem of two bytes or more left.
    bool fits(std::string_view word) const {
      return word.size() >= written.size() + 2 && word.ends_with(written);
    }
    std::string nominative_of(std::string_view word) const {
      return std::string(word.substr(0, word.size() - written.size())) + nominative;
    }
  };
  const std::vector<NameCase>& name_cases(std::string_view lang) const;
  // The case a name before this word is written in ("" for most words).
  std::string_view case_governed_by(std::string_view lang, std::string_view folded_word) const;
  // A word of a name in a case other than the nominative ("Donalda" after
  // "premiera", a genitive role) in the nominative ("Donald"), by the
  // longest ending of that case the word has; the word itself where none fits.
  std::string nominative(std::string_view lang, std::string_view grammatical_case, std::string_view word) const;

 private:
  // A language's matcher holds its rows from load(); the gazetteer's
  // thousands of names are compiled in on first use, so a process that
  // reads two languages does not pay for eleven (once guards it: find() is
  // called from many threads).
  struct Language {
    std::string code;
    mutable PhraseMatcher matcher;
    PhraseMatcher chrome_and_dates;     // see find_chrome_and_dates()
    std::vector<std::string> openings;  // see opening_words()
    // See may_open_chrome_or_date(): first words (sorted), and the stems of
    // those with a trailing or a leading '*'.
    std::vector<std::string> chrome_date_words, chrome_date_prefixes, chrome_date_suffixes;
    mutable std::once_flag names_once;
    // Set once the names are in: find() then skips call_once (whose
    // bookkeeping cost more than matching a short Japanese line).
    mutable std::atomic<bool> names_ready{false};
  };
  const Language* language(std::string_view lang) const;       // compiled, names included
  const Language* find_language(std::string_view lang) const;  // as loaded

  const Gazetteer* gazetteer_ = nullptr;
  std::vector<LexiconEntry> entries_;  // payloads below entries_.size() index here
  std::map<std::string, Language, std::less<>> languages_;
  std::vector<LexiconPhrase> phrases_;
  std::map<std::string, std::string, std::less<>> person_names_;  // "lang\tphrase" -> label
  struct NamePart {
    std::string latin;
    std::vector<std::string> countries;  // empty: anywhere
  };
  std::map<std::string, std::vector<NamePart>, std::less<>> name_parts_;  // "lang\tphrase" -> rows in file order
  struct CaseGovernor {
    std::string grammatical_case, folded_word;
  };
  struct OrgWords {
    std::map<std::string, std::string, std::less<>> english;  // folded words -> label
    std::size_t longest = 0;
  };
  std::map<std::string, OrgWords, std::less<>> org_words_;  // lang -> rows
  // folded head word (no link, no field word) -> the languages whose org_word.tsv has it
  std::unordered_map<std::string, std::vector<std::string>, StringViewHash, std::equal_to<>> foreign_heads_;
  std::map<std::string, std::vector<NameCase>, std::less<>> name_cases_;  // lang -> rows, longest written first
  std::map<std::string, std::vector<CaseGovernor>, std::less<>> case_governors_;  // lang -> rows
};

// A lexicon with the gazetteer it was compiled from, loaded together from
// data_dir, for stages that read the lexicon without an extractor (search,
// match). The lexicon refers to the gazetteer: they live and die together.
struct LexiconWithGazetteer {
  Gazetteer gazetteer;
  std::unique_ptr<Lexicon> lexicon;
};
Result<std::unique_ptr<LexiconWithGazetteer>> load_lexicon_with_gazetteer(const std::filesystem::path& data_dir);

}  // namespace pactum::extract
