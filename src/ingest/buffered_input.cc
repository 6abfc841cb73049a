// BufferedInput: one sliding buffer, memchr for line ends, and a skip mode
// for over-long lines that reads and discards chunks until the next newline
// instead of growing the buffer.
#include "ingest/buffered_input.h"

#include <algorithm>
#include <cstring>
#include <utility>

namespace storyline::ingest {

BufferedInput::BufferedInput(std::unique_ptr<ByteSource> source, size_t buffer_bytes,
                             size_t max_line_bytes)
    : source_(std::move(source)),
      buffer_bytes_(std::max<size_t>(buffer_bytes, 64)),
      max_line_bytes_(std::max<size_t>(max_line_bytes, 1)),
      buf_(new char[buffer_bytes_]),
      cap_(buffer_bytes_) {}

Result<bool> BufferedInput::Fill(size_t want) {
  if (eof_) return false;
  if (begin_ > 0) {
    std::memmove(buf_.get(), buf_.get() + begin_, end_ - begin_);
    base_offset_ += begin_;
    end_ -= begin_;
    begin_ = 0;
  }
  if (want > cap_ || end_ == cap_) {
    // Grow, but never much beyond what one maximal line needs.
    size_t limit = std::max(buffer_bytes_, max_line_bytes_ + 1);
    size_t new_cap = std::max(want, std::min(cap_ * 2, limit));
    if (new_cap <= cap_) new_cap = cap_ + buffer_bytes_;
    std::unique_ptr<char[]> grown(new char[new_cap]);
    std::memcpy(grown.get(), buf_.get(), end_);
    buf_ = std::move(grown);
    cap_ = new_cap;
  }
  Result<size_t> got = source_->Read(buf_.get() + end_, cap_ - end_);
  if (!got.ok()) return got.status();
  if (*got == 0) {
    eof_ = true;
    return false;
  }
  end_ += *got;
  return true;
}

Result<std::string_view> BufferedInput::Peek(size_t n) {
  while (end_ - begin_ < n && !eof_) {
    Result<bool> more = Fill(n);
    // A failing stream still shows what it gave before failing; the error
    // comes back (the sources are sticky) when the reader gets that far.
    if (!more.ok()) {
      if (end_ > begin_) break;
      return more.status();
    }
  }
  return std::string_view(buf_.get() + begin_, std::min(n, end_ - begin_));
}

Result<BufferedInput::LineResult> BufferedInput::ReadLine(std::string_view* line,
                                                          uint64_t* skipped) {
  size_t scanned = 0;  // bytes of the pending line already searched
  while (true) {
    const char* start = buf_.get() + begin_;
    size_t avail = end_ - begin_;
    const void* nl = std::memchr(start + scanned, '\n', avail - scanned);
    if (nl != nullptr) {
      size_t len = static_cast<const char*>(nl) - start;
      begin_ += len + 1;
      if (len > max_line_bytes_) {
        *skipped = len;
        return LineResult::kTooLong;
      }
      *line = std::string_view(start, len);
      return LineResult::kLine;
    }
    scanned = avail;
    if (avail > max_line_bytes_) break;  // too long: skip the rest below
    if (eof_) {
      if (avail == 0) return LineResult::kEnd;
      *line = std::string_view(start, avail);
      begin_ = end_;
      return LineResult::kLine;
    }
    Result<bool> more = Fill(avail + 1);
    if (!more.ok()) return more.status();
  }

  // Skip mode: discard chunk after chunk until the newline.
  uint64_t total = end_ - begin_;
  base_offset_ += end_;
  begin_ = end_ = 0;
  while (true) {
    Result<size_t> got = source_->Read(buf_.get(), cap_);
    if (!got.ok()) return got.status();
    if (*got == 0) {
      eof_ = true;
      break;
    }
    const void* nl = std::memchr(buf_.get(), '\n', *got);
    if (nl != nullptr) {
      size_t len = static_cast<const char*>(nl) - buf_.get();
      total += len;
      end_ = *got;
      begin_ = len + 1;
      break;
    }
    total += *got;
    base_offset_ += *got;
  }
  *skipped = total;
  return LineResult::kTooLong;
}

Result<uint64_t> BufferedInput::Read(uint64_t n, std::string* out) {
  uint64_t done = 0;
  while (done < n) {
    if (begin_ < end_) {
      size_t take = static_cast<size_t>(std::min<uint64_t>(n - done, end_ - begin_));
      out->append(buf_.get() + begin_, take);
      begin_ += take;
      done += take;
      continue;
    }
    if (eof_) break;
    uint64_t left = n - done;
    if (left < cap_ / 2) {
      Result<bool> more = Fill(0);
      if (!more.ok()) return more.status();
      continue;
    }
    // Large remainder: read straight into the output, bypassing the buffer.
    base_offset_ += end_;
    begin_ = end_ = 0;
    size_t chunk = static_cast<size_t>(std::min<uint64_t>(left, std::max<size_t>(cap_, 1 << 16)));
    size_t old = out->size();
    out->resize(old + chunk);
    Result<size_t> got = source_->Read(out->data() + old, chunk);
    if (!got.ok()) {
      out->resize(old);
      return got.status();
    }
    out->resize(old + *got);
    if (*got == 0) {
      eof_ = true;
      break;
    }
    base_offset_ += *got;
    done += *got;
  }
  return done;
}

Result<uint64_t> BufferedInput::Skip(uint64_t n) {
  uint64_t done = 0;
  while (done < n) {
    if (begin_ < end_) {
      size_t take = static_cast<size_t>(std::min<uint64_t>(n - done, end_ - begin_));
      begin_ += take;
      done += take;
      continue;
    }
    if (eof_) break;
    base_offset_ += end_;
    begin_ = end_ = 0;
    Result<size_t> got = source_->Read(buf_.get(), cap_);
    if (!got.ok()) return got.status();
    if (*got == 0) {
      eof_ = true;
      break;
    }
    end_ = *got;
  }
  return done;
}

}  // namespace storyline::ingest
