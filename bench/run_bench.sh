#!/usr/bin/env bash
# Speed and memory of `decltab extract` on a scanned declaration, against
# whole-page `tesseract -l chi_sim --psm 3` on the same pages in the same run.
# Usage: bench/run_bench.sh [--ocr "tesseract ppocr auto"] [SCANNED.pdf]
#   (default: every engine and the default, auto, on the 300 dpi sample scan)
# Prints per engine pages/s for -j1 and -j2, time per stage, peak RSS, and
# the ratio to whole-page tesseract.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/bootstrap.sh >/dev/null
command -v /usr/bin/time >/dev/null && command -v bc >/dev/null || apt-get install -y -qq time bc
command -v tesseract >/dev/null || apt-get install -y -qq --no-install-recommends tesseract-ocr
engines="tesseract ppocr auto"
if [ "${1:-}" = "--ocr" ]; then engines="$2"; shift 2; fi
pdf="${1:-testdata/scans/songjiang-2023-scan300.pdf}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "input: $pdf ($pages pages, 300 dpi)"

run_decltab() {  # $1 = jobs, $2 = engine
  local tag="$2-$1"
  /usr/bin/time -f "%e %M" -o "$work/time-$tag" \
    build/decltab -q extract "$pdf" -o "$work/out-$tag" -j "$1" --ocr "$2" --timings \
    >"$work/log-$tag" 2>&1
  read -r secs rss_kb <"$work/time-$tag"
  printf "decltab --ocr %-9s -j%s: %6.1f s  %5.2f pages/s  peak RSS %4d MiB\n" "$2" "$1" \
    "$secs" "$(echo "$pages / $secs" | bc -l)" "$((rss_kb / 1024))"
  grep '^timings:' "$work/log-$tag" | sed 's/^/  /' || true
  echo "$secs" >"$work/secs-$tag"
}
for engine in $engines; do
  run_decltab 1 "$engine"
  run_decltab 2 "$engine"
done

# Whole-page OCR baseline: the same pages at the same dpi, two at a time.
pdftoppm -r 300 -gray -png "$pdf" "$work/page"
start=$(date +%s.%N)
ls "$work"/page-*.png | OMP_THREAD_LIMIT=1 xargs -P 2 -I{} tesseract {} - -l chi_sim --psm 3 >/dev/null 2>&1
end=$(date +%s.%N)
base=$(echo "$end - $start" | bc -l)
printf "tesseract --psm 3 (2 processes): %6.1f s  %5.2f pages/s\n" "$base" "$(echo "$pages / $base" | bc -l)"
for engine in $engines; do
  printf "%-9s decltab -j2 time / whole-page tesseract time: %.2f (below 1: decltab is faster)," \
    "$engine" "$(echo "$(cat "$work/secs-$engine-2") / $base" | bc -l)"
  printf " speedup -j2 over -j1: %.2fx\n" \
    "$(echo "$(cat "$work/secs-$engine-1") / $(cat "$work/secs-$engine-2")" | bc -l)"
done
