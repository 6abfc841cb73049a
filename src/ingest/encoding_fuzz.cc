// Fuzzes DecodeToUtf8: whatever the bytes and hint, the result is valid
// UTF-8 or an error, and IsValidUtf8 agrees with the pass-through rule.
#include <cstddef>
#include <cstdint>
#include <string>

#include "ingest/encoding.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace storyline::ingest;
  static const char* kHints[] = {"", "utf-8", "iso-8859-1", "windows-1251", "shift_jis",
                                 "utf-16le", "utf-32", "gb18030", "bogus-charset", "koi8-r"};
  if (size == 0) return 0;
  const char* hint = kHints[data[0] % (sizeof(kHints) / sizeof(kHints[0]))];
  std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  storyline::Result<std::string> out = DecodeToUtf8(bytes, hint);
  if (out.ok() && !IsValidUtf8(*out)) __builtin_trap();
  if (!out.ok() && out.status().code() != storyline::StatusCode::kInvalidData &&
      out.status().code() != storyline::StatusCode::kResourceExhausted) {
    __builtin_trap();
  }
  if (IsValidUtf8(bytes) && out.ok() && bytes.find('\0') == std::string_view::npos &&
      !bytes.starts_with("\xEF\xBB\xBF") && std::string(hint).find("utf-") == std::string::npos &&
      *out != bytes) {
    __builtin_trap();  // valid UTF-8 must pass through unchanged
  }
  return 0;
}
