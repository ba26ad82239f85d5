"""The exported nn~ model: encode / decode / forward over our streaming layers."""

from __future__ import annotations


import nn_tilde
import torch
import torch.nn as nn

from .layers import Product
from .protocol import ExportGetters


class StreamingRAVE(nn_tilde.Module, ExportGetters):
    """A RAVE model streamed for nn~, plus what a host needs to know about it.

    Besides nn~'s protocol it answers `get_sample_rate`, `get_ratio`, `get_buffer_size`,
    `get_latency_samples`, `get_max_batch`, `get_weights` and `get_platforms`
    (protocol.ExportGetters), and `reset()` zeroes every streaming cache.
    Non-finite input is replaced by zeros before it can reach a cache.
    """

    def __init__(self, analysis: nn.Module, encoder: nn.Module, head: nn.Module, trunk: nn.Module, synth: nn.Module,
                 synthesis: nn.Module, latent_pca: torch.Tensor, latent_mean: torch.Tensor,
                 fidelity: torch.Tensor, latent_size: int, sample_rate: int, ratio: int, buffer_size: int,
                 model_delay: int, max_batch: int, weights: str = "fp32", platforms: str = ""):
        super().__init__()
        self.analysis = analysis
        self.encoder = encoder
        self.head = head
        self.trunk = trunk
        self.synth = synth
        self.synthesis = synthesis
        self.full_latent_size = int(latent_pca.shape[0])
        self.latent_size = int(latent_size)
        self.register_buffer("latent_mean", latent_mean.detach().clone())
        self.register_buffer("fidelity", fidelity.detach().clone())
        self.unproject = Product(latent_pca.detach(), latent_mean.detach())  # z @ latent_pca + mean
        self.set_info(sample_rate, ratio, buffer_size, model_delay)
        self.set_export_info(max_batch, weights, platforms)

        labels_in = ["(signal) Channel 1"]
        latent_labels = [f"(signal) Latent dimension {i + 1}" for i in range(self.latent_size)]
        self.register_method("encode", 1, 1, self.latent_size, self.ratio, labels_in, latent_labels,
                             test_method=False)
        self.register_method("decode", self.latent_size, self.ratio, 1, 1, latent_labels, labels_in,
                             test_method=False)
        self.register_method("forward", 1, 1, 1, 1, labels_in, labels_in, test_method=False)
        # As `rave export`: the latent is sampled, and unused dimensions are filled with noise.
        # `set latent_noise 0` in nn~ makes the model deterministic.
        self.register_attribute("latent_noise", True)

    def _check_batch(self, n: int):
        if n > self.max_batch:
            raise RuntimeError("batch larger than the export's max batch: re-export with a larger --max-batch")

    @torch.jit.export
    def encode(self, x: torch.Tensor) -> torch.Tensor:
        """(B, 1, n) audio -> (B, latent, n / ratio); all entries in one pass, one row block each."""
        n = x.shape[0]
        self._check_batch(n)
        x = torch.nan_to_num(x, 0.0, 0.0, 0.0)
        # Time-major: (n, 1) for one entry, (B, n, 1) for several.
        audio = x.view(x.shape[-1], 1) if n == 1 else x.transpose(1, 2)
        z = self.head(self.encoder(self.analysis(audio)), self.latent_noise[0])
        if n == 1:
            # (steps, latent) -> (1, latent, steps) as a view of the same memory
            return z.as_strided([1, z.shape[1], z.shape[0]], [z.shape[0] * z.shape[1], 1, z.shape[1]])
        return z.transpose(1, 2)

    @torch.jit.export
    def decode(self, z: torch.Tensor) -> torch.Tensor:
        """(B, latent, steps) -> (B, 1, steps x ratio); unused latent dimensions filled with noise."""
        n = z.shape[0]
        self._check_batch(n)
        z = torch.nan_to_num(z, 0.0, 0.0, 0.0)
        if self.latent_size < self.full_latent_size:
            shape = [n, self.full_latent_size - self.latent_size, z.shape[-1]]
            noise = torch.randn(shape) if self.latent_noise[0] else torch.zeros(shape)
            z = torch.cat([z, noise], 1)
        if n == 1:
            steps = z.shape[-1]
            # (1, full, steps) read as (steps, full)
            h = self.unproject(z.as_strided([steps, self.full_latent_size], [1, steps]))
        else:
            h = self.unproject(z.transpose(1, 2))
        y = self.synthesis(self.synth(self.trunk(h)))
        return y.view(1, 1, y.shape[-1]) if n == 1 else y.unsqueeze(1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.decode(self.encode(x))

    @torch.jit.export
    def reset(self):
        self.analysis.reset()
        self.encoder.reset()
        self.head.reset()
        self.trunk.reset()
        self.synth.reset()
        self.synthesis.reset()

    @torch.jit.export
    def get_latent_noise(self) -> bool:
        return self.latent_noise[0]

    @torch.jit.export
    def set_latent_noise(self, enabled: bool) -> int:
        self.latent_noise = (enabled,)
        return 0
