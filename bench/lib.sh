# shellcheck shell=bash
# Shared by the benchmarks (source it after setting BENCH_NAME): error exit, a temporary work
# folder, and the sandbox process they start (its pid in `pid`, killed if still running at exit).

die() {
    echo "$BENCH_NAME: $*" >&2
    exit 1
}

work="$(mktemp -d)"
pid=""
cleanup() {
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
        kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

# True while the sandbox runs (an exited but not yet reaped child counts as stopped).
running() {
    local stat
    stat=$(cat "/proc/$pid/stat" 2>/dev/null) || return 1
    stat=${stat##*) }
    [[ ${stat:0:1} != Z ]]
}

# stop_sandbox STDERR_FILE: stops the sandbox ($pid) with SIGTERM and checks that it exits
# cleanly within $stop_timeout_s; STDERR_FILE is shown when it does not.
stop_sandbox() {
    kill -TERM "$pid"
    for ((i = 0; i < stop_timeout_s * 10; ++i)); do
        running || break
        sleep 0.1
    done
    running && die "the sandbox did not exit within ${stop_timeout_s} s of SIGTERM"
    local status=0
    wait "$pid" || status=$?
    pid=""
    if [[ $status -ne 0 ]]; then
        tail -n 20 "$1" >&2 || true
        die "the sandbox exited with status $status after SIGTERM"
    fi
}

# json JSON EXPR: the value of the JavaScript expression EXPR over the parsed JSON `j`.
json() {
    node -e 'const j = JSON.parse(process.argv[1]); const v = eval(process.argv[2]);
             if (v === undefined || v === null) process.exit(3);
             process.stdout.write(typeof v === "object" ? JSON.stringify(v) : String(v));' "$1" "$2"
}

# get URL [TOKEN] (needs node 18 or later): the body of a GET to the sandbox (127.0.0.1 only); fails on anything but 200.
get() {
    node -e 'const [url, token] = process.argv.slice(1);
        if (new URL(url).hostname !== "127.0.0.1") { console.error(`refusing ${url}`); process.exit(1); }
        fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {},
                     signal: AbortSignal.timeout(30000) })
            .then(async (r) => { const t = await r.text();
                if (r.status !== 200) { console.error(`${url}: HTTP ${r.status}: ${t.slice(0, 200)}`); process.exit(1); }
                process.stdout.write(t); })
            .catch((e) => { console.error(`${url}: ${e.message}`); process.exit(1); });' "$@"
}

now_ns() { date +%s%N; }

# read_start_line FD STDERR_FILE: reads the sandbox's JSON start line from FD (within
# $start_timeout_s) into `line` and its fields into `url`, `token`, `admin_token` (for the /admin
# routes: `get "$url/admin/stats" "$admin_token"`) and `product`; refuses a sandbox that is not on
# 127.0.0.1. STDERR_FILE is shown when no line comes.
read_start_line() {
    line=""
    if ! read -r -t "$start_timeout_s" -u "$1" line || [[ -z "$line" ]]; then
        cat "$2" >&2 || true
        die "no start line within ${start_timeout_s} s"
    fi
    url=$(json "$line" j.url)
    token=$(json "$line" j.token)
    admin_token=$(json "$line" j.admin_token)
    product=$(json "$line" j.product.id)
    [[ "$(node -e 'process.stdout.write(new URL(process.argv[1]).hostname)' "$url")" == 127.0.0.1 ]] \
        || die "the sandbox is not on 127.0.0.1: $url"
}
