// ingest/http: fetching a source by URL (feeds), with HTTP conditional
// requests so that an unchanged feed costs a 304 and no body. libcurl
// underneath; errors are values, nothing throws.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

#include "common/status.h"

namespace pactum::ingest {

struct HttpRequest {
  std::string url;            // http:// or https:// only
  std::string etag;           // sent as If-None-Match when not empty
  std::string last_modified;  // sent as If-Modified-Since when not empty
  std::chrono::seconds timeout{30};
  std::size_t max_bytes = std::size_t{16} << 20;  // a larger body is an error
};

struct HttpResponse {
  int status = 0;             // 200, 304, 404, 500, ... (after redirects)
  std::string body;           // empty for 304
  std::string etag;           // the response's ETag, "" if none
  std::string last_modified;  // its Last-Modified, "" if none
};

// One GET (following up to 5 redirects). Any HTTP status is a response;
// kInvalidArgument for a URL that is not http(s); kIoError for a network
// failure (no connection, timeout, a body over max_bytes), naming the URL.
Result<HttpResponse> http_get(const HttpRequest& request);

}  // namespace pactum::ingest
