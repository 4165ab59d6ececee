# Sourced (not run) by setup.sh and release-env.sh: the one nightly the release page is built with
# (see release-env.sh), and whether it is installed with the std source it rebuilds.
FTZ_NIGHTLY=nightly-2026-05-19
nightly_ready() {
  [ -d "$(rustup run "$FTZ_NIGHTLY" rustc --print sysroot 2>/dev/null)/lib/rustlib/src/rust/library" ]
}
