#!/usr/bin/env bash
# shellcheck disable=SC2016  # the node -e programs are JavaScript, single-quoted on purpose
# SPDX-License-Identifier: MIT
# Data layer benchmark: against a 100,000-device flotilla-sandbox with an emulated WAN latency,
# time Flotilla's full pull (flotilla-syncdriver) against a plain sequential listing with
# Particle's official client (bench/baseline-sync.mjs), count the requests of a 1,000-device move
# between two customers, and time loading the cache. See docs/benchmarks.md.
#
#   bench/sync.sh
#
# Environment:
#   FLOTILLA_SANDBOX        the flotilla-sandbox binary (default: build/default/sandbox/flotilla-sandbox)
#   FLOTILLA_SYNCDRIVER     the flotilla-syncdriver binary (default: build/default/tests/sync/flotilla-syncdriver)
#   BENCH_DEVICES           fleet size (default 100000)
#   BENCH_LATENCY_MS        latency the sandbox adds to every answer, in ms (default 50; 0 = none)
#   BENCH_TIMEOUT_S         limit for each step (default 600)
#   BENCH_BASELINE_SORT     sortAttr of the baseline's listing (default: none, the cloud's default
#                           order; deviceId keeps it stable at latencies above about 100 ms)
#
# Builds nothing. Needs node (18 or later) and particle-api-js installed for the conformance test
# (npm ci --prefix tests/conformance). All traffic goes to the sandbox on 127.0.0.1. The last line
# of output is
#   devices=N flotilla_s=S baseline_s=S ratio=R requests=N move1000_requests=N cache_load_ms=MS rss_mb=M
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sandbox_bin="${FLOTILLA_SANDBOX:-$root/build/default/sandbox/flotilla-sandbox}"
driver_bin="${FLOTILLA_SYNCDRIVER:-$root/build/default/tests/sync/flotilla-syncdriver}"
devices="${BENCH_DEVICES:-100000}"
latency_ms="${BENCH_LATENCY_MS:-50}"
timeout_s="${BENCH_TIMEOUT_S:-600}"
baseline_sort="${BENCH_BASELINE_SORT:-}"
start_timeout_s=120
stop_timeout_s=30
per_page=100
move_count=1000
move_from=cobalt              # a customer not linked to an account (no claims involved)
move_to=delta-water--pump-1   # a node of another such customer
load_runs=3

BENCH_NAME=bench/sync.sh
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"

[[ -x "$sandbox_bin" ]] || die "no sandbox binary at $sandbox_bin: build it first (cmake --preset default && cmake --build --preset default) or set FLOTILLA_SANDBOX"
[[ -x "$driver_bin" ]] || die "no flotilla-syncdriver at $driver_bin: build it first or set FLOTILLA_SYNCDRIVER"
command -v node >/dev/null || die "node is needed for bench/baseline-sync.mjs"
command -v timeout >/dev/null || die "timeout (coreutils) is needed"
[[ -d "$root/tests/conformance/node_modules/particle-api-js" ]] \
    || die "particle-api-js is not installed: run npm ci --prefix tests/conformance"
[[ "$latency_ms" =~ ^[0-9]+$ ]] || die "BENCH_LATENCY_MS must be a whole number of milliseconds"
[[ "$devices" =~ ^[0-9]+$ ]] || die "BENCH_DEVICES must be a whole number"
[[ "$timeout_s" =~ ^[0-9]+$ ]] || die "BENCH_TIMEOUT_S must be a whole number of seconds"

seconds() { awk -v ns="$1" 'BEGIN { printf "%.2f", ns / 1e9 }'; }

# Start the sandbox with its stdout on a pipe.
coproc SANDBOX { exec "$sandbox_bin" --devices "$devices" --port 0 --time-scale 0.001 \
                      --fault-latency-ms "$latency_ms" 2>"$work/sandbox.err"; }
pid=$SANDBOX_PID
read_start_line "${SANDBOX[0]}" "$work/sandbox.err"
echo "sandbox: $devices devices, ${latency_ms} ms latency per answer, time scale 0.001, at $url"

cache="$work/cache.sqlite"

# driver NAME ARGS...: runs flotilla-syncdriver on the cache; stdout in $work/NAME.out.
driver() {
    local name=$1 status=0
    shift
    FLOTILLA_TOKEN="$token" timeout -k 5 "$timeout_s" "$driver_bin" --url "$url" \
        --product "$product" --cache "$cache" "$@" >"$work/$name.out" 2>"$work/$name.err" \
        || status=$?
    if [[ $status -ne 0 ]]; then
        tail -n 5 "$work/$name.err" >&2 || true
        tail -n 3 "$work/$name.out" >&2 || true
        [[ $status -eq 124 ]] && die "flotilla-syncdriver $* timed out after ${timeout_s} s"
        die "flotilla-syncdriver $* exited with status $status"
    fi
    if grep -q '"event":"refused"' "$work/$name.out"; then
        grep '"event":"refused"' "$work/$name.out" | head -n 5 >&2
        die "flotilla-syncdriver $*: the cloud refused changes"
    fi
}

