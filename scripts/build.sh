#!/usr/bin/env bash
# Builds the app in release mode into dist/ and prints the shipped sizes against the budget.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -n "${ow_wasm_mode:-}" ] || . scripts/setup.sh
with_wasm trunk build --release 2>&1 | grep -Ev '^\s*$' | tail -5
printf '\nshipped app (dist/):\n'
total_raw=0 total_gz=0
shopt -s nullglob
for file in dist/*.wasm dist/*.js dist/*.css dist/snippets/*/*.js; do
    raw=$(wc -c < "$file"); gz=$(gzip -9 -c "$file" | wc -c)
    total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
    printf '  %-44s %9d B raw %9d B gzip -9\n' "$(basename "$file")" "$raw" "$gz"
done
printf '  %-44s %9d B raw %9d B gzip -9\n' "wasm + js + css" "$total_raw" "$total_gz"
# The budget (issue #4): half of SurveyJS's framework-free bundle, 220 KB gzip for the app.
budget=$((220 * 1024))
if [ "$total_gz" -le "$budget" ]; then
    printf '  size budget %d B gzip: within, %d B to spare\n' "$budget" $((budget - total_gz))
else
    printf '  size budget %d B gzip: OVER by %d B\n' "$budget" $((total_gz - budget))
fi
