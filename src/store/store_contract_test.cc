// The behaviour every store engine must show, run against each of them: the
// SQLite engine on a file and in memory here; other engines instantiate
// StoreContractTest in their own test file (see store_contract_test.h).
#include "store/store_contract_test.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <stdexcept>

#include "common/hash.h"

namespace pactum::store {

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "pactum-store-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

void StoreContractTest::SetUp() {
  auto s = GetParam().open(dir_.path());
  ASSERT_TRUE(s.is_ok()) << s.status().to_string();
  store_ = std::move(*s);
}

void StoreContractTest::reopen() {
  store_.reset();
  auto s = GetParam().open(dir_.path());
  ASSERT_TRUE(s.is_ok()) << s.status().to_string();
  store_ = std::move(*s);
}

namespace {

// The span of the n-th occurrence of `needle` in `text`.
text::Span span_of(const std::string& text, const std::string& needle, int n = 0) {
  std::size_t at = text.find(needle);
  while (n-- > 0 && at != std::string::npos) at = text.find(needle, at + 1);
  if (at == std::string::npos) throw std::runtime_error("not in text: " + needle);
  return {at, at + needle.size()};
}

ingest::Document make_doc(std::string text, std::string source, ingest::Format format) {
  ingest::Document d;
  d.source = std::move(source);
  d.format = format;
  d.content_hash = sha256_hex(text);
  d.text = std::move(text);
  return d;
}

extract::Party party(const std::string& text, const std::string& mention, std::string name,
                     std::string kind, std::string country, std::string subdivision = "") {
  return {std::move(name), std::move(kind), std::move(country), std::move(subdivision),
          span_of(text, mention)};
}

// A document in English with two events, one person, one organization.
struct Sample {
  ingest::Document doc;
  extract::Extraction x;
};

Sample english() {
  Sample s;
  std::string t =
      "Norway and North Rhine-Westphalia signed a memorandum of understanding on hydrogen and "
      "offshore wind on 5 May 2023. The agreement runs for five years.\n\n\"This is a milestone\", "
      "said Jan Christian Vestre, Norway's minister of trade and industry. NRW will also explore "
      "battery cooperation with Norway in 2024.";
  s.doc = make_doc(t, "news/en-001.html", ingest::Format::kHtml);
  s.doc.url = "https://example.org/en-001";
  s.doc.title = "Norway and NRW sign hydrogen MoU";
  s.doc.published = "2023-05-05";
  s.x.doc = "en-001.html";
  s.x.source = s.doc.url;
  s.x.language = "en";
  s.x.published = "2023-05-05";
  s.x.title = s.doc.title;

  extract::Event e1;
  e1.parties = {party(t, "Norway", "Norway", "country", "NO"),
                party(t, "North Rhine-Westphalia", "North Rhine-Westphalia", "region", "DE", "DE-NW")};
  e1.instrument = "memorandum_of_understanding";
  e1.stage = "signed";
  e1.date = "2023-05-05";
  e1.sectors = {"offshore_wind", "hydrogen"};
  e1.signatories = {{"Jan Christian Vestre", "minister of trade and industry", "Norway"},
                    {"Hendrik Wüst", "", ""}};
  e1.duration_years = 5;
  e1.evidence_span = span_of(t, "Norway and North Rhine-Westphalia signed a memorandum of "
                                "understanding on hydrogen and offshore wind on 5 May 2023.");
  e1.evidence = std::string(e1.evidence_span.of(t));
  e1.confidence = 0.9;

  extract::Event e2;
  e2.parties = {party(t, "NRW", "North Rhine-Westphalia", "region", "DE", "DE-NW"),
                party(t, "Norway in", "Norway", "country", "NO")};
  e2.parties[1].span.end -= 3;  // "Norway", its second mention
  e2.instrument = "other";
  e2.stage = "planned";
  e2.date = "2024";
  e2.sectors = {"batteries"};
  e2.evidence_span = span_of(t, "NRW will also explore battery cooperation with Norway in 2024.");
  e2.evidence = std::string(e2.evidence_span.of(t));
  e2.confidence = 0.6;
  s.x.events = {e1, e2};

  s.x.people = {{"Jan Christian Vestre", "minister of trade and industry", "Government of Norway", true,
                 span_of(t, "Jan Christian Vestre")}};
  s.x.organizations = {"Ministry of Trade, Industry and Fisheries", "Invest in Bavaria",
                       "Ministry of Trade, Industry and Fisheries"};
  return s;
}

// German: a dated-by-month event and an undated one between companies. The
// document carries no title or date of its own; the extraction does.
Sample german() {
  Sample s;
  std::string t =
      "Norwegen und Bayern unterzeichnen im März 2021 eine Erklärung zur "
      "Wasserstoffwirtschaft. Equinor und Siemens Energy wollen bei Wasserstoff und CO2-Speicherung "
      "zusammenarbeiten.";
  s.doc = make_doc(t, "feeds/de.xml#3", ingest::Format::kFeed);
  s.x.language = "de";
  s.x.published = "2021-03";
  s.x.title = "Norwegen und Bayern";

  extract::Event e3;
  e3.parties = {party(t, "Norwegen", "Norway", "country", "NO"),
                party(t, "Bayern", "Bavaria", "region", "DE", "DE-BY")};
  e3.instrument = "joint_declaration";
  e3.stage = "signed";
  e3.date = "2021-03";
  e3.sectors = {"hydrogen"};
  e3.evidence_span = span_of(t, "Norwegen und Bayern unterzeichnen im März 2021 eine "
                                "Erklärung zur Wasserstoffwirtschaft.");
  e3.evidence = std::string(e3.evidence_span.of(t));
  e3.confidence = 0.8;

  extract::Event e4;
  e4.parties = {party(t, "Equinor", "Equinor", "organization", "NO"),
                party(t, "Siemens Energy", "Siemens Energy", "organization", "DE")};
  e4.instrument = "cooperation_agreement";
  e4.stage = "announced";
  e4.sectors = {"hydrogen", "ccus"};
  e4.evidence_span = span_of(t, "Equinor und Siemens Energy wollen bei Wasserstoff und "
                                "CO2-Speicherung zusammenarbeiten.");
  e4.evidence = std::string(e4.evidence_span.of(t));
  e4.confidence = 0.4;
  s.x.events = {e3, e4};
  return s;
}

// Norwegian bokmål, a year-dated event with Japan.
Sample norwegian() {
  Sample s;
  std::string t = "Norge og Japan har signert en samarbeidsavtale om havvind i 2022.";
  s.doc = make_doc(t, "nb-7.txt", ingest::Format::kText);
  s.x.language = "nb";
  extract::Event e5;
  e5.parties = {party(t, "Norge", "Norway", "country", "NO"),
                party(t, "Japan", "Japan", "country", "JP")};
  e5.instrument = "cooperation_agreement";
  e5.stage = "signed";
  e5.date = "2022";
  e5.sectors = {"offshore_wind"};
  e5.evidence_span = {0, t.size()};
  e5.evidence = t;
  e5.confidence = 0.7;
  s.x.events = {e5};
  return s;
}

// Events in store order, by the first few words of their evidence, which
// name them in failure messages better than ids.
std::vector<std::string> evidence_heads(const std::vector<EventRecord>& records) {
  std::vector<std::string> out;
  for (const auto& r : records) out.push_back(r.event.evidence.substr(0, 12));
  return out;
}

constexpr const char* kE1 = "Norway and N";
constexpr const char* kE2 = "NRW will als";
constexpr const char* kE3 = "Norwegen und";
constexpr const char* kE4 = "Equinor und ";
constexpr const char* kE5 = "Norge og Jap";

using Heads = std::vector<std::string>;

}  // namespace

void StoreContractFilled::SetUp() {
  StoreContractTest::SetUp();
  if (HasFatalFailure()) return;
  for (const Sample& s : {english(), german(), norwegian()}) {
    auto r = store_->put(s.doc, s.x);
    ASSERT_TRUE(r.is_ok()) << r.status().to_string();
    ASSERT_EQ(*r, PutResult::kStored);
  }
}

std::vector<std::string> StoreContractFilled::find(const EventFilter& f) {
  auto r = store_->events(f);
  EXPECT_TRUE(r.is_ok()) << r.status().to_string();
  return r.is_ok() ? evidence_heads(*r) : std::vector<std::string>{"<error>"};
}

EventRecord StoreContractFilled::only(const EventFilter& f) {
  auto r = store_->events(f);
  EXPECT_TRUE(r.is_ok()) << r.status().to_string();
  EXPECT_EQ(r.is_ok() ? r->size() : 0, 1u);
  return r.is_ok() && r->size() == 1 ? (*r)[0] : EventRecord{};
}

namespace {

EventFilter by_party(std::string p) {
  EventFilter f;
  f.party = std::move(p);
  return f;
}

// ---- writing and reading back ----------------------------------------------

TEST_P(StoreContractTest, FreshStoreIsEmptyAndVersioned) {
  EXPECT_EQ(*store_->document_count(), 0);
  EXPECT_TRUE(store_->events({})->empty());
  EXPECT_TRUE(store_->actors()->empty());
  auto v = store_->schema_version();
  ASSERT_TRUE(v.is_ok());
  EXPECT_GE(*v, 1);
}

TEST_P(StoreContractTest, PutThenReadBackEveryField) {
  Sample s = english();
  auto put = store_->put(s.doc, s.x);
  ASSERT_TRUE(put.is_ok()) << put.status().to_string();
  EXPECT_EQ(*put, PutResult::kStored);
  EXPECT_TRUE(*store_->has_document(s.doc.content_hash));
  EXPECT_EQ(*store_->document_count(), 1);

  auto events = store_->events({});
  ASSERT_TRUE(events.is_ok()) << events.status().to_string();
  ASSERT_EQ(events->size(), 2u);
  const EventRecord& r1 = (*events)[0];
  const EventRecord& r2 = (*events)[1];

  auto doc = store_->document(r1.document_id);
  ASSERT_TRUE(doc.is_ok()) << doc.status().to_string();
  EXPECT_EQ(doc->id, r1.document_id);
  EXPECT_EQ(doc->source, "news/en-001.html");
  EXPECT_EQ(doc->url, "https://example.org/en-001");
  EXPECT_EQ(doc->title, "Norway and NRW sign hydrogen MoU");
  EXPECT_EQ(doc->published, "2023-05-05");
  EXPECT_EQ(doc->language, "en");
  EXPECT_EQ(doc->content_hash, s.doc.content_hash);
  EXPECT_EQ(doc->format, "html");
  EXPECT_EQ(doc->text, s.doc.text);
  EXPECT_EQ(doc->ingested_at.size(), 24u) << doc->ingested_at;  // 2024-01-31T12:00:00.000Z
  EXPECT_EQ(doc->ingested_at.back(), 'Z');
  EXPECT_EQ(doc->organizations,
            (std::vector<std::string>{"Ministry of Trade, Industry and Fisheries", "Invest in Bavaria"}));

  const extract::Event& e1 = s.x.events[0];
  EXPECT_EQ(r1.document_source, "news/en-001.html");
  EXPECT_EQ(r1.language, "en");
  EXPECT_EQ(r1.event.instrument, e1.instrument);
  EXPECT_EQ(r1.event.stage, e1.stage);
  EXPECT_EQ(r1.event.date, e1.date);
  EXPECT_EQ(r1.event.sectors, e1.sectors);  // in the extraction's order
  ASSERT_EQ(r1.event.signatories.size(), 2u);
  EXPECT_EQ(r1.event.signatories[0].name, "Jan Christian Vestre");
  EXPECT_EQ(r1.event.signatories[0].role, "minister of trade and industry");
  EXPECT_EQ(r1.event.signatories[0].affiliation, "Norway");
  EXPECT_EQ(r1.event.signatories[1].name, "Hendrik Wüst");
  EXPECT_EQ(r1.event.signatories[1].role, "");
  EXPECT_EQ(r1.event.duration_years, 5);
  EXPECT_EQ(r1.event.evidence, e1.evidence);
  EXPECT_EQ(r1.event.evidence_span, e1.evidence_span);
  EXPECT_DOUBLE_EQ(r1.event.confidence, 0.9);
  ASSERT_EQ(r1.event.parties.size(), 2u);
  EXPECT_EQ(r1.event.parties, e1.parties);  // name, kind, country, subdivision
  EXPECT_EQ(r1.event.parties[0].span, e1.parties[0].span);
  EXPECT_EQ(r1.event.parties[1].span, e1.parties[1].span);
  ASSERT_EQ(r1.party_actor_ids.size(), 2u);
  EXPECT_NE(r1.party_actor_ids[0], r1.party_actor_ids[1]);

  // The second event names the same two actors, in the other order.
  EXPECT_EQ(r2.event.date, "2024");
  EXPECT_FALSE(r2.event.duration_years.has_value());
  EXPECT_TRUE(r2.event.signatories.empty());
  EXPECT_EQ(r2.party_actor_ids,
            (std::vector<std::int64_t>{r1.party_actor_ids[1], r1.party_actor_ids[0]}));
  EXPECT_EQ(r2.event.parties[0].name, "North Rhine-Westphalia");
  EXPECT_EQ(r2.event.parties[0].span, s.x.events[1].parties[0].span);

  auto one = store_->event(r1.id);
  ASSERT_TRUE(one.is_ok()) << one.status().to_string();
  EXPECT_EQ(one->id, r1.id);
  EXPECT_EQ(one->document_id, r1.document_id);
  EXPECT_EQ(one->event.parties, r1.event.parties);
  EXPECT_EQ(one->event.sectors, r1.event.sectors);
  EXPECT_EQ(one->party_actor_ids, r1.party_actor_ids);

  auto people = store_->people(r1.document_id);
  ASSERT_TRUE(people.is_ok()) << people.status().to_string();
  ASSERT_EQ(people->size(), 1u);
  EXPECT_EQ((*people)[0].name, "Jan Christian Vestre");
  EXPECT_EQ((*people)[0].role, "minister of trade and industry");
  EXPECT_EQ((*people)[0].affiliation, "Government of Norway");
  EXPECT_TRUE((*people)[0].quoted);
  EXPECT_EQ((*people)[0].span, s.x.people[0].span);

  auto nrw = store_->actor(std::to_string(r1.party_actor_ids[1]));
  ASSERT_TRUE(nrw.is_ok()) << nrw.status().to_string();
  EXPECT_EQ(nrw->name, "North Rhine-Westphalia");
  EXPECT_EQ(nrw->kind, "region");
  EXPECT_EQ(nrw->country, "DE");
  EXPECT_EQ(nrw->subdivision, "DE-NW");
  EXPECT_EQ(nrw->key, "DE-NW");
  EXPECT_EQ(nrw->aliases, std::vector<std::string>{"NRW"});
}

TEST_P(StoreContractTest, MetadataMissingFromTheSourceComesFromTheExtraction) {
  Sample s = german();
  ASSERT_TRUE(store_->put(s.doc, s.x).is_ok());
  auto events = store_->events({});
  ASSERT_TRUE(events.is_ok() && !events->empty());
  auto doc = store_->document((*events)[0].document_id);
  ASSERT_TRUE(doc.is_ok());
  EXPECT_EQ(doc->title, "Norwegen und Bayern");
  EXPECT_EQ(doc->published, "2021-03");
  EXPECT_EQ(doc->url, "");
  EXPECT_EQ(doc->format, "feed");
  EXPECT_TRUE(doc->organizations.empty());
  EXPECT_TRUE(store_->people(doc->id)->empty());
}

TEST_P(StoreContractTest, DocumentWithoutEventsIsStored) {
  auto doc = make_doc("Nothing to see here.", "empty.txt", ingest::Format::kText);
  extract::Extraction x;
  x.language = "en";
  ASSERT_EQ(*store_->put(doc, x), PutResult::kStored);
  EXPECT_EQ(*store_->document_count(), 1);
  EXPECT_TRUE(store_->events({})->empty());
}

TEST_P(StoreContractTest, DuplicatePutChangesNothing) {
  Sample s = english();
  ASSERT_EQ(*store_->put(s.doc, s.x), PutResult::kStored);
  auto actors_before = store_->actors();
  ASSERT_TRUE(actors_before.is_ok());

  // Same text, other source and other extraction: still the same document.
  Sample again = english();
  again.doc.source = "mirror/en-001.html";
  again.x.events[0].parties[0].name = "Kingdom of Norway";
  again.x.events[0].parties[0].country = "";
  auto r = store_->put(again.doc, again.x);
  ASSERT_TRUE(r.is_ok()) << r.status().to_string();
  EXPECT_EQ(*r, PutResult::kDuplicate);

  EXPECT_EQ(*store_->document_count(), 1);
  EXPECT_EQ(store_->events({})->size(), 2u);
  auto actors_after = store_->actors();
  ASSERT_TRUE(actors_after.is_ok());
  ASSERT_EQ(actors_after->size(), actors_before->size());
  for (std::size_t i = 0; i < actors_after->size(); ++i) {
    EXPECT_EQ((*actors_after)[i].name, (*actors_before)[i].name);
    EXPECT_EQ((*actors_after)[i].aliases, (*actors_before)[i].aliases);
  }
  EXPECT_EQ(store_->events({})->at(0).document_source, "news/en-001.html");
}

TEST_P(StoreContractTest, SameActorAcrossDocumentsIsOneActor) {
  for (const Sample& s : {english(), german(), norwegian()}) ASSERT_TRUE(store_->put(s.doc, s.x).is_ok());
  auto actors = store_->actors();
  ASSERT_TRUE(actors.is_ok());
  std::vector<std::string> keys;
  for (const auto& a : *actors) keys.push_back(a.key);
  std::sort(keys.begin(), keys.end());
  EXPECT_EQ(keys, (std::vector<std::string>{"DE-BY", "DE-NW", "JP", "NO", "name:equinor",
                                            "name:siemens energy"}));
  auto norway = store_->actor("Norway");
  ASSERT_TRUE(norway.is_ok()) << norway.status().to_string();
  // Mentions other than the name itself, sorted; "Norway" is not an alias.
  EXPECT_EQ(norway->aliases, (std::vector<std::string>{"Norge", "Norwegen"}));
  auto events = store_->events({});
  ASSERT_TRUE(events.is_ok());
  for (const auto& r : *events) {
    for (std::size_t i = 0; i < r.event.parties.size(); ++i) {
      if (r.event.parties[i].name == "Norway") {
        EXPECT_EQ(r.party_actor_ids[i], norway->id);
      }
    }
  }
}

TEST_P(StoreContractTest, DataSurvivesReopening) {
  if (!GetParam().persistent) GTEST_SKIP() << "engine keeps nothing across opens";
  Sample s = english();
  ASSERT_EQ(*store_->put(s.doc, s.x), PutResult::kStored);
  reopen();
  ASSERT_TRUE(store_);
  EXPECT_EQ(*store_->document_count(), 1);
  EXPECT_EQ(store_->events({})->size(), 2u);
  EXPECT_EQ(*store_->put(s.doc, s.x), PutResult::kDuplicate);
}

// ---- failures ---------------------------------------------------------------

TEST_P(StoreContractTest, FailedPutLeavesNoPartialDocument) {
  ASSERT_EQ(*store_->put(norwegian().doc, norwegian().x), PutResult::kStored);
  auto actors_before = store_->actors()->size();

  // The first event is fine and brings a new actor; the second has a date
  // outside the schema, so the write fails after part of it is done.
  Sample s = english();
  s.x.events[0].parties[0] = party(s.doc.text, "Norway", "Atlantis", "country", "AT");
  s.x.events[1].date = "next spring";
  auto r = store_->put(s.doc, s.x);
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << r.status().to_string();
  EXPECT_NE(r.status().message().find("news/en-001.html"), std::string::npos) << r.status().message();

  EXPECT_FALSE(*store_->has_document(s.doc.content_hash));
  EXPECT_EQ(*store_->document_count(), 1);
  EXPECT_EQ(store_->events({})->size(), 1u);
  EXPECT_EQ(store_->actors()->size(), actors_before);
  EXPECT_EQ(store_->actor("Atlantis").status().code(), StatusCode::kNotFound);

  // The store is usable afterwards, and the corrected document goes in.
  Sample fixed = english();
  auto again = store_->put(fixed.doc, fixed.x);
  ASSERT_TRUE(again.is_ok()) << again.status().to_string();
  EXPECT_EQ(*again, PutResult::kStored);
  EXPECT_EQ(store_->events({})->size(), 3u);
}

TEST_P(StoreContractTest, BatchStoresEachDocumentWholeOrNotAtAll) {
  ASSERT_EQ(*store_->put(norwegian().doc, norwegian().x), PutResult::kStored);
  Sample en = english(), de = german(), no = norwegian(), bad = english();
  // Not the English text (another hash), and a date outside the schema.
  bad.doc = make_doc(bad.doc.text + " ", "news/bad.html", ingest::Format::kHtml);
  bad.x.events[1].date = "next spring";
  Sample en_again = english();  // the same text twice in one batch
  en_again.doc.source = "mirror/en-001.html";
  std::vector<Store::PutItem> items;
  for (const Sample* s : {&en, &bad, &de, &no, &en_again}) items.push_back({&s->doc, &s->x, nullptr});
  auto r = store_->put_batch(items);
  ASSERT_TRUE(r.is_ok()) << r.status().to_string();
  ASSERT_EQ(r->size(), 5u);
  EXPECT_EQ(*(*r)[0], PutResult::kStored);
  ASSERT_FALSE((*r)[1].is_ok());
  EXPECT_EQ((*r)[1].status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(*(*r)[2], PutResult::kStored);
  EXPECT_EQ(*(*r)[3], PutResult::kDuplicate);  // stored before the batch
  EXPECT_EQ(*(*r)[4], PutResult::kDuplicate);  // stored earlier in the batch
  EXPECT_EQ(*store_->document_count(), 3);
  EXPECT_FALSE(*store_->has_document(bad.doc.content_hash));
  // Search finds the batch's documents (their index rows are written last).
  TextQuery q;
  q.all_of = {{{{"wasserstoffwirtschaft"}, false}}};
  auto hits = store_->search(q, {});
  ASSERT_TRUE(hits.is_ok()) << hits.status().to_string();
  EXPECT_EQ(hits->total, 1u);
  // Same result as one put at a time: the event count.
  EXPECT_EQ(store_->events({})->size(), no.x.events.size() + en.x.events.size() + de.x.events.size());
}

TEST_P(StoreContractTest, MalformedFactsAreInvalidArguments) {
  struct Case {
    const char* what;
    std::function<void(Sample&)> spoil;
  };
  const Case cases[] = {
      {"span past the text", [](Sample& s) { s.x.events[1].parties[0].span = {5, 5000}; }},
      {"evidence span reversed", [](Sample& s) { s.x.events[0].evidence_span = {9, 3}; }},
      {"person span past the text", [](Sample& s) { s.x.people[0].span.end = s.doc.text.size() + 1; }},
      {"confidence above 1", [](Sample& s) { s.x.events[1].confidence = 1.5; }},
      {"negative duration", [](Sample& s) { s.x.events[1].duration_years = -2; }},
      {"month-less date", [](Sample& s) { s.x.events[0].date = "2023--05"; }},
      {"party without name", [](Sample& s) { s.x.events[1].parties[1].name = ""; }},
      {"no content hash", [](Sample& s) { s.doc.content_hash = ""; }},
  };
  for (const Case& c : cases) {
    Sample s = english();
    c.spoil(s);
    auto r = store_->put(s.doc, s.x);
    ASSERT_FALSE(r.is_ok()) << c.what;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << c.what << ": " << r.status().to_string();
    EXPECT_EQ(*store_->document_count(), 0) << c.what;
    EXPECT_TRUE(store_->actors()->empty()) << c.what;
  }
}

TEST_P(StoreContractTest, MissingThingsAreNotFound) {
  EXPECT_EQ(store_->document(42).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->event(42).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->people(42).status().code(), StatusCode::kNotFound);
  EXPECT_FALSE(*store_->has_document("0000"));
  auto a = store_->actor("Atlantis");
  EXPECT_EQ(a.status().code(), StatusCode::kNotFound);
  EXPECT_NE(a.status().message().find("Atlantis"), std::string::npos) << a.status().message();
  EXPECT_EQ(store_->actor("").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->actor("42").status().code(), StatusCode::kNotFound);
}

TEST_P(StoreContractTest, MalformedFiltersAreInvalidArguments) {
  EventFilter f;
  f.since = "2023-5";
  EXPECT_EQ(store_->events(f).status().code(), StatusCode::kInvalidArgument);
  f = {};
  f.until = "May 2023";
  EXPECT_EQ(store_->events(f).status().code(), StatusCode::kInvalidArgument);
  f = {};
  f.party = "";
  EXPECT_EQ(store_->events(f).status().code(), StatusCode::kInvalidArgument);
}

// ---- filters -----------------------------------------------------------------

TEST_P(StoreContractFilled, AllEventsByDateThenIdUndatedLast) {
  // 2021-03, 2022, 2023-05-05, 2024, undated.
  EXPECT_EQ(find({}), (Heads{kE3, kE5, kE1, kE2, kE4}));
  EventFilter f;
  f.limit = 2;
  EXPECT_EQ(find(f), (Heads{kE3, kE5}));
}

TEST_P(StoreContractFilled, PartyByNameAliasKeyOrCodeInAnyCase) {
  EXPECT_EQ(find(by_party("Norway")), (Heads{kE3, kE5, kE1, kE2}));
  EXPECT_EQ(find(by_party("norway")), (Heads{kE3, kE5, kE1, kE2}));
  EXPECT_EQ(find(by_party("NORWEGEN")), (Heads{kE3, kE5, kE1, kE2}));  // alias
  EXPECT_EQ(find(by_party("nrw")), (Heads{kE1, kE2}));                  // alias
  EXPECT_EQ(find(by_party("de-nw")), (Heads{kE1, kE2}));                // subdivision
  EXPECT_EQ(find(by_party("Bayern")), (Heads{kE3}));
  EXPECT_EQ(find(by_party("name:equinor")), (Heads{kE4}));              // key
  EXPECT_EQ(find(by_party("siemens energy")), (Heads{kE4}));
  EXPECT_EQ(find(by_party("Atlantis")), Heads{});
  // A country code also finds the country's regions and organizations.
  EXPECT_EQ(find(by_party("NO")), (Heads{kE3, kE5, kE1, kE2, kE4}));
  EXPECT_EQ(find(by_party("de")), (Heads{kE3, kE1, kE2, kE4}));
  EXPECT_EQ(find(by_party("JP")), (Heads{kE5}));
}

TEST_P(StoreContractFilled, SectorInstrumentStage) {
  EventFilter f;
  f.sector = "hydrogen";
  EXPECT_EQ(find(f), (Heads{kE3, kE1, kE4}));
  f.sector = "ccus";
  EXPECT_EQ(find(f), (Heads{kE4}));
  f.sector = "space";
  EXPECT_EQ(find(f), Heads{});
  f = {};
  f.instrument = "cooperation_agreement";
  EXPECT_EQ(find(f), (Heads{kE5, kE4}));
  f = {};
  f.stage = "planned";
  EXPECT_EQ(find(f), (Heads{kE2}));
  f.stage = "signed";
  EXPECT_EQ(find(f), (Heads{kE3, kE5, kE1}));
  f.instrument = "joint_declaration";
  EXPECT_EQ(find(f), (Heads{kE3}));
}

TEST_P(StoreContractFilled, SinceAndUntilWidenPartialDates) {
  // A partial date counts from its first day for `since` and to its last day
  // for `until`; a partial bound likewise. Undated events never match.
  struct Row {
    std::optional<std::string> since, until;
    Heads expected;
  };
  const Row rows[] = {
      {"2023", std::nullopt, {kE1, kE2}},
      {"2023-01-01", std::nullopt, {kE1, kE2}},
      {"2023-06", std::nullopt, {kE2}},
      {"2024-01-01", std::nullopt, {kE2}},
      {"2024-01-02", std::nullopt, {}},
      {"2021-03", std::nullopt, {kE3, kE5, kE1, kE2}},
      {"2021-03-15", std::nullopt, {kE5, kE1, kE2}},
      {"1900", std::nullopt, {kE3, kE5, kE1, kE2}},
      {std::nullopt, "2022", {kE3, kE5}},
      {std::nullopt, "2022-12-31", {kE3, kE5}},
      {std::nullopt, "2022-06", {kE3}},
      {std::nullopt, "2021-03-15", {}},
      {std::nullopt, "2021-03", {kE3}},
      {std::nullopt, "2023-05-05", {kE3, kE5, kE1}},
      {std::nullopt, "2023-05-04", {kE3, kE5}},
      {"2022", "2022", {kE5}},
      {"2021", "2023", {kE3, kE5, kE1}},
  };
  for (const Row& row : rows) {
    EventFilter f;
    f.since = row.since;
    f.until = row.until;
    EXPECT_EQ(find(f), row.expected) << "since " << row.since.value_or("-") << " until "
                                     << row.until.value_or("-");
  }
}

TEST_P(StoreContractFilled, LanguageConfidenceAndCombinations) {
  EventFilter f;
  f.language = "de";
  EXPECT_EQ(find(f), (Heads{kE3, kE4}));
  f.language = "nb";
  EXPECT_EQ(find(f), (Heads{kE5}));
  f = {};
  f.min_confidence = 0.75;
  EXPECT_EQ(find(f), (Heads{kE3, kE1}));
  f.min_confidence = 0.9;
  EXPECT_EQ(find(f), (Heads{kE1}));
  f = by_party("NO");
  f.sector = "hydrogen";
  f.language = "de";
  EXPECT_EQ(find(f), (Heads{kE3, kE4}));
  f.since = "2000";
  EXPECT_EQ(find(f), (Heads{kE3}));
  f.limit = 1;
  f.since.reset();
  EXPECT_EQ(find(f), (Heads{kE3}));
}

TEST_P(StoreContractFilled, FilteredEventsCarryTheirDetails) {
  EventRecord r = only(by_party("Bayern"));
  EXPECT_EQ(r.language, "de");
  EXPECT_EQ(r.document_source, "feeds/de.xml#3");
  ASSERT_EQ(r.event.parties.size(), 2u);
  EXPECT_EQ(r.event.parties[0].name, "Norway");
  EXPECT_EQ(r.event.parties[1].name, "Bavaria");
  EXPECT_EQ(r.event.parties[1].subdivision, "DE-BY");
  EXPECT_EQ(r.party_actor_ids.size(), 2u);
  EXPECT_EQ(r.event.sectors, std::vector<std::string>{"hydrogen"});
  EXPECT_EQ(r.event.date, "2021-03");
}

// ---- actors --------------------------------------------------------------------

TEST_P(StoreContractFilled, ActorByIdKeyNameOrAliasInAnyCase) {
  auto norway = store_->actor("NO");
  ASSERT_TRUE(norway.is_ok()) << norway.status().to_string();
  EXPECT_EQ(norway->name, "Norway");
  EXPECT_EQ(norway->kind, "country");
  EXPECT_EQ(norway->country, "NO");
  EXPECT_EQ(norway->subdivision, "");
  for (const char* q : {"no", "Norway", "NORWAY", "norge", "Norwegen"}) {
    auto a = store_->actor(q);
    ASSERT_TRUE(a.is_ok()) << q << ": " << a.status().to_string();
    EXPECT_EQ(a->id, norway->id) << q;
  }
  auto by_id = store_->actor(std::to_string(norway->id));
  ASSERT_TRUE(by_id.is_ok());
  EXPECT_EQ(by_id->name, "Norway");

  auto nrw = store_->actor("nrw");
  ASSERT_TRUE(nrw.is_ok());
  EXPECT_EQ(nrw->name, "North Rhine-Westphalia");
  EXPECT_EQ(store_->actor("north rhine-westphalia")->id, nrw->id);
  EXPECT_EQ(store_->actor("DE-NW")->id, nrw->id);
  EXPECT_EQ(store_->actor("bayern")->name, "Bavaria");
  EXPECT_EQ(store_->actor("name:equinor")->name, "Equinor");
  // A country code names the country, not its regions.
  EXPECT_EQ(store_->actor("DE").status().code(), StatusCode::kNotFound);
}

TEST_P(StoreContractFilled, ActorsListsEveryActorWithAliases) {
  auto actors = store_->actors();
  ASSERT_TRUE(actors.is_ok());
  ASSERT_EQ(actors->size(), 6u);
  for (const auto& a : *actors) {
    EXPECT_FALSE(a.key.empty());
    if (a.name == "Bavaria") {
      EXPECT_EQ(a.aliases, std::vector<std::string>{"Bayern"});
    } else if (a.name == "Japan") {
      EXPECT_TRUE(a.aliases.empty());
    } else if (a.name == "Equinor") {
      EXPECT_EQ(a.kind, "organization");
    }
  }
}

std::string backend_name(const ::testing::TestParamInfo<StoreBackend>& info) { return info.param.name; }

const StoreBackend kSqliteBackends[] = {
    {"SqliteFile", [](const std::filesystem::path& dir) { return open_sqlite(dir / "pactum.db"); }, true},
    {"SqliteMemory", [](const std::filesystem::path&) { return open_sqlite(":memory:"); }, false},
};

// ---- API tokens ----------------------------------------------------------------

TEST_P(StoreContractTest, DocumentsAreListedByIdWithoutText) {
  Sample s = english();
  ASSERT_TRUE(store_->put(s.doc, s.x).is_ok());
  auto all = store_->documents(0, 0);
  ASSERT_TRUE(all.is_ok()) << all.status().to_string();
  ASSERT_EQ(all->size(), 1u);
  EXPECT_EQ((*all)[0].content_hash, s.doc.content_hash);
  EXPECT_TRUE((*all)[0].text.empty());
  EXPECT_TRUE(store_->documents(1, 0)->empty());
  EventFilter mine, other;
  mine.document_id = (*all)[0].id;
  other.document_id = (*all)[0].id + 1;
  EXPECT_EQ(store_->events(mine)->size(), s.x.events.size());
  EXPECT_TRUE(store_->events(other)->empty());
}

TEST_P(StoreContractTest, ApiTokensAreFoundByHashOnly) {
  const std::string hash(64, 'a');
  auto id = store_->put_api_token("ci", hash);
  ASSERT_TRUE(id.is_ok()) << id.status().to_string();
  auto found = store_->api_token(hash);
  ASSERT_TRUE(found.is_ok());
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ(**found, "ci");
  EXPECT_FALSE(store_->api_token(std::string(64, 'b'))->has_value());
  EXPECT_EQ(store_->put_api_token("again", hash).status().code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(store_->put_api_token("", std::string(64, 'c')).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(store_->put_api_token("x", "not-a-hash").status().code(), StatusCode::kInvalidArgument);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, StoreContractTest, ::testing::ValuesIn(kSqliteBackends), backend_name);
INSTANTIATE_TEST_SUITE_P(Sqlite, StoreContractFilled, ::testing::ValuesIn(kSqliteBackends), backend_name);

}  // namespace
}  // namespace pactum::store

