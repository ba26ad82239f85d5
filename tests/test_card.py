"""The latency card: a model's own latency, measured (not declared), stored in the .ts (an extra
file nn~ ignores) and its sidecar, and used by inspect, preset and patches."""

import dataclasses
import json
import zipfile

import numpy as np
import pytest
import torch

from brave_export import presets
from brave_export.patching import modelpatches
from brave_export.export.sidecar import ExportFacts, read_sidecar, sidecar_path, write_sidecar
from brave_export.latency import card as C
from brave_export.modelfacts import inspect_model, read_model
from brave_export.probe import SilentModel, save_module, write_probe

from .conftest import assert_one_line_error, cli

pytestmark = pytest.mark.fast

R, D = 128, 37


@pytest.fixture(scope="module")
def probe_card():
    """The card of the ratio-128 probe that delays by D (measured once for the module)."""
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as d:
        return C.measure_card(write_probe(Path(d) / "p.ts", ratio=R, delay=D))


class _Hiss(torch.nn.Module):
    """Steady noise whatever the input: output, but never the bursts."""

    def __init__(self):
        super().__init__()
        self.register_buffer("forward_params", torch.tensor([1, 1, 1, 1]))

    def forward(self, x):
        return 0.3 * torch.randn_like(x)


@pytest.mark.parametrize("delay", [0, D])
def test_pure_delay_probe_gets_its_delay_exactly(delay, tmp_path, probe_card):
    card = probe_card if delay == D else C.measure_card(write_probe(tmp_path / "p.ts", ratio=R, delay=delay))
    assert card.measurable and card.reason is None
    assert card.median == card.p10 == card.p90 == delay and card.median_samples == delay
    assert card.detection_rate == 1.0 and card.trials == 12 * C.CARD_TRIALS and card.measured_tests == 12
    assert all(t["median"] == delay and not t["missed"] for t in card.tests)
    assert card.ratio == R and card.nominal == delay and card.detector == "envelope"
    assert card.torch_version == torch.__version__.split("+")[0] and "floor_margin_db" in card.settings


def test_silence_and_noise_are_not_measurable(tmp_path):
    silent = C.measure_card(save_module(SilentModel(), tmp_path / "silent.ts"), trials=1)
    assert not silent.measurable and silent.median is None and "silence" in silent.reason
    hiss = C.measure_card(save_module(_Hiss(), tmp_path / "hiss.ts"), trials=2)
    assert not hiss.measurable and hiss.median is None and hiss.p10 is None
    assert "does not reproduce the test bursts" in hiss.reason and hiss.measured_tests < 6
    assert "not measurable" in hiss.describe()


def test_card_survives_torch_jit_load_and_the_model_still_plays(tmp_path, probe_card):
    path = write_probe(tmp_path / "p.ts", ratio=R, delay=D)
    x = torch.randn(1, 1, 4 * R, generator=torch.Generator().manual_seed(0))
    before = torch.jit.load(str(path)).forward(x)
    # another tool's extra file is kept
    torch.jit.save(torch.jit.load(str(path)), str(path), _extra_files={"other.txt": "keep me"})
    C.write_card(path, probe_card)
    files = {C.CARD_FILE: "", "other.txt": ""}
    loaded = torch.jit.load(str(path), _extra_files=files)
    assert json.loads(files[C.CARD_FILE])["median"] == D and files["other.txt"] in (b"keep me", "keep me")
    assert torch.equal(loaded.forward(x), before) and loaded.get_latency_samples() == D
    assert C.read_card(path) == probe_card
    assert read_model(path).card == probe_card
    with zipfile.ZipFile(path) as zf:
        assert any(n.endswith(f"/extra/{C.CARD_FILE}") for n in zf.namelist())
    assert not list(tmp_path.glob("*.part"))


def test_rewrite_keeps_the_original_on_failure(tmp_path, monkeypatch, probe_card):
    path = write_probe(tmp_path / "p.ts", ratio=R, delay=D)
    write_sidecar(_facts(path))
    original, side = path.read_bytes(), sidecar_path(path).read_text()

    def broken(module, target, card, extras=None):
        target.write_bytes(b"half")
        raise OSError("disk full")

    monkeypatch.setattr(C, "save_with_card", broken)
    with pytest.raises(OSError):
        C.write_card(path, probe_card)
    assert path.read_bytes() == original and sidecar_path(path).read_text() == side
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def _facts(path) -> ExportFacts:
    return ExportFacts(path=path, sidecar=sidecar_path(path), sample_rate=44100, ratio=R, buffer=R, model_delay=D,
                       latent_size=1, max_batch=1, causal=True, object_text=f"nn~ {path.name} forward 0")


def test_card_command_stores_in_the_file_and_the_sidecar(tmp_path):
    path = write_probe(tmp_path / "p.ts", ratio=R, delay=D)
    write_sidecar(_facts(path))
    r = cli("card", str(path), "--trials", "2", "--quiet")
    assert r.returncode == 0, r.stderr
    assert f"median {D} samples" in r.stdout
    card = C.read_card(path)
    assert card.median == D and card.trials == 24
    side = json.loads(sidecar_path(path).read_text())
    assert side["measured_latency"] == card.as_dict() and side["latency_samples"] == D
    assert read_sidecar(path).measured_latency["median"] == D


