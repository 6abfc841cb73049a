// Article-extraction scoring, a faithful port of the Zyte benchmark's
// evaluate.py (see the header for the definitions). Tokens are Python's
// Unicode `\w`: characters whose general category is a letter (L*), whose
// Unicode numeric type is set (str.isnumeric / isdigit / isdecimal), or '_';
// ICU answers both questions. Shingles are hashed into a map of counts keyed
// by the joined tokens.
#include "eval/extract_eval.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unordered_map>

#include <nlohmann/json.hpp>

namespace storyline::eval {
namespace {

bool IsWordChar(UChar32 c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_';
  }
  if (U_GET_GC_MASK(c) & U_GC_L_MASK) return true;
  return u_getIntPropertyValue(c, UCHAR_NUMERIC_TYPE) != U_NT_NONE;
}

std::unordered_map<std::string, int> Shingles(std::string_view text, int n) {
  std::vector<std::string_view> tokens = WordTokens(text);
  std::unordered_map<std::string, int> counts;
  if (tokens.empty()) return counts;
  size_t windows = tokens.size() >= static_cast<size_t>(n) ? tokens.size() - n + 1 : 1;
  std::string key;
  for (size_t i = 0; i < windows; ++i) {
    key.clear();
    for (size_t k = i; k < std::min(tokens.size(), i + n); ++k) {
      key.append(tokens[k]);
      key.push_back('\x01');  // never part of a \w token
    }
    ++counts[key];
  }
  return counts;
}

double Mean(const std::vector<double>& v) {
  if (v.empty()) return 0;
  double s = 0;
  for (double x : v) s += x;
  return s / static_cast<double>(v.size());
}

double PrecisionScore(const ShingleMatch& m) {
  if (m.fp == 0 && m.fn == 0) return 1;
  if (m.tp == 0 && m.fp == 0) return 0;
  return m.tp / (m.tp + m.fp);
}

double RecallScore(const ShingleMatch& m) {
  if (m.fp == 0 && m.fn == 0) return 1;
  if (m.tp == 0 && m.fn == 0) return 0;
  return m.tp / (m.tp + m.fn);
}

Result<std::string> FindGroundTruth(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return NotFoundError("no dataset folder: " + dir);
  if (fs::exists(dir + "/ground-truth.json", ec)) return dir + "/ground-truth.json";
  std::vector<std::string> found;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    std::string name = e.path().filename().string();
    if (name.rfind("ground-truth.", 0) == 0 && name.size() > 18 &&
        name.substr(name.size() - 5) == ".json") {
      found.push_back(e.path().string());
    }
  }
  if (found.empty()) return NotFoundError("no ground-truth*.json in " + dir);
  if (found.size() > 1) {
    return InvalidArgumentError("several ground-truth.*.json files in " + dir);
  }
  return found[0];
}

}  // namespace

std::vector<std::string_view> WordTokens(std::string_view text) {
  std::vector<std::string_view> tokens;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t len = static_cast<int32_t>(std::min<size_t>(text.size(), INT32_MAX));
  int32_t i = 0;
  int32_t start = -1;
  while (i < len) {
    int32_t at = i;
    UChar32 c;
    U8_NEXT(s, i, len, c);
    bool word = c >= 0 && IsWordChar(c);
    if (word && start < 0) start = at;
    if (!word && start >= 0) {
      tokens.push_back(text.substr(start, at - start));
      start = -1;
    }
  }
  if (start >= 0) tokens.push_back(text.substr(start, len - start));
  return tokens;
}

ShingleMatch MatchShingles(std::string_view truth, std::string_view predicted, int n) {
  auto t = Shingles(truth, n);
  auto p = Shingles(predicted, n);
  double tp = 0, fp = 0, fn = 0;
  for (const auto& [key, tc] : t) {
    auto it = p.find(key);
    int pc = it == p.end() ? 0 : it->second;
    tp += std::min(tc, pc);
    fn += std::max(0, tc - pc);
    fp += std::max(0, pc - tc);
  }
  for (const auto& [key, pc] : p) {
    if (t.find(key) == t.end()) fp += pc;
  }
  ShingleMatch m;
  double s = tp + fp + fn;
  if (s > 0) {
    m.tp = tp / s;
    m.fp = fp / s;
    m.fn = fn / s;
  }
  return m;
}

