# Toolchain set-up shared by run.sh and test.sh; source it, don't run it.
# Installs what is missing (apt as root, rustup, crates.io, npm only), caches tools by version
# under $ONEWINDOW_TOOLS, and defines `with_wasm CMD…` to run wasm steps. Idempotent: a second
# run only checks what is there.

ow_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ow_tools=${ONEWINDOW_TOOLS:-$HOME/.cache/onewindow-tools}
TRUNK_VERSION=0.21.14
WASM_PACK_VERSION=0.15.1
BINARYEN_VERSION=132
mkdir -p "$ow_tools"

ow_log() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }
ow_die() { printf '[setup] error: %s\n' "$*" >&2; exit 1; }

ow_apt_updated=
ow_apt_install() {
    local missing=() pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || ow_die "need root (or sudo) to install: ${missing[*]}"
        sudo=sudo
    fi
    ow_log "apt-get install ${missing[*]}"
    if [ -z "$ow_apt_updated" ]; then
        $sudo apt-get update -qq >&2 || ow_die "apt-get update failed"
        ow_apt_updated=1
    fi
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2 \
        || ow_die "apt-get install ${missing[*]} failed"
}

# --- Rust (native) ---------------------------------------------------------------------------
[ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"
if ! command -v cargo >/dev/null; then
    ow_log "no cargo on PATH: installing Debian's rustc and cargo"
    ow_apt_install rustc cargo
fi

# --- moto: an S3-compatible server for the receiver's tests (PyPI; test.sh only) -------------
MOTO_VERSION=5.2.5
ow_moto_dir="$ow_tools/moto-$MOTO_VERSION"
ow_moto() {
    [ -f "$ow_moto_dir/.installed" ] && return 0
    command -v python3 >/dev/null || ow_apt_install python3
    python3 -m pip --version >/dev/null 2>&1 || ow_apt_install python3-pip
    ow_log "pip install moto[s3]==$MOTO_VERSION (the tests' S3-compatible server)"
    rm -rf "$ow_moto_dir"
    python3 -m pip install -q --disable-pip-version-check --no-warn-conflicts --target "$ow_moto_dir" \
        "moto[s3]==$MOTO_VERSION" flask flask-cors >&2 || return 1
    touch "$ow_moto_dir/.installed"
}

# --- wasm32 standard library: rustup's target, else Debian's rust-web with build-std -----------
ow_wasm_mode=
if command -v rustup >/dev/null; then
    if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
        ow_wasm_mode=rustup
    else
        ow_log "rustup target add wasm32-unknown-unknown (3 min limit)"
        if timeout 180 rustup target add wasm32-unknown-unknown >&2; then ow_wasm_mode=rustup; fi
    fi
fi
if [ -z "$ow_wasm_mode" ]; then
    ow_log "no rustup wasm32 target: using Debian's rust-web toolchain with build-std"
    ow_apt_install rustc-web cargo-web rust-web-src rust-web-llvm lld-22
    mkdir -p "$ow_tools/debian-rust/bin"
    for tool in cargo rustc rustdoc; do ln -sf "/usr/bin/$tool" "$ow_tools/debian-rust/bin/$tool"; done
    ow_wasm_mode=debian
fi
echo "$ow_wasm_mode" > "$ow_tools/wasm-mode"

# --- cargo-installed tools, one folder per version --------------------------------------------
ow_cargo_install() { # name version binary [--locked]
    local name=$1 version=$2 binary=$3 locked=${4:-}
    local root="$ow_tools/$name-$version"
    if [ ! -x "$root/bin/$binary" ]; then
        ow_log "cargo install $name $version (cached in $root; takes minutes once)"
        cargo install $locked --quiet "$name" --version "$version" --root "$root" >&2 \
            || ow_die "cargo install $name $version failed"
    fi
    PATH="$root/bin:$PATH"
}
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[version =\"]/, ""); print; exit }' "$ow_root/Cargo.lock")
[ -n "$WASM_BINDGEN_VERSION" ] || ow_die "no wasm-bindgen in Cargo.lock"
# Not --locked: wasm-bindgen-cli's own lockfile names a webpki-roots release crates.io no longer serves.
ow_cargo_install wasm-bindgen-cli "$WASM_BINDGEN_VERSION" wasm-bindgen
ow_cargo_install trunk "$TRUNK_VERSION" trunk --locked
# wasm-pack builds the embed package (crates/embed). It uses the wasm-bindgen on PATH when its
# version is Cargo.lock's (the one above) and the wasm-opt on PATH (below), so it downloads
# neither. It also asks crates.io, once a day from a background thread, whether a newer
# wasm-pack exists: a stamp beside the binary dated far ahead says it knows (builds never
# need the answer, and they run offline).
ow_cargo_install wasm-pack "$WASM_PACK_VERSION" wasm-pack --locked
ow_wasm_pack_stamp="$ow_tools/wasm-pack-$WASM_PACK_VERSION/bin/wasm-pack.stamp"
[ -f "$ow_wasm_pack_stamp" ] || printf 'created 2999-01-01T00:00:00+00:00\nversion %s' "$WASM_PACK_VERSION" > "$ow_wasm_pack_stamp"

# --- node tools ------------------------------------------------------------------------------
command -v node >/dev/null && command -v npm >/dev/null || ow_apt_install nodejs npm
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [ ! -x "$ow_tools/binaryen-$BINARYEN_VERSION/node_modules/.bin/wasm-opt" ]; then
    ow_log "npm install binaryen@$BINARYEN_VERSION (wasm-opt)"
    mkdir -p "$ow_tools/binaryen-$BINARYEN_VERSION"
    npm install --silent --no-audit --no-fund --prefix "$ow_tools/binaryen-$BINARYEN_VERSION" "binaryen@$BINARYEN_VERSION" >&2 \
        || ow_die "npm install binaryen failed"
fi
PATH="$ow_tools/binaryen-$BINARYEN_VERSION/node_modules/.bin:$PATH"
ow_lock_sum=$(sha256sum "$ow_root/package-lock.json" | cut -d' ' -f1)
if [ "$(cat "$ow_root/node_modules/.onewindow-lock" 2>/dev/null)" != "$ow_lock_sum" ]; then
    ow_log "npm ci (playwright-core, axe-core, lighthouse)"
    (cd "$ow_root" && npm ci --silent --no-audit --no-fund >&2) || ow_die "npm ci failed"
    echo "$ow_lock_sum" > "$ow_root/node_modules/.onewindow-lock"
fi

# --- browser ---------------------------------------------------------------------------------
ow_apt_install chromium chromium-driver
export CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
export CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}
cat > "$ow_tools/webdriver.json" <<'JSON'
{"goog:chromeOptions": {"binary": "/usr/bin/chromium", "args": ["--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]}}
JSON
export PATH

# wasm-pack's target check fails under Debian's fallback (no rustup sysroot): force it there.
ow_wasm_pack_mode=
if [ "$ow_wasm_mode" = debian ]; then ow_wasm_pack_mode="--mode force"; fi

# Runs a wasm step. Native steps never get this environment: it would rebuild the host std.
with_wasm() {
    if [ "$ow_wasm_mode" = debian ]; then
        PATH="$ow_tools/debian-rust/bin:$PATH" RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
            CARGO_TARGET_DIR="${ow_wasm_target:-$ow_root/target/wasm}" "$@"
    else
        "$@"
    fi
}

# --- the shipped builds: std rebuilt for size -------------------------------------------------
# The release builds of the app and the embed package (scripts/build.sh) rebuild std so that a
# panic aborts at once, without Debug formatting or panic locations: about 40 KB gzip less.
# Needs std's source (rustup's rust-src; Debian's rust-web-src above) and a rustc that takes the
# flags; where either is missing the builds are the usual ones (bigger; only panic messages
# differ). Its own target folder: other wasm builds keep theirs.
ow_small_flags="-Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none -Zlocation-detail=none"
ow_small=
if [ "$ow_wasm_mode" = debian ] || rustup component list --installed 2>/dev/null | grep -q '^rust-src'; then
    ow_small=1
else
    ow_log "rustup component add rust-src (3 min limit)"
    timeout 180 rustup component add rust-src >&2 && ow_small=1
fi
# shellcheck disable=SC2086 # the flags are words
if [ -n "$ow_small" ] && ! with_wasm env RUSTC_BOOTSTRAP=1 rustc $ow_small_flags --target wasm32-unknown-unknown --print cfg >/dev/null 2>&1; then
    ow_log "this rustc cannot build a size-optimised std: shipped builds use the usual one"
    ow_small=
fi

# Runs a shipped (release) wasm build.
with_wasm_small() {
    if [ -n "$ow_small" ]; then
        RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$ow_small_flags" \
            CARGO_TARGET_DIR="$ow_root/target/wasm-small" ow_wasm_target="$ow_root/target/wasm-small" with_wasm "$@"
    else
        with_wasm "$@"
    fi
}

# wasm-bindgen-test in headless Debian Chromium.
with_wasm_browser() {
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    WASM_BINDGEN_TEST_WEBDRIVER_JSON="$ow_tools/webdriver.json" \
    WASM_BINDGEN_TEST_TIMEOUT=120 \
        with_wasm "$@"
}

ow_log "ready: wasm32 via $ow_wasm_mode${ow_small:+ (shipped builds with a size-optimised std)}, wasm-bindgen $WASM_BINDGEN_VERSION, trunk $TRUNK_VERSION, wasm-pack $WASM_PACK_VERSION, wasm-opt $BINARYEN_VERSION"
