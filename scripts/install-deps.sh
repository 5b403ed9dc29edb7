#!/usr/bin/env bash
# Installs what hokushin needs to build, test and run on a fresh Debian machine.
# Safe to run again: it installs only what is missing.
set -euo pipefail

DEB_PACKAGES=(
  build-essential cmake pkg-config git
  libyaml-dev libjansson-dev libsqlite3-dev sqlite3 libcmocka-dev
  libmicrohttpd-dev libgsl-dev libopenmpi-dev openmpi-bin
  clang libclang-rt-14-dev valgrind
  chromium tmux wrk hyperfine
  libplplot-dev plplot-driver-cairo
  jq curl time procps iproute2 python3
)

missing=()
for p in "${DEB_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ "${#missing[@]}" -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "install-deps: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nodejs npm
fi
