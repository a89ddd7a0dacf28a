// The failed-authentication limiter: blocks an address after its failures,
// per address, for the window, and forgets on success or with time.
#include "api/auth_limiter.h"

#include <gtest/gtest.h>

namespace pactum::api {
namespace {

struct FakeClock {
  AuthLimiter::Clock::time_point t{std::chrono::hours(1)};
  auto fn() {
    return [this] { return t; };
  }
};

TEST(AuthLimiter, BlocksAnAddressAfterItsFailuresForTheWindow) {
  FakeClock clock;
  AuthLimiter limiter({3, std::chrono::seconds(60), 100}, clock.fn());
  for (int i = 0; i < 2; ++i) limiter.failed("10.0.0.1");
  EXPECT_EQ(limiter.retry_after("10.0.0.1"), 0);
  limiter.failed("10.0.0.1");
  EXPECT_EQ(limiter.retry_after("10.0.0.1"), 60);
  EXPECT_EQ(limiter.retry_after("10.0.0.2"), 0) << "another address is not blocked";
  clock.t += std::chrono::seconds(59);
  EXPECT_EQ(limiter.retry_after("10.0.0.1"), 1);
  clock.t += std::chrono::seconds(1);
  EXPECT_EQ(limiter.retry_after("10.0.0.1"), 0) << "the window has passed";
  limiter.failed("10.0.0.1");
  EXPECT_EQ(limiter.retry_after("10.0.0.1"), 0) << "an old streak does not count";
}

TEST(AuthLimiter, SuccessForgetsTheFailures) {
  FakeClock clock;
  AuthLimiter limiter({2, std::chrono::seconds(60), 100}, clock.fn());
  limiter.failed("a");
  limiter.succeeded("a");
  limiter.failed("a");
  EXPECT_EQ(limiter.retry_after("a"), 0);
}

TEST(AuthLimiter, MemoryIsBoundedByDroppingTheStalestClients) {
  FakeClock clock;
  AuthLimiter limiter({1, std::chrono::seconds(60), 3}, clock.fn());
  for (const char* c : {"a", "b", "c", "d"}) {
    limiter.failed(c);
    clock.t += std::chrono::seconds(1);
  }
  EXPECT_EQ(limiter.retry_after("a"), 0) << "the stalest was dropped";
  EXPECT_GT(limiter.retry_after("d"), 0);
  EXPECT_GT(limiter.retry_after("b"), 0);
}

}  // namespace
}  // namespace pactum::api
