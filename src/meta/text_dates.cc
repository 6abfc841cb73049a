// Datelines and stamp lines.
//
// A dateline is found by locating its end first: the first agency in brackets
// or slashes ("(Reuters)", "/ITAR-TASS/") or the first spaced dash within the
// opening bytes of the paragraph. The text before that end (the head) must
// then split at commas into a place (capitalised words), at most one region
// and at most one date; anything else in the head (a lowercase verb, a digit
// in the place, too many words) means the paragraph simply opens with a
// sentence. Without an agency the evidence is weaker, so a dash must close the
// head and the place must be in capitals or carry a date, the usual wire
// style ("BEIRUT, Lebanon -", "Geneva, Jan 22 -").
//
// A stamp line is a short line whose dates and times cover everything except
// words from data/meta/stamp_words.txt and punctuation; a sentence with a
// date in it always has some other word and is rejected.
#include "meta/text_dates.h"

#include <algorithm>
#include <string>
#include <vector>

#include "common/embedded_data.h"

namespace storyline::meta {
namespace {

constexpr size_t kMaxHeadBytes = 120;      // place + region + date
constexpr size_t kMaxAgencyBytes = 48;     // text inside the brackets
constexpr size_t kMaxStampBytes = 160;     // longer lines are not stamps
constexpr int kMaxPlaceWords = 5;
constexpr int kMaxRegionWords = 4;

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Sorted lowercase word lists, compiled once.
struct Lists {
  std::vector<std::string> agencies;
  std::vector<std::string> stamp_words;
  static bool Has(const std::vector<std::string>& v, std::string_view key) {
    return std::binary_search(v.begin(), v.end(), key,
                              [](std::string_view a, std::string_view b) { return a < b; });
  }
};

const Lists& GetLists() {
  static const Lists* const kLists = [] {
    auto* l = new Lists;
    for (std::string_view a : data::Lines("meta/agencies.txt")) l->agencies.push_back(LowerAscii(a));
    for (std::string_view w : data::Lines("meta/stamp_words.txt")) l->stamp_words.push_back(LowerAscii(w));
    std::sort(l->agencies.begin(), l->agencies.end());
    std::sort(l->stamp_words.begin(), l->stamp_words.end());
    return l;
  }();
  return *kLists;
}

bool IsSpaceAt(std::string_view s, size_t i, size_t* len) {
  if (i >= s.size()) return false;
  if (s[i] == ' ' || s[i] == '\t') {
    *len = 1;
    return true;
  }
  if (s[i] == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {
    *len = 2;
    return true;
  }
  return false;
}

size_t SkipSpaces(std::string_view s, size_t i) {
  size_t len;
  while (IsSpaceAt(s, i, &len)) i += len;
  return i;
}

std::string_view Trim(std::string_view s) {
  size_t b = SkipSpaces(s, 0);
  s.remove_prefix(b);
  while (!s.empty()) {
    if (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n') {
      s.remove_suffix(1);
    } else if (s.size() >= 2 && s[s.size() - 2] == '\xC2' && s.back() == '\xA0') {
      s.remove_suffix(2);
    } else {
      break;
    }
  }
  return s;
}

// Length of a dash at i: "-", "--", en dash, em dash, or horizontal bar; 0 if none.
size_t DashAt(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  if (s[i] == '-') return (i + 1 < s.size() && s[i + 1] == '-') ? 2 : 1;
  if (s.substr(i, 3) == "\xE2\x80\x93" || s.substr(i, 3) == "\xE2\x80\x94" ||
      s.substr(i, 3) == "\xE2\x80\x95") {
    return 3;
  }
  return 0;
}

bool IsAgency(std::string_view text) {
  text = Trim(text);
  if (text.empty() || text.size() > kMaxAgencyBytes) return false;
  return Lists::Has(GetLists().agencies, LowerAscii(text));
}

enum class WordCase { kCaps, kTitle, kConnector, kOther };

// Classifies one word of a place name ("PARIS", "St.", "al-Sham", "de").
WordCase ClassifyWord(std::string_view w) {
  static constexpr std::string_view kConnectors[] = {"de", "del", "la", "le", "al", "el",
                                                     "of", "du", "da", "do", "upon", "am"};
  int upper = 0;
  int lower = 0;
  for (char c : w) {
    if (c >= 'A' && c <= 'Z') {
      ++upper;
    } else if (c >= 'a' && c <= 'z') {
      ++lower;
    } else if (c >= '0' && c <= '9') {
      return WordCase::kOther;
    } else if (static_cast<unsigned char>(c) < 0x80 && c != '.' && c != '-' && c != '\'') {
      return WordCase::kOther;
    }
  }
  if (upper + lower == 0) {
    // Only non-ASCII letters: accept as part of a name only after another word.
    return static_cast<unsigned char>(w[0]) >= 0x80 ? WordCase::kTitle : WordCase::kOther;
  }
  if (lower == 0 && upper >= 1) return WordCase::kCaps;
  if (w[0] >= 'A' && w[0] <= 'Z') return WordCase::kTitle;
  for (std::string_view c : kConnectors) {
    if (w == c) return WordCase::kConnector;
  }
  return WordCase::kOther;
}

struct NameShape {
  bool ok = false;
  bool caps = false;  // every significant word in capitals
  int letters = 0;
};

// A place or region: 1..max_words capitalised words, connectors inside.
NameShape ClassifyName(std::string_view s, int max_words) {
  NameShape shape;
  s = Trim(s);
  if (s.empty()) return shape;
  int words = 0;
  bool all_caps = true;
  bool any_cap_word = false;
  size_t i = 0;
  while (i < s.size()) {
    size_t start = i;
    size_t len;
    while (i < s.size() && !IsSpaceAt(s, i, &len)) ++i;
    std::string_view w = s.substr(start, i - start);
    i = SkipSpaces(s, i);
    if (++words > max_words) return shape;
    WordCase wc = ClassifyWord(w);
    if (wc == WordCase::kOther) return shape;
    if (wc == WordCase::kConnector) {
      if (words == 1) return shape;
      continue;
    }
    any_cap_word = true;
    if (wc != WordCase::kCaps) all_caps = false;
    for (char c : w) {
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) ++shape.letters;
    }
  }
  shape.ok = any_cap_word;
  shape.caps = all_caps;
  return shape;
}

}  // namespace

std::optional<Dateline> FindDateline(std::string_view paragraph) {
  const size_t start = SkipSpaces(paragraph, 0);
  const std::string_view s = paragraph;
  const size_t limit = std::min(s.size(), start + kMaxHeadBytes);
  // 1. Find where the head ends: an agency in brackets/slashes or a dash.
  size_t head_end = std::string_view::npos;
  size_t after = 0;  // first byte after the agency or dash
  std::string agency;
  bool unlisted_agency = false;
  bool dash_seen = false;
  for (size_t i = start; i < limit; ++i) {
    char c = s[i];
    if (c == '(' || c == '/') {
      char close = c == '(' ? ')' : '/';
      size_t end = s.find(close, i + 1);
      if (end == std::string_view::npos || end - i - 1 > kMaxAgencyBytes) return std::nullopt;
      std::string_view inside = s.substr(i + 1, end - i - 1);
      // An outlet missing from the list still reads as one when it is a short
      // capitalised name; that weaker evidence needs a dash after it (step 3).
      if (!IsAgency(inside)) {
        if (c != '(' || !ClassifyName(Trim(inside), kMaxPlaceWords).ok) return std::nullopt;
        unlisted_agency = true;
      }
      agency = std::string(Trim(inside));
      head_end = i;
      after = end + 1;
      break;
    }
    size_t space;
    bool spaced_before = i > start && IsSpaceAt(s, i - 1, &space);
    size_t dash = DashAt(s, i);
    if (dash > 0 && (spaced_before || dash == 3)) {
      size_t next = i + dash;
      if (next < s.size() && !IsSpaceAt(s, next, &space) && dash != 3) continue;
      head_end = i;
      after = next;
      dash_seen = true;
      break;
    }
    if (c == '.' || c == ';' || c == ':' || c == '"' || c == '?' || c == '!') {
      // Sentence punctuation before any agency or dash: allowed only as the
      // period of an abbreviation inside the head ("ST. LOUIS", "Oct. 29").
      if (c != '.' || i + 1 >= s.size() || s[i + 1] != ' ') return std::nullopt;
    }
  }
  if (head_end == std::string_view::npos) return std::nullopt;
  // After an agency: an optional terminator (dash, colon, period) and spaces.
  if (!dash_seen) {
    size_t j = SkipSpaces(s, after);
    size_t dash = DashAt(s, j);
    if (dash > 0) {
      after = j + dash;
      dash_seen = true;
    } else if (j < s.size() && (s[j] == ':' || s[j] == '.')) {
      after = j + 1;
    }
  }
  after = SkipSpaces(s, after);

  // 2. Split the head at commas into place, region and date.
  std::string_view head = Trim(s.substr(start, head_end - start));
  while (!head.empty() && (head.back() == ',')) head = Trim(head.substr(0, head.size() - 1));
  Dateline d;
  NameShape place_shape;
  bool has_region = false;
  int segment = 0;
  size_t pos = 0;
  while (pos <= head.size() && !head.empty()) {
    const size_t start_of_seg = pos;
    size_t comma = head.find(',', pos);
    std::string_view seg = Trim(head.substr(pos, comma == std::string_view::npos ? std::string_view::npos
                                                                                  : comma - pos));
    pos = comma == std::string_view::npos ? head.size() + 1 : comma + 1;
    if (++segment > 4 || seg.empty()) return std::nullopt;
    // The date may itself hold commas ("March 4, 2012"): try the rest of the head.
    std::optional<PartialDateTime> date = ParseDate(head.substr(start_of_seg), {.whole_string = true});
    if (date && date->has_date()) {
      d.date = date;
      break;
    }
    if (segment == 1) {
      place_shape = ClassifyName(seg, kMaxPlaceWords);
      if (!place_shape.ok) return std::nullopt;
      d.place = std::string(seg);
    } else {
      if (d.date || has_region || d.place.empty()) return std::nullopt;  // region comes before the date
      NameShape region = ClassifyName(seg, kMaxRegionWords);
      if (!region.ok) return std::nullopt;
      has_region = true;
    }
  }
  if (head.empty() && agency.empty()) return std::nullopt;

  // 3. Weigh the evidence.
  bool accept = false;
  if (!agency.empty() && !unlisted_agency) {
    accept = true;
  } else if (unlisted_agency) {
    accept = dash_seen && !d.place.empty() && (d.date.has_value() || place_shape.caps);
  } else if (dash_seen && !d.place.empty()) {
    accept = d.date.has_value() || (place_shape.caps && (has_region || place_shape.letters >= 4));
  }
  if (!accept) return std::nullopt;
  d.agency = agency;
  d.length = after;
  return d;
}

std::optional<PartialDateTime> ParseStampLine(std::string_view line) {
  line = Trim(line);
  if (line.empty() || line.size() > kMaxStampBytes) return std::nullopt;
  bool has_digit = false;
  for (char c : line) {
    if (c >= '0' && c <= '9') {
      has_digit = true;
      break;
    }
  }
  if (!has_digit) return std::nullopt;
  const Lists& lists = GetLists();
  std::optional<PartialDateTime> first;
  size_t i = 0;
  std::string word;
  while (i < line.size()) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    bool alnum = (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    if (!alnum) {
      if (c < 0x80) {
        if (c == '"' || c == '?' || c == '!' || c == ';') return std::nullopt;
        ++i;  // punctuation and blanks: | : , - / ( ) [ ] .
        continue;
      }
      // Non-ASCII: allow blanks, dashes, bullets and middle dots only.
      std::string_view rest = line.substr(i);
      if (rest.substr(0, 2) == "\xC2\xA0" || rest.substr(0, 2) == "\xC2\xB7") {
        i += 2;
      } else if (rest.substr(0, 3) == "\xE2\x80\x93" || rest.substr(0, 3) == "\xE2\x80\x94" ||
                 rest.substr(0, 3) == "\xE2\x80\xA2") {
        i += 3;
      } else {
        return std::nullopt;
      }
      continue;
    }
    std::optional<DateMatch> m = FindDate(line, i);
    if (m && m->begin == i && m->end > i) {
      if (!first || (!first->has_date() && m->value.has_date())) first = m->value;
      i = m->end;
      continue;
    }
    size_t start = i;
    while (i < line.size()) {
      unsigned char d = static_cast<unsigned char>(line[i]);
      if (!((d >= '0' && d <= '9') || ((d | 0x20) >= 'a' && (d | 0x20) <= 'z'))) break;
      ++i;
    }
    word = LowerAscii(line.substr(start, i - start));
    if (!Lists::Has(lists.stamp_words, word)) return std::nullopt;
  }
  if (!first) return std::nullopt;
  if (!first->has_date() && first->hour < 0) return std::nullopt;
  return first;
}

}  // namespace storyline::meta
