#include "eval/tls_eval.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <unordered_map>

#include "events/code_article.h"
#include "text/segment.h"
#include "time/timex.h"

namespace storyline::eval {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

Prf MakePrf(double precision, double recall) {
  return {precision, recall, FScore(precision, recall)};
}

// Summed ROUGE counts -> Prf.
Prf FromSums(double prec_hits, double prec_denom, double rec_hits, double rec_denom) {
  double p = prec_denom > 0 ? prec_hits / prec_denom : 0;
  double r = rec_denom > 0 ? rec_hits / rec_denom : 0;
  return MakePrf(p, r);
}

// Cache of tokenised n-gram tables per day of one timeline.
class DayGrams {
 public:
  DayGrams(const TlsTimeline& tl, int n, const RougeOptions& options) {
    for (const auto& [day, sentences] : tl) {
      std::vector<std::vector<std::string>> tokens;
      for (const auto& s : sentences) tokens.push_back(RougeTokens(s, options));
      grams_[day] = CountNgrams(tokens, n);
    }
  }
  const NgramCounts& at(int64_t day) const {
    auto it = grams_.find(day);
    return it == grams_.end() ? empty_ : it->second;
  }

 private:
  std::unordered_map<int64_t, NgramCounts> grams_;
  NgramCounts empty_;
};

int64_t Total(const NgramCounts& c) {
  int64_t t = 0;
  for (const auto& [g, k] : c) t += k;
  return t;
}

// tilse's approximate ROUGE-1 F1 on whitespace tokens (no case folding, no
// stemming), used only to choose alignments.
using Bag = std::unordered_map<std::string, int64_t>;
Bag WhitespaceBag(const std::vector<std::string>& sentences) {
  Bag bag;
  for (const auto& s : sentences) {
    std::istringstream in(s);
    std::string tok;
    while (in >> tok) ++bag[tok];
  }
  return bag;
}

double ApproxRouge1(const Bag& pred, const Bag& ref) {
  double match = 0;
  int64_t np = 0, nr = 0;
  for (const auto& [tok, k] : pred) {
    np += k;
    auto it = ref.find(tok);
    if (it != ref.end()) match += static_cast<double>(std::min(k, it->second));
  }
  for (const auto& [tok, k] : ref) nr += k;
  double p = np > 0 ? match / static_cast<double>(np) : 0;
  double r = nr > 0 ? match / static_cast<double>(nr) : 0;
  return FScore(p, r);
}

Status LineError(const std::string& file, size_t line, const std::string& what) {
  return InvalidDataError(file + ":" + std::to_string(line) + ": " + what);
}

Result<std::string> ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFoundError("cannot read " + path.string());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

bool ParseDay(std::string_view iso, int64_t* day) {
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (iso[i] < '0' || iso[i] > '9') return false;
  }
  if (iso.size() > 10 && iso[10] != 'T' && iso[10] != ' ') return false;
  int y = std::atoi(std::string(iso.substr(0, 4)).c_str());
  unsigned m = static_cast<unsigned>(std::atoi(std::string(iso.substr(5, 2)).c_str()));
  unsigned d = static_cast<unsigned>(std::atoi(std::string(iso.substr(8, 2)).c_str()));
  std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
  if (!ymd.ok()) return false;
  *day = std::chrono::sys_days(ymd).time_since_epoch().count();
  return true;
}

std::string FormatDay(int64_t day) {
  std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{day}}};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

Prf DateScores(const TlsTimeline& predicted, const TlsTimeline& gold) {
  size_t shared = 0;
  for (const auto& [day, s] : predicted) shared += gold.count(day);
  double p = predicted.empty() ? 0 : static_cast<double>(shared) / predicted.size();
  double r = gold.empty() ? 0 : static_cast<double>(shared) / gold.size();
  return MakePrf(p, r);
}

