// pactum_bench: per-stage throughput of the pipeline on a generated corpus,
// each stage beside its natural baseline measured in the same run (memory
// bandwidth, the library alone, a bare SQLite FTS5 insert), then ingest
// scaling and peak RSS of `pactum ingest` on a large JSONL. Prints one table.
//
// Every row also checks its answer: counts must agree between a stage and
// its baseline where they measure the same thing (tokens, documents stored,
// events stored by 1 and 2 threads), and the extraction counts must equal
// those recorded in bench/expected.tsv for the seed and size (a fast wrong
// run fails). Exit status 1 when a check fails.
#include <cstdio>  // before CLD2's header, which needs size_t

#include <cld2/public/compact_lang_det.h>
#include <gumbo.h>
#include <hs/hs.h>
#include <mecab.h>
#include <sqlite3.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unicode/brkiter.h>
#include <unicode/utext.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>
#include <thread>

#include "api/ingest_service.h"
#include "bench/corpus.h"
#include "common/files.h"
#include "extract/analysis.h"
#include "extract/dates.h"
#include "extract/extractor.h"
#include "extract/gazetteer.h"
#include "extract/lexicon.h"
#include "ingest/reader.h"
#include "store/store.h"
#include "text/language.h"
#include "text/normalize.h"
#include "text/segment.h"

namespace pactum::bench {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct Config {
  fs::path data_dir, out_dir;
  std::vector<fs::path> sample_dirs;
  std::uint64_t seed = 1;
  double mb = 2.0;          // stage corpus, all languages together
  double rss_mb = 16.0;     // JSONL for the peak-RSS and CLI scaling runs (0: skip)
  double long_mb = 50.0;    // one document of repeated sentences, per language (0: skip)
  int reps = 3;
  std::string pactum_bin;   // for the RSS run
  fs::path expected_file;
  bool record = false;      // write the extraction counts to expected_file
  bool golden = true;       // compare with expected_file
};

// One line of the table.
struct Row {
  std::string stage, lang;
  double bytes = 0, docs = 0, secs = 0;
  std::string base_name;
  double base_bytes = 0, base_secs = 0;
  std::string check;
  bool ok = true;
  std::string note;
};

std::vector<Row> g_rows;
bool g_failed = false;

void add_row(Row r) {
  if (!r.ok) g_failed = true;
  g_rows.push_back(std::move(r));
}

// Seconds of CPU time of the calling thread: on a machine shared with other
// work, a single-threaded stage's cost is its CPU time, not the wall time it
// happened to wait for a core.
double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}
double wall_seconds() { return std::chrono::duration<double>(Clock::now().time_since_epoch()).count(); }

// The best of reps runs (the least disturbed by other load on the machine),
// in thread CPU time unless `wall`. f returns a count; every run must return
// the same one.
template <class F>
double best_of(int reps, F&& f, std::uint64_t* count, bool wall = false) {
  double best = 1e300;
  for (int r = 0; r < reps; ++r) {
    double t0 = wall ? wall_seconds() : thread_cpu_seconds();
    std::uint64_t c = f();
    double s = (wall ? wall_seconds() : thread_cpu_seconds()) - t0;
    best = std::min(best, s);
    if (r == 0) *count = c;
    else if (c != *count) {
      std::cerr << "bench: a stage gave " << c << " then " << *count << ": not deterministic\n";
      g_failed = true;
    }
  }
  return best;
}

std::string fmt(double v, int precision = 1) {
  std::ostringstream o;
  o << std::fixed << std::setprecision(precision) << v;
  return o.str();
}

// --- Prepared input -----------------------------------------------------

struct Sentence {
  text::Span span;
  std::vector<text::Token> tokens;  // spans in the document
  std::vector<extract::Mention> mentions;
};

struct LangSet {
  std::string lang;
  std::vector<ingest::Document> docs;  // read through ingest (NFC, hash)
  std::vector<std::string> html;       // the same documents as press pages
  std::vector<std::string> folded;     // fold() of each text (vectorscan's input)
  std::vector<std::vector<Sentence>> sentences;
  std::size_t bytes = 0;
};

// --- Baselines ------------------------------------------------------------

std::uint64_t memcpy_pass(const std::vector<ingest::Document>& docs, std::vector<char>& buffer) {
  std::uint64_t sum = 0;
  for (const auto& d : docs) {
    if (buffer.size() < d.text.size()) buffer.resize(d.text.size());
    std::memcpy(buffer.data(), d.text.data(), d.text.size());
    sum += static_cast<unsigned char>(buffer[d.text.size() / 2]);
  }
  // The sum is the answer; without using it the copy could be dropped.
  asm volatile("" : : "r"(sum) : "memory");
  return docs.size();
}

std::uint64_t icu_words(const std::string& text, icu::BreakIterator* it) {
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  it->setText(ut, status);
  std::uint64_t n = 0;
  it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; end = it->next()) {
    if (it->getRuleStatus() >= UBRK_WORD_NONE_LIMIT) ++n;
  }
  utext_close(ut);
  return n;
}

int on_hs_match(unsigned int, unsigned long long, unsigned long long, unsigned int, void* ctx) {
  ++*static_cast<std::uint64_t*>(ctx);
  return 0;
}

