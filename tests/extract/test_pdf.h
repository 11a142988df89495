// Builds tiny PDFs at test time (no committed binaries): a page with a
// CJK text layer, a document without pages, an encrypted one.
#ifndef DECLTAB_TESTS_EXTRACT_TEST_PDF_H_
#define DECLTAB_TESTS_EXTRACT_TEST_PDF_H_

#include <cstdio>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "core/utf8.h"

namespace decltab::extract::testing {

struct TextRun {
  double x, y;  // points from the bottom-left of the page (PDF space)
  double size;  // font size, points; every glyph is 1 em wide
  std::string text;  // UTF-8, BMP only
};

// Assembles objects 1..n into a PDF with a correct xref table.
inline std::string AssemblePdf(const std::vector<std::string>& objects,
                               const std::string& trailer_extra = "") {
  std::string pdf = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) +
         "\n0000000000 65535 f \n";
  for (size_t offset : offsets) {
    char line[32];
    std::snprintf(line, sizeof(line), "%010zu 00000 n \n", offset);
    pdf += line;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R " + trailer_extra + ">>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

// One page of width × height points whose text layer holds `runs`, shown
// with a non-embedded CID font whose codes are the Unicode values (an
// identity ToUnicode map), plus a ruled box so the page is not blank.
inline std::string TextLayerPdf(double width, double height,
                                const std::vector<TextRun>& runs) {
  std::string content = "0 0 0 RG 1 w 10 10 m " + std::to_string(width - 10) +
                        " 10 l S\n";
  std::set<unsigned> high_bytes;
  for (const TextRun& run : runs) {
    std::string hex;
    for (char32_t c : DecodeUtf8(run.text)) {
      char code[8];
      std::snprintf(code, sizeof(code), "%04X", static_cast<unsigned>(c));
      hex += code;
      high_bytes.insert(static_cast<unsigned>(c) >> 8);
    }
    content += "BT /F1 " + std::to_string(run.size) + " Tf " +
               std::to_string(run.x) + " " + std::to_string(run.y) +
               " Td <" + hex + "> Tj ET\n";
  }
  std::string cmap =
      "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> "
      "def\n/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
      "1 begincodespacerange <0000> <FFFF> endcodespacerange\n" +
      std::to_string(high_bytes.size()) + " beginbfrange\n";
  for (unsigned high : high_bytes) {
    char range[64];
    std::snprintf(range, sizeof(range), "<%02X00> <%02XFF> <%02X00>\n", high,
                  high, high);
    cmap += range;
  }
  cmap += "endbfrange endcmap CMapName currentdict /CMap defineresource pop "
          "end end\n";
  auto stream = [](const std::string& data) {
    return "<< /Length " + std::to_string(data.size()) + " >>\nstream\n" +
           data + "\nendstream";
  };
  return AssemblePdf({
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + std::to_string(width) +
          " " + std::to_string(height) +
          "] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
      stream(content),
      "<< /Type /Font /Subtype /Type0 /BaseFont /TestSong /Encoding "
      "/Identity-H /DescendantFonts [6 0 R] /ToUnicode 8 0 R >>",
      "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestSong "
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 "
      ">> /FontDescriptor 7 0 R /DW 1000 >>",
      "<< /Type /FontDescriptor /FontName /TestSong /Flags 4 /FontBBox [0 "
      "-120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 "
      "/StemV 80 >>",
      stream(cmap),
  });
}

inline std::string NoPagesPdf() {
  return AssemblePdf({"<< /Type /Catalog /Pages 2 0 R >>",
                      "<< /Type /Pages /Kids [] /Count 0 >>"});
}

// Standard security handler with a user password: the /U entry cannot
// match the empty password, so readers ask for one.
inline std::string EncryptedPdf() {
  const std::string hash32(64, 'A');  // 32 bytes as hex
  return AssemblePdf(
      {"<< /Type /Catalog /Pages 2 0 R >>",
       "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
       "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] >>",
       "<< /Filter /Standard /V 1 /R 2 /O <" + hash32 + "> /U <" + hash32 +
           "> /P -4 >>"},
      "/Encrypt 4 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> "
      "<0123456789ABCDEF0123456789ABCDEF>] ");
}

inline void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

}  // namespace decltab::extract::testing

#endif  // DECLTAB_TESTS_EXTRACT_TEST_PDF_H_
