// Fuzzes the coding engine with arbitrary dictionaries and sentences: the
// input is "verbs \0 actors \0 agents \0 sentence" (missing parts are empty).
// Any pattern the readers accept, over any sentence, must code without a
// crash, a hang or an out-of-bounds read.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "coder/coder.h"
#include "coding/formats.h"

using namespace storyline;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  std::string_view parts[4];
  for (int k = 0; k < 4; ++k) {
    size_t z = k < 3 ? in.find('\0') : std::string_view::npos;
    parts[k] = in.substr(0, z);
    in = z == std::string_view::npos ? std::string_view() : in.substr(z + 1);
  }
  const bool tabari = size > 0 && (data[0] & 1);
  auto set = std::make_shared<coder::DictionarySet>();
  set->style =
      tabari ? coder::DictionarySet::Style::kTabari : coder::DictionarySet::Style::kPetrarch;
  set->verbs =
      (tabari ? coding::ParseTabariVerbs(parts[0], "v") : coding::ParsePetrarchVerbs(parts[0], "v"))
          .dictionary;
  coding::TextFile actors{"a", parts[1]};
  coding::TextFile agents{"g", parts[2]};
  auto dialect = tabari ? coding::Dialect::kTabari : coding::Dialect::kPetrarch;
  set->actors = coding::ParseActors(std::span(&actors, 1), dialect).dictionary;
  set->agents = coding::ParseAgents(std::span(&agents, 1), dialect).dictionary;
  auto coder = coder::Coder::Create(set);
  if (!coder.ok()) return 0;
  coder::CodeResult result;
  (*coder)->Code(parts[3], 20130527, &result);
  for (const auto& e : result.events) {
    if (e.verb_span.end > parts[3].size()) __builtin_trap();
  }
  return 0;
}
