// Near-duplicate signatures on our samples: a syndicated copy (new headline,
// dateline and footer, a word changed) scores at or above
// kNearDuplicateSimilarity against its original; different releases below.
#include "kb/near_duplicate.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace pactum::kb {
namespace {

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::filesystem::path> samples() {
  std::vector<std::filesystem::path> out;
  for (const auto& e : std::filesystem::directory_iterator(PACTUM_TEST_DATA_DIR "/samples/docs")) {
    if (e.path().extension() == ".txt") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// What syndication does to a release: another headline and dateline, a
// footer, one word changed.
std::string syndicate(const std::string& text) {
  std::string t = text;
  auto nl = t.find('\n');
  t = "Syndicated: " + t.substr(0, nl) + "\nOSLO (Newswire)\n" + t.substr(nl == std::string::npos ? t.size() : nl);
  if (auto at = t.find(" the "); at != std::string::npos) t.replace(at, 5, " this ");
  return t + "\n\nDistributed by Newswire. All rights reserved.\n";
}

TEST(MinHash, ShortTextsHaveNoSignature) {
  EXPECT_FALSE(signature("Norway and Japan sign a memorandum.", "en").has_value());
}

TEST(MinHash, IsStableAndRoundTrips) {
  // Stored signatures depend on the hash: it must not change between builds.
  std::string t = "Norway and North Rhine-Westphalia signed a memorandum of understanding on hydrogen and "
                  "offshore wind on 5 May 2023. The agreement runs for five years.";
  auto a = signature(t, "en"), b = signature(t, "en");
  ASSERT_TRUE(a && b);
  EXPECT_EQ(*a, *b);
  EXPECT_EQ(similarity(*a, *b), 1.0);
  EXPECT_EQ(decode(encode(*a)), a);
  EXPECT_FALSE(decode("short").has_value());
}

// The stored form is each value's bytes, least significant first, whatever
// the machine (decode copies them whole where that is the native order).
TEST(MinHash, StoredFormIsLittleEndian) {
  std::string bytes;
  for (int k = 0; k < kMinHashes; ++k) {
    for (int i = 0; i < 4; ++i) bytes.push_back(static_cast<char>(k * 4 + i + 1));
  }
  auto s = decode(bytes);
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ((*s)[0], 0x04030201u);
  EXPECT_EQ((*s)[kMinHashes - 1], 0x00fffefdu);  // bytes 253, 254, 255, 256 (0)
}

// The signature as first defined (and stored since): FNV-1a of each joined
// "w1 w2 w3" shingle of the folded words, mixed, then one mix per minimum.
// The fast path (no shingle strings built, tokens shared with the index
// text) must give exactly this.
TEST(MinHash, EqualsTheStoredDefinition) {
  auto mix = [](std::uint64_t h) {
    h += 0x9e3779b97f4a7c15ull;
    h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ull;
    h = (h ^ (h >> 27)) * 0x94d049bb133111ebull;
    return h ^ (h >> 31);
  };
  for (const char* lang : {"en", "ja"}) {
    std::string t = std::string(lang) == "ja"
                        ? "経済産業省とノルウェー石油エネルギー省は２０２３年５月に水素と洋上風力の協力に関する覚書に署名した。"
                          "両国は今後五年間、共同研究と人材交流を進める。福島県も参加する。"
                        : "Norway and North Rhine-Westphalia signed a memorandum of understanding on hydrogen and "
                          "offshore wind on 5 May 2023. The agreement runs for five years, and Équinor joins.";
    std::vector<std::string> words;
    const auto tokens = text::tokenize(t, lang);
    for (const text::Token& tk : tokens) {
      if (tk.is_word) words.push_back(tk.folded);
    }
    ASSERT_GE(words.size(), kMinShingles + 2) << lang;
    Signature want;
    want.fill(UINT32_MAX);
    for (std::size_t i = 0; i + 2 < words.size(); ++i) {
      std::string shingle = words[i] + ' ' + words[i + 1] + ' ' + words[i + 2];
      std::uint64_t h = 14695981039346656037ull;
      for (unsigned char c : shingle) {
        h ^= c;
        h *= 1099511628211ull;
      }
      h = mix(h);
      for (int k = 0; k < kMinHashes; ++k) {
        auto v = static_cast<std::uint32_t>(mix(h ^ (0x5851f42d4c957f2dull * static_cast<std::uint64_t>(k + 1))));
        want[k] = std::min(want[k], v);
      }
    }
    EXPECT_EQ(signature(t, lang), want) << lang;
    EXPECT_EQ(signature_of_tokens(tokens), want) << lang;
  }
}

TEST(MinHash, CopiesAreNearAndDifferentReleasesFar) {
  auto files = samples();
  ASSERT_GE(files.size(), 20u);
  std::vector<Signature> sigs;
  double worst_copy = 1, closest = 0;
  for (const auto& f : files) {
    std::string text = read(f);
    std::string lang = f.filename().string().substr(0, 2);
    auto original = signature(text, lang), copy = signature(syndicate(text), lang);
    ASSERT_TRUE(original && copy) << f;
    double sim = similarity(*original, *copy);
    worst_copy = std::min(worst_copy, sim);
    EXPECT_GE(sim, kNearDuplicateSimilarity) << f.filename();
    // A copy shares at least one LSH band with its original.
    auto a = band_keys(*original), b = band_keys(*copy);
    int shared = 0;
    for (int i = 0; i < kBands; ++i) shared += a[i] == b[i];
    EXPECT_GE(shared, 1) << f.filename();
    sigs.push_back(*original);
  }
  for (std::size_t i = 0; i < sigs.size(); ++i) {
    for (std::size_t j = i + 1; j < sigs.size(); ++j) {
      closest = std::max(closest, similarity(sigs[i], sigs[j]));
      EXPECT_LT(similarity(sigs[i], sigs[j]), kNearDuplicateSimilarity)
          << files[i].filename() << " vs " << files[j].filename();
    }
  }
  std::cout << "lowest copy similarity " << worst_copy << ", highest between releases " << closest << "\n";
}

}  // namespace
}  // namespace pactum::kb

namespace pactum::kb {
namespace {

TEST(MinHash, MostSharedBandsComeFirstAndAreBounded) {
  // 7 shares three bands, 9 two, the rest one; ties go to the newest.
  std::vector<std::int64_t> members{3, 7, 9, 7, 5, 9, 7, 1};
  auto ranked = most_shared_bands(members);
  ASSERT_EQ(ranked.size(), 5u);
  EXPECT_EQ(ranked[0], 7);
  EXPECT_EQ(ranked[1], 9);
  EXPECT_EQ(ranked[2], 5);
  EXPECT_EQ(ranked[3], 3);
  EXPECT_EQ(ranked[4], 1);
  std::vector<std::int64_t> many;
  for (std::int64_t id = 1; id <= 100; ++id) many.push_back(id);
  many.push_back(2);  // shares two bands: first despite its age
  auto bounded = most_shared_bands(many);
  ASSERT_EQ(bounded.size(), kSignatureChecks);
  EXPECT_EQ(bounded[0], 2);
  EXPECT_EQ(bounded[1], 100);
  EXPECT_TRUE(most_shared_bands({}).empty());
}

}  // namespace
}  // namespace pactum::kb
