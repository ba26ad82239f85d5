"""What must go through acids-rave's own `rave` command: `rave preprocess` (the dataset
`brave-export train` trains on) and the path to the command (the reference `rave export` of the
equivalence checks). Training itself is trainer.py's, in process, for everyone.

`rave preprocess` decodes in a multiprocessing pool; when a worker fails, the pool's error
callback prints the exception and the command then waits forever for the rest. So the command
runs under a watch: in a process session of its own (every process it starts can be ended
together, and the terminal's Ctrl-C and input stay ours), with no terminal input, its output
read as it comes, and ended within a poll of the first sign of failure.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from .datacheck import audio_files
from .errors import UserError

POLL_S = 0.2
# What rave preprocess prints when a pool worker fails: its map_async error callback prints the
# exception tuple, e.g. "(TypeError('cannot unpack non-iterable NoneType object'),)", often
# right after tqdm's progress (which ends in a carriage return, not a new line).
POOL_ERROR = re.compile(r"\((\w+(?:Error|Exception|Exit)\(.*\)),\)\s*$", re.M)


def rave_command() -> list[str]:
    """The `rave` CLI of the interpreter running us (the project's virtual environment)."""
    beside = Path(sys.executable).with_name("rave")
    if beside.is_file():
        return [str(beside)]
    found = shutil.which("rave")
    if found:
        return [found]
    raise UserError("the `rave` command (acids-rave) is not installed: run `make setup`")


class Failed(Exception):
    """The watched command failed: `detail` is the line that says how."""

    def __init__(self, detail: str):
        super().__init__(detail)
        self.detail = detail


def run_watched(cmd: list[str], log: Path, failure=POOL_ERROR, poll_s: float = POLL_S) -> None:
    """Run `cmd` with its output in `log`; return when it exits 0, raise `Failed` when it exits
    otherwise or prints a line matching `failure`. Whatever happens (Ctrl-C, SIGTERM, a
    failure), every process it started is ended before this returns."""
    env = dict(os.environ, PYTHONUNBUFFERED="1")  # its error lines reach the log at once
    with open(log, "w") as out:
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT, env=env,
                                start_new_session=True)
    try:
        with _sigterm_as_exit():
            while True:
                code = proc.poll()
                text = log.read_text(errors="replace")
                found = failure.search(text)
                if found:
                    raise Failed(found.group(1))
                if code is not None:
                    if code != 0:
                        raise Failed(_last_line(text) or f"exit code {code}")
                    return
                time.sleep(poll_s)
    finally:
        _end_session(proc)


def _last_line(text: str) -> str:
    lines = [l.strip() for l in text.splitlines() if l.strip() and "%|" not in l]  # not tqdm's bars
    return lines[-1] if lines else ""


class _sigterm_as_exit:
    """SIGTERM (a closed terminal, a test's timeout) unwinds like Ctrl-C does, so the `finally`
    that ends the child's session runs; restored on exit. Main thread only (signals are)."""

    def __enter__(self):
        self.previous = None
        if threading.current_thread() is threading.main_thread():
            self.previous = signal.signal(signal.SIGTERM, self._exit)
        return self

    @staticmethod
    def _exit(signum, frame):
        raise SystemExit(128 + signum)

    def __exit__(self, *exc):
        if self.previous is not None:
            signal.signal(signal.SIGTERM, self.previous)


def _end_session(proc: subprocess.Popen) -> None:
    """End the process and everything it started (its session's process group)."""
    for sig, wait_s in ((signal.SIGTERM, 2.0), (signal.SIGKILL, 5.0)):
        try:
            os.killpg(proc.pid, sig)
        except (ProcessLookupError, PermissionError):
            break  # the group is gone
        try:
            proc.wait(timeout=wait_s)
        except subprocess.TimeoutExpired:
            continue
        if not _group_alive(proc.pid):
            break
        time.sleep(0.1)
    proc.wait()


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
        return True
    except (ProcessLookupError, PermissionError):
        return False


def preprocess(audio_dir: str | Path, db_dir: str | Path, num_signal: int = 65536, log: Path | None = None) -> Path:
    """`rave preprocess` of `audio_dir` into the database `db_dir`; a failure is one line naming
    the file it failed on (when one can be named), with nothing left running."""
    audio_dir = Path(audio_dir)
    files = audio_files(audio_dir)
    db = Path(db_dir).resolve()
    if (db / "data.mdb").exists():
        raise UserError(f"dataset {db} already exists: remove it or choose another folder")
    made = not db.exists()
    db.mkdir(parents=True, exist_ok=True)
    log = Path(log) if log is not None else db / "preprocess.log"
    cmd = rave_command() + ["preprocess", "--input_path", str(audio_dir.resolve()), "--output_path", str(db),
                            "--num_signal", str(num_signal), "--channels", "1"]
    try:
        run_watched(cmd, log)
    except BaseException as exc:
        if made:  # no half-made database left behind (the caller's log stays where it asked)
            shutil.rmtree(db, ignore_errors=True)
        if isinstance(exc, Failed):
            raise blame(exc, audio_dir, files) from None
        raise
    return db


def blame(failed: Failed, audio_dir: Path, files: list[Path]) -> UserError:
    """The one line for a failed preprocess: the file it failed on, found by asking ffprobe
    what rave asks it (a link in a staging folder is named by the file it points to)."""
    culprit = next((p for p in files if rave_cannot_probe(p)), None)
    if culprit is None:
        return UserError(f"`rave preprocess` failed on {audio_dir} ({failed.detail}); no single file could be "
                         "blamed: try converting the audio to .wav")
    return UserError(f"`rave preprocess` failed on {culprit.resolve()} ({failed.detail}): ffprobe finds no "
                     "audio channels in it; remove or convert that file")


def rave_cannot_probe(path: Path) -> bool:
    """True when `rave preprocess` cannot read the file's channel count: it asks ffprobe and
    takes the second line of the answer, and a worker fails when there is none."""
    try:
        out = subprocess.run(["ffprobe", "-i", str(path), "-v", "error", "-show_entries", "stream=channels"],
                             stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60)
        int(out.stdout.split("\n")[1].split("=")[-1])
        return out.returncode != 0
    except (OSError, subprocess.SubprocessError, IndexError, ValueError):
        return True
