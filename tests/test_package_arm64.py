"""The arm64 deken package (`make package-arm64`, for Raspberry Pi OS 64-bit and other aarch64
Linux boards) as a board owner gets it, run here under emulation: cross-built against PyPI's aarch64
torch wheel, unzipped into a fresh Pd externals folder, and played by Debian's arm64 Pd under qemu
(build/arm64/pd, written by scripts/setup-arm64.sh, which build_package runs first) with an empty
environment (`env -i`). The checks are test_package.py's, for the other CPU.

Emulated, Pd takes tens of seconds to load libtorch and a BRAVE call is tens of times slower than
here: the patches are short and every run is under a generous timeout."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from brave_export import pdpackage

from .pd_util import Patch, check_stderr, run_pd
from .test_package import BLOCK, R, SR, check_archive, check_links, play_in_a_clean_environment

pytestmark = pytest.mark.slow

ARM64 = pdpackage.ARM64
TIMEOUT = 600  # one emulated Pd run; 20 to 70 s here (2 cores shared with other jobs)


@pytest.fixture(scope="module")
def package():
    return pdpackage.build_package(log=lambda m: None, arch=ARM64)


@pytest.fixture(scope="module")
def externals(package, tmp_path_factory):
    """A fresh Pd externals folder with the arm64 .dek unzipped into it."""
    folder = tmp_path_factory.mktemp("board") / "Documents" / "Pd" / "externals"
    pdpackage.unpack(package.dek, folder)
    return folder


def elf_machine(path) -> str:
    out = subprocess.run(["readelf", "-h", str(path)], capture_output=True, text=True, check=True).stdout
    return re.search(r"Machine:\s+(.+)", out)[1].strip()


def test_arm64_archive_is_an_aarch64_package(package, externals):
    """Named and laid out as the amd64 package; the object and every library in lib/ are aarch64
    ELF files; lib/ holds exactly what the object loads, and the arm64 loader (run under qemu)
    resolves all of it inside the package or in the board's system folders."""
    check_archive(package, "arm64")
    folder = externals / "brave~"
    assert elf_machine(folder / "brave~.pd_linux") == "AArch64"
    for lib in (folder / "lib").iterdir():
        assert elf_machine(lib) == "AArch64", lib.name
    check_links(folder, ARM64)
    assert "Linux-arm64-32" in (folder / "README.txt").read_text()  # the install section covers it


def test_arm64_plays_probe_and_export_in_a_clean_environment(externals, brave_ts, tmp_path, monkeypatch):
    """test_package's check in the emulated arm64 Pd with `env -i`: the probe's latency is exact,
    the smoke-trained export (fp32) plays non-silently, libtorch comes from the package. 16 calls
    of the model: a few seconds emulated."""
    play_in_a_clean_environment(externals, brave_ts, tmp_path, monkeypatch, ARM64, n=16 * R, timeout=TIMEOUT)


def test_arm64_refuses_fp16_weights_in_one_line(externals, brave_fp16_ts, tmp_path, monkeypatch):
    """fp16 products are fbgemm's, which ARM builds of libtorch lack: [brave~] with an fp16 export
    is created, says in one line that the file has fp16 weights and to export it with
    --weights fp32, and plays silence instead of crashing."""
    shutil.copy(brave_fp16_ts.path, tmp_path / "brave16.ts")
    monkeypatch.setenv("PD_COMMAND", f"env -i {ARM64.pd()}")
    n = 4 * R
    patch = Patch(duration_ms=1000 * n // SR + 20)
    sub = patch.subpatch("dsp", block=BLOCK)
    src = sub.obj("noise~")
    half = sub.obj(f"brave~ brave16.ts forward {R}")
    sub.connect(src, 0, half, 0)
    sub.record(half, "half", n)
    run = run_pd(patch, tmp_path, timeout=TIMEOUT, paths=[externals])
    errors = check_stderr(run, allowed=[r"brave16\.ts has fp16 weights"])
    refusals = [l for l in errors if "brave16.ts" in l]
    assert len(refusals) == 1, run.stderr
    assert "--weights fp32" in refusals[0], refusals[0]
    assert not run.arrays["half"].any()
