#!/usr/bin/env bash
# Builds decltab's libFuzzer targets (fuzz/) with clang, ASan and UBSan in
# build-fuzz/ and runs each for SECONDS (default 60) through `ctest -L fuzz`,
# then prints per target how long it ran, how many inputs it executed and
# whether it stopped on a crash. Installs clang and its libFuzzer runtime
# when missing. Crashing inputs are left in build-fuzz/fuzz/runs/<target>/.
# usage: tools/fuzz.sh [SECONDS] [ctest args, e.g. -R fuzz_amount]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET="${1:-60}"
shift || true

# clang 14 finds libFuzzer in libclang-rt-14-dev (Debian 12).
DECLTAB_EXTRA_PACKAGES="clang libclang-rt-14-dev" tools/bootstrap.sh --deps-only

CC=clang CXX=clang++ cmake -S . -B build-fuzz -DDECLTAB_FUZZ=ON \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDECLTAB_FOLDERS="core;extract;normalize;reconcile;export" \
  -DDECLTAB_FUZZ_SECONDS="$SECONDS_PER_TARGET" >/dev/null
FUZZERS=(fuzz_amount fuzz_target fuzz_date fuzz_text fuzz_paragraphs fuzz_source_document
         fuzz_writers)
echo "fuzz: building ${FUZZERS[*]} in build-fuzz/, log in build-fuzz/build.log"
if ! cmake --build build-fuzz -j"${DECLTAB_JOBS:-2}" --target "${FUZZERS[@]}" \
    >build-fuzz/build.log 2>&1; then
  grep -E "error|Error" build-fuzz/build.log | head -40
  echo "fuzz: build failed (see build-fuzz/build.log)" >&2
  exit 1
fi

cd build-fuzz
rm -f fuzz/runs/*/fuzz.log
set +e
ctest -L fuzz --output-on-failure "$@"
status=$?
set -e
echo "== fuzz runs (${SECONDS_PER_TARGET} s each) =="
printf '%-24s %10s %12s  %s\n' target seconds executions result
for log in fuzz/runs/*/fuzz.log; do
  [ -f "$log" ] || continue
  name="fuzz_$(basename "$(dirname "$log")")"
  runs=$(grep -oE '^stat::number_of_executed_units: [0-9]+' "$log" | grep -oE '[0-9]+$' || true)
  secs=$(grep -oE '^Done [0-9]+ runs in [0-9]+ second' "$log" | grep -oE '[0-9]+ second' | grep -oE '[0-9]+' || true)
  wall=$(grep -oE '^decltab-fuzz: exit [0-9]+ after [0-9]+ s' "$log" | grep -oE '[0-9]+ s$' | grep -oE '[0-9]+' || true)
  result="crash-free"
  if grep -qE "ERROR: (libFuzzer|AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer)|runtime error|property violated" "$log"; then
    result="FAILED: $(grep -oE 'Test unit written to .*' "$log" | head -1)"
    secs=$wall
  fi
  printf '%-24s %10s %12s  %s\n' "$name" "${secs:-?}" "${runs:-?}" "$result"
done
exit "$status"
