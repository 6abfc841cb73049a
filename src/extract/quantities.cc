// Tracked figures by cue words around numbers.
//
// The idea: in news, a casualty or refugee figure is a number phrase whose
// neighbourhood names what is counted ("more than 90,000 people have been
// killed", "the death toll rose to 100,000", "two million refugees"). So
// each sentence is tokenised once; at every number phrase (digits with an
// optional scale word, or number words) we look back for a qualifier and
// look a few tokens forward, then back, for a cue word, never across a
// clause break or another number. The nearest cue wins. Windows are small
// on purpose: precision matters more than recall for a timeline.
#include "extract/quantities.h"

#include <cmath>
#include <cstdlib>
#include <string>
#include <unordered_map>

#include "common/embedded_data.h"
#include "store/sqlite_util.h"
#include "text/segment.h"
#include "time/timex.h"

namespace storyline::extract {
namespace {

struct Cues {
  std::unordered_map<std::string, std::string> counted;     // word -> label
  std::unordered_map<std::string, std::string> qualifiers;  // "more than" -> label
  std::unordered_map<std::string, int64_t> numbers;         // "two" -> 2
  std::unordered_map<std::string, int64_t> scales;          // "million" -> 1e6
};

const Cues& GetCues() {
  static const Cues* const kCues = [] {
    auto* c = new Cues;
    for (std::string_view line : data::Lines("extract/quantities.txt")) {
      std::vector<std::string> f;
      size_t i = 0;
      while (i < line.size()) {
        while (i < line.size() && line[i] == ' ') ++i;
        size_t s = i;
        while (i < line.size() && line[i] != ' ') ++i;
        if (i > s) f.emplace_back(line.substr(s, i - s));
      }
      if (f.size() < 3) continue;
      for (size_t k = 2; k < f.size(); ++k) {
        std::string w = f[k];
        for (char& ch : w) if (ch == '_') ch = ' ';
        if (f[0] == "counted") c->counted[w] = f[1];
        else if (f[0] == "qualifier") c->qualifiers[w] = f[1];
      }
    }
    const char* const kWords[] = {"zero", "one", "two", "three", "four", "five", "six", "seven",
                                  "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen",
                                  "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
    for (int k = 1; k < 20; ++k) c->numbers[kWords[k]] = k;
    const char* const kTens[] = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
    for (int k = 0; k < 8; ++k) c->numbers[kTens[k]] = 20 + 10 * k;
    c->numbers["a"] = 1;
    c->scales = {{"hundred", 100}, {"thousand", 1000}, {"million", 1000000}, {"billion", 1000000000}};
    return c;
  }();
  return *kCues;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& ch : out) if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  return out;
}

bool IsSpanOrRatio(std::string_view t) {
  static const char* const kWords[] = {"year", "years", "month", "months", "week", "weeks", "day",
                                       "days", "hour", "hours", "decade", "decades", "%", "percent",
                                       "per", "times", "km", "miles", "dollars", "euros"};
  for (const char* w : kWords) if (t == w) return true;
  return false;
}

bool IsBreak(std::string_view t) { return t == ";" || t == "." || t == ":" || t == "(" || t == ")"; }

// Parses a number phrase at tokens[k]; returns tokens used (0 if none).
size_t ParseNumber(const std::vector<std::string>& low, const std::vector<text::Token>& toks, size_t k,
                   int64_t* value, bool* year_like) {
  const Cues& c = GetCues();
  const std::string& w = low[k];
  double v = 0;
  size_t used = 0;
  *year_like = false;
  if (toks[k].kind == text::TokenKind::kNumber) {
    std::string digits;
    bool comma = false, ok = true;
    for (char ch : w) {
      if (ch == ',') comma = true;
      else if ((ch >= '0' && ch <= '9') || ch == '.') digits += ch;
      else ok = false;
    }
    if (!ok || digits.empty()) return 0;
    v = std::atof(digits.c_str());
    used = 1;
    *year_like = !comma && digits.size() == 4 && v >= 1900 && v <= 2099;
  } else {
    auto it = c.numbers.find(w);
    if (it == c.numbers.end() || w == "a") {
      if (w != "a" || k + 1 >= low.size() || !c.scales.count(low[k + 1])) return 0;
    }
    v = w == "a" ? 1 : static_cast<double>(it->second);
    used = 1;
    if (w != "a" && k + 1 < low.size() && low[k + 1].find('-') == std::string::npos) {
      // "twenty five" is rare; "twenty-five" is one token handled below.
    }
  }
  while (k + used < low.size()) {
    auto s = c.scales.find(low[k + used]);
    if (s == c.scales.end()) break;
    v *= static_cast<double>(s->second);
    ++used;
    *year_like = false;
  }
  if (w == "a" && used == 1) return 0;
  *value = static_cast<int64_t>(std::llround(v));
  return used;
}

}  // namespace

void FindQuantities(std::string_view text, const std::vector<Span>& sentences_in, std::vector<Quantity>* out) {
  const Cues& c = GetCues();
  std::vector<Span> own;
  if (sentences_in.empty()) text::SplitSentences(text, 0, &own);
  const std::vector<Span>& sentences = sentences_in.empty() ? own : sentences_in;
  std::vector<text::Token> toks;
  std::vector<std::string> low;
  for (const Span& sent : sentences) {
    toks.clear();
    low.clear();
    std::string_view st = sent.In(text);
    text::Tokenize(st, &toks);
    for (const auto& t : toks) low.push_back(Lower(t.span.In(st)));
    for (size_t k = 0; k < toks.size(); ++k) {
      int64_t value = 0;
      bool year_like = false;
      size_t used = ParseNumber(low, toks, k, &value, &year_like);
      if (!used || year_like || value <= 0) continue;
      size_t end = k + used;
      if (end < toks.size() && IsSpanOrRatio(low[end])) continue;  // "two years", "5 percent"

      // Qualifier: the longest listed phrase ending just before the number.
      size_t begin = k;
      std::string qualifier;
      for (size_t len = 3; len >= 1; --len) {
        if (k < len) continue;
        std::string phrase;
        for (size_t j = k - len; j < k; ++j) phrase += (j > k - len ? " " : "") + low[j];
        auto q = c.qualifiers.find(phrase);
        if (q != c.qualifiers.end()) {
          qualifier = q->second;
          begin = k - len;
          break;
        }
      }
      // Cue: forward first (the noun or verb that follows), then backward.
      std::string counted;
      for (size_t j = end; j < toks.size() && j < end + 6; ++j) {
        if (IsBreak(low[j]) || low[j] == "," || toks[j].kind == text::TokenKind::kNumber) break;
        auto f = c.counted.find(low[j]);
        if (f != c.counted.end()) { counted = f->second; break; }
      }
      for (size_t j = begin; counted.empty() && j-- > 0 && j + 8 > begin;) {
        if (IsBreak(low[j]) || toks[j].kind == text::TokenKind::kNumber) break;
        auto f = c.counted.find(low[j]);
        if (f != c.counted.end()) counted = f->second;
      }
      if (counted.empty()) continue;
      Quantity q;
      q.span = {sent.begin + toks[begin].span.begin, sent.begin + toks[end - 1].span.end};
      q.sentence = sent;
      q.number = value;
      q.qualifier = qualifier;
      q.counted = counted;
      out->push_back(std::move(q));
      k = end - 1;
    }
  }
}

const std::vector<std::string_view>& QuantityMigrations() {
  static const std::vector<std::string_view> kMigrations = {
      R"sql(
CREATE TABLE quantities(
  article_id INTEGER NOT NULL,
  begin INTEGER NOT NULL,
  end INTEGER NOT NULL,
  sentence_begin INTEGER NOT NULL,
  sentence_end INTEGER NOT NULL,
  number INTEGER NOT NULL,
  qualifier TEXT NOT NULL,
  counted TEXT NOT NULL,
  text TEXT NOT NULL,
  date TEXT NOT NULL);
CREATE INDEX quantities_article ON quantities(article_id);
CREATE INDEX quantities_counted ON quantities(counted, date);
CREATE TABLE quantities_done(article_id INTEGER PRIMARY KEY, quantities INTEGER NOT NULL);
)sql",
  };
  return kMigrations;
}

