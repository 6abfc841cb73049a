// storyline analyze TEXT...: tokens, part-of-speech tags and chunks of
// sentences; `storyline train tagger`: trains the tagger on a CoNLL-U
// treebank; `storyline eval tagger [DIR]`: XPOS/UPOS accuracy on UD English
// EWT test and dev.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "analysis/analyzer.h"
#include "analysis/tagger.h"
#include "analysis/train.h"
#include "commands.h"
#include "output.h"
#include "text/segment.h"

namespace storyline::cli {
namespace {

using nlohmann::json;
namespace an = storyline::analysis;

struct AnalyzeFlags {
  std::vector<std::string> texts;
  std::string format = "table";
  std::string model;
};

// The model named by --model (binary, or base64 when the name ends in
// ".b64"), or the shipped one.
Result<std::unique_ptr<an::Analyzer>> LoadModelFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFoundError(path + ": cannot open");
  std::stringstream ss;
  ss << in.rdbuf();
  std::string bytes = ss.str();
  if (path.size() > 4 && path.compare(path.size() - 4, 4, ".b64") == 0) {
    STORYLINE_ASSIGN_OR_RETURN(bytes, an::DecodeBase64(bytes));
  }
  Result<std::unique_ptr<an::Analyzer>> a = an::Analyzer::FromModel(bytes);
  if (!a.ok()) return Status(a.status().code(), path + ": " + a.status().message());
  return a;
}

// The shipped analyzer, or the one in `model_path` (kept alive by *owned).
Result<const an::Analyzer*> ChooseAnalyzer(const std::string& model_path,
                                           std::unique_ptr<an::Analyzer>* owned) {
  if (model_path.empty()) return &an::Analyzer::Default();
  STORYLINE_ASSIGN_OR_RETURN(*owned, LoadModelFile(model_path));
  return owned->get();
}

void PrintTable(const an::Analysis& a) {
  std::string line;
  for (size_t i = 0; i < a.tokens.size(); ++i) {
    if (i) line += ' ';
    line += a.word(i);
    line += '/';
    line += an::TagName(a.tokens[i].tag);
  }
  std::printf("%s\n", line.c_str());
  line.clear();
  for (size_t c = 0; c < a.chunks.size(); ++c) {
    const an::Chunk& ch = a.chunks[c];
    if (c) line += ' ';
    if (ch.clause_start) line += "| ";
    bool bracket = ch.kind != an::ChunkKind::kOther;
    if (bracket) {
      line += '[';
      line += an::ChunkKindName(ch.kind);
      if (ch.kind == an::ChunkKind::kVP) {
        if (ch.passive) line += "+pass";
        if (ch.negated) line += "+neg";
        if (ch.infinitive) line += "+inf";
        if (ch.modal != an::kNoToken) line += "+modal";
      }
      line += ' ';
    }
    for (size_t i = ch.begin; i < ch.end; ++i) {
      if (i > ch.begin) line += ' ';
      if (i == ch.head && bracket && ch.end - ch.begin > 1) line += '*';
      line += a.word(i);
    }
    if (bracket) line += ']';
  }
  std::printf("%s\n", line.c_str());
}

void PrintJson(const an::Analysis& a) {
  json tokens = json::array(), chunks = json::array();
  for (size_t i = 0; i < a.tokens.size(); ++i) {
    tokens.push_back({{"word", std::string(a.word(i))}, {"tag", std::string(an::TagName(a.tokens[i].tag))},
                      {"begin", a.tokens[i].span.begin}, {"end", a.tokens[i].span.end},
                      {"chunk", a.tokens[i].chunk}});
  }
  for (const an::Chunk& ch : a.chunks) {
    json j = {{"kind", std::string(an::ChunkKindName(ch.kind))}, {"begin", ch.begin}, {"end", ch.end},
              {"head", ch.head}};
    if (ch.kind == an::ChunkKind::kVP) {
      j["passive"] = ch.passive;
      j["negated"] = ch.negated;
      j["infinitive"] = ch.infinitive;
      j["modal"] = ch.modal == an::kNoToken ? json(nullptr) : json(ch.modal);
    }
    if (ch.kind == an::ChunkKind::kPP && ch.np_begin != an::kNoToken) j["np_begin"] = ch.np_begin;
    if (ch.clause_start) j["clause_start"] = true;
    chunks.push_back(std::move(j));
  }
  json j = {{"text", std::string(a.text)}, {"tokens", std::move(tokens)}, {"chunks", std::move(chunks)}};
  std::printf("%s\n", j.dump(-1, ' ', false, json::error_handler_t::replace).c_str());
}

int RunAnalyze(const AnalyzeFlags& f) {
  std::unique_ptr<an::Analyzer> owned;
  Result<const an::Analyzer*> chosen = ChooseAnalyzer(f.model, &owned);
  if (!chosen.ok()) return ReportError(chosen.status());
  const an::Analyzer* analyzer = *chosen;
  std::vector<std::string> paragraphs = f.texts;
  if (paragraphs.empty() || (paragraphs.size() == 1 && paragraphs[0] == "-")) {
    paragraphs.clear();
    std::string line;
    while (std::getline(std::cin, line)) paragraphs.push_back(line);
  }
  an::Analysis analysis;
  std::vector<Span> sentences;
  bool first = true;
  for (const std::string& p : paragraphs) {
    sentences.clear();
    text::SplitSentences(p, 0, &sentences);
    for (const Span& s : sentences) {
      analyzer->Analyze(s.In(p), &analysis);
      if (f.format == "jsonl") {
        PrintJson(analysis);
      } else {
        if (!first) std::printf("\n");
        PrintTable(analysis);
      }
      first = false;
    }
  }
  return kExitOk;
}

// The file of `split` ("train", "dev", "test") in a UD treebank folder:
// <lang>-ud-<split>.conllu.
std::string SplitFile(const std::string& dir, std::string_view split) {
  std::error_code ec;
  std::string suffix = "-ud-" + std::string(split) + ".conllu";
  std::vector<std::string> found;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    std::string name = e.path().filename().string();
    if (name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
      found.push_back(e.path().string());
    }
  }
  std::sort(found.begin(), found.end());
  return found.empty() ? "" : found[0];
}

