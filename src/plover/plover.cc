// PLOVER tables and rules.
//
// The ontology is three small text tables (data/plover/cameo.txt, types.txt,
// contexts.txt) parsed and cross-checked once; a CAMEO code is looked up
// exactly and then by its parents, which is how CAMEO itself nests codes
// (0441 is a kind of 044, a kind of 04).
//
// Modality follows the PLOVER manual's auxiliary modes (section 2.3:
// future, hypothetical, negation). A shallow coder has no parse tree, so the
// modality is read from the words just before the coded verb, the way a
// reader resolves "did not attack" or "will meet": the verb group (modals,
// auxiliaries, adverbs, negators) is walked backwards from the verb; an
// infinitive ("plans to meet", headline "Kerry to Meet Lavrov") is judged by
// the word that governs its "to"; a condition word ("if", "unless") in the
// verb's clause makes it hypothetical. The cue words are data
// (data/plover/modality.txt). The coder's own `negated` and `modal` flags,
// from its chunker, are used first.
//
// ToPlover applies the manual's event rules (sections 3.1, 3.4, 3.7):
// cooperative actions reported as future are AGREE, future retreats are
// CONCEDE, negated events are not coded.
#include "plover/plover.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <unordered_map>
#include <unordered_set>

#include "common/embedded_data.h"

