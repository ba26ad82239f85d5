"""The model under test: opened from its .ts file, called one buffer at a time as brave~ calls it."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np

from ..errors import UserError


@dataclass
class _Model:
    module: object
    path: Path
    method: str
    in_ch: int
    out_ch: int
    ratio: int
    sample_rate: int
    sample_rate_known: bool
    model_delay: int | None  # the model's own delay (get_latency_samples()), when it says
    has_reset: bool


def _open(model_path, method: str) -> _Model:
    from ..modelfacts import model_facts

    facts = model_facts(model_path)  # a path, or the facts a caller already read
    path, m = facts.path, facts.method(method)
    if m.in_ratio != 1 or m.out_ratio != 1:
        raise UserError(f"method '{method}' of {path} is not audio in, audio out (ratios {m.in_ratio} -> "
                        f"{m.out_ratio}): latency is measured on a method like forward")
    ratio = math.lcm(*[r for x in facts.methods for r in (x.in_ratio, x.out_ratio)])  # brave~'s buffer quantum
    sr = facts.sample_rate
    return _Model(facts.module, path, method, m.in_channels, m.out_channels, ratio, sr or 44100, sr is not None,
                  facts.model_delay, facts.has("reset"))


def _caller(model: _Model, buffer: int) -> Callable[[np.ndarray], np.ndarray]:
    import torch

    fn = getattr(model.module, model.method)
    expected = (1, model.out_ch, buffer)

    def call(x: np.ndarray) -> np.ndarray:
        with torch.inference_mode():
            y = fn(torch.from_numpy(x[None]).float())
        if not isinstance(y, torch.Tensor) or tuple(y.shape) != expected:
            raise UserError(f"model output size is not consistent: method '{model.method}' returned "
                            f"{tuple(getattr(y, 'shape', ()))}, expected {expected}")
        return y[0].float().numpy().astype(np.float32, copy=False)

    return call
