// Tree building. The fast builder keeps a stack of open elements and applies
// the subset of the WHATWG tree-construction rules that shapes text blocks:
// void elements, "close a p element" before blocks, implied ends of li,
// dt/dd, option, tr/td/th and table sections, no nested <a> or headings,
// end tags matched within scope (unmatched ones ignored), and an implicit end
// of <head> at the first body element. The adoption agency algorithm for
// misnested formatting elements is omitted: misnesting only moves inline
// boundaries, which extraction does not see.
//
// Bounded work: end-tag and scope searches look at most kSearchWindow
// elements down the stack, and per-tag counts of open elements skip searches
// that cannot match, so even adversarial input is parsed in linear time.
//
// The gumbo builder walks gumbo's tree and appends the same nodes.
#include "html/dom.h"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <utility>

namespace storyline::html {

void Document::Clear() {
  nodes_.clear();
  attrs_.clear();
  buf_.clear();
  Node root;
  root.type = NodeType::kDocument;
  nodes_.push_back(root);
}

std::string_view Document::Attr(uint32_t i, std::string_view lower_name,
                                bool* found) const {
  const Node& n = nodes_[i];
  for (uint32_t k = 0; k < n.attr_count; ++k) {
    const AttrRec& a = attrs_[n.attr_begin + k];
    if (std::string_view(buf_).substr(a.name_begin, a.name_len) == lower_name) {
      if (found != nullptr) *found = true;
      return std::string_view(buf_).substr(a.value_begin, a.value_len);
    }
  }
  if (found != nullptr) *found = false;
  return {};
}

std::string_view Document::AttrName(uint32_t i, size_t k) const {
  const AttrRec& a = attrs_[nodes_[i].attr_begin + k];
  return std::string_view(buf_).substr(a.name_begin, a.name_len);
}

std::string_view Document::AttrValue(uint32_t i, size_t k) const {
  const AttrRec& a = attrs_[nodes_[i].attr_begin + k];
  return std::string_view(buf_).substr(a.value_begin, a.value_len);
}

uint32_t Document::Link(uint32_t parent, Node n) {
  uint32_t id = static_cast<uint32_t>(nodes_.size());
  n.parent = parent;
  Node& p = nodes_[parent];
  if (p.last_child == kNoNode) {
    p.first_child = id;
  } else {
    nodes_[p.last_child].next_sibling = id;
  }
  p.last_child = id;
  nodes_.push_back(n);
  return id;
}

uint32_t Document::AppendElement(uint32_t parent, Tag tag, std::string_view name) {
  Node n;
  n.type = NodeType::kElement;
  n.tag = tag;
  n.attr_begin = static_cast<uint32_t>(attrs_.size());
  if (tag == Tag::kUnknown) {
    n.str_begin = static_cast<uint32_t>(buf_.size());
    n.str_len = static_cast<uint32_t>(name.size());
    for (char c : name) buf_.push_back((c >= 'A' && c <= 'Z') ? c + 32 : c);
  } else {
    std::string_view canonical = TagName(tag);
    n.str_begin = static_cast<uint32_t>(buf_.size());
    n.str_len = static_cast<uint32_t>(canonical.size());
    buf_.append(canonical);
  }
  return Link(parent, n);
}

void Document::AddAttribute(uint32_t element, std::string_view name,
                            std::string_view value) {
  Node& n = nodes_[element];
  if (n.attr_begin + n.attr_count != attrs_.size()) return;  // not the last one
  AttrRec a;
  a.name_begin = static_cast<uint32_t>(buf_.size());
  a.name_len = static_cast<uint32_t>(name.size());
  for (char c : name) buf_.push_back((c >= 'A' && c <= 'Z') ? c + 32 : c);
  std::string_view lower(buf_.data() + a.name_begin, a.name_len);
  for (uint32_t k = 0; k < n.attr_count; ++k) {
    const AttrRec& o = attrs_[n.attr_begin + k];
    if (std::string_view(buf_).substr(o.name_begin, o.name_len) == lower) {
      buf_.resize(a.name_begin);
      return;
    }
  }
  a.value_begin = static_cast<uint32_t>(buf_.size());
  buf_.append(value);
  a.value_len = static_cast<uint32_t>(buf_.size() - a.value_begin);
  attrs_.push_back(a);
  ++n.attr_count;
}

void Document::AppendText(uint32_t parent, std::string_view text, bool decode_refs) {
  if (text.empty()) return;
  uint32_t last = nodes_[parent].last_child;
  bool merge = last != kNoNode && nodes_[last].type == NodeType::kText &&
               nodes_[last].str_begin + nodes_[last].str_len == buf_.size();
  size_t begin = buf_.size();
  if (decode_refs) {
    DecodeCharRefs(text, /*in_attribute=*/false, &buf_);
  } else {
    buf_.append(text);
  }
  if (merge) {
    nodes_[last].str_len += static_cast<uint32_t>(buf_.size() - begin);
    return;
  }
  Node n;
  n.type = NodeType::kText;
  n.str_begin = static_cast<uint32_t>(begin);
  n.str_len = static_cast<uint32_t>(buf_.size() - begin);
  Link(parent, n);
}

namespace {

constexpr size_t kSearchWindow = 128;

// Elements that stop searches for formatting end tags ("special" category).
bool IsSpecial(Tag t) {
  switch (t) {
    case Tag::kAddress: case Tag::kArticle: case Tag::kAside:
    case Tag::kBlockquote: case Tag::kBody: case Tag::kButton:
    case Tag::kCaption: case Tag::kCenter: case Tag::kDd: case Tag::kDetails:
    case Tag::kDiv: case Tag::kDl: case Tag::kDt: case Tag::kFieldset:
    case Tag::kFigcaption: case Tag::kFigure: case Tag::kFooter:
    case Tag::kForm: case Tag::kH1: case Tag::kH2: case Tag::kH3:
    case Tag::kH4: case Tag::kH5: case Tag::kH6: case Tag::kHead:
    case Tag::kHeader: case Tag::kHgroup: case Tag::kHtml: case Tag::kIframe:
    case Tag::kLi: case Tag::kMain: case Tag::kMenu: case Tag::kNav:
    case Tag::kObject: case Tag::kOl: case Tag::kP: case Tag::kPre:
    case Tag::kSection: case Tag::kSelect: case Tag::kSummary:
    case Tag::kTable: case Tag::kTbody: case Tag::kTd: case Tag::kTemplate:
    case Tag::kTfoot: case Tag::kTh: case Tag::kThead: case Tag::kTr:
    case Tag::kUl:
      return true;
    default:
      return false;
  }
}

// Boundaries of the default scope (and button scope, with kButton).
bool IsScopeBoundary(Tag t) {
  switch (t) {
    case Tag::kHtml: case Tag::kTable: case Tag::kTd: case Tag::kTh:
    case Tag::kCaption: case Tag::kObject: case Tag::kTemplate:
    case Tag::kSvg: case Tag::kMath:
      return true;
    default:
      return false;
  }
}

// Start tags that close an open <p>.
bool ClosesP(Tag t) {
  switch (t) {
    case Tag::kAddress: case Tag::kArticle: case Tag::kAside:
    case Tag::kBlockquote: case Tag::kCenter: case Tag::kDetails:
    case Tag::kDialog: case Tag::kDiv: case Tag::kDl: case Tag::kDd:
    case Tag::kDt: case Tag::kFieldset: case Tag::kFigcaption:
    case Tag::kFigure: case Tag::kFooter: case Tag::kForm: case Tag::kH1:
    case Tag::kH2: case Tag::kH3: case Tag::kH4: case Tag::kH5: case Tag::kH6:
    case Tag::kHeader: case Tag::kHgroup: case Tag::kHr: case Tag::kLi:
    case Tag::kMain: case Tag::kMenu: case Tag::kNav: case Tag::kOl:
    case Tag::kP: case Tag::kPre: case Tag::kSection: case Tag::kSummary:
    case Tag::kTable: case Tag::kUl: case Tag::kXmp: case Tag::kPlaintext:
      return true;
    default:
      return false;
  }
}

bool IsHeading(Tag t) { return t >= Tag::kH1 && t <= Tag::kH6; }

bool IsHeadTag(Tag t) {
  switch (t) {
    case Tag::kMeta: case Tag::kLink: case Tag::kTitle: case Tag::kStyle:
    case Tag::kScript: case Tag::kBase: case Tag::kNoscript:
    case Tag::kTemplate: case Tag::kHead: case Tag::kHtml:
      return true;
    default:
      return false;
  }
}

bool IsJsonLdType(std::string_view type) {
  return type.find("ld+json") != std::string_view::npos ||
         type.find("LD+JSON") != std::string_view::npos;
}

class FastTreeBuilder {
 public:
  FastTreeBuilder(Document* doc, const ParseOptions& options)
      : doc_(doc), options_(options) {
    open_count_.fill(0);
  }

