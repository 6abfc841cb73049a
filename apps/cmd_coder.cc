// storyline code SENTENCE: the events of one sentence (or of each stdin line)
// with why each was coded; `storyline eval coder SUITE`: the coder scored on
// a PETRARCH / UD-PETRARCH / TABARI validation suite; `storyline
// dictionaries inspect DIR`: counts, load errors and entries of a dictionary
// set (doc/formats/coder-eval.md).
#include <cctype>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "coder/coder.h"
#include "coding/formats.h"
#include "coding/validation.h"
#include "commands.h"
#include "common/calendar.h"
#include "eval/coder_eval.h"
#include "output.h"

namespace storyline::cli {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Dictionary selection shared by `code` and `dictionaries inspect`.
struct DictFlags {
  std::string dir;
  std::string verbs;
  std::vector<std::string> actors;
  std::string agents;
  std::string discards;
  std::string issues;
};

void AddDictFlags(CLI::App* cmd, DictFlags* f) {
  cmd->add_option("--dictionaries", f->dir,
                  "Dictionary folder (storyline's own format with a storyline.dict marker,\n"
                  "PETRARCH files picked by name, or a TABARI .project\n"
                  "in it), or a TABARI .project file");
  cmd->add_option("--verbs", f->verbs, "PETRARCH verb dictionary (CAMEO.2.0.txt)");
  cmd->add_option("--actors", f->actors, "PETRARCH actor dictionaries")->expected(1, -1);
  cmd->add_option("--agents", f->agents, "PETRARCH agent dictionary");
  cmd->add_option("--discards", f->discards, "PETRARCH discard list");
  cmd->add_option("--issues", f->issues, "PETRARCH issue dictionary");
}

Result<std::shared_ptr<const coder::DictionarySet>> LoadDictionaries(const DictFlags& f) {
  bool explicit_files = !f.verbs.empty() || !f.actors.empty() || !f.agents.empty() ||
                        !f.discards.empty() || !f.issues.empty();
  if (!f.dir.empty() && explicit_files) {
    return InvalidArgumentError(
        "give either --dictionaries DIR or the files (--verbs, --actors ...), not both");
  }
  if (f.dir == "default") return coder::LoadDefault();
  if (!f.dir.empty()) {
    std::error_code ec;
    if (fs::is_regular_file(f.dir, ec) && fs::path(f.dir).extension() == ".project") {
      return coder::LoadTabari(f.dir);
    }
    if (!fs::is_directory(f.dir, ec)) {
      return InvalidArgumentError("--dictionaries: '" + f.dir +
                                  "' is not a folder or a .project file");
    }
    return coder::LoadDirectory(f.dir);
  }
  if (explicit_files) {
    if (f.verbs.empty())
      return InvalidArgumentError("--verbs is required with --actors/--agents/...");
    coder::PetrarchFiles files;
    files.verbs = f.verbs;
    files.actors = f.actors;
    files.agents = f.agents;
    files.discards = f.discards;
    files.issues = f.issues;
    return coder::LoadPetrarch(files);
  }
  return coder::LoadDefault();  // storyline's own, built in (data/dictionaries)
}

// "2013-05-27" or "20130527"; 0 when malformed.
coding::Date ParseDateFlag(std::string_view s) {
  std::string digits;
  for (char c : s) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      digits += c;
    } else if (c != '-') {
      return 0;
    }
  }
  if (digits.size() != 8) return 0;
  coding::Date d = std::stoi(digits);
  int month = d / 100 % 100, day = d % 100;
  if (month < 1 || month > 12 || day < 1 || day > 31) return 0;
  return d;
}

coding::Date Today() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return (tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
}

std::string LocationText(const coding::SourceLocation& where) {
  if (where.file_name().empty()) return "";
  std::string_view name = where.file_name();
  size_t slash = name.rfind('/');
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  return std::string(name) + ":" + std::to_string(where.line);
}

std::string SpanText(const Span& s, std::string_view text) {
  if (s.end <= s.begin || s.end > text.size()) return "";
  return std::string(s.In(text));
}

