// UTF-8 validation and the document normal form. In common (not text) because
// ingest, the first stage, already needs them to store a document's text.
#pragma once

#include <string>
#include <string_view>

namespace pactum {

// True when s is well-formed UTF-8 (no overlongs, no surrogates).
bool is_valid_utf8(std::string_view s);

// The form in which document text is stored (offsets point into it): NFC,
// CR/CRLF unified to LF, C0 controls other than tab and LF removed, odd
// spaces (NBSP, thin spaces, ideographic space stays) mapped to ' ', trailing
// spaces of each line removed. Input must be valid UTF-8.
std::string normalize_document(std::string_view s);

}  // namespace pactum
