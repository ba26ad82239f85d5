"""TorchScript streaming layers: activations are time-major, (time, channels) for one batch
entry or (batch, time, channels) for several, stacked so that each product reads its weights
once for all entries.

They compute what cached_conv's layers compute (same padding, cropping and overlap-add) with
one matrix product per layer and the activations on the left: at the few time steps of a
small buffer, `(T, K) @ (K, C)` runs several times faster on CPU than the `(C, K) @ (K, T)`
product that `conv1d` lowers to. What makes a call cheap is the number of ops it dispatches
(each costs microseconds in the TorchScript interpreter), so a layer does as few as it can:

- the cache is never copied: `cat([cache, x])` makes the layer's buffer, the product reads
  its taps through one strided view of it, and the new cache is a view of its tail, kept by
  reassigning the attribute (no in-place write, so the state is also safe to use outside
  inference mode);
- the leaky ReLU before a convolution, batch norm after it, the PQMF gain and band reversal
  and the encoder's latent projection are folded into the layer or its weights;
- in a residual block the skip path is the product's accumulator (`addmm(skip, taps, W)`),
  with the last convolution's bias carried by a constant channel of its input.

The cache holds as many batch entries as the last call had; a call with another count keeps
the entries both have and starts the others from the initial state.
"""

from __future__ import annotations

from typing import List, Optional, Tuple

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


