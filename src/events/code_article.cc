// Coding an article sentence by sentence; see code_article.h for the rules.
//
// Each coded event is judged in the words around its verb (plover::
// ModalityOf), re-coded when it is a plan (IntentCode), and dated and placed
// from its own sentence (event_date.h, places.h). Mentions are kept in text
// order; dates a headline lacks are shared from the body afterwards
// (merge.h, ShareDatesWithinArticle).
#include "events/code_article.h"

#include <cstdio>
#include <map>

#include "common/embedded_data.h"
#include "events/event_date.h"
#include "events/merge.h"

namespace storyline::events {
namespace {

const std::map<std::string, std::string, std::less<>>& IntentTable() {
  static const auto* const kTable = [] {
    auto* table = new std::map<std::string, std::string, std::less<>>();
    for (std::string_view line : data::Lines("events/intent_codes.txt")) {
      size_t bar = line.find('|');
      if (bar == line.npos) continue;
      auto trim = [](std::string_view s) {
        while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
        while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
        return std::string(s);
      };
      table->emplace(trim(line.substr(0, bar)), trim(line.substr(bar + 1)));
    }
    return table;
  }();
  return *kTable;
}

std::string Iso(const time::CivilDate& d) {
  if (!d.complete()) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

coding::Date DictionaryDate(std::string_view iso) {
  return std::stoi(std::string(iso.substr(0, 4))) * 10000 +
         std::stoi(std::string(iso.substr(5, 2))) * 100 + std::stoi(std::string(iso.substr(8, 2)));
}

Span Shift(Span s, uint32_t by) { return {s.begin + by, s.end + by}; }

std::string Quoted(std::string_view s) {
  std::string out(1, '"');
  out += s;
  out += '"';
  return out;
}

}  // namespace

std::string IntentCode(std::string_view cameo) {
  auto it = IntentTable().find(RootOf(cameo));
  return it == IntentTable().end() ? "" : it->second;
}

coder::CoderOptions ArticleCoderOptions() {
  coder::CoderOptions o;
  o.require_dyad = false;
  return o;
}

ArticleCoder::ArticleCoder(const coder::Coder& coder, CodeArticleOptions options)
    : coder_(coder), options_(std::move(options)) {}

ArticleCoding ArticleCoder::Code(const Article& article, int64_t article_id,
                                 const std::vector<time::TimeExpression>* body_times) {
  ArticleCoding out;
  article_id_ = article_id;
  context_.Clear();
  time::Anchor anchor = time::ChooseAnchor(article);
  out.article_date = Iso(anchor.date);
  if (body_times == nullptr) {
    scratch_times_.clear();
    tagger_.Tag(article, anchor, &scratch_times_);
    body_times = &scratch_times_;
  }
  // The date dated actor roles are resolved on.
  if (!out.article_date.empty()) {
    out.coder_date = DictionaryDate(out.article_date);
  } else {
    out.coder_date = coding::kMaxDate;
    std::string latest;
    for (const time::TimeExpression& e : *body_times) {
      if (IsFullDate(e.value) && e.value.substr(0, 10) > latest) latest = e.value.substr(0, 10);
    }
    if (!latest.empty()) out.coder_date = DictionaryDate(latest);
  }
  article_date_ = out.article_date;
  coder_date_ = out.coder_date;
  article_days_.clear();
  for (const time::TimeExpression& e : *body_times) {
    if (IsFullDate(e.value)) article_days_.push_back(e.value.substr(0, 10));
  }

  if (options_.code_title && !article.title.empty()) {
    std::vector<time::TimeExpression> title_times;
    tagger_.Tag(article.title, {}, anchor, &title_times);
    CodeSentence(article.title, kTitleSentence, {0, static_cast<uint32_t>(article.title.size())},
                 title_times, true, &out);
  }
  uint32_t lead_end = article.paragraphs.empty() ? 0 : article.paragraphs.front().end;
  size_t t = 0;
  for (size_t i = 0; i < article.sentences.size(); ++i) {
    Span s = article.sentences[i];
    if (s.end > article.body.size() || s.begin >= s.end) continue;
    sentence_times_.clear();
    while (t < body_times->size() && (*body_times)[t].span.begin < s.begin) ++t;
    for (size_t k = t; k < body_times->size() && (*body_times)[k].span.begin < s.end; ++k) {
      time::TimeExpression e = (*body_times)[k];
      if (e.span.end > s.end) continue;
      e.span = {e.span.begin - s.begin, e.span.end - s.begin};
      sentence_times_.push_back(std::move(e));
    }
    bool lead = article.paragraphs.empty() ? i == 0 : s.begin < lead_end;
    CodeSentence(s.In(article.body), static_cast<int64_t>(i), s, sentence_times_, lead, &out);
  }
  ShareDatesWithinArticle(&out.mentions);
  return out;
}

void ArticleCoder::CodeSentence(std::string_view text, int64_t sentence, Span span,
                                const std::vector<time::TimeExpression>& times, bool lead,
                                ArticleCoding* out) {
  ++out->sentences;
  coder_.Code(text, coder_date_, &context_, &result_);
  if (!result_.discarded_by.empty()) ++out->discarded;
  // Body mentions index the body; a title mention indexes the title.
  const uint32_t base = sentence == kTitleSentence ? 0 : span.begin;
  const size_t first = out->mentions.size();
  for (const coder::CodedEvent& ev : result_.events) {
    ++out->coded;
    // An event needs a source; the target may be missing (PLOVER allows it:
    // "Damascus agreed to attend").
    if (ev.source.empty() || ev.source.starts_with("---")) {
      ++out->sourceless;
      continue;
    }
    plover::Modality modality = plover::ModalityOf(ev, text);
    if (modality == plover::Modality::kNegated) {
      ++out->negated;
      continue;
    }
    // The same event twice from one verb: exact repeats, and for symmetric
    // codes the reversed pair ("Kerry and Lavrov met" fans out both ways).
    const Span verb = Shift(ev.verb_span, base);
    bool repeated = false;
    for (size_t k = first; k < out->mentions.size(); ++k) {
      const Mention& o = out->mentions[k];
      if (o.code != ev.code || !(o.verb == verb)) continue;
      repeated |= o.source == ev.source && o.target == ev.target;
      repeated |= IsSymmetric(ev.code) && o.source == ev.target && o.target == ev.source;
    }
    if (repeated) {
      ++out->duplicates;
      continue;
    }
    Mention m;
    m.article_id = article_id_;
    m.sentence = sentence;
    m.sentence_span = span;
    m.sentence_text = std::string(text);
    m.verb = verb;
    m.source = ev.source;
    m.target = ev.target;
    if (ev.source_actor.span.size() > 0) {
      m.source_span = Shift(ev.source_actor.span, base);
      m.source_text = std::string(ev.source_actor.span.In(text));
    }
    if (ev.target_actor.span.size() > 0) {
      m.target_span = Shift(ev.target_actor.span, base);
      m.target_text = std::string(ev.target_actor.span.In(text));
    }
    m.code = ev.code;
    m.cameo = ev.code;
    m.modality = modality;
    m.lead = lead;
    for (const std::string& issue : result_.issues) {
      if (!m.issues.empty()) m.issues += ';';
      m.issues += issue;
    }

    // Why: the verb and pattern, then every rule this stage applied.
    std::string why = "verb " + Quoted(ev.verb_span.In(text));
    if (!ev.verb_block.empty()) why += " [" + ev.verb_block + "]";
    why += ev.pattern.empty() ? " default code " + ev.code
                              : " pattern " + Quoted(ev.pattern) + " -> " + ev.code;
    if (!ev.transformation.empty()) why += "; transformation " + Quoted(ev.transformation);
    if (ev.passive) why += "; passive";
    if (ev.paired) why += "; paired code";
    if (!ev.modal.empty()) why += "; modal " + Quoted(ev.modal);
    why += "; ";
    why += plover::ModalityName(modality);
    if (modality == plover::Modality::kPlanned) {
      std::string intent = IntentCode(ev.code);
      if (!intent.empty() && intent != ev.code && RootOf(ev.code) != "03") {
        m.cameo = intent;
        why += ": intent code " + ev.code + " -> " + intent;
      }
    }
    plover::PloverEvent p = plover::ToPlover(m.cameo, modality);
    if (!p.rule.empty()) why += "; PLOVER " + p.rule;

    Span verb_in_text = ev.verb_span;
    DateChoice date =
        ChooseEventDate(text, verb_in_text, times, article_date_, modality, article_days_);
    m.date = date.date;
    m.date_source = date.source;
    if (date.source == kDateText) {
      m.date_text = std::string(date.span.In(text));
      why += "; date " + Quoted(m.date_text) + " -> " + m.date;
    }
    std::optional<FoundPlace> place =
        FindEventPlace(Gazetteer::Default(), text, verb_in_text, options_.places);
    if (place) {
      m.place = place->entry->name;
      m.place_country = place->entry->country;
    }
    if (m.target.starts_with("---")) {
      // A target the coder could give no country ("rebel forces") is of the
      // country where the event happened ("in Qusair": Syria), else unknown.
      if (!m.place_country.empty()) {
        why += "; target " + m.target + " in " + m.place + " -> " + m.place_country +
               m.target.substr(3);
        m.target = m.place_country + m.target.substr(3);
      } else {
        m.target.clear();
      }
      if (m.target == m.source) m.target.clear();  // no actor acts on itself
    }
    m.explanation = std::move(why);
    out->mentions.push_back(std::move(m));
  }
}

}  // namespace storyline::events
