#!/usr/bin/env bash
# Installs Flotilla's DEBs into a clean Debian 12 root and tries them there as a new user would.
#
#   packaging/test-deb.sh [--screenshot FILE] [--keep] BUILD_DIR
#
# BUILD_DIR is a configured and built tree; the DEBs are made there with `cpack -G DEB` when
# missing. Runs as root (mmdebstrap, chroot, mounts in a private mount namespace). The minimal
# Debian 12 root is cached as BUILD_DIR/deb-test/bookworm-base.tar; every run unpacks a fresh
# copy of it, installs the DEBs with apt (their dependencies come from the mirror) and, as an
# unprivileged user inside the root:
#   - flotilla --version and flotillactl --version (no display);
#   - flotilla-sandbox prints its JSON start line and stops on SIGTERM with status 0;
#   - the console on the offscreen platform opens the demo (--demo when it has it, else a
#     throw-away sandbox) and prints its "flotillactl on this sandbox" line;
#   - the Exec line of the installed desktop entry, the user's first start, shows the welcome
#     page (nothing was opened before it).
# --keep leaves the root in BUILD_DIR/deb-test/root for a look around.
# --screenshot FILE additionally starts the console as a new user would (an empty home: the
# welcome page) under xvfb-run with LANG=de_DE.UTF-8 and saves the screen (ImageMagick's
# import) to FILE.
# The last line printed is key=value figures: sizes, install time, each check's result.
# Environment: FLOTILLA_DEBIAN_MIRROR (default http://deb.debian.org/debian).
# Not part of ctest: it downloads and installs a few hundred MB and takes minutes.
set -euo pipefail

screenshot=""
keep=0
build_dir=""
while [[ $# -gt 0 ]]; do
    case "$1" in
    --screenshot) screenshot="$(realpath -m "$2")"; shift 2 ;;
    --keep) keep=1; shift ;;
    -h | --help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "test-deb: unknown option $1" >&2; exit 2 ;;
    *) build_dir="$(realpath "$1")"; shift ;;
    esac
done
if [[ -z "$build_dir" || ! -f "$build_dir/CMakeCache.txt" ]]; then
    echo "usage: $0 [--screenshot FILE] [--keep] BUILD_DIR (a configured build tree)" >&2
    exit 2
fi
if [[ $(id -u) -ne 0 ]]; then
    echo "test-deb: needs root (mmdebstrap, chroot and mounts); try sudo" >&2
    exit 2
fi

# Mounts live in a private mount namespace and every process started in the root in a private
# PID namespace: both end with the inner run. The root is removed after that, when nothing is
# mounted in it any more.
if [[ -z "${FLOTILLA_DEB_TEST_INNER:-}" ]]; then
    args=()
    [[ -n "$screenshot" ]] && args+=(--screenshot "$screenshot")
    status=0
    env FLOTILLA_DEB_TEST_INNER=1 unshare --mount --pid --fork --propagation private \
        "$0" "${args[@]}" "$build_dir" || status=$?
    if [[ $keep -eq 0 ]]; then
        rm -rf --one-file-system "$build_dir/deb-test/root"
    else
        echo "test-deb: the root is kept in $build_dir/deb-test/root" >&2
    fi
    exit $status
fi

mirror="${FLOTILLA_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
work="$build_dir/deb-test"
base="$work/bookworm-base.tar"
root="$work/root"
mkdir -p "$work"
say() { printf 'test-deb: %s\n' "$*" >&2; }
trap 'say "failed at line $LINENO: $BASH_COMMAND"' ERR
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
kib() { du -k "$1" | cut -f1; }

