// JSON Lines reader: one article per line.
//
// Feeds name the same things differently (news-please's "maintext",
// "date_publish"-style dates, "headline", nested {"source": {"name": ...}}),
// so each field is looked up under a short list of synonyms, first match
// wins. Lines are parsed one at a time: simdjson (a validating parser that
// runs at GB/s) takes the well-formed lines, and nlohmann-json re-parses the
// lines simdjson rejects, to accept what it accepts (integers beyond 64
// bits) and to word the error for the rest. A bad line is reported with its
// number and reading goes on. The line buffer is bounded by max_record_bytes
// (see BufferedInput).
#include <cmath>
#include <cstdio>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>
#include <simdjson.h>

#include "common/calendar.h"
#include "ingest/reader_internal.h"
#include "ingest/sniff.h"

namespace storyline::ingest {
namespace {

using Json = nlohmann::json;

constexpr std::initializer_list<const char*> kIdFields = {"id", "_id", "uuid", "guid"};
constexpr std::initializer_list<const char*> kUrlFields = {"url", "link", "uri"};
constexpr std::initializer_list<const char*> kSourceFields = {
    "source", "outlet", "publisher", "site", "site_name", "domain", "source_name"};
constexpr std::initializer_list<const char*> kDateFields = {
    "date",           "published", "publish_date", "published_at", "pubdate",
    "date_published", "datePublished", "time",     "timestamp",    "created_at"};
constexpr std::initializer_list<const char*> kTitleFields = {"title", "headline"};
constexpr std::initializer_list<const char*> kTextFields = {"text",    "content",  "body",
                                                             "article", "maintext", "text_content"};
constexpr std::initializer_list<const char*> kHtmlFields = {"html", "raw_html", "content_html"};

// Epoch seconds (or milliseconds, when too large to be seconds) as ISO 8601
// UTC. Empty when out of a sane range.
std::string EpochToIso(double v) {
  if (!std::isfinite(v)) return "";
  if (std::fabs(v) >= 1e11) v /= 1000.0;  // milliseconds
  if (v < -62135596800.0 || v > 253402300799.0) return "";  // years 1..9999
  int64_t secs = static_cast<int64_t>(std::floor(v));
  int64_t days = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
  int64_t rem = secs - days * 86400;
  int y, m, d;
  CivilFromDays(days, &y, &m, &d);
  char buf[40];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d,
                static_cast<int>(rem / 3600), static_cast<int>(rem / 60 % 60),
                static_cast<int>(rem % 60));
  return buf;
}

bool IsBlank(std::string_view s) {
  for (char c : s) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\f' && c != '\v') return false;
  }
  return true;
}

std::string NumberToString(double d) {
  if (std::floor(d) == d && std::fabs(d) < 1e15) return std::to_string(static_cast<int64_t>(d));
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.17g", d);
  return buf;
}

// The two document adapters below give Extract() the same view of a parsed
// line: String(key) is a string member (possibly empty), Number(key) a
// numeric member, Nested(key, sub) a string inside an object member.
class SimdjsonDoc {
 public:
  explicit SimdjsonDoc(simdjson::dom::object obj) : obj_(obj) {}
  std::optional<std::string_view> String(const char* key) const {
    simdjson::dom::element v;
    std::string_view s;
    if (obj_.at_key(key).get(v) || v.get_string().get(s)) return std::nullopt;
    return s;
  }
  std::optional<double> Number(const char* key) const {
    simdjson::dom::element v;
    if (obj_.at_key(key).get(v)) return std::nullopt;
    switch (v.type()) {
      case simdjson::dom::element_type::INT64:
        return static_cast<double>(int64_t(v));
      case simdjson::dom::element_type::UINT64:
        return static_cast<double>(uint64_t(v));
      case simdjson::dom::element_type::DOUBLE:
        return double(v);
      default:
        return std::nullopt;
    }
  }
  std::string Integer(const char* key) const {
    simdjson::dom::element v;
    if (obj_.at_key(key).get(v)) return "";
    if (v.type() == simdjson::dom::element_type::INT64) return std::to_string(int64_t(v));
    if (v.type() == simdjson::dom::element_type::UINT64) return std::to_string(uint64_t(v));
    return "";
  }
  std::optional<std::string_view> Nested(const char* key, const char* sub) const {
    simdjson::dom::object inner;
    if (obj_.at_key(key).get(inner)) return std::nullopt;
    std::string_view s;
    if (inner.at_key(sub).get(s)) return std::nullopt;
    return s;
  }

 private:
  simdjson::dom::object obj_;
};

