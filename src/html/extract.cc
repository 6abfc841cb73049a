// Main-content extraction.
//
// The idea, in the line of readability (Arc90), boilerpipe (Kohlschütter et
// al., WSDM 2010, "Boilerplate detection using shallow text features") and
// trafilatura (Barbaresi, ACL 2021): the article body is the part of the page
// where long, punctuated, mostly unlinked text blocks are dense, and
// boilerplate announces itself by tags (nav, aside, footer, form), by
// class/id words (share, related, comment, promo ...) and by link density.
//
//  1. Prune: drop subtrees that never hold the body (script, style, nav,
//     aside, footer, forms, figures and captions, hidden elements) and those
//     whose class/id says boilerplate, unless they hold most of the page's
//     paragraph text (a page whose <body class="has-sidebar"> must survive).
//  2. Blocks: walk the remaining tree in document order and cut the text
//     into blocks at block-level element boundaries and <br>; each block
//     knows its text, its link text and the element that owns it.
//  3. Container: every block votes for all its ancestors: long, low-link
//     blocks add their unlinked length (plus a bonus for punctuation), link
//     text and short fragments subtract, and a linked heading (the mark of
//     a teaser in "more stories" lists) costs a fixed penalty. The
//     highest-scoring element (the deepest on ties) is the container: a
//     maximum-weight subtree, which takes in an article split over sibling
//     elements as long as what lies between them is lighter than what it
//     gains. <article>, itemprop=articleBody and body-like class names add
//     a bonus. The container then climbs to ancestors that score almost as
//     well, to take in neutral neighbours (tables, short lines).
//  4. Output: the container's blocks in order, without link lists, short
//     non-sentence fragments outside paragraph-like elements, and short
//     page-furniture lines (datelines, "Subscribe to our newsletter").
//
// Measured on the Zyte article-extraction benchmark, dev half (91 pages):
// shingle F1 0.976 (P 0.967, R 0.984).
//
// Metadata (title, site, canonical URL, language, author, dates, charset)
// is read from the same tree: <meta>, <link>, <title>, <h1>, <time>,
// itemprop attributes and JSON-LD (nlohmann-json; @graph and arrays).
#include "html/extract.h"

#include "common/embedded_data.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "html/dom.h"
#include "html/tokenizer.h"

namespace storyline::html {
namespace {

// ---------------------------------------------------------------- helpers

inline bool IsAsciiSpace(unsigned char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsAsciiSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsAsciiSpace(s.back())) s.remove_suffix(1);
  return s;
}

// Appends `text` to `out` collapsing white space runs (ASCII white space and
// U+00A0) into one space; `pending_space` carries a space across calls.
void AppendCollapsed(std::string_view text, std::string* out, bool* pending_space) {
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    unsigned char c = text[i];
    if (IsAsciiSpace(c)) {
      *pending_space = true;
      ++i;
      continue;
    }
    if (c == 0xC2 && i + 1 < n && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
      *pending_space = true;
      i += 2;
      continue;
    }
    // Zero-width space / joiners / BOM (U+200B..U+200D, U+FEFF): dropped.
    if (c == 0xE2 && i + 2 < n && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(text[i + 2]) >= 0x8B &&
         static_cast<unsigned char>(text[i + 2]) <= 0x8D)) {
      i += 3;
      continue;
    }
    if (c == 0xEF && i + 2 < n && static_cast<unsigned char>(text[i + 1]) == 0xBB &&
        static_cast<unsigned char>(text[i + 2]) == 0xBF) {
      i += 3;
      continue;
    }
    if (*pending_space && !out->empty()) out->push_back(' ');
    *pending_space = false;
    size_t j = i + 1;
    while (j < n) {
      unsigned char d = text[j];
      if (IsAsciiSpace(d) || d == 0xC2 || d == 0xE2 || d == 0xEF) break;
      ++j;
    }
    out->append(text.data() + i, j - i);
    i = j;
  }
}

std::string Collapse(std::string_view text) {
  std::string out;
  bool pending = false;
  AppendCollapsed(text, &out, &pending);
  return out;
}

// Characters (code points) that are not white space.
size_t VisibleChars(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += !IsAsciiSpace(c) && (c & 0xC0) != 0x80;
  return n;
}

