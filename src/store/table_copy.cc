// The engine-neutral parts of a table copy: the canonical row encoding and
// its digest (table_copy.h).
#include "store/table_copy.h"

#include <openssl/evp.h>

#include <cstdio>

namespace pactum::store {

std::string canonical_row(const Row& row) {
  std::string out;
  for (const Cell& c : row) {
    switch (c.type) {
      case Cell::Type::kNull: out += "N;"; break;
      case Cell::Type::kInt: out += "I" + std::to_string(c.i) + ";"; break;
      case Cell::Type::kReal: {
        char buf[40];
        std::snprintf(buf, sizeof buf, "%.17g", c.r);
        out += std::string("R") + buf + ";";
        break;
      }
      case Cell::Type::kText: out += "T" + std::to_string(c.s.size()) + ":" + c.s; break;
      case Cell::Type::kBlob: out += "B" + std::to_string(c.s.size()) + ":" + c.s; break;
    }
  }
  return out + "\n";
}

RowDigest::RowDigest() : ctx_(EVP_MD_CTX_new()) {
  EVP_DigestInit_ex(static_cast<EVP_MD_CTX*>(ctx_), EVP_sha256(), nullptr);
}

RowDigest::~RowDigest() { EVP_MD_CTX_free(static_cast<EVP_MD_CTX*>(ctx_)); }

void RowDigest::add(const Row& row) {
  std::string bytes = canonical_row(row);
  EVP_DigestUpdate(static_cast<EVP_MD_CTX*>(ctx_), bytes.data(), bytes.size());
  ++rows_;
}

TableDigest RowDigest::finish() {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_DigestFinal_ex(static_cast<EVP_MD_CTX*>(ctx_), digest, &len);
  static const char* kHex = "0123456789abcdef";
  TableDigest d;
  d.rows = rows_;
  for (unsigned int i = 0; i < len; ++i) {
    d.sha256.push_back(kHex[digest[i] >> 4]);
    d.sha256.push_back(kHex[digest[i] & 15]);
  }
  return d;
}

}  // namespace pactum::store
