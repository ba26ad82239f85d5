"""Running Pd headless: the command, one batch run under a timeout, what it printed and recorded."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import signal
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from ..errors import UserError
from .pdfile import Canvas, Patch


class PdError(UserError):
    """Pd could not be run, or did not do what the patch asked."""



def pd_command() -> list[str]:
    """The Pd command: $PD_COMMAND when set (e.g. "valgrind -q pd" to debug), else pd."""
    if os.environ.get("PD_COMMAND"):
        return shlex.split(os.environ["PD_COMMAND"])
    pd = shutil.which("pd") or shutil.which("puredata")
    if not pd:
        raise PdError("Pure Data (pd) not found: install puredata-core (make system), or set PD_COMMAND")
    return [pd]



@dataclass
class PdRun:
    returncode: int
    stderr: str
    stdout: str
    workdir: Path
    arrays: dict[str, np.ndarray] = field(default_factory=dict)

    def lines(self, pattern: str) -> list[str]:
        """stderr lines matching the regular expression `pattern`."""
        return [l for l in self.stderr.splitlines() if re.search(pattern, l)]


def read_wav(path: Path) -> np.ndarray:
    """A mono 32-bit float wav file written by Pd's soundfiler, as float32."""
    from scipy.io import wavfile

    _, data = wavfile.read(str(path))
    return np.asarray(data, dtype=np.float32)


def console_tail(text: str, n: int = 15) -> str:
    lines = [l for l in text.strip().splitlines() if l.strip()]
    return "\n".join(lines[-n:])


def run_pd(
    patch: "Patch | Canvas | str | Path",
    workdir: Path,
    *,
    name: str = "test.pd",
    paths: Sequence[Path] = (),
    arrays: Iterable[str] = (),
    sr: int = 44100,
    timeout: float = 60,
    extra_args: Sequence[str] = (),
    batch: bool = True,
) -> PdRun:
    """Writes `patch` (a Patch or Canvas, patch text, or an existing .pd file) into `workdir`, runs Pd
    on it headless (batch mode, under `timeout` seconds) and returns its console output and the
    arrays it wrote (ARRAY.wav in workdir). Raises PdError when Pd is missing, does not finish, or
    wrote no file for an expected array. `batch=False` runs Pd's own real-time scheduler instead
    (-nosound, no audio device): the patch's logical time then follows the wall clock."""
    workdir = Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    arrays = list(arrays)
    if isinstance(patch, Canvas):
        patch_file = patch.write(workdir / name)
        arrays += getattr(patch, "arrays", [])
    elif isinstance(patch, Path):
        patch_file = patch
    else:
        patch_file = workdir / name
        patch_file.write_text(patch)
    for a in arrays:
        (workdir / f"{a}.wav").unlink(missing_ok=True)
    cmd = [*pd_command(), "-nogui", "-nosound", "-noprefs", *(["-batch"] if batch else []), "-r", str(sr), "-stderr"]
    for p in paths:
        cmd += ["-path", str(p)]
    cmd += [*extra_args, "-open", str(patch_file)]
    try:
        proc = subprocess.Popen(cmd, cwd=workdir, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                start_new_session=True)
    except OSError as exc:
        raise PdError(f"cannot run {cmd[0]}: {exc.strerror}") from exc
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        raise PdError(f"pd did not finish within {timeout:g} s (a patch that fails to open makes -batch spin): "
                      f"{' '.join(cmd)}\n{console_tail(err)}")
    run = PdRun(proc.returncode, err, out, workdir)
    missing = []
    for a in arrays:
        f = workdir / f"{a}.wav"
        if f.exists():
            run.arrays[a] = read_wav(f)
        else:
            missing.append(a)
    if missing:
        raise PdError(f"pd wrote no {', '.join(m + '.wav' for m in missing)} (exit code {proc.returncode})"
                      f"\n{console_tail(err)}")
    return run
