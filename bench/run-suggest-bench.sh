#!/usr/bin/env bash
# Builds (Release) and runs the SuggestMatches benchmark; prints the figures
# that go into docs/benchmarks.md.
source "$(dirname "${BASH_SOURCE[0]}")/../ci/common.sh"
bench_setup
# The server logs one line per call to stderr: keep those out of the figures.
"$BUILD/bin/suggest_bench" "${1:-100000}" 2> >(grep --line-buffered -v ' INFO rpc method=' >&2)
