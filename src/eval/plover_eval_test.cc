#include "eval/plover_eval.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "common/test_paths.h"

namespace storyline::eval {
namespace {

namespace fs = std::filesystem;

// ------------------------------------------------------------ reader

// Hand-written records in the gold file's shape (invented sentences).
constexpr const char* kGold = R"([
{"id": "X-DOCUMENT-0001", "event": "DOCUMENT", "comment": "header"},
{"id": "X-CONSULT-0001", "date": "2000-01-01", "event": "CONSULT",
 "source": [{"actorText": "Arnor", "code": "ARN"}], "target": [{"actorText": "Gondor", "code": "GON"}],
 "text": "Arnor met Gondor on Monday.", "mode": "visit"},
{"id": "X-DEMAND-0002", "date": "2000-01-01", "event": "DEMAND",
 "source": [{"actorText": "Arnor", "code": "ARN"}], "target": "",
 "text": "Arnor condemned Gondor."},
{"id": "X-AGREE-0003", "date": "2000-01-01", "event": "AGREE",
 "source": [{"actorText": "Arnor", "code": "ARN"}, {"actorText": "Rohan", "code": "ROH"}],
 "text": "Arnor will meet Gondor next week."},
{"id": "X-FIGHT-0004", "date": "2000-01-01", "event": "FIGHT",
 "source": [{"actorText": "Japan", "code": "JAP"}], "target": [{"actorText": "Gondor", "code": "GON"}],
 "text": "Arnor did not meet Gondor."},
{"id": "X-CONSULT-0001", "date": "2000-01-01", "event": "CONSULT",
 "source": [{"actorText": "Gondor", "code": "GON"}], "target": [{"actorText": "Arnor", "code": null}],
 "text": "Nothing happened here."}
])";

TEST(PloverGoldTest, ReadsRecordsByPosition) {
  Result<std::vector<PloverGoldRecord>> r = ParsePloverGold(kGold, "gold.json");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->size(), 5u);  // the DOCUMENT header is skipped
  const PloverGoldRecord& a = (*r)[0];
  EXPECT_EQ(a.position, 1u);
  EXPECT_EQ(a.id, "X-CONSULT-0001");
  EXPECT_EQ(a.date, 20000101);
  EXPECT_EQ(a.type, "CONSULT");
  EXPECT_EQ(a.sources, std::vector<std::string>{"ARN"});
  EXPECT_EQ(a.targets, std::vector<std::string>{"GON"});
  EXPECT_EQ((*r)[1].gold_event, "DEMAND");
  EXPECT_EQ((*r)[1].type, "REQUEST");
  EXPECT_TRUE((*r)[1].targets.empty());
  EXPECT_EQ((*r)[2].sources, (std::vector<std::string>{"ARN", "ROH"}));
  EXPECT_TRUE((*r)[2].targets.empty());  // absent
  EXPECT_EQ((*r)[3].type, "ASSAULT");
  EXPECT_EQ((*r)[3].sources, std::vector<std::string>{"JPN"});
  EXPECT_EQ((*r)[4].position, 5u);  // same id as record 1, other position
  EXPECT_EQ((*r)[4].id, (*r)[0].id);
  EXPECT_TRUE((*r)[4].targets.empty());  // an uncoded actor only
}

TEST(PloverGoldTest, NameMappings) {
  EXPECT_EQ(CurrentPloverType("DEMAND"), "REQUEST");
  EXPECT_EQ(CurrentPloverType("DISAPPROVE"), "ACCUSE");
  EXPECT_EQ(CurrentPloverType("INVESTIGATE"), "ACCUSE");
  EXPECT_EQ(CurrentPloverType("FIGHT"), "ASSAULT");
  EXPECT_EQ(CurrentPloverType("ASSAULT"), "ASSAULT");
  EXPECT_EQ(CurrentPloverType("AGREE"), "AGREE");
  EXPECT_EQ(GoldActorCode("JAP"), "JPN");
  EXPECT_EQ(GoldActorCode("IGO"), "IGO");
  EXPECT_EQ(ActorCountry("USAGOV"), "USA");
  EXPECT_EQ(ActorCountry("IGOUNO"), "IGO");
  EXPECT_EQ(ActorCountry("---GOV"), "");
  EXPECT_EQ(ActorCountry("~GOV"), "");
  EXPECT_EQ(ActorCountry(""), "");
}

