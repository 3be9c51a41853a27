#!/usr/bin/env bash
# Lists the import circles between the file modules of each crate (crates/check-cycles) and
# fails on any: exit 1 with circles, 2 when a file could not be read or parsed. Extra
# arguments are passed on: --count (the counts only, exit 0), --edges, --graph.
set -euo pipefail
cd "$(dirname "$0")/.."

# Every crate root that declares modules. The binaries' main.rs (the app's, the receiver's,
# the CLI's) declare none: they only call their crate's lib.rs.
roots=(
    crates/engine/src/lib.rs
    src/lib.rs
    crates/receiver/src/lib.rs
    crates/cli/src/lib.rs
    crates/embed/src/lib.rs
    crates/search-bench/src/lib.rs
)

exec cargo run -q -p onewindow-check-cycles -- "$@" "${roots[@]}"
