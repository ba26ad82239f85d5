"""brave~ in Pd running in real time: N voices under JACK's dummy driver (callback mode) or Pd's
own scheduler (-nosound), optionally beside a memory or CPU hog, measured from outside brave~.

    r = run_realtime("model.ts", host="jack", voices=2, worker=True, seconds=10)
    r.jack_xruns_net, r.lost_buffers, r.pd_behind_max_ms, r.voices[0].zero_fraction

One run: Pd (no -batch) opens a generated patch holding VOICES `[brave~ model0.ts forward BUFFER]`
objects (`-thread` in worker mode, `sync 0` sent on load) fed by one continuous source (an
[osc~] + [noise~] mix: never 32 exact zeros in a row). After `warmup` seconds it starts the
measurement: every voice's output (and the source) is recorded with [tabwrite~], every DSP tick
records [realtime] (wall clock) and [timer] (Pd's logical clock) through [bang~], brave~'s
`stats` are reset and its `latency` asked. `seconds` later it asks `stats`, writes the arrays with
[soundfiler] and quits. Python then reads:

- brave~'s `stats` from the info outlet (printed by [print]), parsed by position: calls, mean ms,
  max ms, overruns (slow calls, or worker results that came late: silence), errors, NaN/inf
  samples, ms behind; fields appended later (call median / p99 ms, the process-wide behind figure)
  are taken when present, and any beyond are kept raw;
- Pd's clock: `lag` = wall - logical time per tick; `pd_behind_max_ms` is how far Pd's logical
  clock fell behind real time at worst (max lag minus the least lag: Pd may run ahead by its
  audio buffer), `stall_max_ms` the longest wall time between two consecutive DSP ticks;
- silent gaps: runs of >= 32 exact zeros in each voice's output;
- the latency actually seen in real time: the lag at which the output equals the recorded input
  (exactly so for a probe model, `brave_export.probe`), against `hosts.brave_latency` plus the
  model's own delay and against what brave~'s `latency` message says;
- JACK xruns in the measured window from jackd's own console (each line time-stamped as it
  arrives, the window bounded by the patch's `rt: start` / `rt: end` lines), and the same count
  for the empty server over `baseline_s` before Pd starts (jackd's dummy driver reports small
  xruns on its own): `jack_xruns_net` is the difference (scaled to the same duration).

Model switches (`switch_every` seconds): `load` of the same file, or of `switch_models` in turn,
sent to every voice; each switch's window (from its request to the next) reports the zeros and
the longest tick stall in it.

Every child process (jackd, Pd, hogs) runs in its own process group, under a timeout, and is
killed at the end whatever happens.
"""

from __future__ import annotations

import math
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
import uuid
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterator, Sequence

import numpy as np

from ..background import HOGS, hog, load_average, stop_group
from ..errors import UserError
from ..hosts import brave_latency
from .locate import external_dir as find_external
from .pdfile import Patch
from .process import PdError, console_tail, pd_command, read_wav

AUDIO_HOSTS = ("jack", "nosound")  # JACK's dummy driver in callback mode; Pd's own scheduler
MIN_GAP = 32  # a run of at least this many exact zeros in the output is a gap
TICK = 64  # Pd's block: the patch runs at the top level


class RealtimeError(PdError):
    """A real-time run could not be made (JACK did not start, Pd did not finish ...)."""


# ------------------------------------------------------------------------------ results


@dataclass
class VoiceResult:
    """One brave~ object's figures. Times in ms, positions and lengths in samples."""
    worker: bool = False
    calls: int | None = None
    mean_ms: float | None = None
    max_ms: float | None = None
    overruns: int | None = None  # slow calls, or (worker mode) late results output as silence
    errors: int | None = None
    nonfinite: int | None = None
    behind_ms: float | None = None  # brave~'s own figure: summed excess of slow calls + late silence
    late: int | None = None  # fields of newer engines, when present: worker buffers output as silence,
    median_ms: float | None = None  # call time median and p99,
    p99_ms: float | None = None
    process_behind_ms: float | None = None  # how far the whole Pd process was behind real time at most
    lookahead: int | None = None  # the worker's lookahead (buffers), as brave~ says on `bang`
    stats_extra: list = field(default_factory=list)  # any further stats fields, raw
    latency_reported: int | None = None  # brave~'s `latency` message: added + model delay
    latency_added_reported: int | None = None
    model_delay_reported: int | None = None
    latency_expected: int | None = None  # hosts.brave_latency + the model's own delay
    latency_measured: int | None = None  # lag at which the output best matches the input
    latency_match: float | None = None  # fraction of non-zero output samples equal to the input at that lag
    zero_runs: int = 0  # runs of >= MIN_GAP exact zeros in the recorded output
    zero_samples: int = 0
    zero_fraction: float = 0.0
    longest_zero_run: int = 0
    gaps: list = field(default_factory=list)  # (start sample, length) of the first 50 runs
    swaps: list = field(default_factory=list)  # tick index at which each `loaded 1` arrived
    # with switches, brave~'s stats start afresh with each model: the fields above are the last
    # model's; these are the earlier ones' (parse_stats dicts, asked just before each switch)
    stats_segments: list = field(default_factory=list)


