#!/usr/bin/env bash
# Launch time and memory of the release app under Xvfb, and how it copes with
# a 2,000-unit / 8,000-link imported map (numbers for BENCHMARKS.md). Assumes
# the release app is built (target/release/recimap-app, or RECIMAP_APP=path)
# and tauri-driver is installed (tests/e2e/run.sh does both). The large map is
# written by `examples/synthetic_map.rs` (LARGE_UNITS=0 skips it; RUNS and
# LARGE_RUNS set how many launches). Only one app run on the machine at a time:
#   flock /tmp/recimap-e2e.lock bash tests/e2e/measure.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"
(cd "$here" && { [ -d node_modules ] || npm ci --no-audit --no-fund; })
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
export XDG_CONFIG_HOME="$profile/config" XDG_DATA_HOME="$profile/data" XDG_CACHE_HOME="$profile/cache"
units="${LARGE_UNITS:-2000}" links="${LARGE_LINKS:-8000}"
if [ "$units" != 0 ]; then
  export LARGE_MAP="$profile/imported-$units.recimap"
  (cd "$root" && cargo run --quiet --release --example synthetic_map -- "$units" "$links" "$LARGE_MAP") >&2
fi
export MEASURE_OUT="$profile/measured.json"
xvfb-run -a -s "-screen 0 1600x1000x24" dbus-run-session -- node "$here/measure.mjs" >&2
cat "$MEASURE_OUT"
