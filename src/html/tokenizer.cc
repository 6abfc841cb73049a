// Tag-soup tokenizer: a simplified form of the WHATWG tokenizer states
// (data, tag open, attributes, comment, raw text) driven by memchr over the
// bytes that matter ('<' in data, '&' in text, '>' and quotes in tags), so
// that plain text runs are skipped at memory speed. Only the parts of the
// standard that change what text a reader sees are kept: raw-text elements,
// comments (including unterminated ones), bogus comments ("<!", "<?", "</1"),
// quoted and unquoted attribute values, and character references. Anything
// that is not a tag start ("a < b", "<3") stays text.
#include "html/tokenizer.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <unordered_map>

namespace storyline::html {
namespace {

constexpr std::string_view kTagNames[] = {
    "", "a", "abbr", "address", "area", "article", "aside", "audio", "b",
    "base", "big", "blockquote", "body", "br", "button", "canvas", "caption",
    "center", "cite", "code", "col", "colgroup", "dd", "del", "details",
    "dialog", "div", "dl", "dt", "em", "embed", "fieldset", "figcaption",
    "figure", "font", "footer", "form", "frame", "frameset", "h1", "h2", "h3",
    "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "i", "iframe",
    "img", "input", "ins", "kbd", "label", "legend", "li", "link", "main",
    "map", "mark", "math", "menu", "meta", "nav", "noembed", "noframes",
    "noscript", "object", "ol", "optgroup", "option", "p", "param", "picture",
    "plaintext", "pre", "q", "s", "samp", "script", "section", "select",
    "small", "source", "span", "strong", "style", "sub", "summary", "sup",
    "svg", "table", "tbody", "td", "template", "textarea", "tfoot", "th",
    "thead", "time", "title", "tr", "track", "tt", "u", "ul", "var", "video",
    "wbr", "xmp"};
static_assert(std::size(kTagNames) == static_cast<size_t>(Tag::kCount));

const std::unordered_map<std::string_view, Tag>& TagMap() {
  static const auto* map = [] {
    auto* m = new std::unordered_map<std::string_view, Tag>();
    for (size_t i = 1; i < std::size(kTagNames); ++i) {
      (*m)[kTagNames[i]] = static_cast<Tag>(i);
    }
    return m;
  }();
  return *map;
}

inline bool IsAsciiAlpha(unsigned char c) { return static_cast<unsigned>((c | 0x20) - 'a') < 26u; }
inline bool IsAsciiAlnum(unsigned char c) {
  return IsAsciiAlpha(c) || static_cast<unsigned>(c - '0') < 10u;
}
inline bool IsSpace(unsigned char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
}
inline char ToLower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}

// Named character references: the common ones in news pages. Sorted by name
// for binary search; `legacy` ones are also recognised without ';'.
struct NamedRef {
  std::string_view name;
  uint32_t cp;
  bool legacy;
};
constexpr NamedRef kNamedRefs[] = {
    {"AElig", 0xC6, true},    {"Aacute", 0xC1, true},  {"Acirc", 0xC2, true},
    {"Agrave", 0xC0, true},   {"Aring", 0xC5, true},   {"Atilde", 0xC3, true},
    {"Auml", 0xC4, true},     {"Ccedil", 0xC7, true},  {"Dagger", 0x2021, false},
    {"ETH", 0xD0, true},      {"Eacute", 0xC9, true},  {"Ecirc", 0xCA, true},
    {"Egrave", 0xC8, true},   {"Euml", 0xCB, true},    {"Iacute", 0xCD, true},
    {"Icirc", 0xCE, true},    {"Igrave", 0xCC, true},  {"Iuml", 0xCF, true},
    {"Ntilde", 0xD1, true},   {"OElig", 0x152, false}, {"Oacute", 0xD3, true},
    {"Ocirc", 0xD4, true},    {"Ograve", 0xD2, true},  {"Oslash", 0xD8, true},
    {"Otilde", 0xD5, true},   {"Ouml", 0xD6, true},    {"Prime", 0x2033, false},
    {"Scaron", 0x160, false}, {"THORN", 0xDE, true},   {"Uacute", 0xDA, true},
    {"Ucirc", 0xDB, true},    {"Ugrave", 0xD9, true},  {"Uuml", 0xDC, true},
    {"Yacute", 0xDD, true},   {"Yuml", 0x178, false},  {"aacute", 0xE1, true},
    {"acirc", 0xE2, true},    {"acute", 0xB4, true},   {"aelig", 0xE6, true},
    {"agrave", 0xE0, true},   {"alpha", 0x3B1, false}, {"amp", 0x26, true},
    {"apos", 0x27, false},    {"aring", 0xE5, true},   {"asymp", 0x2248, false},
    {"atilde", 0xE3, true},   {"auml", 0xE4, true},    {"bdquo", 0x201E, false},
    {"beta", 0x3B2, false},   {"brvbar", 0xA6, true},  {"bull", 0x2022, false},
    {"ccedil", 0xE7, true},   {"cedil", 0xB8, true},   {"cent", 0xA2, true},
    {"copy", 0xA9, true},     {"curren", 0xA4, true},  {"dagger", 0x2020, false},
    {"darr", 0x2193, false},  {"deg", 0xB0, true},     {"delta", 0x3B4, false},
    {"divide", 0xF7, true},   {"eacute", 0xE9, true},  {"ecirc", 0xEA, true},
    {"egrave", 0xE8, true},   {"emsp", 0x2003, false}, {"ensp", 0x2002, false},
    {"eth", 0xF0, true},      {"euml", 0xEB, true},    {"euro", 0x20AC, false},
    {"frac12", 0xBD, true},   {"frac14", 0xBC, true},  {"frac34", 0xBE, true},
    {"ge", 0x2265, false},    {"gt", 0x3E, true},      {"hellip", 0x2026, false},
    {"iacute", 0xED, true},   {"icirc", 0xEE, true},   {"iexcl", 0xA1, true},
    {"igrave", 0xEC, true},   {"infin", 0x221E, false}, {"iquest", 0xBF, true},
    {"iuml", 0xEF, true},     {"laquo", 0xAB, true},   {"larr", 0x2190, false},
    {"ldquo", 0x201C, false}, {"le", 0x2264, false},   {"lrm", 0x200E, false},
    {"lsaquo", 0x2039, false}, {"lsquo", 0x2018, false}, {"lt", 0x3C, true},
    {"macr", 0xAF, true},     {"mdash", 0x2014, false}, {"micro", 0xB5, true},
    {"middot", 0xB7, true},   {"minus", 0x2212, false}, {"mu", 0x3BC, false},
    {"nbsp", 0xA0, true},     {"ndash", 0x2013, false}, {"ne", 0x2260, false},
    {"not", 0xAC, true},      {"ntilde", 0xF1, true},  {"oacute", 0xF3, true},
    {"ocirc", 0xF4, true},    {"oelig", 0x153, false}, {"ograve", 0xF2, true},
    {"ordf", 0xAA, true},     {"ordm", 0xBA, true},    {"oslash", 0xF8, true},
    {"otilde", 0xF5, true},   {"ouml", 0xF6, true},    {"para", 0xB6, true},
    {"permil", 0x2030, false}, {"pi", 0x3C0, false},   {"plusmn", 0xB1, true},
    {"pound", 0xA3, true},    {"prime", 0x2032, false}, {"quot", 0x22, true},
    {"raquo", 0xBB, true},    {"rarr", 0x2192, false}, {"rdquo", 0x201D, false},
    {"reg", 0xAE, true},      {"rlm", 0x200F, false},  {"rsaquo", 0x203A, false},
    {"rsquo", 0x2019, false}, {"sbquo", 0x201A, false}, {"scaron", 0x161, false},
    {"sect", 0xA7, true},     {"shy", 0xAD, true},     {"sup1", 0xB9, true},
    {"sup2", 0xB2, true},     {"sup3", 0xB3, true},    {"szlig", 0xDF, true},
    {"thinsp", 0x2009, false}, {"thorn", 0xFE, true},  {"tilde", 0x2DC, false},
    {"times", 0xD7, true},    {"trade", 0x2122, false}, {"uacute", 0xFA, true},
    {"uarr", 0x2191, false},  {"ucirc", 0xFB, true},   {"ugrave", 0xF9, true},
    {"uml", 0xA8, true},      {"uuml", 0xFC, true},    {"yacute", 0xFD, true},
    {"yen", 0xA5, true},      {"yuml", 0xFF, true},    {"zwj", 0x200D, false},
    {"zwnj", 0x200C, false},
};

const NamedRef* FindNamedRef(std::string_view name) {
  auto it = std::lower_bound(
      std::begin(kNamedRefs), std::end(kNamedRefs), name,
      [](const NamedRef& r, std::string_view n) { return r.name < n; });
  if (it == std::end(kNamedRefs) || it->name != name) return nullptr;
  return it;
}

// Windows-1252 meanings of numeric references 0x80..0x9F (as browsers do).
constexpr uint16_t kC1Remap[32] = {
    0x20AC, 0x81,   0x201A, 0x192,  0x201E, 0x2026, 0x2020, 0x2021,
    0x2C6,  0x2030, 0x160,  0x2039, 0x152,  0x8D,   0x17D,  0x8F,
    0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x2DC,  0x2122, 0x161,  0x203A, 0x153,  0x9D,   0x17E,  0x178};

// Does `in` at `pos` start with "</name" followed by a tag-ending byte?
bool IsEndTagOf(std::string_view in, size_t pos, std::string_view name) {
  if (pos + 2 + name.size() > in.size()) return false;
  if (in[pos + 1] != '/') return false;
  for (size_t i = 0; i < name.size(); ++i) {
    if (ToLower(in[pos + 2 + i]) != name[i]) return false;
  }
  size_t after = pos + 2 + name.size();
  if (after == in.size()) return true;
  unsigned char c = in[after];
  return IsSpace(c) || c == '>' || c == '/';
}

bool IsRawTextTag(Tag t) {
  switch (t) {
    case Tag::kScript: case Tag::kStyle: case Tag::kXmp: case Tag::kIframe:
    case Tag::kNoembed: case Tag::kNoframes: case Tag::kNoscript:
    case Tag::kTitle: case Tag::kTextarea: case Tag::kPlaintext:
      return true;
    default:
      return false;
  }
}

}  // namespace

