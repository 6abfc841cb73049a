// Reader for storyline's own dictionary format (doc/formats/dictionaries.md):
// the readable line format of the project's default dictionaries in
// data/dictionaries/. It compiles into the same in-memory dictionaries as the
// community formats (coding/dictionary.h), so the coder does not know which
// format a dictionary came from.
//
//   actors/*.txt   NAME | NAME = CODE CODE[FROM..TO]      (@place prefix)
//   agents.txt     PHRASE (PLURAL) | PHRASE = ~CODE | CODE~
//   verbs/*.txt    block NAME = CODE / verb WORDS (FORMS) [= CODE] /
//                  [verb:] PATTERN = CODE / synset @NAME = ... / transform ...
//   discards.txt   PHRASE | article: PHRASE
//
// Contract: as for the other readers (coding/formats.h), a malformed line is
// a DictionaryError naming its file and line and the rest still loads.
// Phrases are split into words by text::Tokenize, the tokenizer the coder
// runs on sentences, so "U.S." or "al-Assad" match as written.
#ifndef STORYLINE_CODING_NATIVE_H_
#define STORYLINE_CODING_NATIVE_H_

#include <span>
#include <string>
#include <string_view>

#include "coding/dictionary.h"
#include "coding/formats.h"

namespace storyline::coding {

// The marker file's name and the first line it must hold.
inline constexpr std::string_view kNativeMarkerFile = "storyline.dict";
inline constexpr std::string_view kNativeMarkerLine = "storyline-dictionaries 1";

// Words of a phrase written naturally, tokenized like sentences.
Phrase NativePhrase(std::string_view text);

Loaded<ActorDictionary> ParseNativeActors(std::span<const TextFile> files);
Loaded<AgentDictionary> ParseNativeAgents(std::span<const TextFile> files);
Loaded<VerbDictionary> ParseNativeVerbs(std::span<const TextFile> files);
Loaded<Discards> ParseNativeDiscards(std::span<const TextFile> files);

}  // namespace storyline::coding

#endif  // STORYLINE_CODING_NATIVE_H_
