#include "text/segment.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <utility>
#include <vector>

#include "text/normalize.h"

namespace storyline::text {
namespace {

std::vector<std::string> Toks(std::string_view text) {
  std::vector<Token> toks;
  Tokenize(text, &toks);
  std::vector<std::string> out;
  for (const Token& t : toks) out.emplace_back(t.span.In(text));
  return out;
}

std::vector<std::pair<std::string, TokenKind>> TokKinds(std::string_view text) {
  std::vector<Token> toks;
  Tokenize(text, &toks);
  std::vector<std::pair<std::string, TokenKind>> out;
  for (const Token& t : toks) out.emplace_back(std::string(t.span.In(text)), t.kind);
  return out;
}

std::vector<std::string> Sents(std::string_view text) {
  std::vector<Span> spans;
  SplitSentences(text, 0, &spans);
  std::vector<std::string> out;
  for (const Span& s : spans) out.emplace_back(s.In(text));
  return out;
}

using V = std::vector<std::string>;
constexpr TokenKind W = TokenKind::kWord, N = TokenKind::kNumber, A = TokenKind::kAbbreviation,
                    P = TokenKind::kPunct, S = TokenKind::kSymbol, U = TokenKind::kUrl;

// ------------------------------------------------------------------ tokens

TEST(TokenizeTest, WordsAndPunctuation) {
  EXPECT_EQ(Toks("Kerry met Lavrov, in Paris."),
            (V{"Kerry", "met", "Lavrov", ",", "in", "Paris", "."}));
  EXPECT_EQ(Toks(""), V{});
  EXPECT_EQ(Toks("   \t\n"), V{});
}

TEST(TokenizeTest, HyphensAndInnerApostrophesJoin) {
  EXPECT_EQ(Toks("al-Assad Geneva-2 30-year-old O'Brien Shi\u2019ite rock'n'roll"),
            (V{"al-Assad", "Geneva-2", "30-year-old", "O'Brien", "Shi\u2019ite", "rock'n'roll"}));
  EXPECT_EQ(Toks("al\u2010Assad"), V{"al\u2010Assad"});
  EXPECT_EQ(Toks("end - start"), (V{"end", "-", "start"}));
  EXPECT_EQ(Toks("word-"), (V{"word", "-"}));
}

TEST(TokenizeTest, CliticsSplitOff) {
  EXPECT_EQ(TokKinds("Kerry's"),
            (std::vector<std::pair<std::string, TokenKind>>{{"Kerry", W}, {"'s", W}}));
  EXPECT_EQ(Toks("Assad\u2019s government"), (V{"Assad", "\u2019s", "government"}));
  EXPECT_EQ(Toks("don't can't won't"), (V{"do", "n't", "ca", "n't", "wo", "n't"}));
  EXPECT_EQ(Toks("I'm we're they've she'll he'd"),
            (V{"I", "'m", "we", "'re", "they", "'ve", "she", "'ll", "he", "'d"}));
  EXPECT_EQ(Toks("ISN'T IT'S"), (V{"IS", "N'T", "IT", "'S"}));
  EXPECT_EQ(Toks("the officials' view"), (V{"the", "officials", "'", "view"}));
  EXPECT_EQ(Toks("U.S.'s role"), (V{"U.S.", "'s", "role"}));
}

TEST(TokenizeTest, Numbers) {
  EXPECT_EQ(TokKinds("90,000 3.5 9:42 10/30/2013 2013-10-30 1st 1990s 2013."),
            (std::vector<std::pair<std::string, TokenKind>>{{"90,000", N},
                                                            {"3.5", N},
                                                            {"9:42", N},
                                                            {"10/30/2013", N},
                                                            {"2013-10-30", N},
                                                            {"1st", N},
                                                            {"1990s", N},
                                                            {"2013", N},
                                                            {".", P}}));
  EXPECT_EQ(TokKinds("$1.2 billion, 50%"),
            (std::vector<std::pair<std::string, TokenKind>>{
                {"$", S}, {"1.2", N}, {"billion", W}, {",", P}, {"50", N}, {"%", S}}));
  EXPECT_EQ(TokKinds("H1N1 5km"),
            (std::vector<std::pair<std::string, TokenKind>>{{"H1N1", W}, {"5km", W}}));
  EXPECT_EQ(Toks("in 2013,the"), (V{"in", "2013", ",", "the"}));
  EXPECT_EQ(TokKinds("by .25 a.5"), (std::vector<std::pair<std::string, TokenKind>>{
                                        {"by", W}, {".25", N}, {"a", W}, {".", P}, {"5", N}}));
}

TEST(TokenizeTest, Abbreviations) {
  EXPECT_EQ(TokKinds("U.S. Sen. John F. Kennedy J.R.R. Tolkien 9 a.m. Ph.D. W.Va. Jr."),
            (std::vector<std::pair<std::string, TokenKind>>{{"U.S.", A},
                                                            {"Sen.", A},
                                                            {"John", W},
                                                            {"F.", A},
                                                            {"Kennedy", W},
                                                            {"J.R.R.", A},
                                                            {"Tolkien", W},
                                                            {"9", N},
                                                            {"a.m.", A},
                                                            {"Ph.D.", A},
                                                            {"W.Va.", A},
                                                            {"Jr.", A}}));
  EXPECT_EQ(Toks("the end."), (V{"the", "end", "."}));
  EXPECT_EQ(Toks("Russian-U.S. push"), (V{"Russian-U.S.", "push"}));
  EXPECT_EQ(Toks("U.S.-backed rebels"), (V{"U.S.-backed", "rebels"}));
  EXPECT_EQ(Toks("Mr.Smith"), (V{"Mr.", "Smith"}));
}

TEST(TokenizeTest, NumberAbbreviationsOnlyBeforeNumbers) {
  EXPECT_EQ(TokKinds("No. 1"),
            (std::vector<std::pair<std::string, TokenKind>>{{"No.", A}, {"1", N}}));
  EXPECT_EQ(Toks("The answer is No. Then"), (V{"The", "answer", "is", "No", ".", "Then"}));
}

TEST(TokenizeTest, UrlsAndEmails) {
  EXPECT_EQ(TokKinds("see http://example.com/a?b=1."),
            (std::vector<std::pair<std::string, TokenKind>>{
                {"see", W}, {"http://example.com/a?b=1", U}, {".", P}}));
  EXPECT_EQ(Toks("(www.state.gov)"), (V{"(", "www.state.gov", ")"}));
  EXPECT_EQ(TokKinds("state.gov Yahoo.com/news"), (std::vector<std::pair<std::string, TokenKind>>{
                                                      {"state.gov", U}, {"Yahoo.com/news", U}}));
  EXPECT_EQ(TokKinds("mail john.doe@example.org."),
            (std::vector<std::pair<std::string, TokenKind>>{
                {"mail", W}, {"john.doe@example.org", U}, {".", P}}));
  EXPECT_EQ(Toks("Amazon.com's shares"), (V{"Amazon.com", "'s", "shares"}));
  EXPECT_EQ(Toks("said.The"), (V{"said", ".", "The"}));
  EXPECT_EQ(Toks("https://en.wikipedia.org/wiki/Geneva_(disambiguation))"),
            (V{"https://en.wikipedia.org/wiki/Geneva_(disambiguation)", ")"}));
}

TEST(TokenizeTest, PunctuationRuns) {
  EXPECT_EQ(Toks("wait... what?! no -- yes \u2026"),
            (V{"wait", "...", "what", "?!", "no", "--", "yes", "\u2026"}));
  EXPECT_EQ(Toks("\"Hi,\" (x) [y]"), (V{"\"", "Hi", ",", "\"", "(", "x", ")", "[", "y", "]"}));
}

TEST(TokenizeTest, UnicodeLetters) {
  EXPECT_EQ(TokKinds("Moallem \u00E9lu \u041C\u043E\u0441\u043A\u0432\u0430 "
                     "\u0627\u0644\u0642\u0627\u0647\u0631\u0629"),
            (std::vector<std::pair<std::string, TokenKind>>{
                {"Moallem", W},
                {"\u00E9lu", W},
                {"\u041C\u043E\u0441\u043A\u0432\u0430", W},
                {"\u0627\u0644\u0642\u0627\u0647\u0631\u0629", W}}));
  EXPECT_EQ(Toks("Cafe\u0301 \u20AC5"), (V{"Cafe\u0301", "\u20AC", "5"}));
  EXPECT_EQ(Toks("a\u00A0b"), (V{"a", "b"}));  // NBSP separates
}

TEST(TokenizeTest, InvalidBytesAreSymbols) {
  std::string s =
      "ab\xFF"
      "cd \xE2\x80";
  std::vector<Token> toks;
  Tokenize(s, &toks);
  ASSERT_EQ(toks.size(), 4u);
  EXPECT_EQ(toks[1].kind, TokenKind::kSymbol);
  EXPECT_EQ(toks[3].span.In(s), "\xE2\x80");
}

// ---------------------------------------------------------------- sentences

struct Case {
  const char* input;
  V expected;
};

void ExpectSentences(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    EXPECT_EQ(Sents(c.input), c.expected) << "input: " << c.input;
  }
}

TEST(SplitSentencesTest, Basics) {
  ExpectSentences({
      {"He came. She left.", {"He came.", "She left."}},
      {"  He came.   She left.  ", {"He came.", "She left."}},
      {"Kerry to Meet Lavrov for Syria Talks in Paris",
       {"Kerry to Meet Lavrov for Syria Talks in Paris"}},
      {"", {}},
      {"   ", {}},
      {".", {"."}},
      {"Really? Yes! Fine.", {"Really?", "Yes!", "Fine."}},
      {"Stop!! Now?! Go.", {"Stop!!", "Now?!", "Go."}},
  });
}

TEST(SplitSentencesTest, Abbreviations) {
  ExpectSentences({
      {"U.S. Secretary of State John Kerry will meet his Russian counterpart on Monday. He said "
       "so.",
       {"U.S. Secretary of State John Kerry will meet his Russian counterpart on Monday.",
        "He said so."}},
      {"Sen. John McCain and Gov. Rick Perry spoke.",
       {"Sen. John McCain and Gov. Rick Perry spoke."}},
      {"Dr. Smith met Mrs. Jones on Jan. 5 in St. Louis.",
       {"Dr. Smith met Mrs. Jones on Jan. 5 in St. Louis."}},
      {"The talks took place in the U.S. The result was unclear.",
       {"The talks took place in the U.S.", "The result was unclear."}},
      {"He works for Apple Inc. But he is leaving.",
       {"He works for Apple Inc.", "But he is leaving."}},
      {"Apple Inc. Chief Executive Tim Cook spoke.",
       {"Apple Inc. Chief Executive Tim Cook spoke."}},
      {"The U.N. Security Council met.", {"The U.N. Security Council met."}},
      {"Martin Luther King Jr. He was a pastor.", {"Martin Luther King Jr.", "He was a pastor."}},
      {"Fruit, nuts, etc. are sold here.", {"Fruit, nuts, etc. are sold here."}},
      {"Some states, e.g. Texas, agreed.", {"Some states, e.g. Texas, agreed."}},
      {"It was Roe v. Wade all over.", {"It was Roe v. Wade all over."}},
      {"He was born in Springfield, Ill. The family moved.",
       {"He was born in Springfield, Ill.", "The family moved."}},
      {"They met in Washington, D.C. on Friday.", {"They met in Washington, D.C. on Friday."}},
  });
}

TEST(SplitSentencesTest, Times) {
  ExpectSentences({
      {"The meeting is at 9:42 a.m. on Monday.", {"The meeting is at 9:42 a.m. on Monday."}},
      {"He arrived at 5 p.m. The talks began.", {"He arrived at 5 p.m.", "The talks began."}},
      {"It starts at 9 a.m. Monday.", {"It starts at 9 a.m. Monday."}},
      {"It ended at 11 p.m. EST on Sunday.", {"It ended at 11 p.m. EST on Sunday."}},
  });
}

TEST(SplitSentencesTest, Initials) {
  ExpectSentences({
      {"John F. Kennedy was president.", {"John F. Kennedy was president."}},
      {"J.R.R. Tolkien wrote it.", {"J.R.R. Tolkien wrote it."}},
      {"J. R. Smith and George W. Bush met.", {"J. R. Smith and George W. Bush met."}},
      {"He called himself Malcolm X. He was right.",
       {"He called himself Malcolm X.", "He was right."}},
  });
}

TEST(SplitSentencesTest, Numbers) {
  ExpectSentences({
      {"More than 90,000 people have been killed.", {"More than 90,000 people have been killed."}},
      {"Growth was 3.5 percent. It was $1.2 billion.",
       {"Growth was 3.5 percent.", "It was $1.2 billion."}},
      {"He finished No. 1 in the poll.", {"He finished No. 1 in the poll."}},
      {"The answer is No. Then he left.", {"The answer is No.", "Then he left."}},
      {"Prices rose in 2012. 2013 was worse.", {"Prices rose in 2012.", "2013 was worse."}},
      {"Rates fell by .25 points. Markets rose.", {"Rates fell by .25 points.", "Markets rose."}},
      {"1. Ceasefire in Aleppo", {"1. Ceasefire in Aleppo"}},
      {"b. Free elections. Then a vote.", {"b. Free elections.", "Then a vote."}},
  });
}

TEST(SplitSentencesTest, UrlsAndEmails) {
  ExpectSentences({
      {"See www.state.gov. It has details.", {"See www.state.gov.", "It has details."}},
      {"Write to press@example.org or visit http://example.com/x.html today.",
       {"Write to press@example.org or visit http://example.com/x.html today."}},
  });
}

TEST(SplitSentencesTest, QuotesAndBrackets) {
  ExpectSentences({
      {"\"We are ready,\" he said. \"Then go.\" They left.",
       {"\"We are ready,\" he said.", "\"Then go.\"", "They left."}},
      {"It was \"a disaster.\" Then it got worse.",
       {"It was \"a disaster.\"", "Then it got worse."}},
      {"\u201CWhy?\u201D he asked.", {"\u201CWhy?\u201D he asked."}},
      {"\"Why?\" he asked.", {"\"Why?\" he asked."}},
      {"\"Why now?\" Lavrov asked reporters.", {"\"Why now?\" Lavrov asked reporters."}},
      {"\"Enough!\" Foreign Minister Lavrov said.", {"\"Enough!\" Foreign Minister Lavrov said."}},
      {"\"Why?\" Nobody knew.", {"\"Why?\"", "Nobody knew."}},
      {"(The talks ended.) Then came dinner.", {"(The talks ended.)", "Then came dinner."}},
      {"They met Lavrov. \u201CWe both want peace,\u201D Kerry said.",
       {"They met Lavrov.", "\u201CWe both want peace,\u201D Kerry said."}},
      {"He said it was 'final.' Others disagreed.",
       {"He said it was 'final.'", "Others disagreed."}},
  });
}

TEST(SplitSentencesTest, Ellipses) {
  ExpectSentences({
      {"We waited... and waited.", {"We waited... and waited."}},
      {"We waited... Nothing happened.", {"We waited...", "Nothing happened."}},
      {"We waited\u2026 Nothing happened.", {"We waited\u2026", "Nothing happened."}},
      {"... and then it ended.", {"... and then it ended."}},
  });
}

TEST(SplitSentencesTest, DatelinesAndDashes) {
  ExpectSentences({
      {"PARIS, May 28 (RIA Novosti) \u2013 Moscow is hoping for talks, Lavrov said. Kerry agreed.",
       {"PARIS, May 28 (RIA Novosti) \u2013 Moscow is hoping for talks, Lavrov said.",
        "Kerry agreed."}},
      {"GENEVA (Reuters) - Talks resumed on Monday.",
       {"GENEVA (Reuters) - Talks resumed on Monday."}},
  });
}

TEST(SplitSentencesTest, BaseOffsetIsAdded) {
  std::vector<Span> spans;
  SplitSentences("A b. C d.", 100, &spans);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0], (Span{100, 104}));
  EXPECT_EQ(spans[1], (Span{105, 109}));
}