struct TrainFlags {
  std::string treebank;
  std::string out;
  int epochs = an::TrainOptions{}.epochs;
  double prune = an::TrainOptions{}.prune_below;
  bool quiet = false;
};

int RunTrainTagger(const TrainFlags& f) {
  std::string train_file = SplitFile(f.treebank, "train");
  if (train_file.empty()) {
    return ReportError(InvalidArgumentError("no *-ud-train.conllu in '" + f.treebank + "'"));
  }
  Result<std::vector<an::TreebankSentence>> train = an::ReadConllu(train_file);
  if (!train.ok()) return ReportError(train.status());
  an::TrainOptions options;
  options.epochs = f.epochs;
  options.prune_below = f.prune;
  an::TrainReport report;
  auto progress = [&](int epoch, double acc) {
    if (!f.quiet) std::fprintf(stderr, "epoch %d: training accuracy %.4f\n", epoch, acc);
  };
  Result<std::unique_ptr<an::Tagger>> tagger = an::TrainTagger(*train, options, &report, progress);
  if (!tagger.ok()) return ReportError(tagger.status());
  std::string bytes = (*tagger)->Serialize();
  std::string payload = bytes;
  if (f.out.size() > 4 && f.out.compare(f.out.size() - 4, 4, ".b64") == 0) payload = an::EncodeBase64(bytes);
  {
    std::ofstream out(f.out, std::ios::binary | std::ios::trunc);
    out.write(payload.data(), static_cast<std::streamsize>(payload.size()));
    if (!out) return ReportError(IoError(f.out + ": cannot write"));
  }
  std::printf("train tagger: %s (%zu sentences, %zu tokens, %d epochs, %.1f s)\n", train_file.c_str(),
              report.sentences, report.tokens, f.epochs, report.seconds);
  std::printf("  model %s: %zu bytes (%zu features, %zu weights, %zu dictionary words)\n", f.out.c_str(),
              bytes.size(), report.features, report.weights, report.dictionary);
  std::string dev_file = SplitFile(f.treebank, "dev");
  if (!dev_file.empty()) {
    Result<std::vector<an::TreebankSentence>> dev = an::ReadConllu(dev_file);
    if (!dev.ok()) return ReportError(dev.status());
    an::UposMapper upos(*train);
    an::TagEvaluation ev = an::EvaluateTagger(**tagger, *dev, &upos);
    std::printf("  dev: XPOS %.4f  UPOS %.4f (%zu tokens)\n", ev.xpos_accuracy(), ev.upos_accuracy(), ev.tokens);
  }
  return kExitOk;
}

struct EvalTaggerFlags {
  std::string dir;
  std::string model;
  bool json = false;
};

