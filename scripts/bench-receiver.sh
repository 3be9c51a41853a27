#!/usr/bin/env bash
# The receiver under load (a benchmark that prints figures, not a test): new applications per
# second and p50/p99 latency at 50 concurrent clients with keep-alive, for SQLite, for
# PostgreSQL with one instance, and for PostgreSQL with two instances on one database.
#
#   scripts/bench-receiver.sh                    # 4,000 applications per case, 50 clients
#   N=10000 CLIENTS=100 scripts/bench-receiver.sh
#
# Release build; PostgreSQL from Debian's package on a loopback port in a temp dir, with its
# default durability (fsync on). Each application is the shipped residence-permit example under
# a new idempotency key, sent as JSON (no files), revalidated by the engine and stored. Load
# generator and receivers share this machine's cores: run it on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
N=${N:-4000}
CLIENTS=${CLIENTS:-50}

ow_apt_install postgresql
cargo build --release -q -p onewindow-receiver --bin onewindow-receiver --example load
receiver=target/release/onewindow-receiver
load=target/release/examples/load

work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    [ -n "${pg_ctl:-}" ] && "${as_pg[@]}" "$pg_ctl" -D "$work/pg/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
# The receiver wants a built app to serve; the benchmark never asks for a page.
mkdir -p "$work/dist"
echo '<!doctype html><title>bench</title>' >"$work/dist/index.html"

# Starts a receiver on DATABASE (and FILES); sets $addr to its address.
start() {
    local out="$work/receiver-$RANDOM.log"
    "$receiver" --addr 127.0.0.1:0 --dist "$work/dist" --forms forms --database "$1" \
        --files "$2" --no-rate-limits >"$out" 2>/dev/null &
    pids+=($!)
    for _ in $(seq 300); do grep -q 'serving http' "$out" && break; sleep 0.1; done
    addr=$(grep -Eo '127\.0\.0\.1:[0-9]+' "$out" | head -1)
    [ -n "$addr" ] || { echo "the receiver did not start on $1" >&2; exit 1; }
}
stop() { kill "${pids[@]}" 2>/dev/null || true; wait "${pids[@]}" 2>/dev/null || true; pids=(); }

pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
pg_ctl="$pg_bin/pg_ctl"
mkdir -p "$work/pg"
as_pg=()
if [ "$(id -u)" -eq 0 ]; then chown postgres "$work" "$work/pg"; as_pg=(runuser -u postgres --); fi
pg_port=$((20000 + RANDOM % 20000))
"${as_pg[@]}" "$pg_bin/initdb" -D "$work/pg/data" -A trust -U onewindow -E UTF8 --locale=C >/dev/null
"${as_pg[@]}" "$pg_ctl" -D "$work/pg/data" -l "$work/pg/server.log" -w \
    -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
pg="postgres://onewindow@127.0.0.1:$pg_port"
psql_() { "$pg_bin/psql" -q -h 127.0.0.1 -p "$pg_port" -U onewindow -d postgres -c "$1" >/dev/null; }

echo "receiver load: $N new applications per case, $CLIENTS clients, $(nproc) cores, $(date -u +%FT%TZ)"
printf '%-34s %s\n' "case" "result"

start "$work/bench.sqlite" "$work/files-sqlite"
printf '%-34s %s\n' "SQLite, 1 instance" "$("$load" "$addr" --applications "$N" --clients "$CLIENTS")"
stop

psql_ "CREATE DATABASE bench1"
start "$pg/bench1" "$work/files-pg1"
printf '%-34s %s\n' "PostgreSQL, 1 instance" "$("$load" "$addr" --applications "$N" --clients "$CLIENTS")"
stop

psql_ "CREATE DATABASE bench2"
start "$pg/bench2" "$work/files-pg2"
a=$addr
start "$pg/bench2" "$work/files-pg2"
printf '%-34s %s\n' "PostgreSQL, 2 instances" "$("$load" "$a,$addr" --applications "$N" --clients "$CLIENTS")"
stop
