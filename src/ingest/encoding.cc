// Decoding input bytes to UTF-8.
//
// Almost all news text today is UTF-8, so the common case is a validator
// that skips ASCII eight bytes at a time and checks multi-byte sequences
// against the well-formedness table of Unicode 15 §3.9 (D92); valid input is
// returned as is. Everything else is rarer and may be slower: a byte-order
// mark selects UTF-16/32; otherwise a charset hint that ICU knows is tried
// with a converter that stops at the first illegal byte, UTF-8 with a few
// broken sequences is repaired with U+FFFD (one per maximal ill-formed
// subpart, the practice recommended in §3.9 and by WHATWG), and text with no
// UTF-8 at all is identified by uchardet and converted by ICU, with
// windows-1252 as the last resort (the WHATWG default for Western pages).
// Labels "iso-8859-1", "latin1" and "us-ascii" mean windows-1252, as they do
// in browsers, so curly quotes in mislabelled pages come out right.
#include "ingest/encoding.h"

#include <unicode/ucnv.h>
#include <unicode/ustring.h>
#include <uchardet/uchardet.h>

#include <climits>
#include <cstring>
#include <memory>
#include <string>

#include "ingest/sniff.h"

namespace storyline::ingest {
namespace {

// Length of the UTF-8 sequence at p. *ok is false when it is ill-formed; the
// length is then that of its maximal ill-formed subpart (at least 1).
inline size_t Utf8Step(const unsigned char* p, const unsigned char* end, bool* ok) {
  const unsigned char c = p[0];
  if (c < 0x80) {
    *ok = true;
    return 1;
  }
  int need;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    need = 1;
  } else if (c == 0xE0) {
    need = 2, lo = 0xA0;
  } else if (c == 0xED) {
    need = 2, hi = 0x9F;
  } else if (c >= 0xE1 && c <= 0xEF) {
    need = 2;
  } else if (c == 0xF0) {
    need = 3, lo = 0x90;
  } else if (c == 0xF4) {
    need = 3, hi = 0x8F;
  } else if (c >= 0xF1 && c <= 0xF3) {
    need = 3;
  } else {
    *ok = false;
    return 1;
  }
  for (int i = 1; i <= need; ++i) {
    if (p + i >= end) {
      *ok = false;
      return static_cast<size_t>(i);
    }
    const unsigned char b = p[i];
    if (b < (i == 1 ? lo : 0x80) || b > (i == 1 ? hi : 0xBF)) {
      *ok = false;
      return static_cast<size_t>(i);
    }
  }
  *ok = true;
  return static_cast<size_t>(need) + 1;
}

// Advances p over ASCII, eight bytes at a time.
inline const unsigned char* SkipAscii(const unsigned char* p, const unsigned char* end) {
  while (end - p >= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    if (w & 0x8080808080808080ull) break;
    p += 8;
  }
  while (p < end && *p < 0x80) ++p;
  return p;
}

struct Utf8Stats {
  size_t chars = 0;      // code points plus ill-formed subparts
  size_t multibyte = 0;  // well-formed multi-byte sequences
  size_t invalid = 0;    // ill-formed subparts
};

Utf8Stats ScanUtf8(std::string_view s) {
  Utf8Stats st;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  while (p < end) {
    const unsigned char* q = SkipAscii(p, end);
    st.chars += static_cast<size_t>(q - p);
    p = q;
    if (p == end) break;
    bool ok;
    p += Utf8Step(p, end, &ok);
    ++st.chars;
    (ok ? st.multibyte : st.invalid)++;
  }
  return st;
}

std::string RepairUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 16);
  const auto* begin = reinterpret_cast<const unsigned char*>(s.data());
  const auto* p = begin;
  const auto* end = p + s.size();
  while (p < end) {
    const unsigned char* q = SkipAscii(p, end);
    const unsigned char* run = p;
    p = q;
    while (p < end) {
      bool ok;
      size_t n = Utf8Step(p, end, &ok);
      if (!ok) break;
      p += n;
      p = SkipAscii(p, end);
    }
    out.append(reinterpret_cast<const char*>(run), static_cast<size_t>(p - run));
    if (p < end) {
      bool ok;
      p += Utf8Step(p, end, &ok);
      out.append("\xEF\xBF\xBD");
    }
  }
  return out;
}

