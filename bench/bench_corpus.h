// Loading of benchmark corpora from ../shared (read in place, never copied).
#ifndef STORYLINE_BENCH_BENCH_CORPUS_H_
#define STORYLINE_BENCH_BENCH_CORPUS_H_

#include <sys/resource.h>
#include <zlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/reader.h"

namespace storyline::bench {

inline std::string SharedDir() {
  const char* env = std::getenv("STORYLINE_SHARED");
  return env != nullptr ? env : STORYLINE_SHARED_DIR;
}

inline std::string Gunzip(const std::string& path) {
  std::string out;
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return out;
  char buf[65536];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, n);
  gzclose(f);
  return out;
}

// The Zyte development pages as raw HTML records.
inline std::vector<ingest::RawRecord> ZytePages() {
  std::vector<ingest::RawRecord> out;
  std::string dir = SharedDir() + "/data/extraction/zyte-dev/html";
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return out;
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(dir)) files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  for (const std::string& f : files) {
    ingest::RawRecord r;
    r.input = f;
    r.is_html = true;
    r.container = InputFormat::kHtml;
    r.content = Gunzip(f);
    out.push_back(std::move(r));
  }
  return out;
}

// The Timeline17 development articles (JSON Lines), read with the product's
// own reader so the records are exactly what ingest sees.
inline std::vector<ingest::RawRecord> Timeline17Articles(size_t max_articles) {
  std::vector<ingest::RawRecord> out;
  std::string dir = SharedDir() + "/data/timelines/timeline17-dev";
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return out;
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (e.path().filename() == "articles.jsonl") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  for (const std::string& f : files) {
    auto reader = ingest::OpenInput(f, {});
    if (!reader.ok()) continue;
    ingest::RawRecord r;
    for (;;) {
      auto more = (*reader)->Next(&r);
      if (!more.ok()) continue;
      if (!*more || out.size() >= max_articles) break;
      out.push_back(r);
    }
  }
  return out;
}

inline double PeakRssMb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024.0;
}

}  // namespace storyline::bench

#endif  // STORYLINE_BENCH_BENCH_CORPUS_H_
