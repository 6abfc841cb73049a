#include "html/dom.h"

#include <gtest/gtest.h>

#include <string>

namespace storyline::html {
namespace {

// Compact serialisation: elements as name(children), text quoted.
void Dump(const Document& doc, uint32_t i, std::string* out) {
  const Node& n = doc.node(i);
  if (n.type == NodeType::kText) {
    *out += "\"" + std::string(doc.Str(i)) + "\"";
    return;
  }
  if (n.type == NodeType::kElement) *out += std::string(doc.Str(i));
  if (n.first_child == kNoNode) return;
  *out += "(";
  for (uint32_t c = n.first_child; c != kNoNode; c = doc.node(c).next_sibling) {
    if (c != n.first_child) *out += " ";
    Dump(doc, c, out);
  }
  *out += ")";
}

std::string Tree(std::string_view html, bool gumbo = false) {
  Document doc;
  if (gumbo) {
    EXPECT_TRUE(ParseHtmlGumbo(html, &doc).ok());
  } else {
    ParseHtmlFast(html, &doc);
  }
  std::string out;
  Dump(doc, 0, &out);
  return out;
}

TEST(ParseHtmlFastTest, ImpliedEndOfParagraphsAndListItems) {
  EXPECT_EQ(Tree("<p>one<p>two<div>three</div>"), "(p(\"one\") p(\"two\") div(\"three\"))");
  EXPECT_EQ(Tree("<ul><li>a<li>b</ul>"), "(ul(li(\"a\") li(\"b\")))");
  EXPECT_EQ(Tree("<dl><dt>t<dd>d<dt>u</dl>"), "(dl(dt(\"t\") dd(\"d\") dt(\"u\")))");
  EXPECT_EQ(Tree("<table><tr><td>1<td>2<tr><td>3</table>"),
            "(table(tr(td(\"1\") td(\"2\")) tr(td(\"3\"))))");
}

TEST(ParseHtmlFastTest, VoidElementsAndEntities) {
  EXPECT_EQ(Tree("<p>a<br>b&amp;c<img src=x>d</p>"), "(p(\"a\" br \"b&c\" img \"d\"))");
}

TEST(ParseHtmlFastTest, ScriptTextIsDroppedButJsonLdKept) {
  EXPECT_EQ(Tree("<div><script>var x='</div>';</script>y</div>"), "(div(script \"y\"))");
  EXPECT_EQ(Tree("<script type=\"application/ld+json\">{\"a\":1}</script>"),
            "(script(\"{\"a\":1}\"))");
}

TEST(ParseHtmlFastTest, UnmatchedAndMisnestedEndTags) {
  EXPECT_EQ(Tree("<div>a</span>b</div>c"), "(div(\"ab\") \"c\")");
  EXPECT_EQ(Tree("<div><b>x</div>y"), "(div(b(\"x\")) \"y\")");
  EXPECT_EQ(Tree("<p>a</p></p>b"), "(p(\"a\") \"b\")");
  EXPECT_EQ(Tree("<a href=1>x<a href=2>y</a>"), "(a(\"x\") a(\"y\"))");
}

TEST(ParseHtmlFastTest, HeadEndsAtFirstBodyElement) {
  EXPECT_EQ(Tree("<html><head><title>T</title><div>x</div>"),
            "(html(head(title(\"T\")) div(\"x\")))");
}

TEST(ParseHtmlFastTest, EmptyAndJunkInput) {
  EXPECT_EQ(Tree(""), "");
  std::string junk;
  for (int i = 0; i < 4096; ++i) junk.push_back(static_cast<char>((i * 7919) & 0xFF));
  Document doc;
  ParseHtmlFast(junk, &doc);
  EXPECT_GE(doc.size(), 1u);
}

TEST(ParseHtmlFastTest, DeepNestingIsBounded) {
  std::string html;
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "x";
  for (int i = 0; i < 100000; ++i) html += "</span>";
  Document doc;
  ParseOptions options;
  ParseHtmlFast(html, &doc, options);
  EXPECT_EQ(doc.size(), 100002u);
}

TEST(ParseHtmlGumboTest, BuildsTheSameTreeOnSimplePages) {
  const char* pages[] = {
      "<p>one<p>two<div>three</div>",
      "<ul><li>a<li>b</ul>",
      "<div class=x>a <b>bold</b> &amp; more</div>",
  };
  for (const char* page : pages) {
    std::string fast = Tree(page);
    std::string gumbo = Tree(page, /*gumbo=*/true);
    // gumbo adds html/head/body; compare the body content.
    size_t b = gumbo.find("body(");
    ASSERT_NE(b, std::string::npos) << gumbo;
    std::string body = gumbo.substr(b + 4, gumbo.size() - b - 4 - 2);
    EXPECT_EQ("(" + body.substr(1, body.size() - 1), fast) << page;
  }
}

TEST(DocumentTest, AttributesAreLowerCasedAndDecoded) {
  Document doc;
  ParseHtmlFast("<a HREF=\"/x?a=1&amp;b=2\" Class=k href=dup>t</a>", &doc);
  uint32_t a = doc.node(0).first_child;
  EXPECT_EQ(doc.Attr(a, "href"), "/x?a=1&b=2");
  EXPECT_EQ(doc.Attr(a, "class"), "k");
  bool found = true;
  EXPECT_EQ(doc.Attr(a, "id", &found), "");
  EXPECT_FALSE(found);
}

}  // namespace
}  // namespace storyline::html