json ActorJson(const coder::ActorMention& m, std::string_view text) {
  return {{"code", m.code},        {"text", SpanText(m.span, text)},
          {"begin", m.span.begin}, {"end", m.span.end},
          {"entry", m.entry},      {"where", LocationText(m.where)},
          {"agents", m.agents}};
}

void PrintLoadSummary(const coder::DictionarySet& d, std::FILE* out, size_t max_errors) {
  std::fprintf(out, "dictionaries: %zu files, %zu load errors\n", d.files.size(), d.errors.size());
  for (size_t i = 0; i < d.errors.size() && i < max_errors; ++i) {
    std::fprintf(out, "  %s\n", coding::ToString(d.errors[i]).c_str());
  }
  if (d.errors.size() > max_errors) {
    std::fprintf(out, "  ... %zu more\n", d.errors.size() - max_errors);
  }
}

// ------------------------------------------------------------------ code

struct CodeFlags {
  bool article = false;
  std::string sentence;
  std::string date;
  std::string format = "table";
  bool trace = false;
  bool no_dyad = false;
  bool no_tagger = false;
  DictFlags dict;
};

// The day `shift` days from `date` (YYYYMMDD), as YYYY-MM-DD.
std::string ShiftedDay(coding::Date date, int shift) {
  const int32_t ymd = ShiftYmd(date, shift);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", ymd / 10000, ymd / 100 % 100, ymd % 100);
  return buf;
}

void PrintCoded(const CodeFlags& f, size_t n, std::string_view text, coding::Date date,
                const coder::CodeResult& r) {
  const std::string event_date = ShiftedDay(date, r.date_shift_days);
  if (f.format == "jsonl") {
    json events = json::array();
    for (const coder::CodedEvent& e : r.events) {
      events.push_back({{"source", e.source},
                        {"target", e.target},
                        {"code", e.code},
                        {"verb", SpanText(e.verb_span, text)},
                        {"verb_begin", e.verb_span.begin},
                        {"verb_end", e.verb_span.end},
                        {"verb_block", e.verb_block},
                        {"pattern", e.pattern},
                        {"pattern_where", LocationText(e.pattern_where)},
                        {"transformation", e.transformation},
                        {"source_actor", ActorJson(e.source_actor, text)},
                        {"target_actor", ActorJson(e.target_actor, text)},
                        {"passive", e.passive},
                        {"negated", e.negated},
                        {"modal", e.modal},
                        {"paired", e.paired}});
    }
    json j = {{"sentence", n},
              {"text", std::string(text)},
              {"date", event_date},
              {"events", events},
              {"issues", r.issues},
              {"discarded_by", r.discarded_by},
              {"time_phrase", r.time_phrase},
              {"date_shift_days", r.date_shift_days}};
    if (f.trace) j["trace"] = r.trace;
    std::printf("%s\n", j.dump(-1, ' ', false, json::error_handler_t::replace).c_str());
    return;
  }
  if (f.sentence == "-") std::printf("sentence %zu: %s\n", n, std::string(text).c_str());
  if (r.events.empty()) {
    std::printf("no events");
    if (!r.discarded_by.empty()) std::printf(" (discarded by \"%s\")", r.discarded_by.c_str());
    std::printf("\n");
  }
  for (size_t i = 0; i < r.events.size(); ++i) {
    std::vector<std::string> lines = eval::ExplainEvent(r.events[i], text);
    for (size_t k = 0; k < lines.size(); ++k) {
      if (k == 0)
        std::printf("event %zu: %s\n", i + 1, lines[k].c_str());
      else
        std::printf("%s\n", lines[k].c_str());
    }
  }
  if (!r.time_phrase.empty()) {
    std::printf("date: %s (time phrase \"%s\", %+d days)\n", event_date.c_str(),
                r.time_phrase.c_str(), r.date_shift_days);
  }
  if (!r.actors.empty()) {
    std::printf("actors:");
    for (const coder::ActorMention& m : r.actors) {
      std::printf(" %s \"%s\";", m.code.empty() ? "---" : m.code.c_str(),
                  SpanText(m.span, text).c_str());
    }
    std::printf("\n");
  }
  if (!r.issues.empty()) {
    std::printf("issues:");
    for (const std::string& s : r.issues) std::printf(" %s", s.c_str());
    std::printf("\n");
  }
  if (f.trace) {
    std::printf("trace:\n");
    for (const std::string& t : r.trace) std::printf("  %s\n", t.c_str());
  }
  if (f.sentence == "-") std::printf("\n");
}

