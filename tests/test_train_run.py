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


def read_until(fd: int, pattern: str, proc, timeout: float) -> str:
    """Read a terminal's output until `pattern` (a regex) shows up; returns what was read."""
    import os
    import re
    import select

    seen = ""
    deadline = time.time() + timeout
    while time.time() < deadline and proc.poll() is None:
        if select.select([fd], [], [], 0.5)[0]:
            try:
                seen += os.read(fd, 65536).decode(errors="replace")
            except OSError:
                break
            if re.search(pattern, seen):
                return seen
    raise AssertionError(f"no {pattern!r} within {timeout} s:\n{seen[-3000:]}")


def test_ctrl_c_before_the_first_checkpoint_saves_what_the_message_says(tiny_audio, tmp_path):
    """Ctrl-C at step 5 of a run that validates every 50: Lightning validates when asked to stop,
    so the checkpoint exports, and the message says so; --resume continues without Lightning's
    mid-epoch warning (our line says what it means), ends on a validated step, and a resume
    with nothing left to do says so and changes nothing."""
    import os
    import pty

    from brave_export.export import export_nn

    primary, secondary = pty.openpty()  # a terminal, so the progress line shows the step
    args = [sys.executable, "-m", "brave_export", "train", str(tiny_audio), "--out", str(tmp_path), "--name", "sig",
            "--steps", "200", "--batch", "1", "--val-every", "50", "--accelerator", "cpu"]
    proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=secondary, text=True)
    os.close(secondary)
    try:
        seen = read_until(primary, r"step ([5-9]|[1-4]\d)/200", proc, timeout=900)
        proc.send_signal(signal.SIGINT)
        seen += read_until(primary, r"interrupted at step.*--resume[^\n]*\n", proc, timeout=600)
        proc.wait(timeout=120)
    finally:
        proc.kill()
        os.close(primary)
    assert proc.returncode == 130, seen[-3000:]
    assert "Traceback" not in seen
    ckpt = tmp_path / "sig" / "checkpoints" / "last.ckpt"
    stopped = step_of(ckpt)
    assert 5 <= stopped < 50
    line = next(l for l in seen.splitlines() if "interrupted at step" in l)
    assert f"interrupted at step {stopped}" in line and f"(step {stopped}) follows a validation, so it exports" in line
    assert "validating (fits the latent PCA)" in seen
    assert export_nn(tmp_path / "sig", output=tmp_path / "sig.ts", log=lambda m: None).latent_size >= 1  # no flag

    again = run_cli("train", tiny_audio, "--out", tmp_path, "--name", "sig", *TINY)
    assert_one_line_error(again, "already exists", f"--resume {tmp_path / 'sig'}")

    resumed = run_cli("train", "--resume", tmp_path / "sig", "--steps", stopped + 3, timeout=900)
    assert resumed.returncode == 0, resumed.stderr[-3000:]
    assert "dataset: reusing" in resumed.stderr and f"resuming at step {stopped} of {stopped + 3}" in resumed.stderr
    assert "before the epoch ended" not in resumed.stderr  # Lightning's warning, explained by our line instead
    assert step_of(ckpt) == stopped + 3
    assert "follows a validation, so it exports" in resumed.stderr

    settings = (tmp_path / "sig" / "train.json").read_bytes()
    stamp = ckpt.stat().st_mtime_ns
    for extra in ([], ["--steps", str(stopped + 1)]):
        idle = run_cli("train", "--resume", tmp_path / "sig", *extra)
        assert idle.returncode == 0, idle.stderr[-3000:]
        assert f"at step {stopped + 3} already" in idle.stderr and "nothing to do" in idle.stderr
        assert (tmp_path / "sig" / "train.json").read_bytes() == settings and ckpt.stat().st_mtime_ns == stamp


def test_mixed_folder_trains_on_the_accepted_files_and_the_last_step_validates(tmp_path):
    """Six good files and a text file renamed notes.wav, --steps 8 with a checkpoint every 50:
    the check skips notes.wav, training sees exactly the six, the run ends with a validation at
    step 8, and nothing is left behind but the run and its dataset."""
    import json

    from brave_export.export import export_nn

    audio = tmp_path / "audio"
    synthesize_dataset(audio, seconds=8.0, files=6, seed=1)
    (audio / "notes.wav").write_text("shopping list\n")
    out = tmp_path / "runs"
    result = run_cli("train", audio, "--out", out, "--name", "mix", "--steps", "8", "--val-every", "50",
                     "--batch", "1", "--accelerator", "cpu", timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "1 file cannot be read as audio and is skipped: notes.wav" in result.stderr
    assert "preprocessing 6 files" in result.stderr
    assert "checkpoint: " in result.stderr and "(step 8)" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["mix", "mix-db"]  # no .mix-db.part, no log beside them
    signature = json.loads((out / "mix-db" / "brave-export.json").read_text())
    assert sorted(f[0] for f in signature["files"]) == sorted(p.name for p in audio.glob("synth_*.wav"))
    assert step_of(out / "mix" / "checkpoints" / "last.ckpt") == 8
    assert export_nn(out / "mix", output=tmp_path / "mix.ts", log=lambda m: None).latent_size >= 1  # ready
    assert not processes_mentioning(tmp_path)


def processes_mentioning(path: Path) -> list[str]:
    """Command lines of running processes that name `path` (left-overs of a run there)."""
    found = []
    for proc in Path("/proc").iterdir():
        try:
            cmd = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if str(path) in cmd:
            found.append(cmd)
    return found
