// Scoring of the event coder (src/coder) on the community validation suites
// read by src/coding/validation.h: PETRARCH-2 unit tests, UD-PETRARCH
// validation records and GSR, TABARI validation and demo texts
// (doc/formats/coder-eval.md).
//
// Each enabled record's text is coded on the record date and the produced
// (source, target, event code) triples are compared with the expected ones.
// Metrics, overall and per category:
//  - record accuracy: the share of records whose produced triple set equals
//    the expected set (TABARI's and PETRARCH's pass/fail);
//  - correct / uncoded / extra, as UniversalPetrarch's validation.py defines
//    them: correct = expected items found / expected items (a "no events"
//    record is one item, found when nothing is produced), uncoded =
//    1 - correct, extra = produced events matching nothing / records;
//  - precision / recall / F1 over triples (no-events items excluded).
// Scoring rules (faithful to the suites' authors; the doc gives the reasons):
//  - produced events whose code is empty or starts with "---" are null
//    events: counted apart, never as extra (validation.py);
//  - actor codes compare as written, except that "" and a lone "~AGT" are
//    read as "---" and "---AGT" (validation.py's '~' -> '---');
//  - triples are sets per record (duplicates dropped on both sides);
//  - TABARI "-{...}" events are neither required nor, when produced, extra;
//  - a PETRARCH '"TEXT"' actor (an uncoded actor extracted as text under
//    new_actor_length) matches a produced uncoded actor ("---") whose phrase,
//    upper-cased with possessive 's and punctuation dropped, equals TEXT;
//  - <EventCoding error="X">: "bad_input_parse" tests PETRARCH's parse-tree
//    reader, which a raw-text coder never uses: the record is skipped;
//    "storydiscard" / "sentencediscard" expect no events and a discard
//    (CodeResult::discarded_by non-empty); any other error (e.g. "dateline")
//    expects no events;
//  - PETRARCH XML: only categories listed in <Include> (minus the "valid"
//    flag) and not in <Exclude> are scored, as the suites' runners do;
//  - TABARI: records after the "FINAL" record (the suite's "end of the
//    standard validation records") are not scored; per-record { OPTION: }
//    commands are not applied (the coder takes no options per record).
//
// Thread-safety: EvaluateCoderSuite is thread-safe (Coder::Code is const).
#ifndef STORYLINE_EVAL_CODER_EVAL_H_
#define STORYLINE_EVAL_CODER_EVAL_H_

#include <cstddef>
#include <limits>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "coder/coder.h"
#include "coding/validation.h"

namespace storyline::eval {

struct CoderEvalOptions {
  // Score only the categories the suite's <Include> lists (PETRARCH XML).
  bool honour_include = true;
  // TABARI: stop at the first record whose id starts with "FINAL".
  bool stop_at_final = true;
  // Score only this category ("" = all).
  std::string category;
  // Failing records kept in the report (in suite order).
  size_t max_failures = std::numeric_limits<size_t>::max();
};

// Counts behind the metrics of one category (or the whole suite).
struct CoderEvalCounts {
  size_t records = 0;           // records scored
  size_t passed = 0;            // produced set == expected set
  size_t expected_items = 0;    // expected events + one per no-events record
  size_t found_items = 0;       // of those, found
  size_t expected_triples = 0;  // expected events (no-events items excluded)
  size_t produced = 0;          // produced non-null triples (minus disabled matches)
  size_t matched = 0;           // produced triples matching an expected one
  size_t extra = 0;             // produced - matched
  size_t null_events = 0;       // produced events with a null ("---") code

  double record_accuracy() const;
  double correct() const;            // found_items / expected_items
  double uncoded() const;            // 1 - correct
  double extra_per_record() const;   // extra / records
  double precision() const;          // matched / produced
  double recall() const;             // matched / expected_triples
  double f1() const;
  void Add(const CoderEvalCounts& other);
};

// One triple as compared: canonical codes, or actor text for quoted actors.
struct EvalTriple {
  std::string source;
  std::string target;
  std::string code;
  // TABARI: the event's date (YYYYMMDD) when the suite names one, or the
  // coder's time phrase moved it off the record's date; 0 = not shown.
  int32_t date = 0;
  friend bool operator==(const EvalTriple&, const EvalTriple&) = default;
};
// "SRC TGT CODE", then " @YYYYMMDD" when the date is shown.
std::string ToString(const EvalTriple& t);

// A failing record, with what the coder did, for debugging.
struct CoderRecordResult {
  std::string id;
  std::string category;
  coding::Date date = 0;
  int line = 0;                        // line of the record in the suite file
  std::string text;
  std::vector<EvalTriple> expected;    // required triples; quoted actors as "\"TEXT\""
  std::vector<EvalTriple> optional;    // TABARI disabled events
  bool expect_no_events = false;
  bool expect_discard = false;
  std::vector<EvalTriple> produced;    // non-null produced triples
  std::vector<bool> produced_matched;  // parallel to produced
  std::vector<bool> expected_found;    // parallel to expected
  std::vector<std::string> explanation;  // one block of lines per produced event, then notes
};

struct CoderEvalReport {
  std::string suite_file;
  CoderEvalCounts total;
  // Per category, in order of first appearance.
  std::vector<std::pair<std::string, CoderEvalCounts>> categories;
  std::vector<CoderRecordResult> failures;  // up to CoderEvalOptions::max_failures
  size_t failing_records = 0;               // all failures, kept or not
  size_t skipped_disabled = 0;   // evaluate="false" / TABARI records without expectation
  size_t skipped_excluded = 0;   // category outside <Include>, or the --category filter
  size_t skipped_parse_error = 0;  // error="bad_input_parse"
  size_t skipped_after_final = 0;  // TABARI records after FINAL
  size_t records_with_options = 0; // scored TABARI records carrying { OPTION: } commands
  double seconds = 0;              // coding time
};

CoderEvalReport EvaluateCoderSuite(const coding::ValidationSuite& suite, const coder::Coder& coder,
                                   const CoderEvalOptions& options = {});

// Actor code as compared: "" -> "---", "~GOV" -> "---GOV", else as is.
std::string CanonicalActorCode(std::string_view code);
// Actor phrase as PETRARCH writes an uncoded actor: ASCII upper case, the
// possessive 's and punctuation dropped, blanks collapsed
// ("Gryffindor's head" -> "GRYFFINDOR HEAD").
std::string NormalizeActorText(std::string_view text);

// Multi-line explanation of one coded event (verb, pattern, actors, flags),
// with spans quoted from `sentence`; shared with `storyline code`.
std::vector<std::string> ExplainEvent(const coder::CodedEvent& event, std::string_view sentence);

}  // namespace storyline::eval

#endif  // STORYLINE_EVAL_CODER_EVAL_H_
