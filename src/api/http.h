// The API's request and response, free of any HTTP library: handlers take an
// ApiRequest and return an ApiResponse, so they run in unit tests without a
// socket and the server (api/server.h) is the only code that knows httplib.
#pragma once

#include <map>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "common/status.h"

namespace pactum::api {

struct ApiRequest {
  std::string method;  // GET, POST
  std::string path;    // decoded, without the query string
  std::multimap<std::string, std::string> query;  // decoded
  std::map<std::string, std::string> params;      // from {name} segments of the route
  std::string body;
  std::string content_type;
  std::string bearer;  // the token of "Authorization: Bearer ...", "" when absent
  std::string remote;  // the client's address (the limit on failed authentications)

  // The last value of a query parameter, or nullopt.
  std::optional<std::string> arg(const std::string& name) const;
};

struct ApiResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::map<std::string, std::string> headers;  // extra response headers (Retry-After)

  static ApiResponse json(const nlohmann::json& value, int status = 200);
  static ApiResponse text(std::string body, std::string content_type, int status = 200);
  // {"error": {"code": "not_found", "message": "..."}} with the HTTP status of
  // the Status code (http_status()).
  static ApiResponse error(const Status& status);
  static ApiResponse error(int http, const std::string& code, const std::string& message);
};

// 429: too many failed authentications from the client (Retry-After: seconds).
ApiResponse too_many_failures(long retry_after_s);

// 400 invalid argument or unsupported, 404 not found, 409 already exists or
// failed precondition, 413 resource exhausted, 500 anything else.
int http_status(StatusCode code);
// The error code in the body: "invalid_argument", "not_found", ...
std::string error_code(StatusCode code);

}  // namespace pactum::api
