// csv_field: plain text as is, a comma, quote or line break quoted.
#include "common/csv.h"

#include <gtest/gtest.h>

#include <utility>

namespace pactum {
namespace {

TEST(Csv, FieldQuotesOnlyWhatNeedsIt) {
  const std::pair<std::string, std::string> cases[] = {{"plain", "plain"},
                                                       {"a,b", "\"a,b\""},
                                                       {"say \"hi\"", "\"say \"\"hi\"\"\""},
                                                       {"", ""},
                                                       {"two\nlines", "\"two\nlines\""},
                                                       {"cr\r", "\"cr\r\""},
                                                       {"Æøå; 水素", "Æøå; 水素"}};
  for (const auto& [in, want] : cases) EXPECT_EQ(csv_field(in), want) << in;
}

}  // namespace
}  // namespace pactum