namespace storyline::plover {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> SplitFields(std::string_view line, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t bar = line.find(sep, start);
    out.push_back(
        Trim(line.substr(start, bar == std::string_view::npos ? line.npos : bar - start)));
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  return out;
}

std::vector<std::string> SplitWords(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    size_t j = i;
    while (j < s.size() && !std::isspace(static_cast<unsigned char>(s[j]))) ++j;
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// One table line with its 1-based number, comments and blank lines skipped.
struct Line {
  size_t number;
  std::string_view text;
};
std::vector<Line> TableLines(std::string_view text) {
  std::vector<Line> out;
  size_t number = 0, start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    ++number;
    std::string_view line = Trim(text.substr(start, end - start));
    if (!line.empty() && line.front() != '#') out.push_back({number, line});
    if (end == text.size()) break;
    start = end + 1;
  }
  return out;
}

Status LineError(std::string_view file, size_t line, std::string_view why) {
  return InvalidDataError("data/plover/" + std::string(file) + ":" + std::to_string(line) + ": " +
                          std::string(why));
}

bool IsCode(std::string_view s) {
  return s.size() >= 2 && s.size() <= 4 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string_view NoneIfDash(std::string_view s) { return s == "-" ? std::string_view() : s; }

}  // namespace

std::string_view ModalityName(Modality m) {
  switch (m) {
    case Modality::kHappened:
      return "happened";
    case Modality::kPlanned:
      return "planned";
    case Modality::kNegated:
      return "negated";
    case Modality::kHypothetical:
      return "hypothetical";
  }
  return "happened";
}

// ------------------------------------------------------------- Ontology

Result<Ontology> Ontology::Parse(std::string_view cameo, std::string_view types,
                                 std::string_view contexts) {
  Ontology o;
  for (const Line& l : TableLines(contexts)) {
    std::string_view name = SplitFields(l.text, '|')[0];
    if (name.empty() || name.find(' ') != std::string_view::npos) {
      return LineError("contexts.txt", l.number, "expected 'context | gloss'");
    }
    if (std::find(o.contexts_.begin(), o.contexts_.end(), name) != o.contexts_.end()) {
      return LineError("contexts.txt", l.number, "duplicate context '" + std::string(name) + "'");
    }
    o.contexts_.emplace_back(name);
  }
  for (const Line& l : TableLines(types)) {
    std::vector<std::string_view> f = SplitFields(l.text, '|');
    if (f.size() != 4) return LineError("types.txt", l.number, "expected 4 '|'-separated fields");
    PloverType t;
    t.name = std::string(f[0]);
    if (t.name.empty() ||
        !std::all_of(t.name.begin(), t.name.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
      return LineError("types.txt", l.number, "type '" + t.name + "' is not an upper-case word");
    }
    if (f[1].size() != 1 || f[1][0] < '1' || f[1][0] > '4') {
      return LineError("types.txt", l.number, "quad must be 1-4");
    }
    t.quad_class = f[1][0] - '0';
    if (f[2] != "-") t.modes = SplitWords(f[2]);
    t.description = std::string(f[3]);
    if (!o.type_index_.emplace(t.name, o.types_.size()).second) {
      return LineError("types.txt", l.number, "duplicate type '" + t.name + "'");
    }
    o.types_.push_back(std::move(t));
  }
  for (const Line& l : TableLines(cameo)) {
    std::vector<std::string_view> f = SplitFields(l.text, '|');
    if (f.size() != 7) return LineError("cameo.txt", l.number, "expected 7 '|'-separated fields");
    CameoInfo c;
    c.code = std::string(f[0]);
    if (!IsCode(c.code)) return LineError("cameo.txt", l.number, "bad CAMEO code '" + c.code + "'");
    if (f[1].size() != 1 || f[1][0] < '1' || f[1][0] > '4') {
      return LineError("cameo.txt", l.number, "quad must be 1-4");
    }
    c.quad_class = f[1][0] - '0';
    std::string g(f[2]);
    char* end = nullptr;
    c.goldstein = std::strtod(g.c_str(), &end);
    if (g.empty() || end != g.c_str() + g.size() || c.goldstein < -10 || c.goldstein > 10) {
      return LineError("cameo.txt", l.number,
                       "Goldstein value '" + g + "' is not a number in [-10, 10]");
    }
    c.plover_type = std::string(NoneIfDash(f[3]));
    c.mode = std::string(NoneIfDash(f[4]));
    c.context = std::string(NoneIfDash(f[5]));
    c.name = std::string(f[6]);
    if (c.name.empty()) return LineError("cameo.txt", l.number, "missing name");
    const PloverType* type = nullptr;
    if (!c.plover_type.empty()) {
      type = o.FindType(c.plover_type);
      if (type == nullptr) {
        return LineError("cameo.txt", l.number, "unknown PLOVER type '" + c.plover_type + "'");
      }
    }
    if (!c.mode.empty() && (type == nullptr || std::find(type->modes.begin(), type->modes.end(),
                                                         c.mode) == type->modes.end())) {
      return LineError("cameo.txt", l.number,
                       "mode '" + c.mode + "' is not a mode of '" + c.plover_type + "'");
    }
    for (std::string_view ctx : SplitFields(c.context, ';')) {
      if (!c.context.empty() && !o.IsContext(ctx)) {
        return LineError("cameo.txt", l.number, "unknown context '" + std::string(ctx) + "'");
      }
    }
    if (c.code.size() > 2 && o.code_index_.find(std::string_view(c.code).substr(
                                 0, c.code.size() - 1)) == o.code_index_.end()) {
      // Parents come first: "044" needs "04" above it, "0441" needs "044".
      if (!(c.code.size() == 3 && o.code_index_.count(c.code.substr(0, 2)))) {
        return LineError("cameo.txt", l.number, "code " + c.code + " comes before its parent");
      }
    }
    if (!o.code_index_.emplace(c.code, o.codes_.size()).second) {
      return LineError("cameo.txt", l.number, "duplicate code " + c.code);
    }
    o.codes_.push_back(std::move(c));
  }
  if (o.codes_.empty()) return InvalidDataError("data/plover/cameo.txt: no codes");
  return o;
}

const Ontology& Ontology::Default() {
  static const Ontology* kDefault = [] {
    auto get = [](std::string_view path) {
      Result<std::string_view> text = data::Get(path);
      if (!text.ok()) {
        std::fprintf(stderr, "storyline: embedded %s missing\n", std::string(path).c_str());
        std::abort();
      }
      return *text;
    };
    Result<Ontology> o =
        Parse(get("plover/cameo.txt"), get("plover/types.txt"), get("plover/contexts.txt"));
    if (!o.ok()) {
      std::fprintf(stderr, "storyline: %s\n", o.status().ToString().c_str());
      std::abort();
    }
    return new Ontology(std::move(o).value());
  }();
  return *kDefault;
}

const CameoInfo* Ontology::Find(std::string_view cameo) const {
  cameo = Trim(cameo);
  if (!IsCode(cameo)) return nullptr;
  while (cameo.size() >= 2) {
    auto it = code_index_.find(cameo);
    if (it != code_index_.end()) return &codes_[it->second];
    cameo.remove_suffix(1);
  }
  return nullptr;
}

const PloverType* Ontology::FindType(std::string_view type) const {
  auto it = type_index_.find(type);
  return it == type_index_.end() ? nullptr : &types_[it->second];
}

bool Ontology::IsContext(std::string_view context) const {
  return std::find(contexts_.begin(), contexts_.end(), context) != contexts_.end();
}

// ------------------------------------------------------------- Modality

namespace {

enum class Cue {
  kNegator,
  kNegatingGovernor,
  kRefusingGovernor,
  kGroup,
  kPlannedModal,
  kConditionalModal,
  kHypotheticalModal,
  kPlannedGovernor,
  kReportingVerb,
  kCondition,
  kHeadlineWord,
  kCount
};

struct CueWords {
  std::unordered_set<std::string> sets[static_cast<int>(Cue::kCount)];
  bool Has(Cue cue, std::string_view word) const {
    return sets[static_cast<int>(cue)].count(std::string(word)) > 0;
  }
};

const CueWords& Cues() {
  static const CueWords kCues = [] {
    static const std::unordered_map<std::string_view, Cue> kKinds = {
        {"negator", Cue::kNegator},
        {"negating-governor", Cue::kNegatingGovernor},
        {"refusing-governor", Cue::kRefusingGovernor},
        {"group", Cue::kGroup},
        {"planned-modal", Cue::kPlannedModal},
        {"conditional-modal", Cue::kConditionalModal},
        {"hypothetical-modal", Cue::kHypotheticalModal},
        {"planned-governor", Cue::kPlannedGovernor},
        {"reporting-verb", Cue::kReportingVerb},
        {"condition", Cue::kCondition},
        {"headline-word", Cue::kHeadlineWord},
    };
    CueWords cues;
    for (std::string_view line : data::Lines("plover/modality.txt")) {
      std::vector<std::string_view> f = SplitFields(line, '|');
      auto kind = f.size() == 2 ? kKinds.find(f[0]) : kKinds.end();
      if (kind == kKinds.end()) {
        std::fprintf(stderr, "storyline: data/plover/modality.txt: bad line '%s'\n",
                     std::string(line).c_str());
        std::abort();
      }
      for (std::string& w : SplitWords(f[1]))
        cues.sets[static_cast<int>(kind->second)].insert(std::move(w));
    }
    return cues;
  }();
  return kCues;
}

// A token of the text before the verb: a lower-cased word, or one
// punctuation character. `capitalised` keeps the original case's first letter.
struct Token {
  std::string text;
  bool word = false;
  bool capitalised = false;
};

// Clause punctuation. Dashes are not: "NATO-member Norway" splits into
// words around one.
bool IsClauseBreak(const Token& t) {
  static const std::string_view kBreaks[] = {",", ";", ":", "(", ")", ".", "!", "?"};
  return !t.word && std::find(std::begin(kBreaks), std::end(kBreaks), t.text) != std::end(kBreaks);
}

// Words are runs of ASCII letters, digits, apostrophes (ASCII or U+2019) and
// other UTF-8 bytes (letters of other scripts); "didn't" splits into "did" +
// "n't" and "we'll" into "we" + "'ll", as the tagger's tokens do.
std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> out;
  size_t i = 0;
  auto is_word_byte = [&](size_t k) {
    unsigned char c = static_cast<unsigned char>(text[k]);
    if (std::isalnum(c) || c == '\'') return true;
    if (c == 0xE2 && k + 2 < text.size() && static_cast<unsigned char>(text[k + 1]) == 0x80 &&
        (static_cast<unsigned char>(text[k + 2]) == 0x99 ||
         static_cast<unsigned char>(text[k + 2]) == 0x98)) {
      return true;  // ’ ‘
    }
    if (c == 0xE2) return false;  // other punctuation (dashes, quotes)
    return c >= 0x80;
  };
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (std::isspace(c)) {
      ++i;
      continue;
    }
    if (!is_word_byte(i)) {
      Token t;
      size_t len = 1;
      if (c == 0xE2 && i + 2 < text.size()) len = 3;  // a typographic dash or quote
      t.text = (c == 0xE2)
                   ? std::string(len == 3 && static_cast<unsigned char>(text[i + 2]) >= 0x9C ? "\""
                                                                                             : "-")
                   : std::string(1, static_cast<char>(c));
      out.push_back(std::move(t));
      i += len;
      continue;
    }
    std::string w;
    bool cap = std::isupper(c) != 0;
    while (i < text.size() && is_word_byte(i)) {
      unsigned char b = static_cast<unsigned char>(text[i]);
      if (b == 0xE2) {  // typographic apostrophe
        w += '\'';
        i += 3;
        continue;
      }
      w += static_cast<char>(std::tolower(b));
      ++i;
    }
    // Split clitics: n't, 'll, 's, 're, 'd, 've, 'm.
    std::string clitic;
    if (w.size() > 3 && w.ends_with("n't")) {
      clitic = "n't";
    } else {
      size_t apos = w.find('\'', 1);
      if (apos != std::string::npos && apos + 1 < w.size()) clitic = w.substr(apos);
    }
    if (!clitic.empty()) w.resize(w.size() - clitic.size());
    while (!w.empty() && w.back() == '\'') w.pop_back();
    while (!w.empty() && w.front() == '\'') w.erase(w.begin());
    if (!w.empty()) out.push_back({w, true, cap});
    if (!clitic.empty()) out.push_back({clitic, true, false});
  }
  return out;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Headline infinitive: "Kerry to Meet Lavrov", "U.S. Secretary of State to
// visit China": a sentence without final punctuation (headlines have none)
// whose words up to the "to" are a short run of capitalised words (and
// headline function words), no clause break.
bool IsHeadline(std::string_view sentence, const std::vector<Token>& toks, size_t to_index) {
  if (to_index == 0 || to_index > 8) return false;
  std::string_view end = sentence;
  while (!end.empty() && (std::isspace(static_cast<unsigned char>(end.back())) ||
                          end.back() == '"' || end.back() == '\'' || end.back() == ')')) {
    end.remove_suffix(1);
  }
  if (end.empty() || end.back() == '.' || end.back() == '!' || end.back() == '?' ||
      end.back() == ';' || end.back() == ':') {
    return false;
  }
  const CueWords& cues = Cues();
  for (size_t k = 0; k < to_index; ++k) {
    const Token& t = toks[k];
    if (!t.word) {
      if (t.text == "." || t.text == "'" || t.text == "-") continue;  // "U.S.", "Al-Qaeda"
      return false;
    }
    if (!t.capitalised && !cues.Has(Cue::kHeadlineWord, t.text)) return false;
  }
  return toks[0].capitalised;
}

struct Reading {
  Modality modality = Modality::kHappened;
  bool refused = false;  // the verb is the infinitive of "refused to", "declined to"
};

Reading Read(const coder::CodedEvent& event, std::string_view sentence) {
  if (event.negated) return {Modality::kNegated, false};
  // The coder already read "will not negotiate" as a refusal (125): the
  // negation is the event, which happened.
  if (event.refusal) return {Modality::kHappened, false};
  const CueWords& cues = Cues();
  std::string modal = Lower(event.modal);
  size_t verb_begin = event.verb_span.begin;
  if (verb_begin > sentence.size() || event.verb_span.end < verb_begin) verb_begin = 0;
  std::vector<Token> toks = Tokenize(sentence.substr(0, verb_begin));

  // 1. The verb group, backwards from the verb: negators and modals.
  size_t k = toks.size();
  size_t modal_at = toks.size();
  while (k > 0) {
    const Token& t = toks[k - 1];
    if (!t.word) break;
    if (cues.Has(Cue::kNegator, t.text)) return {Modality::kNegated, false};
    bool is_modal = cues.Has(Cue::kPlannedModal, t.text) ||
                    cues.Has(Cue::kConditionalModal, t.text) ||
                    cues.Has(Cue::kHypotheticalModal, t.text);
    if (is_modal) {
      if (modal.empty()) modal = t.text;
      modal_at = k - 1;
    } else if (!cues.Has(Cue::kGroup, t.text)) {
      break;
    }
    --k;
  }
  // 2. An infinitive ("plans to meet", "is going to meet"): the word right
  // before "to" governs it; the governor's own verb group may be negated
  // ("did not plan to meet").
  bool infinitive = k > 0 && toks[k - 1].word && toks[k - 1].text == "to";
  if (infinitive && modal.empty()) {
    size_t to_index = k - 1;
    if (to_index > 0 && toks[to_index - 1].word) {
      const std::string& governor = toks[to_index - 1].text;
      size_t h = to_index - 1;
      bool negated_governor = false;
      while (
          h > 0 && toks[h - 1].word &&
          (cues.Has(Cue::kGroup, toks[h - 1].text) || cues.Has(Cue::kNegator, toks[h - 1].text))) {
        if (cues.Has(Cue::kNegator, toks[h - 1].text)) negated_governor = true;
        --h;
      }
      if (cues.Has(Cue::kNegatingGovernor, governor)) return {Modality::kNegated, false};
      if (cues.Has(Cue::kRefusingGovernor, governor))
        return {Modality::kNegated, !negated_governor};
      if (cues.Has(Cue::kPlannedGovernor, governor)) {
        return {negated_governor ? Modality::kNegated : Modality::kPlanned, false};
      }
    }
    if (IsHeadline(sentence, toks, to_index)) return {Modality::kPlanned, false};
  }

  // 3. A condition word in the verb's clause.
  for (size_t c = toks.size(); c > 0; --c) {
    const Token& t = toks[c - 1];
    if (!t.word) {
      if (IsClauseBreak(t)) break;
      continue;
    }
    if (cues.Has(Cue::kCondition, t.text)) return {Modality::kHypothetical, false};
  }

  // 4. The modal.
  if (modal.empty()) return {};
  if (cues.Has(Cue::kPlannedModal, modal)) return {Modality::kPlanned, false};
  if (cues.Has(Cue::kConditionalModal, modal)) {
    // "said it would admit": a reporting verb shortly before the modal.
    size_t from = modal_at < toks.size() ? modal_at : k;
    for (size_t c = from, seen = 0; c > 0 && seen < 8; --c) {
      const Token& t = toks[c - 1];
      if (!t.word) {
        if (t.text == ";" || t.text == ":" || t.text == "(") break;
        continue;
      }
      ++seen;
      if (cues.Has(Cue::kReportingVerb, t.text)) return {Modality::kPlanned, false};
    }
    return {Modality::kHypothetical, false};
  }
  if (cues.Has(Cue::kHypotheticalModal, modal)) return {Modality::kHypothetical, false};
  return {};
}

}  // namespace

Modality ModalityOf(const coder::CodedEvent& event, std::string_view sentence) {
  return Read(event, sentence).modality;
}

// ------------------------------------------------------------- ToPlover

namespace {

bool IsOneOf(std::string_view s, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), s) != set.end();
}

