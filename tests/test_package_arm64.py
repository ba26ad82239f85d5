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

import numpy as np
import pytest

from brave_export import pdpackage
from brave_export.presets import brave_latency
from brave_export.probe import write_probe

from .pd_util import REPO, Patch, check_stderr, run_pd
from .test_package import check_archive, check_links, loader_trace

pytestmark = pytest.mark.slow

ARM64 = pdpackage.ARM64
SR = 44100
BLOCK = 64
R = 128  # the probe's ratio, and the BRAVE export's
D = 37  # the probe's own delay
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


def emulated_pd(monkeypatch, *env: str) -> None:
    """The tests' Pd (pdrun's $PD_COMMAND) becomes the emulated arm64 one, started with only `env`."""
    monkeypatch.setenv("PD_COMMAND", " ".join(["env", "-i", *env, ARM64.pd()]))


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
    assert "brave~[v" in (folder / "README.txt").read_text()


def test_arm64_plays_probe_and_export_in_a_clean_environment(externals, brave_ts, tmp_path, monkeypatch):
    """Emulated arm64 Pd with `env -i`: [brave~] loads from the unzipped package; a delaying probe
    comes out exactly B - gcd(B, N) + its own delay late; the smoke-trained BRAVE export (fp32) gives
    finite, non-silent audio starting B - gcd(B, N) samples in; the loader took libtorch_cpu from
    the package and opened nothing of the checkout."""
    shutil.copy(brave_ts.path, tmp_path / "brave.ts")
    write_probe(tmp_path / "probe37.ts", ratio=R, delay=D)
    ld = tmp_path / "ld"
    ld.mkdir()
    emulated_pd(monkeypatch, "LD_DEBUG=libs", f"LD_DEBUG_OUTPUT={ld}/ld")
    n = 16 * R  # 16 calls of the model: a few seconds emulated
    patch = Patch(duration_ms=1000 * n // SR + 20)
    sub = patch.subpatch("dsp", block=BLOCK)
    src = sub.obj("noise~")
    sub.record(src, "in", n)
    probe = sub.obj(f"brave~ probe37.ts forward {R}")
    brave = sub.obj(f"brave~ brave.ts forward {R}")
    for obj, name in ((probe, "probe"), (brave, "brave")):
        sub.connect(src, 0, obj, 0)
        sub.record(obj, name, n)
    sub.receive("ctl", brave)
    sub.connect(brave, 1, sub.obj("print info"), 0)
    patch.at(10, "ctl latency")
    run = run_pd(patch, tmp_path, paths=[externals], timeout=TIMEOUT)
    # oneDNN cannot read the CPU's identity register under qemu (a board has the sysfs entry)
    check_stderr(run, allowed=[r"Can't open MIDR_EL1 sysfs entry"])

    L = brave_latency(R, BLOCK)
    inp, out = run.arrays["in"], run.arrays["probe"]
    lag = L + D
    assert not out[:lag].any() and np.array_equal(out[lag:], inp[:n - lag]), "probe: not delayed by L + D"

    y = run.arrays["brave"]
    assert np.isfinite(y).all()
    rms = float(np.sqrt(np.mean(y[L:].astype(np.float64) ** 2)))
    assert rms > 1e-3 and np.abs(y).max() > 1e-2, f"output nearly silent (rms {rms:.2e})"
    assert not y[:L].any() and np.abs(y[L:L + R]).max() > 0
    own = brave_ts.model_delay
    assert run.lines(rf"^info: latency {L} [\d.]+ {own} {L + own} [\d.]+$"), run.stderr

    tried = loader_trace(ld)
    assert tried, "no LD_DEBUG output"
    assert not [p for p in tried if str(REPO) in p or ".venv" in p or "site-packages" in p], tried
    torch_cpu = [p for p in tried if p.endswith("/libtorch_cpu.so")]
    assert torch_cpu and all(p.startswith(str(externals / "brave~" / "lib")) for p in torch_cpu), torch_cpu


def test_arm64_refuses_fp16_weights_in_one_line(externals, brave_fp16_ts, tmp_path, monkeypatch):
    """fp16 products are fbgemm's, which ARM builds of libtorch lack: [brave~] with an fp16 export
    is created, says in one line that the file has fp16 weights and to export it with
    --weights fp32, and plays silence instead of crashing."""
    shutil.copy(brave_fp16_ts.path, tmp_path / "brave16.ts")
    emulated_pd(monkeypatch)
    n = 4 * R
    patch = Patch(duration_ms=1000 * n // SR + 20)
    sub = patch.subpatch("dsp", block=BLOCK)
    src = sub.obj("noise~")
    half = sub.obj(f"brave~ brave16.ts forward {R}")
    sub.connect(src, 0, half, 0)
    sub.record(half, "half", n)
    run = run_pd(patch, tmp_path, timeout=TIMEOUT, paths=[externals])
    errors = check_stderr(run, allowed=[r"brave16\.ts has fp16 weights", r"Can't open MIDR_EL1 sysfs entry"])
    refusals = [l for l in errors if "brave16.ts" in l]
    assert len(refusals) == 1, run.stderr
    assert "--weights fp32" in refusals[0], refusals[0]
    assert not run.arrays["half"].any()
