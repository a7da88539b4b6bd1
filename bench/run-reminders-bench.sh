#!/usr/bin/env bash
# Builds (Release) and runs the reminder fan-out benchmark; prints the
# figures that go into docs/benchmarks.md.
source "$(dirname "${BASH_SOURCE[0]}")/../ci/common.sh"
install_deps
BUILD="$ROOT/build/bench"
configure_and_build bench -DTANDEM_BUILD_CLIENT=OFF
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(lscpu | sed -n 's/Model name: *//p')"
echo "date: $(date -u +%Y-%m-%d)"
echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
# The server logs one line per call to stderr: keep those out of the figures.
"$BUILD/bin/reminders_bench" "${1:-10000}" "${2:-1000}" 2> >(grep --line-buffered -v ' INFO rpc method=' >&2)
