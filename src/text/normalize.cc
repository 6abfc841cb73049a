// Paragraph normalisation in one pass over the bytes.
//
// The idea: almost all news text is ASCII with a sprinkling of typographic
// characters (curly quotes, dashes, NBSP), so the pass is a byte loop with a
// 128-entry class table for ASCII and a small switch on the decoded code
// point for everything else. White space is folded lazily: a run only sets
// `pending_space`, and one ' ' is written before the next visible character,
// which also trims both ends for free. NFC (UAX #15) comes last and is usually
// skipped: every code point below U+0300 has NFC_Quick_Check=Yes and
// combining class 0, so text whose surviving characters all lie below U+0300
// (lead byte < 0xCC) is already NFC; otherwise ICU's isNormalizedUTF8 decides
// before normalizeUTF8 is paid for.
#include "text/normalize.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

#include <algorithm>
#include <array>
#include <climits>
#include <cstdint>

#include "text/utf8.h"

namespace storyline::text {
namespace {

using internal::DecodeUtf8;
using internal::EncodeUtf8;
using internal::kInvalidCodePoint;

enum AsciiClass : uint8_t { kCopy = 0, kSpace = 1, kDrop = 2 };

constexpr std::array<uint8_t, 128> MakeAsciiClasses() {
  std::array<uint8_t, 128> t{};
  for (int c = 0; c < 0x20; ++c) t[c] = kDrop;
  t['\t'] = t['\n'] = t['\v'] = t['\f'] = t['\r'] = t[' '] = kSpace;
  t[0x7F] = kDrop;
  return t;
}
constexpr std::array<uint8_t, 128> kAsciiClasses = MakeAsciiClasses();

// What to do with one non-ASCII code point.
enum class Action : uint8_t {
  kCopy,
  kSpace,
  kDrop,
  kJoiner,
  kDoubleQuote,
  kSingleQuote,
  kDash,
  kHyphen
};

inline Action Classify(int32_t cp) {
  if (cp < 0x100) {
    if (cp < 0xA0) return cp == 0x85 ? Action::kSpace : Action::kDrop;  // C1
    switch (cp) {
      case 0xA0:
        return Action::kSpace;
      case 0xAD:
        return Action::kDrop;
      case 0xAB:
      case 0xBB:
        return Action::kDoubleQuote;
      default:
        return Action::kCopy;
    }
  }
  if (cp < 0x2000) {
    switch (cp) {
      case 0x061C:
      case 0x180E:
        return Action::kDrop;
      case 0x1680:
        return Action::kSpace;
      default:
        return Action::kCopy;
    }
  }
  if (cp <= 0x206F) {
    if (cp <= 0x200A) return Action::kSpace;
    switch (cp) {
      case 0x200B:
      case 0x200E:
      case 0x200F:
        return Action::kDrop;
      case 0x200C:
      case 0x200D:
        return Action::kJoiner;
      case 0x2010:
      case 0x2011:
        return Action::kHyphen;
      case 0x2012:
      case 0x2013:
      case 0x2014:
      case 0x2015:
        return Action::kDash;
      case 0x2018:
      case 0x2019:
      case 0x201A:
      case 0x201B:
      case 0x2032:
      case 0x2039:
      case 0x203A:
        return Action::kSingleQuote;
      case 0x201C:
      case 0x201D:
      case 0x201E:
      case 0x201F:
      case 0x2033:
        return Action::kDoubleQuote;
      case 0x2028:
      case 0x2029:
      case 0x202F:
      case 0x205F:
        return Action::kSpace;
      default:
        break;
    }
    if (cp >= 0x202A && cp <= 0x202E) return Action::kDrop;
    if (cp >= 0x2060 && cp <= 0x206F && cp != 0x2065) return Action::kDrop;
    return Action::kCopy;
  }
  switch (cp) {
    case 0x2212:
      return Action::kDash;
    case 0x3000:
      return Action::kSpace;
    case 0xFEFF:
    case 0xFFF9:
    case 0xFFFA:
    case 0xFFFB:
      return Action::kDrop;
    default:
      return Action::kCopy;
  }
}

const icu::Normalizer2* Nfc() {
  static const icu::Normalizer2* nfc = [] {
    UErrorCode ec = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(ec);
    return U_SUCCESS(ec) ? n : nullptr;
  }();
  return nfc;
}

}  // namespace

void NormalizeParagraphInto(std::string_view utf8, const NormalizeOptions& options,
                            std::string* out) {
  const auto* p = reinterpret_cast<const uint8_t*>(utf8.data());
  const size_t n = utf8.size();
  // Valid input never grows in this pass (every replacement is no longer
  // than what it replaces); only U+FFFD for a bad byte does (1 -> 3 bytes).
  out->resize(n + 8);
  char* buf = out->data();
  size_t cap = out->size();
  size_t o = 0;
  bool pending_space = false;
  bool maybe_not_nfc = false;

  auto emit_ascii = [&](char c) {
    if (pending_space) {
      buf[o++] = ' ';
      pending_space = false;
    }
    buf[o++] = c;
  };

  size_t i = 0;
  while (i < n) {
    const uint8_t b = p[i];
    if (b < 0x80) {
      const uint8_t cls = kAsciiClasses[b];
      if (cls == kCopy) {
        emit_ascii(static_cast<char>(b));
        ++i;
        // The common case: a run of printable ASCII, copied without checks.
        while (i < n && p[i] < 0x80 && kAsciiClasses[p[i]] == kCopy)
          buf[o++] = static_cast<char>(p[i++]);
        continue;
      }
      if (cls == kSpace) {
        pending_space = o > 0;
      }
      ++i;
      continue;
    }
    int32_t cp;
    const int len = DecodeUtf8(p + i, n - i, &cp);
    if (cp == kInvalidCodePoint) {
      if (o + (n - i) + 12 > cap) {
        out->resize(std::max(cap * 2, o + (n - i) + 16));
        buf = out->data();
        cap = out->size();
      }
      if (pending_space) {
        buf[o++] = ' ';
        pending_space = false;
      }
      o += EncodeUtf8(0xFFFD, buf + o);
      maybe_not_nfc = true;  // U+FFFD is NFC, but keep the rule simple
      i += len;
      continue;
    }
    const Action action = Classify(cp);
    switch (action) {
      case Action::kSpace:
        pending_space = o > 0;
        break;
      case Action::kDrop:
        break;
      case Action::kJoiner: {
        const bool prev_non_ascii =
            o > 0 && !pending_space && static_cast<uint8_t>(buf[o - 1]) >= 0x80;
        const size_t next = i + len;
        const bool next_non_ascii = next < n && p[next] >= 0x80;
        if (prev_non_ascii && next_non_ascii) {
          for (int k = 0; k < len; ++k) buf[o++] = static_cast<char>(p[i + k]);
        }
        break;
      }
      case Action::kDoubleQuote:
      case Action::kSingleQuote:
      case Action::kDash:
      case Action::kCopy: {
        if (action == Action::kDoubleQuote && options.ascii_quotes) {
          emit_ascii('"');
          break;
        }
        if (action == Action::kSingleQuote && options.ascii_quotes) {
          emit_ascii('\'');
          break;
        }
        if (action == Action::kDash && options.fold_dashes) {
          emit_ascii('-');
          break;
        }
        if (pending_space) {
          buf[o++] = ' ';
          pending_space = false;
        }
        for (int k = 0; k < len; ++k) buf[o++] = static_cast<char>(p[i + k]);
        if (cp >= 0x300) maybe_not_nfc = true;
        break;
      }
      case Action::kHyphen:
        emit_ascii('-');
        break;
    }
    i += len;
  }
  out->resize(o);

  if (!options.nfc || !maybe_not_nfc) return;
  const icu::Normalizer2* nfc = Nfc();
  if (nfc == nullptr) return;
  UErrorCode ec = U_ZERO_ERROR;
  const icu::StringPiece piece(out->data(), static_cast<int32_t>(out->size()));
  if (out->size() > INT32_MAX || nfc->isNormalizedUTF8(piece, ec) || U_FAILURE(ec)) return;
  std::string composed;
  composed.reserve(out->size() + 16);
  icu::StringByteSink<std::string> sink(&composed);
  ec = U_ZERO_ERROR;
  nfc->normalizeUTF8(0, piece, sink, nullptr, ec);
  if (U_SUCCESS(ec)) out->swap(composed);
}

std::string NormalizeParagraph(std::string_view utf8, const NormalizeOptions& options) {
  std::string out;
  NormalizeParagraphInto(utf8, options, &out);
  return out;
}

}  // namespace storyline::text
