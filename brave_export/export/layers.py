"""TorchScript streaming layers over one batch entry: activations are (time, channels).

Each layer owns its cache (one slot per batch entry, `forward(x, b)` uses slot b) and
`reset()` zeroes it. They compute what cached_conv's layers compute (same padding, cropping
and overlap-add) but as one matrix product per layer with the activations on the left: at
the few time steps of a small buffer, `(T, K) @ (K, C)` runs several times faster on CPU
than the `(C, K) @ (K, T)` product that `conv1d` lowers to, and 2-D operands avoid the
reshapes that batched products dispatch.
"""

from __future__ import annotations

from typing import List, Optional

import torch
import torch.nn as nn
import torch.nn.functional as F


def dense_weight(weight: torch.Tensor, groups: int) -> torch.Tensor:
    """(out, in/groups, k) grouped weight as an equivalent dense (out, in, k) weight."""
    if groups == 1:
        return weight
    out_ch, in_per, k = weight.shape
    dense = torch.zeros(out_ch, in_per * groups, k, dtype=weight.dtype)
    per_out = out_ch // groups
    for g in range(groups):
        dense[g * per_out:(g + 1) * per_out, g * in_per:(g + 1) * in_per] = weight[g * per_out:(g + 1) * per_out]
    return dense


class Conv(nn.Module):
    """Convolution over [cached past, input] for one batch entry, as one matrix product.

    Activations are (time, channels). `context` is cached_conv's total padding; `delay` its
    downsampling delay, which crops that many samples off the end, merged here into the
    same cache. An optional leaky ReLU is applied to the input first, so the cache holds
    activated values as cached_conv's does. The input is unfolded into (time, taps x
    channels), by concatenating shifted views when the stride is 1, else with `unfold`.
    """

    def __init__(self, weight: torch.Tensor, bias: Optional[torch.Tensor], stride: int, dilation: int,
                 groups: int, context: int, delay: int, max_batch: int, slope: Optional[float] = None):
        super().__init__()
        w = dense_weight(weight.detach(), groups)
        out_ch, in_ch, k = w.shape
        self.kernel = k
        self.stride = stride
        self.dilation = dilation
        self.span = (k - 1) * dilation + 1
        self.shifted = stride == 1 and k <= 8
        # Row order of the unfolded input: (tap, channel) when shifted views are concatenated,
        # (channel, tap) after `unfold`.
        order = w.permute(2, 1, 0) if self.shifted else w.permute(1, 2, 0)
        self.register_buffer("weight", order.reshape(in_ch * k, out_ch).contiguous())
        self.register_buffer("bias", None if bias is None else bias.detach().clone().contiguous())
        self.keep = context + delay
        self.delay = delay
        self.use_act = slope is not None
        self.slope = 0.0 if slope is None else float(slope)
        self.register_buffer("state", torch.zeros(max_batch, self.keep, in_ch))

    def set_activation(self, slope: float):
        self.use_act, self.slope = True, float(slope)

    def fold_affine(self, scale: torch.Tensor, shift: torch.Tensor):
        """Fold `y * scale + shift` (per output channel) into the weights."""
        bias = self.bias if self.bias is not None else torch.zeros(self.weight.shape[1])
        self.weight = (self.weight * scale[None, :]).contiguous()
        self.bias = (bias * scale + shift).contiguous()

    def forward(self, x: torch.Tensor, b: int) -> torch.Tensor:
        if self.use_act:
            x = F.leaky_relu(x, self.slope)
        if self.keep > 0:
            state = self.state[b]
            x = torch.cat([state, x], 0)
            state.copy_(x[-self.keep:])
            if self.delay > 0:
                x = x[: -self.delay]
        if self.shifted:
            if self.kernel > 1:
                steps = x.shape[0] - self.span + 1
                d = self.dilation
                x = torch.cat([x[j * d: j * d + steps] for j in range(self.kernel)], 1)
        else:
            x = x.unfold(0, self.span, self.stride)
            if self.dilation > 1:
                x = x[:, :, :: self.dilation]
            x = x.reshape(x.shape[0], -1)
        bias = self.bias
        if bias is None:
            return torch.mm(x, self.weight)
        return torch.addmm(bias, x, self.weight)

    @torch.jit.export
    def reset(self):
        self.state.zero_()