  void Run(std::string_view html) {
    Tokenizer tokenizer(html);
    Token tok;
    while (tokenizer.Next(&tok)) {
      switch (tok.type) {
        case TokenType::kStartTag:
          StartTag(tok);
          break;
        case TokenType::kEndTag:
          EndTag(tok);
          break;
        case TokenType::kText:
          Text(tok);
          break;
        default:
          break;
      }
    }
  }

 private:
  uint32_t Current() const { return stack_.empty() ? 0 : stack_.back(); }
  Tag CurrentTag() const {
    return stack_.empty() ? Tag::kUnknown : doc_->node(stack_.back()).tag;
  }

  void Pop() {
    Tag t = doc_->node(stack_.back()).tag;
    --open_count_[static_cast<size_t>(t)];
    stack_.pop_back();
  }
  void PopTo(size_t depth) {  // leaves `depth` elements on the stack
    while (stack_.size() > depth) Pop();
  }

  // Index in the stack of the nearest open `tag`, searching down from the
  // top and stopping at `stop` boundaries; -1 when not found.
  template <typename StopFn>
  long Find(Tag tag, std::string_view unknown_name, StopFn stop) const {
    if (open_count_[static_cast<size_t>(tag)] == 0) return -1;
    size_t limit = stack_.size() > kSearchWindow ? stack_.size() - kSearchWindow : 0;
    for (size_t i = stack_.size(); i > limit; --i) {
      uint32_t id = stack_[i - 1];
      Tag t = doc_->node(id).tag;
      if (t == tag && (tag != Tag::kUnknown || EqualsIgnoreCase(unknown_name, doc_->Str(id)))) {
        return static_cast<long>(i - 1);
      }
      if (stop(t)) return -1;
    }
    return -1;
  }

