// Averaged-perceptron training (Collins 2002) of the greedy tagger in
// tagger.cc. Each training token is tagged with the current weights, using
// the tags predicted for the previous tokens (as at run time); on a mistake
// the features' weights for the gold tag go up by one and those for the
// predicted tag down by one. The returned weights are the average over every
// step, kept cheaply as w - u/c where u accumulates c * update (Daumé's
// trick), which makes the perceptron generalise like a large-margin model.
//
// Headlines are Title Case or ALL CAPS, which a tagger trained only on
// ordinary text reads as runs of proper nouns; so each pass rewrites a share
// of the training sentences in those casings (the gold tags unchanged).
#include "analysis/train.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <fstream>
#include <random>

namespace storyline::analysis {
namespace {

struct Cell {
  uint8_t tag;
  int32_t w;
  int64_t u;
};
using Row = std::vector<Cell>;

void ToTitle(std::string* w) {
  bool first = true;
  for (char& c : *w) {
    if (first && c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    first = false;
  }
}
void ToUpper(std::string* w) {
  for (char& c : *w) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  }
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (;;) {
    size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      out.push_back(line.substr(start));
      return out;
    }
    out.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
}

}  // namespace

Result<std::vector<TreebankSentence>> ReadConllu(const std::string& path, const TreebankOptions& options) {
  std::ifstream in(path);
  if (!in) return NotFoundError(path + ": cannot open");
  std::vector<TreebankSentence> out;
  struct Tok {
    std::string form, upos;
    analysis::Tag tag;
    bool space_after;
  };
  std::vector<Tok> toks;
  auto flush = [&]() {
    if (toks.empty()) return;
    TreebankSentence s;
    for (size_t i = 0; i < toks.size(); ++i) {
      const Tok& t = toks[i];
      bool join = options.merge_hyphens && t.tag == analysis::Tag::kHYPH && !t.space_after && !s.words.empty() &&
                  !toks[i - 1].space_after && i + 1 < toks.size();
      if (join) {
        s.words.back() += t.form + toks[i + 1].form;
        s.tags.back() = toks[i + 1].tag;
        s.upos.back() = toks[i + 1].upos;
        ++i;  // the next part is consumed; a chain "30-year-old" goes on from it
        continue;
      }
      s.words.push_back(t.form);
      s.tags.push_back(t.tag);
      s.upos.push_back(t.upos);
    }
    out.push_back(std::move(s));
    toks.clear();
  };
  std::string line;
  size_t lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      flush();
      continue;
    }
    if (line[0] == '#') continue;
    std::vector<std::string_view> cols = SplitTabs(line);
    if (cols.size() != 10) {
      return InvalidDataError(path + ":" + std::to_string(lineno) + ": expected 10 tab-separated columns");
    }
    if (cols[0].find_first_of("-.") != std::string_view::npos) continue;  // range line or empty node
    analysis::Tag tag = ParseTag(cols[4]);
    if (tag == analysis::Tag::kOther && cols[4] != "XX") {
      return InvalidDataError(path + ":" + std::to_string(lineno) + ": unknown XPOS '" + std::string(cols[4]) + "'");
    }
    bool space_after = cols[9].find("SpaceAfter=No") == std::string_view::npos;
    toks.push_back(Tok{std::string(cols[1]), std::string(cols[3]), tag, space_after});
  }
  flush();
  if (in.bad()) return IoError(path + ": read error");
  return out;
}

