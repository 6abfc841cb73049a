// Loading dictionary sets: explicit PETRARCH file lists, TABARI projects,
// folders recognised by file names, and the files a validation suite's
// <Environment> names. Every reader keeps going past malformed entries; their
// errors (file:line) are collected in DictionarySet::errors.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string>
#include <vector>

#include "coder/coder.h"
#include "coding/formats.h"
#include "coding/native.h"
#include "common/embedded_data.h"

namespace storyline::coder {
namespace {

namespace fs = std::filesystem;

template <typename T>
void Take(coding::Loaded<T>&& loaded, T* into, std::vector<coding::DictionaryError>* errors) {
  *into = std::move(loaded.dictionary);
  for (auto& e : loaded.errors) errors->push_back(std::move(e));
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Splits "a.txt,b.txt" / "a.txt b.txt".
std::vector<std::string> SplitList(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == ',' || c == ' ' || c == '\t' || c == '\n') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

// The first of `dirs` holding `name`, else "" .
std::string Resolve(const std::vector<std::string>& dirs, const std::string& name) {
  for (const std::string& d : dirs) {
    fs::path p = fs::path(d) / name;
    std::error_code ec;
    if (fs::is_regular_file(p, ec)) return p.string();
  }
  return "";
}

// "0x1000-0xFFFF" -> 0x1000 - 0xFFFF; false when malformed.
bool EvalHexSum(std::string_view expr, int64_t* out) {
  int64_t total = 0;
  size_t i = 0;
  bool any = false;
  while (i < expr.size()) {
    int sign = 1;
    while (i < expr.size() && (expr[i] == '+' || expr[i] == '-' || expr[i] == ' ')) {
      if (expr[i] == '-') sign = -sign;
      ++i;
    }
    if (i + 2 > expr.size() || expr[i] != '0' || (expr[i + 1] != 'x' && expr[i + 1] != 'X'))
      return false;
    i += 2;
    size_t start = i;
    int64_t v = 0;
    while (i < expr.size() && std::isxdigit(static_cast<unsigned char>(expr[i]))) {
      char c = static_cast<char>(std::tolower(static_cast<unsigned char>(expr[i])));
      v = v * 16 + (c <= '9' ? c - '0' : c - 'a' + 10);
      ++i;
    }
    if (i == start) return false;
    total += sign * v;
    any = true;
  }
  *out = total;
  return any;
}

// The PICO file: "CODE:VALUE[#comment]" lines.
Status LoadPico(const std::string& path, DictionarySet* set) {
  STORYLINE_ASSIGN_OR_RETURN(std::string text, coding::ReadTextFile(path));
  size_t pos = 0;
  int line_no = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + pos, end - pos);
    pos = end + 1;
    ++line_no;
    size_t hash = line.find('#');
    std::string_view body = line.substr(0, hash);
    while (!body.empty() && std::isspace(static_cast<unsigned char>(body.back())))
      body.remove_suffix(1);
    if (body.empty()) continue;
    size_t colon = body.find(':');
    if (colon == std::string_view::npos || colon == 0) {
      set->errors.push_back({path, line_no, "PICO line without CODE:VALUE"});
      continue;
    }
    std::string code(body.substr(0, colon));
    if (code == "---") continue;
    int64_t v = 0;
    if (!EvalHexSum(body.substr(colon + 1), &v)) {
      set->errors.push_back(
          {path, line_no, "bad PICO value '" + std::string(body.substr(colon + 1)) + "'"});
      continue;
    }
    set->pico.emplace(code, v);
  }
  set->files.push_back(path);
  return Status::Ok();
}

// The files of a native dictionary folder, by role.
struct NativeFiles {
  std::vector<coding::TextFile> actors, agents, verbs, discards;
};

// Sorts `path` (relative to the folder) into its role; false = not a
// dictionary file.
bool Classify(const std::string& rel, std::string_view text, const std::string& name,
              NativeFiles* out) {
  if (!rel.ends_with(".txt") || rel.find("README") != std::string::npos) return false;
  coding::TextFile f{name, text};
  if (rel.starts_with("actors/"))
    out->actors.push_back(f);
  else if (rel.starts_with("verbs/"))
    out->verbs.push_back(f);
  else if (rel == "agents.txt" || rel.starts_with("agents/"))
    out->agents.push_back(f);
  else if (rel == "discards.txt")
    out->discards.push_back(f);
  else
    return false;
  return true;
}

std::shared_ptr<const DictionarySet> BuildNative(const NativeFiles& files) {
  auto set = std::make_shared<DictionarySet>();
  set->style = DictionarySet::Style::kStoryline;
  Take(coding::ParseNativeVerbs(files.verbs), &set->verbs, &set->errors);
  Take(coding::ParseNativeActors(files.actors), &set->actors, &set->errors);
  Take(coding::ParseNativeAgents(files.agents), &set->agents, &set->errors);
  Take(coding::ParseNativeDiscards(files.discards), &set->discards, &set->errors);
  for (const auto* group : {&files.verbs, &files.actors, &files.agents, &files.discards}) {
    for (const auto& f : *group) set->files.push_back(f.name);
  }
  return set;
}

}  // namespace

