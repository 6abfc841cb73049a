// Boilerplate removal from text pages (crawler-saved text, or paragraphs that
// came out of HTML extraction).
//
// Line classifiers remove share/follow/comment lines, "read this in another
// language" links, navigation and accessibility lines, repeated lines (photo
// captions printed twice), picture placeholders and outlet footers; credit
// lines ("Source: Agencies", "With reporting by Reuters, AFP") are kept as
// metadata. Phrase lists live in data/clean/*.txt.
//
// Thread-safety: thread-safe.
#ifndef STORYLINE_CLEAN_TEXT_CLEAN_H_
#define STORYLINE_CLEAN_TEXT_CLEAN_H_

#include <string>
#include <string_view>
#include <vector>

namespace storyline::clean {

struct TextCleanOptions {
  bool find_title = true;  // first headline-like line becomes the title
  // Lines of at most this many words without sentence punctuation near the
  // top or bottom of the page are navigation candidates.
  int max_nav_words = 4;
};

struct RemovedLine {
  std::string text;
  std::string reason;  // "share", "language-link", "caption", "navigation", ...
};

struct CleanedText {
  std::string title;                    // "" when none found or find_title off
  std::vector<std::string> paragraphs;  // body paragraphs, in order
  std::vector<std::string> credits;     // credit lines kept as metadata
  std::vector<std::string> captions;    // photo captions removed from the body
  std::vector<std::string> stamps;      // date/time stamp lines removed ("October 30, 2013, 9:42 am")
  std::vector<RemovedLine> removed;     // everything else removed, with why
};

// `text` is valid UTF-8 (already NFC-normalised or not). Paragraphs are
// separated by blank lines or single newlines; both are handled.
CleanedText CleanTextPage(std::string_view text, const TextCleanOptions& options = {});

}  // namespace storyline::clean

#endif  // STORYLINE_CLEAN_TEXT_CLEAN_H_
