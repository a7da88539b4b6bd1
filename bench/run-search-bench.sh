#!/usr/bin/env bash
# Builds (Release) and runs the SearchProfiles benchmark; prints the figures
# that go into docs/benchmarks.md.
source "$(dirname "${BASH_SOURCE[0]}")/../ci/common.sh"
install_deps
BUILD="$ROOT/build/bench"
configure_and_build bench -DTANDEM_BUILD_CLIENT=OFF
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(lscpu | sed -n 's/Model name: *//p')"
echo "date: $(date -u +%Y-%m-%d)"
"$BUILD/bin/search_bench" "${1:-100000}"
