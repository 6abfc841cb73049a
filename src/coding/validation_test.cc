#include "coding/validation.h"

#include <gtest/gtest.h>

#include <string>

namespace storyline::coding {
namespace {

std::string Lines(const std::vector<DictionaryError>& errors) {
  std::string out;
  for (const auto& e : errors) out += ToString(e) + "\n";
  return out;
}

constexpr char kXml[] = R"(<?xml version='1.0'?>
<Validation>
<!-- <Sentence id="IN-A-COMMENT"> must be ignored -->
<Environment>
    <Verbfile>shire.verbs.txt</Verbfile>
    <Actorfile>shire.actors.txt,bree.actors.txt</Actorfile>
    <Config option="new_actor_length" value="0"></Config>
</Environment>
<Sentences>
<Sentence date="30190325" id="SHIRE-01" category="SHIRE" sentence="true">
<!-- a coded record -->
<EventCoding sourcecode="HOB" targetcode="ORC" eventcode="190"></EventCoding>
<EventCoding sourcecode='"BREE WATCH"' targetcode="HOB" eventcode="042"></EventCoding>
<Text>
The hobbits drove
  the orcs out.
</Text>
<Parse>
(ROOT (S (NP (NNS hobbits)) (VP (VBD drove))))
</Parse>
</Sentence>
<Sentence category="SHIRE" date="30190326" id="SHIRE-02" evaluate="false">
<EventCoding noevents = "True" />
<EventCoding error="empty_sentence" />
<Text>Nothing happened in Hobbiton.</Text>
</Sentence>
<Sentence category="GSR" date="30190327" id="GSR-01" evaluate="true"/>
<EventCoding eventcode="036" sourcecode="GON" targetcode="ROH" />
<Text>
Gondor asked Rohan to meet.
</Text>
<Parse>
1	Gondor	Gondor	PROPN	NNP	_	2	nsubj	_	_
</Parse></Sentence>
<Sentence category="BAD" date="3019xx01" id="BAD-01">
<EventCoding eventcode="036" sourcecode="GON" targetcode="ROH" />
<Text>bad date</Text>
</Sentence>
<Sentence category="BAD" date="30190328" id="BAD-02">
<EventCoding sourcecode="GON" />
<Text>half a coding</Text>
</Sentence>
<Sentence category="BAD" date="30190328">
<Text>no id</Text>
</Sentence>
<Sentence category="SHIRE" date="30190329" id="SHIRE-03">
<EventCoding sourcecode="ENT" targetcode="ISE" eventcode="195"></EventCoding>
<Text>The Ents flooded Isengard.</Text>
</Sentence>
</Sentences>
</Validation>
)";

TEST(PetrarchValidationTest, RecordsCodingsAndErrors) {
  ValidationSuite s = ParsePetrarchValidation(kXml, "suite.xml");
  EXPECT_EQ(s.environment["Verbfile"], "shire.verbs.txt");
  EXPECT_EQ(s.environment["Actorfile"], "shire.actors.txt,bree.actors.txt");
  EXPECT_EQ(s.environment["Config:new_actor_length"], "0");
  ASSERT_EQ(s.records.size(), 4u);
  const ValidationRecord& r = s.records[0];
  EXPECT_EQ(r.id, "SHIRE-01");
  EXPECT_EQ(r.category, "SHIRE");
  EXPECT_EQ(r.date, 30190325);
  EXPECT_EQ(r.text, "The hobbits drove the orcs out.");
  ASSERT_EQ(r.events.size(), 2u);
  EXPECT_EQ(r.events[0], (ExpectedEvent{"HOB", "ORC", "190"}));
  EXPECT_EQ(r.events[1].source, "BREE WATCH");
  EXPECT_TRUE(r.events[1].source_is_text);
  EXPECT_NE(r.parse.find("(VBD drove)"), std::string::npos);
  EXPECT_FALSE(r.disabled);
  EXPECT_EQ(r.line, 10);

  EXPECT_TRUE(s.records[1].no_events);
  EXPECT_TRUE(s.records[1].disabled);
  EXPECT_EQ(s.records[1].expected_errors, std::vector<std::string>{"empty_sentence"});

  // Self-closed <Sentence/> as in PETR2_GSR_validation.xml.
  EXPECT_EQ(s.records[2].id, "GSR-01");
  EXPECT_EQ(s.records[2].events.size(), 1u);
  EXPECT_EQ(s.records[2].text, "Gondor asked Rohan to meet.");
  EXPECT_EQ(s.records[3].id, "SHIRE-03");

  ASSERT_EQ(s.errors.size(), 3u) << Lines(s.errors);
  EXPECT_EQ(s.errors[0].line, 35);  // bad date
  EXPECT_EQ(s.errors[1].line, 40);  // EventCoding without target/event
  EXPECT_EQ(s.errors[2].line, 43);  // no id
  EXPECT_EQ(s.num_expected_events(), 4u);
  EXPECT_EQ(s.num_enabled(), 3u);
  EXPECT_EQ(Describe(r), "SHIRE-01 [SHIRE] 30190325: HOB/ORC/190; \"BREE WATCH\"/HOB/042;");
}

constexpr char kTabari[] = R"(
# invented TABARI-style records
950101  SHIRE-01
Frodo left for Rivendell
on Monday.
/*\n------------------------------------------------------------------
\n[Paired events; the braces in this remark {} are prose]
\n{ HOB / ELF / 032 } 950102
\n-{ ELF / HOB / 033 }
*/

950101*INTRO
Not a coding test/*
\n{+++}*/

950103  SHIRE-02
Nothing.
/*\n{---} */

950104  OPT-01
Switch an option.
/*\n{ OPTION: SET: MINIMUM WORDS = 4  */

950105  BAD-01
Broken expectation.
/*\n{ HOB / ELF } */

951301  BAD-02
Bad date.
/*\n{---} */

950106 FINAL-01
The end.
\n-{---}
)";

