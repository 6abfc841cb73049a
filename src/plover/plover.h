// PLOVER for coded events: the CAMEO ontology table (names, PLOVER type, mode
// and context, quad class, Goldstein value), the modality of a coded event
// (happened, planned, negated, hypothetical) and the PLOVER coding of a CAMEO
// code under a modality.
//
// The tables are data/plover/*.txt (doc/formats/plover.md), embedded in the
// program and compiled once. PLOVER (Political Language Ontology for Verifiable
// Event Records, Open Event Data Alliance; manual draft 2.0, 2024) replaces
// CAMEO's 20 roots with 16 event types plus modes and contexts; the rules
// ToPlover applies are the manual's: a planned cooperative event is an AGREE,
// an announced or conditional act of force a THREATEN, a negated event is not
// coded.
//
// Contract: Ontology::Default() is built on first use, is immutable and may be
// used from any thread; pointers it returns live for the whole program.
// ModalityOf, ToPlover and CodePlover are pure and thread-safe.
#ifndef STORYLINE_PLOVER_PLOVER_H_
#define STORYLINE_PLOVER_PLOVER_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "coder/coder.h"
#include "storyline/status.h"

namespace storyline::plover {

enum class Modality { kHappened, kPlanned, kNegated, kHypothetical };
// "happened", "planned", "negated", "hypothetical".
std::string_view ModalityName(Modality m);

struct CameoInfo {
  std::string code;         // "044"
  std::string name;         // "Meet on neutral ground" (project's own wording)
  std::string plover_type;  // "CONSULT"; "" when the code has no PLOVER type (e.g. 01 statements)
  std::string mode;         // PLOVER mode, e.g. "phone", "visit", "third-party"; "" none
  std::string context;      // PLOVER context, "" none; several are ";"-separated ("military;legal")
  int quad_class = 0;    // 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
  double goldstein = 0;  // Goldstein (1992) scale value of the code
};

// A PLOVER event type (data/plover/types.txt).
struct PloverType {
  std::string name;                // "CONSULT"
  int quad_class = 0;              // PLOVER's own quad category (1-4; manual Table 7.2)
  std::vector<std::string> modes;  // the modes the type allows, e.g. "visit"
  std::string description;         // one line, this project's words
};

class Ontology {
 public:
  // Built once from data/plover/*.txt (embedded); thread-safe. Dies with a
  // message if the embedded tables are malformed (they are part of the
  // program, and plover_test checks them).
  static const Ontology& Default();
  // Parses and cross-checks tables in the data/plover formats (cameo.txt,
  // types.txt, contexts.txt; doc/formats/plover.md): every type, mode and
  // context named must be known, codes unique, every 3- and 4-digit code's
  // parent present, quad classes 1-4 and Goldstein values in [-10, 10].
  // InvalidData naming the file and line otherwise.
  static Result<Ontology> Parse(std::string_view cameo, std::string_view types,
                                std::string_view contexts);

  // Exact code, else its parent (0441 -> 044 -> 04), else nullptr. Blanks
  // around the code are ignored; "", non-digits and codes longer than 4
  // digits give nullptr.
  const CameoInfo* Find(std::string_view cameo) const;
  // The PLOVER type named `type` (exact, upper case), else nullptr.
  const PloverType* FindType(std::string_view type) const;
  bool IsContext(std::string_view context) const;

  const std::vector<CameoInfo>& codes() const { return codes_; }  // file order
  const std::vector<PloverType>& types() const { return types_; }
  const std::vector<std::string>& contexts() const { return contexts_; }

 private:
  std::vector<CameoInfo> codes_;
  std::vector<PloverType> types_;
  std::vector<std::string> contexts_;
  std::map<std::string, size_t, std::less<>> code_index_;
  std::map<std::string, size_t, std::less<>> type_index_;
};

// Modality of a coded event, from the coder's flags and the sentence around
// the verb (event.verb_span indexes `sentence`; a span outside it is read as
// "nothing before the verb"). The cue words are data/plover/modality.txt.
//  - negated: the coder's `negated` flag, or a negator in the verb group
//    ("did not attack", "will never recognise"); an infinitive governed by
//    "failed to", or by "refused to" / "declined to" (the refusal itself is a
//    REJECT code the coder gives the outer verb, and it happened: only the
//    refused event is negated);
//  - hypothetical: a condition word ("if", "unless") in the verb's clause;
//    the modals "could", "may", "might", "should", "must", "can"; "would"
//    unless it follows a reporting verb;
//  - planned: "will" / "shall" / "going to"; "would" after a reporting verb
//    ("said it would admit"); an infinitive governed by an intention word
//    ("plans to", "intends to", "is expected to", "is due to", "is set to",
//    "is scheduled to", "is to", "ready to", "offered to", "agreed to hold",
//    "threatened to bomb": the agreement or threat happened, the event it
//    names has not); a headline infinitive ("Kerry to Meet Lavrov": no final
//    punctuation, capitalised words before "to");
//  - otherwise happened.
Modality ModalityOf(const coder::CodedEvent& event, std::string_view sentence);

struct PloverEvent {
  std::string type, mode, context;
  bool dropped = false;
  std::string rule;
};
// The PLOVER coding of a CAMEO code under a modality, applying the PLOVER
// manual's rules; `rule` names the rule applied ("" for the plain table
// lookup):
//  - "negated": a negated event is dropped (dropped=true; type etc. keep the
//    table's values), "did not attack" is no ASSAULT (manual 2.3);
//  - "planned-cooperation-is-agree": a planned CONSULT, SUPPORT, COOPERATE or
//    AID is AGREE, without mode (manual 3.1);
//  - "planned-retreat-is-concede": a planned RETREAT is CONCEDE (3.4, 3.7);
//  - "intended-force-is-threaten": a planned or hypothetical PROTEST,
//    SANCTION, COERCE or ASSAULT is THREATEN with the matching THREATEN mode
//    ("will impose a curfew" -> restrict; 2.3: "THREATEN could be ASSAULT
//    + hypothetical", code the single category);
//  - "no-plover-type": an unknown code, or one without a PLOVER type (01
//    statements, 02 appeals), gives type "" and dropped=true.
PloverEvent ToPlover(std::string_view cameo, Modality modality);

// The whole PLOVER coding of one coded event: ModalityOf, then ToPlover, plus
// the rule that needs the sentence: a cooperative event (PLOVER quad 1-2)
// whose verb is refused ("refused to meet", "declined to release") is a
// REJECT with the mode of what was refused (meet, yield, assist), rule
// "refused-cooperation-is-reject"; any other refused event stays dropped as
// negated. Stores the modality in *modality when not null.
PloverEvent CodePlover(const coder::CodedEvent& event, std::string_view sentence,
                       Modality* modality = nullptr);

}  // namespace storyline::plover

#endif  // STORYLINE_PLOVER_PLOVER_H_
