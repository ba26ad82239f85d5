"""Bad input: one-line error naming the problem, exit code 2, nothing written."""

import shutil

import pytest

from .conftest import assert_one_line_error, run_cli, tree


def test_unknown_config_name_for_train(tmp_path):
    (tmp_path / "audio").mkdir()
    from brave_export.audio import synthesize_dataset

    synthesize_dataset(tmp_path / "audio", seconds=2.0, files=1)
    before = tree(tmp_path)
    result = run_cli("train", tmp_path / "audio", "--config", "brav", "--out", tmp_path / "runs")
    assert_one_line_error(result, "unknown config 'brav'")
    assert tree(tmp_path) == before


def test_missing_audio_folder(tmp_path):
    result = run_cli("train", tmp_path / "nowhere", "--out", tmp_path / "runs")
    assert_one_line_error(result, "does not exist", "nowhere")
    assert tree(tmp_path) == set()


def test_empty_audio_folder(tmp_path):
    (tmp_path / "audio").mkdir()
    (tmp_path / "audio" / "notes.txt").write_text("not audio")
    before = tree(tmp_path)
    result = run_cli("train", tmp_path / "audio", "--out", tmp_path / "runs")
    assert_one_line_error(result, "no audio files")
    assert tree(tmp_path) == before


def test_run_directory_without_config(tmp_path, smoke):
    run = tmp_path / "run"
    (run / "version_0" / "checkpoints").mkdir(parents=True)
    shutil.copy(smoke.run.checkpoint, run / "version_0" / "checkpoints" / "last.ckpt")
    before = tree(tmp_path)
    assert_one_line_error(run_cli("checkpoint", run), "no config.gin")
    assert tree(tmp_path) == before


def test_run_directory_without_checkpoint(tmp_path):
    (tmp_path / "config.gin").write_text("")
    assert_one_line_error(run_cli("checkpoint", tmp_path), "no .ckpt checkpoint")


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
    assert_one_line_error(run_cli("checkpoint", run), "corrupt")
    assert tree(tmp_path) == before


def test_checkpoint_that_does_not_match_its_config(tmp_path, smoke):
    run = tmp_path / "run"
    shutil.copytree(smoke.run_dir, run)
    from brave_export.configs import config_path
    import rave.core  # noqa: F401

    # Same architecture family, different sizes: the weights cannot load.
    text = (run / "config.gin").read_text().replace("CAPACITY = 32", "CAPACITY = 16")
    assert text != (run / "config.gin").read_text()
    (run / "config.gin").write_text(text)
    assert_one_line_error(run_cli("checkpoint", run), "does not match its config")
