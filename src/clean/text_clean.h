// Boilerplate removal from text pages (crawler-saved text, or paragraphs that
// came out of HTML extraction).
//
// Line classifiers remove share/follow/comment lines, "read this in another
// language" links, navigation and accessibility lines, repeated lines (photo
// captions printed twice), picture placeholders and outlet footers; credit
// lines ("Source: Agencies", "With reporting by Reuters, AFP") are kept as
// metadata, and so are photo captions and date stamp lines. Phrase lists live
// in data/clean/*.txt. Every non-empty input line ends up in exactly one of
// title, paragraphs, credits, captions (a repeated caption once, its copies
// in removed), stamps or removed.
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
  // Remove such short lines at the top and bottom at all. Off for paragraphs
  // that come from HTML extraction, which has already chosen the content.
  bool trim_short_lines = true;
  // Date stamp lines are looked for among the first this many lines; a date
  // line further down is content (an event's dates, opening hours).
  int stamp_search_lines = 8;
  // A line repeated away from its first copy is removed only from this many
  // words up (a repeated paragraph); shorter repeats are lists and refrains.
  int min_repeated_paragraph_words = 8;
  int max_title_words = 25;       // longer lines are never the title
  int title_search_lines = 8;     // the title is among the first this many kept lines
  int max_language_link_words = 7;   // longer foreign-script lines stay (quotes, verses)
  int max_caption_words = 40;     // longer lines are never captions
  int max_credit_words = 25;      // longer lines are never credits
  // After a credit line this close to the end (in kept lines), the lines
  // that follow it are an outlet footer.
  int footer_after_credit_lines = 3;
};

struct RemovedLine {
  std::string text;
  // "share", "follow", "comment", "navigation", "promotion", "language-link",
  // "image", "symbols", "blank", "duplicate", "footer".
  std::string reason;
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
