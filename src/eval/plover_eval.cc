// PLOVER gold-record scoring. The reader is strict about structure (a record
// that cannot be scored is an error naming its position) and tolerant about
// optional fields (mode, context, textInfo, comments are ignored). See
// plover_eval.h for the rules and doc/formats/plover.md for their reasons.
#include "eval/plover_eval.h"

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>
#include <set>

namespace storyline::eval {
namespace {

using nlohmann::json;

Status RecordError(std::string_view name, size_t position, std::string_view id,
                   std::string_view why) {
  std::string where = std::string(name) + ": record " + std::to_string(position);
  if (!id.empty()) where += " (" + std::string(id) + ")";
  return InvalidDataError(where + ": " + std::string(why));
}

// "source" / "target": a list of {"actorText", "code"} objects, "" or null
// (none), or absent.
Status ReadActors(const json& record, const char* field, std::string_view name, size_t position,
                  std::string_view id, std::vector<std::string>* out) {
  auto it = record.find(field);
  if (it == record.end() || it->is_null()) return Status::Ok();
  if (it->is_string()) {
    if (it->get_ref<const std::string&>().empty()) return Status::Ok();
    return RecordError(name, position, id,
                       std::string("'") + field + "' is a non-empty string, not a list");
  }
  if (!it->is_array())
    return RecordError(name, position, id, std::string("'") + field + "' is not a list");
  for (const json& actor : *it) {
    if (!actor.is_object()) {
      return RecordError(name, position, id,
                         std::string("an entry of '") + field + "' is not an object");
    }
    auto code = actor.find("code");
    if (code == actor.end() || code->is_null()) continue;  // an uncoded actor
    if (!code->is_string()) {
      return RecordError(name, position, id, std::string("a '") + field + "' code is not a string");
    }
    std::string c = GoldActorCode(code->get_ref<const std::string&>());
    if (!c.empty() && std::find(out->begin(), out->end(), c) == out->end())
      out->push_back(std::move(c));
  }
  return Status::Ok();
}

// "2000-01-01" -> 20000101; false when malformed.
bool ParseDate(std::string_view s, coding::Date* out) {
  std::string digits;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      digits += c;
    } else if (c != '-') {
      return false;
    }
  }
  if (digits.size() != 8) return false;
  *out = std::stoi(digits);
  return true;
}

double Ratio(size_t a, size_t b) { return b == 0 ? 0.0 : static_cast<double>(a) / b; }
double F1(double p, double r) { return p + r == 0 ? 0.0 : 2 * p * r / (p + r); }

}  // namespace

std::string CurrentPloverType(std::string_view gold_event) {
  // PLOVER manual (draft 2.0) Table 7.1: the 0.5 categories named after
  // CAMEO's cue categories 09, 10, 11 and 19 were merged or renamed.
  if (gold_event == "DEMAND") return "REQUEST";
  if (gold_event == "DISAPPROVE" || gold_event == "INVESTIGATE") return "ACCUSE";
  if (gold_event == "FIGHT") return "ASSAULT";
  return std::string(gold_event);
}

std::string GoldActorCode(std::string_view code) {
  if (code == "JAP") return "JPN";
  return std::string(code);
}

std::string ActorCountry(std::string_view actor_code) {
  if (actor_code.size() < 3 || actor_code.starts_with("---") || actor_code.starts_with("~"))
    return "";
  return std::string(actor_code.substr(0, 3));
}

Result<std::vector<PloverGoldRecord>> ParsePloverGold(std::string_view json_text,
                                                      std::string_view name) {
  json doc;
  try {
    doc = json::parse(json_text.begin(), json_text.end());
  } catch (const json::parse_error& e) {
    return InvalidDataError(std::string(name) + ": not valid JSON (byte " + std::to_string(e.byte) +
                            "): " + e.what());
  } catch (const json::exception& e) {
    return InvalidDataError(std::string(name) + ": not valid JSON: " + e.what());
  }
  if (!doc.is_array())
    return InvalidDataError(std::string(name) + ": expected a JSON array of records");
  std::vector<PloverGoldRecord> out;
  for (size_t i = 0; i < doc.size(); ++i) {
    const json& r = doc[i];
    if (!r.is_object()) return RecordError(name, i, "", "not a JSON object");
    std::string id;
    if (auto it = r.find("id"); it != r.end() && it->is_string()) id = it->get<std::string>();
    auto event = r.find("event");
    if (event == r.end() || !event->is_string() || event->get_ref<const std::string&>().empty()) {
      return RecordError(name, i, id, "missing or non-string 'event'");
    }
    if (*event == "DOCUMENT") continue;
    auto text = r.find("text");
    if (text == r.end() || !text->is_string())
      return RecordError(name, i, id, "missing or non-string 'text'");
    PloverGoldRecord rec;
    rec.position = i;
    rec.id = id;
    rec.gold_event = event->get<std::string>();
    rec.type = CurrentPloverType(rec.gold_event);
    rec.text = text->get<std::string>();
    if (auto d = r.find("date"); d != r.end() && !d->is_null()) {
      if (!d->is_string() || !ParseDate(d->get_ref<const std::string&>(), &rec.date)) {
        return RecordError(name, i, id, "'date' is not YYYY-MM-DD");
      }
    }
    STORYLINE_RETURN_IF_ERROR(ReadActors(r, "source", name, i, id, &rec.sources));
    STORYLINE_RETURN_IF_ERROR(ReadActors(r, "target", name, i, id, &rec.targets));
    out.push_back(std::move(rec));
  }
  return out;
}

