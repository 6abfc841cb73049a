// Scoring of the event coder, mapped to PLOVER (src/plover), on the PLOVER
// gold-standard records (PLOVER_GSR_CAMEO: CAMEO-manual example sentences
// recoded to PLOVER 0.5b1; doc/formats/plover.md, "Evaluation").
//
// Reading: the file is one JSON array of objects; objects whose `event` is
// "DOCUMENT" (the header carrying the licence) are skipped. Records are keyed
// by their position in the array, because one id repeats. The gold `event` is
// mapped from PLOVER 0.5's names to the current ones as the PLOVER manual's
// Table 7.1 gives them (DEMAND -> REQUEST, DISAPPROVE and INVESTIGATE ->
// ACCUSE, FIGHT -> ASSAULT); `source` / `target` are lists of {"actorText",
// "code"} or "" (none), and the code "JAP" (CAMEO's pre-ISO code for Japan;
// the records otherwise use ISO-3166 alpha-3) is read as "JPN".
//
// Coding: each record's `text` is coded as one sentence on the record's
// `date`; each produced event gets a modality and a PLOVER coding
// (plover::CodePlover). The record's predicted event is the first
// event in sentence order (by verb position; the coder's order breaks ties)
// that is not dropped (a negated event, or a CAMEO code without a PLOVER
// type such as 01 statements and 02 appeals). A record with no such event
// predicts nothing.
//
// Metrics:
//  - accuracy (headline): predicted type == gold type, over all records;
//  - any_accuracy: some non-dropped event of the record has the gold type;
//  - precision = correct / records with a prediction, recall = correct /
//    records, f1; macro_f1 = the mean per-type F1 over every type that is
//    gold or predicted somewhere;
//  - source agreement: over records with a gold source, the predicted event's
//    source country (first 3 letters of its actor code) is one of the gold
//    source codes; target agreement likewise over records with a gold target;
//    no-target agreement: over records without a gold target, the predicted
//    event has no target (records without a prediction count as misses).
//
// Callers should code with CoderOptions::require_dyad = false: PLOVER does
// not require a recipient for most types, and a third of the records have
// none.
//
// Thread-safety: all functions are thread-safe (Coder::Code is const).
#ifndef STORYLINE_EVAL_PLOVER_EVAL_H_
#define STORYLINE_EVAL_PLOVER_EVAL_H_

#include <cstddef>
#include <limits>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "coder/coder.h"
#include "plover/plover.h"
#include "storyline/status.h"

namespace storyline::eval {

struct PloverGoldRecord {
  size_t position = 0;               // index in the file's JSON array (the header is 0)
  std::string id;                    // e.g. "PLOVER-GSR01-AGREE-0002" (may repeat)
  coding::Date date = 0;             // YYYYMMDD from "date" ("2000-01-01"); 0 when absent
  std::string gold_event;            // as written, e.g. "DEMAND"
  std::string type;                  // current PLOVER name, e.g. "REQUEST"
  std::vector<std::string> sources;  // gold actor codes, e.g. "IGO", "JPN"
  std::vector<std::string> targets;  // empty = no target
  std::string text;
};

// The current PLOVER name of a gold record's event (PLOVER 0.5 names mapped,
// others unchanged).
std::string CurrentPloverType(std::string_view gold_event);
// A gold actor code as scored ("JAP" -> "JPN", others unchanged).
std::string GoldActorCode(std::string_view code);
// The country (or sector) part of a coder actor code: its first 3 letters, ""
// for an empty or uncoded ("---...") code.
std::string ActorCountry(std::string_view actor_code);

// Parses a PLOVER gold-record file. `name` is used in messages. InvalidData
// naming the byte offset (malformed JSON) or the record position and field
// (an array element that is not an object, a missing or non-string `text` /
// `event`, a malformed actor list or date).
Result<std::vector<PloverGoldRecord>> ParsePloverGold(std::string_view json_text,
                                                      std::string_view name);

struct PloverEvalOptions {
  // Records kept in PloverEvalReport::failures (in file order).
  size_t max_failures = std::numeric_limits<size_t>::max();
};

// One coded event of a record, as scored.
struct PloverScoredEvent {
  std::string cameo;   // the coder's code, e.g. "042"
  std::string source;  // actor codes as coded
  std::string target;
  std::string verb;  // the verb text
  plover::Modality modality = plover::Modality::kHappened;
  plover::PloverEvent plover;
};

struct PloverRecordResult {
  size_t position = 0;
  std::string id;
  std::string gold_type;
  std::vector<std::string> gold_sources, gold_targets;
  std::string text;
  std::vector<PloverScoredEvent> events;  // every produced event, in sentence order
  int predicted = -1;                     // index into events, -1 = no prediction
  bool correct = false;
  bool any_correct = false;
  const PloverScoredEvent* prediction() const {
    return predicted < 0 ? nullptr : &events[predicted];
  }
};

struct PloverTypeCounts {
  size_t gold = 0;       // records whose gold type this is
  size_t predicted = 0;  // records predicted as this type
  size_t correct = 0;
  double precision() const;
  double recall() const;
  double f1() const;
};

struct PloverEvalReport {
  size_t records = 0;
  size_t correct = 0;
  size_t any_correct = 0;
  size_t predicted = 0;  // records with a prediction
  size_t no_event = 0;   // records without one
  size_t no_coded = 0;   //   of which the coder produced no event at all
  size_t with_source = 0, source_agree = 0;
  size_t with_target = 0, target_agree = 0;
  size_t without_target = 0, no_target_agree = 0;
  std::map<std::string, PloverTypeCounts> per_type;  // by current type name
  std::map<std::string, size_t> modalities;          // of predicted events, by ModalityName
  std::map<std::string, size_t> rules;       // ToPlover rules of predicted events ("" = plain)
  std::map<std::string, size_t> dropped;     // dropped events by rule, all records
  std::vector<PloverRecordResult> failures;  // wrong or missing predictions
  double seconds = 0;

  double accuracy() const;      // correct / records
  double any_accuracy() const;  // any_correct / records
  double precision() const;     // correct / predicted
  double recall() const;        // correct / records
  double f1() const;
  double macro_f1() const;
  double source_agreement() const;     // source_agree / with_source
  double target_agreement() const;     // target_agree / with_target
  double no_target_agreement() const;  // no_target_agree / without_target
};

// Codes one record and scores it (no counts).
PloverRecordResult ScorePloverRecord(const PloverGoldRecord& record, const coder::Coder& coder);

PloverEvalReport EvaluatePlover(const std::vector<PloverGoldRecord>& records,
                                const coder::Coder& coder, const PloverEvalOptions& options = {});

}  // namespace storyline::eval

#endif  // STORYLINE_EVAL_PLOVER_EVAL_H_
