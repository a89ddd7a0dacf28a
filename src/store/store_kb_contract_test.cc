// The knowledge-base behaviour every store engine must show (agreements
// merged across documents, near-copies linked and not counted twice,
// curation that wins and is logged, search with filters and facets), run on
// the same engines as store_contract_test.cc. Other engines instantiate
// StoreKbContractTest in their own test file.
#include <gtest/gtest.h>

#include <stdexcept>

#include "common/hash.h"
#include "store/store_contract_test.h"

namespace pactum::store {

namespace {

// A press release on one act: Norway and Japan sign an MoU on hydrogen.
struct Doc {
  ingest::Document doc;
  extract::Extraction x;
};

Doc release(const std::string& text, const std::string& source, const std::string& lang,
            const std::string& evidence, const std::string& date, const std::string& stage = "signed",
            const std::string& instrument = "memorandum_of_understanding") {
  Doc d;
  d.doc.source = source;
  d.doc.text = text;
  d.doc.content_hash = sha256_hex(text);
  d.x.language = lang;
  d.x.title = text.substr(0, text.find('\n'));
  auto at = text.find(evidence);
  if (at == std::string::npos) throw std::runtime_error("evidence not in text");
  extract::Event e;
  auto party = [&](const std::string& mention, std::string name, std::string code) {
    auto m = text.find(mention);
    if (m == std::string::npos) throw std::runtime_error("mention not in text: " + mention);
    return extract::Party{std::move(name), "country", std::move(code), "", {m, m + mention.size()}};
  };
  e.parties = {party(lang == "en" ? "Norway" : "Norwegen", "Norway", "NO"), party("Japan", "Japan", "JP")};
  e.instrument = instrument;
  e.stage = stage;
  e.date = date;
  e.sectors = {"hydrogen"};
  e.evidence = evidence;
  e.evidence_span = {at, at + evidence.size()};
  e.confidence = 0.9;
  d.x.events = {e};
  return d;
}

const std::string kEnglish =
    "Norway and Japan sign hydrogen memorandum\n"
    "Norway and Japan signed a memorandum of understanding on hydrogen in Tokyo on 8 December 2023. "
    "The two governments will exchange experts, fund joint pilot projects for ammonia shipping, and "
    "meet every year to review the progress of the cooperation on clean fuels and offshore wind.";
const std::string kEnglishEvidence =
    "Norway and Japan signed a memorandum of understanding on hydrogen in Tokyo on 8 December 2023.";
const std::string kGerman =
    "Norwegen und Japan unterzeichnen Wasserstoff-Absichtserklärung\n"
    "Norwegen und Japan haben im Dezember 2023 in Tokio eine Absichtserklärung über Wasserstoff unterzeichnet. "
    "Beide Regierungen wollen Fachleute austauschen und gemeinsame Pilotprojekte fördern.";
const std::string kGermanEvidence =
    "Norwegen und Japan haben im Dezember 2023 in Tokio eine Absichtserklärung über Wasserstoff unterzeichnet.";

TEST_P(StoreKbContractTest, OneActFromTwoLanguagesIsOneAgreementWithTwoSources) {
  auto en = release(kEnglish, "en.txt", "en", kEnglishEvidence, "2023-12-08");
  auto de = release(kGerman, "de.txt", "de", kGermanEvidence, "2023-12");
  { auto r = store_->put(en.doc, en.x); ASSERT_TRUE(r.is_ok()) << r.status().to_string(); }
  { auto r = store_->put(de.doc, de.x); ASSERT_TRUE(r.is_ok()) << r.status().to_string(); }
  // The same document again adds nothing.
  ASSERT_EQ(*store_->put(de.doc, de.x), PutResult::kDuplicate);
  auto list = store_->agreements({});
  ASSERT_TRUE(list.is_ok()) << list.status().to_string();
  ASSERT_EQ(list->size(), 1u);
  const AgreementRecord& a = (*list)[0];
  EXPECT_EQ(a.instrument, "memorandum_of_understanding");
  EXPECT_EQ(a.sources.size(), 2u);
  ASSERT_EQ(a.timeline.size(), 1u);
  EXPECT_EQ(a.timeline[0].date, "2023-12-08");
  EXPECT_EQ(a.languages, (std::vector<std::string>{"de", "en"}));
  ASSERT_EQ(a.parties.size(), 2u);
  EXPECT_EQ(a.parties[0].name, "Japan");
  EXPECT_EQ(a.sectors, (std::vector<std::string>{"hydrogen"}));
}

TEST_P(StoreKbContractTest, AHistoryIsOneAgreementsTimeline) {
  auto signed_ = release(kEnglish, "a.txt", "en", kEnglishEvidence, "2014");
  auto renewed = release(kGerman, "b.txt", "de", kGermanEvidence, "2023-12", "renewed");
  ASSERT_TRUE(store_->put(signed_.doc, signed_.x).is_ok());
  ASSERT_TRUE(store_->put(renewed.doc, renewed.x).is_ok());
  auto list = store_->agreements({});
  ASSERT_TRUE(list.is_ok());
  ASSERT_EQ(list->size(), 1u);
  ASSERT_EQ((*list)[0].timeline.size(), 2u);
  EXPECT_EQ((*list)[0].timeline[0].stage, "signed");
  EXPECT_EQ((*list)[0].timeline[1].stage, "renewed");
  EXPECT_EQ((*list)[0].first_date, "2014");
  EXPECT_EQ((*list)[0].last_date, "2023-12");

  AgreementFilter f;
  f.stage = "renewed";
  f.since = "2023";
  EXPECT_EQ(store_->agreements(f)->size(), 1u);
  f.since = "2024";
  EXPECT_EQ(store_->agreements(f)->size(), 0u);
  AgreementFilter g;
  g.party = "Norwegen";
  EXPECT_EQ(store_->agreements(g)->size(), 1u);
  g.country = "JP";
  EXPECT_EQ(store_->agreements(g)->size(), 1u);
  g.region = "DE-NW";
  EXPECT_EQ(store_->agreements(g)->size(), 0u);
}

TEST_P(StoreKbContractTest, ANearCopyIsLinkedAndNotCountedTwice) {
  auto original = release(kEnglish, "original.txt", "en", kEnglishEvidence, "2023-12-08");
  std::string copied = "Newswire: " + kEnglish + "\n\nDistributed by Newswire.";
  auto copy = release(copied, "copy.txt", "en", kEnglishEvidence, "2023-12-08");
  ASSERT_TRUE(store_->put(original.doc, original.x).is_ok());
  ASSERT_TRUE(store_->put(copy.doc, copy.x).is_ok());
  auto link = store_->original_of(2);
  ASSERT_TRUE(link.is_ok());
  ASSERT_TRUE(link->has_value());
  EXPECT_EQ((*link)->original_id, 1);
  EXPECT_FALSE(store_->original_of(1)->has_value());
  auto list = store_->agreements({});
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].sources, (std::vector<std::int64_t>{1}));
  EXPECT_EQ((*list)[0].copies, (std::vector<std::int64_t>{2}));
  // Search shows the original once, with its copy.
  TextQuery q{{{{{"memorandum"}, false}}}};
  auto found = store_->search(q, {});
  ASSERT_TRUE(found.is_ok()) << found.status().to_string();
  ASSERT_EQ(found->hits.size(), 1u);
  EXPECT_EQ(found->hits[0].document_id, 1);
  EXPECT_EQ(found->hits[0].copies, (std::vector<std::int64_t>{2}));
}

