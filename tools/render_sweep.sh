#!/usr/bin/env bash
# Renders every truth source (testdata/truth/src) with renderer seeds FIRST..LAST
# (other fonts, sizes, margins, rules, page breaks), extracts each rendering
# with build/decltab and scores it against its truth. Prints each score line
# that is not exact in every figure, then how many renderings were.
# Usage: tools/render_sweep.sh FIRST LAST   (after tools/bootstrap.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
first=${1:?first seed}
last=${2:?last seed}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
exact=0 total=0
for seed in $(seq "$first" "$last"); do
  for src in testdata/truth/src/*.json; do
    name=$(basename "$src" .json)-seed$seed
    build/tools/render/decltab_render "$src" -o "$work/$name.pdf" --seed "$seed" \
      --truth-out "$work/$name.truth.json" >/dev/null
    build/decltab -q extract "$work/$name.pdf" -o "$work/out" >/dev/null
    line=$(build/tests/eval/decltab_score "$work/out/$name.json" "$work/$name.truth.json" | head -1)
    total=$((total + 1))
    if grep -q 'indicators P 1.00 R 1.00 F1 1.000 | budget lines F1 1.000 (group, quantity, price right \([0-9]*\)/\1) | checks agree 1.00 (false mismatch 0' <<<"$line" &&
       grep -q 'recall 1.000 | funds.total exact [0-9]*/[0-9]* 1.000' <<<"$line"; then
      exact=$((exact + 1))
    else
      echo "$line"
    fi
  done
done
echo "renderings exact in every figure: $exact/$total (seeds $first-$last)"
