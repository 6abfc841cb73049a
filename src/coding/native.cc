// storyline's own dictionary format. Each line is read on its own: the
// keyword at its start (block, verb, synset, transform, @place, article:)
// or its shape (NAMES = CODES) says what it is. Patterns are translated
// element by element into the pattern model shared with the PETRARCH reader
// (coding/formats.cc parses them), so both formats mean the same thing.
#include "coding/native.h"

#include <cctype>
#include <memory>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "coding/text_util.h"
#include "text/segment.h"

namespace storyline::coding {

namespace internal {
// Shared with the PETRARCH reader (formats.cc).
bool ParsePatternText(std::string_view text, bool require_verb, VerbPattern* out,
                      std::string* error);
bool ParseElements(std::string_view text, std::vector<PatternElement>* out, std::string* error);
bool ParseTransformationText(std::string_view text, Transformation* out, std::string* error);
}  // namespace internal

namespace {

struct Sink {
  std::shared_ptr<const std::string> file;
  std::vector<DictionaryError>* errors;
  void Add(int line, std::string message) const {
    errors->push_back(DictionaryError{*file, line, std::move(message)});
  }
  SourceLocation At(int line) const { return SourceLocation{file, line}; }
};

// Calls f(line_number, trimmed line without its '#' comment) for each
// non-empty line.
template <typename F>
void ForEachLine(std::string_view text, F&& f) {
  int n = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    ++n;
    size_t hash = line.find('#');
    if (hash != std::string_view::npos) line = line.substr(0, hash);
    line = Trim(line);
    if (!line.empty()) f(n, line);
    if (end == text.size()) break;
    pos = end + 1;
  }
}

// Splits on `sep`, trimming each part (empty parts kept).
std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t p = s.find(sep, start);
    if (p == std::string_view::npos) {
      out.push_back(Trim(s.substr(start)));
      return out;
    }
    out.push_back(Trim(s.substr(start, p - start)));
    start = p + 1;
  }
}

// "LEFT = RIGHT" at the last '='; false when there is none.
bool SplitAssign(std::string_view line, std::string_view* left, std::string_view* right) {
  size_t eq = line.rfind('=');
  if (eq == std::string_view::npos) return false;
  *left = Trim(line.substr(0, eq));
  *right = Trim(line.substr(eq + 1));
  return true;
}

bool StartsWithWord(std::string_view line, std::string_view word, std::string_view* rest) {
  if (line.size() <= word.size() || line.substr(0, word.size()) != word) return false;
  if (!IsSpace(line[word.size()])) return false;
  *rest = Trim(line.substr(word.size()));
  return true;
}

