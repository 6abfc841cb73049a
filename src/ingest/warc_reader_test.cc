#include <gtest/gtest.h>

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

// One WARC record with the given type, id, extra headers and block.
std::string Record(const std::string& type, const std::string& id, const std::string& block,
                   const std::string& extra = "", const std::string& version = "WARC/1.0") {
  return version + "\r\n" + "WARC-Type: " + type + "\r\n" + "WARC-Record-ID: " + id + "\r\n" +
         "WARC-Date: 2013-10-30T09:42:00Z\r\n" + extra + "Content-Length: " +
         std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
}

std::string HttpResponse(const std::string& body, const std::string& headers,
                         const std::string& status = "200 OK") {
  return "HTTP/1.1 " + status + "\r\n" + headers + "\r\n" + body;
}

std::string Page(const std::string& words) {
  return "<!doctype html><html><head><title>t</title></head><body><p>" + words +
         "</p></body></html>";
}

std::string Response(const std::string& id, const std::string& http) {
  return Record("response", id, http,
                "WARC-Target-URI: http://news.example/" + id + "\r\n"
                "Content-Type: application/http; msgtype=response\r\n");
}

// A small crawl: warcinfo, request, an HTML response, an image response, a
// 404, metadata, revisit, and a text/plain resource.
std::string SmallCrawl() {
  return Record("warcinfo", "<urn:uuid:info>", "software: test\r\n",
                "Content-Type: application/warc-fields\r\n") +
         Record("request", "<urn:uuid:req>", "GET / HTTP/1.1\r\nHost: news.example\r\n\r\n") +
         Response("page1", HttpResponse(Page("Kerry and Lavrov spoke by telephone."),
                                        "Content-Type: text/html; charset=ISO-8859-1\r\n")) +
         Response("image", HttpResponse("\x89PNG....", "Content-Type: image/png\r\n")) +
         Response("missing", HttpResponse(Page("not found"), "Content-Type: text/html\r\n",
                                          "404 Not Found")) +
         Record("metadata", "<urn:uuid:meta>", "outlinks: http://x/\r\n") +
         Record("revisit", "<urn:uuid:rev>", "") +
         Record("resource", "note", "A plain text resource.\n",
                "Content-Type: text/plain; charset=\"utf-8\"\r\n", "WARC/1.1");
}

Drained ReadMemory(const std::string& data, ReadOptions options = {},
                   const std::string& name = "crawl.warc") {
  auto reader = OpenMemory(data, name, options);
  return Drain(*reader);
}

TEST(WarcReader, KeepsHtmlResponsesAndTextResources) {
  Drained d = ReadMemory(SmallCrawl());
  ASSERT_TRUE(d.errors.empty()) << d.errors[0].ToString();
  EXPECT_EQ(d.sequence, (std::vector<std::string>{"R:page1", "R:note"}));
  const RawRecord& page = d.records[0];
  EXPECT_EQ(page.container, InputFormat::kWarc);
  EXPECT_TRUE(page.is_html);
  EXPECT_EQ(page.content, Page("Kerry and Lavrov spoke by telephone."));
  EXPECT_EQ(page.charset, "ISO-8859-1");
  EXPECT_EQ(page.url, "http://news.example/page1");
  EXPECT_EQ(page.date, "2013-10-30T09:42:00Z");
  EXPECT_EQ(page.date_source, "warc:WARC-Date");
  EXPECT_EQ(page.locator.rfind("record 3 (offset ", 0), 0u) << page.locator;
  const RawRecord& note = d.records[1];
  EXPECT_FALSE(note.is_html);
  EXPECT_EQ(note.content, "A plain text resource.\n");
  EXPECT_EQ(note.charset, "utf-8");
  EXPECT_EQ(note.locator.rfind("record 8 ", 0), 0u);
}