// A bare SQLite table (optionally FTS5) with the store's pragmas, one
// transaction per document as the store writes them.
struct BareDb {
  sqlite3* db = nullptr;
  sqlite3_stmt* insert = nullptr;
  BareDb(const fs::path& path, bool fts) {
    fs::remove(path);
    fs::remove(path.string() + "-wal");
    fs::remove(path.string() + "-shm");
    sqlite3_open(path.c_str(), &db);
    sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", nullptr, nullptr, nullptr);
    if (fts) {
      sqlite3_exec(db, "CREATE VIRTUAL TABLE docs USING fts5(title, text)", nullptr, nullptr, nullptr);
      sqlite3_prepare_v2(db, "INSERT INTO docs(title, text) VALUES (?1, ?2)", -1, &insert, nullptr);
    } else {
      sqlite3_exec(db, "CREATE TABLE docs(id INTEGER PRIMARY KEY, hash TEXT UNIQUE, title TEXT, text TEXT)",
                   nullptr, nullptr, nullptr);
      sqlite3_prepare_v2(db, "INSERT INTO docs(hash, title, text) VALUES (?3, ?1, ?2)", -1, &insert, nullptr);
    }
  }
  ~BareDb() {
    sqlite3_finalize(insert);
    sqlite3_close(db);
  }
  // batch documents per transaction (the store writes one).
  std::uint64_t put_all(const std::vector<const ingest::Document*>& docs, std::size_t batch = 1) {
    std::uint64_t n = 0;
    for (std::size_t i = 0; i < docs.size(); ++i) {
      const ingest::Document* d = docs[i];
      if (i % batch == 0) sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
      sqlite3_bind_text(insert, 1, d->title.data(), static_cast<int>(d->title.size()), SQLITE_STATIC);
      sqlite3_bind_text(insert, 2, d->text.data(), static_cast<int>(d->text.size()), SQLITE_STATIC);
      if (sqlite3_bind_parameter_count(insert) >= 3) {
        sqlite3_bind_text(insert, 3, d->content_hash.data(), static_cast<int>(d->content_hash.size()), SQLITE_STATIC);
      }
      if (sqlite3_step(insert) == SQLITE_DONE) ++n;
      sqlite3_reset(insert);
      if ((i + 1) % batch == 0 || i + 1 == docs.size()) sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    }
    return n;
  }
};

void remove_db(const fs::path& p) {
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(p.string() + suffix);
}

// Writes extracted documents into a new store as the ingest writes them:
// put_batch of kDocumentsPerTransaction. `prepared` null: the store
// prepares each document (MinHash, index text) itself, under its lock; else
// as done ahead on the extraction threads. Returns how many were stored.
std::uint64_t put_in_batches(const fs::path& path, const std::vector<const ingest::Document*>& docs,
                             const std::vector<extract::Extraction>& extractions,
                             const std::vector<store::PreparedDocument>* prepared) {
  remove_db(path);
  auto store = store::open_sqlite(path);
  if (!store.is_ok()) return 0;
  std::uint64_t n = 0;
  for (std::size_t i = 0; i < docs.size(); i += api::kDocumentsPerTransaction) {
    std::vector<store::Store::PutItem> batch;
    for (std::size_t j = i; j < std::min(docs.size(), i + api::kDocumentsPerTransaction); ++j) {
      batch.push_back({docs[j], &extractions[j], prepared ? &(*prepared)[j] : nullptr});
    }
    auto r = (*store)->put_batch(batch);
    if (!r.is_ok()) return n;
    for (const auto& one : *r) n += one.is_ok() && *one == store::PutResult::kStored;
  }
  return n;
}

// --- Expected answers -------------------------------------------------------

std::string answer_key(const Config& c) {
  return std::to_string(c.seed) + "\t" + fmt(c.mb, 3);
}

std::map<std::string, std::uint64_t> load_expected(const Config& c) {
  std::map<std::string, std::uint64_t> out;
  std::ifstream in(c.expected_file);
  std::string line;
  const std::string prefix = answer_key(c) + "\t";
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#' || line.rfind(prefix, 0) != 0) continue;
    std::istringstream fields(line.substr(prefix.size()));
    std::string key;
    std::uint64_t value = 0;
    if (fields >> key >> value) out[key] = value;
  }
  return out;
}

void save_expected(const Config& c, const std::map<std::string, std::uint64_t>& answers) {
  std::vector<std::string> kept;
  {
    std::ifstream in(c.expected_file);
    std::string line;
    const std::string prefix = answer_key(c) + "\t";
    while (std::getline(in, line)) {
      if (line.rfind(prefix, 0) != 0) kept.push_back(line);
    }
  }
  if (kept.empty()) {
    kept.push_back("# pactum_bench's expected answers: seed<TAB>corpus MB<TAB>count<TAB>value.");
    kept.push_back("# Re-record after an intended change of the extraction rules: make bench ARGS=--record");
  }
  std::ofstream out(c.expected_file);
  for (const auto& l : kept) out << l << "\n";
  for (const auto& [k, v] : answers) out << answer_key(c) << "\t" << k << "\t" << v << "\n";
}

// --- The run ----------------------------------------------------------------

