#!/usr/bin/env bash
# Install the Debian packages the project needs, only those missing: the ones named as arguments
# (scripts/setup-arm64.sh passes its cross toolchain and qemu), else the list below.
# As root: installs them with apt. Otherwise: prints the exact command and fails.
set -euo pipefail
# deken: Pd's package tool (make package); its first run installs its Python part (hy) from PyPI
# into ~/.local/share/deken-debian. binutils: strip, for the packaged libraries. time: /usr/bin/time,
# which measures the package's memory. puredata-gui, xvfb (with xauth for xvfb-run) and imagemagick
# (import): tests/test_gui_layout.py opens the help and example patches in Pd's real GUI on a
# virtual display and takes screenshots. jackd2: JACK's server (its dummy driver is an audio server
# without hardware) for make realtime and tests/test_realtime.py.
packages=(puredata-core puredata-dev ffmpeg cmake g++ deken binutils time puredata-gui xvfb xauth imagemagick jackd2)
[ $# -gt 0 ] && packages=("$@")
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "setup: missing Debian packages: ${missing[*]}" >&2
  echo "setup: run: sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "setup: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