@dataclass
class SwitchResult:
    """One model switch: the window from its request to the next one (or the end)."""
    request_s: float  # seconds after the measurement started
    swapped_s: list  # per voice: when the new model took over (None: not within the window)
    zero_runs: int
    zero_samples: int
    longest_zero_run: int
    stall_max_ms: float


@dataclass
class RealtimeResult:
    host: str
    audiobuf: int | None
    voices_n: int
    worker: list[bool]  # per voice
    model: str
    buffer: int
    sr: int
    seconds: float
    warmup: float
    hog: str | None
    voices: list[VoiceResult]
    ticks: int  # DSP ticks recorded during the measurement
    ticks_expected: int  # what real time owes: seconds * sr / 64
    pd_behind_max_ms: float | None
    pd_behind_final_ms: float | None
    stall_max_ms: float | None
    period: int | None = None  # JACK's period in samples (None under Pd's own scheduler)
    recorded: bool = True  # outputs recorded: silence, gaps and latency measured (else unknown)
    jack_xruns: int | None = None  # in the measured window
    jack_baseline_xruns: int | None = None  # the empty server over baseline_s
    jack_baseline_s: float | None = None
    jack_xruns_net: int | None = None  # jack_xruns minus the baseline scaled to the same duration
    jack_client_late: int | None = None  # of jack_xruns: lines saying a client (Pd) did not finish
    switches: list[SwitchResult] = field(default_factory=list)
    pd_policy: str | None = None  # Pd's scheduling policy (SCHED_FIFO when it got real-time priority)
    load_average: str | None = None  # /proc/loadavg at the end: how busy the machine was
    console: list[str] = field(default_factory=list, repr=False)
    jack_console: list[str] = field(default_factory=list, repr=False)

    @property
    def lost_buffers(self) -> int:
        """Overruns over all voices (sync: calls longer than their buffer; worker: late results)."""
        return sum(v.overruns or 0 for v in self.voices)

    @property
    def lost_samples(self) -> int:
        """Audio the listener loses, in samples: each late worker result is a buffer of silence;
        a synchronous call longer than its buffer costs a buffer of the device's time (Pd falls
        behind). Under JACK every callback that missed its period is a period lost, which also
        counts the synchronous calls longer than a period but shorter than their buffer."""
        late = sum(v.overruns or 0 for v in self.voices if v.worker) * self.buffer
        slow = sum(v.overruns or 0 for v in self.voices if not v.worker) * self.buffer
        if self.jack_client_late is not None and self.period:
            slow = max(slow, self.jack_client_late * self.period)
        return late + slow

    @property
    def zero_fraction(self) -> float:
        return float(np.mean([v.zero_fraction for v in self.voices])) if self.voices else 0.0

    @property
    def zero_runs(self) -> int:
        return sum(v.zero_runs for v in self.voices)

    def as_dict(self) -> dict:
        d = asdict(self)
        d.pop("console"), d.pop("jack_console")
        d.update(lost_buffers=self.lost_buffers, zero_fraction=self.zero_fraction, zero_runs=self.zero_runs)
        return d


# ------------------------------------------------------------------------------ analysis


def zero_runs(x: np.ndarray, min_len: int = MIN_GAP) -> np.ndarray:
    """(start, length) rows of every run of >= min_len exact zeros in x."""
    z = np.concatenate([[0], (np.asarray(x) == 0).astype(np.int8), [0]])
    d = np.diff(z)
    starts, ends = np.flatnonzero(d == 1), np.flatnonzero(d == -1)
    keep = ends - starts >= min_len
    return np.stack([starts[keep], (ends - starts)[keep]], axis=1) if keep.any() else np.zeros((0, 2), int)


