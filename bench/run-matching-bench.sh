#!/usr/bin/env bash
# Builds (Release) and runs the batch-matching benchmark against LEMON
# (liblemon-dev, used only here, never by the server).
source "$(dirname "${BASH_SOURCE[0]}")/../ci/common.sh"
install_deps
PACKAGES=(liblemon-dev)
install_deps
BUILD="$ROOT/build/bench"
configure_and_build bench -DTANDEM_BUILD_CLIENT=OFF
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(lscpu | sed -n 's/Model name: *//p')"
echo "date: $(date -u +%Y-%m-%d)"
"$BUILD/bin/matching_bench"
