#!/usr/bin/env bash
# Runs every test: native cargo tests, a wasm32 build of the engine, wasm-bindgen tests in
# headless Chromium, and end-to-end tests against the served release build. Installs what is
# missing first. Ends with one summary line; exits non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
# A test run is mostly a cold build; incremental caches only add gigabytes to target/ (1.6 GB
# on a clean clone). Set CARGO_INCREMENTAL=1 for edit-and-rerun loops.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"

passed=0 failed=0 broken=()
logdir=target/test-logs
mkdir -p "$logdir"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; step_started=$SECONDS; }
step_done() { printf '   (%ss)\n' $((SECONDS - step_started)); }

# Adds up the counts of cargo's and wasm-bindgen-test's "test result:" lines in a log.
count_cargo() {
    local p f
    p=$(grep -Eo 'test result: [A-Za-z]+\. [0-9]+ passed' "$1" | awk '{s+=$4} END {print s+0}')
    f=$(grep -Eo '[0-9]+ failed' "$1" | awk '{s+=$1} END {print s+0}')
    passed=$((passed + p)); failed=$((failed + f))
}

step "style: cargo fmt --check, clippy -D warnings, module import circles"
# rustup's default profile has both; a minimal one may not.
if ! cargo fmt --version >/dev/null 2>&1 || ! cargo clippy --version >/dev/null 2>&1; then
    rustup component add rustfmt clippy >/dev/null 2>&1 || true
fi
cargo fmt --all --check >"$logdir/fmt.log" 2>&1 || { head -40 "$logdir/fmt.log"; broken+=("cargo fmt --check"); }
(cd fuzz && cargo fmt --all --check) >>"$logdir/fmt.log" 2>&1 || broken+=("cargo fmt --check (fuzz)")
cargo clippy --workspace --all-targets --color never -- -D warnings 2>&1 | tee "$logdir/clippy.log" | grep -E '^(error|warning)' -A6
[ "${PIPESTATUS[0]}" -eq 0 ] || broken+=("cargo clippy")
scripts/check-cycles.sh || broken+=("module import circles")
step_done

step "native: cargo test --workspace"
cargo test --workspace --no-fail-fast --color never 2>&1 | tee "$logdir/native.log"
[ "${PIPESTATUS[0]}" -eq 0 ] || broken+=("native cargo test")
count_cargo "$logdir/native.log"
step_done

step "PostgreSQL and S3: the receiver's tests again, on throwaway servers (two instances, fault run)"
# Debian's server, started here on a loopback port in a temp dir and removed afterwards:
# nothing outside this run uses it. initdb refuses root, so as root it runs as `postgres`.
ow_apt_install postgresql
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
pg_dir=$(mktemp -d)
as_pg=()
if [ "$(id -u)" -eq 0 ]; then chown postgres "$pg_dir"; as_pg=(runuser -u postgres --); fi
pg_port=$((20000 + RANDOM % 20000))
if [ -z "$pg_bin" ] \
    || ! "${as_pg[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -A trust -U onewindow -E UTF8 --locale=C \
        --no-sync >"$logdir/postgres-init.log" 2>&1 \
    || ! "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
        -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >>"$logdir/postgres-init.log" 2>&1; then
    tail -20 "$logdir/postgres-init.log" "$pg_dir/server.log" 2>/dev/null
    broken+=("PostgreSQL did not start")
