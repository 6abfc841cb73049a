// Ingest: readers -> BuildArticle -> Store, in batched transactions.
//
// Crash safety comes from SQLite: each batch is one transaction, so a kill
// leaves every committed batch whole and the open one absent. Resumption
// comes from content identity: a re-run re-reads the inputs, finds the
// committed articles already stored (counted as identical) and stores the
// rest, ending with the same articles as an uninterrupted run.
#include <chrono>
#include <cctype>

#include "storyline/pipeline.h"

namespace storyline {

std::string RejectCategory(const Status& status) {
  // Messages read "input: locator: reason (detail)". The category is the
  // reason with numbers folded, so "line 3: malformed JSON: ..." and "line 9:
  // malformed JSON: ..." fall together.
  std::string_view m = status.message();
  std::string_view reason = m;
  static constexpr std::string_view kMarkers[] = {
      "malformed JSON", "no text field", "binary", "undecodable", "truncated", "exceeds",
      "no article text", "no main content", "empty", "not valid", "invalid"};
  for (std::string_view k : kMarkers) {
    size_t at = m.find(k);
    if (at != std::string_view::npos) {
      reason = m.substr(at);
      break;
    }
  }
  if (reason == m) {
    size_t colon = m.rfind(": ");
    if (colon != std::string_view::npos) reason = m.substr(colon + 2);
  }
  size_t cut = reason.find_first_of(":(");
  if (cut != std::string_view::npos) reason = reason.substr(0, cut);
  std::string out;
  bool in_digits = false;
  for (char c : reason) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      if (!in_digits) out += 'N';
      in_digits = true;
    } else {
      out += c;
      in_digits = false;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (out.empty()) out = std::string(StatusCodeName(status.code()));
  return out;
}

Result<IngestReport> Ingest(const std::vector<std::string>& paths, Store& store,
                            const IngestOptions& options, const IngestCallbacks& callbacks) {
  using Clock = std::chrono::steady_clock;
  const Clock::time_point start = Clock::now();
  STORYLINE_ASSIGN_OR_RETURN(std::vector<std::string> files, ingest::ExpandInputs(paths));

  IngestReport report;
  IngestCounts& counts = report.counts;
  STORYLINE_ASSIGN_OR_RETURN(report.run_id, store.StartRun(options.command));

  IngestProgress progress;
  progress.files_total = files.size();
  Clock::time_point last_progress = start;
  auto maybe_progress = [&](bool force) {
    if (!callbacks.on_progress) return;
    Clock::time_point now = Clock::now();
    if (!force && now - last_progress < std::chrono::milliseconds(100)) return;
    last_progress = now;
    progress.counts = counts;
    progress.seconds = std::chrono::duration<double>(now - start).count();
    callbacks.on_progress(progress);
  };
  auto reject = [&](const Status& st, std::string_view input, std::string_view record) -> Status {
    ++counts.rejected;
    ++report.reject_reasons[RejectCategory(st)];
    if (callbacks.on_reject) callbacks.on_reject(st);
    return store.LogReject(report.run_id, input, record, st.message());
  };

  int64_t pending = 0;
  STORYLINE_RETURN_IF_ERROR(store.Begin());
  auto commit_if_due = [&](bool force) -> Status {
    if (pending == 0 || (!force && pending < options.batch_size)) return Status::Ok();
    STORYLINE_RETURN_IF_ERROR(store.Commit());
    pending = 0;
    return store.Begin();
  };

  ingest::RawRecord rec;
  auto cancelled = [&] {
    return options.cancel != nullptr && options.cancel->load(std::memory_order_relaxed);
  };
  for (const std::string& file : files) {
    if (cancelled()) break;
    progress.current_input = file;
    Result<std::unique_ptr<ingest::RecordReader>> reader =
        ingest::OpenInput(file, options.pipeline.read);
    if (!reader.ok()) {
      ++counts.read;
      STORYLINE_RETURN_IF_ERROR(reject(reader.status(), file, ""));
      ++progress.files_done;
      continue;
    }
    while (!cancelled()) {
      Result<bool> more = (*reader)->Next(&rec);
      if (!more.ok()) {
        ++counts.read;
        STORYLINE_RETURN_IF_ERROR(reject(more.status(), file, rec.locator));
        ++pending;
        STORYLINE_RETURN_IF_ERROR(commit_if_due(false));
        continue;
      }
      if (!*more) break;
      ++counts.read;
      Result<Article> article = BuildArticle(rec, options.pipeline);
      if (!article.ok()) {
        STORYLINE_RETURN_IF_ERROR(reject(article.status(), file, rec.locator));
      } else {
        STORYLINE_ASSIGN_OR_RETURN(PutResult put, store.Put(*article, report.run_id));
        switch (put.outcome) {
          case PutOutcome::kStored: ++counts.stored; break;
          case PutOutcome::kMerged: ++counts.merged; [[fallthrough]];
          case PutOutcome::kIdentical: ++counts.identical; break;
        }
      }
      ++pending;
      STORYLINE_RETURN_IF_ERROR(commit_if_due(false));
      maybe_progress(false);
    }
    ++progress.files_done;
  }
  report.interrupted = cancelled();
  STORYLINE_RETURN_IF_ERROR(store.Commit());
  STORYLINE_RETURN_IF_ERROR(store.FinishRun(report.run_id, counts, !report.interrupted));
  report.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  maybe_progress(true);
  return report;
}

}  // namespace storyline
