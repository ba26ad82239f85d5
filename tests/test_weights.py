"""Fast tier: half-precision weights on an untrained BRAVE (random weights, no training, no Pd)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import torch

from brave_export.errors import UserError
from brave_export.export import weights as W
from brave_export.export.nn import stream

from .conftest import assert_one_line_error, cli

pytestmark = pytest.mark.fast

needs_fp16 = pytest.mark.skipif(W.half_precision_unavailable() is not None,
                                reason=f"fp16 products unavailable here: {W.half_precision_unavailable()}")


def fresh_export(weights: str):
    from brave_export.configtable import config_path
    from brave_export.export.nn import _streaming_build, build_streaming_from_model, script
    from brave_export.ginconf import build_model

    torch.manual_seed(0)
    with _streaming_build():
        model = build_model(config_path("brave"))
    return script(build_streaming_from_model(model, weights=weights)[0])


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    """fp32 and fp16 exports of the same untrained model, the fp16 one saved with a sidecar."""
    if W.half_precision_unavailable() is not None:
        pytest.skip("fp16 products unavailable here")
    folder = tmp_path_factory.mktemp("fp16")
    fp32, fp16 = fresh_export("fp32"), fresh_export("fp16")
    path = folder / "half.ts"
    fp16.save(str(path))
    path.with_suffix(".json").write_text(json.dumps({"weights": "fp16", "platforms": W.PLATFORMS["fp16"],
                                                     "torch_version": torch.__version__}))
    return fp32, torch.jit.load(str(path)), path


@needs_fp16
def test_fp16_export_is_within_60_db_of_fp32(pair):
    fp32, fp16, _ = pair
    x = torch.randn(1, 1, 128 * 200, generator=torch.Generator().manual_seed(1)) * 0.3
    outs = {}
    for name, m in (("fp32", fp32), ("fp16", fp16)):
        m.set_latent_noise(False)
        with torch.inference_mode():
            m.reset()
            outs[name] = (stream(m.forward, x, 128), stream(m.encode, x, 128))
            m.reset()
        m.set_latent_noise(True)
    for i in range(2):
        assert float(outs["fp32"][i].abs().max()) > 0
        db = W.error_db(outs["fp32"][i], outs["fp16"][i])
        assert db <= -W.MIN_FIDELITY_DB, db
        assert not torch.equal(outs["fp32"][i], outs["fp16"][i])  # the weights really are coarser
    assert fp16.get_weights() == "fp16" and "x86-64" in fp16.get_platforms()
    assert fp32.get_weights() == "fp32"


@needs_fp16
def test_fp16_file_runs_the_nn_protocol_in_a_fresh_process(pair):
    _, _, path = pair
    code = f"""
import torch
m = torch.jit.load({str(path)!r})
assert set(m.get_methods()) == {{"forward", "encode", "decode"}}
assert m.get_attributes()[0] == "none"
latent = int(m.encode_params[2])
with torch.inference_mode():
    x = torch.randn(1, 1, 128) * 0.1
    m.set_latent_noise(False)
    m.reset(); a = m.forward(x)
    m.reset(); b = m.forward(x)
    assert torch.equal(a, b) and a.shape == (1, 1, 128) and a.dtype == torch.float32
    assert m.encode(x).shape == (1, latent, 1)
    assert m.decode(torch.zeros(1, latent, 2)).shape == (1, 1, 256)
    assert bool(torch.isfinite(a).all())
print("ok", m.get_weights())
"""
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["ok", "fp16"]


@needs_fp16
def test_fp16_file_stores_half_precision_weights(pair, tmp_path):
    """fbgemm's packed weights would be saved as float32; the file holds float16 (about half the
    size of the fp32 file) and, packed again on load, computes exactly what it did before saving."""
    fp32, loaded, path = pair
    fp32.save(str(tmp_path / "full.ts"))
    assert path.stat().st_size < 0.6 * (tmp_path / "full.ts").stat().st_size
    before = fresh_export("fp16")  # the same weights, never saved
    x = torch.randn(1, 1, 128 * 20, generator=torch.Generator().manual_seed(2)) * 0.3
    outs = []
    for m in (before, loaded):
        m.set_latent_noise(False)
        with torch.inference_mode():
            m.reset()
            outs.append(stream(m.forward, x, 128))
            m.reset()
        m.set_latent_noise(True)
    assert torch.equal(outs[0], outs[1])


def test_unknown_weight_format_is_one_line(tmp_path):
    r = cli("nn", tmp_path / "no-run", "--weights", "int3")
    assert_one_line_error(r, "--weights int3", "fp32", "fp16")


def test_fp16_refused_where_unavailable(monkeypatch, tmp_path):
    from brave_export.export import export_nn

    monkeypatch.setattr(W, "half_precision_unavailable", lambda: "this is a arm64 CPU; fp16 weights need x86-64")
    with pytest.raises(UserError) as err:
        export_nn(tmp_path, output=tmp_path / "m.ts", weights="fp16", log=lambda m: None)
    assert "fp16 is not available here: this is a arm64 CPU" in str(err.value)
    assert "\n" not in str(err.value)
    assert list(tmp_path.iterdir()) == []


@needs_fp16
def test_inspect_names_the_format_and_warns_about_an_older_torch(pair, tmp_path):
    _, _, path = pair
    r = cli("inspect", path)
    assert r.returncode == 0, r.stderr
    assert "weights:         fp16" in r.stdout and "x86-64" in r.stdout
    assert "warning:" not in r.stdout
    newer = tmp_path / "newer.ts"
    newer.write_bytes(path.read_bytes())
    newer.with_suffix(".json").write_text(json.dumps({"weights": "fp16", "torch_version": "99.0.0"}))
    r = cli("inspect", newer)
    assert "warning: written by torch 99.0.0" in r.stdout


def test_corrupt_or_unrunnable_fp16_file_gives_one_line(monkeypatch, tmp_path):
    from brave_export import modelfacts

    bad = tmp_path / "bad.ts"
    bad.write_bytes(b"PK\x03\x04 not really a model")
    bad.with_suffix(".json").write_text(json.dumps({"weights": "fp16", "platforms": W.PLATFORMS["fp16"]}))
    r = cli("inspect", bad)
    assert_one_line_error(r, "bad.ts")
    monkeypatch.setattr(W, "half_precision_unavailable", lambda: "this is a arm64 CPU; fp16 weights need x86-64")
    with pytest.raises(UserError) as err:
        modelfacts.load(bad)
    assert "has fp16 weights" in str(err.value) and "--weights fp32" in str(err.value)