bool ValidCodeText(std::string_view code) {
  if (code.empty()) return false;
  for (char c : code) {
    if (!std::isalnum(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// "YYYY", "YYYY-MM" or "YYYY-MM-DD" as the first (or last) day it covers.
bool ParseBound(std::string_view s, bool upper, Date* out) {
  int parts[3] = {0, 0, 0};
  int count = 0;
  for (std::string_view p : Split(s, '-')) {
    if (count == 3 || p.empty()) return false;
    int v = 0;
    for (char c : p) {
      if (!std::isdigit(static_cast<unsigned char>(c))) return false;
      v = v * 10 + (c - '0');
    }
    parts[count++] = v;
  }
  if (count == 0 || parts[0] < 1000 || parts[0] > 9999) return false;
  if (count >= 2 && (parts[1] < 1 || parts[1] > 12)) return false;
  if (count == 3 && (parts[2] < 1 || parts[2] > 31)) return false;
  int month = count >= 2 ? parts[1] : (upper ? 12 : 1);
  int day = count == 3 ? parts[2] : (upper ? 31 : 1);
  *out = parts[0] * 10000 + month * 100 + day;
  return true;
}

// "CODE" or "CODE[FROM..TO]".
bool ParseCodeItem(std::string_view item, ActorEntry* e, std::string* error) {
  size_t open = item.find('[');
  if (open == std::string_view::npos) {
    if (!ValidCodeText(item)) {
      *error = "malformed code '" + std::string(item) + "'";
      return false;
    }
    if (!e->default_code.empty()) {
      *error = "two undated codes";
      return false;
    }
    e->default_code = std::string(item);
    return true;
  }
  DateRole role;
  role.code = std::string(item.substr(0, open));
  if (!ValidCodeText(role.code) || item.back() != ']') {
    *error = "malformed role '" + std::string(item) + "' (want CODE[FROM..TO])";
    return false;
  }
  std::string_view range = item.substr(open + 1, item.size() - open - 2);
  size_t dots = range.find("..");
  if (dots == std::string_view::npos) {
    *error = "date range without '..' in '" + std::string(item) + "'";
    return false;
  }
  std::string_view from = Trim(range.substr(0, dots)), to = Trim(range.substr(dots + 2));
  if ((!from.empty() && !ParseBound(from, false, &role.from)) ||
      (!to.empty() && !ParseBound(to, true, &role.to))) {
    *error = "bad date in '" + std::string(item) + "' (YYYY, YYYY-MM or YYYY-MM-DD)";
    return false;
  }
  if (role.from > role.to) {
    *error = "date range ends before it starts in '" + std::string(item) + "'";
    return false;
  }
  e->roles.push_back(std::move(role));
  return true;
}

// Names separated by '|', each a non-empty phrase.
bool ParseNames(std::string_view text, std::vector<Phrase>* out, std::string* error) {
  for (std::string_view name : Split(text, '|')) {
    Phrase p = NativePhrase(name);
    if (p.empty()) {
      *error = "empty name";
      return false;
    }
    out->push_back(std::move(p));
  }
  return true;
}

// A pattern, synset member or phrase written in the native notation, as
// PETRARCH pattern text: VERB -> *, SOURCE -> $, TARGET -> +, BOTH -> %,
// SKIP -> ^, @NAME -> &NAME, [..] -> (..); words upper-cased and tokenized
// like sentences ("u.s." stays one word, "talks_with" keeps its '_').
bool TranslatePattern(std::string_view text, std::string* out, std::string* error) {
  out->clear();
  size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (IsSpace(c)) {
      ++i;
      continue;
    }
    if (c == '[' || c == ']' || c == '{' || c == '}' || c == '|') {
      if (!out->empty() && out->back() != ' ') *out += ' ';
      *out += c == '[' ? '(' : c == ']' ? ')' : c;
      *out += ' ';
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() && !IsSpace(text[j]) && text[j] != '[' && text[j] != ']' &&
           text[j] != '{' && text[j] != '}' && text[j] != '|')
      ++j;
    std::string_view w = text.substr(i, j - i);
    i = j;
    // Pieces joined by '_' stay joined (no gap between them).
    bool first_piece = true;
    for (std::string_view piece : Split(w, '_')) {
      if (!first_piece) *out += '_';
      first_piece = false;
      if (piece.empty()) {
        *error = "empty word around '_' in '" + std::string(w) + "'";
        return false;
      }
      if (piece == "VERB")
        *out += "*";
      else if (piece == "SOURCE")
        *out += "$";
      else if (piece == "TARGET")
        *out += "+";
      else if (piece == "BOTH")
        *out += "%";
      else if (piece == "SKIP")
        *out += "^";
      else if (piece.front() == '@') {
        if (piece.size() == 1) {
          *error = "'@' without a synset name";
          return false;
        }
        *out += "&" + NormalizeWord(piece.substr(1));
      } else {
        for (char ch : piece) {
          if (ch == '*' || ch == '$' || ch == '+' || ch == '%' || ch == '^' || ch == '&' ||
              ch == '(' || ch == ')') {
            *error = std::string("unexpected '") + ch + "' in '" + std::string(w) +
                     "' (use VERB, SOURCE, TARGET, BOTH, SKIP, @SYNSET, [..])";
            return false;
          }
        }
        Phrase p = NativePhrase(piece);
        for (size_t k = 0; k < p.size(); ++k) {
          if (k > 0) *out += '_';  // "u.s.-backed" pieces stay adjacent
          *out += p[k].word;
        }
      }
    }
    *out += ' ';
  }
  while (!out->empty() && out->back() == ' ') out->pop_back();
  return true;
}

}  // namespace

Phrase NativePhrase(std::string_view text) {
  std::vector<text::Token> toks;
  text::Tokenize(text, &toks);
  Phrase out;
  out.reserve(toks.size());
  for (const text::Token& t : toks) {
    std::string w = NormalizeWord(t.span.In(text));
    if (!w.empty()) out.push_back(PhraseToken{std::move(w), false, false});
  }
  return out;
}

// ---------------------------------------------------------------- actors

Loaded<ActorDictionary> ParseNativeActors(std::span<const TextFile> files) {
  Loaded<ActorDictionary> out;
  std::vector<ActorEntry> entries;
  for (const TextFile& f : files) {
    Sink sink{std::make_shared<const std::string>(f.name), &out.errors};
    ForEachLine(f.text, [&](int n, std::string_view line) {
      ActorEntry e;
      std::string_view rest;
      if (StartsWithWord(line, "@place", &rest)) {
        e.place = true;
        line = rest;
      } else if (line.front() == '@') {
        sink.Add(n, "unknown marker (only @place is defined)");
        return;
      }
      std::string_view names, codes;
      std::string error;
      if (!SplitAssign(line, &names, &codes) || names.empty()) {
        sink.Add(n, "actor line must read 'NAME | NAME = CODE ...'");
        return;
      }
      if (!ParseNames(names, &e.phrases, &error)) {
        sink.Add(n, error);
        return;
      }
      size_t i = 0;
      while (i < codes.size()) {
        while (i < codes.size() && IsSpace(codes[i])) ++i;
        size_t j = i;
        while (j < codes.size() && !IsSpace(codes[j])) ++j;
        if (j > i && !ParseCodeItem(codes.substr(i, j - i), &e, &error)) {
          sink.Add(n, error);
          return;
        }
        i = j;
      }
      if (e.default_code.empty() && e.roles.empty()) {
        sink.Add(n, "actor without a code");
        return;
      }
      e.where = sink.At(n);
      entries.push_back(std::move(e));
    });
  }
  out.dictionary = ActorDictionary::Build(std::move(entries));
  return out;
}

// ---------------------------------------------------------------- agents

Loaded<AgentDictionary> ParseNativeAgents(std::span<const TextFile> files) {
  Loaded<AgentDictionary> out;
  std::vector<AgentEntry> entries;
  for (const TextFile& f : files) {
    Sink sink{std::make_shared<const std::string>(f.name), &out.errors};
    ForEachLine(f.text, [&](int n, std::string_view line) {
      std::string_view phrases, code;
      if (!SplitAssign(line, &phrases, &code) || phrases.empty()) {
        sink.Add(n, "agent line must read 'PHRASE | PHRASE = ~CODE' (or CODE~)");
        return;
      }
      AgentEntry base;
      if (code.size() > 1 && code.front() == '~') {
        base.code = std::string(code.substr(1));
      } else if (code.size() > 1 && code.back() == '~') {
        base.code = std::string(code.substr(0, code.size() - 1));
        base.prefix = true;
      }
      if (!ValidCodeText(base.code)) {
        sink.Add(n, "agent code must read ~CODE or CODE~");
        return;
      }
      std::vector<AgentEntry> line_entries;
      for (std::string_view item : Split(phrases, '|')) {
        AgentEntry e = base;
        e.where = sink.At(n);
        size_t open = item.find('(');
        std::string_view head = Trim(item.substr(0, open));
        e.phrase = NativePhrase(head);
        if (e.phrase.empty()) {
          sink.Add(n, "empty agent phrase");
          return;
        }
        if (open != std::string_view::npos) {
          size_t close = item.find(')', open);
          if (close == std::string_view::npos || !Trim(item.substr(close + 1)).empty()) {
            sink.Add(n, "plurals must read 'phrase (plural, plural)'");
            return;
          }
          for (std::string_view pl : Split(item.substr(open + 1, close - open - 1), ',')) {
            Phrase p = NativePhrase(pl);
            if (p.empty()) {
              sink.Add(n, "empty plural");
              return;
            }
            e.plurals.push_back(std::move(p));
          }
        } else {
          Phrase plural = e.phrase;
          plural.back().word = RegularPlural(plural.back().word);
          if (plural.back().word != e.phrase.back().word) e.plurals.push_back(std::move(plural));
        }
        line_entries.push_back(std::move(e));
      }
      for (auto& e : line_entries) entries.push_back(std::move(e));
    });
  }
  out.dictionary = AgentDictionary::Build(std::move(entries));
  return out;
}

// ---------------------------------------------------------------- verbs

Loaded<VerbDictionary> ParseNativeVerbs(std::span<const TextFile> files) {
  Loaded<VerbDictionary> out;
  VerbDictionary::Parts parts;
  struct PendingOwner {
    size_t block, pattern;
    int line;
    Sink sink;
  };
  std::vector<PendingOwner> owners;
  for (const TextFile& f : files) {
    Sink sink{std::make_shared<const std::string>(f.name), &out.errors};
    bool block_open = false;  // blocks do not continue across files
    ForEachLine(f.text, [&](int n, std::string_view line) {
      std::string error;
      std::string_view rest;
      if (StartsWithWord(line, "block", &rest)) {
        std::string_view name, code;
        block_open = false;
        if (!SplitAssign(rest, &name, &code) || name.empty() || code.empty() ||
            name.find(' ') != std::string_view::npos) {
          sink.Add(n, "block line must read 'block NAME = CODE'");
          return;
        }
        VerbBlock b;
        b.name = NormalizeWord(name);
        b.code = ParseVerbCode(code);
        b.where = sink.At(n);
        parts.blocks.push_back(std::move(b));
        block_open = true;
        return;
      }
      if (StartsWithWord(line, "synset", &rest)) {
        std::string_view name, members;
        if (!SplitAssign(rest, &name, &members) || name.size() < 2 || name.front() != '@' ||
            name.find(' ') != std::string_view::npos) {
          sink.Add(n, "synset line must read 'synset @NAME = word | word ...'");
          return;
        }
        Synset s;
        s.name = NormalizeWord(name.substr(1));
        s.where = sink.At(n);
        for (std::string_view m : Split(members, '|')) {
          std::string text;
          std::vector<PatternElement> els;
          if (!TranslatePattern(m, &text, &error) || !internal::ParseElements(text, &els, &error)) {
            sink.Add(n, error);
            return;
          }
          if (els.empty()) {
            sink.Add(n, "empty synset member");
            return;
          }
          s.members.push_back(std::move(els));
        }
        parts.synsets.push_back(std::move(s));
        return;
      }
      if (StartsWithWord(line, "transform", &rest)) {
        Transformation t;
        if (!internal::ParseTransformationText(rest, &t, &error)) {
          sink.Add(n, error);
          return;
        }
        t.where = sink.At(n);
        parts.transformations.push_back(std::move(t));
        return;
      }
      if (!block_open) {
        sink.Add(n, "verb or pattern outside a block (start one with 'block NAME = CODE')");
        return;
      }
      VerbBlock& block = parts.blocks.back();
      if (StartsWithWord(line, "verb", &rest)) {
        VerbForm form;
        std::string_view words = rest, code;
        size_t eq = rest.find('=');
        if (eq != std::string_view::npos) {
          words = Trim(rest.substr(0, eq));
          code = Trim(rest.substr(eq + 1));
          if (code.empty()) {
            sink.Add(n, "'=' without a code");
            return;
          }
          form.code = ParseVerbCode(code);
        }
        std::vector<Phrase> irregular_heads;
        size_t open = words.find('(');
        if (open != std::string_view::npos) {
          size_t close = words.find(')', open);
          if (close == std::string_view::npos || !Trim(words.substr(close + 1)).empty()) {
            sink.Add(n, "irregular forms must read 'verb WORDS (form, form)'");
            return;
          }
          for (std::string_view irr : Split(words.substr(open + 1, close - open - 1), ',')) {
            Phrase p = NativePhrase(irr);
            if (p.size() != 1) {
              sink.Add(n, "each irregular form is one word (of the verb itself)");
              return;
            }
            irregular_heads.push_back(std::move(p));
          }
          words = Trim(words.substr(0, open));
        }
        form.phrase = NativePhrase(words);
        if (form.phrase.empty()) {
          sink.Add(n, "verb line without a verb");
          return;
        }
        form.multiword = form.phrase.size() > 1;
        for (Phrase& head : irregular_heads) {
          Phrase full = form.phrase;
          full[0] = head[0];
          form.irregular.push_back(std::move(full));
        }
        form.explicit_forms = !form.irregular.empty();
        form.where = sink.At(n);
        block.verbs.push_back(std::move(form));
        return;
      }
      // A pattern: "[verb words:] ELEMENTS = CODE".
      std::string_view body, code;
      if (!SplitAssign(line, &body, &code) || code.empty()) {
        sink.Add(n, "unknown line (want block, verb, synset, transform or 'PATTERN = CODE')");
        return;
      }
      std::string owner;
      size_t colon = body.find(':');
      if (colon != std::string_view::npos) {
        Phrase p = NativePhrase(body.substr(0, colon));
        if (p.empty()) {
          sink.Add(n, "empty verb name before ':'");
          return;
        }
        owner = PhraseText(p);
        body = Trim(body.substr(colon + 1));
      }
      std::string text;
      if (!TranslatePattern(body, &text, &error)) {
        sink.Add(n, error);
        return;
      }
      VerbPattern p;
      if (!internal::ParsePatternText(text + " [" + std::string(code) + "]", true, &p, &error)) {
        sink.Add(n, error + " (VERB must appear exactly once)");
        return;
      }
      p.verb = owner;
      p.where = sink.At(n);
      block.patterns.push_back(std::move(p));
      if (!owner.empty()) {
        owners.push_back({parts.blocks.size() - 1, block.patterns.size() - 1, n, sink});
      }
    });
  }
  // A pattern's owner must be a verb of its block; synsets must resolve.
  std::vector<std::vector<bool>> drop(parts.blocks.size());
  for (size_t b = 0; b < parts.blocks.size(); ++b)
    drop[b].assign(parts.blocks[b].patterns.size(), false);
  for (const PendingOwner& o : owners) {
    const VerbBlock& b = parts.blocks[o.block];
    const std::string& owner = b.patterns[o.pattern].verb;
    bool found = false;
    for (const VerbForm& f : b.verbs) found = found || PhraseText(f.phrase) == owner;
    if (!found) {
      o.sink.Add(o.line, "pattern names verb '" + owner + "', which block " + b.name + " lacks");
      drop[o.block][o.pattern] = true;
    }
  }
  std::unordered_set<std::string> names;
  for (const Synset& s : parts.synsets) names.insert(s.name);
  auto resolves = [&](const std::vector<PatternElement>& els, auto&& self) -> bool {
    for (const PatternElement& e : els) {
      if (e.kind == PatternElement::Kind::kSynset && !names.count(e.text)) return false;
      for (const auto& g : e.groups) {
        if (!self(g, self)) return false;
      }
    }
    return true;
  };
  for (size_t b = 0; b < parts.blocks.size(); ++b) {
    VerbBlock& block = parts.blocks[b];
    std::vector<VerbPattern> kept;
    for (size_t k = 0; k < block.patterns.size(); ++k) {
      VerbPattern& p = block.patterns[k];
      if (drop[b][k]) continue;
      if (!resolves(p.elements, resolves)) {
        out.errors.push_back(
            DictionaryError{std::string(p.where.file_name()), p.where.line, "undefined synset"});
        continue;
      }
      kept.push_back(std::move(p));
    }
    block.patterns = std::move(kept);
  }
  out.dictionary = VerbDictionary::Build(std::move(parts));
  return out;
}

// ---------------------------------------------------------------- discards

Loaded<Discards> ParseNativeDiscards(std::span<const TextFile> files) {
  Loaded<Discards> out;
  std::vector<DiscardEntry> entries;
  for (const TextFile& f : files) {
    Sink sink{std::make_shared<const std::string>(f.name), &out.errors};
    ForEachLine(f.text, [&](int n, std::string_view line) {
      DiscardEntry e;
      if (line.starts_with("article:")) {
        e.whole_story = true;
        line = Trim(line.substr(8));
      }
      e.phrase = NativePhrase(line);
      if (e.phrase.empty()) {
        sink.Add(n, "empty discard phrase");
        return;
      }
      e.where = sink.At(n);
      entries.push_back(std::move(e));
    });
  }
  out.dictionary = Discards::Build(std::move(entries));
  return out;
}

}  // namespace storyline::coding