def measure_lag(inp: np.ndarray, out: np.ndarray, max_lag: int = 8192,
                guard: int = 0) -> tuple[int | None, float | None]:
    """The lag (samples) at which `out` best matches `inp` delayed, by cross-correlation of the
    whole recording, and the fraction of out's non-zero samples exactly equal to the input at
    that lag (1.0 for a pure-delay probe; None when no sample is left to compare). The `guard`
    samples after each gap (a run of zeros: the model may have missed that input) are left out:
    a model's state (a probe's delay line of `guard` samples) spans the missing input there, so
    what it outputs next is rightly not the input at that lag."""
    inp, out = np.asarray(inp, np.float64), np.asarray(out, np.float64)
    n = min(len(inp), len(out))
    if n <= max_lag or not out.any():
        return None, None
    size = 1 << (2 * n - 1).bit_length()
    xc = np.fft.irfft(np.fft.rfft(out[:n], size) * np.conj(np.fft.rfft(inp[:n], size)), size)[:max_lag]
    lag = int(np.argmax(xc))
    o, i = out[lag:n], inp[: n - lag]
    live = o != 0
    for start, length in zero_runs(o):
        live[start + length:start + length + guard] = False
    match = float(np.mean(o[live] == i[live])) if live.any() else None
    return lag, match


def clock_figures(wall: np.ndarray, logical: np.ndarray) -> tuple[float, float, float]:
    """From per-tick wall and logical times (ms since the measurement started): how far Pd's clock
    fell behind real time at worst and at the end (against its most-ahead point), and the longest
    wall time between two ticks."""
    lag = wall - logical
    ahead = float(np.min(lag))
    stall = float(np.max(np.diff(wall))) if len(wall) > 1 else 0.0
    return float(np.max(lag)) - ahead, float(lag[-1]) - ahead, stall


def parse_stats(fields: Sequence[str]) -> dict:
    """brave~'s `stats` fields (info outlet) by position; fields beyond the known ones kept raw."""
    names = ("calls", "mean_ms", "max_ms", "overruns", "errors", "nonfinite", "behind_ms", "late", "median_ms",
             "p99_ms", "process_behind_ms")
    counts = {"calls", "overruns", "errors", "nonfinite", "late"}
    out: dict = {}
    for name, text in zip(names, fields):
        v = float(text)
        out[name] = int(v) if name in counts else v
    out["stats_extra"] = list(fields[len(names):])
    return out


# ------------------------------------------------------------------------------ processes


class _Console:
    """A child's output read line by line by a thread, each line stamped (time.monotonic()) as it
    arrives."""

    def __init__(self, stream):
        self.lines: list[tuple[float, str]] = []
        self._thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self._thread.start()

    def _read(self, stream):
        for line in iter(stream.readline, ""):
            self.lines.append((time.monotonic(), line.rstrip("\n")))

    def join(self, timeout=5):
        self._thread.join(timeout)

    def first(self, pattern: str) -> float | None:
        return next((t for t, l in list(self.lines) if re.search(pattern, l)), None)

    def text(self) -> list[str]:
        return [l for _, l in self.lines]


def _spawn(cmd: Sequence[str], **kw) -> subprocess.Popen:
    try:
        return subprocess.Popen(list(cmd), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                start_new_session=True, **kw)
    except OSError as exc:
        raise RealtimeError(f"cannot run {cmd[0]}: {exc.strerror}") from exc






def jack_command() -> str:
    jackd = shutil.which("jackd")
    if not jackd:
        raise RealtimeError("jackd not found: install jackd2 (make system), or run with host nosound")
    return jackd


XRUN = re.compile(r"xrun|not finished", re.IGNORECASE)
CLIENT_LATE = re.compile(r"not finished", re.IGNORECASE)


@dataclass
class JackServer:
    name: str
    proc: subprocess.Popen
    console: _Console

    def xruns(self, start: float, end: float, pattern: re.Pattern = XRUN) -> int:
        """xrun lines jackd printed between two time.monotonic() stamps."""
        return sum(1 for t, l in list(self.console.lines) if start <= t <= end and pattern.search(l))


@contextmanager
def jack_server(sr: int = 44100, period: int = TICK, name: str | None = None, realtime: bool = True,
                timeout: float = 15) -> Iterator[JackServer]:
    """jackd with the dummy driver (a real audio server without hardware) under a unique name;
    waits until clients can connect; always killed at the end."""
    jackd = jack_command()
    name = name or f"brave-rt-{os.getpid()}-{uuid.uuid4().hex[:6]}"
    # line-buffered: each line is stamped as jackd prints it
    cmd = ["stdbuf", "-oL", "-eL"] if shutil.which("stdbuf") else []
    cmd += [jackd, "-n", name, *(["-R"] if realtime else []), "-d", "dummy", "-r", str(sr), "-p", str(period)]
    env = dict(os.environ, JACK_NO_AUDIO_RESERVATION="1")
    proc = _spawn(cmd, env=env)
    server = JackServer(name, proc, _Console(proc.stdout))
    try:
        waiter = shutil.which("jack_wait")
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                raise RealtimeError(f"jackd exited ({proc.returncode}) before it was up: "
                                    f"{' '.join(cmd)}\n{console_tail(chr(10).join(server.console.text()))}")
            if waiter:
                try:
                    up = subprocess.run([waiter, "-s", name, "-c"], capture_output=True, text=True, timeout=10,
                                        env=env).stdout
                except subprocess.TimeoutExpired:
                    up = ""
                if "running" in up and "not running" not in up:
                    break
            elif time.monotonic() > deadline - timeout + 2:  # no jack_wait: give it two seconds
                break
            if time.monotonic() > deadline:
                raise RealtimeError(f"jackd did not come up within {timeout:g} s: {' '.join(cmd)}")
            time.sleep(0.2)
        yield server
    finally:
        stop_group(proc)
        server.console.join()


