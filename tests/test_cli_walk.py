"""The smaller things a new user met on a walk through the README: each does what it says."""

import subprocess
import sys

import pytest

from brave_export.probe import write_probe

from .conftest import REPO, assert_one_line_error, cli, tree

pytestmark = pytest.mark.fast  # `make test-fast` runs these, less any marked slow (training run, Pd)


@pytest.fixture(scope="module")
def probe128(tmp_path_factory):
    return write_probe(tmp_path_factory.mktemp("walk") / "probe128.ts", ratio=128)


def test_preset_for_another_ratio_fails(probe128):
    result = cli("preset", "ratio-2048", probe128)
    assert_one_line_error(result, "does not fit preset ratio-2048", "ratio 128", "lowest-128")
    assert result.stdout == ""


def test_preset_for_the_models_ratio_still_prints_the_setup(probe128):
    result = cli("preset", "lowest-128", probe128)
    assert result.returncode == 0, result.stderr
    assert "object:" in result.stdout


def test_latency_plot_must_be_png(probe128, tmp_path):
    result = cli("latency", probe128, "--plot", tmp_path / "lat.txt", "--trials", "1")
    assert_one_line_error(result, "--plot", "lat.txt", ".png")
    assert tree(tmp_path) == set()


def test_output_into_a_closed_pipe_is_not_a_traceback():
    proc = subprocess.Popen([sys.executable, "-m", "brave_export", "presets"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    proc.stdout.close()  # as `| head` does once it has what it wants
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 0, err
    assert "Traceback" not in err and "BrokenPipeError" not in err, err


def test_a_glob_matching_two_runs_names_them(tmp_path):
    a, b = tmp_path / "mine_1", tmp_path / "mine_2"
    for cmd in ("nn", "checkpoint", "plugin"):
        extra = ["--output", tmp_path / "x.h5"] if cmd == "plugin" else []
        assert_one_line_error(cli(cmd, a, b, *extra), "2 runs given", "mine_1", "mine_2", "pass one run")


def test_existing_plugin_file_names_the_plugin_flag(tmp_path):
    (tmp_path / "mine.h5").write_bytes(b"x")
    result = cli("nn", tmp_path / "run", "--plugin", tmp_path / "mine.h5")
    assert_one_line_error(result, "mine.h5 already exists", "--force", "another --plugin")


def test_inspect_names_a_buffer_that_does_not_fit(probe128):
    result = cli("inspect", probe128, "--buffer", "100")
    assert_one_line_error(result, "buffer 100 does not fit a model of ratio 128", "power of two")


def test_what_the_readme_commands_leave_is_ignored():
    if not (REPO / ".git").exists():
        pytest.skip("not a git checkout")
    paths = ["runs/mine/checkpoints/last.ckpt", "runs/mine-db/data.mdb", "my_db/data.mdb", "mine.h5"]
    result = subprocess.run(["git", "-C", str(REPO), "check-ignore", "--no-index", *paths],
                            capture_output=True, text=True)
    assert sorted(result.stdout.split()) == sorted(paths), result.stdout
