// Fuzzes the JSON Lines reader (both parsers, field extraction, line limits).
#include <cstddef>
#include <cstdint>

#include "ingest/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  storyline::ingest::ReadOptions options;
  options.force_format = storyline::InputFormat::kJsonl;
  options.buffer_bytes = 64;
  options.max_record_bytes = 2048;
  storyline::ingest::DrainForFuzz(std::string_view(reinterpret_cast<const char*>(data), size),
                                  options);
  return 0;
}
