#!/usr/bin/env bash
# Builds the app in release mode into dist/, then the embed package into dist/embed/, and prints
# the shipped sizes (the app against its budget).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -n "${ow_wasm_mode:-}" ] || . scripts/setup.sh
# The shipped catalog's search index, next to it where the app fetches it (forms/catalog.index and
# its parts in forms/search/, docs/search.md). Committed too: a CLI test fails when they are stale.
cargo run -q -p onewindow-cli -- index forms/catalog.json -o forms/catalog.index
with_wasm_small trunk build --release 2>&1 | grep -Ev '^\s*$' | tail -5

# Prints one line per file and a total; sets size_raw and size_gz.
sizes() {
    local file raw gz
    size_raw=0 size_gz=0
    for file in "$@"; do
        raw=$(wc -c < "$file"); gz=$(gzip -9 -c "$file" | wc -c)
        size_raw=$((size_raw + raw)); size_gz=$((size_gz + gz))
        printf '  %-44s %9d B raw %9d B gzip -9\n' "${file#dist/}" "$raw" "$gz"
    done
    printf '  %-44s %9d B raw %9d B gzip -9\n' "wasm + js + css" "$size_raw" "$size_gz"
}

printf '\nshipped app (dist/):\n'
shopt -s nullglob
app=()
for file in dist/*.wasm dist/*.js dist/*.css dist/snippets/*/*.js; do
    case $file in dist/embed-demo.*) ;; *) app+=("$file") ;; esac  # the demo host page's, not ours
done
sizes "${app[@]}"
# The budget (issue #4): half of SurveyJS's framework-free bundle, 220 KB gzip for the app.
budget=$((220 * 1024))
if [ "$size_gz" -le "$budget" ]; then
    printf '  size budget %d B gzip: within, %d B to spare\n' "$budget" $((budget - size_gz))
else
    printf '  size budget %d B gzip: OVER by %d B\n' "$budget" $((size_gz - budget))
fi

# --- the embed package: crates/embed through wasm-pack, then our module and stylesheet -------
package=target/embed-package
rm -rf "$package"
# shellcheck disable=SC2086 # the mode is one option or none
with_wasm_small wasm-pack --log-level warn build crates/embed --release --target web $ow_wasm_pack_mode \
    --out-dir "$PWD/$package" --out-name onewindow_embed 2>&1 | { grep -Ev '^\s*$' || true; } | tail -5
[ -f "$package/onewindow_embed_bg.wasm" ] || { echo "wasm-pack built no embed package" >&2; exit 1; }
rm -rf dist/embed
mkdir -p dist/embed
cp -r "$package"/. dist/embed/
rm -f dist/embed/.gitignore
cp crates/embed/js/onewindow.js dist/embed/
# One stylesheet for the shadow root: the app's, then the embed's. Lengths in rem become
# multiples of --ow-rem and width media queries container queries (crates/embed/css/embed.css).
sed -E -e 's/(-?[0-9]*\.?[0-9]+)rem\b/calc(\1 * var(--ow-rem))/g' -e 's/@media \(min-width/@container (min-width/g' \
    static/style.css crates/embed/css/embed.css > dist/embed/onewindow.css
# The package's entry is our module (it imports wasm-bindgen's glue).
node -e '
  const fs = require("fs"), path = process.argv[1];
  const pkg = JSON.parse(fs.readFileSync(path, "utf8"));
  pkg.name = "onewindow-embed";
  pkg.module = pkg.main = "onewindow.js";
  pkg.files = [...new Set([...(pkg.files ?? []), "onewindow.js", "onewindow.css", "snippets"])];
  pkg.sideEffects = ["./onewindow.js", "./snippets/*"];
  fs.writeFileSync(path, JSON.stringify(pkg, null, 2) + "\n");
' dist/embed/package.json

printf '\nembed package (dist/embed/):\n'
sizes dist/embed/*.wasm dist/embed/*.js dist/embed/*.css dist/embed/snippets/*/*.js
