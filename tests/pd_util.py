"""Run headless Pure Data from tests: build a patch, run pd, return stderr and recorded arrays.

    patch = Patch(duration_ms=200)              # loadbang: `start`, dsp on; quits after 200 ms
    sub = patch.subpatch("dsp", block=256)      # a [pd dsp] with [block~ 256] inside
    src = sub.obj("noise~")
    brave = sub.obj("brave~ probe.ts forward 128")
    sub.connect(src, 0, brave, 0)
    sub.record(src, "in", 4096)                 # [table in 4096] + [tabwrite~ in] started by `start`
    sub.record(brave, "out", 4096)
    patch.at(50, "ctl load probe.ts")           # `; ctl load probe.ts` 50 ms after start
    run = run_pd(patch, tmp_path, paths=[EXTERNAL_DIR])
    check_stderr(run.stderr)                    # fails on "couldn't create", crashes, errors
    run.arrays["in"], run.arrays["out"]         # float32 numpy arrays

Pd runs in batch mode (-batch: faster than real time, no audio device) under a timeout: a
patch that fails to open makes it spin forever. Arrays are recorded with tabwrite~ and written
by soundfiler as 32-bit float wav files before `; pd quit` (writesf~ races the quit).
"""

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

REPO = Path(__file__).resolve().parents[1]
EXTERNAL_DIR = REPO / "build" / "pd" / "brave~"
BUILD_SCRIPT = REPO / "scripts" / "build-external.sh"


def pd_command() -> list[str]:
    """The Pd command: $PD_COMMAND when set (e.g. "valgrind -q pd" to debug), else pd."""
    if os.environ.get("PD_COMMAND"):
        return shlex.split(os.environ["PD_COMMAND"])
    pd = shutil.which("pd") or shutil.which("puredata")
    if not pd:
        raise RuntimeError("Pure Data (pd) not found: install puredata-core (make system)")
    return [pd]


def build_external(timeout: float = 900) -> Path:
    """Build brave~ (a no-op when up to date); returns the Pd package folder to pass as -path."""
    r = subprocess.run(["bash", str(BUILD_SCRIPT)], cwd=REPO, capture_output=True, text=True, timeout=timeout)
    if r.returncode != 0:
        raise RuntimeError(f"scripts/build-external.sh failed ({r.returncode}):\n{r.stdout}\n{r.stderr}")
    return EXTERNAL_DIR


def pd_escape(text: str) -> str:
    """Escape message text for a .pd file: `;` and `,` separate messages, `$` is a dollar arg."""
    return re.sub(r"\s*([;,$])", r" \\\1", text).strip()


