// Golden test of ../shared/seeds/EXPECTED.md §4, end to end through the
// program a user runs: `storyline ingest seeds.jsonl` (which codes events with
// the built-in dictionaries), then `storyline events --format jsonl`. Every
// "required" event must come out once, with its sources (article, sentence,
// spans); nothing may be coded from boilerplate or photo captions.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "common/test_paths.h"
#include "run_cli.h"

namespace storyline {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

using testing::RunCli;

// "000" from "000_b7c1a6c6aece2793".
std::string Seed(const json& mention) {
  return mention.value("external_id", std::string()).substr(0, 3);
}

class SeedsEventsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string shared = testing::SharedDir();
    if (shared.empty()) return;
    dir_ = new fs::path(fs::temp_directory_path() /
                        ("storyline_seeds_events_" + std::to_string(::getpid())));
    fs::remove_all(*dir_);
    fs::create_directories(*dir_);
    std::string db = (*dir_ / "seeds.db").string();
    int code = -1;
    RunCli("ingest -q --db " + db + " " + shared + "/seeds/seeds.jsonl", &code);
    ingest_exit_ = code;
    std::string out = RunCli("events --db " + db + " --format jsonl --limit 100000", &code);
    events_exit_ = code;
    events_ = new std::vector<json>;
    size_t pos = 0;
    while (pos < out.size()) {
      size_t end = out.find('\n', pos);
      if (end == std::string::npos) end = out.size();
      if (end > pos) events_->push_back(json::parse(out.substr(pos, end - pos)));
      pos = end + 1;
    }
  }
  static void TearDownTestSuite() {
    if (dir_ != nullptr) fs::remove_all(*dir_);
    delete dir_;
    delete events_;
    dir_ = nullptr;
    events_ = nullptr;
  }
  void SetUp() override {
    if (events_ == nullptr)
      GTEST_SKIP() << "../shared not found: the seeds golden test needs ../shared/seeds";
    ASSERT_EQ(ingest_exit_, 0);
    ASSERT_EQ(events_exit_, 0);
  }

  // The events that satisfy `pred`, described for failure messages.
  std::vector<const json*> Find(const std::function<bool(const json&)>& pred) {
    std::vector<const json*> out;
    for (const json& e : *events_) {
      if (pred(e)) out.push_back(&e);
    }
    return out;
  }
  static std::string All() {
    std::string s;
    for (const json& e : *events_) {
      std::string seeds;
      for (const json& m : e["mentions"]) seeds += Seed(m) + " ";
      s += e["date"].is_string() ? e["date"].get<std::string>() : std::string("-");
      s += " " + e.value("source", std::string()) + " " + e.value("target", std::string()) + " " +
           e.value("cameo", std::string()) + " [" + seeds + "]\n";
    }
    return s;
  }

  static fs::path* dir_;
  static std::vector<json>* events_;
  static int ingest_exit_, events_exit_;
};
fs::path* SeedsEventsTest::dir_ = nullptr;
std::vector<json>* SeedsEventsTest::events_ = nullptr;
int SeedsEventsTest::ingest_exit_ = -1;
int SeedsEventsTest::events_exit_ = -1;

// One required event of EXPECTED.md §4. Actor codes match as prefixes
// ("IGO" matches IGOUNO; "LBN" any Lebanese actor); `symmetric` accepts the
// actors in either role (talks, calls); `date` "" = any; `root` is the CAMEO
// root ("04"), `code` an exact code when the table gives one.
struct Required {
  const char* what;
  const char* source;
  const char* target;
  bool symmetric;
  std::vector<std::string> roots;
  const char* code;
  const char* date;
  std::vector<std::string> seeds;  // articles that must be among its sources
};

bool Prefix(const json& e, const char* key, const char* want) {
  std::string v = e.value(key, std::string());
  return v.compare(0, std::string(want).size(), want) == 0 && (want[0] != '\0' || v.empty());
}

