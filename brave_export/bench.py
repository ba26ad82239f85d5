"""Timing nn~ models call by call, as a host would run them: one buffer per call, one thread.

The figures that matter for live use are per call: the median is the steady cost, the 99th
percentile is what decides dropouts. The real-time factor divides the time per call by the
audio duration of the buffer; a host needs it well below 1 because the audio thread does
other work too, so the recommendation asks for a median factor of at most 0.5 and a p99
below 1.
"""

from __future__ import annotations

import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np
import torch

from .errors import UserError
from .modelfacts import Method, ModelFacts, model_facts

DEFAULT_BUFFERS = (128, 256, 512, 2048)
DEFAULT_CALLS = 2000
WARMUP_CALLS = 50
RECOMMEND_RTF = 0.5


@dataclass
class Timing:
    method: str
    buffer: int
    calls: int
    median_ms: float
    p99_ms: float
    mean_ms: float
    max_ms: float
    rtf: float
    rtf_p99: float

    @classmethod
    def from_samples(cls, method: str, buffer: int, seconds: np.ndarray, sample_rate: int) -> "Timing":
        ms = np.asarray(seconds) * 1e3
        duration_ms = 1e3 * buffer / sample_rate
        median, p99 = float(np.median(ms)), float(np.percentile(ms, 99))
        return cls(method, buffer, len(ms), median, p99, float(ms.mean()), float(ms.max()),
                   median / duration_ms, p99 / duration_ms)


@dataclass
class BenchReport:
    path: str
    sample_rate: int
    ratio: int
    threads: int
    nodes: dict[str, int]
    timings: list[Timing] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    ops: dict[str, float] = field(default_factory=dict)  # method -> aten ops per call at ops_buffer
    ops_buffer: int = 0
    weights: str = "fp32"  # the export's weight format (get_weights), fp32 for other models

    def recommended_buffer(self, method: str = "forward") -> int | None:
        """The smallest measured buffer with median RTF <= 0.5 and p99 RTF < 1 (None: none)."""
        ok = [t.buffer for t in self.timings
              if t.method == method and t.rtf <= RECOMMEND_RTF and t.rtf_p99 < 1.0]
        return min(ok, default=None)

    def as_dict(self) -> dict:
        d = asdict(self)
        d["recommended_buffer"] = self.recommended_buffer()
        return d


def count_nodes(module, method: str) -> int:
    """Nodes of the method's graph with every call inlined, nested blocks included, constants not."""
    def count(block) -> int:
        n = 0
        for node in block.nodes():
            n += node.kind() != "prim::Constant"
            n += sum(count(b) for b in node.blocks())
        return n

    return count(getattr(module, method).inlined_graph)


def ops_per_call(module, method: Method, buffer: int, calls: int = 20) -> float:
    """Top-level aten ops one call of `method` dispatches (the profiler's events directly under
    the call), averaged over `calls` calls after a warm-up: what the interpreter pays per call.

    Deterministic for a model and buffer, so it is a measure that holds on a busy machine.
    The model's state is reset before and after.
    """
    from torch.profiler import ProfilerActivity, profile

    x = method_input(method, buffer)
    fn = getattr(module, method.name)
    reset(module)
    with torch.inference_mode():
        for _ in range(5):
            fn(x)
        with profile(activities=[ProfilerActivity.CPU]) as prof:
            for _ in range(calls):
                fn(x)
    reset(module)
    return sum(1 for e in prof.events() if e.cpu_parent is not None and e.cpu_parent.cpu_parent is None) / calls


# Matrix products: op -> (argument index of x (..., K), of the weights, whether those are (N, K)
# rather than (K, N)): linear(x, W), and x, W.T last for addmm(b, x, W.T), mm and matmul (the
# graph executor runs addmm as an mm that records addmm's three shapes). Nested ones (linear runs
# matmul, which runs mm) are counted once, at the outermost.
PRODUCT_OPS = {"aten::linear": (0, 1, True), "aten::addmm": (-2, -1, False), "aten::mm": (-2, -1, False),
               "aten::matmul": (-2, -1, False)}


@dataclass
class Arithmetic:
    products: int  # matrix products per call
    macs: int  # multiply-adds per call
    weight_bytes: int  # bytes of weight operands read per call (one read per product)


def arithmetic_per_call(module, method: Method, buffer: int) -> Arithmetic:
    """The matrix products of one call of `method` at `buffer` (after a warm-up call, which sizes
    the streaming state), from the profiler's recorded shapes: what a CPU must compute and read per
    call, whatever it is. Counts float products only: fp16 products (fbgemm's) and convolutions
    (rave export's) are not in it."""
    from torch.profiler import ProfilerActivity, profile

    x = method_input(method, buffer)
    fn = getattr(module, method.name)
    reset(module)
    with torch.inference_mode():
        fn(x)
        with profile(activities=[ProfilerActivity.CPU], record_shapes=True) as prof:
            fn(x)
    reset(module)
    products = macs = weight_bytes = 0
    for e in prof.events():
        parent, nested = e.cpu_parent, False
        while parent is not None:
            nested |= parent.name in PRODUCT_OPS
            parent = parent.cpu_parent
        if e.name not in PRODUCT_OPS or nested:
            continue
        xi, wi, out_first = PRODUCT_OPS[e.name]
        x_shape, w_shape = e.input_shapes[xi], e.input_shapes[wi]
        rows, k = int(np.prod(x_shape[:-1])), x_shape[-1]
        n = w_shape[0] if out_first else w_shape[-1]
        products += 1
        macs += rows * k * n
        weight_bytes += k * n * 4  # float32
    return Arithmetic(products, macs, weight_bytes)