int RunEvalTagger(const EvalTaggerFlags& f) {
  std::string dir = f.dir;
  if (dir.empty()) {
    dir = FindSharedData("treebank/ud-english-ewt");
    if (dir.empty()) {
      return ReportError(InvalidArgumentError(
          "give the treebank folder (*-ud-{train,dev,test}.conllu), e.g. ../shared/data/treebank/ud-english-ewt"));
    }
  }
  std::string test_file = SplitFile(dir, "test");
  std::string train_file = SplitFile(dir, "train");
  if (test_file.empty()) return ReportError(InvalidArgumentError("no *-ud-test.conllu in '" + dir + "'"));
  std::unique_ptr<an::Analyzer> owned;
  Result<const an::Analyzer*> chosen = ChooseAnalyzer(f.model, &owned);
  if (!chosen.ok()) return ReportError(chosen.status());
  const an::Analyzer* analyzer = *chosen;
  std::unique_ptr<an::UposMapper> upos;
  if (!train_file.empty()) {
    Result<std::vector<an::TreebankSentence>> train = an::ReadConllu(train_file);
    if (!train.ok()) return ReportError(train.status());
    upos = std::make_unique<an::UposMapper>(*train);
  }
  Result<std::vector<an::TreebankSentence>> test = an::ReadConllu(test_file);
  if (!test.ok()) return ReportError(test.status());
  an::TagEvaluation ev = an::EvaluateTagger(analyzer->tagger(), *test, upos.get());
  an::TagEvaluation dev_ev;
  std::string dev_file = SplitFile(dir, "dev");
  if (!dev_file.empty()) {
    Result<std::vector<an::TreebankSentence>> dev = an::ReadConllu(dev_file);
    if (!dev.ok()) return ReportError(dev.status());
    dev_ev = an::EvaluateTagger(analyzer->tagger(), *dev, upos.get());
  }
  double tps = ev.seconds > 0 ? ev.tokens / ev.seconds : 0;
  if (f.json) {
    json j = {{"xpos_accuracy", ev.xpos_accuracy()}, {"tokens", ev.tokens}, {"sentences", ev.sentences},
              {"tokens_per_second", tps}};
    j["upos_accuracy"] = upos ? json(ev.upos_accuracy()) : json(nullptr);
    if (!dev_file.empty()) {
      j["dev"] = {{"xpos_accuracy", dev_ev.xpos_accuracy()},
                  {"upos_accuracy", upos ? json(dev_ev.upos_accuracy()) : json(nullptr)},
                  {"tokens", dev_ev.tokens}};
    }
    std::printf("%s\n", j.dump().c_str());
    return kExitOk;
  }
  std::printf("eval tagger: %s (hyphenated words merged as the tokenizer keeps them; %.0f tokens/s)\n",
              dir.c_str(), tps);
  std::printf("  split  tokens  XPOS    UPOS\n");
  auto row = [&](const char* name, const an::TagEvaluation& e) {
    char u[16] = "-";
    if (upos) std::snprintf(u, sizeof u, "%.4f", e.upos_accuracy());
    std::printf("  %-5s  %6zu  %.4f  %s\n", name, e.tokens, e.xpos_accuracy(), u);
  };
  row("test", ev);
  if (!dev_file.empty()) row("dev", dev_ev);
  if (upos) {
    std::printf("  UPOS = the UPOS seen most often in train with the (word, predicted XPOS) pair, else with the XPOS\n");
  }
  return kExitOk;
}

}  // namespace

void RegisterAnalysis(CLI::App& app, GlobalFlags&, int& exit_code) {
  auto af = std::make_shared<AnalyzeFlags>();
  CLI::App* cmd = app.add_subcommand(
      "analyze",
      "Tokenize, part-of-speech tag (Penn Treebank) and chunk text: one line word/TAG,\n"
      "one line of [chunks] (* marks the head; | a clause start). Reads stdin without TEXT.");
  cmd->add_option("text", af->texts, "Text (each argument split into sentences); '-' or none: stdin lines");
  cmd->add_option("--format", af->format, "Output format")
      ->check(CLI::IsMember({"table", "jsonl"}))
      ->capture_default_str();
  cmd->add_option("--model", af->model, "Tagger model file (binary, or .b64); default: the shipped one");
  cmd->callback([&exit_code, af]() { exit_code = RunAnalyze(*af); });

  CLI::App* train = app.add_subcommand("train", "Train models from annotated data");
  train->require_subcommand(1);
  auto tf = std::make_shared<TrainFlags>();
  CLI::App* tagger = train->add_subcommand(
      "tagger",
      "Train the averaged-perceptron POS tagger on a UD treebank folder (*-ud-train.conllu;\n"
      "XPOS column) and report dev accuracy. FILE ending in .b64 is written as base64 text\n"
      "(the form data/analysis/ ships).");
  tagger->add_option("--treebank", tf->treebank, "Treebank folder")->required();
  tagger->add_option("--out", tf->out, "Model file to write")->required();
  tagger->add_option("--epochs", tf->epochs, "Training passes")->capture_default_str()->check(CLI::Range(1, 100));
  tagger->add_option("--prune", tf->prune, "Drop averaged weights below this")->capture_default_str();
  tagger->add_flag("--quiet", tf->quiet, "No per-epoch progress");
  tagger->callback([&exit_code, tf]() { exit_code = RunTrainTagger(*tf); });

  CLI::App* eval = app.get_subcommand("eval");  // registered by RegisterEval, before this
  auto ef = std::make_shared<EvalTaggerFlags>();
  CLI::App* ecmd = eval->add_subcommand(
      "tagger",
      "Part-of-speech accuracy on a UD treebank (default ../shared/data/treebank/ud-english-ewt):\n"
      "XPOS (Penn tags) and UPOS on test and dev.");
  ecmd->add_option("dir", ef->dir, "Treebank folder (*-ud-{train,dev,test}.conllu)");
  ecmd->add_option("--model", ef->model, "Tagger model file (binary, or .b64); default: the shipped one");
  ecmd->add_flag("--json", ef->json, "Print one JSON object of metrics");
  ecmd->callback([&exit_code, ef]() { exit_code = RunEvalTagger(*ef); });
}

}  // namespace storyline::cli
