// Byte streams: plain file descriptors and streaming decompressors.
//
// The decompressors keep one input buffer and write straight into the
// caller's buffer, so memory stays at two buffers whatever the file size.
// Concatenated gzip members (RFC 1952 §2.2: a gzip file is a series of
// members) and zstd frames are decoded one after the other; a stream that
// ends inside a member is truncated, which is the usual damage of an
// interrupted download or crawl, and is reported as DataLoss with the byte
// offset in the compressed file.
#include "ingest/byte_source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <utility>

namespace storyline::ingest {
namespace {

class FdSourceImpl final : public ByteSource {
 public:
  FdSourceImpl(int fd, std::string name, bool owned)
      : fd_(fd), name_(std::move(name)), owned_(owned) {}
  ~FdSourceImpl() override {
    if (owned_) close(fd_);
  }

  Result<size_t> Read(char* buf, size_t n) override {
    while (true) {
      ssize_t got = read(fd_, buf, n);
      if (got >= 0) {
        consumed_ += static_cast<uint64_t>(got);
        return static_cast<size_t>(got);
      }
      if (errno == EINTR) continue;
      return IoError(name_ + ": read failed at byte " + std::to_string(consumed_) +
                     ": " + std::strerror(errno));
    }
  }
  uint64_t bytes_consumed() const override { return consumed_; }

 private:
  int fd_;
  std::string name_;
  bool owned_;
  uint64_t consumed_ = 0;
};

class MemorySourceImpl final : public ByteSource {
 public:
  explicit MemorySourceImpl(std::string_view data) : data_(data) {}
  Result<size_t> Read(char* buf, size_t n) override {
    size_t k = std::min(n, data_.size() - pos_);
    std::memcpy(buf, data_.data() + pos_, k);
    pos_ += k;
    return k;
  }
  uint64_t bytes_consumed() const override { return pos_; }

 private:
  std::string_view data_;
  size_t pos_ = 0;
};

class PrefixedSourceImpl final : public ByteSource {
 public:
  PrefixedSourceImpl(std::string prefix, std::unique_ptr<ByteSource> rest)
      : prefix_(std::move(prefix)), rest_(std::move(rest)) {}
  Result<size_t> Read(char* buf, size_t n) override {
    if (pos_ < prefix_.size()) {
      size_t k = std::min(n, prefix_.size() - pos_);
      std::memcpy(buf, prefix_.data() + pos_, k);
      pos_ += k;
      if (pos_ == prefix_.size()) {
        std::string().swap(prefix_);
        pos_ = 0;
      }
      return k;
    }
    return rest_->Read(buf, n);
  }
  uint64_t bytes_consumed() const override { return rest_->bytes_consumed(); }

 private:
  std::string prefix_;
  size_t pos_ = 0;
  std::unique_ptr<ByteSource> rest_;
};

// Shared input-buffer handling for the two decompressors.
class CompressedInput {
 public:
  CompressedInput(std::unique_ptr<ByteSource> in, size_t buffer_bytes)
      : in_(std::move(in)),
        cap_(std::max<size_t>(buffer_bytes, 4096)),
        buf_(new char[cap_]) {}

  // Refills when empty. Returns false at end of input.
  Result<bool> Fill() {
    if (pos_ < size_) return true;
    if (eof_) return false;
    Result<size_t> got = in_->Read(buf_.get(), cap_);
    if (!got.ok()) return got.status();
    pos_ = 0;
    size_ = *got;
    if (size_ == 0) eof_ = true;
    return size_ > 0;
  }
  const char* data() const { return buf_.get() + pos_; }
  size_t size() const { return size_ - pos_; }
  void Consume(size_t n) { pos_ += n; }
  // Offset in the compressed file of the next unconsumed byte.
  uint64_t offset() const { return in_->bytes_consumed() - (size_ - pos_); }
  uint64_t consumed() const { return in_->bytes_consumed(); }

 private:
  std::unique_ptr<ByteSource> in_;
  size_t cap_;
  std::unique_ptr<char[]> buf_;
  size_t pos_ = 0;
  size_t size_ = 0;
  bool eof_ = false;
};

class GzipSourceImpl final : public ByteSource {
 public:
  GzipSourceImpl(std::unique_ptr<ByteSource> in, std::string name, size_t buffer_bytes)
      : in_(std::move(in), buffer_bytes), name_(std::move(name)) {
    std::memset(&zs_, 0, sizeof(zs_));
    init_ok_ = inflateInit2(&zs_, 15 + 32) == Z_OK;
  }
  ~GzipSourceImpl() override { inflateEnd(&zs_); }

