"""Run Pure Data headless: write patches, run pd under a timeout, read back what it recorded.

The library side of this project's Pd patches (patches/pd) and of the brave~ tests:

    run_latency_patch("model.ts", buffer=128, block=64, trials=10)   # -> dict of figures
    run_forward_patch("model.ts", buffer=128, seconds=2)              # -> float32 numpy array
    run_latent_patch("model.ts", buffer=128, seconds=2, offsets={0: 1.5})

They open patches/pd/{latency,forward,latent}-brave.pd (or the -nn variants with kind="nn", which
need IRCAM's nn~ on Pd's path) as abstractions inside a small generated wrapper patch, in batch
mode (-batch: faster than real time, no audio device), under a timeout. The patches ship inside
the package (brave_export/patches/pd when installed, patches/pd in a checkout); brave~ is found
through `external_dir` (an explicit path, $BRAVE_PD_EXTERNAL, or build/pd/brave~ of a checkout).

One module per concern: `pdfile` writes .pd files (`Canvas`, `Patch`), `process` runs Pd
(`run_pd`), `locate` finds the patches and brave~, `examples` drives the example patches,
`realtime` runs brave~ in Pd in real time (`run_realtime`: JACK's dummy driver or -nosound;
xruns, lost buffers, Pd's clock, gaps, latency, model switches); `gui` (imported on its own)
opens a patch in Pd's real GUI under Xvfb and reports where its boxes land.

Lower level: `Patch` / `Canvas` build .pd files object by object, `run_pd` runs one and returns
Pd's console output (stderr) and the arrays the patch recorded:

    patch = Patch(duration_ms=200)              # loadbang: `start`, dsp on; quits after 200 ms
    sub = patch.subpatch("dsp", block=256)      # a [pd dsp] with [block~ 256] inside
    src = sub.obj("noise~")
    brave = sub.obj("brave~ probe.ts forward 128")
    sub.connect(src, 0, brave, 0)
    sub.record(brave, "out", 4096)              # [table out 4096] + [tabwrite~ out] started by `start`
    patch.at(50, "ctl load probe.ts")           # `; ctl load probe.ts` 50 ms after start
    run = run_pd(patch, workdir, paths=[external_dir()])
    run.arrays["out"]                           # float32 numpy array

Arrays are written by soundfiler as 32-bit float wav files before `; pd quit` (writesf~ races the
quit). A patch that fails to open makes -batch spin forever: hence the timeout.
"""

from .examples import (HOSTS, check_latency_request, check_ready, format_latency, parse_latency_results,
                       run_forward_patch, run_latency_patch, run_latent_patch)
from .locate import EXTERNAL_DIR, PATCH_DIR, REPO, external_dir, patch_dir
from .pdfile import Canvas, Patch, pd_escape
from .process import PdError, PdRun, pd_command, read_wav, run_pd
from .realtime import RealtimeError, RealtimeResult, run_realtime

__all__ = ["HOSTS", "check_latency_request", "check_ready", "format_latency", "parse_latency_results",
           "run_forward_patch", "run_latency_patch", "run_latent_patch", "EXTERNAL_DIR", "PATCH_DIR", "REPO",
           "external_dir", "patch_dir", "Canvas", "Patch", "pd_escape", "PdError", "PdRun", "pd_command", "read_wav", "run_pd", "RealtimeError", "RealtimeResult",
           "run_realtime"]
