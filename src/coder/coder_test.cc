#include "coder/coder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "coding/formats.h"

namespace storyline::coder {
namespace {

// A small invented world, written for these tests.
constexpr char kVerbs[] = R"(
&WEAPON
+ROCKETS
+MORTARS
--- MEET [040] ---
MEET {MET}
- * WITH + [042]
- % * [043]
--- ATTACK [190] ---
ATTACK
SHELL
- * + WITH &WEAPON [195]
--- CONDEMN [111] ---
CONDEMN
--- PROMISE [050] ---
PROMISE
--- ARRIVE [032:033] ---
ARRIVE
--- SAY [---] ---
SAY {SAID}
--- STATE [023] ---
STATE {STATED}
--- RESTORE [064] ---
RESTORE
- * OLD TIES [+++]
)";

constexpr char kActors[] = R"(
VALDORIA [VAL]
+VALDORIAN
KESTRIA [KES]
MARENNE [MAR]
PORT_ELLIS [VAL]
JONAS_WREN [VALGOV >20100101]
    [VALOPP 20000101-20091231]
KESTRIA TELEVISION [KESTV]
)";

constexpr char kAgents[] = R"(
GOVERNMENT [~GOV]
SOLDIER [~MIL]
FOREIGN_MINISTER [~GOV]
LAWMAKER [~LEG]
AID_GROUP [NGO~]
)";

// One sentence coded, its events as sorted "SOURCE/TARGET/CODE".
std::vector<std::string> CodeTriples(const Coder& coder, const std::string& sentence,
                                     coding::Date date, ArticleContext* context = nullptr) {
  CodeResult r;
  coder.Code(sentence, date, context, &r);
  std::vector<std::string> out;
  for (const auto& e : r.events) out.push_back(e.source + "/" + e.target + "/" + e.code);
  std::sort(out.begin(), out.end());
  return out;
}

class CoderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("coder_test_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
    Write("test.verbs.txt", kVerbs);
    Write("test.actors.txt", kActors);
    Write("test.agents.txt", kAgents);
    auto set = LoadDirectory(dir_.string());
    ASSERT_TRUE(set.ok()) << set.status().ToString();
    for (const auto& e : set.value()->errors) ADD_FAILURE() << coding::ToString(e);
    auto coder = Coder::Create(set.value());
    ASSERT_TRUE(coder.ok());
    coder_ = std::move(coder).value();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void Write(const std::string& name, const char* text) { std::ofstream(dir_ / name) << text; }
  std::vector<std::string> Code(const std::string& sentence, coding::Date date = 20130527) {
    return CodeTriples(*coder_, sentence, date);
  }
  using V = std::vector<std::string>;
  std::filesystem::path dir_;
  std::unique_ptr<Coder> coder_;
};

TEST_F(CoderTest, SimpleDefaultCode) {
  EXPECT_EQ(Code("Valdoria condemned Kestria on Monday."), V({"VAL/KES/111"}));
}

TEST_F(CoderTest, ComplexFlagPatternGivesTheVerbsCode) {
  // "+++" flags a complex sentence in TABARI; it is no event code.
  EXPECT_EQ(Code("Valdoria restored old ties with Kestria."), V({"VAL/KES/064"}));
}

TEST_F(CoderTest, CommaClausesAreKeptByDefault) {
  EXPECT_EQ(Code("Valdoria, whose soldiers attacked Kestria last year, condemned Marenne on "
                 "Monday for its part in the war."),
            V({"---MIL/KES/190", "VAL/MAR/111"}));
}

TEST_F(CoderTest, PetrarchCommaClauseDeletion) {
  CoderOptions o;
  o.comma = PetrarchCommaDefaults();
  auto coder = Coder::Create(coder_->shared_dictionaries(), o);
  ASSERT_TRUE(coder.ok());
  // The clause between the commas has 6 words (2..8: removed); the one after
  // the last comma has 10 (kept).
  const std::string sentence =
      "Valdoria, whose soldiers attacked Kestria last year, condemned Marenne on Monday for its "
      "part in the war.";
  CodeResult r;
  coder.value()->Code(sentence, 20130527, &r);
  ASSERT_EQ(r.events.size(), 1u);
  EXPECT_EQ(r.events[0].source + "/" + r.events[0].target + "/" + r.events[0].code, "VAL/MAR/111");
  // Spans still point into the sentence as given.
  EXPECT_EQ(r.events[0].verb_span.In(sentence), "condemned");
  EXPECT_EQ(r.events[0].source_actor.span.In(sentence), "Valdoria");
  EXPECT_EQ(r.events[0].target_actor.span.In(sentence), "Marenne");
  // The commas of a list bound no clause: "Marenne and Valdoria condemned
  // Port Ellis" is not a terminal clause.
  coder.value()->Code("Kestria, Marenne and Valdoria condemned Port Ellis.", 20130527, &r);
  std::vector<std::string> got;
  for (const auto& e : r.events) got.push_back(e.source + "/" + e.target + "/" + e.code);
  std::sort(got.begin(), got.end());
  EXPECT_EQ(got, V({"KES/VAL/111", "MAR/VAL/111"}));
}

TEST_F(CoderTest, AdverbialClauseInACodedVerbPhrase) {
  // By default (news) the "after" clause is an event of its own.
  CodeResult r;
  coder_->Code("Valdoria condemned Kestria after Marenne soldiers shelled Port Ellis.", 20130527,
               &r);
  EXPECT_EQ(r.events.size(), 2u);
  // PETRARCH-1 codes a verb phrase once: the "after" clause is part of it.
  CoderOptions o;
  o.one_event_per_verb_phrase = true;
  auto coder = Coder::Create(coder_->shared_dictionaries(), o);
  ASSERT_TRUE(coder.ok());
  auto codes = [&](const char* sentence) {
    coder.value()->Code(sentence, 20130527, &r);
    std::vector<std::string> got;
    for (const auto& e : r.events) got.push_back(e.source + "/" + e.target + "/" + e.code);
    return got;
  };
  EXPECT_EQ(codes("Valdoria condemned Kestria after Marenne soldiers shelled Port Ellis."),
            V({"VAL/KES/111"}));
  // "after" leading a noun phrase opens no clause.
  EXPECT_EQ(codes("Valdoria condemned Kestria after days of fierce fighting."), V({"VAL/KES/111"}));
}

