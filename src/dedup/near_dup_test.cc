#include "dedup/near_dup.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "common/test_paths.h"

namespace storyline::dedup {
namespace {

const char kText[] =
    "The council voted on Tuesday to close the old bridge over the river for repairs, "
    "a decision that will divert traffic through the town centre for at least six months. "
    "Engineers found cracks in two of the supporting piers during an inspection in March, "
    "and the mayor said the safety of residents came before the inconvenience of drivers.";

TEST(NearDupTest, ShinglesAndExactJaccard) {
  DedupOptions o;
  std::vector<uint32_t> s;
  Shingles("a b c d e f", o, &s);
  EXPECT_EQ(s.size(), 2u);  // two 5-word windows
  Shingles("A, B. c d E", o, &s);
  std::vector<uint32_t> t;
  Shingles("a b c d e", o, &t);
  EXPECT_EQ(s, t);  // case and punctuation do not matter
  EXPECT_DOUBLE_EQ(ExactJaccard(kText, kText), 1.0);
  // 1 shared window of 3 distinct: "a b c d e" vs "a b c d e f": 1 / 2.
  EXPECT_DOUBLE_EQ(ExactJaccard("a b c d e", "a b c d e f"), 0.5);
  EXPECT_DOUBLE_EQ(ExactJaccard("", ""), 1.0);
}

TEST(NearDupTest, ExactCopyAndNearCopyJoinGroup) {
  NearDupIndex index;
  auto a = index.Add(1, kText);
  ASSERT_TRUE(a.ok());
  EXPECT_TRUE(a->matches.empty());
  EXPECT_EQ(a->group, 1u);
  auto b = index.Add(2, std::string(kText));
  ASSERT_TRUE(b.ok());
  EXPECT_TRUE(b->exact_copy);
  EXPECT_EQ(b->group, 1u);
  std::string changed = std::string(kText) + " Updated at noon.";
  auto c = index.Add(3, changed);
  ASSERT_TRUE(c.ok());
  EXPECT_FALSE(c->exact_copy);
  ASSERT_FALSE(c->matches.empty());
  EXPECT_EQ(c->group, 1u);
  EXPECT_GE(c->matches[0].similarity, 0.8);
  auto other = index.Add(4, "An entirely different story about the price of wheat in the "
                            "northern provinces and the harvest that failed this year.");
  ASSERT_TRUE(other.ok());
  EXPECT_TRUE(other->matches.empty());
  EXPECT_EQ(index.GroupOf(3), 1u);
  EXPECT_EQ(index.GroupOf(4), 4u);

  auto ex = index.Explain(1, 3);
  ASSERT_TRUE(ex.ok());
  EXPECT_NEAR(ex->exact, ExactJaccard(kText, changed), 1e-12);
  EXPECT_NEAR(ex->estimated, ex->exact, 0.15);
  EXPECT_TRUE(ex->same_group);
  EXPECT_FALSE(index.Explain(1, 99).ok());
  EXPECT_FALSE(index.Add(1, "again").ok());  // duplicate id
}

TEST(NearDupTest, OptionsAreChecked) {
  DedupOptions o;
  o.bands = 7;
  EXPECT_FALSE(NearDupIndex::CheckOptions(o).ok());
  o = {};
  o.threshold = 0;
  EXPECT_FALSE(NearDupIndex::CheckOptions(o).ok());
  EXPECT_TRUE(NearDupIndex::CheckOptions({}).ok());
}

std::string Numbered(int i) {
  std::string s;
  for (int w = 0; w < 60; ++w) s += "w" + std::to_string(i * 1000 + w) + " ";
  return s;
}

TEST(NearDupTest, MemoryBudgetEvictsOldest) {
  DedupOptions o;
  o.memory_budget_bytes = 20000;
  NearDupIndex index(o);
  size_t evicted = 0;
  for (int i = 0; i < 100; ++i) {
    auto r = index.Add(static_cast<uint64_t>(i), Numbered(i));
    ASSERT_TRUE(r.ok());
    evicted += r->evicted;
    EXPECT_LE(index.memory_bytes(), o.memory_budget_bytes);
  }
  EXPECT_GT(evicted, 0u);
  EXPECT_EQ(index.size() + evicted, 100u);
  // The newest is still matched, the first is gone.
  EXPECT_FALSE(index.Lookup(Numbered(99)).empty());
  EXPECT_TRUE(index.Lookup(Numbered(0)).empty());
}

TEST(NearDupTest, MemoryBudgetCanRefuse) {
  DedupOptions o;
  o.memory_budget_bytes = 20000;
  o.evict_oldest = false;
  NearDupIndex index(o);
  Status last = Status::Ok();
  for (int i = 0; i < 100 && last.ok(); ++i) last = index.Add(i, Numbered(i)).status();
  EXPECT_EQ(last.code(), StatusCode::kResourceExhausted);
}

// --- Recall and precision of the fast path against the exact twin, on a
// stream generated from real article text (Timeline17, read in place).

std::vector<std::string> TimelineBodies(const std::string& shared, size_t max) {
  std::vector<std::string> out;
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::recursive_directory_iterator(
           shared + "/data/timelines/timeline17-dev")) {
    if (e.path().filename() == "articles.jsonl") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  for (const std::string& f : files) {
    std::ifstream in(f);
    std::string line;
    size_t per_file = 0;
    while (std::getline(in, line) && per_file < max / files.size() + 1) {
      auto j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_discarded() || !j.contains("text")) continue;
      std::string t = j["text"].get<std::string>();
      if (t.size() < 1500) continue;
      out.push_back(std::move(t));
      ++per_file;
    }
  }
  if (out.size() > max) out.resize(max);
  return out;
}

std::vector<std::string> Words(const std::string& s) {
  std::vector<std::string> w;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) w.push_back(s.substr(i, j - i));
    i = j;
  }
  return w;
}

