// Publication dates as sources write them, reduced to YYYY-MM-DD / YYYY-MM / YYYY.
#include <gtest/gtest.h>

#include "ingest/formats.h"

namespace pactum::ingest::internal {
namespace {

TEST(NormalizeDate, Table) {
  struct Row { const char* in; const char* want; } rows[] = {
      // ISO 8601, as in HTML metadata and Atom
      {"2024-05-03", "2024-05-03"},
      {"2024-05-03T08:00:00+02:00", "2024-05-03"},
      {"2024-05-03T23:30:00-08:00", "2024-05-03"},  // as written: no time-zone shift
      {"2024-05-03 10:00", "2024-05-03"},
      {"2024/5/3", "2024-05-03"},
      {"20240503", "2024-05-03"},
      {"2024-05", "2024-05"},
      {"2024", "2024"},
      {"  2024-05-03  ", "2024-05-03"},
      // RFC 822, as in RSS
      {"Fri, 03 May 2024 08:00:00 GMT", "2024-05-03"},
      {"Tue, 10 Jun 03 04:00:00 +0000", "2003-06-10"},
      {"3 May 2024", "2024-05-03"},
      // Free forms, as in JSONL exports, in the sources' languages
      {"May 3, 2024", "2024-05-03"},
      {"September 2023", "2023-09"},
      {"3. mai 2024", "2024-05-03"},
      {"17. desember 2023", "2023-12-17"},
      {"3. März 2024", "2024-03-03"},
      {"03.05.2024", "2024-05-03"},
      {"25/12/2024", "2024-12-25"},
      {"12/25/2024", "2024-12-25"},
      {"2024年5月3日", "2024-05-03"},
      {"2024年5月", "2024-05"},
      // Not dates, or impossible ones
      {"", ""},
      {"sometime soon", ""},
      {"03/05/2024", ""},  // day or month first? unknowable
      {"2024-02-30", ""},
      {"2023-13-01", ""},
      {"1066-10-14", ""},  // outside the years a press release is from
      {"2024 results", ""},
      {"May", ""},
  };
  for (const Row& r : rows) EXPECT_EQ(normalize_date(r.in), r.want) << r.in;
}

TEST(NormalizeDate, LeapDay) {
  EXPECT_EQ(normalize_date("2024-02-29"), "2024-02-29");
  EXPECT_EQ(normalize_date("2023-02-29"), "");
}

}  // namespace
}  // namespace pactum::ingest::internal