def _policy(pid: int) -> str | None:
    try:
        pol = os.sched_getscheduler(pid)
    except OSError:
        return None
    return {os.SCHED_OTHER: "SCHED_OTHER", os.SCHED_FIFO: "SCHED_FIFO", os.SCHED_RR: "SCHED_RR"}.get(pol, str(pol))


# ------------------------------------------------------------------------------ the patch


def build_patch(voices: int, buffer: int, worker: Sequence[bool], seconds: float, warmup: float, sr: int,
                switch_every: float | None, switch_files: Sequence[str], record: bool = True,
                voice_files: Sequence[str] = ("model0.ts",)) -> Patch:
    """The measurement patch (see the module docstring); voice v plays voice_files[v] (the first
    for every voice when only one is given), a file in the patch's folder."""
    start_ms, end_ms = 1000.0 * warmup, 1000.0 * (warmup + seconds)
    n = int(round(seconds * sr))
    patch = Patch(duration_ms=end_ms + 5000, start="rtload")  # quits if not ended before
    # the source: a tone plus noise (never 32 exact zeros in a row)
    osc, noise = patch.obj("osc~ 220"), patch.obj("noise~")
    g1, g2 = patch.obj("*~ 0.3"), patch.obj("*~ 0.1")
    src = patch.obj("+~")
    patch.chain(osc, g1)
    patch.chain(noise, g2)
    patch.connect(g1, 0, src, 0)
    patch.connect(g2, 0, src, 1)
    dac = patch.obj("dac~")
    if record:
        patch.record(src, "rtin", n, start="rtstart")
    for v in range(voices):
        flag = " -thread" if worker[v] else ""
        b = patch.obj(f"brave~ {voice_files[v % len(voice_files)]} forward {int(buffer)}{flag}")
        patch.connect(src, 0, b, 0)
        patch.connect(b, 0, dac, 0)
        patch.receive("rtctl", b)
        patch.connect(b, 1, patch.obj(f"print rtv{v}"), 0)
        # when a background load took over: the tick it happened at
        route, tb, val = patch.obj("route loaded"), patch.obj("t b"), patch.obj("v rttick")
        patch.connect(b, 1, route, 0)
        patch.chain(route, tb, val)
        patch.connect(val, 0, patch.obj(f"print rtswap{v}"), 0)
        if record:
            patch.record(b, f"rtout{v}", n, start="rtstart")
    # sync 0 (never block on loads) once everything is created
    patch.at(0, "rtctl sync 0")
    # the clock: per DSP tick, wall time ([realtime]) and logical time ([timer]) since the start
    ticks = int(math.ceil(seconds * sr / TICK)) + 64
    patch.obj(f"table rtwall {ticks}")
    patch.obj(f"table rtlogic {ticks}")
    patch.arrays += ["rtwall", "rtlogic"]
    bang, gate = patch.obj("bang~"), patch.obj("spigot")
    patch.connect(bang, 0, gate, 0)
    patch.receive("rtgate", gate, 1)
    t = patch.obj("t b b b")
    patch.connect(gate, 0, t, 0)
    count, inc, tf = patch.obj("f"), patch.obj("+ 1"), patch.obj("t f f f")
    patch.connect(t, 2, count, 0)
    patch.connect(count, 0, tf, 0)
    patch.connect(tf, 2, inc, 0)
    patch.connect(inc, 0, count, 1)
    patch.connect(tf, 1, patch.obj("v rttick"), 0)
    wall, logic = patch.obj("realtime"), patch.obj("timer")
    wwall, wlogic = patch.obj("tabwrite rtwall"), patch.obj("tabwrite rtlogic")
    patch.connect(tf, 0, wwall, 1)
    patch.connect(tf, 0, wlogic, 1)
    patch.connect(t, 1, wall, 1)
    patch.connect(t, 0, logic, 1)
    patch.connect(wall, 0, wwall, 0)
    patch.connect(logic, 0, wlogic, 0)
    zero = patch.msg("0")
    patch.receive("rtstart", zero)
    patch.connect(zero, 0, count, 1)
    patch.receive("rtstart", wall, 0)
    patch.receive("rtstart", logic, 0)
    # start: reset the stats, ask the latency, open the tick gate, mark the console
    patch.at(start_ms, "rtctl stats reset; rtctl latency; rtctl bang; rtgate 1; rtstart bang; rtmark start")
    patch.receive("rtmark", patch.obj("print rt"))
    last = patch.obj("v rttick")
    patch.receive("rtend", last)
    patch.connect(last, 0, patch.obj("print rtticks"), 0)
    if switch_every:
        k, t_s = 0, switch_every
        while t_s < seconds - 1e-9:
            f = switch_files[k % len(switch_files)]
            # stats first: a swap starts the new model's statistics afresh
            patch.at(start_ms + 1000.0 * t_s, f"rtmark switch {k}; rtctl stats; rtctl load {f}")
            k, t_s = k + 1, t_s + switch_every
    # end: close the gate, mark the console (closes the xrun window), ask the stats; then write
    # the arrays and say so (Pd under JACK in callback mode does not exit on `; pd quit`: the
    # caller ends it once it said "rt: done")
    patch.at(end_ms, "rtgate 0; rtmark end; rtctl stats; rtend bang")
    arrays, patch.arrays = patch.arrays, []
    w = patch.obj("t b b")
    patch.receive("rtwrite", w)
    if arrays:
        writes = patch.msg(", ".join(f"write -bytes 4 {a}.wav {a}" for a in arrays))
        sf = patch.obj("soundfiler")
        patch.connect(w, 1, writes, 0)
        patch.connect(writes, 0, sf, 0)
    done = patch.msg("; rtmark done")
    patch.connect(w, 0, done, 0)
    patch.at(end_ms + 50, "rtwrite bang")
    patch.written = arrays
    return patch


