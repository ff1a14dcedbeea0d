#!/usr/bin/env bash
# Launch time and memory of the release app under Xvfb (numbers for
# BENCHMARKS.md). Assumes the release app is built (target/release/recimap-app,
# or RECIMAP_APP=path) and tauri-driver is installed (tests/e2e/run.sh does both).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"
(cd "$here" && { [ -d node_modules ] || npm ci --no-audit --no-fund; })
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
export XDG_CONFIG_HOME="$profile/config" XDG_DATA_HOME="$profile/data" XDG_CACHE_HOME="$profile/cache"
xvfb-run -a -s "-screen 0 1600x1000x24" dbus-run-session -- node "$here/measure.mjs"
