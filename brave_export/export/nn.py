"""`brave-export nn`: a training run to a streaming TorchScript model for nn~."""

from __future__ import annotations

import contextlib
import math
import sys
from pathlib import Path

import torch

from ..errors import UserError
from ..fileio import atomic_paths, check_writable
from ..hosts import next_power_of_two
from ..ginconf import quiet_root_logger
from ..readiness import check_ready
from ..checkpoints import Run, load_model, locate, read_checkpoint
from . import convert as C
from . import weights as W
from .layers import half_product_names, half_weights
from .model import StreamingRAVE
from ..latency.card import save_with_card
from .sidecar import ExportFacts, sidecar_path, write_sidecar

MAX_BUFFER = 16384


def allowed_buffers(ratio: int) -> list[int]:
    """Buffers nn~ can run a model of this ratio at: powers of two, multiples of the ratio."""
    first = next_power_of_two(ratio)
    return [b for b in (first << i for i in range(16)) if b % ratio == 0 and b <= max(MAX_BUFFER, first)]


def check_buffer(buffer: int, ratio: int) -> None:
    allowed = allowed_buffers(ratio)
    if buffer not in allowed:
        raise UserError(
            f"buffer {buffer} does not fit a model of ratio {ratio}: it must be a power of two and a "
            f"multiple of {ratio} (allowed: {', '.join(map(str, allowed[:6]))}, ...)"
        )


@contextlib.contextmanager
def _streaming_build():
    import cached_conv as cc

    cc.use_cached_conv(True)
    try:
        yield
    finally:
        cc.use_cached_conv(False)


def _latent_size(fidelity_curve: torch.Tensor, fidelity: float) -> int:
    size = max(int(torch.argmax((fidelity_curve > fidelity).long())), 1)
    return 2 ** math.ceil(math.log2(size))


def _pqmf_round_trip_delay(analysis, synthesis, n_band: int) -> int:
    """Where an impulse comes out of the streaming PQMF analysis + synthesis."""
    n = 64 * n_band
    x = torch.zeros(1, 1, 4 * n)
    x[..., 0] = 1.0
    with torch.no_grad():
        y = torch.cat([synthesis(analysis(c[0].T)) for c in x.split(n, -1)], -1)
    analysis.reset()
    synthesis.reset()
    return int(y.abs().argmax())


def build_streaming(run: Run, fidelity: float = 0.95, buffer: int | None = None, max_batch: int = 1,
                    data: dict | None = None, weights: str = "fp32"):
    """The export as a Python module (not yet scripted) and the facts about it."""
    import cached_conv as cc

    if not 0.1 <= fidelity <= 0.999:
        raise UserError(f"fidelity {fidelity} is out of range: use a value between 0.1 and 0.999")
    if max_batch < 1:
        raise UserError(f"max batch {max_batch} must be at least 1")
    with _streaming_build():
        model = load_model(run, data)
    return build_streaming_from_model(model, fidelity, buffer, max_batch, weights)


def build_streaming_from_model(model, fidelity: float = 0.95, buffer: int | None = None, max_batch: int = 1,
                               weights: str = "fp32"):
    """As `build_streaming`, from a `rave.RAVE` already built in streaming mode (cached_conv on).

    The fast path (our streaming layers) takes every model whose blocks it covers; any other
    model acids-rave's `rave export --streaming` exports takes the wrapped path (acids-rave's
    own streaming modules inside our protocol). `info["streaming"]` says which, and why.
    """
    reason = C.fast_path_refusal(model)
    W.fold_weight_norm(model)
    if reason is None:
        try:
            return _build_fast(model, fidelity, buffer, max_batch, weights)
        except C.Unsupported as exc:
            reason = str(exc)
    from .wrapped import build_wrapped

    if weights != "fp32":
        raise UserError(f"--weights {weights} needs the fast path, which this model cannot take ({reason}): "
                        "export it with --weights fp32")
    return build_wrapped(model, fidelity, buffer, max_batch, reason)


