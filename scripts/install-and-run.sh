#!/usr/bin/env bash
# Installs what Recimap needs on Debian 12 and starts the desktop app on the
# embedded demo map. Safe to run again: it skips what is already there.
source "$(dirname "$0")/common.sh"

install_packages $APP_PACKAGES
check_toolchains
# The UI, the release build of the app, and its Debian package beside it (the first
# build takes several minutes).
bash "$ROOT/scripts/build-deb.sh"
step "starting Recimap"
echo "To install it for every user of this computer, so that a double-clicked .recimap file opens in it:"
echo "  sudo apt install $(ls "${CARGO_TARGET_DIR:-$ROOT/target}"/release/bundle/deb/Recimap_*.deb | head -1)"
exec "${CARGO_TARGET_DIR:-$ROOT/target}/release/recimap-app" "$@"
