#include "eval/coder_eval.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "common/test_paths.h"

namespace storyline::eval {
namespace {

namespace fs = std::filesystem;

// ------------------------------------------------------------ helpers

TEST(CoderEvalTest, CanonicalActorCodes) {
  EXPECT_EQ(CanonicalActorCode(""), "---");
  EXPECT_EQ(CanonicalActorCode("~GOV"), "---GOV");
  EXPECT_EQ(CanonicalActorCode(" ARNGOV "), "ARNGOV");
  EXPECT_EQ(CanonicalActorCode("---"), "---");
}

TEST(CoderEvalTest, ActorTextAsPetrarchWritesIt) {
  EXPECT_EQ(NormalizeActorText("Gryffindor's head Minerva McGonagall"),
            "GRYFFINDOR HEAD MINERVA MCGONAGALL");
  EXPECT_EQ(NormalizeActorText("the Ministry of  Magic,"), "THE MINISTRY OF MAGIC");
  EXPECT_EQ(NormalizeActorText("Eriador\xE2\x80\x99s injury toll"), "ERIADOR INJURY TOLL");
  EXPECT_EQ(NormalizeActorText("rebels' camp"), "REBELS CAMP");
}

TEST(CoderEvalTest, MetricsFromCounts) {
  CoderEvalCounts c;
  c.records = 4;
  c.passed = 2;
  c.expected_items = 5;
  c.found_items = 3;
  c.expected_triples = 4;
  c.produced = 3;
  c.matched = 2;
  c.extra = 1;
  EXPECT_DOUBLE_EQ(c.record_accuracy(), 0.5);
  EXPECT_DOUBLE_EQ(c.correct(), 0.6);
  EXPECT_DOUBLE_EQ(c.uncoded(), 0.4);
  EXPECT_DOUBLE_EQ(c.extra_per_record(), 0.25);
  EXPECT_DOUBLE_EQ(c.precision(), 2.0 / 3);
  EXPECT_DOUBLE_EQ(c.recall(), 0.5);
  EXPECT_NEAR(c.f1(), 2 * (2.0 / 3) * 0.5 / (2.0 / 3 + 0.5), 1e-12);
  CoderEvalCounts empty;
  EXPECT_EQ(empty.correct(), 0.0);
  EXPECT_EQ(empty.uncoded(), 0.0);
  EXPECT_EQ(empty.f1(), 0.0);
}

// ------------------------------------------- small invented suites

// Tiny invented PETRARCH dictionaries and suites in a temporary folder.
class CoderSuiteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("storyline_coder_eval_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    Write("test.verbs.txt",
          "--- CONDEMN [122] ---\n"
          "CONDEMN\n"
          "- * + [122]\n");
    Write("test.actors.txt",
          "ARNOR [ARN]\n"
          "GONDOR [GON]\n");
    Write("test.agents.txt", "MINISTER [~GOV]\n");
    Write("test.discards.txt", "BASEBALL\n");
  }
  void TearDown() override { fs::remove_all(dir_); }

  void Write(const std::string& name, std::string_view text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
  }

  std::unique_ptr<coder::Coder> CoderFor(const coding::ValidationSuite& suite) {
    auto dict = coder::LoadForSuite(suite, dir_.string());
    EXPECT_TRUE(dict.ok()) << dict.status().message();
    if (!dict.ok()) return nullptr;
    auto c = coder::Coder::Create(*dict);
    EXPECT_TRUE(c.ok()) << c.status().message();
    return c.ok() ? std::move(*c) : nullptr;
  }

  fs::path dir_;
};

constexpr char kPetrarchSuite[] = R"(<Validation>
<Environment>
    <Verbfile>test.verbs.txt</Verbfile>
    <Actorfile>test.actors.txt</Actorfile>
    <Agentfile>test.agents.txt</Agentfile>
    <Discardfile>test.discards.txt</Discardfile>
    <Include>valid DEMO ERROR</Include>
