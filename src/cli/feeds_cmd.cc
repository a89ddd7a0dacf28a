// pactum feeds add | list | poll | remove: following press offices' RSS/Atom
// feeds by URL (api/feeds.h); every bit of state is in the store.
#include <iomanip>
#include <iostream>

#include "api/feeds.h"
#include "cli/cli.h"

namespace pactum::cli {

namespace {

nlohmann::json feed_json(const store::FeedRecord& f) {
  return {{"id", f.id},
          {"url", f.url},
          {"name", f.name},
          {"interval_s", f.interval_s},
          {"etag", f.etag},
          {"last_modified", f.last_modified},
          {"added_at", f.added_at},
          {"last_polled_at", f.last_polled_at},
          {"next_poll_at", f.next_poll_at},
          {"failures", f.failures},
          {"last_status", f.last_status},
          {"last_error", f.last_error},
          {"items", f.items}};
}

}  // namespace

void add_feeds(CLI::App& app, Runner* run) {
  CLI::App* verb = app.add_subcommand("feeds", "Follow RSS/Atom feeds by URL: add, list, poll, remove");
  verb->require_subcommand(1);

  struct AddArgs {
    std::string db, url, name;
    std::int64_t interval = 900;
    bool json = false;
  };
  auto aa = std::make_shared<AddArgs>();
  CLI::App* add = verb->add_subcommand("add", "Follow a feed (http or https URL)");
  add->add_option("url", aa->url, "The feed's URL")->required();
  add->add_option("--name", aa->name, "A name to list it by (default: the URL)");
  add->add_option("--interval", aa->interval, "Seconds between polls once it answered (default 900)")
      ->check(CLI::NonNegativeNumber);
  add->add_flag("--json", aa->json, "Print the feed as JSON");
  add_db_option(add, &aa->db);
  add->callback([run, aa] {
    *run = [aa]() -> int {
      if (aa->url.rfind("http://", 0) != 0 && aa->url.rfind("https://", 0) != 0) {
        return report(Status::invalid_argument("feeds add: expected an http:// or https:// URL, got '" + aa->url + "'"));
      }
      auto store = open_store(aa->db);
      if (!store.is_ok()) return report(store.status());
      auto feed = (*store)->add_feed(aa->url, aa->name.empty() ? aa->url : aa->name, aa->interval);
      if (!feed.is_ok()) {
        if (feed.status().code() == StatusCode::kAlreadyExists) {
          std::cerr << "pactum: " << feed.status().message() << "\n";
          return kExitUsage;
        }
        return report(feed.status());
      }
      if (aa->json) {
        std::cout << feed_json(*feed).dump(1) << "\n";
      } else {
        std::cout << "following feed " << feed->id << ": " << feed->name << "\n";
      }
      return kExitOk;
    };
  });

  struct ListArgs {
    std::string db;
    bool json = false;
  };
  auto la = std::make_shared<ListArgs>();
  CLI::App* list = verb->add_subcommand("list", "The feeds followed, with their poll state");
  list->add_flag("--json", la->json, "A JSON array of feeds");
  add_db_option(list, &la->db);
  list->callback([run, la] {
    *run = [la]() -> int {
      auto store = open_store(la->db);
      if (!store.is_ok()) return report(store.status());
      auto feeds = (*store)->feeds();
      if (!feeds.is_ok()) return report(feeds.status());
      if (la->json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& f : *feeds) out.push_back(feed_json(f));
        std::cout << out.dump(1) << "\n";
        return kExitOk;
      }
      for (const auto& f : *feeds) {
        std::cout << std::left << std::setw(4) << f.id << f.name << "  " << f.url << "\n      items " << f.items
                  << ", last " << (f.last_status.empty() ? "never polled" : f.last_status)
                  << (f.failures ? ", " + std::to_string(f.failures) + " failure(s): " + f.last_error : "")
                  << (f.next_poll_at.empty() ? "" : ", next poll " + f.next_poll_at) << "\n";
      }
      std::cout << feeds->size() << " feed(s)\n";
      return kExitOk;
    };
  });

  struct PollArgs {
    std::string db;
    bool json = false, force = false;
  };
  auto pa = std::make_shared<PollArgs>();
  CLI::App* poll = verb->add_subcommand(
      "poll", "Fetch the due feeds (conditional GET) and ingest their new items, each once");
  poll->add_flag("--force", pa->force, "Poll every feed now, even one not due or backing off");
  poll->add_flag("--json", pa->json, "A JSON array: per feed, status, items, new items, stored, error");
  add_db_option(poll, &pa->db);
  poll->callback([run, pa] {
    *run = [pa]() -> int {
      auto store = open_store(pa->db);
      if (!store.is_ok()) return report(store.status());
      auto extractor = load_extractor();
      if (!extractor.is_ok()) return report(extractor.status());
      api::PollOptions options;
      options.force = pa->force;
      auto polls = api::poll_feeds(**store, **extractor, options);
      if (!polls.is_ok()) return report(polls.status());
      bool any_error = false;
      nlohmann::json out = nlohmann::json::array();
      for (const auto& p : *polls) {
        any_error = any_error || !p.error.empty() || p.failed > 0;
        if (pa->json) {
          out.push_back({{"id", p.feed.id},           {"url", p.feed.url},
                         {"polled", p.polled},        {"http_status", p.http_status},
                         {"items", p.items},          {"new_items", p.new_items},
                         {"stored", p.stored},        {"failed", p.failed},
                         {"error", p.error},          {"failures", p.feed.failures},
                         {"next_poll_at", p.feed.next_poll_at}});
          continue;
        }
        std::cout << std::left << std::setw(4) << p.feed.id << p.feed.name << ": ";
        if (!p.polled) {
          std::cout << "not due until " << p.feed.next_poll_at << "\n";
        } else if (!p.error.empty()) {
          std::cout << "error (" << p.feed.failures << " in a row, retry after " << p.feed.next_poll_at
                    << "): " << p.error << "\n";
        } else if (p.http_status == 304) {
          std::cout << "not modified\n";
        } else {
          std::cout << p.items << " item(s), " << p.new_items << " new, " << p.stored << " stored"
                    << (p.failed ? ", " + std::to_string(p.failed) + " failed" : "") << "\n";
        }
      }
      if (pa->json) {
        std::cout << out.dump(1) << "\n";
      } else if (polls->empty()) {
        std::cout << "no feeds followed (pactum feeds add URL)\n";
      }
      return any_error ? kExitSomeInputsFailed : kExitOk;
    };
  });

  struct RemoveArgs {
    std::string db, feed;
  };
  auto ra = std::make_shared<RemoveArgs>();
  CLI::App* remove = verb->add_subcommand("remove", "Stop following a feed (its documents stay)");
  remove->add_option("feed", ra->feed, "The feed's id or URL")->required();
  add_db_option(remove, &ra->db);
  remove->callback([run, ra] {
    *run = [ra]() -> int {
      auto store = open_store(ra->db);
      if (!store.is_ok()) return report(store.status());
      if (Status st = (*store)->remove_feed(ra->feed); !st.is_ok()) return report(st);
      std::cout << "removed feed " << ra->feed << "\n";
      return kExitOk;
    };
  });
}

}  // namespace pactum::cli
