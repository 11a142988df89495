#!/usr/bin/env bash
# Builds decltab (installing its packages when missing) and extracts the
# bundled scanned sample declaration into out/: JSON, CSV, out/decltab.sqlite and
# the auditor's review report out/review.html.
set -euo pipefail
cd "$(dirname "$0")"
tools/bootstrap.sh
mkdir -p out
build/decltab extract testdata/scans/songjiang-2023-scan300.pdf -o out --db out/decltab.sqlite \
  --report out/review.html "$@"
echo "review report: $PWD/out/review.html"
