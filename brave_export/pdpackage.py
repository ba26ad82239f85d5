"""The self-contained Pd package of brave~ and its deken archive (`make package`, `make package-arm64`).

    python -m brave_export.pdpackage              # -> build/package/brave~/ and build/package/brave~[v...](...).dek
    python -m brave_export.pdpackage --arch arm64 # -> the same for 64-bit ARM Linux in build/package-arm64/

build/package/ then holds:

    brave~/                       the package folder, what the .dek unpacks to
        brave~.pd_linux           RUNPATH $ORIGIN/lib: finds libtorch in lib/, nowhere else
        brave~-help.pd            the help patch
        brave-demo.ts, .json      the demo model the help and example patches play (DEMO_MODEL)
        *-brave.pd, bx-*.pd       the example patches and the abstractions they use
        lib/                      libtorch_cpu.so, libc10.so and what they load, from the torch wheel
        README.txt                generated: README.md's install section + the help patch's text
    brave~[vVERSION](Linux-amd64-32).dek      made by deken's own `deken package` (a zip file);
                                              (Linux-arm64-32) for the arm64 package
    ....dek.sha256, ....dek.txt               deken's checksum and object list

The folder is the CMake install of externals/ (binary, help, patches; the binary's RUNPATH is
rewritten to $ORIGIN/lib), the demo model (BRAVE's cached smoke training run - brave_export.smoke,
reused from BRAVE_EXPORT_TEST_CACHE or --cache - exported with fp16 weights, fp32 where this machine
cannot make fp16; next to the help patch, so Pd finds it relative to the patch), plus the libraries the in-tree build resolves from the venv's torch
wheel (found with ldd, copied without their static symbol tables). The archive's name, OS, CPU
and float size tags come from deken reading the binary. deken signs with GPG by default: the
archive is made unsigned (--no-sign-gpg), as there is no key to sign with here.

The arm64 package is cross-built (ARCH=arm64 scripts/build-external.sh, against PyPI's aarch64
torch wheel) and laid out the same way; its libraries are listed by the arm64 dynamic loader run
under qemu (`ld.so --list`, what ldd runs) in the sysroot of scripts/setup-arm64.sh, which also
makes build/arm64/pd, the arm64 Pd under emulation that measures and tests it.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .errors import UserError
from .pdrun import REPO, patch_dir

NAME = "brave~"
README = REPO / "README.md"
INSTALL_HEADING = "## Installing brave~ in Pd"  # README.md's section for the Pd user, copied into README.txt
EXAMPLES = ("forward-brave.pd", "latent-brave.pd", "latency-brave.pd")
DEMO_MODEL = "brave-demo.ts"  # the help patch's [brave~ brave-demo.ts forward 128] and the examples' model message
# The smoke run's cache (the tests' too): a package build trains only when it is empty.
SMOKE_CACHE = Path(os.environ.get("BRAVE_EXPORT_TEST_CACHE", REPO / ".cache" / "smoke"))

# Budgets (checked by tests/test_package.py; README.md's install section gives the measured figures).
ARCHIVE_BUDGET_MB = 150
UNPACKED_BUDGET_MB = 400
OBJECT_RSS_BUDGET_MB = 250  # one [brave~] in an otherwise empty patch, whole Pd process

SYSTEM_LIB_DIRS = ("/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/")
ARM64_DIR = REPO / "build" / "arm64"  # scripts/setup-arm64.sh: sysroot/, torch-site/, pd (the runner)


@dataclass(frozen=True)
class Arch:
    """A CPU the package is built for: where scripts/build-external.sh (ARCH=name) builds brave~,
    where the package goes, and the tools that read and run its aarch64 or x86-64 binaries here."""
    name: str  # deken's CPU tag, as in brave~[v0.1.0](Linux-NAME-32).dek
    build_dir: Path  # the CMake build folder
    in_tree: Path  # the in-tree build's Pd package folder, linked against that build's libtorch
    package_root: Path  # what build_package (re)creates by default
    strip: str  # binutils' strip for this CPU
    sysroot: Path | None = None  # a foreign CPU's system libraries and Pd, run under qemu

    def list_libraries(self) -> list[str]:
        """The command that prints what the dynamic loader resolves for a binary (ldd's format)."""
        if self.sysroot is None:
            return ["ldd"]
        # ldd is the loader's --list; the foreign loader runs under qemu with the sysroot as its /
        return [*self.qemu(), str(self.sysroot / "lib" / "ld-linux-aarch64.so.1"), "--list"]

    def qemu(self) -> list[str]:
        qemu = shutil.which("qemu-aarch64-static")
        if not qemu or not (self.sysroot / "lib").is_dir():
            raise UserError("the arm64 sysroot or qemu-aarch64-static is missing: run make arm64")
        return [qemu, "-L", str(self.sysroot)]

    def pd(self) -> str:
        """Pd for this CPU: the host's, or the emulated one (build/arm64/pd)."""
        pd = shutil.which("pd") if self.sysroot is None else str(ARM64_DIR / "pd")
        if not pd or not os.access(pd, os.X_OK):
            raise UserError("Pure Data (pd) not found: install puredata-core (make system)" if self.sysroot is None
                            else f"{pd} not found: run make arm64")
        return pd


AMD64 = Arch("amd64", REPO / "build" / "external", REPO / "build" / "pd" / NAME, REPO / "build" / "package", "strip")
ARM64 = Arch("arm64", ARM64_DIR / "external", ARM64_DIR / NAME, REPO / "build" / "package-arm64",
             "aarch64-linux-gnu-strip", sysroot=ARM64_DIR / "sysroot")
ARCHS = {a.name: a for a in (AMD64, ARM64)}


@dataclass
class Package:
    folder: Path  # .../brave~
    dek: Path
    sha256: Path
    objects: Path

    @property
    def archive_bytes(self) -> int:
        return self.dek.stat().st_size

    @property
    def unpacked_bytes(self) -> int:
        return folder_bytes(self.folder)


# -------------------------------------------------------------------------------- the README

def pd_comments(patch: Path, meta: bool = False, subpatch: str | None = None) -> list[str]:
    """The comments (`#X text`) of a .pd file's main canvas in file order, as plain text (Pd's
    escapes undone); with `meta`, those of its [pd META] subpatch instead (Pd's help-file
    convention: "DESCRIPTION ...", which deken reads for its object list); with `subpatch`,
    those of the [pd SUBPATCH] inside the main canvas."""
    if meta:
        subpatch = "META"
    records = re.split(r"(?<!\\);\s*\n", patch.read_text())
    out, canvases = [], []
    for rec in records:
        if rec.startswith("#N canvas"):
            canvases.append(rec.split()[-2])  # a subpatch's name (for the main canvas: its font size)
            continue
        if rec.startswith("#X restore"):
            canvases.pop()
            continue
        m = re.match(r"#X text -?\d+ -?\d+ (.*)", rec, re.S)
        wanted = len(canvases) == 2 and canvases[-1] == subpatch if subpatch else len(canvases) == 1
        if not (m and wanted):
            continue
        text = re.sub(r"\s+", " ", m[1])
        text = re.sub(r", f \d+$", "", text)  # the box width
        text = re.sub(r" ?\\([,;])", r"\1", text).replace("\\$", "$")
        out.append(text.strip())
    return out


def help_description(help_patch: Path) -> str:
    """The one-line description in the help patch's [pd META] (what deken lists for the object)."""
    for text in pd_comments(help_patch, meta=True):
        if text.startswith("DESCRIPTION "):
            return text.split(" ", 1)[1]
    raise UserError(f"{help_patch} has no DESCRIPTION in a [pd META] subpatch: add one (deken reads it)")


def markdown_section(markdown: str, heading: str) -> str:
    """The text under `heading` up to the next heading (of any level: a subsection is not taken)."""
    lines = markdown.splitlines()
    starts = [i for i, l in enumerate(lines) if l.startswith(heading)]
    if not starts:
        raise UserError(f"README.md has no section '{heading}': restore it (the package README is made from it)")
    body = []
    for line in lines[starts[0] + 1:]:
        if re.match(r"#+\s", line):
            break
        body.append(line)
    return "\n".join(body).strip()


def package_readme(version: str, help_patch: Path, patches: Path, readme: Path = README) -> str:
    """README.txt of the package, made from README.md's install section and the help patch."""
    import textwrap

    def para(text: str) -> str:
        return textwrap.fill(text, 100)

    # the main canvas's paragraph, then [pd reference]: each message or argument with its text
    description = max(pd_comments(help_patch), key=len)
    parts = [f"{NAME} {version} - {help_description(help_patch)}", "",
             "INSTALLING", "", markdown_section(readme.read_text(), INSTALL_HEADING), "",
             "THE OBJECT (the text of brave~-help.pd and its [pd reference])", "", para(description) + "\n"]
    reference, head = pd_comments(help_patch, subpatch="reference")[1:], None
    for text in reference:
        if head is None and len(text) < 32 and not text.endswith("."):
            head = text  # "1st:", "load PATH [METHOD [BUFFER]]": the next comment explains it
            continue
        parts.append(para(f"{head.rstrip(':')}: {text}" if head else text) + "\n")
        head = None
    parts += ["EXAMPLE PATCHES (open them from this folder; they use the bx-*.pd abstractions beside them)", ""]
    parts += [para(f"{p}: {pd_comments(patches / p)[0].split(': ', 1)[-1]}") + "\n" for p in EXAMPLES]
    return "\n".join(parts).rstrip() + "\n"


# --------------------------------------------------------------------------- the demo model

def demo_weights() -> str:
    """fp16 where this machine makes and runs half-precision products (x86-64), else fp32."""
    from .export.weights import half_precision_unavailable

    return "fp32" if half_precision_unavailable() else "fp16"


def demo_model(cache: Path = SMOKE_CACHE, log=print, weights: str | None = None) -> Path:
    """The package's demo model: BRAVE's smoke run (trained once per cache: a few minutes on a CPU)
    exported at its ratio's buffer (128), kept beside the run in the cache. Returns the .ts (its sidecar
    .json is beside it). `weights`: the format (default: fp16 where this machine makes it)."""
    from .export import export_nn
    from .export.sidecar import sidecar_path
    from .smoke import smoke_run

    run = smoke_run(cache)
    weights = weights or demo_weights()
    if weights != "fp16":
        log("package: this machine cannot make fp16 weights: the demo model is fp32")
    # its own name inside (the sidecar names the file in its object text)
    model = run.run_dir.parent.parent / f"package-demo-{weights}" / DEMO_MODEL
    model.parent.mkdir(exist_ok=True)
    if not (model.is_file() and sidecar_path(model).is_file()):
        log(f"package: exporting the demo model ({weights}) from {run.run_dir}")
        export_nn(run.run_dir, output=model, weights=weights, force=True, log=lambda m: None)
    return model


# ---------------------------------------------------------------------------- the libraries

def resolved_libraries(binary: Path, env: dict | None = None, arch: Arch = AMD64) -> dict[str, str]:
    """What the dynamic loader resolves for `binary` (ldd): soname -> path, or "not found"."""
    cmd = [*arch.list_libraries(), str(binary)]
    r = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if r.returncode != 0:
        raise UserError(f"{' '.join(cmd)} failed: {r.stderr.strip()}")
    libs = {}
    for line in r.stdout.splitlines():
        m = re.match(r"\s*(\S+) => (not found|\S+)", line)
        if m:
            libs[m[1]] = m[2]
    return libs


def is_system_library(path: str) -> bool:
    return os.path.realpath(path).startswith(SYSTEM_LIB_DIRS)


def bundled_libraries(binary: Path, arch: Arch = AMD64) -> dict[str, Path]:
    """The libraries `binary` (the in-tree build) loads from outside the system's folders: libtorch
    and what it needs from the wheel. soname -> file."""
    libs = resolved_libraries(binary, arch=arch)
    missing = [name for name, path in libs.items() if path == "not found"]
    if missing:
        target = "external" if arch is AMD64 else f"external-{arch.name}"
        raise UserError(f"{binary} cannot resolve {', '.join(missing)}: run make {target} again")
    return {name: Path(path) for name, path in libs.items() if not is_system_library(path)}


def foreign_libraries(package_folder: Path, arch: Arch = AMD64) -> dict[str, str]:
    """Libraries the package's binary resolves, in an empty environment, from anywhere but its own
    lib/ folder and the system's library folders (or does not find). Empty = self-contained."""
    own = str(package_folder.resolve() / "lib") + "/"
    libs = resolved_libraries(package_folder / f"{NAME}.pd_linux", env={}, arch=arch)
    return {name: path for name, path in libs.items()
            if path == "not found" or not (os.path.realpath(path).startswith(own) or is_system_library(path))}


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


# ------------------------------------------------------------------------------- building

def project_version() -> str:
    return tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["version"]


def _run(cmd: list, what: str, **kwargs) -> subprocess.CompletedProcess:
    r = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, **kwargs)
    if r.returncode != 0:
        raise UserError(f"{what} failed ({r.returncode}): {' '.join(map(str, cmd))}\n{r.stdout}{r.stderr}".strip())
    return r


