"""`brave-export train` end to end, kept tiny (8 s of audio, batch 1, a few dozen steps): DDP over
two CPU processes, Ctrl-C, --resume, and the same --name twice."""

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import torch

from brave_export.audio import synthesize_dataset

from .conftest import assert_one_line_error, run_cli

pytestmark = pytest.mark.slow
TINY = ["--batch", "1", "--val-every", "5", "--accelerator", "cpu"]


@pytest.fixture(scope="module")
def tiny_audio(tmp_path_factory):
    folder = tmp_path_factory.mktemp("audio")
    synthesize_dataset(folder, seconds=8.0, files=2, seed=0)  # 10 chunks: 9 to train, 1 to validate
    return folder


def step_of(ckpt: Path) -> int:
    return int(torch.load(ckpt, map_location="cpu", weights_only=False)["global_step"])


def test_ddp_over_two_cpu_processes_writes_one_checkpoint_that_exports(tiny_audio, tmp_path):
    from brave_export.export import export_nn

    result = run_cli("train", tiny_audio, "--out", tmp_path, "--name", "ddp", "--steps", "10", "--devices", "2",
                     *TINY, timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    run = Path(result.stdout.strip().splitlines()[-1])
    assert run == tmp_path / "ddp"
    assert "Initializing distributed: GLOBAL_RANK: 1, MEMBER: 2/2" in result.stderr
    assert "s/step" not in result.stderr  # no progress line when stderr is not a terminal
    ckpts = list(tmp_path.rglob("*.ckpt"))
    assert ckpts == [run / "checkpoints" / "last.ckpt"], ckpts
    assert step_of(ckpts[0]) == 10
    exported = export_nn(run, output=tmp_path / "ddp.ts", log=lambda m: None)  # refuses an unready one
    assert exported.latent_size > 1


def test_ctrl_c_saves_a_checkpoint_and_resume_continues(tiny_audio, tmp_path):
    args = [sys.executable, "-m", "brave_export", "train", str(tiny_audio), "--out", str(tmp_path),
            "--name", "sig", "--steps", "200", *TINY]
    log = tmp_path / "stderr.txt"
    with open(log, "w") as err:
        proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=err, text=True)
        deadline = time.time() + 600
        while "checkpoint:" not in log.read_text() and proc.poll() is None and time.time() < deadline:
            time.sleep(0.5)
        assert proc.poll() is None, log.read_text()[-3000:]
        time.sleep(2)  # a few steps past the first validation
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=300)
    stderr = log.read_text()
    assert proc.returncode == 130, stderr[-3000:]
    assert "Traceback" not in stderr
    ckpt = tmp_path / "sig" / "checkpoints" / "last.ckpt"
    stopped = step_of(ckpt)
    assert stopped >= 5 and f"interrupted at step {stopped}" in stderr and "--resume" in stderr

    again = run_cli("train", tiny_audio, "--out", tmp_path, "--name", "sig", *TINY)
    assert_one_line_error(again, "already exists", f"--resume {tmp_path / 'sig'}")

    resumed = run_cli("train", "--resume", tmp_path / "sig", "--steps", stopped + 5, timeout=900)
    assert resumed.returncode == 0, resumed.stderr[-3000:]
    assert "dataset: reusing" in resumed.stderr
    assert step_of(ckpt) == stopped + 5