</Environment>
<Sentences>
<Sentence date="19950101" id="DEMO-01" category="DEMO" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="122"></EventCoding>
<Text>
Arnor condemned Gondor.
</Text>
</Sentence>
<Sentence date="19950101" id="DEMO-02" category="DEMO" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="111"></EventCoding>
<Text>
Arnor condemned Gondor.
</Text>
</Sentence>
<Sentence date="19950101" id="DEMO-03" category="DEMO" sentence="true">
<EventCoding noevents = "True"></EventCoding>
<Text>
The weather was fine on Tuesday.
</Text>
</Sentence>
<Sentence date="19950101" id="DEMO-04" category="DEMO" evaluate="false">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="999"></EventCoding>
<Text>
Arnor condemned Gondor.
</Text>
</Sentence>
<Sentence date="19950101" id="OTHER-01" category="OTHER" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="999"></EventCoding>
<Text>
Arnor condemned Gondor.
</Text>
</Sentence>
<Sentence date="19950101" id="ERROR-01" category="ERROR" sentence="true">
<EventCoding error="bad_input_parse"></EventCoding>
<Text>
Arnor condemned Gondor.
</Text>
</Sentence>
<Sentence date="19950101" id="DEMO-05" category="DEMO" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="122"></EventCoding>
<EventCoding sourcecode="GON" targetcode="ARN" eventcode="122"></EventCoding>
<Text>
Arnor condemned Gondor.
</Text>
</Sentence>
</Sentences>
</Validation>
)";

TEST_F(CoderSuiteTest, PetrarchSuiteScoredRecordByRecord) {
  coding::ValidationSuite suite = coding::ParsePetrarchValidation(kPetrarchSuite, "test.xml");
  ASSERT_TRUE(suite.errors.empty());
  auto coder = CoderFor(suite);
  ASSERT_NE(coder, nullptr);
  CoderEvalReport r = EvaluateCoderSuite(suite, *coder);
  EXPECT_EQ(r.skipped_disabled, 1u);
  EXPECT_EQ(r.skipped_excluded, 1u);     // OTHER is not in <Include>
  EXPECT_EQ(r.skipped_parse_error, 1u);  // parse-tree tests do not apply
  const CoderEvalCounts& t = r.total;
  EXPECT_EQ(t.records, 4u);
  EXPECT_EQ(t.passed, 2u);          // DEMO-01, DEMO-03
  EXPECT_EQ(t.expected_items, 5u);  // 1 + 1 + 1 (no events) + 2
  EXPECT_EQ(t.found_items, 3u);
  EXPECT_EQ(t.expected_triples, 4u);
  EXPECT_EQ(t.produced, 3u);
  EXPECT_EQ(t.matched, 2u);
  EXPECT_EQ(t.extra, 1u);
  EXPECT_DOUBLE_EQ(t.correct(), 0.6);
  EXPECT_DOUBLE_EQ(t.extra_per_record(), 0.25);
  ASSERT_EQ(r.categories.size(), 1u);
  EXPECT_EQ(r.categories[0].first, "DEMO");

  ASSERT_EQ(r.failures.size(), 2u);
  const CoderRecordResult& f = r.failures[0];
  EXPECT_EQ(f.id, "DEMO-02");
  EXPECT_EQ(f.text, "Arnor condemned Gondor.");
  ASSERT_EQ(f.expected.size(), 1u);
  EXPECT_EQ(ToString(f.expected[0]), "ARN GON 111");
  ASSERT_EQ(f.produced.size(), 1u);
  EXPECT_EQ(ToString(f.produced[0]), "ARN GON 122");
  EXPECT_FALSE(f.produced_matched[0]);
  ASSERT_FALSE(f.explanation.empty());
  EXPECT_EQ(f.explanation[0], "ARN GON 122");
  std::string all;
  for (const std::string& line : f.explanation) all += line + "\n";
  EXPECT_NE(all.find("\"condemned\""), std::string::npos) << all;
  EXPECT_NE(all.find("block CONDEMN"), std::string::npos) << all;
  EXPECT_EQ(r.failures[1].id, "DEMO-05");
  EXPECT_EQ(r.failures[1].expected_found, (std::vector<bool>{true, false}));

  // The category filter and the failure cap.
  CoderEvalOptions only;
  only.category = "DEMO";
  only.max_failures = 1;
  only.honour_include = false;
  CoderEvalReport r2 = EvaluateCoderSuite(suite, *coder, only);
  EXPECT_EQ(r2.total.records, 4u);
  EXPECT_EQ(r2.skipped_excluded, 2u);  // OTHER-01 and ERROR-01 are not DEMO
  EXPECT_EQ(r2.failures.size(), 1u);
  EXPECT_EQ(r2.failing_records, 2u);
}

