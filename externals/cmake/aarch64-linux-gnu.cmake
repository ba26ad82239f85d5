# Cross-building brave~ for 64-bit ARM Linux (Raspberry Pi OS 64-bit and other aarch64 boards) on an
# x86-64 Debian with g++-aarch64-linux-gnu: scripts/build-external.sh passes this file when ARCH=arm64.
# libtorch comes from PyPI's aarch64 wheel (TORCH_DIR) and m_pd.h from the host's puredata-dev (the
# header is the same on every architecture), so nothing is looked up in a target sysroot.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)
set(CMAKE_STRIP aarch64-linux-gnu-strip)
