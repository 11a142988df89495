// Reads a contract JSON document (export/json_writer.h) back into a
// Declaration, so `decltab review` and `decltab correct` work from an
// extraction's output without the PDF. The optional fields that carry each
// figure's source and precision (amount_read, funds_read, ...) are used when
// present; without them a figure gets its amount, page, cell and confidence,
// and a precision of 1 fen.
#ifndef DECLTAB_EXPORT_JSON_READER_H_
#define DECLTAB_EXPORT_JSON_READER_H_

#include <nlohmann/json.hpp>
#include <string>

#include "core/declaration.h"
#include "core/result.h"

namespace decltab::exporter {

// kInvalidInput when the document is not decltab/1 JSON or a field has the
// wrong type; the message names the field ("projects[2].funds.total").
Result<Declaration> FromContractJson(const nlohmann::ordered_json& document);

// Reads and parses `path`; errors name the file.
Result<Declaration> ReadContractJson(const std::string& path);

}  // namespace decltab::exporter

#endif  // DECLTAB_EXPORT_JSON_READER_H_
