// Sentence analysis for the event coder: tokens, Penn Treebank part-of-speech
// tags and shallow chunks (noun phrases, verb groups with voice, negation and
// modality, prepositional phrases, clause-boundary hints).
//
// The one header later stages include. Tokens come from text::Tokenize
// (src/text/segment.h), tags from a greedy averaged-perceptron tagger trained
// on UD English EWT (tagger.h, train.h), chunks from rules over the tags
// (chunker.h, word lists in data/analysis/*.txt).
//
// Thread-safety: an Analyzer is immutable after construction; its const
// methods may be called from any number of threads at once, each with its own
// Analysis. Lifetime: an Analysis holds views of the sentence passed to
// Analyze; it is valid while that text is.
#ifndef STORYLINE_ANALYSIS_ANALYZER_H_
#define STORYLINE_ANALYSIS_ANALYZER_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "analysis/word_info.h"
#include "storyline/article.h"
#include "storyline/status.h"
#include "text/segment.h"

namespace storyline::analysis {

// Penn Treebank tags (the XPOS column of UD English EWT) as a dense enum.
enum class Tag : uint8_t {
  kNN, kNNS, kNNP, kNNPS,
  kVB, kVBD, kVBG, kVBN, kVBP, kVBZ, kMD,
  kIN, kTO, kDT, kJJ, kJJR, kJJS, kRB, kRBR, kRBS,
  kPRP, kPRPS /* PRP$ */, kPOS, kCD, kCC, kWDT, kWP, kWPS /* WP$ */, kWRB, kRP, kEX, kPDT,
  kUH, kFW, kSYM, kLS,
  kComma, kPeriod, kColon, kQuote /* `` '' */, kLRB, kRRB, kHYPH, kNFP,
  kADD, kAFX, kGW, kXX, kDollar, kHash,
  kOther,  // anything else; never predicted
};
inline constexpr int kNumTags = static_cast<int>(Tag::kOther) + 1;

// "NN", "PRP$", ",", "``" (for kQuote), "-LRB-", ...
std::string_view TagName(Tag t);
// The inverse of TagName; also accepts "''" for kQuote. kOther when unknown.
Tag ParseTag(std::string_view name);

inline bool IsNoun(Tag t) { return t <= Tag::kNNPS; }
inline bool IsProperNoun(Tag t) { return t == Tag::kNNP || t == Tag::kNNPS; }
inline bool IsVerb(Tag t) { return t >= Tag::kVB && t <= Tag::kVBZ; }  // not MD
inline bool IsAdjective(Tag t) { return t >= Tag::kJJ && t <= Tag::kJJS; }
inline bool IsAdverb(Tag t) { return t >= Tag::kRB && t <= Tag::kRBS; }
inline bool IsPronoun(Tag t) { return t == Tag::kPRP || t == Tag::kPRPS || t == Tag::kWP || t == Tag::kWPS; }
inline bool IsWh(Tag t) { return t == Tag::kWDT || t == Tag::kWP || t == Tag::kWPS || t == Tag::kWRB; }
inline bool IsPunct(Tag t) {
  return t == Tag::kComma || t == Tag::kPeriod || t == Tag::kColon || t == Tag::kQuote ||
         t == Tag::kLRB || t == Tag::kRRB || t == Tag::kHYPH || t == Tag::kNFP;
}

enum class ChunkKind : uint8_t { kNP, kVP, kPP, kADJP, kADVP, kOther };
std::string_view ChunkKindName(ChunkKind k);  // "NP", "VP", ..., "O"

inline constexpr uint16_t kNoToken = 0xFFFF;

// A contiguous run of tokens. Every token belongs to exactly one chunk;
// tokens outside any phrase (punctuation, conjunctions) are kOther chunks of
// their own.
//  - NP: determiners, numbers, adjectives, nouns; a possessive is kept inside
//    the NP ("Syria 's main opposition group" is one NP, head "group");
//    a pronoun is an NP of its own. head = last noun (or the pronoun).
//  - VP: a verb group: auxiliaries, modals, adverbs, "not", the main verb and
//    a particle ("were not immediately carried out"); "to" + verb is an
//    infinitive VP. head = the main verb.
//  - PP: a preposition (IN/TO) and the NP after it; head = the NP's head,
//    np_begin = where that NP starts. A preposition with no NP after it is a
//    PP of one token whose head is the preposition.
//  - ADJP / ADVP: adjectives / adverbs outside NPs and VPs.
struct Chunk {
  ChunkKind kind = ChunkKind::kOther;
  uint16_t begin = 0, end = 0;  // token range [begin, end)
  uint16_t head = 0;            // head token
  // VP only:
  bool passive = false;     // a form of be/get (possibly with adverbs) + VBN
  bool negated = false;     // not / n't / never / no longer in the group
  bool infinitive = false;  // "to" + base verb
  uint16_t modal = kNoToken;    // will, would, may, could, should, must, might, can,
                                // shall, "going to"/"gonna" (the token), or kNoToken
  // PP only:
  uint16_t np_begin = kNoToken;  // first token of the object NP, or kNoToken
  // Clause-boundary hint: this chunk starts a new clause (a subordinator,
  // relative pronoun, or a coordinating conjunction/comma before a subject +
  // verb). Set on the kOther/NP chunk that opens the clause.
  bool clause_start = false;
};

struct AnalyzedToken {
  Span span;             // byte offsets in the sentence
  text::TokenKind kind;  // from text::Tokenize
  Tag tag;
  uint16_t chunk;        // index into Analysis::chunks
};

struct Analysis {
  std::vector<AnalyzedToken> tokens;
  std::vector<Chunk> chunks;
  std::string_view text;  // the sentence
  // Sentences longer than AnalyzerOptions::max_tokens are cut; true then.
  bool truncated = false;

