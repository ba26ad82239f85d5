"""Headless Pure Data for the tests: the builders and runner of brave_export.pdrun (its docstring
shows how to build and run a patch), plus the tests' own checks (check_stderr) and the build step
(build_external). Here `run_pd` puts brave~'s package folder on Pd's path by default, and

    check_stderr(run)                           # fails on "couldn't create", crashes, errors
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
