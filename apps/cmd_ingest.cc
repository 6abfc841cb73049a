// storyline ingest PATH...
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdio>

#include "commands.h"
#include "output.h"
#include "storyline/pipeline.h"
#include "cluster/cluster_store.h"
#include "coder/coder.h"
#include "events/event_store.h"
#include "extract/quantities.h"
#include "storyline/store.h"
#include "time/annotate.h"

namespace storyline::cli {
namespace {

// Set by SIGINT/SIGTERM: the ingest stops after the current record and
// commits what it has; a second signal kills the process as usual.
std::atomic<bool> g_stop{false};

extern "C" void OnStopSignal(int sig) {
  g_stop.store(true);
  std::signal(sig, SIG_DFL);
}

struct IngestFlags {
  std::vector<std::string> paths;
  std::string format = "auto";
  double max_record_mb = 16;
  int64_t batch = 256;
  bool quiet = false;
  bool gumbo = false;
  bool no_annotate = false;
  int max_errors_shown = 20;
};

int RunIngest(const GlobalFlags& global, const IngestFlags& flags, const std::string& command) {
  IngestOptions options;
  options.batch_size = flags.batch;
  options.command = command;
  options.pipeline.read.max_record_bytes = static_cast<size_t>(flags.max_record_mb * 1024 * 1024);
  if (flags.format == "text") options.pipeline.read.force_format = InputFormat::kText;
  if (flags.format == "html") options.pipeline.read.force_format = InputFormat::kHtml;
  if (flags.format == "jsonl") options.pipeline.read.force_format = InputFormat::kJsonl;
  if (flags.format == "warc") options.pipeline.read.force_format = InputFormat::kWarc;
  if (flags.gumbo) options.pipeline.html.parser = html::HtmlParser::kGumbo;

  Result<std::unique_ptr<Store>> store = Store::Open(global.db);
  if (!store.ok()) return ReportError(store.status());

  const bool tty = !flags.quiet && isatty(STDERR_FILENO);
  int shown = 0;
  int64_t hidden = 0;
  IngestCallbacks callbacks;
  callbacks.on_reject = [&](const Status& st) {
    if (shown < flags.max_errors_shown) {
      if (tty) std::fputs("\r\033[K", stderr);
      std::fprintf(stderr, "storyline: rejected %s\n", st.message().c_str());
      ++shown;
    } else {
      ++hidden;
    }
  };
  if (tty) {
    callbacks.on_progress = [&](const IngestProgress& p) {
      double rate = p.seconds > 0 ? p.counts.read / p.seconds : 0;
      std::fprintf(stderr, "\r\033[Kingest [%zu/%zu files] %s records  %s/s  stored %s  identical %s  rejected %s",
                   p.files_done, p.files_total, Grouped(p.counts.read).c_str(),
                   Grouped(static_cast<long long>(rate)).c_str(), Grouped(p.counts.stored).c_str(),
                   Grouped(p.counts.identical).c_str(), Grouped(p.counts.rejected).c_str());
      std::fflush(stderr);
    };
  }
  options.cancel = &g_stop;
  std::signal(SIGINT, OnStopSignal);
  std::signal(SIGTERM, OnStopSignal);
  Result<IngestReport> report = Ingest(flags.paths, **store, options, callbacks);
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  if (tty) std::fputs("\r\033[K", stderr);
  if (!report.ok()) return ReportError(report.status());
  if (hidden > 0) {
    std::fprintf(stderr, "storyline: ... and %lld more rejected records (all are listed in the "
                 "ingest_rejects table of %s, run %lld)\n",
                 static_cast<long long>(hidden), global.db.c_str(), static_cast<long long>(report->run_id));
  }
  const IngestCounts& c = report->counts;
  if (!flags.quiet) {
    double rate = report->seconds > 0 ? c.read / report->seconds : 0;
    std::printf("ingest: %s records in %.2f s (%s records/s) into %s\n", Grouped(c.read).c_str(),
                report->seconds, Grouped(static_cast<long long>(rate)).c_str(), global.db.c_str());
    std::printf("  read       %s\n", Grouped(c.read).c_str());
    std::printf("  stored     %s\n", Grouped(c.stored).c_str());
    std::printf("  identical  %s", Grouped(c.identical).c_str());
    if (c.merged > 0) std::printf(" (%s gained metadata)", Grouped(c.merged).c_str());
    std::printf("\n  rejected   %s\n", Grouped(c.rejected).c_str());
    for (const auto& [reason, n] : report->reject_reasons) {
      std::printf("    %-40s %s\n", reason.c_str(), Grouped(n).c_str());
    }
  }
  if (report->interrupted) {
    std::fprintf(stderr, "storyline: interrupted; what was read is stored. Run the same command "
                 "again to finish (stored articles are recognised and skipped).\n");
    return kExitFailure;
  }
  // The stages over stored articles: time expressions, tracked quantities,
  // then duplicates, events and stories, each for every article it has not
  // seen yet (so a re-run after an interruption catches up).
  if (!flags.no_annotate) {
    Result<time::AnnotateReport> times = time::AnnotatePending(**store);
    if (!times.ok()) return ReportError(times.status());
    Result<extract::QuantityReport> quantities = extract::AnnotateQuantitiesPending(**store);
    if (!quantities.ok()) return ReportError(quantities.status());
    if (!flags.quiet && times->articles > 0) {
      std::printf("  times      %s expressions (%s resolved) in %s articles\n",
                  Grouped(times->expressions).c_str(), Grouped(times->resolved).c_str(),
                  Grouped(times->articles).c_str());
      std::printf("  quantities %s figures\n", Grouped(quantities->quantities).c_str());
    }
    Result<cluster::ClusterRunReport> clusters = cluster::ClusterPending(**store);
    if (!clusters.ok()) return ReportError(clusters.status());
    if (!flags.quiet && clusters->articles > 0) {
      std::printf("  clustered  %s articles: %s new events, %s new stories, %s near-duplicates\n",
                  Grouped(clusters->articles).c_str(), Grouped(clusters->new_events).c_str(),
                  Grouped(clusters->new_stories).c_str(), Grouped(clusters->duplicates).c_str());
    }
    // Events last: they take each article's story from the clustering.
    Result<std::shared_ptr<const coder::DictionarySet>> dicts = coder::LoadDefault();
    Result<std::unique_ptr<coder::Coder>> event_coder =
        dicts.ok() ? coder::Coder::Create(*dicts, events::ArticleCoderOptions()) : Result<std::unique_ptr<coder::Coder>>(dicts.status());
    if (!event_coder.ok()) {
      std::fprintf(stderr, "storyline: events not coded (%s); run `storyline code-events --dictionaries DIR`\n",
                   event_coder.status().message().c_str());
    } else {
      Result<events::CodeRunReport> coded = events::CodePending(**store, **event_coder);
      if (!coded.ok()) return ReportError(coded.status());
      if (!flags.quiet && coded->articles > 0) {
        std::printf("  events     %s events (%s mentions) from %s articles\n", Grouped(coded->new_events).c_str(),
                    Grouped(coded->mentions).c_str(), Grouped(coded->articles).c_str());
      }
    }
  }
  // Nothing usable at all is a failure, not a silent empty result.
  if (c.read > 0 && c.stored + c.identical == 0) {
    std::fprintf(stderr, "storyline: no article could be ingested from the input\n");
    return kExitFailure;
  }
  if (c.read == 0) {
    std::fprintf(stderr, "storyline: the input held no records\n");
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace

void RegisterIngest(CLI::App& app, GlobalFlags& global, int& exit_code) {
  auto flags = std::make_shared<IngestFlags>();
  CLI::App* cmd = app.add_subcommand(
      "ingest",
      "Read articles from files, directories (recursively) or stdin ('-'): plain text, HTML,\n"
      "JSON Lines, WARC, each optionally gzip- or zstd-compressed. Clean them, find their\n"
      "metadata and dates, split sentences, and store them. Re-ingesting adds nothing twice.");
  cmd->add_option("paths", flags->paths, "Files, directories or - for stdin")->required();
  cmd->add_option("--db", global.db, "Database file")->capture_default_str();
  cmd->add_option("--input-format", flags->format, "Force the input format")
      ->check(CLI::IsMember({"auto", "text", "html", "jsonl", "warc"}))
      ->capture_default_str();
  cmd->add_option("--max-record-mb", flags->max_record_mb,
                  "Reject records larger than this (MiB, after decompression)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_option("--batch", flags->batch, "Articles per transaction")
      ->check(CLI::Range(1, 1000000))
      ->capture_default_str();
  cmd->add_option("--show-errors", flags->max_errors_shown, "Print at most this many rejected records")
      ->capture_default_str();
  cmd->add_flag("--gumbo", flags->gumbo, "Parse HTML with gumbo (slower reference parser)");
  cmd->add_flag("--no-annotate", flags->no_annotate,
                "Only store articles; skip times, quantities and clustering (done by the next ingest, "
                "or `storyline cluster`)");
  cmd->add_flag("-q,--quiet", flags->quiet, "No progress bar and no summary");
  cmd->callback([&global, &exit_code, flags, &app]() {
    std::string command = "ingest";
    for (const auto& p : flags->paths) command += " " + p;
    exit_code = RunIngest(global, *flags, command);
  });
}

}  // namespace storyline::cli
