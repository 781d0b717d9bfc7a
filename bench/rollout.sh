#!/usr/bin/env bash
# shellcheck disable=SC2016  # the node -e programs are JavaScript, single-quoted on purpose
# SPDX-License-Identifier: MIT
# Rollout benchmark: a staged rollout of firmware version 6 (5% -> 25% -> 100%) over every device
# of a 10,000-device time-scaled flotilla-sandbox (--uniform-fleet: every device a production
# device of a customer that the cloud may update), run headless by flotilla-rolloutdriver with
# the console's rollout engine. Counts the devices that succeeded, the requests the driver made
# and the most of them within any 5 minutes, and takes the wall time and the driver's peak RSS.
# See docs/benchmarks.md.
#
#   bench/rollout.sh
#
# Environment:
#   FLOTILLA_SANDBOX        the flotilla-sandbox binary (default: build/default/sandbox/flotilla-sandbox)
#   FLOTILLA_ROLLOUTDRIVER  the flotilla-rolloutdriver binary
#                           (default: build/default/tests/rolloutcrash/flotilla-rolloutdriver)
#   BENCH_DEVICES           fleet size (default 10000)
#   BENCH_TIME_SCALE        simulated seconds per real second (default 120)
#   BENCH_MEAN_OFFLINE_S    mean offline gap of a device, simulated seconds (default 1800)
#   BENCH_WAVES             the waves (default 5%,25%,100%)
#   BENCH_TIMEOUT_S         limit for the rollout (default 900)
#
# Builds nothing. Needs node (18 or later) to read JSON and to list the sandbox's devices. All
# traffic goes to the sandbox on 127.0.0.1. The last line of output is
#   devices=N completed=N failed_unexpected=N requests=N max_requests_per_5min=N wall_s=S rss_mb=M
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sandbox_bin="${FLOTILLA_SANDBOX:-$root/build/default/sandbox/flotilla-sandbox}"
driver_bin="${FLOTILLA_ROLLOUTDRIVER:-$root/build/default/tests/rolloutcrash/flotilla-rolloutdriver}"
devices="${BENCH_DEVICES:-10000}"
time_scale="${BENCH_TIME_SCALE:-120}"
mean_offline_s="${BENCH_MEAN_OFFLINE_S:-1800}"
waves="${BENCH_WAVES:-5%,25%,100%}"
timeout_s="${BENCH_TIMEOUT_S:-900}"
version=6                  # the demo fleet's release candidate: no device runs it
rate_limit=10000           # Particle's documented limit: requests per 5 minutes per address
start_timeout_s=120
stop_timeout_s=30

BENCH_NAME=bench/rollout.sh
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"

[[ -x "$sandbox_bin" ]] || die "no sandbox binary at $sandbox_bin: build it first (cmake --preset default && cmake --build --preset default) or set FLOTILLA_SANDBOX"
[[ -x "$driver_bin" ]] || die "no flotilla-rolloutdriver at $driver_bin: build it first or set FLOTILLA_ROLLOUTDRIVER"
command -v node >/dev/null || die "node is needed to read JSON and list devices"
command -v timeout >/dev/null || die "timeout (coreutils) is needed"
[[ "$devices" =~ ^[0-9]+$ ]] || die "BENCH_DEVICES must be a whole number"
[[ "$timeout_s" =~ ^[0-9]+$ ]] || die "BENCH_TIMEOUT_S must be a whole number of seconds"
[[ "$time_scale" =~ ^[0-9]+([.][0-9]+)?$ ]] || die "BENCH_TIME_SCALE must be a number"
[[ "$mean_offline_s" =~ ^[0-9]+$ ]] || die "BENCH_MEAN_OFFLINE_S must be a whole number of seconds"

seconds() { awk -v ns="$1" 'BEGIN { printf "%.1f", ns / 1e9 }'; }

# --- 1. Sandbox ----------------------------------------------------------------------------------
coproc SANDBOX { exec "$sandbox_bin" --devices "$devices" --uniform-fleet --port 0 \
                      --time-scale "$time_scale" --mean-offline "$mean_offline_s" \
                      --update-failure-rate 0 2>"$work/sandbox.err"; }
pid=$SANDBOX_PID
read_start_line "${SANDBOX[0]}" "$work/sandbox.err"
stats0=$(get "$url/admin/stats" "$admin_token")
echo "sandbox: $devices devices (uniform fleet, $(json "$stats0" j.online) online), time scale $time_scale, mean offline gap ${mean_offline_s} s simulated, no update failures, at $url"

# --- 2. The rollout --------------------------------------------------------------------------------
# Staged, version 6, every customer node (--all: a uniform fleet has no device outside a customer),
# the waves above, default thresholds (95% success to advance, 10% failures pause).
status=0
t0=$(now_ns)
timeout -k 5 "$((timeout_s + 30))" "$driver_bin" --api "$url" --token "$token" --product "$product" \
    --cache "$work/cache.sqlite" --version "$version" --all --method staged --waves "$waves" \
    --failure-threshold 10% --deadline-s "$timeout_s" >"$work/driver.out" 2>"$work/driver.err" \
    || status=$?
t1=$(now_ns)
if [[ $status -ne 0 ]]; then
    tail -n 5 "$work/driver.err" >&2 || true
    tail -n 3 "$work/driver.out" >&2 || true
    [[ $status -eq 124 ]] && die "flotilla-rolloutdriver timed out"
    die "flotilla-rolloutdriver exited with status $status"