  Result<size_t> Read(char* buf, size_t n) override {
    if (!error_.ok()) return error_;
    if (!init_ok_) return Fail(InternalError(name_ + ": zlib initialisation failed"));
    n = std::min<size_t>(n, UINT_MAX);
    while (true) {
      Result<bool> more = in_.Fill();
      if (!more.ok()) return Fail(more.status());
      if (!*more) {
        if (in_member_) {
          return Fail(DataLossError(name_ + ": truncated gzip stream at byte " +
                                    std::to_string(in_.consumed()) +
                                    " (compressed data ends inside a member)"));
        }
        return size_t{0};
      }
      if (!in_member_) {
        // Between members: tolerate zero padding, then start a new member.
        size_t zeros = 0;
        while (zeros < in_.size() && in_.data()[zeros] == 0) ++zeros;
        in_.Consume(zeros);
        if (in_.size() == 0) continue;
        if (inflateReset(&zs_) != Z_OK) {
          return Fail(InternalError(name_ + ": zlib reset failed"));
        }
        in_member_ = true;
      }
      zs_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in_.data()));
      zs_.avail_in = static_cast<uInt>(std::min<size_t>(in_.size(), UINT_MAX));
      zs_.next_out = reinterpret_cast<Bytef*>(buf);
      zs_.avail_out = static_cast<uInt>(n);
      uInt avail_before = zs_.avail_in;
      int ret = inflate(&zs_, Z_NO_FLUSH);
      in_.Consume(avail_before - zs_.avail_in);
      size_t produced = n - zs_.avail_out;
      if (ret == Z_STREAM_END) {
        in_member_ = false;
      } else if (ret != Z_OK && ret != Z_BUF_ERROR) {
        return Fail(DataLossError(
            name_ + ": corrupt gzip data at byte " + std::to_string(in_.offset()) +
            ": " + (zs_.msg != nullptr ? zs_.msg : "inflate error " + std::to_string(ret))));
      }
      if (produced > 0) return produced;
    }
  }
  uint64_t bytes_consumed() const override { return in_.consumed(); }

 private:
  Status Fail(Status s) {
    error_ = s;
    return s;
  }

  CompressedInput in_;
  std::string name_;
  z_stream zs_;
  bool init_ok_ = false;
  bool in_member_ = false;
  Status error_;
};

class ZstdSourceImpl final : public ByteSource {
 public:
  ZstdSourceImpl(std::unique_ptr<ByteSource> in, std::string name, size_t buffer_bytes)
      : in_(std::move(in), buffer_bytes), name_(std::move(name)), dctx_(ZSTD_createDCtx()) {
    // Bound the window a hostile frame can make us allocate (128 MB).
    if (dctx_ != nullptr) ZSTD_DCtx_setParameter(dctx_, ZSTD_d_windowLogMax, 27);
  }
  ~ZstdSourceImpl() override { ZSTD_freeDCtx(dctx_); }

  Result<size_t> Read(char* buf, size_t n) override {
    if (!error_.ok()) return error_;
    if (dctx_ == nullptr) return Fail(InternalError(name_ + ": zstd initialisation failed"));
    ZSTD_outBuffer out{buf, n, 0};
    while (true) {
      Result<bool> more = in_.Fill();
      if (!more.ok()) return Fail(more.status());
      ZSTD_inBuffer zin{in_.data(), *more ? in_.size() : 0, 0};
      if (!*more && !in_frame_) return size_t{0};
      size_t ret = ZSTD_decompressStream(dctx_, &out, &zin);
      in_.Consume(zin.pos);
      if (ZSTD_isError(ret)) {
        return Fail(DataLossError(name_ + ": corrupt zstd data at byte " +
                                  std::to_string(in_.offset()) + ": " +
                                  ZSTD_getErrorName(ret)));
      }
      in_frame_ = ret != 0;
      if (out.pos > 0) return out.pos;
      if (!*more && in_frame_) {
        return Fail(DataLossError(name_ + ": truncated zstd stream at byte " +
                                  std::to_string(in_.consumed()) +
                                  " (compressed data ends inside a frame)"));
      }
    }
  }
  uint64_t bytes_consumed() const override { return in_.consumed(); }

 private:
  Status Fail(Status s) {
    error_ = s;
    return s;
  }

  CompressedInput in_;
  std::string name_;
  ZSTD_DCtx* dctx_;
  bool in_frame_ = false;
  Status error_;
};

}  // namespace

