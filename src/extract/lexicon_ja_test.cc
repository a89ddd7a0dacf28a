// Table tests of the Japanese lexicon: short press texts written for these
// tests and the first event that must (or must not) come out of them; a
// history of dated acts; quoted people with their roles, their names in
// Latin letters as English texts write them.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "common/files.h"
#include "extract/extract_test_util.h"

namespace pactum::extract {
namespace {

using test_util::party_keys;
using test_util::run;

struct Row {
  const char* text;
  const char* published;
  std::vector<std::string> parties;  // sorted keys of the first event; empty: no event at all
  const char* instrument;
  const char* stage;
  const char* date;
};

TEST(LexiconJa, FirstEventTable) {
  const Row rows[] = {
      {"経産省とノルウェーが水素で協力\n\n経済産業省は、2023年12月8日、ノルウェー王国貿易産業水産省との間で、"
       "水素及びアンモニア分野における協力覚書に署名しました。",
       "", {"JP", "NO"}, "memorandum_of_understanding", "signed", "2023-12-08"},
      // An era date; the region's Japanese name with its suffix.
      {"福島県とNRW州が覚書を更新\n\n福島県とノルトライン・ヴェストファーレン州は、令和5年4月26日、"
       "エネルギー分野等における連携に関する覚書を更新しました。",
       "", {"DE-NW", "JP-07"}, "memorandum_of_understanding", "renewed", "2023-04-26"},
      {"日英EPA\n\n日本と英国は、経済連携協定の交渉を開始することで合意した。",
       "", {"GB", "JP"}, "trade_agreement", "negotiating", ""},
      // "来年3月" resolves against the publication date.
      {"覚書締結へ\n\n福岡県とニューサウスウェールズ州は来年3月に覚書を締結する予定だ。",
       "2024-01-10", {"AU-NSW", "JP-40"}, "memorandum_of_understanding", "planned", "2025-03"},
      {"日豪パートナーシップ\n\n日本国政府とオーストラリア政府は、2022年10月22日、重要鉱物に関する"
       "戦略的パートナーシップに署名した。",
       "", {"AU", "JP"}, "strategic_partnership", "signed", "2022-10-22"},
      // A minister's title stands for Japan; "ドイツの" only says where Bavaria is.
      {"日ノルウェー共同声明\n\n西村康稔経済産業大臣は、来日中のノルウェーのヴェストレ貿易産業水産大臣と会談し、"
       "両国間のエネルギー協力に関する共同声明を発出しました。",
       "", {"JP", "NO"}, "joint_declaration", "signed", ""},
      {"大阪府とバイエルン州\n\n大阪府は、ドイツのバイエルン州と友好交流に関する協定を2023年に締結した。",
       "", {"DE-BY", "JP-27"}, "cooperation_agreement", "signed", "2023"},
      // "11月27日" in a release of 10 January is last year's.
      {"福岡県とNSW州\n\n協議を重ねた結果、福岡県とNSW州は11月27日に覚書を締結した。",
       "2024-01-10", {"AU-NSW", "JP-40"}, "memorandum_of_understanding", "signed", "2023-11-27"},
      // No cooperation act: statistics, and an act that did not happen.
      {"再エネ導入実績\n\n福島県は本日、2023年度の再生可能エネルギー導入実績を公表した。"
       "県内の太陽光発電の導入量は前年比で増加した。",
       "2024-05-01", {}, "", "", ""},
      {"交渉は合意に至らず\n\n日本と英国の交渉は合意に至らなかった。", "", {}, "", "", ""},
  };
  for (const Row& r : rows) {
    SCOPED_TRACE(r.text);
    Extraction x = run(r.text, r.published);
    EXPECT_EQ(x.language, "ja");
    if (r.parties.empty()) {
      EXPECT_TRUE(x.events.empty()) << "first event: " << (x.events.empty() ? "" : x.events[0].evidence);
      continue;
    }
    ASSERT_FALSE(x.events.empty());
    const Event& e = x.events[0];
    EXPECT_EQ(party_keys(e), r.parties);
    EXPECT_EQ(e.instrument, r.instrument);
    EXPECT_EQ(e.stage, r.stage);
    EXPECT_EQ(e.date, r.date);
    EXPECT_NE(std::string(r.text).find(e.evidence), std::string::npos) << "evidence is verbatim: " << e.evidence;
  }
}

TEST(LexiconJa, HistoryGivesOneEventPerDatedAct) {
  Extraction x = run("NRW州と福島県の歩み\n\nNRW州と福島県は、2014年2月に覚書を締結し、2017年1月に更新、"
                     "令和元年10月には二つの覚書を統合した。");
  ASSERT_EQ(x.events.size(), 3u);
  EXPECT_EQ(x.events[0].date, "2014-02");
  EXPECT_EQ(x.events[0].stage, "signed");
  EXPECT_EQ(x.events[1].date, "2017-01");
  EXPECT_EQ(x.events[1].stage, "renewed");
  EXPECT_EQ(x.events[2].date, "2019-10");
  EXPECT_EQ(x.events[2].stage, "extended");
}

// What a renewal adds, written between its date and its verb, is not the
// scope of the act it renews.
TEST(LexiconJa, WhatARenewalAddsIsNotTheFirstActsScope) {
  Extraction x = run("秋田県とスコットランドの歩み\n\n両地域は2022年3月に洋上風力分野の協力覚書を交わし、"
                     "2024年6月には対象に水素を加える形で覚書を更新しました。");
  ASSERT_EQ(x.events.size(), 2u);
  EXPECT_EQ(x.events[0].date, "2022-03");
  EXPECT_EQ(x.events[0].sectors, std::vector<std::string>{"offshore_wind"});
  EXPECT_EQ(x.events[1].date, "2024-06");
  EXPECT_EQ(x.events[1].stage, "renewed");
  EXPECT_NE(std::find(x.events[1].sectors.begin(), x.events[1].sectors.end(), "hydrogen"), x.events[1].sectors.end());
}

// An undated act whose sentence opens on a word the sentence before names
// with its date ("訪問団" sent last August) happened then; not where the
// shared word is a party's name.
TEST(LexiconJa, AnActTakesTheDateOfWhatItsSentenceTakesUp) {
  Extraction x = run("福岡県とNSW州の水素協力\n\n福岡県は昨年8月、ニューサウスウェールズ州に訪問団を派遣しました。\n\n"
                     "訪問団は、州政府関係者と意見交換を行い、水素分野における覚書を締結することについて合意しました。",
                     "2024-01-10");
  ASSERT_FALSE(x.events.empty());
  EXPECT_EQ(x.events[0].stage, "planned");
  EXPECT_EQ(x.events[0].date, "2023-08");
  Extraction y = run("福岡県とNSW州の水素協力\n\n福岡県は昨年8月、ニューサウスウェールズ州に訪問団を派遣しました。\n\n"
                     "福岡県は、州政府関係者と意見交換を行い、水素分野における覚書を締結することについて合意しました。",
                     "2024-01-10");
  ASSERT_FALSE(y.events.empty());
  EXPECT_EQ(y.events[0].date, "");
}

TEST(LexiconJa, SectorsOfTheActNotOfTitles) {
  Extraction x = run("日ノルウェー協力覚書\n\n経済産業省は、ノルウェー王国貿易産業水産省との間で、"
                     "洋上風力及び水素分野における協力覚書に署名しました。");
  ASSERT_FALSE(x.events.empty());
  auto sectors = x.events[0].sectors;
  std::sort(sectors.begin(), sectors.end());
  EXPECT_EQ(sectors, (std::vector<std::string>{"hydrogen", "offshore_wind"}));
}

struct PersonRow {
  const char* text;
  const char* name;
  const char* role;
  bool quoted;
};

TEST(LexiconJa, PeopleWithRoles) {
  const PersonRow rows[] = {
      // Name, place, role; then a quotation and と述べた.
      {"覚書更新\n\n内堀雅雄福島県知事は「両地域の協力をさらに深めたい」と述べた。",
       "Masao Uchibori", "governor", true},
      // Role, の, name and honorific.
      {"首相の発言\n\n岸田文雄首相は、日本とオーストラリアの協力について「大きな一歩だ」と語った。",
       "Fumio Kishida", "prime minister", true},
      // A signatory named, not quoted.
      {"覚書に署名\n\n福岡県とNSW州は覚書に署名し、署名式には外務大臣の上川陽子氏が出席した。",
       "Yoko Kamikawa", "minister of foreign affairs", false},
      // The quotation first, the speaker between it and the verb.
      {"知事の発言\n\n「両地域の協力をさらに深めたい」と内堀雅雄福島県知事は語った。",
       "Masao Uchibori", "governor", true},
  };
  for (const PersonRow& r : rows) {
    SCOPED_TRACE(r.text);
    Extraction x = run(r.text);
    auto it = std::find_if(x.people.begin(), x.people.end(), [&](const Person& p) { return p.name == r.name; });
    ASSERT_NE(it, x.people.end()) << (x.people.empty() ? "no people" : "first: " + x.people[0].name);
    EXPECT_EQ(it->role, r.role);
    EXPECT_EQ(it->quoted, r.quoted);
  }
}

// A partnership told in passing after the page's act: "今回の覚書" opening
// the sentence is the page's act; the act of the ministries named is the
// alliance they pursue (が進める: ongoing), about the climate.
TEST(LexiconJa, PartnershipInPassingAfterThePagesAct) {
  Extraction x = run(
      "秋田県とスコットランドが覚書\n\n秋田県は10月14日、英国スコットランド政府と洋上風力に関する覚書を締結しました。\n\n"
      "また、今回の覚書は、経済産業省と欧州委員会が進める日EUグリーン・アライアンスの下での協力を後押しするものです。",
      "2025-10-15");
  auto it = std::find_if(x.events.begin(), x.events.end(),
                         [](const Event& e) { return party_keys(e) == std::vector<std::string>{"EU", "JP"}; });
  ASSERT_NE(it, x.events.end());
  EXPECT_EQ(it->instrument, "strategic_partnership");
  EXPECT_EQ(it->stage, "ongoing");
  EXPECT_EQ(it->sectors, std::vector<std::string>{"climate_environment"});
}

// "今回の覚書" named after another instrument points back at the page's act:
// the sentence's act is the partnership.
TEST(LexiconJa, ThePagesActNamedAfterAnotherOnlyPointsBack) {
  Extraction x = run(
      "日本とノルウェーが協力覚書\n\n経済産業省は本日、ノルウェー王国貿易産業水産省との間で、水素分野における協力覚書に署名しました。\n\n"
      "日本とノルウェーは2023年12月にグリーン産業に関する戦略的パートナーシップを立ち上げており、今回の覚書はその具体化の一つです。",
      "2024-06-12");
  auto it = std::find_if(x.events.begin(), x.events.end(), [](const Event& e) { return e.date == "2023-12"; });
  ASSERT_NE(it, x.events.end());
  EXPECT_EQ(it->instrument, "strategic_partnership");
}

// A later act of a history in a clause of its own takes the instrument named
// there, however loose, not the MoU named for the earlier acts; and "今回の覚書"
// opening the next sentence points at the page's act, whose sentence is about
// the other instrument it names.
TEST(LexiconJa, LaterActOfAHistoryTakesItsOwnClausesInstrument) {
  Extraction x = run(
      "秋田県とスコットランド政府が覚書を締結\n\n令和7年10月15日\n\n"
      "秋田県は10月14日、スコットランド政府と、洋上風力発電の分野における協力に関する覚書を締結しました。\n\n"
      "両地域は2022年3月に洋上風力分野の協力覚書を交わし、2024年6月には覚書を更新、"
      "2025年4月には大学と研究機関の共同研究を進めることで合意しています。\n\n"
      "また、今回の覚書は、経済産業省と欧州委員会が進める日EUグリーン・アライアンスの下での協力を後押しするものです。",
      "2025-10-15");
  auto at = [&](const std::string& date) {
    return std::find_if(x.events.begin(), x.events.end(), [&](const Event& e) { return e.date == date; });
  };
  ASSERT_NE(at("2022-03"), x.events.end());
  EXPECT_EQ(at("2022-03")->instrument, "memorandum_of_understanding");
  ASSERT_NE(at("2024-06"), x.events.end());
  EXPECT_EQ(at("2024-06")->instrument, "memorandum_of_understanding");
  ASSERT_NE(at("2025-04"), x.events.end());
  EXPECT_NE(at("2025-04")->instrument, "memorandum_of_understanding");
  auto alliance = std::find_if(x.events.begin(), x.events.end(), [](const Event& e) {
    return party_keys(e) == std::vector<std::string>{"EU", "JP"};
  });
  ASSERT_NE(alliance, x.events.end());
  EXPECT_EQ(alliance->instrument, "strategic_partnership");
}

// A signatory named in katakana is found by the name as the text writes it
// (the table spells "アラン・マクドナルド" Alan MacDonald; no reading does).
TEST(LexiconJa, SignatoriesAreFoundAsTheTextWritesThem) {
  Extraction x = run("覚書を締結\n\n秋田県は10月14日、スコットランド政府と洋上風力に関する覚書を締結しました。"
                     "覚書には高橋誠知事と、スコットランド政府のアラン・マクドナルド・エネルギー担当大臣が署名しました。",
                     "2025-10-15");
  ASSERT_FALSE(x.events.empty());
  std::vector<std::string> names;
  for (const Signatory& s : x.events[0].signatories) names.push_back(s.name);
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"Alan MacDonald", "Makoto Takahashi"}));
}

