#include "coding/formats.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace storyline::coding {
namespace {

using Kind = PatternElement::Kind;

std::string Lines(const std::vector<DictionaryError>& errors) {
  std::string out;
  for (const auto& e : errors) out += ToString(e) + "\n";
  return out;
}

// Invented PETRARCH verb dictionary touching every construct.
constexpr char kVerbs[] = R"(<!-- invented test verbs -->
####### SYNONYM SETS #######
&STEED
+HORSE
+WAR_PONY
+EAGLE_

&AUXV_   # labels ending in '_' get no plurals
+SHALL
+MUST

&MOUNTS
+&STEED
+FELL_BEAST

---  PARLEY   [031]  ---
PARLEY
TREAT {TREATS TREATED TREATING}
+SIT_DOWN {+SITS_DOWN +SAT_DOWN}  [036]
- * (WITH +)                          [036]     # a prepositional phrase
- $ * {GREY HOST}                     [037]
- &AUXV * ^ AFTER_ALL_                [038:039]
- % * BY_&MOUNTS                      [032]
- SAID_* { ORC | GOBLIN } TRUCE       [0311]

---  THREATEN  [:110]  ---
THREATEN ;an old TABARI-style comment
- * TO_BURN +                          [138]

######## TRANSFORMATIONS ##########
~ a (a b THREATEN) SAY = a b 138
)";

TEST(PetrarchVerbsTest, EveryConstruct) {
  Loaded<VerbDictionary> l = ParsePetrarchVerbs(kVerbs, "test.verbs");
  EXPECT_TRUE(l.errors.empty()) << Lines(l.errors);
  const VerbDictionary& d = l.dictionary;
  ASSERT_EQ(d.synsets().size(), 3u);
  EXPECT_EQ(d.synsets()[0].name, "STEED");
  EXPECT_EQ(d.synsets()[0].members.size(), 3u);
  EXPECT_TRUE(d.synsets()[1].no_plurals);
  EXPECT_EQ(d.FindSynset("AUXV"), &d.synsets()[1]);
  EXPECT_EQ(d.synsets()[2].members[0][0].kind, Kind::kSynset);  // nested synset
  EXPECT_EQ(d.synsets()[2].where.line, 12);

  ASSERT_EQ(d.blocks().size(), 2u);
  const VerbBlock& b = d.blocks()[0];
  EXPECT_EQ(b.name, "PARLEY");
  EXPECT_EQ(CodeText(b.code), "031");
  ASSERT_EQ(b.verbs.size(), 3u);
  EXPECT_EQ(b.verbs[1].irregular.size(), 3u);
  EXPECT_TRUE(b.verbs[2].multiword);
  EXPECT_EQ(PhraseText(b.verbs[2].phrase), "SIT_DOWN");
  EXPECT_EQ(PhraseText(b.verbs[2].irregular[1]), "SAT_DOWN");
  EXPECT_EQ(CodeText(d.CodeOf(0, 2)), "036");
  EXPECT_EQ(CodeText(d.CodeOf(0, 0)), "031");

  ASSERT_EQ(b.patterns.size(), 5u);
  EXPECT_EQ(Describe(b.patterns[0]), "- * (WITH +) [036]");
  EXPECT_EQ(b.patterns[0].elements[1].kind, Kind::kPrepPhrase);
  EXPECT_EQ(Describe(b.patterns[1]), "- $ * {GREY HOST} [037]");
  EXPECT_EQ(b.patterns[1].elements[2].kind, Kind::kNounPhrase);
  EXPECT_EQ(Describe(b.patterns[2]), "- &AUXV * ^ AFTER_ALL_ [038:039]");
  EXPECT_TRUE(b.patterns[2].elements[3].adjacent_next);
  EXPECT_TRUE(b.patterns[2].elements[4].word_end);
  EXPECT_EQ(b.patterns[2].code.paired, "039");
  EXPECT_EQ(b.patterns[3].elements[0].kind, Kind::kCompound);
  EXPECT_EQ(Describe(b.patterns[3]), "- % * BY_&MOUNTS [032]");
  EXPECT_EQ(b.patterns[4].elements[2].kind, Kind::kAlternatives);
  EXPECT_EQ(b.patterns[4].elements[2].groups.size(), 2u);
  EXPECT_EQ(Describe(b.patterns[4]), "- SAID_* { ORC | GOBLIN } TRUCE [0311]");
  EXPECT_EQ(b.patterns[4].where.line, 24);
  EXPECT_EQ(b.patterns[4].where.file_name(), "test.verbs");
  EXPECT_EQ(CodeText(d.blocks()[1].code), ":110");

  ASSERT_EQ(d.transformations().size(), 1u);
  const Transformation& t = d.transformations()[0];
  EXPECT_EQ(t.inner_verb, "THREATEN");
  EXPECT_EQ(t.outer_verb, "SAY");
  EXPECT_EQ(t.out_code, "138");
  EXPECT_EQ(Describe(t), "~ a (a b THREATEN) SAY = a b 138");

  // Inflected forms are in the verb trie; irregular ones too.
  for (const char* w : {"PARLEYS", "PARLEYED", "PARLEYING", "TREATED", "THREATENS"}) {
    std::vector<std::string_view> words{w};
    uint32_t node;
    EXPECT_EQ(d.verb_trie().LongestMatch(words, &node), 1u) << w;
  }
  std::vector<std::string_view> sat{"SAT", "DOWN"};
  uint32_t node;
  ASSERT_EQ(d.verb_trie().LongestMatch(sat, &node), 2u);
  EXPECT_EQ(VerbDictionary::FormOf(d.verb_trie().Values(node)[0]), 2u);

  std::string dump = Dump(b);
  EXPECT_NE(dump.find("verb +SIT_DOWN {SITS_DOWN SAT_DOWN} [036]"), std::string::npos) << dump;
  EXPECT_NE(Dump(d.synsets()[1]).find("synset &AUXV_"), std::string::npos);
}

