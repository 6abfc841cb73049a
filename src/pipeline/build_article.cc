// BuildArticle: one raw record in, one clean Article out.
//
// The order matters: bytes are decoded before anything looks at them; HTML
// goes through main-content extraction, and both HTML paragraphs and saved
// text pages then go through the same line-level boilerplate cleaner, so a
// "Share this" line is removed whichever way it arrived. Normalisation (NFC,
// quotes, white space) comes after cleaning, because the cleaner's phrase
// lists match the raw forms too, and before segmentation, because sentence
// offsets must point into the final body.
//
// Publication dates are chosen from evidence only, in order of trust:
// container metadata (JSONL field, WARC-Date), HTML metadata, a date stamp
// line, the dateline. A dateline without a year yields a partial date
// ("XXXX-05-28"); no evidence yields no date. The clock is never consulted.
#include <xxhash.h>

#include <algorithm>
#include <cstdio>

#include "clean/text_clean.h"
#include "html/extract.h"
#include "ingest/encoding.h"
#include "meta/date_parse.h"
#include "meta/text_dates.h"
#include "storyline/pipeline.h"
#include "text/normalize.h"
#include "text/segment.h"

namespace storyline {
namespace {

struct DateCandidate {
  meta::PartialDateTime date;
  std::string source;
  float confidence;
};

std::string HashHex(std::string_view title, std::string_view body) {
  XXH3_state_t* state = XXH3_createState();
  XXH3_128bits_reset(state);
  XXH3_128bits_update(state, title.data(), title.size());
  XXH3_128bits_update(state, "\n", 1);
  XXH3_128bits_update(state, body.data(), body.size());
  XXH128_hash_t h = XXH3_128bits_digest(state);
  XXH3_freeState(state);
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return buf;
}

// Case- and space-insensitive equality, for matching a given title against
// the first line of a text.
bool SameText(std::string_view a, std::string_view b) {
  size_t i = 0, j = 0;
  auto skip = [](std::string_view s, size_t& k) {
    while (k < s.size() && (s[k] == ' ' || s[k] == '\t')) ++k;
  };
  for (;;) {
    skip(a, i);
    skip(b, j);
    if (i == a.size() || j == b.size()) return i == a.size() && j == b.size();
    char x = a[i], y = b[j];
    if (x >= 'A' && x <= 'Z') x += 32;
    if (y >= 'A' && y <= 'Z') y += 32;
    if (x != y) return false;
    ++i;
    ++j;
  }
}

void AddCandidate(std::vector<DateCandidate>* out, std::string_view raw, std::string source,
                  float confidence) {
  if (raw.empty()) return;
  meta::DateParseOptions opts;
  opts.whole_string = false;
  std::optional<meta::PartialDateTime> d = meta::ParseDate(raw, opts);
  if (!d || !d->has_date()) return;
  out->push_back({*d, std::move(source), confidence});
}

// The best candidate: complete dates beat partial ones, then confidence,
// then order of discovery.
DatedValue ChooseDate(const std::vector<DateCandidate>& cands) {
  const DateCandidate* best = nullptr;
  for (const DateCandidate& c : cands) {
    if (best == nullptr) {
      best = &c;
      continue;
    }
    bool c_full = c.date.year != 0, b_full = best->date.year != 0;
    if (c_full != b_full) {
      if (c_full) best = &c;
      continue;
    }
    if (c.confidence > best->confidence) best = &c;
  }
  if (best == nullptr) return {};
  float conf = best->confidence;
  if (best->date.year == 0) conf = std::min(conf, 0.5f);
  return DatedValue{best->date.ToIso(), best->source, conf};
}

// "review.example.com" from "https://www.review.example.com/a/b": the outlet
// of last resort when neither the container nor the page names one.
std::string HostOf(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return "";
  url.remove_prefix(scheme + 3);
  url = url.substr(0, url.find_first_of("/?#:"));
  if (url.substr(0, 4) == "www.") url.remove_prefix(4);
  return std::string(url);
}

// Feeds write "unknown" or "n/a" where they have no value; that is no value.
bool IsPlaceholder(std::string_view v) {
  std::string lower;
  for (char c : v) lower.push_back((c >= 'A' && c <= 'Z') ? c + 32 : c);
  return lower == "unknown" || lower == "n/a" || lower == "na" || lower == "none" ||
         lower == "null" || lower == "-" || lower == "?";
}

std::string JoinParagraphs(const std::vector<std::string>& paragraphs) {
  std::string out;
  size_t n = 0;
  for (const auto& p : paragraphs) n += p.size() + 2;
  out.reserve(n);
  for (const auto& p : paragraphs) {
    if (!out.empty()) out += "\n\n";
    out += p;
  }
  return out;
}

}  // namespace

Result<Article> BuildArticle(const ingest::RawRecord& rec, const PipelineOptions& options) {
  Article a;
  a.external_id = rec.external_id;
  a.outlet = IsPlaceholder(rec.outlet) ? std::string() : rec.outlet;
  a.input = rec.input;
  a.record = rec.locator;
  a.format = rec.container;
  a.url = rec.url;

  std::string charset = rec.charset;
  if (rec.is_html && charset.empty()) charset = html::SniffHtmlCharset(rec.content);
  Result<std::string> utf8 = ingest::DecodeToUtf8(rec.content, charset);
  if (!utf8.ok()) return utf8.status().WithContext(rec.Name());

  std::vector<DateCandidate> dates;
  AddCandidate(&dates, rec.date, rec.date_source.empty() ? "container" : rec.date_source, 0.95f);

  std::string given_title = text::NormalizeParagraph(rec.title, options.normalize);
  clean::CleanedText cleaned;
  if (rec.is_html) {
    Result<html::ExtractedPage> page = html::ExtractHtml(*utf8, options.html);
    if (!page.ok()) return page.status().WithContext(rec.Name());
    if (page->paragraphs.empty()) {
      return InvalidDataError(rec.Name() + ": no main content found in the HTML page");
    }
    for (const DatedValue& d : page->dates) {
      float conf = d.source.find("time") != std::string::npos ? 0.7f : 0.9f;
      AddCandidate(&dates, d.value, d.source, conf);
    }
    if (a.url.empty()) a.url = page->canonical_url;
    if (a.outlet.empty()) a.outlet = page->site_name;
    a.language = page->language;
    a.author = page->author;
    clean::TextCleanOptions copts = options.clean;
    copts.find_title = false;
    copts.trim_short_lines = false;
    cleaned = clean::CleanTextPage(JoinParagraphs(page->paragraphs), copts);
    cleaned.title = page->title;
  } else {
    cleaned = clean::CleanTextPage(*utf8, options.clean);
  }

  // Title: the container's, else what the cleaner or the page found. A text
  // whose first line is not the given title keeps that line as body.
  std::string found_title = text::NormalizeParagraph(cleaned.title, options.normalize);
  if (!given_title.empty()) {
    a.title = given_title;
    if (!found_title.empty() && !SameText(found_title, given_title) && !rec.is_html) {
      cleaned.paragraphs.insert(cleaned.paragraphs.begin(), cleaned.title);
    }
  } else {
    a.title = found_title;
  }

  // Body: normalised paragraphs, the title line removed if repeated first.
  a.body.reserve(utf8->size());
  for (const std::string& raw : cleaned.paragraphs) {
    std::string p = text::NormalizeParagraph(raw, options.normalize);
    if (p.empty()) continue;
    if (a.paragraphs.empty() && !a.title.empty() && SameText(p, a.title)) continue;
    if (!a.body.empty()) a.body += "\n\n";
    uint32_t begin = static_cast<uint32_t>(a.body.size());
    a.body += p;
    a.paragraphs.push_back(Span{begin, static_cast<uint32_t>(a.body.size())});
  }
  if (a.paragraphs.empty() || a.body.size() < options.min_body_chars) {
    return InvalidDataError(rec.Name() + ": no article text found after cleaning (" +
                            std::to_string(a.body.size()) + " characters left)");
  }
  for (const std::string& c : cleaned.credits) a.credits.push_back(text::NormalizeParagraph(c, options.normalize));
  for (const std::string& c : cleaned.captions) a.captions.push_back(text::NormalizeParagraph(c, options.normalize));

  // Dates from the text: stamp lines, then the dateline.
  for (const std::string& stamp : cleaned.stamps) {
    if (std::optional<meta::PartialDateTime> d = meta::ParseStampLine(stamp)) {
      if (d->has_date()) dates.push_back({*d, "text:stamp", 0.8f});
    }
  }
  std::string_view first = a.paragraphs.front().In(a.body);
  std::string dateline_agency;
  if (std::optional<meta::Dateline> dl = meta::FindDateline(first)) {
    a.dateline_place = dl->place;
    dateline_agency = dl->agency;
    if (dl->date && dl->date->has_date()) dates.push_back({*dl->date, "text:dateline", 0.6f});
  }
  a.published = ChooseDate(dates);
  // Outlet of last resort: the site's host, then the agency of the dateline.
  if (a.outlet.empty()) a.outlet = HostOf(a.url);
  if (a.outlet.empty()) a.outlet = dateline_agency;

  for (const Span& p : a.paragraphs) text::SplitSentences(p.In(a.body), p.begin, &a.sentences);
  a.content_hash = HashHex(a.title, a.body);
  return a;
}

}  // namespace storyline
