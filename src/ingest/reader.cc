// OpenInput: file -> decompressor -> format sniffing -> container reader.
//
// Format detection runs on the first decompressed kilobytes, so a .gz or a
// misnamed file is read by what it contains; the file name only breaks ties
// (an HTML page without markup at the top, a WARC with leading garbage).
// Plain-text and HTML files are one record each and are the only readers
// that look at the whole file, within max_record_bytes.
#include <algorithm>
#include <filesystem>
#include <system_error>
#include <utility>

#include "ingest/encoding.h"
#include "ingest/reader.h"
#include "ingest/reader_internal.h"
#include "ingest/sniff.h"

namespace storyline::ingest {
namespace {

// Reports one error, then the end of input.
class ErrorReader final : public RecordReader {
 public:
  ErrorReader(std::string name, Status error)
      : name_(std::move(name)), error_(std::move(error)) {}
  Result<bool> Next(RawRecord* rec) override {
    if (done_) return false;
    done_ = true;
    *rec = RawRecord{};
    rec->input = name_;
    return error_;
  }
  uint64_t bytes_read() const override { return 0; }

 private:
  std::string name_;
  Status error_;
  bool done_ = false;
};

bool AllSpace(std::string_view s) {
  for (char c : s) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') return false;
  }
  return true;
}

// A plain-text or HTML file: the whole file is one record.
class WholeFileReader final : public ReaderBase {
 public:
  WholeFileReader(std::unique_ptr<BufferedInput> in, std::string name,
                  const ReadOptions& options, InputFormat format)
      : ReaderBase(std::move(in), std::move(name), options), format_(format) {}

  Result<bool> Next(RawRecord* rec) override {
    if (done_) return false;
    done_ = true;
    Begin(rec, format_);
    rec->is_html = format_ == InputFormat::kHtml;
    if (name_ != "-") rec->external_id = std::string(FileStem(name_));
    const uint64_t max = options_.max_record_bytes;
    Result<uint64_t> got = in_->Read(max + 1, &rec->content);
    if (!got.ok()) return EndWith(got.status(), *rec);
    if (*got > max) {
      rec->content.clear();
      return ResourceExhaustedError(rec->Name() + ": file is larger than max_record_bytes (" +
                                    std::to_string(max) + " bytes); skipped");
    }
    if (AllSpace(rec->content)) {
      return InvalidDataError(rec->Name() + ": empty file (only whitespace)");
    }
    if (DetectBom(rec->content).length == 0 &&
        ControlShare(rec->content) > DecodeOptions{}.max_control_share) {
      return InvalidDataError(rec->Name() + ": binary data, not text");
    }
    return true;
  }

 private:
  InputFormat format_;
};

}  // namespace

std::string RawRecord::Name() const {
  if (locator.empty()) return input;
  return input + ": " + locator;
}

void ReaderBase::Begin(RawRecord* rec, InputFormat container) const {
  rec->input = name_;
  rec->locator.clear();
  rec->container = container;
  rec->is_html = false;
  rec->content.clear();
  rec->charset.clear();
  rec->external_id.clear();
  rec->url.clear();
  rec->outlet.clear();
  rec->title.clear();
  rec->date.clear();
  rec->date_source.clear();
}

Status ReaderBase::EndWith(const Status& s, const RawRecord& rec) {
  done_ = true;
  std::string_view msg = s.message();
  std::string prefix = name_ + ": ";
  if (msg.starts_with(prefix)) msg.remove_prefix(prefix.size());
  return Status(s.code(), rec.Name() + ": " + std::string(msg));
}

std::unique_ptr<RecordReader> OpenStream(std::unique_ptr<ByteSource> raw, std::string name,
                                         const ReadOptions& options) {
  Result<std::unique_ptr<ByteSource>> source =
      Decompressed(std::move(raw), name, options.buffer_bytes);
  if (!source.ok()) return std::make_unique<ErrorReader>(name, source.status());
  auto in = std::make_unique<BufferedInput>(std::move(*source), options.buffer_bytes,
                                            options.max_record_bytes);
  Result<std::string_view> head = in->Peek(kSniffBytes);
  if (!head.ok()) return std::make_unique<ErrorReader>(name, head.status());
  if (head->empty()) {
    return std::make_unique<ErrorReader>(name, InvalidDataError(name + ": empty file"));
  }
  InputFormat format = options.force_format != InputFormat::kUnknown
                           ? options.force_format
                           : DetectFormat(*head, name);
  switch (format) {
    case InputFormat::kJsonl:
      return NewJsonlReader(std::move(in), std::move(name), options);
    case InputFormat::kWarc:
      return NewWarcReader(std::move(in), std::move(name), options);
    case InputFormat::kHtml:
    case InputFormat::kText:
    case InputFormat::kUnknown:
      break;
  }
  if (format == InputFormat::kUnknown) format = InputFormat::kText;
  return std::make_unique<WholeFileReader>(std::move(in), std::move(name), options, format);
}

std::unique_ptr<RecordReader> OpenMemory(std::string_view data, std::string name,
                                         const ReadOptions& options) {
  return OpenStream(MemorySource(data), std::move(name), options);
}

std::unique_ptr<RecordReader> OpenFd(int fd, std::string name, const ReadOptions& options) {
  std::string source_name = name;
  return OpenStream(FdSource(fd, std::move(source_name), /*owned=*/false), std::move(name),
                    options);
}

Result<std::unique_ptr<RecordReader>> OpenInput(const std::string& path,
                                                const ReadOptions& options) {
  STORYLINE_ASSIGN_OR_RETURN(std::unique_ptr<ByteSource> raw,
                             OpenFileSource(path, options.buffer_bytes));
  return OpenStream(std::move(raw), path, options);
}

Result<std::vector<std::string>> ExpandInputs(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  for (const std::string& path : paths) {
    if (path == "-") {
      out.push_back(path);
      continue;
    }
    std::error_code ec;
    fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
      return NotFoundError(path + ": no such file or directory");
    }
    if (!fs::is_directory(st)) {
      out.push_back(path);
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(path, fs::directory_options::none, ec);
    if (ec) return IoError(path + ": cannot list directory: " + ec.message());
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) return IoError(path + ": cannot list directory: " + ec.message());
      const fs::path& p = it->path();
      std::string leaf = p.filename().string();
      if (!leaf.empty() && leaf.front() == '.') {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(ec)) found.push_back(p.string());
    }
    if (ec) return IoError(path + ": cannot list directory: " + ec.message());
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

}  // namespace storyline::ingest
