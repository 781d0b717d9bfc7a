#!/usr/bin/env bash
# Installs what Flotilla needs on Debian 12 (only what is missing), then configures and builds.
# Sourced by scripts/run and scripts/test; safe to run again and again.
set -euo pipefail

FLOTILLA_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FLOTILLA_BUILD="${FLOTILLA_BUILD:-$FLOTILLA_ROOT/build/default}"

# Debian 12 packages: compiler and build tools, Qt 6.4 (the SQLite driver and WebSockets must be
# named explicitly: nothing pulls them in), QtKeychain, libzip and libxlsxwriter (XLSX files), and
# formatting.
FLOTILLA_APT_PACKAGES=(
    g++ cmake ninja-build pkg-config clang-format
    qt6-base-dev qt6-httpserver-dev qt6-websockets-dev libqt6sql6-sqlite
    qt6-tools-dev qt6-l10n-tools qt6-translations-l10n qtkeychain-qt6-dev libgl-dev
    libzip-dev libxlsxwriter-dev
    qt6-svg-dev libqt6svg6 desktop-file-utils appstream
)

flotilla_say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

flotilla_install_packages() {
    local missing=()
    local pkg
    for pkg in "${FLOTILLA_APT_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    command -v node >/dev/null 2>&1 || missing+=(nodejs)
    command -v npm >/dev/null 2>&1 || missing+=(npm)
    if ((${#missing[@]} == 0)); then
        return
    fi
    flotilla_say "Installing ${missing[*]}"
    local sudo=()
    if [[ $(id -u) -ne 0 ]]; then
        command -v sudo >/dev/null 2>&1 || { echo "Please install as root: ${missing[*]}" >&2; exit 1; }
        sudo=(sudo)
    fi
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null
}

flotilla_install_npm() {
    local dir="$FLOTILLA_ROOT/tests/conformance"
    [[ -f "$dir/package-lock.json" ]] || return 0
    local major
    major=$(node -p 'process.versions.node.split(".")[0]')
    if ((major < 18)); then
        echo "Node.js 18 or newer is needed for the conformance test; found $(node --version)" >&2
        exit 1
    fi
    if [[ ! -d "$dir/node_modules" || "$dir/package-lock.json" -nt "$dir/node_modules" ]]; then
        flotilla_say "Installing the conformance test's npm packages (from the lockfile)"
        (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
        touch "$dir/node_modules"
    fi
}

flotilla_build() {
    flotilla_say "Building in $FLOTILLA_BUILD"
    cmake -S "$FLOTILLA_ROOT" -B "$FLOTILLA_BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DBUILD_TESTING=ON >/dev/null
    cmake --build "$FLOTILLA_BUILD" --parallel "$(nproc)" >&2
}
