"""brave~ on stage, in real headless Pd 0.53: worker mode's exact latency, model switches while
DSP runs (glitch-free: the old model plays until the new one is ready), failed loads that keep
the old model playing, NaN out of a model, and the hostile-run fixes (threads beyond the cores,
reset every block, latency of encode, bang's attributes, the maximum buffer).

Batch Pd runs faster than real time, where a worker is always late: the worker-mode latency runs
use `-sync` (perform waits for the worker, as offline rendering must); the model-switch runs do
not (the load runs in the background while Pd keeps computing audio)."""

import re

import numpy as np
import pytest
import torch

from brave_export.hosts import brave_latency
from brave_export.pdrun.realtime import zero_runs
from brave_export.probe import NaNModel, SlowModel, save_module, slow_rounds, write_probe

from .pd_util import Patch, build_external, check_stderr, run_pd

pytestmark = pytest.mark.slow

R = 128  # the probes' highest ratio
D = 37   # the delaying probe's own delay


@pytest.fixture(scope="module")
def external():
    return build_external()


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    d = tmp_path_factory.mktemp("worker")
    write_probe(d / "probe.ts", ratio=R)
    write_probe(d / "probe37.ts", ratio=R, delay=D)
    save_module(NaNModel(), d / "nan.ts")
    # paces batch Pd to about real time in -thread -sync mode: a buffer's time per call
    save_module(SlowModel(slow_rounds(1000.0 * R / 44100)), d / "pacer.ts")
    save_module(SlowModel(slow_rounds(2 * 1000.0 * R / 44100)), d / "heavy.ts")  # calls of two buffers' time
    (d / "notnn.ts").write_bytes(b"not a model")
    return d


def first_mismatch(out, inp, lag, start=0, stop=None):
    """Where `out` stops being what a stream started at `start` gives: silence for `lag` samples,
    then the input from `start` on; None when it never does (before `stop`)."""
    stop = len(out) if stop is None else stop
    want = np.concatenate([np.zeros(lag, np.float32), inp])[:len(out)]
    want[:start] = out[:start]
    want[start:start + lag] = 0
    bad = np.flatnonzero(out[start:stop] != want[start:stop])
    return None if bad.size == 0 else int(bad[0]) + start


