// Pipeline: from input paths to stored, cleaned, dated, sentence-split articles.
//
//   reader (ingest/) -> decode (ingest/encoding) -> main content (html/ or
//   clean/) -> metadata (meta/) -> normalise + segment (text/) -> hash -> Store
//
// BuildArticle is the pure per-record step (thread-safe); Ingest drives
// readers, BuildArticle and the Store, committing in batches so that a
// killed ingest loses only its open batch and a re-run completes it (content
// hashes make re-storing a no-op).
#ifndef STORYLINE_PIPELINE_H_
#define STORYLINE_PIPELINE_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "clean/text_clean.h"
#include "html/extract.h"
#include "ingest/reader.h"
#include "storyline/article.h"
#include "storyline/status.h"
#include "storyline/store.h"
#include "text/normalize.h"

namespace storyline {

struct PipelineOptions {
  ingest::ReadOptions read;            // record size limit, forced format
  html::HtmlExtractOptions html;       // HTML parser and extraction
  clean::TextCleanOptions clean;       // boilerplate removal
  text::NormalizeOptions normalize;    // NFC, quotes, white space
  size_t min_body_chars = 40;          // shorter bodies are rejected as "no article text"
};

// Builds one Article from a raw record. Errors are InvalidData (undecodable,
// no article text) naming the record.
Result<Article> BuildArticle(const ingest::RawRecord& record, const PipelineOptions& options);

struct IngestOptions {
  PipelineOptions pipeline;
  int64_t batch_size = 256;        // articles per transaction
  std::string command;             // recorded in ingest_runs
  // When set and it becomes true (e.g. from a SIGINT handler), Ingest stops
  // after the current record, commits what it has, and reports interrupted.
  const std::atomic<bool>* cancel = nullptr;
};

struct IngestProgress {
  IngestCounts counts;
  size_t files_done = 0;
  size_t files_total = 0;
  std::string current_input;
  double seconds = 0;
};

struct IngestReport {
  IngestCounts counts;
  // Rejected records grouped by reason category ("malformed JSON", ...).
  std::map<std::string, int64_t> reject_reasons;
  double seconds = 0;
  int64_t run_id = 0;
  bool interrupted = false;  // stopped through IngestOptions::cancel
};

// Callbacks: `on_reject` gets one message per rejected record ("input:
// locator: reason"); `on_progress` is called about every 100 ms.
struct IngestCallbacks {
  std::function<void(const Status&)> on_reject;
  std::function<void(const IngestProgress&)> on_progress;
};

// Ingests every record of `paths` (files, directories, "-") into `store`.
// Returns an error only when the store fails (bad records are counted and
// reported through on_reject, never fatal).
Result<IngestReport> Ingest(const std::vector<std::string>& paths, Store& store,
                            const IngestOptions& options, const IngestCallbacks& callbacks = {});

// The reason category of a reject message, for the summary ("malformed JSON").
std::string RejectCategory(const Status& status);

}  // namespace storyline

#endif  // STORYLINE_PIPELINE_H_