bool ContainsWord(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

bool IsHeading(Tag t) { return t >= Tag::kH1 && t <= Tag::kH6; }

// Elements whose start and end cut the text into blocks.
bool IsBlockTag(Tag t) {
  switch (t) {
    case Tag::kUnknown: case Tag::kAddress: case Tag::kArticle: case Tag::kAside:
    case Tag::kBlockquote: case Tag::kBody: case Tag::kCaption: case Tag::kCenter:
    case Tag::kDd: case Tag::kDetails: case Tag::kDialog: case Tag::kDiv:
    case Tag::kDl: case Tag::kDt: case Tag::kFieldset: case Tag::kFigcaption:
    case Tag::kFigure: case Tag::kFooter: case Tag::kForm: case Tag::kH1:
    case Tag::kH2: case Tag::kH3: case Tag::kH4: case Tag::kH5: case Tag::kH6:
    case Tag::kHeader: case Tag::kHgroup: case Tag::kHr: case Tag::kHtml:
    case Tag::kLi: case Tag::kMain: case Tag::kMenu: case Tag::kNav:
    case Tag::kOl: case Tag::kOption: case Tag::kP: case Tag::kPre:
    case Tag::kSection: case Tag::kSummary: case Tag::kTable: case Tag::kTbody:
    case Tag::kTfoot: case Tag::kThead: case Tag::kTr: case Tag::kUl: case Tag::kLegend: case Tag::kSelect:
    case Tag::kTitle: case Tag::kHead: case Tag::kTextarea: case Tag::kBr:
    case Tag::kVideo: case Tag::kAudio: case Tag::kPicture: case Tag::kIframe:
      return true;
    default:
      return false;
  }
}

// Subtrees that never carry body text.
bool IsDroppedTag(Tag t) {
  switch (t) {
    case Tag::kScript: case Tag::kStyle: case Tag::kNoscript: case Tag::kTemplate:
    case Tag::kSvg: case Tag::kMath: case Tag::kIframe: case Tag::kObject:
    case Tag::kEmbed: case Tag::kCanvas: case Tag::kVideo: case Tag::kAudio:
    case Tag::kSelect: case Tag::kOption: case Tag::kTextarea: case Tag::kInput:
    case Tag::kButton: case Tag::kHead: case Tag::kTitle: case Tag::kMenu:
    case Tag::kDialog: case Tag::kNoembed: case Tag::kNoframes: case Tag::kLabel:
    case Tag::kMap: case Tag::kPicture:
      return true;
    default:
      return false;
  }
}

// Subtrees that usually hold boilerplate, but that careless markup sometimes
// leaves open around the whole page (an unclosed <nav>, an ASP.NET <form>).
bool IsBoilerplateTag(Tag t) {
  switch (t) {
    case Tag::kNav: case Tag::kAside: case Tag::kFooter: case Tag::kForm:
    case Tag::kFigure: case Tag::kFigcaption:
      return true;
    default:
      return false;
  }
}

// Lower-case class and id of an element, space separated.
void ClassAndId(const Document& doc, uint32_t i, std::string* out) {
  out->clear();
  std::string_view cls = doc.Attr(i, "class");
  std::string_view id = doc.Attr(i, "id");
  out->reserve(cls.size() + id.size() + 1);
  for (char c : cls) out->push_back((c >= 'A' && c <= 'Z') ? c + 32 : c);
  out->push_back(' ');
  for (char c : id) out->push_back((c >= 'A' && c <= 'Z') ? c + 32 : c);
}

// Word lists from data/html/*.txt, compiled once. Views point into the
// embedded data and live for the whole program.
struct WordLists {
  std::vector<std::string_view> negative_substrings, negative_tokens, embed_substrings,
      hidden_classes, positive_substrings, positive_tokens, furniture_phrases;
  std::vector<std::string> dateline_prefixes;  // "by_" in the file is "by "
};

const WordLists& Lists() {
  static const WordLists* lists = [] {
    auto* l = new WordLists;
    auto load = [](std::string_view file, std::initializer_list<
                   std::pair<std::string_view, std::vector<std::string_view>*>> kinds) {
      for (std::string_view line : data::Lines(file)) {
        size_t sp = line.find(' ');
        if (sp == std::string_view::npos) continue;
        std::string_view kind = line.substr(0, sp), word = line.substr(sp + 1);
        for (const auto& [name, target] : kinds) {
          if (kind == name) target->push_back(word);
        }
      }
    };
    load("html/class_hints.txt", {{"negative-substring", &l->negative_substrings},
                                  {"negative-token", &l->negative_tokens},
                                  {"embed-substring", &l->embed_substrings},
                                  {"hidden-class", &l->hidden_classes},
                                  {"positive-substring", &l->positive_substrings},
                                  {"positive-token", &l->positive_tokens}});
    std::vector<std::string_view> prefixes;
    load("html/furniture.txt", {{"phrase", &l->furniture_phrases}, {"dateline-prefix", &prefixes}});
    for (std::string_view p : prefixes) {
      std::string word(p);
      if (!word.empty() && word.back() == '_') word.back() = ' ';
      l->dateline_prefixes.push_back(std::move(word));
    }
    return l;
  }();
  return *lists;
}


// Embedded posts (tweets, Instagram) quoted by the article: part of it.

// Whole class names that hide an element ("field-label-hidden" does not).




bool AnySubstring(std::string_view s, const std::vector<std::string_view>& words) {
  for (std::string_view w : words) {
    if (s.find(w) != std::string_view::npos) return true;
  }
  return false;
}

// Does a token of `s` (split at space, and also at '-' and '_' when
// `split_words`) equal one of `words`?
bool AnyToken(std::string_view s, const std::vector<std::string_view>& words, bool split_words = true) {
  auto sep = [split_words](char c) { return c == ' ' || (split_words && (c == '-' || c == '_')); };
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && sep(s[i])) ++i;
    size_t j = i;
    while (j < s.size() && !sep(s[j])) ++j;
    if (j > i) {
      std::string_view tok = s.substr(i, j - i);
      for (std::string_view w : words) {
        if (tok == w) return true;
      }
    }
    i = j;
  }
  return false;
}