TEST_P(StoreKbContractTest, CurationWinsIsLoggedAndReshapesAgreements) {
  auto en = release(kEnglish, "en.txt", "en", kEnglishEvidence, "2023-12-08");
  { auto r = store_->put(en.doc, en.x); ASSERT_TRUE(r.is_ok()) << r.status().to_string(); }
  EventCuration c;
  c.author = "ana";
  c.note = "the text says letter of intent";
  c.set = {{"instrument", "letter_of_intent"}, {"date", "2023-12-07"}};
  auto entries = store_->curate_event(1, c);
  ASSERT_TRUE(entries.is_ok()) << entries.status().to_string();
  ASSERT_EQ(entries->size(), 2u);
  EXPECT_EQ((*entries)[0].old_value, "memorandum_of_understanding");
  EXPECT_EQ((*entries)[0].author, "ana");
  EXPECT_EQ(store_->event(1)->event.instrument, "letter_of_intent");
  EXPECT_EQ((*store_->agreements({}))[0].instrument, "letter_of_intent");

  EventCuration reject;
  reject.author = "ana";
  reject.status = "rejected";
  ASSERT_TRUE(store_->curate_event(1, reject).is_ok());
  EXPECT_EQ(store_->events({})->size(), 0u);
  EventFilter all;
  all.include_rejected = true;
  EXPECT_EQ(store_->events(all)->at(0).curation, "rejected");
  EXPECT_EQ(store_->agreements({})->size(), 0u);
  auto log = store_->curation_log(0);
  ASSERT_TRUE(log.is_ok());
  ASSERT_EQ(log->size(), 3u);
  EXPECT_EQ((*log)[0].action, "reject");  // newest first
  EXPECT_FALSE((*log)[0].at.empty());

  EventCuration bad;
  bad.author = "ana";
  bad.set = {{"instrument", "treaty_of_rome"}};
  EXPECT_EQ(store_->curate_event(1, bad).status().code(), StatusCode::kInvalidArgument);
  bad.set = {{"colour", "blue"}};
  EXPECT_EQ(store_->curate_event(1, bad).status().code(), StatusCode::kInvalidArgument);
  bad.author = "";
  EXPECT_EQ(store_->curate_event(1, bad).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(store_->curate_event(99, reject).status().code(), StatusCode::kNotFound);
}

TEST_P(StoreKbContractTest, MergedActorsStayMerged) {
  auto en = release(kEnglish, "en.txt", "en", kEnglishEvidence, "2023-12-08");
  en.x.events[0].parties[1] = {"Nippon", "organization", "", "", en.x.events[0].parties[1].span};
  { auto r = store_->put(en.doc, en.x); ASSERT_TRUE(r.is_ok()) << r.status().to_string(); }
  auto de = release(kGerman, "de.txt", "de", kGermanEvidence, "2023-12");
  { auto r = store_->put(de.doc, de.x); ASSERT_TRUE(r.is_ok()) << r.status().to_string(); }
  EXPECT_EQ(store_->agreements({})->size(), 2u);
  auto entry = store_->merge_actors("JP", "Nippon", "ana", "");
  ASSERT_TRUE(entry.is_ok()) << entry.status().to_string();
  EXPECT_EQ(entry->action, "merge");
  EXPECT_EQ(store_->actor("Nippon")->key, "JP");
  EXPECT_EQ(store_->agreements({})->size(), 1u);
  EXPECT_EQ(store_->merge_actors("JP", "Japan", "ana", "").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(store_->merge_actors("JP", "Atlantis", "ana", "").status().code(), StatusCode::kNotFound);
}

TEST_P(StoreKbContractTest, OrganizationsMergeByNameLessLegalForm) {
  auto en = release(kEnglish, "en.txt", "en", kEnglishEvidence, "2023-12-08");
  en.x.events[0].parties[1] = {"Equinor", "organization", "NO", "", en.x.events[0].parties[1].span};
  { auto r = store_->put(en.doc, en.x); ASSERT_TRUE(r.is_ok()) << r.status().to_string(); }
  auto de = release(kGerman, "de.txt", "de", kGermanEvidence, "2023-12");
  de.x.events[0].parties[1] = {"Equinor ASA", "organization", "NO", "", de.x.events[0].parties[1].span};
  { auto r = store_->put(de.doc, de.x); ASSERT_TRUE(r.is_ok()) << r.status().to_string(); }
  auto a = store_->actor("Equinor ASA");
  ASSERT_TRUE(a.is_ok());
  EXPECT_EQ(a->key, "name:equinor");
  EXPECT_EQ(store_->agreements({})->size(), 1u);
}

TEST_P(StoreKbContractTest, SearchRanksFiltersAndCountsFacets) {
  auto en = release(kEnglish, "en.txt", "en", kEnglishEvidence, "2023-12-08");
  auto de = release(kGerman, "de.txt", "de", kGermanEvidence, "2023-12");
  { auto r = store_->put(en.doc, en.x); ASSERT_TRUE(r.is_ok()) << r.status().to_string(); }
  { auto r = store_->put(de.doc, de.x); ASSERT_TRUE(r.is_ok()) << r.status().to_string(); }
  TextQuery q{{{{{"hydrogen"}, false}, {{"wasserstoff"}, true}}}};
  SearchFilter f;
  f.facets = true;
  auto r = store_->search(q, f);
  ASSERT_TRUE(r.is_ok()) << r.status().to_string();
  EXPECT_EQ(r->total, 2u);
  ASSERT_EQ(r->hits.size(), 2u);
  EXPECT_GE(r->hits[0].score, r->hits[1].score);
  EXPECT_EQ(r->hits[0].events.size(), 1u);
  EXPECT_EQ(r->facets["language"]["de"], 1);
  EXPECT_EQ(r->facets["country"]["NO"], 2);
  EXPECT_EQ(r->facets["year"]["2023"], 2);
  f.language = "de";
  EXPECT_EQ(store_->search(q, f)->hits.size(), 1u);
  f = {};
  f.country = "DE";
  EXPECT_EQ(store_->search(q, f)->hits.size(), 0u);
  f = {};
  f.since = "2024";
  EXPECT_EQ(store_->search(q, f)->hits.size(), 0u);
  f.since = "20x4";
  EXPECT_EQ(store_->search(q, f).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(store_->search(TextQuery{}, {}).status().code(), StatusCode::kInvalidArgument);
  // Quotes inside words cannot break out of the engine's syntax.
  TextQuery odd{{{{{"\"hydrogen", "OR", "*"}, false}}}};
  EXPECT_TRUE(store_->search(odd, {}).is_ok());
}

TEST_P(StoreKbContractTest, RebuildIsIdempotent) {
  auto en = release(kEnglish, "en.txt", "en", kEnglishEvidence, "2023-12-08");
  auto de = release(kGerman, "de.txt", "de", kGermanEvidence, "2023-12");
  { auto r = store_->put(en.doc, en.x); ASSERT_TRUE(r.is_ok()) << r.status().to_string(); }
  { auto r = store_->put(de.doc, de.x); ASSERT_TRUE(r.is_ok()) << r.status().to_string(); }
  auto before = store_->agreements({});
  ASSERT_TRUE(store_->rebuild_knowledge_base().is_ok());
  ASSERT_TRUE(store_->rebuild_knowledge_base().is_ok());
  auto after = store_->agreements({});
  ASSERT_EQ(before->size(), after->size());
  EXPECT_EQ((*before)[0].sources, (*after)[0].sources);
  TextQuery q{{{{{"tokio"}, false}}}};
  EXPECT_EQ(store_->search(q, {})->hits.size(), 1u);
}

std::string backend_name(const ::testing::TestParamInfo<StoreBackend>& info) { return info.param.name; }

const StoreBackend kSqliteBackends[] = {
    {"SqliteFile", [](const std::filesystem::path& dir) { return open_sqlite(dir / "pactum.db"); }, true},
    {"SqliteMemory", [](const std::filesystem::path&) { return open_sqlite(":memory:"); }, false},
};

INSTANTIATE_TEST_SUITE_P(Sqlite, StoreKbContractTest, ::testing::ValuesIn(kSqliteBackends), backend_name);

}  // namespace
}  // namespace pactum::store
