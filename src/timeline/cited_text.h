// The text a timeline entry shows for a sentence (timeline.h, Citation).
//
// Timeline17's pages (and crawled
// pages generally) glue what was printed above an article onto its first
// sentence; an entry read alone under its date should not carry it. Dropped
// from the start, in this order: a dateline or highlights ending in an agency
// credit and a dash (AfterDateline), a page stamp (AfterStamp), a photo
// credit (AfterPhotoCredit), then bracketed prefixes such as a live blog's
// "(Update 12:41 a.m. Tuesday in Cairo)". The citation keeps the index of
// the whole sentence; date mentions and the sentence's vector come from the
// whole sentence too (on the vector: choosing by the trimmed text scored
// lower on Timeline17, bench/RESULTS.md).
//
// Contract: pure function; the word tables (data/meta/timezones.txt,
// data/clean/captions.txt) are embedded and shared; thread-safe.
#ifndef STORYLINE_TIMELINE_CITED_TEXT_H_
#define STORYLINE_TIMELINE_CITED_TEXT_H_

#include <string>
#include <string_view>

namespace storyline::timeline {

// The sentence without what was printed above the article; the sentence
// itself when fewer than six words would remain.
std::string CitedText(std::string_view sentence);

}  // namespace storyline::timeline

#endif  // STORYLINE_TIMELINE_CITED_TEXT_H_
