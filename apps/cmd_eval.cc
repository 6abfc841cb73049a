// storyline eval KIND ...: quality against external data, with the metric each
// data set's own benchmark uses. `--json` prints one object of metrics.
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "eval/extract_eval.h"
#include "output.h"
#include "storyline/pipeline.h"

namespace storyline::cli {
namespace {

struct EvalExtractFlags {
  std::string dir;
  bool json = false;
  bool pages = false;
  bool gumbo = false;
  bool raw = false;
};

int RunEvalExtract(const EvalExtractFlags& f) {
  std::string dir = f.dir;
  if (dir.empty()) {
    dir = FindSharedData("extraction/zyte-dev");
    if (dir.empty()) {
      return ReportError(InvalidArgumentError(
          "give the benchmark folder (ground-truth*.json and html/*.html.gz), e.g. "
          "../shared/data/extraction/zyte-dev"));
    }
  }
  PipelineOptions options;
  if (f.gumbo) options.html.parser = html::HtmlParser::kGumbo;
  options.min_body_chars = 0;
  // The full product path: decode, extract, clean, normalise. --raw scores the
  // HTML extractor alone (no text cleaning), to see what cleaning adds.
  eval::ExtractFn extract = [&](std::string_view html, std::string_view url) -> Result<std::string> {
    if (f.raw) {
      STORYLINE_ASSIGN_OR_RETURN(html::ExtractedPage page, html::ExtractHtml(html, options.html));
      std::string out;
      for (const auto& p : page.paragraphs) out += p + "\n\n";
      return out;
    }
    ingest::RawRecord rec;
    rec.input = std::string(url);
    rec.is_html = true;
    rec.container = InputFormat::kHtml;
    rec.content = std::string(html);
    Result<Article> a = BuildArticle(rec, options);
    if (!a.ok()) return std::string();
    return a->body;
  };
  Result<eval::ExtractEvalReport> report = eval::EvaluateExtraction(dir, extract);
  if (!report.ok()) return ReportError(report.status());
  const eval::ExtractEvalReport& r = *report;
  if (f.json) {
    nlohmann::json j = {{"f1", r.f1}, {"precision", r.precision}, {"recall", r.recall},
                        {"accuracy", r.accuracy}, {"pages", r.pages.size()},
                        {"pages_per_second", r.seconds > 0 ? r.pages.size() / r.seconds : 0}};
    std::printf("%s\n", j.dump().c_str());
    return kExitOk;
  }
  if (f.pages) {
    TableWriter t({"page", "precision", "recall", "f1"});
    for (const auto& p : r.pages) {
      char buf[3][16];
      std::snprintf(buf[0], 16, "%.3f", p.precision);
      std::snprintf(buf[1], 16, "%.3f", p.recall);
      std::snprintf(buf[2], 16, "%.3f", p.f1);
      t.AddRow({p.id.substr(0, 16), buf[0], buf[1], buf[2]});
    }
    t.PrintTable(stdout);
    std::printf("\n");
  }
  std::printf("eval extract: %s (%zu pages, %.1f pages/s)\n", dir.c_str(), r.pages.size(),
              r.seconds > 0 ? r.pages.size() / r.seconds : 0);
  std::printf("  metric     value\n");
  std::printf("  precision  %.4f\n  recall     %.4f\n  f1         %.4f\n  accuracy   %.4f\n",
              r.precision, r.recall, r.f1, r.accuracy);
  return kExitOk;
}

}  // namespace

void RegisterEval(CLI::App& app, GlobalFlags& global, int& exit_code) {
  CLI::App* eval = app.add_subcommand("eval", "Measure quality against external evaluation data");
  eval->require_subcommand(1);

  auto ex = std::make_shared<EvalExtractFlags>();
  CLI::App* cmd = eval->add_subcommand(
      "extract",
      "Score main-content extraction on the Zyte/ScrapingHub article-extraction benchmark\n"
      "layout (ground-truth*.json + html/<id>.html.gz): token 4-gram shingle precision,\n"
      "recall and F1 averaged over pages, and accuracy, as that benchmark scores them.");
  cmd->add_option("dir", ex->dir, "Benchmark folder (default: ../shared/data/extraction/zyte-dev)");
  cmd->add_flag("--json", ex->json, "Print one JSON object of metrics");
  cmd->add_flag("--pages", ex->pages, "Also print per-page scores");
  cmd->add_flag("--gumbo", ex->gumbo, "Parse with gumbo (reference parser)");
  cmd->add_flag("--raw", ex->raw, "Score the HTML extractor alone, without text cleaning");
  cmd->callback([&exit_code, ex]() { exit_code = RunEvalExtract(*ex); });

  RegisterEvalCluster(*eval, global, exit_code);
  RegisterEvalTime(*eval, global, exit_code);
  RegisterEvalCoder(*eval, global, exit_code);
}

}  // namespace storyline::cli
