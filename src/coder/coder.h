// The event coder: reads one sentence and finds the political events it
// reports (source actor, target actor, CAMEO event code), from raw text, with
// the community dictionaries (PETRARCH / Phoenix or TABARI) compiled by
// src/coding.
//
// The engine is a shallow coder in the TABARI tradition, guided by the
// analysis stage's part-of-speech tags and chunks instead of a full parse:
// actors and agents are found with the dictionaries' tries, verbs with the
// verb trie (only on tokens the tagger calls verbs, when it can tell), verb
// patterns are matched around the verb with their source / target slots,
// compound actors fan out into one event each, passive voice swaps the roles,
// paired codes (032:033) add the reverse event and transformations rewrite
// "A said B attacked C" style nestings. See coder.cc for the algorithm.
//
// Contract: a DictionarySet is immutable once loaded and may be shared by any
// number of Coders and threads. Coder::Code is const and thread-safe; it
// never fails (a sentence it cannot read simply gives no events). Spans are
// UTF-8 byte offsets into the sentence passed to Code.
#ifndef STORYLINE_CODER_CODER_H_
#define STORYLINE_CODER_CODER_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "coding/dictionary.h"
#include "coding/formats.h"
#include "coding/validation.h"
#include "storyline/article.h"
#include "storyline/status.h"

namespace storyline::coder {

// The compiled dictionaries a coder uses, plus the malformed entries skipped
// while loading them (each names its file and line).
struct DictionarySet {
  // kStoryline: the project's own dictionaries (doc/formats/dictionaries.md);
  // they code like PETRARCH dictionaries plus the refusal rule ("will not
  // negotiate" is a rejection, 125) and event nouns ("after their talks").
  enum class Style { kPetrarch, kTabari, kStoryline };
  Style style = Style::kPetrarch;
  coding::ActorDictionary actors;
  coding::AgentDictionary agents;
  coding::VerbDictionary verbs;
  coding::Discards discards;
  coding::Issues issues;
  coding::TabariOptions tabari_options;  // TABARI projects only
  // UD-PETRARCH's internal coding ontology (PICO): CAMEO code -> value. A
  // negated event's value minus 0xFFFF names its code ("did not clash" 110
  // -> 050). Empty = negated events keep their code.
  std::map<std::string, int64_t> pico;
  // An actor code written with slashes ("[FRO/BIL/SAM]") is one code.
  // PETRARCH-1 and TABARI fan it out into one event per part; UD-PETRARCH
  // (whose dictionaries come with a PICO file) writes it as it stands.
  bool whole_slash_codes = false;
  // Words before the verb in a pattern ("- RECENTLY * [025]", "- WILL *")
  // are matched. UD-PETRARCH's matcher reads only the actor slots ($, +) and
  // the subject's {noun phrase} ("- {DEATH TOLL} *") of a pattern's lower
  // part, so its patterns with other words there never match.
  bool lower_words = true;
  std::vector<coding::DictionaryError> errors;
  std::vector<std::string> files;  // every file read, for reports
};

// Explicit PETRARCH / Phoenix file lists ("" / empty = none).
struct PetrarchFiles {
  std::string verbs;
  std::string pico;  // UD-PETRARCH PICO ontology file
  std::vector<std::string> actors;
  std::string agents;
  std::string discards;
  std::string issues;
};
Result<std::shared_ptr<const DictionarySet>> LoadPetrarch(const PetrarchFiles& files);
// A TABARI .project file and the files it names.
Result<std::shared_ptr<const DictionarySet>> LoadTabari(const std::string& project_path);
// A folder: a *.project file makes it TABARI; otherwise PETRARCH files are
// picked by name (CAMEO*.txt or *verbs*; *actors*; *agents*; *discards*;
// *Issue*); test dictionaries ("Validate", "UnitTest" in the name) only when
// the folder holds no other verb dictionary. InvalidArgument when no verb
// dictionary is found.
Result<std::shared_ptr<const DictionarySet>> LoadDirectory(const std::string& dir);
// storyline's own dictionaries (doc/formats/dictionaries.md) from a folder
// holding a storyline.dict marker file.
Result<std::shared_ptr<const DictionarySet>> LoadNative(const std::string& dir);
// The default dictionaries built into the program (data/dictionaries/),
// compiled once per process and shared.
Result<std::shared_ptr<const DictionarySet>> LoadDefault();
// The dictionaries a validation suite's <Environment> names, relative to
// `dir` (PETRARCH XML); for a TABARI suite, the .project in `dir` whose
// <textfile> is the suite.
Result<std::shared_ptr<const DictionarySet>> LoadForSuite(const coding::ValidationSuite& suite,
                                                          const std::string& dir);
// As above, looking for each named file in `dirs` in order (the PETR-2 GSR
// names the Phoenix files, which live beside the PETRARCH suite).
Result<std::shared_ptr<const DictionarySet>> LoadForSuite(const coding::ValidationSuite& suite,
                                                          const std::vector<std::string>& dirs);

// One actor as coded, with why.
struct ActorMention {
  std::string code;                 // e.g. "RUSGOV"; "" when uncoded
  Span span;                        // the whole actor phrase (agent words included)
  std::string entry;                // actor dictionary root phrase, "" if only an agent
  coding::SourceLocation where;     // actor entry location
  std::vector<std::string> agents;  // agent phrases composed in, e.g. "FOREIGN MINISTER (~GOV)"
};

struct CodedEvent {
  std::string source;  // actor codes ("" = none)
  std::string target;
  std::string code;  // event code, e.g. "042"
  ActorMention source_actor, target_actor;
  Span verb_span;          // the verb (or verb phrase) that carries the event
  std::string verb_block;  // verb dictionary block name, e.g. "ACCUSE"
  std::string pattern;     // matched pattern (coding::Describe), "" = the verb's default code
  coding::SourceLocation pattern_where;
  std::string transformation;  // applied transformation (coding::Describe), ""
  bool passive = false;        // the verb group was passive (roles swapped)
  bool negated = false;        // "did not", "never", ...
  std::string modal;           // "will", "would", ... ("" = none)
  bool paired = false;         // the second half of a paired code (032:033)
  bool refusal = false;        // "will not negotiate" coded as a rejection: the negation is in the code
};

struct CoderOptions {
  // Drop events without both a source and a target (PETRARCH's require_dyad).
  bool require_dyad = true;
  // Use part-of-speech tags to decide which words are verbs; false = every
  // dictionary verb form counts (pure TABARI behaviour).
  bool use_tagger = true;
  // Longest sentence coded, in tokens; longer sentences give no events.
  size_t max_tokens = 160;
  // Record a step-by-step trace in CodeResult::trace (for `storyline code`).
  bool trace = false;

