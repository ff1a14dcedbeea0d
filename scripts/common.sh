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

check_toolchains() {
  command -v cargo >/dev/null || { echo "Rust is missing: install it with rustup (https://rustup.rs), then run this again."; exit 1; }
  command -v npm >/dev/null || install_packages nodejs npm
  local major
  major="$(node -p 'process.versions.node.split(".")[0]')"
  if [ "$major" -lt 20 ]; then
    echo "Node.js $major is too old for the UI build: install Node.js 20 or newer, then run this again."
    exit 1
  fi
}

# npm packages of the UI, then the UI build into ui/dist (which the app embeds).
build_ui() {
  step "installing UI packages and building the UI"
  (cd "$ROOT/ui" && npm ci --no-audit --no-fund && npm run build)
}
