// The project's data files (data/**), compiled into the program.
//
// Dictionaries, phrase lists and tables are kept as reviewable text under
// data/ and embedded at build time (cmake/embed_data.cmake), so the binary
// needs no install path. Views returned here live for the whole program.
#ifndef STORYLINE_COMMON_EMBEDDED_DATA_H_
#define STORYLINE_COMMON_EMBEDDED_DATA_H_

#include <string>
#include <string_view>
#include <vector>

#include "storyline/status.h"

namespace storyline::data {

struct EmbeddedFile {
  std::string_view path;     // relative to data/, e.g. "text/abbreviations.txt"
  std::string_view content;
};

const std::vector<EmbeddedFile>& AllFiles();

// The content of data/<path>; NotFound if no such file was embedded.
Result<std::string_view> Get(std::string_view path);

// The non-empty, non-comment ('#') lines of data/<path>, trimmed. Dies with a
// message if the file is missing: embedded data is part of the program.
std::vector<std::string_view> Lines(std::string_view path);

}  // namespace storyline::data

#endif  // STORYLINE_COMMON_EMBEDDED_DATA_H_
