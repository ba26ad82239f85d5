#!/usr/bin/env bash
# Everything the arm64 (aarch64) build of brave~ and its emulated test Pd need, in build/arm64/
# (`make arm64`; scripts/build-external.sh runs it first when ARCH=arm64). A fast no-op when done.
#
#   Debian packages (host)  g++-aarch64-linux-gnu (cross compiler, binutils: strip) and
#                           qemu-user-static (runs aarch64 programs here; binfmt_misc is not
#                           assumed: everything calls qemu-aarch64-static explicitly)
#   build/arm64/torch-site/ torch/{include,lib} and torch.libs/ of PyPI's CPU-only aarch64 wheel of
#                           the venv's torch version (the libtorch brave~ links and ships)
#   build/arm64/sysroot/    Debian's arm64 puredata-core, zlib1g, libstdc++6 and what they depend
#                           on, unpacked with dpkg-deb -x (the host's amd64 Pd is left alone)
#   build/arm64/pd          the arm64 Pd under emulation: build/arm64/pd -nogui -batch ...
#
# The arm64 packages are resolved and downloaded by apt with a private state in build/arm64/apt/
# (arm64 index of the host's own Debian sources): nothing of the host's dpkg or apt changes.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
ARM="$PWD/build/arm64"
SYSROOT="$ARM/sysroot"
SITE="$ARM/torch-site"
SYSROOT_PACKAGES=(puredata-core zlib1g libstdc++6)

bash scripts/setup-system.sh g++-aarch64-linux-gnu qemu-user-static
[ -x "$PY" ] || { echo "setup-arm64: $PY not found: run make venv first" >&2; exit 1; }
mkdir -p "$ARM"

# ---- libtorch for aarch64: the same version as the venv's torch, from PyPI's manylinux2014 wheel.
torch_version=$("$PY" -c "import torch; print(torch.__version__.split('+')[0])")
if [ "$(cat "$SITE/.version" 2>/dev/null)" != "$torch_version" ]; then
  echo "setup-arm64: downloading torch $torch_version for aarch64 (about 90 MB)" >&2
  "$PY" -m pip download -q --no-deps --only-binary=:all: --platform manylinux2014_aarch64 \
    --python-version 3.11 --implementation cp --abi cp311 -d "$ARM/wheel" "torch==$torch_version"
  rm -rf "$SITE.partial" && mkdir -p "$SITE.partial"
  "$PY" - "$ARM/wheel/torch-$torch_version-"*aarch64*.whl "$SITE.partial" <<'EOF'
import sys, zipfile
wheel, out = sys.argv[1:]
with zipfile.ZipFile(wheel) as z:  # headers and libraries only, in the wheel's layout (libtorch_cpu's RPATH)
    z.extractall(out, [n for n in z.namelist() if n.startswith(("torch/include/", "torch/lib/", "torch.libs/"))])
EOF
  echo "$torch_version" > "$SITE.partial/.version"
  rm -rf "$SITE" && mv "$SITE.partial" "$SITE"
fi

# ---- the arm64 sysroot: Pd and the libraries brave~ and libtorch load from the system.
if [ "$(cat "$SYSROOT/.packages" 2>/dev/null)" != "${SYSROOT_PACKAGES[*]}" ]; then
  apt_dir="$ARM/apt"
  mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$apt_dir/sources"
  : > "$apt_dir/status"  # nothing installed: apt downloads the whole dependency closure
  # The host's Debian sources (deb822 since bookworm, else the one-line file), for arm64.
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    cp /etc/apt/sources.list.d/debian.sources "$apt_dir/sources/"
  else
    grep -h '^deb ' /etc/apt/sources.list > "$apt_dir/sources/debian.list"
  fi
  apt_opts=(-q -o APT::Architecture=arm64 -o APT::Architectures::=arm64
            -o Dir::State::Lists="$apt_dir/lists" -o Dir::State::status="$apt_dir/status"
            -o Dir::Cache="$apt_dir/cache" -o Dir::Etc::SourceList=/dev/null
            -o Dir::Etc::SourceParts="$apt_dir/sources" -o Debug::NoLocking=1)
  echo "setup-arm64: downloading arm64 ${SYSROOT_PACKAGES[*]} and their dependencies" >&2
  apt-get "${apt_opts[@]}" update >/dev/null
  apt-get "${apt_opts[@]}" install -y --download-only --no-install-recommends "${SYSROOT_PACKAGES[@]}" >/dev/null
  rm -rf "$SYSROOT.partial" && mkdir -p "$SYSROOT.partial"
  for deb in "$apt_dir/cache/archives/"*_arm64.deb "$apt_dir/cache/archives/"*_all.deb; do
    [ -f "$deb" ] && dpkg-deb -x "$deb" "$SYSROOT.partial"
  done
  test -x "$SYSROOT.partial/usr/lib/puredata/bin/pd" || { echo "setup-arm64: no Pd in the arm64 packages" >&2; exit 1; }
  echo "${SYSROOT_PACKAGES[*]}" > "$SYSROOT.partial/.packages"
  rm -rf "$SYSROOT" && mv "$SYSROOT.partial" "$SYSROOT"
fi

# ---- the runner: the arm64 Pd under qemu. Absolute paths: it also runs under `env -i`.
runner="$ARM/pd"
cat > "$runner.partial" <<EOF
#!/bin/sh
# Debian's arm64 Pd in $SYSROOT, under emulation (scripts/setup-arm64.sh).
# -nrt: no real-time priority, so no pd-watchdog, an aarch64 program Pd would exec (not via qemu).
exec $(command -v qemu-aarch64-static) -L "$SYSROOT" "$SYSROOT/usr/lib/puredata/bin/pd" -nrt "\$@"
EOF
chmod +x "$runner.partial" && mv "$runner.partial" "$runner"
