#include "ingest/encoding.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace storyline::ingest {
namespace {

// Slow, obviously correct twin of IsValidUtf8: decode each code point and
// check it against the rules (shortest form, no surrogates, <= U+10FFFF).
bool SlowIsValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned c = static_cast<unsigned char>(s[i]);
    int n;
    unsigned cp;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      n = 1, cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      n = 2, cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      n = 3, cp = c & 0x07;
    } else {
      return false;
    }
    if (i + n >= s.size()) return false;
    for (int k = 1; k <= n; ++k) {
      unsigned b = static_cast<unsigned char>(s[i + k]);
      if ((b & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (b & 0x3F);
    }
    static const unsigned kMin[] = {0, 0x80, 0x800, 0x10000};
    if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += n + 1;
  }
  return true;
}

TEST(IsValidUtf8, KnownCases) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("plain ascii text that is long enough for the word loop"));
  EXPECT_TRUE(IsValidUtf8("caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D \xF0\x9F\x98\x80"));
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xE0\x80\xAF"));      // overlong
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // > U+10FFFF
  EXPECT_FALSE(IsValidUtf8("abc\xE2\x80"));       // truncated at end
  EXPECT_FALSE(IsValidUtf8("caf\xE9"));           // latin-1
  EXPECT_FALSE(IsValidUtf8("\x80"));
  EXPECT_FALSE(IsValidUtf8("\xFF"));
}

TEST(IsValidUtf8, AgreesWithSlowTwinOnRandomInput) {
  std::mt19937 rng(42);
  const std::string pieces[] = {"a", "bcdefgh ", "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80",
                                "\x80", "\xC3", "\xED\xA0\x80", "\xF4\x90", "\xFE", "\xE0\xA0"};
  for (int t = 0; t < 20000; ++t) {
    std::string s;
    int n = static_cast<int>(rng() % 12);
    for (int k = 0; k < n; ++k) {
      if (rng() % 4 == 0) {
        s.push_back(static_cast<char>(rng() & 0xFF));
      } else {
        s += pieces[rng() % std::size(pieces)];
      }
    }
    ASSERT_EQ(IsValidUtf8(s), SlowIsValidUtf8(s)) << "input bytes: " << s.size();
  }
}

TEST(DecodeToUtf8, ValidUtf8PassesThroughUnchanged) {
  std::string s = "Kerry met Lavrov in Gen\xC3\xA8ve \xE2\x80\x94 talks \xE2\x80\x9C" "constructive\xE2\x80\x9D.\n";
  Result<std::string> out = DecodeToUtf8(s, "");
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(*out, s);
  // A wrong hint does not turn valid UTF-8 into mojibake.
  out = DecodeToUtf8(s, "iso-8859-1");
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(*out, s);
}

TEST(DecodeToUtf8, EmptyIsEmpty) {
  Result<std::string> out = DecodeToUtf8("", "");
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(*out, "");
}

TEST(DecodeToUtf8, Latin1WithHint) {
  // "Le président a déclaré à Paris" in ISO-8859-1.
  std::string bytes = "Le pr\xE9sident a d\xE9" "clar\xE9 \xE0 Paris.";
  Result<std::string> out = DecodeToUtf8(bytes, "ISO-8859-1");
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(*out, "Le pr\xC3\xA9sident a d\xC3\xA9" "clar\xC3\xA9 \xC3\xA0 Paris.");
}

TEST(DecodeToUtf8, Latin1WithoutHintSingleAccent) {
  std::string bytes = "A long English paragraph about the talks, with one caf\xE9 in it, "
                      "and otherwise nothing but plain ASCII letters and punctuation.";
  Result<std::string> out = DecodeToUtf8(bytes, "");
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_NE(out->find("caf\xC3\xA9"), std::string::npos) << *out;
}

TEST(DecodeToUtf8, Cp1252QuotesDashesAndEuro) {
  // Smart quotes 0x93/0x94, em dash 0x97, euro 0x80, labelled as latin-1 as
  // many pages do.
  std::string bytes = "\x93We will meet,\x94 he said \x97 a \x80" "5bn deal.";
  std::string want = "\xE2\x80\x9CWe will meet,\xE2\x80\x9D he said \xE2\x80\x94 a \xE2\x82\xAC" "5bn deal.";
  for (std::string_view hint : {"iso-8859-1", "windows-1252", "", "utf-8-bogus"}) {
    Result<std::string> out = DecodeToUtf8(bytes, hint);
    ASSERT_TRUE(out.ok()) << hint << ": " << out.status().ToString();
    EXPECT_EQ(*out, want) << "hint " << hint;
  }
}

