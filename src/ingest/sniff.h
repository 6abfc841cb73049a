// Content sniffing shared by the readers and the decoder. Internal to
// src/ingest. All functions look at a bounded prefix and are cheap.
#ifndef STORYLINE_INGEST_SNIFF_H_
#define STORYLINE_INGEST_SNIFF_H_

#include <string_view>

#include "storyline/article.h"

namespace storyline::ingest {

// How many leading bytes format detection looks at.
inline constexpr size_t kSniffBytes = 4096;

// True when the start of `text` contains HTML markup (<!doctype html, <html,
// <head, <body, or a few common block tags when the text opens with '<').
bool LooksLikeHtml(std::string_view text);

// Container format from the first decompressed bytes and the file name
// (whose .gz/.zst/.zstd suffix is ignored). Never returns kUnknown.
InputFormat DetectFormat(std::string_view head, std::string_view path);

// `path` without directories and without its compression and format
// extensions: "/a/000_b7c1.txt.gz" -> "000_b7c1".
std::string_view FileStem(std::string_view path);

// Share of NUL and C0 control bytes (other than tab, newline, carriage
// return, form feed, vertical tab and escape) in `bytes`.
double ControlShare(std::string_view bytes);

// Byte-order mark at the start of `bytes`: the ICU converter name and the
// BOM length, or {"", 0}.
struct Bom {
  std::string_view charset;
  size_t length = 0;
};
Bom DetectBom(std::string_view bytes);

}  // namespace storyline::ingest

#endif  // STORYLINE_INGEST_SNIFF_H_
