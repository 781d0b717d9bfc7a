#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Sandbox benchmark: start a 100,000-device flotilla-sandbox, list every device through the REST
# API, read the peak memory, stop it. See docs/benchmarks.md.
#
#   bench/sandbox.sh
#
# Environment:
#   FLOTILLA_SANDBOX        the flotilla-sandbox binary (default: build/default/sandbox/flotilla-sandbox)
#   BENCH_DEVICES           fleet size (default 100000)
#   BENCH_TIMEOUT_S         limit for the whole listing (default 600)
#
# Builds nothing. All traffic goes to the sandbox on 127.0.0.1. The last line of output is
#   devices=N start_s=S pages_per_s=P rss_mb=M
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="${FLOTILLA_SANDBOX:-$root/build/default/sandbox/flotilla-sandbox}"
devices="${BENCH_DEVICES:-100000}"
timeout_s="${BENCH_TIMEOUT_S:-600}"
start_timeout_s=120
stop_timeout_s=30
per_page=100

BENCH_NAME=bench/sandbox.sh
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"

[[ -x "$bin" ]] || die "no sandbox binary at $bin: build it first (cmake --preset default && cmake --build --preset default) or set FLOTILLA_SANDBOX"
command -v node >/dev/null || die "node is needed for bench/list-devices.mjs"

# Start the sandbox with its stdout on a pipe and time the start line.
t0=$(date +%s%N)
coproc SANDBOX { exec "$bin" --devices "$devices" --port 0 2>"$work/stderr"; }
pid=$SANDBOX_PID
line=""
if ! read -r -t "$start_timeout_s" -u "${SANDBOX[0]}" line || [[ -z "$line" ]]; then
    cat "$work/stderr" >&2 || true
    die "no start line within ${start_timeout_s} s"
fi
t1=$(date +%s%N)
start_s=$(awk -v ns=$((t1 - t0)) 'BEGIN { printf "%.2f", ns / 1e9 }')
echo "start line after ${start_s} s"

# List every device, sequentially, on one keep-alive connection.
listing=$(node "$root/bench/list-devices.mjs" "$line" "$devices" "$per_page" "$timeout_s") \
    || die "listing the devices failed"
echo "listing: $listing"
pages_per_s=$(node -e 'process.stdout.write(JSON.parse(process.argv[1]).pages_per_s.toFixed(1))' "$listing")

# Peak resident set size of the sandbox.
running || die "the sandbox died during the benchmark"
hwm_kb=$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status")
[[ -n "$hwm_kb" ]] || die "cannot read VmHWM of process $pid"
rss_mb=$(awk -v kb="$hwm_kb" 'BEGIN { printf "%.1f", kb / 1024 }')

# Stop it and check that it exits cleanly.
stop_sandbox "$work/stderr"

echo "devices=$devices start_s=$start_s pages_per_s=$pages_per_s rss_mb=$rss_mb"