Result<QuantityReport> AnnotateQuantitiesPending(Store& store) {
  STORYLINE_ASSIGN_OR_RETURN(sqlite3 * db, store.Component("extract", QuantityMigrations()));
  std::unordered_map<int64_t, bool> done;
  {
    store::Stmt q;
    STORYLINE_RETURN_IF_ERROR(q.Prepare(db, "SELECT article_id FROM quantities_done"));
    while (sqlite3_step(q.get()) == SQLITE_ROW) done[sqlite3_column_int64(q.get(), 0)] = true;
  }
  std::vector<int64_t> pending;
  ArticleQuery all;
  all.limit = 0;
  STORYLINE_RETURN_IF_ERROR(store.List(all, [&](const StoredArticle& s) {
    if (!done.count(s.id)) pending.push_back(s.id);
    return true;
  }));
  store::Stmt ins, fin;
  STORYLINE_RETURN_IF_ERROR(ins.Prepare(
      db, "INSERT INTO quantities(article_id, begin, end, sentence_begin, sentence_end, number, "
          "qualifier, counted, text, date) VALUES(?,?,?,?,?,?,?,?,?,?)"));
  STORYLINE_RETURN_IF_ERROR(
      fin.Prepare(db, "INSERT OR REPLACE INTO quantities_done(article_id, quantities) VALUES(?,?)"));
  QuantityReport report;
  std::vector<Quantity> found;
  STORYLINE_RETURN_IF_ERROR(store.Begin());
  for (int64_t id : pending) {
    Result<std::optional<StoredArticle>> got = store.Get(std::to_string(id));
    if (!got.ok()) {
      (void)store.Rollback();
      return got.status();
    }
    if (!*got || (*got)->id != id) continue;
    const Article& a = (**got).article;
    time::Anchor anchor = time::ChooseAnchor(a);
    char date[16] = "";
    if (anchor.date.complete())
      std::snprintf(date, sizeof date, "%04d-%02d-%02d", anchor.date.year, anchor.date.month, anchor.date.day);
    found.clear();
    FindQuantities(a.body, a.sentences, &found);
    for (const Quantity& q : found) {
      ins.Reset();
      ins.Bind(1, id);
      ins.Bind(2, static_cast<int64_t>(q.span.begin));
      ins.Bind(3, static_cast<int64_t>(q.span.end));
      ins.Bind(4, static_cast<int64_t>(q.sentence.begin));
      ins.Bind(5, static_cast<int64_t>(q.sentence.end));
      ins.Bind(6, q.number);
      ins.Bind(7, q.qualifier);
      ins.Bind(8, q.counted);
      ins.Bind(9, q.span.In(a.body));
      ins.Bind(10, std::string_view(date));
      if (sqlite3_step(ins.get()) != SQLITE_DONE) {
        Status st = store::SqliteError(db, "storing quantities");
        (void)store.Rollback();
        return st;
      }
      ++report.quantities;
    }
    fin.Reset();
    fin.Bind(1, id);
    fin.Bind(2, static_cast<int64_t>(found.size()));
    if (sqlite3_step(fin.get()) != SQLITE_DONE) {
      Status st = store::SqliteError(db, "storing quantities");
      (void)store.Rollback();
      return st;
    }
    ++report.articles;
  }
  STORYLINE_RETURN_IF_ERROR(store.Commit());
  return report;
}

}  // namespace storyline::extract
