// TempEval-3 time expression scoring and the gold readers it needs.
//
// The scorer follows the TE3 evaluation toolkit's definitions: a system
// expression matches a gold one strictly when both cover the same
// characters, and relaxed when they share any character; precision counts
// system expressions with a match, recall gold ones with a match. Attribute
// accuracy is measured on one-to-one relaxed pairs (each gold expression
// paired with the first unpaired overlapping system expression), values
// compared as exact strings, and an attribute's F1 is its accuracy times the
// relaxed F1. The readers are small hand-written scanners over the two XML
// layouts (no DOM): TimeML keeps the text inline with tags we strip while
// recording TIMEX3 offsets; MEANTIME gives tokens we join back into text.
#include "eval/time_eval.h"
#include "eval/xml_text.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "meta/date_parse.h"
#include "time/timex.h"

namespace storyline::eval {
namespace {

// Value of attribute `name` inside one tag's text ("<TIMEX3 a="b" ...>").
std::string Attr(std::string_view tag, std::string_view name) {
  size_t pos = 0;
  while ((pos = tag.find(name, pos)) != std::string_view::npos) {
    bool start_ok = pos > 0 && (tag[pos - 1] == ' ' || tag[pos - 1] == '\t' || tag[pos - 1] == '\n');
    size_t eq = pos + name.size();
    while (eq < tag.size() && tag[eq] == ' ') ++eq;
    if (start_ok && eq < tag.size() && tag[eq] == '=') {
      size_t q = eq + 1;
      while (q < tag.size() && tag[q] == ' ') ++q;
      if (q < tag.size() && (tag[q] == '"' || tag[q] == '\'')) {
        size_t close = tag.find(tag[q], q + 1);
        if (close != std::string_view::npos) return std::string(tag.substr(q + 1, close - q - 1));
      }
    }
    pos += name.size();
  }
  return "";
}


std::string TagName(std::string_view tag) {
  size_t i = 1;
  if (i < tag.size() && tag[i] == '/') ++i;
  size_t s = i;
  while (i < tag.size() && tag[i] != ' ' && tag[i] != '>' && tag[i] != '/' && tag[i] != '\n' &&
         tag[i] != '\t')
    ++i;
  return std::string(tag.substr(s, i - s));
}

bool Overlaps(Span a, Span b) { return a.begin < b.end && b.begin < a.end; }

double Ratio(int64_t a, int64_t b) { return b > 0 ? static_cast<double>(a) / b : 0.0; }
double F1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0.0; }

Result<std::string> ReadFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return IoError("cannot read " + p.string());
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

Result<TimeDoc> ParseTimeMl(std::string_view xml, std::string id) {
  TimeDoc doc;
  doc.id = std::move(id);
  // The DCT: the creation-time TIMEX3 wherever it is.
  size_t ct = xml.find("CREATION_TIME");
  if (ct != std::string_view::npos) {
    size_t open = xml.rfind('<', ct);
    size_t close = xml.find('>', ct);
    if (open != std::string_view::npos && close != std::string_view::npos)
      doc.dct = Attr(xml.substr(open, close - open + 1), "value");
  }
  size_t t0 = xml.find("<TEXT");
  if (t0 == std::string_view::npos) return InvalidDataError(doc.id + ": no <TEXT> element");
  size_t body = xml.find('>', t0);
  size_t t1 = xml.find("</TEXT>", body);
  if (body == std::string_view::npos || t1 == std::string_view::npos)
    return InvalidDataError(doc.id + ": <TEXT> is not closed");
  std::string_view s = xml.substr(body + 1, t1 - body - 1);
  struct Open {
    uint32_t begin;
    std::string type, value;
    bool creation;
  };
  std::vector<Open> open;
  size_t i = 0;
  while (i < s.size()) {
    size_t lt = s.find('<', i);
    AppendXmlText(s.substr(i, (lt == std::string_view::npos ? s.size() : lt) - i), &doc.text);
    if (lt == std::string_view::npos) break;
    size_t gt = s.find('>', lt);
    if (gt == std::string_view::npos) return InvalidDataError(doc.id + ": unclosed tag");
    std::string_view tag = s.substr(lt, gt - lt + 1);
    i = gt + 1;
    if (TagName(tag) != "TIMEX3") continue;
    bool closing = tag.size() > 1 && tag[1] == '/';
    bool self_closing = tag.size() > 2 && tag[tag.size() - 2] == '/';
    if (closing) {
      if (open.empty()) return InvalidDataError(doc.id + ": </TIMEX3> without <TIMEX3>");
      Open o = std::move(open.back());
      open.pop_back();
      Span sp{o.begin, static_cast<uint32_t>(doc.text.size())};
      if (sp.end > sp.begin) {
        if (o.creation) doc.ignore.push_back(sp);
        else doc.timexes.push_back({sp, o.type, o.value});
      }
    } else if (!self_closing) {
      open.push_back({static_cast<uint32_t>(doc.text.size()), Attr(tag, "type"), Attr(tag, "value"),
                      Attr(tag, "functionInDocument") == "CREATION_TIME"});
    }
  }
  if (!open.empty()) return InvalidDataError(doc.id + ": <TIMEX3> not closed");
  std::sort(doc.timexes.begin(), doc.timexes.end(),
            [](const TimexAnnotation& a, const TimexAnnotation& b) { return a.span.begin < b.span.begin; });
  return doc;
}

Result<TimeDoc> ParseMeantime(std::string_view xml, std::string id) {
  TimeDoc doc;
  doc.id = std::move(id);
  // MEANTIME annotates only the first sentences of each article (title,
  // date line and the opening sentences); the rest carries no markables and
  // must not count as unannotated text. Keep the sentences up to the last
  // one any markable points into.
  std::map<std::string, int> token_sentence;
  {
    size_t p = 0;
    while ((p = xml.find("<token ", p)) != std::string_view::npos) {
      size_t gt = xml.find('>', p);
      if (gt == std::string_view::npos) break;
      std::string_view tag = xml.substr(p, gt - p + 1);
      token_sentence[Attr(tag, "t_id")] = std::atoi(Attr(tag, "sentence").c_str());
      p = gt;
    }
  }
  int last_annotated = -1;
  {
    size_t m = xml.find("<Markables");
    size_t a = m == std::string_view::npos ? xml.size() : m;
    while ((a = xml.find("<token_anchor t_id=\"", a)) != std::string_view::npos) {
      size_t q = xml.find('"', a + 20);
      if (q == std::string_view::npos) break;
      auto it = token_sentence.find(std::string(xml.substr(a + 20, q - a - 20)));
      if (it != token_sentence.end()) last_annotated = std::max(last_annotated, it->second);
      a = q;
    }
  }
  std::map<std::string, Span> token_span;
  std::string last_sentence;
  bool no_space_next = true;
  size_t pos = 0;
  while ((pos = xml.find("<token ", pos)) != std::string_view::npos) {
    size_t gt = xml.find('>', pos);
    size_t end = xml.find("</token>", gt);
    if (gt == std::string_view::npos || end == std::string_view::npos)
      return InvalidDataError(doc.id + ": unclosed <token>");
    std::string_view tag = xml.substr(pos, gt - pos + 1);
    std::string word;
    AppendXmlText(xml.substr(gt + 1, end - gt - 1), &word);
    std::string sentence = Attr(tag, "sentence");
    if (last_annotated >= 0 && std::atoi(sentence.c_str()) > last_annotated) break;
    bool new_sentence = sentence != last_sentence && !doc.text.empty();
    last_sentence = sentence;
    // Attach punctuation and clitics as written text would.
    static const char* const kNoSpaceBefore[] = {",", ".", ";", ":", "!", "?", ")", "]", "'s", "n't", "'",
                                                 "%", "'re", "'ve", "'ll", "'d", "'m"};
    bool glue = false;
    for (const char* p : kNoSpaceBefore) glue = glue || word == p;
    if (new_sentence) doc.text += "\n";
    else if (!doc.text.empty() && !glue && !no_space_next) doc.text += " ";
    uint32_t b = static_cast<uint32_t>(doc.text.size());
    doc.text += word;
    token_span[Attr(tag, "t_id")] = {b, static_cast<uint32_t>(doc.text.size())};
    no_space_next = word == "(" || word == "$" || word == "[";
    pos = end;
  }
  pos = 0;
  while ((pos = xml.find("<TIMEX3 ", pos)) != std::string_view::npos) {
    size_t gt = xml.find('>', pos);
    if (gt == std::string_view::npos) break;
    std::string_view tag = xml.substr(pos, gt - pos + 1);
    pos = gt;
    if (tag[tag.size() - 2] == '/') {
      if (Attr(tag, "functionInDocument") == "CREATION_TIME") doc.dct = Attr(tag, "value");
      continue;
    }
    size_t close = xml.find("</TIMEX3>", gt);
    if (close == std::string_view::npos) return InvalidDataError(doc.id + ": unclosed <TIMEX3>");
    std::string_view inner = xml.substr(gt, close - gt);
    Span sp{UINT32_MAX, 0};
    size_t a = 0;
    while ((a = inner.find("t_id=\"", a)) != std::string_view::npos) {
      size_t q = inner.find('"', a + 6);
      auto it = token_span.find(std::string(inner.substr(a + 6, q - a - 6)));
      if (it != token_span.end()) {
        sp.begin = std::min(sp.begin, it->second.begin);
        sp.end = std::max(sp.end, it->second.end);
      }
      a = q;
    }
    bool creation = Attr(tag, "functionInDocument") == "CREATION_TIME";
    if (creation) doc.dct = Attr(tag, "value");
    if (sp.end > sp.begin && sp.begin != UINT32_MAX) {
      if (creation) doc.ignore.push_back(sp);
      else doc.timexes.push_back({sp, Attr(tag, "type"), Attr(tag, "value")});
    }
  }
  std::sort(doc.timexes.begin(), doc.timexes.end(),
            [](const TimexAnnotation& a, const TimexAnnotation& b) { return a.span.begin < b.span.begin; });
  return doc;
}

Result<std::vector<TimeDoc>> LoadTimeCorpus(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return NotFoundError(dir + ": not a directory");
  fs::path root = dir;
  if (fs::is_directory(root / "intra-doc_annotation", ec)) root /= "intra-doc_annotation";
  else if (fs::is_directory(root / "tml", ec)) root /= "tml";
  std::vector<fs::path> files;
  for (auto it = fs::recursive_directory_iterator(root, ec); it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (ec) break;
    if (!it->is_regular_file()) continue;
    std::string ext = it->path().extension().string();
    if (ext == ".tml" || ext == ".xml") files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  std::vector<TimeDoc> docs;
  for (const fs::path& p : files) {
    STORYLINE_ASSIGN_OR_RETURN(std::string xml, ReadFile(p));
    std::string id = p.stem().string();
    if (p.extension() == ".tml" || xml.find("<TimeML") != std::string::npos) {
      STORYLINE_ASSIGN_OR_RETURN(TimeDoc d, ParseTimeMl(xml, p.string()));
      d.id = id;
      docs.push_back(std::move(d));
    } else if (xml.find("<Document") != std::string::npos && xml.find("<token") != std::string::npos) {
      STORYLINE_ASSIGN_OR_RETURN(TimeDoc d, ParseMeantime(xml, p.string()));
      d.id = id;
      docs.push_back(std::move(d));
    }
  }
  if (docs.empty()) return NotFoundError(dir + ": no TimeML (.tml) or MEANTIME (.xml) documents");
  return docs;
}

double TimeScores::strict_precision() const { return Ratio(strict_system_matched, system); }
double TimeScores::strict_recall() const { return Ratio(strict_gold_matched, gold); }
double TimeScores::strict_f1() const { return F1(strict_precision(), strict_recall()); }
double TimeScores::relaxed_precision() const { return Ratio(relaxed_system_matched, system); }
double TimeScores::relaxed_recall() const { return Ratio(relaxed_gold_matched, gold); }
double TimeScores::relaxed_f1() const { return F1(relaxed_precision(), relaxed_recall()); }
double TimeScores::type_accuracy() const { return Ratio(type_correct, pairs); }
double TimeScores::value_accuracy() const { return Ratio(value_correct, pairs); }

void Score(const std::vector<TimexAnnotation>& gold_in, const std::vector<TimexAnnotation>& sys_in,
           const std::vector<Span>& ignore, TimeScores* s) {
  auto keep = [&](const std::vector<TimexAnnotation>& in) {
    std::vector<const TimexAnnotation*> out;
    for (const auto& t : in) {
      bool drop = false;
      for (Span ig : ignore) drop = drop || Overlaps(ig, t.span);
      if (!drop) out.push_back(&t);
    }
    return out;
  };
  std::vector<const TimexAnnotation*> gold = keep(gold_in), sys = keep(sys_in);
  s->gold += static_cast<int64_t>(gold.size());
  s->system += static_cast<int64_t>(sys.size());
  for (const auto* g : gold) {
    bool strict = false, relaxed = false;
    for (const auto* y : sys) {
      strict = strict || y->span == g->span;
      relaxed = relaxed || Overlaps(y->span, g->span);
    }
    s->strict_gold_matched += strict;
    s->relaxed_gold_matched += relaxed;
  }
  for (const auto* y : sys) {
    bool strict = false, relaxed = false;
    for (const auto* g : gold) {
      strict = strict || y->span == g->span;
      relaxed = relaxed || Overlaps(y->span, g->span);
    }
    s->strict_system_matched += strict;
    s->relaxed_system_matched += relaxed;
  }
  std::vector<bool> used(sys.size(), false);
  for (const auto* g : gold) {
    // Prefer an exact extent, else the first overlapping one.
    size_t best = sys.size();
    for (size_t k = 0; k < sys.size(); ++k) {
      if (used[k] || !Overlaps(sys[k]->span, g->span)) continue;
      if (best == sys.size() || sys[k]->span == g->span) best = k;
    }
    if (best == sys.size()) continue;
    used[best] = true;
    ++s->pairs;
    s->type_correct += sys[best]->type == g->type;
    s->value_correct += sys[best]->value == g->value;
  }
}

namespace {

std::string Describe(const TimeDoc& d, const TimexAnnotation& t) {
  return std::string(t.span.In(d.text)) + " | " + t.type + " | " + t.value;
}

void CollectErrors(const TimeDoc& d, const std::vector<TimexAnnotation>& gold,
                   const std::vector<TimexAnnotation>& sys, std::vector<TimeEvalError>* out) {
  auto ignored = [&](Span s) {
    for (Span ig : d.ignore) if (Overlaps(ig, s)) return true;
    return false;
  };
  for (const auto& g : gold) {
    if (ignored(g.span)) continue;
    const TimexAnnotation* m = nullptr;
    for (const auto& y : sys) if (Overlaps(y.span, g.span)) { m = &y; break; }
    if (!m) out->push_back({d.id, "missed", Describe(d, g), ""});
    else if (m->value != g.value) out->push_back({d.id, "value", Describe(d, g), Describe(d, *m)});
    else if (m->type != g.type) out->push_back({d.id, "type", Describe(d, g), Describe(d, *m)});
    else if (!(m->span == g.span)) out->push_back({d.id, "extent", Describe(d, g), Describe(d, *m)});
  }
  for (const auto& y : sys) {
    if (ignored(y.span)) continue;
    bool any = false;
    for (const auto& g : gold) any = any || Overlaps(y.span, g.span);
    if (!any) out->push_back({d.id, "spurious", "", Describe(d, y)});
  }
}

}  // namespace

TimeEvalReport EvaluateTime(const std::vector<TimeDoc>& docs, const TimeEvalOptions& options) {
  TimeEvalReport report;
  time::TimeOptions topt;
  topt.narrative = options.narrative;
  time::TimeTagger tagger(topt);
  std::vector<time::TimeExpression> found;
  std::vector<TimexAnnotation> sys;
  for (const TimeDoc& d : docs) {
    time::Anchor anchor;
    anchor.date = time::ParseCivil(d.dct);
    anchor.source = "dct";
    if (!anchor.date.complete()) {
      // A malformed or missing DCT: the first full date near the top of the
      // text (the date line news articles open with).
      auto m = meta::FindDate(std::string_view(d.text).substr(0, 300), 0);
      if (m && m->value.year && m->value.month && m->value.day) {
        anchor.date = {m->value.year, m->value.month, m->value.day};
        anchor.source = "text";
      }
    }
    found.clear();
    auto t0 = std::chrono::steady_clock::now();
    tagger.Tag(d.text, {}, anchor, &found);
    report.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    report.bytes += static_cast<int64_t>(d.text.size());
    sys.clear();
    for (const auto& e : found) {
      sys.push_back({e.span, std::string(time::TimexTypeName(e.type)), e.value});
    }
    std::vector<TimexAnnotation> gold = d.timexes;
    if (options.ignore_type) {
      for (auto& g : gold) g.type.clear();
      for (auto& y : sys) y.type.clear();
    }
    TimeEvalDoc doc;
    doc.id = d.id;
    Score(gold, sys, d.ignore, &doc.scores);
    Score(gold, sys, d.ignore, &report.total);
    if (options.collect_errors) CollectErrors(d, gold, sys, &report.errors);
    report.docs.push_back(std::move(doc));
  }
  return report;
}

}  // namespace storyline::eval