def sample_rate_of(facts: ModelFacts) -> int:
    sr = facts.sample_rate
    if sr is None:
        raise UserError("the model reports no sample rate (get_sample_rate() or sr): cannot compute real-time factors")
    return sr


def method_input(m: Method, buffer: int, seed: int = 0) -> torch.Tensor:
    """A plausible input for one call: noise at speech level for audio, unit noise for latents."""
    gen = torch.Generator().manual_seed(seed)
    scale = 0.1 if m.in_ratio == 1 else 1.0
    return torch.randn(1, m.in_channels, buffer // m.in_ratio, generator=gen) * scale


class Runner:
    """One method of one model at one buffer, timed call by call on the same input."""

    def __init__(self, module, method: Method, buffer: int):
        self.module = module
        self.fn = getattr(module, method.name)
        self.x = method_input(method, buffer)

    def warm_up(self, calls: int = WARMUP_CALLS) -> None:
        with torch.inference_mode():
            for _ in range(calls):
                self.fn(self.x)

    def time(self, calls: int) -> np.ndarray:
        out = np.empty(calls)
        fn, x = self.fn, self.x
        with torch.inference_mode():
            for i in range(calls):
                t0 = time.perf_counter()
                fn(x)
                out[i] = time.perf_counter() - t0
        return out


def reset(module) -> None:
    # Inside inference mode: state a model rebuilt during inference is an inference tensor.
    if hasattr(module, "reset"):
        with torch.inference_mode():
            module.reset()


def fitting_buffers(buffers: Iterable[int], ratio: int) -> tuple[list[int], list[int]]:
    fit = [b for b in buffers if b % ratio == 0]
    return fit, [b for b in buffers if b % ratio]


def progress_bar(total: int, desc: str, enabled: bool):
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, unit="call", file=sys.stderr, disable=not enabled, leave=False,
                mininterval=0.5)


def bench(model: str | Path | ModelFacts, buffers: Sequence[int] = DEFAULT_BUFFERS, threads: int = 1,
          methods: Sequence[str] = ("forward",), calls: int = DEFAULT_CALLS, progress: bool = True) -> BenchReport:
    """Median and p99 time per call of each method at each buffer (buffers that do not fit skipped)."""
    return bench_many([model], buffers, threads, methods, calls, progress)[0]


def bench_many(models: Sequence[str | Path | ModelFacts], buffers: Sequence[int] = DEFAULT_BUFFERS, threads: int = 1,
               methods: Sequence[str] = ("forward",), calls: int = DEFAULT_CALLS,
               progress: bool = True) -> list[BenchReport]:
    """`bench` of several files side by side: at each method and buffer the files take turns,
    100 calls each, so that whatever else the machine does hits them alike."""
    if threads < 1:
        raise UserError(f"--threads {threads}: give at least 1")
    if calls < 100:
        raise UserError(f"--calls {calls}: give at least 100, a p99 needs them")
    if not methods:
        raise UserError("--methods is empty: name at least one method, e.g. forward")
    facts = [model_facts(m) for m in models]
    before = torch.get_num_threads()
    torch.set_num_threads(threads)
    try:
        return _bench_plans(facts, buffers, threads, methods, calls, progress)
    finally:
        torch.set_num_threads(before)  # a library call leaves the process's setting as it found it


def _bench_plans(facts, buffers, threads, methods, calls, progress) -> list[BenchReport]:
    plans = []
    for f in facts:
        by_name = {name: f.method(name) for name in methods}
        fit, skipped = fitting_buffers(buffers, f.ratio)
        if not fit:
            raise UserError(f"{f.path}: none of the buffers {', '.join(map(str, buffers))} is a multiple of the "
                            f"model's ratio {f.ratio}: try --buffers {f.ratio},{2 * f.ratio},{4 * f.ratio}")
        report = BenchReport(str(f.path), sample_rate_of(f), f.ratio, threads,
                             {m: count_nodes(f.module, m) for m in methods},
                             skipped=[f"buffer {b} is not a multiple of the ratio {f.ratio}" for b in skipped])
        report.ops_buffer = fit[0]
        report.weights = f.weights or "fp32"
        report.ops = {m: ops_per_call(f.module, by_name[m], fit[0]) for m in methods}
        plans.append((f, by_name, fit, report))
    total = sum(len(fit) for _, _, fit, _ in plans) * len(methods) * (calls + WARMUP_CALLS)
    label = Path(facts[0].path).name if len(facts) == 1 else f"{len(facts)} models"
    with progress_bar(total, label, progress) as bar:
        for method in methods:
            for buffer in sorted({b for _, _, fit, _ in plans for b in fit}):
                runners = []
                for f, by_name, fit, report in plans:
                    if buffer in fit:
                        reset(f.module)
                        runner = Runner(f.module, by_name[method], buffer)
                        runner.warm_up()
                        bar.update(WARMUP_CALLS)
                        runners.append((runner, report, []))
                for chunk in _chunks(calls, 100):
                    for runner, _, samples in runners:
                        samples.append(runner.time(chunk))
                        bar.update(chunk)
                for _, report, samples in runners:
                    report.timings.append(Timing.from_samples(method, buffer, np.concatenate(samples),
                                                              report.sample_rate))
    for f in facts:
        reset(f.module)
    return [report for _, _, _, report in plans]