int run(const Config& cfg) {
  fs::create_directories(cfg.out_dir);
  auto pools = load_pools(cfg.sample_dirs);
  if (!pools.is_ok()) {
    std::cerr << "bench: " << pools.status().to_string() << "\n";
    return 2;
  }
  CorpusOptions copt;
  copt.seed = cfg.seed;
  copt.bytes = static_cast<std::size_t>(cfg.mb * 1e6);
  std::vector<CorpusDoc> corpus = generate_corpus(*pools, copt);

  std::cerr << "bench: loading the extractor...\n";
  auto gazetteer = extract::Gazetteer::load(cfg.data_dir);
  if (!gazetteer.is_ok()) {
    std::cerr << "bench: " << gazetteer.status().to_string() << "\n";
    return 2;
  }
  auto lexicon = extract::Lexicon::load(cfg.data_dir, *gazetteer);
  auto extractor = extract::Extractor::create(cfg.data_dir);
  if (!lexicon.is_ok() || !extractor.is_ok()) {
    std::cerr << "bench: cannot load the lexicon or extractor\n";
    return 2;
  }

  // Prepared per language, untimed.
  std::map<std::string, LangSet> sets;
  for (const CorpusDoc& cd : corpus) {
    LangSet& ls = sets[cd.lang];
    ls.lang = cd.lang;
    auto docs = ingest::read_bytes(cd.text, cd.name);
    if (!docs.is_ok()) {
      std::cerr << "bench: generated " << cd.name << " unreadable: " << docs.status().to_string() << "\n";
      return 2;
    }
    ls.bytes += (*docs)[0].text.size();
    ls.docs.push_back(std::move((*docs)[0]));
    ls.html.push_back(to_html(cd));
  }
  std::size_t total_bytes = 0, total_docs = 0;
  for (auto& [lang, ls] : sets) {
    total_bytes += ls.bytes;
    total_docs += ls.docs.size();
    for (const auto& d : ls.docs) {
      ls.folded.push_back(text::fold(d.text));
      std::vector<Sentence> sents;
      for (const text::Span& sp : text::split_sentences(d.text, lang)) {
        Sentence s;
        s.span = sp;
        s.tokens = text::tokenize(sp.of(d.text), lang);
        for (auto& t : s.tokens) {
          t.span.begin += sp.begin;
          t.span.end += sp.begin;
        }
        s.mentions = (*lexicon)->find(lang, d.text, s.tokens);
        sents.push_back(std::move(s));
      }
      ls.sentences.push_back(std::move(sents));
    }
  }
  std::cerr << "bench: corpus of " << total_docs << " documents, " << fmt(static_cast<double>(total_bytes) / 1e6, 2) << " MB in "
            << sets.size() << " languages (seed " << cfg.seed << ")\n";

  std::vector<char> buffer;
  std::map<std::string, std::uint64_t> answers;
  auto memcpy_secs = [&](const std::vector<ingest::Document>& docs) {
    std::uint64_t n = 0;
    return best_of(std::max(cfg.reps, 5), [&] { return memcpy_pass(docs, buffer); }, &n);
  };

  // 0. Reading the bytes.
  {
    std::vector<ingest::Document> all;
    for (auto& [lang, ls] : sets) all.insert(all.end(), ls.docs.begin(), ls.docs.end());
    double s = memcpy_secs(all);
    add_row({"read bytes (memcpy)", "all", double(total_bytes), double(total_docs), s, "-", 0, 0, "-", true, ""});
  }

  // 1. HTML to text, beside gumbo's parse alone.
  {
    std::vector<const std::string*> pages;
    std::size_t html_bytes = 0;
    std::vector<std::string> headlines;
    for (auto& [lang, ls] : sets) {
      for (std::size_t i = 0; i < ls.html.size(); ++i) {
        pages.push_back(&ls.html[i]);
        html_bytes += ls.html[i].size();
        headlines.push_back(ls.docs[i].text.substr(0, ls.docs[i].text.find('\n')));
      }
    }
    std::uint64_t found = 0, parsed = 0;
    double s = best_of(cfg.reps, [&] {
      std::uint64_t ok = 0;
      for (std::size_t i = 0; i < pages.size(); ++i) {
        auto docs = ingest::read_bytes(*pages[i], "page.html");
        if (docs.is_ok() && (docs->front().title == headlines[i] ||
                             docs->front().text.find(headlines[i]) != std::string::npos)) {
          ++ok;
        }
      }
      return ok;
    }, &found);
    double b = best_of(cfg.reps, [&] {
      std::uint64_t n = 0;
      for (const std::string* p : pages) {
        GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, p->data(), p->size());
        n += out->root != nullptr;
        gumbo_destroy_output(&kGumboDefaultOptions, out);
      }
      return n;
    }, &parsed);
    add_row({"HTML to text", "all", double(html_bytes), double(pages.size()), s, "gumbo parse alone",
             double(html_bytes), b, std::to_string(found) + "/" + std::to_string(pages.size()) + " headlines kept",
             found == pages.size() && parsed == pages.size(), ""});
  }

  for (auto& [lang, ls] : sets) {
    // 2. Language identification, beside CLD2 alone on the whole text.
    std::uint64_t right = 0, cld2_right = 0;
    double s = best_of(cfg.reps, [&] {
      std::uint64_t n = 0;
      for (const auto& d : ls.docs) n += text::identify_language(d.text).code == lang;
      return n;
    }, &right);
    double b = best_of(cfg.reps, [&] {
      std::uint64_t n = 0;
      for (const auto& d : ls.docs) {
        bool reliable = false;
        CLD2::Language l = CLD2::DetectLanguage(d.text.data(), static_cast<int>(d.text.size()), true, &reliable);
        std::string code = CLD2::LanguageCode(l);
        n += code == lang || (lang == "nb" && code == "no");
      }
      return n;
    }, &cld2_right);
    const double share = double(right) / double(ls.docs.size());
    add_row({"language id", lang, double(ls.bytes), double(ls.docs.size()), s, "CLD2 alone (whole text)",
             double(ls.bytes), b, fmt(100 * share, 0) + "% right (CLD2 alone " +
             fmt(100.0 * double(cld2_right) / double(ls.docs.size()), 0) + "%)", share >= 0.9, ""});
    answers["langid." + lang] = right;

    // 3. Sentences and tokens, beside ICU's word iterator (MeCab for ja) alone.
    std::uint64_t tokens = 0, lib_tokens = 0;
    s = best_of(cfg.reps, [&] {
      std::uint64_t n = 0;
      for (const auto& d : ls.docs) {
        for (const text::Span& sp : text::split_sentences(d.text, lang)) n += text::tokenize(sp.of(d.text), lang).size();
      }
      return n;
    }, &tokens);
    std::string lib_name;
    bool tokens_ok = true;
    if (lang == "ja") {
      lib_name = "MeCab alone (per line)";
      MeCab::Model* model = MeCab::createModel("-d /var/lib/mecab/dic/ipadic-utf8");
      std::unique_ptr<MeCab::Tagger> tagger(model ? model->createTagger() : nullptr);
      std::unique_ptr<MeCab::Lattice> lattice(model ? model->createLattice() : nullptr);
      b = best_of(cfg.reps, [&] {
        std::uint64_t n = 0;
        if (!tagger) return n;
        for (const auto& d : ls.docs) {
          std::string_view t = d.text;
          for (std::size_t start = 0; start < t.size();) {
            std::size_t end = t.find('\n', start);
            if (end == std::string_view::npos) end = t.size();
            if (end > start) {
              lattice->set_sentence(t.data() + start, end - start);
              if (tagger->parse(lattice.get())) {
                for (const MeCab::Node* node = lattice->bos_node(); node; node = node->next) {
                  n += node->stat == MECAB_NOR_NODE || node->stat == MECAB_UNK_NODE;
                }
              }
            }
            start = end + 1;
          }
        }
        return n;
      }, &lib_tokens);
      tokens_ok = tokens > 0 && tokens <= lib_tokens;  // we drop punctuation MeCab keeps
    } else {
      lib_name = "ICU word iterator alone";
      UErrorCode status = U_ZERO_ERROR;
      std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createWordInstance(icu::Locale(lang.c_str()), status));
      b = best_of(cfg.reps, [&] {
        std::uint64_t n = 0;
        for (const auto& d : ls.docs) n += icu_words(d.text, it.get());
        return n;
      }, &lib_tokens);
      // Same rules; only a sentence boundary inside a token could differ.
      tokens_ok = tokens > 0 && double(tokens) >= 0.97 * double(lib_tokens) && static_cast<double>(tokens) <= static_cast<double>(lib_tokens) * 1.03;
    }
    add_row({"sentences + tokens", lang, double(ls.bytes), double(ls.docs.size()), s, lib_name, double(ls.bytes), b,
             std::to_string(tokens) + " tokens (library " + std::to_string(lib_tokens) + ")", tokens_ok, ""});
    answers["tokens." + lang] = tokens;

    // 4. Gazetteer and trigger matching over the tokens, beside vectorscan
    // alone scanning the folded text for the same phrases.
    std::uint64_t mentions = 0, hs_matches = 0;
    s = best_of(cfg.reps, [&] {
      std::uint64_t n = 0;
      for (std::size_t i = 0; i < ls.docs.size(); ++i) {
        for (const Sentence& sent : ls.sentences[i]) n += (*lexicon)->find(lang, ls.docs[i].text, sent.tokens).size();
      }
      return n;
    }, &mentions);
    std::vector<std::string> literals = (*lexicon)->matcher(lang).phrases(lang == "ja" ? "" : " ");
    literals.erase(std::unique(literals.begin(), literals.end()), literals.end());
    std::vector<const char*> ptrs;
    std::vector<std::size_t> lens;
    std::vector<unsigned> ids, flags;
    for (const auto& l : literals) {
      if (l.empty()) continue;
      ptrs.push_back(l.data());
      lens.push_back(l.size());
      ids.push_back(static_cast<unsigned>(ids.size()));
      flags.push_back(0);
    }
    hs_database_t* db = nullptr;
    hs_compile_error_t* err = nullptr;
    hs_scratch_t* scratch = nullptr;
    b = 0;
    if (hs_compile_lit_multi(ptrs.data(), flags.data(), ids.data(), lens.data(), static_cast<unsigned>(ptrs.size()),
                             HS_MODE_BLOCK, nullptr, &db, &err) == HS_SUCCESS &&
        hs_alloc_scratch(db, &scratch) == HS_SUCCESS) {
      b = best_of(cfg.reps, [&] {
        std::uint64_t n = 0;
        for (const auto& f : ls.folded) {
          hs_scan(db, f.data(), static_cast<unsigned>(f.size()), 0, scratch, on_hs_match, &n);
        }
        return n;
      }, &hs_matches);
    } else {
      std::cerr << "bench: vectorscan: " << (err ? err->message : "cannot compile") << "\n";
      if (err) hs_free_compile_error(err);
    }
    hs_free_scratch(scratch);
    hs_free_database(db);
    add_row({"gazetteer + trigger matching", lang, double(ls.bytes), double(ls.docs.size()), s,
             "vectorscan alone, " + std::to_string(ptrs.size()) + " literals", double(ls.bytes), b,
             std::to_string(mentions) + " mentions (vectorscan " + std::to_string(hs_matches) + " substring hits)",
             mentions > 0, ""});
    answers["mentions." + lang] = mentions;

    // 5. Date parsing over the tokens and mentions, beside reading the bytes.
    const auto published = *extract::PartialDate::parse("2024-06-12");
    std::uint64_t dates = 0;
    s = best_of(cfg.reps, [&] {
      std::uint64_t n = 0;
      for (std::size_t i = 0; i < ls.docs.size(); ++i) {
        for (const Sentence& sent : ls.sentences[i]) {
          n += extract::find_dates(ls.docs[i].text, sent.tokens, sent.mentions, published).size();
        }
      }
      return n;
    }, &dates);
    add_row({"date parsing", lang, double(ls.bytes), double(ls.docs.size()), s, "read bytes (memcpy)",
             double(ls.bytes), memcpy_secs(ls.docs), std::to_string(dates) + " dates", true, ""});
    answers["dates." + lang] = dates;

    // 6. The whole extraction (events assembled), beside reading the bytes.
    std::uint64_t events = 0;
    bool all_ok = true;
    s = best_of(cfg.reps, [&] {
      std::uint64_t n = 0;
      for (const auto& d : ls.docs) {
        auto x = (*extractor)->extract(d);
        if (!x.is_ok()) all_ok = false;
        else n += x->events.size();
      }
      return n;
    }, &events);
    const double target = lang == "ja" ? 5.0 : 10.0;
    const double mbps = double(ls.bytes) / 1e6 / s;
    add_row({"extraction (events out)", lang, double(ls.bytes), double(ls.docs.size()), s, "read bytes (memcpy)",
             double(ls.bytes), memcpy_secs(ls.docs), std::to_string(events) + " events", all_ok && events > 0,
             std::string(mbps >= target ? "meets" : "below") + " the " + fmt(target, 0) + " MB/s target"});
    answers["events." + lang] = events;
  }

  // 6b. One long document of repeated sentences: extraction must stay linear
  // in a document's size (no per-sentence scan over all earlier sentences,
  // no pairwise merging of all events). The long document beside one a
  // tenth its size: linear time gives the same seconds per MB. Timed once
  // (it is long); checked only to complete with events, never on time.
  if (cfg.long_mb > 0) {
    for (const std::string lang : {"en", "de", "ja"}) {
      auto it = sets.find(lang);
      if (it == sets.end() || it->second.docs.empty()) continue;
      auto long_doc = [&](double mb) {
        ingest::Document d;
        d.source = "long-" + lang + ".txt";
        const std::size_t target = static_cast<std::size_t>(mb * 1e6);
        d.text.reserve(target + (std::size_t{1} << 16));
        for (std::size_t k = 0; d.text.size() < target; ++k) {
          const auto& src = it->second.docs[k % it->second.docs.size()];
          d.text += src.text;
          d.text += "\n\n";
        }
        return d;
      };
      double secs[2] = {0, 0}, bytes[2] = {0, 0};
      std::uint64_t events[2] = {0, 0};
      bool ok = true;
      const double sizes[2] = {cfg.long_mb / 10, cfg.long_mb};
      for (int k = 0; k < 2; ++k) {
        ingest::Document d = long_doc(sizes[k]);
        bytes[k] = double(d.text.size());
        double t0 = thread_cpu_seconds();
        auto x = (*extractor)->extract(d);
        secs[k] = thread_cpu_seconds() - t0;
        if (!x.is_ok()) ok = false;
        else events[k] = x->events.size();
      }
      const double per_mb_small = secs[0] / (bytes[0] / 1e6), per_mb_long = secs[1] / (bytes[1] / 1e6);
      add_row({"extraction, one long document", lang, bytes[1], 1, secs[1],
               "the same, " + fmt(bytes[0] / 1e6, 0) + " MB", bytes[0], secs[0],
               std::to_string(events[1]) + " events", ok && events[1] > 0,
               fmt(per_mb_long, 2) + " s/MB vs " + fmt(per_mb_small, 2) + " s/MB at a tenth the size (" +
                   fmt(per_mb_long / per_mb_small, 2) + "x per MB; 1x is linear)"});
    }
  }

  // Everything, in language order, for the store and ingest stages.
  std::vector<const ingest::Document*> all;
  for (auto& [lang, ls] : sets) {
    for (const auto& d : ls.docs) all.push_back(&d);
  }
  std::vector<ingest::Document> all_docs;
  for (const auto* d : all) all_docs.push_back(*d);
  std::vector<extract::Extraction> extractions;
  std::uint64_t total_events = 0;
  for (const auto* d : all) {
    auto x = (*extractor)->extract(*d);
    extractions.push_back(x.is_ok() ? std::move(x).value() : extract::Extraction{});
    total_events += extractions.back().events.size();
  }
  answers["events.all"] = total_events;
  const fs::path store_path = cfg.out_dir / "bench-store.db";

  // 7. Store writes of extracted documents, beside a bare SQLite insert.
  bool store_has_fts = false;
  {
    std::uint64_t stored = 0, bare = 0;
    double s = best_of(cfg.reps, [&] { return put_in_batches(store_path, all, extractions, nullptr); }, &stored);
    double b = best_of(cfg.reps, [&] {
      BareDb db(cfg.out_dir / "bench-bare.db", false);
      return db.put_all(all, api::kDocumentsPerTransaction);
    }, &bare);
    add_row({"store writes (KB + index)", "all", double(total_bytes), double(all.size()), s,
             "bare SQLite insert (same texts)", double(total_bytes), b,
             std::to_string(stored) + "/" + std::to_string(all.size()) + " stored",
             stored == all.size() && bare == all.size(),
             std::to_string(api::kDocumentsPerTransaction) + " documents per transaction, both"});
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(store_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
      sqlite3_stmt* q = nullptr;
      if (sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master WHERE sql LIKE '%USING fts5%'", -1, &q,
                             nullptr) == SQLITE_OK &&
          sqlite3_step(q) == SQLITE_ROW) {
        store_has_fts = sqlite3_column_int(q, 0) > 0;
      }
      sqlite3_finalize(q);
    }
    sqlite3_close(db);
  }

  // 8. Index writes: a bare FTS5 insert, beside the plain insert. (Its time
  // is in the store writes when the store has an FTS5 index.)
  double fts_secs = 0, fts_batched_secs = 0;
  {
    std::uint64_t n = 0, m = 0;
    fts_secs = best_of(cfg.reps, [&] {
      BareDb db(cfg.out_dir / "bench-fts.db", true);
      return db.put_all(all);
    }, &n);
    double b = best_of(cfg.reps, [&] {
      BareDb db(cfg.out_dir / "bench-bare.db", false);
      return db.put_all(all);
    }, &m);
    std::uint64_t k = 0;
    fts_batched_secs = best_of(cfg.reps, [&] {
      BareDb db(cfg.out_dir / "bench-fts.db", true);
      return db.put_all(all, api::kDocumentsPerTransaction);
    }, &k);
    add_row({"index writes (bare FTS5, " + std::to_string(api::kDocumentsPerTransaction) + " docs per transaction)",
             "all", double(total_bytes), double(all.size()), fts_batched_secs,
             "bare FTS5 insert, 1 doc per transaction", double(total_bytes), fts_secs,
             std::to_string(k) + " indexed", k == all.size(), "what batched transactions save"});
    add_row({"index writes (bare FTS5)", "all", double(total_bytes), double(all.size()), fts_secs,
             "bare SQLite insert (same texts)", double(total_bytes), b, std::to_string(n) + " indexed",
             n == all.size(), store_has_fts ? "the store has an FTS5 index (in store writes)"
                                            : "the store has no FTS5 index yet: its cost is not in ingest"});
  }

  // 9. The whole ingest (extract + store), 1 and 2 threads, beside the bare
  // FTS5 insert of the same texts.
  std::uint64_t events1 = 0;
  double ingest1_wall = 0;
  // `pipeline_wall`, if given, takes the least wall time of ingest_documents()
  // alone over the runs: the rows above time the store's creation (a fresh
  // file, its migrations) and its close (the WAL's last checkpoint) too.
  // `phases`, if given, takes the least wall time of each part outside the
  // pipeline: removing the last run's files, opening (creating) the store,
  // closing it.
  struct Phases {
    double remove = 1e300, open = 1e300, close = 1e300;
  };
  auto ingest_once = [&](std::size_t threads, std::size_t* stored, double* pipeline_wall = nullptr,
                         Phases* phases = nullptr) {
    const double r0 = wall_seconds();
    remove_db(store_path);
    const double o0 = wall_seconds();
    auto store = store::open_sqlite(store_path);
    if (!store.is_ok()) return std::uint64_t{0};
    api::IngestOptions options;
    options.threads = threads;
    const double t0 = wall_seconds();
    auto summary = api::ingest_documents(all_docs, **extractor, **store, options);
    const double c0 = wall_seconds();
    if (pipeline_wall != nullptr) *pipeline_wall = std::min(*pipeline_wall, c0 - t0);
    store->reset();
    if (phases != nullptr) {
      phases->remove = std::min(phases->remove, o0 - r0);
      phases->open = std::min(phases->open, t0 - o0);
      phases->close = std::min(phases->close, wall_seconds() - c0);
    }
    if (!summary.is_ok()) return std::uint64_t{0};
    *stored = summary->stored;
    return std::uint64_t{summary->events};
  };
  {
    std::size_t stored = 0;
    double s = best_of(cfg.reps, [&] { return ingest_once(1, &stored); }, &events1);
    // The baseline is batched as the ingest is: the same transactions.
    add_row({"ingest (extract + store), 1 thread", "all", double(total_bytes), double(all.size()), s,
             "bare FTS5 insert (same texts, same batches)", double(total_bytes), fts_batched_secs,
             std::to_string(events1) + " events (extract: " + std::to_string(total_events) + ")",
             events1 == total_events && stored == all.size(),
             "target: at most 2x the FTS5 insert; " + fmt(s / fts_secs, 1) + "x the unbatched one"});
    // The one writer's part of that ingest: put_batch of documents prepared
    // ahead (prepare_document runs on the extraction threads). Its share of
    // the 1-thread CPU bounds the 2-thread speed-up: the writer is serial.
    std::vector<store::PreparedDocument> prepared;
    prepared.reserve(all.size());
    for (std::size_t i = 0; i < all.size(); ++i) prepared.push_back(store::prepare_document(*all[i], extractions[i]));
    std::uint64_t written = 0;
    double w = best_of(cfg.reps, [&] { return put_in_batches(store_path, all, extractions, &prepared); }, &written);
    add_row({"writer (put_batch, prepared on workers)", "all", double(total_bytes), double(all.size()), w,
             "bare FTS5 insert (same texts, same batches)", double(total_bytes), fts_batched_secs,
             std::to_string(written) + "/" + std::to_string(all.size()) + " stored", written == all.size(),
             fmt(100.0 * w / s, 0) + " % of the 1-thread ingest CPU (2 threads need < ~40 %)"});
  }
  double pipeline_wall[3] = {1e300, 1e300, 1e300};  // by threads
  double whole_wall[3] = {1e300, 1e300, 1e300};
  Phases phases[3];
  std::size_t stored_by[3] = {0, 0, 0};
  std::uint64_t events_by[3] = {0, 0, 0};
  // 1 and 2 threads alternated, the best of each: on a shared machine the
  // speed drifts over seconds, and a row's runs all taken in one stretch
  // compared a fast stretch with a slow one (2-vs-1 read 1.5x-2.4x).
  for (int r = 0; r < cfg.reps; ++r) {
    for (std::size_t threads : {std::size_t{1}, std::size_t{2}}) {
      std::size_t stored = 0;
      const double t0 = wall_seconds();
      const std::uint64_t events = ingest_once(threads, &stored, &pipeline_wall[threads], &phases[threads]);
      whole_wall[threads] = std::min(whole_wall[threads], wall_seconds() - t0);
      if (r > 0 && (events != events_by[threads] || stored != stored_by[threads])) {
        std::cerr << "bench: the " << threads << "-thread ingest gave " << events << " then " << events_by[threads]
                  << " events: not deterministic\n";
        g_failed = true;
      }
      events_by[threads] = events;
      stored_by[threads] = stored;
    }
  }
  ingest1_wall = whole_wall[1];
  for (std::size_t threads : {std::size_t{1}, std::size_t{2}}) {
    const double s = whole_wall[threads];
    add_row({"ingest, " + std::to_string(threads) + (threads == 1 ? " thread" : " threads") + " (wall time)", "all",
             double(total_bytes), double(all.size()), s, threads == 1 ? "-" : "ingest, 1 thread (wall time)",
             double(total_bytes), threads == 1 ? 0 : ingest1_wall,
             std::to_string(events_by[threads]) + " events (1 thread, CPU run: " + std::to_string(events1) + ")",
             events_by[threads] == events1 && stored_by[threads] == all.size(),
             threads == 1 ? "" : "speed-up " + fmt(ingest1_wall / s, 2) + "x (target 1.7x; runs alternated with 1 thread)"});
  }
  // An additional row, not a redefinition of the one above: the same runs
  // timed inside, without the store's creation and close, which take the
  // same time at any thread count (the row above keeps them: a user's
  // ingest pays them).
  add_row({"ingest, 2 threads vs 1 (wall, pipeline only: store opened and closed untimed)", "all",
           double(total_bytes), double(all.size()), pipeline_wall[2], "the same, 1 thread", double(total_bytes),
           pipeline_wall[1], "open + close ~" + fmt(1000.0 * (whole_wall[1] - pipeline_wall[1]), 0) + " / " +
               fmt(1000.0 * (whole_wall[2] - pipeline_wall[2]), 0) + " ms (1 / 2 threads, best runs; least of each: remove the last run's files " +
               fmt(1000.0 * std::min(phases[1].remove, phases[2].remove), 0) + ", open " +
               fmt(1000.0 * std::min(phases[1].open, phases[2].open), 0) + ", close " +
               fmt(1000.0 * std::min(phases[1].close, phases[2].close), 0) + " ms)",
           true, "speed-up " + fmt(pipeline_wall[1] / pipeline_wall[2], 2) + "x (not the target's row)"});
  remove_db(store_path);

  // 10. `pactum ingest` of a large JSONL, streamed: wall time and peak RSS
  // of the process, at 1 and 2 threads.
  if (cfg.rss_mb > 0 && !cfg.pactum_bin.empty()) {
    CorpusOptions big = copt;
    big.bytes = static_cast<std::size_t>(cfg.rss_mb * 1e6);
    big.seed = cfg.seed + 1000;
    const fs::path jsonl = cfg.out_dir / "bench-large.jsonl";
    std::size_t lines = 0, file_bytes = 0;
    {
      std::ofstream out(jsonl, std::ios::binary);
      generate_corpus_each(*pools, big, [&](CorpusDoc&& d) {
        std::string line = to_jsonl(d);
        file_bytes += line.size();
        out << line;
        ++lines;
      });
    }
    // As above, 1 and 2 threads alternated, the best of each (and the
    // highest peak RSS).
    struct Run {
      double seconds = 1e300;
      double rss_mb = 0;
      std::size_t stored = 0;
      long long events = 0;
      bool ok = true;
    };
    Run runs[3];
    for (int r = 0; r < cfg.reps; ++r) {
      for (int threads : {1, 2}) {
        const fs::path db = cfg.out_dir / "bench-large.db";
        remove_db(db);
        const fs::path json_out = cfg.out_dir / "bench-large.json";
        auto t0 = Clock::now();
        pid_t pid = fork();
        if (pid == 0) {
          int fd = ::open(json_out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
          dup2(fd, 1);
          std::string t = std::to_string(threads);
          execl(cfg.pactum_bin.c_str(), cfg.pactum_bin.c_str(), "ingest", jsonl.c_str(), "--db", db.c_str(),
                "--json", "--threads", t.c_str(), static_cast<char*>(nullptr));
          _exit(127);
        }
        // Peak RSS is the child's own high-water mark (VmHWM), read while it
        // runs: getrusage's ru_maxrss of a forked child starts at the bench's
        // own RSS at the fork (Linux keeps the mark across exec), which is
        // the bench's extractor and corpus, not pactum's. The last reading
        // counts, not the largest: the first may come before the exec, from
        // the forked copy of the bench, and after it the mark only grows.
        const std::string status_file = "/proc/" + std::to_string(pid) + "/status";
        double hwm_kb = 0;
        int status = 0;
        while (waitpid(pid, &status, WNOHANG) == 0) {
          std::ifstream in(status_file);
          for (std::string line; std::getline(in, line);) {
            if (line.rfind("VmHWM:", 0) == 0) hwm_kb = std::atof(line.c_str() + 6);
          }
          std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        const double s = std::chrono::duration<double>(Clock::now() - t0).count();
        nlohmann::json summary;
        try {
          std::ifstream in(json_out);
          in >> summary;
        } catch (...) {
        }
        Run& run = runs[threads];
        run.seconds = std::min(run.seconds, s);
        run.rss_mb = std::max(run.rss_mb, hwm_kb / 1024.0);
        run.stored = summary.value("stored", std::size_t{0});
        run.events = summary.value("events", 0LL);
        run.ok = run.ok && WIFEXITED(status) && WEXITSTATUS(status) == 0 && run.stored == lines;
        remove_db(db);
      }
    }
    for (int threads : {1, 2}) {
      const Run& run = runs[threads];
      add_row({"pactum ingest JSONL, " + std::to_string(threads) + " thread" + (threads > 1 ? "s" : ""), "all",
               double(file_bytes), double(lines), run.seconds, threads == 1 ? "-" : "1 thread", 0,
               threads == 1 ? 0 : runs[1].seconds,
               std::to_string(run.stored) + "/" + std::to_string(lines) + " stored, " + std::to_string(run.events) +
                   " events",
               run.ok,
               "peak RSS " + fmt(run.rss_mb, 0) + " MB for a " + fmt(double(file_bytes) / 1e6, 0) + " MB file" +
                   (threads == 1 ? "" : "; speed-up " + fmt(runs[1].seconds / run.seconds, 2) + "x")});
    }
    fs::remove(jsonl);
    fs::remove(cfg.out_dir / "bench-large.json");
  }
  for (const char* f : {"bench-bare.db", "bench-fts.db"}) remove_db(cfg.out_dir / f);

  // The expected answers.
  std::string golden_note;
  if (cfg.record) {
    save_expected(cfg, answers);
    golden_note = "answers recorded in " + cfg.expected_file.string();
  } else if (cfg.golden) {
    auto expected = load_expected(cfg);
    if (expected.empty()) {
      golden_note = "no recorded answers for seed " + std::to_string(cfg.seed) + " and " + fmt(cfg.mb, 3) +
                    " MB in " + cfg.expected_file.string() + " (record them with --record)";
    } else {
      int wrong = 0;
      for (const auto& [k, v] : answers) {
        auto it = expected.find(k);
        if (it == expected.end()) continue;
        if (it->second != v) {
          std::cerr << "bench: " << k << " is " << v << ", expected " << it->second << "\n";
          ++wrong;
        }
      }
      golden_note = wrong == 0 ? "all " + std::to_string(answers.size()) + " counts equal the recorded answers"
                               : std::to_string(wrong) + " counts differ from the recorded answers (see above; "
                                 "re-record with --record if the extraction rules changed on purpose)";
      if (wrong) g_failed = true;
    }
  }

  // The table.
  std::string load;
  {
    std::ifstream in("/proc/loadavg");
    std::getline(in, load);
  }
  std::cout << "\npactum bench: seed " << cfg.seed << ", " << total_docs << " documents, "
            << fmt(static_cast<double>(total_bytes) / 1e6, 2) << " MB (" << sets.size() << " languages), best of " << cfg.reps
            << " runs; single-thread stages in thread CPU time, ingest rows in wall time; "
            << std::thread::hardware_concurrency() << " hardware threads, load average " << load << "\n\n";
  std::cout << "| stage | lang | MB/s | docs/s | baseline | baseline MB/s | time vs baseline | check | note |\n"
            << "|---|---|--:|--:|---|--:|--:|---|---|\n";
  for (const Row& r : g_rows) {
    double mbps = r.bytes / 1e6 / r.secs;
    double dps = r.docs / r.secs;
    std::string base_mbps = r.base_secs > 0 && r.base_bytes > 0 ? fmt(r.base_bytes / 1e6 / r.base_secs) : "-";
    std::string ratio = r.base_secs > 0 ? fmt(r.secs / r.base_secs, 2) + "x" : "-";
    std::cout << "| " << r.stage << " | " << r.lang << " | " << fmt(mbps) << " | " << fmt(dps, 0) << " | "
              << r.base_name << " | " << base_mbps << " | " << ratio << " | " << (r.ok ? "ok: " : "FAILED: ")
              << r.check << " | " << r.note << " |\n";
  }
  std::cout << "\nanswers: " << (golden_note.empty() ? "not compared (--no-golden)" : golden_note) << "\n";
  std::cout << (g_failed ? "bench: FAILED\n" : "bench: all checks passed\n");
  return g_failed ? 1 : 0;
}

}  // namespace
}  // namespace pactum::bench

