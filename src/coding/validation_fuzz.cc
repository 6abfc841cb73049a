// Feeds arbitrary text to the validation-suite readers (PETRARCH XML and
// TABARI text); they must never crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "coding/validation.h"

using namespace storyline::coding;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  ValidationSuite a = ParsePetrarchValidation(text, "fuzz.xml");
  for (const auto& r : a.records) (void)Describe(r);
  ValidationSuite b = ParseTabariValidation(text, "fuzz.text");
  for (const auto& r : b.records) (void)Describe(r);
  return 0;
}
