// storyline cluster | stories [ID] | duplicates [--explain A B] | eval cluster:
// near-duplicate groups, events and stories over the stored articles
// (src/cluster/cluster_store.h), and their scoring against gold clusters
// (src/eval/cluster_eval.h). Formats: doc/formats/clusters.md.
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "cluster/cluster_store.h"
#include "commands.h"
#include "eval/cluster_eval.h"
#include "output.h"

namespace storyline::cli {
namespace {

std::string Dump(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string Fixed(double v, int digits = 3) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

std::string Range(const std::string& a, const std::string& b) {
  if (a.empty() && b.empty()) return "-";
  if (a == b) return a;
  return a + " .. " + b;
}

struct ClusterFlags {
  std::string format = "table";
  double event_threshold = -1;
  double story_threshold = -1;
  double dup_threshold = -1;
  std::vector<double> event_weights;  // body, title, entity
  int64_t doc_terms = 0;
};

void ApplyTuning(const ClusterFlags& f, cluster::ClusterOptions* o) {
  if (f.event_threshold >= 0) o->event.threshold = f.event_threshold;
  if (f.story_threshold >= 0) o->story.threshold = f.story_threshold;
  if (f.dup_threshold >= 0) o->dedup.threshold = f.dup_threshold;
  if (f.event_weights.size() == 3) {
    o->event.body_weight = f.event_weights[0];
    o->event.title_weight = f.event_weights[1];
    o->event.entity_weight = f.event_weights[2];
  }
  if (f.doc_terms > 0) o->doc_terms = static_cast<size_t>(f.doc_terms);
}

int RunCluster(const GlobalFlags& global, const ClusterFlags& f) {
  auto store = Store::Open(global.db);
  if (!store.ok()) return ReportError(store.status());
  cluster::ClusterStoreOptions options;
  ApplyTuning(f, &options.cluster);
  auto r = cluster::ClusterPending(**store, options);
  if (!r.ok()) return ReportError(r.status());
  if (f.format == "jsonl") {
    std::printf("%s\n", Dump({{"articles", r->articles}, {"new_events", r->new_events},
                              {"new_stories", r->new_stories}, {"duplicates", r->duplicates},
                              {"undated", r->undated}, {"seconds", r->seconds}}).c_str());
  } else if (f.format == "csv") {
    TableWriter w({"articles", "new_events", "new_stories", "duplicates", "undated", "seconds"});
    w.PrintCsvHeader(stdout);
    TableWriter::PrintCsvRow(stdout, {std::to_string(r->articles), std::to_string(r->new_events),
                                      std::to_string(r->new_stories), std::to_string(r->duplicates),
                                      std::to_string(r->undated), Fixed(r->seconds)});
  } else {
    std::printf("clustered %s articles in %.2f s: %s new events, %s new stories, %s near-duplicates",
                Grouped(r->articles).c_str(), r->seconds, Grouped(r->new_events).c_str(),
                Grouped(r->new_stories).c_str(), Grouped(r->duplicates).c_str());
    if (r->undated > 0) std::printf(" (%s undated, clustered last)", Grouped(r->undated).c_str());
    std::printf("\n");
  }
  return kExitOk;
}

struct StoriesFlags {
  std::string format = "table";
  int64_t id = 0;
  int64_t limit = 50;
};

int RunStories(const GlobalFlags& global, const StoriesFlags& f) {
  StoreOptions ro;
  ro.read_only = true;
  auto store = Store::Open(global.db, ro);
  if (!store.ok()) return ReportError(store.status());
  if (f.id != 0) {
    auto d = cluster::GetStory(**store, f.id);
    if (!d.ok()) return ReportError(d.status());
    if (!d->has_value()) return ReportError(NotFoundError("no story " + std::to_string(f.id) + " in " + global.db));
    const cluster::StoryDetail& s = **d;
    if (f.format == "jsonl") {
      nlohmann::json events = nlohmann::json::array();
      for (const auto& e : s.events) {
        nlohmann::json arts = nlohmann::json::array();
        for (const auto& a : s.articles) {
          if (a.event != e.id) continue;
          arts.push_back({{"id", a.id}, {"external_id", a.external_id}, {"title", a.title},
                          {"published", a.published}, {"duplicate_of", a.duplicate_of}});
        }
        events.push_back({{"id", e.id}, {"label", e.label}, {"first_date", e.first_date},
                          {"last_date", e.last_date}, {"articles", arts}});
      }
      std::printf("%s\n", Dump({{"id", s.story.id}, {"label", s.story.label},
                                {"first_date", s.story.first_date}, {"last_date", s.story.last_date},
                                {"article_count", s.story.articles}, {"event_count", s.story.events},
                                {"events", events}}).c_str());
      return kExitOk;
    }
    if (f.format == "csv") {
      TableWriter w({"story", "event", "article", "published", "title", "duplicate_of"});
      w.PrintCsvHeader(stdout);
      for (const auto& a : s.articles) {
        TableWriter::PrintCsvRow(stdout, {std::to_string(s.story.id), std::to_string(a.event),
                                          std::to_string(a.id), a.published, a.title,
                                          a.duplicate_of ? std::to_string(a.duplicate_of) : ""});
      }
      return kExitOk;
    }
    std::printf("story %lld: %s\n  %s, %lld articles, %lld events\n\n", static_cast<long long>(s.story.id),
                s.story.label.c_str(), Range(s.story.first_date, s.story.last_date).c_str(),
                static_cast<long long>(s.story.articles), static_cast<long long>(s.story.events));
    for (const auto& e : s.events) {
      std::printf("event %lld  %s  (%lld articles)  %s\n", static_cast<long long>(e.id),
                  Range(e.first_date, e.last_date).c_str(), static_cast<long long>(e.articles),
                  e.label.c_str());
      for (const auto& a : s.articles) {
        if (a.event != e.id) continue;
        std::printf("  %6lld  %-10s  %s%s\n", static_cast<long long>(a.id),
                    a.published.empty() ? "-" : a.published.substr(0, 10).c_str(),
                    Ellipsize(a.title.empty() ? a.external_id : a.title, 70).c_str(),
                    a.duplicate_of ? ("  [copy of " + std::to_string(a.duplicate_of) + "]").c_str() : "");
      }
    }
    return kExitOk;
  }
  auto list = cluster::ListStories(**store, f.limit);
  if (!list.ok()) return ReportError(list.status());
  TableWriter t({"id", "dates", "articles", "events", "label"}, {0, 0, 0, 0, 70});
  if (f.format == "csv") {
    TableWriter({"id", "first_date", "last_date", "articles", "events", "label"}).PrintCsvHeader(stdout);
  }
  for (const auto& s : *list) {
    if (f.format == "jsonl") {
      std::printf("%s\n", Dump({{"id", s.id}, {"label", s.label}, {"first_date", s.first_date},
                                {"last_date", s.last_date}, {"article_count", s.articles},
                                {"event_count", s.events}}).c_str());
    } else if (f.format == "csv") {
      TableWriter::PrintCsvRow(stdout, {std::to_string(s.id), s.first_date, s.last_date,
                                        std::to_string(s.articles), std::to_string(s.events), s.label});
    } else {
      t.AddRow({std::to_string(s.id), Range(s.first_date, s.last_date), std::to_string(s.articles),
                std::to_string(s.events), s.label});
    }
  }
  if (f.format == "table") {
    if (list->empty()) {
      std::fprintf(stderr, "storyline: no stories (run `storyline cluster` first)\n");
    } else {
      t.PrintTable(stdout);
    }
  }
  return kExitOk;
}

struct DuplicatesFlags {
  std::string format = "table";
  std::vector<std::string> explain;
  int64_t limit = 50;
  double threshold = 0.8;
};

int RunDuplicates(const GlobalFlags& global, const DuplicatesFlags& f) {
  StoreOptions ro;
  ro.read_only = true;
  auto store = Store::Open(global.db, ro);
  if (!store.ok()) return ReportError(store.status());
  if (!f.explain.empty()) {
    if (f.explain.size() != 2) return ReportError(InvalidArgumentError("--explain takes two article ids"));
    dedup::DedupOptions o;
    o.threshold = f.threshold;
    auto r = cluster::ExplainPair(**store, f.explain[0], f.explain[1], o);
    if (!r.ok()) return ReportError(r.status());
    if (f.format == "jsonl") {
      std::printf("%s\n", Dump({{"a", r->a}, {"b", r->b}, {"estimated_jaccard", r->estimated},
                                {"exact_jaccard", r->exact}, {"threshold", r->threshold},
                                {"near_duplicate", r->near_duplicate}}).c_str());
    } else if (f.format == "csv") {
      TableWriter({"a", "b", "estimated_jaccard", "exact_jaccard", "threshold", "near_duplicate"})
          .PrintCsvHeader(stdout);
      TableWriter::PrintCsvRow(stdout, {std::to_string(r->a), std::to_string(r->b), Fixed(r->estimated, 4),
                                        Fixed(r->exact, 4), Fixed(r->threshold, 2),
                                        r->near_duplicate ? "true" : "false"});
    } else {
      std::printf("articles %lld and %lld (5-word shingles)\n", static_cast<long long>(r->a),
                  static_cast<long long>(r->b));
      std::printf("  estimated Jaccard (MinHash, 128 bins)  %.4f\n", r->estimated);
      std::printf("  exact Jaccard                          %.4f\n", r->exact);
      std::printf("  near-duplicate at threshold %.2f:      %s\n", r->threshold,
                  r->near_duplicate ? "yes" : "no");
    }
    return kExitOk;
  }
  auto groups = cluster::ListDuplicateGroups(**store, f.limit);
  if (!groups.ok()) return ReportError(groups.status());
  TableWriter t({"group", "size", "canonical title", "members"}, {0, 0, 50, 40});
  if (f.format == "csv") TableWriter({"group", "article", "similarity"}).PrintCsvHeader(stdout);
  for (const auto& g : *groups) {
    std::string members;
    nlohmann::json jm = nlohmann::json::array();
    for (size_t i = 0; i < g.members.size(); ++i) {
      if (!members.empty()) members += " ";
      members += std::to_string(g.members[i]) + " (" + Fixed(g.similarity[i], 2) + ")";
      jm.push_back({{"id", g.members[i]}, {"similarity", g.similarity[i]}});
    }
    if (f.format == "jsonl") {
      std::printf("%s\n", Dump({{"group", g.canonical}, {"canonical", g.canonical},
                                {"title", g.canonical_title}, {"size", g.members.size() + 1},
                                {"members", jm}}).c_str());
    } else if (f.format == "csv") {
      TableWriter::PrintCsvRow(stdout, {std::to_string(g.canonical), std::to_string(g.canonical), "1.0000"});
      for (size_t i = 0; i < g.members.size(); ++i) {
        TableWriter::PrintCsvRow(stdout, {std::to_string(g.canonical), std::to_string(g.members[i]),
                                          Fixed(g.similarity[i], 4)});
      }
    } else {
      t.AddRow({std::to_string(g.canonical), std::to_string(g.members.size() + 1), g.canonical_title, members});
    }
  }
  if (f.format == "table") {
    if (groups->empty()) {
      std::fprintf(stderr, "storyline: no near-duplicate groups\n");
    } else {
      t.PrintTable(stdout);
    }
  }
  return kExitOk;
}

struct EvalClusterFlags {
  std::vector<std::string> source;  // "ecbplus DIR" or nothing
  std::string articles;
  std::string gold;
  bool json = false;
  ClusterFlags tuning;
};

nlohmann::json ScoresJson(const eval::ClusterScores& s) {
  return {{"bcubed_precision", s.bcubed_precision}, {"bcubed_recall", s.bcubed_recall},
          {"bcubed_f1", s.bcubed_f1}, {"pairwise_precision", s.pairwise_precision},
          {"pairwise_recall", s.pairwise_recall}, {"pairwise_f1", s.pairwise_f1},
          {"ami", s.ami}, {"ari", s.ari}, {"predicted_clusters", s.predicted_clusters},
          {"gold_clusters", s.gold_clusters}};
}

int RunEvalCluster(const EvalClusterFlags& f) {
  Result<std::vector<eval::EvalDoc>> docs = std::vector<eval::EvalDoc>();
  std::string what;
  if (!f.articles.empty()) {
    if (!f.source.empty()) {
      return ReportError(InvalidArgumentError("give either `ecbplus DIR` or --articles, not both"));
    }
    docs = eval::ReadJsonlArticles(f.articles, f.gold);
    what = f.articles;
  } else {
    std::string dir;
    if (!f.source.empty()) {
      if (f.source[0] != "ecbplus" || f.source.size() > 2) {
        return ReportError(InvalidArgumentError("usage: storyline eval cluster [ecbplus DIR | --articles F.jsonl [--gold F.tsv]]"));
      }
      if (f.source.size() == 2) dir = f.source[1];
    }
    if (dir.empty()) {
      dir = FindSharedData("clustering/ecbplus");
      if (dir.empty()) {
        return ReportError(InvalidArgumentError(
            "give the ECB+ folder (gold.tsv and ECB+/*/*.xml), e.g. eval cluster ecbplus "
            "../shared/data/clustering/ecbplus, or --articles F.jsonl"));
      }
    }
    docs = eval::ReadEcbPlus(dir);
    what = "ECB+ " + dir;
  }
  if (!docs.ok()) return ReportError(docs.status());
  cluster::ClusterOptions options;
  ApplyTuning(f.tuning, &options);
  auto r = eval::EvaluateClustering(*docs, options);
  if (!r.ok()) return ReportError(r.status());
  if (f.json) {
    nlohmann::json j = ScoresJson(r->events);
    j["documents"] = docs->size();
    if (r->within_topic.items > 0) {
      j["within_topic"] = ScoresJson(r->within_topic);
      j["stories_vs_topics"] = ScoresJson(r->stories_vs_topics);
    }
    std::printf("%s\n", Dump(j).c_str());
    return kExitOk;
  }
  std::printf("eval cluster: %s (%zu documents, %.2f s)\n", what.c_str(), docs->size(), r->seconds);
  bool topics = r->within_topic.items > 0;
  std::vector<std::string> header = {"metric", "events"};
  if (topics) {
    header.push_back("within topic");
    header.push_back("stories vs topics");
  }
  TableWriter t(header);
  auto row = [&](const char* name, double a, double b, double c) {
    std::vector<std::string> v = {name, Fixed(a, 4)};
    if (topics) v.push_back(Fixed(b, 4)), v.push_back(Fixed(c, 4));
    t.AddRow(v);
  };
  const auto &e = r->events, &w = r->within_topic, &s = r->stories_vs_topics;
  row("bcubed_precision", e.bcubed_precision, w.bcubed_precision, s.bcubed_precision);
  row("bcubed_recall", e.bcubed_recall, w.bcubed_recall, s.bcubed_recall);
  row("bcubed_f1", e.bcubed_f1, w.bcubed_f1, s.bcubed_f1);
  row("pairwise_precision", e.pairwise_precision, w.pairwise_precision, s.pairwise_precision);
  row("pairwise_recall", e.pairwise_recall, w.pairwise_recall, s.pairwise_recall);
  row("pairwise_f1", e.pairwise_f1, w.pairwise_f1, s.pairwise_f1);
  row("ami", e.ami, w.ami, s.ami);
  row("ari", e.ari, w.ari, s.ari);
  std::vector<std::string> counts = {"predicted/gold clusters",
                                     std::to_string(e.predicted_clusters) + "/" + std::to_string(e.gold_clusters)};
  if (topics) {
    counts.push_back(std::to_string(w.predicted_clusters) + "/" + std::to_string(w.gold_clusters));
    counts.push_back(std::to_string(s.predicted_clusters) + "/" + std::to_string(s.gold_clusters));
  }
  t.AddRow(counts);
  t.PrintTable(stdout);
  return kExitOk;
}

void AddTuning(CLI::App* cmd, ClusterFlags* f) {
  cmd->add_option("--event-threshold", f->event_threshold, "Event merge threshold (default: built in)");
  cmd->add_option("--story-threshold", f->story_threshold, "Story merge threshold (default: built in)");
  cmd->add_option("--dup-threshold", f->dup_threshold, "Near-duplicate Jaccard threshold (default 0.8)");
  cmd->add_option("--event-weights", f->event_weights, "Event score weights: body title entity")->expected(3);
  cmd->add_option("--doc-terms", f->doc_terms, "Terms kept per article vector and subspace");
}

}  // namespace

void RegisterCluster(CLI::App& app, GlobalFlags& global, int& exit_code) {
  auto cf = std::make_shared<ClusterFlags>();
  CLI::App* cmd = app.add_subcommand(
      "cluster",
      "Group the stored articles not clustered yet into near-duplicate groups, events\n"
      "and stories (incremental: earlier results are kept and extended)");
  cmd->add_option("--db", global.db, "Database file")->capture_default_str();
  cmd->add_option("--format", cf->format, "Output format")
      ->check(CLI::IsMember({"table", "jsonl", "csv"}))
      ->capture_default_str();
  AddTuning(cmd, cf.get());
  cmd->callback([&exit_code, &global, cf]() { exit_code = RunCluster(global, *cf); });

  auto sf = std::make_shared<StoriesFlags>();
  CLI::App* st = app.add_subcommand("stories", "List stories, or show one with its events and articles");
  st->add_option("id", sf->id, "Show this story");
  st->add_option("--db", global.db, "Database file")->capture_default_str();
  st->add_option("--format", sf->format, "Output format")
      ->check(CLI::IsMember({"table", "jsonl", "csv"}))
      ->capture_default_str();
  st->add_option("-n,--limit", sf->limit, "At most this many stories (0: all)")->capture_default_str();
  st->callback([&exit_code, &global, sf]() { exit_code = RunStories(global, *sf); });

  auto df = std::make_shared<DuplicatesFlags>();
  CLI::App* du = app.add_subcommand("duplicates", "List near-duplicate groups, or explain one pair");
  du->add_option("--explain", df->explain, "Two article ids: print estimated and exact Jaccard")
      ->expected(2);
  du->add_option("--threshold", df->threshold, "Jaccard threshold for --explain")->capture_default_str();
  du->add_option("--db", global.db, "Database file")->capture_default_str();
  du->add_option("--format", df->format, "Output format")
      ->check(CLI::IsMember({"table", "jsonl", "csv"}))
      ->capture_default_str();
  du->add_option("-n,--limit", df->limit, "At most this many groups (0: all)")->capture_default_str();
  du->callback([&exit_code, &global, df]() { exit_code = RunDuplicates(global, *df); });
}

void RegisterEvalCluster(CLI::App& eval, GlobalFlags&, int& exit_code) {
  auto f = std::make_shared<EvalClusterFlags>();
  CLI::App* cmd = eval.add_subcommand(
      "cluster",
      "Score event clustering against gold clusters: BCubed, pairwise, AMI, ARI.\n"
      "  storyline eval cluster [ecbplus DIR]              ECB+ (default ../shared/data/clustering/ecbplus)\n"
      "  storyline eval cluster --articles F.jsonl [--gold F.tsv]\n"
      "Formats and stream order: doc/formats/clusters.md");
  cmd->add_option("source", f->source, "`ecbplus DIR`");
  cmd->add_option("--articles", f->articles, "JSON Lines articles with a \"cluster\" field (or --gold)");
  cmd->add_option("--gold", f->gold, "TSV of id<TAB>cluster for --articles");
  cmd->add_flag("--json", f->json, "Print one JSON object of metrics");
  AddTuning(cmd, &f->tuning);
  cmd->callback([&exit_code, f]() { exit_code = RunEvalCluster(*f); });
}

}  // namespace storyline::cli
