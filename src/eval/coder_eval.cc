// Event coder scoring on the community validation suites.
//
// The idea: a validation record is a sentence plus the events its authors
// expect; the coder's events are reduced to (source, target, code) triples in
// the suites' own notation and matched one to one with the expected triples.
// The pass/fail of a record is TABARI's and PETRARCH's validation rule (the
// produced set equals the expected set); the correct / uncoded / extra rates
// follow UniversalPetrarch's validation.py (Schrodt 2018), which reports them
// per category: correct = TP / (TP + uncoded), extra = unmatched produced
// events per record, and null-coded events ("---" code) set apart. One
// difference: validation.py lets several produced events match the same
// expected one; here matching is one to one, so a duplicate counts as extra
// (after exact duplicates are dropped, which PETRARCH itself does).
#include "eval/coder_eval.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>

#include "common/calendar.h"

namespace storyline::eval {
namespace {

double Ratio(size_t a, size_t b) { return b == 0 ? 0.0 : static_cast<double>(a) / b; }

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

std::string BaseName(std::string_view path) {
  size_t slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

std::string Where(const coding::SourceLocation& where) {
  if (where.file_name().empty()) return "";
  return BaseName(where.file_name()) + ":" + std::to_string(where.line);
}

std::vector<std::string> SplitWords(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
    size_t j = i;
    while (j < s.size() && !(s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r')) ++j;
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// One side of an expected triple.
struct ExpectedSide {
  std::string code;  // canonical code, or the normalised text
  bool is_text = false;
  std::string Display() const { return is_text ? "\"" + code + "\"" : code; }
};

struct ExpectedItem {
  ExpectedSide source, target;
  std::string code;
  coding::Date date = 0;  // TABARI's explicit event date, 0 = any
  EvalTriple display;
};

struct ProducedItem {
  std::string source, target, code;      // canonical codes
  coding::Date date = 0;                 // the record's date moved by the time phrase
  std::string source_text, target_text;  // normalised phrases of uncoded actors
  EvalTriple display;
  const coder::CodedEvent* event = nullptr;
};

bool SideMatches(const ExpectedSide& e, const std::string& code, const std::string& text) {
  if (!e.is_text) return e.code == code;
  return code == "---" && !text.empty() && text == e.code;
}

bool Matches(const ExpectedItem& e, const ProducedItem& p) {
  return e.code == p.code && (e.date == 0 || e.date == p.date) &&
         SideMatches(e.source, p.source, p.source_text) &&
         SideMatches(e.target, p.target, p.target_text);
}

ExpectedItem MakeExpected(const coding::ExpectedEvent& ev) {
  ExpectedItem item;
  item.source.is_text = ev.source_is_text;
  item.source.code = ev.source_is_text ? NormalizeActorText(ev.source) : CanonicalActorCode(ev.source);
  item.target.is_text = ev.target_is_text;
  item.target.code = ev.target_is_text ? NormalizeActorText(ev.target) : CanonicalActorCode(ev.target);
  item.code = ev.code;
  item.date = ev.date;
  item.display = {item.source.Display(), item.target.Display(), item.code, ev.date};
  return item;
}

ProducedItem MakeProduced(const coder::CodedEvent& ev, std::string_view sentence,
                          coding::Date record_date, int shift_days) {
  ProducedItem p;
  p.date = ShiftYmd(record_date, shift_days);
  p.event = &ev;
  p.source = CanonicalActorCode(ev.source);
  p.target = CanonicalActorCode(ev.target);
  p.code = ev.code;
  auto text_of = [&](const coder::ActorMention& m) {
    if (m.span.end <= m.span.begin || m.span.end > sentence.size()) return std::string();
    return NormalizeActorText(m.span.In(sentence));
  };
  if (p.source == "---") p.source_text = text_of(ev.source_actor);
  if (p.target == "---") p.target_text = text_of(ev.target_actor);
  auto display = [](const std::string& code, const std::string& text) {
    return text.empty() ? code : code + "\"" + text + "\"";
  };
  p.display = {display(p.source, p.source_text), display(p.target, p.target_text), p.code,
               shift_days != 0 ? p.date : 0};
  return p;
}

bool IsNullCode(std::string_view code) { return code.empty() || StartsWith(code, "---"); }

// The <Include> / <Exclude> category lists of a PETRARCH suite.
struct CategoryFilter {
  bool has_include = false;
  std::vector<std::string> include, exclude;
  bool Allows(const std::string& category) const {
    if (std::find(exclude.begin(), exclude.end(), category) != exclude.end()) return false;
    if (!has_include) return true;
    return std::find(include.begin(), include.end(), category) != include.end();
  }
};

CategoryFilter FilterOf(const coding::ValidationSuite& suite) {
  CategoryFilter f;
  auto inc = suite.environment.find("Include");
  if (inc != suite.environment.end()) {
    f.has_include = true;
    for (std::string& w : SplitWords(inc->second)) {
      if (w != "valid") f.include.push_back(std::move(w));
    }
  }
  auto exc = suite.environment.find("Exclude");
  if (exc != suite.environment.end()) f.exclude = SplitWords(exc->second);
  return f;
}

CoderEvalCounts& CategoryCounts(CoderEvalReport* report, const std::string& category) {
  for (auto& [name, counts] : report->categories) {
    if (name == category) return counts;
  }
  report->categories.emplace_back(category, CoderEvalCounts());
  return report->categories.back().second;
}

}  // namespace

double CoderEvalCounts::record_accuracy() const { return Ratio(passed, records); }
double CoderEvalCounts::correct() const { return Ratio(found_items, expected_items); }
double CoderEvalCounts::uncoded() const { return expected_items == 0 ? 0.0 : 1.0 - correct(); }
double CoderEvalCounts::extra_per_record() const { return Ratio(extra, records); }
double CoderEvalCounts::precision() const { return Ratio(matched, produced); }
double CoderEvalCounts::recall() const { return Ratio(matched, expected_triples); }
double CoderEvalCounts::f1() const {
  double p = precision(), r = recall();
  return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}

void CoderEvalCounts::Add(const CoderEvalCounts& o) {
  records += o.records;
  passed += o.passed;
  expected_items += o.expected_items;
  found_items += o.found_items;
  expected_triples += o.expected_triples;
  produced += o.produced;
  matched += o.matched;
  extra += o.extra;
  null_events += o.null_events;
}

std::string ToString(const EvalTriple& t) {
  std::string out = t.source + " " + t.target + " " + t.code;
  if (t.date != 0) out += " @" + std::to_string(t.date);
  return out;
}

std::string CanonicalActorCode(std::string_view code) {
  while (!code.empty() && code.front() == ' ') code.remove_prefix(1);
  while (!code.empty() && code.back() == ' ') code.remove_suffix(1);
  if (code.empty()) return "---";
  if (code.front() == '~') return "---" + std::string(code.substr(1));
  return std::string(code);
}

std::string NormalizeActorText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  auto is_alnum = [](unsigned char c) { return std::isalnum(c) || c >= 0x80; };
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    // Possessive: 's / ’s at a word end, or a bare trailing apostrophe.
    bool apostrophe = c == '\'';
    size_t alen = 1;
    if (!apostrophe && c == 0xE2 && i + 2 < text.size() &&
        static_cast<unsigned char>(text[i + 1]) == 0x80 &&
        static_cast<unsigned char>(text[i + 2]) == 0x99) {
      apostrophe = true;
      alen = 3;
    }
    if (apostrophe) {
      size_t j = i + alen;
      if (j < text.size() && (text[j] == 's' || text[j] == 'S') &&
          (j + 1 == text.size() || !is_alnum(static_cast<unsigned char>(text[j + 1])))) {
        j += 1;
      }
      i = j;
      continue;
    }
    if (is_alnum(c)) {
      out.push_back(static_cast<char>(c < 0x80 ? std::toupper(c) : c));
    } else if (!out.empty() && out.back() != ' ') {
      out.push_back(' ');
    }
    ++i;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::vector<std::string> ExplainEvent(const coder::CodedEvent& e, std::string_view sentence) {
  std::vector<std::string> out;
  auto quote = [&](const Span& s) {
    if (s.end <= s.begin || s.end > sentence.size()) return std::string("(no span)");
    return "\"" + std::string(s.In(sentence)) + "\"";
  };
  std::string head = CanonicalActorCode(e.source) + " " + CanonicalActorCode(e.target) + " " +
                     (e.code.empty() ? "---" : e.code);
  if (e.paired) head += "  (paired reverse event)";
  if (IsNullCode(e.code)) head += "  (null event: not scored)";
  out.push_back(head);
  std::string verb = "  verb     " + quote(e.verb_span);
  if (!e.verb_block.empty()) verb += " block " + e.verb_block;
  out.push_back(verb);
  if (!e.pattern.empty()) {
    std::string w = Where(e.pattern_where);
    out.push_back("  pattern  " + e.pattern + (w.empty() ? "" : "  (" + w + ")"));
  } else {
    out.push_back("  pattern  (none: the verb's default code)");
  }
  if (!e.transformation.empty()) out.push_back("  transformation " + e.transformation);
  auto actor = [&](const char* role, const coder::ActorMention& m) {
    std::string line = std::string("  ") + role + (m.code.empty() ? "---" : m.code) + " " + quote(m.span);
    if (!m.entry.empty()) {
      std::string w = Where(m.where);
      line += " entry " + m.entry + (w.empty() ? "" : " (" + w + ")");
    }
    if (!m.agents.empty()) {
      line += " agents";
      for (size_t i = 0; i < m.agents.size(); ++i) line += (i ? ", " : " ") + m.agents[i];
    }
    out.push_back(line);
  };
  actor("source   ", e.source_actor);
  actor("target   ", e.target_actor);
  std::string flags;
  if (e.passive) flags += " passive";
  if (e.negated) flags += " negated";
  if (!e.modal.empty()) flags += " modal=" + e.modal;
  if (!flags.empty()) out.push_back("  flags   " + flags);
  return out;
}

CoderEvalReport EvaluateCoderSuite(const coding::ValidationSuite& suite, const coder::Coder& coder,
                                   const CoderEvalOptions& options) {
  CoderEvalReport report;
  report.suite_file = suite.file;
  CategoryFilter filter = options.honour_include ? FilterOf(suite) : CategoryFilter();
  coder::CodeResult result;
  std::vector<ExpectedItem> required, optional;
  std::vector<ProducedItem> produced;
  auto start = std::chrono::steady_clock::now();
  bool after_final = false;
  const bool tabari = suite.environment.empty();  // TABARI text has no <Environment>
  // TABARI OPTION commands in a record's comment change the coder's settings
  // from that record on, as in TABARI's own validation run.
  // PETRARCH-1's validation run applies <Config> settings from their record
  // on; UD-PETRARCH's validation.py (its suites name a <PICOfile>) reads no
  // <Config>, and its expected events assume the defaults.
  const bool petrarch_config = !tabari && suite.environment.count("PICOfile") == 0;
  coder::CoderOptions current = coder.options();
  std::unique_ptr<coder::Coder> reconfigured;
  const coder::Coder* active = &coder;
  if (petrarch_config && (!current.comma.any() || !current.one_event_per_verb_phrase ||
                          !current.passive_requires_by)) {
    // PETRARCH-1 deletes comma clauses unless told otherwise (its
    // PETR_config.ini defaults; the suite's <Config> records adjust them),
    // and codes a verb phrase once.
    if (!current.comma.any()) current.comma = coder::PetrarchCommaDefaults();
    current.one_event_per_verb_phrase = true;
    current.passive_requires_by = true;
    auto created = coder::Coder::Create(coder.shared_dictionaries(), current);
    if (created.ok()) {
      reconfigured = std::move(created).value();
      active = reconfigured.get();
    }
  }
  if (tabari && coder.dictionaries().style == coder::DictionarySet::Style::kTabari) {
    // TABARI starts from its built-in settings, then reads the project's
    // .options file, before the first record.
    coder::ApplyTabariProject(coder.dictionaries(), &current);
    auto created = coder::Coder::Create(coder.shared_dictionaries(), current);
    if (created.ok()) {
      reconfigured = std::move(created).value();
      active = reconfigured.get();
    }
  }
  // TABARI FORWARD: the sentences of one story (told apart by the option's
  // record ID mask) are coded in order with one context.
  coder::ArticleContext story;
  std::string story_key;
  for (const coding::ValidationRecord& rec : suite.records) {
    if (!rec.options.empty() && (tabari || petrarch_config)) {
      bool changed = false;
      for (const std::string& o : rec.options) {
        // PETRARCH XML <Config> settings also hold from their record on.
        bool applied = tabari ? coder::ApplyTabariOption(o, &current)
                              : coder::ApplyPetrarchConfig(o, &current);
        changed = applied || changed;
      }
      if (changed) {
        auto created = coder::Coder::Create(coder.shared_dictionaries(), current);
        if (created.ok()) {
          reconfigured = std::move(created).value();
          active = reconfigured.get();
        }
      }
    }
    if (after_final) {
      ++report.skipped_after_final;
      continue;
    }
    // TABARI's FINAL record closes the standard validation records.
    if (options.stop_at_final && tabari && StartsWith(rec.id, "FINAL") && rec.events.empty()) {
      after_final = true;
      ++report.skipped_after_final;
      continue;
    }
    if (rec.disabled) {
      ++report.skipped_disabled;
      continue;
    }
    if (!filter.Allows(rec.category) ||
        (!options.category.empty() && rec.category != options.category)) {
      ++report.skipped_excluded;
      continue;
    }
    bool parse_error = false, discard = false;
    for (const std::string& err : rec.expected_errors) {
      if (err == "bad_input_parse") parse_error = true;
      if (err == "storydiscard" || err == "sentencediscard") discard = true;
    }
    if (parse_error) {
      ++report.skipped_parse_error;
      continue;
    }
    if (!rec.options.empty()) ++report.records_with_options;

    required.clear();
    optional.clear();
    produced.clear();
    for (const coding::ExpectedEvent& ev : rec.events) {
      ExpectedItem item = MakeExpected(ev);
      // TABARI moves an event's date only under SET: TIME SHIFT; elsewhere
      // the suite's dates (CONV-07's "next month") are not checked.
      if (!active->options().tabari_time_shift) item.date = 0;
      auto& list = ev.disabled ? optional : required;
      bool dup = std::any_of(list.begin(), list.end(),
                             [&](const ExpectedItem& o) { return o.display == item.display; });
      if (!dup) list.push_back(std::move(item));
    }
    bool expect_none = required.empty();

    const std::string& forward = active->options().tabari_forward;
    if (tabari && !forward.empty()) {
      std::string key = coder::TabariStoryKey(rec.id, forward);
      if (key.empty() || key != story_key) story.Clear();
      story_key = std::move(key);
      active->Code(rec.text, rec.date, &story, &result);
    } else {
      active->Code(rec.text, rec.date, &result);
    }
    CoderEvalCounts c;
    c.records = 1;
    for (const coder::CodedEvent& ev : result.events) {
      if (IsNullCode(ev.code)) {
        ++c.null_events;
        continue;
      }
      ProducedItem p = MakeProduced(ev, rec.text, rec.date, result.date_shift_days);
      bool dup = std::any_of(produced.begin(), produced.end(),
                             [&](const ProducedItem& o) { return o.display == p.display; });
      if (!dup) produced.push_back(std::move(p));
    }
    // One-to-one matching, expected in suite order.
    std::vector<bool> found(required.size(), false), used(produced.size(), false);
    for (size_t i = 0; i < required.size(); ++i) {
      for (size_t j = 0; j < produced.size(); ++j) {
        if (!used[j] && Matches(required[i], produced[j])) {
          found[i] = used[j] = true;
          ++c.matched;
          break;
        }
      }
    }
    // Produced events that a disabled TABARI event lists are not counted.
    std::vector<bool> optional_hit(produced.size(), false);
    for (size_t j = 0; j < produced.size(); ++j) {
      if (used[j]) continue;
      for (const ExpectedItem& o : optional) {
        if (Matches(o, produced[j])) optional_hit[j] = true;
      }
    }
    for (size_t j = 0; j < produced.size(); ++j) c.produced += optional_hit[j] ? 0 : 1;
    c.extra = c.produced - c.matched;
    c.expected_triples = required.size();
    bool pass;
    if (expect_none) {
      c.expected_items = 1;
      bool ok = c.produced == 0 && (!discard || !result.discarded_by.empty());
      c.found_items = ok ? 1 : 0;
      pass = ok;
    } else {
      c.expected_items = required.size();
      c.found_items = c.matched;
      pass = c.matched == required.size() && c.extra == 0;
    }
    c.passed = pass ? 1 : 0;
    report.total.Add(c);
    CategoryCounts(&report, rec.category).Add(c);
    if (pass) continue;
    ++report.failing_records;
    if (report.failures.size() >= options.max_failures) continue;
    CoderRecordResult f;
    f.id = rec.id;
    f.category = rec.category;
    f.date = rec.date;
    f.line = rec.line;
    f.text = rec.text;
    f.expect_no_events = expect_none;
    f.expect_discard = discard;
    for (const ExpectedItem& e : required) f.expected.push_back(e.display);
    for (const ExpectedItem& e : optional) f.optional.push_back(e.display);
    f.expected_found = found;
    for (size_t j = 0; j < produced.size(); ++j) {
      f.produced.push_back(produced[j].display);
      f.produced_matched.push_back(used[j] || optional_hit[j]);
    }
    for (const coder::CodedEvent& ev : result.events) {
      for (std::string& line : ExplainEvent(ev, rec.text)) f.explanation.push_back(std::move(line));
    }
    if (!result.discarded_by.empty()) f.explanation.push_back("discarded by \"" + result.discarded_by + "\"");
    if (!result.actors.empty()) {
      std::string line = "actors found:";
      for (const coder::ActorMention& m : result.actors) {
        line += " " + (m.code.empty() ? std::string("---") : m.code);
        if (m.span.end > m.span.begin && m.span.end <= rec.text.size()) {
          line += "\"" + std::string(m.span.In(rec.text)) + "\"";
        }
      }
      f.explanation.push_back(line);
    } else {
      f.explanation.push_back("actors found: none");
    }
    if (!rec.options.empty()) {
      std::string line = "record options (applied where supported, see ApplyTabariOption):";
      for (const std::string& o : rec.options) line += " {" + o + "}";
      f.explanation.push_back(line);
    }
    for (const std::string& t : result.trace) f.explanation.push_back("trace: " + t);
    report.failures.push_back(std::move(f));
  }
  report.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

}  // namespace storyline::eval
