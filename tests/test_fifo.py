"""The stream's libtorch-free tests (tests/engine/fifo_test.cpp, CTest target fifo_test) against
brave_export/latency/host.py's simulation of brave~, on the same cases from both sides: the case
file tests/engine/fifo_cases.txt must say what host.py says now, and the C++ stream must output
what the file says (a fresh file from host.py too, so a stale one cannot hide a difference)."""

import subprocess
import sys

import pytest

from .pd_util import REPO, build_external

sys.path.insert(0, str(REPO / "tests" / "engine"))
import make_fifo_cases  # noqa: E402

FIFO_TEST = REPO / "build" / "external" / "fifo_test"


@pytest.mark.fast
def test_case_file_says_what_host_py_says():
    assert make_fifo_cases.CASES_FILE.read_text() == make_fifo_cases.cases_text(), (
        "tests/engine/fifo_cases.txt is stale: run .venv/bin/python tests/engine/make_fifo_cases.py")


@pytest.mark.slow
def test_stream_agrees_with_host_py(tmp_path):
    build_external()
    cases = tmp_path / "fifo_cases.txt"
    cases.write_text(make_fifo_cases.cases_text())
    r = subprocess.run([str(FIFO_TEST), str(cases)], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "0 failure(s)" in r.stdout, r.stdout


@pytest.mark.slow
def test_fifo_ctest():
    build_external()
    r = subprocess.run(["ctest", "--test-dir", str(REPO / "build" / "external"), "-R", "^fifo$",
                        "--output-on-failure"], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "100% tests passed" in r.stdout, r.stdout
