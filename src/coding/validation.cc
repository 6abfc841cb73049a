// Validation-suite readers. The PETRARCH files are XML-shaped but not always
// well formed (the GSR file self-closes <Sentence/> and lets the codings, text
// and parse follow as siblings), so instead of a DOM we scan tags in order
// with a tiny state machine: a record opens at <Sentence ...> and closes at
// </Sentence>, the next <Sentence> or </Sentences>; child tags attach to the
// open record. The TABARI format is line based: a "YYMMDD ID" header, the
// sentence, then a /* ... */ comment whose {...} groups state the result.
#include "coding/validation.h"

#include <algorithm>

#include "coding/formats.h"
#include "coding/text_util.h"
#include "common/utf8.h"

namespace storyline::coding {
namespace {

// XML character data with the five predefined entities and numeric
// character references decoded ("full &amp;TIETYPE ties" is "full &TIETYPE
// ties"); anything else written with '&' is kept as it stands.
std::string DecodeEntities(std::string_view s) {
  static constexpr std::pair<std::string_view, char> kNamed[] = {
      {"amp;", '&'}, {"lt;", '<'}, {"gt;", '>'}, {"quot;", '"'}, {"apos;", '\''}};
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] != '&') {
      out += s[i++];
      continue;
    }
    std::string_view rest = s.substr(i + 1);
    bool done = false;
    for (const auto& [name, c] : kNamed) {
      if (rest.starts_with(name)) {
        out += c;
        i += 1 + name.size();
        done = true;
        break;
      }
    }
    if (!done && rest.starts_with('#')) {
      size_t semi = rest.find(';');
      bool hex = rest.size() > 1 && (rest[1] == 'x' || rest[1] == 'X');
      std::string_view digits = semi == std::string_view::npos
                                    ? std::string_view()
                                    : rest.substr(hex ? 2 : 1, semi - (hex ? 2 : 1));
      uint32_t cp = 0;
      bool ok = !digits.empty() && digits.size() <= 8;
      for (char d : digits) {
        int v = d >= '0' && d <= '9'          ? d - '0'
                : hex && d >= 'a' && d <= 'f' ? d - 'a' + 10
                : hex && d >= 'A' && d <= 'F' ? d - 'A' + 10
                                              : -1;
        if (v < 0) ok = false;
        cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(std::max(v, 0));
      }
      if (ok) {
        AppendUtf8(cp, &out);
        i += 2 + semi;
        done = true;
      }
    }
    if (!done) out += s[i++];
  }
  return out;
}

std::string Collapse(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (IsSpace(c)) {
      space = true;
    } else {
      if (space && !out.empty()) out += ' ';
      space = false;
      out += c;
    }
  }
  return out;
}

struct Tag {
  std::string name;
  bool closing = false;       // </name>
  bool self_closing = false;  // <name ... />
  std::map<std::string, std::string> attrs;
  bool ok = true;
};

// Parses the tag body between '<' and '>'.
Tag ParseTag(std::string_view body) {
  Tag tag;
  body = Trim(body);
  if (!body.empty() && body.front() == '/') {
    tag.closing = true;
    body.remove_prefix(1);
  }
  if (!body.empty() && body.back() == '/') {
    tag.self_closing = true;
    body.remove_suffix(1);
  }
  size_t i = 0;
  while (i < body.size() && !IsSpace(body[i])) ++i;
  tag.name = std::string(body.substr(0, i));
  while (i < body.size()) {
    while (i < body.size() && IsSpace(body[i])) ++i;
    if (i >= body.size()) break;
    size_t start = i;
    while (i < body.size() && !IsSpace(body[i]) && body[i] != '=') ++i;
    std::string name(body.substr(start, i - start));
    while (i < body.size() && IsSpace(body[i])) ++i;
    if (i >= body.size() || body[i] != '=') {
      tag.ok = false;
      return tag;
    }
    ++i;
    while (i < body.size() && IsSpace(body[i])) ++i;
    if (i >= body.size() || (body[i] != '"' && body[i] != '\'')) {
      tag.ok = false;
      return tag;
    }
    char q = body[i++];
    size_t end = body.find(q, i);
    if (end == std::string_view::npos) {
      tag.ok = false;
      return tag;
    }
    tag.attrs[name] = std::string(body.substr(i, end - i));
    i = end + 1;
  }
  return tag;
}

