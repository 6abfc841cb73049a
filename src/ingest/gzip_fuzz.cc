// Fuzzes the streaming gzip and zstd decoders and InflateBounded.
#include <cstddef>
#include <cstdint>
#include <string>

#include "ingest/byte_source.h"

namespace {

void DrainSource(storyline::ingest::ByteSource& src) {
  char buf[257];
  for (size_t total = 0;;) {
    storyline::Result<size_t> n = src.Read(buf, sizeof(buf));
    if (!n.ok() || *n == 0) return;
    total += *n;
    if (total > (64u << 20)) return;  // decompression bombs: stop, not a bug
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace storyline::ingest;
  std::string_view in(reinterpret_cast<const char*>(data), size);
  std::string gz = std::string("\x1f\x8b", 2) + std::string(in);
  auto g = GzipSource(MemorySource(gz), "fuzz.gz", 128);
  DrainSource(*g);
  auto g2 = GzipSource(MemorySource(in), "fuzz.gz", 128);
  DrainSource(*g2);
  std::string zs = std::string("\x28\xb5\x2f\xfd", 4) + std::string(in);
  auto z = ZstdSource(MemorySource(zs), "fuzz.zst", 128);
  DrainSource(*z);
  std::string out;
  (void)InflateBounded(in, 1 << 20, &out);
  return 0;
}
