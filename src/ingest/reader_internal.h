// Internal reader plumbing: the shared base of the container readers and the
// factories that build a reader over any byte stream (used by OpenInput, by
// the tests, and by the fuzzers, which read from memory).
#ifndef STORYLINE_INGEST_READER_INTERNAL_H_
#define STORYLINE_INGEST_READER_INTERNAL_H_

#include <memory>
#include <string>
#include <string_view>

#include "ingest/buffered_input.h"
#include "ingest/byte_source.h"
#include "ingest/reader.h"

namespace storyline::ingest {

// Decompresses `raw` if needed, detects the container and returns its reader.
// `name` becomes RawRecord::input and prefixes every error message. Errors
// while sniffing (an I/O error, a corrupt first block) are reported by the
// reader's first Next call.
std::unique_ptr<RecordReader> OpenStream(std::unique_ptr<ByteSource> raw, std::string name,
                                         const ReadOptions& options);

// A reader over `data` in memory; `data` must outlive the reader.
std::unique_ptr<RecordReader> OpenMemory(std::string_view data, std::string name,
                                         const ReadOptions& options);

// A reader over an open file descriptor (not closed by the reader), e.g. 0.
std::unique_ptr<RecordReader> OpenFd(int fd, std::string name, const ReadOptions& options);

// Base of the container readers: owns the input, names records and turns a
// stream failure into the single final error.
class ReaderBase : public RecordReader {
 public:
  ReaderBase(std::unique_ptr<BufferedInput> in, std::string name, const ReadOptions& options)
      : in_(std::move(in)), name_(std::move(name)), options_(options) {}
  uint64_t bytes_read() const override { return in_->bytes_consumed(); }

 protected:
  // Clears *rec (keeping its string capacity) and sets input and container.
  void Begin(RawRecord* rec, InputFormat container) const;

  // Ends the input: the stream error `s`, re-worded to name `rec`.
  Status EndWith(const Status& s, const RawRecord& rec);

  std::unique_ptr<BufferedInput> in_;
  std::string name_;
  ReadOptions options_;
  bool done_ = false;
};

std::unique_ptr<RecordReader> NewJsonlReader(std::unique_ptr<BufferedInput> in,
                                             std::string name, const ReadOptions& options);
std::unique_ptr<RecordReader> NewWarcReader(std::unique_ptr<BufferedInput> in,
                                            std::string name, const ReadOptions& options);

}  // namespace storyline::ingest

#endif  // STORYLINE_INGEST_READER_INTERNAL_H_