# ------------------------------------------------------------------------------ one run


def _link_models(paths: Sequence[Path], work: Path) -> list[str]:
    names = []
    for i, p in enumerate(paths):
        p = Path(p).resolve()
        if not p.is_file():
            raise UserError(f"model file {p} not found")
        link = work / f"model{i}.ts"
        link.unlink(missing_ok=True)
        link.symlink_to(p)
        names.append(link.name)
    return names


def _model_delay(path: Path) -> int:
    from ..modelfacts import read_model

    d = read_model(path).model_delay
    return int(d) if d is not None and d >= 0 else 0


def run_realtime(model, *, host: str = "jack", voices: int = 1, worker: bool | Sequence[bool] = False,
                 seconds: float = 10.0, warmup: float = 3.0, buffer: int = 128, audiobuf: int = 25, period: int = TICK,
                 sr: int = 44100,
                 hog_kind: str | None = None, switch_every: float | None = None, switch_models: Sequence | None = None,
                 record: bool = True,
                 baseline_s: float | None = None, external_dir: str | Path | None = None,
                 workdir: str | Path | None = None, timeout: float | None = None,
                 pd_args: Sequence[str] = ()) -> RealtimeResult:
    """One real-time run (see the module docstring). `model`: one file for every voice, or one per
    voice. `host`: "jack" (jackd's dummy driver, Pd in
    callback mode, `period` samples per callback) or "nosound" (Pd's own scheduler at `audiobuf`
    ms). `worker`: worker mode
    (`-thread`) for every voice, or one flag per voice. `hog_kind`: None, "memory"
    or "cpu". `switch_every`: seconds between model switches (None: none), loading
    `switch_models` in turn (default: the model itself). `baseline_s`: how long the empty JACK
    server is watched first (default: `seconds`; 0 skips it)."""
    if host not in AUDIO_HOSTS:
        raise UserError(f"unknown host {host!r}: use one of {', '.join(AUDIO_HOSTS)}")
    if period < TICK or period & (period - 1):
        raise UserError(f"period must be a power of two >= Pd's block of {TICK} samples, got {period}")
    if voices < 1 or seconds <= 0 or warmup < 0:
        raise UserError(f"voices must be >= 1, seconds > 0 and warmup >= 0 (got {voices}, {seconds}, {warmup})")
    if switch_every is not None and switch_every <= 0:
        raise UserError(f"switch_every must be > 0 seconds, got {switch_every}")
    workers = [bool(worker)] * voices if isinstance(worker, (bool, int)) else [bool(w) for w in worker]
    if len(workers) != voices:
        raise UserError(f"worker: give one flag or one per voice ({voices}), got {len(workers)}")
    models = [Path(model)] if isinstance(model, (str, os.PathLike)) else [Path(m) for m in model]
    if len(models) not in (1, voices):
        raise UserError(f"model: give one file or one per voice ({voices}), got {len(models)}")
    pd = pd_command()
    ext = find_external(external_dir).resolve()  # Pd runs in the work folder
    tmp = None
    if workdir is None:
        tmp = tempfile.TemporaryDirectory(prefix="brave-rt-")
        work = Path(tmp.name)
    else:
        work = Path(workdir)
        work.mkdir(parents=True, exist_ok=True)
    try:
        files = _link_models([*models, *(switch_models or [])], work)
        voice_files = files[:len(models)]
        switch_files = files[len(models):] or voice_files[:1]
        patch = build_patch(voices, buffer, workers, seconds, warmup, sr, switch_every, switch_files, record,
                            voice_files)
        patch_file = patch.write(work / "realtime.pd")
        for a in patch.written:
            (work / f"{a}.wav").unlink(missing_ok=True)
        cmd = [*pd, "-nogui", "-noprefs", "-stderr", "-nomidi", "-r", str(sr), "-path", str(ext)]
        # an overloaded Pd under JACK runs its logical time slower than real time: room for that
        limit = timeout or (3 * (warmup + seconds) + 90 + 5 * voices)
        with hog(hog_kind):
            if host == "jack":
                with jack_server(sr, period) as server:
                    base = baseline_s if baseline_s is not None else seconds
                    t0 = time.monotonic()
                    time.sleep(base)
                    baseline = server.xruns(t0, time.monotonic())
                    env = dict(os.environ, JACK_DEFAULT_SERVER=server.name, JACK_NO_AUDIO_RESERVATION="1")
                    cmd += ["-jack", "-callback", "-nojackconnect", "-jackname", "pd-brave-rt"]
                    console, pol, rc = _run_pd(cmd + [*pd_args, "-open", str(patch_file)], work, env, limit)
                    t_start, t_end = console.first(r"^rt: start"), console.first(r"^rt: end")
                    xr = late = None
                    if t_start is not None and t_end is not None:
                        xr, late = server.xruns(t_start, t_end), server.xruns(t_start, t_end, CLIENT_LATE)
                    jack_lines = server.console.text()
            else:
                cmd += ["-nosound", "-audiobuf", str(int(audiobuf)), "-blocksize", str(TICK)]
                console, pol, rc = _run_pd(cmd + [*pd_args, "-open", str(patch_file)], work, dict(os.environ), limit)
        lines = console.text()
        result = RealtimeResult(
            host=host, audiobuf=None if host == "jack" else int(audiobuf), voices_n=voices, worker=workers,
            model=" ".join(str(m) for m in models), buffer=buffer, sr=sr, seconds=seconds, warmup=warmup, hog=hog_kind, voices=[],
            ticks=0, ticks_expected=int(seconds * sr / TICK), pd_behind_max_ms=None, pd_behind_final_ms=None,
            stall_max_ms=None, period=period if host == "jack" else None, recorded=record, pd_policy=pol,
            load_average=load_average(), console=lines)
        if host == "jack":
            result.jack_console = jack_lines
            result.jack_xruns, result.jack_client_late = xr, late
            result.jack_baseline_xruns, result.jack_baseline_s = baseline, base
            if xr is not None and base > 0:
                scaled = baseline * seconds / base
                result.jack_xruns_net = max(0, int(round(xr - scaled)))
        _check_console(lines, rc, patch_file)
        arrays = {a: read_wav(work / f"{a}.wav") for a in patch.written}
        _analyse(result, arrays, lines, models, buffer, switch_every, record)
        return result
    finally:
        if tmp is not None:
            tmp.cleanup()


