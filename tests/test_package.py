"""The deken package of brave~ (`make package`) as a musician gets it: the .dek unzipped into a fresh
Pd externals folder, Pd run with an empty environment (`env -i`), the checkout's venv nowhere on
the loader's path. One package build for the module (about a minute).

Budgets (brave_export.pdpackage, stated in README.md's install section): archive and unpacked size,
and the resident memory of a Pd holding one [brave~]; the time to create it is printed only."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile

import numpy as np
import pytest

from brave_export import pdpackage
from brave_export.presets import brave_latency
from brave_export.probe import write_probe

from .conftest import own_delay
from .pd_util import REPO, Patch, check_stderr, run_pd

pytestmark = pytest.mark.slow

SR = 44100
BLOCK = 64
R = 128  # the probe's ratio, and the BRAVE export's
D = 37  # the probe's own delay
MB = 1e6
KB = 1024  # /usr/bin/time's %M unit
# Not in the package: the libtorch that pulls in CUDA, and CUDA's compute libraries.
NOT_WANTED = re.compile(r"^lib(torch|torch_cuda\w*|c10_cuda|cublas\w*|cudnn\w*|nccl|cusparse\w*|cufft|curand"
                        r"|cusolver|nvrtc\w*|nvJitLink|torch_python|torch_global_deps)[.-]")


@pytest.fixture(scope="module")
def package():
    return pdpackage.build_package(log=lambda m: None)


@pytest.fixture(scope="module")
def externals(package, tmp_path_factory):
    """A fresh Pd externals folder with the .dek unzipped into it (what deken's "install from file" does)."""
    folder = tmp_path_factory.mktemp("user") / "Documents" / "Pd" / "externals"
    pdpackage.unpack(package.dek, folder)
    return folder


def readelf_dynamic(path) -> tuple[list[str], list[str]]:
    """(NEEDED sonames, RUNPATH entries) of an ELF file."""
    out = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True, check=True).stdout
    needed = re.findall(r"\(NEEDED\)\s+Shared library: \[(.+)\]", out)
    runpath = re.findall(r"\(RUNPATH\)\s+Library runpath: \[(.+)\]", out)
    return needed, runpath[0].split(":") if runpath else []


def check_archive(package, cpu: str):
    """deken's name, checksum and object list; the object, help, README, example patches with their
    abstractions and libtorch's CPU libraries inside, none of the CUDA ones."""
    version = pdpackage.project_version()
    assert package.dek.name == f"brave~[v{version}](Linux-{cpu}-32).dek"
    assert package.sha256.read_text().split()[0] == pdpackage.sha256_of(package.dek)
    objects = dict(line.split("\t", 1) for line in package.objects.read_text().splitlines())
    assert objects["brave~"] == pdpackage.help_description(package.folder / "brave~-help.pd")
    names = set(zipfile.ZipFile(package.dek).namelist())
    for f in ["brave~.pd_linux", "brave~-help.pd", "README.txt", "forward-brave.pd", "latent-brave.pd",
              "latency-brave.pd", "bx-host~.pd", "lib/libtorch_cpu.so", "lib/libc10.so",
              pdpackage.DEMO_MODEL, "brave-demo.json"]:
        assert f"brave~/{f}" in names, f
    abstractions = {p.name for p in (REPO / "patches" / "pd").glob("bx-*.pd")}
    assert abstractions <= {n.split("/")[-1] for n in names}
    libs = {n.split("/")[-1] for n in names if n.startswith("brave~/lib/")}
    assert not [l for l in libs if NOT_WANTED.match(l)], libs


def test_archive_made_by_deken(package):
    check_archive(package, "amd64")


def test_readme_holds_install_and_messages(package):
    text = " ".join((package.folder / "README.txt").read_text().split())
    for words in ["Find externals", "Documents/Pd/externals", "~/.local/lib/pd/extra", "| sha256sum -c",
                  "load PATH", "reset", "latency", "stats", "BUFFER - gcd(BUFFER N)", "forward-brave.pd",
                  pdpackage.DEMO_MODEL]:
        assert words in text, words
    assert "\\," not in text and "\\;" not in text  # Pd's escapes undone


