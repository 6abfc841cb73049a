// Feeds arbitrary text to every dictionary reader. The first byte picks the
// reader; readers must never crash and must report, not throw.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "coding/dictionary.h"
#include "coding/formats.h"
#include "coding/native.h"

using namespace storyline::coding;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t which = data[0] % 9;
  std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  const std::string name = "fuzz";
  TextFile file{name, text};
  switch (which) {
    case 0: {
      auto l = ParsePetrarchVerbs(text, name);
      for (const VerbBlock& b : l.dictionary.blocks()) {
        for (const VerbPattern& p : b.patterns) (void)Describe(p);
        (void)Dump(b);
      }
      for (const Synset& s : l.dictionary.synsets()) (void)Dump(s);
      break;
    }
    case 1: {
      auto l = ParseTabariVerbs(text, name);
      (void)l.dictionary.num_patterns();
      break;
    }
    case 2:
    case 3: {
      auto l = ParseActors(std::span<const TextFile>(&file, 1),
                           which == 2 ? Dialect::kPetrarch : Dialect::kTabari);
      for (size_t i = 0; i < l.dictionary.entries().size(); ++i) {
        (void)l.dictionary.CodeFor(i, 20130527);
        (void)Dump(l.dictionary.entries()[i]);
      }
      break;
    }
    case 4: {
      auto l = ParseAgents(std::span<const TextFile>(&file, 1), Dialect::kPetrarch);
      for (size_t i = 0; i < l.dictionary.entries().size(); ++i) {
        (void)l.dictionary.Compose("ABC", i);
      }
      break;
    }
    case 5: {
      auto l = ParseDiscards(text, name);
      auto m = ParseIssues(text, name);
      (void)l;
      (void)m;
      break;
    }
    case 6: {  // storyline's own format: verbs, then actors
      auto l = ParseNativeVerbs(std::span<const TextFile>(&file, 1));
      for (const VerbBlock& b : l.dictionary.blocks()) (void)Dump(b);
      auto a = ParseNativeActors(std::span<const TextFile>(&file, 1));
      for (size_t i = 0; i < a.dictionary.entries().size(); ++i) (void)a.dictionary.CodeFor(i, 20130527);
      break;
    }
    case 7: {
      auto l = ParseNativeAgents(std::span<const TextFile>(&file, 1));
      auto d = ParseNativeDiscards(std::span<const TextFile>(&file, 1));
      (void)l;
      (void)d;
      break;
    }
    default: {
      auto l = ParseTabariOptions(text, name);
      (void)l;
      break;
    }
  }
  return 0;
}
