#!/usr/bin/env bash
# Installs what is missing, then builds the release app and serves it on http://127.0.0.1:8080.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:${FTZ_TOOLS:-$HOME/.cache/ftz-atlas/tools}/node_modules/.bin:$PATH"
. scripts/release-env.sh
exec trunk serve --release
