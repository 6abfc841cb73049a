// Line-oriented readers for the PETRARCH and TABARI dictionary formats. The
// idea: each file is a sequence of lines whose first non-blank character says
// what the line is ('-' pattern, '+' synonym or multi-word verb, '&' synset,
// '~' transformation, '---' block header, tab-indented '[' dated role, '<'
// section tag, anything else a root entry). A small per-file state machine
// attaches each line to the entry it continues. Comments are stripped first,
// outside [...] and {...} only, because TABARI's discard code is "[###]".
// Grammar reference: PETRARCH-2 docs/source/dictionaries.rst and the TABARI
// 0.8 manual (chapter 5); no code was taken from either program.
#include "coding/formats.h"

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <utility>

#include "coding/text_util.h"

namespace storyline::coding {
namespace {


// Iterates over lines, removing <!-- --> comments (PETRARCH files may carry
// them across lines) and end-of-line comments.
class LineReader {
 public:
  LineReader(std::string_view text, Dialect dialect) : text_(text), dialect_(dialect) {}

  // The '#'/';' comment removed from the last line returned ("" if none).
  const std::string& comment() const { return comment_; }

  // Next line with comments removed (not trimmed); false at the end.
  // raw_blank is true when the line was empty before comment removal.
  bool Next(std::string* line, int* number, bool* raw_blank) {
    if (pos_ > text_.size() || (pos_ == text_.size() && !text_.empty() && text_.back() == '\n') ||
        (text_.empty())) {
      return false;
    }
    size_t end = text_.find('\n', pos_);
    if (end == std::string_view::npos) end = text_.size();
    std::string_view raw = text_.substr(pos_, end - pos_);
    pos_ = end + 1;
    *number = ++line_;
    *raw_blank = Trim(raw).empty();
    if (dialect_ == Dialect::kTabari && raw.substr(0, 2) == "~~") {
      pos_ = text_.size() + 1;  // TABARI end-of-file marker ("~~FINISH ...")
      return false;
    }
    line->clear();
    comment_.clear();
    // XML-style comments.
    size_t i = 0;
    while (i < raw.size()) {
      if (in_xml_comment_) {
        size_t close = raw.find("-->", i);
        if (close == std::string_view::npos) {
          i = raw.size();
        } else {
          in_xml_comment_ = false;
          i = close + 3;
        }
        continue;
      }
      size_t open = raw.find("<!--", i);
      if (open == std::string_view::npos) {
        line->append(raw.substr(i));
        break;
      }
      line->append(raw.substr(i, open - i));
      in_xml_comment_ = true;
      i = open + 4;
    }
    StripLineComment(line);
    return true;
  }

 private:
  void StripLineComment(std::string* line) {
    int depth_square = 0, depth_curly = 0;
    for (size_t i = 0; i < line->size(); ++i) {
      char c = (*line)[i];
      if (c == '[') ++depth_square;
      else if (c == ']' && depth_square > 0) --depth_square;
      else if (c == '{') ++depth_curly;
      else if (c == '}' && depth_curly > 0) --depth_curly;
      else if (depth_square == 0 && depth_curly == 0) {
        bool comment = false;
        if (dialect_ == Dialect::kPetrarch) {
          comment = c == '#' || c == ';';
        } else {
          comment = c == ';' || (c == '/' && i + 1 < line->size() && (*line)[i + 1] == '/' && i == 0) ||
                    (c == '#' && i == 0);
        }
        if (comment) {
          comment_.assign(*line, i + 1);
          line->resize(i);
          return;
        }
      }
    }
  }

  std::string_view text_;
  Dialect dialect_;
  std::string comment_;  // the end-of-line comment removed from the last line
  size_t pos_ = 0;
  int line_ = 0;
  bool in_xml_comment_ = false;
};

struct ErrorSink {
  std::shared_ptr<const std::string> file;
  std::vector<DictionaryError>* errors;
  void Add(int line, std::string message) const {
    errors->push_back(DictionaryError{*file, line, std::move(message)});
  }
  SourceLocation At(int line) const { return SourceLocation{file, line}; }
};

// Splits "TEXT [CODE] {x}" style lines: returns the text before the first
// '[' and the bracket contents in order. False on an unterminated bracket.
bool SplitBrackets(std::string_view line, std::string_view* head,
                   std::vector<std::string_view>* brackets) {
  size_t open = line.find('[');
  *head = line.substr(0, open == std::string_view::npos ? line.size() : open);
  brackets->clear();
  while (open != std::string_view::npos) {
    size_t close = line.find(']', open);
    if (close == std::string_view::npos) return false;
    brackets->push_back(Trim(line.substr(open + 1, close - open - 1)));
    std::string_view rest = line.substr(close + 1);
    size_t next = rest.find('[');
    if (!Trim(next == std::string_view::npos ? rest : rest.substr(0, next)).empty()) return false;
    open = next == std::string_view::npos ? next : close + 1 + next;
  }
  return true;
}

bool ValidCode(std::string_view code) {
  if (code.empty()) return false;
  for (char c : code) {
    if (IsSpace(c) || c == '[' || c == ']' || c == '{' || c == '}') return false;
  }
  return true;
}

// ---------------------------------------------------------------- patterns

class PatternParser {
 public:
  explicit PatternParser(std::string_view text) : s_(text) {}

  // Parses the whole text; false with *error set when malformed.
  bool Parse(std::vector<PatternElement>* out, std::string* error) {
    if (!ParseSeq(out, '\0', error)) return false;
    if (pos_ < s_.size()) {
      *error = std::string("unexpected '") + s_[pos_] + "'";
      return false;
    }
    return true;
  }

 private:
  static bool IsStructural(char c) {
    return c == '(' || c == ')' || c == '{' || c == '}' || c == '|' || c == '_' || c == '[' || c == ']';
  }