TEST_F(CoderTest, ActorWordsApartInsideOneNounPhrase) {
  // A blank in "KESTRIA TELEVISION" lets words of the same noun phrase come
  // between; a word outside it ("Kestria on state television") does not.
  EXPECT_EQ(Code("Valdoria condemned Kestria state-run television on Monday."),
            V({"VAL/KESTV/111"}));
  EXPECT_EQ(Code("Valdoria condemned Kestria on state television."), V({"VAL/KES/111"}));
}

TEST_F(CoderTest, PetrarchVerbWithNoNounPhraseGivesNoEventWithoutDyad) {
  CoderOptions o;
  o.require_dyad = false;
  o.one_event_per_verb_phrase = true;
  auto coder = Coder::Create(coder_->shared_dictionaries(), o);
  ASSERT_TRUE(coder.ok());
  auto codes = [&](const char* sentence) {
    CodeResult r;
    coder.value()->Code(sentence, 20130527, &r);
    std::vector<std::string> got;
    for (const auto& e : r.events) got.push_back(e.source + "/" + e.target + "/" + e.code);
    return got;
  };
  // A bare time word is no noun phrase to act on; "on Monday" is one.
  EXPECT_EQ(codes("Marenne soldiers condemned yesterday."), V());
  EXPECT_EQ(codes("Marenne soldiers condemned on Monday."), V({"MARMIL//111"}));
}

TEST_F(CoderTest, NewActorsFromUncodedNounPhrases) {
  CoderOptions o;
  ASSERT_TRUE(ApplyPetrarchConfig("new_actor_length=4", &o));
  EXPECT_EQ(o.new_actor_length, 4u);
  EXPECT_FALSE(ApplyPetrarchConfig("new_actor_length=4", &o));  // unchanged
  EXPECT_FALSE(ApplyPetrarchConfig("new_actor_length=few", &o));
  auto coder = Coder::Create(coder_->shared_dictionaries(), o);
  ASSERT_TRUE(coder.ok());
  CodeResult r;
  const std::string sentence = "The guild of Tarn condemned the Valdorian navy.";
  coder.value()->Code(sentence, 20130527, &r);
  ASSERT_EQ(r.events.size(), 1u);
  EXPECT_EQ(r.events[0].source, "");
  EXPECT_EQ(r.events[0].source_actor.span.In(sentence), "The guild of Tarn");
  EXPECT_EQ(r.events[0].target, "VAL");
  EXPECT_EQ(r.events[0].code, "111");
  // Both sides new; a paired code gives the reverse event too.
  coder.value()->Code("Old Tom Harrow arrived at the Tarn harbour guild.", 20130527, &r);
  ASSERT_EQ(r.events.size(), 2u);
  EXPECT_EQ(r.events[0].source_actor.span.In("Old Tom Harrow arrived at the Tarn harbour guild."),
            "Old Tom Harrow");
  // Longer than new_actor_length: no actor, so no event under the dyad rule.
  coder.value()->Code("The harbour guild of Tarn condemned the Valdorian navy.", 20130527, &r);
  EXPECT_TRUE(r.events.empty());
  // Off by default.
  coder_->Code(sentence, 20130527, &r);
  EXPECT_TRUE(r.events.empty());
}

TEST_F(CoderTest, VerbOfAClauseWithNoneTagged) {
  // The tagger reads "attack" as a noun after a name; the clause before
  // "after" has no other verb, so it is the verb.
  EXPECT_EQ(Code("Valdoria attack on a town with Kestria's almost two years after crowds shelled "
                 "its embassy."),
            V({"VAL/KES/190"}));
  // A clause with a verb keeps the noun a noun.
  EXPECT_EQ(Code("The Valdoria attack on a town angered Kestria."), V());
}

TEST_F(CoderTest, PatternWithTargetSlot) {
  EXPECT_EQ(Code("Valdoria met with Kestria in Marenne."), V({"VAL/KES/042"}));
}

TEST_F(CoderTest, SynsetInPattern) {
  EXPECT_EQ(Code("Valdoria shelled Kestria with rockets overnight."), V({"VAL/KES/195"}));
  EXPECT_EQ(Code("Valdoria attacked Kestria."), V({"VAL/KES/190"}));
}

TEST_F(CoderTest, AgentsCompose) {
  EXPECT_EQ(Code("The Valdorian government condemned Kestria."), V({"VALGOV/KES/111"}));
  EXPECT_EQ(Code("Soldiers from Kestria attacked Marenne."), V({"KESMIL/MAR/190"}));
  EXPECT_EQ(Code("Kestria's foreign minister condemned Valdoria."), V({"KESGOV/VAL/111"}));
}

TEST_F(CoderTest, ParticipleVerbGroupSplitsActors) {
  // The tagger reads "shelled" as a participle, but the chunker makes it a
  // verb group: "Valdorian police" and "lawmakers" are two actors, not one.
  EXPECT_EQ(Code("Valdorian police shelled lawmakers in Marenne today."), V({"VAL/MARLEG/190"}));
}

TEST_F(CoderTest, DatedRoles) {
  EXPECT_EQ(Code("Jonas Wren condemned Kestria.", 20130527), V({"VALGOV/KES/111"}));
  EXPECT_EQ(Code("Jonas Wren condemned Kestria.", 20050101), V({"VALOPP/KES/111"}));
}

TEST_F(CoderTest, CompoundTargetsAndSources) {
  EXPECT_EQ(Code("Valdoria and Marenne condemned Kestria."), V({"MAR/KES/111", "VAL/KES/111"}));
  EXPECT_EQ(Code("Valdoria condemned Kestria and Marenne."), V({"VAL/KES/111", "VAL/MAR/111"}));
}

TEST_F(CoderTest, CompoundSlotPattern) {
  EXPECT_EQ(Code("Valdoria and Kestria met on Tuesday."), V({"KES/VAL/043", "VAL/KES/043"}));
}