  void CloseP() {
    long i = Find(Tag::kP, {}, [](Tag t) { return IsScopeBoundary(t) || t == Tag::kButton; });
    if (i >= 0) PopTo(static_cast<size_t>(i));
  }

  void StartTag(const Token& tok) {
    Tag t = tok.tag;
    if (t == Tag::kHtml || t == Tag::kBody || t == Tag::kHead) {
      if (open_count_[static_cast<size_t>(t)] > 0 ||
          (t == Tag::kHead && seen_head_)) {
        return;  // a second <html>/<body>/<head>: ignored
      }
      if (t == Tag::kHead) seen_head_ = true;
      if (t == Tag::kBody) CloseHead();
    } else if (!IsHeadTag(t)) {
      CloseHead();
    }
    if (ClosesP(t)) CloseP();
    switch (t) {
      case Tag::kLi: {
        long i = Find(Tag::kLi, {}, [](Tag s) {
          return IsSpecial(s) && s != Tag::kAddress && s != Tag::kDiv && s != Tag::kP;
        });
        if (i >= 0) PopTo(static_cast<size_t>(i));
        break;
      }
      case Tag::kDd: case Tag::kDt: {
        auto stop = [](Tag s) {
          return IsSpecial(s) && s != Tag::kAddress && s != Tag::kDiv && s != Tag::kP &&
                 s != Tag::kDd && s != Tag::kDt;
        };
        long i = std::max(Find(Tag::kDd, {}, stop), Find(Tag::kDt, {}, stop));
        if (i >= 0) PopTo(static_cast<size_t>(i));
        break;
      }
      case Tag::kH1: case Tag::kH2: case Tag::kH3: case Tag::kH4:
      case Tag::kH5: case Tag::kH6:
        if (IsHeading(CurrentTag())) Pop();
        break;
      case Tag::kA: {
        long i = Find(Tag::kA, {}, IsSpecial);
        if (i >= 0) PopTo(static_cast<size_t>(i));
        break;
      }
      case Tag::kOption:
        if (CurrentTag() == Tag::kOption) Pop();
        break;
      case Tag::kOptgroup:
        if (CurrentTag() == Tag::kOption) Pop();
        if (CurrentTag() == Tag::kOptgroup) Pop();
        break;
      case Tag::kTd: case Tag::kTh: {
        auto stop = [](Tag s) { return s == Tag::kTable || s == Tag::kTr; };
        long i = std::max(Find(Tag::kTd, {}, stop), Find(Tag::kTh, {}, stop));
        if (i >= 0) PopTo(static_cast<size_t>(i));
        break;
      }
      case Tag::kTr: {
        auto stop = [](Tag s) { return s == Tag::kTable; };
        long i = Find(Tag::kTr, {}, stop);
        if (i >= 0) PopTo(static_cast<size_t>(i));
        break;
      }
      case Tag::kThead: case Tag::kTbody: case Tag::kTfoot: {
        auto stop = [](Tag s) { return s == Tag::kTable; };
        long i = std::max({Find(Tag::kThead, {}, stop), Find(Tag::kTbody, {}, stop),
                           Find(Tag::kTfoot, {}, stop)});
        if (i >= 0) PopTo(static_cast<size_t>(i));
        break;
      }
      default:
        break;
    }
    uint32_t parent = Current();
    uint32_t id = doc_->AppendElement(parent, t, tok.name);
    for (const RawAttribute& a : tok.attributes) {
      scratch_.clear();
      DecodeCharRefs(a.value, /*in_attribute=*/true, &scratch_);
      doc_->AddAttribute(id, a.name, scratch_);
    }
    if (IsVoidTag(t)) return;
    if (tok.self_closing && t == Tag::kUnknown) return;  // "<foo/>" in SVG etc.
    if (stack_.size() >= options_.max_depth) {
      // Too deep: the element is kept but its content goes to its parent.
      // Raw-text content still needs its element for the text rules.
      if (t == Tag::kScript || t == Tag::kStyle) overflow_raw_ = t;
      return;
    }
    stack_.push_back(id);
    ++open_count_[static_cast<size_t>(t)];
  }

