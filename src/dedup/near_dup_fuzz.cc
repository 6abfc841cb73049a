// Fuzzes the near-duplicate index on arbitrary bytes: the input is split in
// two texts; checks that Jaccard values are in [0, 1] and symmetric, that the
// index's exact Jaccard equals the free function's, and that a text added
// twice is found as an exact copy.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "dedup/near_dup.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace storyline::dedup;
  std::string_view all(reinterpret_cast<const char*>(data), size);
  std::string_view a = all.substr(0, size / 2), b = all.substr(size / 2);
  DedupOptions o;
  o.shingle_words = 1 + (size % 5);
  double ab = ExactJaccard(a, b, o), ba = ExactJaccard(b, a, o);
  if (ab < 0 || ab > 1 || ab != ba) std::abort();
  NearDupIndex index(o);
  if (!index.Add(1, a).ok() || !index.Add(2, b).ok()) std::abort();
  auto ex = index.Explain(1, 2);
  if (!ex.ok() || ex->exact != ab || ex->estimated < 0 || ex->estimated > 1) std::abort();
  auto again = index.Add(3, a);
  if (!again.ok() || !again->exact_copy || again->group != 1) std::abort();
  return 0;
}