std::string Join(const std::vector<std::string>& w) {
  std::string s;
  for (const auto& x : w) s += x + " ";
  return s;
}

// A variant of `base`: kind 0 insertions, 1 deletions, 2 truncation,
// 3 boilerplate change, 4 a mix; `strength` in (0, 1] scales the edit.
std::string Variant(const std::string& base, int kind, double strength, std::mt19937& rng) {
  std::vector<std::string> w = Words(base);
  auto rand_index = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng); };
  auto insert = [&](double frac) {
    size_t n = static_cast<size_t>(w.size() * frac);
    for (size_t i = 0; i < n; ++i) w.insert(w.begin() + rand_index(w.size()), "inserted");
  };
  auto erase = [&](double frac) {
    size_t n = static_cast<size_t>(w.size() * frac);
    for (size_t i = 0; i < n && w.size() > 1; ++i) w.erase(w.begin() + rand_index(w.size()));
  };
  switch (kind) {
    case 0: insert(0.06 * strength); break;
    case 1: erase(0.06 * strength); break;
    case 2: w.resize(std::max<size_t>(1, static_cast<size_t>(w.size() * (1 - 0.4 * strength)))); break;
    case 3: {
      std::string boiler =
          "Follow us on social media for the latest updates . Subscribe to our newsletter . "
          "Copyright all rights reserved . Share this article with your friends .";
      std::vector<std::string> b = Words(boiler);
      size_t keep = static_cast<size_t>(b.size() * strength);
      w.insert(w.end(), b.begin(), b.begin() + keep);
      w.insert(w.begin(), b.begin(), b.begin() + keep / 2);
      break;
    }
    default:
      insert(0.02 * strength);
      erase(0.02 * strength);
      w.resize(std::max<size_t>(1, static_cast<size_t>(w.size() * (1 - 0.15 * strength))));
      break;
  }
  return Join(w);
}

TEST(NearDupTest, RecallAndPrecisionAgainstExactTwin) {
  STORYLINE_REQUIRE_SHARED(shared);
  std::vector<std::string> bases = TimelineBodies(shared, 240);
  ASSERT_GE(bases.size(), 100u);
  std::mt19937 rng(20131030);
  std::vector<std::string> stream;
  for (const auto& b : bases) {
    stream.push_back(b);
    for (int v = 0; v < 4; ++v) {
      int kind = std::uniform_int_distribution<int>(0, 4)(rng);
      double strength = std::uniform_real_distribution<double>(0.05, 1.0)(rng);
      stream.push_back(Variant(b, kind, strength, rng));
    }
  }
  std::shuffle(stream.begin(), stream.end(), rng);
  std::vector<std::string_view> views(stream.begin(), stream.end());

  DedupOptions o;
  auto exact = ExactNearDuplicatePairs(views, o);
  std::set<std::pair<size_t, size_t>> truth(exact.begin(), exact.end());

  NearDupIndex index(o);
  std::set<std::pair<size_t, size_t>> found;
  for (size_t i = 0; i < views.size(); ++i) {
    auto r = index.Add(i, views[i]);
    ASSERT_TRUE(r.ok());
    for (const DupMatch& m : r->matches) found.emplace(static_cast<size_t>(m.id), i);
  }
  size_t tp = 0;
  for (const auto& p : found) tp += truth.count(p);
  double recall = truth.empty() ? 1 : static_cast<double>(tp) / truth.size();
  double precision = found.empty() ? 1 : static_cast<double>(tp) / found.size();
  std::printf("dedup stream: %zu texts, %zu exact pairs >= %.2f, %zu found; recall %.4f precision %.4f\n",
              views.size(), truth.size(), o.threshold, found.size(), recall, precision);
  EXPECT_GT(truth.size(), 200u);
  EXPECT_GE(recall, 0.95);
  EXPECT_GE(precision, 0.99);

  // Sketch-only mode (no exact verification) on the same stream, reported.
  DedupOptions est = o;
  est.verify_exact = false;
  NearDupIndex fast(est);
  std::set<std::pair<size_t, size_t>> found_est;
  for (size_t i = 0; i < views.size(); ++i) {
    auto r = fast.Add(i, views[i]);
    ASSERT_TRUE(r.ok());
    for (const DupMatch& m : r->matches) found_est.emplace(static_cast<size_t>(m.id), i);
  }
  size_t tp2 = 0;
  for (const auto& p : found_est) tp2 += truth.count(p);
  std::printf("sketch-only: recall %.4f precision %.4f\n",
              truth.empty() ? 1.0 : static_cast<double>(tp2) / truth.size(),
              found_est.empty() ? 1.0 : static_cast<double>(tp2) / found_est.size());
}

}  // namespace
}  // namespace storyline::dedup
