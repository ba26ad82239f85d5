"""Presets: data in configs/presets.toml, latency computed from the hosts' buffering formulas."""

import json
import math
import tomllib

import pytest
import torch

from brave_export import presets as P
from brave_export.errors import UserError
from brave_export.probe import write_probe

from .conftest import assert_one_line_error, cli, own_delay

pytestmark = pytest.mark.fast  # `make test-fast` runs these, less any marked slow (training run, Pd)


@pytest.fixture(scope="module")
def probes(tmp_path_factory):
    d = tmp_path_factory.mktemp("presets")
    return {
        128: write_probe(d / "probe128.ts", ratio=128, delay=37),
        2048: write_probe(d / "probe2048.ts", ratio=2048),
    }


@pytest.fixture(scope="module")
def presets():
    return P.load_presets()


def by_name(presets):
    return {p.name: p for p in presets}


def test_presets_file_is_packaged_data_without_latency_figures():
    path = P.presets_path()
    assert path.name == "presets.toml" and path.is_file()
    data = tomllib.loads(path.read_text())
    for raw in data["preset"]:
        # settings only: every latency figure is computed by the code
        assert not any("latency" in k or k.endswith("_ms") and k != "pd_audio_buffer_ms" for k in raw), raw


def test_required_presets_exist(presets):
    ps = by_name(presets)
    assert {"lowest-128", "safe-128", "ratio-2048", "nn-default"} <= set(ps)
    low, safe, big, default = ps["lowest-128"], ps["safe-128"], ps["ratio-2048"], ps["nn-default"]
    assert low.ratio == safe.ratio == 128 and big.ratio == 2048
    assert default.host == "nn~" and default.buffer == P.NN_DEFAULT_BUFFER and default.threaded
    # "safe" trades latency for fewer, larger model calls and a larger audio buffer
    assert safe.effective_buffer() > low.effective_buffer()
    assert safe.pd_audio_buffer_ms > low.pd_audio_buffer_ms
    for p in presets:
        for key in ("pd_block", "pd_audio_buffer_ms", "max_io_vector", "max_signal_vector"):
            assert getattr(p, key) > 0


def test_lowest_128_is_the_least_latency_a_128_model_can_get(presets):
    low = by_name(presets)["lowest-128"]
    pd_128 = [p.pd_latency_samples(128) for p in presets if p.ratio == 128]
    assert low.pd_latency_samples() == min(pd_128)
    # no brave~ buffer (a multiple of the ratio) does better at the same Pd block
    assert low.pd_latency_samples() == min(P.brave_latency(k * 128, low.pd_block) for k in range(1, 33))


def test_brave_formula_matches_the_external():
    # brave~ adds B - gcd(B, N): B - N when N divides B, 0 when B divides N
    for b, n in [(128, 64), (512, 64), (2048, 64), (128, 128), (128, 512), (384, 256), (384, 64)]:
        assert P.brave_latency(b, n) == b - math.gcd(b, n)
    assert P.brave_latency(128, 64) == 64 and P.brave_latency(128, 256) == 0 and P.brave_latency(384, 256) == 256


def test_nn_pd_formula_reproduces_the_measured_nn_tilde():
    # nn-tilde-protocol.md, "Measured here": probe with a 37-sample delay, Pd block 64
    d = 37
    assert P.nn_pd_latency(P.effective_buffer("nn~", 0, 128), 64, threaded=False) + d == 4069
    assert P.nn_pd_latency(P.effective_buffer("nn~", 256, 128), 64, threaded=True) + d == 4325
    # the default: about 8128 samples, 184 ms at 44.1 kHz
    assert P.nn_pd_latency(4096, 64, threaded=True) == 8128
    assert round(P.ms(8128, 44100)) == 184


def test_effective_buffer_follows_each_host():
    assert P.effective_buffer("nn~", 0, 2048) == 2048
    assert P.effective_buffer("nn~", 100, 128) == 128 and P.effective_buffer("nn~", 300, 128) == 512
    assert P.effective_buffer("brave~", 0, 128) == 128 and P.effective_buffer("brave~", 300, 128) == 384