int RunCode(const CodeFlags& f) {
  coding::Date date = Today();
  if (!f.date.empty()) {
    date = ParseDateFlag(f.date);
    if (date == 0) {
      return ReportError(
          InvalidArgumentError("--date wants YYYY-MM-DD or YYYYMMDD, got '" + f.date + "'"));
    }
  }
  Result<std::shared_ptr<const coder::DictionarySet>> dict = LoadDictionaries(f.dict);
  if (!dict.ok()) return ReportError(dict.status());
  if (!(*dict)->errors.empty()) {
    std::fprintf(
        stderr,
        "storyline: %zu dictionary entries skipped (see `storyline dictionaries inspect`)\n",
        (*dict)->errors.size());
  }
  coder::CoderOptions options;
  coder::ApplyTabariProject(**dict, &options);  // a TABARI project's own settings
  options.trace = f.trace;
  options.require_dyad = !f.no_dyad;
  options.use_tagger = !f.no_tagger;
  Result<std::unique_ptr<coder::Coder>> coder = coder::Coder::Create(*dict, options);
  if (!coder.ok()) return ReportError(coder.status());
  coder::CodeResult result;
  if (f.sentence != "-") {
    (*coder)->Code(f.sentence, date, &result);
    PrintCoded(f, 1, f.sentence, date, result);
    return kExitOk;
  }
  std::string line;
  size_t n = 0;
  coder::ArticleContext context;  // with --article: names carry over between lines
  while (std::getline(std::cin, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    ++n;
    (*coder)->Code(line, date, f.article ? &context : nullptr, &result);
    PrintCoded(f, n, line, date, result);
  }
  return kExitOk;
}

// ------------------------------------------------------------ eval coder

struct EvalCoderFlags {
  std::string suite;
  std::string file;  // SUITE plover: the PLOVER gold-record file
  std::string dictionaries;
  bool json = false;
  std::string failures;  // N or "all"; default 10 (text), 0 (json)
  std::string category;
  bool trace = false;
  bool all_categories = false;
  bool no_tagger = false;
};

struct SuiteSpec {
  std::string file;
  std::string dict_dir;  // searched after the suite's folder; "" = none
};

// The shortcut names, resolved under ../shared/data/eventcoding.
Result<SuiteSpec> ResolveSuite(const std::string& name) {
  struct Shortcut {
    const char* name;
    const char* file;
    const char* dict_dir;
  };
  static const Shortcut kShortcuts[] = {
      {"petrarch", "petrarch/PETR.UnitTest.records.xml", ""},
      {"ud-petrarch", "ud-petrarch/PETR_Validate_records_2_02.xml", ""},
      {"gsr", "ud-petrarch/PETR2_GSR_validation.xml", "petrarch"},
      {"tabari", "tabari/Validate.text", ""},
      {"tabari-demo", "tabari/TABARI.Demo.text", ""},
  };
  for (const Shortcut& s : kShortcuts) {
    if (name != s.name) continue;
    std::string root = FindSharedData("eventcoding");
    if (root.empty()) {
      return InvalidArgumentError(
          "suite '" + name +
          "': ../shared/data/eventcoding not found; give the suite file instead");
    }
    SuiteSpec spec;
    spec.file = root + "/" + s.file;
    if (*s.dict_dir) spec.dict_dir = root + "/" + s.dict_dir;
    return spec;
  }
  std::error_code ec;
  if (!fs::is_regular_file(name, ec)) {
    return InvalidArgumentError(
        "suite '" + name +
        "' is neither a file nor one of petrarch, ud-petrarch, gsr, tabari, tabari-demo");
  }
  return SuiteSpec{name, ""};
}

// PETRARCH XML when the first non-blank character is '<', else TABARI text.
Result<coding::ValidationSuite> LoadSuite(const std::string& path, bool* is_xml) {
  STORYLINE_ASSIGN_OR_RETURN(std::string text, coding::ReadTextFile(path));
  size_t i = 0;
  while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
  if (i + 2 < text.size() && static_cast<unsigned char>(text[i]) == 0xEF) i += 3;  // BOM
  *is_xml = i < text.size() && text[i] == '<';
  return *is_xml ? coding::ParsePetrarchValidation(text, path)
                 : coding::ParseTabariValidation(text, path);
}

std::string Fixed(double v, int digits = 4) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

json CountsJson(const eval::CoderEvalCounts& c) {
  return {{"records", c.records},
          {"passed", c.passed},
          {"record_accuracy", c.record_accuracy()},
          {"correct", c.correct()},
          {"uncoded", c.uncoded()},
          {"extra_per_record", c.extra_per_record()},
          {"precision", c.precision()},
          {"recall", c.recall()},
          {"f1", c.f1()},
          {"expected", c.expected_triples},
          {"produced", c.produced},
          {"matched", c.matched},
          {"extra", c.extra},
          {"null_events", c.null_events}};
}

std::vector<std::string> CountsRow(const std::string& name, const eval::CoderEvalCounts& c) {
  return {name,
          std::to_string(c.records),
          std::to_string(c.passed),
          Fixed(c.record_accuracy(), 3),
          Fixed(c.correct(), 3),
          Fixed(c.uncoded(), 3),
          Fixed(c.extra_per_record(), 3),
          std::to_string(c.null_events),
          Fixed(c.precision(), 3),
          Fixed(c.recall(), 3),
          Fixed(c.f1(), 3)};
}

std::string TripleList(const std::vector<eval::EvalTriple>& triples, const std::vector<bool>& ok,
                       const char* ok_mark, const char* bad_mark) {
  std::string out;
  for (size_t i = 0; i < triples.size(); ++i) {
    if (i) out += "; ";
    out += eval::ToString(triples[i]);
    out += i < ok.size() && ok[i] ? ok_mark : bad_mark;
  }
  return out;
}

int RunEvalCoder(const EvalCoderFlags& f) {
  if (f.suite == "plover") return RunPloverEval(f.file, f.dictionaries, f.json, f.failures);
  size_t max_failures = f.json ? 0 : 10;
  if (!f.failures.empty()) {
    if (f.failures == "all") {
      max_failures = std::numeric_limits<size_t>::max();
    } else {
      char* end = nullptr;
      unsigned long long v = std::strtoull(f.failures.c_str(), &end, 10);
      if (end == f.failures.c_str() || *end != '\0') {
        return ReportError(
            InvalidArgumentError("--failures wants a number or 'all', got '" + f.failures + "'"));
      }
      max_failures = v;
    }
  }
  Result<SuiteSpec> spec = ResolveSuite(f.suite);
  if (!spec.ok()) return ReportError(spec.status());
  bool is_xml = false;
  Result<coding::ValidationSuite> suite = LoadSuite(spec->file, &is_xml);
  if (!suite.ok()) return ReportError(suite.status());

  auto load_start = std::chrono::steady_clock::now();
  Result<std::shared_ptr<const coder::DictionarySet>> dict = InvalidArgumentError("unset");
  std::error_code ec;
  if (f.dictionaries == "default") {
    dict = coder::LoadDefault();  // storyline's own, built in
  } else if (!f.dictionaries.empty() &&
             fs::is_regular_file(fs::path(f.dictionaries) / "storyline.dict", ec)) {
    dict = coder::LoadNative(f.dictionaries);
  } else if (!f.dictionaries.empty()) {
    dict = coder::LoadForSuite(*suite, f.dictionaries);
    if (!dict.ok()) dict = coder::LoadDirectory(f.dictionaries);
  } else {
    // The files beside the suite first (the GSR codes were made with the
    // UniversalPetrarch copy of CAMEO.2.0.txt beside it), then the
    // shortcut's other folder for those it lacks (the Phoenix files).
    std::string dir = fs::path(spec->file).parent_path().string();
    if (dir.empty()) dir = ".";
    std::vector<std::string> dirs{dir};
    if (!spec->dict_dir.empty()) dirs.push_back(spec->dict_dir);
    dict = coder::LoadForSuite(*suite, dirs);
  }
  if (!dict.ok()) return ReportError(dict.status());
  double load_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - load_start)
          .count();
  coder::CoderOptions coder_options;
  coder_options.trace = f.trace;
  coder_options.use_tagger = !f.no_tagger;
  Result<std::unique_ptr<coder::Coder>> coder = coder::Coder::Create(*dict, coder_options);
  if (!coder.ok()) return ReportError(coder.status());

  eval::CoderEvalOptions options;
  options.category = f.category;
  options.max_failures = max_failures;
  options.honour_include = !f.all_categories;
  eval::CoderEvalReport r = eval::EvaluateCoderSuite(*suite, **coder, options);
  double per_s = r.seconds > 0 ? r.total.records / r.seconds : 0;

  if (f.json) {
    json j = CountsJson(r.total);
    j["suite"] = spec->file;
    j["format"] = is_xml ? "petrarch-xml" : "tabari-text";
    j["failing_records"] = r.failing_records;
    j["suite_errors"] = suite->errors.size();
    j["load_errors"] = (*dict)->errors.size();
    j["load_ms"] = load_ms;
    j["sentences_per_second"] = per_s;
    j["skipped"] = {{"disabled", r.skipped_disabled},
                    {"excluded", r.skipped_excluded},
                    {"parse_error_tests", r.skipped_parse_error},
                    {"after_final", r.skipped_after_final}};
    j["records_with_options"] = r.records_with_options;
    json cats = json::object();
    for (const auto& [name, c] : r.categories) cats[name] = CountsJson(c);
    j["categories"] = cats;
    if (max_failures > 0) {
      json fails = json::array();
      for (const auto& fr : r.failures) {
        json e = json::array(), p = json::array();
        for (const auto& t : fr.expected) e.push_back(eval::ToString(t));
        for (const auto& t : fr.produced) p.push_back(eval::ToString(t));
        fails.push_back({{"id", fr.id},
                         {"category", fr.category},
                         {"line", fr.line},
                         {"text", fr.text},
                         {"expected", e},
                         {"produced", p},
                         {"no_events", fr.expect_no_events},
                         {"explanation", fr.explanation}});
      }
      j["failures"] = fails;
    }
    std::printf("%s\n", j.dump(-1, ' ', false, json::error_handler_t::replace).c_str());
    return kExitOk;
  }

  std::printf("eval coder: %s (%s)\n", spec->file.c_str(), is_xml ? "PETRARCH XML" : "TABARI text");
  std::printf(
      "suite: %zu records, %zu read errors; scored %zu; skipped %zu disabled, %zu outside "
      "<Include>/--category, %zu parse-error tests, %zu after FINAL\n",
      suite->records.size(), suite->errors.size(), r.total.records, r.skipped_disabled,
      r.skipped_excluded, r.skipped_parse_error, r.skipped_after_final);
  for (size_t i = 0; i < suite->errors.size() && i < 5; ++i) {
    std::printf("  %s\n", coding::ToString(suite->errors[i]).c_str());
  }
  PrintLoadSummary(**dict, stdout, 5);
  std::printf("load %.0f ms; coding %.0f sentences/s\n\n", load_ms, per_s);
  TableWriter t({"category", "records", "pass", "record_acc", "correct", "uncoded", "extra/rec",
                 "null", "precision", "recall", "f1"});
  for (const auto& [name, c] : r.categories) t.AddRow(CountsRow(name, c));
  t.AddRow(CountsRow("TOTAL", r.total));
  t.PrintTable(stdout);
  if (r.records_with_options > 0) {
    std::printf("note: %zu scored records carry TABARI { OPTION: } commands, not applied\n",
                r.records_with_options);
  }
  std::printf(
      "\noverall: record accuracy %.4f  correct %.4f  uncoded %.4f  extra/record %.4f  "
      "P %.4f  R %.4f  F1 %.4f\n",
      r.total.record_accuracy(), r.total.correct(), r.total.uncoded(), r.total.extra_per_record(),
      r.total.precision(), r.total.recall(), r.total.f1());
  if (!r.failures.empty()) {
    std::printf("\nfailing records (%zu of %zu shown; ok = matched, MISS / EXTRA):\n",
                r.failures.size(), r.failing_records);
    for (const auto& fr : r.failures) {
      std::printf("\n%s [%s] %d  (%s:%d)\n", fr.id.c_str(), fr.category.c_str(), fr.date,
                  fs::path(spec->file).filename().c_str(), fr.line);
      std::printf("  text:     %s\n", fr.text.c_str());
      if (fr.expect_no_events) {
        std::printf("  expected: no events%s\n", fr.expect_discard ? " (discarded)" : "");
      } else {
        std::printf("  expected: %s\n",
                    TripleList(fr.expected, fr.expected_found, " ok", " MISS").c_str());
      }
      if (!fr.optional.empty()) {
        std::printf("  optional: %s\n", TripleList(fr.optional, {}, "", "").c_str());
      }
      std::printf("  produced: %s\n",
                  fr.produced.empty()
                      ? "none"
                      : TripleList(fr.produced, fr.produced_matched, " ok", " EXTRA").c_str());
      for (const std::string& line : fr.explanation) std::printf("    %s\n", line.c_str());
    }
  }
  return kExitOk;
}