def _build_fast(model, fidelity: float, buffer: int | None, max_batch: int, weights: str):
    import cached_conv as cc

    n_band = int(model.pqmf.n_band)
    encoder_strides = [m.stride[0] for m in model.encoder.encoder.modules() if isinstance(m, cc.convs.CachedConv1d)]
    ratio = n_band * math.prod(encoder_strides)
    buffer = ratio if buffer is None else int(buffer)
    check_buffer(buffer, ratio)

    analysis = C.Analysis(model.pqmf, max_batch)
    synthesis = C.Synthesis(model.pqmf, max_batch)
    latent_size = _latent_size(model.fidelity, fidelity)
    encoder, head = C.convert_encoder(model, latent_size, max_batch)
    pqmf_delay = _pqmf_round_trip_delay(analysis, synthesis, n_band)
    if C.is_v2(model):
        trunk, synth = C.convert_generator_v2(model.decoder, max_batch)
        causal = C.v2_causal(model)
        # Delays in samples: the encoder's in latent steps, the decoder's at its output rate.
        encoder_delay = C.stream_delay(model.encoder.encoder) * ratio
        if model.output_mode == "raw":
            synthesis = C.RawOutput()
            latency = pqmf_delay // 2 + round(encoder_delay + C.stream_delay(model.decoder))
        else:
            latency = pqmf_delay + round(encoder_delay + C.stream_delay(model.decoder) * n_band)
        blocks = "EncoderV2/GeneratorV2"
    else:
        trunk, synth = C.convert_generator(model.decoder, n_band, max_batch)
        causal = model.encoder.encoder.cumulative_delay == 0 and all(
            m.cache.padding == (m.kernel_size[0] - 1) * m.dilation[0]
            for m in model.modules() if isinstance(m, cc.convs.CachedConv1d)
        )
        latency = (pqmf_delay
                   + int(model.decoder.cumulative_delay) * n_band
                   + int(model.encoder.encoder.cumulative_delay) * ratio)
        blocks = "Encoder/Generator"
    with quiet_root_logger():
        module = StreamingRAVE(
            analysis, encoder, head, trunk, synth, synthesis,
            latent_pca=model.latent_pca, latent_mean=model.latent_mean, fidelity=model.fidelity,
            latent_size=latent_size, sample_rate=int(model.sr), ratio=ratio,
            buffer_size=buffer, model_delay=latency, max_batch=max_batch,
            weights=weights, platforms=W.PLATFORMS[weights],
        ).eval()
    if weights == "fp16":
        half_weights(module)
    # the facts of the model as built, named as ExportFacts' fields
    return module, {"ratio": ratio, "buffer": buffer, "model_delay": latency, "causal": causal,
                    "sample_rate": int(model.sr), "latent_size": module.latent_size,
                    "streaming": f"fast ({blocks} as this project's streaming layers)"}


def preserved_attributes(module) -> list[str]:
    """What a frozen export must keep: nn~'s methods, their parameters and labels, our API."""
    methods = list(module.get_methods())
    names = ["reset", "get_methods", "get_attributes", "get_sample_rate", "get_ratio", "get_buffer_size",
             "get_latency_samples", "get_max_batch", "get_weights", "get_platforms", "latent_size",
             "full_latent_size"]
    for m in methods:
        names += [m, f"{m}_params", f"{m}_input_labels", f"{m}_output_labels"]
    for a in module.get_attributes()[1:]:
        names += [a, f"{a}_params", f"get_{a}", f"set_{a}"]
    return names


def script(module):
    """TorchScript, frozen: weights and layer settings become constants of the graph, which
    removes attribute look-ups and settled branches from every call; caches stay mutable.
    The wrapped path's module (acids-rave's own, whose caches are updated in place) is
    scripted as `rave export` scripts it, not frozen."""
    from .wrapped import WrappedRAVE

    if isinstance(module, WrappedRAVE):
        try:
            with quiet_root_logger():
                return torch.jit.script(module.eval())
        except Exception as exc:
            first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            raise UserError(f"acids-rave's streaming model cannot be scripted for nn~: {first}") from exc
    scripted = torch.jit.script(module.eval())
    return torch.jit.freeze(scripted, preserved_attrs=preserved_attributes(module) + half_product_names(module))


