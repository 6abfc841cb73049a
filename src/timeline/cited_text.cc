// Cited text: what was printed above an article, dropped from its first
// sentence (cited_text.h).
#include "timeline/cited_text.h"

#include <algorithm>
#include <string>
#include <unordered_set>
#include <vector>

#include "common/embedded_data.h"

namespace storyline::timeline {
namespace {

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A whitespace-separated chunk of a sentence, with the brackets it opens
// and closes. Tokenised corpora (Penn Treebank style, as Timeline17) write
// brackets as -LRB- and -RRB-.
struct Chunk {
  std::string_view text;
  int opens = 0, closes = 0;
};

std::vector<Chunk> Chunks(std::string_view text) {
  std::vector<Chunk> out;
  size_t pos = 0;
  while (true) {
    pos = text.find_first_not_of(" \t\r\n", pos);
    if (pos == std::string_view::npos) break;
    size_t end = text.find_first_of(" \t\r\n", pos);
    if (end == std::string_view::npos) end = text.size();
    Chunk c;
    c.text = text.substr(pos, end - pos);
    if (c.text == "-LRB-") {
      c.opens = 1;
    } else if (c.text == "-RRB-") {
      c.closes = 1;
    } else {
      c.opens = static_cast<int>(std::count(c.text.begin(), c.text.end(), '('));
      c.closes = static_cast<int>(std::count(c.text.begin(), c.text.end(), ')'));
    }
    out.push_back(c);
    pos = end;
  }
  return out;
}

bool IsDash(std::string_view t) {
  return t == "-" || t == "--" || t == "\xE2\x80\x94" || t == "\xE2\x80\x93";  // em, en dash
}

bool StartsUpper(std::string_view t) {
  const size_t i = t.find_first_not_of("(\"");
  return i != std::string_view::npos && t[i] >= 'A' && t[i] <= 'Z';
}

// One past the chunk that closes the bracket opened at `open`; 0 when it is
// not closed within `max_chunks` chunks.
size_t CloseOf(const std::vector<Chunk>& chunks, size_t open, size_t max_chunks) {
  int depth = 0;
  for (size_t i = open; i < chunks.size() && i < open + max_chunks; ++i) {
    depth += chunks[i].opens - chunks[i].closes;
    if (depth <= 0) return i + 1;
  }
  return 0;
}

// Time zone abbreviations of data/meta/timezones.txt, and CNN's "ET".
const std::unordered_set<std::string_view>& TimeZones() {
  static const auto* zones = [] {
    auto* s = new std::unordered_set<std::string_view>();
    for (std::string_view line : data::Lines("meta/timezones.txt")) {
      s->insert(line.substr(0, line.find(' ')));
    }
    s->insert("ET");
    return s;
  }();
  return *zones;
}

// "09.48", "4:42": a clock time as a page stamp writes it.
bool ClockTime(std::string_view t) {
  const size_t sep = t.find_first_of(".:");
  if (sep == std::string_view::npos || sep == 0 || sep > 2 || t.size() != sep + 3) return false;
  return AllDigits(t.substr(0, sep)) && AllDigits(t.substr(sep + 1));
}

// Photo credit labels of data/clean/captions.txt ("photograph:"), lowercase,
// without the colon.
const std::vector<std::string>& CreditLabels() {
  static const auto* labels = [] {
    auto* l = new std::vector<std::string>();
    for (std::string_view line : data::Lines("clean/captions.txt")) {
      if (line.substr(0, 5) != "label") continue;
      std::string_view label = line.substr(line.find('|') + 1);
      while (!label.empty() && label.front() == ' ') label.remove_prefix(1);
      if (!label.empty() && label.back() == ':') label.remove_suffix(1);
      l->emplace_back(label);
    }
    return l;
  }();
  return *labels;
}

// What a trimmed sentence keeps: at least this many chunks, else the prefix
// stays (it may be the sentence itself).
constexpr size_t kMinKept = 6;

// Start of the text after an agency credit and a dash, "Cairo , Egypt (CNN)
// --", "LONDON | Thu Jun 3 , 2010 4:42 pm EDT LONDON (Reuters) -": what
// precedes it is dateline, title or story highlights. Else after an
// all-capitals place dateline, "NEW ORLEANS --". Else `begin`.
size_t AfterDateline(const std::vector<Chunk>& chunks, size_t begin) {
  const size_t n = chunks.size();
  for (size_t i = begin; i + 1 < n; ++i) {
    if (chunks[i].opens == 0) continue;
    const size_t close = CloseOf(chunks, i, 5);
    if (close == 0 || close >= n || !IsDash(chunks[close].text)) continue;
    bool credit = true;  // capitalised words only: (CNN), (Reuters), (AP)
    for (size_t k = i; k < close; ++k) {
      if (chunks[k].text != "-LRB-" && chunks[k].text != "-RRB-") {
        credit = credit && StartsUpper(chunks[k].text);
      }
    }
    if (credit && n - (close + 1) >= kMinKept) return close + 1;
    break;  // only the first bracket followed by a dash can be the credit
  }
  for (size_t i = begin + 1; i < n && i <= begin + 6; ++i) {
    if (!IsDash(chunks[i].text)) continue;
    bool caps = true;
    for (size_t k = begin; k < i && caps; ++k) {
      std::string_view w = chunks[k].text;
      if (w == ",") continue;
      caps = std::none_of(w.begin(), w.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; }) &&
             std::any_of(w.begin(), w.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; });
    }
    if (caps && n - (i + 1) >= kMinKept) return i + 1;
    break;
  }
  return begin;
}

