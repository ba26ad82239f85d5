"""The wrapped path: acids-rave's own streaming model, as `rave export --streaming` builds it,
inside this project's protocol.

For a model whose blocks the fast path does not cover (discrete, AdaIN, spherical, Wasserstein,
recurrent, multichannel, ... configurations), `brave-export nn` still exports: the module is
acids-rave's `ScriptedRAVE` subclass for the model's encoder (the class `rave export` picks,
built the way it builds it: weight norm removed, cached_conv's caches made by one encode and
decode of zeros), and around it `WrappedRAVE` adds what our exports answer: non-finite input
replaced by zeros before it reaches a cache, `reset()` (every cache zeroed), the info getters
(`get_sample_rate`, `get_ratio`, `get_buffer_size`, `get_latency_samples`, `get_max_batch`,
`get_weights`, `get_platforms`), the sidecar and the latency card. Its outputs are acids-rave's:
the same as `rave export --streaming`'s once both have seen the same input.
"""

from __future__ import annotations

import contextlib
import logging
from typing import List

import nn_tilde
import torch
import torch.nn as nn

from ..errors import UserError
from ..ginconf import quiet_root_logger
from . import weights as W
from .protocol import ExportGetters


@contextlib.contextmanager
def _rave_export_module():
    """acids-rave's export script as a module: importing it turns gradients off process-wide and
    configures the root logger (INFO lines on stderr); both are kept quiet and put back."""
    grad = torch.is_grad_enabled()
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    silencer = logging.NullHandler()
    if not handlers:
        root.addHandler(silencer)  # basicConfig adds nothing to a root logger that has a handler
    root.setLevel(logging.CRITICAL)
    try:
        yield _load_export_script()
    finally:
        torch.set_grad_enabled(grad)
        for h in list(root.handlers):
            if h not in handlers:
                root.removeHandler(h)
        root.setLevel(level)


def _load_export_script():
    """acids-rave's `scripts/export.py` (installed as the top-level package `scripts`, a name this
    repository's own scripts folder shadows in a checkout): loaded from the distribution's files."""
    import importlib.util
    import sys
    from importlib import metadata

    name = "_acids_rave_export_script"
    if name in sys.modules:
        return sys.modules[name]
    path = metadata.distribution("acids-rave").locate_file("scripts/export.py")
    spec = importlib.util.spec_from_file_location(name, str(path))
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except Exception:
        del sys.modules[name]
        raise
    return module


def script_class(model, export) -> type:
    """The `ScriptedRAVE` subclass `rave export` uses for this model's encoder."""
    import rave.blocks as rb

    for kind, cls in ((rb.VariationalEncoder, export.VariationalScriptedRAVE),
                      (rb.DiscreteEncoder, export.DiscreteScriptedRAVE),
                      (rb.WasserteinEncoder, export.WasserteinScriptedRAVE),
                      (rb.SphericalEncoder, export.SphericalScriptedRAVE)):
        if isinstance(model.encoder, kind):
            return cls
    raise UserError(f"encoder {type(model.encoder).__name__} cannot be exported: neither this exporter nor "
                    "acids-rave's `rave export` supports it")


def streaming_caches(module: nn.Module) -> List[torch.Tensor]:
    """Every cached_conv cache under `module` (padding caches and transposed-convolution
    overlap caches), as made by a first call."""
    import cached_conv as cc

    caches = []
    for m in module.modules():
        if isinstance(m, cc.convs.CachedPadding1d) and m.padding and hasattr(m, "pad"):
            caches.append(m.pad)
        elif isinstance(m, cc.convs.CachedConvTranspose1d) and hasattr(m, "cache"):
            caches.append(m.cache)
    return caches


# The nn~ attributes acids-rave's ScriptedRAVE registers (AdaIN's: every model has them).
PASSED_ATTRIBUTES = ("learn_target", "reset_target", "learn_source", "reset_source")


