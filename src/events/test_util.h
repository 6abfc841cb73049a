// Test-only helpers of the events stage: hand-made articles and a coder.
#ifndef STORYLINE_EVENTS_TEST_UTIL_H_
#define STORYLINE_EVENTS_TEST_UTIL_H_

#include <memory>
#include <string>
#include <vector>

#include "coder/coder.h"
#include "common/test_paths.h"
#include "storyline/article.h"

namespace storyline::events::testing {

// An article whose body is `sentences` joined by blanks, one paragraph per
// `per_paragraph` sentences (0: one paragraph).
inline Article MakeArticle(const std::string& id, const std::string& title, const std::string& date,
                           const std::vector<std::string>& sentences, size_t per_paragraph = 0) {
  Article a;
  a.external_id = id;
  a.content_hash = "hash-" + id;
  a.title = title;
  a.outlet = "Test Wire";
  a.url = "https://example.org/" + id;
  a.published.value = date;
  a.published.source = "jsonl:date";
  a.published.confidence = 1;
  uint32_t paragraph_begin = 0;
  for (size_t i = 0; i < sentences.size(); ++i) {
    bool new_paragraph = i > 0 && per_paragraph > 0 && i % per_paragraph == 0;
    if (new_paragraph) {
      a.paragraphs.push_back({paragraph_begin, static_cast<uint32_t>(a.body.size())});
      a.body += "\n\n";
      paragraph_begin = static_cast<uint32_t>(a.body.size());
    } else if (i > 0) {
      a.body += " ";
    }
    uint32_t begin = static_cast<uint32_t>(a.body.size());
    a.body += sentences[i];
    a.sentences.push_back({begin, static_cast<uint32_t>(a.body.size())});
  }
  a.paragraphs.push_back({paragraph_begin, static_cast<uint32_t>(a.body.size())});
  return a;
}

// The built-in dictionaries' coder, else one with the Phoenix dictionaries
// of ../shared; null (with *why) when neither loads.
inline std::unique_ptr<coder::Coder> MakeTestCoder(std::string* why) {
  auto dicts = coder::LoadDefault();
  if (!dicts.ok()) {
    std::string shared = storyline::testing::SharedDir();
    if (shared.empty()) {
      *why = "built-in dictionaries failed (" + dicts.status().message() +
             ") and ../shared (Phoenix dictionaries) is absent";
      return nullptr;
    }
    dicts = coder::LoadDirectory(shared + "/data/eventcoding/petrarch");
    if (!dicts.ok()) {
      *why = "no dictionaries: " + dicts.status().message();
      return nullptr;
    }
  }
  auto c = coder::Coder::Create(*dicts, events::ArticleCoderOptions());
  if (!c.ok()) {
    *why = c.status().message();
    return nullptr;
  }
  return std::move(*c);
}

// MakeTestCoder's coder, built once per test binary.
inline const coder::Coder* TestCoder(std::string* why) {
  static std::string reason;
  static const std::unique_ptr<coder::Coder> kCoder = MakeTestCoder(&reason);
  *why = reason;
  return kCoder.get();
}

}  // namespace storyline::events::testing

#endif  // STORYLINE_EVENTS_TEST_UTIL_H_