def _run_pd(cmd: list[str], work: Path, env: dict, limit: float) -> tuple[_Console, str | None, int]:
    proc = _spawn(cmd, cwd=work, env=env)
    console = _Console(proc.stdout)
    pol = None
    try:
        deadline = time.monotonic() + limit
        while proc.poll() is None:
            if pol is None and console.first(r"^rt: start"):
                pol = _policy(proc.pid)
            if console.first(r"^rt: done"):
                return console, pol, 0
            if time.monotonic() > deadline:
                raise RealtimeError(f"pd did not finish within {limit:g} s: {' '.join(cmd)}\n"
                                    f"{console_tail(chr(10).join(console.text()))}")
            time.sleep(0.1)
        return console, pol, proc.returncode
    finally:
        stop_group(proc)
        console.join()


FATAL = re.compile(r"couldn't create|Pd: signal|segmentation fault|JACK: couldn't|cannot connect|error: brave~")


def _check_console(lines: list[str], rc: int, patch_file: Path) -> None:
    bad = [l for l in lines if FATAL.search(l)]
    if rc != 0 or bad or not any(l.startswith("rt: done") for l in lines):
        first = bad[0] if bad else f"exit code {rc}" if rc else "the patch never reached its end"
        raise RealtimeError(f"the real-time run of {patch_file} failed: {first}\n{console_tail(chr(10).join(lines))}")


