#include <gtest/gtest.h>
#include <xxhash.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "analysis/analyzer.h"
#include "analysis/chunker.h"
#include "analysis/tagger.h"
#include "analysis/train.h"
#include "common/embedded_data.h"
#include "common/test_paths.h"

namespace storyline::analysis {
namespace {

struct Analyzed {
  Analysis a;
  std::string text;
  // The tag of the first token spelled `w`.
  Tag TagOf(std::string_view w) const {
    for (size_t i = 0; i < a.tokens.size(); ++i) {
      if (a.word(i) == w) return a.tokens[i].tag;
    }
    ADD_FAILURE() << "no token '" << w << "' in: " << text;
    return Tag::kOther;
  }
  size_t IndexOf(std::string_view w) const {
    for (size_t i = 0; i < a.tokens.size(); ++i) {
      if (a.word(i) == w) return i;
    }
    ADD_FAILURE() << "no token '" << w << "'";
    return 0;
  }
  const Chunk& ChunkOf(std::string_view w) const { return a.chunks[a.tokens[IndexOf(w)].chunk]; }
  std::string Brackets() const {
    std::string out;
    for (const Chunk& c : a.chunks) {
      if (!out.empty()) out += ' ';
      out += '[';
      out += ChunkKindName(c.kind);
      for (size_t i = c.begin; i < c.end; ++i) {
        out += ' ';
        out += a.word(i);
      }
      out += ']';
    }
    return out;
  }
};

Analyzed AnalyzeText(std::string text) {
  Analyzed r;
  r.text = std::move(text);
  Analyzer::Default().Analyze(r.text, &r.a);
  return r;
}

TEST(Tags, NamesRoundTrip) {
  for (int i = 0; i < kNumTags - 1; ++i) {
    Tag t = static_cast<Tag>(i);
    EXPECT_EQ(ParseTag(TagName(t)), t) << TagName(t);
  }
  EXPECT_EQ(ParseTag("''"), Tag::kQuote);
  EXPECT_EQ(ParseTag("PRP$"), Tag::kPRPS);
  EXPECT_EQ(ParseTag("-LRB-"), Tag::kLRB);
  EXPECT_EQ(ParseTag("nonsense"), Tag::kOther);
  EXPECT_TRUE(IsNoun(Tag::kNNPS));
  EXPECT_TRUE(IsProperNoun(Tag::kNNP));
  EXPECT_FALSE(IsVerb(Tag::kMD));
  EXPECT_TRUE(IsVerb(Tag::kVBN));
}

TEST(Tagger, NewsSentence) {
  Analyzed r = AnalyzeText("Russian Foreign Minister Sergei Lavrov said on Monday that the talks would resume in Geneva.");
  EXPECT_EQ(r.TagOf("Russian"), Tag::kJJ);
  EXPECT_EQ(r.TagOf("Minister"), Tag::kNNP);
  EXPECT_EQ(r.TagOf("Lavrov"), Tag::kNNP);
  EXPECT_EQ(r.TagOf("said"), Tag::kVBD);
  EXPECT_EQ(r.TagOf("on"), Tag::kIN);
  EXPECT_EQ(r.TagOf("Monday"), Tag::kNNP);
  EXPECT_EQ(r.TagOf("that"), Tag::kIN);
  EXPECT_EQ(r.TagOf("talks"), Tag::kNNS);
  EXPECT_EQ(r.TagOf("would"), Tag::kMD);
  EXPECT_EQ(r.TagOf("resume"), Tag::kVB);
  EXPECT_EQ(r.TagOf("."), Tag::kPeriod);
  // The subject is one NP headed by the surname.
  const Chunk& np = r.ChunkOf("Lavrov");
  EXPECT_EQ(np.kind, ChunkKind::kNP);
  EXPECT_EQ(np.begin, 0);
  EXPECT_EQ(r.a.word(np.head), "Lavrov");
  EXPECT_EQ(r.ChunkOf("Monday").kind, ChunkKind::kPP);
  EXPECT_TRUE(r.ChunkOf("that").clause_start) << r.Brackets();
  const Chunk& vp = r.ChunkOf("resume");
  EXPECT_EQ(vp.kind, ChunkKind::kVP);
  EXPECT_EQ(r.a.word(vp.head), "resume");
  ASSERT_NE(vp.modal, kNoToken);
  EXPECT_EQ(r.a.word(vp.modal), "would");
}

TEST(Tagger, TokensAndSpans) {
  Analyzed r = AnalyzeText("Kerry's aides didn't meet al-Assad's 30-year-old envoy.");
  std::vector<std::string_view> words;
  for (size_t i = 0; i < r.a.tokens.size(); ++i) words.push_back(r.a.word(i));
  EXPECT_EQ(words, (std::vector<std::string_view>{"Kerry", "'s", "aides", "did", "n't", "meet", "al-Assad", "'s",
                                                  "30-year-old", "envoy", "."}));
  EXPECT_EQ(r.TagOf("'s"), Tag::kPOS);
  EXPECT_EQ(r.TagOf("n't"), Tag::kRB);
  EXPECT_EQ(r.TagOf("al-Assad"), Tag::kNNP);
  EXPECT_EQ(r.a.tokens[0].span, (Span{0, 5}));
}

TEST(Chunker, Passive) {
  Analyzed r = AnalyzeText("The convoy was attacked by rebels near Aleppo.");
  EXPECT_EQ(r.TagOf("attacked"), Tag::kVBN);
  const Chunk& vp = r.ChunkOf("attacked");
  EXPECT_EQ(vp.kind, ChunkKind::kVP);
  EXPECT_TRUE(vp.passive);
  EXPECT_FALSE(vp.negated);
  EXPECT_EQ(vp.modal, kNoToken);
  EXPECT_EQ(r.a.word(vp.begin), "was");
  EXPECT_EQ(r.a.word(vp.head), "attacked");
  const Chunk& by = r.ChunkOf("by");
  EXPECT_EQ(by.kind, ChunkKind::kPP);
  EXPECT_EQ(r.a.word(by.head), "rebels");
  EXPECT_EQ(r.a.word(by.np_begin), "rebels");
  EXPECT_EQ(r.Brackets(), "[NP The convoy] [VP was attacked] [PP by rebels] [PP near Aleppo] [O .]");
}

TEST(Chunker, PerfectPassiveAndActive) {
  Analyzed r = AnalyzeText("Two soldiers have been killed and the army has launched an offensive.");
  EXPECT_TRUE(r.ChunkOf("killed").passive);
  EXPECT_EQ(r.a.word(r.ChunkOf("killed").begin), "have");
  EXPECT_FALSE(r.ChunkOf("launched").passive);
  EXPECT_EQ(r.a.word(r.ChunkOf("launched").head), "launched");
  EXPECT_TRUE(r.ChunkOf("and").clause_start) << r.Brackets();
}

TEST(Chunker, Negation) {
  Analyzed r = AnalyzeText("Russia did not attack the town, officials said.");
  const Chunk& vp = r.ChunkOf("attack");
  EXPECT_TRUE(vp.negated);
  EXPECT_FALSE(vp.passive);
  EXPECT_EQ(r.a.word(vp.begin), "did");
  EXPECT_EQ(r.a.word(vp.head), "attack");
  Analyzed n = AnalyzeText("Israel has never recognized the group.");
  EXPECT_TRUE(n.ChunkOf("recognized").negated);
  Analyzed c = AnalyzeText("The army didn't withdraw.");
  EXPECT_TRUE(c.ChunkOf("withdraw").negated);
}

TEST(Chunker, ModalsAndFuture) {
  Analyzed r = AnalyzeText("Kerry will meet Lavrov in Geneva next week.");
  const Chunk& vp = r.ChunkOf("meet");
  ASSERT_NE(vp.modal, kNoToken);
  EXPECT_EQ(r.a.word(vp.modal), "will");
  EXPECT_EQ(r.a.word(vp.head), "meet");
  EXPECT_EQ(r.ChunkOf("Geneva").kind, ChunkKind::kPP);
  Analyzed g = AnalyzeText("The government is going to send more troops.");
  const Chunk& gv = g.ChunkOf("send");
  ASSERT_NE(gv.modal, kNoToken) << g.Brackets();
  EXPECT_EQ(g.a.word(gv.modal), "going");
  Analyzed m = AnalyzeText("Sanctions could be imposed.");
  EXPECT_TRUE(m.ChunkOf("imposed").passive);
  EXPECT_EQ(m.a.word(m.ChunkOf("imposed").modal), "could");
}

TEST(Chunker, Infinitive) {
  Analyzed r = AnalyzeText("Moscow wants to send troops to Syria.");
  const Chunk& wants = r.ChunkOf("wants");
  const Chunk& send = r.ChunkOf("send");
  EXPECT_NE(&wants, &send);
  EXPECT_TRUE(send.infinitive);
  EXPECT_EQ(r.a.word(send.begin), "to");
  EXPECT_EQ(r.a.word(send.head), "send");
  EXPECT_EQ(r.ChunkOf("Syria").kind, ChunkKind::kPP);
}

TEST(Chunker, PossessiveStaysInOneNp) {
  Analyzed r = AnalyzeText("Syria's main opposition group rejected the plan.");
  const Chunk& np = r.ChunkOf("group");
  EXPECT_EQ(np.kind, ChunkKind::kNP);
  EXPECT_EQ(np.begin, 0);
  EXPECT_EQ(r.a.word(np.head), "group");
  EXPECT_EQ(r.a.word(np.end), "rejected");
}

TEST(Chunker, RelativeClause) {
  Analyzed r = AnalyzeText("The rebels, who control the city, attacked an army base.");
  EXPECT_TRUE(r.ChunkOf("who").clause_start);
  EXPECT_EQ(r.ChunkOf("who").kind, ChunkKind::kNP);
}

TEST(Chunker, EveryTokenInOneChunk) {
  Analyzed r = AnalyzeText("On Tuesday, U.S. President Barack Obama said he would not rule out military action against "
                   "Syria, which denies using chemical weapons.");
  size_t covered = 0;
  for (size_t c = 0; c < r.a.chunks.size(); ++c) {
    const Chunk& ch = r.a.chunks[c];
    EXPECT_EQ(ch.begin, covered);
    EXPECT_LT(ch.begin, ch.end);
    EXPECT_GE(ch.head, ch.begin);
    EXPECT_LT(ch.head, ch.end);
    for (size_t i = ch.begin; i < ch.end; ++i) EXPECT_EQ(r.a.tokens[i].chunk, c);
    covered = ch.end;
  }
  EXPECT_EQ(covered, r.a.tokens.size());
  EXPECT_TRUE(r.ChunkOf("rule").negated);
  EXPECT_EQ(r.a.word(r.ChunkOf("rule").modal), "would");
}

TEST(Tagger, Headlines) {
  Analyzed t = AnalyzeText("Russia Says It Will Send Troops To Syria");
  EXPECT_EQ(t.TagOf("Says"), Tag::kVBZ);
  EXPECT_EQ(t.TagOf("Will"), Tag::kMD);
  EXPECT_EQ(t.TagOf("Send"), Tag::kVB);
  EXPECT_EQ(t.TagOf("It"), Tag::kPRP);
  Analyzed u = AnalyzeText("REBELS ATTACK ARMY BASE IN ALEPPO");
  EXPECT_TRUE(IsNoun(u.TagOf("REBELS")));
  EXPECT_EQ(u.TagOf("IN"), Tag::kIN);
  EXPECT_TRUE(IsProperNoun(u.TagOf("ALEPPO")));
}

TEST(Tagger, AFullSentenceGetsAVerb) {
  // The greedy tagger alone reads "left" after a noun as a noun; a sentence
  // ending in a full stop with no verb gets the closest verb reading.
  Analyzed r =
      AnalyzeText("The new mayor left yesterday for the capital for talks with the union.");
  EXPECT_EQ(r.TagOf("left"), Tag::kVBD) << r.Brackets();
  EXPECT_EQ(r.ChunkOf("left").kind, ChunkKind::kVP);
  EXPECT_EQ(r.TagOf("mayor"), Tag::kNN);
  // Fragments without a full stop are left as tagged.
  Analyzed f = AnalyzeText("The new mayor left yesterday for the capital");
  EXPECT_NE(f.TagOf("left"), Tag::kVBD);
  // A verbless list does not get a verb where none scores close.
  Analyzed l = AnalyzeText("Great food, friendly staff and good prices.");
  for (size_t i = 0; i < l.a.tokens.size(); ++i)
    EXPECT_FALSE(IsVerb(l.a.tokens[i].tag)) << l.a.word(i);
}

TEST(Analyzer, EmptyAndDegenerateInput) {
  Analysis a;
  Analyzer::Default().Analyze("", &a);
  EXPECT_TRUE(a.tokens.empty());
  EXPECT_TRUE(a.chunks.empty());
  Analyzer::Default().Analyze("   \n\t ", &a);
  EXPECT_TRUE(a.tokens.empty());
  Analyzer::Default().Analyze("\xff\xfe\x80 ...", &a);
  EXPECT_EQ(a.chunks.empty(), a.tokens.empty());
}

TEST(Analyzer, LongSentenceIsCut) {
  AnalyzerOptions options;
  options.max_tokens = 10;
  Result<std::string_view> b64 = data::Get("analysis/tagger.model.b64");
  ASSERT_TRUE(b64.ok());
  Result<std::string> bytes = DecodeBase64(*b64);
  ASSERT_TRUE(bytes.ok());
  Result<std::unique_ptr<Analyzer>> a = Analyzer::FromModel(*bytes, options);
  ASSERT_TRUE(a.ok()) << a.status().message();
  std::string text;
  for (int i = 0; i < 50; ++i) text += "the talks failed and ";
  Analysis out;
  (*a)->Analyze(text, &out);
  EXPECT_EQ(out.tokens.size(), 10u);
  EXPECT_TRUE(out.truncated);
  (*a)->Analyze("Talks failed.", &out);
  EXPECT_FALSE(out.truncated);
  EXPECT_EQ(out.tokens.size(), 3u);
}

TEST(Analyzer, PreTokenisedTagging) {
  std::vector<std::string_view> words = {"The", "army", "shelled", "Aleppo", "."};
  std::vector<Tag> tags(words.size());
  Analyzer::Default().Tag(words, tags);
  EXPECT_EQ(tags, (std::vector<Tag>{Tag::kDT, Tag::kNN, Tag::kVBD, Tag::kNNP, Tag::kPeriod}));
}

// ---- model file

std::string ShippedModel() {
  Result<std::string_view> b64 = data::Get("analysis/tagger.model.b64");
  if (!b64.ok()) return "";
  Result<std::string> bytes = DecodeBase64(*b64);
  return bytes.ok() ? *bytes : "";
}

TEST(Model, SaveLoadRoundTrip) {
  std::string bytes = ShippedModel();
  ASSERT_FALSE(bytes.empty());
  Result<std::unique_ptr<Tagger>> t = Tagger::Load(bytes);
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ((*t)->Serialize(), bytes);
  EXPECT_LT(bytes.size(), 4u << 20);  // the size budget of the shipped model
  EXPECT_EQ(DecodeBase64(EncodeBase64(bytes)).value(), bytes);
}

TEST(Model, CorruptModelsAreErrorsNotCrashes) {
  std::string bytes = ShippedModel();
  ASSERT_FALSE(bytes.empty());
  EXPECT_FALSE(Tagger::Load("").ok());
  EXPECT_FALSE(Tagger::Load("SLPTAG1\n").ok());
  EXPECT_EQ(Tagger::Load(bytes.substr(0, bytes.size() / 2)).status().code(), StatusCode::kDataLoss);
  std::string flipped = bytes;
  flipped[flipped.size() / 3] ^= 0x40;
  EXPECT_EQ(Tagger::Load(flipped).status().code(), StatusCode::kDataLoss);
  // A well-sealed file whose arrays lie: the counts claim more than there is.
  std::string body = bytes.substr(0, bytes.size() - 8);
  body[8 + 16] = '\xff';  // the dictionary size's low byte
  uint64_t sum = XXH3_64bits(body.data(), body.size());
  body.append(reinterpret_cast<const char*>(&sum), 8);
  Result<std::unique_ptr<Tagger>> t = Tagger::Load(body);
  EXPECT_FALSE(t.ok());
  EXPECT_FALSE(Analyzer::FromModel("garbage").ok());
}

// ---- training on a small treebank written here

constexpr char kTinyTreebank[] =
    "# text = The army attacked the well-known rebels.\n"
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\tarmy\tarmy\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n"
    "3\tattacked\tattack\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "4\tthe\tthe\tDET\tDT\t_\t8\tdet\t_\t_\n"
    "5\twell\twell\tADV\tRB\t_\t7\tadvmod\t_\tSpaceAfter=No\n"
    "6\t-\t-\tPUNCT\tHYPH\t_\t7\tpunct\t_\tSpaceAfter=No\n"
    "7\tknown\tknow\tVERB\tVBN\t_\t8\tamod\t_\t_\n"
    "8\trebels\trebel\tNOUN\tNNS\t_\t3\tobj\t_\tSpaceAfter=No\n"
    "9\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
    "\n"
    "# text = Rebels don't attack.\n"
    "1\tRebels\trebel\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n"
    "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
    "4\tattack\tattack\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
    "\n";

std::string WriteTemp(const std::string& name, const std::string& content) {
  std::string path = (std::filesystem::temp_directory_path() / name).string();
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

TEST(Train, ReadsConlluAndMergesHyphens) {
  std::string path = WriteTemp("analysis_test_tiny.conllu", kTinyTreebank);
  Result<std::vector<TreebankSentence>> tb = ReadConllu(path);
  ASSERT_TRUE(tb.ok()) << tb.status().message();
  ASSERT_EQ(tb->size(), 2u);
  EXPECT_EQ((*tb)[0].words, (std::vector<std::string>{"The", "army", "attacked", "the", "well-known", "rebels", "."}));
  EXPECT_EQ((*tb)[0].tags[4], Tag::kVBN);
  EXPECT_EQ((*tb)[1].words, (std::vector<std::string>{"Rebels", "do", "n't", "attack", "."}));
  TreebankOptions raw;
  raw.merge_hyphens = false;
  EXPECT_EQ(ReadConllu(path, raw)->at(0).words.size(), 9u);
  EXPECT_EQ(ReadConllu("/nonexistent/x.conllu").status().code(), StatusCode::kNotFound);
  std::string bad = WriteTemp("analysis_test_bad.conllu", "1\tx\tx\tX\tNOPE\t_\t0\troot\t_\t_\n");
  Result<std::vector<TreebankSentence>> b = ReadConllu(bad);
  ASSERT_FALSE(b.ok());
  EXPECT_NE(b.status().message().find(":1:"), std::string::npos) << b.status().message();
  std::filesystem::remove(path);
  std::filesystem::remove(bad);
}

TEST(Train, LearnsTinyTreebankAndRoundTrips) {
  std::string path = WriteTemp("analysis_test_tiny2.conllu", kTinyTreebank);
  Result<std::vector<TreebankSentence>> tb = ReadConllu(path);
  std::filesystem::remove(path);
  ASSERT_TRUE(tb.ok());
  TrainOptions options;
  options.epochs = 8;
  options.prune_below = 0;
  options.dict_min_count = 1000;  // no dictionary: the weights must do it
  TrainReport report;
  Result<std::unique_ptr<Tagger>> t = TrainTagger(*tb, options, &report);
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(report.tokens, 12u);
  EXPECT_GT(report.features, 0u);
  TagEvaluation ev = EvaluateTagger(**t, *tb, nullptr);
  EXPECT_EQ(ev.xpos_accuracy(), 1.0);
  Result<std::unique_ptr<Tagger>> again = Tagger::Load((*t)->Serialize());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(EvaluateTagger(**again, *tb, nullptr).xpos_correct, ev.xpos_correct);
  UposMapper upos(*tb);
  EXPECT_EQ(upos.Map("do", Tag::kVBP), "AUX");
  EXPECT_EQ(upos.Map("Army", Tag::kNN), "NOUN");
}

// ---- accuracy on UD English EWT (read in place from ../shared)

TEST(Accuracy, EwtTest) {
  STORYLINE_REQUIRE_SHARED(shared);
  std::string dir = shared + "/data/treebank/ud-english-ewt/";
  if (!std::filesystem::exists(dir + "en_ewt-ud-test.conllu")) GTEST_SKIP() << "no EWT in " << dir;
  Result<std::vector<TreebankSentence>> train = ReadConllu(dir + "en_ewt-ud-train.conllu");
  Result<std::vector<TreebankSentence>> test = ReadConllu(dir + "en_ewt-ud-test.conllu");
  ASSERT_TRUE(train.ok() && test.ok());
  UposMapper upos(*train);
  TagEvaluation ev = EvaluateTagger(Analyzer::Default().tagger(), *test, &upos);
  std::printf("EWT test: XPOS %.4f UPOS %.4f over %zu tokens\n", ev.xpos_accuracy(), ev.upos_accuracy(), ev.tokens);
  // Measured 0.9445 / 0.9339 with the shipped model; the floors leave a margin.
  EXPECT_GE(ev.xpos_accuracy(), 0.935);
  EXPECT_GE(ev.upos_accuracy(), 0.925);
  EXPECT_GT(ev.tokens, 24000u);
}

}  // namespace
}  // namespace storyline::analysis
