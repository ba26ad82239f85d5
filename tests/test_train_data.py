"""Data checks of `brave-export train` before anything trains: fast, no training."""

from pathlib import Path

import numpy as np
import pytest
from scipy.io import wavfile

from brave_export import datacheck
from brave_export.errors import UserError

from .conftest import assert_one_line_error, cli, tree

pytestmark = pytest.mark.fast  # `make test-fast` runs these, less any marked slow (training run, Pd)


def tone(seconds: float, sr: int = 44100, channels: int = 1, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    x = (0.3 * rng.standard_normal((int(seconds * sr), channels))).astype(np.float32)
    return x[:, 0] if channels == 1 else x


def write(folder: Path, name: str, seconds: float, sr: int = 44100, channels: int = 1) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    wavfile.write(path, sr, tone(seconds, sr, channels))
    return path


def test_split_matches_rave():
    from rave.dataset import split_dataset

    for n in (1, 2, 5, 49, 50, 51, 100, 333):
        train, val = split_dataset(list(range(n)), datacheck.TRAIN_PERCENT)
        assert datacheck.split_sizes(n) == (len(train), len(val)), n


def test_chunk_count_matches_rave_preprocess(tmp_path):
    """The arithmetic agrees with what `rave preprocess` stores (a real, small preprocess)."""
    import yaml

    from brave_export.ravecli import preprocess

    audio = tmp_path / "audio"
    write(audio, "a.wav", 2.0)  # 2 chunks of 32768 samples (0.74 s) at num_signal 16384
    write(audio, "b.wav", 0.5)  # none
    write(audio, "c.wav", 2.0, sr=22050)  # resampled to 44.1 kHz: still 2 s, 2 chunks
    files = sorted(audio.iterdir())
    report = datacheck.scan(audio, files, 44100, num_signal=16384)
    db = preprocess(audio, tmp_path / "db", num_signal=16384, log=tmp_path / "log")
    from rave.dataset import get_dataset

    assert report.n_chunks == len(get_dataset(str(db), 44100, 32768)) == 4
    assert yaml.safe_load((db / "metadata.yaml").read_text())["sr"] == 44100
    assert [i.path.name for i in report.too_short] == ["b.wav"]
    assert [i.path.name for i in report.resampled] == ["c.wav"]


def test_too_short_clips_are_one_line_error_naming_the_minimum(tmp_path):
    for i in range(5):
        write(tmp_path / "audio", f"clip{i}.wav", 0.5)
    before = tree(tmp_path)
    result = cli("train", tmp_path / "audio", "--out", tmp_path / "runs")
    assert_one_line_error(result, "no usable audio", "0.74 s", "clip0.wav", "longest 0.50 s", "--n-signal")
    assert tree(tmp_path) == before


def test_too_little_audio_says_how_much_more(tmp_path):
    write(tmp_path / "audio", "one.wav", 2.0)  # 2 chunks; batch 4 needs 5
    before = tree(tmp_path)
    result = cli("train", tmp_path / "audio", "--out", tmp_path / "runs")
    assert_one_line_error(result, "too little audio", "2 chunks", "at least 5", "--batch")
    assert tree(tmp_path) == before


def test_pca_needs_enough_validation_frames(tmp_path):
    # c2048_r10: 16 latent frames per 32768-sample chunk; the PCA's 128 components need 8 validation chunks
    write(tmp_path / "audio", "a.wav", 10.0)
    result = cli("train", tmp_path / "audio", "--config", "c2048_r10", "--out", tmp_path / "runs")
    assert_one_line_error(result, "128 latent frames at 16 per chunk", "8 for validation")


def test_mixed_rates_and_stereo_are_named_and_still_train(tmp_path):
    audio = tmp_path / "audio"
    write(audio, "mono44.wav", 3.0)
    write(audio, "low.wav", 2.0, sr=22050)
    write(audio, "high.wav", 2.0, sr=48000)
    write(audio, "wide.wav", 2.0, channels=2)
    write(audio, "tiny.wav", 0.2)
    (audio / "broken.wav").write_bytes(b"RIFF not really")
    before = tree(tmp_path)
    result = cli("train", audio, "--out", tmp_path / "runs", "--check")
    assert result.returncode == 0, result.stderr
    err = result.stderr
    assert "22050, 48000 Hz are resampled to 44100 Hz" in err and "low.wav" in err and "high.wav" in err
    assert "only the first is used" in err and "wide.wav" in err
    assert "1 file shorter than 0.74 s" in err and "tiny.wav" in err
    assert "cannot be read" in err and "broken.wav" in err
    # 3 s -> 4 chunks of 32768 samples, 2 s at 22.05 kHz -> 2, 2 s at 48 kHz -> 2, 2 s stereo -> 2
    assert "as 10 chunks of 0.74 s (9 for training, 1 for validation)" in err
    assert tree(tmp_path) == before


def test_empty_folder_with_only_unreadable_audio(tmp_path):
    (tmp_path / "audio").mkdir()
    (tmp_path / "audio" / "x.wav").write_bytes(b"nothing")
    result = cli("train", tmp_path / "audio", "--out", tmp_path / "runs")
    assert_one_line_error(result, "can be read", "x.wav")


@pytest.mark.parametrize("flag", ["--steps", "--batch"])
def test_bad_numbers(tmp_path, flag):
    write(tmp_path / "audio", "a.wav", 1.0)
    assert_one_line_error(cli("train", tmp_path / "audio", flag, "0", "--out", tmp_path / "r"), flag)


def test_n_signal_must_fit_the_ratio(tmp_path):
    write(tmp_path / "audio", "a.wav", 1.0)
    result = cli("train", tmp_path / "audio", "--n-signal", "1000", "--out", tmp_path / "r")
    assert_one_line_error(result, "multiple of the model's compression ratio 128")


def test_n_signal_too_short_for_the_losses(tmp_path):
    write(tmp_path / "audio", "a.wav", 1.0)
    result = cli("train", tmp_path / "audio", "--n-signal", "16384", "--out", tmp_path / "r")
    assert_one_line_error(result, "--n-signal 16384 is too short", "at least 32768")


def test_status_line_shows_steps_losses_time_and_estimates():
    import torch

    from brave_export.trainer import status_line

    metrics = {"fullband_spectral_distance": torch.tensor(3.5), "regularization": torch.tensor(0.25),
               "beta_factor": torch.tensor(0.1)}
    line = status_line(120, 300, 30, 2.0, metrics)
    assert line.startswith("step 120/300") and "fullband 3.5" in line and "reg 0.25" in line
    assert "2.00 s/step" in line and "next checkpoint in 1m00s" in line and "end in 6m00s" in line
    assert "beta" not in line


def test_profiles_and_overrides(tmp_path):
    from brave_export.trainer import PROFILES, resolve_settings

    quick = resolve_settings(tmp_path, tmp_path / "runs", "x", "brave", accelerator="cpu")
    assert (quick.profile, quick.steps, quick.val_every) == ("quick", PROFILES["quick"].steps, PROFILES["quick"].val_every)
    assert quick.workers == 0
    full = resolve_settings(tmp_path, tmp_path / "runs", "x", "brave", profile="full", batch=2, accelerator="cpu")
    assert (full.steps, full.n_signal, full.batch) == (6_000_000, 131072, 2)


# ---- silence: named by the check, skipped, refused when nothing else is left

def write_samples(folder: Path, name: str, samples: np.ndarray, sr: int = 44100) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    wavfile.write(folder / name, sr, samples.astype(np.float32))
    return folder / name


def test_silent_folder_is_refused_naming_the_silence(tmp_path):
    audio = tmp_path / "audio"
    for i in range(3):
        write_samples(audio, f"quiet{i}.wav", np.zeros(44100 * 5))
    write_samples(audio, "hiss.wav", 1e-4 * tone(5.0))  # about -70 dBFS: near-silence
    before = tree(tmp_path)
    result = cli("train", audio, "--out", tmp_path / "runs")
    assert_one_line_error(result, "nothing to train on", "4 audio files are silent or nearly", "-60 dBFS")
    assert tree(tmp_path) == before


def test_stereo_files_with_a_silent_first_channel_are_refused_naming_the_channel(tmp_path):
    audio = tmp_path / "audio"
    for i in range(2):
        write_samples(audio, f"right{i}.wav", np.stack([np.zeros(44100 * 5), tone(5.0, seed=i)], axis=1))
    result = cli("train", audio, "--out", tmp_path / "runs")
    assert_one_line_error(result, "2 audio files are silent or nearly", "2 of them only in the first channel",
                          "mix to mono")


def test_silent_files_among_good_ones_are_named_and_left_out():
    """Library level: the report names them, counts no chunks from them, and leaves them out of
    the files training reads."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        audio = Path(tmp)
        write_samples(audio, "good.wav", tone(5.0))
        write_samples(audio, "quiet.wav", np.zeros(44100 * 5))
        write_samples(audio, "late.wav", np.concatenate([np.zeros(44100 * 3), tone(1.0)]))  # sound after 3 s
        write_samples(audio, "right.wav", np.stack([np.zeros(44100 * 2), tone(2.0)], axis=1))
        report = datacheck.scan(audio, datacheck.audio_files(audio), 44100, num_signal=16384)
        assert sorted(p.name for p in report.used) == ["good.wav", "late.wav"]
        assert report.n_chunks == 6 + 5  # 5 s and 4 s of 0.74 s chunks
        lines = report.warnings()
        assert any("1 file is silent or nearly" in l and "quiet.wav" in l for l in lines), lines
        assert any("1 file has a silent first channel" in l and "right.wav" in l for l in lines), lines
        assert report.summary().startswith("audio: 4 files")


# ---- the advice for too little audio is enough

@pytest.mark.parametrize("how", ["new file", "longer file"])
def test_adding_the_advised_seconds_is_enough(tmp_path, how):
    import re

    audio = tmp_path / "audio"
    write(audio, "one.wav", 2.5)  # 3 chunks of 0.74 s; batch 4 needs 5

    def check():
        report = datacheck.scan(audio, datacheck.audio_files(audio), 44100, num_signal=16384)
        datacheck.check_trainable(report, 32768, batch=4, ratio=128, latent_size=128)

    with pytest.raises(UserError) as refused:
        check()
    seconds = float(re.search(r"add (\d+\.\d) s of audio", str(refused.value)).group(1))
    assert "3 chunks" in str(refused.value) and seconds == 1.5
    if how == "new file":
        write(audio, "two.wav", seconds)
    else:
        write(audio, "one.wav", 2.5 + seconds)
    check()


def test_ddp_needs_a_batch_and_the_pca_frames_in_every_process(tmp_path):
    write(tmp_path / "audio", "a.wav", 4.0)  # 5 chunks: 4 to train, 1 to validate
    report = datacheck.scan(tmp_path / "audio", datacheck.audio_files(tmp_path / "audio"), 44100, num_signal=16384)
    datacheck.check_trainable(report, 32768, batch=2, ratio=128, latent_size=128, processes=2)
    with pytest.raises(UserError, match="in each of 4 processes"):
        datacheck.check_trainable(report, 32768, batch=2, ratio=128, latent_size=128, processes=4)


# ---- messages

def test_pace_follows_recent_steps_not_the_first_slow_one():
    from brave_export.trainer import Pace, status_line

    pace = Pace()
    pace.add(60.0)  # the first step: allocation, warm-up
    pace.add(2.0)
    assert pace.per_step() is None and "timing the first steps" in status_line(2, 300, 48, None, {})
    for _ in range(5):
        pace.add(2.0)
    assert pace.per_step() == 2.0
    for _ in range(Pace.WINDOW):
        pace.add(5.0)  # the machine got busy
    assert pace.per_step() == 5.0


def test_progress_goes_to_a_log_file_as_plain_lines():
    """Output to a file (no TTY): the status as whole lines, no carriage returns or escapes, at
    most one per interval; on a terminal the same line is rewritten in place."""
    import io
    from types import SimpleNamespace

    from brave_export.trainer import _callbacks

    Progress = _callbacks()[1]

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    for stream in (io.StringIO(), Terminal()):
        progress = Progress(val_every=500, stream=stream, every_s=0.0, plain_every_s=0.0)
        for step in range(1, 6):
            trainer = SimpleNamespace(global_step=step, max_steps=6000,
                                      callback_metrics={"fullband_spectral_distance": 3.5})
            progress.on_train_batch_start(trainer, None, None, step)
            progress.on_train_batch_end(trainer, None, None, None, step)
        text = stream.getvalue()
        if isinstance(stream, Terminal):
            assert text.count("\r") == 5 and "\n" not in text, repr(text)
        else:
            lines = text.splitlines()
            assert len(lines) == 5 and "\r" not in text and "\033" not in text, repr(text)
            assert lines[-1].startswith("step 5/6000") and "fullband 3.5" in lines[-1]
    quiet = io.StringIO()
    progress = Progress(val_every=500, stream=quiet)  # a minute between lines by default
    trainer = SimpleNamespace(global_step=1, max_steps=6000, callback_metrics={})
    progress.on_train_batch_start(trainer, None, None, 0)
    progress.on_train_batch_end(trainer, None, None, None, 0)
    assert quiet.getvalue() == ""


def test_resume_line_explains_a_pass_cut_short():
    from brave_export.trainer import resume_line

    assert "part-way through a pass" in resume_line(7, 20, 5) and "2 of 5 batches" in resume_line(7, 20, 5)
    assert resume_line(10, 20, 5) == "resuming at step 10 of 20"


def test_dataset_help_explains_its_options():
    from brave_export.cli import build_parser

    sub = next(a for a in build_parser()._actions if a.dest == "command").choices["dataset"]
    text = " ".join(sub.format_help().split())
    assert "--seconds SECONDS seconds of audio in all" in text and "--seed SEED" in text and "same files" in text


# ---- rave preprocess under watch: a failure is one line, fast, with nothing left running

def test_preprocess_failure_names_the_file_and_leaves_nothing(tmp_path):
    from brave_export.ravecli import preprocess

    audio = tmp_path / "audio"
    write(audio, "a.wav", 2.0)
    write(audio, "b.wav", 2.0)
    (audio / "notes.wav").write_text("not audio\n")  # given to rave directly: no check in between
    with pytest.raises(UserError) as failed:
        preprocess(audio, tmp_path / "db", num_signal=16384, log=tmp_path / "log")
    assert "notes.wav" in str(failed.value) and "`rave preprocess` failed" in str(failed.value)
    assert not (tmp_path / "db").exists()
    assert not [p for p in Path("/proc").glob("[0-9]*") if _mentions(p, tmp_path)]


def _mentions(proc: Path, path: Path) -> bool:
    try:
        return str(path) in (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return False


def test_watched_commands_get_no_terminal_input(tmp_path):
    """`cat` reads its input to the end: with ours (a pipe this test never closes) it would wait
    for ever; run_watched gives it none."""
    import subprocess
    import sys

    code = ("from pathlib import Path; from brave_export.ravecli import run_watched; "
            f"run_watched(['cat'], Path({str(tmp_path / 'log')!r})); print('done')")
    proc = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        proc.wait(timeout=300)  # a hang guard, not a timing: `cat` on our open pipe never ends
        out = proc.stdout.read()
    finally:
        proc.kill()
        proc.stdin.close()
    assert out.strip() == "done"
