// Failed-authentication limiter per client address (api/auth_limiter.h).
#include "api/auth_limiter.h"

#include <algorithm>

namespace pactum::api {

AuthLimiter::AuthLimiter(Options options, std::function<Clock::time_point()> now)
    : options_(options), now_(std::move(now)) {}

long AuthLimiter::retry_after(const std::string& client) const {
  std::lock_guard lock(mu_);
  auto it = clients_.find(client);
  if (it == clients_.end() || it->second.failures < options_.max_failures) return 0;
  auto left = std::chrono::ceil<std::chrono::seconds>(it->second.last + options_.window - now_()).count();
  return std::max<long>(0, static_cast<long>(left));
}

void AuthLimiter::failed(const std::string& client) {
  std::lock_guard lock(mu_);
  Clock::time_point now = now_();
  prune(now);
  Entry& e = clients_[client];
  if (e.failures > 0 && now - e.last >= options_.window) e.failures = 0;  // an old streak
  ++e.failures;
  e.last = now;
}

void AuthLimiter::succeeded(const std::string& client) {
  std::lock_guard lock(mu_);
  clients_.erase(client);
}

void AuthLimiter::prune(Clock::time_point now) {
  for (auto it = clients_.begin(); it != clients_.end();) {
    it = now - it->second.last >= options_.window ? clients_.erase(it) : std::next(it);
  }
  while (clients_.size() >= options_.max_clients) {
    auto stalest = std::min_element(clients_.begin(), clients_.end(),
                                    [](const auto& a, const auto& b) { return a.second.last < b.second.last; });
    clients_.erase(stalest);
  }
}

}  // namespace pactum::api
