#!/usr/bin/env bash
# Builds decltab (installing its packages when missing) and extracts the
# bundled scanned sample declaration into out/: JSON, CSV and out/decltab.sqlite.
set -euo pipefail
cd "$(dirname "$0")"
tools/bootstrap.sh
mkdir -p out
build/decltab extract testdata/scans/songjiang-2023-scan300.pdf -o out --db out/decltab.sqlite "$@"