def cache_for(state: torch.Tensor, initial: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
    """The cache laid out like `x`: 2-D for one entry, 3-D with x's batch count otherwise;
    entries the cache does not hold yet start from `initial`."""
    if state.dim() == x.dim() and (x.dim() == 2 or state.shape[0] == x.shape[0]):
        return state
    if x.dim() == 2:
        return state[0]
    full = state if state.dim() == 3 else state.unsqueeze(0)
    n = x.shape[0]
    if full.shape[0] >= n:
        return full[:n]
    keep = initial.shape[0]
    full = full.narrow(1, full.shape[1] - keep, keep)
    fresh = initial.unsqueeze(0).expand(n - full.shape[0], initial.shape[0], initial.shape[1])
    return torch.cat([full, fresh], 0)


def product(x: torch.Tensor, weight: torch.Tensor, bias: Optional[torch.Tensor],
            acc: Optional[torch.Tensor]) -> torch.Tensor:
    """x @ weight.T (+ bias) (+ acc) over the last axis, weight (out, in), for 2-D or batched
    3-D x: one product for every batch entry.

    Written with `linear`, which TorchScript's graph executor keeps as one op (it splits
    `addmm` into `mm` + `add`); on 2-D input `linear` is `addmm(bias, x, weight.T)`, so the
    accumulator can take the bias's place.
    """
    flat = x if x.dim() == 2 else x.reshape(-1, x.shape[-1])
    if acc is not None:
        y = F.linear(flat, weight, acc if acc.dim() == 2 else acc.reshape(-1, acc.shape[-1]))
        if bias is not None:
            y = y + bias
    else:
        y = F.linear(flat, weight, bias)
    if x.dim() == 2:
        return y
    return y.view(x.shape[0], x.shape[1], y.shape[-1])


class Product(nn.Module):
    """One product with float32 weights: x @ W (+ bias) (+ acc), see `product`.

    W is given and read back as (in, out) (`columns`) but stored (out, in), the layout
    `linear` reads fastest at a few rows.
    """

    def __init__(self, weight: torch.Tensor, bias: Optional[torch.Tensor]):
        super().__init__()
        self.register_buffer("weight", weight.detach().t().contiguous())
        self.register_buffer("bias", None if bias is None else bias.detach().clone().contiguous())

    def columns(self) -> torch.Tensor:
        """W as (in, out)."""
        return self.weight.t()

    def set(self, weight: torch.Tensor, bias: Optional[torch.Tensor]):
        """Replace W, given as (in, out), and the bias."""
        self.weight = weight.detach().t().contiguous()
        self.bias = None if bias is None else bias.detach().clone().contiguous()

    def forward(self, x: torch.Tensor, acc: Optional[torch.Tensor] = None) -> torch.Tensor:
        return product(x, self.weight, self.bias, acc)


class HalfProduct(nn.Module):
    """The same product with half-precision weights (fbgemm's prepacked fp16 on x86-64):
    activations and accumulation stay float32, the weights read per call are halved.

    TorchScript would save the prepacked weights as fbgemm unpacks them, in float32; the
    state below saves them as float16 (half the file) and packs them again on load. The
    values are the same either way: packing rounds to float16 first. (A frozen export must
    keep these modules for that: `half_product_names`.)"""

    def __init__(self, weight: torch.Tensor, bias: Optional[torch.Tensor]):
        super().__init__()
        self.packed = torch.ops.quantized.linear_prepack_fp16(weight.detach().t().contiguous(), bias)

    @torch.jit.export
    def __getstate__(self) -> Tuple[torch.Tensor, Optional[torch.Tensor], bool]:
        weight, bias = torch.ops.quantized.linear_unpack_fp16(self.packed)
        return weight.half(), bias, self.training

    @torch.jit.export
    def __setstate__(self, state: Tuple[torch.Tensor, Optional[torch.Tensor], bool]) -> None:
        self.packed = torch.ops.quantized.linear_prepack_fp16(state[0].float(), state[1])
        self.training = state[2]

    def forward(self, x: torch.Tensor, acc: Optional[torch.Tensor] = None) -> torch.Tensor:
        flat = x if x.dim() == 2 else x.reshape(-1, x.shape[-1])
        y = torch.ops.quantized.linear_dynamic_fp16(flat, self.packed)
        if acc is not None:
            y = y + (acc if acc.dim() == 2 else acc.reshape(-1, acc.shape[-1]))
        if x.dim() == 2:
            return y
        return y.view(x.shape[0], x.shape[1], y.shape[-1])


def half_product_names(module: nn.Module) -> List[str]:
    """Qualified names of the `HalfProduct`s under `module`. Freezing keeps these modules (not
    their packed weights as graph constants, which TorchScript saves in float32), so the file
    stores their float16 state; their calls are still inlined, one attribute read more each."""
    return [name for name, m in module.named_modules() if isinstance(m, HalfProduct)]


def half_weights(module: nn.Module) -> nn.Module:
    """Every `Product` under `module` replaced, in place, by its `HalfProduct`."""
    for name, child in list(module.named_children()):
        if isinstance(child, Product):
            setattr(module, name, HalfProduct(child.columns(), child.bias))
        else:
            half_weights(child)
    return module


class Conv(nn.Module):
    """Convolution over [cached past, input] as one matrix product.

    `context` is cached_conv's total padding, `delay` its downsampling delay (the last
    `delay` samples of the buffer wait for the next call). An optional leaky ReLU is applied
    to the input first, so the cache holds activated values as cached_conv's does. Rows of
    the weight are ordered (tap, channel), the order of a strided view of the buffer.
    `frames` > 1 makes each output step `frames` consecutive outputs (a transposed
    convolution written as a convolution).
    """

    def __init__(self, weight: torch.Tensor, bias: Optional[torch.Tensor], stride: int, dilation: int,
                 groups: int, context: int, delay: int, max_batch: int = 1, slope: Optional[float] = None,
                 frames: int = 1):
        super().__init__()
        w = dense_weight(weight.detach(), groups)
        out_ch, in_ch, k = w.shape
        self.kernel = k
        self.stride = stride
        self.dilation = dilation
        self.span = (k - 1) * dilation + 1
        self.channels = in_ch
        self.frames = frames
        self.mm = Product(w.permute(2, 1, 0).reshape(k * in_ch, out_ch), bias)
        self.keep = context + delay
        self.delay = delay
        self.use_act = slope is not None
        self.slope = 0.0 if slope is None else float(slope)
        self.register_buffer("initial", torch.zeros(self.keep, in_ch))
        self.register_buffer("state", self.initial)

    def set_activation(self, slope: float):
        self.use_act, self.slope = True, float(slope)

    def fold_affine(self, scale: torch.Tensor, shift: torch.Tensor):
        """Fold `y * scale + shift` (per output channel) into the weights."""
        mm = self.mm
        w = mm.columns()
        bias = mm.bias if mm.bias is not None else torch.zeros(w.shape[1])
        scale, shift = scale.repeat(self.frames), shift.repeat(self.frames)  # columns are (frame, channel)
        mm.set(w * scale[None, :], bias * scale + shift)

    def add_constant_output(self):
        """One more output channel, always 1 after the activation: a bias carrier for the next layer."""
        mm = self.mm
        w = mm.columns()
        bias = mm.bias if mm.bias is not None else torch.zeros(w.shape[1])
        mm.set(torch.cat([w, torch.zeros(w.shape[0], 1)], 1), torch.cat([bias, torch.ones(1)]))

    def take_constant_input(self):
        """Read one more input channel that is always 1, and move the bias onto it."""
        mm = self.mm
        w = mm.columns()
        k, c, out = self.kernel, self.channels, w.shape[1]
        ones = torch.zeros(k, 1, out)
        ones[-1, 0] = mm.bias if mm.bias is not None else torch.zeros(out)
        mm.set(torch.cat([w.reshape(k, c, out), ones], 1).reshape(k * (c + 1), out), None)
        self.channels = c + 1
        # The constant channel is 1 in the cached past too.
        self.initial = torch.cat([self.initial, torch.ones(self.keep, 1)], 1)
        self.state = self.initial

    def taps(self, x: torch.Tensor, start: int, fresh: bool) -> torch.Tensor:
        """(…, steps, kernel x channels) view of contiguous rows `start`… of x (copied when
        dilated); `fresh`: x starts its storage (as `cat` makes it), else start is 0."""
        c = self.channels
        length = x.shape[-2]
        steps = (length - start - self.delay - self.span) // self.stride + 1
        offset: Optional[int] = start * c if fresh else None
        if x.dim() == 2:
            if self.dilation == 1:
                return x.as_strided([steps, self.kernel * c], [self.stride * c, 1], offset)
            v = x.as_strided([steps, self.kernel, c], [self.stride * c, self.dilation * c, 1], offset)
            return v.reshape(steps, self.kernel * c)
        b = x.shape[0]
        if self.dilation == 1:
            return x.as_strided([b, steps, self.kernel * c], [length * c, self.stride * c, 1], offset)
        v = x.as_strided([b, steps, self.kernel, c], [length * c, self.stride * c, self.dilation * c, 1], offset)
        return v.reshape(b, steps, self.kernel * c)

    def buffered_taps(self, x: torch.Tensor) -> torch.Tensor:
        """Activation, cache and unfolding: the left operand of this layer's product.

        The cache is the whole buffer of the last calls (its last `keep` rows are the past
        this call needs); it is cut back to `keep` rows only once it has grown past
        `2 keep + 16`, so most calls spend no op on it, at the price of copying a few more
        rows in `cat`.
        """
        if self.use_act:
            x = F.leaky_relu(x, self.slope)
        if self.keep > 0:
            history = cache_for(self.state, self.initial, x)
            start = history.shape[-2] - self.keep
            x = torch.cat([history, x], -2)
            length = x.shape[-2]
            if length > 2 * self.keep + 16:
                self.state = x.narrow(-2, length - self.keep, self.keep)
            else:
                self.state = x
            return self.taps(x, start, True)
        if self.kernel == 1 and self.stride == 1 and self.delay == 0:
            return x
        return self.taps(x.contiguous(), 0, False)

    def forward(self, x: torch.Tensor, acc: Optional[torch.Tensor] = None) -> torch.Tensor:
        y = self.mm(self.buffered_taps(x), acc)
        if self.frames > 1:
            if y.dim() == 2:
                return y.reshape(-1, y.shape[-1] // self.frames)
            return y.reshape(y.shape[0], -1, y.shape[-1] // self.frames)
        return y

    @torch.jit.export
    def reset(self):
        self.state = self.initial


class ConvTranspose(Conv):
    """Transposed convolution (kernel 2r, stride r, cached_conv's overlap-add) as a convolution.

    Output step t is r samples: x[t] through the kernel's first r taps plus x[t - 1] through
    its last r, so it is a kernel-2 convolution over the input with r x out output columns.
    """

    def __init__(self, weight: torch.Tensor, bias: Optional[torch.Tensor], stride: int, max_batch: int = 1,
                 slope: Optional[float] = None):
        in_ch, out_ch, k = weight.shape
        r = stride
        w = weight.detach()
        # (in, out, 2r): columns ordered (frame j, out); tap 0 reads x[t - 1], tap 1 reads x[t].
        previous = w[:, :, r:].permute(0, 2, 1).reshape(in_ch, r * out_ch)
        current = w[:, :, :r].permute(0, 2, 1).reshape(in_ch, r * out_ch)
        conv_weight = torch.stack([previous, current], -1).permute(1, 0, 2)  # (r*out, in, 2)
        conv_bias = None if bias is None else bias.detach().repeat(r)
        super().__init__(conv_weight, conv_bias, 1, 1, 1, context=1, delay=0, max_batch=max_batch,
                         slope=slope, frames=r)
        self.r = r
        self.out_channels = out_ch


class Delay(nn.Module):
    """A delay line of `length` steps."""

    def __init__(self, channels: int, length: int, max_batch: int = 1):
        super().__init__()
        self.length = length
        self.register_buffer("initial", torch.zeros(length, channels))
        self.register_buffer("state", self.initial)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = torch.cat([cache_for(self.state, self.initial, x), x], -2)
        n = x.shape[-2] - self.length
        self.state = x.narrow(-2, n, self.length)
        return x.narrow(-2, 0, n)

    @torch.jit.export
    def reset(self):
        self.state = self.initial


class LeakyReLU(nn.Module):
    def __init__(self, slope: float):
        super().__init__()
        self.slope = float(slope)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return F.leaky_relu(x, self.slope)

    @torch.jit.export
    def reset(self):
        pass


class Chain(nn.Module):
    """Layers applied in order."""

    def __init__(self, layers: List[nn.Module]):
        super().__init__()
        self.layers = nn.ModuleList(layers)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        for layer in self.layers:
            x = layer(x)
        return x

    @torch.jit.export
    def reset(self):
        for layer in self.layers:
            layer.reset()


class Residual(nn.Module):
    """skip(x) + net(x), the skip path delayed to match the net's own delay.

    When the net ends in a convolution, the skip is that product's accumulator.
    """

    def __init__(self, net: nn.Module, skip: nn.Module):
        super().__init__()
        layers = list(net.layers) if isinstance(net, Chain) else [net]
        self.fused = isinstance(layers[-1], Conv) and layers[-1].frames == 1
        if self.fused:
            if len(layers) >= 2 and type(layers[-2]) is Conv and layers[-2].frames == 1:
                layers[-2].add_constant_output()
                layers[-1].take_constant_input()
            self.net = Chain(layers[:-1])
            self.last = layers[-1]
        else:
            self.net = net
            self.last = Identity()
        self.skip = skip

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if self.fused:
            return self.last(self.net(x), self.skip(x))
        return self.net(x) + self.skip(x)

    @torch.jit.export
    def reset(self):
        self.net.reset()
        self.last.reset()
        self.skip.reset()


class Identity(nn.Module):
    def forward(self, x: torch.Tensor, acc: Optional[torch.Tensor] = None) -> torch.Tensor:
        return x

    @torch.jit.export
    def reset(self):
        pass


class Snake(nn.Module):
    """acids-rave's `Snake` activation, x + sin(alpha x)^2 / (alpha + 1e-9), per channel
    (time-major: alpha is a row over the last axis)."""

    def __init__(self, alpha: torch.Tensor):
        super().__init__()
        a = alpha.detach().reshape(-1).clone()
        self.register_buffer("alpha", a)
        self.register_buffer("inverse", (a + 1e-9).reciprocal())

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + self.inverse * torch.sin(self.alpha * x).pow(2)

    @torch.jit.export
    def reset(self):
        pass
