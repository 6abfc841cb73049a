#include "eval/rouge.h"

#include <gtest/gtest.h>

namespace storyline::eval {
namespace {

TEST(RougeTokens, LowercasesSplitsAndStems) {
  EXPECT_EQ(RougeTokens("The Cats, running!"), (std::vector<std::string>{"the", "cat", "run"}));
  EXPECT_EQ(RougeTokens("U.S.-led 3.5%"), (std::vector<std::string>{"u", "s", "led", "3", "5"}));
  EXPECT_EQ(RougeTokens("Connections connected", {.stem = false}),
            (std::vector<std::string>{"connections", "connected"}));
  EXPECT_EQ(RougeTokens("Connections connected"), (std::vector<std::string>{"connect", "connect"}));
  EXPECT_TRUE(RougeTokens(" -- , ").empty());
  EXPECT_EQ(RougeTokens("The cats and THE dogs", {.remove_stopwords = true}),
            (std::vector<std::string>{"cat", "dog"}));
}

TEST(PorterStem, KnownStems) {
  EXPECT_EQ(PorterStem("caresses"), "caress");
  EXPECT_EQ(PorterStem("ponies"), "poni");
  EXPECT_EQ(PorterStem("relational"), "relat");
  EXPECT_EQ(PorterStem("protests"), "protest");
  EXPECT_EQ(PorterStem("s"), "s");
}

TEST(RougeN, UnigramsAndBigrams) {
  std::vector<std::string> sys = {"The cat sat on the mat."};
  std::vector<std::string> ref = {"the cat was on the mat"};
  RougeCounts r1 = RougeN(sys, ref, 1);
  EXPECT_DOUBLE_EQ(r1.hits, 5);
  EXPECT_EQ(r1.system, 6);
  EXPECT_EQ(r1.reference, 6);
  EXPECT_DOUBLE_EQ(r1.f1(), 5.0 / 6);
  RougeCounts r2 = RougeN(sys, ref, 2);
  EXPECT_DOUBLE_EQ(r2.hits, 3);
  EXPECT_EQ(r2.system, 5);
  EXPECT_DOUBLE_EQ(r2.precision(), 0.6);
  EXPECT_DOUBLE_EQ(r2.recall(), 0.6);
}

TEST(RougeN, ClipsRepeatedNgrams) {
  RougeCounts r = RougeN({"the the the"}, {"the"}, 1);
  EXPECT_DOUBLE_EQ(r.precision(), 1.0 / 3);
  EXPECT_DOUBLE_EQ(r.recall(), 1.0);
  EXPECT_DOUBLE_EQ(r.f1(), 0.5);
}

TEST(RougeN, BigramsStayInsideSentences) {
  EXPECT_DOUBLE_EQ(RougeN({"a b", "c d"}, {"b c"}, 2).hits, 0);
  EXPECT_DOUBLE_EQ(RougeN({"a b c d"}, {"b c"}, 2).hits, 1);
}

TEST(RougeN, EmptySummariesScoreZero) {
  RougeCounts r = RougeN({}, {"a b"}, 1);
  EXPECT_EQ(r.system, 0);
  EXPECT_EQ(r.reference, 2);
  EXPECT_DOUBLE_EQ(r.f1(), 0);
  EXPECT_DOUBLE_EQ(RougeN({"a"}, {"b"}, 2).f1(), 0);
}

}  // namespace
}  // namespace storyline::eval
