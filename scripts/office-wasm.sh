#!/usr/bin/env bash
# Builds the PowerPoint writer's wasm module (office-wasm/) and puts it beside the page as
# office.wasm, optimized for size. boot.js fetches it the first time a reader asks for an
# editable chart or the deck, so the page itself does not carry the writer (README, "Size").
# A Trunk post-build hook (Trunk.toml): writes into $TRUNK_STAGING_DIR; or give the directory.
#   bash scripts/office-wasm.sh [dir]
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-${TRUNK_STAGING_DIR:?give the output directory}}"
cargo build --quiet --release --target wasm32-unknown-unknown -p ftz-office-wasm
built=target/wasm32-unknown-unknown/release/ftz_office_wasm.wasm
if command -v wasm-opt >/dev/null; then
  wasm-opt -Oz --strip-debug --strip-producers -o "$out/office.wasm" "$built"
else
  echo "office-wasm: wasm-opt not found; office.wasm stays unoptimized" >&2
  cp "$built" "$out/office.wasm"
fi