// --------------------------------------------------- dictionaries inspect

struct InspectFlags {
  DictFlags dict;
  std::string dir;
  std::string actor;
  std::string verb;
  std::string agent;
  std::string synset;
  std::string date;
  size_t errors = 20;
};

// The trie node reached by the words of `phrase` (blank or '_' separated),
// or kNoNode.
uint32_t Walk(const coding::TokenTrie& trie, std::string_view phrase) {
  coding::Phrase words = coding::ParsePhrase(coding::NormalizeWord(phrase));
  uint32_t node = coding::TokenTrie::root();
  for (const coding::PhraseToken& w : words) {
    uint32_t next = trie.Child(node, w.word);
    // TABARI verb keys of whole words carry a trailing '=' (see
    // TabariVerbKeys in src/coding/dictionary.cc).
    if (next == coding::TokenTrie::kNoNode) next = trie.Child(node, w.word + "=");
    node = next;
    if (node == coding::TokenTrie::kNoNode) return node;
  }
  return words.empty() ? coding::TokenTrie::kNoNode : node;
}

int RunInspect(const InspectFlags& f) {
  DictFlags df = f.dict;
  if (!f.dir.empty()) df.dir = f.dir;
  coding::Date date = Today();
  if (!f.date.empty()) {
    date = ParseDateFlag(f.date);
    if (date == 0) return ReportError(InvalidArgumentError("--date wants YYYY-MM-DD or YYYYMMDD"));
  }
  auto start = std::chrono::steady_clock::now();
  Result<std::shared_ptr<const coder::DictionarySet>> loaded = LoadDictionaries(df);
  if (!loaded.ok()) return ReportError(loaded.status());
  double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  const coder::DictionarySet& d = **loaded;
  size_t actor_phrases = 0, verb_forms = 0, issue_variants = 0;
  for (const auto& e : d.actors.entries()) actor_phrases += e.phrases.size();
  for (const auto& b : d.verbs.blocks()) verb_forms += b.verbs.size();
  for (const auto& e : d.issues.entries()) issue_variants += e.variants.size();
  std::printf("style: %s; loaded in %.0f ms\n",
              d.style == coder::DictionarySet::Style::kTabari      ? "TABARI"
              : d.style == coder::DictionarySet::Style::kStoryline ? "storyline"
                                                                   : "PETRARCH",
              ms);
  std::printf("files:\n");
  for (const std::string& file : d.files) std::printf("  %s\n", file.c_str());
  TableWriter t({"part", "entries", "detail"});
  t.AddRow({"actors", Grouped(d.actors.entries().size()),
            Grouped(actor_phrases) + " phrases, " + Grouped(d.actors.trie().num_nodes()) +
                " trie nodes"});
  t.AddRow({"agents", Grouped(d.agents.entries().size()), ""});
  t.AddRow({"verb blocks", Grouped(d.verbs.blocks().size()),
            Grouped(verb_forms) + " verbs, " + Grouped(d.verbs.num_patterns()) + " patterns"});
  t.AddRow({"synsets", Grouped(d.verbs.synsets().size()), ""});
  t.AddRow({"transformations", Grouped(d.verbs.transformations().size()), ""});
  if (!d.verbs.times().empty()) t.AddRow({"time shifts", Grouped(d.verbs.times().size()), ""});
  t.AddRow({"discards", Grouped(d.discards.entries().size()), ""});
  t.AddRow({"issues", Grouped(d.issues.entries().size()), Grouped(issue_variants) + " variants"});
  t.PrintTable(stdout);
  PrintLoadSummary(d, stdout, f.errors);

  bool missing = false;
  if (!f.actor.empty()) {
    std::printf("\nactor \"%s\":\n", f.actor.c_str());
    uint32_t node = Walk(d.actors.trie(), f.actor);
    if (node == coding::TokenTrie::kNoNode || d.actors.trie().Values(node).empty()) {
      std::printf("  no actor entry has this phrase\n");
      missing = true;
    } else {
      for (uint32_t v : d.actors.trie().Values(node)) {
        size_t entry = coding::ActorDictionary::EntryOf(v);
        std::string_view code = d.actors.CodeFor(entry, date);
        std::printf("  code on %d: %s\n", date,
                    code.empty() ? "(none)" : std::string(code).c_str());
        std::printf("%s\n", coding::Dump(d.actors.entries()[entry]).c_str());
      }
    }
  }
  if (!f.agent.empty()) {
    std::printf("\nagent \"%s\":\n", f.agent.c_str());
    uint32_t node = Walk(d.agents.trie(), f.agent);
    if (node == coding::TokenTrie::kNoNode || d.agents.trie().Values(node).empty()) {
      std::printf("  no agent entry has this phrase\n");
      missing = true;
    } else {
      for (uint32_t v : d.agents.trie().Values(node)) {
        std::printf("%s\n", coding::Dump(d.agents.entries()[v]).c_str());
      }
    }
  }
  if (!f.verb.empty()) {
    std::printf("\nverb \"%s\":\n", f.verb.c_str());
    uint32_t node = Walk(d.verbs.verb_trie(), f.verb);
    if (node == coding::TokenTrie::kNoNode || d.verbs.verb_trie().Values(node).empty()) {
      std::printf("  no verb form matches\n");
      missing = true;
    } else {
      std::vector<uint32_t> shown;
      for (uint32_t v : d.verbs.verb_trie().Values(node)) {
        size_t block = coding::VerbDictionary::BlockOf(v), form = coding::VerbDictionary::FormOf(v);
        const coding::VerbBlock& b = d.verbs.blocks()[block];
        const coding::VerbForm& vf = b.verbs[form];
        std::printf("  form %s of block %s, code %s (%s)\n", coding::PhraseText(vf.phrase).c_str(),
                    b.name.c_str(), coding::CodeText(d.verbs.CodeOf(block, form)).c_str(),
                    LocationText(vf.where).c_str());
        if (std::find(shown.begin(), shown.end(), block) != shown.end()) continue;
        shown.push_back(block);
        std::printf("%s\n", coding::Dump(b).c_str());
      }
    }
  }
  if (!f.synset.empty()) {
    std::string name = f.synset;
    if (!name.empty() && name[0] == '&') name.erase(0, 1);
    const coding::Synset* s = d.verbs.FindSynset(coding::NormalizeWord(name));
    std::printf("\nsynset &%s:\n", name.c_str());
    if (s == nullptr) {
      std::printf("  no such synset\n");
      missing = true;
    } else {
      std::printf("%s\n", coding::Dump(*s).c_str());
    }
  }
  (void)missing;  // a lookup that finds nothing is an answer, not a failure
  return kExitOk;
}

}  // namespace

