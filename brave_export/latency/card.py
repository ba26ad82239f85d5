"""A model's latency card: its own response latency to the evaluator's test bursts, measured (not
declared), carried inside the .ts and in the export's sidecar.

Measured with no host buffering: the model is called at its ratio, one call per `ratio` samples
(the simulated host at buffer = block = ratio adds nothing), with the latent noise as the file
sets it. Each of the evaluator's twelve test bursts (signals.TESTS) is sent `trials` times at
random phases; the envelope detector finds the onsets, an output onset counts only within the
response window and `floor_margin_db` above the output's own noise floor (evaluate.py), and a
test whose trials mostly miss is missed. The card holds the median, 10th and 90th percentile
over the trials of the tests measured, the detection rate over all trials, each test's figures,
the detector and its settings, the window, and the torch version.

A model is "not measurable" when fewer than half the tests are measured (a model trained too
little does not reproduce the bursts) or its output is silence; its card says why, and every
consumer then falls back to the nominal delay (`get_latency_samples()`) and says so.

Inside the .ts the card is the TorchScript extra file `latency_card.json` (the zip entry
`<archive>/extra/latency_card.json`): torch.jit.load and nn~ ignore it, `torch.jit.load(...,
_extra_files=...)` and brave~ (externals/engine/card.cpp) read it. `write_card` rewrites any nn~
file with it (also one `rave export` made), atomically, keeping the file's other extra files.
"""

from __future__ import annotations

import json
import math
import zipfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..errors import UserError
from ..hosts import is_power_of_two
from .onsets import DetectorSettings
from .signals import TESTS

CARD_FILE = "latency_card.json"  # the TorchScript extra file's name
CARD_VERSION = 1
# per test burst: 48 trials of about 40 calls each at ratio 128, some 2,000 BRAVE calls: 4-10 s on
# a 2-core machine with free cores, far longer when it is contended (142 s at load average 10 with
# 6 trials and a longer pre-roll: 50 ms a call)
CARD_TRIALS = 4
CARD_PRE_ROLL_S = 0.06  # silence before each burst: more than FLOOR_SPAN samples, where the noise floor is taken
MEASURED_TESTS_NEEDED = 0.5  # the share of the tests that must be measured for a card with figures


@dataclass(frozen=True)
class LatencyCard:
    """A measured latency card (figures in samples at `sample_rate`), or why there is none."""
    measurable: bool
    median: float | None
    p10: float | None
    p90: float | None
    detection_rate: float          # 0..1 over every trial
    trials: int
    reason: str | None             # why not measurable
    nominal: int | None            # get_latency_samples(): the delay the model declares
    ratio: int
    sample_rate: int
    method: str
    detector: str
    settings: dict
    window: int                    # samples after the input onset in which an output onset counts
    measured_tests: int
    tests: list = field(default_factory=list)  # per test: name, median, p10, p90, detection_rate, trials, missed
    torch_version: str = ""
    seed: int = 0
    version: int = CARD_VERSION

    def as_dict(self) -> dict:
        return asdict(self)

    def to_json(self) -> str:
        return json.dumps(self.as_dict(), indent=1)

    @classmethod
    def from_dict(cls, d: dict) -> "LatencyCard":
        names = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in d.items() if k in names})

    @property
    def median_samples(self) -> int | None:
        """The median as a whole number of samples (a delay line's length), None when not measurable."""
        if not self.measurable or self.median is None:
            return None
        # halves round up, as brave~'s std::lround does (Python's round() would go to even)
        return int(math.floor(self.median + 0.5))

    def describe(self) -> str:
        """One line for people."""
        if not self.measurable:
            return f"not measurable: {self.reason}"
        ms = 1000.0 / self.sample_rate
        return (f"median {self.median:g} samples ({self.median * ms:.2f} ms), p10 {self.p10:g}, p90 {self.p90:g}, "
                f"onsets in {self.detection_rate:.0%} of {self.trials} trials ({self.measured_tests} of "
                f"{len(self.tests)} tests; {self.detector} detector, no host buffering, torch {self.torch_version})")

    def public(self) -> dict | None:
        """What `inspect --json` shows under `measured_latency` (None when not measurable)."""
        if not self.measurable:
            return None
        return {"median": self.median, "p10": self.p10, "p90": self.p90, "detection_rate": self.detection_rate,
                "trials": self.trials, "detector": self.detector, "nominal": self.nominal,
                "torch_version": self.torch_version}