// ---------------------------------------------------------------- invariants

bool IsSpaceAt(std::string_view s, size_t i, size_t* len) {
  const auto b = static_cast<uint8_t>(s[i]);
  *len = 1;
  if (b <= 0x20 || b == 0x7F) return true;
  // U+00A0, U+2000..U+200A, U+202F, U+205F, U+3000 and friends, decoded simply.
  if (b == 0xC2 && i + 1 < s.size() &&
      (static_cast<uint8_t>(s[i + 1]) == 0xA0 || static_cast<uint8_t>(s[i + 1]) == 0x85)) {
    *len = 2;
    return true;
  }
  return false;
}

// Checks the contracts on one text: tokens ordered, non-empty, in range,
// covering every non-space byte; sentences ordered, trimmed, non-empty,
// covering every token.
void CheckInvariants(std::string_view text, bool strict_cover) {
  std::vector<Token> toks;
  Tokenize(text, &toks);
  size_t prev = 0;
  for (const Token& t : toks) {
    ASSERT_LT(t.span.begin, t.span.end);
    ASSERT_LE(t.span.end, text.size());
    ASSERT_GE(t.span.begin, prev);
    if (strict_cover) {
      for (size_t i = prev; i < t.span.begin;) {
        size_t len;
        ASSERT_TRUE(IsSpaceAt(text, i, &len)) << "uncovered byte " << i << " in " << text;
        i += len;
      }
    }
    prev = t.span.end;
  }
  std::vector<Span> sents;
  SplitSentences(text, 0, &sents);
  ASSERT_EQ(sents.empty(), toks.empty());
  size_t ti = 0;
  uint32_t last_end = 0;
  for (const Span& s : sents) {
    ASSERT_LT(s.begin, s.end);
    ASSERT_LE(s.end, text.size());
    ASSERT_GE(s.begin, last_end);
    ASSERT_LT(ti, toks.size());
    ASSERT_EQ(s.begin, toks[ti].span.begin);  // trimmed, nothing skipped
    while (ti < toks.size() && toks[ti].span.end <= s.end) ++ti;
    ASSERT_EQ(toks[ti - 1].span.end, s.end);
    last_end = s.end;
  }
  ASSERT_EQ(ti, toks.size());
}