Prf ConcatRouge(const TlsTimeline& predicted, const TlsTimeline& gold, int n,
                const RougeOptions& options) {
  std::vector<std::string> p, g;
  for (const auto& [day, s] : predicted) p.insert(p.end(), s.begin(), s.end());
  for (const auto& [day, s] : gold) g.insert(g.end(), s.begin(), s.end());
  RougeCounts c = RougeN(p, g, n, options);
  return MakePrf(c.precision(), c.recall());
}

Prf AgreementRouge(const TlsTimeline& predicted, const TlsTimeline& gold, int n,
                   const RougeOptions& options) {
  DayGrams pg(predicted, n, options), gg(gold, n, options);
  double ph = 0, pd = 0, rh = 0, rd = 0;
  for (const auto& [day, s] : predicted) {
    RougeCounts c = Overlap(pg.at(day), gg.at(day));
    ph += c.hits;
    pd += static_cast<double>(c.system);
  }
  for (const auto& [day, s] : gold) {
    RougeCounts c = Overlap(pg.at(day), gg.at(day));
    rh += c.hits;
    rd += static_cast<double>(c.reference);
  }
  return FromSums(ph, pd, rh, rd);
}

Prf AlignmentRouge(const TlsTimeline& predicted, const TlsTimeline& gold, int n,
                   const RougeOptions& options) {
  DayGrams pg(predicted, n, options), gg(gold, n, options);
  std::vector<int64_t> pdays, gdays;
  std::vector<Bag> pbags, gbags;
  for (const auto& [day, s] : predicted) {
    pdays.push_back(day);
    pbags.push_back(WhitespaceBag(s));
  }
  for (const auto& [day, s] : gold) {
    gdays.push_back(day);
    gbags.push_back(WhitespaceBag(s));
  }
  auto cost = [&](size_t i, size_t j) {
    double distance = static_cast<double>(std::llabs(pdays[i] - gdays[j]));
    double date_factor = 1 - 1 / (distance + 1);
    if (date_factor == 0) return 0.0;
    return date_factor * (1 - ApproxRouge1(pbags[i], gbags[j]));
  };
  auto discount = [&](size_t i, size_t j) {
    return 1 / (static_cast<double>(std::llabs(pdays[i] - gdays[j])) + 1);
  };
  double ph = 0, pd = 0, rh = 0, rd = 0;
  // Precision: every predicted day to its cheapest gold day.
  for (size_t i = 0; i < pdays.size(); ++i) {
    const NgramCounts& sys = pg.at(pdays[i]);
    if (gdays.empty()) {
      pd += static_cast<double>(Total(sys));
      continue;
    }
    size_t best = 0;
    double best_cost = cost(i, 0);
    for (size_t j = 1; j < gdays.size(); ++j) {
      double c = cost(i, j);
      if (c < best_cost) best_cost = c, best = j;
    }
    RougeCounts c = Overlap(sys, gg.at(gdays[best]));
    ph += discount(i, best) * c.hits;
    pd += static_cast<double>(c.system);
  }
  // Recall: every gold day to its cheapest predicted day.
  for (size_t j = 0; j < gdays.size(); ++j) {
    const NgramCounts& ref = gg.at(gdays[j]);
    if (pdays.empty()) {
      rd += static_cast<double>(Total(ref));
      continue;
    }
    size_t best = 0;
    double best_cost = cost(0, j);
    for (size_t i = 1; i < pdays.size(); ++i) {
      double c = cost(i, j);
      if (c < best_cost) best_cost = c, best = i;
    }
    RougeCounts c = Overlap(pg.at(pdays[best]), ref);
    rh += discount(best, j) * c.hits;
    rd += static_cast<double>(c.reference);
  }
  return FromSums(ph, pd, rh, rd);
}

