// Snowball stemmers (libstemmer) behind the Stemmer class, chosen by ISO 639-1
// code through the snowball column of data/lang/languages.tsv (libstemmer
// does not know nb/nn: both rows name "norwegian").
#include "text/stem.h"

#include <libstemmer.h>

#include <string>

#include "text/language_table.h"

namespace pactum::text {

struct Stemmer::Impl {
  struct Deleter {
    void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
  };
  std::unique_ptr<sb_stemmer, Deleter> stemmer;  // null: no algorithm for the language
};

Stemmer::Stemmer(std::string_view lang) : impl_(std::make_unique<Impl>()) {
  const std::string algorithm(language_table().snowball(lang));
  if (!algorithm.empty()) impl_->stemmer.reset(sb_stemmer_new(algorithm.c_str(), "UTF_8"));
}

Stemmer::~Stemmer() = default;

bool Stemmer::has_algorithm() const { return impl_->stemmer != nullptr; }

std::string Stemmer::stem(std::string_view folded_word) {
  if (!impl_->stemmer || folded_word.empty()) return std::string(folded_word);
  const sb_symbol* out = sb_stemmer_stem(impl_->stemmer.get(),
                                         reinterpret_cast<const sb_symbol*>(folded_word.data()),
                                         static_cast<int>(folded_word.size()));
  // NULL only when libstemmer runs out of memory: the word itself is the safest answer.
  if (out == nullptr) return std::string(folded_word);
  return std::string(reinterpret_cast<const char*>(out),
                     static_cast<std::size_t>(sb_stemmer_length(impl_->stemmer.get())));
}

}  // namespace pactum::text
