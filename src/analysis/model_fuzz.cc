// Model loading: corrupt or truncated model bytes must give a Status, never a
// crash. Inputs whose first byte is odd get a valid checksum appended, so the
// fuzzer reaches the structural checks behind it; a loaded model is then used
// once. The base64 decoder is fuzzed with the same bytes.
#include <xxhash.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "analysis/analyzer.h"
#include "analysis/tagger.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace storyline::analysis;
  std::string bytes(reinterpret_cast<const char*>(data), size);
  (void)DecodeBase64(bytes);
  if (size > 0 && (data[0] & 1)) {
    bytes.erase(0, 1);
    uint64_t sum = XXH3_64bits(bytes.data(), bytes.size());
    bytes.append(reinterpret_cast<const char*>(&sum), sizeof sum);
  }
  auto analyzer = Analyzer::FromModel(bytes);
  if (analyzer.ok()) {
    Analysis a;
    (*analyzer)->Analyze("The convoy was not attacked by rebels near Aleppo, officials said.", &a);
  }
  return 0;
}
