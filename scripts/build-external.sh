#!/usr/bin/env bash
# Build the brave~ Pd external into build/pd/brave~/ (brave~.pd_linux + brave~-help.pd),
# a folder laid out as a Pd package: pass it to Pd with `-path build/pd/brave~`.
# ARCH=arm64: cross-build it for 64-bit ARM Linux into build/arm64/brave~/ instead, against the
# aarch64 torch wheel (scripts/setup-arm64.sh, run first, fetches it; build/arm64/pd runs it).
# Idempotent: a fast no-op when everything is up to date.
# Needs: cmake, g++, puredata-dev (m_pd.h), and the project's venv with torch (make venv).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
ARCH=${ARCH:-amd64}

command -v cmake >/dev/null || { echo "build-external: cmake not found (make system installs it)" >&2; exit 1; }
[ -x "$PY" ] || { echo "build-external: $PY not found: run make venv first" >&2; exit 1; }
PY_ABS=$(cd "$(dirname "$PY")" && pwd)/$(basename "$PY")
case "$ARCH" in
  amd64)
    BUILD=build/external
    PKG="$PWD/build/pd/brave~"
    TORCH_DIR=$("$PY" -c "import torch, os; print(os.path.dirname(torch.__file__))")
    CROSS=()
    TARGETS=() ;;  # everything, the engine's CTest program included
  arm64)
    bash scripts/setup-arm64.sh
    BUILD=build/arm64/external
    PKG="$PWD/build/arm64/brave~"
    TORCH_DIR="$PWD/build/arm64/torch-site/torch"
    CROSS=(-DCMAKE_TOOLCHAIN_FILE="$PWD/externals/cmake/aarch64-linux-gnu.cmake")
    TARGETS=(--target brave_tilde brave_tilde_help) ;;  # the engine tests run on the host build
  *)
    echo "build-external: ARCH=$ARCH: use amd64 or arm64" >&2; exit 1 ;;
esac

# Configure only when the cache is missing or points at another torch / package folder;
# afterwards `cmake --build` re-runs the configure step by itself when CMakeLists.txt changes.
cache="$BUILD/CMakeCache.txt"
if [ ! -f "$cache" ] \
   || ! grep -qxF "TORCH_DIR:PATH=$TORCH_DIR" "$cache" \
   || ! grep -qxF "PD_PACKAGE_DIR:PATH=$PKG" "$cache" \
   || ! grep -q "^PYTHON_EXECUTABLE:FILEPATH=$PY_ABS\$" "$cache"; then
  cmake -S externals -B "$BUILD" -DCMAKE_BUILD_TYPE=Release \
    -DTORCH_DIR="$TORCH_DIR" -DPD_PACKAGE_DIR="$PKG" -DPYTHON_EXECUTABLE="$PY_ABS" "${CROSS[@]}" >/dev/null
fi
cmake --build "$BUILD" -j "${JOBS:-2}" "${TARGETS[@]}" \
  | { grep -v -E -e "^ninja: no work to do" -e "^\[.*\] Built target" -e "^g?make\[[0-9]+\]: (Entering|Leaving) directory" || true; }
test -f "$PKG/brave~.pd_linux" && test -f "$PKG/brave~-help.pd"
