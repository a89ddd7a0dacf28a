// pactum serve's HTTP server over cpp-httplib (api/server.h).
#include "api/server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <chrono>
#include <ctime>
#include <atomic>
#include <cmath>
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

}  // namespace

struct Server::Impl {
  const Api& api;
  ServerOptions options;
  httplib::Server http;
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
    ApiResponse out = api.handle(std::move(r));
    res.status = out.status;
    if (out.status == 401) res.set_header("WWW-Authenticate", "Bearer");
    res.set_content(out.body, out.content_type.c_str());
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

Server::Server(const Api& api, ServerOptions options) : impl_(new Impl{api, std::move(options), {}, {}, {}}) {
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
  http.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                            {"Content-Security-Policy",
                             "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                             "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"}});
  if (!o.web_dir.empty() && std::filesystem::is_directory(o.web_dir)) {
    http.set_mount_point("/", o.web_dir.string());
  } else {
    http.Get("/", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("pactum serve: the web UI is not built (scripts/build.sh builds it when node and npm are "
                      "installed); the REST API is at /api/ (see /api/openapi.json)\n",
                      "text/plain; charset=utf-8");
    });
  }
  http.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
    t_started = std::chrono::steady_clock::now();
    return httplib::Server::HandlerResponse::Unhandled;
  });
  auto handler = [impl](const httplib::Request& req, httplib::Response& res) { impl->dispatch(req, res); };
  const char* kApi = R"(/api/.*)";
  http.Get(kApi, handler);
  http.Post(kApi, handler);
  http.Put(kApi, handler);
  http.Delete(kApi, handler);
  http.Patch(kApi, handler);
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
