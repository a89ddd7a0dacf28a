// pactum serve's HTTP server over cpp-httplib (api/server.h).
#include "api/server.h"

#include <httplib.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <ctime>
#include <mutex>

namespace pactum::api {

namespace {

// When the worker thread started on its current request (set before
// routing; requests refused while parsing have none).
thread_local std::chrono::steady_clock::time_point t_started{};

std::string utc_now() {
  auto now = std::chrono::system_clock::now();
  std::time_t t = std::chrono::system_clock::to_time_t(now);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
  return buf;
}

std::string bearer_of(const httplib::Request& req) {
  std::string auth = req.get_header_value("Authorization");
  const std::string prefix = "Bearer ";
  if (auth.size() > prefix.size() && auth.compare(0, prefix.size(), prefix) == 0) return auth.substr(prefix.size());
  return "";
}

using Clock = std::chrono::steady_clock;

// A connection's socket as httplib's Stream, with what httplib 0.11 lacks:
// a deadline for the whole request (its per-read timeout lets a client that
// sends a byte every few seconds hold a worker for hours) and a cap on the
// bytes of the request line and headers (httplib caps a line, not their
// number). Reads are buffered: httplib reads the headers byte by byte.
class GuardedStream final : public httplib::Stream {
 public:
  GuardedStream(int sock, const ServerOptions& o) : sock_(sock), o_(o) {}

  // A new request begins: its deadline and header budget start now.
  void start_request() {
    deadline_ = Clock::now() + std::chrono::seconds(o_.request_timeout_s);
    in_headers_ = true;
    header_bytes_ = 0;
  }
  // The headers are read (pre-routing): the body is limited by the body limit.
  void headers_done() { in_headers_ = false; }
  bool has_buffered() const { return off_ < len_; }

  bool is_readable() const override { return has_buffered() || wait(POLLIN, read_wait_ms()) > 0; }
  bool is_writable() const override { return wait(POLLOUT, o_.write_timeout_s * 1000) > 0; }

  ssize_t read(char* ptr, std::size_t size) override {
    if (in_headers_) {
      if (header_bytes_ >= o_.max_header_bytes) return -1;
      size = std::min(size, o_.max_header_bytes - header_bytes_);
    }
    if (!has_buffered()) {
      if (wait(POLLIN, read_wait_ms()) <= 0) return -1;
      ssize_t n = ::recv(sock_, buf_.data(), buf_.size(), 0);
      if (n <= 0) return n;
      off_ = 0;
      len_ = static_cast<std::size_t>(n);
    }
    std::size_t n = std::min(size, len_ - off_);
    std::memcpy(ptr, buf_.data() + off_, n);
    off_ += n;
    if (in_headers_) header_bytes_ += n;
    return static_cast<ssize_t>(n);
  }

  ssize_t write(const char* ptr, std::size_t size) override {
    if (!is_writable()) return -1;
    return ::send(sock_, ptr, size, MSG_NOSIGNAL);
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override { address(true, ip, port); }
  void get_local_ip_and_port(std::string& ip, int& port) const override { address(false, ip, port); }
  socket_t socket() const override { return sock_; }

 private:
  // Milliseconds a read may wait: the read timeout, cut at the deadline.
  int read_wait_ms() const {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - Clock::now()).count();
    return static_cast<int>(std::clamp<long long>(left, 0, o_.read_timeout_s * 1000LL));
  }
  int wait(short events, int ms) const {
    pollfd p{sock_, events, 0};
    int r;
    do {
      r = ::poll(&p, 1, ms);
    } while (r < 0 && errno == EINTR);
    if (r > 0 && (p.revents & (POLLERR | POLLNVAL))) return -1;
    return r;
  }
  void address(bool peer, std::string& ip, int& port) const {
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    auto* sa = reinterpret_cast<sockaddr*>(&addr);
    if ((peer ? ::getpeername(sock_, sa, &len) : ::getsockname(sock_, sa, &len)) != 0) return;
    char host[NI_MAXHOST], serv[NI_MAXSERV];
    if (::getnameinfo(sa, len, host, sizeof host, serv, sizeof serv, NI_NUMERICHOST | NI_NUMERICSERV) != 0) return;
    ip = host;
    port = std::atoi(serv);
  }

  int sock_;
  const ServerOptions& o_;
  std::array<char, 4096> buf_{};
  std::size_t off_ = 0, len_ = 0;
  Clock::time_point deadline_{};
  bool in_headers_ = true;
  std::size_t header_bytes_ = 0;
};

// The stream of the request this worker thread is reading, for the
// pre-routing handler.
thread_local GuardedStream* t_stream = nullptr;

// httplib's server with its connection loop replaced, so that each
// connection is read through a GuardedStream.
class GuardedServer final : public httplib::Server {
 public:
  explicit GuardedServer(const ServerOptions& o) : o_(o) {}

