#!/usr/bin/env bash
# End-to-end suite of the real app: tauri-driver + Debian's WebKitWebDriver
# under Xvfb, driven by selenium-webdriver from node's test runner.
#
# Builds what it needs unless told otherwise:
#   - the UI (ui/dist) and the app, by default the debug build
#     (target/debug/recimap-app, which `cargo test --workspace` has already
#     built, so CI compiles the app once); E2E_PROFILE=release tests the
#     release build; E2E_SKIP_BUILD=1 uses what the caller built, and
#     RECIMAP_APP=path picks another binary;
#   - tauri-driver (cargo install, once);
#   - the WebDriver client (npm ci in tests/e2e).
# System packages (webkit2gtk-driver, xvfb, xauth, the WebKitGTK dev files)
# come from the README's install command.
#
# Screenshots go to out/e2e/ (final.png is the final state).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

for tool in WebKitWebDriver xvfb-run node npm cargo; do
  command -v "$tool" >/dev/null || {
    echo "e2e: $tool is missing — run the README's install command (apt packages webkit2gtk-driver, xvfb, nodejs)" >&2
    exit 1
  }
done

profile_name=debug profile_flag=
if [ "${E2E_PROFILE:-debug}" = release ]; then profile_name=release profile_flag=--release; fi
if [ "${E2E_SKIP_BUILD:-0}" != 1 ]; then
  echo "e2e: building the UI and the app ($profile_name)"
  (cd ui && { [ -d node_modules ] || npm ci --no-audit --no-fund; } && npm run build)
  cargo build $profile_flag -p recimap-app
fi
export RECIMAP_APP="${RECIMAP_APP:-${CARGO_TARGET_DIR:-$root/target}/$profile_name/recimap-app}"
[ -x "$RECIMAP_APP" ] || { echo "e2e: no app binary at $RECIMAP_APP" >&2; exit 1; }

export PATH="$HOME/.cargo/bin:$PATH"
command -v tauri-driver >/dev/null || cargo install tauri-driver --locked
(cd "$here" && { [ -d node_modules ] || npm ci --no-audit --no-fund; })

# A clean profile: first start, no recent files, no recovery copy, no window state.
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
export XDG_CONFIG_HOME="$profile/config" XDG_DATA_HOME="$profile/data" XDG_CACHE_HOME="$profile/cache"
export E2E_OUT="$root/out/e2e"
mkdir -p "$E2E_OUT"

runner=(node --test --test-concurrency=1 "$here/app.test.mjs")
if command -v dbus-run-session >/dev/null; then
  runner=(dbus-run-session -- "${runner[@]}")
fi
xvfb-run -a -s "-screen 0 1600x1000x24" "${runner[@]}"
echo "e2e: screenshots in $E2E_OUT"
