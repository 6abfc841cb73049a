// Encoding detection and conversion to UTF-8.
#ifndef STORYLINE_INGEST_ENCODING_H_
#define STORYLINE_INGEST_ENCODING_H_

#include <string>
#include <string_view>

#include "storyline/status.h"

namespace storyline::ingest {

struct DecodeOptions {
  // Share of replacement characters above which UTF-8-with-errors input is
  // treated as undecodable rather than repaired.
  double max_invalid_share = 0.01;
  // Share of NUL / C0 control bytes above which input is binary junk.
  double max_control_share = 0.02;
};

// Converts `bytes` to valid UTF-8, in this order:
//   1. a BOM (UTF-8/16/32) decides the encoding and is removed;
//   2. a UTF-16/32 `charset_hint` is tried first;
//   3. valid UTF-8 is returned unchanged (even when the hint names another
//      charset: mislabelled pages are common, while legacy text that happens
//      to be valid UTF-8 is rare);
//   4. a `charset_hint` (HTTP header, meta charset; may be empty) that ICU
//      knows is used when the bytes decode under it without error;
//   5. UTF-8 with a few ill-formed sequences (share <= max_invalid_share) is
//      repaired with U+FFFD;
//   6. otherwise the encoding is detected (uchardet) and converted (ICU),
//      windows-1252 being the fallback for text with no UTF-8 in it.
// "iso-8859-1", "latin1" and "us-ascii" are read as windows-1252, as
// browsers do. Returns InvalidData for binary junk (more than
// max_control_share control bytes: "binary data, not text") or text that
// no encoding decodes. Thread-safe.
Result<std::string> DecodeToUtf8(std::string_view bytes,
                                 std::string_view charset_hint,
                                 const DecodeOptions& options = {});

// True when `s` is well-formed UTF-8.
bool IsValidUtf8(std::string_view s);

}  // namespace storyline::ingest

#endif  // STORYLINE_INGEST_ENCODING_H_