void RegisterCoder(CLI::App& app, GlobalFlags&, int& exit_code) {
  auto f = std::make_shared<CodeFlags>();
  CLI::App* cmd = app.add_subcommand(
      "code",
      "Code the political events of a sentence (source, target, CAMEO code) and show why:\n"
      "verb block, pattern with file:line, actor entries, agents, spans, passive/negated/modal.\n"
      "SENTENCE '-' reads one sentence per line from stdin. Default dictionaries: storyline's\n"
      "own, built into the program (data/dictionaries, doc/formats/dictionaries.md).");
  cmd->add_option("sentence", f->sentence, "The sentence, or - for stdin")->required();
  cmd->add_option("--date", f->date,
                  "Date of the sentence (YYYY-MM-DD or YYYYMMDD; default today)");
  AddDictFlags(cmd, &f->dict);
  cmd->add_option("--format", f->format, "Output format")
      ->check(CLI::IsMember({"table", "jsonl"}))
      ->capture_default_str();
  cmd->add_flag("--trace", f->trace, "Print the coder's step-by-step trace");
  cmd->add_flag("--article", f->article,
                "With '-': the lines are one article's sentences, in order (names and pronouns\n"
                "are resolved across them: \"Kerry\" after \"Secretary of State John Kerry\")");
  cmd->add_flag("--no-dyad", f->no_dyad, "Keep events that lack a source or a target");
  cmd->add_flag("--no-tagger", f->no_tagger,
                "Every dictionary verb form counts as a verb (TABARI)");
  cmd->callback([&exit_code, f]() { exit_code = RunCode(*f); });

  auto d = std::make_shared<InspectFlags>();
  CLI::App* dict = app.add_subcommand("dictionaries", "Inspect event-coding dictionaries");
  dict->require_subcommand(1);
  CLI::App* in = dict->add_subcommand(
      "inspect",
      "Load a dictionary set and show counts, load errors (file:line) and, on request, the\n"
      "decompiled entries of an actor phrase, verb form, agent or synset.");
  in->add_option("dir", d->dir, "Dictionary folder or TABARI .project (default: the built-in set)");
  AddDictFlags(in, &d->dict);
  in->add_option("--actor", d->actor, "Show the actor entries with this phrase");
  in->add_option("--verb", d->verb, "Show the verb block(s) of this verb form");
  in->add_option("--agent", d->agent, "Show the agent entries with this phrase");
  in->add_option("--synset", d->synset, "Show this synset (&NAME)");
  in->add_option("--date", d->date, "Date for actor roles (default today)");
  in->add_option("--errors", d->errors, "Load errors listed")->capture_default_str();
  in->callback([&exit_code, d]() { exit_code = RunInspect(*d); });
}

