// DATEWISE timelines and centroid/MMR summaries (timeline.h).
//
// Words: lower-cased kWord tokens of text::Tokenize, minus the stop words of
// data/cluster/stopwords.txt and one-letter words. Every sentence of the
// collection is a document for IDF; vectors are TF-IDF, L2-normalised.
#include "timeline/timeline.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "common/calendar.h"
#include "common/embedded_data.h"
#include "extract/quantities.h"
#include "text/segment.h"
#include "timeline/cited_text.h"

namespace storyline::timeline {
namespace {

// A sparse vector: (word id, weight), sorted by id.
using Vec = std::vector<std::pair<int, double>>;

const std::unordered_set<std::string>& StopWords() {
  static const auto* words = [] {
    auto* s = new std::unordered_set<std::string>();
    for (std::string_view w : data::Lines("cluster/stopwords.txt")) s->emplace(w);
    return s;
  }();
  return *words;
}

double Dot(const Vec& a, const Vec& b) {
  double sum = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].first < b[j].first) {
      ++i;
    } else if (a[i].first > b[j].first) {
      ++j;
    } else {
      sum += a[i++].second * b[j++].second;
    }
  }
  return sum;
}

void Normalize(Vec* v) {
  double norm = 0;
  for (const auto& [id, w] : *v) norm += w * w;
  if (norm <= 0) return;
  norm = std::sqrt(norm);
  for (auto& [id, w] : *v) w /= norm;
}