 private:
  bool process_and_close_socket(socket_t sock) override {
    GuardedStream stream(sock, o_);
    t_stream = &stream;
    bool ok = false;
    for (std::size_t left = keep_alive_max_count_; left > 0 && svr_sock_ != INVALID_SOCKET; --left) {
      if (!await_request(stream)) break;
      stream.start_request();
      bool closed = false;
      ok = process_request(stream, left == 1, closed, nullptr);
      if (!ok || closed) break;
    }
    t_stream = nullptr;
    ::shutdown(sock, SHUT_RDWR);
    ::close(sock);
    return ok;
  }

  // Waits for the next request on a kept-alive connection, up to the
  // keep-alive timeout, looking every 100 ms whether the server stops.
  bool await_request(const GuardedStream& stream) const {
    if (stream.has_buffered()) return true;
    auto until = Clock::now() + std::chrono::seconds(keep_alive_timeout_sec_);
    while (svr_sock_ != INVALID_SOCKET) {
      pollfd p{stream.socket(), POLLIN, 0};
      int r = ::poll(&p, 1, 100);
      if (r > 0) return !(p.revents & (POLLERR | POLLNVAL));
      if (r < 0 && errno != EINTR) return false;
      if (Clock::now() >= until) return false;
    }
    return false;
  }

  const ServerOptions& o_;
};

// The security headers of every response.
httplib::Headers security_headers() {
  return {{"X-Content-Type-Options", "nosniff"},
          // The web UI: its own modules and stylesheet, fetches to its own
          // origin, inline styles (cytoscape sets element styles), data: images.
          {"Content-Security-Policy",
           "default-src 'self'; script-src 'self'; connect-src 'self'; img-src 'self' data:; "
           "style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; form-action 'self'; "
           "frame-ancestors 'none'"},
          {"X-Frame-Options", "DENY"},
          {"Referrer-Policy", "no-referrer"},
          {"Cross-Origin-Opener-Policy", "same-origin"}};
}

}  // namespace

struct Server::Impl {
  Impl(const Api& a, ServerOptions o) : api(a), options(std::move(o)) {}
  const Api& api;
  ServerOptions options;
  GuardedServer http{options};
  std::mutex log_mu;
  std::atomic<bool> stopping{false};

  void dispatch(const httplib::Request& req, httplib::Response& res) {
    ApiRequest r;
    r.method = req.method;
    r.path = req.path;
    // From the URL only: httplib also puts a form body's fields in params.
    auto q = req.target.find('?');
    if (q != std::string::npos) {
      httplib::Params params;
      httplib::detail::parse_query_text(req.target.substr(q + 1), params);
      r.query.insert(params.begin(), params.end());
    }
    r.body = req.body;
    r.content_type = req.get_header_value("Content-Type");
    r.bearer = bearer_of(req);
    r.remote = req.remote_addr;
    ApiResponse out = api.handle(std::move(r));
    res.status = out.status;
    if (out.status == 401) res.set_header("WWW-Authenticate", "Bearer");
    for (const auto& [name, value] : out.headers) res.set_header(name, value);
    res.set_content(out.body, out.content_type.c_str());
  }

  // CORS: a request from a listed origin gets that origin back (never "*",
  // never credentials); any other origin gets nothing, so the browser keeps
  // the answer from the page. Same-origin requests need none of it.
  void cors(const httplib::Request& req, httplib::Response& res) const {
    if (!req.has_header("Origin")) return;
    std::string origin = req.get_header_value("Origin");
    res.set_header("Vary", "Origin");
    const auto& allowed = options.cors_origins;
    if (std::find(allowed.begin(), allowed.end(), origin) == allowed.end()) return;
    res.set_header("Access-Control-Allow-Origin", origin);
    if (req.method == "OPTIONS") {
      res.set_header("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, PATCH");
      res.set_header("Access-Control-Allow-Headers", "Authorization, Content-Type");
      res.set_header("Access-Control-Max-Age", "600");
    }
  }

  void log(const httplib::Request& req, const httplib::Response& res) {
    if (!options.access_log) return;
    double ms = -1;
    if (t_started != std::chrono::steady_clock::time_point{}) {
      ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t_started).count();
      t_started = {};
    }
    nlohmann::json line = {{"time", utc_now()},
                           {"remote", req.remote_addr},
                           {"method", req.method},
                           {"path", req.path},
                           {"status", res.status},
                           {"bytes", res.body.size()},
                           {"ms", ms < 0 ? nlohmann::json() : nlohmann::json(std::round(ms * 1000) / 1000)}};
    std::string text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    std::lock_guard lock(log_mu);
    *options.access_log << text << "\n";
    options.access_log->flush();
  }
};

