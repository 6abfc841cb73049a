#include <gtest/gtest.h>

#include <sys/resource.h>

#include <fstream>
#include <string>

#include "ingest/reader.h"
#include "ingest/reader_internal.h"
#include "ingest/test_util.h"

namespace storyline::ingest {
namespace {

using testing::Drain;
using testing::Drained;
using testing::Gzip;
using testing::TempDir;
using testing::Zstd;

Drained ReadMemory(const std::string& data, ReadOptions options = {}) {
  auto reader = OpenMemory(data, "feed.jsonl", options);
  return Drain(*reader);
}

TEST(JsonlReader, StandardFields) {
  std::string data =
      R"({"id": "a1", "url": "https://example.org/a1", "source": "naharnet", "date": "2013-05-24", "title": "Kerry to meet Lavrov", "text": "Body one."})"
      "\n";
  Drained d = ReadMemory(data);
  ASSERT_TRUE(d.errors.empty()) << d.errors[0].ToString();
  ASSERT_EQ(d.records.size(), 1u);
  const RawRecord& r = d.records[0];
  EXPECT_EQ(r.input, "feed.jsonl");
  EXPECT_EQ(r.locator, "line 1");
  EXPECT_EQ(r.Name(), "feed.jsonl: line 1");
  EXPECT_EQ(r.container, InputFormat::kJsonl);
  EXPECT_FALSE(r.is_html);
  EXPECT_EQ(r.content, "Body one.");
  EXPECT_EQ(r.charset, "utf-8");
  EXPECT_EQ(r.external_id, "a1");
  EXPECT_EQ(r.url, "https://example.org/a1");
  EXPECT_EQ(r.outlet, "naharnet");
  EXPECT_EQ(r.date, "2013-05-24");
  EXPECT_EQ(r.date_source, "jsonl:date");
  EXPECT_EQ(r.title, "Kerry to meet Lavrov");
}

TEST(JsonlReader, SynonymsAndNestedSource) {
  std::string data =
      R"({"_id": 42, "link": "http://x/y", "source": {"name": "Reuters"}, "publish_date": "2014-01-15T10:00:00Z", "headline": "H", "maintext": "Body."})"
      "\n"
      R"({"guid": "g", "publisher": "RFE/RL", "datePublished": "2013-05-27", "content": "C."})"
      "\n"
      R"({"uuid": "u", "site_name": "BBC", "body": "B.", "created_at": "2009-05-12"})"
      "\n";
  Drained d = ReadMemory(data);
  ASSERT_TRUE(d.errors.empty());
  ASSERT_EQ(d.records.size(), 3u);
  EXPECT_EQ(d.records[0].external_id, "42");
  EXPECT_EQ(d.records[0].url, "http://x/y");
  EXPECT_EQ(d.records[0].outlet, "Reuters");
  EXPECT_EQ(d.records[0].date_source, "jsonl:publish_date");
  EXPECT_EQ(d.records[0].title, "H");
  EXPECT_EQ(d.records[0].content, "Body.");
  EXPECT_EQ(d.records[1].outlet, "RFE/RL");
  EXPECT_EQ(d.records[1].date_source, "jsonl:datePublished");
  EXPECT_EQ(d.records[1].content, "C.");
  EXPECT_EQ(d.records[2].outlet, "BBC");
  EXPECT_EQ(d.records[2].date, "2009-05-12");
  EXPECT_EQ(d.records[2].date_source, "jsonl:created_at");
}

TEST(JsonlReader, NumericEpochDates) {
  std::string data = R"({"id": 1, "timestamp": 1369353600, "text": "s"})"
                     "\n"
                     R"({"id": 2, "published": 1383126120000, "text": "ms"})"
                     "\n";
  Drained d = ReadMemory(data);
  ASSERT_EQ(d.records.size(), 2u);
  EXPECT_EQ(d.records[0].date, "2013-05-24T00:00:00Z");
  EXPECT_EQ(d.records[0].date_source, "jsonl:timestamp");
  EXPECT_EQ(d.records[1].date, "2013-10-30T09:42:00Z");
  EXPECT_EQ(d.records[1].date_source, "jsonl:published");
}

TEST(JsonlReader, HtmlFieldsAndHtmlLookingText) {
  std::string data = R"({"id": "h", "raw_html": "<p>Hello</p>"})"
                     "\n"
                     R"({"id": "t", "text": "<html><body><p>Hi</p></body></html>"})"
                     "\n"
                     R"({"id": "p", "text": "1 < 2 and 3 > 2"})"
                     "\n";
  Drained d = ReadMemory(data);
  ASSERT_EQ(d.records.size(), 3u);
  EXPECT_TRUE(d.records[0].is_html);
  EXPECT_EQ(d.records[0].content, "<p>Hello</p>");
  EXPECT_TRUE(d.records[1].is_html);
  EXPECT_FALSE(d.records[2].is_html);
}

TEST(JsonlReader, MalformedLinesAmidGoodOnes) {
  std::string data = R"({"id": "1", "text": "one"})"
                     "\n"
                     R"({"id": "2", "text": "two")"  // missing brace
                     "\n"
                     "\n"
                     "   \n"
                     R"({"id": "3", "text": "three"})"
                     "\n"
                     "not json at all\n"
                     R"({"id": "4", "title": "no body"})"
                     "\n"
                     R"(["an", "array"])"
                     "\n"
                     R"({"id": "5", "text": "five"})";  // no final newline
  Drained d = ReadMemory(data);
  EXPECT_EQ(d.sequence, (std::vector<std::string>{"R:1", "E:InvalidData", "R:3", "E:InvalidData",
                                                  "E:InvalidData", "E:InvalidData", "R:5"}));
  ASSERT_EQ(d.errors.size(), 4u);
  EXPECT_EQ(d.errors[0].message().rfind("feed.jsonl: line 2: malformed JSON: ", 0), 0u)
      << d.errors[0].message();
  EXPECT_EQ(d.errors[1].message().rfind("feed.jsonl: line 6: malformed JSON", 0), 0u);
  EXPECT_EQ(d.errors[2].message().rfind("feed.jsonl: line 7: no text field (looked for text, content, body", 0), 0u)
      << d.errors[2].message();
  EXPECT_NE(d.errors[3].message().find("line 8: not a JSON object"), std::string::npos);
  EXPECT_EQ(d.records[2].locator, "line 9");
}

TEST(JsonlReader, CompressedVersions) {
  std::string data;
  for (int i = 0; i < 500; ++i) {
    data += R"({"id": ")" + std::to_string(i) + R"(", "text": "article number )" +
            std::to_string(i) + R"("})" + "\n";
  }
  for (const std::string& bytes : {data, Gzip(data), Zstd(data),
                                   Gzip(data.substr(0, 1000)) + Gzip(data.substr(1000))}) {
    ReadOptions options;
    options.buffer_bytes = 512;  // many refills
    Drained d = ReadMemory(bytes, options);
    ASSERT_TRUE(d.errors.empty());
    ASSERT_EQ(d.records.size(), 500u);
    EXPECT_EQ(d.records[499].external_id, "499");
    EXPECT_EQ(d.records[499].content, "article number 499");
  }
}

