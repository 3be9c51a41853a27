#!/usr/bin/env bash
# Catalog search benchmark, side by side in one run: our engine compiled to wasm (the
# bench-only crate crates/search-bench, for node, release profile as the app) against
# MiniSearch (npm devDependency) on the same generated 5,000-procedure zh + en catalog (with
# summaries of 150–300 characters in each language and guides; --short for one-sentence
# summaries) and the same queries. Prints tables: build time, index size raw and gzip (each
# part), what a first query downloads (the entry, names part and the parts it needs, for
# typical queries and the whole mix), load time, memory, query p50/p95 once loaded, the
# relevance set (docs/search.md). Native figures: `cargo bench -p onewindow-engine --bench search`.
#   scripts/bench-search.sh [--services N] [--queries N] [--short]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
package=target/search-bench-pkg
# shellcheck disable=SC2086 # the mode is one option or none
with_wasm wasm-pack --log-level warn build crates/search-bench --release --target nodejs $ow_wasm_pack_mode \
    --out-dir "$PWD/$package" --out-name search_bench 2>&1 | { grep -Ev '^\s*$' || true; } | tail -5
[ -f "$package/search_bench_bg.wasm" ] || { echo "wasm-pack built no search-bench package" >&2; exit 1; }
node --expose-gc tests/bench/search-bench.mjs "$package" "$@"
