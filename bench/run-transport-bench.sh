#!/usr/bin/env bash
# Builds (Release) and runs the transport benchmark (Tandem's cheapest call against a bare grpc++ server); prints the figures
# that go into docs/benchmarks.md.
source "$(dirname "${BASH_SOURCE[0]}")/../ci/common.sh"
install_deps
BUILD="$ROOT/build/bench"
configure_and_build bench -DTANDEM_BUILD_CLIENT=OFF
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(lscpu | sed -n 's/Model name: *//p')"
echo "date: $(date -u +%Y-%m-%d)"
# Latency tails depend on what else the machine runs: say how busy it was.
echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
# The server logs one line per call to stderr (its cost is counted): keep
# those lines out of the figures.
"$BUILD/bin/transport_bench" "${1:-5}" "${2:-3}" 2> >(grep --line-buffered -v ' INFO rpc method=' >&2)