TEST(JsonlReader, TruncatedGzipDeliversEarlierLinesThenDataLoss) {
  std::string data;
  for (int i = 0; i < 3000; ++i) {
    data += R"({"id": ")" + std::to_string(i) + R"(", "text": "text )" + std::to_string(i * 31) +
            R"("})" + "\n";
  }
  std::string gz = Gzip(data);
  gz.resize(gz.size() * 2 / 3);
  ReadOptions options;
  options.buffer_bytes = 1024;
  auto reader = OpenMemory(gz, "cut.jsonl.gz", options);
  Drained d = Drain(*reader);
  ASSERT_EQ(d.errors.size(), 1u);
  EXPECT_EQ(d.errors[0].code(), StatusCode::kDataLoss);
  EXPECT_EQ(d.errors[0].message().rfind("cut.jsonl.gz: line ", 0), 0u) << d.errors[0].message();
  EXPECT_NE(d.errors[0].message().find("truncated gzip stream at byte"), std::string::npos);
  EXPECT_EQ(d.sequence.back(), "E:DataLoss");
  ASSERT_GT(d.records.size(), 100u);
  for (size_t i = 0; i < d.records.size(); ++i) {
    ASSERT_EQ(d.records[i].external_id, std::to_string(i));
  }
}

TEST(JsonlReader, TruncatedZstdDeliversEarlierLinesThenDataLoss) {
  std::string data;
  for (int i = 0; i < 3000; ++i) {
    data += R"({"id": ")" + std::to_string(i) + R"(", "text": "text )" + std::to_string(i * 17) +
            R"("})" + "\n";
  }
  std::string zs = Zstd(data);
  zs.resize(zs.size() / 2);
  auto reader = OpenMemory(zs, "cut.jsonl.zst", ReadOptions{});
  Drained d = Drain(*reader);
  ASSERT_EQ(d.errors.size(), 1u);
  EXPECT_EQ(d.errors[0].code(), StatusCode::kDataLoss);
  EXPECT_NE(d.errors[0].message().find("cut.jsonl.zst"), std::string::npos);
  for (size_t i = 0; i < d.records.size(); ++i) ASSERT_EQ(d.records[i].external_id, std::to_string(i));
}

