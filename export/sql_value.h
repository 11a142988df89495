// A value bound to a statement parameter, shared by the SQLite and the
// PostgreSQL writers (each binds it its own way, never into the SQL text).
#ifndef DECLTAB_EXPORT_SQL_VALUE_H_
#define DECLTAB_EXPORT_SQL_VALUE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <variant>

#include "core/fen.h"

namespace decltab::exporter {

using SqlValue = std::variant<std::nullptr_t, int64_t, double, std::string>;

inline SqlValue OrNull(const std::optional<std::string>& s) {
  return s ? SqlValue(*s) : SqlValue(nullptr);
}
inline SqlValue OrNull(const std::optional<Fen>& f) {
  return f ? SqlValue(f->count()) : SqlValue(nullptr);
}
inline SqlValue OrNull(const std::optional<int>& i) {
  return i ? SqlValue(static_cast<int64_t>(*i)) : SqlValue(nullptr);
}

}  // namespace decltab::exporter

#endif  // DECLTAB_EXPORT_SQL_VALUE_H_
