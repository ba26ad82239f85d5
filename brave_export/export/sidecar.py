"""An export's facts: one record (`ExportFacts`), written next to the model as MODEL.json by
`write_sidecar` and read back by `read_sidecar`.

The file's keys are those the sidecar has always had. Three differ from the Python names, kept
for the files already written and for readers outside this package:

    Python field    sidecar key
    ratio           compression_ratio
    model_delay     latency_samples      (the protocol's get_latency_samples())
    object_text     nn_object

`measured_latency` is the model's latency card (brave_export.latency.card: measured, not
declared), the same record the .ts carries inside as its extra file `latency_card.json`.

The file also carries figures derived from the record (`latency_ms`,
`buffering_latency_samples_at_block_64`, `brave_object`), written for people and other tools
and recomputed, never read back.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

from ..hosts import brave_latency

SIDECAR_KEYS = {"ratio": "compression_ratio", "model_delay": "latency_samples", "object_text": "nn_object"}
DERIVED_KEYS = ("latency_ms", "buffering_latency_samples_at_block_64", "brave_object")


@dataclass(frozen=True)
class ExportFacts:
    """What `brave-export nn` made: the model file, its sidecar and the facts both state.

    Read from a sidecar written by an older version or by hand, a fact it lacks is None.
    """
    path: Path  # the .ts
    sidecar: Path  # the .json next to it
    sample_rate: int | None
    ratio: int | None
    buffer: int | None
    model_delay: int | None
    latent_size: int | None
    max_batch: int | None
    causal: bool | None
    object_text: str | None  # the nn~ object text, e.g. "nn~ brave_b128.ts forward 0"
    weights: str | None = "fp32"
    platforms: str | None = None
    torch_version: str | None = None
    checkpoint: str | None = None
    config: str | None = None
    fp16_error_db: float | None = None
    measured_latency: dict | None = None  # the latency card (LatencyCard.as_dict()), when measured
    streaming: str | None = None  # which export path built it: "fast (...)" or "wrapped (... why)"

    def with_card(self, card) -> "ExportFacts":
        """The same facts with the latency card `card` (a LatencyCard)."""
        return replace(self, measured_latency=card.as_dict())

    @property
    def brave_object(self) -> str:
        return f"brave~ {self.path.name} forward {self.buffer}"

    def as_dict(self) -> dict:
        """What `brave-export nn --json` prints (its keys predate this record: `latency_samples`)."""
        d = {k: v for k, v in asdict(self).items()
             if k not in ("platforms", "torch_version", "checkpoint", "config", "model_delay")}
        d["path"], d["sidecar"] = str(self.path), str(self.sidecar)
        d["latency_samples"] = self.model_delay
        return d

    def summary(self) -> str:
        """What `brave-export nn` prints: the file, the object to type, and the latency it states."""
        lines = [str(self.path),
                 f"object: [{self.object_text}]  (ratio {self.ratio}, buffer {self.buffer}, "
                 f"model delay {self.model_delay} samples, nominal)"]
        if self.measured_latency is not None:
            from ..latency.card import LatencyCard

            lines.append(f"latency card: {LatencyCard.from_dict(self.measured_latency).describe()}")
        return "\n".join(lines)

    def sidecar_dict(self) -> dict:
        """The sidecar's JSON object, in its historical key order."""
        d = {"model": self.path.name, "sample_rate": self.sample_rate, "compression_ratio": self.ratio,
             "buffer": self.buffer, "latency_samples": self.model_delay,
             "latency_ms": round(1000.0 * self.model_delay / self.sample_rate, 3),
             "buffering_latency_samples_at_block_64": brave_latency(self.buffer, 64),
             "latent_size": self.latent_size, "max_batch": self.max_batch, "causal": self.causal,
             "nn_object": self.object_text, "brave_object": self.brave_object,
             "checkpoint": self.checkpoint, "config": self.config,
             "weights": self.weights, "platforms": self.platforms, "torch_version": self.torch_version}
        if self.fp16_error_db is not None:
            d["fp16_error_db"] = round(self.fp16_error_db, 2)
        if self.measured_latency is not None:
            d["measured_latency"] = self.measured_latency
        if self.streaming is not None:
            d["streaming"] = self.streaming
        return d


def sidecar_path(model: str | Path) -> Path:
    return Path(model).with_suffix(".json")


def write_sidecar(facts: ExportFacts, path: Path | None = None) -> Path:
    """Write the sidecar JSON to `path` (default: `facts.sidecar`; the exporter passes a temporary
    file that it renames into place with the model)."""
    target = Path(path) if path is not None else facts.sidecar
    target.write_text(sidecar_text(facts))
    return target


def sidecar_text(facts: ExportFacts) -> str:
    """The sidecar file's text."""
    return json.dumps(facts.sidecar_dict(), indent=2) + "\n"


def read_sidecar(model: str | Path) -> ExportFacts | None:
    """The sidecar next to the model `model` (.ts) as a record; None when there is none or it is
    not a JSON object (callers that must tell the two apart check the file's existence)."""
    model = Path(model)
    side = sidecar_path(model)
    try:
        data = json.loads(side.read_text())
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    by_key = {SIDECAR_KEYS.get(f.name, f.name): f.name for f in fields(ExportFacts)}
    values = {name: data.get(key) for key, name in by_key.items() if name not in ("path", "sidecar")}
    return ExportFacts(path=model, sidecar=side, **values)
