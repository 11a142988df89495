// SQL queries over the exported database that the README quotes; tests
// run them against real exports in SQLite and PostgreSQL
// (tests/export/queries_test.cc, tests/export/postgres_database_test.cc).
#ifndef DECLTAB_EXPORT_QUERIES_H_
#define DECLTAB_EXPORT_QUERIES_H_

namespace decltab::exporter {

// "Which projects' budget lines do not add up to their totals?"
// One row per project that has budget lines and a funds total whose lines'
// sum differs from it, exactly in fen: the file, the project's order and
// name, its total, the sum of its lines and the difference (lines - total),
// all in fen. Divide by 100 for 元.
inline constexpr char kProjectsWhoseLinesDoNotAddUp[] = R"sql(
SELECT d.file                            AS file,
       p.seq                             AS project_seq,
       p.name                            AS project,
       p.total_fen                       AS total_fen,
       SUM(b.amount_fen)                 AS lines_fen,
       SUM(b.amount_fen) - p.total_fen   AS delta_fen
FROM projects AS p
JOIN documents AS d ON d.id = p.document_id
JOIN budget_lines AS b ON b.project_id = p.id
WHERE p.total_fen IS NOT NULL
GROUP BY p.id, d.file
HAVING SUM(b.amount_fen) <> p.total_fen
ORDER BY d.file, p.seq;
)sql";

}  // namespace decltab::exporter

#endif  // DECLTAB_EXPORT_QUERIES_H_