TEST(PloverGoldTest, MalformedInputIsAClearError) {
  auto error = [](std::string_view text) {
    Result<std::vector<PloverGoldRecord>> r = ParsePloverGold(text, "bad.json");
    EXPECT_FALSE(r.ok()) << text;
    return r.ok() ? std::string() : r.status().message();
  };
  EXPECT_NE(error("[{\"event\": \"AGREE\", \"text\": \"x\"").find("not valid JSON (byte"),
            std::string::npos);
  EXPECT_NE(error("").find("not valid JSON"), std::string::npos);
  EXPECT_NE(error("\xff\xfe").find("not valid JSON"), std::string::npos);
  EXPECT_NE(error("{\"event\": \"AGREE\"}").find("expected a JSON array"), std::string::npos);
  EXPECT_NE(error("[1]").find("record 0: not a JSON object"), std::string::npos);
  EXPECT_NE(error("[{\"text\": \"x\"}]").find("'event'"), std::string::npos);
  EXPECT_NE(error("[{\"id\": \"A-1\", \"event\": \"AGREE\"}]")
                .find("record 0 (A-1): missing or non-string 'text'"),
            std::string::npos);
  EXPECT_NE(error("[{\"event\": \"AGREE\", \"text\": 7}]").find("'text'"), std::string::npos);
  EXPECT_NE(error("[{\"event\": \"AGREE\", \"text\": \"x\", \"date\": \"May 1\"}]").find("'date'"),
            std::string::npos);
  EXPECT_NE(
      error("[{\"event\": \"AGREE\", \"text\": \"x\", \"source\": \"ARN\"}]").find("'source'"),
      std::string::npos);
  EXPECT_NE(error("[{\"event\": \"AGREE\", \"text\": \"x\", \"target\": [3]}]").find("'target'"),
            std::string::npos);
  EXPECT_NE(
      error("[{\"event\": \"AGREE\", \"text\": \"x\", \"target\": [{\"code\": 3}]}]").find("code"),
      std::string::npos);
  EXPECT_NE(error("[{\"event\": \"AGREE\", \"text\": \"x\", \"source\": {}}]").find("not a list"),
            std::string::npos);
  EXPECT_NE(error(std::string(100000, '[')).find("not valid JSON"), std::string::npos);
  EXPECT_NE(error(std::string(100000, '[') + std::string(100000, ']'))
                .find("record 0: not a JSON object"),
            std::string::npos);
  // An empty array is a valid (empty) file.
  Result<std::vector<PloverGoldRecord>> empty = ParsePloverGold("[]", "empty.json");
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->empty());
}

// ------------------------------------------------------------ scoring

// Tiny invented PETRARCH dictionaries in a temporary folder.
class PloverEvalTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("storyline_plover_eval_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    Write("test.verbs.txt",
          "--- MEET [040] ---\n"
          "MEET\n"
          "MET\n"
          "- * + [040]\n"
          "--- CONDEMN [111] ---\n"
          "CONDEMN\n"
          "CONDEMNED\n"
          "- * + [111]\n");
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
  std::unique_ptr<coder::Coder> MakeCoder() {
    auto dict = coder::LoadDirectory(dir_.string());
    EXPECT_TRUE(dict.ok()) << dict.status().ToString();
    coder::CoderOptions options;
    options.require_dyad = false;
    auto c = coder::Coder::Create(*dict, options);
    EXPECT_TRUE(c.ok());
    return std::move(c).value();
  }

  fs::path dir_;
};

