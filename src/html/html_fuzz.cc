// libFuzzer target: ExtractHtml (fast and gumbo parsers) and SniffHtmlCharset
// on arbitrary bytes must never crash, hang or read out of bounds.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "html/extract.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view html(reinterpret_cast<const char*>(data), size);
  storyline::html::HtmlExtractOptions options;
  auto page = storyline::html::ExtractHtml(html, options);
  (void)page;
  (void)storyline::html::SniffHtmlCharset(html);
  if (size < 4096) {  // gumbo is slow; keep the twin on small inputs
    options.parser = storyline::html::HtmlParser::kGumbo;
    auto twin = storyline::html::ExtractHtml(html, options);
    (void)twin;
  }
  return 0;
}