def test_card_command_refuses_bad_input(tmp_path):
    assert_one_line_error(cli("card", str(tmp_path / "none.ts")), "does not exist")
    path = write_probe(tmp_path / "p.ts", ratio=R)
    assert_one_line_error(cli("card", str(path), "--trials", "0"), "--trials")


def test_inspect_shows_the_card_or_why_not(tmp_path, probe_card):
    path = write_probe(tmp_path / "p.ts", ratio=R, delay=D)
    r = json.loads(cli("inspect", str(path), "--json").stdout)
    assert r["measured_latency"] is None and "no latency card" in r["measured_latency_reason"]
    C.write_card(path, probe_card)
    r = json.loads(cli("inspect", str(path), "--json").stdout)
    m = r["measured_latency"]
    assert (m["median"], m["p10"], m["p90"], m["detection_rate"]) == (D, D, D, 1.0)
    assert r["measured_latency_reason"] is None
    assert f"median {D} samples" in cli("inspect", str(path)).stdout
    unmeasurable = dataclasses.replace(probe_card, measurable=False, median=None, p10=None, p90=None,
                                       reason="the model's output is silence")
    C.write_card(path, unmeasurable)
    r = json.loads(cli("inspect", str(path), "--json").stdout)
    assert r["measured_latency"] is None and "silence" in r["measured_latency_reason"]
    assert "nominal" in r["measured_latency_reason"]


def test_preset_and_patches_use_the_card_median(tmp_path, probe_card):
    """A card whose median differs from the nominal delay: every consumer takes the card's."""
    path = write_probe(tmp_path / "p.ts", ratio=R, delay=D)
    preset = presets.get_preset("lowest-128")
    nominal = presets.fit(preset, path)
    assert nominal.model_delay == D and "nominal" in nominal.delay_source
    C.write_card(path, dataclasses.replace(probe_card, median=20.0, p10=18.0, p90=23.0))
    fit = presets.fit(preset, path)
    assert fit.model_delay == 20 and fit.nominal_delay == D and fit.delay_source.startswith("measured")
    assert fit.expected_latency == fit.latency["pd_samples"] + 20
    out = cli("preset", "lowest-128", str(path)).stdout
    assert f"sound comes out {fit.expected_latency} samples" in out and "measured" in out
    facts = modelpatches.patch_facts(path)
    assert facts.model_delay == 20
    assert modelpatches.pd_dry_delay(facts) == 20 + presets.brave_latency(R, 64)
    assert modelpatches.max_spec(facts).dry_delay == 20 + presets.nn_nominal_latency(R, 64, threaded=False)
    r = cli("patches", str(path), "--pd", str(tmp_path / "pd"))
    assert r.returncode == 0 and "measured" in r.stdout
    assert f"delay {20 + presets.brave_latency(R, 64)}" in (tmp_path / "pd" / "p-forward.pd").read_text()


def test_sidecar_round_trips_the_card(tmp_path, probe_card):
    path = write_probe(tmp_path / "p.ts", ratio=R, delay=D)
    write_sidecar(_facts(path).with_card(probe_card))
    back = read_sidecar(path)
    assert C.LatencyCard.from_dict(back.measured_latency) == probe_card
    assert "measured_latency" not in write_sidecar(_facts(path)).read_text()


@pytest.mark.slow
def test_export_measures_the_card_and_brave_plays_the_file(brave_ts, tmp_path):
    """`brave-export nn` stores the card in the file and the sidecar; the file still loads (and in
    tests/test_external.py plays) in brave~."""
    card = C.read_card(brave_ts.path)
    assert card is not None and card.ratio == 128 and card.trials == 12 * C.CARD_TRIALS
    assert card.nominal == brave_ts.model_delay
    assert read_sidecar(brave_ts.path).measured_latency == card.as_dict()
    if card.measurable:
        assert 0 <= card.p10 <= card.median <= card.p90
    else:
        assert card.reason
    assert np.isfinite(torch.jit.load(str(brave_ts.path)).forward(torch.zeros(1, 1, 128))).all()


@pytest.mark.slow
def test_card_command_on_a_rave_export_file(smoke, tmp_path):
    """`brave-export card` on a file `rave export --streaming` made: the card is stored, the file
    still loads and runs the same (no sidecar to update)."""
    from .conftest import rave_export_streaming

    path = rave_export_streaming(smoke.run_dir, tmp_path)
    x = torch.randn(1, 1, 2048, generator=torch.Generator().manual_seed(0)) * 0.1
    m = torch.jit.load(str(path))
    methods = list(m.get_methods()) if hasattr(m, "get_methods") else None
    r = cli("card", str(path), "--trials", "1", "--quiet")
    assert r.returncode == 0, r.stderr
    card = C.read_card(path)
    assert card is not None and card.trials == 12 and r.stdout.startswith("latency card: ")
    assert card.measurable or card.reason
    again = torch.jit.load(str(path))
    assert (list(again.get_methods()) if methods is not None else None) == methods
    assert again.forward(x).shape == m.forward(x).shape
    assert not list(tmp_path.glob(".*.part"))