enum Hint : uint8_t { kHintNone = 0, kHintNegative = 1, kHintPositive = 2 };

uint8_t ClassHint(const Document& doc, uint32_t i, std::string* scratch) {
  if (doc.AttrCount(i) == 0) return kHintNone;
  uint8_t hint = kHintNone;
  std::string_view itemprop = doc.Attr(i, "itemprop");
  if (itemprop == "articleBody" || itemprop == "articlebody" || itemprop == "text") {
    hint |= kHintPositive;
  }
  ClassAndId(doc, i, scratch);
  if (scratch->size() <= 1) return hint;
  if (AnySubstring(*scratch, Lists().positive_substrings)) hint |= kHintPositive;
  if (AnyToken(*scratch, Lists().hidden_classes, /*split_words=*/false)) {
    hint |= kHintNegative;
  } else if ((AnySubstring(*scratch, Lists().negative_substrings) ||
              AnyToken(*scratch, Lists().negative_tokens)) &&
             !AnySubstring(*scratch, Lists().embed_substrings)) {
    hint |= kHintNegative;
  }
  return hint;
}

bool IsHidden(const Document& doc, uint32_t i) {
  if (doc.AttrCount(i) == 0) return false;
  bool found = false;
  doc.Attr(i, "hidden", &found);
  if (found) return true;
  std::string_view style = doc.Attr(i, "style");
  if (!style.empty()) {
    std::string s;
    for (char c : style) {
      if (!IsAsciiSpace(c)) s.push_back((c >= 'A' && c <= 'Z') ? c + 32 : c);
    }
    if (ContainsWord(s, "display:none") || ContainsWord(s, "visibility:hidden")) return true;
  }
  std::string_view role = doc.Attr(i, "role");
  if (role == "navigation" || role == "complementary" || role == "contentinfo" ||
      role == "banner" || role == "menu" || role == "dialog" || role == "search") {
    return true;
  }
  return false;
}

// Short lines that are page furniture rather than article text: datelines
// and bylines ("Posted: Fri 6:45 PM, Feb 16, 2018", "Updated at 1:23 p.m."),
// calls to subscribe or share, cookie notices, copyright lines and the
// headings of related-content boxes. English-centred, matched on ASCII
// lower case; only lines shorter than kMaxFurnitureChars are tested.
constexpr size_t kMaxFurnitureChars = 160;


constexpr std::string_view kMonths[] = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};

bool IsFurnitureLine(std::string_view text) {
  if (text.size() > kMaxFurnitureChars) return false;
  std::string lower = AsciiLower(text);
  for (std::string_view p : Lists().furniture_phrases) {
    if (lower.find(p) != std::string::npos) return true;
  }
  if (lower == "comments" || lower == "comment") return true;
  // Date lines: few words, a number, and a month name or a dateline prefix.
  size_t words = 1, digits = 0;
  for (char c : lower) {
    words += c == ' ';
    digits += c >= '0' && c <= '9';
  }
  if (words > 12 || digits == 0) return false;
  for (std::string_view p : Lists().dateline_prefixes) {
    if (lower.rfind(p, 0) == 0) return true;
  }
  if (words > 6) return false;
  for (std::string_view m : kMonths) {
    size_t pos = lower.find(m);
    if (pos != std::string::npos && (pos == 0 || lower[pos - 1] == ' ' || lower[pos - 1] == ',')) {
      return true;
    }
  }
  return false;
}

// Text that is escaped markup ("<img src=...>") left by a broken page.
bool LooksLikeMarkup(std::string_view text) {
  return text.size() >= 3 && text.front() == '<' && text.back() == '>' &&
         ((text[1] | 0x20) >= 'a' && (text[1] | 0x20) <= 'z') &&
         text.find('=') != std::string_view::npos;
}

// ---------------------------------------------------------------- blocks

struct Block {
  uint32_t owner = 0;       // innermost block-level element around the text
  uint32_t text_begin = 0;  // into Extractor::text_
  uint32_t text_len = 0;
  uint32_t chars = 0;       // visible characters
  uint32_t link_chars = 0;  // visible characters inside <a>
  uint32_t punct = 0;       // sentence punctuation and commas
  Tag owner_tag = Tag::kUnknown;
  bool in_heading = false;
  bool in_list = false;
};

class Extractor {
 public:
  Extractor(const Document& doc, const HtmlExtractOptions& options)
      : doc_(doc), options_(options) {}

  void Run(ExtractedPage* page);

 private:
  void MarkRemoved();
  void CollectBlocks();
  void FlushBlock();
  uint32_t ChooseContainer();
  bool InSubtree(uint32_t node, uint32_t root) const;
  void ReadMetadata(ExtractedPage* page, uint32_t container);

  const Document& doc_;
  const HtmlExtractOptions& options_;
  std::vector<uint8_t> removed_;  // 1: pruned
  std::vector<uint8_t> hint_;
  std::vector<uint32_t> end_;     // one past the last node of each subtree
  std::vector<Block> blocks_;
  std::string text_;
  // Block being built.
  Block cur_;
  bool pending_space_ = false;
  std::string scratch_;
};