def _analyse(result: RealtimeResult, arrays: dict, lines: list[str], models: Sequence[Path], buffer: int,
             switch_every: float | None, record: bool) -> None:
    sr = result.sr
    # the clock: ticks recorded until the gate closed
    wall, logic = arrays["rtwall"], arrays["rtlogic"]
    last = [l for l in lines if l.startswith("rtticks: ")]
    n_ticks = min(len(wall), int(float(last[-1].split()[1])) + 1) if last else 0
    result.ticks = n_ticks
    if n_ticks > 2:
        w, lg = wall[:n_ticks].astype(np.float64), logic[:n_ticks].astype(np.float64)
        result.pd_behind_max_ms, result.pd_behind_final_ms, result.stall_max_ms = clock_figures(w, lg)
    delays = [_model_delay(m) for m in models]
    for v, worker in enumerate(result.worker):
        vr = VoiceResult(worker=worker)
        delay = delays[v % len(delays)]
        k = [l for l in lines if l.startswith(f"rtv{v}: lookahead ")]
        vr.lookahead = int(float(k[0].split()[2])) if k else None
        # hosts.py's formula with the lookahead brave~ chose (engines without one: its default)
        vr.latency_expected = delay + (brave_latency(buffer, TICK, worker, lookahead=vr.lookahead)
                                       if vr.lookahead else brave_latency(buffer, TICK, worker))
        stats = [parse_stats(l.split()[2:]) for l in lines if l.startswith(f"rtv{v}: stats ")]
        if stats:
            for k, val in stats[-1].items():
                setattr(vr, k, val)
        vr.stats_segments = stats[:-1]
        lat = [l for l in lines if l.startswith(f"rtv{v}: latency ")]
        if lat:
            f = lat[0].split()[2:]
            vr.latency_added_reported, vr.model_delay_reported = int(float(f[0])), int(float(f[2]))
            vr.latency_reported = int(float(f[3]))
        vr.swaps = [int(float(l.split()[1])) for l in lines if l.startswith(f"rtswap{v}: ")]
        if record:
            out = arrays[f"rtout{v}"]
            runs = zero_runs(out)
            vr.zero_runs, vr.zero_samples = len(runs), int(runs[:, 1].sum()) if len(runs) else 0
            vr.zero_fraction = vr.zero_samples / max(1, len(out))
            vr.longest_zero_run = int(runs[:, 1].max()) if len(runs) else 0
            vr.gaps = [(int(s), int(n)) for s, n in runs[:50]]
            vr.latency_measured, vr.latency_match = measure_lag(arrays["rtin"], out, guard=delay)
        result.voices.append(vr)
    if switch_every and record:
        result.switches = _switches(result, arrays, lines, switch_every)


def _switches(result: RealtimeResult, arrays: dict, lines: list[str], every: float) -> list[SwitchResult]:
    sr, n = result.sr, len(arrays["rtout0"])
    requests = [every * (k + 1) for k in range(sum(1 for l in lines if l.startswith("rt: switch")))]
    wall = arrays["rtwall"][: result.ticks].astype(np.float64)
    out = []
    for k, t in enumerate(requests):
        t_next = requests[k + 1] if k + 1 < len(requests) else result.seconds
        a, b = int(t * sr), min(n, int(t_next * sr))
        runs = [zero_runs(arrays[f"rtout{v}"][a:b]) for v in range(result.voices_n)]
        allr = np.concatenate(runs) if runs else np.zeros((0, 2), int)
        ta, tb = a // TICK, min(len(wall), b // TICK + 1)
        stall = float(np.max(np.diff(wall[ta:tb]))) if tb - ta > 1 else 0.0
        swapped = []
        for vr in result.voices:
            s = next((x for x in vr.swaps if ta <= x < tb), None)
            swapped.append(None if s is None else s * TICK / sr)
        out.append(SwitchResult(request_s=t, swapped_s=swapped, zero_runs=len(allr),
                                zero_samples=int(allr[:, 1].sum()) if len(allr) else 0,
                                longest_zero_run=int(allr[:, 1].max()) if len(allr) else 0, stall_max_ms=stall))
    return out


# ------------------------------------------------------------------------------ a matrix of runs


