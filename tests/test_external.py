"""brave~ in real Pd 0.53 (headless, batch mode): exact latency, messages, bad input.

Every run records the input and the output of brave~ objects with tabwrite~ (pd_util) and
checks them sample for sample against the documented added latency
L = BUFFER - gcd(BUFFER, BLOCK) (= max(0, BUFFER - BLOCK) for powers of two) plus the probe
model's own delay.
"""

import math
import re
import shutil
import zipfile

import numpy as np
import pytest
import torch

from brave_export.probe import NotNNModel, save_module, write_probe

from .conftest import damaged_copies
from .pd_util import EXTERNAL_DIR, Patch, build_external, check_stderr, run_pd

pytestmark = pytest.mark.slow

SR = 44100
R = 128  # the probes' highest ratio
D = 37  # the delaying probe's own delay
N_REC = 4096


@pytest.fixture(scope="session")
def external():
    return build_external()


class _Bare(torch.nn.Module):
    """The bare nn~ protocol: forward_params and forward (input delayed by `delay` samples with a
    streaming cache) and nothing else: no get_methods, no reset, no get_latency_samples."""

    def __init__(self, delay: int):
        super().__init__()
        self.delay = delay
        self.register_buffer("forward_params", torch.tensor([1, 1, 1, 1]))
        self.register_buffer("cache", torch.zeros(1, 1, delay))

    def forward(self, x):
        y = torch.cat([self.cache, x], dim=-1)
        self.cache = y[:, :, x.shape[-1]:].clone()
        return y[:, :, : x.shape[-1]]


class _BadShape(torch.nn.Module):
    """Claims 1 -> 1 at audio rate but drops a sample: nn~ would say the output size is wrong."""

    def __init__(self):
        super().__init__()
        self.register_buffer("forward_params", torch.tensor([1, 1, 1, 1]))

    def forward(self, x):
        return x[:, :, 1:]


class _Flaky(torch.nn.Module):
    """Works for its first `ok_calls` calls, then raises on every call."""

    def __init__(self, ok_calls: int):
        super().__init__()
        self.ok_calls = ok_calls
        self.calls = 0
        self.register_buffer("forward_params", torch.tensor([1, 1, 1, 1]))

    def forward(self, x):
        self.calls += 1
        if self.calls > self.ok_calls:
            raise RuntimeError("flaky model gave up")
        return x


@pytest.fixture(scope="module")
def models(tmp_path_factory):
    d = tmp_path_factory.mktemp("models")
    write_probe(d / "probe.ts", ratio=R)
    write_probe(d / "probe37.ts", ratio=R, delay=D)
    write_probe(d / "probe2ch.ts", ratio=R, channels=2)
    torch.jit.save(torch.jit.script(_Bare(D)), str(d / "bare.ts"))
    save_module(NotNNModel(), d / "notnn.ts")
    torch.jit.save(torch.jit.script(_BadShape()), str(d / "badshape.ts"))
    # 3 warm-up calls in the loader, 3 in the worker thread, then 5 in the stream
    torch.jit.save(torch.jit.script(_Flaky(3 + 3 + 5)), str(d / "flaky.ts"))
    (d / "corrupt.ts").write_bytes(np.random.default_rng(0).bytes(3000))
    (d / "empty.ts").write_bytes(b"")
    torch.save({"w": torch.zeros(3)}, str(d / "weights.ts"))
    with zipfile.ZipFile(d / "probe.ts") as src, zipfile.ZipFile(d / "newer.ts", "w") as dst:
        for info in src.infolist():  # what a newer torch writes: a file format version beyond ours
            dst.writestr(info.filename, b"11\n" if info.filename.endswith("/version") else src.read(info))
    return d


def workdir_with(tmp_path, models):
    for f in models.iterdir():
        (tmp_path / f.name).symlink_to(f)
    return tmp_path


def added_latency(buffer, block):
    return buffer - math.gcd(buffer, block)


def assert_delayed(out, inp, lag, what=""):
    """out == inp delayed by exactly `lag` samples, silence before."""
    assert np.abs(inp).max() > 0.1, "the input is silent"
    assert not out[:lag].any(), f"{what}: output before {lag} samples is not silent"
    mismatch = np.flatnonzero(out[lag:] != inp[: len(inp) - lag])
    assert mismatch.size == 0, (
        f"{what}: output != input delayed by {lag} samples, first mismatch at {lag + mismatch[0]}; "
        f"best lag {best_lag(out, inp)}")


