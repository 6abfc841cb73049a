// The subcommands of the storyline program. Each Register* adds its
// subcommand to the CLI11 app; the callback it installs sets the exit code.
#ifndef STORYLINE_APPS_COMMANDS_H_
#define STORYLINE_APPS_COMMANDS_H_

#include <CLI/CLI.hpp>
#include <string>

#include "storyline/status.h"

namespace storyline::cli {

// Exit codes (README "Exit codes").
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

struct GlobalFlags {
  std::string db = "storyline.db";
};

// Prints "storyline: <message>" to stderr and returns the exit code for it.
int ReportError(const Status& status);

void RegisterIngest(CLI::App& app, GlobalFlags& global, int& exit_code);
void RegisterArticles(CLI::App& app, GlobalFlags& global, int& exit_code);
void RegisterEval(CLI::App& app, GlobalFlags& global, int& exit_code);

// cmd_cluster.cc: `cluster`, `stories`, `duplicates`, and `eval cluster`
// (added under the `eval` subcommand passed in).
void RegisterCluster(CLI::App& app, GlobalFlags& global, int& exit_code);
void RegisterEvalCluster(CLI::App& eval, GlobalFlags& global, int& exit_code);

// cmd_time.cc: `times`, and `eval time` (under `eval`).
void RegisterTimes(CLI::App& app, GlobalFlags& global, int& exit_code);
void RegisterEvalTime(CLI::App& eval, GlobalFlags& global, int& exit_code);

// cmd_eval_timeline.cc: `eval timeline` (under `eval`): TLS metrics on a
// Timeline17/Crisis-style dataset.
void RegisterEvalTimeline(CLI::App& eval, GlobalFlags& global, int& exit_code);

// cmd_coder.cc: `code`, `dictionaries inspect`, and `eval coder` (under `eval`).
void RegisterCoder(CLI::App& app, GlobalFlags& global, int& exit_code);
void RegisterEvalCoder(CLI::App& eval, GlobalFlags& global, int& exit_code);
// cmd_plover.cc: `eval coder plover [FILE]` (dispatched by cmd_coder.cc).
int RunPloverEval(const std::string& file, const std::string& dictionaries, bool json_output,
                  const std::string& failures);

// cmd_events.cc: `code-events` and `events`.
void RegisterEvents(CLI::App& app, GlobalFlags& global, int& exit_code);

// cmd_timeline.cc: `timeline` and `summary` of a stored story.
void RegisterTimeline(CLI::App& app, GlobalFlags& global, int& exit_code);

// cmd_analysis.cc: `analyze`, `train tagger`, and `eval tagger` (under the
// `eval` subcommand, so call after RegisterEval).
void RegisterAnalysis(CLI::App& app, GlobalFlags& global, int& exit_code);

}  // namespace storyline::cli

#endif  // STORYLINE_APPS_COMMANDS_H_