def check_links(folder, arch=pdpackage.AMD64):
    """The binary needs libtorch_cpu and libc10 (not libtorch.so, which loads libtorch_cuda), finds
    them through $ORIGIN/lib, and lib/ holds exactly what the binary loads, nothing else."""
    needed, runpath = readelf_dynamic(folder / "brave~.pd_linux")
    assert {"libtorch_cpu.so", "libc10.so"} <= set(needed) and "libtorch.so" not in needed, needed
    assert runpath == ["$ORIGIN/lib"], runpath
    assert pdpackage.foreign_libraries(folder, arch) == {}
    # lib/ = the closure of NEEDED over the binary and lib/, minus the system's libraries
    shipped = {p.name for p in (folder / "lib").iterdir()}
    reached, todo = set(), [folder / "brave~.pd_linux"]
    while todo:
        for soname in readelf_dynamic(todo.pop())[0]:
            if soname in shipped and soname not in reached:
                reached.add(soname)
                todo.append(folder / "lib" / soname)
    assert reached == shipped, shipped - reached


def test_links_only_what_the_cpu_path_needs(externals):
    check_links(externals / "brave~")


def loader_trace(folder) -> list[str]:
    """Every file the dynamic loader tried or initialised, from LD_DEBUG=libs output files."""
    text = "".join(p.read_text(errors="replace") for p in folder.glob("ld.*"))
    return re.findall(r"(?:trying file|calling init): ?(\S+)", text.replace("trying file=", "trying file: "))