std::string NormalizeLabel(std::string_view label) {
  std::string out;
  for (char c : label) {
    if (c == '"' || c == '\'' || c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    out.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c);
  }
  if (out == "iso-8859-1" || out == "iso8859-1" || out == "iso_8859-1" || out == "latin1" ||
      out == "latin-1" || out == "l1" || out == "cp819" || out == "us-ascii" || out == "ascii" ||
      out == "ansi_x3.4-1968" || out == "cp1252" || out == "x-cp1252") {
    return "windows-1252";
  }
  if (out == "utf8") return "utf-8";
  return out;
}

bool IsUtf8Label(std::string_view l) { return l == "utf-8"; }
bool IsUtf16Or32Label(std::string_view l) {
  return l.starts_with("utf-16") || l.starts_with("utf-32") || l == "ucs-2" || l == "unicode";
}

// Converts `bytes` from `charset` with ICU. With `strict`, any illegal or
// unmapped byte sequence fails the conversion; otherwise it becomes U+FFFD.
Result<std::string> IcuToUtf8(std::string_view bytes, const char* charset, bool strict) {
  if (bytes.size() > static_cast<size_t>(INT32_MAX / 2)) {
    return ResourceExhaustedError("text too large to convert");
  }
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> conv(ucnv_open(charset, &err), ucnv_close);
  if (U_FAILURE(err) || conv == nullptr) {
    return InvalidArgumentError(std::string("unknown charset '") + charset + "'");
  }
  if (strict) {
    ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  }
  std::u16string u(bytes.size() * 2 + 16, u'\0');
  int32_t n = ucnv_toUChars(conv.get(), reinterpret_cast<UChar*>(u.data()),
                            static_cast<int32_t>(u.size()), bytes.data(),
                            static_cast<int32_t>(bytes.size()), &err);
  if (err == U_BUFFER_OVERFLOW_ERROR) {
    err = U_ZERO_ERROR;
    u.assign(static_cast<size_t>(n) + 1, u'\0');
    ucnv_resetToUnicode(conv.get());
    n = ucnv_toUChars(conv.get(), reinterpret_cast<UChar*>(u.data()),
                      static_cast<int32_t>(u.size()), bytes.data(),
                      static_cast<int32_t>(bytes.size()), &err);
  }
  if (U_FAILURE(err)) {
    return InvalidDataError(std::string("bytes do not decode as ") + charset + " (" +
                            u_errorName(err) + ")");
  }
  std::string out;
  int32_t len = 0;
  err = U_ZERO_ERROR;
  u_strToUTF8WithSub(nullptr, 0, &len, reinterpret_cast<const UChar*>(u.data()), n, 0xFFFD,
                     nullptr, &err);
  err = U_ZERO_ERROR;
  out.resize(static_cast<size_t>(len));
  u_strToUTF8WithSub(out.data(), len, &len, reinterpret_cast<const UChar*>(u.data()), n, 0xFFFD,
                     nullptr, &err);
  if (U_FAILURE(err)) return InternalError(std::string("UTF-16 to UTF-8 failed: ") + u_errorName(err));
  return out;
}

// uchardet's guess ("WINDOWS-1252", "SHIFT_JIS", ...), or "" when it has none.
std::string DetectCharset(std::string_view bytes) {
  struct Deleter {
    void operator()(uchardet_t u) const { uchardet_delete(u); }
  };
  thread_local std::unique_ptr<std::remove_pointer_t<uchardet_t>, Deleter> det(uchardet_new());
  if (det == nullptr) return "";
  uchardet_reset(det.get());
  constexpr size_t kMaxSample = 256 << 10;
  std::string_view sample = bytes.substr(0, kMaxSample);
  if (uchardet_handle_data(det.get(), sample.data(), sample.size()) != 0) return "";
  uchardet_data_end(det.get());
  const char* name = uchardet_get_charset(det.get());
  return name != nullptr ? name : "";
}

