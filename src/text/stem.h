// Stemming with Snowball (libstemmer), one algorithm per language. Not
// thread-safe: use one Stemmer per thread.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace pactum::text {

class Stemmer {
 public:
  // lang is ISO 639-1; nb and nn use Snowball's "norwegian". For a language
  // Snowball does not have (ja), stem() returns the word unchanged.
  explicit Stemmer(std::string_view lang);
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  bool has_algorithm() const;
  // Stem of an already folded word.
  std::string stem(std::string_view folded_word);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace pactum::text
