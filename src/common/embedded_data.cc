#include "common/embedded_data.h"

#include <cstdio>
#include <cstdlib>

namespace storyline::data {

Result<std::string_view> Get(std::string_view path) {
  for (const EmbeddedFile& f : AllFiles()) {
    if (f.path == path) return f.content;
  }
  return NotFoundError("no embedded data file data/" + std::string(path));
}

std::vector<std::string_view> Lines(std::string_view path) {
  Result<std::string_view> content = Get(path);
  if (!content.ok()) {
    std::fprintf(stderr, "storyline: %s\n", content.status().ToString().c_str());
    std::abort();
  }
  std::vector<std::string_view> out;
  std::string_view rest = *content;
  while (!rest.empty()) {
    size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (line.empty() || line.front() == '#') continue;
    out.push_back(line);
  }
  return out;
}

}  // namespace storyline::data