// Capitals in katakana name their states where every place named is one.
TEST(LexiconJa, CapitalsInKatakanaNameTheirStates) {
  Extraction x = run("見出し\n\n2025年3月14日\n\nマドリードと東京は13日、水素に関する協力覚書に署名した。", "2025-03-14");
  ASSERT_FALSE(x.events.empty());
  EXPECT_EQ(party_keys(x.events[0]), (std::vector<std::string>{"ES", "JP"}));
  // A group of states is one party.
  Extraction y = run("見出し\n\n2025年3月14日\n\n日本は2024年に北欧諸国と海運に関する共同声明に署名した。", "2025-03-14");
  ASSERT_FALSE(y.events.empty());
  EXPECT_EQ(party_keys(y.events[0]), (std::vector<std::string>{"JP", "Nordic countries"}));
}

// A short katakana place name inside a longer katakana word is a piece of
// that word: "ボー" (Vaud) in "ボーエン" (Bowen) is no party; the same name
// written alone still is.
TEST(LexiconJa, ShortKatakanaNamesInsideLongerWordsAreNoPlaces) {
  Extraction x = run("見出し\n\n2025年2月19日\n\n日本とオーストラリアは19日、覚書に署名した。"
                     "ボーエン氏は、覚書が両国の役に立つとの考えを示した。", "2025-02-19");
  for (const Event& e : x.events) {
    EXPECT_EQ(party_keys(e), (std::vector<std::string>{"AU", "JP"}));
  }
  Extraction y = run("見出し\n\n2025年2月19日\n\n長野県は19日、スイスのボー州と観光に関する覚書に署名した。", "2025-02-19");
  ASSERT_FALSE(y.events.empty());
  EXPECT_EQ(party_keys(y.events[0]), (std::vector<std::string>{"CH-VD", "JP-20"}));
}

