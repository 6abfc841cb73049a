// storyline articles [ID] [--search Q] ...
#include <cstdio>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "output.h"
#include "storyline/store.h"

namespace storyline::cli {
namespace {

using nlohmann::json;

struct ArticlesFlags {
  std::string id;
  std::string format = "table";
  std::string search;
  std::string outlet;
  std::string since;
  std::string until;
  int64_t limit = 50;
  int64_t offset = 0;
  bool body = false;
  bool sentences = false;
};

std::string Dump(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

// Stable field names: doc/formats/articles-jsonl.md.
json ArticleJson(const StoredArticle& s, bool with_text) {
  const Article& a = s.article;
  json j = {
      {"id", s.id},
      {"hash", a.content_hash},
      {"external_id", a.external_id},
      {"title", a.title},
      {"outlet", a.outlet},
      {"url", a.url},
      {"published", a.published.value},
      {"published_source", a.published.source},
      {"published_confidence", a.published.confidence},
      {"dateline_place", a.dateline_place},
      {"language", a.language},
      {"author", a.author},
      {"credits", a.credits},
      {"captions", a.captions},
      {"input", a.input},
      {"record", a.record},
      {"format", std::string(InputFormatName(a.format))},
      {"ingested_at", s.ingested_at},
  };
  if (with_text) {
    j["body"] = a.body;
    json paragraphs = json::array();
    for (const Span& p : a.paragraphs) paragraphs.push_back({p.begin, p.end});
    j["paragraphs"] = paragraphs;
    json sentences = json::array();
    for (const Span& sp : a.sentences) {
      sentences.push_back({{"begin", sp.begin}, {"end", sp.end}, {"text", std::string(sp.In(a.body))}});
    }
    j["sentences"] = sentences;
  }
  return j;
}

std::vector<std::string> CsvHeader() {
  return {"id", "hash", "external_id", "published", "published_source", "outlet", "title", "url",
          "dateline_place", "input", "record"};
}

std::vector<std::string> CsvRow(const StoredArticle& s) {
  const Article& a = s.article;
  return {std::to_string(s.id), a.content_hash, a.external_id, a.published.value, a.published.source,
          a.outlet, a.title, a.url, a.dateline_place, a.input, a.record};
}

void PrintOneReadable(const StoredArticle& s, bool sentences) {
  const Article& a = s.article;
  std::printf("%s\n", a.title.empty() ? "(untitled)" : a.title.c_str());
  std::printf("%s\n", std::string(std::min<size_t>(DisplayWidth(a.title), 78), '=').c_str());
  auto field = [](const char* name, const std::string& v) {
    if (!v.empty()) std::printf("%-14s %s\n", name, v.c_str());
  };
  field("id", std::to_string(s.id));
  field("hash", a.content_hash);
  field("external id", a.external_id);
  field("outlet", a.outlet);
  field("url", a.url);
  if (!a.published.empty()) {
    char conf[16];
    std::snprintf(conf, sizeof conf, "%.2f", a.published.confidence);
    field("published", a.published.value + "  (from " + a.published.source + ", confidence " + conf + ")");
  } else {
    field("published", "unknown (no evidence in the input)");
  }
  field("dateline", a.dateline_place);
  field("author", a.author);
  for (const auto& c : a.credits) field("credit", c);
  for (const auto& c : a.captions) field("caption", c);
  field("input", a.input + (a.record.empty() ? "" : " (" + a.record + ")"));
  field("ingested", s.ingested_at);
  std::printf("%-14s %zu paragraphs, %zu sentences\n\n", "text", a.paragraphs.size(), a.sentences.size());
  if (sentences) {
    for (size_t i = 0; i < a.sentences.size(); ++i) {
      const Span& sp = a.sentences[i];
      std::printf("[%zu] %u-%u  %s\n", i, sp.begin, sp.end, std::string(sp.In(a.body)).c_str());
    }
  } else {
    std::printf("%s\n", a.body.c_str());
  }
}

int RunArticles(const GlobalFlags& global, const ArticlesFlags& f) {
  StoreOptions ro;
  ro.read_only = true;
  Result<std::unique_ptr<Store>> store = Store::Open(global.db, ro);
  if (!store.ok()) return ReportError(store.status());

  if (!f.id.empty()) {
    Result<std::optional<StoredArticle>> got = (*store)->Get(f.id);
    if (!got.ok()) return ReportError(got.status());
    if (!got->has_value()) return ReportError(NotFoundError("no article '" + f.id + "' in " + global.db));
    const StoredArticle& s = **got;
    if (f.format == "jsonl") {
      std::printf("%s\n", Dump(ArticleJson(s, true)).c_str());
    } else if (f.format == "csv") {
      TableWriter w(CsvHeader());
      w.PrintCsvHeader(stdout);
      TableWriter::PrintCsvRow(stdout, CsvRow(s));
    } else {
      PrintOneReadable(s, f.sentences);
    }
    return kExitOk;
  }

  ArticleQuery q;
  q.search = f.search;
  q.outlet = f.outlet;
  q.since = f.since;
  q.until = f.until;
  q.limit = f.limit;
  q.offset = f.offset;
  q.load_text = f.body || f.sentences;
  TableWriter table({"id", "published", "outlet", "title", "sents", "hash"}, {0, 0, 20, 60, 0, 0});
  if (f.format == "csv") table = TableWriter(CsvHeader());
  if (f.format == "csv") table.PrintCsvHeader(stdout);
  size_t n = 0;
  Status st = (*store)->List(q, [&](const StoredArticle& s) {
    ++n;
    if (f.format == "jsonl") {
      std::printf("%s\n", Dump(ArticleJson(s, q.load_text)).c_str());
    } else if (f.format == "csv") {
      TableWriter::PrintCsvRow(stdout, CsvRow(s));
    } else {
      table.AddRow({std::to_string(s.id), s.article.published.value.empty() ? "-" : s.article.published.value,
                    s.article.outlet, s.article.title,
                    std::to_string(s.sentence_count),
                    s.article.content_hash.substr(0, 12)});
    }
    return true;
  });
  if (!st.ok()) return ReportError(st);
  if (f.format == "table") {
    if (n == 0) {
      std::fprintf(stderr, "storyline: no articles match\n");
    } else {
      table.PrintTable(stdout);
    }
  }
  return kExitOk;
}

}  // namespace

void RegisterArticles(CLI::App& app, GlobalFlags& global, int& exit_code) {
  auto f = std::make_shared<ArticlesFlags>();
  CLI::App* cmd = app.add_subcommand(
      "articles",
      "List stored articles, search their text (SQLite FTS5 query syntax), or show one\n"
      "(by row id, content-hash prefix or external id).");
  cmd->add_option("id", f->id, "Show this article (row id, hash prefix, or external id)");
  cmd->add_option("--db", global.db, "Database file")->capture_default_str();
  cmd->add_option("--format", f->format, "Output format")
      ->check(CLI::IsMember({"table", "jsonl", "csv"}))
      ->capture_default_str();
  cmd->add_option("-s,--search", f->search, "Full-text query over titles and bodies, e.g. 'Kerry AND Lavrov'");
  cmd->add_option("--outlet", f->outlet, "Only this outlet");
  cmd->add_option("--since", f->since, "Published on or after (YYYY, YYYY-MM or YYYY-MM-DD)");
  cmd->add_option("--until", f->until, "Published on or before");
  cmd->add_option("-n,--limit", f->limit, "At most this many (0: all)")->capture_default_str();
  cmd->add_option("--offset", f->offset, "Skip this many")->capture_default_str();
  cmd->add_flag("--body", f->body, "Listings: include body, paragraphs and sentences (jsonl)");
  cmd->add_flag("--sentences", f->sentences, "Show one article as numbered sentences with offsets");
  cmd->callback([&global, &exit_code, f]() { exit_code = RunArticles(global, *f); });
}

}  // namespace storyline::cli