// Mean of unit vectors, normalised.
Vec Centroid(const std::vector<const Vec*>& vectors) {
  std::map<int, double> sum;
  for (const Vec* v : vectors) {
    for (const auto& [id, w] : *v) sum[id] += w;
  }
  Vec out(sum.begin(), sum.end());
  Normalize(&out);
  return out;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "YYYY-MM-DD" (possibly followed by a time) -> the day; else false.
bool ParseDay(std::string_view v, std::string* day, int64_t* days) {
  if (v.size() < 10 || v[4] != '-' || v[7] != '-') return false;
  if (v.size() > 10 && v[10] != 'T') return false;
  if (!AllDigits(v.substr(0, 4)) || !AllDigits(v.substr(5, 2)) || !AllDigits(v.substr(8, 2))) {
    return false;
  }
  const int y = std::atoi(std::string(v.substr(0, 4)).c_str());
  const int m = std::atoi(std::string(v.substr(5, 2)).c_str());
  const int d = std::atoi(std::string(v.substr(8, 2)).c_str());
  if (y < 1000 || m < 1 || m > 12 || d < 1 || d > 31) return false;
  *day = std::string(v.substr(0, 10));
  *days = DaysFromCivil(y, m, d);
  return true;
}

// "YYYY-MM" exactly -> the month and the day number of its last day.
bool ParseMonth(std::string_view v, std::string* month, int64_t* last_day) {
  if (v.size() != 7 || v[4] != '-' || !AllDigits(v.substr(0, 4)) || !AllDigits(v.substr(5, 2))) {
    return false;
  }
  const int y = std::atoi(std::string(v.substr(0, 4)).c_str());
  const int m = std::atoi(std::string(v.substr(5, 2)).c_str());
  if (y < 1000 || m < 1 || m > 12) return false;
  *month = std::string(v);
  *last_day = m == 12 ? DaysFromCivil(y + 1, 1, 1) - 1 : DaysFromCivil(y, m + 1, 1) - 1;
  return true;
}

// True when `before` (the sentence up to a time expression) is a dateline
// opening, "PARIS, " or "BEIRUT, Lebanon, ": the date there stamps the
// report, it does not refer to an event, so it is not counted as a mention.
bool InDateline(std::string_view before) {
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  if (before.empty() || before.size() > 40 || before.back() != ',') return false;
  const size_t comma = before.find(',');
  bool upper = false;
  for (char ch : before.substr(0, comma)) {
    if (ch >= 'a' && ch <= 'z') return false;
    upper = upper || (ch >= 'A' && ch <= 'Z');
  }
  return upper;
}

// One sentence of the collection.
struct Sentence {
  size_t article = 0;  // index into the articles
  int64_t index = 0;   // index into the article's sentences
  std::string_view text;
  Vec vec;
  int words = 0;                        // all word tokens (stop words included)
  bool ends = false;                    // ends with terminal punctuation (not a headline)
  std::vector<std::string> days;        // day-level dates it mentions
  std::vector<std::string> months;      // month-level dates it mentions
  std::vector<std::string> event_days;  // days its coded events are dated to (EventAnchor)
};

struct Collection {
  std::vector<Sentence> sentences;
  std::vector<size_t> first_sentence;  // per article: index of its first sentence here
  std::vector<int64_t> pub_days;       // per article; INT64_MIN when undated
  std::vector<std::string> pub;        // per article: YYYY-MM-DD or ""
};

constexpr int64_t kUndated = INT64_MIN;

// An article published on a day counts half a same-day mention: news is
// mostly about the day before, and what the texts name is the stronger
// signal (MentionCount beats PubCount in Ghalandari & Ifrim's tables).
constexpr double kPublishedWeight = 0.5;

Collection Prepare(const std::vector<TimelineArticle>& articles) {
  Collection c;
  const auto& stop = StopWords();
  std::unordered_map<std::string, int> vocab;
  std::vector<int> df;
  std::vector<std::vector<std::pair<int, int>>> counts;  // per sentence: (id, tf)
  std::vector<text::Token> tokens;
  std::string lower;
  for (size_t a = 0; a < articles.size(); ++a) {
    const TimelineArticle& art = articles[a];
    c.first_sentence.push_back(c.sentences.size());
    std::string day;
    int64_t days = 0;
    if (ParseDay(art.published, &day, &days)) {
      c.pub.push_back(day);
      c.pub_days.push_back(days);
    } else {
      c.pub.emplace_back();
      c.pub_days.push_back(kUndated);
    }
    for (size_t s = 0; s < art.sentences.size(); ++s) {
      const Span span = art.sentences[s];
      if (span.end > art.body.size() || span.begin >= span.end) continue;
      Sentence sent;
      sent.article = a;
      sent.index = static_cast<int64_t>(s);
      sent.text = span.In(art.body);
      tokens.clear();
      text::Tokenize(sent.text, &tokens);
      std::map<int, int> tf;
      for (const text::Token& t : tokens) {
        if (t.kind != text::TokenKind::kWord) continue;
        ++sent.words;
        lower.assign(t.span.In(sent.text));
        for (char& ch : lower) {
          if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
        }
        if (lower.size() < 2 || stop.count(lower) != 0) continue;
        auto [it, added] = vocab.emplace(lower, static_cast<int>(vocab.size()));
        if (added) df.push_back(0);
        ++tf[it->second];
      }
      for (const auto& [id, n] : tf) ++df[id];
      counts.emplace_back(tf.begin(), tf.end());
      if (!tokens.empty()) {
        std::string_view last = tokens.back().span.In(sent.text);
        sent.ends = last.find_first_of(".!?\"'") != std::string_view::npos ||
                    last == "\xE2\x80\x9D";  // closing double quote
      }
      for (const time::TimeExpression& e : art.times) {
        if (e.span.begin < span.begin || e.span.begin >= span.end) continue;
        if (e.type != time::TimexType::kDate && e.type != time::TimexType::kTime) continue;
        if (InDateline(art.body.substr(span.begin, e.span.begin - span.begin))) continue;
        std::string date;
        int64_t n = 0;
        if (ParseDay(e.value, &date, &n)) {
          if (std::find(sent.days.begin(), sent.days.end(), date) == sent.days.end()) {
            sent.days.push_back(date);
          }
        } else if (e.type == time::TimexType::kDate && ParseMonth(e.value, &date, &n)) {
          if (std::find(sent.months.begin(), sent.months.end(), date) == sent.months.end()) {
            sent.months.push_back(date);
          }
        }
      }
      c.sentences.push_back(std::move(sent));
    }
  }
  const double n = static_cast<double>(c.sentences.size());
  for (size_t i = 0; i < c.sentences.size(); ++i) {
    Vec& v = c.sentences[i].vec;
    for (const auto& [id, tf] : counts[i]) {
      const double idf = std::log((n + 1) / (df[id] + 1)) + 1;
      v.emplace_back(id, (1 + std::log(static_cast<double>(tf))) * idf);
    }
    Normalize(&v);
  }
  return c;
}

// Weight of a reference made `gap` days from the referenced date: close
// references count fully, distant ones (a recap months later) less.
double Closeness(int64_t gap) {
  return 1.0 / (1.0 + std::log1p(static_cast<double>(std::llabs(gap))));
}

// What a sentence dating a coded event to a day adds to the day's score
// (EventAnchor): four same-day mentions' worth, so the days things happened
// outrank days something was only said or published, without silencing
// DATEWISE's counts. Measured on the Timeline17 development topics with the
// built-in dictionaries (bench/RESULTS.md): 0 gives date F1 0.616 and
// alignment ROUGE-1 0.128; 3 to 6 give 0.616-0.621 and 0.131-0.132.
constexpr double kEventWeight = 4.0;

// Publication this close to a date (days) makes it news of the story.
constexpr int64_t kNearDays = 3;

// A sentence that opens with a quotation mark (straight, curly, or the
// dataset's `` form) is someone's words.
bool OpensWithQuote(std::string_view text) {
  return text.starts_with('"') || text.starts_with("\xE2\x80\x9C") || text.starts_with("``");
}

bool Usable(const Sentence& s) { return s.words >= 5 && (s.ends || s.words >= 12); }

struct DateInfo {
  std::string date;
  bool month = false;
  int64_t day_number = 0;  // the day (for months: the last day)
  double score = 0;
  std::vector<size_t> mentions;      // sentences mentioning it
  std::set<size_t> articles;         // articles mentioning it or published on it
  std::vector<size_t> published_on;  // articles published that day
  std::vector<size_t> anchors;       // sentences with a coded event dated to it
};

// True when no article was published near the date and every sentence
// naming it was written at least `days` later: the story recalls it ("a
// chemical attack in late August", in an October article), it did not
// report it as news.
bool OnlyRecalled(const Collection& c, const DateInfo& d, int days) {
  if (days <= 0 || d.mentions.empty() || !d.published_on.empty()) return false;
  for (int64_t pub : c.pub_days) {
    if (pub != kUndated && std::llabs(pub - d.day_number) <= kNearDays) return false;
  }
  for (size_t i : d.mentions) {
    const int64_t pub = c.pub_days[c.sentences[i].article];
    if (pub == kUndated || pub - d.day_number < days) return false;
  }
  return true;
}

bool InRange(const std::string& date, const TimelineOptions& o) {
  if (!o.start.empty() && date < o.start.substr(0, date.size())) return false;
  if (!o.end.empty() && date > o.end.substr(0, date.size())) return false;
  return true;
}

// How many opening sentences of an article report its news (DATEWISE's
// clip of 5, counted from 0 as news-tls does).
constexpr int64_t kLeadSentences = 6;

// Sum of vectors (not normalised).
Vec Sum(const Collection& c, const std::vector<size_t>& ids) {
  std::map<int, double> sum;
  for (size_t i : ids) {
    for (const auto& [id, w] : c.sentences[i].vec) sum[id] += w;
  }
  return Vec(sum.begin(), sum.end());
}

double Cosine(const Vec& a, const Vec& b) {
  double na = 0, nb = 0;
  for (const auto& [id, w] : a) na += w * w;
  for (const auto& [id, w] : b) nb += w * w;
  if (na <= 0 || nb <= 0) return 0;
  return Dot(a, b) / std::sqrt(na * nb);
}

// Index of the knee of a descending curve: the point farthest from the
// straight line between its first and last points.
size_t KneePoint(const std::vector<double>& values) {
  const size_t n = values.size();
  if (n < 3) return 0;
  const double dx = static_cast<double>(n - 1), dy = values.back() - values.front();
  const double len = std::sqrt(dx * dx + dy * dy);
  size_t best = 0;
  double best_dist = -1;
  for (size_t i = 0; i < n; ++i) {
    // Distance of (i, v) from the line through (0, v0) and (n-1, vn).
    const double dist =
        std::fabs(dy * static_cast<double>(i) - dx * (values[i] - values.front())) / len;
    if (dist > best_dist) {
      best_dist = dist;
      best = i;
    }
  }
  return best;
}

// DATEWISE's candidate sentences for a day (the PM-Mean collector of
// Ghalandari & Ifrim 2020): the sentences that mention the day and the lead
// sentences of what was published then. When there are both, a date vector
// keeps the words the two sides share (each side's mean weight), and only
// the sentences above the knee of their similarity to it remain: the
// mentions and the day's reports agree on what the day was about.
std::vector<size_t> Candidates(const Collection& c, const std::vector<size_t>& mentions,
                               const std::vector<size_t>& leads) {
  std::vector<size_t> all = mentions;
  for (size_t i : leads) {
    if (std::find(mentions.begin(), mentions.end(), i) == mentions.end()) all.push_back(i);
  }
  if (mentions.empty() || leads.empty()) return all;
  const Vec ment = Sum(c, mentions), pub = Sum(c, leads);
  Vec date;
  size_t i = 0, j = 0;
  while (i < ment.size() && j < pub.size()) {
    if (ment[i].first < pub[j].first) {
      ++i;
    } else if (ment[i].first > pub[j].first) {
      ++j;
    } else {
      date.emplace_back(ment[i].first,
                        ment[i].second / mentions.size() + pub[j].second / leads.size());
      ++i;
      ++j;
    }
  }
  if (date.empty()) return all;
  std::vector<double> sims;
  for (size_t k : all) sims.push_back(Cosine(date, c.sentences[k].vec));
  std::vector<double> sorted = sims;
  std::sort(sorted.begin(), sorted.end(), std::greater<>());
  const double threshold = sorted[KneePoint(sorted)];
  std::vector<size_t> kept;
  for (size_t k = 0; k < all.size(); ++k) {
    if (sims[k] > 0 && sims[k] > threshold) kept.push_back(all[k]);
  }
  return kept.empty() ? all : kept;
}

// How much a sentence's closeness to the whole story counts beside its
// closeness to the day: a day's candidates include asides and reader
// comments, and what the story is about keeps the entry on topic. Measured
// on the Timeline17 development topics (bench/RESULTS.md): alignment
// ROUGE-1 0.121 without it, 0.125 with 0.5 (0.2-1.0 all within 0.003).
constexpr double kTopicWeight = 0.5;

// The summary-centroid selection of DATEWISE (CentroidOpt): greedily add
// the sentence that brings the summary's vector closest to the candidates'
// centroid (plus kTopicWeight x its similarity to the story's centroid). A
// sentence must read as a sentence (Usable) and must not repeat one
// already in the timeline (`chosen`), unless it is one of `may_repeat`.
std::vector<size_t> CentroidOpt(const Collection& c, const std::vector<size_t>& candidates,
                                size_t k, const std::vector<const Vec*>& chosen,
                                const TimelineOptions& options, const Vec& topic,
                                const std::vector<size_t>& may_repeat, bool allow_quotes) {
  std::vector<size_t> picked;
  if (candidates.empty()) return picked;
  Vec centroid = Sum(c, candidates);
  Normalize(&centroid);
  std::vector<size_t> remaining;
  for (size_t i : candidates) {
    const Sentence& s = c.sentences[i];
    if (!Usable(s)) continue;
    if (!allow_quotes && OpensWithQuote(s.text)) continue;
    bool redundant = false;
    if (std::find(may_repeat.begin(), may_repeat.end(), i) == may_repeat.end()) {
      for (const Vec* v : chosen) redundant = redundant || Dot(*v, s.vec) > options.max_similarity;
    }
    if (!redundant) remaining.push_back(i);
  }
  std::sort(remaining.begin(), remaining.end());
  remaining.erase(std::unique(remaining.begin(), remaining.end()), remaining.end());
  std::map<int, double> summary;
  while (picked.size() < k && !remaining.empty()) {
    double best = -1;
    size_t best_at = 0;
    for (size_t r = 0; r < remaining.size(); ++r) {
      const Sentence& s = c.sentences[remaining[r]];
      bool redundant = false;
      for (size_t p : picked) {
        redundant = redundant || Dot(c.sentences[p].vec, s.vec) > options.max_similarity;
      }
      if (redundant) continue;
      std::map<int, double> with = summary;
      for (const auto& [id, w] : s.vec) with[id] += w;
      const double score =
          Cosine(Vec(with.begin(), with.end()), centroid) + kTopicWeight * Dot(s.vec, topic);
      if (score > best) {
        best = score;
        best_at = r;
      }
    }
    if (best < 0) break;
    const size_t i = remaining[best_at];
    picked.push_back(i);
    for (const auto& [id, w] : c.sentences[i].vec) summary[id] += w;
    remaining.erase(remaining.begin() + static_cast<std::ptrdiff_t>(best_at));
  }
  return picked;
}

}  // namespace

