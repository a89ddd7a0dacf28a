// The benchmark corpus: press-release-like documents in every language we
// have samples for, made by recombining the sentences of our own sample
// documents (data/samples/docs/*.txt, plus bench/seed/*.txt for languages
// the samples lack). Deterministic for a seed: the same seed and size give
// the same bytes on every machine, so the benchmark can check its answers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "common/status.h"

namespace pactum::bench {

struct CorpusDoc {
  std::string lang;  // the language of the samples it was made from
  std::string name;  // "<lang>_<seed>_<n>.txt"
  std::string text;  // headline, dateline, paragraphs (blank-line separated)
};

struct CorpusOptions {
  std::uint64_t seed = 1;
  // Total text bytes, shared equally by the languages (at least one
  // document per language).
  std::size_t bytes = std::size_t{1} << 20;
  std::vector<std::string> langs;  // empty: every language with samples
};

// Headlines, datelines and sentences of one language's samples.
struct SentencePool {
  std::vector<std::string> headlines, datelines, sentences;
};

// Reads the pools: the samples first; a seed folder's files only for a
// language the samples do not have. Files are named "<lang>_*.txt".
Result<std::map<std::string, SentencePool>> load_pools(const std::vector<std::filesystem::path>& dirs);

// Documents in language order, each language's documents in generation
// order; no two documents have the same text. The first form passes each
// document on as it is made (memory stays small for any size).
void generate_corpus_each(const std::map<std::string, SentencePool>& pools, const CorpusOptions& options,
                          const std::function<void(CorpusDoc&&)>& sink);
std::vector<CorpusDoc> generate_corpus(const std::map<std::string, SentencePool>& pools,
                                       const CorpusOptions& options);

// The document as a small press page: navigation, cookie banner and footer
// around an <article> (for the HTML-to-text stage).
std::string to_html(const CorpusDoc& doc);

// One JSON line {"url","title","published","text"} with a trailing '\n'.
std::string to_jsonl(const CorpusDoc& doc);

}  // namespace pactum::bench
