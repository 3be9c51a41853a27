#!/usr/bin/env bash
# Measures the pages a citizen meets with Lighthouse (pinned in package.json) at its mobile
# defaults (a phone's screen, simulated slow 4G and a 4× slower CPU), in Debian's chromium,
# headless: the catalog home, a guide, a form's first page and its check answers, in zh-CN and
# en, and the app's own home for reference. Prints one table, marking each figure that misses
# its target, and the audits that failed; the JSON reports go to target/lighthouse/. Each page
# is measured three times (LIGHTHOUSE_RUNS) and the median run counts.
# Exits 0 when targets are missed (it is a measurement), non-zero when Lighthouse failed.
# Needs a release build in dist/ (scripts/build.sh). Arguments, if any, name the rows to run
# (home-en, guide-zh-CN, form-en, check-zh-CN, app-home-en, …). docs/performance.md has the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh

if [ ! -f dist/index.html ] || ! compgen -G 'dist/*/services' >/dev/null; then
    echo "no app and static pages in dist/: run scripts/build.sh first" >&2
    exit 1
fi

# Check answers needs answers, and Lighthouse cannot click. A draft seeded in local storage
# would not do: opening a form with a draft shows "continue your application?" first
# (src/state/journey.rs). So the answers come in the URL's fragment, the way an assistant hands
# them to a form (crates/engine/src/guide/handover.rs), and with `page=check-answers` the form
# opens at check answers once they are complete: one plain navigation, a cold load, the same
# command line as every other row (no user flow, no puppeteer of our own).
# The residence registration, short, in both locales, with answers like its examples file's.
handed=$(node -e 'process.stdout.write(new URLSearchParams(JSON.parse(process.argv[1])).toString())' '{
    "full_name": "艾力·买买提", "id_number": "11010519491231002X",
    "residence_address.province": "350000", "residence_address.province_name": "福建省",
    "residence_address.city": "350200", "residence_address.city_name": "厦门市",
    "residence_address.district": "350203", "residence_address.district_name": "思明区",
    "residence_address.street": "湖滨南路100号3栋502室", "housing": "own",
    "moved_in.day": "15", "moved_in.month": "3", "moved_in.year": "2025", "mobile": "13812345678"}')

# One row a line: name for the report file, page, locale, path.
rows=()
for locale in zh-CN en; do
    rows+=("home-$locale|catalog home|$locale|/$locale/")
    rows+=("guide-$locale|guide: residence-permit|$locale|/$locale/services/residence-permit/")
    rows+=("form-$locale|form: first page|$locale|/?form=residence-permit&lang=$locale")
    rows+=("check-$locale|form: check answers|$locale|/?form=residence-registration&lang=$locale&page=check-answers#$handed")
done
rows+=("app-home-en|app home (reference)|en|/?lang=en")
names=" ${rows[*]%%|*} "
for wanted in "$@"; do
    [[ $names == *" $wanted "* ]] || { echo "no row is named $wanted; the rows:$names" >&2; exit 1; }
done
# Each page is measured $LIGHTHOUSE_RUNS times (3 unless set) and the table shows the median
# run, as Lighthouse advises: on a busy machine single runs vary (total blocking time most).
runs=${LIGHTHOUSE_RUNS:-3}
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "LIGHTHOUSE_RUNS is a number of runs, not '$runs'" >&2; exit 1; }

cargo build -q -p onewindow-receiver -p onewindow-cli
out=target/lighthouse
rm -rf "$out"
mkdir -p "$out"
# Copies of the binaries: other worktrees may share this cargo target folder and rebuild them.
bin=${CARGO_TARGET_DIR:-target}/debug
cp "$bin/onewindow-receiver" "$bin/onewindow" "$out/"

# Served by the reference receiver, as scripts/run.sh and scripts/test.sh do (its debug build:
# it answers in milliseconds either way), on a free port, from a copy of dist/ whose static
# pages name the address they are served at: Lighthouse's SEO audit wants canonical links on the
# page's own origin. dist/ itself keeps the address it was built for.
cp -r dist "$out/dist"
"$out/onewindow-receiver" --addr 127.0.0.1:0 --dist "$out/dist" --forms forms \
    --database "$out/receiver.sqlite" > "$out/receiver.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 100); do grep -q 'serving http' "$out/receiver.log" && break; sleep 0.1; done
base=$(grep -Eo 'http://[0-9.:]+' "$out/receiver.log" | head -1 || true)
[ -n "$base" ] || { cat "$out/receiver.log" >&2; echo "the receiver did not start" >&2; exit 1; }
"$out/onewindow" site forms/catalog.json --out "$out/dist" --site-url "$base/" > /dev/null
# The pages just written need their .br and .gz anew: the receiver sends those when they exist.
node scripts/compress.mjs "$out/dist" > /dev/null

# The flags of the end-to-end tests' browser (tests/e2e/browser.mjs): no sandbox as root, and
# none of Chromium's own calls to the network the machine may not have. Lighthouse makes none
# of its own here: error reporting is off, and every audit reads the page and its own origin.
chrome_flags='--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking'
chrome_flags+=' --disable-component-update --disable-sync --disable-dev-shm-usage'
reports=()
for row in "${rows[@]}"; do
    IFS='|' read -r name page locale path <<< "$row"
    if [ $# -gt 0 ] && [[ " $* " != *" $name "* ]]; then continue; fi
    shown=$path
    [[ $path != *'#'* ]] || shown="${path%%#*}#…"  # the answers handed over are long
    printf '[lighthouse] %-24s %-5s %s ×%d\n' "$page" "$locale" "$shown" "$runs" >&2
    files=
    for run in $(seq "$runs"); do
        # A run that hangs is a failure, not a measurement: Lighthouse's own waits are a minute
        # at most, so three minutes is far past them. SIGINT, on which Lighthouse closes its
        # chromium.
        CHROME_PATH=${CHROMIUM:-/usr/bin/chromium} timeout -s INT -k 10 180 node_modules/.bin/lighthouse "$base$path" --quiet \
            --no-enable-error-reporting --chrome-flags="$chrome_flags" \
            --output json --output-path "$out/$name-$run.json" \
            || { echo "Lighthouse failed on $page ($locale): $base$path" >&2; exit 1; }
        files+=${files:+,}$out/$name-$run.json
    done
    reports+=("$page|$locale|$files")
done

node scripts/lighthouse-table.mjs "${reports[@]}"
