# brave-export: setup, demo and tests. `make demo` and `make test` set up what is missing.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: setup system venv external package arm64 external-arm64 package-arm64 demo patches test test-fast realtime clean

# setup = system packages, the venv, then the brave~ Pd external (it links the venv's torch).
setup: system venv external

system:
	@bash scripts/setup-system.sh

# Reinstalled only when pyproject.toml changes; the project is installed editable.
venv: $(STAMP)
$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "setup: $(PYTHON) not found: install Python 3.11 or run make PYTHON=/path/to/python3.11"; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e .
	@touch $(STAMP)

# brave~ into build/pd/brave~/ (a Pd package folder); the script is a fast no-op when up to date.
external: system venv
	@bash scripts/build-external.sh

# The deken package: build/package/brave~/ (the external, help, example patches, the demo model
# brave-demo.ts exported from the cached smoke run - trained into .cache/smoke or
# $BRAVE_EXPORT_TEST_CACHE when missing -, its libtorch CPU libraries in lib/, README.txt) and
# brave~[vVERSION](Linux-amd64-32).dek made by deken.
package: external
	$(PY) -m brave_export.pdpackage

# 64-bit ARM Linux (Raspberry Pi OS 64-bit), cross-built and run here under qemu; not part of
# setup (tests/test_package_arm64.py runs the same script when make test gets there).
# arm64: the cross compiler and qemu (Debian), the aarch64 torch wheel's libtorch, and an arm64
# sysroot with Debian's Pd: build/arm64/pd runs that Pd emulated (scripts/setup-arm64.sh).
arm64: venv
	@bash scripts/setup-arm64.sh

external-arm64: system arm64
	@ARCH=arm64 bash scripts/build-external.sh

# build/package-arm64/: brave~/ and brave~[vVERSION](Linux-arm64-32).dek, laid out as the amd64 one.
package-arm64: external-arm64
	$(PY) -m brave_export.pdpackage --arch arm64

demo: setup
	$(VENV)/bin/brave-export demo --workdir demo

# The example patches of patches/pd and patches/max, written again from brave_export/patching
# (tests/test_patches.py and tests/test_max_patches.py check that the committed ones are these).
patches: venv
	$(PY) patches/pd/make_pdpatches.py
	$(PY) patches/max/make_maxpats.py

test: setup
	$(PY) -m pytest -v -rs

# The fast tier: tests marked `fast` (no training run, no Pd); the venv is all they need.
test-fast: venv
	$(PY) -m pytest -q -m "fast and not slow"

# brave~ in Pd in real time: a short matrix (fp16/fp32 smoke export x JACK dummy driver in callback
# mode, -nosound at -audiobuf 25 and 10 x synchronous/worker), one table row per run.
# More: .venv/bin/python scripts/realtime.py --help
realtime: setup
	$(PY) scripts/realtime.py

clean:
	rm -rf demo .cache build