class ConvTranspose(nn.Module):
    """Transposed convolution (kernel 2r, stride r) with a cached overlap-add tail.

    Each input step yields two frames of r outputs: the first is added to the second frame
    of the previous step (cached across calls), exactly cached_conv's overlap-add.
    """

    def __init__(self, weight: torch.Tensor, bias: Optional[torch.Tensor], stride: int, max_batch: int,
                 slope: Optional[float] = None):
        super().__init__()
        in_ch, out_ch, k = weight.shape
        self.r = stride
        self.out_channels = out_ch
        self.half = stride * out_ch
        # (in, out, 2r) -> (in, 2r * out): column j * out + o
        self.register_buffer("weight", weight.detach().permute(0, 2, 1).reshape(in_ch, k * out_ch).contiguous())
        self.has_bias = bias is not None
        self.register_buffer("bias", torch.zeros(out_ch) if bias is None else bias.detach().clone())
        self.use_act = slope is not None
        self.slope = 0.0 if slope is None else float(slope)
        self.register_buffer("state", torch.zeros(max_batch, 1, self.half))

    def set_activation(self, slope: float):
        self.use_act, self.slope = True, float(slope)

    def forward(self, x: torch.Tensor, b: int) -> torch.Tensor:
        if self.use_act:
            x = F.leaky_relu(x, self.slope)
        frames = torch.mm(x, self.weight)
        state = self.state[b]
        tails = torch.cat([state, frames[:, self.half:]], 0)
        state.copy_(tails[-1:])
        y = (frames[:, : self.half] + tails[:-1]).reshape(-1, self.out_channels)
        if self.has_bias:
            y = y + self.bias
        return y

    @torch.jit.export
    def reset(self):
        self.state.zero_()


class Delay(nn.Module):
    """A delay line of `length` steps."""

    def __init__(self, channels: int, length: int, max_batch: int):
        super().__init__()
        self.length = length
        self.register_buffer("state", torch.zeros(max_batch, length, channels))

    def forward(self, x: torch.Tensor, b: int) -> torch.Tensor:
        state = self.state[b]
        x = torch.cat([state, x], 0)
        state.copy_(x[-self.length:])
        return x[: -self.length]

    @torch.jit.export
    def reset(self):
        self.state.zero_()


class LeakyReLU(nn.Module):
    def __init__(self, slope: float):
        super().__init__()
        self.slope = float(slope)

    def forward(self, x: torch.Tensor, b: int) -> torch.Tensor:
        return F.leaky_relu(x, self.slope)

    @torch.jit.export
    def reset(self):
        pass


class Chain(nn.Module):
    """Layers applied in order."""

    def __init__(self, layers: List[nn.Module]):
        super().__init__()
        self.layers = nn.ModuleList(layers)

    def forward(self, x: torch.Tensor, b: int) -> torch.Tensor:
        for layer in self.layers:
            x = layer(x, b)
        return x

    @torch.jit.export
    def reset(self):
        for layer in self.layers:
            layer.reset()


class Residual(nn.Module):
    """x + net(x), the skip path delayed to match the net's own delay."""

    def __init__(self, net: nn.Module, skip: nn.Module):
        super().__init__()
        self.net = net
        self.skip = skip

    def forward(self, x: torch.Tensor, b: int) -> torch.Tensor:
        return self.net(x, b) + self.skip(x, b)

    @torch.jit.export
    def reset(self):
        self.net.reset()
        self.skip.reset()


class Identity(nn.Module):
    def forward(self, x: torch.Tensor, b: int) -> torch.Tensor:
        return x

    @torch.jit.export
    def reset(self):
        pass