class Canvas:
    """A Pd canvas: objects are numbered in creation order, as in the .pd file."""

    def __init__(self, root: "Patch | None" = None, name: str | None = None):
        self.root = root if root is not None else self
        self.name = name
        self._items: list = []  # str lines or child Canvas, in object order
        self._connects: list[str] = []
        self._count = 0

    def _add(self, line_or_canvas) -> int:
        self._items.append(line_or_canvas)
        self._count += 1
        return self._count - 1

    def _pos(self) -> tuple[int, int]:
        return 10 + 180 * (self._count // 20), 10 + 30 * (self._count % 20)

    def obj(self, text: str) -> int:
        x, y = self._pos()
        return self._add(f"#X obj {x} {y} {pd_escape(text)};")

    def msg(self, text: str) -> int:
        x, y = self._pos()
        return self._add(f"#X msg {x} {y} {pd_escape(text)};")

    def comment(self, text: str) -> int:
        x, y = self._pos()
        return self._add(f"#X text {x} {y} {pd_escape(text)};")

    def connect(self, src: int, outlet: int, dst: int, inlet: int = 0) -> None:
        self._connects.append(f"#X connect {src} {outlet} {dst} {inlet};")

    def chain(self, *ids: int) -> None:
        """Connects outlet 0 of each object to inlet 0 of the next."""
        for a, b in zip(ids, ids[1:]):
            self.connect(a, 0, b, 0)

    def subpatch(self, name: str, block: int | None = None) -> "Canvas":
        """A [pd NAME] subpatch; with `block`, a [block~ BLOCK] inside sets its block size."""
        child = Canvas(self.root, name)
        self._add(child)
        if block is not None:
            child.obj(f"block~ {int(block)}")
        return child

    def receive(self, name: str, dst: int, inlet: int = 0) -> int:
        """[r NAME] connected to dst: lets Patch.at() send messages to objects in any canvas."""
        r = self.obj(f"r {name}")
        self.connect(r, 0, dst, inlet)
        return r

    def record(self, src: int, array: str, size: int, outlet: int = 0, start: str = "start") -> int:
        """Records signal outlet `outlet` of `src` into [table ARRAY SIZE] from the `start` message
        on; run_pd reads it back as run.arrays[ARRAY] (float32)."""
        self.obj(f"table {array} {int(size)}")
        w = self.obj(f"tabwrite~ {array}")
        self.connect(src, outlet, w, 0)
        self.receive(start, w)
        self.root.arrays.append(array)
        return w

    def lines(self, x: int = 0, y: int = 0) -> list[str]:
        out = []
        if self.name is None:
            out.append("#N canvas 0 50 900 700 12;")
        else:
            out.append(f"#N canvas 0 50 900 700 {self.name} 0;")
        for i, item in enumerate(self._items):
            if isinstance(item, Canvas):
                out += item.lines()
                out.append(f"#X restore {10 + 180 * (i // 20)} {10 + 30 * (i % 20)} pd {item.name};")
            else:
                out.append(item)
        return out + self._connects


class Patch(Canvas):
    """A top-level patch with a standard run: on load it sends `start` (bang) and `; pd dsp 1`;
    `duration_ms` later it writes every recorded array to ARRAY.wav and sends `; pd quit`."""

    def __init__(self, duration_ms: float = 200, start: str = "start"):
        self.arrays: list[str] = []
        self.events: list[tuple[float, str]] = []
        self.duration_ms = duration_ms
        self.start = start
        super().__init__(None, None)

    def at(self, ms: float, message: str) -> None:
        """Sends `; MESSAGE` (e.g. "ctl load probe.ts") `ms` after start (logical time); messages
        given the same time are sent in the order given."""
        self.events.append((ms, message))

    def lines(self, x: int = 0, y: int = 0) -> list[str]:
        if not getattr(self, "_scaffolded", False):
            self._scaffolded = True
            lb = self.obj("loadbang")
            go = self.msg(f"; {self.start} bang; pd dsp 1")
            self.connect(lb, 0, go, 0)
            by_time: dict[float, list[str]] = {}
            for ms, message in self.events:  # same time: one message box, sent in order
                by_time.setdefault(ms, []).append(message)
            for ms, messages in by_time.items():
                d = self.obj(f"delay {ms}")
                self.receive(self.start, d)
                m = self.msg("".join(f"; {message}" for message in messages))
                self.connect(d, 0, m, 0)
            end = self.obj(f"delay {self.duration_ms}")
            self.receive(self.start, end)
            t = self.obj("t b b")
            self.connect(end, 0, t, 0)
            if self.arrays:
                writes = ", ".join(f"write -bytes 4 {a}.wav {a}" for a in self.arrays)
                w = self.msg(writes)
                sf = self.obj("soundfiler")
                self.connect(t, 1, w, 0)
                self.connect(w, 0, sf, 0)
            q = self.msg("; pd quit")
            self.connect(t, 0, q, 0)
        return super().lines()

    def text(self) -> str:
        return "\n".join(self.lines()) + "\n"

    def write(self, path: Path) -> Path:
        path = Path(path)
        path.write_text(self.text())
        return path


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


def run_pd(
    patch: "Patch | str | Path",
    workdir: Path,
    *,
    name: str = "test.pd",
    paths: Sequence[Path] = (EXTERNAL_DIR,),
    arrays: Iterable[str] = (),
    sr: int = 44100,
    timeout: float = 60,
    extra_args: Sequence[str] = (),
) -> PdRun:
    """Writes `patch` (a Patch, patch text, or an existing .pd file) into `workdir`, runs Pd on it
    headless and returns its stderr and the arrays it wrote (ARRAY.wav in workdir)."""
    import soundfile

    workdir = Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    if isinstance(patch, Patch):
        patch_file = patch.write(workdir / name)
        arrays = list(arrays) + patch.arrays
    elif isinstance(patch, Path):
        patch_file = patch
    else:
        patch_file = workdir / name
        patch_file.write_text(patch)
    for a in arrays:
        (workdir / f"{a}.wav").unlink(missing_ok=True)
    cmd = [*pd_command(), "-nogui", "-nosound", "-noprefs", "-batch", "-r", str(sr), "-stderr"]
    for p in paths:
        cmd += ["-path", str(p)]
    cmd += [*extra_args, "-open", str(patch_file)]
    proc = subprocess.Popen(cmd, cwd=workdir, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        raise AssertionError(f"pd did not finish within {timeout} s (a patch that fails to open makes "
                             f"-batch spin): {' '.join(cmd)}\nstderr:\n{err}")
    run = PdRun(proc.returncode, err, out, workdir)
    missing = []
    for a in arrays:
        f = workdir / f"{a}.wav"
        if f.exists():
            data, _ = soundfile.read(str(f), dtype="float32", always_2d=False)
            run.arrays[a] = data
        else:
            missing.append(a)
    if missing:
        raise AssertionError(f"pd wrote no {', '.join(m + '.wav' for m in missing)} (rc {proc.returncode})"
                             f"\nstderr:\n{err}")
    return run


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