TEST_F(PloverEvalTest, ScoresTypesActorsAndModality) {
  Result<std::vector<PloverGoldRecord>> gold = ParsePloverGold(kGold, "gold.json");
  ASSERT_TRUE(gold.ok());
  std::unique_ptr<coder::Coder> c = MakeCoder();
  PloverEvalReport r = EvaluatePlover(*gold, *c);
  for (const PloverRecordResult& f : r.failures) {
    std::printf("failure #%zu gold %s:", f.position, f.gold_type.c_str());
    for (const auto& e : f.events) {
      std::printf(" [%s %s %s %s %s%s]", e.source.c_str(), e.target.c_str(), e.cameo.c_str(),
                  std::string(plover::ModalityName(e.modality)).c_str(), e.plover.type.c_str(),
                  e.plover.dropped ? " dropped" : "");
    }
    std::printf("\n");
  }
  // #1 "met" 040 CONSULT: right, ARN -> GON as in the gold.
  // #2 "condemned" 111 ACCUSE, gold REQUEST (DEMAND): wrong type; source
  //    right; no gold target and the event has one.
  // #3 "will meet" 040 planned -> AGREE: right; source ARN among ARN, ROH.
  // #4 "did not meet": negated, dropped: no prediction.
  // #5 no event.
  EXPECT_EQ(r.records, 5u);
  EXPECT_EQ(r.correct, 2u);
  EXPECT_EQ(r.any_correct, 2u);
  EXPECT_EQ(r.predicted, 3u);
  EXPECT_EQ(r.no_event, 2u);
  EXPECT_EQ(r.no_coded, 1u);
  EXPECT_DOUBLE_EQ(r.accuracy(), 0.4);
  EXPECT_DOUBLE_EQ(r.precision(), 2.0 / 3);
  EXPECT_DOUBLE_EQ(r.recall(), 0.4);
  EXPECT_NEAR(r.f1(), 2 * (2.0 / 3) * 0.4 / (2.0 / 3 + 0.4), 1e-12);
  EXPECT_EQ(r.with_source, 5u);
  EXPECT_EQ(r.source_agree, 3u);
  EXPECT_EQ(r.with_target, 2u);
  EXPECT_EQ(r.target_agree, 1u);
  EXPECT_EQ(r.without_target, 3u);
  EXPECT_EQ(r.no_target_agree, 0u);  // #2 and #3 name a target, #5 has no prediction
  EXPECT_EQ(r.dropped.at("negated"), 1u);
  EXPECT_EQ(r.modalities.at("planned"), 1u);
  EXPECT_EQ(r.rules.at("planned-cooperation-is-agree"), 1u);
  ASSERT_EQ(r.per_type.count("CONSULT"), 1u);
  EXPECT_EQ(r.per_type.at("CONSULT").gold, 2u);
  EXPECT_EQ(r.per_type.at("CONSULT").correct, 1u);
  EXPECT_EQ(r.per_type.at("ACCUSE").predicted, 1u);
  EXPECT_EQ(r.per_type.at("ACCUSE").gold, 0u);
  EXPECT_EQ(r.per_type.at("REQUEST").gold, 1u);
  // Types: AGREE (1/1), CONSULT (P 1, R .5), ACCUSE (0), REQUEST (0), ASSAULT (0).
  EXPECT_NEAR(r.macro_f1(), (1.0 + 2 * 0.5 / 1.5) / 5, 1e-12);
  EXPECT_EQ(r.failures.size(), 3u);
  EXPECT_EQ(r.failures[0].position, 2u);
}

TEST_F(PloverEvalTest, FirstNonDroppedEventInSentenceOrder) {
  std::unique_ptr<coder::Coder> c = MakeCoder();
  PloverGoldRecord rec;
  rec.type = "ACCUSE";
  rec.text = "Arnor did not meet Gondor and Arnor condemned Gondor.";
  PloverRecordResult r = ScorePloverRecord(rec, *c);
  ASSERT_GE(r.events.size(), 2u);
  EXPECT_TRUE(r.events[0].plover.dropped);
  ASSERT_NE(r.prediction(), nullptr);
  EXPECT_EQ(r.prediction()->cameo, "111");
  EXPECT_TRUE(r.correct);
  EXPECT_TRUE(r.any_correct);
}

