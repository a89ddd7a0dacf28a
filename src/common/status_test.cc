#include "common/status.h"

#include <gtest/gtest.h>

namespace pactum {

Result<int> parse_positive(int v) {
  if (v <= 0) return Status::invalid_argument("not positive: " + std::to_string(v));
  return v;
}

Status chain(int v) {
  PACTUM_RETURN_IF_ERROR(parse_positive(v).status());
  return Status::ok();
}

TEST(Status, CarriesCodeAndMessage) {
  Status s = Status::not_found("event 7");
  EXPECT_FALSE(s.is_ok());
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
  EXPECT_EQ(s.to_string(), "not found: event 7");
  EXPECT_TRUE(Status::ok().is_ok());
}

TEST(Result, HoldsValueOrError) {
  auto good = parse_positive(3);
  ASSERT_TRUE(good.is_ok());
  EXPECT_EQ(*good, 3);
  auto bad = parse_positive(-1);
  ASSERT_FALSE(bad.is_ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_FALSE(chain(-2).is_ok());
  EXPECT_TRUE(chain(2).is_ok());
}

}  // namespace pactum
