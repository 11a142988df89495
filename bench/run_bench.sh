#!/usr/bin/env bash
# Speed and memory of `decltab extract` on a scanned declaration, against
# whole-page `tesseract -l chi_sim --psm 3` on the same pages in the same run.
# Usage: bench/run_bench.sh [SCANNED.pdf]   (default: the 300 dpi sample scan)
# Prints pages/s for -j1 and -j2, time per stage, peak RSS and the ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/bootstrap.sh >/dev/null
command -v /usr/bin/time >/dev/null && command -v bc >/dev/null || apt-get install -y -qq time bc
command -v tesseract >/dev/null || apt-get install -y -qq --no-install-recommends tesseract-ocr
pdf="${1:-testdata/scans/songjiang-2023-scan300.pdf}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "input: $pdf ($pages pages, 300 dpi)"

run_decltab() {  # $1 = jobs
  /usr/bin/time -f "%e %M" -o "$work/time-$1" \
    build/decltab -q extract "$pdf" -o "$work/out-$1" -j "$1" --timings >"$work/log-$1" 2>&1
  read -r secs rss_kb <"$work/time-$1"
  printf "decltab -j%s: %6.1f s  %5.2f pages/s  peak RSS %4d MiB\n" "$1" "$secs" \
    "$(echo "$pages / $secs" | bc -l)" "$((rss_kb / 1024))"
  grep '^timings:' "$work/log-$1" | sed 's/^/  /' || true
  echo "$secs" >"$work/secs-$1"
}
run_decltab 1
run_decltab 2

# Whole-page OCR baseline: the same pages at the same dpi, two at a time.
pdftoppm -r 300 -gray -png "$pdf" "$work/page"
start=$(date +%s.%N)
ls "$work"/page-*.png | OMP_THREAD_LIMIT=1 xargs -P 2 -I{} tesseract {} - -l chi_sim --psm 3 >/dev/null 2>&1
end=$(date +%s.%N)
base=$(echo "$end - $start" | bc -l)
printf "tesseract --psm 3 (2 processes): %6.1f s  %5.2f pages/s\n" "$base" "$(echo "$pages / $base" | bc -l)"
printf "decltab -j2 time / whole-page tesseract time: %.2f (below 1 means decltab is faster)\n" \
  "$(echo "$(cat "$work/secs-2") / $base" | bc -l)"
printf "speedup -j2 over -j1: %.2fx\n" "$(echo "$(cat "$work/secs-1") / $(cat "$work/secs-2")" | bc -l)"
