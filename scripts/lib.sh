# Shared by scripts/run and scripts/test: install what is missing, and nothing else.
# Every step checks first, so a second run installs nothing.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# Playwright drives Debian's Chromium; it must never try to download its own browsers.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

TRUNK_VERSION=0.21.14

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# The wasm-bindgen version the app is built with, read from Cargo.lock (the CLI must match).
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

ensure_lockfile() {
  [ -f "$ROOT/Cargo.lock" ] || (cd "$ROOT" && cargo generate-lockfile)
}

ensure_wasm_target() {
  rustup target list --installed | grep -qx wasm32-unknown-unknown ||
    { say "adding the wasm32 target"; rustup target add wasm32-unknown-unknown; }
}

ensure_trunk() {
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "installing trunk $TRUNK_VERSION"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
}

ensure_wasm_bindgen_cli() {
  local version
  version="$(wasm_bindgen_version)"
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $version" ]; then
    say "installing wasm-bindgen-cli $version"
    # Not --locked: its lock file does not resolve on this toolchain.
    cargo install wasm-bindgen-cli --version "$version"
  fi
}

# The route splitter scripts/wasm-split runs after Trunk's build (Trunk.toml's post_build hook).
WASM_SPLIT_VERSION=0.2.4
ensure_wasm_split_cli() {
  if ! command -v wasm-split-cli >/dev/null ||
    ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
    say "installing wasm-split-cli $WASM_SPLIT_VERSION"
    cargo install --locked wasm_split_cli_support --version "$WASM_SPLIT_VERSION" \
      --features build-binary
  fi
}

# node_modules from package-lock.json: binaryen (wasm-opt), Playwright, axe-core.
ensure_node_modules() {
  if ! command -v npm >/dev/null; then
    ensure_apt_packages nodejs npm
  fi
  if [ ! -f "$ROOT/node_modules/.package-lock.json" ] ||
    [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
    say "installing node packages (npm ci)"
    (cd "$ROOT" && npm ci --no-audit --no-fund)
  fi
}

APT_UPDATED=""
ensure_apt_packages() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
      missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing ${missing[*]} (apt)"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  if [ -z "$APT_UPDATED" ]; then
    $sudo apt-get update -qq
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

# What building the app needs.
ensure_build_tools() {
  ensure_lockfile
  ensure_wasm_target
  ensure_node_modules
  ensure_trunk
  ensure_wasm_bindgen_cli
  ensure_wasm_split_cli
}

# Builds the app in release into dist/ (Trunk skips nothing: it is quick when target/ is warm),
# then makes dist/ ready for any static host: Trunk's index.html kept as the app shell
# (200.html) before prerendering makes index.html the home page, the public pages prerendered
# (scripts/prerender, when there is one), then host-config's .br/.gz files, 404.html,
# _headers, _redirects and .host/nginx.conf (crates/server/src/host_config.rs).
build_app() {
  say "building the app (release wasm)"
  (cd "$ROOT" && trunk build --release --offline)
  cp "$ROOT/dist/index.html" "$ROOT/dist/200.html"
  if [ -x "$ROOT/scripts/prerender" ]; then
    ensure_apt_packages chromium # the prerender draws each page in the real browser
    say "prerendering the public pages"
    "$ROOT/scripts/prerender"
  fi
  generate_host_config "$ROOT/dist"
}

# Precompresses a built dist/ and writes its static-host configuration.
generate_host_config() {
  say "static-host configuration for $1"
  (cd "$ROOT" && cargo build --quiet -p server --bin host-config)
  "$ROOT/target/debug/host-config" "$1"
}

# The size floor: a Leptos CSR + router hello world (perf/floor), a workspace member built
# exactly as the app is, into target/floor-dist/.
build_floor() {
  say "building the floor (Leptos CSR + router hello world, release wasm)"
  (cd "$ROOT/perf/floor" && trunk build --release --offline)
}
