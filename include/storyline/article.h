// Article: the unit every stage reads and the store keeps.
//
// An Article is built once by the ingest pipeline (pipeline.h) from one input
// record and is immutable afterwards. All text is UTF-8, NFC-normalised.
// Offsets (Span) are UTF-8 byte offsets into Article::body, half-open.
#ifndef STORYLINE_ARTICLE_H_
#define STORYLINE_ARTICLE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace storyline {

// Half-open byte range [begin, end) into a text.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  std::string_view In(std::string_view text) const {
    return text.substr(begin, end - begin);
  }
  friend bool operator==(const Span&, const Span&) = default;
};

// The container format a record was read from.
enum class InputFormat { kUnknown, kText, kHtml, kJsonl, kWarc };
std::string_view InputFormatName(InputFormat f);

// A publication date with its provenance. `value` is ISO 8601, possibly
// partial, with X for unknown digits in the TIMEX3 style:
//   "2013-10-30T09:42", "2013-10-30", "XXXX-05-28" (year not stated), "" (none).
// Sources, most to least trusted:
//   "jsonl:<field>", "warc:WARC-Date", "html:meta:<name>", "html:json-ld",
//   "html:time", "text:stamp", "text:dateline".
struct DatedValue {
  std::string value;
  std::string source;
  float confidence = 0;  // 0..1
  bool empty() const { return value.empty(); }
};

struct Article {
  // --- identity and provenance
  std::string content_hash;  // hex XXH3-128 of the normalised title + body
  std::string external_id;   // id given by the input (JSONL id, file stem)
  std::string input;         // path the record came from ("-" for stdin)
  std::string record;        // locator inside the input ("line 12", ...)
  InputFormat format = InputFormat::kUnknown;

  // --- metadata
  std::string url;
  std::string outlet;          // publisher / source name
  std::string title;
  std::string language;        // BCP 47 if known ("en"), else ""
  std::string author;          // byline if found
  DatedValue published;        // never invented: empty when no evidence
  std::string dateline_place;  // "PARIS" from "PARIS, May 28 (RIA Novosti) –"
  std::vector<std::string> credits;   // "Source: Agencies", "With reporting by Reuters"
  std::vector<std::string> captions;  // photo captions removed from the body

  // --- text layer
  std::string body;               // cleaned text; paragraphs separated by "\n\n"
  std::vector<Span> paragraphs;   // into body
  std::vector<Span> sentences;    // into body, in order, inside paragraphs
};

}  // namespace storyline

#endif  // STORYLINE_ARTICLE_H_
