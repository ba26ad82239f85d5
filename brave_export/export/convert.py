"""Turn a streaming-built `rave.RAVE` (cached_conv layers, weight norm removed) into our layers.

The conversion mirrors the structure of acids-rave's blocks: the v1 blocks (`Encoder`,
`Generator`, residual stacks), which all of this project's configurations use, and the v2
family's (`EncoderV2`, `GeneratorV2`: residual dilated units, transposed-convolution
upsampling, amplitude modulation, `NoiseGeneratorV2`, `Snake` activations), with `CachedPQMF`
in front and, unless the decoder writes raw audio, behind. BatchNorm
is folded into the convolution before it, leaky ReLUs into the convolution after them,
zero-length delay lines dropped, and the waveform and loudness heads fused into one
convolution when both are causal.
"""

from __future__ import annotations

import torch
import torch.nn as nn
import torch.nn.functional as F

from ..errors import UserError
from ..hosts import is_power_of_two
from . import layers as L


class Unsupported(UserError):
    pass


def _conv(m, max_batch: int, slope=None) -> L.Conv:
    return L.Conv(m.weight, m.bias, m.stride[0], m.dilation[0], m.groups,
                  context=m.cache.padding, delay=m.downsampling_delay.padding,
                  max_batch=max_batch, slope=slope)


def _fold_batchnorm(conv: L.Conv, bn: nn.BatchNorm1d) -> None:
    scale = bn.weight.detach() / torch.sqrt(bn.running_var + bn.eps)
    conv.fold_affine(scale, bn.bias.detach() - bn.running_mean * scale)


def convert(module: nn.Module, max_batch: int) -> nn.Module:
    """Our streaming equivalent of one acids-rave / cached_conv module."""
    import cached_conv as cc
    import rave.blocks as rb

    if isinstance(module, cc.convs.CachedConv1d):
        return _conv(module, max_batch)
    if isinstance(module, cc.convs.CachedConvTranspose1d):
        r, k, p = module.stride[0], module.kernel_size[0], module.padding[0]
        if k != 2 * r or 2 * p != r or module.groups != 1 or module.dilation[0] != 1 or module.output_padding[0]:
            raise Unsupported(f"transposed convolution (kernel {k}, stride {r}, padding {p}) is not supported")
        return L.ConvTranspose(module.weight, module.bias, r, max_batch)
    if isinstance(module, nn.LeakyReLU):
        return L.LeakyReLU(module.negative_slope)
    if isinstance(module, rb.Snake):
        return L.Snake(module.alpha)
    if isinstance(module, nn.Identity):
        return L.Identity()
    if isinstance(module, nn.Sequential):
        return _chain(list(module), max_batch)
    if isinstance(module, rb.Residual):
        net_pad, skip_pad = module.aligned.paddings
        net, _ = module.aligned.branches
        if net_pad.padding:
            raise Unsupported("a residual branch delayed on its net path is not supported")
        channels = _channels(net)
        return L.Residual(convert(net, max_batch), L.Delay(channels, skip_pad.padding, max_batch)
                          if skip_pad.padding else L.Identity())
    if isinstance(module, rb.ResidualStack):
        if len(module.net.branches) != 1:
            raise Unsupported("residual stacks with several kernel sizes are not supported")
        pad = module.net.paddings[0].padding
        block = convert(module.net.branches[0], max_batch)
        if pad:
            block = L.Chain([L.Delay(_channels(module.net.branches[0]), pad, max_batch), block])
        return block
    if isinstance(module, (rb.ResidualLayer, rb.ResidualBlock, rb.UpsampleLayer, rb.Encoder, rb.DilatedUnit)):
        return convert(module.net, max_batch)
    raise Unsupported(f"{type(module).__module__}.{type(module).__name__} has no fast streaming equivalent")


def _channels(module: nn.Module) -> int:
    for m in module.modules():
        if isinstance(m, nn.Conv1d):
            return m.in_channels
    raise Unsupported(f"cannot infer the channel count of {type(module).__name__}")


def _chain(children: list[nn.Module], max_batch: int) -> L.Chain:
    out: list[nn.Module] = []
    slope = None
    for child in children:
        if isinstance(child, nn.BatchNorm1d):
            if not out or not isinstance(out[-1], L.Conv):
                raise Unsupported("BatchNorm that does not follow a convolution")
            _fold_batchnorm(out[-1], child)
            continue
        converted = convert(child, max_batch)
        if isinstance(converted, L.LeakyReLU) and slope is None:
            slope = converted.slope
            continue
        if slope is not None:
            if isinstance(converted, (L.Conv, L.ConvTranspose)) and not converted.use_act:
                converted.set_activation(slope)
            else:
                out.append(L.LeakyReLU(slope))
            slope = None
        out.append(converted)
    if slope is not None:
        out.append(L.LeakyReLU(slope))
    return L.Chain(out)


