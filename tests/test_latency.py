"""`brave-export latency`: the brave~ host simulation, the onset detectors, exact figures on
probe models, the smoke BRAVE export, bad input."""

import json
import math

import numpy as np
import pytest
import torch

from brave_export import latency as L
from brave_export.errors import UserError
from brave_export.probe import NotNNModel, SilentModel, save_module, write_probe

from .conftest import assert_one_line_error, cli

pytestmark = pytest.mark.fast  # `make test-fast` runs these, less any marked slow (training run, Pd)

SR = 44100
R = 128
D = 37


@pytest.fixture(scope="module")
def probes(tmp_path_factory):
    d = tmp_path_factory.mktemp("latency")
    return {0: write_probe(d / "probe.ts", ratio=R, delay=0), D: write_probe(d / "probe37.ts", ratio=R, delay=D)}


# ------------------------------------------------------------------------------- the host

@pytest.mark.parametrize("buffer, block", [(128, 64), (256, 64), (128, 128), (128, 512), (384, 256), (384, 64),
                                           (2048, 64)])
def test_host_delays_by_buffer_minus_gcd(buffer, block):
    calls = []

    def ident(x):
        calls.append(x.shape)
        return x.copy()

    host = L.BraveHost(ident, 1, 1, buffer, block)
    x = np.random.default_rng(0).standard_normal((1, 20 * max(buffer, block))).astype(np.float32)
    y = host.run(x)
    lag = buffer - math.gcd(buffer, block)
    assert host.latency == lag
    assert np.array_equal(y[0, lag:], x[0, :x.shape[1] - lag]) and not y[0, :lag].any()
    assert calls and set(calls) == {(1, buffer)} and len(calls) == x.shape[1] // buffer


def test_host_feeds_whole_buffers_in_order_to_a_stateful_model():
    state = {"sum": 0.0}

    def running_sum(x):  # output depends on every sample seen before, in order
        out = np.cumsum(x, axis=1) + state["sum"]
        state["sum"] = float(out[0, -1])
        return out.astype(np.float32)

    x = np.ones((1, 4096), dtype=np.float32)
    host = L.BraveHost(running_sum, 1, 1, 384, 256)
    y = host.run(x)[0]
    assert np.array_equal(y[256:], np.arange(1, 4096 - 256 + 1, dtype=np.float32))
    host.restart()
    assert host.fifo.shape == (1, 256) and host.collected == 0


# ------------------------------------------------------------------------------- detectors

def _with_onset(kind, n0, level_db, n=SR, background_db=None, seed=0):
    rng = np.random.default_rng(seed)
    x = np.zeros(n)
    if background_db is not None:
        x += 10 ** (background_db / 20) * rng.standard_normal(n) / 3
    b = L.burst(L.BurstTest(kind, 200.0, level_db), SR, rng)
    x[n0:n0 + len(b)] += b
    return x


@pytest.mark.parametrize("kind", L.SIGNALS)
@pytest.mark.parametrize("level_db", [-6.0, -24.0, -40.0])
def test_envelope_detector_finds_a_known_onset(kind, level_db):
    for n0 in (5000, 12345, 20001):
        t = L.envelope_onset(_with_onset(kind, n0, level_db), SR)
        assert t is not None and 0 <= t - n0 <= 4, (kind, level_db, n0, t)


def test_envelope_detector_over_background_noise():
    n0 = 15000
    t = L.envelope_onset(_with_onset("noise", n0, -12.0, background_db=-50.0), SR, start=1000)
    assert t is not None and 0 <= t - n0 <= 8
    # a constant hum and a small level change are not onsets
    hum = 0.1 * np.sin(2 * np.pi * 220 * np.arange(SR) / SR)
    assert L.envelope_onset(hum, SR, start=5000) is None
    step = hum * np.where(np.arange(SR) < 20000, 1.0, 10 ** (3 / 20))
    assert L.envelope_onset(step, SR, start=5000) is None
    assert L.envelope_onset(np.zeros(SR), SR) is None


