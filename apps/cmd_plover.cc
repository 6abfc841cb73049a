// `storyline eval coder plover [FILE]`: the event coder, mapped to PLOVER,
// scored on the PLOVER gold-standard records (src/eval/plover_eval.h,
// doc/formats/plover.md). `eval coder` (cmd_coder.cc) dispatches here when its
// SUITE is "plover"; FILE defaults to the dev half in ../shared.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>

#include "coder/coder.h"
#include "coding/formats.h"
#include "commands.h"
#include "eval/plover_eval.h"
#include "output.h"

namespace storyline::cli {


namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr const char* kDevFile = "PLOVER_GSR_CAMEO.dev.txt";

Result<std::string> ResolveFile(const std::string& file) {
  if (!file.empty()) return file;
  std::string dir = FindSharedData("eventcoding/plover");
  if (dir.empty()) {
    return InvalidArgumentError(
        "eval coder plover: ../shared/data/eventcoding/plover not found; give FILE");
  }
  return dir + "/" + kDevFile;
}

// --dictionaries: "" or "default" = the built-in set; a TABARI .project; a
// folder (storyline's own with a storyline.dict marker, else PETRARCH / TABARI
// files picked by name).
Result<std::shared_ptr<const coder::DictionarySet>> Load(const std::string& dir) {
  if (dir.empty() || dir == "default") {
    Result<std::shared_ptr<const coder::DictionarySet>> d = coder::LoadDefault();
    if (!d.ok()) {
      return d.status().WithContext(
          "the built-in dictionaries are not usable; give --dictionaries DIR "
          "(e.g. ../shared/data/eventcoding/petrarch)");
    }
    return d;
  }
  std::error_code ec;
  if (fs::is_regular_file(dir, ec) && fs::path(dir).extension() == ".project")
    return coder::LoadTabari(dir);
  if (!fs::is_directory(dir, ec)) {
    return InvalidArgumentError("--dictionaries: '" + dir + "' is not a folder or a .project file");
  }
  if (fs::is_regular_file(fs::path(dir) / "storyline.dict", ec)) return coder::LoadNative(dir);
  return coder::LoadDirectory(dir);
}

std::string Fixed(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", v);
  return buf;
}

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : ",") + s;
  return out.empty() ? "-" : out;
}

std::string Describe(const eval::PloverScoredEvent& e) {
  std::string out = (e.source.empty() ? "-" : e.source) + " " +
                    (e.target.empty() ? "-" : e.target) + " " + e.cameo + " '" + e.verb + "' " +
                    std::string(plover::ModalityName(e.modality)) + " -> ";
  out += e.plover.type.empty() ? "(none)" : e.plover.type;
  if (!e.plover.mode.empty()) out += "/" + e.plover.mode;
  if (e.plover.dropped) out += " dropped";
  if (!e.plover.rule.empty()) out += " [" + e.plover.rule + "]";
  return out;
}

json EventJson(const eval::PloverScoredEvent& e) {
  return {{"cameo", e.cameo},
          {"source", e.source},
          {"target", e.target},
          {"verb", e.verb},
          {"modality", plover::ModalityName(e.modality)},
          {"type", e.plover.type},
          {"mode", e.plover.mode},
          {"context", e.plover.context},
          {"dropped", e.plover.dropped},
          {"rule", e.plover.rule}};
}

}  // namespace