Tag LookupTag(std::string_view name) {
  char buf[16];
  if (name.empty() || name.size() > sizeof(buf)) return Tag::kUnknown;
  for (size_t i = 0; i < name.size(); ++i) buf[i] = ToLower(name[i]);
  const auto& map = TagMap();
  auto it = map.find(std::string_view(buf, name.size()));
  return it == map.end() ? Tag::kUnknown : it->second;
}

std::string_view TagName(Tag tag) {
  size_t i = static_cast<size_t>(tag);
  return i < std::size(kTagNames) ? kTagNames[i] : std::string_view();
}

bool IsVoidTag(Tag tag) {
  switch (tag) {
    case Tag::kArea: case Tag::kBase: case Tag::kBr: case Tag::kCol:
    case Tag::kEmbed: case Tag::kHr: case Tag::kImg: case Tag::kInput:
    case Tag::kLink: case Tag::kMeta: case Tag::kParam: case Tag::kSource:
    case Tag::kTrack: case Tag::kWbr:
      return true;
    default:
      return false;
  }
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ToLower(c);
  return out;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view lower_b) {
  if (a.size() != lower_b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (ToLower(a[i]) != lower_b[i]) return false;
  }
  return true;
}


void DecodeCharRefs(std::string_view raw, bool in_attribute, std::string* out) {
  size_t pos = 0;
  while (pos < raw.size()) {
    const void* amp = std::memchr(raw.data() + pos, '&', raw.size() - pos);
    if (amp == nullptr) {
      out->append(raw.data() + pos, raw.size() - pos);
      return;
    }
    size_t a = static_cast<const char*>(amp) - raw.data();
    out->append(raw.data() + pos, a - pos);
    pos = a + 1;
    if (pos >= raw.size()) {
      out->push_back('&');
      return;
    }
    if (raw[pos] == '#') {
      size_t p = pos + 1;
      bool hex = p < raw.size() && (raw[p] == 'x' || raw[p] == 'X');
      if (hex) ++p;
      size_t digits_begin = p;
      uint32_t cp = 0;
      bool overflow = false;
      while (p < raw.size()) {
        unsigned char c = raw[p];
        uint32_t d;
        if (c >= '0' && c <= '9') {
          d = c - '0';
        } else if (hex && ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')) {
          d = (c | 0x20) - 'a' + 10;
        } else {
          break;
        }
        cp = cp * (hex ? 16 : 10) + d;
        if (cp > 0x10FFFF) overflow = true, cp = 0x110000;
        ++p;
      }
      if (p == digits_begin) {  // "&#" not followed by digits: literal
        out->push_back('&');
        continue;
      }
      if (overflow) cp = 0xFFFD;
      if (cp >= 0x80 && cp <= 0x9F) cp = kC1Remap[cp - 0x80];
      AppendUtf8(cp, out);
      if (p < raw.size() && raw[p] == ';') ++p;
      pos = p;
      continue;
    }
    size_t p = pos;
    while (p < raw.size() && p - pos < 32 && IsAsciiAlnum(raw[p])) ++p;
    std::string_view name = raw.substr(pos, p - pos);
    bool semicolon = p < raw.size() && raw[p] == ';';
    const NamedRef* ref = name.empty() ? nullptr : FindNamedRef(name);
    if (ref != nullptr && (semicolon || (ref->legacy && !in_attribute))) {
      AppendUtf8(ref->cp, out);
      pos = semicolon ? p + 1 : p;
    } else {
      out->push_back('&');
    }
  }
}

