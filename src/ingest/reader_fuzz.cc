// Fuzzes OpenMemory with format detection (and decompression) on arbitrary
// bytes, with small buffers so refills and line limits are exercised.
#include <cstddef>
#include <cstdint>

#include "ingest/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  storyline::ingest::ReadOptions options;
  options.buffer_bytes = 64;
  options.max_record_bytes = 4096;
  storyline::ingest::DrainForFuzz(std::string_view(reinterpret_cast<const char*>(data), size),
                                  options);
  return 0;
}
