// The engine-neutral parts of a table copy: the canonical row encoding, its
// digest, and the empty-target check (table_copy.h).
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

Result<TableDigest> TableCopy::digest(const TableInfo& table) {
  RowDigest d;
  PACTUM_RETURN_IF_ERROR(scan(table, [&](const Row& row) {
    d.add(row);
    return Status::ok();
  }));
  return d.finish();
}

Status require_empty(const std::string& store, const std::vector<TableInfo>& tables,
                     const std::function<Result<std::int64_t>(const std::string& table)>& count) {
  for (const TableInfo& t : tables) {
    auto n = count(t.name);
    if (!n.is_ok()) return n.status();
    if (*n > 0) {
      return Status::failed_precondition(store + " is not empty (table " + t.name + " holds " + std::to_string(*n) +
                                         " rows): migrate copies into an empty store only");
    }
  }
  return Status::ok();
}

}  // namespace pactum::store
