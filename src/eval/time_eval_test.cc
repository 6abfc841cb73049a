#include "eval/time_eval.h"

#include <gtest/gtest.h>

#include "common/test_paths.h"

namespace storyline::eval {
namespace {

const char kTml[] = R"(<?xml version="1.0" ?>
<TimeML>
<DOCID>demo</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2013-05-24" temporalFunction="false" functionInDocument="CREATION_TIME">May 24, 2013</TIMEX3></DCT>
<TEXT>
Envoys <EVENT eid="e1" class="OCCURRENCE">met</EVENT> on <TIMEX3 tid="t1" type="DATE" value="2013-05-20">Monday</TIMEX3> &amp; will meet <TIMEX3 tid="t2" type="DATE" value="2013-05-27">next Monday</TIMEX3>.
<TIMEX3 tid="t3" type="DURATION" value="P2Y" anchorTimeID="t0"/>The war lasted <TIMEX3 tid="t4" type="DURATION" value="P2Y">two years</TIMEX3>.
</TEXT>
</TimeML>
)";

TEST(ParseTimeMl, InlineTagsAndDct) {
  auto d = ParseTimeMl(kTml, "demo");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->dct, "2013-05-24");
  ASSERT_EQ(d->timexes.size(), 3u);  // the empty TIMEX3 is skipped
  EXPECT_EQ(d->timexes[0].span.In(d->text), "Monday");
  EXPECT_EQ(d->timexes[0].value, "2013-05-20");
  EXPECT_EQ(d->timexes[1].span.In(d->text), "next Monday");
  EXPECT_EQ(d->timexes[2].type, "DURATION");
  EXPECT_NE(d->text.find("& will"), std::string::npos);  // entities decoded
  EXPECT_EQ(d->text.find('<'), std::string::npos);
}

TEST(ParseTimeMl, Malformed) {
  EXPECT_FALSE(ParseTimeMl("<TimeML>no text</TimeML>", "x").ok());
  EXPECT_FALSE(ParseTimeMl("<TEXT><TIMEX3 tid=\"t1\">open</TEXT>", "x").ok());
}

const char kMeantime[] = R"(<?xml version="1.0" ?><Document doc_id="1" doc_name="demo" lang="en">
<token number="0" sentence="0" t_id="1">Talks</token>
<token number="1" sentence="0" t_id="2">end</token>
<token number="2" sentence="1" t_id="3">May</token>
<token number="3" sentence="1" t_id="4">24</token>
<token number="4" sentence="1" t_id="5">,</token>
<token number="5" sentence="1" t_id="6">2013</token>
<token number="6" sentence="2" t_id="7">They</token>
<token number="7" sentence="2" t_id="8">met</token>
<token number="8" sentence="2" t_id="9">last</token>
<token number="9" sentence="2" t_id="10">week</token>
<token number="10" sentence="2" t_id="11">.</token>
<token number="11" sentence="3" t_id="12">Not</token>
<token number="12" sentence="3" t_id="13">annotated</token>
<token number="13" sentence="3" t_id="14">today</token>
<Markables>
<TIMEX3 m_id="1" type="DATE" value="2013-05-24" functionInDocument="CREATION_TIME">
<token_anchor t_id="3"/><token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/>
</TIMEX3>
<TIMEX3 m_id="2" type="DATE" value="2013-W20" functionInDocument="NONE">
<token_anchor t_id="9"/><token_anchor t_id="10"/>
</TIMEX3>
<TIMEX3 m_id="3" type="DATE" value="2058" functionInDocument="NONE"/>
</Markables>
</Document>
)";

TEST(ParseMeantime, TokensBecomeText) {
  auto d = ParseMeantime(kMeantime, "demo");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->dct, "2013-05-24");
  // Sentences after the last annotated one are dropped; punctuation glued.
  EXPECT_EQ(d->text, "Talks end\nMay 24, 2013\nThey met last week.");
  ASSERT_EQ(d->timexes.size(), 1u);
  EXPECT_EQ(d->timexes[0].span.In(d->text), "last week");
  ASSERT_EQ(d->ignore.size(), 1u);
  EXPECT_EQ(d->ignore[0].In(d->text), "May 24, 2013");
}

