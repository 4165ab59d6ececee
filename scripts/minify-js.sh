#!/usr/bin/env bash
# Trunk post-build hook: minifies the JS glue in the staging directory with esbuild (installed
# by scripts/setup.sh). Release builds only; skipped with a warning when esbuild is missing.
set -euo pipefail
[ "${TRUNK_PROFILE:-}" = "release" ] || exit 0
ESBUILD="$(command -v esbuild || true)"
if [ -z "$ESBUILD" ]; then
  echo "minify-js: esbuild not found; the JS glue stays unminified" >&2
  exit 0
fi
for js in "$TRUNK_STAGING_DIR"/*.js; do
  [ -e "$js" ] || continue
  "$ESBUILD" "$js" --minify --format=esm --log-level=warning --outfile="$js.min" && mv "$js.min" "$js"
done
