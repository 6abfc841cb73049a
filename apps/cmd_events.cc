// storyline code-events: codes the stored articles not coded yet into events
// (src/events/event_store.h); storyline events [ID]: lists events with
// filters, or shows one with every mention, in storyline's own formats or
// the Phoenix, GDELT and PLOVER layouts (doc/formats/events.md).
#include <cctype>
#include <cstdio>
#include <filesystem>

#include "coder/coder.h"
#include "commands.h"
#include "events/event_store.h"
#include "events/export.h"
#include "output.h"
#include "storyline/store.h"

namespace storyline::cli {
namespace {

namespace fs = std::filesystem;

struct CodeEventsFlags {
  std::string dictionaries;
  bool recode = false;
  int64_t limit = 0;
  int64_t batch = 64;
  bool quiet = false;
};

Result<std::shared_ptr<const coder::DictionarySet>> LoadEventDictionaries(const std::string& dir) {
  if (dir.empty()) return coder::LoadDefault();
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return InvalidArgumentError("--dictionaries: '" + dir + "' is not a folder");
  }
  if (fs::exists(fs::path(dir) / "storyline.dict", ec)) return coder::LoadNative(dir);
  return coder::LoadDirectory(dir);
}

int RunCodeEvents(const GlobalFlags& global, const CodeEventsFlags& f) {
  auto dicts = LoadEventDictionaries(f.dictionaries);
  if (!dicts.ok()) return ReportError(dicts.status());
  coder::CoderOptions coder_options = events::ArticleCoderOptions();
  coder::ApplyTabariProject(**dicts, &coder_options);  // a TABARI project's own settings
  auto coder = coder::Coder::Create(*dicts, coder_options);
  if (!coder.ok()) return ReportError(coder.status());
  auto store = Store::Open(global.db);
  if (!store.ok()) return ReportError(store.status());
  if (f.recode) {
    Status st = events::ClearEvents(**store);
    if (!st.ok()) return ReportError(st);
  }
  events::CodeRunOptions options;
  options.limit = f.limit;
  options.batch_size = f.batch;
  auto r = events::CodePending(**store, **coder, options);
  if (!r.ok()) return ReportError(r.status());
  auto totals = events::CountEvents(**store);
  if (!totals.ok()) return ReportError(totals.status());
  if (f.quiet) return kExitOk;
  std::printf("code-events: %s articles (%s sentences) in %.2f s, dictionaries: %s\n",
              Grouped(r->articles).c_str(), Grouped(r->sentences).c_str(), r->seconds,
              f.dictionaries.empty() ? "built-in" : f.dictionaries.c_str());
  std::printf("  events     %s events (%s mentions) from %s articles\n",
              Grouped(r->new_events).c_str(), Grouped(r->mentions).c_str(),
              Grouped(r->articles).c_str());
  std::printf("  merged     %s mentions joined an existing event\n", Grouped(r->merged).c_str());
  std::printf(
      "  coded      %s events from the coder; dropped %s negated, %s repeated in a sentence\n",
      Grouped(r->coded).c_str(), Grouped(r->negated).c_str(), Grouped(r->duplicates).c_str());
  if (r->discarded > 0) {
    std::printf("  discarded  %s sentences (discard phrases)\n", Grouped(r->discarded).c_str());
  }
  std::printf("  total      %s events, %s mentions, %s articles coded in %s\n",
              Grouped(totals->events).c_str(), Grouped(totals->mentions).c_str(),
              Grouped(totals->articles_coded).c_str(), global.db.c_str());
  if (r->unclustered > 0) {
    std::fprintf(stderr,
                 "storyline: %lld articles were not clustered yet; each is its own story for its "
                 "events (run `storyline cluster` before `storyline code-events`)\n",
                 static_cast<long long>(r->unclustered));
  }
  return kExitOk;
}

struct EventsFlags {
  std::string id;
  events::EventQuery query;
  std::string format = "table";
  bool header = false;
};

bool IsDatePrefix(std::string_view s) {
  // YYYY, YYYY-MM or YYYY-MM-DD, with a real month and day.
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    bool dash = i == 4 || i == 7;
    if (dash ? s[i] != '-' : !std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  if (s.size() >= 7) {
    int month = (s[5] - '0') * 10 + (s[6] - '0');
    if (month < 1 || month > 12) return false;
  }
  if (s.size() == 10) {
    int day = (s[8] - '0') * 10 + (s[9] - '0');
    if (day < 1 || day > 31) return false;
  }
  return true;
}

Status CheckFlags(const EventsFlags& f) {
  const auto& q = f.query;
  if (!q.since.empty() && !IsDatePrefix(q.since)) {
    return InvalidArgumentError("--since wants YYYY, YYYY-MM or YYYY-MM-DD, got '" + q.since + "'");
  }
  if (!q.until.empty() && !IsDatePrefix(q.until)) {
    return InvalidArgumentError("--until wants YYYY, YYYY-MM or YYYY-MM-DD, got '" + q.until + "'");
  }
  if (!q.root.empty() &&
      (q.root.size() != 2 || !std::isdigit(static_cast<unsigned char>(q.root[0])) ||
       !std::isdigit(static_cast<unsigned char>(q.root[1])))) {
    return InvalidArgumentError("--root wants a two-digit CAMEO root (01..20), got '" + q.root +
                                "'");
  }
  for (char c : q.code) {
    if (!std::isdigit(static_cast<unsigned char>(c))) {
      return InvalidArgumentError("--code wants a CAMEO code prefix of digits, got '" + q.code +
                                  "'");
    }
  }
  if (!q.country.empty() && q.country.size() != 3) {
    return InvalidArgumentError("--country wants an ISO 3166 alpha-3 code, got '" + q.country +
                                "'");
  }
  return Status::Ok();
}

std::string PloverLabel(const events::Event& e) {
  if (e.plover_type.empty()) return "-";
  return e.plover_mode.empty() ? e.plover_type : e.plover_type + "/" + e.plover_mode;
}

std::string Fixed1(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string SpanText(Span s) {
  return "[" + std::to_string(s.begin) + "," + std::to_string(s.end) + ")";
}

void PrintEventDetail(const events::Event& e) {
  std::printf("event %lld  %s (%s)  %s -> %s  %s %s\n", static_cast<long long>(e.id),
              e.date.empty() ? "undated" : e.date.c_str(),
              e.date_source.empty() ? "-" : e.date_source.c_str(), e.source.c_str(),
              e.target.empty() ? "-" : e.target.c_str(), e.cameo.c_str(), e.cameo_name.c_str());
  std::printf("  PLOVER %s", e.plover_type.empty() ? "(none)" : e.plover_type.c_str());
  if (!e.plover_mode.empty()) std::printf(" mode %s", e.plover_mode.c_str());
  if (!e.plover_context.empty()) std::printf(" context %s", e.plover_context.c_str());
  std::printf("  modality %s  quad class %d  Goldstein %s\n",
              std::string(plover::ModalityName(e.modality)).c_str(), e.quad_class,
              Fixed1(e.goldstein).c_str());
  std::printf(
      "  place %s  story %s  corroboration %lld article%s, %lld mention%s\n",
      e.place.empty() ? "-" : (e.place + " (" + e.place_country + ")").c_str(),
      e.story_id > 0 ? std::to_string(e.story_id).c_str() : ("none (" + e.story_key + ")").c_str(),
      static_cast<long long>(e.corroboration), e.corroboration == 1 ? "" : "s",
      static_cast<long long>(e.mention_count), e.mention_count == 1 ? "" : "s");
  for (size_t i = 0; i < e.mentions.size(); ++i) {
    const events::Mention& m = e.mentions[i];
    std::printf("\n  [%zu] article %lld \"%s\"", i + 1, static_cast<long long>(m.article_id),
                m.article_title.c_str());
    if (!m.article_outlet.empty() || !m.article_published.empty()) {
      std::printf(" (%s%s%s)", m.article_outlet.c_str(),
                  !m.article_outlet.empty() && !m.article_published.empty() ? ", " : "",
                  m.article_published.c_str());
    }
    if (m.sentence == events::kTitleSentence) {
      std::printf("\n      title %s\n", SpanText(m.sentence_span).c_str());
    } else {
      std::printf("\n      sentence %lld %s\n", static_cast<long long>(m.sentence),
                  SpanText(m.sentence_span).c_str());
    }
    std::printf("      %s\n", m.sentence_text.c_str());
    std::printf("      verb \"%s\" %s  source \"%s\" %s %s  target \"%s\" %s %s  code %s",
                std::string(events::VerbText(m)).c_str(), SpanText(m.verb).c_str(),
                m.source_text.c_str(), m.source.c_str(), SpanText(m.source_span).c_str(),
                m.target_text.c_str(), m.target.c_str(), SpanText(m.target_span).c_str(),
                m.code.c_str());
    if (m.cameo != m.code) std::printf(" -> %s", m.cameo.c_str());
    std::printf("\n      date %s (%s)", m.date.empty() ? "-" : m.date.c_str(),
                m.date_source.empty() ? "-" : m.date_source.c_str());
    if (!m.date_text.empty()) std::printf(" from \"%s\"", m.date_text.c_str());
    if (!m.place.empty()) std::printf("  place %s (%s)", m.place.c_str(), m.place_country.c_str());
    std::printf("\n      why: %s\n", m.explanation.c_str());
  }
}

void PrintEvents(const std::vector<events::Event>& list, const EventsFlags& f) {
  if (f.format == "jsonl") {
    for (const auto& e : list) std::printf("%s\n", events::EventJson(e).c_str());
  } else if (f.format == "csv") {
    TableWriter::PrintCsvRow(stdout, events::CsvHeader());
    for (const auto& e : list) TableWriter::PrintCsvRow(stdout, events::CsvFields(e));
  } else if (f.format == "phoenix" || f.format == "gdelt") {
    bool phoenix = f.format == "phoenix";
    if (f.header) {
      const auto& columns = phoenix ? events::PhoenixColumns() : events::GdeltColumns();
      std::string line;
      for (size_t i = 0; i < columns.size(); ++i) line += (i ? "\t" : "") + columns[i];
      std::printf("%s\n", line.c_str());
    }
    for (const auto& e : list) {
      std::printf("%s\n", (phoenix ? events::PhoenixRow(e) : events::GdeltRow(e)).c_str());
    }
  } else if (f.format == "plover") {
    int64_t skipped = 0;
    for (const auto& e : list) {
      auto j = events::PloverJson(e);
      if (j)
        std::printf("%s\n", j->c_str());
      else
        ++skipped;
    }
    if (skipped > 0) {
      std::fprintf(stderr, "storyline: %lld events without a PLOVER type (CAMEO 01, 02) left out\n",
                   static_cast<long long>(skipped));
    }
  } else {
    TableWriter t(
        {"id", "date", "source", "target", "cameo", "plover", "modality", "place", "arts", "text"},
        {0, 0, 0, 0, 0, 0, 0, 0, 0, 60});
    for (const auto& e : list) {
      std::string text = e.mentions.empty() ? "" : e.mentions.front().sentence_text;
      t.AddRow({std::to_string(e.id),
                e.date.empty() ? "-" : e.date + (e.date_source == "article" ? "*" : ""), e.source,
                e.target.empty() ? "-" : e.target, e.cameo, PloverLabel(e),
                std::string(plover::ModalityName(e.modality)), e.place.empty() ? "-" : e.place,
                std::to_string(e.corroboration), text});
    }
    if (list.empty()) {
      std::printf("no events\n");
    } else {
      t.PrintTable(stdout);
      std::printf(
          "(date*: the article's date, no date stated; arts: articles reporting it; "
          "`storyline events ID` shows one)\n");
    }
  }
}

int RunEvents(const GlobalFlags& global, const EventsFlags& f) {
  Status st = CheckFlags(f);
  if (!st.ok()) return ReportError(st);
  std::error_code ec;
  if (!fs::exists(global.db, ec)) {
    return ReportError(
        NotFoundError("no database at " + global.db + " (run `storyline ingest` first)"));
  }
  auto store = Store::Open(global.db);
  if (!store.ok()) return ReportError(store.status());
  if (!f.id.empty()) {
    char* end = nullptr;
    long long id = std::strtoll(f.id.c_str(), &end, 10);
    if (end == f.id.c_str() || *end != '\0' || id <= 0) {
      return ReportError(
          InvalidArgumentError("event id must be a positive number, got '" + f.id + "'"));
    }
    auto e = events::GetEvent(**store, id);
    if (!e.ok()) return ReportError(e.status());
    if (!e->has_value()) return ReportError(NotFoundError("no event " + f.id));
    if (f.format == "table")
      PrintEventDetail(**e);
    else
      PrintEvents({**e}, f);
    return kExitOk;
  }
  auto list = events::ListEvents(**store, f.query);
  if (!list.ok()) return ReportError(list.status());
  PrintEvents(*list, f);
  return kExitOk;
}

}  // namespace

void RegisterEvents(CLI::App& app, GlobalFlags& global, int& exit_code) {
  auto cf = std::make_shared<CodeEventsFlags>();
  CLI::App* code = app.add_subcommand(
      "code-events",
      "Code the stored articles not coded yet into events (who did what to whom, CAMEO and\n"
      "PLOVER), merging mentions of the same event across articles of a story.");
  code->add_option("--db", global.db, "Database file")->capture_default_str();
  code->add_option(
      "--dictionaries", cf->dictionaries,
      "Dictionary folder: storyline's own (with a storyline.dict file), or PETRARCH /\n"
      "Phoenix / TABARI files (default: the built-in dictionaries)");
  code->add_flag("--recode", cf->recode,
                 "Delete every stored event and code all articles again (new ids)");
  code->add_option("--limit", cf->limit, "Code at most this many articles (0: all pending)")
      ->check(CLI::NonNegativeNumber);
  code->add_option("--batch", cf->batch, "Articles per transaction")
      ->check(CLI::Range(1, 1000000))
      ->capture_default_str();
  code->add_flag("-q,--quiet", cf->quiet, "No summary");
  code->callback([&global, &exit_code, cf]() { exit_code = RunCodeEvents(global, *cf); });

  auto ef = std::make_shared<EventsFlags>();
  CLI::App* ev = app.add_subcommand(
      "events",
      "List coded events (filters combine with AND), or show one event with every mention");
  ev->add_option("id", ef->id, "Show this event with its mentions");
  ev->add_option("--db", global.db, "Database file")->capture_default_str();
  ev->add_option(
      "--actor", ef->query.actor,
      "Source or target: a code prefix in capitals (USA, USAGOV) or a name prefix (Kerry)");
  ev->add_option("--country", ef->query.country, "ISO3 country of an actor or of the place");
  ev->add_option("--code", ef->query.code, "CAMEO code prefix (04, 044)");
  ev->add_option("--root", ef->query.root, "CAMEO root (two digits)");
  ev->add_option("--plover", ef->query.plover, "PLOVER event type (CONSULT, ASSAULT, ...)");
  ev->add_option("--since", ef->query.since, "Events on or after this date (YYYY[-MM[-DD]])");
  ev->add_option("--until", ef->query.until, "Events on or before this date (YYYY[-MM[-DD]])");
  ev->add_option("--story", ef->query.story, "Events of this story")->check(CLI::PositiveNumber);
  ev->add_option("--modality", ef->query.modality, "happened, planned or hypothetical")
      ->check(CLI::IsMember({"happened", "planned", "hypothetical"}));
  ev->add_option("--min-corroboration", ef->query.min_corroboration,
                 "Events reported by at least this many articles")
      ->check(CLI::NonNegativeNumber);
  ev->add_option("-n,--limit", ef->query.limit, "At most this many events (0: all)")
      ->check(CLI::NonNegativeNumber);
  ev->add_option("--format", ef->format, "Output format (doc/formats/events.md)")
      ->check(CLI::IsMember({"table", "jsonl", "csv", "phoenix", "gdelt", "plover"}))
      ->capture_default_str();
  ev->add_flag("--header", ef->header, "phoenix, gdelt: print a first line of column names");
  ev->callback([&global, &exit_code, ef]() { exit_code = RunEvents(global, *ef); });
}

}  // namespace storyline::cli