TEST(DecodeToUtf8, HintNamesOtherCharset) {
  // "Москва" in windows-1251.
  std::string bytes = "\xCC\xEE\xF1\xEA\xE2\xE0";
  Result<std::string> out = DecodeToUtf8(bytes, "windows-1251");
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(*out, "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0");
}

TEST(DecodeToUtf8, Utf16WithBom) {
  // "Hé!" in UTF-16LE and UTF-16BE, with BOMs.
  std::string le("\xFF\xFE" "H\0\xE9\0!\0", 8);
  std::string be("\xFE\xFF\0H\0\xE9\0!", 8);
  for (const std::string& bytes : {le, be}) {
    Result<std::string> out = DecodeToUtf8(bytes, "");
    ASSERT_TRUE(out.ok()) << out.status().ToString();
    EXPECT_EQ(*out, "H\xC3\xA9!");
  }
}

TEST(DecodeToUtf8, Utf16WithoutBomButWithHintOrShape) {
  std::string text = "Peace talks resume in Geneva";
  std::string le;
  for (char c : text) le += std::string{c, '\0'};
  Result<std::string> out = DecodeToUtf8(le, "utf-16le");
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(*out, text);
  out = DecodeToUtf8(le, "");
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(*out, text);
}

TEST(DecodeToUtf8, Utf32AndUtf8Bom) {
  std::string le32("\xFF\xFE\0\0" "A\0\0\0" "\xAC\x20\0\0", 12);
  Result<std::string> out = DecodeToUtf8(le32, "");
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(*out, "A\xE2\x82\xAC");
  out = DecodeToUtf8("\xEF\xBB\xBFhello", "");
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(*out, "hello");
}

TEST(DecodeToUtf8, BrokenUtf8FewErrorsGetReplacementCharacters) {
  std::string bytes = "Na\xC3\xAFve text \xE2\x80\x94 with one broken byte here: \xE2\x80 and more "
                      "ASCII after it so the share of errors stays well under one percent of "
                      "all the characters in this fairly long sentence about nothing at all, "
                      "repeated: nothing at all, nothing at all, nothing at all, nothing.";
  Result<std::string> out = DecodeToUtf8(bytes, "");
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_TRUE(IsValidUtf8(*out));
  EXPECT_NE(out->find("here: \xEF\xBF\xBD and"), std::string::npos) << *out;
  EXPECT_NE(out->find("Na\xC3\xAFve"), std::string::npos);
}

TEST(DecodeToUtf8, BinaryJunkIsInvalidData) {
  std::mt19937 rng(7);
  std::string junk(4096, '\0');
  for (char& c : junk) c = static_cast<char>(rng() & 0xFF);
  Result<std::string> out = DecodeToUtf8(junk, "");
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), StatusCode::kInvalidData);
  EXPECT_NE(out.status().message().find("binary data, not text"), std::string::npos);
  out = DecodeToUtf8(std::string(100, '\0'), "");
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), StatusCode::kInvalidData);
}

TEST(DecodeToUtf8, OutputIsAlwaysValidUtf8) {
  std::mt19937 rng(3);
  for (int t = 0; t < 2000; ++t) {
    std::string s;
    int n = static_cast<int>(rng() % 200);
    for (int k = 0; k < n; ++k) {
      unsigned r = rng() % 10;
      s.push_back(r < 7 ? static_cast<char>('a' + rng() % 26) : static_cast<char>(0x80 + rng() % 128));
    }
    Result<std::string> out = DecodeToUtf8(s, t % 3 == 0 ? "utf-8" : "");
    if (out.ok()) {
      ASSERT_TRUE(IsValidUtf8(*out));
    } else {
      EXPECT_EQ(out.status().code(), StatusCode::kInvalidData);
    }
  }
}

}  // namespace
}  // namespace storyline::ingest
