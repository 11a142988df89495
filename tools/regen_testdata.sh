#!/usr/bin/env bash
# Regenerates every generated file under testdata/ from the hand-written
# declarations in testdata/truth/src/, deterministically (fixed seeds):
#   testdata/<case>.pdf                 born-digital rendering (text layer)
#   testdata/truth/<case>.json          the truth with the pages filled in
#   testdata/truth/cells/<case>.json    every table cell drawn: page, box, text
#   testdata/scans/<case>-scanNNN.pdf   image-only scans (no text layer)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -n "${DECLTAB_NO_BOOTSTRAP:-}" ] || tools/bootstrap.sh
render=build/tools/render/decltab_render
scan=build/tools/scan/decltab_scan
mkdir -p testdata/scans testdata/truth/cells

seed=1
for src in testdata/truth/src/*.json; do
  name=$(basename "$src" .json)
  echo "regen: $name"
  "$render" "$src" -o "testdata/$name.pdf" --seed "$seed" --truth-out "testdata/truth/$name.json" \
    --cells-out "testdata/truth/cells/$name.json"
  if [ "$name" = songjiang-2023 ]; then
    presets="clean300 skew200 harsh150"
  else
    presets="skew200"
  fi
  for preset in $presets; do
    dpi=${preset//[a-z]/}
    "$scan" "testdata/$name.pdf" -o "testdata/scans/$name-scan$dpi.pdf" --preset "$preset" --seed "$seed"
  done
  seed=$((seed + 1))
done
du -sh testdata