Result<std::unique_ptr<Tagger>> TrainTagger(const std::vector<TreebankSentence>& train, const TrainOptions& options,
                                            TrainReport* report, const std::function<void(int, double)>& progress) {
  auto t0 = std::chrono::steady_clock::now();
  TrainReport local;
  TrainReport& rep = report != nullptr ? *report : local;
  rep = TrainReport{};
  rep.sentences = train.size();

  // Tag dictionary: frequent words with (almost) one tag.
  std::unordered_map<std::string, std::array<uint32_t, kNumTags>> counts;
  for (const TreebankSentence& s : train) {
    rep.tokens += s.words.size();
    for (size_t i = 0; i < s.words.size(); ++i) {
      auto [it, fresh] = counts.try_emplace(s.words[i]);
      if (fresh) it->second.fill(0);
      ++it->second[static_cast<size_t>(s.tags[i])];
    }
  }
  std::vector<std::pair<uint64_t, uint8_t>> dict;
  std::unordered_map<uint64_t, uint8_t> dict_map;
  for (const auto& [word, c] : counts) {
    uint32_t total = 0, best = 0;
    size_t arg = 0;
    for (size_t t = 0; t < c.size(); ++t) {
      total += c[t];
      if (c[t] > best) best = c[t], arg = t;
    }
    if (total >= static_cast<uint32_t>(options.dict_min_count) && best >= options.dict_min_share * total &&
        arg < kNumTags - 1) {
      WordInfo wi;
      ComputeWordInfo(word, &wi);
      dict.emplace_back(wi.exact, static_cast<uint8_t>(arg));
      dict_map.emplace(wi.exact, static_cast<uint8_t>(arg));
    }
  }
  std::sort(dict.begin(), dict.end());
  dict.erase(std::unique(dict.begin(), dict.end(), [](auto& a, auto& b) { return a.first == b.first; }), dict.end());

  std::unordered_map<uint64_t, Row> weights;
  weights.reserve(1 << 20);
  int64_t c = 1;
  std::mt19937_64 rng(options.seed);
  std::uniform_real_distribution<double> uni(0, 1);
  std::vector<size_t> order(train.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::vector<std::string> words;
  std::vector<WordInfo> info;
  uint64_t f[kNumFeatures];

  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    size_t correct = 0, seen = 0;
    for (size_t si : order) {
      const TreebankSentence& s = train[si];
      const size_t n = s.words.size();
      words.assign(s.words.begin(), s.words.end());
      double r = uni(rng);
      if (r < options.title_case_share) {
        for (auto& w : words) ToTitle(&w);
      } else if (r < options.title_case_share + options.upper_case_share) {
        for (auto& w : words) ToUpper(&w);
      }
      info.resize(n);
      for (size_t i = 0; i < n; ++i) ComputeWordInfo(words[i], &info[i]);
      std::span<const WordInfo> ws(info.data(), n);
      int casing = SentenceCasing(ws);
      analysis::Tag p1 = analysis::Tag::kOther, p2 = analysis::Tag::kOther;
      for (size_t i = 0; i < n; ++i) {
        analysis::Tag gold = s.tags[i];
        analysis::Tag guess;
        auto d = dict_map.find(info[i].exact);
        if (d != dict_map.end()) {
          guess = static_cast<analysis::Tag>(d->second);
        } else {
          StaticFeatures(ws, i, casing, f);
          DynamicFeatures(ws, i, p1, p2, f + kNumStaticFeatures);
          int64_t scores[kNumTags] = {};
          for (int k = 0; k < kNumFeatures; ++k) {
            auto it = weights.find(f[k]);
            if (it == weights.end()) continue;
            for (const Cell& cell : it->second) scores[cell.tag] += cell.w;
          }
          int arg = 0;
          for (int t = 1; t < kNumTags - 1; ++t) {
            if (scores[t] > scores[arg]) arg = t;
          }
          guess = static_cast<analysis::Tag>(arg);
          if (guess != gold && gold != analysis::Tag::kOther) {
            for (int k = 0; k < kNumFeatures; ++k) {
              Row& row = weights[f[k]];
              for (const std::pair<analysis::Tag, int>& update : {std::pair{gold, 1}, std::pair{guess, -1}}) {
                const uint8_t tag = static_cast<uint8_t>(update.first);
                const int delta = update.second;
                auto cell = std::find_if(row.begin(), row.end(), [tag](const Cell& x) { return x.tag == tag; });
                if (cell == row.end()) {
                  row.push_back(Cell{tag, 0, 0});
                  cell = row.end() - 1;
                }
                cell->w += delta;
                cell->u += c * delta;
              }
            }
          }
          ++c;
        }
        correct += guess == gold;
        ++seen;
        p2 = p1;
        p1 = guess;
      }
    }
    double acc = seen ? static_cast<double>(correct) / seen : 0;
    rep.epoch_accuracy.push_back(acc);
    if (progress) progress(epoch + 1, acc);
  }

  // Average, prune, quantise.
  struct Feat {
    uint64_t key;
    std::vector<std::pair<uint8_t, float>> cells;
  };
  std::vector<Feat> feats;
  feats.reserve(weights.size());
  float max_abs = 0;
  for (const auto& [key, row] : weights) {
    Feat ft{key, {}};
    for (const Cell& cell : row) {
      double avg = cell.w - static_cast<double>(cell.u) / static_cast<double>(c);
      if (std::fabs(avg) < options.prune_below) {
        ++rep.pruned;
        continue;
      }
      ft.cells.emplace_back(cell.tag, static_cast<float>(avg));
      max_abs = std::max(max_abs, static_cast<float>(std::fabs(avg)));
    }
    if (!ft.cells.empty()) {
      std::sort(ft.cells.begin(), ft.cells.end());
      feats.push_back(std::move(ft));
    }
  }
  std::sort(feats.begin(), feats.end(), [](const Feat& a, const Feat& b) { return a.key < b.key; });
  ModelArrays a;
  a.scale = max_abs > 0 ? max_abs / 32767.0f : 1.0f;
  for (const auto& [k, t] : dict) {
    a.dict_keys.push_back(k);
    a.dict_tags.push_back(t);
  }
  for (const Feat& ft : feats) {
    for (const auto& [tag, w] : ft.cells) {
      long q = std::lround(w / a.scale);
      if (q == 0) continue;
      a.entry_tags.push_back(tag);
      a.entry_weights.push_back(static_cast<int16_t>(std::clamp<long>(q, -32767, 32767)));
    }
    if (a.entry_tags.size() == (a.row_end.empty() ? 0 : a.row_end.back())) continue;
    a.keys.push_back(ft.key);
    a.row_end.push_back(static_cast<uint32_t>(a.entry_tags.size()));
  }
  rep.dictionary = a.dict_keys.size();
  rep.features = a.keys.size();
  rep.weights = a.entry_tags.size();
  rep.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return Tagger::FromArrays(std::move(a));
}

