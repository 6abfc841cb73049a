#include "ingest/reader.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <random>
#include <string>
#include <thread>

#include "common/test_paths.h"
#include "ingest/reader_internal.h"
#include "ingest/sniff.h"
#include "ingest/test_util.h"

namespace storyline::ingest {
namespace {

using testing::Drain;
using testing::Drained;
using testing::Gzip;
using testing::TempDir;
using testing::Zstd;

Drained ReadFile(const std::string& path, ReadOptions options = {}) {
  Result<std::unique_ptr<RecordReader>> reader = OpenInput(path, options);
  EXPECT_TRUE(reader.ok()) << reader.status().ToString();
  if (!reader.ok()) return {};
  return Drain(**reader);
}

constexpr char kText[] =
    "Lavrov Urges Syrian Opposition to Support Geneva Talks\n\n"
    "PARIS, May 28 - A made-up test article written for this fixture.\n";
constexpr char kHtml[] =
    "<!DOCTYPE html>\n<html><head><title>Talks</title></head>\n"
    "<body><p>A made-up page for the reader tests.</p></body></html>\n";

TEST(DetectFormat, ContentThenName) {
  EXPECT_EQ(DetectFormat("WARC/1.0\r\n", "x.txt"), InputFormat::kWarc);
  EXPECT_EQ(DetectFormat("\n  WARC/1.1\r\n", "x"), InputFormat::kWarc);
  EXPECT_EQ(DetectFormat("  {\"id\": 1}", "x.txt"), InputFormat::kJsonl);
  EXPECT_EQ(DetectFormat("\xEF\xBB\xBF{\"id\": 1}", "x"), InputFormat::kJsonl);
  EXPECT_EQ(DetectFormat("plain words", "page.HTM"), InputFormat::kHtml);
  EXPECT_EQ(DetectFormat("plain words", "page.html.gz"), InputFormat::kHtml);
  EXPECT_EQ(DetectFormat("garbage", "crawl.warc.gz"), InputFormat::kWarc);
  EXPECT_EQ(DetectFormat("<!doctype html><p>x", "a.txt"), InputFormat::kHtml);
  EXPECT_EQ(DetectFormat("  <HTML><BODY>x", "a"), InputFormat::kHtml);
  EXPECT_EQ(DetectFormat("<div class=a>story</div>", "a"), InputFormat::kHtml);
  EXPECT_EQ(DetectFormat("1 < 2 and <b>", "a.txt"), InputFormat::kText);
  EXPECT_EQ(DetectFormat("just text", "a.txt"), InputFormat::kText);
}

TEST(FileStem, StripsFoldersAndExtensions) {
  EXPECT_EQ(FileStem("/work/seeds/000_b7c1a6c6aece2793.txt"), "000_b7c1a6c6aece2793");
  EXPECT_EQ(FileStem("a/b/page.html.gz"), "page");
  EXPECT_EQ(FileStem("crawl.warc.zst"), "crawl");
  EXPECT_EQ(FileStem("README"), "README");
  EXPECT_EQ(FileStem(".hidden"), ".hidden");
}

TEST(Reader, PlainTextFileIsOneRecord) {
  TempDir dir;
  std::string path = dir.Write("000_abc.txt", kText);
  Drained d = ReadFile(path);
  ASSERT_TRUE(d.errors.empty());
  ASSERT_EQ(d.records.size(), 1u);
  const RawRecord& r = d.records[0];
  EXPECT_EQ(r.input, path);
  EXPECT_EQ(r.locator, "");
  EXPECT_EQ(r.Name(), path);
  EXPECT_EQ(r.container, InputFormat::kText);
  EXPECT_FALSE(r.is_html);
  EXPECT_EQ(r.external_id, "000_abc");
  EXPECT_EQ(r.content, kText);
}

TEST(Reader, HtmlByExtensionAndByMarkup) {
  TempDir dir;
  Drained d = ReadFile(dir.Write("page.htm", "no markup at the top, but the name says HTML"));
  ASSERT_EQ(d.records.size(), 1u);
  EXPECT_TRUE(d.records[0].is_html);
  EXPECT_EQ(d.records[0].container, InputFormat::kHtml);
  d = ReadFile(dir.Write("saved_page", kHtml));
  ASSERT_EQ(d.records.size(), 1u);
  EXPECT_TRUE(d.records[0].is_html);
  EXPECT_EQ(d.records[0].external_id, "saved_page");
}

// Each format, plain and gzip/zstd compressed, read from disk.
TEST(Reader, EveryFormatCompressedOrNot) {
  std::string jsonl = R"({"id": "j1", "text": "one"})" "\n" R"({"id": "j2", "text": "two"})" "\n";
  std::string warc = "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Record-ID: w1\r\n"
                     "Content-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n";
  struct Case {
    std::string name;
    std::string content;
    std::vector<std::string> ids;
  };
  std::vector<Case> cases = {{"doc.txt", kText, {"doc"}},
                             {"doc.html", kHtml, {"doc"}},
                             {"feed.jsonl", jsonl, {"j1", "j2"}},
                             {"crawl.warc", warc, {"w1"}}};
  TempDir dir;
  for (const Case& c : cases) {
    for (int z = 0; z < 3; ++z) {
      std::string name = c.name + (z == 1 ? ".gz" : z == 2 ? ".zst" : "");
      std::string bytes = z == 1 ? Gzip(c.content) : z == 2 ? Zstd(c.content) : c.content;
      Drained d = ReadFile(dir.Write(name, bytes));
      ASSERT_TRUE(d.errors.empty()) << name << ": " << d.errors[0].ToString();
      ASSERT_EQ(d.records.size(), c.ids.size()) << name;
      for (size_t i = 0; i < c.ids.size(); ++i) EXPECT_EQ(d.records[i].external_id, c.ids[i]) << name;
      if (c.name == "doc.txt") {
        EXPECT_EQ(d.records[0].content, kText);
      }
    }
  }
}

TEST(Reader, CompressionDetectedByMagicNotExtension) {
  TempDir dir;
  Drained d = ReadFile(dir.Write("misnamed.txt", Gzip(kText)));
  ASSERT_EQ(d.records.size(), 1u);
  EXPECT_EQ(d.records[0].content, kText);
}

TEST(Reader, EmptyFileIsAClearError) {
  TempDir dir;
  for (const std::string& content : {std::string(), Gzip(""), Zstd("")}) {
    std::string path = dir.Write("empty.txt", content);
    Drained d = ReadFile(path);
    EXPECT_TRUE(d.records.empty());
    ASSERT_EQ(d.errors.size(), 1u);
    EXPECT_EQ(d.errors[0].code(), StatusCode::kInvalidData);
    EXPECT_EQ(d.errors[0].message(), path + ": empty file");
  }
  Drained d = ReadFile(dir.Write("blank.txt", "  \n\n \t\n"));
  ASSERT_EQ(d.errors.size(), 1u);
  EXPECT_NE(d.errors[0].message().find("empty file"), std::string::npos);
}

TEST(Reader, BinaryJunkIsAnErrorNotACrash) {
  TempDir dir;
  std::mt19937 rng(1234);
  for (int t = 0; t < 20; ++t) {
    std::string junk(1000 + rng() % 100000, '\0');
    for (char& c : junk) c = static_cast<char>(rng() & 0xFF);
    Drained d = ReadFile(dir.Write("junk" + std::to_string(t) + ".bin", junk));
    EXPECT_TRUE(d.records.empty());
    ASSERT_FALSE(d.errors.empty());
    EXPECT_EQ(d.errors[0].code(), StatusCode::kInvalidData);
    EXPECT_NE(d.errors[0].message().find("binary data, not text"), std::string::npos)
        << d.errors[0].message();
  }
}

TEST(Reader, OversizedTextFileIsResourceExhausted) {
  TempDir dir;
  ReadOptions options;
  options.max_record_bytes = 100;
  Drained d = ReadFile(dir.Write("big.txt", std::string(1000, 'a')), options);
  EXPECT_TRUE(d.records.empty());
  ASSERT_EQ(d.errors.size(), 1u);
  EXPECT_EQ(d.errors[0].code(), StatusCode::kResourceExhausted);
  EXPECT_NE(d.errors[0].message().find("max_record_bytes"), std::string::npos);
}

TEST(Reader, ForceFormat) {
  ReadOptions options;
  options.force_format = InputFormat::kText;
  std::string data = R"({"id": "x", "text": "y"})";
  Drained d = Drain(*OpenMemory(data, "mem", options));
  ASSERT_EQ(d.records.size(), 1u);
  EXPECT_EQ(d.records[0].container, InputFormat::kText);
  EXPECT_EQ(d.records[0].content, data);
}

TEST(Reader, MissingFileIsNotFound) {
  Result<std::unique_ptr<RecordReader>> r = OpenInput("/nonexistent/dir/file.txt", {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  EXPECT_NE(r.status().message().find("/nonexistent/dir/file.txt"), std::string::npos);
}

TEST(Reader, DirectoryIsInvalidArgument) {
  TempDir dir;
  Result<std::unique_ptr<RecordReader>> r = OpenInput(dir.path(), {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
}

// stdin is a file descriptor that cannot seek: feed a pipe.
TEST(Reader, ReadsFromAPipeLikeStdin) {
  std::string jsonl;
  for (int i = 0; i < 2000; ++i) jsonl += R"({"id": ")" + std::to_string(i) + R"(", "text": "t"})" "\n";
  std::string gz = Gzip(jsonl);
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  std::thread writer([&] {
    size_t off = 0;
    while (off < gz.size()) {
      ssize_t n = write(fds[1], gz.data() + off, std::min<size_t>(1000, gz.size() - off));
      if (n <= 0) break;
      off += static_cast<size_t>(n);
    }
    close(fds[1]);
  });
  auto reader = OpenFd(fds[0], "-", ReadOptions{});
  Drained d = Drain(*reader);
  writer.join();
  close(fds[0]);
  ASSERT_TRUE(d.errors.empty());
  ASSERT_EQ(d.records.size(), 2000u);
  EXPECT_EQ(d.records[0].input, "-");
  EXPECT_EQ(d.records[1999].external_id, "1999");
  EXPECT_EQ(d.records[1999].Name(), "-: line 2000");
}

TEST(ExpandInputs, DirectoriesRecursiveSortedHiddenSkipped) {
  TempDir dir;
  dir.Write("b.txt", "b");
  dir.Write("a.txt", "a");
  dir.Write("sub/c.jsonl", "{}");
  dir.Write("sub/.hidden.txt", "h");
  dir.Write(".git/config", "x");
  dir.Write("z/deeper/d.html", "<p>");
  std::string single = dir.Write("single.txt", "s");
  Result<std::vector<std::string>> r = ExpandInputs({dir.path(), "-", single});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const std::string& p = dir.path();
  EXPECT_EQ(*r, (std::vector<std::string>{p + "/a.txt", p + "/b.txt", p + "/single.txt",
                                          p + "/sub/c.jsonl", p + "/z/deeper/d.html", "-",
                                          single}));
}

TEST(ExpandInputs, MissingPathIsNotFound) {
  Result<std::vector<std::string>> r = ExpandInputs({"/no/such/path"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  EXPECT_NE(r.status().message().find("/no/such/path"), std::string::npos);
}

// The shared seed articles: five .txt files and the same five as JSON Lines.
TEST(Reader, SharedSeeds) {
  STORYLINE_REQUIRE_SHARED(shared);
  Result<std::vector<std::string>> files = ExpandInputs({shared + "/seeds"});
  ASSERT_TRUE(files.ok()) << files.status().ToString();
  std::vector<RawRecord> txt, jsonl;
  for (const std::string& f : *files) {
    if (!f.ends_with(".txt") && !f.ends_with(".jsonl")) continue;
    Result<std::unique_ptr<RecordReader>> reader = OpenInput(f, {});
    ASSERT_TRUE(reader.ok()) << reader.status().ToString();
    Drained d = Drain(**reader);
    ASSERT_TRUE(d.errors.empty()) << d.errors[0].ToString();
    for (RawRecord& r : d.records) (f.ends_with(".txt") ? txt : jsonl).push_back(std::move(r));
  }
  ASSERT_EQ(txt.size(), 5u);
  ASSERT_EQ(jsonl.size(), 5u);
  const char* kIds[] = {"000_b7c1a6c6aece2793", "001_a7f86efa9600946f", "002_19fd26cb79364ce1",
                        "003_25ed760fd234c088", "004_525844fd9dac892e"};
  const char* kDates[] = {"2013-05-24", "2013-05-28", "2014-01-15", "2013-10-30", "2013-05-27"};
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(txt[i].external_id, kIds[i]);
    EXPECT_EQ(txt[i].container, InputFormat::kText);
    EXPECT_FALSE(txt[i].is_html);
    EXPECT_TRUE(txt[i].date.empty());
    EXPECT_FALSE(txt[i].content.empty());
    EXPECT_EQ(jsonl[i].external_id, kIds[i]);
    EXPECT_EQ(jsonl[i].container, InputFormat::kJsonl);
    EXPECT_EQ(jsonl[i].date, kDates[i]);
    EXPECT_EQ(jsonl[i].date_source, "jsonl:date");
    EXPECT_EQ(jsonl[i].locator, "line " + std::to_string(i + 1));
    EXPECT_FALSE(jsonl[i].outlet.empty());
    EXPECT_FALSE(jsonl[i].content.empty());
  }
  EXPECT_EQ(jsonl[0].outlet, "naharnet");
}

}  // namespace
}  // namespace storyline::ingest
