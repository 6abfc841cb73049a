// Online event and story clustering: rank, then merge or create.
//
// Both levels are the same machine (Level) with different options. A level
// keeps its active clusters' centroids (sums of the unit member vectors, per
// subspace, with their squared norms maintained incrementally, so a cosine
// with a centroid costs one hash lookup per article term) and an inverted
// index from key terms (entities, title words, each member's strongest body
// words) to clusters. Ranking counts shared key terms over the postings of
// the article's own key terms, scores the `max_candidates` best exactly, and
// keeps the best score. Nothing is ever recomputed: a new article touches
// only the cluster it joins. Retired clusters are dropped from memory and
// their postings compacted lazily; their ids are never reused.
#include "cluster/online.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "common/calendar.h"

namespace storyline::cluster {

namespace {

bool HasDay(double d) { return !std::isnan(d); }

bool Digits(std::string_view s, size_t pos, size_t n, int* out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

std::string TitleCase(std::string_view s) {
  std::string out(s);
  bool start = true;
  for (char& c : out) {
    if (start && c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    start = c == ' ' || c == '-';
  }
  return out;
}

}  // namespace

double DayFromIso(std::string_view iso) {
  int y, m, d;
  if (!Digits(iso, 0, 4, &y) || iso.size() < 10 || iso[4] != '-' || !Digits(iso, 5, 2, &m) ||
      iso[7] != '-' || !Digits(iso, 8, 2, &d) || m < 1 || m > 12 || d < 1 || d > 31) {
    return kNoDay;
  }
  double day = static_cast<double>(DaysFromCivil(y, m, d));
  int hh, mm;
  if (iso.size() >= 16 && iso[10] == 'T' && Digits(iso, 11, 2, &hh) && Digits(iso, 14, 2, &mm)) {
    day += (hh * 60 + mm) / 1440.0;
  }
  return day;
}

std::string IsoFromDay(double day) {
  if (!HasDay(day)) return "";
  int y, m, d;
  CivilFromDays(static_cast<int64_t>(std::floor(day)), &y, &m, &d);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

// --- one clustering level (events or stories)

class OnlineClusterer::Level {
 public:
  struct Cluster {
    uint64_t id = 0;
    uint64_t parent = 0;            // events: story id
    SparseVector c[kNumSubspaces];  // centroid sums, sorted by term id
    double norm2[kNumSubspaces] = {0, 0, 0};
    std::vector<uint32_t> keys;  // sorted
    uint64_t articles = 0, events = 0;
    double first_day = kNoDay, last_day = kNoDay;
    uint64_t last_seq = 0;
  };

  Level(const LevelOptions& o, const ClusterOptions& all, const FeatureSpace* fs)
      : o_(o), all_(all), fs_(fs) {}

  // Best active cluster for `doc` at `day`: index and score (-1 when none).
  std::pair<int64_t, double> Best(const DocFeatures& doc, double day, bool estimated) {
    LookupTerms(doc, &lookup_);
    return BestAmong(lookup_, kNoCluster,
                     [&](const Cluster& c) { return Score(doc, c, day, estimated); });
  }

  // The active clusters sharing the most of `terms` (at most max_candidates,
  // never `exclude`), scored by `score`: the best index and score (-1 when
  // none).
  static constexpr uint32_t kNoCluster = 0xFFFFFFFFu;
  template <typename ScoreFn>
  std::pair<int64_t, double> BestAmong(const std::vector<uint32_t>& terms, uint32_t exclude,
                                       ScoreFn&& score) {
    touched_.clear();
    if (counts_.size() < clusters_.size()) counts_.resize(clusters_.size(), 0);
    for (uint32_t t : terms) {
      auto it = postings_.find(t);
      if (it == postings_.end()) continue;
      const std::vector<uint32_t>& post = it->second;
      size_t seen = 0;
      for (size_t j = post.size(); j-- > 0 && seen < o_.max_postings_scan;) {
        uint32_t ci = post[j];
        if (clusters_[ci] == nullptr || ci == exclude) continue;
        ++seen;
        if (counts_[ci]++ == 0) touched_.push_back(ci);
      }
    }
    size_t k = std::min(o_.max_candidates, touched_.size());
    std::partial_sort(touched_.begin(), touched_.begin() + static_cast<long>(k), touched_.end(),
                      [&](uint32_t a, uint32_t b) {
                        return counts_[a] != counts_[b] ? counts_[a] > counts_[b] : a > b;
                      });
    int64_t best = -1;
    double best_score = -1;
    for (size_t i = 0; i < k; ++i) {
      double sc = score(*clusters_[touched_[i]]);
      if (sc > best_score) best_score = sc, best = touched_[i];
    }
    for (uint32_t ci : touched_) counts_[ci] = 0;
    return {best, best_score};
  }

  double Score(const DocFeatures& doc, const Cluster& c, double day, bool estimated) const {
    const double w[kNumSubspaces] = {o_.body_weight, o_.title_weight, o_.entity_weight};
    double s = 0, wsum = 0;
    for (int sp = 0; sp < kNumSubspaces; ++sp) {
      if (doc.v[sp].empty() || w[sp] <= 0) continue;
      wsum += w[sp];
      if (c.norm2[sp] <= 0) continue;
      // Both sorted by term: walk the centroid forward by binary search.
      double dot = 0;
      const SparseVector& cv = c.c[sp];
      auto it = cv.begin();
      for (const auto& [t, x] : doc.v[sp]) {
        it = std::lower_bound(it, cv.end(), t,
                              [](const auto& e, uint32_t k) { return e.first < k; });
        if (it == cv.end()) break;
        if (it->first == t) dot += static_cast<double>(x) * it->second;
      }
      s += w[sp] * dot / std::sqrt(c.norm2[sp]);
    }
    if (wsum <= 0) return 0;
    s /= wsum;
    if (HasDay(day) && HasDay(c.first_day)) {
      double gap =
          day < c.first_day ? c.first_day - day : (day > c.last_day ? day - c.last_day : 0);
      if (estimated) {
        gap = std::max(0.0, gap - o_.estimate_slack_days);
        if (gap > o_.grace_days) s *= std::exp(-(gap - o_.grace_days) / o_.decay_days);
      } else if (gap <= o_.grace_days) {
        s *= 1 + o_.time_boost;
      } else {
        s *= std::exp(-(gap - o_.grace_days) / o_.decay_days);
      }
    }
    return s;
  }

  // Weighted centroid cosine of two clusters (time decay over the gap
  // between their date ranges, as Score).
  double Similarity(const Cluster& a, const Cluster& b) const {
    const double w[kNumSubspaces] = {o_.body_weight, o_.title_weight, o_.entity_weight};
    double s = 0, wsum = 0;
    for (int sp = 0; sp < kNumSubspaces; ++sp) {
      if (w[sp] <= 0 || (a.c[sp].empty() && b.c[sp].empty())) continue;
      wsum += w[sp];
      if (a.norm2[sp] <= 0 || b.norm2[sp] <= 0) continue;
      const SparseVector& x = a.c[sp];
      const SparseVector& y = b.c[sp];
      double dot = 0;
      for (size_t i = 0, j = 0; i < x.size() && j < y.size();) {
        if (x[i].first < y[j].first) {
          ++i;
        } else if (y[j].first < x[i].first) {
          ++j;
        } else {
          dot += static_cast<double>(x[i++].second) * y[j++].second;
        }
      }
      s += w[sp] * dot / std::sqrt(a.norm2[sp] * b.norm2[sp]);
    }
    if (wsum <= 0) return 0;
    s /= wsum;
    if (HasDay(a.first_day) && HasDay(b.first_day)) {
      double gap = a.last_day < b.first_day
                       ? b.first_day - a.last_day
                       : (b.last_day < a.first_day ? a.first_day - b.last_day : 0);
      if (gap > o_.grace_days) s *= std::exp(-(gap - o_.grace_days) / o_.decay_days);
    }
    return s;
  }

  // Most similar other active cluster of cluster `ci` among those sharing
  // its key terms: index and score (-1 when none).
  std::pair<int64_t, double> BestOther(size_t ci) {
    const Cluster& c = *clusters_[ci];
    return BestAmong(c.keys, static_cast<uint32_t>(ci),
                     [&](const Cluster& other) { return Similarity(c, other); });
  }

  // Moves cluster `src` into `dst` (centroids, counts, dates, keys); `src`
  // leaves memory without a retirement summary (its id now means `dst`).
  void Absorb(size_t dst, size_t src) {
    Cluster& d = *clusters_[dst];
    Cluster& s = *clusters_[src];
    d.articles += s.articles;
    d.events += s.events;
    d.last_seq = std::max(d.last_seq, s.last_seq);
    if (HasDay(s.first_day) && (!HasDay(d.first_day) || s.first_day < d.first_day))
      d.first_day = s.first_day;
    if (HasDay(s.last_day) && (!HasDay(d.last_day) || s.last_day > d.last_day))
      d.last_day = s.last_day;
    for (int sp = 0; sp < kNumSubspaces; ++sp) MergeInto(&d, sp, s.c[sp]);
    for (uint32_t t : s.keys) {
      if (d.keys.size() >= 4 * all_.key_terms + 64) break;
      auto pos = std::lower_bound(d.keys.begin(), d.keys.end(), t);
      if (pos != d.keys.end() && *pos == t) continue;
      d.keys.insert(pos, t);
      postings_[t].push_back(static_cast<uint32_t>(dst));
    }
    touched_ids_.push_back(d.id);
    clusters_[src].reset();
    --active_;
    ++retired_since_compact_;
  }

  // Adds sorted vector `v` to the centroid of `c` in subspace `sp`.
  void MergeInto(Cluster* cp, int sp, const SparseVector& d) {
    Cluster& c = *cp;
    SparseVector& m = c.c[sp];
    merged_.clear();
    merged_.reserve(m.size() + d.size());
    size_t i = 0, j = 0;
    while (i < m.size() || j < d.size()) {
      if (j == d.size() || (i < m.size() && m[i].first < d[j].first)) {
        merged_.push_back(m[i++]);
      } else if (i == m.size() || d[j].first < m[i].first) {
        c.norm2[sp] += static_cast<double>(d[j].second) * d[j].second;
        merged_.push_back(d[j++]);
      } else {
        double v = m[i].second, x = d[j].second;
        c.norm2[sp] += (v + x) * (v + x) - v * v;
        merged_.emplace_back(m[i].first, static_cast<float>(v + x));
        ++i, ++j;
      }
    }
    m.swap(merged_);
    if (m.size() > 2 * o_.centroid_terms) Prune(&c, sp);
  }

  size_t Create(uint64_t seq) {
    auto c = std::make_unique<Cluster>();
    c->id = ++created_;
    clusters_.push_back(std::move(c));
    ++active_;
    clusters_.back()->last_seq = seq;
    return clusters_.size() - 1;
  }

  // Adds a member: its vector (if any), counts and dates.
  void Join(size_t ci, const DocFeatures* doc, double day, uint64_t seq) {
    Cluster& c = *clusters_[ci];
    ++c.articles;
    c.last_seq = seq;
    if (HasDay(day)) {
      if (!HasDay(c.first_day) || day < c.first_day) c.first_day = day;
      if (!HasDay(c.last_day) || day > c.last_day) c.last_day = day;
    }
    touched_ids_.push_back(c.id);
    if (doc == nullptr) return;
    for (int sp = 0; sp < kNumSubspaces; ++sp) MergeInto(&c, sp, doc->v[sp]);
    LookupTerms(*doc, &lookup_);
    for (uint32_t t : lookup_) {
      if (c.keys.size() >= 4 * all_.key_terms + 64) break;
      auto pos = std::lower_bound(c.keys.begin(), c.keys.end(), t);
      if (pos != c.keys.end() && *pos == t) continue;
      c.keys.insert(pos, t);
      postings_[t].push_back(static_cast<uint32_t>(ci));
    }
  }

  void Prune(Cluster* c, int sp) {
    SparseVector& m = c->c[sp];
    std::nth_element(m.begin(), m.begin() + static_cast<long>(o_.centroid_terms), m.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    m.resize(o_.centroid_terms);
    std::sort(m.begin(), m.end());
    m.shrink_to_fit();
    c->norm2[sp] = 0;
    for (const auto& [t, v] : m) c->norm2[sp] += static_cast<double>(v) * v;
  }

  // Retires clusters idle for window_days of stream time, and the least
  // recently updated beyond max_active. Returns summaries of those retired.
  void Retire(double now, std::vector<ClusterSummary>* retired) {
    std::vector<std::pair<uint64_t, size_t>> by_seq;
    for (size_t i = 0; i < clusters_.size(); ++i) {
      Cluster* c = clusters_[i].get();
      if (c == nullptr) continue;
      if (HasDay(now) && HasDay(c->last_day) && now - c->last_day > o_.window_days) {
        RetireOne(i, retired);
      } else {
        by_seq.emplace_back(c->last_seq, i);
      }
    }
    if (by_seq.size() > o_.max_active) {
      std::sort(by_seq.begin(), by_seq.end());
      size_t drop = by_seq.size() - o_.max_active * 9 / 10;
      for (size_t i = 0; i < drop; ++i) RetireOne(by_seq[i].second, retired);
    }
    if (retired_since_compact_ > std::max<size_t>(1000, active_)) Compact();
  }

  void RetireOne(size_t i, std::vector<ClusterSummary>* retired) {
    ClusterSummary s = Summary(*clusters_[i]);
    s.active = false;
    retired->push_back(std::move(s));
    clusters_[i].reset();
    --active_;
    ++retired_since_compact_;
  }

  void Compact() {
    for (auto it = postings_.begin(); it != postings_.end();) {
      auto& v = it->second;
      v.erase(
          std::remove_if(v.begin(), v.end(), [&](uint32_t ci) { return clusters_[ci] == nullptr; }),
          v.end());
      if (v.empty()) {
        it = postings_.erase(it);
      } else {
        ++it;
      }
    }
    retired_since_compact_ = 0;
  }

  ClusterSummary Summary(const Cluster& c) const {
    ClusterSummary s;
    s.id = c.id;
    s.story = c.parent;
    s.articles = c.articles;
    s.events = c.events;
    s.first_day = c.first_day;
    s.last_day = c.last_day;
    s.label = Label(c);
    return s;
  }

  // Up to three entities (longest phrase wins over its words), then up to two
  // body terms not already named.
  std::string Label(const Cluster& c) const {
    auto top = [](const SparseVector& m, size_t n) {
      std::vector<std::pair<float, uint32_t>> v;
      for (const auto& [t, x] : m) v.emplace_back(x, t);
      size_t k = std::min(n, v.size());
      std::partial_sort(v.begin(), v.begin() + static_cast<long>(k), v.end(),
                        [](const auto& a, const auto& b) {
                          return a.first != b.first ? a.first > b.first : a.second < b.second;
                        });
      v.resize(k);
      return v;
    };
    std::vector<std::string> chosen;
    auto overlaps = [&](std::string_view t) {
      for (std::string& c2 : chosen) {
        if (c2.find(t) != std::string::npos) return true;
        if (t.find(c2) != std::string_view::npos) {
          c2 = std::string(t);
          return true;
        }
      }
      return false;
    };
    for (const auto& [x, t] : top(c.c[kEntity], 8)) {
      if (chosen.size() >= 3) break;
      std::string_view term = fs_->Term(t);
      if (!overlaps(term)) chosen.emplace_back(term);
    }
    std::string label;
    for (const std::string& e : chosen) {
      if (!label.empty()) label += ", ";
      label += TitleCase(e);
    }
    std::string terms;
    int n = 0;
    for (const auto& [x, t] : top(c.c[kBody], 8)) {
      if (n >= 2) break;
      std::string_view term = fs_->Term(t);
      bool named = false;
      for (const std::string& e : chosen) named = named || e.find(term) != std::string::npos;
      if (named) continue;
      if (!terms.empty()) terms += ", ";
      terms += term;
      ++n;
    }
    if (!terms.empty()) label += label.empty() ? terms : " — " + terms;
    return label;
  }

  // Key terms of an article: its strongest `key_terms` entity and body terms
  // and its title terms.
  void LookupTerms(const DocFeatures& doc, std::vector<uint32_t>* out) const {
    out->clear();
    for (const auto& [t, x] : doc.v[kTitle]) out->push_back(t);
    for (int sp : {kEntity, kBody}) {
      const SparseVector& v = doc.v[sp];
      if (v.size() <= all_.key_terms) {
        for (const auto& [t, x] : v) out->push_back(t);
        continue;
      }
      scratch_.assign(v.begin(), v.end());
      std::nth_element(scratch_.begin(), scratch_.begin() + static_cast<long>(all_.key_terms),
                       scratch_.end(),
                       [](const auto& a, const auto& c) { return a.second > c.second; });
      for (size_t i = 0; i < all_.key_terms; ++i) out->push_back(scratch_[i].first);
    }
  }

  Cluster* Get(size_t ci) { return clusters_[ci].get(); }
  void Touch(size_t ci) { touched_ids_.push_back(clusters_[ci]->id); }
  // Index of the active cluster with this id, -1 when retired/unknown.
  int64_t IndexOf(uint64_t id) const {
    if (id == 0 || id > clusters_.size() || clusters_[id - 1] == nullptr) return -1;
    return static_cast<int64_t>(id - 1);
  }
  size_t active() const { return active_; }
  uint64_t created() const { return created_; }

  std::vector<ClusterSummary> Touched(const std::vector<ClusterSummary>& retired) const {
    std::vector<uint64_t> ids = touched_ids_;
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    std::vector<ClusterSummary> out;
    for (uint64_t id : ids) {
      int64_t i = IndexOf(id);
      if (i >= 0) out.push_back(Summary(*clusters_[i]));
    }
    for (const auto& s : retired) out.push_back(s);
    return out;
  }
  void ClearTouched() { touched_ids_.clear(); }

  void Save(std::string* out) const {
    PutU64(out, created_);
    PutU64(out, active_);
    for (const auto& cp : clusters_) {
      if (cp == nullptr) continue;
      const Cluster& c = *cp;
      PutU64(out, c.id);
      PutU64(out, c.parent);
      PutU64(out, c.articles);
      PutU64(out, c.events);
      PutF64(out, c.first_day);
      PutF64(out, c.last_day);
      PutU64(out, c.last_seq);
      for (int sp = 0; sp < kNumSubspaces; ++sp) {
        PutU32(out, static_cast<uint32_t>(c.c[sp].size()));
        for (const auto& [t, x] : c.c[sp]) {
          PutU32(out, t);
          out->append(reinterpret_cast<const char*>(&x), 4);
        }
      }
      PutU32(out, static_cast<uint32_t>(c.keys.size()));
      for (uint32_t k : c.keys) PutU32(out, k);
    }
  }

  bool Load(std::string_view in, size_t* pos) {
    uint64_t created, active;
    if (!GetU64(in, pos, &created) || !GetU64(in, pos, &active)) return false;
    clusters_.clear();
    clusters_.resize(created);
    postings_.clear();
    created_ = created;
    active_ = 0;
    for (uint64_t i = 0; i < active; ++i) {
      auto c = std::make_unique<Cluster>();
      if (!GetU64(in, pos, &c->id) || !GetU64(in, pos, &c->parent) ||
          !GetU64(in, pos, &c->articles) || !GetU64(in, pos, &c->events) ||
          !GetF64(in, pos, &c->first_day) || !GetF64(in, pos, &c->last_day) ||
          !GetU64(in, pos, &c->last_seq)) {
        return false;
      }
      if (c->id == 0 || c->id > created) return false;
      for (int sp = 0; sp < kNumSubspaces; ++sp) {
        uint32_t n;
        if (!GetU32(in, pos, &n)) return false;
        for (uint32_t j = 0; j < n; ++j) {
          uint32_t t;
          float x;
          if (!GetU32(in, pos, &t) || *pos + 4 > in.size()) return false;
          std::memcpy(&x, in.data() + *pos, 4);
          *pos += 4;
          c->c[sp].emplace_back(t, x);
          c->norm2[sp] += static_cast<double>(x) * x;
        }
      }
      uint32_t nk;
      if (!GetU32(in, pos, &nk)) return false;
      for (uint32_t j = 0; j < nk; ++j) {
        uint32_t k;
        if (!GetU32(in, pos, &k)) return false;
        c->keys.push_back(k);
        postings_[k].push_back(static_cast<uint32_t>(c->id - 1));
      }
      size_t idx = c->id - 1;
      clusters_[idx] = std::move(c);
      ++active_;
    }
    return true;
  }

 private:
  LevelOptions o_;
  const ClusterOptions& all_;
  const FeatureSpace* fs_;
  std::vector<std::unique_ptr<Cluster>> clusters_;  // index = id - 1; null when retired
  std::unordered_map<uint32_t, std::vector<uint32_t>> postings_;
  uint64_t created_ = 0;
  size_t active_ = 0;
  size_t retired_since_compact_ = 0;
  std::vector<uint64_t> touched_ids_;
  // Scratch.
  std::vector<uint32_t> counts_;
  std::vector<uint32_t> touched_;
  std::vector<uint32_t> lookup_;
  mutable SparseVector scratch_;
  SparseVector merged_;
};

// --- the clusterer

OnlineClusterer::OnlineClusterer(const ClusterOptions& options)
    : options_(options),
      features_(options.doc_terms),
      dedup_(std::make_unique<dedup::NearDupIndex>(options.dedup)),
      events_(std::make_unique<Level>(options_.event, options_, &features_)),
      stories_(std::make_unique<Level>(options_.story, options_, &features_)) {}

OnlineClusterer::~OnlineClusterer() = default;

Result<Assignment> OnlineClusterer::Add(const StreamArticle& a) {
  ++seq_;
  if (HasDay(a.day) && !a.day_estimated && (!HasDay(now_) || a.day > now_)) now_ = a.day;
  Assignment out;
  if (options_.use_dedup) {
    STORYLINE_ASSIGN_OR_RETURN(dedup::AddResult d, dedup_->Add(a.id, a.body));
    if (!d.matches.empty()) {
      out.duplicate_of = d.group;
      out.duplicate_similarity = d.matches[0].similarity;
      out.exact_copy = d.exact_copy;
      auto it = article_event_.find(d.group);
      int64_t ei = it == article_event_.end() ? -1 : events_->IndexOf(it->second);
      if (ei >= 0) {
        Level::Cluster* e = events_->Get(static_cast<size_t>(ei));
        events_->Join(static_cast<size_t>(ei), nullptr, a.day, seq_);
        int64_t si = stories_->IndexOf(e->parent);
        if (si >= 0) stories_->Join(static_cast<size_t>(si), nullptr, a.day, seq_);
        out.event = e->id;
        out.story = e->parent;
        out.score = 1;
        return out;
      }
    }
  }
  features_.Featurize(a.title, a.body, &doc_);
  auto [ei, score] = events_->Best(doc_, a.day, a.day_estimated);
  size_t event_index;
  if (ei >= 0 && score >= options_.event.threshold) {
    event_index = static_cast<size_t>(ei);
    events_->Join(event_index, &doc_, a.day, seq_);
    out.score = score;
    Level::Cluster* e = events_->Get(event_index);
    int64_t si = stories_->IndexOf(e->parent);
    if (si < 0) {  // its story retired: start a new one
      si = static_cast<int64_t>(stories_->Create(seq_));
      out.new_story = true;
      stories_->Get(static_cast<size_t>(si))->events = 1;
      e->parent = stories_->Get(static_cast<size_t>(si))->id;
    }
    stories_->Join(static_cast<size_t>(si), &doc_, a.day, seq_);
  } else {
    event_index = events_->Create(seq_);
    events_->Join(event_index, &doc_, a.day, seq_);
    out.new_event = true;
    auto [si, sscore] = stories_->Best(doc_, a.day, a.day_estimated);
    if (si < 0 || sscore < options_.story.threshold) {
      si = static_cast<int64_t>(stories_->Create(seq_));
      out.new_story = true;
    }
    Level::Cluster* s = stories_->Get(static_cast<size_t>(si));
    ++s->events;
    stories_->Join(static_cast<size_t>(si), &doc_, a.day, seq_);
    events_->Get(event_index)->parent = s->id;
  }
  Level::Cluster* e = events_->Get(event_index);
  out.event = e->id;
  out.story = e->parent;
  if (options_.use_dedup && out.duplicate_of == 0) article_event_[a.id] = e->id;

  if (seq_ % 256 == 0) {
    events_->Retire(now_, &retired_events_);
    stories_->Retire(now_, &retired_stories_);
    if (article_event_.size() > 2 * dedup_->size() + 1024) {
      for (auto it = article_event_.begin(); it != article_event_.end();) {
        if (!dedup_->Contains(it->first) || events_->IndexOf(it->second) < 0) {
          it = article_event_.erase(it);
        } else {
          ++it;
        }
      }
    }
  }
  return out;
}

std::vector<EventMerge> OnlineClusterer::Consolidate() {
  std::vector<EventMerge> merges;
  if (options_.merge_max_articles == 0) return merges;
  for (uint64_t id = 1; id <= events_->created(); ++id) {
    int64_t src = events_->IndexOf(id);
    if (src < 0) continue;
    Level::Cluster* s = events_->Get(static_cast<size_t>(src));
    if (s->articles > options_.merge_max_articles) continue;
    auto [dst, score] = events_->BestOther(static_cast<size_t>(src));
    if (dst < 0 || score < options_.merge_threshold) continue;
    Level::Cluster* d = events_->Get(static_cast<size_t>(dst));
    // The larger event survives (on a tie the older), so big events keep their ids.
    if (d->articles < s->articles || (d->articles == s->articles && d->id > s->id)) {
      std::swap(s, d);
      std::swap(src, dst);
    }
    merges.push_back({s->id, d->id, d->parent});
    // Story counts follow the articles (story centroids stay as they are).
    if (int64_t si = stories_->IndexOf(s->parent); s->parent == d->parent && si >= 0) {
      Level::Cluster* st = stories_->Get(static_cast<size_t>(si));
      st->events -= std::min<uint64_t>(st->events, 1);
      stories_->Touch(static_cast<size_t>(si));
    } else if (s->parent != d->parent) {
      int64_t from = stories_->IndexOf(s->parent), to = stories_->IndexOf(d->parent);
      if (from >= 0) {
        Level::Cluster* fs = stories_->Get(static_cast<size_t>(from));
        fs->events -= std::min<uint64_t>(fs->events, 1);
        fs->articles -= std::min(fs->articles, s->articles);
        stories_->Touch(static_cast<size_t>(from));
      }
      if (to >= 0) {
        stories_->Get(static_cast<size_t>(to))->articles += s->articles;
        stories_->Touch(static_cast<size_t>(to));
      }
    }
    events_->Absorb(static_cast<size_t>(dst), static_cast<size_t>(src));
  }
  if (!merges.empty()) {
    std::unordered_map<uint64_t, uint64_t> into;
    for (const EventMerge& m : merges) into[m.from] = m.into;
    for (auto& [a, e] : article_event_) {
      for (auto it = into.find(e); it != into.end(); it = into.find(e)) e = it->second;
    }
  }
  return merges;
}

Status OnlineClusterer::PrimeDuplicate(uint64_t id, std::string_view text, uint64_t event) {
  if (!options_.use_dedup) return Status::Ok();
  STORYLINE_ASSIGN_OR_RETURN(dedup::AddResult d, dedup_->Add(id, text));
  if (d.matches.empty() && event != 0) article_event_[id] = event;
  return Status::Ok();
}

std::vector<ClusterSummary> OnlineClusterer::TouchedEvents() const {
  return events_->Touched(retired_events_);
}
std::vector<ClusterSummary> OnlineClusterer::TouchedStories() const {
  return stories_->Touched(retired_stories_);
}
void OnlineClusterer::ClearTouched() {
  events_->ClearTouched();
  stories_->ClearTouched();
  retired_events_.clear();
  retired_stories_.clear();
}
size_t OnlineClusterer::active_events() const { return events_->active(); }
size_t OnlineClusterer::active_stories() const { return stories_->active(); }
uint64_t OnlineClusterer::events_created() const { return events_->created(); }
uint64_t OnlineClusterer::stories_created() const { return stories_->created(); }

std::string OnlineClusterer::SaveState() const {
  std::string out = "SLC1";
  PutF64(&out, now_);
  PutU64(&out, seq_);
  features_.Serialize(&out);
  events_->Save(&out);
  stories_->Save(&out);
  PutU64(&out, article_event_.size());
  for (const auto& [a, e] : article_event_) {
    PutU64(&out, a);
    PutU64(&out, e);
  }
  return out;
}

Status OnlineClusterer::LoadState(std::string_view in) {
  size_t pos = 4;
  uint64_t n = 0;
  bool ok = in.substr(0, 4) == "SLC1" && GetF64(in, &pos, &now_) && GetU64(in, &pos, &seq_) &&
            features_.Deserialize(in, &pos) && events_->Load(in, &pos) &&
            stories_->Load(in, &pos) && GetU64(in, &pos, &n);
  article_event_.clear();
  for (uint64_t i = 0; ok && i < n; ++i) {
    uint64_t a, e;
    ok = GetU64(in, &pos, &a) && GetU64(in, &pos, &e);
    if (ok) article_event_[a] = e;
  }
  if (!ok) return InvalidDataError("cluster state is corrupt or from another version");
  return Status::Ok();
}

}  // namespace storyline::cluster