  void CloseHead() {
    if (open_count_[static_cast<size_t>(Tag::kHead)] == 0) return;
    long i = Find(Tag::kHead, {}, [](Tag) { return false; });
    if (i >= 0) PopTo(static_cast<size_t>(i));
  }

  void EndTag(const Token& tok) {
    Tag t = tok.tag;
    switch (t) {
      case Tag::kBody: case Tag::kHtml:
        return;  // content after </body> still belongs to the body
      case Tag::kBr: {  // "</br>" is a <br>
        doc_->AppendElement(Current(), Tag::kBr, "br");
        return;
      }
      case Tag::kP: {
        long i = Find(Tag::kP, {}, [](Tag s) { return IsScopeBoundary(s) || s == Tag::kButton; });
        if (i >= 0) PopTo(static_cast<size_t>(i));
        return;
      }
      case Tag::kLi: {
        long i = Find(Tag::kLi, {}, [](Tag s) {
          return IsScopeBoundary(s) || s == Tag::kUl || s == Tag::kOl;
        });
        if (i >= 0) PopTo(static_cast<size_t>(i));
        return;
      }
      default:
        break;
    }
    if (IsVoidTag(t)) return;
    long i;
    if (IsSpecial(t) || IsScopeBoundary(t)) {
      i = Find(t, tok.name, IsScopeBoundary);
      if (i < 0 && IsScopeBoundary(t)) i = Find(t, tok.name, [](Tag) { return false; });
    } else {
      i = Find(t, tok.name, IsSpecial);
    }
    if (i >= 0) PopTo(static_cast<size_t>(i));
  }

