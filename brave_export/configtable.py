"""The paper's model configurations: where their gin files live and what they compute to.

Every figure of the table is computed from the gin files themselves by building the model
with acids-rave; nothing here is typed in from the paper.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from pathlib import Path

from .errors import UserError
from .ginconf import bound, build_model

# Table order of the paper: the non-causal reference first, then by compression.
CONFIG_NAMES = (
    "rave_v1",
    "c2048_r10",
    "c1024_r10",
    "c512_r10",
    "c256_r10",
    "c128_r10",
    "c128_r10_p70",
    "c128_r10_p40",
    "c128_r05_p40",
    "brave",
)


def configs_dir() -> Path:
    """The folder holding the gin files: inside the installed package, or the repository's."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "configs", here.parent / "configs"):
        if (candidate / "brave.gin").is_file():
            return candidate
    raise UserError("the toolkit's configs/ folder is missing: reinstall brave-export")


def config_path(name_or_path: str) -> Path:
    """The gin file for a config name (`brave`) or an existing path to a .gin file."""
    candidate = Path(name_or_path)
    if candidate.suffix == ".gin" and candidate.is_file():
        return candidate.resolve()
    name = candidate.name.removesuffix(".gin")
    if name in CONFIG_NAMES:
        return configs_dir() / f"{name}.gin"
    raise UserError(
        f"unknown config '{name_or_path}': use one of {', '.join(CONFIG_NAMES)} "
        "or a path to a .gin file"
    )


@dataclass
class ConfigRow:
    name: str
    compression_ratio: int
    causal: bool
    noise_generator: bool
    pqmf_attenuation_db: float
    hidden_sizes: list[int]
    latent_size: int
    params_m: float
    encoder_support_samples: int
    decoder_support_samples: int
    receptive_field_ms: float
    frame_latency_ms: float
    sample_rate: int
    dilations: list[int]
    causal_padding: str

    def as_dict(self) -> dict:
        return asdict(self)


def _support(grad) -> int:
    """Length of the span of non-zero entries along the last axis."""
    import torch

    nonzero = torch.nonzero(grad.abs().sum(dim=tuple(range(grad.dim() - 1))) > 0)
    if len(nonzero) == 0:
        return 0
    return int(nonzero.max() - nonzero.min() + 1)


def receptive_field(model, ratio: int, causal: bool) -> tuple[int, int]:
    """(encoder support, decoder support) in samples, by gradients through the model.

    Encoder support: input samples that reach one latent frame. Decoder support: latent
    frames that reach one output sample, times the compression ratio. A causal model is
    probed at its last frame and sample, as the paper's table was measured; a non-causal
    one mid-signal, so that its look-ahead is counted too.
    """
    import torch

    n_frames = 2 ** math.ceil(math.log2(max(64, 4 * 44100 // ratio)))
    x = torch.randn(1, 1, n_frames * ratio, requires_grad=True)
    z = model.encode(x)
    probe = n_frames - 1 if causal else n_frames // 2
    z[..., probe].sum().backward()
    encoder = _support(x.grad)

    z = torch.randn(1, model.latent_size, n_frames, requires_grad=True)
    y = model.decode(z)
    y[..., (probe + 1) * ratio - 1].sum().backward()
    decoder = _support(z.grad) * ratio
    return encoder, decoder


def autoencoder_parameters(model) -> int:
    """Parameters of the encoder and decoder (the paper's count: no discriminator, no PQMF)."""
    return sum(p.numel() for part in (model.encoder, model.decoder) for p in part.parameters())


def describe_all(names, log=lambda msg: None) -> list["ConfigRow"]:
    """Rows for `names` (default: all ten), saying which model is being built."""
    names = list(names) or list(CONFIG_NAMES)
    rows = []
    for i, name in enumerate(names, 1):
        log(f"building {name} ({i}/{len(names)})...")
        rows.append(describe(name))
    return rows


def describe(name_or_path: str) -> ConfigRow:
    """Build the config's model and compute its row of the table."""
    import torch

    path = config_path(name_or_path)
    model = build_model(path)
    ratios = list(bound("blocks.Encoder.ratios"))
    n_band = int(model.pqmf.n_band)
    capacity = int(bound("blocks.Encoder.capacity"))
    sample_rate = int(model.sr)
    ratio = n_band * math.prod(ratios)
    dilations = [d[0] for d in bound("blocks.ResidualStack.dilations_list")]
    params = autoencoder_parameters(model)
    padding = bound("cc.get_padding.mode", "centered")
    with torch.enable_grad():
        enc, dec = receptive_field(model, ratio, causal=padding == "causal")
    return ConfigRow(
        name=path.stem,
        compression_ratio=ratio,
        causal=padding == "causal",
        noise_generator=bool(bound("blocks.Generator.use_noise")),
        pqmf_attenuation_db=float(bound("pqmf.CachedPQMF.attenuation")),
        hidden_sizes=[capacity * 2**i for i in range(len(ratios))],
        latent_size=int(model.latent_size),
        params_m=params / 1e6,
        encoder_support_samples=enc,
        decoder_support_samples=dec,
        receptive_field_ms=1000.0 * (enc + dec) / sample_rate,
        frame_latency_ms=1000.0 * ratio / sample_rate,
        sample_rate=sample_rate,
        dilations=dilations,
        causal_padding=padding,
    )


def format_table(rows: list[ConfigRow]) -> str:
    header = (
        f"{'config':<14}{'ratio':>6}  {'causal':<7}{'noise':<6}{'PQMF dB':>8}  "
        f"{'hidden sizes':<17}{'params M':>9}{'RF ms':>8}{'frame ms':>9}"
    )
    lines = [header, "-" * len(header)]
    for r in rows:
        lines.append(
            f"{r.name:<14}{r.compression_ratio:>6}  {'yes' if r.causal else 'no':<7}"
            f"{'yes' if r.noise_generator else 'no':<6}{r.pqmf_attenuation_db:>8.0f}  "
            f"{','.join(map(str, r.hidden_sizes)):<17}{r.params_m:>9.2f}"
            f"{r.receptive_field_ms:>8.0f}{r.frame_latency_ms:>9.2f}"
        )
    return "\n".join(lines)
