import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# Trained checkpoints are cached here between runs (keyed by config, steps, data, versions).
CACHE = Path(os.environ.get("BRAVE_EXPORT_TEST_CACHE", REPO / ".cache" / "smoke"))


# A test that takes one of these fixtures needs a training run (cached or not) or the brave~ build
# (for Pd): it is slow whatever its module says, so `make test-fast` (-m "fast and not slow") skips it.
SLOW_FIXTURES = {"smoke", "smoke_2048", "brave_ts", "external", "v2_small_causal", "v2_run"}


def pytest_collection_modifyitems(items):
    for item in items:
        if SLOW_FIXTURES & set(item.fixturenames):
            item.add_marker(pytest.mark.slow)


def run_cli(*args, cwd=None, timeout=600):
    """Run `brave-export ARGS` in a fresh interpreter; returns the CompletedProcess."""
    return subprocess.run(
        [sys.executable, "-m", "brave_export", *map(str, args)],
        capture_output=True, text=True, cwd=cwd, timeout=timeout,
    )


def cli(*args, cwd=None):
    """`brave-export ARGS` run in this interpreter, captured at the file descriptors as a fresh one
    would print it (torch's and libtorch's own lines included), without paying the imports of torch
    and acids-rave again (seconds per call). Returns a CompletedProcess. Tests of what a new process
    does (start-up, signals, training) use `run_cli`."""
    import contextlib
    import tempfile

    import torch

    from brave_export.cli import main

    threads = torch.get_num_threads()
    sys.stdout.flush()
    sys.stderr.flush()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        saved = os.dup(1), os.dup(2)
        old = sys.stdout, sys.stderr
        os.dup2(out.fileno(), 1)
        os.dup2(err.fileno(), 2)
        sys.stdout = open(os.dup(1), "w", closefd=True)
        sys.stderr = open(os.dup(2), "w", closefd=True)
        try:
            with contextlib.chdir(cwd or os.getcwd()):
                try:
                    code = main([str(a) for a in args])
                except SystemExit as exc:  # argparse's usage errors
                    code = exc.code if isinstance(exc.code, int) else 2
        finally:
            sys.stdout.close()
            sys.stderr.close()
            sys.stdout, sys.stderr = old
            os.dup2(saved[0], 1)
            os.dup2(saved[1], 2)
            os.close(saved[0])
            os.close(saved[1])
            torch.set_num_threads(threads)  # `bench --threads` sets it for the process
        out.seek(0)
        err.seek(0)
        return subprocess.CompletedProcess(["brave-export", *map(str, args)], code,
                                           out.read().decode(errors="replace"), err.read().decode(errors="replace"))


def own_delay(export) -> int:
    """An export's own delay as every consumer states it: its latency card's median when the card
    has figures, else the nominal delay. A 300-step smoke model may land on either side."""
    from brave_export.latency.card import LatencyCard

    card = export.measured_latency
    measured = LatencyCard.from_dict(card).median_samples if card else None
    return export.model_delay if measured is None else measured


def assert_one_line_error(result, *words):
    assert result.returncode == 2, result.stderr
    lines = [l for l in result.stderr.strip().splitlines() if l.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("brave-export: error: "), lines[0]
    for w in words:
        assert w in lines[0], (w, lines[0])
    assert "Traceback" not in result.stderr


@pytest.fixture(scope="session")
def smoke():
    """A real short BRAVE training run on synthesized audio (cached)."""
    from brave_export.smoke import smoke_run

    return smoke_run(CACHE)


@pytest.fixture(scope="session")
def smoke_2048():
    """A real, shorter training run of the 2048-ratio causal configuration (cached)."""
    from brave_export.smoke import smoke_run

    # Its latent PCA fits 128 components on 128 frames: one validation chunk of 262144 samples
    # gives them (the smoke audio holds 4 such chunks), and batch 1 keeps the steps short.
    return smoke_run(CACHE, config="c2048_r10", steps=10, n_signal=262144, batch=1)


@pytest.fixture(scope="session")
def v2_small_causal():
    """A real 2-step training run of acids-rave's own `--config v2_small --config causal` (cached).

    v2_small's receptive field needs examples of 131072 samples; batch 1 keeps the steps short."""
    from brave_export.acidsruns import acids_run

    return acids_run(CACHE, ("v2_small", "causal"), steps=2, n_signal=131072, batch=1)


@pytest.fixture(scope="session")
def v2_run():
    """A real 2-step training run of acids-rave's own `--config v2` (non-causal, ratio 2048; cached).

    Its latent PCA fits 128 components on 128 frames: one validation chunk of 262144 samples."""
    from brave_export.acidsruns import acids_run

    return acids_run(CACHE, ("v2",), steps=2, n_signal=262144, batch=1)


def rave_export_streaming(run_dir: Path, out_dir: Path) -> Path:
    """The reference: acids-rave's own `rave export --streaming` of the same run."""
    from brave_export.export.reference import export_reference

    return export_reference(run_dir, out_dir)


def tree(path: Path) -> set:
    return {p.relative_to(path) for p in path.rglob("*")} if path.exists() else set()


@pytest.fixture(scope="session")
def brave_ts(smoke, tmp_path_factory):
    """Our nn~ export of the smoke-trained BRAVE run at buffer 128 (`ExportFacts`: .path, .ratio, ...)."""
    from brave_export.export import export_nn

    return export_nn(smoke.run_dir, output=tmp_path_factory.mktemp("brave_ts") / "brave.ts", log=lambda m: None)


@pytest.fixture(scope="session")
def brave_fp16_ts(smoke, tmp_path_factory):
    """The same export with --weights fp16 (fbgemm half-precision products)."""
    from brave_export.export import export_nn

    return export_nn(smoke.run_dir, output=tmp_path_factory.mktemp("brave_fp16") / "brave16.ts", weights="fp16",
                     log=lambda m: None)


def damaged_copies(path, folder) -> list:
    """Two damaged copies of a model file, as a broken download or disk gives them: cut in
    half, and one whose pickled module record is overwritten."""
    data = path.read_bytes()
    (folder / "cut16.ts").write_bytes(data[: len(data) // 2])
    with zipfile.ZipFile(path) as z:
        rec = next(i for i in z.infolist() if i.filename.endswith("/data.pkl"))
    start = rec.header_offset + 30 + len(rec.filename.encode()) + len(rec.extra)
    mangled = bytearray(data)
    mangled[start + 100:start + 164] = b"\xff" * 64
    (folder / "mangled16.ts").write_bytes(bytes(mangled))
    return [folder / "cut16.ts", folder / "mangled16.ts"]
