// Unusable inputs built on the fly: each is one way a file in an archive
// can fail to be a declaration decltab can read.
#ifndef DECLTAB_TESTS_E2E_BAD_FILES_H_
#define DECLTAB_TESTS_E2E_BAD_FILES_H_

#include <string>
#include <vector>

namespace decltab::e2e {

// A one-page PDF with `content` as its page's content stream (Helvetica as
// /F1) and `trailer_extra` added to the trailer. Poppler rebuilds the
// missing cross-reference table.
inline std::string OnePagePdf(const std::string& media_box, const std::string& content,
                              const std::string& trailer_extra = "") {
  return "%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n"
         "2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj\n"
         "3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[" + media_box +
         "]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>> endobj\n"
         "4 0 obj <</Length " + std::to_string(content.size()) + ">> stream\n" + content +
         "\nendstream endobj\n"
         "5 0 obj <</Type/Font/Subtype/Type1/BaseFont/Helvetica>> endobj\n"
         "trailer <</Root 1 0 R" + trailer_extra + ">>\n%%EOF\n";
}

struct BadFile {
  std::string name;
  std::string bytes;
  std::string reason;  // what the log line and the failed row must say
};

inline std::vector<BadFile> BadFiles() {
  const std::string a4 = "0 0 595 842";
  // A ruled 2x2 table with a word in it: a table, but no declaration.
  const std::string table =
      "2 w 72 500 450 200 re S 72 600 m 522 600 l S 297 500 m 297 700 l S "
      "BT /F1 14 Tf 80 650 Td (Name) Tj ET";
  // An 8x8 white image over the page: what a scanner makes of a blank sheet.
  const std::string white_image =
      "q 595 0 0 842 0 0 cm BI /W 8 /H 8 /CS /G /BPC 8 ID " + std::string(64, '\xff') +
      " EI Q";
  // Standard security handler with a user password: cannot be opened.
  const std::string encrypt =
      "/Encrypt<</Filter/Standard/V 1/R 2/P -4"
      "/O<00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff>"
      "/U<ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100>>>"
      "/ID[<0123456789abcdef0123456789abcdef><0123456789abcdef0123456789abcdef>]";
  return {
      {"notes.pdf", "minutes of the budget meeting, typed as plain text\n", "not a PDF or image"},
      {"empty.pdf", "", "empty file"},
      {"cut.pdf", "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R", "damaged PDF"},
      {"locked.pdf", OnePagePdf(a4, "", encrypt), "encrypted PDF"},
      {"zero-pages.pdf",
       "%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n"
       "2 0 obj <</Type/Pages/Kids[]/Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n",
       "PDF has no pages"},
      // 20000 pt square (7 m, 83000 pixels a side at 300 dpi) holding the
      // table below drawn 30 times larger: under the pixel cap only at 27
      // dpi, where nothing can be read.
      {"huge-page.pdf", OnePagePdf("0 0 20000 20000", "30 0 0 30 0 0 cm " + table),
       "page too large to render"},
      {"no-tables.pdf",
       OnePagePdf(a4, "BT /F1 24 Tf 72 700 Td (Meeting notes, not a declaration) Tj ET"),
       "no table"},
      {"other-table.pdf", OnePagePdf(a4, table), "no project form"},
      {"blank-scan.pdf", OnePagePdf(a4, white_image), "blank"},
  };
}

}  // namespace decltab::e2e

#endif  // DECLTAB_TESTS_E2E_BAD_FILES_H_