int RunPloverEval(const std::string& file, const std::string& dictionaries, bool json_output,
                  const std::string& failures) {
  size_t max_failures = json_output ? 0 : 10;
  if (!failures.empty()) {
    if (failures == "all") {
      max_failures = std::numeric_limits<size_t>::max();
    } else {
      char* end = nullptr;
      unsigned long long v = std::strtoull(failures.c_str(), &end, 10);
      if (end == failures.c_str() || *end != '\0') {
        return ReportError(
            InvalidArgumentError("--failures wants a number or 'all', got '" + failures + "'"));
      }
      max_failures = v;
    }
  }
  Result<std::string> path = ResolveFile(file);
  if (!path.ok()) return ReportError(path.status());
  Result<std::string> text = coding::ReadTextFile(*path);
  if (!text.ok()) return ReportError(text.status());
  Result<std::vector<eval::PloverGoldRecord>> records = eval::ParsePloverGold(*text, *path);
  if (!records.ok()) return ReportError(records.status());

  auto load_start = std::chrono::steady_clock::now();
  Result<std::shared_ptr<const coder::DictionarySet>> dict = Load(dictionaries);
  if (!dict.ok()) return ReportError(dict.status());
  double load_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - load_start)
          .count();
  coder::CoderOptions coder_options;
  coder_options.require_dyad = false;  // PLOVER recipients are optional
  Result<std::unique_ptr<coder::Coder>> coder = coder::Coder::Create(*dict, coder_options);
  if (!coder.ok()) return ReportError(coder.status());

  eval::PloverEvalOptions options;
  options.max_failures = max_failures;
  eval::PloverEvalReport r = eval::EvaluatePlover(*records, **coder, options);
  std::string dict_name = dictionaries.empty() ? "default" : dictionaries;

  if (json_output) {
    json j = {{"file", *path},
              {"dictionaries", dict_name},
              {"records", r.records},
              {"accuracy", r.accuracy()},
              {"any_accuracy", r.any_accuracy()},
              {"precision", r.precision()},
              {"recall", r.recall()},
              {"f1", r.f1()},
              {"macro_f1", r.macro_f1()},
              {"correct", r.correct},
              {"any_correct", r.any_correct},
              {"predicted", r.predicted},
              {"no_event", r.no_event},
              {"no_coded_event", r.no_coded},
              {"source_agreement", r.source_agreement()},
              {"target_agreement", r.target_agreement()},
              {"no_target_agreement", r.no_target_agreement()},
              {"with_source", r.with_source},
              {"with_target", r.with_target},
              {"without_target", r.without_target},
              {"load_errors", (*dict)->errors.size()},
              {"load_ms", load_ms},
              {"seconds", r.seconds}};
    json types = json::object();
    for (const auto& [name, c] : r.per_type) {
      types[name] = {{"gold", c.gold},       {"predicted", c.predicted},
                     {"correct", c.correct}, {"precision", c.precision()},
                     {"recall", c.recall()}, {"f1", c.f1()}};
    }
    j["per_type"] = types;
    j["modalities"] = r.modalities;
    j["rules"] = r.rules;
    j["dropped"] = r.dropped;
    if (max_failures > 0) {
      json fails = json::array();
      for (const eval::PloverRecordResult& f : r.failures) {
        json events = json::array();
        for (const auto& e : f.events) events.push_back(EventJson(e));
        fails.push_back({{"position", f.position},
                         {"id", f.id},
                         {"gold", f.gold_type},
                         {"gold_sources", f.gold_sources},
                         {"gold_targets", f.gold_targets},
                         {"text", f.text},
                         {"predicted", f.predicted},
                         {"events", events}});
      }
      j["failures"] = fails;
    }
    std::printf("%s\n", j.dump(-1, ' ', false, json::error_handler_t::replace).c_str());
    return kExitOk;
  }

  std::printf("eval coder plover: %s\n", path->c_str());
  std::printf("dictionaries: %s (%zu load errors, %.0f ms); %zu records coded in %.2f s\n\n",
              dict_name.c_str(), (*dict)->errors.size(), load_ms, r.records, r.seconds);
  TableWriter t({"type", "gold", "predicted", "correct", "precision", "recall", "f1"});
  for (const auto& [name, c] : r.per_type) {
    t.AddRow({name, std::to_string(c.gold), std::to_string(c.predicted), std::to_string(c.correct),
              Fixed(c.precision()), Fixed(c.recall()), Fixed(c.f1())});
  }
  t.PrintTable(stdout);
  std::printf(
      "\naccuracy %.4f (%zu / %zu)  any-event accuracy %.4f  P %.4f  R %.4f  F1 %.4f  macro-F1 "
      "%.4f\n",
      r.accuracy(), r.correct, r.records, r.any_accuracy(), r.precision(), r.recall(), r.f1(),
      r.macro_f1());
  std::printf("no event: %zu records (%zu with no coded event at all)\n", r.no_event, r.no_coded);
  std::printf(
      "source agreement %.4f (%zu / %zu)  target agreement %.4f (%zu / %zu)  "
      "no-target agreement %.4f (%zu / %zu)\n",
      r.source_agreement(), r.source_agree, r.with_source, r.target_agreement(), r.target_agree,
      r.with_target, r.no_target_agreement(), r.no_target_agree, r.without_target);
  std::string mods, rules, dropped;
  for (const auto& [k, v] : r.modalities) mods += " " + k + "=" + std::to_string(v);
  for (const auto& [k, v] : r.rules)
    rules += " " + (k.empty() ? std::string("plain") : k) + "=" + std::to_string(v);
  for (const auto& [k, v] : r.dropped) dropped += " " + k + "=" + std::to_string(v);
  std::printf("predicted events by modality:%s\nby rule:%s\ndropped events:%s\n", mods.c_str(),
              rules.c_str(), dropped.empty() ? " none" : dropped.c_str());
  if (!r.failures.empty()) {
    std::printf("\nwrong or missing predictions (%zu of %zu shown; > marks the predicted event):\n",
                r.failures.size(), r.records - r.correct);
    for (const eval::PloverRecordResult& f : r.failures) {
      std::printf("\n#%zu %s  gold %s  source %s  target %s\n", f.position, f.id.c_str(),
                  f.gold_type.c_str(), Join(f.gold_sources).c_str(), Join(f.gold_targets).c_str());
      std::printf("  text: %s\n", f.text.c_str());
      if (f.events.empty()) std::printf("  (no events coded)\n");
      for (size_t i = 0; i < f.events.size(); ++i) {
        std::printf("  %s %s\n", static_cast<int>(i) == f.predicted ? ">" : " ",
                    Describe(f.events[i]).c_str());
      }
    }
  }
  return kExitOk;
}

}  // namespace storyline::cli
