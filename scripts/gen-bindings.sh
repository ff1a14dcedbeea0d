#!/usr/bin/env bash
# Regenerates the TypeScript declarations of the IPC types (ts-rs) into
# ui/src/lib/bindings/. Every serde type that crosses IPC derives `TS` behind
# the core crate's `ts` feature; ts-rs writes one file per type from a
# generated test named `export_bindings_<type>`.
#
#   scripts/gen-bindings.sh          regenerate
#   scripts/gen-bindings.sh --check  regenerate, then fail if the checked-in
#                                    bindings differ (for CI)
set -euo pipefail
cd "$(dirname "$0")/.."
out=ui/src/lib/bindings
# Generate into a fresh folder and replace the checked-in one only on success,
# so a build error never leaves the UI without its types.
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
TS_RS_EXPORT_DIR="$tmp" cargo test --quiet --lib --features ts export_bindings >/dev/null
rm -rf "$out"
mkdir -p "$out"
cp "$tmp"/*.ts "$out"/
echo "bindings: $(ls "$out" | wc -l) files in $out"
if [ "${1:-}" = "--check" ]; then
  if ! git diff --exit-code --stat -- "$out" || [ -n "$(git status --porcelain -- "$out")" ]; then
    echo "the TypeScript bindings are out of date: run scripts/gen-bindings.sh and commit $out" >&2
    exit 1
  fi
fi