Timeline BuildTimeline(const std::vector<TimelineArticle>& articles,
                       const TimelineOptions& options) {
  Timeline out;
  if (articles.empty()) return out;
  Collection c = Prepare(articles);

  int64_t first_pub = kUndated;
  for (int64_t d : c.pub_days) {
    if (d != kUndated && (first_pub == kUndated || d < first_pub)) first_pub = d;
  }

  std::map<std::string, DateInfo> dates;
  auto info = [&](const std::string& date, bool month, int64_t number) -> DateInfo& {
    DateInfo& d = dates[date];
    d.date = date;
    d.month = month;
    d.day_number = number;
    return d;
  };
  for (size_t a = 0; a < articles.size(); ++a) {
    if (c.pub_days[a] == kUndated) continue;
    DateInfo& d = info(c.pub[a], false, c.pub_days[a]);
    d.score += kPublishedWeight;
    d.published_on.push_back(a);
    d.articles.insert(a);
  }
  for (size_t i = 0; i < c.sentences.size(); ++i) {
    const Sentence& s = c.sentences[i];
    const int64_t pub = c.pub_days[s.article];
    for (const std::string& date : s.days) {
      std::string day;
      int64_t number = 0;
      ParseDay(date, &day, &number);
      DateInfo& d = info(date, false, number);
      d.score += pub == kUndated ? 0.5 : Closeness(pub - number);
      d.mentions.push_back(i);
      d.articles.insert(s.article);
    }
    for (const std::string& date : s.months) {
      std::string month;
      int64_t last = 0;
      ParseMonth(date, &month, &last);
      DateInfo& d = info(date, true, last);
      d.score += pub == kUndated ? 0.5 : Closeness(pub - last);
      d.mentions.push_back(i);
      d.articles.insert(s.article);
    }
  }

  // Coded events dated in their own sentence (EventAnchor): each sentence
  // that dates an event to a day adds kEventWeight to the day's score.
  for (size_t a = 0; a < articles.size(); ++a) {
    const size_t first = c.first_sentence[a];
    const size_t last = a + 1 < articles.size() ? c.first_sentence[a + 1] : c.sentences.size();
    for (const EventAnchor& ev : articles[a].events) {
      std::string day;
      int64_t number = 0;
      if (!ParseDay(ev.date, &day, &number)) continue;
      // Sentences skipped by Prepare (empty spans) leave gaps: find by index.
      for (size_t i = first; i < last; ++i) {
        if (c.sentences[i].index != ev.sentence) continue;
        if (std::find(c.sentences[i].event_days.begin(), c.sentences[i].event_days.end(), day) ==
            c.sentences[i].event_days.end()) {
          c.sentences[i].event_days.push_back(day);
        }
        if (!ev.stated) break;
        DateInfo& d = info(day, false, number);
        if (std::find(d.anchors.begin(), d.anchors.end(), i) == d.anchors.end()) {
          d.anchors.push_back(i);
          d.score += kEventWeight;
        }
        d.articles.insert(a);
        break;
      }
    }
  }

  // Split into background and news, rank each by score.
  std::vector<const DateInfo*> news, background;
  for (const auto& [date, d] : dates) {
    if (!InRange(date, options)) continue;
    const bool is_background =
        first_pub != kUndated && (d.day_number < first_pub - options.background_days ||
                                  OnlyRecalled(c, d, options.recalled_days));
    if (is_background) {
      if (options.include_background && !d.mentions.empty()) background.push_back(&d);
    } else if (!d.month) {
      news.push_back(&d);
    }
  }
  auto by_score = [](const DateInfo* a, const DateInfo* b) {
    if (a->score != b->score) return a->score > b->score;
    return a->date < b->date;
  };
  std::sort(news.begin(), news.end(), by_score);
  std::sort(background.begin(), background.end(), by_score);

  size_t max_dates = options.max_dates;
  if (max_dates == 0) {
    // A small story has few articles but several dates each: about three
    // dates for two articles, at least 6, at most 40.
    max_dates = std::clamp<size_t>(articles.size() * 3 / 2, 6, 40);
  }
  const size_t per_date = std::max<size_t>(1, options.sentences_per_date);

  // Lead sentences (the first kLeadSentences of an article) that name no
  // day, by the day they report: the publication day and the day before.
  std::unordered_map<int64_t, std::vector<size_t>> lead_by_day;
  for (size_t i = 0; i < c.sentences.size(); ++i) {
    const Sentence& s = c.sentences[i];
    const int64_t pub = c.pub_days[s.article];
    if (pub == kUndated || s.index >= kLeadSentences || !s.days.empty()) continue;
    lead_by_day[pub].push_back(i);
    lead_by_day[pub - 1].push_back(i);
  }

  Vec topic;  // the story's centroid
  {
    std::vector<const Vec*> all;
    for (const Sentence& s : c.sentences) all.push_back(&s.vec);
    topic = Centroid(all);
  }
  std::vector<const Vec*> chosen;  // every sentence already in the timeline
  // Fills `entry` with the best non-redundant candidates of `d`; false if none.
  auto pick = [&](const DateInfo& d, Entry* entry) {
    // DATEWISE's candidates, less the sentences whose coded events are all
    // dated to other days (a report published the day after, about its own
    // day), plus the sentences that state the day of one of its events. One
    // sentence may report two days ("spoke Wednesday ... after talks in
    // Paris on Monday"): the day's own event sentences may repeat one
    // already in the timeline.
    auto elsewhere = [&](size_t i) {
      const auto& days = c.sentences[i].event_days;
      // A month (background) is the same period as each of its days.
      return !days.empty() && std::none_of(days.begin(), days.end(), [&](const std::string& day) {
        return day.starts_with(d.date);
      });
    };
    std::vector<size_t> mentions, leads;
    for (size_t i : d.mentions) {
      if (!elsewhere(i)) mentions.push_back(i);
    }
    if (!d.month) {
      for (size_t i : lead_by_day[d.day_number]) {
        if (!elsewhere(i)) leads.push_back(i);
      }
    }
    std::vector<size_t> candidates = Candidates(c, mentions, leads);
    for (size_t i : d.anchors) {
      if (std::find(candidates.begin(), candidates.end(), i) == candidates.end()) {
        candidates.push_back(i);
      }
    }
    // A quotation ("The value would be greatly diminished ...," Harf said)
    // tells what someone said, not what happened: only when nothing else is left.
    std::vector<size_t> picked =
        CentroidOpt(c, candidates, per_date, chosen, options, topic, d.anchors, false);
    if (picked.empty()) {
      picked = CentroidOpt(c, candidates, per_date, chosen, options, topic, d.anchors, true);
    }
    for (size_t i : picked) {
      const Sentence& s = c.sentences[i];
      chosen.push_back(&s.vec);
      entry->sentences.push_back(Citation{articles[s.article].id, s.index, CitedText(s.text)});
    }
    if (entry->sentences.empty()) return false;
    entry->date = d.date;
    entry->score = d.score;
    entry->references = static_cast<int64_t>(d.mentions.size());
    entry->corroboration = static_cast<int64_t>(d.articles.size());
    entry->events = static_cast<int64_t>(d.anchors.size());
    return true;
  };

  std::vector<Entry> news_entries, background_entries;
  for (const DateInfo* d : news) {
    if (news_entries.size() >= max_dates) break;
    Entry e;
    if (pick(*d, &e)) news_entries.push_back(std::move(e));
  }
  for (const DateInfo* d : background) {
    if (background_entries.size() >= max_dates) break;
    Entry e;
    e.background = true;
    if (pick(*d, &e)) background_entries.push_back(std::move(e));
  }
  auto by_date = [](const Entry& a, const Entry& b) { return a.date < b.date; };
  std::sort(news_entries.begin(), news_entries.end(), by_date);
  std::sort(background_entries.begin(), background_entries.end(), by_date);
  out.entries = std::move(background_entries);
  for (Entry& e : news_entries) out.entries.push_back(std::move(e));
  return out;
}

