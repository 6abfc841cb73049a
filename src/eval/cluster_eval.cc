// Clustering metrics from one contingency table.
//
// Every metric here is a function of the contingency counts n_ij (items in
// predicted cluster i and gold cluster j) and the marginals a_i, b_j: BCubed
// precision is sum_ij n_ij^2 / a_i over N, pairwise true positives are
// sum_ij C(n_ij, 2), ARI compares that with its expectation under random
// labelling, and AMI does the same for mutual information, whose expectation
// is summed exactly over the hypergeometric range of each cell (with lgamma
// to stay in floating point).
#include "eval/cluster_eval.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unordered_map>

#include "eval/xml_text.h"

namespace storyline::eval {
namespace {

double Comb2(double n) { return n * (n - 1) / 2; }
double F1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }

struct Table {
  std::vector<double> a, b;                           // predicted, gold sizes
  std::map<std::pair<size_t, size_t>, double> cells;  // non-zero n_ij
  double n = 0;
};

Table Contingency(const std::vector<std::string>& pred, const std::vector<std::string>& gold) {
  Table t;
  std::unordered_map<std::string, size_t> pi, gi;
  for (size_t k = 0; k < pred.size(); ++k) {
    auto [ip, newp] = pi.emplace(pred[k], pi.size());
    auto [ig, newg] = gi.emplace(gold[k], gi.size());
    if (newp) t.a.push_back(0);
    if (newg) t.b.push_back(0);
    t.a[ip->second] += 1;
    t.b[ig->second] += 1;
    t.cells[{ip->second, ig->second}] += 1;
  }
  t.n = static_cast<double>(pred.size());
  return t;
}

double Entropy(const std::vector<double>& sizes, double n) {
  double h = 0;
  for (double s : sizes) {
    if (s > 0) h -= (s / n) * std::log(s / n);
  }
  return h;
}

// Expected mutual information of two random partitions with these sizes.
double ExpectedMutualInformation(const std::vector<double>& a, const std::vector<double>& b,
                                 double n) {
  double emi = 0;
  const double lgn = std::lgamma(n + 1);
  for (double ai : a) {
    for (double bj : b) {
      double lo = std::max(1.0, ai + bj - n);
      double hi = std::min(ai, bj);
      for (double nij = lo; nij <= hi; nij += 1) {
        double term = (nij / n) * std::log(n * nij / (ai * bj));
        double lp = std::lgamma(ai + 1) + std::lgamma(bj + 1) + std::lgamma(n - ai + 1) +
                    std::lgamma(n - bj + 1) - lgn - std::lgamma(nij + 1) -
                    std::lgamma(ai - nij + 1) - std::lgamma(bj - nij + 1) -
                    std::lgamma(n - ai - bj + nij + 1);
        emi += term * std::exp(lp);
      }
    }
  }
  return emi;
}

std::string Trim(std::string s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  size_t e = s.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

// Attribute value of `name` inside a start tag.
std::string_view Attr(std::string_view tag, std::string_view name) {
  std::string key = " " + std::string(name) + "=\"";
  size_t p = tag.find(key);
  if (p == std::string_view::npos) return {};
  p += key.size();
  size_t e = tag.find('"', p);
  return e == std::string_view::npos ? std::string_view() : tag.substr(p, e - p);
}

Status ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError("cannot open " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return Status::Ok();
}

// Number in a file name like "12_3ecbplus.xml" after the underscore.
int DocNumber(const std::string& path) {
  size_t slash = path.find_last_of('/');
  size_t us = path.find('_', slash == std::string::npos ? 0 : slash);
  if (us == std::string::npos) return 0;
  return std::atoi(path.c_str() + us + 1);
}

}  // namespace

ClusterScores ScoreClustering(const std::vector<std::string>& predicted,
                              const std::vector<std::string>& gold) {
  ClusterScores s;
  if (predicted.empty() || predicted.size() != gold.size()) return s;
  Table t = Contingency(predicted, gold);
  s.items = predicted.size();
  s.predicted_clusters = t.a.size();
  s.gold_clusters = t.b.size();
  double bp = 0, br = 0, tp = 0;
  for (const auto& [ij, nij] : t.cells) {
    bp += nij * nij / t.a[ij.first];
    br += nij * nij / t.b[ij.second];
    tp += Comb2(nij);
  }
  s.bcubed_precision = bp / t.n;
  s.bcubed_recall = br / t.n;
  s.bcubed_f1 = F1(s.bcubed_precision, s.bcubed_recall);
  double pp = 0, gp = 0;
  for (double a : t.a) pp += Comb2(a);
  for (double b : t.b) gp += Comb2(b);
  s.pairwise_precision = pp > 0 ? tp / pp : (gp == 0 ? 1 : 0);
  s.pairwise_recall = gp > 0 ? tp / gp : 1;
  s.pairwise_f1 = F1(s.pairwise_precision, s.pairwise_recall);
  double total = Comb2(t.n);
  double expected = total > 0 ? pp * gp / total : 0;
  double max_index = (pp + gp) / 2;
  s.ari = max_index - expected != 0 ? (tp - expected) / (max_index - expected) : 1.0;
  // AMI.
  double mi = 0;
  for (const auto& [ij, nij] : t.cells) {
    mi += (nij / t.n) * std::log(t.n * nij / (t.a[ij.first] * t.b[ij.second]));
  }
  double ha = Entropy(t.a, t.n), hb = Entropy(t.b, t.n);
  if (t.a.size() == t.b.size() && (t.a.size() == 1 || t.a.size() == s.items)) {
    s.ami = 1.0;  // identical trivial partitions
  } else {
    double emi = ExpectedMutualInformation(t.a, t.b, t.n);
    double denom = (ha + hb) / 2 - emi;
    s.ami = std::fabs(denom) < 1e-15 ? 0 : (mi - emi) / denom;
  }
  return s;
}

Result<std::vector<EvalDoc>> ReadEcbPlus(const std::string& dir) {
  std::ifstream gold(dir + "/gold.tsv");
  if (!gold)
    return IoError("cannot open " + dir + "/gold.tsv (ECB+ gold: doc_file, topic, cluster)");
  struct Row {
    std::string file, topic, cluster;
  };
  std::vector<Row> rows;
  std::string line;
  int ln = 0;
  while (std::getline(gold, line)) {
    ++ln;
    line = Trim(line);
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string x;
    while (std::getline(ss, x, '\t')) f.push_back(x);
    if (f.size() < 3) {
      return InvalidDataError(dir + "/gold.tsv: line " + std::to_string(ln) +
                              ": expected 3 tab-separated fields");
    }
    rows.push_back({f[0], f[1], f[2]});
  }
  // Sub-topics in order: topic number, ecb before ecbplus.
  std::map<std::pair<int, std::string>, std::vector<Row>> subtopics;
  for (Row& r : rows) subtopics[{std::atoi(r.topic.c_str()), r.cluster}].push_back(r);
  for (auto& [key, v] : subtopics) {
    std::stable_sort(v.begin(), v.end(), [](const Row& x, const Row& y) {
      return DocNumber(x.file) < DocNumber(y.file);
    });
  }
  std::vector<EvalDoc> out;
  for (size_t round = 0;; ++round) {
    bool any = false;
    for (auto& [key, v] : subtopics) {
      if (round >= v.size()) continue;
      any = true;
      const Row& r = v[round];
      std::string xml;
      STORYLINE_RETURN_IF_ERROR(ReadFile(dir + "/" + r.file, &xml));
      EvalDoc d;
      d.id = r.file;
      d.topic = r.topic;
      d.gold = r.cluster;
      std::string_view s = xml;
      std::string_view sentence;
      bool first_token = true;
      size_t pos = 0;
      size_t first_sentence_end = std::string::npos;
      while ((pos = s.find("<token", pos)) != std::string_view::npos) {
        size_t gt = s.find('>', pos);
        if (gt == std::string_view::npos) break;
        std::string_view tag = s.substr(pos, gt - pos);
        size_t close = s.find("</token>", gt);
        if (close == std::string_view::npos) break;
        std::string_view sent = Attr(tag, "sentence");
        if (!first_token) {
          if (sent != sentence) {
            if (first_sentence_end == std::string::npos) first_sentence_end = d.text.size();
            d.text += "\n\n";
          } else {
            d.text.push_back(' ');
          }
        }
        sentence = sent;
        first_token = false;
        AppendXmlText(s.substr(gt + 1, close - gt - 1), &d.text);
        pos = close + 8;
      }
      if (d.text.empty()) return InvalidDataError(dir + "/" + r.file + ": no <token> elements");
      d.title = d.text.substr(0, std::min(first_sentence_end, d.text.size()));
      out.push_back(std::move(d));
    }
    if (!any) break;
  }
  return out;
}

Result<std::vector<EvalDoc>> ReadJsonlArticles(const std::string& jsonl,
                                               const std::string& gold_tsv) {
  std::unordered_map<std::string, std::string> gold_of;
  if (!gold_tsv.empty()) {
    std::ifstream g(gold_tsv);
    if (!g) return IoError("cannot open " + gold_tsv);
    std::string line;
    int ln = 0;
    while (std::getline(g, line)) {
      ++ln;
      line = Trim(line);
      if (line.empty() || line[0] == '#') continue;
      size_t tab = line.find('\t');
      if (tab == std::string::npos) {
        return InvalidDataError(gold_tsv + ": line " + std::to_string(ln) +
                                ": expected id<TAB>cluster");
      }
      gold_of[line.substr(0, tab)] = Trim(line.substr(tab + 1));
    }
  }
  std::ifstream in(jsonl);
  if (!in) return IoError("cannot open " + jsonl);
  std::vector<EvalDoc> out;
  std::string line;
  int ln = 0;
  auto str = [](const nlohmann::json& j, const char* key) -> std::string {
    if (!j.contains(key) || j[key].is_null()) return "";
    if (j[key].is_string()) return j[key].get<std::string>();
    return j[key].dump();
  };
  while (std::getline(in, line)) {
    ++ln;
    if (Trim(line).empty()) continue;
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    std::string where = jsonl + ": line " + std::to_string(ln);
    if (j.is_discarded() || !j.is_object()) return InvalidDataError(where + ": malformed JSON");
    EvalDoc d;
    d.id = str(j, "id");
    if (d.id.empty()) d.id = std::to_string(ln);
    d.title = str(j, "title");
    d.text = str(j, "text");
    if (d.text.empty()) d.text = str(j, "body");
    d.date = str(j, "date");
    if (d.date.empty()) d.date = str(j, "published");
    if (d.date.empty()) d.date = str(j, "time");
    d.topic = str(j, "topic");
    if (!gold_tsv.empty()) {
      auto it = gold_of.find(d.id);
      if (it == gold_of.end())
        return InvalidDataError(where + ": id '" + d.id + "' has no cluster in " + gold_tsv);
      d.gold = it->second;
    } else {
      d.gold = str(j, "cluster");
      if (d.gold.empty())
        return InvalidDataError(where + ": no \"cluster\" field (or give a gold TSV)");
    }
    if (d.text.empty() && d.title.empty()) return InvalidDataError(where + ": no \"text\"");
    out.push_back(std::move(d));
  }
  std::stable_sort(out.begin(), out.end(), [](const EvalDoc& a, const EvalDoc& b) {
    bool da = !std::isnan(cluster::DayFromIso(a.date)),
         db = !std::isnan(cluster::DayFromIso(b.date));
    if (da != db) return da;
    if (!da) return false;
    return cluster::DayFromIso(a.date) < cluster::DayFromIso(b.date);
  });
  return out;
}

Result<ClusterEvalReport> EvaluateClustering(const std::vector<EvalDoc>& docs,
                                             const cluster::ClusterOptions& options) {
  auto start = std::chrono::steady_clock::now();
  cluster::OnlineClusterer clusterer(options);
  ClusterEvalReport report;
  std::vector<std::string> gold, stories, topics;
  for (size_t i = 0; i < docs.size(); ++i) {
    cluster::StreamArticle a;
    a.id = i + 1;
    a.title = docs[i].title;
    a.body = docs[i].text;
    a.day = cluster::DayFromIso(docs[i].date);
    STORYLINE_ASSIGN_OR_RETURN(cluster::Assignment r, clusterer.Add(a));
    report.predicted.push_back(std::to_string(r.event));
    stories.push_back(std::to_string(r.story));
    gold.push_back(docs[i].gold);
    topics.push_back(docs[i].topic);
  }
  // Late merges: absorbed events' documents go to the surviving event/story.
  std::map<std::string, std::pair<std::string, std::string>> moved;
  std::vector<cluster::EventMerge> merges = clusterer.Consolidate();
  for (auto it = merges.rbegin(); it != merges.rend(); ++it) {
    std::pair<std::string, std::string> to{std::to_string(it->into), std::to_string(it->story)};
    auto later = moved.find(to.first);
    if (later != moved.end()) to = later->second;
    moved[std::to_string(it->from)] = to;
  }
  for (size_t i = 0; i < report.predicted.size(); ++i) {
    auto it = moved.find(report.predicted[i]);
    if (it != moved.end()) report.predicted[i] = it->second.first, stories[i] = it->second.second;
  }
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  report.events = ScoreClustering(report.predicted, gold);
  // Within-topic: per topic, then macro-averaged.
  std::map<std::string, std::vector<size_t>> by_topic;
  for (size_t i = 0; i < docs.size(); ++i) {
    if (!docs[i].topic.empty()) by_topic[docs[i].topic].push_back(i);
  }
  if (!by_topic.empty()) {
    ClusterScores& w = report.within_topic;
    for (const auto& [topic, idx] : by_topic) {
      std::vector<std::string> p, g;
      for (size_t i : idx) p.push_back(report.predicted[i]), g.push_back(gold[i]);
      ClusterScores s = ScoreClustering(p, g);
      w.bcubed_precision += s.bcubed_precision;
      w.bcubed_recall += s.bcubed_recall;
      w.bcubed_f1 += s.bcubed_f1;
      w.pairwise_precision += s.pairwise_precision;
      w.pairwise_recall += s.pairwise_recall;
      w.pairwise_f1 += s.pairwise_f1;
      w.ami += s.ami;
      w.ari += s.ari;
      w.predicted_clusters += s.predicted_clusters;
      w.gold_clusters += s.gold_clusters;
      w.items += s.items;
    }
    double k = static_cast<double>(by_topic.size());
    for (double* x : {&w.bcubed_precision, &w.bcubed_recall, &w.bcubed_f1, &w.pairwise_precision,
                      &w.pairwise_recall, &w.pairwise_f1, &w.ami, &w.ari}) {
      *x /= k;
    }
    report.stories_vs_topics = ScoreClustering(stories, topics);
  }
  return report;
}

}  // namespace storyline::eval
