#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>

#include "store/schema.h"
#include "store/sqlite_util.h"
#include "storyline/store.h"

namespace storyline {
namespace {

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("storyline_store_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "t.db").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  static Article MakeArticle(std::string hash, std::string title, std::string body) {
    Article a;
    a.content_hash = std::move(hash);
    a.title = std::move(title);
    a.body = std::move(body);
    a.paragraphs = {Span{0, static_cast<uint32_t>(a.body.size())}};
    a.sentences = {Span{0, 5}, Span{6, static_cast<uint32_t>(a.body.size())}};
    a.external_id = "ext-" + a.content_hash.substr(0, 4);
    a.credits = {"Source: Agencies"};
    a.format = InputFormat::kJsonl;
    return a;
  }

  std::filesystem::path dir_;
  std::string path_;
};

TEST_F(StoreTest, OpenCreatesLatestSchema) {
  auto store = Store::Open(path_);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_EQ((*store)->schema_version(), static_cast<int>(store::Migrations().size()));
  EXPECT_EQ(*(*store)->CountArticles(), 0);
  EXPECT_TRUE((*store)->CheckIntegrity().ok());
}

TEST_F(StoreTest, PutIsIdempotentByContentHash) {
  auto store = *Store::Open(path_);
  Article a = MakeArticle("aaaaaaaaaaaaaaaa1111", "Talks resume", "First. Second sentence here.");
  auto r1 = store->Put(a);
  ASSERT_TRUE(r1.ok()) << r1.status().ToString();
  EXPECT_EQ(r1->outcome, PutOutcome::kStored);
  auto r2 = store->Put(a);
  ASSERT_TRUE(r2.ok());
  EXPECT_EQ(r2->outcome, PutOutcome::kIdentical);
  EXPECT_EQ(r2->id, r1->id);
  EXPECT_EQ(*store->CountArticles(), 1);
}

TEST_F(StoreTest, IdenticalArticleWithNewMetadataIsMerged) {
  auto store = *Store::Open(path_);
  Article a = MakeArticle("bbbbbbbbbbbbbbbb2222", "Envoy visits", "Envoy. Visits the capital.");
  ASSERT_TRUE(store->Put(a).ok());
  a.published = {"2013-05-28", "jsonl:date", 0.95f};
  a.outlet = "Example Wire";
  auto r = store->Put(a);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->outcome, PutOutcome::kMerged);
  auto got = *store->Get(a.content_hash.substr(0, 10));
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->article.published.value, "2013-05-28");
  EXPECT_EQ(got->article.outlet, "Example Wire");
  // A third time there is nothing left to add.
  EXPECT_EQ(store->Put(a)->outcome, PutOutcome::kIdentical);
}

TEST_F(StoreTest, GetByIdHashPrefixAndExternalIdRoundTrips) {
  auto store = *Store::Open(path_);
  Article a = MakeArticle("cccccccccccccccc3333", "Ministers meet", "Hello. Ministers met on Monday.");
  a.dateline_place = "PARIS";
  a.captions = {"A minister (left)"};
  int64_t id = store->Put(a)->id;
  for (std::string key : {std::to_string(id), std::string("cccccccccc"), a.external_id}) {
    auto got = store->Get(key);
    ASSERT_TRUE(got.ok()) << key;
    ASSERT_TRUE(got->has_value()) << key;
    const Article& b = (*got)->article;
    EXPECT_EQ(b.title, a.title);
    EXPECT_EQ(b.body, a.body);
    EXPECT_EQ(b.sentences, a.sentences);
    EXPECT_EQ(b.paragraphs, a.paragraphs);
    EXPECT_EQ(b.credits, a.credits);
    EXPECT_EQ(b.captions, a.captions);
    EXPECT_EQ(b.dateline_place, "PARIS");
    EXPECT_EQ(b.format, InputFormat::kJsonl);
  }
  EXPECT_FALSE(store->Get("999999")->has_value());
}

TEST_F(StoreTest, FullTextSearchAndFilters) {
  auto store = *Store::Open(path_);
  Article a = MakeArticle("dddddddddddddddd4444", "Harvest festival opens", "Farmers. Bring apples to the square.");
  a.published.value = "2020-09-01";
  Article b = MakeArticle("eeeeeeeeeeeeeeee5555", "Bridge closes", "Engineers. Found cracks in the old bridge.");
  b.published.value = "2021-02-03";
  ASSERT_TRUE(store->Put(a).ok());
  ASSERT_TRUE(store->Put(b).ok());
  std::vector<std::string> titles;
  ArticleQuery q;
  q.search = "apples";
  ASSERT_TRUE(store->List(q, [&](const StoredArticle& s) {
    titles.push_back(s.article.title);
    return true;
  }).ok());
  EXPECT_EQ(titles, std::vector<std::string>{"Harvest festival opens"});
  titles.clear();
  q = ArticleQuery{};
  q.since = "2021";
  ASSERT_TRUE(store->List(q, [&](const StoredArticle& s) {
    titles.push_back(s.article.title);
    return true;
  }).ok());
  EXPECT_EQ(titles, std::vector<std::string>{"Bridge closes"});
  q = ArticleQuery{};
  q.search = "\"unbalanced";
  EXPECT_EQ(store->List(q, [](const StoredArticle&) { return true; }).code(),
            StatusCode::kInvalidArgument);
}