// The tracked figures of the story by kind, each kind in report order.
std::vector<Series> BuildSeries(const std::vector<TimelineArticle>& articles) {
  std::map<std::string, Series> by_kind;
  std::vector<extract::Quantity> found;
  for (size_t a = 0; a < articles.size(); ++a) {
    const TimelineArticle& art = articles[a];
    std::string day;
    int64_t days = 0;
    if (!ParseDay(art.published, &day, &days)) continue;
    found.clear();
    extract::FindQuantities(art.body, art.sentences, &found);
    for (const extract::Quantity& q : found) {
      SeriesPoint p;
      p.date = day;
      p.number = q.number;
      p.qualifier = q.qualifier;
      if (q.span.end <= art.body.size()) p.text = std::string(q.span.In(art.body));
      p.source.article_id = art.id;
      for (size_t s = 0; s < art.sentences.size(); ++s) {
        if (art.sentences[s].begin <= q.span.begin && q.span.begin < art.sentences[s].end) {
          p.source.sentence = static_cast<int64_t>(s);
          p.source.text = std::string(art.sentences[s].In(art.body));
          break;
        }
      }
      Series& series = by_kind[q.counted];
      series.counted = q.counted;
      // One article repeating its figure ("90,000 killed ... the 90,000
      // dead") is one report.
      bool repeated = false;
      for (const SeriesPoint& o : series.points) {
        repeated = repeated || (o.source.article_id == art.id && o.number == p.number &&
                                o.qualifier == p.qualifier);
      }
      if (!repeated) series.points.push_back(std::move(p));
    }
  }
  std::vector<Series> out;
  for (auto& [kind, series] : by_kind) {
    std::stable_sort(series.points.begin(), series.points.end(),
                     [](const SeriesPoint& x, const SeriesPoint& y) { return x.date < y.date; });
    out.push_back(std::move(series));
  }
  std::stable_sort(out.begin(), out.end(), [](const Series& x, const Series& y) {
    return x.points.size() > y.points.size();
  });
  return out;
}

