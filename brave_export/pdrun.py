"""Run Pure Data headless: write patches, run pd under a timeout, read back what it recorded.

The library side of this project's Pd patches (patches/pd) and of the brave~ tests:

    run_latency_patch("model.ts", buffer=128, block=64, trials=10)   # -> dict of figures
    run_forward_patch("model.ts", buffer=128, seconds=2)              # -> float32 numpy array
    run_latent_patch("model.ts", buffer=128, seconds=2, offsets={0: 1.5})

They open patches/pd/{latency,forward,latent}-brave.pd (or the -nn variants with kind="nn", which
need IRCAM's nn~ on Pd's path) as abstractions inside a small generated wrapper patch, in batch
mode (-batch: faster than real time, no audio device), under a timeout.

Lower level: `Patch` / `Canvas` build .pd files object by object, `run_pd` runs one and returns
Pd's console output (stderr) and the arrays the patch recorded:

    patch = Patch(duration_ms=200)              # loadbang: `start`, dsp on; quits after 200 ms
    sub = patch.subpatch("dsp", block=256)      # a [pd dsp] with [block~ 256] inside
    src = sub.obj("noise~")
    brave = sub.obj("brave~ probe.ts forward 128")
    sub.connect(src, 0, brave, 0)
    sub.record(brave, "out", 4096)              # [table out 4096] + [tabwrite~ out] started by `start`
    patch.at(50, "ctl load probe.ts")           # `; ctl load probe.ts` 50 ms after start
    run = run_pd(patch, workdir, paths=[external_dir()])
    run.arrays["out"]                           # float32 numpy array

Arrays are written by soundfiler as 32-bit float wav files before `; pd quit` (writesf~ races the
quit). A patch that fails to open makes -batch spin forever: hence the timeout.
"""

from __future__ import annotations

import math
import os
import re
import shlex
import shutil
import signal
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping, Sequence

import numpy as np

from .errors import UserError
from .hosts import is_power_of_two

REPO = Path(__file__).resolve().parents[1]
PATCH_DIR = REPO / "patches" / "pd"
EXTERNAL_DIR = REPO / "build" / "pd" / "brave~"
KINDS = ("brave", "nn")  # which object the patches run: brave~ or nn~


class PdError(UserError):
    """Pd could not be run, or did not do what the patch asked."""


# ----------------------------------------------------------------------------------- locating

def pd_command() -> list[str]:
    """The Pd command: $PD_COMMAND when set (e.g. "valgrind -q pd" to debug), else pd."""
    if os.environ.get("PD_COMMAND"):
        return shlex.split(os.environ["PD_COMMAND"])
    pd = shutil.which("pd") or shutil.which("puredata")
    if not pd:
        raise PdError("Pure Data (pd) not found: install puredata-core (make system), or set PD_COMMAND")
    return [pd]


def external_dir(path: str | Path | None = None) -> Path:
    """The Pd package folder holding brave~.pd_linux ($BRAVE_PD_EXTERNAL, else build/pd/brave~)."""
    d = Path(path or os.environ.get("BRAVE_PD_EXTERNAL") or EXTERNAL_DIR)
    if not (d / "brave~.pd_linux").is_file():
        raise PdError(f"brave~ is not built ({d}/brave~.pd_linux missing): run make external "
                      "(bash scripts/build-external.sh)")
    return d


def patch_dir(path: str | Path | None = None) -> Path:
    """The folder of the example patches (patches/pd of this repository)."""
    d = Path(path) if path else PATCH_DIR
    if not (d / "latency-brave.pd").is_file():
        raise PdError(f"the Pd patches are not in {d}: run from a checkout of the repository")
    return d


# ------------------------------------------------------------------------------ building .pd

def pd_escape(text: str) -> str:
    """Escape text for a .pd file: `;` and `,` separate messages (a space goes before them), `$` is a
    dollar argument (`$1`, `pd-$0-x`)."""
    text = re.sub(r"\s*([;,])", r" \\\1", str(text))
    return text.replace("$", "\\$").strip()