  void Text(const Token& tok) {
    uint32_t parent = Current();
    Tag pt = CurrentTag();
    if (overflow_raw_ != Tag::kUnknown) {  // content of an over-deep script
      overflow_raw_ = Tag::kUnknown;
      if (tok.raw_text) return;
    }
    if (tok.raw_text) {
      if (pt == Tag::kScript) {
        if (IsJsonLdType(doc_->Attr(parent, "type"))) doc_->AppendText(parent, tok.text, false);
        return;
      }
      if (pt == Tag::kStyle || pt == Tag::kNoscript || pt == Tag::kIframe ||
          pt == Tag::kNoembed || pt == Tag::kNoframes || pt == Tag::kXmp ||
          pt == Tag::kTemplate) {
        if (pt == Tag::kXmp) doc_->AppendText(parent, tok.text, false);
        return;
      }
      // CDATA section: literal text.
      doc_->AppendText(parent, tok.text, false);
      return;
    }
    doc_->AppendText(parent, tok.text, true);
  }

  Document* doc_;
  const ParseOptions& options_;
  std::vector<uint32_t> stack_;
  std::array<uint32_t, static_cast<size_t>(Tag::kCount)> open_count_;
  std::string scratch_;
  bool seen_head_ = false;
  Tag overflow_raw_ = Tag::kUnknown;
};

void AppendGumboChildren(const GumboVector& children, uint32_t parent, Tag parent_tag,
                         Document* doc);

void AppendGumboNode(const GumboNode* node, uint32_t parent, Tag parent_tag, Document* doc) {
  switch (node->type) {
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE: {
      const GumboElement& el = node->v.element;
      std::string_view name;
      if (el.tag == GUMBO_TAG_UNKNOWN) {
        GumboStringPiece piece = el.original_tag;
        gumbo_tag_from_original_text(&piece);
        name = std::string_view(piece.data, piece.length);
      } else {
        name = gumbo_normalized_tagname(el.tag);
      }
      Tag tag = LookupTag(name);
      uint32_t id = doc->AppendElement(parent, tag, name);
      for (unsigned i = 0; i < el.attributes.length; ++i) {
        const auto* a = static_cast<const GumboAttribute*>(el.attributes.data[i]);
        doc->AddAttribute(id, a->name, a->value);
      }
      AppendGumboChildren(el.children, id, tag, doc);
      break;
    }
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_WHITESPACE:
    case GUMBO_NODE_CDATA: {
      std::string_view text = node->v.text.text;
      if (parent_tag == Tag::kScript) {
        if (IsJsonLdType(doc->Attr(parent, "type"))) doc->AppendText(parent, text, false);
        return;
      }
      if (parent_tag == Tag::kStyle || parent_tag == Tag::kNoscript ||
          parent_tag == Tag::kIframe || parent_tag == Tag::kNoembed ||
          parent_tag == Tag::kNoframes || parent_tag == Tag::kTemplate) {
        return;
      }
      doc->AppendText(parent, text, false);
      break;
    }
    default:
      break;
  }
}

void AppendGumboChildren(const GumboVector& children, uint32_t parent, Tag parent_tag,
                         Document* doc) {
  for (unsigned i = 0; i < children.length; ++i) {
    AppendGumboNode(static_cast<const GumboNode*>(children.data[i]), parent, parent_tag, doc);
  }
}

}  // namespace

void ParseHtmlFast(std::string_view html, Document* doc, const ParseOptions& options) {
  doc->Clear();
  FastTreeBuilder builder(doc, options);
  builder.Run(html);
}

Status ParseHtmlGumbo(std::string_view html, Document* doc) {
  doc->Clear();
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  GumboOutput* out = gumbo_parse_with_options(&options, html.data(), html.size());
  if (out == nullptr) return InternalError("gumbo failed to parse the page");
  AppendGumboNode(out->root, 0, Tag::kUnknown, doc);
  gumbo_destroy_output(&options, out);
  return Status::Ok();
}

}  // namespace storyline::html
