"""Weight formats of an nn~ export: float32 (runs wherever nn~ runs) or half precision.

Half-precision weights go through fbgemm's prepacked fp16 products (x86-64 builds of torch):
activations and accumulation stay float32, and each call reads half the weight bytes. That
pays where memory bandwidth and cache are contended (another process streaming memory, a
busy DAW); on an idle machine float32 products are as fast or faster at these small shapes.

Both exports (nn~ and the BRAVE plugin) start from the trained weights with weight norm folded
in: `fold_weight_norm`.
"""

from __future__ import annotations

import math
import platform

import torch

from ..errors import UserError

WEIGHT_FORMATS = ("fp32", "fp16")
PLATFORMS = {
    "fp32": "any CPU nn~ runs on",
    "fp16": "x86-64 CPUs with torch's fbgemm (Linux, Windows, Intel macOS); not ARM (Apple silicon, Raspberry Pi)",
}
MIN_FIDELITY_DB = 60.0  # the fp16 model's error must be at least this far below the signal


def fold_weight_norm(model):
    """Fold acids-rave's weight norm (weight_g, weight_v) into plain weights, in place; returns `model`."""
    for m in model.modules():
        if hasattr(m, "weight_g"):
            torch.nn.utils.remove_weight_norm(m)
    return model


def check_format(name: str) -> str:
    if name not in WEIGHT_FORMATS:
        raise UserError(f"--weights {name}: unknown weight format; use one of {', '.join(WEIGHT_FORMATS)}")
    return name


def half_precision_unavailable() -> str | None:
    """Why half-precision products cannot run here (None: they can)."""
    machine = platform.machine().lower()
    if machine not in ("x86_64", "amd64"):
        return f"this is a {machine} CPU; fp16 weights need x86-64"
    if "fbgemm" not in torch.backends.quantized.supported_engines:
        return f"torch {torch.__version__} was built without fbgemm"
    try:
        packed = torch.ops.quantized.linear_prepack_fp16(torch.ones(2, 2), None)
        torch.ops.quantized.linear_dynamic_fp16(torch.ones(1, 2), packed)
    except Exception as exc:  # the build lacks the op
        return f"torch {torch.__version__} cannot run fp16 products ({type(exc).__name__})"
    return None


def check_available(name: str) -> None:
    """Refuse, in one line, a format this machine cannot produce or run."""
    if name == "fp16":
        reason = half_precision_unavailable()
        if reason is not None:
            raise UserError(f"--weights fp16 is not available here: {reason}; export with --weights fp32")


def error_db(reference: torch.Tensor, other: torch.Tensor) -> float:
    """Energy of (other - reference) relative to reference's, in dB (more negative: closer)."""
    err = float((other - reference).double().pow(2).mean())
    sig = float(reference.double().pow(2).mean())
    if sig == 0.0:
        return 0.0 if err > 0 else -math.inf
    return -math.inf if err == 0 else 10.0 * math.log10(err / sig)


def older_torch(written: str, running: str | None = None) -> bool:
    """True when the running torch is older than the one that wrote a file ("2.5.1+cu124" style)."""
    def parse(v: str) -> tuple:
        return tuple(int(p) if p.isdigit() else 0 for p in v.split("+")[0].split(".")[:3])

    return parse(running or torch.__version__) < parse(written)
