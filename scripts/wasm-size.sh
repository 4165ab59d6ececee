#!/usr/bin/env bash
# Measures the release wasm without Trunk, the way the page is built (nightly with std rebuilt for
# size when installed, wasm-bindgen, wasm-opt -Oz with the page's flags), and prints its gzip size.
# Used to decide whether a hand-written part still pays for itself: build once as is, once with
# the crate or std function instead, and compare.
#   bash scripts/wasm-size.sh [label]             size of the optimized wasm
#   bash scripts/wasm-size.sh [label] --profile   and the 40 largest functions (twiggy, installed
#                                                  with cargo when missing), from the named wasm
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:${FTZ_TOOLS:-$HOME/.cache/ftz-atlas/tools}/node_modules/.bin:$PATH"
. scripts/release-env.sh
label="${1:-current}"
out="target/wasm-size/$label"
cargo build --quiet --release --target wasm32-unknown-unknown --bin ftz-atlas
rm -rf "$out" && mkdir -p "$out"
wasm-bindgen --target web --out-dir "$out" target/wasm32-unknown-unknown/release/ftz-atlas.wasm
wasm-opt -Oz --low-memory-unused --zero-filled-memory -o "$out/opt.wasm" "$out/ftz-atlas_bg.wasm"
echo "$label: wasm $(stat -c %s "$out/opt.wasm") B raw, $(gzip -9 -c "$out/opt.wasm" | wc -c) B gzip"
if [ "${2:-}" = "--profile" ]; then
  command -v twiggy >/dev/null || cargo install twiggy --locked
  twiggy top -n 40 "$out/ftz-atlas_bg.wasm" | cut -c1-160
fi
