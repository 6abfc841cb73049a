// `storyline eval timeline DATASET`: builds a timeline for every gold
// timeline of a TLS dataset (Timeline17 / Crisis layout) and scores it with
// the tilse metrics (src/eval/tls_eval.h).
#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "coder/coder.h"
#include "commands.h"
#include "eval/tls_eval.h"
#include "events/code_article.h"
#include "output.h"
#include "timeline/timeline.h"

namespace storyline::cli {
namespace {

using json = nlohmann::json;

struct EvalTimelineFlags {
  std::string dataset;
  std::string topic;
  bool json = false;
  bool stopwords = true;
  bool events = true;
};

json PrfJson(const eval::Prf& p) {
  return {{"precision", p.precision}, {"recall", p.recall}, {"f1", p.f1}};
}

json ScoresJson(const eval::TlsScores& s) {
  return {{"date_f1", s.dates.f1},
          {"rouge1_concat_f1", s.rouge1_concat.f1},
          {"rouge2_concat_f1", s.rouge2_concat.f1},
          {"rouge1_agreement_f1", s.rouge1_agreement.f1},
          {"rouge2_agreement_f1", s.rouge2_agreement.f1},
          {"rouge1_alignment_f1", s.rouge1_alignment.f1},
          {"rouge2_alignment_f1", s.rouge2_alignment.f1},
          {"dates", PrfJson(s.dates)},
          {"rouge1_alignment", PrfJson(s.rouge1_alignment)},
          {"rouge2_alignment", PrfJson(s.rouge2_alignment)}};
}

std::string F3(double v) {
  char b[16];
  std::snprintf(b, sizeof b, "%.3f", v);
  return b;
}

std::vector<std::string> Row(const std::string& name, const std::string& articles,
                             const std::string& timelines, const eval::TlsScores& s) {
  return {name,
          articles,
          timelines,
          F3(s.dates.f1),
          F3(s.rouge1_concat.f1),
          F3(s.rouge2_concat.f1),
          F3(s.rouge1_agreement.f1),
          F3(s.rouge2_agreement.f1),
          F3(s.rouge1_alignment.f1),
          F3(s.rouge2_alignment.f1)};
}

int RunEvalTimeline(const EvalTimelineFlags& f) {
  std::string dataset = f.dataset;
  if (dataset.empty()) dataset = FindSharedData("timelines/timeline17-dev");
  if (dataset.empty()) {
    return ReportError(NotFoundError(
        "eval timeline: no DATASET given and ../shared/data/timelines/timeline17-dev not found"));
  }
  Result<std::vector<std::string>> topics = eval::ListTlsTopics(dataset);
  if (!topics.ok()) return ReportError(topics.status());
  std::vector<std::string> chosen;
  for (const auto& t : *topics) {
    std::string name = std::filesystem::path(t).filename().string();
    if (f.topic.empty() || name == f.topic) chosen.push_back(t);
  }
  if (chosen.empty()) {
    return ReportError(
        NotFoundError("eval timeline: no topic named " + f.topic + " in " + dataset));
  }
  // Events are coded with the built-in dictionaries, as `storyline ingest`
  // codes a stored story's articles, so the timeline is built as
  // `storyline timeline` builds it.
  std::unique_ptr<coder::Coder> event_coder;
  if (f.events) {
    Result<std::shared_ptr<const coder::DictionarySet>> dicts = coder::LoadDefault();
    if (!dicts.ok()) return ReportError(dicts.status());
    Result<std::unique_ptr<coder::Coder>> created =
        coder::Coder::Create(*dicts, events::ArticleCoderOptions());
    if (!created.ok()) return ReportError(created.status());
    event_coder = std::move(*created);
  }
  std::vector<eval::TlsTopicResult> results;
  std::vector<eval::TlsScores> all;  // every gold timeline's scores
  size_t timelines = 0;
  for (const auto& dir : chosen) {
    Result<eval::TlsTopic> topic = eval::LoadTlsTopic(dir);
    if (!topic.ok()) return ReportError(topic.status());
    eval::RougeOptions rouge;
    rouge.remove_stopwords = f.stopwords;
    results.push_back(
        eval::EvaluateTlsTopic(*topic, timeline::BuildTimeline, rouge, event_coder.get()));
    all.insert(all.end(), results.back().timelines.begin(), results.back().timelines.end());
    timelines += results.back().timelines.size();
  }
  eval::TlsScores mean = eval::MeanScores(all);
  if (f.json) {
    json j = ScoresJson(mean);
    j["dataset"] = dataset;
    j["timelines"] = timelines;
    j["stopwords_removed"] = f.stopwords;
    json topics_json = json::array();
    for (const auto& r : results) {
      json t = ScoresJson(r.mean);
      t["name"] = r.name;
      t["articles"] = r.articles;
      t["timelines"] = r.timelines.size();
      topics_json.push_back(std::move(t));
    }
    j["topics"] = std::move(topics_json);
    std::printf("%s\n", j.dump().c_str());
    return kExitOk;
  }
  TableWriter table({"topic", "articles", "tls", "date_f1", "r1_concat", "r2_concat", "r1_agree",
                     "r2_agree", "r1_align", "r2_align"},
                    {32});
  for (const auto& r : results) {
    table.AddRow(
        Row(r.name, std::to_string(r.articles), std::to_string(r.timelines.size()), r.mean));
  }
  table.AddRow(Row("mean over " + std::to_string(timelines) + " timelines", "", "", mean));
  std::printf(
      "eval timeline: %s (%zu topics, %zu gold timelines; tilse's metrics, stopwords %s; "
      "F1 of the mean precision and recall)\n",
      dataset.c_str(), results.size(), timelines, f.stopwords ? "removed" : "kept");
  table.PrintTable(stdout);
  std::printf("headline: alignment (align+ m:1) ROUGE-1 F1 %.4f, date F1 %.4f\n",
              mean.rouge1_alignment.f1, mean.dates.f1);
  return kExitOk;
}

}  // namespace

void RegisterEvalTimeline(CLI::App& eval, GlobalFlags&, int& exit_code) {
  auto f = std::make_shared<EvalTimelineFlags>();
  CLI::App* cmd = eval.add_subcommand(
      "timeline",
      "Build a timeline for every gold timeline of a TLS dataset (Timeline17/Crisis layout:\n"
      "topic folders with timelines.jsonl and articles.jsonl or InputDocs/), given the gold's\n"
      "number of dates, range and sentences per date, and score it: date F1 and ROUGE-1/2 F1\n"
      "in the concat, agreement and alignment (align+ m:1) variants. As news-tls does, precision\n"
      "and recall are averaged over the gold timelines and F1 is taken of the means; ROUGE drops\n"
      "stopwords and stems, as tilse's ROUGE-1.5.5 setup (-s -m) does.");
  cmd->add_option("dataset", f->dataset,
                  "Dataset folder (default: ../shared/data/timelines/timeline17-dev)");
  cmd->add_option("--topic", f->topic, "Only this topic folder (by name)");
  cmd->add_flag("--stopwords,!--keep-stopwords", f->stopwords,
                "Drop English function words before ROUGE (the default, as tilse's -s); "
                "--keep-stopwords scores every word");
  cmd->add_flag("--events,!--no-events", f->events,
                "Code the articles' events first and anchor dates on them, as stored stories are "
                "(default); --no-events: plain DATEWISE");
  cmd->add_flag("--json", f->json,
                "Print one JSON object of metrics (values 0-1) and per-topic details");
  cmd->callback([&exit_code, f]() { exit_code = RunEvalTimeline(*f); });
}

}  // namespace storyline::cli