def best_lag(out, inp, max_lag=1024):
    errs = [np.abs(out[l:] - inp[: len(inp) - l]).sum() for l in range(max_lag)]
    return int(np.argmin(errs))


def effect_sample(t_ms, block, parent=64):
    """First recorded sample a message sent at t_ms acts on, for an object in a subpatch with
    [block~ BLOCK] (Pd 0.53's scheduler): clocks due before the end of a top-level tick of
    `parent` samples fire before that tick's DSP, and a subpatch with a larger block computes a
    whole block on the first top-level tick it spans."""
    tick = math.floor(t_ms * SR / 1000 / parent) * parent
    return math.ceil(tick / block) * block


def restart_at(out, lag, t_ms, block):
    """Where a message sent at t_ms restarted the object (its output being silent for `lag`
    samples after a restart), checked against effect_sample()."""
    s = effect_sample(t_ms, block)
    assert not out[s:s + lag].any() and out[s + lag:s + lag + 8].any(), (
        f"no restart at {s} (message at {t_ms} ms): first output at {np.flatnonzero(out[s - block:])[:1] + s - block}")
    return s


# ------------------------------------------------------------------------------- latency matrix

# (name, block, object text, channels, expected added latency, model delay)
CASES = []
for _block in (64, 256):
    for _buffer in (R, 2 * R):
        CASES.append((f"block{_block}-buffer{_buffer}", _block, f"brave~ probe.ts forward {_buffer}", 1,
                      added_latency(_buffer, _block), 0))
    CASES.append((f"block{_block}-default-buffer", _block, "brave~ probe", 1, added_latency(R, _block), 0))
    CASES.append((f"block{_block}-delay{D}", _block, "brave~ probe37.ts forward", 1, added_latency(R, _block), D))
    CASES.append((f"block{_block}-2ch", _block, "brave~ probe2ch.ts", 2, added_latency(R, _block), 0))
    # ratio 1 (only forward): the default buffer is 1 sample, a model call per sample
    CASES.append((f"block{_block}-bare", _block, "brave~ bare.ts", 1, 0, D))
# buffer and block that do not divide each other: 384 - gcd(384, 256) = 256
CASES.append(("block256-buffer384", 256, "brave~ probe.ts forward 384", 1, 256, 0))
CASES.append(("block64-buffer384", 64, "brave~ probe.ts forward 384", 1, 320, 0))
# 4 model calls per Pd block: no added latency
CASES.append(("block512-buffer128", 512, "brave~ probe.ts forward 128", 1, 0, 0))
CODECS = [(f"block{b}-{m}", b, m) for b in (64, 256) for m in ("encode", "decode")]


@pytest.fixture(scope="module")
def matrix(external, models, tmp_path_factory):
    """One Pd run holding every case: a subpatch per block size, all objects fed the same noise."""
    tmp = workdir_with(tmp_path_factory.mktemp("matrix"), models)
    patch = Patch(duration_ms=150)
    subs = {}
    for block in sorted({c[1] for c in CASES} | {c[1] for c in CODECS}):
        sub = patch.subpatch(f"block{block}", block=block)
        src = [sub.obj("noise~"), sub.obj("noise~")]
        sub.record(src[0], f"in_{block}_0", N_REC)
        sub.record(src[1], f"in_{block}_1", N_REC)
        subs[block] = (sub, src)
    for name, block, text, channels, _, _ in CASES:
        sub, src = subs[block]
        b = sub.obj(text)
        for c in range(channels):
            sub.connect(src[c], 0, b, c)
            sub.record(b, f"{name}_{c}", N_REC, outlet=c)
    for name, block, method in CODECS:
        sub, src = subs[block]
        b = sub.obj(f"brave~ probe.ts {method}")
        sub.connect(src[0], 0, b, 0)
        sub.record(b, name, N_REC)
    run = run_pd(patch, tmp)
    check_stderr(run)
    return run


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_latency_is_exact(matrix, case):
    name, block, text, channels, added, delay = case
    for c in range(channels):
        assert_delayed(matrix.arrays[f"{name}_{c}"], matrix.arrays[f"in_{block}_{c}"], added + delay,
                       f"[{text}] at block {block}, channel {c}")


