#!/usr/bin/env bash
# Every test: installs what is missing, checks formatting, builds with
# -Werror, runs clang-tidy over the app, the unit, integration and offscreen
# QML tests and QML lint, then builds the server and its tests with
# AddressSanitizer + UBSan and runs them.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

install_deps

log "format check"
"$ROOT/ci/check-format.sh"

log "build (Debug, -Werror) in build/ci"
configure_and_build ci
log "clang-tidy (client-qml/, shared/)"
python3 "$ROOT/ci/tidy.py" "$ROOT" "$ROOT/build/ci" "$JOBS"
log "tests"
(cd "$ROOT/build/ci" && QT_QPA_PLATFORM=offscreen \
  ctest --output-on-failure --no-tests=error -j "$JOBS" --timeout 300)

log "build (ASan + UBSan, server and its tests) in build/asan"
configure_and_build asan
log "tests under ASan + UBSan"
(cd "$ROOT/build/asan" &&
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --output-on-failure --no-tests=error -j "$JOBS" --timeout 300 -L "unit|integration")
log "all tests passed"