class Canvas:
    """A Pd canvas: objects are numbered in creation order, as in the .pd file. Positions are
    automatic (columns of 20) unless x and y are given."""

    def __init__(self, root: "Patch | None" = None, name: str | None = None, size=(900, 700), font: int = 12):
        self.root = root if root is not None else self
        self.name = name
        self.size = size
        self.font = font
        self.coords: str | None = None
        self.restore_at: tuple[int, int] | None = None
        self._items: list = []  # str lines or child Canvas, in object order
        self._connects: list[str] = []
        self._count = 0

    def _add(self, line_or_canvas) -> int:
        self._items.append(line_or_canvas)
        self._count += 1
        return self._count - 1

    def _pos(self, x, y) -> tuple[int, int]:
        if x is None or y is None:
            return 10 + 180 * (self._count // 20), 10 + 30 * (self._count % 20)
        return int(x), int(y)

    def obj(self, text: str, x: int | None = None, y: int | None = None) -> int:
        x, y = self._pos(x, y)
        return self._add(f"#X obj {x} {y} {pd_escape(text)};")

    def msg(self, text: str, x: int | None = None, y: int | None = None) -> int:
        x, y = self._pos(x, y)
        return self._add(f"#X msg {x} {y} {pd_escape(text)};")

    def comment(self, text: str, x: int | None = None, y: int | None = None, width: int | None = None) -> int:
        x, y = self._pos(x, y)
        return self._add(f"#X text {x} {y} {pd_escape(text)}{f', f {width}' if width else ''};")

    def floatatom(self, x: int | None = None, y: int | None = None, width: int = 5, label: str = "-") -> int:
        x, y = self._pos(x, y)
        return self._add(f"#X floatatom {x} {y} {width} 0 0 1 {label} - - 0;")

    # IEM GUIs (Pd 0.51+ file format, hex colours)
    _COLORS = "#fcfcfc #000000 #000000"

    def toggle(self, label: str = "empty", x=None, y=None, size: int = 15) -> int:
        return self.obj(f"tgl {size} 0 empty empty {label} {size + 4} 7 0 10 {self._COLORS} 0 1", x, y)

    def bang(self, label: str = "empty", x=None, y=None, size: int = 15) -> int:
        return self.obj(f"bng {size} 250 50 0 empty empty {label} {size + 4} 7 0 10 {self._COLORS}", x, y)

    def hslider(self, lo: float, hi: float, label: str = "empty", x=None, y=None, width: int = 100) -> int:
        return self.obj(f"hsl {width} 15 {lo} {hi} 0 0 empty empty {label} {width + 6} 7 0 10 {self._COLORS} 0 1",
                        x, y)

    def hradio(self, n: int, label: str = "empty", x=None, y=None) -> int:
        return self.obj(f"hradio 15 1 0 {n} empty empty {label} 0 -8 0 10 {self._COLORS} 0", x, y)

    def panel(self, w: int, h: int, label: str = "empty", x=None, y=None, color: str = "#e8e8e8") -> int:
        return self.obj(f"cnv 15 {w} {h} empty empty {label} 8 12 0 12 {color} #404040 0", x, y)

    def connect(self, src: int, outlet: int, dst: int, inlet: int = 0) -> None:
        self._connects.append(f"#X connect {src} {outlet} {dst} {inlet};")

    def chain(self, *ids: int) -> None:
        """Connects outlet 0 of each object to inlet 0 of the next."""
        for a, b in zip(ids, ids[1:]):
            self.connect(a, 0, b, 0)

    def send_at_load(self, target: int, messages, x: int = 250, y: int = 10) -> None:
        """[loadbang] -> a message box holding `messages` (comma-separated) -> `target`'s left inlet."""
        if messages:
            lb = self.obj("loadbang", x, y)
            m = self.msg(", ".join(messages), x, y + 30)
            self.chain(lb, m, target)

    def subpatch(self, name: str, block: int | None = None, x: int | None = None, y: int | None = None) -> "Canvas":
        """A [pd NAME] subpatch; with `block`, a [block~ BLOCK] inside sets its block size."""
        child = Canvas(self.root, name, size=(450, 300), font=self.font)
        if x is not None and y is not None:
            child.restore_at = (int(x), int(y))
        else:
            child.restore_at = self._pos(None, None)
        self._add(child)
        if block is not None:
            child.obj(f"block~ {int(block)}")
        return child

    def graph_on_parent(self, width: int, height: int, x: int = 0, y: int = 0, hide_text: bool = True) -> None:
        """Shows the area (x, y, width, height) of this canvas on its parent (its GUIs stay live)."""
        self.coords = f"#X coords 0 -1 1 1 {width} {height} {3 if hide_text else 1} {x} {y};"

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

    def lines(self) -> list[str]:
        w, h = self.size
        if self.name is None:
            out = [f"#N canvas 0 50 {w} {h} {self.font};"]
        else:
            out = [f"#N canvas 0 50 {w} {h} {pd_escape(self.name)} 0;"]
        for item in self._items:
            if isinstance(item, Canvas):
                out += item.lines()
                x, y = item.restore_at
                out.append(f"#X restore {x} {y} pd {pd_escape(item.name)};")
            else:
                out.append(item)
        out += self._connects
        if self.coords:
            out.append(self.coords)
        return out

    def text(self) -> str:
        return "\n".join(self.lines()) + "\n"

    def write(self, path: Path) -> Path:
        path = Path(path)
        path.write_text(self.text())
        return path


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

    def lines(self) -> list[str]:
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


# ------------------------------------------------------------------------------------ running

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


def _tail(text: str, n: int = 15) -> str:
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
) -> PdRun:
    """Writes `patch` (a Patch or Canvas, patch text, or an existing .pd file) into `workdir`, runs Pd
    on it headless (batch mode, under `timeout` seconds) and returns its console output and the
    arrays it wrote (ARRAY.wav in workdir). Raises PdError when Pd is missing, does not finish, or
    wrote no file for an expected array."""
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
    cmd = [*pd_command(), "-nogui", "-nosound", "-noprefs", "-batch", "-r", str(sr), "-stderr"]
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
                      f"{' '.join(cmd)}\n{_tail(err)}")
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
                      f"\n{_tail(err)}")
    return run