TEST(SegmentInvariantsTest, RandomTextFromPieces) {
  const std::vector<std::string> pieces = {"U.S.",
                                           "Sen.",
                                           "The",
                                           "he",
                                           " ",
                                           "  ",
                                           ".",
                                           "?",
                                           "!",
                                           "...",
                                           "\u2026",
                                           "\"",
                                           "'",
                                           "\u201C",
                                           "\u201D",
                                           "(",
                                           ")",
                                           "90,000",
                                           "3.5",
                                           "a.m.",
                                           "No.",
                                           "1",
                                           "www.x.com",
                                           "x@y.org",
                                           "-",
                                           "\u2013",
                                           "Kerry's",
                                           "don't",
                                           "\u00A0",
                                           "\n",
                                           "F.",
                                           "\u00E9",
                                           "\u0301",
                                           "\xFF",
                                           "\xE2\x80",
                                           ",",
                                           "http://a.b/c.",
                                           "Inc.",
                                           "'s",
                                           "n't",
                                           "\u2019",
                                           "A",
                                           "I",
                                           "e.g.",
                                           "$",
                                           "%"};
  std::mt19937 rng(7);
  for (int iter = 0; iter < 20000; ++iter) {
    std::string s;
    const int len = rng() % 16;
    for (int k = 0; k < len; ++k) s += pieces[rng() % pieces.size()];
    SCOPED_TRACE(::testing::PrintToString(s));
    CheckInvariants(s, /*strict_cover=*/true);
    if (::testing::Test::HasFatalFailure()) return;
    // After normalisation too.
    CheckInvariants(NormalizeParagraph(s), true);
    if (::testing::Test::HasFatalFailure()) return;
  }
}

TEST(SegmentInvariantsTest, NoSentenceStartsLowercaseUnlessParagraphDoes) {
  const std::vector<std::string> paras = {
      "He said. and then? yes! \"no.\" maybe... ok U.S. officials a.m. on",
      "\"Why?\" he asked. \"Because.\" she said. (it ended.) then",
  };
  for (const std::string& p : paras) {
    for (const std::string& s : Sents(p)) {
      EXPECT_FALSE(s[0] >= 'a' && s[0] <= 'z' && s != Sents(p)[0]) << s;
    }
  }
}

}  // namespace
}  // namespace storyline::text
