"""The nn~ protocol's info getters as the modules we write answer them (the exported model and
the probes): written once here and mixed into each. Reading them back from any file is
modelfacts.py's job.

The module sets the four int attributes they answer with `set_info` in its `__init__`:
`sample_rate`, `ratio`, `buffer_size` and `model_delay` (the model's own delay in samples; the
protocol calls it `get_latency_samples()`).
"""

from __future__ import annotations

import torch


class InfoGetters:
    """A mixin for a torch.nn.Module: TorchScript compiles these exported methods with the module."""

    def set_info(self, sample_rate: int, ratio: int, buffer_size: int, model_delay: int) -> None:
        """Called from `__init__` (Python only; not part of the scripted module's methods)."""
        self.sample_rate, self.ratio = int(sample_rate), int(ratio)
        self.buffer_size, self.model_delay = int(buffer_size), int(model_delay)

    @torch.jit.export
    def get_sample_rate(self) -> int:
        return self.sample_rate

    @torch.jit.export
    def get_ratio(self) -> int:
        return self.ratio

    @torch.jit.export
    def get_buffer_size(self) -> int:
        return self.buffer_size

    @torch.jit.export
    def get_latency_samples(self) -> int:
        return self.model_delay


class ExportGetters(InfoGetters):
    """The info getters of an exported model (both paths: ours and the wrapped one), beyond the
    protocol's four: how many batch entries its state holds and its weight format, with where that
    format runs. Set with `set_export_info` in `__init__`."""

    def set_export_info(self, max_batch: int, weights: str, platforms: str) -> None:
        self.max_batch, self.weights, self.platforms = int(max_batch), str(weights), str(platforms)

    @torch.jit.export
    def get_max_batch(self) -> int:
        return self.max_batch

    @torch.jit.export
    def get_weights(self) -> str:
        """Weight format: fp32, or fp16 (half-precision products, see get_platforms)."""
        return self.weights

    @torch.jit.export
    def get_platforms(self) -> str:
        """Where this file runs."""
        return self.platforms
