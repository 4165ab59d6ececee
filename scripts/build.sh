#!/usr/bin/env bash
# Builds the release page into dist/ (the tools must be installed: scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:${FTZ_TOOLS:-$HOME/.cache/ftz-atlas/tools}/node_modules/.bin:$PATH"
. scripts/release-env.sh
exec trunk build --release "$@"
