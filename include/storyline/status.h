// Status and Result<T>: errors as values across the library boundary.
//
// Shaped after absl::Status / absl::StatusOr. No function in the public API
// throws; bad input is reported as a Status whose message names the input,
// the record and the reason.
#ifndef STORYLINE_STATUS_H_
#define STORYLINE_STATUS_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace storyline {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,    // caller passed something malformed (bad flag, bad query)
  kNotFound,           // file, article or record does not exist
  kDataLoss,           // input is truncated or corrupt (truncated gzip, WARC)
  kInvalidData,        // input is well-formed bytes but not acceptable content
  kResourceExhausted,  // a budget from an Options struct was exceeded
  kIoError,            // the operating system refused a read or write
  kUnimplemented,
  kInternal,
};

std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message)
      : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "CodeName: message", or "OK".
  std::string ToString() const;

  // Returns a copy whose message is "prefix: message" (for adding context such
  // as a file name as the error travels up).
  Status WithContext(std::string_view prefix) const;

  friend bool operator==(const Status& a, const Status& b) {
    return a.code_ == b.code_ && a.message_ == b.message_;
  }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status InvalidArgumentError(std::string m) { return {StatusCode::kInvalidArgument, std::move(m)}; }
inline Status NotFoundError(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
inline Status DataLossError(std::string m) { return {StatusCode::kDataLoss, std::move(m)}; }
inline Status InvalidDataError(std::string m) { return {StatusCode::kInvalidData, std::move(m)}; }
inline Status ResourceExhaustedError(std::string m) { return {StatusCode::kResourceExhausted, std::move(m)}; }
inline Status IoError(std::string m) { return {StatusCode::kIoError, std::move(m)}; }
inline Status UnimplementedError(std::string m) { return {StatusCode::kUnimplemented, std::move(m)}; }
inline Status InternalError(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

// Either a value or a non-OK Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {  // NOLINT
    if (status_.ok()) status_ = InternalError("Result built from OK status");
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }

  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }
  T&& operator*() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace storyline

#define STORYLINE_CONCAT_INNER_(a, b) a##b
#define STORYLINE_CONCAT_(a, b) STORYLINE_CONCAT_INNER_(a, b)

// Returns from the current function if `expr` (a Status) is not OK.
#define STORYLINE_RETURN_IF_ERROR(expr)            \
  do {                                             \
    ::storyline::Status storyline_st_ = (expr);    \
    if (!storyline_st_.ok()) return storyline_st_; \
  } while (0)

// `lhs = value of expr`, or returns its Status from the current function.
#define STORYLINE_ASSIGN_OR_RETURN(lhs, expr)                             \
  auto STORYLINE_CONCAT_(storyline_res_, __LINE__) = (expr);              \
  if (!STORYLINE_CONCAT_(storyline_res_, __LINE__).ok())                  \
    return STORYLINE_CONCAT_(storyline_res_, __LINE__).status();          \
  lhs = std::move(*STORYLINE_CONCAT_(storyline_res_, __LINE__))

#endif  // STORYLINE_STATUS_H_