// Start of the text after a page stamp inside the sentence, "Tuesday 3
// August 2010 09.48 BST", "Thu Jun 3 , 2010 4:42 pm EDT" (a year, a clock
// time, a zone, outside brackets): what precedes it is the title and
// standfirst printed above the article. Else `begin`.
size_t AfterStamp(const std::vector<Chunk>& chunks, size_t begin) {
  const size_t n = chunks.size();
  for (size_t i = n; i-- > begin + 1;) {
    if (TimeZones().count(chunks[i].text) == 0) continue;
    size_t k = i - 1;
    std::string_view m = chunks[k].text;
    if ((m == "am" || m == "pm" || m == "a.m." || m == "p.m.") && k > begin) --k;
    if (!ClockTime(chunks[k].text)) continue;
    bool year = false;
    for (size_t y = k; y-- > begin && y + 3 >= k;) {
      std::string_view w = chunks[y].text;
      year = year || (w.size() == 4 && AllDigits(w) && (w[0] == '1' || w[0] == '2'));
    }
    if (!year) continue;
    int depth = 0;  // "(Update 12:41 a.m. ... 5:41 p.m. ET)" is not a stamp
    for (size_t b = begin; b < i; ++b) depth += chunks[b].opens - chunks[b].closes;
    if (depth == 0 && n - (i + 1) >= kMinKept) return i + 1;
    break;
  }
  return begin;
}

// Start of the text after a photo credit glued to it, "Photograph : Jerry
// Lampen/Reuters": the label, its colon, names up to the one with the
// agency after a slash. Else `begin`.
size_t AfterPhotoCredit(const std::vector<Chunk>& chunks, size_t begin) {
  const size_t n = chunks.size();
  std::string label;
  size_t after = begin;  // the chunk after the label's colon
  for (size_t i = begin; i < n && i < begin + 3; ++i) {
    std::string_view w = chunks[i].text;
    if (w == ":") {
      after = i + 1;
      break;
    }
    if (!label.empty()) label += ' ';
    label += w;
    if (w.back() == ':') {
      label.pop_back();
      after = i + 1;
      break;
    }
  }
  if (after == begin) return begin;
  for (char& ch : label) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  }
  const auto& labels = CreditLabels();
  if (std::find(labels.begin(), labels.end(), label) == labels.end()) return begin;
  for (size_t i = after; i < n && i < after + 8; ++i) {
    if (chunks[i].text.find('/') == std::string_view::npos) continue;
    return n - (i + 1) >= kMinKept ? i + 1 : begin;
  }
  return begin;
}

}  // namespace

std::string CitedText(std::string_view text) {
  const std::vector<Chunk> chunks = Chunks(text);
  if (chunks.empty()) return std::string(text);
  size_t begin = AfterDateline(chunks, 0);
  begin = AfterStamp(chunks, begin);
  begin = AfterPhotoCredit(chunks, begin);
  while (chunks.size() - begin > kMinKept && chunks[begin].opens > 0) {
    const size_t close = CloseOf(chunks, begin, 40);
    if (close == 0 || chunks.size() - close < kMinKept) break;
    begin = close;
  }
  if (begin == 0) return std::string(text);
  std::string out(text.substr(static_cast<size_t>(chunks[begin].text.data() - text.data())));
  while (!out.empty() && (out.back() == ' ' || out.back() == '\n' || out.back() == '\r')) {
    out.pop_back();
  }
  if (out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

}  // namespace storyline::timeline