  // TABARI settings (its validation records' OPTION commands; see
  // ApplyTabariOption). Used with TABARI dictionaries only.
  enum class TabariScope { kClause, kSentence, kAll };
  TabariScope tabari_scope = TabariScope::kClause;  // SET: CODE BY CLAUSE | SENTENCE | CODE ALL
  std::string default_source;  // DEFAULT: SOURCE [X]: used when no source is found
  std::string default_target;  // DEFAULT: TARGET [Y]: used when no target is found
  // DEFAULT: ... PRIOR: the source is the default unless an actor precedes
  // the verb; ... AFTER: the target is the default unless an actor follows it.
  bool default_source_prior = false;
  bool default_target_after = false;
  size_t min_words = 0;  // SET: MINIMUM WORDS = N: shorter sentences are not coded
  // SET: CONVERT AGENT = TRUE: an agent with no actor of its own ("the
  // Muslims", "security forces") is coded as an actor ("~MOS"); otherwise it
  // is no actor at all.
  bool tabari_convert_agents = false;
  // FORWARD: <mask>: a pronoun (he, she, it, they) before any actor of a
  // sentence stands for the first actor (its dictionary code, without
  // agents) of the story's previous sentence. "" = off. Honoured when the
  // sentences are coded with an ArticleContext, one per story (see
  // TabariStoryKey); the mask says which characters of a record ID name the
  // story.
  std::string tabari_forward;
  // SET: TIME SHIFT = TRUE: the verbs file's <TIME> phrases are read; one
  // coded ### ("once upon a time") discards the sentence, the first with a
  // day shift ("last week" [-7]) dates the sentence's events (see
  // CodeResult::date_shift_days). Only on command: the validation suite
  // says TABARI turns it on when the verbs file has <TIME> phrases, but the
  // demo suite's dates (DEMO-07, "next month") are unshifted.
  bool tabari_time_shift = false;

