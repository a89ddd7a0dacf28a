// Content hashes: a document's identity (same text, same document) and
// hashed API tokens. SHA-256 from OpenSSL, as lowercase hex.
#pragma once

#include <string>
#include <string_view>

namespace pactum {

std::string sha256_hex(std::string_view data);

}  // namespace pactum