TEST(TabariValidationTest, RecordsAndExpectations) {
  ValidationSuite s = ParseTabariValidation(kTabari, "v.text");
  ASSERT_EQ(s.records.size(), 5u) << Lines(s.errors);
  const ValidationRecord& r = s.records[0];
  EXPECT_EQ(r.id, "SHIRE-01");
  EXPECT_EQ(r.category, "SHIRE");
  EXPECT_EQ(r.date, 19950101);
  EXPECT_EQ(r.text, "Frodo left for Rivendell on Monday.");
  ASSERT_EQ(r.events.size(), 2u);
  EXPECT_EQ(r.events[0].date, 19950102);
  EXPECT_FALSE(r.events[0].disabled);
  EXPECT_TRUE(r.events[1].disabled);
  EXPECT_FALSE(r.disabled);

  EXPECT_EQ(s.records[1].id, "INTRO");
  EXPECT_EQ(s.records[1].tabari_marker, "+++");
  EXPECT_TRUE(s.records[1].disabled);
  EXPECT_TRUE(s.records[2].no_events);
  EXPECT_FALSE(s.records[2].disabled);
  EXPECT_EQ(s.records[3].options, std::vector<std::string>{"SET: MINIMUM WORDS = 4"});
  EXPECT_TRUE(s.records[3].disabled);
  EXPECT_EQ(s.records[4].id, "FINAL-01");
  EXPECT_EQ(s.records[4].text, "The end.");

  ASSERT_EQ(s.errors.size(), 2u) << Lines(s.errors);
  EXPECT_EQ(s.errors[0].line, 26);  // {HOB / ELF}
  EXPECT_EQ(s.errors[1].line, 28);  // bad date
}

