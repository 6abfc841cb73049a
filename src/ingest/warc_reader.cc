// WARC reader (ISO 28500, WARC/1.0 and WARC/1.1).
//
// A record is a version line, header lines up to an empty line, and a block
// of exactly Content-Length bytes. Only the records that carry a page are
// read into memory: `response` records whose HTTP payload is HTML (after
// undoing chunked transfer coding and gzip/deflate content coding) and
// `resource` records of type text/html or text/plain. Everything else
// (request, metadata, warcinfo, revisit, images, redirects) is skipped
// without buffering. When the bytes where a record should start are not a
// version line, the reader reports the garbage once and resynchronises on
// the next line that starts with "WARC/1.". A block cut short by the end of
// the file is a truncated WARC: DataLoss, and the input ends.
#include <cstdlib>
#include <string>
#include <string_view>

#include "ingest/reader_internal.h"
#include "ingest/sniff.h"

namespace storyline::ingest {
namespace {

// Headers of one record are bounded independently of the block.
constexpr size_t kMaxHeaderLines = 512;

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool IEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::string LowerCopy(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

// "text/html; charset=UTF-8" -> media "text/html", charset "UTF-8".
void ParseContentType(std::string_view value, std::string* media, std::string* charset) {
  size_t semi = value.find(';');
  *media = LowerCopy(Trim(value.substr(0, semi)));
  charset->clear();
  while (semi != std::string_view::npos) {
    std::string_view rest = value.substr(semi + 1);
    semi = rest.find(';');
    std::string_view param = Trim(rest.substr(0, semi));
    value = rest;
    size_t eq = param.find('=');
    if (eq == std::string_view::npos || !IEquals(Trim(param.substr(0, eq)), "charset")) continue;
    std::string_view v = Trim(param.substr(eq + 1));
    if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front()) {
      v = v.substr(1, v.size() - 2);
    }
    *charset = std::string(Trim(v));
  }
}

bool ParseLength(std::string_view s, uint64_t* out) {
  s = Trim(s);
  if (s.empty() || s.size() > 19) return false;
  uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  *out = v;
  return true;
}

// Splits "Name: value" lines starting at `pos` in `block` until an empty
// line; returns the offset after it, or npos when the headers do not end.
template <typename F>
size_t ParseHttpHeaders(std::string_view block, size_t pos, F&& on_header) {
  while (pos < block.size()) {
    size_t nl = block.find('\n', pos);
    if (nl == std::string_view::npos) return std::string_view::npos;
    std::string_view line = block.substr(pos, nl - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = nl + 1;
    if (line.empty()) return pos;
    size_t colon = line.find(':');
    if (colon != std::string_view::npos) on_header(line.substr(0, colon), Trim(line.substr(colon + 1)));
  }
  return std::string_view::npos;
}

// Undoes HTTP/1.1 chunked transfer coding. False when malformed.
bool Dechunk(std::string_view in, std::string* out) {
  out->clear();
  size_t pos = 0;
  while (true) {
    size_t nl = in.find('\n', pos);
    if (nl == std::string_view::npos) return false;
    std::string_view size_line = in.substr(pos, nl - pos);
    size_t semi = size_line.find(';');
    size_line = Trim(size_line.substr(0, semi));
    if (size_line.empty() || size_line.size() > 15) return false;
    uint64_t size = 0;
    for (char c : size_line) {
      int d = (c >= '0' && c <= '9')   ? c - '0'
              : (c >= 'a' && c <= 'f') ? c - 'a' + 10
              : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                       : -1;
      if (d < 0) return false;
      size = size * 16 + static_cast<uint64_t>(d);
    }
    pos = nl + 1;
    if (size == 0) return true;  // trailers, if any, are ignored
    if (size > in.size() - pos) return false;
    out->append(in.data() + pos, size);
    pos += size;
    if (pos < in.size() && in[pos] == '\r') ++pos;
    if (pos < in.size() && in[pos] == '\n') ++pos;
  }
}

class WarcReader final : public ReaderBase {
 public:
  using ReaderBase::ReaderBase;

  Result<bool> Next(RawRecord* rec) override {
    while (!done_) {
      Begin(rec, InputFormat::kWarc);
      if (!have_version_) {
        Result<bool> found = FindVersionLine(rec);
        if (!found.ok()) return found.status();
        if (!*found) return false;
        if (!have_version_) continue;
      }
      have_version_ = false;
      ++record_no_;
      rec->locator = "record " + std::to_string(record_no_) + " (offset " +
                     std::to_string(version_offset_) + ")";
      Result<bool> r = ReadRecord(rec);
      if (!r.ok() || *r) return r;
    }
    return false;
  }

 private:
  // Skips blank lines (and reports garbage) up to the next "WARC/1." line.
  // Returns false at a clean end of input. Returns an error for garbage
  // (with have_version_ set when a record follows it).
  Result<bool> FindVersionLine(RawRecord* rec) {
    uint64_t garbage = 0;
    uint64_t garbage_offset = 0;
    while (true) {
      uint64_t start = in_->offset();
      std::string_view line;
      uint64_t skipped = 0;
      Result<BufferedInput::LineResult> r = in_->ReadLine(&line, &skipped);
      if (!r.ok()) {
        rec->locator = "offset " + std::to_string(start);
        return EndWith(r.status(), *rec);
      }
      if (*r == BufferedInput::LineResult::kEnd) {
        done_ = true;
        if (garbage > 0 && !quiet_resync_) {
          rec->locator = "offset " + std::to_string(garbage_offset);
          return InvalidDataError(rec->Name() + ": " + std::to_string(garbage) +
                                  " bytes of data that is not a WARC record at the end of the file");
        }
        return false;
      }
      if (*r == BufferedInput::LineResult::kLine) {
        std::string_view t = Trim(line);
        if (t.empty() && garbage == 0) continue;
        if (t.starts_with("WARC/1.")) {
          version_offset_ = start;
          have_version_ = true;
          if (garbage == 0 || quiet_resync_) {
            quiet_resync_ = false;
            return true;
          }
          rec->locator = "offset " + std::to_string(garbage_offset);
          return InvalidDataError(rec->Name() + ": skipped " + std::to_string(garbage) +
                                  " bytes that are not a WARC record (resynchronised at offset " +
                                  std::to_string(start) + ")");
        }
        skipped = line.size();
      }
      if (garbage == 0) garbage_offset = start;
      garbage += skipped + 1;
    }
  }

  // Reads the record after its version line. True: *rec holds a page.
  // False: the record was skipped silently. Error: a bad record.
  Result<bool> ReadRecord(RawRecord* rec) {
    uint64_t length = 0;
    bool have_length = false;
    std::string type;
    std::string content_type;
    std::string last_name;
    for (size_t n = 0;; ++n) {
      std::string_view line;
      uint64_t skipped = 0;
      Result<BufferedInput::LineResult> r = in_->ReadLine(&line, &skipped);
      if (!r.ok()) return EndWith(r.status(), *rec);
      if (*r == BufferedInput::LineResult::kEnd) {
        done_ = true;
        return DataLossError(rec->Name() + ": truncated WARC: the file ends inside the record headers");
      }
      if (*r == BufferedInput::LineResult::kTooLong || n >= kMaxHeaderLines) {
        quiet_resync_ = true;
        return InvalidDataError(rec->Name() + ": WARC headers too long; record skipped");
      }
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (line.empty()) break;
      if (line.front() == ' ' || line.front() == '\t') continue;  // folded continuation
      size_t colon = line.find(':');
      if (colon == std::string_view::npos) continue;
      std::string_view key = Trim(line.substr(0, colon));
      std::string_view value = Trim(line.substr(colon + 1));
      if (IEquals(key, "Content-Length")) {
        have_length = ParseLength(value, &length);
      } else if (IEquals(key, "WARC-Type")) {
        type = LowerCopy(value);
      } else if (IEquals(key, "WARC-Target-URI")) {
        if (value.size() >= 2 && value.front() == '<' && value.back() == '>') {
          value = value.substr(1, value.size() - 2);
        }
        rec->url = std::string(value);
      } else if (IEquals(key, "WARC-Date")) {
        rec->date = std::string(value);
        rec->date_source = "warc:WARC-Date";
      } else if (IEquals(key, "WARC-Record-ID")) {
        rec->external_id = std::string(value);
      } else if (IEquals(key, "Content-Type")) {
        content_type = std::string(value);
      }
    }
    if (!have_length) {
      quiet_resync_ = true;
      return InvalidDataError(rec->Name() + ": missing or invalid Content-Length; record skipped");
    }

    bool wanted = type == "response" || type == "resource";
    if (!wanted || length > options_.max_record_bytes) {
      Result<uint64_t> got = in_->Skip(length);
      if (!got.ok()) return EndWith(got.status(), *rec);
      if (*got < length) return Truncated(*got, length, *rec);
      if (!wanted) return false;
      return ResourceExhaustedError(rec->Name() + ": WARC block of " + std::to_string(length) +
                                    " bytes exceeds max_record_bytes (" +
                                    std::to_string(options_.max_record_bytes) + "); skipped");
    }
    block_.clear();
    Result<uint64_t> got = in_->Read(length, &block_);
    if (!got.ok()) return EndWith(got.status(), *rec);
    if (*got < length) return Truncated(*got, length, *rec);

    if (type == "resource") {
      std::string media;
      ParseContentType(content_type, &media, &rec->charset);
      if (media == "text/html" || media == "application/xhtml+xml") {
        rec->is_html = true;
      } else if (media != "text/plain") {
        return false;
      }
      rec->content.swap(block_);
      return true;
    }
    return ParseHttpResponse(rec);
  }

  Status Truncated(uint64_t got, uint64_t length, const RawRecord& rec) {
    done_ = true;
    return DataLossError(rec.Name() + ": truncated WARC: the record block has " +
                         std::to_string(got) + " of its " + std::to_string(length) + " bytes");
  }

  // block_ holds an HTTP response; keeps it when it is a 2xx HTML page.
  Result<bool> ParseHttpResponse(RawRecord* rec) {
    std::string_view block = block_;
    if (!block.starts_with("HTTP/")) {
      return InvalidDataError(rec->Name() + ": response record without an HTTP status line");
    }
    size_t nl = block.find('\n');
    std::string_view status_line = block.substr(0, nl);
    size_t sp = status_line.find(' ');
    int status = 0;
    if (sp != std::string_view::npos) status = std::atoi(std::string(status_line.substr(sp + 1, 3)).c_str());
    std::string content_type, transfer_encoding, content_encoding;
    size_t body = nl == std::string_view::npos
                      ? nl
                      : ParseHttpHeaders(block, nl + 1, [&](std::string_view k, std::string_view v) {
                          if (IEquals(k, "Content-Type")) content_type = std::string(v);
                          else if (IEquals(k, "Transfer-Encoding")) transfer_encoding = LowerCopy(v);
                          else if (IEquals(k, "Content-Encoding")) content_encoding = LowerCopy(v);
                        });
    if (body == std::string_view::npos) {
      return InvalidDataError(rec->Name() + ": HTTP headers do not end");
    }
    if (status < 200 || status > 299) return false;
    std::string media;
    ParseContentType(content_type, &media, &rec->charset);
    std::string_view payload = block.substr(body);
    if (!media.empty() && media != "text/html" && media != "application/xhtml+xml") return false;

    if (transfer_encoding.find("chunked") != std::string::npos) {
      if (!Dechunk(payload, &scratch_)) {
        return InvalidDataError(rec->Name() + ": malformed chunked transfer encoding");
      }
      scratch_.swap(block_);
      payload = block_;
    }
    if (content_encoding == "gzip" || content_encoding == "x-gzip" ||
        content_encoding == "deflate") {
      Status s = InflateBounded(payload, options_.max_record_bytes, &scratch_);
      if (!s.ok()) {
        return Status(s.code(), rec->Name() + ": HTTP payload (" + content_encoding +
                                    "): " + s.message());
      }
      scratch_.swap(block_);
      payload = block_;
    } else if (!content_encoding.empty() && content_encoding != "identity") {
      return InvalidDataError(rec->Name() + ": unsupported HTTP Content-Encoding '" +
                              content_encoding + "'");
    }
    if (media.empty() && !LooksLikeHtml(payload)) return false;
    rec->content.assign(payload.data(), payload.size());
    rec->is_html = true;
    return true;
  }

  uint64_t record_no_ = 0;
  uint64_t version_offset_ = 0;
  bool have_version_ = false;
  bool quiet_resync_ = false;  // the last record was bad: skip to the next one silently
  std::string block_;
  std::string scratch_;
};

}  // namespace

std::unique_ptr<RecordReader> NewWarcReader(std::unique_ptr<BufferedInput> in,
                                            std::string name, const ReadOptions& options) {
  return std::make_unique<WarcReader>(std::move(in), std::move(name), options);
}

}  // namespace storyline::ingest