// The THREATEN mode for an intended act of force ("will impose a curfew" ->
// 'restrict'); "" when no THREATEN mode fits.
std::string ThreatMode(const PloverEvent& e) {
  if (e.type == "ASSAULT") return "violence";
  if (e.type == "COERCE") {
    if (e.mode == "arrest") return "arrest";
    if (e.mode == "deport") return "expel";
    if (IsOneOf(e.mode, {"restrict", "curfew", "martial-law", "censor", "withhold"}))
      return "restrict";
    return "";
  }
  if (e.type == "SANCTION") {
    if (e.mode == "expel") return "expel";
    if (e.mode == "withdraw" || e.mode == "discontinue") return "relations";
  }
  return "";
}

// The REJECT mode for a refused cooperative act ("refused to meet" ->
// 'meet').
std::string RejectMode(const PloverEvent& e) {
  if (e.type == "CONSULT" || e.type == "AGREE") return "meet";
  if (e.type == "CONCEDE" || e.type == "RETREAT") return "yield";
  return "assist";
}

}  // namespace

PloverEvent ToPlover(std::string_view cameo, Modality modality) {
  PloverEvent out;
  const CameoInfo* info = Ontology::Default().Find(cameo);
  if (info == nullptr || info->plover_type.empty()) {
    out.dropped = true;
    out.rule = "no-plover-type";
    return out;
  }
  out.type = info->plover_type;
  out.mode = info->mode;
  out.context = info->context;
  switch (modality) {
    case Modality::kNegated:
      // Manual 2.3: negated events can be excluded; "did not attack" is no ASSAULT.
      out.dropped = true;
      out.rule = "negated";
      break;
    case Modality::kPlanned:
      // Manual 3.1: CONSULT, SUPPORT, COOPERATE and AID in the future are
      // intentions, coded AGREE (which has no modes).
      if (IsOneOf(out.type, {"CONSULT", "SUPPORT", "COOPERATE", "AID"})) {
        out.type = "AGREE";
        out.mode.clear();
        out.rule = "planned-cooperation-is-agree";
        break;
      }
      if (out.type == "RETREAT") {
        // Manual 3.4 / 3.7: an announced future retreat is a CONCEDE.
        out.type = "CONCEDE";
        out.mode.clear();
        out.rule = "planned-retreat-is-concede";
        break;
      }
      [[fallthrough]];
    case Modality::kHypothetical:
      // Manual 2.3: "THREATEN could be ASSAULT + hypothetical", and the
      // single category is to be returned: an act of force that is only
      // announced or conditional ("will impose a curfew", "threatened to
      // bomb", "could blockade the port if ...") is a THREATEN.
      if (IsOneOf(out.type, {"PROTEST", "SANCTION", "COERCE", "ASSAULT"})) {
        out.mode = ThreatMode(out);
        out.type = "THREATEN";
        out.rule = "intended-force-is-threaten";
      }
      break;
    case Modality::kHappened:
      break;
  }
  return out;
}

PloverEvent CodePlover(const coder::CodedEvent& event, std::string_view sentence,
                       Modality* modality) {
  Reading reading = Read(event, sentence);
  if (modality != nullptr) *modality = reading.modality;
  PloverEvent out = ToPlover(event.code, reading.modality);
  if (reading.refused && !out.type.empty()) {
    const CameoInfo* info = Ontology::Default().Find(event.code);
    const PloverType* type = info ? Ontology::Default().FindType(info->plover_type) : nullptr;
    if (type != nullptr && type->quad_class <= 2) {
      // "refused to meet": the refusal of a cooperative act is a REJECT
      // (manual 3.10), with the mode of what was refused.
      PloverEvent plain = ToPlover(event.code, Modality::kHappened);
      out.type = "REJECT";
      out.mode = RejectMode(plain);
      out.dropped = false;
      out.rule = "refused-cooperation-is-reject";
    }
  }
  return out;
}

}  // namespace storyline::plover
