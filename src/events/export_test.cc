#include "events/export.h"

#include <gtest/gtest.h>

#include "events/merge.h"

namespace storyline::events {
namespace {

// A small hand-made event: a phone call reported by two articles.
Event PhoneCall() {
  Event e;
  e.id = 12;
  e.story_id = 3;
  e.story_key = "s3";
  e.date = "2013-10-29";
  e.date_source = "text";
  e.source = "USAGOV";
  e.target = "RUSGOV";
  e.cameo = "041";
  e.modality = plover::Modality::kHappened;
  Derive(&e);
  e.place = "Geneva";
  e.place_country = "CHE";
  e.place_lat = 46.2;
  e.place_lon = 6.15;
  e.corroboration = 2;
  e.mention_count = 2;
  e.first_article = 5;
  e.first_seen = "2013-10-30T08:00:00Z";

  Mention a;
  a.id = 31;
  a.event_id = 12;
  a.article_id = 5;
  a.sentence = 2;
  a.sentence_text = "Kerry phoned Lavrov in Geneva on Tuesday.";
  a.sentence_span = {100, 141};
  a.verb = {106, 112};
  a.source = "USAGOV";
  a.target = "RUSGOV";
  a.source_text = "Kerry";
  a.source_span = {100, 105};
  a.target_text = "Lavrov";
  a.target_span = {113, 119};
  a.code = a.cameo = "041";
  a.date = "2013-10-29";
  a.date_source = "text";
  a.date_text = "on Tuesday";
  a.place = "Geneva";
  a.place_country = "CHE";
  a.issues = "PEACE";
  a.explanation = "verb \"phoned\" [PHONE] default code 041; happened";
  a.article_title = "Kerry, Lavrov talk";
  a.article_url = "https://example.org/a";
  a.article_outlet = "Example Wire";
  a.article_external_id = "ex-5";
  a.article_published = "2013-10-30";

  Mention b;
  b.id = 40;
  b.event_id = 12;
  b.article_id = 6;
  b.sentence = kTitleSentence;
  b.sentence_text = "Lavrov and Kerry speak by phone";
  b.sentence_span = {0, 31};
  b.verb = {17, 22};
  b.source = "RUSGOV";
  b.target = "USAGOV";
  b.source_text = "Lavrov";
  b.source_span = {0, 6};
  b.target_text = "Kerry";
  b.target_span = {11, 16};
  b.code = b.cameo = "041";
  b.date = "2013-10-29";
  b.date_source = "context";
  b.issues = "PEACE;NUCLEAR";
  b.lead = true;
  b.explanation = "verb \"speak\" [SAY] pattern \"- * BY PHONE\" -> 041; happened";
  b.article_title = "Lavrov and Kerry speak by phone";
  b.article_url = "https://example.com/b";
  b.article_outlet = "Other News";
  b.article_external_id = "ex-6";
  b.article_published = "2013-10-31";
  e.mentions = {a, b};
  return e;
}

std::string Joined(const std::vector<std::string>& v, char sep) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) out += (i ? std::string(1, sep) : "") + v[i];
  return out;
}

TEST(ExportTest, Json) {
  EXPECT_EQ(
      EventJson(PhoneCall()),
      R"({"id":12,"story_id":3,"date":"2013-10-29","date_source":"text","source":"USAGOV",)"
      R"("target":"RUSGOV","cameo":"041","cameo_name":"Talk by telephone","root":"04",)"
      R"("plover_type":"CONSULT","plover_mode":"phone","plover_context":"","modality":"happened",)"
      R"("quad_class":1,"goldstein":1.0,"place":"Geneva","place_country":"CHE","place_lat":46.2,)"
      R"("place_lon":6.15,"corroboration":2,"mention_count":2,"first_article":5,)"
      R"("first_seen":"2013-10-30T08:00:00Z","mentions":[)"
      R"({"id":31,"article_id":5,"external_id":"ex-5","title":"Kerry, Lavrov talk",)"
      R"("url":"https://example.org/a","outlet":"Example Wire","published":"2013-10-30",)"
      R"("sentence":2,"sentence_begin":100,"sentence_end":141,)"
      R"("text":"Kerry phoned Lavrov in Geneva on Tuesday.","verb":"phoned","verb_begin":106,)"
      R"("verb_end":112,"source":"USAGOV","source_text":"Kerry","source_begin":100,"source_end":105,)"
      R"("target":"RUSGOV","target_text":"Lavrov","target_begin":113,"target_end":119,"code":"041",)"
      R"("cameo":"041","modality":"happened","date":"2013-10-29","date_source":"text",)"
      R"("date_text":"on Tuesday","place":"Geneva","place_country":"CHE","issues":"PEACE",)"
      R"("lead":false,"explanation":"verb \"phoned\" [PHONE] default code 041; happened"},)"
      R"({"id":40,"article_id":6,"external_id":"ex-6","title":"Lavrov and Kerry speak by phone",)"
      R"("url":"https://example.com/b","outlet":"Other News","published":"2013-10-31",)"
      R"("sentence":-1,"sentence_begin":0,"sentence_end":31,"text":"Lavrov and Kerry speak by phone",)"
      R"("verb":"speak","verb_begin":17,"verb_end":22,"source":"RUSGOV","source_text":"Lavrov",)"
      R"("source_begin":0,"source_end":6,"target":"USAGOV","target_text":"Kerry","target_begin":11,)"
      R"("target_end":16,"code":"041","cameo":"041","modality":"happened","date":"2013-10-29",)"
      R"("date_source":"context","date_text":"","place":"","place_country":"","issues":"PEACE;NUCLEAR",)"
      R"("lead":true,"explanation":"verb \"speak\" [SAY] pattern \"- * BY PHONE\" -> 041; happened"}]})");
}

