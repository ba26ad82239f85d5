"""Low-buffer configuration presets: host settings from configs/presets.toml, latency computed.

The data file names only settings (host, buffer argument, threading, Pd and Max block sizes);
every latency figure is computed from the host's buffering by `hosts.py` (the one home of each
host's added latency; brave~'s own is `brave::added_latency` in externals/engine/fifo.cpp,
nn~'s follows its public source, github.com/acids-ircam/nn_tilde):

- brave~ (Pd): with buffer B and Pd block N it adds exactly  L = B - gcd(B, N)  samples (0 when
  B divides N) when the model runs in the perform routine (threaded = false), K buffers more,
  (1 + K) B - gcd(B, N), in its worker mode with lookahead K (threaded = true:
  `[brave~ MODEL forward B -thread -lookahead K]`).
- nn~, Pd frontend, as measured (nn~ 1.6 from its public source, Pd 0.53.1): the frontend sizes
  its ring buffers with the 4096-sample default when the object is created, so BUFFER 0 (no
  thread, buffer = model ratio) came out 4096 - N samples late, BUFFER B > 0 (worker thread,
  one more buffer) 4096 + B - N; at the default B = 4096 that is 2 x 4096 - N.
- nn~, Max frontend: not measured here; the nominal figure of nn~'s buffer semantics with the
  signal vector size in the role of the block: B - N without a thread, 2B - N with one.

These are the object's own buffering latency, the figure `brave-export latency` and the Pd
latency patch measure. The audio interface's I/O buffering (Pd's audio buffer, Max's I/O
vector) comes on top and is listed separately.
"""

from __future__ import annotations

import tomllib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import UserError
from .hosts import NN_DEFAULT_BUFFER, brave_latency, nn_nominal_latency, nn_pd_latency  # noqa: F401 (re-exported)
from .hosts import is_power_of_two as _pow2, next_power_of_two as _next_pow2

if TYPE_CHECKING:
    from .modelfacts import ModelFacts

HOSTS = ("brave~", "nn~")
SAMPLE_RATES = (44100, 48000)
PD_TOP_BLOCK = 64  # Pd's top-level DSP block size
PRESET_WEIGHTS = ("any", "fp16")


# ------------------------------------------------------------------------------ the formulas