def parse_host(text: str) -> dict:
    """"jack" (a 64-sample period), "jackN" (N samples), "nosound" (Pd's default -audiobuf 25) or
    "nosoundN" (-audiobuf N ms) -> run_realtime's host keywords."""
    m = re.fullmatch(r"(jack|nosound)(\d*)", text.strip())
    n = int(m[2]) if m and m[2] else None
    if not m or (m[1] == "jack" and n is not None and (n < TICK or n & (n - 1))):
        raise UserError(f"unknown host {text!r}: use jack (a {TICK}-sample period), jackN (N samples, a power of two "
                        f">= {TICK}), nosound (Pd's -audiobuf 25) or nosoundN (-audiobuf N ms)")
    return {"host": "jack", "period": n or TICK} if m[1] == "jack" else {"host": "nosound", "audiobuf": n or 25}


def host_label(r: RealtimeResult) -> str:
    if r.host == "jack":
        return "jack" if r.period in (None, TICK) else f"jack{r.period}"
    return f"nosound{r.audiobuf}"


def _f(v, fmt="{:.2f}") -> str:
    return "-" if v is None else fmt.format(v)


TABLE_HEAD = ("| model | host | mode | voices | hog | mean / median / p99 / max ms per call | overruns | silent "
              "| zero runs | Pd behind max ms | longest tick ms | JACK xruns net (client late; baseline) "
              "| latency exact (probes) |")


def table_row(name: str, r: RealtimeResult) -> str:
    """One markdown table row: figures over all voices (calls: the worst voice)."""
    v = r.voices
    mode = "/".join(sorted({"worker" if x.worker else "sync" for x in v}))
    worst = max(v, key=lambda x: x.max_ms or 0)
    call = " / ".join([_f(worst.mean_ms), _f(worst.median_ms), _f(worst.p99_ms), _f(worst.max_ms, "{:.1f}")])
    xr = "-" if r.jack_xruns is None else (
        f"{_f(r.jack_xruns_net, '{}')} ({r.jack_client_late}; {r.jack_baseline_xruns} in {r.jack_baseline_s:g} s)")
    # only a pure-delay model (a probe) comes out as its input delayed: "-" for any other
    if any(x.latency_match is not None and x.latency_match < 0.5 for x in v) or all(x.latency_match is None for x in v):
        lat = "-"
    else:
        lat = "yes" if all(x.latency_measured == x.latency_expected == x.latency_reported
                           and x.latency_match in (1.0, None) for x in v) else "no"
    silent = f"{100 * r.zero_fraction:.2f}% | {r.zero_runs}" if r.recorded else "- | -"  # not recorded: unknown
    return (f"| {name} | {host_label(r)} | {mode} | {r.voices_n} | {r.hog or 'idle'} | {call} | {r.lost_buffers} "
            f"| {silent} | {_f(r.pd_behind_max_ms, '{:.1f}')} "
            f"| {_f(r.stall_max_ms, '{:.1f}')} | {xr} | {lat} |")


def check_matrix(models: dict, hosts: Sequence[str], modes: Sequence[str], hogs: Sequence[str | None]) -> None:
    """UserError naming the first bad entry, before any run starts."""
    for h in hosts:
        parse_host(h)
    for mode in modes:
        if mode not in ("sync", "worker"):
            raise UserError(f"unknown mode {mode!r}: use sync or worker")
    for hg in hogs:
        if hg is not None and hg not in HOGS:
            raise UserError(f"unknown hog {hg!r}: use one of {', '.join(HOGS)} (or none)")
    for path in models.values():
        if not Path(path).is_file():
            raise UserError(f"model file {path} not found")


def matrix(models: dict, hosts: Sequence[str], modes: Sequence[str], voices: Sequence[int],
           hogs: Sequence[str | None], runs: int = 1, **kw) -> Iterator[tuple[str, RealtimeResult | Exception]]:
    """Every combination of `models` ({name: path}) and the rest, `runs` times over: yields
    ("NAME HOST MODE N voice(s) HOG", result), or the error instead of the result when a run
    failed (the matrix goes on). `kw` goes to run_realtime."""
    check_matrix(models, hosts, modes, hogs)
    for _ in range(runs):
        for name, path in models.items():
            for h in hosts:
                where = parse_host(h)
                for mode in modes:
                    for n in voices:
                        for hg in hogs:
                            what = f"{name} {h} {mode} {n} voice(s) {hg or 'idle'}"
                            try:
                                yield what, run_realtime(path, **where, worker=mode == "worker",
                                                         voices=n, hog_kind=hg, **kw)
                            except RealtimeError as exc:
                                yield what, exc
