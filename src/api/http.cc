// ApiRequest/ApiResponse helpers and the Status -> HTTP mapping.
#include "api/http.h"

namespace pactum::api {

std::optional<std::string> ApiRequest::arg(const std::string& name) const {
  auto [lo, hi] = query.equal_range(name);
  if (lo == hi) return std::nullopt;
  return std::prev(hi)->second;
}

ApiResponse ApiResponse::json(const nlohmann::json& value, int status) {
  // Invalid UTF-8 from a document must not throw: replace it.
  return {status, "application/json", value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), {}};
}

ApiResponse ApiResponse::text(std::string body, std::string content_type, int status) {
  return {status, std::move(content_type), std::move(body), {}};
}

ApiResponse ApiResponse::error(int http, const std::string& code, const std::string& message) {
  return json({{"error", {{"code", code}, {"message", message}}}}, http);
}

ApiResponse ApiResponse::error(const Status& status) {
  return error(http_status(status.code()), error_code(status.code()), status.message());
}

ApiResponse too_many_failures(long retry_after_s) {
  ApiResponse out = ApiResponse::error(429, "too_many_requests",
                                       "too many failed authentications from this address; retry in " +
                                           std::to_string(retry_after_s) + " s");
  out.headers["Retry-After"] = std::to_string(retry_after_s);
  return out;
}

int http_status(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return 200;
    case StatusCode::kInvalidArgument:
    case StatusCode::kUnsupported: return 400;
    case StatusCode::kNotFound: return 404;
    case StatusCode::kAlreadyExists:
    case StatusCode::kFailedPrecondition:
    case StatusCode::kConflict: return 409;
    case StatusCode::kResourceExhausted: return 413;
    default: return 500;
  }
}

std::string error_code(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return "ok";
    case StatusCode::kInvalidArgument: return "invalid_argument";
    case StatusCode::kNotFound: return "not_found";
    case StatusCode::kAlreadyExists: return "already_exists";
    case StatusCode::kFailedPrecondition: return "failed_precondition";
    case StatusCode::kUnsupported: return "unsupported";
    case StatusCode::kResourceExhausted: return "too_large";
    case StatusCode::kIoError: return "io_error";
    case StatusCode::kCorruption: return "corruption";
    case StatusCode::kInternal: return "internal";
    case StatusCode::kConflict: return "conflict";
  }
  return "internal";
}

}  // namespace pactum::api
