#!/usr/bin/env bash
# Benchmarks: the engine (criterion) and the app in headless Chromium side by side with
# SurveyJS on the same generated 1,000-field form (../shared/bench/surveyjs). Prints tables.
#   scripts/bench.sh [--runs N]      (default 5 browser runs each)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
runs=${2:-5}
peer=../shared/bench/surveyjs
work=target/bench
mkdir -p "$work/forms"

echo "== engine (criterion)"
cargo bench -q -p onewindow-engine --bench engine 2>&1 | grep -E '^[a-z].*|time:' || true

echo "== the same form for both"
rm -rf "$work/surveyjs" && cp -r "$peer" "$work/surveyjs" && chmod -R u+w "$work/surveyjs"
(cd "$work/surveyjs" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --silent --no-audit --no-fund >/dev/null && node gen-form.mjs >/dev/null)
node tests/bench/convert-spec.mjs "$work/surveyjs/form-spec.json" > "$work/forms/large.json"

echo "== onewindow (release build, served by the receiver)"
scripts/build.sh | tail -2
cargo build -q --release -p onewindow-receiver
out=$(mktemp)
target/release/onewindow-receiver --addr 127.0.0.1:0 --dist dist --forms "$work/forms" > "$out" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null' EXIT
for _ in $(seq 100); do grep -q 'serving http' "$out" && break; sleep 0.1; done
ONEWINDOW_URL=$(grep -Eo 'http://[0-9.:]+' "$out" | head -1) node tests/bench/app-bench.mjs --runs "$runs"

echo "== SurveyJS (its own benchmark, same machine, same run)"
(cd "$work/surveyjs" && node bench.mjs --runs "$runs" --warmup 1 --variants standard,singlePage)