UposMapper::UposMapper(const std::vector<TreebankSentence>& train) {
  std::unordered_map<std::string, std::unordered_map<std::string, int>> wt;
  std::unordered_map<std::string, int> bt[kNumTags];
  for (const TreebankSentence& s : train) {
    for (size_t i = 0; i < s.words.size(); ++i) {
      std::string w = s.words[i];
      for (char& ch : w) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      w += '\t';
      w += TagName(s.tags[i]);
      ++wt[w][s.upos[i]];
      ++bt[static_cast<size_t>(s.tags[i])][s.upos[i]];
    }
  }
  auto best = [](const std::unordered_map<std::string, int>& m) {
    std::string b;
    int n = -1;
    for (const auto& [k, v] : m) {
      if (v > n || (v == n && k < b)) b = k, n = v;
    }
    return b;
  };
  for (const auto& [k, m] : wt) by_word_tag_[k] = best(m);
  for (int t = 0; t < kNumTags; ++t) by_tag_[t] = bt[t].empty() ? "X" : best(bt[t]);
}

std::string_view UposMapper::Map(std::string_view word, analysis::Tag tag) const {
  std::string key(word);
  for (char& ch : key) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  key += '\t';
  key += TagName(tag);
  auto it = by_word_tag_.find(key);
  if (it != by_word_tag_.end()) return it->second;
  return by_tag_[static_cast<size_t>(tag)];
}

TagEvaluation EvaluateTagger(const Tagger& tagger, const std::vector<TreebankSentence>& gold, const UposMapper* upos) {
  TagEvaluation ev;
  auto t0 = std::chrono::steady_clock::now();
  TaggerScratch scratch;
  std::vector<std::string_view> words;
  std::vector<analysis::Tag> tags;
  for (const TreebankSentence& s : gold) {
    words.assign(s.words.begin(), s.words.end());
    tags.resize(words.size());
    tagger.Tag(words, tags, &scratch);
    ++ev.sentences;
    for (size_t i = 0; i < words.size(); ++i) {
      ++ev.tokens;
      ev.xpos_correct += tags[i] == s.tags[i];
      if (upos != nullptr) ev.upos_correct += upos->Map(words[i], tags[i]) == s.upos[i];
    }
  }
  ev.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return ev;
}

}  // namespace storyline::analysis
