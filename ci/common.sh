# Shared by the ci/ scripts: paths and the Debian packages Tandem needs.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JOBS="${JOBS:-$(nproc)}"

# Everything the build, the app and the tests need, from Debian 12.
PACKAGES=(
  tzdata
  build-essential cmake ninja-build pkg-config git
  protobuf-compiler protobuf-compiler-grpc libprotobuf-dev libgrpc++-dev libgrpc-dev
  libabsl-dev libsodium-dev libsqlite3-dev sqlite3 libgtest-dev libgmock-dev
  qt6-base-dev qt6-declarative-dev qt6-declarative-dev-tools qt6-charts-dev qt6-qpa-plugins
  libqt6sql6-sqlite
  qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
  qml6-module-qtquick-templates qml6-module-qtquick-window qml6-module-qtqml
  qml6-module-qtqml-workerscript qml6-module-qttest qml6-module-qtcharts
  qtkeychain-qt6-dev
  libgl-dev fonts-dejavu-core fonts-materialdesignicons-webfont clang-format clang-tidy openssl
  python3 python3-grpcio python3-protobuf
  libcurl4-openssl-dev python3-aiosmtpd
  poppler-utils
)

log() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# Installs whatever of PACKAGES is missing; does nothing when all are there.
install_deps() {
  local missing=()
  for pkg in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$pkg")
    fi
  done
  if ((${#missing[@]} == 0)); then
    return 0
  fi
  log "installing ${#missing[@]} missing Debian packages: ${missing[*]}"
  local sudo=()
  if [[ $(id -u) -ne 0 ]]; then sudo=(sudo); fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    "${missing[@]}"
}

# configure_and_build PRESET [cmake args...]: configures build/PRESET from
# CMakePresets.json and builds it; incremental on a second run.
configure_and_build() {
  local preset="$1"
  shift
  local dir="$ROOT/build/$preset"
  if [[ ! -f "$dir/build.ninja" ]]; then
    (cd "$ROOT" && cmake --preset "$preset" "$@")
  elif (($#)); then
    cmake "$dir" "$@" > /dev/null
  fi
  cmake --build "$dir" -j "$JOBS"
}

# bench_setup: what every bench/run-*.sh does first: installs what is
# missing, builds the benchmarks (Release, no app) into $BUILD, and prints
# the machine, the date and how busy it was (latency tails depend on it).
bench_setup() {
  install_deps
  BUILD="$ROOT/build/bench"
  configure_and_build bench -DTANDEM_BUILD_CLIENT=OFF
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(lscpu | sed -n 's/Model name: *//p')"
  echo "date: $(date -u +%Y-%m-%d)"
  echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
}