void RegisterEvalCoder(CLI::App& eval, GlobalFlags&, int& exit_code) {
  auto f = std::make_shared<EvalCoderFlags>();
  CLI::App* cmd = eval.add_subcommand(
      "coder",
      "Score the event coder on a validation suite: PETRARCH / UD-PETRARCH XML or TABARI text,\n"
      "or a shortcut (petrarch, ud-petrarch, gsr, tabari, tabari-demo) in ../shared. Prints\n"
      "record accuracy, UD-PETRARCH's correct / uncoded / extra per record and triple P/R/F1\n"
      "per category, then the failing records with the coder's explanation.");
  cmd->add_option("suite", f->suite, "Suite file or shortcut, or 'plover' (then FILE)")->required();
  cmd->add_option("file", f->file,
                  "SUITE plover: the PLOVER gold-record JSON (default: the dev half in ../shared)");
  cmd->add_option("--dictionaries", f->dictionaries,
                  "Dictionary folder, or 'default' for the built-in set (default: the files\n"
                  "the suite names, beside it)");
  cmd->add_flag("--json", f->json, "Print one JSON object of metrics");
  cmd->add_option("--failures", f->failures,
                  "Failing records shown: N or all (default 10; JSON 0)");
  cmd->add_option("--category", f->category, "Score only this category");
  cmd->add_flag("--all-categories", f->all_categories, "Ignore the suite's <Include> list");
  cmd->add_flag("--trace", f->trace, "Add the coder's trace to each failing record");
  cmd->add_flag("--no-tagger", f->no_tagger,
                "Every dictionary verb form counts as a verb (TABARI)");
  cmd->callback([&exit_code, f]() { exit_code = RunEvalCoder(*f); });
}

}  // namespace storyline::cli
