"""Reading any nn~ model file: what it offers (`read_model`, once per file), and whether nn~
could run it (`inspect_model`).

The nn~ protocol names the model's own delay `get_latency_samples()` (and the export's sidecar
`latency_samples`); in Python it is `model_delay` everywhere. That is the delay the model declares
(for our exports, the nominal PQMF round trip); the delay it was measured to have is its latency
card (`card`, brave_export.latency.card), and `own_delay()` is the one choice between the two that
every latency figure uses.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import torch

from .errors import UserError
from .export.sidecar import ExportFacts, read_sidecar
from .latency.card import read_card

INFO_METHODS = ("get_sample_rate", "get_ratio", "get_buffer_size", "get_latency_samples", "get_max_batch")
TEXT_INFO_METHODS = ("get_weights", "get_platforms")


@dataclass
class Method:
    name: str
    in_channels: int
    in_ratio: int
    out_channels: int
    out_ratio: int
    input_labels: list[str] = field(default_factory=list)
    output_labels: list[str] = field(default_factory=list)


@dataclass
class ModelReport:
    path: str
    size_bytes: int
    methods: list[Method]
    attributes: list[str]
    metadata: dict
    higher_ratio: int
    problems: list[str]
    warnings: list[str] = field(default_factory=list)
    # the latency card's figures (median, p10, p90 in samples, detection_rate 0..1); None with the reason
    measured_latency: dict | None = None
    measured_latency_reason: str | None = None

    def as_dict(self) -> dict:
        return asdict(self)


def load(path: str | Path):
    p = Path(path)
    if not p.is_file():
        raise UserError(f"{p} does not exist: pass an exported .ts model")
    try:
        return torch.jit.load(str(p), map_location="cpu")
    except Exception as exc:
        side = read_sidecar(p)
        if side is not None and side.weights == "fp16":
            from .export.weights import half_precision_unavailable

            reason = half_precision_unavailable()
            if reason is not None:
                raise UserError(f"{p} has fp16 weights, which run on {side.platforms or 'x86-64'}: "
                                f"{reason}; export it again with --weights fp32") from exc
        raise UserError(f"{p} is not a TorchScript model torch {torch.__version__.split('+')[0]} can load "
                        f"({str(exc).strip().splitlines()[0][:120]})") from exc


def torch_warnings(facts: "ModelFacts") -> list[str]:
    """A warning when the running torch is older than the one that wrote the model."""
    from .export.weights import older_torch

    written = facts.torch_version
    if isinstance(written, str) and older_torch(written):
        return [f"written by torch {written}, running torch {torch.__version__}: models scripted by a newer "
                "torch often fail to load in an older nn~ / libtorch"]
    return []


def _has(module, name: str) -> bool:
    try:
        getattr(module, name)
        return True
    except (AttributeError, RuntimeError):
        return False


def method_names(module) -> list[str]:
    """`get_methods()`, or (as nn~ falls back) every attribute named `*_params` that is a method."""
    if _has(module, "get_methods"):
        return list(module.get_methods())
    names = [n.removesuffix("_params") for n, _ in module.named_buffers() if n.endswith("_params")]
    return [n for n in names if _has(module, n) and not _has(module, f"get_{n}")]


def _labels(module, name: str) -> list[str]:
    try:
        return list(getattr(module, name))
    except (AttributeError, RuntimeError, TypeError):
        return []


def list_methods(module) -> tuple[list[Method], list[str]]:
    """The methods nn~ would see, with their `*_params`; and what is wrong with the others."""
    problems: list[str] = []
    methods: list[Method] = []
    names = method_names(module)
    if not names:
        problems.append("no methods: neither get_methods() nor any *_params buffer")
    for name in names:
        if not _has(module, f"{name}_params"):
            problems.append(f"method {name} has no {name}_params buffer")
            continue
        params = getattr(module, f"{name}_params")
        values = [int(v) for v in params.tolist()] if isinstance(params, torch.Tensor) else []
        if len(values) != 4 or min(values, default=0) < 1:
            problems.append(f"{name}_params must hold 4 positive integers, has {values}")
            continue
        methods.append(Method(name, *values, _labels(module, f"{name}_input_labels"),
                              _labels(module, f"{name}_output_labels")))
    return methods, problems


def higher_ratio(methods: list[Method]) -> int:
    """nn~'s minimal buffer unit: the largest in or out ratio over all methods."""
    return max([max(m.in_ratio, m.out_ratio) for m in methods], default=1)