def test_envelope_detector_thresholds_are_configurable():
    x = _with_onset("harmonic", 10000, -50.0)
    assert L.envelope_onset(x, SR) is not None
    assert L.envelope_onset(x, SR, L.DetectorSettings(floor_db=-40.0)) is None  # quieter than the floor
    hum = 0.1 * np.sin(2 * np.pi * 220 * np.arange(SR) / SR)
    step = hum * np.where(np.arange(SR) < 20000, 1.0, 10 ** (6 / 20))
    t = L.envelope_onset(step, SR, L.DetectorSettings(threshold_db=4.0), start=5000)
    assert t is not None and 20000 <= t <= 20000 + 50


@pytest.mark.parametrize("kind", L.SIGNALS)
def test_flux_detector_finds_a_known_onset_within_a_hop(kind):
    s = L.DetectorSettings()
    for n0 in (8000, 12345, 20001):
        t = L.flux_onset(_with_onset(kind, n0, -12.0), SR, s)
        assert t is not None and abs(t - n0) <= s.flux_hop, (kind, n0, t)
    assert L.flux_onset(np.zeros(SR), SR, s) is None
    steady = 0.05 * np.random.default_rng(2).standard_normal(SR)  # a noise floor has no onset
    assert L.flux_onset(steady, SR, s, start=4096) is None


def test_bursts_have_their_level_length_and_decay():
    rng = np.random.default_rng(1)
    for test in L.TESTS:
        b = L.burst(test, SR, rng)
        assert len(b) == round(test.length_ms * SR / 1000) and b.dtype == np.float32
        assert 20 * np.log10(np.abs(b).max()) == pytest.approx(test.level_db, abs=0.5)
        quarter = len(b) // 4
        assert np.abs(b[-quarter:]).max() < np.abs(b[:quarter]).max() / 10  # exponential decay
    assert len({(t.kind, t.length_ms, t.level_db) for t in L.TESTS}) == 12


def test_peak_detector_is_the_pd_patchs_definition():
    s = L.DetectorSettings(detector="peak")
    x = np.zeros(1000)
    x[300:310] = [0.05, -0.1, 0.3, -1.0, 0.5, 0.2, 0.1, 0.0, 0.0, 0.0]
    assert L.peak_onset(x, s) == 302  # first sample >= 0.2 x the peak 1.0
    assert L.peak_onset(x, L.DetectorSettings(peak_fraction=0.05)) == 300
    assert L.peak_onset(x, s, start=303) == 303
    # the floor: twice the largest magnitude before the search start
    y = x.copy()
    y[100] = 0.2
    assert L.peak_onset(y, s, start=200) == 303  # 0.3 < 2 x 0.2
    assert L.peak_onset(y, L.DetectorSettings(peak_floor_factor=0.0), start=200) == 302
    assert L.peak_onset(np.zeros(100), s) is None and L.peak_onset(x, s, start=2000) is None
    assert L.find_onset(x, SR, s) == 302