TEST(PetrarchVerbsTest, DescribeParsesBackToTheSamePattern) {
  Loaded<VerbDictionary> l = ParsePetrarchVerbs(kVerbs, "test.verbs");
  std::string again = "&STEED\n+HORSE\n&MOUNTS\n+HORSE\n&AUXV\n+SHALL\n--- X [---] ---\nX\n";
  for (const VerbPattern& p : l.dictionary.blocks()[0].patterns) again += Describe(p) + "\n";
  Loaded<VerbDictionary> l2 = ParsePetrarchVerbs(again, "again");
  ASSERT_TRUE(l2.errors.empty()) << Lines(l2.errors);
  const auto& a = l.dictionary.blocks()[0].patterns;
  const auto& b = l2.dictionary.blocks()[0].patterns;
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].elements, b[i].elements) << Describe(a[i]);
    EXPECT_EQ(a[i].code, b[i].code);
  }
}

TEST(PetrarchVerbsTest, MalformedEntriesReportedRestLoads) {
  constexpr char kBad[] =
      "- * STRAY [010]\n"                      // 1: pattern before any block
      "--- MARCH [051] ---\n"                  // 2
      "MARCH\n"                                // 3
      "- * TO_GATE\n"                          // 4: no code
      "- * (TO GATE [051]\n"                   // 5: unclosed '('
      "- * AND * [051]\n"                      // 6: two verbs
      "- * &NOSUCH [051]\n"                    // 7: undefined synset
      "- * TO_MORIA [052]\n"                   // 8: fine
      "~ a (b c MARCH) = a b 1\n"              // 9: bad transformation
      "--- [051 ---\n"                         // 10: unclosed header
      "ORPHAN\n"                               // 11: verb outside a block
      "--- RIDE [053] ---\n"                   // 12
      "RIDE {RODE RIDDEN\n"                    // 13: unclosed '{'
      "RIDE\n"                                 // 14
      "- * OUT [054]\n";                       // 15
  Loaded<VerbDictionary> l = ParsePetrarchVerbs(kBad, "bad.verbs");
  std::vector<int> lines;
  for (const auto& e : l.errors) {
    EXPECT_EQ(e.file, "bad.verbs");
    lines.push_back(e.line);
  }
  std::sort(lines.begin(), lines.end());
  EXPECT_EQ(lines, (std::vector<int>{1, 4, 5, 6, 7, 9, 10, 11, 13})) << Lines(l.errors);
  ASSERT_EQ(l.dictionary.blocks().size(), 2u);
  EXPECT_EQ(l.dictionary.blocks()[0].patterns.size(), 1u);
  EXPECT_EQ(Describe(l.dictionary.blocks()[0].patterns[0]), "- * TO_MORIA [052]");
  EXPECT_EQ(l.dictionary.blocks()[1].patterns.size(), 1u);
}

