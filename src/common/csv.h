// CSV output shared by every writer of CSV (analytics exports, profiles,
// the CLI's export and minerals tables).
#pragma once

#include <string>
#include <string_view>

namespace pactum {

// A CSV field, quoted when it holds a comma, quote or line break (RFC 4180):
// inner quotes doubled.
std::string csv_field(std::string_view s);

}  // namespace pactum