  // Reads elements until `stop` (or '|' inside braces); leaves pos_ at stop.
  bool ParseSeq(std::vector<PatternElement>* out, char stop, std::string* error) {
    while (pos_ < s_.size()) {
      char c = s_[pos_];
      if (IsSpace(c)) {
        ++pos_;
        continue;
      }
      if (c == stop || (stop == '}' && c == '|')) return true;
      if (c == '_') {
        size_t k = pos_;
        while (k < s_.size() && s_[k] == '_') ++k;
        if (out->empty()) {
          *error = "'_' with nothing before it";
          return false;
        }
        bool end = k >= s_.size() || IsSpace(s_[k]) || s_[k] == stop || s_[k] == ')' ||
                   s_[k] == '}' || s_[k] == '|';
        if (end) out->back().word_end = true;
        else out->back().adjacent_next = true;
        pos_ = k;
        continue;
      }
      if (c == ')' || c == '}' || c == '|' || c == ']' || c == '[') {
        *error = std::string("unbalanced '") + c + "'";
        return false;
      }
      PatternElement e;
      if (c == '(') {
        ++pos_;
        e.kind = PatternElement::Kind::kPrepPhrase;
        e.groups.emplace_back();
        if (!ParseSeq(&e.groups[0], ')', error)) return false;
        if (pos_ >= s_.size()) {
          *error = "unclosed '('";
          return false;
        }
        ++pos_;
      } else if (c == '{') {
        ++pos_;
        e.groups.emplace_back();
        if (!ParseSeq(&e.groups.back(), '}', error)) return false;
        while (pos_ < s_.size() && s_[pos_] == '|') {
          ++pos_;
          e.groups.emplace_back();
          if (!ParseSeq(&e.groups.back(), '}', error)) return false;
        }
        if (pos_ >= s_.size()) {
          *error = "unclosed '{'";
          return false;
        }
        ++pos_;
        e.kind = e.groups.size() > 1 ? PatternElement::Kind::kAlternatives
                                     : PatternElement::Kind::kNounPhrase;
        for (const auto& g : e.groups) {
          if (g.empty()) {
            *error = "empty group in {...}";
            return false;
          }
        }
      } else if (c == '*') {
        while (pos_ < s_.size() && s_[pos_] == '*') ++pos_;
        e.kind = PatternElement::Kind::kVerb;
      } else if (c == '$' || c == '+' || c == '%' || c == '^') {
        ++pos_;
        e.kind = c == '$'   ? PatternElement::Kind::kSource
                 : c == '+' ? PatternElement::Kind::kTarget
                 : c == '%' ? PatternElement::Kind::kCompound
                            : PatternElement::Kind::kSkip;
      } else {
        bool synset = c == '&';
        if (synset) ++pos_;
        size_t start = pos_;
        while (pos_ < s_.size() && !IsSpace(s_[pos_]) && !IsStructural(s_[pos_]) &&
               !(synset && s_[pos_] == '&')) {
          ++pos_;
        }
        if (pos_ == start) {
          *error = synset ? "'&' without a synset name" : "empty word";
          return false;
        }
        e.kind = synset ? PatternElement::Kind::kSynset : PatternElement::Kind::kWord;
        e.text = NormalizeWord(s_.substr(start, pos_ - start));
      }
      out->push_back(std::move(e));
    }
    if (stop != '\0') {
      *error = std::string("missing '") + stop + "'";
      return false;
    }
    return true;
  }