TEST(ActorsTest, PetrarchEntriesRolesAndSynonyms) {
  constexpr char kActors[] =
      "<!-- invented actors\n"
      "   spanning lines -->\n"
      "ERIADOR_  [ERI]  # a realm\n"
      "+NORTH_KINGDOM\n"
      "+THE_NORTH\n"
      "\n"
      "HALBARAD ; ranger\n"
      "\t[RNG <950601]\n"
      "\t[RNGGOV 19950601 - 990815]\n"
      "\t[RNGREB >990816]\n"
      "\t[RNG]\n"
      "WEST HOST [WSTMIL]\n";
  TextFile f{"test.actors", kActors};
  Loaded<ActorDictionary> l = ParseActors(std::span<const TextFile>(&f, 1), Dialect::kPetrarch);
  EXPECT_TRUE(l.errors.empty()) << Lines(l.errors);
  const auto& e = l.dictionary.entries();
  ASSERT_EQ(e.size(), 3u);
  EXPECT_EQ(e[0].phrases.size(), 3u);
  EXPECT_EQ(e[0].default_code, "ERI");
  EXPECT_EQ(e[0].where.line, 3);
  EXPECT_EQ(e[1].roles.size(), 3u);
  EXPECT_EQ(l.dictionary.CodeFor(1, 19950531), "RNG");
  // Limits are inclusive ("or equal to"), so on 1995-06-01 both of the first
  // two roles hold and the first one in file order wins.
  EXPECT_EQ(l.dictionary.CodeFor(1, 19950601), "RNG");
  EXPECT_EQ(l.dictionary.CodeFor(1, 19950602), "RNGGOV");
  EXPECT_EQ(l.dictionary.CodeFor(1, 19990815), "RNGGOV");
  EXPECT_EQ(l.dictionary.CodeFor(1, 20200101), "RNGREB");
  EXPECT_EQ(e[1].default_code, "RNG");
  std::vector<std::string_view> words{"THE", "NORTH", "RODE"};
  uint32_t node;
  ASSERT_EQ(l.dictionary.trie().LongestMatch(words, &node), 2u);
  EXPECT_EQ(ActorDictionary::EntryOf(l.dictionary.trie().Values(node)[0]), 0u);
  EXPECT_EQ(ActorDictionary::PhraseOf(l.dictionary.trie().Values(node)[0]), 2u);
  EXPECT_NE(Dump(e[1]).find("role RNGGOV 19950601..19990815"), std::string::npos) << Dump(e[1]);
}

TEST(ActorsTest, TabariInlineRoles) {
  constexpr char kActors[] =
      "<NOUN>\n"
      "WARGS ;noun list\n"
      "</NOUN>\n"
      "<ADJECTIVE>\n"
      "DREADFUL\n"
      "</ADJECTIVE>\n"
      "ARVEDUI  [ARTGOV 19751201-19800114] [---] ;last king\n"
      "ANGMAR_  [ANGGOV <011214] ;witch\n"
      "~~FINISH\n"
      "IGNORED_AFTER_THE_END [XXX]\n";
  TextFile f{"t.actors", kActors};
  Loaded<ActorDictionary> l = ParseActors(std::span<const TextFile>(&f, 1), Dialect::kTabari);
  EXPECT_TRUE(l.errors.empty()) << Lines(l.errors);
  ASSERT_EQ(l.dictionary.entries().size(), 2u);
  EXPECT_EQ(l.dictionary.CodeFor(0, 19780101), "ARTGOV");
  EXPECT_EQ(l.dictionary.CodeFor(0, 19900101), "---");
  EXPECT_EQ(l.dictionary.CodeFor(1, 20011214), "ANGGOV");
  EXPECT_EQ(l.dictionary.CodeFor(1, 20011215), "");
  EXPECT_TRUE(l.dictionary.entries()[1].phrases[0][0].word_end);
  ASSERT_EQ(l.dictionary.nouns().size(), 1u);
  EXPECT_EQ(PhraseText(l.dictionary.nouns()[0]), "WARGS");
  EXPECT_EQ(l.dictionary.adjectives().size(), 1u);
}