// "共同声明も発表した": a joint statement too, another act than the memorandum
// told before it on the same day; and the sentence after a signed act that
// only says who signed names that act's signatories.
TEST(LexiconJa, AnotherActTooAndItsSignersInTheNextSentence) {
  Extraction x = run("見出し\n\n2025年2月19日\n\n経済産業省は19日、ノルウェー政府と洋上風力に関する協力覚書を交わした。"
                     "齋藤健経済産業大臣とノルウェーのテリエ・オースラン石油・エネルギー大臣が東京都内で署名した。"
                     "両政府は同日、水素に関する共同声明も発表した。", "2025-02-19");
  ASSERT_EQ(x.events.size(), 2u);
  EXPECT_EQ(x.events[0].instrument, "memorandum_of_understanding");
  EXPECT_EQ(x.events[1].instrument, "joint_declaration");
  std::vector<std::string> signers;
  for (const auto& sg : x.events[0].signatories) signers.push_back(sg.name);
  EXPECT_NE(std::find(signers.begin(), signers.end(), "Ken Saito"), signers.end());
}

// A person the person_name table names ("ボーエン氏") is a speaker like any
// other: quoted directly or by "との考えを示した".
TEST(LexiconJa, TableNamesAreSpeakersToo) {
  for (const char* statement : {"ボーエン氏は「覚書は両国の成長につながる」と述べた。",
                                "ボーエン氏は、覚書が両国の成長につながるとの考えを示した。"}) {
    Extraction x = run(std::string("見出し\n\n2025年2月19日\n\n日本とオーストラリアは19日、覚書に署名した。") + statement,
                       "2025-02-19");
    auto it = std::find_if(x.people.begin(), x.people.end(), [](const Person& p) { return p.name == "Bowen"; });
    ASSERT_NE(it, x.people.end()) << statement;
    EXPECT_TRUE(it->quoted) << statement;
  }
}