bool Tokenizer::Next(Token* token) {
  token->self_closing = false;
  token->raw_text = false;
  token->tag = Tag::kUnknown;
  token->name = {};
  if (raw_tag_ != Tag::kUnknown) {
    ReadRawText(token);
    return true;
  }
  while (pos_ < in_.size()) {
    const void* lt = std::memchr(in_.data() + pos_, '<', in_.size() - pos_);
    size_t lt_pos = lt == nullptr ? in_.size()
                                  : static_cast<const char*>(lt) - in_.data();
    if (lt_pos > pos_) {  // text before the '<'
      token->type = TokenType::kText;
      token->text = in_.substr(pos_, lt_pos - pos_);
      pos_ = lt_pos;
      return true;
    }
    if (ReadTag(lt_pos, token)) return true;
    // Not markup: the '<' is text. Emit it together with what follows up to
    // the next '<'.
    const void* next = std::memchr(in_.data() + lt_pos + 1, '<',
                                   in_.size() - lt_pos - 1);
    size_t end = next == nullptr ? in_.size()
                                 : static_cast<const char*>(next) - in_.data();
    token->type = TokenType::kText;
    token->text = in_.substr(lt_pos, end - lt_pos);
    pos_ = end;
    return true;
  }
  token->type = TokenType::kEnd;
  token->text = {};
  return false;
}

