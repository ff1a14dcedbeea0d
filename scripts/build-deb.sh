#!/usr/bin/env bash
# Builds the desktop app's Debian package with the Tauri CLI (from the UI's
# npm packages): target/release/bundle/deb/Recimap_<version>_amd64.deb, or
# with --debug target/debug/bundle/deb/… from the debug build (what the test
# suite inspects, reusing the build the tests already made). Works offline.
# Install it with `sudo apt install ./target/release/bundle/deb/Recimap_*.deb`.
source "$(dirname "$0")/common.sh"
cd "$ROOT"

profile=release flag=
[ "${1:-}" = --debug ] && profile=debug flag=--debug
if [ -d ui/node_modules ]; then
  step "building the UI"
  (cd ui && npm run build)
else
  build_ui
fi
step "building the app and its Debian package ($profile)"
# The UI is built above: tauri's own beforeBuildCommand would run npm in the
# first folder with a package.json it finds, which is not always ui/.
ui/node_modules/.bin/tauri build $flag --bundles deb --ci --config '{"build":{"beforeBuildCommand":""}}'
ls -l "${CARGO_TARGET_DIR:-target}/$profile/bundle/deb/"*.deb
