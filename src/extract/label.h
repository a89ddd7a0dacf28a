// Label: a short string the rules compare with string literals, a lexicon
// entry's label ("link", "pair:organization") or an actor's kind
// ("organization", "city"). Used by gazetteer.h and lexicon.h.
#pragma once

#include <cstddef>
#include <cstring>
#include <string>

namespace pactum::extract {

// The rules compare labels with literals inside their scans over a
// sentence's mentions and actors, a few hundred times per document;
// std::string's == against a const char* measures the literal and compares
// bytes every time, while nearly every such comparison fails on the length
// alone, which this checks first. Otherwise a std::string.
struct Label : std::string {
  Label() = default;
  Label(std::string s) : std::string(std::move(s)) {}
  Label(const char* s) : std::string(s) {}
  template <std::size_t N>
  friend bool operator==(const Label& label, const char (&literal)[N]) {
    return label.size() == N - 1 && std::memcmp(label.data(), literal, N - 1) == 0;
  }
};

}  // namespace pactum::extract