void Extractor::MarkRemoved() {
  const uint32_t n = static_cast<uint32_t>(doc_.size());
  removed_.assign(n, 0);
  hint_.assign(n, kHintNone);
  end_.assign(n, 0);
  // Subtree ends (pre-order: a subtree is the index range [i, end_[i])).
  for (uint32_t i = n; i-- > 0;) {
    const Node& node = doc_.node(i);
    end_[i] = node.last_child == kNoNode ? i + 1 : end_[node.last_child];
  }
  // Hard removal: elements that never hold text a reader sees.
  for (uint32_t i = 1; i < n; ++i) {
    const Node& node = doc_.node(i);
    if (removed_[node.parent]) {
      removed_[i] = 1;
      continue;
    }
    if (node.type == NodeType::kElement && IsDroppedTag(node.tag)) removed_[i] = 1;
  }
  // Paragraph text per subtree, to protect big subtrees from soft removal.
  std::vector<uint32_t> ptext(n, 0);
  for (uint32_t i = n; i-- > 1;) {
    const Node& node = doc_.node(i);
    if (removed_[i]) continue;
    if (node.type == NodeType::kText) {
      Tag pt = doc_.node(node.parent).tag;
      if (pt == Tag::kP || pt == Tag::kLi || pt == Tag::kBlockquote || pt == Tag::kPre ||
          pt == Tag::kSpan || pt == Tag::kEm || pt == Tag::kStrong || pt == Tag::kB ||
          pt == Tag::kI || pt == Tag::kDiv || pt == Tag::kTd) {
        ptext[i] = static_cast<uint32_t>(VisibleChars(doc_.Str(i)));
      }
    }
    ptext[node.parent] += ptext[i];
  }
  // Soft removal: boilerplate tags, hidden elements and class/id hints,
  // unless the subtree holds most of the page's paragraph text.
  const uint32_t total = ptext[0];
  for (uint32_t i = 1; i < n; ++i) {
    const Node& node = doc_.node(i);
    if (node.type != NodeType::kElement || removed_[i]) continue;
    if (removed_[node.parent]) {
      removed_[i] = 1;
      continue;
    }
    if (node.tag == Tag::kBody || node.tag == Tag::kHtml || node.tag == Tag::kMain) continue;
    uint8_t h = ClassHint(doc_, i, &scratch_);
    hint_[i] = h;
    bool boilerplate = IsBoilerplateTag(node.tag) || IsHidden(doc_, i) ||
                       (h == kHintNegative && node.tag != Tag::kArticle);
    if (boilerplate && !(total > 0 && ptext[i] * 2 > total)) removed_[i] = 1;
  }
}

void Extractor::FlushBlock() {
  if (cur_.text_len == 0 && text_.size() == cur_.text_begin) {
    pending_space_ = false;
    return;
  }
  cur_.text_len = static_cast<uint32_t>(text_.size() - cur_.text_begin);
  if (cur_.chars > 0) {
    blocks_.push_back(cur_);
  } else {
    text_.resize(cur_.text_begin);
  }
  cur_ = Block();
  cur_.text_begin = static_cast<uint32_t>(text_.size());
  pending_space_ = false;
}

void Extractor::CollectBlocks() {
  // Iterative pre-order walk with enter/exit events.
  struct Frame {
    uint32_t node;
    uint32_t owner;
    uint16_t link_depth;
    bool heading;
    bool list;
  };
  std::vector<Frame> stack;
  cur_ = Block();
  cur_.text_begin = 0;
  uint32_t owner = 0;
  uint16_t link_depth = 0;
  bool heading = false;
  bool list = false;
  uint32_t i = doc_.node(0).first_child;
  while (true) {
    if (i != kNoNode) {
      const Node& node = doc_.node(i);
      if (removed_[i]) {
        i = node.next_sibling;
        continue;
      }
      if (node.type == NodeType::kText) {
        std::string_view t = doc_.Str(i);
        if (cur_.chars == 0 && text_.size() == cur_.text_begin) {
          cur_.owner = owner;
          cur_.owner_tag = doc_.node(owner).tag;
          cur_.in_heading = heading;
          cur_.in_list = list;
          pending_space_ = false;
        }
        size_t before = text_.size();
        AppendCollapsed(t, &text_, &pending_space_);
        std::string_view added(text_.data() + before, text_.size() - before);
        uint32_t vis = static_cast<uint32_t>(VisibleChars(added));
        cur_.chars += vis;
        if (link_depth > 0) cur_.link_chars += vis;
        for (char c : added) {
          cur_.punct += c == '.' || c == ',' || c == '!' || c == '?' || c == ';' || c == ':';
        }
        i = node.next_sibling;
        continue;
      }
      // Element: enter.
      Tag t = node.tag;
      if (t == Tag::kBr || t == Tag::kHr) {
        FlushBlock();
        i = node.next_sibling;
        continue;
      }
      if (t == Tag::kImg || t == Tag::kWbr || IsVoidTag(t)) {
        i = node.next_sibling;
        continue;
      }
      stack.push_back({i, owner, link_depth, heading, list});
      if (IsBlockTag(t)) {
        FlushBlock();
        owner = i;
      }
      if (t == Tag::kTd || t == Tag::kTh) pending_space_ = true;  // cells join rows
      if (t == Tag::kA) ++link_depth;
      if (IsHeading(t)) heading = true;
      if (t == Tag::kLi || t == Tag::kDd || t == Tag::kDt) list = true;
      if (node.first_child != kNoNode) {
        i = node.first_child;
        continue;
      }
      i = kNoNode;  // fall through to exit
    }
    if (stack.empty()) break;
    Frame f = stack.back();
    stack.pop_back();
    if (IsBlockTag(doc_.node(f.node).tag)) FlushBlock();
    owner = f.owner;
    link_depth = f.link_depth;
    heading = f.heading;
    list = f.list;
    i = doc_.node(f.node).next_sibling;
  }
  FlushBlock();
}