Compression DetectCompression(std::string_view head) {
  if (head.size() >= 2 && static_cast<unsigned char>(head[0]) == 0x1f &&
      static_cast<unsigned char>(head[1]) == 0x8b) {
    return Compression::kGzip;
  }
  if (head.size() >= 4 && head.substr(0, 4) == std::string_view("\x28\xb5\x2f\xfd", 4)) {
    return Compression::kZstd;
  }
  return Compression::kNone;
}

Result<std::unique_ptr<ByteSource>> OpenFileSource(const std::string& path,
                                                   size_t buffer_bytes) {
  if (path == "-") return FdSource(0, "-", /*owned=*/false);
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    int err = errno;
    std::string msg = path + ": " + std::strerror(err);
    if (err == ENOENT || err == ENOTDIR) return NotFoundError(msg);
    return IoError(msg);
  }
  struct stat st;
  if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    close(fd);
    return InvalidArgumentError(path + ": is a directory");
  }
#ifdef POSIX_FADV_SEQUENTIAL
  posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
  return FdSource(fd, path, /*owned=*/true);
}

std::unique_ptr<ByteSource> FdSource(int fd, std::string name, bool owned) {
  return std::make_unique<FdSourceImpl>(fd, std::move(name), owned);
}

std::unique_ptr<ByteSource> MemorySource(std::string_view data) {
  return std::make_unique<MemorySourceImpl>(data);
}

std::unique_ptr<ByteSource> PrefixedSource(std::string prefix,
                                           std::unique_ptr<ByteSource> rest) {
  return std::make_unique<PrefixedSourceImpl>(std::move(prefix), std::move(rest));
}

std::unique_ptr<ByteSource> GzipSource(std::unique_ptr<ByteSource> compressed,
                                       std::string name, size_t buffer_bytes) {
  return std::make_unique<GzipSourceImpl>(std::move(compressed), std::move(name),
                                          buffer_bytes);
}

std::unique_ptr<ByteSource> ZstdSource(std::unique_ptr<ByteSource> compressed,
                                       std::string name, size_t buffer_bytes) {
  return std::make_unique<ZstdSourceImpl>(std::move(compressed), std::move(name),
                                          buffer_bytes);
}

Result<std::unique_ptr<ByteSource>> Decompressed(std::unique_ptr<ByteSource> raw,
                                                 const std::string& name,
                                                 size_t buffer_bytes) {
  std::string head(4, '\0');
  size_t have = 0;
  while (have < head.size()) {
    Result<size_t> got = raw->Read(head.data() + have, head.size() - have);
    if (!got.ok()) return got.status();
    if (*got == 0) break;
    have += *got;
  }
  head.resize(have);
  Compression c = DetectCompression(head);
  std::unique_ptr<ByteSource> src = PrefixedSource(std::move(head), std::move(raw));
  switch (c) {
    case Compression::kGzip:
      return GzipSource(std::move(src), name, buffer_bytes);
    case Compression::kZstd:
      return ZstdSource(std::move(src), name, buffer_bytes);
    case Compression::kNone:
      break;
  }
  return src;
}

Status InflateBounded(std::string_view in, size_t max_out, std::string* out) {
  out->clear();
  for (int window_bits : {15 + 32, -15}) {
    z_stream zs;
    std::memset(&zs, 0, sizeof(zs));
    if (inflateInit2(&zs, window_bits) != Z_OK) return InternalError("zlib initialisation failed");
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    zs.avail_in = static_cast<uInt>(std::min<size_t>(in.size(), UINT_MAX));
    char chunk[16384];
    int ret = Z_OK;
    while (true) {
      zs.next_out = reinterpret_cast<Bytef*>(chunk);
      zs.avail_out = sizeof(chunk);
      ret = inflate(&zs, Z_NO_FLUSH);
      size_t produced = sizeof(chunk) - zs.avail_out;
      if (out->size() + produced > max_out) {
        inflateEnd(&zs);
        return ResourceExhaustedError("decompressed payload exceeds " +
                                      std::to_string(max_out) + " bytes");
      }
      out->append(chunk, produced);
      if (ret == Z_STREAM_END) break;
      if (ret != Z_OK) break;  // Z_BUF_ERROR: input exhausted mid-stream
    }
    std::string msg = zs.msg != nullptr ? zs.msg : "";
    inflateEnd(&zs);
    if (ret == Z_STREAM_END) return Status::Ok();
    if (ret == Z_BUF_ERROR) return DataLossError("truncated compressed payload");
    if (window_bits < 0 || !out->empty()) {
      return DataLossError("corrupt compressed payload" + (msg.empty() ? "" : ": " + msg));
    }
    out->clear();  // No gzip/zlib header: retry as raw deflate.
  }
  return DataLossError("corrupt compressed payload");
}

}  // namespace storyline::ingest