# --------------------------------------------------------------------- the example patches

def _variant(kind: str, what: str, patches: Path) -> str:
    if kind not in KINDS:
        raise UserError(f"unknown object kind {kind!r}: use one of {', '.join(KINDS)}")
    name = f"{what}-{kind}"
    if not (patches / f"{name}.pd").is_file():
        raise PdError(f"{patches / (name + '.pd')} not found")
    return name


def _model_link(model_path, workdir: Path) -> Path:
    """The model as a path Pd can take as one atom: a symlink without spaces when needed."""
    model = Path(model_path).resolve()
    if not model.is_file():
        raise UserError(f"model file {model_path} not found")
    if re.search(r"[\s;,$\\{}]", str(model)):
        link = workdir / ("model" + (model.suffix or ".ts"))
        link.unlink(missing_ok=True)
        link.symlink_to(model)
        return link
    return model


def _paths(kind: str, external: str | Path | None, patches: str | Path | None) -> tuple[Path, list[Path]]:
    pd_command()  # fails first when Pd is missing
    pdir = patch_dir(patches)
    paths = [pdir]
    if kind == "brave":
        paths.insert(0, external_dir(external))
    elif external:
        paths.insert(0, Path(external))
    return pdir, paths


def check_ready(kind: str = "brave", external_dir: str | Path | None = None,
                patches: str | Path | None = None) -> None:
    """Raises PdError naming what is missing (Pd, the patches, brave~) before a long run starts."""
    if kind not in KINDS:
        raise UserError(f"unknown object kind {kind!r}: use one of {', '.join(KINDS)}")
    _paths(kind, external_dir, patches)


def _check(run: PdRun, what: str) -> None:
    """Pd must exit cleanly and print no error: an object that could not be created, a bad
    connection, a model that failed to load ... each leaves the patch not doing its job."""
    bad = [l for l in run.stderr.splitlines()
           if "couldn't create" in l or l.startswith("error:") or re.search(r"segmentation fault|Pd: signal", l)]
    if run.returncode != 0 or bad:
        first = bad[0] if bad else f"exit code {run.returncode}"
        raise PdError(f"the {what} patch failed in Pd: {first}\n{_tail(run.stderr)}")