class NlohmannDoc {
 public:
  explicit NlohmannDoc(const Json& obj) : obj_(obj) {}
  std::optional<std::string_view> String(const char* key) const {
    auto it = obj_.find(key);
    if (it == obj_.end() || !it->is_string()) return std::nullopt;
    return std::string_view(it->get_ref<const std::string&>());
  }
  std::optional<double> Number(const char* key) const {
    auto it = obj_.find(key);
    if (it == obj_.end() || !it->is_number()) return std::nullopt;
    return it->get<double>();
  }
  std::string Integer(const char* key) const {
    auto it = obj_.find(key);
    if (it == obj_.end() || !it->is_number_integer()) return "";
    return it->dump();
  }
  std::optional<std::string_view> Nested(const char* key, const char* sub) const {
    auto it = obj_.find(key);
    if (it == obj_.end() || !it->is_object()) return std::nullopt;
    return NlohmannDoc(*it).String(sub);
  }

 private:
  const Json& obj_;
};

// Fills *rec from a parsed JSON object (the same rules for both parsers).
template <typename Doc>
Result<bool> Extract(const Doc& doc, RawRecord* rec) {
  for (const char* f : kIdFields) {
    if (auto s = doc.String(f); s && !s->empty()) {
      rec->external_id = std::string(*s);
    } else if (std::string i = doc.Integer(f); !i.empty()) {
      rec->external_id = std::move(i);
    } else if (auto n = doc.Number(f)) {
      rec->external_id = NumberToString(*n);
    }
    if (!rec->external_id.empty()) break;
  }
  for (const char* f : kUrlFields) {
    if (auto s = doc.String(f); s && !s->empty()) {
      rec->url = std::string(*s);
      break;
    }
  }
  for (const char* f : kSourceFields) {
    std::optional<std::string_view> s = doc.String(f);
    if (!s) s = doc.Nested(f, "name");
    if (!s || s->empty()) s = doc.Nested(f, "title");
    if (s && !s->empty()) {
      rec->outlet = std::string(*s);
      break;
    }
  }
  for (const char* f : kDateFields) {
    if (auto s = doc.String(f); s && !IsBlank(*s)) {
      rec->date = std::string(*s);
    } else if (auto n = doc.Number(f)) {
      rec->date = EpochToIso(*n);
    }
    if (!rec->date.empty()) {
      rec->date_source = std::string("jsonl:") + f;
      break;
    }
  }
  for (const char* f : kTitleFields) {
    if (auto s = doc.String(f); s && !s->empty()) {
      rec->title = std::string(*s);
      break;
    }
  }
  const char* empty_field = nullptr;
  for (bool html : {false, true}) {
    for (const char* f : html ? kHtmlFields : kTextFields) {
      std::optional<std::string_view> s = doc.String(f);
      if (!s) continue;
      if (IsBlank(*s)) {
        if (empty_field == nullptr) empty_field = f;
        continue;
      }
      rec->content.assign(s->data(), s->size());
      rec->is_html = html || LooksLikeHtml(rec->content);
      rec->charset = "utf-8";
      return true;
    }
  }
  if (empty_field != nullptr) {
    return InvalidDataError(rec->Name() + ": empty text (field \"" + empty_field + "\")");
  }
  return InvalidDataError(rec->Name() +
                          ": no text field (looked for text, content, body, article, "
                          "maintext, text_content, html, raw_html, content_html)");
}

class JsonlReader final : public ReaderBase {
 public:

  // doc_mode: the input is a JSON document (an array of article objects, or
  // objects spread over several lines) rather than one object per line.
  JsonlReader(std::unique_ptr<BufferedInput> in, std::string name, const ReadOptions& options,
              bool doc_mode)
      : ReaderBase(std::move(in), std::move(name), options), doc_mode_(doc_mode) {}

  Result<bool> Next(RawRecord* rec) override {
    if (doc_mode_) return NextInDocument(rec);
    while (!done_) {
      std::string_view line;
      uint64_t skipped = 0;
      Result<BufferedInput::LineResult> r = in_->ReadLine(&line, &skipped);
      ++line_no_;
      Begin(rec, InputFormat::kJsonl);
      rec->locator = "line " + std::to_string(line_no_);
      if (!r.ok()) return EndWith(r.status(), *rec);
      switch (*r) {
        case BufferedInput::LineResult::kEnd:
          done_ = true;
          return false;
        case BufferedInput::LineResult::kTooLong:
          return ResourceExhaustedError(rec->Name() + ": line of " + std::to_string(skipped) +
                                        " bytes exceeds max_record_bytes (" +
                                        std::to_string(options_.max_record_bytes) +
                                        "); skipped");
        case BufferedInput::LineResult::kLine:
          break;
      }
      if (IsBlank(line)) continue;
      return ParseLine(line, rec);
    }
    return false;
  }

 private:
  // simdjson first (fast, validating); nlohmann for whatever it rejects,
  // which either parses it (e.g. integers beyond 64 bits) or explains the
  // error in words a user can act on.
  Result<bool> ParseLine(std::string_view line, RawRecord* rec) {
    simdjson::dom::object obj;
    if (!fast_.parse(line.data(), line.size()).get(obj)) return Extract(SimdjsonDoc(obj), rec);
    try {
      doc_ = Json::parse(line);
    } catch (const Json::exception& e) {
      return InvalidDataError(rec->Name() + ": malformed JSON: " + e.what());
    }
    if (!doc_.is_object()) {
      return InvalidDataError(rec->Name() + ": not a JSON object (a " +
                              std::string(doc_.type_name()) + ")");
    }
    try {
      return Extract(NlohmannDoc(doc_), rec);
    } catch (const Json::exception& e) {  // not expected; be safe at the boundary
      return InvalidDataError(rec->Name() + ": unusable JSON record: " + e.what());
    }
  }