TlsScores ScoreTimeline(const TlsTimeline& predicted, const TlsTimeline& gold,
                        const RougeOptions& options) {
  TlsScores s;
  s.dates = DateScores(predicted, gold);
  s.rouge1_concat = ConcatRouge(predicted, gold, 1, options);
  s.rouge2_concat = ConcatRouge(predicted, gold, 2, options);
  s.rouge1_agreement = AgreementRouge(predicted, gold, 1, options);
  s.rouge2_agreement = AgreementRouge(predicted, gold, 2, options);
  s.rouge1_alignment = AlignmentRouge(predicted, gold, 1, options);
  s.rouge2_alignment = AlignmentRouge(predicted, gold, 2, options);
  return s;
}

TlsTimeline FromTimeline(const timeline::Timeline& timeline) {
  TlsTimeline out;
  for (const auto& e : timeline.entries) {
    int64_t day;
    if (e.background || e.date.size() != 10 || !ParseDay(e.date, &day)) continue;
    auto& sentences = out[day];
    for (const auto& c : e.sentences) sentences.push_back(c.text);
  }
  return out;
}

// Calls visit(line number, parsed object) for each non-blank line of a JSON
// Lines text; stops at the first error (a line that is not JSON, or the
// error visit returns).
template <typename Visit>
Status ForEachJsonLine(std::string_view jsonl, const std::string& file, Visit&& visit) {
  size_t line_no = 0;
  size_t pos = 0;
  while (pos < jsonl.size()) {
    size_t end = jsonl.find('\n', pos);
    if (end == std::string_view::npos) end = jsonl.size();
    std::string_view line = jsonl.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    json j = json::parse(line, nullptr, false);
    if (j.is_discarded()) return LineError(file, line_no, "not valid JSON");
    STORYLINE_RETURN_IF_ERROR(visit(line_no, j));
  }
  return Status::Ok();
}

Result<std::vector<TlsTimeline>> ParseGoldTimelines(std::string_view jsonl,
                                                    const std::string& file) {
  std::vector<TlsTimeline> out;
  STORYLINE_RETURN_IF_ERROR(
      ForEachJsonLine(jsonl, file, [&](size_t line_no, const json& j) -> Status {
        if (!j.is_array()) return LineError(file, line_no, "a timeline must be a JSON array");
        TlsTimeline tl;
        for (const auto& entry : j) {
          if (!entry.is_array() || entry.size() != 2 || !entry[0].is_string() ||
              !entry[1].is_array()) {
            return LineError(file, line_no, "an entry must be [date, [sentences]]");
          }
          int64_t day;
          std::string date = entry[0].get<std::string>();
          if (!ParseDay(date, &day)) return LineError(file, line_no, "bad date \"" + date + "\"");
          auto& sentences = tl[day];
          for (const auto& s : entry[1]) {
            if (!s.is_string()) return LineError(file, line_no, "a sentence must be a string");
            sentences.push_back(s.get<std::string>());
          }
        }
        if (tl.empty()) return LineError(file, line_no, "empty timeline");
        out.push_back(std::move(tl));
        return Status::Ok();
      }));
  if (out.empty()) return InvalidDataError(file + ": no timeline");
  return out;
}

Result<std::vector<TlsArticle>> ParseTlsArticles(std::string_view jsonl, const std::string& file) {
  std::vector<TlsArticle> out;
  STORYLINE_RETURN_IF_ERROR(
      ForEachJsonLine(jsonl, file, [&](size_t line_no, const json& j) -> Status {
        if (!j.is_object() || !j.contains("time") || !j["time"].is_string() ||
            !j.contains("text") || !j["text"].is_string()) {
          return LineError(file, line_no, "an article needs string fields \"time\" and \"text\"");
        }
        TlsArticle a;
        if (j.contains("id"))
          a.id = j["id"].is_string() ? j["id"].get<std::string>() : j["id"].dump();
        std::string time = j["time"].get<std::string>();
        int64_t day;
        if (!ParseDay(time, &day)) return LineError(file, line_no, "bad time \"" + time + "\"");
        a.published = time.substr(0, 10);
        a.text = j["text"].get<std::string>();
        out.push_back(std::move(a));
        return Status::Ok();
      }));
  return out;
}