// A company release's header names the company's head in parentheses that
// define its short name ("以下「当社」"): a description, not a signatory.
TEST(LexiconJa, TheHeadInACompanysHeaderIsNoSignatory) {
  Extraction x = run("見出し\n\n2025年9月3日\n\n日本郵船株式会社（本社：東京都千代田区、代表取締役社長：曽我貴也、以下「当社」）は、"
                     "9月2日、ノルウェーのエクイノールと基本合意書を締結しました。", "2025-09-03");
  ASSERT_FALSE(x.events.empty());
  EXPECT_TRUE(x.events[0].signatories.empty());
}

// "医療機器産業及び関連技術開発": the related technologies are the medical
// devices', no research sector of their own.
TEST(LexiconJa, RelatedTechnologiesAreTheSectorNamedBefore) {
  Extraction x = run("覚書を締結\n\n福島県とNRW州は2014年9月に医療機器産業及び関連技術開発の分野における連携に関する覚書を締結しました。");
  ASSERT_FALSE(x.events.empty());
  EXPECT_EQ(x.events[0].sectors, (std::vector<std::string>{"medical_technology"}));
}

// (Neubaur, who renewed it too, by her katakana name as written.)
TEST(LexiconJa, SignatoriesAreFoundByTheirReading) {
  Extraction x = run("覚書を更新\n\n2023年4月26日、内堀雅雄福島県知事とNRW州のノイバウアー氏が覚書を更新した。");
  ASSERT_FALSE(x.events.empty());
  std::vector<std::string> names;
  for (const Signatory& s : x.events[0].signatories) names.push_back(s.name);
  EXPECT_EQ(names, (std::vector<std::string>{"Masao Uchibori", "Neubaur"}));
}

