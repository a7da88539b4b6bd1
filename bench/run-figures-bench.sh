#!/usr/bin/env bash
# Builds (Release) and runs the benchmark of the programme's figures at the
# size of a region; prints the figures that go into docs/benchmarks.md. The
# data set (five years, 100,000 staff) is made once and kept in the
# temporary directory; TANDEM_BENCH_REGENERATE=1 makes it again.
source "$(dirname "${BASH_SOURCE[0]}")/../ci/common.sh"
bench_setup
# The server logs one line per call to stderr: keep those out of the figures.
"$BUILD/bin/figures_bench" 2> >(grep --line-buffered -v ' INFO rpc method=' >&2)