def _workdir(workdir) -> tuple[Path, tempfile.TemporaryDirectory | None]:
    if workdir is not None:
        Path(workdir).mkdir(parents=True, exist_ok=True)
        return Path(workdir), None
    tmp = tempfile.TemporaryDirectory(prefix="brave-pd-")
    return Path(tmp.name), tmp


def parse_latency_results(text: str) -> dict:
    """Reads the text file the latency patch writes: `trial N ONSET_IN ONSET_OUT SAMPLES MS`,
    `trial N missed`, and one `summary trials K detected D mean .. min .. max .. std .. mean_ms ..
    min_ms .. max_ms .. std_ms .. sr .. block .. buffer ..` line (figures in samples unless _ms)."""
    trials, summary = [], None
    for line in text.splitlines():
        words = line.replace(";", " ").split()
        if not words:
            continue
        if words[0] == "trial" and len(words) >= 3:
            if words[2] == "missed":
                trials.append({"trial": int(float(words[1])), "detected": False})
            elif len(words) >= 6:
                trials.append({"trial": int(float(words[1])), "detected": True, "onset_in": int(float(words[2])),
                               "onset_out": int(float(words[3])), "latency_samples": int(float(words[4])),
                               "latency_ms": float(words[5])})
        elif words[0] == "summary":
            kv = dict(zip(words[1::2], words[2::2]))
            summary = {k: float(v) for k, v in kv.items()}
    if summary is None:
        raise PdError("the latency patch wrote no summary line")
    return {"trials": trials, "summary": summary}


def run_latency_patch(model_path, buffer: int = 0, block: int = 64, trials: int = 10, *, kind: str = "brave",
                      length_ms: float = 500, seed: int = 1, threshold: float | None = None, sr: int = 44100,
                      external_dir: str | Path | None = None, patches: str | Path | None = None,
                      timeout: float = 300, workdir: str | Path | None = None) -> dict:
    """Runs patches/pd/latency-KIND.pd headless on `model_path` with the object's BUFFER argument
    `buffer` inside a Pd block of `block` samples, for `trials` bursts, and returns what the patch
    measured:

        {"latencies": [samples per detected trial], "latencies_ms": [...], "trials": [per trial],
         "trials_run": K, "detected": D, "missed": K - D,
         "mean", "min", "max", "std": samples (std = jitter), "mean_ms", "min_ms", "max_ms", "std_ms",
         "sr", "block", "buffer", "results": path of the patch's text file (when workdir is given),
         "console": Pd's console output, line by line (the patch's own lines start with "latency:")}

    Figures are None when no trial was detected.
    """
    if trials < 1:
        raise UserError(f"trials must be >= 1, got {trials}")
    if not is_power_of_two(block):
        raise UserError(f"block must be a power of two, got {block}")
    if buffer < 0:
        raise UserError(f"buffer must be >= 0, got {buffer}")
    pdir, paths = _paths(kind, external_dir, patches)
    variant = _variant(kind, "latency", pdir)
    work, tmp = _workdir(workdir)
    try:
        model = _model_link(model_path, work)
        results = work / "latency-results.txt"
        results.unlink(missing_ok=True)
        settings = [f"block {int(block)}", f"trials {int(trials)}", f"length {float(length_ms):g}",
                    f"seed {int(seed)}", f"file {results}", "quit 1"]
        if threshold is not None:
            settings.append(f"threshold {float(threshold):g}")
        wrapper = Canvas()
        inst = wrapper.obj(f"{variant} {model} {int(buffer)}", 10, 10)
        lb = wrapper.obj("loadbang", 10, 60)
        go = wrapper.msg(", ".join(settings + ["run"]), 10, 90)
        wrapper.chain(lb, go)
        wrapper.connect(go, 0, inst, 0)
        # K trials of length + gap ms each, at least as fast as real time in batch mode
        run = run_pd(wrapper, work, name="latency.pd", paths=paths, sr=sr, timeout=timeout)
        _check(run, "latency")
        if not results.is_file():
            raise PdError(f"the latency patch wrote no results (exit code {run.returncode})\n{_tail(run.stderr)}")
        parsed = parse_latency_results(results.read_text())
    finally:
        if tmp is not None:
            tmp.cleanup()
    s = parsed["summary"]
    detected = [t for t in parsed["trials"] if t["detected"]]
    out = {
        "latencies": [t["latency_samples"] for t in detected],
        "latencies_ms": [t["latency_ms"] for t in detected],
        "trials": parsed["trials"],
        "trials_run": int(s.get("trials", len(parsed["trials"]))),
        "detected": int(s.get("detected", len(detected))),
        "sr": s.get("sr", float(sr)),
        "block": int(s.get("block", block)),
        "buffer": int(buffer),
        "console": run.stderr.splitlines(),
        "results": str(results) if tmp is None else None,
    }
    out["missed"] = out["trials_run"] - out["detected"]
    for key in ("mean", "min", "max", "std", "mean_ms", "min_ms", "max_ms", "std_ms"):
        out[key] = s.get(key) if out["detected"] else None
    return out


