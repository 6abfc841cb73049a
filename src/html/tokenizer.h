// A streaming tag-soup HTML tokenizer and the character-reference decoder.
//
// The tokenizer splits UTF-8 (or any ASCII-compatible) bytes into start tags,
// end tags, text, comments and doctypes. It never fails: every byte sequence
// yields some token stream, and malformed markup degrades to text. Raw-text
// elements (script, style, xmp, iframe, noembed, noframes, noscript) and
// RCDATA elements (title, textarea) are recognised by the tokenizer itself:
// after their start tag, everything up to the matching end tag is one text
// token.
//
// Tokens hold views into the input (undecoded); use DecodeCharRefs to decode
// text and attribute values. The input must outlive the tokens.
//
// Thread-safety: a Tokenizer is not shared between threads; the free
// functions are thread-safe.
#ifndef STORYLINE_HTML_TOKENIZER_H_
#define STORYLINE_HTML_TOKENIZER_H_

#include <cstdint>
#include <string>

#include "common/utf8.h"
#include <string_view>
#include <vector>

namespace storyline::html {

// Known element names. kUnknown covers every other (custom) element.
enum class Tag : uint8_t {
  kUnknown = 0,
  kA, kAbbr, kAddress, kArea, kArticle, kAside, kAudio, kB, kBase, kBig,
  kBlockquote, kBody, kBr, kButton, kCanvas, kCaption, kCenter, kCite, kCode,
  kCol, kColgroup, kDd, kDel, kDetails, kDialog, kDiv, kDl, kDt, kEm, kEmbed,
  kFieldset, kFigcaption, kFigure, kFont, kFooter, kForm, kFrame, kFrameset,
  kH1, kH2, kH3, kH4, kH5, kH6, kHead, kHeader, kHgroup, kHr, kHtml, kI,
  kIframe, kImg, kInput, kIns, kKbd, kLabel, kLegend, kLi, kLink, kMain, kMap,
  kMark, kMath, kMenu, kMeta, kNav, kNoembed, kNoframes, kNoscript, kObject,
  kOl, kOptgroup, kOption, kP, kParam, kPicture, kPlaintext, kPre, kQ, kS,
  kSamp, kScript, kSection, kSelect, kSmall, kSource, kSpan, kStrong, kStyle,
  kSub, kSummary, kSup, kSvg, kTable, kTbody, kTd, kTemplate, kTextarea,
  kTfoot, kTh, kThead, kTime, kTitle, kTr, kTrack, kTt, kU, kUl, kVar, kVideo,
  kWbr, kXmp,
  kCount
};

// The tag for a lower- or mixed-case element name ("DIV" -> kDiv).
Tag LookupTag(std::string_view name);
// The canonical lower-case name of a known tag ("" for kUnknown).
std::string_view TagName(Tag tag);
// Elements that never have content (br, img, meta, ...).
bool IsVoidTag(Tag tag);

enum class TokenType : uint8_t {
  kStartTag, kEndTag, kText, kComment, kDoctype, kEnd
};

// One attribute as written: name not lower-cased, value not decoded.
struct RawAttribute {
  std::string_view name;
  std::string_view value;
};

struct Token {
  TokenType type = TokenType::kEnd;
  Tag tag = Tag::kUnknown;             // start/end tags
  std::string_view name;               // tag name as written
  std::string_view text;               // text / comment / doctype content
  bool self_closing = false;           // "<br/>"
  bool raw_text = false;               // text of script/style/...: no char refs
  std::vector<RawAttribute> attributes;  // start tags; reused between tokens
};

class Tokenizer {
 public:
  explicit Tokenizer(std::string_view input) : in_(input) {}

  // Fills `token` with the next token; returns false (and kEnd) at the end.
  // Adjacent text is returned in one or more pieces.
  bool Next(Token* token);

  size_t position() const { return pos_; }

 private:
  bool ReadTag(size_t lt, Token* token);
  void ReadRawText(Token* token);

  std::string_view in_;
  size_t pos_ = 0;
  Tag raw_tag_ = Tag::kUnknown;  // inside a raw-text element when != kUnknown
};

// Appends `raw` to `out` with character references decoded (named ones from
// a compact table of common references, decimal and hex ones). In attribute
// values (`in_attribute`) references without ';' are left alone.
void DecodeCharRefs(std::string_view raw, bool in_attribute, std::string* out);


// ASCII lower-case copy.
std::string AsciiLower(std::string_view s);
bool EqualsIgnoreCase(std::string_view a, std::string_view lower_b);

}  // namespace storyline::html

#endif  // STORYLINE_HTML_TOKENIZER_H_
