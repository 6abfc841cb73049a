// Small text helpers shared by the dictionary and validation readers.
#ifndef STORYLINE_CODING_TEXT_UTIL_H_
#define STORYLINE_CODING_TEXT_UTIL_H_

#include <string_view>

namespace storyline::coding {

inline bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

inline std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace storyline::coding

#endif  // STORYLINE_CODING_TEXT_UTIL_H_