  // PETRARCH-1's comma-delimited clause deletion (its comma_* settings; see
  // ApplyPetrarchConfig): before coding, a clause between two commas whose
  // word count lies in [min, max] is removed; bmin / bmax govern the clause
  // before the first comma, emin / emax the one after the last. A max of 0
  // turns that position off. All off by default: PETRARCH-2, UD-PETRARCH and
  // storyline's own dictionaries code the whole sentence
  // (PetrarchCommaDefaults() gives PETRARCH-1's PETR_config.ini values).
  // With TABARI dictionaries the same limits are TABARI's COMMA: command,
  // and a clause within them is blanked rather than removed (its actors and
  // verbs are not coded; see coder/tabari_structure.h).
  struct CommaClauses {
    size_t min = 0, max = 0;    // a clause between two commas
    size_t bmin = 0, bmax = 0;  // the clause opening the sentence
    size_t emin = 0, emax = 0;  // the clause closing it
    bool any() const { return max != 0 || bmax != 0 || emax != 0; }
  };
  CommaClauses comma;
  // PETRARCH-1 codes a verb phrase once: an adverbial clause inside a coded
  // verb's phrase ("... five years after crowds burned down its embassy")
  // gives no event of its own. Off by default: in news the clause is often an
  // event of its own ("police fired tear gas after protesters threw
  // stones"); `eval coder` turns it on for PETRARCH-1 suites.
  bool one_event_per_verb_phrase = false;
  // PETRARCH-1 takes a "be" + participle verb phrase as passive only when
  // "by" follows in it; without "by" the subject stays the source ("X was
  // criticized over its dispute with Y" is X -> Y). Off by default: news
  // passives without "by" name the one acted on ("X was arrested in Y"), as
  // PETRARCH-2 and UD-PETRARCH read them; `eval coder` turns it on for
  // PETRARCH-1 suites.
  bool passive_requires_by = false;
  // PETRARCH's new_actor_length: a verb's subject or object noun phrase that
  // holds no actor and has at most this many words is an actor all the same,
  // uncoded ("---"), named by its text ("the Ministry of Magic"); so an event
  // between actors missing from the dictionaries is still found. 0 = off.
  size_t new_actor_length = 0;
};

// PETRARCH-1's defaults: internal 2..8 words, initial off, terminal 2..8.
CoderOptions::CommaClauses PetrarchCommaDefaults();
// TABARI's built-in settings before any .options command: comma clauses
// internal 2..10 words, initial off, terminal 2..10; sentences of fewer
// than 8 words are not coded.
void SetTabariDefaults(CoderOptions* options);
// For a TABARI dictionary set: TABARI's built-in settings, then the commands
// of the project's .options file, in order, as TABARI applies them before
// the first record. Any other set: nothing changes.
void ApplyTabariProject(const DictionarySet& dictionaries, CoderOptions* options);

// Applies one TABARI option command ("SET: CODE BY SENTENCE", "DEFAULT:
// SOURCE [DEFSRC] PRIOR TARGET [DEFTAR] AFTER", "DEFAULT: OFF", "SET: MINIMUM
// WORDS = 8", "SET: CONVERT AGENT = TRUE", "COMMA: MIN = 4 EMAX = 6",
// "COMMA: OFF", "FORWARD: ^^*****NNN*SSS", "FORWARD: ... OFF", "SET: TIME
// SHIFT = TRUE") to *options. Returns false for commands that do not change
// coding (output, labels) or that are not supported (COMPLEX).
bool ApplyTabariOption(std::string_view command, CoderOptions* options);
// The story a TABARI record belongs to under a FORWARD mask such as
// "^^*****NNN*SSS": the characters of `record_id` under the mask's N's (S
// marks the sentence number, * and other characters are ignored). The
// mask's leading '^'s stand for the blanks before the ID on TABARI's record
// line and are skipped. "" when the ID is too short for the mask.
std::string TabariStoryKey(std::string_view record_id, std::string_view mask);
// Applies one PETRARCH validation <Config> setting, as "option=value"
// ("require_dyad=False", "comma_emax=0", "new_actor_length=4"). Returns false for settings that do
// not change coding here (stop_on_error, ...) or that are not supported.
bool ApplyPetrarchConfig(std::string_view setting, CoderOptions* options);

struct CodeResult {
  std::vector<CodedEvent> events;
  std::vector<std::string> issues;   // issue codes found in the sentence
  std::string discarded_by;          // discard phrase that dropped the sentence, ""
  // SET: TIME SHIFT (TABARI): the first <TIME> phrase with a day shift and
  // that shift; every event of the sentence happened `date_shift_days` from
  // the sentence's date ("yesterday" -1). "" / 0 when none.
  std::string time_phrase;
  int date_shift_days = 0;
  std::vector<ActorMention> actors;  // every actor found, in order
  std::vector<std::string> trace;    // when CoderOptions::trace
};

// What an article has taught the coder so far, for coreference: people named
// in full earlier ("Secretary of State John Kerry" codes a later "Kerry"), and
// the most recent actors (for "he", "the minister"). Code an article's
// sentences in order with one context; Clear() between articles. Not
// thread-safe: one per article being coded.
class ArticleContext {
 public:
  void Clear();