def test_figures_are_computed_from_the_settings(tmp_path, presets):
    """Change a setting in the data, and the figures follow the formula."""
    src = P.presets_path().read_text()
    changed = src.replace('buffer = 512', 'buffer = 1024', 1)
    assert changed != src
    path = tmp_path / "presets.toml"
    path.write_text(changed)
    safe = by_name(P.load_presets(path))["safe-128"]
    assert safe.pd_latency_samples() == 1024 - math.gcd(1024, safe.pd_block)
    table = safe.latency_table()
    for sr in P.SAMPLE_RATES:
        assert table["pd_ms"][str(sr)] == pytest.approx(1000 * table["pd_samples"] / sr, abs=1e-3)
        assert table["max_ms"][str(sr)] == pytest.approx(1000 * table["max_samples"] / sr, abs=1e-3)


@pytest.mark.parametrize("edit, words", [
    (('buffer = 4096\nthreaded = true', 'buffer = 4096\nthreaded = false'), ["threaded must be true"]),
    (('buffer = 512', 'buffer = 500'), ["not a power of two"]),
    (('host = "brave~"', 'host = "foo~"'), ["host must be one of"]),
    (('max_signal_vector = 64', 'max_signal_vector = 1024'), ["signal vector"]),
    (('pd_block = 64', 'pd_blok = 64'), ["missing pd_block", "unknown field pd_blok"]),
])
def test_bad_preset_data_is_refused(tmp_path, edit, words):
    path = tmp_path / "presets.toml"
    path.write_text(P.presets_path().read_text().replace(*edit, 1))
    with pytest.raises(UserError) as info:
        P.load_presets(path)
    for w in words:
        assert w in str(info.value)


def test_brave_worker_mode_preset(presets):
    """A threaded brave~ preset is brave~'s worker mode: `lookahead` buffers more, and -thread with
    its -lookahead in the object."""
    stage = by_name(presets)["stage-128"]
    assert stage.host == "brave~" and stage.threaded
    b = stage.effective_buffer()
    assert stage.pd_latency_samples() == P.brave_latency(b, stage.pd_block) + stage.lookahead * b
    assert stage.object_text().endswith(f" -thread -lookahead {stage.lookahead}")
    assert "worker" in stage.latency_table()["pd_basis"]


def test_fit_gives_object_text_and_latency(probes, presets):
    f = P.fit(by_name(presets)["lowest-128"], probes[128])
    assert f.object_text == "brave~ probe128.ts forward 128"
    assert f.max_object_text == "nn~ probe128.ts forward 0"
    assert f.ratio == 128 and f.sample_rate == 44100 and f.model_delay == 37
    assert f.weights == "fp32" and len(f.notes) == 1 and "tuned for fp16 exports" in f.notes[0]
    assert f.latency["pd_samples"] == 64
    text = P.format_fit(f)
    assert "[brave~ probe128.ts forward 128]" in text and "64 samples" in text and "-audiobuf 5" in text


def test_weight_format_per_preset(probes, presets, tmp_path):
    """The 128-sample presets are tuned for fp16 exports: an fp32 file gets the advice, an fp16
    one does not, and the roomier presets take any format; bad data is refused."""
    ps = by_name(presets)
    assert ps["lowest-128"].weights == ps["stage-128"].weights == "fp16" and ps["safe-128"].weights == "any"
    assert not P.fit(ps["safe-128"], probes[128]).notes
    assert P.weight_notes(ps["lowest-128"], "fp16", 128) == []
    assert "--weights fp16" in P.weight_notes(ps["lowest-128"], "fp32", 128)[0]
    assert "weights" in P.format_presets(presets).splitlines()[0]
    path = tmp_path / "presets.toml"
    path.write_text(P.presets_path().read_text().replace('weights = "fp16"', 'weights = "int8"', 1))
    with pytest.raises(UserError, match="weights must be one of any, fp16"):
        P.load_presets(path)


def test_fit_times_the_call_when_asked(probes, presets):
    """`preset --time`: the call timed at the preset's buffer, judged by the preset's threading."""
    ps = by_name(presets)
    f = P.fit(ps["lowest-128"], probes[128], timed_calls=100)
    assert f.timing["buffer"] == 128 and f.timing["calls"] == 100 and f.timing["median_ms"] > 0
    # the probe copies its input: far faster than real time whatever the machine
    assert f.timing["verdict"].startswith("keeps up") and "audio callback" in f.timing["verdict"]
    assert "worker thread" in P.fit(ps["stage-128"], probes[128], timed_calls=100).timing["verdict"]
    assert "Timed here (100 calls" in P.format_fit(f)
    r = cli("preset", "lowest-128", probes[128], "--time", "50")
    assert_one_line_error(r, "--time 50", "at least 100")


