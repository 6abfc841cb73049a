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

// Converts `bytes` to valid UTF-8. `charset_hint` (HTTP header, meta charset;
// may be empty) is trusted when it names a known encoding and the bytes
// decode under it; otherwise valid UTF-8 is kept, and other bytes are
// detected (uchardet) and converted (ICU). A BOM is removed. Returns
// InvalidData for binary junk or text that no encoding decodes.
Result<std::string> DecodeToUtf8(std::string_view bytes,
                                 std::string_view charset_hint,
                                 const DecodeOptions& options = {});

// True when `s` is well-formed UTF-8.
bool IsValidUtf8(std::string_view s);

}  // namespace storyline::ingest

#endif  // STORYLINE_INGEST_ENCODING_H_
