#include "html/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace storyline::html {
namespace {

std::string Decode(std::string_view s, bool attr = false) {
  std::string out;
  DecodeCharRefs(s, attr, &out);
  return out;
}

// "S:div", "E:div", "T:text", "C:comment", "D:doctype" per token.
std::vector<std::string> Tokens(std::string_view html) {
  Tokenizer tok(html);
  Token t;
  std::vector<std::string> out;
  while (tok.Next(&t)) {
    switch (t.type) {
      case TokenType::kStartTag: out.push_back("S:" + AsciiLower(t.name)); break;
      case TokenType::kEndTag: out.push_back("E:" + AsciiLower(t.name)); break;
      case TokenType::kText: out.push_back("T:" + std::string(t.text)); break;
      case TokenType::kComment: out.push_back("C:" + std::string(t.text)); break;
      case TokenType::kDoctype: out.push_back("D"); break;
      default: break;
    }
  }
  return out;
}

TEST(DecodeCharRefsTest, NamedNumericAndLegacy) {
  EXPECT_EQ(Decode("a &amp; b &lt;c&gt; &quot;q&quot; &apos;"), "a & b <c> \"q\" '");
  EXPECT_EQ(Decode("&copy; &hellip;&mdash;&ndash;&rsquo;&ldquo;&rdquo;&euro;&eacute;"),
            "© …—–’“”€é");
  EXPECT_EQ(Decode("&#65;&#x42;&#X63;&#8217;"), "ABc’");
  EXPECT_EQ(Decode("&#146;"), "’");        // windows-1252 remap
  EXPECT_EQ(Decode("&#0;&#xD800;"), "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(Decode("&#99999999999;"), "\xEF\xBF\xBD");
  EXPECT_EQ(Decode("AT&T &unknown; & &#; &"), "AT&T &unknown; & &#; &");
  EXPECT_EQ(Decode("&nbsp"), "\xC2\xA0");      // legacy without ';'
  EXPECT_EQ(Decode("?a=1&copy=2", true), "?a=1&copy=2");  // not in attributes
  EXPECT_EQ(Decode("&hellip"), "&hellip");     // not a legacy reference
}

TEST(TokenizerTest, TagsTextAndAttributes) {
  Tokenizer tok("<DIV class=\"a b\" id=x data-y='1 2' hidden>Hi</div>");
  Token t;
  ASSERT_TRUE(tok.Next(&t));
  EXPECT_EQ(t.type, TokenType::kStartTag);
  EXPECT_EQ(t.tag, Tag::kDiv);
  ASSERT_EQ(t.attributes.size(), 4u);
  EXPECT_EQ(t.attributes[0].name, "class");
  EXPECT_EQ(t.attributes[0].value, "a b");
  EXPECT_EQ(t.attributes[1].value, "x");
  EXPECT_EQ(t.attributes[2].value, "1 2");
  EXPECT_EQ(t.attributes[3].name, "hidden");
  EXPECT_EQ(t.attributes[3].value, "");
  ASSERT_TRUE(tok.Next(&t));
  EXPECT_EQ(t.type, TokenType::kText);
  EXPECT_EQ(t.text, "Hi");
  ASSERT_TRUE(tok.Next(&t));
  EXPECT_EQ(t.type, TokenType::kEndTag);
  EXPECT_EQ(t.tag, Tag::kDiv);
  EXPECT_FALSE(tok.Next(&t));
}

TEST(TokenizerTest, ScriptHoldsMarkupUntilItsEndTag) {
  EXPECT_EQ(Tokens("<script>if (a<b) x='</div>';</script><p>x"),
            (std::vector<std::string>{"S:script", "T:if (a<b) x='</div>';", "E:script", "S:p",
                                      "T:x"}));
  EXPECT_EQ(Tokens("<style>p{}</STYLE >y"),
            (std::vector<std::string>{"S:style", "T:p{}", "E:style", "T:y"}));
  EXPECT_EQ(Tokens("<script>never closed <b>"),
            (std::vector<std::string>{"S:script", "T:never closed <b>"}));
}

TEST(TokenizerTest, CommentsDoctypeCdataAndBogus) {
  EXPECT_EQ(Tokens("<!DOCTYPE html><!-- a <p> -->b<!---->c<?php x ?>d"),
            (std::vector<std::string>{"D", "C: a <p> ", "T:b", "C:", "T:c", "C:?php x ?",
                                      "T:d"}));
  EXPECT_EQ(Tokens("<![CDATA[x<y]]>z"), (std::vector<std::string>{"T:x<y", "T:z"}));
  EXPECT_EQ(Tokens("a<!-- unterminated"), (std::vector<std::string>{"T:a", "C: unterminated"}));
}

TEST(TokenizerTest, MalformedMarkupIsText) {
  EXPECT_EQ(Tokens("a < b <3 <"), (std::vector<std::string>{"T:a ", "T:< b ", "T:<3 ", "T:<"}));
  EXPECT_EQ(Tokens("x</ 3>y</>z"), (std::vector<std::string>{"T:x", "C: 3", "T:y", "C:", "T:z"}));
  EXPECT_EQ(Tokens("<p class=\"open"), (std::vector<std::string>{"C:"}));
  EXPECT_TRUE(Tokens("").empty());
}

TEST(TokenizerTest, SelfClosingAndTagLookup) {
  Tokenizer tok("<br/><img src=a.png />");
  Token t;
  ASSERT_TRUE(tok.Next(&t));
  EXPECT_EQ(t.tag, Tag::kBr);
  EXPECT_TRUE(t.self_closing);
  ASSERT_TRUE(tok.Next(&t));
  EXPECT_EQ(t.tag, Tag::kImg);
  EXPECT_EQ(t.attributes[0].value, "a.png");
  EXPECT_EQ(LookupTag("BLOCKQUOTE"), Tag::kBlockquote);
  EXPECT_EQ(LookupTag("my-element"), Tag::kUnknown);
  EXPECT_EQ(TagName(Tag::kFigcaption), "figcaption");
  EXPECT_TRUE(IsVoidTag(Tag::kMeta));
  EXPECT_FALSE(IsVoidTag(Tag::kP));
}

}  // namespace
}  // namespace storyline::html
