#include "storyline/article.h"

namespace storyline {

std::string_view InputFormatName(InputFormat f) {
  switch (f) {
    case InputFormat::kText: return "text";
    case InputFormat::kHtml: return "html";
    case InputFormat::kJsonl: return "jsonl";
    case InputFormat::kWarc: return "warc";
    case InputFormat::kUnknown: break;
  }
  return "unknown";
}

}  // namespace storyline
