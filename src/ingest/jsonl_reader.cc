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

// Days since 1970-01-01 -> civil date (proleptic Gregorian), after the
// well-known era-based derivation.
void CivilFromDays(int64_t z, int64_t* y, unsigned* m, unsigned* d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = static_cast<int64_t>(yoe) + era * 400 + (*m <= 2);
}

// Epoch seconds (or milliseconds, when too large to be seconds) as ISO 8601
// UTC. Empty when out of a sane range.
std::string EpochToIso(double v) {
  if (!std::isfinite(v)) return "";
  if (std::fabs(v) >= 1e11) v /= 1000.0;  // milliseconds
  if (v < -62135596800.0 || v > 253402300799.0) return "";  // years 1..9999
  int64_t secs = static_cast<int64_t>(std::floor(v));
  int64_t days = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
  int64_t rem = secs - days * 86400;
  int64_t y;
  unsigned m, d;
  CivilFromDays(days, &y, &m, &d);
  char buf[40];
  std::snprintf(buf, sizeof(buf), "%04lld-%02u-%02uT%02d:%02d:%02dZ", static_cast<long long>(y), m,
                d, static_cast<int>(rem / 3600), static_cast<int>(rem / 60 % 60),
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
  using ReaderBase::ReaderBase;

  Result<bool> Next(RawRecord* rec) override {
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

  uint64_t line_no_ = 0;
  simdjson::dom::parser fast_;  // reuses its buffers across lines
  Json doc_;
};

}  // namespace

std::unique_ptr<RecordReader> NewJsonlReader(std::unique_ptr<BufferedInput> in,
                                             std::string name, const ReadOptions& options) {
  return std::make_unique<JsonlReader>(std::move(in), std::move(name), options);
}

}  // namespace storyline::ingest
