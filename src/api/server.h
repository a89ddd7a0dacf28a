// pactum serve's HTTP server: cpp-httplib with a thread pool, keep-alive,
// body size and time limits, a JSON access log, the REST API (api/routes.h)
// under /api/ and the web UI's built files (web/) at /.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "api/routes.h"
#include "common/status.h"

namespace pactum::api {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;                 // 0: any free port (bind() tells which)
  std::size_t threads = 64;        // a keep-alive connection holds a thread while open
  std::size_t max_body_bytes = std::size_t{16} << 20;  // larger bodies get 413
  int read_timeout_s = 10, write_timeout_s = 10;
  // A request (line, headers and body) must arrive within this many seconds
  // of its first byte, or the connection is closed: a client that trickles
  // bytes (slowloris) cannot hold a worker longer than this.
  int request_timeout_s = 30;
  std::size_t max_header_bytes = 64 << 10;  // request line and headers; more: 400
  // Origins (scheme://host[:port]) whose pages may call the API from the
  // browser (CORS). Empty: same origin only. Never a wildcard; no cookies
  // are used (writes carry a bearer token), so no credentials are allowed.
  std::vector<std::string> cors_origins;
  int keep_alive_timeout_s = 5;
  std::size_t keep_alive_max_requests = 1000;
  std::filesystem::path web_dir;   // built UI; empty or missing: API only
  std::ostream* access_log = nullptr;  // one JSON line per request; null: none
};

class Server {
 public:
  Server(const Api& api, ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the listening socket; returns the port (useful with port 0).
  Result<int> bind();
  // Serves until stop(); returns when every worker has finished its request.
  Status run();
  // Stops accepting and ends run(); callable from any thread.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace pactum::api
