#!/usr/bin/env bash
# Builds the release page into dist/ (the tools must be installed: scripts/setup.sh), then writes
# the prerendered page into dist/index.html and its dark-theme rules into dist/style.css
# (src/prerender.rs), natively, with stable Rust.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:${FTZ_TOOLS:-$HOME/.cache/ftz-atlas/tools}/node_modules/.bin:$PATH"
(
  . scripts/release-env.sh
  trunk build --release "$@"
)
cargo run --quiet --bin ftz-atlas -- prerender dist