TEST(WarcReader, OffsetInLocatorPointsAtTheRecord) {
  std::string first = Record("warcinfo", "<urn:uuid:info>", "x");
  std::string data = first + Response("p", HttpResponse(Page("hi"), "Content-Type: text/html\r\n"));
  Drained d = ReadMemory(data);
  ASSERT_EQ(d.records.size(), 1u);
  EXPECT_EQ(d.records[0].locator, "record 2 (offset " + std::to_string(first.size()) + ")");
  EXPECT_EQ(data.substr(first.size(), 8), "WARC/1.0");
}

TEST(WarcReader, ChunkedAndGzipPayloads) {
  std::string body = Page("A chunked and compressed page about Geneva.");
  std::string chunked;
  for (size_t i = 0; i < body.size(); i += 10) {
    std::string part = body.substr(i, 10);
    char hex[16];
    std::snprintf(hex, sizeof(hex), "%zx", part.size());
    chunked += std::string(hex) + "\r\n" + part + "\r\n";
  }
  chunked += "0\r\n\r\n";
  std::string gz = Gzip(body);
  std::string gz_chunked = "1a\r\n" + gz.substr(0, 0x1a) + "\r\n";
  char hex[16];
  std::snprintf(hex, sizeof(hex), "%zx", gz.size() - 0x1a);
  gz_chunked += std::string(hex) + "\r\n" + gz.substr(0x1a) + "\r\n0\r\n\r\n";
  std::string data =
      Response("chunked", HttpResponse(chunked, "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n")) +
      Response("gzip", HttpResponse(gz, "Content-Type: text/html\r\nContent-Encoding: gzip\r\n")) +
      Response("both", HttpResponse(gz_chunked, "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n"
                                                "Content-Encoding: gzip\r\n"));
  Drained d = ReadMemory(data);
  ASSERT_TRUE(d.errors.empty()) << d.errors[0].ToString();
  ASSERT_EQ(d.records.size(), 3u);
  for (const RawRecord& r : d.records) EXPECT_EQ(r.content, body) << r.url;
}

TEST(WarcReader, BadPayloadsAreReportedAndReadingContinues) {
  std::string data =
      Response("badgz", HttpResponse("not gzip at all", "Content-Type: text/html\r\nContent-Encoding: gzip\r\n")) +
      Response("brotli", HttpResponse("xx", "Content-Type: text/html\r\nContent-Encoding: br\r\n")) +
      Response("nohttp", "this is not HTTP") +
      Response("good", HttpResponse(Page("fine"), "Content-Type: text/html\r\n"));
  Drained d = ReadMemory(data);
  EXPECT_EQ(d.sequence, (std::vector<std::string>{"E:DataLoss", "E:InvalidData", "E:InvalidData", "R:good"}));
  EXPECT_NE(d.errors[0].message().find("crawl.warc: record 1 (offset 0): HTTP payload (gzip)"),
            std::string::npos)
      << d.errors[0].message();
}

TEST(WarcReader, CompressedPerRecordAndWhole) {
  std::string crawl = SmallCrawl();
  // Per-record gzip members, as .warc.gz files are written.
  std::string per_record;
  size_t pos = 0;
  while (pos < crawl.size()) {
    size_t next = crawl.find("WARC/1.", pos + 1);
    if (next == std::string::npos) next = crawl.size();
    per_record += Gzip(crawl.substr(pos, next - pos));
    pos = next;
  }
  for (const std::string& bytes : {Gzip(crawl), per_record, Zstd(crawl)}) {
    ReadOptions options;
    options.buffer_bytes = 100;
    Drained d = ReadMemory(bytes, options, "crawl.warc.gz");
    ASSERT_TRUE(d.errors.empty()) << d.errors[0].ToString();
    EXPECT_EQ(d.sequence, (std::vector<std::string>{"R:page1", "R:note"}));
  }
}