class WrappedRAVE(nn_tilde.Module, ExportGetters):
    """acids-rave's scripted RAVE (`inner`) with this project's protocol around it.

    The methods are the inner model's (same channels, ratios and labels), and so are its nn~
    attributes (learn/reset target/source, for AdaIN), passed through to the inner model.
    """

    def __init__(self, inner: nn.Module, buffer_size: int, model_delay: int, max_batch: int):
        super().__init__()
        self.inner = inner
        ratio = int(inner.encode_params[3])
        self.set_info(int(inner.sr), ratio, buffer_size, model_delay)
        self.latent_size = int(inner.latent_size)
        self.full_latent_size = int(inner.full_latent_size)
        self.set_export_info(max_batch, "fp32", W.PLATFORMS["fp32"])
        self.caches = streaming_caches(inner)
        for name in ("encode", "decode", "forward"):
            p = [int(v) for v in getattr(inner, f"{name}_params")]
            self.register_method(name, p[0], p[1], p[2], p[3], list(getattr(inner, f"{name}_input_labels")),
                                 list(getattr(inner, f"{name}_output_labels")), test_method=False)
        for name in inner.get_attributes()[1:]:
            if name in PASSED_ATTRIBUTES:
                self.register_attribute(name, getattr(inner, name))

    def _check_batch(self, n: int):
        if n > self.max_batch:
            raise RuntimeError("batch larger than the export's max batch: re-export with a larger --max-batch")

    @torch.jit.export
    def encode(self, x: torch.Tensor) -> torch.Tensor:
        self._check_batch(x.shape[0])
        return self.inner.encode(torch.nan_to_num(x, 0.0, 0.0, 0.0))

    @torch.jit.export
    def decode(self, z: torch.Tensor) -> torch.Tensor:
        self._check_batch(z.shape[0])
        return self.inner.decode(torch.nan_to_num(z, 0.0, 0.0, 0.0), False)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        self._check_batch(x.shape[0])
        return self.inner.decode(self.inner.encode(torch.nan_to_num(x, 0.0, 0.0, 0.0)), True)

    @torch.jit.export
    def reset(self):
        """Zero every streaming cache (AdaIN statistics are reset by its attributes)."""
        for cache in self.caches:
            cache.zero_()

    # the inner model's attributes, passed through
    @torch.jit.export
    def get_learn_target(self) -> bool:
        return self.inner.get_learn_target()

    @torch.jit.export
    def set_learn_target(self, value: bool) -> int:
        return self.inner.set_learn_target(value)

    @torch.jit.export
    def get_reset_target(self) -> bool:
        return self.inner.get_reset_target()

    @torch.jit.export
    def set_reset_target(self, value: bool) -> int:
        return self.inner.set_reset_target(value)

    @torch.jit.export
    def get_learn_source(self) -> bool:
        return self.inner.get_learn_source()

    @torch.jit.export
    def set_learn_source(self, value: bool) -> int:
        return self.inner.set_learn_source(value)

    @torch.jit.export
    def get_reset_source(self) -> bool:
        return self.inner.get_reset_source()

    @torch.jit.export
    def set_reset_source(self, value: bool) -> int:
        return self.inner.set_reset_source(value)


def _nominal_delay(model, ratio: int) -> tuple[int, bool]:
    """The streamed model's delay in samples and whether it is causal, for the blocks the
    delay walk knows (v2 and unknown layers without convolutions); v1 blocks by their own
    cumulative delays."""
    import rave.blocks as rb

    from . import convert as C
    from .nn import _pqmf_round_trip_delay

    enc = model.encoder.encoder
    n_band = int(model.pqmf.n_band) if model.pqmf is not None else 1
    if isinstance(enc, rb.Encoder) and isinstance(model.decoder, rb.Generator):
        delay = int(model.decoder.cumulative_delay) * n_band + int(enc.cumulative_delay) * ratio
        causal = int(enc.cumulative_delay) == 0
    else:
        out_rate = n_band if model.output_mode == "pqmf" else 1
        delay = round(C.stream_delay(enc) * ratio + C.stream_delay(model.decoder) * out_rate)
        causal = C.v2_causal(model) if isinstance(enc, rb.EncoderV2) else False
    if model.pqmf is not None and model.input_mode == "pqmf" and model.output_mode == "pqmf":
        delay += _pqmf_round_trip_delay(_Analysis(model.pqmf), _Synthesis(model.pqmf), n_band)
    return int(delay), bool(causal)


def _Analysis(pqmf):
    from .convert import Analysis

    return Analysis(pqmf, 1)


def _Synthesis(pqmf):
    from .convert import Synthesis

    return Synthesis(pqmf, 1)


def build_wrapped(model, fidelity: float, buffer: int | None, max_batch: int, reason: str):
    """(WrappedRAVE, facts) for a streaming-built `rave.RAVE` with weight norm removed."""
    import cached_conv as cc

    from .nn import check_buffer

    if max_batch > cc.MAX_BATCH_SIZE:
        raise UserError(f"max batch {max_batch}: acids-rave's streaming caches hold at most {cc.MAX_BATCH_SIZE}")
    with _rave_export_module() as export, quiet_root_logger(), torch.no_grad():
        cls = script_class(model, export)
        try:
            inner = cls(pretrained=model, channels=None, fidelity=fidelity, target_sr=None, prior=None)
        except Exception as exc:
            raise UserError(f"acids-rave's export cannot build this model: {exc}") from exc
        # As `rave export` does before scripting: one encode and decode make every cache.
        x = torch.zeros(1, int(model.n_channels), 2 ** 14)
        inner.decode(inner.encode(x))
    ratio = int(inner.encode_params[3])
    buffer = ratio if buffer is None else int(buffer)
    check_buffer(buffer, ratio)
    delay, causal = _nominal_delay(model, ratio)
    with quiet_root_logger():
        module = WrappedRAVE(inner, buffer, delay, max_batch).eval()
    module.reset()
    return module, {"ratio": ratio, "buffer": buffer, "model_delay": delay, "causal": causal,
                    "sample_rate": int(inner.sr), "latent_size": module.latent_size,
                    "streaming": f"wrapped (acids-rave's own streaming modules: the fast path does not cover "
                                 f"this model: {reason})"}