int main(int argc, char** argv) {
  pactum::bench::Config cfg;
  std::string data = PACTUM_BENCH_DATA_DIR, out = "/tmp/pactum-bench";
  cfg.pactum_bin = PACTUM_BENCH_PACTUM_BIN;
  cfg.expected_file = PACTUM_BENCH_EXPECTED;
  bool no_golden = false;
  CLI::App app("pactum_bench: per-stage throughput against baselines, ingest scaling and peak RSS");
  app.add_option("--data", data, "pactum's data/ folder");
  app.add_option("--seed", cfg.seed, "corpus seed");
  app.add_option("--mb", cfg.mb, "size of the stage corpus in MB (all languages)");
  app.add_option("--rss-mb", cfg.rss_mb, "size of the JSONL for the pactum ingest / peak RSS runs, MB (0: skip)");
  app.add_option("--long-mb", cfg.long_mb, "size of the one long document extracted per language, MB (0: skip)");
  app.add_option("--reps", cfg.reps, "runs per measurement (the best is reported)")->check(CLI::Range(1, 100));
  app.add_option("--pactum", cfg.pactum_bin, "the pactum binary for the ingest runs");
  app.add_option("--out", out, "scratch folder for databases and the large JSONL");
  app.add_option("--expected", cfg.expected_file, "recorded answers");
  app.add_flag("--record", cfg.record, "record this run's counts as the expected answers");
  app.add_flag("--no-golden", no_golden, "do not compare with the recorded answers (other checks still run)");
  CLI11_PARSE(app, argc, argv);
  cfg.golden = !no_golden;
  cfg.data_dir = data;
  cfg.out_dir = out;
  cfg.sample_dirs = {cfg.data_dir / "samples" / "docs", std::filesystem::path(PACTUM_BENCH_SEED_DIR)};
  return pactum::bench::run(cfg);
}