class Synth(nn.Module):
    """Generator heads: waveform (tanh) times loudness (modified sigmoid)."""

    def __init__(self, heads: nn.Module, n_band: int, input_delay: nn.Module):
        super().__init__()
        self.heads = heads
        self.n_band = n_band
        self.input_delay = input_delay
        self.register_buffer("floor", torch.tensor(1e-7))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        y = self.heads(self.input_delay(x))
        parts = y.split([self.n_band, y.shape[-1] - self.n_band], -1)
        # tanh(wave) * (2 sigmoid(loud)^2.3 + 1e-7), in as few ops as it takes
        return torch.tanh(parts[0]) * torch.add(self.floor, torch.pow(torch.sigmoid(parts[1]), 2.3), alpha=2.0)

    @torch.jit.export
    def reset(self):
        self.heads.reset()
        self.input_delay.reset()


def _fused_heads(wave, loud, max_batch: int) -> L.Conv:
    """One convolution computing both heads: loudness taps right-aligned in the wave kernel."""
    k_wave, k_loud = wave.kernel_size[0], loud.kernel_size[0]
    causal = all(m.cache.padding == (m.kernel_size[0] - 1) * m.dilation[0] and m.downsampling_delay.padding == 0
                 for m in (wave, loud))
    if not causal or loud.stride[0] != 1 or k_loud > k_wave or wave.dilation[0] != 1 or loud.dilation[0] != 1:
        raise Unsupported("only causal, stride-1 waveform and loudness heads can be fused")
    weight = torch.zeros(wave.out_channels + loud.out_channels, wave.in_channels, k_wave)
    weight[: wave.out_channels] = wave.weight.detach()
    weight[wave.out_channels:, :, k_wave - k_loud:] = loud.weight.detach()
    biases = [m.bias.detach() if m.bias is not None else torch.zeros(m.out_channels) for m in (wave, loud)]
    bias = torch.cat(biases) if any(m.bias is not None for m in (wave, loud)) else None
    return L.Conv(weight, bias, 1, 1, 1, context=k_wave - 1, delay=0, max_batch=max_batch)