# stat_delta BEFORE AFTER EXPR: EXPR over the stats `s` after minus before (0 when absent).
stat_delta() {
    node -e 'const [b, a, e] = process.argv.slice(1);
             const f = (s) => Number(eval(e) ?? 0);
             process.stdout.write(String(f(JSON.parse(a)) - f(JSON.parse(b))));' "$1" "$2" "$3"
}

# --- 1. Flotilla: full pull into a fresh cache ------------------------------------------------
stats0=$(get "$url/admin/stats" "$admin_token")
t0=$(now_ns)
driver pull pull
t1=$(now_ns)
stats1=$(get "$url/admin/stats" "$admin_token")
pulled=$(tail -n 1 "$work/pull.out")
[[ "$(json "$pulled" j.event)" == pulled ]] || die "the pull did not finish: $pulled"
[[ "$(json "$pulled" j.devices)" == "$devices" ]] || die "the pull has the wrong number of devices: $pulled"
flotilla_ns=$((t1 - t0))
flotilla_s=$(seconds "$flotilla_ns")
requests=$(json "$pulled" j.requests)
rss_mb=$(json "$pulled" 'j.rss_mb.toFixed(1)')
seen=$(stat_delta "$stats0" "$stats1" s.requests)
[[ "$seen" == "$requests" ]] \
    || die "the driver counts $requests requests for the pull, the sandbox $seen"
echo "flotilla pull: $flotilla_s s wall time of the process, $(json "$pulled" j.ms) ms by the driver's own clock (pull started to pull finished), $requests requests, peak RSS $rss_mb MiB"

# --- 2. Baseline: particle-api-js, sequential pages ------------------------------------------
t0=$(now_ns)
status=0
baseline=$(timeout -k 5 "$timeout_s" node "$root/bench/baseline-sync.mjs" "$line" "$devices" \
    "$per_page" "$timeout_s" "$baseline_sort") || status=$?
t1=$(now_ns)
[[ $status -eq 0 ]] || die "the baseline failed (status $status)"
stats2=$(get "$url/admin/stats" "$admin_token")
baseline_s=$(json "$baseline" 'j.seconds.toFixed(2)')
baseline_requests=$(json "$baseline" j.requests)
seen=$(stat_delta "$stats1" "$stats2" s.requests)
[[ "$seen" == "$baseline_requests" ]] \
    || die "the baseline counts $baseline_requests requests, the sandbox $seen"
echo "baseline: $baseline_s s from the first request to the last answer ($(seconds $((t1 - t0))) s with node start), $baseline_requests requests: $baseline"
ratio=$(json "$baseline" "(j.seconds / ($flotilla_ns / 1e9)).toFixed(2)")

# --- 3. Move 1,000 devices of one customer to another customer's node ------------------------
driver dump dump
node -e 'const fs = require("fs");
    const [dump, from, to, count, out] = process.argv.slice(1);
    const rows = fs.readFileSync(dump, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l))
        .filter((r) => r.id);
    const of = (name) => rows.filter((r) => r.groups.includes(name));
    const candidates = of(from).filter((r) => r.owner === "");
    if (candidates.length < Number(count)) {
        console.error(`only ${candidates.length} unclaimed devices of ${from}`); process.exit(1); }
    const picked = candidates.slice(0, Number(count));
    fs.writeFileSync(out, `${to} ${picked.map((r) => r.id).join(",")}\n`);
    const nodes = {};
    for (const r of picked) { const n = r.groups.filter((g) => g === from || g.startsWith(from + "--")).sort().pop();
                             nodes[n] = (nodes[n] ?? 0) + 1; }
    console.log(`moving ${picked.length} of the ${of(from).length} devices of ${from} (${JSON.stringify(nodes)}) `
        + `to ${to} (${of(to).length} devices)`);' \
    "$work/dump.out" "$move_from" "$move_to" "$move_count" "$work/moves.txt"
