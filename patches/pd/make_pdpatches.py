#!/usr/bin/env python3
"""Writes the Pd patches of this folder (`.venv/bin/python patches/pd/make_pdpatches.py`; `--check`
writes nothing and exits 1 when a file here is out of date).

The patches are built by brave_export.patching.pdpatches (see there for what each one does);
tests/test_patches.py checks that it reproduces the committed files.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from brave_export.patching.pdpatches import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(out_dir=HERE))