def test_fit_notes_a_preset_for_another_ratio(probes, presets):
    f = P.fit(by_name(presets)["ratio-2048"], probes[128])  # 128 divides 2048: runs, but not the target
    assert f.buffer == 2048 and any("lowest-128" in n for n in f.notes)


def test_fit_refuses_a_model_that_does_not_fit(probes, presets):
    with pytest.raises(UserError, match="ratio 2048 does not divide"):
        P.fit(by_name(presets)["lowest-128"], probes[2048])


class _Rate(torch.nn.Module):
    def __init__(self, sr):
        super().__init__()
        self.sr = sr
        self.register_buffer("forward_params", torch.tensor([1, 1, 1, 1]))

    def forward(self, x):
        return x

    @torch.jit.export
    def get_sample_rate(self) -> int:
        return self.sr


def test_fit_checks_the_sample_rate(tmp_path, presets):
    path = tmp_path / "r16k.ts"
    torch.jit.save(torch.jit.script(_Rate(16000)), str(path))
    with pytest.raises(UserError, match="runs at 16000 Hz"):
        P.fit(by_name(presets)["lowest-128"], path)
    path = tmp_path / "r48k.ts"
    torch.jit.save(torch.jit.script(_Rate(48000)), str(path))
    f = P.fit(by_name(presets)["nn-default"], path)  # a generic model: ratio 1, no get_ratio
    assert f.sample_rate == 48000 and f.ratio == 1 and f.object_text == "nn~ r48k.ts forward 4096"


def test_cli_lists_presets(presets):
    r = cli("presets")
    assert r.returncode == 0, r.stderr
    for p in presets:
        assert p.name in r.stdout
    r = cli("presets", "--json")
    data = json.loads(r.stdout)
    assert [d["name"] for d in data] == [p.name for p in presets]
    for d in data:
        assert set(d["latency"]["pd_ms"]) == {"44100", "48000"}
        assert d["latency"]["pd_samples"] == by_name(presets)[d["name"]].pd_latency_samples()


def test_cli_preset_prints_object_and_settings(probes):
    r = cli("preset", "lowest-128", probes[128])
    assert r.returncode == 0, r.stderr
    assert "[brave~ probe128.ts forward 128]" in r.stdout
    assert "64 samples = 1.45 ms at 44.1 kHz, 1.33 ms at 48 kHz" in r.stdout
    assert "I/O vector 64, signal vector 64" in r.stdout


def test_cli_preset_errors(probes, tmp_path):
    r = cli("preset", "fastest", probes[128])
    assert_one_line_error(r, "unknown preset 'fastest'", "lowest-128", "nn-default")
    r = cli("preset", "lowest-128", probes[2048])
    assert_one_line_error(r, "does not fit preset lowest-128", "ratio 2048")
    r = cli("preset", "lowest-128", tmp_path / "missing.ts")
    assert_one_line_error(r, "does not exist")
    junk = tmp_path / "junk.ts"
    junk.write_text("not a model")
    r = cli("preset", "lowest-128", junk)
    assert_one_line_error(r, "not a TorchScript model")


@pytest.mark.slow
def test_smoke_brave_export_fits_the_128_presets(brave_ts, presets):
    ps = by_name(presets)
    f = P.fit(ps["lowest-128"], brave_ts.path)
    assert f.ratio == brave_ts.ratio == 128 and f.sample_rate == brave_ts.sample_rate
    assert f.model_delay == own_delay(brave_ts) and f.weights == "fp32" and "tuned for fp16" in f.notes[0]
    assert f.object_text == f"brave~ {brave_ts.path.name} forward 128"
    assert P.fit(ps["safe-128"], brave_ts.path).latency["pd_samples"] == 512 - 64
    assert "targets ratio-2048" in P.fit(ps["ratio-2048"], brave_ts.path).notes[0]
