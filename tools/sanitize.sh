#!/usr/bin/env bash
# Builds decltab's libraries and unit tests with AddressSanitizer and
# UndefinedBehaviorSanitizer (g++) in build-asan/ and runs the fast unit-test
# labels under them; any sanitizer report fails the test it occurs in.
# DECLTAB_SANITIZE_LABELS picks the folders (default: the five without OCR
# of whole pages; add "|extract" for the PDF, image and Tesseract tests).
# Not part of test.sh. Extra arguments go to ctest (e.g. -R Fold).
# usage: tools/sanitize.sh [ctest args]
set -euo pipefail
cd "$(dirname "$0")/.."
tools/bootstrap.sh --deps-only

LABELS="${DECLTAB_SANITIZE_LABELS:-core|normalize|reconcile|export|layout}"
FLAGS="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -g" \
  -DCMAKE_CXX_FLAGS="$FLAGS" -DCMAKE_C_FLAGS="$FLAGS" \
  -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
  -DDECLTAB_FOLDERS="core;extract;layout;normalize;reconcile;export" >/dev/null
# Each label is a folder; its tests are the binary <folder>_tests.
IFS='|' read -r -a folders <<<"$LABELS"
TARGETS=("${folders[@]/%/_tests}")
echo "sanitize: building ${TARGETS[*]} in build-asan/, log in build-asan/build.log"
start=$(date +%s)
if ! cmake --build build-asan -j"${DECLTAB_JOBS:-2}" --target "${TARGETS[@]}" \
    >build-asan/build.log 2>&1; then
  grep -E "error|Error|runtime error|Sanitizer" build-asan/build.log | head -40
  echo "sanitize: build failed (see build-asan/build.log)" >&2
  exit 1
fi
built=$(date +%s)

cd build-asan
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export LSAN_OPTIONS="suppressions=$PWD/../tools/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
set +e
ctest -L "$LABELS" -j"${DECLTAB_JOBS:-2}" --output-on-failure "$@"
status=$?
set -e
echo "sanitize: build $((built - start)) s, tests $(($(date +%s) - built)) s"
exit "$status"