TEST_F(CoderTest, PairedCode) {
  // An agent without a known actor is coded "---" + agent, as PETRARCH does.
  EXPECT_EQ(Code("The Kestrian foreign minister arrived in Valdoria on Sunday."),
            V({"---GOV/VAL/032", "VAL/---GOV/033"}));
  EXPECT_EQ(Code("Kestria's foreign minister arrived in Valdoria on Sunday."),
            V({"KESGOV/VAL/032", "VAL/KESGOV/033"}));
}

TEST_F(CoderTest, PassiveVoiceSwapsRoles) {
  EXPECT_EQ(Code("Marenne was attacked by Valdorian soldiers."), V({"VALMIL/MAR/190"}));
}

TEST_F(CoderTest, PassiveWithoutByUnderPetrarchOne) {
  // By default an actor in a passive verb phrase without "by" is the doer.
  EXPECT_EQ(Code("Valdoria was condemned over its quarrel with Kestria."), V({"KES/VAL/111"}));
  // PETRARCH-1 reads the phrase as active unless "by" follows.
  CoderOptions o;
  o.passive_requires_by = true;
  auto coder = Coder::Create(coder_->shared_dictionaries(), o);
  ASSERT_TRUE(coder.ok());
  auto codes = [&](const char* sentence) {
    CodeResult r;
    coder.value()->Code(sentence, 20130527, &r);
    std::vector<std::string> got;
    for (const auto& e : r.events) got.push_back(e.source + "/" + e.target + "/" + e.code);
    return got;
  };
  EXPECT_EQ(codes("Valdoria was condemned over its quarrel with Kestria."), V({"VAL/KES/111"}));
  EXPECT_EQ(codes("Marenne was attacked by Valdorian soldiers."), V({"VALMIL/MAR/190"}));
}