def recommended_by_format(reports: Sequence[BenchReport]) -> dict[str, int | None]:
    """Each weight format's smallest recommended forward buffer over the files measured."""
    out: dict[str, int | None] = {}
    for r in reports:
        best = r.recommended_buffer()
        known = out.get(r.weights)
        out[r.weights] = best if known is None else (known if best is None else min(known, best))
    return out


def file_to_play(reports: Sequence[BenchReport]) -> BenchReport | None:
    """The file recommended at the smallest buffer; on a tie the fp32 one, which runs everywhere
    nn~ runs. None when no file keeps up at any buffer measured."""
    ok = [r for r in reports if r.recommended_buffer() is not None]
    return min(ok, key=lambda r: (r.recommended_buffer(), r.weights != "fp32"), default=None)


def format_comparison(reports: Sequence[BenchReport]) -> str:
    """The recommendation per weight format and which file to play, for several files timed together."""
    per = recommended_by_format(reports)
    sr = reports[0].sample_rate
    parts = [f"{w} {b} ({1e3 * b / sr:.1f} ms)" if b is not None else f"{w} none of those measured"
             for w, b in per.items()]
    lines = ["recommended buffer per weight format on this machine: " + ", ".join(parts)]
    best = file_to_play(reports)
    if best is not None:
        lines.append(f"play {best.path} ({best.weights} weights) at buffer {best.recommended_buffer()}")
    return "\n".join(lines)


def _chunks(total: int, size: int) -> Iterable[int]:
    while total > 0:
        yield min(size, total)
        total -= size


def format_report(r: BenchReport) -> str:
    lines = [f"model {r.path}: {r.weights} weights, {r.sample_rate} Hz, ratio {r.ratio}, {r.threads} thread(s), "
             + ", ".join(f"{m}: {n} graph nodes" for m, n in r.nodes.items()),
             *([f"ops per call at buffer {r.ops_buffer}: " + ", ".join(f"{m} {n:.0f}" for m, n in r.ops.items())
                + " (top-level aten ops; each costs the interpreter microseconds)"] if r.ops else []),
             f"{'method':<8} {'buffer':>6} {'ms/call':>8} {'p99 ms':>8} {'max ms':>8} {'RTF':>6} {'RTF p99':>8}"]
    for t in r.timings:
        lines.append(f"{t.method:<8} {t.buffer:>6} {t.median_ms:>8.3f} {t.p99_ms:>8.3f} {t.max_ms:>8.3f} "
                     f"{t.rtf:>6.3f} {t.rtf_p99:>8.3f}")
    lines += [f"skipped: {s}" for s in r.skipped]
    best = r.recommended_buffer()
    if best is not None:
        lines.append(f"recommended buffer: {best} ({1e3 * best / r.sample_rate:.1f} ms) for this {r.weights} file: the "
                     f"smallest here with median RTF <= {RECOMMEND_RTF} and p99 RTF < 1 for forward")
    elif "forward" in r.nodes:
        lines.append(f"recommended buffer: none of those measured keeps median RTF <= {RECOMMEND_RTF} and p99 RTF < 1 "
                     "on this machine; try larger buffers or more --threads")
    return "\n".join(lines)


def format_reports(reports: Sequence[BenchReport], as_json: bool = False) -> str:
    """`brave-export bench` output: one report, or several side by side with a recommendation per
    weight format and the file to play."""
    import json

    if len(reports) == 1:
        return json.dumps(reports[0].as_dict(), indent=2) if as_json else format_report(reports[0])
    if as_json:
        best = file_to_play(reports)
        return json.dumps({"reports": [r.as_dict() for r in reports],
                           "recommended_by_format": recommended_by_format(reports),
                           "play": best.path if best else None}, indent=2)
    return "\n\n".join(format_report(r) for r in reports) + "\n\n" + format_comparison(reports)


def parse_methods(text: str) -> list[str]:
    """`--methods a,b`: the names, blanks dropped."""
    return [m.strip() for m in text.split(",") if m.strip()]


def parse_buffers(text: str) -> list[int]:
    try:
        values = [int(v) for v in text.split(",") if v.strip()]
    except ValueError:
        raise UserError(f"--buffers {text!r}: give comma-separated sample counts, e.g. 128,256,512,2048") from None
    if not values or min(values) < 1:
        raise UserError(f"--buffers {text!r}: give positive sample counts, e.g. 128,256,512,2048")
    return values
