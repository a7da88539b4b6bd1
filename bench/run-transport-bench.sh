#!/usr/bin/env bash
# Builds (Release) and runs the transport benchmark (Tandem's cheapest call against a bare grpc++ server); prints the figures
# that go into docs/benchmarks.md.
source "$(dirname "${BASH_SOURCE[0]}")/../ci/common.sh"
bench_setup
# The server logs one line per call to stderr (its cost is counted): keep
# those lines out of the figures.
"$BUILD/bin/transport_bench" "${1:-5}" "${2:-3}" 2> >(grep --line-buffered -v ' INFO rpc method=' >&2)