TEST(CoderSynsetTest, LongerSynsetMemberWinsATie) {
  // Two patterns of equal weight both match; the one whose synset member
  // covers more words wins, as PETRARCH's expanded synsets would.
  auto dir = std::filesystem::temp_directory_path() / ("coder_syn_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "t.verbs.txt") << R"(
&CASH
+GOLD COINS
&TREASURE
+GOLD SILVER COINS
--- DONATE [070] ---
DONATE
- * &CASH [071]
- * &TREASURE [072]
)";
  std::ofstream(dir / "t.actors.txt") << "VALDORIA [VAL]\nKESTRIA [KES]\n";
  auto set = LoadDirectory(dir.string());
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  auto coder = Coder::Create(set.value());
  ASSERT_TRUE(coder.ok());
  CodeResult r;
  coder.value()->Code("Valdoria donated gold silver coins to Kestria.", 20130527, &r);
  ASSERT_EQ(r.events.size(), 1u);
  EXPECT_EQ(r.events[0].code, "072");
  coder.value()->Code("Valdoria donated gold coins to Kestria.", 20130527, &r);
  ASSERT_EQ(r.events.size(), 1u);
  EXPECT_EQ(r.events[0].code, "071");
  std::filesystem::remove_all(dir);
}

TEST_F(CoderTest, CoordinatedVerbsShareTheSubject) {
  EXPECT_EQ(Code("Valdoria condemned an attack by Kestria on Monday and promised aid to Marenne."),
            V({"VAL/KES/111", "VAL/MAR/050"}));
}

TEST_F(CoderTest, NounUseOfAVerbIsNotCoded) {
  EXPECT_EQ(Code("The attack on Kestria worried Marenne."), V({}));
}

TEST_F(CoderTest, TargetInTheClauseOfAPronounSubject) {
  // "he" is the speaker: the object of his clause is the statement's target.
  EXPECT_EQ(Code("Valdoria stated it has deep respect for Kestria."), V({"VAL/KES/023"}));
  // One clause only: a further verb phrase ends the search.
  EXPECT_EQ(Code("Valdoria stated it has evidence showing Kestria was behind the raid."), V({}));
}

TEST_F(CoderTest, ListClosedByItsConjunction) {
  // "A and B, and C": the list ended at its "and"; C starts a new clause.
  EXPECT_EQ(Code("Valdoria condemned Kestria and Marenne, and Port Ellis stated nothing."),
            V({"VAL/KES/111", "VAL/MAR/111"}));
}

TEST_F(CoderTest, NoTargetAcrossASubordinateClause) {
  EXPECT_EQ(Code("Valdoria condemned the vote after Kestria said nothing."), V({}));
}

TEST_F(CoderTest, ExplanationNamesEntriesAndPattern) {
  CodeResult r;
  coder_->Code("Valdoria met with Kestria in Marenne.", 20130527, &r);
  ASSERT_EQ(r.events.size(), 1u);
  const CodedEvent& e = r.events[0];
  EXPECT_EQ(e.verb_block, "MEET");
  EXPECT_NE(e.pattern.find("WITH"), std::string::npos);
  EXPECT_EQ(e.pattern_where.line, 7);
  EXPECT_EQ(e.source_actor.entry, "VALDORIA");
  EXPECT_EQ(e.target_actor.entry, "KESTRIA");
  std::string_view sentence = "Valdoria met with Kestria in Marenne.";
  EXPECT_EQ(e.verb_span.In(sentence), "met");
  EXPECT_EQ(e.target_actor.span.In(sentence), "Kestria");
}

TEST_F(CoderTest, BinaryJunkAndHugeInputDoNotCrash) {
  CodeResult r;
  std::string junk(5000, '\xff');
  coder_->Code(junk, 20130527, &r);
  std::string long_sentence;
  for (int i = 0; i < 2000; ++i) long_sentence += "Valdoria condemned Kestria and ";
  coder_->Code(long_sentence, 20130527, &r);
  EXPECT_TRUE(r.events.empty());  // beyond max_tokens
}

TEST(TabariOptionTest, ReadsTheCommandsThatChangeCoding) {
  CoderOptions o;
  EXPECT_TRUE(ApplyTabariOption("OPTION: SET: CODE BY SENTENCE", &o));
  EXPECT_EQ(o.tabari_scope, CoderOptions::TabariScope::kSentence);
  EXPECT_TRUE(ApplyTabariOption("set:  code all", &o));
  EXPECT_EQ(o.tabari_scope, CoderOptions::TabariScope::kAll);
  EXPECT_TRUE(ApplyTabariOption("DEFAULT: SOURCE [DEFSRC] PRIOR TARGET [DEFTAR] AFTER", &o));
  EXPECT_EQ(o.default_source, "DEFSRC");
  EXPECT_EQ(o.default_target, "DEFTAR");
  EXPECT_TRUE(ApplyTabariOption("DEFAULT: OFF", &o));
  EXPECT_TRUE(o.default_source.empty());
  EXPECT_TRUE(ApplyTabariOption("SET: MINIMUM WORDS = 8", &o));
  EXPECT_EQ(o.min_words, 8u);
  EXPECT_FALSE(ApplyTabariOption("OUTPUT: ID STORY SENT", &o));
}

// DEFAULT: sets what it names and leaves the rest; OFF clears everything.
TEST(TabariOptionTest, DefaultPriorAndAfter) {
  CoderOptions o;
  ASSERT_TRUE(ApplyTabariOption("DEFAULT: SOURCE [DEFSRC] PRIOR TARGET [DEFTAR] AFTER", &o));
  EXPECT_TRUE(o.default_source_prior);
  EXPECT_TRUE(o.default_target_after);
  ASSERT_TRUE(ApplyTabariOption("DEFAULT: OFF", &o));
  EXPECT_FALSE(o.default_source_prior || o.default_target_after);
  ASSERT_TRUE(ApplyTabariOption("DEFAULT: SOURCE [DEFSRC] TARGET [DEFTAR] AFTER", &o));
  EXPECT_FALSE(o.default_source_prior);
  EXPECT_TRUE(o.default_target_after);
  EXPECT_EQ(o.default_source, "DEFSRC");
}

TEST(TabariOptionTest, CommaLimitsAndConvertAgent) {
  CoderOptions o;
  SetTabariDefaults(&o);
  EXPECT_EQ(o.comma.max, 10u);
  EXPECT_EQ(o.comma.bmax, 0u);
  EXPECT_EQ(o.min_words, 8u);
  ASSERT_TRUE(ApplyTabariOption("COMMA: MIN = 4 MAX = 6 EMIN = 3 BMIN = 3 BMAX = 8", &o));
  EXPECT_EQ(o.comma.min, 4u);
  EXPECT_EQ(o.comma.max, 6u);
  EXPECT_EQ(o.comma.emin, 3u);
  EXPECT_EQ(o.comma.emax, 10u);  // not named: unchanged
  EXPECT_EQ(o.comma.bmin, 3u);
  EXPECT_EQ(o.comma.bmax, 8u);
  ASSERT_TRUE(ApplyTabariOption("COMMA: OFF", &o));
  EXPECT_FALSE(o.comma.any());
  ASSERT_TRUE(ApplyTabariOption("SET: CONVERT AGENT = TRUE", &o));
  EXPECT_TRUE(o.tabari_convert_agents);
  ASSERT_TRUE(ApplyTabariOption("SET: CONVERT AGENT = FALSE", &o));
  EXPECT_FALSE(o.tabari_convert_agents);
}

TEST(TabariOptionTest, ForwardMaskAndStoryKey) {
  CoderOptions o;
  EXPECT_TRUE(ApplyTabariOption("OPTION: FORWARD: ^^*****NNN*SSS", &o));
  EXPECT_EQ(o.tabari_forward, "^^*****NNN*SSS");
  EXPECT_TRUE(ApplyTabariOption("FORWARD: ^^*****NNN*SSS OFF", &o));
  EXPECT_TRUE(o.tabari_forward.empty());
  // The leading '^'s are skipped; N marks the story number.
  EXPECT_EQ(TabariStoryKey("NEWS-017-003", "^^*****NNN*SSS"), "017");
  EXPECT_EQ(TabariStoryKey("NEWS-017-004", "^^*****NNN*SSS"), "017");
  EXPECT_EQ(TabariStoryKey("NEWS", "^^*****NNN*SSS"), "");
}

// The same invented world as TABARI dictionaries.
class TabariOptionsCoderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("tabari_coder_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
    Write("w.verbs",
          "CONDEMN [111]\nSHELL [195]\nSAID [023]\nURGE [102]\nASSIST [092]\n"
          "<TIME>\nLONG_AGO_IN_A_DREAM [###]\nYESTERDAY [-1]\n</TIME>\n");
    Write("w.actors", "VALDORIA [VAL]\nKESTRIA [KES]\nMARENNE [MAR]\nORLAND [ORL]\n");
    Write("w.agents", "LAWMAKER_ [~LEG]\nSOLDIER_ [~MIL]\nOFFICIAL_ [~GOV]\n");
    Write("w.project",
          "Invented\n<actorsfile> w.actors\n<verbsfile> w.verbs\n<agentsfile> w.agents\n");
    auto set = LoadTabari((dir_ / "w.project").string());
    ASSERT_TRUE(set.ok()) << set.status().ToString();
    for (const auto& e : set.value()->errors) ADD_FAILURE() << coding::ToString(e);
    set_ = set.value();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void Write(const std::string& name, const char* text) { std::ofstream(dir_ / name) << text; }
  std::vector<std::string> Code(const std::string& sentence, const CoderOptions& options) {
    auto coder = Coder::Create(set_, options);
    EXPECT_TRUE(coder.ok());
    return CodeTriples(*coder.value(), sentence, 20130527);
  }
  using V = std::vector<std::string>;
  std::filesystem::path dir_;
  std::shared_ptr<const DictionarySet> set_;
};

// SET: MINIMUM WORDS counts words: neither the split-off "'s" nor the
// final stop is one.
TEST_F(TabariOptionsCoderTest, MinimumWordsCountsWordsOnly) {
  CoderOptions o;
  o.min_words = 5;
  EXPECT_EQ(Code("Valdoria's soldiers shelled Kestria.", o), V());
  o.min_words = 4;
  EXPECT_EQ(Code("Valdoria's soldiers shelled Kestria.", o), V({"VALMIL/KES/195"}));
}

// An agent with no actor is an actor only under SET: CONVERT AGENT.
TEST_F(TabariOptionsCoderTest, ConvertAgent) {
  CoderOptions o;
  EXPECT_EQ(Code("The lawmakers condemned Kestria on Monday.", o), V());
  o.tabari_convert_agents = true;
  EXPECT_EQ(Code("The lawmakers condemned Kestria on Monday.", o), V({"---LEG/KES/111"}));
}

// The source is the first actor of the clause, even after the verb; the
// target the first other actor after the verb, else one before it.
TEST_F(TabariOptionsCoderTest, RolesAroundTheVerb) {
  CoderOptions o;
  EXPECT_EQ(Code("Yesterday the council condemned Kestria and Marenne.", o), V({"KES/MAR/111"}));
  EXPECT_EQ(Code("Kestria and Marenne condemned the raid.", o), V({"KES/MAR/111"}));
}

TEST_F(TabariOptionsCoderTest, DefaultSourcePriorAndTargetAfter) {
  CoderOptions o;
  o.default_source = "DEFS";
  o.default_target = "DEFT";
  EXPECT_EQ(Code("Yesterday the council condemned Kestria.", o), V({"KES/DEFT/111"}));
  o.default_source_prior = true;
  EXPECT_EQ(Code("Yesterday the council condemned Kestria.", o), V({"DEFS/KES/111"}));
  o.default_target_after = true;
  EXPECT_EQ(Code("Kestria and Marenne condemned the raid.", o),
            V({"KES/DEFT/111", "MAR/DEFT/111"}));
}

// TABARI's comma clauses: a terminal clause of 2..10 words is dropped
// (taking "Marenne officials" with it); commas inside a compound actor
// are no clause boundaries.
TEST_F(TabariOptionsCoderTest, CommaClauses) {
  CoderOptions o;
  EXPECT_EQ(Code("Valdoria condemned the raid, Marenne officials said on Monday.", o),
            V({"VAL/MARGOV/111"}));
  SetTabariDefaults(&o);
  o.min_words = 0;
  EXPECT_EQ(Code("Valdoria condemned the raid, Marenne officials said on Monday.", o), V());
  EXPECT_EQ(Code("Marenne, Kestria and Orland condemned Valdoria on Monday morning.", o),
            V({"KES/VAL/111", "MAR/VAL/111", "ORL/VAL/111"}));
}

TEST(TabariOptionTest, ProjectSettingsApplyToTabariSetsOnly) {
  DictionarySet set;
  set.style = DictionarySet::Style::kTabari;
  set.tabari_options.commands.push_back({"SET", "MINIMUM WORDS = 5", 1});
  set.tabari_options.commands.push_back({"OUTPUT", "ACTOR MATCH ID", 2});
  CoderOptions o;
  ApplyTabariProject(set, &o);
  EXPECT_EQ(o.min_words, 5u);   // the .options file over the built-in 8
  EXPECT_EQ(o.comma.max, 10u);  // TABARI's built-in comma limits
  set.style = DictionarySet::Style::kPetrarch;
  CoderOptions p;
  ApplyTabariProject(set, &p);
  EXPECT_EQ(p.min_words, 0u);
  EXPECT_FALSE(p.comma.any());
}

// FORWARD: a pronoun before any actor stands for the previous sentence's
// first actor named in its own words, without its agents.
TEST_F(TabariOptionsCoderTest, ForwardCarriesTheFirstActorToAPronoun) {
  CoderOptions o;
  auto off = Coder::Create(set_, o);
  o.tabari_forward = "NNN";
  auto on = Coder::Create(set_, o);
  ASSERT_TRUE(on.ok() && off.ok());
  auto code = [](const Coder& coder, ArticleContext* story, const std::string& sentence) {
    return CodeTriples(coder, sentence, 20130527, story);
  };
  ArticleContext story;
  EXPECT_EQ(code(*on.value(), &story, "Valdoria soldiers condemned Kestria on Monday."),
            V({"VALMIL/KES/111"}));
  EXPECT_EQ(code(*on.value(), &story, "He shelled Marenne on Tuesday."), V({"VAL/MAR/195"}));
  // The forwarded actor is not forwarded again: Marenne is the first actor
  // this sentence named.
  EXPECT_EQ(code(*on.value(), &story, "It condemned Orland on Tuesday."), V({"MAR/ORL/111"}));
  story.Clear();
  EXPECT_EQ(code(*on.value(), &story, "It condemned Orland on Tuesday."), V());
  ArticleContext other;
  code(*off.value(), &other, "Valdoria soldiers condemned Kestria on Monday.");
  EXPECT_EQ(code(*off.value(), &other, "He shelled Marenne on Tuesday."), V());
}

// SET: CODE ALL also codes the infinitive after the object of a verb.
TEST_F(TabariOptionsCoderTest, CodeAllCodesTheObjectsInfinitive) {
  CoderOptions o;
  const std::string sentence = "Valdoria urged Kestria on Monday to assist it in the talks.";
  EXPECT_EQ(Code(sentence, o), V({"VAL/KES/102"}));
  o.tabari_scope = CoderOptions::TabariScope::kAll;
  EXPECT_EQ(Code(sentence, o), V({"VAL/KES/092", "VAL/KES/102"}));
}

// SET: TIME SHIFT: a <TIME> phrase coded ### discards the sentence, even
// inside a blanked comma clause; other time phrases do not.
TEST_F(TabariOptionsCoderTest, TimePhraseDiscard) {
  CoderOptions o;
  EXPECT_TRUE(ApplyTabariOption("SET: TIME SHIFT = TRUE", &o));
  EXPECT_TRUE(o.tabari_time_shift);
  const std::string dream = "Valdoria, long ago in a dream, condemned Kestria on Monday.";
  EXPECT_EQ(Code(dream, o), V());
  EXPECT_EQ(Code("Yesterday Valdoria condemned Kestria.", o), V({"VAL/KES/111"}));
  EXPECT_TRUE(ApplyTabariOption("SET: TIME SHIFT = FALSE", &o));
  EXPECT_EQ(Code(dream, o), V({"VAL/KES/111"}));
}

TEST_F(TabariOptionsCoderTest, TimePhraseShiftsTheDate) {
  Write("t.verbs",
        "CONDEMN [111]\n<TIME>\nYESTERDAY [-1]\nNEXT_MONTH [+30]\nTOMORROW [+1]\n"
        "- * AND A WEEK [+8]\n</TIME>\n");
  Write("t.project", "Invented\n<actorsfile> w.actors\n<verbsfile> t.verbs\n");
  auto set = LoadTabari((dir_ / "t.project").string());
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  for (const auto& e : set.value()->errors) ADD_FAILURE() << coding::ToString(e);
  CoderOptions o;
  ASSERT_TRUE(ApplyTabariOption("SET: TIME SHIFT = TRUE", &o));
  auto coder = Coder::Create(set.value(), o);
  ASSERT_TRUE(coder.ok());
  CodeResult r;
  auto shift = [&](const char* sentence) {
    coder.value()->Code(sentence, 20130527, &r);
    EXPECT_EQ(r.events.size(), 1u) << sentence;
    return r.date_shift_days;
  };
  EXPECT_EQ(shift("Valdoria condemned Kestria yesterday for the raid."), -1);
  EXPECT_EQ(r.time_phrase, "yesterday");
  EXPECT_EQ(shift("Valdoria will condemn Kestria next month at the council."), 30);
  // A pattern around the phrase gives its own shift.
  EXPECT_EQ(shift("Valdoria will condemn Kestria tomorrow and a week from now."), 8);
  EXPECT_EQ(r.time_phrase, "tomorrow");
  EXPECT_EQ(shift("Valdoria condemned Kestria for the raid on Monday."), 0);
  EXPECT_EQ(r.time_phrase, "");
  // Off: the phrases are not read.
  ASSERT_TRUE(ApplyTabariOption("SET: TIME SHIFT = FALSE", &o));
  auto off = Coder::Create(set.value(), o);
  ASSERT_TRUE(off.ok());
  off.value()->Code("Valdoria condemned Kestria yesterday for the raid.", 20130527, &r);
  EXPECT_EQ(r.date_shift_days, 0);
}

// "or" starts a clause as "and" and "but" do; its verb keeps the source.
TEST_F(TabariOptionsCoderTest, OrStartsAClause) {
  CoderOptions o;
  EXPECT_EQ(Code("Valdoria might condemn Kestria or shell Marenne on Monday.", o),
            V({"VAL/KES/111", "VAL/MAR/195"}));
}

TEST(ApplyPetrarchConfigTest, RequireDyad) {
  CoderOptions o;
  EXPECT_TRUE(ApplyPetrarchConfig("require_dyad=FALSE", &o));
  EXPECT_FALSE(o.require_dyad);
  EXPECT_FALSE(ApplyPetrarchConfig("require_dyad=False", &o));  // unchanged
  EXPECT_TRUE(ApplyPetrarchConfig("require_dyad=True", &o));
  EXPECT_TRUE(o.require_dyad);
  EXPECT_FALSE(ApplyPetrarchConfig("stop_on_error=True", &o));
}

TEST(ApplyPetrarchConfigTest, CommaClauses) {
  CoderOptions o;
  EXPECT_FALSE(o.comma.any());  // off unless asked for
  o.comma = PetrarchCommaDefaults();
  EXPECT_EQ(o.comma.min, 2u);
  EXPECT_EQ(o.comma.max, 8u);
  EXPECT_EQ(o.comma.bmax, 0u);
  EXPECT_EQ(o.comma.emax, 8u);
  EXPECT_TRUE(ApplyPetrarchConfig("comma_bmax=6", &o));
  EXPECT_EQ(o.comma.bmax, 6u);
  EXPECT_TRUE(ApplyPetrarchConfig("COMMA_EMAX=0", &o));
  EXPECT_EQ(o.comma.emax, 0u);
  EXPECT_FALSE(ApplyPetrarchConfig("comma_min=2", &o));     // unchanged
  EXPECT_FALSE(ApplyPetrarchConfig("comma_max=many", &o));  // not a number
  EXPECT_FALSE(ApplyPetrarchConfig("comma_mid=3", &o));
  EXPECT_TRUE(o.comma.any());
}

// A small TABARI project in the same invented world.
constexpr char kTabariVerbs[] = R"(<SYNSETS>
&REFUSAL
+DIDN'T
+WILL_NOT
&COIN
+CROWN
+SILVER_$
</SYNSETS>
DEPART_ [032]
BAN= [191]
HAIL_ [041]
ATTEND [031!]
NOTE [023?]
SUPPORT [051]
- NOTED IT WOULD * [052]
CONTRIBUTE [070]
- * &COIN [903]
- * CROWN [071]
CLASH [190]
- &REFUSAL EVER * OVER [905]
- * OVER [121]
)";