TEST(ActorsTest, MalformedEntriesReportedRestLoads) {
  constexpr char kBad[] =
      "\t[ORC 950101-960101]\n"        // 1: role without an actor
      "+GOBLIN\n"                      // 2: synonym without an actor
      "AZOG [ORC\n"                    // 3: unbalanced
      "BOLG [ORCGOV 950101-940101]\n"  // 4: range reversed
      "SHAGRAT\n"                      // 5: fine
      "\t[950601-990815]\n"            // 6: dates but no code
      "\t[ORCMIL >9506]\n"             // 7: bad date
      "\t[ORCREB 950601]\n"            // 8: bare date
      "\t[ORC]\n"                      // 9: fine
      "GORBAG [ORC] trailing\n"        // 10: text after ']'
      "UGLUK [URK]\n";                 // 11: fine
  TextFile f{"bad.actors", kBad};
  Loaded<ActorDictionary> l = ParseActors(std::span<const TextFile>(&f, 1), Dialect::kPetrarch);
  std::vector<int> lines;
  for (const auto& e : l.errors) lines.push_back(e.line);
  EXPECT_EQ(lines, (std::vector<int>{1, 2, 3, 4, 6, 7, 8, 10})) << Lines(l.errors);
  ASSERT_EQ(l.dictionary.entries().size(), 2u);
  EXPECT_EQ(l.dictionary.entries()[0].default_code, "ORC");
  EXPECT_EQ(PhraseText(l.dictionary.entries()[1].phrases[0]), "UGLUK");
}

TEST(AgentsTest, PluralsMarkersAndComposition) {
  constexpr char kAgents[] =
      "!SMITH! = SMITH, SMITHS, WRIGHT\n"
      "SWORD!SMITH! [~CRF]\n"
      "SHIRRIFF [~POL] # regular plural\n"
      "HOBBITRY {} [~CVL]\n"
      "KING_OF_MEN {KINGS_OF_MEN} [~GOVKNG]\n"
      "HEALERS_GUILD [NGO~]\n"
      "ENT {ENTS ONODRIM} [~ENT]\n";
  TextFile f{"test.agents", kAgents};
  Loaded<AgentDictionary> l = ParseAgents(std::span<const TextFile>(&f, 1), Dialect::kPetrarch);
  EXPECT_TRUE(l.errors.empty()) << Lines(l.errors);
  const auto& e = l.dictionary.entries();
  ASSERT_EQ(e.size(), 8u);
  EXPECT_EQ(PhraseText(e[0].phrase), "SWORDSMITH");
  EXPECT_EQ(PhraseText(e[2].phrase), "SWORDWRIGHT");
  EXPECT_TRUE(e[0].plurals.empty());
  EXPECT_EQ(PhraseText(e[3].plurals[0]), "SHIRRIFFS");
  EXPECT_TRUE(e[4].plurals.empty());
  EXPECT_EQ(PhraseText(e[5].plurals[0]), "KINGS_OF_MEN");
  EXPECT_TRUE(e[6].prefix);
  EXPECT_EQ(l.dictionary.Compose("GON", 6), "NGOGON");
  EXPECT_EQ(l.dictionary.Compose("GON", 5), "GONGOVKNG");
  EXPECT_EQ(e[7].plurals.size(), 2u);
  std::vector<std::string_view> words{"ONODRIM"};
  uint32_t node;
  ASSERT_EQ(l.dictionary.trie().LongestMatch(words, &node), 1u);
  EXPECT_EQ(l.dictionary.trie().Values(node)[0], 7u);
  EXPECT_NE(Dump(e[6]).find("[NGO~]"), std::string::npos);
}

TEST(AgentsTest, MalformedEntriesReportedRestLoads) {
  constexpr char kBad[] =
      "!BAD! =\n"              // 1: empty list
      "WIZARD [ISTARI]\n"      // 2: no '~'
      "!NOPE!_CHIEF [~GOV]\n"  // 3: undefined marker
      "STEWARD [~GOV}\n"       // 4: bracket typo
      "ELDER {ELDERS [~ELD]\n" // 5: unclosed '{'
      "MARSHAL [~MIL]\n";      // 6: fine
  TextFile f{"bad.agents", kBad};
  Loaded<AgentDictionary> l = ParseAgents(std::span<const TextFile>(&f, 1), Dialect::kPetrarch);
  std::vector<int> lines;
  for (const auto& e : l.errors) lines.push_back(e.line);
  EXPECT_EQ(lines, (std::vector<int>{1, 2, 3, 4, 5})) << Lines(l.errors);
  ASSERT_EQ(l.dictionary.entries().size(), 1u);
  EXPECT_EQ(l.dictionary.entries()[0].code, "MIL");
}

