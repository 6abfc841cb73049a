// Internal: a bounds-checked UTF-8 decoder shared by the text stage.
//
// Callers promise valid UTF-8, but the text stage must never read out of
// bounds or loop forever on bad bytes (see segment_fuzz.cc), so every decode
// goes through DecodeUtf8, which rejects overlong forms, surrogates, code
// points above U+10FFFF and truncated sequences. An ill-formed sequence is
// consumed as its "maximal subpart" (Unicode 15, section 3.9, U+FFFD
// substitution), as ICU's U8_NEXT does, so each becomes one U+FFFD.
#ifndef STORYLINE_TEXT_UTF8_H_
#define STORYLINE_TEXT_UTF8_H_

#include <cstddef>
#include <cstdint>

namespace storyline::text::internal {

inline constexpr int32_t kInvalidCodePoint = -1;

// Decodes the code point at p[0..n) (n >= 1). Returns its length in bytes
// (1..4) and sets *cp; for an ill-formed sequence returns the length of its
// maximal subpart (1..3) and sets *cp to kInvalidCodePoint.
inline int DecodeUtf8(const uint8_t* p, size_t n, int32_t* cp) {
  const uint8_t b0 = p[0];
  if (b0 < 0x80) {
    *cp = b0;
    return 1;
  }
  *cp = kInvalidCodePoint;
  if (b0 < 0xC2) return 1;
  if (b0 < 0xE0) {
    if (n < 2 || (p[1] & 0xC0) != 0x80) return 1;
    *cp = ((b0 & 0x1F) << 6) | (p[1] & 0x3F);
    return 2;
  }
  if (b0 < 0xF0) {
    if (n < 2 || (p[1] & 0xC0) != 0x80) return 1;
    if (b0 == 0xE0 && p[1] < 0xA0) return 1;   // overlong
    if (b0 == 0xED && p[1] >= 0xA0) return 1;  // surrogate
    if (n < 3 || (p[2] & 0xC0) != 0x80) return 2;
    *cp = ((b0 & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    return 3;
  }
  if (b0 < 0xF5) {
    if (n < 2 || (p[1] & 0xC0) != 0x80) return 1;
    if (b0 == 0xF0 && p[1] < 0x90) return 1;   // overlong
    if (b0 == 0xF4 && p[1] >= 0x90) return 1;  // > U+10FFFF
    if (n < 3 || (p[2] & 0xC0) != 0x80) return 2;
    if (n < 4 || (p[3] & 0xC0) != 0x80) return 3;
    *cp = ((b0 & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
    return 4;
  }
  return 1;
}

// Appends the UTF-8 form of a valid code point to buf (room for 4 bytes);
// returns the number of bytes written.
inline int EncodeUtf8(int32_t cp, char* buf) {
  if (cp < 0x80) {
    buf[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    buf[0] = static_cast<char>(0xC0 | (cp >> 6));
    buf[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    buf[0] = static_cast<char>(0xE0 | (cp >> 12));
    buf[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    buf[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  buf[0] = static_cast<char>(0xF0 | (cp >> 18));
  buf[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  buf[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  buf[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

}  // namespace storyline::text::internal

#endif  // STORYLINE_TEXT_UTF8_H_