Result<TlsTopic> LoadTlsTopic(const std::string& dir) {
  fs::path root(dir);
  std::error_code ec;
  if (!fs::is_directory(root, ec)) return NotFoundError("no such topic folder: " + dir);
  TlsTopic topic;
  topic.name = root.filename().string();
  if (topic.name.empty()) topic.name = root.parent_path().filename().string();
  fs::path gold_path = root / "timelines.jsonl";
  STORYLINE_ASSIGN_OR_RETURN(std::string gold_text, ReadFile(gold_path));
  STORYLINE_ASSIGN_OR_RETURN(topic.gold, ParseGoldTimelines(gold_text, gold_path.string()));
  fs::path articles_path = root / "articles.jsonl";
  fs::path docs = root / "InputDocs";
  if (fs::is_regular_file(articles_path, ec)) {
    STORYLINE_ASSIGN_OR_RETURN(std::string text, ReadFile(articles_path));
    STORYLINE_ASSIGN_OR_RETURN(topic.articles, ParseTlsArticles(text, articles_path.string()));
  } else if (fs::is_directory(docs, ec)) {
    std::vector<fs::path> files;
    for (const auto& day_dir : fs::directory_iterator(docs, ec)) {
      if (!day_dir.is_directory()) continue;
      int64_t day;
      std::string name = day_dir.path().filename().string();
      if (name.size() != 10 || !ParseDay(name, &day)) {
        return InvalidDataError(day_dir.path().string() + ": folder name is not a date YYYY-MM-DD");
      }
      for (const auto& f : fs::directory_iterator(day_dir.path(), ec)) {
        if (f.is_regular_file()) files.push_back(f.path());
      }
    }
    if (ec) return IoError("cannot list " + docs.string() + ": " + ec.message());
    // Date order, then the numeric file name (1107.htm.txt) for a stable order.
    std::sort(files.begin(), files.end(), [](const fs::path& a, const fs::path& b) {
      std::string da = a.parent_path().filename().string();
      std::string db = b.parent_path().filename().string();
      if (da != db) return da < db;
      long na = std::atol(a.filename().string().c_str());
      long nb = std::atol(b.filename().string().c_str());
      if (na != nb) return na < nb;
      return a.filename() < b.filename();
    });
    for (const auto& f : files) {
      TlsArticle a;
      a.id = f.parent_path().filename().string() + "/" + f.filename().string();
      a.published = f.parent_path().filename().string();
      STORYLINE_ASSIGN_OR_RETURN(a.text, ReadFile(f));
      topic.articles.push_back(std::move(a));
    }
  } else {
    return NotFoundError(dir + ": neither articles.jsonl nor InputDocs/");
  }
  return topic;
}

Result<std::vector<std::string>> ListTlsTopics(const std::string& dataset) {
  fs::path root(dataset);
  std::error_code ec;
  if (!fs::is_directory(root, ec)) return NotFoundError("no such dataset folder: " + dataset);
  if (fs::is_regular_file(root / "timelines.jsonl", ec)) return std::vector<std::string>{dataset};
  std::vector<std::string> topics;
  for (const auto& e : fs::directory_iterator(root, ec)) {
    if (e.is_directory() && fs::is_regular_file(e.path() / "timelines.jsonl")) {
      topics.push_back(e.path().string());
    }
  }
  if (ec) return IoError("cannot list " + dataset + ": " + ec.message());
  if (topics.empty()) {
    return NotFoundError(dataset + ": no topic folder (a folder with timelines.jsonl)");
  }
  std::sort(topics.begin(), topics.end());
  return topics;
}

