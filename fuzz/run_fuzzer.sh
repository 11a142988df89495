#!/usr/bin/env bash
# Runs one libFuzzer binary for a bounded time (the CTest command of each
# fuzz test). New inputs go to WORKDIR/corpus; the committed SEEDS directory
# is only read. A crashing input is saved as WORKDIR/crash-* (or leak-*,
# timeout-*, oom-*), and the run's output is kept in WORKDIR/fuzz.log.
# usage: run_fuzzer.sh FUZZER SEEDS WORKDIR SECONDS [DICT]
set -euo pipefail
fuzzer=$1 seeds=$2 work=$3 seconds=$4 dict=${5:-}
mkdir -p "$work/corpus"
export LSAN_OPTIONS="suppressions=$(cd "$(dirname "$0")/../tools" && pwd)/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
args=(-max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048
      -print_final_stats=1 -artifact_prefix="$work/")
[ -n "$dict" ] && args+=(-dict="$dict")
start=$(date +%s)
set +e
"$fuzzer" "${args[@]}" "$work/corpus" "$seeds" >"$work/fuzz.log" 2>&1
status=$?
set -e
echo "decltab-fuzz: exit $status after $(($(date +%s) - start)) s" >>"$work/fuzz.log"
# The summary for CTest's log; the whole output stays in fuzz.log.
grep -E "^decltab-fuzz|^Done|stat::|ERROR|SUMMARY|Test unit written|property violated" \
  "$work/fuzz.log" || true
exit "$status"