  // Document mode. A streaming scanner splits the top level into values,
  // tracking strings, escapes and brace depth across buffer refills, so the
  // document is never held whole: only the current object is, up to
  // max_record_bytes (a larger one is scanned through and reported). Each
  // object then goes through ParseLine like a JSON line. Top-level '[', ']'
  // and ',' are structure; anything else at the top level ends the input
  // with an error, since resynchronising inside unknown JSON is guesswork.
  Result<bool> NextInDocument(RawRecord* rec) {
    constexpr size_t kChunk = 1 << 16;
    while (!done_) {
      Begin(rec, InputFormat::kJsonl);
      Result<std::string_view> chunk = in_->Peek(kChunk);
      if (!chunk.ok()) return EndWith(chunk.status(), *rec);
      if (chunk->empty()) {
        done_ = true;
        if (in_object_) {
          rec->locator = "element " + std::to_string(element_no_) + " (line " + std::to_string(start_line_) + ")";
          return DataLossError(rec->Name() + ": JSON document ends inside this object (truncated?)");
        }
        return false;
      }
      size_t i = 0;
      bool complete = false;
      for (; i < chunk->size() && !complete; ++i) {
        char c = (*chunk)[i];
        if (c == '\n') ++doc_line_;
        if (!in_object_) {
          if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == '[' || c == ']') continue;
          if (c == '{') {
            in_object_ = true;
            depth_ = 0;
            in_string_ = escape_ = too_long_ = false;
            object_.clear();
            ++element_no_;
            start_line_ = doc_line_;
          } else {
            ++i;
            (void)in_->Skip(i);
            rec->locator = "line " + std::to_string(doc_line_);
            return EndWith(InvalidDataError(rec->Name() + ": expected a JSON object or array of objects, found '" +
                                            std::string(1, c) + "'"),
                           *rec);
          }
        }
        if (in_string_) {
          if (escape_) escape_ = false;
          else if (c == '\\') escape_ = true;
          else if (c == '"') in_string_ = false;
        } else if (c == '"') {
          in_string_ = true;
        } else if (c == '{' || c == '[') {
          ++depth_;
        } else if (c == '}' || c == ']') {
          if (--depth_ == 0) complete = true;
        }
        if (!too_long_) {
          if (object_.size() >= options_.max_record_bytes) {
            too_long_ = true;
            object_.clear();
            object_.shrink_to_fit();
          } else {
            object_.push_back(c);
          }
        }
      }
      (void)in_->Skip(i);
      if (!complete) continue;
      in_object_ = false;
      rec->locator = "element " + std::to_string(element_no_) + " (line " + std::to_string(start_line_) + ")";
      if (too_long_) {
        return ResourceExhaustedError(rec->Name() + ": object exceeds max_record_bytes (" +
                                      std::to_string(options_.max_record_bytes) + "); skipped");
      }
      return ParseLine(object_, rec);
    }
    return false;
  }

  bool doc_mode_ = false;
  uint64_t line_no_ = 0;
  simdjson::dom::parser fast_;  // reuses its buffers across lines
  Json doc_;
  // Document mode state.
  std::string object_;
  bool in_object_ = false, in_string_ = false, escape_ = false, too_long_ = false;
  int depth_ = 0;
  uint64_t element_no_ = 0, doc_line_ = 1, start_line_ = 1;
};

// True when the input is a JSON document rather than JSON Lines: it opens
// with '[', or its first object does not close on its first line.
bool IsJsonDocument(std::string_view head) {
  size_t i = 0;
  while (i < head.size() && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) ++i;
  if (i < head.size() && head[i] == '[') return true;
  int depth = 0;
  bool in_string = false, escape = false;
  for (; i < head.size(); ++i) {
    char c = head[i];
    if (in_string) {
      if (escape) escape = false;
      else if (c == '\\') escape = true;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      if (--depth == 0) return false;
    } else if (c == '\n') {
      return depth > 0;
    }
  }
  return false;  // a first line longer than the sniffed head: JSON Lines
}

}  // namespace

std::unique_ptr<RecordReader> NewJsonlReader(std::unique_ptr<BufferedInput> in,
                                             std::string name, const ReadOptions& options) {
  bool doc_mode = false;
  if (Result<std::string_view> head = in->Peek(1 << 16); head.ok()) doc_mode = IsJsonDocument(*head);
  return std::make_unique<JsonlReader>(std::move(in), std::move(name), options, doc_mode);
}

}  // namespace storyline::ingest
