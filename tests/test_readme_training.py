"""The README's "With your own audio" block, followed literally from a folder outside the checkout
(with a short run appended to the train line), ending with the export played by brave~ in Pd."""

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from .conftest import REPO
from .pd_util import build_external

pytestmark = pytest.mark.slow
SHORT = "--steps 10 --val-every 5 --batch 1"  # the quick profile, cut to a test's length


def readme_block() -> list[str]:
    text = (REPO / "README.md").read_text()
    section = text[text.index("## With your own audio"):]
    block = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
    return [line.split("#")[0].strip() for line in block.splitlines() if line.split("#")[0].strip()]


def test_readme_training_block_works_from_outside_the_checkout(tmp_path):
    from brave_export import pdrun

    external = build_external()
    lines = readme_block()
    assert lines[0].startswith("source ") and lines[0].endswith(".venv/bin/activate")
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    work = tmp_path / "mine"  # outside the checkout
    work.mkdir()
    commands = ["brave-export dataset my_audio/ --seconds 8"]  # the README's "no recordings at hand?"
    for line in lines[1:]:
        commands.append(f"{line} {SHORT}" if line.startswith("brave-export train") and "--check" not in line
                        else line)
    for cmd in commands:
        argv = shlex.split(cmd)
        assert argv[0] == "brave-export", cmd
        r = subprocess.run([sys.executable, "-m", "brave_export", *argv[1:]], cwd=work, env=env,
                           capture_output=True, text=True, timeout=1200)
        assert r.returncode == 0, f"{cmd}\n{r.stderr[-3000:]}"
    ts = work / "runs" / "mine" / "mine_b128.ts"
    assert ts.is_file() and (work / "mine.h5").is_file()
    out = pdrun.run_forward_patch(ts, buffer=128, seconds=1.0, external_dir=external)
    assert np.isfinite(out).all() and np.abs(out).max() > 0