TEST(WarcReader, TruncatedWarcReportsRecordAndEnds) {
  std::string crawl = SmallCrawl();
  std::string last = Response("cut", HttpResponse(Page(std::string(2000, 'w')), "Content-Type: text/html\r\n"));
  std::string data = crawl + last.substr(0, last.size() - 1000);
  Drained d = ReadMemory(data);
  EXPECT_EQ(d.sequence, (std::vector<std::string>{"R:page1", "R:note", "E:DataLoss"}));
  ASSERT_EQ(d.errors.size(), 1u);
  EXPECT_EQ(d.errors[0].message().rfind("crawl.warc: record 9 (offset " + std::to_string(crawl.size()) +
                                            "): truncated WARC",
                                        0),
            0u)
      << d.errors[0].message();
  // Cut inside the headers.
  d = ReadMemory(crawl + "WARC/1.0\r\nWARC-Type: response\r\nContent-Le");
  EXPECT_EQ(d.sequence, (std::vector<std::string>{"R:page1", "R:note", "E:DataLoss"}));
}

TEST(WarcReader, TruncatedGzipWarc) {
  std::string crawl = SmallCrawl() + Response("big", HttpResponse(Page(std::string(50000, 'q')),
                                                                  "Content-Type: text/html\r\n"));
  std::string gz = Gzip(crawl);
  gz.resize(gz.size() - 40);
  Drained d = ReadMemory(gz, {}, "cut.warc.gz");
  ASSERT_FALSE(d.errors.empty());
  EXPECT_EQ(d.errors.back().code(), StatusCode::kDataLoss);
  EXPECT_NE(d.errors.back().message().find("cut.warc.gz: record 9"), std::string::npos)
      << d.errors.back().message();
  EXPECT_EQ(d.records.size(), 2u);
}

TEST(WarcReader, GarbageBetweenRecordsResynchronises) {
  std::string a = Response("a", HttpResponse(Page("first"), "Content-Type: text/html\r\n"));
  std::string b = Response("b", HttpResponse(Page("second"), "Content-Type: text/html\r\n"));
  std::string data = a + "some junk that\nis not a record\n" + b + "trailing junk\n";
  Drained d = ReadMemory(data);
  EXPECT_EQ(d.sequence, (std::vector<std::string>{"R:a", "E:InvalidData", "R:b", "E:InvalidData"}));
  EXPECT_NE(d.errors[0].message().find("offset " + std::to_string(a.size())), std::string::npos)
      << d.errors[0].message();
  EXPECT_NE(d.errors[0].message().find("resynchronised"), std::string::npos);
}

TEST(WarcReader, OversizedBlockIsSkipped) {
  std::string big = Response("big", HttpResponse(Page(std::string(5000, 'b')), "Content-Type: text/html\r\n"));
  std::string small = Response("small", HttpResponse(Page("s"), "Content-Type: text/html\r\n"));
  ReadOptions options;
  options.max_record_bytes = 1000;
  options.buffer_bytes = 256;
  Drained d = ReadMemory(small + big + small, options);
  EXPECT_EQ(d.sequence, (std::vector<std::string>{"R:small", "E:ResourceExhausted", "R:small"}));
  EXPECT_NE(d.errors[0].message().find("record 2"), std::string::npos);
}

TEST(WarcReader, MissingContentLengthSkipsToNextRecord) {
  std::string bad = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: x\r\n\r\nHTTP/1.1 200 OK\r\n\r\nbody\r\n\r\n";
  std::string good = Response("good", HttpResponse(Page("g"), "Content-Type: text/html\r\n"));
  Drained d = ReadMemory(bad + good);
  EXPECT_EQ(d.sequence, (std::vector<std::string>{"E:InvalidData", "R:good"}));
  EXPECT_NE(d.errors[0].message().find("Content-Length"), std::string::npos);
}

TEST(WarcReader, FileOnDiskDetectedByContent) {
  TempDir dir;
  std::string path = dir.Write("crawl.bin", SmallCrawl());
  Result<std::unique_ptr<RecordReader>> reader = OpenInput(path, {});
  ASSERT_TRUE(reader.ok());
  Drained d = Drain(**reader);
  EXPECT_EQ(d.records.size(), 2u);
  EXPECT_EQ((*reader)->bytes_read(), SmallCrawl().size());
}

}  // namespace
}  // namespace storyline::ingest
