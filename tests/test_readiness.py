"""An unready checkpoint (saved before any validation: latent PCA never fitted) is refused by export."""

import shutil

import pytest
import torch

from brave_export.readiness import unready_reason

from .conftest import assert_one_line_error, run_cli, tree

pytestmark = pytest.mark.slow


def unready_copy(smoke, folder):
    """The smoke run with its PCA state reset to what rave starts from."""
    shutil.copytree(smoke.run_dir, folder)
    for ckpt in folder.rglob("*.ckpt"):
        data = torch.load(ckpt, map_location="cpu", weights_only=False)
        data["state_dict"]["fidelity"].zero_()
        torch.save(data, ckpt)
    return folder


def test_trained_checkpoint_is_ready(smoke):
    data = torch.load(smoke.run.checkpoint, map_location="cpu", weights_only=False)
    assert unready_reason(data["state_dict"], smoke.run.config.read_text()) is None


def test_unready_checkpoint_is_refused_unless_forced(tmp_path, smoke):
    run = unready_copy(smoke, tmp_path / "run")
    out = tmp_path / "m.ts"
    before = tree(tmp_path)
    refused = run_cli("nn", run, "--output", out)
    assert_one_line_error(refused, "not ready to export", "latent PCA was never fitted",
                          "train past the first validation", "--force-unready")
    assert tree(tmp_path) == before
    forced = run_cli("nn", run, "--output", out, "--force-unready", "--json")
    assert forced.returncode == 0, forced.stderr
    assert "warning: exporting an unready checkpoint" in forced.stderr
    assert '"latent_size": 1' in forced.stdout
