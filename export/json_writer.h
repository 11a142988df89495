// The output contract's JSON document (schema "decltab/1") from a
// Declaration. Amounts are JSON numbers in 元 printed with exactly two
// decimals ("1250000.00"); the contract's fields come in the contract's
// order, followed by extras (scope of a check, the cell of a line, warnings).
#ifndef DECLTAB_EXPORT_JSON_WRITER_H_
#define DECLTAB_EXPORT_JSON_WRITER_H_

#include <string>

#include <nlohmann/json.hpp>

#include "core/declaration.h"
#include "core/status.h"

namespace decltab::exporter {

// The document as a JSON value. Amounts are doubles of 元 (fen / 100; exact
// to the fen below 2^53 fen, about 9×10^13 元); counts are integers.
nlohmann::ordered_json ToContractJson(const Declaration& declaration);

// Serializes like json.dump(2), except that money fields (see kMoneyKeys in
// json_writer.cc) print with two decimals. Invalid UTF-8 in strings is
// replaced by U+FFFD rather than thrown. Ends with a newline.
std::string DumpContractJson(const nlohmann::ordered_json& document);

// ToContractJson + DumpContractJson.
std::string ContractJsonText(const Declaration& declaration);

// Writes the document to `path` atomically (temp file, fsync, rename); on
// failure nothing is left at `path` or beside it.
Status WriteJson(const Declaration& declaration, const std::string& path);

}  // namespace decltab::exporter

#endif  // DECLTAB_EXPORT_JSON_WRITER_H_
