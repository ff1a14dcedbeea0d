#!/usr/bin/env bash
# Regenerates what the UI takes from the Rust side:
# - ui/src/lib/bindings/: one TypeScript declaration per IPC type (ts-rs;
#   every serde type that crosses IPC derives `TS` behind its crate's `ts`
#   feature, and ts-rs writes it from a generated test `export_bindings_<type>`);
# - ui/src/lib/ipc/: the commands and events (commands.ts) and the core's
#   values the UI draws and writes with (renderStyle.ts, vocabulary.ts),
#   from src-tauri/src/ipc.rs.
#
#   scripts/gen-bindings.sh          regenerate
#   scripts/gen-bindings.sh --check  regenerate, then fail if the checked-in
#                                    files differ (for CI)
set -euo pipefail
cd "$(dirname "$0")/.."
out=ui/src/lib/bindings
crates=(recimap-core recimap-store recimap-render recimap-report recimap-services)
features=$(printf '%s/ts,' "${crates[@]}")
# Generate into a fresh folder and replace the checked-in one only on success,
# so a build error never leaves the UI without its types.
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
TS_RS_EXPORT_DIR="$tmp" cargo test --quiet $(printf -- '-p %s ' "${crates[@]}") --lib \
  --features "${features%,}" export_bindings >/dev/null
rm -rf "$out"
mkdir -p "$out"
cp "$tmp"/*.ts "$out"/
RECIMAP_WRITE_BINDINGS=1 cargo test --quiet -p recimap-app --lib ipc::tests >/dev/null
echo "bindings: $(ls "$out" | wc -l) files in $out, $(ls ui/src/lib/ipc | wc -l) in ui/src/lib/ipc"
if [ "${1:-}" = "--check" ]; then
  if ! git diff --exit-code --stat -- "$out" ui/src/lib/ipc \
    || [ -n "$(git status --porcelain -- "$out" ui/src/lib/ipc)" ]; then
    echo "the TypeScript bindings are out of date: run scripts/gen-bindings.sh and commit $out and ui/src/lib/ipc" >&2
    exit 1
  fi
fi