std::vector<Citation> Summarize(const std::vector<TimelineArticle>& articles,
                                const SummaryOptions& options) {
  std::vector<Citation> out;
  if (articles.empty() || options.max_sentences == 0) return out;
  const Collection c = Prepare(articles);
  std::vector<const Vec*> all;
  for (const Sentence& s : c.sentences) all.push_back(&s.vec);
  const Vec centroid = Centroid(all);

  std::vector<size_t> candidates;
  for (size_t i = 0; i < c.sentences.size(); ++i) {
    const Sentence& s = c.sentences[i];
    if (s.index < 5 && Usable(s)) candidates.push_back(i);
  }
  constexpr double kLambda = 0.7;
  std::vector<size_t> picked;
  size_t words = 0;
  std::vector<bool> used(c.sentences.size(), false);
  while (picked.size() < options.max_sentences) {
    double best = -1e9;
    size_t best_i = SIZE_MAX;
    for (size_t i : candidates) {
      if (used[i]) continue;
      const Sentence& s = c.sentences[i];
      if (options.max_words != 0 && words + s.words > options.max_words) continue;
      double overlap = 0;
      for (size_t j : picked) overlap = std::max(overlap, Dot(s.vec, c.sentences[j].vec));
      // Lead sentences state the news: a small bonus by position.
      const double relevance = Dot(s.vec, centroid) + 0.05 / (1.0 + s.index);
      const double mmr = kLambda * relevance - (1 - kLambda) * overlap;
      if (mmr > best) {
        best = mmr;
        best_i = i;
      }
    }
    if (best_i == SIZE_MAX) break;
    used[best_i] = true;
    picked.push_back(best_i);
    words += c.sentences[best_i].words;
  }
  // Publication order: dated articles by date, then by position.
  std::sort(picked.begin(), picked.end(), [&](size_t x, size_t y) {
    const Sentence& a = c.sentences[x];
    const Sentence& b = c.sentences[y];
    const int64_t da = c.pub_days[a.article], db = c.pub_days[b.article];
    if (da != db) {
      if (da == kUndated) return false;
      if (db == kUndated) return true;
      return da < db;
    }
    if (a.article != b.article) return a.article < b.article;
    return a.index < b.index;
  });
  for (size_t i : picked) {
    const Sentence& s = c.sentences[i];
    out.push_back(Citation{articles[s.article].id, s.index, std::string(s.text)});
  }
  return out;
}

}  // namespace storyline::timeline
