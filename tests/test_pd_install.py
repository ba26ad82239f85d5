"""The Pd patches travel with the package: an installed brave_export finds them without a checkout."""

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.fast


def test_wheel_declares_every_patch():
    tool = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]
    assert "brave_export.patches" in tool["packages"]
    folder = REPO / tool["package-dir"]["brave_export.patches"]
    shipped = {p for pattern in tool["package-data"]["brave_export.patches"] for p in folder.glob(pattern)}
    assert shipped == set((REPO / "patches" / "pd").glob("*.pd")) and shipped


def test_installed_layout_finds_its_patches_and_names_the_missing_external(tmp_path):
    site = tmp_path / "site"
    shutil.copytree(REPO / "brave_export", site / "brave_export", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(REPO / "patches" / "pd", site / "brave_export" / "patches" / "pd",
                    ignore=shutil.ignore_patterns("*.py"))
    code = ("from brave_export import pdrun\n"
            "print(pdrun.patch_dir())\n"
            "try:\n    pdrun.external_dir()\nexcept pdrun.PdError as e:\n    print(e)\n")
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(site)}
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, env=env)
    assert r.returncode == 0, r.stderr
    found, error = r.stdout.strip().splitlines()
    assert Path(found) == site / "brave_export" / "patches" / "pd"
    assert "BRAVE_PD_EXTERNAL" in error and "make external" in error
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path,
                       env={**env, "BRAVE_PD_EXTERNAL": str(tmp_path)})
    assert str(tmp_path) in r.stdout.splitlines()[1]
