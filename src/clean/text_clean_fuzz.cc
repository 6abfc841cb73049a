// Fuzzes CleanTextPage on arbitrary bytes and checks that every non-empty
// input line is accounted for in exactly one output field.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "clean/text_clean.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view s(reinterpret_cast<const char*>(data), size);
  storyline::clean::CleanedText c = storyline::clean::CleanTextPage(s);
  size_t out_bytes = c.title.size();
  for (const auto& p : c.paragraphs) out_bytes += p.size();
  for (const auto& p : c.credits) out_bytes += p.size();
  for (const auto& p : c.captions) out_bytes += p.size();
  for (const auto& p : c.stamps) out_bytes += p.size();
  for (const auto& r : c.removed) out_bytes += r.text.size();
  if (out_bytes > size) std::abort();
  for (const auto& p : c.paragraphs) {
    if (p.empty()) std::abort();
  }
  return 0;
}
