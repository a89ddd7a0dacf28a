// pactum_corpus: writes a generated benchmark corpus (see corpus.h) as a
// folder of .txt or .html files, or as one JSONL file.
#include <CLI/CLI.hpp>

#include <fstream>
#include <iostream>

#include "bench/corpus.h"

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  std::string data = PACTUM_BENCH_DATA_DIR, out, format = "txt", langs;
  double mb = 1.0;
  std::uint64_t seed = 1;
  CLI::App app("pactum_corpus: press releases recombined from pactum's own sample sentences");
  app.add_option("--out", out, "a folder (txt, html) or a file (jsonl)")->required();
  app.add_option("--format", format, "txt, html or jsonl")->check(CLI::IsMember({"txt", "html", "jsonl"}));
  app.add_option("--mb", mb, "total size in MB (shared by the languages)");
  app.add_option("--seed", seed, "the same seed and size give the same corpus");
  app.add_option("--langs", langs, "comma-separated languages (default: all with samples)");
  app.add_option("--data", data, "pactum's data/ folder");
  CLI11_PARSE(app, argc, argv);

  auto pools = pactum::bench::load_pools({fs::path(data) / "samples" / "docs", fs::path(PACTUM_BENCH_SEED_DIR)});
  if (!pools.is_ok()) {
    std::cerr << "pactum_corpus: " << pools.status().to_string() << "\n";
    return 1;
  }
  pactum::bench::CorpusOptions options;
  options.seed = seed;
  options.bytes = static_cast<std::size_t>(mb * 1e6);
  for (std::size_t start = 0; start < langs.size();) {
    std::size_t comma = langs.find(',', start);
    if (comma == std::string::npos) comma = langs.size();
    if (comma > start) options.langs.push_back(langs.substr(start, comma - start));
    start = comma + 1;
  }
  // Written document by document: a 1 GB corpus never sits in memory whole.
  std::size_t bytes = 0, n = 0;
  if (format == "jsonl") {
    std::ofstream f(out, std::ios::binary);
    pactum::bench::generate_corpus_each(*pools, options, [&](pactum::bench::CorpusDoc&& d) {
      std::string line = pactum::bench::to_jsonl(d);
      bytes += line.size();
      ++n;
      f << line;
    });
    if (!f) {
      std::cerr << "pactum_corpus: cannot write " << out << "\n";
      return 1;
    }
  } else {
    fs::create_directories(out);
    pactum::bench::generate_corpus_each(*pools, options, [&](pactum::bench::CorpusDoc&& d) {
      std::string name = d.name;
      std::string content = d.text;
      if (format == "html") {
        name.replace(name.size() - 4, 4, ".html");
        content = pactum::bench::to_html(d);
      }
      std::ofstream f(fs::path(out) / name, std::ios::binary);
      f << content;
      bytes += content.size();
      ++n;
    });
  }
  std::cerr << "pactum_corpus: " << n << " documents, " << bytes << " bytes -> " << out << "\n";
  return 0;
}
