// Shared by the ingest fuzzers: drain a reader over fuzz input, checking
// that it terminates and that records are well-formed. Fuzz-only.
#ifndef STORYLINE_INGEST_FUZZ_UTIL_H_
#define STORYLINE_INGEST_FUZZ_UTIL_H_

#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "ingest/reader.h"
#include "ingest/reader_internal.h"

namespace storyline::ingest {

// Reads everything; traps when the reader yields more results than the
// input could possibly hold (a loop that makes no progress).
inline void DrainForFuzz(std::string_view data, const ReadOptions& options) {
  auto reader = OpenMemory(data, "fuzz", options);
  RawRecord rec;
  const size_t limit = 4 * data.size() + 16;
  for (size_t i = 0;; ++i) {
    if (i > limit) __builtin_trap();
    Result<bool> r = reader->Next(&rec);
    if (!r.ok()) {
      if (r.status().message().empty()) __builtin_trap();
      continue;
    }
    if (!*r) break;
    if (rec.content.size() > options.max_record_bytes) __builtin_trap();
  }
  // End of input is sticky.
  Result<bool> again = reader->Next(&rec);
  if (!again.ok() || *again) __builtin_trap();
}

}  // namespace storyline::ingest

#endif  // STORYLINE_INGEST_FUZZ_UTIL_H_