def _round(v):
    return None if v is None else round(float(v), 1)


def card_from_result(result, trials_per_test: int) -> LatencyCard:
    """The card a latency run (evaluate at buffer = block = ratio) gives."""
    import torch

    o = result.overall
    tests = [{"name": s.name, "median": _round(s.latency["median"]), "p10": _round(s.latency["p10"]),
              "p90": _round(s.latency["p90"]), "detection_rate": round(s.detection_rate, 3), "trials": s.trials,
              "missed": s.missed} for s in result.tests]
    reason = None
    if result.trials and all(t.output_peak == 0.0 for t in result.trials):
        reason = "the model's output is silence"
    elif o.missed or o.measured_tests < MEASURED_TESTS_NEEDED * len(result.tests):
        reason = (f"the model does not reproduce the test bursts: {len(result.tests) - o.measured_tests} of "
                  f"{len(result.tests)} tests missed (output onsets in {o.detection_rate:.0%} of trials within "
                  f"{result.window} samples, {result.settings['floor_margin_db']:g} dB above the output's noise "
                  "floor); a model trained too little does this")
    ok = reason is None
    return LatencyCard(
        measurable=ok, median=_round(o.latency["median"]) if ok else None,
        p10=_round(o.latency["p10"]) if ok else None, p90=_round(o.latency["p90"]) if ok else None,
        detection_rate=round(o.detection_rate, 3), trials=o.trials, reason=reason, nominal=result.model_delay,
        ratio=result.ratio, sample_rate=result.sample_rate, method=result.method,
        detector=result.settings["detector"], settings=dict(result.settings), window=result.window,
        measured_tests=o.measured_tests, tests=tests, torch_version=torch.__version__.split("+")[0],
        seed=result.seed)


def measure_card(model, trials: int = CARD_TRIALS, seed: int = 0, method: str = "forward",
                 progress: bool = False) -> LatencyCard:
    """Measure the card of `model` (a path or ModelFacts): the model called at its ratio."""
    from ..modelfacts import model_facts
    from .evaluate import evaluate
    from .model import _open

    facts = model_facts(model)
    ratio = _open(facts, method).ratio
    if not is_power_of_two(ratio):
        raise UserError(f"{facts.path}: ratio {ratio} is not a power of two; nn~ hosts cannot run it")
    result = evaluate(facts, buffer=ratio, block=ratio, trials=trials, seed=seed, method=method,
                      settings=DetectorSettings(), tests=TESTS, progress=progress, pre_roll_s=CARD_PRE_ROLL_S,
                      whole_burst=False)
    assert result.buffering_latency == 0  # buffer = block = ratio: the model's own latency alone
    return card_from_result(result, trials)


# ---------------------------------------------------------------------------------- in the file

def _extra_entries(zf: zipfile.ZipFile) -> dict[str, str]:
    """The archive's extra files by name (`<archive>/extra/NAME`)."""
    out = {}
    for name in zf.namelist():
        parts = name.split("/")
        if len(parts) == 3 and parts[1] == "extra" and parts[2]:
            out[parts[2]] = name
    return out


def read_card(path) -> LatencyCard | None:
    """The card inside the .ts at `path`; None when the file has none (or is not a TorchScript zip)."""
    try:
        with zipfile.ZipFile(path) as zf:
            entry = _extra_entries(zf).get(CARD_FILE)
            if entry is None:
                return None
            data = json.loads(zf.read(entry).decode("utf-8"))
    except (OSError, zipfile.BadZipFile, ValueError, KeyError):
        return None
    if not isinstance(data, dict) or "measurable" not in data:
        return None
    try:
        return LatencyCard.from_dict(data)
    except TypeError:
        return None