bool Extractor::InSubtree(uint32_t node, uint32_t root) const {
  return node >= root && node < end_[root];
}

// A block's vote: positive for body-like text, negative for boilerplate.
constexpr double kShortTextPenalty = 0.2;
constexpr double kClimbRatio = 0.95;
constexpr double kTeaserPenalty = 120;

double BlockWeight(const Block& b) {
  double link_density = b.chars == 0 ? 0 : static_cast<double>(b.link_chars) / b.chars;
  double unlinked = static_cast<double>(b.chars - b.link_chars);
  // A linked heading is the mark of a teaser (related stories, more from the
  // site): each one costs as much as a short paragraph brings.
  if (b.in_heading && link_density > 0.6) return -kTeaserPenalty - b.link_chars;
  if (unlinked >= 50 && link_density < 0.6 && b.punct > 0) {
    return unlinked * (1.0 + std::min(0.5, 0.05 * b.punct)) - 0.5 * b.link_chars;
  }
  if (b.chars >= 25 && link_density < 0.35 && (b.owner_tag == Tag::kP || b.punct > 0)) {
    return unlinked * 0.5 - b.link_chars;
  }
  return -kShortTextPenalty * unlinked - 1.0 * b.link_chars;
}

uint32_t Extractor::ChooseContainer() {
  const uint32_t n = static_cast<uint32_t>(doc_.size());
  std::vector<double> score(n, 0.0);
  for (const Block& b : blocks_) score[b.owner] += BlockWeight(b);
  // Accumulate to ancestors (children have larger indices than parents).
  for (uint32_t i = n; i-- > 1;) {
    if (score[i] != 0.0) score[doc_.node(i).parent] += score[i];
  }
  uint32_t best = 0;
  double best_score = score[0];
  for (uint32_t i = 1; i < n; ++i) {
    const Node& node = doc_.node(i);
    if (node.type != NodeType::kElement || removed_[i]) continue;
    double s = score[i];
    if (s <= 0) continue;
    if (node.tag == Tag::kArticle || (hint_[i] & kHintPositive)) s *= 1.15;
    if (s >= best_score) {
      best_score = s;
      best = i;
    }
  }
  // Climb to ancestors that lose little: they add the neutral neighbours
  // (tables, short lines) of the best element.
  while (best != 0) {
    uint32_t parent = doc_.node(best).parent;
    Tag pt = doc_.node(parent).tag;
    if (parent == 0 || pt == Tag::kBody || pt == Tag::kHtml || removed_[parent]) break;
    if (score[parent] < kClimbRatio * score[best]) break;
    best = parent;
  }
  return best;
}

// ---------------------------------------------------------------- metadata

struct MetaDateKey {
  std::string_view key;  // lower-case meta name/property/itemprop
  float confidence;
};
constexpr MetaDateKey kMetaDateKeys[] = {
    {"article:published_time", 0.95f},
    {"og:article:published_time", 0.95f},
    {"article:published", 0.9f},
    {"og:published_time", 0.9f},
    {"datepublished", 0.9f},
    {"article.published", 0.85f},
    {"published_time", 0.85f},
    {"publish-date", 0.8f},
    {"publish_date", 0.8f},
    {"publishdate", 0.8f},
    {"pubdate", 0.8f},
    {"parsely-pub-date", 0.8f},
    {"sailthru.date", 0.75f},
    {"citation_publication_date", 0.75f},
    {"citation_date", 0.7f},
    {"dc.date.issued", 0.75f},
    {"dcterms.issued", 0.75f},
    {"dcterms.created", 0.7f},
    {"dc.date", 0.7f},
    {"dcterms.date", 0.7f},
    {"date", 0.7f},
    {"originalpublicationdate", 0.7f},
    {"cxenseparse:recs:publishtime", 0.7f},
    {"prism.publicationdate", 0.7f},
    {"displaydate", 0.6f},
    {"datecreated", 0.6f},
};

void AddDate(std::vector<DatedValue>* dates, std::string_view value, std::string source,
             float confidence) {
  std::string v(Trim(value));
  if (v.empty() || v.size() > 100) return;
  for (const DatedValue& d : *dates) {
    if (d.value == v && d.source == source) return;
  }
  DatedValue d;
  d.value = std::move(v);
  d.source = std::move(source);
  d.confidence = confidence;
  dates->push_back(std::move(d));
}

