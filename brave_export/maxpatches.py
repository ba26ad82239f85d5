"""Max patches for nn~: built box by box, every count from brave_export.maxcheck's table, every
patch checked by maxcheck before it is written.

  forward   test sound or live input -> [nn~ MODEL forward BUFFER] -> dry/wet (the dry path delayed
            by the model's latency), output gain, meters, scope~, stereo out
  latent    [mcs.nn~ MODEL encode 1 BUFFER] -> one multichannel cord of all latent dimensions ->
            per-dimension scale and offset (mc.*~, mc.+~) -> [mcs.nn~ MODEL decode 1 BUFFER]
  latency   noise or sine bursts through [nn~ MODEL forward BUFFER]; onsets in input and output
            found to the sample (brave.onset~); per trial and summary in the Max window, the
            number boxes and a text file
  onset     brave.onset~, the onset detector both sides of the latency patch use

`MaxModel` holds what the patches need to know of a model; `MaxModel()` is the generic example
of patches/max (brave.ts, 8 latent dimensions, nn~'s buffer 0); `brave-export patches` fills it
from an export. `write_patches(spec, folder)` writes the four files.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .errors import UserError
from .fileio import write_texts_atomic
from .maxcheck import MC, NN_OBJECTS, OBJECTS, UI, S, abstraction_spec, check, nn_counts

TRIALS = 32          # latency patch: trials per run
PERIOD_MS = 1500     # latency patch: one burst every PERIOD_MS
READ_MS = 1000       # latency patch: onsets are read READ_MS after each burst starts
MAX_DRY_DELAY = 262144  # delay~'s maximum, samples (about 6 s at 44.1 kHz)
RESULTS_FILE = "latency-results.txt"
ONSET = "brave.onset~"
TITLE_HEIGHT = 30    # presentation: the title lines take the top 70 px (boxes start at y 40 + this)


@dataclass
class MaxModel:
    """What the patches need to know of a model (defaults: the generic 8-dimension example)."""
    model: str = "brave.ts"       # the file name nn~ gets (next to the patch or in Max's search path)
    buffer: int = 0               # nn~'s BUFFER argument: 0 = no worker thread, buffer = the ratio
    latent_size: int = 8
    in_channels: int = 1          # forward's input and output channels
    out_channels: int = 1
    ratio: int | None = None
    sample_rate: int | None = None
    dry_delay: int = 0            # samples: the model's own delay + nn~'s buffering in Max
    latent_dry_delay: int = 0     # the same through two objects (encode, then decode)
    signal_vector: int = 64       # the Max signal vector size dry_delay was computed for
    prefix: str = "brave"         # file names: PREFIX.forward.maxpat ...

    def nn(self, method: str) -> str:
        return f"nn~ {self.model} {method} {self.buffer}"

    def mcs(self, method: str) -> str:
        return f"mcs.nn~ {self.model} {method} 1 {self.buffer}"  # mcs.nn~ MODEL METHOD BATCHES BUFFER

    def channels(self) -> dict[str, tuple[int, int]]:
        return {"forward": (self.in_channels, self.out_channels), "encode": (self.in_channels, self.latent_size),
                "decode": (self.latent_size, self.out_channels)}

    def file(self, what: str) -> str:
        return f"{self.prefix}.{what}.maxpat"


class Patcher:
    def __init__(self, spec: MaxModel, rect=(80.0, 80.0, 1100.0, 760.0)):
        self.spec = spec
        self.rect = list(rect)
        self.boxes: list[dict] = []
        self.lines: list[dict] = []
        self.by_id: dict[str, dict] = {}

    def _add(self, box: dict) -> str:
        box["id"] = f"obj-{len(self.boxes) + 1}"
        self.boxes.append({"box": box})
        self.by_id[box["id"]] = box
        return box["id"]

    @staticmethod
    def _rect(x, y, w, h):
        return [float(x), float(y), float(w), float(h)]

    def obj(self, text: str, x, y, w=None) -> str:
        name, *args = text.split()
        if name in NN_OBJECTS:
            nin, nout = nn_counts(text, self.spec.channels())
            outs = (S if name == "nn~" else MC,) * nout
        elif name == ONSET:
            nin, outs = 4, ("",)
        else:
            spec = OBJECTS[name](args)
            nin, outs = spec.inlets, spec.outlets
        box = {"maxclass": "newobj", "text": text, "numinlets": nin, "numoutlets": len(outs),
               "patching_rect": self._rect(x, y, w or max(40, 7 * len(text) + 14), 22)}
        if outs:
            box["outlettype"] = list(outs)
        return self._add(box)

    def ui(self, maxclass: str, x, y, w=None, h=None, **attrs) -> str:
        spec = UI[maxclass]
        size = {"toggle": (24, 24), "button": (24, 24), "ezdac~": (45, 45), "ezadc~": (45, 45),
                "meter~": (80, 13), "scope~": (130, 130)}.get(maxclass, (50, 22))
        box = {"maxclass": maxclass, "numinlets": spec.inlets, "numoutlets": len(spec.outlets),
               "patching_rect": self._rect(x, y, w or size[0], h or size[1])}
        if spec.outlets:
            box["outlettype"] = list(spec.outlets)
        if maxclass in ("toggle", "button", "flonum", "number"):
            box["parameter_enable"] = 0
        box.update(attrs)
        return self._add(box)

    def msg(self, text, x, y, w=None) -> str:
        return self.ui("message", x, y, w or max(40, 7 * len(text) + 14), text=text)

    def comment(self, text, x, y, w=300, lines=1) -> str:
        return self.ui("comment", x, y, w, 20 * lines, text=text, **({"linecount": lines} if lines > 1 else {}))

    def show(self, box_id: str, x, y, w=None, h=None, below_title=True) -> str:
        """Put a box on the presentation (the view the patch opens in); y is counted from below
        the two title lines unless below_title is False."""
        box = self.by_id[box_id]
        y = y + TITLE_HEIGHT if below_title else y
        _, _, bw, bh = box["patching_rect"]
        box["presentation"] = 1
        box["presentation_rect"] = self._rect(x, y, w or bw, h or bh)
        if box.get("linecount") and h is None:
            box.pop("linecount")
            box["presentation_linecount"] = 1
        return box_id

    def connect(self, src: str, outlet: int, dst: str, inlet: int) -> None:
        s, d = self.by_id[src], self.by_id[dst]
        if not 0 <= outlet < s["numoutlets"]:
            raise ValueError(f"{s.get('text', s['maxclass'])} has no outlet {outlet}")
        if not 0 <= inlet < d["numinlets"]:
            raise ValueError(f"{d.get('text', d['maxclass'])} has no inlet {inlet}")
        self.lines.append({"patchline": {"source": [src, outlet], "destination": [dst, inlet]}})

    def document(self, description="", presentation=True) -> dict:
        return {"patcher": {
            "fileversion": 1,
            "appversion": {"major": 8, "minor": 5, "revision": 5, "architecture": "x64", "modernui": 1},
            "classnamespace": "box",
            "rect": self.rect,
            "bglocked": 0,
            "openinpresentation": int(presentation),
            "default_fontsize": 12.0,
            "default_fontface": 0,
            "default_fontname": "Arial",
            "gridonopen": 1,
            "gridsize": [15.0, 15.0],
            "gridsnaponopen": 1,
            "objectsnaponopen": 1,
            "statusbarvisible": 2,
            "toolbarvisible": 1,
            "boxanimatetime": 200,
            "enablehscroll": 1,
            "enablevscroll": 1,
            "devicewidth": 0.0,
            "description": description,
            "digest": "",
            "tags": "",
            "style": "",
            "subpatcher_template": "",
            "assistshowspatchername": 0,
            "boxes": self.boxes,
            "lines": self.lines,
        }}


# ------------------------------------------------------------------------------------ parts

def _title(p: Patcher, text: str, note: str) -> None:
    p.show(p.comment(text, 20, 10, 900), 10, 5, 760, below_title=False)
    p.show(p.comment(note, 20, 30, 900, lines=2), 10, 25, 760, 40, below_title=False)


def _nn_messages(p: Patcher, x, y, targets: list[str], px, py) -> None:
    """Message boxes for what nn~ understands in Max: enable (toggle), reload, load FILE, dump."""
    p.show(p.comment("model on/off", x + 30, y, 80), px + 30, py, 80)
    tog = p.show(p.ui("toggle", x, y), px, py)
    p.connect(p.obj("loadmess 1", x, y - 30), 0, tog, 0)
    en = p.msg("enable $1", x, y + 32)
    p.connect(tog, 0, en, 0)
    # nn~ answers `dump` in the Max window; `load` swaps the model (same method); `reload` re-reads it
    boxes = [en]
    at = px + 120
    for i, text in enumerate(("reload", f"load {p.spec.model}", "dump")):
        boxes.append(p.show(p.msg(text, x + 80 + 90 * i, y + 32), at, py))
        at += p.by_id[boxes[-1]]["patching_rect"][2] + 8
    for b in boxes:
        for t in targets:
            p.connect(b, 0, t, 0)


def _test_sound(p: Patcher, x, y) -> str:
    """Synthesized plucks and noise hits (no file, no microphone) or live input; returns the source."""
    p.show(p.comment("source: 1 = built-in plucks and hits, 2 = live input (adc~ 1)", x, y, 360), 10, 75, 360)
    one = p.show(p.msg("1", x, y + 22), 10, 97)
    two = p.show(p.msg("2", x + 40, y + 22), 50, 97)
    p.show(p.comment("test sound on/off", x + 200, y + 22, 120), 120, 97, 120)
    on = p.show(p.ui("toggle", x + 320, y + 22), 240, 97)
    p.connect(p.obj("loadmess 1", x + 360, y + 22), 0, on, 0)  # sounding as soon as audio is on
    metro = p.obj("metro 250", x + 200, y + 60)
    p.connect(on, 0, metro, 0)
    trig = p.obj("t b b b", x + 200, y + 92)
    p.connect(metro, 0, trig, 0)
    note = p.obj("random 24", x + 200, y + 124)
    pitch = p.obj("+ 48", x + 200, y + 154)
    hz = p.obj("mtof", x + 200, y + 184)
    p.connect(trig, 2, note, 0)
    p.connect(note, 0, pitch, 0)
    p.connect(pitch, 0, hz, 0)
    osc = p.obj("cycle~", x + 200, y + 214)
    p.connect(hz, 0, osc, 0)
    env = p.obj("line~", x + 330, y + 184)
    pluck_msg = p.msg("1, 0 180", x + 330, y + 124)
    p.connect(trig, 1, pluck_msg, 0)
    p.connect(pluck_msg, 0, env, 0)
    env2 = p.obj("*~", x + 330, y + 214)  # squared envelope: a steeper, pluck-like decay
    p.connect(env, 0, env2, 0)
    p.connect(env, 0, env2, 1)
    pluck = p.obj("*~", x + 200, y + 246)
    p.connect(osc, 0, pluck, 0)
    p.connect(env2, 0, pluck, 1)
    # every fourth note (on average) a noise hit as well
    hit_env = p.obj("line~", x + 470, y + 184)
    hit_pick = p.obj("random 4", x + 470, y + 92)
    p.connect(trig, 0, hit_pick, 0)
    hit_sel = p.obj("sel 0", x + 470, y + 124)
    p.connect(hit_pick, 0, hit_sel, 0)
    hit_msg = p.msg("0.8, 0 60", x + 470, y + 154)
    p.connect(hit_sel, 0, hit_msg, 0)
    p.connect(hit_msg, 0, hit_env, 0)
    noise = p.obj("noise~", x + 560, y + 184)
    hit = p.obj("*~", x + 470, y + 246)
    p.connect(noise, 0, hit, 0)
    p.connect(hit_env, 0, hit, 1)
    mix = p.obj("+~", x + 200, y + 280)
    p.connect(pluck, 0, mix, 0)
    p.connect(hit, 0, mix, 1)
    level = p.obj("*~ 0.5", x + 200, y + 310)
    p.connect(mix, 0, level, 0)
    adc = p.obj("adc~ 1", x + 90, y + 280)
    sel = p.obj("selector~ 2 1", x, y + 350)
    p.connect(one, 0, sel, 0)
    p.connect(two, 0, sel, 0)
    p.connect(level, 0, sel, 1)
    p.connect(adc, 0, sel, 2)
    return sel


def _output_stage(p: Patcher, dry: str, wets: list[str], x, y, dry_delay: int) -> None:
    """The dry path delayed by `dry_delay` samples (so dry and wet line up), dry/wet 0..1, output
    gain (dB), meters, a scope~ and ezdac~: wet outlet k to side k (a mono model to both sides)."""
    spec = p.spec
    p.show(p.comment("dry delay (samples)", x - 160, y - 60, 130), 400, 75, 130)
    delay_box = p.show(p.ui("number", x - 160, y - 40, 70, minimum=0, maximum=MAX_DRY_DELAY - 1), 400, 97, 70)
    p.connect(p.obj(f"loadmess {dry_delay}", x - 160, y - 70), 0, delay_box, 0)
    delayed = p.obj(f"delay~ {MAX_DRY_DELAY} {dry_delay}", x - 60, y - 10, 130)
    p.connect(dry, 0, delayed, 0)
    p.connect(delay_box, 0, delayed, 1)

    p.show(p.comment("dry/wet 0..1", x, y, 90), 400, 125, 90)
    mix = p.show(p.ui("flonum", x, y + 20, minimum=0.0, maximum=1.0), 400, 147)
    p.connect(p.obj("loadmess 1.", x, y - 22), 0, mix, 0)
    t = p.obj("t f f", x, y + 50)
    inv = p.obj("expr 1. - $f1", x + 70, y + 80)
    p.connect(mix, 0, t, 0)
    p.show(p.comment("output gain (dB)", x + 120, y, 110), 500, 125, 110)
    gain_db = p.show(p.ui("flonum", x + 120, y + 20, minimum=-70.0, maximum=12.0), 500, 147)
    p.connect(p.obj("loadmess -6.", x + 120, y - 22), 0, gain_db, 0)
    lin = p.obj("dbtoa", x + 120, y + 50)
    p.connect(gain_db, 0, lin, 0)
    dry_gain = p.obj("*~ 0.", x - 60, y + 110)
    p.connect(delayed, 0, dry_gain, 0)
    p.connect(t, 0, inv, 0)
    p.connect(inv, 0, dry_gain, 1)
    dac = p.show(p.ui("ezdac~", x - 160, y + 270), 650, 125)
    scope = p.show(p.ui("scope~", x + 260, y + 180), 650, 180)
    sides = wets if len(wets) > 1 else wets * 2
    for k, wet in enumerate(sides[:2]):
        wet_gain = p.obj("*~ 0.", x - 160 + 50 * k, y + 110)
        p.connect(wet, 0, wet_gain, 0)
        p.connect(t, 1, wet_gain, 1)
        summed = p.obj("+~", x - 160 + 50 * k, y + 150)
        p.connect(wet_gain, 0, summed, 0)
        p.connect(dry_gain, 0, summed, 1)
        out = p.obj("*~ 0.5", x - 160 + 50 * k, y + 190)
        p.connect(summed, 0, out, 0)
        p.connect(lin, 0, out, 1)
        p.connect(out, 0, dac, k)
        meter = p.show(p.ui("meter~", x + 120, y + 180 + 18 * k), 500, 180 + 18 * k)
        p.connect(out, 0, meter, 0)
        if k == 0:
            p.connect(out, 0, scope, 0)
    p.show(p.comment("out L / R", x + 120, y + 220, 80), 500, 216, 80)


def _sides(p: Patcher, src: str, x, y) -> list[str]:
    """The model's first one or two output channels (signal outlets of `src`), one box each."""
    sides = []
    for k in range(min(p.spec.out_channels, 2)):
        sides.append(p.obj("*~ 1.", x + 60 * k, y, 50))
        p.connect(src, k, sides[-1], 0)
    return sides


