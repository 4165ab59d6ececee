#!/usr/bin/env bash
# Installs what FTZ Atlas needs and is missing; skips what is already there at the right
# version, so a second run takes seconds. Offline-safe: uses only the package registries
# (crates.io, npm, Debian), never a tool's own binary download.
#   scripts/setup.sh            build tools (for serving)
#   scripts/setup.sh --browser  build tools + Chromium, chromedriver, CJK fonts, e2e npm packages,
#                               and for the office tests LibreOffice Impress (headless), poppler's
#                               pdftoppm/pdftotext, and python-pptx + openpyxl in a virtualenv
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=0.2.130
TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132
TOOLS="${FTZ_TOOLS:-$HOME/.cache/ftz-atlas/tools}"  # npm-installed tools: wasm-opt, esbuild
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$TOOLS/node_modules/.bin:$PATH"

step() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The release page is built with this nightly, which rebuilds std for size (scripts/release-env.sh).
# Only its compiler and std's source are needed; a minimal install takes well under a minute.
. scripts/nightly.sh
if ! nightly_ready; then
  step "installing Rust $FTZ_NIGHTLY with rust-src (for the size-optimized release build)"
  rustup toolchain install "$FTZ_NIGHTLY" --profile minimal --component rust-src
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  step "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3–5 min on 2 cores)"
  # Not --locked: a locked dependency of the CLI is missing from the registry mirror here.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  step "installing trunk $TRUNK_VERSION (about 8–12 min on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --force
fi

if ! wasm-opt --version 2>/dev/null | grep -q "version_$BINARYEN_VERSION"; then
  step "installing wasm-opt (npm binaryen@$BINARYEN_VERSION) into $TOOLS"
  mkdir -p "$TOOLS"
  npm install --prefix "$TOOLS" --no-audit --no-fund "binaryen@$BINARYEN_VERSION" >/dev/null
fi

if ! esbuild --version 2>/dev/null | grep -q '^0\.25\.'; then
  step "installing esbuild (npm esbuild@0.25) into $TOOLS, to minify the JS glue"
  mkdir -p "$TOOLS"
  npm install --prefix "$TOOLS" --no-audit --no-fund "esbuild@0.25" >/dev/null
fi

# Trunk runs cargo offline (Trunk.toml): fetch the crates first, and those std needs when the
# nightly rebuilds it.
cargo fetch --quiet
cargo "+$FTZ_NIGHTLY" fetch --quiet --target wasm32-unknown-unknown -Zbuild-std=std,panic_abort

if [ "${1:-}" = "--browser" ]; then
  missing=()
  for pkg in chromium chromium-driver fonts-noto-cjk libreoffice-impress poppler-utils; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    step "installing ${missing[*]} (Debian)"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  # python-pptx reads the PowerPoint files back (tests/office/check_pptx.py); its own venv, so
  # the system Python is left alone.
  VENV="${FTZ_VENV:-$HOME/.cache/ftz-atlas/venv}"
  if ! "$VENV/bin/python" -c "import pptx, openpyxl, PIL" 2>/dev/null; then
    step "installing python-pptx and openpyxl (PyPI) into $VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check "python-pptx==1.0.2" "openpyxl==3.1.5"
  fi
  if [ ! -d tests/e2e/node_modules/playwright-core ] || [ tests/e2e/package-lock.json -nt tests/e2e/node_modules/.package-lock.json ]; then
    step "installing end-to-end test packages (npm ci in tests/e2e)"
    npm ci --prefix tests/e2e --no-audit --no-fund >/dev/null
  fi
fi
step "ready"