void Tokenizer::ReadRawText(Token* token) {
  std::string_view name = TagName(raw_tag_);
  size_t p = pos_;
  size_t end = in_.size();
  if (raw_tag_ != Tag::kPlaintext) {
    while (p < in_.size()) {
      const void* lt = std::memchr(in_.data() + p, '<', in_.size() - p);
      if (lt == nullptr) break;
      size_t l = static_cast<const char*>(lt) - in_.data();
      if (IsEndTagOf(in_, l, name)) {
        end = l;
        break;
      }
      p = l + 1;
    }
  }
  token->type = TokenType::kText;
  token->raw_text = raw_tag_ != Tag::kTitle && raw_tag_ != Tag::kTextarea;
  token->text = in_.substr(pos_, end - pos_);
  pos_ = end;
  raw_tag_ = Tag::kUnknown;
  if (token->text.empty()) {  // nothing inside: go straight to the end tag
    Next(token);
  }
}

bool Tokenizer::ReadTag(size_t lt, Token* token) {
  const size_t n = in_.size();
  size_t p = lt + 1;
  if (p >= n) return false;
  unsigned char c = in_[p];
  if (c == '!') {
    if (in_.compare(p + 1, 2, "--") == 0) {  // comment
      size_t body = p + 3;
      size_t close = in_.find("-->", body);
      // "<!-->" and "<!--->" are empty comments.
      if (in_.compare(body, 1, ">") == 0) close = body - 2;
      else if (in_.compare(body, 2, "->") == 0) close = body - 1;
      token->type = TokenType::kComment;
      if (close == std::string_view::npos) {
        token->text = in_.substr(body);
        pos_ = n;
      } else {
        token->text = in_.substr(body, close >= body ? close - body : 0);
        pos_ = close + 3;
      }
      return true;
    }
    if (in_.compare(p + 1, 7, "[CDATA[") == 0) {  // CDATA: its text
      size_t body = p + 8;
      size_t close = in_.find("]]>", body);
      token->type = TokenType::kText;
      token->raw_text = true;
      token->text = in_.substr(body, close == std::string_view::npos
                                         ? std::string_view::npos
                                         : close - body);
      pos_ = close == std::string_view::npos ? n : close + 3;
      return true;
    }
    size_t gt = in_.find('>', p);
    size_t end = gt == std::string_view::npos ? n : gt;
    std::string_view content = in_.substr(p + 1, end - p - 1);
    token->type = content.size() >= 7 && EqualsIgnoreCase(content.substr(0, 7), "doctype")
                      ? TokenType::kDoctype
                      : TokenType::kComment;
    token->text = content;
    pos_ = gt == std::string_view::npos ? n : gt + 1;
    return true;
  }
  if (c == '?') {  // processing instruction: bogus comment
    size_t gt = in_.find('>', p);
    token->type = TokenType::kComment;
    token->text = in_.substr(p, (gt == std::string_view::npos ? n : gt) - p);
    pos_ = gt == std::string_view::npos ? n : gt + 1;
    return true;
  }
  bool end_tag = false;
  if (c == '/') {
    end_tag = true;
    ++p;
    if (p >= n) return false;
    c = in_[p];
    if (c == '>') {  // "</>": ignored
      token->type = TokenType::kComment;
      token->text = {};
      pos_ = p + 1;
      return true;
    }
    if (!IsAsciiAlpha(c)) {  // "</3 ...>": bogus comment
      size_t gt = in_.find('>', p);
      token->type = TokenType::kComment;
      token->text = in_.substr(p, (gt == std::string_view::npos ? n : gt) - p);
      pos_ = gt == std::string_view::npos ? n : gt + 1;
      return true;
    }
  } else if (!IsAsciiAlpha(c)) {
    return false;
  }
  // Tag name.
  size_t name_begin = p;
  while (p < n && !IsSpace(in_[p]) && in_[p] != '/' && in_[p] != '>') ++p;
  token->name = in_.substr(name_begin, p - name_begin);
  token->tag = LookupTag(token->name);
  token->type = end_tag ? TokenType::kEndTag : TokenType::kStartTag;
  token->attributes.clear();
  // Attributes.
  while (true) {
    while (p < n && (IsSpace(in_[p]) || in_[p] == '/')) {
      if (in_[p] == '/' && p + 1 < n && in_[p + 1] == '>') {
        token->self_closing = true;
      }
      ++p;
    }
    if (p >= n) {  // EOF inside a tag: the tag is dropped, as browsers do
      pos_ = n;
      token->type = TokenType::kComment;
      token->text = {};
      return true;
    }
    if (in_[p] == '>') {
      ++p;
      break;
    }
    size_t an = p;
    ++p;  // the first byte may be '=' (taken as part of the name)
    while (p < n && !IsSpace(in_[p]) && in_[p] != '/' && in_[p] != '>' &&
           in_[p] != '=') {
      ++p;
    }
    std::string_view aname = in_.substr(an, p - an);
    while (p < n && IsSpace(in_[p])) ++p;
    std::string_view avalue;
    if (p < n && in_[p] == '=') {
      ++p;
      while (p < n && IsSpace(in_[p])) ++p;
      if (p < n && (in_[p] == '"' || in_[p] == '\'')) {
        char q = in_[p];
        size_t vb = p + 1;
        const void* qe = std::memchr(in_.data() + vb, q, n - vb);
        size_t ve = qe == nullptr ? n : static_cast<const char*>(qe) - in_.data();
        avalue = in_.substr(vb, ve - vb);
        p = qe == nullptr ? n : ve + 1;
      } else {
        size_t vb = p;
        while (p < n && !IsSpace(in_[p]) && in_[p] != '>') ++p;
        avalue = in_.substr(vb, p - vb);
      }
    }
    if (!end_tag && token->attributes.size() < 256) {
      token->attributes.push_back({aname, avalue});
    }
  }
  pos_ = p;
  // As in browsers, "<script/>" still opens a raw-text element.
  if (!end_tag && IsRawTextTag(token->tag)) {
    raw_tag_ = token->tag;
  }
  return true;
}

}  // namespace storyline::html
