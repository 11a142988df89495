#!/usr/bin/env bash
# Builds decltab (installing its packages when missing) and runs the whole
# test suite: unit tests, the grid and OCR accuracy scorers, and end-to-end
# extraction of every testdata declaration scored against its ground truth.
set -euo pipefail
cd "$(dirname "$0")"
tools/bootstrap.sh
cd build
ctest --output-on-failure -j"$(nproc)" -LE fuzz "$@"
