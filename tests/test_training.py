"""A real (short) training run: it completes on CPU, its losses are finite, it reloads."""

import json
import math

import pytest
import torch

from brave_export import audio, checkpoints
from brave_export.checkpoints import load_model, locate

from .conftest import run_cli

pytestmark = pytest.mark.slow


def test_synthesized_dataset_is_deterministic(tmp_path):
    a = audio.synthesize_dataset(tmp_path / "a", seconds=4.0, files=2, seed=3)
    b = audio.synthesize_dataset(tmp_path / "b", seconds=4.0, files=2, seed=3)
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]
    assert len(a) == 2 and all(p.stat().st_size > 44100 * 2 for p in a)


def test_training_run_produces_checkpoint_with_finite_losses(smoke):
    assert smoke.run.checkpoint.suffix == ".ckpt" and smoke.run.checkpoint.is_file()
    assert smoke.run.config == smoke.run_dir / "config.gin"
    losses = checkpoints.logged_losses(smoke.run_dir)
    assert losses, "training logged no scalars"
    assert any(len(v) > 0 for k, v in losses.items() if "distance" in k or "regularization" in k), losses.keys()
    assert checkpoints.all_finite(losses)


def test_checkpoint_reloads_into_rave(smoke):
    import rave

    model = load_model(smoke.run)
    assert isinstance(model, rave.RAVE)
    data = torch.load(smoke.run.checkpoint, map_location="cpu", weights_only=False)
    assert data["global_step"] > 0
    for k, v in model.state_dict().items():
        assert torch.equal(v, data["state_dict"][k]), k
    x = torch.from_numpy(audio.phrase(1.0, seed=9)).float()[None, None, : 128 * 256]
    with torch.no_grad():
        y = model.decode(model.encode(x)[:, :128])
    assert y.shape == x.shape and torch.isfinite(y).all() and y.abs().max() > 0


def test_cli_checkpoint_report(smoke):
    result = run_cli("checkpoint", smoke.run_dir, "--json")
    assert result.returncode == 0, result.stderr
    info = json.loads(result.stdout)
    assert info["losses_finite"] is True
    assert info["sample_rate"] == 44100
    assert math.isclose(info["params_m"], 4.19, rel_tol=0.01)
    assert locate(info["checkpoint"]).config == smoke.run.config