// TABARI reads a record up to its first empty line: a comment written with
// "/*" for its closing "*/" ends there, and its expectations count.
TEST(TabariValidationTest, OpenCommentEndsWithTheRecord) {
  constexpr char kOpen[] =
      "950101  SHIRE-02\n"
      "Frodo met Bilbo.\n"
      "/*\\n------\n"
      "\\n{ HOB / HOB / 040 }   /*\n"
      "\n"
      "950101  SHIRE-03\n"
      "Sam met Rosie.\n"
      "/*\\n{ HOB / HOB / 041 } */\n";
  ValidationSuite s = ParseTabariValidation(kOpen, "v.text");
  EXPECT_TRUE(s.errors.empty()) << Lines(s.errors);
  ASSERT_EQ(s.records.size(), 2u);
  ASSERT_EQ(s.records[0].events.size(), 1u);
  EXPECT_EQ(s.records[0].events[0].code, "040");
  EXPECT_EQ(s.records[0].text, "Frodo met Bilbo.");
  ASSERT_EQ(s.records[1].events.size(), 1u);
}

// Lines after a comment's "*/" are the record's up to its first empty line:
// their {...} groups count (PATTERN-26 lists two events after a first "*/").
TEST(TabariValidationTest, EventsAfterTheClosedCommentCountUpToTheEmptyLine) {
  constexpr char kAfter[] =
      "950101  SHIRE-04\n"
      "Frodo met Bilbo.\n"
      "/*\\n------\n"
      "\\n{ HOB / HOB / 040 } */\n"
      "\\n{ HOB / ELF / 041 } */\n"
      "\n"
      "\\n{ HOB / ENT / 042 }\n"
      "950101  SHIRE-05\n"
      "Sam met Rosie.\n"
      "/*\\n{ HOB / HOB / 043 } */\n";
  ValidationSuite s = ParseTabariValidation(kAfter, "v.text");
  EXPECT_TRUE(s.errors.empty()) << Lines(s.errors);
  ASSERT_EQ(s.records.size(), 2u);
  ASSERT_EQ(s.records[0].events.size(), 2u);
  EXPECT_EQ(s.records[0].events[0], (ExpectedEvent{"HOB", "HOB", "040"}));
  EXPECT_EQ(s.records[0].events[1], (ExpectedEvent{"HOB", "ELF", "041"}));
  EXPECT_EQ(s.records[0].text, "Frodo met Bilbo.");
  ASSERT_EQ(s.records[1].events.size(), 1u);
}

// PETRARCH applies a <Config> between records from there on: it is kept, in
// order, with the record after it.
TEST(PetrarchValidationTest, ConfigBetweenRecordsGoesToTheNextRecord) {
  constexpr char kConfigXml[] = R"(<Validation><Sentences>
<Config option="require_dyad" value="false"></Config>
<Config option="comma_emax" value="0"/>
<Sentence date="19950101" id="A-1" category="A">
<EventCoding sourcecode="X" targetcode="---" eventcode="023"></EventCoding>
<Text>X said.</Text>
</Sentence>
<Sentence date="19950101" id="A-2" category="A">
<EventCoding noevents="True"></EventCoding>
<Text>Nothing.</Text>
</Sentence>
</Sentences></Validation>)";
  ValidationSuite s = ParsePetrarchValidation(kConfigXml, "c.xml");
  ASSERT_EQ(s.records.size(), 2u);
  EXPECT_EQ(s.records[0].options, (std::vector<std::string>{"require_dyad=false", "comma_emax=0"}));
  EXPECT_TRUE(s.records[1].options.empty());
}

TEST(PetrarchValidationTest, TextEntitiesAreDecoded) {
  constexpr char kXml[] = R"(<Validation><Sentences>
<Sentence date="19950101" id="A-1" category="A">
<EventCoding noevents="True"></EventCoding>
<Text>Fish &amp;chips &lt;b&gt; &#65;&#x42; &bogus; &#zz;</Text>
</Sentence>
</Sentences></Validation>)";
  ValidationSuite s = ParsePetrarchValidation(kXml, "e.xml");
  ASSERT_EQ(s.records.size(), 1u);
  EXPECT_EQ(s.records[0].text, "Fish &chips <b> AB &bogus; &#zz;");
}

}  // namespace
}  // namespace storyline::coding
