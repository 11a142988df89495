// Calendar dates as forms write them.
#ifndef DECLTAB_NORMALIZE_DATE_H_
#define DECLTAB_NORMALIZE_DATE_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace decltab::normalize {

// "2023-01-01", "2023-12-3 1" (an OCR space), "2023年1月1日", "2023.1.1",
// "2023/01/01", "20230101" → "YYYY-MM-DD". The whole text must be one date
// (spaces anywhere are ignored); nullopt for anything else, including
// impossible dates such as 2023-02-30.
std::optional<std::string> ParseDate(std::string_view text);

// A period as forms write it in one cell: "2024-01-01至2024-12-31",
// "2024年1月-2024年12月", "2024.01-2024.12", "2024年1月1日~2024年底". Ends
// naming only a month or a year stand for its first day (start) or its last
// (end). nullopt unless both ends read and the end is not before the start.
std::optional<std::pair<std::string, std::string>> ParsePeriod(
    std::string_view text);

}  // namespace decltab::normalize

#endif  // DECLTAB_NORMALIZE_DATE_H_