def play_in_a_clean_environment(externals, brave_ts, tmp_path, monkeypatch, arch=pdpackage.AMD64,
                                n: int = SR // 2, timeout: float = 120) -> None:
    """Pd for `arch` with `env -i`: [brave~] loads from the unzipped package; a delaying probe comes
    out exactly B - gcd(B, N) + its own delay late; the smoke-trained BRAVE export gives finite,
    non-silent audio starting B - gcd(B, N) samples in and reports its own delay; the loader opened
    nothing of the checkout (no venv) and the package's libtorch_cpu. `n` samples are recorded."""
    shutil.copy(brave_ts.path, tmp_path / "brave.ts")
    write_probe(tmp_path / "probe37.ts", ratio=R, delay=D)
    ld = tmp_path / "ld"
    ld.mkdir()
    monkeypatch.setenv("PD_COMMAND", f"env -i LD_DEBUG=libs LD_DEBUG_OUTPUT={ld}/ld {arch.pd()}")
    patch = Patch(duration_ms=1000 * n // SR + 100)
    sub = patch.subpatch("dsp", block=BLOCK)
    src = sub.obj("noise~")
    sub.record(src, "in", n)
    probe = sub.obj(f"brave~ probe37.ts forward {R}")
    brave = sub.obj(f"brave~ brave.ts forward {R}")
    for obj, name in ((probe, "probe"), (brave, "brave")):
        sub.connect(src, 0, obj, 0)
        sub.record(obj, name, n)
    sub.receive("ctl", brave)
    sub.connect(brave, 1, sub.obj("print info"), 0)
    patch.at(10, "ctl latency")
    run = run_pd(patch, tmp_path, paths=[externals], timeout=timeout)
    check_stderr(run)

    L = brave_latency(R, BLOCK)
    inp, out = run.arrays["in"], run.arrays["probe"]
    lag = L + D
    assert not out[:lag].any() and np.array_equal(out[lag:], inp[:n - lag]), "probe: not delayed by L + D"

    y = run.arrays["brave"]
    assert np.isfinite(y).all()
    rms = float(np.sqrt(np.mean(y.astype(np.float64) ** 2)))
    assert rms > 1e-3 and np.abs(y).max() > 1e-2, f"output nearly silent (rms {rms:.2e})"
    assert not y[:L].any() and np.abs(y[L:L + R]).max() > 0
    own, nominal = own_delay(brave_ts), brave_ts.model_delay  # own: the card's median when it has one
    assert run.lines(rf"^info: latency {L} [\d.]+ {own} {L + own} [\d.]+ {nominal}$"), run.stderr

    tried = loader_trace(ld)
    assert tried, "no LD_DEBUG output"
    assert not [p for p in tried if str(REPO) in p or ".venv" in p or "site-packages" in p], tried
    torch_cpu = [p for p in tried if p.endswith("/libtorch_cpu.so")]
    assert torch_cpu and all(p.startswith(str(externals / "brave~" / "lib")) for p in torch_cpu), torch_cpu


def test_plays_an_export_in_a_clean_environment(externals, brave_ts, tmp_path, monkeypatch):
    play_in_a_clean_environment(externals, brave_ts, tmp_path, monkeypatch)


def top_level_objects(patch_text: str) -> list[str]:
    """The records of a .pd file's main canvas that Pd numbers (objects, messages, comments, atoms,
    subpatches), in order: what `connect` messages to the canvas count."""
    out, depth = [], 0
    for rec in re.split(r"(?<!\\);\s*\n", patch_text):
        if rec.startswith("#N canvas"):
            depth += 1
        elif rec.startswith("#X restore"):
            depth -= 1
            if depth == 1:
                out.append(rec)
        elif depth == 1 and re.match(r"#X (obj|msg|text|floatatom|symbolatom|listbox) ", rec):
            out.append(rec)
    return out


def test_help_patch_plays_its_model_from_a_fresh_home(package, tmp_path, monkeypatch):
    """The .dek unzipped into a fresh HOME's ~/.local/lib/pd/extra (a folder Pd searches without
    any -path), Pd started with only that HOME (`env -i`), the packaged help patch opened as it
    is: its [brave~ brave-demo.ts ...] plays the bundled model on the help's test sound. The
    test taps the help's [brave~] by dynamic patching (it adds a [tabwrite~] to the help canvas)."""
    home = tmp_path / "home"
    folder = pdpackage.unpack(package.dek, home / ".local" / "lib" / "pd" / "extra")
    help_patch = folder / "brave~-help.pd"
    records = top_level_objects(help_patch.read_text())
    brave = [i for i, r in enumerate(records) if r.startswith("#X obj ") and f" brave~ {pdpackage.DEMO_MODEL}" in r]
    assert len(brave) == 1, records
    tap, go = len(records), len(records) + 1  # the numbers the two objects added below get
    canvas = "pd-brave~-help.pd"
    monkeypatch.setenv("PD_COMMAND", f"env -i HOME={home} {shutil.which('pd')}")
    n = SR  # one second
    patch = Patch(duration_ms=2500)
    patch.obj(f"table tap {n}")
    patch.arrays.append("tap")
    for message in (f"{canvas} obj 10 2000 tabwrite~ tap", f"{canvas} obj 10 1970 r tapgo",
                    f"{canvas} connect {brave[0]} 0 {tap} 0", f"{canvas} connect {go} 0 {tap} 0"):
        patch.at(0, message)
    patch.at(1000, "tapgo bang")  # after the model's first calls and a few notes of the test sound
    run = run_pd(patch, tmp_path / "run", paths=[], extra_args=["-open", str(help_patch)], timeout=120)
    check_stderr(run)
    y = run.arrays["tap"]
    assert np.isfinite(y).all()
    rms = float(np.sqrt(np.mean(y.astype(np.float64) ** 2)))
    assert rms > 1e-3 and np.abs(y).max() > 1e-2, f"the help patch's model is nearly silent (rms {rms:.2e})"


def test_budgets(package, externals, tmp_path):
    """Sizes and the memory of one [brave~] stay under the documented budgets; printed with the time."""
    seconds0, empty_kb, _ = pdpackage.measure_pd(pdpackage.EMPTY_PATCH, externals, tmp_path)
    seconds, kb, err = pdpackage.measure_pd(pdpackage.ONE_OBJECT_PATCH, externals, tmp_path)
    check_stderr(err)
    assert "brave~: nn~-protocol model runner" in err, err
    unpacked = pdpackage.folder_bytes(externals / "brave~")
    print(f"\npackage: archive {package.archive_bytes / MB:.0f} MB, unpacked {unpacked / MB:.0f} MB; "
          f"one [brave~]: {seconds:.2f} s, {kb * KB / MB:.0f} MB resident (empty patch: {seconds0:.2f} s, "
          f"{empty_kb * KB / MB:.0f} MB)")
    assert package.archive_bytes < pdpackage.ARCHIVE_BUDGET_MB * MB
    assert unpacked < pdpackage.UNPACKED_BUDGET_MB * MB
    assert kb * KB < pdpackage.OBJECT_RSS_BUDGET_MB * MB
