// Main-content extraction from HTML pages.
//
// Parses the page (this folder: a fast streaming tokenizer and a lightweight
// tree; gumbo is the slow reference twin), scores blocks by text density,
// link density, tag and class/id evidence, and keeps the article body as
// paragraphs. Page metadata (title, site name, canonical URL, language,
// author, publication dates from <meta>, JSON-LD and <time>) is read on the
// same pass.
//
// Thread-safety: ExtractHtml is thread-safe.
#ifndef STORYLINE_HTML_EXTRACT_H_
#define STORYLINE_HTML_EXTRACT_H_

#include <string>
#include <string_view>
#include <vector>

#include "storyline/article.h"
#include "storyline/status.h"

namespace storyline::html {

enum class HtmlParser { kFast, kGumbo };

struct HtmlExtractOptions {
  HtmlParser parser = HtmlParser::kFast;  // kGumbo: slower reference parser
  size_t min_paragraph_chars = 0;         // drop shorter body paragraphs (0: keep)
};

struct ExtractedPage {
  std::string title;                    // headline (og:title / h1 / <title>, site suffix removed)
  std::vector<std::string> paragraphs;  // body text blocks in order, entities decoded,
                                        // inner white space collapsed, not yet NFC
  std::string site_name;                // og:site_name, JSON-LD publisher
  std::string canonical_url;            // <link rel=canonical> / og:url
  std::string language;                 // <html lang>
  std::string author;                   // meta author / JSON-LD author
  std::vector<DatedValue> dates;        // publication date candidates, best first;
                                        // value is the raw string, source "html:..."
  std::string charset;                  // <meta charset> if declared
};

// `html` must be valid UTF-8 (decode first: text/encoding.h).
Result<ExtractedPage> ExtractHtml(std::string_view html, const HtmlExtractOptions& options = {});

// Reads only a declared charset from the first bytes of a page (<meta
// charset>, http-equiv), for decoding before extraction. "" if none.
std::string SniffHtmlCharset(std::string_view raw_bytes);

}  // namespace storyline::html

#endif  // STORYLINE_HTML_EXTRACT_H_