stats3=$(get "$url/admin/stats" "$admin_token")
driver moves moves "$work/moves.txt"
stats4=$(get "$url/admin/stats" "$admin_token")
pushed=$(tail -n 1 "$work/moves.out")
[[ "$(json "$pushed" j.event)" == pushed ]] || die "the moves were not pushed: $pushed"
[[ "$(json "$pushed" j.pending)" == 0 ]] || die "changes still pending after the push: $pushed"
move_requests=$(json "$pushed" j.requests)
seen=$(stat_delta "$stats3" "$stats4" s.requests)
batch_puts=$(stat_delta "$stats3" "$stats4" 's.by_route["PUT /v1/products/:p/devices"]')
[[ "$seen" == "$move_requests" ]] \
    || die "the driver counts $move_requests requests for the move, the sandbox $seen"
echo "move: $move_requests requests ($batch_puts of them batch PUT /v1/products/:p/devices)"

# The cloud has them where they were sent: a few devices read back one by one, then all of them
# through a fresh pull.
moved_ids=$(cut -d' ' -f2 "$work/moves.txt")
IFS=, read -r -a moved <<<"$moved_ids"
for i in 0 1 $((move_count / 2)) $((move_count - 2)) $((move_count - 1)); do
    device=$(get "$url/v1/products/$product/devices/${moved[$i]}" "$token")
    json "$device" "j.groups.includes('$move_to') && !j.groups.some((g) => g === '$move_from' || g.startsWith('$move_from--'))" \
        | grep -qx true || die "device ${moved[$i]} did not move: groups $(json "$device" j.groups)"
done
cp "$work/dump.out" "$work/dump-before.out"
driver repull pull
driver dump dump
node -e 'const fs = require("fs");
    const [before, after, moves, from, to] = process.argv.slice(1);
    const read = (f) => new Map(fs.readFileSync(f, "utf8").split("\n").filter(Boolean)
        .map((l) => JSON.parse(l)).filter((r) => r.id).map((r) => [r.id, r.groups]));
    const b = read(before), a = read(after);
    const ids = fs.readFileSync(moves, "utf8").trim().split(" ")[1].split(",");
    const count = (m, g) => [...m.values()].filter((gs) => gs.includes(g)).length;
    const wrong = ids.filter((id) => !a.get(id)?.includes(to)
        || a.get(id).some((g) => g === from || g.startsWith(from + "--")));
    if (wrong.length) { console.error(`${wrong.length} devices did not move, e.g. ${wrong[0]}`); process.exit(1); }
    if (count(b, from) - count(a, from) !== ids.length || count(a, to) - count(b, to) !== ids.length) {
        console.error(`${from}: ${count(b, from)} -> ${count(a, from)}, ${to}: ${count(b, to)} -> ${count(a, to)}`);
        process.exit(1); }
    console.log(`verified after a new pull: all ${ids.length} in ${to}; ${from} ${count(b, from)} -> ${count(a, from)}, `
        + `${to} ${count(b, to)} -> ${count(a, to)}`);' \
    "$work/dump-before.out" "$work/dump.out" "$work/moves.txt" "$move_from" "$move_to"

# --- 4. Loading the cache -----------------------------------------------------------------------
loads=()
for ((i = 1; i <= load_runs; ++i)); do
    driver load load
    loaded=$(tail -n 1 "$work/load.out")
    [[ "$(json "$loaded" j.event)" == loaded ]] || die "the cache did not load: $loaded"
    [[ "$(json "$loaded" j.devices)" == "$devices" ]] || die "the cache has the wrong number of devices: $loaded"
    loads+=("$(json "$loaded" j.ms)")
done
cache_load_ms=$(printf '%s\n' "${loads[@]}" | sort -n | sed -n "$(((load_runs + 1) / 2))p")
echo "cache load: ${loads[*]} ms (median $cache_load_ms), cache $(($(stat -c %s "$cache") / 1024 / 1024)) MiB"

# --- 5. Stop the sandbox and check that it exits cleanly -----------------------------------------
running || die "the sandbox died during the benchmark"
stop_sandbox "$work/sandbox.err"

verdict() { if awk -v v="$2" -v t="$4" "BEGIN { exit !(v $3 t) }"; then echo "$1 $2 $3 $4 met"; else echo "$1 $2 $3 $4 MISSED"; fi; }
echo "targets (defined at 50 ms latency; this run: ${latency_ms} ms): $(verdict ratio "$ratio" '>=' 3); $(verdict move1000_requests "$move_requests" '<=' 10); $(verdict cache_load_ms "$cache_load_ms" '<=' 300)"
echo "devices=$devices flotilla_s=$flotilla_s baseline_s=$baseline_s ratio=$ratio requests=$requests move1000_requests=$move_requests cache_load_ms=$cache_load_ms rss_mb=$rss_mb"
