#!/usr/bin/env bash
# Installs what Recimap needs on Debian 12 and starts the desktop app on the
# embedded demo map. Safe to run again: it skips what is already there.
source "$(dirname "$0")/common.sh"

install_packages $APP_PACKAGES
check_toolchains
build_ui
step "building the desktop app (release; the first build takes several minutes)"
cd "$ROOT"
cargo build --release -p recimap-app
step "starting Recimap"
exec "$ROOT/target/release/recimap-app" "$@"
