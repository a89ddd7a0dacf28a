// PDF: a hand-built file (one Helvetica text object per page, a correct
// xref) read back as paragraphs, and cut-off or damaged files refused.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>

#include "ingest/reader.h"

namespace pactum::ingest {
namespace {

using ::testing::HasSubstr;

// A minimal PDF 1.4: catalog, page tree, font, info, then a page and its
// content stream per entry of pages (each line drawn below the previous).
// The xref offsets are computed, as poppler checks them.
std::string make_pdf(const std::vector<std::vector<std::string>>& pages, const std::string& title) {
  std::vector<std::string> objects;
  std::string kids;
  for (std::size_t i = 0; i < pages.size(); ++i) kids += std::to_string(5 + 2 * i) + " 0 R ";
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>");
  objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  objects.push_back(title.empty() ? "<< >>" : "<< /Title (" + title + ") >>");
  for (std::size_t i = 0; i < pages.size(); ++i) {
    std::string content = "BT /F1 11 Tf 14 TL 72 720 Td\n";
    for (const std::string& line : pages[i]) content += "(" + line + ") Tj T*\n";
    content += "ET";
    objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >>"
                      " /Contents " + std::to_string(6 + 2 * i) + " 0 R >>");
    objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream");
  }
  std::string pdf = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t offset : offsets) {
    char entry[24];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
    pdf += entry;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R /Info 4 0 R >>\n";
  pdf += "startxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

// Two pages under a running header and over a footer with the page number;
// a hyphenated word, a hyphenated compound and a sentence across the break.
const std::vector<std::vector<std::string>> kPages = {
    {"PRESS RELEASE",
     "",
     "Equinor and JERA sign agreement",
     "",
     "Oslo, 3 May 2024. Equinor and JERA today signed a memorandum on Koopera-",
     "tion in floating offshore wind, covering projects in Japan and Norway and a",
     "joint study of supply chains for the Norway-",
     "Japan corridor.",
     "",
     "The agreement runs for three years and covers research, pilot projects and",
     "",
     "Example Energy ASA, Oslo",
     "Page 1 of 2"},
    {"PRESS RELEASE",
     "training of engineers in both countries.",
     "",
     "About Equinor",
     "Equinor is an international energy company with offices in Troms\\370.",
     "Example Energy ASA, Oslo",
     "2"},
};

TEST(Pdf, PagesBecomeParagraphs) {
  Result<std::vector<Document>> docs = read_bytes(make_pdf(kPages, "Equinor and JERA sign agreement"), "release.pdf");
  ASSERT_TRUE(docs.is_ok()) << docs.status().to_string();
  ASSERT_EQ(docs->size(), 1u);
  const Document& doc = docs->front();
  EXPECT_EQ(doc.title, "Equinor and JERA sign agreement");
  EXPECT_EQ(doc.format, Format::kPdf);
  EXPECT_EQ(doc.text,
            "Equinor and JERA sign agreement\n\n"
            "Oslo, 3 May 2024. Equinor and JERA today signed a memorandum on Kooperation in floating "
            "offshore wind, covering projects in Japan and Norway and a joint study of supply chains "
            "for the Norway-Japan corridor.\n\n"
            "The agreement runs for three years and covers research, pilot projects and training of "
            "engineers in both countries.\n\n"
            "About Equinor\n\n"
            "Equinor is an international energy company with offices in Troms\xC3\xB8.");
}

TEST(Pdf, ToolDefaultTitlesAreDropped) {
  Result<std::vector<Document>> docs = read_bytes(make_pdf(kPages, "Microsoft Word - release.docx"), "r.pdf");
  ASSERT_TRUE(docs.is_ok()) << docs.status().to_string();
  EXPECT_EQ(docs->front().title, "");
}

TEST(Pdf, RefusesDamagedFiles) {
  std::string pdf = make_pdf(kPages, "");
  struct Row { std::string bytes; const char* message; } rows[] = {
      {pdf.substr(0, pdf.size() / 2), "truncated PDF"},
      {pdf.substr(0, pdf.size() - 7), "truncated PDF"},  // just the %%EOF line missing
      {"%PDF-1.4\ngarbage that is no PDF at all\n%%EOF\n", "damaged PDF"},
      {make_pdf({{}}, ""), "empty document"},  // a page with no text: a scan
  };
  for (const Row& r : rows) {
    Result<std::vector<Document>> docs = read_bytes(r.bytes, "r.pdf");
    ASSERT_FALSE(docs.is_ok()) << r.message;
    EXPECT_THAT(docs.status().message(), HasSubstr(r.message));
  }
}

TEST(Pdf, TextOverTheDocumentLimitIsRefused) {
  ReadOptions options;
  options.max_document_bytes = 100;
  Result<std::vector<Document>> docs = read_bytes(make_pdf(kPages, ""), "r.pdf", options);
  ASSERT_FALSE(docs.is_ok());
  EXPECT_EQ(docs.status().code(), StatusCode::kResourceExhausted);
}

}  // namespace
}  // namespace pactum::ingest
