#!/usr/bin/env bash
# Builds (Release) and runs the SearchProfiles benchmark; prints the figures
# that go into docs/benchmarks.md.
source "$(dirname "${BASH_SOURCE[0]}")/../ci/common.sh"
bench_setup
"$BUILD/bin/search_bench" "${1:-100000}"