// Actor code from an attribute; '"TEXT"' means an uncoded actor's text.
std::string ActorValue(const std::string& v, bool* is_text) {
  std::string_view s = Trim(v);
  *is_text = s.size() >= 2 && s.front() == '"' && s.back() == '"';
  if (*is_text) s = s.substr(1, s.size() - 2);
  return std::string(s);
}

int LineAt(std::string_view text, size_t pos, size_t* cache_pos, int* cache_line) {
  for (size_t i = *cache_pos; i < pos && i < text.size(); ++i) {
    if (text[i] == '\n') ++*cache_line;
  }
  *cache_pos = std::max(*cache_pos, pos);
  return *cache_line;
}

}  // namespace

size_t ValidationSuite::num_enabled() const {
  size_t n = 0;
  for (const auto& r : records) n += r.disabled ? 0 : 1;
  return n;
}

size_t ValidationSuite::num_expected_events() const {
  size_t n = 0;
  for (const auto& r : records) n += r.events.size();
  return n;
}

ValidationSuite ParsePetrarchValidation(std::string_view text, const std::string& file_name) {
  ValidationSuite suite;
  suite.file = file_name;
  auto error = [&](int line, std::string m) {
    suite.errors.push_back(DictionaryError{file_name, line, std::move(m)});
  };
  size_t cache_pos = 0;
  int cache_line = 1;
  bool in_env = false;
  bool open = false;
  bool record_bad = false;
  ValidationRecord rec;
  // PETRARCH applies a <Config> between records from there on, so one that
  // precedes a record is kept with the next record, in order.
  std::vector<std::string> pending_options;
  auto finish = [&]() {
    if (!open) return;
    open = false;
    if (record_bad) return;
    if (rec.id.empty()) {
      error(rec.line, "<Sentence> without an id");
      return;
    }
    if (rec.text.empty()) {
      // Kept so that counts match the suite, but it cannot be evaluated.
      error(rec.line, "record " + rec.id + " has an empty <Text>; kept, disabled");
      rec.disabled = true;
    }
    suite.records.push_back(std::move(rec));
  };
  // Text up to the matching close tag; advances pos past it.
  auto element_text = [&](size_t* pos, const std::string& name, std::string* out) {
    std::string close = "</" + name;
    size_t end = text.find(close, *pos);
    if (end == std::string_view::npos) return false;
    *out = std::string(text.substr(*pos, end - *pos));
    size_t gt = text.find('>', end);
    *pos = gt == std::string_view::npos ? text.size() : gt + 1;
    return true;
  };
  size_t pos = 0;
  while (pos < text.size()) {
    size_t lt = text.find('<', pos);
    if (lt == std::string_view::npos) break;
    int line = LineAt(text, lt, &cache_pos, &cache_line);
    if (text.compare(lt, 4, "<!--") == 0) {
      size_t end = text.find("-->", lt + 4);
      pos = end == std::string_view::npos ? text.size() : end + 3;
      continue;
    }
    size_t gt = text.find('>', lt);
    if (gt == std::string_view::npos) {
      error(line, "unterminated tag");
      break;
    }
    pos = gt + 1;
    if (text[lt + 1] == '?') continue;
    Tag tag = ParseTag(text.substr(lt + 1, gt - lt - 1));
    const std::string& name = tag.name;
    if (name == "Environment") {
      in_env = !tag.closing;
      continue;
    }
    if (in_env && !tag.closing) {
      if (name == "Config") {
        suite.environment["Config:" + tag.attrs["option"]] = tag.attrs["value"];
        if (!tag.self_closing) {
          std::string ignored;
          element_text(&pos, name, &ignored);
        }
      } else if (!tag.self_closing) {
        std::string value;
        if (!element_text(&pos, name, &value)) {
          error(line, "<" + name + "> not closed");
          continue;
        }
        suite.environment[name] = std::string(Trim(value));
      }
      continue;
    }
    if (name == "Sentence") {
      if (tag.closing) {
        finish();
        continue;
      }
      finish();
      rec = ValidationRecord();
      rec.options = std::move(pending_options);
      pending_options.clear();
      open = true;
      record_bad = false;
      rec.line = line;
      if (!tag.ok) {
        error(line, "malformed <Sentence> attributes");
        record_bad = true;
        continue;
      }
      rec.id = tag.attrs["id"];
      rec.category = tag.attrs["category"];
      const std::string& d = tag.attrs["date"];
      if (!d.empty() && !ParseDictionaryDate(d, &rec.date)) {
        error(line, "record " + rec.id + ": bad date '" + d + "'");
        record_bad = true;
      }
      auto ev = tag.attrs.find("evaluate");
      rec.disabled = ev != tag.attrs.end() && ev->second == "false";
      continue;
    }
    if (name == "Sentences" && tag.closing) {
      finish();
      continue;
    }
    if (name == "Config" && !open && !tag.closing) {
      pending_options.push_back(tag.attrs["option"] + "=" + tag.attrs["value"]);
      continue;
    }
    if (!open || tag.closing) continue;
    if (name == "EventCoding") {
      if (!tag.ok) {
        error(line, "malformed <EventCoding> attributes");
        record_bad = true;
        continue;
      }
      if (tag.attrs.count("noevents")) {
        rec.no_events = true;
      } else if (tag.attrs.count("error")) {
        rec.expected_errors.push_back(tag.attrs["error"]);
      } else if (tag.attrs.count("eventcode") && tag.attrs.count("sourcecode") &&
                 tag.attrs.count("targetcode")) {
        ExpectedEvent e;
        e.source = ActorValue(tag.attrs["sourcecode"], &e.source_is_text);
        e.target = ActorValue(tag.attrs["targetcode"], &e.target_is_text);
        e.code = std::string(Trim(tag.attrs["eventcode"]));
        if (e.code.empty()) {
          error(line, "record " + rec.id + ": empty eventcode");
          record_bad = true;
          continue;
        }
        rec.events.push_back(std::move(e));
      } else {
        error(line, "record " + rec.id + ": <EventCoding> needs source/target/event codes, noevents or error");
        record_bad = true;
      }
      if (!tag.self_closing) {
        std::string ignored;
        element_text(&pos, name, &ignored);
      }
      continue;
    }
    if (name == "Text" || name == "Parse") {
      std::string value;
      if (tag.self_closing) continue;
      if (!element_text(&pos, name, &value)) {
        error(line, "record " + rec.id + ": <" + name + "> not closed");
        record_bad = true;
        pos = text.size();
        continue;
      }
      if (name == "Text")
        rec.text = Collapse(DecodeEntities(value));
      else rec.parse = std::string(Trim(value));
      continue;
    }
    if (name == "Config") {
      rec.options.push_back(tag.attrs["option"] + "=" + tag.attrs["value"]);
      continue;
    }
  }
  finish();
  return suite;
}

