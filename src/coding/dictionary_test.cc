#include "coding/dictionary.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

namespace storyline::coding {
namespace {

TEST(PhraseTest, UnderscoresAndBlanks) {
  Phrase p = ParsePhrase("high_elf council_");
  ASSERT_EQ(p.size(), 3u);
  EXPECT_EQ(p[0].word, "HIGH");
  EXPECT_TRUE(p[0].adjacent_next);
  EXPECT_EQ(p[1].word, "ELF");
  EXPECT_FALSE(p[1].adjacent_next);
  EXPECT_EQ(p[2].word, "COUNCIL");
  EXPECT_TRUE(p[2].word_end);
  EXPECT_EQ(PhraseText(p), "HIGH_ELF COUNCIL_");
  EXPECT_EQ(ParsePhrase(PhraseText(p)), p);
  EXPECT_TRUE(ParsePhrase("  __ ").empty());
}

TEST(InflectionTest, RegularForms) {
  EXPECT_EQ(RegularVerbForms("ACCUSE"),
            (std::vector<std::string>{"ACCUSE", "ACCUSES", "ACCUSED", "ACCUSING"}));
  EXPECT_EQ(RegularVerbForms("DENY"),
            (std::vector<std::string>{"DENY", "DENIES", "DENIED", "DENYING"}));
  EXPECT_EQ(RegularVerbForms("PUSH"),
            (std::vector<std::string>{"PUSH", "PUSHES", "PUSHED", "PUSHING"}));
  EXPECT_EQ(RegularVerbForms("FLEE")[3], "FLEEING");
  EXPECT_EQ(RegularPlural("ARMY"), "ARMIES");
  EXPECT_EQ(RegularPlural("PRINCESS"), "PRINCESSES");
  EXPECT_EQ(RegularPlural("TROLL"), "TROLLS");
}

TEST(VerbCodeTest, Forms) {
  VerbCode c = ParseVerbCode(" 042:043 ");
  EXPECT_EQ(c.primary, "042");
  EXPECT_EQ(c.paired, "043");
  EXPECT_EQ(CodeText(c), "042:043");
  EXPECT_TRUE(ParseVerbCode("---").null());
  VerbCode only_paired = ParseVerbCode(":110");
  EXPECT_TRUE(only_paired.null());
  EXPECT_EQ(CodeText(only_paired), ":110");
}

// The slow, obviously correct twin of TokenTrie::LongestMatch.
size_t LinearLongest(const std::vector<std::vector<std::string>>& phrases,
                     const std::vector<std::string_view>& words, std::vector<uint32_t>* values) {
  size_t best = 0;
  values->clear();
  for (size_t p = 0; p < phrases.size(); ++p) {
    const auto& ph = phrases[p];
    if (ph.empty() || ph.size() > words.size()) continue;
    bool match = true;
    for (size_t i = 0; i < ph.size(); ++i) match = match && ph[i] == words[i];
    if (!match) continue;
    if (ph.size() > best) {
      best = ph.size();
      values->clear();
    }
    if (ph.size() == best) values->push_back(static_cast<uint32_t>(p));
  }
  return best;
}

TEST(TokenTrieTest, MatchesLinearScanOnRandomPhrases) {
  std::mt19937 rng(7);
  const std::vector<std::string> vocab{"ORC", "ELF", "KING", "OF", "THE", "NORTH", "GREY", "HOST"};
  std::uniform_int_distribution<size_t> word(0, vocab.size() - 1), len(1, 4);
  std::vector<std::vector<std::string>> phrases;
  TokenTrie::Builder builder;
  for (int i = 0; i < 300; ++i) {
    std::vector<std::string> p;
    for (size_t k = len(rng); k > 0; --k) p.push_back(vocab[word(rng)]);
    builder.Add(p, static_cast<uint32_t>(phrases.size()));
    phrases.push_back(std::move(p));
  }
  TokenTrie trie = std::move(builder).Build();
  for (int q = 0; q < 2000; ++q) {
    std::vector<std::string> owned;
    for (size_t k = len(rng) + 2; k > 0; --k) owned.push_back(vocab[word(rng)]);
    if (q % 10 == 0) owned.push_back("UNKNOWN");
    std::vector<std::string_view> words(owned.begin(), owned.end());
    std::vector<uint32_t> expected;
    size_t want = LinearLongest(phrases, words, &expected);
    uint32_t node = TokenTrie::kNoNode;
    size_t got = trie.LongestMatch(words, &node);
    ASSERT_EQ(got, want);
    if (got > 0) {
      auto v = trie.Values(node);
      std::vector<uint32_t> values(v.begin(), v.end());
      EXPECT_EQ(values, expected);
    }
  }
  EXPECT_EQ(trie.Child(TokenTrie::root(), "BALROG"), TokenTrie::kNoNode);
  EXPECT_TRUE(trie.Values(TokenTrie::kNoNode).empty());
}

TEST(ActorDictionaryTest, CodeForUsesFirstMatchingRoleThenDefault) {
  ActorEntry e;
  e.phrases.push_back(ParsePhrase("THORIN_OAKENSHIELD"));
  e.default_code = "DWF";
  e.roles.push_back({"DWFREB", kMinDate, 19410101});
  e.roles.push_back({"DWFGOV", 19410102, 19411231});
  ActorDictionary d = ActorDictionary::Build({e});
  EXPECT_EQ(d.CodeFor(0, 19300101), "DWFREB");
  EXPECT_EQ(d.CodeFor(0, 19410101), "DWFREB");  // inclusive upper bound
  EXPECT_EQ(d.CodeFor(0, 19410102), "DWFGOV");  // inclusive lower bound
  EXPECT_EQ(d.CodeFor(0, 19411231), "DWFGOV");
  EXPECT_EQ(d.CodeFor(0, 19420101), "DWF");
  EXPECT_EQ(d.CodeFor(5, 19420101), "");
  std::vector<std::string_view> words{"THORIN", "OAKENSHIELD", "SAID"};
  uint32_t node;
  EXPECT_EQ(d.trie().LongestMatch(words, &node), 2u);
  EXPECT_EQ(ActorDictionary::EntryOf(d.trie().Values(node)[0]), 0u);
}

TEST(AgentDictionaryTest, ComposeSuffixAndPrefix) {
  AgentEntry general;
  general.phrase = ParsePhrase("WARLORD");
  general.code = "MIL";
  AgentEntry ngo;
  ngo.phrase = ParsePhrase("RELIEF_GUILD");
  ngo.code = "NGO";
  ngo.prefix = true;
  AgentDictionary d = AgentDictionary::Build({general, ngo});
  EXPECT_EQ(d.Compose("MOR", 0), "MORMIL");
  EXPECT_EQ(d.Compose("MOR", 1), "NGOMOR");
}

TEST(DescribeTest, PatternRoundTripText) {
  VerbPattern p;
  PatternElement verb;
  verb.kind = PatternElement::Kind::kVerb;
  PatternElement pp;
  pp.kind = PatternElement::Kind::kPrepPhrase;
  PatternElement to;
  to.text = "TO";
  PatternElement target;
  target.kind = PatternElement::Kind::kTarget;
  pp.groups.push_back({to, target});
  p.elements = {verb, pp};
  p.code = ParseVerbCode("042:043");
  EXPECT_EQ(Describe(p), "- * (TO +) [042:043]");
}

}  // namespace
}  // namespace storyline::coding