  std::string_view s_;
  size_t pos_ = 0;
};

size_t CountKind(const std::vector<PatternElement>& v, PatternElement::Kind k) {
  size_t n = 0;
  for (const auto& e : v) {
    if (e.kind == k) ++n;
    for (const auto& g : e.groups) n += CountKind(g, k);
  }
  return n;
}

// "- tokens [code]" (leading '-' already removed).
bool ParsePatternLine(std::string_view body, bool require_verb, VerbPattern* out,
                      std::string* error) {
  body = Trim(body);
  size_t open = body.rfind('[');
  if (open == std::string_view::npos || body.back() != ']') {
    *error = "pattern without [code]";
    return false;
  }
  std::string_view code = Trim(body.substr(open + 1, body.size() - open - 2));
  if (code.find('[') != std::string_view::npos || (code.empty())) {
    *error = "malformed [code]";
    return false;
  }
  out->code = ParseVerbCode(code);
  PatternParser parser(body.substr(0, open));
  if (!parser.Parse(&out->elements, error)) return false;
  if (out->elements.empty()) {
    *error = "empty pattern";
    return false;
  }
  if (require_verb && CountKind(out->elements, PatternElement::Kind::kVerb) != 1) {
    *error = "pattern must contain exactly one '*' (the verb)";
    return false;
  }
  return true;
}

// "WORD {IRREG IRREG} [code]" or "+MULTI_WORD {+FORMS}".
bool ParseVerbFormLine(std::string_view line, VerbForm* out, std::string* error) {
  line = Trim(line);
  if (!line.empty() && line.front() == '+') {
    out->multiword = true;
    line.remove_prefix(1);
  }
  size_t brace = line.find('{');
  size_t square = line.find('[');
  size_t head_end = std::min(brace, square);
  std::string_view head = Trim(line.substr(0, head_end == std::string_view::npos ? line.size() : head_end));
  if (head.empty()) {
    *error = "verb line without a verb";
    return false;
  }
  for (char c : head) {
    if (c == '}' || c == ']' || c == '*' || c == '$' || c == '(' || c == ')' || c == '&') {
      *error = std::string("unexpected '") + c + "' in verb form";
      return false;
    }
  }
  out->phrase = ParsePhrase(head);
  if (brace != std::string_view::npos && (square == std::string_view::npos || brace < square)) {
    size_t close = line.find('}', brace);
    if (close == std::string_view::npos) {
      *error = "unclosed '{' in verb forms";
      return false;
    }
    out->explicit_forms = true;
    std::string_view inner = line.substr(brace + 1, close - brace - 1);
    size_t i = 0;
    while (i < inner.size()) {
      while (i < inner.size() && IsSpace(inner[i])) ++i;
      size_t j = i;
      while (j < inner.size() && !IsSpace(inner[j])) ++j;
      if (j > i) {
        std::string_view w = inner.substr(i, j - i);
        if (w.front() == '+') w.remove_prefix(1);
        if (!w.empty()) out->irregular.push_back(ParsePhrase(w));
      }
      i = j;
    }
    line = line.substr(close + 1);
    square = line.find('[');
    if (!Trim(line.substr(0, square == std::string_view::npos ? line.size() : square)).empty()) {
      *error = "text after '}' in verb form";
      return false;
    }
  }
  if (square != std::string_view::npos) {
    size_t close = line.find(']', square);
    if (close == std::string_view::npos || !Trim(line.substr(close + 1)).empty()) {
      *error = "malformed [code] on verb line";
      return false;
    }
    out->code = ParseVerbCode(line.substr(square + 1, close - square - 1));
  }
  return true;
}

// "~ a (b c VERB) VERB2 = x y CODE".
bool ParseTransformation(std::string_view body, Transformation* t, std::string* error) {
  std::string spaced;
  for (char c : body) {
    if (c == '(' || c == ')' || c == '=') {
      spaced += ' ';
      spaced += c;
      spaced += ' ';
    } else {
      spaced += c;
    }
  }
  std::vector<std::string> tok;
  std::istringstream in(spaced);
  std::string w;
  while (in >> w) tok.push_back(w);
  if (tok.size() != 11 || tok[1] != "(" || tok[5] != ")" || tok[7] != "=") {
    *error = "transformation must read '~ a (b c VERB) VERB = x y CODE'";
    return false;
  }
  t->outer_source = tok[0];
  t->inner_source = tok[2];
  t->inner_target = tok[3];
  t->inner_verb = NormalizeWord(tok[4]);
  t->outer_verb = NormalizeWord(tok[6]);
  t->out_source = tok[8];
  t->out_target = tok[9];
  t->out_code = tok[10];
  return true;
}

// Synset label "&NAME_" -> name, no_plurals.
bool ParseSynsetLabel(std::string_view line, Synset* s, std::string* error) {
  line = Trim(line);
  line.remove_prefix(1);  // '&'
  if (line.empty()) {
    *error = "synset without a name";
    return false;
  }
  for (char c : line) {
    if (IsSpace(c) || c == '[' || c == '{' || c == '(') {
      *error = "synset label must be a single word";
      return false;
    }
  }
  if (line.back() == '_') {
    s->no_plurals = true;
    line.remove_suffix(1);
  }
  s->name = NormalizeWord(line);
  return true;
}

// TABARI members may also hold actor slots ("+PESO_$": a peso sum and who
// pays it).
bool ParseSynsetMember(std::string_view line, bool slots, std::vector<PatternElement>* out,
                       std::string* error) {
  line = Trim(line);
  line.remove_prefix(1);  // '+'
  PatternParser parser(line);
  if (!parser.Parse(out, error)) return false;
  if (out->empty()) {
    *error = "empty synset member";
    return false;
  }
  for (const auto& e : *out) {
    bool slot = e.kind == PatternElement::Kind::kSource ||
                e.kind == PatternElement::Kind::kTarget ||
                e.kind == PatternElement::Kind::kCompound;
    if (slot && slots) continue;
    if (e.kind != PatternElement::Kind::kWord && e.kind != PatternElement::Kind::kSynset &&
        e.kind != PatternElement::Kind::kAlternatives &&
        e.kind != PatternElement::Kind::kPrepPhrase && e.kind != PatternElement::Kind::kNounPhrase) {
      *error = "synset member may hold only words and synsets";
      return false;
    }
  }
  return true;
}

std::shared_ptr<const std::string> FileName(const std::string& name) {
  return std::make_shared<const std::string>(name);
}

}  // namespace

// ---------------------------------------------------------------- dates, files

bool ParseDictionaryDate(std::string_view text, Date* out, const FormatOptions& options) {
  text = Trim(text);
  if (text.size() != 6 && text.size() != 8) return false;
  int v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  int year, rest;
  if (text.size() == 6) {
    year = v / 10000;
    rest = v % 10000;
    year += year < options.two_digit_year_pivot ? 2000 : 1900;
  } else {
    year = v / 10000;
    rest = v % 10000;
  }
  int month = rest / 100, day = rest % 100;
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  *out = year * 10000 + month * 100 + day;
  return true;
}

Result<std::string> ReadTextFile(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return NotFoundError("no such file: " + path);
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError("cannot open " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return IoError("read failed: " + path);
  return ss.str();
}

// ---------------------------------------------------------------- verbs

namespace {

enum class VerbDialect { kPetrarch, kTabari };

Loaded<VerbDictionary> ParseVerbs(std::string_view text, const std::string& file_name,
                                  VerbDialect dialect) {
  Loaded<VerbDictionary> out;
  ErrorSink sink{FileName(file_name), &out.errors};
  VerbDictionary::Parts parts;
  parts.tabari = dialect == VerbDialect::kTabari;
  enum class State { kNone, kBlock, kSynset, kTime } state = State::kNone;
  enum class Section { kVerbs, kSynsets, kTime, kNoun, kAdjective } section = Section::kVerbs;
  bool block_open = false;  // parts.blocks.back() accepts forms/patterns
  LineReader reader(text, dialect == VerbDialect::kPetrarch ? Dialect::kPetrarch : Dialect::kTabari);
  std::string line;
  int n = 0;
  bool raw_blank = false;
  std::string error;
  while (reader.Next(&line, &n, &raw_blank)) {
    std::string_view t = Trim(line);
    if (t.empty()) continue;
    error.clear();
    if (dialect == VerbDialect::kTabari && t.front() == '<' && t.back() == '>') {
      std::string tag = NormalizeWord(t);
      if (tag == "<SYNSETS>") section = Section::kSynsets;
      else if (tag == "<TIME>") section = Section::kTime;
      else if (tag == "<NOUN>" || tag == "<NOUNS>") section = Section::kNoun;
      else if (tag == "<ADJECTIVE>" || tag == "<ADJECTIVES>") section = Section::kAdjective;
      else if (tag.size() > 2 && tag[1] == '/') section = Section::kVerbs;
      else sink.Add(n, "unknown section tag " + std::string(t));
      state = State::kNone;
      block_open = false;
      continue;
    }
    if (section == Section::kNoun || section == Section::kAdjective) {
      std::string_view head;
      std::vector<std::string_view> brackets;
      if (!SplitBrackets(t, &head, &brackets) || Trim(head).empty()) {
        sink.Add(n, "malformed word entry");
        continue;
      }
      (section == Section::kNoun ? parts.nouns : parts.adjectives).push_back(ParsePhrase(Trim(head)));
      continue;
    }
    char c = t.front();
    if (c == '&') {
      Synset s;
      if (!ParseSynsetLabel(t, &s, &error)) {
        sink.Add(n, error);
        state = State::kNone;
        continue;
      }
      s.where = sink.At(n);
      parts.synsets.push_back(std::move(s));
      state = State::kSynset;
      continue;
    }
    if (c == '+' && state == State::kSynset) {
      std::vector<PatternElement> member;
      if (!ParseSynsetMember(t, dialect == VerbDialect::kTabari, &member, &error)) {
        sink.Add(n, error);
        continue;
      }
      parts.synsets.back().members.push_back(std::move(member));
      continue;
    }
    if (c == '~') {
      Transformation tr;
      if (!ParseTransformation(t.substr(1), &tr, &error)) {
        sink.Add(n, error);
        continue;
      }
      tr.where = sink.At(n);
      parts.transformations.push_back(std::move(tr));
      continue;
    }
    if (dialect == VerbDialect::kPetrarch && t.size() >= 3 && t.substr(0, 3) == "---") {
      std::string_view h = t;
      while (!h.empty() && (h.front() == '-' || IsSpace(h.front()))) h.remove_prefix(1);
      while (!h.empty() && (h.back() == '-' || IsSpace(h.back()))) h.remove_suffix(1);
      VerbBlock block;
      size_t open = h.find('[');
      if (open != std::string_view::npos) {
        size_t close = h.find(']', open);
        if (close == std::string_view::npos) {
          sink.Add(n, "block header with unclosed '['");
          state = State::kNone;
          block_open = false;
          continue;
        }
        block.code = ParseVerbCode(h.substr(open + 1, close - open - 1));
        h = Trim(h.substr(0, open));
      } else {
        block.code = ParseVerbCode("---");
      }
      if (h.empty()) {
        sink.Add(n, "block header without a name");
        state = State::kNone;
        block_open = false;
        continue;
      }
      block.name = NormalizeWord(h);
      block.where = sink.At(n);
      parts.blocks.push_back(std::move(block));
      block_open = true;
      state = State::kBlock;
      continue;
    }
    if (c == '-') {
      VerbPattern p;
      bool in_time = state == State::kTime && !parts.times.empty();
      if (!ParsePatternLine(t.substr(1), !in_time, &p, &error)) {
        sink.Add(n, error);
        continue;
      }
      p.where = sink.At(n);
      if (dialect == VerbDialect::kPetrarch) {
        // PETRARCH-2 names the verb a pattern belongs to in its comment
        // ("- * TRIAL UNFAIR [053] # CONDEMN"); kept when it names a verb of
        // the block (checked once the block is complete).
        std::string_view c = Trim(reader.comment());
        size_t end = 0;
        while (end < c.size() && (std::isalpha(static_cast<unsigned char>(c[end])) || c[end] == '_')) ++end;
        p.verb = NormalizeWord(c.substr(0, end));
      }
      if (in_time) {
        parts.times.back().patterns.push_back(std::move(p));
      } else if (block_open && state != State::kNone) {
        parts.blocks.back().patterns.push_back(std::move(p));
        state = State::kBlock;
      } else {
        sink.Add(n, "pattern outside a verb block");
      }
      continue;
    }
    if (section == Section::kTime) {
      std::string_view head;
      std::vector<std::string_view> brackets;
      if (!SplitBrackets(t, &head, &brackets) || brackets.size() != 1 || Trim(head).empty()) {
        sink.Add(n, "time entry must read 'PHRASE [shift]'");
        continue;
      }
      TimeEntry te;
      te.phrase = ParsePhrase(Trim(head));
      te.shift = std::string(brackets[0]);
      te.where = sink.At(n);
      parts.times.push_back(std::move(te));
      state = State::kTime;
      continue;
    }
    if (section == Section::kSynsets) {
      sink.Add(n, "expected '&NAME' or '+member' in <SYNSETS>");
      continue;
    }
    if (dialect == VerbDialect::kTabari && c == '{') {
      // "{ BROKE_ BROKEN_ }" on its own line: forms of the preceding root.
      size_t close = t.find('}');
      if (!block_open || parts.blocks.back().verbs.empty() || close == std::string_view::npos ||
          !Trim(t.substr(close + 1)).empty()) {
        sink.Add(n, "'{forms}' line must follow a verb and be closed");
        continue;
      }
      VerbForm& f = parts.blocks.back().verbs.back();
      f.explicit_forms = true;
      std::string_view inner = t.substr(1, close - 1);
      size_t i = 0;
      while (i < inner.size()) {
        while (i < inner.size() && IsSpace(inner[i])) ++i;
        size_t j = i;
        while (j < inner.size() && !IsSpace(inner[j])) ++j;
        if (j > i) f.irregular.push_back(ParsePhrase(inner.substr(i, j - i)));
        i = j;
      }
      continue;
    }
    // A verb form line.
    VerbForm form;
    if (!ParseVerbFormLine(t, &form, &error)) {
      sink.Add(n, error);
      continue;
    }
    form.where = sink.At(n);
    if (dialect == VerbDialect::kTabari) {
      // Each TABARI root starts its own block.
      VerbBlock block;
      block.name = PhraseText(form.phrase);
      block.code = form.code;
      block.where = form.where;
      block.verbs.push_back(std::move(form));
      parts.blocks.push_back(std::move(block));
      block_open = true;
      state = State::kBlock;
      continue;
    }
    if (!block_open) {
      sink.Add(n, "verb outside a '--- NAME [code] ---' block");
      continue;
    }
    parts.blocks.back().verbs.push_back(std::move(form));
    state = State::kBlock;
  }
  // Synset references must resolve.
  std::unordered_map<std::string, int> names;
  for (const Synset& s : parts.synsets) names.emplace(s.name, 0);
  auto check = [&](const std::vector<PatternElement>& els, int line, auto&& self) -> bool {
    for (const auto& e : els) {
      if (e.kind == PatternElement::Kind::kSynset && !names.count(e.text)) {
        sink.Add(line, "undefined synset &" + e.text);
        return false;
      }
      for (const auto& g : e.groups) {
        if (!self(g, line, self)) return false;
      }
    }
    return true;
  };
  for (VerbBlock& b : parts.blocks) {
    std::vector<VerbPattern> kept;
    for (VerbPattern& p : b.patterns) {
      if (!p.verb.empty()) {
        bool named = false;
        for (const VerbForm& f : b.verbs) {
          if (!f.phrase.empty() && PhraseText(f.phrase) == p.verb) named = true;
        }
        if (!named) p.verb.clear();  // an ordinary comment ("# pas 2005")
      }
      if (check(p.elements, p.where.line, check)) kept.push_back(std::move(p));
    }
    b.patterns = std::move(kept);
  }
  for (Synset& s : parts.synsets) {
    std::vector<std::vector<PatternElement>> kept;
    for (auto& m : s.members) {
      if (check(m, s.where.line, check)) kept.push_back(std::move(m));
    }
    s.members = std::move(kept);
  }
  out.dictionary = VerbDictionary::Build(std::move(parts));
  return out;
}

}  // namespace

Loaded<VerbDictionary> ParsePetrarchVerbs(std::string_view text, const std::string& file_name,
                                          const FormatOptions&) {
  return ParseVerbs(text, file_name, VerbDialect::kPetrarch);
}

Loaded<VerbDictionary> ParseTabariVerbs(std::string_view text, const std::string& file_name,
                                        const FormatOptions&) {
  return ParseVerbs(text, file_name, VerbDialect::kTabari);
}

// ---------------------------------------------------------------- actors

namespace {

// "[CODE]", "[CODE >YYMMDD]", "[CODE <YYMMDD]", "[CODE d1-d2]".
bool ParseRole(std::string_view inner, DateRole* role, bool* dated, std::string* error,
               const FormatOptions& options) {
  inner = Trim(inner);
  size_t sp = 0;
  while (sp < inner.size() && !IsSpace(inner[sp]) && inner[sp] != '<' && inner[sp] != '>') ++sp;
  std::string_view code = inner.substr(0, sp);
  std::string_view rest = Trim(inner.substr(sp));
  if (code.empty()) {
    *error = "role without a code";
    return false;
  }
  Date probe;
  if (code.find('-') != std::string_view::npos && code != "---" &&
      (ParseDictionaryDate(code.substr(0, code.find('-')), &probe, options))) {
    *error = "role '" + std::string(inner) + "' has a date range but no code";
    return false;
  }
  role->code = NormalizeWord(code);
  *dated = !rest.empty();
  if (rest.empty()) return true;
  std::string compact;
  for (char c : rest) {
    if (!IsSpace(c)) compact += c;
  }
  std::string_view r = compact;
  if (r.front() == '<' || r.front() == '>') {
    Date d;
    if (!ParseDictionaryDate(r.substr(1), &d, options)) {
      *error = "bad date in role '" + std::string(inner) + "'";
      return false;
    }
    if (r.front() == '<') role->to = d;
    else role->from = d;
    return true;
  }
  size_t dash = r.find('-');
  if (dash == std::string_view::npos) {
    *error = "bad date restriction in role '" + std::string(inner) + "'";
    return false;
  }
  Date a, b;
  if (!ParseDictionaryDate(r.substr(0, dash), &a, options) ||
      !ParseDictionaryDate(r.substr(dash + 1), &b, options)) {
    *error = "bad date range in role '" + std::string(inner) + "'";
    return false;
  }
  if (a > b) {
    *error = "date range ends before it starts in role '" + std::string(inner) + "'";
    return false;
  }
  role->from = a;
  role->to = b;
  return true;
}

bool AddRoles(const std::vector<std::string_view>& brackets, ActorEntry* e, std::string* error,
              const FormatOptions& options) {
  for (std::string_view b : brackets) {
    DateRole role;
    bool dated = false;
    if (!ParseRole(b, &role, &dated, error, options)) return false;
    if (dated) e->roles.push_back(std::move(role));
    else e->default_code = role.code;
  }
  return true;
}

}  // namespace

Loaded<ActorDictionary> ParseActors(std::span<const TextFile> files, Dialect dialect,
                                    const FormatOptions& options) {
  Loaded<ActorDictionary> out;
  std::vector<ActorEntry> entries;
  std::vector<Phrase> nouns, adjectives;
  for (const TextFile& f : files) {
    enum class Section { kActors, kNoun, kAdjective } section = Section::kActors;
    ErrorSink sink{FileName(f.name), &out.errors};
    LineReader reader(f.text, dialect);
    std::string line;
    int n = 0;
    bool raw_blank = false;
    bool open = false;  // entries.back() belongs to this file and is live
    std::string error;
    while (reader.Next(&line, &n, &raw_blank)) {
      std::string_view t = Trim(line);
      if (t.empty()) continue;
      bool indented = IsSpace(line[0]);
      if (dialect == Dialect::kTabari && t.front() == '<' && t.back() == '>') {
        std::string tag = NormalizeWord(t);
        if (tag == "<NOUN>" || tag == "<NOUNS>") section = Section::kNoun;
        else if (tag == "<ADJECTIVE>" || tag == "<ADJECTIVES>") section = Section::kAdjective;
        else if (tag.size() > 2 && tag[1] == '/') section = Section::kActors;
        else sink.Add(n, "unknown section tag " + std::string(t));
        open = false;
        continue;
      }
      if (section != Section::kActors) {
        Phrase p = ParsePhrase(t);
        if (p.empty() || t.find_first_of("[]{}") != std::string_view::npos) {
          sink.Add(n, "malformed word entry");
          continue;
        }
        (section == Section::kNoun ? nouns : adjectives).push_back(std::move(p));
        continue;
      }
      std::string_view head;
      std::vector<std::string_view> brackets;
      if (!SplitBrackets(t, &head, &brackets)) {
        sink.Add(n, "unbalanced '[' or text after ']'");
        if (!indented && t.front() != '+') open = false;
        continue;
      }
      head = Trim(head);
      if (t.front() == '[' ) {
        // Role line (PETRARCH requires a tab; we accept any indentation or none).
        if (!open) {
          sink.Add(n, "date restriction without an actor");
          continue;
        }
        ActorEntry trial = entries.back();
        error.clear();
        if (!AddRoles(brackets, &trial, &error, options)) {
          sink.Add(n, error);
          continue;
        }
        entries.back() = std::move(trial);
        continue;
      }
      if (t.front() == '+') {
        if (!open) {
          sink.Add(n, "synonym without an actor");
          continue;
        }
        Phrase p = ParsePhrase(Trim(head.substr(1)));
        if (p.empty()) {
          sink.Add(n, "empty synonym");
          continue;
        }
        entries.back().phrases.push_back(std::move(p));
        if (!brackets.empty()) {
          error.clear();
          ActorEntry trial = entries.back();
          if (!AddRoles(brackets, &trial, &error, options)) {
            sink.Add(n, error);
            continue;
          }
          entries.back() = std::move(trial);
        }
        continue;
      }
      ActorEntry e;
      e.phrases.push_back(ParsePhrase(head));
      e.where = sink.At(n);
      if (e.phrases[0].empty()) {
        sink.Add(n, "actor line without a phrase");
        open = false;
        continue;
      }
      error.clear();
      if (!AddRoles(brackets, &e, &error, options)) {
        sink.Add(n, error);
        open = false;
        continue;
      }
      entries.push_back(std::move(e));
      open = true;
    }
  }
  out.dictionary = ActorDictionary::Build(std::move(entries), std::move(nouns),
                                          std::move(adjectives));
  return out;
}

// ---------------------------------------------------------------- agents

Loaded<AgentDictionary> ParseAgents(std::span<const TextFile> files, Dialect dialect,
                                    const FormatOptions&) {
  Loaded<AgentDictionary> out;
  std::vector<AgentEntry> entries;
  for (const TextFile& f : files) {
    ErrorSink sink{FileName(f.name), &out.errors};
    std::map<std::string, std::vector<std::string>> markers;
    LineReader reader(f.text, dialect);
    std::string line;
    int n = 0;
    bool raw_blank = false;
    while (reader.Next(&line, &n, &raw_blank)) {
      std::string_view t = Trim(line);
      if (t.empty()) continue;
      if (t.front() == '!' && t.find('=') != std::string_view::npos) {
        size_t close = t.find('!', 1);
        size_t eq = t.find('=');
        if (close == std::string_view::npos || eq < close) {
          sink.Add(n, "substitution marker must read '!NAME! = A, B'");
          continue;
        }
        if (Trim(t.substr(close + 1, eq - close - 1)).empty()) {
          std::vector<std::string> items;
          std::string_view list = t.substr(eq + 1);
          size_t i = 0;
          while (i <= list.size()) {
            size_t comma = list.find(',', i);
            if (comma == std::string_view::npos) comma = list.size();
            std::string_view item = Trim(list.substr(i, comma - i));
            if (!item.empty()) items.push_back(NormalizeWord(item));
            i = comma + 1;
          }
          if (items.empty()) {
            sink.Add(n, "substitution marker with an empty list");
            continue;
          }
          markers[NormalizeWord(t.substr(0, close + 1))] = std::move(items);
          continue;
        }
      }
      std::string_view head;
      std::vector<std::string_view> brackets;
      // Split off {plural} before the code.
      std::string_view body = t;
      std::string_view plural_text;
      bool has_plural = false;
      size_t brace = body.find('{');
      std::string without;
      if (brace != std::string_view::npos) {
        size_t close = body.find('}', brace);
        if (close == std::string_view::npos) {
          sink.Add(n, "unclosed '{' in agent plural");
          continue;
        }
        has_plural = true;
        plural_text = body.substr(brace + 1, close - brace - 1);
        without = std::string(body.substr(0, brace)) + " " + std::string(body.substr(close + 1));
        body = without;
      }
      if (!SplitBrackets(body, &head, &brackets) || brackets.size() != 1) {
        sink.Add(n, "agent line must read 'PHRASE {plural} [~CODE]'");
        continue;
      }
      std::string_view code = Trim(brackets[0]);
      AgentEntry a;
      if (code.size() >= 2 && code.front() == '~') {
        a.code = NormalizeWord(Trim(code.substr(1)));
      } else if (code.size() >= 2 && code.back() == '~') {
        a.prefix = true;
        a.code = NormalizeWord(Trim(code.substr(0, code.size() - 1)));
      } else {
        sink.Add(n, "agent code '" + std::string(code) + "' must start or end with '~'");
        continue;
      }
      if (!ValidCode(a.code) || a.code.find('~') != std::string::npos) {
        sink.Add(n, "malformed agent code '" + std::string(code) + "'");
        continue;
      }
      std::string phrase_text = NormalizeWord(Trim(head));
      if (phrase_text.empty()) {
        sink.Add(n, "agent line without a phrase");
        continue;
      }
      // Expand one substitution marker (the formats use at most one).
      std::vector<std::string> expanded{phrase_text};
      size_t m1 = phrase_text.find('!');
      if (m1 != std::string::npos) {
        size_t m2 = phrase_text.find('!', m1 + 1);
        std::string key = m2 == std::string::npos ? "" : phrase_text.substr(m1, m2 - m1 + 1);
        auto it = markers.find(key);
        if (it == markers.end()) {
          sink.Add(n, "undefined substitution marker " + (key.empty() ? std::string("!") : key));
          continue;
        }
        expanded.clear();
        for (const std::string& item : it->second) {
          expanded.push_back(phrase_text.substr(0, m1) + item + phrase_text.substr(m2 + 1));
        }
      }
      for (const std::string& p : expanded) {
        AgentEntry e = a;
        e.phrase = ParsePhrase(p);
        e.where = sink.At(n);
        if (has_plural) {
          // {A_B C_D}: each blank-separated item is one plural phrase.
          std::string_view pt = plural_text;
          size_t i = 0;
          while (i < pt.size()) {
            while (i < pt.size() && IsSpace(pt[i])) ++i;
            size_t j = i;
            while (j < pt.size() && !IsSpace(pt[j])) ++j;
            if (j > i) e.plurals.push_back(ParsePhrase(pt.substr(i, j - i)));
            i = j;
          }
        } else if (m1 == std::string::npos && !e.phrase.empty()) {
          // Both formats match an agent's regular plural ("MUSLIM_" also
          // reads "Muslims"; TABARI adds the regular endings to a word that
          // must match whole).
          Phrase plural = e.phrase;
          plural.back().word = RegularPlural(plural.back().word);
          e.plurals.push_back(std::move(plural));
        }
        entries.push_back(std::move(e));
      }
    }
  }
  out.dictionary = AgentDictionary::Build(std::move(entries));
  return out;
}

// ---------------------------------------------------------------- discards

Loaded<Discards> ParseDiscards(std::string_view text, const std::string& file_name,
                               const FormatOptions&) {
  Loaded<Discards> out;
  ErrorSink sink{FileName(file_name), &out.errors};
  std::vector<DiscardEntry> entries;
  LineReader reader(text, Dialect::kPetrarch);
  std::string line;
  int n = 0;
  bool raw_blank = false;
  while (reader.Next(&line, &n, &raw_blank)) {
    std::string_view t = Trim(line);
    if (t.empty()) continue;
    DiscardEntry e;
    if (t.front() == '+') {
      e.whole_story = true;
      t = Trim(t.substr(1));
    }
    if (t.find_first_of("[]{}") != std::string_view::npos) {
      sink.Add(n, "discard phrase may not contain brackets");
      continue;
    }
    e.phrase = ParsePhrase(t);
    if (e.phrase.empty()) {
      sink.Add(n, "empty discard phrase");
      continue;
    }
    e.where = sink.At(n);
    entries.push_back(std::move(e));
  }
  out.dictionary = Discards::Build(std::move(entries));
  return out;
}

// ---------------------------------------------------------------- issues

namespace {

// Variants of one written word: "n:school" -> SCHOOL, SCHOOLS;
// "pre+n:school" -> PRE SCHOOL, PRE-SCHOOL, ...
std::vector<std::string> WordVariants(std::string_view word) {
  std::vector<std::vector<std::string>> parts;
  size_t i = 0;
  while (i <= word.size()) {
    size_t plus = word.find('+', i);
    if (plus == std::string_view::npos) plus = word.size();
    std::string_view part = word.substr(i, plus - i);
    std::vector<std::string> forms;
    if (part.size() > 2 && (part[0] == 'n' || part[0] == 'N') && part[1] == ':') {
      std::string base = NormalizeWord(part.substr(2));
      forms = {base, RegularPlural(base)};
    } else if (part.size() > 2 && (part[0] == 'v' || part[0] == 'V') && part[1] == ':') {
      forms = RegularVerbForms(NormalizeWord(part.substr(2)));
    } else if (!part.empty()) {
      forms = {NormalizeWord(part)};
    }
    if (!forms.empty()) parts.push_back(std::move(forms));
    i = plus + 1;
  }
  std::vector<std::string> out{""};
  for (size_t p = 0; p < parts.size(); ++p) {
    std::vector<std::string> next;
    for (const std::string& prefix : out) {
      for (const std::string& f : parts[p]) {
        if (p == 0) {
          next.push_back(f);
        } else {
          next.push_back(prefix + " " + f);
          next.push_back(prefix + "-" + f);
        }
      }
    }
    out = std::move(next);
  }
  return out;
}

}  // namespace

Loaded<Issues> ParseIssues(std::string_view text, const std::string& file_name,
                           const FormatOptions& options) {
  Loaded<Issues> out;
  ErrorSink sink{FileName(file_name), &out.errors};
  std::vector<IssueEntry> entries;
  LineReader reader(text, Dialect::kPetrarch);
  std::string line;
  int n = 0;
  bool raw_blank = false;
  std::string category;
  while (reader.Next(&line, &n, &raw_blank)) {
    std::string_view t = Trim(line);
    if (t.empty()) continue;
    if (t.front() == '<') {
      std::string tag = NormalizeWord(t);
      if (tag.rfind("</ISSUE", 0) == 0) {
        category.clear();
      } else if (tag.rfind("<ISSUE", 0) == 0) {
        size_t k = tag.find("CATEGORY=\"");
        category.clear();
        if (k != std::string::npos) {
          size_t e = tag.find('"', k + 10);
          if (e != std::string::npos) category = tag.substr(k + 10, e - k - 10);
        }
      } else {
        sink.Add(n, "unknown tag " + std::string(t));
      }
      continue;
    }
    std::string_view head;
    std::vector<std::string_view> brackets;
    IssueEntry e;
    if (t.front() == '~') {
      e.ignore = true;
      head = t.substr(1);
      if (head.find_first_of("[]") != std::string_view::npos) {
        sink.Add(n, "ignore phrase '~...' takes no [CODE]");
        continue;
      }
    } else if (!SplitBrackets(t, &head, &brackets) || brackets.size() != 1 ||
               !ValidCode(brackets[0]) || Trim(head).empty()) {
      sink.Add(n, "issue line must read 'phrase [CODE]' or '~phrase'");
      continue;
    } else {
      e.code = std::string(brackets[0]);
    }
    e.category = category;
    e.where = sink.At(n);
    std::vector<std::string> variants{""};
    bool too_many = false;
    std::string_view h = Trim(head);
    size_t i = 0;
    while (i < h.size()) {
      while (i < h.size() && IsSpace(h[i])) ++i;
      size_t j = i;
      while (j < h.size() && !IsSpace(h[j])) ++j;
      if (j > i) {
        std::vector<std::string> forms = WordVariants(h.substr(i, j - i));
        std::vector<std::string> next;
        for (const auto& v : variants) {
          for (const auto& f : forms) next.push_back(v.empty() ? f : v + " " + f);
        }
        variants = std::move(next);
        if (variants.size() > options.max_issue_variants) {
          too_many = true;
          break;
        }
      }
      i = j;
    }
    if (too_many) {
      sink.Add(n, "issue phrase expands to too many variants");
      continue;
    }
    for (const auto& v : variants) {
      Phrase p = ParsePhrase(v);
      if (!p.empty()) e.variants.push_back(std::move(p));
    }
    if (e.variants.empty()) {
      sink.Add(n, "empty issue phrase");
      continue;
    }
    entries.push_back(std::move(e));
  }
  out.dictionary = Issues::Build(std::move(entries));
  return out;
}

// ---------------------------------------------------------------- Load*

namespace {
template <typename F>
auto LoadOne(const std::string& path, F&& parse) -> Result<decltype(parse(std::string_view()))> {
  STORYLINE_ASSIGN_OR_RETURN(std::string text, ReadTextFile(path));
  return parse(std::string_view(text));
}
}  // namespace

Result<Loaded<VerbDictionary>> LoadPetrarchVerbs(const std::string& path, const FormatOptions& o) {
  return LoadOne(path, [&](std::string_view t) { return ParsePetrarchVerbs(t, path, o); });
}
Result<Loaded<VerbDictionary>> LoadTabariVerbs(const std::string& path, const FormatOptions& o) {
  return LoadOne(path, [&](std::string_view t) { return ParseTabariVerbs(t, path, o); });
}
Result<Loaded<AgentDictionary>> LoadPetrarchAgents(const std::string& path, const FormatOptions& o) {
  return LoadOne(path, [&](std::string_view t) {
    TextFile f{path, t};
    return ParseAgents(std::span<const TextFile>(&f, 1), Dialect::kPetrarch, o);
  });
}
Result<Loaded<Discards>> LoadPetrarchDiscards(const std::string& path, const FormatOptions& o) {
  return LoadOne(path, [&](std::string_view t) { return ParseDiscards(t, path, o); });
}
Result<Loaded<Issues>> LoadPetrarchIssues(const std::string& path, const FormatOptions& o) {
  return LoadOne(path, [&](std::string_view t) { return ParseIssues(t, path, o); });
}

Result<Loaded<ActorDictionary>> LoadPetrarchActors(std::span<const std::string> paths,
                                                   const FormatOptions& o) {
  std::vector<std::string> texts;
  texts.reserve(paths.size());
  for (const std::string& p : paths) {
    STORYLINE_ASSIGN_OR_RETURN(std::string text, ReadTextFile(p));
    texts.push_back(std::move(text));
  }
  std::vector<TextFile> files;
  for (size_t i = 0; i < paths.size(); ++i) files.push_back({paths[i], texts[i]});
  return ParseActors(files, Dialect::kPetrarch, o);
}

// ---------------------------------------------------------------- TABARI options, project

Loaded<TabariOptions> ParseTabariOptions(std::string_view text, const std::string& file_name) {
  Loaded<TabariOptions> out;
  ErrorSink sink{FileName(file_name), &out.errors};
  LineReader reader(text, Dialect::kTabari);
  std::string line;
  int n = 0;
  bool raw_blank = false;
  while (reader.Next(&line, &n, &raw_blank)) {
    std::string_view t = Trim(line);
    if (t.empty()) continue;
    size_t colon = t.find(':');
    if (colon == std::string_view::npos || colon == 0) {
      sink.Add(n, "option line must read 'KEY: value'");
      continue;
    }
    TabariOptions::Command c;
    c.key = NormalizeWord(Trim(t.substr(0, colon)));
    c.value = std::string(Trim(t.substr(colon + 1)));
    c.line = n;
    if (c.key == "LABEL") {
      size_t eq = c.value.find('=');
      if (eq == std::string::npos || eq == 0) {
        sink.Add(n, "label must read 'LABEL: code=text'");
        continue;
      }
      out.dictionary.labels[std::string(Trim(std::string_view(c.value).substr(0, eq)))] =
          std::string(Trim(std::string_view(c.value).substr(eq + 1)));
    }
    out.dictionary.commands.push_back(std::move(c));
  }
  return out;
}

Result<Loaded<TabariProject>> LoadTabariProject(const std::string& path, const FormatOptions& o) {
  STORYLINE_ASSIGN_OR_RETURN(std::string text, ReadTextFile(path));
  Loaded<TabariProject> out;
  ErrorSink sink{FileName(path), &out.errors};
  std::filesystem::path dir = std::filesystem::path(path).parent_path();
  std::map<std::string, int> lines;
  std::string_view rest = text;
  int n = 0;
  while (!rest.empty()) {
    size_t nl = rest.find('\n');
    std::string_view raw = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    ++n;
    std::string_view t = Trim(raw);
    if (n == 1 && (t.empty() || t.front() != '<')) {
      out.dictionary.title = std::string(t);
      continue;
    }
    if (t.empty()) continue;
    if (t.front() != '<') {
      sink.Add(n, "project line must start with a <tag>");
      continue;
    }
    size_t close = t.find('>');
    if (close == std::string_view::npos) {
      sink.Add(n, "unclosed <tag>");
      continue;
    }
    std::string tag = NormalizeWord(t.substr(1, close - 1));
    std::string value(Trim(t.substr(close + 1)));
    if (tag.rfind("SESSION", 0) == 0) continue;  // history lines
    out.dictionary.files[tag].push_back(value);
    lines[tag + "\n" + value] = n;
  }
  auto resolve = [&](const std::string& v) { return (dir / v).string(); };
  auto read = [&](const std::string& tag, const std::string& v, std::string* data) {
    Result<std::string> r = ReadTextFile(resolve(v));
    if (!r.ok()) {
      sink.Add(lines[tag + "\n" + v], "cannot read <" + NormalizeWord(tag) + "> " + v + ": " +
                                          r.status().message());
      return false;
    }
    *data = std::move(*r);
    return true;
  };
  auto& f = out.dictionary.files;
  auto append = [&](std::vector<DictionaryError>& errs) {
    out.errors.insert(out.errors.end(), errs.begin(), errs.end());
  };
  if (f.count("ACTORSFILE")) {
    std::vector<std::string> texts;
    std::vector<std::string> names;
    for (const auto& v : f["ACTORSFILE"]) {
      std::string data;
      if (read("ACTORSFILE", v, &data)) {
        texts.push_back(std::move(data));
        names.push_back(resolve(v));
      }
    }
    std::vector<TextFile> files;
    for (size_t i = 0; i < texts.size(); ++i) files.push_back({names[i], texts[i]});
    auto loaded = ParseActors(files, Dialect::kTabari, o);
    append(loaded.errors);
    out.dictionary.actors = std::move(loaded.dictionary);
  }
  // The single-file entries: read the first file named under `tag`, parse it
  // with `parse(data, path)`, keep its errors, store its dictionary.
  auto load_one = [&](const char* tag, auto parse, auto& target) {
    if (!f.count(tag)) return;
    std::string data;
    const std::string& v = f[tag].front();
    if (!read(tag, v, &data)) return;
    auto loaded = parse(data, resolve(v));
    append(loaded.errors);
    target = std::move(loaded.dictionary);
  };
  load_one("VERBSFILE", [&](const std::string& d, const std::string& path) {
    return ParseTabariVerbs(d, path, o);
  }, out.dictionary.verbs);
  load_one("AGENTSFILE", [&](const std::string& d, const std::string& path) {
    TextFile tf{path, d};
    return ParseAgents(std::span<const TextFile>(&tf, 1), Dialect::kTabari, o);
  }, out.dictionary.agents);
  load_one("OPTIONSFILE", [&](const std::string& d, const std::string& path) {
    return ParseTabariOptions(d, path);
  }, out.dictionary.options);
  if (f.count("TEXTFILE")) out.dictionary.text_file = resolve(f["TEXTFILE"].front());
  return out;
}


// ---------------------------------------------------------------- internal

namespace internal {

bool ParsePatternText(std::string_view text, bool require_verb, VerbPattern* out,
                      std::string* error) {
  return ParsePatternLine(text, require_verb, out, error);
}

bool ParseElements(std::string_view text, std::vector<PatternElement>* out, std::string* error) {
  PatternParser parser(text);
  return parser.Parse(out, error);
}

bool ParseTransformationText(std::string_view text, Transformation* out, std::string* error) {
  return ParseTransformation(text, out, error);
}

}  // namespace internal

}  // namespace storyline::coding