TEST_F(SeedsEventsTest, EveryRequiredEventOnceWithItsSources) {
  const std::vector<Required> required = {
      {"Moscow talks", "USAGOV", "RUSGOV", true, {"04"}, "", "2013-05-07", {"001"}},
      {"Paris meeting", "USAGOV", "RUSGOV", true, {"04"}, "", "2013-05-27", {"000", "001", "004"}},
      {"telephone call, October", "USAGOV", "RUSGOV", true, {"04"}, "041", "2013-10-29", {"003"}},
      {"Paris talks, January", "USAGOV", "RUSGOV", true, {"04"}, "", "2014-01-13", {"002"}},
      {"telephone call, January", "USAGOV", "RUSGOV", true, {"04"}, "041", "2014-01-15", {"002"}},
      {"Kerry will lead the U.S. delegation",
       "USAGOV",
       "",
       false,
       {"03"},
       "036",
       "2014-01-22",
       {"002"}},
      {"Damascus agrees in principle", "SYRGOV", nullptr, false, {"03"}, "036", "", {"004"}},
      {"Lavrov urges the opposition", "RUSGOV", "SYROPP", false, {"02"}, "", "", {"001"}},
      {"opposition rules out negotiating", "SYROPP", "SYRGOV", false, {"12"}, "", "", {"004"}},
      {"Iran rejects France's charges", "IRN", "FRA", false, {"11", "12"}, "", "", {"004"}},
      {"Ford meets the opposition", "USAGOV", "SYROPP", false, {"04"}, "", "", {"002"}},
      {"Brahimi meets Syrian officials", "IGO", "SYRGOV", false, {"04"}, "", "", {"003"}},
      {"government will not negotiate with rebels",
       "SYRGOV",
       "SYRREB",
       false,
       {"12"},
       "",
       "",
       {"003"}},
      {"Hizballah fights the rebels", "LBN", "SYRREB", false, {"18", "19"}, "", "", {"004"}},
  };
  for (const Required& r : required) {
    auto matches = [&](const json& e) {
      std::string root = e.value("root", std::string());
      if (std::find(r.roots.begin(), r.roots.end(), root) == r.roots.end()) return false;
      if (r.code[0] != '\0' && e.value("cameo", std::string()) != r.code) return false;
      if (r.date[0] != '\0' && e.value("date", std::string()) != r.date) return false;
      bool roles =
          Prefix(e, "source", r.source) && (r.target == nullptr || Prefix(e, "target", r.target));
      bool swapped = r.symmetric && Prefix(e, "source", r.target) && Prefix(e, "target", r.source);
      return roles || swapped;
    };
    std::vector<const json*> found = Find(matches);
    ASSERT_FALSE(found.empty()) << r.what << " not found; events:\n" << All();
    // Once: the merge leaves one record per actor pair and date (a meeting
    // is one record whichever way round its actors are named).
    std::set<std::string> keys;
    for (const json* e : found) {
      std::string a = e->value("source", std::string()), b = e->value("target", std::string());
      if (r.symmetric && b < a) std::swap(a, b);
      std::string key = a + "|" + b + "|" + e->value("date", std::string());
      EXPECT_TRUE(keys.insert(key).second)
          << r.what << " reported more than once (" << key << "):\n"
          << All();
    }
    std::set<std::string> seeds;
    for (const json* e : found) {
      for (const json& m : (*e)["mentions"]) {
        seeds.insert(Seed(m));
        // Provenance: the sentence and the spans it came from.
        EXPECT_FALSE(m.value("text", std::string()).empty()) << r.what;
        EXPECT_LT(m.value("verb_begin", 0), m.value("verb_end", 0)) << r.what;
      }
    }
    for (const std::string& s : r.seeds) {
      EXPECT_TRUE(seeds.count(s)) << r.what << ": no mention from article " << s << "; events:\n"
                                  << All();
    }
  }
}

TEST_F(SeedsEventsTest, NothingFromBoilerplateOrCaptions) {
  const std::vector<std::string> never = {"Comments 0",
                                          "Follow us on",
                                          "Leave a comment",
                                          "Accessibility links",
                                          "Breaking News",
                                          "(left) and his Russian counterpart",
                                          "With reporting by Reuters",
                                          "Source: Agencies"};
  for (const json& e : *events_) {
    for (const json& m : e["mentions"]) {
      std::string text = m.value("text", std::string());
      for (const std::string& n : never) {
        EXPECT_EQ(text.find(n), std::string::npos) << "coded from boilerplate: " << text;
      }
    }
  }
}

TEST_F(SeedsEventsTest, PlacesAreLocationsNotActors) {
  // Paris, Geneva, Montreux, Istanbul, Damascus, Qusair and Beirut are where
  // things happen: no event has a bare city as an actor text.
  const std::set<std::string> places = {"Paris",    "Geneva", "Montreux", "Istanbul",
                                        "Damascus", "Qusair", "Beirut"};
  for (const json& e : *events_) {
    for (const json& m : e["mentions"]) {
      std::string src = m.value("source_text", std::string());
      std::string text = m.value("text", std::string());
      // "accusing Paris of interfering" is France acting as an actor.
      if (places.count(src)) ADD_FAILURE() << src << " coded as a source in: " << text;
    }
  }
}

}  // namespace
}  // namespace storyline