long MaxRssKb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}

TEST(JsonlReader, FiftyMegabyteLineIsRejectedAndNotBuffered) {
  TempDir dir;
  std::string path = dir.path() + "/big.jsonl";
  {
    std::ofstream out(path, std::ios::binary);
    out << R"({"id": "before", "text": "first"})" << "\n";
    out << R"({"id": "huge", "text": ")";
    std::string chunk(1 << 20, 'x');
    for (int i = 0; i < 50; ++i) out << chunk;
    out << "\"}\n";
    out << R"({"id": "after", "text": "last"})" << "\n";
  }
  ReadOptions options;
  options.max_record_bytes = 1 << 20;
  long rss_before = MaxRssKb();
  Result<std::unique_ptr<RecordReader>> reader = OpenInput(path, options);
  ASSERT_TRUE(reader.ok());
  Drained d = Drain(**reader);
  long rss_growth_mb = (MaxRssKb() - rss_before) / 1024;
  EXPECT_EQ(d.sequence, (std::vector<std::string>{"R:before", "E:ResourceExhausted", "R:after"}));
  ASSERT_EQ(d.errors.size(), 1u);
  EXPECT_EQ(d.errors[0].message().rfind(path + ": line 2: line of ", 0), 0u) << d.errors[0].message();
  EXPECT_NE(d.errors[0].message().find("exceeds max_record_bytes"), std::string::npos);
  EXPECT_LT(rss_growth_mb, 20) << "the reader buffered the long line";
  EXPECT_EQ((*reader)->bytes_read(), static_cast<uint64_t>(std::filesystem::file_size(path)));
}

TEST(JsonlReader, EmptyTextIsNamed) {
  Drained d = ReadMemory(R"({"id": "65", "time": "2011-02-03", "text": ""})" "\n");
  ASSERT_EQ(d.errors.size(), 1u);
  EXPECT_EQ(d.errors[0].message(), "feed.jsonl: line 1: empty text (field \"text\")");
}

// simdjson rejects integers beyond 64 bits; nlohmann takes over.
TEST(JsonlReader, HugeIntegerIdFallsBackToSecondParser) {
  Drained d = ReadMemory(R"({"id": 123456789012345678901234567890, "text": "x"})" "\n");
  ASSERT_TRUE(d.errors.empty()) << d.errors[0].ToString();
  ASSERT_EQ(d.records.size(), 1u);
  EXPECT_FALSE(d.records[0].external_id.empty());
  EXPECT_EQ(d.records[0].content, "x");
}