std::vector<timeline::TimelineArticle> PrepareTimelineArticles(
    const std::vector<TlsArticle>& articles, const coder::Coder* coder) {
  std::vector<timeline::TimelineArticle> out;
  out.reserve(articles.size());
  time::TimeTagger tagger;
  // One article coder for all (it clears its per-article state in Code).
  std::optional<events::ArticleCoder> article_coder;
  if (coder != nullptr) {
    events::CodeArticleOptions co;
    co.code_title = false;  // the datasets give no title apart from the text
    article_coder.emplace(*coder, co);
  }
  for (size_t i = 0; i < articles.size(); ++i) {
    const TlsArticle& a = articles[i];
    timeline::TimelineArticle t;
    t.id = static_cast<int64_t>(i);
    t.published = a.published;
    t.body = a.text;
    std::string_view body = t.body;
    size_t pos = 0;
    while (pos < body.size()) {
      size_t end = body.find('\n', pos);
      if (end == std::string_view::npos) end = body.size();
      if (end > pos) {
        text::SplitSentences(body.substr(pos, end - pos), static_cast<uint32_t>(pos), &t.sentences);
      }
      pos = end + 1;
    }
    time::Anchor anchor;
    anchor.date = time::ParseCivil(a.published);
    anchor.source = "published:dataset";
    anchor.confidence = 1;
    tagger.Tag(body, t.sentences, anchor, &t.times);
    if (article_coder) {
      Article art;
      art.body = t.body;
      art.sentences = t.sentences;
      art.published.value = a.published;
      art.published.source = "dataset";
      art.published.confidence = 1;
      const events::ArticleCoding coding = article_coder->Code(art, t.id, &t.times);
      for (const events::Mention& m : coding.mentions) {
        if (!events::TellsWhatHappened(m)) continue;
        t.events.push_back({m.sentence, m.date, m.date_source == events::kDateText});
      }
    }
    out.push_back(std::move(t));
  }
  return out;
}

timeline::TimelineOptions OptionsForGold(const TlsTimeline& gold) {
  timeline::TimelineOptions o;
  o.max_dates = gold.size();
  size_t sentences = 0;
  for (const auto& [day, s] : gold) sentences += s.size();
  if (!gold.empty()) {
    o.sentences_per_date = static_cast<size_t>(
        std::max(1.0, std::round(static_cast<double>(sentences) / gold.size())));
    o.start = FormatDay(gold.begin()->first);
    o.end = FormatDay(gold.rbegin()->first);
  }
  o.include_background = false;
  return o;
}

TlsScores MeanScores(const std::vector<TlsScores>& scores) {
  TlsScores m;
  if (scores.empty()) return m;
  auto fields = [](TlsScores& s) {
    return std::vector<Prf*>{&s.dates,
                             &s.rouge1_concat,
                             &s.rouge2_concat,
                             &s.rouge1_agreement,
                             &s.rouge2_agreement,
                             &s.rouge1_alignment,
                             &s.rouge2_alignment};
  };
  std::vector<Prf*> out = fields(m);
  for (TlsScores s : scores) {
    std::vector<Prf*> in = fields(s);
    for (size_t k = 0; k < out.size(); ++k) {
      out[k]->precision += in[k]->precision / scores.size();
      out[k]->recall += in[k]->recall / scores.size();
    }
  }
  for (Prf* p : out) p->f1 = FScore(p->precision, p->recall);
  return m;
}

TlsTopicResult EvaluateTlsTopic(const TlsTopic& topic, const TimelineBuilder& builder,
                                const RougeOptions& options, const coder::Coder* coder) {
  TlsTopicResult r;
  r.name = topic.name;
  r.articles = topic.articles.size();
  std::vector<timeline::TimelineArticle> articles = PrepareTimelineArticles(topic.articles, coder);
  for (const TlsTimeline& gold : topic.gold) {
    timeline::Timeline built = builder(articles, OptionsForGold(gold));
    r.timelines.push_back(ScoreTimeline(FromTimeline(built), gold, options));
  }
  r.mean = MeanScores(r.timelines);
  return r;
}

}  // namespace storyline::eval