def _in_meter(p: Patcher, src: str, x, y) -> None:
    p.show(p.comment("in", x + 90, y, 30), 300, 125, 30)
    m = p.show(p.ui("meter~", x, y), 300, 147)
    p.connect(src, 0, m, 0)


# ------------------------------------------------------------------------------------ patches

def forward_patch(spec: MaxModel) -> dict:
    p = Patcher(spec)
    _title(p, f"{spec.file('forward')}: [{spec.nn('forward')}] on a test sound or live input.",
           f"Put {spec.model} next to this patch (or in Max's search path), set Max to "
           f"{spec.sample_rate or 'the model'}{' Hz' if spec.sample_rate else chr(39) + 's sample rate'}, "
           f"turn audio on. The dry path is delayed by {spec.dry_delay} samples so dry and wet line up.")
    src = _test_sound(p, 20, 70)
    _in_meter(p, src, 20, 440)
    nn = p.obj(spec.nn("forward"), 20, 470, 200)
    for k in range(spec.in_channels):  # a model with several inputs gets the source on each
        p.connect(src, 0, nn, k)
    _nn_messages(p, 260, 440, [nn], 10, 45)
    _output_stage(p, dry=src, wets=_sides(p, nn, 20, 505), x=420, y=600, dry_delay=spec.dry_delay)
    return p.document(f"{spec.model}: forward with test sound, delayed dry, dry/wet and gain")


