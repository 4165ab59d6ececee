# Sourced (not run) by the scripts that build the release page: serve.sh, build.sh.
#
# The release wasm is built with a pinned nightly Rust that rebuilds the standard library for
# size: panics abort at once (no panic formatting or messages), no source locations, no Debug
# output, std's size-optimized paths. On this project that takes 21 KB gzip off the page (README,
# "Size and speed"). Stable Rust still builds everything else (lint, native tests, the
# wasm-bindgen-test tier). When the nightly is missing, the release page is built with stable
# Rust and this says so: the page works the same, it is only larger.
. "$(dirname "${BASH_SOURCE[0]}")/nightly.sh"
if nightly_ready; then
  export RUSTUP_TOOLCHAIN="$FTZ_NIGHTLY"
  export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none"
else
  printf '\033[1m[release]\033[0m %s\n' "warning: $FTZ_NIGHTLY with rust-src is not installed (scripts/setup.sh installs it); building the release page with stable Rust, about 21 KB gzip larger" >&2
fi