bool TypeMatches(const nlohmann::json& obj, bool* is_article) {
  auto it = obj.find("@type");
  if (it == obj.end()) return false;
  auto check = [&](const nlohmann::json& t) {
    if (!t.is_string()) return;
    const std::string& s = t.get_ref<const std::string&>();
    if (s.find("Article") != std::string::npos || s == "BlogPosting" ||
        s == "Report" || s == "LiveBlogPosting" || s == "Posting") {
      *is_article = true;
    }
  };
  if (it->is_array()) {
    for (const auto& t : *it) check(t);
  } else {
    check(*it);
  }
  return true;
}

std::string JsonName(const nlohmann::json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_object()) {
    auto it = v.find("name");
    if (it != v.end() && it->is_string()) return it->get<std::string>();
  }
  if (v.is_array()) {
    std::string out;
    for (const auto& e : v) {
      std::string name = JsonName(e);
      if (name.empty()) continue;
      if (!out.empty()) out += ", ";
      out += name;
      if (out.size() > 200) break;
    }
    return out;
  }
  return "";
}

struct JsonLdInfo {
  std::string headline, author, publisher, date_published, date_created, url;
  bool from_article = false;
};

void VisitJsonLd(const nlohmann::json& v, int depth, JsonLdInfo* info) {
  if (depth > 8) return;
  if (v.is_array()) {
    for (const auto& e : v) VisitJsonLd(e, depth + 1, info);
    return;
  }
  if (!v.is_object()) return;
  auto graph = v.find("@graph");
  if (graph != v.end()) VisitJsonLd(*graph, depth + 1, info);
  bool is_article = false;
  if (!TypeMatches(v, &is_article)) return;
  // Article objects override what non-article objects (WebPage) gave.
  bool take = is_article || !info->from_article;
  if (!take) return;
  auto str = [&](const char* key) -> std::string {
    auto it = v.find(key);
    return it != v.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  auto set = [&](std::string* field, std::string value) {
    if (!value.empty() && (field->empty() || (is_article && !info->from_article))) {
      *field = std::move(value);
    }
  };
  set(&info->headline, str("headline"));
  set(&info->date_published, str("datePublished"));
  set(&info->date_created, str("dateCreated"));
  auto author = v.find("author");
  if (author != v.end()) set(&info->author, JsonName(*author));
  auto publisher = v.find("publisher");
  if (publisher != v.end()) set(&info->publisher, JsonName(*publisher));
  if (is_article) info->from_article = true;
}

void ParseJsonLd(std::string_view text, JsonLdInfo* info) {
  try {
    nlohmann::json j = nlohmann::json::parse(text.begin(), text.end(), nullptr,
                                             /*allow_exceptions=*/false);
    if (j.is_discarded()) return;
    VisitJsonLd(j, 0, info);
  } catch (...) {
    // Malformed JSON-LD is common; it simply gives no metadata.
  }
}

// Removes a " | Site" / " - Site" suffix (or "Site | " prefix) from a title.
std::string StripSiteFromTitle(std::string title, std::string_view site_name) {
  static constexpr std::string_view kSeparators[] = {" | ", " - ", " – ", " — ", " :: ",
                                                     " · ", " • ", " // "};
  auto words = [](std::string_view s) {
    size_t w = 0;
    bool in = false;
    for (char c : s) {
      bool sp = c == ' ';
      if (!sp && !in) ++w;
      in = !sp;
    }
    return w;
  };
  for (std::string_view sep : kSeparators) {
    size_t pos = title.rfind(sep);
    if (pos == std::string::npos || pos == 0) continue;
    std::string_view head = std::string_view(title).substr(0, pos);
    std::string_view tail = std::string_view(title).substr(pos + sep.size());
    bool tail_is_site = !site_name.empty() && EqualsIgnoreCase(tail, AsciiLower(site_name));
    if (tail_is_site || (words(tail) <= 4 && words(head) >= 3 && tail.size() * 2 < head.size())) {
      return std::string(Trim(head));
    }
    size_t first = title.find(sep);
    if (first != std::string::npos && first > 0 && !site_name.empty()) {
      std::string_view lead = std::string_view(title).substr(0, first);
      if (EqualsIgnoreCase(lead, AsciiLower(site_name))) {
        return std::string(Trim(std::string_view(title).substr(first + sep.size())));
      }
    }
  }
  return title;
}

// Collapsed text of the subtree [root, end) (pre-order index range).
std::string TextOf(const Document& doc, uint32_t root, uint32_t end, size_t limit) {
  std::string out;
  bool pending = false;
  for (uint32_t i = root; i < end && out.size() < limit; ++i) {
    if (doc.node(i).type == NodeType::kText) AppendCollapsed(doc.Str(i), &out, &pending);
  }
  return out;
}

void Extractor::ReadMetadata(ExtractedPage* page, uint32_t container) {
  const uint32_t n = static_cast<uint32_t>(doc_.size());
  std::string og_title, twitter_title, h1, title_tag, og_site, app_name, og_url,
      meta_author, content_language;
  std::vector<DatedValue> time_dates;
  JsonLdInfo ld;
  std::string key;
  for (uint32_t i = 1; i < n; ++i) {
    const Node& node = doc_.node(i);
    if (node.type != NodeType::kElement) continue;
    switch (node.tag) {
      case Tag::kHtml:
        if (page->language.empty()) page->language = std::string(Trim(doc_.Attr(i, "lang")));
        if (page->language.empty()) {
          page->language = std::string(Trim(doc_.Attr(i, "xml:lang")));
        }
        break;
      case Tag::kTitle:
        if (title_tag.empty()) title_tag = TextOf(doc_, i, end_[i], 1000);
        break;
      case Tag::kH1:
        if (h1.empty() && !removed_[i]) h1 = TextOf(doc_, i, end_[i], 1000);
        break;
      case Tag::kLink: {
        std::string rel = AsciiLower(doc_.Attr(i, "rel"));
        if (rel == "canonical" && page->canonical_url.empty()) {
          page->canonical_url = std::string(Trim(doc_.Attr(i, "href")));
        }
        break;
      }
      case Tag::kScript: {
        if (node.first_child != kNoNode &&
            doc_.node(node.first_child).type == NodeType::kText) {
          ParseJsonLd(doc_.Str(node.first_child), &ld);
        }
        break;
      }
      case Tag::kMeta: {
        std::string_view charset = doc_.Attr(i, "charset");
        if (!charset.empty() && page->charset.empty()) {
          page->charset = AsciiLower(Trim(charset));
        }
        std::string_view content = doc_.Attr(i, "content");
        std::string_view http_equiv = doc_.Attr(i, "http-equiv");
        if (!http_equiv.empty()) {
          std::string he = AsciiLower(http_equiv);
          if (he == "content-type" && page->charset.empty()) {
            std::string c = AsciiLower(content);
            size_t p = c.find("charset=");
            if (p != std::string::npos) {
              std::string_view cs = std::string_view(c).substr(p + 8);
              size_t e = cs.find_first_of("; \"'");
              page->charset = std::string(Trim(cs.substr(0, e)));
            }
          } else if (he == "content-language" && content_language.empty()) {
            content_language = std::string(Trim(content));
          }
          break;
        }
        std::string_view name = doc_.Attr(i, "property");
        if (name.empty()) name = doc_.Attr(i, "name");
        if (name.empty()) name = doc_.Attr(i, "itemprop");
        if (name.empty() || content.empty()) break;
        key = AsciiLower(Trim(name));
        std::string value = Collapse(content);
        if (key == "og:title") {
          if (og_title.empty()) og_title = value;
        } else if (key == "twitter:title") {
          if (twitter_title.empty()) twitter_title = value;
        } else if (key == "og:site_name") {
          if (og_site.empty()) og_site = value;
        } else if (key == "application-name") {
          if (app_name.empty()) app_name = value;
        } else if (key == "og:url") {
          if (og_url.empty()) og_url = value;
        } else if (key == "author" || key == "article:author" || key == "sailthru.author" ||
                   key == "parsely-author" || key == "dc.creator") {
          if (meta_author.empty() && value.find("://") == std::string::npos) {
            meta_author = value;
          }
        } else {
          for (const MetaDateKey& k : kMetaDateKeys) {
            if (key == k.key) {
              AddDate(&page->dates, value, "html:meta:" + key, k.confidence);
              break;
            }
          }
        }
        break;
      }
      case Tag::kTime: {
        std::string_view dt = doc_.Attr(i, "datetime");
        std::string value = dt.empty() ? TextOf(doc_, i, end_[i], 100) : std::string(dt);
        float conf = container != 0 && InSubtree(i, container) ? 0.55f : 0.5f;
        std::string_view itemprop = doc_.Attr(i, "itemprop");
        if (itemprop == "datePublished") {
          AddDate(&page->dates, value, "html:itemprop:datePublished", 0.85f);
        } else if (time_dates.size() < 4 && itemprop != "dateModified") {
          AddDate(&time_dates, value, "html:time", conf);
        }
        break;
      }
      default: {
        if (node.attr_count == 0) break;
        std::string_view itemprop = doc_.Attr(i, "itemprop");
        if (itemprop == "datePublished") {
          std::string_view v = doc_.Attr(i, "content");
          if (v.empty()) v = doc_.Attr(i, "datetime");
          std::string value = v.empty() ? TextOf(doc_, i, end_[i], 100) : std::string(v);
          AddDate(&page->dates, value, "html:itemprop:datePublished", 0.85f);
        }
        break;
      }
    }
  }
  if (!ld.date_published.empty()) {
    AddDate(&page->dates, ld.date_published, "html:json-ld:datePublished", 0.9f);
  }
  if (!ld.date_created.empty()) {
    AddDate(&page->dates, ld.date_created, "html:json-ld:dateCreated", 0.6f);
  }
  // <time> elements inside the article first.
  std::stable_sort(time_dates.begin(), time_dates.end(),
                   [](const DatedValue& a, const DatedValue& b) {
                     return a.confidence > b.confidence;
                   });
  for (DatedValue& d : time_dates) {
    if (page->dates.size() >= 12) break;
    AddDate(&page->dates, d.value, d.source, d.confidence);
  }
  std::stable_sort(page->dates.begin(), page->dates.end(),
                   [](const DatedValue& a, const DatedValue& b) {
                     return a.confidence > b.confidence;
                   });

  page->site_name = !og_site.empty() ? og_site : !ld.publisher.empty() ? Collapse(ld.publisher)
                                                                       : app_name;
  if (page->language.empty()) page->language = content_language;
  if (page->canonical_url.empty()) page->canonical_url = og_url;
  page->author = !ld.author.empty() ? Collapse(ld.author) : meta_author;

  std::string title;
  if (!og_title.empty()) {
    title = og_title;
  } else if (!twitter_title.empty()) {
    title = twitter_title;
  } else if (!ld.headline.empty()) {
    title = Collapse(ld.headline);
  } else if (!h1.empty()) {
    title = h1;
  } else {
    title = title_tag;
  }
  page->title = StripSiteFromTitle(std::string(Trim(title)), page->site_name);
}

void Extractor::Run(ExtractedPage* page) {
  MarkRemoved();
  CollectBlocks();
  uint32_t container = ChooseContainer();

  // The container's blocks, without link lists, page furniture and
  // fragments that are neither sentences nor paragraph-like elements.
  for (const Block& b : blocks_) {
    if (container != 0 && !InSubtree(b.owner, container)) continue;
    double link_density = b.chars == 0 ? 0 : static_cast<double>(b.link_chars) / b.chars;
    if (link_density > 0.6) continue;
    bool sentence_like = b.punct > 0 && b.chars >= 25;
    bool paragraph_tag = b.owner_tag == Tag::kP || b.owner_tag == Tag::kBlockquote ||
                         b.owner_tag == Tag::kPre || b.in_list || b.in_heading ||
                         b.owner_tag == Tag::kTr || b.owner_tag == Tag::kDd;
    if (!sentence_like && !paragraph_tag && b.chars < 25) continue;
    if (b.in_heading && b.owner_tag == Tag::kH1) continue;  // the headline
    if (b.chars < options_.min_paragraph_chars) continue;
    std::string_view text(text_.data() + b.text_begin, b.text_len);
    text = Trim(text);
    if (text.empty() || LooksLikeMarkup(text) || IsFurnitureLine(text)) continue;
    page->paragraphs.emplace_back(text);
  }
  ReadMetadata(page, container);
}

}  // namespace