Server::Server(const Api& api, ServerOptions options) : impl_(new Impl(api, std::move(options))) {
  auto& http = impl_->http;
  const ServerOptions& o = impl_->options;
  Impl* impl = impl_.get();
  // Without TCP_NODELAY each keep-alive response waits for the peer's delayed ACK (~40 ms).
  http.set_tcp_nodelay(true);
  // SO_REUSEADDR only: httplib's default adds SO_REUSEPORT, with which a
  // second server on a port in use starts without error and steals half
  // the connections.
  http.set_socket_options([](int sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  std::size_t threads = o.threads == 0 ? 1 : o.threads;
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http.set_payload_max_length(o.max_body_bytes);
  http.set_read_timeout(o.read_timeout_s, 0);
  http.set_write_timeout(o.write_timeout_s, 0);
  http.set_keep_alive_timeout(o.keep_alive_timeout_s);
  http.set_keep_alive_max_count(o.keep_alive_max_requests);
  http.set_default_headers(security_headers());
  if (!o.web_dir.empty() && std::filesystem::is_directory(o.web_dir)) {
    http.set_mount_point("/", o.web_dir.string());
  } else {
    http.Get("/", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("pactum serve: the web UI is not built (scripts/build.sh builds it when node and npm are "
                      "installed); the REST API is at /api/ (see /api/openapi.json)\n",
                      "text/plain; charset=utf-8");
    });
  }
  http.set_pre_routing_handler([impl](const httplib::Request& req, httplib::Response& res) {
    t_started = std::chrono::steady_clock::now();
    if (t_stream) t_stream->headers_done();
    // A decoded NUL would cut the file name short ("/index.html%00.js"
    // served index.html as a script): no path holds one.
    if (req.path.find('\0') != std::string::npos) {
      res.status = 400;
      return httplib::Server::HandlerResponse::Handled;
    }
    impl->cors(req, res);
    return httplib::Server::HandlerResponse::Unhandled;
  });
  auto handler = [impl](const httplib::Request& req, httplib::Response& res) { impl->dispatch(req, res); };
  const char* kApi = R"(/api/.*)";
  http.Get(kApi, handler);
  http.Post(kApi, handler);
  http.Put(kApi, handler);
  http.Delete(kApi, handler);
  http.Patch(kApi, handler);
  // CORS preflight: 204; the Access-Control-* headers only for a listed origin.
  http.Options(kApi, [](const httplib::Request&, httplib::Response& res) {
    res.status = 204;
    res.set_header("Allow", "GET, POST, PUT, DELETE, PATCH, OPTIONS");
  });
  // Errors the library produces itself (413, 400 on a bad request line, 404
  // outside /api/) get the API's JSON error shape.
  http.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;
    std::string code = res.status == 413 ? "too_large" : res.status == 404 ? "not_found" : "http_error";
    std::string message = res.status == 413 ? "the request body is over the server's limit"
                          : res.status == 404 ? "not found"
                                              : "the request could not be served";
    ApiResponse out = ApiResponse::error(res.status, code, message);
    res.set_content(out.body, out.content_type.c_str());
  });
  http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    ApiResponse out = ApiResponse::error(500, "internal", "internal error");
    res.status = 500;
    res.set_content(out.body, out.content_type.c_str());
  });
  http.set_logger([impl](const httplib::Request& req, const httplib::Response& res) { impl->log(req, res); });
}

Server::~Server() { stop(); }

Result<int> Server::bind() {
  const ServerOptions& o = impl_->options;
  int port = o.port == 0 ? impl_->http.bind_to_any_port(o.host)
                         : (impl_->http.bind_to_port(o.host, o.port) ? o.port : -1);
  if (port < 0) {
    return Status::io_error("cannot listen on " + o.host + ":" + std::to_string(o.port) +
                            " (in use, or not an address of this machine)");
  }
  return port;
}

Status Server::run() {
  if (impl_->stopping) return Status::ok();  // stopped before it began
  if (!impl_->http.listen_after_bind() && !impl_->stopping) {
    return Status::io_error("the server stopped listening unexpectedly");
  }
  return Status::ok();
}

void Server::stop() {
  if (!impl_) return;
  impl_->stopping = true;
  impl_->http.stop();
}

}  // namespace pactum::api
