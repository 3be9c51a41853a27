#!/usr/bin/env bash
# Builds the app in release mode and serves it, with the shipped forms, from the reference
# receiver on 127.0.0.1. Port: first argument or $PORT (default 8080).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
port=${1:-${PORT:-8080}}
ONEWINDOW_SITE_URL=${ONEWINDOW_SITE_URL:-http://127.0.0.1:$port/} scripts/build.sh
cargo build --release -q -p onewindow-receiver
echo
echo "the static catalog (no script; guides under /<locale>/services/): http://127.0.0.1:$port/zh-CN/ and /en/"
echo "the embed demo (a host page embedding two forms): http://127.0.0.1:$port/embed-demo.html"
exec target/release/onewindow-receiver --addr "127.0.0.1:$port" --dist dist --forms forms
