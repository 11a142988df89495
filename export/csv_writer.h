// The four CSV tables of the output contract: projects, budget_lines,
// indicators and checks. UTF-8, a header row, RFC 4180 quoting and CRLF
// line ends; one row per JSON object of that kind. Rows link to their
// project by `project_index` (1-based, document order) and `project_name`.
// Amounts are 元 text with two decimals ("1250000.00"); absent values are
// empty fields.
#ifndef DECLTAB_EXPORT_CSV_WRITER_H_
#define DECLTAB_EXPORT_CSV_WRITER_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/declaration.h"
#include "core/status.h"

namespace decltab::exporter {

struct CsvOptions {
  // Start each file with a UTF-8 BOM so that Excel (notably in China, where
  // it otherwise assumes GBK) opens it as UTF-8.
  bool excel_bom = false;
};

struct CsvFile {
  std::string name;     // "projects.csv"
  std::string content;  // the whole file
};

// The four files, in the order projects, budget_lines, indicators, checks.
std::vector<CsvFile> ToCsvFiles(const Declaration& declaration,
                                const CsvOptions& options);

// True for "5", "-5", "+0.5", "-.5": a number a spreadsheet reads as one.
bool IsPlainNumber(std::string_view value);

// Against CSV formula injection (OWASP): a value starting with '=', '+',
// '-', '@', tab or CR that is not a plain number gets a leading "'", so that
// Excel, WPS and LibreOffice show it as text instead of running it.
std::string NeutralizeFormula(std::string_view value);

// One RFC 4180 field of NeutralizeFormula(value): quoted (with doubled
// quotes) when it holds a comma, a quote, CR or LF; as is otherwise.
std::string CsvField(std::string_view value);

// Writes the four files into `dir` as a whole: they are built in a temporary
// sibling directory and renamed into place (replacing an older `dir`). On
// failure nothing new is left behind and an older `dir` is untouched.
Status WriteCsvs(const Declaration& declaration, const std::string& dir,
                 const CsvOptions& options);

}  // namespace decltab::exporter

#endif  // DECLTAB_EXPORT_CSV_WRITER_H_
