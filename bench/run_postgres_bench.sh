#!/usr/bin/env bash
# PostgreSQL against SQLite as the database of a batch (not part of the tests).
# Usage: bench/run_postgres_bench.sh [DOCUMENTS]   (default 10)
#  1. `decltab batch` over DOCUMENTS born-digital declarations (distinct copies
#     of testdata/variant-{a,b}.pdf) into a SQLite file, then into a private
#     PostgreSQL server (fsync on, Unix socket): wall time of each;
#  2. loading the extracted rows alone: `decltab merge` of that batch's SQLite
#     database into a new SQLite file and into a new PostgreSQL database,
#     best of 5: rows per second.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/bootstrap.sh >/dev/null
documents="${1:-10}"
work=$(mktemp -d)
chmod 755 "$work"  # the server runs as nobody (tests/postgres_cluster.sh)
pg="$work/pg"
trap 'tests/postgres_cluster.sh stop "$pg"; rm -rf "$work"' EXIT
DECLTAB_PG_FSYNC=on tests/postgres_cluster.sh start "$pg" >/dev/null
uri() { echo "postgresql:///$1?host=$pg&user=decltab"; }
psql_q() { PGOPTIONS="-c client_min_messages=warning" psql -qAt "$(uri postgres)" -c "$1"; }

mkdir -p "$work/in"
for i in $(seq 1 "$documents"); do
  src=testdata/variant-$([ $((i % 2)) -eq 0 ] && echo a || echo b).pdf
  { cat "$src"; echo "% copy $i"; } >"$work/in/doc-$i.pdf"
done
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "corpus: $documents born-digital declarations, $(for f in "$work"/in/*.pdf; do pdfinfo "$f" | awk '/^Pages:/ {print $2}'; done | paste -sd+ | bc) pages"

seconds() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s.%N); echo "$t1 - $t0" | bc -l; }

psql_q "CREATE DATABASE batch"
s_sqlite=$(seconds build/decltab -q batch "$work/in" -o "$work/out1" --db "$work/batch.db" -j 2)
s_pg=$(seconds build/decltab -q batch "$work/in" -o "$work/out2" --db "$(uri batch)" -j 2)
[ "$(psql -qAt "$(uri batch)" -c "SELECT count(*) FROM documents WHERE status = 'done'")" = \
  "$(sqlite3 "$work/batch.db" "SELECT count(*) FROM documents WHERE status = 'done'")" ] ||
  { echo "batch into PostgreSQL incomplete" >&2; exit 1; }
printf "batch into SQLite:     %6.2f s\n" "$s_sqlite"
printf "batch into PostgreSQL: %6.2f s\n" "$s_pg"

rows=$(sqlite3 "$work/batch.db" "SELECT (SELECT count(*) FROM documents) + (SELECT count(*) FROM projects) +
  (SELECT count(*) FROM budget_lines) + (SELECT count(*) FROM indicators) + (SELECT count(*) FROM checks)")
best_sqlite=999 best_pg=999
for run in 1 2 3 4 5; do
  rm -f "$work/load.db"
  build/decltab merge "$work/load.db" /dev/null >/dev/null 2>&1 || true  # creates the schema, then fails on /dev/null
  t=$(seconds build/decltab merge "$work/load.db" "$work/batch.db")
  best_sqlite=$(echo "if ($t < $best_sqlite) $t else $best_sqlite" | bc -l)
  psql_q "DROP DATABASE IF EXISTS load$run" && psql_q "CREATE DATABASE load$run"
  build/decltab merge "$(uri load$run)" /dev/null >/dev/null 2>&1 || true  # creates the schema, then fails on /dev/null
  t=$(seconds build/decltab merge "$(uri load$run)" "$work/batch.db")
  best_pg=$(echo "if ($t < $best_pg) $t else $best_pg" | bc -l)
done
[ "$(psql -qAt "$(uri load1)" -c 'SELECT count(*) FROM budget_lines')" = \
  "$(sqlite3 "$work/batch.db" 'SELECT count(*) FROM budget_lines')" ] || { echo "load incomplete" >&2; exit 1; }
printf "load %d rows into SQLite:     %6.3f s  %7.0f rows/s\n" "$rows" "$best_sqlite" "$(echo "$rows / $best_sqlite" | bc -l)"
printf "load %d rows into PostgreSQL: %6.3f s  %7.0f rows/s\n" "$rows" "$best_pg" "$(echo "$rows / $best_pg" | bc -l)"
