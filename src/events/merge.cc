// Merging mentions into events; see merge.h for the identity rule. The
// fields of an event are a fold over its mentions in arrival order, so an
// incremental merge (the store) and a batch merge (MergeMentions) agree.
#include "events/merge.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace storyline::events {

std::string RootOf(std::string_view cameo) {
  return cameo.size() < 2 ? std::string() : std::string(cameo.substr(0, 2));
}

bool TellsWhatHappened(const Mention& m) {
  return !m.date.empty() && m.sentence >= 0 && m.modality != plover::Modality::kHypothetical &&
         m.modality != plover::Modality::kNegated &&
         !plover::ToPlover(m.cameo, m.modality).type.empty();
}

std::string StoryKey(int64_t story_id, int64_t article_id) {
  std::string key(1, story_id > 0 ? 's' : 'a');
  key += std::to_string(story_id > 0 ? story_id : article_id);
  return key;
}

bool IsSymmetric(std::string_view cameo) {
  return RootOf(cameo) == "04" || cameo.starts_with("036");
}

namespace {

// A planned happening and the happening itself are one event: the key uses
// the root of the coder's code (a planned meeting is 04 there, 036 only in
// `cameo`) and puts planned with happened; hypothetical events stay apart.
std::string KeyWithoutDate(const Mention& m) {
  std::string a = m.source, b = m.target;
  const std::string& code = m.code.empty() ? m.cameo : m.code;
  if ((IsSymmetric(m.cameo) || IsSymmetric(code)) && b < a) std::swap(a, b);
  std::string key = RootOf(code);
  key += '|';
  key += plover::ModalityName(m.modality == plover::Modality::kPlanned ? plover::Modality::kHappened
                                                                       : m.modality);
  key += '|';
  key += a;
  key += '|';
  key += b;
  return key;
}

}  // namespace

std::string MergeKey(std::string_view story_key, const Mention& m) {
  std::string key(story_key);
  key += '|';
  key += m.date;
  key += '|';
  key += KeyWithoutDate(m);
  return key;
}

int64_t CorroboratingArticle(const Mention& m) {
  return m.original_article > 0 ? m.original_article : m.article_id;
}

int Specificity(std::string_view c) {
  if (c.empty()) return 0;
  if (c.size() >= 4) return 3;
  if (c.size() == 3 && c[2] != '0') return 2;
  return 1;
}

int DateSourceRank(std::string_view s) {
  if (s == kDateText) return 3;
  if (s == kDateContext) return 2;
  if (s == kDateArticle) return 1;
  return 0;
}

void Derive(Event* e) {
  e->root = RootOf(e->cameo);
  const plover::CameoInfo* info = plover::Ontology::Default().Find(e->cameo);
  e->cameo_name = info != nullptr ? info->name : "";
  e->quad_class = info != nullptr ? info->quad_class : 0;
  e->goldstein = info != nullptr ? info->goldstein : 0;
  plover::PloverEvent p = plover::ToPlover(e->cameo, e->modality);
  e->plover_type = p.dropped ? "" : p.type;
  e->plover_mode = p.dropped ? "" : p.mode;
  e->plover_context = p.dropped ? "" : p.context;
}

Event NewEvent(const Mention& first, std::string_view story_key, int64_t story_id) {
  Event e;
  e.story_id = story_id;
  e.story_key = std::string(story_key);
  e.date = first.date;
  e.date_source = first.date_source;
  e.source = first.source;
  e.target = first.target;
  e.cameo = first.cameo;
  e.modality = first.modality;
  e.place = first.place;
  e.place_country = first.place_country;
  e.corroboration = 1;
  e.mention_count = 1;
  e.first_article = first.article_id;
  Derive(&e);
  return e;
}

void AddMention(Event* e, const Mention& m, bool new_article) {
  if (e->modality == plover::Modality::kPlanned && m.modality == plover::Modality::kHappened) {
    // The plan came true: the event is what happened ("will meet" -> "met").
    e->modality = m.modality;
    e->cameo = m.cameo;
    Derive(e);
  } else if (m.modality == e->modality && Specificity(m.cameo) > Specificity(e->cameo)) {
    e->cameo = m.cameo;
    Derive(e);
  }
  if (DateSourceRank(m.date_source) > DateSourceRank(e->date_source))
    e->date_source = m.date_source;
  if (e->place.empty() && !m.place.empty()) {
    e->place = m.place;
    e->place_country = m.place_country;
  }
  ++e->mention_count;
  if (new_article) ++e->corroboration;
}

void ShareDatesWithinArticle(std::vector<Mention>* mentions) {
  std::map<std::string, std::set<std::string>> stated;  // key without date -> text dates
  for (const Mention& m : *mentions) {
    if (m.date_source == kDateText) stated[KeyWithoutDate(m)].insert(m.date);
  }
  for (Mention& m : *mentions) {
    if (DateSourceRank(m.date_source) > DateSourceRank(kDateArticle)) continue;
    auto it = stated.find(KeyWithoutDate(m));
    if (it == stated.end() || it->second.size() != 1) continue;
    m.date = *it->second.begin();
    m.date_source = kDateContext;
  }
}

std::vector<Event> MergeMentions(const std::vector<Mention>& mentions,
                                 const std::function<int64_t(int64_t)>& story_of) {
  std::vector<Event> events;
  std::unordered_map<std::string, size_t> by_key;
  std::vector<std::set<int64_t>> articles;
  for (const Mention& m : mentions) {
    int64_t story = story_of(m.article_id);
    std::string story_key = StoryKey(story, m.article_id);
    std::string key = MergeKey(story_key, m);
    auto it = by_key.find(key);
    if (it == by_key.end()) {
      by_key.emplace(key, events.size());
      events.push_back(NewEvent(m, story_key, story));
      events.back().id = static_cast<int64_t>(events.size());
      articles.push_back({CorroboratingArticle(m)});
      it = by_key.find(key);
    } else {
      bool added = articles[it->second].insert(CorroboratingArticle(m)).second;
      AddMention(&events[it->second], m, added);
    }
    Mention copy = m;
    copy.event_id = events[it->second].id;
    events[it->second].mentions.push_back(std::move(copy));
  }
  return events;
}

}  // namespace storyline::events