def deken_command() -> list[str]:
    deken = shutil.which("deken")
    if not deken:
        raise UserError("deken not found: run make system (installs Debian's deken package), "
                        "or install deken from https://github.com/pure-data/deken")
    return [deken]


def build_package(out: Path | None = None, log=print, arch: Arch = AMD64, cache: Path = SMOKE_CACHE) -> Package:
    """Builds brave~ for `arch` (a no-op when up to date), lays out the package folder and makes the
    .dek with deken, all in a temporary folder inside `out`'s parent (default: the arch's package
    root), then puts them in place as `out`. The demo model comes from the smoke run cached in
    `cache` (trained there when missing): fp32 for a CPU without fp16 products (arm64)."""
    from .export.sidecar import sidecar_path

    version = project_version()
    out = out or arch.package_root
    _run(["bash", REPO / "scripts" / "build-external.sh"], "scripts/build-external.sh", cwd=REPO,
         env={**os.environ, "ARCH": arch.name})
    model = demo_model(cache, log, weights=None if arch is AMD64 else "fp32")
    libs = bundled_libraries(arch.in_tree / f"{NAME}.pd_linux", arch)
    deken = deken_command()
    out.parent.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}."))
    stage.chmod(0o755)  # mkdtemp's 0700 would stay on build/package
    try:
        folder = stage / NAME
        _run(["cmake", "--install", arch.build_dir, "--prefix", folder, "--strip"], "cmake --install")
        (folder / "lib").mkdir()
        for soname, path in sorted(libs.items()):
            log(f"package: lib/{soname} <- {path}")
            # Their static symbol tables are for debuggers only (a fifth of libtorch_cpu).
            _run([arch.strip, "--strip-unneeded", "-o", folder / "lib" / soname, path], f"strip {path.name}")
        shutil.copyfile(model, folder / DEMO_MODEL)
        shutil.copyfile(sidecar_path(model), sidecar_path(folder / DEMO_MODEL))
        help_patch, patches = folder / f"{NAME}-help.pd", patch_dir()
        (folder / "README.txt").write_text(package_readme(version, help_patch, patches))
        foreign = foreign_libraries(folder, arch)
        if foreign:
            raise UserError("the package is not self-contained: " +
                            ", ".join(f"{n} => {p}" for n, p in foreign.items()))
        log("package: deken package ...")
        # deken lists the objects from the *-help.pd files (their DESCRIPTION); 0.9.6 fails on a
        # hand-made --objects file (a TypeError reading it as a zip file).
        _run([*deken, "package", "--version", version, "--no-sign-gpg",
              "--output-dir", stage, folder], "deken package", cwd=stage, stdin=subprocess.DEVNULL,
             env={**os.environ, "DEKEN_ROOT": "yes"})  # DEKEN_ROOT: no "running as root?" prompt
        deks = sorted(stage.glob(f"{glob_escape(NAME)}*.dek"))
        if len(deks) != 1:
            raise UserError(f"deken package made {len(deks)} .dek files in {stage}, expected one")
        for extra in (".sha256", ".txt"):
            if not Path(f"{deks[0]}{extra}").is_file():
                raise UserError(f"deken package wrote no {deks[0].name}{extra}")
        if out.exists():
            shutil.rmtree(out)
        stage.rename(out)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    dek = out / deks[0].name
    return Package(out / NAME, dek, Path(f"{dek}.sha256"), Path(f"{dek}.txt"))


