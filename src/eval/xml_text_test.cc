#include "eval/xml_text.h"

#include <gtest/gtest.h>

namespace storyline::eval {
namespace {

std::string Decode(std::string_view s) {
  std::string out;
  AppendXmlText(s, &out);
  return out;
}

TEST(XmlTextTest, EntitiesAndReferences) {
  EXPECT_EQ(Decode("a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;"), "a & b <c> \"d\" 'e'");
  EXPECT_EQ(Decode("caf&#233; &#x2014; &#X41;"), "caf\xC3\xA9 \xE2\x80\x94 A");
  EXPECT_EQ(Decode("&nbsp; &#; &#xZZ; & alone &unterminated"), "&nbsp; &#; &#xZZ; & alone &unterminated");
  EXPECT_EQ(Decode("&#0;"), "\xEF\xBF\xBD");  // NUL is not text
}

}  // namespace
}  // namespace storyline::eval
