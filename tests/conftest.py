import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# Trained checkpoints are cached here between runs (keyed by config, steps, data, versions).
CACHE = Path(os.environ.get("BRAVE_EXPORT_TEST_CACHE", REPO / ".cache" / "smoke"))


# A test that takes one of these fixtures needs a training run (cached or not) or the brave~ build
# (for Pd): it is slow whatever its module says, so `make test-fast` (-m "fast and not slow") skips it.
SLOW_FIXTURES = {"smoke", "smoke_2048", "brave_ts", "external"}


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

    # Too short to give the latent PCA the 128 frames it fits on: no validation pass.
    return smoke_run(CACHE, config="c2048_r10", steps=20, validate=False)


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
