// Byte streams under the record readers: files, stdin, memory, and the gzip
// and zstd decompressors that wrap them. Internal to src/ingest.
//
// A ByteSource hands out bytes in caller-sized chunks and never holds more
// than one buffer of its input. Errors are sticky: after a source has
// returned an error (a truncated or corrupt compressed stream, an I/O error),
// the caller must not read it again.
//
// Thread-safety: a ByteSource is used by one thread at a time.
#ifndef STORYLINE_INGEST_BYTE_SOURCE_H_
#define STORYLINE_INGEST_BYTE_SOURCE_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "storyline/status.h"

namespace storyline::ingest {

class ByteSource {
 public:
  virtual ~ByteSource() = default;

  // Reads up to `n` (> 0) bytes into `buf`. Returns the number of bytes read,
  // 0 only at the end of the stream. Errors name the input and the byte
  // offset (in the underlying file) where reading failed.
  virtual Result<size_t> Read(char* buf, size_t n) = 0;

  // Bytes consumed from the underlying file so far (compressed bytes for a
  // decompressor).
  virtual uint64_t bytes_consumed() const = 0;
};

enum class Compression { kNone, kGzip, kZstd };

// Compression announced by the first bytes of a stream (1f 8b: gzip,
// 28 b5 2f fd: zstd).
Compression DetectCompression(std::string_view head);

// Opens `path` for reading ("-" is stdin). NotFound when it does not exist,
// InvalidArgument for a directory, IoError otherwise.
Result<std::unique_ptr<ByteSource>> OpenFileSource(const std::string& path,
                                                   size_t buffer_bytes);

// Reads from an open file descriptor; closes it on destruction when `owned`.
std::unique_ptr<ByteSource> FdSource(int fd, std::string name, bool owned);

// Reads from memory; `data` must outlive the source.
std::unique_ptr<ByteSource> MemorySource(std::string_view data);

// Serves `prefix` first, then the rest of `rest` (used after sniffing the
// first bytes of a stream that cannot seek, such as stdin).
std::unique_ptr<ByteSource> PrefixedSource(std::string prefix,
                                           std::unique_ptr<ByteSource> rest);

// Decompressors. `name` is used in error messages. Both accept several
// concatenated members / frames (as in per-record compressed .warc.gz files)
// and report a stream that ends inside a member as DataLoss.
std::unique_ptr<ByteSource> GzipSource(std::unique_ptr<ByteSource> compressed,
                                       std::string name, size_t buffer_bytes);
std::unique_ptr<ByteSource> ZstdSource(std::unique_ptr<ByteSource> compressed,
                                       std::string name, size_t buffer_bytes);

// Sniffs the compression of `raw` (reading its first bytes) and returns a
// source of the decompressed bytes.
Result<std::unique_ptr<ByteSource>> Decompressed(std::unique_ptr<ByteSource> raw,
                                                 const std::string& name,
                                                 size_t buffer_bytes);

// Inflates a whole in-memory gzip, zlib or raw deflate buffer (HTTP
// Content-Encoding) into *out. ResourceExhausted when the output would pass
// `max_out` bytes, DataLoss when the data is corrupt or truncated.
Status InflateBounded(std::string_view in, size_t max_out, std::string* out);

}  // namespace storyline::ingest

#endif  // STORYLINE_INGEST_BYTE_SOURCE_H_