// The contract writes names in Latin letters: a katakana foreign name has no
// reliable Latin spelling ("ノイバウアー" is Neubaur): one the person_name
// table lists gets its own spelling (the full name, or the surname alone as
// written), any other is left out rather than guessed or given in katakana.
TEST(LexiconJa, KatakanaNamesAreSpelledFromTheTableOrLeftOut) {
  struct NameRow {
    const char* text;
    std::vector<std::string> names;
  };
  const NameRow rows[] = {
      {"署名\n\n覚書にはNRW州のモナ・ノイバウアー経済・産業・気候保護・エネルギー大臣が署名しました。", {"Mona Neubaur"}},
      {"NRW州の大臣\n\nNRW州のノイバウアー氏は「福島との協力を続けたい」と語った。", {"Neubaur"}},
      // The surname alone after the full name is the same person.
      {"署名\n\nNRW州のモナ・ノイバウアー大臣が署名しました。ノイバウアー氏は「協力を続けたい」と語った。", {"Mona Neubaur"}},
      {"会談\n\n世耕大臣とミーガン・ウッズ大臣が水素に関する協力覚書に署名した。", {"Megan Woods"}},
      // MeCab cuts the name in running text (ミー|ガン|ウッズ) otherwise than
      // alone: the written form still finds the full row, not its surname.
      {"会談\n\n同日にミーガン・ウッズ・ニュージーランドビジネス・イノベーション・雇用省大臣が覚書に署名した。",
       {"Megan Woods"}},
      // The page's own Latin form in parentheses spells a name the table lacks.
      {"署名式\n\nノルウェー側からヨハン・ベルグ（Johan Berg）貿易産業水産副大臣が出席しました。", {"Johan Berg"}},
      {"署名式\n\nノルウェー側からヨハン・ベルグ(Johan Berg)副大臣が出席しました。", {"Johan Berg"}},
      // A surname row does not make a full name the table lacks.
      {"会談\n\nNRW州のハンス・ノイバウアー氏は「協力を続けたい」と語った。", {}},
      // Not in the table: left out.
      {"NRW州の大臣\n\nNRW州のシュミットバウアー氏は「福島との協力を続けたい」と語った。", {}},
  };
  for (const NameRow& r : rows) {
    SCOPED_TRACE(r.text);
    Extraction x = run(r.text);
    std::vector<std::string> latin;
    for (const Person& p : x.people) {
      EXPECT_NE(p.name.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ"), std::string::npos) << p.name;
      if (p.name != "Seko") latin.push_back(p.name);
    }
    EXPECT_EQ(latin, r.names);
  }
}

// Foreign names the person_name table lacks are spelled from their parts
// (name_part.tsv) when every part is a row, in the spelling of the country
// the sentence names for the person; else left out. Katakana places and
// organizations stay no people.
TEST(LexiconJa, KatakanaNamesAreSpelledFromTheirParts) {
  struct NameRow {
    const char* text;
    std::vector<std::string> names;
  };
  const NameRow rows[] = {
      // A role after the name, the country before it.
      {"署名式\n\nノルウェー側からヨハン・ベルグ貿易産業水産副大臣が出席しました。", {"Johan Berg"}},
      // The same parts for a German: Johann, Berg.
      {"署名式\n\nドイツ側からヨハン・ベルグ経済大臣が出席しました。", {"Johann Berg"}},
      // No country named: the row without countries.
      {"会談\n\nピーター・スミス氏は「協力を続けたい」と述べた。", {"Peter Smith"}},
      // ブラウン is Braun in Germany, Brown elsewhere.
      {"会談\n\nNRW州のユリア・ブラウン氏は「協力を続けたい」と語った。", {"Julia Braun"}},
      {"会談\n\n英国のジェームズ・ブラウン大臣が覚書に署名した。", {"James Brown"}},
      // Surname particles stay lower case.
      {"会談\n\nオランダのヤン・デ・ヨング氏は「協力を続けたい」と語った。", {"Jan de Jong"}},
      // The surname alone afterwards is the same person; alone it is no one.
      {"署名式\n\nノルウェーのヨハン・ベルグ副大臣が出席しました。ベルグ氏は「協力を続けたい」と述べた。",
       {"Johan Berg"}},
      {"会談\n\nノルウェーのベルグ氏は「協力を続けたい」と述べた。", {}},
      // A double given name: its own row, else its halves joined with "-";
      // never its second half alone.
      {"署名\n\nフランスのジャン＝ピエール・マルタン大臣が覚書に署名した。", {"Jean-Pierre Martin"}},
      {"会談\n\nフランスのジャン＝ミシェル・ベルナール氏は「協力を続けたい」と語った。", {"Jean-Michel Bernard"}},
      {"署名\n\nフランスのヤニック＝ピエール・マルタン大臣が覚書に署名した。", {}},
      // A space for the "・", half or full width.
      {"署名式\n\nノルウェー側からヨハン ベルグ貿易産業水産副大臣が出席しました。", {"Johan Berg"}},
      {"署名式\n\nノルウェー側からヨハン　ベルグ貿易産業水産副大臣が出席しました。", {"Johan Berg"}},
      // A name joined to its title by "・" ends where the title begins.
      {"署名\n\n英国スコットランド政府のアラン・マクドナルド・エネルギー担当大臣が覚書に署名した。", {"Alan MacDonald"}},
      // A part without a row: left out, not transliterated.
      {"会談\n\nNRW州のヨハン・シュミットバウアー氏は「協力を続けたい」と語った。", {}},
      // Katakana places and companies are no people, even before a role
      // or an honorific.
      {"会談\n\nノルウェー大臣が覚書に署名した。", {}},
      {"会談\n\nエクイノール社長は「協力を続けたい」と述べた。", {}},
      {"会談\n\nエクイノール・ノルウェー社長が覚書に署名した。", {}},
  };
  for (const NameRow& r : rows) {
    SCOPED_TRACE(r.text);
    Extraction x = run(r.text);
    std::vector<std::string> names;
    for (const Person& p : x.people) names.push_back(p.name);
    EXPECT_EQ(names, r.names);
  }
}

// The name_part table: katakana phrases, Latin labels, ISO country codes;
// no phrase names an actor (a country or company in katakana would turn
// into a person's name part) and none repeats a label.
TEST(LexiconJa, NamePartTable) {
  // Katakana U+30A0..U+30FF (UTF-8 E3 82 A0 .. E3 83 BF), and "＝" between
  // the parts of a double given name.
  auto katakana = [](const std::string& w) {
    if (w.empty() || w.size() % 3 != 0) return false;
    for (std::size_t i = 0; i < w.size(); i += 3) {
      const auto b0 = static_cast<unsigned char>(w[i]), b1 = static_cast<unsigned char>(w[i + 1]),
                 b2 = static_cast<unsigned char>(w[i + 2]);
      const bool kana = b0 == 0xE3 && ((b1 == 0x82 && b2 >= 0xA0) || b1 == 0x83);
      if (!kana && w.compare(i, 3, "＝") != 0) return false;
    }
    return true;
  };
  const auto& f = test_util::lexicon_fixture();
  ASSERT_TRUE(f.lexicon);
  auto tsv = read_tsv(std::filesystem::path(PACTUM_TEST_DATA_DIR) / "lexicon/ja/name_part.tsv");
  ASSERT_TRUE(tsv.is_ok()) << tsv.status().to_string();
  EXPECT_GT(tsv->size(), 300u);
  std::set<std::pair<std::string, std::string>> seen;
  for (const TsvRow& r : *tsv) {
    SCOPED_TRACE(std::to_string(r.line) + ": " + r.at(0) + " " + r.at(1));
    EXPECT_TRUE(seen.insert({r.at(0), r.at(1)}).second) << "repeated row";
    EXPECT_NE(r.at(0).find_first_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"), std::string::npos);
    EXPECT_TRUE(katakana(r.at(1))) << "not katakana";
    for (std::size_t at = 0; at < r.at(2).size(); at += 3) {
      const std::string code = r.at(2).substr(at, 2);
      EXPECT_TRUE(code.size() == 2 && std::isupper(static_cast<unsigned char>(code[0])) &&
                  std::isupper(static_cast<unsigned char>(code[1])))
          << r.at(2);
    }
    for (const Alias& a : f.gazetteer.aliases()) {
      if ((a.lang.empty() || a.lang == "ja") && a.surface == r.at(1)) ADD_FAILURE() << "names actor " << a.surface;
    }
  }
  for (const char* place : {"ノルウェー", "エクイノール", "フランス", "ドイツ", "ロンドン"}) {
    EXPECT_EQ(f.lexicon->name_part("ja", place, ""), nullptr) << place;
  }
  // The country picks the spelling; without one, the row without countries.
  auto part = [&](const char* written, const char* country) {
    const std::string* latin = f.lexicon->name_part("ja", written, country);
    return latin ? *latin : std::string("<none>");
  };
  EXPECT_EQ(part("ヨハン", "NO"), "Johan");
  EXPECT_EQ(part("ヨハン", "DE"), "Johann");
  EXPECT_EQ(part("ヨハン", ""), "Johan");
  EXPECT_EQ(part("ブラウン", "AT"), "Braun");
  EXPECT_EQ(part("ブラウン", "US"), "Brown");
  EXPECT_EQ(part("ブラウン", ""), "Brown");
  EXPECT_EQ(part("ステファン", "FR"), "Stéphane");
  EXPECT_EQ(part("ステファン", "SE"), "Stefan");
}

// Japanese names MeCab misreads (世耕 "Yoko", 誠太郎 "Makototaro") are
// spelled by the person_name table, matched by their kanji with or without
// a space or furigana between surname and given name; a name whose given
// name's furigana are cut off is kept only if the table has it.
TEST(LexiconJa, MisreadJapaneseNamesAreSpelledFromTheTable) {
  struct NameRow {
    const char* text;
    std::vector<std::string> names;
  };
  const NameRow rows[] = {
      {"会談\n\n同日に世耕大臣が覚書に署名した。", {"Seko"}},
      {"出席者\n\n福岡県知事 服部誠太郎", {"Seitaro Hattori"}},
      {"出席者\n\n福岡県知事 服部 誠太郎", {"Seitaro Hattori"}},
      {"出席者\n\n福岡県知事 服部(はっとり) 誠太郎(せいたろう)", {"Seitaro Hattori"}},
      {"出席者\n\n福岡県知事 服部(はっとり) 誠太郎(せい", {"Seitaro Hattori"}},
      // Cut off and not in the table: left out, not read "Makoto".
      {"出席者\n\n福岡県知事 服部(はっとり) 誠(せ", {}},
      // Read right by MeCab: no row needed.
      {"覚書更新\n\n内堀雅雄福島県知事は「協力を深めたい」と述べた。", {"Masao Uchibori"}},
  };
  for (const NameRow& r : rows) {
    SCOPED_TRACE(r.text);
    Extraction x = run(r.text);
    std::vector<std::string> names;
    for (const Person& p : x.people) names.push_back(p.name);
    EXPECT_EQ(names, r.names);
  }
}

}  // namespace
}  // namespace pactum::extract
