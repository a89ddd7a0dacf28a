// Status and Result<T>: how errors cross module boundaries in pactum.
// Modeled on LevelDB's Status and Abseil's StatusOr: a code from a small
// canonical set plus a message for people. Exceptions from libraries are
// caught by the module that calls the library and turned into a Status.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace pactum {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,   // the input is malformed (bad UTF-8, bad JSON, bad flag)
  kNotFound,          // a file, document, event or actor does not exist
  kAlreadyExists,     // e.g. a document with the same content hash
  kFailedPrecondition,// the store or environment is not in the needed state
  kUnsupported,       // a format or language pactum does not read
  kResourceExhausted, // an input over a size limit
  kIoError,           // the OS or a library failed to read or write
  kCorruption,        // stored data does not match its schema
  kInternal,          // a bug in pactum
  kConflict,          // a concurrent change won: what the caller read is stale (re-read, retry)
};

std::string_view status_code_name(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status ok() { return {}; }
  static Status invalid_argument(std::string m) { return {StatusCode::kInvalidArgument, std::move(m)}; }
  static Status not_found(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
  static Status already_exists(std::string m) { return {StatusCode::kAlreadyExists, std::move(m)}; }
  static Status failed_precondition(std::string m) { return {StatusCode::kFailedPrecondition, std::move(m)}; }
  static Status unsupported(std::string m) { return {StatusCode::kUnsupported, std::move(m)}; }
  static Status resource_exhausted(std::string m) { return {StatusCode::kResourceExhausted, std::move(m)}; }
  static Status io_error(std::string m) { return {StatusCode::kIoError, std::move(m)}; }
  static Status corruption(std::string m) { return {StatusCode::kCorruption, std::move(m)}; }
  static Status internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }
  static Status conflict(std::string m) { return {StatusCode::kConflict, std::move(m)}; }

  bool is_ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "invalid argument: line 3: missing title"
  std::string to_string() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// Result<T> holds either a value or a non-OK Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {  // NOLINT
    assert(!status_.is_ok() && "Result needs a value or an error");
  }

  bool is_ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() & { assert(value_); return *value_; }
  const T& value() const& { assert(value_); return *value_; }
  T&& value() && { assert(value_); return std::move(*value_); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace pactum

// Returns early from the enclosing function when expr is not OK.
#define PACTUM_RETURN_IF_ERROR(expr)              \
  do {                                            \
    ::pactum::Status _st = (expr);                \
    if (!_st.is_ok()) return _st;                 \
  } while (0)
