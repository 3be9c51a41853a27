#!/usr/bin/env bash
# Builds the app in release mode into dist/ and prints the shipped wasm + js sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -n "${ow_wasm_mode:-}" ] || . scripts/setup.sh
with_wasm trunk build --release 2>&1 | grep -Ev '^\s*$' | tail -5
printf '\nshipped app (dist/):\n'
total_raw=0 total_gz=0
for file in dist/*.wasm dist/*.js; do
    raw=$(wc -c < "$file"); gz=$(gzip -9 -c "$file" | wc -c)
    total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
    printf '  %-44s %9d B raw %9d B gzip -9\n' "$(basename "$file")" "$raw" "$gz"
done
printf '  %-44s %9d B raw %9d B gzip -9\n' "wasm + js" "$total_raw" "$total_gz"