def _sample_rate_attribute(module) -> int | None:
    """A RAVE export's `sr` attribute (or a like name), for models without get_sample_rate()."""
    for attr in ("sr", "sample_rate", "sampling_rate"):
        try:
            v = getattr(module, attr)
        except (AttributeError, RuntimeError):
            continue
        if isinstance(v, (int, float)) and v > 0:
            return int(v)
    return None


def _info(module) -> tuple[dict, list[str]]:
    """The answers of the protocol's info getters the model has, by name without `get_`; and
    the getters that fail."""
    info, problems = {}, []
    for getters, cast in ((INFO_METHODS, int), (TEXT_INFO_METHODS, str)):
        for getter in getters:
            if _has(module, getter):
                try:
                    info[getter.removeprefix("get_")] = cast(getattr(module, getter)())
                except Exception:
                    problems.append(f"{getter}() fails")
    return info, problems


@dataclass(frozen=True)
class ModelFacts:
    """What one nn~ model file says about itself, read once by `read_model`.

    `module` is the loaded TorchScript module, so that a caller that also runs the model (bench,
    latency) does not load the file again.
    """
    path: Path
    module: Any = field(repr=False, compare=False)
    methods: tuple[Method, ...]
    problems: tuple[str, ...]  # why nn~ could not list a method, then getters that fail
    ratio: int  # nn~'s buffer unit: the largest in or out ratio over all methods
    sample_rate: int | None  # get_sample_rate(), else a RAVE export's `sr`; None when unsaid
    model_delay: int | None  # the model's own delay in samples (get_latency_samples())
    buffer_size: int | None  # get_buffer_size(): the buffer the export was made for
    max_batch: int | None
    weights: str | None  # get_weights(): fp32 or fp16 (our exports)
    platforms: str | None
    attributes: tuple[str, ...]
    info: dict = field(compare=False)  # every info getter's answer, by name without `get_`
    sidecar: ExportFacts | None = field(compare=False)  # the export's MODEL.json next to the file
    card: Any = field(default=None, compare=False)  # the latency card inside the .ts (LatencyCard), if any

    @property
    def torch_version(self) -> str | None:
        """The torch that wrote the model, as its sidecar says (None without one)."""
        return self.sidecar.torch_version if self.sidecar is not None else None

    def has(self, name: str) -> bool:
        return _has(self.module, name)

    def own_delay(self) -> tuple[int | None, str]:
        """The model's own delay for latency figures and dry delays, with what it is: the latency
        card's median when the card has figures, else the nominal delay (saying why)."""
        card = self.card
        if card is not None and card.measurable:
            return card.median_samples, (f"measured (latency card: median of {card.trials} trials; nominal "
                                         f"{self.model_delay if self.model_delay is not None else 'unstated'})")
        why = (f"latency card: not measurable: {card.reason}" if card is not None
               else f"no latency card: `brave-export card {self.path.name}` measures one")
        return self.model_delay, f"nominal ({why})"

    def method(self, name: str) -> Method:
        """The method called `name`; a clear error when the model has no methods or not that one."""
        if not self.methods:
            raise UserError(f"{self.path} is not an nn~ model: {self.problems[0] if self.problems else 'no methods'}")
        found = next((m for m in self.methods if m.name == name), None)
        if found is None:
            raise UserError(f"{self.path} has no method '{name}' (it has: {', '.join(m.name for m in self.methods)})")
        return found


def read_model(path: str | Path) -> ModelFacts:
    """Load an nn~ model once and read everything it says about itself (and its sidecar)."""
    p = Path(path)
    module = load(p)
    methods, problems = list_methods(module)
    info, info_problems = _info(module)
    return ModelFacts(
        path=p, module=module, methods=tuple(methods), problems=tuple(problems + info_problems),
        ratio=higher_ratio(methods),
        sample_rate=info.get("sample_rate") or _sample_rate_attribute(module),
        model_delay=info.get("latency_samples"), buffer_size=info.get("buffer_size"),
        max_batch=info.get("max_batch"), weights=info.get("weights"), platforms=info.get("platforms"),
        attributes=tuple(module.get_attributes()) if _has(module, "get_attributes") else (),
        info=info, sidecar=read_sidecar(p), card=read_card(p))