TEST(Score, StrictRelaxedAndAttributes) {
  // gold: [0,6) "Monday" DATE v1 ; [10,20) DURATION P2Y ; [30,35) DATE v3
  std::vector<TimexAnnotation> gold = {
      {{0, 6}, "DATE", "v1"}, {{10, 20}, "DURATION", "P2Y"}, {{30, 35}, "DATE", "v3"}};
  // system: exact + right; overlap + wrong value; spurious
  std::vector<TimexAnnotation> sys = {
      {{0, 6}, "DATE", "v1"}, {{12, 20}, "DURATION", "P3Y"}, {{40, 45}, "DATE", "x"}};
  TimeScores s;
  Score(gold, sys, {}, &s);
  EXPECT_DOUBLE_EQ(s.strict_precision(), 1.0 / 3);
  EXPECT_DOUBLE_EQ(s.strict_recall(), 1.0 / 3);
  EXPECT_DOUBLE_EQ(s.relaxed_precision(), 2.0 / 3);
  EXPECT_DOUBLE_EQ(s.relaxed_recall(), 2.0 / 3);
  EXPECT_DOUBLE_EQ(s.type_accuracy(), 1.0);
  EXPECT_DOUBLE_EQ(s.value_accuracy(), 0.5);
  EXPECT_DOUBLE_EQ(s.value_f1(), 0.5 * (2.0 / 3));
  // An ignored region removes annotations on both sides.
  TimeScores t;
  Score(gold, sys, {{40, 50}}, &t);
  EXPECT_EQ(t.system, 2);
  EXPECT_DOUBLE_EQ(t.relaxed_precision(), 1.0);
}

TEST(Score, EmptyIsZeroNotNan) {
  TimeScores s;
  Score({}, {}, {}, &s);
  EXPECT_EQ(s.relaxed_f1(), 0.0);
  EXPECT_EQ(s.value_f1(), 0.0);
}

TEST(EvaluateTime, OnHandWrittenTimeMl) {
  auto d = ParseTimeMl(kTml, "demo");
  ASSERT_TRUE(d.ok());
  TimeEvalReport r = EvaluateTime({*d}, {});
  EXPECT_EQ(r.total.gold, 3);
  EXPECT_DOUBLE_EQ(r.total.relaxed_recall(), 1.0);
  EXPECT_GT(r.total.value_accuracy(), 0.6);
}

// Regression guards on the development sets (figures in src/time/RESULTS.md).
TEST(EvaluateTime, Meantime) {
  STORYLINE_REQUIRE_SHARED(shared);
  auto docs = LoadTimeCorpus(shared + "/data/time/meantime-en");
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  EXPECT_EQ(docs->size(), 120u);
  TimeEvalReport r = EvaluateTime(*docs, {});
  EXPECT_GT(r.total.gold, 350);
  EXPECT_GT(r.total.relaxed_f1(), 0.85);
  EXPECT_GT(r.total.value_f1(), 0.72);
}

TEST(EvaluateTime, WikiWars) {
  STORYLINE_REQUIRE_SHARED(shared);
  auto docs = LoadTimeCorpus(shared + "/data/time/wikiwars");
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  EXPECT_EQ(docs->size(), 22u);
  TimeEvalOptions o;
  o.narrative = true;
  o.ignore_type = true;
  TimeEvalReport r = EvaluateTime(*docs, o);
  EXPECT_GT(r.total.gold, 2600);
  EXPECT_GT(r.total.relaxed_f1(), 0.88);
  EXPECT_GT(r.total.value_f1(), 0.75);
}

}  // namespace
}  // namespace storyline::eval
