"""`brave-export patches MODEL.ts --max DIR --pd DIR`: the forward, latent and latency patches
sized to one model: its latent size, channels, ratio, sample rate, buffer and object text (from the
sidecar JSON `brave-export nn` writes next to the .ts, else from the model itself), and the dry
path delayed by the model's own delay plus the host's buffering. The model's own delay is its
latency card's median when the file has a measured card, else its nominal delay (ModelFacts.own_delay);
through encode and decode the hosts add their latent-chain latency (hosts.brave_chain_latency,
hosts.nn_chain_latency), not twice their buffering.

Max: brave_export.patching.maxpatches with a MaxModel for this model (nn~ / mcs.nn~).
Pd: the patches of patches/pd copied into DIR, plus three small patches that open the variants
(forward-brave ...) on this model with its buffer and dry delay.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import UserError
from ..fileio import write_texts_atomic
from .maxpatches import MAX_DRY_DELAY, MaxModel, render as render_max
# The host-latency formulas have one home, brave_export.hosts: every host figure of this module
# comes through this import and the two functions below.
from ..hosts import (brave_chain_latency, brave_latency, is_power_of_two, nn_chain_latency, nn_nominal_latency,
                    nn_pd_latency)
from ..presets import PD_TOP_BLOCK, effective_buffer

PD_OBJECTS = {"brave": "brave~", "nn": "nn~"}


def max_host_latency(buffer_arg: int, ratio: int, signal_vector: int) -> int:
    """Samples nn~ adds in Max (nominal): its buffer minus the signal vector, twice the buffer threaded."""
    return nn_nominal_latency(effective_buffer("nn~", buffer_arg, ratio), signal_vector, threaded=buffer_arg != 0)


def max_chain_latency(buffer_arg: int, ratio: int, signal_vector: int) -> int:
    """Samples nn~'s encode -> decode chain adds in Max (nominal buffering, nn~'s last-sample pick)."""
    return nn_chain_latency(max_host_latency(buffer_arg, ratio, signal_vector), ratio)


def pd_host_latency(kind: str, buffer_arg: int, ratio: int, block: int) -> int:
    """Samples brave~ (or nn~, as measured) adds in Pd at this block size."""
    if kind == "brave":
        return brave_latency(effective_buffer("brave~", buffer_arg, ratio), block)
    return nn_pd_latency(effective_buffer("nn~", buffer_arg, ratio), block, threaded=buffer_arg != 0)


def pd_chain_latency(kind: str, buffer_arg: int, ratio: int, block: int) -> int:
    """Samples an encode -> decode chain of two brave~ (or nn~) objects adds in Pd at this block."""
    if kind == "brave":
        return brave_chain_latency(effective_buffer("brave~", buffer_arg, ratio), block, ratio)
    return nn_chain_latency(pd_host_latency(kind, buffer_arg, ratio, block), ratio)


@dataclass
class PatchFacts:
    path: Path
    name: str
    sample_rate: int | None
    ratio: int
    latent_size: int | None       # None: the model has no encode / decode
    channels: tuple[int, int]     # forward: in, out
    model_delay: int              # the model's own delay, samples: the card's median, else nominal
    nn_buffer: int                # nn~'s BUFFER argument (0: the ratio, no thread)
    brave_buffer: int             # brave~'s BUFFER argument
    sidecar: Path | None
    delay_source: str = ""        # which delay model_delay is: "measured (latency card ...)" or "nominal (...)"


def patch_facts(path, buffer: int | None = None) -> PatchFacts:
    """What the patches need, from the model and its sidecar (`brave-export nn` writes MODEL.json)."""
    from ..modelfacts import read_model

    facts = read_model(path)
    path = facts.path
    by_name = {m.name: m for m in facts.methods}
    if "forward" not in by_name:
        raise UserError(f"{path} has no forward method (it has: {', '.join(by_name) or 'none'}): "
                        "export it with `brave-export nn`")
    ratio = facts.ratio
    fwd = by_name["forward"]
    latent = by_name["encode"].out_channels if {"encode", "decode"} <= by_name.keys() else None
    meta = facts.sidecar
    sidecar = path.with_suffix(".json")
    if meta is None and sidecar.is_file():
        raise UserError(f"{sidecar} is not a valid sidecar (a JSON object): re-export the model or remove it")
    if meta is not None and latent is not None and meta.latent_size not in (None, latent):
        raise UserError(f"{meta.sidecar} says latent size {meta.latent_size} but {path.name} has {latent}: "
                        "the sidecar belongs to another export; re-export or remove it")
    nn_words = str(meta.object_text or "").split() if meta is not None else []
    nn_buffer = int(nn_words[3]) if len(nn_words) > 3 and nn_words[3].isdigit() else 0
    brave_buffer = int(meta.buffer) if meta is not None and meta.buffer is not None else ratio
    if buffer is not None:
        if buffer < 0 or (buffer and not is_power_of_two(buffer)):
            raise UserError(f"--buffer {buffer}: give 0 (the model's ratio) or a power of two")
        if buffer and buffer % ratio:
            raise UserError(f"--buffer {buffer} is not a multiple of the model's ratio {ratio}")
        nn_buffer = 0 if buffer in (0, ratio) else buffer
        brave_buffer = buffer or ratio
    delay, source = facts.own_delay()
    return PatchFacts(path=path, name=path.name, sample_rate=facts.sample_rate, ratio=ratio, latent_size=latent,
                      channels=(fwd.in_channels, fwd.out_channels), model_delay=delay or 0, delay_source=source,
                      nn_buffer=nn_buffer, brave_buffer=brave_buffer, sidecar=meta.sidecar if meta else None)


def preset_settings(name: str, model) -> dict:
    """The host settings of preset `name` (`brave-export preset NAME MODEL.ts`) for this model:
    buffer, Max's signal vector, Pd's block and object."""
    from .. import presets

    preset = presets.get_preset(name)
    fit = presets.fit(preset, model)  # refuses a model that does not fit the preset
    return {"buffer": fit.buffer if preset.buffer or preset.host == "brave~" else 0,
            "signal_vector": preset.max_signal_vector, "pd_block": preset.pd_block,
            "pd_object": "brave" if preset.host == "brave~" else "nn"}


DEFAULT_SETTINGS = {"buffer": None, "signal_vector": 64, "pd_block": 64, "pd_object": "brave"}


def patch_settings(model, preset: str | None = None, **given) -> dict:
    """`brave-export patches`: the defaults, overridden by the preset's settings for this model,
    overridden by the options given (None: not given)."""
    settings = dict(DEFAULT_SETTINGS)
    if preset:
        settings.update(preset_settings(preset, model))
    settings.update({k: v for k, v in given.items() if v is not None})
    return settings


def user_patches(paths: list[Path]) -> list[Path]:
    """The written Pd files a user opens: not the abstractions the patches load."""
    return [p for p in paths if not p.name.startswith(("bx-", "forward-", "latent-", "latency-"))]


def max_spec(facts: PatchFacts, signal_vector: int = 64) -> MaxModel:
    b = effective_buffer("nn~", facts.nn_buffer, facts.ratio)
    if not is_power_of_two(signal_vector):
        raise UserError(f"--signal-vector {signal_vector}: give a power of two (Max's signal vector size)")
    if signal_vector > b:
        raise UserError(f"nn~ would disable itself: Max's signal vector {signal_vector} is larger than its buffer {b}; "
                        f"use --signal-vector {b} or less (and set it so in Max), or a larger --buffer")
    host = max_host_latency(facts.nn_buffer, facts.ratio, signal_vector)
    chain = max_chain_latency(facts.nn_buffer, facts.ratio, signal_vector)
    if facts.model_delay + chain >= MAX_DRY_DELAY:
        raise UserError(f"{facts.name} is {facts.model_delay + chain} samples late through encode and decode, more "
                        f"than the patches' dry delay line ({MAX_DRY_DELAY}): use a smaller --buffer")
    return MaxModel(model=facts.name, buffer=facts.nn_buffer, latent_size=facts.latent_size or 1,
                    in_channels=facts.channels[0], out_channels=facts.channels[1], ratio=facts.ratio,
                    sample_rate=facts.sample_rate,
                    dry_delay=facts.model_delay + host,
                    latent_dry_delay=facts.model_delay + chain,  # encode, then decode: hosts.nn_chain_latency
                    signal_vector=signal_vector, prefix=facts.path.stem)


def pd_dry_delay(facts: PatchFacts, kind: str = "brave", block: int = PD_TOP_BLOCK, chain: bool = False) -> int:
    """The model's delay plus one host's buffering (forward), or the latent chain's (`chain`:
    encode, then decode)."""
    if not is_power_of_two(block):
        raise UserError(f"--pd-block {block}: give a power of two (Pd's block size)")
    buffer_arg = facts.brave_buffer if kind == "brave" else facts.nn_buffer
    added = (pd_chain_latency if chain else pd_host_latency)(kind, buffer_arg, facts.ratio, block)
    return facts.model_delay + added


def _pd_model_atom(model: Path, folder: Path) -> str:
    """The model as the Pd patches in `folder` name it: relative to the folder (bx-args resolves
    relative paths from there), one atom."""
    rel = os.path.relpath(model.resolve(), folder.resolve())
    if re.search(r"[\s;,$\\{}]", rel):
        raise UserError(f"the path {rel} cannot be one Pd atom (spaces, ; , $ or braces): copy the model into "
                        f"{folder} or a folder without them")
    return rel


def pd_wrappers(facts: PatchFacts, folder: Path, kind: str = "brave", block: int = PD_TOP_BLOCK) -> dict[str, str]:
    """PREFIX-forward.pd, PREFIX-latent.pd, PREFIX-latency.pd: the variants on this model. The
    players run at Pd's top-level block (their dry delay is for it); `block` is the block the
    latency patch measures at."""
    from ..pdrun import Canvas

    obj = PD_OBJECTS[kind]
    model = _pd_model_atom(facts.path, folder)
    buffer_arg = facts.brave_buffer if kind == "brave" else facts.nn_buffer
    out = {}
    whats = ["forward", "latency"] + (["latent"] if facts.latent_size else [])
    for what in whats:
        delay = pd_dry_delay(facts, kind, PD_TOP_BLOCK, chain=what == "latent")
        c = Canvas(size=(760, 420))
        note = {"forward": f"dry path delayed by {delay} samples = the model's {facts.model_delay} + {obj}'s "
                           f"{delay - facts.model_delay} at block {PD_TOP_BLOCK}",
                "latent": f"{facts.latent_size} latent dimensions; dry path delayed by {delay} samples = the "
                          f"model's {facts.model_delay} + the encode -> decode chain's {delay - facts.model_delay}",
                "latency": f"click run: bursts through [{obj} {model} forward {buffer_arg}] at block {block}, "
                           "results in the Pd window and latency-results.txt"}[what]
        c.comment(f"{facts.path.stem}-{what}: {what}-{kind} on {facts.name} (ratio {facts.ratio}, "
                  f"{facts.sample_rate or 'unknown'} Hz, buffer {buffer_arg}); {note}", 10, 10, width=110)
        inst = c.obj(f"{what}-{kind} {model} {buffer_arg}", 10, 60)
        c.connect(c.obj("inlet", 300, 60), 0, inst, 0)  # messages on to the variant (wet 0.5, run ...)
        if what == "latency" and block != PD_TOP_BLOCK:
            lb = c.obj("loadbang", 300, 200)
            set_block = c.msg(f"block {block}", 300, 230)
            c.chain(lb, set_block)
            c.connect(set_block, 0, inst, 0)
        if what != "latency":
            c.connect(inst, 0, c.obj("outlet~", 10, 300), 0)
            lb = c.obj("loadbang", 300, 200)
            init = c.msg(f"delay {delay}", 300, 230)
            c.chain(lb, init)
            c.connect(init, 0, inst, 0)
            c.comment("dry delay (samples)", 420, 260)
            num = c.floatatom(300, 260, 7)
            m = c.msg("delay $1", 300, 290)
            c.chain(num, m)
            c.connect(m, 0, inst, 0)
        out[f"{facts.path.stem}-{what}.pd"] = c.text()
    return out


def _targets(folder: Path, names, force: bool) -> list[Path]:
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise UserError(f"{folder} is a file: give a folder for the patches")
    paths = [folder / n for n in names]
    existing = [p for p in paths if p.exists()]
    if existing and not force:
        raise UserError(f"{existing[0]} already exists: pass --force to overwrite the patches in {folder}")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"cannot create {folder} ({exc.strerror}): choose another folder") from None
    if not os.access(folder, os.W_OK):
        raise UserError(f"cannot write into {folder}: choose another folder")
    return paths


def _write_all(paths: list[Path], texts: list[str]) -> list[Path]:
    return write_texts_atomic(dict(zip(paths, texts)))


def write_max(facts: PatchFacts, folder, signal_vector: int = 64, force: bool = False) -> list[Path]:
    texts = render_max(max_spec(facts, signal_vector))
    if not facts.latent_size:
        texts = {k: v for k, v in texts.items() if not k.endswith(".latent.maxpat")}
    return _write_all(_targets(folder, texts, force), list(texts.values()))


def write_pd(facts: PatchFacts, folder, kind: str = "brave", block: int = PD_TOP_BLOCK,
             force: bool = False) -> list[Path]:
    from ..pdrun import patch_dir

    folder = Path(folder)
    shared = {p.name: p.read_text() for p in sorted(patch_dir().glob("*.pd"))}
    wrappers = pd_wrappers(facts, folder, kind, block)
    texts = {**shared, **wrappers}
    paths = _targets(folder, wrappers, force)  # the shared copies are ours to refresh
    paths += [folder / n for n in shared]
    return _write_all(paths, [texts[p.name] for p in paths])


def summary(facts: PatchFacts, signal_vector: int, kind: str, block: int) -> str:
    lines = [f"{facts.name}: ratio {facts.ratio}, {facts.sample_rate or 'unknown'} Hz, latent size "
             f"{facts.latent_size or 'none (no encode/decode)'}, forward {facts.channels[0]} in / "
             f"{facts.channels[1]} out, own delay {facts.model_delay} samples, {facts.delay_source or 'nominal'}"
             + (f" (sidecar {facts.sidecar.name})" if facts.sidecar else " (no sidecar: from the model)")]
    spec = max_spec(facts, signal_vector)
    lines.append(f"Max: [{spec.nn('forward')}], dry delay {spec.dry_delay} samples at signal vector {signal_vector}"
                 + (f"; latent {spec.latent_dry_delay}" if facts.latent_size else ""))
    lines.append(f"Pd:  [{PD_OBJECTS[kind]} {facts.name} forward "
                 f"{facts.brave_buffer if kind == 'brave' else facts.nn_buffer}], dry delay "
                 f"{pd_dry_delay(facts, kind)} samples (players at block {PD_TOP_BLOCK}; latency patch at "
                 f"block {block}: {pd_dry_delay(facts, kind, block)} expected)")
    return "\n".join(lines)