TEST(JsonlReader, InvalidUtf8InsideStringIsReportedNotFatal) {
  std::string data = "{\"id\": \"1\", \"text\": \"caf\xE9\"}\n{\"id\": \"2\", \"text\": \"ok\"}\n";
  Drained d = ReadMemory(data);
  EXPECT_EQ(d.sequence, (std::vector<std::string>{"E:InvalidData", "R:2"}));
}

}  // namespace
}  // namespace storyline::ingest

namespace storyline::ingest {
namespace {

testing::Drained ReadDoc(const std::string& data, ReadOptions options = {}) {
  auto reader = OpenMemory(data, "export.json", options);
  return testing::Drain(*reader);
}

TEST(JsonDocument, ArrayOfPrettyPrintedObjects) {
  std::string data = R"([
  {
    "id": "x1",
    "title": "Ferry Service Resumes",
    "text": "Boats ran again on Monday {after} a week of storms, the operator said.",
    "nested": {"a": [1, 2, {"b": "}"}]}
  },
  {"id": "x2", "text": "A second \"quoted\" article with a brace \\ and ] inside."}
]
)";
  testing::Drained d = ReadDoc(data);
  ASSERT_TRUE(d.errors.empty()) << d.errors[0].ToString();
  ASSERT_EQ(d.records.size(), 2u);
  EXPECT_EQ(d.records[0].external_id, "x1");
  EXPECT_EQ(d.records[0].locator, "element 1 (line 2)");
  EXPECT_EQ(d.records[0].title, "Ferry Service Resumes");
  EXPECT_EQ(d.records[1].external_id, "x2");
  EXPECT_EQ(d.records[1].content, "A second \"quoted\" article with a brace \\ and ] inside.");
}

TEST(JsonDocument, ConcatenatedPrettyObjectsAreNotJsonLines) {
  std::string data = "{\n  \"id\": 1,\n  \"text\": \"One.\"\n}\n{\n  \"id\": 2,\n  \"text\": \"Two.\"\n}\n";
  testing::Drained d = ReadDoc(data);
  ASSERT_TRUE(d.errors.empty()) << d.errors[0].ToString();
  ASSERT_EQ(d.records.size(), 2u);
  EXPECT_EQ(d.records[1].content, "Two.");
  EXPECT_EQ(d.records[1].locator, "element 2 (line 5)");
}

TEST(JsonDocument, BadElementIsNamedAndTheRestRead) {
  std::string big(5000, 'x');
  std::string data = "[{\"id\": 1, \"text\": \"" + big + "\"}, {\"id\": 2, \"text\": true}, {\"id\": 3, \"text\": \"Three.\"}]";
  ReadOptions o;
  o.max_record_bytes = 1000;
  testing::Drained d = ReadDoc(data, o);
  ASSERT_EQ(d.records.size(), 1u);
  EXPECT_EQ(d.records[0].external_id, "3");
  ASSERT_EQ(d.errors.size(), 2u);
  EXPECT_NE(d.errors[0].message().find("element 1"), std::string::npos) << d.errors[0].message();
  EXPECT_NE(d.errors[0].message().find("exceeds max_record_bytes"), std::string::npos);
  EXPECT_NE(d.errors[1].message().find("element 2"), std::string::npos) << d.errors[1].message();
}

TEST(JsonDocument, TruncatedDocumentAndTopLevelJunk) {
  testing::Drained cut = ReadDoc("[{\"id\": 1, \"text\": \"One.\"}, {\"id\": 2, \"text\": \"Tw");
  ASSERT_EQ(cut.records.size(), 1u);
  ASSERT_EQ(cut.errors.size(), 1u);
  EXPECT_EQ(cut.errors[0].code(), StatusCode::kDataLoss);
  EXPECT_NE(cut.errors[0].message().find("truncated"), std::string::npos);
  testing::Drained junk = ReadDoc("[\"just\", \"strings\"]");
  EXPECT_TRUE(junk.records.empty());
  ASSERT_EQ(junk.errors.size(), 1u);
  EXPECT_NE(junk.errors[0].message().find("expected a JSON object"), std::string::npos);
}

}  // namespace
}  // namespace storyline::ingest
