# Shared steps of install-and-run.sh and test-all.sh. Source it; don't run it.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"

# What the desktop app needs to build and run on Debian 12 (Tauri 2, WebKitGTK 4.1).
APP_PACKAGES="libwebkit2gtk-4.1-dev libxdo-dev libssl-dev libayatana-appindicator3-dev librsvg2-dev build-essential pkg-config file"
# What the tests add: a virtual display and the WebKit WebDriver (end-to-end),
# screenshots, the SQLite client, a Python venv for the NetworkX read-back of
# exports, Chromium for the HTML report, poppler for the PDF report, and what
# inspects the Debian package (desktop entry validator, MIME database, gio).
TEST_PACKAGES="xvfb xauth webkit2gtk-driver imagemagick sqlite3 python3-venv chromium poppler-utils desktop-file-utils shared-mime-info libglib2.0-bin"

step() { printf '\n==> %s\n' "$*"; }

# apt-get install the packages that are not installed yet; retries because
# downloaded .debs can vanish between dpkg runs on some images.
install_packages() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  step "installing system packages: ${missing[*]}"
  $SUDO apt-get update -qq
  for attempt in 1 2 3; do
    if DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"; then
      return 0
    fi
    echo "apt-get install failed (attempt $attempt of 3); retrying"
  done
  return 1
}

# `version_at_least HAVE WANT`: whether dotted version HAVE >= WANT.
version_at_least() { [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -1)" = "$2" ]; }

# Rust and Node.js do not come from Debian 12's packages (its rustc is 1.63 and
# its nodejs 18, both too old for the build): say exactly what to install.
check_toolchains() {
  [ -x "$HOME/.cargo/bin/cargo" ] && export PATH="$HOME/.cargo/bin:$PATH"
  local rust_wanted node_wanted=20.19.0 have
  rust_wanted="$(sed -n 's/^rust-version = "\(.*\)"/\1/p' "$ROOT/Cargo.toml")"
  if ! command -v cargo >/dev/null; then
    echo "Rust is missing. Install it with rustup (https://rustup.rs):"
    echo "  curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y"
    echo "then run this again."
    exit 1
  fi
  have="$(rustc --version 2>/dev/null | cut -d' ' -f2 || true)"
  if [ -z "$have" ]; then
    echo "Rust is installed but has no default toolchain: run 'rustup default stable', then run this again."
    exit 1
  elif ! version_at_least "$have" "$rust_wanted"; then
    echo "Rust $have is too old: Recimap needs $rust_wanted or newer. Run 'rustup update stable' (or install rustup from https://rustup.rs), then run this again."
    exit 1
  fi
  command -v npm >/dev/null || install_packages nodejs npm
  have="$(node -p 'process.versions.node')"
  if ! version_at_least "$have" "$node_wanted"; then
    echo "Node.js $have is too old for the UI build: it needs $node_wanted or newer (Debian 12's own nodejs is 18)."
    echo "Install Node.js 22 from NodeSource (https://github.com/nodesource/distributions) or nodejs.org, then run this again."
    exit 1
  fi
}

# npm packages of the UI, then the UI build into ui/dist (which the app embeds).
build_ui() {
  step "installing UI packages and building the UI"
  (cd "$ROOT/ui" && npm ci --no-audit --no-fund && npm run build)
}