constexpr char kTabariActors[] = R"(VALDORIA_ [VAL]
KESTRIA_ [KES]
MARENNE_ [MAR]
OSTRAN= [OST]
)";

// A TABARI project written to a fresh folder and coded with TABARI's
// built-in settings, except that short test sentences are coded.
class TabariFixture : public ::testing::Test {
 protected:
  void Load(const std::string& folder, const char* verbs, const char* actors,
            const char* agents, coding::Date date) {
    dir_ = std::filesystem::temp_directory_path() / (folder + "_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
    std::ofstream(dir_ / "t.verbs") << verbs;
    std::ofstream(dir_ / "t.actors") << actors;
    std::string project = "Test project\n<actorsfile> t.actors\n<verbsfile> t.verbs\n";
    if (agents != nullptr) {
      std::ofstream(dir_ / "t.agents") << agents;
      project += "<agentsfile> t.agents\n";
    }
    std::ofstream(dir_ / "t.project") << project;
    auto set = LoadDirectory(dir_.string());
    ASSERT_TRUE(set.ok()) << set.status().ToString();
    ASSERT_EQ(set.value()->style, DictionarySet::Style::kTabari);
    for (const auto& e : set.value()->errors) ADD_FAILURE() << coding::ToString(e);
    CoderOptions options;
    SetTabariDefaults(&options);
    options.min_words = 0;
    auto coder = Coder::Create(set.value(), options);
    ASSERT_TRUE(coder.ok());
    coder_ = std::move(coder).value();
    date_ = date;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::vector<std::string> Code(const std::string& sentence) {
    return CodeTriples(*coder_, sentence, date_);
  }
  using V = std::vector<std::string>;
  std::filesystem::path dir_;
  std::unique_ptr<Coder> coder_;
  coding::Date date_ = 0;
};

class TabariCoderTest : public TabariFixture {
 protected:
  void SetUp() override { Load("coder_tabari", kTabariVerbs, kTabariActors, nullptr, 19950101); }
};

using Events = std::vector<std::string>;

// DEPART_ takes the regular endings only; BAN= takes none.
TEST_F(TabariCoderTest, VerbEndings) {
  EXPECT_EQ(Code("Valdoria departs from Kestria."), Events{"VAL/KES/032"});
  EXPECT_EQ(Code("Valdoria departen from Kestria."), Events{"VAL/KES/032"});
  EXPECT_EQ(Code("Valdoria departing from Kestria."), Events{"VAL/KES/032"});
  EXPECT_TRUE(Code("Valdoria departx from Kestria.").empty());
  EXPECT_TRUE(Code("Valdoria departink from Kestria.").empty());
  EXPECT_EQ(Code("Valdoria will ban Kestria."), Events{"VAL/KES/191"});
  EXPECT_TRUE(Code("Valdoria is baning Kestria.").empty());
}

TEST_F(TabariCoderTest, WholeWordActor) {
  EXPECT_EQ(Code("Ostran will ban Kestria."), Events{"OST/KES/191"});
  EXPECT_TRUE(Code("Ostrans will ban Kestria.").empty());
}

// "hail's" is one word to TABARI, and no form of HAIL_.
TEST_F(TabariCoderTest, AttachedPossessiveIsNoVerbForm) {
  EXPECT_EQ(Code("Valdoria hails Kestria."), Events{"VAL/KES/041"});
  EXPECT_TRUE(Code("Valdoria hail's Kestria.").empty());
}

// A subordinate code ("023?") yields to any other event and does not end
// the clause's search for a verb; alone it is coded without its mark.
TEST_F(TabariCoderTest, SubordinateCode) {
  EXPECT_EQ(Code("Valdoria noted it would support Kestria."), Events{"VAL/KES/052"});
  EXPECT_EQ(Code("Valdoria noted Kestria."), Events{"VAL/KES/023"});
}

// A dominant code ("031!") cancels the events that are not dominant.
TEST_F(TabariCoderTest, DominantCode) {
  EXPECT_EQ(Code("Valdoria attended talks in Kestria and departed from Marenne."),
            Events{"VAL/KES/031"});
}

// The first word of a synset member followed by a blank must be whole;
// members may name actors.
TEST_F(TabariCoderTest, SynsetMembers) {
  EXPECT_EQ(Code("Valdoria will contribute crown to Kestria."), Events{"VAL/KES/903"});
  EXPECT_EQ(Code("Valdoria will contribute crowns to Kestria."), Events{"VAL/KES/071"});
  EXPECT_EQ(Code("Valdoria will contribute silver Marenne to Kestria."), Events{"MAR/KES/903"});
}

// "didn't" is one word to TABARI; a synset before the verb is found across
// other words ("didn't even ever").
TEST_F(TabariCoderTest, NegationSynsetBeforeTheVerb) {
  EXPECT_EQ(Code("Valdoria didn't ever clash over Kestria."), Events{"VAL/KES/905"});
  EXPECT_EQ(Code("Valdoria didn't even ever clash over Kestria."), Events{"VAL/KES/905"});
  EXPECT_EQ(Code("Valdoria will not ever clash over Kestria."), Events{"VAL/KES/905"});
  EXPECT_EQ(Code("Valdoria did ever clash over Kestria."), Events{"VAL/KES/121"});
}

// Bug: a folder holding a production set beside a suite's test dictionaries
// mixed the two (PETR.Validate.actors.txt coded "Russia" as RUS).
TEST(LoadDirectoryTest, TestDictionariesYieldToAProductionSet) {
  auto dir = std::filesystem::temp_directory_path() / ("coder_load_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "CAMEO.small.txt") << kVerbs;
  std::ofstream(dir / "Prod.actors.txt") << "VALDORIA [VAL]\n";
  std::ofstream(dir / "PETR.Validate.verbs.txt") << kVerbs;
  std::ofstream(dir / "PETR.Validate.actors.txt") << "VALDORIA [XXX]\n";
  auto set = LoadDirectory(dir.string());
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  ASSERT_EQ(set.value()->actors.entries().size(), 1u);
  EXPECT_EQ(set.value()->actors.CodeFor(0, 20130527), "VAL");
  std::filesystem::remove_all(dir);
}

// TABARI-style dictionaries (a .project naming TABARI verb and actor files),
// for the rules that apply to them only.
constexpr char kStructureVerbs[] = R"(
CONDEMN  [111]
MEET  [031]
SAID  [---]
WARN  [160]
- * AT ^ +  [162]
PARADE  [017]
- ANTI- + *  [111]
ALLOW  [060]
- * REAL~_PLEASANT  [024]
SHOW GOODWILL  [042]
CUT_TIES  [195]
)";

constexpr char kStructureActors[] = R"(
VALDORIA  [VAL]
KESTRIA  [KES]
MARENNE  [MAR]
PORT ELLIS  [PEL]
)";

class TabariStructureTest : public TabariFixture {
 protected:
  void SetUp() override { Load("tabari_structure", kStructureVerbs, kStructureActors, nullptr, 20130527); }
};

TEST_F(TabariStructureTest, SubordinateClauseBetweenCommasIsBlanked) {
  // Without the blanking, "condemned" would be the clause's first verb.
  EXPECT_EQ(Code("Valdoria, which Kestria condemned last year, meets Marenne on Monday."),
            V({"VAL/MAR/031"}));
}

TEST_F(TabariStructureTest, ShortClosingClauseIsBlanked) {
  EXPECT_EQ(Code("Valdoria met officials, a Marenne spokesman said on Monday."), V());
}

TEST_F(TabariStructureTest, ActorPhraseWordsMayBeApart) {
  EXPECT_EQ(Code("Valdoria condemned the Port of Ellis on Monday."), V({"VAL/PEL/111"}));
  // Never across a comma.
  EXPECT_EQ(Code("Valdoria condemned the Port, Ellis said."), V());
}

// A verb phrase's words separated by a blank may have other words between
// them, as an actor phrase's may (DEATH TOLL RISEN is "death toll has
// risen"); never a comma, and words joined by '_' stay adjacent.
TEST_F(TabariStructureTest, VerbPhraseWordsMayBeApart) {
  EXPECT_EQ(Code("Valdoria showed goodwill to Kestria."), V({"VAL/KES/042"}));
  EXPECT_EQ(Code("Valdoria showed real goodwill to Kestria."), V({"VAL/KES/042"}));
  EXPECT_EQ(Code("Valdoria showed, in truth, goodwill to Kestria."), V());
  EXPECT_EQ(Code("Valdoria cut ties with Kestria."), V({"VAL/KES/195"}));
  EXPECT_EQ(Code("Valdoria cut its ties with Kestria."), V());
}

// The member after a compound's and takes the actors that follow it with
// only determiners, adjectives or a possessive between; an actor right next
// to it stays out.
TEST_F(TabariStructureTest, CompoundMemberRunsOverItsModifiedActors) {
  EXPECT_EQ(Code("Marenne condemned Valdoria and Kestria's Port Ellis."),
            V({"MAR/KES/111", "MAR/PEL/111", "MAR/VAL/111"}));
  EXPECT_EQ(Code("Marenne condemned Valdoria and Kestria Port Ellis."),
            V({"MAR/KES/111", "MAR/VAL/111"}));
}

TEST_F(TabariStructureTest, SkipTokenPassesOverAnActor) {
  EXPECT_EQ(Code("Valdoria warned at the Kestria of the Marenne navy."), V({"VAL/MAR/162"}));
}

TEST_F(TabariStructureTest, ConjunctionStartsAClauseAndPronounsReferBack) {
  EXPECT_EQ(Code("Valdoria condemned Kestria but Marenne warned him on Monday."),
            V({"MAR/VAL/160", "VAL/KES/111"}));
}

TEST_F(TabariStructureTest, HyphenatedPatternWordMatchesTheSplitWord) {
  // "anti-" is ANTI once hyphens are blanks, as is the pattern's ANTI-.
  EXPECT_EQ(Code("Valdoria joined an anti- Kestria parade on Monday."), V({"VAL/KES/111"}));
}

TEST_F(TabariStructureTest, TildeConnectorJoinsAStem) {
  EXPECT_EQ(Code("Valdoria allowed that Kestria is a really pleasant place."), V({"VAL/KES/024"}));
  EXPECT_EQ(Code("Valdoria allowed that Kestria is a real pleasant place."), V({"VAL/KES/024"}));
  EXPECT_EQ(Code("Valdoria allowed that Kestria is a pleasant place."), V({"VAL/KES/060"}));
}

TEST_F(TabariStructureTest, AllCapitalsSentenceStillHasVerbs) {
  EXPECT_EQ(Code("VALDORIA CONDEMNED KESTRIA ON MONDAY."), V({"VAL/KES/111"}));
}

// TABARI agents and pattern ranking, in the same invented world.
constexpr char kAgentsVerbs[] =
    "CONDEMN [111]\nVOW [170]\n"
    "- * RESIST { TO THE LAST | UNTIL THE VERY END OF TIME } [113]\n"
    "- * RESISTANCE TO THE LAST CITY [114]\n";
constexpr char kAgentsActors[] =
    "VALDORIA [VAL]\nKESTRIA [KES]\nHALVARD [VAL]\nAMBER_LEAGUE [NGO]\n";
constexpr char kAgentsAgents[] = "MINISTER_ [~GOV]\nPOLICE_ [~COP]\nRIGHTS_ACTIVISTS_ [NGO~]\n";

class TabariAgentsCoderTest : public TabariFixture {
 protected:
  void SetUp() override {
    Load("tabari_agents", kAgentsVerbs, kAgentsActors, kAgentsAgents, 19950101);
  }
};

// A title goes with the actor right next to it: with words between it and
// the actor before, it belongs to the actor after, and the first actor is
// the source on its own.
TEST_F(TabariAgentsCoderTest, TitleBindsToTheAdjacentActor) {
  EXPECT_EQ(Code("Valdoria minister Halvard condemned Kestria."), V({"VALGOV/KES/111"}));
  EXPECT_EQ(Code("Valdoria's minister Halvard condemned Kestria."), V({"VALGOV/KES/111"}));
  EXPECT_EQ(Code("Valdoria's deputy interior minister Halvard condemned Kestria."),
            V({"VAL/KES/111"}));
}

// An agent linked to the first actor of a compound is not carried to the
// others ("the ambassadors of Arnor, Osgiliath and Gondor": ARNGOV, OSG, GON).
TEST_F(TabariAgentsCoderTest, AgentOfACompoundStaysWithItsFirstActor) {
  EXPECT_EQ(Code("The minister of Valdoria and Kestria condemned Amber League."),
            V({"KES/NGO/111", "VALGOV/NGO/111"}));
}

// A prefix agent whose code the actor's code already begins is not repeated.
TEST_F(TabariAgentsCoderTest, PrefixAgentNotRepeated) {
  EXPECT_EQ(Code("Rights activists Amber League condemned Kestria."), V({"NGO/KES/111"}));
  EXPECT_EQ(Code("Rights activists in Valdoria condemned Kestria."), V({"NGOVAL/KES/111"}));
}

// FORMER before or inside an actor phrase makes its agents elites.
TEST_F(TabariAgentsCoderTest, FormerMakesAgentsElites) {
  EXPECT_EQ(Code("Former Valdoria police condemned Kestria."), V({"VALELI/KES/111"}));
  EXPECT_EQ(Code("Valdoria former police condemned Kestria."), V({"VALELI/KES/111"}));
  EXPECT_EQ(Code("Valdoria police condemned former Kestria ministers."), V({"VALCOP/KESELI/111"}));
}

// Patterns rank by the length of their text; an alternatives element counts
// the member that matched, not its longest one.
TEST_F(TabariAgentsCoderTest, PatternsRankByMatchedTextLength) {
  EXPECT_EQ(Code("Valdoria vowed resistance to the last city of Kestria."), V({"VAL/KES/114"}));
  EXPECT_EQ(Code("Valdoria vowed to resist until the very end of time Kestria."),
            V({"VAL/KES/113"}));
}

}  // namespace
}  // namespace storyline::coder