TEST_F(StoreTest, RollbackLeavesNothing) {
  auto store = *Store::Open(path_);
  ASSERT_TRUE(store->Begin().ok());
  ASSERT_TRUE(store->Put(MakeArticle("ffffffffffffffff6666", "T", "Body. Text.")).ok());
  ASSERT_TRUE(store->Rollback().ok());
  EXPECT_EQ(*store->CountArticles(), 0);
  EXPECT_TRUE(store->CheckIntegrity().ok());
}

TEST_F(StoreTest, ReopenKeepsDataAndRunBookkeeping) {
  {
    auto store = *Store::Open(path_);
    int64_t run = *store->StartRun("ingest x");
    ASSERT_TRUE(store->LogReject(run, "x.jsonl", "line 3", "malformed JSON").ok());
    ASSERT_TRUE(store->Put(MakeArticle("0123456789abcdef7777", "T", "Body. Text."), run).ok());
    ASSERT_TRUE(store->FinishRun(run, IngestCounts{2, 1, 0, 0, 1}, true).ok());
  }
  StoreOptions ro;
  ro.read_only = true;
  auto store = Store::Open(path_, ro);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_EQ(*(*store)->CountArticles(), 1);
}

TEST_F(StoreTest, NotADatabaseIsAClearError) {
  { std::FILE* f = std::fopen(path_.c_str(), "wb"); std::fputs("this is not sqlite, just some text padding it out to a page.", f); std::fclose(f); }
  auto store = Store::Open(path_);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("not a storyline database"), std::string::npos)
      << store.status().ToString();
}

TEST_F(StoreTest, ReadOnlyOpenOfMissingFileIsNotFound) {
  StoreOptions ro;
  ro.read_only = true;
  auto store = Store::Open((dir_ / "missing.db").string(), ro);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace storyline

namespace storyline {
namespace {

TEST(StoreComponentTest, MigrationsApplyOnceAndInOrder) {
  std::string path = (std::filesystem::temp_directory_path() /
                      ("storyline_component_" + std::to_string(::getpid()) + ".db")).string();
  std::filesystem::remove(path);
  std::vector<std::string_view> v1 = {"CREATE TABLE widgets(id INTEGER PRIMARY KEY, name TEXT)"};
  std::vector<std::string_view> v2 = {v1[0], "ALTER TABLE widgets ADD COLUMN size INTEGER"};
  {
    auto store = *Store::Open(path);
    auto db = store->Component("widgets", v1);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    ASSERT_TRUE(store::Exec(*db, "INSERT INTO widgets(name) VALUES ('a')").ok());
    ASSERT_TRUE(store->Component("widgets", v1).ok());  // again: nothing to do
  }
  {
    auto store = *Store::Open(path);
    auto db = store->Component("widgets", v2);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    EXPECT_TRUE(store::Exec(*db, "UPDATE widgets SET size = 3").ok());
    // An older program meets newer tables: a clear error, nothing touched.
    auto old = store->Component("widgets", v1);
    EXPECT_FALSE(old.ok());
    // A failing migration leaves the version where it was.
    std::vector<std::string_view> bad = {v2[0], v2[1], "CREATE TABLE widgets(x)"};
    EXPECT_FALSE(store->Component("widgets", bad).ok());
    EXPECT_TRUE(store->Component("widgets", v2).ok());
  }
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace storyline

namespace storyline {
namespace {

// Bug: an article first stored from a bare page with a year-less dateline
// date kept "XXXX-05-28" when the same text came again from a feed that
// gave the full date.
TEST(StoreMergeTest, BetterEvidencedDateReplacesAWeakerOne) {
  std::string path = (std::filesystem::temp_directory_path() /
                      ("storyline_merge_" + std::to_string(::getpid()) + ".db")).string();
  std::filesystem::remove(path);
  auto store = *Store::Open(path);
  Article a;
  a.content_hash = "abcdefabcdefabcdef01";
  a.title = "T";
  a.body = "Body text. More body text.";
  a.paragraphs = {Span{0, static_cast<uint32_t>(a.body.size())}};
  a.published = {"XXXX-05-28", "text:dateline", 0.5f};
  ASSERT_EQ(store->Put(a)->outcome, PutOutcome::kStored);
  a.published = {"2013-05-28", "jsonl:date", 0.95f};
  ASSERT_EQ(store->Put(a)->outcome, PutOutcome::kMerged);
  a.published = {"2013-05-27", "text:stamp", 0.8f};  // weaker: ignored
  ASSERT_EQ(store->Put(a)->outcome, PutOutcome::kIdentical);
  auto got = *store->Get("abcdefabcdef");
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->article.published.value, "2013-05-28");
  EXPECT_EQ(got->article.published.source, "jsonl:date");
  EXPECT_FLOAT_EQ(got->article.published.confidence, 0.95f);
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace storyline