fi
wall_s=$(seconds $((t1 - t0)))
final=$(grep '"event":"final"' "$work/driver.out" | tail -n 1)
[[ -n "$final" ]] || die "no final line from the driver"
[[ "$(json "$final" j.state)" == completed ]] || die "the rollout did not complete: $final"
completed=$(json "$final" j.succeeded)
failed_unexpected=$(json "$final" 'j.failed + j.timed_out')
requests=$(json "$final" j.requests)
rollout_requests=$(json "$final" j.rollout_requests)
max_window=$(json "$final" j.max_requests_per_5min)
rss_mb=$(json "$final" 'j.rss_mb.toFixed(1)')
targeted=$(json "$final" j.targeted)
pulled=$(grep '"event":"pulled"' "$work/driver.out" | head -n 1)
started=$(grep '"event":"started"' "$work/driver.out" | head -n 1)
echo "rollout: $(json "$final" j.waves) waves, $targeted devices targeted, $(json "$final" j.skipped) skipped; state $(json "$final" j.state) after $wall_s s (first pull done at $(json "$pulled" j.ms) ms, rollout started at $(json "$started" j.ms) ms)"
node -e 'const fs = require("fs");
    const lines = fs.readFileSync(process.argv[1], "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l))
        .filter((l) => l.event === "progress");
    const seen = {};
    for (const l of lines) if (l.wave_released && seen[l.wave] === undefined) seen[l.wave] = l.ms;
    console.log("waves released at (ms since the driver started): "
        + Object.entries(seen).map(([w, ms]) => `wave ${Number(w) + 1} ${ms}`).join(", "));
    const at = (share) => lines.find((l) => l.targeted > 0 && l.succeeded >= share * l.targeted)?.ms ?? "-";
    console.log(`devices succeeded: 50% at ${at(0.5)} ms, 95% at ${at(0.95)} ms, 99% at ${at(0.99)} ms, `
        + `all at ${at(1)} ms`);' "$work/driver.out"

# --- 3. Check against the sandbox ---------------------------------------------------------------
stats1=$(get "$url/admin/stats" "$admin_token")
ota=$(get "$url/admin/ota" "$admin_token")
seen=$(node -e 'const [b, a] = process.argv.slice(1).map((s) => JSON.parse(s));
    const f = (s) => s.requests - Object.entries(s.by_route).filter(([r]) => r.includes("/events"))
        .reduce((n, [, c]) => n + c, 0);
    process.stdout.write(String(f(a) - f(b)));' "$stats0" "$stats1")
[[ "$seen" == "$requests" ]] \
    || die "the driver counts $requests requests, the sandbox $seen (event streams left out)"
flashed_twice=$(json "$ota" 'j.flashed_twice.length')
ota_started=$(json "$ota" "(j.by_version['$version'] ?? {started: 0}).started")
[[ "$flashed_twice" == 0 ]] || die "devices flashed twice: $(json "$ota" j.flashed_twice)"
[[ "$ota_started" == "$completed" ]] \
    || die "the sandbox started $ota_started flashes to version $version for $completed devices that succeeded"
on_version=$(node -e 'const [url, token, product, version] = process.argv.slice(1);
    if (new URL(url).hostname !== "127.0.0.1") process.exit(1);
    (async () => { let n = 0, total = 0;
        for (let page = 1; ; ++page) {
            const r = await fetch(`${url}/v1/products/${product}/devices?page=${page}&perPage=100&sortAttr=deviceId&sortDir=asc`,
                { headers: { Authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(30000) });
            if (r.status !== 200) { console.error(`HTTP ${r.status}`); process.exit(1); }
            const j = await r.json();
            total += j.devices.length; n += j.devices.filter((d) => d.firmware_version === Number(version)).length;
            if (page >= j.meta.total_pages) break; }
        process.stdout.write(`${n} ${total}`); })().catch((e) => { console.error(e.message); process.exit(1); });' \
    "$url" "$token" "$product" "$version")
read -r on_version listed <<<"$on_version"
[[ "$on_version" == "$completed" ]] || die "$on_version of $listed devices run version $version, the driver counts $completed succeeded"
echo "verified in the sandbox: $on_version of $listed devices run version $version; $ota_started flashes to it started, none twice; the sandbox counted $seen requests of the driver (event stream opens left out)"
by_route=$(node -e 'const [b, a] = process.argv.slice(1).map((s) => JSON.parse(s));
    process.stdout.write(Object.entries(a.by_route).map(([r, n]) => [r, n - (b.by_route[r] ?? 0)])
        .filter(([r, n]) => n > 0 && !r.includes("/events")).map(([r, n]) => `${n} ${r}`).join(", "));' "$stats0" "$stats1")
echo "requests: $requests in all, $rollout_requests of them counted by the rollout engine; by route: $by_route"
echo "peak RSS of the driver: $rss_mb MiB"

# --- 4. Stop the sandbox and check that it exits cleanly -----------------------------------------
running || die "the sandbox died during the benchmark"
stop_sandbox "$work/sandbox.err"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "inf"; else printf "%.1f", a / b }'; }
echo "baselines: Particle's rate limit $rate_limit requests per 5 minutes: max_requests_per_5min is $(awk -v a="$max_window" -v b="$rate_limit" 'BEGIN { printf "%.2f", 100 * a / b }')% of it ($(ratio "$rate_limit" "$max_window")x headroom); lock and flash per device: $devices requests, this rollout $requests ($(ratio "$devices" "$requests")x fewer)"
echo "devices=$devices completed=$completed failed_unexpected=$failed_unexpected requests=$requests max_requests_per_5min=$max_window wall_s=$wall_s rss_mb=$rss_mb"
