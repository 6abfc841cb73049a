// Helpers for the ingest tests: temporary files, compression of fixtures,
// and draining a reader. Test-only.
#ifndef STORYLINE_INGEST_TEST_UTIL_H_
#define STORYLINE_INGEST_TEST_UTIL_H_

#include <zlib.h>
#include <zstd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/reader.h"
#include "storyline/status.h"

namespace storyline::ingest::testing {

// A fresh directory under $TMPDIR, removed with everything in it on scope exit.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "storyline_ingest_XXXXXX").string();
    char* made = mkdtemp(tmpl.data());
    path_ = made != nullptr ? made : "";
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }

  // Writes `content` to path()/name (creating folders) and returns the path.
  std::string Write(const std::string& name, std::string_view content) const {
    std::filesystem::path p = std::filesystem::path(path_) / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    return p.string();
  }

 private:
  std::string path_;
};

// One gzip member holding `data`.
inline std::string Gzip(std::string_view data) {
  z_stream zs{};
  deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, data.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

// One zstd frame holding `data`.
inline std::string Zstd(std::string_view data) {
  std::string out(ZSTD_compressBound(data.size()), '\0');
  size_t n = ZSTD_compress(out.data(), out.size(), data.data(), data.size(), 3);
  out.resize(ZSTD_isError(n) ? 0 : n);
  return out;
}

// Everything a reader yields, in order: records and errors.
struct Drained {
  std::vector<RawRecord> records;
  std::vector<Status> errors;
  // Records and errors interleaved: "R:<external_id>" or "E:<code>".
  std::vector<std::string> sequence;
};

inline Drained Drain(RecordReader& reader, size_t limit = 100000) {
  Drained d;
  for (size_t i = 0; i < limit; ++i) {
    RawRecord rec;
    Result<bool> r = reader.Next(&rec);
    if (!r.ok()) {
      d.errors.push_back(r.status());
      d.sequence.push_back("E:" + std::string(StatusCodeName(r.status().code())));
      continue;
    }
    if (!*r) break;
    d.sequence.push_back("R:" + rec.external_id);
    d.records.push_back(std::move(rec));
  }
  return d;
}

}  // namespace storyline::ingest::testing

#endif  // STORYLINE_INGEST_TEST_UTIL_H_