Result<ExtractedPage> ExtractHtml(std::string_view html, const HtmlExtractOptions& options) {
  if (html.size() > (size_t{1} << 31)) {
    return InvalidArgumentError("HTML page larger than 2 GiB");
  }
  // The tree's buffers are reused across pages on a thread; an outsized
  // page gets its own, so that its memory is returned afterwards.
  constexpr size_t kReuseLimit = size_t{16} << 20;
  thread_local Document reused;
  Document local;
  Document& doc = html.size() <= kReuseLimit ? reused : local;
  if (options.parser == HtmlParser::kGumbo) {
    STORYLINE_RETURN_IF_ERROR(ParseHtmlGumbo(html, &doc));
  } else {
    ParseHtmlFast(html, &doc);
  }
  ExtractedPage page;
  Extractor extractor(doc, options);
  extractor.Run(&page);
  return page;
}

std::string SniffHtmlCharset(std::string_view raw_bytes) {
  std::string_view head = raw_bytes.substr(0, 8192);
  // <?xml ... encoding="..."?>
  if (head.substr(0, 5) == "<?xml") {
    size_t end = head.find("?>");
    std::string_view decl = head.substr(0, end);
    size_t p = decl.find("encoding=");
    if (p != std::string_view::npos && p + 10 < decl.size()) {
      char q = decl[p + 9];
      size_t e = decl.find(q, p + 10);
      if ((q == '"' || q == '\'') && e != std::string_view::npos) {
        return AsciiLower(decl.substr(p + 10, e - p - 10));
      }
    }
  }
  Tokenizer tok(head);
  Token t;
  while (tok.Next(&t)) {
    if (t.type == TokenType::kStartTag && t.tag == Tag::kBody) break;
    if (t.type != TokenType::kStartTag || t.tag != Tag::kMeta) continue;
    std::string_view charset, http_equiv, content;
    for (const RawAttribute& a : t.attributes) {
      if (EqualsIgnoreCase(a.name, "charset")) charset = a.value;
      if (EqualsIgnoreCase(a.name, "http-equiv")) http_equiv = a.value;
      if (EqualsIgnoreCase(a.name, "content")) content = a.value;
    }
    if (!charset.empty()) return AsciiLower(Trim(charset));
    if (EqualsIgnoreCase(Trim(http_equiv), "content-type")) {
      std::string c = AsciiLower(content);
      size_t p = c.find("charset=");
      if (p == std::string::npos) continue;
      std::string_view cs = std::string_view(c).substr(p + 8);
      while (!cs.empty() && (cs.front() == '"' || cs.front() == '\'')) cs.remove_prefix(1);
      size_t e = cs.find_first_of("; \"'");
      return std::string(Trim(cs.substr(0, e)));
    }
  }
  return "";
}

}  // namespace storyline::html