TEST_F(PloverEvalTest, OptionsLimitFailures) {
  Result<std::vector<PloverGoldRecord>> gold = ParsePloverGold(kGold, "gold.json");
  ASSERT_TRUE(gold.ok());
  std::unique_ptr<coder::Coder> c = MakeCoder();
  PloverEvalOptions options;
  options.max_failures = 1;
  EXPECT_EQ(EvaluatePlover(*gold, *c, options).failures.size(), 1u);
}

// The real dev half of the gold records (read in place from ../shared):
// the file reads, and the figures stay above floors a little under the
// measured values (doc/formats/plover.md gives them).
class PloverEvalSharedTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string shared = ::storyline::testing::SharedDir();
    if (shared.empty()) GTEST_SKIP() << "shared evaluation data not found; skipping";
    shared_ = shared;
    std::string file = shared + "/data/eventcoding/plover/PLOVER_GSR_CAMEO.dev.txt";
    std::ifstream in(file, std::ios::binary);
    if (!in) GTEST_SKIP() << file << " not found";
    std::stringstream ss;
    ss << in.rdbuf();
    Result<std::vector<PloverGoldRecord>> gold = ParsePloverGold(ss.str(), file);
    ASSERT_TRUE(gold.ok()) << gold.status().ToString();
    gold_ = std::move(gold).value();
  }
  PloverEvalReport Run(std::shared_ptr<const coder::DictionarySet> dict, const char* label) {
    coder::CoderOptions options;
    options.require_dyad = false;
    auto c = coder::Coder::Create(std::move(dict), options);
    EXPECT_TRUE(c.ok());
    PloverEvalReport r = EvaluatePlover(gold_, **c);
    std::printf(
        "PLOVER dev, %s: accuracy %.4f, any %.4f, F1 %.4f, macro-F1 %.4f, source %.4f, target "
        "%.4f\n",
        label, r.accuracy(), r.any_accuracy(), r.f1(), r.macro_f1(), r.source_agreement(),
        r.target_agreement());
    return r;
  }

  std::string shared_;
  std::vector<PloverGoldRecord> gold_;
};

TEST_F(PloverEvalSharedTest, ReadsTheDevHalf) {
  ASSERT_EQ(gold_.size(), 161u);  // 162 objects minus the DOCUMENT header
  EXPECT_EQ(gold_.front().position, 1u);
  EXPECT_EQ(gold_.back().position, 161u);
  std::map<std::string, size_t> types;
  for (const PloverGoldRecord& r : gold_) {
    ++types[r.type];
    EXPECT_FALSE(r.text.empty());
    EXPECT_EQ(r.date, 20000101);
    EXPECT_NE(plover::Ontology::Default().FindType(r.type), nullptr) << r.type;
  }
  // PROVENANCE.md's counts, with the 0.5 names merged.
  EXPECT_EQ(types["ACCUSE"], 13u);   // DISAPPROVE 8 + INVESTIGATE 5
  EXPECT_EQ(types["ASSAULT"], 16u);  // ASSAULT 7 + FIGHT 9
  EXPECT_EQ(types["REQUEST"], 17u);  // DEMAND
  EXPECT_EQ(types["AGREE"], 20u);
}

TEST_F(PloverEvalSharedTest, PhoenixDictionaries) {
  auto dict = coder::LoadDirectory(shared_ + "/data/eventcoding/petrarch");
  ASSERT_TRUE(dict.ok()) << dict.status().ToString();
  PloverEvalReport r = Run(*dict, "Phoenix");
  EXPECT_EQ(r.records, 161u);
  EXPECT_GE(r.accuracy(), 0.45);  // measured 0.4907
  EXPECT_GE(r.source_agreement(), 0.45);
}

TEST_F(PloverEvalSharedTest, DefaultDictionaries) {
  auto dict = coder::LoadDefault();
  if (!dict.ok()) GTEST_SKIP() << "built-in dictionaries unavailable: " << dict.status().ToString();
  PloverEvalReport r = Run(*dict, "default");
  EXPECT_GE(r.accuracy(), 0.75);  // measured 0.8323 (the dictionaries are still growing)
}

}  // namespace
}  // namespace storyline::eval