def _run_player(what: str, model_path, buffer: int, seconds: float, kind: str, messages: Sequence[str],
                external_dir, patches, sr: int, timeout: float, workdir, console: list | None) -> np.ndarray:
    if seconds <= 0:
        raise UserError(f"seconds must be > 0, got {seconds}")
    if buffer < 0:
        raise UserError(f"buffer must be >= 0, got {buffer}")
    pdir, paths = _paths(kind, external_dir, patches)
    variant = _variant(kind, what, pdir)
    work, tmp = _workdir(workdir)
    try:
        model = _model_link(model_path, work)
        n = int(math.ceil(seconds * sr))
        patch = Patch(duration_ms=1000.0 * n / sr + 50)
        inst = patch.obj(f"{variant} {model} {int(buffer)}", 10, 10)
        patch.send_at_load(inst, messages)
        patch.record(inst, "out", n)
        run = run_pd(patch, work, name=f"{what}.pd", paths=paths, sr=sr, timeout=timeout)
        if console is not None:
            console.extend(run.stderr.splitlines())
        _check(run, what)
        return run.arrays["out"]
    finally:
        if tmp is not None:
            tmp.cleanup()


def run_forward_patch(model_path, buffer: int = 0, seconds: float = 2.0, *, kind: str = "brave",
                      source: str = "test", wet: float = 1.0, gain_db: float = 0.0, dry_delay: int = 0,
                      sr: int = 44100, external_dir: str | Path | None = None, patches: str | Path | None = None,
                      timeout: float = 300, workdir: str | Path | None = None,
                      console: list | None = None) -> np.ndarray:
    """Runs patches/pd/forward-KIND.pd headless (its built-in test sound through the model's
    `forward`, dry/wet `wet`, the dry path delayed by `dry_delay` samples, output gain `gain_db`)
    for `seconds`; returns the patch's output. Pd's console lines are appended to `console` when a
    list is given."""
    messages = [f"source {source}", f"wet {float(wet):g}", f"gain {float(gain_db):g}", f"delay {int(dry_delay)}"]
    return _run_player("forward", model_path, buffer, seconds, kind, messages, external_dir, patches, sr,
                       timeout, workdir, console)


def run_latent_patch(model_path, buffer: int = 0, seconds: float = 2.0, *, kind: str = "brave",
                     offsets: Mapping[int, float] | None = None, scales: Mapping[int, float] | None = None,
                     source: str = "test", sr: int = 44100, external_dir: str | Path | None = None,
                     patches: str | Path | None = None, timeout: float = 300,
                     workdir: str | Path | None = None, console: list | None = None) -> np.ndarray:
    """Runs patches/pd/latent-KIND.pd headless (test sound -> encode -> per-dimension scale and
    offset -> decode) for `seconds`; `offsets` / `scales` map latent dimension (0-based) to value.
    Pd's console lines are appended to `console` when a list is given."""
    messages = [f"source {source}", "wet 1", "gain 0"]
    messages += [f"dim {int(k)} scale {float(v):g}" for k, v in (scales or {}).items()]
    messages += [f"dim {int(k)} offset {float(v):g}" for k, v in (offsets or {}).items()]
    return _run_player("latent", model_path, buffer, seconds, kind, messages, external_dir, patches, sr,
                       timeout, workdir, console)