TEST(DiscardsTest, SentenceAndStory) {
  constexpr char kDiscards[] = "+ENTWIFE SONG # story\nPIPEWEED CONTEST_\n+\n";
  Loaded<Discards> l = ParseDiscards(kDiscards, "d.txt");
  ASSERT_EQ(l.errors.size(), 1u);
  EXPECT_EQ(l.errors[0].line, 3);
  ASSERT_EQ(l.dictionary.entries().size(), 2u);
  EXPECT_TRUE(l.dictionary.entries()[0].whole_story);
  EXPECT_FALSE(l.dictionary.entries()[1].whole_story);
  EXPECT_TRUE(l.dictionary.entries()[1].phrase[1].word_end);
}

TEST(IssuesTest, ExpansionsIgnoreAndCategories) {
  constexpr char kIssues[] =
      "<ISSUE CATEGORY=\"LORE\" TYPE=\"ALL\">\n"
      "n:palantir [SEEING_STONES]\n"
      "mithril+n:coat [ARMOUR]\n"
      "v:forge ring [RINGS]\n"
      "~ring wraith\n"
      "</ISSUE>\n"
      "second breakfast [FOOD]\n"
      "lembas\n";
  Loaded<Issues> l = ParseIssues(kIssues, "i.txt");
  ASSERT_EQ(l.errors.size(), 1u) << Lines(l.errors);
  EXPECT_EQ(l.errors[0].line, 8);
  const auto& e = l.dictionary.entries();
  ASSERT_EQ(e.size(), 5u);
  EXPECT_EQ(e[0].variants.size(), 2u);  // PALANTIR, PALANTIRS
  EXPECT_EQ(e[0].category, "LORE");
  EXPECT_EQ(e[1].variants.size(), 4u);  // MITHRIL COAT(S), MITHRIL-COAT(S)
  EXPECT_EQ(e[2].variants.size(), 4u);  // FORGE/FORGES/FORGED/FORGING RING
  EXPECT_TRUE(e[3].ignore);
  EXPECT_EQ(e[4].category, "");
  std::vector<std::string_view> words{"MITHRIL-COATS"};
  uint32_t node;
  EXPECT_EQ(l.dictionary.trie().LongestMatch(words, &node), 1u);
}

constexpr char kTabariVerbs[] =
    "<SYNSETS>\n"
    "&BLADE\n"
    "+SWORD\n"
    "+DAGGER_\n"
    "</SYNSETS>\n"
    "<TIME>\n"
    "FORTNIGHT_AGO [-14]\n"
    "- * AND A DAY [-15]\n"
    "</TIME>\n"
    "BRANDISH [173] ;pas\n"
    "- * &BLADE AT + [174]\n"
    "- $ * { SPEAR_ | AXE } [175]\n"
    "SMITE_ [190]\n"
    "{ SMOTE_ SMITTEN_ }\n"
    "- + WAS * BY $ [191]\n"
    "<NOUN>\n"
    "BATTLE_ ;n\n"
    "</NOUN>\n"
    "<ADJECTIVE>\n"
    "VALIANT\n"
    "</ADJECTIVE>\n"
    "~~FINISH end of file marker\n"
    "GARBAGE AFTER THE END\n";

TEST(TabariVerbsTest, Sections) {
  Loaded<VerbDictionary> l = ParseTabariVerbs(kTabariVerbs, "t.verbs");
  EXPECT_TRUE(l.errors.empty()) << Lines(l.errors);
  const VerbDictionary& d = l.dictionary;
  ASSERT_EQ(d.synsets().size(), 1u);
  ASSERT_EQ(d.times().size(), 1u);
  EXPECT_EQ(d.times()[0].shift, "-14");
  EXPECT_EQ(d.times()[0].patterns.size(), 1u);
  ASSERT_EQ(d.blocks().size(), 2u);
  EXPECT_EQ(d.blocks()[0].name, "BRANDISH");
  EXPECT_EQ(d.blocks()[0].patterns.size(), 2u);
  EXPECT_EQ(d.blocks()[0].patterns[1].elements[2].kind, Kind::kAlternatives);
  EXPECT_EQ(d.blocks()[1].verbs[0].irregular.size(), 2u);
  EXPECT_EQ(d.blocks()[1].patterns.size(), 1u);
  EXPECT_EQ(d.nouns().size(), 1u);
  EXPECT_EQ(d.adjectives().size(), 1u);
}