// UTF-16 without a BOM: one byte of each pair is mostly zero in Latin text.
const char* GuessBomlessUtf16(std::string_view bytes) {
  std::string_view s = bytes.substr(0, 4096);
  if (s.size() < 8) return nullptr;
  size_t zero_even = 0, zero_odd = 0;
  for (size_t i = 0; i + 1 < s.size(); i += 2) {
    zero_even += s[i] == 0;
    zero_odd += s[i + 1] == 0;
  }
  size_t pairs = s.size() / 2;
  if (zero_odd * 10 > pairs * 6 && zero_even * 20 < pairs) return "UTF-16LE";
  if (zero_even * 10 > pairs * 6 && zero_odd * 20 < pairs) return "UTF-16BE";
  return nullptr;
}

Status BinaryError(double share) {
  return InvalidDataError("binary data, not text (" + std::to_string(static_cast<int>(share * 100)) +
                          "% control bytes)");
}

}  // namespace

bool IsValidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  while (true) {
    p = SkipAscii(p, end);
    if (p == end) return true;
    bool ok;
    p += Utf8Step(p, end, &ok);
    if (!ok) return false;
  }
}

Result<std::string> DecodeToUtf8(std::string_view bytes, std::string_view charset_hint,
                                 const DecodeOptions& options) {
  std::string hint = NormalizeLabel(charset_hint);
  Bom bom = DetectBom(bytes);
  if (bom.length > 0) {
    bytes.remove_prefix(bom.length);
    if (bom.charset == "UTF-8") {
      hint = "utf-8";
    } else {
      std::string charset(bom.charset);
      Result<std::string> out = IcuToUtf8(bytes, charset.c_str(), /*strict=*/false);
      if (!out.ok()) return out;
      double share = ControlShare(*out);
      if (share > options.max_control_share) return BinaryError(share);
      return out;
    }
  }
  if (bytes.empty()) return std::string();

  if (IsUtf16Or32Label(hint)) {
    Result<std::string> out = IcuToUtf8(bytes, hint.c_str(), /*strict=*/true);
    if (out.ok() && ControlShare(*out) <= options.max_control_share) return out;
  }
  double control = ControlShare(bytes);
  if (IsValidUtf8(bytes)) {
    if (control > options.max_control_share) {
      if (const char* utf16 = GuessBomlessUtf16(bytes)) {
        Result<std::string> out = IcuToUtf8(bytes, utf16, /*strict=*/true);
        if (out.ok() && ControlShare(*out) <= options.max_control_share) return out;
      }
      return BinaryError(control);
    }
    return std::string(bytes);
  }
  if (control > options.max_control_share) return BinaryError(control);

  if (!hint.empty() && !IsUtf8Label(hint)) {
    Result<std::string> out = IcuToUtf8(bytes, hint.c_str(), /*strict=*/true);
    if (out.ok()) return out;
  }
  Utf8Stats st = ScanUtf8(bytes);
  const double invalid_share =
      st.chars == 0 ? 0.0 : static_cast<double>(st.invalid) / static_cast<double>(st.chars);
  const bool repairable = invalid_share <= options.max_invalid_share;
  if (repairable && (st.multibyte > 0 || IsUtf8Label(hint))) return RepairUtf8(bytes);

  std::string detected = NormalizeLabel(DetectCharset(bytes));
  if (!detected.empty() && !IsUtf8Label(detected)) {
    Result<std::string> out = IcuToUtf8(bytes, detected.c_str(), /*strict=*/true);
    if (out.ok()) return out;
  }
  if (st.multibyte == 0 || !repairable) {
    Result<std::string> out = IcuToUtf8(bytes, "windows-1252", /*strict=*/true);
    if (out.ok()) return out;
  }
  if (repairable) return RepairUtf8(bytes);
  return InvalidDataError(
      "undecodable text: " + std::to_string(st.invalid) + " ill-formed UTF-8 sequences (" +
      std::to_string(static_cast<int>(invalid_share * 1000) / 10.0).substr(0, 4) +
      "% of characters), and neither the charset hint ('" + std::string(charset_hint) +
      "') nor the detected encoding ('" + detected + "') decodes it");
}

}  // namespace storyline::ingest
