// The soak's load driver (scripts/soak.sh): N keep-alive connections, each a
// thread with its own cpp-httplib client, send a mix of searches, partner
// matches and writes (profile upserts and document ingests, with a bearer
// token) to `pactum serve` for a set time, and print per kind the requests,
// errors and latency percentiles as one JSON object. An error is a failed
// connection or any status other than 2xx.
// Usage: soak_driver --host H --port P --token T [--connections 64]
//                    [--seconds 600] [--warmup 0]
//   (the same load runs first for at least --warmup seconds and until every
//   connection has made 10 requests, uncounted: on a loaded machine a time
//   alone left the server's caches and per-thread arenas still filling;
//   "counted_from" in the output is the epoch second counting began)
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <map>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

namespace {

using Clock = std::chrono::steady_clock;

struct Kind {
  std::vector<double> ms;
  long errors = 0;
  std::map<std::string, long> error_kinds;  // "status 500", "connection: ..."
};

const char* kQueries[] = {"hydrogen", "Wasserstoff", "%E6%B0%B4%E7%B4%A0", "offshore%20wind", "battery",
                          "%22memorandum%20of%20understanding%22", "Norway%20Japan", "critical%20minerals",
                          "hydrogen&country=JP", "wind&sector=offshore_wind", "MoU&year=2025", "Equinor"};
const char* kProfiles[] = {"nrw-h2-001", "no-bat-001", "jp-bat-001"};
const char* kMatchTexts[] = {
    R"({"text": "Wir suchen japanische Partner für Wasserstoffspeicherung und Brennstoffzellen", "language": "de", "top": 10})",
    R"({"text": "We offer offshore wind foundations and look for partners in Japan", "language": "en", "top": 10})",
    R"({"text": "洋上風力発電の共同研究パートナーを探しています", "language": "ja", "top": 5})"};

std::string profile_body(int slot, long n) {
  nlohmann::json p = {{"id", "soak-" + std::to_string(slot)},
                      {"organization", {{"name", "Soak Test Org " + std::to_string(slot)}, {"kind", "company"},
                                        {"country", "NO"}}},
                      {"type", "technology_offer"},
                      {"title", "Hydrogen storage offer, revision " + std::to_string(n)},
                      {"summary", "Electrolysers and hydrogen storage for ports and shipping."},
                      {"language", "en"},
                      {"sectors", {"hydrogen", "maritime"}},
                      {"target_countries", {"JP"}}};
  return p.dump();
}

std::string document_body(int slot) {
  nlohmann::json d = {
      {"url", "https://example.org/soak/" + std::to_string(slot)},
      {"title", "Norway and Japan sign hydrogen memorandum " + std::to_string(slot)},
      {"published", "2025-05-05"},
      {"text", "Oslo, 5 May 2025. Norway and Japan signed a memorandum of understanding on hydrogen and "
               "ammonia supply chains (reference " +
                   std::to_string(slot) + "). The agreement covers offshore wind and shipping."}};
  return d.dump();
}

}  // namespace