def stream(method, x: torch.Tensor, block: int) -> torch.Tensor:
    """Run `method` over `x` in consecutive calls of `block` samples (last axis)."""
    return torch.cat([method(c) for c in x.split(block, -1)], -1)


def self_test(scripted, buffer: int, ratio: int, seconds: float = 2.0) -> None:
    """Shapes at `buffer`, streaming consistency, NaN recovery; leaves the state reset."""
    n = max(4 * buffer, int(seconds * scripted.get_sample_rate()) // (4 * buffer) * 4 * buffer)
    gen = torch.Generator().manual_seed(0)
    x = torch.randn(1, 1, n, generator=gen) * 0.1
    latent = scripted.latent_size
    with torch.inference_mode():
        for name, shape_in, shape_out in (
            ("forward", (1, 1, buffer), (1, 1, buffer)),
            ("encode", (1, 1, buffer), (1, latent, buffer // ratio)),
            ("decode", (1, latent, buffer // ratio), (1, 1, buffer)),
        ):
            scripted.reset()
            y = getattr(scripted, name)(torch.zeros(shape_in))
            if tuple(y.shape) != shape_out:
                raise UserError(f"self-test failed: {name} at buffer {buffer} gave {tuple(y.shape)}, expected {shape_out}")
        # Streaming consistency needs a deterministic encode: latent noise off where the model
        # has the switch (the wrapped path's sampling is acids-rave's, always on: skipped).
        if "latent_noise" in scripted.get_attributes():
            scripted.set_latent_noise(False)
            scripted.reset()
            a = stream(scripted.encode, x, buffer)
            scripted.reset()
            b = scripted.encode(x)
            scripted.reset()
            scripted.set_latent_noise(True)
            err = float((a - b).abs().max())
            if not err < 1e-4:
                raise UserError(f"self-test failed: streaming encode at buffer {buffer} differs from one call by "
                                f"{err:.2e}")
        bad = torch.full((1, 1, buffer), float("nan"))
        scripted.forward(bad)
        y = scripted.forward(x[..., :buffer])
        scripted.reset()
        if not bool(torch.isfinite(y).all()):
            raise UserError("self-test failed: the model does not recover from NaN input")


def object_text(path: Path, buffer: int, ratio: int) -> str:
    """The nn~ object for this export: buffer 0 (in the audio thread) when it is the ratio."""
    return f"nn~ {path.name} forward {0 if buffer == ratio else buffer}"


def default_output(run: Run, buffer: int, weights: str = "fp32") -> Path:
    """RUN/NAME_b<buffer>.ts, and NAME_b<buffer>_fp16.ts for half-precision weights, so the two
    exports of one run sit side by side (the names the demo uses)."""
    name = run.config.parent.name
    return run.config.parent / f"{name}_b{buffer}{'' if weights == 'fp32' else '_' + weights}.ts"


def half_precision_error_db(run: Run, data: dict, fidelity: float, buffer: int, max_batch: int,
                            scripted_fp16, seconds: float = 10.0) -> float:
    """The fp16 model's `forward` against the float32 export of the same checkpoint over
    `seconds` of the test audio, latent noise off, streamed at `buffer`: error energy in dB."""
    from ..audio import phrase

    reference = script(build_streaming(run, fidelity, buffer, max_batch, data, "fp32")[0])
    x = torch.from_numpy(phrase(seconds, seed=3)).float()[None, None]
    x = x[..., : x.shape[-1] // buffer * buffer]
    outs = []
    for m in (reference, scripted_fp16):
        m.set_latent_noise(False)
        with torch.inference_mode():
            m.reset()
            outs.append(stream(m.forward, x, buffer))
            m.reset()
        m.set_latent_noise(True)
    return W.error_db(outs[0], outs[1])


def export_nn(run_path, output=None, buffer: int | None = None, fidelity: float = 0.95, max_batch: int = 1,
              force: bool = False, log=lambda msg: print(msg, file=sys.stderr, flush=True),
              allow_unready: bool = False, weights: str = "fp32") -> ExportFacts:
    """Export a run for nn~; checks it at `buffer` before writing; never overwrites without `force`.

    A checkpoint saved before any validation (latent PCA never fitted) is refused unless `allow_unready`.
    `weights="fp16"` stores every product's weights in half precision (x86-64 only); the
    export measures its error against the float32 export and refuses above -60 dB.
    """
    W.check_format(weights)
    W.check_available(weights)
    run = locate(run_path)
    data = read_checkpoint(run.checkpoint)
    check_ready(run, data, allow_unready, log)
    if output is not None:
        check_writable(Path(output), force)
    module, info = build_streaming(run, fidelity, buffer, max_batch, data, weights)
    out = Path(output) if output is not None else default_output(run, info["buffer"], weights)
    if out.suffix != ".ts":
        raise UserError(f"output {out} must end in .ts (nn~ looks for that extension)")
    check_writable(out, force)
    sidecar = sidecar_path(out)
    if not info["causal"]:
        ms = 1000.0 * info["model_delay"] / info["sample_rate"]
        log(f"warning: this model is not causal: streaming it adds {info['model_delay']} samples "
            f"({ms:.1f} ms) of delay")
    log(f"streaming path: {info['streaming']}")
    log(f"built streaming model from {run.checkpoint.name}; scripting")
    scripted = script(module)
    log(f"self-test at buffer {info['buffer']}")
    self_test(scripted, info["buffer"], info["ratio"])
    fp16_db = None
    if weights == "fp16":
        fp16_db = half_precision_error_db(run, data, fidelity, info["buffer"], max_batch, scripted)
        log(f"fp16 weights: forward over 10 s of test audio differs from the fp32 export by {fp16_db:.1f} dB "
            f"(limit -{W.MIN_FIDELITY_DB:.0f} dB)")
        if not fp16_db <= -W.MIN_FIDELITY_DB:
            raise UserError(f"fp16 weights are too coarse for this model: error {fp16_db:.1f} dB relative to the "
                            f"signal, above -{W.MIN_FIDELITY_DB:.0f} dB; export with --weights fp32")
    result = ExportFacts(
        path=out.resolve(), sidecar=sidecar.resolve(), **info, max_batch=max_batch,
        object_text=object_text(out, info["buffer"], info["ratio"]), weights=weights,
        platforms=W.PLATFORMS[weights], torch_version=torch.__version__,
        checkpoint=str(run.checkpoint), config=str(run.config), fp16_error_db=fp16_db,
    )
    with atomic_paths(out, sidecar) as (tmp_model, tmp_meta):
        scripted.save(str(tmp_model))
        card = _measure_card(tmp_model, log)
        save_with_card(scripted, tmp_model, card)
        _check_reload(tmp_model, scripted, info["buffer"])
        result = result.with_card(card)
        write_sidecar(result, tmp_meta)
    log(f"wrote {out} and {sidecar.name}")
    return result


def _measure_card(saved: Path, log):
    """The latency card of the file just saved (a fresh copy: the exported module keeps its state)."""
    from ..latency.card import CARD_TRIALS, measure_card
    from ..latency.signals import TESTS

    log(f"measuring the latency card: {len(TESTS)} test bursts x {CARD_TRIALS} trials through the model at its "
        "ratio, no host buffering (about 2,000 calls: seconds on free cores, a minute on a busy machine)")
    card = measure_card(saved, progress=True)
    log(f"latency card: {card.describe()}")
    return card


def _check_reload(path: Path, scripted, buffer: int) -> None:
    loaded = torch.jit.load(str(path))
    x = torch.randn(1, 1, 4 * buffer, generator=torch.Generator().manual_seed(1)) * 0.1
    with torch.inference_mode():
        outs = []
        for m in (scripted, loaded):
            m.reset()
            torch.manual_seed(0)
            outs.append(stream(m.forward, x, buffer))
            m.reset()
    if not torch.equal(outs[0], outs[1]):
        raise UserError("the saved model does not reproduce the model before saving: export aborted")