double PloverTypeCounts::precision() const { return Ratio(correct, predicted); }
double PloverTypeCounts::recall() const { return Ratio(correct, gold); }
double PloverTypeCounts::f1() const { return F1(precision(), recall()); }

double PloverEvalReport::accuracy() const { return Ratio(correct, records); }
double PloverEvalReport::any_accuracy() const { return Ratio(any_correct, records); }
double PloverEvalReport::precision() const { return Ratio(correct, predicted); }
double PloverEvalReport::recall() const { return Ratio(correct, records); }
double PloverEvalReport::f1() const { return F1(precision(), recall()); }
double PloverEvalReport::macro_f1() const {
  if (per_type.empty()) return 0;
  double sum = 0;
  for (const auto& [type, c] : per_type) sum += c.f1();
  return sum / per_type.size();
}
double PloverEvalReport::source_agreement() const { return Ratio(source_agree, with_source); }
double PloverEvalReport::target_agreement() const { return Ratio(target_agree, with_target); }
double PloverEvalReport::no_target_agreement() const {
  return Ratio(no_target_agree, without_target);
}

PloverRecordResult ScorePloverRecord(const PloverGoldRecord& record, const coder::Coder& coder) {
  PloverRecordResult r;
  r.position = record.position;
  r.id = record.id;
  r.gold_type = record.type;
  r.gold_sources = record.sources;
  r.gold_targets = record.targets;
  r.text = record.text;
  coder::CodeResult coded;
  coder.Code(record.text, record.date, &coded);
  // Sentence order: by verb position; stable, so the coder's order breaks ties.
  std::vector<const coder::CodedEvent*> order;
  for (const coder::CodedEvent& e : coded.events) order.push_back(&e);
  std::stable_sort(order.begin(), order.end(),
                   [](const coder::CodedEvent* a, const coder::CodedEvent* b) {
                     return a->verb_span.begin < b->verb_span.begin;
                   });
  for (const coder::CodedEvent* e : order) {
    PloverScoredEvent s;
    s.cameo = e->code;
    s.source = e->source;
    s.target = e->target;
    if (e->verb_span.end <= record.text.size() && e->verb_span.begin <= e->verb_span.end) {
      s.verb = std::string(e->verb_span.In(record.text));
    }
    s.plover = plover::CodePlover(*e, record.text, &s.modality);
    if (!s.plover.dropped) {
      if (r.predicted < 0) r.predicted = static_cast<int>(r.events.size());
      if (s.plover.type == record.type) r.any_correct = true;
    }
    r.events.push_back(std::move(s));
  }
  r.correct = r.predicted >= 0 && r.events[r.predicted].plover.type == record.type;
  return r;
}

PloverEvalReport EvaluatePlover(const std::vector<PloverGoldRecord>& records,
                                const coder::Coder& coder, const PloverEvalOptions& options) {
  PloverEvalReport rep;
  auto start = std::chrono::steady_clock::now();
  for (const PloverGoldRecord& record : records) {
    PloverRecordResult r = ScorePloverRecord(record, coder);
    ++rep.records;
    ++rep.per_type[record.type].gold;
    for (const PloverScoredEvent& e : r.events) {
      if (e.plover.dropped) ++rep.dropped[e.plover.rule];
    }
    const PloverScoredEvent* p = r.prediction();
    if (p == nullptr) {
      ++rep.no_event;
      if (r.events.empty()) ++rep.no_coded;
    } else {
      ++rep.predicted;
      ++rep.per_type[p->plover.type].predicted;
      ++rep.modalities[std::string(plover::ModalityName(p->modality))];
      ++rep.rules[p->plover.rule];
    }
    if (r.correct) {
      ++rep.correct;
      ++rep.per_type[record.type].correct;
    }
    if (r.any_correct) ++rep.any_correct;
    auto has = [](const std::vector<std::string>& codes, const std::string& c) {
      return !c.empty() && std::find(codes.begin(), codes.end(), c) != codes.end();
    };
    if (!record.sources.empty()) {
      ++rep.with_source;
      if (p != nullptr && has(record.sources, ActorCountry(p->source))) ++rep.source_agree;
    }
    if (!record.targets.empty()) {
      ++rep.with_target;
      if (p != nullptr && has(record.targets, ActorCountry(p->target))) ++rep.target_agree;
    } else {
      ++rep.without_target;
      if (p != nullptr && ActorCountry(p->target).empty()) ++rep.no_target_agree;
    }
    if (!r.correct && rep.failures.size() < options.max_failures)
      rep.failures.push_back(std::move(r));
  }
  rep.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return rep;
}

}  // namespace storyline::eval