def stale_after_gaps(out, want, start):
    """Where `out` may differ from `want` after `start`: the delaying probe's first D samples after
    each late gap (whole buffers of silence). The worker skips jobs it could not start in time, so
    the probe's delay line still holds the end of the last input it did see, some whole number of
    buffers (at most the gap's) older than the skipped one; any other difference is a fault."""
    stale = np.zeros(len(out), bool)
    for begin, gap in zero_runs(out[start:], min_len=R):
        end = start + begin + gap
        if end + D > len(out):
            continue
        seg = out[end:end + D]
        assert any(np.array_equal(seg, want[end - m * R:end - m * R + D])
                   for m in range(0, gap // R + 1)), f"after the gap at {start + begin}: not the probe's delay line"
        stale[end:end + D] = True
    return stale


@pytest.mark.parametrize("block", [64, 256])
def test_worker_latency_is_exact(external, workdir, block):
    """-thread adds exactly one buffer: 2B - gcd(B, N) (brave_export.hosts.brave_latency), for
    buffers R and 2R, on probes with delay 0 and 37, beside the same objects without -thread."""
    patch = Patch(duration_ms=200)
    sub = patch.subpatch("dsp", block=block)
    src = sub.obj("noise~")
    sub.record(src, "in", 8192)
    cases = []
    for buffer in (R, 2 * R):
        for model, delay in (("probe.ts", 0), ("probe37.ts", D)):
            for worker in (False, True):
                name = f"b{buffer}_{model[:-3]}_{'w' if worker else 's'}"
                b = sub.obj(f"brave~ {model} forward {buffer}" + (" -thread -sync" if worker else ""))
                sub.connect(src, 0, b, 0)
                sub.record(b, name, 8192)
                cases.append((name, brave_latency(buffer, block, worker) + delay))
    run = run_pd(patch, workdir)
    check_stderr(run)
    inp = run.arrays["in"]
    for name, lag in cases:
        out = run.arrays[name]
        assert np.abs(out).max() > 0.1, name
        bad = first_mismatch(out, inp, lag)
        assert bad is None, f"{name}: not the input delayed by {lag}: first mismatch at {bad}"


@pytest.mark.parametrize("worker", [False, True])
def test_model_switch_while_playing(external, workdir, worker):
    """`load` while DSP runs: a missing file and a broken file first (said, `loaded 0`, the old
    model keeps playing without a gap), then a good model: the old model plays sample for sample
    until the swap, then the new one continues the same stream with no silence inserted (the only
    zeros are the new probe's own D, its delay line starting empty); the longest perform call
    during the switch is printed."""
    block = 64
    flags = " -thread -lookahead 1" if worker else ""
    L = brave_latency(R, block, worker)
    seconds = 3
    patch = Patch(duration_ms=seconds * 1000)
    sub = patch.subpatch("dsp", block=block)
    src = sub.obj("noise~")
    sub.connect(src, 0, sub.obj("brave~ pacer.ts forward 128 -thread -sync"), 0)
    b = sub.obj(f"brave~ probe.ts forward {R}{flags}")
    sub.connect(src, 0, b, 0)
    sub.receive("ctl", b)
    sub.connect(b, 1, sub.obj("print info"), 0)
    n = seconds * 44100 // block * block
    sub.record(src, "in", n)
    sub.record(b, "out", n)
    patch.at(20, "ctl load nosuch.ts")
    patch.at(30, "ctl load notnn.ts")
    patch.at(100, "ctl load probe37.ts")
    run = run_pd(patch, workdir, timeout=300)
    allowed = [r"model file 'nosuch\.ts' not found: no .*nosuch\.ts, nor on Pd's search path \(the running model keeps playing\)",
               r"notnn\.ts is not a TorchScript file \(not a zip archive\).*\(the running model keeps playing\)"]
    errors = check_stderr(run, allowed)
    assert len(errors) == 2, run.stderr
    inp, out = run.arrays["in"], run.arrays["out"]
    if worker:  # batch Pd may outrun the worker: late buffers are silence, the others exact
        # (but for the delay line the new probe carries across a skipped job: stale_after_gaps)
        late = [k for k in range(0, len(out) - R, R) if not out[k:k + R].any()]
        print(f"worker mode: {len(late)} silent buffers of {len(out) // R}")
        assert len(late) < len(out) // R // 4
        old = np.concatenate([np.zeros(L, np.float32), inp])[:len(out)]
        new = np.concatenate([np.zeros(L + D, np.float32), inp])[:len(out)]
        moved = np.flatnonzero((out != 0) & (out != old))
        assert moved.size, "the new model never took over"
        t0 = int(moved[0])  # the first sample from the new model
        head = out[:t0]
        assert np.array_equal(head[head != 0], old[:t0][head != 0])
        stale = stale_after_gaps(out, new, t0)
        tail = out[t0:]
        fresh = (tail != 0) & ~stale[t0:]
        assert np.array_equal(tail[fresh], new[t0:][fresh])
        return
    old = np.concatenate([np.zeros(L, np.float32), inp])[:len(out)]
    s = int(np.flatnonzero(out != old)[0])  # the new model's first output sample
    assert s > 100 * 44100 // 1000, "swapped before the load was even asked for"
    assert (s - L) % R == 0, "the new model did not start at a buffer boundary"
    assert not out[s:s + D].any()                     # the probe's own delay line, nothing more
    new = np.concatenate([np.zeros(L + D, np.float32), inp])[:len(out)]
    assert np.array_equal(out[s + D:], new[s + D:])   # then the new model, exactly
    assert run.lines(r"^info: loaded 0$") and run.lines(r"^info: loaded 1$"), run.stderr
    m = re.search(r"brave~: longest audio block during the model switch: ([\d.]+) ms", run.stderr)
    assert m, run.stderr
    print(f"longest perform during the switch: {m[1]} ms (batch Pd, shared machine)")


def test_nan_model_gives_silence_counted(external, workdir):
    patch = Patch(duration_ms=200)
    src = patch.obj("noise~")
    b = patch.obj("brave~ nan.ts forward 128")
    patch.connect(src, 0, b, 0)
    patch.record(b, "out", 4096)
    patch.receive("ctl", b)
    patch.at(150, "ctl stats")
    run = run_pd(patch, workdir)
    said = check_stderr(run, [r"method 'forward' returned NaN or inf"])
    assert len(said) == 1, run.stderr
    out = run.arrays["out"]
    assert np.isfinite(out).all() and not out.any()
    m = re.search(r"brave~: stats: (\d+) calls, .*; (\d+) NaN/inf samples silenced", run.stderr)
    assert m and int(m[2]) == int(m[1]) * 128 > 0, run.stderr


def test_hostile_cases(external, workdir):
    """threads beyond the cores: clamped with a line; reset every block: the model keeps running;
    latency of encode: no forward delay claimed; bang: attributes; a huge buffer: refused."""
    block = 64
    patch = Patch(duration_ms=300)
    sub = patch.subpatch("dsp", block=block)
    src = sub.obj("noise~")
    b = sub.obj("brave~ probe37.ts forward 128 -sync")
    sub.connect(src, 0, b, 0)
    sub.receive("ctl", b)
    sub.connect(b, 1, sub.obj("print info"), 0)
    sub.record(b, "out", 8192)
    metro = sub.obj("metro 1")  # a reset in (nearly) every 64-sample block
    sub.connect(sub.obj("r resets"), 0, metro, 0)
    reset = sub.msg("reset")
    sub.connect(metro, 0, reset, 0)
    sub.connect(reset, 0, b, 0)
    patch.at(10, "resets 1")
    patch.at(150, "resets 0")
    patch.at(160, "ctl threads 4096")
    patch.at(170, "ctl buffer 1048576")
    patch.at(180, "ctl bang")
    patch.at(190, "ctl method encode")
    patch.at(200, "ctl latency")
    run = run_pd(patch, workdir)
    check_stderr(run, [r"brave~: buffer must be a whole number from 0 \(the model's ratio\) to 32768 samples"])
    out = run.arrays["out"]
    assert np.abs(out[4000:6000]).max() > 0.1, "resets every block silenced the model"
    assert run.lines(r"brave~: reset: resets come faster than one buffer"), run.stderr
    assert run.lines(r"brave~: threads 4096: this machine has \d+ core\(s\).*using \d+"), run.stderr
    assert run.lines(r"^info: attributes"), run.stderr
    assert run.lines(r"brave~: .*probe37\.ts: methods forward, encode, decode; running forward; attributes: none")
    assert run.lines(r"brave~: latency: added \d+ samples .* the model reports its own delay for forward only, "
                     r"not for 'encode'"), run.stderr


def test_eight_slow_objects_warn_in_real_time_only(external, workdir):
    """Eight objects whose calls take longer than their buffer. In -batch (faster than real time)
    nothing is late for a listener: no overload warning, the overruns only counted in `stats`. In
    real time (Pd's own scheduler, no -batch) each object warns with how many of its buffers were
    late and how far Pd is behind real time, at most once per 5 s of wall time."""
    import time

    def patch():
        p = Patch(duration_ms=500)
        src = p.obj("noise~")
        for i in range(8):
            b = p.obj("brave~ heavy.ts forward 128")
            p.connect(src, 0, b, 0)
            p.record(b, f"out{i}", 1024)
        return p

    batch = run_pd(patch(), workdir, timeout=300)
    check_stderr(batch)
    assert not batch.lines(r"not keeping up"), batch.stderr
    t0 = time.monotonic()
    run = run_pd(patch(), workdir, timeout=300, batch=False)
    wall = time.monotonic() - t0
    check_stderr(run)
    warnings = run.lines(r"brave~: warning: model calls are not keeping up: \d+ of the last \d+ buffers took longer "
                         r"than they last; Pd is now [\d.]+ ms behind real time \(at most [\d.]+ ms")
    print(f"{len(warnings)} warnings in {wall:.1f} s wall for 8 objects")
    assert len(warnings) >= 8, run.stderr          # every object said so
    assert len(warnings) <= 8 * (wall / 5 + 1), run.stderr  # rate limited


def test_refused_method_changes_nothing_and_every_change_is_said(external, workdir):
    """[brave~ wide.ts] takes forward's channels: one signal inlet and outlet. `method encode`
    (4 outputs) is refused in the background, as in the help patch, and the object stays exactly
    as it was: `buffer 256` (asked while the refused load is still in flight) and `reload` go on
    with forward, `bang` says forward, the output keeps playing. reset, seed, enable, sync, thread,
    lookahead and stats reset each say what they changed."""
    write_probe(workdir / "wide.ts", ratio=R, latent=4)
    patch = Patch(duration_ms=6000)
    src = patch.obj("noise~")
    patch.connect(src, 0, patch.obj("brave~ pacer.ts forward 128 -thread -sync"), 0)
    b = patch.obj("brave~ wide.ts")
    patch.connect(src, 0, b, 0)
    patch.receive("ctl", b)
    patch.connect(b, 1, patch.obj("print info"), 0)
    patch.record(b, "out", 44100)
    for t, message in [(100, "method encode"), (101, "buffer 256"), (4000, "reload"), (5000, "bang"),
                       (5100, "seed 3"), (5110, "reset"), (5120, "enable 0"), (5130, "enable 1"),
                       (5140, "stats reset"), (5150, "sync 1"), (5160, "sync 0"), (5170, "thread 1"),
                       (5180, "lookahead 2"), (5190, "thread 0")]:
        patch.at(t, f"ctl {message}")
    run = run_pd(patch, workdir, timeout=300)
    refused = check_stderr(run, [r"method 'encode' needs 1 signal inlet\(s\) and 4 signal outlet\(s\) but this "
                                 r"object was created with 1 and 1"])
    assert len(refused) == 1, run.stderr
    assert run.lines(r"^info: loaded 0$") and len(run.lines(r"^info: loaded 1$")) >= 2, run.stderr
    assert len(run.lines(r"running 'forward' with buffer 256")) == 2, run.stderr  # buffer 256, then reload
    assert run.lines(r"^info: method forward$") and run.lines(r"^info: bufsize 256$"), run.stderr
    assert not run.lines(r"^info: method encode$"), run.stderr
    assert np.abs(run.arrays["out"]).max() > 0.1, "the object stopped playing after the refused method"
    for said in [r"brave~: seed 3: ", r"brave~: reset: the model's state is zeroed", r"brave~: enable 0: silence",
                 r"brave~: enable 1: the model runs", r"brave~: stats reset$", r"brave~: sync 1: ", r"brave~: sync 0: ",
                 r"brave~: worker mode: .*lookahead = \d+ buffer", r"brave~: lookahead 2 buffer\(s\)$",
                 r"brave~: synchronous mode: ",
                 r"brave~: \(built and warmed up in \d+ ms off the audio thread\)"]:
        assert run.lines(said), (said, run.stderr)