# The packages.
shopt -s nullglob
debs=("$build_dir"/flotilla_*_amd64.deb)
if [[ ${#debs[@]} -eq 0 ]]; then
    say "making the DEBs (cpack -G DEB)"
    (cd "$build_dir" && cpack -G DEB >"$work/cpack.log")
fi
console_deb=$(ls -t "$build_dir"/flotilla_*_amd64.deb | head -1)
sandbox_deb=$(ls -t "$build_dir"/flotilla-sandbox_*_amd64.deb 2>/dev/null | head -1 || true)
say "packages: $(basename "$console_deb") ${sandbox_deb:+$(basename "$sandbox_deb")}"

# The base root, cached.
base_s=cached
if [[ ! -f "$base" ]]; then
    say "making a minimal Debian 12 root from $mirror (cached as $base)"
    t=$(now)
    mmdebstrap --quiet --variant=apt --mode=root --format=tar bookworm "$base.partial" \
        "deb $mirror bookworm main" "deb $mirror bookworm-updates main" \
        "deb ${mirror%/debian}/debian-security bookworm-security main"
    mv "$base.partial" "$base"
    base_s=$(elapsed "$t")
fi

rm -rf --one-file-system "$root"
mkdir -p "$root"
tar -C "$root" -xf "$base"
# A /dev of its own with the few devices a program needs, /proc of the PID namespace, a /tmp.
mount -t tmpfs -o mode=755 tmpfs "$root/dev"
for node in null zero full random urandom tty; do
    touch "$root/dev/$node"
    mount --bind "/dev/$node" "$root/dev/$node"
done
mkdir "$root/dev/pts" "$root/dev/shm"
mount -t devpts -o newinstance,ptmxmode=0666 devpts "$root/dev/pts"
ln -s pts/ptmx "$root/dev/ptmx"
mount -t tmpfs tmpfs "$root/dev/shm"
mount -t proc proc "$root/proc"
mount -t sysfs -o ro sysfs "$root/sys"
mount -t tmpfs tmpfs "$root/tmp"
cp /etc/resolv.conf "$root/etc/resolv.conf"
mkdir -p "$root/root/debs"
cp "$console_deb" ${sandbox_deb:+"$sandbox_deb"} "$root/root/debs/"

in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root "$@"; }
# A new user, no display, English unless told otherwise. (chroot and env exec the command: a
# background job's $! is the program itself.)
user_prefix=(chroot --userspec=desk:desk "$root" /usr/bin/env -i PATH=/usr/bin:/bin
    HOME=/home/desk USER=desk LANG=C.UTF-8 XDG_RUNTIME_DIR=/tmp/runtime-desk
    FLOTILLA_TOKEN_STORE=memory)
as_user() { "${user_prefix[@]}" "$@"; }

size_before=$(du -skx "$root" | cut -f1)
say "installing with apt"
t=$(now)
in_root apt-get update -qq
debs_in_root=(/root/debs/"$(basename "$console_deb")")
[[ -n "$sandbox_deb" ]] && debs_in_root+=(/root/debs/"$(basename "$sandbox_deb")")
if in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${debs_in_root[@]}" \
    >"$work/apt-install.log" 2>&1; then
    install_ok=ok
else
    install_ok=fail
    tail -20 "$work/apt-install.log" >&2
fi
install_s=$(elapsed "$t")
size_after=$(du -skx "$root" | cut -f1)
packages_installed=$(grep -c '^Setting up ' "$work/apt-install.log" || true)
in_root useradd --create-home --shell /bin/bash desk
in_root install -d -o desk -g desk -m 700 /tmp/runtime-desk

result() { [[ $1 -eq 0 ]] && echo ok || echo fail; }

# flotilla --version, flotillactl --version: without a display.
version=$(as_user flotilla --version 2>&1 | tail -1 || true)
say "flotilla --version: $version"
[[ "$version" == *"$(basename "$console_deb" | cut -d_ -f2)"* ]] && console_version=ok || console_version=fail
ctl=$(as_user flotillactl --version 2>&1 | tail -1 || true)
say "flotillactl --version: $ctl"
[[ "$ctl" == *"$(basename "$console_deb" | cut -d_ -f2)"* ]] && ctl_version=ok || ctl_version=fail

# Runs "$@" as the user in the background, waits (up to $timeout s) for a line matching $pattern
# in its output, then stops it with SIGTERM; status 0 when the line came and it then exited 0.
wait_for_line() {
    local pattern="$1" log="$2" timeout="$3"
    shift 3
    "${user_prefix[@]}" "$@" >"$log" 2>&1 &
    local pid=$! waited=0
    until grep -q -- "$pattern" "$log" 2>/dev/null; do
        if ! kill -0 "$pid" 2>/dev/null || [[ $waited -ge $((timeout * 10)) ]]; then
            kill -TERM "$pid" 2>/dev/null || true
            wait "$pid" || true
            return 1
        fi
        sleep 0.1
        waited=$((waited + 1))
    done
    local line
    line=$(grep -m1 -- "$pattern" "$log")
    # (the sandbox's start line carries the demo's token and password: not repeated here)
    line=$(sed -E 's/"(token|password|secret|admin_token)":"[^"]*"/"\1":"…"/g' <<<"$line")
    say "  ${line:0:200}"
    kill -TERM "$pid"
    wait "$pid"
}

sandbox_start=skipped
if [[ -n "$sandbox_deb" ]]; then
    say "flotilla-sandbox: start line"
    wait_for_line '"url"' "$work/sandbox.log" 30 flotilla-sandbox --port 0 && sandbox_start=ok \
        || sandbox_start=fail
fi

# The desktop entry's Exec line, as a launcher runs it (field codes dropped), for the user's
# first start: nothing was opened before, so it shows the welcome page.
desktop_exec=absent
desktop=""
for entry in "$root"/usr/share/applications/*[Ff]lotilla*.desktop; do
    desktop="$entry"
    break
done
if [[ -n "$desktop" ]]; then
    exec_line=$(sed -n 's/^Exec=//p' "$desktop" | head -1 | sed -E 's/ ?%[fFuUdDnNickvm]//g')
    say "desktop entry $(basename "$desktop"): Exec=$exec_line"
    # shellcheck disable=SC2086 # the Exec line is split into words as a launcher does
    wait_for_line 'the welcome page is shown' "$work/desktop.log" 90 \
        env QT_QPA_PLATFORM=offscreen $exec_line && desktop_exec=ok \
        || { desktop_exec=fail; tail -5 "$work/desktop.log" >&2; }
fi

# The console: --demo when this version has it, else the throw-away sandbox of a bare start.
demo_args=()
as_user flotilla --help 2>/dev/null | grep -q -- '--demo' && demo_args=(--demo)
say "flotilla${demo_args[*]:+ ${demo_args[*]}} (offscreen)"
wait_for_line 'flotillactl on this sandbox' "$work/console.log" 90 \
    env QT_QPA_PLATFORM=offscreen flotilla "${demo_args[@]}" && demo_offscreen=ok \
    || { demo_offscreen=fail; tail -5 "$work/console.log" >&2; }

shot=skipped
if [[ -n "$screenshot" ]]; then
    say "screenshot under xvfb-run, LANG=de_DE.UTF-8"
    in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        xvfb xauth imagemagick locales fonts-dejavu-core >"$work/apt-screenshot.log" 2>&1
    in_root sed -i 's/^# *de_DE.UTF-8/de_DE.UTF-8/' /etc/locale.gen
    in_root locale-gen >/dev/null
    cat >"$root/tmp/screenshot.sh" <<EOF
#!/bin/sh
# Started by xvfb-run: the console's first start on the virtual screen, then the screen saved.
rm -rf /tmp/first-start && mkdir -p /tmp/first-start
HOME=/tmp/first-start flotilla >/tmp/screenshot-console.log 2>&1 &
console=\$!
n=0
until grep -q 'the welcome page is shown' /tmp/screenshot-console.log; do
    n=\$((n + 1)); [ \$n -gt 600 ] && break; sleep 0.1
done
sleep 3 # the first paint after the page is shown
import -window root /tmp/screenshot.png
kill -TERM \$console; wait \$console
EOF
    chmod 755 "$root/tmp/screenshot.sh"
    if as_user env LANG=de_DE.UTF-8 LANGUAGE=de xvfb-run -a -s '-screen 0 1280x800x24' \
        /tmp/screenshot.sh && [[ -s "$root/tmp/screenshot.png" ]]; then
        mkdir -p "$(dirname "$screenshot")"
        cp "$root/tmp/screenshot.png" "$screenshot"
        shot="$screenshot"
    else
        shot=fail
    fi
fi

overall=pass
for r in "$install_ok" "$console_version" "$ctl_version" "$sandbox_start" "$demo_offscreen" \
    "$desktop_exec" "$shot"; do
    [[ "$r" == fail ]] && overall=fail
done
echo "deb_flotilla_kb=$(kib "$console_deb") deb_sandbox_kb=${sandbox_deb:+$(kib "$sandbox_deb")}" \
    "base_root_s=$base_s install_s=$install_s install=$install_ok" \
    "packages_installed=$packages_installed root_growth_mb=$(((size_after - size_before) / 1024))" \
    "console_version=$console_version ctl_version=$ctl_version sandbox_start=$sandbox_start" \
    "demo_offscreen=$demo_offscreen desktop_exec=$desktop_exec screenshot=$shot result=$overall"
[[ $overall == pass ]]
