#!/usr/bin/env bash
# Builds (Release) and runs the batch-matching benchmark against LEMON
# (liblemon-dev, used only here, never by the server).
source "$(dirname "${BASH_SOURCE[0]}")/../ci/common.sh"
PACKAGES+=(liblemon-dev)
bench_setup
"$BUILD/bin/matching_bench"