constexpr char kTabariSuite[] = R"(
950101  T-01
Arnor condemned Gondor.
/*\n------------------------------------------------------------------
\n{ ARN / GON / 122 } */

950101  T-02
Arnor condemned Gondor.
/*\n------------------------------------------------------------------
\n[listed but not required: neither missing nor extra]
\n-{ ARN / GON / 122 }
\n{---} */

950101  T-03
Arnor condemned Gondor.
/*\n------------------------------------------------------------------
\n{ ARN / GON / 122 }
\n-{ GON / ARN / 122 } */

990101  FINAL-01
This is the end of the standard validation records.

950101  T-04
Arnor condemned Gondor.
/*\n------------------------------------------------------------------
\n{ ARN / GON / 999 } */
)";

TEST_F(CoderSuiteTest, TabariDisabledEventsAndFinalRecord) {
  coding::ValidationSuite suite = coding::ParseTabariValidation(kTabariSuite, "test.text");
  ASSERT_TRUE(suite.errors.empty()) << coding::ToString(suite.errors[0]);
  coding::ValidationSuite env;  // dictionaries named as a PETRARCH suite would
  env.environment = {{"Verbfile", "test.verbs.txt"},
                     {"Actorfile", "test.actors.txt"},
                     {"Agentfile", "test.agents.txt"}};
  auto coder = CoderFor(env);
  ASSERT_NE(coder, nullptr);
  CoderEvalReport r = EvaluateCoderSuite(suite, *coder);
  EXPECT_EQ(r.total.records, 3u);
  EXPECT_EQ(r.total.passed, 3u) << (r.failures.empty() ? "" : r.failures[0].id);
  EXPECT_EQ(r.total.produced, 2u);  // T-02's event is listed as optional
  EXPECT_EQ(r.total.extra, 0u);
  EXPECT_GE(r.skipped_after_final, 2u);  // FINAL-01 and T-04
  EXPECT_EQ(r.categories[0].first, "T");

  CoderEvalOptions all;
  all.stop_at_final = false;
  CoderEvalReport r2 = EvaluateCoderSuite(suite, *coder, all);
  EXPECT_EQ(r2.total.records, 4u);
  EXPECT_EQ(r2.total.passed, 3u);
}

// TABARI dates: under SET: TIME SHIFT an event happens on the day its time
// phrase names, and the suite's "{ ... } YYMMDD" dates are checked.
TEST_F(CoderSuiteTest, TabariEventDatesUnderTimeShift) {
  Write("w.verbs", "CONDEMN [122]\n<TIME>\nYESTERDAY [-1]\nTOMORROW [+1]\n</TIME>\n");
  Write("w.actors", "ARNOR [ARN]\nGONDOR [GON]\n");
  Write("w.project", "Test\n<actorsfile> w.actors\n<verbsfile> w.verbs\n<textfile> time.text\n");
  constexpr char kSuite[] = R"(
950101  T-00
Setting the option for the records after this one, with words enough.
/*\n{ OPTION: SET: TIME SHIFT = TRUE } */

950301  T-01
Yesterday Arnor sharply condemned Gondor for the raid on the border post.
/*\n{ ARN / GON / 122 } 950228 */

950301  T-02
Arnor sharply condemned Gondor for the raid on the border post tomorrow.
/*\n{ ARN / GON / 122 } 950228 */

950301  T-03
Arnor sharply condemned Gondor for the raid on the border post.
/*\n{ ARN / GON / 122 } 950301 */
)";
  coding::ValidationSuite suite =
      coding::ParseTabariValidation(kSuite, (dir_ / "time.text").string());
  ASSERT_TRUE(suite.errors.empty()) << coding::ToString(suite.errors[0]);
  auto coder = CoderFor(suite);
  ASSERT_NE(coder, nullptr);
  CoderEvalReport r = EvaluateCoderSuite(suite, *coder);
  EXPECT_EQ(r.total.records, 3u);
  EXPECT_EQ(r.total.passed, 2u);
  ASSERT_EQ(r.failures.size(), 1u);
  EXPECT_EQ(r.failures[0].id, "T-02");  // tomorrow is 1995-03-02
  ASSERT_EQ(r.failures[0].produced.size(), 1u);
  EXPECT_EQ(ToString(r.failures[0].produced[0]), "ARN GON 122 @19950302");
  EXPECT_EQ(ToString(r.failures[0].expected[0]), "ARN GON 122 @19950228");
}

