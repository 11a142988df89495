// The CSV and JSON writers (export/csv_writer.h, export/json_writer.h) on
// arbitrary text in every kind of field a document supplies: a project's
// name, department and goal, a budget line's group, item and raw row, a
// warning, the title. The bytes are split at 0xFF into those fields.
// Properties: every CSV parses back (RFC 4180) into rows of its header's
// width, each field as written (after the formula guard's leading "'"); no
// field a spreadsheet would run as a formula is left unguarded; the JSON
// parses, and a field that was valid UTF-8 reads back unchanged.
#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/utf8.h"
#include "export/csv_writer.h"
#include "export/json_writer.h"
#include "fuzz/fuzz_check.h"

namespace {

using namespace decltab;
using namespace decltab::exporter;

// RFC 4180 records of `text` (CRLF line ends, a UTF-8 BOM allowed), or
// false when it is not well formed.
bool ParseCsv(std::string_view text, std::vector<std::vector<std::string>>* rows) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<std::string> row;
  std::string field;
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '"') {
      ++i;
      for (;;) {
        if (i >= text.size()) return false;
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        field += text[i++];
      }
    } else {
      while (i < text.size() && text[i] != ',' && text[i] != '\r') {
        if (text[i] == '"' || text[i] == '\n') return false;
        field += text[i++];
      }
    }
    if (i < text.size() && text[i] == ',') {
      row.push_back(std::move(field));
      field.clear();
      ++i;
    } else if (text.substr(i, 2) == "\r\n") {
      row.push_back(std::move(field));
      field.clear();
      rows->push_back(std::move(row));
      row.clear();
      i += 2;
    } else {
      return false;
    }
  }
  return row.empty() && field.empty();
}

// Valid UTF-8 without controls: what must read back from the JSON as is.
bool IsPlainText(const std::string& s) { return EscapeControls(s) == s; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::vector<std::string> parts(8);
  size_t k = 0;
  for (size_t i = 0; i < size; ++i) {
    if (data[i] == 0xFF) {
      if (++k == parts.size()) break;
      continue;
    }
    parts[k] += static_cast<char>(data[i]);
  }

  Declaration d;
  d.file = "fuzz.pdf";
  d.page_count = 1;
  d.title = parts[6];
  d.warnings.push_back(parts[5]);
  Project p;
  p.name = parts[0];
  p.department = parts[1];
  p.overall_goal = parts[2];
  p.pages = {1};
  BudgetLine line;
  line.group = parts[3];
  line.item = parts[4];
  line.raw = parts[7];
  line.amount.value = Fen::FromYuan(-5);
  p.budget_lines.push_back(line);
  d.projects.push_back(p);

  for (bool bom : {false, true}) {
    CsvOptions options;
    options.excel_bom = bom;
    for (const CsvFile& file : ToCsvFiles(d, options)) {
      std::vector<std::vector<std::string>> rows;
      FUZZ_CHECK(ParseCsv(file.content, &rows));
      FUZZ_CHECK(!rows.empty());
      for (const std::vector<std::string>& row : rows) {
        FUZZ_CHECK(row.size() == rows[0].size());
        for (const std::string& field : row)
          FUZZ_CHECK(field.empty() ||
                     std::string_view("=+-@\t\r").find(field[0]) == std::string_view::npos ||
                     IsPlainNumber(field));
      }
      if (file.name == "projects.csv") {
        FUZZ_CHECK(rows.size() == 2);
        const std::string& name = rows[1][1];
        FUZZ_CHECK(name == p.name || name == "'" + p.name);
      }
    }
  }

  const std::string json_text = ContractJsonText(d);
  nlohmann::json json = nlohmann::json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  FUZZ_CHECK(!json.is_discarded());
  if (IsPlainText(p.name)) FUZZ_CHECK(json["projects"][0]["name"] == p.name);
  return 0;
}