@pytest.mark.parametrize("case", CODECS, ids=[c[0] for c in CODECS])
def test_encode_decode_ratios(matrix, case):
    """encode: out_ratio 128 (frame means, each held 128 samples); decode: in_ratio 128 (one input
    sample in every 128 kept, repeated 128 times). Frames start with the stream."""
    name, block, method = case
    inp, out = matrix.arrays[f"in_{block}_0"], matrix.arrays[name]
    lag = added_latency(R, block)
    frames = inp[: (len(inp) // R) * R].reshape(-1, R)
    expected = frames.mean(axis=1) if method == "encode" else frames[:, 0]
    expected = np.concatenate([np.zeros(lag, np.float32), np.repeat(expected, R)])[: len(out)]
    np.testing.assert_allclose(out, expected, rtol=0, atol=1e-6)
    assert np.abs(out).max() > 0


def test_latency_and_stats_messages(external, models, tmp_path):
    """load by name without .ts (relative to the patch), latency / stats / threads messages, the
    info outlet, reset (the model's reset()), enable 0/1."""
    tmp = workdir_with(tmp_path, models)
    block, L = 64, added_latency(R, 64)
    patch = Patch(duration_ms=150)
    sub = patch.subpatch("dsp", block=block)
    src = sub.obj("noise~")
    b = sub.obj("brave~ -sync")  # batch Pd: loads block (as they must offline)
    sub.connect(src, 0, b, 0)
    sub.receive("ctl", b)
    sub.connect(b, 1, sub.obj("print info"), 0)
    sub.record(src, "in", N_REC)
    sub.record(b, "out", N_REC)
    t_load, t_reset, t_off, t_on, t_report = 10, 30, 50, 60, 80
    patch.at(t_load, "ctl load probe37")
    patch.at(t_reset, "ctl reset")
    patch.at(t_off, "ctl enable 0")
    patch.at(t_on, "ctl enable 1")
    patch.at(t_report, "ctl threads 2")
    patch.at(t_report, "ctl latency")
    patch.at(t_report, "ctl stats")
    patch.at(t_report, "ctl threads 1")
    patch.at(t_report, "ctl bang")
    run = run_pd(patch, tmp)
    check_stderr(run)
    inp, out = run.arrays["in"], run.arrays["out"]
    lag = L + D

    # load: silence, then the input delayed by L + D
    s1 = restart_at(out, lag, t_load, block)
    assert not out[:s1 + lag].any()
    # reset: our buffering restarts (L zeros) and the model's cache is zeroed (D zeros)
    s2 = restart_at(out, lag, t_reset, block)
    assert np.array_equal(out[s1 + lag:s2], inp[s1:s2 - lag])
    assert not out[s2:s2 + lag].any()
    # enable 0: silence; enable 1: our buffering restarts (L zeros) but the model keeps the D
    # samples it had when disabled
    s3 = effect_sample(t_off, block)
    assert np.array_equal(out[s2 + lag:s3], inp[s2:s3 - lag])
    s4 = effect_sample(t_on, block)
    assert not out[s3:s4 + L].any()
    e = s2 + (s3 - s2) // R * R  # end of the last buffer the model got before enable 0
    assert np.array_equal(out[s4 + L:s4 + lag], inp[e - D:e])
    assert np.array_equal(out[s4 + lag:], inp[s4:len(inp) - lag])

    # latency: post and info outlet
    assert run.lines(r"brave~: latency: added 64 samples \(1\.451 ms at 44100 Hz\) = buffer 128 - "
                     r"gcd\(buffer, block 64\); model's own delay 37 samples \(0\.839 ms\), nominal \(no latency "
                     r"card\); total 101 samples \(2\.290 ms\)"), run.stderr
    assert run.lines(r"^info: latency 64 1\.45125 37 101 2\.29025 37$"), run.stderr
    # stats: one call per completed buffer of 128 samples, counted from each (re)start
    s5 = effect_sample(t_report, block)
    calls = (s2 - s1) // R + (s3 - s2) // R + (s5 - s4) // R
    m = re.search(r"brave~: stats: (\d+) calls, compute mean ([\d.]+) ms, max ([\d.]+) ms per call(?: \([^)]*\))?; "
                  r"(\d+) overruns \(calls longer than the buffer's 2\.902 ms\); (\d+) errors", run.stderr)
    assert m, run.stderr
    assert int(m[1]) == calls
    assert 0 < float(m[3]) and float(m[2]) <= float(m[3])
    assert int(m[5]) == 0
    info = run.lines(r"^info: stats ")
    assert len(info) == 1 and info[0].split()[2] == str(calls), info
    assert run.lines(r"torch now uses 2 intra-op thread\(s\)")
    assert run.lines(r"^info: loaded 1$")
    # bang: the state, as nn~ reports it
    for line in (r"enabled 1", r"model .*probe37\.ts", r"methods forward encode decode", r"method forward",
                 r"bufsize 128", r"dim 1 1", r"ratio 1 1"):
        assert run.lines(rf"^info: {line}$"), (line, run.stderr)


def test_reset_without_model_reset_reloads(external, models, tmp_path):
    """A bare nn~ model (no get_methods, reset or get_latency_samples): methods found from
    *_params, `reset` reloads the file, `latency` says the model reports no delay."""
    tmp = workdir_with(tmp_path, models)
    block, L = 64, added_latency(R, 64)
    patch = Patch(duration_ms=120)
    sub = patch.subpatch("dsp", block=block)
    src = sub.obj("noise~")
    b = sub.obj("brave~ bare.ts forward 128 -sync")
    sub.connect(src, 0, b, 0)
    sub.receive("ctl", b)
    sub.connect(b, 1, sub.obj("print info"), 0)
    sub.record(src, "in", N_REC)
    sub.record(b, "out", N_REC)
    patch.at(40, "ctl reset")
    patch.at(50, "ctl latency")
    run = run_pd(patch, tmp)
    check_stderr(run)
    inp, out = run.arrays["in"], run.arrays["out"]
    lag = L + D  # the bare model delays by D without saying so
    s = restart_at(out, lag, 40, block)
    assert np.array_equal(out[lag:s], inp[:s - lag])
    assert not out[s:s + lag].any()
    assert np.array_equal(out[s + lag:], inp[s:len(inp) - lag])
    assert len(run.lines(r"brave~: loaded .*bare\.ts: forward \(1 in, 1 out, ratios 1/1\)")) == 2
    assert run.lines(r"brave~: latency: added 64 samples .* the model does not report its own delay")
    assert run.lines(r"^info: latency 64 1\.45125 -1 64 1\.45125 -1$")


@pytest.mark.parametrize("measurable", [True, False])
def test_latency_message_reports_the_card(external, models, tmp_path, measurable):
    """A file with a latency card: brave~ still plays it (input delayed by exactly buffering + the
    probe's 37 samples), and `latency` gives MODEL = the card's median (here a card saying 20, to
    tell it from the nominal 37), the nominal figure beside it; a card without figures gives
    the nominal delay and says why."""
    import dataclasses

    from brave_export.latency.card import measure_card, write_card

    tmp = tmp_path / "w"
    tmp.mkdir()
    model = write_probe(tmp / "carded.ts", ratio=R, delay=D)
    card = measure_card(model, trials=1)
    assert card.median == D
    card = (dataclasses.replace(card, median=20.0, p10=19.0, p90=24.0) if measurable else
            dataclasses.replace(card, measurable=False, median=None, p10=None, p90=None,
                                reason="the model does not reproduce the test bursts"))
    write_card(model, card)
    block, L = 64, added_latency(R, 64)
    patch = Patch(duration_ms=120)
    sub = patch.subpatch("dsp", block=block)
    src = sub.obj("noise~")
    b = sub.obj("brave~ carded.ts forward 128 -sync")
    sub.connect(src, 0, b, 0)
    sub.receive("ctl", b)
    sub.connect(b, 1, sub.obj("print info"), 0)
    sub.record(src, "in", N_REC)
    sub.record(b, "out", N_REC)
    patch.at(50, "ctl latency")
    run = run_pd(patch, tmp)
    check_stderr(run)
    assert_delayed(run.arrays["out"], run.arrays["in"], L + D, "a file with a latency card")
    if measurable:
        assert run.lines(r"model's own delay 20 samples \(0\.454 ms\) measured \(latency card: median of 12 "
                         r"trials, p10 19, p90 24\), nominal 37; total 84 samples"), run.stderr
        assert run.lines(r"^info: latency 64 1\.45125 20 84 1\.90476 37$"), run.stderr
    else:
        assert run.lines(r"model's own delay 37 samples \(0\.839 ms\), nominal \(latency card: not measurable: "
                         r"the model does not reproduce the test bursts\); total 101"), run.stderr
        assert run.lines(r"^info: latency 64 1\.45125 37 101 2\.29025 37$"), run.stderr


# ------------------------------------------------------------------------------------ bad input

BAD_FILES = [
    ("missing", r"brave~: model file 'missing' not found: no /.*/missing\.ts, nor on Pd's search path"),
    ("corrupt.ts", r"brave~: .*corrupt\.ts is not a TorchScript file \(not a zip archive\)"),
    ("empty.ts", r"brave~: .*empty\.ts is not a TorchScript file \(not a zip archive\)"),
    ("notnn.ts", r"brave~: .*notnn\.ts is not an nn~ model: it has forward\(\) but no forward_params buffer"),
    ("weights.ts", r"brave~: .*weights\.ts is a torch\.save\(\) file \(weights or a checkpoint\), not TorchScript"),
    ("newer.ts", r"brave~: .*newer\.ts was written by a newer torch: TorchScript file format version 11, but "
                 r"libtorch 2\.5\.1 \(bundled with brave~\) reads versions up to 10"),
    # ratio 1: the default buffer is 1 sample, and forward returns none
    ("badshape.ts", r"brave~: model output size is not consistent: method 'forward' returned \[1, 1, 0\], "
                    r"expected \[1, 1, 1\] \(test call with buffer 1\)"),
]
NO_METHOD = r"brave~: .*probe\.ts has no method 'nosuch'; available: forward, encode, decode"
ROUNDED = r"brave~: warning: buffer 100 is not a multiple of the model's ratio 128: using 128"
TOO_MANY = r"brave~: method 'forward' needs 2 signal inlet\(s\) and 2 signal outlet\(s\) but this object was created with 1 and 1"
FLAKY = r"brave~: method 'forward' failed: .*flaky model gave up"


def test_bad_input_then_good_load(external, models, tmp_path):
    """Bad files and arguments at creation and through messages: each gives its error, the
    object outputs silence and keeps working once a good model is loaded; Pd finishes."""
    tmp = workdir_with(tmp_path, models)
    block, L = 64, added_latency(R, 64)
    t_good = 60
    patch = Patch(duration_ms=150)
    sub = patch.subpatch("dsp", block=block)
    src = sub.obj("noise~")
    sub.record(src, "in", N_REC)
    # created with bad arguments
    created = {f"new_{i}": f"brave~ {name} -sync" for i, (name, _) in enumerate(BAD_FILES)}
    created["new_method"] = "brave~ probe.ts nosuch -sync"
    created["new_none"] = "brave~ -sync"
    for array, text in created.items():
        b = sub.obj(text)
        sub.connect(src, 0, b, 0)
        sub.receive("all", b)
        sub.record(b, array, N_REC)
    # messages: every bad case in turn, then a good load (keeping the requested buffer 100)
    b = sub.obj("brave~ -sync")
    sub.connect(src, 0, b, 0)
    sub.receive("ctl", b)
    sub.connect(b, 1, sub.obj("print info"), 0)
    sub.record(b, "messages", N_REC)
    t = 5
    for name, _ in BAD_FILES:
        patch.at(t, f"ctl load {name}")
        t += 5
    patch.at(t, "ctl load probe.ts nosuch")
    patch.at(t + 5, "ctl buffer 100")
    patch.at(t + 10, "ctl load probe2ch.ts forward")
    assert t + 10 < t_good
    patch.at(t_good, "ctl load probe.ts forward")
    patch.at(t_good, "all load probe.ts forward")
    # a model that fails in the middle of the stream: error once, silence, counted in stats
    f = sub.obj("brave~ flaky.ts forward 128")
    sub.connect(src, 0, f, 0)
    sub.receive("flaky_ctl", f)
    sub.record(f, "flaky", N_REC)
    patch.at(100, "flaky_ctl stats")
    run = run_pd(patch, tmp)

    allowed = [e for _, e in BAD_FILES] + [NO_METHOD, TOO_MANY, FLAKY]
    check_stderr(run, allowed)
    for _, e in BAD_FILES:  # once at creation, once by message
        assert len(run.lines(e)) == 2, (e, run.stderr)
    # creation and load; the refused method does not stick and nothing runs, so 'buffer 100' waits
    # for the next load (which rounds it up)
    assert len(run.lines(NO_METHOD)) == 2, run.stderr
    assert run.lines(r"^brave~: buffer 100 for the next load$"), run.stderr
    assert run.lines(ROUNDED), run.stderr
    assert run.lines(TOO_MANY), run.stderr
    assert run.lines(r"^info: loaded 0$") and run.lines(r"^info: loaded 1$")

    inp = run.arrays["in"]
    for array in [*created, "messages"]:
        out = run.arrays[array]
        s = restart_at(out, L, t_good, block)
        assert not out[:s + L].any(), array
        assert np.array_equal(out[s + L:], inp[s:len(inp) - L]), array

    # flaky: 5 good buffers after the warm-up, then silence and one reported error
    out = run.arrays["flaky"]
    good = 5 * R
    assert np.array_equal(out[L:good + L], inp[:good]) and not out[good + L:].any()
    assert len(run.lines(FLAKY)) == 1, run.stderr
    m = re.search(r"brave~: stats: (\d+) calls, .* (\d+) errors", run.stderr)
    assert m and int(m[2]) == int(m[1]) - 5 > 0, run.stderr


def test_sample_rate_mismatch_warns(external, models, tmp_path):
    tmp = workdir_with(tmp_path, models)
    patch = Patch(duration_ms=50)
    b = patch.obj("brave~ probe.ts")
    patch.connect(patch.obj("noise~"), 0, b, 0)
    patch.record(b, "out", 1024)
    run = run_pd(patch, tmp, sr=48000)
    check_stderr(run)
    assert run.lines(r"brave~: warning: Pd runs at 48000 Hz but the model was made for 44100 Hz"), run.stderr
    assert np.abs(run.arrays["out"]).max() > 0


def test_help_patch_opens_cleanly(external, tmp_path):
    """The help patch as built (next to the binary) opens without an error when its bundled model is
    beside it (the package puts brave-demo.ts there; a probe stands in for it here)."""
    help_patch = EXTERNAL_DIR / "brave~-help.pd"
    assert help_patch.exists()
    folder = tmp_path / "help"
    folder.mkdir()
    shutil.copy(help_patch, folder)
    write_probe(folder / "brave-demo.ts", ratio=128)
    quitter = Patch(duration_ms=20)
    quitter.write(tmp_path / "quit.pd")
    run = run_pd(folder / "brave~-help.pd", tmp_path, extra_args=["-open", str(tmp_path / "quit.pd")])
    check_stderr(run)
    text = help_patch.read_text()
    for word in ["load", "reload", "method", "buffer", "reset", "enable", "threads", "latency", "stats",
                 "set latent_noise 0", "seed", "bang", "BUFFER - gcd(BUFFER N)", "thread 1", "sync 1",
                 "(1 + K) x BUFFER - gcd(BUFFER N)", "lookahead"]:
        assert word in text, word


# ------------------------------------------------------------------------- the real BRAVE model

def plucks(seconds: float, sr: int = SR, seed: int = 0) -> np.ndarray:
    """A test sound: Karplus-Strong plucks at random pitches and noise-burst hits, 4 per second."""
    rng = np.random.default_rng(seed)
    n = int(seconds * sr)
    out = np.zeros(n, np.float64)
    step = sr // 4
    for k, start in enumerate(range(0, n - step, step)):
        if k % 3 == 2:  # a drum-like hit: decaying noise
            hit = rng.uniform(-1, 1, step) * np.exp(-np.arange(step) / (0.02 * sr))
        else:  # a plucked string: a noise burst circulating through an averaging delay line
            period = int(sr / rng.uniform(80, 600))
            line = rng.uniform(-1, 1, period)
            hit = np.empty(step)
            for i in range(step):
                j = i % period
                hit[i] = line[j]
                line[j] = 0.996 * 0.5 * (line[j] + line[(j + 1) % period])
        out[start:start + step] += rng.uniform(0.3, 0.8) * hit
    return (0.5 * out / np.abs(out).max()).astype(np.float32)


SET_UNKNOWN = r"brave~: .*brave\.ts has no attribute 'nosuch'; available: latent_noise$"
SET_COUNT = r"brave~: attribute 'latent_noise' takes 1 value\(s\), got 0"


def test_brave_export_runs_in_pd(external, brave_ts, tmp_path):
    """The smoke-trained BRAVE export through [brave~] for 10 s of plucks and hits: finite,
    non-silent output; `stats` reports the calls and their compute times; `reset` restores the
    output exactly: the same 10 s played twice, each time right after a reset, give the same
    recording sample for sample. The export samples its latent (as `rave export`'s do): reset
    reseeds libtorch's generator, and nn~'s `set latent_noise 0` turns the sampling off."""
    import soundfile

    seconds, block = 10, 64
    n = seconds * SR
    (tmp_path / "brave.ts").symlink_to(brave_ts.path)
    soundfile.write(str(tmp_path / "plucks.wav"), plucks(seconds), SR, subtype="FLOAT")
    t2 = seconds * 1000 + 100  # the second pass: a reset, then the same sound again
    patch = Patch(duration_ms=t2 + seconds * 1000 + 100)
    patch.obj("table src")
    patch.chain(patch.obj("loadbang"), patch.msg("read plucks.wav src"), patch.obj("soundfiler"))
    sub = patch.subpatch("dsp", block=block)
    play = sub.obj("tabplay~ src")
    sub.receive("play", play)
    objects = {}
    for name in ("a", "b"):  # a: latent noise on (the default); b: set latent_noise 0
        b = objects[name] = sub.obj("brave~ brave.ts forward 128")
        sub.connect(play, 0, b, 0)
        sub.receive(f"ctl_{name}", b)
        sub.connect(b, 1, sub.obj(f"print info_{name}"), 0)
        sub.record(b, f"{name}1", n, start="rec1")
        sub.record(b, f"{name}2", n // 10, start="rec2")
    sub.record(objects["a"], "a2_full", n, start="rec2")
    patch.at(0, "ctl_b set nosuch 1")
    patch.at(0, "ctl_b set latent_noise")
    patch.at(0, "ctl_b set latent_noise 0")
    # each pass: the resets, the sound and the recordings start in the same logical instant
    for t, rec in ((0, "rec1"), (t2, "rec2")):
        if t:
            patch.at(t, "ctl_b seed 7")  # no sampling: the seed changes nothing
        patch.at(t, "ctl_b reset")  # first: each reset reseeds the one generator all objects share
        patch.at(t, "ctl_a stats reset")
        patch.at(t, "ctl_a reset")
        patch.at(t, "play bang")
        patch.at(t, f"{rec} bang")
    patch.at(seconds * 1000, "ctl_a stats")
    run = run_pd(patch, tmp_path, timeout=300)
    check_stderr(run, [SET_UNKNOWN, SET_COUNT])
    assert run.lines(SET_UNKNOWN) and run.lines(SET_COUNT), run.stderr
    assert run.lines(r"^brave~: latent_noise = 0$"), run.stderr

    a1, a2 = run.arrays["a1"], run.arrays["a2_full"]
    assert a1.shape == a2.shape == (n,)
    assert np.isfinite(a1).all()
    rms = float(np.sqrt(np.mean(a1.astype(np.float64) ** 2)))
    assert rms > 1e-3 and np.abs(a1).max() > 1e-2, f"output nearly silent (rms {rms:.2e})"
    # silent only while the object buffers: the model's output starts with its first call
    L = added_latency(brave_ts.ratio, block)
    assert not a1[:L].any() and np.abs(a1[L:L + brave_ts.ratio]).max() > 0
    diff = np.flatnonzero(a1 != a2)
    assert diff.size == 0, (f"reset did not restore the output: {diff.size} samples differ, first at "
                            f"{diff[0]}, max diff {np.abs(a1 - a2).max():.3g}")
    b1, b2 = run.arrays["b1"], run.arrays["b2"]
    assert np.isfinite(b1).all() and np.abs(b1).max() > 1e-2
    assert np.array_equal(b1[:len(b2)], b2), "latent_noise 0: the output depends on the seed"
    assert not np.array_equal(a1[:len(b2)], b2), "latent_noise 0 changed nothing"

    calls = effect_sample(seconds * 1000, block) // brave_ts.ratio  # buffers completed since t=0
    m = re.search(r"brave~: stats: (\d+) calls, compute mean ([\d.]+) ms, max ([\d.]+) ms per call(?: \([^)]*\))?; "
                  r"(\d+) overruns \(calls longer than the buffer's 2\.902 ms\); (\d+) errors", run.stderr)
    assert m, run.stderr
    assert int(m[1]) == calls, (m[0], calls)
    mean_ms, max_ms = float(m[2]), float(m[3])
    assert 0 < mean_ms <= max_ms < 1000, m[0]
    assert int(m[5]) == 0, m[0]
    info = run.lines(r"^info_a: stats ")
    assert len(info) == 1 and int(info[0].split()[2]) == calls, info


def test_fp16_export_runs_in_pd_like_fp32(external, brave_ts, brave_fp16_ts, tmp_path):
    """`--weights fp16` through [brave~]: finite, non-silent; `reset` reproduces it sample for
    sample; with the latent noise off it matches the fp32 export played beside it within the
    export's fidelity bound. Damaged fp16 files give one line each while the object keeps
    playing the model it has; a sidecar naming a newer torch gives a warning."""
    import json

    import soundfile

    from brave_export.export.weights import MIN_FIDELITY_DB, error_db

    seconds, block = 3, 64
    n = seconds * SR
    (tmp_path / "brave32.ts").symlink_to(brave_ts.path)
    (tmp_path / "brave16.ts").symlink_to(brave_fp16_ts.path)
    (tmp_path / "later16.ts").symlink_to(brave_fp16_ts.path)
    side = json.loads(brave_fp16_ts.path.with_suffix(".json").read_text())
    (tmp_path / "later16.json").write_text(json.dumps({**side, "torch_version": "9.1.0"}))
    cut, mangled = damaged_copies(brave_fp16_ts.path, tmp_path)
    damaged = {cut.name: r"brave~: .*cut16\.ts is not a TorchScript file \(not a zip archive\)",
               mangled.name: r"brave~: cannot load .*mangled16\.ts as a TorchScript model: "}
    soundfile.write(str(tmp_path / "plucks.wav"), plucks(seconds, seed=3), SR, subtype="FLOAT")
    t2 = seconds * 1000 + 100
    patch = Patch(duration_ms=2 * t2)
    patch.obj("table src")
    patch.chain(patch.obj("loadbang"), patch.msg("read plucks.wav src"), patch.obj("soundfiler"))
    sub = patch.subpatch("dsp", block=block)
    play = sub.obj("tabplay~ src")
    sub.receive("play", play)
    for name in ("f32", "f16"):
        b = sub.obj(f"brave~ brave{name[1:]}.ts forward 128 -sync")
        sub.connect(play, 0, b, 0)
        sub.receive(f"ctl_{name}", b)
        sub.record(b, f"{name}_1", n, start="rec1")
        sub.record(b, f"{name}_2", n, start="rec2")
        patch.at(0, f"ctl_{name} set latent_noise 0")
    w = sub.obj("brave~ later16.ts forward 128 -sync")
    for t, rec in ((0, "rec1"), (t2, "rec2")):
        patch.at(t, "ctl_f32 reset")
        patch.at(t, "ctl_f16 reset")
        patch.at(t, "play bang")
        patch.at(t, f"{rec} bang")
    for k, bad in enumerate(damaged):  # during the first pass: the loads fail, f16 plays on
        patch.at(1000 + 500 * k, f"ctl_f16 load {bad}")
    run = run_pd(patch, tmp_path, timeout=300)
    newer = (r"brave~: warning: .*later16\.ts was written by torch 9\.1\.0 \(its \.json says\), newer than "
             r"brave~'s libtorch 2\.5\.1: if it fails or sounds wrong, export it with torch 2\.5\.1$")
    check_stderr(run, [*damaged.values(), newer])
    for bad, line in damaged.items():
        assert len(run.lines(line)) == 1, (bad, run.stderr)
    assert len(run.lines(newer)) == 1, run.stderr
    assert w is not None

    a1, a2, ref = run.arrays["f16_1"], run.arrays["f16_2"], run.arrays["f32_1"]
    assert np.isfinite(a1).all()
    rms = float(np.sqrt(np.mean(a1.astype(np.float64) ** 2)))
    assert rms > 1e-3, f"fp16 output nearly silent (rms {rms:.2e})"
    diff = np.flatnonzero(a1 != a2)
    assert diff.size == 0, f"reset did not restore the fp16 output: {diff.size} samples differ"
    assert np.array_equal(ref, run.arrays["f32_2"])
    db = error_db(torch.from_numpy(ref.astype(np.float64)), torch.from_numpy(a1.astype(np.float64)))
    assert db <= -MIN_FIDELITY_DB, f"fp16 in brave~ is {db:.1f} dB from fp32 (bound -{MIN_FIDELITY_DB:.0f} dB)"