// TABARI stores a synset member as any phrase: an actor slot in it is kept
// (its demo dictionary has "+PESO_$").
TEST(TabariVerbsTest, SynsetMemberMayHoldAnActorSlot) {
  Loaded<VerbDictionary> l =
      ParseTabariVerbs("<SYNSETS>\n&COIN\n+CROWN_$\n</SYNSETS>\nPAY [070]\n", "t.verbs");
  EXPECT_TRUE(l.errors.empty()) << Lines(l.errors);
  ASSERT_EQ(l.dictionary.synsets().size(), 1u);
  ASSERT_EQ(l.dictionary.synsets()[0].members.size(), 1u);
  EXPECT_EQ(l.dictionary.synsets()[0].members[0].back().kind, Kind::kSource);
  // PETRARCH synset members stay words and synsets only.
  Loaded<VerbDictionary> p = ParsePetrarchVerbs("&COIN\n+CROWN_$\n", "p.verbs");
  EXPECT_EQ(p.errors.size(), 1u);
}

// TABARI matches an agent's regular plural too ("MUSLIM_" reads "Muslims").
TEST(AgentsTest, TabariAgentsTakeRegularPlurals) {
  TextFile f{"t.agents", "MARSHAL_ [~MIL]\n"};
  Loaded<AgentDictionary> l = ParseAgents(std::span<const TextFile>(&f, 1), Dialect::kTabari);
  ASSERT_EQ(l.dictionary.entries().size(), 1u);
  std::vector<std::string_view> words{"MARSHALS"};
  uint32_t node;
  EXPECT_EQ(l.dictionary.trie().LongestMatch(words, &node), 1u);
}

TEST(TabariOptionsTest, CommandsAndLabels) {
  Loaded<TabariOptions> l = ParseTabariOptions(
      "// comment\nCOMPLEX: VERBS[5]\nSET: LABEL = TRUE\nLABEL: 173=THREATEN\nnonsense\nLABEL: =x\n",
      "t.options");
  ASSERT_EQ(l.errors.size(), 2u) << Lines(l.errors);
  EXPECT_EQ(l.errors[0].line, 5);
  EXPECT_EQ(l.errors[1].line, 6);
  EXPECT_EQ(l.dictionary.commands.size(), 3u);
  EXPECT_EQ(l.dictionary.labels.at("173"), "THREATEN");
}

TEST(TabariProjectTest, LoadsReferencedFiles) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("coding_project_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  auto write = [&](const char* name, const std::string& text) {
    std::ofstream(dir / name) << text;
  };
  write("t.verbs", kTabariVerbs);
  write("t.actors", "ROHAN [ROH]\nEDORAS [ROH] ;capital\n");
  write("t.agents", "MARSHAL_ [ ~MIL] ;x\n");
  write("t.options", "SET: LABEL = TRUE\n");
  write("t.project",
        "Invented project\n<actorsfile> t.actors\n<verbsfile> t.verbs\n<agentsfile> t.agents\n"
        "<optionsfile> t.options\n<textfile> t.text\n<actorsfile> missing.actors\n"
        "<session 1> <coder x>\n");
  auto p = LoadTabariProject((dir / "t.project").string());
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->dictionary.title, "Invented project");
  EXPECT_EQ(p->dictionary.actors.entries().size(), 2u);
  EXPECT_EQ(p->dictionary.verbs.blocks().size(), 2u);
  EXPECT_EQ(p->dictionary.agents.entries().size(), 1u);
  EXPECT_EQ(p->dictionary.agents.entries()[0].code, "MIL");
  EXPECT_EQ(p->dictionary.options.commands.size(), 1u);
  EXPECT_EQ(p->dictionary.text_file, (dir / "t.text").string());
  ASSERT_EQ(p->errors.size(), 1u);  // missing.actors
  EXPECT_EQ(p->errors[0].line, 7);
  fs::remove_all(dir);
  EXPECT_FALSE(LoadTabariProject((dir / "t.project").string()).ok());
}

TEST(DatesTest, TwoAndFourDigitYears) {
  Date d = 0;
  ASSERT_TRUE(ParseDictionaryDate("950601", &d));
  EXPECT_EQ(d, 19950601);
  ASSERT_TRUE(ParseDictionaryDate("070723", &d));
  EXPECT_EQ(d, 20070723);
  ASSERT_TRUE(ParseDictionaryDate("18970101", &d));
  EXPECT_EQ(d, 18970101);
  EXPECT_FALSE(ParseDictionaryDate("9506", &d));
  EXPECT_FALSE(ParseDictionaryDate("951301", &d));
  EXPECT_FALSE(ParseDictionaryDate("95060a", &d));
}

}  // namespace
}  // namespace storyline::coding
