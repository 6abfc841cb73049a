// libFuzzer target: TimeTagger on arbitrary bytes, with and without an
// anchor, in news and narrative mode. Checks the span contract.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "time/timex.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  static storyline::time::TimeTagger news;
  static storyline::time::TimeTagger narrative(storyline::time::TimeOptions{.narrative = true});
  std::vector<storyline::time::TimeExpression> out;
  storyline::time::Anchor anchor;
  if (size > 0 && data[0] % 2 == 0) anchor.date = {2013, 5, 24};
  (size % 2 ? news : narrative).Tag(text, {}, anchor, &out);
  uint32_t last = 0;
  for (const auto& e : out) {
    if (e.span.begin < last || e.span.end <= e.span.begin || e.span.end > size) std::abort();
    last = e.span.end;
  }
  return 0;
}
