// Readers for the community dictionary formats, read as they are:
//   PETRARCH / Phoenix: verb dictionaries (PETRARCH-1 validation style and
//     the PETRARCH-2 CAMEO.2.0 style, with synsets, verb blocks, patterns,
//     prepositional / noun phrases and ~ transformations), actors with dated
//     roles, agents (~CODE / CODE~, {plurals}, !MARKER! substitutions),
//     discards and issues;
//   TABARI: .verbs (<SYNSETS>, <TIME>, <NOUN>, <ADJECTIVE> sections), .actors
//     (inline or indented date restrictions), .agents, .options and .project.
//
// Contract: a reader never fails on bad content. Each malformed entry yields a
// DictionaryError naming the file and 1-based line, the entry is skipped and
// the rest of the file still loads. Only an unreadable file is a Status
// error. Parse* functions take the file text (`file_name` is used in errors
// and SourceLocations); Load* functions read the file first.
#ifndef STORYLINE_CODING_FORMATS_H_
#define STORYLINE_CODING_FORMATS_H_

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "coding/dictionary.h"
#include "storyline/status.h"

namespace storyline::coding {

// A compiled dictionary plus the malformed entries that were skipped.
template <typename T>
struct Loaded {
  T dictionary;
  std::vector<DictionaryError> errors;
};

// The two comment and layout conventions.
enum class Dialect {
  kPetrarch,  // '#' and <!-- --> comments; dates on indented lines
  kTabari,    // ';' comments; dates inline or indented; stems allowed
};

struct FormatOptions {
  // Two-digit years below this are 20YY, the others 19YY.
  int two_digit_year_pivot = 30;
  // Upper bound on variants one issue line may expand to.
  size_t max_issue_variants = 64;
};

// Whole file as text, or NotFound / IoError.
Result<std::string> ReadTextFile(const std::string& path);

// "YYMMDD" or "YYYYMMDD" as a Date; false when malformed.
bool ParseDictionaryDate(std::string_view text, Date* out,
                         const FormatOptions& options = {});

// An input file for the multi-file readers.
struct TextFile {
  std::string name;
  std::string_view text;
};

Loaded<VerbDictionary> ParsePetrarchVerbs(std::string_view text, const std::string& file_name,
                                          const FormatOptions& options = {});
Loaded<VerbDictionary> ParseTabariVerbs(std::string_view text, const std::string& file_name,
                                        const FormatOptions& options = {});
Loaded<ActorDictionary> ParseActors(std::span<const TextFile> files, Dialect dialect,
                                    const FormatOptions& options = {});
Loaded<AgentDictionary> ParseAgents(std::span<const TextFile> files, Dialect dialect,
                                    const FormatOptions& options = {});
Loaded<Discards> ParseDiscards(std::string_view text, const std::string& file_name,
                               const FormatOptions& options = {});
Loaded<Issues> ParseIssues(std::string_view text, const std::string& file_name,
                           const FormatOptions& options = {});

Result<Loaded<VerbDictionary>> LoadPetrarchVerbs(const std::string& path,
                                                 const FormatOptions& options = {});
// Several actor files (Phoenix splits them by kind) into one dictionary.
Result<Loaded<ActorDictionary>> LoadPetrarchActors(std::span<const std::string> paths,
                                                   const FormatOptions& options = {});
Result<Loaded<AgentDictionary>> LoadPetrarchAgents(const std::string& path,
                                                   const FormatOptions& options = {});
Result<Loaded<Discards>> LoadPetrarchDiscards(const std::string& path,
                                              const FormatOptions& options = {});
Result<Loaded<Issues>> LoadPetrarchIssues(const std::string& path,
                                          const FormatOptions& options = {});
Result<Loaded<VerbDictionary>> LoadTabariVerbs(const std::string& path,
                                               const FormatOptions& options = {});

// TABARI .options: "KEY: value" commands and the LABEL: code=text table.
struct TabariOptions {
  struct Command {
    std::string key;    // "SET", "COMPLEX", "OUTPUT", ...
    std::string value;  // the rest of the line
    int line = 0;
  };
  std::vector<Command> commands;
  std::map<std::string, std::string> labels;  // event code -> label
};
Loaded<TabariOptions> ParseTabariOptions(std::string_view text, const std::string& file_name);

// A TABARI project: the file names it references and the loaded dictionaries.
struct TabariProject {
  std::string title;                              // first line
  std::map<std::string, std::vector<std::string>> files;  // tag -> values, as written
  ActorDictionary actors;
  VerbDictionary verbs;
  AgentDictionary agents;
  TabariOptions options;
  std::string text_file;  // resolved path of <textfile>, "" if none
};
// Parses the project and loads its <actorsfile>s, <verbsfile>, <agentsfile>
// and <optionsfile> (relative to the project's folder). A referenced file
// that cannot be read is a DictionaryError at the project line.
Result<Loaded<TabariProject>> LoadTabariProject(const std::string& path,
                                                const FormatOptions& options = {});

}  // namespace storyline::coding

#endif  // STORYLINE_CODING_FORMATS_H_