else
    # Files go to an S3-compatible bucket, as with several instances in production: moto's
    # S3 server (PyPI, cached under the tools directory), on loopback.
    moto_port=$((pg_port + 1))
    s3_ready=
    if ow_moto; then
        PYTHONPATH="$ow_moto_dir" python3 -m moto.server -H 127.0.0.1 -p "$moto_port" \
            >"$logdir/moto.log" 2>&1 &
        moto_pid=$!
        for _ in $(seq 100); do
            python3 -c "import urllib.request as u; u.urlopen(u.Request('http://127.0.0.1:$moto_port/onewindow-files', method='PUT'))" \
                >/dev/null 2>&1 && s3_ready=1 && break
            sleep 0.2
        done
    fi
    if [ -z "$s3_ready" ]; then
        tail -20 "$logdir/moto.log" 2>/dev/null; broken+=("the S3-compatible file store (moto) did not start")
    fi
    AWS_ENDPOINT="http://127.0.0.1:$moto_port" AWS_ALLOW_HTTP=true AWS_REGION=us-east-1 \
        AWS_ACCESS_KEY_ID=onewindow AWS_SECRET_ACCESS_KEY=onewindow \
        ONEWINDOW_TEST_FILES=s3://onewindow-files \
        ONEWINDOW_TEST_POSTGRES="postgres://onewindow@127.0.0.1:$pg_port" \
        cargo test -p onewindow-receiver --no-fail-fast --color never 2>&1 | tee "$logdir/postgres.log"
    [ "${PIPESTATUS[0]}" -eq 0 ] || broken+=("receiver tests on PostgreSQL")
    # The fault run counts what PostgreSQL holds itself when it runs there; it must have run.
    grep -q "two_instances_behind_a_faulty_balancer_store_every_application_once ... ok" \
        "$logdir/postgres.log" || broken+=("the PostgreSQL fault run")
    count_cargo "$logdir/postgres.log"
    "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1
    [ -n "${moto_pid:-}" ] && kill "$moto_pid" 2>/dev/null
fi
rm -rf "$pg_dir"
step_done

step "wasm32: build crates/engine"
with_wasm cargo build -p onewindow-engine --target wasm32-unknown-unknown --color never || broken+=("wasm32 engine build")
step_done

step "wasm32: wasm-bindgen tests in headless Chromium"
with_wasm_browser cargo test -p onewindow-engine -p onewindow --target wasm32-unknown-unknown --color never 2>&1 | tee "$logdir/wasm.log"
[ "${PIPESTATUS[0]}" -eq 0 ] || broken+=("wasm-bindgen tests")
count_cargo "$logdir/wasm.log"
step_done

step "release build (trunk; the embed package with wasm-pack)"
if ! scripts/build.sh; then
    broken+=("release build")
else
    step_done
    step "end-to-end: playwright-core + Chromium against the served release build"
    cargo build -q -p onewindow-receiver -p onewindow-cli || broken+=("receiver build")
    server_out=$(mktemp)
    # The tests read what the receiver stored through its staff API.
    ONEWINDOW_STAFF_TOKEN=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
    export ONEWINDOW_STAFF_TOKEN ONEWINDOW_CLI="$PWD/target/debug/onewindow"
    target/debug/onewindow-receiver --addr 127.0.0.1:0 --dist dist --forms forms \
        --database "$(mktemp -d)/receiver.sqlite" > "$server_out" 2>&1 &
    server=$!
    trap 'kill $server 2>/dev/null' EXIT
    for _ in $(seq 100); do grep -q 'serving http' "$server_out" && break; sleep 0.1; done
    ONEWINDOW_URL=$(grep -Eo 'http://[0-9.:]+' "$server_out" | head -1)
    if [ -z "$ONEWINDOW_URL" ]; then
        cat "$server_out"; broken+=("receiver did not start")
    else
        export ONEWINDOW_URL
        echo "   serving $ONEWINDOW_URL"
        node --test --test-reporter=tap tests/e2e/ 2>&1 | tee "$logdir/e2e.log"
        [ "${PIPESTATUS[0]}" -eq 0 ] || broken+=("end-to-end tests")
        passed=$((passed + $(awk '/^# pass /{print $3}' "$logdir/e2e.log" | tail -1)))
        failed=$((failed + $(awk '/^# fail /{print $3}' "$logdir/e2e.log" | tail -1)))
    fi
    kill $server 2>/dev/null
    step_done
fi

echo
if [ ${#broken[@]} -gt 0 ]; then
    echo "failed steps: ${broken[*]}"
    [ "$failed" -gt 0 ] || failed=${#broken[@]}
fi
echo "summary: $passed passed, $failed failed"
[ ${#broken[@]} -eq 0 ] && [ "$failed" -eq 0 ]
