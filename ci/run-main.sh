#!/usr/bin/env bash
# The main job: installs what is missing, builds, and runs tandem-server on an
# embedded SQLite file with demo data — and, where a display is available, the
# app connected to it. With no display the server runs in the foreground.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

LISTEN="${TANDEM_LISTEN:-127.0.0.1:7443}"
DATA_DIR="${TANDEM_DATA_DIR:-$ROOT/tandem-data}"
BUILD="$ROOT/build/release"

install_deps
log "building (Release) in $BUILD"
configure_and_build release

mkdir -p "$DATA_DIR"
SERVER=("$BUILD/bin/tandem-server" --listen "$LISTEN" --db "$DATA_DIR/tandem.db" --demo-data)

if [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ]]; then
  log "starting tandem-server on $LISTEN and the app"
  "${SERVER[@]}" &
  server_pid=$!
  trap 'kill -TERM $server_pid 2>/dev/null; wait $server_pid 2>/dev/null' EXIT
  "$BUILD/bin/tandem" --server "$LISTEN"
else
  log "no display: running tandem-server in the foreground (Ctrl+C stops it)"
  echo "Connect with the app:   $BUILD/bin/tandem --server $LISTEN"
  echo "Check its health:       /usr/bin/python3 $ROOT/tools/health_check.py $LISTEN"
  exec "${SERVER[@]}"
fi