class NoiseHead(nn.Module):
    """acids-rave's `NoiseGenerator`: per frame, uniform noise filtered by a predicted response.

    Frames are independent (the filtered noise of a frame is cropped to the frame), so the
    only streaming state is in the strided convolutions and the alignment delay in front.
    """

    def __init__(self, noise, n_band: int, input_delay: nn.Module, max_batch: int):
        super().__init__()
        self.net = convert(noise.net, max_batch)
        self.input_delay = input_delay
        self.n_band = n_band
        self.target = int(noise.target_size)
        out_channels = [m.out_channels for m in noise.net if isinstance(m, nn.Conv1d)][-1]
        self.noise_bands = out_channels // n_band
        self.filter_size = 2 * (self.noise_bands - 1)
        self.register_buffer("window", torch.hann_window(self.filter_size))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        amp = self.net(self.input_delay(x)) - 5
        amp = 2 * torch.sigmoid(amp) ** 2.3 + 1e-7
        lead = [int(d) for d in amp.shape[:-1]]  # [frames] or [batch, frames]
        frames = lead[-1]
        amp = amp.reshape(lead + [self.n_band, self.noise_bands])
        ir = torch.fft.irfft(torch.complex(amp, torch.zeros_like(amp)))
        ir = torch.roll(ir, self.filter_size // 2, -1) * self.window
        ir = F.pad(ir, [0, self.target - self.filter_size])
        ir = torch.roll(ir, -self.filter_size // 2, -1)
        noise = torch.rand_like(ir) * 2 - 1
        n = self.target
        spectrum = torch.fft.rfft(F.pad(noise, [0, n])) * torch.fft.rfft(F.pad(ir, [n, 0]))
        noise = torch.fft.irfft(spectrum)[..., n:]
        return noise.transpose(-1, -2).reshape(lead[:-1] + [frames * n, self.n_band])

    @torch.jit.export
    def reset(self):
        self.net.reset()
        self.input_delay.reset()


class NoisySynth(nn.Module):
    """`Synth` plus the noise generator's output, as a warmed-up RAVE v1 decoder adds it."""

    def __init__(self, synth: Synth, noise: NoiseHead):
        super().__init__()
        self.synth = synth
        self.noise = noise

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.synth(x) + self.noise(x)

    @torch.jit.export
    def reset(self):
        self.synth.reset()
        self.noise.reset()


def convert_generator(gen, n_band: int, max_batch: int) -> tuple[nn.Module, nn.Module]:
    """(trunk, synth) for a `rave.blocks.Generator` built in streaming mode."""
    if gen.loud_stride != 1:
        raise Unsupported("loudness strides other than 1 are not supported")
    trunk = convert(gen.net, max_batch)
    wave, loud = gen.synth.branches[0], gen.synth.branches[1]
    pads = [p.padding for p in gen.synth.paddings[:2]]
    channels = wave.in_channels
    try:
        if pads[0] != pads[1]:
            raise Unsupported("heads delayed differently")
        heads = _fused_heads(wave, loud, max_batch)
        delay = L.Delay(channels, pads[0], max_batch) if pads[0] else L.Identity()
    except Unsupported:
        # Non-causal heads (RAVE v1): each runs on its own, behind its own alignment delay.
        paths = [L.Chain([L.Delay(channels, pad, max_batch), _conv(conv, max_batch)]) if pad else _conv(conv, max_batch)
                 for conv, pad in ((wave, pads[0]), (loud, pads[1]))]
        heads, delay = SplitHeads(paths[0], paths[1]), L.Identity()
    synth = Synth(heads, n_band, delay)
    if getattr(gen, "use_noise", False) and int(gen.warmed_up):
        pad = gen.synth.paddings[2].padding
        noise_delay = L.Delay(channels, pad, max_batch) if pad else L.Identity()
        return trunk, NoisySynth(synth, NoiseHead(gen.synth.branches[2], n_band, noise_delay, max_batch))
    return trunk, synth


class SplitHeads(nn.Module):
    """Waveform and loudness heads that cannot share one convolution, concatenated by channel."""

    def __init__(self, wave: nn.Module, loud: nn.Module):
        super().__init__()
        self.wave = wave
        self.loud = loud

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.cat([self.wave(x), self.loud(x)], -1)

    @torch.jit.export
    def reset(self):
        self.wave.reset()
        self.loud.reset()


def _sign(n_band: int, max_steps: int) -> torch.Tensor:
    """acids-rave's `reverse_half` mask, time-major: odd bands negated at even steps."""
    sign = torch.ones(max_steps, n_band)
    sign[::2, 1::2] = -1
    return sign


class Analysis(nn.Module):
    """PQMF analysis: (…, n, 1) audio -> (…, n / bands, bands)."""

    def __init__(self, pqmf, max_batch: int, max_steps: int = 1024):
        super().__init__()
        self.conv = _conv(pqmf.forward_conv, max_batch)
        self.register_buffer("sign", _sign(pqmf.n_band, max_steps))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.conv(x)
        steps = x.shape[-2]
        if steps <= self.sign.shape[0]:
            return x * self.sign[:steps]
        return x * self.sign[:2].repeat((steps + 1) // 2, 1)[:steps]

    @torch.jit.export
    def reset(self):
        self.conv.reset()


class Synthesis(nn.Module):
    """PQMF synthesis: (…, steps, bands) -> (…, steps * bands) audio."""

    def __init__(self, pqmf, max_batch: int, max_steps: int = 1024):
        super().__init__()
        src = pqmf.inverse_conv
        m = pqmf.hk.shape[0]
        # The gain and the band reversal that follow the filterbank, folded into it.
        weight = (src.weight.detach() * m).flip(0)
        self.conv = L.Conv(weight, None, 1, src.dilation[0], 1, src.cache.padding,
                           src.downsampling_delay.padding, max_batch)
        self.register_buffer("sign", _sign(m, max_steps))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        steps = x.shape[-2]
        if steps <= self.sign.shape[0]:
            x = x * self.sign[:steps]
        else:
            x = x * self.sign[:2].repeat((steps + 1) // 2, 1)[:steps]
        y = self.conv(x)
        return y.reshape(-1) if y.dim() == 2 else y.reshape(y.shape[0], -1)

    @torch.jit.export
    def reset(self):
        self.conv.reset()


def fast_path_refusal(model) -> str | None:
    """Why the fast path cannot take this model (None when it can, as far as the model's kind
    goes: a block without a fast equivalent is found by the conversion, `Unsupported`)."""
    import rave.blocks as rb

    if not isinstance(model.encoder, rb.VariationalEncoder):
        return f"its encoder is a {type(model.encoder).__name__} (the fast path covers VariationalEncoder)"
    pairs = {(rb.Encoder, rb.Generator), (rb.EncoderV2, rb.GeneratorV2)}
    kinds = (type(model.encoder.encoder), type(model.decoder))
    if kinds not in pairs:
        return (f"{kinds[0].__name__}/{kinds[1].__name__} is not a pair the fast path covers "
                "(Encoder/Generator, EncoderV2/GeneratorV2)")
    if model.n_channels != 1:
        return f"it has {model.n_channels} audio channels (the fast path covers mono models)"
    if model.pqmf is None or model.input_mode != "pqmf":
        return f"its input mode is {model.input_mode} (the fast path covers PQMF input)"
    if model.output_mode != "pqmf" and not (model.output_mode == "raw" and is_v2(model)):
        return f"its output mode is {model.output_mode}"
    if not is_power_of_two(int(model.pqmf.n_band)):
        return "its PQMF band count is not a power of two"
    if any(isinstance(m, rb.AdaptiveInstanceNormalization) for m in model.modules()):
        return "it uses adaptive instance normalization (AdaIN), whose statistics nn~ attributes drive"
    return None


def check_supported(model) -> None:
    """Raise `Unsupported` with the reason when the fast path cannot take the model."""
    reason = fast_path_refusal(model)
    if reason is not None:
        raise Unsupported(reason)


def is_v2(model) -> bool:
    import rave.blocks as rb

    return isinstance(model.encoder.encoder, rb.EncoderV2)


# --- the v2 family ---------------------------------------------------------------------------

def _v2_right_padding(m) -> int:
    """The right ('future') padding of a cached convolution built without a cumulative delay,
    as every v2 block builds them: cached_conv's cumulative_delay is then (right + stride
    delay) / stride."""
    return int(m.cumulative_delay) * m.stride[0] - m.downsampling_delay.padding


def stream_delay(module: nn.Module, delay: float = 0.0) -> float:
    """How far the streamed output of acids-rave's v2 `module` lags its offline output, in
    steps of its output, given its input lags by `delay` steps: what each non-causal padding
    adds (a centred convolution its right padding, a transposed one its padding; a residual
    unit delays its skip path to match its net). Zero for causal convolutions; activations,
    normalizations and other layers without a convolution add nothing."""
    import cached_conv as cc
    import rave.blocks as rb

    if isinstance(module, cc.convs.CachedConv1d):
        s = module.stride[0]
        return (delay + _v2_right_padding(module) + module.downsampling_delay.padding) / s
    if isinstance(module, cc.convs.CachedConvTranspose1d):
        return delay * module.stride[0] + module.padding[0]
    if isinstance(module, rb.Residual):
        return delay + stream_delay(module.aligned.branches[0], 0.0)
    if isinstance(module, (nn.Sequential, rb.DilatedUnit, rb.EncoderV2)):
        for child in (module.net if not isinstance(module, nn.Sequential) else module):
            delay = stream_delay(child, delay)
        return delay
    if isinstance(module, rb.GeneratorV2):
        delay = stream_delay(module.net, delay)
        return stream_delay(module.waveform_module, delay) if module.waveform_module is not None else delay
    if any(isinstance(m, (cc.convs.CachedConv1d, cc.convs.CachedConvTranspose1d)) for m in module.modules()):
        for child in module.children():
            delay = stream_delay(child, delay)
    return delay


def v2_causal(model) -> bool:
    """Every convolution of encoder and decoder causal (no right padding)."""
    import cached_conv as cc

    return all(_v2_right_padding(m) == 0 and m.downsampling_delay.padding == 0
               for part in (model.encoder.encoder, model.decoder) for m in part.modules()
               if isinstance(m, cc.convs.CachedConv1d))


class SynthV2(nn.Module):
    """`GeneratorV2`'s output: the waveform convolution (folded into the trunk when the
    generator has no noise module), amplitude modulation (the first half of the channels times
    the sigmoid of the second), the noise module's output added, then tanh."""

    def __init__(self, wave: nn.Module, noise: nn.Module, use_noise: bool, amplitude_modulation: bool):
        super().__init__()
        self.wave = wave
        self.noise = noise
        self.use_noise = bool(use_noise)
        self.amplitude_modulation = bool(amplitude_modulation)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        y = self.wave(x)
        if self.amplitude_modulation:
            half = y.shape[-1] // 2
            parts = y.split([half, half], -1)
            y = parts[0] * torch.sigmoid(parts[1])
        if self.use_noise:
            y = y + self.noise(x)
        return torch.tanh(y)

    @torch.jit.export
    def reset(self):
        self.wave.reset()
        self.noise.reset()


def convert_generator_v2(gen, max_batch: int) -> tuple[nn.Module, nn.Module]:
    """(trunk, synth) for a `rave.blocks.GeneratorV2` built in streaming mode."""
    trunk = _chain(list(gen.net), max_batch)
    if gen.noise_module is None:
        return trunk, SynthV2(L.Identity(), L.Identity(), False, gen.amplitude_modulation)
    noise = gen.noise_module
    if int(getattr(noise, "n_channels", 1)) != 1:
        raise Unsupported("a multichannel noise generator has no fast streaming equivalent")
    head = NoiseHead(noise, int(noise.data_size), L.Identity(), max_batch)
    return trunk, SynthV2(_conv(gen.waveform_module, max_batch), head, True, gen.amplitude_modulation)


class RawOutput(nn.Module):
    """A decoder that writes audio itself (`output_mode = "raw"`): (…, n, 1) -> (…, n)."""

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x.reshape(-1) if x.dim() == 2 else x.reshape(x.shape[0], -1)

    @torch.jit.export
    def reset(self):
        pass


class LatentHead(nn.Module):
    """The encoder's last (grouped) convolution and `rave export`'s latent post-processing.

    The variational encoder's last layer computes a mean and a scale from the two halves of
    its input channels. The principal-component projection and mean removal that follow are
    linear, so they are folded into the mean's weights. Without latent noise only the mean
    columns run; with it, one product gives the mean and the scale together, and z = mean +
    eps * std is sampled as `rave export` samples it.
    """

    def __init__(self, conv, slope, latent_pca: torch.Tensor, latent_mean: torch.Tensor, latent_size: int,
                 max_batch: int = 1):
        super().__init__()
        import cached_conv as cc

        if not isinstance(conv, cc.convs.CachedConv1d):
            raise Unsupported(f"the encoder ends in {type(conv).__name__}, not a convolution")
        k, groups = conv.kernel_size[0], conv.groups
        if groups not in (1, 2) or conv.stride[0] != 1 or conv.dilation[0] != 1:
            raise Unsupported("the encoder's last layer must be a stride-1 convolution with 1 or 2 groups")
        dense = L.dense_weight(conv.weight.detach(), groups)  # (2 full, C, k): mean rows first
        full = dense.shape[0] // 2
        bias = conv.bias.detach() if conv.bias is not None else torch.zeros(2 * full)
        pca = latent_pca.detach()[:latent_size]  # (ls, full)
        mean_weight = torch.einsum("ock,lo->lck", dense[:full], pca)
        mean_bias = (bias[:full] - latent_mean.detach()) @ pca.T
        self.conv = L.Conv(mean_weight, mean_bias, 1, 1, 1, context=conv.cache.padding,
                           delay=conv.downsampling_delay.padding, slope=slope)
        scale = L.Conv(dense[full:], bias[full:], 1, 1, 1, context=0, delay=0)
        self.both = L.Product(torch.cat([self.conv.mm.columns(), scale.mm.columns()], 1), torch.cat([mean_bias, bias[full:]]))
        self.project = L.Product(pca.T, None)
        self.latent = latent_size
        self.full = full

    def forward(self, x: torch.Tensor, noise: bool) -> torch.Tensor:
        taps = self.conv.buffered_taps(x)
        if not noise:
            return self.conv.mm(taps)
        parts = self.both(taps).split([self.latent, self.full], -1)
        std = F.softplus(parts[1]) + 1e-4
        # Drawn channel-major per entry, as rave export draws it, so seeded runs agree.
        if taps.dim() == 2:
            eps = torch.randn(self.full, taps.shape[0]).t()
        else:
            eps = torch.randn(taps.shape[0], self.full, taps.shape[1]).transpose(1, 2)
        return self.project(eps * std, parts[0])

    @torch.jit.export
    def reset(self):
        self.conv.reset()


def convert_encoder(model, latent_size: int, max_batch: int) -> tuple[nn.Module, LatentHead]:
    """(trunk, latent head) for a variational `rave.blocks.Encoder` or `EncoderV2`."""
    net = list(model.encoder.encoder.net)
    trunk = _chain(net[:-1], max_batch)
    slope = None
    if trunk.layers and isinstance(trunk.layers[-1], L.LeakyReLU):
        slope = trunk.layers[-1].slope
        trunk = L.Chain(list(trunk.layers)[:-1])
    head = LatentHead(net[-1], slope, model.latent_pca, model.latent_mean, latent_size)
    return trunk, head