def effective_buffer(host: str, buffer: int, ratio: int) -> int:
    """The buffer the host really uses for a model of this ratio and BUFFER argument."""
    if host == "brave~":
        b = buffer or ratio
        return -(-b // ratio) * ratio  # brave~ rounds up to a multiple of the ratio (with a warning)
    if host == "nn~":
        if buffer == 0:
            return ratio
        return _next_pow2(max(buffer, ratio))  # nn~: at least the ratio, else the next power of two
    raise ValueError(f"unknown host {host!r}")


def ms(samples: float, sample_rate: int) -> float:
    return 1000.0 * samples / sample_rate


# ------------------------------------------------------------------------------ the presets

@dataclass
class Preset:
    name: str
    description: str
    ratio: int
    host: str
    buffer: int
    threaded: bool
    pd_block: int
    pd_audio_buffer_ms: float
    max_io_vector: int
    max_signal_vector: int
    notes: str = ""
    # The weight format the preset is tuned for: "fp16" where one call must be as light as it can
    # be (half the weight bytes per call), "any" where fp32 has room.
    weights: str = "any"
    # brave~ worker mode (threaded): results are taken this many buffers after their input.
    lookahead: int = 1

    # ---- derived
    def effective_buffer(self, ratio: int | None = None) -> int:
        return effective_buffer(self.host, self.buffer, ratio or self.ratio)

    def pd_latency_samples(self, ratio: int | None = None) -> int:
        b = self.effective_buffer(ratio)
        if self.host == "brave~":
            return brave_latency(b, self.pd_block, worker=self.threaded, lookahead=self.lookahead)
        return nn_pd_latency(b, self.pd_block, self.threaded)

    def max_buffer_argument(self, ratio: int | None = None) -> int:
        """The nn~ BUFFER argument in Max: brave~ is Pd-only, so Max runs nn~ with the same buffer
        (0 where that buffer is the model ratio and no thread is wanted)."""
        if self.host == "nn~":
            return self.buffer
        b = self.effective_buffer(ratio)
        return 0 if b == (ratio or self.ratio) else b

    def max_latency_samples(self, ratio: int | None = None) -> int:
        arg = self.max_buffer_argument(ratio)
        b = effective_buffer("nn~", arg, ratio or self.ratio)
        return nn_nominal_latency(b, self.max_signal_vector, threaded=arg != 0)

    def object_text(self, model: str = "MODEL.ts", method: str = "forward", ratio: int | None = None) -> str:
        flag = f" -thread -lookahead {self.lookahead}" if self.host == "brave~" and self.threaded else ""
        return f"{self.host} {model} {method} {self.buffer}{flag}"

    def max_object_text(self, model: str = "MODEL.ts", method: str = "forward", ratio: int | None = None) -> str:
        return f"nn~ {model} {method} {self.max_buffer_argument(ratio)}"

    def latency_table(self, ratio: int | None = None) -> dict:
        pd = self.pd_latency_samples(ratio)
        mx = self.max_latency_samples(ratio)
        return {
            "pd_samples": pd,
            "pd_ms": {str(sr): round(ms(pd, sr), 3) for sr in SAMPLE_RATES},
            "pd_basis": (f"brave~ worker mode, lookahead {self.lookahead}: (1 + {self.lookahead}) x buffer - gcd(buffer, block)"
                         if self.threaded else
                         "brave~: buffer - gcd(buffer, block)") if self.host == "brave~" else
                        "nn~ Pd frontend as measured: 4096-sample ring + (buffer if threaded) - block",
            "max_samples": mx,
            "max_ms": {str(sr): round(ms(mx, sr), 3) for sr in SAMPLE_RATES},
            "max_basis": "nn~ nominal (not measured in Max): " + ("2 x buffer - signal vector" if
                         self.max_buffer_argument(ratio) else "buffer - signal vector"),
            "pd_audio_buffer_samples": {str(sr): round(self.pd_audio_buffer_ms * sr / 1000) for sr in SAMPLE_RATES},
            "max_io_vector_ms": {str(sr): round(ms(self.max_io_vector, sr), 3) for sr in SAMPLE_RATES},
        }

    def as_dict(self) -> dict:
        d = asdict(self)
        d["effective_buffer"] = self.effective_buffer()
        d["object_text"] = self.object_text()
        d["max_object_text"] = self.max_object_text()
        d["latency"] = self.latency_table()
        return d


def _check(p: Preset) -> list[str]:
    """Everything that would make a preset wrong or not work with its host (empty: fine)."""
    bad = []
    if p.host not in HOSTS:
        bad.append(f"host must be one of {', '.join(HOSTS)}, not {p.host!r}")
        return bad
    if not _pow2(p.ratio):
        bad.append(f"ratio {p.ratio} is not a power of two")
    if p.buffer < 0:
        bad.append(f"buffer {p.buffer} is negative")
    elif p.buffer and not _pow2(p.buffer):
        bad.append(f"buffer {p.buffer} is not a power of two")
    elif p.buffer and _pow2(p.ratio) and p.buffer % p.ratio:
        bad.append(f"buffer {p.buffer} is not a multiple of the target ratio {p.ratio}")
    if p.host == "nn~" and p.threaded != (p.buffer != 0):
        bad.append("nn~ runs a worker thread exactly when BUFFER > 0: threaded must be "
                   f"{'true' if p.buffer else 'false'} for buffer {p.buffer}")
    if not _pow2(p.pd_block):
        bad.append(f"pd_block {p.pd_block} is not a power of two")
    if p.host == "nn~" and not p.threaded and _pow2(p.ratio) and p.pd_block > p.ratio:
        # Measured: nn~ with BUFFER 0 at a Pd block larger than its buffer outputs silence.
        bad.append(f"nn~ with BUFFER 0 outputs silence at a Pd block ({p.pd_block}) larger than the ratio")
    if not 1 <= p.lookahead <= 16:
        bad.append(f"lookahead {p.lookahead} must be a whole number of buffers from 1 to 16")
    if p.lookahead != 1 and not (p.host == "brave~" and p.threaded):
        bad.append("lookahead applies to brave~'s worker mode only (threaded = true)")
    if p.weights not in PRESET_WEIGHTS:
        bad.append(f"weights must be one of {', '.join(PRESET_WEIGHTS)}, not {p.weights!r}")
    if not p.pd_audio_buffer_ms > 0:
        bad.append("pd_audio_buffer_ms must be > 0")
    if not (_pow2(p.max_io_vector) and _pow2(p.max_signal_vector)):
        bad.append("max_io_vector and max_signal_vector must be powers of two")
    elif p.max_signal_vector > p.max_io_vector:
        bad.append("Max's signal vector size cannot exceed its I/O vector size")
    return bad


def presets_path() -> Path:
    from .configtable import configs_dir

    return configs_dir() / "presets.toml"


def load_presets(path: str | Path | None = None) -> list[Preset]:
    """Read and validate the presets (the packaged configs/presets.toml by default)."""
    path = Path(path) if path else presets_path()
    try:
        data = tomllib.loads(path.read_text())
    except FileNotFoundError:
        raise UserError(f"{path} is missing: reinstall brave-export") from None
    except tomllib.TOMLDecodeError as exc:
        raise UserError(f"{path} is not valid TOML: {exc}") from None
    fields = set(Preset.__dataclass_fields__)
    required = fields - {"notes", "weights", "lookahead"}
    presets: list[Preset] = []
    for i, raw in enumerate(data.get("preset", [])):
        label = raw.get("name", f"#{i + 1}")
        missing = sorted(required - raw.keys())
        unknown = sorted(raw.keys() - fields)
        if missing or unknown:
            raise UserError(f"{path}: preset {label}: " + "; ".join(
                ([f"missing {', '.join(missing)}"] if missing else []) +
                ([f"unknown field {', '.join(unknown)}"] if unknown else [])))
        p = Preset(**raw)
        problems = _check(p)
        if problems:
            raise UserError(f"{path}: preset {label}: {problems[0]}")
        presets.append(p)
    names = [p.name for p in presets]
    if not presets:
        raise UserError(f"{path} defines no [[preset]]")
    if len(set(names)) != len(names):
        raise UserError(f"{path}: preset names repeat: {', '.join(names)}")
    return presets


def get_preset(name: str, presets: list[Preset] | None = None) -> Preset:
    presets = presets or load_presets()
    for p in presets:
        if p.name == name:
            return p
    raise UserError(f"unknown preset '{name}': use one of {', '.join(p.name for p in presets)}")


# ------------------------------------------------------------------------------ fitting a model

@dataclass
class Fit:
    preset: Preset
    model: str
    model_name: str
    ratio: int
    sample_rate: int
    sample_rate_known: bool
    buffer: int
    model_delay: int | None  # the model's own delay: its latency card's median, else the nominal delay
    object_text: str
    max_object_text: str
    latency: dict
    notes: list[str] = field(default_factory=list)
    weights: str = "fp32"  # the model's weight format
    timing: dict | None = None  # `fit(..., timed_calls=N)`: the call timed at the preset's buffer here
    nominal_delay: int | None = None  # get_latency_samples(): what the model declares
    delay_source: str = ""  # "measured (latency card ...)" or "nominal (why)"

    @property
    def expected_latency(self) -> int | None:
        """Samples from input to output in Pd: the host's buffering + the model's own delay."""
        return None if self.model_delay is None else self.latency["pd_samples"] + self.model_delay

    def as_dict(self) -> dict:
        d = asdict(self)
        d["preset"] = self.preset.as_dict()
        d["expected_latency"] = self.expected_latency
        return d


def weight_notes(preset: Preset, weights: str, buffer: int) -> list[str]:
    """What the model's weight format means for this preset."""
    from .export.weights import half_precision_unavailable

    if preset.weights != "fp16" or weights == "fp16":
        return []
    reason = half_precision_unavailable()
    if reason is None:
        return [f"this preset is tuned for fp16 exports (brave-export nn RUN --weights fp16: half the weight bytes "
                f"per call); this file has {weights} weights: use it at buffer {buffer} only if "
                f"`brave-export bench` recommends {buffer} for it on the performing machine, else export with "
                "--weights fp16 or use a preset with a larger buffer"]
    return [f"this preset is tuned for fp16 exports, which this machine cannot run ({reason}): use it with this "
            f"{weights} file only if `brave-export bench` recommends {buffer} for it, else a preset with a larger buffer"]


def timing_verdict(preset: Preset, timing) -> str:
    """Whether one call at the preset's buffer keeps up here: the bench rule in the audio callback,
    p99 within the buffer in brave~'s worker mode (the call gets a whole buffer there)."""
    from .bench import RECOMMEND_RTF

    if preset.threaded:
        ok = timing.rtf_p99 < preset.lookahead
        rule = (f"p99 RTF < {preset.lookahead} (worker thread: a call gets {preset.lookahead} "
                f"buffer{'s' if preset.lookahead > 1 else ''})")
    else:
        ok = timing.rtf <= RECOMMEND_RTF and timing.rtf_p99 < 1.0
        rule = f"median RTF <= {RECOMMEND_RTF} and p99 RTF < 1 (the call runs in the audio callback)"
    return ("keeps up" if ok else "does NOT keep up") + f" on this machine: {rule}"


def fit(preset: Preset, model: str | Path | ModelFacts, method: str = "forward", timed_calls: int = 0) -> Fit:
    """Check that the model runs with the preset; the exact object text and expected latency.
    With `timed_calls`, also time that many calls at the preset's buffer on this machine."""
    from .modelfacts import model_facts

    facts = model_facts(model)
    path, ratio = facts.path, facts.ratio
    facts.method(method)
    buffer = preset.effective_buffer(ratio)
    if not _pow2(ratio):
        raise UserError(f"{path} does not fit preset {preset.name}: its ratio {ratio} is not a power of two")
    if buffer % ratio or (preset.buffer and preset.buffer % ratio):
        # the host would round the buffer up to the model's ratio: another latency than the preset's
        raise UserError(f"{path} does not fit preset {preset.name}: the model's ratio {ratio} does not divide "
                        f"the preset's buffer {preset.buffer}; use a preset for ratio {ratio}")
    if not _pow2(buffer):
        raise UserError(f"{path} does not fit preset {preset.name}: buffer {buffer} is not a power of two")
    sr = facts.sample_rate
    if sr is not None and sr not in SAMPLE_RATES:
        raise UserError(f"{path} does not fit preset {preset.name}: it runs at {sr} Hz and the presets are "
                        f"for {' or '.join(map(str, SAMPLE_RATES))} Hz")
    if preset.host == "nn~" and not preset.threaded and preset.pd_block > buffer:
        raise UserError(f"{path} does not fit preset {preset.name}: nn~ with BUFFER 0 and Pd block "
                        f"{preset.pd_block} > buffer {buffer} outputs silence")
    delay, source = facts.own_delay()
    notes = []
    if ratio != preset.ratio:
        better = [p.name for p in load_presets() if p.ratio == ratio]
        notes.append(f"this preset targets ratio-{preset.ratio} models; yours has ratio {ratio}"
                     + (f" (presets for it: {', '.join(better)})" if better else ""))
    if sr is None:
        notes.append("the model does not say its sample rate: run the host at the rate it was trained at")
    weights = facts.weights or "fp32"
    notes += weight_notes(preset, weights, buffer)
    timing = None
    if timed_calls:
        from .bench import bench

        t = bench(facts, [buffer], methods=(method,), calls=timed_calls, progress=False).timings[0]
        timing = {**t.__dict__, "verdict": timing_verdict(preset, t)}
    name = path.name
    return Fit(preset=preset, model=str(path), model_name=name, ratio=ratio, sample_rate=sr or SAMPLE_RATES[0],
               sample_rate_known=sr is not None, buffer=buffer, model_delay=delay,
               object_text=preset.object_text(name, method, ratio),
               max_object_text=preset.max_object_text(name, method, ratio),
               latency=preset.latency_table(ratio), notes=notes, weights=weights, timing=timing,
               nominal_delay=facts.model_delay, delay_source=source)


def fit_named(name: str, model: str | Path | ModelFacts, method: str = "forward", timed_calls: int | None = None) -> Fit:
    """`brave-export preset NAME MODEL`: `fit`, refusing a model of another ratio (it would run, but
    at another latency than the preset promises) and a timing too short for a p99."""
    preset = get_preset(name)
    if timed_calls is not None and timed_calls < 100:
        raise UserError(f"--time {timed_calls}: give at least 100 calls, a p99 needs them")
    result = fit(preset, model, method=method, timed_calls=timed_calls or 0)
    if result.ratio != preset.ratio:
        better = [p.name for p in load_presets() if p.ratio == result.ratio]
        raise UserError(f"{result.model} does not fit preset {preset.name}: the preset is for ratio-{preset.ratio} "
                        f"models and this one has ratio {result.ratio}; "
                        + (f"use {' or '.join(better)}" if better else "see `brave-export presets`"))
    return result


# ------------------------------------------------------------------------------ text output

def format_presets(presets: list[Preset]) -> str:
    header = (f"{'preset':<15}{'host':<7}{'ratio':>6}{'buffer':>7}{'thread':>7}{'weights':>8}{'Pd blk':>7}{'Pd buf':>7}"
              f"{'Max io/sv':>10}  {'Pd latency (44.1k / 48k)':<29}{'Max latency (nominal)':<24}")
    lines = [header, "-" * len(header)]
    for p in presets:
        t = p.latency_table()
        pd = f"{t['pd_samples']} smp {t['pd_ms']['44100']:.1f}/{t['pd_ms']['48000']:.1f} ms"
        mx = f"{t['max_samples']} smp {t['max_ms']['44100']:.1f}/{t['max_ms']['48000']:.1f} ms"
        lines.append(f"{p.name:<15}{p.host:<7}{p.ratio:>6}{p.buffer:>7}{'yes' if p.threaded else 'no':>7}{p.weights:>8}"
                     f"{p.pd_block:>7}{p.pd_audio_buffer_ms:>5g}ms{p.max_io_vector:>5}/{p.max_signal_vector:<4}"
                     f"  {pd:<29}{mx:<24}")
    lines.append("")
    for p in presets:
        lines.append(f"{p.name}: {p.description}")
    lines.append("")
    lines.append("Latency = the object's own buffering (brave~: buffer - gcd(buffer, block); nn~ in Pd: as "
                 "measured, 4096-sample ring + buffer if threaded - block; Max: nn~'s nominal figure). "
                 "The audio interface's buffer comes on top. `brave-export preset NAME MODEL.ts` checks a model.")
    return "\n".join(lines)


def format_fit(f: Fit) -> str:
    p, t = f.preset, f.latency
    sr = str(f.sample_rate) if str(f.sample_rate) in t["pd_ms"] else "44100"
    lines = [
        f"preset {p.name}: {p.description}",
        f"model: {f.model} (ratio {f.ratio}, {f.sample_rate} Hz"
        + ("" if f.sample_rate_known else " assumed")
        + (f", own delay {f.model_delay} samples" if f.model_delay is not None else "") + f", {f.weights} weights)",
        "",
        "Pure Data",
        f"  object:        [{f.object_text}]  (with {f.model_name} next to the patch or in Pd's search path)",
        f"  buffer:        {f.buffer} samples ({'worker thread' if p.threaded else 'no thread, runs in the audio callback'})",
        f"  DSP block:     {p.pd_block}" + (" (Pd's default)" if p.pd_block == PD_TOP_BLOCK else
                                             f" (put the object in a subpatch with [block~ {p.pd_block}])"),
        f"  audio buffer:  {p.pd_audio_buffer_ms:g} ms  (pd -r {sr} -audiobuf {p.pd_audio_buffer_ms:g}; "
        "Preferences > Audio > delay)",
        f"  added latency: {t['pd_samples']} samples = {t['pd_ms']['44100']:.2f} ms at 44.1 kHz, "
        f"{t['pd_ms']['48000']:.2f} ms at 48 kHz  [{t['pd_basis']}]",
        "",
        "Max",
        f"  object:        [{f.max_object_text}]" + ("  (brave~ is Pd-only; nn~ with the same buffer)"
                                                     if p.host == "brave~" else ""),
        f"  Audio Status:  I/O vector {p.max_io_vector}, signal vector {p.max_signal_vector}, sampling rate {sr}",
        f"  added latency: {t['max_samples']} samples = {t['max_ms']['44100']:.2f} ms at 44.1 kHz, "
        f"{t['max_ms']['48000']:.2f} ms at 48 kHz  [{t['max_basis']}]",
    ]
    if f.model_delay is not None:
        total = f.expected_latency
        lines += ["", f"With the model's own delay of {f.model_delay} samples, {f.delay_source}, sound comes out "
                      f"{total} samples ({ms(total, f.sample_rate):.2f} ms) after it goes in, in Pd (before the audio "
                      "interface)."]
    if f.timing:
        tm = f.timing
        lines += ["", f"Timed here ({tm['calls']} calls, one thread): {tm['median_ms']:.3f} ms per call, p99 "
                      f"{tm['p99_ms']:.3f} ms (RTF {tm['rtf']:.2f}, p99 {tm['rtf_p99']:.2f}): {tm['verdict']}"]
    if p.notes:
        lines += ["", p.notes]
    lines += [f"note: {n}" for n in f.notes]
    return "\n".join(lines)
