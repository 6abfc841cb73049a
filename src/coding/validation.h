// Readers for the event-coder validation suites, into one record model:
//   PETRARCH validation XML (PETR.UnitTest.records.xml, UD-PETRARCH
//     PETR_Validate_records_2_02.xml and PETR2_GSR_validation.xml): an
//     <Environment> naming the dictionaries, then <Sentence> records with
//     <EventCoding> lines, <Text> and a parse kept only as data;
//   TABARI validation text (Validate.text, TABARI.Demo.text): records
//     "YYMMDD ID" + text + a /* ... */ comment whose {SRC / TGT / CODE}
//     lines give the expected events.
//
// Contract: readers never fail on bad content. A malformed record or coding
// line yields a DictionaryError with file and line and is skipped; the other
// records still load. The XML reader is a small tag scanner for this one
// document shape (it tolerates the GSR file's self-closed <Sentence/> tags),
// not a general XML parser. Parses (Penn Treebank or CoNLL-U) are stored for
// checking only and must never be used as coder input.
#ifndef STORYLINE_CODING_VALIDATION_H_
#define STORYLINE_CODING_VALIDATION_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "coding/dictionary.h"
#include "storyline/status.h"

namespace storyline::coding {

struct ExpectedEvent {
  std::string source;    // actor code (quotes of PETRARCH's '"TEXT"' form removed)
  std::string target;
  std::string code;      // event code
  bool source_is_text = false;  // PETRARCH '"..."': an uncoded actor's text
  bool target_is_text = false;
  bool disabled = false;        // TABARI "-{...}": listed but not required
  Date date = 0;                // TABARI: explicit event date after '}', 0 = record date
  friend bool operator==(const ExpectedEvent&, const ExpectedEvent&) = default;
};

struct ValidationRecord {
  std::string id;
  std::string category;     // PETRARCH category; TABARI: ID prefix before '-'
  Date date = 0;
  std::string text;         // sentence text, whitespace collapsed to single blanks
  std::vector<ExpectedEvent> events;
  bool no_events = false;   // PETRARCH noevents / TABARI {---}
  bool disabled = false;    // evaluate="false", or a TABARI record without
                            // an event expectation (option/stop/comment records)
  std::vector<std::string> expected_errors;   // PETRARCH <EventCoding error=..>
  std::vector<std::string> options;           // TABARI { OPTION: ... } / Config lines
  std::string tabari_marker;                  // TABARI "+++" / "###" when given
  std::string parse;        // embedded parse, for checks only
  int line = 0;             // line of the record's opening
};

struct ValidationSuite {
  std::string file;
  std::map<std::string, std::string> environment;  // e.g. "Verbfile" -> name
  std::vector<ValidationRecord> records;
  std::vector<DictionaryError> errors;
  // Counts for reports.
  size_t num_enabled() const;
  size_t num_expected_events() const;  // event lines incl. disabled ones
};

ValidationSuite ParsePetrarchValidation(std::string_view text, const std::string& file_name);
ValidationSuite ParseTabariValidation(std::string_view text, const std::string& file_name);
Result<ValidationSuite> LoadPetrarchValidation(const std::string& path);
Result<ValidationSuite> LoadTabariValidation(const std::string& path);

// One-line description of a record for failure lists:
// "DEMO-01 [DEMO] 19950101: ARN/GON/064; ...".
std::string Describe(const ValidationRecord& record);

}  // namespace storyline::coding

#endif  // STORYLINE_CODING_VALIDATION_H_