def unpack(dek: Path, externals: Path) -> Path:
    """Unzips the .dek into a Pd externals folder, as deken's "Install DEK file..." does; returns
    the package folder (externals/brave~)."""
    import zipfile

    externals.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(dek) as z:
        z.extractall(externals)
    return externals / NAME


def glob_escape(name: str) -> str:
    return re.sub(r"([\[\]*?])", r"[\1]", name)


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


# ----------------------------------------------------------------------------- measuring

EMPTY_PATCH = "#N canvas 0 0 450 300 12;\n#X obj 10 10 loadbang;\n#X msg 10 40 \\; pd quit;\n#X connect 0 0 1 0;\n"
ONE_OBJECT_PATCH = ("#N canvas 0 0 450 300 12;\n#X obj 10 10 loadbang;\n#X msg 10 40 \\; pd quit;\n"
                    f"#X obj 10 70 {NAME};\n#X connect 0 0 1 0;\n")


def measure_pd(patch_text: str, search_path: Path, workdir: Path, timeout: float = 60,
               arch: Arch = AMD64) -> tuple[float, int, str]:
    """Runs Pd headless on the patch in an empty environment (`env -i`) under /usr/bin/time:
    (wall seconds, peak resident KB, Pd's stderr). For arm64 that Pd is emulated: the figures
    are qemu's, not a board's."""
    workdir.mkdir(parents=True, exist_ok=True)
    patch, timing = workdir / "measure.pd", workdir / "measure.time"
    patch.write_text(patch_text)
    pd = arch.pd()
    cmd = ["env", "-i", "/usr/bin/time", "-o", str(timing), "-f", "%e %M", pd, "-nogui", "-nosound", "-noprefs",
           "-batch", "-stderr", "-path", str(search_path), "-open", str(patch)]
    timing.unlink(missing_ok=True)
    r = subprocess.run(cmd, cwd=workdir, capture_output=True, text=True, timeout=timeout)
    if not timing.is_file():
        raise UserError(f"/usr/bin/time did not run ({r.stderr.strip()[-300:]}): install the time package (make system)")
    seconds, kb = timing.read_text().split()[-2:]
    return float(seconds), int(kb), r.stderr


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m brave_export.pdpackage", description=__doc__.split("\n")[0])
    ap.add_argument("--arch", choices=sorted(ARCHS), default=AMD64.name,
                    help="the CPU to build for (default amd64; arm64 is cross-built and measured under qemu)")
    ap.add_argument("--output", type=Path, help="folder to (re)create (default build/package, build/package-arm64)")
    ap.add_argument("--cache", type=Path, default=SMOKE_CACHE,
                    help="the smoke run's cache, for the demo model (default $BRAVE_EXPORT_TEST_CACHE or .cache/smoke)")
    args = ap.parse_args(argv)
    arch = ARCHS[args.arch]
    # Emulated, Pd and libtorch take tens of seconds to start.
    timeout = 60 if arch.sysroot is None else 300
    try:
        pkg = build_package(args.output.resolve() if args.output else None, arch=arch, cache=args.cache)
        # Measured as installed: the resident figure counts libtorch's file pages, and how many of
        # those a process maps depends on how the file was written (strip's output: 60 MB more).
        with tempfile.TemporaryDirectory() as tmp:
            externals = unpack(pkg.dek, Path(tmp) / "externals").parent
            _, empty_kb, _ = measure_pd(EMPTY_PATCH, externals, Path(tmp), timeout, arch)
            seconds, kb, err = measure_pd(ONE_OBJECT_PATCH, externals, Path(tmp), timeout, arch)
    except UserError as exc:
        print(f"package: error: {exc}", file=sys.stderr)
        return 2
    if "couldn't create" in err or "error" in err.lower():
        print(f"package: error: [{NAME}] does not load from the package:\n{err}", file=sys.stderr)
        return 2
    mb, kib = 1e6, 1024  # sizes in MB; /usr/bin/time's %M is in KiB
    print(f"package: {pkg.dek.relative_to(Path.cwd()) if pkg.dek.is_relative_to(Path.cwd()) else pkg.dek}")
    emulated = " (emulated by qemu on this machine, not a board's figures)" if arch.sysroot else ""
    print(f"package: archive {pkg.archive_bytes / mb:.0f} MB, unpacked {pkg.unpacked_bytes / mb:.0f} MB; "
          f"Pd with one [{NAME}] from the unpacked archive: {seconds:.2f} s, {kb * kib / mb:.0f} MB resident "
          f"(empty patch: {empty_kb * kib / mb:.0f} MB){emulated}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
