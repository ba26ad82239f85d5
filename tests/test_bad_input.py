"""Bad input: one-line error naming the problem, exit code 2, nothing written."""

import shutil

import pytest

from .conftest import assert_one_line_error, cli, tree

pytestmark = pytest.mark.fast  # `make test-fast` runs these, less any marked slow (training run, Pd)


def test_unknown_config_name_for_train(tmp_path):
    (tmp_path / "audio").mkdir()
    from brave_export.audio import synthesize_dataset

    synthesize_dataset(tmp_path / "audio", seconds=2.0, files=1)
    before = tree(tmp_path)
    result = cli("train", tmp_path / "audio", "--config", "brav", "--out", tmp_path / "runs")
    assert_one_line_error(result, "unknown config 'brav'")
    assert tree(tmp_path) == before


def test_missing_audio_folder(tmp_path):
    result = cli("train", tmp_path / "nowhere", "--out", tmp_path / "runs")
    assert_one_line_error(result, "does not exist", "nowhere")
    assert tree(tmp_path) == set()


def test_empty_audio_folder(tmp_path):
    (tmp_path / "audio").mkdir()
    (tmp_path / "audio" / "notes.txt").write_text("not audio")
    before = tree(tmp_path)
    result = cli("train", tmp_path / "audio", "--out", tmp_path / "runs")
    assert_one_line_error(result, "no audio files")
    assert tree(tmp_path) == before


def test_run_directory_without_config(tmp_path, smoke):
    run = tmp_path / "run"
    (run / "version_0" / "checkpoints").mkdir(parents=True)
    shutil.copy(smoke.run.checkpoint, run / "version_0" / "checkpoints" / "last.ckpt")
    before = tree(tmp_path)
    assert_one_line_error(cli("checkpoint", run), "no config.gin")
    assert tree(tmp_path) == before


def test_run_directory_without_checkpoint(tmp_path):
    (tmp_path / "config.gin").write_text("")
    assert_one_line_error(cli("checkpoint", tmp_path), "no .ckpt checkpoint")


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_corrupt_checkpoint(tmp_path, smoke, damage):
    run = tmp_path / "run"
    shutil.copytree(smoke.run_dir, run)
    ckpt = next(run.rglob("*.ckpt"))
    for other in run.rglob("*.ckpt"):
        if other != ckpt:
            other.unlink()
    data = ckpt.read_bytes()
    ckpt.write_bytes(b"not a checkpoint" * 100 if damage == "garbage" else data[: len(data) // 2])
    before = tree(tmp_path)
    assert_one_line_error(cli("checkpoint", run), "corrupt")
    assert tree(tmp_path) == before


def test_checkpoint_that_does_not_match_its_config(tmp_path, smoke):
    run = tmp_path / "run"
    shutil.copytree(smoke.run_dir, run)
    from brave_export.configtable import config_path
    import rave.core  # noqa: F401

    # Same architecture family, different sizes: the weights cannot load.
    text = (run / "config.gin").read_text().replace("CAPACITY = 32", "CAPACITY = 16")
    assert text != (run / "config.gin").read_text()
    (run / "config.gin").write_text(text)
    assert_one_line_error(cli("checkpoint", run), "does not match its config")


# --- the exporters (nn, plugin) and inspect ---------------------------------------------------

def test_export_of_a_missing_path(tmp_path):
    for cmd in ("nn", "plugin"):
        extra = ["--output", tmp_path / "m.h5"] if cmd == "plugin" else []
        assert_one_line_error(cli(cmd, tmp_path / "nowhere", *extra), "does not exist", "nowhere")
    assert tree(tmp_path) == set()


def test_export_of_a_run_without_config(tmp_path, smoke):
    run = tmp_path / "run"
    (run / "version_0" / "checkpoints").mkdir(parents=True)
    shutil.copy(smoke.run.checkpoint, run / "version_0" / "checkpoints" / "last.ckpt")
    before = tree(tmp_path)
    assert_one_line_error(cli("nn", run), "no config.gin")
    assert_one_line_error(cli("plugin", run, "--output", tmp_path / "m.h5"), "no config.gin")
    assert tree(tmp_path) == before


def test_export_of_a_checkpoint_that_does_not_match_its_config(tmp_path, smoke):
    run = tmp_path / "run"
    shutil.copytree(smoke.run_dir, run)
    (run / "config.gin").write_text((run / "config.gin").read_text().replace("CAPACITY = 32", "CAPACITY = 16"))
    before = tree(tmp_path)
    assert_one_line_error(cli("nn", run), "does not match its config")
    assert tree(tmp_path) == before


@pytest.mark.parametrize("buffer", [100, 96, 384])
def test_nn_buffer_that_is_not_a_power_of_two_multiple_of_the_ratio(tmp_path, smoke, buffer):
    before = tree(smoke.run_dir)
    result = cli("nn", smoke.run_dir, "--buffer", buffer, "--output", tmp_path / "m.ts")
    assert_one_line_error(result, f"buffer {buffer}", "128, 256, 512")
    assert tree(tmp_path) == set() and tree(smoke.run_dir) == before


def test_plugin_refuses_torchscript_input(tmp_path):
    ts = tmp_path / "model.ts"
    ts.write_bytes(b"PK not really")
    assert_one_line_error(cli("plugin", ts, "--output", tmp_path / "m.h5"), "TorchScript", "run directory or its .ckpt")
    assert tree(tmp_path) == {ts.relative_to(tmp_path)}


def test_unwritable_output(tmp_path, smoke):
    blocker = tmp_path / "file"
    blocker.write_text("a file, not a directory")
    assert_one_line_error(cli("nn", smoke.run_dir, "--output", blocker / "m.ts"), "cannot write", "m.ts")
    assert_one_line_error(cli("plugin", smoke.run_dir, "--output", blocker / "m.h5"), "cannot write", "m.h5")
    assert tree(tmp_path) == {blocker.relative_to(tmp_path)}


def test_existing_output_is_kept_without_force(tmp_path, smoke):
    for cmd, name in (("nn", "m.ts"), ("plugin", "m.h5")):
        out = tmp_path / name
        out.write_text("precious")
        assert_one_line_error(cli(cmd, smoke.run_dir, "--output", out), "exists", "--force")
        assert out.read_text() == "precious"
    assert tree(tmp_path) == {tmp_path.joinpath(n).relative_to(tmp_path) for n in ("m.ts", "m.h5")}


def test_inspect_rejects_files_that_would_not_work_in_nn_tilde(tmp_path):
    import torch

    class NotNN(torch.nn.Module):
        def forward(self, x):
            return x

    torch.jit.save(torch.jit.script(NotNN()), str(tmp_path / "plain.ts"))
    (tmp_path / "junk.ts").write_bytes(b"junk" * 10)
    result = cli("inspect", tmp_path / "plain.ts")
    assert result.returncode != 0 and "would not work in nn~" in result.stderr
    assert "get_methods" in result.stderr or "forward_params" in result.stderr
    assert_one_line_error(cli("inspect", tmp_path / "junk.ts"), "junk.ts")
    assert_one_line_error(cli("inspect", tmp_path / "none.ts"), "does not exist")
