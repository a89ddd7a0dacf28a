// A brake on token guessing: per client address, the failed authentications
// (a wrong bearer token) within a sliding window. After `max_failures` the
// address gets 429 on every authenticated request until the window has
// passed since its latest failure. Thread-safe; memory bounded by
// `max_clients` (the stalest addresses are dropped first).
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <mutex>
#include <string>

namespace pactum::api {

class AuthLimiter {
 public:
  using Clock = std::chrono::steady_clock;
  struct Options {
    std::size_t max_failures = 10;
    std::chrono::seconds window{60};
    std::size_t max_clients = 10000;
  };
  explicit AuthLimiter(Options options, std::function<Clock::time_point()> now = Clock::now);

  // Seconds until `client` may try again; 0 when it may now.
  long retry_after(const std::string& client) const;
  // Records a failed authentication of `client`.
  void failed(const std::string& client);
  // A successful authentication forgets the client's failures.
  void succeeded(const std::string& client);

 private:
  struct Entry {
    std::size_t failures = 0;
    Clock::time_point last{};
  };
  void prune(Clock::time_point now);  // under mu_

  Options options_;
  std::function<Clock::time_point()> now_;
  mutable std::mutex mu_;
  std::map<std::string, Entry> clients_;
};

}  // namespace pactum::api