// ---------------------------------------------------------------- TABARI

namespace {

bool IsTabariHeader(std::string_view line) {
  if (line.size() < 8) return false;
  for (int i = 0; i < 6; ++i) {
    if (line[i] < '0' || line[i] > '9') return false;
  }
  return line[6] == ' ' || line[6] == '\t' || line[6] == '*';
}

}  // namespace

ValidationSuite ParseTabariValidation(std::string_view text, const std::string& file_name) {
  ValidationSuite suite;
  suite.file = file_name;
  auto error = [&](int line, std::string m) {
    suite.errors.push_back(DictionaryError{file_name, line, std::move(m)});
  };
  // Split into lines once.
  std::vector<std::string_view> lines;
  for (size_t pos = 0; pos < text.size();) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    lines.push_back(text.substr(pos, nl - pos));
    pos = nl + 1;
  }
  size_t i = 0;
  while (i < lines.size()) {
    if (!IsTabariHeader(lines[i])) {
      ++i;
      continue;
    }
    ValidationRecord rec;
    rec.line = static_cast<int>(i + 1);
    std::string_view header = lines[i];
    if (!ParseDictionaryDate(header.substr(0, 6), &rec.date)) {
      error(rec.line, "bad record date '" + std::string(header.substr(0, 6)) + "'");
      ++i;
      continue;
    }
    std::string_view rest = Trim(header.substr(7));
    size_t sp = 0;
    while (sp < rest.size() && !IsSpace(rest[sp])) ++sp;
    rec.id = std::string(rest.substr(0, sp));
    if (rec.id.empty()) {
      error(rec.line, "record header without an id");
      ++i;
      continue;
    }
    size_t dash = rec.id.find('-');
    rec.category = rec.id.substr(0, dash == std::string::npos ? rec.id.size() : dash);
    ++i;
    // The record runs to the next header: text up to "/*", then the comment
    // up to "*/". Without "/*", lines starting with a literal "\\n" are the
    // comment (FINAL-01 is written that way). TABARI itself reads a record up
    // to its first empty line, so a comment left open ("/*" written for
    // "*/") ends there. Lines after the closing "*/" and before that empty
    // line are still the record's, and their {...} groups count too: the
    // suite's TABARI passes PATTERN-26, whose two reversed events follow a
    // first "*/" ("\n{ GON / FOR / 045 }  */" then "\n{ GON / FOR / 044 }"),
    // which its COMPOUND-06 lists in full.
    size_t extent_end = i;
    while (extent_end < lines.size() && !IsTabariHeader(lines[extent_end])) ++extent_end;
    std::string body, comment;
    bool in_comment = false, closed = false, opened = false;
    int comment_line = 0;
    size_t k = i;
    for (; k < extent_end && !closed; ++k) {
      std::string_view l = lines[k];
      if (!in_comment) {
        size_t open = l.find("/*");
        if (open == std::string_view::npos) {
          body.append(l);
          body += '\n';
          continue;
        }
        body.append(l.substr(0, open));
        in_comment = opened = true;
        comment_line = static_cast<int>(k + 1);
        l = l.substr(open + 2);
      }
      if (Trim(lines[k]).empty()) {
        closed = true;  // the record's end closes an open comment
        break;
      }
      size_t close = l.find("*/");
      comment.append(l.substr(0, close));
      comment += '\n';
      if (close != std::string_view::npos) closed = true;
    }
    for (; opened && k < extent_end && !Trim(lines[k]).empty(); ++k) {
      std::string_view l = lines[k];
      comment.append(l.substr(0, l.find("*/")));
      comment += '\n';
    }
    i = extent_end;
    if (!opened) {
      std::string kept;
      std::string_view b = body;
      comment_line = rec.line + 1;
      for (size_t pos = 0; pos < b.size();) {
        size_t nl = b.find('\n', pos);
        if (nl == std::string_view::npos) nl = b.size();
        std::string_view l = b.substr(pos, nl - pos);
        if (Trim(l).substr(0, 2) == "\\n") comment.append(l);
        else kept.append(l);
        comment += '\n';
        kept += ' ';
        pos = nl + 1;
      }
      body = kept;
    } else if (!closed) {
      error(comment_line, "record " + rec.id + ": comment /* ... */ not closed");
    }
    rec.text = Collapse(body);
    // The {...} groups of the comment.
    bool expectation = false;
    bool bad = false;
    std::string_view c = comment;
    size_t p = 0;
    int line_in = comment_line;
    while (p < c.size()) {
      size_t open = c.find('{', p);
      if (open == std::string_view::npos) break;
      {
        // Expectations follow a literal "\n" or start a line; other braces
        // are prose inside [...] remarks.
        size_t q = open;
        while (q > 0 && (c[q - 1] == ' ' || c[q - 1] == '\t' || c[q - 1] == '-')) --q;
        bool starts = q == 0 || c[q - 1] == '\n' ||
                      (q >= 2 && c[q - 2] == '\\' && c[q - 1] == 'n');
        if (!starts) {
          for (size_t k = p; k <= open; ++k) line_in += c[k] == '\n';
          p = open + 1;
          continue;
        }
      }
      for (size_t k = p; k < open; ++k) line_in += c[k] == '\n';
      size_t close = c.find('}', open);
      std::string_view inner;
      if (close == std::string_view::npos) {
        // "{ OPTION: SET: ... */" without '}' (MINWRD records): the option
        // runs to the end of the comment.
        inner = Trim(c.substr(open + 1));
        if (inner.substr(0, 7) != "OPTION:") {
          error(line_in, "record " + rec.id + ": unclosed '{'");
          bad = true;
          break;
        }
        close = c.size() - 1;
      } else {
        inner = Trim(c.substr(open + 1, close - open - 1));
      }
      size_t prev = open;
      while (prev > 0 && (c[prev - 1] == ' ' || c[prev - 1] == '\t')) --prev;
      bool disabled = prev > 0 && c[prev - 1] == '-';
      // Rest of the line after '}'.
      size_t eol = c.find('\n', close);
      std::string_view after = Trim(c.substr(close + 1, (eol == std::string_view::npos ? c.size() : eol) - close - 1));
      for (size_t k = open; k < close; ++k) line_in += c[k] == '\n';
      p = close + 1;
      if (inner == "---") {
        rec.no_events = true;
        expectation = true;
      } else if (inner == "+++" || inner == "###") {
        rec.tabari_marker = std::string(inner);
        if (inner == "###") {
          rec.no_events = true;
          expectation = true;
        }
      } else if (inner.find('/') != std::string_view::npos) {
        ExpectedEvent e;
        std::vector<std::string_view> parts;
        std::string_view s = inner;
        for (;;) {
          size_t slash = s.find('/');
          parts.push_back(Trim(s.substr(0, slash)));
          if (slash == std::string_view::npos) break;
          s = s.substr(slash + 1);
        }
        if (parts.size() != 3 || parts[0].empty() || parts[1].empty() || parts[2].empty()) {
          error(line_in, "record " + rec.id + ": event must read '{ SRC / TGT / CODE }'");
          bad = true;
          break;
        }
        e.source = std::string(parts[0]);
        e.target = std::string(parts[1]);
        e.code = std::string(parts[2]);
        e.disabled = disabled;
        if (after.size() >= 6) {
          Date d;
          if (ParseDictionaryDate(after.substr(0, 6), &d) && (after.size() == 6 || IsSpace(after[6]))) {
            e.date = d;
          }
        }
        rec.events.push_back(std::move(e));
        if (!disabled) expectation = true;
      } else if (inner.find(':') != std::string_view::npos) {
        std::string_view o = inner;
        if (o.substr(0, 7) == "OPTION:") o = Trim(o.substr(7));
        rec.options.emplace_back(o);
      } else {
        error(line_in, "record " + rec.id + ": unknown expectation '{" + std::string(inner) + "}'");
        bad = true;
        break;
      }
    }
    if (bad) continue;
    rec.disabled = !expectation;
    suite.records.push_back(std::move(rec));
  }
  return suite;
}

Result<ValidationSuite> LoadPetrarchValidation(const std::string& path) {
  STORYLINE_ASSIGN_OR_RETURN(std::string text, ReadTextFile(path));
  return ParsePetrarchValidation(text, path);
}

Result<ValidationSuite> LoadTabariValidation(const std::string& path) {
  STORYLINE_ASSIGN_OR_RETURN(std::string text, ReadTextFile(path));
  return ParseTabariValidation(text, path);
}

std::string Describe(const ValidationRecord& r) {
  std::string out = r.id + " [" + r.category + "] " + std::to_string(r.date) + ":";
  if (r.disabled) out += " (disabled)";
  if (r.no_events) out += " no events";
  for (const ExpectedEvent& e : r.events) {
    out += " ";
    if (e.disabled) out += "-";
    out += (e.source_is_text ? "\"" + e.source + "\"" : e.source) + "/" +
           (e.target_is_text ? "\"" + e.target + "\"" : e.target) + "/" + e.code + ";";
  }
  for (const std::string& err : r.expected_errors) out += " error=" + err + ";";
  return out;
}

}  // namespace storyline::coding
