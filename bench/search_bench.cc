// pactum_search_bench: the search engine at scale. Builds a store of N
// generated documents (bench/corpus.h) through Store::put, each with one
// synthetic event (parties, sector, instrument, year drawn from the seed, so
// that facets have something to filter), then times queries of four kinds,
// each beside a baseline of the same engine queried plainly in the same run:
//
//   term           search::Searcher ("batteries")     vs  FTS5 MATCH of the word, bm25, LIMIT 20
//   phrase         ("\"offshore wind\"")               vs  FTS5 MATCH of the phrase
//   faceted        term + --sector/--country + facets  vs  FTS5 MATCH joined to the sector filter
//   cross-lingual  "hydrogen" (expands to 11 langs)    vs  FTS5 MATCH of the typed word alone
//
// Index build throughput is reported beside a bare FTS5 table fed the same
// title and text (the engine's floor). Latencies are wall time, p50 and p99.
// Not a test: `make bench-search` runs it.
#include <malloc.h>
#include <sqlite3.h>
#include <time.h>

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdlib>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <iomanip>
#include <iostream>
#include <string>
#include <vector>

#include "bench/corpus.h"
#include "ingest/reader.h"
#include "search/search.h"
#include "store/search_maintenance.h"
#include "store/store.h"

namespace pactum::bench {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// The machine is shared: CPU time of this thread measures us, wall time
// measures us and the neighbours. Both are reported.
double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// Documents per transaction, as `pactum ingest` writes them
// (api/ingest_service.h, kDocumentsPerTransaction); the bare baseline too.
constexpr std::size_t kBatch = 64;

struct Config {
  bool reuse = false;  // query the store a previous run built in out_dir
  bool optimize = true;  // compact the index before the queries, as `pactum optimize` after a bulk ingest
  std::size_t docs = 100000;
  std::uint64_t seed = 1;
  std::size_t reps = 50;  // runs of each query (fewer when they take over 30 s)
  fs::path out_dir = "/tmp/pactum-search-bench";
  std::string only;  // run only the queries containing this (for profiling one)
  fs::path data_dir = PACTUM_BENCH_DATA_DIR;
  std::vector<fs::path> sample_dirs = {fs::path(PACTUM_BENCH_DATA_DIR) / "samples" / "docs",
                                       PACTUM_BENCH_SEED_DIR};
};

// Deterministic facets for document n: a country with a partner
// organisation (many distinct pairs, so agreements stay small), a sector,
// an instrument and a year.
struct Party {
  const char* name;
  const char* kind;
  const char* country;
};
constexpr Party kCountries[] = {{"Norway", "country", "NO"},  {"Japan", "country", "JP"},
                                {"Germany", "country", "DE"}, {"France", "country", "FR"},
                                {"Denmark", "country", "DK"}, {"Sweden", "country", "SE"},
                                {"Netherlands", "country", "NL"}, {"Italy", "country", "IT"},
                                {"Spain", "country", "ES"},   {"Australia", "country", "AU"}};
constexpr const char* kSectors[] = {"hydrogen", "offshore_wind", "batteries", "critical_minerals", "ccus",
                                    "ammonia", "renewable_energy", "maritime"};
constexpr const char* kInstruments[] = {"memorandum_of_understanding", "joint_declaration", "letter_of_intent",
                                        "strategic_partnership", "cooperation_agreement"};

extract::Extraction synthetic_extraction(const ingest::Document& doc, const std::string& lang, std::size_t n) {
  extract::Extraction x;
  x.doc = x.source = doc.source;
  x.language = lang;
  x.title = doc.title;
  x.published = doc.published;
  extract::Event e;
  std::size_t first_line = std::min(doc.text.find('\n'), doc.text.size());
  e.evidence_span = {0, first_line};
  e.evidence = doc.text.substr(0, first_line);
  const Party& c = kCountries[n % std::size(kCountries)];
  text::Span mention{0, std::min<std::size_t>(first_line, 1)};
  e.parties.push_back({c.name, c.kind, c.country, "", mention});
  e.parties.push_back({"Bench Organisation " + std::to_string(n % 50000), "organization",
                       kCountries[(n / 7) % std::size(kCountries)].country, "", mention});
  e.sectors = {kSectors[(n / 3) % std::size(kSectors)]};
  e.instrument = kInstruments[(n / 11) % std::size(kInstruments)];
  e.stage = "signed";
  e.date = std::to_string(2014 + n % 13);
  e.confidence = 0.8;
  x.events.push_back(std::move(e));
  return x;
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

struct Latency {
  double p50 = 0, p99 = 0;          // wall ms
  double cpu_p50 = 0, cpu_p99 = 0;  // thread CPU ms
  std::size_t hits = 0, runs = 0;
};

// The FTS5 expression of a TextQuery, written here again (as the store
// writes it) so that the check counts independently of the engine.
std::string fts_match(const store::TextQuery& q) {
  std::string out;
  for (const auto& clause : q.all_of) {
    std::string alts;
    for (const auto& alt : clause) {
      std::string phrase;
      for (const auto& w : alt.words) {
        if (w.empty()) continue;
        phrase += phrase.empty() ? "" : " ";
        for (char ch : w) phrase += ch == '"' ? std::string("\"\"") : std::string(1, ch);
      }
      if (phrase.empty()) continue;
      alts += (alts.empty() ? "" : " OR ") + ("\"" + phrase + "\"") + (alt.prefix ? " *" : "");
    }
    if (!alts.empty()) out += (out.empty() ? "" : " AND ") + ("(" + alts + ")");
  }
  return out;
}

// A plain FTS5 query on the store's own index (read-only connection).
class PlainFts {
 public:
  explicit PlainFts(const fs::path& db) {
    if (sqlite3_open_v2(db.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
      std::cerr << "search bench: cannot open " << db << "\n";
    }
  }
  ~PlainFts() { sqlite3_close(db_); }
  // Every matching document that is not a near-copy, counted plainly: the
  // answer the engine's total must agree with (up to its cap).
  std::int64_t count(const std::string& match, const std::string& extra_where) {
    std::string sql = "SELECT count(*) FROM search_index WHERE search_index MATCH ?1 AND rowid NOT IN "
                      "(SELECT document_id FROM document_links)" + extra_where;
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) return -1;
    sqlite3_bind_text(s, 1, match.c_str(), -1, SQLITE_TRANSIENT);
    std::int64_t n = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : -1;
    sqlite3_finalize(s);
    return n;
  }
  std::int64_t documents() {
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(db_, "SELECT count(*) FROM documents", -1, &s, nullptr);
    std::int64_t n = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : -1;
    sqlite3_finalize(s);
    return n;
  }
  // Rows for the MATCH expression (with an optional extra WHERE on rowid).
  std::size_t run(const std::string& match, const std::string& extra_where) {
    std::string sql = "SELECT rowid FROM search_index WHERE search_index MATCH ?1" + extra_where +
                      " ORDER BY bm25(search_index, 3.0, 1.0, 2.0) LIMIT 20";
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) {
      std::cerr << "search bench: " << sqlite3_errmsg(db_) << "\n";
      return 0;
    }
    sqlite3_bind_text(s, 1, match.c_str(), -1, SQLITE_TRANSIENT);
    std::size_t n = 0;
    while (sqlite3_step(s) == SQLITE_ROW) ++n;
    sqlite3_finalize(s);
    return n;
  }

 private:
  sqlite3* db_ = nullptr;
};

struct QueryCase {
  std::string kind, query;
  store::SearchFilter filter;
  std::string plain_match, plain_where;  // the baseline
};

// `reps` timed runs after one untimed warm-up, stopping early after 30 s of
// runs (at least 5), or after 60 s with at least 2 (a plain baseline that
// ranks every match of a million documents takes seconds a run), so that a
// large corpus stays within an hour.
template <typename F>
Latency time_query(std::size_t reps, F&& f) {
  Latency out;
  std::vector<double> ms, cpu_ms;
  out.hits = f();
  auto start = Clock::now();
  for (std::size_t i = 0; i < reps; ++i) {
    if ((i >= 5 && seconds_since(start) > 30) || (i >= 2 && seconds_since(start) > 60)) break;
    auto t = Clock::now();
    double c = thread_cpu_seconds();
    f();
    cpu_ms.push_back((thread_cpu_seconds() - c) * 1000);
    ms.push_back(seconds_since(t) * 1000);
  }
  out.runs = ms.size();
  out.p50 = percentile(ms, 0.50);
  out.p99 = percentile(ms, 0.99);
  out.cpu_p50 = percentile(cpu_ms, 0.50);
  out.cpu_p99 = percentile(cpu_ms, 0.99);
  return out;
}

// What the build measured; kept beside the store (build.txt) so that a
// run with --reuse can print it again.
struct BuildStats {
  std::size_t n = 0, bytes = 0, failed = 0;
  double put_s = 0, put_cpu = 0, bare_s = 0, bare_cpu = 0, total_s = 0;
};

void save_stats(const fs::path& path, const BuildStats& b) {
  std::ofstream(path) << std::setprecision(17) << b.n << ' ' << b.bytes << ' ' << b.failed << ' ' << b.put_s << ' '
                      << b.put_cpu << ' ' << b.bare_s << ' ' << b.bare_cpu << ' ' << b.total_s << '\n';
}

// Builds the store; every 8192 documents (whole batches, committed) it saves
// the figures so far, so that a build stopped early leaves a store that
// --reuse can query, with the build rates measured until then.
BuildStats build(const Config& cfg, const std::map<std::string, SentencePool>& pools_in, store::Store& st,
                 const fs::path& stats_path) {
  BuildStats b;
  const auto* pools = &pools_in;
  auto* store = &st;
  auto start = Clock::now();
  // Bare FTS5 baseline for the build: the same title and text, same tokenizer.
  sqlite3* bare = nullptr;
  sqlite3_open((cfg.out_dir / "bare.db").c_str(), &bare);
  sqlite3_exec(bare,
               "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
               "CREATE VIRTUAL TABLE t USING fts5(title, body, content='', "
               "tokenize='unicode61 remove_diacritics 2');",
               nullptr, nullptr, nullptr);
  sqlite3_stmt* bare_insert = nullptr;
  sqlite3_prepare_v2(bare, "INSERT INTO t(rowid, title, body) VALUES (?1, ?2, ?3)", -1, &bare_insert, nullptr);

  CorpusOptions copt;
  copt.seed = cfg.seed;
  // The generator's documents average ~1.57 kB: ask for a little more text
  // than --docs of them need, and stop at --docs.
  copt.bytes = cfg.docs * 1600;
  std::size_t &n = b.n, &bytes = b.bytes, &failed = b.failed;
  double &put_s = b.put_s, &bare_s = b.bare_s, &put_cpu = b.put_cpu, &bare_cpu = b.bare_cpu;
  std::size_t bare_batch = 0;
  sqlite3_exec(bare, "BEGIN", nullptr, nullptr, nullptr);
  std::cerr << "search bench: building a store of ~" << cfg.docs << " documents in " << cfg.out_dir << "\n";
  // The batch being built: documents and their extractions live until
  // put_batch has stored them (PutItem points at them).
  std::vector<ingest::Document> batch_docs;
  std::vector<extract::Extraction> batch_x;
  auto flush = [&] {
    if (batch_docs.empty()) return;
    auto t = Clock::now();
    double c = thread_cpu_seconds();
    // As pactum ingest does: the workers prepare (MinHash, index text), the
    // writer stores the batch in one transaction.
    std::vector<store::PreparedDocument> prepared;
    prepared.reserve(batch_docs.size());
    std::vector<store::Store::PutItem> items;
    for (std::size_t i = 0; i < batch_docs.size(); ++i) {
      prepared.push_back(store::prepare_document(batch_docs[i], batch_x[i]));
    }
    for (std::size_t i = 0; i < batch_docs.size(); ++i) items.push_back({&batch_docs[i], &batch_x[i], &prepared[i]});
    auto put = store->put_batch(items);
    put_cpu += thread_cpu_seconds() - c;
    put_s += seconds_since(t);
    if (!put.is_ok()) {
      std::cerr << "search bench: put_batch: " << put.status().to_string() << "\n";
      failed += batch_docs.size();
    } else {
      for (std::size_t i = 0; i < put->size(); ++i) {
        if ((*put)[i].is_ok()) continue;
        if (++failed <= 3) {
          std::cerr << "search bench: put " << batch_docs[i].source << ": " << (*put)[i].status().to_string() << "\n";
        }
      }
    }
    batch_docs.clear();
    batch_x.clear();
  };
  generate_corpus_each(*pools, copt, [&](CorpusDoc&& cd) {
    if (n >= cfg.docs) return;
    auto docs = ingest::read_bytes(cd.text, cd.name);
    if (!docs.is_ok() || docs->empty()) {
      ++failed;
      return;
    }
    ingest::Document& doc = (*docs)[0];
    auto t = Clock::now();
    double c = thread_cpu_seconds();
    sqlite3_bind_int64(bare_insert, 1, static_cast<sqlite3_int64>(n + 1));
    sqlite3_bind_text(bare_insert, 2, doc.title.c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_text(bare_insert, 3, doc.text.c_str(), -1, SQLITE_STATIC);
    sqlite3_step(bare_insert);
    sqlite3_reset(bare_insert);
    if (++bare_batch == kBatch) {
      sqlite3_exec(bare, "COMMIT; BEGIN", nullptr, nullptr, nullptr);
      bare_batch = 0;
    }
    bare_cpu += thread_cpu_seconds() - c;
    bare_s += seconds_since(t);
    bytes += doc.text.size();
    batch_x.push_back(synthetic_extraction(doc, cd.lang, n));
    batch_docs.push_back(std::move(doc));
    if (batch_docs.size() == kBatch) flush();
    ++n;
    if (n % 8192 == 0) {
      b.total_s = seconds_since(start);
      save_stats(stats_path, b);
    }
    if (n % 50000 == 0) {
      std::cerr << "search bench: " << n << " documents, " << std::fixed << std::setprecision(0)
                << static_cast<double>(n) / put_s << " docs/s wall, " << static_cast<double>(n) / put_cpu
                << " docs/s CPU\n";
    }
  });
  flush();
  sqlite3_exec(bare, "COMMIT", nullptr, nullptr, nullptr);
  sqlite3_finalize(bare_insert);
  sqlite3_close(bare);
  b.total_s = seconds_since(start);
  return b;
}

int run(const Config& cfg) {
  const fs::path store_path = cfg.out_dir / "store.db";
  const fs::path stats_path = cfg.out_dir / "build.txt";
  const bool reuse = cfg.reuse && fs::exists(store_path) && fs::exists(stats_path);
  if (!reuse) {
    fs::remove_all(cfg.out_dir);
    fs::create_directories(cfg.out_dir);
  }
  auto pools = load_pools(cfg.sample_dirs);
  if (!pools.is_ok()) {
    std::cerr << "search bench: " << pools.status().to_string() << "\n";
    return 2;
  }
  auto store = store::open_sqlite(store_path);
  if (!store.is_ok()) {
    std::cerr << "search bench: " << store.status().to_string() << "\n";
    return 2;
  }
  BuildStats bs;
  if (reuse) {
    std::ifstream in(stats_path);
    in >> bs.n >> bs.bytes >> bs.failed >> bs.put_s >> bs.put_cpu >> bs.bare_s >> bs.bare_cpu >> bs.total_s;
    std::cerr << "search bench: reusing the store of " << bs.n << " documents in " << cfg.out_dir << "\n";
  } else {
    bs = build(cfg, *pools, **store, stats_path);
    save_stats(stats_path, bs);
  }
  // The queries run on the index as `pactum optimize` leaves it after a
  // bulk ingest (one FTS5 segment); --no-optimize queries it as the build
  // left it. Nothing to do (and quick) on a store optimized before.
  double optimize_s = 0, optimize_cpu = 0;
  if (cfg.optimize) {
    const auto start = Clock::now();
    const double cpu = thread_cpu_seconds();
    Status st = store::optimize_search_index(**store);
    if (!st.is_ok()) {
      std::cerr << "search bench: optimize: " << st.to_string() << "\n";
      return 2;
    }
    optimize_cpu = thread_cpu_seconds() - cpu;
    optimize_s = seconds_since(start);
  }
  const std::size_t n = bs.n, bytes = bs.bytes, failed = bs.failed;
  const double put_s = bs.put_s, put_cpu = bs.put_cpu, bare_s = bs.bare_s, bare_cpu = bs.bare_cpu;
  auto searcher = search::Searcher::create(cfg.data_dir);
  if (!searcher.is_ok()) {
    std::cerr << "search bench: " << searcher.status().to_string() << "\n";
    return 2;
  }
  PlainFts plain(store_path);

  std::vector<QueryCase> cases;
  auto add = [&](std::string kind, std::string q, store::SearchFilter f, std::string match, std::string where) {
    f.limit = 20;
    cases.push_back({std::move(kind), std::move(q), std::move(f), std::move(match), std::move(where)});
  };
  // Correlated probes per match (index lookups), nested as the store nests
  // its filters: `rowid IN (SELECT ... JOIN ...)`, or the join inside one
  // EXISTS, made SQLite scan every hydrogen row of event_sectors per match
  // (minutes per run at 1,000,000 documents).
  auto event_where = [](const std::string& conditions) {
    return " AND EXISTS (SELECT 1 FROM events e WHERE e.document_id = search_index.rowid" + conditions + ")";
  };
  const std::string sector_cond =
      " AND EXISTS (SELECT 1 FROM event_sectors s WHERE s.event_id = e.id AND s.sector = 'hydrogen')";
  const std::string country_cond =
      " AND EXISTS (SELECT 1 FROM event_parties p JOIN actors a ON a.id = p.actor_id "
      "WHERE p.event_id = e.id AND a.country = 'NO')";
  // Plain words (no sector, instrument or actor): ours matches 4+ letter
  // words as prefixes, and so does the baseline.
  for (const char* w : {"research", "infrastructure", "companies", "ports"}) {
    add("term", w, {}, std::string("\"") + w + "\" *", "");
  }
  for (const char* p : {"offshore wind", "memorandum of understanding", "climate neutrality"}) {
    add("phrase", std::string("\"") + p + "\"", {}, std::string("\"") + p + "\"", "");
  }
  {
    store::SearchFilter f;
    f.sector = "hydrogen";
    f.facets = true;
    add("faceted", "cooperation", f, "\"cooperation\" *", event_where(sector_cond));
    f.country = "NO";
    add("faceted", "energy", f, "\"energy\" *", event_where(sector_cond + country_cond));
  }
  // Cross-lingual: ours expands to every language; the baseline matches the
  // typed word alone.
  for (const char* w : {"hydrogen", "Norway", "offshore wind", "MoU"}) {
    add("cross-lingual", w, {}, std::string("\"") + w + "\"", "");
  }

  struct Row {
    std::string kind, query;
    Latency ours, base;
    std::int64_t expected = 0;  // plain count of every match
    bool capped = false;
  };
  std::vector<Row> rows;
  int wrong = 0;
  const std::int64_t stored = plain.documents();
  if (stored < static_cast<std::int64_t>(n)) {
    std::cerr << "search bench: WRONG: the store holds " << stored << " documents, " << n << " were put\n";
    ++wrong;
  }
  for (const QueryCase& c : cases) {
    if (!cfg.only.empty() && c.query.find(cfg.only) == std::string::npos) continue;
    // The check: ours finds as many documents as a plain count of the
    // expression it searches for (expanded, filtered), up to the cap.
    auto q = (*searcher)->expand(c.query);
    std::int64_t expected = q.is_ok() ? plain.count(fts_match(*q), c.plain_where) : -1;
    auto first = (*searcher)->run(**store, c.query, c.filter);
    const bool capped = first.is_ok() && first->total_capped;
    const auto want = std::min<std::int64_t>(expected, static_cast<std::int64_t>(store::kSearchCandidates));
    // And the facets count every candidate: each passed the filters, so the
    // filtered values count them all, and every document has one language.
    bool facets_exact = true;
    if (first.is_ok() && c.filter.facets) {
      auto facets = first->facets;
      const auto total = static_cast<std::int64_t>(first->total);
      std::int64_t languages = 0;
      for (const auto& [lang, k] : facets["language"]) languages += k;
      facets_exact = languages == total && (!c.filter.sector || facets["sector"][*c.filter.sector] == total) &&
                     (!c.filter.country || facets["country"][*c.filter.country] == total);
      if (!facets_exact) std::cerr << "search bench: WRONG: " << c.kind << " '" << c.query << "': facets miss candidates\n";
    }
    if (!first.is_ok() || expected < 0 || static_cast<std::int64_t>(first->total) != want ||
        capped != (expected > static_cast<std::int64_t>(store::kSearchCandidates)) ||
        first->hits.size() != std::min<std::size_t>(20, first->total) || !facets_exact) {
      std::cerr << "search bench: WRONG: " << c.kind << " '" << c.query << "': "
                << (first.is_ok() ? std::to_string(first->total) + (capped ? "+" : "") + " found, " +
                                        std::to_string(first->hits.size()) + " hits"
                                  : first.status().to_string())
                << "; a plain count finds " << expected << "\n";
      ++wrong;
    }
    Latency ours = time_query(cfg.reps, [&]() -> std::size_t {
      auto r = (*searcher)->run(**store, c.query, c.filter);
      return r.is_ok() ? r->total : 0;
    });
    Latency base = time_query(cfg.reps, [&] { return plain.run(c.plain_match, c.plain_where); });
    rows.push_back({c.kind, c.query, ours, base, expected, capped});
  }

  const auto mb = static_cast<double>(bytes) / 1e6;
  const auto docs = static_cast<double>(n);
  double load[3] = {0, 0, 0};
  getloadavg(load, 3);
  std::cout << "# pactum search benchmark: " << stored << " documents in the store (build measured over " << n
            << ", " << std::fixed << std::setprecision(0) << mb
            << " MB of text), seed " << cfg.seed << ", up to " << cfg.reps << " runs per query; load average "
            << std::setprecision(1) << load[0];
  if (failed) std::cout << ", " << failed << " generated documents not stored";
  std::cout << "\n\n| build | docs/s CPU | docs/s wall | MB/s CPU | baseline | docs/s CPU | docs/s wall | MB/s CPU | "
               "CPU ratio |\n|---|--:|--:|--:|---|--:|--:|--:|--:|\n";
  auto rate = [](double x, double s) { return s > 0 ? x / s : 0; };
  std::cout << std::setprecision(0) << "| Store::put_batch, 64 docs/txn (text, event, agreement, MinHash, FTS5) | "
            << rate(docs, put_cpu) << " | " << rate(docs, put_s) << " | " << std::setprecision(2) << rate(mb, put_cpu)
            << " | bare FTS5 insert, 64 docs/txn | " << std::setprecision(0) << rate(docs, bare_cpu) << " | "
            << rate(docs, bare_s) << " | " << std::setprecision(2) << rate(mb, bare_cpu) << " | "
            << std::setprecision(1) << (put_cpu > 0 && bare_cpu > 0 ? put_cpu / bare_cpu : 0) << "x |\n\n";
  if (cfg.optimize) {
    std::cout << std::setprecision(2) << "Before the queries, store::optimize_search_index (`pactum optimize`): "
              << optimize_s << " s wall, " << optimize_cpu << " s CPU.\n\n";
  } else {
    std::cout << "--no-optimize: the queries ran on the index as the build left it.\n\n";
  }
  std::cout << "| kind | query | ours p50 / p99 ms wall | ours p50 / p99 ms CPU | found / all matches | plain FTS5 p50 / p99 "
               "ms wall | p50 / p99 ms CPU | rows | runs | p50 ratio (CPU) |\n"
               "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|\n";
  for (const Row& r : rows) {
    std::cout << std::setprecision(2) << "| " << r.kind << " | " << r.query << " | " << r.ours.p50 << " / "
              << r.ours.p99 << " | " << r.ours.cpu_p50 << " / " << r.ours.cpu_p99 << " | " << r.ours.hits << (r.capped ? "+" : "") << " / " << r.expected << " | "
              << r.base.p50 << " / " << r.base.p99 << " | " << r.base.cpu_p50 << " / " << r.base.cpu_p99 << " | "
              << r.base.hits << " | " << r.ours.runs << " | " << std::setprecision(1)
              << (r.base.cpu_p50 > 0 ? r.ours.cpu_p50 / r.base.cpu_p50 : 0) << "x |\n";
  }
  if (wrong > 0) {
    std::cout << "\nWRONG: " << wrong << " check(s) failed (see stderr)\n";
    return 1;
  }
  return 0;
}

}  // namespace
}  // namespace pactum::bench

int main(int argc, char** argv) {
  // glibc returns the heap top to the kernel after every large free, and
  // the TLB flushes of those brk() calls took a quarter of the build's time
  // (perf); keep up to 512 MB of freed heap instead.
  mallopt(M_TRIM_THRESHOLD, 512 << 20);
  mallopt(M_TOP_PAD, 64 << 20);
  pactum::bench::Config cfg;
  CLI::App app{"pactum_search_bench: search index build and query latency against plain FTS5"};
  app.add_option("--docs", cfg.docs, "Documents to generate and index (default 100000)");
  app.add_option("--seed", cfg.seed, "Corpus seed (default 1)");
  app.add_option("--reps", cfg.reps, "Timed runs of each query (default 50)");
  app.add_option("--out", cfg.out_dir, "Directory for the store (replaced unless --reuse)");
  app.add_flag("--reuse", cfg.reuse, "Query the store an earlier run left in --out instead of building one");
  app.add_flag("!--no-optimize", cfg.optimize, "Query the index as the build left it (no `pactum optimize` first)");
  app.add_option("--only", cfg.only, "Run only the queries that contain this text (to profile one)");
  CLI11_PARSE(app, argc, argv);
  return pactum::bench::run(cfg);
}