def test_pd_patch_burst_is_bx_burst():
    b = L.burst(L.PD_PATCH_TEST, SR, np.random.default_rng(0))
    n = round(0.06 * SR)
    assert len(b) == n and b.dtype == np.float32
    env = 0.5 * (1 - np.arange(n) / n) ** 4
    assert np.all(np.abs(b) <= env + 1e-6)
    assert np.abs(b[:200]).max() > 0.45  # uniform noise reaches near the envelope
    assert np.abs(b[:n // 2]).mean() == pytest.approx((0.5 / 2) * np.mean(env[:n // 2] / 0.5), rel=0.1)


def test_detector_choice_is_checked():
    with pytest.raises(UserError, match="unknown detector 'loud'"):
        L.DetectorSettings(detector="loud").check()
    with pytest.raises(UserError, match="peak_fraction"):
        L.DetectorSettings(peak_fraction=0.0).check()


# ------------------------------------------------------------------------------- probes: exact

@pytest.mark.parametrize("delay", [0, D])
@pytest.mark.parametrize("buffer, block", [(R, 64), (2 * R, 64), (3 * R, 256)])
def test_probe_latency_is_buffering_plus_delay(probes, delay, buffer, block):
    r = L.evaluate(probes[delay], buffer=buffer, block=block, trials=2, seed=3)
    expected = buffer - math.gcd(buffer, block) + delay
    assert expected > delay  # these blocks give the host real buffering
    assert r.buffering_latency == buffer - math.gcd(buffer, block) and r.expected_latency == expected
    assert r.model_delay == delay and r.sample_rate == SR and r.ratio == R
    for s in [*r.tests, r.overall]:
        assert s.detection_rate == 1.0 and s.detected == s.trials
        assert s.latency["mean"] == expected and s.latency["std"] == 0.0
        assert s.latency["min"] == s.latency["max"] == expected
        assert s.latency["mean_ms"] == pytest.approx(1000 * expected / SR)
        assert abs(s.flux_latency["mean"] - expected) <= r.settings["flux_hop"]
    assert r.overall.trials == 12 * 2 and r.overall.agreement_rate == 1.0
    # onsets fall at many phases of the buffer
    assert len({t.onset % buffer for t in r.trials}) > 10


@pytest.mark.parametrize("buffer", [R, 2 * R])
def test_probe_latency_with_the_peak_detector_and_the_pd_burst(probes, buffer):
    r = L.evaluate_as_pd_patch(probes[D], buffer=buffer, block=64, trials=3, seed=1)
    expected = buffer - 64 + D
    assert r.overall.detected == 3 and r.overall.latency["min"] == r.overall.latency["max"] == expected
    assert r.settings["detector"] == "peak"


def test_seed_makes_runs_repeatable(probes):
    a = L.evaluate(probes[D], trials=1, seed=7).as_dict()
    b = L.evaluate(probes[D], trials=1, seed=7).as_dict()
    c = L.evaluate(probes[D], trials=1, seed=8).as_dict()
    assert a == b
    assert [t["onset"] for t in a["trials"]] != [t["onset"] for t in c["trials"]]


class _Forgetful(torch.nn.Module):
    """Passes audio only for its first `calls` calls after reset(), then outputs silence."""

    def __init__(self, calls: int):
        super().__init__()
        self.limit = calls
        self.count = 0
        self.register_buffer("forward_params", torch.tensor([1, 1, 1, 1]))

    def forward(self, x):
        self.count += 1
        return x.clone() if self.count <= self.limit else torch.zeros_like(x)

    @torch.jit.export
    def reset(self):
        self.count = 0


def test_missed_onsets_are_counted_not_fatal(tmp_path):
    r = L.evaluate(save_module(SilentModel(), tmp_path / "silent.ts"), buffer=128, trials=1)  # not 1 call per sample
    assert r.overall.detected == 0 and r.overall.detection_rate == 0.0 and r.overall.trials == 12
    assert r.overall.latency["mean"] is None and all(t.latency is None for t in r.trials)
    assert "0/12" in L.format_result(r)


def test_reset_is_called_between_trials(tmp_path):
    # one trial takes well under 1000 calls of 128 samples; twelve trials take far more
    r = L.evaluate(save_module(_Forgetful(1000), tmp_path / "forgetful.ts"), buffer=128, trials=1)
    assert r.ratio == 1 and r.model_calls > 1000 and r.model_calls / 12 < 1000
    assert r.overall.detection_rate == 1.0 and r.overall.latency["std"] == 0.0
    assert r.overall.latency["mean"] == 64 and r.model_delay is None and r.expected_latency is None


# ------------------------------------------------------------------------------- CLI and files

def test_cli_writes_json_and_histogram(probes, tmp_path):
    out, png = tmp_path / "lat.json", tmp_path / "lat.png"
    r = cli("latency", probes[D], "--buffer", 2 * R, "--trials", 1, "--json", out, "--plot", png)
    assert r.returncode == 0, r.stderr
    assert "latency:" in r.stderr  # progress bar on stderr
    data = json.loads(out.read_text())
    assert data["buffering_latency"] == 192 and data["expected_latency"] == 192 + D
    assert data["overall"]["latency"]["mean"] == 192 + D and data["overall"]["latency"]["std"] == 0.0
    assert len(data["tests"]) == 12 and len(data["trials"]) == 12
    assert data["settings"]["threshold_db"] == 9.0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lat.json", "lat.png"]  # no temp files left
    assert "overall" in r.stdout and f"{192 + D}.0" in r.stdout


def test_cli_detector_options_reach_the_detector(probes, tmp_path):
    out = tmp_path / "lat.json"
    r = cli("latency", probes[0], "--trials", 1, "--quiet", "--threshold-db", 12, "--floor-db", -50,
                "--json", out)
    assert r.returncode == 0, r.stderr
    assert "latency:" not in r.stderr
    s = json.loads(out.read_text())["settings"]
    assert s["threshold_db"] == 12.0 and s["floor_db"] == -50.0 and s["detector"] == "envelope"
    r = cli("latency", probes[0], "--trials", 1, "--quiet", "--detector", "peak", "--peak-fraction", 0.3,
                "--json", out)
    assert r.returncode == 0, r.stderr
    data = json.loads(out.read_text())
    assert data["settings"]["detector"] == "peak" and data["settings"]["peak_fraction"] == 0.3
    assert data["overall"]["latency"]["std"] == 0.0 and "(peak detector, samples)" in r.stdout


@pytest.mark.slow
def test_cli_pd_runs_the_latency_patch_in_real_pd_too(probes):
    from .pd_util import build_external

    build_external()
    r = cli("latency", probes[D], "--buffer", 2 * R, "--trials", 1, "--quiet", "--pd", "--pd-trials", 3)
    assert r.returncode == 0, r.stderr
    # brave~ at buffer 256 in a 64-sample block adds 192 samples; the probe adds D; no jitter
    assert (f"Pd (patches/pd/latency-brave.pd, brave~ buffer {2 * R}, block 64): mean {192 + D}.0 samples "
            f"({1000 * (192 + D) / SR:.2f} ms), jitter (std) 0.0, min {192 + D}, max {192 + D}, detected 3/3") in r.stdout


def test_cli_pd_without_brave_fails_before_measuring(probes, tmp_path):
    import os
    import subprocess
    import sys

    env = {**os.environ, "BRAVE_PD_EXTERNAL": str(tmp_path / "nowhere")}
    r = subprocess.run([sys.executable, "-m", "brave_export", "latency", str(probes[0]), "--pd"],
                       capture_output=True, text=True, env=env, timeout=300)
    assert_one_line_error(r, "brave~ is not built", "make external")
    assert "overall" not in r.stdout


def test_bad_input(probes, tmp_path):
    assert_one_line_error(cli("latency", tmp_path / "none.ts"), "does not exist")
    junk = tmp_path / "junk.ts"
    junk.write_text("nope")
    assert_one_line_error(cli("latency", junk), "not a TorchScript model")
    assert_one_line_error(cli("latency", save_module(NotNNModel(), tmp_path / "plain.ts")), "not an nn~ model")
    assert_one_line_error(cli("latency", probes[0], "--buffer", 100), "buffer 100 does not fit",
                          "ratio 128")
    assert_one_line_error(cli("latency", probes[0], "--block", 48), "block 48 is not a power of two")
    assert_one_line_error(cli("latency", probes[0], "--method", "encode"), "not audio in, audio out")
    assert_one_line_error(cli("latency", probes[0], "--json", tmp_path / "no" / "x.json"), "does not exist")
    with pytest.raises(UserError, match="fast_ms < slow_ms"):
        L.evaluate(probes[0], settings=L.DetectorSettings(fast_ms=50.0))
    with pytest.raises(UserError, match="trials"):
        L.evaluate(probes[0], trials=0)


# ------------------------------------------------------------------------------- the smoke BRAVE export

@pytest.mark.slow
def test_smoke_brave_export_runs_to_completion(brave_ts, tmp_path):
    r = L.evaluate(brave_ts.path, trials=1, seed=0)
    assert r.ratio == brave_ts.ratio == 128 and r.buffer == 128 and r.block == 64
    assert r.buffering_latency == 64 and r.expected_latency == 64 + brave_ts.model_delay
    assert r.overall.trials == 12 and len(r.trials) == 12
    assert 0.0 <= r.overall.detection_rate <= 1.0
    for s in [*r.tests, r.overall]:
        for k, v in [*s.latency.items(), *s.flux_latency.items()]:
            assert v is None or math.isfinite(v), (s.name, k, v)
    for t in r.trials:
        assert t.input_onset is not None and 0 <= t.input_onset - t.onset <= 4  # the input is clean
        if t.latency is not None:
            assert t.latency == t.output_onset - t.input_onset >= r.buffering_latency
    detected = [t.latency for t in r.trials if t.latency is not None]
    assert r.overall.detected == len(detected)
    # the overall figures pool the tests not missed (most trials detected); the rate counts every trial
    measured = {s.name for s in r.tests if not s.missed}
    pooled = [t.latency for t in r.trials if t.latency is not None and t.test in measured]
    assert r.overall.measured_tests == len(measured) and r.overall.missed == (not pooled)
    for s in r.tests:
        assert s.missed == (s.detection_rate < 0.5)
    if pooled:
        assert r.overall.latency["median"] == pytest.approx(np.median(pooled))
        assert r.overall.latency["p10"] <= r.overall.latency["median"] <= r.overall.latency["p90"]
        assert r.overall.latency["std"] == pytest.approx(np.std(pooled))
    for t in r.trials:  # every onset inside the response window
        assert t.latency is None or t.latency <= r.window
    png = L.write_plot(r, tmp_path / "h.png")
    assert png.stat().st_size > 1000
    json.loads(L.write_json(r, tmp_path / "r.json").read_text())


# ------------------------------------------------------------------------------- robust reporting

class _Late(torch.nn.Module):
    """Passes its input through `late` samples late (beyond the response window of a model that
    declares no delay... here declared 0), plus a constant hum."""

    def __init__(self, late: int, hum: float = 0.0):
        super().__init__()
        self.late, self.hum = late, hum
        self.register_buffer("forward_params", torch.tensor([1, 1, 1, 1]))
        self.register_buffer("cache", torch.zeros(1, 1, late))

    def forward(self, x):
        y = torch.cat([self.cache, x], -1)
        self.cache = y[..., x.shape[-1]:].clone()
        t = torch.arange(x.shape[-1], dtype=x.dtype)
        return y[..., :x.shape[-1]] + self.hum * torch.sin(t * 0.3)

    @torch.jit.export
    def reset(self):
        self.cache.zero_()

    @torch.jit.export
    def get_latency_samples(self) -> int:
        return 0


def test_response_window_is_tied_to_the_nominal_delay(probes):
    from brave_export.latency.evaluate import WINDOW_SLACK, response_window

    assert response_window(64, 37, SR) == 64 + 2 * 37 + WINDOW_SLACK
    assert response_window(0, None, SR) == SR // 2
    r = L.evaluate(probes[D], trials=1, seed=0)
    assert r.window == 64 + 2 * D + WINDOW_SLACK


def test_output_outside_the_window_is_missed_and_reported_so(tmp_path):
    """A response later than the window (nominal 0: window 1024 + buffering) is no onset: every
    test is missed, the overall figures are None, the report says so instead of averaging."""
    r = L.evaluate(save_module(_Late(3000), tmp_path / "late.ts"), buffer=128, trials=1)
    assert r.overall.detected == 0 and r.overall.missed and r.overall.latency["median"] is None
    assert all(s.missed for s in r.tests)
    assert "not measured: every test missed" in L.format_result(r)


def test_hum_above_the_margin_hides_quiet_bursts(tmp_path):
    """A model that hums at -30 dBFS: the -24 dB bursts come out only 6 dB above that noise floor,
    under the 10 dB margin, so their tests are missed; the -6 dB ones are measured (a few samples
    late at most: the hum raises the envelope detector's baseline), and the overall median comes
    from the measured tests only."""
    model = save_module(_Late(37, hum=10 ** (-30 / 20)), tmp_path / "hum.ts")
    r = L.evaluate(model, buffer=128, trials=3, seed=1)
    quiet = [s for s in r.tests if s.level_db == -24.0]
    loud = [s for s in r.tests if s.level_db == -6.0]
    assert all(s.missed and s.detected == 0 for s in quiet)
    assert all(not s.missed and s.detection_rate == 1.0 for s in loud)
    assert r.overall.measured_tests == len(loud) and r.overall.detection_rate == 0.5
    assert 64 + 37 <= r.overall.latency["p10"] <= r.overall.latency["median"] <= 64 + 37 + 8
