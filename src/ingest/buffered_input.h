// BufferedInput: lines and byte runs over a ByteSource with bounded memory.
// Internal to src/ingest.
//
// The buffer starts at `buffer_bytes` and grows only as far as one line of
// `max_line_bytes` needs. A longer line is not buffered: it is skipped chunk
// by chunk up to its newline and reported as kTooLong with its length, so a
// 50 MB line costs no more memory than a short one.
//
// Views returned by Peek and ReadLine stay valid until the next call.
#ifndef STORYLINE_INGEST_BUFFERED_INPUT_H_
#define STORYLINE_INGEST_BUFFERED_INPUT_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "ingest/byte_source.h"
#include "storyline/status.h"

namespace storyline::ingest {

class BufferedInput {
 public:
  BufferedInput(std::unique_ptr<ByteSource> source, size_t buffer_bytes,
                size_t max_line_bytes);

  // The next `n` bytes without consuming them (fewer at end of input).
  Result<std::string_view> Peek(size_t n);

  enum class LineResult { kLine, kTooLong, kEnd };
  // Reads the next line into *line, without its '\n' (a '\r' before it is
  // kept). The last line may lack a '\n'. kTooLong: the line was longer than
  // max_line_bytes and has been skipped; *skipped holds its length.
  Result<LineResult> ReadLine(std::string_view* line, uint64_t* skipped);

  // Appends up to `n` bytes to *out; returns how many (fewer only at end of
  // input).
  Result<uint64_t> Read(uint64_t n, std::string* out);

  // Discards up to `n` bytes; returns how many (fewer only at end of input).
  Result<uint64_t> Skip(uint64_t n);

  // Offset of the next unread byte in the (decompressed) stream.
  uint64_t offset() const { return base_offset_ + begin_; }
  // Bytes consumed from the underlying file (compressed).
  uint64_t bytes_consumed() const { return source_->bytes_consumed(); }
  // Current buffer size in bytes (tests check that it stays bounded).
  size_t buffer_capacity() const { return cap_; }
  // True once the end of input was reached and the buffer is drained.
  bool AtEnd() const { return eof_ && begin_ == end_; }

 private:
  // Moves the unread bytes to the front and reads more, growing the buffer to
  // at least `want` bytes of capacity. Returns false at end of input.
  Result<bool> Fill(size_t want);

  std::unique_ptr<ByteSource> source_;
  size_t buffer_bytes_;
  size_t max_line_bytes_;
  std::unique_ptr<char[]> buf_;
  size_t cap_ = 0;
  size_t begin_ = 0;  // first unread byte
  size_t end_ = 0;    // one past the last buffered byte
  uint64_t base_offset_ = 0;  // stream offset of buf_[0]
  bool eof_ = false;
};

}  // namespace storyline::ingest

#endif  // STORYLINE_INGEST_BUFFERED_INPUT_H_