Result<std::shared_ptr<const DictionarySet>> LoadNative(const std::string& dir) {
  std::error_code ec;
  fs::path root(dir);
  STORYLINE_ASSIGN_OR_RETURN(
      std::string marker,
      coding::ReadTextFile((root / std::string(coding::kNativeMarkerFile)).string()));
  if (!marker.starts_with(coding::kNativeMarkerLine)) {
    return InvalidArgumentError(dir + "/" + std::string(coding::kNativeMarkerFile) +
                                ": first line must be '" + std::string(coding::kNativeMarkerLine) +
                                "'");
  }
  std::vector<std::pair<std::string, std::string>> texts;  // (relative path, content)
  for (auto it = fs::recursive_directory_iterator(root, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    std::string rel = fs::relative(it->path(), root, ec).generic_string();
    if (!rel.ends_with(".txt")) continue;
    STORYLINE_ASSIGN_OR_RETURN(std::string text, coding::ReadTextFile(it->path().string()));
    texts.emplace_back(rel, std::move(text));
  }
  std::sort(texts.begin(), texts.end());
  NativeFiles files;
  std::vector<std::string> names;
  names.reserve(texts.size());
  for (const auto& [rel, text] : texts) names.push_back((root / rel).string());
  for (size_t i = 0; i < texts.size(); ++i)
    Classify(texts[i].first, texts[i].second, names[i], &files);
  if (files.verbs.empty()) return InvalidArgumentError("no verbs/*.txt in " + dir);
  return BuildNative(files);
}

Result<std::shared_ptr<const DictionarySet>> LoadDefault() {
  static const std::shared_ptr<const DictionarySet> kDefault = [] {
    NativeFiles files;
    constexpr std::string_view kPrefix = "dictionaries/";
    for (const data::EmbeddedFile& f : data::AllFiles()) {
      if (!f.path.starts_with(kPrefix)) continue;
      std::string rel(f.path.substr(kPrefix.size()));
      Classify(rel, f.content, "data/" + std::string(f.path), &files);
    }
    return BuildNative(files);
  }();
  if (kDefault->verbs.blocks().empty()) {
    return NotFoundError("the built-in dictionaries hold no verbs (data/dictionaries/verbs)");
  }
  return kDefault;
}

Result<std::shared_ptr<const DictionarySet>> LoadPetrarch(const PetrarchFiles& files) {
  if (files.verbs.empty()) return InvalidArgumentError("no verb dictionary given");
  auto set = std::make_shared<DictionarySet>();
  set->style = DictionarySet::Style::kPetrarch;
  STORYLINE_ASSIGN_OR_RETURN(auto verbs, coding::LoadPetrarchVerbs(files.verbs));
  Take(std::move(verbs), &set->verbs, &set->errors);
  set->files.push_back(files.verbs);
  if (!files.actors.empty()) {
    STORYLINE_ASSIGN_OR_RETURN(auto actors, coding::LoadPetrarchActors(files.actors));
    Take(std::move(actors), &set->actors, &set->errors);
    for (const auto& f : files.actors) set->files.push_back(f);
  }
  if (!files.agents.empty()) {
    STORYLINE_ASSIGN_OR_RETURN(auto agents, coding::LoadPetrarchAgents(files.agents));
    Take(std::move(agents), &set->agents, &set->errors);
    set->files.push_back(files.agents);
  }
  if (!files.discards.empty()) {
    STORYLINE_ASSIGN_OR_RETURN(auto discards, coding::LoadPetrarchDiscards(files.discards));
    Take(std::move(discards), &set->discards, &set->errors);
    set->files.push_back(files.discards);
  }
  if (!files.pico.empty()) {
    STORYLINE_RETURN_IF_ERROR(LoadPico(files.pico, set.get()));
    set->whole_slash_codes = true;
    set->lower_words = false;
  }
  if (!files.issues.empty()) {
    STORYLINE_ASSIGN_OR_RETURN(auto issues, coding::LoadPetrarchIssues(files.issues));
    Take(std::move(issues), &set->issues, &set->errors);
    set->files.push_back(files.issues);
  }
  return std::shared_ptr<const DictionarySet>(std::move(set));
}

Result<std::shared_ptr<const DictionarySet>> LoadTabari(const std::string& project_path) {
  STORYLINE_ASSIGN_OR_RETURN(auto loaded, coding::LoadTabariProject(project_path));
  auto set = std::make_shared<DictionarySet>();
  set->style = DictionarySet::Style::kTabari;
  set->actors = std::move(loaded.dictionary.actors);
  set->verbs = std::move(loaded.dictionary.verbs);
  set->agents = std::move(loaded.dictionary.agents);
  set->tabari_options = std::move(loaded.dictionary.options);
  set->errors = std::move(loaded.errors);
  set->files.push_back(project_path);
  for (const auto& [tag, values] : loaded.dictionary.files) {
    for (const auto& v : values) set->files.push_back(v);
  }
  return std::shared_ptr<const DictionarySet>(std::move(set));
}

Result<std::shared_ptr<const DictionarySet>> LoadDirectory(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return NotFoundError("no dictionary folder " + dir);
  if (fs::is_regular_file(fs::path(dir) / std::string(coding::kNativeMarkerFile), ec))
    return LoadNative(dir);
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.is_regular_file()) names.push_back(e.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  for (const auto& n : names) {
    if (Lower(n).ends_with(".project")) return LoadTabari((fs::path(dir) / n).string());
  }
  // A folder may hold a production set beside a validation suite's small
  // test dictionaries (../shared's petrarch/ holds Phoenix and PETR.Validate):
  // the test files ("validate", "unittest" in the name) are used only when
  // the folder has nothing else.
  auto is_test = [](const std::string& lower) {
    return lower.find("validate") != std::string::npos ||
           lower.find("unittest") != std::string::npos;
  };
  bool has_production = false;
  for (const auto& n : names) {
    std::string l = Lower(n);
    if (!is_test(l) && (l.find("verbs") != std::string::npos || l.starts_with("cameo")))
      has_production = true;
  }
  PetrarchFiles files;
  for (const auto& n : names) {
    std::string l = Lower(n);
    if (has_production && is_test(l)) continue;
    std::string path = (fs::path(dir) / n).string();
    if (l.ends_with(".xml") || l.ends_with(".md") || l.ends_with(".pdf") || l == "license")
      continue;
    if (l.find("verbs") != std::string::npos || (l.starts_with("cameo") && l.ends_with(".txt"))) {
      if (files.verbs.empty()) files.verbs = path;
    } else if (l.find("actors") != std::string::npos) {
      files.actors.push_back(path);
    } else if (l.find("agents") != std::string::npos) {
      if (files.agents.empty()) files.agents = path;
    } else if (l.find("discards") != std::string::npos) {
      if (files.discards.empty()) files.discards = path;
    } else if (l.find("issue") != std::string::npos) {
      if (files.issues.empty()) files.issues = path;
    }
  }
  if (files.verbs.empty()) {
    return InvalidArgumentError("no verb dictionary (CAMEO*.txt or *verbs*) in " + dir);
  }
  return LoadPetrarch(files);
}

Result<std::shared_ptr<const DictionarySet>> LoadForSuite(const coding::ValidationSuite& suite,
                                                          const std::vector<std::string>& dirs) {
  if (dirs.empty()) return InvalidArgumentError("no folder to look for dictionaries in");
  // The suite's own folder is always searched last.
  std::vector<std::string> search = dirs;
  search.push_back(fs::path(suite.file).parent_path().string());
  if (suite.environment.empty()) {
    // A TABARI suite: the project whose <textfile> is this suite.
    std::string suite_name = fs::path(suite.file).filename().string();
    for (const std::string& d : search) {
      std::error_code ec;
      std::vector<std::string> projects;
      for (const auto& e : fs::directory_iterator(d, ec)) {
        if (Lower(e.path().extension().string()) == ".project")
          projects.push_back(e.path().string());
      }
      std::sort(projects.begin(), projects.end());
      for (const auto& p : projects) {
        auto text = coding::ReadTextFile(p);
        if (text.ok() && text.value().find(suite_name) != std::string::npos) return LoadTabari(p);
      }
    }
    return NotFoundError("no TABARI .project naming " + suite_name);
  }
  auto get = [&](const char* key) -> std::string {
    auto it = suite.environment.find(key);
    return it == suite.environment.end() ? std::string() : it->second;
  };
  PetrarchFiles files;
  auto need = [&](const std::string& name, std::string* out) -> Status {
    if (name.empty()) return Status::Ok();
    *out = Resolve(search, name);
    if (out->empty())
      return NotFoundError("dictionary " + name + " named by " + suite.file + " not found");
    return Status::Ok();
  };
  STORYLINE_RETURN_IF_ERROR(need(get("Verbfile"), &files.verbs));
  for (const std::string& a : SplitList(get("Actorfile"))) {
    std::string path;
    STORYLINE_RETURN_IF_ERROR(need(a, &path));
    files.actors.push_back(path);
  }
  STORYLINE_RETURN_IF_ERROR(need(get("Agentfile"), &files.agents));
  STORYLINE_RETURN_IF_ERROR(need(get("Discardfile"), &files.discards));
  STORYLINE_RETURN_IF_ERROR(need(get("Issuefile"), &files.issues));
  // PICO only changes negated events; a suite runs without it.
  if (!get("PICOfile").empty()) files.pico = Resolve(search, get("PICOfile"));
  return LoadPetrarch(files);
}

Result<std::shared_ptr<const DictionarySet>> LoadForSuite(const coding::ValidationSuite& suite,
                                                          const std::string& dir) {
  return LoadForSuite(suite, std::vector<std::string>{dir});
}

}  // namespace storyline::coder