 private:
  friend class Coder;
  struct Name {
    std::string word;   // normalised surname / short name, e.g. "FORD"
    std::string code;   // e.g. "USAGOV"
    std::string entry;  // the phrase it came from, for explanations
  };
  void Learn(std::string word, std::string code, std::string entry);
  std::vector<Name> names_;
  // Sector code ("OPP") -> the full code the article gave it ("SYROPP"); ""
  // once two countries' have been seen (then it is not resolved).
  std::map<std::string, std::string, std::less<>> sectors_;
  std::map<std::string, int, std::less<>> countries_;  // country -> coded actors seen
  int last_person_ = -1;                               // index into names_ of the last person coded
  // TABARI FORWARD: the first actor code of the story's last sentence.
  std::string tabari_forward_;
};

class Coder {
 public:
  static Result<std::unique_ptr<Coder>> Create(std::shared_ptr<const DictionarySet> dictionaries,
                                               CoderOptions options = {});
  ~Coder();

  // Codes one sentence dated `date` (YYYYMMDD; dated actor roles are resolved
  // on it). Clears and fills *out.
  void Code(std::string_view sentence, coding::Date date, CodeResult* out) const;
  // The same, resolving names and pronouns with what `context` holds and
  // adding this sentence's people to it (context may be null).
  void Code(std::string_view sentence, coding::Date date, ArticleContext* context,
            CodeResult* out) const;

  const DictionarySet& dictionaries() const { return *dictionaries_; }
  const std::shared_ptr<const DictionarySet>& shared_dictionaries() const { return dictionaries_; }
  const CoderOptions& options() const { return options_; }

 private:
  Coder(std::shared_ptr<const DictionarySet> dictionaries, CoderOptions options);
  // Code's body; `delete_clauses` = remove options_.comma's clauses (false
  // when coding the sentence that is left once they are removed, and with
  // TABARI dictionaries, which blank them instead).
  void CodeSentence(std::string_view sentence, coding::Date date, ArticleContext* context,
                    CodeResult* out, bool delete_clauses) const;
  struct Compiled;
  std::shared_ptr<const DictionarySet> dictionaries_;
  CoderOptions options_;
  std::unique_ptr<const Compiled> compiled_;
};

}  // namespace storyline::coder

#endif  // STORYLINE_CODER_CODER_H_