TEST(ExportTest, Csv) {
  EXPECT_EQ(
      Joined(CsvHeader(), ','),
      "id,date,date_source,source,target,cameo,root,cameo_name,plover_type,plover_mode,"
      "plover_context,modality,quad_class,goldstein,place,place_country,story_id,corroboration,"
      "mention_count,first_article,source_text,target_text,text");
  EXPECT_EQ(
      Joined(CsvFields(PhoneCall()), '|'),
      "12|2013-10-29|text|USAGOV|RUSGOV|041|04|Talk by telephone|CONSULT|phone||happened|1|1.0|"
      "Geneva|CHE|3|2|2|5|Kerry|Lavrov|Kerry phoned Lavrov in Geneva on Tuesday.");
  EXPECT_EQ(CsvHeader().size(), CsvFields(PhoneCall()).size());
}

TEST(ExportTest, Phoenix) {
  ASSERT_EQ(PhoenixColumns().size(), 26u);
  EXPECT_EQ(PhoenixRow(PhoneCall()),
            "12\t20131029\t2013\t10\t29\tUSAGOV\tUSA\tGOV\t\tRUSGOV\tRUS\tGOV\t\t041\t04\t1\t1.0\t"
            "PEACE,2;NUCLEAR,1\t46.20\t6.15\tGeneva\t\tCHE\t5_2\thttps://example.org/a;https://"
            "example.com/b\t"
            "Example Wire;Other News");
}

TEST(ExportTest, Gdelt) {
  ASSERT_EQ(GdeltColumns().size(), 61u);
  std::string row = GdeltRow(PhoneCall());
  EXPECT_EQ(std::count(row.begin(), row.end(), '\t'), 60);
  EXPECT_EQ(row,
            "12\t20131029\t201310\t2013\t2013.8247\t"
            "USAGOV\tKERRY\tUSA\t\t\t\t\tGOV\t\t\t"
            "RUSGOV\tLAVROV\tRUS\t\t\t\t\tGOV\t\t\t"
            "1\t041\t041\t04\t1\t1.0\t2\t2\t2\t\t"
            "\t\t\t\t\t\t\t\t"
            "\t\t\t\t\t\t\t\t"
            "4\tGeneva, Switzerland\tSZ\t\t\t46.2000\t6.1500\t\t"
            "20131030080000\thttps://example.org/a");
}

TEST(ExportTest, Plover) {
  std::optional<std::string> j = PloverJson(PhoneCall());
  ASSERT_TRUE(j);
  EXPECT_EQ(
      *j,
      R"({"id":"storyline-12","date":"2013-10-29",)"
      R"("source":[{"actorText":"Kerry","code":"USA","sector":"GOV","cameoCode":"USAGOV"}],)"
      R"("target":[{"actorText":"Lavrov","code":"RUS","sector":"GOV","cameoCode":"RUSGOV"}],)"
      R"("event":"CONSULT","mode":"phone","eventText":"phoned",)"
      R"("eventLoc":{"extractedPlace":"Geneva","resolvedPlace":"Geneva","lat":46.2,"lon":6.15,)"
      R"("country":"Switzerland","countryCode":"CHE"},"quadCode":1,"eventScale":1.0,)"
      R"("text":"Kerry phoned Lavrov in Geneva on Tuesday.","textInfo":{"sequence":2,"start":100,"end":141},)"
      R"("citeInfo":{"url":"https://example.org/a","title":"Kerry, Lavrov talk","publication":"Example Wire",)"
      R"("citation":"ex-5"},"coder":"storyline","codedDate":"2013-10-30","cameoCode":"041",)"
      R"("modality":"happened","corroboration":2})");
  Event statement = PhoneCall();
  statement.cameo = "010";
  Derive(&statement);
  EXPECT_FALSE(PloverJson(statement));  // PLOVER does not code statements
}

TEST(ExportTest, TabsAndNewlinesNeverBreakARow) {
  Event e = PhoneCall();
  e.mentions[0].article_outlet = "Tab\tand\nnewline";
  std::string row = PhoenixRow(e);
  EXPECT_EQ(std::count(row.begin(), row.end(), '\t'), 25);
  EXPECT_EQ(row.find('\n'), std::string::npos);
}

TEST(SplitActorCodeTest, CountriesOrganisationsRolesReligions) {
  ActorParts p = SplitActorCode("USAGOVMIL");
  EXPECT_EQ(p.country, "USA");
  EXPECT_EQ(p.roles, (std::vector<std::string>{"GOV", "MIL"}));
  p = SplitActorCode("IGOUNO");
  EXPECT_EQ(p.entity, "IGO");
  EXPECT_EQ(p.country, "");
  EXPECT_EQ(p.others, (std::vector<std::string>{"UNO"}));
  p = SplitActorCode("IMGMUSISI");
  EXPECT_EQ(p.religions, (std::vector<std::string>{"MUS"}));
  EXPECT_EQ(p.rest, (std::vector<std::string>{"MUS", "ISI"}));
  EXPECT_EQ(SplitActorCode("").entity, "");
}

TEST(ExportTest, PhoenixSplitsAttributesAfterTheRole) {
  Event e = PhoneCall();
  e.source = "IMGMUSISI";
  e.target = "SYRREBMUS";
  std::string row = PhoenixRow(e);
  EXPECT_NE(row.find("\tIMGMUSISI\tIMG\t\tMUS;ISI\tSYRREBMUS\tSYR\tREB\tMUS\t"), std::string::npos)
      << row;
}

}  // namespace
}  // namespace storyline::events