// ------------------------------------------------ the shared suites

// Floors: the measured figures minus about 0.03. Raise them as the coder
// improves (measured with `storyline eval coder NAME`; see
// doc/formats/coder-eval.md). `records` pins the scoring rules (which
// records count), not the coder, and is exact.
struct SuiteFloor {
  const char* name;
  const char* file;      // under data/eventcoding/
  const char* dict_dir;  // searched after the suite's folder; "" = none
  bool xml;
  size_t records;
  double record_accuracy;
  double correct;
  double f1;
};
constexpr SuiteFloor kFloors[] = {
    // Measured 2026-11-23 (record accuracy / correct / F1), floors ~0.03
    // below. 0.932 / 0.939 / 0.949: PETRARCH-1's passive needs "by", its
    // spaced actor phrases, new_actor_length, longer synset members first.
    {"petrarch", "petrarch/PETR.UnitTest.records.xml", "", true, 279, 0.90, 0.91, 0.92},
    // 0.898 / 0.917 / 0.921 (extra 0.090 per record)
    {"ud-petrarch", "ud-petrarch/PETR_Validate_records_2_02.xml", "", true, 245, 0.87, 0.89, 0.89},
    // 0.520 / 0.626 / 0.595
    {"gsr", "ud-petrarch/PETR2_GSR_validation.xml", "petrarch", true, 77, 0.49, 0.59, 0.56},
    // 0.986 / 0.981 / 0.980: TABARI's options (FORWARD, TIME SHIFT too),
    // sentence structure, verb endings and pattern rules
    {"tabari", "tabari/Validate.text", "", false, 418, 0.95, 0.95, 0.95},
    // 0.949 / 0.967 / 0.973
    {"tabari-demo", "tabari/TABARI.Demo.text", "", false, 39, 0.92, 0.93, 0.94},
};

TEST(CoderEvalSharedTest, SuitesStayAboveFloors) {
  STORYLINE_REQUIRE_SHARED(shared);
  for (const SuiteFloor& s : kFloors) {
    SCOPED_TRACE(s.name);
    std::string root = shared + "/data/eventcoding/";
    auto suite = s.xml ? coding::LoadPetrarchValidation(root + s.file)
                       : coding::LoadTabariValidation(root + s.file);
    ASSERT_TRUE(suite.ok()) << suite.status().message();
    // As `eval coder`: the files beside the suite, then the other folder.
    std::vector<std::string> dirs{fs::path(root + s.file).parent_path().string()};
    if (*s.dict_dir) dirs.push_back(root + s.dict_dir);
    auto dict = coder::LoadForSuite(*suite, dirs);
    ASSERT_TRUE(dict.ok()) << dict.status().message();
    auto coder = coder::Coder::Create(*dict);
    ASSERT_TRUE(coder.ok()) << coder.status().message();
    CoderEvalReport r = EvaluateCoderSuite(*suite, **coder);
    EXPECT_EQ(r.total.records, s.records);
    EXPECT_GE(r.total.record_accuracy(), s.record_accuracy);
    EXPECT_GE(r.total.correct(), s.correct);
    EXPECT_GE(r.total.f1(), s.f1);
    std::printf(
        "%-12s records %zu  record_acc %.4f  correct %.4f  extra/rec %.4f  P %.4f  R %.4f  F1 "
        "%.4f\n",
        s.name, r.total.records, r.total.record_accuracy(), r.total.correct(),
        r.total.extra_per_record(), r.total.precision(), r.total.recall(), r.total.f1());
  }
}

}  // namespace
}  // namespace storyline::eval