def extra_files(path) -> dict[str, bytes]:
    """Every extra file of the .ts at `path`, to carry over when it is saved again."""
    with zipfile.ZipFile(path) as zf:
        return {name: zf.read(entry) for name, entry in _extra_entries(zf).items()}


def save_with_card(module, target: Path, card: LatencyCard, extras: dict | None = None) -> None:
    """torch.jit.save `module` to `target` with the card (and `extras`, the file's other extra files)."""
    import torch

    files = dict(extras or {})
    files[CARD_FILE] = card.to_json()
    torch.jit.save(module, str(target), _extra_files=files)


def _check_rewrite(original, tmp: Path, card: LatencyCard) -> None:
    """The rewritten file loads, offers the same methods with the same parameters, and holds the card."""
    import torch

    from ..modelfacts import list_methods

    try:
        again = torch.jit.load(str(tmp), map_location="cpu")
    except Exception as exc:
        raise UserError(f"the rewritten model does not load ({str(exc).strip().splitlines()[0][:120]}): "
                        "the original file is unchanged") from exc
    if list_methods(again) != list_methods(original):
        raise UserError("the rewritten model does not offer the original's methods: the original file is unchanged")
    back = read_card(tmp)
    if back is None or back.as_dict() != card.as_dict():
        raise UserError("the card did not read back from the rewritten model: the original file is unchanged")


def write_card(model, card: LatencyCard) -> Path:
    """Store `card` inside the .ts (and its sidecar MODEL.json, when there is one), both rewritten
    atomically: on any failure the original files stay as they were."""
    import torch

    from ..export.sidecar import read_sidecar, sidecar_path, sidecar_text
    from ..fileio import atomic_paths
    from ..modelfacts import model_facts

    facts = model_facts(model)
    path = facts.path
    extras = extra_files(path)
    module = torch.jit.load(str(path), map_location="cpu")  # a fresh copy: the measured one has run
    side = read_sidecar(path)
    paths = [path] + ([sidecar_path(path)] if side is not None else [])
    with atomic_paths(*paths) as temps:
        save_with_card(module, temps[0], card, extras)
        _check_rewrite(module, temps[0], card)
        if side is not None:
            temps[1].write_text(sidecar_text(side.with_card(card)))
    return path


def card_outcome(card: "LatencyCard") -> str:
    """What `brave-export card` prints: the card, and what consumers use when it is not measurable."""
    text = f"latency card: {card.describe()}"
    if not card.measurable:
        nominal = card.nominal if card.nominal is not None else "(unstated)"
        text += ("\nconsumers (inspect, preset, patches, brave~'s latency message) use the nominal delay "
                 f"{nominal} and say so")
    return text


def card_model(model, trials: int = CARD_TRIALS, seed: int = 0, progress: bool = False,
               store: bool = True, log=lambda msg: None) -> LatencyCard:
    """`brave-export card MODEL.ts`: measure the card of any nn~ file and store it there (and in
    its sidecar); the folder is checked before the measurement, the file rewritten atomically."""
    import os

    from ..modelfacts import model_facts

    if trials < 1:
        raise UserError(f"--trials {trials}: give at least 1")
    facts = model_facts(model)
    folder = facts.path.resolve().parent
    if store and not os.access(folder, os.W_OK):
        raise UserError(f"cannot rewrite {facts.path}: folder {folder} is not writable; copy the model somewhere "
                        "writable first")
    log(f"measuring {facts.path}: {len(TESTS)} test bursts x {trials} trials through the model at its ratio, "
        "no host buffering")
    card = measure_card(facts, trials=trials, seed=seed, progress=progress)
    if store:
        write_card(facts, card)
    return card
