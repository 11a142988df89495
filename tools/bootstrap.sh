#!/usr/bin/env bash
# Installs what decltab needs from Debian 12's archive (only what is missing),
# fetches and converts the PP-OCR recognizer into build/models/ppocr
# (tools/fetch_ppocr_model.sh, once), then configures and builds decltab in
# build/. Used by demo.sh and test.sh.
# --deps-only: install only; DECLTAB_EXTRA_PACKAGES adds packages (the
# fuzzing and sanitizer scripts use both).
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  cmake g++ make pkg-config
  libpoppler-cpp-dev poppler-utils
  libtesseract-dev libleptonica-dev tesseract-ocr-chi-sim tesseract-ocr-eng
  tesseract-ocr-script-hans
  libopencv-core-dev libopencv-imgproc-dev libopencv-imgcodecs-dev libopencv-dnn-dev
  python3-onnx
  libicu-dev libgtest-dev nlohmann-json3-dev libsqlite3-dev libcli11-dev sqlite3
  libpq-dev postgresql
  libcairo2-dev libpango1.0-dev fonts-noto-cjk
  chromium
  ${DECLTAB_EXTRA_PACKAGES:-}
)
# npm fetches the PP-OCR model; a machine with Node.js from elsewhere has an
# npm that Debian's package would conflict with.
command -v npm >/dev/null || PACKAGES+=(npm)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "bootstrap: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

tools/fetch_ppocr_model.sh build/models/ppocr

[ "${1:-}" = "--deps-only" ] && exit 0

BUILD_TYPE="${DECLTAB_BUILD_TYPE:-Release}"
cmake -S . -B build -DCMAKE_BUILD_TYPE="$BUILD_TYPE" >/dev/null
echo "bootstrap: building ($BUILD_TYPE) in build/, log in build/build.log"
if ! cmake --build build -j"$(nproc)" >build/build.log 2>&1; then
  grep -E "error|Error" build/build.log | head -40
  echo "bootstrap: build failed (see build/build.log)" >&2
  exit 1
fi
