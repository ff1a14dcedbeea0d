#!/usr/bin/env bash
# Runs every test: formatting and lints, the Rust tests (core, CLI, shell), the
# UI's type check and unit tests, the TypeScript bindings check, and the
# end-to-end suite in the real app under Xvfb. Installs what it needs first.
source "$(dirname "$0")/common.sh"
cd "$ROOT"
# This script installs every outside tool the tests use, so a test that finds
# one missing must fail rather than skip (recimap-testkit reads CI).
export CI="${CI:-true}"
started=$SECONDS

install_packages $APP_PACKAGES $TEST_PACKAGES
check_toolchains
build_ui

step "UI: type check and unit tests"
(cd ui && npm run check && npm test)

step "Rust: formatting and lints"
cargo fmt --all --check
cargo clippy --workspace --all-targets -- -D warnings

step "Tauri crates and their npm packages are on the same major.minor"
python3 scripts/check-tauri-versions.py

step "No module imports form a circle"
python3 scripts/check-module-cycles.py

step "TypeScript bindings are current"
bash scripts/gen-bindings.sh --check

step "Rust: tests of the core, the CLI and the shell"
cargo test --workspace

step "end-to-end: the real app under Xvfb (debug build, UI embedded)"
E2E_PROFILE=debug bash tests/e2e/run.sh

step "Linux package: the .deb of the debug build, inspected as a desktop would use it"
bash scripts/build-deb.sh --debug
deb_project="$(mktemp -d)/demo.recimap"
"${CARGO_TARGET_DIR:-target}/debug/recimap" new "$deb_project" --demo
bash tests/deb/check.sh "$(ls "${CARGO_TARGET_DIR:-target}"/debug/bundle/deb/Recimap_*.deb | head -1)" "$deb_project"

step "all tests passed in $((SECONDS - started)) s"
