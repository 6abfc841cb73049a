// Rule-based shallow chunking over Penn Treebank tags: noun phrases, verb
// groups (with their main verb, voice, negation and modality), prepositional
// phrases, adjective/adverb phrases and clause-boundary hints. Chunk
// semantics are documented on analysis::Chunk (analyzer.h). Word lists:
// data/analysis/auxiliaries.txt, modals.txt, negations.txt, subordinators.txt.
//
// Thread-safety: thread-safe (the word lists are compiled once into
// immutable sets).
#ifndef STORYLINE_ANALYSIS_CHUNKER_H_
#define STORYLINE_ANALYSIS_CHUNKER_H_

#include <span>
#include <string_view>
#include <vector>

#include "analysis/analyzer.h"

namespace storyline::analysis {

// Chunks a tagged sentence: fills *chunks (cleared first) and sets
// chunk_of[i] to the chunk of token i. words.size() == tags.size() ==
// chunk_of.size() <= 0xFFFE.
void ChunkSentence(std::span<const std::string_view> words, std::span<const Tag> tags,
                   std::vector<Chunk>* chunks, std::span<uint16_t> chunk_of);

}  // namespace storyline::analysis

#endif  // STORYLINE_ANALYSIS_CHUNKER_H_
