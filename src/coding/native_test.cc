#include "coding/native.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace storyline::coding {
namespace {

Loaded<ActorDictionary> Actors(std::string_view text) {
  TextFile f{"actors.txt", text};
  return ParseNativeActors(std::span<const TextFile>(&f, 1));
}

Loaded<VerbDictionary> Verbs(std::string_view text) {
  TextFile f{"verbs.txt", text};
  return ParseNativeVerbs(std::span<const TextFile>(&f, 1));
}

TEST(NativePhrase, TokenizesLikeSentences) {
  EXPECT_EQ(PhraseText(NativePhrase("U.S. Secretary of State")), "U.S. SECRETARY OF STATE");
  EXPECT_EQ(NativePhrase("Lavrov's").size(), 2u);  // "Lavrov" "'s", as in sentences
  EXPECT_TRUE(NativePhrase("   ").empty());
}

TEST(NativeActors, NamesCodesAndDatedRoles) {
  auto l = Actors(
      "# people\n"
      "John Kerry | John F. Kerry | Kerry = USALEG[1985-01-03..2013-02-01] "
      "USAGOV[2013-02-01..2017-01-20] USAELI\n"
      "Sergei Lavrov | Lavrov = RUSGOV[2004-03..]   # month precision\n"
      "@place Moscow = RUSGOV\n");
  ASSERT_TRUE(l.errors.empty()) << ToString(l.errors[0]);
  const auto& d = l.dictionary;
  ASSERT_EQ(d.entries().size(), 3u);
  EXPECT_EQ(d.entries()[0].phrases.size(), 3u);
  EXPECT_EQ(d.CodeFor(0, 20000101), "USALEG");
  EXPECT_EQ(d.CodeFor(0, 20130527), "USAGOV");
  EXPECT_EQ(d.CodeFor(0, 20200101), "USAELI");
  EXPECT_EQ(d.CodeFor(1, 20040301), "RUSGOV");
  EXPECT_EQ(d.CodeFor(1, 20040229), "");
  EXPECT_FALSE(d.entries()[0].place);
  EXPECT_TRUE(d.entries()[2].place);
  EXPECT_EQ(d.entries()[2].where.line, 4);
}

TEST(NativeActors, ReportsMalformedLinesAndKeepsTheRest) {
  auto l = Actors(
      "Kerry\n"                         // no code
      "Kerry = USAGOV[2017..2013]\n"    // backwards
      "Kerry = USAGOV[2013-13-01..]\n"  // bad month
      "Kerry = USAGOV USAELI\n"         // two undated codes
      "@where Paris = FRAGOV\n"         // unknown marker
      " | = USA\n"                      // empty name
      "Lavrov = RUSGOV\n");
  ASSERT_EQ(l.errors.size(), 6u);
  for (int i = 0; i < 6; ++i) {
    EXPECT_EQ(l.errors[i].line, i + 1);
    EXPECT_EQ(l.errors[i].file, "actors.txt");
  }
  EXPECT_EQ(l.dictionary.entries().size(), 1u);
}

TEST(NativeAgents, PluralsAndPrefixCodes) {
  TextFile f{"agents.txt",
             "foreign minister | spokesman (spokesmen) = ~GOV\n"
             "aid group = NGO~\n"
             "broken = GOV\n"};
  auto l = ParseNativeAgents(std::span<const TextFile>(&f, 1));
  ASSERT_EQ(l.errors.size(), 1u);
  EXPECT_EQ(l.errors[0].line, 3);
  const auto& e = l.dictionary.entries();
  ASSERT_EQ(e.size(), 3u);
  EXPECT_EQ(PhraseText(e[0].plurals.at(0)), "FOREIGN MINISTERS");
  EXPECT_EQ(PhraseText(e[1].plurals.at(0)), "SPOKESMEN");
  EXPECT_TRUE(e[2].prefix);
  EXPECT_EQ(l.dictionary.Compose("SYR", 0), "SYRGOV");
}

TEST(NativeVerbs, BlocksVerbsPatternsAndSynsets) {
  auto l = Verbs(
      "synset @TALKS = talks | peace negotiations\n"
      "block MEET = 040\n"
      "verb meet (met)\n"
      "verb hold talks (held) = 043\n"
      "VERB [by telephone] = 041\n"
      "meet: VERB [for @TALKS] = 036\n"
      "SOURCE VERB_with TARGET = 040\n"
      "transform a (b . MEET) WANT = a b 036\n");
  ASSERT_TRUE(l.errors.empty()) << ToString(l.errors[0]);
  const auto& d = l.dictionary;
  ASSERT_EQ(d.blocks().size(), 1u);
  const VerbBlock& b = d.blocks()[0];
  EXPECT_EQ(b.name, "MEET");
  EXPECT_EQ(CodeText(b.code), "040");
  ASSERT_EQ(b.verbs.size(), 2u);
  EXPECT_TRUE(b.verbs[1].multiword);
  EXPECT_EQ(PhraseText(b.verbs[1].irregular.at(0)), "HELD TALKS");
  EXPECT_EQ(CodeText(b.verbs[1].code), "043");
  ASSERT_EQ(b.patterns.size(), 3u);
  EXPECT_EQ(Describe(b.patterns[0]), "- * (BY TELEPHONE) [041]");
  EXPECT_EQ(b.patterns[1].verb, "MEET");
  EXPECT_EQ(Describe(b.patterns[1]), "- * (FOR &TALKS) [036]");
  EXPECT_EQ(Describe(b.patterns[2]), "- $ *_WITH + [040]");
  ASSERT_EQ(d.synsets().size(), 1u);
  EXPECT_EQ(d.synsets()[0].members.size(), 2u);
  ASSERT_EQ(d.transformations().size(), 1u);
  // Regular and irregular forms of both verbs are in the trie.
  for (const char* w : {"MEETS", "MET", "MEETING"}) {
    std::vector<std::string_view> words = {w};
    uint32_t node = 0;
    EXPECT_EQ(d.verb_trie().LongestMatch(words, &node), 1u) << w;
  }
  std::vector<std::string_view> held = {"HELD", "TALKS"};
  uint32_t node = 0;
  EXPECT_EQ(d.verb_trie().LongestMatch(held, &node), 2u);
}

TEST(NativeVerbs, ReportsMalformedLines) {
  auto l = Verbs(
      "verb meet\n"   // outside a block
      "block MEET\n"  // no code
      "block MEET = 040\n"
      "verb meet (met, )\n"         // empty irregular form
      "VERB [by telephone = 041\n"  // unclosed
      "[by telephone] = 041\n"      // no VERB
      "go: VERB [home] = 040\n"     // owner not in block
      "VERB [for @NOPE] = 036\n"    // undefined synset
      "VERB * = 040\n"              // PETRARCH notation is not ours
      "meet: VERB [for talks] = 036\n");
  EXPECT_EQ(l.errors.size(), 9u);
  ASSERT_EQ(l.dictionary.blocks().size(), 1u);
  EXPECT_EQ(l.dictionary.blocks()[0].patterns.size(), 0u);  // line 10 names "meet", never added
}

TEST(NativeDiscards, SentenceAndArticleDiscards) {
  TextFile f{"discards.txt", "football match\narticle: box score\narticle:\n"};
  auto l = ParseNativeDiscards(std::span<const TextFile>(&f, 1));
  ASSERT_EQ(l.errors.size(), 1u);
  ASSERT_EQ(l.dictionary.entries().size(), 2u);
  EXPECT_FALSE(l.dictionary.entries()[0].whole_story);
  EXPECT_TRUE(l.dictionary.entries()[1].whole_story);
}

}  // namespace
}  // namespace storyline::coding
