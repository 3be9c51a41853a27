#!/usr/bin/env bash
# Builds the app in release mode into dist/, then the embed package into dist/embed/, prints
# the shipped sizes and what each kind of page downloads against its budget, and last writes the
# .br and .gz of dist/'s files.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -n "${ow_wasm_mode:-}" ] || . scripts/setup.sh
# The shipped catalog's search index, next to it where the app fetches it (forms/catalog.index and
# its parts in forms/search/, docs/search.md). Committed too: a CLI test fails when they are stale.
cargo run -q -p onewindow-cli -- index forms/catalog.json -o forms/catalog.index
with_wasm_small trunk build --release 2>&1 | grep -Ev '^\s*$' | tail -5
# The form page's own bundle (bin onewindow-form: the form journey alone), and the module it
# loads once an application is sent (bin onewindow-extras: the rating form and "you may also
# need"). Trunk builds each from its own page in static/; its module and wasm join dist/, and
# index.html names them on a <meta>, which static/boot.js (the form's bundle) and the form
# bundle's io::bundles (the extras) read (ARCHITECTURE.md, "What a page downloads").
bundle() {
    local name=$1 out=target/$1-dist meta
    rm -rf "$out"
    with_wasm_small trunk build "static/${name#onewindow-}.html" --release --dist "$out" 2>&1 | grep -Ev '^\s*$' | tail -3
    cp "$out/$name"-*.js "$out/$name"-*_bg.wasm dist/
    cp -rn "$out"/snippets dist/  # the same crate's snippets: normally there already
    meta=$(grep -o '<meta name="onewindow-app"[^>]*>' "$out/index.html" | sed "s/\"onewindow-app\"/\"$name\"/")
    [ -n "$meta" ] || { echo "trunk named no $name bundle in $out/index.html" >&2; exit 1; }
    sed -i "s|<meta name=\"onewindow-app\"|$meta\n    &|" dist/index.html
}
bundle onewindow-form
bundle onewindow-extras
# The service worker's cache is named for this build (the hashed names of its modules), so a
# new build's worker drops the old cache when it takes over (static/sw.js).
version=$(cd dist && ls -1 ./*.js ./*.wasm ./*.css 2>/dev/null | sha256sum | cut -c1-16)
sed -i "s/const CACHE = 'onewindow-dev';/const CACHE = 'onewindow-$version';/" dist/sw.js
grep -q "const CACHE = 'onewindow-$version';" dist/sw.js || { echo "dist/sw.js names no cache to version" >&2; exit 1; }
# The static pages (catalog home, topics, guides in every locale; docs/site.md), rendered by the
# app's own components. Canonical links need the site's absolute address: ONEWINDOW_SITE_URL,
# by default where scripts/run.sh serves the demo.
cargo run -q -p onewindow-cli -- site forms/catalog.json --out dist \
    --site-url "${ONEWINDOW_SITE_URL:-http://127.0.0.1:8080/}"

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

shopt -s nullglob
# What every app page loads besides its bundle: boot.js, the stylesheet, wasm-bindgen's snippets.
common=(dist/boot-*.js dist/style-*.css dist/snippets/*/*.js)
printf '\nthe portal (dist/: search results, assistant, rating, the app\x27s own catalog pages):\n'
sizes dist/onewindow-web-*.wasm dist/onewindow-web-*.js "${common[@]}"
portal_gz=$size_gz
printf '\na form\x27s page (dist/: the form bundle, onewindow-form):\n'
sizes dist/onewindow-form-*.wasm dist/onewindow-form-*.js "${common[@]}"
form_gz=$size_gz
printf '\nloaded on a form\x27s page once an application is sent (onewindow-extras: rating, suggestions):\n'
sizes dist/onewindow-extras-*.wasm dist/onewindow-extras-*.js

# The static pages (catalog home, topics, guides) load no script: a citizen downloads the page
# and the stylesheet it links. The largest of them, by its gzip size.
page= page_gz=0
for dir in dist/*/services; do
    for file in "${dir%/services}"/index.html "${dir%/services}"/topics/*/index.html "$dir"/*/index.html; do
        gz=$(gzip -9 -c "$file" | wc -c)
        if [ "$gz" -gt "$page_gz" ]; then page=$file page_gz=$gz; fi
    done
done
[ -n "$page" ] || { echo "no static pages in dist/" >&2; exit 1; }
stylesheet=dist/$(sed -n 's|.*<link rel="stylesheet" href="/\([^"]*\)".*|\1|p' "$page" | head -1)
[ -f "$stylesheet" ] || { echo "$page links no stylesheet in dist/" >&2; exit 1; }
static_gz=$((page_gz + $(gzip -9 -c "$stylesheet" | wc -c)))

# One line of the budget table: what, its gzip size, its budget, and a note.
budget_line() {
    local verdict=within
    [ "$2" -le "$3" ] || verdict="OVER by $(($2 - $3)) B"
    printf '  %-36s %9d B %9d B  %-19s %s\n' "$1" "$2" "$3" "$verdict" "${4:-}"
}

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

# Budgets count what a citizen downloads for the page in front of them (issue #16), gzip -9.
# A static page: 28 KB, two round trips of a new connection's first window (about 14 KB each),
# the page in the first and its stylesheet in the second. A form: 220 KB (issue #4: half of
# SurveyJS's framework-free bundle): its own bundle, the form journey alone. The embed: 220 KB.
# The portal has no budget of its own in the issue; its size is printed above.
printf '\nbudgets (gzip -9, what a citizen downloads for the page in front of them):\n'
printf '  %-36s %11s %11s\n' '' size budget
budget_line "static page: html + css" "$static_gz" $((28 * 1024)) "(the largest: ${page#dist/})"
budget_line "a form's page: wasm + js + css" "$form_gz" $((220 * 1024)) "(the portal's: $portal_gz B)"
budget_line "embed: wasm + js + css" "$size_gz" $((220 * 1024))

# --- last: X.br and X.gz beside every compressible file of dist/, which the receiver and
# `onewindow preview` serve as they are (docs/serving.md). Keep this the last step: it works over
# whatever dist/ holds by then, and must see every file the steps above add.
node scripts/compress.mjs dist
