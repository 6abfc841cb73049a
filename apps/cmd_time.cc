// storyline times ARTICLE|TEXT ...: the time expressions of one article (or of
// a text given on the command line), and `storyline eval time --gold DIR`:
// TempEval-3 scores against TimeML / MEANTIME / WikiWars gold.
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "eval/time_eval.h"
#include "extract/quantities.h"
#include "output.h"
#include "storyline/store.h"
#include "time/timex.h"

namespace storyline::cli {
namespace {

using nlohmann::json;

struct TimesFlags {
  std::string target;
  std::string anchor;
  std::string format = "table";
  bool narrative = false;
  bool quantities = false;
};

int RunTimes(const GlobalFlags& global, const TimesFlags& f) {
  Article article;
  bool from_store = false;
  std::error_code ec;
  if (std::filesystem::exists(global.db, ec)) {
    StoreOptions ro;
    ro.read_only = true;
    Result<std::unique_ptr<Store>> store = Store::Open(global.db, ro);
    if (store.ok()) {
      Result<std::optional<StoredArticle>> got = (*store)->Get(f.target);
      if (got.ok() && got->has_value()) {
        article = std::move((*got)->article);
        from_store = true;
      }
    }
  }
  if (!from_store) article.body = f.target;
  time::Anchor anchor;
  if (!f.anchor.empty()) {
    anchor.date = time::ParseCivil(f.anchor);
    if (!anchor.date.complete()) {
      return ReportError(InvalidArgumentError("--anchor wants a date YYYY-MM-DD, got '" + f.anchor + "'"));
    }
    anchor.source = "command line";
    anchor.confidence = 1;
  } else if (from_store) {
    anchor = time::ChooseAnchor(article);
  }
  time::TimeOptions options;
  options.narrative = f.narrative;
  time::TimeTagger tagger(options);
  std::vector<time::TimeExpression> found;
  tagger.Tag(article.body, article.sentences, anchor, &found);

  std::string anchor_iso =
      anchor.date.complete()
          ? std::to_string(anchor.date.year) + "-" + (anchor.date.month < 10 ? "0" : "") +
                std::to_string(anchor.date.month) + "-" + (anchor.date.day < 10 ? "0" : "") +
                std::to_string(anchor.date.day)
          : "";
  std::vector<extract::Quantity> quantities;
  if (f.quantities) extract::FindQuantities(article.body, article.sentences, &quantities);

  if (f.format == "jsonl") {
    for (const auto& e : found) {
      json j = {{"begin", e.span.begin}, {"end", e.span.end},
                {"text", std::string(e.span.In(article.body))},
                {"type", std::string(time::TimexTypeName(e.type))}, {"value", e.value},
                {"mod", e.mod}, {"anchor", e.anchor}, {"resolved", e.resolved}};
      std::printf("%s\n", j.dump(-1, ' ', false, json::error_handler_t::replace).c_str());
    }
    for (const auto& q : quantities) {
      json j = {{"kind", "quantity"}, {"begin", q.span.begin}, {"end", q.span.end},
                {"text", std::string(q.span.In(article.body))}, {"number", q.number},
                {"qualifier", q.qualifier}, {"counted", q.counted}, {"date", anchor_iso}};
      std::printf("%s\n", j.dump(-1, ' ', false, json::error_handler_t::replace).c_str());
    }
    return kExitOk;
  }
  TableWriter t({"begin", "end", "text", "type", "value", "mod", "anchor", "resolved"}, {0, 0, 40});
  if (f.format == "csv") t.PrintCsvHeader(stdout);
  for (const auto& e : found) {
    std::vector<std::string> row = {std::to_string(e.span.begin), std::to_string(e.span.end),
                                    std::string(e.span.In(article.body)),
                                    std::string(time::TimexTypeName(e.type)), e.value, e.mod,
                                    e.anchor, e.resolved ? "yes" : "no"};
    if (f.format == "csv") TableWriter::PrintCsvRow(stdout, row);
    else t.AddRow(std::move(row));
  }
  if (f.format == "table") {
    std::printf("anchor: %s (%s)\n", anchor_iso.empty() ? "none" : anchor_iso.c_str(),
                anchor.source.empty() ? "no evidence" : anchor.source.c_str());
    if (found.empty()) std::printf("no time expressions\n");
    else t.PrintTable(stdout);
    if (!quantities.empty()) {
      TableWriter qt({"text", "number", "qualifier", "counted"}, {50});
      for (const auto& q : quantities) {
        qt.AddRow({std::string(q.span.In(article.body)), std::to_string(q.number), q.qualifier, q.counted});
      }
      std::printf("\n");
      qt.PrintTable(stdout);
    }
  }
  return kExitOk;
}

struct EvalTimeFlags {
  std::string gold;
  bool json = false;
  bool docs = false;
  bool errors = false;
  std::string mode = "auto";
};

int RunEvalTime(const EvalTimeFlags& f) {
  Result<std::vector<eval::TimeDoc>> docs = eval::LoadTimeCorpus(f.gold);
  if (!docs.ok()) return ReportError(docs.status());
  std::string lower = f.gold;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  bool wikiwars = lower.find("wikiwars") != std::string::npos;
  eval::TimeEvalOptions options;
  options.narrative = f.mode == "narrative" || (f.mode == "auto" && wikiwars);
  options.ignore_type = wikiwars;
  options.collect_errors = f.errors;
  eval::TimeEvalReport r = eval::EvaluateTime(*docs, options);
  const eval::TimeScores& s = r.total;
  double mbps = r.seconds > 0 ? r.bytes / r.seconds / 1e6 : 0;
  if (f.json) {
    json j = {{"strict_f1", s.strict_f1()},
              {"strict_precision", s.strict_precision()},
              {"strict_recall", s.strict_recall()},
              {"relaxed_f1", s.relaxed_f1()},
              {"relaxed_precision", s.relaxed_precision()},
              {"relaxed_recall", s.relaxed_recall()},
              {"type_accuracy", s.type_accuracy()},
              {"value_accuracy", s.value_accuracy()},
              {"type_f1", s.type_f1()},
              {"value_f1", s.value_f1()},
              {"documents", r.docs.size()},
              {"gold", s.gold},
              {"system", s.system},
              {"narrative", options.narrative},
              {"mb_per_second", mbps}};
    std::printf("%s\n", j.dump().c_str());
    return kExitOk;
  }
  if (f.errors) {
    for (const auto& e : r.errors) {
      std::printf("%-8s %-24s gold: %s\n%-33s sys:  %s\n", e.kind.c_str(), e.doc.substr(0, 24).c_str(),
                  e.gold.c_str(), "", e.system.c_str());
    }
    std::printf("\n");
  }
  if (f.docs) {
    TableWriter t({"document", "gold", "system", "relaxed_f1", "value_acc"}, {40});
    for (const auto& d : r.docs) {
      char a[16], b[16];
      std::snprintf(a, 16, "%.3f", d.scores.relaxed_f1());
      std::snprintf(b, 16, "%.3f", d.scores.value_accuracy());
      t.AddRow({d.id, std::to_string(d.scores.gold), std::to_string(d.scores.system), a, b});
    }
    t.PrintTable(stdout);
    std::printf("\n");
  }
  std::printf("eval time: %s (%zu documents, %lld gold, %lld system%s; %.1f MB/s)\n", f.gold.c_str(),
              r.docs.size(), static_cast<long long>(s.gold), static_cast<long long>(s.system),
              options.narrative ? ", narrative" : "", mbps);
  std::printf("  extent    precision  recall  f1\n");
  std::printf("  strict    %.4f     %.4f  %.4f\n", s.strict_precision(), s.strict_recall(), s.strict_f1());
  std::printf("  relaxed   %.4f     %.4f  %.4f\n", s.relaxed_precision(), s.relaxed_recall(), s.relaxed_f1());
  std::printf("  attribute accuracy  f1\n");
  if (!options.ignore_type) std::printf("  type      %.4f    %.4f\n", s.type_accuracy(), s.type_f1());
  std::printf("  value     %.4f    %.4f\n", s.value_accuracy(), s.value_f1());
  return kExitOk;
}

}  // namespace

void RegisterTimes(CLI::App& app, GlobalFlags& global, int& exit_code) {
  auto f = std::make_shared<TimesFlags>();
  CLI::App* cmd = app.add_subcommand(
      "times",
      "Show the time expressions of a stored article (row id, hash prefix or external id)\n"
      "or of the given text, with TIMEX3 types and values resolved against the anchor.");
  cmd->add_option("target", f->target, "Article key, or the text itself")->required();
  cmd->add_option("--anchor", f->anchor, "Resolve against this date (YYYY-MM-DD); default: the article's");
  cmd->add_option("--db", global.db, "Database file")->capture_default_str();
  cmd->add_option("--format", f->format, "Output format")
      ->check(CLI::IsMember({"table", "jsonl", "csv"}))
      ->capture_default_str();
  cmd->add_flag("--narrative", f->narrative, "Partial dates take the year of the last full date");
  cmd->add_flag("--quantities", f->quantities, "Also list tracked figures (casualties, refugees)");
  cmd->callback([&global, &exit_code, f]() { exit_code = RunTimes(global, *f); });
}

void RegisterEvalTime(CLI::App& eval, GlobalFlags&, int& exit_code) {
  auto f = std::make_shared<EvalTimeFlags>();
  CLI::App* cmd = eval.add_subcommand(
      "time",
      "Score time expressions TempEval-3 style (strict/relaxed extent P/R/F1, type and\n"
      "value accuracy on relaxed matches, value F1 = value accuracy x relaxed F1) on TimeML\n"
      ".tml files (TE3, WikiWars tml/) or MEANTIME NewsReader XML.");
  cmd->add_option("--gold", f->gold, "Gold folder (.tml files or MEANTIME)")->required();
  cmd->add_flag("--json", f->json, "Print one JSON object of metrics");
  cmd->add_flag("--docs", f->docs, "Also print per-document scores");
  cmd->add_flag("--errors", f->errors, "Also print every disagreement (missed, spurious, extent, type, value)");
  cmd->add_option("--mode", f->mode, "Anchoring: news (DCT), narrative (last date), auto (narrative for WikiWars)")
      ->check(CLI::IsMember({"auto", "news", "narrative"}))
      ->capture_default_str();
  cmd->callback([&exit_code, f]() { exit_code = RunEvalTime(*f); });
}

}  // namespace storyline::cli
