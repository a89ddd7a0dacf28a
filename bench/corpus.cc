// Corpus generation by sentence recombination; see corpus.h.
#include "bench/corpus.h"

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "common/files.h"
#include "text/segment.h"

namespace pactum::bench {
namespace {

// splitmix64: tiny, and the same sequence everywhere (std distributions are
// not specified bit for bit across standard libraries).
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(next() % n); }
  std::size_t between(std::size_t lo, std::size_t hi) { return lo + below(hi - lo + 1); }

 private:
  std::uint64_t state_;
};

bool looks_like_dateline(std::string_view line) {
  return line.size() < 48 && std::any_of(line.begin(), line.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// title: the sample's headline from its gold file, or "". A whole page
// has its site's chrome above the headline ("Skip to main content", a
// menu); the corpus's headlines are headlines, so the lines above the
// title are left out of the headline pool (they stay body text).
void add_sample(std::string_view text, std::string_view title, const std::string& lang, SentencePool& pool) {
  std::vector<std::string_view> lines = lines_of(text);
  std::size_t i = 0;
  while (i < lines.size() && lines[i].empty()) ++i;
  if (!title.empty()) {
    auto at = std::find(lines.begin() + static_cast<std::ptrdiff_t>(i), lines.end(), title);
    if (at != lines.end()) {
      for (auto k = lines.begin() + static_cast<std::ptrdiff_t>(i); k != at; ++k) {
        if (k->size() >= 12) pool.sentences.emplace_back(*k);
      }
      i = static_cast<std::size_t>(at - lines.begin());
    }
  }
  if (i >= lines.size()) return;
  pool.headlines.emplace_back(lines[i++]);
  if (i < lines.size() && looks_like_dateline(lines[i])) pool.datelines.emplace_back(lines[i++]);
  for (; i < lines.size(); ++i) {
    if (lines[i].empty()) continue;
    for (const text::Span& s : text::split_sentences(lines[i], lang)) {
      if (s.size() >= 12) pool.sentences.emplace_back(s.of(lines[i]));
    }
  }
}

}  // namespace

Result<std::map<std::string, SentencePool>> load_pools(const std::vector<std::filesystem::path>& dirs) {
  std::map<std::string, SentencePool> pools;
  for (const auto& dir : dirs) {
    std::error_code ec;
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
      if (e.path().extension() == ".txt") files.push_back(e.path());
    }
    if (ec) return Status::io_error(dir.string() + ": " + ec.message());
    std::sort(files.begin(), files.end());
    // A later folder only fills in languages the earlier ones lack.
    std::set<std::string> known;
    for (const auto& [lang, _] : pools) known.insert(lang);
    for (const auto& f : files) {
      std::string name = f.filename().string();
      auto underscore = name.find('_');
      if (underscore == std::string::npos || underscore == 0) continue;
      std::string lang = name.substr(0, underscore);
      if (known.count(lang)) continue;
      auto bytes = read_file(f);
      if (!bytes.is_ok()) return bytes.status();
      std::string title;
      auto gold = f.parent_path().parent_path() / "gold" / (f.stem().string() + ".json");
      if (auto g = read_file(gold); g.is_ok()) {
        auto j = nlohmann::json::parse(*g, nullptr, /*allow_exceptions=*/false);
        if (j.is_object() && j.contains("title") && j["title"].is_string()) title = j["title"].get<std::string>();
      }
      add_sample(*bytes, title, lang, pools[lang]);
    }
  }
  for (auto it = pools.begin(); it != pools.end();) {
    if (it->second.sentences.empty() || it->second.headlines.empty()) it = pools.erase(it);
    else ++it;
  }
  return pools;
}

std::vector<CorpusDoc> generate_corpus(const std::map<std::string, SentencePool>& pools,
                                       const CorpusOptions& options) {
  std::vector<CorpusDoc> out;
  generate_corpus_each(pools, options, [&](CorpusDoc&& d) { out.push_back(std::move(d)); });
  return out;
}

void generate_corpus_each(const std::map<std::string, SentencePool>& pools, const CorpusOptions& options,
                          const std::function<void(CorpusDoc&&)>& sink) {
  std::vector<std::string> langs = options.langs;
  if (langs.empty()) {
    for (const auto& [lang, _] : pools) langs.push_back(lang);
  }
  const std::size_t per_lang = langs.empty() ? 0 : options.bytes / langs.size();
  std::set<std::size_t> seen;  // hashes of the texts made so far
  for (const std::string& lang : langs) {
    auto pit = pools.find(lang);
    if (pit == pools.end()) continue;
    const SentencePool& pool = pit->second;
    // One stream per language: adding a language does not change the others.
    std::uint64_t lang_seed = options.seed;
    for (char c : lang) lang_seed = lang_seed * 131 + static_cast<unsigned char>(c);
    Rng rng(lang_seed);
    const bool cjk = lang == "ja" || lang == "zh" || lang == "ko";
    std::size_t bytes = 0;
    std::size_t n = 0;
    int attempts = 0;
    while (n == 0 || bytes < per_lang) {
      std::string text = pool.headlines[rng.below(pool.headlines.size())];
      text += "\n";
      if (!pool.datelines.empty()) text += pool.datelines[rng.below(pool.datelines.size())] + "\n";
      std::size_t paragraphs = rng.between(4, 9);
      for (std::size_t p = 0; p < paragraphs; ++p) {
        text += "\n";
        std::size_t sentences = rng.between(1, 3);
        for (std::size_t s = 0; s < sentences; ++s) {
          if (s > 0 && !cjk) text += " ";
          text += pool.sentences[rng.below(pool.sentences.size())];
        }
        text += "\n";
      }
      if (!seen.insert(std::hash<std::string>{}(text)).second) {
        if (++attempts > 1000) break;  // the pool is too small for more distinct documents
        continue;
      }
      bytes += text.size();
      ++n;
      sink({lang, lang + "_" + std::to_string(options.seed) + "_" + std::to_string(n) + ".txt", std::move(text)});
    }
  }
}

namespace {

std::string escape_html(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 16);
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

std::string to_html(const CorpusDoc& doc) {
  std::vector<std::string_view> lines = lines_of(doc.text);
  std::string html = "<!DOCTYPE html>\n<html lang=\"" + doc.lang + "\"><head><meta charset=\"utf-8\"><title>" +
                     escape_html(lines.empty() ? "" : lines[0]) +
                     "</title></head>\n<body>\n<div class=\"cookie-banner\">We use cookies. <button>Accept</button></div>\n"
                     "<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/press\">Press</a></li>"
                     "<li><a href=\"/about\">About</a></li></ul></nav>\n<main><article>\n";
  bool first = true;
  std::string para;
  auto flush = [&] {
    if (!para.empty()) html += "<p>" + escape_html(para) + "</p>\n";
    para.clear();
  };
  for (std::string_view line : lines) {
    if (first) {
      html += "<h1>" + escape_html(line) + "</h1>\n";
      first = false;
    } else if (line.empty()) {
      flush();
    } else {
      if (!para.empty()) para += " ";
      para += line;
    }
  }
  flush();
  html += "</article></main>\n<footer><p>Contact: press office</p><ul><li><a href=\"/privacy\">Privacy</a></li>"
          "</ul></footer>\n</body></html>\n";
  return html;
}

std::string to_jsonl(const CorpusDoc& doc) {
  auto nl = doc.text.find('\n');
  nlohmann::json j = {{"url", "https://bench.example.org/" + doc.name},
                      {"title", doc.text.substr(0, nl)},
                      {"published", nullptr},
                      {"text", doc.text}};
  return j.dump() + "\n";
}

}  // namespace pactum::bench
