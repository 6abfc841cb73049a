#include "ingest/byte_source.h"

#include <gtest/gtest.h>

#include <cstring>
#include <string>

#include "ingest/buffered_input.h"
#include "ingest/test_util.h"

namespace storyline::ingest {
namespace {

using testing::Gzip;
using testing::Zstd;

// Reads a source to its end (or error) in small chunks.
Result<std::string> ReadAll(ByteSource& src, size_t chunk = 7) {
  std::string out;
  std::string buf(chunk, '\0');
  while (true) {
    Result<size_t> n = src.Read(buf.data(), buf.size());
    if (!n.ok()) return n.status();
    if (*n == 0) return out;
    out.append(buf.data(), *n);
  }
}

std::string Sample(size_t n) {
  std::string s;
  for (size_t i = 0; s.size() < n; ++i) s += "line " + std::to_string(i * 7919 % 1000) + " of text\n";
  s.resize(n);
  return s;
}

TEST(DetectCompression, MagicBytes) {
  EXPECT_EQ(DetectCompression("\x1f\x8b\x08"), Compression::kGzip);
  EXPECT_EQ(DetectCompression(std::string_view("\x28\xb5\x2f\xfd", 4)), Compression::kZstd);
  EXPECT_EQ(DetectCompression("WARC/1.0"), Compression::kNone);
  EXPECT_EQ(DetectCompression("\x1f"), Compression::kNone);
  EXPECT_EQ(DetectCompression(""), Compression::kNone);
}

TEST(GzipSource, RoundTrip) {
  std::string text = Sample(300000);
  std::string gz = Gzip(text);
  Result<std::string> out = ReadAll(*GzipSource(MemorySource(gz), "t.gz", 4096), 1000);
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(*out, text);
}

TEST(GzipSource, MultiMember) {
  std::string a = Sample(5000), b = "second member\n", c = Sample(123);
  std::string gz = Gzip(a) + Gzip(b) + Gzip(c);
  Result<std::string> out = ReadAll(*GzipSource(MemorySource(gz), "t.gz", 64));
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(*out, a + b + c);
}

TEST(GzipSource, ZeroPaddingAfterLastMemberIsIgnored) {
  std::string gz = Gzip("padded\n") + std::string(100, '\0');
  Result<std::string> out = ReadAll(*GzipSource(MemorySource(gz), "t.gz", 64));
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(*out, "padded\n");
}

TEST(GzipSource, TruncatedIsDataLossWithNameAndOffset) {
  std::string gz = Gzip(Sample(100000));
  gz.resize(gz.size() / 2);
  Result<std::string> out = ReadAll(*GzipSource(MemorySource(gz), "cut.gz", 4096), 512);
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), StatusCode::kDataLoss);
  EXPECT_NE(out.status().message().find("cut.gz"), std::string::npos);
  EXPECT_NE(out.status().message().find("truncated gzip"), std::string::npos);
  EXPECT_NE(out.status().message().find(std::to_string(gz.size())), std::string::npos)
      << out.status().message();
}

TEST(GzipSource, CorruptIsDataLoss) {
  std::string gz = Gzip(Sample(10000));
  for (size_t i = 20; i < gz.size() - 10; i += 3) gz[i] = static_cast<char>(gz[i] ^ 0x5a);
  Result<std::string> out = ReadAll(*GzipSource(MemorySource(gz), "bad.gz", 4096));
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), StatusCode::kDataLoss);
  EXPECT_NE(out.status().message().find("bad.gz"), std::string::npos);
}

TEST(GzipSource, GarbageAfterMemberIsDataLoss) {
  std::string gz = Gzip("ok\n") + "this is not gzip";
  Result<std::string> out = ReadAll(*GzipSource(MemorySource(gz), "t.gz", 64));
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), StatusCode::kDataLoss);
}

TEST(ZstdSource, RoundTripAndMultipleFrames) {
  std::string a = Sample(200000), b = Sample(77);
  std::string zs = Zstd(a) + Zstd(b);
  Result<std::string> out = ReadAll(*ZstdSource(MemorySource(zs), "t.zst", 4096), 999);
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(*out, a + b);
}

TEST(ZstdSource, TruncatedIsDataLoss) {
  std::string zs = Zstd(Sample(200000));
  zs.resize(zs.size() - 9);
  Result<std::string> out = ReadAll(*ZstdSource(MemorySource(zs), "cut.zst", 4096), 4096);
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), StatusCode::kDataLoss);
  EXPECT_NE(out.status().message().find("cut.zst"), std::string::npos);
  EXPECT_NE(out.status().message().find("truncated zstd"), std::string::npos);
}

TEST(Decompressed, SniffsMagicNotName) {
  std::string text = Sample(1000);
  for (const std::string& data : {text, Gzip(text), Zstd(text)}) {
    Result<std::unique_ptr<ByteSource>> src = Decompressed(MemorySource(data), "noext", 256);
    ASSERT_TRUE(src.ok());
    Result<std::string> out = ReadAll(**src);
    ASSERT_TRUE(out.ok());
    EXPECT_EQ(*out, text);
  }
}

