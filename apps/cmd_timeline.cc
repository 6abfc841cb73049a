// storyline timeline STORY: the dated timeline of a stored story (DATEWISE,
// src/timeline/timeline.h), with the coded events of each date; storyline
// summary STORY: an extractive summary of it. Formats: doc/formats/timeline.md.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "cluster/cluster_store.h"
#include "commands.h"
#include "events/event_store.h"
#include "storyline/store.h"
#include "time/annotate.h"
#include "time/timex.h"
#include "timeline/timeline.h"

namespace storyline::cli {
namespace {

using nlohmann::json;

struct StoryArticles {
  cluster::StoryRow story;
  std::vector<timeline::TimelineArticle> articles;
};

// The story's articles as the timeline sees them: stored time expressions
// when the time stage has run, else tagged here against the article's anchor.
// Copies (duplicate_of set) are left out: they would count twice. With
// `with_events`, each article's EventAnchors come from the coded events.
Result<std::optional<StoryArticles>> LoadStory(Store& store, int64_t id, bool with_events) {
  STORYLINE_ASSIGN_OR_RETURN(std::optional<cluster::StoryDetail> detail,
                             cluster::GetStory(store, id));
  if (!detail.has_value()) return std::optional<StoryArticles>();
  StoryArticles out;
  out.story = detail->story;
  time::TimeTagger tagger;
  for (const cluster::ClusteredArticle& ca : detail->articles) {
    if (ca.duplicate_of != 0 && ca.duplicate_of != ca.id) continue;
    STORYLINE_ASSIGN_OR_RETURN(std::optional<StoredArticle> got, store.Get(std::to_string(ca.id)));
    if (!got.has_value()) continue;
    Article& a = got->article;
    timeline::TimelineArticle t;
    t.id = got->id;
    t.title = a.title;
    t.outlet = a.outlet;
    if (time::ParseCivil(a.published.value).complete() && a.published.value.size() >= 10) {
      t.published = a.published.value.substr(0, 10);
    }
    STORYLINE_ASSIGN_OR_RETURN(std::vector<time::StoredTimeExpression> stored,
                               time::LoadTimeExpressions(store, got->id));
    for (auto& s : stored) t.times.push_back(std::move(s.expression));
    if (t.times.empty()) tagger.Tag(a, time::ChooseAnchor(a), &t.times);
    t.body = std::move(a.body);
    t.sentences = std::move(a.sentences);
    out.articles.push_back(std::move(t));
  }
  // The story's coded events that tell what happened on a day
  // (events::TellsWhatHappened) anchor their days (timeline::EventAnchor). A
  // store without coded events gives none: plain DATEWISE.
  if (!with_events) return std::optional<StoryArticles>(std::move(out));
  events::EventQuery q;
  q.story = id;
  q.limit = 0;
  q.with_mentions = true;
  STORYLINE_ASSIGN_OR_RETURN(std::vector<events::Event> found, events::ListEvents(store, q));
  std::map<int64_t, timeline::TimelineArticle*> by_id;
  for (auto& t : out.articles) by_id[t.id] = &t;
  for (const events::Event& ev : found) {
    for (const events::Mention& m : ev.mentions) {
      if (!events::TellsWhatHappened(m)) continue;
      auto it = by_id.find(m.article_id);
      if (it != by_id.end()) {
        it->second->events.push_back({m.sentence, m.date, m.date_source == events::kDateText});
      }
    }
  }
  return std::optional<StoryArticles>(std::move(out));
}

Result<std::unique_ptr<Store>> OpenExisting(const std::string& db) {
  std::error_code ec;
  if (!std::filesystem::exists(db, ec)) {
    return NotFoundError("no database at '" + db + "' (run storyline ingest first)");
  }
  // Read-write: LoadTimeExpressions brings the time component's tables up
  // to date, which a read-only handle cannot do.
  return Store::Open(db);
}

// "(article 3, naharnet)".
std::string Cite(const std::map<int64_t, const timeline::TimelineArticle*>& by_id,
                 const timeline::Citation& c) {
  auto it = by_id.find(c.article_id);
  std::string outlet =
      it != by_id.end() && !it->second->outlet.empty() ? it->second->outlet : "unknown outlet";
  return "(article " + std::to_string(c.article_id) + ", " + outlet + ")";
}

// STORY as given: a story id, or "largest" (the story with the most
// articles; the lowest id on a tie).
Result<int64_t> ResolveStory(Store& store, const std::string& arg) {
  if (arg == "largest") {
    STORYLINE_ASSIGN_OR_RETURN(std::vector<cluster::StoryRow> rows, cluster::ListStories(store));
    int64_t best = 0, best_articles = -1;
    for (const auto& r : rows) {
      if (r.articles > best_articles || (r.articles == best_articles && r.id < best)) {
        best = r.id;
        best_articles = r.articles;
      }
    }
    if (best == 0) return NotFoundError("no stories yet (run storyline ingest or cluster)");
    return best;
  }
  int64_t id = 0;
  for (char c : arg) {
    if (c < '0' || c > '9' || id > (int64_t{1} << 50)) {
      return InvalidArgumentError("STORY must be a story id or 'largest', not '" + arg + "'");
    }
    id = id * 10 + (c - '0');
  }
  if (arg.empty()) return InvalidArgumentError("STORY is empty");
  return id;
}

// Opens the database (kept in *db) and loads STORY (an id or "largest"); on
// failure prints the error and sets *exit_code.
std::optional<StoryArticles> OpenStory(const GlobalFlags& global, const std::string& arg,
                                       bool with_events, std::unique_ptr<Store>* db,
                                       int* exit_code) {
  auto store = OpenExisting(global.db);
  if (!store.ok()) {
    *exit_code = ReportError(store.status());
    return std::nullopt;
  }
  *db = std::move(*store);
  Store& st = **db;
  auto id = ResolveStory(st, arg);
  if (!id.ok()) {
    *exit_code = ReportError(id.status());
    return std::nullopt;
  }
  auto loaded = LoadStory(st, *id, with_events);
  if (!loaded.ok()) {
    *exit_code = ReportError(loaded.status());
    return std::nullopt;
  }
  if (!loaded->has_value()) {
    *exit_code = ReportError(
        NotFoundError("no story " + std::to_string(*id) + " (storyline stories lists them)"));
    return std::nullopt;
  }
  return std::move(**loaded);
}

struct TimelineFlags {
  std::string story_arg;
  std::string format = "text";
  size_t dates = 0;
  size_t sentences = 1;
  std::string since, until;
  bool background = true;
  bool events = true;
};

int RunTimeline(const GlobalFlags& global, const TimelineFlags& f) {
  int exit_code = kExitOk;
  std::unique_ptr<Store> store;
  std::optional<StoryArticles> story =
      OpenStory(global, f.story_arg, /*with_events=*/true, &store, &exit_code);
  if (!story) return exit_code;
  const StoryArticles& sa = *story;
  timeline::TimelineOptions options;
  options.max_dates = f.dates;
  options.sentences_per_date = f.sentences;
  options.start = f.since;
  options.end = f.until;
  options.include_background = f.background;
  const timeline::Timeline tl = timeline::BuildTimeline(sa.articles, options);
  const std::vector<timeline::Series> figures = timeline::BuildSeries(sa.articles);

  std::map<int64_t, const timeline::TimelineArticle*> by_id;
  for (const auto& a : sa.articles) by_id[a.id] = &a;
  // Events of each news date (optional: a store without coded events has none).
  std::map<std::string, std::vector<events::Event>> events_by_date;
  if (f.events) {
    for (const timeline::Entry& e : tl.entries) {
      if (e.background || e.date.size() != 10) continue;
      events::EventQuery q;
      q.story = sa.story.id;
      q.since = e.date;
      q.until = e.date;
      q.limit = 0;
      q.with_mentions = false;
      auto found = events::ListEvents(*store, q);
      if (!found.ok()) continue;
      // Only events with a PLOVER type (not bare statements or appeals),
      // best corroborated first, at most three.
      std::vector<events::Event> kept;
      for (events::Event& ev : *found) {
        if (!ev.plover_type.empty()) kept.push_back(std::move(ev));
      }
      // Events whose own sentence states the day first, then the best
      // corroborated.
      std::stable_sort(kept.begin(), kept.end(), [](const auto& a, const auto& b) {
        const bool ta = a.date_source == events::kDateText;
        const bool tb = b.date_source == events::kDateText;
        if (ta != tb) return ta;
        return a.corroboration > b.corroboration;
      });
      if (kept.size() > 3) kept.resize(3);
      *found = std::move(kept);
      if (found.ok()) events_by_date[e.date] = std::move(*found);
    }
  }

  if (f.format == "json") {
    json entries = json::array();
    for (const timeline::Entry& e : tl.entries) {
      json sentences = json::array();
      for (const timeline::Citation& c : e.sentences) {
        auto it = by_id.find(c.article_id);
        sentences.push_back({{"article", c.article_id},
                             {"sentence", c.sentence},
                             {"outlet", it != by_id.end() ? it->second->outlet : ""},
                             {"text", c.text}});
      }
      json evs = json::array();
      for (const events::Event& ev : events_by_date[e.date]) {
        evs.push_back({{"id", ev.id},
                       {"source", ev.source},
                       {"target", ev.target},
                       {"cameo", ev.cameo},
                       {"plover", ev.plover_type}});
      }
      entries.push_back({{"date", e.date},
                         {"background", e.background},
                         {"score", e.score},
                         {"references", e.references},
                         {"corroboration", e.corroboration},
                         {"anchored_events", e.events},
                         {"sentences", sentences},
                         {"events", evs}});
    }
    json series = json::array();
    for (const timeline::Series& se : figures) {
      json points = json::array();
      for (const timeline::SeriesPoint& p : se.points) {
        auto it = by_id.find(p.source.article_id);
        points.push_back({{"date", p.date},
                          {"number", p.number},
                          {"qualifier", p.qualifier},
                          {"text", p.text},
                          {"article", p.source.article_id},
                          {"sentence", p.source.sentence},
                          {"outlet", it != by_id.end() ? it->second->outlet : ""}});
      }
      series.push_back({{"counted", se.counted}, {"points", points}});
    }
    json j = {{"story", sa.story.id},
              {"label", sa.story.label},
              {"articles", sa.articles.size()},
              {"entries", entries},
              {"series", series}};
    std::printf("%s\n", j.dump(2, ' ', false, json::error_handler_t::replace).c_str());
    return kExitOk;
  }
  const bool md = f.format == "markdown";
  if (md) {
    std::printf("# Story %lld: %s\n\n", static_cast<long long>(sa.story.id),
                sa.story.label.c_str());
  } else {
    std::printf("story %lld: %s (%zu articles)\n\n", static_cast<long long>(sa.story.id),
                sa.story.label.c_str(), sa.articles.size());
  }
  if (tl.entries.empty()) std::printf("no dated entries\n");
  for (const timeline::Entry& e : tl.entries) {
    std::string head = e.date + (e.background ? " [background]" : "");
    std::string support = std::to_string(e.references) + " reference" +
                          (e.references == 1 ? "" : "s") + ", " + std::to_string(e.corroboration) +
                          " article" + (e.corroboration == 1 ? "" : "s");
    if (e.events > 0) {
      support += ", " + std::to_string(e.events) + " sentence" + (e.events == 1 ? "" : "s") +
                 " dating a coded event";
    }
    if (md)
      std::printf("## %s\n\n*%s*\n\n", head.c_str(), support.c_str());
    else
      std::printf("%s  (%s)\n", head.c_str(), support.c_str());
    for (const timeline::Citation& c : e.sentences) {
      if (md)
        std::printf("- %s %s\n", c.text.c_str(), Cite(by_id, c).c_str());
      else
        std::printf("  %s %s\n", c.text.c_str(), Cite(by_id, c).c_str());
    }
    for (const events::Event& ev : events_by_date[e.date]) {
      std::string line = ev.source + (ev.target.empty() ? "" : " -> " + ev.target) + ": " +
                         ev.cameo + (ev.cameo_name.empty() ? "" : " " + ev.cameo_name) +
                         (ev.plover_type.empty() ? "" : " [" + ev.plover_type + "]");
      if (md)
        std::printf("- event %lld: %s\n", static_cast<long long>(ev.id), line.c_str());
      else
        std::printf("    event %lld: %s\n", static_cast<long long>(ev.id), line.c_str());
    }
    std::printf("\n");
  }
  // Tracked figures as series: the death toll as each article gave it.
  for (const timeline::Series& se : figures) {
    if (md) {
      std::printf("## Figures: %s\n\n| reported | figure | source |\n|---|---|---|\n",
                  se.counted.c_str());
    } else {
      std::printf("figures: %s\n", se.counted.c_str());
    }
    for (const timeline::SeriesPoint& p : se.points) {
      if (md) {
        std::printf("| %s | %s | %s |\n", p.date.c_str(), p.text.c_str(),
                    Cite(by_id, p.source).c_str());
      } else {
        std::printf("  %s  %-20s %s\n", p.date.c_str(), p.text.c_str(),
                    Cite(by_id, p.source).c_str());
      }
    }
    std::printf("\n");
  }
  return kExitOk;
}

struct SummaryFlags {
  std::string story_arg;
  size_t sentences = 5;
  size_t words = 0;
  std::string format = "text";
};

int RunSummary(const GlobalFlags& global, const SummaryFlags& f) {
  int exit_code = kExitOk;
  std::unique_ptr<Store> store;
  // The summary does not use coded events: they are not loaded.
  std::optional<StoryArticles> story =
      OpenStory(global, f.story_arg, /*with_events=*/false, &store, &exit_code);
  if (!story) return exit_code;
  const StoryArticles& sa = *story;
  timeline::SummaryOptions options;
  options.max_sentences = f.sentences;
  options.max_words = f.words;
  const std::vector<timeline::Citation> summary = timeline::Summarize(sa.articles, options);
  std::map<int64_t, const timeline::TimelineArticle*> by_id;
  for (const auto& a : sa.articles) by_id[a.id] = &a;
  if (f.format == "json") {
    json sentences = json::array();
    for (const timeline::Citation& c : summary) {
      auto it = by_id.find(c.article_id);
      sentences.push_back({{"article", c.article_id},
                           {"sentence", c.sentence},
                           {"outlet", it != by_id.end() ? it->second->outlet : ""},
                           {"published", it != by_id.end() ? it->second->published : ""},
                           {"text", c.text}});
    }
    json j = {{"story", sa.story.id}, {"label", sa.story.label}, {"sentences", sentences}};
    std::printf("%s\n", j.dump(2, ' ', false, json::error_handler_t::replace).c_str());
    return kExitOk;
  }
  std::printf("story %lld: %s (%zu articles)\n\n", static_cast<long long>(sa.story.id),
              sa.story.label.c_str(), sa.articles.size());
  for (const timeline::Citation& c : summary) {
    std::printf("%s %s\n", c.text.c_str(), Cite(by_id, c).c_str());
  }
  return kExitOk;
}

}  // namespace

void RegisterTimeline(CLI::App& app, GlobalFlags& global, int& exit_code) {
  auto tf = std::make_shared<TimelineFlags>();
  CLI::App* tl = app.add_subcommand(
      "timeline", "The dated timeline of a stored story: key dates with cited sentences");
  tl->add_option("STORY", tf->story_arg, "Story id (storyline stories lists them), or 'largest'")
      ->required();
  tl->add_option("--db", global.db, "Database file")->capture_default_str();
  tl->add_option("--format", tf->format, "Output format")
      ->check(CLI::IsMember({"text", "json", "markdown"}))
      ->capture_default_str();
  tl->add_option("--dates", tf->dates,
                 "Number of dated entries (0: about three per two articles, 6 to 40)")
      ->capture_default_str();
  tl->add_option("--sentences", tf->sentences, "Sentences per date")
      ->check(CLI::Range(1, 20))
      ->capture_default_str();
  tl->add_option("--since", tf->since, "Only dates from this day on (YYYY-MM-DD)");
  tl->add_option("--until", tf->until, "Only dates up to this day (YYYY-MM-DD)");
  tl->add_flag("!--no-background", tf->background, "Leave out background entries");
  tl->add_flag("!--no-events", tf->events, "Do not list the coded events of each date");
  tl->callback([&global, &exit_code, tf] { exit_code = RunTimeline(global, *tf); });

  auto sf = std::make_shared<SummaryFlags>();
  CLI::App* sm = app.add_subcommand(
      "summary", "An extractive summary of a stored story, in publication order");
  sm->add_option("STORY", sf->story_arg, "Story id (storyline stories lists them), or 'largest'")
      ->required();
  sm->add_option("--db", global.db, "Database file")->capture_default_str();
  sm->add_option("--sentences", sf->sentences, "Sentences in the summary")
      ->check(CLI::Range(1, 100))
      ->capture_default_str();
  sm->add_option("--words", sf->words, "At most this many words (0: no limit)")
      ->capture_default_str();
  sm->add_option("--format", sf->format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  sm->callback([&global, &exit_code, sf] { exit_code = RunSummary(global, *sf); });
}

}  // namespace storyline::cli
