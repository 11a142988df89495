#!/usr/bin/env bash
# Throughput and memory of `decltab batch` (not part of the tests).
# Usage: bench/run_batch_bench.sh [COPIES]   (default 10)
#  1. the scanned corpus (testdata/scans/*.pdf) with -j1 and -j2: pages/s and speedup;
#  2. peak RSS with -j2 for the 300 dpi sample scan alone, then for a batch of
#     COPIES distinct copies of it (COPIES times longer): memory must not grow.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/bootstrap.sh >/dev/null
command -v /usr/bin/time >/dev/null && command -v bc >/dev/null || apt-get install -y -qq time bc
copies="${1:-10}"
sample=testdata/scans/songjiang-2023-scan300.pdf
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

pages_of() { for f in "$@"; do pdfinfo "$f" | awk '/^Pages:/ {print $2}'; done | paste -sd+ | bc; }
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"

run_batch() {  # $1 = name, $2 = input folder, $3 = jobs, $4 = pages
  rm -rf "$work/out" "$work/$1.db"
  /usr/bin/time -f "%e %M" -o "$work/time" \
    build/decltab -q batch "$2" -o "$work/out" --db "$work/$1.db" -j "$3" >/dev/null 2>&1 || true
  read -r secs rss_kb <"$work/time"
  printf "%-28s -j%s: %7.1f s  %5.2f pages/s  peak RSS %5d MiB\n" "$1" "$3" "$secs" \
    "$(echo "$4 / $secs" | bc -l)" "$((rss_kb / 1024))"
  echo "$secs $((rss_kb / 1024))" >"$work/result-$1-$3"
}

corpus_pages=$(pages_of testdata/scans/*.pdf)
echo "corpus: $(ls testdata/scans/*.pdf | wc -l) scanned documents, $corpus_pages pages"
run_batch corpus testdata/scans 1 "$corpus_pages"
run_batch corpus testdata/scans 2 "$corpus_pages"
printf "speedup -j2 over -j1: %.2fx\n" \
  "$(echo "$(cut -d' ' -f1 "$work/result-corpus-1") / $(cut -d' ' -f1 "$work/result-corpus-2")" | bc -l)"

sample_pages=$(pages_of "$sample")
mkdir -p "$work/one" "$work/many"
cp "$sample" "$work/one/"
for i in $(seq 1 "$copies"); do  # distinct sha256, same pages
  { cat "$sample"; echo "% copy $i"; } >"$work/many/copy-$i.pdf"
done
run_batch "sample x1" "$work/one" 2 "$sample_pages"
run_batch "sample x$copies" "$work/many" 2 "$((sample_pages * copies))"
printf "peak RSS, %s documents / 1 document: %.2f\n" "$copies" \
  "$(echo "$(cut -d' ' -f2 "$work/result-sample x$copies-2") / $(cut -d' ' -f2 "$work/result-sample x1-2")" | bc -l)"