def latent_patch(spec: MaxModel) -> dict:
    p = Patcher(spec, rect=(80.0, 80.0, 1300.0, 860.0))
    n = spec.latent_size
    _title(p, f"{spec.file('latent')}: [{spec.mcs('encode')}] -> {n} latent dimensions on one "
              f"multichannel cord -> scale, offset -> [{spec.mcs('decode')}].",
           "Per dimension: scale (1 = unchanged) and offset (0 = unchanged); set scale 0 and move the offset "
           "to drive a dimension by hand. mc.*~ / mc.+~ take `setvalue CHANNEL VALUE`.")
    src = _test_sound(p, 20, 70)
    _in_meter(p, src, 20, 440)
    enc = p.obj(spec.mcs("encode"), 20, 470, 260)
    p.connect(src, 0, enc, 0)
    scale = p.obj("mc.*~ 1.", 20, 720, 80)
    offset = p.obj("mc.+~ 0.", 20, 750, 80)
    dec = p.obj(spec.mcs("decode"), 20, 780, 260)
    p.connect(enc, 0, scale, 0)
    p.connect(scale, 0, offset, 0)
    p.connect(offset, 0, dec, 0)
    p.show(p.comment("scale", 300, 500, 50), 10, 335, 50)
    p.show(p.comment("offset", 300, 620, 50), 10, 357, 50)
    for d in range(n):
        x, px = 360 + 64 * (d % 12), 60 + 52 * (d % 14)
        row, prow = 130 * (d // 12), 70 * (d // 14)
        p.show(p.comment(f"z{d}", x, 480 + row, 40), px, 315 + prow, 40)
        s_box = p.show(p.ui("flonum", x, 500 + row, 60), px, 335 + prow, 50)
        o_box = p.show(p.ui("flonum", x, 560 + row, 60), px, 357 + prow, 50)
        p.connect(p.obj("loadmess 1.", x, 470 + row, 60), 0, s_box, 0)
        for box, target, y in ((s_box, scale, 530), (o_box, offset, 590)):
            m = p.msg(f"setvalue {d + 1} $1", x, y + row, 62)
            p.connect(box, 0, m, 0)
            p.connect(m, 0, target, 1)
    _nn_messages(p, 900, 420, [enc, dec], 10, 45)
    out = p.obj(f"mc.unpack~ {spec.out_channels}", 20, 810, 100)
    p.connect(dec, 0, out, 0)
    _output_stage(p, dry=src, wets=_sides(p, out, 20, 835), x=1000, y=660, dry_delay=spec.latent_dry_delay)
    return p.document(f"{spec.model}: encode -> per-dimension scale and offset (mcs.nn~) -> decode")


def onset_abstraction(spec: MaxModel) -> dict:
    """brave.onset~: envelope-difference onset detector with a sample-accurate, once-per-trial latch.

    inlet 1: audio; inlet 2: sample clock (count~); inlet 3: arm with the trial's start sample;
    inlet 4: bang -> outlet 1: sample of the first onset since the last arm (or an older one if
    none was found: the caller checks it against the start sample).
    Detector (the one of `brave-export latency`, with a first-order high-pass where that has a
    second-order one, and without its backtracking): high-pass (x - onepole~ 40 Hz), rectify,
    fast (1 ms) and slow (30 ms) one-pole followers (slide~ in samples at 44.1 kHz), in dB; onset
    where fast - slow >= 9 dB and fast >= -60 dBFS.
    """
    p = Patcher(spec, rect=(100.0, 100.0, 760.0, 620.0))
    audio = p.ui("inlet", 20, 20, 30, 30, index=1, comment="audio to analyse")
    clock = p.ui("inlet", 380, 20, 30, 30, index=2, comment="sample clock (count~)")
    arm = p.ui("inlet", 520, 20, 30, 30, index=3, comment="arm: the trial's start sample")
    report = p.ui("inlet", 660, 20, 30, 30, index=4, comment="bang: report the onset")
    lp = p.obj("onepole~ 40.", 120, 70)
    hp = p.obj("-~", 20, 110)
    p.connect(audio, 0, lp, 0)
    p.connect(audio, 0, hp, 0)
    p.connect(lp, 0, hp, 1)
    rect = p.obj("abs~", 20, 140)
    p.connect(hp, 0, rect, 0)
    fast = p.obj("slide~ 44. 44.", 20, 175)
    slow = p.obj("slide~ 1323. 1323.", 160, 175)
    p.connect(rect, 0, fast, 0)
    p.connect(rect, 0, slow, 0)
    fdb, sdb = p.obj("atodb~", 20, 210), p.obj("atodb~", 160, 210)
    p.connect(fast, 0, fdb, 0)
    p.connect(slow, 0, sdb, 0)
    diff = p.obj("-~", 20, 245)
    p.connect(fdb, 0, diff, 0)
    p.connect(sdb, 0, diff, 1)
    over = p.obj(">~ 9.", 20, 280)
    loud = p.obj(">~ -60.", 160, 280)
    p.connect(diff, 0, over, 0)
    p.connect(fdb, 0, loud, 0)
    trig = p.obj("*~", 20, 315)
    p.connect(over, 0, trig, 0)
    p.connect(loud, 0, trig, 1)
    # latch: only while the held sample is older than the trial's start (armed) may sah~ take a new one
    armed = p.obj("<~ 0.", 260, 315)
    gate = p.obj("*~", 20, 350)
    p.connect(trig, 0, gate, 0)
    p.connect(armed, 0, gate, 1)
    sah = p.obj("sah~ 0.5", 380, 390)
    p.connect(clock, 0, sah, 0)
    p.connect(gate, 0, sah, 1)
    send = p.obj("send~ #0_held", 520, 430)
    recv = p.obj("receive~ #0_held", 260, 270)
    p.connect(sah, 0, send, 0)
    p.connect(recv, 0, armed, 0)
    p.connect(arm, 0, armed, 1)
    snap = p.obj("snapshot~", 380, 470)
    p.connect(sah, 0, snap, 0)
    p.connect(report, 0, snap, 0)
    out = p.ui("outlet", 380, 520, 30, 30, index=1, comment="onset sample")
    p.connect(snap, 0, out, 0)
    p.comment("send~/receive~ close the latch loop with one signal vector of delay (MSP forbids direct "
              "signal feedback); the detector keeps the trigger high far longer than that.", 20, 560, 700,
              lines=2)
    return p.document("onset detector: envelope difference, sample-accurate, first onset per arm",
                      presentation=False)


def latency_patch(spec: MaxModel) -> dict:
    p = Patcher(spec, rect=(60.0, 60.0, 1300.0, 900.0))
    _title(p, f"{spec.file('latency')}: test bursts through [{spec.nn('forward')}]; onsets in input and "
              "output found to the sample (brave.onset~).",
           f"Turn audio on, then run: {TRIALS} trials, one every {PERIOD_MS} ms. Each trial and the summary go "
           f"to the Max window, the number boxes and {RESULTS_FILE} (in Max's default folder: give `write` a full "
           "path to choose).")
    # the sample clock: counts from the moment audio starts (on-initially), restarted by dspstate~
    clock = p.obj("count~ 0 0 1", 20, 130)
    sr = p.obj("dspstate~", 140, 70)
    dsp_on = p.obj("sel 1", 140, 100)
    p.connect(sr, 0, dsp_on, 0)
    p.connect(dsp_on, 0, clock, 0)
    dac = p.show(p.ui("ezdac~", 1100, 60), 10, 50)

    # run control and the trial clock
    p.show(p.comment("run", 330, 60, 40), 90, 50, 40)
    run = p.show(p.ui("toggle", 300, 80), 60, 50)
    run_order = p.obj("t i i", 340, 80)   # reset first, then start the metro
    p.connect(run, 0, run_order, 0)
    metro = p.obj(f"metro {PERIOD_MS}", 300, 120)
    p.connect(run_order, 0, metro, 0)
    start = p.obj("sel 1", 380, 120)
    p.connect(run_order, 1, start, 0)
    tick = p.obj("t b b b", 300, 155)
    p.connect(metro, 0, tick, 0)
    # 1st: arm both detectors with the trial's start sample
    t0 = p.obj("snapshot~", 450, 190)
    p.connect(clock, 0, t0, 0)
    p.connect(tick, 2, t0, 0)
    # 2nd: the burst: noise or a stack of four log-spaced sines, squared linear decay over 200 ms
    env = p.obj("line~", 300, 260)
    burst_msg = p.msg("1, 0 200", 300, 225)
    p.connect(tick, 1, burst_msg, 0)
    p.connect(burst_msg, 0, env, 0)
    env2 = p.obj("*~", 300, 295)
    p.connect(env, 0, env2, 0)
    p.connect(env, 0, env2, 1)
    p.show(p.comment("burst: 1 = noise, 2 = sines", 20, 190, 200), 190, 50, 170)
    kind1 = p.show(p.msg("1", 20, 215), 190, 72)
    kind2 = p.show(p.msg("2", 60, 215), 230, 72)
    noise = p.obj("noise~", 20, 255)
    sines = [p.obj(f"cycle~ {hz}", 100 + 60 * i, 255, 58) for i, hz in enumerate((100, 400, 1600, 6400))]
    s01, s23 = p.obj("+~", 100, 290), p.obj("+~", 220, 290)
    p.connect(sines[0], 0, s01, 0)
    p.connect(sines[1], 0, s01, 1)
    p.connect(sines[2], 0, s23, 0)
    p.connect(sines[3], 0, s23, 1)
    stack = p.obj("+~", 100, 320)
    p.connect(s01, 0, stack, 0)
    p.connect(s23, 0, stack, 1)
    stack_level = p.obj("*~ 0.25", 100, 350)
    p.connect(stack, 0, stack_level, 0)
    kind = p.obj("selector~ 2 1", 20, 390)
    p.connect(kind1, 0, kind, 0)
    p.connect(kind2, 0, kind, 0)
    p.connect(noise, 0, kind, 1)
    p.connect(stack_level, 0, kind, 2)
    burst = p.obj("*~", 20, 425)
    p.connect(kind, 0, burst, 0)
    p.connect(env2, 0, burst, 1)
    level = p.obj("*~ 0.5", 20, 460)
    p.connect(burst, 0, level, 0)

    # the object under test
    nn = p.obj(spec.nn("forward"), 300, 500, 200)
    for k in range(spec.in_channels):
        p.connect(level, 0, nn, k)
    _nn_messages(p, 560, 470, [nn], 380, 50)
    det_in = p.obj(ONSET, 20, 560, 150)
    det_out = p.obj(ONSET, 300, 560, 150)
    for det, sig in ((det_in, level), (det_out, nn)):
        p.connect(sig, 0, det, 0)
        p.connect(clock, 0, det, 1)
        p.connect(t0, 0, det, 2)
    scope = p.show(p.ui("scope~", 1100, 480), 330, 100, 200, 100)
    p.connect(nn, 0, scope, 0)

    # READ_MS later: count the trial, read the input onset, the output onset (which writes the
    # trial's row), then see whether the run is done: [t b b b b] fires right to left
    wait = p.obj(f"delay {READ_MS}", 560, 190)
    p.connect(tick, 0, wait, 0)
    read = p.obj("t b b b b", 560, 225)
    p.connect(wait, 0, read, 0)
    count = p.obj("i", 760, 260)
    inc = p.obj("+ 1", 760, 290)
    p.connect(read, 3, count, 0)
    p.connect(count, 0, inc, 0)
    p.connect(inc, 0, count, 1)
    trial_no = p.obj("i", 840, 330)   # the trial's number, for its row
    done_count = p.obj("i", 980, 330)
    p.connect(inc, 0, trial_no, 1)
    p.connect(inc, 0, done_count, 1)
    p.show(p.comment("trials done", 820, 290, 80), 100, 80, 80)
    shown = p.show(p.ui("number", 900, 290), 60, 80, 36)
    p.connect(inc, 0, shown, 0)
    p.connect(read, 2, det_in, 3)
    p.connect(read, 1, det_out, 3)
    p.connect(read, 0, done_count, 0)

    # latency = out - in when the output onset belongs to this trial (>= its start), else -1
    lat = p.obj("expr ($f1 >= $f3) * ($f1 - $f2 + 1) - 1", 300, 620, 260)
    row = p.obj("pack 0 0. 0. 0. 0.", 300, 720, 160)   # trial, onset in, onset out, samples, ms
    in_t, out_t = p.obj("t f f", 20, 590), p.obj("t f f", 300, 590)
    p.connect(det_in, 0, in_t, 0)
    p.connect(det_out, 0, out_t, 0)
    p.connect(in_t, 1, row, 1)
    p.connect(in_t, 0, lat, 1)
    p.connect(out_t, 1, row, 2)
    p.connect(t0, 0, lat, 2)
    p.connect(out_t, 0, lat, 0)
    valid = p.obj("split 0. 10000000.", 300, 650)
    p.connect(lat, 0, valid, 0)
    per_trial = p.obj("t b f f f", 300, 685)
    p.connect(valid, 0, per_trial, 0)
    to_ms = p.obj("expr $f1 * 1000. / $f2", 460, 700, 150)
    p.connect(per_trial, 3, to_ms, 0)
    p.connect(sr, 1, to_ms, 1)
    p.connect(to_ms, 0, row, 4)
    p.connect(per_trial, 2, row, 3)
    collect = p.obj("zl group 256", 620, 760)  # up to 256 trials
    p.connect(per_trial, 1, collect, 0)
    p.connect(per_trial, 0, trial_no, 0)
    p.connect(trial_no, 0, row, 0)
    # a trial without an output onset: `trial N missed`
    missed = p.obj("t b", 560, 685)
    p.connect(valid, 1, missed, 0)
    missed_no = p.obj("i", 560, 720)
    p.connect(inc, 0, missed_no, 1)
    p.connect(missed, 0, missed_no, 0)
    missed_row = p.obj("append missed", 560, 750)
    p.connect(missed_no, 0, missed_row, 0)

    # the text file (as the Pd patch writes it) and the Max window
    results = p.obj("text", 1000, 840)
    line = p.obj("prepend trial", 300, 760)
    p.connect(row, 0, line, 0)
    p.connect(missed_row, 0, line, 0)
    store = p.obj("t b l", 300, 790)
    p.connect(line, 0, store, 0)
    cr = p.msg("cr", 300, 820)
    p.connect(store, 1, results, 0)
    p.connect(store, 0, cr, 0)
    p.connect(cr, 0, results, 0)
    p.connect(line, 0, p.obj("print latency", 420, 790), 0)

    # stop after TRIALS, then the statistics
    done = p.obj(f"sel {TRIALS}", 980, 360)
    p.connect(done_count, 0, done, 0)
    finish = p.obj("t b b", 980, 390)
    p.connect(done, 0, finish, 0)
    # stop the metro directly and only show the toggle off (`set 0`): turning the toggle itself
    # off would go through its reset chain
    stop = p.msg("stop", 1060, 420)
    p.connect(finish, 1, stop, 0)
    p.connect(stop, 0, metro, 0)
    untick = p.msg("set 0", 1120, 420)
    p.connect(finish, 1, untick, 0)
    p.connect(untick, 0, run, 0)
    p.connect(finish, 0, collect, 0)  # the last trial is collected by now: out goes the list
    # reset on start: trial count 0, empty collection, means and text
    reset = p.obj("t b b b b", 380, 155)
    p.connect(start, 0, reset, 0)
    zero = p.msg("0", 460, 120)
    p.connect(reset, 3, zero, 0)
    p.connect(zero, 0, count, 1)
    clear = p.msg("zlclear", 540, 120)
    p.connect(reset, 2, clear, 0)
    p.connect(clear, 0, collect, 0)
    clear_means = p.msg("clear", 620, 120)
    p.connect(reset, 1, clear_means, 0)
    clear_text = p.msg("clear", 680, 120)
    p.connect(reset, 0, clear_text, 0)
    p.connect(clear_text, 0, results, 0)

    # statistics over the collected latencies (samples). [t b l l l l l] fires right to left: the
    # count, mean, jitter (std), min and max set the summary's cold inlets, then the bang sends the
    # number of trials into its hot inlet: the summary is the run's, the first time too.
    stats = p.obj("t b l l l l l", 620, 800)
    p.connect(collect, 0, stats, 0)
    summary = p.obj("pack 0 0 0. 0. 0. 0. 0.", 620, 1000, 240)  # trials detected mean min max std sr
    n_det = p.obj("zl len", 1100, 840)
    p.connect(stats, 5, n_det, 0)
    p.connect(n_det, 0, summary, 1)
    mean = p.obj("mean", 1040, 840)
    p.connect(stats, 4, mean, 0)
    square = p.obj("vexpr $f1 * $f1", 900, 840)
    p.connect(stats, 3, square, 0)
    mean_sq = p.obj("mean", 900, 870)
    p.connect(square, 0, mean_sq, 0)
    p.connect(clear_means, 0, mean, 0)
    p.connect(clear_means, 0, mean_sq, 0)
    std = p.obj("expr sqrt(abs($f1 - $f2 * $f2))", 900, 900, 200)
    p.connect(mean, 0, std, 1)
    p.connect(mean_sq, 0, std, 0)
    lo = p.obj("minimum 0.", 820, 840)
    hi = p.obj("maximum 0.", 740, 840)
    p.connect(stats, 2, lo, 0)
    p.connect(stats, 1, hi, 0)
    p.connect(mean, 0, summary, 2)
    p.connect(lo, 0, summary, 3)
    p.connect(hi, 0, summary, 4)
    p.connect(std, 0, summary, 5)
    p.connect(sr, 1, summary, 6)
    total = p.obj("i", 620, 900)
    p.connect(inc, 0, total, 1)
    p.connect(stats, 0, total, 0)
    p.connect(total, 0, summary, 0)
    text = p.msg("summary trials $1 detected $2 mean $3 min $4 max $5 std $6 sr $7", 620, 1030, 420)
    p.connect(summary, 0, text, 0)
    p.connect(text, 0, p.obj("print latency", 620, 1090), 0)
    save = p.obj("t b b l", 1000, 1060)
    p.connect(text, 0, save, 0)
    p.connect(save, 2, results, 0)
    cr2 = p.msg("cr", 1060, 1090)
    p.connect(save, 1, cr2, 0)
    p.connect(cr2, 0, results, 0)
    write = p.msg(f"write {RESULTS_FILE}", 1000, 1120)
    p.connect(save, 0, write, 0)
    p.connect(write, 0, results, 0)
    for i, (label, src) in enumerate((("mean", mean), ("jitter", std), ("min", lo), ("max", hi))):
        x = 300 + 130 * i
        p.show(p.comment(f"{label} (smp / ms)", x, 940, 120), 10 + 80 * i, 210, 80)
        p.connect(src, 0, p.show(p.ui("flonum", x, 960, 60), 10 + 80 * i, 232, 70), 0)
        ms = p.obj("expr $f1 * 1000. / $f2", x, 990, 125)
        p.connect(src, 0, ms, 0)
        p.connect(sr, 1, ms, 1)
        p.connect(ms, 0, p.show(p.ui("flonum", x, 1020, 60), 10 + 80 * i, 254, 70), 0)
    monitor = p.obj("*~ 0.5", 1100, 540)
    p.connect(nn, 0, monitor, 0)
    p.connect(monitor, 0, dac, 0)
    p.connect(monitor, 0, dac, 1)
    return p.document(f"{spec.model}: latency measurement of nn~ with test bursts")


def presentation_overlaps(doc: dict) -> list[tuple[str, str]]:
    """Pairs of boxes whose presentation rectangles overlap (a cluttered view: a layout bug)."""
    shown = [(b["box"].get("text", b["box"]["maxclass"]), b["box"]["presentation_rect"])
             for b in doc["patcher"]["boxes"] if b["box"].get("presentation")]
    found = []
    for i, (a, (ax, ay, aw, ah)) in enumerate(shown):
        for b, (bx, by, bw, bh) in shown[i + 1:]:
            if ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah:
                found.append((a, b))
    return found


BUILDERS = {"forward": forward_patch, "latent": latent_patch, "latency": latency_patch}


def render(spec: MaxModel) -> dict[str, str]:
    """File name -> .maxpat text, every patch checked by maxcheck first (ValueError naming the
    problems: a generator bug, never the user's)."""
    onset = onset_abstraction(spec)
    docs = {f"{ONSET}.maxpat": onset}
    docs.update({spec.file(what): make(spec) for what, make in BUILDERS.items()})
    abstractions = {ONSET: abstraction_spec(onset)}
    for name, doc in docs.items():
        problems = check(doc, abstractions, spec.channels())
        if problems:
            raise ValueError(f"{name}: " + "; ".join(problems))
    return {name: json.dumps(doc, indent="\t") + "\n" for name, doc in docs.items()}


def write_patches(spec: MaxModel, folder) -> list[Path]:
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise UserError(f"{folder} is not a folder: pass a folder for the Max patches")
    texts = render(spec)
    folder.mkdir(parents=True, exist_ok=True)
    return write_texts_atomic({folder / name: text for name, text in texts.items()})
