// Readers: turn input files (or stdin) into a stream of raw records.
//
// A reader never holds a whole input file in memory: it streams through a
// decompressor (gzip, zstd) and a container parser (plain text, HTML, JSON
// Lines, WARC) and yields one RawRecord at a time. Bad records are reported
// one by one and reading continues with the next record whenever the format
// allows it (a malformed JSON line, an oversized record); a truncated
// compressed stream or WARC ends the input with a DataLoss error.
//
// What each container yields:
//   plain text / HTML file  one record; external_id = file stem; locator "".
//                           An empty (or all-whitespace) file is an
//                           InvalidData "empty file" error, a file of
//                           control bytes an InvalidData "binary data, not
//                           text" error.
//   JSON Lines              one record per non-blank line; locator "line N".
//   WARC                    one record per HTML `response` (2xx) and per
//                           text/html or text/plain `resource`; other
//                           records are skipped silently; external_id =
//                           WARC-Record-ID as written (with its <>), url =
//                           WARC-Target-URI, date = WARC-Date; locator
//                           "record N (offset X)", X the offset of the
//                           record in the decompressed stream.
//
// Thread-safety: a RecordReader is used by one thread at a time.
#ifndef STORYLINE_INGEST_READER_H_
#define STORYLINE_INGEST_READER_H_

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "storyline/article.h"
#include "storyline/status.h"

namespace storyline::ingest {

struct ReadOptions {
  // Largest record (article) accepted, in bytes after decompression; larger
  // records are rejected with ResourceExhausted and skipped.
  size_t max_record_bytes = 16u << 20;
  // Format to assume instead of detecting it (kUnknown: detect from the
  // content and the file name).
  InputFormat force_format = InputFormat::kUnknown;
  // Size of the read buffer.
  size_t buffer_bytes = 1u << 16;
};

// One record as the container gave it, before any cleaning.
struct RawRecord {
  std::string input;    // path, or "-" for stdin
  std::string locator;  // "line 12", "record 3 (offset 4521)", "" for a whole file
  InputFormat container = InputFormat::kUnknown;  // kText, kHtml, kJsonl, kWarc
  bool is_html = false;  // content is HTML (else plain text)
  std::string content;   // raw bytes; not yet decoded or validated
  std::string charset;   // declared charset if any (HTTP header, JSON: "utf-8")

  // Metadata the container states (empty when it does not).
  std::string external_id;  // JSONL id, or the file name stem for .txt/.html
  std::string url;          // JSONL url, WARC-Target-URI
  std::string outlet;       // JSONL source / outlet / publisher
  std::string title;        // JSONL title / headline
  std::string date;         // JSONL date / published / ..., WARC-Date (raw string)
  std::string date_source;  // "jsonl:published", "warc:WARC-Date", ...

  // "input" or "input: locator": how error messages name this record.
  std::string Name() const;
};

class RecordReader {
 public:
  virtual ~RecordReader() = default;

  // Reads the next record into *rec (overwriting it).
  //   true            a record was read
  //   false           end of input
  //   error Status    this record (named in the message, and in rec->locator)
  //                   is bad; call Next again to continue with the next one.
  //                   Once the input cannot be read further (truncation, an
  //                   I/O error), the error is reported once and Next then
  //                   returns false.
  virtual Result<bool> Next(RawRecord* rec) = 0;

  // Bytes consumed from the underlying file so far (compressed bytes for a
  // compressed input), for progress reporting.
  virtual uint64_t bytes_read() const = 0;
};

// Opens `path` ("-" reads stdin) and detects its format from the content
// (gzip and zstd magic numbers, "WARC/", JSON, HTML markup) and the file name.
Result<std::unique_ptr<RecordReader>> OpenInput(const std::string& path,
                                                const ReadOptions& options);

// Expands `paths` into the files to read: files as given, directories
// recursively (sorted, hidden files skipped), "-" kept as is.
Result<std::vector<std::string>> ExpandInputs(const std::vector<std::string>& paths);

}  // namespace storyline::ingest

#endif  // STORYLINE_INGEST_READER_H_