def model_facts(model: str | Path | ModelFacts) -> ModelFacts:
    """`model` itself when already read, else `read_model(model)`: callers take either."""
    return model if isinstance(model, ModelFacts) else read_model(model)


def inspect_model(model: str | Path | ModelFacts, buffer: int | None = None) -> ModelReport:
    """Describe an nn~ model and list every reason nn~ could not run it (empty: fine)."""
    facts = model_facts(model)
    module = facts.module
    problems = list(facts.problems)
    if buffer is not None:
        from .export.nn import check_buffer

        check_buffer(buffer, facts.ratio)  # a wrong --buffer is the user's fault, not the model's
    buffer = buffer or max(facts.ratio, 2048)
    with torch.inference_mode():
        for m in facts.methods:
            if not _has(module, m.name):
                problems.append(f"method {m.name} is listed but not exported")
                continue
            try:
                y = getattr(module, m.name)(torch.zeros(1, m.in_channels, buffer // m.in_ratio))
            except Exception as exc:
                problems.append(f"{m.name} fails on a ({1}, {m.in_channels}, {buffer // m.in_ratio}) input: "
                                f"{str(exc).strip().splitlines()[-1][:160]}")
                continue
            expected = (1, m.out_channels, buffer // m.out_ratio)
            if not isinstance(y, torch.Tensor) or tuple(y.shape) != expected:
                problems.append(f"{m.name} returned {tuple(getattr(y, 'shape', ()))} at buffer {buffer}, nn~ needs {expected}")
            elif y.dtype != torch.float32:
                problems.append(f"{m.name} returned {y.dtype}, nn~ needs float32")
        if _has(module, "reset"):
            module.reset()
    card = facts.card
    reason = None if card is not None and card.measurable else facts.own_delay()[1]
    return ModelReport(str(facts.path), facts.path.stat().st_size, list(facts.methods), list(facts.attributes),
                       dict(facts.info), facts.ratio, problems, torch_warnings(facts),
                       measured_latency=card.public() if card is not None else None, measured_latency_reason=reason)


def protocol_error(r: ModelReport) -> str | None:
    """The one line `brave-export inspect` ends with when nn~ could not run the model."""
    return f"{r.path} would not work in nn~: {r.problems[0]}" if r.problems else None


def format_report(r: ModelReport) -> str:
    lines = [f"{'model:':<17}{r.path}", f"{'size:':<17}{r.size_bytes / 1e6:.2f} MB",
             f"{'higher ratio:':<17}{r.higher_ratio}"]
    for m in r.methods:
        lines.append(f"method {m.name:<8} in {m.in_channels} ch (ratio {m.in_ratio}) -> "
                     f"out {m.out_channels} ch (ratio {m.out_ratio})")
        if m.input_labels:
            lines.append(f"    inputs:  {', '.join(m.input_labels[:3])}{' ...' if len(m.input_labels) > 3 else ''}")
        if m.output_labels:
            lines.append(f"    outputs: {', '.join(m.output_labels[:3])}{' ...' if len(m.output_labels) > 3 else ''}")
    lines.append(f"{'attributes:':<17}{', '.join(r.attributes) or '-'}")
    for k, v in r.metadata.items():
        lines.append(f"{k + ':':<17}{v}")
    m = r.measured_latency
    lines.append("measured latency: " + (
        f"median {m['median']:g} samples, p10 {m['p10']:g}, p90 {m['p90']:g}, detection rate "
        f"{m['detection_rate']:.0%} of {m['trials']} trials (latency card; nominal {m['nominal']})" if m
        else f"none; using the {r.measured_latency_reason}"))
    lines += [f"warning: {w}" for w in r.warnings]
    lines.append(f"{'protocol:':<17}" + ("ok" if not r.problems else "FAILED"))
    lines += [f"  - {p}" for p in r.problems]
    return "\n".join(lines)