TEST(InflateBounded, GzipZlibRawAndLimit) {
  std::string text = Sample(5000);
  std::string out;
  ASSERT_TRUE(InflateBounded(Gzip(text), 1 << 20, &out).ok());
  EXPECT_EQ(out, text);
  // Raw deflate (some servers send "deflate" without the zlib header).
  z_stream zs{};
  deflateInit2(&zs, 6, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
  std::string raw(deflateBound(&zs, text.size()), '\0');
  zs.next_in = reinterpret_cast<Bytef*>(text.data());
  zs.avail_in = static_cast<uInt>(text.size());
  zs.next_out = reinterpret_cast<Bytef*>(raw.data());
  zs.avail_out = static_cast<uInt>(raw.size());
  deflate(&zs, Z_FINISH);
  raw.resize(zs.total_out);
  deflateEnd(&zs);
  ASSERT_TRUE(InflateBounded(raw, 1 << 20, &out).ok());
  EXPECT_EQ(out, text);
  EXPECT_EQ(InflateBounded(Gzip(text), 100, &out).code(), StatusCode::kResourceExhausted);
  std::string cut = Gzip(text);
  cut.resize(cut.size() / 2);
  EXPECT_EQ(InflateBounded(cut, 1 << 20, &out).code(), StatusCode::kDataLoss);
}

TEST(BufferedInput, LinesWithAndWithoutFinalNewline) {
  std::string data = "one\ntwo\r\n\nlast";
  BufferedInput in(MemorySource(data), 64, 100);
  std::vector<std::string> lines;
  std::string_view line;
  uint64_t skipped;
  while (true) {
    Result<BufferedInput::LineResult> r = in.ReadLine(&line, &skipped);
    ASSERT_TRUE(r.ok());
    if (*r == BufferedInput::LineResult::kEnd) break;
    ASSERT_EQ(*r, BufferedInput::LineResult::kLine);
    lines.emplace_back(line);
  }
  EXPECT_EQ(lines, (std::vector<std::string>{"one", "two\r", "", "last"}));
  EXPECT_EQ(in.offset(), data.size());
}

TEST(BufferedInput, LineLongerThanBufferButWithinLimit) {
  std::string longline(5000, 'x');
  std::string data = "a\n" + longline + "\nb\n";
  BufferedInput in(MemorySource(data), 64, 10000);
  std::string_view line;
  uint64_t skipped;
  ASSERT_EQ(*in.ReadLine(&line, &skipped), BufferedInput::LineResult::kLine);
  ASSERT_EQ(*in.ReadLine(&line, &skipped), BufferedInput::LineResult::kLine);
  EXPECT_EQ(line, longline);
  ASSERT_EQ(*in.ReadLine(&line, &skipped), BufferedInput::LineResult::kLine);
  EXPECT_EQ(line, "b");
}

// A source that produces one huge line without holding it in memory.
class HugeLineSource final : public ByteSource {
 public:
  explicit HugeLineSource(uint64_t n) : n_(n) {}
  Result<size_t> Read(char* buf, size_t n) override {
    std::string_view tail = "\nafter\n";
    if (pos_ < n_) {
      size_t k = static_cast<size_t>(std::min<uint64_t>(n, n_ - pos_));
      std::memset(buf, 'z', k);
      pos_ += k;
      return k;
    }
    size_t off = static_cast<size_t>(pos_ - n_);
    size_t k = std::min(n, tail.size() - off);
    std::memcpy(buf, tail.data() + off, k);
    pos_ += k;
    return k;
  }
  uint64_t bytes_consumed() const override { return pos_; }

 private:
  uint64_t n_;
  uint64_t pos_ = 0;
};

TEST(BufferedInput, TooLongLineIsSkippedWithoutBuffering) {
  const uint64_t kHuge = 50ull << 20;
  BufferedInput in(std::make_unique<HugeLineSource>(kHuge), 1 << 16, 1 << 20);
  std::string_view line;
  uint64_t skipped = 0;
  Result<BufferedInput::LineResult> r = in.ReadLine(&line, &skipped);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, BufferedInput::LineResult::kTooLong);
  EXPECT_EQ(skipped, kHuge);
  EXPECT_LE(in.buffer_capacity(), (1u << 20) + (1u << 16) + 1);
  ASSERT_EQ(*in.ReadLine(&line, &skipped), BufferedInput::LineResult::kLine);
  EXPECT_EQ(line, "after");
  EXPECT_EQ(*in.ReadLine(&line, &skipped), BufferedInput::LineResult::kEnd);
}

TEST(BufferedInput, ReadAndSkipAcrossBufferAndSource) {
  std::string data = Sample(100000);
  BufferedInput in(MemorySource(data), 128, 1000);
  std::string_view line;
  uint64_t skipped;
  ASSERT_TRUE(in.ReadLine(&line, &skipped).ok());
  std::string got;
  ASSERT_EQ(*in.Read(50000, &got), 50000u);
  EXPECT_EQ(got, data.substr(line.size() + 1, 50000));
  uint64_t at = in.offset();
  ASSERT_EQ(*in.Skip(10), 10u);
  got.clear();
  ASSERT_EQ(*in.Read(5, &got), 5u);
  EXPECT_EQ(got, data.substr(at + 10, 5));
  EXPECT_EQ(*in.Skip(1u << 30), data.size() - at - 15);
  EXPECT_TRUE(in.AtEnd());
}

}  // namespace
}  // namespace storyline::ingest
