"""The C++ engine tests (tests/engine/engine_test.cpp, CTest), built by scripts/build-external.sh
and run here so that `make test` runs them: exact added latency in both modes, reset, bad
models, NaN, a late worker, a model switch, no allocation in the worker-mode perform path."""

import subprocess

import pytest

from .pd_util import REPO, build_external

pytestmark = pytest.mark.slow


def test_engine_ctest():
    build_external()
    r = subprocess.run(["ctest", "--test-dir", str(REPO / "build" / "external"), "--output-on-failure"],
                       capture_output=True, text=True, timeout=900)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "100% tests passed" in r.stdout, r.stdout
