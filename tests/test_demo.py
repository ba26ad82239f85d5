"""The README's main job (`make demo` -> brave-export demo), end to end on the cached smoke run:
every stage leaves its file, the export is the fast one, and the Pd stages run the example
patches in real Pd with brave~ and report the measured latency beside the preset's figure."""

import json
import math

import numpy as np
import pytest
from scipy.io import wavfile

from brave_export import demo

from .conftest import CACHE
from .pd_util import build_external


@pytest.mark.slow
def test_demo_runs_every_stage(smoke, tmp_path, capsys):
    build_external()
    work = tmp_path / "demo"
    work.mkdir()
    (work / "cache").symlink_to(CACHE.resolve(), target_is_directory=True)  # the training stage is cached

    out = demo.run_demo(work, bench_calls=100)

    assert out["checkpoint"] == smoke.run.checkpoint
    sidecar = json.loads(out["sidecar"].read_text())
    assert sidecar["buffer"] == demo.DEMO_BUFFER and sidecar["nn_object"] == f"nn~ {out['model'].name} forward 0"
    assert out["plugin"].stat().st_size > 0
    # both weight formats exported (where this machine has fp16), timed side by side; the one the
    # benchmark recommends at the smallest buffer is the one played, and the demo says so
    from brave_export.bench import file_to_play
    from brave_export.export.weights import half_precision_unavailable

    formats = [r.weights for r in out["bench"]]
    assert formats == (["fp32"] if half_precision_unavailable() else ["fp32", "fp16"])
    assert all(demo.DEMO_BUFFER in {t.buffer for t in r.timings} for r in out["bench"])
    assert [p.name for p in out["models"]] == [f"brave_b128{'' if w == 'fp32' else '_' + w}.ts" for w in formats]
    best = file_to_play(out["bench"])
    assert str(out["model"]) == (best.path if best else str(out["models"][0]))
    played = json.loads(out["model"].with_suffix(".json").read_text())["weights"]
    bench_txt = (work / "bench.txt").read_text()
    assert "recommended buffer per weight format on this machine: fp32 " in bench_txt
    assert all(f"{w} weights" in bench_txt for w in formats)
    assert (work / "latency.json").is_file() and (work / "latency.png").is_file()

    sr, wav = wavfile.read(out["pd_forward"])
    assert sr == sidecar["sample_rate"] and len(wav) == math.ceil(demo.PD_SECONDS * sr)
    assert np.isfinite(wav).all() and np.sqrt(np.mean(wav.astype(np.float64) ** 2)) > 1e-3

    pd = out["pd_latency"]
    assert pd["trials_run"] == demo.PD_TRIALS and pd["detected"] >= 1
    assert math.isfinite(pd["mean"])
    err = capsys.readouterr().err
    assert f"playing the {played} export" in err
    # the export carries its latency card; the expected figure is brave~'s buffering + its median,
    # or the nominal delay when the card says the model cannot be measured, and the demo says which
    from brave_export.latency.card import read_card

    card = read_card(out["model"])
    assert card is not None and sidecar["measured_latency"] == card.as_dict()
    own = card.median_samples if card.measurable else sidecar["latency_samples"]
    assert f"latency, expected (lowest-128): {64 + own} samples" in err
    assert ("measured (latency card" if card.measurable else "nominal (latency card: not measurable") in err
    pd_median = float(np.median(pd["latencies"]))
    assert f"latency, measured in Pd:        {pd_median:.0f} samples" in err
    like = out["pd_latency_offline"]
    assert like.settings["detector"] == "peak" and like.overall.trials == demo.PD_TRIALS
    assert f"latency, measured offline:      {demo._offline_figure(like)}" in err
    assert "mean" not in "".join(l for l in err.splitlines() if l.startswith("[demo] latency"))
    if card.measurable:
        assert "Pd and the card agree" in err or "Pd and the card DISAGREE" in err
    else:
        assert "the demo model is too little trained to measure" in err
    assert not list(work.rglob("*.part")), "a half-written file was left behind"


@pytest.mark.fast
def test_demo_pd_stages_are_skipped_with_the_reason_without_brave(monkeypatch, tmp_path, capsys):
    from brave_export.probe import write_probe

    model = write_probe(tmp_path / "probe.ts", ratio=128)
    monkeypatch.setenv("BRAVE_PD_EXTERNAL", str(tmp_path / "nowhere"))
    out = demo.pd_stages(model, tmp_path, demo.DEMO_PRESET)
    assert out == {"pd_forward": None, "pd_latency": None, "pd_latency_offline": None}
    err = capsys.readouterr().err
    assert "Pd stages skipped" in err and "make external" in err
