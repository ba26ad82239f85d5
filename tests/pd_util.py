"""Headless Pure Data for the tests: the builders and runner of brave_export.pdrun, plus the
tests' own checks (check_stderr) and the build step (build_external).

    patch = Patch(duration_ms=200)              # loadbang: `start`, dsp on; quits after 200 ms
    sub = patch.subpatch("dsp", block=256)      # a [pd dsp] with [block~ 256] inside
    src = sub.obj("noise~")
    brave = sub.obj("brave~ probe.ts forward 128")
    sub.connect(src, 0, brave, 0)
    sub.record(src, "in", 4096)                 # [table in 4096] + [tabwrite~ in] started by `start`
    sub.record(brave, "out", 4096)
    patch.at(50, "ctl load probe.ts")           # `; ctl load probe.ts` 50 ms after start
    run = run_pd(patch, tmp_path)               # with brave~'s package folder on Pd's path
    check_stderr(run)                           # fails on "couldn't create", crashes, errors
    run.arrays["in"], run.arrays["out"]         # float32 numpy arrays
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Sequence

from brave_export import pdrun
from brave_export.pdrun import EXTERNAL_DIR, PATCH_DIR, REPO, Canvas, Patch, PdRun, pd_command, pd_escape

__all__ = ["EXTERNAL_DIR", "PATCH_DIR", "REPO", "Canvas", "Patch", "PdRun", "pd_command", "pd_escape",
           "build_external", "run_pd", "check_stderr"]

BUILD_SCRIPT = REPO / "scripts" / "build-external.sh"


def build_external(timeout: float = 900) -> Path:
    """Build brave~ (a no-op when up to date); returns the Pd package folder to pass as -path."""
    r = subprocess.run(["bash", str(BUILD_SCRIPT)], cwd=REPO, capture_output=True, text=True, timeout=timeout)
    if r.returncode != 0:
        raise RuntimeError(f"scripts/build-external.sh failed ({r.returncode}):\n{r.stdout}\n{r.stderr}")
    return EXTERNAL_DIR


def run_pd(patch, workdir: Path, *, paths: Sequence[Path] = (EXTERNAL_DIR,), **kwargs) -> PdRun:
    """brave_export.pdrun.run_pd with brave~'s package folder on Pd's path by default."""
    return pdrun.run_pd(patch, workdir, paths=paths, **kwargs)


FATAL = ("couldn't create", "Pd: signal", "segmentation fault", "aborted", "stack smashing",
         "bad arguments for message", "no method for")


def check_stderr(stderr: "str | PdRun", allowed: Sequence[str] = ()) -> list[str]:
    """Fails on "couldn't create", crash messages, and any line mentioning an error that matches
    none of the `allowed` regular expressions. Returns the error lines that were allowed."""
    if isinstance(stderr, PdRun):
        assert stderr.returncode == 0, f"pd exited with {stderr.returncode}:\n{stderr.stderr}"
        stderr = stderr.stderr
    seen = []
    for line in stderr.splitlines():
        low = line.lower()
        for bad in FATAL:
            assert bad.lower() not in low, f"{bad!r} in Pd's output:\n{stderr}"
        if re.search(r"\berror\b", low):
            assert any(re.search(a, line) for a in allowed), f"unexpected error line {line!r}:\n{stderr}"
            seen.append(line)
    return seen
