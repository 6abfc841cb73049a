// Fuzzes the WARC reader: headers, block lengths, resynchronisation, and the
// HTTP payload decoding (chunked, gzip) of response records.
#include <cstddef>
#include <cstdint>

#include "ingest/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  storyline::ingest::ReadOptions options;
  options.force_format = storyline::InputFormat::kWarc;
  options.buffer_bytes = 64;
  options.max_record_bytes = 8192;
  storyline::ingest::DrainForFuzz(std::string_view(reinterpret_cast<const char*>(data), size),
                                  options);
  return 0;
}
