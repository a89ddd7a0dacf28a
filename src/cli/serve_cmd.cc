// pactum serve | token: the REST API and web UI over HTTP (api/server.h),
// and the bearer tokens that allow writes through it.
#include <pthread.h>
#include <signal.h>

#include <fstream>
#include <iostream>
#include <thread>
#include <vector>

#include "api/routes.h"
#include "api/server.h"
#include "cli/cli.h"
#include "common/files.h"
#include "extract/gazetteer.h"
#include "kb/profile.h"
#include "match/analyzer.h"
#include "search/search.h"
#include "store/split_store.h"

namespace pactum::cli {

namespace {

// The built web UI: $PACTUM_WEB, else the build tree's web/ (scripts/build.sh).
std::filesystem::path default_web_dir() {
  if (const char* env = std::getenv("PACTUM_WEB"); env && *env) return env;
  return PACTUM_BUILD_WEB_DIR;
}

}  // namespace

void add_serve(CLI::App& app, Runner* run) {
  struct Args {
    std::string db, read_db, host = "127.0.0.1", web, access_log = "-";
    int port = 8080, request_timeout = 30;
    std::size_t threads = 64, max_body_mb = 16;
    std::vector<std::string> cors_origins;
  };
  auto a = std::make_shared<Args>();
  CLI::App* verb = app.add_subcommand("serve", "Serve the REST API (/api/) and the web UI over HTTP");
  add_db_option(verb, &a->db);
  verb->add_option("--read-db", a->read_db,
                   "A replica of --db to read from (search, lists, documents); writes, curation and tokens go to --db");
  verb->add_option("--host", a->host, "Address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)");
  verb->add_option("--port", a->port, "Port (default 8080; 0 picks a free one)")->check(CLI::Range(0, 65535));
  verb->add_option("--threads", a->threads, "Worker threads (default 64; each open keep-alive connection holds one)")
      ->check(CLI::Range(1, 1024));
  verb->add_option("--max-body-mb", a->max_body_mb, "Largest request body in MiB (default 16; larger gets 413)")
      ->check(CLI::Range(1, 1024));
  verb->add_option("--request-timeout", a->request_timeout,
                   "Seconds a request (line, headers, body) may take to arrive (default 30; slower clients are "
                   "cut off)")
      ->check(CLI::Range(1, 3600));
  verb->add_option("--cors-origin", a->cors_origins,
                   "An origin (https://host[:port]) whose pages may call the API; repeatable (default: none, same "
                   "origin only)");
  verb->add_option("--web", a->web, "Folder of the built web UI (default $PACTUM_WEB, else the build's web/)");
  verb->add_option("--access-log", a->access_log, "Access log file, one JSON line per request ('-': stderr, "
                                                  "'off': none)");
  verb->callback([run, a] {
    *run = [a]() -> int {
      for (const auto& origin : a->cors_origins) {
        if (origin.find('*') != std::string::npos || origin.find("://") == std::string::npos) {
          return report(Status::invalid_argument("--cors-origin: expected one origin such as https://example.org, "
                                                 "got '" + origin + "' (no wildcards)"));
        }
      }
      auto store = open_store(a->db);
      if (!store.is_ok()) return report(store.status());
      if (!a->read_db.empty()) {
        auto replica = open_store(a->read_db);
        if (!replica.is_ok()) return report(replica.status());
        *store = store::split_store(std::move(*store), std::move(*replica));
      }
      auto extractor = load_extractor();
      if (!extractor.is_ok()) return report(extractor.status());
      auto searcher = search::Searcher::create(data_dir());
      if (!searcher.is_ok()) return report(searcher.status());
      auto analyzer = match::Analyzer::create(data_dir());
      if (!analyzer.is_ok()) return report(analyzer.status());
      auto gazetteer = extract::Gazetteer::load(data_dir());
      if (!gazetteer.is_ok()) return report(gazetteer.status());
      auto openapi = read_file(data_dir() / "api" / "openapi.json");
      if (!openapi.is_ok()) return report(openapi.status());

      std::ofstream log_file;
      api::ServerOptions o;
      o.host = a->host;
      o.port = a->port;
      o.threads = a->threads;
      o.max_body_bytes = a->max_body_mb << 20;
      o.request_timeout_s = a->request_timeout;
      o.cors_origins = a->cors_origins;
      o.web_dir = a->web.empty() ? default_web_dir() : std::filesystem::path(a->web);
      if (a->access_log == "-") {
        o.access_log = &std::cerr;
      } else if (a->access_log != "off") {
        log_file.open(a->access_log, std::ios::app);
        if (!log_file) return report(Status::io_error("cannot write the access log " + a->access_log));
        o.access_log = &log_file;
      }
      api::Api api(**store, **searcher, **extractor, **analyzer, kb::ProfileCodes::from_gazetteer(*gazetteer),
                   std::move(*openapi));
      api::Server server(api, o);

      // SIGINT/SIGTERM are taken by one thread (sigwait), which stops the
      // server; the workers, started after the mask is set, never see them.
      sigset_t signals;
      sigemptyset(&signals);
      sigaddset(&signals, SIGINT);
      sigaddset(&signals, SIGTERM);
      pthread_sigmask(SIG_BLOCK, &signals, nullptr);
      auto port = server.bind();
      if (!port.is_ok()) return report(port.status());
      std::thread waiter([&server, signals] {
        int sig = 0;
        sigwait(&signals, &sig);
        server.stop();
      });
      bool ui = std::filesystem::is_directory(o.web_dir);
      std::cout << "pactum serve: http://" << o.host << ":" << *port << "/" << (ui ? "" : " (API only: web UI not built)")
                << std::endl;
      Status st = server.run();
      pthread_kill(waiter.native_handle(), SIGTERM);
      waiter.join();
      std::cout << "pactum serve: stopped" << std::endl;
      return st.is_ok() ? kExitOk : report(st);
    };
  });
}

void add_token(CLI::App& app, Runner* run) {
  CLI::App* verb = app.add_subcommand("token", "API tokens for writes through pactum serve");
  verb->require_subcommand(1);
  struct Args {
    std::string db, name = "default";
    bool json = false;
  };
  auto a = std::make_shared<Args>();
  CLI::App* create = verb->add_subcommand("create", "Make a token and print it once (only its SHA-256 is stored)");
  add_db_option(create, &a->db);
  create->add_option("--name", a->name, "What the token is for (default 'default')");
  create->add_flag("--json", a->json, "{\"name\", \"token\"} instead of the bare token");
  create->callback([run, a] {
    *run = [a]() -> int {
      auto store = open_store(a->db);
      if (!store.is_ok()) return report(store.status());
      auto token = api::create_token(**store, a->name);
      if (!token.is_ok()) return report(token.status());
      if (a->json) {
        std::cout << nlohmann::json({{"name", a->name}, {"token", *token}}).dump() << "\n";
      } else {
        std::cout << *token << "\n";
        std::cerr << "pactum: keep this token: it is shown only once (send it as 'Authorization: Bearer TOKEN')\n";
      }
      return kExitOk;
    };
  });
}

}  // namespace pactum::cli
