#!/usr/bin/env bash
# Builds decltab (installing its packages when missing) and runs the whole
# test suite: unit tests, the grid and OCR accuracy scorers, and end-to-end
# extraction of every testdata declaration scored against its ground truth.
set -euo pipefail
cd "$(dirname "$0")"
tools/bootstrap.sh
cd build
export DECLTAB_SCORES_FILE="$PWD/scores.txt"
rm -f "$DECLTAB_SCORES_FILE"
set +e
ctest --output-on-failure -j"$(nproc)" -LE fuzz "$@" 2>&1 | tee ctest.log
status=${PIPESTATUS[0]}
set -e
if [ -f "$DECLTAB_SCORES_FILE" ]; then
  echo "== scores against ground truth (tests/e2e: cell text, extraction, other renderings) =="
  sort "$DECLTAB_SCORES_FILE"
fi
# ctest's own closing line last, for whoever reads the end of the log.
grep -E "tests passed|tests failed" ctest.log | tail -1 || true
exit "$status"