void Summarize(ExtractEvalReport* report) {
  std::vector<double> precisions, recalls, accuracies;
  for (const PageScore& p : report->pages) {
    if (p.match.tp + p.match.fp > 0) precisions.push_back(PrecisionScore(p.match));
    if (p.match.tp + p.match.fn > 0) recalls.push_back(RecallScore(p.match));
    accuracies.push_back(p.exact_match ? 1.0 : 0.0);
  }
  report->n = report->pages.size();
  report->precision = Mean(precisions);
  report->recall = Mean(recalls);
  double pr = report->precision + report->recall;
  report->f1 = pr > 0 ? 2 * report->precision * report->recall / pr : 0;
  report->accuracy = Mean(accuracies);
}

Result<std::string> ReadMaybeGzip(const std::string& path) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return NotFoundError("cannot open " + path);
  gzbuffer(f, 1 << 16);
  std::string out;
  char buf[1 << 16];
  while (true) {
    int got = gzread(f, buf, sizeof(buf));
    if (got < 0) {
      int errnum = 0;
      std::string msg = gzerror(f, &errnum);
      gzclose(f);
      return DataLossError(path + ": " + msg);
    }
    if (got == 0) break;
    out.append(buf, static_cast<size_t>(got));
  }
  gzclose(f);
  return out;
}

Result<ExtractEvalReport> EvaluateExtraction(const std::string& dataset_dir,
                                             const ExtractFn& extract) {
  STORYLINE_ASSIGN_OR_RETURN(std::string truth_path, FindGroundTruth(dataset_dir));
  std::ifstream in(truth_path, std::ios::binary);
  if (!in) return NotFoundError("cannot read " + truth_path);
  std::stringstream ss;
  ss << in.rdbuf();
  nlohmann::json truth = nlohmann::json::parse(ss.str(), nullptr, /*allow_exceptions=*/false);
  if (truth.is_discarded() || !truth.is_object()) {
    return InvalidDataError(truth_path + ": not a JSON object");
  }
  ExtractEvalReport report;
  for (auto it = truth.begin(); it != truth.end(); ++it) {
    PageScore page;
    page.id = it.key();
    std::string body;
    if (it->is_object()) {
      auto b = it->find("articleBody");
      if (b != it->end() && b->is_string()) body = b->get<std::string>();
      auto u = it->find("url");
      if (u != it->end() && u->is_string()) page.url = u->get<std::string>();
    }
    std::string html_path = dataset_dir + "/html/" + page.id + ".html.gz";
    auto html = ReadMaybeGzip(html_path);
    if (!html.ok()) return html.status().WithContext("page " + page.id);
    auto t0 = std::chrono::steady_clock::now();
    Result<std::string> predicted = extract(*html, page.url);
    auto t1 = std::chrono::steady_clock::now();
    report.seconds += std::chrono::duration<double>(t1 - t0).count();
    report.megabytes += static_cast<double>(html->size()) / 1e6;
    std::string pred;
    if (predicted.ok()) {
      pred = std::move(*predicted);
    } else {
      page.error = predicted.status().ToString();
      ++report.failures;
    }
    page.match = MatchShingles(body, pred);
    page.precision = PrecisionScore(page.match);
    page.recall = RecallScore(page.match);
    page.f1 = page.precision + page.recall > 0
                  ? 2 * page.precision * page.recall / (page.precision + page.recall)
                  : 0;
    page.exact_match = WordTokens(body) == WordTokens(pred);
    page.truth_chars = body.size();
    page.predicted_chars = pred.size();
    report.pages.push_back(std::move(page));
  }
  Summarize(&report);
  return report;
}

}  // namespace storyline::eval