int main(int argc, char** argv) {
  std::string host = "127.0.0.1", token;
  int port = 0, connections = 64;
  double seconds = 600, warmup = 0;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--host") host = argv[i + 1];
    else if (a == "--port") port = std::atoi(argv[i + 1]);
    else if (a == "--token") token = argv[i + 1];
    else if (a == "--connections") connections = std::atoi(argv[i + 1]);
    else if (a == "--seconds") seconds = std::atof(argv[i + 1]);
    else if (a == "--warmup") warmup = std::atof(argv[i + 1]);
    else {
      std::cerr << "soak_driver: unknown argument " << a << "\n";
      return 2;
    }
  }
  if (port <= 0 || token.empty()) {
    std::cerr << "usage: soak_driver --host H --port P --token T [--connections N] [--seconds S] [--warmup S]\n";
    return 2;
  }

  const auto start = Clock::now();
  const auto warm_until = start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(warmup));
  std::atomic<bool> counting{false};
  std::atomic<bool> done{false};
  std::atomic<long> warm_requests{0};
  std::mutex mu;
  std::map<std::string, Kind> totals;
  std::atomic<long> write_counter{0};

  auto worker = [&](int index) {
    std::mt19937 rng(static_cast<unsigned>(index * 7919 + 17));
    std::map<std::string, Kind> mine;
    httplib::Client cli(host, port);
    cli.set_keep_alive(true);
    cli.set_connection_timeout(10, 0);
    cli.set_read_timeout(60, 0);
    cli.set_write_timeout(60, 0);
    httplib::Headers auth = {{"Authorization", "Bearer " + token}};
    while (!done) {
      auto t0 = Clock::now();
      const bool counted = counting;
      int roll = static_cast<int>(rng() % 100);
      std::string kind;
      httplib::Result res = [&]() -> httplib::Result {
        if (roll < 60) {
          kind = "search";
          std::string q = kQueries[rng() % std::size(kQueries)];
          return cli.Get("/api/search?q=" + q + "&limit=20");
        }
        if (roll < 85) {
          kind = "match";
          if (rng() % 2) {
            return cli.Get(std::string("/api/profiles/") + kProfiles[rng() % std::size(kProfiles)] + "/matches?top=10");
          }
          return cli.Post("/api/match", kMatchTexts[rng() % std::size(kMatchTexts)], "application/json");
        }
        kind = "write";
        long n = write_counter++;
        if (n % 3 == 2) {
          return cli.Post("/api/ingest", auth, document_body(static_cast<int>(n % 200)), "application/json");
        }
        return cli.Post("/api/profiles", auth, profile_body(static_cast<int>(n % 50), n), "application/json");
      }();
      auto t1 = Clock::now();
      if (!counted || done) {
        ++warm_requests;
        continue;
      }
      Kind& k = mine[kind];
      k.ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
      if (!res) {
        ++k.errors;
        ++k.error_kinds["connection: " + httplib::to_string(res.error())];
      } else if (res->status < 200 || res->status >= 300) {
        ++k.errors;
        ++k.error_kinds["status " + std::to_string(res->status) + ": " + res->body.substr(0, 120)];
      }
    }
    std::lock_guard lock(mu);
    for (auto& [name, k] : mine) {
      Kind& t = totals[name];
      t.ms.insert(t.ms.end(), k.ms.begin(), k.ms.end());
      t.errors += k.errors;
      for (auto& [e, n] : k.error_kinds) t.error_kinds[e] += n;
    }
  };

  std::vector<std::thread> threads;
  for (int i = 0; i < connections; ++i) threads.emplace_back(worker, i);
  // The warm-up ends after its time and 10 requests per connection; then
  // the counted period runs for `seconds`.
  while (Clock::now() < warm_until || warm_requests < 10L * connections) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  counting = true;
  const auto counted_from_epoch = std::chrono::duration_cast<std::chrono::seconds>(
                                      std::chrono::system_clock::now().time_since_epoch()).count();
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  done = true;
  for (auto& t : threads) t.join();

  nlohmann::json out = {{"connections", connections}, {"seconds", seconds}, {"warmup", warmup},
                        {"counted_from", counted_from_epoch}, {"warm_requests", warm_requests.load()}};
  long all = 0, errors = 0;
  for (auto& [name, k] : totals) {
    std::sort(k.ms.begin(), k.ms.end());
    auto pct = [&](double p) {
      if (k.ms.empty()) return 0.0;
      std::size_t i = std::min(k.ms.size() - 1, static_cast<std::size_t>(p * static_cast<double>(k.ms.size())));
      return std::round(k.ms[i] * 100) / 100;
    };
    out["kinds"][name] = {{"requests", k.ms.size()}, {"errors", k.errors},   {"p50_ms", pct(0.50)},
                          {"p99_ms", pct(0.99)},      {"max_ms", k.ms.empty() ? 0.0 : std::round(k.ms.back() * 100) / 100},
                          {"error_kinds", k.error_kinds}};
    all += static_cast<long>(k.ms.size());
    errors += k.errors;
  }
  out["requests"] = all;
  out["errors"] = errors;
  out["requests_per_s"] = std::round(static_cast<double>(all) / seconds * 10) / 10;
  std::cout << out.dump(1) << "\n";
  return errors == 0 ? 0 : 1;
}