  std::string_view word(size_t i) const { return tokens[i].span.In(text); }

  // Scratch reused across calls (no allocation in steady state); not part of
  // the result.
  std::vector<text::Token> scratch_tokens;
  std::vector<std::string_view> scratch_words;
  std::vector<Tag> scratch_tags;
  TaggerScratch scratch_tagger;
  std::vector<uint16_t> scratch_chunk_of;
};

struct AnalyzerOptions {
  // Tokens analysed per sentence; the rest are dropped (and
  // Analysis::truncated set). At most 0xFFFE (chunk indexes are 16-bit).
  size_t max_tokens = 512;
  // Bytes per sentence; longer input is cut at a token boundary before it.
  size_t max_bytes = 1 << 16;
};

class Tagger;

class Analyzer {
 public:
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  // The shipped model (data/analysis/tagger.model.b64), loaded once, on first
  // use. Dies with a message if the embedded model is corrupt (a build error).
  static const Analyzer& Default();

  // An analyzer over a model in the binary format written by
  // analysis::TrainTagger / Tagger::Serialize. Corrupt or truncated bytes
  // give InvalidData/DataLoss, never a crash. The bytes are copied.
  static Result<std::unique_ptr<Analyzer>> FromModel(std::string_view model_bytes,
                                                     AnalyzerOptions options = {});

  // Tokenizes, tags and chunks one sentence into *out (its buffers reused).
  void Analyze(std::string_view sentence, Analysis* out) const;

  // Tags pre-tokenised words (out.size() must equal words.size()).
  void Tag(std::span<const std::string_view> words, std::span<analysis::Tag> out) const;

  const Tagger& tagger() const { return *tagger_; }
  const AnalyzerOptions& options() const { return options_; }

 private:
  Analyzer(std::unique_ptr<Tagger> tagger, AnalyzerOptions options);
  std::unique_ptr<Tagger> tagger_;
  AnalyzerOptions options_;
};

}  // namespace storyline::analysis

#endif  // STORYLINE_ANALYSIS_ANALYZER_H_
