// The analysis stage's entry point: text::Tokenize, then the tagger
// (tagger.cc), then the chunker (chunker.cc), all into buffers the caller's
// Analysis keeps across sentences. The shipped model is the base64 text
// data/analysis/tagger.model.b64 (binary does not fit the raw-string
// embedding of data/), decoded and loaded once.
#include "analysis/analyzer.h"

#include <cstdio>
#include <cstdlib>

#include "analysis/chunker.h"
#include "analysis/tagger.h"
#include "common/embedded_data.h"

namespace storyline::analysis {
namespace {

constexpr std::string_view kTagNames[kNumTags] = {
    "NN",  "NNS", "NNP", "NNPS", "VB",  "VBD",   "VBG",   "VBN", "VBP", "VBZ", "MD",  "IN",  "TO",
    "DT",  "JJ",  "JJR", "JJS",  "RB",  "RBR",   "RBS",   "PRP", "PRP$", "POS", "CD",  "CC",  "WDT",
    "WP",  "WP$", "WRB", "RP",   "EX",  "PDT",   "UH",    "FW",  "SYM", "LS",  ",",   ".",   ":",
    "``",  "-LRB-", "-RRB-", "HYPH", "NFP", "ADD", "AFX", "GW",  "XX",  "$",   "#",   "???"};

}  // namespace

std::string_view TagName(Tag t) {
  size_t i = static_cast<size_t>(t);
  return i < kNumTags ? kTagNames[i] : "???";
}

Tag ParseTag(std::string_view name) {
  if (name == "''") return Tag::kQuote;
  for (int i = 0; i < kNumTags - 1; ++i) {
    if (kTagNames[i] == name) return static_cast<Tag>(i);
  }
  return Tag::kOther;
}

std::string_view ChunkKindName(ChunkKind k) {
  switch (k) {
    case ChunkKind::kNP: return "NP";
    case ChunkKind::kVP: return "VP";
    case ChunkKind::kPP: return "PP";
    case ChunkKind::kADJP: return "ADJP";
    case ChunkKind::kADVP: return "ADVP";
    case ChunkKind::kOther: return "O";
  }
  return "O";
}

Analyzer::Analyzer(std::unique_ptr<Tagger> tagger, AnalyzerOptions options)
    : tagger_(std::move(tagger)), options_(options) {
  if (options_.max_tokens > 0xFFFE) options_.max_tokens = 0xFFFE;
  if (options_.max_tokens == 0) options_.max_tokens = 1;
}

Analyzer::~Analyzer() = default;

Result<std::unique_ptr<Analyzer>> Analyzer::FromModel(std::string_view model_bytes, AnalyzerOptions options) {
  STORYLINE_ASSIGN_OR_RETURN(std::unique_ptr<Tagger> tagger, Tagger::Load(model_bytes));
  return std::unique_ptr<Analyzer>(new Analyzer(std::move(tagger), options));
}

const Analyzer& Analyzer::Default() {
  static const Analyzer* analyzer = [] {
    Result<std::string_view> text = data::Get("analysis/tagger.model.b64");
    Result<std::string> bytes = text.ok() ? DecodeBase64(*text) : Result<std::string>(text.status());
    Result<std::unique_ptr<Analyzer>> a =
        bytes.ok() ? FromModel(*bytes) : Result<std::unique_ptr<Analyzer>>(bytes.status());
    if (!a.ok()) {
      std::fprintf(stderr, "storyline: embedded tagger model: %s\n", a.status().message().c_str());
      std::abort();
    }
    return a->release();
  }();
  return *analyzer;
}

void Analyzer::Tag(std::span<const std::string_view> words, std::span<analysis::Tag> out) const {
  TaggerScratch scratch;
  tagger_->Tag(words, out, &scratch);
}

void Analyzer::Analyze(std::string_view sentence, Analysis* out) const {
  if (sentence.size() > options_.max_bytes) sentence = sentence.substr(0, options_.max_bytes);
  out->text = sentence;
  out->truncated = false;
  out->tokens.clear();
  out->chunks.clear();
  std::vector<text::Token>& toks = out->scratch_tokens;
  toks.clear();
  text::Tokenize(sentence, &toks);
  size_t n = toks.size();
  if (n > options_.max_tokens) {
    n = options_.max_tokens;
    out->truncated = true;
  }
  std::vector<std::string_view>& words = out->scratch_words;
  words.resize(n);
  for (size_t i = 0; i < n; ++i) words[i] = toks[i].span.In(sentence);
  std::vector<analysis::Tag>& tags = out->scratch_tags;
  tags.resize(n);
  tagger_->Tag(words, tags, &out->scratch_tagger);
  out->tokens.resize(n);
  // The chunk index of each token is written straight into the tokens.
  std::vector<uint16_t>& chunk_of = out->scratch_chunk_of;
  chunk_of.resize(n);
  ChunkSentence(words, tags, &out->chunks, chunk_of);
  for (size_t i = 0; i < n; ++i) {
    out->tokens[i] = AnalyzedToken{toks[i].span, toks[i].kind, tags[i], chunk_of[i]};
  }
}

}  // namespace storyline::analysis
