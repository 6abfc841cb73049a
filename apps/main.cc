// storyline: the command-line program. Only this folder parses flags; every
// subcommand is a thin layer over the library (include/storyline/).
#include <CLI/CLI.hpp>
#include <cstdio>

#include "commands.h"

namespace storyline::cli {

int ReportError(const Status& status) {
  std::fprintf(stderr, "storyline: %s\n", status.message().c_str());
  if (status.code() == StatusCode::kInvalidArgument) return kExitUsage;
  return kExitFailure;
}

}  // namespace storyline::cli

int main(int argc, char** argv) {
  using namespace storyline::cli;
  CLI::App app{
      "storyline: turns a stream of news articles into clean, dated, sentence-split\n"
      "articles (and, in later stages, stories, coded events and timelines).\n"
      "Exit codes: 0 success, 1 runtime failure, 2 usage error."};
  app.set_version_flag("--version", "storyline 0.1.0");
  app.require_subcommand(1);
  GlobalFlags global;
  int exit_code = kExitOk;
  RegisterIngest(app, global, exit_code);
  RegisterArticles(app, global, exit_code);
  RegisterEval(app, global, exit_code);
  RegisterEvalTimeline(*app.get_subcommand("eval"), global, exit_code);
  RegisterCluster(app, global, exit_code);
  RegisterTimes(app, global, exit_code);
  RegisterAnalysis(app, global, exit_code);
  RegisterCoder(app, global, exit_code);
  RegisterEvents(app, global, exit_code);
  RegisterTimeline(app, global, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }
  return exit_code;
}
